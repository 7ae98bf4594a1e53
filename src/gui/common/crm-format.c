/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-format"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "crm-format.h"
#include "crm-message-template.h"
#include "crm-money.h"
#include "crm-text.h"

char *
crm_format_money (gint64      minor,
                  const char *currency)
{
  return crm_money_format (minor, currency, crm_text_ui_language ());
}

/**
 * crm_format_percent:
 * @fraction: 0–1
 *
 * "80 %", "4.1 %" in English, "4,1 %" in Georgian and Armenian. Whole
 * numbers from 10 % up, one decimal below, so small shares stay readable.
 */
char *
crm_format_percent (double fraction)
{
  const char *language = crm_text_ui_language ();
  gboolean comma = g_str_equal (language, "ka") || g_str_equal (language, "hy");
  double percent = CLAMP (fraction, 0.0, 1.0) * 100.0;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (percent >= 10.0 || percent == 0.0)
    g_ascii_formatd (number, sizeof number, "%.0f", percent);
  else
    g_ascii_formatd (number, sizeof number, "%.1f", percent);

  if (comma)
    g_strdelimit (number, ".", ',');

  /* A narrow no-break space keeps "80 %" on one line. */
  return g_strdup_printf ("%s\u202F%%", number);
}

/**
 * crm_format_days:
 *
 * A span of time in whole days: "12 days".
 */
char *
crm_format_days (gint64 seconds)
{
  guint days = (guint) MAX (seconds / (24 * 60 * 60), 0);

  return g_strdup_printf (ngettext ("%u day", "%u days", days), days);
}

/**
 * crm_format_days_ago:
 * @unix_time: when, or 0 for never
 *
 * "Today", "Yesterday", "12 days ago", or a date for anything older than
 * a year.
 */
char *
crm_format_days_ago (gint64 unix_time)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then_utc = NULL;
  g_autoptr(GDateTime) then = NULL;
  g_autoptr(GDate) today = NULL;
  g_autoptr(GDate) day = NULL;
  int days;

  if (unix_time <= 0)
    /* Translators: last visit of a customer who never came */
    return g_strdup (_("Never"));

  then_utc = g_date_time_new_from_unix_utc (unix_time);
  if (then_utc == NULL)
    return g_strdup ("");
  then = g_date_time_to_local (then_utc);

  today = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (now),
                          (GDateMonth) g_date_time_get_month (now),
                          (GDateYear) g_date_time_get_year (now));
  day = g_date_new_dmy ((GDateDay) g_date_time_get_day_of_month (then),
                        (GDateMonth) g_date_time_get_month (then),
                        (GDateYear) g_date_time_get_year (then));
  days = g_date_days_between (day, today);

  if (days <= 0)
    return g_strdup (_("Today"));
  if (days == 1)
    return g_strdup (_("Yesterday"));
  if (days <= 365)
    return g_strdup_printf (ngettext ("%d day ago", "%d days ago", days), days);

  return crm_text_format_date (unix_time, FALSE);
}

void
crm_format_segment_badge (GtkLabel   *label,
                          CrmSegment  segment)
{
  gboolean key = segment == CRM_SEGMENT_KEY;

  /* Translators: short badge in the customer list */
  gtk_label_set_text (label, key ? C_("segment", "Key") : C_("segment", "Secondary"));
  gtk_widget_remove_css_class (GTK_WIDGET (label), key ? "secondary" : "key");
  gtk_widget_add_css_class (GTK_WIDGET (label), key ? "key" : "secondary");
}

/* The words the database keeps, as the interface says them. */
static const char *
lookup (const char *value,
        const char *const pairs[][2],
        gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (g_strcmp0 (value, pairs[i][0]) == 0)
      return _(pairs[i][1]);

  return value ? value : "";
}

const char *
crm_format_feedback_kind (const char *kind)
{
  static const char *const kinds[][2] = {
    { "complaint", N_("Complaint") },
    { "praise", N_("Praise") },
    { "suggestion", N_("Suggestion") },
    { "question", N_("Question") },
  };

  return lookup (kind, kinds, G_N_ELEMENTS (kinds));
}

const char *
crm_format_feedback_channel (const char *channel)
{
  static const char *const channels[][2] = {
    { "in-store", N_("In the Shop") },
    { "phone", N_("Phone") },
    { "email", N_("E-mail") },
    { "social", N_("Social Media") },
    { "other", N_("Other") },
  };

  return lookup (channel, channels, G_N_ELEMENTS (channels));
}

const char *
crm_format_feedback_status (const char *status)
{
  static const char *const statuses[][2] = {
    { "new", N_("New") },
    { "in_progress", N_("In Progress") },
    { "resolved", N_("Resolved") },
  };

  return lookup (status, statuses, G_N_ELEMENTS (statuses));
}

/**
 * crm_format_rating:
 *
 * "4 ★" (a number and a star: readable without colour), or "—" unrated.
 */
char *
crm_format_rating (guint rating)
{
  if (rating == 0)
    return g_strdup ("—");

  return g_strdup_printf ("%u ★", rating);
}

/**
 * crm_format_add_toast:
 * @widget: a widget inside the window, or the window itself
 * @toast: (transfer full): the toast
 *
 * Shows @toast in the window's toast overlay; without one it is dropped.
 */
void
crm_format_add_toast (GtkWidget *widget,
                      AdwToast  *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL && ADW_IS_APPLICATION_WINDOW (widget))
    overlay = adw_application_window_get_content (ADW_APPLICATION_WINDOW (widget));

  if (ADW_IS_TOAST_OVERLAY (overlay))
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/**
 * crm_format_toast:
 * @message: plain text (not markup)
 *
 * crm_format_add_toast() with a toast saying @message.
 */
void
crm_format_toast (GtkWidget  *widget,
                  const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  crm_format_add_toast (widget, adw_toast_new (escaped));
}

/**
 * crm_format_join:
 * @separator: put between two parts
 * @...: strings, ending with %NULL; empty ones are left out
 *
 * Returns: (transfer full): "+995 555 12 34 56 · nino@example.com", or the
 *   one part there is, or ""
 */
char *
crm_format_join (const char *separator,
                 ...)
{
  GString *joined = g_string_new (NULL);
  const char *part;
  va_list args;

  va_start (args, separator);
  while ((part = va_arg (args, const char *)) != NULL)
    {
      if (part[0] == '\0')
        continue;
      if (joined->len > 0)
        g_string_append (joined, separator);
      g_string_append (joined, part);
    }
  va_end (args);

  return g_string_free (joined, FALSE);
}

/**
 * crm_format_ui_language:
 *
 * Returns: "en", "ka" or "hy": the language the window speaks now, the
 *   shop's language for a message to a customer who has none
 */
const char *
crm_format_ui_language (void)
{
  /* Translators: the code of this translation's language: "en", "ka" or "hy" */
  return crm_message_language (C_("language code", "en"));
}

/**
 * crm_format_message_languages:
 *
 * Returns: (transfer full): the languages a message is written in, in
 *   the order "en", "ka", "hy", each named in itself
 */
GListModel *
crm_format_message_languages (void)
{
  return G_LIST_MODEL (gtk_string_list_new ((const char *[]) { "English", "ქართული", "Հայերեն", NULL }));
}

