/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The loyalty programme's rules. Money is integer minor units and points
 * are integers; every rate is in hundredths. What a purchase earns is
 * worked out as one exact fraction of the amount paid and rounded down
 * once, at the end (towards zero for a refund): a part of a point is
 * never given. docs/loyalty.md states the rules with examples. */

#define G_LOG_DOMAIN "crm-loyalty"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "crm-loyalty.h"
#include "crm-store-loyalty.h"

G_DEFINE_QUARK (crm-loyalty-error-quark, crm_loyalty_error)

/* What a setting may be: a rate of up to 1000 points per unit, 100 %,
 * a point worth up to ten million, ten years to lapse. */
#define MAX_EARN_POINTS   100000
#define MAX_EARN_PERCENT  10000
#define MAX_VALUE         ((gint64) 1000000000)
#define MAX_EXPIRY_MONTHS 120
#define MAX_NOTICE_DAYS   365
#define MAX_MULTIPLIER    1000

void
crm_loyalty_settings_defaults (CrmLoyaltySettings *settings)
{
  g_return_if_fail (settings != NULL);

  *settings = (CrmLoyaltySettings) {
    .enabled = FALSE,
    .earn_mode = CRM_LOYALTY_EARN_PER_AMOUNT,
    .earn_points = 100,         /* one point… */
    .earn_unit = 100,           /* …per 1 ₾ or 1 ֏ */
    .earn_percent = 500,        /* 5 % when the shop picks a percentage */
    .point_value = 100,         /* one point is 1 ₾ off */
    .discount = TRUE,
    .cap_percent = 0,
    .tiers = FALSE,
    .expiry_months = 0,
    .expiry_notice_days = 14,
    .key_multiplier = 100,
  };
}

static gint64
get_int64 (CrmStore   *store,
           const char *key,
           gint64      fallback)
{
  g_autofree char *value = crm_store_dup_setting (store, key, NULL);
  char *end = NULL;
  gint64 parsed;

  if (value == NULL)
    return fallback;

  parsed = g_ascii_strtoll (value, &end, 10);
  return end != value && *end == '\0' ? parsed : fallback;
}

static guint
get_uint (CrmStore   *store,
          const char *key,
          guint       fallback)
{
  gint value = crm_store_get_setting_int (store, key, (gint) fallback);

  return value >= 0 ? (guint) value : fallback;
}

/**
 * crm_loyalty_settings_load:
 *
 * Reads the programme from the shop's settings (keys `loyalty.*`,
 * docs/schema.md); a key not set, or set to something that is not a
 * number in its range, takes its default.
 */
void
crm_loyalty_settings_load (CrmStore           *store,
                           CrmLoyaltySettings *settings)
{
  CrmLoyaltySettings defaults;
  g_autofree char *mode = NULL;

  g_return_if_fail (CRM_IS_STORE (store));
  g_return_if_fail (settings != NULL);

  crm_loyalty_settings_defaults (&defaults);
  mode = crm_store_dup_setting (store, "loyalty.earn_mode", "amount");

  settings->enabled = crm_store_get_setting_int (store, "loyalty.enabled", 0) == 1;
  settings->earn_mode = g_str_equal (mode, "percent") ? CRM_LOYALTY_EARN_PERCENT : CRM_LOYALTY_EARN_PER_AMOUNT;
  settings->earn_points = get_uint (store, "loyalty.earn_points", defaults.earn_points);
  settings->earn_unit = get_int64 (store, "loyalty.earn_unit", defaults.earn_unit);
  settings->earn_percent = get_uint (store, "loyalty.earn_percent", defaults.earn_percent);
  settings->point_value = get_int64 (store, "loyalty.point_value", defaults.point_value);
  settings->discount = crm_store_get_setting_int (store, "loyalty.discount", 1) != 0;
  settings->cap_percent = get_uint (store, "loyalty.cap_percent", defaults.cap_percent);
  settings->tiers = crm_store_get_setting_int (store, "loyalty.tiers", 0) == 1;
  settings->expiry_months = get_uint (store, "loyalty.expiry_months", defaults.expiry_months);
  settings->expiry_notice_days = get_uint (store, "loyalty.expiry_notice_days", defaults.expiry_notice_days);
  settings->key_multiplier = get_uint (store, "loyalty.key_multiplier", defaults.key_multiplier);

  /* A value out of range (edited by hand, say) is not half-obeyed. */
  if (settings->earn_points == 0 || settings->earn_points > MAX_EARN_POINTS)
    settings->earn_points = defaults.earn_points;
  if (settings->earn_unit <= 0 || settings->earn_unit > MAX_VALUE)
    settings->earn_unit = defaults.earn_unit;
  if (settings->earn_percent == 0 || settings->earn_percent > MAX_EARN_PERCENT)
    settings->earn_percent = defaults.earn_percent;
  if (settings->point_value <= 0 || settings->point_value > MAX_VALUE)
    settings->point_value = defaults.point_value;
  if (settings->cap_percent > 100)
    settings->cap_percent = defaults.cap_percent;
  if (settings->expiry_months > MAX_EXPIRY_MONTHS)
    settings->expiry_months = defaults.expiry_months;
  if (settings->expiry_notice_days == 0 || settings->expiry_notice_days > MAX_NOTICE_DAYS)
    settings->expiry_notice_days = defaults.expiry_notice_days;
  if (settings->key_multiplier < 100 || settings->key_multiplier > MAX_MULTIPLIER)
    settings->key_multiplier = defaults.key_multiplier;
}

