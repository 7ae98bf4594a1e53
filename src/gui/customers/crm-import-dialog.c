/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Import customers from a spreadsheet's CSV or a phone's vCard file, or
 * sales from a till's CSV: say what each column holds, choose what happens
 * to customers already in the shop (or not in it yet), see what the file
 * holds that is not imported, look at possible duplicates side by side,
 * and see every row's fate before anything is written. */

#define G_LOG_DOMAIN "crm-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-format.h"
#include "crm-import-dialog-private.h"
#include "crm-text.h"



G_DEFINE_FINAL_TYPE (CrmImportDialog, crm_import_dialog, ADW_TYPE_WINDOW)

/* Positions of the policy row, in the order of the .ui file. */
static const CrmDuplicatePolicy policies[] = {
  CRM_DUPLICATE_SKIP, CRM_DUPLICATE_MERGE, CRM_DUPLICATE_KEEP_BOTH,
};

/* The two kinds of import have the same shape of columns. */
static guint
column_count (CrmImportDialog *self)
{
  return self->sales ? crm_sales_import_get_n_columns (self->sales)
                     : crm_customer_import_get_n_columns (self->import);
}

static const char *
column_title (CrmImportDialog *self,
              guint            column)
{
  return self->sales ? crm_sales_import_get_column_title (self->sales, column)
                     : crm_customer_import_get_column_title (self->import, column);
}

static const char *
column_sample (CrmImportDialog *self,
               guint            column)
{
  return self->sales ? crm_sales_import_get_column_sample (self->sales, column)
                     : crm_customer_import_get_column_sample (self->import, column);
}

static guint
column_field (CrmImportDialog *self,
              guint            column)
{
  return self->sales ? (guint) crm_sales_import_get_column_field (self->sales, column)
                     : (guint) crm_customer_import_get_column_field (self->import, column);
}

static GtkStringList *
field_labels (CrmImportDialog *self)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  guint n = self->sales ? CRM_SALES_N_COLUMNS : CRM_CUSTOMER_N_COLUMNS;

  for (guint f = 0; f < n; f++)
    gtk_string_list_append (labels, self->sales ? crm_sales_column_get_label (f)
                                                : crm_customer_column_get_label (f));
  return labels;
}

/* What the file holds that is not imported, and how it was read. */
static void
fill_notes (CrmImportDialog *self)
{
  g_auto(GStrv) notes = self->sales ? crm_sales_import_dup_notes (self->sales)
                                    : crm_customer_import_dup_notes (self->import);

  for (guint i = 0; i < self->note_rows->len; i++)
    adw_preferences_group_remove (self->notes_group, g_ptr_array_index (self->note_rows, i));
  g_ptr_array_set_size (self->note_rows, 0);

  for (guint i = 0; notes[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      /* Decoration: the row's text says it all. */
      GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", "dialog-information-symbolic",
                                      "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), notes[i]);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (self->notes_group, row);
      g_ptr_array_add (self->note_rows, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->notes_group), notes[0] != NULL);
}

/* The counts above the preview and the import button, from the plan. */
void
crm_import_dialog_show_counts (CrmImportDialog *self)
{
  g_autofree char *counts_text = NULL;
  g_autofree char *added = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *skipped = NULL;
  g_autofree char *button = NULL;

  if (self->sales)
    {
      CrmSalesCounts sales = { 0 };

      crm_sales_import_get_counts (self->sales, &sales);
      added = g_strdup_printf (ngettext ("%u purchase", "%u purchases", sales.added), sales.added);
      /* Translators: buyers not in the shop yet, added with their purchases */
      merged = g_strdup_printf (ngettext ("%u new customer", "%u new customers", sales.new_customers),
                                sales.new_customers);
      skipped = g_strdup_printf (ngettext ("%u skipped", "%u skipped", sales.skipped), sales.skipped);
      self->n_importing = sales.added;
      button = g_strdup_printf (ngettext ("_Import %u Purchase", "_Import %u Purchases", self->n_importing),
                                self->n_importing);
      /* Translators: "12 new customers, 3 merged, 1 skipped." */
      counts_text = g_strdup_printf (_("%s, %s, %s."), added, merged, skipped);
    }
  else
    {
      CrmImportCounts counts = { 0 };

      crm_customer_import_get_counts (self->import, &counts);
      added = g_strdup_printf (ngettext ("%u new customer", "%u new customers", counts.added), counts.added);
      /* Translators: rows of the file filled into customers already there */
      merged = g_strdup_printf (ngettext ("%u merged", "%u merged", counts.merged), counts.merged);
      skipped = g_strdup_printf (ngettext ("%u skipped", "%u skipped", counts.skipped), counts.skipped);
      self->n_importing = counts.added + counts.merged;
      button = g_strdup_printf (ngettext ("_Import %u Customer", "_Import %u Customers", self->n_importing),
                                self->n_importing);
      counts_text = g_strdup_printf (_("%s, %s, %s."), added, merged, skipped);
      if (counts.possible_duplicates > 0)
        {
          g_autofree char *look = g_strdup_printf (ngettext ("%u row may be someone already there under "
                                                             "another name: it is listed first, to look at.",
                                                             "%u rows may be someone already there under "
                                                             "another name: they are listed first, to look at.",
                                                             counts.possible_duplicates),
                                                   counts.possible_duplicates);
          char *joined = g_strconcat (counts_text, " ", look, NULL);

          g_free (counts_text);
          counts_text = joined;
        }
    }

  adw_preferences_group_set_description (self->preview_group, counts_text);
  gtk_button_set_label (self->import_button, button);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), self->n_importing > 0);
}

