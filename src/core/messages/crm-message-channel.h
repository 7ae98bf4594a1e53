/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The ways a message reaches a customer (docs/messages.md). */
typedef enum
{
  CRM_CHANNEL_NONE,
  CRM_CHANNEL_CALL,
  CRM_CHANNEL_SMS,
  CRM_CHANNEL_EMAIL,
  CRM_CHANNEL_WHATSAPP,
  CRM_CHANNEL_VIBER,
  CRM_CHANNEL_TELEGRAM,
  CRM_CHANNEL_COPY,
  CRM_CHANNEL_N_CHANNELS
} CrmChannel;

#define CRM_MESSAGE_ERROR (crm_message_error_quark ())

typedef enum
{
  CRM_MESSAGE_ERROR_NO_PHONE,
  CRM_MESSAGE_ERROR_NO_EMAIL,
} CrmMessageError;

/* Where a message goes: @uri for the desktop's handler (NULL: nothing to
 * open), and whether the text must be copied too, because the channel's
 * link cannot carry it (a call, Viber, a Telegram chat). */
typedef struct
{
  char     *uri;
  gboolean  copy;
} CrmMessageRoute;

/* How to reach the customer; texts may be NULL. */
typedef struct
{
  const char *phone;
  const char *email;
  const char *telegram;       /* a username without "@" */
  const char *country_code;   /* the shop's, for numbers written without one: "995" */
} CrmMessageAddress;

GQuark      crm_message_error_quark        (void);
const char *crm_channel_to_key             (CrmChannel                channel);
CrmChannel  crm_channel_from_key           (const char               *key);
const char *crm_message_country_code       (const char               *currency);
char       *crm_message_phone_international (const char              *phone,
                                             const char              *country_code);
gboolean    crm_message_route              (CrmChannel                channel,
                                            const CrmMessageAddress  *address,
                                            const char               *subject,
                                            const char               *body,
                                            CrmMessageRoute          *route,
                                            GError                  **error);
void        crm_message_route_clear        (CrmMessageRoute          *route);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrmMessageRoute, crm_message_route_clear)

G_END_DECLS
