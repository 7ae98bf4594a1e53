/* SPDX-License-Identifier: GPL-3.0-or-later */

/* CrmStore: one connection to the shop's database through its engine
 * (crm-store-engine.h), the statement cache and the "changed" signal.
 * Transactions are in crm-store-transactions.c, the schema in
 * crm-store-schema.c, the SQLite engine in crm-store-sqlite.c, and each
 * kind of record in its own crm-store-*.c. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "crm-store-private.h"
#include "crm-text.h"

G_DEFINE_FINAL_TYPE (CrmStore, crm_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (crm-store-error-quark, crm_store_error)

enum {
  CHANGED,
  CONNECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * crm_store_set_failure_error:
 * @failure: what failed; not %CRM_STORE_FAILURE_OTHER
 * @path: the database or file concerned; messages name its folder
 * @detail: (nullable): the system's or engine's words, for %CRM_STORE_FAILURE_IO
 *
 * The words for a failure of the disk or of the file, the same wherever
 * it happens: the engine's own would say "database or disk is full".
 */
void
crm_store_set_failure_error (GError          **error,
                             CrmStoreFailure   failure,
                             const char       *path,
                             const char       *detail)
{
  g_autofree char *folder = g_path_get_dirname (path);

  switch (failure)
    {
    case CRM_STORE_FAILURE_DISK_FULL:
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_DISK_FULL,
                   _("The disk that holds the folder “%s” is full. "
                     "Nothing was changed: make some room on it and try again."), folder);
      break;
    case CRM_STORE_FAILURE_READ_ONLY:
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_READ_ONLY,
                   _("Clientele may not write in the folder “%s” (it is read-only). "
                     "Nothing was changed."), folder);
      break;
    case CRM_STORE_FAILURE_DAMAGED:
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_DAMAGED,
                   _("“%s” is damaged: part of it can no longer be read. "
                     "It has been left exactly as it was, and nothing will be written to it."),
                   path);
      break;
    case CRM_STORE_FAILURE_IO:
    case CRM_STORE_FAILURE_OTHER:
    default:
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_IO,
                   _("Could not read or write the shop’s data in the folder “%s”: %s"),
                   folder, detail != NULL ? detail : "");
    }
}

/* A failure of the disk or of the file in those words; FALSE for any
 * other failure (a constraint, a mistake in SQL). */
static gboolean
describe_failure (CrmStore  *self,
                  GError   **error)
{
  CrmStoreFailure failure = CRM_STORE_FAILURE_OTHER;

  if (self->engine->failure != NULL && self->conn != NULL)
    failure = self->engine->failure (self->conn);

  /* A read-only store refuses writes by design, not because of the disk. */
  if (failure == CRM_STORE_FAILURE_OTHER || (failure == CRM_STORE_FAILURE_READ_ONLY && self->read_only))
    return FALSE;

  crm_store_set_failure_error (error, failure, self->path, self->engine->errmsg (self->conn));
  return TRUE;
}

/* Sets @error to the engine's words for what just failed; returns FALSE. */
gboolean
crm_store_engine_failed (CrmStore  *self,
                         GError   **error)
{
  if (!describe_failure (self, error))
    g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_SQL, "%s",
                 self->engine->errmsg (self->conn));
  return FALSE;
}

/* "changed" for what is already committed; crm_store_emit_changed()
 * is what store calls use. */
void
crm_store_emit_committed (CrmStore *self,
                          guint     change,
                          gint64    customer_id)
{
  /* Before the signal: a handler that reads through a cache keyed by
   * the serial (the list's cells) must see it moved. */
  if (change & (CRM_STORE_CHANGE_SETTINGS | CRM_STORE_CHANGE_LOYALTY))
    self->settings_serial++;
  g_signal_emit (self, signals[CHANGED], 0, change, customer_id);
}

/**
 * crm_store_get_settings_serial:
 *
 * Returns: a number that moves whenever the settings or the loyalty
 *   programme (tiers, rewards) may have changed, here or elsewhere: what
 *   a cache of them compares
 */
guint
crm_store_get_settings_serial (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  return self->settings_serial;
}

static void
outside_change_cb (guint     change,
                   gint64    customer_id,
                   gpointer  user_data)
{
  CrmStore *self = user_data;

  g_debug ("Changed elsewhere: 0x%x, customer %" G_GINT64_FORMAT, change, customer_id);
  /* Another PC's purchases move the revenue our shares are of: read
   * again when a share is next asked for. */
  self->revenue_total = -1;
  crm_store_emit_committed (self, change, customer_id);
}

