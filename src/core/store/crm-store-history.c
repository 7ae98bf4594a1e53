/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A customer's history: purchases and interactions, written with the
 * customer's figures and everyone's segment brought up to date, and read
 * back as one timeline. Part of CrmStore (see crm-store-private.h). */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-store-import.h"
#include "crm-store-loyalty-private.h"
#include "crm-store-private.h"
#include "crm-text.h"

static gboolean
check_customer_exists (CrmStore  *self,
                       gint64     customer_id,
                       GError   **error)
{
  CrmStmt *stmt = crm_store_prepare (self, "SELECT 1 FROM customers WHERE id = ?1", error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;

  crm_stmt_bind_int64 (stmt, 1, customer_id);
  found = crm_stmt_step (stmt) == CRM_STMT_ROW;
  crm_stmt_reset (stmt);

  if (!found)
    g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_SQL,
                 "no customer with id %" G_GINT64_FORMAT, customer_id);

  return found;
}

/* The largest amount a purchase may have, as crm_money_parse() reads. */
#define MAX_AMOUNT ((gint64) 100000000000)

static gboolean
check_amount (gint64    amount,
              GError  **error)
{
  if (amount == 0)
    {
      g_set_error_literal (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID,
                           _("Enter the amount of the purchase."));
      return FALSE;
    }

  if (amount > MAX_AMOUNT || amount < -MAX_AMOUNT)
    {
      g_set_error_literal (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID,
                           _("That amount is too large."));
      return FALSE;
    }

  return TRUE;
}

/**
 * crm_store_add_purchase:
 * @amount: in hundredths of the shop's currency; negative for a refund
 *
 * crm_store_record_purchase() with no points spent.
 *
 * Returns: the purchase's id, or 0 with @error set
 */
gint64
crm_store_add_purchase (CrmStore    *self,
                        gint64       customer_id,
                        gint64       at,
                        gint64       amount,
                        const char  *description,
                        GError     **error)
{
  CrmPurchaseFields fields = { customer_id, at, amount, 0, description };

  return crm_store_record_purchase (self, &fields, error);
}

/**
 * crm_store_record_purchase:
 *
 * Records a purchase, the points spent on it as a discount and the points
 * it earns (crm_store_write_purchase()), and brings the customer's figures
 * and everyone's segment up to date, all in one write transaction:
 * spending more than the balance refuses the whole purchase.
 *
 * Returns: the purchase's id, or 0 with @error set
 */
gint64
crm_store_record_purchase (CrmStore                 *self,
                           const CrmPurchaseFields  *fields,
                           GError                  **error)
{
  CrmLoyaltySettings settings;
  gint64 id;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);
  g_return_val_if_fail (fields != NULL, 0);

  if (!check_amount (fields->amount, error) ||
      !check_customer_exists (self, fields->customer_id, error))
    return 0;

  crm_loyalty_settings_load (self, &settings);
  if (!crm_store_savepoint (self, error))
    return 0;

  id = crm_store_write_purchase (self, fields, &settings, error);
  ok = id != 0 &&
       crm_store_refresh_stats (self, fields->customer_id, error) &&
       crm_store_rank_customers (self, error);

  if (!crm_store_release (self, ok, error))
    return 0;

  crm_store_emit_changed (self, CRM_STORE_CHANGE_PURCHASES | CRM_STORE_CHANGE_SEGMENTS |
                          (settings.enabled ? CRM_STORE_CHANGE_LOYALTY : 0),
                          fields->customer_id);
  return id;
}

/**
 * crm_store_update_purchase:
 * @fields: the purchase as it should be; its customer_id is ignored
 *
 * Corrects a purchase: its time, bill, points spent and description. The
 * ledger follows with corrections dated now: the points spent change by
 * the difference, and a purchase that earns is counted again under
 * today's rules (docs/loyalty.md).
 */
gboolean
crm_store_update_purchase (CrmStore                 *self,
                           gint64                    id,
                           const CrmPurchaseFields  *fields,
                           GError                  **error)
{
  g_autofree char *text = NULL;
  g_autoptr(CrmPurchase) purchase = NULL;
  CrmLoyaltySettings settings;
  CrmStmt *stmt;
  gint64 discount = 0;
  gint64 spent = 0;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  if (!check_amount (fields->amount, error))
    return FALSE;

  purchase = crm_store_get_purchase (self, id);
  if (purchase == NULL)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_SQL,
                   "no purchase with id %" G_GINT64_FORMAT, id);
      return FALSE;
    }

  crm_loyalty_settings_load (self, &settings);
  crm_store_get_purchase_points (self, id, &spent);
  if (!crm_store_loyalty_price (self, &settings, fields->amount, fields->points, spent, &discount, error) ||
      !crm_store_savepoint (self, error))
    return FALSE;

  text = crm_text_clean (fields->description, CRM_STORE_MAX_FIELD);
  stmt = crm_store_prepare (self,
                            "UPDATE purchases SET at = ?2, amount = ?3, discount = ?4, description = ?5 "
                            "WHERE id = ?1",
                            error);
  ok = stmt != NULL;
  if (ok)
    {
      crm_stmt_bind_int64 (stmt, 1, id);
      crm_stmt_bind_int64 (stmt, 2, fields->at);
      crm_stmt_bind_int64 (stmt, 3, fields->amount - discount);
      crm_stmt_bind_int64 (stmt, 4, discount);
      crm_stmt_bind_text (stmt, 5, text);
      ok = crm_store_step_done (self, stmt, "write", error);
    }

  ok = ok &&
       crm_store_loyalty_settle (self, &settings, id, fields->points, FALSE, crm_store_now (self), error) &&
       crm_store_refresh_stats (self, purchase->customer_id, error) &&
       crm_store_rank_customers (self, error);

  if (!crm_store_release (self, ok, error))
    return FALSE;

  crm_store_emit_changed (self, CRM_STORE_CHANGE_PURCHASES | CRM_STORE_CHANGE_SEGMENTS | CRM_STORE_CHANGE_LOYALTY,
                          purchase->customer_id);
  return TRUE;
}

