/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-application"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-application-private.h"
#include "crm-preferences-window.h"
#include "crm-send-dialog.h"
#include "crm-shared-database-dialog.h"
#include "crm-window.h"

/* The app. actions: what reminders, the menus and other programs ask of
 * the application as a whole, and the keys of every action. */

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  CrmApplication *self = user_data;
  static const char *developers[] = { "The Clientele developers", NULL };
  GtkWindow *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "modal", TRUE,
                        "application-name", _("Clientele"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Clientele developers"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "comments", _("Customers, follow-ups and feedback for small shops"),
                        "website", "https://github.com/clientele/clientele",
                        "issue-url", "https://github.com/clientele/clientele/issues",
                        "copyright", "© 2026 The Clientele developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your names, one per line, shown in the About window */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (about);
  /* cppcheck-suppress memleak ; GTK holds every toplevel until it is closed */
}

static void
open_preferences (CrmApplication *self,
                  gboolean        staff)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *preferences;

  preferences = crm_preferences_window_new (parent, self->settings, self->context);
  /* Its rows reach the app. actions (the shared database). */
  gtk_window_set_application (preferences, GTK_APPLICATION (self));
  if (staff)
    crm_preferences_window_show_staff (CRM_PREFERENCES_WINDOW (preferences));
  gtk_window_present (preferences);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  open_preferences (user_data, FALSE);
}

static void
manage_staff_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  open_preferences (user_data, TRUE);
}

/* Preferences → Shop Data: the shared database dialog, in the mode the
 * action names. */
static void
shared_database_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  CrmApplication *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));
  CrmSharedDatabaseMode mode = CRM_SHARED_DATABASE_USE;
  GtkWindow *dialog;

  if (g_str_equal (name, "move-shop-to-shared"))
    mode = CRM_SHARED_DATABASE_MOVE_THERE;
  else if (g_str_equal (name, "move-shop-to-file"))
    mode = CRM_SHARED_DATABASE_MOVE_BACK;

  dialog = crm_shared_database_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                           self, mode);
  gtk_window_present (dialog);
}

/* Raises the window, building it if there is none (a reminder may be
 * clicked while the app runs in the background). */
static CrmWindow *
raise_window (CrmApplication *self)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return CRM_IS_WINDOW (window) ? CRM_WINDOW (window) : NULL;
}

static void
show_customer_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  CrmWindow *window = raise_window (user_data);

  if (window != NULL)
    crm_window_show_customer (window, g_variant_get_int64 (parameter));
}

/* A message to a customer, from a reminder: their page, then the send
 * dialog with the message given ("birthday" for Send Wish). */
static void
send_message_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  CrmApplication *self = user_data;
  CrmWindow *window = raise_window (self);
  const char *template = NULL;
  gint64 customer_id = 0;
  GtkWindow *dialog;

  if (window == NULL || self->context == NULL)
    return;

  g_variant_get (parameter, "(x&s)", &customer_id, &template);
  crm_window_show_customer (window, customer_id);
  dialog = crm_send_dialog_new (GTK_WINDOW (window), crm_context_get_store (self->context),
                                customer_id, template[0] != '\0' ? template : NULL);
  if (dialog != NULL)
    gtk_window_present (dialog);
}

static void
show_follow_ups_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  CrmWindow *window = raise_window (user_data);

  if (window != NULL)
    crm_window_set_section (window, "follow-ups");
}

/* Picking who is at the counter records them on what is entered from now
 * on, and switches to their language if they have one. */
static void
staff_change_state (GSimpleAction *action,
                    GVariant      *value,
                    gpointer       user_data)
{
  CrmApplication *self = user_data;
  gint64 id = g_variant_get_int64 (value);
  CrmStore *store;
  g_autoptr(CrmStaffMember) member = NULL;

  if (self->context == NULL)
    return;

  store = crm_context_get_store (self->context);
  if (!crm_store_set_acting_staff (store, id))
    return;

  g_simple_action_set_state (action, value);
  g_settings_set_int64 (self->settings, "staff", id);

  member = crm_store_get_staff (store, id);
  if (member != NULL && member->language[0] != '\0')
    g_settings_set_string (self->settings, "language", member->language);
}

/* The action follows the store, which forgets someone who leaves. */
static void
staff_store_changed_cb (CrmStore       *store,
                        guint           change,
                        gint64          customer_id,
                        CrmApplication *self)
{
  GAction *action;
  gint64 id;

  if (!(change & CRM_STORE_CHANGE_STAFF))
    return;

  id = crm_store_get_acting_staff (store);
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "staff");
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_int64 (id));
  if (g_settings_get_int64 (self->settings, "staff") != id)
    g_settings_set_int64 (self->settings, "staff", id);
}

static const GActionEntry app_actions[] = {
  { "show-follow-ups", show_follow_ups_activated },
  { "quit", quit_activated },
  /* Opens a customer's page: reminders and other programs use it. */
  { "show-customer", show_customer_activated, "x" },
  { "send-message", send_message_activated, "(xs)" },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "staff", NULL, "x", "int64 0", staff_change_state },
  { "manage-staff", manage_staff_activated },
  { "use-shared-database", shared_database_activated },
  { "move-shop-to-shared", shared_database_activated },
  { "move-shop-to-file", shared_database_activated },
};

/* The keys of the app's and the window's actions, in one place. */
static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "win.show-section::customers", { "<Control>1", NULL } },
  { "win.show-section::follow-ups", { "<Control>2", NULL } },
  { "win.show-section::feedback", { "<Control>3", NULL } },
  { "win.show-section::insights", { "<Control>4", NULL } },
  { "win.new-customer", { "<Control>n", NULL } },
  { "win.find", { "<Control>f", NULL } },
  { "win.new-follow-up", { "<Control><Shift>n", NULL } },
  { "win.new-feedback", { "<Control><Shift>f", NULL } },
};

/* At start-up, before any window. */
void
crm_application_actions_init (CrmApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  crm_application_actions_follow_shop (self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);
}

/* Once a shop is open: a shop on this PC's file can move to a shared
 * database, one on a shared database back to the file. */
void
crm_application_actions_follow_shop (CrmApplication *self)
{
  gboolean shared = self->context != NULL &&
                    crm_store_is_shared (crm_context_get_store (self->context));
  GAction *there = g_action_map_lookup_action (G_ACTION_MAP (self), "move-shop-to-shared");
  GAction *back = g_action_map_lookup_action (G_ACTION_MAP (self), "move-shop-to-file");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (there), self->context != NULL && !shared);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (back), shared);
}

/* Once the shop is open: the "staff" action's state is who is at the
 * counter, restored from the settings and kept in step with the store. */
void
crm_application_actions_follow_staff (CrmApplication *self)
{
  CrmStore *store = crm_context_get_store (self->context);

  /* Whoever was at the counter when the app last closed still is. */
  if (!crm_store_set_acting_staff (store, g_settings_get_int64 (self->settings, "staff")))
    g_settings_set_int64 (self->settings, "staff", 0);
  g_signal_connect_object (store, "changed",
                           G_CALLBACK (staff_store_changed_cb), self, 0);
  staff_store_changed_cb (store, CRM_STORE_CHANGE_STAFF, 0, self);
}
