/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-customer"

#include "config.h"

#include "crm-customer-private.h"

G_DEFINE_FINAL_TYPE (CrmCustomer, crm_customer, G_TYPE_OBJECT)

static void
crm_customer_finalize (GObject *object)
{
  CrmCustomer *self = (CrmCustomer *) object;

  g_free (self->name);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->address);
  g_free (self->birthday);
  g_free (self->notes);
  g_strfreev (self->tags);
  g_free (self->segment_override);

  G_OBJECT_CLASS (crm_customer_parent_class)->finalize (object);
}

static void
crm_customer_class_init (CrmCustomerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crm_customer_finalize;
}

static void
crm_customer_init (CrmCustomer *self)
{
}

#define GETTER(type, name, field, fallback)             \
  type                                                  \
  crm_customer_get_##name (CrmCustomer *self)           \
  {                                                     \
    g_return_val_if_fail (CRM_IS_CUSTOMER (self), fallback); \
    return self->field;                                 \
  }

GETTER (gint64, id, id, 0)
GETTER (const char *, name, name, NULL)
GETTER (const char *, phone, phone, NULL)
GETTER (const char *, email, email, NULL)
GETTER (const char *, address, address, NULL)
GETTER (const char *, birthday, birthday, NULL)
GETTER (const char *, notes, notes, NULL)
GETTER (const char *, segment_override, segment_override, NULL)
GETTER (gboolean, archived, archived, FALSE)
GETTER (gboolean, rule_key, rule_key, FALSE)
GETTER (gint64, spend, spend, 0)
GETTER (guint, purchases, purchases, 0)
GETTER (guint, total_purchases, total_purchases, 0)
GETTER (gint64, first_purchase_at, first_purchase_at, 0)
GETTER (gint64, last_purchase_at, last_purchase_at, 0)
GETTER (gint64, last_visit_at, last_visit_at, 0)
GETTER (gint64, revenue_total, revenue_total, 0)
GETTER (gboolean, at_risk, at_risk, FALSE)
GETTER (gint64, usual_interval, usual_interval, 0)

#undef GETTER

const char * const *
crm_customer_get_tags (CrmCustomer *self)
{
  static const char *const none[] = { NULL };

  g_return_val_if_fail (CRM_IS_CUSTOMER (self), none);

  return self->tags ? (const char * const *) self->tags : none;
}

/**
 * crm_customer_get_segment:
 *
 * A manual override wins over the rule.
 */
CrmSegment
crm_customer_get_segment (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), CRM_SEGMENT_SECONDARY);

  if (g_strcmp0 (self->segment_override, "key") == 0)
    return CRM_SEGMENT_KEY;
  if (g_strcmp0 (self->segment_override, "secondary") == 0)
    return CRM_SEGMENT_SECONDARY;

  return self->rule_key ? CRM_SEGMENT_KEY : CRM_SEGMENT_SECONDARY;
}

/**
 * crm_customer_get_share:
 *
 * Returns: this customer's part of the shop's revenue in the window, 0–1
 */
double
crm_customer_get_share (CrmCustomer *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER (self), 0.0);

  if (self->revenue_total <= 0 || self->spend <= 0)
    return 0.0;

  return (double) self->spend / (double) self->revenue_total;
}
