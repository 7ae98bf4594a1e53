/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Segmentation with answers worked out by hand. */

#include "config.h"

#include "crm-customer-list.h"
#include "crm-rfm.h"
#include "crm-store-async.h"
#include "crm-store.h"
#include "shop-fixture.h"

#define NOW ((gint64) 1800000000)
#define DAY ((gint64) 86400)

typedef ShopFixture Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  shop_fixture_open (fixture, NOW);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  shop_fixture_close (fixture);
}

static gint64
add (Fixture    *fixture,
     const char *name)
{
  g_autoptr(GError) error = NULL;
  CrmCustomerFields fields = { .name = name };
  gint64 id = crm_store_add_customer (fixture->store, &fields, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
buy (Fixture *fixture,
     gint64   customer,
     gint64   days_ago,
     gint64   amount)
{
  g_autoptr(GError) error = NULL;

  crm_store_add_purchase (fixture->store, customer, fixture->now - days_ago * DAY, amount, "", &error);
  g_assert_no_error (error);
}

static CrmSegment
segment_of (Fixture *fixture,
            gint64   id)
{
  g_autoptr(CrmCustomer) customer = crm_store_get_customer (fixture->store, id);

  g_assert_nonnull (customer);
  return crm_customer_get_segment (customer);
}

#define assert_key(f, id)       g_assert_cmpint (segment_of (f, id), ==, CRM_SEGMENT_KEY)
#define assert_secondary(f, id) g_assert_cmpint (segment_of (f, id), ==, CRM_SEGMENT_SECONDARY)

static void
test_pareto_basic (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 a = add (fixture, "A"), b = add (fixture, "B"), c = add (fixture, "C"), d = add (fixture, "D");
  CrmShopSummary summary;

  /* 50 + 30 reach 80 % of 100: A and B are key, the rest secondary. */
  buy (fixture, a, 10, 5000);
  buy (fixture, b, 10, 3000);
  buy (fixture, c, 10, 1500);
  buy (fixture, d, 10, 500);

  assert_key (fixture, a);
  assert_key (fixture, b);
  assert_secondary (fixture, c);
  assert_secondary (fixture, d);

  crm_store_get_summary (fixture->store, &summary);
  g_assert_cmpuint (summary.n_customers, ==, 4);
  g_assert_cmpuint (summary.n_key, ==, 2);
  g_assert_cmpint (summary.key_spend, ==, 8000);
  g_assert_cmpint (summary.total_spend, ==, 10000);

  /* A big order makes C the top customer; with A that is 14 000 of
   * 17 500, exactly 80 %, so B is no longer needed. */
  buy (fixture, c, 1, 7500);
  assert_key (fixture, a);
  assert_key (fixture, c);
  assert_secondary (fixture, b);
}

static void
test_pareto_ties (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 a = add (fixture, "A"), b = add (fixture, "B"), c = add (fixture, "C"), d = add (fixture, "D");

  /* B and C spent the same and straddle the 80 % line: both are key,
   * since a tie cannot be split fairly. D is not needed. */
  buy (fixture, a, 5, 6000);
  buy (fixture, b, 5, 1500);
  buy (fixture, c, 5, 1500);
  buy (fixture, d, 5, 1000);

  assert_key (fixture, a);
  assert_key (fixture, b);
  assert_key (fixture, c);
  assert_secondary (fixture, d);
}

static void
test_pareto_all_equal (Fixture       *fixture,
                       gconstpointer  data)
{
  gint64 ids[5];

  /* Five equal customers: no one brings more than another, all are key. */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      ids[i] = add (fixture, "Same");
      buy (fixture, ids[i], 3, 1000);
    }
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    assert_key (fixture, ids[i]);
}

static void
test_zero_revenue (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 a = add (fixture, "A"), none = add (fixture, "No purchases"), refunded = add (fixture, "Refunded");
  CrmShopSummary summary;

  buy (fixture, a, 1, 1000);
  buy (fixture, refunded, 20, 3000);
  buy (fixture, refunded, 19, -3000);

  assert_key (fixture, a);
  assert_secondary (fixture, none);
  assert_secondary (fixture, refunded);

  crm_store_get_summary (fixture->store, &summary);
  g_assert_cmpint (summary.total_spend, ==, 1000);
}

static void
test_refunds_lower_spend (Fixture       *fixture,
                          gconstpointer  data)
{
  gint64 a = add (fixture, "A"), b = add (fixture, "B");
  g_autoptr(CrmCustomer) customer = NULL;

  buy (fixture, a, 5, 9000);
  buy (fixture, b, 5, 1000);
  assert_key (fixture, a);
  assert_secondary (fixture, b);

  /* A returns most of it and now brings 2000 of 3000. */
  buy (fixture, a, 1, -7000);
  customer = crm_store_get_customer (fixture->store, a);
  g_assert_cmpint (crm_customer_get_spend (customer), ==, 2000);
  /* A refund is not a purchase. */
  g_assert_cmpuint (crm_customer_get_purchases (customer), ==, 1);
  assert_key (fixture, a);
  assert_key (fixture, b);
}

static void
test_single_customer (Fixture       *fixture,
                      gconstpointer  data)
{
  gint64 only = add (fixture, "Only");

  assert_secondary (fixture, only);
  buy (fixture, only, 100, 1);
  assert_key (fixture, only);
}

static void
test_overrides (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = add (fixture, "A"), b = add (fixture, "B"), c = add (fixture, "C");
  CrmCustomerFields always_secondary = { .name = "A", .segment_override = "secondary" };
  CrmCustomerFields always_key = { .name = "C", .segment_override = "key" };
  CrmCustomerFields back_to_rule = { .name = "A" };
  g_autoptr(CrmCustomer) customer = NULL;
  CrmShopSummary summary;

  buy (fixture, a, 5, 9000);
  buy (fixture, b, 5, 1000);

  g_assert_true (crm_store_update_customer (fixture->store, a, &always_secondary, &error));
  g_assert_true (crm_store_update_customer (fixture->store, c, &always_key, &error));
  g_assert_no_error (error);

  /* The override wins; the rule still says what A brings. */
  assert_secondary (fixture, a);
  assert_secondary (fixture, b);
  assert_key (fixture, c);
  customer = crm_store_get_customer (fixture->store, a);
  g_assert_true (crm_customer_get_rule_key (customer));

  crm_store_get_summary (fixture->store, &summary);
  g_assert_cmpuint (summary.n_key, ==, 1);
  g_assert_cmpint (summary.key_spend, ==, 0);

  g_assert_true (crm_store_update_customer (fixture->store, a, &back_to_rule, &error));
  assert_key (fixture, a);
}

static void
test_window_edges (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 edge = add (fixture, "On the edge"), outside = add (fixture, "Just outside"),
         future = add (fixture, "Future");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCustomer) on_edge = NULL;
  g_autoptr(CrmCustomer) past_edge = NULL;
  g_autoptr(CrmCustomer) later = NULL;

  /* The period starts 365 days ago, to the second, and has no end: a
   * purchase dated ahead by mistake still counts. */
  crm_store_add_purchase (fixture->store, edge, NOW - 365 * DAY, 1000, "", &error);
  crm_store_add_purchase (fixture->store, edge, NOW, 10, "", &error);
  crm_store_add_purchase (fixture->store, outside, NOW - 365 * DAY - 1, 5000, "", &error);
  crm_store_add_purchase (fixture->store, future, NOW + 1, 5000, "", &error);
  g_assert_no_error (error);

  on_edge = crm_store_get_customer (fixture->store, edge);
  past_edge = crm_store_get_customer (fixture->store, outside);
  later = crm_store_get_customer (fixture->store, future);
  g_assert_cmpint (crm_customer_get_spend (on_edge), ==, 1010);
  g_assert_cmpint (crm_customer_get_spend (past_edge), ==, 0);
  /* Nothing moves when no time passed. */
  g_assert_true (crm_store_refresh_all (fixture->store, &error));
  g_assert_cmpint (crm_customer_get_spend (later), ==, 5000);
  assert_key (fixture, future);
  assert_secondary (fixture, outside);

  /* A day later the old purchase leaves the period once figures are
   * brought up to date, and nothing else changes. */
  fixture->now = NOW + DAY;
  g_assert_true (crm_store_refresh_all (fixture->store, &error));
  g_clear_object (&on_edge);
  on_edge = crm_store_get_customer (fixture->store, edge);
  g_assert_cmpint (crm_customer_get_spend (on_edge), ==, 10);
  g_clear_object (&later);
  later = crm_store_get_customer (fixture->store, future);
  g_assert_cmpint (crm_customer_get_spend (later), ==, 5000);

  /* A purchase made then joins a period that started a day later. */
  crm_store_add_purchase (fixture->store, outside, NOW + DAY, 700, "", &error);
  g_clear_object (&past_edge);
  past_edge = crm_store_get_customer (fixture->store, outside);
  g_assert_cmpint (crm_customer_get_spend (past_edge), ==, 700);

  /* Moving on by subtraction gives what a recount gives. */
  {
    g_autoptr(CrmCustomer) before = NULL;
    g_autoptr(CrmCustomer) after = NULL;

    fixture->now = NOW + 30 * DAY;
    g_assert_true (crm_store_refresh_all (fixture->store, &error));
    before = crm_store_get_customer (fixture->store, edge);
    g_assert_true (crm_store_set_setting (fixture->store, "segment.window_days", "365", &error));
    after = crm_store_get_customer (fixture->store, edge);
    g_assert_cmpint (crm_customer_get_spend (before), ==, crm_customer_get_spend (after));
    g_assert_cmpuint (crm_customer_get_purchases (before), ==, crm_customer_get_purchases (after));
  }

  /* The clock going back recounts: the old purchase is in again. */
  fixture->now = NOW;
  g_assert_true (crm_store_refresh_all (fixture->store, &error));
  g_clear_object (&on_edge);
  on_edge = crm_store_get_customer (fixture->store, edge);
  g_assert_cmpint (crm_customer_get_spend (on_edge), ==, 1010);
}

