/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The store's transaction levels and change notification, through the
 * engine seam: nesting, undoing an inner level alone, one "changed" per
 * committed transaction, and other connections' commits being noticed. */

#include "config.h"

#include "crm-store-private.h"
#include "shop-fixture.h"

#define NOW ((gint64) 1800000000)
#define DAY ((gint64) 86400)

typedef struct
{
  ShopFixture shop;
  CrmStore   *store;
  /* A second connection to the same shop: another program or PC. */
  CrmStore   *other;
  guint       n_changed;
  guint       last_change;
  gint64      last_customer;
} Fixture;

static void
changed_cb (CrmStore *store,
            guint     change,
            gint64    customer_id,
            Fixture  *fixture)
{
  fixture->n_changed++;
  fixture->last_change = change;
  fixture->last_customer = customer_id;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  shop_fixture_open (&fixture->shop, NOW);
  fixture->store = fixture->shop.store;
  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), fixture);

  fixture->other = shop_store_open (fixture->shop.dir, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->other);
  shop_fixture_close (&fixture->shop);
}

static gboolean
customer_exists (CrmStore *store,
                 gint64    id)
{
  g_autoptr(CrmCustomer) customer = crm_store_get_customer (store, id);

  return customer != NULL;
}

/* Ids of rows rolled back are given out again: names tell who is there. */
static gboolean
has_customer_named (CrmStore   *store,
                    const char *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM customers WHERE name = '%s'", name);

  return query_int (store, sql) == 1;
}

