/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The sample shop runs a loyalty programme: 1 point per lari (per 100
 * drams), a point worth 5 tetri (5 drams) when spent, at most half a bill
 * paid with points, Bronze, Silver and Gold by the year's spend, key
 * clients earning half again, points lapsing after six months without a
 * purchase. Over the year some customers spend part of their points on a
 * bill and some buy a reward; the lapsed regulars' points have expired.
 * The reward and tier names are the shop's own, sample data in
 * Georgian like its notes: they are not translated. */

#define G_LOG_DOMAIN "crm-demo"

#include "config.h"

#include "crm-demo-data.h"
#include "crm-demo-loyalty.h"
#include "crm-loyalty.h"
#include "crm-store-loyalty.h"
#include "crm-text.h"

#define HOUR ((gint64) 60 * 60)
#define DAY  (24 * HOUR)

/* Per currency, in its minor units: what earns a point, what a point is
 * worth, and where Silver and Gold start (about 500 and 1 000 lari). */
typedef struct
{
  const char *code;
  gint64      earn_unit;
  gint64      point_value;
  gint64      silver;
  gint64      gold;
} Programme;

static const Programme programmes[] = {
  { "GEL",   100,   5,    50000,    100000 },
  { "AMD", 10000, 500,  7500000,  15000000 },
  { "USD",   100,   2,    20000,     40000 },
  { "EUR",   100,   2,    18000,     36000 },
};

/* Names in the interface's language (en, ka, hy), as the owner of a shop
 * would have typed them. */
static const struct { const char *name[3]; gint64 cost; } rewards[] = {
  { { "Free coffee", "უფასო ყავა", "Անվճար սուրճ" }, 60 },
  { { "Khachapuri", "ხაჭაპური", "Խաչապուրի" }, 150 },
  { { "Birthday cake", "დაბადების დღის ტორტი", "Ծննդյան տորթ" }, 800 },
};

static const char *const tier_names[3][3] = {
  { "Bronze", "Silver", "Gold" },
  { "ბრინჯაო", "ვერცხლი", "ოქრო" },
  { "Բրոնզ", "Արծաթ", "Ոսկի" },
};

static guint
language_index (void)
{
  const char *language = crm_text_ui_language ();

  return g_str_equal (language, "ka") ? 1 : g_str_equal (language, "hy") ? 2 : 0;
}

static const Programme *
programme_for (CrmStore *store)
{
  g_autofree char *currency = crm_store_dup_currency (store);

  for (guint i = 0; i < G_N_ELEMENTS (programmes); i++)
    if (g_str_equal (currency, programmes[i].code))
      return &programmes[i];

  return &programmes[0];
}

static gint64
between (GRand  *rand,
         gint64  low,
         gint64  high)
{
  return low + (gint64) g_rand_int_range (rand, 0, (gint32) MIN (high - low + 1, G_MAXINT32));
}

/**
 * crm_demo_loyalty_begin:
 *
 * Turns the programme on with its rewards and tiers, before any purchase,
 * unless the shop has set up a programme of its own.
 */
gboolean
crm_demo_loyalty_begin (CrmDemoLoyalty  *loyalty,
                        CrmStore        *store,
                        guint32          seed,
                        GError         **error)
{
  const Programme *programme = programme_for (store);
  g_autoptr(GPtrArray) tiers = crm_store_list_tiers (store);
  CrmLoyaltySettings settings;

  loyalty->store = store;
  loyalty->rand = g_rand_new_with_seed (seed ^ 0x4c4f59u);
  loyalty->rewards = crm_store_list_rewards (store, FALSE);
  loyalty->now = crm_store_now (store);

  /* A shop that has a programme of its own keeps it. */
  crm_loyalty_settings_load (store, &settings);
  if (settings.enabled || tiers->len > 0 || loyalty->rewards->len > 0)
    return TRUE;

  crm_loyalty_settings_defaults (&settings);
  settings.enabled = TRUE;
  settings.earn_unit = programme->earn_unit;
  settings.point_value = programme->point_value;
  settings.cap_percent = 50;
  settings.tiers = TRUE;
  settings.expiry_months = 6;
  settings.key_multiplier = 150;

  if (!crm_loyalty_settings_save (store, &settings, error) ||
      crm_store_add_tier (store, tier_names[language_index ()][0], 0, 100, error) == 0 ||
      crm_store_add_tier (store, tier_names[language_index ()][1], programme->silver, 150, error) == 0 ||
      crm_store_add_tier (store, tier_names[language_index ()][2], programme->gold, 200, error) == 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (rewards); i++)
    {
      gint64 id = crm_store_add_reward (store, rewards[i].name[language_index ()], rewards[i].cost, error);

      if (id == 0)
        return FALSE;
      g_ptr_array_add (loyalty->rewards, crm_store_get_reward (store, id));
    }

  return TRUE;
}

