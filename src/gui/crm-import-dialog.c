/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Import customers from a spreadsheet's CSV or a phone's vCard file: say
 * what each column holds, choose what happens to customers already in
 * the shop, see every row's fate before anything is written. */

#define G_LOG_DOMAIN "crm-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-format.h"
#include "crm-import-dialog.h"

/* Rows listed in the preview; the rest are counted. */
#define PREVIEW_ROWS 100

struct _CrmImportDialog
{
  AdwWindow            parent_instance;

  CrmStore            *store;
  CrmCustomerImport   *import;
  GPtrArray           *column_rows;
  gboolean             loading;
  guint                n_importing;

  AdwWindowTitle      *window_title;
  GtkButton           *import_button;
  AdwPreferencesGroup *columns_group;
  GtkSwitch           *header_switch;
  AdwComboRow         *policy_row;
  AdwPreferencesGroup *preview_group;
  GtkListBox          *preview_list;
};

G_DEFINE_FINAL_TYPE (CrmImportDialog, crm_import_dialog, ADW_TYPE_WINDOW)

/* Positions of the policy row, in the order of the .ui file. */
static const CrmDuplicatePolicy policies[] = {
  CRM_DUPLICATE_SKIP, CRM_DUPLICATE_MERGE, CRM_DUPLICATE_KEEP_BOTH,
};

static GtkWidget *
preview_row (const CrmImportRow *plan)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge;
  g_autoptr(GString) details = g_string_new (NULL);
  const char *parts[] = { plan->phone, plan->email, plan->reason };
  const char *what;

  switch (plan->action)
    {
    case CRM_IMPORT_ADD:
      /* Translators: badge of a preview row that becomes a new customer */
      what = C_("import", "New");
      break;
    case CRM_IMPORT_MERGE:
      /* Translators: badge of a preview row merged into a customer already there */
      what = C_("import", "Merge");
      break;
    case CRM_IMPORT_SKIP:
    default:
      /* Translators: badge of a preview row that is left out */
      what = C_("import", "Skip");
      break;
    }

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || parts[i][0] == '\0')
        continue;
      if (details->len > 0)
        g_string_append (details, " · ");
      g_string_append (details, parts[i]);
    }

  /* What the file says is text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 plan->name != NULL && plan->name[0] != '\0' ? plan->name : _("No name"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

  badge = gtk_label_new (what);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "caption");
  gtk_widget_add_css_class (badge, plan->action == CRM_IMPORT_SKIP ? "dim-label" : "accent");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);

  return row;
}

/* Works out the plan again and shows it: called whenever an option or a
 * column changes. Nothing is written. */
static void
refresh_preview (CrmImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *counts_text = NULL;
  g_autofree char *added = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *skipped = NULL;
  g_autofree char *button = NULL;
  CrmImportCounts counts = { 0 };
  GtkWidget *child;
  guint n_rows;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_list))) != NULL)
    gtk_list_box_remove (self->preview_list, child);

  if (!crm_customer_import_prepare (self->import, self->store, &error))
    {
      adw_preferences_group_set_description (self->preview_group, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->preview_list), FALSE);
      self->n_importing = 0;
      gtk_button_set_label (self->import_button, _("_Import"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
      return;
    }

  crm_customer_import_get_counts (self->import, &counts);
  n_rows = crm_customer_import_get_n_rows (self->import);

  added = g_strdup_printf (ngettext ("%u new customer", "%u new customers", counts.added), counts.added);
  /* Translators: rows of the file filled into customers already there */
  merged = g_strdup_printf (ngettext ("%u merged", "%u merged", counts.merged), counts.merged);
  skipped = g_strdup_printf (ngettext ("%u skipped", "%u skipped", counts.skipped), counts.skipped);
  /* Translators: "12 new customers, 3 merged, 1 skipped." */
  counts_text = g_strdup_printf (_("%s, %s, %s."), added, merged, skipped);
  adw_preferences_group_set_description (self->preview_group, counts_text);

  for (guint i = 0; i < MIN (n_rows, PREVIEW_ROWS); i++)
    gtk_list_box_append (self->preview_list, preview_row (crm_customer_import_get_row (self->import, i)));

  if (n_rows > PREVIEW_ROWS)
    {
      GtkWidget *more = adw_action_row_new ();
      g_autofree char *text = g_strdup_printf (ngettext ("And %u more row", "And %u more rows",
                                                         n_rows - PREVIEW_ROWS),
                                               n_rows - PREVIEW_ROWS);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), text);
      gtk_widget_add_css_class (more, "dim-label");
      gtk_list_box_append (self->preview_list, more);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->preview_list), n_rows > 0);

  self->n_importing = counts.added + counts.merged;
  button = g_strdup_printf (ngettext ("_Import %u Customer", "_Import %u Customers", self->n_importing),
                            self->n_importing);
  gtk_button_set_label (self->import_button, button);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), self->n_importing > 0);
}

