/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Customers: cleaning what was typed or imported before the one write
 * path in crm-store-customers.c takes it — lengths, control characters,
 * phones, e-mails, birthdays, the Telegram name, consent, the segment
 * override — and saying which field was refused and why. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "crm-customer-private.h"
#include "crm-store-import.h"
#include "crm-store-private.h"
#include "crm-text.h"

/**
 * crm_store_valid_birthday:
 *
 * Returns: whether @text is a birthday the store keeps: YYYY-MM-DD (a
 *   real day, from 1900 on) or --MM-DD when the year is not known
 */
gboolean
crm_store_valid_birthday (const char *text)
{
  guint month, day;

  return crm_birthday_split (text, NULL, &month, &day);
}

static gboolean
valid_date (const char *text)
{
  guint y, m, d;
  char extra;

  return text != NULL && strlen (text) == 10 &&
         sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &extra) == 3 &&
         text[4] == '-' && text[7] == '-' &&
         g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y) && y >= 1900;
}

/**
 * crm_store_clean_telegram:
 *
 * A Telegram username as people write it ("@nino_b", "t.me/nino_b",
 * "https://t.me/nino_b") becomes the name alone.
 *
 * Returns: (transfer full): the username, "" for none, or %NULL when
 *   @text is not one (5 to 32 Latin letters, digits and underscores)
 */
char *
crm_store_clean_telegram (const char *text)
{
  g_autofree char *name = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *p = name;
  gsize length;

  for (guint i = 0; i < 2; i++)
    {
      if (g_str_has_prefix (p, "https://"))
        p += strlen ("https://");
      if (g_str_has_prefix (p, "t.me/"))
        p += strlen ("t.me/");
      if (*p == '@')
        p++;
    }

  length = strlen (p);
  if (length == 0)
    return g_strdup ("");
  if (length < 5 || length > 32)
    return NULL;
  for (const char *c = p; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && *c != '_')
      return NULL;

  return g_strdup (p);
}

static gboolean
one_of (const char         *value,
        const char * const *choices)
{
  return value[0] == '\0' || g_strv_contains (choices, value);
}

/* crm_text_clean() builds its result a character at a time. Most fields
 * of a file are already clean (valid, no control characters, nothing to
 * trim, short enough): those are only copied, with the same result. */
static char *
clean_text (const char *text,
            gsize       max_chars)
{
  gsize n_chars = 0;
  gsize length;

  if (text == NULL || text[0] == '\0')
    return g_strdup ("");

  length = strlen (text);
  if (g_ascii_isspace (text[0]) || g_ascii_isspace (text[length - 1]) ||
      !g_utf8_validate_len (text, length, NULL))
    return crm_text_clean (text, max_chars);

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      /* C0 controls but tab and newline, DEL, C1 controls (U+0080–U+009F). */
      if ((*p < 0x20 && *p != '\t' && *p != '\n') || *p == 0x7F ||
          (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F))
        return crm_text_clean (text, max_chars);
      if ((*p & 0xC0) != 0x80)
        n_chars++;
    }

  if (max_chars > 0 && n_chars > max_chars)
    return crm_text_clean (text, max_chars);

  return g_strdup (text);
}

static void
replace_clean (char  **field,
               gsize   max_chars,
               gboolean one_line)
{
  char *clean = clean_text (*field, max_chars);

  /* A newline in a name is a paste accident. */
  if (one_line)
    g_strdelimit (clean, "\n\t", ' ');
  g_free (*field);
  *field = clean;
}

static gboolean
refuse (CrmCustomerField *refused,
        CrmCustomerField  field)
{
  if (refused != NULL)
    *refused = field;
  return FALSE;
}

/**
 * crm_store_clean_customer:
 * @refused: (out) (optional): the field that was refused
 *
 * Cleans the fields in place as every customer is cleaned, typed into the
 * form or imported: texts cut to the store's limits and trimmed, control
 * characters gone, name, phone and e-mail on one line, tags without
 * commas and each once; then checks them.
 *
 * Returns: %FALSE with @refused and @error saying, for people, what is
 *   wrong (the phone and e-mail messages are crm-text.c's own)
 */
