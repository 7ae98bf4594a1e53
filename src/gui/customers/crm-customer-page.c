/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-customer-page"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-accessible.h"
#include "crm-customer-form.h"
#include "crm-customer-page.h"
#include "crm-customer-privacy.h"
#include "crm-figure.h"
#include "crm-follow-up-row.h"
#include "crm-format.h"
#include "crm-loyalty-card.h"
#include "crm-message-compose.h"
#include "crm-record-dialog.h"
#include "crm-send-dialog.h"
#include "crm-store.h"
#include "crm-text.h"

/* One customer: who they are and what they bring first, then what can be
 * done for them, what is planned, and what happened. Their details are
 * read here and changed in a separate edit mode with one Save, so it is
 * always clear whether an edit was kept. */
struct _CrmCustomerPage
{
  AdwBin           parent_instance;

  CrmContext      *context;
  gulong           changed_id;
  gint64           customer_id;
  guint            history_limit;
  CrmFigure       *figures[3];

  /* Template widgets */
  GtkStack        *bar_stack;
  GtkStack        *mode_stack;
  GtkWidget       *edit_button;
  GtkButton       *save_button;
  GtkLabel        *edit_title;
  GtkLabel        *name_label;
  GtkLabel        *badge_label;
  GtkLabel        *contact_label;
  GtkLabel        *reason_label;
  GtkLabel        *risk_label;
  GtkFlowBox      *figures_box;
  GtkFlowBox      *actions_box;
  CrmCustomerForm *form;
  GtkWidget       *feedback_group;
  GtkListBox      *feedback_list;
  CrmLoyaltyCard  *loyalty_card;
  GtkWidget       *follow_ups_group;
  GtkListBox      *follow_ups_list;
  GtkListBox      *history_list;
  GtkButton       *more_history_button;
  GtkListBox      *details_list;
  CrmCustomerPrivacy *privacy;
};

G_DEFINE_FINAL_TYPE (CrmCustomerPage, crm_customer_page, ADW_TYPE_BIN)

enum {
  DONE,
  ARCHIVE,
  DELETE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The page shows the latest few; the rest on request. */
#define HISTORY_SHORT 8
#define HISTORY_LIMIT 200

enum {
  FIGURE_SPENT,
  FIGURE_PURCHASES,
  FIGURE_LAST_VISIT,
};

static CrmStore *
get_store (CrmCustomerPage *self)
{
  return crm_context_get_store (self->context);
}

static gboolean
is_editing (CrmCustomerPage *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->mode_stack), "edit") == 0;
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

/* What an entry in the history is: its title and its icon. */
static const struct
{
  const char *kind;
  const char *label;
  const char *icon;
} contact_kinds[] = {
  { "call", N_("Call"), "call-start-symbolic" },
  { "visit", N_("Visit"), "avatar-default-symbolic" },
  { "message", N_("Message"), "chat-message-new-symbolic" },
  { "email", N_("E-mail"), "mail-send-symbolic" },
  { "other", N_("Other contact"), "view-more-horizontal-symbolic" },
};

static CrmTimelineEntry *
copy_entry (const CrmTimelineEntry *entry)
{
  CrmTimelineEntry *copy = g_new0 (CrmTimelineEntry, 1);

  *copy = *entry;
  copy->what = g_strdup (entry->what);
  copy->text = g_strdup (entry->text);
  copy->staff = g_strdup (entry->staff);
  return copy;
}