static gboolean
out_of_range (GError     **error,
              const char  *message)
{
  g_set_error_literal (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_INVALID, message);
  return FALSE;
}

/**
 * crm_loyalty_settings_check:
 *
 * Returns: %TRUE when every setting is in its range, else %FALSE with
 *   @error saying which and what it may be
 */
gboolean
crm_loyalty_settings_check (const CrmLoyaltySettings  *settings,
                            GError                   **error)
{
  g_return_val_if_fail (settings != NULL, FALSE);

  if (settings->earn_points == 0 || settings->earn_points > MAX_EARN_POINTS)
    return out_of_range (error, _("Points earned: from 0.01 to 1000 points per amount."));
  if (settings->earn_unit <= 0 || settings->earn_unit > MAX_VALUE)
    return out_of_range (error, _("The amount that earns points must be above zero and at most ten million."));
  if (settings->earn_percent == 0 || settings->earn_percent > MAX_EARN_PERCENT)
    return out_of_range (error, _("The share earned as points: from 0.01 % to 100 %."));
  if (settings->point_value <= 0 || settings->point_value > MAX_VALUE)
    return out_of_range (error, _("A point’s value must be above zero and at most ten million."));
  if (settings->cap_percent > 100)
    return out_of_range (error, _("The share of a purchase points may pay: from 0 % to 100 %."));
  if (settings->expiry_months > MAX_EXPIRY_MONTHS)
    return out_of_range (error, _("Points lapse after at most 120 months."));
  if (settings->expiry_notice_days == 0 || settings->expiry_notice_days > MAX_NOTICE_DAYS)
    return out_of_range (error, _("The reminder before points lapse: from 1 to 365 days."));
  if (settings->key_multiplier < 100 || settings->key_multiplier > MAX_MULTIPLIER)
    return out_of_range (error, _("Key clients earn from 1 to 10 times the points."));

  return TRUE;
}

static gboolean
put_number (CrmStore    *store,
            const char  *key,
            gint64       value,
            GError     **error)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);

  return crm_store_set_setting (store, key, text, error);
}

/**
 * crm_loyalty_settings_save:
 *
 * Checks and writes the whole programme in one transaction: nothing is
 * written when a setting is out of range.
 */
