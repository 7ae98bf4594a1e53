/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Backups, restores and salvage, engine-neutral: where the copies go and
 * what they are called, which are kept, the order of a restore's steps,
 * and what a salvage saved. The engine does the copying (its backup_to,
 * restore_from and salvage_from); docs/data-safety.md explains it all to
 * a shop owner. Part of CrmStore. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "crm-store-private.h"

/* A restore's copy of the chosen file, migrated, beside the database. */
#define STAGED_NAME ".clientele-restore.db"

/* Temporary files of a copy that was killed are removed after this. */
#define STALE_PART_SECONDS (24 * 60 * 60)

static const struct
{
  CrmBackupKind  kind;
  const char    *prefix;
  guint          keep;
} kinds[] = {
  { CRM_BACKUP_DAILY, "daily-", CRM_BACKUP_KEEP_DAILY },
  { CRM_BACKUP_MONTHLY, "monthly-", CRM_BACKUP_KEEP_MONTHLY },
  { CRM_BACKUP_BEFORE_UPDATE, "before-update-", CRM_BACKUP_KEEP_OTHER },
  { CRM_BACKUP_BEFORE_RESTORE, "before-restore-", CRM_BACKUP_KEEP_OTHER },
  { CRM_BACKUP_DAMAGED, "damaged-", CRM_BACKUP_KEEP_OTHER },
};

void
crm_backup_free (CrmBackup *backup)
{
  if (backup == NULL)
    return;

  g_free (backup->path);
  g_free (backup);
}

/**
 * crm_store_backup_folder:
 *
 * Returns: (transfer full): the folder of automatic copies beside the
 *   database of @data_dir
 */
char *
crm_store_backup_folder (const char *data_dir)
{
  return g_build_filename (data_dir, CRM_BACKUP_FOLDER_NAME, NULL);
}

/* @now in local time, in @format: file names sort by it. */
static char *
local_stamp (gint64      now,
             const char *format)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);

  return g_date_time_format (local, format);
}

/* The kind of @name by its prefix, and its date part after it: only files
 * named so are ever listed or removed. */
static gint
kind_of (const char *name)
{
  if (!g_str_has_suffix (name, ".db"))
    return -1;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_has_prefix (name, kinds[i].prefix) &&
        g_ascii_isdigit (name[strlen (kinds[i].prefix)]))
      return (gint) i;

  return -1;
}

static gint
compare_made_at (gconstpointer a,
                 gconstpointer b)
{
  const CrmBackup *first = *(CrmBackup **) a;
  const CrmBackup *second = *(CrmBackup **) b;

  /* Newest first; equal times by name, newest name first. */
  if (first->made_at != second->made_at)
    return first->made_at < second->made_at ? 1 : -1;

  return -g_strcmp0 (first->path, second->path);
}

/**
 * crm_store_list_backups:
 * @folder: a backups folder
 *
 * Returns: (transfer full) (element-type CrmBackup): the copies in
 *   @folder, newest first; empty when there is no such folder
 */
GPtrArray *
crm_store_list_backups (const char *folder)
{
  GPtrArray *backups = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_backup_free);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      gint kind = kind_of (name);
      g_autofree char *path = NULL;
      GStatBuf st;
      CrmBackup *backup;

      if (kind < 0)
        continue;

      path = g_build_filename (folder, name, NULL);
      if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      backup = g_new0 (CrmBackup, 1);
      backup->path = g_steal_pointer (&path);
      backup->kind = kinds[kind].kind;
      backup->made_at = st.st_mtime;
      g_ptr_array_add (backups, backup);
    }

  g_ptr_array_sort (backups, compare_made_at);
  return backups;
}

static gint
compare_names_newest_first (gconstpointer a,
                            gconstpointer b)
{
  return -g_strcmp0 (*(const char **) a, *(const char **) b);
}

