/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The messages the shop sends a customer, each in the three languages
 * (docs/messages.md). The wording is the shop's to change; what ships is
 * the default. */
typedef enum
{
  CRM_MESSAGE_BIRTHDAY,
  CRM_MESSAGE_MISS_YOU,
  CRM_MESSAGE_REWARD,
  CRM_MESSAGE_ORDER,
  CRM_MESSAGE_N_TEMPLATES
} CrmMessageTemplate;

/* What the placeholders stand for; NULL, "" and a balance of 0 or less
 * are missing. Texts are inserted as they are: never read as markup. */
typedef struct
{
  const char *name;       /* {name} */
  gint64      points;     /* {points}: "120 points", "120 ქულა", "120 միավոր" */
  const char *reward;     /* {reward} */
  const char *shop;       /* {shop} */
  const char *birthday;   /* {birthday}: YYYY-MM-DD or --MM-DD, read as "31 May" */
} CrmMessageValues;

const char         *crm_message_template_key          (CrmMessageTemplate  template);
gboolean            crm_message_template_from_key     (const char         *key,
                                                       CrmMessageTemplate *template);
gboolean            crm_message_template_is_marketing (CrmMessageTemplate  template);
const char         *crm_message_template_default_subject (CrmMessageTemplate template,
                                                       const char         *language);
const char         *crm_message_template_default_body (CrmMessageTemplate  template,
                                                       const char         *language);

char               *crm_message_fill                  (const char             *text,
                                                       const CrmMessageValues *values,
                                                       const char             *language);
char               *crm_message_format_points         (gint64              points,
                                                       const char         *language);
char               *crm_message_format_birthday       (const char         *birthday,
                                                       const char         *language);
const char         *crm_message_language              (const char         *language);

G_END_DECLS
