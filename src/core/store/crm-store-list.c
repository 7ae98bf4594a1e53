/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The customer list's rows: which active customers a set of filters
 * keeps, in the order asked for. The list model (CrmCustomerList) turns
 * them into a GListModel and searches them in memory. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-store-list.h"
#include "crm-store-private.h"

/* Key or secondary as the list shows it: the override wins over the rule. */
#define EFFECTIVE_KEY_SQL \
  "(CASE c.segment_override WHEN 'key' THEN 1 WHEN 'secondary' THEN 0 " \
  " ELSE coalesce (s.rule_key, 0) END)"

CrmCustomerRows *
crm_customer_rows_new (void)
{
  CrmCustomerRows *rows = g_new0 (CrmCustomerRows, 1);

  rows->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  rows->texts = g_ptr_array_new ();
  rows->phones = g_ptr_array_new ();
  /* Blocks big enough to be mapped on their own (main.c): a list read
   * on a worker and freed on the main thread goes back to the system. */
  rows->chunk = g_string_chunk_new (1024 * 1024);

  return rows;
}

void
crm_customer_rows_free (CrmCustomerRows *rows)
{
  if (rows == NULL)
    return;

  g_array_unref (rows->ids);
  g_ptr_array_unref (rows->texts);
  g_ptr_array_unref (rows->phones);
  g_string_chunk_free (rows->chunk);
  g_free (rows);
}

/* The loyalty tier's spend and balance, for the list's columns, filter
 * and order: ?14 starts the 12 months, ?9 (now) ends them. */
#define TIER_SPEND_SQL \
  "(SELECT coalesce (sum (p.amount), 0) FROM purchases p " \
  " WHERE p.customer_id = c.id AND p.at >= ?14 AND p.at <= ?9)"
#define TIER_ID_SQL \
  "coalesce ((SELECT t.id FROM loyalty_tiers t WHERE t.min_spend <= " TIER_SPEND_SQL \
  "           ORDER BY t.min_spend DESC LIMIT 1), -1)"
#define POINTS_SQL \
  "(SELECT coalesce (sum (l.points), 0) FROM loyalty_ledger l WHERE l.customer_id = c.id)"

/* ?9 is now and ?10 the at-risk fallback in days, as crm_store_at_risk_sql
 * expects; ?12 the tag, ?13 the days not seen. */
static char *
build_query (CrmStore               *self,
             const CrmCustomerQuery *query)
{
  GString *sql = g_string_new (NULL);
  const char *order = NULL;
  g_autofree char *name_order = NULL;

  g_string_append (sql,
                   "SELECT c.id, c.search_text, c.phone_key FROM customers c "
                   "LEFT JOIN customer_stats s ON s.customer_id = c.id "
                   "WHERE c.archived_at IS NULL");

  if (query->segment == CRM_SEGMENT_FILTER_KEY)
    g_string_append (sql, " AND " EFFECTIVE_KEY_SQL " = 1");
  else if (query->segment == CRM_SEGMENT_FILTER_SECONDARY)
    g_string_append (sql, " AND " EFFECTIVE_KEY_SQL " = 0");

  if (query->tag != NULL)
    g_string_append (sql,
                     " AND EXISTS (SELECT 1 FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id "
                     "             WHERE ct.customer_id = c.id AND lower (t.name) = lower (?12))");

  /* Never seen counts from the day they were added. */
  if (query->not_seen_days > 0)
    g_string_append (sql, " AND coalesce (s.last_visit_at, c.created_at) < ?9 - ?13 * 86400");

  if (query->at_risk)
    g_string_append_printf (sql, " AND " EFFECTIVE_KEY_SQL " = 1 AND %s", crm_store_at_risk_sql);

  if (query->tier_id != 0)
    g_string_append (sql, " AND " TIER_ID_SQL " = ?15");

  if (query->rfm_group != NULL)
    g_string_append (sql, " AND s.rfm_group = ?16");

  switch (query->sort)
    {
    case CRM_CUSTOMER_SORT_NAME:
      order = "c.name_key";
      break;
    case CRM_CUSTOMER_SORT_PHONE:
      /* Customers without a phone go last either way. */
      order = "c.phone = '', c.phone";
      break;
    case CRM_CUSTOMER_SORT_SEGMENT:
      order = query->descending ? "(CASE c.segment_override WHEN 'key' THEN 1 WHEN 'secondary' THEN 0 "
                                  "ELSE coalesce (s.rule_key, 0) END), coalesce (s.spend, 0)"
                                : "(CASE c.segment_override WHEN 'key' THEN 0 WHEN 'secondary' THEN 1 "
                                  "ELSE 1 - coalesce (s.rule_key, 0) END), -coalesce (s.spend, 0)";
      break;
    case CRM_CUSTOMER_SORT_LAST_VISIT:
      order = "coalesce (s.last_visit_at, 0)";
      break;
    case CRM_CUSTOMER_SORT_SPEND:
      order = "coalesce (s.spend, 0)";
      break;
    case CRM_CUSTOMER_SORT_POINTS:
      order = POINTS_SQL;
      break;
    case CRM_CUSTOMER_SORT_TIER:
      order = TIER_SPEND_SQL;
      break;
    }

  /* Names sort in the reader's alphabet (crm_text_compare_names()). */
  name_order = self->engine->name_order ("c.name_key", query->language);

  /* By name, the index on the reader's key is the order, read forwards
   * or backwards (ties by id the same way). */
  if (query->sort == CRM_CUSTOMER_SORT_NAME)
    g_string_append_printf (sql, " ORDER BY %s %s, c.id %s", name_order,
                            query->descending ? "DESC" : "ASC", query->descending ? "DESC" : "ASC");
  else if (query->sort == CRM_CUSTOMER_SORT_SEGMENT)
    g_string_append_printf (sql, " ORDER BY %s, %s, c.id", order, name_order);
  else
    g_string_append_printf (sql, " ORDER BY %s %s, %s, c.id",
                            order, query->descending ? "DESC" : "ASC", name_order);

  if (query->limit > 0)
    g_string_append_printf (sql, " LIMIT %u", query->limit);

  return g_string_free (sql, FALSE);
}

