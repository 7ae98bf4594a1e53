/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  CRM_SEGMENT_SECONDARY,
  CRM_SEGMENT_KEY,
} CrmSegment;

#define CRM_TYPE_SEGMENT (crm_segment_get_type ())

GType crm_segment_get_type (void) G_GNUC_CONST;

/* What a person fills in; the store cleans and checks it. */
typedef struct
{
  const char         *name;
  const char         *phone;
  const char         *email;
  const char         *address;
  const char         *birthday;          /* YYYY-MM-DD or NULL/"" */
  const char         *notes;
  const char * const *tags;              /* NULL-terminated, may be NULL */
  const char         *segment_override;  /* "key", "secondary" or NULL */
  /* How they like to be reached (docs/messages.md); NULL reads as "". */
  const char         *language;          /* "", "en", "ka" or "hy" */
  const char         *channel;           /* "" or one of crm_customer_channels */
  const char         *telegram;          /* username, with or without "@" */
  gboolean            marketing_consent;
  const char         *consent_date;      /* YYYY-MM-DD or NULL/"" */
  const char         *consent_source;    /* "in_person", "form", "import" or other text */
} CrmCustomerFields;

/* The channels a customer may prefer, NULL-terminated: "call", "sms",
 * "email", "whatsapp", "viber", "telegram", "copy" ("" is none). */
extern const char * const crm_customer_channels[];

#define CRM_TYPE_CUSTOMER (crm_customer_get_type ())

G_DECLARE_FINAL_TYPE (CrmCustomer, crm_customer, CRM, CUSTOMER, GObject)

gint64              crm_customer_get_id                (CrmCustomer *self);
const char         *crm_customer_get_name              (CrmCustomer *self);
const char         *crm_customer_get_phone             (CrmCustomer *self);
const char         *crm_customer_get_email             (CrmCustomer *self);
const char         *crm_customer_get_address           (CrmCustomer *self);
const char         *crm_customer_get_birthday          (CrmCustomer *self);
const char         *crm_customer_get_notes             (CrmCustomer *self);
const char * const *crm_customer_get_tags              (CrmCustomer *self);
const char         *crm_customer_get_segment_override  (CrmCustomer *self);
gboolean            crm_customer_get_archived          (CrmCustomer *self);
CrmSegment          crm_customer_get_segment           (CrmCustomer *self);
gboolean            crm_customer_get_rule_key          (CrmCustomer *self);
gint64              crm_customer_get_spend             (CrmCustomer *self);
guint               crm_customer_get_purchases         (CrmCustomer *self);
guint               crm_customer_get_total_purchases   (CrmCustomer *self);
gint64              crm_customer_get_first_purchase_at (CrmCustomer *self);
gint64              crm_customer_get_last_purchase_at  (CrmCustomer *self);
gint64              crm_customer_get_last_visit_at     (CrmCustomer *self);
gint64              crm_customer_get_revenue_total     (CrmCustomer *self);
double              crm_customer_get_share             (CrmCustomer *self);
gboolean            crm_customer_get_at_risk           (CrmCustomer *self);
gint64              crm_customer_get_usual_interval    (CrmCustomer *self);
const char         *crm_customer_get_language          (CrmCustomer *self);
const char         *crm_customer_get_channel           (CrmCustomer *self);
const char         *crm_customer_get_telegram          (CrmCustomer *self);
gboolean            crm_customer_get_marketing_consent (CrmCustomer *self);
const char         *crm_customer_get_consent_date      (CrmCustomer *self);
const char         *crm_customer_get_consent_source    (CrmCustomer *self);

G_END_DECLS