/* A shared database's session came or went: tell the window. */
static void
check_connection (CrmStore *self)
{
  g_autofree char *problem = NULL;
  int lost;

  if (self->engine->dup_problem == NULL)
    return;

  problem = self->engine->dup_problem (self->conn);
  lost = self->engine->take_lost_commit (self->conn);
  if (lost >= 0)
    self->lost_commit = lost;

  if (g_strcmp0 (problem, self->problem) == 0 && lost < 0)
    return;

  g_free (self->problem);
  self->problem = g_steal_pointer (&problem);
  g_signal_emit (self, signals[CONNECTION_CHANGED], 0);
}

static gboolean
watch_cb (gpointer user_data)
{
  CrmStore *self = user_data;

  /* The state first: a reconnect's "everything changed" is for a
   * window that already knows it is connected again. */
  check_connection (self);
  crm_store_check_outside_changes (self);
  return G_SOURCE_CONTINUE;
}

static void
crm_store_finalize (GObject *object)
{
  CrmStore *self = (CrmStore *) object;

  if (self->watch != NULL)
    g_source_destroy (self->watch);
  g_clear_pointer (&self->watch, g_source_unref);

  /* Statements first: they belong to the connection. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->conn != NULL)
    self->engine->close (self->conn);
  g_clear_pointer (&self->levels, g_array_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->station, g_free);
  g_clear_pointer (&self->gate, crm_store_gate_unref);

  G_OBJECT_CLASS (crm_store_parent_class)->finalize (object);
}

static void
crm_store_class_init (CrmStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_store_finalize;

  /**
   * CrmStore::changed:
   * @change: #CrmStoreChange flags
   * @customer_id: the customer concerned, or 0 for many or none
   *
   * Emitted after a change is committed (once per transaction), and for
   * other connections' commits while crm_store_set_watching() is on.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_INT64);

  /**
   * CrmStore::connection-changed:
   *
   * A shared database's session was lost or came back
   * (crm_store_dup_connection_problem()), or a commit cut off by the
   * loss was found saved or not (crm_store_take_lost_commit()).
   */
  signals[CONNECTION_CHANGED] =
    g_signal_new ("connection-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
crm_store_init (CrmStore *self)
{
  self->engine = &crm_store_sqlite_engine;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) crm_stmt_free);
  self->levels = g_array_new (FALSE, FALSE, sizeof (CrmStoreLevel));
  self->pending_customer = -1;
  self->lost_commit = -1;
  self->revenue_total = -1;
  self->station = g_strdup_printf ("%s/%d", g_get_host_name (), (int) getpid ());
}

void
crm_store_set_sql_error (GError     **error,
                         CrmStore    *self,
                         const char  *what)
{
  if (!describe_failure (self, error))
    g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_SQL,
                 "%s: %s", what, self->engine->errmsg (self->conn));
}

/* The engine's own words for the last failure, for logs. */
const char *
crm_store_errmsg (CrmStore *self)
{
  return self->engine->errmsg (self->conn);
}

/* The id the last INSERT gave its row. */
gint64
crm_store_last_insert_id (CrmStore *self)
{
  return self->engine->last_insert_id (self->conn);
}

/* How many rows the last INSERT, UPDATE or DELETE changed. */
gint64
crm_store_changes (CrmStore *self)
{
  return self->engine->changes (self->conn);
}

/* A number that changes whenever this connection or another one writes:
 * equal values before and after mean nothing was written. */
gint64
crm_store_get_generation (CrmStore *self)
{
  return self->engine->generation (self->conn);
}

/* An ORDER BY term for @column holding names, in the interface
 * language's alphabetical order. */
char *
crm_store_name_order (CrmStore   *self,
                      const char *column)
{
  return self->engine->name_order (column, crm_text_ui_language ());
}

/* Whatever SQL crm_store_exec() runs may write. */
gboolean
crm_store_exec (CrmStore    *self,
                const char  *sql,
                GError     **error)
{
  if (self->gate != NULL && !crm_store_gate_wait (self->gate, error))
    return FALSE;

  return self->engine->exec (self->conn, sql) || crm_store_engine_failed (self, error);
}

/* A statement that writes, on a shop whose check is still running, is
 * handed out once the check has passed (crm_store_open_checking()). */
static gboolean
may_step (CrmStore  *self,
          CrmStmt   *stmt,
          GError   **error)
{
  return self->gate == NULL || !self->engine->writes (stmt) ||
         crm_store_gate_wait (self->gate, error);
}

