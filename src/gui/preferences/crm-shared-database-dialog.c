/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-shared-database-dialog.h"
#include "crm-shop-copy.h"
#include "crm-store.h"

/* Preferences → Shop Data: this PC on a shared PostgreSQL database, and
 * the shop moved there from this computer's file or back. Everything
 * that waits on the network or copies runs in a worker thread with
 * stores of its own; the window only starts it, shows how far it got,
 * and hands the shop it opened to the application. The address is kept
 * in the settings without its password: that comes from ~/.pgpass (or
 * PGPASSFILE) at every start, or is typed here and lives in memory until
 * Clientele closes. */

typedef enum
{
  STATE_ADDRESS,
  STATE_CHECKING,
  STATE_FOUND,
  STATE_OPENING,
  STATE_MOVING,
  STATE_DONE,
} State;

typedef enum
{
  JOB_CHECK,
  JOB_OPEN,
  JOB_MOVE,
} JobKind;

/* What a worker does and what it found; the window reads @progress while
 * it runs and the rest once it is done. */
typedef struct
{
  JobKind               kind;
  CrmSharedDatabaseMode mode;
  char                 *data_dir;
  char                 *database;   /* where the shop goes; NULL for the file */
  char                 *current;    /* where the open shop is; NULL for the file */
  gboolean              count_shop; /* count the open shop (a check) */
  CrmShopCopyProgress   progress;

  CrmSharedCheck        check;
  CrmArchiveCounts      counts;     /* the open shop's, or what arrived */
  CrmStore             *store;      /* the shop on its new database */
  char                 *kept;       /* the file from before a move back */
} Job;

struct _CrmSharedDatabaseDialog
{
  AdwWindow              parent_instance;

  CrmApplication        *app;
  CrmSharedDatabaseMode  mode;
  State                  state;

  Job                   *job;       /* the one running, owned by its task */
  GCancellable          *cancellable;
  guint                  pulse_id;
  gboolean               close_when_done;

  char                  *session;   /* the address as this session uses it */
  char                  *saved;     /* the same without a password */
  gboolean               typed_password;
  CrmSharedCheck         check;
  CrmArchiveCounts       counts;    /* the open shop's */

  AdwWindowTitle        *window_title;
  GtkWidget             *cancel_button;
  GtkWidget             *next_button;
  GtkLabel              *error_label;
  GtkStack              *stack;
  AdwEntryRow           *address_row;
  AdwEntryRow           *password_row;
  GtkWidget             *file_group;
  GtkLabel              *working_label;
  GtkProgressBar        *progress_bar;
  GtkLabel              *working_detail;
  AdwPreferencesGroup   *found_group;
  AdwActionRow          *first_row;
  AdwActionRow          *second_row;
  GtkLabel              *found_note;
  GtkWidget             *empty_button;
  AdwStatusPage         *done_page;
  GtkWidget             *counts_group;
  AdwActionRow          *before_row;
  AdwActionRow          *after_row;
};

G_DEFINE_FINAL_TYPE (CrmSharedDatabaseDialog, crm_shared_database_dialog, ADW_TYPE_WINDOW)

static void
job_free (Job *job)
{
  g_free (job->data_dir);
  g_free (job->database);
  g_free (job->current);
  g_clear_object (&job->store);
  g_free (job->kept);
  g_free (job);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) from = NULL;
  gboolean ok = TRUE;

  switch (job->kind)
    {
    case JOB_CHECK:
      if (job->mode != CRM_SHARED_DATABASE_MOVE_BACK)
        ok = crm_store_check_shared (job->database, &job->check, &error);
      if (ok && job->count_shop)
        {
          from = crm_store_open_database (job->data_dir, job->current, &error);
          ok = from != NULL && crm_shop_count (from, &job->counts, &error);
        }
      break;

    case JOB_OPEN:
      job->store = crm_store_open_database (job->data_dir, job->database, &error);
      ok = job->store != NULL;
      break;

    case JOB_MOVE:
      from = crm_store_open_database (job->data_dir, job->current, &error);
      if (from == NULL)
        ok = FALSE;
      else if (job->mode == CRM_SHARED_DATABASE_MOVE_BACK)
        ok = crm_shop_copy_to_file (from, job->data_dir, &job->progress, cancellable,
                                    &job->counts, &job->kept, &error) &&
             (job->store = crm_store_open (job->data_dir, &error)) != NULL;
      else
        ok = (job->store = crm_store_open_shared (job->database, &error)) != NULL &&
             crm_shop_copy_full (from, job->store, job->data_dir, &job->progress, cancellable,
                                 &job->counts, &error);
      break;
    }

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static CrmContext *
get_context (CrmSharedDatabaseDialog *self)
{
  return crm_application_get_context (self->app);
}

