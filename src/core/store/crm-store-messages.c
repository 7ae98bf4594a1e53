/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The shop's own wording of the message templates (one row per template
 * and language, only where the shop changed the shipped text) and the
 * privacy log. Erasing a person is in crm-store-privacy.c. Part of
 * CrmStore (see crm-store-private.h). */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include "crm-store-messages.h"
#include "crm-store-private.h"

static gboolean
known_language (const char *language)
{
  return g_strcmp0 (language, "en") == 0 || g_strcmp0 (language, "ka") == 0 ||
         g_strcmp0 (language, "hy") == 0;
}

/**
 * crm_store_get_message_template:
 * @template: the template's key ("birthday", "miss_you"…)
 * @language: "en", "ka" or "hy"
 * @subject: (out) (transfer full): the shop's subject line
 * @body: (out) (transfer full): the shop's text
 *
 * Returns: %FALSE, leaving @subject and @body alone, when the shop uses
 *   the shipped text
 */
gboolean
crm_store_get_message_template (CrmStore    *self,
                                const char  *template,
                                const char  *language,
                                char       **subject,
                                char       **body)
{
  CrmStmt *stmt;
  gboolean found;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (subject != NULL && body != NULL, FALSE);

  stmt = crm_store_prepare (self,
                            "SELECT subject, body FROM message_templates "
                            "WHERE template = ?1 AND language = ?2",
                            NULL);
  if (stmt == NULL)
    return FALSE;

  crm_stmt_bind_text (stmt, 1, template);
  crm_stmt_bind_text (stmt, 2, language);
  found = crm_stmt_step (stmt) == CRM_STMT_ROW;
  if (found)
    {
      *subject = crm_stmt_dup_text (stmt, 0);
      *body = crm_stmt_dup_text (stmt, 1);
    }
  crm_stmt_reset (stmt);

  return found;
}

/* Saves the shop's wording of @template in @language. */
gboolean
crm_store_set_message_template (CrmStore    *self,
                                const char  *template,
                                const char  *language,
                                const char  *subject,
                                const char  *body,
                                GError     **error)
{
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (template != NULL && known_language (language), FALSE);

  stmt = crm_store_prepare (self,
                            "INSERT INTO message_templates (template, language, subject, body, updated_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5) "
                            "ON CONFLICT (template, language) DO UPDATE SET subject = excluded.subject, "
                            "  body = excluded.body, updated_at = excluded.updated_at",
                            error);
  if (stmt == NULL)
    return FALSE;

  crm_stmt_bind_text (stmt, 1, template);
  crm_stmt_bind_text (stmt, 2, language);
  crm_stmt_bind_text (stmt, 3, subject != NULL ? subject : "");
  crm_stmt_bind_text (stmt, 4, body != NULL ? body : "");
  crm_stmt_bind_int64 (stmt, 5, crm_store_now (self));
  if (!crm_store_step_done (self, stmt, "message template", error))
    return FALSE;

  crm_store_emit_changed (self, CRM_STORE_CHANGE_SETTINGS, 0);
  return TRUE;
}

/* Back to the shipped text. */
gboolean
crm_store_reset_message_template (CrmStore    *self,
                                  const char  *template,
                                  const char  *language,
                                  GError     **error)
{
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  stmt = crm_store_prepare (self,
                            "DELETE FROM message_templates WHERE template = ?1 AND language = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;

  crm_stmt_bind_text (stmt, 1, template);
  crm_stmt_bind_text (stmt, 2, language);
  if (!crm_store_step_done (self, stmt, "message template", error))
    return FALSE;

  crm_store_emit_changed (self, CRM_STORE_CHANGE_SETTINGS, 0);
  return TRUE;
}

static const char *const privacy_actions[] = {
  [CRM_PRIVACY_EXPORT] = "export",
  [CRM_PRIVACY_ERASE] = "erase",
};

/**
 * crm_store_log_privacy:
 *
 * Notes that @action was done on customer @customer_id, now, by the
 * staff member at the counter. The row holds the id alone: after an
 * erase it names "Erased customer #ID", nobody in particular.
 */
gboolean
crm_store_log_privacy (CrmStore          *self,
                       CrmPrivacyAction   action,
                       gint64             customer_id,
                       GError           **error)
{
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (action <= CRM_PRIVACY_ERASE, FALSE);

  stmt = crm_store_prepare (self,
                            "INSERT INTO privacy_log (at, action, customer_id, staff_id) "
                            "VALUES (?1, ?2, ?3, ?4)",
                            error);
  if (stmt == NULL)
    return FALSE;

  crm_stmt_bind_int64 (stmt, 1, crm_store_now (self));
  crm_stmt_bind_text (stmt, 2, privacy_actions[action]);
  crm_stmt_bind_int64 (stmt, 3, customer_id);
  crm_store_bind_acting_staff (self, stmt, 4);
  return crm_store_step_done (self, stmt, "privacy log", error);
}

/**
 * crm_store_list_privacy_log:
 *
 * Returns: (transfer container) (element-type CrmPrivacyEntry): the log,
 *   oldest first
 */
GPtrArray *
crm_store_list_privacy_log (CrmStore *self)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_privacy_entry_free);
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), entries);

  stmt = crm_store_prepare (self,
                            "SELECT l.at, l.action, l.customer_id, s.name FROM privacy_log l "
                            "LEFT JOIN staff s ON s.id = l.staff_id ORDER BY l.id",
                            NULL);
  while (stmt != NULL && crm_stmt_step (stmt) == CRM_STMT_ROW)
    {
      CrmPrivacyEntry *entry = g_new0 (CrmPrivacyEntry, 1);

      entry->at = crm_stmt_column_int64 (stmt, 0);
      entry->action = g_strcmp0 (crm_stmt_column_text (stmt, 1), "erase") == 0
        ? CRM_PRIVACY_ERASE : CRM_PRIVACY_EXPORT;
      entry->customer_id = crm_stmt_column_int64 (stmt, 2);
      entry->staff = crm_stmt_column_is_null (stmt, 3) ? NULL : crm_stmt_dup_text (stmt, 3);
      g_ptr_array_add (entries, entry);
    }
  crm_stmt_reset (stmt);

  return entries;
}

void
crm_privacy_entry_free (CrmPrivacyEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->staff);
  g_free (entry);
}