/**
 * crm_store_query_customer_rows:
 * @query: the filters and the order
 *
 * The active customers @query keeps, in its order, with what the list
 * needs to search them without asking again.
 *
 * Returns: (transfer full) (nullable): the rows, or %NULL with @error set
 */
CrmCustomerRows *
crm_store_query_customer_rows (CrmStore               *self,
                               const CrmCustomerQuery *query,
                               GError                **error)
{
  g_autoptr(CrmCustomerRows) rows = NULL;
  g_autofree char *sql = NULL;
  CrmStmt *stmt;
  CrmStmtResult rc;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  /* The filters make a handful of texts: each is prepared once. */
  sql = build_query (self, query);
  stmt = crm_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  crm_stmt_bind_int64 (stmt, 9, query->now);
  crm_stmt_bind_int (stmt, 10, crm_store_get_setting_int (self, "segment.at_risk_days", 60));
  if (query->tag != NULL)
    crm_stmt_bind_text (stmt, 12, query->tag);
  crm_stmt_bind_int (stmt, 13, (int) MIN (query->not_seen_days, 100000));
  if (query->tier_id != 0 || query->sort == CRM_CUSTOMER_SORT_TIER)
    crm_stmt_bind_int64 (stmt, 14, query->tier_from);
  if (query->tier_id != 0)
    crm_stmt_bind_int64 (stmt, 15, query->tier_id);
  if (query->rfm_group != NULL)
    crm_stmt_bind_text (stmt, 16, query->rfm_group);

  rows = crm_customer_rows_new ();
  while ((rc = crm_stmt_step (stmt)) == CRM_STMT_ROW)
    {
      gint64 id = crm_stmt_column_int64 (stmt, 0);
      const char *text = crm_stmt_column_text (stmt, 1);
      const char *phone = crm_stmt_column_text (stmt, 2);

      g_array_append_val (rows->ids, id);
      g_ptr_array_add (rows->texts, g_string_chunk_insert (rows->chunk, text ? text : ""));
      g_ptr_array_add (rows->phones, g_string_chunk_insert (rows->chunk, phone ? phone : ""));
    }

  if (rc == CRM_STMT_ERROR)
    crm_store_set_sql_error (error, self, "list customers");
  crm_stmt_reset (stmt);

  return rc == CRM_STMT_DONE ? g_steal_pointer (&rows) : NULL;
}

/**
 * crm_store_list_key_customer_ids:
 *
 * Today's key clients, as the list's "Key" filter shows them.
 *
 * Returns: (transfer full) (nullable) (element-type gint64): their ids,
 *   or %NULL with @error set
 */
GArray *
crm_store_list_key_customer_ids (CrmStore  *self,
                                 GError   **error)
{
  g_autoptr(GArray) ids = NULL;
  CrmStmt *stmt;
  CrmStmtResult rc;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  stmt = crm_store_prepare (self,
                            "SELECT c.id FROM customers c LEFT JOIN customer_stats s ON s.customer_id = c.id "
                            "WHERE c.archived_at IS NULL AND " EFFECTIVE_KEY_SQL " = 1",
                            error);
  if (stmt == NULL)
    return NULL;

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = crm_stmt_step (stmt)) == CRM_STMT_ROW)
    {
      gint64 id = crm_stmt_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (rc == CRM_STMT_ERROR)
    crm_store_set_sql_error (error, self, "list key clients");
  crm_stmt_reset (stmt);

  return rc == CRM_STMT_DONE ? g_steal_pointer (&ids) : NULL;
}
