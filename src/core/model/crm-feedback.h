/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CRM_TYPE_FEEDBACK (crm_feedback_get_type ())

G_DECLARE_FINAL_TYPE (CrmFeedback, crm_feedback, CRM, FEEDBACK, GObject)

/* What the filters and the quick form choose from; the database keeps these
 * exact words. */
extern const char * const crm_feedback_kinds[];     /* complaint, praise, suggestion, question */
extern const char * const crm_feedback_channels[];  /* in-store, phone, email, social, other */
extern const char * const crm_feedback_statuses[];  /* new, in_progress, resolved */

gint64      crm_feedback_get_id            (CrmFeedback *self);
gint64      crm_feedback_get_customer_id   (CrmFeedback *self);
const char *crm_feedback_get_customer_name (CrmFeedback *self);
gint64      crm_feedback_get_received_at   (CrmFeedback *self);
const char *crm_feedback_get_kind          (CrmFeedback *self);
guint       crm_feedback_get_rating        (CrmFeedback *self);
const char *crm_feedback_get_channel       (CrmFeedback *self);
const char *crm_feedback_get_text          (CrmFeedback *self);
const char *crm_feedback_get_status        (CrmFeedback *self);
gboolean    crm_feedback_get_read          (CrmFeedback *self);
const char *crm_feedback_get_response      (CrmFeedback *self);
const char *crm_feedback_get_responded_by  (CrmFeedback *self);
gint64      crm_feedback_get_responded_at  (CrmFeedback *self);
gint64      crm_feedback_get_resolved_at   (CrmFeedback *self);
guint       crm_feedback_get_effort        (CrmFeedback *self);
int         crm_feedback_get_recommend     (CrmFeedback *self);

G_END_DECLS
