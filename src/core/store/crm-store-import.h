/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The store's side of every import (customer files, sales, the archive):
 * the customer on its way in, cleaned by the same code as the customer
 * form, the bulk writer, and the reads an import plan needs. No engine
 * type appears here: importers include this, never crm-store-private.h. */

#include "crm-loyalty.h"
#include "crm-store.h"

G_BEGIN_DECLS

/* Longest texts kept; more is cut, never refused. */
#define CRM_STORE_MAX_NAME    200
#define CRM_STORE_MAX_FIELD   500
#define CRM_STORE_MAX_NOTES   20000
#define CRM_STORE_MAX_TAG     60

/* A customer on its way in: from the form, a file or an archive. */
typedef struct
{
  char      *name;
  char      *phone;
  char      *email;
  char      *address;
  char      *birthday;           /* YYYY-MM-DD or "" */
  char      *notes;
  GPtrArray *tags;               /* char * */
  char      *segment_override;   /* NULL, "key" or "secondary" */
  gint64     created_at;         /* 0: now */
  gint64     archived_at;        /* 0: active */
  gint64     touch_dismissed_at; /* 0: never */
  /* How they like to be reached (docs/messages.md). */
  char      *language;           /* "", "en", "ka" or "hy" ("": the shop's) */
  char      *channel;            /* "" or one of crm_customer_channels */
  char      *telegram;           /* a Telegram username, without "@", or "" */
  gboolean   marketing_consent;
  char      *consent_date;       /* YYYY-MM-DD or "" */
  char      *consent_source;     /* "in_person", "form", "import", other text, or "" */
} CrmImportCustomer;

/* The field the cleaning refused. */
typedef enum
{
  CRM_CUSTOMER_FIELD_NONE,
  CRM_CUSTOMER_FIELD_NAME,
  CRM_CUSTOMER_FIELD_PHONE,
  CRM_CUSTOMER_FIELD_EMAIL,
  CRM_CUSTOMER_FIELD_BIRTHDAY,
  CRM_CUSTOMER_FIELD_SEGMENT,
  CRM_CUSTOMER_FIELD_LANGUAGE,
  CRM_CUSTOMER_FIELD_CHANNEL,
  CRM_CUSTOMER_FIELD_TELEGRAM,
  CRM_CUSTOMER_FIELD_CONSENT_DATE,
} CrmCustomerField;

void      crm_import_customer_init       (CrmImportCustomer        *customer);
void      crm_import_customer_clear      (CrmImportCustomer        *customer);
CrmImportCustomer *crm_import_customer_new (void);
void      crm_import_customer_free       (gpointer                  customer);
void      crm_import_customer_add_tag    (CrmImportCustomer        *customer,
                                          const char               *tag);
gboolean  crm_import_customer_merge      (CrmImportCustomer        *into,
                                          const CrmImportCustomer  *from);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrmImportCustomer, crm_import_customer_clear)

gboolean  crm_store_clean_customer       (CrmImportCustomer        *customer,
                                          CrmCustomerField         *refused,
                                          GError                  **error);
gboolean  crm_store_valid_birthday       (const char               *text);
char     *crm_store_clean_telegram       (const char               *text);
char     *crm_import_email_key           (const char               *email);

/* Writes customers through cached statements inside a transaction the
 * caller opened with crm_store_begin(): the form's own row, tag and
 * search-key code, without the per-customer figures and ranking (rebuilt
 * once at commit) or the clean-up of unused tags (once, at finish). */
typedef struct _CrmImportWriter CrmImportWriter;

CrmImportWriter *crm_import_writer_new             (CrmStore                *store);
void             crm_import_writer_free            (CrmImportWriter         *writer);
gint64           crm_import_writer_add_customer    (CrmImportWriter         *writer,
                                                    const CrmImportCustomer *customer,
                                                    GError                 **error);
gboolean         crm_import_writer_update_customer (CrmImportWriter         *writer,
                                                    gint64                   id,
                                                    const CrmImportCustomer *customer,
                                                    GError                 **error);
gboolean         crm_import_writer_finish          (CrmImportWriter         *writer,
                                                    GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmImportWriter, crm_import_writer_free)

gboolean  crm_store_restore_customer     (CrmStore                *store,
                                          gint64                   id,
                                          const CrmImportCustomer *customer,
                                          GError                 **error);
gboolean  crm_import_load_customer       (CrmStore                *store,
                                          gint64                   id,
                                          CrmImportCustomer       *customer);
char     *crm_store_dup_customer_name    (CrmStore                *store,
                                          gint64                   id);
/* When and how much: what makes a purchase the same as one recorded. */
typedef struct
{
  gint64 at;
  gint64 amount;
} CrmPurchaseKey;

GArray   *crm_store_dup_purchase_keys    (CrmStore                *store,
                                          gint64                   customer_id);

gint64    crm_store_write_purchase       (CrmStore                *store,
                                          const CrmPurchaseFields *fields,
                                          const CrmLoyaltySettings *loyalty,
                                          GError                 **error);
gboolean  crm_store_write_purchases_done (CrmStore                *store,
                                          GError                 **error);

/* A database's change counter: equal values mean nothing was written. */
gint64    crm_import_store_generation    (CrmStore                *store);

/* Every customer's keys, to find duplicates and buyers without a query
 * per row. */
typedef struct
{
  GHashTable *by_phone;   /* phone key → id (first active, else lowest) */
  GHashTable *by_email;   /* e-mail key → id */
  GHashTable *by_name;    /* folded name → id, or -1 when several share it */
  GHashTable *names;      /* id → name */
} CrmCustomerIndex;

gboolean  crm_customer_index_load        (CrmCustomerIndex        *index,
                                          CrmStore                *store,
                                          gboolean                 with_names,
                                          GError                 **error);
void      crm_customer_index_clear       (CrmCustomerIndex        *index);
gint64    crm_customer_index_lookup      (GHashTable              *table,
                                          const char              *key);
void      crm_customer_index_add         (CrmCustomerIndex        *index,
                                          gint64                   id,
                                          const char              *name,
                                          const char              *phone_key,
                                          const char              *email_key);

G_END_DECLS
