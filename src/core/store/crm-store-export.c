/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The SQL of the customer CSV export: active customers in name order,
 * with their segment and figures, loyalty points and tier. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include "crm-loyalty.h"
#include "crm-store-export.h"
#include "crm-store-private.h"

/**
 * crm_store_export_customers:
 * @n_customers: (out) (optional): how many @func was given
 *
 * Calls @func for every active customer, sorted by name. Return FALSE
 * from @func, with its error set, to stop.
 */
gboolean
crm_store_export_customers (CrmStore               *store,
                            CrmExportCustomerFunc   func,
                            gpointer                user_data,
                            guint                  *n_customers,
                            GError                **error)
{
  g_autoptr(CrmStmt) stmt = NULL;
  CrmLoyaltySettings settings;
  CrmStmtResult rc;
  gint64 now;
  guint n = 0;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = crm_store_prepare_once (store,
                                 "SELECT c.name, c.phone, c.email, c.address, coalesce (c.birthday, ''), "
                                 "  (SELECT string_agg (name, '; ') FROM (SELECT t.name FROM customer_tags ct "
                                 "     JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = c.id "
                                 "     ORDER BY lower (t.name), t.name) AS tag), "
                                 "  CASE c.segment_override WHEN 'key' THEN 1 WHEN 'secondary' THEN 0 "
                                 "    ELSE coalesce (s.rule_key, 0) END, "
                                 "  coalesce (s.spend, 0), coalesce (s.purchases, 0), coalesce (s.last_visit_at, 0), "
                                 "  c.notes, "
                                 "  (SELECT coalesce (sum (points), 0) FROM loyalty_ledger l WHERE l.customer_id = c.id), "
                                 "  CASE WHEN ?3 THEN (SELECT t.name FROM loyalty_tiers t WHERE t.min_spend <= "
                                 "    (SELECT coalesce (sum (amount), 0) FROM purchases p "
                                 "     WHERE p.customer_id = c.id AND p.at >= ?1 AND p.at <= ?2) "
                                 "    ORDER BY t.min_spend DESC LIMIT 1) END, "
                                 "  c.language, c.channel, c.telegram, c.marketing_consent, "
                                 "  coalesce (c.consent_date, ''), c.consent_source "
                                 "FROM customers c LEFT JOIN customer_stats s ON s.customer_id = c.id "
                                 "WHERE c.archived_at IS NULL ORDER BY c.name_key, c.id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  /* The loyalty tier by the last 12 months' spend, as at the counter. */
  crm_loyalty_settings_load (store, &settings);
  now = crm_store_now (store);
  crm_stmt_bind_int64 (stmt, 1, crm_loyalty_months_before (now, 12));
  crm_stmt_bind_int64 (stmt, 2, now);
  crm_stmt_bind_int (stmt, 3, settings.tiers ? 1 : 0);

  while ((rc = crm_stmt_step (stmt)) == CRM_STMT_ROW)
    {
#define TEXT(i) (crm_stmt_column_text (stmt, (i)) ? crm_stmt_column_text (stmt, (i)) : "")
      CrmExportCustomer customer = {
        TEXT (0), TEXT (1), TEXT (2), TEXT (3), TEXT (4), TEXT (5),
        crm_stmt_column_int (stmt, 6) != 0, crm_stmt_column_int64 (stmt, 7),
        crm_stmt_column_int (stmt, 8), crm_stmt_column_int64 (stmt, 9), TEXT (10),
        crm_stmt_column_int64 (stmt, 11), TEXT (12),
        TEXT (13), TEXT (14), TEXT (15), crm_stmt_column_int (stmt, 16) != 0, TEXT (17), TEXT (18),
      };
#undef TEXT

      if (!func (&customer, user_data, error))
        return FALSE;
      n++;
    }

  if (rc != CRM_STMT_DONE)
    {
      crm_store_set_sql_error (error, store, "export");
      return FALSE;
    }

  if (n_customers != NULL)
    *n_customers = n;
  return TRUE;
}
