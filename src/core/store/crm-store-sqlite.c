/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The SQLite engine: the shop in one file on one PC, in WAL mode. The only
 * file that calls sqlite3_*(); every other store file goes through
 * CrmStoreEngine (crm-store-engine.h). */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "crm-store-private.h"
#include "crm-store-sqlite-private.h"
#include "crm-text.h"

/* WAL left after a checkpoint is cut back to this, so that one big import
 * or a write that failed on a full disk does not keep its space. */
#define JOURNAL_SIZE_LIMIT "4194304"

/* Pages in the WAL before they are copied into the file (SQLite's default
 * is 1000): a WAL that is small to begin with cannot fill a nearly full
 * disk, and what it holds fits in the file once there is room again. */
#define WAL_AUTOCHECKPOINT "200"

typedef struct
{
  CrmStmt       parent;
  sqlite3_stmt *handle;
} SqliteStmt;

#define HANDLE(stmt) (((SqliteStmt *) (stmt))->handle)

static gboolean register_functions (sqlite3 *db);

/* Reads a single integer (a PRAGMA or a count). Returns the SQLite result
 * code so that callers can tell "not a database" from other failures. */
int
crm_sqlite_query_int (sqlite3    *db,
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

CrmStoreConn *
crm_sqlite_conn_new (const char *path,
                     sqlite3    *db)
{
  CrmStoreConn *conn = g_new0 (CrmStoreConn, 1);

  conn->path = g_strdup (path);
  conn->db = db;
  return conn;
}

static gboolean
wal_has_frames (CrmStoreConn *conn)
{
  const char *wal = sqlite3_filename_wal (sqlite3_db_filename (conn->db, "main"));
  GStatBuf st;

  return wal == NULL || g_stat (wal, &st) != 0 || st.st_size > 0;
}

void
crm_sqlite_close (CrmStoreConn *conn)
{
  if (conn == NULL)
    return;

  /* Everything in the WAL goes into the file and the WAL is emptied, so
   * that a closed shop is one file and leaves no journal behind, even
   * when another program still has it open. A connection that may not
   * write leaves that to the others. An empty WAL is left alone: every
   * truncation is a change in every other connection's data_version,
   * and the window reads everything again for it (a worker closing its
   * connection would make the window refresh, start a worker, and so on). */
  sqlite3_finalize (conn->data_version);
  if (conn->db != NULL && conn->writable && wal_has_frames (conn))
    sqlite3_wal_checkpoint_v2 (conn->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);

  /* sqlite3_close_v2 defers the close until every statement is gone. */
  sqlite3_close_v2 (conn->db);
  g_free (conn->path);
  g_free (conn);
}

static gboolean
read_data_version (CrmStoreConn *conn,
                   gint64       *version)
{
  gboolean ok;

  if (conn->data_version == NULL &&
      sqlite3_prepare_v3 (conn->db, "PRAGMA data_version", -1, SQLITE_PREPARE_PERSISTENT,
                          &conn->data_version, NULL) != SQLITE_OK)
    return FALSE;

  ok = sqlite3_step (conn->data_version) == SQLITE_ROW;
  if (ok)
    *version = sqlite3_column_int64 (conn->data_version, 0);
  sqlite3_reset (conn->data_version);

  return ok;
}

/* The busy timeout comes before the first statement: reading the schema
 * while another program writes must wait for it, not fail. */
int
crm_sqlite_open_db (const char  *location,
                    int          flags,
                    sqlite3    **db)
{
  int rc = sqlite3_open_v2 (location, db, flags | SQLITE_OPEN_FULLMUTEX, NULL);

  if (*db != NULL)
    {
      sqlite3_busy_timeout (*db, CRM_SQLITE_BUSY_MS);
      sqlite3_extended_result_codes (*db, TRUE);
      /* Every connection, read-only and copies too: store SQL spells
       * these functions as PostgreSQL does. */
      if (rc == SQLITE_OK && !register_functions (*db))
        rc = SQLITE_ERROR;
    }

  return rc;
}

static CrmStoreConn *
sqlite_open (const char  *location,
             gboolean     raw,
             GError     **error)
{
  g_autoptr(CrmStoreConn) conn = crm_sqlite_conn_new (location, NULL);
  int rc;

  if (raw)
    {
      rc = crm_sqlite_open_db (location, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &conn->db);
      if (rc != SQLITE_OK)
        {
          g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_IO,
                       "Could not open “%s”: %s", location, sqlite3_errstr (rc));
          return NULL;
        }

      read_data_version (conn, &conn->seen_version);
      conn->writable = TRUE;
      return g_steal_pointer (&conn);
    }

  if (!create_file_private (location, error))
    return NULL;

  /* No SQLITE_OPEN_CREATE: the file exists now, and SQLite must not
   * silently make a fresh one if it vanishes in between. */
  rc = crm_sqlite_open_db (location, SQLITE_OPEN_READWRITE, &conn->db);
  if (rc != SQLITE_OK)
    {
      crm_sqlite_set_file_error (error, rc, location);
      return NULL;
    }

  if (sqlite3_db_readonly (conn->db, "main") == 1)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_READ_ONLY,
                   _("The database “%s” is read-only. Check the file’s permissions."),
                   location);
      return NULL;
    }

  return g_steal_pointer (&conn);
}

