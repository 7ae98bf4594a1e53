/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The shop's files from the window: Export Customers…, Back Up Shop…,
 * Restore… in the main menu, and the recovery page a damaged shop opens
 * on. Every copy runs in a worker with connections of its own
 * (crm-store-job.h); a long one shows its progress and can be cancelled,
 * which leaves everything as it was. Part of CrmWindow. */

#define G_LOG_DOMAIN "crm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-choose-file.h"
#include "crm-dates.h"
#include "crm-export.h"
#include "crm-format.h"
#include "crm-restore-dialog.h"
#include "crm-store-backup.h"
#include "crm-window-private.h"

/* A job that ends sooner shows no dialog at all. */
#define PROGRESS_DELAY_MS 300

static const char *const data_actions[] = { "win.export-customers", "win.back-up", "win.restore" };

static void inspect_and_confirm (CrmWindow  *self,
                                 const char *path);

static const char *
data_dir_of (CrmWindow *self)
{
  return crm_application_get_data_dir (CRM_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

/* A name for a new file: @format with today's date. */
static char *
dated_name (const char *format)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, format);
}

static void
show_error (CrmWindow    *self,
            const char   *heading,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, NULL);

  /* The body is plain text: a file name may hold anything. */
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_data_actions_enabled (CrmWindow *self,
                          gboolean   enabled)
{
  for (guint i = 0; i < G_N_ELEMENTS (data_actions); i++)
    {
      gboolean restore = g_str_equal (data_actions[i], "win.restore");

      /* Restore replaces this PC's file: not what a shared shop is. */
      if (restore && self->context != NULL && crm_context_get_database (self->context) != NULL)
        gtk_widget_action_set_enabled (GTK_WIDGET (self), data_actions[i], FALSE);
      else
        gtk_widget_action_set_enabled (GTK_WIDGET (self), data_actions[i],
                                       enabled && (self->context != NULL || restore));
    }
  if (self->newest_backup_button != NULL)
    gtk_widget_set_sensitive (self->newest_backup_button, enabled && self->newest_backup != NULL);
  if (self->salvage_button != NULL)
    gtk_widget_set_sensitive (self->salvage_button, enabled);
}

static void
choose_new_file (CrmWindow         *self,
                 const char        *title,
                 const char        *accept,
                 const char        *name,
                 CrmFileChosenFunc  done)
{
  crm_choose_file (GTK_WIDGET (self), GTK_FILE_CHOOSER_ACTION_SAVE, title, accept, name, NULL, done);
}

/* Jobs: one at a time, with a progress dialog once one takes a while. */

static void
progress_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      CrmWindow        *self)
{
  if (self->job_cancellable != NULL)
    g_cancellable_cancel (self->job_cancellable);
}

static gboolean
show_progress_cb (gpointer user_data)
{
  CrmWindow *self = user_data;
  GtkWidget *dialog;
  GtkWidget *indicator;

  self->progress_id = 0;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), self->progress_heading,
                                   _("Cancel stops it and leaves everything as it was."));
  if (self->progress_known)
    {
      indicator = gtk_progress_bar_new ();
      g_object_bind_property (self->job, "progress", indicator, "fraction", G_BINDING_SYNC_CREATE);
    }
  else
    {
      indicator = gtk_spinner_new ();
      gtk_spinner_start (GTK_SPINNER (indicator));
      gtk_widget_set_size_request (indicator, 32, 32);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (indicator), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->progress_heading, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), indicator);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (progress_response_cb), self);

  self->progress_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->progress_dialog);
  gtk_window_present (self->progress_dialog);

  return G_SOURCE_REMOVE;
}

static void
run_job (CrmWindow           *self,
         CrmStoreJob         *job,
         const char          *heading,
         gboolean             progress_known,
         GAsyncReadyCallback  done)
{
  g_assert (self->job == NULL);

  self->job = g_object_ref (job);
  self->job_cancellable = g_cancellable_new ();
  self->progress_heading = heading;
  self->progress_known = progress_known;
  if (heading != NULL)
    self->progress_id = g_timeout_add (PROGRESS_DELAY_MS, show_progress_cb, self);
  set_data_actions_enabled (self, FALSE);

  crm_store_job_run_async (job, self->job_cancellable, done, g_object_ref (self));
}

/* The end of a job: its dialog goes; FALSE with @error set when it failed,
 * and FALSE without it when the window went meanwhile. */