/* Whether this PC works on a shared database now (or tried to, and the
 * window says why it could not). */
static gboolean
on_shared (CrmSharedDatabaseDialog *self)
{
  CrmContext *context = get_context (self);
  g_autofree char *saved = NULL;

  if (context != NULL)
    return crm_store_is_shared (crm_context_get_store (context));

  saved = g_settings_get_string (crm_application_get_settings (self->app), "database");
  return saved[0] != '\0';
}

static void
set_error (CrmSharedDatabaseDialog *self,
           const char              *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static char *
describe_counts (const CrmArchiveCounts *counts)
{
  return crm_archive_counts_describe (counts);
}

static void
set_button (GtkWidget  *button,
            const char *label)
{
  gtk_widget_set_visible (button, label != NULL);
  if (label != NULL)
    gtk_button_set_label (GTK_BUTTON (button), label);
}

static void
update_next (CrmSharedDatabaseDialog *self)
{
  g_autofree char *address = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->address_row))));

  gtk_widget_set_sensitive (self->next_button, self->state != STATE_ADDRESS || address[0] != '\0');
}

static const char *
next_label (CrmSharedDatabaseDialog *self)
{
  if (self->mode != CRM_SHARED_DATABASE_USE)
    return _("_Move");
  if (self->check.empty)
    return _("_Move This Shop There");
  return _("_Use It");
}

static void
show_state (CrmSharedDatabaseDialog *self,
            State                    state)
{
  static const char *const pages[] = {
    [STATE_ADDRESS] = "address", [STATE_CHECKING] = "working", [STATE_FOUND] = "found",
    [STATE_OPENING] = "working", [STATE_MOVING] = "working", [STATE_DONE] = "done",
  };
  gboolean back_closes = self->mode == CRM_SHARED_DATABASE_MOVE_BACK;

  self->state = state;
  gtk_stack_set_visible_child_name (self->stack, pages[state]);

  switch (state)
    {
    case STATE_ADDRESS:
      set_button (self->cancel_button, _("_Cancel"));
      set_button (self->next_button, _("Co_nnect"));
      break;
    case STATE_CHECKING:
    case STATE_MOVING:
      set_button (self->cancel_button, _("_Cancel"));
      set_button (self->next_button, NULL);
      break;
    case STATE_FOUND:
      set_button (self->cancel_button, back_closes ? _("_Cancel") : _("_Back"));
      set_button (self->next_button, next_label (self));
      break;
    case STATE_OPENING:
      set_button (self->cancel_button, NULL);
      set_button (self->next_button, NULL);
      break;
    case STATE_DONE:
      set_button (self->cancel_button, NULL);
      set_button (self->next_button, _("_Close"));
      break;
    }

  gtk_widget_set_sensitive (self->cancel_button, TRUE);
  update_next (self);
}

/* The progress bar: a pulse while connecting, the share written while
 * moving. */
static gboolean
pulse_cb (gpointer user_data)
{
  CrmSharedDatabaseDialog *self = user_data;
  CrmShopCopyProgress *progress;
  double fraction = 0.02;
  guint written;

  if (self->job == NULL)
    return G_SOURCE_CONTINUE;

  if (self->state != STATE_MOVING)
    {
      gtk_progress_bar_pulse (self->progress_bar);
      return G_SOURCE_CONTINUE;
    }

  if (g_cancellable_is_cancelled (self->cancellable))
    return G_SOURCE_CONTINUE;

  progress = &self->job->progress;
  written = (guint) g_atomic_int_get (&progress->written);
  switch (g_atomic_int_get (&progress->stage))
    {
    case CRM_SHOP_COPY_COUNTING:
      gtk_label_set_text (self->working_detail, _("Counting what the shop holds…"));
      break;
    case CRM_SHOP_COPY_READING:
      fraction = 0.1;
      gtk_label_set_text (self->working_detail, _("Reading the shop…"));
      break;
    case CRM_SHOP_COPY_WRITING:
      fraction = 0.15 + 0.8 * MIN (1.0, (double) written / MAX (progress->total, 1));
      gtk_label_set_text (self->working_detail, _("Writing it into the other database…"));
      break;
    default:
      fraction = 0.97;
      gtk_label_set_text (self->working_detail, _("Counting what arrived…"));
      break;
    }
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);

  return G_SOURCE_CONTINUE;
}