/* Never creates, migrates or writes; only the shared-memory index beside
 * a WAL file may appear, which SQLite needs to read one. */
static CrmStoreConn *
sqlite_open_read_only (const char  *location,
                       GError     **error)
{
  g_autoptr(CrmStoreConn) conn = crm_sqlite_conn_new (location, NULL);
  int rc;

  rc = crm_sqlite_open_db (location, SQLITE_OPEN_READONLY, &conn->db);
  if (rc != SQLITE_OK)
    {
      crm_sqlite_set_file_error (error, rc, location);
      return NULL;
    }

  if (!crm_sqlite_register_collations (conn, error))
    return NULL;

  read_data_version (conn, &conn->seen_version);
  return g_steal_pointer (&conn);
}

/* Only reads: a file we refuse must stay byte for byte as it was. */
static gboolean
sqlite_probe (CrmStoreConn  *conn,
              gboolean      *empty,
              GError       **error)
{
  gint64 n_objects = 0;
  int rc;

  rc = crm_sqlite_query_int (conn->db, "SELECT count(*) FROM sqlite_master", &n_objects);
  if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is damaged or is not a Clientele database. "
                     "It has been left exactly as it was."),
                   conn->path);
      return FALSE;
    }
  else if (rc != SQLITE_OK)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_IO,
                   _("Could not read the database “%s”: %s"),
                   conn->path, sqlite3_errstr (rc));
      return FALSE;
    }

  *empty = n_objects == 0;
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
static const char *const name_languages[] = { "en", "ka", "hy" };

gboolean
crm_sqlite_register_collations (CrmStoreConn  *conn,
                                GError       **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (name_languages); i++)
    {
      g_autofree char *name = g_strconcat ("crm_name_", name_languages[i], NULL);

      int rc = sqlite3_create_collation_v2 (conn->db, name, SQLITE_UTF8, (void *) name_languages[i],
                                            compare_names, NULL);

      if (rc != SQLITE_OK)
        {
          g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_IO,
                       _("Could not open the database “%s”: %s"),
                       conn->path, sqlite3_errstr (rc));
          return FALSE;
        }
    }

  return TRUE;
}

/* PostgreSQL's greatest() and least(), so that store SQL can use one
 * spelling on both engines: NULLs are skipped, and all NULL is NULL
 * (SQLite's own several-argument max() would be NULL). */
