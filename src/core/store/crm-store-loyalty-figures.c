/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Points over time: the expiry pass, the balances that lapse soon, and
 * the programme's figures for Insights. Month arithmetic is done in C
 * (crm_loyalty_months_after()), so that the SQL stays the same on every
 * engine. Part of CrmStore. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include "crm-loyalty.h"
#include "crm-store-loyalty-private.h"
#include "crm-store-private.h"

/* A balance and what started its clock: the latest purchase, reward
 * redeemed or adjustment (earnings and spending coincide with their
 * purchase; corrections, dated later, do not restart it). */
typedef struct
{
  gint64 customer_id;
  gint64 balance;
  gint64 activity;
} Holding;

/* One customer's through their index, everyone's in one pass: a single
 * statement with "?1 = 0 OR" would read the whole ledger for one. */
#define HOLDINGS_SQL(where) \
  "SELECT l.customer_id, sum (l.points), " \
  "  coalesce (max (CASE WHEN l.kind IN ('reward', 'adjust') THEN l.at END), 0), max (l.at), " \
  "  coalesce ((SELECT max (p.at) FROM purchases p WHERE p.customer_id = l.customer_id AND p.amount > 0), 0) " \
  "FROM loyalty_ledger l WHERE " where " " \
  "GROUP BY l.customer_id HAVING sum (l.points) > 0"
static const char holdings_one_sql[] = HOLDINGS_SQL ("l.customer_id = ?1");
static const char holdings_all_sql[] = HOLDINGS_SQL ("1 = 1");

/* Every positive balance (or @customer_id's), collected before anything
 * is written. */
static GArray *
read_holdings (CrmStore  *self,
               gint64     customer_id,
               GError   **error)
{
  g_autoptr(GArray) holdings = g_array_new (FALSE, FALSE, sizeof (Holding));
  CrmStmt *stmt = crm_store_prepare (self, customer_id != 0 ? holdings_one_sql : holdings_all_sql, error);
  CrmStmtResult rc;

  if (stmt == NULL)
    return NULL;

  if (customer_id != 0)
    crm_stmt_bind_int64 (stmt, 1, customer_id);
  while ((rc = crm_stmt_step (stmt)) == CRM_STMT_ROW)
    {
      Holding holding = {
        .customer_id = crm_stmt_column_int64 (stmt, 0),
        .balance = crm_stmt_column_int64 (stmt, 1),
        .activity = MAX (crm_stmt_column_int64 (stmt, 2), crm_stmt_column_int64 (stmt, 4)),
      };

      /* Points with no purchase or reward behind them: their own date. */
      if (holding.activity == 0)
        holding.activity = crm_stmt_column_int64 (stmt, 3);
      g_array_append_val (holdings, holding);
    }
  crm_stmt_reset (stmt);

  if (rc != CRM_STMT_DONE)
    {
      crm_store_set_sql_error (error, self, "loyalty balances");
      return NULL;
    }

  return g_steal_pointer (&holdings);
}

/**
 * crm_store_expire_points:
 * @months: how long without a purchase before points lapse; 0 never
 * @n_lapsed: (out) (optional): how many balances lapsed
 *
 * The expiry pass: every balance whose last purchase, reward or
 * adjustment is @months or more before the store's clock lapses whole,
 * as one "expiry" entry dated when it lapsed. Each lapsing balance is
 * read again and written in one write transaction, so an entry never
 * takes more than there is; running it again writes nothing new.
 */
gboolean
crm_store_expire_points (CrmStore  *self,
                         guint      months,
                         guint     *n_lapsed,
                         GError   **error)
{
  g_autoptr(GArray) holdings = NULL;
  g_autoptr(GArray) lapsing = NULL;
  gint64 now = crm_store_now (self);
  gboolean ok = TRUE;
  guint n = 0;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  if (n_lapsed != NULL)
    *n_lapsed = 0;

  if (months == 0)
    return TRUE;

  /* Every balance is read outside the write lock: on most runs none
   * lapses, and a write from the window would wait for the whole read
   * (a second at 100 000 customers). */
  holdings = read_holdings (self, 0, error);
  if (holdings == NULL)
    return FALSE;

  lapsing = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < holdings->len; i++)
    {
      const Holding *holding = &g_array_index (holdings, Holding, i);

      if (crm_loyalty_months_after (holding->activity, months) <= now)
        g_array_append_val (lapsing, holding->customer_id);
    }
  if (lapsing->len == 0)
    return TRUE;

  if (!crm_store_savepoint (self, error))
    return FALSE;

  for (guint i = 0; ok && i < lapsing->len; i++)
    {
      g_autoptr(GArray) fresh = read_holdings (self, g_array_index (lapsing, gint64, i), error);
      const Holding *holding;
      gint64 lapse;

      ok = fresh != NULL;
      if (!ok || fresh->len == 0)
        continue;

      holding = &g_array_index (fresh, Holding, 0);
      lapse = crm_loyalty_months_after (holding->activity, months);
      if (lapse > now)
        continue;

      ok = crm_store_loyalty_insert (self, holding->customer_id, lapse, -holding->balance,
                                     CRM_LEDGER_EXPIRY, NULL, 0, 0, error);
      n++;
    }

  if (!crm_store_release (self, ok, error))
    return FALSE;

  if (n > 0)
    crm_store_emit_changed (self, CRM_STORE_CHANGE_LOYALTY, 0);
  if (n_lapsed != NULL)
    *n_lapsed = n;
  return TRUE;
}

