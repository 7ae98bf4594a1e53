/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Birthdays and anniversaries: the forms they are written in, the day they
 * fall on (29 February in a year without one, no year, another time
 * zone), and the store's list of them. */

#include "config.h"

#include "crm-store.h"
#include "crm-text.h"
#include "shop-fixture.h"

#define DAY ((gint64) 86400)

static gint64
local_time (int year,
            int month,
            int day,
            int hour)
{
  g_autoptr(GDateTime) when = g_date_time_new_local (year, month, day, hour, 0, 0);

  return g_date_time_to_unix (when);
}

static void
test_day_month_forms (void)
{
  const struct { const char *text; const char *birthday; } cases[] = {
    { "--02-29", "--02-29" }, { "--0229", "--02-29" }, { "29.02", "--02-29" }, { "29/02", "--02-29" },
    { "29.02.", "--02-29" }, { " 1.5 ", "--05-01" }, { "--12-31", "--12-31" },
    /* Hostile or impossible: refused, never guessed. */
    { "32.13", NULL }, { "--13-01", NULL }, { "--02-30", NULL }, { "0.05", NULL }, { "31.04", NULL },
    { "spring", NULL }, { "", NULL }, { "29.02.1975", NULL }, { "--", NULL }, { "--0229x", NULL },
    { "1/2/3", NULL }, { "29-02", NULL }, { "29.02/", NULL }, { "999.99", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = crm_birthday_from_day_month (cases[i].text);

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpstr (got, ==, cases[i].birthday);
    }
}

static void
test_normalise (void)
{
  const struct { const char *text; const char *birthday; } cases[] = {
    { "1990-05-31", "1990-05-31" }, { "31.05.1990", "1990-05-31" }, { "31/05/1990", "1990-05-31" },
    { "29.02", "--02-29" }, { "--0531", "--05-31" }, { "29.02.2000", "2000-02-29" },
    { "29.02.1975", NULL }, { "1899-12-31", NULL }, { "31.05.19x0", NULL }, { "31.05.1990.", NULL },
    { "<b>1.1</b>", NULL }, { "1990-5-31", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = crm_birthday_normalise (cases[i].text);

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpstr (got, ==, cases[i].birthday);
    }
}

static void
test_days_until (void)
{
  g_autoptr(GDate) feb28_2027 = g_date_new_dmy (28, 2, 2027);
  g_autoptr(GDate) mar1_2027 = g_date_new_dmy (1, 3, 2027);
  g_autoptr(GDate) feb28_2028 = g_date_new_dmy (28, 2, 2028);
  g_autoptr(GDate) dec31 = g_date_new_dmy (31, 12, 2026);

  /* 29 February falls on the 28th in 2027, on the 29th in 2028. */
  g_assert_cmpint (crm_birthday_days_until ("--02-29", feb28_2027), ==, 0);
  g_assert_cmpint (crm_birthday_days_until ("2000-02-29", feb28_2027), ==, 0);
  g_assert_cmpint (crm_birthday_days_until ("--02-29", mar1_2027), ==, 365);
  g_assert_cmpint (crm_birthday_days_until ("--02-29", feb28_2028), ==, 1);
  g_assert_cmpint (crm_birthday_days_until ("--02-28", feb28_2028), ==, 0);
  /* Across the new year. */
  g_assert_cmpint (crm_birthday_days_until ("--01-02", dec31), ==, 2);
  g_assert_cmpint (crm_birthday_days_until ("1980-12-31", dec31), ==, 0);
  g_assert_cmpint (crm_birthday_days_until ("31.12", dec31), ==, -1);
  g_assert_cmpint (crm_birthday_days_until (NULL, dec31), ==, -1);
  g_assert_cmpuint (crm_birthday_day_in_year (2, 29, 2100), ==, 28);
  g_assert_cmpuint (crm_birthday_day_in_year (2, 29, 2000), ==, 29);
}

static void
test_format (void)
{
  g_autofree char *en = crm_birthday_format ("--05-31", "en");
  g_autofree char *en_year = crm_birthday_format ("1990-05-31", "en");
  g_autofree char *ka = crm_birthday_format ("--05-31", "ka");
  g_autofree char *hy = crm_birthday_format ("1990-05-31", "hy");
  g_autofree char *bad = crm_birthday_format ("nonsense", "en");

  g_assert_cmpstr (en, ==, "31 May");
  g_assert_cmpstr (en_year, ==, "31 May 1990");
  g_assert_cmpstr (ka, ==, "31 მაი.");
  g_assert_cmpstr (hy, ==, "31 մյս, 1990 թ.");
  g_assert_cmpstr (bad, ==, "");
}

static gint64
add_with_birthday (CrmStore   *store,
                   const char *name,
                   const char *birthday)
{
  g_autoptr(GError) error = NULL;
  CrmCustomerFields fields = { .name = name, .birthday = birthday };
  gint64 id = crm_store_add_customer (store, &fields, &error);

  g_assert_no_error (error);
  return id;
}

static void
assert_event (GPtrArray   *events,
              guint        i,
              const char  *name,
              CrmDateKind  kind,
              guint        days,
              guint        years)
{
  CrmDateEvent *event;

  g_assert_cmpuint (i, <, events->len);
  event = g_ptr_array_index (events, i);
  g_assert_cmpstr (event->name, ==, name);
  g_assert_cmpint (event->kind, ==, kind);
  g_assert_cmpuint (event->days, ==, days);
  g_assert_cmpuint (event->years, ==, years);
}

static void
test_store_birthdays (void)
{
  ShopFixture shop;
  g_autoptr(GPtrArray) today = NULL;
  g_autoptr(GPtrArray) soon = NULL;
  g_autoptr(GPtrArray) leap = NULL;
  g_autoptr(CrmCustomer) nino = NULL;
  gint64 id;

  /* Noon on 28 February 2027, a year without a 29th. */
  shop_fixture_open (&shop, local_time (2027, 2, 28, 12));
  id = add_with_birthday (shop.store, "Nino", "29.02");
  add_with_birthday (shop.store, "Aram", "1990-02-28");
  add_with_birthday (shop.store, "Ani", "--03-02");
  add_with_birthday (shop.store, "Davit", "1985-06-01");
  add_with_birthday (shop.store, "Lela", NULL);

  nino = crm_store_get_customer (shop.store, id);
  g_assert_cmpstr (crm_customer_get_birthday (nino), ==, "--02-29");
  g_assert_cmpint (query_int (shop.store, "SELECT count (*) FROM customers WHERE birthday IS NULL "
                                          "AND birthday_md = '02-29'"), ==, 1);

  today = crm_store_list_dates (shop.store, 0, FALSE);
  g_assert_cmpuint (today->len, ==, 2);
  assert_event (today, 0, "Nino", CRM_DATE_BIRTHDAY, 0, 0);
  assert_event (today, 1, "Aram", CRM_DATE_BIRTHDAY, 0, 37);

  soon = crm_store_list_dates (shop.store, 3, FALSE);
  g_assert_cmpuint (soon->len, ==, 3);
  assert_event (soon, 2, "Ani", CRM_DATE_BIRTHDAY, 2, 0);

  /* A year later, 2028 has a 29th: Nino's day is tomorrow. */
  shop.now = local_time (2028, 2, 28, 12);
  leap = crm_store_list_dates (shop.store, 1, FALSE);
  g_assert_cmpuint (leap->len, ==, 2);
  assert_event (leap, 0, "Aram", CRM_DATE_BIRTHDAY, 0, 38);
  assert_event (leap, 1, "Nino", CRM_DATE_BIRTHDAY, 1, 0);

  /* Archived customers are not reminded of. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) after = NULL;

    crm_store_set_customer_archived (shop.store, id, TRUE, &error);
    g_assert_no_error (error);
    after = crm_store_list_dates (shop.store, 1, FALSE);
    g_assert_cmpuint (after->len, ==, 1);
  }

  shop_fixture_close (&shop);
}

/* The day is the shop's local day: 23:30 UTC on 30 May is already 31 May
 * in Tbilisi (UTC+4), still 30 May in New York. */
static void
test_store_time_zone (void)
{
  ShopFixture shop;
  g_autoptr(GPtrArray) tbilisi = NULL;
  g_autoptr(GPtrArray) new_york = NULL;
  g_autoptr(GDateTime) when = g_date_time_new_utc (2027, 5, 30, 23, 30, 0);
  g_autofree char *saved = g_strdup (g_getenv ("TZ"));

  shop_fixture_open (&shop, g_date_time_to_unix (when));
  add_with_birthday (shop.store, "Nino", "--05-31");

  g_setenv ("TZ", "Asia/Tbilisi", TRUE);
  tbilisi = crm_store_list_dates (shop.store, 0, FALSE);
  g_setenv ("TZ", "America/New_York", TRUE);
  new_york = crm_store_list_dates (shop.store, 0, FALSE);
  if (saved != NULL)
    g_setenv ("TZ", saved, TRUE);
  else
    g_unsetenv ("TZ");

  g_assert_cmpuint (tbilisi->len, ==, 1);
  g_assert_cmpuint (new_york->len, ==, 0);

  shop_fixture_close (&shop);
}

static void
test_store_new_year (void)
{
  ShopFixture shop;
  g_autoptr(GPtrArray) events = NULL;

  shop_fixture_open (&shop, local_time (2026, 12, 30, 10));
  add_with_birthday (shop.store, "Nino", "--01-01");
  add_with_birthday (shop.store, "Aram", "--12-31");
  add_with_birthday (shop.store, "Ani", "--01-03");

  events = crm_store_list_dates (shop.store, 2, FALSE);
  g_assert_cmpuint (events->len, ==, 2);
  assert_event (events, 0, "Aram", CRM_DATE_BIRTHDAY, 1, 0);
  assert_event (events, 1, "Nino", CRM_DATE_BIRTHDAY, 2, 0);

  shop_fixture_close (&shop);
}

static void
test_store_first_purchase (void)
{
  ShopFixture shop;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) off = NULL;
  g_autoptr(GPtrArray) on = NULL;
  gint64 nino, aram, ani;

  shop_fixture_open (&shop, local_time (2027, 6, 10, 12));
  nino = shop_add_customer (shop.store, "Nino");
  aram = shop_add_customer (shop.store, "Aram");
  ani = shop_add_customer (shop.store, "Ani");
  /* Nino first bought three years ago today, Aram two years ago in two
   * days; Ani's first purchase was this year. */
  crm_store_add_purchase (shop.store, nino, local_time (2024, 6, 10, 18), 1000, "", &error);
  g_assert_no_error (error);
  crm_store_add_purchase (shop.store, nino, local_time (2027, 1, 5, 18), 1000, "", &error);
  g_assert_no_error (error);
  crm_store_add_purchase (shop.store, aram, local_time (2025, 6, 12, 9), 1000, "", &error);
  g_assert_no_error (error);
  crm_store_add_purchase (shop.store, ani, local_time (2027, 6, 10, 9), 1000, "", &error);
  g_assert_no_error (error);

  off = crm_store_list_dates (shop.store, 3, FALSE);
  g_assert_cmpuint (off->len, ==, 0);
  on = crm_store_list_dates (shop.store, 3, TRUE);
  g_assert_cmpuint (on->len, ==, 2);
  assert_event (on, 0, "Nino", CRM_DATE_FIRST_PURCHASE, 0, 3);
  assert_event (on, 1, "Aram", CRM_DATE_FIRST_PURCHASE, 2, 2);

  shop_fixture_close (&shop);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  shop_fixture_init_engine ();

  g_test_add_func ("/dates/day-month-forms", test_day_month_forms);
  g_test_add_func ("/dates/normalise", test_normalise);
  g_test_add_func ("/dates/days-until", test_days_until);
  g_test_add_func ("/dates/format", test_format);
  g_test_add_func ("/dates/store/birthdays", test_store_birthdays);
  g_test_add_func ("/dates/store/time-zone", test_store_time_zone);
  g_test_add_func ("/dates/store/new-year", test_store_new_year);
  g_test_add_func ("/dates/store/first-purchase", test_store_first_purchase);

  return g_test_run ();
}
