/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-preferences-shop"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-money.h"
#include "crm-preferences-shop.h"
#include "crm-preferences-window.h"
#include "crm-store-async.h"
#include "crm-store.h"

/* The period's length is written once the spin button has rested this
 * long: every value recounts every customer's figures. */
#define PERIOD_PAUSE_MS 400

/* Preferences → Shop: the shop's currency and its key-client rule, kept
 * in the shop's database (every PC of the shop sees the same). */
struct _CrmPreferencesShop
{
  AdwPreferencesPage  parent_instance;

  CrmContext         *context;
  gboolean            loading;

  AdwComboRow        *currency_row;
  AdwComboRow        *rule_row;
  GtkWidget          *share_row;
  GtkSpinButton      *share_spin;
  AdwEntryRow        *min_spend_row;
  GtkWidget          *min_purchases_row;
  GtkSpinButton      *min_purchases_spin;
  AdwActionRow       *window_row;
  GtkSpinButton      *window_spin;
  GtkSpinButton      *risk_spin;

  guint               period_timeout;
  gboolean            period_running;
  gboolean            period_again;
};

G_DEFINE_FINAL_TYPE (CrmPreferencesShop, crm_preferences_shop, ADW_TYPE_PREFERENCES_PAGE)

/* Positions of the currency and rule rows, in the order of the .ui file. */
static const char *const currency_ids[] = { "GEL", "AMD", "USD", "EUR" };
static const char *const rule_ids[] = { "pareto", "threshold" };

static void
save_setting (CrmPreferencesShop *self,
              const char         *key,
              const char         *value)
{
  if (!self->loading)
    crm_preferences_save_setting (GTK_WIDGET (self), self->context, key, value);
}

static void apply_period (CrmPreferencesShop *self);

static void
period_set_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(CrmPreferencesShop) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!crm_store_set_period_finish (CRM_STORE (object), result, &error))
    g_warning ("period: %s", error->message);

  /* The page was closed meanwhile: the recount is done, nobody to tell. */
  if (self == NULL || self->context == NULL)
    return;

  self->period_running = FALSE;
  adw_action_row_set_subtitle (self->window_row, _("Purchases older than this do not count"));
  if (error != NULL)
    crm_preferences_show_error (GTK_WIDGET (self), error->message);

  if (self->period_again)
    {
      self->period_again = FALSE;
      apply_period (self);
    }
}

/* Writes the length the spin button shows, once, on a worker: the
 * window goes on while every customer's figures are counted again. */
static void
apply_period (CrmPreferencesShop *self)
{
  CrmStore *store;
  int days;

  g_clear_handle_id (&self->period_timeout, g_source_remove);
  if (self->context == NULL)
    return;

  if (self->period_running)
    {
      self->period_again = TRUE;
      return;
    }

  store = crm_context_get_store (self->context);
  days = gtk_spin_button_get_value_as_int (self->window_spin);
  if (days == crm_store_get_setting_int (store, "segment.window_days", 365))
    return;

  self->period_running = TRUE;
  adw_action_row_set_subtitle (self->window_row, _("Counting every customer’s figures for the new period…"));
  crm_store_set_period_async (store, days, NULL, period_set_cb, g_object_ref (self));
}

static gboolean
period_pause_cb (gpointer user_data)
{
  CrmPreferencesShop *self = user_data;

  self->period_timeout = 0;
  apply_period (self);
  return G_SOURCE_REMOVE;
}

static void
period_changed_cb (CrmPreferencesShop *self)
{
  if (self->loading)
    return;

  g_clear_handle_id (&self->period_timeout, g_source_remove);
  self->period_timeout = g_timeout_add (PERIOD_PAUSE_MS, period_pause_cb, self);
}

static void
update_rule_rows (CrmPreferencesShop *self)
{
  gboolean threshold = adw_combo_row_get_selected (self->rule_row) == 1;
  g_autofree char *currency = self->context ? crm_store_dup_currency (crm_context_get_store (self->context))
                                            : g_strdup (CRM_MONEY_DEFAULT_CURRENCY);
  g_autofree char *title = NULL;

  gtk_widget_set_visible (self->share_row, !threshold);
  gtk_widget_set_visible (GTK_WIDGET (self->min_spend_row), threshold);
  gtk_widget_set_visible (self->min_purchases_row, threshold);

  /* Translators: %s is the currency sign, ₾ or ֏ */
  title = g_strdup_printf (_("Spent at least (%s)"), crm_money_symbol (currency));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->min_spend_row), title);
}