/* A line of the history opens it to correct or delete. */
static void
history_row_activated_cb (AdwActionRow    *row,
                          CrmCustomerPage *self)
{
  const CrmTimelineEntry *entry = g_object_get_data (G_OBJECT (row), "entry");
  GtkWindow *dialog;

  dialog = crm_record_dialog_new_edit (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                       get_store (self), self->customer_id, entry);
  gtk_window_present (dialog);
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
  const char *icon = "view-more-horizontal-symbolic";

  if (entry->kind == CRM_TIMELINE_PURCHASE)
    {
      g_autofree char *money = crm_format_money (entry->amount, currency);

      title = g_strdup_printf (entry->amount < 0 ? _("Refund %s") : _("Purchase %s"), money);
      icon = entry->amount < 0 ? "edit-undo-symbolic" : "emblem-documents-symbolic";
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (contact_kinds); i++)
        if (g_strcmp0 (entry->what, contact_kinds[i].kind) == 0)
          {
            title = g_strdup (_(contact_kinds[i].label));
            icon = contact_kinds[i].icon;
          }
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
  /* The title says what it was: the icon only helps the eye. */
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), crm_accessible_icon (icon));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), crm_accessible_icon ("document-edit-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "entry", copy_entry (entry), (GDestroyNotify) crm_timeline_entry_free);
  g_signal_connect_object (row, "activated", G_CALLBACK (history_row_activated_cb), self, 0);
  crm_accessible_name_row (row, title, subtitle);
  gtk_widget_set_tooltip_text (row, entry->kind == CRM_TIMELINE_PURCHASE ? _("Edit or delete this purchase")
                                                                          : _("Edit or delete this contact"));
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
placeholder_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  crm_accessible_name_row (row, text, NULL);
  return row;
}

static void
update_history (CrmCustomerPage *self)
{
  g_autoptr(GPtrArray) timeline = NULL;
  g_autofree char *currency = crm_store_dup_currency (get_store (self));
  guint shown;

  clear_list (self->history_list);

  /* One more than shown tells whether there is more. */
  timeline = crm_store_list_timeline (get_store (self), self->customer_id, self->history_limit + 1);
  shown = MIN (timeline->len, self->history_limit);
  for (guint i = 0; i < shown; i++)
    gtk_list_box_append (self->history_list, history_row (self, g_ptr_array_index (timeline, i), currency));

  if (timeline->len == 0)
    gtk_list_box_append (self->history_list, placeholder_row (_("No purchases or contacts recorded yet")));

  gtk_widget_set_visible (GTK_WIDGET (self->more_history_button),
                          timeline->len > shown && self->history_limit < HISTORY_LIMIT);
  gtk_button_set_label (self->more_history_button, _("Show _All History"));
  crm_accessible_fix_mnemonic (GTK_WIDGET (self->more_history_button));
}

static void
more_history_cb (CrmCustomerPage *self)
{
  self->history_limit = HISTORY_LIMIT;
  update_history (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->history_list));
}

static void
update_follow_ups (CrmCustomerPage *self)
{
  g_autoptr(GPtrArray) pending = NULL;

  clear_list (self->follow_ups_list);

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

  clear_list (self->feedback_list);

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
      crm_accessible_name_row (row, title, subtitle);
      gtk_list_box_append (self->feedback_list, row);
    }
  gtk_widget_set_visible (self->feedback_group, entries->len > 0);
}

static void
add_detail (CrmCustomerPage *self,
            const char      *title,
            const char      *value)
{
  GtkWidget *row;

  if (value == NULL || value[0] == '\0')
    return;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  crm_accessible_name_row (row, title, value);
  gtk_list_box_append (self->details_list, row);
}

/* How they like to hear from the shop, and their consent (docs/messages.md). */
static void
update_reach_details (CrmCustomerPage *self,
                      CrmCustomer     *customer)
{
  static const char *const codes[] = { "en", "ka", "hy" };
  static const char *const names[] = { "English", "ქართული", "Հայերեն" };
  const char *language = crm_customer_get_language (customer);
  CrmChannel channel = crm_channel_from_key (crm_customer_get_channel (customer));
  const char *language_name = NULL;
  g_autofree char *reach = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (g_strcmp0 (language, codes[i]) == 0)
      language_name = names[i];

  if (language_name != NULL || channel != CRM_CHANNEL_NONE)
    reach = crm_format_join (" · ", language_name != NULL ? language_name : "",
                             channel != CRM_CHANNEL_NONE ? crm_channel_title (channel) : "",
                             (const char *) NULL);
  add_detail (self, _("Messages"), reach);

  if (crm_customer_get_marketing_consent (customer))
    {
      const char *date = crm_customer_get_consent_date (customer);
      g_autofree char *text = date != NULL && date[0] != '\0'
        /* Translators: %s is a date, 2026-05-31 */
        ? g_strdup_printf (_("Agreed to marketing messages on %s"), date)
        : g_strdup (_("Agreed to marketing messages"));

      add_detail (self, _("Consent"), text);
    }
}

