/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How the customer list tells a view what changed: one items-changed per
 * sort, filter or search, covering only the rows that differ, no row
 * built for it, and the same from a worker, where a stale result is
 * dropped. */

#include "config.h"

#include "crm-customer-list.h"
#include "crm-store.h"
#include "shop-fixture.h"

#define NOW ((gint64) 1800000000)
#define DAY ((gint64) 86400)
#define N_CUSTOMERS 40

typedef struct
{
  ShopFixture shop;
  CrmStore   *store;
  gint64      ids[N_CUSTOMERS];
  GArray     *changes;   /* guint triples: position, removed, added */
} Fixture;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  guint change[3] = { position, removed, added };

  g_array_append_vals (fixture->changes, change, 3);
}

static guint
n_changes (Fixture *fixture)
{
  return fixture->changes->len / 3;
}

static guint
change_at (Fixture *fixture,
           guint    i,
           guint    what)
{
  return g_array_index (fixture->changes, guint, 3 * i + what);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  shop_fixture_open (&fixture->shop, NOW);
  fixture->store = fixture->shop.store;
  fixture->changes = g_array_new (FALSE, FALSE, sizeof (guint));

  g_assert_true (crm_store_begin (fixture->store, &error));
  for (guint i = 0; i < N_CUSTOMERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Customer %02u", i);
      g_autofree char *phone = g_strdup_printf ("555 %03u", (i * 7) % N_CUSTOMERS);
      CrmCustomerFields fields = { .name = name, .phone = phone };

      fixture->ids[i] = crm_store_add_customer (fixture->store, &fields, &error);
      g_assert_no_error (error);
      crm_store_add_purchase (fixture->store, fixture->ids[i], NOW - (i + 1) * DAY,
                              100 * ((i * 13) % N_CUSTOMERS + 1), "", &error);
      g_assert_no_error (error);
    }
  g_assert_true (crm_store_commit (fixture->store, &error));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_array_unref (fixture->changes);
  shop_fixture_close (&fixture->shop);
}

static CrmCustomerList *
watched_list (Fixture *fixture)
{
  CrmCustomerList *list = crm_customer_list_new (fixture->store);

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), fixture);
  return list;
}

static void
wait_loaded (CrmCustomerList *list)
{
  while (crm_customer_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);
}

static void
assert_spend_descending (CrmCustomerList *list)
{
  gint64 last = G_MAXINT64;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(CrmCustomer) customer = g_list_model_get_item (G_LIST_MODEL (list), i);
      gint64 spend = crm_customer_get_spend (customer);

      g_assert_cmpint (spend, <=, last);
      last = spend;
    }
}

/* A sort is one change over the rows that moved, and builds no row. */
static void
test_sort_one_change (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(CrmCustomerList) list = watched_list (fixture);
  guint built = crm_customer_list_get_n_built (list);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_CUSTOMERS);

  crm_customer_list_set_sort (list, CRM_CUSTOMER_SORT_SPEND, TRUE);
  g_assert_cmpuint (n_changes (fixture), ==, 1);
  g_assert_cmpuint (change_at (fixture, 0, 0) + change_at (fixture, 0, 1), <=, N_CUSTOMERS);
  g_assert_cmpuint (change_at (fixture, 0, 1), ==, change_at (fixture, 0, 2));
  g_assert_cmpuint (crm_customer_list_get_n_built (list), ==, built);
  assert_spend_descending (list);

  /* The same order again changes nothing. */
  g_array_set_size (fixture->changes, 0);
  crm_customer_list_set_sort (list, CRM_CUSTOMER_SORT_SPEND, TRUE);
  crm_customer_list_refresh (list);
  g_assert_cmpuint (n_changes (fixture), ==, 0);

  /* A search narrows in one change. */
  crm_customer_list_set_search (list, "customer 1");
  g_assert_cmpuint (n_changes (fixture), ==, 1);
  /* Every word anywhere: 01, 10 to 19, 21, 31. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 13);
  crm_customer_list_set_search (list, NULL);
  g_assert_cmpuint (n_changes (fixture), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_CUSTOMERS);
}

/* A change to one customer touches that row (and those between its old
 * and new place), never the whole list. */
