/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "crm-store-private.h"
#include "crm-text.h"

G_DEFINE_FINAL_TYPE (CrmStore, crm_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (crm-store-error-quark, crm_store_error)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Times are Unix seconds in UTC, money is integer minor units of the shop's
 * currency (settings key "shop.currency"). docs/schema.md explains every
 * column; keep the two in step. */
static const char schema_1[] =
  "CREATE TABLE settings ("
  "  key   TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"

  "CREATE TABLE staff ("
  "  id          INTEGER PRIMARY KEY,"
  "  name        TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  language    TEXT NOT NULL DEFAULT '' CHECK (language IN ('', 'en', 'ka', 'hy')),"
  "  archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),"
  "  created_at  INTEGER NOT NULL"
  ");"

  "CREATE TABLE customers ("
  "  id               INTEGER PRIMARY KEY,"
  "  name             TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  phone            TEXT NOT NULL DEFAULT '',"
  "  email            TEXT NOT NULL DEFAULT '',"
  "  address          TEXT NOT NULL DEFAULT '',"
  "  birthday         TEXT CHECK (birthday IS NULL OR birthday GLOB"
  "                     '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
  "  notes            TEXT NOT NULL DEFAULT '',"
  "  segment_override TEXT CHECK (segment_override IN ('key', 'secondary')),"
  "  archived_at      INTEGER,"
  "  created_at       INTEGER NOT NULL,"
  "  updated_at       INTEGER NOT NULL"
  ");"
  "CREATE INDEX customers_phone ON customers (phone) WHERE phone <> '';"
  "CREATE INDEX customers_email ON customers (email) WHERE email <> '';"

  "CREATE TABLE tags ("
  "  id   INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length (trim (name)) > 0)"
  ");"

  "CREATE TABLE customer_tags ("
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  tag_id      INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (customer_id, tag_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX customer_tags_tag ON customer_tags (tag_id);"

  "CREATE TABLE purchases ("
  "  id          INTEGER PRIMARY KEY,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  at          INTEGER NOT NULL,"
  "  amount      INTEGER NOT NULL,"
  "  description TEXT NOT NULL DEFAULT '',"
  "  staff_id    INTEGER REFERENCES staff (id) ON DELETE SET NULL,"
  "  created_at  INTEGER NOT NULL"
  ");"
  "CREATE INDEX purchases_customer_at ON purchases (customer_id, at);"
  "CREATE INDEX purchases_at ON purchases (at);"

  "CREATE TABLE interactions ("
  "  id          INTEGER PRIMARY KEY,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  at          INTEGER NOT NULL,"
  "  kind        TEXT NOT NULL CHECK (kind IN ('call', 'visit', 'message', 'email', 'other')),"
  "  note        TEXT NOT NULL DEFAULT '',"
  "  staff_id    INTEGER REFERENCES staff (id) ON DELETE SET NULL"
  ");"
  "CREATE INDEX interactions_customer_at ON interactions (customer_id, at);"

  "CREATE TABLE follow_ups ("
  "  id            INTEGER PRIMARY KEY,"
  "  customer_id   INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  due_at        INTEGER NOT NULL,"
  "  note          TEXT NOT NULL DEFAULT '',"
  "  repeat_days   INTEGER CHECK (repeat_days IS NULL OR repeat_days > 0),"
  "  snoozed_until INTEGER,"
  "  notified_at   INTEGER,"
  "  done_at       INTEGER,"
  "  created_at    INTEGER NOT NULL"
  ");"
  "CREATE INDEX follow_ups_pending ON follow_ups (due_at) WHERE done_at IS NULL;"
  "CREATE INDEX follow_ups_customer ON follow_ups (customer_id);"

  "CREATE TABLE feedback ("
  "  id            INTEGER PRIMARY KEY,"
  "  customer_id   INTEGER REFERENCES customers (id) ON DELETE SET NULL,"
  "  received_at   INTEGER NOT NULL,"
  "  kind          TEXT NOT NULL CHECK (kind IN ('complaint', 'praise', 'suggestion', 'question')),"
  "  rating        INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),"
  "  channel       TEXT NOT NULL DEFAULT 'in-store'"
  "                  CHECK (channel IN ('in-store', 'phone', 'email', 'social', 'other')),"
  "  text          TEXT NOT NULL DEFAULT '',"
  "  status        TEXT NOT NULL DEFAULT 'new'"
  "                  CHECK (status IN ('new', 'in_progress', 'resolved')),"
  "  is_read       INTEGER NOT NULL DEFAULT 0 CHECK (is_read IN (0, 1)),"
  "  response      TEXT,"
  "  responded_at  INTEGER,"
  "  resolved_at   INTEGER,"
  "  staff_id      INTEGER REFERENCES staff (id) ON DELETE SET NULL"
  ");"
  "CREATE INDEX feedback_received ON feedback (received_at);"
  "CREATE INDEX feedback_customer ON feedback (customer_id);"

  "CREATE TABLE rewards ("
  "  id          INTEGER PRIMARY KEY,"
  "  name        TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  points_cost INTEGER NOT NULL CHECK (points_cost > 0),"
  "  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))"
  ");"

  "CREATE TABLE loyalty_ledger ("
  "  id          INTEGER PRIMARY KEY,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  at          INTEGER NOT NULL,"
  "  points      INTEGER NOT NULL CHECK (points <> 0),"
  "  reason      TEXT NOT NULL DEFAULT '',"
  "  purchase_id INTEGER REFERENCES purchases (id) ON DELETE SET NULL,"
  "  reward_id   INTEGER REFERENCES rewards (id) ON DELETE SET NULL,"
  "  staff_id    INTEGER REFERENCES staff (id) ON DELETE SET NULL"
  ");"
  "CREATE INDEX loyalty_ledger_customer ON loyalty_ledger (customer_id, at);";

/* Search keys are computed in C (crm-text.c) by the code that writes a
 * customer; the cached figures behind segmentation live in customer_stats,
 * which can always be rebuilt from purchases and interactions. */
static const char schema_2[] =
  "ALTER TABLE customers ADD COLUMN name_key TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE customers ADD COLUMN search_text TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE customers ADD COLUMN phone_key TEXT NOT NULL DEFAULT '';"
  /* "Keep in touch" dismissed: counts as a contact for the cadence. */
  "ALTER TABLE customers ADD COLUMN touch_dismissed_at INTEGER;"
  /* The list reads everything it needs from this index in name order. */
  "CREATE INDEX customers_active_list ON customers (name_key, id, search_text, phone_key, segment_override) "
  "  WHERE archived_at IS NULL;"
  "CREATE INDEX customers_archived ON customers (id) WHERE archived_at IS NOT NULL;"
  "CREATE INDEX customers_phone_key ON customers (phone_key) WHERE phone_key <> '';"

  /* Covering: one pass over this index aggregates every customer, and
   * the date index feeds a period's figures without touching the table. */
  "DROP INDEX purchases_at;"
  "CREATE INDEX purchases_at ON purchases (at, customer_id, amount);"
  "DROP INDEX purchases_customer_at;"
  "CREATE INDEX purchases_customer_at_amount ON purchases (customer_id, at, amount);"

  "CREATE TABLE customer_stats ("
  "  customer_id       INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,"
  "  spend             INTEGER NOT NULL DEFAULT 0,"
  "  purchases         INTEGER NOT NULL DEFAULT 0,"
  "  total_purchases   INTEGER NOT NULL DEFAULT 0,"
  "  first_purchase_at INTEGER,"
  "  last_purchase_at  INTEGER,"
  "  last_visit_at     INTEGER,"
  "  rule_key          INTEGER NOT NULL DEFAULT 0 CHECK (rule_key IN (0, 1))"
  ");"
  "CREATE INDEX customer_stats_spend ON customer_stats (spend, rule_key);"
  "CREATE INDEX customer_stats_last_visit ON customer_stats (last_visit_at);"

  /* The reminder scheduler asks only for the next unannounced time. */
  "CREATE INDEX follow_ups_when ON follow_ups (coalesce (snoozed_until, due_at)) "
  "  WHERE done_at IS NULL AND notified_at IS NULL;";

/* Append new steps at the end; never edit one that has shipped. */
static const CrmMigration migrations[] = {
  { 1, schema_1, NULL },
  { 2, schema_2, crm_store_fill_search_keys },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CRM_STORE_SCHEMA_VERSION);

void
crm_store_set_sql_error (GError     **error,
                         CrmStore    *self,
                         const char  *what)
{
  g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_SQL,
               "%s: %s", what, sqlite3_errmsg (self->db));
}

/* The engine's own words for the last failure, for logs. */
const char *
crm_store_errmsg (CrmStore *self)
{
  return sqlite3_errmsg (self->db);
}

/* The id the last INSERT gave its row. */
gint64
crm_store_last_insert_id (CrmStore *self)
{
  return sqlite3_last_insert_rowid (self->db);
}

/* How many rows the last INSERT, UPDATE or DELETE changed. */
gint64
crm_store_changes (CrmStore *self)
{
  return sqlite3_changes (self->db);
}

/* A number that changes whenever this connection or another one writes:
 * equal values before and after mean nothing was written. */
gint64
crm_store_get_generation (CrmStore *self)
{
  gint64 version = 0;
  CrmStmt *stmt = crm_store_prepare (self, "PRAGMA data_version", NULL);

  if (stmt != NULL && crm_stmt_step (stmt) == CRM_STMT_ROW)
    version = crm_stmt_column_int64 (stmt, 0);
  if (stmt != NULL)
    crm_stmt_reset (stmt);

  return (version << 40) ^ (gint64) sqlite3_total_changes64 (self->db);
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

gboolean
crm_store_step_done (CrmStore      *self,
                     CrmStmt       *stmt,
                     const char    *what,
                     GError       **error)
{
  CrmStmtResult rc = crm_stmt_step (stmt);

  crm_stmt_reset (stmt);
  if (rc != CRM_STMT_DONE)
    {
      crm_store_set_sql_error (error, self, what);
      return FALSE;
    }

  return TRUE;
}

/* Every write of a store function runs inside this savepoint, so that it
 * nests in a caller's transaction and undoes itself alone on failure. */
gboolean
crm_store_savepoint (CrmStore  *self,
                     GError   **error)
{
  return crm_store_exec (self, "SAVEPOINT crm_write", error);
}

/* Ends crm_store_savepoint(): kept when @ok, otherwise rolled back. */
gboolean
crm_store_release (CrmStore  *self,
                   gboolean   ok,
                   GError   **error)
{
  if (ok && crm_store_exec (self, "RELEASE crm_write", error))
    return TRUE;

  crm_store_exec (self, "ROLLBACK TO crm_write; RELEASE crm_write", NULL);
  return FALSE;
}

gboolean
crm_store_exec (CrmStore    *self,
                const char  *sql,
                GError     **error)
{
  g_autofree char *errmsg = NULL;
  char *sqlite_msg = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &sqlite_msg) == SQLITE_OK)
    return TRUE;

  errmsg = g_strdup (sqlite_msg ? sqlite_msg : sqlite3_errmsg (self->db));
  sqlite3_free (sqlite_msg);
  g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_SQL, "%s", errmsg);
  return FALSE;
}