/* Shows the plan just made, or why there is none (@error: no column
 * holds names, no rows). */
void
crm_import_dialog_show_plan (CrmImportDialog *self,
                             const GError    *error)
{
  GtkWidget *child;

  crm_import_dialog_drop_rows (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_list))) != NULL)
    gtk_list_box_remove (self->preview_list, child);

  if (error != NULL)
    {
      adw_preferences_group_set_description (self->preview_group, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->preview_list), FALSE);
      self->n_importing = 0;
      gtk_button_set_label (self->import_button, _("_Import"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
      fill_notes (self);
      return;
    }

  crm_import_dialog_show_counts (self);
  fill_notes (self);
  crm_import_dialog_list_rows (self);
}

static void
column_changed_cb (AdwComboRow     *row,
                   GParamSpec      *pspec,
                   CrmImportDialog *self)
{
  if (!self->loading)
    crm_import_dialog_refresh (self, TRUE);
}

/* One row per column of the file: its title and a sample value, and
 * what it holds. */
static void
fill_columns (CrmImportDialog *self)
{
  guint n_columns = column_count (self);

  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->column_rows, i));
  g_ptr_array_set_size (self->column_rows, 0);

  self->loading = TRUE;
  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(GtkStringList) fields = field_labels (self);
      const char *title = column_title (self, c);
      const char *sample = column_sample (self, c);
      g_autofree char *fallback = NULL;
      GtkWidget *row = adw_combo_row_new ();

      if (title == NULL || title[0] == '\0')
        /* Translators: a column of the file without a name; %u counts from 1 */
        title = fallback = g_strdup_printf (_("Column %u"), c + 1);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sample != NULL ? sample : "");
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (fields));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), column_field (self, c));
      g_object_set_data (G_OBJECT (row), "crm-column", GUINT_TO_POINTER (c));
      g_signal_connect (row, "notify::selected", G_CALLBACK (column_changed_cb), self);

      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->column_rows, row);
    }
  self->loading = FALSE;
}

static void
options_changed_cb (CrmImportDialog *self)
{
  if (!self->loading && (self->import != NULL || self->sales != NULL))
    crm_import_dialog_refresh (self, TRUE);
}

/* What the options say, handed to the import before a plan is made (never
 * while one is being made: the import is the worker's then). */
