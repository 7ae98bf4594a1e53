/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Backups, restores, damaged files and read verbs, in temporary folders:
 * what docs/data-safety.md promises a shop owner. */

#include "config.h"

#include <glib/gstdio.h>

#include "crm-store-backup.h"
#include "crm-store-job.h"
#include "crm-store-private.h"
#include "damage-util.h"
#include "shop-fixture.h"

static void
assert_counts (const CrmShopCounts *counts,
               guint64              customers,
               guint64              purchases,
               guint64              follow_ups)
{
  g_assert_cmpuint (counts->customers, ==, customers);
  g_assert_cmpuint (counts->purchases, ==, purchases);
  g_assert_cmpuint (counts->follow_ups, ==, follow_ups);
  g_assert_cmpuint (counts->schema_version, ==, CRM_STORE_SCHEMA_VERSION);
}

/* No temporary file of a copy is left in @folder. */
static void
assert_no_parts (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".part") || g_str_has_prefix (name, ".clientele-restore"))
      g_error ("A temporary file was left behind: %s/%s", folder, name);
}

static guint
count_sidecars (const char *path)
{
  const char *const suffixes[] = { "-wal", "-shm", "-journal" };
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *sidecar = g_strconcat (path, suffixes[i], NULL);

      n += g_file_test (sidecar, G_FILE_TEST_EXISTS);
    }

  return n;
}

/* A backup while another connection writes, a change, the restore: the
 * counts come back, the replaced shop is kept, and a connection that had
 * the shop open all along sees the restored data as another program's
 * commit. */
