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

/* Rows listed in the preview; the rest are counted. */
#define PREVIEW_ROWS 100


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

static GtkWidget *
badge_row (const char *title,
           const char *subtitle,
           const char *badge_text,
           gboolean    skipped)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge = gtk_label_new (badge_text);

  /* What the file says is text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL && title[0] != '\0' ? title : _("No name"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "caption");
  gtk_widget_add_css_class (badge, skipped ? "dim-label" : "accent");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);

  return row;
}

static void
append_detail (GString    *details,
               const char *part)
{
  if (part == NULL || part[0] == '\0')
    return;
  if (details->len > 0)
    g_string_append (details, " · ");
  g_string_append (details, part);
}

static GtkWidget *
sales_row (CrmImportDialog   *self,
           const CrmSalesRow *plan)
{
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *date = plan->at != 0 ? crm_text_format_date (plan->at, FALSE) : NULL;
  g_autofree char *money = plan->amount != 0 ? crm_format_money (plan->amount, self->currency) : NULL;
  const char *what;

  append_detail (details, date);
  append_detail (details, money);
  append_detail (details, plan->description);
  append_detail (details, plan->reason);

  if (plan->action == CRM_IMPORT_SKIP)
    what = C_("import", "Skip");
  else if (plan->new_customer)
    /* Translators: badge of a sale whose buyer becomes a new customer */
    what = C_("import", "New Customer");
  else
    /* Translators: badge of a sale that will be recorded */
    what = C_("import", "Purchase");

  return badge_row (plan->customer, details->str, what, plan->action == CRM_IMPORT_SKIP);
}

static const char *
action_badge (CrmImportAction action)
{
  switch (action)
    {
    case CRM_IMPORT_ADD:
      /* Translators: badge of a preview row that becomes a new customer */
      return C_("import", "New");
    case CRM_IMPORT_MERGE:
      /* Translators: badge of a preview row merged into a customer already there */
      return C_("import", "Merge");
    case CRM_IMPORT_SKIP:
    default:
      /* Translators: badge of a preview row that is left out */
      return C_("import", "Skip");
    }
}

static char *
row_details (const CrmImportRow *plan)
{
  GString *details = g_string_new (NULL);

  append_detail (details, plan->phone);
  append_detail (details, plan->email);
  append_detail (details, plan->reason);
  for (guint i = 0; plan->left_out != NULL && plan->left_out[i] != NULL; i++)
    append_detail (details, plan->left_out[i]);

  return g_string_free (details, FALSE);
}

static GtkWidget *
preview_row (const CrmImportRow *plan)
{
  g_autofree char *details = row_details (plan);

  return badge_row (plan->name, details, action_badge (plan->action), plan->action == CRM_IMPORT_SKIP);
}

/* One line of the side-by-side view: what a field says in the row and in
 * the record it may duplicate. */
static void
attach_field (GtkGrid    *grid,
              int         line,
              const char *label,
              const char *ours,
              const char *theirs)
{
  const char *texts[] = { label, ours, theirs };

  for (int c = 0; c < 3; c++)
    {
      gboolean empty = texts[c] == NULL || texts[c][0] == '\0';
      GtkWidget *text = gtk_label_new (empty && line > 0 ? "—" : texts[c]);

      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (text), c > 0);
      gtk_widget_set_hexpand (text, c > 0);
      if (c == 0)
        gtk_widget_add_css_class (text, "dim-label");
      if (line == 0)
        gtk_widget_add_css_class (text, "heading");
      gtk_grid_attach (grid, text, c, line, 1, 1);
    }
}

static void
choice_toggled_cb (GtkToggleButton *button,
                   CrmImportDialog *self);

/* A possible duplicate: the row and the record it may duplicate side by
 * side, and the choice between adding, merging and skipping it. */
