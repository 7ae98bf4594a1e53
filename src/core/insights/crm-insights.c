/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-insights"

#include "config.h"

#include <string.h>

#include "crm-insights.h"
#include "crm-store-insights.h"

#define DAY (24 * 60 * 60)

static GDateTime *
local_midnight (GDateTime *time)
{
  return g_date_time_new_local (g_date_time_get_year (time), g_date_time_get_month (time),
                                g_date_time_get_day_of_month (time), 0, 0, 0);
}

static GDateTime *
to_local (gint64 unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);

  return g_date_time_to_local (utc);
}

/* The start of the week (Monday), month or year holding @time. */
static GDateTime *
period_start (CrmPeriod  period,
              GDateTime *time)
{
  switch (period)
    {
    case CRM_PERIOD_WEEK:
      {
        g_autoptr(GDateTime) midnight = local_midnight (time);

        return g_date_time_add_days (midnight, 1 - g_date_time_get_day_of_week (time));
      }
    case CRM_PERIOD_MONTH:
      return g_date_time_new_local (g_date_time_get_year (time), g_date_time_get_month (time), 1, 0, 0, 0);
    case CRM_PERIOD_LAST_30_DAYS:
      {
        g_autoptr(GDateTime) midnight = local_midnight (time);

        return g_date_time_add_days (midnight, -29);
      }
    case CRM_PERIOD_YEAR:
    default:
      return g_date_time_new_local (g_date_time_get_year (time), 1, 1, 0, 0, 0);
    }
}

static GDateTime *
period_add (CrmPeriod  period,
            GDateTime *start,
            int        n)
{
  switch (period)
    {
    case CRM_PERIOD_WEEK:
      return g_date_time_add_weeks (start, n);
    case CRM_PERIOD_MONTH:
      return g_date_time_add_months (start, n);
    case CRM_PERIOD_LAST_30_DAYS:
      return g_date_time_add_days (start, 30 * n);
    case CRM_PERIOD_YEAR:
    default:
      return g_date_time_add_years (start, n);
    }
}

/**
 * crm_insights_period_bounds:
 *
 * This week (from Monday), this month, this year or the last 30 days
 * (today and the 29 before, so never empty on the 1st), in local time,
 * and the one before it.
 */
void
crm_insights_period_bounds (CrmPeriod  period,
                            gint64     now,
                            gint64    *from,
                            gint64    *to,
                            gint64    *previous_from)
{
  g_autoptr(GDateTime) local = to_local (now);
  g_autoptr(GDateTime) start = period_start (period, local);
  g_autoptr(GDateTime) next = period_add (period, start, 1);
  g_autoptr(GDateTime) previous = period_add (period, start, -1);

  *from = g_date_time_to_unix (start);
  *to = g_date_time_to_unix (next);
  *previous_from = g_date_time_to_unix (previous);
}

static double
ratio (guint part,
       guint whole)
{
  return whole > 0 ? (double) part / (double) whole : -1.0;
}

/* Failures are logged and leave the figures they feed unset. @error is
 * passed by address: it is only read once @ok, the call that sets it,
 * has been evaluated. */
static gboolean
check (gboolean   ok,
       GError   **error)
{
  if (!ok)
    g_warning ("insights: %s", (*error)->message);

  return ok;
}

static void
compute_feedback (CrmStore    *store,
                  CrmInsights *insights)
{
  g_autoptr(GError) error = NULL;
  CrmFeedbackCounts counts, before;

  if (!check (crm_store_count_feedback (store, insights->from, insights->to, &counts, &error), &error))
    return;

  insights->n_feedback = counts.total;
  insights->n_responded = counts.responded;
  insights->complaints = counts.complaints;
  memcpy (insights->ratings, counts.ratings, sizeof insights->ratings);
  for (guint i = 0; i < 5; i++)
    insights->n_rated += counts.ratings[i];

  /* Satisfied means a rating of 4 or 5. */
  insights->csat = ratio (counts.ratings[3] + counts.ratings[4], insights->n_rated);
  insights->resolution_rate = ratio (counts.resolved, insights->n_feedback);
  insights->first_response = insights->n_responded > 0 ? counts.response_seconds / insights->n_responded : -1.0;
  insights->first_contact_rate = ratio (counts.first_contact, insights->n_responded);

  insights->n_effort = counts.effort_answers;
  insights->effort = insights->n_effort > 0 ? (double) counts.effort_sum / insights->n_effort : -1.0;

  /* NPS: promoters answer 9–10, detractors 0–6, passives 7–8 count only
   * in the whole. */
  for (guint i = 0; i <= 10; i++)
    {
      insights->n_recommend += counts.recommend[i];
      if (i >= 9)
        insights->promoters += counts.recommend[i];
      else if (i <= 6)
        insights->detractors += counts.recommend[i];
    }
  insights->has_nps = insights->n_recommend >= CRM_INSIGHTS_NPS_MIN_ANSWERS;
  if (insights->n_recommend > 0)
    insights->nps = 100.0 * ((double) insights->promoters - (double) insights->detractors) / insights->n_recommend;

  if (check (crm_store_count_feedback (store, insights->previous_from, insights->from, &before, &error), &error))
    insights->complaints_before = before.complaints;
}

