/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Several PCs on one shared PostgreSQL shop: the ?N rewrite and the
 * masked address, two processes writing one customer, a purchase on one
 * PC reaching the other through NOTIFY, a reminder announced once, the
 * server restarted under a running session, a wrong password, and a
 * shop moved from the file to the server and back. Skips without a test
 * server (CLIENTELE_TEST_DATABASE, build-aux/test.sh). */

#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "crm-context.h"
#include "crm-demo.h"
#include "crm-shop-copy.h"
#include "crm-store-backup.h"
#include "crm-store-pg-private.h"
#include "crm-store-private.h"
#include "shop-fixture.h"

#define NOW ((gint64) 1800000000)
#define DAY ((gint64) 86400)
#define WRITES_PER_PROCESS 40

typedef struct
{
  ShopFixture shop;
  /* A second PC of the same shop. */
  CrmStore   *other;
} Fixture;

static gint64
fixture_now (gpointer data)
{
  return ((Fixture *) data)->shop.now;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  shop_fixture_open (&fixture->shop, NOW);
  fixture->other = shop_store_open (fixture->shop.dir, &error);
  g_assert_no_error (error);
  crm_store_set_now_func (fixture->other, fixture_now, fixture);
  crm_store_set_station (fixture->shop.store, "PC A");
  crm_store_set_station (fixture->other, "PC B");
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->other);
  shop_fixture_close (&fixture->shop);
}

