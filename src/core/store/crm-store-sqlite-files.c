/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The SQLite engine's whole-file work: the check at open, copies with
 * SQLite's online backup API (backups, restores, the in-memory snapshot
 * of read verbs) and the salvage of a damaged file table by table. The
 * other half of the engine is crm-store-sqlite.c; docs/data-safety.md
 * says why each step is there. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "crm-store-private.h"
#include "crm-store-sqlite-private.h"

/* Pages per backup step: small enough to show progress and notice Cancel
 * a few times a second on a slow disk, big enough not to cost time. */
#define STEP_PAGES 256

/* Sidecar files SQLite may leave beside a database. */
static const char *const sidecars[] = { "-journal", "-wal", "-shm" };

static void
set_damaged_error (GError     **error,
                   const char  *path)
{
  crm_store_set_failure_error (error, CRM_STORE_FAILURE_DAMAGED, path, NULL);
}

/* An error from the file system (errno) while writing @path. */
static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  CrmStoreFailure failure = CRM_STORE_FAILURE_IO;

  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    failure = CRM_STORE_FAILURE_DISK_FULL;
  else if (saved_errno == EROFS || saved_errno == EACCES || saved_errno == EPERM)
    failure = CRM_STORE_FAILURE_READ_ONLY;

  crm_store_set_failure_error (error, failure, path, g_strerror (saved_errno));
}

/* A failed copy: the disk (@dest_path's folder) or the source (damaged). */
static void
set_copy_error (GError     **error,
                int          rc,
                const char  *source_path,
                const char  *dest_path)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      set_damaged_error (error, source_path);
      break;
    case SQLITE_FULL:
      crm_store_set_failure_error (error, CRM_STORE_FAILURE_DISK_FULL, dest_path, NULL);
      break;
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      crm_store_set_failure_error (error, CRM_STORE_FAILURE_READ_ONLY, dest_path, NULL);
      break;
    default:
      crm_store_set_failure_error (error, CRM_STORE_FAILURE_IO, dest_path, sqlite3_errstr (rc));
    }
}

/**
 * crm_sqlite_check:
 *
 * PRAGMA quick_check reads every page of every table and index and checks
 * its structure (not whether each index agrees with its table, which
 * integrity_check adds at several times the cost): a zeroed, truncated or
 * overwritten page is found wherever it is, not only in the header.
 */
gboolean
crm_sqlite_check (CrmStoreConn  *conn,
                  GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *first = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (conn->db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          first = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  if (rc == SQLITE_OK && g_strcmp0 (first, "ok") == 0)
    return TRUE;

  if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_CORRUPT && (rc & 0xff) != SQLITE_NOTADB)
    {
      crm_sqlite_set_file_error (error, rc, conn->path);
      return FALSE;
    }

  /* SQLite's own words name pages, never what is in them. */
  g_debug ("quick_check: %s", first != NULL ? first : sqlite3_errstr (rc));
  set_damaged_error (error, conn->path);
  return FALSE;
}

/* A database file and what SQLite may have left beside it. */
void
crm_sqlite_remove_file (const char *path)
{
  g_unlink (path);
  for (guint i = 0; i < G_N_ELEMENTS (sidecars); i++)
    {
      g_autofree char *sidecar = g_strconcat (path, sidecars[i], NULL);

      g_unlink (sidecar);
    }
}

static gboolean
sync_path (const char  *path,
           gboolean     folder,
           GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | (folder ? O_DIRECTORY : 0), 0);
  int saved_errno;

  if (fd >= 0 && fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }

  saved_errno = errno;
  if (fd >= 0)
    close (fd);

  /* Some file systems cannot sync a folder; the rename still happened. */
  if (folder && (saved_errno == EINVAL || saved_errno == ENOTSUP))
    return TRUE;

  if (error != NULL)
    {
      g_autofree char *inside = folder ? g_build_filename (path, CRM_STORE_FILE_NAME, NULL) : g_strdup (path);

      set_errno_error (error, saved_errno, inside);
    }
  return FALSE;
}

/* Copies @source into @dest with the online backup API, step by step.
 * A read transaction on @source holds one snapshot for the whole copy,
 * so that other programs' commits neither restart nor tear it. */