static gboolean
finish_job (CrmWindow     *self,
            GObject       *source,
            GAsyncResult  *result,
            GError       **error)
{
  CrmStoreJob *job = CRM_STORE_JOB (source);
  gboolean ok = crm_store_job_run_finish (job, result, error);

  if (self->job != job)
    {
      g_clear_error (error);
      return FALSE;
    }

  g_clear_handle_id (&self->progress_id, g_source_remove);
  if (self->progress_dialog != NULL)
    gtk_window_destroy (self->progress_dialog);
  g_clear_object (&self->job);
  g_clear_object (&self->job_cancellable);
  set_data_actions_enabled (self, TRUE);

  return ok;
}

/* Cancel is an answer, not a failure. */
static void
report_failure (CrmWindow    *self,
                const char   *heading,
                const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    crm_format_toast (GTK_WIDGET (self), _("Cancelled: nothing was changed."));
  else if (error != NULL)
    show_error (self, heading, error);
}

/* Export Customers… */

typedef struct
{
  char  *data_dir;
  GFile *file;
} Export;

static void
export_free (Export *export)
{
  g_free (export->data_dir);
  g_clear_object (&export->file);
  g_free (export);
}

/* In the worker, on a read-only connection of its own. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Export *export = task_data;
  g_autoptr(CrmStore) store = NULL;
  GError *error = NULL;
  guint n = 0;

  store = crm_store_open_full (export->data_dir, CRM_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL || !crm_export_customers_csv (store, export->file, &n, &error))
    g_task_return_error (task, error);
  else
    g_task_return_int (task, n);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CrmWindow *self = CRM_WINDOW (source);
  Export *export = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (export->file);
  gssize n = g_task_propagate_int (G_TASK (result), &error);

  set_data_actions_enabled (self, TRUE);
  if (error != NULL)
    {
      show_error (self, _("Could Not Export the Customers"), error);
      return;
    }

  {
    /* The command line's words, without its line end. */
    g_autofree char *message = g_strdup_printf (ngettext ("Exported %u customer to “%s”.\n",
                                                          "Exported %u customers to “%s”.\n", (guint) n),
                                                (guint) n, path);

    crm_format_toast (GTK_WIDGET (self), g_strchomp (message));
  }
}

static void
export_to (GtkWidget  *widget,
           const char *path)
{
  CrmWindow *self = CRM_WINDOW (widget);
  g_autoptr(GTask) task = g_task_new (self, NULL, export_done_cb, NULL);
  Export *export = g_new0 (Export, 1);

  export->data_dir = g_strdup (data_dir_of (self));
  export->file = g_file_new_for_path (path);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);
  set_data_actions_enabled (self, FALSE);
  g_task_run_in_thread (task, export_thread);
}

static void
export_customers_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);
  /* Translators: the suggested file name of an export; keep the date format */
  g_autofree char *name = dated_name (_("customers-%Y-%m-%d.csv"));

  choose_new_file (self, _("Export Customers"), _("_Export"), name, export_to);
}

/* Back Up Shop… */

static void
back_up_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CrmWindow) self = user_data;
  CrmStoreJob *job = CRM_STORE_JOB (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  g_autofree char *message = NULL;

  if (!finish_job (self, source, result, &error))
    {
      report_failure (self, _("Could Not Back Up the Shop"), error);
      return;
    }

  described = crm_store_describe_counts (crm_store_job_get_counts (job));
  /* Translators: the first %s is a file, the second lists what it holds */
  message = g_strdup_printf (_("Backed up the shop to “%s”: %s."), crm_store_job_get_path (job), described);
  crm_format_toast (GTK_WIDGET (self), message);
}

static void
back_up_to (GtkWidget  *widget,
            const char *path)
{
  CrmWindow *self = CRM_WINDOW (widget);
  g_autoptr(CrmStoreJob) job = crm_store_job_new (CRM_STORE_JOB_BACK_UP, data_dir_of (self), path);

  crm_context_set_up_backup (self->context, job);
  run_job (self, job, _("Backing Up the Shop…"), TRUE, back_up_done_cb);
}

static void
back_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);
  /* Translators: the suggested file name of a backup; keep the date format */
  g_autofree char *name = dated_name (_("clientele-backup-%Y-%m-%d.db"));

  choose_new_file (self, _("Back Up the Shop"), _("_Back Up"), name, back_up_to);
}

/* Restore… : choose, see what it holds, say yes, then the swap. */

static gboolean
reopen_cb (gpointer user_data)
{
  crm_application_reopen_shop (user_data);
  return G_SOURCE_REMOVE;
}