static CrmStmt *
prepare (CrmStore    *self,
         const char  *sql,
         gboolean     persistent,
         GError     **error)
{
  CrmStmt *stmt = self->engine->prepare (self->conn, sql, persistent);

  if (stmt == NULL)
    crm_store_set_sql_error (error, self, "prepare");

  return stmt;
}

/**
 * crm_store_prepare:
 * @sql: one statement; its text is the cache key
 *
 * Parsing SQL is a large part of a small write: each statement is prepared
 * once per connection and handed out again, reset and with its bindings
 * cleared. Finish with crm_stmt_reset(), never crm_stmt_free(), and do
 * not hand the same statement out twice at once.
 *
 * Returns: (transfer none) (nullable): the statement, or %NULL with @error set
 */
CrmStmt *
crm_store_prepare (CrmStore    *self,
                   const char  *sql,
                   GError     **error)
{
  CrmStmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    {
      self->engine->reset (stmt);
      self->engine->clear_bindings (stmt);
      return may_step (self, stmt, error) ? stmt : NULL;
    }

  stmt = prepare (self, sql, TRUE, error);
  if (stmt != NULL)
    g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt != NULL && may_step (self, stmt, error) ? stmt : NULL;
}

/**
 * crm_store_prepare_once:
 * @sql: one statement, built for this one use
 *
 * For SQL whose text changes from call to call (a filter's WHERE): not
 * cached, so that the cache does not fill with one-offs.
 *
 * Returns: (transfer full) (nullable): the statement, to crm_stmt_free(),
 *   or %NULL with @error set
 */
CrmStmt *
crm_store_prepare_once (CrmStore    *self,
                        const char  *sql,
                        GError     **error)
{
  CrmStmt *stmt = prepare (self, sql, FALSE, error);

  if (stmt != NULL && !may_step (self, stmt, error))
    g_clear_pointer (&stmt, self->engine->finalize);

  return stmt;
}

gboolean
crm_store_step_done (CrmStore      *self,
                     CrmStmt       *stmt,
                     const char    *what,
                     GError       **error)
{
  CrmStmtResult rc;

  /* On a shared server a lone write is a transaction of its own, so
   * that its commit can be looked up if the answer is lost. */
  if (self->engine->shared && self->levels->len == 0)
    {
      gboolean ok;

      if (!crm_store_lock (self, CRM_STORE_LOCK_WRITE, error))
        {
          crm_stmt_reset (stmt);
          return FALSE;
        }
      ok = crm_store_step_done (self, stmt, what, error);
      return crm_store_unlock (self, ok, ok ? error : NULL) && ok;
    }

  rc = crm_stmt_step (stmt);
  crm_stmt_reset (stmt);
  if (rc != CRM_STMT_DONE)
    {
      crm_store_set_sql_error (error, self, what);
      return FALSE;
    }

  if (self->write_counter != NULL)
    g_atomic_int_inc (self->write_counter);
  return TRUE;
}

/**
 * crm_store_set_write_counter:
 * @counter: (nullable): bumped (atomically) by each write, or %NULL
 *
 * Lets another thread follow a long write (moving a whole shop) as it
 * goes; the counter must outlive the store or be unset first.
 */
void
crm_store_set_write_counter (CrmStore *self,
                             gint     *counter)
{
  g_return_if_fail (CRM_IS_STORE (self));

  self->write_counter = counter;
}

/* Binds the sort keys of a name already folded by crm_text_fold()
 * (crm_text_name_key() of it) for English, Georgian and Armenian readers,
 * in that order, from parameter @first on: name_key_en, name_key_ka,
 * name_key_hy. */
void
crm_store_bind_folded_name_keys (CrmStmt    *stmt,
                                 int         first,
                                 const char *folded)
{
  static const char *const languages[] = { "en", "ka", "hy" };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *key = crm_text_name_key (folded, languages[i]);

      crm_stmt_bind_text (stmt, first + (int) i, key);
    }
}

/* The same for a name as written. */
void
crm_store_bind_name_keys (CrmStmt    *stmt,
                          int         first,
                          const char *name)
{
  g_autofree char *folded = crm_text_fold (name);

  crm_store_bind_folded_name_keys (stmt, first, folded);
}

/* Runs @sql, a one-row write with ?1 the row's id and an optional ?2
 * (NULL when @value_is_null). */