void
crm_import_dialog_apply_options (CrmImportDialog *self)
{
  GHashTableIter iter;
  gpointer index, action;

  if (self->sales)
    crm_sales_import_set_create_customers (self->sales, gtk_switch_get_active (self->create_switch));
  else
    {
      guint policy = adw_combo_row_get_selected (self->policy_row);

      crm_customer_import_set_policy (self->import, policies[MIN (policy, G_N_ELEMENTS (policies) - 1)]);
      if (crm_customer_import_get_format (self->import) == CRM_IMPORT_FORMAT_CSV &&
          gtk_switch_get_active (self->header_switch) != crm_customer_import_get_has_header (self->import))
        {
          /* The column names and samples change with the header row. */
          crm_customer_import_set_has_header (self->import, gtk_switch_get_active (self->header_switch));
          fill_columns (self);
        }

      g_hash_table_iter_init (&iter, self->choices);
      while (g_hash_table_iter_next (&iter, &index, &action))
        crm_customer_import_set_row_action (self->import, GPOINTER_TO_UINT (index), GPOINTER_TO_UINT (action));
    }

  /* Only the columns whose choice changed: a choice may move a field away
   * from another column. */
  for (guint i = 0; i < self->column_rows->len; i++)
    {
      AdwComboRow *row = g_ptr_array_index (self->column_rows, i);
      guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "crm-column"));
      guint field = adw_combo_row_get_selected (row);

      if (field == column_field (self, column))
        continue;
      if (self->sales)
        crm_sales_import_set_column_field (self->sales, column, field);
      else
        crm_customer_import_set_column_field (self->import, column, field);
    }
}

/**
 * crm_import_dialog_apply:
 *
 * Writes the plan as the preview shows it, all or nothing.
 *
 * Returns: %TRUE when the customers are in the shop
 */
gboolean
crm_import_dialog_apply (CrmImportDialog  *self,
                         GError          **error)
{
  CrmImportCounts counts = { 0 };
  CrmSalesCounts sales = { 0 };
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *done = NULL;

  g_return_val_if_fail (CRM_IS_IMPORT_DIALOG (self), FALSE);
  /* The import is the worker's until its plan is made. */
  g_return_val_if_fail (self->preparing == NULL, FALSE);

  if (self->sales)
    {
      if (!crm_sales_import_apply (self->sales, self->store, &sales, error))
        return FALSE;
      done = g_strdup_printf (ngettext ("%u purchase imported", "%u purchases imported", sales.added),
                              sales.added);
    }
  else
    {
      if (!crm_customer_import_apply (self->import, self->store, &counts, error))
        return FALSE;
      done = g_strdup_printf (ngettext ("%u customer imported", "%u customers imported",
                                        counts.added + counts.merged),
                              counts.added + counts.merged);
    }

  if (parent != NULL)
    crm_format_toast (GTK_WIDGET (parent), done);

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
import_clicked_cb (CrmImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->job != NULL || self->preparing != NULL || crm_import_dialog_apply_on_worker (self))
    return;

  if (!crm_import_dialog_apply (self, &error))
    crm_import_dialog_show_failure (self, error);
}


static void
crm_import_dialog_dispose (GObject *object)
{
  CrmImportDialog *self = CRM_IMPORT_DIALOG (object);

  crm_import_dialog_stop_plan (self);
  crm_import_dialog_drop_rows (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (crm_import_dialog_parent_class)->dispose (object);
}

static gpointer
unref_thread (gpointer data)
{
  g_object_unref (data);
  return NULL;
}

/* A big file's rows and plan take a tenth of a second to free: not while
 * the window waits. */
static void
unref_elsewhere (gpointer object)
{
  if (object != NULL)
    g_thread_unref (g_thread_new ("crm-import-free", unref_thread, object));
}

static void
crm_import_dialog_finalize (GObject *object)
{
  CrmImportDialog *self = CRM_IMPORT_DIALOG (object);

  g_clear_object (&self->job);
  unref_elsewhere (g_steal_pointer (&self->import));
  unref_elsewhere (g_steal_pointer (&self->sales));
  g_clear_pointer (&self->currency, g_free);
  g_clear_object (&self->store);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->note_rows, g_ptr_array_unref);
  g_clear_pointer (&self->choices, g_hash_table_unref);
  g_clear_pointer (&self->pending_rows, g_array_unref);

  G_OBJECT_CLASS (crm_import_dialog_parent_class)->finalize (object);
}

