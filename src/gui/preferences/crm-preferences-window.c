/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-format.h"
#include "crm-money.h"
#include "crm-preferences-data.h"
#include "crm-preferences-window.h"
#include "crm-store.h"

struct _CrmPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  CrmContext           *context;

  AdwComboRow          *style_row;
  AdwComboRow          *language_row;

  GtkWidget            *shop_page;
  AdwComboRow          *currency_row;
  AdwComboRow          *rule_row;
  GtkWidget            *share_row;
  GtkSpinButton        *share_spin;
  AdwEntryRow          *min_spend_row;
  GtkWidget            *min_purchases_row;
  GtkSpinButton        *min_purchases_spin;
  GtkSpinButton        *window_spin;
  GtkSpinButton        *risk_spin;
  GtkWidget            *reminders_group;
  GtkSwitch            *background_switch;
  GtkSwitch            *login_switch;
  GtkSpinButton        *opens_spin;
  GtkSpinButton        *closes_spin;
  GtkSpinButton        *touch_key_spin;
  GtkSpinButton        *touch_other_spin;
  GtkWidget            *staff_page;
  AdwPreferencesGroup  *staff_group;
  AdwEntryRow          *new_staff_row;
  AdwComboRow          *new_staff_language_row;
  GPtrArray            *staff_rows;
  gboolean              loading;
};

/* Positions of the currency and rule rows, in the order of the .ui file. */
static const char *const currency_ids[] = { "GEL", "AMD", "USD", "EUR" };
static const char *const rule_ids[] = { "pareto", "threshold" };

G_DEFINE_FINAL_TYPE (CrmPreferencesWindow, crm_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Positions in the style row's model, in the order of the .ui file. */
static const char *const style_ids[] = { "default", "light", "dark" };

/* The language row: each language named in itself, so anyone can find
 * their own whatever the interface speaks now. */
static const char *const language_ids[] = { "", "en", "ka", "hy" };

static guint
language_position (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (language_ids); i++)
    if (g_strcmp0 (language, language_ids[i]) == 0)
      return i;

  return 0;
}

static gboolean
language_get_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  g_value_set_uint (value, language_position (g_variant_get_string (variant, NULL)));
  return TRUE;
}

static GVariant *
language_set_mapping (const GValue       *value,
                      const GVariantType *type,
                      gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  return g_variant_new_string (language_ids[position < G_N_ELEMENTS (language_ids) ? position : 0]);
}

static GListModel *
language_model (void)
{
  /* Translators: the language choice that follows the operating system */
  return G_LIST_MODEL (gtk_string_list_new ((const char *[]) { _("System"), "English", "ქართული", "Հայերեն", NULL }));
}

static void
show_error (CrmPreferencesWindow *self,
            const GError         *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  /* The message may quote what was typed: text, never markup. */
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
}

static void refresh_staff (CrmPreferencesWindow *self);

static void
staff_language_changed_cb (AdwComboRow          *row,
                           GParamSpec           *pspec,
                           CrmPreferencesWindow *self)
{
  CrmStore *store = crm_context_get_store (self->context);
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "crm-staff-id"));
  guint position = adw_combo_row_get_selected (row);
  g_autoptr(GError) error = NULL;

  if (self->loading || position >= G_N_ELEMENTS (language_ids))
    return;

  if (!crm_store_update_staff (store, id, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                               language_ids[position], &error))
    show_error (self, error);
}

static void
remove_staff_clicked_cb (GtkButton            *button,
                         CrmPreferencesWindow *self)
{
  CrmStore *store = crm_context_get_store (self->context);
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "crm-staff-id"));
  g_autoptr(GError) error = NULL;

  /* Archived, not deleted: their name stays on what they entered. */
  if (!crm_store_set_staff_archived (store, id, TRUE, &error))
    show_error (self, error);

  refresh_staff (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->new_staff_row));
}

/* One row per staff member: the name, their language, and a button for
 * when they leave the shop. */
static void
refresh_staff (CrmPreferencesWindow *self)
{
  g_autoptr(GPtrArray) staff = crm_store_list_staff (crm_context_get_store (self->context), FALSE);

  for (guint i = 0; i < self->staff_rows->len; i++)
    adw_preferences_group_remove (self->staff_group, g_ptr_array_index (self->staff_rows, i));
  g_ptr_array_set_size (self->staff_rows, 0);

  self->loading = TRUE;
  for (guint i = 0; i < staff->len; i++)
    {
      CrmStaffMember *member = g_ptr_array_index (staff, i);
      g_autoptr(GListModel) languages = language_model ();
      g_autofree char *remove_label = NULL;
      GtkWidget *row = adw_combo_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->name);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), languages);
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), language_position (member->language));
      g_object_set_data (G_OBJECT (row), "crm-staff-id", GSIZE_TO_POINTER (member->id));
      g_signal_connect (row, "notify::selected", G_CALLBACK (staff_language_changed_cb), self);

      /* Translators: tooltip of the button that removes a staff member; %s is their name */
      remove_label = g_strdup_printf (_("Remove %s from the Staff"), member->name);
      gtk_widget_set_tooltip_text (remove, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data (G_OBJECT (remove), "crm-staff-id", GSIZE_TO_POINTER (member->id));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_staff_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

      adw_preferences_group_add (self->staff_group, row);
      g_ptr_array_add (self->staff_rows, row);
    }
  self->loading = FALSE;
}