static void
test_round_trip (void)
{
  ShopFixture shop = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) watcher = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *kept = NULL;
  CrmShopCounts counts = { 0 };
  CrmShopCounts before = { 0 };
  GStatBuf st;
  guint changed = 0;

  shop_fixture_open (&shop, 1700000000);
  fill_shop (shop.store, 40);
  g_assert_true (crm_store_count_records (shop.store, &before, &error));
  assert_counts (&before, 40, 40, 14);

  copy = g_build_filename (shop.dir, "copy.db", NULL);
  g_assert_true (crm_store_back_up (shop.dir, copy, NULL, NULL, NULL, &counts, &error));
  g_assert_no_error (error);
  assert_counts (&counts, 40, 40, 14);
  g_assert_cmpint (g_stat (copy, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* One file, nothing beside it: it can go on a stick as it is. */
  g_assert_cmpuint (count_sidecars (copy), ==, 0);
  assert_no_parts (shop.dir);

  /* Work goes on after the backup. */
  fill_shop (shop.store, 7);

  watcher = crm_store_open (shop.dir, &error);
  g_assert_no_error (error);
  g_signal_connect_swapped (watcher, "changed", G_CALLBACK (g_atomic_int_inc), &changed);

  g_assert_true (crm_store_restore (shop.dir, copy, shop.now, NULL, NULL, NULL, &kept, &error));
  g_assert_no_error (error);

  /* The shop is the backup again, in every connection. */
  g_assert_true (crm_store_count_records (shop.store, &counts, &error));
  assert_counts (&counts, 40, 40, 14);
  g_assert_true (crm_store_check_outside_changes (watcher));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (crm_store_count_customers (watcher), ==, 40);

  /* What it replaced is kept, whole, in the backups folder. */
  g_assert_nonnull (kept);
  g_assert_true (g_str_has_prefix (kept, shop.dir));
  g_assert_true (crm_store_inspect_file (kept, &counts, &error));
  assert_counts (&counts, 47, 47, 17);
  assert_no_parts (shop.dir);

  g_clear_object (&watcher);
  shop_fixture_close (&shop);
}

/* A year and a month of days on a clock the test moves: 14 daily and 12
 * monthly copies stay, the newest, in both folders; another file in the
 * folder is never touched. */
static void
test_rotation (void)
{
  ShopFixture shop = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *second = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *mine = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GDateTime) start = g_date_time_new_local (2025, 1, 20, 9, 30, 0);
  const char *folders[2];

  shop_fixture_open (&shop, g_date_time_to_unix (start));
  fill_shop (shop.store, 3);
  second = g_build_filename (shop.dir, "stick", NULL);
  g_assert_cmpint (g_mkdir (second, 0700), ==, 0);
  folder = crm_store_backup_folder (shop.dir);
  folders[0] = folder;
  folders[1] = second;
  mine = g_build_filename (second, "my-notes.txt", NULL);
  g_assert_true (g_file_set_contents (mine, "mine", -1, NULL));

  /* Every few days through the year (each month still gets its first
   * start), then every day of the last three weeks. */
  for (guint day = 0; day < 400; day++)
    {
      g_autoptr(GDateTime) when = g_date_time_add_days (start, (gint) day);
      g_autofree char *note = NULL;

      if (day % 9 != 0 && day < 379)
        continue;

      /* Two starts on most days: the second one writes nothing new. */
      for (guint start_of_day = 0; start_of_day < (day % 5 == 0 ? 1 : 2); start_of_day++)
        g_assert_true (crm_store_back_up_daily (shop.dir, second, g_date_time_to_unix (when),
                                                FALSE, &note, &error));
      g_assert_no_error (error);
      g_assert_null (note);
    }

  for (guint f = 0; f < G_N_ELEMENTS (folders); f++)
    {
      g_autoptr(GDateTime) last = g_date_time_add_days (start, 399);
      guint n_daily = 0, n_monthly = 0;

      backups = crm_store_list_backups (folders[f]);
      for (guint i = 0; i < backups->len; i++)
        {
          CrmBackup *backup = g_ptr_array_index (backups, i);
          g_autofree char *name = g_path_get_basename (backup->path);

          if (backup->kind == CRM_BACKUP_DAILY)
            {
              /* One of the last 14 days. */
              gboolean found = FALSE;

              for (int d = 0; d < CRM_BACKUP_KEEP_DAILY && !found; d++)
                {
                  g_autoptr(GDateTime) expected = g_date_time_add_days (last, -d);
                  g_autofree char *expected_name = g_date_time_format (expected, "daily-%Y-%m-%d.db");

                  found = g_str_equal (name, expected_name);
                }
              g_assert_true (found);
              n_daily++;
            }
          else if (backup->kind == CRM_BACKUP_MONTHLY)
            {
              gboolean found = FALSE;

              for (int m = 0; m < CRM_BACKUP_KEEP_MONTHLY && !found; m++)
                {
                  g_autoptr(GDateTime) expected = g_date_time_add_months (last, -m);
                  g_autofree char *expected_name = g_date_time_format (expected, "monthly-%Y-%m.db");

                  found = g_str_equal (name, expected_name);
                }
              g_assert_true (found);
              n_monthly++;
            }
          else
            g_assert_not_reached ();
        }
      g_assert_cmpuint (n_daily, ==, CRM_BACKUP_KEEP_DAILY);
      g_assert_cmpuint (n_monthly, ==, CRM_BACKUP_KEEP_MONTHLY);
      assert_no_parts (folders[f]);
      g_clear_pointer (&backups, g_ptr_array_unref);
    }
  g_assert_true (g_file_test (mine, G_FILE_TEST_IS_REGULAR));

  /* The stick is pulled out: a note, not a failure, and the backups
   * folder still gets its copy. */
  {
    g_autoptr(GDateTime) later = g_date_time_add_days (start, 400);
    g_autofree char *gone = g_build_filename (shop.dir, "no-stick", NULL);
    g_autofree char *note = NULL;
    g_autofree char *today = g_date_time_format (later, "daily-%Y-%m-%d.db");
    g_autofree char *today_path = g_build_filename (folder, today, NULL);

    g_assert_true (crm_store_back_up_daily (shop.dir, gone, g_date_time_to_unix (later), FALSE,
                                            &note, &error));
    g_assert_no_error (error);
    g_assert_nonnull (note);
    g_assert_nonnull (strstr (note, gone));
    g_assert_true (g_file_test (today_path, G_FILE_TEST_IS_REGULAR));
    g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));
  }

  shop_fixture_close (&shop);
}

/* Each kind of damage: refused by the check, by every way of opening, by
 * a backup; the file stays byte for byte as it was. */