static void
compute_weeks (CrmStore    *store,
               gint64       now,
               CrmInsights *insights)
{
  g_autoptr(GDateTime) local = to_local (now);
  g_autoptr(GDateTime) this_week = period_start (CRM_PERIOD_WEEK, local);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) times = NULL;

  for (int i = 0; i < CRM_INSIGHTS_WEEKS; i++)
    {
      g_autoptr(GDateTime) start = g_date_time_add_weeks (this_week, i - (CRM_INSIGHTS_WEEKS - 1));

      insights->week_start[i] = g_date_time_to_unix (start);
    }

  times = crm_store_list_complaint_times (store, insights->week_start[0], &error);
  if (!check (times != NULL, &error))
    return;

  for (guint n = 0; n < times->len; n++)
    {
      gint64 at = g_array_index (times, gint64, n);

      for (int i = CRM_INSIGHTS_WEEKS - 1; i >= 0; i--)
        if (at >= insights->week_start[i])
          {
            insights->week_complaints[i]++;
            break;
          }
    }
}

static void
compute_follow_ups (CrmStore    *store,
                    gint64       now,
                    CrmInsights *insights)
{
  g_autoptr(GError) error = NULL;
  CrmFollowUpCounts counts;

  /* Due in the period and already past: done by the end of the due day? */
  if (!check (crm_store_count_follow_ups_due (store, insights->from, MIN (insights->to, now), DAY,
                                              &counts, &error), &error))
    return;

  insights->n_follow_ups_due = counts.due;
  insights->on_time_rate = ratio (counts.done_in_time, insights->n_follow_ups_due);
}

static int
month_of (const CrmInsights *insights,
          gint64             at)
{
  for (int i = CRM_INSIGHTS_MONTHS - 1; i >= 0; i--)
    if (at >= insights->month_start[i])
      return i;

  return -1;
}

typedef struct
{
  CrmInsights *insights;
  gint64       now;
  GHashTable  *key;
  GHashTable  *buyers;
  gint64       key_revenue;
  guint        returning;
} PurchaseSums;

static void
add_purchase (gint64   customer_id,
              gint64   at,
              gint64   amount,
              gpointer user_data)
{
  PurchaseSums *sums = user_data;
  CrmInsights *insights = sums->insights;
  gpointer customer = GSIZE_TO_POINTER ((gsize) customer_id);
  gboolean is_key = g_hash_table_contains (sums->key, customer);
  int month = month_of (insights, at);

  if (month >= 0 && at < sums->now + DAY)
    {
      if (is_key)
        insights->month_key[month] += amount;
      else
        insights->month_secondary[month] += amount;
    }

  if (at >= insights->from && at < insights->to)
    {
      insights->revenue += amount;
      if (is_key)
        sums->key_revenue += amount;

      if (amount > 0)
        {
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (sums->buyers, customer));

          if (count < 2)
            g_hash_table_insert (sums->buyers, customer, GUINT_TO_POINTER (count + 1));
          if (count == 1)
            sums->returning++;
        }
    }
}

/* One pass over the purchases of the last twelve months and of the period
 * feeds the revenue chart, the returning-customer rate and the key share:
 * at a million purchases, a second pass would be a second ~100 ms. */
static void
compute_purchases (CrmStore    *store,
                   gint64       now,
                   CrmInsights *insights)
{
  g_autoptr(GDateTime) local = to_local (now);
  g_autoptr(GDateTime) this_month = period_start (CRM_PERIOD_MONTH, local);
  /* Row ids fit a pointer: direct hashing spares a million allocations. */
  g_autoptr(GHashTable) key = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) buyers = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) key_ids = NULL;
  PurchaseSums sums = { insights, now, key, buyers, 0, 0 };
  gint64 first, last;

  for (int i = 0; i < CRM_INSIGHTS_MONTHS; i++)
    {
      g_autoptr(GDateTime) start = g_date_time_add_months (this_month, i - (CRM_INSIGHTS_MONTHS - 1));

      insights->month_start[i] = g_date_time_to_unix (start);
    }
  first = MIN (insights->month_start[0], insights->from);
  last = MAX (insights->to, insights->month_start[CRM_INSIGHTS_MONTHS - 1] + 32 * DAY);

  /* Today's key clients, as the list shows them. */
  key_ids = crm_store_list_key_customer_ids (store, &error);
  if (!check (key_ids != NULL, &error))
    return;
  for (guint i = 0; i < key_ids->len; i++)
    g_hash_table_add (key, GSIZE_TO_POINTER ((gsize) g_array_index (key_ids, gint64, i)));

  if (!check (crm_store_foreach_purchase (store, first, last, add_purchase, &sums, &error), &error))
    return;

  insights->n_buyers = g_hash_table_size (buyers);
  insights->returning_rate = ratio (sums.returning, insights->n_buyers);
  insights->key_share = insights->revenue > 0 ? (double) sums.key_revenue / (double) insights->revenue : -1.0;
}

/**
 * crm_insights_compute:
 *
 * The figures of the Insights page for @period, as plain numbers.
 */
void
crm_insights_compute (CrmStore    *store,
                      CrmPeriod    period,
                      CrmInsights *insights)
{
  g_return_if_fail (CRM_IS_STORE (store));

  crm_insights_compute_at (store, period, crm_store_now (store), insights);
}

/**
 * crm_insights_compute_at:
 * @now: the time the figures are for (a worker's connection has no clock
 *   of the window's)
 *
 * As crm_insights_compute(), at @now.
 */
void
crm_insights_compute_at (CrmStore    *store,
                         CrmPeriod    period,
                         gint64       now,
                         CrmInsights *insights)
{
  g_return_if_fail (CRM_IS_STORE (store));
  g_return_if_fail (insights != NULL);

  memset (insights, 0, sizeof *insights);
  crm_insights_period_bounds (period, now, &insights->from, &insights->to, &insights->previous_from);

  compute_feedback (store, insights);
  compute_weeks (store, now, insights);
  compute_follow_ups (store, now, insights);
  compute_purchases (store, now, insights);
}
