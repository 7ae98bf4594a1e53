/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-feedback"

#include "config.h"

#include "crm-feedback-private.h"

G_DEFINE_FINAL_TYPE (CrmFeedback, crm_feedback, G_TYPE_OBJECT)

const char * const crm_feedback_kinds[] = { "complaint", "praise", "suggestion", "question", NULL };
const char * const crm_feedback_channels[] = { "in-store", "phone", "email", "social", "other", NULL };
const char * const crm_feedback_statuses[] = { "new", "in_progress", "resolved", NULL };

/* One property per getter, so that lists sort and bind by name
 * (GtkPropertyExpression). All read-only: a snapshot never changes, so
 * nothing is ever notified. */
enum {
  PROP_0,
  PROP_ID,
  PROP_CUSTOMER_ID,
  PROP_CUSTOMER_NAME,
  PROP_RECEIVED_AT,
  PROP_KIND,
  PROP_RATING,
  PROP_CHANNEL,
  PROP_TEXT,
  PROP_STATUS,
  PROP_READ,
  PROP_RESPONSE,
  PROP_RESPONDED_BY,
  PROP_RESPONDED_AT,
  PROP_RESOLVED_AT,
  PROP_EFFORT,
  PROP_RECOMMEND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crm_feedback_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CrmFeedback *self = CRM_FEEDBACK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, crm_feedback_get_id (self));
      break;
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, crm_feedback_get_customer_id (self));
      break;
    case PROP_CUSTOMER_NAME:
      g_value_set_string (value, crm_feedback_get_customer_name (self));
      break;
    case PROP_RECEIVED_AT:
      g_value_set_int64 (value, crm_feedback_get_received_at (self));
      break;
    case PROP_KIND:
      g_value_set_string (value, crm_feedback_get_kind (self));
      break;
    case PROP_RATING:
      g_value_set_uint (value, crm_feedback_get_rating (self));
      break;
    case PROP_CHANNEL:
      g_value_set_string (value, crm_feedback_get_channel (self));
      break;
    case PROP_TEXT:
      g_value_set_string (value, crm_feedback_get_text (self));
      break;
    case PROP_STATUS:
      g_value_set_string (value, crm_feedback_get_status (self));
      break;
    case PROP_READ:
      g_value_set_boolean (value, crm_feedback_get_read (self));
      break;
    case PROP_RESPONSE:
      g_value_set_string (value, crm_feedback_get_response (self));
      break;
    case PROP_RESPONDED_BY:
      g_value_set_string (value, crm_feedback_get_responded_by (self));
      break;
    case PROP_RESPONDED_AT:
      g_value_set_int64 (value, crm_feedback_get_responded_at (self));
      break;
    case PROP_RESOLVED_AT:
      g_value_set_int64 (value, crm_feedback_get_resolved_at (self));
      break;
    case PROP_EFFORT:
      g_value_set_uint (value, crm_feedback_get_effort (self));
      break;
    case PROP_RECOMMEND:
      g_value_set_int (value, crm_feedback_get_recommend (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

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

#define READ_ONLY (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)
#define TEXT_PROPERTY(name) \
  g_param_spec_string (name, NULL, NULL, NULL, READ_ONLY)
/* Times in seconds since the epoch, 0 for none. */
#define TIME_PROPERTY(name) \
  g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0, READ_ONLY)

static void
crm_feedback_class_init (CrmFeedbackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = crm_feedback_get_property;
  object_class->finalize = crm_feedback_finalize;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, READ_ONLY);
  /* 0 for anonymous feedback */
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL, 0, G_MAXINT64, 0, READ_ONLY);
  properties[PROP_CUSTOMER_NAME] = TEXT_PROPERTY ("customer-name");
  properties[PROP_RECEIVED_AT] = TIME_PROPERTY ("received-at");
  /* One of crm_feedback_kinds, crm_feedback_channels, crm_feedback_statuses */
  properties[PROP_KIND] = TEXT_PROPERTY ("kind");
  properties[PROP_CHANNEL] = TEXT_PROPERTY ("channel");
  properties[PROP_STATUS] = TEXT_PROPERTY ("status");
  /* 1–5, 0 for none */
  properties[PROP_RATING] =
    g_param_spec_uint ("rating", NULL, NULL, 0, 5, 0, READ_ONLY);
  properties[PROP_TEXT] = TEXT_PROPERTY ("text");
  properties[PROP_READ] =
    g_param_spec_boolean ("read", NULL, NULL, FALSE, READ_ONLY);
  properties[PROP_RESPONSE] = TEXT_PROPERTY ("response");
  properties[PROP_RESPONDED_BY] = TEXT_PROPERTY ("responded-by");
  properties[PROP_RESPONDED_AT] = TIME_PROPERTY ("responded-at");
  properties[PROP_RESOLVED_AT] = TIME_PROPERTY ("resolved-at");
  /* How easy it was, 1–5, 0 for not asked */
  properties[PROP_EFFORT] =
    g_param_spec_uint ("effort", NULL, NULL, 0, 5, 0, READ_ONLY);
  /* Would recommend the shop, 0–10, -1 for not asked */
  properties[PROP_RECOMMEND] =
    g_param_spec_int ("recommend", NULL, NULL, -1, 10, -1, READ_ONLY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

#undef TIME_PROPERTY
#undef TEXT_PROPERTY
#undef READ_ONLY

static void
crm_feedback_init (CrmFeedback *self)
{
  self->recommend = -1;
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
GETTER (guint, effort, effort, 0)
GETTER (int, recommend, recommend, -1)

#undef GETTER
