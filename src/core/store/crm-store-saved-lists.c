/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Saved lists: the customer list's filters and search kept under a name
 * (crm-customer-list.h reads and writes the filter text). Part of
 * CrmStore. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-store-private.h"
#include "crm-text.h"

#define MAX_LIST_NAME 80
#define MAX_FILTER 4000

void
crm_saved_list_free (CrmSavedList *list)
{
  if (list == NULL)
    return;
  g_free (list->name);
  g_free (list->filter);
  g_free (list);
}

/* A name of its own: another list's, in other letters too, is refused. */
static gboolean
check_name (CrmStore    *self,
            gint64       id,
            const char  *name,
            char       **clean,
            GError     **error)
{
  CrmStmt *stmt;
  gboolean taken;

  *clean = crm_text_clean (name, MAX_LIST_NAME);
  if ((*clean)[0] == '\0')
    {
      g_set_error_literal (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID, _("Enter a name for the list."));
      return FALSE;
    }

  stmt = crm_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM saved_lists WHERE lower (name) = lower (?1) "
                                  "AND id <> ?2)", error);
  if (stmt == NULL)
    return FALSE;
  crm_stmt_bind_text (stmt, 1, *clean);
  crm_stmt_bind_int64 (stmt, 2, id);
  taken = crm_stmt_step (stmt) == CRM_STMT_ROW && crm_stmt_column_int (stmt, 0) != 0;
  crm_stmt_reset (stmt);

  if (taken)
    {
      g_set_error (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID,
                   _("There is a list called “%s” already."), *clean);
      return FALSE;
    }

  return TRUE;
}

/**
 * crm_store_add_saved_list:
 * @filter: the filters as crm_customer_list_dup_filter() writes them
 *
 * Returns: the new list's id, or 0 with @error set
 */
gint64
crm_store_add_saved_list (CrmStore    *self,
                          const char  *name,
                          const char  *filter,
                          GError     **error)
{
  g_autofree char *clean = NULL;
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  if (!check_name (self, 0, name, &clean, error))
    return 0;

  stmt = crm_store_prepare (self, "INSERT INTO saved_lists (name, filter, created_at) VALUES (?1, ?2, ?3)",
                            error);
  if (stmt == NULL)
    return 0;
  crm_stmt_bind_text (stmt, 1, clean);
  crm_stmt_bind_text (stmt, 2, filter != NULL && strlen (filter) <= MAX_FILTER ? filter : "");
  crm_stmt_bind_int64 (stmt, 3, crm_store_now (self));
  if (!crm_store_step_done (self, stmt, "saved list", error))
    return 0;

  crm_store_emit_changed (self, CRM_STORE_CHANGE_SETTINGS, 0);
  return crm_store_last_insert_id (self);
}

gboolean
crm_store_rename_saved_list (CrmStore    *self,
                             gint64       id,
                             const char  *name,
                             GError     **error)
{
  g_autofree char *clean = NULL;
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  if (!check_name (self, id, name, &clean, error))
    return FALSE;

  stmt = crm_store_prepare (self, "UPDATE saved_lists SET name = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  crm_stmt_bind_int64 (stmt, 1, id);
  crm_stmt_bind_text (stmt, 2, clean);
  if (!crm_store_step_done (self, stmt, "saved list", error))
    return FALSE;

  crm_store_emit_changed (self, CRM_STORE_CHANGE_SETTINGS, 0);
  return TRUE;
}

gboolean
crm_store_delete_saved_list (CrmStore  *self,
                             gint64     id,
                             GError   **error)
{
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  stmt = crm_store_prepare (self, "DELETE FROM saved_lists WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  crm_stmt_bind_int64 (stmt, 1, id);
  if (!crm_store_step_done (self, stmt, "saved list", error))
    return FALSE;

  crm_store_emit_changed (self, CRM_STORE_CHANGE_SETTINGS, 0);
  return TRUE;
}

/**
 * crm_store_list_saved_lists:
 *
 * Returns: (transfer full) (element-type CrmSavedList): every saved list,
 *   oldest first
 */
GPtrArray *
crm_store_list_saved_lists (CrmStore *self)
{
  GPtrArray *lists = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_saved_list_free);
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), lists);

  stmt = crm_store_prepare (self, "SELECT id, name, filter FROM saved_lists ORDER BY id", NULL);
  while (stmt != NULL && crm_stmt_step (stmt) == CRM_STMT_ROW)
    {
      CrmSavedList *list = g_new0 (CrmSavedList, 1);

      list->id = crm_stmt_column_int64 (stmt, 0);
      list->name = crm_stmt_dup_text (stmt, 1);
      list->filter = crm_stmt_dup_text (stmt, 2);
      g_ptr_array_add (lists, list);
    }
  if (stmt != NULL)
    crm_stmt_reset (stmt);

  return lists;
}
