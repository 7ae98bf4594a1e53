/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Find Duplicates: the customers of the shop who may be one person (the
 * same phone number, e-mail address or name), a pair side by side, and
 * one kept with everything the other had, undoably; or the pair marked as
 * two people, so it is not offered again. */

#define G_LOG_DOMAIN "crm-duplicates-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-duplicates-dialog.h"
#include "crm-format.h"
#include "crm-store-merge.h"

struct _CrmDuplicatesDialog
{
  AdwWindow          parent_instance;

  CrmStore          *store;
  char              *currency;
  GArray            *pairs;      /* CrmDuplicatePair */
  guint              current;

  AdwToastOverlay   *toasts;
  AdwWindowTitle    *window_title;
  GtkWidget         *back_button;
  GtkStack          *stack;
  GtkListBox        *pairs_list;
  GtkLabel          *compare_label;
  GtkBox            *sides_box;
};

G_DEFINE_FINAL_TYPE (CrmDuplicatesDialog, crm_duplicates_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  CrmStore     *store;
  CrmMergeUndo *undo;
  GtkWidget    *dialog;   /* weak */
} PendingUndo;

static void
pending_undo_free (gpointer data,
                   GClosure *closure)
{
  PendingUndo *pending = data;

  g_clear_weak_pointer (&pending->dialog);
  g_object_unref (pending->store);
  crm_merge_undo_free (pending->undo);
  g_free (pending);
}

static char *
sameness_text (CrmSameness same)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (same & CRM_SAME_PHONE)
    g_ptr_array_add (parts, (gpointer) _("the same phone number"));
  if (same & CRM_SAME_EMAIL)
    g_ptr_array_add (parts, (gpointer) _("the same e-mail address"));
  if (same & CRM_SAME_NAME)
    g_ptr_array_add (parts, (gpointer) _("the same name"));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (", ", (char **) parts->pdata);
}

static void show_pairs (CrmDuplicatesDialog *self);

static void
load_pairs (CrmDuplicatesDialog *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  g_clear_pointer (&self->pairs, g_array_unref);
  self->pairs = crm_store_find_duplicates (self->store, &error);
  if (self->pairs == NULL)
    {
      crm_format_toast (GTK_WIDGET (self->toasts), error->message);
      self->pairs = g_array_new (FALSE, FALSE, sizeof (CrmDuplicatePair));
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pairs_list))) != NULL)
    gtk_list_box_remove (self->pairs_list, child);

  for (guint i = 0; i < self->pairs->len; i++)
    {
      const CrmDuplicatePair *pair = &g_array_index (self->pairs, CrmDuplicatePair, i);
      g_autoptr(CrmCustomer) first = crm_store_get_customer (self->store, pair->first);
      g_autoptr(CrmCustomer) second = crm_store_get_customer (self->store, pair->second);
      g_autofree char *title = NULL;
      g_autofree char *same = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *arrow;

      if (first == NULL || second == NULL)
        continue;

      /* Translators: two customers who may be one person */
      title = g_strdup_printf (_("%s and %s"), crm_customer_get_name (first), crm_customer_get_name (second));
      same = sameness_text (pair->same);
      /* Translators: %s is "the same phone number, the same name" */
      subtitle = g_strdup_printf (_("They have %s."), same);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      arrow = g_object_new (GTK_TYPE_IMAGE, "icon-name", "go-next-symbolic",
                            "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      g_object_set_data (G_OBJECT (row), "crm-pair", GUINT_TO_POINTER (i));
      gtk_list_box_append (self->pairs_list, row);
    }

  show_pairs (self);
}

static void
show_pairs (CrmDuplicatesDialog *self)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->pairs_list));
  g_autofree char *count = NULL;

  count = g_strdup_printf (ngettext ("%u pair to look at", "%u pairs to look at", self->pairs->len),
                           self->pairs->len);
  adw_window_title_set_subtitle (self->window_title, first != NULL ? count : NULL);
  gtk_stack_set_visible_child_name (self->stack, first != NULL ? "pairs" : "empty");
  gtk_widget_set_visible (self->back_button, FALSE);
  if (first != NULL)
    gtk_widget_grab_focus (first);
}

static void
add_field (AdwPreferencesGroup *group,
           const char          *label,
           const char          *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *text = gtk_label_new (value != NULL && value[0] != '\0' ? value : "—");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (text), 1);
  gtk_label_set_justify (GTK_LABEL (text), GTK_JUSTIFY_RIGHT);
  gtk_widget_set_hexpand (text, TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), text);
  adw_preferences_group_add (group, row);
}

