/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Birthdays with or without a year, the day they fall on, and how they
 * read in en/ka/hy. A birthday on 29 February falls on 28 February in a
 * year without one (docs/segments.md, "Birthdays"). */

#define G_LOG_DOMAIN "crm-text"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-birthday.h"
#include "crm-dates.h"
#include "crm-text-private.h"

static gboolean
two_digits (const char *p,
            guint      *value)
{
  if (!g_ascii_isdigit (p[0]) || !g_ascii_isdigit (p[1]))
    return FALSE;
  *value = (guint) ((p[0] - '0') * 10 + (p[1] - '0'));
  return TRUE;
}

/* Any year will do for "does this day exist": a leap one lets 29 Feb in. */
static gboolean
real_day (guint month,
          guint day)
{
  return month >= 1 && month <= 12 && day >= 1 &&
         g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, 2000);
}

/**
 * crm_birthday_split:
 * @year: (out) (optional): the year, or 0 when not known
 *
 * Reads a birthday in the store's form ("1990-05-31" or "--05-31").
 *
 * Returns: %FALSE for anything else, or a day that does not exist
 */
gboolean
crm_birthday_split (const char *birthday,
                    guint      *year,
                    guint      *month,
                    guint      *day)
{
  guint y = 0, m, d, hi, lo;

  if (birthday == NULL)
    return FALSE;

  if (strlen (birthday) == 7 && birthday[0] == '-' && birthday[1] == '-' && birthday[4] == '-')
    {
      if (!two_digits (birthday + 2, &m) || !two_digits (birthday + 5, &d) || !real_day (m, d))
        return FALSE;
    }
  else if (strlen (birthday) == 10 && birthday[4] == '-' && birthday[7] == '-')
    {
      if (!two_digits (birthday, &hi) || !two_digits (birthday + 2, &lo) ||
          !two_digits (birthday + 5, &m) || !two_digits (birthday + 8, &d))
        return FALSE;
      y = hi * 100 + lo;
      if (y < 1900 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
        return FALSE;
    }
  else
    return FALSE;

  if (year != NULL)
    *year = y;
  *month = m;
  *day = d;
  return TRUE;
}

/**
 * crm_birthday_from_day_month:
 *
 * Reads a birthday without a year as people and programs write it:
 * "--05-31" and "--0531" (vCard), "31.05", "31/05", "31.05." (a
 * spreadsheet, day first). Spaces around it are ignored.
 *
 * Returns: (nullable): "--05-31", or %NULL when @text is not one of
 *   these or names no real day ("32.13", "--13-01")
 */
char *
crm_birthday_from_day_month (const char *text)
{
  g_autofree char *copy = NULL;
  guint month, day;
  gsize length;

  if (text == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (text));
  length = strlen (copy);

  if (g_str_has_prefix (copy, "--"))
    {
      if (length == 7 && copy[4] == '-' && two_digits (copy + 2, &month) && two_digits (copy + 5, &day))
        ;
      else if (length == 6 && two_digits (copy + 2, &month) && two_digits (copy + 4, &day))
        ;
      else
        return NULL;
    }
  else
    {
      const char *p = copy;
      guint first, second;
      char separator;

      /* One or two digits, a dot or slash, one or two digits, maybe a dot. */
      if (!g_ascii_isdigit (*p))
        return NULL;
      first = (guint) (*p++ - '0');
      if (g_ascii_isdigit (*p))
        first = first * 10 + (guint) (*p++ - '0');
      if (*p != '.' && *p != '/')
        return NULL;
      separator = *p++;
      if (!g_ascii_isdigit (*p))
        return NULL;
      second = (guint) (*p++ - '0');
      if (g_ascii_isdigit (*p))
        second = second * 10 + (guint) (*p++ - '0');
      if (*p == separator && separator == '.')
        p++;
      if (*p != '\0')
        return NULL;
      day = first;
      month = second;
    }

  if (!real_day (month, day))
    return NULL;

  return g_strdup_printf ("--%02u-%02u", month, day);
}

/**
 * crm_birthday_day_in_year:
 *
 * Returns: the day of the month a birthday on @month/@day falls on in
 *   @year: @day itself, except 29 February, which is the 28th in a year
 *   that has no 29th
 */
guint
crm_birthday_day_in_year (guint month,
                          guint day,
                          guint year)
{
  if (month == 2 && day == 29 && !g_date_is_leap_year ((GDateYear) year))
    return 28;
  return day;
}

/**
 * crm_birthday_days_until:
 * @today: the shop's local date
 *
 * Returns: 0 when the birthday is on @today, else how many days until
 *   its next day; -1 when @birthday is not one
 */
gint
crm_birthday_days_until (const char *birthday,
                         GDate      *today)
{
  guint month, day;
  guint year;

  g_return_val_if_fail (today != NULL && g_date_valid (today), -1);

  if (!crm_birthday_split (birthday, NULL, &month, &day))
    return -1;

  year = g_date_get_year (today);
  for (guint i = 0; i < 2; i++, year++)
    {
      g_autoptr(GDate) next = g_date_new_dmy ((GDateDay) crm_birthday_day_in_year (month, day, year),
                                              (GDateMonth) month, (GDateYear) year);
      gint days = g_date_days_between (today, next);

      if (days >= 0)
        return days;
    }

  g_return_val_if_reached (-1);
}

/**
 * crm_birthday_format:
 * @language: "en", "ka" or "hy"
 *
 * Returns: "31 May 1990", "31 May" without a year (the month in
 *   @language's words), or "" when @birthday is not one
 */
char *
crm_birthday_format (const char *birthday,
                     const char *language)
{
  guint year, month, day;
  const char *name;

  if (!crm_birthday_split (birthday, &year, &month, &day))
    return g_strdup ("");

  name = crm_text_month_abbrev (month, language);
  switch (crm_text_language_index (language))
    {
    case 1:
      return year > 0 ? g_strdup_printf ("%u %s. %u", day, name, year) : g_strdup_printf ("%u %s.", day, name);
    case 2:
      return year > 0 ? g_strdup_printf ("%u %s, %u թ.", day, name, year) : g_strdup_printf ("%u %s", day, name);
    default:
      return year > 0 ? g_strdup_printf ("%u %s %u", day, name, year) : g_strdup_printf ("%u %s", day, name);
    }
}

/**
 * crm_birthday_normalise:
 *
 * Reads a birthday as someone types it: the store's forms, a day and
 * month (crm_birthday_from_day_month()), or a whole date day first
 * ("31.05.1990", "31/05/1990").
 *
 * Returns: (nullable): the store's form, or %NULL
 */
char *
crm_birthday_normalise (const char *text)
{
  g_autofree char *copy = NULL;
  guint year, month, day;
  char *dot;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));

  if (crm_birthday_split (copy, &year, &month, &day))
    return g_steal_pointer (&copy);

  /* "31.05.1990": the day and month, then a four-digit year. */
  dot = strlen (copy) == 10 ? copy + 5 : NULL;
  if (dot != NULL && (*dot == '.' || *dot == '/') && copy[2] == *dot)
    {
      g_autofree char *day_month = g_strndup (copy, 5);
      g_autofree char *no_year = crm_birthday_from_day_month (day_month);
      g_autofree char *full = NULL;

      if (no_year == NULL || !g_ascii_isdigit (dot[1]) || !g_ascii_isdigit (dot[2]) ||
          !g_ascii_isdigit (dot[3]) || !g_ascii_isdigit (dot[4]))
        return NULL;
      full = g_strdup_printf ("%.4s-%s", dot + 1, no_year + 2);
      return crm_birthday_split (full, NULL, &month, &day) ? g_steal_pointer (&full) : NULL;
    }

  return crm_birthday_from_day_month (copy);
}
