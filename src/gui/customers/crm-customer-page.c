/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-customer-page"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-customer-page.h"
#include "crm-follow-up-row.h"
#include "crm-format.h"
#include "crm-loyalty-card.h"
#include "crm-record-dialog.h"
#include "crm-store.h"
#include "crm-text.h"

struct _CrmCustomerPage
{
  AdwBin          parent_instance;

  CrmContext     *context;
  gulong          changed_id;
  gint64          customer_id;
  gboolean        dirty;
  gboolean        filling;

  /* Template widgets */
  GtkLabel       *name_label;
  GtkLabel       *badge_label;
  GtkLabel       *reason_label;
  GtkLabel       *risk_label;
  GtkWidget      *actions_box;
  AdwEntryRow    *name_row;
  AdwEntryRow    *phone_row;
  AdwEntryRow    *email_row;
  AdwEntryRow    *address_row;
  AdwEntryRow    *birthday_row;
  AdwEntryRow    *tags_row;
  AdwComboRow    *segment_row;
  GtkTextView    *notes_view;
  GtkLabel       *error_label;
  GtkButton      *save_button;
  GtkWidget      *feedback_group;
  GtkListBox     *feedback_list;
  CrmLoyaltyCard *loyalty_card;
  GtkWidget      *follow_ups_group;
  GtkListBox     *follow_ups_list;
  GtkWidget      *history_group;
  GtkListBox     *history_list;
  GtkWidget      *danger_box;
};

G_DEFINE_FINAL_TYPE (CrmCustomerPage, crm_customer_page, ADW_TYPE_BIN)

enum {
  DONE,
  ARCHIVE,
  DELETE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The segment row's positions. */
static const char *const overrides[] = { NULL, "key", "secondary" };

#define HISTORY_LIMIT 200

static CrmStore *
get_store (CrmCustomerPage *self)
{
  return crm_context_get_store (self->context);
}

static char *
describe_segment (CrmCustomerPage *self,
                  CrmCustomer     *customer)
{
  CrmStore *store = get_store (self);
  g_autofree char *rule = crm_store_dup_setting (store, "segment.rule", "pareto");
  gint days = crm_store_get_setting_int (store, "segment.window_days", 365);
  const char *override = crm_customer_get_segment_override (customer);
  g_autofree char *why = NULL;
  g_autofree char *figures = NULL;

  if (g_strcmp0 (override, "key") == 0)
    why = g_strdup (_("Always a key client: set by hand."));
  else if (g_strcmp0 (override, "secondary") == 0)
    why = g_strdup (_("Always a secondary client: set by hand."));
  else if (g_strcmp0 (rule, "threshold") == 0)
    why = g_strdup (crm_customer_get_rule_key (customer)
                    ? _("Key client: at or above the shop’s threshold for spending or purchases.")
                    : _("Secondary client: below the shop’s threshold for spending and purchases."));
  else
    {
      g_autofree char *share = crm_format_percent (CLAMP (crm_store_get_setting_int (store, "segment.share", 80),
                                                          1, 100) / 100.0);

      if (crm_customer_get_rule_key (customer))
        why = g_strdup_printf (_("Key client: among the fewest customers who together bring %s of the revenue."),
                               share);
      else if (crm_customer_get_spend (customer) > 0)
        why = g_strdup_printf (_("Secondary client: the key clients bring %s of the revenue without this customer."),
                               share);
      else
        why = g_strdup (_("Secondary client: no purchases in the period."));
    }

  if (crm_customer_get_spend (customer) > 0)
    {
      g_autofree char *currency = crm_store_dup_currency (store);
      g_autofree char *money = crm_format_money (crm_customer_get_spend (customer), currency);
      g_autofree char *share = crm_format_percent (crm_customer_get_share (customer));
      guint n = crm_customer_get_purchases (customer);

      if (days == 365)
        figures = g_strdup_printf (ngettext ("Brought %s, %s of this year’s revenue, in %u purchase.",
                                             "Brought %s, %s of this year’s revenue, in %u purchases.",
                                             n),
                                   money, share, n);
      else
        figures = g_strdup_printf (ngettext ("Brought %s, %s of the period’s revenue, in %u purchase.",
                                             "Brought %s, %s of the period’s revenue, in %u purchases.",
                                             n),
                                   money, share, n);
    }

  return figures ? g_strconcat (why, " ", figures, NULL) : g_steal_pointer (&why);
}

static char *
describe_risk (CrmCustomerPage *self,
               CrmCustomer     *customer)
{
  g_autofree char *since = NULL;
  gint64 last = crm_customer_get_last_purchase_at (customer);
  gint64 usual = crm_customer_get_usual_interval (customer);

  if (!crm_customer_get_at_risk (customer) || crm_customer_get_segment (customer) != CRM_SEGMENT_KEY)
    return NULL;

  since = crm_format_days (crm_store_now (get_store (self)) - last);
  if (usual > 0)
    {
      g_autofree char *interval = crm_format_days (usual);

      return g_strdup_printf (_("At risk: the last purchase was %s ago, and this customer usually buys every %s."),
                              since, interval);
    }

  return g_strdup_printf (_("At risk: the last purchase was %s ago."), since);
}

static GtkWidget *
history_row (CrmCustomerPage        *self,
             const CrmTimelineEntry *entry,
             const char             *currency)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *date = crm_text_format_date (entry->at, TRUE);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (entry->kind == CRM_TIMELINE_PURCHASE)
    {
      g_autofree char *money = crm_format_money (entry->amount, currency);

      title = g_strdup_printf (entry->amount < 0 ? _("Refund %s") : _("Purchase %s"), money);
    }
  else
    {
      static const struct { const char *kind; const char *label; } kinds[] = {
        { "call", N_("Call") },
        { "visit", N_("Visit") },
        { "message", N_("Message") },
        { "email", N_("E-mail") },
        { "other", N_("Other contact") },
      };

      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        if (g_strcmp0 (entry->what, kinds[i].kind) == 0)
          title = g_strdup (_(kinds[i].label));
      if (title == NULL)
        title = g_strdup (entry->what);
    }