/* The details, to read: only what is filled in. */
static void
update_details (CrmCustomerPage *self,
                CrmCustomer     *customer)
{
  g_autofree char *tags = g_strjoinv (", ", (char **) crm_customer_get_tags (customer));
  const char *override = crm_customer_get_segment_override (customer);

  clear_list (self->details_list);
  add_detail (self, _("Address"), crm_customer_get_address (customer));
  add_detail (self, _("Birthday"), crm_customer_get_birthday (customer));
  add_detail (self, _("Tags"), tags);
  add_detail (self, _("Notes"), crm_customer_get_notes (customer));
  if (override != NULL)
    add_detail (self, _("Segment"), g_str_equal (override, "key") ? _("Always a Key Client")
                                                                : _("Always a Secondary Client"));
  update_reach_details (self, customer);

  if (gtk_widget_get_first_child (GTK_WIDGET (self->details_list)) == NULL)
    gtk_list_box_append (self->details_list,
                         placeholder_row (_("No address, birthday, tags or notes yet")));
}

static void
update_key_figures (CrmCustomerPage *self,
                    CrmCustomer     *customer)
{
  g_autofree char *currency = crm_store_dup_currency (get_store (self));
  g_autofree char *spent = crm_format_money (crm_customer_get_spend (customer), currency);
  g_autofree char *purchases = g_strdup_printf ("%u", crm_customer_get_purchases (customer));
  g_autofree char *visit = crm_format_days_ago (crm_customer_get_last_visit_at (customer));
  gint days = crm_store_get_setting_int (get_store (self), "segment.window_days", 365);

  crm_figure_set (self->figures[FIGURE_SPENT], days == 365 ? _("Spent This Year") : _("Spent in the Period"),
                  spent, NULL);
  crm_figure_set (self->figures[FIGURE_PURCHASES],
                  days == 365 ? _("Purchases This Year") : _("Purchases in the Period"), purchases, NULL);
  crm_figure_set (self->figures[FIGURE_LAST_VISIT], _("Last Visit"), visit, NULL);
}

static void
follow_up_activated_cb (CrmCustomerPage *self,
                        GtkListBoxRow   *row)
{
  gtk_widget_activate_action (GTK_WIDGET (row), "follow-up.edit", NULL);
}

/* Everything but the form: what the customer brings and their history,
 * which change when a purchase is recorded. */
static void
update_summary (CrmCustomerPage *self)
{
  g_autoptr(CrmCustomer) customer = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *risk = NULL;
  g_autofree char *contact = NULL;

  if (self->customer_id <= 0)
    return;

  customer = crm_store_get_customer (get_store (self), self->customer_id);
  if (customer == NULL)
    return;

  gtk_label_set_text (self->name_label, crm_customer_get_name (customer));
  crm_format_segment_badge (self->badge_label, crm_customer_get_segment (customer));

  contact = crm_format_join (" · ", crm_customer_get_phone (customer),
                                     crm_customer_get_email (customer), (const char *) NULL);
  gtk_label_set_text (self->contact_label, contact);
  gtk_widget_set_visible (GTK_WIDGET (self->contact_label), contact[0] != '\0');

  reason = describe_segment (self, customer);
  gtk_label_set_text (self->reason_label, reason);

  risk = describe_risk (self, customer);
  gtk_label_set_text (self->risk_label, risk ? risk : "");
  gtk_widget_set_visible (GTK_WIDGET (self->risk_label), risk != NULL);

  update_key_figures (self, customer);
  update_history (self);
  update_follow_ups (self);
  update_feedback (self);
  update_details (self, customer);
}

/* Looking at the customer, or editing their details (a new customer is
 * only a form until it is added). */