static void
add_staff_cb (CrmPreferencesWindow *self)
{
  CrmStore *store = crm_context_get_store (self->context);
  guint position = adw_combo_row_get_selected (self->new_staff_language_row);
  g_autoptr(GError) error = NULL;

  if (position >= G_N_ELEMENTS (language_ids))
    position = 0;

  if (crm_store_add_staff (store, gtk_editable_get_text (GTK_EDITABLE (self->new_staff_row)),
                           language_ids[position], &error) == 0)
    {
      show_error (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->new_staff_row), "");
  refresh_staff (self);
}

static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *style = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (style_ids); i++)
    {
      if (g_str_equal (style, style_ids[i]))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
style_set_mapping (const GValue       *value,
                   const GVariantType *type,
                   gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (style_ids))
    position = 0;

  return g_variant_new_string (style_ids[position]);
}

static CrmStore *
get_store (CrmPreferencesWindow *self)
{
  return self->context ? crm_context_get_store (self->context) : NULL;
}

static void
save_setting (CrmPreferencesWindow *self,
              const char           *key,
              const char           *value)
{
  g_autoptr(GError) error = NULL;

  if (self->loading || get_store (self) == NULL)
    return;

  if (!crm_store_set_setting (get_store (self), key, value, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (escaped));
    }
}

static void
update_rule_rows (CrmPreferencesWindow *self)
{
  gboolean threshold = adw_combo_row_get_selected (self->rule_row) == 1;
  g_autofree char *currency = get_store (self) ? crm_store_dup_currency (get_store (self)) : g_strdup ("GEL");
  g_autofree char *title = NULL;

  gtk_widget_set_visible (self->share_row, !threshold);
  gtk_widget_set_visible (GTK_WIDGET (self->min_spend_row), threshold);
  gtk_widget_set_visible (self->min_purchases_row, threshold);

  /* Translators: %s is the currency sign, ₾ or ֏ */
  title = g_strdup_printf (_("Spent at least (%s)"), crm_money_symbol (currency));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->min_spend_row), title);
}

static void
currency_changed_cb (CrmPreferencesWindow *self)
{
  guint position = adw_combo_row_get_selected (self->currency_row);

  if (position < G_N_ELEMENTS (currency_ids))
    save_setting (self, "shop.currency", currency_ids[position]);
  update_rule_rows (self);
}

static void
rule_changed_cb (CrmPreferencesWindow *self)
{
  guint position = adw_combo_row_get_selected (self->rule_row);

  if (position < G_N_ELEMENTS (rule_ids))
    save_setting (self, "segment.rule", rule_ids[position]);
  update_rule_rows (self);
}

static void
number_changed_cb (CrmPreferencesWindow *self,
                   GtkSpinButton        *spin)
{
  const char *key = g_object_get_data (G_OBJECT (spin), "crm-setting");
  g_autofree char *value = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (spin));

  if (key != NULL)
    save_setting (self, key, value);
}

static void
min_spend_apply_cb (CrmPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  gint64 minor = 0;

  if (!crm_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->min_spend_row)), &minor, &error) ||
      minor < 0 || minor > G_MAXINT)
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("Write the amount as a number, for example 500.")));
      return;
    }

  value = g_strdup_printf ("%" G_GINT64_FORMAT, minor);
  save_setting (self, "segment.min_spend", value);
}

/* Shop hours are the shop's (in the database, in minutes), not a person's. */
static void
hours_changed_cb (CrmPreferencesWindow *self,
                  GtkSpinButton        *spin)
{
  g_autofree char *minutes = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (spin) * 60);

  save_setting (self, spin == self->opens_spin ? "reminders.opens" : "reminders.closes", minutes);
}

