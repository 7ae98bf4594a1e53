/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include "crm-store-job.h"
#include "crm-store-private.h"

struct _CrmStoreJob
{
  GObject          parent_instance;

  CrmStoreJobKind  kind;
  char            *data_dir;
  char            *path;
  char            *second_folder;
  /* Today's copy of a shop that is not the file (BACK_UP_DAILY). */
  CrmStoreCopyFunc copy;
  gpointer         copy_data;
  GDestroyNotify   copy_destroy;
  gint64           now;
  gboolean         force;

  /* Where progress is reported: the context that started the job. */
  GMainContext    *context;
  /* In thousandths; written by the worker, read on the main context. */
  gint             progress;
  gint             reported;

  /* A WRITE job: the shop, the function and its rows. */
  CrmStore             *store;
  CrmStoreJobWriteFunc  write_func;
  gpointer              write_data;
  GDestroyNotify        write_destroy;
  guint64               n_rows;
  guint64               rows_done;
  GCancellable         *cancellable;

  /* A CHECK job brought the figures up to date on its own connection. */
  gboolean         refreshed;

  /* A test's hook: the worker waits after this many rows until Cancel. */
  guint64          pause_after;
  gint             paused;
  GMutex           pause_lock;
  GCond            pause_cond;

  CrmShopCounts    counts;
  char            *kept;
  char            *note;
  GPtrArray       *salvaged;
};

G_DEFINE_FINAL_TYPE (CrmStoreJob, crm_store_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PROGRESS,
  PROP_PAUSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
notify_progress_cb (gpointer user_data)
{
  CrmStoreJob *self = user_data;
  gint now = g_atomic_int_get (&self->progress);

  if (now != self->reported)
    {
      self->reported = now;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
    }

  return G_SOURCE_REMOVE;
}

/* In the worker: a notification on the main context at each step of a
 * hundredth, not at every page. */
static void
progress_cb (guint64   done,
             guint64   total,
             gpointer  user_data)
{
  CrmStoreJob *self = user_data;
  gint thousandths = total > 0 ? (gint) MIN (1000, done * 1000 / total) : 0;
  gint before = g_atomic_int_get (&self->progress);

  if (thousandths / 10 == before / 10)
    return;

  g_atomic_int_set (&self->progress, thousandths);
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, notify_progress_cb,
                              g_object_ref (self), g_object_unref);
}

static gboolean
notify_paused_cb (gpointer user_data)
{
  g_object_notify_by_pspec (G_OBJECT (user_data), properties[PROP_PAUSED]);
  return G_SOURCE_REMOVE;
}

static void
wake_cb (GCancellable *cancellable,
         CrmStoreJob  *self)
{
  g_mutex_lock (&self->pause_lock);
  g_cond_broadcast (&self->pause_cond);
  g_mutex_unlock (&self->pause_lock);
}

/* In the worker, before each row of a WRITE job. */
static gboolean
count_row_cb (gpointer   user_data,
              GError   **error)
{
  CrmStoreJob *self = user_data;

  if (self->pause_after > 0 && self->rows_done == self->pause_after && self->cancellable != NULL)
    {
      gulong handler = g_cancellable_connect (self->cancellable, G_CALLBACK (wake_cb), self, NULL);

      g_atomic_int_set (&self->paused, TRUE);
      g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, notify_paused_cb,
                                  g_object_ref (self), g_object_unref);
      g_mutex_lock (&self->pause_lock);
      while (!g_cancellable_is_cancelled (self->cancellable))
        g_cond_wait (&self->pause_cond, &self->pause_lock);
      g_mutex_unlock (&self->pause_lock);
      g_cancellable_disconnect (self->cancellable, handler);
    }

  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;

  self->rows_done++;
  progress_cb (self->rows_done, self->n_rows, self);
  return TRUE;
}

/* The start's recomputation (a day's purchases out of the period, the
 * ranking) here rather than before the window's first frame. A failure
 * is left to the opening that follows, which says what is wrong. */
static void
refresh_for_start (CrmStoreJob *self)
{
  g_autoptr(CrmStore) store = NULL;

  store = crm_store_open_full (self->data_dir, CRM_STORE_OPEN_CHECKED | CRM_STORE_OPEN_BACKED_UP, NULL);
  if (store != NULL && crm_store_get_schema_version (store) == CRM_STORE_SCHEMA_VERSION)
    self->refreshed = crm_store_refresh_all (store, NULL);
}

