/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The feedback inbox: what customers said, and what the shop did about it.
 * Part of CrmStore. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-feedback-private.h"
#include "crm-store-private.h"
#include "crm-text.h"

/* A letter of complaint can be long; a pasted megabyte is cut here. */
#define MAX_TEXT 20000
#define MAX_RESPONSE 20000

#define FEEDBACK_COLUMNS                                                     \
  "f.id, coalesce (f.customer_id, 0), coalesce (c.name, ''), f.received_at, " \
  "f.kind, coalesce (f.rating, 0), f.channel, f.text, f.status, f.is_read, "   \
  "coalesce (f.response, ''), coalesce (f.responded_at, 0), coalesce (f.resolved_at, 0), " \
  "coalesce (s.name, ''), coalesce (f.effort, 0), coalesce (f.recommend, -1) " \
  "FROM feedback f LEFT JOIN customers c ON c.id = f.customer_id "           \
  "LEFT JOIN staff s ON s.id = f.staff_id "

static CrmFeedback *
feedback_from_row (CrmStmt *stmt)
{
  CrmFeedback *feedback = g_object_new (CRM_TYPE_FEEDBACK, NULL);

#define TEXT(i) crm_stmt_dup_text (stmt, i)
  feedback->id = crm_stmt_column_int64 (stmt, 0);
  feedback->customer_id = crm_stmt_column_int64 (stmt, 1);
  feedback->customer_name = TEXT (2);
  feedback->received_at = crm_stmt_column_int64 (stmt, 3);
  feedback->kind = TEXT (4);
  feedback->rating = (guint) crm_stmt_column_int (stmt, 5);
  feedback->channel = TEXT (6);
  feedback->text = TEXT (7);
  feedback->status = TEXT (8);
  feedback->read = crm_stmt_column_int (stmt, 9) != 0;
  feedback->response = TEXT (10);
  feedback->responded_at = crm_stmt_column_int64 (stmt, 11);
  feedback->resolved_at = crm_stmt_column_int64 (stmt, 12);
  feedback->responded_by = TEXT (13);
  feedback->effort = (guint) crm_stmt_column_int (stmt, 14);
  feedback->recommend = crm_stmt_column_int (stmt, 15);
#undef TEXT

  return feedback;
}

static gboolean
one_of (const char         *value,
        const char * const *allowed)
{
  return value != NULL && g_strv_contains (allowed, value);
}

/**
 * crm_store_add_feedback:
 *
 * Records what a customer said. It arrives unread and new.
 *
 * Returns: the entry's id, or 0 with @error saying what to fix
 */
gint64
crm_store_add_feedback (CrmStore                *self,
                        const CrmFeedbackFields *fields,
                        GError                 **error)
{
  g_autofree char *text = NULL;
  CrmStmt *stmt;
  gint64 id;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);
  g_return_val_if_fail (fields != NULL, 0);

  if (!one_of (fields->kind, crm_feedback_kinds) ||
      !one_of (fields->channel ? fields->channel : "in-store", crm_feedback_channels))
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_SQL, "unknown kind or channel");
      return 0;
    }

  if (fields->rating > 5)
    {
      g_set_error_literal (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID,
                           _("A rating is from 1 to 5 stars."));
      return 0;
    }

  if (fields->effort > 5 || (fields->has_recommend && fields->recommend > 10))
    {
      g_set_error_literal (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID,
                           _("How easy it was is from 1 to 5, and would recommend from 0 to 10."));
      return 0;
    }

  text = crm_text_clean (fields->text, MAX_TEXT);
  if (text[0] == '\0' && fields->rating == 0)
    {
      g_set_error_literal (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID,
                           _("Write what the customer said, or give a rating."));
      return 0;
    }

  stmt = crm_store_prepare (self,
                            "INSERT INTO feedback (customer_id, received_at, kind, rating, channel, text, "
                            "  effort, recommend) "
                            "VALUES ((SELECT id FROM customers WHERE id = ?1), ?2, ?3, nullif (?4, 0), ?5, ?6, "
                            "  nullif (?7, 0), ?8)",
                            error);
  if (stmt == NULL)
    return 0;

  crm_stmt_bind_int64 (stmt, 1, fields->customer_id);
  crm_stmt_bind_int64 (stmt, 2, fields->received_at > 0 ? fields->received_at : crm_store_now (self));
  crm_stmt_bind_text (stmt, 3, fields->kind);
  crm_stmt_bind_int (stmt, 4, (int) fields->rating);
  crm_stmt_bind_text (stmt, 5, fields->channel ? fields->channel : "in-store");
  crm_stmt_bind_text (stmt, 6, text);
  crm_stmt_bind_int (stmt, 7, (int) fields->effort);
  if (fields->has_recommend)
    crm_stmt_bind_int (stmt, 8, (int) fields->recommend);
  else
    crm_stmt_bind_null (stmt, 8);
  if (!crm_store_step_done (self, stmt, "feedback", error))
    return 0;

  id = crm_store_last_insert_id (self);
  crm_store_emit_changed (self, CRM_STORE_CHANGE_FEEDBACK, fields->customer_id);
  return id;
}