  if (entry->staff != NULL)
    {
      /* Translators: when a purchase or contact was entered, and by whom: "31 May 2026, 14:30 · by Mariam" */
      g_autofree char *by = g_strdup_printf (_("%s · by %s"), date, entry->staff);

      g_free (date);
      date = g_steal_pointer (&by);
    }

  subtitle = entry->text && entry->text[0] ? g_strdup_printf ("%s · %s", date, entry->text)
                                           : g_steal_pointer (&date);

  /* Customer text is text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (entry->kind == CRM_TIMELINE_PURCHASE
                                                           ? "emblem-documents-symbolic"
                                                           : "call-start-symbolic"));
  return row;
}

static void
update_history (CrmCustomerPage *self)
{
  g_autoptr(GPtrArray) timeline = NULL;
  g_autofree char *currency = crm_store_dup_currency (get_store (self));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);

  timeline = crm_store_list_timeline (get_store (self), self->customer_id, HISTORY_LIMIT);
  for (guint i = 0; i < timeline->len; i++)
    gtk_list_box_append (self->history_list, history_row (self, g_ptr_array_index (timeline, i), currency));

  if (timeline->len == 0)
    {
      GtkWidget *empty = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (empty), _("No purchases or contacts recorded yet"));
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_list_box_append (self->history_list, empty);
    }
}

static void
update_follow_ups (CrmCustomerPage *self)
{
  g_autoptr(GPtrArray) pending = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->follow_ups_list))) != NULL)
    gtk_list_box_remove (self->follow_ups_list, child);

  pending = crm_store_list_follow_ups (get_store (self), FALSE, self->customer_id, 50);
  for (guint i = 0; i < pending->len; i++)
    gtk_list_box_append (self->follow_ups_list,
                         crm_follow_up_row_new (self->context, g_ptr_array_index (pending, i), FALSE));
  gtk_widget_set_visible (self->follow_ups_group, pending->len > 0);
}

static void
update_feedback (CrmCustomerPage *self)
{
  CrmFeedbackFilter filter = { .customer_id = self->customer_id };
  g_autoptr(GPtrArray) entries = crm_store_list_feedback (get_store (self), &filter, 50);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->feedback_list))) != NULL)
    gtk_list_box_remove (self->feedback_list, child);

  for (guint i = 0; i < entries->len; i++)
    {
      CrmFeedback *feedback = g_ptr_array_index (entries, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *date = crm_text_format_date (crm_feedback_get_received_at (feedback), FALSE);
      g_autofree char *rating = crm_format_rating (crm_feedback_get_rating (feedback));
      g_autofree char *title = g_strdup_printf ("%s · %s · %s", crm_format_feedback_kind (crm_feedback_get_kind (feedback)),
                                                rating, crm_format_feedback_status (crm_feedback_get_status (feedback)));
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", date, crm_feedback_get_text (feedback));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      gtk_list_box_append (self->feedback_list, row);
    }
  gtk_widget_set_visible (self->feedback_group, entries->len > 0);
}

static void
follow_up_activated_cb (CrmCustomerPage *self,
                        GtkListBoxRow   *row)
{
  gtk_widget_activate_action (GTK_WIDGET (row), "follow-up.edit", NULL);
}

/* Everything but the form: what the customer brings and their history,
 * which change when a purchase is recorded while someone edits. */
static void
update_figures (CrmCustomerPage *self)
{
  g_autoptr(CrmCustomer) customer = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *risk = NULL;
  gboolean exists = self->customer_id > 0;

  gtk_widget_set_visible (GTK_WIDGET (self->badge_label), exists);
  gtk_widget_set_visible (self->actions_box, exists);
  gtk_widget_set_visible (self->history_group, exists);
  gtk_widget_set_visible (self->follow_ups_group, FALSE);
  gtk_widget_set_visible (self->feedback_group, FALSE);
  gtk_widget_set_visible (self->danger_box, exists);

  if (!exists)
    {
      gtk_label_set_text (self->name_label, _("New Customer"));
      gtk_label_set_text (self->reason_label, _("Only the name is needed; everything else can wait."));
      gtk_widget_set_visible (GTK_WIDGET (self->risk_label), FALSE);
      return;
    }

  customer = crm_store_get_customer (get_store (self), self->customer_id);
  if (customer == NULL)
    return;

  gtk_label_set_text (self->name_label, crm_customer_get_name (customer));
  crm_format_segment_badge (self->badge_label, crm_customer_get_segment (customer));

  reason = describe_segment (self, customer);
  gtk_label_set_text (self->reason_label, reason);

  risk = describe_risk (self, customer);
  gtk_label_set_text (self->risk_label, risk ? risk : "");
  gtk_widget_set_visible (GTK_WIDGET (self->risk_label), risk != NULL);

  update_history (self);
  update_follow_ups (self);
  update_feedback (self);
}

static void
fill_form (CrmCustomerPage *self)
{
  g_autoptr(CrmCustomer) customer = NULL;
  g_autofree char *tags = NULL;
  const char *override;
  guint position = 0;

  if (self->customer_id > 0)
    customer = crm_store_get_customer (get_store (self), self->customer_id);

  self->filling = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), customer ? crm_customer_get_name (customer) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), customer ? crm_customer_get_phone (customer) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), customer ? crm_customer_get_email (customer) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), customer ? crm_customer_get_address (customer) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->birthday_row), customer ? crm_customer_get_birthday (customer) : "");
  tags = customer ? g_strjoinv (", ", (char **) crm_customer_get_tags (customer)) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->tags_row), tags);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            customer ? crm_customer_get_notes (customer) : "", -1);

  override = customer ? crm_customer_get_segment_override (customer) : NULL;
  for (guint i = 1; i < G_N_ELEMENTS (overrides); i++)
    if (g_strcmp0 (override, overrides[i]) == 0)
      position = i;
  adw_combo_row_set_selected (self->segment_row, position);

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_button_set_label (self->save_button, self->customer_id > 0 ? _("_Save") : _("_Add Customer"));

  self->filling = FALSE;
  self->dirty = FALSE;
}