static void
restore_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CrmWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!finish_job (self, source, result, &error))
    {
      report_failure (self, _("Could Not Restore the Backup"), error);
      return;
    }

  /* The window is built anew on the restored shop once it is open: not
   * from inside this window's own callback. */
  g_idle_add_full (G_PRIORITY_DEFAULT, reopen_cb,
                   g_object_ref (gtk_window_get_application (GTK_WINDOW (self))), g_object_unref);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     CrmWindow        *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "crm-path");
  g_autoptr(CrmStoreJob) job = NULL;

  if (!g_str_equal (response, "restore") || self->job != NULL)
    return;

  job = crm_store_job_new (CRM_STORE_JOB_RESTORE, data_dir_of (self), path);
  if (self->context != NULL)
    crm_store_job_set_now (job, crm_store_now (crm_context_get_store (self->context)));
  run_job (self, job, _("Restoring the Shop…"), TRUE, restore_done_cb);
}

/* What the backup holds, what the shop holds now, and what happens to it:
 * all said before anything changes. */
static void
inspected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CrmWindow) self = user_data;
  CrmStoreJob *job = CRM_STORE_JOB (source);
  g_autoptr(GError) error = NULL;
  const CrmShopCounts *counts;
  g_autofree char *when = NULL;
  g_autofree char *holds = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  if (!finish_job (self, source, result, &error))
    {
      report_failure (self, _("This File Cannot Be Restored"), error);
      return;
    }

  counts = crm_store_job_get_counts (job);
  when = crm_text_format_date (counts->saved_at, TRUE);
  holds = crm_store_describe_counts (counts);
  /* Translators: the first %s is a date and time, the second lists what the backup holds */
  g_string_append_printf (body, _("The backup saved on %s holds %s."), when, holds);
  g_string_append (body, "\n\n");

  if (self->context != NULL)
    {
      CrmShopCounts now = { 0 };
      g_autofree char *now_holds = NULL;

      crm_store_count_records (crm_context_get_store (self->context), &now, NULL);
      now_holds = crm_store_describe_counts (&now);
      /* Translators: %s lists what the shop holds now */
      g_string_append_printf (body, _("The shop holds %s now. That is kept as a backup of its own "
                                      "before the backup takes its place, so it can be restored too."),
                              now_holds);
    }
  else
    g_string_append (body, _("The damaged file is kept aside exactly as it is."));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "restore", _("_Restore"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "crm-path", g_strdup (crm_store_job_get_path (job)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
inspect_and_confirm (CrmWindow  *self,
                     const char *path)
{
  g_autoptr(CrmStoreJob) job = NULL;

  if (self->job != NULL)
    return;

  job = crm_store_job_new (CRM_STORE_JOB_INSPECT, NULL, path);
  run_job (self, job, _("Checking the Backup…"), FALSE, inspected_cb);
}

static void
file_chosen_cb (CrmRestoreDialog *dialog,
                const char       *path,
                CrmWindow        *self)
{
  inspect_and_confirm (self, path);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);
  GtkWindow *dialog = crm_restore_dialog_new (GTK_WINDOW (self), data_dir_of (self));

  g_signal_connect_object (dialog, "file-chosen", G_CALLBACK (file_chosen_cb), self, 0);
  gtk_window_present (dialog);
}

/* The recovery page */

gboolean
crm_window_data_is_damage (const GError *error)
{
  return error != NULL &&
         (g_error_matches (error, CRM_STORE_ERROR, CRM_STORE_ERROR_DAMAGED) ||
          g_error_matches (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_A_DATABASE));
}

static void
describe_recovery (CrmWindow           *self,
                   const CrmShopCounts *newest)
{
  g_autofree char *db = g_build_filename (data_dir_of (self), CRM_STORE_FILE_NAME, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *markup = NULL;

  /* Translators: %s is the shop's database file */
  g_string_append_printf (text, _("Clientele checked “%s” when it opened and found that part of it "
                                  "can no longer be read. Nothing has been changed: the file is kept "
                                  "exactly as it is, and nothing will be written to it."), db);
  g_string_append (text, "\n\n");
  if (newest != NULL)
    {
      g_autofree char *when = crm_text_format_date (newest->saved_at, TRUE);
      g_autofree char *holds = crm_store_describe_counts (newest);

      /* Translators: the first %s is a date and time, the second lists what the backup holds */
      g_string_append_printf (text, _("The newest good backup was saved on %s and holds %s."), when, holds);
    }
  else if (self->job == NULL)
    g_string_append (text, _("There is no good backup of this shop to go back to."));
  else
    g_string_append (text, _("Looking for the newest good backup…"));

  /* The status page reads markup; the path is text. */
  markup = g_markup_escape_text (text->str, -1);
  adw_status_page_set_description (self->recovery_page, markup);
}

static void
newest_found_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CrmWindow) self = user_data;
  CrmStoreJob *job = CRM_STORE_JOB (source);
  g_autoptr(GError) error = NULL;
  gboolean found = finish_job (self, source, result, &error);

  /* The window went meanwhile. */
  if (!found && error == NULL)
    return;

  g_clear_pointer (&self->newest_backup, g_free);
  if (found)
    self->newest_backup = g_strdup (crm_store_job_get_path (job));
  gtk_widget_set_sensitive (self->newest_backup_button, found);
  gtk_widget_set_visible (self->newest_backup_button, found);
  describe_recovery (self, found ? crm_store_job_get_counts (job) : NULL);
}