/**
 * crm_store_update_feedback:
 * @status: "new", "in_progress" or "resolved"
 * @response: (nullable): the shop's response note, or %NULL to keep it
 *
 * The first response (a note, or leaving "new") records when the shop
 * first answered, and whether it resolved the entry at once (first-contact
 * resolution); resolving records when; reopening clears the resolution
 * and records when it was reopened.
 */
gboolean
crm_store_update_feedback (CrmStore    *self,
                           gint64       id,
                           const char  *status,
                           const char  *response,
                           GError     **error)
{
  g_autofree char *note = response ? crm_text_clean (response, MAX_RESPONSE) : NULL;
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  if (!one_of (status, crm_feedback_statuses))
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_SQL, "unknown status “%s”",
                   status ? status : "(null)");
      return FALSE;
    }

  stmt = crm_store_prepare (self,
                            "UPDATE feedback SET status = ?2, "
                            "  response = CASE WHEN ?3 IS NULL THEN response ELSE ?3 END, "
                            "  responded_at = CASE WHEN responded_at IS NULL AND "
                            "      (?2 <> 'new' OR coalesce (?3, '') <> '') THEN ?4 ELSE responded_at END, "
                            "  resolved_at = CASE WHEN ?2 = 'resolved' THEN coalesce (resolved_at, ?4) "
                            "      ELSE NULL END, "
                            "  first_contact = CASE WHEN responded_at IS NULL AND "
                            "      (?2 <> 'new' OR coalesce (?3, '') <> '') "
                            "      THEN CASE WHEN ?2 = 'resolved' THEN 1 ELSE 0 END ELSE first_contact END, "
                            "  reopened_at = CASE WHEN status = 'resolved' AND ?2 <> 'resolved' THEN ?4 "
                            "      ELSE reopened_at END, "
                            "  staff_id = CASE WHEN coalesce (?3, '') <> '' AND ?3 IS DISTINCT FROM coalesce (response, '') "
                            "      THEN ?5 ELSE staff_id END, "
                            "  is_read = 1 "
                            "WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;

  crm_stmt_bind_int64 (stmt, 1, id);
  crm_stmt_bind_text (stmt, 2, status);
  crm_stmt_bind_text (stmt, 3, note);
  crm_stmt_bind_int64 (stmt, 4, crm_store_now (self));
  crm_store_bind_acting_staff (self, stmt, 5);
  if (!crm_store_step_done (self, stmt, "feedback", error))
    return FALSE;

  crm_store_emit_changed (self, CRM_STORE_CHANGE_FEEDBACK, 0);
  return TRUE;
}

gboolean
crm_store_set_feedback_read (CrmStore  *self,
                             gint64     id,
                             gboolean   read,
                             GError   **error)
{
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  stmt = crm_store_prepare (self, "UPDATE feedback SET is_read = ?2 WHERE id = ?1 AND is_read <> ?2", error);
  if (stmt == NULL)
    return FALSE;

  crm_stmt_bind_int64 (stmt, 1, id);
  crm_stmt_bind_int (stmt, 2, read ? 1 : 0);
  if (!crm_store_step_done (self, stmt, "feedback", error))
    return FALSE;

  if (crm_store_changes (self) > 0)
    crm_store_emit_changed (self, CRM_STORE_CHANGE_FEEDBACK, 0);
  return TRUE;
}

