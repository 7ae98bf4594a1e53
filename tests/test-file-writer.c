/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Every file Clientele writes: a failed write leaves the old file byte for
 * byte and no temporary behind; the new file is 0600 whatever the umask.
 * Failures are injected through the writer's stream (a stream that fills
 * up after N bytes, as a full disk does) and, as root, on a real small
 * tmpfs. */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crm-archive.h"
#include "crm-autostart.h"
#include "crm-demo.h"
#include "crm-export.h"
#include "crm-file-writer.h"
#include "shop-fixture.h"

/* 2026-06-01 12:00 UTC */
#define NOW ((gint64) 1780315200)

/* A stream that takes @budget bytes and then reports a full disk; with
 * fail_close, its close fails too (where a network file system reports a
 * lost write). */
#define TEST_TYPE_FAILING_STREAM (test_failing_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestFailingStream, test_failing_stream, TEST, FAILING_STREAM, GFilterOutputStream)

struct _TestFailingStream
{
  GFilterOutputStream parent_instance;

  gsize    budget;
  gboolean fail_close;
};

G_DEFINE_FINAL_TYPE (TestFailingStream, test_failing_stream, G_TYPE_FILTER_OUTPUT_STREAM)

static gssize
test_failing_stream_write (GOutputStream  *stream,
                           const void     *buffer,
                           gsize           count,
                           GCancellable   *cancellable,
                           GError        **error)
{
  TestFailingStream *self = TEST_FAILING_STREAM (stream);
  GOutputStream *base = g_filter_output_stream_get_base_stream (G_FILTER_OUTPUT_STREAM (stream));
  gssize written;

  if (self->budget == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device");
      return -1;
    }

  written = g_output_stream_write (base, buffer, MIN (count, self->budget), cancellable, error);
  if (written > 0)
    self->budget -= (gsize) written;
  return written;
}

static gboolean
test_failing_stream_close (GOutputStream  *stream,
                           GCancellable   *cancellable,
                           GError        **error)
{
  TestFailingStream *self = TEST_FAILING_STREAM (stream);
  GOutputStream *base = g_filter_output_stream_get_base_stream (G_FILTER_OUTPUT_STREAM (stream));

  if (!g_output_stream_close (base, cancellable, error))
    return FALSE;
  if (self->fail_close)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Input/output error");
      return FALSE;
    }
  return TRUE;
}

static void
test_failing_stream_class_init (TestFailingStreamClass *klass)
{
  GOutputStreamClass *stream_class = G_OUTPUT_STREAM_CLASS (klass);

  stream_class->write_fn = test_failing_stream_write;
  stream_class->close_fn = test_failing_stream_close;
}

static void
test_failing_stream_init (TestFailingStream *self)
{
}

typedef struct
{
  gsize    budget;
  gboolean fail_close;
} Failure;

static GOutputStream *
failing_filter (GOutputStream *stream,
                gpointer       user_data)
{
  const Failure *failure = user_data;
  TestFailingStream *failing = g_object_new (TEST_TYPE_FAILING_STREAM, "base-stream", stream, NULL);

  failing->budget = failure->budget;
  failing->fail_close = failure->fail_close;
  return G_OUTPUT_STREAM (failing);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

static void
write_file (const char *path,
            const char *contents,
            int         mode)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

static int
file_mode (const char *path)
{
  GStatBuf info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  return info.st_mode & 07777;
}

/* The folder holds @name and nothing else: no temporary was left. */
static void
assert_only_file (const char *dir,
                  const char *name)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *entry;
  guint n = 0;

  g_assert_nonnull (listing);
  while ((entry = g_dir_read_name (listing)) != NULL)
    {
      if (!g_str_equal (entry, name))
        g_error ("%s was left in %s", entry, dir);
      n++;
    }
  g_assert_cmpuint (n, ==, name != NULL ? 1 : 0);
}

/* 200 KB of text, more than the writer's buffer. */
static char *
big_text (void)
{
  GString *text = g_string_new (NULL);

  while (text->len < 200 * 1024)
    g_string_append (text, "ნინო ბერიძე, +995 555 12 34 56\n");
  return g_string_free (text, FALSE);
}

