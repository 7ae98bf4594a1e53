/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-context"

#include "config.h"

#include "crm-context.h"
#include "crm-loyalty.h"
#include "crm-scheduler.h"
#include "crm-shop-copy.h"
#include "crm-store-backup.h"
#include "crm-store-job.h"
#include "crm-store.h"

/* The one object that owns what the whole application shares: the data
 * folder, its store and the automatic backups. Widgets are handed it;
 * nothing reaches for a global. */
struct _CrmContext
{
  GObject   parent_instance;

  char         *data_dir;
  /* A shared database's connection string, or NULL for the file. */
  char         *database;
  CrmStore     *store;
  CrmScheduler *scheduler;
  guint         refresh_id;
  /* The window's figures and lapsed points are brought up to date on a
   * worker (refresh_in_worker()); one run at a time. */
  GCancellable *refreshing;

  /* The automatic backups: a job at a time, another asked for while one
   * runs is run after it. */
  char         *second_folder;
  CrmStoreJob  *backup_job;
  GCancellable *backup_cancellable;
  gboolean      backup_again;
  gboolean      backup_again_forced;
  gint64        last_backup;
  char         *backup_note;
  char         *backup_error;
};

/* Figures cover a moving window (the last 365 days): rebuild them now and
 * then so that a window left open for days stays right. The same tick
 * makes the day's backup of a shop left open overnight. */
#define REFRESH_SECONDS (60 * 60)

G_DEFINE_FINAL_TYPE (CrmContext, crm_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATA_DIR,
  PROP_STORE,
  PROP_SECOND_BACKUP_FOLDER,
  PROP_BACKING_UP,
  PROP_LAST_BACKUP,
  PROP_BACKUP_NOTE,
  PROP_BACKUP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void run_backup (CrmContext *self,
                        gboolean    force);

static void
crm_context_dispose (GObject *object)
{
  CrmContext *self = (CrmContext *) object;

  /* A copy under way stops and removes its temporary file. */
  if (self->backup_cancellable != NULL)
    g_cancellable_cancel (self->backup_cancellable);
  if (self->refreshing != NULL)
    g_cancellable_cancel (self->refreshing);

  G_OBJECT_CLASS (crm_context_parent_class)->dispose (object);
}

static void
crm_context_finalize (GObject *object)
{
  CrmContext *self = (CrmContext *) object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->refreshing);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->store);
  g_clear_object (&self->backup_cancellable);
  g_clear_object (&self->backup_job);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->database, g_free);
  g_clear_pointer (&self->second_folder, g_free);
  g_clear_pointer (&self->backup_note, g_free);
  g_clear_pointer (&self->backup_error, g_free);

  G_OBJECT_CLASS (crm_context_parent_class)->finalize (object);
}

static void
crm_context_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CrmContext *self = CRM_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      g_value_set_string (value, self->data_dir);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SECOND_BACKUP_FOLDER:
      g_value_set_string (value, self->second_folder);
      break;

    case PROP_BACKING_UP:
      g_value_set_boolean (value, self->backup_job != NULL);
      break;

    case PROP_LAST_BACKUP:
      g_value_set_int64 (value, self->last_backup);
      break;

    case PROP_BACKUP_NOTE:
      g_value_set_string (value, self->backup_note);
      break;

    case PROP_BACKUP_ERROR:
      g_value_set_string (value, self->backup_error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_context_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CrmContext *self = CRM_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_SECOND_BACKUP_FOLDER:
      crm_context_set_second_backup_folder (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The newest copy in the backups folder, or 0. */
static void
read_last_backup (CrmContext *self)
{
  g_autofree char *folder = crm_store_backup_folder (self->data_dir);
  g_autoptr(GPtrArray) backups = crm_store_list_backups (folder);
  gint64 last = 0;

  for (guint i = 0; i < backups->len && last == 0; i++)
    {
      CrmBackup *backup = g_ptr_array_index (backups, i);

      if (backup->kind != CRM_BACKUP_DAMAGED)
        last = backup->made_at;
    }

  if (last != self->last_backup)
    {
      self->last_backup = last;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_BACKUP]);
    }
}