static void
extreme_func (sqlite3_context  *context,
              int               argc,
              sqlite3_value   **argv)
{
  int sign = GPOINTER_TO_INT (sqlite3_user_data (context));
  sqlite3_value *best = NULL;

  for (int i = 0; i < argc; i++)
    {
      sqlite3_value *v = argv[i];
      double a, b;

      if (sqlite3_value_type (v) == SQLITE_NULL)
        continue;
      if (best == NULL)
        {
          best = v;
          continue;
        }
      a = sqlite3_value_double (v);
      b = sqlite3_value_double (best);
      if ((sign > 0 && a > b) || (sign < 0 && a < b) ||
          (a == b && sqlite3_value_int64 (v) * sign > sqlite3_value_int64 (best) * sign))
        best = v;
    }

  if (best == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_value (context, best);
}

/* chr (n): PostgreSQL's name for SQLite's char (n). */
static void
chr_func (sqlite3_context  *context,
          int               argc,
          sqlite3_value   **argv)
{
  char buffer[8];
  gint64 c = sqlite3_value_int64 (argv[0]);
  int len;

  if (c <= 0 || c > 0x10FFFF)
    {
      sqlite3_result_null (context);
      return;
    }

  len = g_unichar_to_utf8 ((gunichar) c, buffer);
  sqlite3_result_text (context, buffer, len, SQLITE_TRANSIENT);
}

/* string_agg (text, separator), as PostgreSQL (and SQLite from 3.44)
 * has it: NULLs skipped, NULL when nothing was joined. */
static void
string_agg_step (sqlite3_context  *context,
                 int               argc,
                 sqlite3_value   **argv)
{
  GString **joined = sqlite3_aggregate_context (context, sizeof (GString *));
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  const char *separator = (const char *) sqlite3_value_text (argv[1]);

  if (joined == NULL || text == NULL)
    return;

  if (*joined == NULL)
    *joined = g_string_new (NULL);
  else if (separator != NULL)
    g_string_append (*joined, separator);
  g_string_append (*joined, text);
}

static void
string_agg_final (sqlite3_context *context)
{
  GString **joined = sqlite3_aggregate_context (context, 0);

  if (joined == NULL || *joined == NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  sqlite3_result_text (context, (*joined)->str, (int) (*joined)->len, SQLITE_TRANSIENT);
  g_string_free (*joined, TRUE);
}

static gboolean
register_functions (sqlite3 *db)
{
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

  return sqlite3_create_function_v2 (db, "greatest", -1, flags, GINT_TO_POINTER (1),
                                     extreme_func, NULL, NULL, NULL) == SQLITE_OK &&
         sqlite3_create_function_v2 (db, "least", -1, flags, GINT_TO_POINTER (-1),
                                     extreme_func, NULL, NULL, NULL) == SQLITE_OK &&
         sqlite3_create_function_v2 (db, "chr", 1, flags, NULL,
                                     chr_func, NULL, NULL, NULL) == SQLITE_OK &&
         sqlite3_create_function_v2 (db, "string_agg", 2, flags, NULL,
                                     NULL, string_agg_step, string_agg_final, NULL) == SQLITE_OK;
}

/* Names sort by the key stored per reading language (crm_text_name_key():
 * its byte order is the language's name order), as on PostgreSQL: an
 * index serves the list's order, where a collation callback compared
 * every pair of names on every sort. */
static char *
sqlite_name_order (const char *column,
                   const char *language)
{
  const char *lang = "en";

  for (guint i = 0; i < G_N_ELEMENTS (name_languages); i++)
    if (g_strcmp0 (language, name_languages[i]) == 0)
      lang = name_languages[i];

  if (g_str_has_suffix (column, "name_key"))
    return g_strdup_printf ("%s_%s", column, lang);

  return g_strdup_printf ("%s_key_%s", column, lang);
}

static gboolean
sqlite_exec (CrmStoreConn *conn,
             const char   *sql)
{
  /* sqlite3_exec's own message is a copy of sqlite3_errmsg(). */
  return sqlite3_exec (conn->db, sql, NULL, NULL, NULL) == SQLITE_OK;
}

static gboolean
exec_or_error (CrmStoreConn  *conn,
               const char    *sql,
               GError       **error)
{
  if (sqlite_exec (conn, sql))
    return TRUE;

  g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_SQL, "%s", sqlite3_errmsg (conn->db));
  return FALSE;
}

static gboolean
sqlite_configure (CrmStoreConn  *conn,
                  GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean wal = FALSE;

  if (!crm_sqlite_register_collations (conn, error))
    return FALSE;

  if (sqlite3_prepare_v2 (conn->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    wal = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
  sqlite3_finalize (stmt);

  if (!wal)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_SQL, "%s: %s",
                   _("Could not switch the database to WAL mode"), sqlite3_errmsg (conn->db));
      return FALSE;
    }

  /* NORMAL is durable across application crashes in WAL mode and only
   * risks the last transaction on a power cut. No memory map: every page
   * a full read touched stayed mapped, the whole file in the process's
   * private memory after a few scans; the system's file cache keeps the
   * pages anyway, and SQLite's own cache the hot ones. */
  if (!exec_or_error (conn, "PRAGMA mmap_size = 0", error) ||
      !exec_or_error (conn, "PRAGMA temp_store = MEMORY", error) ||
      !exec_or_error (conn, "PRAGMA foreign_keys = ON", error) ||
      !exec_or_error (conn, "PRAGMA synchronous = NORMAL", error) ||
      !exec_or_error (conn, "PRAGMA journal_size_limit = " JOURNAL_SIZE_LIMIT, error) ||
      !exec_or_error (conn, "PRAGMA wal_autocheckpoint = " WAL_AUTOCHECKPOINT, error) ||
      /* What is deleted or overwritten is zeroed in the file, not left in
       * free space: an erased customer (docs/messages.md) is gone from
       * the bytes too. */
      !exec_or_error (conn, "PRAGMA secure_delete = ON", error))
    return FALSE;

  read_data_version (conn, &conn->seen_version);
  conn->writable = TRUE;
  return TRUE;
}

static CrmStoreFailure
sqlite_failure (CrmStoreConn *conn)
{
  switch (sqlite3_extended_errcode (conn->db) & 0xff)
    {
    case SQLITE_FULL:
      return CRM_STORE_FAILURE_DISK_FULL;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      return CRM_STORE_FAILURE_READ_ONLY;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return CRM_STORE_FAILURE_DAMAGED;
    case SQLITE_IOERR:
      return CRM_STORE_FAILURE_IO;
    default:
      return CRM_STORE_FAILURE_OTHER;
    }
}

/* A file that could not be opened, in words that name it or its folder. */
void
crm_sqlite_set_file_error (GError     **error,
                           int          rc,
                           const char  *path)
{
  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      crm_store_set_failure_error (error, CRM_STORE_FAILURE_DISK_FULL, path, NULL);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      crm_store_set_failure_error (error, CRM_STORE_FAILURE_READ_ONLY, path, NULL);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is damaged or is not a Clientele database. "
                     "It has been left exactly as it was."), path);
      break;
    default:
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_IO,
                   _("Could not open the database “%s”: %s"), path, sqlite3_errstr (rc));
    }
}

