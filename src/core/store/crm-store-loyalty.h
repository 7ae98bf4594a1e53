/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crm-loyalty.h"
#include "crm-store.h"

G_BEGIN_DECLS

/* The loyalty ledger, the rewards catalogue and the tiers. The ledger is
 * append-only and the truth: a balance is the sum of a customer's
 * entries, never stored apart, never below zero. Every write that spends
 * points reads the balance inside its own write transaction, so two
 * counters spending the same points cannot both succeed. Purchases earn
 * and spend through crm_store_record_purchase() (crm-store-history.c). */

typedef enum
{
  CRM_LEDGER_EARN,     /* from a purchase, and corrections when it changes */
  CRM_LEDGER_SPEND,    /* as a discount on a purchase */
  CRM_LEDGER_REWARD,   /* on a catalogue reward */
  CRM_LEDGER_ADJUST,   /* by hand, with a reason */
  CRM_LEDGER_EXPIRY,   /* lapsed after months without a purchase */
} CrmLedgerKind;

typedef struct
{
  gint64         id;
  gint64         customer_id;
  gint64         at;
  gint64         points;         /* positive in, negative out */
  CrmLedgerKind  kind;
  char          *reason;         /* an adjustment's reason; a reward's name when redeemed */
  gint64         purchase_id;    /* 0: none, or the purchase was deleted */
  gint64         purchase_amount; /* what that purchase paid */
  gint64         reward_id;
  char          *staff;          /* (nullable) who entered it */
} CrmLedgerEntry;

typedef struct
{
  gint64    id;
  char     *name;
  gint64    points_cost;
  gboolean  active;
} CrmReward;

/* Points moved in [from, to), by kind, all positive except @adjusted:
 * the outstanding points grew by earned + adjusted - spent - expired. */
typedef struct
{
  gint64 earned;      /* net: purchases' points less their corrections */
  gint64 adjusted;    /* net manual adjustments, either sign */
  gint64 spent;       /* as discounts and on rewards, less what deletions gave back */
  gint64 expired;
  gint64 outstanding; /* every balance together at @to */
} CrmPointsCounts;

/* One customer whose balance lapses soon. */
typedef struct
{
  gint64  customer_id;
  char   *name;
  gint64  points;
  gint64  lapse_at;
} CrmPointsLapse;

const char *crm_ledger_kind_to_string   (CrmLedgerKind kind);
gboolean    crm_ledger_kind_from_string (const char    *text,
                                         CrmLedgerKind *kind);

gint64      crm_store_get_points_balance (CrmStore          *self,
                                          gint64             customer_id);
GPtrArray  *crm_store_list_ledger        (CrmStore          *self,
                                          gint64             customer_id,
                                          guint              limit);
gint64      crm_store_adjust_points      (CrmStore          *self,
                                          gint64             customer_id,
                                          gint64             points,
                                          const char        *reason,
                                          GError           **error);
gint64      crm_store_redeem_reward      (CrmStore          *self,
                                          gint64             customer_id,
                                          gint64             reward_id,
                                          gint64             at,
                                          GError           **error);
gint64      crm_store_get_purchase_points (CrmStore         *self,
                                          gint64             purchase_id,
                                          gint64            *spent);
void        crm_ledger_entry_free        (CrmLedgerEntry    *entry);

gint64      crm_store_add_reward         (CrmStore          *self,
                                          const char        *name,
                                          gint64             points_cost,
                                          GError           **error);
gboolean    crm_store_update_reward      (CrmStore          *self,
                                          gint64             id,
                                          const char        *name,
                                          gint64             points_cost,
                                          gboolean           active,
                                          GError           **error);
GPtrArray  *crm_store_list_rewards       (CrmStore          *self,
                                          gboolean           include_inactive);
CrmReward  *crm_store_get_reward         (CrmStore          *self,
                                          gint64             id);
void        crm_reward_free              (CrmReward         *reward);

gint64      crm_store_add_tier           (CrmStore          *self,
                                          const char        *name,
                                          gint64             min_spend,
                                          guint              rate,
                                          GError           **error);
gboolean    crm_store_update_tier        (CrmStore          *self,
                                          gint64             id,
                                          const char        *name,
                                          gint64             min_spend,
                                          guint              rate,
                                          GError           **error);
gboolean    crm_store_delete_tier        (CrmStore          *self,
                                          gint64             id,
                                          GError           **error);
GPtrArray  *crm_store_list_tiers         (CrmStore          *self);
gint64      crm_store_get_tier_spend     (CrmStore          *self,
                                          gint64             customer_id,
                                          gint64             from,
                                          gint64             to);

gboolean    crm_store_expire_points      (CrmStore          *self,
                                          guint              months,
                                          guint             *n_lapsed,
                                          GError           **error);
GPtrArray  *crm_store_list_points_lapsing (CrmStore         *self,
                                          guint              months,
                                          guint              notice_days,
                                          guint              limit);
gint64      crm_store_get_points_lapse   (CrmStore          *self,
                                          gint64             customer_id,
                                          guint              months);
void        crm_points_lapse_free        (CrmPointsLapse    *lapse);

gboolean    crm_store_count_points       (CrmStore          *self,
                                          gint64             from,
                                          gint64             to,
                                          CrmPointsCounts   *counts,
                                          GError           **error);
gboolean    crm_store_sum_member_revenue (CrmStore          *self,
                                          gint64             from,
                                          gint64             to,
                                          gint64            *members,
                                          gint64            *revenue,
                                          GError           **error);
gboolean    crm_store_count_reward_returns (CrmStore        *self,
                                          gint64             from,
                                          gint64             to,
                                          guint             *redeemers,
                                          guint             *returned,
                                          GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmLedgerEntry, crm_ledger_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmReward, crm_reward_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmPointsLapse, crm_points_lapse_free)

G_END_DECLS