static void
open_newest_backup_cb (CrmWindow *self)
{
  if (self->newest_backup != NULL)
    inspect_and_confirm (self, self->newest_backup);
}

static void
salvaged_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      CrmWindow        *self)
{
  if (g_str_equal (response, "use"))
    inspect_and_confirm (self, g_object_get_data (G_OBJECT (dialog), "crm-path"));
}

static void
salvaged_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CrmWindow) self = user_data;
  CrmStoreJob *job = CRM_STORE_JOB (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *described = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (!finish_job (self, source, result, &error))
    {
      report_failure (self, _("Nothing Could Be Saved"), error);
      return;
    }

  described = crm_store_describe_salvage (crm_store_job_get_salvaged (job));
  /* Translators: the first %s says what was saved and lost, the second is a file */
  body = g_strdup_printf (_("%s\n\nIt is in “%s”. It can take the damaged file’s place now; "
                            "the damaged file is then kept aside."),
                          described, crm_store_job_get_path (job));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("What Could Be Read Is Saved"), NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Not Now"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "use", _("_Use It"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "use", ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "crm-path", g_strdup (crm_store_job_get_path (job)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (salvaged_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
salvage_to (GtkWidget  *widget,
            const char *path)
{
  CrmWindow *self = CRM_WINDOW (widget);
  g_autoptr(CrmStoreJob) job = crm_store_job_new (CRM_STORE_JOB_SALVAGE, data_dir_of (self), path);

  run_job (self, job, _("Saving What Can Be Read…"), FALSE, salvaged_cb);
}

static void
salvage_clicked_cb (CrmWindow *self)
{
  /* Translators: the suggested file name of what was saved; keep the date format */
  g_autofree char *name = dated_name (_("clientele-saved-%Y-%m-%d.db"));

  choose_new_file (self, _("Save What Can Be Read"), _("_Save"), name, salvage_to);
}

/**
 * crm_window_data_show_recovery:
 *
 * The page of a shop that failed its check: what happened in plain
 * words, that nothing was changed, and the ways back.
 */
void
crm_window_data_show_recovery (CrmWindow *self)
{
  g_autoptr(CrmStoreJob) job = crm_store_job_new (CRM_STORE_JOB_NEWEST_GOOD, data_dir_of (self), NULL);

  gtk_stack_set_visible_child_name (self->main_stack, "recovery");
  /* A file SQLite cannot read at all has nothing to save. */
  gtk_widget_set_visible (self->salvage_button,
                          g_error_matches (self->load_error, CRM_STORE_ERROR, CRM_STORE_ERROR_DAMAGED));

  run_job (self, job, NULL, FALSE, newest_found_cb);
  describe_recovery (self, NULL);
}

void
crm_window_data_dispose (CrmWindow *self)
{
  /* A job of a window that goes stops; a copy removes its temporary file. */
  if (self->job_cancellable != NULL)
    g_cancellable_cancel (self->job_cancellable);
  g_clear_object (&self->job);
  g_clear_object (&self->job_cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  if (self->progress_dialog != NULL)
    gtk_window_destroy (self->progress_dialog);
  g_clear_pointer (&self->newest_backup, g_free);
}

void
crm_window_data_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, recovery_page);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, newest_backup_button);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, salvage_button);
  gtk_widget_class_bind_template_callback (widget_class, open_newest_backup_cb);
  gtk_widget_class_bind_template_callback (widget_class, salvage_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.export-customers", NULL, export_customers_action);
  gtk_widget_class_install_action (widget_class, "win.back-up", NULL, back_up_action);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_action);
}
