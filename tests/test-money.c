/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "crm-money.h"
#include "crm-text.h"

static void
assert_parse (const char *text,
              gint64      expected)
{
  g_autoptr(GError) error = NULL;
  gint64 minor = 12345678;

  if (!crm_money_parse (text, &minor, &error))
    g_error ("“%s” was refused: %s", text, error->message);
  if (minor != expected)
    g_error ("“%s” parsed as %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT, text, minor, expected);
}

static void
assert_refused (const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 minor = 0;

  if (crm_money_parse (text, &minor, &error))
    g_error ("“%s” was accepted as %" G_GINT64_FORMAT, text, minor);
  g_assert_error (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID);
}

static void
test_parse (void)
{
  assert_parse ("25.50", 2550);
  assert_parse ("25,50", 2550);
  assert_parse ("25,5", 2550);
  assert_parse ("25", 2500);
  assert_parse ("0.05", 5);
  assert_parse ("1 234,50", 123450);
  assert_parse ("1\u202F234,50", 123450);
  assert_parse ("1,234.50", 123450);
  assert_parse ("1.234,50", 123450);
  assert_parse ("1,234", 123400);
  assert_parse ("1'234.5", 123450);
  assert_parse ("-3", -300);
  assert_parse ("−12,40", -1240);
  assert_parse ("₾ 12", 1200);
  assert_parse ("12 ₾", 1200);
  assert_parse ("12,50 ֏", 1250);
  assert_parse ("GEL 7.10", 710);
  assert_parse ("  8  ", 800);
  assert_parse ("12.", 1200);
}

static void
test_parse_refused (void)
{
  assert_refused ("");
  assert_refused ("   ");
  assert_refused ("abc");
  assert_refused ("12abc34");
  assert_refused ("1-2");
  assert_refused ("--5");
  assert_refused ("5%");
  assert_refused ("1.234.5,6,7");
  assert_refused ("\xff");
  assert_refused (NULL);
  /* More than a shop's books can hold. */
  assert_refused ("99999999999999999999999");
}

static void
assert_format (gint64      minor,
               const char *currency,
               const char *language,
               const char *expected)
{
  g_autofree char *text = crm_money_format (minor, currency, language);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_format (void)
{
  assert_format (123450, "GEL", "en", "₾1,234.50");
  assert_format (123450, "GEL", "ka", "1\u202F234,50\u00A0₾");
  assert_format (123450, "AMD", "hy", "1\u202F234,50\u00A0֏");
  /* Whole drams are written without luma. */
  assert_format (500000, "AMD", "hy", "5\u202F000\u00A0֏");
  assert_format (500000, "AMD", "en", "֏5,000");
  assert_format (5, "USD", "en", "$0.05");
  assert_format (-1240, "EUR", "ka", "−12,40\u00A0€");
  assert_format (0, "GEL", "en", "₾0.00");
  assert_format (G_MININT64, "GEL", "en", "−₾92,233,720,368,547,758.08");
}

static void
test_round_trip (void)
{
  const char *languages[] = { "en", "ka", "hy" };
  const gint64 amounts[] = { 1, 99, 100, 2550, 123456789, -700 };

  /* What the app shows can be typed back in. */
  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
      {
        g_autofree char *text = crm_money_format (amounts[i], "GEL", languages[l]);

        assert_parse (text, amounts[i]);
      }
}

static void
test_plain_and_currencies (void)
{
  g_autofree char *plain = crm_money_format_plain (-123450);
  g_autofree char *small = crm_money_format_plain (7);

  g_assert_cmpstr (plain, ==, "-1234.50");
  g_assert_cmpstr (small, ==, "0.07");
  g_assert_true (crm_money_is_currency ("GEL"));
  g_assert_true (crm_money_is_currency ("AMD"));
  g_assert_false (crm_money_is_currency ("XYZ"));
  g_assert_false (crm_money_is_currency (NULL));
  g_assert_cmpstr (crm_money_symbol ("AMD"), ==, "֏");
  g_assert_cmpstr (crm_money_currencies ()[0], ==, "GEL");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/parse", test_parse);
  g_test_add_func ("/money/parse-refused", test_parse_refused);
  g_test_add_func ("/money/format", test_format);
  g_test_add_func ("/money/round-trip", test_round_trip);
  g_test_add_func ("/money/plain-and-currencies", test_plain_and_currencies);

  return g_test_run ();
}
