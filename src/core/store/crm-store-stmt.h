/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A prepared statement, whatever engine runs it. Store code binds and reads
 * through these calls only, so that a second engine needs no change in the
 * files that hold the SQL. Parameters are numbered ?1, ?2 …; columns from 0. */
typedef struct _CrmStmt CrmStmt;

typedef enum
{
  CRM_STMT_ERROR = -1,
  CRM_STMT_DONE  = 0,
  CRM_STMT_ROW   = 1,
} CrmStmtResult;

void          crm_stmt_bind_int64        (CrmStmt    *stmt,
                                          int         index,
                                          gint64      value);
void          crm_stmt_bind_int          (CrmStmt    *stmt,
                                          int         index,
                                          int         value);
void          crm_stmt_bind_double       (CrmStmt    *stmt,
                                          int         index,
                                          double      value);
void          crm_stmt_bind_null         (CrmStmt    *stmt,
                                          int         index);
void          crm_stmt_bind_text         (CrmStmt    *stmt,
                                          int         index,
                                          const char *text);
void          crm_stmt_bind_text_or_null (CrmStmt    *stmt,
                                          int         index,
                                          const char *text);
void          crm_stmt_bind_time_or_null (CrmStmt    *stmt,
                                          int         index,
                                          gint64      time);
int           crm_stmt_parameter_count   (CrmStmt    *stmt);

CrmStmtResult crm_stmt_step              (CrmStmt    *stmt);
void          crm_stmt_reset             (CrmStmt    *stmt);

gboolean      crm_stmt_column_is_null    (CrmStmt    *stmt,
                                          int         column);
gint64        crm_stmt_column_int64      (CrmStmt    *stmt,
                                          int         column);
int           crm_stmt_column_int        (CrmStmt    *stmt,
                                          int         column);
double        crm_stmt_column_double     (CrmStmt    *stmt,
                                          int         column);
const char   *crm_stmt_column_text       (CrmStmt    *stmt,
                                          int         column);
char         *crm_stmt_dup_text          (CrmStmt    *stmt,
                                          int         column);
int           crm_stmt_column_count      (CrmStmt    *stmt);
const char   *crm_stmt_column_name       (CrmStmt    *stmt,
                                          int         column);

/* Statements from crm_store_prepare_once() are not cached: free them. */
void          crm_stmt_free              (CrmStmt    *stmt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmStmt, crm_stmt_free)

G_END_DECLS