/**
 * crm_store_get_points_lapse:
 *
 * Returns: when the customer's balance lapses, or 0 when it does not
 *   (no points, or no expiry)
 */
gint64
crm_store_get_points_lapse (CrmStore *self,
                            gint64    customer_id,
                            guint     months)
{
  g_autoptr(GArray) holdings = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  if (months == 0 || customer_id <= 0)
    return 0;

  holdings = read_holdings (self, customer_id, NULL);
  if (holdings == NULL || holdings->len == 0)
    return 0;

  return crm_loyalty_months_after (g_array_index (holdings, Holding, 0).activity, months);
}

void
crm_points_lapse_free (CrmPointsLapse *lapse)
{
  if (lapse == NULL)
    return;

  g_free (lapse->name);
  g_free (lapse);
}

static gint
compare_lapse (gconstpointer a,
               gconstpointer b)
{
  const CrmPointsLapse *x = *(CrmPointsLapse * const *) a;
  const CrmPointsLapse *y = *(CrmPointsLapse * const *) b;

  return x->lapse_at < y->lapse_at ? -1 : x->lapse_at > y->lapse_at ? 1
         : (x->customer_id > y->customer_id) - (x->customer_id < y->customer_id);
}

static char *
dup_active_name (CrmStore *self,
                 gint64    customer_id)
{
  CrmStmt *stmt = crm_store_prepare (self, "SELECT name FROM customers WHERE id = ?1 AND archived_at IS NULL",
                                     NULL);
  char *name = NULL;

  if (stmt == NULL)
    return NULL;

  crm_stmt_bind_int64 (stmt, 1, customer_id);
  if (crm_stmt_step (stmt) == CRM_STMT_ROW)
    name = crm_stmt_dup_text (stmt, 0);
  crm_stmt_reset (stmt);

  return name;
}

/**
 * crm_store_list_points_lapsing:
 * @months: the programme's expiry, 0 for none
 * @notice_days: how far ahead to look
 * @limit: the most to return
 *
 * Active customers whose points lapse within @notice_days of the store's
 * clock unless they buy: for Follow-ups' Keep in Touch.
 *
 * Returns: (transfer full) (element-type CrmPointsLapse): the soonest first
 */
GPtrArray *
crm_store_list_points_lapsing (CrmStore *self,
                               guint     months,
                               guint     notice_days,
                               guint     limit)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_points_lapse_free);
  g_autoptr(GArray) holdings = NULL;
  gint64 now;

  g_return_val_if_fail (CRM_IS_STORE (self), list);

  if (months == 0)
    return list;

  now = crm_store_now (self);
  holdings = read_holdings (self, 0, NULL);
  for (guint i = 0; holdings != NULL && i < holdings->len; i++)
    {
      const Holding *holding = &g_array_index (holdings, Holding, i);
      gint64 lapse = crm_loyalty_months_after (holding->activity, months);
      CrmPointsLapse *item;

      if (lapse <= now || lapse > now + (gint64) notice_days * 24 * 60 * 60)
        continue;

      item = g_new0 (CrmPointsLapse, 1);
      item->customer_id = holding->customer_id;
      item->points = holding->balance;
      item->lapse_at = lapse;
      g_ptr_array_add (list, item);
    }

  g_ptr_array_sort (list, compare_lapse);

  /* Names last, for the few kept: archived customers are left out. */
  for (guint i = 0; i < list->len;)
    {
      CrmPointsLapse *item = g_ptr_array_index (list, i);

      item->name = i < limit ? dup_active_name (self, item->customer_id) : NULL;
      if (item->name == NULL)
        g_ptr_array_remove_index (list, i);
      else
        i++;
    }

  return list;
}

