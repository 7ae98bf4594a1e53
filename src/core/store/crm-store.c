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
#ifdef HAVE_LIBPQ
#include "crm-store-pg-private.h"
#endif

G_DEFINE_FINAL_TYPE (CrmStore, crm_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (crm-store-error-quark, crm_store_error)

enum {
  CHANGED,
  CONNECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Sets @error to the engine's words for what just failed; returns FALSE. */
gboolean
crm_store_engine_failed (CrmStore  *self,
                         GError   **error)
{
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
  g_signal_emit (self, signals[CHANGED], 0, change, customer_id);
}

static void
outside_change_cb (guint     change,
                   gint64    customer_id,
                   gpointer  user_data)
{
  CrmStore *self = user_data;

  g_debug ("Changed elsewhere: 0x%x, customer %" G_GINT64_FORMAT, change, customer_id);
  /* Another PC's purchases move the revenue our shares are of. */
  crm_store_read_revenue_total (self, NULL);
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
  self->station = g_strdup_printf ("%s/%d", g_get_host_name (), (int) getpid ());
}

void
crm_store_set_sql_error (GError     **error,
                         CrmStore    *self,
                         const char  *what)
{
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

gboolean
crm_store_exec (CrmStore    *self,
                const char  *sql,
                GError     **error)
{
  return self->engine->exec (self->conn, sql) || crm_store_engine_failed (self, error);
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
      return stmt;
    }

  stmt = prepare (self, sql, TRUE, error);
  if (stmt != NULL)
    g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
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
  return prepare (self, sql, FALSE, error);
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

/* Opens, checks, configures and migrates, in that order: a database that
 * is refused has only been read. */
static gboolean
open_database (CrmStore  *self,
               GError   **error)
{
  self->conn = self->engine->open (self->location, FALSE, error);

  return self->conn != NULL &&
         crm_store_check_schema (self, error) &&
         self->engine->configure (self->conn, error) &&
         crm_store_upgrade_schema (self, error);
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
 * crm_store_open:
 * @data_dir: the folder that holds (or will hold) clientele.db
 *
 * Opens the shop's database, creating the folder (0700) and the file (0600)
 * when they do not exist and bringing an older schema up to date.
 * A damaged file, another program's database or one written by a newer
 * Clientele is refused with a message for the user and left unchanged.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
CrmStore *
crm_store_open (const char  *data_dir,
                GError     **error)
{
  g_autoptr(CrmStore) self = NULL;

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_mkdir_with_parents (data_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_IO,
                   _("Could not create the data folder “%s”: %s"),
                   data_dir, g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (CRM_TYPE_STORE, NULL);
  self->path = g_build_filename (data_dir, CRM_STORE_FILE_NAME, NULL);
  self->location = g_strdup (self->path);

  if (!open_database (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * crm_store_is_shared_location:
 * @database: what --database or CLIENTELE_DATABASE says
 *
 * Returns: whether @database names a shared PostgreSQL database: a
 *   postgresql:// (or postgres://) URI or a libpq "key=value …" string
 */
gboolean
crm_store_is_shared_location (const char *database)
{
  return database != NULL &&
         (g_str_has_prefix (database, "postgresql://") ||
          g_str_has_prefix (database, "postgres://") ||
          strchr (database, '=') != NULL);
}

/**
 * crm_store_describe_location:
 * @database: a shared database's URI or connection string
 *
 * Returns: (transfer full): what a message may show of @database: never
 *   its password
 */
char *
crm_store_describe_location (const char *database)
{
#ifdef HAVE_LIBPQ
  return crm_store_pg_describe (database);
#else
  return g_strdup ("postgresql://…");
#endif
}

/**
 * crm_store_open_shared:
 * @database: a postgresql:// URI or a libpq connection string; the
 *   password comes from ~/.pgpass (or PGPASSFILE) when it has none
 *
 * Opens the shop on a shared PostgreSQL database, creating Clientele's
 * tables in an empty one and bringing an older schema up to date; one
 * that holds another program's tables is refused and left unchanged.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
CrmStore *
crm_store_open_shared (const char  *database,
                       GError     **error)
{
  g_autoptr(CrmStore) self = NULL;

  g_return_val_if_fail (database != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

#ifdef HAVE_LIBPQ
  self = g_object_new (CRM_TYPE_STORE, NULL);
  self->engine = &crm_store_pg_engine;
  self->location = g_strdup (database);
  self->path = crm_store_pg_describe (database);

  if (!open_database (self, error))
    return NULL;

  return g_steal_pointer (&self);
#else
  g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_IO,
                       _("This build of Clientele has no PostgreSQL support: "
                         "it can only keep the shop in a file on this PC."));
  return NULL;
#endif
}

/**
 * crm_store_open_database:
 * @data_dir: the folder of the shop's file
 * @database: (nullable): a shared database, or %NULL (or "") for the file
 *
 * crm_store_open_shared() when @database is set, else crm_store_open().
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
CrmStore *
crm_store_open_database (const char  *data_dir,
                         const char  *database,
                         GError     **error)
{
  if (database != NULL && database[0] != '\0')
    return crm_store_open_shared (database, error);

  return crm_store_open (data_dir, error);
}

/**
 * crm_store_reopen:
 *
 * A second connection to the same database, for a worker thread (a
 * connection is never shared between threads).
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
CrmStore *
crm_store_reopen (CrmStore  *self,
                  GError   **error)
{
  g_autofree char *data_dir = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  if (self->engine != &crm_store_sqlite_engine)
    return crm_store_open_shared (self->location, error);

  data_dir = g_path_get_dirname (self->path);
  return crm_store_open (data_dir, error);
}

/**
 * crm_store_is_shared:
 *
 * Returns: whether the shop is on a shared database (several PCs)
 */
gboolean
crm_store_is_shared (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  return self->engine->shared;
}

/**
 * crm_store_dup_connection_problem:
 *
 * Returns: (transfer full) (nullable): words for the shop owner while the
 *   shared database cannot be reached, or %NULL when all is well
 */
char *
crm_store_dup_connection_problem (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  return g_strdup (self->problem);
}

/**
 * crm_store_get_station:
 *
 * Returns: this PC as a claim records it (host and process unless set)
 */
const char *
crm_store_get_station (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  return self->station;
}

/* Names this PC in its claims (tests run several "PCs" in one process). */
void
crm_store_set_station (CrmStore   *self,
                       const char *station)
{
  g_return_if_fail (CRM_IS_STORE (self));
  g_return_if_fail (station != NULL);

  g_free (self->station);
  self->station = g_strdup (station);
}

/**
 * crm_store_take_lost_commit:
 *
 * After the session came back: whether the change whose commit the loss
 * cut off was saved (1) or not (0); -1 when there was none or it is not
 * known yet. Each answer is given once.
 */
int
crm_store_take_lost_commit (CrmStore *self)
{
  int outcome;

  g_return_val_if_fail (CRM_IS_STORE (self), -1);

  outcome = self->lost_commit;
  self->lost_commit = -1;
  return outcome;
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
