/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crm-customer.h"
#include "crm-message-channel.h"
#include "crm-message-template.h"
#include "crm-types.h"

G_BEGIN_DECLS

/* A message for one customer, filled, before anyone edits it. */
typedef struct
{
  CrmMessageTemplate  template;
  const char         *language;   /* "en", "ka" or "hy": the customer's, else the shop's */
  char               *subject;
  char               *body;
  CrmChannel          channel;    /* the customer's preferred one */
} CrmMessageDraft;

const char *crm_message_template_title    (CrmMessageTemplate  template);
const char *crm_channel_title             (CrmChannel          channel);
const char *crm_message_customer_language (CrmCustomer        *customer,
                                           const char         *shop_language);
gboolean    crm_message_allowed           (CrmCustomer        *customer,
                                           CrmMessageTemplate  template);
void        crm_message_dup_text          (CrmStore           *store,
                                           CrmMessageTemplate  template,
                                           const char         *language,
                                           char              **subject,
                                           char              **body);
void        crm_message_compose           (CrmStore           *store,
                                           CrmCustomer        *customer,
                                           CrmMessageTemplate  template,
                                           const char         *shop_language,
                                           CrmMessageDraft    *draft);
void        crm_message_compose_in        (CrmStore           *store,
                                           CrmCustomer        *customer,
                                           CrmMessageTemplate  template,
                                           const char         *language,
                                           CrmMessageDraft    *draft);
void        crm_message_draft_clear       (CrmMessageDraft    *draft);
gboolean    crm_message_route_to          (CrmStore           *store,
                                           CrmCustomer        *customer,
                                           CrmChannel          channel,
                                           const char         *subject,
                                           const char         *body,
                                           CrmMessageRoute    *route,
                                           GError            **error);
gint64      crm_message_log_sent          (CrmStore           *store,
                                           gint64              customer_id,
                                           CrmMessageTemplate  template,
                                           CrmChannel          channel,
                                           GError            **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrmMessageDraft, crm_message_draft_clear)

G_END_DECLS