/**
 * crm_store_rotate_backups:
 * @folder: a backups folder
 *
 * Keeps the newest %CRM_BACKUP_KEEP_DAILY daily copies, the newest
 * %CRM_BACKUP_KEEP_MONTHLY monthly ones and %CRM_BACKUP_KEEP_OTHER of each
 * other kind, newest by the date in their names (so that a clock set
 * wrong for a day cannot empty the folder), and removes what a killed copy
 * left behind. Files not named as Clientele names its copies are never
 * touched.
 */
gboolean
crm_store_rotate_backups (const char  *folder,
                          GError     **error)
{
  GPtrArray *names[G_N_ELEMENTS (kinds)] = { NULL };
  g_autoptr(GDir) dir = NULL;
  const char *name;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gboolean ok = TRUE;

  dir = g_dir_open (folder, 0, error);
  if (dir == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    names[i] = g_ptr_array_new_with_free_func (g_free);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gint kind = kind_of (name);

      if (kind >= 0)
        g_ptr_array_add (names[kind], g_strdup (name));
      else if (name[0] == '.' && g_str_has_suffix (name, ".part"))
        {
          g_autofree char *path = g_build_filename (folder, name, NULL);
          GStatBuf st;

          /* Another program may be writing a fresh one right now. */
          if (g_stat (path, &st) == 0 && now - st.st_mtime > STALE_PART_SECONDS)
            g_unlink (path);
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_ptr_array_sort (names[i], compare_names_newest_first);
      for (guint j = kinds[i].keep; j < names[i]->len; j++)
        {
          g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names[i], j), NULL);

          if (g_unlink (path) != 0 && ok)
            {
              int saved_errno = errno;

              ok = FALSE;
              g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           _("Could not remove the old backup “%s”: %s"), path, g_strerror (saved_errno));
            }
        }
      g_ptr_array_unref (names[i]);
    }

  return ok;
}

/**
 * crm_store_count_records:
 *
 * Fills @counts with how many customers (archived ones too), purchases
 * and follow-ups the shop holds, and its schema.
 */
gboolean
crm_store_count_records (CrmStore       *store,
                         CrmShopCounts  *counts,
                         GError        **error)
{
  CrmStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  stmt = crm_store_prepare (store,
                            "SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM purchases), "
                            "  (SELECT count(*) FROM follow_ups)",
                            error);
  if (stmt == NULL)
    return FALSE;

  ok = crm_stmt_step (stmt) == CRM_STMT_ROW;
  if (ok)
    {
      counts->customers = (guint64) crm_stmt_column_int64 (stmt, 0);
      counts->purchases = (guint64) crm_stmt_column_int64 (stmt, 1);
      counts->follow_ups = (guint64) crm_stmt_column_int64 (stmt, 2);
      counts->schema_version = crm_store_get_schema_version (store);
    }
  else
    crm_store_set_sql_error (error, store, "counts");
  crm_stmt_reset (stmt);

  return ok;
}

/* Read-only, any schema this program knows: a copy is read as it is. */
static CrmStore *
open_copy (const char         *path,
           CrmStoreOpenFlags   flags,
           GError            **error)
{
  return crm_store_open_file (path, flags | CRM_STORE_OPEN_READ_ONLY | CRM_STORE_OPEN_ANY_SCHEMA, error);
}

/**
 * crm_store_inspect_file:
 * @path: a database file: a backup, or any file a person picked
 *
 * Reads @path without writing it: the whole-file check, the application
 * id, a schema this program knows, and what it holds.
 *
 * Returns: %TRUE if @path may be restored, with @counts filled
 */
gboolean
crm_store_inspect_file (const char     *path,
                        CrmShopCounts  *counts,
                        GError        **error)
{
  g_autoptr(CrmStore) store = NULL;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not read “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  store = open_copy (path, CRM_STORE_OPEN_DEFAULT, error);
  if (store == NULL || !crm_store_count_records (store, counts, error))
    return FALSE;

  counts->saved_at = st.st_mtime;
  return TRUE;
}

