/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Dates to get in touch for: birthdays (with or without a year) and, when
 * the shop wants them, the anniversary of a customer's first purchase.
 * The days are the shop's local days. Part of CrmStore. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <string.h>

#include "crm-store-private.h"
#include "crm-text.h"

#define DAY (24 * 60 * 60)
/* Days ahead asked for at most, and anniversaries looked back for. */
#define MAX_DAYS_AHEAD 60
#define MAX_YEARS 100

#define KEY_CLIENT_SQL                                                    \
  "(CASE c.segment_override WHEN 'key' THEN 1 WHEN 'secondary' THEN 0 "   \
  " ELSE coalesce (s.rule_key, 0) END)"

void
crm_date_event_free (CrmDateEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->name);
  g_free (event->date);
  g_free (event);
}

static GDate *
local_date (gint64 unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);

  return g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (local),
                         (GDateMonth) g_date_time_get_month (local),
                         (GDateYear) g_date_time_get_year (local));
}

static char *
month_day (const GDate *date)
{
  return g_strdup_printf ("%02u-%02u", (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

static gint64
local_midnight (const GDate *date)
{
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                                         g_date_get_day (date), 0, 0, 0);

  return g_date_time_to_unix (midnight);
}

static gint
compare_events (gconstpointer a,
                gconstpointer b)
{
  const CrmDateEvent *x = *(CrmDateEvent *const *) a;
  const CrmDateEvent *y = *(CrmDateEvent *const *) b;

  if (x->days != y->days)
    return x->days < y->days ? -1 : 1;
  if (x->key_client != y->key_client)
    return x->key_client ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return x->customer_id < y->customer_id ? -1 : x->customer_id > y->customer_id;
}

/* Birthdays whose month and day fall from @today to @last: one range of
 * the index, or two across the new year. 29 February belongs to 28
 * February in a year without it, so a range ending on that 28th takes
 * it in. */
static void
add_birthdays (CrmStore  *self,
               GDate     *today,
               GDate     *last,
               GPtrArray *events)
{
  g_autofree char *from = month_day (today);
  g_autofree char *to = month_day (last);
  CrmStmt *stmt;

  if (g_date_get_month (last) == 2 && g_date_get_day (last) == 28 &&
      !g_date_is_leap_year (g_date_get_year (last)))
    {
      g_free (to);
      to = g_strdup ("02-29");
    }

  stmt = crm_store_prepare (self,
                            "SELECT c.id, c.name, " KEY_CLIENT_SQL ", " CRM_STORE_BIRTHDAY_SQL " "
                            "FROM customers c LEFT JOIN customer_stats s ON s.customer_id = c.id "
                            "WHERE c.birthday_md IS NOT NULL AND c.archived_at IS NULL "
                            "  AND (c.birthday_md BETWEEN ?1 AND ?2 OR c.birthday_md BETWEEN ?3 AND ?4)",
                            NULL);
  if (stmt == NULL)
    return;

  /* Across the new year: to its end, and from its start. */
  crm_stmt_bind_text (stmt, 1, from);
  crm_stmt_bind_text (stmt, 2, strcmp (from, to) <= 0 ? to : "12-31");
  crm_stmt_bind_text (stmt, 3, strcmp (from, to) <= 0 ? from : "01-01");
  crm_stmt_bind_text (stmt, 4, to);
  while (crm_stmt_step (stmt) == CRM_STMT_ROW)
    {
      const char *birthday = crm_stmt_column_text (stmt, 3);
      gint days = crm_birthday_days_until (birthday, today);
      guint year = 0, month, day;
      CrmDateEvent *event;

      if (days < 0 || !crm_birthday_split (birthday, &year, &month, &day))
        continue;

      event = g_new0 (CrmDateEvent, 1);
      event->kind = CRM_DATE_BIRTHDAY;
      event->customer_id = crm_stmt_column_int64 (stmt, 0);
      event->name = crm_stmt_dup_text (stmt, 1);
      event->key_client = crm_stmt_column_int (stmt, 2) != 0;
      event->date = g_strdup (birthday);
      event->days = (guint) days;
      if (year > 0)
        {
          g_autoptr(GDate) on = g_date_copy (today);

          g_date_add_days (on, (guint) days);
          event->years = g_date_get_year (on) - year;
        }
      g_ptr_array_add (events, event);
    }
  crm_stmt_reset (stmt);
}

/* First purchases a whole number of years before one of the days: a
 * range of times per year back, a day wider at each end (29 February),
 * the exact day then worked out here. */
static void
add_first_purchases (CrmStore  *self,
                     GDate     *today,
                     guint      days_ahead,
                     GPtrArray *events)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(CrmStmt) stmt = NULL;
  guint n = 0;

  g_string_append (sql, "SELECT c.id, c.name, " KEY_CLIENT_SQL ", s.first_purchase_at "
                        "FROM customer_stats s JOIN customers c ON c.id = s.customer_id "
                        "WHERE c.archived_at IS NULL AND s.first_purchase_at IS NOT NULL AND (false");
  for (guint k = 1; k <= MAX_YEARS && k + 1900 < g_date_get_year (today); k++, n++)
    g_string_append_printf (sql, " OR s.first_purchase_at >= ?%u AND s.first_purchase_at < ?%u",
                            2 * n + 1, 2 * n + 2);
  g_string_append (sql, ")");

  stmt = crm_store_prepare_once (self, sql->str, NULL);
  if (stmt == NULL)
    return;

  for (guint k = 1; k <= n; k++)
    {
      g_autoptr(GDate) start = g_date_copy (today);
      g_autoptr(GDate) end = g_date_copy (today);

      g_date_subtract_years (start, k);
      g_date_subtract_days (start, 1);
      g_date_subtract_years (end, k);
      g_date_add_days (end, days_ahead + 2);
      crm_stmt_bind_int64 (stmt, (int) (2 * k - 1), local_midnight (start));
      crm_stmt_bind_int64 (stmt, (int) (2 * k), local_midnight (end));
    }

  while (crm_stmt_step (stmt) == CRM_STMT_ROW)
    {
      g_autoptr(GDate) first = local_date (crm_stmt_column_int64 (stmt, 3));
      g_autofree char *md = month_day (first);
      g_autofree char *as_birthday = g_strconcat ("--", md, NULL);
      gint days = crm_birthday_days_until (as_birthday, today);
      g_autoptr(GDate) on = g_date_copy (today);
      CrmDateEvent *event;

      if (days < 0 || (guint) days > days_ahead)
        continue;
      g_date_add_days (on, (guint) days);
      if (g_date_get_year (on) <= g_date_get_year (first))
        continue;

      event = g_new0 (CrmDateEvent, 1);
      event->kind = CRM_DATE_FIRST_PURCHASE;
      event->customer_id = crm_stmt_column_int64 (stmt, 0);
      event->name = crm_stmt_dup_text (stmt, 1);
      event->key_client = crm_stmt_column_int (stmt, 2) != 0;
      event->date = g_strdup_printf ("%04u-%s", (guint) g_date_get_year (first), md);
      event->days = (guint) days;
      event->years = g_date_get_year (on) - g_date_get_year (first);
      g_ptr_array_add (events, event);
    }
}

/**
 * crm_store_list_dates:
 * @days_ahead: 0 for today's only, else today's and the next days'
 * @first_purchases: the anniversaries of first purchases too
 *
 * Birthdays (and anniversaries) of active customers from today (the
 * store's clock, in local time) to @days_ahead days on. A birthday on 29
 * February falls on 28 February in a year without one.
 *
 * Returns: (transfer full) (element-type CrmDateEvent): the soonest
 *   first, key clients first on a day
 */
GPtrArray *
crm_store_list_dates (CrmStore *self,
                      guint     days_ahead,
                      gboolean  first_purchases)
{
  GPtrArray *events = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_date_event_free);
  g_autoptr(GDate) today = NULL;
  g_autoptr(GDate) last = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), events);

  days_ahead = MIN (days_ahead, MAX_DAYS_AHEAD);
  today = local_date (crm_store_now (self));
  last = g_date_copy (today);
  g_date_add_days (last, days_ahead);

  add_birthdays (self, today, last, events);
  if (first_purchases)
    add_first_purchases (self, today, days_ahead, events);

  g_ptr_array_sort (events, compare_events);
  return events;
}
