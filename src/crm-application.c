/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-application"

#include "config.h"

#include <glib/gi18n.h>

#include <glib/gstdio.h>

#include "crm-application-private.h"
#include "crm-autostart.h"
#include "crm-preferences-window.h"
#include "crm-window.h"

/* The lifecycle: start-up, the shop opened by the first launch, the
 * window, staying in the background for reminders, and shutdown. The
 * actions, the command line and the language have files of their own
 * (crm-application-private.h). */

G_DEFINE_FINAL_TYPE (CrmApplication, crm_application, ADW_TYPE_APPLICATION)


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

  /* The window waits for the check of the file, unless it takes a while
   * (checking_cb). */
  if (window == NULL && self->loading != NULL)
    {
      self->activate_pending = TRUE;
      return;
    }

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
  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  if (self->checking != NULL)
    g_cancellable_cancel (self->checking);
  g_clear_handle_id (&self->checking_id, g_source_remove);
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
  g_clear_object (&self->loading);
  g_clear_object (&self->checking);
  g_clear_error (&self->load_error);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->applied_language, g_free);
  g_clear_pointer (&self->database, g_free);

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

static void
start_reminders (CrmApplication *self)
{
  /* Listen first, then start: what fell due while closed is announced. */
  self->notifier = crm_notifier_new (G_APPLICATION (self), self->context);
  crm_scheduler_start (crm_context_get_scheduler (self->context));

  /* Only a shop that opened has reminders to keep running for. */
  update_background_hold (self);
}

/* A shop that opened: reminders, the staff action, the backups' second
 * folder; one that did not leaves the reason for the window to show. */
static void
shop_opened (CrmApplication *self,
             CrmContext     *context,
             GError         *error)
{
  g_clear_error (&self->load_error);

  if (context == NULL)
    {
      g_warning ("%s", error->message);
      self->load_error = error;
      return;
    }

  self->context = context;
  g_settings_bind (self->settings, "backup-folder", self->context, "second-backup-folder",
                   G_SETTINGS_BIND_GET);
  crm_store_set_watching (crm_context_get_store (self->context), TRUE);
  crm_application_actions_follow_staff (self);
  crm_application_actions_follow_shop (self);

  /* A shop still being checked writes nothing: its reminders wait. */
  if (self->checking == NULL)
    start_reminders (self);
}

/* The check of a big file is still running: a window that says so. */
static gboolean
checking_cb (gpointer user_data)
{
  CrmApplication *self = user_data;

  self->checking_id = 0;
  if (self->activate_pending)
    {
      self->activate_pending = FALSE;
      gtk_window_present (crm_window_new (self, self->settings, NULL, NULL));
    }

  return G_SOURCE_REMOVE;
}

static void
shop_checked_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CrmApplication) self = user_data;
  GError *error = NULL;
  CrmContext *context = crm_context_new_finish (result, &error);
  GtkWindow *window;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_error_free (error);
      return;
    }

  g_clear_object (&self->loading);
  g_clear_handle_id (&self->checking_id, g_source_remove);
  shop_opened (self, context, error);

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    crm_application_rebuild_window (self, FALSE);
  else if (self->activate_pending)
    g_application_activate (G_APPLICATION (self));
  self->activate_pending = FALSE;

  g_application_release (G_APPLICATION (self));
}

/* The check of a shop whose window is up already: the reminders start,
 * or the window shows what is wrong instead of the shop. */
static void
shop_check_ended_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(CrmApplication) self = user_data;
  CrmContext *context = CRM_CONTEXT (source);
  GError *error = NULL;
  gboolean ok = crm_context_check_finish (context, result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_error_free (error);
      return;
    }

  /* Another shop took its place meanwhile (a restore, a shared database):
   * this check is of no interest any more. */
  if (self->context != context)
    {
      g_clear_error (&error);
      g_application_release (G_APPLICATION (self));
      return;
    }

  g_clear_object (&self->checking);
  if (ok)
    start_reminders (self);
  else
    {
      g_clear_object (&self->context);
      shop_opened (self, NULL, error);
      if (gtk_application_get_active_window (GTK_APPLICATION (self)) != NULL)
        crm_application_rebuild_window (self, FALSE);
    }

  g_application_release (G_APPLICATION (self));
}

/* A shop that is there and up to date opens at once, its check in a
 * worker; FALSE when it needs the check first. */
static gboolean
open_before_check (CrmApplication *self,
                   const char     *data_dir)
{
  CrmContext *context;

  self->checking = g_cancellable_new ();
  context = crm_context_new_checking (data_dir, self->checking, shop_check_ended_cb,
                                      g_object_ref (self));
  if (context == NULL)
    {
      g_object_unref (self);
      g_clear_object (&self->checking);
      return FALSE;
    }

  g_application_hold (G_APPLICATION (self));
  shop_opened (self, context, NULL);
  return TRUE;
}

/**
 * crm_application_open_shop:
 * @wait: check the file here (the command line) rather than in a worker
 *   while the main loop runs (the window)
 *
 * The first launch opens the shop in its data folder. Whichever way, the
 * whole file is checked before anything writes to it.
 */
