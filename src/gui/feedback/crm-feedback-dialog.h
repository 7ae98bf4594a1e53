/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_FEEDBACK_DIALOG (crm_feedback_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrmFeedbackDialog, crm_feedback_dialog, CRM, FEEDBACK_DIALOG, AdwWindow)

GtkWindow *crm_feedback_dialog_new    (GtkWindow         *parent,
                                       CrmStore          *store,
                                       gint64             customer_id);
gint64     crm_feedback_dialog_save   (CrmFeedbackDialog *self);

G_END_DECLS