/* What the customer can spend at @at without any later running balance
 * going below zero: the least the ledger holds at @at or after. */
static gint64
spendable_at (GPtrArray *entries,
              gint64     at)
{
  gint64 least = G_MAXINT64;

  for (guint i = 0; i <= entries->len; i++)
    {
      gint64 when = i < entries->len ? ((CrmLedgerEntry *) g_ptr_array_index (entries, i))->at : at;
      gint64 sum = 0;

      if (when < at)
        continue;

      for (guint j = 0; j < entries->len; j++)
        {
          const CrmLedgerEntry *entry = g_ptr_array_index (entries, j);

          if (entry->at <= when)
            sum += entry->points;
        }
      least = MIN (least, sum);
    }

  return least;
}

/* Two days after an earlier visit: part of the balance off a bill. */
static gboolean
spend_on_bill (CrmDemoLoyalty  *loyalty,
               gint64           customer_id,
               GError         **error)
{
  g_autoptr(GPtrArray) entries = crm_store_list_ledger (loyalty->store, customer_id, G_MAXUINT);
  const CrmLedgerEntry *visit;
  CrmLoyaltySettings settings;
  CrmPurchaseFields fields = { customer_id };
  gint64 points;

  if (entries->len < 3)
    return TRUE;

  /* Newest first: one of the older half. */
  visit = g_ptr_array_index (entries, between (loyalty->rand, entries->len / 2, entries->len - 1));
  /* Back two to eight days later, at the hour of that visit: in shop hours. */
  fields.at = visit->at + 2 * DAY + between (loyalty->rand, 0, 6) * DAY;
  fields.amount = MAX (visit->purchase_amount, 500) * between (loyalty->rand, 80, 120) / 100;
  fields.description = crm_demo_basket (loyalty->language, CRM_DEMO_BASKET_SMALL,
                                        between (loyalty->rand, 0, 4));
  if (fields.at >= loyalty->now || fields.amount <= 0)
    return TRUE;

  crm_loyalty_settings_load (loyalty->store, &settings);
  points = crm_loyalty_max_points_for (&settings, fields.amount, spendable_at (entries, fields.at));
  fields.points = points * between (loyalty->rand, 40, 100) / 100;
  if (fields.points < 20)
    return TRUE;

  return crm_store_record_purchase (loyalty->store, &fields, error) != 0;
}

/* The dearest reward the balance covers, a day after one of the last
 * visits: some come back after it, some have not yet. */
static gboolean
buy_reward (CrmDemoLoyalty  *loyalty,
            gint64           customer_id,
            GError         **error)
{
  g_autoptr(GPtrArray) entries = crm_store_list_ledger (loyalty->store, customer_id, G_MAXUINT);
  const CrmReward *best = NULL;
  gint64 at, balance;

  if (entries->len < 2)
    return TRUE;

  at = ((CrmLedgerEntry *) g_ptr_array_index (entries, between (loyalty->rand, 0, 1)))->at + DAY;
  if (at >= loyalty->now)
    return TRUE;

  balance = spendable_at (entries, at);
  for (guint i = 0; i < loyalty->rewards->len; i++)
    {
      const CrmReward *reward = g_ptr_array_index (loyalty->rewards, i);

      if (reward->points_cost <= balance)
        best = reward;
    }

  return best == NULL || crm_store_redeem_reward (loyalty->store, customer_id, best->id, at, error) != 0;
}

/**
 * crm_demo_loyalty_customer:
 *
 * After the customer's purchases: a quarter spend points on a bill, a
 * third buy a reward, one in fifty had points moved from a paper card.
 */
gboolean
crm_demo_loyalty_customer (CrmDemoLoyalty  *loyalty,
                           gint64           customer_id,
                           GError         **error)
{
  if (between (loyalty->rand, 0, 3) == 0 && !spend_on_bill (loyalty, customer_id, error))
    return FALSE;

  if (between (loyalty->rand, 0, 2) == 0 && !buy_reward (loyalty, customer_id, error))
    return FALSE;

  if (between (loyalty->rand, 0, 49) == 0 &&
      crm_store_adjust_points (loyalty->store, customer_id, between (loyalty->rand, 2, 8) * 10,
                               "ქაღალდის ბარათიდან გადმოტანილი", error) == 0)
    return FALSE;

  return TRUE;
}

/**
 * crm_demo_loyalty_end:
 *
 * The expiry pass by the shop's clock: the points of customers who have
 * not bought for six months lapse.
 */
gboolean
crm_demo_loyalty_end (CrmDemoLoyalty  *loyalty,
                      GError         **error)
{
  return loyalty->store == NULL || crm_loyalty_run_expiry (loyalty->store, NULL, error);
}

void
crm_demo_loyalty_clear (CrmDemoLoyalty *loyalty)
{
  g_clear_pointer (&loyalty->rand, g_rand_free);
  g_clear_pointer (&loyalty->rewards, g_ptr_array_unref);
}