static void keep_clicked_cb (GtkButton           *button,
                             CrmDuplicatesDialog *self);

/* One of the two: what the store holds of them, and the button that keeps
 * them. */
static GtkWidget *
side_view (CrmDuplicatesDialog *self,
           CrmCustomer         *customer,
           guint                side)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Keep This One"));
  g_autofree char *tags = g_strjoinv (", ", (char **) crm_customer_get_tags (customer));
  g_autofree char *spend = crm_format_money (crm_customer_get_spend (customer), self->currency);
  g_autofree char *purchases = NULL;
  g_autofree char *keep = NULL;
  guint n = crm_customer_get_total_purchases (customer);

  /* Translators: "3 purchases; ₾42.50 this year", all purchases then the
   * spend the customer list shows */
  purchases = g_strdup_printf (ngettext ("%u purchase; %s this year", "%u purchases; %s this year", n),
                               n, spend);

  add_field (ADW_PREFERENCES_GROUP (group), _("Name"), crm_customer_get_name (customer));
  add_field (ADW_PREFERENCES_GROUP (group), _("Phone"), crm_customer_get_phone (customer));
  add_field (ADW_PREFERENCES_GROUP (group), _("E-mail"), crm_customer_get_email (customer));
  add_field (ADW_PREFERENCES_GROUP (group), _("Address"), crm_customer_get_address (customer));
  add_field (ADW_PREFERENCES_GROUP (group), _("Birthday"), crm_customer_get_birthday (customer));
  add_field (ADW_PREFERENCES_GROUP (group), _("Tags"), tags);
  add_field (ADW_PREFERENCES_GROUP (group), _("Purchases"), purchases);
  add_field (ADW_PREFERENCES_GROUP (group), _("Notes"), crm_customer_get_notes (customer));

  /* Translators: read out for the button that keeps this customer and
   * merges the other one into them */
  keep = g_strdup_printf (_("Keep %s"), crm_customer_get_name (customer));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, keep, -1);
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_add_css_class (button, "pill");
  g_object_set_data (G_OBJECT (button), "crm-side", GUINT_TO_POINTER (side));
  g_signal_connect (button, "clicked", G_CALLBACK (keep_clicked_cb), self);

  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

static void
show_pair (CrmDuplicatesDialog *self,
           guint                index)
{
  const CrmDuplicatePair *pair = &g_array_index (self->pairs, CrmDuplicatePair, index);
  g_autoptr(CrmCustomer) first = crm_store_get_customer (self->store, pair->first);
  g_autoptr(CrmCustomer) second = crm_store_get_customer (self->store, pair->second);
  g_autofree char *same = sameness_text (pair->same);
  g_autofree char *text = NULL;
  GtkWidget *child;

  if (first == NULL || second == NULL)
    {
      load_pairs (self);
      return;
    }

  self->current = index;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sides_box))) != NULL)
    gtk_box_remove (self->sides_box, child);
  gtk_box_append (self->sides_box, side_view (self, first, 0));
  gtk_box_append (self->sides_box, side_view (self, second, 1));

  /* Translators: %s is "the same phone number, the same name" */
  text = g_strdup_printf (_("They have %s. Keep the one whose details are right: the other’s purchases, "
                            "visits, follow-ups, feedback, tags and points move to them, and whatever "
                            "differs is kept in their notes."),
                          same);
  gtk_label_set_text (self->compare_label, text);
  gtk_stack_set_visible_child_name (self->stack, "compare");
  gtk_widget_set_visible (self->back_button, TRUE);
  gtk_widget_child_focus (GTK_WIDGET (self->sides_box), GTK_DIR_TAB_FORWARD);
}

static void
pair_activated_cb (CrmDuplicatesDialog *self,
                   GtkListBoxRow       *row)
{
  show_pair (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "crm-pair")));
}

static void
undo_clicked_cb (AdwToast    *toast,
                 PendingUndo *pending)
{
  g_autoptr(GError) error = NULL;

  if (!crm_store_undo_merge (pending->store, pending->undo, &error) && pending->dialog != NULL)
    crm_format_toast (pending->dialog, error->message);
  if (pending->dialog != NULL)
    load_pairs (CRM_DUPLICATES_DIALOG (gtk_widget_get_root (pending->dialog)));
}

/**
 * crm_duplicates_dialog_keep:
 * @side: 0 to keep the pair's first (left), 1 the second (right)
 *
 * Merges the other of the pair on show into the one kept, and offers
 * Undo.
 */
