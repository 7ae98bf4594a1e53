/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "crm-insights.h"
#include "crm-loyalty-insights.h"

G_BEGIN_DECLS

/* Everything the Insights page shows for one period, worked out in a
 * worker thread on a read-only connection of its own. */
typedef struct
{
  CrmPeriod          period;
  CrmInsights        insights;
  gboolean           loyalty_enabled;
  gboolean           has_loyalty;   /* FALSE when its figures failed (logged) */
  CrmLoyaltyFigures  loyalty;
  char              *currency;
} CrmInsightsResult;

void               crm_insights_result_free    (CrmInsightsResult    *result);
CrmInsightsResult *crm_insights_compute_result (CrmStore             *store,
                                                CrmPeriod             period,
                                                gint64                now);
void               crm_insights_compute_async  (const char           *data_dir,
                                                const char           *database,
                                                CrmPeriod             period,
                                                gint64                now,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
CrmInsightsResult *crm_insights_compute_finish (GAsyncResult         *result,
                                                GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmInsightsResult, crm_insights_result_free)

G_END_DECLS
