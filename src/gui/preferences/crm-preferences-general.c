/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-preferences-general"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-preferences-general.h"
#include "crm-preferences-window.h"
#include "crm-store.h"

/* Preferences → General: this computer user's language and style, and
 * where the shop's data is kept. */
struct _CrmPreferencesGeneral
{
  AdwPreferencesPage  parent_instance;

  CrmContext         *context;

  AdwComboRow        *language_row;
  AdwComboRow        *style_row;
};

G_DEFINE_FINAL_TYPE (CrmPreferencesGeneral, crm_preferences_general, ADW_TYPE_PREFERENCES_PAGE)

/* Positions in the style row's model, in the order of the .ui file. */
static const char *const style_ids[] = { "default", "light", "dark" };

static gboolean
language_get_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  g_value_set_uint (value, crm_preferences_language_position (g_variant_get_string (variant, NULL)));
  return TRUE;
}

static GVariant *
language_set_mapping (const GValue       *value,
                      const GVariantType *type,
                      gpointer            user_data)
{
  return g_variant_new_string (crm_preferences_language_id (g_value_get_uint (value)));
}

static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *style = g_variant_get_string (variant, NULL);

  g_value_set_uint (value, 0);
  for (guint i = 0; i < G_N_ELEMENTS (style_ids); i++)
    if (g_str_equal (style, style_ids[i]))
      g_value_set_uint (value, i);

  return TRUE;
}

static GVariant *
style_set_mapping (const GValue       *value,
                   const GVariantType *type,
                   gpointer            user_data)
{
  guint position = g_value_get_uint (value);

  return g_variant_new_string (style_ids[position < G_N_ELEMENTS (style_ids) ? position : 0]);
}

static void
crm_preferences_general_dispose (GObject *object)
{
  CrmPreferencesGeneral *self = CRM_PREFERENCES_GENERAL (object);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (crm_preferences_general_parent_class)->dispose (object);
}

static void
crm_preferences_general_class_init (CrmPreferencesGeneralClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_preferences_general_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/crm-preferences-general.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesGeneral, language_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesGeneral, style_row);
}

static void
crm_preferences_general_init (CrmPreferencesGeneral *self)
{
  g_autoptr(GListModel) languages = crm_preferences_language_model ();

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_combo_row_set_model (self->language_row, languages);
}

/**
 * crm_preferences_general_new:
 * @context: (nullable): the open shop, if it could be opened
 */
GtkWidget *
crm_preferences_general_new (GSettings  *settings,
                             CrmContext *context)
{
  CrmPreferencesGeneral *self = g_object_new (CRM_TYPE_PREFERENCES_GENERAL, NULL);

  g_settings_bind_with_mapping (settings, "style", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                style_get_mapping, style_set_mapping, NULL, NULL);
  g_settings_bind_with_mapping (settings, "language", self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                language_get_mapping, language_set_mapping, NULL, NULL);

  if (context != NULL)
    self->context = g_object_ref (context);

  return GTK_WIDGET (self);
}
