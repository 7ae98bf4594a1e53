/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The struct that crm-import-dialog.c and crm-import-dialog-run.c share
 * (the dialog, and its write on a worker). */

#include "crm-import-dialog.h"
#include "crm-sales-import.h"
#include "crm-store-job.h"

G_BEGIN_DECLS

struct _CrmImportDialog
{
  AdwWindow            parent_instance;

  CrmStore            *store;
  CrmCustomerImport   *import;    /* customers, or */
  CrmSalesImport      *sales;     /* sales */
  char                *currency;
  GPtrArray           *column_rows;
  GPtrArray           *note_rows;
  gboolean             loading;
  guint                n_importing;
  guint64              pause_after;   /* a test's hook (crm_import_dialog_set_pause_after) */
  CrmStoreJob         *job;

  AdwWindowTitle      *window_title;
  GtkButton           *import_button;
  AdwPreferencesGroup *columns_group;
  GtkSwitch           *header_switch;
  AdwComboRow         *policy_row;
  GtkWidget           *header_row;
  GtkWidget           *policy_group;
  GtkWidget           *create_group;
  AdwPreferencesGroup *notes_group;
  GtkSwitch           *create_switch;
  AdwPreferencesGroup *preview_group;
  GtkListBox          *preview_list;
};

void     crm_import_dialog_show_failure   (CrmImportDialog *self,
                                           const GError    *error);
gboolean crm_import_dialog_apply_on_worker (CrmImportDialog *self);

G_END_DECLS