gboolean
crm_store_clean_customer (CrmImportCustomer  *customer,
                          CrmCustomerField   *refused,
                          GError            **error)
{
  g_autoptr(GPtrArray) tags = customer->tags;

  refuse (refused, CRM_CUSTOMER_FIELD_NONE);
  replace_clean (&customer->name, CRM_STORE_MAX_NAME, TRUE);
  replace_clean (&customer->phone, CRM_STORE_MAX_FIELD, TRUE);
  replace_clean (&customer->email, CRM_STORE_MAX_FIELD, TRUE);
  replace_clean (&customer->address, CRM_STORE_MAX_FIELD, FALSE);
  replace_clean (&customer->birthday, 10 + 1, FALSE);
  replace_clean (&customer->notes, CRM_STORE_MAX_NOTES, FALSE);
  replace_clean (&customer->language, 2 + 1, TRUE);
  replace_clean (&customer->channel, 10, TRUE);
  replace_clean (&customer->consent_date, 10 + 1, TRUE);
  replace_clean (&customer->consent_source, CRM_STORE_MAX_NAME, TRUE);
  /* A date and a source belong to a "yes". */
  if (!customer->marketing_consent)
    {
      customer->consent_date[0] = '\0';
      customer->consent_source[0] = '\0';
    }

  customer->tags = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; tags != NULL && i < tags->len; i++)
    {
      g_autofree char *tag = clean_text (g_ptr_array_index (tags, i), CRM_STORE_MAX_TAG);

      g_strdelimit (tag, "\n\t,", ' ');
      g_strstrip (tag);
      crm_import_customer_add_tag (customer, tag);
    }

  if (customer->segment_override != NULL && customer->segment_override[0] == '\0')
    g_clear_pointer (&customer->segment_override, g_free);

  if (customer->name[0] == '\0')
    {
      g_set_error_literal (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID,
                           _("Every customer needs a name."));
      return refuse (refused, CRM_CUSTOMER_FIELD_NAME);
    }

  if (!crm_text_check_phone (customer->phone, error))
    return refuse (refused, CRM_CUSTOMER_FIELD_PHONE);
  if (!crm_text_check_email (customer->email, error))
    return refuse (refused, CRM_CUSTOMER_FIELD_EMAIL);

  if (customer->birthday[0] != '\0')
    {
      /* As typed ("31.05", "31.05.1990") into the store's form. */
      g_autofree char *birthday = crm_birthday_normalise (customer->birthday);

      if (birthday == NULL)
        {
          g_set_error_literal (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID,
                               _("Write the birthday as day and month, with the year when known: "
                                 "31.05 or 31.05.1990."));
          return refuse (refused, CRM_CUSTOMER_FIELD_BIRTHDAY);
        }
      g_free (customer->birthday);
      customer->birthday = g_steal_pointer (&birthday);
    }

  if (!one_of (customer->language, (const char * const[]) { "en", "ka", "hy", NULL }))
    {
      g_set_error (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID,
                   "unknown language “%s”", customer->language);
      return refuse (refused, CRM_CUSTOMER_FIELD_LANGUAGE);
    }
  if (!one_of (customer->channel, crm_customer_channels))
    {
      g_set_error (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID,
                   "unknown channel “%s”", customer->channel);
      return refuse (refused, CRM_CUSTOMER_FIELD_CHANNEL);
    }
  {
    char *telegram = crm_store_clean_telegram (customer->telegram);

    if (telegram == NULL)
      {
        g_set_error_literal (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID,
                             _("A Telegram username has 5 to 32 Latin letters, digits or underscores."));
        return refuse (refused, CRM_CUSTOMER_FIELD_TELEGRAM);
      }
    g_free (customer->telegram);
    customer->telegram = telegram;
  }
  if (customer->consent_date[0] != '\0' && !valid_date (customer->consent_date))
    {
      g_set_error_literal (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID,
                           _("Write the date of consent as year-month-day, for example 2026-05-31."));
      return refuse (refused, CRM_CUSTOMER_FIELD_CONSENT_DATE);
    }

  if (customer->segment_override != NULL &&
      !g_str_equal (customer->segment_override, "key") &&
      !g_str_equal (customer->segment_override, "secondary"))
    {
      g_set_error (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID,
                   "unknown segment “%s”", customer->segment_override);
      return refuse (refused, CRM_CUSTOMER_FIELD_SEGMENT);
    }

  return TRUE;
}

/* Search keys */

/* The folded keys that search and sorting use: name_key sorts, phone_key
 * matches numbers however written, search_text holds name, e-mail, notes
 * and tags. Folding goes character by character and runs of spaces become
 * one, so the name's fold starts the search text and only the rest is
 * folded again (a bulk import folds every name once). */