static void
set_editing (CrmCustomerPage *self,
             gboolean         editing)
{
  const char *mode = editing ? "edit" : "view";

  gtk_stack_set_visible_child_name (self->bar_stack, mode);
  gtk_stack_set_visible_child_name (self->mode_stack, mode);

  gtk_label_set_text (self->edit_title, self->customer_id > 0 ? _("Edit Details") : _("New Customer"));
  gtk_button_set_label (self->save_button, self->customer_id > 0 ? _("_Save") : _("_Add Customer"));
  crm_accessible_fix_mnemonic (GTK_WIDGET (self->save_button));

  if (editing)
    crm_customer_form_load (self->form, self->customer_id);
  else
    update_summary (self);
}

static void
focus_first_action (CrmCustomerPage *self)
{
  GtkFlowBoxChild *first = gtk_flow_box_get_child_at_index (self->actions_box, 0);

  if (first != NULL)
    gtk_widget_grab_focus (gtk_flow_box_child_get_child (first));
}

static gboolean
save (CrmCustomerPage *self)
{
  if (!is_editing (self))
    return TRUE;

  if (!crm_customer_form_save (self->form))
    return FALSE;

  self->customer_id = crm_customer_form_get_customer_id (self->form);
  set_editing (self, FALSE);
  focus_first_action (self);
  return TRUE;
}

static void
save_clicked_cb (CrmCustomerPage *self)
{
  save (self);
}

static void
edit_clicked_cb (CrmCustomerPage *self)
{
  if (self->customer_id <= 0 || is_editing (self))
    return;

  set_editing (self, TRUE);
  crm_customer_form_focus (self->form);
}

/* Leaving the form: to the customer, or (a new one, or Back) to the list. */
static void
leave_form (CrmCustomerPage *self,
            gboolean         to_list)
{
  if (to_list || self->customer_id <= 0)
    {
      /* The form is left as loaded, so nothing counts as unsaved. */
      crm_customer_form_load (self->form, self->customer_id);
      g_signal_emit (self, signals[DONE], 0);
      return;
    }

  set_editing (self, FALSE);
  gtk_widget_grab_focus (self->edit_button);
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     CrmCustomerPage  *self)
{
  gboolean to_list = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "crm-to-list"));

  if (g_str_equal (response, "save"))
    {
      gint64 before = self->customer_id;

      if (save (self) && (to_list || before <= 0))
        g_signal_emit (self, signals[DONE], 0);
    }
  else if (g_str_equal (response, "discard"))
    leave_form (self, to_list);
}