static void
currency_changed_cb (CrmPreferencesShop *self)
{
  guint position = adw_combo_row_get_selected (self->currency_row);

  if (position < G_N_ELEMENTS (currency_ids))
    save_setting (self, "shop.currency", currency_ids[position]);
  update_rule_rows (self);
}

static void
rule_changed_cb (CrmPreferencesShop *self)
{
  guint position = adw_combo_row_get_selected (self->rule_row);

  if (position < G_N_ELEMENTS (rule_ids))
    save_setting (self, "segment.rule", rule_ids[position]);
  update_rule_rows (self);
}

static void
min_spend_apply_cb (CrmPreferencesShop *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  gint64 minor = 0;

  if (!crm_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->min_spend_row)), &minor, &error) ||
      minor < 0 || minor > G_MAXINT)
    {
      crm_preferences_show_error (GTK_WIDGET (self), _("Write the amount as a number, for example 500."));
      return;
    }

  value = g_strdup_printf ("%" G_GINT64_FORMAT, minor);
  save_setting (self, "segment.min_spend", value);
}

static void
load (CrmPreferencesShop *self)
{
  CrmStore *store = crm_context_get_store (self->context);
  g_autofree char *currency = crm_store_dup_currency (store);
  g_autofree char *rule = crm_store_dup_setting (store, "segment.rule", "pareto");
  g_autofree char *min_spend = NULL;

  self->loading = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (currency_ids); i++)
    if (g_strcmp0 (currency, currency_ids[i]) == 0)
      adw_combo_row_set_selected (self->currency_row, i);
  adw_combo_row_set_selected (self->rule_row, g_strcmp0 (rule, "threshold") == 0 ? 1 : 0);

  crm_preferences_bind_number (self->share_spin, self->context, "segment.share", 80);
  crm_preferences_bind_number (self->min_purchases_spin, self->context, "segment.min_purchases", 0);
  gtk_spin_button_set_value (self->window_spin,
                             crm_store_get_setting_int (store, "segment.window_days", 365));
  /* Known by the setting it edits, as crm_preferences_bind_number() does. */
  g_object_set_data (G_OBJECT (self->window_spin), "crm-setting", (gpointer) "segment.window_days");
  g_signal_connect_object (self->window_spin, "value-changed", G_CALLBACK (period_changed_cb),
                           self, G_CONNECT_SWAPPED);
  crm_preferences_bind_number (self->risk_spin, self->context, "segment.at_risk_days", 60);

  min_spend = crm_money_format_plain (crm_store_get_setting_int (store, "segment.min_spend", 0));
  gtk_editable_set_text (GTK_EDITABLE (self->min_spend_row), min_spend);

  update_rule_rows (self);
  self->loading = FALSE;
}

static void
crm_preferences_shop_dispose (GObject *object)
{
  CrmPreferencesShop *self = CRM_PREFERENCES_SHOP (object);

  /* Closed before the pause ended: the length shown is the one meant. */
  if (self->period_timeout != 0 && self->context != NULL)
    {
      /* A recount still running holds the write lock: this one waits. */
      g_clear_handle_id (&self->period_timeout, g_source_remove);
      crm_store_set_period_async (crm_context_get_store (self->context),
                                  gtk_spin_button_get_value_as_int (self->window_spin),
                                  NULL, period_set_cb, NULL);
    }
  g_clear_object (&self->context);

  G_OBJECT_CLASS (crm_preferences_shop_parent_class)->dispose (object);
}

static void
crm_preferences_shop_class_init (CrmPreferencesShopClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_preferences_shop_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/crm-preferences-shop.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesShop, currency_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesShop, rule_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesShop, share_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesShop, share_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesShop, min_spend_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesShop, min_purchases_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesShop, min_purchases_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesShop, window_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesShop, window_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesShop, risk_spin);
  gtk_widget_class_bind_template_callback (widget_class, currency_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, rule_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, min_spend_apply_cb);
}

static void
crm_preferences_shop_init (CrmPreferencesShop *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;
}

GtkWidget *
crm_preferences_shop_new (GSettings  *settings,
                          CrmContext *context)
{
  CrmPreferencesShop *self;

  g_return_val_if_fail (CRM_IS_CONTEXT (context), NULL);

  self = g_object_new (CRM_TYPE_PREFERENCES_SHOP, NULL);
  self->context = g_object_ref (context);
  load (self);

  return GTK_WIDGET (self);
}
