/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The disk and the process misbehaving: the real clientele killed with
 * SIGKILL at random points of an import and of a restore, a full disk
 * (a small tmpfs when the test may mount one, as root in CI; SQLite's
 * max_page_count otherwise), a read-only folder, and the WAL emptied at
 * close. Every case ends with a database that passes its check and holds
 * all or none of what was under way. */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "crm-store-backup.h"
#include "crm-store-private.h"
#include "damage-util.h"
#include "shop-fixture.h"

#define N_KILLS 20

/* Fixed, so that a failure can be run again; CLIENTELE_KILL_SEED picks
 * another. */
#define DEFAULT_SEED 20261202

static guint32
kill_seed (void)
{
  const char *env = g_getenv ("CLIENTELE_KILL_SEED");

  return env != NULL ? (guint32) g_ascii_strtoull (env, NULL, 10) : DEFAULT_SEED;
}

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("clientele-safety-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) dest = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* A shop of @n customers in a new folder, closed: its file alone. */
static char *
shop_of (guint n)
{
  g_autofree char *dir = make_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (dir, &error);

  g_assert_no_error (error);
  fill_shop (store, n);
  return g_steal_pointer (&dir);
}

/* A fresh folder holding a copy of @base's database. */
static char *
copy_of_shop (const char *base)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *from = shop_db_path (base);
  g_autofree char *to = shop_db_path (dir);

  copy_file (from, to);
  return g_steal_pointer (&dir);
}

static GPid
spawn_clientele (const char *data_dir,
                 const char *verb,
                 const char *file)
{
  const char *argv[] = { g_getenv ("CLIENTELE_BINARY"), "--data-dir", data_dir, verb, file, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                                G_SPAWN_STDERR_TO_DEV_NULL,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  return pid;
}

/* How long the verb takes when left alone: the range the kills fall in. */
static gint64
time_to_finish (const char *data_dir,
                const char *verb,
                const char *file)
{
  gint64 start = g_get_monotonic_time ();
  GPid pid = spawn_clientele (data_dir, verb, file);
  int status = 0;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_spawn_close_pid (pid);

  return g_get_monotonic_time () - start;
}

/* Runs the verb and kills it after a random wait up to a little past its
 * usual end; says whether the kill came before it exited. */
static gboolean
run_and_kill (const char *data_dir,
              const char *verb,
              const char *file,
              gint64      usual,
              GRand      *rand)
{
  GPid pid = spawn_clientele (data_dir, verb, file);
  gint64 wait = g_rand_int_range (rand, 0, (gint32) MIN (usual * 6 / 5, G_MAXINT32));
  int status = 0;

  g_usleep ((gulong) wait);
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);

  return WIFSIGNALED (status);
}

/* The database of @data_dir passes the whole-file check and opens. */
static CrmStore *
open_intact (const char *data_dir,
             guint32     seed,
             guint       round)
{
  g_autoptr(GError) error = NULL;
  CrmStore *store;

  if (!crm_store_check_file (data_dir, &error))
    g_error ("seed %u, kill %u: the shop fails its check: %s", seed, round, error->message);

  store = crm_store_open (data_dir, &error);
  if (store == NULL)
    g_error ("seed %u, kill %u: the shop does not open: %s", seed, round, error->message);

  return store;
}

static char *
write_import_csv (const char *dir,
                  guint       n)
{
  g_autoptr(GString) csv = g_string_new ("Name,Phone,Notes\n");
  g_autofree char *path = g_build_filename (dir, "import.csv", NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "Imported %u,+374 91 %06u,Came from the market stall\n", i + 1, i + 1);
  g_assert_true (g_file_set_contents (path, csv->str, (gssize) csv->len, NULL));

  return g_steal_pointer (&path);
}

/* N_KILLS runs of `clientele VERB FILE`, each on a fresh copy of @base and
 * killed at a random point: every shop passes its check and holds @before
 * or @after customers, nothing in between. Returns the folder of the last
 * round, for a look at what a kill left behind. */
static char *
kill_rounds (const char *base,
             const char *verb,
             const char *file,
             guint       before,
             guint       after,
             guint32     seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed ^ g_str_hash (verb));
  g_autofree char *timing = copy_of_shop (base);
  gint64 usual = time_to_finish (timing, verb, file);
  char *dir = NULL;
  guint n_before = 0, n_after = 0;

  g_test_message ("kill seed %u; %s takes %" G_GINT64_FORMAT " us", seed, verb, usual);

  for (guint round = 0; round < N_KILLS; round++)
    {
      g_autoptr(CrmStore) store = NULL;
      guint n;

      if (dir != NULL)
        remove_tree (dir);
      g_free (dir);
      dir = copy_of_shop (base);

      run_and_kill (dir, verb, file, usual, rand);
      store = open_intact (dir, seed, round);
      n = crm_store_count_customers (store);
      if (n == before)
        n_before++;
      else if (n == after)
        n_after++;
      else
        g_error ("seed %u, kill %u: %s left %u customers, not %u or %u", seed, round, verb, n, before, after);
    }

  g_test_message ("as it was %u, done %u", n_before, n_after);
  remove_tree (timing);
  return dir;
}