static gboolean
backup_pages (sqlite3               *dest,
              sqlite3               *source,
              CrmStoreProgressFunc   progress,
              gpointer               user_data,
              GCancellable          *cancellable,
              int                   *rc_out)
{
  sqlite3_backup *backup;
  gboolean own_transaction = sqlite3_get_autocommit (source) != 0;
  guint busy_waits = 0;
  int rc;

  if (own_transaction)
    {
      rc = sqlite3_exec (source, "BEGIN; SELECT count(*) FROM sqlite_master", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          *rc_out = sqlite3_extended_errcode (source);
          sqlite3_exec (source, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
    }

  backup = sqlite3_backup_init (dest, "main", source, "main");
  if (backup == NULL)
    {
      *rc_out = sqlite3_extended_errcode (dest);
      if (own_transaction)
        sqlite3_exec (source, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  do
    {
      rc = sqlite3_backup_step (backup, STEP_PAGES);

      /* Another program holds the destination's write lock: wait for it
       * as long as a store call would. */
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        {
          if (++busy_waits * 20 > CRM_SQLITE_BUSY_MS)
            break;
          sqlite3_sleep (20);
          rc = SQLITE_OK;
        }
      else if (progress != NULL)
        {
          int total = sqlite3_backup_pagecount (backup);

          progress ((guint64) (total - sqlite3_backup_remaining (backup)), (guint64) total, user_data);
        }
    }
  while (rc == SQLITE_OK && !g_cancellable_is_cancelled (cancellable));

  /* An unfinished backup rolls the destination back: Cancel leaves it as
   * it was. */
  sqlite3_backup_finish (backup);
  if (own_transaction)
    sqlite3_exec (source, "COMMIT", NULL, NULL, NULL);

  /* SQLITE_OK here means Cancel stopped the loop. */
  *rc_out = rc == SQLITE_OK ? SQLITE_INTERRUPT : rc;
  return rc == SQLITE_DONE;
}

/* The copy reads as a sound Clientele database, not newer than us. */
static gboolean
copy_is_sound (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64 app_id = 0;
  gint64 version = 0;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);

  return ok &&
         crm_sqlite_query_int (db, "PRAGMA application_id", &app_id) == SQLITE_OK &&
         crm_sqlite_query_int (db, "PRAGMA user_version", &version) == SQLITE_OK &&
         app_id == CRM_STORE_APPLICATION_ID &&
         version > 0 && version <= CRM_STORE_SCHEMA_VERSION;
}

/* Writes the copy into the (empty, private) file @temp; the copy is one
 * file in rollback-journal mode, so that it needs nothing beside it on a
 * USB stick or when it is opened. */
static gboolean
write_copy (CrmStoreConn          *conn,
            const char            *temp,
            const char            *path,
            CrmStoreProgressFunc   progress,
            gpointer               user_data,
            GCancellable          *cancellable,
            GError               **error)
{
  sqlite3 *dest = NULL;
  int rc = crm_sqlite_open_db (temp, SQLITE_OPEN_READWRITE, &dest);
  gint64 ignored = 0;
  gboolean ok;

  if (rc != SQLITE_OK)
    {
      set_copy_error (error, rc, conn->path, path);
      sqlite3_close_v2 (dest);
      return FALSE;
    }

  /* Nobody reads the temporary file before it is synced once, whole, and
   * renamed: syncing each of its transactions too would only cost time. */
  sqlite3_exec (dest, "PRAGMA synchronous = OFF", NULL, NULL, NULL);

  ok = backup_pages (dest, conn->db, progress, user_data, cancellable, &rc);
  if (!ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ;
  else if (!ok)
    set_copy_error (error, rc, conn->path, path);
  else if ((rc = crm_sqlite_query_int (dest, "PRAGMA journal_mode = DELETE", &ignored)) != SQLITE_OK &&
           rc != SQLITE_MISMATCH)
    {
      set_copy_error (error, sqlite3_extended_errcode (dest), conn->path, path);
      ok = FALSE;
    }
  else if (!copy_is_sound (dest))
    {
      /* A page-for-page copy fails only where its source does. */
      int failed = sqlite3_extended_errcode (dest);

      if ((failed & 0xff) == SQLITE_FULL || (failed & 0xff) == SQLITE_IOERR)
        set_copy_error (error, failed, conn->path, path);
      else
        set_damaged_error (error, conn->path);
      ok = FALSE;
    }

  if (sqlite3_close (dest) != SQLITE_OK)
    sqlite3_close_v2 (dest);

  return ok;
}

/**
 * crm_sqlite_backup_to:
 *
 * A consistent copy of @conn's database at @path: written to a private
 * temporary file in the same folder, synced, checked (quick_check, the
 * application id, a schema this program knows), then renamed over @path
 * and the folder synced. On any failure or Cancel the temporary file goes
 * and @path is as it was.
 */
gboolean
crm_sqlite_backup_to (CrmStoreConn          *conn,
                      const char            *path,
                      CrmStoreProgressFunc   progress,
                      gpointer               user_data,
                      GCancellable          *cancellable,
                      GError               **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.XXXXXX.part", base);
  g_autofree char *temp = g_build_filename (folder, name, NULL);
  int fd;

  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_errno_error (error, errno, path);
      return FALSE;
    }
  close (fd);

  if (!write_copy (conn, temp, path, progress, user_data, cancellable, error) ||
      !sync_path (temp, FALSE, error))
    {
      crm_sqlite_remove_file (temp);
      return FALSE;
    }

  if (g_rename (temp, path) != 0)
    {
      set_errno_error (error, errno, path);
      crm_sqlite_remove_file (temp);
      return FALSE;
    }

  return sync_path (folder, TRUE, error);
}

static gboolean
page_sizes_match (sqlite3 *dest,
                  sqlite3 *source)
{
  gint64 dest_size = 0;
  gint64 source_size = 0;

  return crm_sqlite_query_int (dest, "PRAGMA page_size", &dest_size) == SQLITE_OK &&
         crm_sqlite_query_int (source, "PRAGMA page_size", &source_size) == SQLITE_OK &&
         dest_size == source_size;
}

/**
 * crm_sqlite_restore_from:
 *
 * The backup API the other way: every page of @path into @conn's
 * database in one write transaction. Killed or cancelled before the end,
 * nothing of it is there; once it commits, other connections see a new
 * database (their data_version moves). The WAL mode of the shop stays.
 */
gboolean
crm_sqlite_restore_from (CrmStoreConn          *conn,
                         const char            *path,
                         CrmStoreProgressFunc   progress,
                         gpointer               user_data,
                         GCancellable          *cancellable,
                         GError               **error)
{
  sqlite3 *source = NULL;
  int rc = crm_sqlite_open_db (path, SQLITE_OPEN_READONLY, &source);
  gboolean ok = FALSE;

  if (rc != SQLITE_OK)
    crm_sqlite_set_file_error (error, rc, path);
  else if (!page_sizes_match (conn->db, source))
    g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_IO,
                 _("“%s” was not written by Clientele’s backup (its pages have another size) "
                   "and cannot be swapped in while the shop is open. Nothing was changed."),
                 path);
  else if (!(ok = backup_pages (conn->db, source, progress, user_data, cancellable, &rc)) &&
           !g_cancellable_set_error_if_cancelled (cancellable, error))
    set_copy_error (error, rc, path, conn->path);

  sqlite3_close_v2 (source);
  return ok;
}

/**
 * crm_sqlite_open_snapshot:
 *
 * The database of @location copied into memory in one read transaction:
 * the store may bring figures up to date in the copy for an export,
 * while the file is only ever read.
 */
CrmStoreConn *
crm_sqlite_open_snapshot (const char  *location,
                          GError     **error)
{
  sqlite3 *source = NULL;
  sqlite3 *memory = NULL;
  g_autoptr(CrmStoreConn) conn = NULL;
  int rc;

  rc = crm_sqlite_open_db (location, SQLITE_OPEN_READONLY, &source);
  if (rc == SQLITE_OK)
    rc = crm_sqlite_open_db (":memory:", SQLITE_OPEN_READWRITE, &memory);
  if (rc == SQLITE_OK && backup_pages (memory, source, NULL, NULL, NULL, &rc))
    rc = SQLITE_OK;
  else if (rc == SQLITE_OK)
    rc = SQLITE_ERROR;
  sqlite3_close_v2 (source);

  if (rc != SQLITE_OK)
    {
      sqlite3_close_v2 (memory);
      crm_sqlite_set_file_error (error, rc, location);
      return NULL;
    }

  conn = crm_sqlite_conn_new (location, memory);
  if (!crm_sqlite_register_collations (conn, error))
    return NULL;
  sqlite3_exec (memory, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);

  return g_steal_pointer (&conn);
}

/* The columns of @table in @db, in order; NULL when it cannot be read. */
static GPtrArray *
table_columns (sqlite3    *db,
               const char *schema,
               const char *table)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_free);
  char *sql = sqlite3_mprintf ("PRAGMA %w.table_info (%Q)", schema, table);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  sqlite3_free (sql);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  return rc == SQLITE_DONE ? g_steal_pointer (&columns) : NULL;
}

