/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-application"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-application-private.h"
#include "crm-archive.h"
#include "crm-demo.h"
#include "crm-export.h"
#include "crm-sales-import.h"
#include "crm-shop-copy.h"
#include "crm-store-backup.h"
#include "crm-store-job.h"

/* The command line: the options, the verbs that run in the launching
 * process and exit (--export, --backup, --list-due, --import,
 * --import-sales, --demo, --version), --restore (here, or in the running
 * instance when there is one), and what a launch asks of the running
 * instance (the data folder, --background). Read verbs open the shop
 * read-only: they never create, migrate or write it. */

static const GOptionEntry option_entries[] = {
  /* Translators: help text of --data-dir; DIR is a folder name */
  { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the shop database in DIR (also CLIENTELE_DATA_DIR)"), N_("DIR") },
  /* Translators: help text of --database; URI is a database address, keep
   * postgresql:// and CLIENTELE_DATABASE as they are */
  { "database", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Use the shared PostgreSQL database at URI (postgresql://user@host/shop; "
       "also CLIENTELE_DATABASE) instead of the file in the data folder"), N_("URI") },
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
  /* Translators: help text of --backup; FILE is a file name */
  { "backup", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a checked copy of the shop’s database to FILE and exit (also while Clientele is open)"),
    N_("FILE") },
  /* Translators: help text of --restore; FILE is a file name */
  { "restore", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check the backup FILE and put it in the place of the shop’s database; the database it "
       "replaces is kept as a backup"), N_("FILE") },
  { "list-due", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the follow-ups that are due now, one per line, and exit"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

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

/* The shared database chosen in Preferences (never with a password), or
 * NULL; a verb run where the settings schema is not installed has none. */
static char *
saved_database (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *value = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "database"))
    return NULL;

  settings = g_settings_new (APP_ID);
  value = g_settings_get_string (settings, "database");
  return value[0] != '\0' ? g_steal_pointer (&value) : NULL;
}

/* --database, else CLIENTELE_DATABASE (of the launching process), else
 * the one chosen in Preferences, else NULL: the file in the data folder. */
static char *
database_for (GVariantDict            *options,
              GApplicationCommandLine *cmdline)
{
  const char *value = NULL;

  if (g_variant_dict_lookup (options, "database", "&s", &value) && value[0] != '\0')
    return g_strdup (value);

  value = cmdline != NULL ? g_application_command_line_getenv (cmdline, "CLIENTELE_DATABASE")
                          : g_getenv ("CLIENTELE_DATABASE");
  if (value != NULL && value[0] != '\0')
    return g_strdup (value);

  return saved_database ();
}

/* The shop of a verb run here: on its shared database if there is one
 * (where read-only and snapshot opens do not exist: the server keeps it
 * safe), else its file with @flags. */
