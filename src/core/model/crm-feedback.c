/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-feedback"

#include "config.h"

#include "crm-feedback-private.h"

G_DEFINE_FINAL_TYPE (CrmFeedback, crm_feedback, G_TYPE_OBJECT)

const char * const crm_feedback_kinds[] = { "complaint", "praise", "suggestion", "question", NULL };
const char * const crm_feedback_channels[] = { "in-store", "phone", "email", "social", "other", NULL };
const char * const crm_feedback_statuses[] = { "new", "in_progress", "resolved", NULL };

static void
crm_feedback_finalize (GObject *object)
{
  CrmFeedback *self = (CrmFeedback *) object;

  g_free (self->customer_name);
  g_free (self->kind);
  g_free (self->channel);
  g_free (self->text);
  g_free (self->status);
  g_free (self->response);
  g_free (self->responded_by);

  G_OBJECT_CLASS (crm_feedback_parent_class)->finalize (object);
}

static void
crm_feedback_class_init (CrmFeedbackClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_feedback_finalize;
}

static void
crm_feedback_init (CrmFeedback *self)
{
}

#define GETTER(type, name, field, fallback)                  \
  type                                                       \
  crm_feedback_get_##name (CrmFeedback *self)                \
  {                                                          \
    g_return_val_if_fail (CRM_IS_FEEDBACK (self), fallback); \
    return self->field;                                      \
  }

GETTER (gint64, id, id, 0)
GETTER (gint64, customer_id, customer_id, 0)
GETTER (const char *, customer_name, customer_name, NULL)
GETTER (gint64, received_at, received_at, 0)
GETTER (const char *, kind, kind, NULL)
GETTER (guint, rating, rating, 0)
GETTER (const char *, channel, channel, NULL)
GETTER (const char *, text, text, NULL)
GETTER (const char *, status, status, NULL)
GETTER (gboolean, read, read, FALSE)
GETTER (const char *, response, response, NULL)
GETTER (gint64, responded_at, responded_at, 0)
GETTER (gint64, resolved_at, resolved_at, 0)
GETTER (const char *, responded_by, responded_by, NULL)

#undef GETTER
