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
 * off the bill, date, what was bought) or a contact (kind, date, note). */
struct _CrmRecordDialog
{
  AdwWindow       parent_instance;

  CrmStore       *store;
  gint64          customer_id;
  gboolean        purchase;

  AdwWindowTitle *window_title;
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
  gint64 at;

  if (!parse_date (self, gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &at))
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
          CrmPurchaseFields fields = { self->customer_id, at, amount, 0, text };

          /* Points off the bill, when the programme takes them. */
          if (gtk_widget_get_visible (GTK_WIDGET (self->points_row)))
            fields.points = (gint64) gtk_spin_button_get_value (self->points_spin);
          crm_store_record_purchase (self->store, &fields, &error);
        }
      if (error != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (self->amount_row));
    }
  else
    {
      guint kind = adw_combo_row_get_selected (self->kind_row);

      crm_store_add_interaction (self->store, self->customer_id, at,
                                 kinds[MIN (kind, G_N_ELEMENTS (kinds) - 1)], text, &error);
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
  gtk_widget_class_bind_template_child (widget_class, CrmRecordDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordDialog, points_row);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordDialog, points_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordDialog, text_row);
  gtk_widget_class_bind_template_child (widget_class, CrmRecordDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
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
