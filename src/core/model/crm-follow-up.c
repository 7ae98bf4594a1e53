/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-follow-up"

#include "config.h"

#include "crm-follow-up-private.h"

G_DEFINE_FINAL_TYPE (CrmFollowUp, crm_follow_up, G_TYPE_OBJECT)

static void
crm_follow_up_finalize (GObject *object)
{
  CrmFollowUp *self = (CrmFollowUp *) object;

  g_free (self->customer_name);
  g_free (self->note);

  G_OBJECT_CLASS (crm_follow_up_parent_class)->finalize (object);
}

static void
crm_follow_up_class_init (CrmFollowUpClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_follow_up_finalize;
}

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
