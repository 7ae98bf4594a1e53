/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The struct that crm-import-dialog.c, -rows.c, -preview.c and -run.c
 * share (the dialog, its preview's rows, its plan and its write on a
 * worker). */

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
  GCancellable        *preparing;     /* while a plan is made on a worker */
  gboolean             prepare_again; /* an option changed meanwhile */
  gboolean             rows_again;    /* the rows are to be built again, not only the counts */
  guint                progress_id;
  GHashTable          *choices;       /* possible duplicates' choices: index → CrmImportAction */
  GArray              *pending_rows;  /* the plan's rows (indices) not yet listed */
  guint                next_row;
  guint                rows_id;

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
  GtkWidget           *progress_group;
  GtkProgressBar      *preview_progress;
};

void     crm_import_dialog_show_failure   (CrmImportDialog *self,
                                           const GError    *error);
gboolean crm_import_dialog_apply_on_worker (CrmImportDialog *self);

/* crm-import-dialog.c */
void     crm_import_dialog_apply_options  (CrmImportDialog *self);
void     crm_import_dialog_show_plan      (CrmImportDialog *self,
                                           const GError    *error);
void     crm_import_dialog_show_counts    (CrmImportDialog *self);

/* crm-import-dialog-rows.c */
void     crm_import_dialog_list_rows      (CrmImportDialog *self);
gboolean crm_import_dialog_drop_rows      (CrmImportDialog *self);

/* crm-import-dialog-preview.c */
void     crm_import_dialog_refresh        (CrmImportDialog *self,
                                           gboolean         rows);
void     crm_import_dialog_stop_plan      (CrmImportDialog *self);

G_END_DECLS
