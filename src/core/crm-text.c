/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-text"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-text.h"

G_DEFINE_QUARK (crm-text-error-quark, crm_text_error)

/* Country codes a shop here meets most: Georgia and Armenia first. A number
 * written with one of them matches the same number typed without it. */
static const char *const country_codes[] = { "995", "374", "7", "380", "90", "1", "44", "49" };

#define MTAVRULI_FIRST 0x1C90
#define MTAVRULI_LAST  0x1CBF
#define MKHEDRULI_FIRST 0x10D0

/**
 * crm_text_fold:
 * @text: UTF-8 text (invalid UTF-8 folds to "")
 *
 * The form used to match what someone types against what is stored:
 * compatibility-decomposed (so Armenian "և" matches "եւ"), accents and
 * invisible format marks dropped, lower case, Georgian Mtavruli written as
 * Mkhedruli, runs of white space as one space.
 *
 * Returns: (transfer full): the folded text
 */
char *
crm_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  GString *out;
  gboolean space = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (g_unichar_type (c))
        {
        case G_UNICODE_NON_SPACING_MARK:
        case G_UNICODE_ENCLOSING_MARK:
        case G_UNICODE_FORMAT:
          continue;
        default:
          break;
        }

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }

      if (space)
        {
          g_string_append_c (out, ' ');
          space = FALSE;
        }

      if (c >= MTAVRULI_FIRST && c <= MTAVRULI_LAST)
        c = c - MTAVRULI_FIRST + MKHEDRULI_FIRST;
      else
        c = g_unichar_tolower (c);

      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * crm_text_phone_key:
 * @phone: a phone number as written: "+995 555 12-34-56", "(010) 12 34 56"
 *
 * The digits that identify the line, for matching and duplicate checks:
 * punctuation and spaces go, and so do an international prefix ("+", "00")
 * with a known country code and a leading trunk "0". Both "+374 10 123456"
 * and "010 123456" become "10123456".
 *
 * Returns: (transfer full): the key, "" when @phone has no digits
 */
char *
crm_text_phone_key (const char *phone)
{
  GString *digits;
  const char *d;
  gboolean international = FALSE;
  gboolean seen_digit = FALSE;

  if (phone == NULL || !g_utf8_validate (phone, -1, NULL))
    return g_strdup ("");

  digits = g_string_new (NULL);
  for (const char *p = phone; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int value = g_unichar_digit_value (c);

      if (c == '+' && !seen_digit)
        international = TRUE;
      if (value >= 0)
        {
          g_string_append_c (digits, (char) ('0' + value));
          seen_digit = TRUE;
        }
    }

  d = digits->str;
  if (g_str_has_prefix (d, "00"))
    {
      d += 2;
      international = TRUE;
    }

  /* Without a "+" a long number that starts with our own codes is
   * still international: people type 995555123456. */
  for (guint i = 0; i < G_N_ELEMENTS (country_codes); i++)
    {
      gsize len = strlen (country_codes[i]);
      gboolean ours = i < 2;

      if (g_str_has_prefix (d, country_codes[i]) &&
          (international || (ours && strlen (d) >= len + 8)))
        {
          d += len;
          break;
        }
    }

  while (*d == '0')
    d++;

  {
    char *key = g_strdup (d);

    g_string_free (digits, TRUE);
    return key;
  }
}

/**
 * crm_text_check_phone:
 *
 * An empty number is fine (unknown). Otherwise it may hold digits, spaces
 * and + - ( ) . / and must have 6 to 15 digits (E.164 allows 15).
 *
 * Returns: %TRUE when @phone can be stored; else @error says why, for the person
 */
gboolean
crm_text_check_phone (const char  *phone,
                      GError     **error)
{
  guint n_digits = 0;

  if (phone == NULL || phone[0] == '\0')
    return TRUE;

  if (!g_utf8_validate (phone, -1, NULL))
    {
      g_set_error_literal (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID,
                           _("The phone number contains unreadable characters."));
      return FALSE;
    }

  for (const char *p = phone; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_digit_value (c) >= 0)
        n_digits++;
      else if (!g_unichar_isspace (c) && strchr ("+-()./", (int) c) == NULL)
        {
          char letter[8] = { 0 };

          g_unichar_to_utf8 (c, letter);
          g_set_error (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID,
                       _("A phone number can only have digits, spaces and + - ( ); remove “%s”."),
                       letter);
          return FALSE;
        }
    }

  if (n_digits < 6 || n_digits > 15)
    {
      g_set_error (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID,
                   ngettext ("A phone number has 6 to 15 digits; this one has %u digit.",
                             "A phone number has 6 to 15 digits; this one has %u digits.",
                             n_digits),
                   n_digits);
      return FALSE;
    }

  return TRUE;
}

/**
 * crm_text_check_email:
 *
 * An empty address is fine. Otherwise: something before one "@", a domain
 * with a dot after it, no spaces. Deliberately loose: a real address must
 * never be refused.
 */
gboolean
crm_text_check_email (const char  *email,
                      GError     **error)
{
  const char *at;
  const char *dot;

  if (email == NULL || email[0] == '\0')
    return TRUE;

  at = strchr (email, '@');
  dot = at ? strrchr (at, '.') : NULL;

  if (!g_utf8_validate (email, -1, NULL) ||
      strpbrk (email, " \t\r\n<>,;") != NULL ||
      at == NULL || at == email || strchr (at + 1, '@') != NULL ||
      dot == NULL || dot == at + 1 || dot[1] == '\0')
    {
      g_set_error_literal (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID,
                           _("An e-mail address looks like name@example.com."));
      return FALSE;
    }

  return TRUE;
}

/**
 * crm_text_clean:
 * @text: text from a person or a file
 * @max_chars: the most characters to keep, 0 for no limit
 *
 * Makes text safe to store: invalid UTF-8 becomes U+FFFD, control
 * characters other than newline and tab are dropped, surrounding white
 * space is trimmed, and the text is cut at @max_chars.
 *
 * Returns: (transfer full): the cleaned text
 */
char *
crm_text_clean (const char *text,
                gsize       max_chars)
{
  g_autofree char *valid = NULL;
  GString *out;
  gsize n = 0;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0' && (max_chars == 0 || n < max_chars); p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) && c != '\n' && c != '\t')
        continue;
      g_string_append_unichar (out, c);
      n++;
    }

  return g_strstrip (g_string_free (out, FALSE));
}

/**
 * crm_text_ui_language:
 *
 * The language the interface speaks, from the same environment gettext
 * reads (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
 *
 * Returns: "ka", "hy" or "en"
 */
const char *
crm_text_ui_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "ka"))
        return "ka";
      if (g_str_has_prefix (names[i], "hy"))
        return "hy";
      if (g_str_has_prefix (names[i], "en") || g_str_equal (names[i], "C"))
        break;
    }

  return "en";
}

/**
 * crm_text_format_date:
 *
 * A local date as people of the interface language write it without
 * month names (no system locale needed): 31.05.2026 in Georgian and
 * Armenian, 2026-05-31 in English.
 */
char *
crm_text_format_date (gint64   unix_time,
                      gboolean with_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = NULL;
  const char *language = crm_text_ui_language ();
  gboolean native = g_str_equal (language, "ka") || g_str_equal (language, "hy");

  if (utc == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (utc);
  if (native)
    return g_date_time_format (local, with_time ? "%d.%m.%Y %H:%M" : "%d.%m.%Y");

  return g_date_time_format (local, with_time ? "%Y-%m-%d %H:%M" : "%Y-%m-%d");
}
