/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "crm-store-loyalty.h"
#include "crm-store-private.h"
#include "shop-fixture.h"

typedef struct
{
  char *dir;
  char *db_path;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("clientele-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, CRM_STORE_FILE_NAME, NULL);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db_path);
}

static char *
checksum_of (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* A database made by plain SQLite, the way an older Clientele, another
 * program or a newer Clientele would leave it. */
static void
write_raw_database (const char *path,
                    const char *sql)
{
  sqlite3 *db = NULL;
  char *errmsg = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    g_error ("fixture SQL failed: %s", errmsg);
  sqlite3_close (db);
}

/* SQLite's result code for @sql; on PostgreSQL the code of the same
 * kind of failure, read from the server's words. */
static int
exec_rc (CrmStore   *store,
         const char *sql)
{
  const char *message;

  if (!shop_fixture_on_pg ())
    return sqlite3_exec (crm_store_get_db (store), sql, NULL, NULL, NULL);

  if (crm_store_exec (store, sql, NULL))
    return SQLITE_OK;

  message = crm_store_errmsg (store);
  if (strstr (message, "violates foreign key constraint") != NULL)
    return SQLITE_CONSTRAINT_FOREIGNKEY;
  if (strstr (message, "violates check constraint") != NULL)
    return SQLITE_CONSTRAINT_CHECK;
  g_test_message ("%s", message);
  return SQLITE_ERROR;
}

static void
test_store_create (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autofree char *journal = NULL;
  static const char *tables[] = {
    "settings", "staff", "customers", "tags", "customer_tags", "purchases",
    "interactions", "follow_ups", "feedback", "rewards", "loyalty_ledger",
  };

  store = shop_store_open (fixture->dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpuint (crm_store_get_schema_version (store), ==, CRM_STORE_SCHEMA_VERSION);

  if (shop_fixture_on_pg ())
    {
      g_assert_cmpint (query_int (store, "SELECT version FROM schema_version"), ==, CRM_STORE_SCHEMA_VERSION);
      g_assert_cmpint (query_int (store, "SELECT value::bigint FROM clientele_meta "
                                         "WHERE key = 'application_id'"), ==, CRM_STORE_APPLICATION_ID);
      for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM pg_tables WHERE tablename = '%s'",
                                                  tables[i]);

          if (query_int (store, sql) != 1)
            g_error ("table %s is missing from schema 1", tables[i]);
        }
      return;
    }

  g_assert_cmpstr (crm_store_get_path (store), ==, fixture->db_path);
  g_assert_true (g_file_test (fixture->db_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (crm_store_get_schema_version (store), ==, CRM_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (store, "PRAGMA user_version"), ==, CRM_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (store, "PRAGMA application_id"), ==, CRM_STORE_APPLICATION_ID);
  g_assert_cmpint (query_int (store, "PRAGMA foreign_keys"), ==, 1);

  journal = query_text (store, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql =
        g_strdup_printf ("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%s'",
                         tables[i]);

      if (query_int (store, sql) != 1)
        g_error ("table %s is missing from schema 1", tables[i]);
    }
}

static void
test_store_creates_missing_folders (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autofree char *nested = g_build_filename (fixture->dir, "shop", "second", NULL);
  GStatBuf st;
  if (shop_fixture_skip_unless_sqlite ())
    return;


  store = shop_store_open (nested, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  g_assert_cmpint (g_stat (nested, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
}

static void
test_store_file_mode (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autofree char *wal = g_strconcat (fixture->db_path, "-wal", NULL);
  GStatBuf st;
  mode_t old_umask;
  if (shop_fixture_skip_unless_sqlite ())
    return;


  /* Even a permissive umask must not open the shop's data to others. */
  old_umask = umask (0);
  store = shop_store_open (fixture->dir, &error);
  umask (old_umask);
  g_assert_no_error (error);

  g_assert_cmpint (exec_rc (store, "INSERT INTO settings VALUES ('shop.name', 'Test')"), ==, SQLITE_OK);

  g_assert_cmpint (g_stat (fixture->db_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_store_reopen (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autofree char *name = NULL;
  g_autofree char *fallback = NULL;

  store = shop_store_open (fixture->dir, &error);
  g_assert_no_error (error);
  g_assert_true (crm_store_set_setting (store, "shop.name", "Nino’s Bakery · ნინოს საცხობი", &error));
  g_assert_no_error (error);
  g_assert_true (crm_store_set_setting (store, "shop.currency", "AMD", &error));
  g_assert_true (crm_store_set_setting (store, "shop.currency", "GEL", &error));
  g_assert_cmpint (exec_rc (store,
                            "INSERT INTO customers (name, created_at, updated_at) "
                            "VALUES ('Անի Պետրոսյան', 1, 1)"),
                   ==, SQLITE_OK);
  g_clear_object (&store);

  store = shop_store_open (fixture->dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_get_schema_version (store), ==, CRM_STORE_SCHEMA_VERSION);

  name = crm_store_dup_setting (store, "shop.name", NULL);
  g_assert_cmpstr (name, ==, "Nino’s Bakery · ნინოს საცხობი");
  g_free (name);
  name = crm_store_dup_setting (store, "shop.currency", NULL);
  g_assert_cmpstr (name, ==, "GEL");
  fallback = crm_store_dup_setting (store, "no.such.key", "fallback");
  g_assert_cmpstr (fallback, ==, "fallback");
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM customers"), ==, 1);
}

static void
test_store_migrates_empty_file (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  if (shop_fixture_skip_unless_sqlite ())
    return;


  /* A zero-byte file is what a first run interrupted before any write
   * leaves; SQLite reads it as an empty database at version 0. */
  g_assert_true (g_file_set_contents (fixture->db_path, "", 0, &error));

  store = shop_store_open (fixture->dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_get_schema_version (store), ==, CRM_STORE_SCHEMA_VERSION);
}

static void
test_store_migrates_older_version (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  if (shop_fixture_skip_unless_sqlite ())
    return;


  /* A Clientele database from before schema 1 carries our id and nothing else. */
  write_raw_database (fixture->db_path, "PRAGMA application_id = 1129074260; PRAGMA user_version = 0;");

  store = shop_store_open (fixture->dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_get_schema_version (store), ==, CRM_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM sqlite_master WHERE name = 'customers'"), ==, 1);
}

/* Step 7 keeps every birthday, now with its month and day apart. */
#define BIRTHDAYS_STEP 7
static void
test_store_migrates_birthdays (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(CrmCustomer) customer = NULL;
  g_autofree char *kept = NULL;
  const CrmMigration *steps;
  gsize n_steps;
  CrmStore *old = NULL;

  if (shop_fixture_skip_unless_sqlite ())
    return;

  steps = crm_store_get_migrations (&n_steps);
  old = crm_store_open_unchecked (fixture->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (crm_store_exec (old, "PRAGMA application_id = 1129074260", &error));
  g_assert_true (crm_store_run_migrations (old, steps, BIRTHDAYS_STEP - 1, &error));
  g_assert_true (crm_store_exec (old,
                                 "INSERT INTO customers (name, birthday, created_at, updated_at) "
                                 "VALUES ('Nino', '1990-05-31', 1, 1), ('Aram', NULL, 1, 1)",
                                 &error));
  g_assert_no_error (error);
  g_clear_object (&old);

  store = shop_store_open (fixture->dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_get_schema_version (store), ==, CRM_STORE_SCHEMA_VERSION);
  kept = query_text (store, "SELECT group_concat (coalesce (birthday, '-') || '|' || "
                            "coalesce (birthday_md, '-'), ' ') FROM (SELECT * FROM customers ORDER BY id)");
  g_assert_cmpstr (kept, ==, "1990-05-31|05-31 -|-");
  customer = crm_store_get_customer (store, 1);
  g_assert_cmpstr (crm_customer_get_birthday (customer), ==, "1990-05-31");
}

static void
test_store_migrates_schema_1_data (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autofree char *key = NULL;
  const CrmMigration *steps;
  gsize n_steps;
  CrmStore *old = NULL;
  if (shop_fixture_skip_unless_sqlite ())
    return;


  /* A shop saved by the first version, with a customer in it. */
  steps = crm_store_get_migrations (&n_steps);
  g_assert_cmpuint (n_steps, ==, CRM_STORE_SCHEMA_VERSION);
  old = crm_store_open_unchecked (fixture->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (crm_store_exec (old, "PRAGMA application_id = 1129074260", &error));
  g_assert_true (crm_store_run_migrations (old, steps, 1, &error));
  g_assert_true (crm_store_exec (old,
                                 "INSERT INTO customers (name, phone, created_at, updated_at) "
                                 "VALUES ('ᲜᲘᲜᲝ', '+995 555 12 34 56', 1, 1)",
                                 &error));
  g_assert_no_error (error);
  g_clear_object (&old);

  store = shop_store_open (fixture->dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_get_schema_version (store), ==, CRM_STORE_SCHEMA_VERSION);

  /* The new search keys were filled in for the old row. */
  key = query_text (store, "SELECT name_key || '|' || phone_key FROM customers");
  g_assert_cmpstr (key, ==, "ნინო|555123456");
}

static void
test_migrations_step_by_step (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrmStore *store = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  static const CrmMigration steps[] = {
    { 1, "CREATE TABLE a (x INTEGER);" },
    { 2, "ALTER TABLE a ADD COLUMN y TEXT NOT NULL DEFAULT 'two';" },
    { 3, "CREATE TABLE b (z INTEGER); INSERT INTO no_such_table VALUES (1);" },
  };
  if (shop_fixture_skip_unless_sqlite ())
    return;


  store = crm_store_open_unchecked (fixture->db_path, &error);
  g_assert_no_error (error);
  db = crm_store_get_db (store);

  /* Start at version 1, as an older program would have left it. */
  g_assert_true (crm_store_run_migrations (store, steps, 1, &error));
  g_assert_no_error (error);
  g_assert_true (crm_store_exec (store, "INSERT INTO a (x) VALUES (7)", &error));

  /* Step 2 applies on top; step 3 fails and must leave nothing behind. */
  g_assert_false (crm_store_run_migrations (store, steps, G_N_ELEMENTS (steps), &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MIGRATION);
  g_assert_nonnull (strstr (error->message, "3"));
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT x, y FROM a", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 7);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "two");
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_master WHERE name = 'b'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);

  /* Running again from the top skips the steps already applied. */
  g_assert_true (crm_store_run_migrations (store, steps, 2, &error));
  g_assert_no_error (error);

  g_clear_object (&store);
}

static void
assert_refused_untouched (Fixture    *fixture,
                          int         expected_code,
                          const char *expected_words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autofree char *before = checksum_of (fixture->db_path);
  g_autofree char *after = NULL;
  GStatBuf st_before, st_after;

  g_assert_cmpint (g_stat (fixture->db_path, &st_before), ==, 0);

  store = shop_store_open (fixture->dir, &error);
  g_assert_null (store);
  g_assert_error (error, CRM_STORE_ERROR, expected_code);
  /* The message names the file, so the owner knows what to look at. */
  g_assert_nonnull (strstr (error->message, fixture->db_path));
  if (expected_words != NULL)
    g_assert_nonnull (strstr (error->message, expected_words));

  after = checksum_of (fixture->db_path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (g_stat (fixture->db_path, &st_after), ==, 0);
  g_assert_cmpint (st_before.st_size, ==, st_after.st_size);
  g_assert_cmpint (st_before.st_mode, ==, st_after.st_mode);
}

static void
test_store_refuses_newer (Fixture       *fixture,
                          gconstpointer  data)
{
  if (shop_fixture_skip_unless_sqlite ())
    return;

  write_raw_database (fixture->db_path,
                      "PRAGMA application_id = 1129074260;"
                      "PRAGMA user_version = 99;"
                      "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, hologram BLOB);"
                      "INSERT INTO customers (name) VALUES ('from the future');");

  assert_refused_untouched (fixture, CRM_STORE_ERROR_NEWER_SCHEMA, "99");
}

static void
test_store_refuses_garbage (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  g_autofree guint8 *bytes = g_malloc (64 * 1024);
  if (shop_fixture_skip_unless_sqlite ())
    return;


  for (gsize i = 0; i < 64 * 1024; i++)
    bytes[i] = (guint8) g_rand_int_range (rand, 0, 256);

  g_assert_true (g_file_set_contents (fixture->db_path, (const char *) bytes, 64 * 1024, &error));
  assert_refused_untouched (fixture, CRM_STORE_ERROR_NOT_A_DATABASE, NULL);
}

static void
test_store_refuses_text_file (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *csv = "name,phone\nნინო ბერიძე,+995 555 12 34 56\n";
  if (shop_fixture_skip_unless_sqlite ())
    return;


  /* Someone saved a spreadsheet under the database's name. */
  g_assert_true (g_file_set_contents (fixture->db_path, csv, -1, &error));
  assert_refused_untouched (fixture, CRM_STORE_ERROR_NOT_A_DATABASE, NULL);
}

static void
test_store_refuses_damaged_header (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  if (shop_fixture_skip_unless_sqlite ())
    return;


  store = shop_store_open (fixture->dir, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Scribble over the start of a real Clientele database. */
  g_assert_true (g_file_get_contents (fixture->db_path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 100);
  memset (contents, 'x', 32);
  g_assert_true (g_file_set_contents (fixture->db_path, contents, length, &error));

  assert_refused_untouched (fixture, CRM_STORE_ERROR_NOT_A_DATABASE, NULL);
}

static void
test_store_refuses_foreign_database (Fixture       *fixture,
                                     gconstpointer  data)
{
  if (shop_fixture_skip_unless_sqlite ())
    return;

  write_raw_database (fixture->db_path,
                      "CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT);"
                      "INSERT INTO recipes (title) VALUES ('ხაჭაპური');");

  assert_refused_untouched (fixture, CRM_STORE_ERROR_FOREIGN_DATABASE, NULL);
}

static void
test_store_refuses_other_application_id (Fixture       *fixture,
                                         gconstpointer  data)
{
  if (shop_fixture_skip_unless_sqlite ())
    return;

  write_raw_database (fixture->db_path, "PRAGMA application_id = 42; PRAGMA user_version = 1;");

  assert_refused_untouched (fixture, CRM_STORE_ERROR_FOREIGN_DATABASE, NULL);
}

static void
test_store_unusable_folder (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autofree char *file = g_build_filename (fixture->dir, "a-file", NULL);
  g_autofree char *below = g_build_filename (file, "shop", NULL);
  if (shop_fixture_skip_unless_sqlite ())
    return;


  g_assert_true (g_file_set_contents (file, "not a folder", -1, &error));

  store = shop_store_open (below, &error);
  g_assert_null (store);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, below));
}

static void
test_store_foreign_keys (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;

  store = shop_store_open (fixture->dir, &error);
  g_assert_no_error (error);

  /* A purchase for a customer that does not exist is refused. */
  g_assert_cmpint (exec_rc (store,
                            "INSERT INTO purchases (customer_id, at, amount, created_at) "
                            "VALUES (999, 1, 2550, 1)"),
                   ==, SQLITE_CONSTRAINT_FOREIGNKEY);

  g_assert_cmpint (exec_rc (store,
                            "INSERT INTO customers (name, created_at, updated_at) "
                            "VALUES ('Gor Hakobyan', 1, 1);"
                            "INSERT INTO purchases (customer_id, at, amount, created_at) "
                            "VALUES (1, 1, 2550, 1);"
                            "INSERT INTO feedback (customer_id, received_at, kind, text) "
                            "VALUES (1, 1, 'praise', 'Great bread');"),
                   ==, SQLITE_OK);

  /* Deleting a customer takes their purchases along but keeps what they
   * said, anonymised: the inbox figures must not change. */
  g_assert_cmpint (exec_rc (store, "DELETE FROM customers WHERE id = 1"), ==, SQLITE_OK);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM purchases"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM feedback WHERE customer_id IS NULL"), ==, 1);
}

static void
test_store_check_constraints (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;

  store = shop_store_open (fixture->dir, &error);
  g_assert_no_error (error);

  g_assert_cmpint (exec_rc (store, "INSERT INTO customers (name, created_at, updated_at) VALUES ('  ', 1, 1)"),
                   ==, SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (exec_rc (store,
                            "INSERT INTO customers (name, birthday, created_at, updated_at) "
                            "VALUES ('Ani', '1 May', 1, 1)"),
                   ==, SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (exec_rc (store,
                            "INSERT INTO feedback (received_at, kind, rating) VALUES (1, 'praise', 6)"),
                   ==, SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (exec_rc (store,
                            "INSERT INTO feedback (received_at, kind) VALUES (1, 'rumour')"),
                   ==, SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (exec_rc (store,
                            "INSERT INTO customers (name, segment_override, created_at, updated_at) "
                            "VALUES ('Ani', 'gold', 1, 1)"),
                   ==, SQLITE_CONSTRAINT_CHECK);
  g_assert_cmpint (exec_rc (store,
                            "INSERT INTO customers (name, segment_override, birthday, created_at, updated_at) "
                            "VALUES ('Ani', 'key', '1990-05-01', 1, 1)"),
                   ==, SQLITE_OK);
}

/* The service figures' step: answers are empty on old entries, and an
 * entry resolved at its first response (both times the same second) is
 * taken as resolved at first contact; one resolved later is not. */
static void
test_store_migrates_feedback_answers (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(CrmFeedback) first = NULL;
  const CrmMigration *steps;
  gsize n_steps, before = 0;
  CrmStore *old = NULL;

  if (shop_fixture_skip_unless_sqlite ())
    return;

  steps = crm_store_get_migrations (&n_steps);
  for (gsize i = 0; i < n_steps; i++)
    if (strstr (steps[i].sql, "ADD COLUMN first_contact") != NULL)
      before = i;
  g_assert_cmpuint (before, >, 0);

  old = crm_store_open_unchecked (fixture->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (crm_store_exec (old, "PRAGMA application_id = 1129074260", &error));
  g_assert_true (crm_store_run_migrations (old, steps, before, &error));
  g_assert_true (crm_store_exec (old,
                                 "INSERT INTO feedback (id, received_at, kind, status, responded_at, resolved_at) "
                                 "VALUES (1, 100, 'complaint', 'resolved', 200, 200), "
                                 "       (2, 100, 'complaint', 'resolved', 200, 900), "
                                 "       (3, 100, 'question', 'in_progress', 200, NULL)",
                                 &error));
  g_assert_no_error (error);
  g_clear_object (&old);

  store = shop_store_open (fixture->dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_get_schema_version (store), ==, CRM_STORE_SCHEMA_VERSION);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM feedback WHERE first_contact = 1"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT id FROM feedback WHERE first_contact = 1"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM feedback WHERE effort IS NULL AND recommend IS NULL "
                                     "AND reopened_at IS NULL"), ==, 3);
  first = crm_store_get_feedback (store, 1);
  g_assert_cmpuint (crm_feedback_get_effort (first), ==, 0);
  g_assert_cmpint (crm_feedback_get_recommend (first), ==, -1);
}

/* The serial caches of settings compare: it moves with the settings and
 * the loyalty programme, here or on another connection, and not with
 * everyday writes (a cache dropped at every purchase would save nothing). */
static void
test_store_settings_serial (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = shop_store_open (fixture->dir, &error);
  g_autoptr(CrmStore) other = NULL;
  guint serial;

  g_assert_no_error (error);
  serial = crm_store_get_settings_serial (store);

  shop_add_customer (store, "Nino Beridze");
  g_assert_cmpuint (crm_store_get_settings_serial (store), ==, serial);

  g_assert_true (crm_store_set_setting (store, "shop.currency", "AMD", &error));
  g_assert_cmpuint (crm_store_get_settings_serial (store), !=, serial);
  serial = crm_store_get_settings_serial (store);

  g_assert_cmpint (crm_store_add_tier (store, "Gold", 100000, 5, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_get_settings_serial (store), !=, serial);
  serial = crm_store_get_settings_serial (store);

  /* A write inside a transaction moves it at the commit. */
  g_assert_true (crm_store_begin (store, &error));
  g_assert_true (crm_store_set_setting (store, "shop.currency", "GEL", &error));
  g_assert_true (crm_store_commit (store, &error));
  g_assert_cmpuint (crm_store_get_settings_serial (store), !=, serial);
  serial = crm_store_get_settings_serial (store);

  other = crm_store_reopen (store, &error);
  g_assert_no_error (error);
  g_assert_true (crm_store_set_setting (other, "shop.currency", "AMD", &error));
  for (guint i = 0; i < 1000 && !crm_store_check_outside_changes (store); i++)
    g_usleep (10000);
  g_assert_cmpuint (crm_store_get_settings_serial (store), !=, serial);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  shop_fixture_init_engine ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/store/create", test_store_create);
  ADD ("/store/create-missing-folders", test_store_creates_missing_folders);
  ADD ("/store/file-mode", test_store_file_mode);
  ADD ("/store/reopen", test_store_reopen);
  ADD ("/store/migrate/empty-file", test_store_migrates_empty_file);
  ADD ("/store/migrate/older-version", test_store_migrates_older_version);
  ADD ("/store/migrate/step-by-step", test_migrations_step_by_step);
  ADD ("/store/migrate/schema-1-data", test_store_migrates_schema_1_data);
  ADD ("/store/migrate/birthdays", test_store_migrates_birthdays);
  ADD ("/store/migrate/feedback-answers", test_store_migrates_feedback_answers);
  ADD ("/store/refuse/newer-version", test_store_refuses_newer);
  ADD ("/store/refuse/garbage", test_store_refuses_garbage);
  ADD ("/store/refuse/text-file", test_store_refuses_text_file);
  ADD ("/store/refuse/damaged-header", test_store_refuses_damaged_header);
  ADD ("/store/refuse/foreign-database", test_store_refuses_foreign_database);
  ADD ("/store/refuse/other-application-id", test_store_refuses_other_application_id);
  ADD ("/store/refuse/unusable-folder", test_store_unusable_folder);
  ADD ("/store/foreign-keys", test_store_foreign_keys);
  ADD ("/store/check-constraints", test_store_check_constraints);
  ADD ("/store/settings-serial", test_store_settings_serial);

#undef ADD

  return g_test_run ();
}