static void
crm_import_dialog_class_init (CrmImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_import_dialog_dispose;
  object_class->finalize = crm_import_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/clientele/Clientele/crm-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, header_switch);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, policy_row);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, header_row);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, policy_group);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, create_group);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, create_switch);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, notes_group);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, preview_list);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, progress_group);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, preview_progress);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, options_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crm_import_dialog_init (CrmImportDialog *self)
{
  self->column_rows = g_ptr_array_new ();
  self->note_rows = g_ptr_array_new ();
  self->choices = g_hash_table_new (NULL, NULL);
  self->pending_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;
}

static GtkWindow *new_for_customers (GtkWindow         *parent,
                                     CrmStore          *store,
                                     CrmCustomerImport *import,
                                     const char        *file_name);
static GtkWindow *new_for_sales     (GtkWindow         *parent,
                                     CrmStore          *store,
                                     CrmSalesImport    *sales,
                                     const char        *file_name);

/**
 * crm_import_dialog_new:
 * @bytes: the file's contents
 * @file_name: (nullable): its name, for the title and to tell the format
 *
 * Returns: (transfer floating) (nullable): the dialog, or %NULL with
 *   @error set when the file cannot be read as customers
 */
GtkWindow *
crm_import_dialog_new (GtkWindow   *parent,
                       CrmStore    *store,
                       GBytes      *bytes,
                       const char  *file_name,
                       GError     **error)
{
  CrmCustomerImport *import;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  import = crm_customer_import_new (bytes, crm_import_guess_format (file_name, bytes), error);
  if (import == NULL)
    return NULL;
  return new_for_customers (parent, store, import, file_name);
}

