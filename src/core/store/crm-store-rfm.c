/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Groups by habit: each buyer's recency, frequency and money scored in
 * bands over the shop's own buyers, and the group the recency and
 * frequency scores make (docs/segments.md). One statement over
 * customer_stats, run with the segments' recount. Part of CrmStore. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include "crm-store-private.h"

/* Five bands from this many buyers on, three below. */
#define RFM_FIVE_BANDS_FROM 500

/* A score is the band of a buyer's mid-rank: buyers with the same value
 * share the middle of the places they take (le: buyers at or below the
 * value; peers: at it), so ties always score alike and a shop where
 * everyone is equal scores everyone in the middle band. */
#define SCORE_SQL(x)                                                                    \
  "least (b, 1 + b * (2 * count (*) OVER (ORDER BY " x ") "                            \
  "                   - count (*) OVER (PARTITION BY " x ")) / (2 * n))"

/* Scores on the five-band scale (three bands read as 1, 3, 5). */
#define R5 "(CASE WHEN b = 3 THEN 2 * r - 1 ELSE r END)"
#define F5 "(CASE WHEN b = 3 THEN 2 * f - 1 ELSE f END)"

static const char score_sql[] =
  "UPDATE customer_stats SET rfm_r = x.r, rfm_f = x.f, rfm_m = x.m, rfm_bands = x.b, rfm_group = x.g "
  "FROM (SELECT customer_id, r, f, m, b, "
  "        CASE WHEN " R5 " <= 2 AND " F5 " = 5 THEN 'cant_lose' "
  "             WHEN " R5 " <= 2 AND " F5 " >= 3 THEN 'at_risk' "
  "             WHEN " R5 " = 1 AND " F5 " = 1 THEN 'lost' "
  "             WHEN " R5 " <= 2 THEN 'hibernating' "
  "             WHEN " R5 " = 3 AND " F5 " <= 3 THEN 'needs_attention' "
  "             WHEN " F5 " >= 4 AND " R5 " = 5 THEN 'champions' "
  "             WHEN " F5 " >= 4 THEN 'loyal' "
  "             WHEN " R5 " = 5 AND " F5 " = 1 THEN 'new' "
  "             ELSE 'promising' END AS g "
  "      FROM (SELECT customer_id, b, "
  "              " SCORE_SQL ("last_purchase_at") " AS r, "
  "              " SCORE_SQL ("total_purchases") " AS f, "
  "              " SCORE_SQL ("spend") " AS m "
  "            FROM (SELECT s.customer_id, s.last_purchase_at, s.total_purchases, s.spend, "
  "                    count (*) OVER () AS n, "
  "                    CASE WHEN count (*) OVER () >= ?1 THEN 5 ELSE 3 END AS b "
  "                  FROM customer_stats s JOIN customers c ON c.id = s.customer_id "
  "                  WHERE c.archived_at IS NULL AND s.total_purchases > 0) AS buyers) AS scored) AS x "
  "WHERE customer_stats.customer_id = x.customer_id "
  "  AND (customer_stats.rfm_group <> x.g OR customer_stats.rfm_r <> x.r OR customer_stats.rfm_f <> x.f "
  "       OR customer_stats.rfm_m <> x.m OR customer_stats.rfm_bands <> x.b)";

/**
 * crm_store_score_rfm:
 *
 * Scores every active buyer (a customer with a purchase) and names their
 * group; customers who never bought, and archived ones, have none. Only
 * the rows that change are written: the scores are ranks, which the
 * passing of time alone does not move.
 */
gboolean
crm_store_score_rfm (CrmStore  *self,
                     GError   **error)
{
  CrmStmt *stmt;

  if (!crm_store_exec (self,
                       "UPDATE customer_stats SET rfm_r = 0, rfm_f = 0, rfm_m = 0, rfm_bands = 0, "
                       "  rfm_group = '' "
                       "WHERE rfm_group <> '' AND (total_purchases = 0 OR customer_id IN "
                       "  (SELECT id FROM customers WHERE archived_at IS NOT NULL))",
                       error))
    return FALSE;

  stmt = crm_store_prepare (self, score_sql, error);
  if (stmt == NULL)
    return FALSE;
  crm_stmt_bind_int (stmt, 1, RFM_FIVE_BANDS_FROM);

  return crm_store_step_done (self, stmt, "write", error);
}