/* The shop is open already (crm_store_open_checking()); its writes
 * wait for this. */
static gboolean
check_open_store (CrmStoreJob  *self,
                  GError      **error)
{
  GError *local_error = NULL;
  gboolean ok = crm_store_check_file (self->data_dir, &local_error);

  crm_store_end_check (self->store, local_error);
  if (!ok)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  refresh_for_start (self);
  return TRUE;
}

static gboolean
run_write (CrmStoreJob   *self,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(CrmStore) store = crm_store_reopen (self->store, error);
  gboolean ok;

  if (store == NULL)
    return FALSE;

  crm_store_set_now_func (store, self->store->now_func, self->store->now_data);
  self->cancellable = cancellable;
  store->row_func = count_row_cb;
  store->row_data = self;
  ok = self->write_func (store, self->write_data, error);
  store->row_func = NULL;
  self->cancellable = NULL;

  return ok;
}

/* The newest automatic copy that passes inspection: what the recovery
 * page offers. */
static gboolean
find_newest_good (CrmStoreJob   *self,
                  GError       **error)
{
  g_autofree char *folder = crm_store_backup_folder (self->data_dir);
  g_autoptr(GPtrArray) backups = crm_store_list_backups (folder);

  for (guint i = 0; i < backups->len; i++)
    {
      CrmBackup *backup = g_ptr_array_index (backups, i);

      if (backup->kind == CRM_BACKUP_DAMAGED)
        continue;

      if (crm_store_inspect_file (backup->path, &self->counts, NULL))
        {
          g_free (self->path);
          self->path = g_strdup (backup->path);
          return TRUE;
        }
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no good backup in %s", folder);
  return FALSE;
}

/**
 * crm_store_job_run:
 *
 * Runs the job in the calling thread (the command line does).
 */
gboolean
crm_store_job_run (CrmStoreJob   *self,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_return_val_if_fail (CRM_IS_STORE_JOB (self), FALSE);

  switch (self->kind)
    {
    case CRM_STORE_JOB_CHECK:
      if (self->store != NULL)
        return check_open_store (self, error);
      if (!crm_store_check_file (self->data_dir, error) ||
          !crm_store_back_up_for_update (self->data_dir, error))
        return FALSE;
      refresh_for_start (self);
      return TRUE;

    case CRM_STORE_JOB_INSPECT:
      return crm_store_inspect_file (self->path, &self->counts, error);

    case CRM_STORE_JOB_BACK_UP:
      if (self->copy != NULL)
        return self->copy (self->path, self->copy_data, cancellable, error) &&
               crm_store_inspect_file (self->path, &self->counts, error);
      return crm_store_back_up (self->data_dir, self->path, progress_cb, self, cancellable,
                                &self->counts, error);

    case CRM_STORE_JOB_BACK_UP_DAILY:
      return crm_store_back_up_daily_from (self->data_dir, self->copy, self->copy_data,
                                           self->second_folder, self->now, self->force,
                                           cancellable, &self->note, error);

    case CRM_STORE_JOB_RESTORE:
      return crm_store_inspect_file (self->path, &self->counts, error) &&
             crm_store_restore (self->data_dir, self->path, self->now, progress_cb, self, cancellable,
                                &self->kept, error);

    case CRM_STORE_JOB_SALVAGE:
      self->salvaged = crm_store_salvage (self->data_dir, self->path, error);
      return self->salvaged != NULL;

    case CRM_STORE_JOB_NEWEST_GOOD:
      return find_newest_good (self, error);

    case CRM_STORE_JOB_WRITE:
      return run_write (self, cancellable, error);

    default:
      g_assert_not_reached ();
    }
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  GError *error = NULL;

  if (crm_store_job_run (source_object, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
crm_store_job_finalize (GObject *object)
{
  CrmStoreJob *self = (CrmStoreJob *) object;

  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->second_folder, g_free);
  if (self->copy_destroy != NULL)
    g_clear_pointer (&self->copy_data, self->copy_destroy);
  g_clear_pointer (&self->kept, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->salvaged, g_ptr_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  if (self->write_destroy != NULL)
    self->write_destroy (self->write_data);
  g_clear_object (&self->store);
  g_mutex_clear (&self->pause_lock);
  g_cond_clear (&self->pause_cond);

  G_OBJECT_CLASS (crm_store_job_parent_class)->finalize (object);
}

static void
crm_store_job_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CrmStoreJob *self = CRM_STORE_JOB (object);

  switch (prop_id)
    {
    case PROP_PROGRESS:
      g_value_set_double (value, crm_store_job_get_progress (self));
      break;

    case PROP_PAUSED:
      g_value_set_boolean (value, crm_store_job_get_paused (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_store_job_class_init (CrmStoreJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_store_job_finalize;
  object_class->get_property = crm_store_job_get_property;

  /**
   * CrmStoreJob:progress:
   *
   * How much of a copy is done, from 0 to 1, notified on the main context
   * that started the job.
   */
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CrmStoreJob:paused:
   *
   * Whether the worker waits at crm_store_job_set_pause_after()'s row.
   */
  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_store_job_init (CrmStoreJob *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->now = g_get_real_time () / G_USEC_PER_SEC;
  g_mutex_init (&self->pause_lock);
  g_cond_init (&self->pause_cond);
}

/**
 * crm_store_job_new:
 * @data_dir: (nullable): the shop's folder, for every job but INSPECT
 * @path: (nullable): the other file: the copy to write, the file to
 *   restore or inspect, the new file of a salvage
 *
 * Returns: (transfer full): a job to run once
 */
CrmStoreJob *
crm_store_job_new (CrmStoreJobKind  kind,
                   const char      *data_dir,
                   const char      *path)
{
  CrmStoreJob *self = g_object_new (CRM_TYPE_STORE_JOB, NULL);

  self->kind = kind;
  self->data_dir = g_strdup (data_dir);
  self->path = g_strdup (path);
  return self;
}

/**
 * crm_store_job_new_check:
 * @store: a shop from crm_store_open_checking()
 *
 * The CHECK job for a shop that is open already: its outcome ends
 * @store's wait (crm_store_end_check()), then the start's figures are
 * brought up to date as for any CHECK.
 *
 * Returns: (transfer full): a job to run once
 */
CrmStoreJob *
crm_store_job_new_check (CrmStore *store)
{
  CrmStoreJob *self;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (crm_store_is_checking (store), NULL);

  self = g_object_new (CRM_TYPE_STORE_JOB, NULL);
  self->kind = CRM_STORE_JOB_CHECK;
  self->data_dir = g_path_get_dirname (crm_store_get_path (store));
  self->store = g_object_ref (store);
  return self;
}

/**
 * crm_store_job_new_write:
 * @store: the shop; the job opens a connection of its own to it
 * @n_rows: how many rows @func will write, for the progress
 *
 * Returns: (transfer full): a job that runs @func in a worker
 */
CrmStoreJob *
crm_store_job_new_write (CrmStore             *store,
                         guint64               n_rows,
                         CrmStoreJobWriteFunc  func,
                         gpointer              user_data,
                         GDestroyNotify        destroy)
{
  CrmStoreJob *self;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);
  g_return_val_if_fail (func != NULL, NULL);

  self = g_object_new (CRM_TYPE_STORE_JOB, NULL);
  self->kind = CRM_STORE_JOB_WRITE;
  self->store = g_object_ref (store);
  self->n_rows = n_rows;
  self->write_func = func;
  self->write_data = user_data;
  self->write_destroy = destroy;
  return self;
}

/* For tests: the worker stops after @n_rows rows and waits for Cancel,
 * so that a test can cancel in the middle without timing anything. */
void
crm_store_job_set_pause_after (CrmStoreJob *self,
                               guint64      n_rows)
{
  g_return_if_fail (CRM_IS_STORE_JOB (self));

  self->pause_after = n_rows;
}

/* Whether a CHECK job also brought the shop's figures up to date. */
gboolean
crm_store_job_get_refreshed (CrmStoreJob *self)
{
  g_return_val_if_fail (CRM_IS_STORE_JOB (self), FALSE);

  return self->refreshed;
}

gboolean
crm_store_job_get_paused (CrmStoreJob *self)
{
  g_return_val_if_fail (CRM_IS_STORE_JOB (self), FALSE);

  return g_atomic_int_get (&self->paused);
}

void
crm_store_job_set_second_folder (CrmStoreJob *self,
                                 const char  *folder)
{
  g_return_if_fail (CRM_IS_STORE_JOB (self));

  g_free (self->second_folder);
  self->second_folder = g_strdup (folder);
}

/* A shop that is not the file in the data folder (a shared database):
 * @copy writes its copy (BACK_UP and BACK_UP_DAILY). */
void
crm_store_job_set_copy_func (CrmStoreJob      *self,
                             CrmStoreCopyFunc  copy,
                             gpointer          copy_data,
                             GDestroyNotify    destroy)
{
  g_return_if_fail (CRM_IS_STORE_JOB (self));

  if (self->copy_destroy != NULL)
    g_clear_pointer (&self->copy_data, self->copy_destroy);
  self->copy = copy;
  self->copy_data = copy_data;
  self->copy_destroy = destroy;
}

/* The shop's clock, for the names of the copies. */
void
crm_store_job_set_now (CrmStoreJob *self,
                       gint64       now)
{
  g_return_if_fail (CRM_IS_STORE_JOB (self));

  self->now = now;
}

void
crm_store_job_set_force (CrmStoreJob *self,
                         gboolean     force)
{
  g_return_if_fail (CRM_IS_STORE_JOB (self));

  self->force = force;
}

void
crm_store_job_run_async (CrmStoreJob         *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CRM_IS_STORE_JOB (self));

  /* Progress goes where the job is started. */
  g_clear_pointer (&self->context, g_main_context_unref);
  self->context = g_main_context_ref_thread_default ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, crm_store_job_run_async);
  g_task_set_name (task, "[clientele] store job");
  g_task_run_in_thread (task, run_thread);
}

gboolean
crm_store_job_run_finish (CrmStoreJob   *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  /* Written on another connection: the shop's own hears of it here. */
  if (self->kind == CRM_STORE_JOB_WRITE && !crm_store_check_outside_changes (self->store))
    crm_store_emit_changed (self->store, CRM_STORE_CHANGE_ALL, 0);
  return TRUE;
}

CrmStoreJobKind
crm_store_job_get_kind (CrmStoreJob *self)
{
  g_return_val_if_fail (CRM_IS_STORE_JOB (self), CRM_STORE_JOB_CHECK);

  return self->kind;
}

const char *
crm_store_job_get_data_dir (CrmStoreJob *self)
{
  g_return_val_if_fail (CRM_IS_STORE_JOB (self), NULL);

  return self->data_dir;
}

/* The other file; for NEWEST_GOOD, once done, the backup found. */
const char *
crm_store_job_get_path (CrmStoreJob *self)
{
  g_return_val_if_fail (CRM_IS_STORE_JOB (self), NULL);

  return self->path;
}

double
crm_store_job_get_progress (CrmStoreJob *self)
{
  g_return_val_if_fail (CRM_IS_STORE_JOB (self), 0);

  return self->reported / 1000.0;
}

/* What the inspected, restored or written file holds. */
const CrmShopCounts *
crm_store_job_get_counts (CrmStoreJob *self)
{
  g_return_val_if_fail (CRM_IS_STORE_JOB (self), NULL);

  return &self->counts;
}

/* Where a restore kept the shop it replaced. */
const char *
crm_store_job_get_kept (CrmStoreJob *self)
{
  g_return_val_if_fail (CRM_IS_STORE_JOB (self), NULL);

  return self->kept;
}

/* A daily backup's quiet note about the second folder, or NULL. */
const char *
crm_store_job_get_note (CrmStoreJob *self)
{
  g_return_val_if_fail (CRM_IS_STORE_JOB (self), NULL);

  return self->note;
}

/**
 * crm_store_job_get_salvaged:
 *
 * Returns: (transfer none) (element-type CrmStoreSalvaged) (nullable):
 *   what a salvage saved and lost
 */
GPtrArray *
crm_store_job_get_salvaged (CrmStoreJob *self)
{
  g_return_val_if_fail (CRM_IS_STORE_JOB (self), NULL);

  return self->salvaged;
}
