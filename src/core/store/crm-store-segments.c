/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Segmentation: every customer's figures over the period (spend, purchases,
 * first and last purchase, last visit), the Pareto or threshold ranking
 * into key and secondary clients, at risk, and the shop's summary. Part
 * of CrmStore (see crm-store-private.h). */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <string.h>

#include "crm-store-private.h"

#define DAY (24 * 60 * 60)

/* A key client is "at risk" when their last purchase is older than twice
 * their usual interval between purchases (at least a week), or, with fewer
 * than two purchases to tell an interval, older than segment.at_risk_days.
 * One SQL expression, shared by the customer query and the list filter. */
const char crm_store_at_risk_sql[] =
  "(s.last_purchase_at IS NOT NULL AND ?9 - s.last_purchase_at > "
  "  CASE WHEN s.total_purchases >= 2"
  "       THEN greatest (2 * (s.last_purchase_at - s.first_purchase_at) / (s.total_purchases - 1), 7 * 86400)"
  "       ELSE ?10 * 86400 END)";

static const char stats_select_sql[] =
  "SELECT c.id, "
  "  coalesce (p.spend, 0), coalesce (p.n, 0), coalesce (p.total, 0), p.first_at, p.last_at, "
  "  nullif (greatest (coalesce (p.last_at, 0), coalesce (v.last_visit, 0)), 0) "
  "FROM customers c "
  "LEFT JOIN (SELECT customer_id, "
  "             sum (CASE WHEN at >= ?1 THEN amount ELSE 0 END) AS spend, "
  "             count (CASE WHEN at >= ?1 AND amount > 0 THEN 1 END) AS n, "
  "             count (CASE WHEN amount > 0 THEN 1 END) AS total, "
  "             min (CASE WHEN amount > 0 THEN at END) AS first_at, "
  "             max (CASE WHEN amount > 0 THEN at END) AS last_at "
  "           FROM purchases %s GROUP BY customer_id) p ON p.customer_id = c.id "
  "LEFT JOIN (SELECT customer_id, max (at) AS last_visit FROM interactions "
  "           WHERE kind = 'visit' %s GROUP BY customer_id) v ON v.customer_id = c.id "
  "%s";

/* The period's start the figures were last computed for. Every
 * customer's figures use the same start, so that moving it later is a
 * subtraction of what fell out, not a recount of a million purchases. */
static gboolean
get_window_from (CrmStore *self,
                 gint64   *from)
{
  g_autofree char *value = crm_store_dup_setting (self, "stats.window_from", NULL);

  if (value == NULL)
    return FALSE;

  *from = g_ascii_strtoll (value, NULL, 10);
  return TRUE;
}

static gboolean
set_window_from (CrmStore  *self,
                 gint64     from,
                 GError   **error)
{
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, from);

  /* Not crm_store_set_setting: this is bookkeeping, not a change anyone
   * needs to hear about. */
  return crm_store_put_setting (self, "stats.window_from", value, error);
}

static gint64
window_from_now (CrmStore *self)
{
  gint days = crm_store_get_setting_int (self, "segment.window_days", 365);

  return crm_store_now (self) - (gint64) MAX (days, 1) * DAY;
}