/**
 * crm_store_get_purchase:
 *
 * Returns: (transfer full) (nullable): the purchase, or %NULL when there is none
 */
CrmPurchase *
crm_store_get_purchase (CrmStore *self,
                        gint64    id)
{
  CrmPurchase *purchase = NULL;
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  stmt = crm_store_prepare (self,
                            "SELECT customer_id, at, amount, discount, description FROM purchases WHERE id = ?1",
                            NULL);
  if (stmt == NULL)
    return NULL;

  crm_stmt_bind_int64 (stmt, 1, id);
  if (crm_stmt_step (stmt) == CRM_STMT_ROW)
    {
      purchase = g_new0 (CrmPurchase, 1);
      purchase->id = id;
      purchase->customer_id = crm_stmt_column_int64 (stmt, 0);
      purchase->at = crm_stmt_column_int64 (stmt, 1);
      purchase->amount = crm_stmt_column_int64 (stmt, 2);
      purchase->discount = crm_stmt_column_int64 (stmt, 3);
      purchase->description = crm_stmt_dup_text (stmt, 4);
    }
  crm_stmt_reset (stmt);

  return purchase;
}

void
crm_purchase_free (CrmPurchase *purchase)
{
  if (purchase == NULL)
    return;

  g_free (purchase->description);
  g_free (purchase);
}

static gboolean
check_interaction_kind (const char  *kind,
                        GError     **error)
{
  static const char *const kinds[] = { "call", "visit", "message", "email", "other", NULL };

  if (kind != NULL && g_strv_contains (kinds, kind))
    return TRUE;

  g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_SQL,
               "unknown interaction kind “%s”", kind ? kind : "(null)");
  return FALSE;
}

/* An interaction written by @sql: ?1 is @key (the customer for an
 * INSERT, the interaction for an UPDATE), ?2 the time, ?3 the kind, ?4 the
 * note and, for a new one, ?5 who logged it. */
static gboolean
write_interaction (CrmStore    *self,
                   const char  *sql,
                   gint64       key,
                   gint64       customer_id,
                   gint64       at,
                   const char  *kind,
                   const char  *note,
                   gint64      *id,
                   GError     **error)
{
  g_autofree char *text = crm_text_clean (note, CRM_STORE_MAX_NOTES);
  CrmStmt *stmt;
  gboolean ok;

  if (!check_interaction_kind (kind, error) || !crm_store_savepoint (self, error))
    return FALSE;

  stmt = crm_store_prepare (self, sql, error);
  ok = stmt != NULL;
  if (ok)
    {
      crm_stmt_bind_int64 (stmt, 1, key);
      crm_stmt_bind_int64 (stmt, 2, at);
      crm_stmt_bind_text (stmt, 3, kind);
      crm_stmt_bind_text (stmt, 4, text);
      if (id != NULL)
        crm_store_bind_acting_staff (self, stmt, 5);
      ok = crm_store_step_done (self, stmt, "write", error);
      if (id != NULL)
        *id = crm_store_last_insert_id (self);
    }

  ok = ok && crm_store_refresh_stats (self, customer_id, error);

  if (!crm_store_release (self, ok, error))
    return FALSE;

  crm_store_emit_changed (self, CRM_STORE_CHANGE_INTERACTIONS, customer_id);
  return TRUE;
}

/* Whose @table row @id is, or 0. */
static gint64
customer_of (CrmStore    *self,
             const char  *select,
             gint64       id,
             GError     **error)
{
  CrmStmt *stmt = crm_store_prepare (self, select, error);
  gint64 customer_id = 0;

  if (stmt == NULL)
    return 0;
  crm_stmt_bind_int64 (stmt, 1, id);
  if (crm_stmt_step (stmt) == CRM_STMT_ROW)
    customer_id = crm_stmt_column_int64 (stmt, 0);
  crm_stmt_reset (stmt);
  return customer_id;
}

/**
 * crm_store_add_interaction:
 * @kind: "call", "visit", "message", "email" or "other"
 *
 * Returns: the interaction's id, or 0 with @error set
 */
