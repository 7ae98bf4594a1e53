/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-follow-up"

#include "config.h"

#include "crm-follow-up-private.h"

G_DEFINE_FINAL_TYPE (CrmFollowUp, crm_follow_up, G_TYPE_OBJECT)

/* One property per getter, so that lists sort and bind by name
 * (GtkPropertyExpression). All read-only: a snapshot never changes, so
 * nothing is ever notified. */
enum {
  PROP_0,
  PROP_ID,
  PROP_CUSTOMER_ID,
  PROP_CUSTOMER_NAME,
  PROP_KEY_CLIENT,
  PROP_DUE_AT,
  PROP_SNOOZED_UNTIL,
  PROP_WHEN,
  PROP_NOTE,
  PROP_REPEAT_DAYS,
  PROP_NOTIFIED_AT,
  PROP_DONE_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crm_follow_up_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CrmFollowUp *self = CRM_FOLLOW_UP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, crm_follow_up_get_id (self));
      break;
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, crm_follow_up_get_customer_id (self));
      break;
    case PROP_CUSTOMER_NAME:
      g_value_set_string (value, crm_follow_up_get_customer_name (self));
      break;
    case PROP_KEY_CLIENT:
      g_value_set_boolean (value, crm_follow_up_get_key_client (self));
      break;
    case PROP_DUE_AT:
      g_value_set_int64 (value, crm_follow_up_get_due_at (self));
      break;
    case PROP_SNOOZED_UNTIL:
      g_value_set_int64 (value, crm_follow_up_get_snoozed_until (self));
      break;
    case PROP_WHEN:
      g_value_set_int64 (value, crm_follow_up_get_when (self));
      break;
    case PROP_NOTE:
      g_value_set_string (value, crm_follow_up_get_note (self));
      break;
    case PROP_REPEAT_DAYS:
      g_value_set_uint (value, crm_follow_up_get_repeat_days (self));
      break;
    case PROP_NOTIFIED_AT:
      g_value_set_int64 (value, crm_follow_up_get_notified_at (self));
      break;
    case PROP_DONE_AT:
      g_value_set_int64 (value, crm_follow_up_get_done_at (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_follow_up_finalize (GObject *object)
{
  CrmFollowUp *self = (CrmFollowUp *) object;

  g_free (self->customer_name);
  g_free (self->note);

  G_OBJECT_CLASS (crm_follow_up_parent_class)->finalize (object);
}

#define READ_ONLY (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)
/* Times in seconds since the epoch, 0 for none. */
#define TIME_PROPERTY(name) \
  g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0, READ_ONLY)

static void
crm_follow_up_class_init (CrmFollowUpClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = crm_follow_up_get_property;
  object_class->finalize = crm_follow_up_finalize;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, READ_ONLY);
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL, 0, G_MAXINT64, 0, READ_ONLY);
  properties[PROP_CUSTOMER_NAME] =
    g_param_spec_string ("customer-name", NULL, NULL, NULL, READ_ONLY);
  properties[PROP_KEY_CLIENT] =
    g_param_spec_boolean ("key-client", NULL, NULL, FALSE, READ_ONLY);
  properties[PROP_DUE_AT] = TIME_PROPERTY ("due-at");
  properties[PROP_SNOOZED_UNTIL] = TIME_PROPERTY ("snoozed-until");
  /* The snooze time if snoozed, else the due time: what the list sorts by. */
  properties[PROP_WHEN] = TIME_PROPERTY ("when");
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL, READ_ONLY);
  /* 0 for a one-off */
  properties[PROP_REPEAT_DAYS] =
    g_param_spec_uint ("repeat-days", NULL, NULL, 0, G_MAXUINT, 0, READ_ONLY);
  properties[PROP_NOTIFIED_AT] = TIME_PROPERTY ("notified-at");
  properties[PROP_DONE_AT] = TIME_PROPERTY ("done-at");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

#undef TIME_PROPERTY
#undef READ_ONLY

static void
crm_follow_up_init (CrmFollowUp *self)
{
}

#define GETTER(type, name, fallback)                       \
  type                                                     \
  crm_follow_up_get_##name (CrmFollowUp *self)             \
  {                                                        \
    g_return_val_if_fail (CRM_IS_FOLLOW_UP (self), fallback); \
    return self->name;                                     \
  }

GETTER (gint64, id, 0)
GETTER (gint64, customer_id, 0)
GETTER (const char *, customer_name, NULL)
GETTER (gboolean, key_client, FALSE)
GETTER (gint64, due_at, 0)
GETTER (gint64, snoozed_until, 0)
GETTER (const char *, note, NULL)
GETTER (guint, repeat_days, 0)
GETTER (gint64, notified_at, 0)
GETTER (gint64, done_at, 0)

#undef GETTER

/**
 * crm_follow_up_get_when:
 *
 * Returns: when it is due now: the snooze time if snoozed, else the due time
 */
gint64
crm_follow_up_get_when (CrmFollowUp *self)
{
  g_return_val_if_fail (CRM_IS_FOLLOW_UP (self), 0);

  return self->snoozed_until > 0 ? self->snoozed_until : self->due_at;
}
