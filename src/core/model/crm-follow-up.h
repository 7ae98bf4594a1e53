/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CRM_TYPE_FOLLOW_UP (crm_follow_up_get_type ())

G_DECLARE_FINAL_TYPE (CrmFollowUp, crm_follow_up, CRM, FOLLOW_UP, GObject)

gint64      crm_follow_up_get_id            (CrmFollowUp *self);
gint64      crm_follow_up_get_customer_id   (CrmFollowUp *self);
const char *crm_follow_up_get_customer_name (CrmFollowUp *self);
gboolean    crm_follow_up_get_key_client    (CrmFollowUp *self);
gint64      crm_follow_up_get_due_at        (CrmFollowUp *self);
gint64      crm_follow_up_get_snoozed_until (CrmFollowUp *self);
gint64      crm_follow_up_get_when          (CrmFollowUp *self);
const char *crm_follow_up_get_note          (CrmFollowUp *self);
guint       crm_follow_up_get_repeat_days   (CrmFollowUp *self);
gint64      crm_follow_up_get_notified_at   (CrmFollowUp *self);
gint64      crm_follow_up_get_done_at       (CrmFollowUp *self);

G_END_DECLS
