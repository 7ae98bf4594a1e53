/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-application"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-application-private.h"
#include "crm-autostart.h"
#include "crm-preferences-window.h"
#include "crm-window.h"

/* The lifecycle: start-up, the shop opened by the first launch, the
 * window, staying in the background for reminders, and shutdown. The
 * actions, the command line and the language have files of their own
 * (crm-application-private.h). */

G_DEFINE_FINAL_TYPE (CrmApplication, crm_application, ADW_TYPE_APPLICATION)

static void shop_opened (CrmApplication *self);

static gboolean
style_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *style = g_variant_get_string (variant, NULL);

  if (g_str_equal (style, "light"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_str_equal (style, "dark"))
    g_value_set_enum (value, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    g_value_set_enum (value, ADW_COLOR_SCHEME_DEFAULT);

  return TRUE;
}

/* "Run in background" holds the application, so that closing the window
 * leaves the reminders running; Quit always quits. */
static void
update_background_hold (CrmApplication *self)
{
  gboolean wanted = g_settings_get_boolean (self->settings, "run-in-background");

  if (wanted && !self->setting_hold)
    g_application_hold (G_APPLICATION (self));
  else if (!wanted && self->setting_hold)
    g_application_release (G_APPLICATION (self));

  self->setting_hold = wanted;
}

static void
background_setting_changed_cb (CrmApplication *self)
{
  if (self->context != NULL)
    update_background_hold (self);
}

static void
start_at_login_changed_cb (GSettings      *settings,
                           const char     *key,
                           CrmApplication *self)
{
  g_autoptr(GError) error = NULL;

  if (!crm_autostart_set (g_settings_get_boolean (settings, key), &error))
    g_warning ("Could not change the start at login: %s", error->message);
}

static void
crm_application_activate (GApplication *app)
{
  CrmApplication *self = CRM_APPLICATION (app);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = crm_window_new (self, self->settings, self->context, self->load_error);

  gtk_window_present (window);
}

static void
crm_application_startup (GApplication *app)
{
  CrmApplication *self = CRM_APPLICATION (app);

  G_APPLICATION_CLASS (crm_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);

  self->settings = g_settings_new (APP_ID);

  crm_application_language_init (self);

  g_settings_bind_with_mapping (self->settings, "style",
                                adw_style_manager_get_default (), "color-scheme",
                                G_SETTINGS_BIND_GET,
                                style_get_mapping, NULL, NULL, NULL);

  crm_application_actions_init (self);

  g_signal_connect_swapped (self->settings, "changed::run-in-background",
                            G_CALLBACK (background_setting_changed_cb), self);
  g_signal_connect (self->settings, "changed::start-at-login",
                    G_CALLBACK (start_at_login_changed_cb), self);
}

static void
crm_application_shutdown (GApplication *app)
{
  CrmApplication *self = CRM_APPLICATION (app);

  /* Close the database while the main loop is still around, so that
   * the WAL is checkpointed before the process exits. */
  g_clear_object (&self->notifier);
  g_clear_object (&self->context);

  G_APPLICATION_CLASS (crm_application_parent_class)->shutdown (app);
}

static void
crm_application_finalize (GObject *object)
{
  CrmApplication *self = CRM_APPLICATION (object);

  g_clear_object (&self->notifier);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->load_error, g_free);
  g_clear_pointer (&self->applied_language, g_free);
  g_clear_pointer (&self->data_dir, g_free);

  G_OBJECT_CLASS (crm_application_parent_class)->finalize (object);
}

static void
crm_application_class_init (CrmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = crm_application_finalize;

  app_class->activate = crm_application_activate;
  app_class->command_line = crm_application_command_line;
  app_class->handle_local_options = crm_application_handle_local_options;
  app_class->startup = crm_application_startup;
  app_class->shutdown = crm_application_shutdown;
}

static void
crm_application_init (CrmApplication *self)
{
  crm_application_cmdline_init (self);
}

/* The first launch opens the shop in its data folder; a shop that cannot
 * be opened leaves the reason for the window to show. */
void
crm_application_open_context (CrmApplication *self,
                              const char     *data_dir,
                              const char     *database)
{
  g_autoptr(GError) error = NULL;

  g_assert (self->context == NULL);

  g_free (self->data_dir);
  self->data_dir = g_strdup (data_dir);
  self->context = crm_context_new (data_dir, database, &error);
  if (self->context == NULL)
    {
      g_warning ("%s", error->message);
      g_free (self->load_error);
      self->load_error = g_strdup (error->message);
      return;
    }

  shop_opened (self);
}

/**
 * crm_application_use_shop:
 * @store: the shop on the database it moves to, opened (a worker may
 *   have opened it)
 * @database: (nullable): what @store was opened on, password and all, kept
 *   for this session only; %NULL for the file in the data folder
 *
 * Another database without a restart (Preferences → Use a Shared
 * Database…): the reminders, the staff and the window follow @store; the
 * Preferences window, which showed the old shop, closes.
 *
 * Returns: (transfer none): the new window
 */
GtkWindow *
crm_application_use_shop (CrmApplication *self,
                          CrmStore       *store,
                          const char     *database)
{
  GtkWindow *old = NULL;
  GtkWindow *window;

  g_return_val_if_fail (CRM_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (self->data_dir != NULL, NULL);

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    {
      if (CRM_IS_PREFERENCES_WINDOW (l->data))
        gtk_window_destroy (l->data);
      else if (CRM_IS_WINDOW (l->data))
        old = l->data;
    }

  g_clear_object (&self->notifier);
  g_clear_object (&self->context);
  g_clear_pointer (&self->load_error, g_free);
  self->context = crm_context_new_for_store (self->data_dir, database, store);
  shop_opened (self);

  window = crm_window_new (self, self->settings, self->context, NULL);
  gtk_window_present (window);
  if (old != NULL)
    gtk_window_destroy (old);
  return window;
}

/* The shop is open: who is at the counter, the reminders and the app's
 * actions follow it. */
static void
shop_opened (CrmApplication *self)
{
  crm_application_actions_follow_staff (self);
  crm_application_actions_follow_shop (self);

  /* Listen first, then start: what fell due while closed is announced. */
  self->notifier = crm_notifier_new (G_APPLICATION (self), self->context);
  crm_scheduler_start (crm_context_get_scheduler (self->context));

  /* Only a shop that opened has reminders to keep running for. */
  update_background_hold (self);
}

/* --background: without a window nothing else keeps the process alive. */
void
crm_application_hold_for_background (CrmApplication *self)
{
  if (!self->background_hold)
    {
      self->background_hold = TRUE;
      g_application_hold (G_APPLICATION (self));
    }
}

CrmApplication *
crm_application_new (void)
{
  return g_object_new (CRM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

/**
 * crm_application_get_context:
 *
 * Returns: (transfer none) (nullable): the open shop, or %NULL when its
 *   database could not be opened
 */
CrmContext *
crm_application_get_context (CrmApplication *self)
{
  g_return_val_if_fail (CRM_IS_APPLICATION (self), NULL);

  return self->context;
}

GSettings *
crm_application_get_settings (CrmApplication *self)
{
  g_return_val_if_fail (CRM_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * crm_application_get_data_dir:
 *
 * Returns: (nullable): the shop's data folder, once the first launch
 *   chose it
 */
const char *
crm_application_get_data_dir (CrmApplication *self)
{
  g_return_val_if_fail (CRM_IS_APPLICATION (self), NULL);

  return self->data_dir;
}
