/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Who is at the counter: staff members, and the one whose name goes on
 * the purchases, interactions and feedback responses entered now. Part
 * of CrmStore. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-store-private.h"
#include "crm-text.h"

#define MAX_STAFF_NAME 80

static const char *const staff_languages[] = { "", "en", "ka", "hy", NULL };

void
crm_staff_member_free (CrmStaffMember *member)
{
  if (member == NULL)
    return;

  g_free (member->name);
  g_free (member->language);
  g_free (member);
}

static gboolean
check_member (const char  *name,
              const char  *language,
              char       **clean,
              GError     **error)
{
  *clean = crm_text_clean (name, MAX_STAFF_NAME);

  if ((*clean)[0] == '\0')
    {
      g_set_error_literal (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID,
                           _("Enter the staff member’s name."));
      return FALSE;
    }

  if (!g_strv_contains (staff_languages, language != NULL ? language : ""))
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_SQL,
                   "unknown language “%s”", language);
      return FALSE;
    }

  return TRUE;
}

/* Migration 3: the keys of everyone already on the staff. */
gboolean
crm_store_fill_staff_name_keys (CrmStore  *self,
                                GError   **error)
{
  g_autoptr(CrmStmt) select = crm_store_prepare_once (self, "SELECT id, name FROM staff", error);
  CrmStmt *update = crm_store_prepare (self,
                                       "UPDATE staff SET name_key_en = ?2, name_key_ka = ?3, "
                                       "  name_key_hy = ?4 WHERE id = ?1",
                                       error);
  CrmStmtResult rc;

  if (select == NULL || update == NULL)
    return FALSE;

  while ((rc = crm_stmt_step (select)) == CRM_STMT_ROW)
    {
      crm_stmt_bind_int64 (update, 1, crm_stmt_column_int64 (select, 0));
      crm_store_bind_name_keys (update, 2, crm_stmt_column_text (select, 1));
      if (!crm_store_step_done (self, update, "staff name keys", error))
        return FALSE;
    }

  if (rc != CRM_STMT_DONE)
    {
      crm_store_set_sql_error (error, self, "staff name keys");
      return FALSE;
    }

  return TRUE;
}

/**
 * crm_store_add_staff:
 * @name: as people call them at the counter
 * @language: "" for the system's, or "en", "ka", "hy"
 *
 * Returns: the new staff member's id, or 0 with @error set
 */
