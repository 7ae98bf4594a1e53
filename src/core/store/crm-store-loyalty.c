/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The loyalty ledger: balances, what a purchase earned and had spent on
 * it, manual adjustments, rewards redeemed, and the ledger read back.
 * Every write reads the balance inside its own write level (BEGIN
 * IMMEDIATE when it is the outermost), so nothing another connection
 * does can come between the check and the entry. The catalogue and the
 * tiers are in crm-store-loyalty-catalogue.c, expiry and the figures in
 * crm-store-loyalty-figures.c. Part of CrmStore. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-loyalty.h"
#include "crm-store-loyalty-private.h"
#include "crm-store-private.h"
#include "crm-text.h"

static const char *const kind_names[] = {
  [CRM_LEDGER_EARN] = "earn",
  [CRM_LEDGER_SPEND] = "spend",
  [CRM_LEDGER_REWARD] = "reward",
  [CRM_LEDGER_ADJUST] = "adjust",
  [CRM_LEDGER_EXPIRY] = "expiry",
};

const char *
crm_ledger_kind_to_string (CrmLedgerKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), "adjust");

  return kind_names[kind];
}

gboolean
crm_ledger_kind_from_string (const char    *text,
                             CrmLedgerKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = (CrmLedgerKind) i;
        return TRUE;
      }

  return FALSE;
}