static void
test_rewrite (void)
{
  static const struct { const char *in, *out; int n; } cases[] = {
    { "SELECT ?1, ?12", "SELECT $1, $12", 12 },
    { "SELECT '?1', \"a?2\", ?3", "SELECT '?1', \"a?2\", $3", 3 },
    { "SELECT 'it''s ?1' || ?2", "SELECT 'it''s ?1' || $2", 2 },
    { "SELECT 1 -- ?4\n, ?1 /* ?9 */", "SELECT 1 -- ?4\n, $1 /* ?9 */", 1 },
    { "FROM purchases INDEXED BY purchases_at WHERE at >= ?1", "FROM purchases  WHERE at >= $1", 1 },
    { "SELECT reindexed BY_x FROM t", "SELECT reindexed BY_x FROM t", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int n = -1;
      g_autofree char *out = crm_store_pg_rewrite_sql (cases[i].in, &n);

      g_assert_cmpstr (out, ==, cases[i].out);
      g_assert_cmpint (n, ==, cases[i].n);
    }

  /* Bare and named parameters are not store SQL. */
  for (guint i = 0; i < 2; i++)
    {
      int n = 0;
      g_autofree char *out = crm_store_pg_rewrite_sql (i == 0 ? "SELECT ?" : "SELECT ?a", &n);

      g_assert_null (out);
    }
}

static void
test_describe (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "postgresql://till:s3cret@shop-server/shop", "postgresql://till@shop-server/shop" },
    { "postgresql://till@shop-server:6543/shop?sslmode=require&password=s3cret",
      "postgresql://till@shop-server:6543/shop?sslmode=require" },
    { "host=10.0.0.5 user=office password='s3cret' dbname=shop", "postgresql://office@10.0.0.5/shop" },
    { "not a connection string", "postgresql://…" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = crm_store_describe_location (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
      g_assert_null (strstr (out, "s3cret"));
    }
}

static void
test_payload (void)
{
  g_autofree char *payload = crm_store_pg_format_payload (CRM_STORE_CHANGE_PURCHASES |
                                                          CRM_STORE_CHANGE_SEGMENTS, 42);
  guint change = 0;
  gint64 customer = 0;

  g_assert_cmpstr (payload, ==, "purchases,segments 42");
  g_assert_true (crm_store_pg_parse_payload (payload, &change, &customer));
  g_assert_cmpuint (change, ==, CRM_STORE_CHANGE_PURCHASES | CRM_STORE_CHANGE_SEGMENTS);
  g_assert_cmpint (customer, ==, 42);

  /* A newer program's table: everything may have changed. */
  g_assert_true (crm_store_pg_parse_payload ("loyalty 0", &change, &customer));
  g_assert_cmpuint (change, ==, CRM_STORE_CHANGE_ALL);
  g_assert_false (crm_store_pg_parse_payload ("customers", &change, &customer));
  g_assert_false (crm_store_pg_parse_payload ("customers -1", &change, &customer));
}

typedef struct
{
  guint  n_changed;
  guint  change;
  gint64 customer;
  guint  n_connection;
} Heard;

static void
heard_cb (CrmStore *store,
          guint     change,
          gint64    customer_id,
          Heard    *heard)
{
  heard->n_changed++;
  heard->change |= change;
  heard->customer = customer_id;
}

static void
connection_cb (CrmStore *store,
               Heard    *heard)
{
  heard->n_connection++;
}

static gboolean
give_up_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until *@counter moves (at most @seconds: a bound for
 * a broken build, not a timed assertion). */
static void
wait_for (guint *counter,
          guint  before,
          guint  seconds)
{
  gboolean gave_up = FALSE;
  guint id = g_timeout_add_seconds (seconds, give_up_cb, &gave_up);

  while (*counter == before && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gave_up);
  g_source_remove (id);
}

/* Runs the main loop until @heard has a change of @flag. */
static void
wait_for_change (Heard *heard,
                 guint  flag)
{
  gboolean gave_up = FALSE;
  guint id = g_timeout_add_seconds (20, give_up_cb, &gave_up);

  while (!(heard->change & flag) && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gave_up);
  g_source_remove (id);
}

static void
test_purchase_reaches_other_pc (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCustomer) seen = NULL;
  Heard heard = { 0 };
  gint64 id;

  crm_store_set_watching (fixture->other, TRUE);
  g_signal_connect (fixture->other, "changed", G_CALLBACK (heard_cb), &heard);
  id = shop_add_customer (fixture->shop.store, "Nino Beridze");
  wait_for_change (&heard, CRM_STORE_CHANGE_CUSTOMERS);
  g_assert_cmpint (heard.customer, ==, id);

  /* The till records a purchase; the office hears it, and what it was. */
  heard.change = 0;
  g_assert_cmpint (crm_store_add_purchase (fixture->shop.store, id, NOW - DAY, 4550, "Cake", &error), >, 0);
  g_assert_no_error (error);
  wait_for_change (&heard, CRM_STORE_CHANGE_PURCHASES);
  g_assert_false (heard.change & CRM_STORE_CHANGE_FEEDBACK);

  seen = crm_store_get_customer (fixture->other, id);
  g_assert_nonnull (seen);
  g_assert_cmpint (crm_customer_get_spend (seen), ==, 4550);

  /* A change that is rolled back is never heard: the next one heard is
   * the one after it. */
  heard.change = 0;
  g_assert_true (crm_store_begin (fixture->shop.store, &error));
  shop_add_customer (fixture->shop.store, "Gor Hakobyan");
  crm_store_rollback (fixture->shop.store);
  crm_store_set_setting (fixture->shop.store, "shop.name", "Nino’s", &error);
  wait_for_change (&heard, CRM_STORE_CHANGE_SETTINGS);
  g_assert_false (heard.change & CRM_STORE_CHANGE_CUSTOMERS);
  g_assert_cmpuint (crm_store_count_customers (fixture->other), ==, 1);
}