gint64
crm_store_add_interaction (CrmStore    *self,
                           gint64       customer_id,
                           gint64       at,
                           const char  *kind,
                           const char  *note,
                           GError     **error)
{
  gint64 id = 0;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  if (!check_customer_exists (self, customer_id, error) ||
      !write_interaction (self,
                          "INSERT INTO interactions (customer_id, at, kind, note, staff_id) "
                          "VALUES (?1, ?2, ?3, ?4, ?5)",
                          customer_id, customer_id, at, kind, note, &id, error))
    return 0;

  return id;
}

/**
 * crm_store_update_interaction:
 *
 * Corrects a logged contact: its time, kind and note. Who logged it stays.
 */
gboolean
crm_store_update_interaction (CrmStore    *self,
                              gint64       id,
                              gint64       at,
                              const char  *kind,
                              const char  *note,
                              GError     **error)
{
  gint64 customer_id;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  customer_id = customer_of (self, "SELECT customer_id FROM interactions WHERE id = ?1", id, error);
  if (customer_id == 0)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_SQL,
                     "no interaction with id %" G_GINT64_FORMAT, id);
      return FALSE;
    }

  return write_interaction (self, "UPDATE interactions SET at = ?2, kind = ?3, note = ?4 WHERE id = ?1",
                            id, customer_id, at, kind, note, NULL, error);
}

gboolean
crm_store_delete_timeline_entry (CrmStore         *self,
                                 CrmTimelineKind   kind,
                                 gint64            id,
                                 GError          **error)
{
  const char *table = kind == CRM_TIMELINE_PURCHASE ? "purchases" : "interactions";
  g_autofree char *select = g_strdup_printf ("SELECT customer_id FROM %s WHERE id = ?1", table);
  g_autofree char *delete = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", table);
  g_autoptr(GError) local_error = NULL;
  gint64 customer_id;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  customer_id = customer_of (self, select, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (customer_id == 0 || !crm_store_savepoint (self, error))
    return customer_id == 0;

  /* A purchase's points go with it: what it earned is taken back and
   * what was spent on it given back, before the link is gone. */
  ok = (kind != CRM_TIMELINE_PURCHASE || crm_store_loyalty_reverse (self, id, error)) &&
       crm_store_write_id (self, delete, id, 0, TRUE, error) &&
       crm_store_refresh_stats (self, customer_id, error) &&
       crm_store_rank_customers (self, error);

  if (!crm_store_release (self, ok, error))
    return FALSE;

  crm_store_emit_changed (self,
                          kind == CRM_TIMELINE_PURCHASE
                            ? CRM_STORE_CHANGE_PURCHASES | CRM_STORE_CHANGE_SEGMENTS | CRM_STORE_CHANGE_LOYALTY
                            : CRM_STORE_CHANGE_INTERACTIONS,
                          customer_id);
  return TRUE;
}

void
crm_timeline_entry_free (CrmTimelineEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->what);
  g_free (entry->text);
  g_free (entry->staff);
  g_free (entry);
}

/**
 * crm_store_list_timeline:
 * @limit: the most entries, newest first
 *
 * Returns: (transfer full) (element-type CrmTimelineEntry): purchases and
 *   interactions of the customer, newest first
 */
GPtrArray *
crm_store_list_timeline (CrmStore *self,
                         gint64    customer_id,
                         guint     limit)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_timeline_entry_free);
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), entries);

  stmt = crm_store_prepare (self,
                            "SELECT 0, p.id, p.at, p.amount, NULL, p.description, s.name FROM purchases p "
                            "  LEFT JOIN staff s ON s.id = p.staff_id WHERE p.customer_id = ?1 "
                            "UNION ALL "
                            "SELECT 1, i.id, i.at, 0, i.kind, i.note, s.name FROM interactions i "
                            "  LEFT JOIN staff s ON s.id = i.staff_id WHERE i.customer_id = ?1 "
                            "ORDER BY 3 DESC, 2 DESC LIMIT ?2",
                            NULL);
  if (stmt == NULL)
    return entries;

  crm_stmt_bind_int64 (stmt, 1, customer_id);
  crm_stmt_bind_int (stmt, 2, (int) MIN (limit, G_MAXINT));
  while (crm_stmt_step (stmt) == CRM_STMT_ROW)
    {
      CrmTimelineEntry *entry = g_new0 (CrmTimelineEntry, 1);

      entry->kind = crm_stmt_column_int (stmt, 0) == 0 ? CRM_TIMELINE_PURCHASE : CRM_TIMELINE_INTERACTION;
      entry->id = crm_stmt_column_int64 (stmt, 1);
      entry->at = crm_stmt_column_int64 (stmt, 2);
      entry->amount = crm_stmt_column_int64 (stmt, 3);
      entry->what = g_strdup (crm_stmt_column_text (stmt, 4));
      entry->text = g_strdup (crm_stmt_column_text (stmt, 5));
      entry->staff = g_strdup (crm_stmt_column_text (stmt, 6));
      g_ptr_array_add (entries, entry);
    }
  crm_stmt_reset (stmt);

  return entries;
}