static GtkWidget *
duplicate_row (CrmImportDialog    *self,
               guint               index,
               const CrmImportRow *plan,
               const CrmImportRow *earlier)
{
  static const CrmImportAction actions[] = { CRM_IMPORT_ADD, CRM_IMPORT_MERGE, CRM_IMPORT_SKIP };
  const char *labels[] = {
    /* Translators: a possible duplicate is added as a customer of its own */
    C_("import", "_Add Separately"),
    /* Translators: a possible duplicate fills in the record it matched */
    C_("import", "_Merge"),
    C_("import", "_Skip"),
  };
  g_autoptr(CrmCustomer) existing = NULL;
  g_autofree char *details = row_details (plan);
  g_autofree char *heading = NULL;
  g_autofree char *ours = NULL;
  gboolean cards = crm_customer_import_get_format (self->import) == CRM_IMPORT_FORMAT_VCARD;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *badge = gtk_label_new (action_badge (plan->action));
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *compare = gtk_list_box_row_new ();
  GtkWidget *choices = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *choice_row = gtk_list_box_row_new ();
  GtkToggleButton *group = NULL;
  const char *other_name, *other_phone, *other_email, *other_address, *other_notes;

  if (plan->customer_id != 0)
    existing = crm_store_get_customer (self->store, plan->customer_id);
  if (existing != NULL)
    {
      other_name = crm_customer_get_name (existing);
      other_phone = crm_customer_get_phone (existing);
      other_email = crm_customer_get_email (existing);
      other_address = crm_customer_get_address (existing);
      other_notes = crm_customer_get_notes (existing);
      heading = g_strdup (_("Already in the shop"));
    }
  else
    {
      other_name = earlier ? earlier->name : "";
      other_phone = earlier ? earlier->phone : "";
      other_email = earlier ? earlier->email : "";
      other_address = earlier ? earlier->address : "";
      other_notes = earlier ? earlier->notes : "";
      heading = cards ? g_strdup_printf (_("Card %u"), plan->same_as_row)
                      : g_strdup_printf (_("Row %u"), plan->same_as_row);
    }
  ours = cards ? g_strdup_printf (_("Card %u"), plan->row) : g_strdup_printf (_("Row %u"), plan->row);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), plan->name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), details);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "caption");
  gtk_widget_add_css_class (badge, plan->action == CRM_IMPORT_SKIP ? "dim-label" : "warning");
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), badge);
  g_object_set_data (G_OBJECT (row), "crm-badge", badge);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  attach_field (GTK_GRID (grid), 0, "", ours, heading);
  attach_field (GTK_GRID (grid), 1, _("Name"), plan->name, other_name);
  attach_field (GTK_GRID (grid), 2, _("Phone"), plan->phone, other_phone);
  attach_field (GTK_GRID (grid), 3, _("E-mail"), plan->email, other_email);
  attach_field (GTK_GRID (grid), 4, _("Address"), plan->address, other_address);
  attach_field (GTK_GRID (grid), 5, _("Notes"), plan->notes, other_notes);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (compare), grid);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (compare), FALSE);
  {
    /* Translators: read out for the side-by-side view of a possible duplicate */
    g_autofree char *label = g_strdup_printf (_("%s beside %s"), plan->name, other_name);

    gtk_accessible_update_property (GTK_ACCESSIBLE (compare), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), compare);

  gtk_widget_add_css_class (choices, "linked");
  gtk_widget_set_halign (choices, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (choices, 6);
  gtk_widget_set_margin_bottom (choices, 12);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_mnemonic (labels[i]);

      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), plan->action == actions[i]);
      g_object_set_data (G_OBJECT (button), "crm-action", GUINT_TO_POINTER (actions[i]));
      g_object_set_data (G_OBJECT (button), "crm-index", GUINT_TO_POINTER (index));
      g_object_set_data (G_OBJECT (button), "crm-badge", badge);
      g_signal_connect (button, "toggled", G_CALLBACK (choice_toggled_cb), self);
      gtk_box_append (GTK_BOX (choices), button);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (choice_row), choices);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (choice_row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What to do with this row"), -1);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), choice_row);

  return row;
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

/* Possible duplicates first, each beside what it matched; then the other
 * rows, up to PREVIEW_ROWS in all. */
static void
fill_customer_rows (CrmImportDialog *self)
{
  guint n_rows = crm_customer_import_get_n_rows (self->import);
  g_autoptr(GHashTable) by_number = g_hash_table_new (NULL, NULL);
  guint shown = 0;

  for (guint i = 0; i < n_rows; i++)
    g_hash_table_insert (by_number, GUINT_TO_POINTER (crm_customer_import_get_row (self->import, i)->row),
                         GUINT_TO_POINTER (i));

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n_rows && shown < PREVIEW_ROWS; i++)
      {
        const CrmImportRow *plan = crm_customer_import_get_row (self->import, i);
        const CrmImportRow *earlier = NULL;
        gpointer index;

        if (plan->possible_duplicate != (pass == 0))
          continue;

        if (plan->possible_duplicate &&
            g_hash_table_lookup_extended (by_number, GUINT_TO_POINTER (plan->same_as_row), NULL, &index))
          earlier = crm_customer_import_get_row (self->import, GPOINTER_TO_UINT (index));

        gtk_list_box_append (self->preview_list,
                             plan->possible_duplicate ? duplicate_row (self, i, plan, earlier) : preview_row (plan));
        shown++;
      }
}

