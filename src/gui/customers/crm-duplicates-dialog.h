/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_DUPLICATES_DIALOG (crm_duplicates_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrmDuplicatesDialog, crm_duplicates_dialog, CRM, DUPLICATES_DIALOG, AdwWindow)

GtkWindow *crm_duplicates_dialog_new  (GtkWindow            *parent,
                                       CrmStore             *store);
gboolean   crm_duplicates_dialog_keep (CrmDuplicatesDialog  *self,
                                       guint                 side,
                                       GError              **error);

G_END_DECLS
