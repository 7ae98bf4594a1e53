/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include <locale.h>

#include "crm-money.h"
#include "crm-text.h"

static void
assert_fold (const char *input,
             const char *expected)
{
  g_autofree char *folded = crm_text_fold (input);

  g_assert_cmpstr (folded, ==, expected);
}

static void
test_fold_latin (void)
{
  assert_fold ("Nino", "nino");
  assert_fold ("  NINO   Beridze ", "nino beridze");
  assert_fold ("Élodie Müller-Çelik", "elodie muller-celik");
  assert_fold ("Ångström", "angstrom");
  assert_fold ("", "");
  assert_fold (NULL, "");
}

static void
test_fold_georgian (void)
{
  /* Mtavruli (capital-like) folds to Mkhedruli, letter by letter. */
  assert_fold ("ᲜᲘᲜᲝ ᲑᲔᲠᲘᲫᲔ", "ნინო ბერიძე");
  assert_fold ("ნინო ბერიძე", "ნინო ბერიძე");
  assert_fold ("ᲒᲘᲝᲠᲒᲘ", "გიორგი");
  /* Every Mtavruli letter has its Mkhedruli twin. */
  for (gunichar c = 0x1C90; c <= 0x1CBA; c++)
    {
      char upper[8] = { 0 };
      char lower[8] = { 0 };
      g_autofree char *folded = NULL;

      g_unichar_to_utf8 (c, upper);
      g_unichar_to_utf8 (c - 0x1C90 + 0x10D0, lower);
      folded = crm_text_fold (upper);
      g_assert_cmpstr (folded, ==, lower);
    }
}

static void
test_fold_armenian (void)
{
  assert_fold ("ԱՆԻ ՊԵՏՐՈՍՅԱՆ", "անի պետրոսյան");
  assert_fold ("Անի Պետրոսյան", "անի պետրոսյան");
  /* The ligature "և" and the spelled-out "եւ" meet. */
  assert_fold ("Երևան", "երեւան");
  assert_fold ("ԵՐԵՎԱՆ", "երեվան");
}

static void
test_fold_hostile (void)
{
  /* Invisible marks people paste from chats do not block a match. */
  assert_fold ("Ani\u200f Petrosyan\u200b", "ani petrosyan");
  assert_fold ("\xff\xfe broken", "");
  assert_fold ("<b>A & B</b>", "<b>a & b</b>");
  assert_fold ("😀 Nino", "😀 nino");
}

static void
assert_phone_key (const char *input,
                  const char *expected)
{
  g_autofree char *key = crm_text_phone_key (input);

  g_assert_cmpstr (key, ==, expected);
}

static void
test_phone_key (void)
{
  /* Georgia: with or without +995, spaces, dashes, brackets. */
  assert_phone_key ("+995 555 12 34 56", "555123456");
  assert_phone_key ("+995-555-12-34-56", "555123456");
  assert_phone_key ("00995 555 123456", "555123456");
  assert_phone_key ("995555123456", "555123456");
  assert_phone_key ("555 12 34 56", "555123456");
  assert_phone_key ("(555) 12-34-56", "555123456");

  /* Armenia: the trunk 0 goes too, so local and international meet. */
  assert_phone_key ("+374 10 123456", "10123456");
  assert_phone_key ("010 12 34 56", "10123456");
  assert_phone_key ("374 91 123 456", "91123456");

  /* Another country's code is only stripped after a + or 00. */
  assert_phone_key ("+7 912 345 67 89", "9123456789");
  assert_phone_key ("7912345", "7912345");

  assert_phone_key ("", "");
  assert_phone_key ("no digits", "");
  assert_phone_key (NULL, "");
}

static void
test_check_phone (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (crm_text_check_phone ("", NULL));
  g_assert_true (crm_text_check_phone ("+995 555 12 34 56", NULL));
  g_assert_true (crm_text_check_phone ("(010) 12-34-56", NULL));

  g_assert_false (crm_text_check_phone ("12345", &error));
  g_assert_error (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "5"));
  g_clear_error (&error);

  g_assert_false (crm_text_check_phone ("1234567890123456", &error));
  g_assert_nonnull (strstr (error->message, "16"));
  g_clear_error (&error);

  /* The message names the character to remove. */
  g_assert_false (crm_text_check_phone ("555 12 34 5x", &error));
  g_assert_nonnull (strstr (error->message, "x"));
  g_clear_error (&error);

  g_assert_false (crm_text_check_phone ("555\xff 123", &error));
  g_clear_error (&error);
}