static gboolean
read_int64 (CrmStore    *self,
            CrmStmt     *stmt,
            gint64      *value,
            GError     **error)
{
  CrmStmtResult rc = crm_stmt_step (stmt);

  *value = rc == CRM_STMT_ROW ? crm_stmt_column_int64 (stmt, 0) : 0;
  crm_stmt_reset (stmt);
  if (rc == CRM_STMT_ERROR)
    {
      crm_store_set_sql_error (error, self, "loyalty");
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_balance (CrmStore  *self,
              gint64     customer_id,
              gint64    *balance,
              GError   **error)
{
  CrmStmt *stmt = crm_store_prepare (self,
                                     "SELECT coalesce (sum (points), 0) FROM loyalty_ledger WHERE customer_id = ?1",
                                     error);

  if (stmt == NULL)
    return FALSE;

  crm_stmt_bind_int64 (stmt, 1, customer_id);
  return read_int64 (self, stmt, balance, error);
}

/**
 * crm_store_get_points_balance:
 *
 * Returns: the customer's points: the sum of their ledger entries
 */
gint64
crm_store_get_points_balance (CrmStore *self,
                              gint64    customer_id)
{
  gint64 balance = 0;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  read_balance (self, customer_id, &balance, NULL);
  return balance;
}

static void
bind_id_or_null (CrmStmt *stmt,
                 int      index,
                 gint64   id)
{
  if (id > 0)
    crm_stmt_bind_int64 (stmt, index, id);
  else
    crm_stmt_bind_null (stmt, index);
}

static void
set_not_enough (GError **error,
                gint64   balance)
{
  g_autofree char *number = crm_loyalty_format_points (balance);

  g_set_error (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_NOT_ENOUGH,
               ngettext ("The balance is %s point: not enough for that.",
                         "The balance is %s points: not enough for that.",
                         crm_loyalty_plural (balance)),
               number);
}

/* One entry, by whoever is at the counter; expiry is nobody's doing. */
gboolean
crm_store_loyalty_insert (CrmStore       *self,
                          gint64          customer_id,
                          gint64          at,
                          gint64          points,
                          CrmLedgerKind   kind,
                          const char     *reason,
                          gint64          purchase_id,
                          gint64          reward_id,
                          GError        **error)
{
  CrmStmt *stmt = crm_store_prepare (self,
                                     "INSERT INTO loyalty_ledger (customer_id, at, points, kind, reason, "
                                     "  purchase_id, reward_id, staff_id) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                     error);

  if (stmt == NULL)
    return FALSE;

  crm_stmt_bind_int64 (stmt, 1, customer_id);
  crm_stmt_bind_int64 (stmt, 2, at);
  crm_stmt_bind_int64 (stmt, 3, points);
  crm_stmt_bind_text (stmt, 4, crm_ledger_kind_to_string (kind));
  crm_stmt_bind_text (stmt, 5, reason ? reason : "");
  bind_id_or_null (stmt, 6, purchase_id);
  bind_id_or_null (stmt, 7, reward_id);
  if (kind == CRM_LEDGER_EXPIRY)
    crm_stmt_bind_null (stmt, 8);
  else
    crm_store_bind_acting_staff (self, stmt, 8);

  return crm_store_step_done (self, stmt, "loyalty entry", error);
}

/**
 * crm_store_get_purchase_points:
 * @spent: (out) (optional): the points spent on it as a discount
 *
 * Returns: the points the purchase earned, corrections included
 */
gint64
crm_store_get_purchase_points (CrmStore *self,
                               gint64    purchase_id,
                               gint64   *spent)
{
  CrmStmt *stmt;
  gint64 earned = 0;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  if (spent != NULL)
    *spent = 0;

  stmt = crm_store_prepare (self,
                            "SELECT coalesce (sum (CASE WHEN kind = 'earn' THEN points END), 0), "
                            "  coalesce (-sum (CASE WHEN kind = 'spend' THEN points END), 0) "
                            "FROM loyalty_ledger WHERE purchase_id = ?1",
                            NULL);
  if (stmt == NULL)
    return 0;

  crm_stmt_bind_int64 (stmt, 1, purchase_id);
  if (crm_stmt_step (stmt) == CRM_STMT_ROW)
    {
      earned = crm_stmt_column_int64 (stmt, 0);
      if (spent != NULL)
        *spent = crm_stmt_column_int64 (stmt, 1);
    }
  crm_stmt_reset (stmt);

  return earned;
}

gboolean
crm_store_loyalty_price (CrmStore                  *self,
                         const CrmLoyaltySettings  *settings,
                         gint64                     amount,
                         gint64                     points,
                         gint64                     spent,
                         gint64                    *discount,
                         GError                   **error)
{
  *discount = 0;

  if (points == 0)
    return TRUE;

  if (!crm_loyalty_check_points (points, FALSE, error))
    return FALSE;

  /* Turning the programme off keeps what was already spent as it was. */
  if (points != spent && (!settings->enabled || !settings->discount))
    {
      g_set_error_literal (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_OFF,
                           settings->enabled
                           ? _("This shop does not take points as a discount.")
                           : _("The loyalty programme is off."));
      return FALSE;
    }

  return crm_loyalty_discount_for (settings, amount, points, discount, error);
}

typedef struct
{
  gint64   customer_id;
  gint64   at;
  gint64   paid;
  gboolean earns;
} PurchaseRow;

static gboolean
read_purchase (CrmStore     *self,
               gint64        purchase_id,
               PurchaseRow  *row,
               GError      **error)
{
  CrmStmt *stmt = crm_store_prepare (self,
                                     "SELECT customer_id, at, amount, earns FROM purchases WHERE id = ?1",
                                     error);
  CrmStmtResult rc;

  if (stmt == NULL)
    return FALSE;

  crm_stmt_bind_int64 (stmt, 1, purchase_id);
  rc = crm_stmt_step (stmt);
  if (rc == CRM_STMT_ROW)
    {
      row->customer_id = crm_stmt_column_int64 (stmt, 0);
      row->at = crm_stmt_column_int64 (stmt, 1);
      row->paid = crm_stmt_column_int64 (stmt, 2);
      row->earns = crm_stmt_column_int (stmt, 3) != 0;
    }
  crm_stmt_reset (stmt);

  if (rc != CRM_STMT_ROW)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_SQL,
                   "no purchase with id %" G_GINT64_FORMAT, purchase_id);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_key_client (CrmStore *self,
               gint64    customer_id)
{
  CrmStmt *stmt = crm_store_prepare (self,
                                     "SELECT CASE c.segment_override WHEN 'key' THEN 1 WHEN 'secondary' THEN 0 "
                                     "  ELSE coalesce (s.rule_key, 0) END "
                                     "FROM customers c LEFT JOIN customer_stats s ON s.customer_id = c.id "
                                     "WHERE c.id = ?1",
                                     NULL);
  gint64 key = 0;

  if (stmt == NULL)
    return FALSE;

  crm_stmt_bind_int64 (stmt, 1, customer_id);
  read_int64 (self, stmt, &key, NULL);
  return key != 0;
}

/* The tier a purchase earns in: by the spend in the 12 months before it,
 * itself not counted (purchases at the same second count when entered
 * before it). */
static guint
tier_rate_at (CrmStore                 *self,
              const CrmLoyaltySettings *settings,
              gint64                    purchase_id,
              const PurchaseRow        *row)
{
  g_autoptr(GPtrArray) tiers = NULL;
  const CrmLoyaltyTier *tier;
  CrmStmt *stmt;
  gint64 spend = 0;

  if (!settings->tiers)
    return 100;

  tiers = crm_store_list_tiers (self);
  if (tiers->len == 0)
    return 100;

  stmt = crm_store_prepare (self,
                            "SELECT coalesce (sum (amount), 0) FROM purchases "
                            "WHERE customer_id = ?1 AND at >= ?2 AND at <= ?3 AND id <> ?4 "
                            "  AND (at < ?3 OR id < ?4)",
                            NULL);
  if (stmt != NULL)
    {
      crm_stmt_bind_int64 (stmt, 1, row->customer_id);
      crm_stmt_bind_int64 (stmt, 2, crm_loyalty_months_before (row->at, 12));
      crm_stmt_bind_int64 (stmt, 3, row->at);
      crm_stmt_bind_int64 (stmt, 4, purchase_id);
      read_int64 (self, stmt, &spend, NULL);
    }

  tier = crm_loyalty_tier_for (tiers, spend);
  return tier != NULL ? tier->rate : 100;
}

gboolean
crm_store_loyalty_settle (CrmStore                  *self,
                          const CrmLoyaltySettings  *settings,
                          gint64                     purchase_id,
                          gint64                     points,
                          gboolean                   removed,
                          gint64                     at,
                          GError                   **error)
{
  PurchaseRow row = { 0 };
  gint64 balance, spent, earned, change;
  gint64 target = 0;

  if (!read_purchase (self, purchase_id, &row, error) ||
      !read_balance (self, row.customer_id, &balance, error))
    return FALSE;

  earned = crm_store_get_purchase_points (self, purchase_id, &spent);

  /* Spending first: what it gives back may pay for a correction. */
  change = (removed ? 0 : points) - spent;
  if (change > balance)
    {
      set_not_enough (error, balance);
      return FALSE;
    }
  if (change != 0 &&
      !crm_store_loyalty_insert (self, row.customer_id, at, -change, CRM_LEDGER_SPEND, NULL, purchase_id, 0, error))
    return FALSE;
  balance -= change;

  if (!removed && row.earns &&
      !crm_loyalty_points_for (settings, row.paid, tier_rate_at (self, settings, purchase_id, &row),
                               is_key_client (self, row.customer_id), &target, error))
    return FALSE;

  /* Points already spent cannot be taken back: the balance stops at 0. */
  change = MAX (target - earned, -balance);
  return change == 0 ||
         crm_store_loyalty_insert (self, row.customer_id, at, change, CRM_LEDGER_EARN, NULL, purchase_id, 0, error);
}

gboolean
crm_store_loyalty_reverse (CrmStore  *self,
                           gint64     purchase_id,
                           GError   **error)
{
  CrmLoyaltySettings settings;

  crm_loyalty_settings_load (self, &settings);
  return crm_store_loyalty_settle (self, &settings, purchase_id, 0, TRUE, crm_store_now (self), error);
}

static gboolean
check_customer (CrmStore  *self,
                gint64     customer_id,
                GError   **error)
{
  CrmStmt *stmt = crm_store_prepare (self, "SELECT count (*) FROM customers WHERE id = ?1", error);
  gint64 found = 0;

  if (stmt == NULL)
    return FALSE;

  crm_stmt_bind_int64 (stmt, 1, customer_id);
  if (!read_int64 (self, stmt, &found, error))
    return FALSE;

  if (found == 0)
    g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_SQL,
                 "no customer with id %" G_GINT64_FORMAT, customer_id);
  return found != 0;
}

/* Takes @points out of the balance (or adds them), inside a write level
 * opened by the caller, refusing to go below zero. */
static gint64
write_checked (CrmStore       *self,
               gint64          customer_id,
               gint64          at,
               gint64          points,
               CrmLedgerKind   kind,
               const char     *reason,
               gint64          reward_id,
               GError        **error)
{
  gint64 balance = 0;

  if (!read_balance (self, customer_id, &balance, error))
    return 0;

  if (balance + points < 0)
    {
      set_not_enough (error, balance);
      return 0;
    }

  if (!crm_store_loyalty_insert (self, customer_id, at, points, kind, reason, 0, reward_id, error))
    return 0;

  return crm_store_last_insert_id (self);
}

static gint64
finish_write (CrmStore  *self,
              gint64     customer_id,
              gint64     id,
              GError   **error)
{
  if (!crm_store_release (self, id != 0, error))
    return 0;

  crm_store_emit_changed (self, CRM_STORE_CHANGE_LOYALTY, customer_id);
  return id;
}

/**
 * crm_store_adjust_points:
 * @points: added when positive, taken away when negative
 * @reason: why, in the words of whoever is at the counter; required
 *
 * A correction by hand, recorded with the acting staff member.
 *
 * Returns: the entry's id, or 0 with @error set (%CRM_LOYALTY_ERROR_NOT_ENOUGH
 *   when it would take the balance below zero)
 */
gint64
crm_store_adjust_points (CrmStore    *self,
                         gint64       customer_id,
                         gint64       points,
                         const char  *reason,
                         GError     **error)
{
  g_autofree char *text = crm_text_clean (reason, CRM_STORE_MAX_FIELD);
  gint64 id;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  if (!crm_loyalty_check_points (points, TRUE, error))
    return 0;

  if (text == NULL || text[0] == '\0')
    {
      g_set_error_literal (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_INVALID,
                           _("Write the reason for this adjustment."));
      return 0;
    }

  if (!check_customer (self, customer_id, error) || !crm_store_savepoint (self, error))
    return 0;

  id = write_checked (self, customer_id, crm_store_now (self), points, CRM_LEDGER_ADJUST, text, 0, error);
  return finish_write (self, customer_id, id, error);
}

/**
 * crm_store_redeem_reward:
 * @at: when, or 0 for now
 *
 * Spends the reward's cost from the balance, if it covers it, in one
 * write transaction. The entry keeps the reward's name as it is today.
 *
 * Returns: the entry's id, or 0 with @error set
 */
gint64
crm_store_redeem_reward (CrmStore  *self,
                         gint64     customer_id,
                         gint64     reward_id,
                         gint64     at,
                         GError   **error)
{
  g_autoptr(CrmReward) reward = NULL;
  CrmLoyaltySettings settings;
  gint64 id;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  crm_loyalty_settings_load (self, &settings);
  if (!settings.enabled)
    {
      g_set_error_literal (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_OFF,
                           _("The loyalty programme is off."));
      return 0;
    }

  if (!check_customer (self, customer_id, error) || !crm_store_savepoint (self, error))
    return 0;

  /* Read under the lock too: a reward retired a moment ago is not sold. */
  reward = crm_store_get_reward (self, reward_id);
  if (reward == NULL || !reward->active)
    {
      g_set_error_literal (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_INVALID,
                           _("This reward is no longer offered."));
      id = 0;
    }
  else
    id = write_checked (self, customer_id, at > 0 ? at : crm_store_now (self), -reward->points_cost,
                        CRM_LEDGER_REWARD, reward->name, reward_id, error);

  return finish_write (self, customer_id, id, error);
}

void
crm_ledger_entry_free (CrmLedgerEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->reason);
  g_free (entry->staff);
  g_free (entry);
}

/**
 * crm_store_list_ledger:
 * @customer_id: one customer, or 0 for everyone (oldest first then)
 * @limit: the most entries
 *
 * Returns: (transfer full) (element-type CrmLedgerEntry): one customer's
 *   entries newest first, or everyone's in the order they were written
 */
GPtrArray *
crm_store_list_ledger (CrmStore *self,
                       gint64    customer_id,
                       guint     limit)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_ledger_entry_free);
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), entries);

  /* Two statements, not one with "?1 = 0 OR": that form cannot use the
   * customer's index and read the whole ledger for one customer (every
   * customer page, every purchase's settling). */
