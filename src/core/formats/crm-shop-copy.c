/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Moving a whole shop from one database to another (the file on this PC
 * to a shared server, or back) through the archive: what one writes, the
 * other reads, so nothing is copied that the archive would not keep. The
 * archive goes through a file beside the shop's data (0600, removed
 * afterwards), so that a big shop needs no more memory than a small one;
 * the copy is written in one transaction and counted when it is done. */

#define G_LOG_DOMAIN "crm-archive"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "crm-shop-copy.h"
#include "crm-store-archive.h"
#include "crm-store-backup.h"

static gboolean
counts_equal (const CrmArchiveCounts *a,
              const CrmArchiveCounts *b)
{
  return a->customers == b->customers && a->purchases == b->purchases &&
         a->interactions == b->interactions && a->follow_ups == b->follow_ups &&
         a->feedback == b->feedback && a->staff == b->staff;
}

/**
 * crm_shop_count:
 * @counts: (out caller-allocates): what @store holds
 *
 * Counts what an archive of @store would carry, from one snapshot.
 */
gboolean
crm_shop_count (CrmStore          *store,
                CrmArchiveCounts  *counts,
                GError           **error)
{
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  if (!crm_store_archive_begin_read (store, error))
    return FALSE;

  ok = crm_store_archive_count (store, CRM_ARCHIVE_CUSTOMERS, &counts->customers, error) &&
       crm_store_archive_count (store, CRM_ARCHIVE_PURCHASES, &counts->purchases, error) &&
       crm_store_archive_count (store, CRM_ARCHIVE_INTERACTIONS, &counts->interactions, error) &&
       crm_store_archive_count (store, CRM_ARCHIVE_FOLLOW_UPS, &counts->follow_ups, error) &&
       crm_store_archive_count (store, CRM_ARCHIVE_FEEDBACK, &counts->feedback, error) &&
       crm_store_archive_count (store, CRM_ARCHIVE_STAFF, &counts->staff, error);

  crm_store_archive_end_read (store);
  return ok;
}

/* The whole of @from as an archive in a new file in @dir (0600). */
static GFile *
write_archive (CrmStore          *from,
               const char        *dir,
               CrmArchiveCounts  *counts,
               GCancellable      *cancellable,
               GError           **error)
{
  g_autofree char *path = g_build_filename (dir, ".clientele-move-XXXXXX.json", NULL);
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GFile) file = NULL;
  int fd;

  fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write in the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  file = g_file_new_for_path (path);
  stream = g_unix_output_stream_new (fd, TRUE);
  if (!crm_archive_export_to_stream (from, stream, counts, cancellable, error) ||
      !g_output_stream_close (stream, cancellable, error))
    {
      g_unlink (path);
      return NULL;
    }

  return g_steal_pointer (&file);
}

/**
 * crm_shop_copy_full:
 * @from: the shop to copy; only read
 * @to: an empty database (no customers, staff or feedback)
 * @scratch_dir: where the archive may be written for the while (the data
 *   folder: it holds the same data)
 * @progress: (nullable): updated as the copy goes, for another thread
 * @cancellable: (nullable): stops the copy; @to is then as it was
 * @copied: (out) (optional): what was copied, counted in @to afterwards
 *
 * Copies everything the archive holds from @from into @to, all or
 * nothing, and checks that @to then holds as many of each as the
 * archive of @from did.
 *
 * Returns: whether the copy is complete; on %FALSE @to is as it was,
 *   unless only the final count differed (then @error says so)
 */