static void
test_window_setting (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 recent = add (fixture, "Recent"), old = add (fixture, "Old");

  buy (fixture, recent, 10, 1000);
  buy (fixture, old, 200, 9000);
  assert_key (fixture, old);

  /* A 90-day window leaves only the recent customer's purchase. */
  g_assert_true (crm_store_set_setting (fixture->store, "segment.window_days", "90", &error));
  assert_key (fixture, recent);
  assert_secondary (fixture, old);
}

static void
test_share_setting (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = add (fixture, "A"), b = add (fixture, "B"), c = add (fixture, "C");

  buy (fixture, a, 1, 4000);
  buy (fixture, b, 1, 3500);
  buy (fixture, c, 1, 2500);
  assert_key (fixture, b);

  /* 50 %: A alone has 40 %, so B is still needed; C is not. */
  g_assert_true (crm_store_set_setting (fixture->store, "segment.share", "50", &error));
  assert_key (fixture, a);
  assert_key (fixture, b);
  assert_secondary (fixture, c);

  /* 30 %: A alone is enough. */
  g_assert_true (crm_store_set_setting (fixture->store, "segment.share", "30", &error));
  assert_key (fixture, a);
  assert_secondary (fixture, b);
}

static void
test_threshold_rule (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 big = add (fixture, "Big"), frequent = add (fixture, "Frequent"), small = add (fixture, "Small");

  buy (fixture, big, 3, 15000);
  for (int i = 0; i < 4; i++)
    buy (fixture, frequent, 10 + i, 500);
  buy (fixture, small, 2, 900);

  g_assert_true (crm_store_set_setting (fixture->store, "segment.rule", "threshold", &error));
  g_assert_true (crm_store_set_setting (fixture->store, "segment.min_spend", "10000", &error));
  g_assert_true (crm_store_set_setting (fixture->store, "segment.min_purchases", "4", &error));
  g_assert_no_error (error);

  assert_key (fixture, big);
  assert_key (fixture, frequent);
  assert_secondary (fixture, small);

  /* Exactly at the threshold counts. */
  buy (fixture, small, 1, 100);
  assert_secondary (fixture, small);
  g_assert_true (crm_store_set_setting (fixture->store, "segment.min_spend", "1000", &error));
  assert_key (fixture, small);
}