static void
set_string (CrmContext  *self,
            char       **field,
            const char  *value,
            guint        prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
free_weak_ref (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GWeakRef, free_weak_ref)

/* A weak reference: a shop that closes does not wait for its backup. */
static void
backup_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GWeakRef) ref = user_data;
  g_autoptr(CrmContext) self = g_weak_ref_get (ref);
  CrmStoreJob *job = CRM_STORE_JOB (source);
  g_autoptr(GError) error = NULL;
  gboolean ok = crm_store_job_run_finish (job, result, &error);

  if (self == NULL || self->backup_job != job)
    return;

  /* Stopped because the shop is closing: say nothing. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_object (&self->backup_job);
      return;
    }

  if (!ok)
    g_warning ("The automatic backup failed: %s", error->message);

  set_string (self, &self->backup_error, ok ? NULL : error->message, PROP_BACKUP_ERROR);
  set_string (self, &self->backup_note, crm_store_job_get_note (job), PROP_BACKUP_NOTE);
  g_clear_object (&self->backup_job);
  read_last_backup (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKING_UP]);

  if (self->backup_again)
    {
      self->backup_again = FALSE;
      run_backup (self, self->backup_again_forced);
    }
}

static gboolean
copy_shared_cb (const char    *dest,
                gpointer       database,
                GCancellable  *cancellable,
                GError       **error)
{
  return crm_shop_back_up_shared (database, dest, cancellable, error);
}

/* Today's copy, in a worker with a connection of its own: nothing to do
 * when it is there already (a second start on the same day). */
static void
run_backup (CrmContext *self,
            gboolean    force)
{
  GWeakRef *ref;

  if (self->backup_job != NULL)
    {
      self->backup_again = TRUE;
      self->backup_again_forced |= force;
      return;
    }

  self->backup_again_forced = FALSE;
  if (self->backup_cancellable == NULL)
    self->backup_cancellable = g_cancellable_new ();

  self->backup_job = crm_store_job_new (CRM_STORE_JOB_BACK_UP_DAILY, self->data_dir, NULL);
  crm_store_job_set_second_folder (self->backup_job, self->second_folder);
  crm_store_job_set_now (self->backup_job, crm_store_now (self->store));
  crm_store_job_set_force (self->backup_job, force);
  crm_context_set_up_backup (self, self->backup_job);
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  crm_store_job_run_async (self->backup_job, self->backup_cancellable, backup_done_cb, ref);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BACKING_UP]);
}

/* The figures (unless a worker has just done them: @refreshed), then
 * the points that lapsed since, by the same clock: here, or on a
 * worker's connection (refresh_thread()). */
static void
bring_up_to_date (CrmStore *store,
                  gboolean  refreshed)
{
  g_autoptr(GError) error = NULL;

  if (!refreshed && !crm_store_refresh_all (store, &error))
    {
      g_warning ("Could not bring the figures up to date: %s", error->message);
      g_clear_error (&error);
    }

  if (!crm_loyalty_run_expiry (store, NULL, &error))
    g_warning ("Could not let lapsed points expire: %s", error->message);
}

static gboolean
refresh_cb (gpointer user_data)
{
  CrmContext *self = user_data;

  bring_up_to_date (self->store, FALSE);
  run_backup (self, FALSE);

  return G_SOURCE_CONTINUE;
}