/* Runs @sql over [@from, @to) (?1 and ?2) and reads the @n integers of
 * its one row into @values. */
static gboolean
read_span (CrmStore    *self,
           const char  *sql,
           gint64       from,
           gint64       to,
           gint64      *values,
           guint        n,
           GError     **error)
{
  CrmStmt *stmt = crm_store_prepare (self, sql, error);
  CrmStmtResult rc;

  if (stmt == NULL)
    return FALSE;

  crm_stmt_bind_int64 (stmt, 1, from);
  crm_stmt_bind_int64 (stmt, 2, to);
  rc = crm_stmt_step (stmt);
  for (guint i = 0; i < n; i++)
    values[i] = rc == CRM_STMT_ROW ? crm_stmt_column_int64 (stmt, (int) i) : 0;
  crm_stmt_reset (stmt);

  if (rc != CRM_STMT_ROW)
    {
      crm_store_set_sql_error (error, self, "loyalty figures");
      return FALSE;
    }

  return TRUE;
}

/**
 * crm_store_count_points:
 * @from: the first second counted
 * @to: the first second not counted
 *
 * What the ledger moved in [@from, @to), by kind, and every balance
 * together at @to: outstanding at @from plus earned and adjusted, less
 * spent and expired, is outstanding at @to.
 */
gboolean
crm_store_count_points (CrmStore         *self,
                        gint64            from,
                        gint64            to,
                        CrmPointsCounts  *counts,
                        GError          **error)
{
  gint64 values[5] = { 0 };
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  ok = read_span (self,
                  "SELECT coalesce (sum (CASE WHEN kind = 'earn' AND at >= ?1 THEN points END), 0), "
                  "  coalesce (sum (CASE WHEN kind = 'adjust' AND at >= ?1 THEN points END), 0), "
                  "  coalesce (-sum (CASE WHEN kind IN ('spend', 'reward') AND at >= ?1 THEN points END), 0), "
                  "  coalesce (-sum (CASE WHEN kind = 'expiry' AND at >= ?1 THEN points END), 0), "
                  "  coalesce (sum (points), 0) "
                  "FROM loyalty_ledger WHERE at < ?2",
                  from, to, values, G_N_ELEMENTS (values), error);

  counts->earned = values[0];
  counts->adjusted = values[1];
  counts->spent = values[2];
  counts->expired = values[3];
  counts->outstanding = values[4];
  return ok;
}

/**
 * crm_store_sum_member_revenue:
 * @members: (out): revenue from purchases by customers who already had
 *   points history before the purchase (an earlier entry in the ledger)
 * @revenue: (out): all revenue in [@from, @to)
 */
gboolean
crm_store_sum_member_revenue (CrmStore  *self,
                              gint64     from,
                              gint64     to,
                              gint64    *members,
                              gint64    *revenue,
                              GError   **error)
{
  gint64 values[2] = { 0 };
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  ok = read_span (self,
                  "SELECT coalesce (sum (p.amount), 0), "
                  "  coalesce (sum (CASE WHEN EXISTS (SELECT 1 FROM loyalty_ledger l "
                  "    WHERE l.customer_id = p.customer_id AND l.at < p.at) THEN p.amount END), 0) "
                  "FROM purchases p WHERE p.at >= ?1 AND p.at < ?2",
                  from, to, values, G_N_ELEMENTS (values), error);

  *revenue = values[0];
  *members = values[1];
  return ok;
}

/**
 * crm_store_count_reward_returns:
 * @redeemers: (out): customers who spent points (a reward or a discount)
 *   in [@from, @to)
 * @returned: (out): those of them with a purchase after their first such
 *   spending in the period, before @to
 */
gboolean
crm_store_count_reward_returns (CrmStore  *self,
                                gint64     from,
                                gint64     to,
                                guint     *redeemers,
                                guint     *returned,
                                GError   **error)
{
  gint64 values[2] = { 0 };
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  ok = read_span (self,
                  "SELECT count (*), coalesce (sum (CASE WHEN EXISTS (SELECT 1 FROM purchases p "
                  "    WHERE p.customer_id = r.customer_id AND p.amount > 0 "
                  "      AND p.at > r.first_at AND p.at < ?2) THEN 1 ELSE 0 END), 0) "
                  "FROM (SELECT customer_id, min (at) AS first_at FROM loyalty_ledger "
                  "      WHERE kind IN ('spend', 'reward') AND points < 0 AND at >= ?1 AND at < ?2 "
                  "      GROUP BY customer_id) r",
                  from, to, values, G_N_ELEMENTS (values), error);

  *redeemers = (guint) values[0];
  *returned = (guint) values[1];
  return ok;
}
