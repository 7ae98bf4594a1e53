/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/fold/latin", test_fold_latin);
  g_test_add_func ("/text/fold/georgian", test_fold_georgian);
  g_test_add_func ("/text/fold/armenian", test_fold_armenian);
  g_test_add_func ("/text/fold/hostile", test_fold_hostile);
  g_test_add_func ("/text/phone-key", test_phone_key);
  g_test_add_func ("/text/check-phone", test_check_phone);
  g_test_add_func ("/text/check-email", test_check_email);
  g_test_add_func ("/text/clean", test_clean);

  return g_test_run ();
}