#define LEDGER_COLUMNS \
  "SELECT l.id, l.customer_id, l.at, l.points, l.kind, l.reason, " \
  "  coalesce (l.purchase_id, 0), coalesce (p.amount, 0), coalesce (l.reward_id, 0), s.name " \
  "FROM loyalty_ledger l " \
  "LEFT JOIN purchases p ON p.id = l.purchase_id " \
  "LEFT JOIN staff s ON s.id = l.staff_id "
  if (customer_id != 0)
    stmt = crm_store_prepare (self,
                              LEDGER_COLUMNS
                              "WHERE l.customer_id = ?2 "
                              "ORDER BY l.at DESC, l.id DESC LIMIT ?1",
                              NULL);
  else
    stmt = crm_store_prepare (self,
                              LEDGER_COLUMNS
                              "ORDER BY l.id LIMIT ?1",
                              NULL);
#undef LEDGER_COLUMNS
  if (stmt == NULL)
    return entries;

  crm_stmt_bind_int (stmt, 1, (int) MIN (limit, G_MAXINT));
  if (customer_id != 0)
    crm_stmt_bind_int64 (stmt, 2, customer_id);
  while (crm_stmt_step (stmt) == CRM_STMT_ROW)
    {
      CrmLedgerEntry *entry = g_new0 (CrmLedgerEntry, 1);

      entry->id = crm_stmt_column_int64 (stmt, 0);
      entry->customer_id = crm_stmt_column_int64 (stmt, 1);
      entry->at = crm_stmt_column_int64 (stmt, 2);
      entry->points = crm_stmt_column_int64 (stmt, 3);
      if (!crm_ledger_kind_from_string (crm_stmt_column_text (stmt, 4), &entry->kind))
        entry->kind = CRM_LEDGER_ADJUST;
      entry->reason = crm_stmt_dup_text (stmt, 5);
      entry->purchase_id = crm_stmt_column_int64 (stmt, 6);
      entry->purchase_amount = crm_stmt_column_int64 (stmt, 7);
      entry->reward_id = crm_stmt_column_int64 (stmt, 8);
      entry->staff = g_strdup (crm_stmt_column_text (stmt, 9));
      g_ptr_array_add (entries, entry);
    }
  crm_stmt_reset (stmt);

  return entries;
}
