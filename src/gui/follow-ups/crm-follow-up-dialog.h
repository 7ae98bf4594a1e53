/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_FOLLOW_UP_DIALOG (crm_follow_up_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrmFollowUpDialog, crm_follow_up_dialog, CRM, FOLLOW_UP_DIALOG, AdwWindow)

GtkWindow *crm_follow_up_dialog_new          (GtkWindow         *parent,
                                              CrmStore          *store,
                                              gint64             customer_id,
                                              gint64             follow_up_id);
void       crm_follow_up_dialog_set_customer (CrmFollowUpDialog *self,
                                              gint64             customer_id);
void       crm_follow_up_dialog_set_note     (CrmFollowUpDialog *self,
                                              const char        *note);
gboolean   crm_follow_up_dialog_save         (CrmFollowUpDialog *self);

G_END_DECLS