static gboolean
has_column (GPtrArray  *columns,
            const char *name)
{
  for (guint i = 0; i < columns->len; i++)
    if (g_str_equal (g_ptr_array_index (columns, i), name))
      return TRUE;

  return FALSE;
}

typedef struct
{
  sqlite3          *damaged;
  sqlite3          *target;
  sqlite3_stmt     *insert;
  GString          *list;       /* the shared column names, quoted */
  gboolean          rowid;      /* an ordinary table: resumable by rowid */
  CrmStoreSalvaged *entry;
} Salvage;

/* One row read from the damaged file into the new database; a row the new
 * one refuses (a purchase whose customer was lost) counts as lost. */
static void
copy_row (Salvage      *salvage,
          sqlite3_stmt *read,
          int           first)
{
  int n = sqlite3_column_count (read);

  for (int i = first; i < n; i++)
    sqlite3_bind_value (salvage->insert, i - first + 1, sqlite3_column_value (read, i));

  if (sqlite3_step (salvage->insert) == SQLITE_DONE)
    salvage->entry->saved++;
  else
    salvage->entry->lost++;
  sqlite3_reset (salvage->insert);
  sqlite3_clear_bindings (salvage->insert);
}

/* Reads rows after @after in rowid order until the table ends (TRUE) or a
 * page fails to read (FALSE, @after the last rowid read). */