/* 20 kills during an import: none of the file or all of it. */
static void
test_kill_import (void)
{
  g_autofree char *base = shop_of (50);
  g_autofree char *files = make_dir ();
  g_autofree char *csv = write_import_csv (files, 3000);
  g_autofree char *last = kill_rounds (base, "--import", csv, 50, 3050, kill_seed ());

  remove_tree (last);
  remove_tree (files);
  remove_tree (base);
}

/* 20 kills during a restore of a 3000-customer backup over a 400-customer
 * shop: the shop as it was or the backup whole; afterwards a restore left
 * alone still goes through. */
static void
test_kill_restore (void)
{
  guint32 seed = kill_seed ();
  g_autofree char *base = shop_of (400);
  g_autofree char *other = shop_of (3000);
  g_autofree char *files = make_dir ();
  g_autofree char *backup = g_build_filename (files, "backup.db", NULL);
  g_autofree char *last = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;

  g_assert_true (crm_store_back_up (other, backup, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  last = kill_rounds (base, "--restore", backup, 400, 3000, seed);

  /* What a killed restore left behind does not stand in the way. */
  g_assert_true (crm_store_restore (last, backup, 0, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  store = open_intact (last, seed, N_KILLS);
  g_assert_cmpuint (crm_store_count_customers (store), ==, 3000);
  g_clear_object (&store);

  remove_tree (last);
  remove_tree (files);
  remove_tree (other);
  remove_tree (base);
}

/* Adds customers with long notes until a write fails; returns how many
 * went in, with @error set by the one that failed. */
static guint
fill_until_failure (CrmStore  *store,
                    GError   **error)
{
  g_autofree char *notes = g_strnfill (3000, 'n');
  guint n = 0;

  for (;; n++)
    {
      g_autofree char *name = g_strdup_printf ("Filler %u", n);
      CrmCustomerFields fields = { .name = name, .notes = notes };

      if (crm_store_add_customer (store, &fields, error) == 0)
        return n;
      g_assert_cmpuint (n, <, 100000);
    }
}

/* A full disk: the write that does not fit is refused in words that name
 * the folder, and the shop keeps everything written before it. */
static void
assert_full_disk_refused (CrmStore   *store,
                          const char *folder)
{
  g_autoptr(GError) error = NULL;
  guint before = crm_store_count_customers (store);
  guint added = fill_until_failure (store, &error);

  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, folder));
  g_assert_cmpuint (crm_store_count_customers (store), ==, before + added);
  g_clear_error (&error);

  /* A bigger write that fails undoes itself whole. */
  g_assert_true (crm_store_begin (store, &error));
  fill_until_failure (store, &error);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_DISK_FULL);
  crm_store_rollback (store);
  g_assert_cmpuint (crm_store_count_customers (store), ==, before + added);
}

/* Without a disk to fill: SQLite's max_page_count makes the file full. */
static void
test_full_database (void)
{
  ShopFixture shop = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) check = NULL;
  guint n;

  shop_fixture_open (&shop, 1700000000);
  fill_shop (shop.store, 20);
  g_assert_true (crm_store_exec (shop.store, "PRAGMA max_page_count = 200", &error));
  assert_full_disk_refused (shop.store, shop.dir);
  n = crm_store_count_customers (shop.store);
  g_clear_object (&shop.store);

  check = crm_store_open (shop.dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_count_customers (check), ==, n);
  g_clear_object (&check);
  shop_fixture_close (&shop);
}

static gboolean
run (const char *command)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  return g_spawn_command_line_sync (command, NULL, &err, &status, &error) &&
         g_spawn_check_wait_status (status, NULL);
}

static gboolean run_printf (const char *format,
                            ...) G_GNUC_PRINTF (1, 2);

static gboolean
run_printf (const char *format,
            ...)
{
  g_autofree char *command = NULL;
  va_list args;

  va_start (args, format);
  command = g_strdup_vprintf (format, args);
  va_end (args);

  return run (command);
}

/* A tmpfs of @size at a new folder, or NULL (and the test skipped) where
 * this process may not mount one. */
static char *
mount_small_disk (const char *size)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *command = g_strdup_printf ("mount -t tmpfs -o size=%s,mode=0700 tmpfs %s", size, dir);

  if (getuid () != 0 || !run (command))
    {
      g_test_skip ("Needs to mount a small tmpfs (root)");
      g_rmdir (dir);
      return NULL;
    }

  return g_steal_pointer (&dir);
}

static void
unmount (char *dir)
{
  g_assert_true (run_printf ("umount %s", dir));
  g_rmdir (dir);
  g_free (dir);
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : -1;
}

/* A real full disk: the shop's writes, and a backup onto it. The shop
 * keeps what it had, the WAL is emptied at close, an older backup of the
 * same name stays, and nothing half-written is left. */