gboolean
crm_shop_copy_full (CrmStore             *from,
                    CrmStore             *to,
                    const char           *scratch_dir,
                    CrmShopCopyProgress  *progress,
                    GCancellable         *cancellable,
                    CrmArchiveCounts     *copied,
                    GError              **error)
{
  CrmShopCopyProgress ignored = { 0 };
  CrmArchiveCounts existing = { 0 }, exported = { 0 }, arrived = { 0 };
  const CrmArchiveCounts none = { 0 };
  g_autoptr(GFile) archive = NULL;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (from), FALSE);
  g_return_val_if_fail (CRM_IS_STORE (to), FALSE);
  g_return_val_if_fail (scratch_dir != NULL, FALSE);

  if (progress == NULL)
    progress = &ignored;

  g_atomic_int_set (&progress->stage, CRM_SHOP_COPY_COUNTING);
  if (!crm_shop_count (to, &existing, error))
    return FALSE;
  if (!counts_equal (&existing, &none))
    {
      g_autofree char *described = crm_archive_counts_describe (&existing);

      /* Translators: %s lists what is there, e.g. "12 customers, 80 purchases" */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("The shop can only be moved into an empty database; this one holds %s."),
                   described);
      return FALSE;
    }

  g_atomic_int_set (&progress->stage, CRM_SHOP_COPY_READING);
  archive = write_archive (from, scratch_dir, &exported, cancellable, error);
  if (archive == NULL)
    return FALSE;

  progress->total = exported.customers + exported.purchases + exported.interactions +
                    exported.follow_ups + exported.feedback + exported.staff;
  g_atomic_int_set (&progress->stage, CRM_SHOP_COPY_WRITING);
  crm_store_set_write_counter (to, &progress->written);
  ok = crm_archive_import_file (to, archive, NULL, cancellable, error);
  crm_store_set_write_counter (to, NULL);
  g_file_delete (archive, NULL, NULL);
  if (!ok)
    return FALSE;

  g_atomic_int_set (&progress->stage, CRM_SHOP_COPY_CHECKING);
  if (!crm_shop_count (to, &arrived, error))
    return FALSE;

  if (!counts_equal (&exported, &arrived))
    {
      g_autofree char *want = crm_archive_counts_describe (&exported);
      g_autofree char *got = crm_archive_counts_describe (&arrived);

      /* Translators: both %s list counts, e.g. "12 customers, 80 purchases" */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The copy is not complete: the shop has %s, the copy %s."), want, got);
      return FALSE;
    }

  if (copied != NULL)
    *copied = arrived;
  return TRUE;
}

/* Renames @path with @suffix ("", "-wal", "-shm") to @kept with it, if
 * it is there. */
static gboolean
move_aside (const char  *path,
            const char  *kept,
            const char  *suffix,
            GError     **error)
{
  g_autofree char *from = g_strconcat (path, suffix, NULL);
  g_autofree char *to = g_strconcat (kept, suffix, NULL);

  if (g_rename (from, to) == 0 || errno == ENOENT)
    return TRUE;

  {
    int saved_errno = errno;

    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("Could not rename “%s”: %s"), from, g_strerror (saved_errno));
    return FALSE;
  }
}