static void job_done_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data);

static void
start_job (CrmSharedDatabaseDialog *self,
           JobKind                  kind,
           CrmSharedDatabaseMode    mode,
           const char              *database)
{
  g_autoptr(GTask) task = NULL;
  CrmContext *context = get_context (self);
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->mode = mode;
  job->data_dir = g_strdup (crm_application_get_data_dir (self->app));
  job->database = g_strdup (database);
  job->current = context != NULL ? g_strdup (crm_context_get_database (context)) : NULL;
  job->count_shop = kind == JOB_CHECK && context != NULL &&
                    (mode != CRM_SHARED_DATABASE_USE || !on_shared (self));

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->job = job;
  set_error (self, NULL);

  task = g_task_new (self, self->cancellable, job_done_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_set_name (task, "[clientele] shared database");
  /* What the worker did decides, not the Cancel pressed meanwhile: a
   * move that was already complete is kept. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, job_thread);

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_text (self->working_detail, "");
  if (self->pulse_id == 0)
    self->pulse_id = g_timeout_add (100, pulse_cb, self);
}

static char *
password_note (CrmSharedDatabaseDialog *self)
{
  if (!self->check.password_used)
    return g_strdup (_("The server asked for no password."));
  if (self->typed_password)
    return g_strdup (_("The password you typed is used until Clientele closes; it is not saved. "
                       "So that this PC connects by itself after a restart, put it in ~/.pgpass."));
  return g_strdup (_("The password comes from ~/.pgpass (or from the file PGPASSFILE names)."));
}

static void
set_row (AdwActionRow *row,
         const char   *title,
         const char   *subtitle)
{
  gtk_widget_set_visible (GTK_WIDGET (row), title != NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
  adw_action_row_set_subtitle (row, subtitle != NULL ? subtitle : "");
}

static char *
customers_text (guint n)
{
  return g_strdup_printf (ngettext ("%u customer", "%u customers", n), n);
}

/* What the check found, and what the next button will do with it. */
static void
show_found (CrmSharedDatabaseDialog *self)
{
  g_autofree char *display = self->saved != NULL ? crm_store_describe_location (self->saved) : NULL;
  g_autofree char *shop = describe_counts (&self->counts);
  g_autofree char *description = NULL;
  g_autofree char *note = self->mode != CRM_SHARED_DATABASE_MOVE_BACK ? password_note (self) : NULL;

  gtk_widget_set_visible (self->empty_button, FALSE);

  if (self->mode == CRM_SHARED_DATABASE_MOVE_BACK)
    {
      adw_preferences_group_set_title (self->found_group, _("Ready to Move Back"));
      adw_preferences_group_set_description (self->found_group,
                                             _("The whole shop is copied from the shared database into a new "
                                               "file on this computer, then counted again. The other PCs go on "
                                               "working on the shared database."));
      set_row (self->first_row, _("On the shared database"), shop);
      set_row (self->second_row, _("This computer’s file"),
               _("A new file; a file there from before is kept under another name"));
    }
  else if (self->mode == CRM_SHARED_DATABASE_MOVE_THERE)
    {
      /* Translators: %s is a database address */
      description = g_strdup_printf (_("The whole shop is copied into “%s”, then counted again. "
                                       "Its file on this computer stays as it is."),
                                     display);
      adw_preferences_group_set_title (self->found_group, _("Ready to Move"));
      adw_preferences_group_set_description (self->found_group, description);
      set_row (self->first_row, _("This shop, on this computer"), shop);
      set_row (self->second_row, _("The shared database"), _("Empty"));
    }
  else if (self->check.empty)
    {
      /* Translators: %s is a database address */
      description = g_strdup_printf (_("Nothing is kept in “%s” yet. Move this shop there to share "
                                       "its customers with the shop’s other PCs, or start an empty "
                                       "shop there."),
                                     display);
      adw_preferences_group_set_title (self->found_group, _("An Empty Database"));
      adw_preferences_group_set_description (self->found_group, description);
      set_row (self->first_row, get_context (self) != NULL ? _("This shop, on this computer") : NULL,
               shop);
      set_row (self->second_row, NULL, NULL);
      gtk_widget_set_visible (self->empty_button, TRUE);
    }
  else
    {
      g_autofree char *customers = customers_text (self->check.n_customers);

      /* Translators: %s is a database address */
      description = g_strdup_printf (_("“%s” keeps a Clientele shop. This PC will work on it together "
                                       "with the shop’s other PCs."),
                                     display);
      adw_preferences_group_set_title (self->found_group, _("A Clientele Shop"));
      adw_preferences_group_set_description (self->found_group, description);
      set_row (self->first_row, _("On the shared database"), customers);
      set_row (self->second_row, _("This computer’s file"),
               _("Stays as it is, unused while this PC works on the shared database"));
    }

  gtk_label_set_text (self->found_note, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->found_note), note != NULL);
  show_state (self, STATE_FOUND);
}

static void
show_done (CrmSharedDatabaseDialog *self,
           Job                     *job)
{
  g_autofree char *display = self->saved != NULL ? crm_store_describe_location (self->saved) : NULL;
  g_autofree char *description = NULL;
  const char *title;

  gtk_widget_set_visible (self->counts_group, job->kind == JOB_MOVE);
  if (job->kind == JOB_MOVE)
    {
      g_autofree char *before = describe_counts (&self->counts);
      g_autofree char *after = describe_counts (&job->counts);
      gboolean back = job->mode == CRM_SHARED_DATABASE_MOVE_BACK;

      set_row (self->before_row, back ? _("Before, on the shared database") : _("Before, on this computer"),
               before);
      set_row (self->after_row, back ? _("After, on this computer") : _("After, on the shared database"),
               after);
    }

  if (job->kind == JOB_OPEN && job->database == NULL)
    {
      title = _("This PC Works on Its Own File Again");
      /* Translators: %s is a file */
      description = g_strdup_printf (_("The shop’s file on this computer: “%s”."),
                                     crm_store_get_path (job->store));
    }
  else if (job->kind == JOB_OPEN)
    {
      title = _("This PC Works on the Shared Database");
      /* Translators: %s is a database address */
      description = g_strdup_printf (_("“%s”. The shop’s other PCs use the same address."), display);
    }
  else if (job->mode == CRM_SHARED_DATABASE_MOVE_BACK && job->kept != NULL)
    {
      g_autofree char *kept = g_path_get_basename (job->kept);

      title = _("The Shop Is Back on This Computer");
      /* Translators: the first %s is a file, the second a file name */
      description = g_strdup_printf (_("This PC works on its own file again, “%s”. The file that was "
                                       "there before is kept as “%s”."),
                                     crm_store_get_path (job->store), kept);
    }
  else if (job->mode == CRM_SHARED_DATABASE_MOVE_BACK)
    {
      title = _("The Shop Is Back on This Computer");
      /* Translators: %s is a file */
      description = g_strdup_printf (_("This PC works on its own file again, “%s”."),
                                     crm_store_get_path (job->store));
    }
  else
    {
      g_autofree char *file = g_build_filename (crm_application_get_data_dir (self->app),
                                                CRM_STORE_FILE_NAME, NULL);

      title = _("The Shop Is on the Shared Database");
      /* Translators: the first %s is a database address, the second a file */
      description = g_strdup_printf (_("The shop’s other PCs can use it now: Preferences → Use a Shared "
                                       "Database…, address “%s”. The file on this computer is kept as "
                                       "it was, in “%s”."),
                                     display, file);
    }

  adw_status_page_set_title (self->done_page, title);
  {
    /* The status page reads markup: addresses and paths are text. */
    g_autofree char *escaped = g_markup_escape_text (description, -1);

    adw_status_page_set_description (self->done_page, escaped);
  }
  show_state (self, STATE_DONE);
}

/* The shop opened (or moved): the settings keep its address, without a
 * password, and the application works on it from now on. */
static void
switch_shop (CrmSharedDatabaseDialog *self,
             Job                     *job)
{
  GSettings *settings = crm_application_get_settings (self->app);
  GtkWindow *window;

  g_settings_set_string (settings, "database", job->database != NULL ? self->saved : "");
  window = crm_application_use_shop (self->app, job->store, job->database);
  gtk_window_set_transient_for (GTK_WINDOW (self), window);
  /* Above the new window, not under it. */
  gtk_window_present (GTK_WINDOW (self));
}

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  CrmSharedDatabaseDialog *self = CRM_SHARED_DATABASE_DIALOG (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  /* A connection attempt given up on (Cancel, or another one since). */
  if (job != self->job)
    return;

  self->job = NULL;
  g_clear_handle_id (&self->pulse_id, g_source_remove);

  /* A move that finished before Cancel reached it is kept. */
  if (ok && job->kind != JOB_CHECK)
    switch_shop (self, job);

  if (self->close_when_done)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (!ok)
    {
      if (job->kind == JOB_MOVE && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_error (self, _("Stopped. Nothing was moved, and both databases are as they were."));
      else
        set_error (self, error->message);
      if (job->kind == JOB_CHECK && self->mode == CRM_SHARED_DATABASE_MOVE_BACK)
        {
          /* Nothing to go back to: only the reason, and Cancel. */
          adw_preferences_group_set_title (self->found_group, "");
          adw_preferences_group_set_description (self->found_group, NULL);
          set_row (self->first_row, NULL, NULL);
          set_row (self->second_row, NULL, NULL);
          gtk_widget_set_visible (GTK_WIDGET (self->found_note), FALSE);
          show_state (self, STATE_FOUND);
          set_button (self->next_button, NULL);
        }
      else
        show_state (self, job->kind == JOB_CHECK ? STATE_ADDRESS : STATE_FOUND);
      return;
    }

  if (job->kind != JOB_CHECK)
    {
      show_done (self, job);
      return;
    }

  self->check = job->check;
  self->counts = job->counts;
  if (self->mode == CRM_SHARED_DATABASE_MOVE_THERE && !self->check.empty &&
      self->check.n_customers > 0)
    {
      g_autofree char *display = crm_store_describe_location (self->saved);
      g_autofree char *message =
        /* Translators: %s is a database address, %u a number of customers */
        g_strdup_printf (ngettext ("“%s” is not an empty database: it already keeps a shop with %u "
                                   "customer. Use it with Use a Shared Database…, or choose an empty "
                                   "database.",
                                   "“%s” is not an empty database: it already keeps a shop with %u "
                                   "customers. Use it with Use a Shared Database…, or choose an empty "
                                   "database.",
                                   self->check.n_customers),
                         display, self->check.n_customers);

      set_error (self, message);
      show_state (self, STATE_ADDRESS);
      return;
    }

  show_found (self);
}

/* Reads the address and the password into what this session uses and
 * what the settings keep. */
static gboolean
read_address (CrmSharedDatabaseDialog *self)
{
  g_autofree char *address = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->address_row))));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  gboolean typed = password[0] != '\0';

  g_clear_pointer (&self->saved, g_free);
  g_clear_pointer (&self->session, g_free);

  if (crm_store_is_shared_location (address))
    self->saved = crm_store_location_set_password (address, NULL);
  if (self->saved == NULL)
    {
      g_autofree char *message =
        /* Translators: %s is what was typed as the address */
        g_strdup_printf (_("“%s” is not a database address Clientele can read. Write it as "
                           "postgresql://user@host/database."),
                         address);

      set_error (self, message);
      return FALSE;
    }

  self->session = typed ? crm_store_location_set_password (address, password) : g_strdup (address);
  self->typed_password = typed || !g_str_equal (self->saved, address);
  return self->session != NULL;
}

