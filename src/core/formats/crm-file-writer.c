/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The one way Clientele writes a file. GIO's g_file_replace() is close
 * but not enough here: closing its stream after a failed write still
 * renames the half-written temporary over the target, and it gives the
 * new file the old one's mode, so a 0644 export stays readable by all.
 * So the temporary is made here (mkstemp in the target's folder, 0600),
 * written through a buffered GIO stream, fsync'ed, closed with the result
 * checked, and only then renamed over the target. */

#define G_LOG_DOMAIN "crm-file-writer"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crm-file-writer.h"

#define BUFFER_SIZE (64 * 1024)

struct _CrmFileWriter
{
  char          *path;
  char          *temp_path;
  int            fd;
  GOutputStream *stream;
  gboolean       committed;
};

static CrmFileWriterFilter test_filter;
static gpointer            test_filter_data;

static gboolean
cannot_save (GError     **error,
             int          saved_errno,
             const char  *path)
{
  g_autofree char *name = g_filename_display_basename (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not save “%s”: %s"), name, g_strerror (saved_errno));
  return FALSE;
}

/* Renamed entries reach the disk only when the folder is synced too;
 * the file itself is complete either way, so a failure here is quiet. */
static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * crm_file_writer_new:
 *
 * Starts writing @file: a temporary file beside it is created at once,
 * so that a folder that cannot be written fails here, before any work.
 *
 * Returns: (transfer full): the writer, or %NULL with @error set
 */
CrmFileWriter *
crm_file_writer_new (GFile   *file,
                     GError **error)
{
  g_autoptr(CrmFileWriter) writer = NULL;
  g_autoptr(GOutputStream) base = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autofree char *template = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  writer = g_new0 (CrmFileWriter, 1);
  writer->fd = -1;
  writer->path = g_file_get_path (file);
  if (writer->path == NULL)
    {
      g_autofree char *shown = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Clientele can only save to a folder on this computer, not to “%s”."), shown);
      return NULL;
    }

  dir = g_path_get_dirname (writer->path);
  name = g_path_get_basename (writer->path);
  /* Hidden, and named after the target so that a leftover (a power cut
   * mid-write) says what it was. */
  template = g_strdup_printf (".%s.XXXXXX", name);
  writer->temp_path = g_build_filename (dir, template, NULL);
  writer->fd = g_mkstemp_full (writer->temp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (writer->fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *shown = g_filename_display_name (dir);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create a file in the folder “%s”: %s"), shown, g_strerror (saved_errno));
      g_clear_pointer (&writer->temp_path, g_free);
      return NULL;
    }

  /* mkstemp's mode went through the umask: a umask of 0277 would leave
   * even the owner unable to read the copy. */
  if (fchmod (writer->fd, 0600) != 0)
    {
      cannot_save (error, errno, writer->path);
      return NULL;
    }

  /* The descriptor stays open past the stream's close, for fsync. */
  base = g_unix_output_stream_new (writer->fd, FALSE);
  if (test_filter != NULL)
    {
      GOutputStream *filtered = test_filter (base, test_filter_data);

      g_object_unref (base);
      base = filtered;
    }
  writer->stream = g_buffered_output_stream_new_sized (base, BUFFER_SIZE);

  return g_steal_pointer (&writer);
}

/**
 * crm_file_writer_get_stream:
 *
 * Returns: (transfer none): the stream to write the file's bytes to;
 *   don't close it, crm_file_writer_commit() does
 */
GOutputStream *
crm_file_writer_get_stream (CrmFileWriter *writer)
{
  g_return_val_if_fail (writer != NULL, NULL);

  return writer->stream;
}

/**
 * crm_file_writer_commit:
 *
 * Flushes, syncs and closes the temporary file, then renames it over the
 * target. On failure the target is as it was and the temporary is gone
 * (when the writer is freed).
 */
gboolean
crm_file_writer_commit (CrmFileWriter  *writer,
                        GCancellable   *cancellable,
                        GError        **error)
{
  int fd;

  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (!writer->committed && writer->fd >= 0, FALSE);

  if (!g_output_stream_close (writer->stream, cancellable, error))
    return FALSE;

  if (fsync (writer->fd) != 0)
    return cannot_save (error, errno, writer->path);

  /* A network file system may report a failed write only here. */
  fd = writer->fd;
  writer->fd = -1;
  if (close (fd) != 0)
    return cannot_save (error, errno, writer->path);

  if (g_rename (writer->temp_path, writer->path) != 0)
    return cannot_save (error, errno, writer->path);

  writer->committed = TRUE;
  sync_folder (writer->path);
  return TRUE;
}

/**
 * crm_file_writer_free:
 *
 * Without a successful commit, the temporary file is removed and the
 * target stays as it was.
 */
void
crm_file_writer_free (CrmFileWriter *writer)
{
  if (writer == NULL)
    return;

  /* Unwritten buffered bytes are dropped with the file: clear the buffer
   * by closing, errors and all, before the descriptor goes. */
  if (writer->stream != NULL && !g_output_stream_is_closed (writer->stream))
    g_output_stream_close (writer->stream, NULL, NULL);
  g_clear_object (&writer->stream);
  if (writer->fd >= 0)
    close (writer->fd);
  if (!writer->committed && writer->temp_path != NULL)
    g_unlink (writer->temp_path);

  g_free (writer->temp_path);
  g_free (writer->path);
  g_free (writer);
}

/**
 * crm_file_writer_replace_contents:
 *
 * @data as the whole new contents of @file, written as every file is.
 */
gboolean
crm_file_writer_replace_contents (GFile       *file,
                                  const char  *data,
                                  gsize        length,
                                  GError     **error)
{
  g_autoptr(CrmFileWriter) writer = crm_file_writer_new (file, error);

  return writer != NULL &&
         g_output_stream_write_all (writer->stream, data, length, NULL, NULL, error) &&
         crm_file_writer_commit (writer, NULL, error);
}

void
crm_file_writer_set_test_filter (CrmFileWriterFilter filter,
                                 gpointer            user_data)
{
  test_filter = filter;
  test_filter_data = user_data;
}