/* Nothing typed is dropped without asking. */
static void
leave_asking (CrmCustomerPage *self,
              gboolean         to_list)
{
  GtkWidget *dialog;

  if (!crm_customer_page_is_dirty (self))
    {
      if (is_editing (self))
        leave_form (self, to_list);
      else
        g_signal_emit (self, signals[DONE], 0);
      return;
    }

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
  g_object_set_data (G_OBJECT (dialog), "crm-to-list", GINT_TO_POINTER (to_list));
  g_signal_connect (dialog, "response", G_CALLBACK (discard_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
back_clicked_cb (CrmCustomerPage *self)
{
  leave_asking (self, TRUE);
}

static void
cancel_clicked_cb (CrmCustomerPage *self)
{
  leave_asking (self, FALSE);
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
send_message_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CrmCustomerPage *self = CRM_CUSTOMER_PAGE (widget);
  GtkWindow *dialog;

  if (self->customer_id <= 0 || is_editing (self))
    return;

  dialog = crm_send_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), get_store (self),
                                self->customer_id, NULL);
  if (dialog != NULL)
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
  g_signal_emit (self, signals[ARCHIVE], 0, self->customer_id);
}

static void
delete_clicked_cb (CrmCustomerPage *self)
{
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
    update_summary (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (CRM_CUSTOMER_PAGE (widget));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  edit_clicked_cb (CRM_CUSTOMER_PAGE (widget));
}

/* Escape steps back one level: out of the form, then out of the page. */
static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrmCustomerPage *self = CRM_CUSTOMER_PAGE (widget);

  leave_asking (self, !is_editing (self));
}

static void
to_list_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  back_clicked_cb (CRM_CUSTOMER_PAGE (widget));
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

  g_type_ensure (CRM_TYPE_CUSTOMER_FORM);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/crm-customer-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, bar_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, edit_title);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, badge_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, contact_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, reason_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, risk_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, figures_box);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, actions_box);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, form);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, history_list);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, more_history_button);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, loyalty_card);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, follow_ups_group);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, follow_ups_list);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, feedback_group);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, feedback_list);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, details_list);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPage, privacy);
  gtk_widget_class_bind_template_callback (widget_class, follow_up_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, edit_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, more_history_cb);
  gtk_widget_class_bind_template_callback (widget_class, record_purchase_cb);
  gtk_widget_class_bind_template_callback (widget_class, log_interaction_cb);
  gtk_widget_class_bind_template_callback (widget_class, archive_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);

  /* Actions with their keys beside them: the shortcuts window lists them. */
  gtk_widget_class_install_action (widget_class, "customer.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "customer.save", NULL);
  gtk_widget_class_install_action (widget_class, "customer.edit", NULL, edit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "customer.edit", NULL);
  gtk_widget_class_install_action (widget_class, "customer.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "customer.back", NULL);
  gtk_widget_class_install_action (widget_class, "customer.to-list", NULL, to_list_action);
  gtk_widget_class_install_action (widget_class, "customer.send-message", NULL, send_message_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "customer.to-list", NULL);
}

static void
crm_customer_page_init (CrmCustomerPage *self)
{
  g_type_ensure (CRM_TYPE_LOYALTY_CARD);
  g_type_ensure (CRM_TYPE_CUSTOMER_PRIVACY);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->history_limit = HISTORY_SHORT;

  /* Spent, purchases, last visit: a caption over a figure each. */
  for (guint i = 0; i < G_N_ELEMENTS (self->figures); i++)
    {
      GtkWidget *figure = crm_figure_new ("", FALSE);

      gtk_widget_add_css_class (figure, "key-figure");
      gtk_flow_box_append (self->figures_box, figure);
      self->figures[i] = CRM_FIGURE (figure);
    }

  /* Buttons and figures, not choices: Tab goes straight to each button. */
  crm_accessible_plain_flow_box (self->figures_box);
  crm_accessible_plain_flow_box (self->actions_box);
  crm_accessible_fix_mnemonics (GTK_WIDGET (self));
}

void
crm_customer_page_set_context (CrmCustomerPage *self,
                               CrmContext      *context)
{
  g_return_if_fail (CRM_IS_CUSTOMER_PAGE (self));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  crm_customer_form_set_store (self->form, get_store (self));
  crm_customer_privacy_set_store (self->privacy, get_store (self));
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
  self->history_limit = HISTORY_SHORT;
  crm_customer_form_load (self->form, self->customer_id);
  set_editing (self, self->customer_id <= 0);
  crm_loyalty_card_set_customer (self->loyalty_card, self->customer_id);
  crm_customer_privacy_set_customer (self->privacy, self->customer_id);
}

void
crm_customer_page_focus (CrmCustomerPage *self)
{
  g_return_if_fail (CRM_IS_CUSTOMER_PAGE (self));

  /* A new customer starts with the name; an existing one with what is
   * done most at the counter, so that typing never replaces a name. */
  if (is_editing (self))
    crm_customer_form_focus (self->form);
  else
    focus_first_action (self);
}

gint64
crm_customer_page_get_customer_id (CrmCustomerPage *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_PAGE (self), 0);

  return self->customer_id;
}

/**
 * crm_customer_page_save:
 *
 * Saves the form when it is open (Ctrl+S does the same).
 *
 * Returns: %FALSE when something in the form needs fixing
 */
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

  return is_editing (self) && crm_customer_form_is_dirty (self->form);
}

/**
 * crm_customer_page_edit:
 *
 * Opens the details form of the customer shown (Ctrl+E, Edit Details).
 */
void
crm_customer_page_edit (CrmCustomerPage *self)
{
  g_return_if_fail (CRM_IS_CUSTOMER_PAGE (self));

  edit_clicked_cb (self);
}

gboolean
crm_customer_page_is_editing (CrmCustomerPage *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_PAGE (self), FALSE);

  return is_editing (self);
}
