/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRM_TYPE_RESTORE_DIALOG (crm_restore_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrmRestoreDialog, crm_restore_dialog, CRM, RESTORE_DIALOG, AdwWindow)

GtkWindow *crm_restore_dialog_new (GtkWindow  *parent,
                                   const char *data_dir);

G_END_DECLS