static void
test_damage (gconstpointer data)
{
  Damage damage = GPOINTER_TO_UINT (data);
  ShopFixture shop = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autofree char *db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *copy = NULL;
  CrmStoreOpenFlags ways[] = { CRM_STORE_OPEN_DEFAULT, CRM_STORE_OPEN_READ_ONLY, CRM_STORE_OPEN_SNAPSHOT };

  shop_fixture_open (&shop, 1700000000);
  fill_shop (shop.store, 300);
  g_clear_object (&shop.store);
  db = shop_db_path (shop.dir);
  damage_file (db, damage);
  before = file_checksum (db);

  g_assert_false (crm_store_check_file (shop.dir, &error));
  g_assert_true (g_error_matches (error, CRM_STORE_ERROR, CRM_STORE_ERROR_DAMAGED) ||
                 g_error_matches (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_A_DATABASE));
  g_assert_nonnull (strstr (error->message, db));
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (ways); i++)
    {
      store = crm_store_open_full (shop.dir, ways[i], &error);
      g_assert_null (store);
      g_assert_true (g_error_matches (error, CRM_STORE_ERROR, CRM_STORE_ERROR_DAMAGED) ||
                     g_error_matches (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_A_DATABASE));
      g_clear_error (&error);
    }

  /* The window's way: the shop opens before its check only if its
   * schema reads, and then writes nothing once the check fails. */
  store = crm_store_open_checking (shop.dir, &error);
  if (store == NULL)
    {
      g_assert_nonnull (error);
      g_clear_error (&error);
    }
  else
    {
      g_autoptr(CrmStoreJob) job = crm_store_job_new_check (store);

      g_assert_true (crm_store_is_checking (store));
      g_assert_false (crm_store_job_run (job, NULL, &error));
      g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_DAMAGED);
      g_clear_error (&error);
      g_assert_false (crm_store_is_checking (store));
      g_assert_false (crm_store_set_setting (store, "shop.name", "Written into damage", &error));
      g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_DAMAGED);
      g_clear_error (&error);
      g_clear_object (&store);
    }

  copy = g_build_filename (shop.dir, "copy.db", NULL);
  g_assert_false (crm_store_back_up (shop.dir, copy, NULL, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  assert_no_parts (shop.dir);

  after = file_checksum (db);
  g_assert_cmpstr (before, ==, after);

  shop_fixture_close (&shop);
}

/* A zeroed page in the middle of customers: the salvage saves the rest
 * into a sound new file and says what was lost; the newest good backup
 * then takes the damaged file's place, which is kept aside unchanged. */
static void
test_salvage_and_recover (void)
{
  ShopFixture shop = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) salvaged = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autofree char *db = NULL;
  g_autofree char *damaged_sum = NULL;
  g_autofree char *saved_path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *kept_sum = NULL;
  g_autofree char *described = NULL;
  CrmShopCounts counts = { 0 };
  guint64 saved_customers = 0, lost_customers = 0;

  shop_fixture_open (&shop, 1700000000);
  fill_shop (shop.store, 300);
  g_assert_true (crm_store_back_up_daily (shop.dir, NULL, shop.now, FALSE, NULL, &error));
  fill_shop (shop.store, 5);
  g_clear_object (&shop.store);

  db = shop_db_path (shop.dir);
  damage_file (db, DAMAGE_ZEROED_PAGE);
  damaged_sum = file_checksum (db);

  saved_path = g_build_filename (shop.dir, "what-could-be-read.db", NULL);
  salvaged = crm_store_salvage (shop.dir, saved_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (salvaged);
  for (guint i = 0; i < salvaged->len; i++)
    {
      CrmStoreSalvaged *entry = g_ptr_array_index (salvaged, i);

      if (g_str_equal (entry->table, "customers"))
        {
          saved_customers = entry->saved;
          lost_customers = entry->lost;
          g_assert_true (entry->incomplete);
        }
    }
  /* A page holds some customers, not most of them. */
  g_assert_cmpuint (saved_customers, >, 200);
  g_assert_cmpuint (saved_customers, <, 305);
  /* Ids without gaps: the ids skipped are the customers lost. */
  g_assert_cmpuint (saved_customers + lost_customers, ==, 305);
  g_assert_true (crm_store_inspect_file (saved_path, &counts, &error));
  g_assert_cmpuint (counts.customers, ==, saved_customers);
  /* Purchases of customers that were lost cannot be kept. */
  g_assert_cmpuint (counts.purchases, <=, saved_customers);
  described = crm_store_describe_salvage (salvaged);
  g_test_message ("%s", described);
  g_assert_nonnull (strstr (described, "Could not be read"));

  {
    g_autofree char *sum = file_checksum (db);

    g_assert_cmpstr (sum, ==, damaged_sum);
  }

  /* The newest good backup, chosen as the recovery page does. */
  folder = crm_store_backup_folder (shop.dir);
  backups = crm_store_list_backups (folder);
  g_assert_cmpuint (backups->len, >, 0);
  g_assert_true (crm_store_restore (shop.dir, ((CrmBackup *) g_ptr_array_index (backups, 0))->path,
                                    shop.now, NULL, NULL, NULL, &kept, &error));
  g_assert_no_error (error);

  store = crm_store_open (shop.dir, &error);
  g_assert_no_error (error);
  g_assert_true (crm_store_count_records (store, &counts, &error));
  assert_counts (&counts, 300, 300, 100);

  g_assert_nonnull (strstr (kept, "damaged-"));
  kept_sum = file_checksum (kept);
  g_assert_cmpstr (kept_sum, ==, damaged_sum);
  assert_no_parts (shop.dir);

  shop_fixture_close (&shop);
}

/* Read verbs: nothing is created where there is no shop, and the error
 * names the folder; a snapshot brings figures up to date in memory while
 * the file does not change by a byte. */
static void
test_read_only (void)
{
  ShopFixture shop = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CrmStoreOpenFlags ways[] = { CRM_STORE_OPEN_READ_ONLY, CRM_STORE_OPEN_SNAPSHOT };

  shop_fixture_open (&shop, 1700000000);
  missing = g_build_filename (shop.dir, "mistyped", NULL);
  empty = g_build_filename (shop.dir, "empty", NULL);
  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (ways); i++)
    {
      store = crm_store_open_full (missing, ways[i], &error);
      g_assert_null (store);
      g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NO_SHOP);
      g_assert_nonnull (strstr (error->message, missing));
      g_clear_error (&error);
      g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

      store = crm_store_open_full (empty, ways[i], &error);
      g_assert_null (store);
      g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NO_SHOP);
      g_assert_nonnull (strstr (error->message, empty));
      g_clear_error (&error);
    }
  {
    g_autofree char *none = g_build_filename (empty, CRM_STORE_FILE_NAME, NULL);

    g_assert_false (g_file_test (none, G_FILE_TEST_EXISTS));
  }

  fill_shop (shop.store, 20);
  g_clear_object (&shop.store);
  db = shop_db_path (shop.dir);
  before = file_checksum (db);

  store = crm_store_open_full (shop.dir, CRM_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (crm_store_is_read_only (store));
  g_assert_cmpuint (crm_store_count_customers (store), ==, 20);
  g_assert_false (crm_store_set_setting (store, "shop.name", "Changed", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_object (&store);

  store = crm_store_open_full (shop.dir, CRM_STORE_OPEN_SNAPSHOT, &error);
  g_assert_no_error (error);
  g_assert_true (crm_store_refresh_all (store, &error));
  g_assert_true (crm_store_set_setting (store, "shop.name", "Only in memory", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  after = file_checksum (db);
  g_assert_cmpstr (before, ==, after);

  store = crm_store_open_full (shop.dir, CRM_STORE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  {
    g_autofree char *name = crm_store_dup_setting (store, "shop.name", "none");

    g_assert_cmpstr (name, ==, "none");
  }
  g_clear_object (&store);

  shop_fixture_close (&shop);
}

typedef struct
{
  CrmStore *store;
  gboolean  ok;
  GError   *error;
} PendingWrite;

static gpointer
write_thread (gpointer data)
{
  PendingWrite *write = data;

  write->ok = crm_store_set_setting (write->store, "shop.name", "Written meanwhile", &write->error);
  return NULL;
}

static void
assert_shop_name (const char *dir,
                  const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open_full (dir, CRM_STORE_OPEN_READ_ONLY, &error);
  g_autofree char *name = NULL;

  g_assert_no_error (error);
  name = crm_store_dup_setting (store, "shop.name", "none");
  g_assert_cmpstr (name, ==, expected);
}

/* A shop opened before its check: a write made meanwhile, here or on a
 * worker's connection, waits for the check; it lands when the check
 * passes and never when it fails. A shop with no file yet, or one whose
 * schema needs an update, does not open this way and is not touched. */
static void
test_open_before_check (gconstpointer data)
{
  gboolean damaged = GPOINTER_TO_INT (data);
  ShopFixture shop = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(CrmStore) worker = NULL;
  g_autoptr(CrmStoreJob) job = NULL;
  g_autofree char *db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  PendingWrite writes[2] = { 0 };
  GThread *threads[2];
  gboolean passed;

  shop_fixture_open (&shop, 1700000000);
  fill_shop (shop.store, 300);
  g_clear_object (&shop.store);
  db = shop_db_path (shop.dir);
  if (damaged)
    damage_file (db, DAMAGE_FLIPPED);
  before = file_checksum (db);

  store = crm_store_open_checking (shop.dir, &error);
  g_assert_no_error (error);
  g_assert_true (crm_store_is_checking (store));
  /* Reading goes ahead (the flipped page is not the one counted). */
  g_assert_cmpuint (crm_store_count_customers (store), >, 0);
  worker = crm_store_reopen (store, &error);
  g_assert_no_error (error);

  writes[0].store = store;
  writes[1].store = worker;
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("write", write_thread, &writes[i]);

  job = crm_store_job_new_check (store);
  passed = crm_store_job_run (job, NULL, &error);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);

  g_assert_false (crm_store_is_checking (store));
  if (damaged)
    {
      g_assert_false (passed);
      g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_DAMAGED);
      for (guint i = 0; i < G_N_ELEMENTS (writes); i++)
        {
          g_assert_false (writes[i].ok);
          g_assert_error (writes[i].error, CRM_STORE_ERROR, CRM_STORE_ERROR_DAMAGED);
          g_clear_error (&writes[i].error);
        }
      g_clear_object (&worker);
      g_clear_object (&store);
      after = file_checksum (db);
      g_assert_cmpstr (before, ==, after);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_true (passed);
      for (guint i = 0; i < G_N_ELEMENTS (writes); i++)
        {
          g_assert_no_error (writes[i].error);
          g_assert_true (writes[i].ok);
        }
      g_assert_true (crm_store_set_setting (store, "shop.name", "After the check", &error));
      g_assert_no_error (error);
      g_clear_object (&worker);
      g_clear_object (&store);
      assert_shop_name (shop.dir, "After the check");
    }

  shop_fixture_close (&shop);
}

/* Only a shop that is there and up to date opens before its check. */
static void
test_open_before_check_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) old = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autofree char *dir = g_dir_make_tmp ("clientele-test-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, CRM_STORE_FILE_NAME, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const CrmMigration *steps;
  gsize n_steps;

  store = crm_store_open_checking (dir, &error);
  g_assert_null (store);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NO_SHOP);
  g_clear_error (&error);
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  steps = crm_store_get_migrations (&n_steps);
  old = crm_store_open_unchecked (db, &error);
  g_assert_no_error (error);
  g_assert_true (crm_store_exec (old, "PRAGMA application_id = 1129074260", &error));
  g_assert_true (crm_store_run_migrations (old, steps, 1, &error));
  g_clear_object (&old);
  before = file_checksum (db);

  store = crm_store_open_checking (dir, &error);
  g_assert_null (store);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_OLDER_SCHEMA);
  g_clear_error (&error);
  after = file_checksum (db);
  g_assert_cmpstr (before, ==, after);

  remove_tree (dir);
}

