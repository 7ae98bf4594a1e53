/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The columns of a CSV file, as the customer and the sales import see
 * them: each column's title, what it holds (a CrmCustomerColumn or a
 * CrmSalesColumn, by the vocabulary the columns were read with), whether
 * its header was recognised, a sample, and the ones left to ask about. */

#include "crm-import-private.h"

G_BEGIN_DECLS

typedef enum
{
  CRM_COLUMNS_CUSTOMERS,   /* CrmCustomerColumn */
  CRM_COLUMNS_SALES,       /* CrmSalesColumn */
} CrmColumnsVocabulary;

typedef struct
{
  char     *title;
  guint     field;
  gboolean  recognised;
  gboolean  guessed;       /* not recognised, but its values are e-mails or phones */
  gint      type_column;   /* the column saying what kind of phone, or -1 */
  guint     group;         /* address parts that belong together */
} CrmColumn;

typedef struct
{
  CrmColumnsVocabulary  vocabulary;
  CrmImportTable       *table;        /* owned */
  gboolean              has_header;
  GArray               *columns;      /* CrmColumn */
} CrmColumns;

void             crm_columns_init          (CrmColumns           *columns,
                                            CrmColumnsVocabulary  vocabulary,
                                            CrmImportTable       *table);
void             crm_columns_clear         (CrmColumns           *columns);
void             crm_columns_recognise     (CrmColumns           *columns);
void             crm_columns_set_has_header (CrmColumns          *columns,
                                            gboolean              has_header);

guint            crm_columns_get_n_records (CrmColumns           *columns);
const CrmImportRawRow *crm_columns_get_record (CrmColumns        *columns,
                                            guint                 index);

guint            crm_columns_get_n         (CrmColumns           *columns);
CrmColumn       *crm_columns_get           (CrmColumns           *columns,
                                            guint                 column);
const char      *crm_columns_get_title     (CrmColumns           *columns,
                                            guint                 column);
const char      *crm_columns_get_sample    (CrmColumns           *columns,
                                            guint                 column);
guint            crm_columns_get_field     (CrmColumns           *columns,
                                            guint                 column);
gboolean         crm_columns_get_recognised (CrmColumns          *columns,
                                            guint                 column);
void             crm_columns_set_field     (CrmColumns           *columns,
                                            guint                 column,
                                            guint                 field);
char           **crm_columns_dup_unknown   (CrmColumns           *columns);
char           **crm_columns_dup_unused    (CrmColumns           *columns);
void             crm_columns_add_notes     (CrmColumns           *columns,
                                            GPtrArray            *notes);

gboolean         crm_columns_has_field     (CrmColumns           *columns,
                                            guint                 field);
const char      *crm_columns_value         (CrmColumns           *columns,
                                            const CrmImportRawRow *row,
                                            guint                 field,
                                            char                **storage);
gboolean         crm_columns_refuse        (CrmColumns           *columns,
                                            const char           *message,
                                            GError              **error);

gboolean         crm_columns_looks_like_phone (const char        *text);
gboolean         crm_columns_looks_like_email (const char        *text);

/* The public column calls of an import whose instance struct holds a
 * CrmColumns "columns" and a CrmImportPlanMark "mark" (the customer and
 * the sales import): each checks the object, and a column mapped by hand
 * makes the plan stale. The calls are documented in crm-import.h. */
#define CRM_COLUMNS_DEFINE_CALLS(prefix, Type, IS_TYPE, Field, N_FIELDS, IGNORE)                  \
  guint                                                                                       \
  prefix##_get_n_columns (Type *self)                                                         \
  {                                                                                           \
    g_return_val_if_fail (IS_TYPE (self), 0);                                                 \
    return crm_columns_get_n (&self->columns);                                                \
  }                                                                                           \
  const char *                                                                                \
  prefix##_get_column_title (Type *self, guint column)                                        \
  {                                                                                           \
    g_return_val_if_fail (IS_TYPE (self), NULL);                                              \
    return crm_columns_get_title (&self->columns, column);                                    \
  }                                                                                           \
  const char *                                                                                \
  prefix##_get_column_sample (Type *self, guint column)                                       \
  {                                                                                           \
    g_return_val_if_fail (IS_TYPE (self), NULL);                                              \
    return crm_columns_get_sample (&self->columns, column);                                   \
  }                                                                                           \
  Field                                                                                       \
  prefix##_get_column_field (Type *self, guint column)                                        \
  {                                                                                           \
    g_return_val_if_fail (IS_TYPE (self), IGNORE);                                            \
    return (Field) crm_columns_get_field (&self->columns, column);                            \
  }                                                                                           \
  gboolean                                                                                    \
  prefix##_get_column_recognised (Type *self, guint column)                                   \
  {                                                                                           \
    g_return_val_if_fail (IS_TYPE (self), FALSE);                                             \
    return crm_columns_get_recognised (&self->columns, column);                               \
  }                                                                                           \
  void                                                                                        \
  prefix##_set_column_field (Type *self, guint column, Field field)                           \
  {                                                                                           \
    g_return_if_fail (IS_TYPE (self));                                                        \
    g_return_if_fail (field < N_FIELDS);                                                      \
    crm_columns_set_field (&self->columns, column, field);                                    \
    self->mark.valid = FALSE;                                                                 \
  }                                                                                           \
  char **                                                                                     \
  prefix##_dup_unknown_columns (Type *self)                                                   \
  {                                                                                           \
    g_return_val_if_fail (IS_TYPE (self), NULL);                                              \
    return crm_columns_dup_unknown (&self->columns);                                          \
  }

G_END_DECLS