/* The child processes of the concurrent-writers test. */
static int
run_writer (const char *conninfo,
            gint64      customer_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open_shared (conninfo, &error);

  if (store == NULL)
    {
      g_printerr ("writer: %s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < WRITES_PER_PROCESS; i++)
    if (crm_store_add_purchase (store, customer_id, NOW - (gint64) i * 60, 100, "", &error) == 0)
      {
        g_printerr ("writer: %s\n", error->message);
        return 1;
      }

  return 0;
}

static void
test_concurrent_writers (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCustomer) customer = NULL;
  g_autofree char *conninfo = shop_fixture_dup_conninfo (fixture->shop.dir);
  g_autofree char *id_text = NULL;
  GPid pids[2];
  gint64 id;

  id = shop_add_customer (fixture->shop.store, "Tamar Lomidze");
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  /* Two processes, as two PCs, add purchases to one customer at once. */
  for (guint i = 0; i < G_N_ELEMENTS (pids); i++)
    {
      g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
      const char *argv[] = { self_path, NULL };
      g_auto(GStrv) env = g_get_environ ();

      env = g_environ_setenv (env, "CLIENTELE_TEST_WRITER", conninfo, TRUE);
      env = g_environ_setenv (env, "CLIENTELE_TEST_WRITER_CUSTOMER", id_text, TRUE);
      g_spawn_async (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pids[i], &error);
      g_assert_no_error (error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (pids); i++)
    {
      int status = 0;

      g_assert_cmpint (waitpid (pids[i], &status, 0), ==, pids[i]);
      g_assert_true (g_spawn_check_wait_status (status, &error));
      g_assert_no_error (error);
      g_spawn_close_pid (pids[i]);
    }

  /* Every purchase is there, and the figures count every one: neither
   * writer's update of the customer's figures was lost. */
  customer = crm_store_get_customer (fixture->shop.store, id);
  g_assert_cmpint (query_int (fixture->shop.store, "SELECT count(*) FROM purchases"), ==, 2 * WRITES_PER_PROCESS);
  g_assert_cmpuint (crm_customer_get_total_purchases (customer), ==, 2 * WRITES_PER_PROCESS);
  g_assert_cmpint (crm_customer_get_spend (customer), ==, 2 * WRITES_PER_PROCESS * 100);
}

static void
test_reminder_once (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due_a = NULL;
  g_autoptr(GPtrArray) due_b = NULL;
  g_autoptr(CrmFollowUp) stored = NULL;
  gint64 customer, follow_up;

  customer = shop_add_customer (fixture->shop.store, "Levan Kapanadze");
  follow_up = crm_store_add_follow_up (fixture->shop.store, customer, NOW - 60, "Call back", 0, &error);
  g_assert_no_error (error);

  /* Both PCs find it due at the same moment... */
  due_a = crm_store_list_due_follow_ups (fixture->shop.store, NOW);
  due_b = crm_store_list_due_follow_ups (fixture->other, NOW);
  g_assert_cmpuint (due_a->len, ==, 1);
  g_assert_cmpuint (due_b->len, ==, 1);

  /* ...and only the first to claim it announces it. */
  g_assert_true (crm_store_mark_follow_ups_notified (fixture->other, due_b, NOW, &error));
  g_assert_true (crm_store_mark_follow_ups_notified (fixture->shop.store, due_a, NOW, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (due_b->len, ==, 1);
  g_assert_cmpuint (due_a->len, ==, 0);
  g_assert_cmpint (query_int (fixture->shop.store, "SELECT count(*) FROM follow_ups "
                                                   "WHERE announced_by = 'PC B'"), ==, 1);

  /* The digest too: once per shop and day. */
  g_assert_true (crm_store_claim_day (fixture->shop.store, "digest", "2027-01-15", &error));
  g_assert_false (crm_store_claim_day (fixture->other, "digest", "2027-01-15", &error));
  g_assert_true (crm_store_claim_day (fixture->other, "digest", "2027-01-16", &error));
  g_assert_no_error (error);

  /* Done on one PC is done on the other. */
  crm_store_complete_follow_up (fixture->shop.store, follow_up, &error);
  g_assert_no_error (error);
  stored = crm_store_get_follow_up (fixture->other, follow_up);
  g_assert_cmpint (crm_follow_up_get_done_at (stored), !=, 0);
}

static void
restart_server (void)
{
  const char *cluster = g_getenv ("CLIENTELE_TEST_CLUSTER");
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "..", "build-aux", "pg-cluster.sh", NULL);
  const char *argv[] = { script, "restart", cluster, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
}

static void
test_server_restart (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  CrmStore *store = fixture->shop.store;
  CrmCustomerFields fields = { .name = "Gor Hakobyan" };
  Heard heard = { 0 };
  gint64 id;

  /* Only a server of our own is ever restarted. */
  if (g_getenv ("CLIENTELE_TEST_CLUSTER") == NULL)
    {
      g_test_skip ("needs build-aux/test.sh's own server (CLIENTELE_TEST_CLUSTER)");
      return;
    }

  id = shop_add_customer (store, "Nino Beridze");
  crm_store_set_watching (store, TRUE);
  g_signal_connect (store, "connection-changed", G_CALLBACK (connection_cb), &heard);
  g_signal_connect (store, "changed", G_CALLBACK (heard_cb), &heard);

  restart_server ();

  /* The first write after the restart fails cleanly and writes nothing;
   * the store says the connection is lost, and comes back by itself. */
  g_assert_cmpint (crm_store_add_customer (store, &fields, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  wait_for (&heard.n_connection, 0, 20);
  problem = crm_store_dup_connection_problem (store);
  if (problem != NULL)
    wait_for (&heard.n_connection, 1, 60);
  g_clear_pointer (&problem, g_free);
  problem = crm_store_dup_connection_problem (store);
  g_assert_null (problem);
  /* Everything is reloaded: the others' changes meanwhile were not heard. */
  g_assert_cmpuint (heard.change, ==, CRM_STORE_CHANGE_ALL);

  /* The session works again, and nothing was written twice. */
  g_assert_cmpint (crm_store_add_customer (store, &fields, &error), >, id);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_count_customers (store), ==, 2);

  /* A PC that does not watch finds out at its next calls, which fail,
   * and connects again at the one after. */
  for (guint i = 0; i < 4 && crm_store_count_customers (fixture->other) != 2; i++)
    ;
  g_assert_cmpuint (crm_store_count_customers (fixture->other), ==, 2);
}

/* The session ends just as a transaction commits: after the reconnect
 * (the worker looks the commit's id up) the store knows the change was
 * not saved, and the other PC sees nothing of it. */
static void
test_commit_cut_off (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kill = NULL;
  CrmStore *store = fixture->shop.store;
  Heard heard = { 0 };

  crm_store_set_watching (store, TRUE);
  g_signal_connect (store, "connection-changed", G_CALLBACK (connection_cb), &heard);
  kill = g_strdup_printf ("SELECT pg_terminate_backend (%" G_GINT64_FORMAT ")",
                          query_int (store, "SELECT pg_backend_pid ()"));

  /* A write level and one statement: the next round trip is COMMIT. */
  g_assert_true (crm_store_lock (store, CRM_STORE_LOCK_WRITE, &error));
  g_assert_true (crm_store_exec (store, "INSERT INTO tags (name) VALUES ('cut off')", &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->other, kill), ==, 1);
  g_assert_false (crm_store_unlock (store, TRUE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Lost, then back. */
  wait_for (&heard.n_connection, 0, 20);
  for (char *problem; (problem = crm_store_dup_connection_problem (store)) != NULL; g_free (problem))
    wait_for (&heard.n_connection, heard.n_connection, 60);
  g_assert_cmpint (crm_store_take_lost_commit (store), ==, 0);
  g_assert_cmpint (crm_store_take_lost_commit (store), ==, -1);
  g_assert_cmpint (query_int (fixture->other, "SELECT count(*) FROM tags"), ==, 0);
}

static void
test_wrong_password (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) admin = NULL;
  g_autofree char *conninfo = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autofree char *dir = g_dir_make_tmp ("clientele-test-XXXXXX", NULL);

  /* The test server signs this role in by password (pg-cluster.sh). */
  admin = shop_store_open (dir, &error);
  g_assert_no_error (error);
  crm_store_exec (admin, "DO $$ BEGIN CREATE ROLE clientele_pw LOGIN PASSWORD 'right-one'; "
                         "EXCEPTION WHEN duplicate_object THEN NULL; END $$", &error);
  g_assert_no_error (error);

  conninfo = g_strconcat (g_getenv ("CLIENTELE_TEST_DATABASE"),
                          " user=clientele_pw password=Wr0ng-Secret", NULL);
  store = crm_store_open_shared (conninfo, &error);
  g_assert_null (store);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "password"));
  g_assert_null (strstr (error->message, "Wr0ng-Secret"));

  g_clear_object (&admin);
  remove_tree (dir);
}

static void
test_refuses_foreign (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(CrmStore) again = NULL;
  g_autofree char *dir = g_dir_make_tmp ("clientele-test-XXXXXX", NULL);

  store = shop_store_open (dir, &error);
  g_assert_no_error (error);
  /* Another program's database: tables, no stamp of ours. */
  crm_store_exec (store, "DROP TABLE clientele_meta; DROP TABLE schema_version", &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  again = shop_store_open (dir, &error);
  g_assert_null (again);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_FOREIGN_DATABASE);
  remove_tree (dir);
}

static void
assert_counts_equal (const CrmArchiveCounts *a,
                     const CrmArchiveCounts *b)
{
  g_assert_cmpuint (a->customers, ==, b->customers);
  g_assert_cmpuint (a->purchases, ==, b->purchases);
  g_assert_cmpuint (a->interactions, ==, b->interactions);
  g_assert_cmpuint (a->follow_ups, ==, b->follow_ups);
  g_assert_cmpuint (a->feedback, ==, b->feedback);
  g_assert_cmpuint (a->staff, ==, b->staff);
}

static void
test_move_and_back (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *local_dir = g_dir_make_tmp ("clientele-test-XXXXXX", NULL);
  g_autofree char *back_dir = g_dir_make_tmp ("clientele-test-XXXXXX", NULL);
  g_autofree char *shared_dir = g_dir_make_tmp ("clientele-test-XXXXXX", NULL);
  g_autoptr(CrmStore) local = crm_store_open (local_dir, &error);
  g_autoptr(CrmStore) shared = shop_store_open (shared_dir, &error);
  g_autoptr(CrmStore) back = crm_store_open (back_dir, &error);
  g_autoptr(GBytes) archive = NULL;
  CrmArchiveCounts original = { 0 }, there = { 0 }, home = { 0 };

  g_assert_no_error (error);
  g_assert_true (crm_demo_fill (local, 80, 7, &error));
  g_assert_no_error (error);
  archive = crm_archive_export_bytes (local, &original, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (original.customers, ==, 80);

  /* The file's shop onto the server, then from the server to a new file. */
  g_assert_true (crm_shop_copy (local, shared, &there, &error));
  g_assert_no_error (error);
  assert_counts_equal (&there, &original);
  g_assert_true (crm_shop_copy (shared, back, &home, &error));
  g_assert_no_error (error);
  assert_counts_equal (&home, &original);
  g_assert_cmpint (query_int (back, "SELECT sum (amount) FROM purchases"), ==,
                   query_int (local, "SELECT sum (amount) FROM purchases"));

  /* Never into a database that already holds a shop. */
  g_assert_false (crm_shop_copy (local, shared, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);

  g_clear_object (&local);
  g_clear_object (&back);
  g_clear_object (&shared);
  remove_tree (local_dir);
  remove_tree (back_dir);
  remove_tree (shared_dir);
}

static void
test_set_password (void)
{
  g_autofree char *plain = crm_store_location_set_password ("postgresql://till@shop-server/shop", NULL);
  g_autofree char *stripped = crm_store_location_set_password ("postgresql://till:s3cret@shop-server/shop",
                                                               NULL);
  g_autofree char *typed = crm_store_location_set_password ("postgresql://till@shop-server/shop",
                                                            "it's \\ s3cret");
  g_autofree char *unreadable = crm_store_location_set_password ("postgresql://[", NULL);

  /* Kept as written when there is nothing to leave out. */
  g_assert_cmpstr (plain, ==, "postgresql://till@shop-server/shop");
  g_assert_null (strstr (stripped, "s3cret"));
  g_assert_nonnull (strstr (stripped, "user='till'"));
  g_assert_nonnull (strstr (stripped, "host='shop-server'"));
  /* Quoted as libpq reads it back. */
  g_assert_nonnull (strstr (typed, "password='it\\'s \\\\ s3cret'"));
  g_assert_null (unreadable);
}

/* @conninfo with another database (a later keyword wins). */
static char *
with_dbname (const char *conninfo,
             const char *dbname)
{
  return g_strdup_printf ("%s dbname='%s'", conninfo, dbname);
}

static void
assert_check_refused (const char *database,
                      const char *words)
{
  g_autoptr(GError) error = NULL;
  CrmSharedCheck check;

  g_assert_false (crm_store_check_shared (database, &check, &error));
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_IO);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
}

/* What the Preferences dialog is told before a shop uses a database. */
static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *shop = shop_fixture_dup_conninfo (fixture->shop.dir);
  g_autofree char *empty_name = g_strdup_printf ("clientele_empty_%d", (int) getpid ());
  g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s", empty_name);
  g_autofree char *drop = g_strdup_printf ("DROP DATABASE %s", empty_name);
  g_autofree char *empty = with_dbname (shop, empty_name);
  g_autofree char *missing = with_dbname (shop, "no_such_shop");
  g_autofree char *needs_password = g_strconcat (empty, " user=clientele_pw", NULL);
  g_autofree char *with_password = g_strconcat (empty, " user=clientele_pw password=right-one", NULL);
  CrmSharedCheck check;

  shop_add_customer (fixture->shop.store, "Nino Beridze");
  shop_add_customer (fixture->shop.store, "Gor Hakobyan");
  g_assert_true (crm_store_check_shared (shop, &check, &error));
  g_assert_no_error (error);
  g_assert_false (check.empty);
  g_assert_cmpuint (check.schema_version, ==, CRM_STORE_SCHEMA_VERSION);
  g_assert_cmpuint (check.n_customers, ==, 2);

  /* Nothing there yet: asked, not set up. */
  g_assert_true (crm_store_exec (fixture->shop.store, create, &error));
  g_assert_true (crm_store_check_shared (empty, &check, &error));
  g_assert_no_error (error);
  g_assert_true (check.empty);
  g_assert_cmpuint (check.schema_version, ==, 0);
  g_assert_true (crm_store_check_shared (empty, &check, &error));
  g_assert_true (check.empty);
  g_assert_false (check.password_used);

  /* A role that signs in by password (pg-cluster.sh): none found, or the
   * one typed. */
  crm_store_exec (fixture->shop.store, "DO $$ BEGIN CREATE ROLE clientele_pw LOGIN PASSWORD 'right-one'; "
                                       "EXCEPTION WHEN duplicate_object THEN NULL; END $$", &error);
  g_assert_no_error (error);
  g_setenv ("PGPASSFILE", "/nonexistent/pgpass", TRUE);
  assert_check_refused (needs_password, "asks for a password");
  g_assert_true (crm_store_check_shared (with_password, &check, &error));
  g_assert_no_error (error);
  g_assert_true (check.password_used);
  g_unsetenv ("PGPASSFILE");
  g_assert_true (crm_store_exec (fixture->shop.store, drop, &error));

  /* Each failure in its own words. */
  assert_check_refused (missing, "has no database “no_such_shop”");
  assert_check_refused ("postgresql://till@127.0.0.1:1/shop", "Nothing answered at");
}

static void
test_copy_stopped (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *local_dir = g_dir_make_tmp ("clientele-test-XXXXXX", NULL);
  g_autoptr(CrmStore) local = crm_store_open (local_dir, &error);
  CrmArchiveCounts counts = { 0 };

  g_assert_true (crm_demo_fill (local, 20, 3, &error));
  g_assert_no_error (error);

  /* Stopped: the database it was going into is as it was. */
  g_cancellable_cancel (cancellable);
  g_assert_false (crm_shop_copy_full (local, fixture->shop.store, local_dir, NULL, cancellable,
                                      NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (crm_shop_count (fixture->shop.store, &counts, &error));
  g_assert_cmpuint (counts.customers + counts.purchases + counts.staff, ==, 0);

  g_clear_object (&local);
  remove_tree (local_dir);
}

/* Back from the server into a folder that still has the file from before
 * the move: that file is kept, as it was, under another name. */
static void
test_copy_to_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *local_dir = g_dir_make_tmp ("clientele-test-XXXXXX", NULL);
  g_autoptr(CrmStore) before = crm_store_open (local_dir, &error);
  g_autoptr(CrmStore) kept_store = NULL;
  g_autoptr(CrmStore) back = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *kept_dir = NULL;
  CrmArchiveCounts counts = { 0 };

  g_assert_no_error (error);
  shop_add_customer (before, "Old File");
  g_clear_object (&before);
  g_assert_true (crm_demo_fill (fixture->shop.store, 25, 5, &error));
  g_assert_no_error (error);

  g_assert_true (crm_shop_copy_to_file (fixture->shop.store, local_dir, NULL, NULL, &counts, &kept,
                                        &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.customers, ==, 25);
  back = crm_store_open (local_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_count_customers (back), ==, 25);

  g_assert_nonnull (kept);
  g_assert_true (g_str_has_prefix (kept, local_dir));
  kept_dir = g_dir_make_tmp ("clientele-test-XXXXXX", NULL);
  {
    g_autofree char *as_shop = g_build_filename (kept_dir, CRM_STORE_FILE_NAME, NULL);
    g_autoptr(GFile) from = g_file_new_for_path (kept);
    g_autoptr(GFile) to = g_file_new_for_path (as_shop);

    g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  }
  kept_store = crm_store_open (kept_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_count_customers (kept_store), ==, 1);

  g_clear_object (&back);
  g_clear_object (&kept_store);
  remove_tree (local_dir);
  remove_tree (kept_dir);
}

static void
backing_up_cb (CrmContext *context,
               GParamSpec *pspec,
               gboolean   *done)
{
  *done = !crm_context_is_backing_up (context);
}

/* A PC on a shared shop keeps daily copies of it in its own backups
 * folder, as ordinary shop files: the server is only read, the copy
 * holds what the server holds, and it opens on this PC. */
static void
test_daily_copy (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *local_dir = g_dir_make_tmp ("clientele-test-XXXXXX", NULL);
  g_autofree char *database = shop_fixture_dup_conninfo (fixture->shop.dir);
  g_autofree char *folder = crm_store_backup_folder (local_dir);
  g_autoptr(CrmContext) context = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  CrmShopCounts counts = { 0 };
  gboolean done = FALSE;
  CrmBackup *daily = NULL;

  g_assert_true (crm_demo_fill (fixture->shop.store, 30, 5, &error));
  g_assert_no_error (error);

  /* The context starts the day's copy as it opens. */
  context = crm_context_new (local_dir, database, &error);
  g_assert_no_error (error);
  g_signal_connect (context, "notify::backing-up", G_CALLBACK (backing_up_cb), &done);
  done = !crm_context_is_backing_up (context);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (crm_context_get_backup_error (context));

  backups = crm_store_list_backups (folder);
  for (guint i = 0; i < backups->len; i++)
    if (((CrmBackup *) g_ptr_array_index (backups, i))->kind == CRM_BACKUP_DAILY)
      daily = g_ptr_array_index (backups, i);
  g_assert_nonnull (daily);
  g_assert_true (crm_store_inspect_file (daily->path, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.customers, ==, crm_store_count_customers (fixture->shop.store));
  g_assert_cmpuint (counts.customers, ==, 30);
  g_assert_cmpint (crm_context_get_last_backup (context), >, 0);

  /* No staging folder is left beside the copies, and this PC's own file
   * was never made: the shop is the server's. */
  {
    g_autoptr(GDir) listing = g_dir_open (folder, 0, NULL);
    g_autofree char *file = g_build_filename (local_dir, CRM_STORE_FILE_NAME, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".clientele-backup-"));
    g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
  }

  g_clear_object (&context);
  remove_tree (local_dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *writer = g_getenv ("CLIENTELE_TEST_WRITER");

  if (writer != NULL)
    return run_writer (writer, g_ascii_strtoll (g_getenv ("CLIENTELE_TEST_WRITER_CUSTOMER"), NULL, 10));

  g_test_init (&argc, &argv, NULL);
  shop_fixture_init_engine ();

  g_test_add_func ("/shared/rewrite", test_rewrite);
  g_test_add_func ("/shared/describe", test_describe);
  g_test_add_func ("/shared/payload", test_payload);
  g_test_add ("/shared/purchase-reaches-other-pc", Fixture, NULL,
              fixture_setup, test_purchase_reaches_other_pc, fixture_teardown);
  g_test_add ("/shared/concurrent-writers", Fixture, NULL,
              fixture_setup, test_concurrent_writers, fixture_teardown);
  g_test_add ("/shared/reminder-once", Fixture, NULL,
              fixture_setup, test_reminder_once, fixture_teardown);
  g_test_add ("/shared/commit-cut-off", Fixture, NULL,
              fixture_setup, test_commit_cut_off, fixture_teardown);
  g_test_add_func ("/shared/wrong-password", test_wrong_password);
  g_test_add_func ("/shared/refuses-foreign", test_refuses_foreign);
  g_test_add_func ("/shared/move-and-back", test_move_and_back);
  g_test_add_func ("/shared/set-password", test_set_password);
  g_test_add ("/shared/check", Fixture, NULL, fixture_setup, test_check, fixture_teardown);
  g_test_add ("/shared/copy-stopped", Fixture, NULL, fixture_setup, test_copy_stopped,
              fixture_teardown);
  g_test_add ("/shared/copy-to-file", Fixture, NULL, fixture_setup, test_copy_to_file,
              fixture_teardown);
  g_test_add ("/shared/daily-copy", Fixture, NULL, fixture_setup, test_daily_copy,
              fixture_teardown);
  /* Last: it restarts the server under everything. */
  g_test_add ("/shared/server-restart", Fixture, NULL,
              fixture_setup, test_server_restart, fixture_teardown);

  return g_test_run ();
}
