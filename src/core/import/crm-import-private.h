/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crm-import.h"
#include "crm-store-private.h"

G_BEGIN_DECLS

/* The store's own limits for customer fields (crm-store-customers.c): an
 * import stores exactly what the customer form would. */
#define CRM_IMPORT_MAX_NAME   200
#define CRM_IMPORT_MAX_FIELD  500
#define CRM_IMPORT_MAX_NOTES  20000
#define CRM_IMPORT_MAX_TAG    60

/* A customer on its way in, cleaned by crm_import_customer_clean(). */
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
} CrmImportCustomer;

void      crm_import_customer_init       (CrmImportCustomer        *customer);
void      crm_import_customer_clear      (CrmImportCustomer        *customer);
gboolean  crm_import_customer_clean      (CrmImportCustomer        *customer,
                                          GError                  **error);
void      crm_import_customer_add_tag    (CrmImportCustomer        *customer,
                                          const char               *tag);
gboolean  crm_import_customer_merge      (CrmImportCustomer        *into,
                                          const CrmImportCustomer  *from);
char     *crm_import_email_key           (const char               *email);
gboolean  crm_import_valid_birthday      (const char               *text);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrmImportCustomer, crm_import_customer_clear)

/* Writes customers straight through cached statements, keys and tags as
 * the store computes them, inside a transaction the caller opened with
 * crm_store_begin(). Figures are rebuilt at commit. */
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

gboolean  crm_import_load_customer       (CrmStore                *store,
                                          gint64                   id,
                                          CrmImportCustomer       *customer);

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

/* A database's change counter: equal values mean nothing was written. */
gint64    crm_import_store_generation    (CrmStore                *store);

/* Header texts as matched: folded, digits as "#", punctuation as spaces. */
char     *crm_import_header_key          (const char              *header);
/* A spreadsheet cell as typed: the apostrophe Clientele's own export puts
 * before = + - @ goes, and so do surrounding spaces. */
char     *crm_import_cell_text           (const char              *cell);

gboolean  crm_import_parse_date          (const char              *text,
                                          gboolean                 day_first_only,
                                          int                     *year,
                                          int                     *month,
                                          int                     *day,
                                          int                     *hour,
                                          int                     *minute,
                                          int                     *second,
                                          gboolean                *has_time);

/* The table a CSV holds, read once. */
typedef struct
{
  guint row;       /* spreadsheet row */
  guint n_cells;
  char *cells[];   /* n_cells strings, in one allocation with the struct */
} CrmImportRawRow;

typedef struct
{
  char       delimiter;
  GPtrArray *rows;        /* CrmImportRawRow, blank rows dropped */
  guint      n_columns;   /* the widest row */
} CrmImportTable;

CrmImportTable *crm_import_table_read    (GBytes                  *bytes,
                                          GError                 **error);
void            crm_import_table_free    (CrmImportTable          *table);
const char     *crm_import_raw_row_cell  (const CrmImportRawRow   *row,
                                          guint                    column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmImportTable, crm_import_table_free)

G_END_DECLS
