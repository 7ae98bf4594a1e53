/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crm-store-loyalty.h"

G_BEGIN_DECLS

/* How the purchase path (crm-store-history.c) keeps the ledger in step,
 * inside its own write level. Store files only. */

/* The discount @points take off a bill of @amount; @spent is what the
 * purchase already had spent on it (0 for a new one), which stays
 * allowed when the programme has been turned off since. Only the rules:
 * the balance is checked by crm_store_loyalty_settle(). */
gboolean crm_store_loyalty_price   (CrmStore                 *self,
                                    const CrmLoyaltySettings *settings,
                                    gint64                    amount,
                                    gint64                    points,
                                    gint64                    spent,
                                    gint64                   *discount,
                                    GError                  **error);

/* Brings the purchase's entries to @points spent and to what it earns
 * now, dated @at: refused when the balance does not cover the spending;
 * a correction that takes points back stops at zero. */
gboolean crm_store_loyalty_settle  (CrmStore                 *self,
                                    const CrmLoyaltySettings *settings,
                                    gint64                    purchase_id,
                                    gint64                    points,
                                    gboolean                  removed,
                                    gint64                    at,
                                    GError                  **error);

/* Before a purchase is deleted: its points back to nothing. */
gboolean crm_store_loyalty_reverse (CrmStore                 *self,
                                    gint64                    purchase_id,
                                    GError                  **error);

/* One ledger entry, stamped with the acting staff member (expiry with
 * nobody); the caller checks the balance. */
gboolean crm_store_loyalty_insert  (CrmStore                 *self,
                                    gint64                    customer_id,
                                    gint64                    at,
                                    gint64                    points,
                                    CrmLedgerKind             kind,
                                    const char               *reason,
                                    gint64                    purchase_id,
                                    gint64                    reward_id,
                                    GError                  **error);

G_END_DECLS