/* A database of the first schema is copied before it is brought up to
 * date, and the copy is still the first schema. */
static void
test_backup_before_update (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) old = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *dir = g_dir_make_tmp ("clientele-test-XXXXXX", &error);
  g_autofree char *db = shop_db_path (dir);
  g_autofree char *folder = crm_store_backup_folder (dir);
  const CrmMigration *steps;
  gsize n_steps;
  CrmShopCounts counts = { 0 };

  steps = crm_store_get_migrations (&n_steps);
  old = crm_store_open_unchecked (db, &error);
  g_assert_no_error (error);
  g_assert_true (crm_store_exec (old, "PRAGMA application_id = 1129074260", &error));
  g_assert_true (crm_store_run_migrations (old, steps, 1, &error));
  g_assert_true (crm_store_exec (old, "INSERT INTO customers (name, created_at, updated_at) "
                                      "VALUES ('Ani', 1, 1)", &error));
  g_clear_object (&old);

  store = crm_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_get_schema_version (store), ==, CRM_STORE_SCHEMA_VERSION);

  backups = crm_store_list_backups (folder);
  g_assert_cmpuint (backups->len, ==, 1);
  g_assert_cmpint (((CrmBackup *) g_ptr_array_index (backups, 0))->kind, ==, CRM_BACKUP_BEFORE_UPDATE);
  g_assert_true (crm_store_inspect_file (((CrmBackup *) g_ptr_array_index (backups, 0))->path,
                                         &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.schema_version, ==, 1);
  g_assert_cmpuint (counts.customers, ==, 1);

  g_clear_object (&store);
  remove_tree (dir);
}