/* Removes @dir and the files a closed database left in it. */
static void
remove_staging (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* @from copied into a new shop file in a temporary folder made from
 * @staging (a mkdtemp template inside @folder), closed so that the file is
 * whole without its journal; on failure the folder is removed again. */
static gboolean
copy_into_staging (CrmStore             *from,
                   const char           *folder,
                   char                 *staging,
                   CrmShopCopyProgress  *progress,
                   GCancellable         *cancellable,
                   CrmArchiveCounts     *copied,
                   GError              **error)
{
  g_autoptr(CrmStore) to = NULL;
  gboolean ok;

  if (g_mkdir_with_parents (folder, 0700) != 0 || g_mkdtemp_full (staging, 0700) == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write in the folder “%s”: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }

  to = crm_store_open (staging, error);
  ok = to != NULL && crm_shop_copy_full (from, to, staging, progress, cancellable, copied, error);
  g_clear_object (&to);
  if (!ok)
    remove_staging (staging);

  return ok;
}

/**
 * crm_shop_copy_to_file:
 * @from: the shop to copy (a shared database); only read
 * @data_dir: the data folder whose file gets the copy
 * @progress: (nullable): as for crm_shop_copy_full()
 * @cancellable: (nullable): stops the copy; the folder is then as it was
 * @copied: (out) (optional): what was copied
 * @kept: (out) (optional) (transfer full): where the file that was in
 *   @data_dir before now is, or %NULL when there was none
 *
 * Copies @from into a new file in @data_dir: written beside it first and
 * put in place only when complete. A file that was there is kept under
 * another name in the same folder, as it was.
 */
gboolean
crm_shop_copy_to_file (CrmStore             *from,
                       const char           *data_dir,
                       CrmShopCopyProgress  *progress,
                       GCancellable         *cancellable,
                       CrmArchiveCounts     *copied,
                       char                **kept,
                       GError              **error)
{
  g_autofree char *staging = g_build_filename (data_dir, ".clientele-moving-XXXXXX", NULL);
  g_autofree char *target = g_build_filename (data_dir, CRM_STORE_FILE_NAME, NULL);
  g_autofree char *fresh = NULL;
  g_autofree char *aside = NULL;

  g_return_val_if_fail (CRM_IS_STORE (from), FALSE);
  g_return_val_if_fail (data_dir != NULL, FALSE);

  if (kept != NULL)
    *kept = NULL;

  if (!copy_into_staging (from, data_dir, staging, progress, cancellable, copied, error))
    return FALSE;

  if (g_file_test (target, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
      g_autofree char *name = g_strdup_printf ("clientele-before-move-%s.db", stamp);

      aside = g_build_filename (data_dir, name, NULL);
      if (!move_aside (target, aside, "", error) ||
          !move_aside (target, aside, "-wal", error) ||
          !move_aside (target, aside, "-shm", error))
        {
          remove_staging (staging);
          return FALSE;
        }
    }

  fresh = g_build_filename (staging, CRM_STORE_FILE_NAME, NULL);
  if (!move_aside (fresh, target, "", error))
    {
      /* The folder as it was. */
      if (aside != NULL)
        move_aside (aside, target, "", NULL);
      remove_staging (staging);
      return FALSE;
    }
  remove_staging (staging);

  if (kept != NULL)
    *kept = g_steal_pointer (&aside);
  return TRUE;
}

/**
 * crm_shop_back_up_shared:
 * @database: the shared database's address
 * @dest: the file to write; replaced only by a whole, checked copy
 *
 * A shared shop as an ordinary shop file, for the daily backups a PC keeps
 * of it (a #CrmStoreCopyFunc): read on a connection of its own, written
 * beside @dest, then copied into place through the checked copy of
 * crm_store_back_up(). The server is only read.
 */
gboolean
crm_shop_back_up_shared (const char    *database,
                         const char    *dest,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autofree char *folder = g_path_get_dirname (dest);
  g_autofree char *staging = g_build_filename (folder, ".clientele-backup-XXXXXX", NULL);
  g_autoptr(CrmStore) from = NULL;
  gboolean ok;

  g_return_val_if_fail (database != NULL && dest != NULL, FALSE);

  from = crm_store_open_shared (database, error);
  if (from == NULL)
    return FALSE;

  if (!copy_into_staging (from, folder, staging, NULL, cancellable, NULL, error))
    return FALSE;
  ok = crm_store_back_up (staging, dest, NULL, NULL, cancellable, NULL, error);
  remove_staging (staging);

  return ok;
}

/**
 * crm_shop_copy:
 *
 * crm_shop_copy_full() with the archive in the temporary folder, no
 * progress and no way to stop.
 */
gboolean
crm_shop_copy (CrmStore          *from,
               CrmStore          *to,
               CrmArchiveCounts  *counts,
               GError           **error)
{
  return crm_shop_copy_full (from, to, g_get_tmp_dir (), NULL, NULL, counts, error);
}