static gboolean
engine_can_copy (CrmStore  *store,
                 GError   **error)
{
  if (store->engine->backup_to != NULL)
    return TRUE;

  g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_SUPPORTED,
               _("Backups of a shared database are made on its server: "
                 "such copies are not made here."));
  return FALSE;
}

static gboolean
make_folder (const char  *folder,
             GError     **error)
{
  if (g_mkdir_with_parents (folder, 0700) == 0)
    return TRUE;

  {
    int saved_errno = errno;

    g_set_error (error, CRM_STORE_ERROR,
                 saved_errno == ENOSPC ? CRM_STORE_ERROR_DISK_FULL
                 : saved_errno == EROFS || saved_errno == EACCES ? CRM_STORE_ERROR_READ_ONLY
                 : CRM_STORE_ERROR_IO,
                 _("Could not create the folder “%s”: %s"), folder, g_strerror (saved_errno));
  }
  return FALSE;
}

/* A checked copy of the database @source_path at @dest, read on its own
 * read-only connection. */
static gboolean
copy_file (const char            *source_path,
           const char            *dest,
           CrmStoreProgressFunc   progress,
           gpointer               user_data,
           GCancellable          *cancellable,
           GError               **error)
{
  /* The copy is checked once written; reading the source twice would
   * only double the time. */
  g_autoptr(CrmStore) source = open_copy (source_path, CRM_STORE_OPEN_CHECKED, error);

  return source != NULL &&
         engine_can_copy (source, error) &&
         source->engine->backup_to (source->conn, dest, progress, user_data, cancellable, error);
}

/**
 * crm_store_back_up:
 * @data_dir: the shop's folder
 * @dest: the file to write; replaced only by a whole, checked copy
 * @counts: (out) (optional): what the copy holds
 *
 * A consistent copy of the shop as it is at one moment, also while the
 * window or another program uses it: nothing is written to the shop.
 */
