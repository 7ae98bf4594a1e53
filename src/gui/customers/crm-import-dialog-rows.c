/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The import dialog's preview rows: one per row of the plan, a possible
 * duplicate beside what it matched with the choice of what to do, listed
 * a few per main-loop iteration. Part of CrmImportDialog. */

#define G_LOG_DOMAIN "crm-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-format.h"
#include "crm-import-dialog-private.h"
#include "crm-text.h"

/* Rows listed in the preview; the rest are counted. */
#define PREVIEW_ROWS 100
/* Rows added to the list per main-loop iteration: GTK 4.8 takes several
 * milliseconds to lay out each of them the first time. */
#define ROWS_PER_STEP 4

static void choice_toggled_cb (GtkToggleButton *button,
                               CrmImportDialog *self);

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

/* What a possible duplicate's row shows when opened: copied from the plan,
 * which a new plan replaces. */
typedef struct
{
  CrmImportDialog *self;       /* not a reference: the row is the dialog's */
  guint            index;
  gint64           customer_id;
  guint            row;
  guint            same_as_row;
  CrmImportAction  action;
  GtkWidget       *badge;
  gboolean         built;
  char            *ours[5];    /* name, phone, e-mail, address, notes */
  char            *theirs[5];  /* the earlier row's, when it is not a customer */
} Duplicate;

static void
duplicate_free (Duplicate *duplicate)
{
  for (guint i = 0; i < G_N_ELEMENTS (duplicate->ours); i++)
    {
      g_free (duplicate->ours[i]);
      g_free (duplicate->theirs[i]);
    }
  g_free (duplicate);
}

static void
copy_fields (char               *fields[5],
             const CrmImportRow *plan)
{
  fields[0] = g_strdup (plan ? plan->name : "");
  fields[1] = g_strdup (plan ? plan->phone : "");
  fields[2] = g_strdup (plan ? plan->email : "");
  fields[3] = g_strdup (plan ? plan->address : "");
  fields[4] = g_strdup (plan ? plan->notes : "");
}

/* The side by side view and the choice, built when the row is first
 * opened: a big file's preview lists a hundred of them, and GTK measures
 * every hidden one on each layout. */
static void
build_duplicate (AdwExpanderRow *row,
                 Duplicate      *duplicate)
{
  static const CrmImportAction actions[] = { CRM_IMPORT_ADD, CRM_IMPORT_MERGE, CRM_IMPORT_SKIP };
  const char *labels[] = {
    /* Translators: a possible duplicate is added as a customer of its own */
    C_("import", "_Add Separately"),
    /* Translators: a possible duplicate fills in the record it matched */
    C_("import", "_Merge"),
    C_("import", "_Skip"),
  };
  static const char *field_names[] = { N_("Name"), N_("Phone"), N_("E-mail"), N_("Address"), N_("Notes") };
  CrmImportDialog *self = duplicate->self;
  g_autoptr(CrmCustomer) existing = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *ours = NULL;
  gboolean cards = crm_customer_import_get_format (self->import) == CRM_IMPORT_FORMAT_VCARD;
  const char *theirs[5];
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *compare = gtk_list_box_row_new ();
  GtkWidget *choices = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *choice_row = gtk_list_box_row_new ();
  GtkToggleButton *group = NULL;
  CrmImportAction action = duplicate->action;
  gpointer chosen;

  duplicate->built = TRUE;
  if (g_hash_table_lookup_extended (self->choices, GUINT_TO_POINTER (duplicate->index), NULL, &chosen))
    action = GPOINTER_TO_UINT (chosen);

  if (duplicate->customer_id != 0)
    existing = crm_store_get_customer (self->store, duplicate->customer_id);
  if (existing != NULL)
    {
      theirs[0] = crm_customer_get_name (existing);
      theirs[1] = crm_customer_get_phone (existing);
      theirs[2] = crm_customer_get_email (existing);
      theirs[3] = crm_customer_get_address (existing);
      theirs[4] = crm_customer_get_notes (existing);
      heading = g_strdup (_("Already in the shop"));
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (theirs); i++)
        theirs[i] = duplicate->theirs[i];
      heading = cards ? g_strdup_printf (_("Card %u"), duplicate->same_as_row)
                      : g_strdup_printf (_("Row %u"), duplicate->same_as_row);
    }
  ours = cards ? g_strdup_printf (_("Card %u"), duplicate->row) : g_strdup_printf (_("Row %u"), duplicate->row);

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  attach_field (GTK_GRID (grid), 0, "", ours, heading);
  for (guint i = 0; i < G_N_ELEMENTS (field_names); i++)
    attach_field (GTK_GRID (grid), (int) i + 1, _(field_names[i]), duplicate->ours[i], theirs[i]);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (compare), grid);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (compare), FALSE);
  {
    /* Translators: read out for the side-by-side view of a possible duplicate */
    g_autofree char *label = g_strdup_printf (_("%s beside %s"), duplicate->ours[0], theirs[0]);

    gtk_accessible_update_property (GTK_ACCESSIBLE (compare), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
  adw_expander_row_add_row (row, compare);

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
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), action == actions[i]);
      g_object_set_data (G_OBJECT (button), "crm-action", GUINT_TO_POINTER (actions[i]));
      g_object_set_data (G_OBJECT (button), "crm-index", GUINT_TO_POINTER (duplicate->index));
      g_object_set_data (G_OBJECT (button), "crm-badge", duplicate->badge);
      g_signal_connect (button, "toggled", G_CALLBACK (choice_toggled_cb), self);
      gtk_box_append (GTK_BOX (choices), button);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (choice_row), choices);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (choice_row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("What to do with this row"), -1);
  adw_expander_row_add_row (row, choice_row);
}

