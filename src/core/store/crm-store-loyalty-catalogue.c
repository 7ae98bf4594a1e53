/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the loyalty programme offers and how it ranks: the rewards points
 * can buy, and the tiers by spend in the last 12 months. Rewards are
 * retired rather than deleted, so that the ledger still names what was
 * redeemed. Part of CrmStore. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-loyalty.h"
#include "crm-store-loyalty.h"
#include "crm-store-private.h"
#include "crm-text.h"

/* The highest rate a tier may have: ten times the programme's. */
#define MAX_TIER_RATE 1000

static char *
clean_name (const char  *name,
            const char  *empty_message,
            GError     **error)
{
  g_autofree char *text = crm_text_clean (name, CRM_STORE_MAX_NAME);

  if (text == NULL || text[0] == '\0')
    {
      g_set_error_literal (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_INVALID, empty_message);
      return NULL;
    }

  return g_steal_pointer (&text);
}

static char *
clean_reward (const char  *name,
              gint64       points_cost,
              GError     **error)
{
  if (points_cost <= 0)
    {
      g_set_error_literal (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_INVALID,
                           _("A reward costs at least one point."));
      return NULL;
    }

  if (!crm_loyalty_check_points (points_cost, FALSE, error))
    return NULL;

  return clean_name (name, _("Give the reward a name."), error);
}

/* A write of the catalogue: announced as a change of the programme. */
static gboolean
step_catalogue (CrmStore  *self,
                CrmStmt   *stmt,
                GError   **error)
{
  if (!crm_store_step_done (self, stmt, "loyalty catalogue", error))
    return FALSE;

  crm_store_emit_changed (self, CRM_STORE_CHANGE_LOYALTY, 0);
  return TRUE;
}

/**
 * crm_store_add_reward:
 * @points_cost: what it costs, at least one point
 *
 * Returns: the reward's id, or 0 with @error set
 */
gint64
crm_store_add_reward (CrmStore    *self,
                      const char  *name,
                      gint64       points_cost,
                      GError     **error)
{
  g_autofree char *text = NULL;
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  text = clean_reward (name, points_cost, error);
  if (text == NULL)
    return 0;

  stmt = crm_store_prepare (self, "INSERT INTO rewards (name, points_cost, active) VALUES (?1, ?2, 1)", error);
  if (stmt == NULL)
    return 0;

  crm_stmt_bind_text (stmt, 1, text);
  crm_stmt_bind_int64 (stmt, 2, points_cost);
  if (!step_catalogue (self, stmt, error))
    return 0;

  return crm_store_last_insert_id (self);
}

/**
 * crm_store_update_reward:
 * @active: %FALSE retires it: it is no longer offered, the ledger keeps it
 */
gboolean
crm_store_update_reward (CrmStore    *self,
                         gint64       id,
                         const char  *name,
                         gint64       points_cost,
                         gboolean     active,
                         GError     **error)
{
  g_autofree char *text = NULL;
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  text = clean_reward (name, points_cost, error);
  if (text == NULL)
    return FALSE;

  stmt = crm_store_prepare (self, "UPDATE rewards SET name = ?2, points_cost = ?3, active = ?4 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;

  crm_stmt_bind_int64 (stmt, 1, id);
  crm_stmt_bind_text (stmt, 2, text);
  crm_stmt_bind_int64 (stmt, 3, points_cost);
  crm_stmt_bind_int (stmt, 4, active ? 1 : 0);
  return step_catalogue (self, stmt, error);
}

static CrmReward *
reward_from_row (CrmStmt *stmt)
{
  CrmReward *reward = g_new0 (CrmReward, 1);

  reward->id = crm_stmt_column_int64 (stmt, 0);
  reward->name = crm_stmt_dup_text (stmt, 1);
  reward->points_cost = crm_stmt_column_int64 (stmt, 2);
  reward->active = crm_stmt_column_int (stmt, 3) != 0;
  return reward;
}

/**
 * crm_store_list_rewards:
 *
 * Returns: (transfer full) (element-type CrmReward): the offered rewards
 *   by cost, cheapest first, then the retired ones if asked for
 */
GPtrArray *
crm_store_list_rewards (CrmStore *self,
                        gboolean  include_inactive)
{
  GPtrArray *rewards = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_reward_free);
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), rewards);

  stmt = crm_store_prepare (self,
                            "SELECT id, name, points_cost, active FROM rewards WHERE active = 1 OR ?1 "
                            "ORDER BY active DESC, points_cost, id",
                            NULL);
  if (stmt == NULL)
    return rewards;

  crm_stmt_bind_int (stmt, 1, include_inactive ? 1 : 0);
  while (crm_stmt_step (stmt) == CRM_STMT_ROW)
    g_ptr_array_add (rewards, reward_from_row (stmt));
  crm_stmt_reset (stmt);

  return rewards;
}

/**
 * crm_store_get_reward:
 *
 * Returns: (transfer full) (nullable): the reward, retired or not
 */