gboolean
crm_store_write_id (CrmStore    *self,
                    const char  *sql,
                    gint64       id,
                    gint64       value,
                    gboolean     value_is_null,
                    GError     **error)
{
  CrmStmt *stmt = crm_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  /* ?2 is optional: statements that do not use it ignore the binding. */
  crm_stmt_bind_int64 (stmt, 1, id);
  if (crm_stmt_parameter_count (stmt) >= 2)
    {
      if (value_is_null)
        crm_stmt_bind_null (stmt, 2);
      else
        crm_stmt_bind_int64 (stmt, 2, value);
    }

  return crm_store_step_done (self, stmt, "write", error);
}

/**
 * crm_store_check_outside_changes:
 *
 * Asks the engine now whether another program or PC committed a change
 * since the last check, and emits "changed" for it. Inside a transaction
 * nothing can be seen yet: the check waits for the next one.
 *
 * Returns: %TRUE if "changed" was emitted for an outside change
 */
gboolean
crm_store_check_outside_changes (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  if (self->levels->len > 0)
    return FALSE;

  return self->engine->poll (self->conn, outside_change_cb, self);
}

/**
 * crm_store_set_watching:
 * @watching: whether to follow other connections' changes
 *
 * While on, the thread-default main context checks for other programs'
 * and PCs' changes as the engine sees fit (the SQLite file: every second)
 * and "changed" is emitted for them.
 */
void
crm_store_set_watching (CrmStore *self,
                        gboolean  watching)
{
  g_return_if_fail (CRM_IS_STORE (self));

  if (watching == (self->watch != NULL))
    return;

  if (!watching)
    {
      g_source_destroy (self->watch);
      g_clear_pointer (&self->watch, g_source_unref);
      return;
    }

  self->watch = self->engine->watch (self->conn);
  g_source_set_callback (self->watch, watch_cb, self, NULL);
  g_source_set_static_name (self->watch, "[clientele] store changes");
  g_source_attach (self->watch, g_main_context_get_thread_default ());
}

/* Whether the store's folder takes new files: WAL mode needs two beside
 * the database, so a read-only folder would fail at the first write. */
static gboolean
check_folder_writable (const char  *folder,
                       GError     **error)
{
  g_autofree char *inside = NULL;

  if (g_access (folder, W_OK) == 0)
    return TRUE;

  inside = g_build_filename (folder, CRM_STORE_FILE_NAME, NULL);
  crm_store_set_failure_error (error, CRM_STORE_FAILURE_READ_ONLY, inside, NULL);
  return FALSE;
}

/* Reads @path on a connection of its own that never writes: the header,
 * the schema and, unless it has no tables yet, every page. A missing or
 * empty file is a new shop and passes. */
static gboolean
check_path (const char  *path,
            GError     **error)
{
  g_autoptr(CrmStore) probe = NULL;
  gboolean empty = TRUE;
  GStatBuf st;

  if (g_stat (path, &st) != 0 || st.st_size == 0)
    return TRUE;

  probe = g_object_new (CRM_TYPE_STORE, NULL);
  if (probe->engine->open_read_only == NULL || probe->engine->check == NULL)
    return TRUE;

  probe->path = g_strdup (path);
  probe->read_only = TRUE;
  probe->conn = probe->engine->open_read_only (path, error);

  return probe->conn != NULL &&
         crm_store_check_schema (probe, &empty, error) &&
         (empty || probe->engine->check (probe->conn, error));
}

static gboolean
open_read_only (CrmStore           *self,
                CrmStoreOpenFlags   flags,
                GError            **error)
{
  gboolean snapshot = (flags & CRM_STORE_OPEN_SNAPSHOT) != 0;
  gboolean empty = TRUE;
  gint64 version = 0;

  if ((snapshot ? self->engine->open_snapshot : self->engine->open_read_only) == NULL)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_SUPPORTED,
                   _("This kind of database cannot be opened read-only here."));
      return FALSE;
    }

  self->read_only = TRUE;
  self->conn = snapshot ? self->engine->open_snapshot (self->path, error)
                        : self->engine->open_read_only (self->path, error);
  if (self->conn == NULL || !crm_store_check_schema (self, &empty, error))
    return FALSE;

  if (empty)
    {
      g_autofree char *folder = g_path_get_dirname (self->path);

      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NO_SHOP,
                   _("There is no shop in the folder “%s” yet: its database is empty."), folder);
      return FALSE;
    }

  if (!(flags & CRM_STORE_OPEN_CHECKED) && !self->engine->check (self->conn, error))
    return FALSE;

  /* A copy in memory may be brought up to date; the file itself not. */
  if (snapshot)
    return crm_store_upgrade_schema (self, error);

  if (!self->engine->get_schema_version (self->conn, &version))
    return crm_store_engine_failed (self, error);

  if (version < CRM_STORE_SCHEMA_VERSION && !(flags & CRM_STORE_OPEN_ANY_SCHEMA))
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_OLDER_SCHEMA,
                   _("“%s” was saved by an older version of Clientele. Open Clientele on it once "
                     "to bring it up to date (a backup is made first); it was only read."),
                   self->path);
      return FALSE;
    }

  self->schema_version = (guint) version;
  return TRUE;
}

