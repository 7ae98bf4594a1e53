/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "crm-store.h"

G_BEGIN_DECLS

/* Files bigger than this are refused before they are read: a busy till's
 * million sales in CSV are some 100 MB. */
#define CRM_IMPORT_MAX_FILE_BYTES ((gsize) 512 * 1024 * 1024)

#define CRM_IMPORT_ERROR (crm_import_error_quark ())

typedef enum
{
  CRM_IMPORT_ERROR_TOO_LARGE,   /* file, field, row or column count over the limits */
  CRM_IMPORT_ERROR_ENCODING,    /* not UTF-8 text, binary data */
  CRM_IMPORT_ERROR_SYNTAX,      /* unbalanced quotes, a vCard without END, broken JSON */
  CRM_IMPORT_ERROR_NO_DATA,     /* nothing to import, or no column to take it from */
  CRM_IMPORT_ERROR_INVALID,     /* a missing or bad value in an archive */
  CRM_IMPORT_ERROR_NOT_EMPTY,   /* an archive goes only into an empty shop */
  CRM_IMPORT_ERROR_VERSION,     /* an archive from a newer Clientele */
  CRM_IMPORT_ERROR_FAILED,      /* writing failed; nothing was imported */
} CrmImportError;

typedef enum
{
  CRM_IMPORT_FORMAT_CSV,
  CRM_IMPORT_FORMAT_VCARD,
  CRM_IMPORT_FORMAT_ARCHIVE,
} CrmImportFormat;

/* What an import does with one row (or card). */
typedef enum
{
  CRM_IMPORT_ADD,
  CRM_IMPORT_MERGE,
  CRM_IMPORT_SKIP,
} CrmImportAction;

/* A row whose phone number (normalised) or e-mail is already a customer's,
 * or an earlier row's. */
typedef enum
{
  CRM_DUPLICATE_SKIP,        /* keep what is there, ignore the row */
  CRM_DUPLICATE_MERGE,       /* fill the customer's empty fields, add the tags */
  CRM_DUPLICATE_KEEP_BOTH,   /* add the row as another customer */
} CrmDuplicatePolicy;

/* What a CSV column holds. */
typedef enum
{
  CRM_CUSTOMER_COLUMN_IGNORE,
  CRM_CUSTOMER_COLUMN_NAME,          /* the whole name */
  CRM_CUSTOMER_COLUMN_GIVEN_NAME,
  CRM_CUSTOMER_COLUMN_MIDDLE_NAME,
  CRM_CUSTOMER_COLUMN_FAMILY_NAME,
  CRM_CUSTOMER_COLUMN_ORGANIZATION,  /* the name when there is no other */
  CRM_CUSTOMER_COLUMN_MOBILE,        /* preferred over other phones */
  CRM_CUSTOMER_COLUMN_PHONE,
  CRM_CUSTOMER_COLUMN_EMAIL,
  CRM_CUSTOMER_COLUMN_ADDRESS,       /* the whole address */
  CRM_CUSTOMER_COLUMN_ADDRESS_PART,  /* street, city, …: joined with commas */
  CRM_CUSTOMER_COLUMN_BIRTHDAY,
  CRM_CUSTOMER_COLUMN_NOTES,
  CRM_CUSTOMER_COLUMN_TAGS,
  CRM_CUSTOMER_COLUMN_BIRTH_YEAR,    /* Thunderbird writes the birthday in three columns */
  CRM_CUSTOMER_COLUMN_BIRTH_MONTH,
  CRM_CUSTOMER_COLUMN_BIRTH_DAY,
  /* How they like to be reached (docs/messages.md), as the customer
   * export writes them. */
  CRM_CUSTOMER_COLUMN_LANGUAGE,
  CRM_CUSTOMER_COLUMN_CHANNEL,
  CRM_CUSTOMER_COLUMN_TELEGRAM,
  CRM_CUSTOMER_COLUMN_CONSENT,
  CRM_CUSTOMER_COLUMN_CONSENT_DATE,
  CRM_CUSTOMER_COLUMN_CONSENT_SOURCE,
  CRM_CUSTOMER_N_COLUMNS
} CrmCustomerColumn;

/* One row of the plan, read-only for callers. The strings are the values
 * as they will be stored (cleaned); for a merge into an earlier row, that
 * row shows the merged values. */
typedef struct
{
  guint              row;          /* spreadsheet row (the header is 1) or card number */
  CrmImportAction    action;
  char              *reason;       /* (nullable) why, for people */
  gint64             customer_id;  /* the existing customer it matched, else 0 */
  guint              same_as_row;  /* the earlier row this one duplicates, else 0 */
  char              *name;
  char              *phone;
  char              *email;
  char              *address;
  char              *birthday;     /* YYYY-MM-DD or "" */
  char              *notes;
  char             **tags;
  /* The row matched customer_id or same_as_row by phone or e-mail, but
   * under another name: perhaps family or a shared landline. It is added
   * unless crm_customer_import_set_row_action() says otherwise. */
  gboolean           possible_duplicate;
  char             **left_out;     /* what the row held that is not imported, and why */
} CrmImportRow;

