/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-loyalty-card"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-format.h"
#include "crm-loyalty-card.h"
#include "crm-loyalty.h"
#include "crm-spend-points-dialog.h"
#include "crm-store-loyalty.h"
#include "crm-text.h"

/* The customer's loyalty points on their page: the balance, the tier and
 * how far the next one is, Spend Points… and Adjust…, and the latest
 * entries of the ledger with who and when. Hidden while the programme is
 * off and the customer has never had points. */
struct _CrmLoyaltyCard
{
  AdwBin        parent_instance;

  CrmContext   *context;
  GSignalGroup *store_signals;
  gint64        customer_id;
  GPtrArray    *history_rows;

  AdwPreferencesGroup *group;
  GtkWidget           *spend_button;
  AdwActionRow        *balance_row;
  GtkLevelBar         *tier_bar;
};

G_DEFINE_FINAL_TYPE (CrmLoyaltyCard, crm_loyalty_card, ADW_TYPE_BIN)

/* The latest entries shown; the rest stay in the ledger. */
#define HISTORY_LIMIT 5

static CrmStore *
get_store (CrmLoyaltyCard *self)
{
  return crm_context_get_store (self->context);
}

static char *
points_text (gint64 points)
{
  g_autofree char *number = crm_loyalty_format_points (points);

  return g_strdup_printf (ngettext ("%s point", "%s points", crm_loyalty_plural (points)), number);
}

static const char *
kind_label (const CrmLedgerEntry *entry)
{
  switch (entry->kind)
    {
    case CRM_LEDGER_EARN:
      return entry->points > 0 ? _("Earned") : _("Taken back");
    case CRM_LEDGER_SPEND:
      return entry->points < 0 ? _("Discount") : _("Given back");
    case CRM_LEDGER_REWARD:
      return _("Reward");
    case CRM_LEDGER_ADJUST:
      return _("Adjustment");
    case CRM_LEDGER_EXPIRY:
    default:
      return _("Expired");
    }
}

static GtkWidget *
history_row (const CrmLedgerEntry *entry,
             const char           *currency)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *number = crm_loyalty_format_points (ABS (entry->points));
  g_autofree char *title = NULL;
  g_autofree char *date = crm_text_format_date (entry->at, TRUE);
  g_autoptr(GString) subtitle = g_string_new (kind_label (entry));

  /* Translators: points into or out of a balance: "+50" and "−30" */
  title = g_strdup_printf (entry->points > 0 ? _("+%s") : _("−%s"), number);

  if (entry->purchase_id != 0 && (entry->kind == CRM_LEDGER_EARN || entry->kind == CRM_LEDGER_SPEND))
    {
      g_autofree char *money = crm_format_money (entry->purchase_amount, currency);

      g_string_append_printf (subtitle, " · %s", money);
    }
  else if (entry->reason != NULL && entry->reason[0] != '\0')
    g_string_append_printf (subtitle, " · %s", entry->reason);

  if (entry->staff != NULL)
    {
      g_autofree char *by = g_strdup_printf (_("%s · by %s"), date, entry->staff);

      g_string_append_printf (subtitle, " · %s", by);
    }
  else
    g_string_append_printf (subtitle, " · %s", date);

  /* A reason is staff's text and a reward's name the shop's: text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  return row;
}

static void
clear_history (CrmLoyaltyCard *self)
{
  for (guint i = 0; i < self->history_rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);
}

/* "Silver · 300.00 ₾ more for Gold", "Gold", "150.00 ₾ more for Bronze". */
static char *
tier_text (const CrmLoyaltyStatus *status,
           const char             *currency)
{
  g_autofree char *more = NULL;

  if (status->next_tier == NULL)
    return g_strdup (status->tier != NULL ? status->tier->name : "");

  more = crm_format_money (status->to_next, currency);
  if (status->tier == NULL)
    /* Translators: spend still needed for the first tier: "150.00 ₾ more for Bronze" */
    return g_strdup_printf (_("%s more for %s"), more, status->next_tier->name);

  /* Translators: the customer's tier, and the spend still needed for the next:
   * "Silver · 300.00 ₾ more for Gold" */
  return g_strdup_printf (_("%s · %s more for %s"), status->tier->name, more, status->next_tier->name);
}

