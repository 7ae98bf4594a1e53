/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The queries behind the Insights page (crm-insights.c): counts and rows
 * over a span of time, with no notion of what a period or a rate is. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-store-insights.h"
#include "crm-store-private.h"

/* Rows left over from a failed step are no answer. */
static gboolean
finish (CrmStore       *self,
        CrmStmt        *stmt,
        CrmStmtResult   rc,
        const char     *what,
        GError        **error)
{
  if (rc == CRM_STMT_ERROR)
    crm_store_set_sql_error (error, self, what);
  crm_stmt_reset (stmt);

  return rc != CRM_STMT_ERROR;
}

/* Every question here is about a span of time: ?1 is its first second
 * and ?2, where the statement has one, the first second after it. */
static CrmStmt *
prepare_span (CrmStore    *self,
              const char  *sql,
              gint64       from,
              gint64       to,
              GError     **error)
{
  CrmStmt *stmt = crm_store_prepare (self, sql, error);

  if (stmt == NULL)
    return NULL;

  crm_stmt_bind_int64 (stmt, 1, from);
  if (crm_stmt_parameter_count (stmt) >= 2)
    crm_stmt_bind_int64 (stmt, 2, to);

  return stmt;
}

/**
 * crm_store_count_feedback:
 * @from: the first second counted
 * @to: the first second not counted
 * @counts: (out caller-allocates): filled in
 *
 * How much feedback came in between @from and @to, and what became of it.
 */
gboolean
crm_store_count_feedback (CrmStore           *self,
                          gint64              from,
                          gint64              to,
                          CrmFeedbackCounts  *counts,
                          GError            **error)
{
  CrmStmt *stmt;
  CrmStmtResult rc;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);
  stmt = prepare_span (self,
                       "SELECT count (*), count (*) FILTER (WHERE status = 'resolved'), "
                       "  count (*) FILTER (WHERE kind = 'complaint'), count (responded_at), "
                       "  coalesce (sum (CASE WHEN responded_at IS NOT NULL "
                       "                      THEN greatest (responded_at - received_at, 0) END), 0), "
                       "  count (*) FILTER (WHERE rating = 1), count (*) FILTER (WHERE rating = 2), "
                       "  count (*) FILTER (WHERE rating = 3), count (*) FILTER (WHERE rating = 4), "
                       "  count (*) FILTER (WHERE rating = 5), "
                       "  count (*) FILTER (WHERE responded_at IS NOT NULL AND first_contact = 1 "
                       "                    AND reopened_at IS NULL), "
                       "  count (effort), coalesce (sum (effort), 0) "
                       "FROM feedback WHERE received_at >= ?1 AND received_at < ?2",
                       from, to, error);
  if (stmt == NULL)
    return FALSE;

  rc = crm_stmt_step (stmt);
  if (rc == CRM_STMT_ROW)
    {
      counts->total = (guint) crm_stmt_column_int (stmt, 0);
      counts->resolved = (guint) crm_stmt_column_int (stmt, 1);
      counts->complaints = (guint) crm_stmt_column_int (stmt, 2);
      counts->responded = (guint) crm_stmt_column_int (stmt, 3);
      counts->response_seconds = crm_stmt_column_double (stmt, 4);
      for (guint i = 0; i < G_N_ELEMENTS (counts->ratings); i++)
        counts->ratings[i] = (guint) crm_stmt_column_int (stmt, 5 + (int) i);
      counts->first_contact = (guint) crm_stmt_column_int (stmt, 10);
      counts->effort_answers = (guint) crm_stmt_column_int (stmt, 11);
      counts->effort_sum = (guint) crm_stmt_column_int64 (stmt, 12);
    }

  if (!finish (self, stmt, rc, "count feedback", error))
    return FALSE;

  /* The answers to "would you recommend", one row per answer given. */
  stmt = prepare_span (self,
                       "SELECT recommend, count (*) FROM feedback "
                       "WHERE received_at >= ?1 AND received_at < ?2 AND recommend IS NOT NULL "
                       "GROUP BY recommend",
                       from, to, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = crm_stmt_step (stmt)) == CRM_STMT_ROW)
    {
      int answer = crm_stmt_column_int (stmt, 0);

      if (answer >= 0 && answer <= 10)
        counts->recommend[answer] = (guint) crm_stmt_column_int (stmt, 1);
    }

  return finish (self, stmt, rc, "count recommendations", error);
}

