/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The loyalty programme's figures for Insights, from the store's ledger
 * queries: points issued, spent and expired in a period, the share of
 * revenue from programme members, and how many who spent points came
 * back. tests/test-loyalty.c works each formula out by hand. */

#define G_LOG_DOMAIN "crm-loyalty"

#include "config.h"

#include <string.h>

#include "crm-loyalty-insights.h"

/**
 * crm_loyalty_compute_figures:
 * @from: the period's first second
 * @to: the first second after it
 *
 * issued = earned + adjusted; outstanding at @to = outstanding at @from
 * + issued - spent - expired (the two balances are read apart, so the
 * identity is a check, not a definition). member_share = member_revenue
 * / revenue, where a member's purchase is one by a customer who had a
 * ledger entry before it; return_rate = returned / redeemers.
 */
gboolean
crm_loyalty_compute_figures (CrmStore           *store,
                             gint64              from,
                             gint64              to,
                             CrmLoyaltyFigures  *figures,
                             GError            **error)
{
  CrmPointsCounts counts, before;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (figures != NULL, FALSE);

  memset (figures, 0, sizeof *figures);
  figures->member_share = figures->return_rate = -1.0;

  if (!crm_store_count_points (store, from, to, &counts, error) ||
      !crm_store_count_points (store, from, from, &before, error) ||
      !crm_store_sum_member_revenue (store, from, to, &figures->member_revenue, &figures->revenue, error) ||
      !crm_store_count_reward_returns (store, from, to, &figures->redeemers, &figures->returned, error))
    return FALSE;

  figures->issued = counts.earned + counts.adjusted;
  figures->spent = counts.spent;
  figures->expired = counts.expired;
  figures->outstanding = counts.outstanding;
  figures->outstanding_before = before.outstanding;

  if (figures->revenue > 0)
    figures->member_share = (double) figures->member_revenue / (double) figures->revenue;
  if (figures->redeemers > 0)
    figures->return_rate = (double) figures->returned / (double) figures->redeemers;

  return TRUE;
}