static void
test_full_disk (void)
{
  g_autofree char *disk = mount_small_disk ("2m");
  g_autofree char *outside = NULL;
  g_autofree char *db = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *filler = NULL;
  g_autofree char *old_backup = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  guint n;

  if (disk == NULL)
    return;

  /* Other files take part of the disk, as they would. */
  filler = g_build_filename (disk, "filler", NULL);
  g_assert_true (run_printf ("dd if=/dev/zero of=%s bs=64k count=8", filler));

  store = crm_store_open (disk, &error);
  g_assert_no_error (error);
  fill_shop (store, 20);
  assert_full_disk_refused (store, disk);
  n = crm_store_count_customers (store);
  g_clear_object (&store);

  /* The WAL holds at most what was written since the last checkpoint:
   * it has not taken the disk. */
  db = shop_db_path (disk);
  wal = g_strconcat (db, "-wal", NULL);
  g_assert_cmpint (file_size (wal), <, 1024 * 1024);

  /* Room made: the next close empties it, and nothing was lost. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  store = crm_store_open (disk, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_count_customers (store), ==, n);
  g_clear_object (&store);
  g_assert_cmpint (file_size (wal), <=, 0);

  /* What is in the file, checked where there is room to open it. */
  outside = make_dir ();
  kept = shop_db_path (outside);
  copy_file (db, kept);
  store = crm_store_open (outside, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_count_customers (store), ==, n);
  g_clear_object (&store);

  /* A backup onto a disk with too little room: the shop outside grows,
   * the disk gets an older backup of the same name and a big file. */
  store = crm_store_open (outside, &error);
  g_assert_no_error (error);
  fill_shop (store, 2000);
  g_clear_object (&store);
  for (const char *const *suffix = (const char *const[]) { "", "-wal", "-shm", NULL }; *suffix; suffix++)
    {
      g_autofree char *file = g_strconcat (db, *suffix, NULL);

      g_unlink (file);
    }
  old_backup = g_build_filename (disk, "backup.db", NULL);
  g_assert_true (g_file_set_contents (old_backup, "the backup of last week", -1, NULL));
  before = file_checksum (old_backup);
  g_assert_true (run_printf ("dd if=/dev/zero of=%s bs=64k count=28", filler));

  g_assert_false (crm_store_back_up (outside, old_backup, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_DISK_FULL);
  g_assert_nonnull (strstr (error->message, disk));
  g_clear_error (&error);
  after = file_checksum (old_backup);
  g_assert_cmpstr (before, ==, after);
  {
    g_autoptr(GDir) listing = g_dir_open (disk, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      g_assert_false (g_str_has_suffix (name, ".part"));
  }

  remove_tree (outside);
  unmount (g_steal_pointer (&disk));
}

/* A read-only folder: the shop is not opened to write, a backup is not
 * written there, both say so naming the folder, and nothing changes. */
static void
test_read_only_folder (void)
{
  g_autofree char *disk = mount_small_disk ("4m");
  g_autofree char *outside = NULL;
  g_autofree char *db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;

  if (disk == NULL)
    return;

  store = crm_store_open (disk, &error);
  g_assert_no_error (error);
  fill_shop (store, 30);
  g_clear_object (&store);
  db = shop_db_path (disk);
  before = file_checksum (db);

  g_assert_true (run_printf ("mount -o remount,ro %s", disk));

  store = crm_store_open (disk, &error);
  g_assert_null (store);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, disk));
  g_clear_error (&error);

  outside = shop_of (5);
  copy = g_build_filename (disk, "copy.db", NULL);
  g_assert_false (crm_store_back_up (outside, copy, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, disk));
  g_clear_error (&error);

  after = file_checksum (db);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));

  remove_tree (outside);
  unmount (g_steal_pointer (&disk));
}

/* A big write through one connection while another keeps the shop open:
 * closing the first checkpoints and empties the WAL all the same. */
static void
test_wal_emptied_at_close (void)
{
  ShopFixture shop = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) other = NULL;
  g_autofree char *wal = NULL;

  shop_fixture_open (&shop, 1700000000);
  other = crm_store_open (shop.dir, &error);
  g_assert_no_error (error);
  wal = g_strconcat (crm_store_get_path (shop.store), "-wal", NULL);

  fill_shop (shop.store, 6000);
  g_assert_cmpint (file_size (wal), >, 4 * 1024 * 1024);
  g_clear_object (&shop.store);
  g_assert_cmpint (file_size (wal), ==, 0);
  g_assert_cmpuint (crm_store_count_customers (other), ==, 6000);

  g_clear_object (&other);
  shop_fixture_close (&shop);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/safety/kill/import", test_kill_import);
  g_test_add_func ("/safety/kill/restore", test_kill_restore);
  g_test_add_func ("/safety/full/database", test_full_database);
  g_test_add_func ("/safety/full/disk", test_full_disk);
  g_test_add_func ("/safety/read-only-folder", test_read_only_folder);
  g_test_add_func ("/safety/wal-emptied-at-close", test_wal_emptied_at_close);

  return g_test_run ();
}
