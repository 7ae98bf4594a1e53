/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_SEND_DIALOG (crm_send_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrmSendDialog, crm_send_dialog, CRM, SEND_DIALOG, AdwWindow)

GtkWindow *crm_send_dialog_new  (GtkWindow  *parent,
                                 CrmStore   *store,
                                 gint64      customer_id,
                                 const char *template_key);
gboolean   crm_send_dialog_send (CrmSendDialog *self);

G_END_DECLS