static void
next_clicked_cb (CrmSharedDatabaseDialog *self)
{
  g_autofree char *display = NULL;
  g_autofree char *title = NULL;

  switch (self->state)
    {
    case STATE_ADDRESS:
      if (!gtk_widget_get_sensitive (self->next_button) || !read_address (self))
        return;
      display = crm_store_describe_location (self->saved);
      /* Translators: %s is a database address */
      title = g_strdup_printf (_("Connecting to “%s”…"), display);
      gtk_label_set_text (self->working_label, title);
      show_state (self, STATE_CHECKING);
      start_job (self, JOB_CHECK, self->mode, self->session);
      break;

    case STATE_FOUND:
      if (self->mode == CRM_SHARED_DATABASE_USE && !self->check.empty)
        {
          gtk_label_set_text (self->working_label, _("Opening the shop…"));
          show_state (self, STATE_OPENING);
          start_job (self, JOB_OPEN, self->mode, self->session);
          break;
        }
      gtk_label_set_text (self->working_label, self->mode == CRM_SHARED_DATABASE_MOVE_BACK
                                               ? _("Moving the shop back to this computer")
                                               : _("Moving the shop to the shared database"));
      show_state (self, STATE_MOVING);
      start_job (self, JOB_MOVE,
                 self->mode == CRM_SHARED_DATABASE_MOVE_BACK
                 ? CRM_SHARED_DATABASE_MOVE_BACK : CRM_SHARED_DATABASE_MOVE_THERE,
                 self->mode == CRM_SHARED_DATABASE_MOVE_BACK ? NULL : self->session);
      break;

    case STATE_DONE:
      gtk_window_close (GTK_WINDOW (self));
      break;

    default:
      break;
    }
}