/**
 * crm_store_list_complaint_times:
 * @since: the first second of interest
 *
 * Returns: (transfer full) (nullable) (element-type gint64): when each
 *   complaint from @since on came in, in no particular order; %NULL with
 *   @error set on failure
 */
GArray *
crm_store_list_complaint_times (CrmStore  *self,
                                gint64     since,
                                GError   **error)
{
  g_autoptr(GArray) times = NULL;
  CrmStmt *stmt;
  CrmStmtResult rc;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  stmt = prepare_span (self,
                       "SELECT received_at FROM feedback WHERE kind = 'complaint' AND received_at >= ?1",
                       since, 0, error);
  if (stmt == NULL)
    return NULL;

  times = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = crm_stmt_step (stmt)) == CRM_STMT_ROW)
    {
      gint64 at = crm_stmt_column_int64 (stmt, 0);

      g_array_append_val (times, at);
    }

  return finish (self, stmt, rc, "list complaints", error) ? g_steal_pointer (&times) : NULL;
}

/**
 * crm_store_count_follow_ups_due:
 * @from: the first due time counted
 * @to: the first due time not counted
 * @grace: seconds after the due time that are still in time
 * @counts: (out caller-allocates): filled in
 *
 * How many follow-ups fell due between @from and @to, and how many of
 * those were done in time.
 */
gboolean
crm_store_count_follow_ups_due (CrmStore           *self,
                                gint64              from,
                                gint64              to,
                                gint64              grace,
                                CrmFollowUpCounts  *counts,
                                GError            **error)
{
  CrmStmt *stmt;
  CrmStmtResult rc;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);
  stmt = prepare_span (self,
                       "SELECT count (*), count (*) FILTER (WHERE done_at IS NOT NULL AND done_at <= due_at + ?3) "
                       "FROM follow_ups WHERE due_at >= ?1 AND due_at < ?2",
                       from, to, error);
  if (stmt == NULL)
    return FALSE;

  crm_stmt_bind_int64 (stmt, 3, grace);
  rc = crm_stmt_step (stmt);
  if (rc == CRM_STMT_ROW)
    {
      counts->due = (guint) crm_stmt_column_int (stmt, 0);
      counts->done_in_time = (guint) crm_stmt_column_int (stmt, 1);
    }

  return finish (self, stmt, rc, "count follow-ups", error);
}

/**
 * crm_store_foreach_purchase:
 * @from: the first second of interest
 * @to: the first second not of interest
 * @func: called for each purchase and refund in between, in no particular order
 *
 * Walks the purchases rather than returning them: at a million a year,
 * a copy would be tens of megabytes.
 *
 * Returns: %FALSE with @error set if the walk stopped on a failure
 */
gboolean
crm_store_foreach_purchase (CrmStore         *self,
                            gint64            from,
                            gint64            to,
                            CrmPurchaseFunc   func,
                            gpointer          user_data,
                            GError          **error)
{
  CrmStmt *stmt;
  CrmStmtResult rc;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = prepare_span (self,
                       "SELECT customer_id, at, amount FROM purchases INDEXED BY purchases_at "
                       "WHERE at >= ?1 AND at < ?2",
                       from, to, error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = crm_stmt_step (stmt)) == CRM_STMT_ROW)
    func (crm_stmt_column_int64 (stmt, 0), crm_stmt_column_int64 (stmt, 1),
          crm_stmt_column_int64 (stmt, 2), user_data);

  return finish (self, stmt, rc, "list purchases", error);
}