static void
load_shop_settings (CrmPreferencesWindow *self)
{
  CrmStore *store = get_store (self);
  g_autofree char *currency = crm_store_dup_currency (store);
  g_autofree char *rule = crm_store_dup_setting (store, "segment.rule", "pareto");
  g_autofree char *min_spend = NULL;

  self->loading = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (currency_ids); i++)
    if (g_strcmp0 (currency, currency_ids[i]) == 0)
      adw_combo_row_set_selected (self->currency_row, i);
  adw_combo_row_set_selected (self->rule_row, g_strcmp0 (rule, "threshold") == 0 ? 1 : 0);

  gtk_spin_button_set_value (self->share_spin, crm_store_get_setting_int (store, "segment.share", 80));
  gtk_spin_button_set_value (self->min_purchases_spin,
                             crm_store_get_setting_int (store, "segment.min_purchases", 0));
  gtk_spin_button_set_value (self->window_spin, crm_store_get_setting_int (store, "segment.window_days", 365));
  gtk_spin_button_set_value (self->risk_spin, crm_store_get_setting_int (store, "segment.at_risk_days", 60));
  gtk_spin_button_set_value (self->touch_key_spin, crm_store_get_setting_int (store, "touch.key_days", 14));
  gtk_spin_button_set_value (self->touch_other_spin, crm_store_get_setting_int (store, "touch.secondary_days", 60));
  gtk_spin_button_set_value (self->opens_spin, crm_store_get_setting_int (store, "reminders.opens", 9 * 60) / 60);
  gtk_spin_button_set_value (self->closes_spin, crm_store_get_setting_int (store, "reminders.closes", 19 * 60) / 60);

  min_spend = crm_money_format_plain (crm_store_get_setting_int (store, "segment.min_spend", 0));
  gtk_editable_set_text (GTK_EDITABLE (self->min_spend_row), min_spend);

  update_rule_rows (self);
  self->loading = FALSE;
}

static void
crm_preferences_window_finalize (GObject *object)
{
  CrmPreferencesWindow *self = CRM_PREFERENCES_WINDOW (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->staff_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_preferences_window_parent_class)->finalize (object);
}

static void
crm_preferences_window_class_init (CrmPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = crm_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/crm-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, shop_page);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, rule_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, share_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, share_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, min_spend_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, min_purchases_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, min_purchases_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, window_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, risk_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, reminders_group);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, background_switch);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, login_switch);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, opens_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, closes_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, touch_key_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, touch_other_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, staff_page);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, staff_group);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, new_staff_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, new_staff_language_row);
  gtk_widget_class_bind_template_callback (widget_class, add_staff_cb);
  gtk_widget_class_bind_template_callback (widget_class, hours_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, currency_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, rule_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, number_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, min_spend_apply_cb);
}

static void
crm_preferences_window_init (CrmPreferencesWindow *self)
{
  g_autoptr(GListModel) languages = language_model ();
  g_autoptr(GListModel) staff_languages = language_model ();

  self->loading = TRUE;
  self->staff_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  adw_combo_row_set_model (self->language_row, languages);
  adw_combo_row_set_model (self->new_staff_language_row, staff_languages);

  g_object_set_data (G_OBJECT (self->share_spin), "crm-setting", (gpointer) "segment.share");
  g_object_set_data (G_OBJECT (self->min_purchases_spin), "crm-setting", (gpointer) "segment.min_purchases");
  g_object_set_data (G_OBJECT (self->window_spin), "crm-setting", (gpointer) "segment.window_days");
  g_object_set_data (G_OBJECT (self->risk_spin), "crm-setting", (gpointer) "segment.at_risk_days");
  g_object_set_data (G_OBJECT (self->touch_key_spin), "crm-setting", (gpointer) "touch.key_days");
  g_object_set_data (G_OBJECT (self->touch_other_spin), "crm-setting", (gpointer) "touch.secondary_days");
  self->loading = FALSE;
}

GtkWindow *
crm_preferences_window_new (GtkWindow  *parent,
                            GSettings  *settings,
                            CrmContext *context)
{
  CrmPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CRM_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);

  g_settings_bind_with_mapping (settings, "style", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                style_get_mapping, style_set_mapping, NULL, NULL);
  g_settings_bind_with_mapping (settings, "language", self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                language_get_mapping, language_set_mapping, NULL, NULL);
  g_settings_bind (settings, "run-in-background", self->background_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "start-at-login", self->login_switch, "active", G_SETTINGS_BIND_DEFAULT);

  if (context != NULL)
    {
      self->context = g_object_ref (context);
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                                  ADW_PREFERENCES_PAGE (crm_preferences_data_new (settings, context)));
      load_shop_settings (self);
      refresh_staff (self);
      /* What a shop owner comes here for first. */
      adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self),
                                               ADW_PREFERENCES_PAGE (self->shop_page));
    }
  else
    {
      gtk_widget_set_visible (self->shop_page, FALSE);
      gtk_widget_set_visible (self->staff_page, FALSE);
      gtk_widget_set_visible (self->reminders_group, FALSE);
    }

  return GTK_WINDOW (self);
}

/**
 * crm_preferences_window_show_staff:
 *
 * Opens on the staff page, where people are added and removed.
 */
void
crm_preferences_window_show_staff (CrmPreferencesWindow *self)
{
  g_return_if_fail (CRM_IS_PREFERENCES_WINDOW (self));

  if (self->context != NULL)
    adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self),
                                             ADW_PREFERENCES_PAGE (self->staff_page));
}