/* The window's way: the copy is made beforehand, in a worker, on a
 * connection that cannot write, and the open that updates makes no
 * second one. */
static void
test_backup_for_update (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) old = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *dir = g_dir_make_tmp ("clientele-test-XXXXXX", &error);
  g_autofree char *db = shop_db_path (dir);
  g_autofree char *folder = crm_store_backup_folder (dir);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const CrmMigration *steps;
  gsize n_steps;

  /* Nothing to copy where there is no shop yet. */
  g_assert_true (crm_store_back_up_for_update (dir, &error));
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  steps = crm_store_get_migrations (&n_steps);
  old = crm_store_open_unchecked (db, &error);
  g_assert_true (crm_store_exec (old, "PRAGMA application_id = 1129074260", &error));
  g_assert_true (crm_store_run_migrations (old, steps, 1, &error));
  g_clear_object (&old);
  before = file_checksum (db);

  g_assert_true (crm_store_back_up_for_update (dir, &error));
  g_assert_no_error (error);
  after = file_checksum (db);
  g_assert_cmpstr (before, ==, after);
  backups = crm_store_list_backups (folder);
  g_assert_cmpuint (backups->len, ==, 1);
  g_clear_pointer (&backups, g_ptr_array_unref);

  store = crm_store_open_full (dir, CRM_STORE_OPEN_CHECKED | CRM_STORE_OPEN_BACKED_UP, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_get_schema_version (store), ==, CRM_STORE_SCHEMA_VERSION);
  backups = crm_store_list_backups (folder);
  g_assert_cmpuint (backups->len, ==, 1);
  g_clear_pointer (&backups, g_ptr_array_unref);

  /* Up to date now: nothing more to copy. */
  g_clear_object (&store);
  g_assert_true (crm_store_back_up_for_update (dir, &error));
  backups = crm_store_list_backups (folder);
  g_assert_cmpuint (backups->len, ==, 1);

  remove_tree (dir);
}