static gboolean
write_stats (CrmStore  *self,
             gint64     customer_id,
             GError   **error)
{
  g_autofree char *select = NULL;
  g_autofree char *sql = NULL;
  CrmStmt *stmt;
  gint64 from;

  /* Everyone at once starts the period afresh; one customer follows the
   * start everybody else was computed with. */
  if (customer_id == 0 || !get_window_from (self, &from))
    from = window_from_now (self);

  /* One customer uses the (customer_id, at, amount) index; all of them
   * are one pass over it, grouped. */
  if (customer_id > 0)
    select = g_strdup_printf (stats_select_sql,
                              "WHERE customer_id = ?3", "AND customer_id = ?3", "WHERE c.id = ?3");
  else
    select = g_strdup_printf (stats_select_sql, "", "", "WHERE true");

  sql = g_strconcat ("INSERT INTO customer_stats (customer_id, spend, purchases, total_purchases, "
                     "  first_purchase_at, last_purchase_at, last_visit_at) ",
                     select,
                     " ON CONFLICT (customer_id) DO UPDATE SET spend = excluded.spend, "
                     "  purchases = excluded.purchases, total_purchases = excluded.total_purchases, "
                     "  first_purchase_at = excluded.first_purchase_at, "
                     "  last_purchase_at = excluded.last_purchase_at, "
                     "  last_visit_at = excluded.last_visit_at",
                     NULL);

  /* Both SELECTs end in a WHERE: without one SQLite would read the
   * upsert's ON CONFLICT as the last join's ON. */
  stmt = crm_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  crm_stmt_bind_int64 (stmt, 1, from);
  if (customer_id > 0)
    crm_stmt_bind_int64 (stmt, 3, customer_id);

  if (!crm_store_step_done (self, stmt, "write", error))
    return FALSE;

  return customer_id > 0 || set_window_from (self, from, error);
}

/**
 * crm_store_refresh_stats:
 * @customer_id: one customer, or 0 for all
 *
 * Recomputes the cached figures (spend and purchases in the window, first
 * and last purchase, last visit) from purchases and interactions. Does not
 * rank: call crm_store_rank_customers() after.
 */
gboolean
crm_store_refresh_stats (CrmStore  *self,
                         gint64     customer_id,
                         GError   **error)
{
  /* Inside crm_store_begin() (imports, the sample shop) figures are
   * rebuilt once, at commit, instead of after every row. */
  if (self->bulk_depth > 0 && !self->refreshing_all)
    {
      self->needs_refresh = TRUE;
      return TRUE;
    }

  return write_stats (self, customer_id, error);
}

/* The window's revenue of active customers, which each customer's share
 * is of: after a ranking, and when another connection may have ranked. */
gboolean
crm_store_read_revenue_total (CrmStore  *self,
                              GError   **error)
{
  CrmStmt *stmt;

  /* Archived customers are few: subtracting them beats joining every
   * row of customer_stats with customers. */
  stmt = crm_store_prepare (self,
                            "SELECT coalesce (sum (spend), 0) FROM customer_stats "
                            "WHERE spend > 0 AND customer_id NOT IN "
                            "  (SELECT id FROM customers WHERE archived_at IS NOT NULL)",
                            error);
  if (stmt == NULL)
    return FALSE;
  self->revenue_total = crm_stmt_step (stmt) == CRM_STMT_ROW ? crm_stmt_column_int64 (stmt, 0) : 0;
  crm_stmt_reset (stmt);

  return TRUE;
}

/**
 * crm_store_rank_customers:
 *
 * Sorts active customers into key and secondary by the shop's rule, in
 * one statement over customer_stats.
 *
 * Pareto (the default): customers by spend, highest first; a customer is
 * key while the revenue of everyone who spent strictly more is below the
 * share (80 %) of the window's revenue. Customers who spent the same amount
 * therefore always land in the same segment, and the key set is the
 * smallest that reaches the share. No positive spend, no key.
 *
 * Threshold: key when spend ≥ segment.min_spend (minor units) or purchases
 * ≥ segment.min_purchases (each ignored when 0).
 */