static void
test_check_email (void)
{
  const char *good[] = { "", "nino@example.ge", "ani.petrosyan+shop@mail.am", "ნინო@მაგალითი.გე" };
  const char *bad[] = { "nino", "nino@", "@example.com", "nino@example", "a b@example.com",
                        "a@b@c.com", "nino@example.", "nino@.com", "<b>@x.com" };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (crm_text_check_email (good[i], NULL));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      if (crm_text_check_email (bad[i], &error))
        g_error ("“%s” was accepted as an e-mail address", bad[i]);
      g_assert_error (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID);
    }
}

static void
test_clean (void)
{
  g_autofree char *controls = crm_text_clean ("  Nino\x01\x1b[31m Beridze\r\n ", 0);
  g_autofree char *cut = crm_text_clean ("ანაბეჭდი", 3);
  g_autofree char *invalid = crm_text_clean ("ok\xff", 0);
  g_autofree char *huge_input = g_strnfill (1024 * 1024, 'a');
  g_autofree char *huge = crm_text_clean (huge_input, 200);
  g_autofree char *keep_lines = crm_text_clean ("line one\nline two", 0);

  g_assert_cmpstr (controls, ==, "Nino[31m Beridze");
  g_assert_cmpstr (cut, ==, "ანა");
  g_assert_cmpstr (invalid, ==, "ok\xef\xbf\xbd");
  g_assert_cmpuint (g_utf8_strlen (huge, -1), ==, 200);
  g_assert_cmpstr (keep_lines, ==, "line one\nline two");
}