/* @import: (transfer full) */
static GtkWindow *
new_for_customers (GtkWindow         *parent,
                   CrmStore          *store,
                   CrmCustomerImport *import,
                   const char        *file_name)
{
  CrmImportDialog *self;
  gboolean csv;

  self = g_object_new (CRM_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->import = import;

  if (file_name != NULL)
    adw_window_title_set_subtitle (self->window_title, file_name);

  /* A vCard names its fields itself; only a CSV has columns to choose. */
  csv = crm_customer_import_get_format (self->import) == CRM_IMPORT_FORMAT_CSV;
  gtk_widget_set_visible (GTK_WIDGET (self->columns_group), csv);

  self->loading = TRUE;
  gtk_switch_set_active (self->header_switch, crm_customer_import_get_has_header (self->import));
  for (guint i = 0; i < G_N_ELEMENTS (policies); i++)
    if (policies[i] == crm_customer_import_get_policy (self->import))
      adw_combo_row_set_selected (self->policy_row, i);
  self->loading = FALSE;

  if (csv)
    fill_columns (self);
  crm_import_dialog_refresh (self, TRUE);

  return GTK_WINDOW (self);
}

/**
 * crm_import_dialog_new_sales:
 * @bytes: a till's CSV export
 *
 * Returns: (transfer floating) (nullable): the dialog for importing
 *   purchases, or %NULL with @error set when the file cannot be read
 */
GtkWindow *
crm_import_dialog_new_sales (GtkWindow   *parent,
                             CrmStore    *store,
                             GBytes      *bytes,
                             const char  *file_name,
                             GError     **error)
{
  CrmSalesImport *sales;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  sales = crm_sales_import_new (bytes, error);
  if (sales == NULL)
    return NULL;
  return new_for_sales (parent, store, sales, file_name);
}

/* @sales: (transfer full) */
static GtkWindow *
new_for_sales (GtkWindow      *parent,
               CrmStore       *store,
               CrmSalesImport *sales,
               const char     *file_name)
{
  CrmImportDialog *self;

  self = g_object_new (CRM_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->sales = sales;
  self->currency = crm_store_dup_currency (store);

  gtk_window_set_title (GTK_WINDOW (self), _("Import Sales"));
  adw_window_title_set_title (self->window_title, _("Import Sales"));
  if (file_name != NULL)
    adw_window_title_set_subtitle (self->window_title, file_name);

  /* A till's export always names its columns. */
  gtk_widget_set_visible (self->header_row, FALSE);
  gtk_widget_set_visible (self->policy_group, FALSE);
  gtk_widget_set_visible (self->create_group, TRUE);

  self->loading = TRUE;
  gtk_switch_set_active (self->create_switch, crm_sales_import_get_create_customers (self->sales));
  self->loading = FALSE;

  fill_columns (self);
  crm_import_dialog_refresh (self, TRUE);

  return GTK_WINDOW (self);
}

static void
show_read_error (GtkWindow  *parent,
                 const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Could Not Read the File"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A file is read and its rows parsed on a worker: a big one takes a
 * tenth of a second or more. */
typedef struct
{
  GtkWindow *parent;
  CrmStore  *store;
  GFile     *file;
  char      *name;
  gboolean   sales;
  GObject   *import;    /* the result */
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_clear_object (&job->parent);
  g_clear_object (&job->store);
  g_clear_object (&job->file);
  g_clear_object (&job->import);
  g_free (job->name);
  g_free (job);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = crm_import_load_file (job->file, cancellable, &error);

  if (bytes != NULL && job->sales)
    job->import = G_OBJECT (crm_sales_import_new (bytes, &error));
  else if (bytes != NULL)
    job->import = G_OBJECT (crm_customer_import_new (bytes, crm_import_guess_format (job->name, bytes), &error));

  if (job->import == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  ReadJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    show_read_error (job->parent, error->message);
  else
    {
      if (job->sales)
        dialog = new_for_sales (job->parent, job->store, CRM_SALES_IMPORT (g_steal_pointer (&job->import)),
                                job->name);
      else
        dialog = new_for_customers (job->parent, job->store, CRM_CUSTOMER_IMPORT (g_steal_pointer (&job->import)),
                                    job->name);
      gtk_window_present (dialog);
    }

  /* The window is let go of here, on its own thread, whichever thread
   * drops the task last. */
  g_clear_object (&job->parent);
  g_clear_object (&job->store);
}

/**
 * crm_import_dialog_open_file:
 * @sales: a till's sales rather than customers
 *
 * Reads @file on a worker, then shows the import dialog for it, or what
 * is wrong with it.
 */
void
crm_import_dialog_open_file (GtkWindow *parent,
                             CrmStore  *store,
                             GFile     *file,
                             gboolean   sales)
{
  g_autoptr(GTask) task = NULL;
  ReadJob *job;

  g_return_if_fail (CRM_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  job = g_new0 (ReadJob, 1);
  job->parent = parent != NULL ? g_object_ref (parent) : NULL;
  job->store = g_object_ref (store);
  job->file = g_object_ref (file);
  job->name = g_file_get_basename (file);
  job->sales = sales;

  task = g_task_new (NULL, NULL, read_done_cb, NULL);
  g_task_set_source_tag (task, crm_import_dialog_open_file);
  g_task_set_task_data (task, job, (GDestroyNotify) read_job_free);
  g_task_run_in_thread (task, read_thread);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     CrmStore        *store)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      crm_import_dialog_open_file (gtk_native_dialog_get_transient_for (chooser), store, file,
                                   g_object_get_data (G_OBJECT (chooser), "crm-sales") != NULL);
    }

  g_object_unref (store);
  g_object_unref (chooser);
}

/**
 * crm_import_dialog_open:
 * @sales: a till's sales rather than customers
 *
 * Asks for a file, then shows the import dialog for it.
 */
void
crm_import_dialog_open (GtkWindow *parent,
                        CrmStore  *store,
                        gboolean   sales)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) contacts = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (CRM_IS_STORE (store));

  chooser = gtk_file_chooser_native_new (sales ? _("Import Sales") : _("Import Customers"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  if (sales)
    g_object_set_data (G_OBJECT (chooser), "crm-sales", GINT_TO_POINTER (TRUE));

  gtk_file_filter_set_name (contacts, sales ? _("Spreadsheets (CSV)") : _("Spreadsheets and Contacts (CSV, vCard)"));
  gtk_file_filter_add_suffix (contacts, "csv");
  gtk_file_filter_add_suffix (contacts, "tsv");
  gtk_file_filter_add_suffix (contacts, "txt");
  gtk_file_filter_add_mime_type (contacts, "text/csv");
  if (!sales)
    {
      gtk_file_filter_add_suffix (contacts, "vcf");
      gtk_file_filter_add_suffix (contacts, "vcard");
      gtk_file_filter_add_mime_type (contacts, "text/vcard");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), contacts);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (store));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
