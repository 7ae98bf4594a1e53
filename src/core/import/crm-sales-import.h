/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crm-import.h"

G_BEGIN_DECLS

/* What a column of a till's export holds. */
typedef enum
{
  CRM_SALES_COLUMN_IGNORE,
  CRM_SALES_COLUMN_DATE,         /* a date, perhaps with a time */
  CRM_SALES_COLUMN_TIME,         /* the time of day, when apart from the date */
  CRM_SALES_COLUMN_CUSTOMER,     /* a phone, an e-mail or a name: told apart by the value */
  CRM_SALES_COLUMN_PHONE,
  CRM_SALES_COLUMN_EMAIL,
  CRM_SALES_COLUMN_NAME,
  CRM_SALES_COLUMN_AMOUNT,
  CRM_SALES_COLUMN_DESCRIPTION,
  CRM_SALES_N_COLUMNS
} CrmSalesColumn;

/* One row of the plan, read-only for callers. */
typedef struct
{
  guint            row;           /* spreadsheet row (the header is 1) */
  CrmImportAction  action;        /* ADD or SKIP */
  char            *reason;        /* (nullable) why, for people */
  gint64           customer_id;   /* the buyer; 0 when a new customer will be made */
  char            *customer;      /* the buyer's name, or what the row says of them */
  gboolean         new_customer;  /* the buyer will be created */
  gint64           at;            /* Unix time */
  gint64           amount;        /* minor units; negative for a refund */
  char            *description;
} CrmSalesRow;

typedef struct
{
  guint added;          /* purchases */
  guint new_customers;
  guint skipped;        /* rows, the unmatched ones included */
  guint unmatched;      /* rows skipped because no customer matched */
  gint64 points;        /* loyalty points the purchases earned, as at the counter */
} CrmSalesCounts;

#define CRM_TYPE_SALES_IMPORT (crm_sales_import_get_type ())

G_DECLARE_FINAL_TYPE (CrmSalesImport, crm_sales_import, CRM, SALES_IMPORT, GObject)

CrmSalesImport    *crm_sales_import_new                  (GBytes          *bytes,
                                                          GError         **error);
guint              crm_sales_import_get_n_records        (CrmSalesImport  *self);
guint              crm_sales_import_get_n_columns        (CrmSalesImport  *self);
const char        *crm_sales_import_get_column_title     (CrmSalesImport  *self,
                                                          guint            column);
const char        *crm_sales_import_get_column_sample    (CrmSalesImport  *self,
                                                          guint            column);
CrmSalesColumn     crm_sales_import_get_column_field     (CrmSalesImport  *self,
                                                          guint            column);
gboolean           crm_sales_import_get_column_recognised (CrmSalesImport *self,
                                                          guint            column);
void               crm_sales_import_set_column_field     (CrmSalesImport  *self,
                                                          guint            column,
                                                          CrmSalesColumn   field);
char             **crm_sales_import_dup_unknown_columns  (CrmSalesImport  *self);
char             **crm_sales_import_dup_notes            (CrmSalesImport  *self);
const char        *crm_sales_column_get_label            (CrmSalesColumn   field);

gboolean           crm_sales_import_get_create_customers (CrmSalesImport  *self);
void               crm_sales_import_set_create_customers (CrmSalesImport  *self,
                                                          gboolean         create);

/* The preview: each row's buyer, date and amount against the store as it
 * is now; nothing is written. */
gboolean           crm_sales_import_prepare              (CrmSalesImport  *self,
                                                          CrmStore        *store,
                                                          GError         **error);
/* As crm_customer_import_prepare_async(). */
void               crm_sales_import_prepare_async        (CrmSalesImport  *self,
                                                          CrmStore        *store,
                                                          GCancellable    *cancellable,
                                                          GAsyncReadyCallback callback,
                                                          gpointer         user_data);
gboolean           crm_sales_import_prepare_finish       (CrmSalesImport  *self,
                                                          GAsyncResult    *result,
                                                          GError         **error);
double             crm_sales_import_get_progress         (CrmSalesImport  *self);
guint              crm_sales_import_get_n_rows           (CrmSalesImport  *self);
const CrmSalesRow *crm_sales_import_get_row              (CrmSalesImport  *self,
                                                          guint            index);
void               crm_sales_import_get_counts           (CrmSalesImport  *self,
                                                          CrmSalesCounts  *counts);
gboolean           crm_sales_import_apply                (CrmSalesImport  *self,
                                                          CrmStore        *store,
                                                          CrmSalesCounts  *counts,
                                                          GError         **error);
char              *crm_sales_import_dup_summary          (CrmSalesImport  *self,
                                                          guint            max_lines);

G_END_DECLS
