/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crm-store.h"

G_BEGIN_DECLS

/* The loyalty programme's rules: its settings, what a purchase earns,
 * what points are worth, the tiers. Pure arithmetic on integers, apart
 * from reading and writing the settings; the store keeps the ledger.
 * docs/loyalty.md says how the programme works. */

#define CRM_LOYALTY_ERROR (crm_loyalty_error_quark ())

typedef enum
{
  CRM_LOYALTY_ERROR_INVALID,      /* a number or setting out of its range */
  CRM_LOYALTY_ERROR_NOT_ENOUGH,   /* the balance does not cover it */
  CRM_LOYALTY_ERROR_OFF,          /* the programme, or spending as a discount, is off */
  CRM_LOYALTY_ERROR_CAP,          /* more than the share of a purchase points may pay */
} CrmLoyaltyError;

typedef enum
{
  CRM_LOYALTY_EARN_PER_AMOUNT,    /* so many points per so much money */
  CRM_LOYALTY_EARN_PERCENT,       /* points worth a share of the purchase */
} CrmLoyaltyEarnMode;

/* The most points one entry may move, and the largest purchase (minor
 * units, as crm_money_parse() accepts) the programme counts. */
#define CRM_LOYALTY_MAX_POINTS ((gint64) 1000000000)
#define CRM_LOYALTY_MAX_AMOUNT ((gint64) 100000000000)

/* Rates are in hundredths, so that 1.5 points or 2.5 % are integers. */
typedef struct
{
  gboolean           enabled;
  CrmLoyaltyEarnMode earn_mode;
  guint              earn_points;      /* hundredths of a point per earn_unit */
  gint64             earn_unit;        /* minor units: 100 is 1 ₾, 10000 is 100 ֏ */
  guint              earn_percent;     /* hundredths of a percent of the amount paid */
  gint64             point_value;      /* minor units one point is worth when spent */
  gboolean           discount;         /* points may be spent as a discount */
  guint              cap_percent;      /* a discount pays at most this share; 0: no cap */
  gboolean           tiers;            /* tiers by spend in the last 12 months */
  guint              expiry_months;    /* points lapse after so long without a purchase; 0: never */
  guint              expiry_notice_days; /* how long before, the shop hears of it */
  guint              key_multiplier;   /* key clients earn this many hundredths */
} CrmLoyaltySettings;

/* One tier: from what spend in the last 12 months, and how much of the
 * programme's earning rate it earns (100: the same, 150: half again). */
typedef struct
{
  gint64  id;
  char   *name;
  gint64  min_spend;    /* minor units */
  guint   rate;         /* percent of the earning rate */
} CrmLoyaltyTier;

/* Where a customer stands, for the counter. */
typedef struct
{
  gint64          balance;
  gint64          spend;          /* in the last 12 months, minor units */
  CrmLoyaltyTier *tier;           /* (nullable) */
  CrmLoyaltyTier *next_tier;      /* (nullable): the one above */
  gint64          to_next;        /* spend still needed for it */
  gint64          lapse_at;       /* when the balance lapses; 0: it does not */
} CrmLoyaltyStatus;

GQuark      crm_loyalty_error_quark        (void);

void        crm_loyalty_settings_defaults  (CrmLoyaltySettings       *settings);
void        crm_loyalty_settings_load      (CrmStore                 *store,
                                            CrmLoyaltySettings       *settings);
gboolean    crm_loyalty_settings_check     (const CrmLoyaltySettings *settings,
                                            GError                  **error);
gboolean    crm_loyalty_settings_save      (CrmStore                 *store,
                                            const CrmLoyaltySettings *settings,
                                            GError                  **error);

gboolean    crm_loyalty_points_for         (const CrmLoyaltySettings *settings,
                                            gint64                    paid,
                                            guint                     tier_rate,
                                            gboolean                  key_client,
                                            gint64                   *points,
                                            GError                  **error);
gboolean    crm_loyalty_discount_for       (const CrmLoyaltySettings *settings,
                                            gint64                    amount,
                                            gint64                    points,
                                            gint64                   *discount,
                                            GError                  **error);
gint64      crm_loyalty_max_points_for     (const CrmLoyaltySettings *settings,
                                            gint64                    amount,
                                            gint64                    balance);
char       *crm_loyalty_format_points      (gint64                    points);
gulong      crm_loyalty_plural             (gint64                    points);
gboolean    crm_loyalty_check_points       (gint64                    points,
                                            gboolean                  allow_negative,
                                            GError                  **error);
gboolean    crm_loyalty_parse_points       (const char               *text,
                                            gboolean                  allow_negative,
                                            gint64                   *points,
                                            GError                  **error);
gint64      crm_loyalty_months_before      (gint64                    at,
                                            guint                     months);
gint64      crm_loyalty_months_after       (gint64                    at,
                                            guint                     months);

const CrmLoyaltyTier *crm_loyalty_tier_for (GPtrArray                *tiers,
                                            gint64                    spend);
CrmLoyaltyTier *crm_loyalty_tier_copy      (const CrmLoyaltyTier     *tier);
void        crm_loyalty_tier_free          (CrmLoyaltyTier           *tier);

gboolean    crm_loyalty_get_status         (CrmStore                 *store,
                                            gint64                    customer_id,
                                            CrmLoyaltyStatus         *status,
                                            GError                  **error);
void        crm_loyalty_status_clear       (CrmLoyaltyStatus         *status);
char       *crm_loyalty_dup_reward_line    (CrmStore                 *store,
                                            gint64                    customer_id);
gboolean    crm_loyalty_run_expiry         (CrmStore                 *store,
                                            guint                    *n_lapsed,
                                            GError                  **error);
GPtrArray  *crm_loyalty_list_lapsing       (CrmStore                 *store,
                                            guint                     limit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmLoyaltyTier, crm_loyalty_tier_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrmLoyaltyStatus, crm_loyalty_status_clear)

G_END_DECLS