static gint64
at_utc (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

static void
assert_dates (void)
{
  /* A Sunday afternoon. */
  gint64 when = at_utc (2026, 5, 31, 14, 30);
  struct { const char *language, *date, *date_time; } cases[] = {
    { "en", "31 May 2026", "Sun 31 May 2026, 14:30" },
    { "ka", "31 მაი. 2026", "კვი, 31 მაი. 2026, 14:30" },
    { "hy", "31 մյս, 2026 թ.", "կիր, 31 մյս, 2026 թ., 14:30" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = crm_text_format_date_in (when, FALSE, cases[i].language);
      g_autofree char *date_time = crm_text_format_date_in (when, TRUE, cases[i].language);

      g_assert_cmpstr (date, ==, cases[i].date);
      g_assert_cmpstr (date_time, ==, cases[i].date_time);
    }
}

static void
assert_money (void)
{
  struct { gint64 minor; const char *code, *language, *expected; } cases[] = {
    { 123450, "GEL", "ka", "1\u202F234,50\u00A0₾" },
    { 500000, "AMD", "hy", "5\u202F000\u00A0֏" },
    { 123450, "GEL", "en", "₾1,234.50" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = crm_money_format (cases[i].minor, cases[i].code, cases[i].language);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_dates (void)
{
  assert_dates ();

  /* Every month and weekday has its own name in each language, in
   * that language's script. */
  for (guint l = 0; l < 3; l++)
    {
      const char *language = (const char *[]) { "en", "ka", "hy" }[l];
      GUnicodeScript script = (GUnicodeScript[]) { G_UNICODE_SCRIPT_LATIN, G_UNICODE_SCRIPT_GEORGIAN,
                                                   G_UNICODE_SCRIPT_ARMENIAN }[l];
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint m = 1; m <= 12; m++)
        {
          const char *name = crm_text_month_abbrev (m, language);

          g_assert_cmpuint (strlen (name), >, 0);
          g_assert_cmpint (g_unichar_get_script (g_utf8_get_char (name)), ==, script);
          g_assert_true (g_hash_table_add (seen, g_strdup (name)));
        }

      /* Seven days in a row from Monday 1 June 2026. */
      for (guint d = 0; d < 7; d++)
        {
          g_autofree char *text = crm_text_format_date_in (at_utc (2026, 6, 1 + d, 9, 0), TRUE, language);
          g_auto(GStrv) parts = g_strsplit_set (text, " ,", 2);

          g_assert_cmpint (g_unichar_get_script (g_utf8_get_char (parts[0])), ==, script);
          g_assert_true (g_hash_table_add (seen, g_strdup (parts[0])));
        }
    }

  g_assert_cmpstr (crm_text_month_abbrev (0, "ka"), ==, "");
  g_assert_cmpstr (crm_text_month_abbrev (13, "hy"), ==, "");
  g_assert_cmpstr (crm_text_month_abbrev (3, "fr"), ==, "Mar");
}

/* Dates and money must not change with the system locale, and must be
 * right where no Georgian or Armenian locale is installed at all. */
static void
test_system_locales (void)
{
  const char *locales[] = { "C.UTF-8", "C", "ka_GE.UTF-8", "hy_AM.UTF-8" };
  g_autofree char *saved = g_strdup (setlocale (LC_ALL, NULL));
  guint missing = 0;

  for (guint i = 0; i < G_N_ELEMENTS (locales); i++)
    {
      if (setlocale (LC_ALL, locales[i]) == NULL)
        {
          g_test_message ("locale %s is not installed here", locales[i]);
          missing++;
          continue;
        }
      assert_dates ();
      assert_money ();
    }

  setlocale (LC_ALL, saved);

  if (missing > 0)
    g_test_skip ("Georgian or Armenian system locale not generated; checked without it only");
}

static int
compare_folded (gconstpointer a,
                gconstpointer b,
                gpointer      language)
{
  const char *x = *(const char **) a;
  const char *y = *(const char **) b;

  return crm_text_compare_names (x, strlen (x), y, strlen (y), language);
}

static void
assert_sorted (const char *const *expected,
               const char        *language)
{
  g_autoptr(GPtrArray) shuffled = g_ptr_array_new_with_free_func (g_free);
  guint n = g_strv_length ((char **) expected);

  /* Reversed and rotated, so the sort has work to do. */
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (shuffled, crm_text_fold (expected[(n - 1 - i + n / 2) % n]));
  g_ptr_array_sort_with_data (shuffled, compare_folded, (gpointer) language);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *folded = crm_text_fold (expected[i]);

      g_assert_cmpstr (g_ptr_array_index (shuffled, i), ==, folded);
    }
}

static void
test_name_order (void)
{
  /* The 33 letters of the Georgian alphabet and the 38 of Armenian, in
   * the order schoolchildren learn them. */
  const char *georgian = "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ";
  const char *armenian = "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ";
  const char *ka[] = { "2 ძმა", "ანა", "ანანო", "ᲑᲔᲡᲝ", "ზურა", "ჰამლეტი", "Ani", "Élodie", "Zaza",
                       "Борис", "Արամ", "Ֆելիքս", NULL };
  const char *hy[] = { "2 եղբայր", "Ալինա", "Արամ", "բագրատ", "Ֆելիքս", "Ani", "Zaza", "Борис",
                       "ანა", "ჰამლეტი", NULL };
  const char *en[] = { "Ani", "anna", "Élodie", "Zaza", "Борис", "ანა", "Արամ", NULL };

  for (const char *scripts[] = { georgian, armenian, NULL }, **s = scripts; *s != NULL; s++)
    {
      g_autoptr(GPtrArray) letters = g_ptr_array_new_with_free_func (g_free);

      for (const char *p = *s; *p != '\0'; p = g_utf8_next_char (p))
        g_ptr_array_add (letters, g_strndup (p, g_utf8_next_char (p) - p));
      g_ptr_array_add (letters, NULL);
      assert_sorted ((const char * const *) letters->pdata, "ka");
      assert_sorted ((const char * const *) letters->pdata, "hy");
    }

  assert_sorted (ka, "ka");
  assert_sorted (hy, "hy");
  assert_sorted (en, "en");

  /* Equal names, prefixes, and broken bytes still give a total order. */
  g_assert_cmpint (crm_text_compare_names ("ანა", strlen ("ანა"), "ანა", strlen ("ანა"), "ka"), ==, 0);
  g_assert_cmpint (crm_text_compare_names ("ან", strlen ("ან"), "ანა", strlen ("ანა"), "ka"), <, 0);
  g_assert_cmpint (crm_text_compare_names ("a\xff", 2, "a\xfe", 2, "ka"), >, 0);
  g_assert_cmpint (crm_text_compare_names ("a\xfe", 2, "a\xff", 2, "ka"), <, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("TZ", "UTC", TRUE);

  g_test_add_func ("/text/fold/latin", test_fold_latin);
  g_test_add_func ("/text/fold/georgian", test_fold_georgian);
  g_test_add_func ("/text/fold/armenian", test_fold_armenian);
  g_test_add_func ("/text/fold/hostile", test_fold_hostile);
  g_test_add_func ("/text/phone-key", test_phone_key);
  g_test_add_func ("/text/check-phone", test_check_phone);
  g_test_add_func ("/text/check-email", test_check_email);
  g_test_add_func ("/text/clean", test_clean);
  g_test_add_func ("/text/dates", test_dates);
  g_test_add_func ("/text/system-locales", test_system_locales);
  g_test_add_func ("/text/name-order", test_name_order);

  return g_test_run ();
}