gboolean
crm_loyalty_settings_save (CrmStore                  *store,
                           const CrmLoyaltySettings  *settings,
                           GError                   **error)
{
  const CrmLoyaltySettings *s = settings;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (!crm_loyalty_settings_check (settings, error) || !crm_store_begin (store, error))
    return FALSE;

  ok = put_number (store, "loyalty.enabled", s->enabled, error) &&
       crm_store_set_setting (store, "loyalty.earn_mode",
                              s->earn_mode == CRM_LOYALTY_EARN_PERCENT ? "percent" : "amount", error) &&
       put_number (store, "loyalty.earn_points", s->earn_points, error) &&
       put_number (store, "loyalty.earn_unit", s->earn_unit, error) &&
       put_number (store, "loyalty.earn_percent", s->earn_percent, error) &&
       put_number (store, "loyalty.point_value", s->point_value, error) &&
       put_number (store, "loyalty.discount", s->discount, error) &&
       put_number (store, "loyalty.cap_percent", s->cap_percent, error) &&
       put_number (store, "loyalty.tiers", s->tiers, error) &&
       put_number (store, "loyalty.expiry_months", s->expiry_months, error) &&
       put_number (store, "loyalty.expiry_notice_days", s->expiry_notice_days, error) &&
       put_number (store, "loyalty.key_multiplier", s->key_multiplier, error);

  if (!ok)
    {
      crm_store_rollback (store);
      return FALSE;
    }

  return crm_store_commit (store, error);
}

/* floor (a × b / c), exactly, for a, b ≥ 0 and c > 0, through a 128-bit
 * product: FALSE when the answer does not fit a gint64. */
static gboolean
mul_div (guint64  a,
         guint64  b,
         guint64  c,
         gint64  *result)
{
  guint64 a_hi = a >> 32, a_lo = a & 0xffffffffu;
  guint64 b_hi = b >> 32, b_lo = b & 0xffffffffu;
  guint64 low = a_lo * b_lo;
  guint64 mid1 = a_hi * b_lo;
  guint64 mid2 = a_lo * b_hi;
  guint64 cross = (low >> 32) + (mid1 & 0xffffffffu) + (mid2 & 0xffffffffu);
  guint64 hi = a_hi * b_hi + (mid1 >> 32) + (mid2 >> 32) + (cross >> 32);
  guint64 lo = (cross << 32) | (low & 0xffffffffu);
  guint64 quotient = 0;
  guint64 rest = hi;

  /* A quotient of 2^64 or more; one over G_MAXINT64 is caught below. */
  if (hi >= c)
    return FALSE;

  /* Long division of hi:lo by c, a bit at a time; rest < c throughout. */
  for (int bit = 63; bit >= 0; bit--)
    {
      gboolean carry = (rest >> 63) != 0;

      rest = (rest << 1) | ((lo >> bit) & 1);
      quotient <<= 1;
      if (carry || rest >= c)
        {
          rest -= c;
          quotient |= 1;
        }
    }

  if (quotient > G_MAXINT64)
    return FALSE;

  *result = (gint64) quotient;
  return TRUE;
}

static gboolean
too_large (GError **error)
{
  return out_of_range (error, _("That amount is too large."));
}

/**
 * crm_loyalty_points_for:
 * @paid: what the customer paid after any discount, minor units;
 *   negative for a refund
 * @tier_rate: the customer's tier's rate, percent of the programme's (100
 *   without tiers)
 * @key_client: whether the key clients' multiplier applies
 * @points: (out): the points earned, negative for a refund
 *
 * Per amount: paid × earn_points / (100 × earn_unit); a percentage:
 * paid × earn_percent / (10000 × point_value); either times the tier's
 * rate / 100 and, for key clients, key_multiplier / 100. One exact
 * fraction, rounded towards zero once.
 */
gboolean
crm_loyalty_points_for (const CrmLoyaltySettings  *settings,
                        gint64                     paid,
                        guint                      tier_rate,
                        gboolean                   key_client,
                        gint64                    *points,
                        GError                   **error)
{
  guint64 factor, divisor;
  guint multiplier = key_client ? settings->key_multiplier : 100;
  gint64 magnitude;

  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (points != NULL, FALSE);

  *points = 0;
  if (paid > CRM_LOYALTY_MAX_AMOUNT || paid < -CRM_LOYALTY_MAX_AMOUNT)
    return too_large (error);

  /* Rates are at most 10⁵, 10³ and 10³, units and values at most 10⁹:
   * both products fit 64 bits; only paid × factor needs 128. */
  if (settings->earn_mode == CRM_LOYALTY_EARN_PERCENT)
    {
      factor = (guint64) settings->earn_percent * tier_rate * multiplier;
      divisor = (guint64) 10000 * 100 * 100 * (guint64) settings->point_value;
    }
  else
    {
      factor = (guint64) settings->earn_points * tier_rate * multiplier;
      divisor = (guint64) 100 * 100 * 100 * (guint64) settings->earn_unit;
    }

  if (divisor == 0 || !mul_div ((guint64) ABS (paid), factor, divisor, &magnitude))
    return too_large (error);

  *points = paid < 0 ? -magnitude : magnitude;
  return TRUE;
}