gboolean
crm_duplicates_dialog_keep (CrmDuplicatesDialog  *self,
                            guint                 side,
                            GError              **error)
{
  const CrmDuplicatePair *pair;
  g_autoptr(CrmCustomer) kept = NULL;
  g_autoptr(CrmCustomer) gone = NULL;
  CrmMergeUndo *undo = NULL;
  PendingUndo *pending;
  g_autofree char *title = NULL;
  g_autofree char *gone_name = NULL;
  g_autofree char *kept_name = NULL;
  AdwToast *toast;
  gint64 keep, remove;

  g_return_val_if_fail (CRM_IS_DUPLICATES_DIALOG (self), FALSE);
  g_return_val_if_fail (self->current < self->pairs->len, FALSE);

  pair = &g_array_index (self->pairs, CrmDuplicatePair, self->current);
  keep = side == 0 ? pair->first : pair->second;
  remove = side == 0 ? pair->second : pair->first;
  kept = crm_store_get_customer (self->store, keep);
  gone = crm_store_get_customer (self->store, remove);
  if (kept == NULL || gone == NULL)
    {
      load_pairs (self);
      return TRUE;
    }

  if (!crm_store_merge_customers (self->store, keep, remove, &undo, error))
    return FALSE;

  gone_name = g_markup_escape_text (crm_customer_get_name (gone), -1);
  kept_name = g_markup_escape_text (crm_customer_get_name (kept), -1);
  /* Translators: a toast; the first is the customer merged into the second */
  title = g_strdup_printf (_("“%s” merged into “%s”"), gone_name, kept_name);

  pending = g_new0 (PendingUndo, 1);
  pending->store = g_object_ref (self->store);
  pending->undo = undo;
  g_set_weak_pointer (&pending->dialog, GTK_WIDGET (self->toasts));

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), pending,
                         pending_undo_free, 0);
  adw_toast_overlay_add_toast (self->toasts, toast);

  load_pairs (self);
  return TRUE;
}

static void
keep_clicked_cb (GtkButton           *button,
                 CrmDuplicatesDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint side = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "crm-side"));

  if (!crm_duplicates_dialog_keep (self, side, &error))
    crm_format_toast (GTK_WIDGET (self->toasts), error->message);
}

static void
not_same_clicked_cb (CrmDuplicatesDialog *self)
{
  const CrmDuplicatePair *pair = &g_array_index (self->pairs, CrmDuplicatePair, self->current);
  g_autoptr(GError) error = NULL;

  if (!crm_store_set_not_duplicates (self->store, pair->first, pair->second, &error))
    crm_format_toast (GTK_WIDGET (self->toasts), error->message);
  load_pairs (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrmDuplicatesDialog *self = CRM_DUPLICATES_DIALOG (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "compare") == 0)
    show_pairs (self);
}

static void
crm_duplicates_dialog_dispose (GObject *object)
{
  CrmDuplicatesDialog *self = CRM_DUPLICATES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_DUPLICATES_DIALOG);

  G_OBJECT_CLASS (crm_duplicates_dialog_parent_class)->dispose (object);
}

static void
crm_duplicates_dialog_finalize (GObject *object)
{
  CrmDuplicatesDialog *self = CRM_DUPLICATES_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->pairs, g_array_unref);

  G_OBJECT_CLASS (crm_duplicates_dialog_parent_class)->finalize (object);
}

static void
crm_duplicates_dialog_class_init (CrmDuplicatesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_duplicates_dialog_dispose;
  object_class->finalize = crm_duplicates_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/clientele/Clientele/crm-duplicates-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmDuplicatesDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, CrmDuplicatesDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrmDuplicatesDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, CrmDuplicatesDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmDuplicatesDialog, pairs_list);
  gtk_widget_class_bind_template_child (widget_class, CrmDuplicatesDialog, compare_label);
  gtk_widget_class_bind_template_child (widget_class, CrmDuplicatesDialog, sides_box);
  gtk_widget_class_bind_template_callback (widget_class, pair_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, not_same_clicked_cb);

  gtk_widget_class_install_action (widget_class, "duplicates.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "duplicates.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crm_duplicates_dialog_init (CrmDuplicatesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * crm_duplicates_dialog_new:
 *
 * Returns: (transfer floating): the Find Duplicates window for @store
 */
GtkWindow *
crm_duplicates_dialog_new (GtkWindow *parent,
                           CrmStore  *store)
{
  CrmDuplicatesDialog *self;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  self = g_object_new (CRM_TYPE_DUPLICATES_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->currency = crm_store_dup_currency (store);
  load_pairs (self);

  return GTK_WINDOW (self);
}