static gboolean
rank_segments (CrmStore  *self,
               GError   **error)
{
  g_autofree char *rule = NULL;
  gint share, min_purchases;
  gint64 min_spend;
  CrmStmt *stmt;

  if (self->bulk_depth > 0 && !self->refreshing_all)
    {
      self->needs_refresh = TRUE;
      return TRUE;
    }

  rule = crm_store_dup_setting (self, "segment.rule", "pareto");
  share = CLAMP (crm_store_get_setting_int (self, "segment.share", 80), 1, 100);
  min_spend = crm_store_get_setting_int (self, "segment.min_spend", 0);
  min_purchases = crm_store_get_setting_int (self, "segment.min_purchases", 0);

  if (!crm_store_read_revenue_total (self, error))
    return FALSE;

  if (g_strcmp0 (rule, "threshold") == 0)
    {
      stmt = crm_store_prepare (self,
                                "UPDATE customer_stats SET rule_key = r.is_key FROM "
                                "(SELECT s.customer_id, "
                                "   CASE WHEN c.archived_at IS NULL AND ((?1 > 0 AND s.spend >= ?1) OR "
                                "                               (?2 > 0 AND s.purchases >= ?2)) "
                                "     THEN 1 ELSE 0 END AS is_key "
                                " FROM customer_stats s JOIN customers c ON c.id = s.customer_id) r "
                                "WHERE customer_stats.customer_id = r.customer_id "
                                "  AND customer_stats.rule_key <> r.is_key",
                                error);
      if (stmt == NULL)
        return FALSE;
      crm_stmt_bind_int64 (stmt, 1, min_spend);
      crm_stmt_bind_int (stmt, 2, min_purchases);
      return crm_store_step_done (self, stmt, "write", error);
    }

  /* Nobody without spend, and no archived customer, is key. */
  if (!crm_store_exec (self,
                       "UPDATE customer_stats SET rule_key = 0 WHERE rule_key = 1 AND "
                       "(spend <= 0 OR customer_id IN "
                       " (SELECT id FROM customers WHERE archived_at IS NOT NULL))",
                       error))
    return FALSE;

  /* "1 PRECEDING" over spend DESC in integer minor units means every
   * spend strictly greater than this one. Only rows whose segment changes
   * are written, so one purchase rewrites a handful of rows, not all. */
  stmt = crm_store_prepare (self,
                            "UPDATE customer_stats SET rule_key = 1 - rule_key WHERE customer_id IN "
                            "(SELECT customer_id FROM "
                            "  (SELECT customer_id, rule_key, "
                            "     CASE WHEN 100 * coalesce (sum (spend) OVER (ORDER BY spend DESC "
                            "       RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) < ?1 * ?2 "
                            "     THEN 1 ELSE 0 END AS is_key "
                            "   FROM customer_stats WHERE spend > 0 AND customer_id NOT IN "
                            "     (SELECT id FROM customers WHERE archived_at IS NOT NULL)) AS ranked "
                            " WHERE rule_key <> is_key)",
                            error);
  if (stmt == NULL)
    return FALSE;
  crm_stmt_bind_int (stmt, 1, share);
  crm_stmt_bind_int64 (stmt, 2, self->revenue_total);

  return crm_store_step_done (self, stmt, "write", error);
}

gboolean
crm_store_rank_customers (CrmStore  *self,
                          GError   **error)
{
  if (!rank_segments (self, error))
    return FALSE;

  /* The groups by habit look at every buyer: they are recounted with
   * everything (start, the hourly refresh, an import), not after each
   * purchase (docs/segments.md). */
  return !self->refreshing_all || crm_store_score_rfm (self, error);
}

/* Every customer has a figures row: only the window's share can be stale. */
static gboolean
stats_complete (CrmStore *self)
{
  CrmStmt *stmt = crm_store_prepare (self,
                                     "SELECT NOT EXISTS (SELECT 1 FROM customers c WHERE NOT EXISTS "
                                     "  (SELECT 1 FROM customer_stats s WHERE s.customer_id = c.id))",
                                     NULL);
  gboolean complete;

  if (stmt == NULL)
    return FALSE;

  complete = crm_stmt_step (stmt) == CRM_STMT_ROW && crm_stmt_column_int (stmt, 0) != 0;
  crm_stmt_reset (stmt);
  return complete;
}

/* Moving the period's start on subtracts the purchases that fell out of
 * it, read through the date index: a day's worth, not the whole table. A
 * start that moved back (clock change, longer period) needs a recount. */