/* The most money points may take off a bill of @amount. */
static gint64
discount_limit (const CrmLoyaltySettings *settings,
                gint64                    amount)
{
  if (amount <= 0)
    return 0;

  /* At most 10¹¹ × 100: no overflow. */
  return settings->cap_percent > 0 ? amount * settings->cap_percent / 100 : amount;
}

/**
 * crm_loyalty_max_points_for:
 * @amount: the bill before points
 * @balance: the customer's points
 *
 * Returns: the most points that may be spent on the bill: no more than
 *   the balance, and worth no more than the bill or its capped share
 *   (rounded down to whole points)
 */
gint64
crm_loyalty_max_points_for (const CrmLoyaltySettings *settings,
                            gint64                    amount,
                            gint64                    balance)
{
  g_return_val_if_fail (settings != NULL, 0);

  if (!settings->enabled || !settings->discount || settings->point_value <= 0 || balance <= 0)
    return 0;

  return MIN (balance, discount_limit (settings, amount) / settings->point_value);
}

/**
 * crm_loyalty_discount_for:
 * @amount: the bill before points, minor units
 * @points: the points to spend on it
 * @discount: (out): what they take off, points × point_value
 *
 * Refused when the points are worth more than the bill, or than the
 * share of it the shop lets points pay.
 */
gboolean
crm_loyalty_discount_for (const CrmLoyaltySettings  *settings,
                          gint64                     amount,
                          gint64                     points,
                          gint64                    *discount,
                          GError                   **error)
{
  guint64 value = 0;
  gint64 limit;

  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (discount != NULL, FALSE);

  *discount = 0;
  if (!crm_loyalty_check_points (points, FALSE, error))
    return FALSE;

  if (amount <= 0)
    return out_of_range (error, _("Points cannot be spent on a refund."));

  limit = discount_limit (settings, amount);
  if (!g_uint64_checked_mul (&value, (guint64) points, (guint64) MAX (settings->point_value, 0)) ||
      value > (guint64) limit)
    {
      gint64 most = settings->point_value > 0 ? limit / settings->point_value : 0;
      g_autofree char *number = crm_loyalty_format_points (most);

      g_set_error (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_CAP,
                   ngettext ("At most %s point can be spent on this purchase.",
                             "At most %s points can be spent on this purchase.",
                             crm_loyalty_plural (most)),
                   number);
      return FALSE;
    }

  *discount = (gint64) value;
  return TRUE;
}

/**
 * crm_loyalty_format_points:
 *
 * Returns: (transfer full): @points as digits, "−" before a negative
 *   number, for messages (ngettext () takes crm_loyalty_plural ())
 */
char *
crm_loyalty_format_points (gint64 points)
{
  guint64 magnitude = points < 0 ? (guint64) (-(points + 1)) + 1 : (guint64) points;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT, points < 0 ? "−" : "", magnitude);
}

/* The count ngettext () chooses a plural form by. */
gulong
crm_loyalty_plural (gint64 points)
{
  guint64 magnitude = points < 0 ? (guint64) (-(points + 1)) + 1 : (guint64) points;

  /* The forms repeat every million in every language: keep the last
   * six digits when the number does not fit. */
  return magnitude <= G_MAXULONG ? (gulong) magnitude : (gulong) (magnitude % 1000000 + 1000000);
}

/**
 * crm_loyalty_check_points:
 * @allow_negative: whether taking points away is meant (an adjustment)
 *
 * Returns: %TRUE for a number of points one entry may move: not zero, not
 *   below zero unless allowed, at most a billion either way
 */
