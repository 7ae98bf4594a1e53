/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-customer"

#include "config.h"

#include "crm-customer-private.h"

G_DEFINE_FINAL_TYPE (CrmCustomer, crm_customer, G_TYPE_OBJECT)

const char * const crm_customer_channels[] = {
  "call", "sms", "email", "whatsapp", "viber", "telegram", "copy", NULL,
};

G_DEFINE_ENUM_TYPE (CrmSegment, crm_segment,
                    G_DEFINE_ENUM_VALUE (CRM_SEGMENT_SECONDARY, "secondary"),
                    G_DEFINE_ENUM_VALUE (CRM_SEGMENT_KEY, "key"))

/* One property per getter, so that lists sort and bind by name
 * (GtkPropertyExpression). All read-only: a snapshot never changes, so
 * nothing is ever notified. */
enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_ADDRESS,
  PROP_BIRTHDAY,
  PROP_NOTES,
  PROP_TAGS,
  PROP_SEGMENT_OVERRIDE,
  PROP_ARCHIVED,
  PROP_SEGMENT,
  PROP_RULE_KEY,
  PROP_SPEND,
  PROP_PURCHASES,
  PROP_TOTAL_PURCHASES,
  PROP_FIRST_PURCHASE_AT,
  PROP_LAST_PURCHASE_AT,
  PROP_LAST_VISIT_AT,
  PROP_REVENUE_TOTAL,
  PROP_SHARE,
  PROP_AT_RISK,
  PROP_USUAL_INTERVAL,
  PROP_LANGUAGE,
  PROP_CHANNEL,
  PROP_MARKETING_CONSENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crm_customer_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CrmCustomer *self = CRM_CUSTOMER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, crm_customer_get_id (self));
      break;
    case PROP_NAME:
      g_value_set_string (value, crm_customer_get_name (self));
      break;
    case PROP_PHONE:
      g_value_set_string (value, crm_customer_get_phone (self));
      break;
    case PROP_EMAIL:
      g_value_set_string (value, crm_customer_get_email (self));
      break;
    case PROP_ADDRESS:
      g_value_set_string (value, crm_customer_get_address (self));
      break;
    case PROP_BIRTHDAY:
      g_value_set_string (value, crm_customer_get_birthday (self));
      break;
    case PROP_NOTES:
      g_value_set_string (value, crm_customer_get_notes (self));
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, crm_customer_get_tags (self));
      break;
    case PROP_SEGMENT_OVERRIDE:
      g_value_set_string (value, crm_customer_get_segment_override (self));
      break;
    case PROP_ARCHIVED:
      g_value_set_boolean (value, crm_customer_get_archived (self));
      break;
    case PROP_SEGMENT:
      g_value_set_enum (value, crm_customer_get_segment (self));
      break;
    case PROP_RULE_KEY:
      g_value_set_boolean (value, crm_customer_get_rule_key (self));
      break;
    case PROP_SPEND:
      g_value_set_int64 (value, crm_customer_get_spend (self));
      break;
    case PROP_PURCHASES:
      g_value_set_uint (value, crm_customer_get_purchases (self));
      break;
    case PROP_TOTAL_PURCHASES:
      g_value_set_uint (value, crm_customer_get_total_purchases (self));
      break;
    case PROP_FIRST_PURCHASE_AT:
      g_value_set_int64 (value, crm_customer_get_first_purchase_at (self));
      break;
    case PROP_LAST_PURCHASE_AT:
      g_value_set_int64 (value, crm_customer_get_last_purchase_at (self));
      break;
    case PROP_LAST_VISIT_AT:
      g_value_set_int64 (value, crm_customer_get_last_visit_at (self));
      break;
    case PROP_REVENUE_TOTAL:
      g_value_set_int64 (value, crm_customer_get_revenue_total (self));
      break;
    case PROP_SHARE:
      g_value_set_double (value, crm_customer_get_share (self));
      break;
    case PROP_AT_RISK:
      g_value_set_boolean (value, crm_customer_get_at_risk (self));
      break;
    case PROP_USUAL_INTERVAL:
      g_value_set_int64 (value, crm_customer_get_usual_interval (self));
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, crm_customer_get_language (self));
      break;
    case PROP_CHANNEL:
      g_value_set_string (value, crm_customer_get_channel (self));
      break;
    case PROP_MARKETING_CONSENT:
      g_value_set_boolean (value, crm_customer_get_marketing_consent (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

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
  g_free (self->language);
  g_free (self->channel);
  g_free (self->telegram);
  g_free (self->consent_date);
  g_free (self->consent_source);

  G_OBJECT_CLASS (crm_customer_parent_class)->finalize (object);
}

#define READ_ONLY (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)
#define TEXT_PROPERTY(name) \
  g_param_spec_string (name, NULL, NULL, NULL, READ_ONLY)
/* Times in seconds since the epoch, 0 for none. */
#define TIME_PROPERTY(name) \
  g_param_spec_int64 (name, NULL, NULL, G_MININT64, G_MAXINT64, 0, READ_ONLY)

static void
crm_customer_class_init (CrmCustomerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = crm_customer_get_property;
  object_class->finalize = crm_customer_finalize;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, READ_ONLY);
  properties[PROP_NAME] = TEXT_PROPERTY ("name");
  properties[PROP_PHONE] = TEXT_PROPERTY ("phone");
  properties[PROP_EMAIL] = TEXT_PROPERTY ("email");
  properties[PROP_ADDRESS] = TEXT_PROPERTY ("address");
  /* YYYY-MM-DD, or empty */
  properties[PROP_BIRTHDAY] = TEXT_PROPERTY ("birthday");
  properties[PROP_NOTES] = TEXT_PROPERTY ("notes");
  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, READ_ONLY);
  /* "key", "secondary" or NULL */
  properties[PROP_SEGMENT_OVERRIDE] = TEXT_PROPERTY ("segment-override");
  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL, FALSE, READ_ONLY);
  /* The override if there is one, else the rule's answer. */
  properties[PROP_SEGMENT] =
    g_param_spec_enum ("segment", NULL, NULL, CRM_TYPE_SEGMENT, CRM_SEGMENT_SECONDARY, READ_ONLY);
  properties[PROP_RULE_KEY] =
    g_param_spec_boolean ("rule-key", NULL, NULL, FALSE, READ_ONLY);
  /* Minor units, in the segmentation window. */
  properties[PROP_SPEND] =
    g_param_spec_int64 ("spend", NULL, NULL, G_MININT64, G_MAXINT64, 0, READ_ONLY);
  properties[PROP_PURCHASES] =
    g_param_spec_uint ("purchases", NULL, NULL, 0, G_MAXUINT, 0, READ_ONLY);
  properties[PROP_TOTAL_PURCHASES] =
    g_param_spec_uint ("total-purchases", NULL, NULL, 0, G_MAXUINT, 0, READ_ONLY);
  properties[PROP_FIRST_PURCHASE_AT] = TIME_PROPERTY ("first-purchase-at");
  properties[PROP_LAST_PURCHASE_AT] = TIME_PROPERTY ("last-purchase-at");
  properties[PROP_LAST_VISIT_AT] = TIME_PROPERTY ("last-visit-at");
  properties[PROP_REVENUE_TOTAL] =
    g_param_spec_int64 ("revenue-total", NULL, NULL, G_MININT64, G_MAXINT64, 0, READ_ONLY);
  properties[PROP_SHARE] =
    g_param_spec_double ("share", NULL, NULL, 0.0, 1.0, 0.0, READ_ONLY);
  properties[PROP_AT_RISK] =
    g_param_spec_boolean ("at-risk", NULL, NULL, FALSE, READ_ONLY);
  /* Seconds between purchases on average, 0 below two purchases. */
  properties[PROP_USUAL_INTERVAL] =
    g_param_spec_int64 ("usual-interval", NULL, NULL, G_MININT64, G_MAXINT64, 0, READ_ONLY);

  /* "", "en", "ka" or "hy"; "" is the shop's language */
  properties[PROP_LANGUAGE] = TEXT_PROPERTY ("language");
  /* "" or one of crm_customer_channels */
  properties[PROP_CHANNEL] = TEXT_PROPERTY ("channel");
  properties[PROP_MARKETING_CONSENT] =
    g_param_spec_boolean ("marketing-consent", NULL, NULL, FALSE, READ_ONLY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

#undef TIME_PROPERTY
#undef TEXT_PROPERTY
#undef READ_ONLY

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
GETTER (const char *, language, language, NULL)
GETTER (const char *, channel, channel, NULL)
GETTER (const char *, telegram, telegram, NULL)
GETTER (gboolean, marketing_consent, marketing_consent, FALSE)
GETTER (const char *, consent_date, consent_date, NULL)
GETTER (const char *, consent_source, consent_source, NULL)

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