gboolean
crm_store_back_up (const char            *data_dir,
                   const char            *dest,
                   CrmStoreProgressFunc   progress,
                   gpointer               user_data,
                   GCancellable          *cancellable,
                   CrmShopCounts         *counts,
                   GError               **error)
{
  g_autoptr(CrmStore) source = NULL;

  g_return_val_if_fail (data_dir != NULL, FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  source = crm_store_open_full (data_dir,
                                CRM_STORE_OPEN_READ_ONLY | CRM_STORE_OPEN_CHECKED |
                                CRM_STORE_OPEN_ANY_SCHEMA,
                                error);
  if (source == NULL || !engine_can_copy (source, error) ||
      !source->engine->backup_to (source->conn, dest, progress, user_data, cancellable, error))
    return FALSE;

  return counts == NULL || crm_store_inspect_file (dest, counts, error);
}

/* Today's daily copy (and this month's) in @folder: from the shop the
 * first time (through @copy when the shop is not a file), from @source,
 * an earlier copy, otherwise. */
static gboolean
daily_into (const char        *folder,
            const char        *data_dir,
            CrmStoreCopyFunc   copy,
            gpointer           copy_data,
            const char        *source,
            gint64             now,
            gboolean           force,
            GCancellable      *cancellable,
            char             **written,
            GError           **error)
{
  g_autofree char *day = local_stamp (now, "daily-%Y-%m-%d.db");
  g_autofree char *month = local_stamp (now, "monthly-%Y-%m.db");
  g_autofree char *daily = g_build_filename (folder, day, NULL);
  g_autofree char *monthly = g_build_filename (folder, month, NULL);

  if (!make_folder (folder, error))
    return FALSE;

  if (force || !g_file_test (daily, G_FILE_TEST_EXISTS))
    {
      gboolean ok;

      if (source != NULL)
        ok = copy_file (source, daily, NULL, NULL, NULL, error);
      else if (copy != NULL)
        ok = copy (daily, copy_data, cancellable, error);
      else
        ok = crm_store_back_up (data_dir, daily, NULL, NULL, NULL, NULL, error);

      if (!ok)
        return FALSE;
    }

  /* The first copy of each month is kept a year. */
  if (!g_file_test (monthly, G_FILE_TEST_EXISTS) &&
      !copy_file (daily, monthly, NULL, NULL, NULL, error))
    return FALSE;

  if (written != NULL)
    *written = g_steal_pointer (&daily);

  return crm_store_rotate_backups (folder, error);
}

/**
 * crm_store_back_up_daily:
 * @data_dir: the shop's folder
 * @second_folder: (nullable): another folder (a USB stick) that gets a copy too
 * @now: the time, from the shop's clock (tests move it)
 * @force: write today's copy again even if there is one ("Back Up Now")
 * @note: (out) (optional) (transfer full): set when the second folder could
 *   not take its copy (not there, full…): a quiet note, not a failure
 *
 * The automatic copies: the first call of each day writes today's copy
 * into the backups folder (and this month's if there is none yet), then
 * keeps only what crm_store_rotate_backups() keeps; the second folder gets
 * the same, copied from today's copy.
 *
 * Returns: %TRUE when the backups folder has today's checked copy
 */
gboolean
crm_store_back_up_daily (const char  *data_dir,
                         const char  *second_folder,
                         gint64       now,
                         gboolean     force,
                         char       **note,
                         GError     **error)
{
  return crm_store_back_up_daily_from (data_dir, NULL, NULL, second_folder, now, force, NULL, note,
                                       error);
}

/**
 * crm_store_back_up_daily_from:
 * @copy: (nullable): writes today's copy when the shop is not the file in
 *   @data_dir (a shared database); %NULL copies that file
 * @cancellable: (nullable): stops @copy; no copy of today is left then
 *
 * crm_store_back_up_daily() with today's first copy written by @copy: the
 * copies of a shared shop go into this PC's backups folder, are kept and
 * rotated the same way and are ordinary shop files.
 */
gboolean
crm_store_back_up_daily_from (const char        *data_dir,
                              CrmStoreCopyFunc   copy,
                              gpointer           copy_data,
                              const char        *second_folder,
                              gint64             now,
                              gboolean           force,
                              GCancellable      *cancellable,
                              char             **note,
                              GError           **error)
{
  g_autofree char *folder = crm_store_backup_folder (data_dir);
  g_autofree char *daily = NULL;
  g_autoptr(GError) second_error = NULL;

  g_return_val_if_fail (data_dir != NULL, FALSE);

  if (!daily_into (folder, data_dir, copy, copy_data, NULL, now, force, cancellable, &daily, error))
    return FALSE;

  if (second_folder == NULL || second_folder[0] == '\0')
    return TRUE;

  /* A stick that is not plugged in is not a folder to create. */
  if (!g_file_test (second_folder, G_FILE_TEST_IS_DIR))
    {
      if (note != NULL)
        *note = g_strdup_printf (_("The folder “%s” was not there, so it has no copy of today’s "
                                   "backup. It gets one at the next backup when it is there."),
                                 second_folder);
      return TRUE;
    }

  if (!daily_into (second_folder, data_dir, NULL, NULL, daily, now, force, NULL, NULL, &second_error) &&
      note != NULL)
    *note = g_strdup (second_error->message);

  return TRUE;
}

/**
 * crm_store_backup_before_update:
 * @version: the schema the database has now
 *
 * The copy made before every migration, on the store's own connection,
 * before anything of the migration is written.
 */
gboolean
crm_store_backup_before_update (CrmStore  *self,
                                guint      version,
                                GError   **error)
{
  g_autofree char *data_dir = g_path_get_dirname (self->path);
  g_autofree char *folder = crm_store_backup_folder (data_dir);
  g_autofree char *stamp = local_stamp (crm_store_now (self), "%Y-%m-%d-%H%M%S");
  g_autofree char *name = g_strdup_printf ("before-update-%s-v%u.db", stamp, version);
  g_autofree char *dest = g_build_filename (folder, name, NULL);
  g_autoptr(GError) local_error = NULL;

  /* A shared server keeps its own backups. */
  if (self->engine->backup_to == NULL)
    return TRUE;

  if (!make_folder (folder, &local_error) ||
      !self->engine->backup_to (self->conn, dest, NULL, NULL, NULL, &local_error))
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MIGRATION,
                   _("The database was not brought up to date, because the backup made first "
                     "could not be written: %s"),
                   local_error->message);
      return FALSE;
    }

  g_debug ("Backed up schema %u before updating it", version);
  return crm_store_rotate_backups (folder, error);
}

