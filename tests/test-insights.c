/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The service figures with answers worked out by hand. */

#include "config.h"

#include <string.h>

#include "crm-insights.h"
#include "crm-insights-worker.h"
#include "crm-store-insights.h"
#include "shop-fixture.h"

#define HOUR ((gint64) 3600)
#define DAY (24 * HOUR)

static gint64
local (int year, int month, int day, int hour)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (year, month, day, hour, 0, 0);

  return g_date_time_to_unix (time);
}

static gint64
customer (ShopFixture *shop,
          const char  *name)
{
  g_autoptr(GError) error = NULL;
  CrmCustomerFields fields = { .name = name };
  gint64 id = crm_store_add_customer (shop->store, &fields, &error);

  g_assert_no_error (error);
  return id;
}

static gint64
feedback (ShopFixture *shop,
          gint64       at,
          const char  *kind,
          guint        rating)
{
  g_autoptr(GError) error = NULL;
  CrmFeedbackFields fields = { .received_at = at, .kind = kind, .rating = rating, .text = "…" };
  gint64 id = crm_store_add_feedback (shop->store, &fields, &error);

  g_assert_no_error (error);
  return id;
}

/* November 2026: ratings 5, 4 and 3, an unrated question and a
 * complaint rated 1; October: two complaints. Returns November's
 * complaint. */
static gint64
add_autumn_feedback (ShopFixture *shop)
{
  gint64 complaint;

  feedback (shop, local (2026, 11, 2, 9), "praise", 5);
  feedback (shop, local (2026, 11, 3, 9), "praise", 4);
  feedback (shop, local (2026, 11, 4, 9), "suggestion", 3);
  feedback (shop, local (2026, 11, 5, 9), "question", 0);
  complaint = feedback (shop, local (2026, 11, 6, 9), "complaint", 1);
  feedback (shop, local (2026, 10, 6, 9), "complaint", 1);
  feedback (shop, local (2026, 10, 7, 9), "complaint", 2);

  return complaint;
}

/* On the 23rd of November 2026 at noon: A buys twice (key: 9 000 of
 * 10 000), B once, C only last month. A follow-up due yesterday done in
 * time (an hour later), another due two days ago not done, and one not
 * due yet. */
static void
add_buyers_and_follow_ups (ShopFixture *shop,
                           gint64      *a)
{
  g_autoptr(GError) error = NULL;
  gint64 now = shop->now;
  gint64 b, c, done_id;

  *a = customer (shop, "A");
  b = customer (shop, "B");
  c = customer (shop, "C");
  crm_store_add_purchase (shop->store, *a, local (2026, 11, 2, 10), 5000, "", &error);
  crm_store_add_purchase (shop->store, *a, local (2026, 11, 9, 10), 4000, "", &error);
  crm_store_add_purchase (shop->store, b, local (2026, 11, 10, 10), 1000, "", &error);
  crm_store_add_purchase (shop->store, c, local (2026, 10, 10, 10), 300, "", &error);
  g_assert_no_error (error);

  done_id = crm_store_add_follow_up (shop->store, b, now - DAY, "", 0, &error);
  shop->now = now - DAY + HOUR;
  crm_store_complete_follow_up (shop->store, done_id, &error);
  shop->now = now;
  crm_store_add_follow_up (shop->store, c, now - 2 * DAY, "", 0, &error);
  crm_store_add_follow_up (shop->store, c, now + DAY, "", 0, &error);
  g_assert_no_error (error);
}

static void
test_empty (void)
{
  ShopFixture shop;
  CrmInsights insights;

  shop_fixture_open (&shop, local (2026, 11, 23, 12));
  crm_insights_compute (shop.store, CRM_PERIOD_MONTH, &insights);

  /* Nothing to measure is not zero: it is "no figure". */
  g_assert_cmpfloat (insights.csat, <, 0);
  g_assert_cmpfloat (insights.first_response, <, 0);
  g_assert_cmpfloat (insights.resolution_rate, <, 0);
  g_assert_cmpfloat (insights.returning_rate, <, 0);
  g_assert_cmpfloat (insights.key_share, <, 0);
  g_assert_cmpfloat (insights.on_time_rate, <, 0);
  g_assert_cmpuint (insights.complaints, ==, 0);
  g_assert_cmpint (insights.month_key[11] + insights.month_secondary[11], ==, 0);

  shop_fixture_close (&shop);
}

