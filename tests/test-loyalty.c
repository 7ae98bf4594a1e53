/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The loyalty programme with answers worked out by hand: what a purchase
 * earns and how it is rounded, the balance through edits, deletions,
 * partial spending and rewards, tiers, the key clients' multiplier,
 * expiry on a fake clock, two connections spending the same points, the
 * figures, and input that must be refused. */

#include "config.h"

#include <string.h>

#include "crm-archive.h"
#include "crm-demo.h"
#include "crm-export.h"
#include "crm-loyalty-insights.h"
#include "crm-loyalty.h"
#include "crm-sales-import.h"
#include "crm-store-list.h"
#include "crm-store-loyalty.h"
#include "crm-store-private.h"
#include "shop-fixture.h"

#define HOUR ((gint64) 3600)
#define DAY (24 * HOUR)

/* Lari in tetri. */
#define GEL(x) ((gint64) (x) * 100)

static gint64
local (int year, int month, int day, int hour)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (year, month, day, hour, 0, 0);

  return g_date_time_to_unix (time);
}

static gint64
customer (CrmStore   *store,
          const char *name)
{
  return shop_add_customer (store, name);
}

/* The programme on, as a shop first turns it on, changed by @edit. */
static void
turn_on (CrmStore *store,
         void    (*edit) (CrmLoyaltySettings *settings))
{
  g_autoptr(GError) error = NULL;
  CrmLoyaltySettings settings;

  crm_loyalty_settings_load (store, &settings);
  settings.enabled = TRUE;
  if (edit != NULL)
    edit (&settings);
  g_assert_true (crm_loyalty_settings_save (store, &settings, &error));
  g_assert_no_error (error);
}