gint64
crm_store_add_staff (CrmStore    *self,
                     const char  *name,
                     const char  *language,
                     GError     **error)
{
  g_autofree char *clean = NULL;
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  if (!check_member (name, language, &clean, error))
    return 0;

  stmt = crm_store_prepare (self,
                            "INSERT INTO staff (name, language, created_at, "
                            "  name_key_en, name_key_ka, name_key_hy) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            error);
  if (stmt == NULL)
    return 0;

  crm_stmt_bind_text (stmt, 1, clean);
  crm_stmt_bind_text (stmt, 2, language != NULL ? language : "");
  crm_stmt_bind_int64 (stmt, 3, crm_store_now (self));
  crm_store_bind_name_keys (stmt, 4, clean);
  if (!crm_store_step_done (self, stmt, "staff", error))
    return 0;

  crm_store_emit_changed (self, CRM_STORE_CHANGE_STAFF, 0);
  return crm_store_last_insert_id (self);
}

/**
 * crm_store_update_staff:
 *
 * Renames a staff member or changes their language. What they entered
 * keeps their (new) name.
 */
gboolean
crm_store_update_staff (CrmStore    *self,
                        gint64       id,
                        const char  *name,
                        const char  *language,
                        GError     **error)
{
  g_autofree char *clean = NULL;
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  if (!check_member (name, language, &clean, error))
    return FALSE;

  stmt = crm_store_prepare (self,
                            "UPDATE staff SET name = ?2, language = ?3, "
                            "  name_key_en = ?4, name_key_ka = ?5, name_key_hy = ?6 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;

  crm_stmt_bind_int64 (stmt, 1, id);
  crm_stmt_bind_text (stmt, 2, clean);
  crm_stmt_bind_text (stmt, 3, language != NULL ? language : "");
  crm_store_bind_name_keys (stmt, 4, clean);
  if (!crm_store_step_done (self, stmt, "staff", error))
    return FALSE;

  crm_store_emit_changed (self, CRM_STORE_CHANGE_STAFF, 0);
  return TRUE;
}

/**
 * crm_store_set_staff_archived:
 *
 * Someone who left the shop: off the list of who can be at the counter,
 * still named on what they entered.
 */
gboolean
crm_store_set_staff_archived (CrmStore  *self,
                              gint64     id,
                              gboolean   archived,
                              GError   **error)
{
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  stmt = crm_store_prepare (self, "UPDATE staff SET archived = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  crm_stmt_bind_int64 (stmt, 1, id);
  crm_stmt_bind_int (stmt, 2, archived ? 1 : 0);
  if (!crm_store_step_done (self, stmt, "staff", error))
    return FALSE;

  if (archived && self->acting_staff == id)
    self->acting_staff = 0;

  crm_store_emit_changed (self, CRM_STORE_CHANGE_STAFF, 0);
  return TRUE;
}

static CrmStaffMember *
member_from_row (CrmStmt *stmt)
{
  CrmStaffMember *member = g_new0 (CrmStaffMember, 1);

  member->id = crm_stmt_column_int64 (stmt, 0);
  member->name = g_strdup (crm_stmt_column_text (stmt, 1));
  member->language = g_strdup (crm_stmt_column_text (stmt, 2));
  member->archived = crm_stmt_column_int (stmt, 3) != 0;

  return member;
}

/**
 * crm_store_list_staff:
 * @include_archived: also those who left
 *
 * Returns: (transfer full) (element-type CrmStaffMember): staff in name
 *   order for the interface language
 */
GPtrArray *
crm_store_list_staff (CrmStore *self,
                      gboolean  include_archived)
{
  GPtrArray *staff = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_staff_member_free);
  g_autofree char *order = NULL;
  g_autofree char *sql = NULL;
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), staff);

  order = crm_store_name_order (self, "name");
  sql = g_strdup_printf ("SELECT id, name, language, archived FROM staff WHERE ?1 = 1 OR archived = 0 "
                         "ORDER BY %s, id", order);
  stmt = crm_store_prepare (self, sql, NULL);
  if (stmt == NULL)
    return staff;

  crm_stmt_bind_int (stmt, 1, include_archived ? 1 : 0);
  while (crm_stmt_step (stmt) == CRM_STMT_ROW)
    g_ptr_array_add (staff, member_from_row (stmt));
  crm_stmt_reset (stmt);

  return staff;
}

/**
 * crm_store_get_staff:
 *
 * Returns: (transfer full) (nullable): the staff member, archived or not
 */
CrmStaffMember *
crm_store_get_staff (CrmStore *self,
                     gint64    id)
{
  CrmStaffMember *member = NULL;
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  stmt = crm_store_prepare (self, "SELECT id, name, language, archived FROM staff WHERE id = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  crm_stmt_bind_int64 (stmt, 1, id);
  if (crm_stmt_step (stmt) == CRM_STMT_ROW)
    member = member_from_row (stmt);
  crm_stmt_reset (stmt);

  return member;
}

/**
 * crm_store_set_acting_staff:
 * @id: a staff member who is not archived, or 0 for nobody in particular
 *
 * From now on, purchases, interactions and feedback responses are
 * recorded as entered by @id.
 *
 * Emits "changed" (staff) when the person changes.
 *
 * Returns: %FALSE if @id is unknown or archived (nothing changes then)
 */
gboolean
crm_store_set_acting_staff (CrmStore *self,
                            gint64    id)
{
  g_autoptr(CrmStaffMember) member = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  if (id != 0)
    {
      member = crm_store_get_staff (self, id);
      if (member == NULL || member->archived)
        return FALSE;
    }

  if (self->acting_staff != id)
    {
      self->acting_staff = id;
      crm_store_emit_changed (self, CRM_STORE_CHANGE_STAFF, 0);
    }

  return TRUE;
}

gint64
crm_store_get_acting_staff (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  return self->acting_staff;
}

/* For INSERTs: the acting staff member, or NULL. */
void
crm_store_bind_acting_staff (CrmStore *self,
                             CrmStmt  *stmt,
                             int       index)
{
  if (self->acting_staff > 0)
    crm_stmt_bind_int64 (stmt, index, self->acting_staff);
  else
    crm_stmt_bind_null (stmt, index);
}