static void
duplicate_expanded_cb (AdwExpanderRow *row,
                       GParamSpec     *pspec,
                       Duplicate      *duplicate)
{
  if (adw_expander_row_get_expanded (row) && !duplicate->built)
    build_duplicate (row, duplicate);
}

/* A possible duplicate: the row and the record it may duplicate side by
 * side, and the choice between adding, merging and skipping it. */
static GtkWidget *
duplicate_row (CrmImportDialog    *self,
               guint               index,
               const CrmImportRow *plan,
               const CrmImportRow *earlier)
{
  g_autofree char *details = row_details (plan);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *badge = gtk_label_new (action_badge (plan->action));
  Duplicate *duplicate = g_new0 (Duplicate, 1);

  duplicate->self = self;
  duplicate->index = index;
  duplicate->customer_id = plan->customer_id;
  duplicate->row = plan->row;
  duplicate->same_as_row = plan->same_as_row;
  duplicate->action = plan->action;
  duplicate->badge = badge;
  copy_fields (duplicate->ours, plan);
  copy_fields (duplicate->theirs, earlier);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), plan->name);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), details);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "caption");
  gtk_widget_add_css_class (badge, plan->action == CRM_IMPORT_SKIP ? "dim-label" : "warning");
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), badge);
  g_object_set_data (G_OBJECT (row), "crm-badge", badge);

  g_object_set_data_full (G_OBJECT (row), "crm-duplicate", duplicate, (GDestroyNotify) duplicate_free);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (duplicate_expanded_cb), duplicate);

  return row;
}

/* Marks the "And N more rows" line among the pending rows. */
#define MORE_ROWS G_MAXUINT

/* The plan's row for a spreadsheet row or card number: the plan keeps the
 * file's order. */
static const CrmImportRow *
plan_row_numbered (CrmImportDialog *self,
                   guint            number)
{
  guint low = 0, high = crm_customer_import_get_n_rows (self->import);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      const CrmImportRow *row = crm_customer_import_get_row (self->import, middle);

      if (row->row == number)
        return row;
      if (row->row < number)
        low = middle + 1;
      else
        high = middle;
    }
  return NULL;
}

static GtkWidget *
build_row (CrmImportDialog *self,
           guint            index)
{
  if (index == MORE_ROWS)
    {
      guint n_rows = self->sales ? crm_sales_import_get_n_rows (self->sales)
                                 : crm_customer_import_get_n_rows (self->import);
      GtkWidget *more = adw_action_row_new ();
      g_autofree char *text = g_strdup_printf (ngettext ("And %u more row", "And %u more rows",
                                                         n_rows - PREVIEW_ROWS),
                                               n_rows - PREVIEW_ROWS);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), text);
      gtk_widget_add_css_class (more, "dim-label");
      return more;
    }

  if (self->sales)
    return sales_row (self, crm_sales_import_get_row (self->sales, index));

  {
    const CrmImportRow *plan = crm_customer_import_get_row (self->import, index);

    if (plan->possible_duplicate)
      return duplicate_row (self, index, plan, plan_row_numbered (self, plan->same_as_row));
    return preview_row (plan);
  }
}

/* The preview's rows are built and put into the list a few at a time, so
 * that the window paints and answers keys between them. The plan stays as
 * it is meanwhile: a new one first drops what is still to come. */
static gboolean
add_rows_cb (gpointer user_data)
{
  CrmImportDialog *self = user_data;

  for (guint i = 0; i < ROWS_PER_STEP && self->next_row < self->pending_rows->len; i++)
    gtk_list_box_append (self->preview_list,
                         build_row (self, g_array_index (self->pending_rows, guint, self->next_row++)));

  if (self->next_row < self->pending_rows->len)
    return G_SOURCE_CONTINUE;

  g_array_set_size (self->pending_rows, 0);
  self->next_row = 0;
  self->rows_id = 0;
  return G_SOURCE_REMOVE;
}

static void
queue_row (CrmImportDialog *self,
           guint            index)
{
  g_array_append_val (self->pending_rows, index);
}

/* Before a new plan, and from dispose: an older plan's rows are not listed.
 * Returns whether some were still to come. */
gboolean
crm_import_dialog_drop_rows (CrmImportDialog *self)
{
  gboolean pending = self->rows_id != 0;

  g_clear_handle_id (&self->rows_id, g_source_remove);
  g_array_set_size (self->pending_rows, 0);
  self->next_row = 0;
  return pending;
}

/* Possible duplicates first, each beside what it matched; then the other
 * rows, up to PREVIEW_ROWS in all. */
static void
fill_customer_rows (CrmImportDialog *self)
{
  guint n_rows = crm_customer_import_get_n_rows (self->import);
  guint shown = 0;

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n_rows && shown < PREVIEW_ROWS; i++)
      if (crm_customer_import_get_row (self->import, i)->possible_duplicate == (pass == 0))
        {
          queue_row (self, i);
          shown++;
        }
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

/* Lists the plan just made: possible duplicates first, up to PREVIEW_ROWS,
 * the first few at once and the rest after the next frames. */
void
crm_import_dialog_list_rows (CrmImportDialog *self)
{
  guint n_rows;

  if (self->sales)
    {
      n_rows = crm_sales_import_get_n_rows (self->sales);
      for (guint i = 0; i < MIN (n_rows, PREVIEW_ROWS); i++)
        queue_row (self, i);
    }
  else
    {
      n_rows = crm_customer_import_get_n_rows (self->import);
      fill_customer_rows (self);
    }

  if (n_rows > PREVIEW_ROWS)
    queue_row (self, MORE_ROWS);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_list), n_rows > 0);

  if (add_rows_cb (self))
    self->rows_id = g_idle_add (add_rows_cb, self);
}