static const char *
sqlite_errmsg (CrmStoreConn *conn)
{
  return sqlite3_errmsg (conn->db);
}

static CrmStmt *
sqlite_prepare (CrmStoreConn *conn,
                const char   *sql,
                gboolean      persistent)
{
  sqlite3_stmt *handle = NULL;
  SqliteStmt *stmt;

  if (sqlite3_prepare_v3 (conn->db, sql, -1, persistent ? SQLITE_PREPARE_PERSISTENT : 0,
                          &handle, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (handle);
      return NULL;
    }

  stmt = g_new0 (SqliteStmt, 1);
  stmt->parent.engine = &crm_store_sqlite_engine;
  stmt->handle = handle;
  return &stmt->parent;
}

static gint64
sqlite_last_insert_id (CrmStoreConn *conn)
{
  return sqlite3_last_insert_rowid (conn->db);
}

static gint64
sqlite_changes (CrmStoreConn *conn)
{
  return sqlite3_changes (conn->db);
}

static gint64
sqlite_generation (CrmStoreConn *conn)
{
  gint64 version = 0;

  read_data_version (conn, &version);
  return (version << 40) ^ (gint64) sqlite3_total_changes64 (conn->db);
}

static void
sqlite_bind_int64 (CrmStmt *stmt,
                   int      index,
                   gint64   value)
{
  sqlite3_bind_int64 (HANDLE (stmt), index, value);
}

static void
sqlite_bind_double (CrmStmt *stmt,
                    int      index,
                    double   value)
{
  sqlite3_bind_double (HANDLE (stmt), index, value);
}

static void
sqlite_bind_null (CrmStmt *stmt,
                  int      index)
{
  sqlite3_bind_null (HANDLE (stmt), index);
}

static void
sqlite_bind_text (CrmStmt    *stmt,
                  int         index,
                  const char *text)
{
  sqlite3_bind_text (HANDLE (stmt), index, text, -1, SQLITE_TRANSIENT);
}

static int
sqlite_parameter_count (CrmStmt *stmt)
{
  return sqlite3_bind_parameter_count (HANDLE (stmt));
}

static CrmStmtResult
sqlite_step (CrmStmt *stmt)
{
  switch (sqlite3_step (HANDLE (stmt)))
    {
    case SQLITE_ROW:
      return CRM_STMT_ROW;
    case SQLITE_DONE:
      return CRM_STMT_DONE;
    default:
      return CRM_STMT_ERROR;
    }
}

static void
sqlite_reset (CrmStmt *stmt)
{
  sqlite3_reset (HANDLE (stmt));
}

static void
sqlite_clear_bindings (CrmStmt *stmt)
{
  sqlite3_clear_bindings (HANDLE (stmt));
}

static gboolean
sqlite_column_is_null (CrmStmt *stmt,
                       int      column)
{
  return sqlite3_column_type (HANDLE (stmt), column) == SQLITE_NULL;
}

static gint64
sqlite_column_int64 (CrmStmt *stmt,
                     int      column)
{
  return sqlite3_column_int64 (HANDLE (stmt), column);
}

static double
sqlite_column_double (CrmStmt *stmt,
                      int      column)
{
  return sqlite3_column_double (HANDLE (stmt), column);
}

static const char *
sqlite_column_text (CrmStmt *stmt,
                    int      column)
{
  return (const char *) sqlite3_column_text (HANDLE (stmt), column);
}

static int
sqlite_column_count (CrmStmt *stmt)
{
  return sqlite3_column_count (HANDLE (stmt));
}

static const char *
sqlite_column_name (CrmStmt *stmt,
                    int      column)
{
  return sqlite3_column_name (HANDLE (stmt), column);
}

static gboolean
sqlite_writes (CrmStmt *stmt)
{
  return !sqlite3_stmt_readonly (HANDLE (stmt));
}

static void
sqlite_finalize (CrmStmt *stmt)
{
  sqlite3_finalize (HANDLE (stmt));
  g_free (stmt);
}

/* Readers take their snapshot at the first read; a writer takes the
 * write lock at BEGIN, so that it waits for another writer (busy
 * timeout) instead of failing when its first write would upgrade. */
static gboolean
sqlite_begin (CrmStoreConn *conn,
              CrmStoreLock  lock)
{
  return sqlite_exec (conn, lock == CRM_STORE_LOCK_WRITE ? "BEGIN IMMEDIATE" : "BEGIN");
}

static gboolean
sqlite_commit (CrmStoreConn *conn)
{
  return sqlite_exec (conn, "COMMIT");
}

static void
sqlite_rollback (CrmStoreConn *conn)
{
  sqlite_exec (conn, "ROLLBACK");
}

/* Savepoints are named after their level: crm_1 inside the BEGIN, crm_2
 * inside that, and so on. */
static gboolean
savepoint_exec (CrmStoreConn *conn,
                const char   *verb,
                guint         level)
{
  g_autofree char *sql = g_strdup_printf ("%s crm_%u", verb, level);

  return sqlite_exec (conn, sql);
}

static gboolean
sqlite_savepoint (CrmStoreConn *conn,
                  guint         level)
{
  return savepoint_exec (conn, "SAVEPOINT", level);
}

static gboolean
sqlite_release (CrmStoreConn *conn,
                guint         level)
{
  return savepoint_exec (conn, "RELEASE", level);
}

static void
sqlite_rollback_to (CrmStoreConn *conn,
                    guint         level)
{
  savepoint_exec (conn, "ROLLBACK TO", level);
  savepoint_exec (conn, "RELEASE", level);
}

static gboolean
sqlite_get_schema_version (CrmStoreConn *conn,
                           gint64       *version)
{
  return crm_sqlite_query_int (conn->db, "PRAGMA user_version", version) == SQLITE_OK;
}

static gboolean
sqlite_set_schema_version (CrmStoreConn *conn,
                           guint         version)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %u", version);

  return sqlite_exec (conn, sql);
}

