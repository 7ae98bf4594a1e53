/* SPDX-License-Identifier: GPL-3.0-or-later */

/* CrmStmt over SQLite: each call is the sqlite3 call of the same name. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include "crm-store-private.h"

void
crm_stmt_bind_int64 (CrmStmt *stmt,
                     int      index,
                     gint64   value)
{
  sqlite3_bind_int64 (stmt->handle, index, value);
}

void
crm_stmt_bind_int (CrmStmt *stmt,
                   int      index,
                   int      value)
{
  sqlite3_bind_int (stmt->handle, index, value);
}

void
crm_stmt_bind_double (CrmStmt *stmt,
                      int      index,
                      double   value)
{
  sqlite3_bind_double (stmt->handle, index, value);
}

void
crm_stmt_bind_null (CrmStmt *stmt,
                    int      index)
{
  sqlite3_bind_null (stmt->handle, index);
}

/* A copy is bound, so @text may go before the statement runs; NULL binds
 * SQL NULL. */
void
crm_stmt_bind_text (CrmStmt    *stmt,
                    int         index,
                    const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt->handle, index);
  else
    sqlite3_bind_text (stmt->handle, index, text, -1, SQLITE_TRANSIENT);
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
    sqlite3_bind_null (stmt->handle, index);
  else
    sqlite3_bind_int64 (stmt->handle, index, time);
}

int
crm_stmt_parameter_count (CrmStmt *stmt)
{
  return sqlite3_bind_parameter_count (stmt->handle);
}

CrmStmtResult
crm_stmt_step (CrmStmt *stmt)
{
  switch (sqlite3_step (stmt->handle))
    {
    case SQLITE_ROW:
      return CRM_STMT_ROW;
    case SQLITE_DONE:
      return CRM_STMT_DONE;
    default:
      return CRM_STMT_ERROR;
    }
}

void
crm_stmt_reset (CrmStmt *stmt)
{
  sqlite3_reset (stmt->handle);
}

gboolean
crm_stmt_column_is_null (CrmStmt *stmt,
                         int      column)
{
  return sqlite3_column_type (stmt->handle, column) == SQLITE_NULL;
}

gint64
crm_stmt_column_int64 (CrmStmt *stmt,
                       int      column)
{
  return sqlite3_column_int64 (stmt->handle, column);
}

int
crm_stmt_column_int (CrmStmt *stmt,
                     int      column)
{
  return sqlite3_column_int (stmt->handle, column);
}

double
crm_stmt_column_double (CrmStmt *stmt,
                        int      column)
{
  return sqlite3_column_double (stmt->handle, column);
}

/* Valid until the next step or reset; NULL for SQL NULL. */
const char *
crm_stmt_column_text (CrmStmt *stmt,
                      int      column)
{
  return (const char *) sqlite3_column_text (stmt->handle, column);
}

/* A copy, with "" for SQL NULL. */
char *
crm_stmt_dup_text (CrmStmt *stmt,
                   int      column)
{
  const char *text = crm_stmt_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

void
crm_stmt_free (CrmStmt *stmt)
{
  if (stmt == NULL)
    return;

  sqlite3_finalize (stmt->handle);
  g_free (stmt);
}
