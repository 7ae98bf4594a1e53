/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-spend-points"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-format.h"
#include "crm-loyalty.h"
#include "crm-record-dialog.h"
#include "crm-spend-points-dialog.h"
#include "crm-store-loyalty.h"

/* Spend Points… at the counter: part of the balance off the purchase
 * being recorded (the record-purchase dialog, with its points row), or a
 * reward from the catalogue. The store checks the balance inside its own
 * write transaction; this only offers what the balance can pay. */
struct _CrmSpendPointsDialog
{
  AdwWindow            parent_instance;

  CrmStore            *store;
  gint64               customer_id;
  GPtrArray           *reward_rows;

  AdwToastOverlay     *toasts;
  AdwWindowTitle      *window_title;
  GtkWidget           *discount_group;
  AdwPreferencesGroup *rewards_group;
};

G_DEFINE_FINAL_TYPE (CrmSpendPointsDialog, crm_spend_points_dialog, ADW_TYPE_WINDOW)

static void
redeem_clicked_cb (GtkButton            *button,
                   CrmSpendPointsDialog *self)
{
  gint64 reward_id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "crm-reward-id"));

  crm_spend_points_dialog_redeem (self, reward_id);
}

static void
fill (CrmSpendPointsDialog *self)
{
  g_autoptr(CrmCustomer) customer = crm_store_get_customer (self->store, self->customer_id);
  g_autoptr(GPtrArray) rewards = crm_store_list_rewards (self->store, FALSE);
  gint64 balance = crm_store_get_points_balance (self->store, self->customer_id);
  g_autofree char *number = crm_loyalty_format_points (balance);
  g_autofree char *subtitle = NULL;
  CrmLoyaltySettings settings;

  crm_loyalty_settings_load (self->store, &settings);

  /* Translators: the customer and their balance: "Nino Beridze · 120 points" */
  subtitle = g_strdup_printf (ngettext ("%s · %s point", "%s · %s points", crm_loyalty_plural (balance)),
                              customer ? crm_customer_get_name (customer) : "", number);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_set_visible (self->discount_group, settings.discount);

  for (guint i = 0; i < self->reward_rows->len; i++)
    adw_preferences_group_remove (self->rewards_group, g_ptr_array_index (self->reward_rows, i));
  g_ptr_array_set_size (self->reward_rows, 0);

  adw_preferences_group_set_description (self->rewards_group,
                                         rewards->len == 0
                                         ? _("The shop has no rewards yet: add them in Preferences.")
                                         : NULL);
  for (guint i = 0; i < rewards->len; i++)
    {
      const CrmReward *reward = g_ptr_array_index (rewards, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_label (_("Redeem"));
      g_autofree char *cost = crm_loyalty_format_points (reward->points_cost);
      g_autofree char *cost_text = g_strdup_printf (ngettext ("%s point", "%s points",
                                                              crm_loyalty_plural (reward->points_cost)),
                                                    cost);
      /* Translators: what a Redeem button does, for screen readers: "Redeem Free coffee" */
      g_autofree char *name = g_strdup_printf (_("Redeem %s"), reward->name);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), reward->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), cost_text);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_sensitive (button, settings.enabled && reward->points_cost <= balance);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data (G_OBJECT (button), "crm-reward-id", GSIZE_TO_POINTER ((gsize) reward->id));
      g_signal_connect (button, "clicked", G_CALLBACK (redeem_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->rewards_group, row);
      g_ptr_array_add (self->reward_rows, row);
    }
}

static void
discount_cb (CrmSpendPointsDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkWindow *dialog = crm_record_dialog_new (parent, self->store, self->customer_id, TRUE);

  gtk_window_close (GTK_WINDOW (self));
  gtk_window_present (dialog);
}

static void
crm_spend_points_dialog_finalize (GObject *object)
{
  CrmSpendPointsDialog *self = CRM_SPEND_POINTS_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->reward_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_spend_points_dialog_parent_class)->finalize (object);
}

static void
crm_spend_points_dialog_class_init (CrmSpendPointsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = crm_spend_points_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/crm-spend-points-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmSpendPointsDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, CrmSpendPointsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrmSpendPointsDialog, discount_group);
  gtk_widget_class_bind_template_child (widget_class, CrmSpendPointsDialog, rewards_group);
  gtk_widget_class_bind_template_callback (widget_class, discount_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crm_spend_points_dialog_init (CrmSpendPointsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->reward_rows = g_ptr_array_new ();
}

/**
 * crm_spend_points_dialog_redeem:
 *
 * Redeems the reward for the customer, saying so in the dialog; refused
 * (and said) when the balance no longer covers it.
 *
 * Returns: whether it was redeemed
 */
gboolean
crm_spend_points_dialog_redeem (CrmSpendPointsDialog *self,
                                gint64                reward_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmReward) reward = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (CRM_IS_SPEND_POINTS_DIALOG (self), FALSE);

  reward = crm_store_get_reward (self->store, reward_id);
  if (crm_store_redeem_reward (self->store, self->customer_id, reward_id, 0, &error) == 0)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (escaped));
      fill (self);
      return FALSE;
    }

  /* Translators: a toast after a reward was given: "Free coffee: redeemed" */
  message = g_markup_printf_escaped (_("%s: redeemed"), reward ? reward->name : "");
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
  fill (self);
  return TRUE;
}

GtkWindow *
crm_spend_points_dialog_new (GtkWindow *parent,
                             CrmStore  *store,
                             gint64     customer_id)
{
  CrmSpendPointsDialog *self;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  self = g_object_new (CRM_TYPE_SPEND_POINTS_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->customer_id = customer_id;
  gtk_window_set_title (GTK_WINDOW (self), _("Spend Points"));
  fill (self);

  return GTK_WINDOW (self);
}
