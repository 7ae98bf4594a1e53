/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-application"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "crm-application.h"
#include "crm-archive.h"
#include "crm-autostart.h"
#include "crm-demo.h"
#include "crm-export.h"
#include "crm-sales-import.h"
#include "crm-notifier.h"
#include "crm-preferences-window.h"
#include "crm-window.h"

struct _CrmApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  CrmContext     *context;
  CrmNotifier    *notifier;

  /* Why the shop's data could not be opened, shown in the window instead
   * of the shop. NULL once a context is open. */
  char           *load_error;

  guint           background_hold : 1;
  guint           setting_hold : 1;

  /* The language the interface was built in: "" follows the system. */
  char           *applied_language;
};

G_DEFINE_FINAL_TYPE (CrmApplication, crm_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  /* Translators: help text of --data-dir; DIR is a folder name */
  { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the shop database in DIR (also CLIENTELE_DATA_DIR)"), N_("DIR") },
  { "background", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Start without a window; reminders keep running"), NULL },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Fill an empty database with a sample shop"), NULL },
  /* Translators: help text of --export; FILE is a file name */
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the customers (.csv) or the whole shop (.json) to FILE and exit"), N_("FILE") },
  /* Translators: help text of --import; FILE is a file name */
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import customers (.csv, .vcf) or a whole shop (.json) from FILE and exit"), N_("FILE") },
  /* Translators: help text of --import-sales; FILE is a file name */
  { "import-sales", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import purchases from a till’s CSV FILE and exit"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

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

static char *
data_dir_for_command_line (GApplicationCommandLine *cmdline,
                           GVariantDict            *options)
{
  g_autofree char *arg = NULL;
  const char *env;

  if (g_variant_dict_lookup (options, "data-dir", "^ay", &arg) && arg[0] != '\0')
    {
      /* Relative to the folder the (possibly remote) launch came from. */
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (cmdline, arg);

      return g_file_get_path (file);
    }

  env = g_application_command_line_getenv (cmdline, "CLIENTELE_DATA_DIR");
  if (env != NULL && env[0] != '\0')
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (cmdline, env);

      return g_file_get_path (file);
    }

  return crm_context_default_data_dir ();
}

static void update_background_hold (CrmApplication *self);
static void staff_store_changed_cb (CrmStore       *store,
                                    guint           change,
                                    gint64          customer_id,
                                    CrmApplication *self);

static void
crm_application_open_context (CrmApplication *self,
                              const char     *data_dir)
{
  g_autoptr(GError) error = NULL;

  g_assert (self->context == NULL);

  self->context = crm_context_new (data_dir, &error);
  if (self->context == NULL)
    {
      g_warning ("%s", error->message);
      g_free (self->load_error);
      self->load_error = g_strdup (error->message);
      return;
    }

  /* Whoever was at the counter when the app last closed still is. */
  if (!crm_store_set_acting_staff (crm_context_get_store (self->context),
                                   g_settings_get_int64 (self->settings, "staff")))
    g_settings_set_int64 (self->settings, "staff", 0);
  g_signal_connect_object (crm_context_get_store (self->context), "changed",
                           G_CALLBACK (staff_store_changed_cb), self, 0);
  staff_store_changed_cb (crm_context_get_store (self->context), CRM_STORE_CHANGE_STAFF, 0, self);

  /* Listen first, then start: what fell due while closed is announced. */
  self->notifier = crm_notifier_new (G_APPLICATION (self), self->context);
  crm_scheduler_start (crm_context_get_scheduler (self->context));

  /* Only a shop that opened has reminders to keep running for. */
  update_background_hold (self);
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

/* A new language: the window is built again in it, on the same shop, the
 * same section and the same customer; the scheduler and the notifier go
 * on untouched. */
static void
rebuild_window (CrmApplication *self)
{
  GtkWindow *old = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *section = NULL;
  gboolean preferences_open = FALSE;
  gint64 customer = -1;
  GtkWindow *window;

  if (!CRM_IS_WINDOW (old))
    return;

  section = g_strdup (crm_window_get_section (CRM_WINDOW (old)));
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

static void
language_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      CrmApplication   *self)
{
  if (g_str_equal (response, "switch"))
    {
      g_autofree char *language = g_settings_get_string (self->settings, "language");

      g_free (self->applied_language);
      self->applied_language = g_steal_pointer (&language);
      crm_application_set_language (self->applied_language);
      rebuild_window (self);
    }
  else
    {
      /* Keep editing: the choice goes back to what the window speaks. */
      g_settings_set_string (self->settings, "language", self->applied_language);
    }
}

static void
language_changed_cb (CrmApplication *self)
{
  g_autofree char *language = g_settings_get_string (self->settings, "language");
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog;

  if (g_strcmp0 (language, self->applied_language) == 0)
    return;

  /* Nothing typed is dropped without asking. */
  if (CRM_IS_WINDOW (window) && crm_window_has_unsaved_changes (CRM_WINDOW (window)))
    {
      dialog = adw_message_dialog_new (window, _("Switch Language?"),
                                       _("The changes to this customer are not saved yet. "
                                         "Switching the language now drops them."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "keep", _("_Keep Editing"),
                                        "switch", _("_Switch"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "switch",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
      g_signal_connect (dialog, "response", G_CALLBACK (language_response_cb), self);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  g_free (self->applied_language);
  self->applied_language = g_steal_pointer (&language);
  crm_application_set_language (self->applied_language);
  rebuild_window (self);
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
}

static void
open_preferences (CrmApplication *self,
                  gboolean        staff)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *preferences;

  preferences = crm_preferences_window_new (parent, self->settings, self->context);
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
show_customer_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  CrmApplication *self = user_data;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (CRM_IS_WINDOW (window))
    crm_window_show_customer (CRM_WINDOW (window), g_variant_get_int64 (parameter));
}

static void
show_follow_ups_activated (GSimpleAction *action,
                           GVariant      *parameter,
                           gpointer       user_data)
{
  CrmApplication *self = user_data;
  GtkWindow *window;

  g_application_activate (G_APPLICATION (self));
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (CRM_IS_WINDOW (window))
    crm_window_set_section (CRM_WINDOW (window), "follow-ups");
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

static void
manage_staff_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  open_preferences (user_data, TRUE);
}

static const GActionEntry app_actions[] = {
  { "show-follow-ups", show_follow_ups_activated },
  { "quit", quit_activated },
  /* Opens a customer's page: reminders and other programs use it. */
  { "show-customer", show_customer_activated, "x" },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "staff", NULL, "x", "int64 0", staff_change_state },
  { "manage-staff", manage_staff_activated },
};

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

/* --export and --demo run in the launching process, before any window
 * system is touched: they work over SSH and in scripts, and SQLite's own
 * locking keeps them safe beside a running instance. */
static char *
local_data_dir (GVariantDict *options)
{
  g_autofree char *arg = NULL;

  if (g_variant_dict_lookup (options, "data-dir", "^ay", &arg) && arg[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (arg);

      return g_file_get_path (file);
    }

  return crm_context_default_data_dir ();
}

static int
export_to (GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *data_dir = local_data_dir (options);
  g_autofree char *arg = NULL;
  g_autofree char *path = NULL;
  guint n = 0;

  g_variant_dict_lookup (options, "export", "^ay", &arg);
  file = g_file_new_for_commandline_arg (arg);
  path = g_file_get_path (file);

  if (g_str_has_suffix (arg, ".json") || g_str_has_suffix (arg, ".JSON"))
    {
      CrmArchiveCounts counts = { 0 };
      g_autofree char *described = NULL;

      store = crm_store_open (data_dir, &error);
      if (store == NULL || !crm_archive_export (store, file, &counts, &error))
        {
          g_printerr (_("Could not export to “%s”: %s\n"), path, error->message);
          return 1;
        }

      described = crm_archive_counts_describe (&counts);
      /* Translators: %s lists what was written, e.g. "12 customers, 80 purchases" */
      g_print (_("Exported the whole shop to “%s”: %s.\n"), path, described);
      return 0;
    }

  if (!g_str_has_suffix (arg, ".csv") && !g_str_has_suffix (arg, ".CSV"))
    {
      g_printerr (_("Cannot export to “%s”: write a file name ending in .csv or .json.\n"), path);
      return 1;
    }

  store = crm_store_open (data_dir, &error);
  if (store == NULL || !crm_store_refresh_all (store, &error) ||
      !crm_export_customers_csv (store, file, &n, &error))
    {
      g_printerr (_("Could not export to “%s”: %s\n"), path, error->message);
      return 1;
    }

  g_print (ngettext ("Exported %u customer to “%s”.\n",
                     "Exported %u customers to “%s”.\n", n),
           n, path);
  return 0;
}

/* --import and --import-sales: all or nothing, a summary on stdout, the
 * reason on stderr and a non-zero exit when nothing was imported. */
static int
import_from (GVariantDict *options,
             gboolean      sales)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *data_dir = local_data_dir (options);
  g_autofree char *arg = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *summary = NULL;
  CrmImportFormat format;

  g_variant_dict_lookup (options, sales ? "import-sales" : "import", "^ay", &arg);
  file = g_file_new_for_commandline_arg (arg);
  path = g_file_get_path (file);
  name = g_file_get_basename (file);

  bytes = crm_import_load_file (file, NULL, &error);
  if (bytes != NULL)
    store = crm_store_open (data_dir, &error);
  if (store == NULL)
    goto failed;

  format = crm_import_guess_format (name, bytes);
  if (sales)
    {
      g_autoptr(CrmSalesImport) import = crm_sales_import_new (bytes, &error);

      if (import == NULL || !crm_sales_import_prepare (import, store, &error) ||
          !crm_sales_import_apply (import, store, NULL, &error))
        goto failed;
      summary = crm_sales_import_dup_summary (import, 20);
    }
  else if (format == CRM_IMPORT_FORMAT_ARCHIVE)
    {
      CrmArchiveCounts counts = { 0 };
      g_autofree char *described = NULL;

      if (!crm_archive_import (store, bytes, &counts, &error))
        goto failed;
      described = crm_archive_counts_describe (&counts);
      /* Translators: %s lists what was read, e.g. "12 customers, 80 purchases" */
      summary = g_strdup_printf (_("Imported the whole shop: %s."), described);
    }
  else
    {
      g_autoptr(CrmCustomerImport) import = crm_customer_import_new (bytes, format, &error);

      if (import == NULL || !crm_customer_import_prepare (import, store, &error) ||
          !crm_customer_import_apply (import, store, NULL, &error))
        goto failed;
      summary = crm_customer_import_dup_summary (import, 20);
    }

  g_print ("%s\n", g_strchomp (summary));
  return 0;

failed:
  /* Translators: the first %s is a file, the second the reason */
  g_printerr (_("Nothing was imported from “%s”: %s\n"), path, error->message);
  return 1;
}

static int
load_demo (GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autofree char *data_dir = local_data_dir (options);
  g_autofree char *currency = NULL;
  guint n;

  store = crm_store_open (data_dir, &error);
  if (store == NULL || !crm_demo_fill (store, CRM_DEMO_CUSTOMERS, 2026, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* The sample shop is in Tbilisi. */
  currency = crm_store_dup_setting (store, "shop.currency", NULL);
  if (currency == NULL)
    crm_store_set_setting (store, "shop.currency", "GEL", NULL);

  n = crm_store_count_customers (store);
  g_print (ngettext ("Loaded the sample shop: %u customer.\n",
                     "Loaded the sample shop: %u customers.\n", n),
           n);
  return -1;
}

static gint
crm_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "export"))
    return export_to (options);

  if (g_variant_dict_contains (options, "import"))
    return import_from (options, FALSE);

  if (g_variant_dict_contains (options, "import-sales"))
    return import_from (options, TRUE);

  /* Then go on to open the window on the sample shop. */
  if (g_variant_dict_contains (options, "demo"))
    {
      int status = load_demo (options);

      if (status >= 0)
        return status;
    }

  return G_APPLICATION_CLASS (crm_application_parent_class)->handle_local_options (app, options);
}

static int
crm_application_command_line (GApplication            *app,
                              GApplicationCommandLine *cmdline)
{
  CrmApplication *self = CRM_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  g_autofree char *data_dir = data_dir_for_command_line (cmdline, options);
  gboolean background = g_variant_dict_contains (options, "background");

  if (self->context == NULL && self->load_error == NULL)
    {
      crm_application_open_context (self, data_dir);
    }
  else
    {
      g_autofree char *running = NULL;
      g_autofree char *wanted = g_canonicalize_filename (data_dir, NULL);

      if (self->context != NULL)
        running = g_canonicalize_filename (crm_context_get_data_dir (self->context), NULL);

      /* One process serves one shop: never let a second launch with
       * another folder write into the shop that is already open. */
      if (running != NULL && g_strcmp0 (running, wanted) != 0)
        {
          g_application_command_line_printerr (cmdline,
                                               _("Clientele is already running with the data folder “%s”. "
                                                 "Quit it first to open “%s”.\n"),
                                               running, wanted);
          return 1;
        }
    }

  if (background)
    {
      if (self->context == NULL)
        {
          g_application_command_line_printerr (cmdline, "%s\n", self->load_error);
          return 1;
        }

      /* Without a window nothing else keeps the process alive. */
      if (!self->background_hold)
        {
          self->background_hold = TRUE;
          g_application_hold (app);
        }
      return 0;
    }

  g_application_activate (app);
  return 0;
}

static void
crm_application_startup (GApplication *app)
{
  CrmApplication *self = CRM_APPLICATION (app);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.show-section::customers", { "<Control>1", NULL } },
    { "win.show-section::follow-ups", { "<Control>2", NULL } },
    { "win.show-section::feedback", { "<Control>3", NULL } },
    { "win.show-section::insights", { "<Control>4", NULL } },
    { "win.new-customer", { "<Control>n", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.new-follow-up", { "<Control><Shift>n", NULL } },
    { "win.new-feedback", { "<Control><Shift>f", NULL } },
  };

  G_APPLICATION_CLASS (crm_application_parent_class)->startup (app);


  gtk_window_set_default_icon_name (APP_ID);

  self->settings = g_settings_new (APP_ID);

  /* Before any window: the person's language, not necessarily the system's. */
  self->applied_language = g_settings_get_string (self->settings, "language");
  crm_application_set_language (self->applied_language);
  g_signal_connect_swapped (self->settings, "changed::language", G_CALLBACK (language_changed_cb), self);

  g_settings_bind_with_mapping (self->settings, "style",
                                adw_style_manager_get_default (), "color-scheme",
                                G_SETTINGS_BIND_GET,
                                style_get_mapping, NULL, NULL, NULL);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  g_signal_connect_swapped (self->settings, "changed::run-in-background",
                            G_CALLBACK (background_setting_changed_cb), self);
  g_signal_connect (self->settings, "changed::start-at-login",
                    G_CALLBACK (start_at_login_changed_cb), self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);
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
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Customers, follow-ups and feedback for small shops"));
}

/**
 * crm_application_init_i18n:
 *
 * Sets up gettext before anything is translated. CLIENTELE_LOCALEDIR points
 * at the build tree's catalogues when running uninstalled (meson devenv).
 */
/* LANGUAGE as the session set it, for "follow the system". */
static char *system_language;
static gboolean system_language_saved;

static void
set_messages_locale (void)
{
  const char *messages;

  setlocale (LC_MESSAGES, "");

  /* gettext ignores LANGUAGE under the C locale; C.UTF-8 keeps the
   * behaviour of C and lets LANGUAGE=ka or hy choose a catalogue. */
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    setlocale (LC_MESSAGES, "C.UTF-8");
}

/**
 * crm_application_set_language:
 * @language: "en", "ka", "hy", or "" (or %NULL) to follow the system
 *
 * Switches the language gettext answers in, for this process, without
 * touching the system's settings. Widgets built afterwards speak it.
 */
void
crm_application_set_language (const char *language)
{
  if (!system_language_saved)
    {
      system_language = g_strdup (g_getenv ("LANGUAGE"));
      system_language_saved = TRUE;
    }

  if (language != NULL && language[0] != '\0')
    g_setenv ("LANGUAGE", language, TRUE);
  else if (system_language != NULL)
    g_setenv ("LANGUAGE", system_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  set_messages_locale ();
  /* Setting the domain again makes gettext drop what it cached. */
  textdomain (GETTEXT_PACKAGE);
  crm_application_bind_supplements ();
}

void
crm_application_init_i18n (void)
{
  const char *localedir = g_getenv ("CLIENTELE_LOCALEDIR");

  setlocale (LC_ALL, "");
  set_messages_locale ();

  /* GTK would call setlocale (LC_ALL, "") again at start-up and undo the
   * C.UTF-8 above; the locale is ours to set. */
  gtk_disable_setlocale ();

  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* GLib decides once, at the first g_dgettext () (GtkBuilder's), whether
   * to translate at all, and says no for an untranslated C.UTF-8 start.
   * Let it decide with one of our languages in place, so that switching
   * to Georgian or Armenian later translates the .ui files too. */
  {
    g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

    g_setenv ("LANGUAGE", "ka", TRUE);
    g_dgettext (GETTEXT_PACKAGE, "");
    if (saved != NULL)
      g_setenv ("LANGUAGE", saved, TRUE);
    else
      g_unsetenv ("LANGUAGE");
  }
}

/* The libraries whose strings Clientele supplements, each with a message
 * that their own catalogue translates when it speaks the language:
 * libadwaita's "Details" is on every About window, GTK's "Minimize" on
 * every window's title bar. */
static const struct
{
  const char *domain;
  const char *probe;
} supplements[] = {
  { "libadwaita", "Details" },
  { "gtk40", "Minimize" },
};

/**
 * crm_application_bind_supplements:
 *
 * Debian 12's libadwaita has no Armenian, and its GTK none for the window's
 * own buttons or the file chooser, so those would speak English inside an
 * Armenian interface. Clientele ships those strings (po/libadwaita/,
 * po/gtk/) and points each library at them, but only when the interface
 * language has a supplement and the library's own install does not speak
 * it. CLIENTELE_SUPPLEMENT_LOCALEDIR may list several folders (the build
 * tree has one per library). Call after adw_init().
 */
void
crm_application_bind_supplements (void)
{
  static char *own_dirs[G_N_ELEMENTS (supplements)];
  const char *path = g_getenv ("CLIENTELE_SUPPLEMENT_LOCALEDIR");
  const char * const *languages = g_get_language_names ();
  g_auto(GStrv) dirs = NULL;

  if (path == NULL || *path == '\0')
    path = SUPPLEMENT_LOCALEDIR;
  dirs = g_strsplit (path, G_SEARCHPATH_SEPARATOR_S, -1);

  for (guint s = 0; s < G_N_ELEMENTS (supplements); s++)
    {
      const char *domain = supplements[s].domain;
      const char *probe = supplements[s].probe;
      g_autofree char *file = g_strconcat (domain, ".mo", NULL);
      const char *found = NULL;

      /* Start from the library's own catalogues each time: the language
       * may have changed since a supplement was bound. */
      if (own_dirs[s] == NULL)
        own_dirs[s] = g_strdup (bindtextdomain (domain, NULL));
      bindtextdomain (domain, own_dirs[s]);

      /* The first language is the most specific the environment asks for,
       * e.g. "hy" for LANGUAGE=hy or "hy_AM.UTF-8" for LANG=hy_AM.UTF-8. */
      for (guint i = 0; found == NULL && languages[i] != NULL && !g_str_equal (languages[i], "C"); i++)
        for (guint d = 0; found == NULL && dirs[d] != NULL; d++)
          {
            g_autofree char *mo = g_build_filename (dirs[d], languages[i], "LC_MESSAGES", file, NULL);

            if (g_file_test (mo, G_FILE_TEST_IS_REGULAR))
              found = dirs[d];
          }

      /* Translated means the library already speaks this language and
       * ours must not shadow it. */
      if (found == NULL || g_strcmp0 (g_dgettext (domain, probe), probe) != 0)
        continue;

      bindtextdomain (domain, found);
      bind_textdomain_codeset (domain, "UTF-8");
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
