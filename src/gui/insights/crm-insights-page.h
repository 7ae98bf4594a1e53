/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-context.h"

G_BEGIN_DECLS

#define CRM_TYPE_INSIGHTS_PAGE (crm_insights_page_get_type ())

G_DECLARE_FINAL_TYPE (CrmInsightsPage, crm_insights_page, CRM, INSIGHTS_PAGE, AdwBin)

void        crm_insights_page_set_context (CrmInsightsPage *self,
                                           CrmContext      *context);
void        crm_insights_page_refresh     (CrmInsightsPage *self);
const char *crm_insights_page_get_figure  (CrmInsightsPage *self,
                                           const char      *name);
gboolean    crm_insights_page_is_updating (CrmInsightsPage *self);
guint       crm_insights_page_get_n_results (CrmInsightsPage *self);
GtkWidget  *crm_insights_page_get_chart   (CrmInsightsPage *self,
                                           const char      *name);

G_END_DECLS
