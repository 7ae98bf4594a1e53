/* SPDX-License-Identifier: GPL-3.0-or-later */

/* From a filled message to the link that hands it to a channel: tel:,
 * sms:, mailto:, wa.me, viber:, t.me, each value percent-escaped, phone
 * numbers written in full international form. No GTK: the window opens
 * the link. */

#define G_LOG_DOMAIN "crm-messages"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-message-channel.h"

G_DEFINE_QUARK (crm-message-error-quark, crm_message_error)

static const char *const channel_keys[CRM_CHANNEL_N_CHANNELS] = {
  [CRM_CHANNEL_NONE] = "",
  [CRM_CHANNEL_CALL] = "call",
  [CRM_CHANNEL_SMS] = "sms",
  [CRM_CHANNEL_EMAIL] = "email",
  [CRM_CHANNEL_WHATSAPP] = "whatsapp",
  [CRM_CHANNEL_VIBER] = "viber",
  [CRM_CHANNEL_TELEGRAM] = "telegram",
  [CRM_CHANNEL_COPY] = "copy",
};

/* The customer's key in the store ("sms"…; "" for none). */
const char *
crm_channel_to_key (CrmChannel channel)
{
  g_return_val_if_fail (channel < CRM_CHANNEL_N_CHANNELS, "");

  return channel_keys[channel];
}

CrmChannel
crm_channel_from_key (const char *key)
{
  for (guint i = 1; key != NULL && i < CRM_CHANNEL_N_CHANNELS; i++)
    if (g_str_equal (key, channel_keys[i]))
      return (CrmChannel) i;

  return CRM_CHANNEL_NONE;
}

/**
 * crm_message_country_code:
 * @currency: the shop's currency
 *
 * Returns: the calling code a number without one belongs to: "995" for
 *   a shop that counts in lari, "374" in dram, else ""
 */
const char *
crm_message_country_code (const char *currency)
{
  if (g_strcmp0 (currency, "GEL") == 0)
    return "995";
  if (g_strcmp0 (currency, "AMD") == 0)
    return "374";
  return "";
}

/**
 * crm_message_phone_international:
 * @phone: as written: "+995 599 12-34-56", "0599 123456", "00374 91 123456"
 * @country_code: (nullable): the shop's calling code, for a number
 *   written without one
 *
 * Returns: (transfer full): the digits of the full international number,
 *   without "+" ("995599123456"), or "" when @phone has no digits
 */
char *
crm_message_phone_international (const char *phone,
                                 const char *country_code)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  gboolean international = FALSE;
  const char *d;
  gsize code_length = country_code != NULL ? strlen (country_code) : 0;

  if (phone == NULL || !g_utf8_validate (phone, -1, NULL))
    return g_strdup ("");

  for (const char *p = phone; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int value = g_unichar_digit_value (c);

      if (c == '+' && digits->len == 0)
        international = TRUE;
      else if (value >= 0)
        g_string_append_c (digits, (char) ('0' + value));
    }

  d = digits->str;
  if (!international && g_str_has_prefix (d, "00"))
    {
      d += 2;
      international = TRUE;
    }

  /* People type 995599123456 without the "+": a national number is
   * shorter than the code and eight digits. */
  if (international || code_length == 0 || d[0] == '\0' ||
      (g_str_has_prefix (d, country_code) && strlen (d) >= code_length + 8))
    return g_strdup (d);

  /* The trunk "0" of a national number goes. */
  if (d[0] == '0')
    d++;
  return g_strconcat (country_code, d, NULL);
}

static char *
escape (const char *text)
{
  return g_uri_escape_string (text != NULL ? text : "", NULL, FALSE);
}

/* Mail wants its line breaks as CR LF (RFC 6068). */
static char *
escape_crlf (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  g_autofree char *joined = g_strjoinv ("\r\n", lines);

  return escape (joined);
}

