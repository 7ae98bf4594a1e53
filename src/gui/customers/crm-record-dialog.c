/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-record-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "crm-format.h"
#include "crm-money.h"
#include "crm-record-dialog.h"
#include "crm-store-loyalty.h"
#include "crm-text.h"

/* A small form for what happens at the counter: a purchase (amount, points
 * off the bill, date, what was bought) or a contact (kind, date, note);
 * opened on an entry of the history, it corrects or deletes that entry. */
struct _CrmRecordDialog
{
  AdwWindow       parent_instance;

  CrmStore       *store;
  gint64          customer_id;
  gboolean        purchase;
  /* Editing an entry of the history (0 when recording a new one): its
   * time stays unless its date is changed, its points spent unless the
   * form shows them. */
  gint64          edit_id;
  gint64          edit_at;
  gint64          edit_points;
  char           *edit_date;

  AdwWindowTitle *window_title;
  GtkButton      *save_button;
  GtkWidget      *delete_group;
  GtkButton      *delete_button;
  AdwEntryRow    *amount_row;
  AdwActionRow   *points_row;
  GtkSpinButton  *points_spin;
  AdwComboRow    *kind_row;
  AdwEntryRow    *date_row;
  AdwEntryRow    *text_row;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (CrmRecordDialog, crm_record_dialog, ADW_TYPE_WINDOW)

/* Positions of the kind row. */
static const char *const kinds[] = { "call", "visit", "message", "email", "other" };

static void
show_error (CrmRecordDialog *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/* Today means now; another day means its noon, local time, so that the
 * entry sorts into the right day whatever the time zone. */
static gboolean
parse_date (CrmRecordDialog *self,
            const char      *text,
            gint64          *at)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) day = NULL;
  int y, m, d;
  char extra;

  if (text == NULL || text[0] == '\0')
    {
      *at = crm_store_now (self->store);
      return TRUE;
    }

  /* 2026-05-31, and 31.05.2026 as people here also write it. */
  if (!(sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &extra) == 3 ||
        sscanf (text, "%2d.%2d.%4d%c", &d, &m, &y, &extra) == 3) ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;

  if (y == g_date_time_get_year (now) && m == g_date_time_get_month (now) &&
      d == g_date_time_get_day_of_month (now))
    {
      *at = crm_store_now (self->store);
      return TRUE;
    }

  day = g_date_time_new_local (y, m, d, 12, 0, 0);
  if (day == NULL)
    return FALSE;

  *at = g_date_time_to_unix (day);
  return TRUE;
}

/**
 * crm_record_dialog_save:
 *
 * Records what the form holds, closing the dialog on success.
 *
 * Returns: %FALSE when something needs fixing; the dialog says what
 */
gboolean
crm_record_dialog_save (CrmRecordDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->text_row));
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  gint64 at = self->edit_at;

  if ((self->edit_id == 0 || g_strcmp0 (date, self->edit_date) != 0) && !parse_date (self, date, &at))
    {
      show_error (self, _("Write the date as year-month-day, for example 2026-05-31."));
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return FALSE;
    }

  if (self->purchase)
    {
      gint64 amount = 0;

      if (crm_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->amount_row)), &amount, &error))
        {
          CrmPurchaseFields fields = { self->customer_id, at, amount, self->edit_points, text };

          /* Points off the bill, when the programme takes them. */
          if (gtk_widget_get_visible (GTK_WIDGET (self->points_row)))
            fields.points = (gint64) gtk_spin_button_get_value (self->points_spin);
          if (self->edit_id != 0)
            crm_store_update_purchase (self->store, self->edit_id, &fields, &error);
          else
            crm_store_record_purchase (self->store, &fields, &error);
        }
      if (error != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (self->amount_row));
    }
  else
    {
      guint kind = adw_combo_row_get_selected (self->kind_row);
      const char *what = kinds[MIN (kind, G_N_ELEMENTS (kinds) - 1)];

      if (self->edit_id != 0)
        crm_store_update_interaction (self->store, self->edit_id, at, what, text, &error);
      else
        crm_store_add_interaction (self->store, self->customer_id, at, what, text, &error);
    }

  if (error != NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }

  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_cb (CrmRecordDialog *self)
{
  crm_record_dialog_save (self);
}

