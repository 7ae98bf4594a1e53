/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-insights"

#include "config.h"

#include <string.h>

#include "crm-insights.h"
#include "crm-store-private.h"

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
    case CRM_PERIOD_YEAR:
    default:
      return g_date_time_add_years (start, n);
    }
}

/**
 * crm_insights_period_bounds:
 *
 * This week (from Monday), this month or this year, in local time, and
 * the one before it.
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

static void
compute_feedback (CrmStore    *store,
                  CrmInsights *insights)
{
  CrmStmt *stmt;
  guint good = 0, resolved = 0;
  double response_total = 0;

  stmt = crm_store_prepare (store,
                            "SELECT count (*), count (rating), coalesce (sum (rating >= 4), 0), "
                            "  coalesce (sum (status = 'resolved'), 0), count (responded_at), "
                            "  coalesce (sum (CASE WHEN responded_at IS NOT NULL "
                            "                      THEN max (responded_at - received_at, 0) END), 0), "
                            "  coalesce (sum (kind = 'complaint'), 0), "
                            "  coalesce (sum (rating = 1), 0), coalesce (sum (rating = 2), 0), "
                            "  coalesce (sum (rating = 3), 0), coalesce (sum (rating = 4), 0), "
                            "  coalesce (sum (rating = 5), 0) "
                            "FROM feedback WHERE received_at >= ?1 AND received_at < ?2",
                            NULL);
  if (stmt == NULL)
    return;

  crm_stmt_bind_int64 (stmt, 1, insights->from);
  crm_stmt_bind_int64 (stmt, 2, insights->to);
  if (crm_stmt_step (stmt) == CRM_STMT_ROW)
    {
      insights->n_feedback = (guint) crm_stmt_column_int (stmt, 0);
      insights->n_rated = (guint) crm_stmt_column_int (stmt, 1);
      good = (guint) crm_stmt_column_int (stmt, 2);
      resolved = (guint) crm_stmt_column_int (stmt, 3);
      insights->n_responded = (guint) crm_stmt_column_int (stmt, 4);
      response_total = crm_stmt_column_double (stmt, 5);
      insights->complaints = (guint) crm_stmt_column_int (stmt, 6);
      for (guint i = 0; i < 5; i++)
        insights->ratings[i] = (guint) crm_stmt_column_int (stmt, 7 + i);
    }
  crm_stmt_reset (stmt);

  insights->csat = ratio (good, insights->n_rated);
  insights->resolution_rate = ratio (resolved, insights->n_feedback);
  insights->first_response = insights->n_responded > 0 ? response_total / insights->n_responded : -1.0;

  stmt = crm_store_prepare (store,
                            "SELECT count (*) FROM feedback "
                            "WHERE kind = 'complaint' AND received_at >= ?1 AND received_at < ?2",
                            NULL);
  if (stmt == NULL)
    return;
  crm_stmt_bind_int64 (stmt, 1, insights->previous_from);
  crm_stmt_bind_int64 (stmt, 2, insights->from);
  if (crm_stmt_step (stmt) == CRM_STMT_ROW)
    insights->complaints_before = (guint) crm_stmt_column_int (stmt, 0);
  crm_stmt_reset (stmt);
}

static void
compute_weeks (CrmStore    *store,
               gint64       now,
               CrmInsights *insights)
{
  g_autoptr(GDateTime) local = to_local (now);
  g_autoptr(GDateTime) this_week = period_start (CRM_PERIOD_WEEK, local);
  CrmStmt *stmt;

  for (int i = 0; i < CRM_INSIGHTS_WEEKS; i++)
    {
      g_autoptr(GDateTime) start = g_date_time_add_weeks (this_week, i - (CRM_INSIGHTS_WEEKS - 1));

      insights->week_start[i] = g_date_time_to_unix (start);
    }

  stmt = crm_store_prepare (store,
                            "SELECT received_at FROM feedback WHERE kind = 'complaint' AND received_at >= ?1",
                            NULL);
  if (stmt == NULL)
    return;
  crm_stmt_bind_int64 (stmt, 1, insights->week_start[0]);
  while (crm_stmt_step (stmt) == CRM_STMT_ROW)
    {
      gint64 at = crm_stmt_column_int64 (stmt, 0);

      for (int i = CRM_INSIGHTS_WEEKS - 1; i >= 0; i--)
        if (at >= insights->week_start[i])
          {
            insights->week_complaints[i]++;
            break;
          }
    }
  crm_stmt_reset (stmt);
}

static void
compute_follow_ups (CrmStore    *store,
                    gint64       now,
                    CrmInsights *insights)
{
  CrmStmt *stmt;
  guint on_time = 0;

  /* Due in the period and already past: done by the end of the due day? */
  stmt = crm_store_prepare (store,
                            "SELECT count (*), coalesce (sum (done_at IS NOT NULL AND done_at <= due_at + ?3), 0) "
                            "FROM follow_ups WHERE due_at >= ?1 AND due_at < min (?2, ?4)",
                            NULL);
  if (stmt == NULL)
    return;
  crm_stmt_bind_int64 (stmt, 1, insights->from);
  crm_stmt_bind_int64 (stmt, 2, insights->to);
  crm_stmt_bind_int64 (stmt, 3, DAY);
  crm_stmt_bind_int64 (stmt, 4, now);
  if (crm_stmt_step (stmt) == CRM_STMT_ROW)
    {
      insights->n_follow_ups_due = (guint) crm_stmt_column_int (stmt, 0);
      on_time = (guint) crm_stmt_column_int (stmt, 1);
    }
  crm_stmt_reset (stmt);

  insights->on_time_rate = ratio (on_time, insights->n_follow_ups_due);
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
  CrmStmt *stmt;
  gint64 key_revenue = 0;
  guint returning = 0;
  gint64 first;

  for (int i = 0; i < CRM_INSIGHTS_MONTHS; i++)
    {
      g_autoptr(GDateTime) start = g_date_time_add_months (this_month, i - (CRM_INSIGHTS_MONTHS - 1));

      insights->month_start[i] = g_date_time_to_unix (start);
    }
  first = MIN (insights->month_start[0], insights->from);

  /* Today's key clients, as the list shows them. */
  stmt = crm_store_prepare (store,
                            "SELECT c.id FROM customers c LEFT JOIN customer_stats s ON s.customer_id = c.id "
                            "WHERE c.archived_at IS NULL AND (CASE c.segment_override WHEN 'key' THEN 1 "
                            "  WHEN 'secondary' THEN 0 ELSE coalesce (s.rule_key, 0) END) = 1",
                            NULL);
  if (stmt == NULL)
    return;
  while (crm_stmt_step (stmt) == CRM_STMT_ROW)
    g_hash_table_add (key, GSIZE_TO_POINTER ((gsize) crm_stmt_column_int64 (stmt, 0)));
  crm_stmt_reset (stmt);

  stmt = crm_store_prepare (store,
                            "SELECT customer_id, at, amount FROM purchases INDEXED BY purchases_at "
                            "WHERE at >= ?1 AND at < ?2",
                            NULL);
  if (stmt == NULL)
    return;
  crm_stmt_bind_int64 (stmt, 1, first);
  crm_stmt_bind_int64 (stmt, 2, MAX (insights->to, insights->month_start[CRM_INSIGHTS_MONTHS - 1] + 32 * DAY));

  while (crm_stmt_step (stmt) == CRM_STMT_ROW)
    {
      gpointer customer = GSIZE_TO_POINTER ((gsize) crm_stmt_column_int64 (stmt, 0));
      gint64 at = crm_stmt_column_int64 (stmt, 1);
      gint64 amount = crm_stmt_column_int64 (stmt, 2);
      gboolean is_key = g_hash_table_contains (key, customer);
      int month = month_of (insights, at);

      if (month >= 0 && at < now + DAY)
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
            key_revenue += amount;

          if (amount > 0)
            {
              guint count = GPOINTER_TO_UINT (g_hash_table_lookup (buyers, customer));

              if (count < 2)
                g_hash_table_insert (buyers, customer, GUINT_TO_POINTER (count + 1));
              if (count == 1)
                returning++;
            }
        }
    }
  crm_stmt_reset (stmt);

  insights->n_buyers = g_hash_table_size (buyers);
  insights->returning_rate = ratio (returning, insights->n_buyers);
  insights->key_share = insights->revenue > 0 ? (double) key_revenue / (double) insights->revenue : -1.0;
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
  gint64 now;

  g_return_if_fail (CRM_IS_STORE (store));
  g_return_if_fail (insights != NULL);

  memset (insights, 0, sizeof *insights);
  now = crm_store_now (store);
  crm_insights_period_bounds (period, now, &insights->from, &insights->to, &insights->previous_from);

  compute_feedback (store, insights);
  compute_weeks (store, now, insights);
  compute_follow_ups (store, now, insights);
  compute_purchases (store, now, insights);
}
