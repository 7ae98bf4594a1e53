/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the importers (customers, sales, the archive) share. The customer
 * record, its cleaning, the bulk writer and the index of existing
 * customers are the store's (crm-store-import.h). */

#include "crm-import.h"
#include "crm-store-import.h"

G_BEGIN_DECLS

/* The archive's name for the store's limit. */
#define CRM_IMPORT_MAX_NAME CRM_STORE_MAX_NAME

/* The store's cleaning, with messages that name the value for an import
 * ("Phone “12”: …"). */
gboolean  crm_import_customer_clean      (CrmImportCustomer       *customer,
                                          GError                 **error);

static inline gboolean
crm_import_valid_birthday (const char *text)
{
  return crm_store_valid_birthday (text);
}

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
  GPtrArray *rows;           /* CrmImportRawRow, blank rows dropped */
  guint      n_columns;      /* the widest row */
  char      *charset;        /* what it was read as: "UTF-8", "WINDOWS-1251", … */
  GHashTable *repaired_rows; /* rows where bytes that are not text were replaced */
} CrmImportTable;

CrmImportTable *crm_import_table_read    (GBytes                  *bytes,
                                          GError                 **error);
void            crm_import_table_free    (CrmImportTable          *table);
const char     *crm_import_raw_row_cell  (const CrmImportRawRow   *row,
                                          guint                    column);
char           *crm_import_table_dup_charset_note (const CrmImportTable *table);
gboolean        crm_import_table_row_repaired (const CrmImportTable *table,
                                          guint                    row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmImportTable, crm_import_table_free)

/* The texts of @values that are not NULL, joined by @separator. */
char     *crm_import_join_present        (const char              *separator,
                                          const char * const      *values,
                                          gsize                    n_values);

/* Whether a plan still describes the store it was made against. */
typedef struct
{
  CrmStore *store;        /* not a reference: compared only */
  gint64    generation;
  gboolean  valid;
} CrmImportPlanMark;

void      crm_import_plan_mark           (CrmImportPlanMark       *mark,
                                          CrmStore                *store);
gboolean  crm_import_plan_holds          (const CrmImportPlanMark *mark,
                                          CrmStore                *store);

/* How far a plan in the making got, for a progress bar, and whether it
 * should stop: only prepare_async's worker sets the cancellable. */
typedef struct
{
  GCancellable *cancellable;
  gint          done;     /* rows planned; atomic */
  gint          total;    /* atomic */
} CrmImportProgress;

void      crm_import_progress_begin      (CrmImportProgress       *progress,
                                          guint                    total);
/* Every so many rows: the count for the progress bar, and %FALSE with
 * G_IO_ERROR_CANCELLED once the preview is no longer wanted. */
gboolean  crm_import_progress_step       (CrmImportProgress       *progress,
                                          guint                    done,
                                          GError                 **error);
double    crm_import_progress_get        (CrmImportProgress       *progress);

/* An importer's own steps of an apply: making the plan (again), and
 * writing it, saying which row failed. */
typedef gboolean (*CrmImportPlanFunc)  (gpointer                 import,
                                        CrmStore                *store,
                                        GError                 **error);

void      crm_import_prepare_async       (gpointer                 import,
                                          CrmStore                *store,
                                          CrmImportPlanFunc        make_plan,
                                          CrmImportPlanMark       *mark,
                                          CrmImportProgress       *progress,
                                          GCancellable            *cancellable,
                                          GAsyncReadyCallback      callback,
                                          gpointer                 user_data);
typedef gboolean (*CrmImportWriteFunc) (gpointer                 import,
                                        CrmStore                *store,
                                        CrmImportWriter         *writer,
                                        guint                   *failed_row,
                                        GError                 **error);

gboolean  crm_import_apply_plan          (gpointer                 import,
                                          CrmStore                *store,
                                          CrmImportPlanMark       *mark,
                                          gboolean                 cards,
                                          CrmImportPlanFunc        make_plan,
                                          CrmImportWriteFunc       write,
                                          GError                 **error);

/* The plan calls of an import whose instance struct holds a GPtrArray
 * "plan" of PlanRow (a struct whose first member is the public row "row"),
 * "counts", "mark" and "progress", and whose file defines make_plan (self,
 * store, error). The calls are documented in crm-import.h. */
#define CRM_IMPORT_DEFINE_PLAN_CALLS(prefix, Type, IS_TYPE, Row, Counts)                          \
  gboolean                                                                                    \
  prefix##_prepare (Type *self, CrmStore *store, GError **error)                              \
  {                                                                                           \
    g_return_val_if_fail (IS_TYPE (self), FALSE);                                             \
    g_return_val_if_fail (CRM_IS_STORE (store), FALSE);                                       \
    return make_plan (self, store, error);                                                    \
  }                                                                                           \
  void                                                                                        \
  prefix##_prepare_async (Type *self, CrmStore *store, GCancellable *cancellable,             \
                          GAsyncReadyCallback callback, gpointer user_data)                   \
  {                                                                                           \
    g_return_if_fail (IS_TYPE (self));                                                        \
    g_return_if_fail (CRM_IS_STORE (store));                                                  \
    crm_import_prepare_async (self, store, make_plan, &self->mark, &self->progress,           \
                              cancellable, callback, user_data);                              \
  }                                                                                           \
  gboolean                                                                                    \
  prefix##_prepare_finish (Type *self, GAsyncResult *result, GError **error)                  \
  {                                                                                           \
    g_return_val_if_fail (IS_TYPE (self), FALSE);                                             \
    g_return_val_if_fail (g_task_is_valid (result, self), FALSE);                             \
    return g_task_propagate_boolean (G_TASK (result), error);                                 \
  }                                                                                           \
  double                                                                                      \
  prefix##_get_progress (Type *self)                                                          \
  {                                                                                           \
    g_return_val_if_fail (IS_TYPE (self), 0);                                                 \
    return crm_import_progress_get (&self->progress);                                         \
  }                                                                                           \
  guint                                                                                       \
  prefix##_get_n_rows (Type *self)                                                            \
  {                                                                                           \
    g_return_val_if_fail (IS_TYPE (self), 0);                                                 \
    return self->plan->len;                                                                   \
  }                                                                                           \
  const Row *                                                                                 \
  prefix##_get_row (Type *self, guint index)                                                  \
  {                                                                                           \
    g_return_val_if_fail (IS_TYPE (self), NULL);                                              \
    g_return_val_if_fail (index < self->plan->len, NULL);                                     \
    return &((PlanRow *) g_ptr_array_index (self->plan, index))->row;                         \
  }                                                                                           \
  void                                                                                        \
  prefix##_get_counts (Type *self, Counts *counts)                                            \
  {                                                                                           \
    g_return_if_fail (IS_TYPE (self));                                                        \
    g_return_if_fail (counts != NULL);                                                        \
    *counts = self->counts;                                                                   \
  }

/* The summary's lines for rows with something to say. */
typedef const char *(*CrmImportRowReason) (gconstpointer     plan_row,
                                           guint            *row,
                                           CrmImportAction  *action);

void      crm_import_summary_add_rows    (GString                 *out,
                                          GPtrArray               *plan,
                                          CrmImportRowReason       reason_of,
                                          gboolean                 cards,
                                          guint                    max_lines);

G_END_DECLS