static void
cancel_clicked_cb (CrmSharedDatabaseDialog *self)
{
  switch (self->state)
    {
    case STATE_CHECKING:
      /* The attempt goes on in its thread; its answer is dropped. */
      g_cancellable_cancel (self->cancellable);
      self->job = NULL;
      g_clear_handle_id (&self->pulse_id, g_source_remove);
      if (self->mode == CRM_SHARED_DATABASE_MOVE_BACK)
        gtk_window_close (GTK_WINDOW (self));
      else
        show_state (self, STATE_ADDRESS);
      break;

    case STATE_MOVING:
      g_cancellable_cancel (self->cancellable);
      gtk_widget_set_sensitive (self->cancel_button, FALSE);
      gtk_label_set_text (self->working_detail, _("Stopping: everything written so far is undone…"));
      break;

    case STATE_FOUND:
      if (self->mode != CRM_SHARED_DATABASE_MOVE_BACK)
        {
          set_error (self, NULL);
          show_state (self, STATE_ADDRESS);
          break;
        }
      G_GNUC_FALLTHROUGH;

    default:
      gtk_window_close (GTK_WINDOW (self));
      break;
    }
}

static void
empty_clicked_cb (CrmSharedDatabaseDialog *self)
{
  gtk_label_set_text (self->working_label, _("Setting up the shared database…"));
  show_state (self, STATE_OPENING);
  start_job (self, JOB_OPEN, self->mode, self->session);
}