/* Cancel after the first step, while there is more to copy. */
static void
cancel_midway (guint64   done,
               guint64   total,
               gpointer  user_data)
{
  if (done < total)
    g_cancellable_cancel (user_data);
}

/* Cancel halfway: no file where the copy was going, no temporary left,
 * and an older file of that name unchanged. */
static void
test_cancel (void)
{
  ShopFixture shop = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *copy = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *kept = NULL;
  CrmShopCounts counts = { 0 };

  shop_fixture_open (&shop, 1700000000);
  fill_shop (shop.store, 3000);
  copy = g_build_filename (shop.dir, "copy.db", NULL);
  g_assert_true (g_file_set_contents (copy, "an older file", -1, NULL));
  before = file_checksum (copy);

  g_assert_false (crm_store_back_up (shop.dir, copy, cancel_midway, cancellable, cancellable,
                                     NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  after = file_checksum (copy);
  g_assert_cmpstr (before, ==, after);
  assert_no_parts (shop.dir);

  /* A restore cancelled halfway leaves the shop as it was. */
  g_assert_true (crm_store_back_up (shop.dir, copy, NULL, NULL, NULL, NULL, &error));
  fill_shop (shop.store, 10);
  g_cancellable_reset (cancellable);
  g_assert_false (crm_store_restore (shop.dir, copy, shop.now, cancel_midway, cancellable,
                                     cancellable, &kept, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (kept);
  g_assert_true (crm_store_count_records (shop.store, &counts, &error));
  g_assert_cmpuint (counts.customers, ==, 3010);
  assert_no_parts (shop.dir);

  shop_fixture_close (&shop);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/backup/round-trip", test_round_trip);
  g_test_add_func ("/backup/rotation", test_rotation);
  g_test_add_func ("/backup/before-update", test_backup_before_update);
  g_test_add_func ("/backup/for-update", test_backup_for_update);
  g_test_add_func ("/backup/cancel", test_cancel);
  g_test_add_func ("/backup/read-only", test_read_only);
  g_test_add_func ("/backup/salvage-and-recover", test_salvage_and_recover);
  g_test_add_data_func ("/backup/open-before-check/sound", GINT_TO_POINTER (FALSE),
                        test_open_before_check);
  g_test_add_data_func ("/backup/open-before-check/damaged", GINT_TO_POINTER (TRUE),
                        test_open_before_check);
  g_test_add_func ("/backup/open-before-check/refused", test_open_before_check_refused);
  for (guint i = 0; i < N_DAMAGES; i++)
    {
      g_autofree char *path = g_strdup_printf ("/backup/damage/%s", damage_names[i]);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_damage);
    }

  return g_test_run ();
}