static void
test_archived_leave_ranking (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 a = add (fixture, "A"), b = add (fixture, "B"), c = add (fixture, "C");
  CrmShopSummary summary;

  buy (fixture, a, 1, 9000);
  buy (fixture, b, 1, 600);
  buy (fixture, c, 1, 400);
  assert_secondary (fixture, b);

  g_assert_true (crm_store_set_customer_archived (fixture->store, a, TRUE, &error));
  assert_key (fixture, b);
  crm_store_get_summary (fixture->store, &summary);
  g_assert_cmpuint (summary.n_customers, ==, 2);
  g_assert_cmpint (summary.total_spend, ==, 1000);

  g_assert_true (crm_store_set_customer_archived (fixture->store, a, FALSE, &error));
  assert_key (fixture, a);
  assert_secondary (fixture, b);
}

static void
test_at_risk (Fixture       *fixture,
              gconstpointer  data)
{
  gint64 regular = add (fixture, "Regular"), once = add (fixture, "Once"),
         fine = add (fixture, "Fine"), small = add (fixture, "Small");
  g_autoptr(CrmCustomer) r = NULL;
  g_autoptr(CrmCustomer) o = NULL;
  g_autoptr(CrmCustomer) f = NULL;
  g_autoptr(CrmCustomer) s = NULL;
  g_autoptr(CrmCustomerList) list = NULL;
  CrmShopSummary summary;

  /* Every 10 days until 25 days ago: twice the interval has passed. */
  for (int i = 0; i < 5; i++)
    buy (fixture, regular, 25 + 10 * i, 3000);
  /* One purchase 70 days ago: older than the 60-day fallback. */
  buy (fixture, once, 70, 10000);
  /* Every 10 days until 5 days ago: fine. */
  for (int i = 0; i < 5; i++)
    buy (fixture, fine, 5 + 10 * i, 3000);
  /* Secondary customers are never "at risk". */
  buy (fixture, small, 300, 100);

  r = crm_store_get_customer (fixture->store, regular);
  o = crm_store_get_customer (fixture->store, once);
  f = crm_store_get_customer (fixture->store, fine);
  s = crm_store_get_customer (fixture->store, small);
  g_assert_cmpint (crm_customer_get_segment (r), ==, CRM_SEGMENT_KEY);
  g_assert_cmpint (crm_customer_get_usual_interval (r), ==, 10 * DAY);
  g_assert_true (crm_customer_get_at_risk (r));
  g_assert_true (crm_customer_get_at_risk (o));
  g_assert_false (crm_customer_get_at_risk (f));
  g_assert_false (crm_customer_get_at_risk (s));

  crm_store_get_summary (fixture->store, &summary);
  g_assert_cmpuint (summary.n_at_risk, ==, 2);

  list = crm_customer_list_new (fixture->store);
  crm_customer_list_set_at_risk (list, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
}

static void
test_share_figure (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 a = add (fixture, "A"), b = add (fixture, "B");
  g_autoptr(CrmCustomer) customer = NULL;

  buy (fixture, a, 1, 7500);
  buy (fixture, a, 2, 500);
  buy (fixture, b, 1, 2000);

  customer = crm_store_get_customer (fixture->store, a);
  g_assert_cmpfloat_with_epsilon (crm_customer_get_share (customer), 0.8, 1e-9);
  g_assert_cmpuint (crm_customer_get_purchases (customer), ==, 2);
  g_assert_cmpint (crm_customer_get_revenue_total (customer), ==, 10000);

  /* A connection opened after the figures were counted elsewhere (the
   * window's, after the start's recount in a worker) knows the same
   * total, read-only ones too. */
  for (guint read_only = 0; read_only < 2; read_only++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CrmStore) later = NULL;
      g_autoptr(CrmCustomer) seen = NULL;

      if (read_only && shop_fixture_on_pg ())
        break;
      later = read_only ? crm_store_open_full (fixture->dir, CRM_STORE_OPEN_READ_ONLY, &error)
                        : shop_store_open (fixture->dir, &error);
      g_assert_no_error (error);
      seen = crm_store_get_customer (later, a);
      g_assert_cmpint (crm_customer_get_revenue_total (seen), ==, 10000);
      g_assert_cmpfloat_with_epsilon (crm_customer_get_share (seen), 0.8, 1e-9);
    }
}