/* Checks, opens, configures and migrates, in that order: a database that
 * is refused has only been read, on a connection that cannot write.
 * @self has its engine, path and location. */
gboolean
crm_store_open_engine (CrmStore           *self,
                       CrmStoreOpenFlags   flags,
                       GError            **error)
{
  gboolean empty = TRUE;
  gint64 version = 0;

  if (flags & (CRM_STORE_OPEN_READ_ONLY | CRM_STORE_OPEN_SNAPSHOT))
    return open_read_only (self, flags, error);

  if (!(flags & (CRM_STORE_OPEN_CHECKED | CRM_STORE_OPEN_CHECK_LATER)) &&
      !check_path (self->path, error))
    return FALSE;

  self->conn = self->engine->open (self->location, FALSE, error);
  if (self->conn == NULL ||
      !crm_store_check_schema (self, &empty, error))
    return FALSE;

  if ((flags & CRM_STORE_OPEN_CHECK_LATER) &&
      (empty || !self->engine->get_schema_version (self->conn, &version) ||
       version != CRM_STORE_SCHEMA_VERSION))
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_OLDER_SCHEMA,
                   "“%s” needs its check before it opens", self->path);
      return FALSE;
    }

  if (!self->engine->configure (self->conn, error))
    return FALSE;

  /* A copy before every migration, kept beside the others; without it,
   * the database stays as it is. A shared server's copies are its
   * administrator's (docs/scale.md). */
  if (!empty && self->engine->backup_to != NULL &&
      self->engine->get_schema_version (self->conn, &version) &&
      version > 0 && version < CRM_STORE_SCHEMA_VERSION &&
      !(flags & (CRM_STORE_OPEN_NO_BACKUP | CRM_STORE_OPEN_BACKED_UP)) &&
      !crm_store_backup_before_update (self, (guint) version, error))
    return FALSE;

  return crm_store_upgrade_schema (self, error);
}