static void
edited_cb (CrmCustomerPage *self)
{
  if (!self->filling)
    self->dirty = TRUE;
}

static gboolean
save (CrmCustomerPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;
  g_auto(GStrv) tags = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  guint position = adw_combo_row_get_selected (self->segment_row);
  CrmCustomerFields fields = { 0 };

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  tags = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->tags_row)), ",", -1);

  fields.name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  fields.phone = gtk_editable_get_text (GTK_EDITABLE (self->phone_row));
  fields.email = gtk_editable_get_text (GTK_EDITABLE (self->email_row));
  fields.address = gtk_editable_get_text (GTK_EDITABLE (self->address_row));
  fields.birthday = gtk_editable_get_text (GTK_EDITABLE (self->birthday_row));
  fields.notes = notes;
  fields.tags = (const char * const *) tags;
  fields.segment_override = position < G_N_ELEMENTS (overrides) ? overrides[position] : NULL;

  if (self->customer_id > 0)
    crm_store_update_customer (get_store (self), self->customer_id, &fields, &error);
  else
    self->customer_id = crm_store_add_customer (get_store (self), &fields, &error);

  if (error != NULL)
    {
      /* Say what to fix, and keep everything that was typed. */
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }

  fill_form (self);
  update_figures (self);
  return TRUE;
}

static void
save_cb (CrmCustomerPage *self)
{
  save (self);
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     CrmCustomerPage  *self)
{
  if (g_str_equal (response, "save"))
    {
      if (save (self))
        g_signal_emit (self, signals[DONE], 0);
    }
  else if (g_str_equal (response, "discard"))
    {
      self->dirty = FALSE;
      g_signal_emit (self, signals[DONE], 0);
    }
}