static gboolean
sqlite_get_application_id (CrmStoreConn *conn,
                           gint64       *id)
{
  return crm_sqlite_query_int (conn->db, "PRAGMA application_id", id) == SQLITE_OK;
}

static gboolean
sqlite_set_application_id (CrmStoreConn *conn,
                           guint32       id)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d", (gint32) id);

  return sqlite_exec (conn, sql);
}

static GSource *
sqlite_watch (CrmStoreConn *conn)
{
  /* A PRAGMA a second costs nothing, and another program's write to the
   * shop's file rarely needs to be seen sooner. */
  return g_timeout_source_new_seconds (1);
}

static gboolean
sqlite_poll (CrmStoreConn         *conn,
             CrmStoreEngineNotify  notify,
             gpointer              user_data)
{
  gint64 version;

  if (!read_data_version (conn, &version) || version == conn->seen_version)
    return FALSE;

  /* The file does not say what changed: everything may have. */
  conn->seen_version = version;
  notify (CRM_STORE_CHANGE_ALL, 0, user_data);
  return TRUE;
}

const CrmStoreEngine crm_store_sqlite_engine = {
  .name = "sqlite",

  .open = sqlite_open,
  .close = crm_sqlite_close,
  .probe = sqlite_probe,
  .configure = sqlite_configure,
  .errmsg = sqlite_errmsg,

  .exec = sqlite_exec,
  .prepare = sqlite_prepare,
  .last_insert_id = sqlite_last_insert_id,
  .changes = sqlite_changes,
  .generation = sqlite_generation,
  .name_order = sqlite_name_order,

  .bind_int64 = sqlite_bind_int64,
  .bind_double = sqlite_bind_double,
  .bind_null = sqlite_bind_null,
  .bind_text = sqlite_bind_text,
  .parameter_count = sqlite_parameter_count,
  .step = sqlite_step,
  .reset = sqlite_reset,
  .clear_bindings = sqlite_clear_bindings,
  .column_is_null = sqlite_column_is_null,
  .column_int64 = sqlite_column_int64,
  .column_double = sqlite_column_double,
  .column_text = sqlite_column_text,
  .finalize = sqlite_finalize,
  .writes = sqlite_writes,

  .begin = sqlite_begin,
  .commit = sqlite_commit,
  .rollback = sqlite_rollback,
  .savepoint = sqlite_savepoint,
  .release = sqlite_release,
  .rollback_to = sqlite_rollback_to,

  .get_schema_version = sqlite_get_schema_version,
  .set_schema_version = sqlite_set_schema_version,
  .get_application_id = sqlite_get_application_id,
  .set_application_id = sqlite_set_application_id,

  /* Nothing to send: the others see data_version move. */
  .announce = NULL,
  .watch = sqlite_watch,
  .poll = sqlite_poll,

  /* crm-store-sqlite-files.c */
  .open_read_only = sqlite_open_read_only,
  .open_snapshot = crm_sqlite_open_snapshot,
  .check = crm_sqlite_check,
  .failure = sqlite_failure,
  .backup_to = crm_sqlite_backup_to,
  .restore_from = crm_sqlite_restore_from,
  .salvage_from = crm_sqlite_salvage_from,
  .replace_file = crm_sqlite_replace_file,
  .remove_file = crm_sqlite_remove_file,

  .column_count = sqlite_column_count,
  .column_name = sqlite_column_name,
};

/* The SQLite connection, for tests that look inside the file; nothing
 * else may use it. NULL when the store runs on another engine. */
sqlite3 *
crm_store_get_db (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  if (self->engine != &crm_store_sqlite_engine)
    return NULL;

  return self->conn->db;
}