/**
 * crm_store_back_up_for_update:
 * @data_dir: the shop's folder
 *
 * The copy crm_store_open_full() makes before it brings an older schema
 * up to date, made here on a read-only connection of its own so that a
 * worker can make it; then open with %CRM_STORE_OPEN_BACKED_UP. Nothing
 * to do (and %TRUE) for a shop that is up to date or not there yet.
 */
gboolean
crm_store_back_up_for_update (const char  *data_dir,
                              GError     **error)
{
  g_autofree char *db = g_build_filename (data_dir, CRM_STORE_FILE_NAME, NULL);
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;

  if (g_stat (db, &st) != 0 || st.st_size == 0)
    return TRUE;

  store = open_copy (db, CRM_STORE_OPEN_CHECKED, &local_error);
  /* A file with no tables yet is a new shop too. */
  if (g_error_matches (local_error, CRM_STORE_ERROR, CRM_STORE_ERROR_NO_SHOP))
    return TRUE;
  if (store == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (store->schema_version == 0 || store->schema_version >= CRM_STORE_SCHEMA_VERSION)
    return TRUE;

  return crm_store_backup_before_update (store, store->schema_version, error);
}

typedef struct
{
  CrmStoreProgressFunc  func;
  gpointer              user_data;
  guint                 phase;
  guint                 n_phases;
} Phases;

/* One progress from 0 to 1 000 over several copies. */
static void
phase_progress (guint64   done,
                guint64   total,
                gpointer  user_data)
{
  Phases *phases = user_data;
  guint64 per_phase = 1000 / phases->n_phases;

  if (phases->func != NULL && total > 0)
    phases->func (phases->phase * per_phase + per_phase * done / total, 1000, phases->user_data);
}

/* Backups, restores and salvage are files in folders: the engine that
 * keeps a shop in a file does them. */
static const CrmStoreEngine *
file_engine (void)
{
  return &crm_store_sqlite_engine;
}

static void
remove_file (const char *path)
{
  file_engine ()->remove_file (path);
}

/**
 * crm_store_restore:
 * @data_dir: the shop's folder
 * @path: a database file to put in the shop's place: a backup or any
 *   Clientele database
 * @now: the time for the name of the kept copy
 * @kept: (out) (optional) (transfer full): where the replaced shop is kept
 *
 * Checks @path (crm_store_inspect_file()), copies it beside the database
 * and brings that copy up to date, keeps the shop as it was in the backups
 * folder (a checked copy, or a damaged file byte for byte), then swaps: a
 * sound shop takes the copy in one transaction that programs which have
 * it open see commit; a damaged or missing one is replaced by a rename.
 * Killed or cancelled at any point, the shop is either as it was or the
 * whole restored copy.
 */
gboolean
crm_store_restore (const char            *data_dir,
                   const char            *path,
                   gint64                 now,
                   CrmStoreProgressFunc   progress,
                   gpointer               user_data,
                   GCancellable          *cancellable,
                   char                 **kept,
                   GError               **error)
{
  g_autofree char *db = g_build_filename (data_dir, CRM_STORE_FILE_NAME, NULL);
  g_autofree char *staged = g_build_filename (data_dir, STAGED_NAME, NULL);
  g_autofree char *folder = crm_store_backup_folder (data_dir);
  g_autofree char *stamp = local_stamp (now, "%Y-%m-%d-%H%M%S");
  g_autofree char *kept_path = NULL;
  g_autoptr(CrmStore) live = NULL;
  g_autoptr(GError) damage = NULL;
  Phases phases = { progress, user_data, 0, 3 };
  CrmShopCounts counts = { 0 };
  gboolean sound, ok = FALSE;
  GStatBuf st;

  g_return_val_if_fail (data_dir != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!crm_store_inspect_file (path, &counts, error) || !make_folder (folder, error))
    return FALSE;

  /* 1. The chosen file copied in and brought up to this program's schema. */
  if (!copy_file (path, staged, phase_progress, &phases, cancellable, error))
    goto out;
  {
    g_autoptr(CrmStore) up_to_date = crm_store_open_file (staged,
                                                          CRM_STORE_OPEN_CHECKED | CRM_STORE_OPEN_NO_BACKUP,
                                                          error);

    if (up_to_date == NULL)
      goto out;
  }

  /* 2. The shop as it is, kept. */
  phases.phase = 1;
  sound = g_stat (db, &st) == 0 && st.st_size > 0 && crm_store_check_file (data_dir, &damage);
  if (sound)
    {
      kept_path = g_strdup_printf ("%s/before-restore-%s.db", folder, stamp);
      if (!crm_store_back_up (data_dir, kept_path, phase_progress, &phases, cancellable, NULL, error))
        goto out;
    }
  else if (g_stat (db, &st) == 0 && st.st_size > 0)
    kept_path = g_strdup_printf ("%s/damaged-%s.db", folder, stamp);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  /* 3. The swap. */
  phases.phase = 2;
  if (sound)
    {
      live = crm_store_open_file (db, CRM_STORE_OPEN_CHECKED | CRM_STORE_OPEN_NO_BACKUP, error);
      ok = live != NULL &&
           live->engine->restore_from (live->conn, staged, phase_progress, &phases, cancellable, error);
    }
  else
    ok = file_engine ()->replace_file (db, staged, kept_path, error);

out:
  g_clear_object (&live);
  remove_file (staged);

  if (ok)
    {
      phase_progress (1, 1, &phases);
      crm_store_rotate_backups (folder, NULL);
      if (kept != NULL)
        *kept = g_steal_pointer (&kept_path);
    }
  else if (kept_path != NULL)
    {
      /* Nothing was replaced: the kept copy is not needed. */
      remove_file (kept_path);
    }

  return ok;
}

/**
 * crm_store_salvage:
 * @data_dir: the shop's folder, whose database is damaged
 * @dest: a new file for what can be read
 *
 * Reads what still reads of the damaged database into a new, sound
 * database at @dest (written beside it, checked, renamed), rebuilding
 * search keys and figures; the damaged file is only read.
 *
 * Returns: (transfer full) (element-type CrmStoreSalvaged): what was saved
 *   and lost, table by table, or %NULL with @error set
 */
GPtrArray *
crm_store_salvage (const char  *data_dir,
                   const char  *dest,
                   GError     **error)
{
  g_autofree char *db = g_build_filename (data_dir, CRM_STORE_FILE_NAME, NULL);
  g_autofree char *dest_folder = g_path_get_dirname (dest);
  g_autofree char *dest_name = g_path_get_basename (dest);
  g_autofree char *staged_name = g_strdup_printf (".%s.salvage.part", dest_name);
  g_autofree char *staged = g_build_filename (dest_folder, staged_name, NULL);
  g_autoptr(GPtrArray) salvaged = g_ptr_array_new ();
  g_autoptr(CrmStore) target = NULL;
  gboolean ok;

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (dest != NULL, NULL);

  remove_file (staged);
  target = crm_store_open_file (staged, CRM_STORE_OPEN_CHECKED | CRM_STORE_OPEN_NO_BACKUP, error);
  if (target == NULL)
    return NULL;

  if (target->engine->salvage_from == NULL)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_SUPPORTED,
                   _("This kind of database cannot be salvaged here."));
      ok = FALSE;
    }
  else
    ok = target->engine->salvage_from (target->conn, db, salvaged, error) &&
         crm_store_fill_search_keys (target, error) &&
         crm_store_refresh_all (target, error) &&
         target->engine->backup_to (target->conn, dest, NULL, NULL, NULL, error);

  g_clear_object (&target);
  remove_file (staged);

  return ok ? g_steal_pointer (&salvaged) : NULL;
}

