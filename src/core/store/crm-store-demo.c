/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the sample shop generator (crm-demo.c) asks of the store beyond
 * the everyday calls: whether the shop is really empty, and answers to
 * feedback written as if at the time they were given. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-store-demo.h"
#include "crm-store-private.h"

/**
 * crm_store_count_all_customers:
 * @count: (out): how many customers the shop has, archived ones too
 *
 * Archived customers count here: they are the shop's, only hidden.
 */
gboolean
crm_store_count_all_customers (CrmStore  *self,
                               guint     *count,
                               GError   **error)
{
  CrmStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (count != NULL, FALSE);

  stmt = crm_store_prepare (self, "SELECT count(*) FROM customers", error);
  if (stmt == NULL)
    return FALSE;

  ok = crm_stmt_step (stmt) == CRM_STMT_ROW;
  if (ok)
    *count = (guint) crm_stmt_column_int64 (stmt, 0);
  else
    crm_store_set_sql_error (error, self, "count customers");
  crm_stmt_reset (stmt);

  return ok;
}

static gint64
fixed_now (gpointer data)
{
  return *(gint64 *) data;
}

/**
 * crm_store_update_feedback_at:
 * @at: when the answer was given, in Unix seconds
 *
 * crm_store_update_feedback() with the store's clock reading @at for the
 * length of the call, so the service figures see a response given then.
 * The clock is the store's own again afterwards.
 */
gboolean
crm_store_update_feedback_at (CrmStore    *self,
                              gint64       id,
                              const char  *status,
                              const char  *response,
                              gint64       at,
                              GError     **error)
{
  CrmNowFunc saved;
  gpointer saved_data;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  saved = self->now_func;
  saved_data = self->now_data;
  crm_store_set_now_func (self, fixed_now, &at);
  ok = crm_store_update_feedback (self, id, status, response, error);
  crm_store_set_now_func (self, saved, saved_data);

  return ok;
}