/* Groups by habit (docs/segments.md has this shop as its worked example).
 * Six buyers, so three bands: a score is 1 + 3 × (2 × at-or-below −
 * same) ÷ (2 × 6), at most 3. */
static void
test_rfm_worked_example (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const struct { const char *name; guint first; guint n; gint64 amount; const char *group; guint r, f, m; } buyers[] = {
    { "A", 1, 10, 1000, "champions", 3, 3, 3 },
    { "B", 2, 1, 50000, "new", 3, 1, 3 },
    { "C", 30, 5, 1000, "needs_attention", 2, 2, 2 },
    { "D", 60, 5, 2000, "needs_attention", 2, 2, 3 },
    { "E", 200, 8, 500, "cant_lose", 1, 3, 1 },
    { "F", 300, 1, 100, "lost", 1, 1, 1 },
  };
  gint64 ids[G_N_ELEMENTS (buyers)];
  gint64 nobody = add (fixture, "Nobody");

  for (guint i = 0; i < G_N_ELEMENTS (buyers); i++)
    {
      ids[i] = add (fixture, buyers[i].name);
      for (guint j = 0; j < buyers[i].n; j++)
        buy (fixture, ids[i], buyers[i].first + j, buyers[i].amount);
    }
  g_assert_true (crm_store_refresh_all (fixture->store, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (buyers); i++)
    {
      g_autoptr(CrmCustomer) customer = crm_store_get_customer (fixture->store, ids[i]);

      g_test_message ("%s", buyers[i].name);
      g_assert_cmpstr (crm_customer_get_rfm_group (customer), ==, buyers[i].group);
      g_assert_cmpuint (crm_customer_get_rfm_recency (customer), ==, buyers[i].r);
      g_assert_cmpuint (crm_customer_get_rfm_frequency (customer), ==, buyers[i].f);
      g_assert_cmpuint (crm_customer_get_rfm_money (customer), ==, buyers[i].m);
      g_assert_cmpuint (crm_customer_get_rfm_bands (customer), ==, 3);
    }

  {
    g_autoptr(CrmCustomer) a = crm_store_get_customer (fixture->store, ids[0]);
    g_autoptr(CrmCustomer) f = crm_store_get_customer (fixture->store, ids[5]);
    g_autoptr(CrmCustomer) none = crm_store_get_customer (fixture->store, nobody);
    g_autofree char *why_a = crm_rfm_explain (a, fixture->now);
    g_autofree char *why_f = crm_rfm_explain (f, fixture->now);
    g_autofree char *why_none = crm_rfm_explain (none, fixture->now);

    g_assert_cmpstr (why_a, ==, "bought 10 times, last 1 day ago, top 33 % by spend");
    g_assert_cmpstr (why_f, ==, "bought 1 time, last 300 days ago, lowest 33 % by spend");
    g_assert_cmpstr (crm_customer_get_rfm_group (none), ==, "");
    g_assert_cmpstr (why_none, ==, "");
  }

  /* Archived: out of the ranking, and the others are scored without them. */
  g_assert_true (crm_store_set_customer_archived (fixture->store, ids[5], TRUE, &error));
  g_assert_true (crm_store_refresh_all (fixture->store, &error));
  {
    g_autoptr(CrmCustomer) f = crm_store_get_customer (fixture->store, ids[5]);

    g_assert_cmpstr (crm_customer_get_rfm_group (f), ==, "");
  }
}

/* Everyone alike, and a shop with one buyer: nobody stands out, so every
 * score is the middle band (1 + 3 × (2n − n) ÷ 2n = 2). */
static void
test_rfm_all_equal (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[4];

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      ids[i] = add (fixture, "Same");
      buy (fixture, ids[i], 10, 1000);
    }
  g_assert_true (crm_store_refresh_all (fixture->store, &error));

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(CrmCustomer) customer = crm_store_get_customer (fixture->store, ids[i]);

      g_assert_cmpstr (crm_customer_get_rfm_group (customer), ==, "needs_attention");
      g_assert_cmpuint (crm_customer_get_rfm_recency (customer), ==, 2);
      g_assert_cmpuint (crm_customer_get_rfm_frequency (customer), ==, 2);
      g_assert_cmpuint (crm_customer_get_rfm_money (customer), ==, 2);
    }
}

