/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Groups by habit: each buyer's recency, frequency and money scored in
 * bands over the shop's own buyers, and the group the recency and
 * frequency scores make (docs/segments.md). Read from customer_stats,
 * ranked in memory, written back where they changed; run with the
 * segments' recount. Part of CrmStore. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "crm-store-private.h"

/* Five bands from this many buyers on, three below. */
#define RFM_FIVE_BANDS_FROM 500

/* One active buyer's three values, and what the file holds for them. */
typedef struct
{
  gint64 customer_id;
  gint64 value[3];      /* last purchase, purchases, spend */
  int    score[3];
  int    old_score[3];
  int    old_bands;
  char   old_group[16];
} Buyer;

typedef struct
{
  gint64 value;
  guint  index;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a;
  const Ranked *y = b;

  return x->value < y->value ? -1 : x->value > y->value;
}

/* A score is the band of a buyer's mid-rank: buyers with the same value
 * share the middle of the places they take (at or below the value, less
 * half of those at it), so ties always score alike and a shop where
 * everyone is equal scores everyone in the middle band. In integers, as
 * the rule is written in docs/segments.md. */
static void
score_measure (Buyer *buyers,
               guint  n,
               int    bands,
               guint  measure)
{
  g_autofree Ranked *ranked = g_new (Ranked, n);
  guint i = 0;

  for (guint k = 0; k < n; k++)
    ranked[k] = (Ranked) { buyers[k].value[measure], k };
  qsort (ranked, n, sizeof *ranked, compare_ranked);

  while (i < n)
    {
      guint peers = 1;
      gint64 at_or_below;
      int score;

      while (i + peers < n && ranked[i + peers].value == ranked[i].value)
        peers++;
      at_or_below = i + peers;
      score = (int) MIN ((gint64) bands, 1 + bands * (2 * at_or_below - peers) / (2 * (gint64) n));
      for (guint k = i; k < i + peers; k++)
        buyers[ranked[k].index].score[measure] = score;
      i += peers;
    }
}

/* The group the recency and frequency scores make (three bands read as
 * 1, 3 and 5). */
static const char *
group_of (int r,
          int f,
          int bands)
{
  if (bands == 3)
    {
      r = 2 * r - 1;
      f = 2 * f - 1;
    }

  if (r <= 2 && f == 5)
    return "cant_lose";
  if (r <= 2 && f >= 3)
    return "at_risk";
  if (r == 1 && f == 1)
    return "lost";
  if (r <= 2)
    return "hibernating";
  if (r == 3 && f <= 3)
    return "needs_attention";
  if (f >= 4 && r == 5)
    return "champions";
  if (f >= 4)
    return "loyal";
  if (r == 5 && f == 1)
    return "new";
  return "promising";
}

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
  g_autoptr(GArray) buyers = g_array_new (FALSE, FALSE, sizeof (Buyer));
  CrmStmt *stmt;
  CrmStmtResult rc;
  int bands;

  if (!crm_store_exec (self,
                       "UPDATE customer_stats SET rfm_r = 0, rfm_f = 0, rfm_m = 0, rfm_bands = 0, "
                       "  rfm_group = '' "
                       "WHERE rfm_group <> '' AND (total_purchases = 0 OR customer_id IN "
                       "  (SELECT id FROM customers WHERE archived_at IS NOT NULL))",
                       error))
    return FALSE;

  /* Ranked here rather than by six window functions in SQL, which sorted
   * every buyer six times and took a second at 100 000 customers on
   * every hourly refresh; a day later few scores move, and only those
   * rows are written. */
  stmt = crm_store_prepare (self,
                            "SELECT s.customer_id, coalesce (s.last_purchase_at, 0), s.total_purchases, s.spend, "
                            "  s.rfm_r, s.rfm_f, s.rfm_m, s.rfm_bands, s.rfm_group "
                            "FROM customer_stats s JOIN customers c ON c.id = s.customer_id "
                            "WHERE c.archived_at IS NULL AND s.total_purchases > 0",
                            error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = crm_stmt_step (stmt)) == CRM_STMT_ROW)
    {
      Buyer buyer = { .customer_id = crm_stmt_column_int64 (stmt, 0) };

      for (guint m = 0; m < 3; m++)
        {
          buyer.value[m] = crm_stmt_column_int64 (stmt, 1 + m);
          buyer.old_score[m] = crm_stmt_column_int (stmt, 4 + m);
        }
      buyer.old_bands = crm_stmt_column_int (stmt, 7);
      g_strlcpy (buyer.old_group, crm_stmt_column_text (stmt, 8) ? crm_stmt_column_text (stmt, 8) : "",
                 sizeof buyer.old_group);
      g_array_append_val (buyers, buyer);
    }
  crm_stmt_reset (stmt);
  if (rc != CRM_STMT_DONE)
    {
      crm_store_set_sql_error (error, self, "groups by habit");
      return FALSE;
    }

  bands = buyers->len >= RFM_FIVE_BANDS_FROM ? 5 : 3;
  for (guint m = 0; m < 3; m++)
    score_measure ((Buyer *) buyers->data, buyers->len, bands, m);

  stmt = crm_store_prepare (self,
                            "UPDATE customer_stats SET rfm_r = ?2, rfm_f = ?3, rfm_m = ?4, rfm_bands = ?5, "
                            "  rfm_group = ?6 WHERE customer_id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < buyers->len; i++)
    {
      const Buyer *buyer = &g_array_index (buyers, Buyer, i);
      const char *group = group_of (buyer->score[0], buyer->score[1], bands);

      if (buyer->score[0] == buyer->old_score[0] && buyer->score[1] == buyer->old_score[1] &&
          buyer->score[2] == buyer->old_score[2] && bands == buyer->old_bands &&
          strcmp (group, buyer->old_group) == 0)
        continue;

      crm_stmt_bind_int64 (stmt, 1, buyer->customer_id);
      for (guint m = 0; m < 3; m++)
        crm_stmt_bind_int (stmt, 2 + m, buyer->score[m]);
      crm_stmt_bind_int (stmt, 5, bands);
      crm_stmt_bind_text (stmt, 6, group);
      if (!crm_store_step_done (self, stmt, "write", error))
        return FALSE;
    }

  return TRUE;
}
