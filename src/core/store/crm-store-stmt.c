/* SPDX-License-Identifier: GPL-3.0-or-later */

/* CrmStmt: each call goes to the statement's engine (crm-store-engine.h);
 * what every engine would write the same way is written here once. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include "crm-store-engine.h"

void
crm_stmt_bind_int64 (CrmStmt *stmt,
                     int      index,
                     gint64   value)
{
  stmt->engine->bind_int64 (stmt, index, value);
}

void
crm_stmt_bind_int (CrmStmt *stmt,
                   int      index,
                   int      value)
{
  stmt->engine->bind_int64 (stmt, index, value);
}

void
crm_stmt_bind_double (CrmStmt *stmt,
                      int      index,
                      double   value)
{
  stmt->engine->bind_double (stmt, index, value);
}

void
crm_stmt_bind_null (CrmStmt *stmt,
                    int      index)
{
  stmt->engine->bind_null (stmt, index);
}

/* A copy is bound, so @text may go before the statement runs; NULL binds
 * SQL NULL. */
void
crm_stmt_bind_text (CrmStmt    *stmt,
                    int         index,
                    const char *text)
{
  if (text == NULL)
    stmt->engine->bind_null (stmt, index);
  else
    stmt->engine->bind_text (stmt, index, text);
}

/* As crm_stmt_bind_text(), and an empty text is NULL too. */
void
crm_stmt_bind_text_or_null (CrmStmt    *stmt,
                            int         index,
                            const char *text)
{
  crm_stmt_bind_text (stmt, index, text != NULL && text[0] != '\0' ? text : NULL);
}

/* Times of 0 mean "never" in C and NULL in the database. */
void
crm_stmt_bind_time_or_null (CrmStmt *stmt,
                            int      index,
                            gint64   time)
{
  if (time == 0)
    stmt->engine->bind_null (stmt, index);
  else
    stmt->engine->bind_int64 (stmt, index, time);
}

int
crm_stmt_parameter_count (CrmStmt *stmt)
{
  return stmt->engine->parameter_count (stmt);
}

CrmStmtResult
crm_stmt_step (CrmStmt *stmt)
{
  return stmt->engine->step (stmt);
}

/* Ready to run again with the same bindings; NULL is allowed, so that a
 * failed prepare needs no check before the reset. */
void
crm_stmt_reset (CrmStmt *stmt)
{
  if (stmt != NULL)
    stmt->engine->reset (stmt);
}

gboolean
crm_stmt_column_is_null (CrmStmt *stmt,
                         int      column)
{
  return stmt->engine->column_is_null (stmt, column);
}

gint64
crm_stmt_column_int64 (CrmStmt *stmt,
                       int      column)
{
  return stmt->engine->column_int64 (stmt, column);
}

int
crm_stmt_column_int (CrmStmt *stmt,
                     int      column)
{
  return (int) stmt->engine->column_int64 (stmt, column);
}

double
crm_stmt_column_double (CrmStmt *stmt,
                        int      column)
{
  return stmt->engine->column_double (stmt, column);
}

/* Valid until the next step or reset; NULL for SQL NULL. */
const char *
crm_stmt_column_text (CrmStmt *stmt,
                      int      column)
{
  return stmt->engine->column_text (stmt, column);
}

/* A copy, with "" for SQL NULL. */
char *
crm_stmt_dup_text (CrmStmt *stmt,
                   int      column)
{
  const char *text = crm_stmt_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

/* How many columns the row has, and what they are called (the SQL's
 * names or aliases). */
int
crm_stmt_column_count (CrmStmt *stmt)
{
  return stmt->engine->column_count (stmt);
}

const char *
crm_stmt_column_name (CrmStmt *stmt,
                      int      column)
{
  return stmt->engine->column_name (stmt, column);
}

void
crm_stmt_free (CrmStmt *stmt)
{
  if (stmt != NULL)
    stmt->engine->finalize (stmt);
}