/* Shows the plan just made, or why there is none (@error: no column
 * holds names, no rows). */
void
crm_import_dialog_show_plan (CrmImportDialog *self,
                             const GError    *error)
{
  GtkWidget *child;
  guint n_rows;

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

  if (self->sales)
    {
      n_rows = crm_sales_import_get_n_rows (self->sales);
      for (guint i = 0; i < MIN (n_rows, PREVIEW_ROWS); i++)
        gtk_list_box_append (self->preview_list, sales_row (self, crm_sales_import_get_row (self->sales, i)));
    }
  else
    {
      n_rows = crm_customer_import_get_n_rows (self->import);
      fill_customer_rows (self);
    }

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
}

/* A choice for a possible duplicate: the plan is made again, the rows
 * stay as they are (with the open one open) but for its badge. */
static void
choice_toggled_cb (GtkToggleButton *button,
                   CrmImportDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "crm-index"));
  CrmImportAction action = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "crm-action"));
  GtkLabel *badge = g_object_get_data (G_OBJECT (button), "crm-badge");

  if (!gtk_toggle_button_get_active (button) || self->import == NULL)
    return;

  /* The import is the worker's while a plan is made: the choice is handed
   * to it when the next one starts. */
  g_hash_table_insert (self->choices, GUINT_TO_POINTER (index), GUINT_TO_POINTER (action));
  gtk_label_set_text (badge, action_badge (action));
  crm_import_dialog_refresh (self, FALSE);
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
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (crm_import_dialog_parent_class)->dispose (object);
}

static void
crm_import_dialog_finalize (GObject *object)
{
  CrmImportDialog *self = CRM_IMPORT_DIALOG (object);

  g_clear_object (&self->job);
  g_clear_object (&self->import);
  g_clear_object (&self->sales);
  g_clear_pointer (&self->currency, g_free);
  g_clear_object (&self->store);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->note_rows, g_ptr_array_unref);
  g_clear_pointer (&self->choices, g_hash_table_unref);

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
  g_autoptr(CrmSalesImport) sales = NULL;
  CrmImportDialog *self;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  sales = crm_sales_import_new (bytes, error);
  if (sales == NULL)
    return NULL;

  self = g_object_new (CRM_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->sales = g_steal_pointer (&sales);
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

  if (response == GTK_RESPONSE_ACCEPT)
    {
      GtkWindow *dialog;

      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      name = g_file_get_basename (file);
      bytes = crm_import_load_file (file, NULL, &error);
      if (bytes == NULL)
        dialog = NULL;
      else if (g_object_get_data (G_OBJECT (chooser), "crm-sales") != NULL)
        dialog = crm_import_dialog_new_sales (parent, store, bytes, name, &error);
      else
        dialog = crm_import_dialog_new (parent, store, bytes, name, &error);

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