static void
test_one_entry_and_responses (void)
{
  g_autoptr(GError) error = NULL;
  ShopFixture shop;
  CrmInsights insights;
  gint64 received = local (2026, 11, 20, 10);
  gint64 id;

  shop_fixture_open (&shop, received);
  id = feedback (&shop, received, "complaint", 2);

  crm_insights_compute (shop.store, CRM_PERIOD_MONTH, &insights);
  g_assert_cmpfloat (insights.csat, ==, 0.0);
  g_assert_cmpuint (insights.n_rated, ==, 1);
  g_assert_cmpuint (insights.ratings[1], ==, 1);
  g_assert_cmpfloat (insights.resolution_rate, ==, 0.0);
  g_assert_cmpfloat (insights.first_response, <, 0);
  g_assert_cmpuint (insights.complaints, ==, 1);

  /* First response an hour later; resolved two hours after that. */
  shop.now = received + HOUR;
  g_assert_true (crm_store_update_feedback (shop.store, id, "in_progress", "We are sorry; a new cake tomorrow.", &error));
  shop.now = received + 3 * HOUR;
  g_assert_true (crm_store_update_feedback (shop.store, id, "resolved", NULL, &error));
  g_assert_no_error (error);

  crm_insights_compute (shop.store, CRM_PERIOD_MONTH, &insights);
  g_assert_cmpfloat (insights.first_response, ==, (double) HOUR);
  g_assert_cmpfloat (insights.resolution_rate, ==, 1.0);

  /* A response written after resolving does not move the first one. */
  shop.now = received + 5 * HOUR;
  g_assert_true (crm_store_update_feedback (shop.store, id, "resolved", "Called back.", &error));
  crm_insights_compute (shop.store, CRM_PERIOD_MONTH, &insights);
  g_assert_cmpfloat (insights.first_response, ==, (double) HOUR);

  /* Reopened: no longer resolved. */
  g_assert_true (crm_store_update_feedback (shop.store, id, "in_progress", NULL, &error));
  crm_insights_compute (shop.store, CRM_PERIOD_MONTH, &insights);
  g_assert_cmpfloat (insights.resolution_rate, ==, 0.0);

  shop_fixture_close (&shop);
}

static void
test_csat_and_complaints (void)
{
  ShopFixture shop;
  CrmInsights insights;

  shop_fixture_open (&shop, local (2026, 11, 23, 12));
  add_autumn_feedback (&shop);

  crm_insights_compute (shop.store, CRM_PERIOD_MONTH, &insights);
  /* Two of four ratings are 4–5; the unrated question does not count. */
  g_assert_cmpfloat_with_epsilon (insights.csat, 0.5, 1e-9);
  g_assert_cmpuint (insights.n_feedback, ==, 5);
  g_assert_cmpuint (insights.complaints, ==, 1);
  g_assert_cmpuint (insights.complaints_before, ==, 2);
  g_assert_cmpuint (insights.ratings[0], ==, 1);
  g_assert_cmpuint (insights.ratings[4], ==, 1);

  /* Complaints per week, this week last: the 6th of November was in the
   * week starting Monday the 2nd, three weeks before this one. */
  g_assert_cmpuint (insights.week_complaints[CRM_INSIGHTS_WEEKS - 4], ==, 1);
  g_assert_cmpint (insights.week_start[CRM_INSIGHTS_WEEKS - 1], ==, local (2026, 11, 23, 0));

  shop_fixture_close (&shop);
}

