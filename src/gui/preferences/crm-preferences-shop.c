/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-preferences-shop"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-money.h"
#include "crm-preferences-shop.h"
#include "crm-preferences-window.h"
#include "crm-store.h"

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
  GtkSpinButton      *window_spin;
  GtkSpinButton      *risk_spin;
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
  crm_preferences_bind_number (self->window_spin, self->context, "segment.window_days", 365);
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