static void
test_rfm_one_buyer (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCustomer) customer = NULL;
  gint64 id = add (fixture, "Only");

  add (fixture, "Never bought");
  buy (fixture, id, 3, 1000);
  g_assert_true (crm_store_refresh_all (fixture->store, &error));
  customer = crm_store_get_customer (fixture->store, id);
  g_assert_cmpstr (crm_customer_get_rfm_group (customer), ==, "needs_attention");
  g_assert_cmpuint (crm_customer_get_rfm_bands (customer), ==, 3);
}

/* 500 buyers make five bands of a hundred; 499 make three. One purchase
 * each, so frequency is all one tie: the middle band for all. */
static void
add_buyers (Fixture *fixture,
            guint    n)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_store_begin (fixture->store, &error));
  /* Half a day apart: all inside the year the spend is counted over. */
  for (guint i = 0; i < n; i++)
    crm_store_add_purchase (fixture->store, add (fixture, "Buyer"), fixture->now - (i + 1) * DAY / 2,
                            1000 + i, "", &error);
  g_assert_no_error (error);
  g_assert_true (crm_store_commit (fixture->store, &error));
  g_assert_no_error (error);
}

static void
test_rfm_bands (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint n = GPOINTER_TO_UINT (data);

  add_buyers (fixture, n);
  g_assert_true (crm_store_refresh_all (fixture->store, &error));

  if (n == 500)
    {
      g_assert_cmpint (query_int (fixture->store, "SELECT count (DISTINCT rfm_bands) FROM customer_stats"), ==, 1);
      g_assert_cmpint (query_int (fixture->store, "SELECT min (rfm_bands) FROM customer_stats"), ==, 5);
      for (guint score = 1; score <= 5; score++)
        {
          /* The newest spent least here: recency and money run opposite. */
          g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM customer_stats WHERE rfm_r = %u "
                                                  "AND rfm_m = %u", score, 6 - score);

          g_assert_cmpint (query_int (fixture->store, sql), ==, 100);
        }
      g_assert_cmpint (query_int (fixture->store, "SELECT count (*) FROM customer_stats WHERE rfm_f = 3"), ==, 500);
      g_assert_cmpint (query_int (fixture->store, "SELECT count (*) FROM customer_stats "
                                                  "WHERE rfm_group = 'promising'"), ==, 200);
      g_assert_cmpint (query_int (fixture->store, "SELECT count (*) FROM customer_stats "
                                                  "WHERE rfm_group = 'needs_attention'"), ==, 100);
      g_assert_cmpint (query_int (fixture->store, "SELECT count (*) FROM customer_stats "
                                                  "WHERE rfm_group = 'at_risk'"), ==, 200);
    }
  else
    {
      g_assert_cmpint (query_int (fixture->store, "SELECT min (rfm_bands) FROM customer_stats"), ==, 3);
      g_assert_cmpint (query_int (fixture->store, "SELECT max (rfm_bands) FROM customer_stats"), ==, 3);
      g_assert_cmpint (query_int (fixture->store, "SELECT max (rfm_r) FROM customer_stats"), ==, 3);
      g_assert_cmpint (query_int (fixture->store, "SELECT count (*) FROM customer_stats WHERE rfm_f = 2"), ==, 499);
    }
}