static void
test_store_change_range (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCustomerList) list = watched_list (fixture);
  g_autoptr(CrmCustomer) customer = NULL;
  guint position = crm_customer_list_find (list, fixture->ids[20]);
  CrmCustomerFields fields = { .name = "Customer 05b" };

  /* By name, a purchase does not move Customer 20: its row alone. */
  crm_store_add_purchase (fixture->store, fixture->ids[20], NOW - DAY, 500, "", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_changes (fixture), ==, 1);
  g_assert_cmpuint (change_at (fixture, 0, 0), ==, position);
  g_assert_cmpuint (change_at (fixture, 0, 1), ==, 1);
  g_assert_cmpuint (change_at (fixture, 0, 2), ==, 1);
  customer = g_list_model_get_item (G_LIST_MODEL (list), position);
  g_assert_cmpint (crm_customer_get_id (customer), ==, fixture->ids[20]);

  /* Renamed, Customer 30 moves up to after Customer 05: the rows between. */
  g_array_set_size (fixture->changes, 0);
  g_assert_true (crm_store_update_customer (fixture->store, fixture->ids[30], &fields, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changes (fixture), ==, 1);
  g_assert_cmpuint (change_at (fixture, 0, 0), ==, 6);
  g_assert_cmpuint (change_at (fixture, 0, 1), ==, 30 - 6 + 1);
  g_assert_cmpuint (crm_customer_list_find (list, fixture->ids[30]), ==, 6);
}

/* On a worker: the old rows show until the new ones are read; two
 * requests in a row give one change, in the last order asked for. */
static void
test_worker_drops_stale (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(CrmCustomerList) list = watched_list (fixture);
  gint64 first = crm_customer_list_get_id (list, 0);

  crm_customer_list_set_worker_from (list, 0);

  crm_customer_list_set_sort (list, CRM_CUSTOMER_SORT_PHONE, FALSE);
  g_assert_true (crm_customer_list_get_loading (list));
  crm_customer_list_set_sort (list, CRM_CUSTOMER_SORT_SPEND, TRUE);
  g_assert_cmpint (crm_customer_list_get_id (list, 0), ==, first);
  g_assert_cmpuint (n_changes (fixture), ==, 0);

  wait_loaded (list);
  g_assert_cmpuint (n_changes (fixture), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_CUSTOMERS);
  assert_spend_descending (list);

  /* Filters and store changes come from the worker too. */
  g_array_set_size (fixture->changes, 0);
  crm_customer_list_set_not_seen_days (list, 30);
  wait_loaded (list);
  g_assert_cmpuint (n_changes (fixture), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_CUSTOMERS - 30);
}

/* A window's list of a big shop: a screenful and more at once, then the
 * rest from the worker, added after them, so that nothing the view built
 * is replaced; a small shop's is whole at once. */
static void
test_first_rows_then_rest (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCustomerList) small = crm_customer_list_new_big (fixture->store, 5000);
  g_autoptr(CrmCustomerList) list = NULL;
  g_autoptr(CrmCustomerList) whole = NULL;
  guint n = N_CUSTOMERS + 600;
  guint first;

  g_assert_false (crm_customer_list_get_loading (small));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (small)), ==, N_CUSTOMERS);

  g_assert_true (crm_store_begin (fixture->store, &error));
  for (guint i = 0; i < 600; i++)
    {
      g_autofree char *name = g_strdup_printf ("Extra %03u", i);
      CrmCustomerFields fields = { .name = name };

      crm_store_add_customer (fixture->store, &fields, &error);
      g_assert_no_error (error);
    }
  g_assert_true (crm_store_commit (fixture->store, &error));

  list = crm_customer_list_new_big (fixture->store, 5000);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), fixture);
  g_array_set_size (fixture->changes, 0);
  first = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_true (crm_customer_list_get_loading (list));
  g_assert_cmpuint (first, >=, 24);
  g_assert_cmpuint (first, <, n);

  wait_loaded (list);
  g_assert_cmpuint (n_changes (fixture), ==, 1);
  g_assert_cmpuint (change_at (fixture, 0, 0), ==, first);
  g_assert_cmpuint (change_at (fixture, 0, 1), ==, 0);
  g_assert_cmpuint (change_at (fixture, 0, 2), ==, n - first);

  whole = crm_customer_list_new (fixture->store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (whole)), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (crm_customer_list_get_id (list, i), ==, crm_customer_list_get_id (whole, i));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  shop_fixture_init_engine ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/customer-list/sort-one-change", test_sort_one_change);
  ADD ("/customer-list/store-change-range", test_store_change_range);
  ADD ("/customer-list/worker-drops-stale", test_worker_drops_stale);
  ADD ("/customer-list/first-rows-then-rest", test_first_rows_then_rest);

#undef ADD

  return g_test_run ();
}