/* Reads a single integer (a PRAGMA or a count). Returns the SQLite result
 * code so that callers can tell "not a database" from other failures. */
static int
query_int (sqlite3    *db,
           const char *sql,
           gint64     *out)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return rc;
}

gboolean
crm_store_run_migrations (CrmStore            *self,
                          const CrmMigration  *steps,
                          gsize                n_steps,
                          GError             **error)
{
  for (gsize i = 0; i < n_steps; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *set_version = NULL;
      gint64 current = 0;

      /* IMMEDIATE takes the write lock first, so two programs opening the
       * same file cannot both run a step; re-read the version under it. */
      if (!crm_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      if (query_int (self->db, "PRAGMA user_version", &current) != SQLITE_OK)
        {
          crm_store_set_sql_error (&local_error, self, "user_version");
          goto failed;
        }

      if ((guint64) current >= steps[i].version)
        {
          if (!crm_store_exec (self, "COMMIT", error))
            return FALSE;
          continue;
        }

      set_version = g_strdup_printf ("PRAGMA user_version = %u", steps[i].version);
      if (!crm_store_exec (self, steps[i].sql, &local_error) ||
          (steps[i].after != NULL && !steps[i].after (self, &local_error)) ||
          !crm_store_exec (self, set_version, &local_error) ||
          !crm_store_exec (self, "COMMIT", &local_error))
        goto failed;

      g_debug ("Database migrated to schema %u", steps[i].version);
      continue;

    failed:
      crm_store_exec (self, "ROLLBACK", NULL);
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MIGRATION,
                   _("Could not update the database to version %u: %s"),
                   steps[i].version, local_error->message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
create_file_private (const char  *path,
                     GError     **error)
{
  int fd;

  /* Create the file ourselves so that it is 0600 from its first byte
   * (SQLite gives the -wal and -shm files the same mode). An existing file
   * is never truncated or chmod-ed. */
  fd = g_open (path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0)
    {
      close (fd);
      return TRUE;
    }

  if (errno == EEXIST)
    return TRUE;

  g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_IO,
               _("Could not create the database “%s”: %s"),
               path, g_strerror (errno));
  return FALSE;
}

/* Everything here only reads: a file we refuse must stay byte for byte as
 * it was, so WAL mode and migrations come after these checks. */
static gboolean
check_file_is_ours (CrmStore  *self,
                    GError   **error)
{
  gint64 n_objects = 0;
  gint64 app_id = 0;
  gint64 version = 0;
  int rc;

  rc = query_int (self->db, "SELECT count(*) FROM sqlite_master", &n_objects);
  if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is damaged or is not a Clientele database. "
                     "It has been left exactly as it was."),
                   self->path);
      return FALSE;
    }
  else if (rc != SQLITE_OK)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_IO,
                   _("Could not read the database “%s”: %s"),
                   self->path, sqlite3_errstr (rc));
      return FALSE;
    }

  if (query_int (self->db, "PRAGMA application_id", &app_id) != SQLITE_OK ||
      query_int (self->db, "PRAGMA user_version", &version) != SQLITE_OK)
    {
      crm_store_set_sql_error (error, self, self->path);
      return FALSE;
    }

  /* A database with tables but neither our id nor a version belongs to
   * some other program: adding our tables to it would damage it. */
  if ((app_id != 0 && app_id != CRM_STORE_APPLICATION_ID) ||
      (app_id == 0 && version == 0 && n_objects > 0))
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_FOREIGN_DATABASE,
                   _("“%s” belongs to another program, not to Clientele. "
                     "It has been left exactly as it was."),
                   self->path);
      return FALSE;
    }

  if (version < 0 || version > CRM_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NEWER_SCHEMA,
                   _("“%s” was saved by a newer version of Clientele "
                     "(database version %d, this program knows up to %d). "
                     "It has been left untouched: please update Clientele to open it."),
                   self->path, (int) version, CRM_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

static int
compare_names (void       *language,
               int         a_len,
               const void *a,
               int         b_len,
               const void *b)
{
  return crm_text_compare_names (a, (gsize) a_len, b, (gsize) b_len, language);
}

/* One collation per interface language, so a query names the order it
 * wants and the comparison never has to look the language up. */
static gboolean
register_collations (CrmStore  *self,
                     GError   **error)
{
  static const char *const languages[] = { "en", "ka", "hy" };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *name = g_strconcat ("crm_name_", languages[i], NULL);

      int rc = sqlite3_create_collation_v2 (self->db, name, SQLITE_UTF8, (void *) languages[i],
                                            compare_names, NULL);

      if (rc != SQLITE_OK)
        {
          g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_IO,
                       _("Could not open the database “%s”: %s"),
                       self->path, sqlite3_errstr (rc));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
configure_connection (CrmStore  *self,
                      GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean wal = FALSE;
  g_autofree char *set_app_id = NULL;

  sqlite3_busy_timeout (self->db, 5000);

  if (!register_collations (self, error))
    return FALSE;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    wal = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
  sqlite3_finalize (stmt);

  if (!wal)
    {
      crm_store_set_sql_error (error, self, _("Could not switch the database to WAL mode"));
      return FALSE;
    }

  set_app_id = g_strdup_printf ("PRAGMA application_id = %d", CRM_STORE_APPLICATION_ID);

  /* NORMAL is durable across application crashes in WAL mode and only
   * risks the last transaction on a power cut. */
  return crm_store_exec (self, "PRAGMA mmap_size = 268435456", error) &&
         crm_store_exec (self, "PRAGMA temp_store = MEMORY", error) &&
         crm_store_exec (self, "PRAGMA foreign_keys = ON", error) &&
         crm_store_exec (self, "PRAGMA synchronous = NORMAL", error) &&
         crm_store_exec (self, set_app_id, error);
}

static gboolean
crm_store_open_file (CrmStore  *self,
                     GError   **error)
{
  gint64 version = 0;
  int rc;

  if (!create_file_private (self->path, error))
    return FALSE;

  /* No SQLITE_OPEN_CREATE: the file exists now, and SQLite must not
   * silently make a fresh one if it vanishes in between. */
  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_IO,
                   _("Could not open the database “%s”: %s"),
                   self->path, sqlite3_errstr (rc));
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, TRUE);

  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_IO,
                   _("The database “%s” is read-only. Check the file’s permissions."),
                   self->path);
      return FALSE;
    }

  if (!check_file_is_ours (self, error) ||
      !configure_connection (self, error) ||
      !crm_store_run_migrations (self, migrations, G_N_ELEMENTS (migrations), error))
    return FALSE;

  if (query_int (self->db, "PRAGMA user_version", &version) != SQLITE_OK)
    {
      crm_store_set_sql_error (error, self, "user_version");
      return FALSE;
    }
  self->schema_version = (guint) version;

  return TRUE;
}