void
crm_application_open_shop (CrmApplication *self,
                           const char     *data_dir,
                           const char     *database,
                           gboolean        wait)
{
  g_assert (self->context == NULL && self->loading == NULL);

  if (self->data_dir != data_dir)
    {
      g_free (self->data_dir);
      self->data_dir = g_strdup (data_dir);
    }
  if (self->database != database)
    {
      g_free (self->database);
      self->database = g_strdup (database);
    }

  if (wait)
    {
      GError *error = NULL;
      CrmContext *context = crm_context_new (data_dir, database, &error);

      shop_opened (self, context, error);
      return;
    }

  g_clear_error (&self->load_error);
  if ((database == NULL || database[0] == '\0') && open_before_check (self, data_dir))
    {
      if (gtk_application_get_active_window (GTK_APPLICATION (self)) != NULL)
        crm_application_rebuild_window (self, FALSE);
      return;
    }

  self->loading = g_cancellable_new ();
  g_application_hold (G_APPLICATION (self));
  self->checking_id = g_timeout_add (400, checking_cb, self);
  crm_context_new_async (data_dir, database, self->loading, shop_checked_cb, g_object_ref (self));
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
  g_return_val_if_fail (self->data_dir != NULL && self->loading == NULL, NULL);

  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    {
      if (CRM_IS_PREFERENCES_WINDOW (l->data))
        gtk_window_destroy (l->data);
      else if (CRM_IS_WINDOW (l->data))
        old = l->data;
    }

  g_clear_object (&self->checking);
  g_clear_object (&self->notifier);
  g_clear_object (&self->context);
  g_free (self->database);
  self->database = g_strdup (database);
  shop_opened (self, crm_context_new_for_store (self->data_dir, database, store), NULL);

  window = crm_window_new (self, self->settings, self->context, NULL);
  gtk_window_present (window);
  if (old != NULL)
    gtk_window_destroy (old);
  return window;
}

/**
 * crm_application_reopen_shop:
 *
 * After a restore: the shop is closed, opened again from its file (checked
 * first, as at start-up) and the window built anew on it, without a
 * restart.
 */
void
crm_application_reopen_shop (CrmApplication *self)
{
  g_return_if_fail (CRM_IS_APPLICATION (self));
  g_return_if_fail (self->data_dir != NULL);

  if (self->loading != NULL)
    return;

  g_clear_object (&self->checking);
  g_clear_object (&self->notifier);
  g_clear_object (&self->context);
  crm_application_open_shop (self, self->data_dir, self->database, FALSE);

  /* The window shows the shop again once it is open. */
  if (self->loading != NULL && gtk_application_get_active_window (GTK_APPLICATION (self)) != NULL)
    self->activate_pending = TRUE;
}

/* Whether two spellings name the same folder (a trailing slash, "..", a
 * symbolic link): the same file on the same device when both exist. */
gboolean
crm_application_same_folder (const char *a,
                             const char *b)
{
  g_autofree char *canonical_a = g_canonicalize_filename (a, NULL);
  g_autofree char *canonical_b = g_canonicalize_filename (b, NULL);
  GStatBuf st_a, st_b;

  if (g_stat (a, &st_a) == 0 && g_stat (b, &st_b) == 0)
    return st_a.st_dev == st_b.st_dev && st_a.st_ino == st_b.st_ino;

  return g_strcmp0 (canonical_a, canonical_b) == 0;
}

/**
 * crm_application_rebuild_window:
 * @same_shop: the window shows the same shop (a new language): keep the
 *   customer on show too
 *
 * The window built anew, on the same section; open Preferences come back.
 */
void
crm_application_rebuild_window (CrmApplication *self,
                                gboolean        same_shop)
{
  GtkWindow *old = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *section = NULL;
  gboolean preferences_open = FALSE;
  gint64 customer = -1;
  GtkWindow *window;

  if (!CRM_IS_WINDOW (old))
    return;

  section = g_strdup (crm_window_get_section (CRM_WINDOW (old)));
  if (same_shop)
    customer = crm_customers_page_get_shown_id (crm_window_get_customers_page (CRM_WINDOW (old)));
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    {
      if (CRM_IS_PREFERENCES_WINDOW (l->data))
        {
          preferences_open = TRUE;
          gtk_window_destroy (l->data);
        }
    }

  window = crm_window_new (self, self->settings, self->context, self->load_error);
  crm_window_set_section (CRM_WINDOW (window), section);
  if (customer > 0)
    crm_window_show_customer (CRM_WINDOW (window), customer);
  gtk_window_present (window);
  gtk_window_destroy (old);

  if (preferences_open)
    g_action_group_activate_action (G_ACTION_GROUP (self), "preferences", NULL);
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

/* The folder of the shop this process serves, or NULL before a launch. */
const char *
crm_application_get_data_dir (CrmApplication *self)
{
  g_return_val_if_fail (CRM_IS_APPLICATION (self), NULL);

  return self->data_dir;
}

/**
 * crm_application_get_load_error:
 *
 * Returns: (transfer none) (nullable): why the shop could not be opened
 */
const GError *
crm_application_get_load_error (CrmApplication *self)
{
  g_return_val_if_fail (CRM_IS_APPLICATION (self), NULL);

  return self->load_error;
}

/* Whether the shop's file is still being checked, or its figures
 * brought up to date after the check. */
gboolean
crm_application_is_loading (CrmApplication *self)
{
  g_return_val_if_fail (CRM_IS_APPLICATION (self), FALSE);

  return self->loading != NULL || self->checking != NULL ||
         (self->context != NULL && crm_context_is_refreshing (self->context));
}
