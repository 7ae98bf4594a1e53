/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-insights-worker.h"

G_BEGIN_DECLS

#define CRM_TYPE_INSIGHTS_LOYALTY (crm_insights_loyalty_get_type ())

G_DECLARE_FINAL_TYPE (CrmInsightsLoyalty, crm_insights_loyalty, CRM, INSIGHTS_LOYALTY, GtkBox)

void        crm_insights_loyalty_update     (CrmInsightsLoyalty      *self,
                                             const CrmInsightsResult *result);
const char *crm_insights_loyalty_get_figure (CrmInsightsLoyalty *self,
                                             const char         *name);

G_END_DECLS
