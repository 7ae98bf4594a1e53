/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crm-store.h"

G_BEGIN_DECLS

/* The shop's wording of the message templates, and the privacy actions
 * on one person (docs/messages.md). A template the shop never changed
 * has no row: the shipped text (core/messages/) stands. */

typedef enum
{
  CRM_PRIVACY_EXPORT,
  CRM_PRIVACY_ERASE,
} CrmPrivacyAction;

/* One line of the privacy log: what was done to which record, when and
 * by whom; never the person's details. */
typedef struct
{
  gint64            at;
  CrmPrivacyAction  action;
  gint64            customer_id;
  char             *staff;        /* (nullable) */
} CrmPrivacyEntry;

gboolean   crm_store_get_message_template   (CrmStore          *self,
                                             const char        *template,
                                             const char        *language,
                                             char             **subject,
                                             char             **body);
gboolean   crm_store_set_message_template   (CrmStore          *self,
                                             const char        *template,
                                             const char        *language,
                                             const char        *subject,
                                             const char        *body,
                                             GError           **error);
gboolean   crm_store_reset_message_template (CrmStore          *self,
                                             const char        *template,
                                             const char        *language,
                                             GError           **error);

gboolean   crm_store_log_privacy            (CrmStore          *self,
                                             CrmPrivacyAction   action,
                                             gint64             customer_id,
                                             GError           **error);
GPtrArray *crm_store_list_privacy_log       (CrmStore          *self);
void       crm_privacy_entry_free           (CrmPrivacyEntry   *entry);
gboolean   crm_store_erase_customer         (CrmStore          *self,
                                             gint64             id,
                                             GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmPrivacyEntry, crm_privacy_entry_free)

G_END_DECLS