static void
use_file_clicked_cb (CrmSharedDatabaseDialog *self)
{
  g_clear_pointer (&self->saved, g_free);
  g_clear_pointer (&self->session, g_free);
  gtk_label_set_text (self->working_label, _("Opening the shop…"));
  show_state (self, STATE_OPENING);
  start_job (self, JOB_OPEN, self->mode, NULL);
}

static void
address_changed_cb (CrmSharedDatabaseDialog *self)
{
  update_next (self);
}

/* Closing while a worker runs: a move is stopped (and undone) first, a
 * connection attempt forgotten; the window goes once it is over. */
static gboolean
crm_shared_database_dialog_close_request (GtkWindow *window)
{
  CrmSharedDatabaseDialog *self = CRM_SHARED_DATABASE_DIALOG (window);

  GtkWindowClass *parent_class = GTK_WINDOW_CLASS (crm_shared_database_dialog_parent_class);

  if (self->job == NULL || self->job->kind == JOB_CHECK)
    {
      /* A connection attempt is only forgotten. */
      self->job = NULL;
      return parent_class->close_request != NULL && parent_class->close_request (window);
    }

  g_cancellable_cancel (self->cancellable);
  self->close_when_done = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  return TRUE;
}

static void
crm_shared_database_dialog_dispose (GObject *object)
{
  CrmSharedDatabaseDialog *self = CRM_SHARED_DATABASE_DIALOG (object);

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_SHARED_DATABASE_DIALOG);

  G_OBJECT_CLASS (crm_shared_database_dialog_parent_class)->dispose (object);
}