gboolean
crm_loyalty_check_points (gint64    points,
                          gboolean  allow_negative,
                          GError  **error)
{
  if (points < 0 && !allow_negative)
    return out_of_range (error, _("Enter a number of points above zero."));

  if (points > CRM_LOYALTY_MAX_POINTS || points < -CRM_LOYALTY_MAX_POINTS)
    return out_of_range (error, _("At most a billion points at a time."));

  if (points == 0 && allow_negative)
    return out_of_range (error, _("Enter a number of points other than zero."));

  return TRUE;
}

/**
 * crm_loyalty_parse_points:
 * @text: what was typed: digits, perhaps with a sign, spaces around
 * @points: (out): the number
 *
 * Returns: %FALSE with a message for anything that is not a whole
 *   number of points in range
 */
gboolean
crm_loyalty_parse_points (const char  *text,
                          gboolean     allow_negative,
                          gint64      *points,
                          GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  const char *digits = trimmed;
  gint64 value = 0;

  g_return_val_if_fail (points != NULL, FALSE);

  *points = 0;
  if (*digits == '-' || *digits == '+')
    digits++;

  if (*digits == '\0' || strspn (digits, "0123456789") != strlen (digits))
    return out_of_range (error, _("Write the points as a whole number, for example 120."));

  /* Digits past ten are over a billion whatever they say. */
  if (strlen (digits) > 10)
    return out_of_range (error, _("At most a billion points at a time."));

  value = g_ascii_strtoll (digits, NULL, 10);
  if (trimmed[0] == '-')
    value = -value;

  if (!crm_loyalty_check_points (value, allow_negative, error))
    return FALSE;

  if (value == 0)
    return out_of_range (error, _("Enter a number of points above zero."));

  *points = value;
  return TRUE;
}

static gint64
add_local_months (gint64 at,
                  int    months)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (at);
  g_autoptr(GDateTime) moved = local ? g_date_time_add_months (local, months) : NULL;

  return moved ? g_date_time_to_unix (moved) : at;
}

/**
 * crm_loyalty_months_before:
 *
 * Returns: the same local time @months calendar months earlier (the
 *   31st becomes the month's last day when it has no 31st)
 */
gint64
crm_loyalty_months_before (gint64 at,
                           guint  months)
{
  return add_local_months (at, -(int) MIN (months, 12000));
}

gint64
crm_loyalty_months_after (gint64 at,
                          guint  months)
{
  return add_local_months (at, (int) MIN (months, 12000));
}

/**
 * crm_loyalty_tier_for:
 * @tiers: (element-type CrmLoyaltyTier): lowest threshold first
 *
 * Returns: (transfer none) (nullable): the highest tier whose threshold
 *   @spend reaches, or %NULL below the first
 */
const CrmLoyaltyTier *
crm_loyalty_tier_for (GPtrArray *tiers,
                      gint64     spend)
{
  const CrmLoyaltyTier *found = NULL;

  g_return_val_if_fail (tiers != NULL, NULL);

  for (guint i = 0; i < tiers->len; i++)
    {
      const CrmLoyaltyTier *tier = g_ptr_array_index (tiers, i);

      if (spend >= tier->min_spend && (found == NULL || tier->min_spend > found->min_spend))
        found = tier;
    }

  return found;
}

CrmLoyaltyTier *
crm_loyalty_tier_copy (const CrmLoyaltyTier *tier)
{
  CrmLoyaltyTier *copy;

  if (tier == NULL)
    return NULL;

  copy = g_memdup2 (tier, sizeof *tier);
  copy->name = g_strdup (tier->name);
  return copy;
}

void
crm_loyalty_tier_free (CrmLoyaltyTier *tier)
{
  if (tier == NULL)
    return;

  g_free (tier->name);
  g_free (tier);
}

/**
 * crm_loyalty_get_status:
 *
 * The customer's balance, and with tiers on their tier, the next one and
 * the spend still needed for it, by the store's clock. Free with
 * crm_loyalty_status_clear().
 */