static gboolean
refresh_window (CrmStore  *self,
                GError   **error)
{
  gint64 old_from = 0;
  gint64 new_from = window_from_now (self);
  CrmStmt *stmt;

  if (!get_window_from (self, &old_from) || new_from < old_from || !stats_complete (self))
    return write_stats (self, 0, error);

  if (new_from == old_from)
    return TRUE;

  stmt = crm_store_prepare (self,
                            "UPDATE customer_stats SET spend = customer_stats.spend - d.gone, "
                            "  purchases = customer_stats.purchases - d.n "
                            "FROM (SELECT customer_id, sum (amount) AS gone, "
                            "        count (*) FILTER (WHERE amount > 0) AS n "
                            "      FROM purchases INDEXED BY purchases_at "
                            "      WHERE at >= ?1 AND at < ?2 GROUP BY customer_id) d "
                            "WHERE customer_stats.customer_id = d.customer_id",
                            error);
  if (stmt == NULL)
    return FALSE;

  crm_stmt_bind_int64 (stmt, 1, old_from);
  crm_stmt_bind_int64 (stmt, 2, new_from);

  return crm_store_step_done (self, stmt, "write", error) && set_window_from (self, new_from, error);
}

/**
 * crm_store_refresh_all:
 *
 * Rebuilds every customer's figures and segment: at start-up and when the
 * window has moved on (the app ran past midnight) or its length changed.
 */
gboolean
crm_store_refresh_all (CrmStore  *self,
                       GError   **error)
{
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  if (!crm_store_savepoint (self, error))
    return FALSE;

  self->refreshing_all = TRUE;
  ok = refresh_window (self, error) && crm_store_rank_customers (self, error);
  self->refreshing_all = FALSE;

  if (!crm_store_release (self, ok, error))
    return FALSE;

  crm_store_emit_changed (self, CRM_STORE_CHANGE_SEGMENTS, 0);
  return TRUE;
}

/**
 * crm_store_get_summary:
 *
 * The figures over the customer list: how many active customers, how many
 * of them are key, and what share of the window's revenue the key ones bring.
 */
void
crm_store_get_summary (CrmStore        *self,
                       CrmShopSummary  *summary)
{
  g_autofree char *sql = NULL;
  CrmStmt *stmt;

  g_return_if_fail (CRM_IS_STORE (self));
  g_return_if_fail (summary != NULL);

  memset (summary, 0, sizeof *summary);

  sql = g_strdup_printf ("SELECT count (*), "
                         "  coalesce (sum (k), 0), "
                         "  coalesce (sum (CASE WHEN k = 1 AND spend > 0 THEN spend END), 0), "
                         "  coalesce (sum (CASE WHEN spend > 0 THEN spend END), 0), "
                         "  count (*) FILTER (WHERE k = 1 AND r) "
                         "FROM (SELECT (CASE c.segment_override WHEN 'key' THEN 1 "
                         "               WHEN 'secondary' THEN 0 ELSE coalesce (s.rule_key, 0) END) AS k, "
                         "             coalesce (s.spend, 0) AS spend, %s AS r "
                         "      FROM customers c LEFT JOIN customer_stats s ON s.customer_id = c.id "
                         "      WHERE c.archived_at IS NULL) AS active",
                         crm_store_at_risk_sql);

  stmt = crm_store_prepare (self, sql, NULL);
  if (stmt != NULL)
    {
      crm_stmt_bind_int64 (stmt, 9, crm_store_now (self));
      crm_stmt_bind_int (stmt, 10, crm_store_get_setting_int (self, "segment.at_risk_days", 60));
      if (crm_stmt_step (stmt) == CRM_STMT_ROW)
        {
          summary->n_customers = (guint) crm_stmt_column_int (stmt, 0);
          summary->n_key = (guint) crm_stmt_column_int (stmt, 1);
          summary->key_spend = crm_stmt_column_int64 (stmt, 2);
          summary->total_spend = crm_stmt_column_int64 (stmt, 3);
          summary->n_at_risk = (guint) crm_stmt_column_int (stmt, 4);
        }
    }
  else
    g_warning ("summary: %s", crm_store_errmsg (self));

  if (stmt != NULL)
    crm_stmt_reset (stmt);
}