static CrmStore *
open_local_store (GVariantDict       *options,
                  const char         *data_dir,
                  CrmStoreOpenFlags   flags,
                  GError            **error)
{
  g_autofree char *database = database_for (options, NULL);

  if (database != NULL)
    return crm_store_open_shared (database, error);

  return crm_store_open_full (data_dir, flags, error);
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

/* The file named by option @name, as an absolute path. */
static char *
option_path (GVariantDict *options,
             const char   *name)
{
  g_autofree char *arg = NULL;
  g_autoptr(GFile) file = NULL;

  g_variant_dict_lookup (options, name, "^ay", &arg);
  file = g_file_new_for_commandline_arg (arg);
  return g_file_get_path (file);
}

static int
export_to (GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *data_dir = local_data_dir (options);
  g_autofree char *path = option_path (options, "export");
  guint n = 0;

  file = g_file_new_for_path (path);

  if (g_str_has_suffix (path, ".json") || g_str_has_suffix (path, ".JSON"))
    {
      CrmArchiveCounts counts = { 0 };
      g_autofree char *described = NULL;

      store = open_local_store (options, data_dir, CRM_STORE_OPEN_READ_ONLY, &error);
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

  if (!g_str_has_suffix (path, ".csv") && !g_str_has_suffix (path, ".CSV"))
    {
      g_printerr (_("Cannot export to “%s”: write a file name ending in .csv or .json.\n"), path);
      return 1;
    }

  /* The segments and totals are brought up to date in a copy in memory:
   * the shop's file is only read (a shared database's figures are kept
   * up to date by its PCs anyway). */
  store = open_local_store (options, data_dir, CRM_STORE_OPEN_SNAPSHOT, &error);
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

static int
back_up_to (GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = local_data_dir (options);
  g_autofree char *path = option_path (options, "backup");
  g_autofree char *described = NULL;
  g_autofree char *done = NULL;
  g_autofree char *database = database_for (options, NULL);
  CrmShopCounts counts = { 0 };
  gboolean ok;

  /* A shared shop is read from its server into an ordinary shop file. */
  if (database != NULL)
    ok = crm_shop_back_up_shared (database, path, NULL, &error) &&
         crm_store_inspect_file (path, &counts, &error);
  else
    ok = crm_store_back_up (data_dir, path, NULL, NULL, NULL, &counts, &error);

  if (!ok)
    {
      /* Translators: the first %s is a file, the second the reason */
      g_printerr (_("No backup was written to “%s”: %s\n"), path, error->message);
      return 1;
    }

  described = crm_store_describe_counts (&counts);
  /* Translators: the first %s is a file, the second lists what it holds */
  done = g_strdup_printf (_("Backed up the shop to “%s”: %s."), path, described);
  g_print ("%s\n", done);
  return 0;
}

static int
list_due (GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autofree char *data_dir = local_data_dir (options);
  gint64 now;

  store = open_local_store (options, data_dir, CRM_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* Soonest first: stop at the first one still to come. */
  now = crm_store_now (store);
  pending = crm_store_list_follow_ups (store, FALSE, 0, G_MAXINT);
  for (guint i = 0; i < pending->len; i++)
    {
      CrmFollowUp *follow_up = g_ptr_array_index (pending, i);
      g_autoptr(GDateTime) utc = NULL;
      g_autoptr(GDateTime) local = NULL;
      g_autofree char *when = NULL;
      g_autofree char *note = NULL;

      if (crm_follow_up_get_when (follow_up) > now)
        break;

      utc = g_date_time_new_from_unix_utc (crm_follow_up_get_when (follow_up));
      local = g_date_time_to_local (utc);
      when = g_date_time_format (local, "%Y-%m-%d %H:%M");
      /* One line each, tab-separated, for scripts and for reading. */
      note = g_strdelimit (g_strdup (crm_follow_up_get_note (follow_up)), "\t\r\n", ' ');
      g_print ("%s\t%s\t%s\n", when, crm_follow_up_get_customer_name (follow_up), note);
    }

  return 0;
}

/* A session bus where Clientele already runs: its window (or background
 * instance) does the restore, so that it never works on a database that
 * changes under it. */
static gboolean
primary_is_running (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  if (bus == NULL)
    return FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", APP_ID), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, 5000, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);

  return owned;
}

/* What --restore says once it is done, here or in the running instance. */
static char *
describe_restore (CrmStoreJob *job)
{
  const CrmShopCounts *counts = crm_store_job_get_counts (job);
  g_autofree char *described = crm_store_describe_counts (counts);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (counts->saved_at);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autofree char *saved = g_date_time_format (local, "%Y-%m-%d %H:%M");
  GString *text = g_string_new (NULL);

  /* Translators: the first %s is a file, the second a date, the third lists what it holds */
  g_string_append_printf (text, _("Restored the shop from “%s” (saved %s): %s.\n"),
                          crm_store_job_get_path (job), saved, described);
  if (crm_store_job_get_kept (job) != NULL)
    /* Translators: %s is a file in the backups folder */
    g_string_append_printf (text, _("The data it replaced is kept in “%s”.\n"),
                            crm_store_job_get_kept (job));

  return g_string_free (text, FALSE);
}

static int
restore_here (const char *data_dir,
              const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStoreJob) job = crm_store_job_new (CRM_STORE_JOB_RESTORE, data_dir, path);
  g_autofree char *done = NULL;

  if (!crm_store_job_run (job, NULL, &error))
    {
      /* Translators: the first %s is a file, the second the reason */
      g_printerr (_("Nothing was restored from “%s”: %s\n"), path, error->message);
      return 1;
    }

  done = describe_restore (job);
  g_print ("%s", done);
  return 0;
}

/* --import and --import-sales: all or nothing, a summary on stdout, the
 * reason on stderr and a non-zero exit when nothing was imported. */
static char *
describe_archive_import (const CrmArchiveCounts *counts)
{
  g_autofree char *described = crm_archive_counts_describe (counts);

  /* Translators: %s lists what was read, e.g. "12 customers, 80 purchases" */
  return g_strdup_printf (_("Imported the whole shop: %s."), described);
}

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

  /* An archive is read as a stream, so its size is limited by the disk
   * and not by the limit on spreadsheets and contact files. */
  if (!sales && crm_import_guess_format (name, NULL) == CRM_IMPORT_FORMAT_ARCHIVE)
    {
      CrmArchiveCounts counts = { 0 };

      store = open_local_store (options, data_dir, CRM_STORE_OPEN_DEFAULT, &error);
      if (store == NULL || !crm_archive_import_file (store, file, &counts, NULL, &error))
        goto failed;
      summary = describe_archive_import (&counts);
      g_print ("%s\n", summary);
      return 0;
    }

  bytes = crm_import_load_file (file, NULL, &error);
  if (bytes != NULL)
    store = open_local_store (options, data_dir, CRM_STORE_OPEN_DEFAULT, &error);
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

      if (!crm_archive_import (store, bytes, &counts, &error))
        goto failed;
      summary = describe_archive_import (&counts);
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

  store = open_local_store (options, data_dir, CRM_STORE_OPEN_DEFAULT, &error);
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

/* The verbs that exit, then GApplication's own handling (which sends
 * the rest to the running instance). */
int
crm_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  GApplicationClass *parent_class;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  if (g_variant_dict_contains (options, "export"))
    return export_to (options);

  if (g_variant_dict_contains (options, "backup"))
    return back_up_to (options);

  if (g_variant_dict_contains (options, "list-due"))
    return list_due (options);

  if (g_variant_dict_contains (options, "restore"))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *data_dir = local_data_dir (options);
      g_autofree char *path = option_path (options, "restore");
      g_autofree char *database = database_for (options, NULL);

      /* A restore replaces this PC's file, which is not a shared shop. */
      if (database != NULL)
        {
          g_printerr (_("Nothing was restored: the shop is on a shared database, and a restore "
                        "replaces the file on this PC. Move the shop back to this computer "
                        "first (Preferences → Shop Data).\n"));
          return 1;
        }

      /* The running instance restores and reopens its shop in place; it
       * answers through this process's stdout and exit status. */
      if (primary_is_running ())
        {
          if (!g_application_register (app, NULL, &error))
            {
              g_printerr ("%s\n", error->message);
              return 1;
            }
          if (g_application_get_is_remote (app))
            return -1;
        }

      return restore_here (data_dir, path);
    }

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

  parent_class = G_APPLICATION_CLASS (g_type_class_peek_parent (G_OBJECT_GET_CLASS (app)));
  return parent_class->handle_local_options (app, options);
}

typedef struct
{
  CrmApplication          *app;
  GApplicationCommandLine *cmdline;
  gboolean                 same_shop;
} RemoteRestore;

static void
remote_restore_done_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  RemoteRestore *restore = user_data;
  CrmStoreJob *job = CRM_STORE_JOB (source);
  g_autoptr(GError) error = NULL;

  if (crm_store_job_run_finish (job, result, &error))
    {
      g_autofree char *done = describe_restore (job);

      g_application_command_line_print (restore->cmdline, "%s", done);
      g_application_command_line_set_exit_status (restore->cmdline, 0);
      if (restore->same_shop)
        crm_application_reopen_shop (restore->app);
    }
  else
    {
      g_application_command_line_printerr (restore->cmdline, _("Nothing was restored from “%s”: %s\n"),
                                           crm_store_job_get_path (job), error->message);
      g_application_command_line_set_exit_status (restore->cmdline, 1);
    }

  /* The launching process exits with the status once this goes. */
  g_object_unref (restore->cmdline);
  g_application_release (G_APPLICATION (restore->app));
  g_object_unref (restore->app);
  g_object_unref (job);
  g_free (restore);
}