static void
crm_store_finalize (GObject *object)
{
  CrmStore *self = (CrmStore *) object;

  /* sqlite3_close_v2 defers the close until every statement is gone. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);

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
   * Emitted after a change is committed (once per transaction).
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_INT64);
}

static void
crm_store_init (CrmStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) crm_stmt_free);
}

static CrmStmt *
prepare (CrmStore    *self,
         const char  *sql,
         guint        flags,
         GError     **error)
{
  sqlite3_stmt *handle = NULL;
  CrmStmt *stmt;

  if (sqlite3_prepare_v3 (self->db, sql, -1, flags, &handle, NULL) != SQLITE_OK)
    {
      crm_store_set_sql_error (error, self, "prepare");
      sqlite3_finalize (handle);
      return NULL;
    }

  stmt = g_new0 (CrmStmt, 1);
  stmt->handle = handle;
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
      sqlite3_reset (stmt->handle);
      sqlite3_clear_bindings (stmt->handle);
      return stmt;
    }

  stmt = prepare (self, sql, SQLITE_PREPARE_PERSISTENT, error);
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
  return prepare (self, sql, 0, error);
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
  int rc;

  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_IO,
                   "Could not open “%s”: %s", path, sqlite3_errstr (rc));
      return NULL;
    }

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

  if (!crm_store_open_file (self, error))
    return NULL;

  return g_steal_pointer (&self);
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

const CrmMigration *
crm_store_get_migrations (gsize *n_steps)
{
  *n_steps = G_N_ELEMENTS (migrations);
  return migrations;
}

/* The SQLite connection, for the SQLite engine's own code and for tests
 * that look inside the file; nothing else may use it. */
sqlite3 *
crm_store_get_db (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  return self->db;
}

/**
 * crm_store_dup_setting:
 * @key: a shop setting such as "shop.name"
 * @fallback: (nullable): returned when the shop has not set @key
 *
 * Returns: (transfer full) (nullable): the stored value or a copy of @fallback
 */
char *
crm_store_dup_setting (CrmStore   *self,
                       const char *key,
                       const char *fallback)
{
  CrmStmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = crm_store_prepare (self, "SELECT value FROM settings WHERE key = ?1", NULL);
  if (stmt != NULL)
    {
      crm_stmt_bind_text (stmt, 1, key);
      if (crm_stmt_step (stmt) == CRM_STMT_ROW)
        value = crm_stmt_dup_text (stmt, 0);
      crm_stmt_reset (stmt);
    }

  return value ? value : g_strdup (fallback);
}

gboolean
crm_store_set_setting (CrmStore    *self,
                       const char  *key,
                       const char  *value,
                       GError     **error)
{
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  stmt = crm_store_prepare (self,
                            "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                            error);
  if (stmt == NULL)
    return FALSE;

  crm_stmt_bind_text (stmt, 1, key);
  crm_stmt_bind_text (stmt, 2, value);
  if (!crm_store_step_done (self, stmt, key, error))
    return FALSE;

  /* Segment rules live in settings: the figures follow them at once. A
   * new window length changes every customer's figures, not just ranks. */
  if (g_str_equal (key, "segment.window_days"))
    crm_store_refresh_stats (self, 0, NULL);
  if (g_str_has_prefix (key, "segment."))
    crm_store_rank_customers (self, NULL);

  crm_store_emit_changed (self, CRM_STORE_CHANGE_SETTINGS, 0);
  return TRUE;
}

gint
crm_store_get_setting_int (CrmStore   *self,
                           const char *key,
                           gint        fallback)
{
  g_autofree char *value = crm_store_dup_setting (self, key, NULL);
  gint64 parsed;
  char *end = NULL;

  if (value == NULL)
    return fallback;

  parsed = g_ascii_strtoll (value, &end, 10);
  if (end == value || *end != '\0' || parsed < G_MININT || parsed > G_MAXINT)
    return fallback;

  return (gint) parsed;
}

/**
 * crm_store_dup_currency:
 *
 * Returns: (transfer full): the shop's currency code, GEL until one is chosen
 */
char *
crm_store_dup_currency (CrmStore *self)
{
  return crm_store_dup_setting (self, "shop.currency", "GEL");
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

void
crm_store_emit_changed (CrmStore       *self,
                        CrmStoreChange  change,
                        gint64          customer_id)
{
  if (self->in_transaction)
    {
      self->pending_changes |= change;
      return;
    }

  g_signal_emit (self, signals[CHANGED], 0, (guint) change, customer_id);
}

/**
 * crm_store_begin:
 *
 * Opens a transaction around many changes (an import, the sample shop):
 * they land together or not at all, and "changed" fires once at commit.
 */
gboolean
crm_store_begin (CrmStore  *self,
                 GError   **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (!crm_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  self->in_transaction = TRUE;
  self->pending_changes = 0;
  return TRUE;
}

gboolean
crm_store_commit (CrmStore  *self,
                  GError   **error)
{
  guint changes;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (self->needs_refresh)
    {
      gboolean ok;

      self->refreshing_all = TRUE;
      ok = crm_store_refresh_stats (self, 0, error) && crm_store_rank_customers (self, error);
      self->refreshing_all = FALSE;
      self->needs_refresh = FALSE;
      if (!ok)
        {
          crm_store_rollback (self);
          return FALSE;
        }
      self->pending_changes |= CRM_STORE_CHANGE_SEGMENTS;
    }

  if (!crm_store_exec (self, "COMMIT", error))
    {
      crm_store_rollback (self);
      return FALSE;
    }

  self->in_transaction = FALSE;
  changes = self->pending_changes;
  self->pending_changes = 0;
  if (changes != 0)
    g_signal_emit (self, signals[CHANGED], 0, changes, (gint64) 0);

  return TRUE;
}

void
crm_store_rollback (CrmStore *self)
{
  g_return_if_fail (CRM_IS_STORE (self));

  if (!self->in_transaction)
    return;

  crm_store_exec (self, "ROLLBACK", NULL);
  self->in_transaction = FALSE;
  self->pending_changes = 0;
  self->needs_refresh = FALSE;
}
