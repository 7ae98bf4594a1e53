/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_RECORD_DIALOG (crm_record_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrmRecordDialog, crm_record_dialog, CRM, RECORD_DIALOG, AdwWindow)

GtkWindow *crm_record_dialog_new  (GtkWindow *parent,
                                   CrmStore  *store,
                                   gint64     customer_id,
                                   gboolean   purchase);
GtkWindow *crm_record_dialog_new_edit (GtkWindow              *parent,
                                       CrmStore               *store,
                                       gint64                  customer_id,
                                       const CrmTimelineEntry *entry);
gboolean   crm_record_dialog_save (CrmRecordDialog *self);
gboolean   crm_record_dialog_delete (CrmRecordDialog *self);

G_END_DECLS