static void
test_replaces (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("clientele-writer-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "shop.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *big = big_text ();
  g_autofree char *contents = NULL;

  g_assert_true (crm_file_writer_replace_contents (file, "first", 5, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  contents = read_file (path);
  g_assert_cmpstr (contents, ==, "first");

  g_assert_true (crm_file_writer_replace_contents (file, big, strlen (big), &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  contents = read_file (path);
  g_assert_cmpstr (contents, ==, big);
  assert_only_file (dir, "shop.json");

  remove_tree (dir);
}

/* A full disk at the first byte, mid-buffer, after a whole buffer went to
 * the file, and a close that fails: the old file is untouched each time. */
static void
test_failed_write (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("clientele-writer-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "customers.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *big = big_text ();
  const Failure failures[] = {
    { 0, FALSE }, { 10, FALSE }, { 70 * 1024, FALSE }, { 300 * 1024, TRUE },
  };

  write_file (path, "name,phone\r\nold,1\r\n", 0600);

  for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
    {
      g_autofree char *contents = NULL;

      g_test_message ("failure %u", i);
      crm_file_writer_set_test_filter (failing_filter, (gpointer) &failures[i]);
      g_assert_false (crm_file_writer_replace_contents (file, big, strlen (big), &error));
      crm_file_writer_set_test_filter (NULL, NULL);
      g_assert_error (error, G_IO_ERROR, (int) (failures[i].fail_close ? G_IO_ERROR_FAILED : G_IO_ERROR_NO_SPACE));
      g_clear_error (&error);

      contents = read_file (path);
      g_assert_cmpstr (contents, ==, "name,phone\r\nold,1\r\n");
      assert_only_file (dir, "customers.csv");
    }

  /* A small file fits the buffer: the full disk shows at the close. */
  {
    const Failure at_flush = { 3, FALSE };
    g_autofree char *contents = NULL;

    crm_file_writer_set_test_filter (failing_filter, (gpointer) &at_flush);
    g_assert_false (crm_file_writer_replace_contents (file, "new contents", 12, &error));
    crm_file_writer_set_test_filter (NULL, NULL);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
    g_clear_error (&error);
    contents = read_file (path);
    g_assert_cmpstr (contents, ==, "name,phone\r\nold,1\r\n");
    assert_only_file (dir, "customers.csv");
  }

  remove_tree (dir);
}

/* A writer dropped before its commit (the export failed on the way)
 * leaves nothing. */
static void
test_abandoned (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("clientele-writer-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "shop.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  CrmFileWriter *writer;

  write_file (path, "{\"old\": true}", 0600);
  writer = crm_file_writer_new (file, &error);
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (crm_file_writer_get_stream (writer), "{\"new\"", 6, NULL, NULL,
                                            &error));
  g_assert_no_error (error);
  crm_file_writer_free (writer);

  contents = read_file (path);
  g_assert_cmpstr (contents, ==, "{\"old\": true}");
  assert_only_file (dir, "shop.json");

  remove_tree (dir);
}

/* Personal data: 0600 under umask 000, over a 0644 file, and readable
 * by its owner even under umask 0277. */
static void
test_private (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("clientele-writer-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "customers.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  mode_t old_mask = umask (0);

  g_assert_true (crm_file_writer_replace_contents (file, "a", 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (file_mode (path), ==, 0600);

  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_true (crm_file_writer_replace_contents (file, "b", 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (file_mode (path), ==, 0600);

  umask (0277);
  g_assert_true (crm_file_writer_replace_contents (file, "c", 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (file_mode (path), ==, 0600);

  umask (old_mask);
  assert_only_file (dir, "customers.csv");
  remove_tree (dir);
}

static void
test_no_folder (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("clientele-writer-XXXXXX", &error);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", NULL);
  g_autofree char *path = g_build_filename (missing, "shop.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_null (crm_file_writer_new (file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  /* The message names the folder, so that a mistyped path shows. */
  g_assert_nonnull (strstr (error->message, "no-such-folder"));
  assert_only_file (dir, NULL);

  remove_tree (dir);
}

/* The archive, the customer CSV and the autostart entry all go through
 * the writer: a failure mid-way keeps their old file, and a good write
 * makes a wide file private. */
static void
test_users (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("clientele-writer-XXXXXX", &error);
  g_autofree char *archive_path = g_build_filename (dir, "shop.json", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "customers.csv", NULL);
  g_autofree char *autostart_path = crm_autostart_path ();
  g_autoptr(GFile) archive_file = g_file_new_for_path (archive_path);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autofree char *autostart_dir = g_path_get_dirname (autostart_path);
  g_autofree char *autostart_name = g_path_get_basename (autostart_path);
  const Failure full = { 100, FALSE };
  ShopFixture shop;
  mode_t old_mask = umask (0);

  shop_fixture_open (&shop, NOW);
  g_assert_true (crm_demo_fill (shop.store, 40, 2, &error));
  g_assert_no_error (error);
  g_assert_true (crm_store_refresh_all (shop.store, &error));
  write_file (archive_path, "{\"old\": \"archive\"}", 0644);
  write_file (csv_path, "old,csv\r\n", 0644);
  g_assert_cmpint (g_mkdir_with_parents (autostart_dir, 0700), ==, 0);
  write_file (autostart_path, "[Desktop Entry]\nName=Old\n", 0644);

  crm_file_writer_set_test_filter (failing_filter, (gpointer) &full);
  g_assert_false (crm_archive_export (shop.store, archive_file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_false (crm_export_customers_csv (shop.store, csv_file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  g_assert_false (crm_autostart_set (TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_clear_error (&error);
  crm_file_writer_set_test_filter (NULL, NULL);

  {
    g_autofree char *archive = read_file (archive_path);
    g_autofree char *csv = read_file (csv_path);
    g_autofree char *entry = read_file (autostart_path);
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    g_assert_cmpstr (archive, ==, "{\"old\": \"archive\"}");
    g_assert_cmpstr (csv, ==, "old,csv\r\n");
    g_assert_cmpstr (entry, ==, "[Desktop Entry]\nName=Old\n");
    while ((name = g_dir_read_name (listing)) != NULL)
      g_assert_true (g_str_equal (name, "shop.json") || g_str_equal (name, "customers.csv"));
    assert_only_file (autostart_dir, autostart_name);
  }

  g_assert_true (crm_archive_export (shop.store, archive_file, NULL, &error));
  g_assert_true (crm_export_customers_csv (shop.store, csv_file, NULL, &error));
  g_assert_true (crm_autostart_set (TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (file_mode (archive_path), ==, 0600);
  g_assert_cmpint (file_mode (csv_path), ==, 0600);
  g_assert_cmpint (file_mode (autostart_path), ==, 0600);
  {
    g_autofree char *archive = read_file (archive_path);
    g_autofree char *csv = read_file (csv_path);

    g_assert_true (g_str_has_prefix (archive, "{\n  \"format\": \"clientele\""));
    g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "name,phone"));
  }

  umask (old_mask);
  g_assert_true (crm_autostart_set (FALSE, &error));
  shop_fixture_close (&shop);
  remove_tree (dir);
}

/* A real full disk: a 64 KB tmpfs holds the old archive, the new one
 * does not fit. Needs root (mount); skipped otherwise. */
static void
test_full_tmpfs (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *contents = NULL;
  ShopFixture shop;

  if (geteuid () != 0)
    {
      g_test_skip ("mounting a tmpfs needs root");
      return;
    }

  dir = g_dir_make_tmp ("clientele-full-XXXXXX", &error);
  g_assert_no_error (error);
  if (mount ("tmpfs", dir, "tmpfs", MS_NOSUID | MS_NODEV, "size=64k,mode=0700") != 0)
    {
      g_autofree char *why = g_strdup_printf ("cannot mount a tmpfs here: %s", g_strerror (errno));

      g_rmdir (dir);
      g_test_skip (why);
      return;
    }

  path = g_build_filename (dir, "shop.json", NULL);
  file = g_file_new_for_path (path);
  write_file (path, "{\"old\": \"archive\"}", 0600);

  shop_fixture_open (&shop, NOW);
  g_assert_true (crm_demo_fill (shop.store, 100, 3, &error));
  g_assert_no_error (error);

  g_assert_false (crm_archive_export (shop.store, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_test_message ("%s", error->message);

  contents = read_file (path);
  g_assert_cmpstr (contents, ==, "{\"old\": \"archive\"}");
  assert_only_file (dir, "shop.json");

  shop_fixture_close (&shop);
  g_remove (path);
  g_assert_cmpint (umount (dir), ==, 0);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/file-writer/replaces", test_replaces);
  g_test_add_func ("/file-writer/failed-write", test_failed_write);
  g_test_add_func ("/file-writer/abandoned", test_abandoned);
  g_test_add_func ("/file-writer/private", test_private);
  g_test_add_func ("/file-writer/no-folder", test_no_folder);
  g_test_add_func ("/file-writer/users", test_users);
  g_test_add_func ("/file-writer/full-tmpfs", test_full_tmpfs);

  return g_test_run ();
}
