/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-context.h"

G_BEGIN_DECLS

#define CRM_TYPE_FEEDBACK_PAGE (crm_feedback_page_get_type ())

G_DECLARE_FINAL_TYPE (CrmFeedbackPage, crm_feedback_page, CRM, FEEDBACK_PAGE, AdwBin)

void   crm_feedback_page_set_context (CrmFeedbackPage *self,
                                      CrmContext      *context);
void   crm_feedback_page_show_entry  (CrmFeedbackPage *self,
                                      gint64           feedback_id);
gint64 crm_feedback_page_get_shown   (CrmFeedbackPage *self);

G_END_DECLS