static gint64
buy (CrmStore *store,
     gint64    customer_id,
     gint64    at,
     gint64    bill,
     gint64    points)
{
  g_autoptr(GError) error = NULL;
  CrmPurchaseFields fields = { customer_id, at, bill, points, "bread" };
  gint64 id = crm_store_record_purchase (store, &fields, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
edit (CrmStore *store,
      gint64    id,
      gint64    at,
      gint64    bill,
      gint64    points)
{
  g_autoptr(GError) error = NULL;
  CrmPurchaseFields fields = { 0, at, bill, points, "bread" };

  g_assert_true (crm_store_update_purchase (store, id, &fields, &error));
  g_assert_no_error (error);
}

/* The balance three ways: the store's call, the ledger summed in SQL,
 * and the sum of what each entry the store lists says. */
static gint64
balance (CrmStore *store,
         gint64    customer_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (sum (points), 0) FROM loyalty_ledger "
                                          "WHERE customer_id = %" G_GINT64_FORMAT, customer_id);
  g_autoptr(GPtrArray) entries = crm_store_list_ledger (store, customer_id, G_MAXUINT);
  gint64 listed = 0;
  gint64 value = crm_store_get_points_balance (store, customer_id);

  for (guint i = 0; i < entries->len; i++)
    listed += ((CrmLedgerEntry *) g_ptr_array_index (entries, i))->points;

  g_assert_cmpint (value, ==, query_int (store, sql));
  g_assert_cmpint (value, ==, listed);
  g_assert_cmpint (value, >=, 0);
  return value;
}

static gint64
points_of (const CrmLoyaltySettings *settings,
           gint64                    paid,
           guint                     tier_rate,
           gboolean                  key)
{
  g_autoptr(GError) error = NULL;
  gint64 points = -1;

  g_assert_true (crm_loyalty_points_for (settings, paid, tier_rate, key, &points, &error));
  g_assert_no_error (error);
  return points;
}

static void
test_rules_points (void)
{
  g_autoptr(GError) error = NULL;
  CrmLoyaltySettings s;
  gint64 points = 0;

  crm_loyalty_settings_defaults (&s);

  /* 1 point per 1 ₾: 45.50 ₾ earns 45, 0.99 ₾ nothing, a refund of
   * 45.50 ₾ takes 45 back (rounded towards zero both ways). */
  g_assert_cmpint (points_of (&s, 4550, 100, FALSE), ==, 45);
  g_assert_cmpint (points_of (&s, 99, 100, FALSE), ==, 0);
  g_assert_cmpint (points_of (&s, -4550, 100, FALSE), ==, -45);

  /* 1 point per 100 ֏: 12 345 ֏ (1 234 500 luma) earns 123. */
  s.earn_unit = 10000;
  g_assert_cmpint (points_of (&s, 1234500, 100, FALSE), ==, 123);

  /* 1.5 points per 1 ₾: 10 ₾ earns 15, 10.50 ₾ earns 15 (15.75 down). */
  s.earn_unit = 100;
  s.earn_points = 150;
  g_assert_cmpint (points_of (&s, 1000, 100, FALSE), ==, 15);
  g_assert_cmpint (points_of (&s, 1050, 100, FALSE), ==, 15);

  /* 5 % with 1 point = 1 ₾: 45.50 ₾ is worth 2.275 ₾ of points: 2. */
  s.earn_mode = CRM_LOYALTY_EARN_PERCENT;
  s.earn_percent = 500;
  g_assert_cmpint (points_of (&s, 4550, 100, FALSE), ==, 2);
  /* …and with a point worth 0.10 ₾, 22 (22.75 down). */
  s.point_value = 10;
  g_assert_cmpint (points_of (&s, 4550, 100, FALSE), ==, 22);

  /* Tier and multiplier multiply before the one rounding: 3.33 ₾ at
   * 1 per ₾, a tier of 150 % and key clients ×1.5 is 7.4925: 7, where
   * rounding after each step would give 3, 4, then 6. */
  crm_loyalty_settings_defaults (&s);
  s.key_multiplier = 150;
  g_assert_cmpint (points_of (&s, 333, 150, TRUE), ==, 7);
  g_assert_cmpint (points_of (&s, 333, 150, FALSE), ==, 4);

  /* The largest purchase at the highest rates needs more than 64 bits
   * on the way: 10⁹ ₾ × 1000 points × 10 × 10 = 10¹⁴ points, exactly. */
  s.earn_points = 100000;
  s.key_multiplier = 1000;
  g_assert_cmpint (points_of (&s, CRM_LOYALTY_MAX_AMOUNT, 1000, TRUE), ==, (gint64) 100000000000000);
  /* One tetri less is 10¹⁴ - 1000 (each tetri is worth 1000 points here). */
  g_assert_cmpint (points_of (&s, CRM_LOYALTY_MAX_AMOUNT - 1, 1000, TRUE), ==,
                   (gint64) 100000000000000 - 1000);
  /* 99 999 999 999 tetri at 99 999 hundredths, 999 % and ×9.99, per 7
   * tetri: 99999999999 × 99999 × 999 × 999 / (7 × 10⁶), which is
   * 1 425 701 457 114 314 (worked with exact integers). */
  s.earn_unit = 7;
  s.earn_points = 99999;
  s.key_multiplier = 999;
  g_assert_cmpint (points_of (&s, CRM_LOYALTY_MAX_AMOUNT - 1, 999, TRUE), ==,
                   (gint64) G_GINT64_CONSTANT (1425701457114314));

  /* More than a billion lari is refused, not wrapped around. */
  g_assert_false (crm_loyalty_points_for (&s, CRM_LOYALTY_MAX_AMOUNT + 1, 100, FALSE, &points, &error));
  g_assert_error (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_INVALID);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_rules_discount (void)
{
  g_autoptr(GError) error = NULL;
  CrmLoyaltySettings s;
  gint64 discount = -1;

  crm_loyalty_settings_defaults (&s);
  s.enabled = TRUE;

  /* 50 ₾ at 1 point = 1 ₾: up to 50 points, or the balance if smaller. */
  g_assert_cmpint (crm_loyalty_max_points_for (&s, GEL (50), 80), ==, 50);
  g_assert_cmpint (crm_loyalty_max_points_for (&s, GEL (50), 30), ==, 30);
  /* 45.50 ₾: 45 whole points; 0.50 ₾ is paid. */
  g_assert_cmpint (crm_loyalty_max_points_for (&s, 4550, 80), ==, 45);
  /* A cap of 20 %: 10 ₾ of 50 ₾, so 10 points. */
  s.cap_percent = 20;
  g_assert_cmpint (crm_loyalty_max_points_for (&s, GEL (50), 80), ==, 10);
  g_assert_true (crm_loyalty_discount_for (&s, GEL (50), 10, &discount, &error));
  g_assert_no_error (error);
  g_assert_cmpint (discount, ==, GEL (10));
  g_assert_false (crm_loyalty_discount_for (&s, GEL (50), 11, &discount, &error));
  g_assert_error (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_CAP);
  g_assert_nonnull (strstr (error->message, "10"));
  g_clear_error (&error);

  /* A point worth 2.50 ₾ without a cap: 10 ₾ takes 4 points. */
  s.cap_percent = 0;
  s.point_value = 250;
  g_assert_cmpint (crm_loyalty_max_points_for (&s, GEL (10), 80), ==, 4);
  g_assert_true (crm_loyalty_discount_for (&s, GEL (10), 4, &discount, &error));
  g_assert_cmpint (discount, ==, GEL (10));
  g_assert_false (crm_loyalty_discount_for (&s, GEL (10), 5, &discount, &error));
  g_clear_error (&error);

  /* Nothing on a refund, nothing when the shop takes no points. */
  g_assert_false (crm_loyalty_discount_for (&s, -GEL (10), 1, &discount, &error));
  g_assert_error (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_INVALID);
  g_clear_error (&error);
  s.discount = FALSE;
  g_assert_cmpint (crm_loyalty_max_points_for (&s, GEL (10), 80), ==, 0);
}

static void
test_rules_parse (void)
{
  static const char *const refused[] = {
    "", "  ", "abc", "12.5", "1e3", "12 points", "--3", "0",
    "99999999999999999999", "1000000001", "٣",
  };
  gint64 points = 0;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (crm_loyalty_parse_points (refused[i], TRUE, &points, &error));
      g_assert_error (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_INVALID);
      g_assert_cmpstr (error->message, !=, "");
      g_assert_cmpint (points, ==, 0);
    }

  g_assert_true (crm_loyalty_parse_points (" 120 ", FALSE, &points, NULL));
  g_assert_cmpint (points, ==, 120);
  g_assert_true (crm_loyalty_parse_points ("1000000000", FALSE, &points, NULL));
  g_assert_cmpint (points, ==, CRM_LOYALTY_MAX_POINTS);
  g_assert_true (crm_loyalty_parse_points ("-5", TRUE, &points, NULL));
  g_assert_cmpint (points, ==, -5);

  {
    g_autoptr(GError) error = NULL;

    /* Taking away is only for adjustments. */
    g_assert_false (crm_loyalty_parse_points ("-5", FALSE, &points, &error));
    g_assert_error (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_INVALID);
  }
}

static void
set_everything (CrmLoyaltySettings *s)
{
  s->earn_mode = CRM_LOYALTY_EARN_PERCENT;
  s->earn_points = 250;
  s->earn_unit = 10000;
  s->earn_percent = 350;
  s->point_value = 50;
  s->discount = FALSE;
  s->cap_percent = 30;
  s->tiers = TRUE;
  s->expiry_months = 9;
  s->expiry_notice_days = 21;
  s->key_multiplier = 200;
}

static void
assert_same_settings (const CrmLoyaltySettings *a,
                      const CrmLoyaltySettings *b)
{
  g_assert_cmpint (a->enabled, ==, b->enabled);
  g_assert_cmpint (a->earn_mode, ==, b->earn_mode);
  g_assert_cmpuint (a->earn_points, ==, b->earn_points);
  g_assert_cmpint (a->earn_unit, ==, b->earn_unit);
  g_assert_cmpuint (a->earn_percent, ==, b->earn_percent);
  g_assert_cmpint (a->point_value, ==, b->point_value);
  g_assert_cmpint (a->discount, ==, b->discount);
  g_assert_cmpuint (a->cap_percent, ==, b->cap_percent);
  g_assert_cmpint (a->tiers, ==, b->tiers);
  g_assert_cmpuint (a->expiry_months, ==, b->expiry_months);
  g_assert_cmpuint (a->expiry_notice_days, ==, b->expiry_notice_days);
  g_assert_cmpuint (a->key_multiplier, ==, b->key_multiplier);
}

static void
test_settings (void)
{
  g_autoptr(GError) error = NULL;
  CrmLoyaltySettings saved, loaded, bad;
  ShopFixture shop;

  shop_fixture_open (&shop, local (2026, 11, 2, 12));

  /* Off until turned on, with the defaults of the issue. */
  crm_loyalty_settings_load (shop.store, &loaded);
  g_assert_false (loaded.enabled);
  g_assert_cmpuint (loaded.earn_points, ==, 100);
  g_assert_cmpint (loaded.earn_unit, ==, 100);
  g_assert_cmpint (loaded.point_value, ==, 100);
  g_assert_cmpuint (loaded.key_multiplier, ==, 100);

  turn_on (shop.store, set_everything);
  crm_loyalty_settings_defaults (&saved);
  saved.enabled = TRUE;
  set_everything (&saved);
  crm_loyalty_settings_load (shop.store, &loaded);
  assert_same_settings (&loaded, &saved);

  /* Out of range: refused with a message, nothing written. */
  bad = saved;
  bad.cap_percent = 101;
  bad.enabled = FALSE;
  g_assert_false (crm_loyalty_settings_save (shop.store, &bad, &error));
  g_assert_error (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_INVALID);
  g_clear_error (&error);
  bad = saved;
  bad.key_multiplier = 50;
  g_assert_false (crm_loyalty_settings_check (&bad, &error));
  g_clear_error (&error);
  bad = saved;
  bad.point_value = 0;
  g_assert_false (crm_loyalty_settings_check (&bad, &error));
  g_clear_error (&error);
  crm_loyalty_settings_load (shop.store, &loaded);
  assert_same_settings (&loaded, &saved);

  /* A value edited by hand into nonsense reads as its default. */
  g_assert_true (crm_store_set_setting (shop.store, "loyalty.point_value", "-3", NULL));
  g_assert_true (crm_store_set_setting (shop.store, "loyalty.earn_unit", "lots", NULL));
  crm_loyalty_settings_load (shop.store, &loaded);
  g_assert_cmpint (loaded.point_value, ==, 100);
  g_assert_cmpint (loaded.earn_unit, ==, 100);

  shop_fixture_close (&shop);
}

/* Points follow purchases: recorded, spent on in part, corrected,
 * deleted; a reward bought. Each step's balance is worked out by hand. */
static void
test_ledger_purchases (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmPurchase) purchase = NULL;
  ShopFixture shop;
  gint64 nino, first, second, coffee, spent = -1;
  gint64 now = local (2026, 11, 2, 12);

  shop_fixture_open (&shop, now);
  turn_on (shop.store, NULL);
  nino = customer (shop.store, "Nino");
  coffee = crm_store_add_reward (shop.store, "Free coffee", 30, &error);
  g_assert_no_error (error);

  /* 50 ₾: 50 points. */
  first = buy (shop.store, nino, now - DAY, GEL (50), 0);
  g_assert_cmpint (balance (shop.store, nino), ==, 50);
  g_assert_cmpint (crm_store_get_purchase_points (shop.store, first, NULL), ==, 50);

  /* A 20 ₾ bill cannot take 30 points (30 ₾); it can take 15: 5 ₾ is
   * paid, and earns 5. 50 - 15 + 5 = 40. */
  {
    CrmPurchaseFields too_many = { nino, now, GEL (20), 30, "cake" };

    g_assert_cmpint (crm_store_record_purchase (shop.store, &too_many, &error), ==, 0);
    g_assert_error (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_CAP);
    g_clear_error (&error);
  }
  second = buy (shop.store, nino, now, GEL (20), 15);
  g_assert_cmpint (balance (shop.store, nino), ==, 40);
  g_assert_cmpint (crm_store_get_purchase_points (shop.store, second, &spent), ==, 5);
  g_assert_cmpint (spent, ==, 15);

  /* The purchase remembers what was paid and what points took off. */
  purchase = crm_store_get_purchase (shop.store, second);
  g_assert_cmpint (purchase->amount, ==, GEL (5));
  g_assert_cmpint (purchase->discount, ==, GEL (15));

  /* The first was 70 ₾, not 50: 20 more points. 60. */
  edit (shop.store, first, now - DAY, GEL (70), 0);
  g_assert_cmpint (balance (shop.store, nino), ==, 60);
  g_assert_cmpint (crm_store_get_purchase_points (shop.store, first, NULL), ==, 70);

  /* Only 10 points were spent on the second: 5 back, and 10 ₾ paid earn
   * 5 more. 70. */
  edit (shop.store, second, now, GEL (20), 10);
  g_assert_cmpint (balance (shop.store, nino), ==, 70);
  g_assert_cmpint (crm_store_get_purchase_points (shop.store, second, &spent), ==, 10);
  g_assert_cmpint (spent, ==, 10);

  /* Raising the spending past the balance is refused and changes nothing. */
  {
    CrmPurchaseFields greedy = { 0, now, GEL (200), 81, "bread" };

    g_assert_false (crm_store_update_purchase (shop.store, second, &greedy, &error));
    g_assert_error (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_NOT_ENOUGH);
    g_clear_error (&error);
    g_clear_pointer (&purchase, crm_purchase_free);
    purchase = crm_store_get_purchase (shop.store, second);
    g_assert_cmpint (purchase->amount + purchase->discount, ==, GEL (20));
    g_assert_cmpint (balance (shop.store, nino), ==, 70);
  }

  /* A coffee for 30: 40. */
  g_assert_cmpint (crm_store_redeem_reward (shop.store, nino, coffee, 0, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (balance (shop.store, nino), ==, 40);

  /* Deleting the second gives its 10 points back and takes its 10 back:
   * still 40. Deleting the first would take 70 of 40: it stops at 0. */
  g_assert_true (crm_store_delete_timeline_entry (shop.store, CRM_TIMELINE_PURCHASE, second, &error));
  g_assert_cmpint (balance (shop.store, nino), ==, 40);
  g_assert_true (crm_store_delete_timeline_entry (shop.store, CRM_TIMELINE_PURCHASE, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (balance (shop.store, nino), ==, 0);
  /* Nothing is left linked to the deleted purchases, nothing was erased:
   * 1 earning, 2 for the second purchase, 1 + 2 corrections, 1 reward,
   * 2 + 1 for the deletions. */
  g_assert_cmpint (query_int (shop.store, "SELECT count (*) FROM loyalty_ledger WHERE purchase_id IS NOT NULL"),
                   ==, 0);
  g_assert_cmpint (query_int (shop.store, "SELECT count (*) FROM loyalty_ledger"), ==, 10);

  shop_fixture_close (&shop);
}

/* Earning counts what was paid after the discount, and the revenue the
 * segments see is what was paid too. */
static void
test_ledger_discount (void)
{
  ShopFixture shop;
  gint64 ani, id;
  gint64 now = local (2026, 11, 2, 12);

  shop_fixture_open (&shop, now);
  turn_on (shop.store, NULL);
  ani = customer (shop.store, "Ani");
  g_assert_cmpint (crm_store_adjust_points (shop.store, ani, 40, "opening balance", NULL), >, 0);

  /* 100 ₾ with 40 points off: 60 ₾ paid, 60 points earned. */
  id = buy (shop.store, ani, now, GEL (100), 40);
  g_assert_cmpint (crm_store_get_purchase_points (shop.store, id, NULL), ==, 60);
  g_assert_cmpint (balance (shop.store, ani), ==, 60);
  g_assert_cmpint (query_int (shop.store, "SELECT spend FROM customer_stats"), ==, GEL (60));

  shop_fixture_close (&shop);
}

static void
test_ledger_adjust (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  CrmLedgerEntry *entry;
  ShopFixture shop;
  gint64 lilit, mariam;

  shop_fixture_open (&shop, local (2026, 11, 2, 12));
  lilit = customer (shop.store, "Լիլիթ");
  mariam = crm_store_add_staff (shop.store, "Mariam", "ka", &error);
  g_assert_no_error (error);
  crm_store_set_acting_staff (shop.store, mariam);

  /* A reason is required; zero and a billion and one are refused. */
  g_assert_cmpint (crm_store_adjust_points (shop.store, lilit, 10, "   ", &error), ==, 0);
  g_assert_error (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (crm_store_adjust_points (shop.store, lilit, 0, "nothing", &error), ==, 0);
  g_assert_error (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (crm_store_adjust_points (shop.store, lilit, CRM_LOYALTY_MAX_POINTS + 1, "a lot", &error), ==, 0);
  g_assert_error (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (crm_store_adjust_points (shop.store, lilit, 25, " Birthday gift ", &error), >, 0);
  g_assert_no_error (error);

  /* Taking away more than there is: refused, the balance as it was. */
  g_assert_cmpint (crm_store_adjust_points (shop.store, lilit, -26, "mistake", &error), ==, 0);
  g_assert_error (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_NOT_ENOUGH);
  g_assert_nonnull (strstr (error->message, "25"));
  g_clear_error (&error);
  g_assert_cmpint (crm_store_adjust_points (shop.store, lilit, -5, "typed twice", &error), >, 0);
  g_assert_cmpint (balance (shop.store, lilit), ==, 20);

  /* Who and why, newest first. */
  entries = crm_store_list_ledger (shop.store, lilit, 10);
  g_assert_cmpuint (entries->len, ==, 2);
  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpint (entry->kind, ==, CRM_LEDGER_ADJUST);
  g_assert_cmpint (entry->points, ==, 25);
  g_assert_cmpstr (entry->reason, ==, "Birthday gift");
  g_assert_cmpstr (entry->staff, ==, "Mariam");
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpint (entry->points, ==, -5);

  /* An unknown customer is refused. */
  g_assert_cmpint (crm_store_adjust_points (shop.store, lilit + 100, 5, "ghost", &error), ==, 0);
  g_assert_nonnull (error);

  shop_fixture_close (&shop);
}

static void
test_ledger_off (void)
{
  g_autoptr(GError) error = NULL;
  ShopFixture shop;
  gint64 gor, reward, id;
  gint64 now = local (2026, 11, 2, 12);
  CrmPurchaseFields spending = { 0, now, GEL (50), 5, "bread" };

  shop_fixture_open (&shop, now);
  gor = customer (shop.store, "Gor");
  reward = crm_store_add_reward (shop.store, "Cake", 10, NULL);
  g_assert_cmpint (crm_store_adjust_points (shop.store, gor, 20, "moved from the old card", NULL), >, 0);

  /* Off: nothing earned, nothing spent. */
  id = buy (shop.store, gor, now, GEL (50), 0);
  g_assert_cmpint (balance (shop.store, gor), ==, 20);
  spending.customer_id = gor;
  g_assert_cmpint (crm_store_record_purchase (shop.store, &spending, &error), ==, 0);
  g_assert_error (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_OFF);
  g_clear_error (&error);
  g_assert_cmpint (crm_store_redeem_reward (shop.store, gor, reward, 0, &error), ==, 0);
  g_assert_error (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_OFF);
  g_clear_error (&error);

  /* Turned on, a purchase made while it was off still earns nothing. */
  turn_on (shop.store, NULL);
  edit (shop.store, id, now, GEL (60), 0);
  g_assert_cmpint (balance (shop.store, gor), ==, 20);
  buy (shop.store, gor, now, GEL (10), 0);
  g_assert_cmpint (balance (shop.store, gor), ==, 30);

  /* A reward retired is no longer sold. */
  g_assert_true (crm_store_update_reward (shop.store, reward, "Cake", 10, FALSE, NULL));
  g_assert_cmpint (crm_store_redeem_reward (shop.store, gor, reward, 0, &error), ==, 0);
  g_assert_error (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_INVALID);

  shop_fixture_close (&shop);
}

static void
with_tiers (CrmLoyaltySettings *s)
{
  s->tiers = TRUE;
}

static void
test_tiers (void)
{
  g_autoptr(GError) error = NULL;
  CrmLoyaltyStatus status;
  ShopFixture shop;
  gint64 now = local (2026, 11, 2, 12);
  gint64 sona, arsen, silver;

  shop_fixture_open (&shop, now);
  turn_on (shop.store, with_tiers);
  g_assert_cmpint (crm_store_add_tier (shop.store, "Bronze", 0, 100, &error), >, 0);
  silver = crm_store_add_tier (shop.store, "Silver", GEL (500), 150, &error);
  g_assert_cmpint (crm_store_add_tier (shop.store, "Gold", GEL (1000), 200, &error), >, 0);
  g_assert_no_error (error);
  sona = customer (shop.store, "Sona");
  arsen = customer (shop.store, "Arsen");

  /* 400 ₾ in Bronze: 400. Then 200 ₾, still Bronze (400 before it): 200. */
  buy (shop.store, sona, now - 30 * DAY, GEL (400), 0);
  buy (shop.store, sona, now - 20 * DAY, GEL (200), 0);
  g_assert_cmpint (balance (shop.store, sona), ==, 600);

  /* 600 ₾ before it: Silver, 100 ₾ earns 150. */
  buy (shop.store, sona, now - 10 * DAY, GEL (100), 0);
  g_assert_cmpint (balance (shop.store, sona), ==, 750);

  g_assert_true (crm_loyalty_get_status (shop.store, sona, &status, &error));
  g_assert_cmpstr (status.tier->name, ==, "Silver");
  g_assert_cmpstr (status.next_tier->name, ==, "Gold");
  g_assert_cmpint (status.spend, ==, GEL (700));
  g_assert_cmpint (status.to_next, ==, GEL (300));
  g_assert_cmpint (status.balance, ==, 750);
  crm_loyalty_status_clear (&status);

  /* Each purchase looks back 12 months from itself. Arsen's 5 000 ₾ a
   * year and a second ago earns in Bronze (5 000); 499.99 ₾ exactly a
   * year ago still sees it: Gold, 999 (999.98 down). */
  buy (shop.store, arsen, crm_loyalty_months_before (now, 12) - 1, GEL (5000), 0);
  buy (shop.store, arsen, crm_loyalty_months_before (now, 12), GEL (49999) / 100, 0);
  g_assert_cmpint (balance (shop.store, arsen), ==, 5000 + 999);

  /* Today the 5 000 ₾ is a second too old and the 499.99 ₾ just in:
   * Bronze, a tetri short of Silver. */
  g_assert_true (crm_loyalty_get_status (shop.store, arsen, &status, &error));
  g_assert_cmpint (status.spend, ==, GEL (49999) / 100);
  g_assert_cmpstr (status.tier->name, ==, "Bronze");
  g_assert_cmpstr (status.next_tier->name, ==, "Silver");
  g_assert_cmpint (status.to_next, ==, 1);
  crm_loyalty_status_clear (&status);

  /* That tetri is bought now, in Bronze (0 points); 10 ₾ the same second,
   * entered after it, sees exactly 500 ₾: Silver, 15. */
  buy (shop.store, arsen, now, 1, 0);
  buy (shop.store, arsen, now, GEL (10), 0);
  g_assert_cmpint (balance (shop.store, arsen), ==, 5000 + 999 + 0 + 15);

  /* Silver's rate goes to 300 %: the next purchase earns 30 per 10 ₾,
   * what was earned before stays. */
  g_assert_true (crm_store_update_tier (shop.store, silver, "Silver", GEL (500), 300, &error));
  g_assert_no_error (error);
  buy (shop.store, sona, now - 5 * DAY, GEL (10), 0);
  g_assert_cmpint (balance (shop.store, sona), ==, 750 + 30);

  /* Two tiers cannot start at one spend; a tier needs a name and a rate. */
  g_assert_cmpint (crm_store_add_tier (shop.store, "Platinum", GEL (1000), 250, &error), ==, 0);
  g_assert_error (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (crm_store_add_tier (shop.store, " ", GEL (2000), 250, &error), ==, 0);
  g_clear_error (&error);
  g_assert_cmpint (crm_store_add_tier (shop.store, "Zero", GEL (2000), 0, &error), ==, 0);
  g_clear_error (&error);
  g_assert_cmpint (crm_store_add_tier (shop.store, "Below", -1, 100, &error), ==, 0);
  g_clear_error (&error);

  /* Without Silver, Sona (710 ₾ this year) is back in Bronze. */
  g_assert_true (crm_store_delete_tier (shop.store, silver, &error));
  g_assert_true (crm_loyalty_get_status (shop.store, sona, &status, &error));
  g_assert_cmpstr (status.tier->name, ==, "Bronze");
  g_assert_cmpstr (status.next_tier->name, ==, "Gold");
  crm_loyalty_status_clear (&status);

  /* The customer CSV says the same: points and tier at the end. */
  {
    g_autofree char *path = g_build_filename (shop.dir, "customers.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *contents = NULL;

    g_assert_true (crm_export_customers_csv (shop.store, file, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, ",notes,points,tier,language,"));
    g_assert_nonnull (strstr (contents, ",780,Bronze,"));
    g_assert_nonnull (strstr (contents, ",6014,Bronze,"));
  }

  shop_fixture_close (&shop);
}

static void
doubled_for_key (CrmLoyaltySettings *s)
{
  s->key_multiplier = 200;
}

static void
test_multiplier (void)
{
  ShopFixture shop;
  gint64 now = local (2026, 11, 2, 12);
  CrmCustomerFields key = { .name = "Tamar", .segment_override = "key" };
  CrmCustomerFields secondary = { .name = "Levon", .segment_override = "secondary" };
  gint64 tamar, levon;

  shop_fixture_open (&shop, now);
  turn_on (shop.store, doubled_for_key);
  tamar = crm_store_add_customer (shop.store, &key, NULL);
  levon = crm_store_add_customer (shop.store, &secondary, NULL);

  buy (shop.store, tamar, now, GEL (10), 0);
  buy (shop.store, levon, now, GEL (10), 0);
  g_assert_cmpint (balance (shop.store, tamar), ==, 20);
  g_assert_cmpint (balance (shop.store, levon), ==, 10);

  shop_fixture_close (&shop);
}

static void
six_months (CrmLoyaltySettings *s)
{
  s->expiry_months = 6;
  s->expiry_notice_days = 14;
}

static void
test_expiry (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lapsing = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  CrmPointsLapse *lapse;
  CrmLedgerEntry *entry;
  ShopFixture shop;
  gint64 irma, anna, reward;
  guint n = 99;

  shop_fixture_open (&shop, local (2026, 1, 10, 12));
  turn_on (shop.store, six_months);
  reward = crm_store_add_reward (shop.store, "Tea", 5, NULL);
  irma = customer (shop.store, "Irma");
  anna = customer (shop.store, "Anna");
  buy (shop.store, irma, local (2026, 1, 10, 12), GEL (50), 0);
  buy (shop.store, anna, local (2026, 1, 10, 12), GEL (30), 0);
  /* Anna comes in for a tea in May: her clock starts again. */
  shop.now = local (2026, 5, 2, 12);
  g_assert_cmpint (crm_store_redeem_reward (shop.store, anna, reward, 0, &error), >, 0);

  /* Ten days before: Irma's 50 points lapse on 10 July at noon. */
  shop.now = local (2026, 6, 30, 12);
  lapsing = crm_loyalty_list_lapsing (shop.store, 10);
  g_assert_cmpuint (lapsing->len, ==, 1);
  lapse = g_ptr_array_index (lapsing, 0);
  g_assert_cmpint (lapse->customer_id, ==, irma);
  g_assert_cmpstr (lapse->name, ==, "Irma");
  g_assert_cmpint (lapse->points, ==, 50);
  g_assert_cmpint (lapse->lapse_at, ==, local (2026, 7, 10, 12));

  /* A second before, nothing lapses; at noon, all 50, dated then. */
  shop.now = local (2026, 7, 10, 12) - 1;
  g_assert_true (crm_loyalty_run_expiry (shop.store, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (balance (shop.store, irma), ==, 50);
  shop.now = local (2026, 7, 12, 9);
  g_assert_true (crm_loyalty_run_expiry (shop.store, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (balance (shop.store, irma), ==, 0);
  g_assert_cmpint (balance (shop.store, anna), ==, 25);
  entries = crm_store_list_ledger (shop.store, irma, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpint (entry->kind, ==, CRM_LEDGER_EXPIRY);
  g_assert_cmpint (entry->points, ==, -50);
  g_assert_cmpint (entry->at, ==, local (2026, 7, 10, 12));
  g_assert_null (entry->staff);

  /* Again, the same day or a month later: nothing more, never below 0. */
  g_assert_true (crm_loyalty_run_expiry (shop.store, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  shop.now = local (2026, 8, 12, 9);
  g_assert_true (crm_loyalty_run_expiry (shop.store, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (balance (shop.store, irma), ==, 0);

  /* Anna's lapse on 2 November; by then she is in the list; after, 0. */
  shop.now = local (2026, 10, 25, 9);
  g_clear_pointer (&lapsing, g_ptr_array_unref);
  lapsing = crm_loyalty_list_lapsing (shop.store, 10);
  g_assert_cmpuint (lapsing->len, ==, 1);
  g_assert_cmpint (((CrmPointsLapse *) g_ptr_array_index (lapsing, 0))->customer_id, ==, anna);
  shop.now = local (2026, 11, 3, 9);
  g_assert_true (crm_loyalty_run_expiry (shop.store, &n, &error));
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (balance (shop.store, anna), ==, 0);

  /* A new purchase earns afresh. */
  buy (shop.store, irma, shop.now, GEL (7), 0);
  g_assert_cmpint (balance (shop.store, irma), ==, 7);

  shop_fixture_close (&shop);
}

/* Two counters, one shop: each has its own connection and spends the
 * same points as fast as it can. */
typedef struct
{
  const char *dir;
  gint64      customer_id;
  gint64      reward_id;
  guint       redeemed;
} Counter;

static gpointer
counter_thread (gpointer data)
{
  Counter *counter = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = shop_store_open (counter->dir, &error);

  g_assert_no_error (error);
  for (;;)
    {
      g_autoptr(GError) spend_error = NULL;

      if (crm_store_redeem_reward (store, counter->customer_id, counter->reward_id, 0, &spend_error) == 0)
        {
          g_assert_error (spend_error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_NOT_ENOUGH);
          break;
        }
      counter->redeemed++;
    }

  return NULL;
}

static void
test_concurrent (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) other = NULL;
  Counter counters[2];
  GThread *threads[2];
  ShopFixture shop;
  gint64 david, reward;

  shop_fixture_open (&shop, local (2026, 11, 2, 12));
  turn_on (shop.store, NULL);
  david = customer (shop.store, "David");
  reward = crm_store_add_reward (shop.store, "Croissant", 7, NULL);
  g_assert_cmpint (crm_store_adjust_points (shop.store, david, 1000, "start", NULL), >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (counters); i++)
    {
      counters[i] = (Counter) { shop.dir, david, reward, 0 };
      threads[i] = g_thread_new ("counter", counter_thread, &counters[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);

  /* 1000 points buy 142 croissants between them, not one more. */
  g_assert_cmpuint (counters[0].redeemed + counters[1].redeemed, ==, 1000 / 7);
  g_assert_cmpint (balance (shop.store, david), ==, 1000 % 7);

  /* One connection holds the write lock with a redemption not yet
   * committed; the other, trying meanwhile, waits and then sees it. */
  g_assert_cmpint (crm_store_adjust_points (shop.store, david, 8 - 1000 % 7, "top up", NULL), >, 0);
  other = shop_store_open (shop.dir, &error);
  g_assert_no_error (error);
  g_assert_true (crm_store_begin (other, &error));
  g_assert_cmpint (crm_store_redeem_reward (other, david, reward, 0, &error), >, 0);
  counters[0] = (Counter) { shop.dir, david, reward, 0 };
  threads[0] = g_thread_new ("counter", counter_thread, &counters[0]);
  g_usleep (G_USEC_PER_SEC / 10);
  g_assert_true (crm_store_commit (other, &error));
  g_thread_join (threads[0]);
  g_assert_cmpuint (counters[0].redeemed, ==, 0);
  g_assert_cmpint (balance (shop.store, david), ==, 1);

  shop_fixture_close (&shop);
}

static void
expire_in_six (CrmLoyaltySettings *s)
{
  s->expiry_months = 6;
}

/* November 2026, worked by hand (docs/loyalty.md repeats it):
 *   A: 5 Oct 100 ₾ (+100); 3 Nov 50 ₾ (+50, a member's); 10 Nov a
 *      reward for 30; 20 Nov 20 ₾ (+20, a member's, after a reward).
 *   B: 5 Nov 80 ₾ (+80, the first: not yet a member's); 6 Nov a 60 ₾
 *      bill with 40 points off, 20 ₾ paid (+20, a member's); no later
 *      purchase.
 *   C: 1 Oct +10 by hand; 15 Nov 30 ₾ (+30, a member's).
 *   D: 12 May 40 ₾ (+40), lapsing after 6 months on 12 Nov.
 * Issued 50 + 20 + 80 + 20 + 30 = 200, spent 30 + 40 = 70, expired 40.
 * Outstanding on 1 Nov: 100 + 10 + 40 = 150; on 1 Dec 150 + 200 - 70 -
 * 40 = 240 (A 140, B 60, C 40, D 0). Revenue 50 + 20 + 80 + 20 + 30 =
 * 200, of it members' 50 + 20 + 20 + 30 = 120: 60 %. Two spent points
 * (A, B), one came back (A): 50 %. */
static void
test_figures (void)
{
  g_autoptr(GError) error = NULL;
  CrmLoyaltyFigures figures;
  ShopFixture shop;
  gint64 a, b, c, d, reward;

  shop_fixture_open (&shop, local (2026, 10, 1, 10));
  turn_on (shop.store, expire_in_six);
  reward = crm_store_add_reward (shop.store, "Bread basket", 30, NULL);
  a = customer (shop.store, "A");
  b = customer (shop.store, "B");
  c = customer (shop.store, "C");
  d = customer (shop.store, "D");

  g_assert_cmpint (crm_store_adjust_points (shop.store, c, 10, "welcome", NULL), >, 0);
  buy (shop.store, d, local (2026, 5, 12, 10), GEL (40), 0);
  buy (shop.store, a, local (2026, 10, 5, 10), GEL (100), 0);
  buy (shop.store, a, local (2026, 11, 3, 10), GEL (50), 0);
  g_assert_cmpint (crm_store_redeem_reward (shop.store, a, reward, local (2026, 11, 10, 10), NULL), >, 0);
  buy (shop.store, a, local (2026, 11, 20, 10), GEL (20), 0);
  buy (shop.store, b, local (2026, 11, 5, 10), GEL (80), 0);
  buy (shop.store, b, local (2026, 11, 6, 10), GEL (60), 40);
  buy (shop.store, c, local (2026, 11, 15, 10), GEL (30), 0);
  shop.now = local (2026, 11, 30, 10);
  g_assert_true (crm_loyalty_run_expiry (shop.store, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (crm_loyalty_compute_figures (shop.store, local (2026, 11, 1, 0), local (2026, 12, 1, 0),
                                              &figures, &error));
  g_assert_no_error (error);
  g_assert_cmpint (figures.issued, ==, 200);
  g_assert_cmpint (figures.spent, ==, 70);
  g_assert_cmpint (figures.expired, ==, 40);
  g_assert_cmpint (figures.outstanding_before, ==, 150);
  g_assert_cmpint (figures.outstanding, ==, 240);
  g_assert_cmpint (figures.outstanding, ==,
                   figures.outstanding_before + figures.issued - figures.spent - figures.expired);
  g_assert_cmpint (figures.outstanding, ==,
                   balance (shop.store, a) + balance (shop.store, b) + balance (shop.store, c) +
                   balance (shop.store, d));
  g_assert_cmpint (figures.revenue, ==, GEL (200));
  g_assert_cmpint (figures.member_revenue, ==, GEL (120));
  g_assert_cmpfloat_with_epsilon (figures.member_share, 0.6, 1e-9);
  g_assert_cmpuint (figures.redeemers, ==, 2);
  g_assert_cmpuint (figures.returned, ==, 1);
  g_assert_cmpfloat_with_epsilon (figures.return_rate, 0.5, 1e-9);

  /* October: A's 100 and C's 10 issued; nothing spent; 150 outstanding. */
  g_assert_true (crm_loyalty_compute_figures (shop.store, local (2026, 10, 1, 0), local (2026, 11, 1, 0),
                                              &figures, &error));
  g_assert_cmpint (figures.issued, ==, 110);
  g_assert_cmpint (figures.spent, ==, 0);
  g_assert_cmpint (figures.outstanding, ==, 150);
  g_assert_cmpuint (figures.redeemers, ==, 0);
  g_assert_cmpfloat (figures.return_rate, <, 0);

  shop_fixture_close (&shop);
}

static void
test_reward_line (void)
{
  ShopFixture shop;
  gint64 mane;
  char *line;

  shop_fixture_open (&shop, local (2026, 11, 2, 12));
  mane = customer (shop.store, "Mane");
  g_assert_cmpint (crm_store_adjust_points (shop.store, mane, 120, "moved from the old card", NULL), >, 0);
  crm_store_add_reward (shop.store, "Free coffee", 100, NULL);
  crm_store_add_reward (shop.store, "Birthday cake", 300, NULL);

  /* Off: nothing to say. */
  g_assert_null (crm_loyalty_dup_reward_line (shop.store, mane));

  turn_on (shop.store, NULL);
  line = crm_loyalty_dup_reward_line (shop.store, mane);
  g_assert_cmpstr (line, ==, "120 points: enough for “Free coffee”");
  g_free (line);

  /* With 350 the dearest reward in reach is named. */
  crm_store_adjust_points (shop.store, mane, 230, "gift", NULL);
  line = crm_loyalty_dup_reward_line (shop.store, mane);
  g_assert_cmpstr (line, ==, "350 points: enough for “Birthday cake”");
  g_free (line);

  /* Below every reward: nothing. */
  crm_store_adjust_points (shop.store, mane, -300, "gift undone", NULL);
  g_assert_null (crm_loyalty_dup_reward_line (shop.store, mane));

  shop_fixture_close (&shop);
}

/* Amounts and numbers nobody should be able to enter. */
static void
test_hostile (void)
{
  ShopFixture shop;
  gint64 now = local (2026, 11, 2, 12);
  gint64 vardan;
  const struct { gint64 bill; gint64 points; } purchases[] = {
    { G_GINT64_CONSTANT (100000000001), 0 },
    { G_MININT64, 0 },
    { G_MAXINT64, 0 },
    { 0, 0 },
    { GEL (10), -1 },
    { GEL (10), G_MAXINT64 },
    { -GEL (10), 5 },
  };

  shop_fixture_open (&shop, now);
  turn_on (shop.store, NULL);
  vardan = customer (shop.store, "Vardan");
  crm_store_adjust_points (shop.store, vardan, 50, "start", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (purchases); i++)
    {
      g_autoptr(GError) error = NULL;
      CrmPurchaseFields fields = { vardan, now, purchases[i].bill, purchases[i].points, "" };

      g_assert_cmpint (crm_store_record_purchase (shop.store, &fields, &error), ==, 0);
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, !=, "");
    }
  g_assert_cmpint (query_int (shop.store, "SELECT count (*) FROM purchases"), ==, 0);
  g_assert_cmpint (balance (shop.store, vardan), ==, 50);

  {
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (crm_store_add_reward (shop.store, "Free", 0, &error), ==, 0);
    g_assert_error (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (crm_store_add_reward (shop.store, "Owed", -5, &error), ==, 0);
    g_clear_error (&error);
    g_assert_cmpint (crm_store_add_reward (shop.store, "Moon", G_MAXINT64, &error), ==, 0);
    g_clear_error (&error);
    g_assert_cmpint (crm_store_add_reward (shop.store, "", 5, &error), ==, 0);
    g_assert_nonnull (error);
    g_clear_error (&error);
    g_assert_cmpint (crm_store_adjust_points (shop.store, vardan, G_MININT64, "all", &error), ==, 0);
    g_assert_error (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_INVALID);
  }
  g_assert_cmpint (query_int (shop.store, "SELECT count (*) FROM rewards"), ==, 0);
  g_assert_cmpint (balance (shop.store, vardan), ==, 50);

  shop_fixture_close (&shop);
}

/* A shop from schema 2, with the ledger as it was reserved then. */
static void
test_migration (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("clientele-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, CRM_STORE_FILE_NAME, NULL);
  g_autofree char *kinds = NULL;
  g_autoptr(CrmStore) store = NULL;
  const CrmMigration *steps;
  gsize n_steps;
  CrmStore *old;

  steps = crm_store_get_migrations (&n_steps);
  old = crm_store_open_unchecked (path, &error);
  g_assert_no_error (error);
  g_assert_true (crm_store_exec (old, "PRAGMA application_id = 1129074260", &error));
  g_assert_true (crm_store_run_migrations (old, steps, 2, &error));
  g_assert_true (crm_store_exec (old,
                                 "INSERT INTO customers (name, created_at, updated_at) VALUES ('Nare', 1, 1);"
                                 "INSERT INTO purchases (customer_id, at, amount, created_at) VALUES (1, 5, 900, 5);"
                                 "INSERT INTO rewards (name, points_cost) VALUES ('Tea', 4);"
                                 "INSERT INTO loyalty_ledger (customer_id, at, points, purchase_id) VALUES (1, 5, 9, 1);"
                                 "INSERT INTO loyalty_ledger (customer_id, at, points, reward_id) VALUES (1, 6, -4, 1);"
                                 "INSERT INTO loyalty_ledger (customer_id, at, points, reason) VALUES (1, 7, 2, 'x');",
                                 &error));
  g_assert_no_error (error);
  g_clear_object (&old);

  store = crm_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_get_schema_version (store), ==, CRM_STORE_SCHEMA_VERSION);
  kinds = query_text (store, "SELECT string_agg (kind, ',') FROM (SELECT kind FROM loyalty_ledger ORDER BY id) AS k");
  g_assert_cmpstr (kinds, ==, "earn,reward,adjust");
  g_assert_cmpint (crm_store_get_points_balance (store, 1), ==, 7);
  g_assert_cmpint (query_int (store, "SELECT discount + earns FROM purchases"), ==, 0);

  g_clear_object (&store);
  remove_tree (dir);
}

/* The sample shop runs the programme: rewards, three tiers, a year of
 * earnings with some spending, rewards, adjustments and expiry, and no
 * customer's running balance ever below zero. */
static void
test_demo (void)
{
  g_autoptr(GError) error = NULL;
  CrmLoyaltyFigures figures;
  CrmLoyaltySettings settings;
  ShopFixture shop;
  gint64 now = local (2026, 11, 2, 12);

  shop_fixture_open (&shop, now);
  g_assert_true (crm_demo_fill (shop.store, CRM_DEMO_CUSTOMERS, 2026, &error));
  g_assert_no_error (error);

  crm_loyalty_settings_load (shop.store, &settings);
  g_assert_true (settings.enabled);
  g_assert_true (settings.tiers);
  g_assert_cmpuint (settings.expiry_months, >, 0);
  g_assert_cmpint (query_int (shop.store, "SELECT count (*) FROM loyalty_tiers"), ==, 3);
  g_assert_cmpint (query_int (shop.store, "SELECT count (*) FROM rewards WHERE active = 1"), >=, 3);

  /* Every kind of entry; each discount is its points at their value. */
  for (CrmLedgerKind kind = CRM_LEDGER_EARN; kind <= CRM_LEDGER_EXPIRY; kind++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM loyalty_ledger WHERE kind = '%s'",
                                              crm_ledger_kind_to_string (kind));

      g_test_message ("%s", crm_ledger_kind_to_string (kind));
      g_assert_cmpint (query_int (shop.store, sql), >, 0);
    }
  g_assert_cmpint (query_int (shop.store,
                              "SELECT count (*) FROM purchases p WHERE discount > 0 AND NOT EXISTS "
                              "(SELECT 1 FROM loyalty_ledger l WHERE l.purchase_id = p.id AND l.kind = 'spend' "
                              "   AND -l.points * (SELECT CAST (value AS INTEGER) FROM settings "
                              "                    WHERE key = 'loyalty.point_value') = p.discount)"),
                   ==, 0);
  g_assert_cmpint (query_int (shop.store,
                              "SELECT min (r) FROM (SELECT sum (points) OVER (PARTITION BY customer_id "
                              "  ORDER BY at, id) AS r FROM loyalty_ledger) AS running"),
                   >=, 0);
  g_assert_cmpint (query_int (shop.store, "SELECT max (at) FROM loyalty_ledger"), <=, now);

  /* The year's figures add up to what the ledger holds now. */
  g_assert_true (crm_loyalty_compute_figures (shop.store, now - 400 * DAY, now + 1, &figures, &error));
  g_assert_cmpint (figures.issued, >, figures.spent + figures.expired);
  g_assert_cmpint (figures.spent, >, 0);
  g_assert_cmpint (figures.expired, >, 0);
  g_assert_cmpint (figures.outstanding, ==,
                   figures.outstanding_before + figures.issued - figures.spent - figures.expired);
  g_assert_cmpint (figures.outstanding, ==, query_int (shop.store, "SELECT sum (points) FROM loyalty_ledger"));
  g_assert_cmpuint (figures.returned, >, 0);

  shop_fixture_close (&shop);
}

/* The ledger goes through the archive and comes back the same, every
 * balance and every link; an archive that would overdraw is refused. */
static void
test_archive (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CrmStore) copy = NULL;
  g_autofree char *copy_dir = g_dir_make_tmp ("clientele-test-XXXXXX", NULL);
  CrmArchiveCounts counts;
  CrmLoyaltySettings settings;
  ShopFixture shop;
  gint64 now = local (2026, 11, 2, 12);
  gint64 zara, coffee, bought;
  static const char *const bad[] = {
    /* Spends points nobody earned. */
    "{\"format\": \"clientele\", \"version\": 1, \"currency\": \"GEL\", "
    "\"customers\": [{\"ref\": \"c1\", \"name\": \"Zara\"}], "
    "\"loyalty\": [{\"customer\": \"c1\", \"at\": \"2026-11-01T10:00:00+04:00\", "
    "\"points\": -5, \"kind\": \"adjust\", \"reason\": \"x\"}]}",
    /* Links to a purchase that is not there. */
    "{\"format\": \"clientele\", \"version\": 1, \"currency\": \"GEL\", "
    "\"customers\": [{\"ref\": \"c1\", \"name\": \"Zara\"}], "
    "\"loyalty\": [{\"customer\": \"c1\", \"at\": \"2026-11-01T10:00:00+04:00\", "
    "\"points\": 5, \"kind\": \"earn\", \"purchase\": \"p9\"}]}",
    /* A kind the ledger does not have. */
    "{\"format\": \"clientele\", \"version\": 1, \"currency\": \"GEL\", "
    "\"customers\": [{\"ref\": \"c1\", \"name\": \"Zara\"}], "
    "\"loyalty\": [{\"customer\": \"c1\", \"at\": \"2026-11-01T10:00:00+04:00\", "
    "\"points\": 5, \"kind\": \"gift\"}]}",
  };

  shop_fixture_open (&shop, now);
  turn_on (shop.store, with_tiers);
  crm_store_add_tier (shop.store, "Silver", GEL (500), 150, NULL);
  coffee = crm_store_add_reward (shop.store, "Free coffee", 30, NULL);
  zara = customer (shop.store, "Zara");
  bought = buy (shop.store, zara, now - 3 * DAY, GEL (80), 0);
  buy (shop.store, zara, now - 2 * DAY, GEL (40), 20);
  crm_store_redeem_reward (shop.store, zara, coffee, 0, NULL);
  crm_store_adjust_points (shop.store, zara, 7, "apology", NULL);
  edit (shop.store, bought, now - 3 * DAY, GEL (90), 0);
  g_assert_cmpint (balance (shop.store, zara), ==, 80 - 20 + 20 - 30 + 7 + 10);

  bytes = crm_archive_export_bytes (shop.store, &counts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts.rewards, ==, 1);
  g_assert_cmpuint (counts.tiers, ==, 1);
  g_assert_cmpuint (counts.ledger, ==, 6);

  copy = crm_store_open (copy_dir, &error);
  g_assert_no_error (error);
  g_assert_true (crm_archive_import (copy, bytes, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (balance (copy, 1), ==, balance (shop.store, zara));
  g_assert_cmpint (query_int (copy, "SELECT count (*) FROM loyalty_ledger WHERE purchase_id IS NOT NULL"), ==,
                   query_int (shop.store, "SELECT count (*) FROM loyalty_ledger WHERE purchase_id IS NOT NULL"));
  g_assert_cmpint (crm_store_get_purchase_points (copy, bought, NULL), ==, 90);
  g_assert_cmpint (query_int (copy, "SELECT sum (discount) FROM purchases"), ==, GEL (20));
  crm_loyalty_settings_load (copy, &settings);
  g_assert_true (settings.enabled);
  g_assert_true (settings.tiers);
  g_assert_cmpint (query_int (copy, "SELECT rate FROM loyalty_tiers"), ==, 150);

  /* Nothing earns twice on the way in: a purchase edited in the copy
   * corrects from what the archive said it had earned. */
  edit (copy, bought, now - 3 * DAY, GEL (100), 0);
  g_assert_cmpint (balance (copy, 1), ==, balance (shop.store, zara) + 10);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) text = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_autofree char *dir = g_dir_make_tmp ("clientele-test-XXXXXX", NULL);
      g_autoptr(CrmStore) empty = crm_store_open (dir, NULL);
      g_autoptr(GError) bad_error = NULL;

      g_assert_false (crm_archive_import (empty, text, NULL, &bad_error));
      g_assert_nonnull (bad_error);
      g_test_message ("%s", bad_error->message);
      g_assert_cmpint (query_int (empty, "SELECT count (*) FROM customers"), ==, 0);
      g_clear_object (&empty);
      remove_tree (dir);
    }

  g_clear_object (&copy);
  remove_tree (copy_dir);
  shop_fixture_close (&shop);
}

/* A till's sales earn as purchases typed in at the counter, and the
 * import says how many points. */
static void
test_sales_import (void)
{
  static const char csv[] =
    "date,phone,amount,description\n"
    "2026-10-20 10:00,+995 555 11 22 33,45.50,bread\n"
    "2026-10-21 11:00,+995 555 11 22 33,12.00,coffee\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  g_autoptr(CrmSalesImport) import = NULL;
  g_autofree char *summary = NULL;
  CrmCustomerFields fields = { .name = "Eka", .phone = "+995 555 11 22 33" };
  CrmSalesCounts counts;
  ShopFixture shop;
  gint64 eka;

  shop_fixture_open (&shop, local (2026, 11, 2, 12));
  turn_on (shop.store, NULL);
  eka = crm_store_add_customer (shop.store, &fields, &error);
  g_assert_no_error (error);

  import = crm_sales_import_new (bytes, &error);
  g_assert_no_error (error);
  g_assert_true (crm_sales_import_prepare (import, shop.store, &error));
  g_assert_true (crm_sales_import_apply (import, shop.store, &counts, &error));
  g_assert_no_error (error);

  /* 45.50 ₾ earns 45, 12 ₾ earns 12. */
  g_assert_cmpuint (counts.added, ==, 2);
  g_assert_cmpint (counts.points, ==, 57);
  g_assert_cmpint (balance (shop.store, eka), ==, 57);
  summary = crm_sales_import_dup_summary (import, 5);
  g_assert_nonnull (strstr (summary, "57 loyalty points earned"));

  shop_fixture_close (&shop);
}

/* The customer list filters by tier and sorts by points. */
static void
test_list (void)
{
  g_autoptr(CrmCustomerRows) silver_rows = NULL;
  g_autoptr(CrmCustomerRows) no_tier = NULL;
  g_autoptr(CrmCustomerRows) by_points = NULL;
  CrmCustomerQuery query = { 0 };
  ShopFixture shop;
  gint64 now = local (2026, 11, 2, 12);
  gint64 a, b, c, silver;

  shop_fixture_open (&shop, now);
  turn_on (shop.store, with_tiers);
  silver = crm_store_add_tier (shop.store, "Silver", GEL (500), 150, NULL);
  a = customer (shop.store, "A");
  b = customer (shop.store, "B");
  c = customer (shop.store, "C");
  buy (shop.store, a, now - DAY, GEL (600), 0);
  buy (shop.store, b, now - DAY, GEL (100), 0);
  crm_store_adjust_points (shop.store, c, 300, "moved from the old card", NULL);

  query.now = now;
  query.tier_from = crm_loyalty_months_before (now, 12);
  query.tier_id = silver;
  silver_rows = crm_store_query_customer_rows (shop.store, &query, NULL);
  g_assert_cmpuint (silver_rows->ids->len, ==, 1);
  g_assert_cmpint (g_array_index (silver_rows->ids, gint64, 0), ==, a);

  query.tier_id = -1;
  no_tier = crm_store_query_customer_rows (shop.store, &query, NULL);
  g_assert_cmpuint (no_tier->ids->len, ==, 2);

  /* 600, 300 and 100 points, the most first. */
  query.tier_id = 0;
  query.sort = CRM_CUSTOMER_SORT_POINTS;
  query.descending = TRUE;
  by_points = crm_store_query_customer_rows (shop.store, &query, NULL);
  g_assert_cmpuint (by_points->ids->len, ==, 3);
  g_assert_cmpint (g_array_index (by_points->ids, gint64, 0), ==, a);
  g_assert_cmpint (g_array_index (by_points->ids, gint64, 1), ==, c);
  g_assert_cmpint (g_array_index (by_points->ids, gint64, 2), ==, b);

  shop_fixture_close (&shop);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  shop_fixture_init_engine ();

  g_test_add_func ("/loyalty/rules/points", test_rules_points);
  g_test_add_func ("/loyalty/rules/discount", test_rules_discount);
  g_test_add_func ("/loyalty/rules/parse", test_rules_parse);
  g_test_add_func ("/loyalty/settings", test_settings);
  g_test_add_func ("/loyalty/ledger/purchases", test_ledger_purchases);
  g_test_add_func ("/loyalty/ledger/discount", test_ledger_discount);
  g_test_add_func ("/loyalty/ledger/adjust", test_ledger_adjust);
  g_test_add_func ("/loyalty/ledger/off", test_ledger_off);
  g_test_add_func ("/loyalty/tiers", test_tiers);
  g_test_add_func ("/loyalty/multiplier", test_multiplier);
  g_test_add_func ("/loyalty/expiry", test_expiry);
  g_test_add_func ("/loyalty/concurrent", test_concurrent);
  g_test_add_func ("/loyalty/figures", test_figures);
  g_test_add_func ("/loyalty/reward-line", test_reward_line);
  g_test_add_func ("/loyalty/hostile", test_hostile);
  g_test_add_func ("/loyalty/migration", test_migration);
  g_test_add_func ("/loyalty/demo", test_demo);
  g_test_add_func ("/loyalty/archive", test_archive);
  g_test_add_func ("/loyalty/sales-import", test_sales_import);
  g_test_add_func ("/loyalty/list", test_list);

  return g_test_run ();
}