static void
test_periods_across_year (void)
{
  ShopFixture shop;
  CrmInsights insights;
  gint64 from, to, previous;

  /* Sunday the 3rd of January 2027: the week began in 2026. */
  shop_fixture_open (&shop, local (2027, 1, 3, 15));
  crm_insights_period_bounds (CRM_PERIOD_WEEK, shop.now, &from, &to, &previous);
  g_assert_cmpint (from, ==, local (2026, 12, 28, 0));
  g_assert_cmpint (to, ==, local (2027, 1, 4, 0));
  g_assert_cmpint (previous, ==, local (2026, 12, 21, 0));
  crm_insights_period_bounds (CRM_PERIOD_MONTH, shop.now, &from, &to, &previous);
  g_assert_cmpint (from, ==, local (2027, 1, 1, 0));
  g_assert_cmpint (previous, ==, local (2026, 12, 1, 0));
  crm_insights_period_bounds (CRM_PERIOD_YEAR, shop.now, &from, &to, &previous);
  g_assert_cmpint (to, ==, local (2028, 1, 1, 0));

  feedback (&shop, local (2026, 12, 30, 12), "praise", 5);
  crm_insights_compute (shop.store, CRM_PERIOD_WEEK, &insights);
  g_assert_cmpuint (insights.n_feedback, ==, 1);
  crm_insights_compute (shop.store, CRM_PERIOD_MONTH, &insights);
  g_assert_cmpuint (insights.n_feedback, ==, 0);
  crm_insights_compute (shop.store, CRM_PERIOD_YEAR, &insights);
  g_assert_cmpuint (insights.n_feedback, ==, 0);

  /* The revenue chart's last bar is January, the one before December. */
  g_assert_cmpint (insights.month_start[CRM_INSIGHTS_MONTHS - 1], ==, local (2027, 1, 1, 0));
  g_assert_cmpint (insights.month_start[CRM_INSIGHTS_MONTHS - 2], ==, local (2026, 12, 1, 0));

  shop_fixture_close (&shop);
}

static void
test_purchases_and_follow_ups (void)
{
  ShopFixture shop;
  CrmInsights insights;
  gint64 a;

  shop_fixture_open (&shop, local (2026, 11, 23, 12));
  add_buyers_and_follow_ups (&shop, &a);

  crm_insights_compute (shop.store, CRM_PERIOD_MONTH, &insights);
  g_assert_cmpuint (insights.n_buyers, ==, 2);
  g_assert_cmpfloat_with_epsilon (insights.returning_rate, 0.5, 1e-9);
  g_assert_cmpint (insights.revenue, ==, 10000);
  /* Today's key clients: A alone brings 80 % of the year. */
  g_assert_cmpfloat_with_epsilon (insights.key_share, 0.9, 1e-9);
  g_assert_cmpuint (insights.n_follow_ups_due, ==, 2);
  g_assert_cmpfloat_with_epsilon (insights.on_time_rate, 0.5, 1e-9);

  g_assert_cmpint (insights.month_key[CRM_INSIGHTS_MONTHS - 1], ==, 9000);
  g_assert_cmpint (insights.month_secondary[CRM_INSIGHTS_MONTHS - 1], ==, 1000);
  g_assert_cmpint (insights.month_key[CRM_INSIGHTS_MONTHS - 2] + insights.month_secondary[CRM_INSIGHTS_MONTHS - 2],
                   ==, 300);

  shop_fixture_close (&shop);
}

static void
sum_purchase (gint64   customer_id,
              gint64   at,
              gint64   amount,
              gpointer user_data)
{
  gint64 *sums = user_data;

  g_assert_cmpint (customer_id, >, 0);
  sums[0]++;
  sums[1] += amount;
}

/* The store's answers behind the figures, on the shops worked out above:
 * the rows themselves, before any rate or period is made of them. */