static void
column_changed_cb (AdwComboRow     *row,
                   GParamSpec      *pspec,
                   CrmImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "crm-column"));

  if (self->loading)
    return;

  crm_customer_import_set_column_field (self->import, column, adw_combo_row_get_selected (row));
  refresh_preview (self);
}

/* One row per column of the file: its title and a sample value, and
 * what it holds. */
static void
fill_columns (CrmImportDialog *self)
{
  guint n_columns = crm_customer_import_get_n_columns (self->import);
  const char *labels[CRM_CUSTOMER_N_COLUMNS + 1];

  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->column_rows, i));
  g_ptr_array_set_size (self->column_rows, 0);

  for (guint f = 0; f < CRM_CUSTOMER_N_COLUMNS; f++)
    labels[f] = crm_customer_column_get_label (f);
  labels[CRM_CUSTOMER_N_COLUMNS] = NULL;

  self->loading = TRUE;
  for (guint c = 0; c < n_columns; c++)
    {
      g_autoptr(GtkStringList) fields = gtk_string_list_new (labels);
      const char *title = crm_customer_import_get_column_title (self->import, c);
      const char *sample = crm_customer_import_get_column_sample (self->import, c);
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
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), crm_customer_import_get_column_field (self->import, c));
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
  guint policy = adw_combo_row_get_selected (self->policy_row);

  if (self->loading || self->import == NULL)
    return;

  crm_customer_import_set_policy (self->import, policies[MIN (policy, G_N_ELEMENTS (policies) - 1)]);
  if (crm_customer_import_get_format (self->import) == CRM_IMPORT_FORMAT_CSV &&
      gtk_switch_get_active (self->header_switch) != crm_customer_import_get_has_header (self->import))
    {
      /* The column names and samples change with the header row. */
      crm_customer_import_set_has_header (self->import, gtk_switch_get_active (self->header_switch));
      fill_columns (self);
    }

  refresh_preview (self);
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
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *done = NULL;

  g_return_val_if_fail (CRM_IS_IMPORT_DIALOG (self), FALSE);

  if (!crm_customer_import_apply (self->import, self->store, &counts, error))
    return FALSE;

  done = g_strdup_printf (ngettext ("%u customer imported", "%u customers imported",
                                    counts.added + counts.merged),
                          counts.added + counts.merged);
  if (parent != NULL)
    crm_format_toast (GTK_WIDGET (parent), done);

  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
import_clicked_cb (CrmImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!crm_import_dialog_apply (self, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Nothing Was Imported"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
crm_import_dialog_dispose (GObject *object)
{
  CrmImportDialog *self = CRM_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (crm_import_dialog_parent_class)->dispose (object);
}

static void
crm_import_dialog_finalize (GObject *object)
{
  CrmImportDialog *self = CRM_IMPORT_DIALOG (object);

  g_clear_object (&self->import);
  g_clear_object (&self->store);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);

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
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, CrmImportDialog, preview_list);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, options_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crm_import_dialog_init (CrmImportDialog *self)
{
  self->column_rows = g_ptr_array_new ();
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;
}

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
  g_autoptr(CrmCustomerImport) import = NULL;
  CrmImportDialog *self;
  gboolean csv;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  import = crm_customer_import_new (bytes, crm_import_guess_format (file_name, bytes), error);
  if (import == NULL)
    return NULL;

  self = g_object_new (CRM_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->import = g_steal_pointer (&import);

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
  refresh_preview (self);

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

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     CrmStore        *store)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkWindow *dialog;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      name = g_file_get_basename (file);
      bytes = crm_import_load_file (file, NULL, &error);
      dialog = bytes != NULL ? crm_import_dialog_new (parent, store, bytes, name, &error) : NULL;

      if (dialog != NULL)
        gtk_window_present (dialog);
      else
        show_read_error (parent, error->message);
    }

  g_object_unref (store);
  g_object_unref (chooser);
}

/**
 * crm_import_dialog_open:
 *
 * Asks for a file, then shows the import dialog for it.
 */
void
crm_import_dialog_open (GtkWindow *parent,
                        CrmStore  *store)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) contacts = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (CRM_IS_STORE (store));

  chooser = gtk_file_chooser_native_new (_("Import Customers"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));

  gtk_file_filter_set_name (contacts, _("Spreadsheets and Contacts (CSV, vCard)"));
  gtk_file_filter_add_suffix (contacts, "csv");
  gtk_file_filter_add_suffix (contacts, "tsv");
  gtk_file_filter_add_suffix (contacts, "txt");
  gtk_file_filter_add_suffix (contacts, "vcf");
  gtk_file_filter_add_suffix (contacts, "vcard");
  gtk_file_filter_add_mime_type (contacts, "text/csv");
  gtk_file_filter_add_mime_type (contacts, "text/vcard");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), contacts);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (store));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