static gboolean
read_rows_after (Salvage *salvage,
                 gint64  *after)
{
  char *sql = sqlite3_mprintf ("SELECT rowid, %s FROM main.%Q WHERE rowid > ?1 ORDER BY rowid",
                               salvage->list->str, salvage->entry->table);
  sqlite3_stmt *read = NULL;
  int rc = sqlite3_prepare_v2 (salvage->damaged, sql, -1, &read, NULL);

  sqlite3_free (sql);
  if (rc == SQLITE_OK)
    {
      sqlite3_bind_int64 (read, 1, *after);
      while ((rc = sqlite3_step (read)) == SQLITE_ROW)
        {
          *after = sqlite3_column_int64 (read, 0);
          copy_row (salvage, read, 1);
        }
    }
  sqlite3_finalize (read);

  return rc == SQLITE_DONE;
}

/* Past a page that does not read: the smallest rowid after @after whose
 * search succeeds, found by doubling the jump, or FALSE when none does. */
static gboolean
skip_damage (Salvage *salvage,
             gint64  *after)
{
  char *sql = sqlite3_mprintf ("SELECT rowid FROM main.%Q WHERE rowid >= ?1 ORDER BY rowid LIMIT 1",
                               salvage->entry->table);
  sqlite3_stmt *seek = NULL;
  gboolean found = FALSE;
  gboolean end = FALSE;

  if (sqlite3_prepare_v2 (salvage->damaged, sql, -1, &seek, NULL) == SQLITE_OK)
    {
      for (gint64 jump = 1; jump > 0 && jump < G_MAXINT64 / 4 && !found && !end; jump *= 2)
        {
          int rc;

          sqlite3_bind_int64 (seek, 1, *after + jump);
          rc = sqlite3_step (seek);
          if (rc == SQLITE_ROW)
            {
              gint64 next = sqlite3_column_int64 (seek, 0);

              /* The ids in between were on the pages that failed: as many
               * rows at most, exactly as many where ids have no gaps. */
              salvage->entry->lost += (guint64) (next - MAX (*after, 0) - 1);
              /* Resume just before it: rowid > after. */
              *after = next - 1;
              found = TRUE;
            }
          else if (rc == SQLITE_DONE)
            end = TRUE;
          sqlite3_reset (seek);
        }
    }
  sqlite3_finalize (seek);
  sqlite3_free (sql);

  return found;
}