typedef struct
{
  guint added;
  guint merged;
  guint skipped;
  guint possible_duplicates;   /* of those above, the rows to look at */
} CrmImportCounts;

GQuark           crm_import_error_quark   (void);
GBytes          *crm_import_load_file     (GFile         *file,
                                           GCancellable  *cancellable,
                                           GError       **error);
CrmImportFormat  crm_import_guess_format  (const char    *file_name,
                                           GBytes        *bytes);

#define CRM_TYPE_CUSTOMER_IMPORT (crm_customer_import_get_type ())

G_DECLARE_FINAL_TYPE (CrmCustomerImport, crm_customer_import, CRM, CUSTOMER_IMPORT, GObject)

CrmCustomerImport  *crm_customer_import_new                (GBytes              *bytes,
                                                            CrmImportFormat      format,
                                                            GError             **error);
CrmImportFormat     crm_customer_import_get_format         (CrmCustomerImport   *self);
guint               crm_customer_import_get_n_records      (CrmCustomerImport   *self);

/* Columns (CSV only; a vCard has none). A title is the header, or
 * "Column 3" when there is none; a sample is the column's first non-empty
 * value ("" if the first rows have none); a column is recognised when its
 * header was, or when it was mapped by hand, which makes the plan stale.
 * The unknown columns are those not recognised that hold data, in file
 * order: the ones to ask about. */
guint               crm_customer_import_get_n_columns      (CrmCustomerImport   *self);
const char         *crm_customer_import_get_column_title   (CrmCustomerImport   *self,
                                                            guint                column);
const char         *crm_customer_import_get_column_sample  (CrmCustomerImport   *self,
                                                            guint                column);
CrmCustomerColumn   crm_customer_import_get_column_field   (CrmCustomerImport   *self,
                                                            guint                column);
gboolean            crm_customer_import_get_column_recognised (CrmCustomerImport *self,
                                                            guint                column);
void                crm_customer_import_set_column_field   (CrmCustomerImport   *self,
                                                            guint                column,
                                                            CrmCustomerColumn    field);
char              **crm_customer_import_dup_unknown_columns (CrmCustomerImport  *self);
char              **crm_customer_import_dup_unused_columns  (CrmCustomerImport  *self);
char              **crm_customer_import_dup_notes           (CrmCustomerImport  *self);
gboolean            crm_customer_import_get_has_header     (CrmCustomerImport   *self);
void                crm_customer_import_set_has_header     (CrmCustomerImport   *self,
                                                            gboolean             has_header);
const char         *crm_customer_column_get_label          (CrmCustomerColumn    field);

/* Duplicates */
CrmDuplicatePolicy  crm_customer_import_get_policy         (CrmCustomerImport   *self);
void                crm_customer_import_set_policy         (CrmCustomerImport   *self,
                                                            CrmDuplicatePolicy   policy);

/* Preview and apply. prepare() is the preview: it works out, against the
 * store as it is now, what each row will do (add, merge, skip) and why,
 * and writes nothing; it fails only when the file cannot be imported at
 * all (no column holds names, no rows). A row from get_row() stays valid
 * until the plan is made again or the import is freed.
 *
 * prepare_async() makes the plan on a worker, on a read connection of its
 * own; until it finishes the import is the worker's: call nothing on it
 * but get_progress() (rows planned, 0 to 1). Cancelling it leaves no plan. */
gboolean            crm_customer_import_prepare            (CrmCustomerImport   *self,
                                                            CrmStore            *store,
                                                            GError             **error);
void                crm_customer_import_prepare_async      (CrmCustomerImport   *self,
                                                            CrmStore            *store,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
gboolean            crm_customer_import_prepare_finish     (CrmCustomerImport   *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);
double              crm_customer_import_get_progress       (CrmCustomerImport   *self);
void                crm_customer_import_set_row_action     (CrmCustomerImport   *self,
                                                            guint                index,
                                                            CrmImportAction      action);
guint               crm_customer_import_get_n_rows         (CrmCustomerImport   *self);
const CrmImportRow *crm_customer_import_get_row            (CrmCustomerImport   *self,
                                                            guint                index);
void                crm_customer_import_get_counts         (CrmCustomerImport   *self,
                                                            CrmImportCounts     *counts);
gboolean            crm_customer_import_apply              (CrmCustomerImport   *self,
                                                            CrmStore            *store,
                                                            CrmImportCounts     *counts,
                                                            GError             **error);
char               *crm_customer_import_dup_summary        (CrmCustomerImport   *self,
                                                            guint                max_lines);

G_END_DECLS