static void
back_clicked_cb (CrmCustomerPage *self)
{
  GtkWidget *dialog;

  if (!self->dirty)
    {
      g_signal_emit (self, signals[DONE], 0);
      return;
    }

  /* Nothing typed is dropped without asking. */
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Save Changes?"),
                                   _("The changes to this customer are not saved yet."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (discard_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_record_dialog (CrmCustomerPage *self,
                    gboolean         purchase)
{
  GtkWindow *dialog;

  if (self->customer_id <= 0)
    return;

  dialog = crm_record_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                  get_store (self), self->customer_id, purchase);
  gtk_window_present (dialog);
}

static void
record_purchase_cb (CrmCustomerPage *self)
{
  open_record_dialog (self, TRUE);
}

static void
log_interaction_cb (CrmCustomerPage *self)
{
  open_record_dialog (self, FALSE);
}

static void
archive_clicked_cb (CrmCustomerPage *self)
{
  self->dirty = FALSE;
  g_signal_emit (self, signals[ARCHIVE], 0, self->customer_id);
}

static void
delete_clicked_cb (CrmCustomerPage *self)
{
  self->dirty = FALSE;
  g_signal_emit (self, signals[DELETE], 0, self->customer_id);
}

static void
store_changed_cb (CrmStore        *store,
                  guint            change,
                  gint64           customer_id,
                  CrmCustomerPage *self)
{
  /* Someone else's purchase moves the ranking, so this one's figures
   * may change too; the form itself is left alone. */
  if (self->customer_id > 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    update_figures (self);
}

static gboolean
save_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  save (CRM_CUSTOMER_PAGE (widget));
  return TRUE;
}

static gboolean
back_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  back_clicked_cb (CRM_CUSTOMER_PAGE (widget));
  return TRUE;
}

static void
crm_customer_page_dispose (GObject *object)
{
  CrmCustomerPage *self = CRM_CUSTOMER_PAGE (object);

  if (self->context != NULL)
    g_clear_signal_handler (&self->changed_id, get_store (self));
  g_clear_object (&self->context);

  /* AdwBin unparents its child itself: disposing the template here
   * would unparent it twice. */

  G_OBJECT_CLASS (crm_customer_page_parent_class)->dispose (object);
}

static void
crm_customer_page_class_init (CrmCustomerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_customer_page_dispose;

  /* The person is done with this customer: show the list again. */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ARCHIVE] = g_signal_new ("archive", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[DELETE] = g_signal_new ("delete", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/crm-customer-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, badge_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, reason_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, risk_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, actions_box);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, address_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, birthday_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, tags_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, segment_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, history_group);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, loyalty_card);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, follow_ups_group);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, feedback_group);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, feedback_list);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, follow_ups_list);
  gtk_widget_class_bind_template_callback (widget_class, follow_up_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, history_list);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, danger_box);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, edited_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_bind_template_callback (widget_class, record_purchase_cb);
  gtk_widget_class_bind_template_callback (widget_class, log_interaction_cb);
  gtk_widget_class_bind_template_callback (widget_class, archive_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, back_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK, back_shortcut_cb, NULL);
}

static void
crm_customer_page_init (CrmCustomerPage *self)
{
  g_type_ensure (CRM_TYPE_LOYALTY_CARD);
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (edited_cb), self);
}

void
crm_customer_page_set_context (CrmCustomerPage *self,
                               CrmContext      *context)
{
  g_return_if_fail (CRM_IS_CUSTOMER_PAGE (self));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  self->changed_id = g_signal_connect (get_store (self), "changed",
                                       G_CALLBACK (store_changed_cb), self);
  crm_loyalty_card_set_context (self->loyalty_card, context);
}

/**
 * crm_customer_page_show:
 * @customer_id: a customer, or 0 for an empty form that adds one
 */
void
crm_customer_page_show (CrmCustomerPage *self,
                        gint64           customer_id)
{
  g_return_if_fail (CRM_IS_CUSTOMER_PAGE (self));

  self->customer_id = MAX (customer_id, 0);
  fill_form (self);
  update_figures (self);
  crm_loyalty_card_set_customer (self->loyalty_card, self->customer_id);
}

void
crm_customer_page_focus (CrmCustomerPage *self)
{
  g_return_if_fail (CRM_IS_CUSTOMER_PAGE (self));

  /* A new customer starts with the name; an existing one with what is
   * done most at the counter, so that typing never replaces a name. */
  if (self->customer_id > 0)
    gtk_widget_grab_focus (gtk_widget_get_first_child (self->actions_box));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

gint64
crm_customer_page_get_customer_id (CrmCustomerPage *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_PAGE (self), 0);

  return self->customer_id;
}

gboolean
crm_customer_page_save (CrmCustomerPage *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_PAGE (self), FALSE);

  return save (self);
}

gboolean
crm_customer_page_is_dirty (CrmCustomerPage *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_PAGE (self), FALSE);

  return self->dirty;
}