/**
 * crm_store_open_unchecked:
 * @path: an SQLite file, created if missing
 *
 * A connection with no checks, settings or migrations: for tests that
 * build a database step by step as an older program would have left it.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
CrmStore *
crm_store_open_unchecked (const char  *path,
                          GError     **error)
{
  g_autoptr(CrmStore) self = g_object_new (CRM_TYPE_STORE, NULL);

  self->path = g_strdup (path);
  self->location = g_strdup (path);
  self->conn = self->engine->open (path, TRUE, error);
  if (self->conn == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * crm_store_open_file:
 * @path: the database file itself, in a folder that exists
 *
 * crm_store_open_full() on a file rather than a data folder: for the
 * store's own copies (a restore's staged copy, a salvage's new file).
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
CrmStore *
crm_store_open_file (const char         *path,
                     CrmStoreOpenFlags   flags,
                     GError            **error)
{
  g_autoptr(CrmStore) self = g_object_new (CRM_TYPE_STORE, NULL);

  self->path = g_strdup (path);
  self->location = g_strdup (path);
  if (!crm_store_open_engine (self, flags, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * crm_store_open:
 * @data_dir: the folder that holds (or will hold) clientele.db
 *
 * crm_store_open_full() with %CRM_STORE_OPEN_DEFAULT.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
CrmStore *
crm_store_open (const char  *data_dir,
                GError     **error)
{
  return crm_store_open_full (data_dir, CRM_STORE_OPEN_DEFAULT, error);
}

/**
 * crm_store_open_full:
 * @data_dir: the folder that holds (or will hold) clientele.db
 * @flags: read-only, a snapshot, or already checked
 *
 * Opens the shop's database. By default the folder (0700) and the file
 * (0600) are created when they do not exist, the whole file is checked
 * (crm_store_check_file()) before anything writes, and an older schema is
 * brought up to date after a backup of it. A damaged file, another
 * program's database or one written by a newer Clientele is refused with
 * a message for the user and left unchanged. With
 * %CRM_STORE_OPEN_READ_ONLY nothing is created, migrated or written, and
 * a missing folder or file is an error that names the folder.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
CrmStore *
crm_store_open_full (const char         *data_dir,
                     CrmStoreOpenFlags   flags,
                     GError            **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  path = g_build_filename (data_dir, CRM_STORE_FILE_NAME, NULL);

  if (flags & (CRM_STORE_OPEN_READ_ONLY | CRM_STORE_OPEN_SNAPSHOT))
    {
      if (!g_file_test (data_dir, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NO_SHOP,
                       _("There is no data folder “%s”. Nothing was read or written: "
                         "check the folder given with --data-dir or CLIENTELE_DATA_DIR."),
                       data_dir);
          return NULL;
        }

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NO_SHOP,
                       _("There is no shop in the folder “%s”: it holds no %s."),
                       data_dir, CRM_STORE_FILE_NAME);
          return NULL;
        }
    }
  else
    {
      if (g_mkdir_with_parents (data_dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, CRM_STORE_ERROR,
                       saved_errno == EROFS || saved_errno == EACCES ? CRM_STORE_ERROR_READ_ONLY
                                                                     : CRM_STORE_ERROR_IO,
                       _("Could not create the data folder “%s”: %s"),
                       data_dir, g_strerror (saved_errno));
          return NULL;
        }

      if (!check_folder_writable (data_dir, error))
        return NULL;
    }

  return crm_store_open_file (path, flags, error);
}

/**
 * crm_store_check_file:
 * @data_dir: the shop's folder
 *
 * The check crm_store_open_full() makes before anything writes, on its
 * own connection that never writes, so that it can run in a worker
 * thread while the window waits: the header, the schema and every page
 * of the file. Passes for a folder with no shop yet.
 *
 * Returns: %TRUE if the shop may be opened, %FALSE with @error set to a
 *   message for the user (%CRM_STORE_ERROR_DAMAGED for damage inside)
 */
gboolean
crm_store_check_file (const char  *data_dir,
                      GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (data_dir != NULL, FALSE);

  path = g_build_filename (data_dir, CRM_STORE_FILE_NAME, NULL);
  return check_path (path, error);
}

/**
 * crm_store_open_checking:
 * @data_dir: the shop's folder
 *
 * Opens a shop that is there and up to date without waiting for the
 * whole-file check, which the caller runs meanwhile in a worker and ends
 * with crm_store_end_check(): a big shop's window shows its customers
 * at once. Reads go ahead; every write (on this store and on those
 * crm_store_reopen() makes from it) waits for the check and fails with
 * its error if it does not pass, so that nothing writes into damage.
 *
 * Returns: (transfer full): the store, or %NULL with @error set when the
 *   shop cannot open this way (no file yet, an update of its schema, a
 *   file that is not a shop): then open it with crm_store_open_full()
 */
CrmStore *
crm_store_open_checking (const char  *data_dir,
                         GError     **error)
{
  g_autoptr(CrmStore) self = NULL;
  g_autofree char *path = NULL;
  GStatBuf st;

  g_return_val_if_fail (data_dir != NULL, NULL);

  path = g_build_filename (data_dir, CRM_STORE_FILE_NAME, NULL);
  if (g_stat (path, &st) != 0 || st.st_size == 0)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NO_SHOP,
                   "no shop in “%s” yet", data_dir);
      return NULL;
    }

  self = crm_store_open_file (path, CRM_STORE_OPEN_CHECK_LATER, error);
  if (self == NULL)
    return NULL;

  self->gate = crm_store_gate_new ();

  return g_steal_pointer (&self);
}

/**
 * crm_store_is_read_only:
 *
 * Returns: whether the store was opened to read only (or on a snapshot)
 */
gboolean
crm_store_is_read_only (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  return self->read_only;
}

const char *
crm_store_get_path (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  return self->path;
}

guint
crm_store_get_schema_version (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  return self->schema_version;
}

void
crm_store_set_now_func (CrmStore   *self,
                        CrmNowFunc  func,
                        gpointer    user_data)
{
  g_return_if_fail (CRM_IS_STORE (self));

  self->now_func = func;
  self->now_data = user_data;
}

/**
 * crm_store_now:
 *
 * Returns: the current time in Unix seconds, from the clock tests may replace
 */
gint64
crm_store_now (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  if (self->now_func != NULL)
    return self->now_func (self->now_data);

  return g_get_real_time () / G_USEC_PER_SEC;
}