gboolean
crm_store_delete_feedback (CrmStore  *self,
                           gint64     id,
                           GError   **error)
{
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  stmt = crm_store_prepare (self, "DELETE FROM feedback WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  crm_stmt_bind_int64 (stmt, 1, id);
  if (!crm_store_step_done (self, stmt, "feedback", error))
    return FALSE;

  crm_store_emit_changed (self, CRM_STORE_CHANGE_FEEDBACK, 0);
  return TRUE;
}

/**
 * crm_store_get_feedback:
 *
 * Returns: (transfer full) (nullable): the entry, or %NULL
 */
CrmFeedback *
crm_store_get_feedback (CrmStore *self,
                        gint64    id)
{
  CrmStmt *stmt;
  CrmFeedback *feedback = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  stmt = crm_store_prepare (self, "SELECT " FEEDBACK_COLUMNS "WHERE f.id = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  crm_stmt_bind_int64 (stmt, 1, id);
  if (crm_stmt_step (stmt) == CRM_STMT_ROW)
    feedback = feedback_from_row (stmt);
  crm_stmt_reset (stmt);

  return feedback;
}

/**
 * crm_store_list_feedback:
 * @filter: (nullable): what to show; %NULL for everything
 * @limit: the most entries, newest first
 *
 * The text search folds case and accents like the customer search, and
 * looks at the text, the response and the customer's name.
 *
 * Returns: (transfer full) (element-type CrmFeedback): the entries
 */
GPtrArray *
crm_store_list_feedback (CrmStore                *self,
                         const CrmFeedbackFilter *filter,
                         guint                    limit)
{
  static const CrmFeedbackFilter all = { 0 };
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *needle = NULL;
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), list);

  if (filter == NULL)
    filter = &all;
  if (filter->search != NULL && filter->search[0] != '\0')
    needle = crm_text_fold (filter->search);

  stmt = crm_store_prepare (self,
                            "SELECT " FEEDBACK_COLUMNS
                            "WHERE (?1 IS NULL OR f.kind = ?1) AND (?2 IS NULL OR f.status = ?2) "
                            "  AND (?3 IS NULL OR f.channel = ?3) "
                            "  AND (?4 = 0 OR coalesce (f.rating, -1) = (CASE ?4 WHEN -1 THEN -1 ELSE ?4 END)) "
                            "  AND (?5 = 0 OR f.customer_id = ?5) AND (?6 = 0 OR f.is_read = 0) "
                            "ORDER BY f.received_at DESC, f.id DESC",
                            NULL);
  if (stmt == NULL)
    return list;

  crm_stmt_bind_text_or_null (stmt, 1, filter->kind);
  crm_stmt_bind_text_or_null (stmt, 2, filter->status);
  crm_stmt_bind_text_or_null (stmt, 3, filter->channel);
  crm_stmt_bind_int (stmt, 4, filter->rating);
  crm_stmt_bind_int64 (stmt, 5, filter->customer_id);
  crm_stmt_bind_int (stmt, 6, filter->unread_only ? 1 : 0);

  while (list->len < limit && crm_stmt_step (stmt) == CRM_STMT_ROW)
    {
      g_autoptr(CrmFeedback) feedback = feedback_from_row (stmt);

      if (needle != NULL)
        {
          g_autofree char *haystack = g_strjoin (" ", feedback->text, feedback->response,
                                                 feedback->customer_name, NULL);
          g_autofree char *folded = crm_text_fold (haystack);

          if (strstr (folded, needle) == NULL)
            continue;
        }

      g_ptr_array_add (list, g_steal_pointer (&feedback));
    }
  crm_stmt_reset (stmt);

  return list;
}

guint
crm_store_count_unread_feedback (CrmStore *self)
{
  CrmStmt *stmt;
  guint n = 0;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  stmt = crm_store_prepare (self, "SELECT count (*) FROM feedback WHERE is_read = 0", NULL);
  if (stmt != NULL && crm_stmt_step (stmt) == CRM_STMT_ROW)
    n = (guint) crm_stmt_column_int (stmt, 0);
  crm_stmt_reset (stmt);

  return n;
}