static void
crm_context_class_init (CrmContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crm_context_dispose;
  object_class->finalize = crm_context_finalize;
  object_class->get_property = crm_context_get_property;
  object_class->set_property = crm_context_set_property;

  properties[PROP_DATA_DIR] =
    g_param_spec_string ("data-dir", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CRM_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* A folder on a USB stick that gets a copy of each daily backup. */
  properties[PROP_SECOND_BACKUP_FOLDER] =
    g_param_spec_string ("second-backup-folder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BACKING_UP] =
    g_param_spec_boolean ("backing-up", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* When the newest good copy in the backups folder was written, or 0. */
  properties[PROP_LAST_BACKUP] =
    g_param_spec_int64 ("last-backup", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Why the second folder has no copy of the last backup, or NULL. */
  properties[PROP_BACKUP_NOTE] =
    g_param_spec_string ("backup-note", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Why the last automatic backup failed, or NULL. */
  properties[PROP_BACKUP_ERROR] =
    g_param_spec_string ("backup-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_context_init (CrmContext *self)
{
}

/**
 * crm_context_default_data_dir:
 *
 * The folder used when no --data-dir is given: $CLIENTELE_DATA_DIR when it
 * is set and not empty, else $XDG_DATA_HOME/clientele.
 *
 * Returns: (transfer full): an absolute or relative path
 */
char *
crm_context_default_data_dir (void)
{
  const char *env = g_getenv ("CLIENTELE_DATA_DIR");

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "clientele", NULL);
}

typedef struct
{
  gint64   now;
  gboolean refreshed;
} RefreshJob;

static gint64
refresh_now (gpointer user_data)
{
  return ((RefreshJob *) user_data)->now;
}

/* crm_store_refresh_all() and the expiry of lapsed points read every
 * customer and every holding: seconds on a big shop, so the window has
 * them done on a connection of its own, by its clock. */
static void
refresh_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CrmContext *self = source_object;
  RefreshJob *job = task_data;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = crm_store_reopen (self->store, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  crm_store_set_now_func (store, refresh_now, job);
  bring_up_to_date (store, job->refreshed);

  g_task_return_boolean (task, TRUE);
}

static void
refreshed_in_worker_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  CrmContext *self = CRM_CONTEXT (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("Could not bring the figures up to date: %s", error->message);
    }

  g_clear_object (&self->refreshing);
  /* What the worker wrote shows now, not at the next poll. */
  crm_store_check_outside_changes (self->store);
  run_backup (self, FALSE);
}

static void
refresh_in_worker (CrmContext *self,
                   gboolean    refreshed)
{
  g_autoptr(GTask) task = NULL;
  RefreshJob *job;

  if (self->refreshing != NULL)
    return;

  job = g_new0 (RefreshJob, 1);
  job->now = crm_store_now (self->store);
  job->refreshed = refreshed;
  self->refreshing = g_cancellable_new ();
  task = g_task_new (self, self->refreshing, refreshed_in_worker_cb, NULL);
  g_task_set_source_tag (task, refresh_in_worker);
  g_task_set_name (task, "[clientele] figures and lapsed points");
  g_task_set_task_data (task, job, g_free);
  g_task_run_in_thread (task, refresh_thread);
}

static gboolean
refresh_tick_cb (gpointer user_data)
{
  refresh_in_worker (user_data, FALSE);
  return G_SOURCE_CONTINUE;
}

/* The figures kept up to date from now on; a worker may have brought
 * them up to date already (@refreshed). The window's context does the
 * rest on a worker too (@in_worker); the command line's here, before
 * it reads. */
static void
start_refreshing (CrmContext *self,
                  gboolean    refreshed,
                  gboolean    in_worker)
{
  if (in_worker)
    {
      refresh_in_worker (self, refreshed);
      self->refresh_id = g_timeout_add_seconds (REFRESH_SECONDS, refresh_tick_cb, self);
      return;
    }

  bring_up_to_date (self->store, refreshed);
  run_backup (self, FALSE);
  self->refresh_id = g_timeout_add_seconds (REFRESH_SECONDS, refresh_cb, self);
}

/* A context on @store, opened on @database (NULL for the file). */
static CrmContext *
context_for_store_full (const char *data_dir,
                        const char *database,
                        CrmStore   *store,
                        gboolean    refreshed)
{
  g_autoptr(CrmContext) self = NULL;

  self = g_object_new (CRM_TYPE_CONTEXT, NULL);
  self->data_dir = g_strdup (data_dir);
  self->database = database != NULL && database[0] != '\0' ? g_strdup (database) : NULL;
  self->store = g_object_ref (store);

  read_last_backup (self);
  /* Started by whoever announces reminders, once they listen. */
  self->scheduler = crm_scheduler_new (self->store);

  /* A shop still being checked writes nothing yet (context_checked_cb).
   * Only the window's open comes refreshed (its check's worker did the
   * figures): its context goes on on workers, the command line's here. */
  if (!crm_store_is_checking (store))
    start_refreshing (self, refreshed, refreshed);

  return g_steal_pointer (&self);
}

static CrmContext *
context_for_store (const char *data_dir,
                   const char *database,
                   CrmStore   *store)
{
  return context_for_store_full (data_dir, database, store, FALSE);
}

static CrmContext *
open_context (const char         *data_dir,
              CrmStoreOpenFlags   flags,
              gboolean            refreshed,
              GError            **error)
{
  g_autoptr(CrmStore) store = crm_store_open_full (data_dir, flags, error);

  return store != NULL ? context_for_store_full (data_dir, NULL, store, refreshed) : NULL;
}

/**
 * crm_context_default_database:
 *
 * The shared database used when no --database is given:
 * $CLIENTELE_DATABASE when it is set and not empty.
 *
 * Returns: (transfer full) (nullable): a connection string, or %NULL for
 *   the file in the data folder
 */
char *
crm_context_default_database (void)
{
  const char *env = g_getenv ("CLIENTELE_DATABASE");

  return env != NULL && env[0] != '\0' ? g_strdup (env) : NULL;
}

/**
 * crm_context_new:
 * @data_dir: the shop's folder
 * @database: (nullable): a shared PostgreSQL database (postgresql://… or
 *   a libpq connection string), or %NULL for the file in @data_dir
 *
 * Opens the shop, checking the whole file first in this thread (the
 * command line's way), and starts the day's backup.
 *
 * Returns: (transfer full): a context with its store open, or %NULL with
 *   @error set to a message for the user
 */
CrmContext *
crm_context_new (const char  *data_dir,
                 const char  *database,
                 GError     **error)
{
  g_return_val_if_fail (data_dir != NULL, NULL);

  if (database != NULL && database[0] != '\0')
    {
      g_autoptr(CrmStore) store = crm_store_open_shared (database, error);

      return store != NULL ? context_for_store (data_dir, database, store) : NULL;
    }

  return open_context (data_dir, CRM_STORE_OPEN_DEFAULT, FALSE, error);
}

/**
 * crm_context_new_for_store:
 * @database: (nullable): what @store was opened on, as for crm_context_new()
 * @store: the shop, opened elsewhere (a worker thread may open it)
 *
 * Returns: (transfer full): a context on @store
 */
CrmContext *
crm_context_new_for_store (const char *data_dir,
                           const char *database,
                           CrmStore   *store)
{
  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  return context_for_store (data_dir, database, store);
}

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CrmStoreJob *job = CRM_STORE_JOB (source);
  GError *error = NULL;
  CrmContext *self;

  /* Only once the whole file has passed does anything open it to write. */
  if (!crm_store_job_run_finish (job, result, &error) ||
      (self = open_context (crm_store_job_get_data_dir (job),
                            CRM_STORE_OPEN_CHECKED | CRM_STORE_OPEN_BACKED_UP,
                            crm_store_job_get_refreshed (job), &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, self, g_object_unref);
}

typedef struct
{
  char *data_dir;
  char *database;
} SharedOpen;

static void
shared_open_free (SharedOpen *open)
{
  g_free (open->data_dir);
  g_free (open->database);
  g_free (open);
}

/* A shared database is opened, and brought up to date, in the worker:
 * connecting waits on the network. */
static void
open_shared_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  SharedOpen *open = task_data;
  GError *error = NULL;
  CrmStore *store = crm_store_open_shared (open->database, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

static void
shared_opened_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SharedOpen *open = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  g_autoptr(CrmStore) store = g_task_propagate_pointer (G_TASK (result), &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, context_for_store (open->data_dir, open->database, store),
                           g_object_unref);
}

/**
 * crm_context_new_async:
 * @data_dir: the shop's folder
 * @database: (nullable): a shared database, as for crm_context_new()
 *
 * crm_context_new() for the window: the whole-file check, and the backup
 * an older schema needs before its update, run in a worker on a
 * connection of their own that never writes (a big file takes a moment);
 * only then is the shop opened, here, to write. A shared database is
 * opened in the worker, connection and all.
 */
void
crm_context_new_async (const char          *data_dir,
                       const char          *database,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(CrmStoreJob) job = NULL;
  GTask *task;

  g_return_if_fail (data_dir != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, crm_context_new_async);

  if (database != NULL && database[0] != '\0')
    {
      g_autoptr(GTask) worker = g_task_new (NULL, cancellable, shared_opened_cb, task);
      SharedOpen *open = g_new0 (SharedOpen, 1);

      open->data_dir = g_strdup (data_dir);
      open->database = g_strdup (database);
      g_task_set_task_data (worker, open, (GDestroyNotify) shared_open_free);
      g_task_set_name (worker, "[clientele] open shared shop");
      g_task_run_in_thread (worker, open_shared_thread);
      return;
    }

  job = crm_store_job_new (CRM_STORE_JOB_CHECK, data_dir, NULL);
  crm_store_job_run_async (job, cancellable, checked_cb, task);
}

static void
context_checked_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CrmStoreJob *job = CRM_STORE_JOB (source);
  CrmContext *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!crm_store_job_run_finish (job, result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (!g_task_return_error_if_cancelled (task))
    {
      /* The worker's new figures show now, not at the next poll. */
      crm_store_check_outside_changes (self->store);
      start_refreshing (self, crm_store_job_get_refreshed (job), TRUE);
      g_task_return_boolean (task, TRUE);
    }
}

/**
 * crm_context_new_checking:
 * @data_dir: the shop's folder
 * @callback: called when the whole-file check ends; call
 *   crm_context_check_finish() there
 *
 * The window's way into a shop that is there and up to date: the context
 * is ready at once, so that the customers show while the whole file is
 * checked in a worker (a big shop's check takes seconds). Until the
 * check passes, nothing writes: the store's writes wait for it, and the
 * figures, backups and reminders start only then. If it fails, drop the
 * context and show the error.
 *
 * Returns: (transfer full) (nullable): the context, or %NULL when the shop
 *   cannot open before its check (none yet, an older schema, not a shop):
 *   open it with crm_context_new_async() then, which says what is wrong
 */
CrmContext *
crm_context_new_checking (const char          *data_dir,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(CrmStoreJob) job = NULL;
  g_autoptr(GError) error = NULL;
  CrmContext *self;
  GTask *task;

  g_return_val_if_fail (data_dir != NULL, NULL);

  store = crm_store_open_checking (data_dir, &error);
  if (store == NULL)
    {
      g_debug ("Opening after the check: %s", error->message);
      return NULL;
    }

  self = context_for_store (data_dir, NULL, store);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, crm_context_new_checking);
  job = crm_store_job_new_check (store);
  crm_store_job_run_async (job, cancellable, context_checked_cb, task);

  return self;
}

/**
 * crm_context_check_finish:
 *
 * Returns: whether the shop passed its check, or %FALSE with @error set
 *   to a message for the user (%CRM_STORE_ERROR_DAMAGED for damage inside)
 */
gboolean
crm_context_check_finish (CrmContext    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * crm_context_new_finish:
 *
 * Returns: (transfer full): the context, or %NULL with @error set to a
 *   message for the user (%CRM_STORE_ERROR_DAMAGED for damage inside)
 */
CrmContext *
crm_context_new_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The shared database's connection string (it may hold a password:
 * never show it; crm_store_get_path() is what messages name), or NULL. */
const char *
crm_context_get_database (CrmContext *self)
{
  g_return_val_if_fail (CRM_IS_CONTEXT (self), NULL);

  return self->database;
}

const char *
crm_context_get_data_dir (CrmContext *self)
{
  g_return_val_if_fail (CRM_IS_CONTEXT (self), NULL);

  return self->data_dir;
}

CrmStore *
crm_context_get_store (CrmContext *self)
{
  g_return_val_if_fail (CRM_IS_CONTEXT (self), NULL);

  return self->store;
}

/**
 * crm_context_is_refreshing:
 *
 * Returns: whether the figures and lapsed points are being brought up
 *   to date on a worker (at start, and every hour)
 */
gboolean
crm_context_is_refreshing (CrmContext *self)
{
  g_return_val_if_fail (CRM_IS_CONTEXT (self), FALSE);

  return self->refreshing != NULL;
}

/**
 * crm_context_get_scheduler:
 *
 * Returns: (transfer none): the reminder scheduler (not started until
 *   crm_scheduler_start())
 */
CrmScheduler *
crm_context_get_scheduler (CrmContext *self)
{
  g_return_val_if_fail (CRM_IS_CONTEXT (self), NULL);

  return self->scheduler;
}

/**
 * crm_context_set_second_backup_folder:
 * @folder: (nullable): a folder that gets a copy of each day's backup,
 *   or %NULL or "" for none
 *
 * A new folder gets today's copy at once.
 */
void
crm_context_set_second_backup_folder (CrmContext *self,
                                      const char *folder)
{
  g_return_if_fail (CRM_IS_CONTEXT (self));

  if (folder != NULL && folder[0] == '\0')
    folder = NULL;
  if (g_strcmp0 (folder, self->second_folder) == 0)
    return;

  g_free (self->second_folder);
  self->second_folder = g_strdup (folder);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECOND_BACKUP_FOLDER]);

  if (self->store != NULL)
    run_backup (self, FALSE);
}

/**
 * crm_context_set_up_backup:
 * @job: a %CRM_STORE_JOB_BACK_UP or %CRM_STORE_JOB_BACK_UP_DAILY job
 *
 * Makes @job copy the shop this context has open: a shared shop is read
 * from the server into an ordinary shop file (docs/data-safety.md), the
 * file in the data folder is copied as it is.
 */
void
crm_context_set_up_backup (CrmContext  *self,
                           CrmStoreJob *job)
{
  g_return_if_fail (CRM_IS_CONTEXT (self));
  g_return_if_fail (CRM_IS_STORE_JOB (job));

  if (self->database != NULL)
    crm_store_job_set_copy_func (job, copy_shared_cb, g_strdup (self->database), g_free);
}

/**
 * crm_context_back_up_now:
 *
 * Writes today's backup again, now ("Back Up Now"), and its copy in the
 * second folder; CrmContext:backing-up and :last-backup follow it.
 */
void
crm_context_back_up_now (CrmContext *self)
{
  g_return_if_fail (CRM_IS_CONTEXT (self));

  run_backup (self, TRUE);
}

gboolean
crm_context_is_backing_up (CrmContext *self)
{
  g_return_val_if_fail (CRM_IS_CONTEXT (self), FALSE);

  return self->backup_job != NULL;
}

gint64
crm_context_get_last_backup (CrmContext *self)
{
  g_return_val_if_fail (CRM_IS_CONTEXT (self), 0);

  return self->last_backup;
}

const char *
crm_context_get_backup_note (CrmContext *self)
{
  g_return_val_if_fail (CRM_IS_CONTEXT (self), NULL);

  return self->backup_note;
}

const char *
crm_context_get_backup_error (CrmContext *self)
{
  g_return_val_if_fail (CRM_IS_CONTEXT (self), NULL);

  return self->backup_error;
}