static char *
count_of (const char *table,
          guint       n)
{
  if (g_str_equal (table, "customers"))
    return g_strdup_printf (ngettext ("%u customer", "%u customers", n), n);
  if (g_str_equal (table, "purchases"))
    return g_strdup_printf (ngettext ("%u purchase", "%u purchases", n), n);

  return g_strdup_printf (ngettext ("%u follow-up", "%u follow-ups", n), n);
}

/* "120 customers, 340 purchases and 12 follow-ups". */
static char *
three_counts (const guint n[3])
{
  g_autofree char *customers = count_of ("customers", n[0]);
  g_autofree char *purchases = count_of ("purchases", n[1]);
  g_autofree char *follow_ups = count_of ("follow_ups", n[2]);

  /* Translators: a list of three counts, "12 customers, 80 purchases and 3 follow-ups" */
  return g_strdup_printf (_("%s, %s and %s"), customers, purchases, follow_ups);
}

/**
 * crm_store_describe_counts:
 *
 * Returns: (transfer full): "12 customers, 80 purchases and 3 follow-ups"
 */
char *
crm_store_describe_counts (const CrmShopCounts *counts)
{
  const guint n[3] = {
    (guint) MIN (counts->customers, G_MAXUINT),
    (guint) MIN (counts->purchases, G_MAXUINT),
    (guint) MIN (counts->follow_ups, G_MAXUINT),
  };

  return three_counts (n);
}