/* --restore from another terminal while this instance runs: done here, in
 * a worker, and the shop reopened in place when it is this one. */
static int
restore_in_instance (CrmApplication          *self,
                     GApplicationCommandLine *cmdline,
                     GVariantDict            *options,
                     const char              *data_dir)
{
  g_autofree char *arg = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  RemoteRestore *restore;
  CrmStoreJob *job;

  g_variant_dict_lookup (options, "restore", "^ay", &arg);
  file = g_application_command_line_create_file_for_arg (cmdline, arg);
  path = g_file_get_path (file);

  restore = g_new0 (RemoteRestore, 1);
  restore->same_shop = self->data_dir != NULL && crm_application_same_folder (self->data_dir, data_dir);
  if (restore->same_shop && crm_application_is_loading (self))
    {
      g_free (restore);
      g_application_command_line_printerr (cmdline, "%s\n",
                                           _("Clientele is still checking the shop’s data. "
                                             "Try again in a moment."));
      return 1;
    }

  restore->app = g_object_ref (self);
  restore->cmdline = g_object_ref (cmdline);
  job = crm_store_job_new (CRM_STORE_JOB_RESTORE, data_dir, path);
  if (restore->same_shop && self->context != NULL)
    crm_store_job_set_now (job, crm_store_now (crm_context_get_store (self->context)));

  g_application_hold (G_APPLICATION (self));
  crm_store_job_run_async (job, NULL, remote_restore_done_cb, restore);
  return 0;
}

