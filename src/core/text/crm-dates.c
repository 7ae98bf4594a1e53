/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Dates as the shop's languages write them, without the system's
 * locales. */

#define G_LOG_DOMAIN "crm-text"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-text.h"
#include "crm-text-private.h"

/* Month and weekday names are locale data, kept here so that dates read
 * right in Georgian and Armenian on a system without those glibc locales
 * (see docs/i18n.md). Abbreviations follow what people write by hand. */
static const char *const month_abbrev[][12] = {
  { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" },
  { "იან", "თებ", "მარ", "აპრ", "მაი", "ივნ", "ივლ", "აგვ", "სექ", "ოქტ", "ნოე", "დეკ" },
  { "հնվ", "փտվ", "մրտ", "ապր", "մյս", "հնս", "հլս", "օգս", "սեպ", "հոկ", "նոյ", "դեկ" },
};

/* Monday first, as g_date_time_get_day_of_week() counts. */
static const char *const weekday_abbrev[][7] = {
  { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" },
  { "ორშ", "სამ", "ოთხ", "ხუთ", "პარ", "შაბ", "კვი" },
  { "երկ", "երք", "չրք", "հնգ", "ուր", "շբթ", "կիր" },
};

/**
 * crm_text_month_abbrev:
 * @month: 1 to 12
 * @language: "en", "ka" or "hy"; anything else reads as English
 *
 * Returns: the short name of @month, or "" out of range
 */
const char *
crm_text_month_abbrev (guint       month,
                       const char *language)
{
  if (month < 1 || month > 12)
    return "";

  return month_abbrev[crm_text_language_index (language)][month - 1];
}

/**
 * crm_text_format_date_in:
 * @unix_time: seconds since the epoch
 * @with_time: add the weekday and the time of day
 * @language: "en", "ka" or "hy"
 *
 * A local date as people of @language write it, month by name:
 * "31 May 2026", "31 მაი. 2026", "31 մյս, 2026 թ."; with the time,
 * "Sun 31 May 2026, 14:30", "კვი, 31 მაი. 2026, 14:30",
 * "կիր, 31 մյս, 2026 թ., 14:30". No system locale is needed.
 */
char *
crm_text_format_date_in (gint64      unix_time,
                         gboolean    with_time,
                         const char *language)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  guint lang = crm_text_language_index (language);
  const char *month, *weekday;
  int day, year;

  if (utc == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (utc);
  day = g_date_time_get_day_of_month (local);
  year = g_date_time_get_year (local);
  month = month_abbrev[lang][g_date_time_get_month (local) - 1];
  weekday = weekday_abbrev[lang][g_date_time_get_day_of_week (local) - 1];

  switch (lang)
    {
    case 1:
      date = g_strdup_printf ("%d %s. %d", day, month, year);
      break;
    case 2:
      date = g_strdup_printf ("%d %s, %d թ.", day, month, year);
      break;
    default:
      date = g_strdup_printf ("%d %s %d", day, month, year);
      break;
    }

  if (!with_time)
    return g_steal_pointer (&date);

  return g_strdup_printf (lang == 0 ? "%s %s, %02d:%02d" : "%s, %s, %02d:%02d",
                          weekday, date,
                          g_date_time_get_hour (local), g_date_time_get_minute (local));
}

/**
 * crm_text_format_day_month:
 * @language: (nullable): "en", "ka" or "hy"; %NULL for the interface's
 *
 * The day and month alone, as short as it reads: "14.09" in Georgian and
 * Armenian, "14/09" in English (day first, as the app's dates are): a
 * chart's axis, where a week's label has a few dozen pixels.
 */
char *
crm_text_format_day_month (gint64      unix_time,
                           const char *language)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = NULL;
  guint lang = crm_text_language_index (language ? language : crm_text_ui_language ());

  if (utc == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (utc);
  return g_strdup_printf (lang == 0 ? "%02d/%02d" : "%02d.%02d",
                          g_date_time_get_day_of_month (local), g_date_time_get_month (local));
}

/**
 * crm_text_format_date:
 *
 * crm_text_format_date_in() in the interface language.
 */
char *
crm_text_format_date (gint64   unix_time,
                      gboolean with_time)
{
  return crm_text_format_date_in (unix_time, with_time, crm_text_ui_language ());
}