gboolean
crm_loyalty_get_status (CrmStore          *store,
                        gint64             customer_id,
                        CrmLoyaltyStatus  *status,
                        GError           **error)
{
  CrmLoyaltySettings settings;
  gint64 now;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);

  memset (status, 0, sizeof *status);
  crm_loyalty_settings_load (store, &settings);
  now = crm_store_now (store);

  status->balance = crm_store_get_points_balance (store, customer_id);
  status->spend = crm_store_get_tier_spend (store, customer_id, crm_loyalty_months_before (now, 12), now);
  status->lapse_at = crm_store_get_points_lapse (store, customer_id, settings.expiry_months);

  if (settings.tiers)
    {
      g_autoptr(GPtrArray) tiers = crm_store_list_tiers (store);

      status->tier = crm_loyalty_tier_copy (crm_loyalty_tier_for (tiers, status->spend));
      for (guint i = 0; i < tiers->len && status->next_tier == NULL; i++)
        {
          const CrmLoyaltyTier *tier = g_ptr_array_index (tiers, i);

          if (tier->min_spend > status->spend)
            {
              status->next_tier = crm_loyalty_tier_copy (tier);
              status->to_next = tier->min_spend - status->spend;
            }
        }
    }

  return TRUE;
}

void
crm_loyalty_status_clear (CrmLoyaltyStatus *status)
{
  g_clear_pointer (&status->tier, crm_loyalty_tier_free);
  g_clear_pointer (&status->next_tier, crm_loyalty_tier_free);
}

/**
 * crm_loyalty_dup_reward_line:
 *
 * The line a follow-up's notification adds when the customer's points
 * are enough for a reward: "120 points: enough for “Free coffee”", the
 * dearest reward the balance covers.
 *
 * Returns: (transfer full) (nullable): the line, or %NULL when the
 *   programme is off or no reward is within reach
 */
char *
crm_loyalty_dup_reward_line (CrmStore *store,
                             gint64    customer_id)
{
  g_autoptr(GPtrArray) rewards = NULL;
  g_autofree char *number = NULL;
  CrmLoyaltySettings settings;
  const CrmReward *best = NULL;
  gint64 balance;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  crm_loyalty_settings_load (store, &settings);
  if (!settings.enabled)
    return NULL;

  balance = crm_store_get_points_balance (store, customer_id);
  rewards = crm_store_list_rewards (store, FALSE);
  for (guint i = 0; i < rewards->len; i++)
    {
      const CrmReward *reward = g_ptr_array_index (rewards, i);

      if (reward->points_cost <= balance && (best == NULL || reward->points_cost >= best->points_cost))
        best = reward;
    }

  if (best == NULL)
    return NULL;

  number = crm_loyalty_format_points (balance);
  /* Translators: a customer's points and the reward they buy, in a
   * reminder: "120 points: enough for “Free coffee”" */
  return g_strdup_printf (ngettext ("%s point: enough for “%s”", "%s points: enough for “%s”",
                                    crm_loyalty_plural (balance)),
                          number, best->name);
}

/**
 * crm_loyalty_run_expiry:
 * @n_lapsed: (out) (optional): how many balances lapsed
 *
 * The expiry pass by the store's clock, when the programme is on and has
 * an expiry: crm_store_expire_points(). It writes each lapse once, dated
 * when it lapsed, however often it runs.
 */
gboolean
crm_loyalty_run_expiry (CrmStore  *store,
                        guint     *n_lapsed,
                        GError   **error)
{
  CrmLoyaltySettings settings;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (n_lapsed != NULL)
    *n_lapsed = 0;

  crm_loyalty_settings_load (store, &settings);
  if (!settings.enabled || settings.expiry_months == 0)
    return TRUE;

  return crm_store_expire_points (store, settings.expiry_months, n_lapsed, error);
}

/**
 * crm_loyalty_list_lapsing:
 *
 * Returns: (transfer full) (element-type CrmPointsLapse): customers whose
 *   points lapse within the programme's notice, the soonest first
 */
GPtrArray *
crm_loyalty_list_lapsing (CrmStore *store,
                          guint     limit)
{
  CrmLoyaltySettings settings;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  crm_loyalty_settings_load (store, &settings);
  if (!settings.enabled)
    settings.expiry_months = 0;

  return crm_store_list_points_lapsing (store, settings.expiry_months, settings.expiry_notice_days, limit);
}