/* In the running instance, for every launch, the first one too. */
int
crm_application_command_line (GApplication            *app,
                              GApplicationCommandLine *cmdline)
{
  CrmApplication *self = CRM_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  g_autofree char *data_dir = data_dir_for_command_line (cmdline, options);
  gboolean background = g_variant_dict_contains (options, "background");

  if (g_variant_dict_contains (options, "restore"))
    return restore_in_instance (self, cmdline, options, data_dir);

  if (self->data_dir == NULL)
    {
      /* A window checks the file in a worker and shows once it is done;
       * the background start checks it here, so that a damaged shop is
       * an error exit. */
      g_autofree char *database = database_for (options, cmdline);

      crm_application_open_shop (self, data_dir, database, background);
    }
  else if (!crm_application_same_folder (self->data_dir, data_dir))
    {
      g_autofree char *running = g_canonicalize_filename (self->data_dir, NULL);
      g_autofree char *wanted = g_canonicalize_filename (data_dir, NULL);

      /* One process serves one shop: never let a second launch with
       * another folder write into the shop that is already open. */
      g_application_command_line_printerr (cmdline,
                                           _("Clientele is already running with the data folder “%s”. "
                                             "Quit it first to open “%s”.\n"),
                                           running, wanted);
      return 1;
    }

  if (background)
    {
      if (self->load_error != NULL)
        {
          g_application_command_line_printerr (cmdline, "%s\n", self->load_error->message);
          return 1;
        }

      crm_application_hold_for_background (self);
      return 0;
    }

  g_application_activate (app);
  return 0;
}

void
crm_application_cmdline_init (CrmApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Customers, follow-ups and feedback for small shops"));
}