/**
 * crm_record_dialog_delete:
 *
 * Deletes the entry being edited (its points go with a purchase), closing
 * the dialog on success.
 *
 * Returns: %FALSE when it could not; the dialog says why
 */
gboolean
crm_record_dialog_delete (CrmRecordDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CRM_IS_RECORD_DIALOG (self), FALSE);
  g_return_val_if_fail (self->edit_id != 0, FALSE);

  if (!crm_store_delete_timeline_entry (self->store,
                                        self->purchase ? CRM_TIMELINE_PURCHASE : CRM_TIMELINE_INTERACTION,
                                        self->edit_id, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static gboolean
delete_idle_cb (gpointer user_data)
{
  crm_record_dialog_delete (user_data);
  return G_SOURCE_REMOVE;
}

/* After the question has gone: closing this window in its response would
 * take the question with it while it still answers. */
static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    CrmRecordDialog  *self)
{
  if (g_str_equal (response, "delete"))
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, delete_idle_cb, g_object_ref (self), g_object_unref);
}

/* Asked once: a deleted purchase takes its points and figures with it. */
static void
delete_cb (CrmRecordDialog *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   self->purchase ? _("Delete This Purchase?") : _("Delete This Contact?"),
                                   self->purchase ? _("The customer’s spending, segment and points are counted "
                                                      "again without it.")
                                                  : _("It leaves the customer’s history."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* How many points this bill can take, and what they take off. */
static void
points_changed_cb (CrmRecordDialog *self)
{
  CrmLoyaltySettings settings;
  gint64 amount = 0;
  gint64 balance = crm_store_get_points_balance (self->store, self->customer_id);
  g_autofree char *currency = crm_store_dup_currency (self->store);
  g_autofree char *subtitle = NULL;
  g_autofree char *off = NULL;
  g_autofree char *most_text = NULL;
  g_autofree char *balance_text = crm_loyalty_format_points (balance);
  gint64 most;

  crm_loyalty_settings_load (self->store, &settings);
  crm_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->amount_row)), &amount, NULL);
  most = crm_loyalty_max_points_for (&settings, amount, balance);
  gtk_spin_button_set_range (self->points_spin, 0, (double) most);

  off = crm_format_money ((gint64) gtk_spin_button_get_value (self->points_spin) * settings.point_value, currency);
  most_text = crm_loyalty_format_points (most);
  /* Translators: the customer's points, the most this bill can take, and
   * the money the chosen points take off: "Balance 120 · at most 45 · 45.00 ₾ off" */
  subtitle = g_strdup_printf (_("Balance %s · at most %s · %s off"), balance_text, most_text, off);
  adw_action_row_set_subtitle (self->points_row, subtitle);
}

static void
crm_record_dialog_finalize (GObject *object)
{
  CrmRecordDialog *self = CRM_RECORD_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->edit_date, g_free);

  G_OBJECT_CLASS (crm_record_dialog_parent_class)->finalize (object);
}