static void
test_store_queries (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) times = NULL;
  g_autoptr(GArray) key = NULL;
  ShopFixture shop;
  CrmFeedbackCounts counts;
  CrmFollowUpCounts due;
  gint64 now = local (2026, 11, 23, 12);
  gint64 november = local (2026, 11, 1, 0), october = local (2026, 10, 1, 0), december = local (2026, 12, 1, 0);
  gint64 sums[2] = { 0, 0 };
  gint64 a, answered;

  shop_fixture_open (&shop, now);
  answered = add_autumn_feedback (&shop);

  /* Answered an hour after it came in, resolved later. */
  shop.now = local (2026, 11, 6, 10);
  g_assert_true (crm_store_update_feedback (shop.store, answered, "resolved", "We are sorry.", &error));
  g_assert_no_error (error);
  shop.now = now;

  g_assert_true (crm_store_count_feedback (shop.store, november, december, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.total, ==, 5);
  g_assert_cmpuint (counts.ratings[0], ==, 1);
  g_assert_cmpuint (counts.ratings[1], ==, 0);
  g_assert_cmpuint (counts.ratings[2], ==, 1);
  g_assert_cmpuint (counts.ratings[3], ==, 1);
  g_assert_cmpuint (counts.ratings[4], ==, 1);
  g_assert_cmpuint (counts.complaints, ==, 1);
  g_assert_cmpuint (counts.resolved, ==, 1);
  g_assert_cmpuint (counts.responded, ==, 1);
  g_assert_cmpfloat (counts.response_seconds, ==, (double) HOUR);

  g_assert_true (crm_store_count_feedback (shop.store, october, november, &counts, &error));
  g_assert_cmpuint (counts.total, ==, 2);
  g_assert_cmpuint (counts.complaints, ==, 2);
  g_assert_cmpuint (counts.responded, ==, 0);
  /* The span is [from, to): what came in at @from counts, at @to not. */
  g_assert_true (crm_store_count_feedback (shop.store, local (2026, 11, 2, 9), local (2026, 11, 3, 9), &counts, &error));
  g_assert_cmpuint (counts.total, ==, 1);
  g_assert_no_error (error);

  times = crm_store_list_complaint_times (shop.store, november, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (times->len, ==, 1);
  g_assert_cmpint (g_array_index (times, gint64, 0), ==, local (2026, 11, 6, 9));
  g_clear_pointer (&times, g_array_unref);
  times = crm_store_list_complaint_times (shop.store, october, &error);
  g_assert_cmpuint (times->len, ==, 3);

  add_buyers_and_follow_ups (&shop, &a);

  g_assert_true (crm_store_foreach_purchase (shop.store, november, december, sum_purchase, sums, &error));
  g_assert_cmpint (sums[0], ==, 3);
  g_assert_cmpint (sums[1], ==, 10000);
  sums[0] = sums[1] = 0;
  g_assert_true (crm_store_foreach_purchase (shop.store, october, december, sum_purchase, sums, &error));
  g_assert_cmpint (sums[0], ==, 4);
  g_assert_cmpint (sums[1], ==, 10300);
  g_assert_no_error (error);

  key = crm_store_list_key_customer_ids (shop.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (key->len, ==, 1);
  g_assert_cmpint (g_array_index (key, gint64, 0), ==, a);

  g_assert_true (crm_store_count_follow_ups_due (shop.store, november, now, DAY, &due, &error));
  g_assert_cmpuint (due.due, ==, 2);
  g_assert_cmpuint (due.done_in_time, ==, 1);
  g_assert_true (crm_store_count_follow_ups_due (shop.store, november, december, DAY, &due, &error));
  g_assert_cmpuint (due.due, ==, 3);
  /* With no grace, an hour late is late. */
  g_assert_true (crm_store_count_follow_ups_due (shop.store, november, now, 0, &due, &error));
  g_assert_cmpuint (due.done_in_time, ==, 0);
  g_assert_no_error (error);

  shop_fixture_close (&shop);
}

static void
test_feedback_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(CrmFeedback) entry = NULL;
  g_autofree char *huge = g_strnfill (1024 * 1024, 'x');
  ShopFixture shop;
  CrmFeedbackFields hostile = { .kind = "complaint", .text = "<b>bad</b> & \x01\x02 cake" };
  CrmFeedbackFields big = { .kind = "suggestion", .text = huge };
  CrmFeedbackFields empty = { .kind = "praise" };
  CrmFeedbackFields bad_rating = { .kind = "praise", .rating = 6, .text = "?" };
  CrmFeedbackFilter unread = { .unread_only = TRUE };
  CrmFeedbackFilter search = { .search = "BAD" };
  gint64 id;

  shop_fixture_open (&shop, local (2026, 11, 23, 12));

  id = crm_store_add_feedback (shop.store, &hostile, &error);
  g_assert_no_error (error);
  entry = crm_store_get_feedback (shop.store, id);
  /* Markup is kept as text; control characters go. */
  g_assert_cmpstr (crm_feedback_get_text (entry), ==, "<b>bad</b> &  cake");
  g_assert_cmpstr (crm_feedback_get_status (entry), ==, "new");
  g_assert_false (crm_feedback_get_read (entry));
  g_assert_cmpuint (crm_store_count_unread_feedback (shop.store), ==, 1);

  /* A megabyte is cut, not refused. */
  id = crm_store_add_feedback (shop.store, &big, &error);
  g_clear_object (&entry);
  entry = crm_store_get_feedback (shop.store, id);
  g_assert_cmpuint (strlen (crm_feedback_get_text (entry)), ==, 20000);

  g_assert_cmpint (crm_store_add_feedback (shop.store, &empty, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (crm_store_add_feedback (shop.store, &bad_rating, &error), ==, 0);
  g_clear_error (&error);

  g_assert_true (crm_store_set_feedback_read (shop.store, id, TRUE, &error));
  found = crm_store_list_feedback (shop.store, &unread, 100);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = crm_store_list_feedback (shop.store, &search, 100);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (crm_feedback_get_kind (g_ptr_array_index (found, 0)), ==, "complaint");

  shop_fixture_close (&shop);
}

static gint64
answered (ShopFixture *shop,
          gint64       at,
          guint        effort,
          int          recommend)
{
  g_autoptr(GError) error = NULL;
  CrmFeedbackFields fields = { .received_at = at, .kind = "praise", .text = "…", .effort = effort,
                               .has_recommend = recommend >= 0, .recommend = recommend >= 0 ? (guint) recommend : 0 };
  gint64 id = crm_store_add_feedback (shop->store, &fields, &error);

  g_assert_no_error (error);
  return id;
}

static void
respond (ShopFixture *shop,
         gint64       id,
         const char  *status,
         const char  *note)
{
  g_autoptr(GError) error = NULL;

  shop->now += HOUR;
  g_assert_true (crm_store_update_feedback (shop->store, id, status, note, &error));
  g_assert_no_error (error);
}

/* Six entries in November: A resolved with the first answer; B answered,
 * resolved later; C resolved at once, then reopened and resolved again;
 * D resolved at once without a note; E never answered; F resolved at
 * once, a second note written while it stays resolved. Answered: A B C
 * D F; resolved at first contact and never reopened: A D F, 3 of 5. */
static void
test_first_contact_resolution (void)
{
  ShopFixture shop;
  CrmInsights insights;
  gint64 a, b, c, d, f;

  shop_fixture_open (&shop, local (2026, 11, 10, 9));
  a = feedback (&shop, local (2026, 11, 2, 9), "complaint", 2);
  b = feedback (&shop, local (2026, 11, 3, 9), "complaint", 1);
  c = feedback (&shop, local (2026, 11, 4, 9), "question", 0);
  d = feedback (&shop, local (2026, 11, 5, 9), "suggestion", 3);
  feedback (&shop, local (2026, 11, 6, 9), "complaint", 1);
  f = feedback (&shop, local (2026, 11, 7, 9), "praise", 5);

  respond (&shop, a, "resolved", "A new loaf, on us.");
  respond (&shop, b, "in_progress", "We are looking into it.");
  respond (&shop, b, "resolved", NULL);
  respond (&shop, c, "resolved", "Open until eight.");
  respond (&shop, c, "in_progress", NULL);
  respond (&shop, c, "resolved", NULL);
  respond (&shop, d, "resolved", NULL);
  respond (&shop, f, "resolved", "Thank you!");
  respond (&shop, f, "resolved", "Thank you! See you soon.");

  crm_insights_compute (shop.store, CRM_PERIOD_MONTH, &insights);
  g_assert_cmpuint (insights.n_responded, ==, 5);
  g_assert_cmpfloat_with_epsilon (insights.first_contact_rate, 0.6, 1e-9);
  /* Everything but E is resolved now. */
  g_assert_cmpfloat_with_epsilon (insights.resolution_rate, 5.0 / 6.0, 1e-9);

  /* Reopening A takes it out for good, even once resolved again. */
  respond (&shop, a, "new", NULL);
  respond (&shop, a, "resolved", NULL);
  crm_insights_compute (shop.store, CRM_PERIOD_MONTH, &insights);
  g_assert_cmpfloat_with_epsilon (insights.first_contact_rate, 0.4, 1e-9);

  shop_fixture_close (&shop);
}

/* Customer effort: 5, 4 and 2, one not asked: CES (5 + 4 + 2) / 3. */
static void
test_customer_effort (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmFeedback) entry = NULL;
  ShopFixture shop;
  CrmInsights insights;
  CrmFeedbackFields too_easy = { .kind = "praise", .text = "?", .effort = 6 };
  CrmFeedbackFields too_keen = { .kind = "praise", .text = "?", .has_recommend = TRUE, .recommend = 11 };
  gint64 id;

  shop_fixture_open (&shop, local (2026, 11, 23, 12));
  crm_insights_compute (shop.store, CRM_PERIOD_MONTH, &insights);
  g_assert_cmpfloat (insights.effort, <, 0);
  g_assert_cmpuint (insights.n_effort, ==, 0);

  id = answered (&shop, local (2026, 11, 2, 9), 5, -1);
  answered (&shop, local (2026, 11, 3, 9), 4, -1);
  answered (&shop, local (2026, 11, 4, 9), 2, -1);
  answered (&shop, local (2026, 11, 5, 9), 0, -1);
  crm_insights_compute (shop.store, CRM_PERIOD_MONTH, &insights);
  g_assert_cmpuint (insights.n_effort, ==, 3);
  g_assert_cmpfloat_with_epsilon (insights.effort, 11.0 / 3.0, 1e-9);

  entry = crm_store_get_feedback (shop.store, id);
  g_assert_cmpuint (crm_feedback_get_effort (entry), ==, 5);
  g_assert_cmpint (crm_feedback_get_recommend (entry), ==, -1);

  /* Out of range is refused, with a message. */
  g_assert_cmpint (crm_store_add_feedback (shop.store, &too_easy, &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (crm_store_add_feedback (shop.store, &too_keen, &error), ==, 0);
  g_assert_nonnull (error);

  shop_fixture_close (&shop);
}

/* NPS at the boundaries: 6 is a detractor, 7 and 8 passive, 9 a
 * promoter. Ten answers 0 6 6 7 7 8 9 9 9 10: promoters 4, detractors 3,
 * NPS (4 − 3) / 10 = +10. Nine answers are too few; none is no figure. */
static void
test_net_promoter_score (void)
{
  static const int answers[] = { 0, 6, 6, 7, 7, 8, 9, 9, 9, 10 };
  g_autoptr(CrmFeedback) zero = NULL;
  ShopFixture shop;
  CrmInsights insights;
  gint64 first = 0;

  shop_fixture_open (&shop, local (2026, 11, 23, 12));
  answered (&shop, local (2026, 11, 1, 9), 3, -1);
  crm_insights_compute (shop.store, CRM_PERIOD_MONTH, &insights);
  g_assert_false (insights.has_nps);
  g_assert_cmpuint (insights.n_recommend, ==, 0);

  for (guint i = 1; i < G_N_ELEMENTS (answers); i++)
    answered (&shop, local (2026, 11, 2, 9) + i * HOUR, 0, answers[i]);
  crm_insights_compute (shop.store, CRM_PERIOD_MONTH, &insights);
  g_assert_cmpuint (insights.n_recommend, ==, CRM_INSIGHTS_NPS_MIN_ANSWERS - 1);
  g_assert_false (insights.has_nps);

  /* 0 is an answer, not "not asked". */
  first = answered (&shop, local (2026, 11, 2, 8), 0, answers[0]);
  zero = crm_store_get_feedback (shop.store, first);
  g_assert_cmpint (crm_feedback_get_recommend (zero), ==, 0);

  crm_insights_compute (shop.store, CRM_PERIOD_MONTH, &insights);
  g_assert_cmpuint (insights.n_recommend, ==, 10);
  g_assert_true (insights.has_nps);
  g_assert_cmpuint (insights.promoters, ==, 4);
  g_assert_cmpuint (insights.detractors, ==, 3);
  g_assert_cmpfloat_with_epsilon (insights.nps, 10.0, 1e-9);

  shop_fixture_close (&shop);
}

/* On the 1st of December at nine, the last 30 days are the 2nd of
 * November to the end of today: November's entries count, where "this
 * month" has nothing yet. */
static void
test_last_30_days (void)
{
  ShopFixture shop;
  CrmInsights insights;
  gint64 from, to, previous;

  shop_fixture_open (&shop, local (2026, 12, 1, 9));
  crm_insights_period_bounds (CRM_PERIOD_LAST_30_DAYS, shop.now, &from, &to, &previous);
  g_assert_cmpint (from, ==, local (2026, 11, 2, 0));
  g_assert_cmpint (to, ==, local (2026, 12, 2, 0));
  g_assert_cmpint (previous, ==, local (2026, 10, 3, 0));

  feedback (&shop, local (2026, 11, 1, 12), "complaint", 1);   /* a day too early */
  feedback (&shop, local (2026, 11, 2, 0), "praise", 5);       /* the first second */
  feedback (&shop, local (2026, 11, 20, 12), "praise", 4);
  feedback (&shop, local (2026, 12, 1, 8), "complaint", 2);    /* this morning */

  crm_insights_compute (shop.store, CRM_PERIOD_MONTH, &insights);
  g_assert_cmpuint (insights.n_feedback, ==, 1);
  crm_insights_compute (shop.store, CRM_PERIOD_LAST_30_DAYS, &insights);
  g_assert_cmpuint (insights.n_feedback, ==, 3);
  g_assert_cmpuint (insights.complaints, ==, 1);
  g_assert_cmpuint (insights.complaints_before, ==, 1);
  g_assert_cmpfloat_with_epsilon (insights.csat, 2.0 / 3.0, 1e-9);

  shop_fixture_close (&shop);
}

static void
computed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* The worker opens its own connection, reads at the time it is given,
 * and answers as the calling thread would; a request cancelled before it
 * runs answers "cancelled". */
static void
test_worker (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) async_result = NULL;
  g_autoptr(CrmInsightsResult) result = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *database = NULL;
  ShopFixture shop;
  CrmInsights direct;

  shop_fixture_open (&shop, local (2026, 12, 1, 9));
  database = shop_fixture_on_pg () ? shop_fixture_dup_conninfo (shop.dir) : NULL;
  add_autumn_feedback (&shop);
  answered (&shop, local (2026, 11, 20, 9), 4, 9);
  crm_insights_compute (shop.store, CRM_PERIOD_LAST_30_DAYS, &direct);

  crm_insights_compute_async (shop.dir, database, CRM_PERIOD_LAST_30_DAYS, shop.now, NULL, computed_cb,
                              &async_result);
  while (async_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  result = crm_insights_compute_finish (async_result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpint (result->insights.from, ==, direct.from);
  g_assert_cmpuint (result->insights.n_feedback, ==, direct.n_feedback);
  g_assert_cmpuint (result->insights.n_feedback, ==, 6);
  g_assert_cmpfloat (result->insights.csat, ==, direct.csat);
  g_assert_cmpuint (result->insights.n_effort, ==, 1);
  g_assert_cmpstr (result->currency, !=, NULL);
  g_clear_object (&async_result);

  g_cancellable_cancel (cancellable);
  crm_insights_compute_async (shop.dir, database, CRM_PERIOD_WEEK, shop.now, cancellable, computed_cb,
                              &async_result);
  while (async_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (crm_insights_compute_finish (async_result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  shop_fixture_close (&shop);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  shop_fixture_init_engine ();

  g_test_add_func ("/insights/empty", test_empty);
  g_test_add_func ("/insights/one-entry-and-responses", test_one_entry_and_responses);
  g_test_add_func ("/insights/csat-and-complaints", test_csat_and_complaints);
  g_test_add_func ("/insights/periods-across-year", test_periods_across_year);
  g_test_add_func ("/insights/purchases-and-follow-ups", test_purchases_and_follow_ups);
  g_test_add_func ("/insights/store-queries", test_store_queries);
  g_test_add_func ("/insights/feedback-store", test_feedback_store);
  g_test_add_func ("/insights/first-contact-resolution", test_first_contact_resolution);
  g_test_add_func ("/insights/customer-effort", test_customer_effort);
  g_test_add_func ("/insights/net-promoter-score", test_net_promoter_score);
  g_test_add_func ("/insights/last-30-days", test_last_30_days);
  g_test_add_func ("/insights/worker", test_worker);

  return g_test_run ();
}