static gboolean
need_phone (const char  *number,
            GError     **error)
{
  if (number[0] != '\0')
    return TRUE;

  g_set_error_literal (error, CRM_MESSAGE_ERROR, CRM_MESSAGE_ERROR_NO_PHONE,
                       _("This customer has no phone number to send to."));
  return FALSE;
}

/**
 * crm_message_route:
 * @route: (out caller-allocates): where the message goes
 *
 * Builds the link for @channel. Every value in it is percent-escaped
 * (g_uri_escape_string()), so nothing in a name or message can add a
 * parameter or change where the link goes. A call opens tel: and copies
 * the text to read out; Viber and a Telegram chat open with the text
 * copied, to paste; Telegram without a username opens its share link;
 * "none" and "copy" only copy.
 *
 * Returns: %FALSE with @error set when the customer has no phone number
 *   or e-mail address for @channel
 */
gboolean
crm_message_route (CrmChannel                channel,
                   const CrmMessageAddress  *address,
                   const char               *subject,
                   const char               *body,
                   CrmMessageRoute          *route,
                   GError                  **error)
{
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (address != NULL, FALSE);
  g_return_val_if_fail (route != NULL, FALSE);

  *route = (CrmMessageRoute) { NULL, FALSE };
  number = crm_message_phone_international (address->phone, address->country_code);
  text = escape (body);

  switch (channel)
    {
    case CRM_CHANNEL_CALL:
      if (!need_phone (number, error))
        return FALSE;
      route->uri = g_strconcat ("tel:+", number, NULL);
      route->copy = TRUE;
      return TRUE;

    case CRM_CHANNEL_SMS:
      if (!need_phone (number, error))
        return FALSE;
      route->uri = g_strconcat ("sms:+", number, "?body=", text, NULL);
      return TRUE;

    case CRM_CHANNEL_EMAIL:
      {
        g_autofree char *to = NULL;
        g_autofree char *subject_text = escape_crlf (subject);
        g_autofree char *body_text = escape_crlf (body);
        g_autofree char *trimmed = g_strstrip (g_strdup (address->email ? address->email : ""));

        if (trimmed[0] == '\0' || strchr (trimmed, '@') == NULL)
          {
            g_set_error_literal (error, CRM_MESSAGE_ERROR, CRM_MESSAGE_ERROR_NO_EMAIL,
                                 _("This customer has no e-mail address to send to."));
            return FALSE;
          }
        /* "@" stays; "?", "&", "#" and the rest of a hostile address are escaped. */
        to = g_uri_escape_string (trimmed, "@", FALSE);
        route->uri = g_strconcat ("mailto:", to, "?subject=", subject_text, "&body=", body_text, NULL);
        return TRUE;
      }

    case CRM_CHANNEL_WHATSAPP:
      if (!need_phone (number, error))
        return FALSE;
      route->uri = g_strconcat ("https://wa.me/", number, "?text=", text, NULL);
      return TRUE;

    case CRM_CHANNEL_VIBER:
      if (!need_phone (number, error))
        return FALSE;
      /* "+" is escaped: a bare one reads as a space in a query. */
      route->uri = g_strconcat ("viber://chat?number=%2B", number, NULL);
      route->copy = TRUE;
      return TRUE;

    case CRM_CHANNEL_TELEGRAM:
      if (address->telegram != NULL && address->telegram[0] != '\0')
        {
          g_autofree char *user = escape (address->telegram);

          route->uri = g_strconcat ("https://t.me/", user, NULL);
        }
      else
        route->uri = g_strconcat ("https://t.me/share/url?url=&text=", text, NULL);
      route->copy = TRUE;
      return TRUE;

    case CRM_CHANNEL_NONE:
    case CRM_CHANNEL_COPY:
    case CRM_CHANNEL_N_CHANNELS:
    default:
      route->copy = TRUE;
      return TRUE;
    }
}

void
crm_message_route_clear (CrmMessageRoute *route)
{
  g_clear_pointer (&route->uri, g_free);
}
