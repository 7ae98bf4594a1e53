/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-import.h"

#include "crm-store-job.h"

G_BEGIN_DECLS

#define CRM_TYPE_IMPORT_DIALOG (crm_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrmImportDialog, crm_import_dialog, CRM, IMPORT_DIALOG, AdwWindow)

GtkWindow *crm_import_dialog_new   (GtkWindow        *parent,
                                    CrmStore         *store,
                                    GBytes           *bytes,
                                    const char       *file_name,
                                    GError          **error);
GtkWindow *crm_import_dialog_new_sales (GtkWindow    *parent,
                                        CrmStore     *store,
                                        GBytes       *bytes,
                                        const char   *file_name,
                                        GError      **error);
void       crm_import_dialog_open  (GtkWindow        *parent,
                                    CrmStore         *store,
                                    gboolean          sales);
void       crm_import_dialog_open_file (GtkWindow    *parent,
                                        CrmStore     *store,
                                        GFile        *file,
                                        gboolean      sales);
gboolean   crm_import_dialog_apply (CrmImportDialog  *self,
                                    GError          **error);
void       crm_import_dialog_set_pause_after (CrmImportDialog *self,
                                              guint64          n_rows);
CrmStoreJob *crm_import_dialog_get_job (CrmImportDialog *self);
gboolean   crm_import_dialog_is_preparing (CrmImportDialog *self);

G_END_DECLS
