/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-money"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-money.h"
#include "crm-text.h"

typedef struct
{
  const char *code;
  const char *symbol;
  /* Dram prices are written in whole drams; luma only when there are any. */
  gboolean    hide_zero_fraction;
} Currency;

static const Currency currencies[] = {
  { "GEL", "₾", FALSE },
  { "AMD", "֏", TRUE },
  { "USD", "$", FALSE },
  { "EUR", "€", FALSE },
};

static const char *const codes[] = { "GEL", "AMD", "USD", "EUR", NULL };

/* Largest amount accepted, in minor units: a billion in major units keeps
 * every sum of a shop's year far from overflowing. */
#define MAX_MINOR ((gint64) 100000000000)

static const Currency *
find_currency (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
    if (g_strcmp0 (currencies[i].code, code) == 0)
      return &currencies[i];

  return NULL;
}

const char * const *
crm_money_currencies (void)
{
  return codes;
}

gboolean
crm_money_is_currency (const char *code)
{
  return find_currency (code) != NULL;
}

const char *
crm_money_symbol (const char *code)
{
  const Currency *c = find_currency (code);

  return c ? c->symbol : code;
}

/**
 * crm_money_parse:
 * @text: an amount as a person types it: "25.50", "25,50", "1 234,5",
 *   "1,234.50", "-3", "₾ 12"
 * @minor: (out): the amount in hundredths
 *
 * The last "." or "," followed by one or two digits is the decimal mark;
 * other dots, commas, spaces and apostrophes group thousands. A currency
 * symbol or code around the number is ignored.
 */
gboolean
crm_money_parse (const char  *text,
                 gint64      *minor,
                 GError     **error)
{
  g_autofree char *digits = NULL;
  GString *clean;
  const char *decimal = NULL;
  gboolean negative = FALSE;
  gint64 whole = 0;
  gint64 fraction = 0;
  int fraction_digits = 0;
  enum { PREFIX, NUMBER, SUFFIX } state = PREFIX;

  g_return_val_if_fail (minor != NULL, FALSE);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    goto invalid;

  /* Keep digits, separators and a sign; a currency symbol or code may
   * stand before or after the number, never inside it. */
  clean = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int value = g_unichar_digit_value (c);

      if (g_unichar_isspace (c) || c == '\'' || c == 0x2019 || c == 0x00A0 || c == 0x202F)
        continue;

      if (value >= 0 && state != SUFFIX)
        {
          g_string_append_c (clean, (char) ('0' + value));
          state = NUMBER;
        }
      else if ((c == '.' || c == ',') && state == NUMBER)
        g_string_append_c (clean, (char) c);
      else if ((c == '-' || c == 0x2212) && state == PREFIX && !negative)
        negative = TRUE;
      else if (g_unichar_isalpha (c) || g_unichar_ismark (c) ||
               g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL || c == '.')
        {
          if (state == NUMBER)
            state = SUFFIX;
        }
      else
        {
          g_string_free (clean, TRUE);
          goto invalid;
        }
    }
  digits = g_string_free (clean, FALSE);

  if (state == PREFIX)
    goto invalid;

  /* A trailing separator with 1–2 digits after it marks the decimals. */
  {
    const char *last = NULL;

    for (const char *p = digits; *p != '\0'; p++)
      if (*p == '.' || *p == ',')
        last = p;

    /* "12." is twelve: a trailing mark is a decimal mark with no decimals. */
    if (last != NULL && strlen (last + 1) <= 2)
      decimal = last;
  }

  for (const char *p = digits; *p != '\0'; p++)
    {
      if (p == decimal)
        continue;
      if (*p == '.' || *p == ',')
        {
          gsize group = strspn (p + 1, "0123456789");

          /* A thousands separator has exactly three digits after it. */
          if (group != 3 || (decimal != NULL && p > decimal))
            goto invalid;
          continue;
        }

      if (decimal != NULL && p > decimal)
        {
          fraction = fraction * 10 + (*p - '0');
          fraction_digits++;
        }
      else
        {
          whole = whole * 10 + (*p - '0');
          if (whole > MAX_MINOR / 100)
            {
              g_set_error_literal (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID,
                                   _("That amount is too large."));
              return FALSE;
            }
        }
    }

  if (fraction_digits == 1)
    fraction *= 10;

  *minor = (whole * 100 + fraction) * (negative ? -1 : 1);
  return TRUE;

invalid:
  g_set_error_literal (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID,
                       _("Write the amount as a number, for example 25.50."));
  return FALSE;
}

static char *
group_thousands (guint64     value,
                 const char *separator)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  GString *out = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }

  return g_string_free (out, FALSE);
}

/**
 * crm_money_format:
 * @minor: hundredths
 * @currency: "GEL", "AMD", …
 * @language: "ka", "hy" or anything else for English
 *
 * Formats as people of @language write money, whatever the system's locale:
 * Georgian and Armenian put the sign after the number with a narrow
 * no-break space between groups and a decimal comma ("1 234,50 ₾");
 * English puts it before ("₾1,234.50").
 *
 * Returns: (transfer full): the formatted amount
 */
char *
crm_money_format (gint64      minor,
                  const char *currency,
                  const char *language)
{
  const Currency *c = find_currency (currency);
  const char *symbol = c ? c->symbol : (currency ? currency : "");
  gboolean native = g_strcmp0 (language, "ka") == 0 || g_strcmp0 (language, "hy") == 0;
  guint64 abs_minor = minor < 0 ? (guint64) (-(minor + 1)) + 1 : (guint64) minor;
  g_autofree char *whole = group_thousands (abs_minor / 100, native ? "\u202F" : ",");
  g_autofree char *fraction = NULL;
  const char *sign = minor < 0 ? "−" : "";

  if (!(c != NULL && c->hide_zero_fraction && abs_minor % 100 == 0))
    fraction = g_strdup_printf ("%s%02u", native ? "," : ".", (guint) (abs_minor % 100));

  if (native)
    return g_strdup_printf ("%s%s%s\u00A0%s", sign, whole, fraction ? fraction : "", symbol);

  return g_strdup_printf ("%s%s%s%s", sign, symbol, whole, fraction ? fraction : "");
}

/**
 * crm_money_format_whole:
 *
 * As crm_money_format(), rounded to whole units with no fraction ("₾1,200",
 * "1 200 ₾"): a chart's scale.
 */
char *
crm_money_format_whole (gint64      minor,
                        const char *currency,
                        const char *language)
{
  gint64 rounded = minor >= 0 ? (minor + 50) / 100 * 100 : -((-minor + 50) / 100 * 100);
  const Currency *c = find_currency (currency);
  const char *symbol = c ? c->symbol : (currency ? currency : "");
  gboolean native = g_strcmp0 (language, "ka") == 0 || g_strcmp0 (language, "hy") == 0;
  guint64 abs_whole = (guint64) (rounded < 0 ? -rounded : rounded) / 100;
  g_autofree char *whole = group_thousands (abs_whole, native ? "\u202F" : ",");
  const char *sign = rounded < 0 ? "−" : "";

  if (native)
    return g_strdup_printf ("%s%s\u00A0%s", sign, whole, symbol);

  return g_strdup_printf ("%s%s%s", sign, symbol, whole);
}

/**
 * crm_money_format_plain:
 *
 * The amount as a plain decimal ("-1234.50"): files and archives.
 */
char *
crm_money_format_plain (gint64 minor)
{
  guint64 abs_minor = minor < 0 ? (guint64) (-(minor + 1)) + 1 : (guint64) minor;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", minor < 0 ? "-" : "",
                          abs_minor / 100, (guint) (abs_minor % 100));
}
