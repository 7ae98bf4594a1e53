/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Phone numbers and e-mail addresses: the key a number is matched by,
 * and the checks before one is stored. */

#define G_LOG_DOMAIN "crm-text"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-text.h"

/* Country codes a shop here meets most: Georgia and Armenia first. A number
 * written with one of them matches the same number typed without it. */
static const char *const country_codes[] = { "995", "374", "7", "380", "90", "1", "44", "49" };

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