static void
salvage_table (Salvage *salvage)
{
  if (salvage->rowid)
    {
      gint64 after = G_MININT64;

      while (!read_rows_after (salvage, &after))
        {
          gint64 failed_after = after;

          salvage->entry->incomplete = TRUE;
          if (!skip_damage (salvage, &after))
            break;
          /* The row found is the one that did not read: past it, lost. */
          if (after == failed_after)
            {
              after++;
              salvage->entry->lost++;
            }
        }
    }
  else
    {
      /* Keyed by their primary key only (settings, tags of customers):
       * small, read until the first page that fails. */
      char *sql = sqlite3_mprintf ("SELECT %s FROM main.%Q", salvage->list->str, salvage->entry->table);
      sqlite3_stmt *read = NULL;
      int rc = sqlite3_prepare_v2 (salvage->damaged, sql, -1, &read, NULL);

      sqlite3_free (sql);
      while (rc == SQLITE_OK && (rc = sqlite3_step (read)) == SQLITE_ROW)
        {
          copy_row (salvage, read, 0);
          rc = SQLITE_OK;
        }
      salvage->entry->incomplete = rc != SQLITE_DONE;
      sqlite3_finalize (read);
    }
}

/* How many rows the damaged table had, read through an index when one is
 * intact (SQLite counts with the smallest index): what was lost is then
 * known, not only that something was. */
static void
count_lost (Salvage *salvage)
{
  char *sql = sqlite3_mprintf ("SELECT count(*) FROM main.%Q", salvage->entry->table);
  gint64 total = 0;

  if (crm_sqlite_query_int (salvage->damaged, sql, &total) == SQLITE_OK &&
      (guint64) total > salvage->entry->saved + salvage->entry->lost)
    salvage->entry->lost = (guint64) total - salvage->entry->saved;
  sqlite3_free (sql);
}

static gboolean
prepare_table (Salvage     *salvage,
               const char  *table)
{
  g_autoptr(GPtrArray) wanted = table_columns (salvage->target, "main", table);
  g_autoptr(GPtrArray) present = table_columns (salvage->damaged, "main", table);
  g_autoptr(GString) params = g_string_new (NULL);
  sqlite3_stmt *probe = NULL;
  char *sql;
  guint n = 0;

  g_string_truncate (salvage->list, 0);
  if (wanted == NULL || present == NULL)
    return FALSE;

  for (guint i = 0; i < wanted->len; i++)
    {
      const char *column = g_ptr_array_index (wanted, i);
      char *quoted;

      if (!has_column (present, column))
        continue;
      quoted = sqlite3_mprintf ("%s\"%w\"", n > 0 ? ", " : "", column);
      g_string_append (salvage->list, quoted);
      sqlite3_free (quoted);
      g_string_append_printf (params, "%s?%u", n > 0 ? ", " : "", n + 1);
      n++;
    }
  if (n == 0)
    return FALSE;

  /* WITHOUT ROWID tables have no rowid to resume by. */
  sql = sqlite3_mprintf ("SELECT rowid FROM main.%Q LIMIT 0", table);
  salvage->rowid = sqlite3_prepare_v2 (salvage->damaged, sql, -1, &probe, NULL) == SQLITE_OK;
  sqlite3_finalize (probe);
  sqlite3_free (sql);

  sql = sqlite3_mprintf ("INSERT INTO main.%Q (%s) VALUES (%s)", table, salvage->list->str, params->str);
  sqlite3_finalize (salvage->insert);
  salvage->insert = NULL;
  sqlite3_prepare_v2 (salvage->target, sql, -1, &salvage->insert, NULL);
  sqlite3_free (sql);

  return salvage->insert != NULL;
}

static void
salvaged_free (gpointer data)
{
  CrmStoreSalvaged *entry = data;

  g_free (entry->table);
  g_free (entry);
}