CrmReward *
crm_store_get_reward (CrmStore *self,
                      gint64    id)
{
  CrmReward *reward = NULL;
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  stmt = crm_store_prepare (self, "SELECT id, name, points_cost, active FROM rewards WHERE id = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  crm_stmt_bind_int64 (stmt, 1, id);
  if (crm_stmt_step (stmt) == CRM_STMT_ROW)
    reward = reward_from_row (stmt);
  crm_stmt_reset (stmt);

  return reward;
}

void
crm_reward_free (CrmReward *reward)
{
  if (reward == NULL)
    return;

  g_free (reward->name);
  g_free (reward);
}

/* Checks a tier and that no other tier (but @id) starts at @min_spend. */
static char *
clean_tier (CrmStore    *self,
            gint64       id,
            const char  *name,
            gint64       min_spend,
            guint        rate,
            GError     **error)
{
  CrmStmt *stmt;
  gboolean taken;

  if (min_spend < 0 || min_spend > CRM_LOYALTY_MAX_AMOUNT)
    {
      g_set_error_literal (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_INVALID,
                           _("A tier starts at a spend from zero up to a billion."));
      return NULL;
    }

  if (rate == 0 || rate > MAX_TIER_RATE)
    {
      g_set_error (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_INVALID,
                   _("A tier earns from 1 %% to %u %% of the programme’s rate."), MAX_TIER_RATE);
      return NULL;
    }

  stmt = crm_store_prepare (self, "SELECT 1 FROM loyalty_tiers WHERE min_spend = ?1 AND id <> ?2", error);
  if (stmt == NULL)
    return NULL;
  crm_stmt_bind_int64 (stmt, 1, min_spend);
  crm_stmt_bind_int64 (stmt, 2, id);
  taken = crm_stmt_step (stmt) == CRM_STMT_ROW;
  crm_stmt_reset (stmt);

  if (taken)
    {
      g_set_error_literal (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_INVALID,
                           _("Another tier already starts at this spend."));
      return NULL;
    }

  return clean_name (name, _("Give the tier a name."), error);
}

static gboolean
write_tier (CrmStore    *self,
            const char  *sql,
            gint64       id,
            const char  *name,
            gint64       min_spend,
            guint        rate,
            GError     **error)
{
  g_autofree char *text = clean_tier (self, id, name, min_spend, rate, error);
  CrmStmt *stmt;

  if (text == NULL)
    return FALSE;

  stmt = crm_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  /* ?4, the id, only when there is one: an update. */
  crm_stmt_bind_text (stmt, 1, text);
  crm_stmt_bind_int64 (stmt, 2, min_spend);
  crm_stmt_bind_int (stmt, 3, (int) rate);
  if (crm_stmt_parameter_count (stmt) >= 4)
    crm_stmt_bind_int64 (stmt, 4, id);
  return step_catalogue (self, stmt, error);
}

/**
 * crm_store_add_tier:
 * @min_spend: the spend in the last 12 months it starts at, minor units
 * @rate: percent of the programme's earning rate (100: the same)
 *
 * Returns: the tier's id, or 0 with @error set
 */
gint64
crm_store_add_tier (CrmStore    *self,
                    const char  *name,
                    gint64       min_spend,
                    guint        rate,
                    GError     **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  if (!write_tier (self, "INSERT INTO loyalty_tiers (name, min_spend, rate) VALUES (?1, ?2, ?3)",
                   0, name, min_spend, rate, error))
    return 0;

  return crm_store_last_insert_id (self);
}

gboolean
crm_store_update_tier (CrmStore    *self,
                       gint64       id,
                       const char  *name,
                       gint64       min_spend,
                       guint        rate,
                       GError     **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  return write_tier (self, "UPDATE loyalty_tiers SET name = ?1, min_spend = ?2, rate = ?3 WHERE id = ?4",
                     id, name, min_spend, rate, error);
}

/* Earnings already in the ledger stay as they were earned. */
gboolean
crm_store_delete_tier (CrmStore  *self,
                       gint64     id,
                       GError   **error)
{
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  stmt = crm_store_prepare (self, "DELETE FROM loyalty_tiers WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  crm_stmt_bind_int64 (stmt, 1, id);
  return step_catalogue (self, stmt, error);
}

/**
 * crm_store_list_tiers:
 *
 * Returns: (transfer full) (element-type CrmLoyaltyTier): the tiers, the
 *   lowest threshold first
 */
GPtrArray *
crm_store_list_tiers (CrmStore *self)
{
  GPtrArray *tiers = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_loyalty_tier_free);
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), tiers);

  stmt = crm_store_prepare (self, "SELECT id, name, min_spend, rate FROM loyalty_tiers ORDER BY min_spend",
                            NULL);
  if (stmt == NULL)
    return tiers;

  while (crm_stmt_step (stmt) == CRM_STMT_ROW)
    {
      CrmLoyaltyTier *tier = g_new0 (CrmLoyaltyTier, 1);

      tier->id = crm_stmt_column_int64 (stmt, 0);
      tier->name = crm_stmt_dup_text (stmt, 1);
      tier->min_spend = crm_stmt_column_int64 (stmt, 2);
      tier->rate = (guint) crm_stmt_column_int (stmt, 3);
      g_ptr_array_add (tiers, tier);
    }
  crm_stmt_reset (stmt);

  return tiers;
}

/**
 * crm_store_get_tier_spend:
 * @from: the first second counted
 * @to: the last second counted
 *
 * Returns: what the customer paid in [@from, @to], refunds taken off
 */
gint64
crm_store_get_tier_spend (CrmStore *self,
                          gint64    customer_id,
                          gint64    from,
                          gint64    to)
{
  CrmStmt *stmt;
  gint64 spend = 0;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  stmt = crm_store_prepare (self,
                            "SELECT coalesce (sum (amount), 0) FROM purchases "
                            "WHERE customer_id = ?1 AND at >= ?2 AND at <= ?3",
                            NULL);
  if (stmt == NULL)
    return 0;

  crm_stmt_bind_int64 (stmt, 1, customer_id);
  crm_stmt_bind_int64 (stmt, 2, from);
  crm_stmt_bind_int64 (stmt, 3, to);
  if (crm_stmt_step (stmt) == CRM_STMT_ROW)
    spend = crm_stmt_column_int64 (stmt, 0);
  crm_stmt_reset (stmt);

  return spend;
}
