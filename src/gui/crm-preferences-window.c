/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-preferences-window.h"
#include "crm-store.h"

struct _CrmPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  CrmContext           *context;

  AdwComboRow          *style_row;
  AdwActionRow         *database_row;
  GtkWidget            *open_folder_button;
};

G_DEFINE_FINAL_TYPE (CrmPreferencesWindow, crm_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Positions in the style row's model, in the order of the .ui file. */
static const char *const style_ids[] = { "default", "light", "dark" };

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

static void
open_folder_clicked_cb (CrmPreferencesWindow *self)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *uri = NULL;

  if (self->context == NULL)
    return;

  folder = g_file_new_for_path (crm_context_get_data_dir (self->context));
  uri = g_file_get_uri (folder);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
crm_preferences_window_finalize (GObject *object)
{
  CrmPreferencesWindow *self = CRM_PREFERENCES_WINDOW (object);

  g_clear_object (&self->context);

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
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesWindow, open_folder_button);
  gtk_widget_class_bind_template_callback (widget_class, open_folder_clicked_cb);
}

static void
crm_preferences_window_init (CrmPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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

  if (context != NULL)
    {
      self->context = g_object_ref (context);
      adw_action_row_set_subtitle (self->database_row,
                                   crm_store_get_path (crm_context_get_store (context)));
    }
  else
    {
      gtk_widget_set_sensitive (self->open_folder_button, FALSE);
    }

  return GTK_WINDOW (self);
}