/**
 * crm_sqlite_salvage_from:
 * @salvaged: (element-type CrmStoreSalvaged): filled with one entry per table
 *
 * SQLite 3.40's recovery extension (what the sqlite3 shell's .recover
 * runs) is not part of the library Debian ships, so this reads what the
 * SQL layer still can: each of the shop's tables in rowid order, past
 * pages that fail by seeking beyond them, into @conn's empty database of
 * the current schema. The figures table is left out (the store rebuilds
 * it). The damaged file is opened read-only and never written.
 */
gboolean
crm_sqlite_salvage_from (CrmStoreConn  *conn,
                         const char    *path,
                         GPtrArray     *salvaged,
                         GError       **error)
{
  Salvage salvage = { .target = conn->db };
  sqlite3_stmt *tables = NULL;
  guint64 total_saved = 0;
  int rc;

  g_ptr_array_set_free_func (salvaged, salvaged_free);

  rc = crm_sqlite_open_db (path, SQLITE_OPEN_READONLY, &salvage.damaged);
  if (rc != SQLITE_OK)
    {
      sqlite3_close_v2 (salvage.damaged);
      crm_sqlite_set_file_error (error, rc, path);
      return FALSE;
    }

  salvage.list = g_string_new (NULL);
  sqlite3_exec (conn->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  rc = sqlite3_prepare_v2 (conn->db,
                           "SELECT name FROM main.sqlite_master WHERE type = 'table' "
                           "AND name NOT LIKE 'sqlite%' AND name <> 'customer_stats' ORDER BY rowid",
                           -1, &tables, NULL);
  while (rc == SQLITE_OK && sqlite3_step (tables) == SQLITE_ROW)
    {
      CrmStoreSalvaged *entry = g_new0 (CrmStoreSalvaged, 1);

      /* Creation order: every table comes after those it refers to. */
      entry->table = g_strdup ((const char *) sqlite3_column_text (tables, 0));
      g_ptr_array_add (salvaged, entry);
      salvage.entry = entry;

      if (!prepare_table (&salvage, entry->table))
        {
          entry->incomplete = TRUE;
          continue;
        }
      salvage_table (&salvage);
      count_lost (&salvage);
      total_saved += entry->saved;
    }
  sqlite3_finalize (tables);
  sqlite3_finalize (salvage.insert);
  g_string_free (salvage.list, TRUE);
  sqlite3_close_v2 (salvage.damaged);

  if (sqlite3_exec (conn->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      set_copy_error (error, sqlite3_extended_errcode (conn->db), path, conn->path);
      sqlite3_exec (conn->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  if (total_saved == 0)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_A_DATABASE,
                   _("Nothing could be read from “%s”: it is too badly damaged."), path);
      return FALSE;
    }

  return TRUE;
}

/* A copy of @from at @to that is only read at @from; a missing @from is
 * fine when @optional. */
static gboolean
copy_bytes (const char  *from,
            const char  *to,
            gboolean     optional,
            GError     **error)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);
  g_autoptr(GError) local_error = NULL;

  if (g_file_copy (source, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error) &&
      sync_path (to, FALSE, error))
    return TRUE;

  if (local_error == NULL)
    return FALSE;

  if (optional && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * crm_sqlite_replace_file:
 * @kept: (nullable): where the damaged file is copied first
 *
 * For a shop that failed its check: its file and WAL are copied aside as
 * they are (never written), its WAL and index removed (SQLite would read
 * them into the new file), then @staged renamed into its place.
 */
gboolean
crm_sqlite_replace_file (const char  *location,
                         const char  *staged,
                         const char  *kept,
                         GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (location);

  if (kept != NULL)
    {
      g_autofree char *wal = g_strconcat (location, "-wal", NULL);
      g_autofree char *kept_wal = g_strconcat (kept, "-wal", NULL);

      if (!copy_bytes (location, kept, TRUE, error) || !copy_bytes (wal, kept_wal, TRUE, error))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (sidecars); i++)
    {
      g_autofree char *sidecar = g_strconcat (location, sidecars[i], NULL);

      g_unlink (sidecar);
    }

  if (g_rename (staged, location) != 0)
    {
      set_errno_error (error, errno, location);
      return FALSE;
    }

  return sync_path (folder, TRUE, error);
}