static void
crm_record_dialog_class_init (CrmRecordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = crm_record_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/crm-record-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmRecordDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordDialog, delete_group);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordDialog, delete_button);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordDialog, points_row);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordDialog, points_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordDialog, text_row);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_cb);
  gtk_widget_class_bind_template_callback (widget_class, points_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crm_record_dialog_init (CrmRecordDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
crm_record_dialog_new (GtkWindow *parent,
                       CrmStore  *store,
                       gint64     customer_id,
                       gboolean   purchase)
{
  g_autoptr(CrmCustomer) customer = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *amount_title = NULL;
  g_autofree char *today = NULL;
  CrmRecordDialog *self;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  self = g_object_new (CRM_TYPE_RECORD_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->customer_id = customer_id;
  self->purchase = purchase;

  customer = crm_store_get_customer (store, customer_id);
  currency = crm_store_dup_currency (store);

  adw_window_title_set_title (self->window_title,
                              purchase ? _("Record Purchase") : _("Log Interaction"));
  adw_window_title_set_subtitle (self->window_title, customer ? crm_customer_get_name (customer) : "");
  gtk_window_set_title (GTK_WINDOW (self), purchase ? _("Record Purchase") : _("Log Interaction"));

  /* Translators: %s is the currency sign, ₾ or ֏ */
  amount_title = g_strdup_printf (_("Amount (%s); negative for a refund"), crm_money_symbol (currency));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->amount_row), amount_title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->text_row),
                                 purchase ? _("What was bought") : _("Note"));

  gtk_widget_set_visible (GTK_WIDGET (self->amount_row), purchase);
  gtk_widget_set_visible (GTK_WIDGET (self->kind_row), !purchase);

  /* Spending part of a balance is offered when there is one to spend. */
  {
    CrmLoyaltySettings settings;

    crm_loyalty_settings_load (store, &settings);
    gtk_widget_set_visible (GTK_WIDGET (self->points_row),
                            purchase && settings.enabled && settings.discount &&
                            crm_store_get_points_balance (store, customer_id) > 0);
    points_changed_cb (self);
  }

  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    today = g_date_time_format (now, "%Y-%m-%d");
  }
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);

  gtk_widget_grab_focus (purchase ? GTK_WIDGET (self->amount_row) : GTK_WIDGET (self->kind_row));

  return GTK_WINDOW (self);
}

/**
 * crm_record_dialog_new_edit:
 * @entry: the purchase or contact of @customer_id's history to correct
 *
 * The same form on an entry that was recorded: Save corrects it (a
 * purchase's points follow, docs/loyalty.md), Delete removes it.
 */
GtkWindow *
crm_record_dialog_new_edit (GtkWindow              *parent,
                            CrmStore               *store,
                            gint64                  customer_id,
                            const CrmTimelineEntry *entry)
{
  gboolean purchase = entry->kind == CRM_TIMELINE_PURCHASE;
  CrmRecordDialog *self = CRM_RECORD_DIALOG (crm_record_dialog_new (parent, store, customer_id, purchase));
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (entry->at);
  const char *title = purchase ? _("Edit Purchase") : _("Edit Contact");

  self->edit_id = entry->id;
  self->edit_at = entry->at;
  self->edit_date = g_date_time_format (at, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), self->edit_date);
  gtk_editable_set_text (GTK_EDITABLE (self->text_row), entry->text != NULL ? entry->text : "");

  adw_window_title_set_title (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_button_set_label (self->save_button, _("_Save"));
  gtk_button_set_label (self->delete_button, purchase ? _("_Delete Purchase…") : _("_Delete Contact…"));
  gtk_widget_set_visible (self->delete_group, TRUE);

  if (purchase)
    {
      g_autoptr(CrmPurchase) recorded = crm_store_get_purchase (store, entry->id);

      /* The form shows the bill; what was paid is the bill less the
       * points' discount. Points spent stay as they were. */
      if (recorded != NULL)
        {
          g_autofree char *bill = crm_money_format_plain (recorded->amount + recorded->discount);

          gtk_editable_set_text (GTK_EDITABLE (self->amount_row), bill);
        }
      crm_store_get_purchase_points (store, entry->id, &self->edit_points);
      gtk_widget_set_visible (GTK_WIDGET (self->points_row), FALSE);
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        if (g_strcmp0 (entry->what, kinds[i]) == 0)
          adw_combo_row_set_selected (self->kind_row, i);
    }

  return GTK_WINDOW (self);
}