static void
crm_shared_database_dialog_finalize (GObject *object)
{
  CrmSharedDatabaseDialog *self = CRM_SHARED_DATABASE_DIALOG (object);

  g_clear_object (&self->app);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->session, g_free);
  g_clear_pointer (&self->saved, g_free);

  G_OBJECT_CLASS (crm_shared_database_dialog_parent_class)->finalize (object);
}

static void
crm_shared_database_dialog_class_init (CrmSharedDatabaseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = crm_shared_database_dialog_dispose;
  object_class->finalize = crm_shared_database_dialog_finalize;
  window_class->close_request = crm_shared_database_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/crm-shared-database-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmSharedDatabaseDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrmSharedDatabaseDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CrmSharedDatabaseDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, CrmSharedDatabaseDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrmSharedDatabaseDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmSharedDatabaseDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, CrmSharedDatabaseDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, CrmSharedDatabaseDialog, file_group);
  gtk_widget_class_bind_template_child (widget_class, CrmSharedDatabaseDialog, working_label);
  gtk_widget_class_bind_template_child (widget_class, CrmSharedDatabaseDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CrmSharedDatabaseDialog, working_detail);
  gtk_widget_class_bind_template_child (widget_class, CrmSharedDatabaseDialog, found_group);
  gtk_widget_class_bind_template_child (widget_class, CrmSharedDatabaseDialog, first_row);
  gtk_widget_class_bind_template_child (widget_class, CrmSharedDatabaseDialog, second_row);
  gtk_widget_class_bind_template_child (widget_class, CrmSharedDatabaseDialog, found_note);
  gtk_widget_class_bind_template_child (widget_class, CrmSharedDatabaseDialog, empty_button);
  gtk_widget_class_bind_template_child (widget_class, CrmSharedDatabaseDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, CrmSharedDatabaseDialog, counts_group);
  gtk_widget_class_bind_template_child (widget_class, CrmSharedDatabaseDialog, before_row);
  gtk_widget_class_bind_template_child (widget_class, CrmSharedDatabaseDialog, after_row);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, empty_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, use_file_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, address_changed_cb);
}

static void
crm_shared_database_dialog_init (CrmSharedDatabaseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * crm_shared_database_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @mode: use a shared database, or move the shop there or back
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
GtkWindow *
crm_shared_database_dialog_new (GtkWindow             *parent,
                                CrmApplication        *app,
                                CrmSharedDatabaseMode  mode)
{
  CrmSharedDatabaseDialog *self;
  g_autofree char *saved = NULL;
  static const char *const titles[] = {
    [CRM_SHARED_DATABASE_USE] = N_("Use a Shared Database"),
    [CRM_SHARED_DATABASE_MOVE_THERE] = N_("Move This Shop to the Shared Database"),
    [CRM_SHARED_DATABASE_MOVE_BACK] = N_("Move This Shop Back to This Computer"),
  };

  g_return_val_if_fail (CRM_IS_APPLICATION (app), NULL);

  self = g_object_new (CRM_TYPE_SHARED_DATABASE_DIALOG,
                       "transient-for", parent,
                       "application", app,
                       NULL);
  self->app = g_object_ref (app);
  self->mode = mode;
  adw_window_title_set_title (self->window_title, _(titles[mode]));
  gtk_window_set_title (GTK_WINDOW (self), _(titles[mode]));

  saved = g_settings_get_string (crm_application_get_settings (app), "database");
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), saved);
  gtk_widget_set_visible (self->file_group, mode == CRM_SHARED_DATABASE_USE && on_shared (self));

  if (mode == CRM_SHARED_DATABASE_MOVE_BACK)
    {
      gtk_label_set_text (self->working_label, _("Counting what the shared database holds…"));
      show_state (self, STATE_CHECKING);
      start_job (self, JOB_CHECK, mode, NULL);
    }
  else
    show_state (self, STATE_ADDRESS);

  return GTK_WINDOW (self);
}