static void
period_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GError **error = user_data;
  gboolean ok = crm_store_set_period_finish (CRM_STORE (object), result, error);

  g_assert_true (ok == (*error == NULL));
  *(gboolean *) g_object_get_data (object, "done") = TRUE;
}

static void
set_period_on_worker (Fixture       *fixture,
                      int            days,
                      GCancellable  *cancellable,
                      GError       **error)
{
  gboolean done = FALSE;

  g_object_set_data (G_OBJECT (fixture->store), "done", &done);
  crm_store_set_period_async (fixture->store, days, cancellable, period_done_cb, error);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The same recount on a worker's own connection, at the shop's clock;
 * cancelled, nothing of it stays. */
static void
test_window_on_worker (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gint64 recent = add (fixture, "Recent"), old = add (fixture, "Old");
  g_autoptr(CrmCustomer) customer = NULL;

  buy (fixture, recent, 10, 1000);
  buy (fixture, old, 200, 9000);
  assert_key (fixture, old);

  g_cancellable_cancel (cancellable);
  set_period_on_worker (fixture, 90, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpint (crm_store_get_setting_int (fixture->store, "segment.window_days", 365), ==, 365);
  assert_key (fixture, old);

  set_period_on_worker (fixture, 90, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_store_get_setting_int (fixture->store, "segment.window_days", 365), ==, 90);
  assert_key (fixture, recent);
  assert_secondary (fixture, old);
  customer = crm_store_get_customer (fixture->store, old);
  g_assert_cmpint (crm_customer_get_spend (customer), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  shop_fixture_init_engine ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/segments/pareto/basic", test_pareto_basic);
  ADD ("/segments/pareto/ties", test_pareto_ties);
  ADD ("/segments/pareto/all-equal", test_pareto_all_equal);
  ADD ("/segments/zero-revenue", test_zero_revenue);
  ADD ("/segments/refunds", test_refunds_lower_spend);
  ADD ("/segments/single-customer", test_single_customer);
  ADD ("/segments/overrides", test_overrides);
  ADD ("/segments/window/edges", test_window_edges);
  ADD ("/segments/window/setting", test_window_setting);
  ADD ("/segments/window/on-worker", test_window_on_worker);
  ADD ("/segments/share-setting", test_share_setting);
  ADD ("/segments/threshold", test_threshold_rule);
  ADD ("/segments/archived", test_archived_leave_ranking);
  ADD ("/segments/at-risk", test_at_risk);
  ADD ("/segments/share-figure", test_share_figure);
  ADD ("/segments/rfm/worked-example", test_rfm_worked_example);
  ADD ("/segments/rfm/all-equal", test_rfm_all_equal);
  ADD ("/segments/rfm/one-buyer", test_rfm_one_buyer);
  g_test_add ("/segments/rfm/five-bands", Fixture, GUINT_TO_POINTER (500), fixture_setup, test_rfm_bands,
              fixture_teardown);
  g_test_add ("/segments/rfm/three-bands", Fixture, GUINT_TO_POINTER (499), fixture_setup, test_rfm_bands,
              fixture_teardown);

#undef ADD

  return g_test_run ();
}
