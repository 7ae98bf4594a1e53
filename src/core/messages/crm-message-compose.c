/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A template filled for one customer from the store: their language,
 * the shop's wording or the shipped one, their points and the reward
 * within reach; the link for their channel; and the line in their
 * history once it is sent. */

#define G_LOG_DOMAIN "crm-messages"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-message-compose.h"
#include "crm-store-loyalty.h"
#include "crm-store-messages.h"
#include "crm-store.h"

const char *
crm_message_template_title (CrmMessageTemplate template)
{
  switch (template)
    {
    case CRM_MESSAGE_BIRTHDAY:
      return _("Birthday Wish");
    case CRM_MESSAGE_MISS_YOU:
      return _("We Miss You");
    case CRM_MESSAGE_REWARD:
      /* Translators: the customer has collected enough points for a reward */
      return _("Reward Reached");
    case CRM_MESSAGE_ORDER:
      return _("Order Arrived");
    case CRM_MESSAGE_N_TEMPLATES:
    default:
      return "";
    }
}

const char *
crm_channel_title (CrmChannel channel)
{
  switch (channel)
    {
    case CRM_CHANNEL_CALL:
      return _("Phone Call");
    case CRM_CHANNEL_SMS:
      return _("SMS");
    case CRM_CHANNEL_EMAIL:
      return _("E-mail");
    case CRM_CHANNEL_WHATSAPP:
      return "WhatsApp";
    case CRM_CHANNEL_VIBER:
      return "Viber";
    case CRM_CHANNEL_TELEGRAM:
      return "Telegram";
    case CRM_CHANNEL_COPY:
      return _("Copy Only");
    case CRM_CHANNEL_NONE:
    case CRM_CHANNEL_N_CHANNELS:
    default:
      /* Translators: the customer has no preferred channel for messages */
      return C_("channel", "None");
    }
}

/**
 * crm_message_customer_language:
 * @shop_language: the language the app speaks now
 *
 * Returns: "en", "ka" or "hy": the customer's preferred language, else
 *   the shop's
 */
const char *
crm_message_customer_language (CrmCustomer *customer,
                               const char  *shop_language)
{
  const char *language = customer != NULL ? crm_customer_get_language (customer) : NULL;

  return crm_message_language (language != NULL && language[0] != '\0' ? language : shop_language);
}

/* Marketing messages only with the customer's consent. */
gboolean
crm_message_allowed (CrmCustomer        *customer,
                     CrmMessageTemplate  template)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (customer), FALSE);

  return !crm_message_template_is_marketing (template) ||
         crm_customer_get_marketing_consent (customer);
}

/**
 * crm_message_dup_text:
 * @subject: (out) (transfer full)
 * @body: (out) (transfer full)
 *
 * The shop's wording of @template in @language, else the shipped one.
 */
void
crm_message_dup_text (CrmStore            *store,
                      CrmMessageTemplate   template,
                      const char          *language,
                      char               **subject,
                      char               **body)
{
  const char *lang = crm_message_language (language);

  if (store == NULL ||
      !crm_store_get_message_template (store, crm_message_template_key (template), lang, subject, body))
    {
      *subject = g_strdup (crm_message_template_default_subject (template, lang));
      *body = g_strdup (crm_message_template_default_body (template, lang));
    }
}

/* The dearest active reward the balance pays for, or NULL. */
static char *
reward_in_reach (CrmStore *store,
                 gint64    balance)
{
  g_autoptr(GPtrArray) rewards = crm_store_list_rewards (store, FALSE);
  const CrmReward *best = NULL;

  for (guint i = 0; i < rewards->len; i++)
    {
      const CrmReward *reward = g_ptr_array_index (rewards, i);

      if (reward->points_cost <= balance && (best == NULL || reward->points_cost > best->points_cost))
        best = reward;
    }

  return best != NULL ? g_strdup (best->name) : NULL;
}

/**
 * crm_message_compose:
 * @draft: (out caller-allocates): the message, for crm_message_draft_clear()
 *
 * Fills @template for @customer in their language (else
 * @shop_language) with their name, points balance, the reward it
 * reaches, the shop's name and their birthday.
 */
void
crm_message_compose (CrmStore           *store,
                     CrmCustomer        *customer,
                     CrmMessageTemplate  template,
                     const char         *shop_language,
                     CrmMessageDraft    *draft)
{
  crm_message_compose_in (store, customer, template,
                          crm_message_customer_language (customer, shop_language), draft);
}

/* As crm_message_compose(), in @language whatever the customer's. */
void
crm_message_compose_in (CrmStore           *store,
                        CrmCustomer        *customer,
                        CrmMessageTemplate  template,
                        const char         *language,
                        CrmMessageDraft    *draft)
{
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *shop = NULL;
  g_autofree char *reward = NULL;
  CrmMessageValues values = { 0 };

  g_return_if_fail (CRM_IS_STORE (store));
  g_return_if_fail (CRM_IS_CUSTOMER (customer));
  g_return_if_fail (draft != NULL);

  draft->template = template;
  draft->language = crm_message_language (language);
  draft->channel = crm_channel_from_key (crm_customer_get_channel (customer));

  crm_message_dup_text (store, template, draft->language, &subject, &body);
  shop = crm_store_dup_setting (store, "shop.name", "");
  values.name = crm_customer_get_name (customer);
  values.points = crm_store_get_points_balance (store, crm_customer_get_id (customer));
  reward = reward_in_reach (store, values.points);
  values.reward = reward;
  values.shop = shop;
  values.birthday = crm_customer_get_birthday (customer);

  draft->subject = crm_message_fill (subject, &values, draft->language);
  draft->body = crm_message_fill (body, &values, draft->language);
}

void
crm_message_draft_clear (CrmMessageDraft *draft)
{
  g_clear_pointer (&draft->subject, g_free);
  g_clear_pointer (&draft->body, g_free);
}

/**
 * crm_message_route_to:
 * @route: (out caller-allocates)
 *
 * The link for @channel with the customer's number, address or
 * Telegram name; numbers without a country code take the shop's (by its
 * currency).
 */
gboolean
crm_message_route_to (CrmStore         *store,
                      CrmCustomer      *customer,
                      CrmChannel        channel,
                      const char       *subject,
                      const char       *body,
                      CrmMessageRoute  *route,
                      GError          **error)
{
  g_autofree char *currency = crm_store_dup_currency (store);
  CrmMessageAddress address = {
    crm_customer_get_phone (customer),
    crm_customer_get_email (customer),
    crm_customer_get_telegram (customer),
    crm_message_country_code (currency),
  };

  return crm_message_route (channel, &address, subject, body, route, error);
}

/**
 * crm_message_log_sent:
 *
 * Adds the message to the customer's history: a call, an e-mail or a
 * message, noting which template went by which channel. The text itself
 * is not kept: it was edited and sent elsewhere, and the note is enough
 * to see who was told what.
 *
 * Returns: the interaction's id, or 0 with @error set
 */
gint64
crm_message_log_sent (CrmStore            *store,
                      gint64               customer_id,
                      CrmMessageTemplate   template,
                      CrmChannel           channel,
                      GError             **error)
{
  g_autofree char *note = NULL;
  const char *kind = channel == CRM_CHANNEL_CALL ? "call"
                     : channel == CRM_CHANNEL_EMAIL ? "email" : "message";

  /* Translators: "Sent “Birthday Wish” by WhatsApp" */
  note = g_strdup_printf (_("Sent “%s” by %s"), crm_message_template_title (template),
                          crm_channel_title (channel));
  return crm_store_add_interaction (store, customer_id, crm_store_now (store), kind, note, error);
}