static void
refresh (CrmLoyaltyCard *self)
{
  g_auto(CrmLoyaltyStatus) status = { 0 };
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GString) subtitle = NULL;
  CrmLoyaltySettings settings;
  CrmStore *store;

  if (self->context == NULL || self->customer_id <= 0)
    return;

  store = get_store (self);
  crm_loyalty_settings_load (store, &settings);
  currency = crm_store_dup_currency (store);
  entries = crm_store_list_ledger (store, self->customer_id, HISTORY_LIMIT);
  crm_loyalty_get_status (store, self->customer_id, &status, NULL);

  gtk_widget_set_visible (GTK_WIDGET (self), settings.enabled || entries->len > 0);
  gtk_widget_set_sensitive (self->spend_button, settings.enabled && status.balance > 0);

  title = points_text (status.balance);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->balance_row), title);
  subtitle = g_string_new (NULL);
  if (settings.tiers && (status.tier != NULL || status.next_tier != NULL))
    {
      g_autofree char *tiers = tier_text (&status, currency);

      g_string_append (subtitle, tiers);
    }
  if (status.lapse_at > 0 && status.balance > 0)
    {
      g_autofree char *date = crm_text_format_date (status.lapse_at, FALSE);

      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      /* Translators: when the balance expires unless the customer buys */
      g_string_append_printf (subtitle, _("lapse on %s"), date);
    }
  adw_action_row_set_subtitle (self->balance_row, subtitle->str);

  /* Progress from this tier's threshold to the next one's. */
  gtk_widget_set_visible (GTK_WIDGET (self->tier_bar), settings.tiers && status.next_tier != NULL);
  if (status.next_tier != NULL)
    {
      gint64 from = status.tier != NULL ? status.tier->min_spend : 0;
      gint64 span = MAX (status.next_tier->min_spend - from, 1);
      double fraction = CLAMP ((double) (status.spend - from) / (double) span, 0.0, 1.0);
      g_autofree char *described = tier_text (&status, currency);

      gtk_level_bar_set_value (self->tier_bar, fraction);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->tier_bar),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, described, -1);
    }

  clear_history (self);
  for (guint i = 0; i < entries->len; i++)
    {
      GtkWidget *row = history_row (g_ptr_array_index (entries, i), currency);

      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->history_rows, row);
    }
}

static void
store_changed_cb (CrmLoyaltyCard *self,
                  guint           change,
                  gint64          customer_id,
                  CrmStore       *store)
{
  if ((change & (CRM_STORE_CHANGE_LOYALTY | CRM_STORE_CHANGE_PURCHASES | CRM_STORE_CHANGE_SETTINGS)) &&
      (customer_id == 0 || customer_id == self->customer_id))
    refresh (self);
}

static void
spend_cb (CrmLoyaltyCard *self)
{
  GtkWindow *dialog = crm_spend_points_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                   get_store (self), self->customer_id);

  gtk_window_present (dialog);
}

static void
adjust_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    CrmLoyaltyCard   *self)
{
  GtkEditable *points_entry = g_object_get_data (G_OBJECT (dialog), "crm-points");
  GtkEditable *reason_entry = g_object_get_data (G_OBJECT (dialog), "crm-reason");
  g_autoptr(GError) error = NULL;
  gint64 points = 0;

  if (!g_str_equal (response, "adjust"))
    return;

  if (crm_loyalty_parse_points (gtk_editable_get_text (points_entry), TRUE, &points, &error))
    crm_store_adjust_points (get_store (self), self->customer_id, points,
                             gtk_editable_get_text (reason_entry), &error);

  if (error != NULL)
    crm_format_toast (GTK_WIDGET (self), error->message);
}

static GtkWidget *
entry_row (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  return row;
}

static void
adjust_cb (CrmLoyaltyCard *self)
{
  GtkWidget *dialog;
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *points = entry_row (_("_Points, − to take away"));
  GtkWidget *reason = entry_row (_("_Reason (required)"));

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Adjust Points"),
                                   _("The change is recorded with its reason and with who is at the counter."));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  g_object_set (points, "input-purpose", GTK_INPUT_PURPOSE_NUMBER, NULL);
  gtk_list_box_append (GTK_LIST_BOX (list), points);
  gtk_list_box_append (GTK_LIST_BOX (list), reason);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "adjust", _("_Adjust"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "adjust", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "adjust");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "crm-points", points);
  g_object_set_data (G_OBJECT (dialog), "crm-reason", reason);
  g_signal_connect_object (dialog, "response", G_CALLBACK (adjust_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (points);
}

static void
crm_loyalty_card_dispose (GObject *object)
{
  CrmLoyaltyCard *self = CRM_LOYALTY_CARD (object);

  g_clear_object (&self->store_signals);
  g_clear_object (&self->context);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_loyalty_card_parent_class)->dispose (object);
}

static void
crm_loyalty_card_class_init (CrmLoyaltyCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_loyalty_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/crm-loyalty-card.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmLoyaltyCard, group);
  gtk_widget_class_bind_template_child (widget_class, CrmLoyaltyCard, spend_button);
  gtk_widget_class_bind_template_child (widget_class, CrmLoyaltyCard, balance_row);
  gtk_widget_class_bind_template_child (widget_class, CrmLoyaltyCard, tier_bar);
  gtk_widget_class_bind_template_callback (widget_class, spend_cb);
  gtk_widget_class_bind_template_callback (widget_class, adjust_cb);
}

static void
crm_loyalty_card_init (CrmLoyaltyCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->history_rows = g_ptr_array_new ();
  self->store_signals = g_signal_group_new (CRM_TYPE_STORE);
  g_signal_group_connect_swapped (self->store_signals, "changed", G_CALLBACK (store_changed_cb), self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

void
crm_loyalty_card_set_context (CrmLoyaltyCard *self,
                              CrmContext     *context)
{
  g_return_if_fail (CRM_IS_LOYALTY_CARD (self));

  g_set_object (&self->context, context);
  g_signal_group_set_target (self->store_signals, context ? crm_context_get_store (context) : NULL);
  refresh (self);
}

void
crm_loyalty_card_set_customer (CrmLoyaltyCard *self,
                               gint64          customer_id)
{
  g_return_if_fail (CRM_IS_LOYALTY_CARD (self));

  self->customer_id = customer_id;
  if (customer_id <= 0)
    gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  refresh (self);
}