/**
 * crm_store_describe_salvage:
 * @salvaged: (element-type CrmStoreSalvaged): from crm_store_salvage()
 *
 * Returns: (transfer full): what was saved and what was lost, in words
 */
char *
crm_store_describe_salvage (GPtrArray *salvaged)
{
  const char *const tables[3] = { "customers", "purchases", "follow_ups" };
  guint saved[3] = { 0 }, lost[3] = { 0 };
  gboolean incomplete = FALSE;
  gboolean counted_loss = FALSE;
  g_autofree char *saved_text = NULL;
  GString *text;

  for (guint i = 0; i < salvaged->len; i++)
    {
      CrmStoreSalvaged *entry = g_ptr_array_index (salvaged, i);

      for (guint j = 0; j < G_N_ELEMENTS (tables); j++)
        if (g_str_equal (entry->table, tables[j]))
          {
            saved[j] = (guint) MIN (entry->saved, G_MAXUINT);
            lost[j] = (guint) MIN (entry->lost, G_MAXUINT);
            counted_loss |= entry->lost > 0;
          }
      incomplete |= entry->incomplete || entry->lost > 0;
    }

  saved_text = three_counts (saved);
  text = g_string_new (NULL);
  /* Translators: %s is a list of counts, "12 customers, 80 purchases and 3 follow-ups" */
  g_string_append_printf (text, _("Saved: %s."), saved_text);
  g_string_append_c (text, ' ');

  if (counted_loss)
    {
      g_autofree char *lost_text = three_counts (lost);

      /* Translators: %s is a list of counts, "12 customers, 80 purchases and 3 follow-ups" */
      g_string_append_printf (text, _("Could not be read: %s."), lost_text);
    }
  else if (incomplete)
    g_string_append (text, _("Some entries could not be read; how many is not known."));
  else
    g_string_append (text, _("Nothing was lost."));

  return g_string_free (text, FALSE);
}