static void
add_feedback (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  CrmFeedbackFields fields = { .kind = "praise", .rating = 5 };

  g_assert_cmpint (crm_store_add_feedback (fixture->store, &fields, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_nested_begin (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 first, second;

  g_assert_true (crm_store_begin (fixture->store, &error));
  first = shop_add_customer (fixture->store, "Nino Beridze");

  g_assert_true (crm_store_begin (fixture->store, &error));
  second = shop_add_customer (fixture->store, "Gor Hakobyan");
  g_assert_true (crm_store_commit (fixture->store, &error));
  g_assert_no_error (error);

  /* The inner commit only closed its level: nothing is announced, and
   * nobody else sees the rows before the outer commit. */
  g_assert_cmpuint (fixture->n_changed, ==, 0);
  g_assert_cmpuint (crm_store_count_customers (fixture->store), ==, 2);
  g_assert_cmpuint (crm_store_count_customers (fixture->other), ==, 0);

  g_assert_true (crm_store_commit (fixture->store, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_true (fixture->last_change & CRM_STORE_CHANGE_CUSTOMERS);
  g_assert_true (customer_exists (fixture->other, first));
  g_assert_true (customer_exists (fixture->other, second));

  /* Every level is closed: a rollback now has nothing to undo. */
  crm_store_rollback (fixture->store);
  g_assert_cmpuint (crm_store_count_customers (fixture->store), ==, 2);
}

static void
test_inner_rollback (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_store_begin (fixture->store, &error));
  add_feedback (fixture);
  shop_add_customer (fixture->store, "Ani Petrosyan");

  g_assert_true (crm_store_begin (fixture->store, &error));
  shop_add_customer (fixture->store, "Levan Kapanadze");
  crm_store_rollback (fixture->store);

  shop_add_customer (fixture->store, "Mariam Gelashvili");
  g_assert_true (crm_store_commit (fixture->store, &error));
  g_assert_no_error (error);

  g_assert_true (has_customer_named (fixture->other, "Ani Petrosyan"));
  g_assert_false (has_customer_named (fixture->other, "Levan Kapanadze"));
  g_assert_true (has_customer_named (fixture->other, "Mariam Gelashvili"));
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_true (fixture->last_change & CRM_STORE_CHANGE_FEEDBACK);
}

static void
test_undone_level_forgets_its_changes (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Feedback is kept, the customer written in an inner level is not: the
   * one announcement names only what landed. */
  g_assert_true (crm_store_begin (fixture->store, &error));
  add_feedback (fixture);
  g_assert_true (crm_store_lock (fixture->store, CRM_STORE_LOCK_WRITE, &error));
  shop_add_customer (fixture->store, "Levan Kapanadze");
  g_assert_false (crm_store_unlock (fixture->store, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (crm_store_commit (fixture->store, &error));

  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_true (fixture->last_change & CRM_STORE_CHANGE_FEEDBACK);
  g_assert_false (fixture->last_change & CRM_STORE_CHANGE_CUSTOMERS);
  g_assert_cmpuint (crm_store_count_customers (fixture->other), ==, 0);
}

static void
test_failed_write_undoes_itself (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "boom", NULL };
  CrmCustomerFields refused = { .name = "Tamar Lomidze", .tags = tags };

  /* The customer row is written before its tags: the tag is refused, so
   * the write fails halfway and must take its row back with it. */
  shop_fixture_refuse_inserts (fixture->store, "tags", "NEW.name = 'boom'");

  g_assert_true (crm_store_begin (fixture->store, &error));
  shop_add_customer (fixture->store, "Nino Beridze");
  g_assert_cmpint (crm_store_add_customer (fixture->store, &refused, &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_SQL);
  g_clear_error (&error);

  /* The caller's transaction goes on and commits what did work. */
  g_assert_true (crm_store_commit (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_true (has_customer_named (fixture->other, "Nino Beridze"));
  g_assert_false (has_customer_named (fixture->other, "Tamar Lomidze"));
  g_assert_cmpuint (crm_store_count_customers (fixture->other), ==, 1);

  /* Outside any transaction, the same failure leaves nothing either. */
  g_assert_cmpint (crm_store_add_customer (fixture->store, &refused, &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_cmpuint (crm_store_count_customers (fixture->other), ==, 1);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
}

static void
test_changed_once_per_transaction (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrmFeedbackFields praise = { .kind = "praise", .rating = 5 };
  gint64 id, follow_up;

  /* A single write outside a transaction is its own: one signal, naming
   * its customer. */
  id = shop_add_customer (fixture->store, "Nino Beridze");
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_cmpint (fixture->last_customer, ==, id);

  /* Three kinds of writes in one transaction: one signal with all of
   * them. A purchase moves everyone's segment, so it is about many. */
  fixture->n_changed = 0;
  g_assert_true (crm_store_begin (fixture->store, &error));
  g_assert_cmpint (crm_store_add_purchase (fixture->store, id, NOW - DAY, 2550, "", &error), >, 0);
  g_assert_cmpint (crm_store_add_interaction (fixture->store, id, NOW, "call", "", &error), >, 0);
  follow_up = crm_store_add_follow_up (fixture->store, id, NOW + DAY, "Call back", 30, &error);
  g_assert_cmpint (follow_up, >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
  g_assert_true (crm_store_commit (fixture->store, &error));
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_cmpuint (fixture->last_change & (CRM_STORE_CHANGE_PURCHASES | CRM_STORE_CHANGE_INTERACTIONS |
                                            CRM_STORE_CHANGE_FOLLOW_UPS | CRM_STORE_CHANGE_SEGMENTS),
                    ==,
                    CRM_STORE_CHANGE_PURCHASES | CRM_STORE_CHANGE_INTERACTIONS |
                    CRM_STORE_CHANGE_FOLLOW_UPS | CRM_STORE_CHANGE_SEGMENTS);
  g_assert_cmpint (fixture->last_customer, ==, 0);

  /* Changes that all concern one customer name that customer. */
  fixture->n_changed = 0;
  praise.customer_id = id;
  g_assert_true (crm_store_begin (fixture->store, &error));
  g_assert_cmpint (crm_store_add_follow_up (fixture->store, id, NOW + 2 * DAY, "", 0, &error), >, 0);
  g_assert_cmpint (crm_store_add_feedback (fixture->store, &praise, &error), >, 0);
  g_assert_true (crm_store_commit (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_cmpint (fixture->last_customer, ==, id);

  /* Done and the next time of a repeating follow-up are one change. */
  fixture->n_changed = 0;
  g_assert_cmpint (crm_store_complete_follow_up (fixture->store, follow_up, &error), >, follow_up);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_true (fixture->last_change & CRM_STORE_CHANGE_FOLLOW_UPS);

  /* What is rolled back is never announced. */
  fixture->n_changed = 0;
  g_assert_true (crm_store_begin (fixture->store, &error));
  shop_add_customer (fixture->store, "Levan Kapanadze");
  add_feedback (fixture);
  crm_store_rollback (fixture->store);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

static void
test_read_lock (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrmCustomerFields fields = { .name = "Gor Hakobyan" };

  shop_add_customer (fixture->store, "Nino Beridze");

  /* Inside a read transaction the view holds still while another
   * connection writes. */
  g_assert_true (crm_store_lock (fixture->store, CRM_STORE_LOCK_READ, &error));
  g_assert_cmpuint (crm_store_count_customers (fixture->store), ==, 1);
  shop_add_customer (fixture->other, "Ani Petrosyan");
  g_assert_cmpuint (crm_store_count_customers (fixture->store), ==, 1);

  /* Nested reads count; a write is refused and changes nothing. */
  g_assert_true (crm_store_lock (fixture->store, CRM_STORE_LOCK_READ, &error));
  g_assert_cmpint (crm_store_add_customer (fixture->store, &fields, &error), ==, 0);
  g_assert_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_SQL);
  g_clear_error (&error);
  g_assert_true (crm_store_unlock (fixture->store, TRUE, &error));
  g_assert_cmpuint (crm_store_count_customers (fixture->store), ==, 1);

  g_assert_true (crm_store_unlock (fixture->store, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_count_customers (fixture->store), ==, 2);
}

/* A server tells the others a moment after the commit, not within it:
 * wait for that (bounded, so that a broken engine fails, not hangs). */
static void
wait_for_generation (CrmStore *store,
                     gint64    before)
{
  for (guint i = 0; i < 1000 && crm_store_get_generation (store) == before; i++)
    g_usleep (10000);
  g_assert_cmpint (crm_store_get_generation (store), !=, before);
}

static void
test_outside_changes (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 before = crm_store_get_generation (fixture->store);
  gint64 id;

  /* Nothing happened yet. */
  g_assert_false (crm_store_check_outside_changes (fixture->store));
  g_assert_cmpuint (fixture->n_changed, ==, 0);

  /* Another program writes: the generation moves, and one check tells
   * (everything for the file, the tables that changed for a server). */
  id = shop_add_customer (fixture->other, "Ani Petrosyan");
  wait_for_generation (fixture->store, before);
  g_assert_true (crm_store_check_outside_changes (fixture->store));
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_true (fixture->last_change & CRM_STORE_CHANGE_CUSTOMERS);
  g_assert_true (customer_exists (fixture->store, id));

  /* Told once, not again. */
  g_assert_false (crm_store_check_outside_changes (fixture->store));

  /* Workers' connections that only read, opened and closed again and
   * again, are no change: the window would read everything again for
   * each, and start another worker. The first to close may empty the
   * journal of the write above: that one may tell, once. */
  for (guint round = 0; round < 4; round++)
    {
      g_autoptr(CrmStore) reader = crm_store_reopen (fixture->store, &error);

      g_assert_no_error (error);
      g_assert_true (customer_exists (reader, id));
      g_clear_object (&reader);
      if (round == 0)
        crm_store_check_outside_changes (fixture->store);
      else
        g_assert_false (crm_store_check_outside_changes (fixture->store));
    }
  fixture->n_changed = 1;

  /* Our own writes are announced by our own "changed", not as outside. */
  shop_add_customer (fixture->store, "Nino Beridze");
  g_assert_cmpuint (fixture->n_changed, ==, 2);
  g_assert_false (crm_store_check_outside_changes (fixture->store));
  g_assert_cmpuint (fixture->n_changed, ==, 2);

  /* Inside a transaction the view cannot move; the change waits for the
   * next check after it. */
  before = crm_store_get_generation (fixture->store);
  shop_add_customer (fixture->other, "Gor Hakobyan");
  wait_for_generation (fixture->store, before);
  g_assert_true (crm_store_begin (fixture->store, &error));
  g_assert_false (crm_store_check_outside_changes (fixture->store));
  g_assert_true (crm_store_commit (fixture->store, &error));
  g_assert_true (crm_store_check_outside_changes (fixture->store));
  g_assert_cmpuint (fixture->n_changed, ==, 3);
}

static gboolean
give_up_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
test_watching (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 before;
  gboolean gave_up = FALSE;
  guint give_up_id;

  crm_store_set_watching (fixture->store, TRUE);
  shop_add_customer (fixture->other, "Ani Petrosyan");

  /* The main loop brings the other program's write in by itself. The
   * limit only keeps a broken watch from hanging the test. */
  give_up_id = g_timeout_add_seconds (30, give_up_cb, &gave_up);
  while (fixture->n_changed == 0 && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gave_up);
  g_source_remove (give_up_id);
  g_assert_true (fixture->last_change & CRM_STORE_CHANGE_CUSTOMERS);

  /* Off again: the next write is only seen when asked. */
  crm_store_set_watching (fixture->store, FALSE);
  before = crm_store_get_generation (fixture->store);
  shop_add_customer (fixture->other, "Gor Hakobyan");
  wait_for_generation (fixture->store, before);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_true (crm_store_check_outside_changes (fixture->store));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  shop_fixture_init_engine ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/store-engine/nested-begin", test_nested_begin);
  ADD ("/store-engine/inner-rollback", test_inner_rollback);
  ADD ("/store-engine/undone-level-forgets-its-changes", test_undone_level_forgets_its_changes);
  ADD ("/store-engine/failed-write-undoes-itself", test_failed_write_undoes_itself);
  ADD ("/store-engine/changed-once-per-transaction", test_changed_once_per_transaction);
  ADD ("/store-engine/read-lock", test_read_lock);
  ADD ("/store-engine/outside-changes", test_outside_changes);
  ADD ("/store-engine/watching", test_watching);

#undef ADD

  return g_test_run ();
}
