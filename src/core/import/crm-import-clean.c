/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Values from files made fit to keep: a customer cleaned by the store's
 * own code (crm-store-customers.c), with messages that name the value,
 * and the dates that files write in many ways. */

#define G_LOG_DOMAIN "crm-import"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-import-private.h"

/**
 * crm_import_customer_clean:
 *
 * Cleans and checks the fields exactly as the customer form does
 * (crm_store_clean_customer()), so an imported customer is one the form
 * could have saved. A segment the store does not know is dropped, not
 * refused: files do not choose segments.
 *
 * Returns: %FALSE with @error saying, for people, what is wrong
 */
gboolean
crm_import_customer_clean (CrmImportCustomer  *customer,
                           GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  CrmCustomerField refused;

  if (customer->segment_override != NULL &&
      g_strcmp0 (customer->segment_override, "key") != 0 &&
      g_strcmp0 (customer->segment_override, "secondary") != 0)
    g_clear_pointer (&customer->segment_override, g_free);

  /* Nor do they choose a language or channel the store does not know,
   * or a username Telegram would refuse: those are dropped too. */
  while (!crm_store_clean_customer (customer, &refused, &local_error) &&
         (refused == CRM_CUSTOMER_FIELD_LANGUAGE || refused == CRM_CUSTOMER_FIELD_CHANNEL ||
          refused == CRM_CUSTOMER_FIELD_TELEGRAM || refused == CRM_CUSTOMER_FIELD_CONSENT_DATE))
    {
      char **field = refused == CRM_CUSTOMER_FIELD_LANGUAGE ? &customer->language
                     : refused == CRM_CUSTOMER_FIELD_CHANNEL ? &customer->channel
                     : refused == CRM_CUSTOMER_FIELD_TELEGRAM ? &customer->telegram
                     : &customer->consent_date;

      g_clear_error (&local_error);
      g_free (*field);
      *field = g_strdup ("");
    }

  if (local_error == NULL)
    return TRUE;

  switch (refused)
    {
    case CRM_CUSTOMER_FIELD_NAME:
      g_set_error_literal (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_INVALID,
                           _("There is no name."));
      break;
    case CRM_CUSTOMER_FIELD_PHONE:
      g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_INVALID,
                   _("Phone “%s”: %s"), customer->phone, local_error->message);
      break;
    case CRM_CUSTOMER_FIELD_EMAIL:
      g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_INVALID,
                   _("E-mail “%s”: %s"), customer->email, local_error->message);
      break;
    case CRM_CUSTOMER_FIELD_BIRTHDAY:
      g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_INVALID,
                   _("Birthday “%s” is not a date; write it as year-month-day, for example 1990-05-31."),
                   customer->birthday);
      break;
    case CRM_CUSTOMER_FIELD_SEGMENT:
    case CRM_CUSTOMER_FIELD_NONE:
    default:
      g_set_error_literal (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_INVALID, local_error->message);
      break;
    }

  return FALSE;
}

/* Dates */

static gboolean
read_number (const char **p,
             guint        max_digits,
             int         *value,
             guint       *n_digits)
{
  guint n = 0;
  int v = 0;

  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      v = v * 10 + (**p - '0');
      (*p)++;
      n++;
    }

  *value = v;
  if (n_digits != NULL)
    *n_digits = n;
  return n > 0;
}

/**
 * crm_import_parse_date:
 * @day_first_only: %FALSE to read 05/31/1990 as May 31 when the day-first
 *   reading is impossible (Outlook's birthdays)
 * @has_time: (out): whether a time followed the date
 *
 * Reads 2026-05-31, 20260531, 31.05.2026, 31/05/2026, 31-05-2026, with an
 * optional time after a space or "T" (10:30, 10:30:15, 10:30:15.123) and an
 * optional "Z" or offset, which is ignored: tills write local time.
 */
gboolean
crm_import_parse_date (const char *text,
                       gboolean    day_first_only,
                       int        *year,
                       int        *month,
                       int        *day,
                       int        *hour,
                       int        *minute,
                       int        *second,
                       gboolean   *has_time)
{
  const char *p = text;
  int a, b, c;
  guint digits_a, digits_c;

  *hour = *minute = *second = 0;
  *has_time = FALSE;

  if (p == NULL)
    return FALSE;
  while (*p == ' ')
    p++;

  if (!read_number (&p, 8, &a, &digits_a))
    return FALSE;

  if (digits_a == 8 && !g_ascii_isdigit (*p))
    {
      *year = a / 10000;
      *month = a / 100 % 100;
      *day = a % 100;
    }
  else
    {
      char separator = *p;

      if (digits_a > 4 || (separator != '-' && separator != '.' && separator != '/'))
        return FALSE;
      p++;
      if (!read_number (&p, 2, &b, NULL) || *p != separator)
        return FALSE;
      p++;
      if (!read_number (&p, 4, &c, &digits_c))
        return FALSE;

      if (digits_a == 4)
        {
          *year = a;
          *month = b;
          *day = c;
          if (digits_c > 2)
            return FALSE;
        }
      else
        {
          if (digits_c != 4)
            return FALSE;
          *year = c;
          *month = b;
          *day = a;
          if (!day_first_only && b > 12 && a <= 12)
            {
              *month = a;
              *day = b;
            }
        }
    }

  /* A time, after "T", a space or ", ". */
  if (*p == 'T' || *p == 't' || *p == ' ' || *p == ',')
    {
      const char *q = p;

      if (*q == ',')
        q++;
      while (*q == ' ' || *q == 'T' || *q == 't')
        q++;

      if (g_ascii_isdigit (*q))
        {
          if (!read_number (&q, 2, hour, NULL) || *q != ':')
            return FALSE;
          q++;
          if (!read_number (&q, 2, minute, NULL))
            return FALSE;
          if (*q == ':')
            {
              q++;
              if (!read_number (&q, 2, second, NULL))
                return FALSE;
              if (*q == '.' || *q == ',')
                {
                  int fraction;

                  q++;
                  if (!read_number (&q, 9, &fraction, NULL))
                    return FALSE;
                }
            }
          *has_time = TRUE;

          while (*q == ' ')
            q++;
          if (*q == 'Z' || *q == 'z')
            q++;
          else if (*q == '+' || *q == '-')
            {
              int offset;

              q++;
              if (!read_number (&q, 4, &offset, NULL))
                return FALSE;
              if (*q == ':')
                {
                  q++;
                  if (!read_number (&q, 2, &offset, NULL))
                    return FALSE;
                }
            }
          p = q;
        }
    }

  while (*p == ' ')
    p++;
  if (*p != '\0')
    return FALSE;

  return *year >= 1900 && *year <= 9999 &&
         g_date_valid_dmy ((GDateDay) *day, (GDateMonth) *month, (GDateYear) *year) &&
         *hour < 24 && *minute < 60 && *second < 60;
}
