/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Follow-ups: what to do about a customer, and when. Part of CrmStore. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-follow-up-private.h"
#include "crm-store-private.h"
#include "crm-text.h"

#define DAY (24 * 60 * 60)
#define MAX_NOTE 2000
#define MAX_REPEAT_DAYS 3650

/* When a follow-up is due: the snooze time wins over the due time. */
#define WHEN_SQL "coalesce (f.snoozed_until, f.due_at)"

#define FOLLOW_UP_COLUMNS                                                 \
  "f.id, f.customer_id, c.name, "                                         \
  "(CASE c.segment_override WHEN 'key' THEN 1 WHEN 'secondary' THEN 0 "   \
  " ELSE coalesce (s.rule_key, 0) END), "                                 \
  "f.due_at, coalesce (f.snoozed_until, 0), f.note, coalesce (f.repeat_days, 0), " \
  "coalesce (f.notified_at, 0), coalesce (f.done_at, 0) "                 \
  "FROM follow_ups f JOIN customers c ON c.id = f.customer_id "           \
  "LEFT JOIN customer_stats s ON s.customer_id = f.customer_id "

static CrmFollowUp *
follow_up_from_row (CrmStmt *stmt)
{
  CrmFollowUp *follow_up = g_object_new (CRM_TYPE_FOLLOW_UP, NULL);

  follow_up->id = crm_stmt_column_int64 (stmt, 0);
  follow_up->customer_id = crm_stmt_column_int64 (stmt, 1);
  follow_up->customer_name = g_strdup (crm_stmt_column_text (stmt, 2));
  follow_up->key_client = crm_stmt_column_int (stmt, 3) != 0;
  follow_up->due_at = crm_stmt_column_int64 (stmt, 4);
  follow_up->snoozed_until = crm_stmt_column_int64 (stmt, 5);
  follow_up->note = g_strdup (crm_stmt_column_text (stmt, 6));
  follow_up->repeat_days = (guint) crm_stmt_column_int (stmt, 7);
  follow_up->notified_at = crm_stmt_column_int64 (stmt, 8);
  follow_up->done_at = crm_stmt_column_int64 (stmt, 9);

  return follow_up;
}

static GPtrArray *
collect (CrmStmt *stmt)
{
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);

  while (stmt != NULL && crm_stmt_step (stmt) == CRM_STMT_ROW)
    g_ptr_array_add (list, follow_up_from_row (stmt));
  crm_stmt_reset (stmt);

  return list;
}

static gboolean
check_repeat (guint    repeat_days,
              GError **error)
{
  if (repeat_days > MAX_REPEAT_DAYS)
    {
      g_set_error (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID,
                   _("A follow-up can repeat at most every %d days."), MAX_REPEAT_DAYS);
      return FALSE;
    }

  return TRUE;
}

/**
 * crm_store_add_follow_up:
 * @repeat_days: 0 for once, or the days between repeats
 *
 * Returns: the new follow-up's id, or 0 with @error set
 */
gint64
crm_store_add_follow_up (CrmStore    *self,
                         gint64       customer_id,
                         gint64       due_at,
                         const char  *note,
                         guint        repeat_days,
                         GError     **error)
{
  g_autofree char *text = crm_text_clean (note, MAX_NOTE);
  CrmStmt *stmt;
  gint64 id;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  if (!check_repeat (repeat_days, error))
    return 0;

  stmt = crm_store_prepare (self,
                            "INSERT INTO follow_ups (customer_id, due_at, note, repeat_days, created_at) "
                            "SELECT id, ?2, ?3, nullif (?4, 0), ?5 FROM customers WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return 0;

  crm_stmt_bind_int64 (stmt, 1, customer_id);
  crm_stmt_bind_int64 (stmt, 2, due_at);
  crm_stmt_bind_text (stmt, 3, text);
  crm_stmt_bind_int (stmt, 4, (int) repeat_days);
  crm_stmt_bind_int64 (stmt, 5, crm_store_now (self));
  if (!crm_store_step_done (self, stmt, "follow-up", error))
    return 0;

  if (crm_store_changes (self) == 0)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_SQL,
                   "no customer with id %" G_GINT64_FORMAT, customer_id);
      return 0;
    }

  id = crm_store_last_insert_id (self);
  crm_store_emit_changed (self, CRM_STORE_CHANGE_FOLLOW_UPS, customer_id);
  return id;
}

/* One row by id, ?2 the new value; "changed" for follow-ups. */
static gboolean
write_one (CrmStore    *self,
           const char  *sql,
           gint64       id,
           gint64       value,
           GError     **error)
{
  if (!crm_store_write_id (self, sql, id, value, FALSE, error))
    return FALSE;

  crm_store_emit_changed (self, CRM_STORE_CHANGE_FOLLOW_UPS, 0);
  return TRUE;
}

/**
 * crm_store_update_follow_up:
 *
 * A new time or note makes it a new reminder: it may notify again.
 */
gboolean
crm_store_update_follow_up (CrmStore    *self,
                            gint64       id,
                            gint64       due_at,
                            const char  *note,
                            guint        repeat_days,
                            GError     **error)
{
  g_autofree char *text = crm_text_clean (note, MAX_NOTE);
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  if (!check_repeat (repeat_days, error))
    return FALSE;

  stmt = crm_store_prepare (self,
                            "UPDATE follow_ups SET due_at = ?2, note = ?3, repeat_days = nullif (?4, 0), "
                            "  snoozed_until = NULL, notified_at = NULL WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;

  crm_stmt_bind_int64 (stmt, 1, id);
  crm_stmt_bind_int64 (stmt, 2, due_at);
  crm_stmt_bind_text (stmt, 3, text);
  crm_stmt_bind_int (stmt, 4, (int) repeat_days);
  if (!crm_store_step_done (self, stmt, "follow-up", error))
    return FALSE;

  crm_store_emit_changed (self, CRM_STORE_CHANGE_FOLLOW_UPS, 0);
  return TRUE;
}

gboolean
crm_store_delete_follow_up (CrmStore  *self,
                            gint64     id,
                            GError   **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  return write_one (self, "DELETE FROM follow_ups WHERE id = ?1", id, 0, error);
}

/**
 * crm_store_snooze_follow_up:
 * @until: when to be reminded again
 */
gboolean
crm_store_snooze_follow_up (CrmStore  *self,
                            gint64     id,
                            gint64     until,
                            GError   **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  return write_one (self,
                    "UPDATE follow_ups SET snoozed_until = ?2, notified_at = NULL "
                    "WHERE id = ?1 AND done_at IS NULL",
                    id, until, error);
}

/**
 * crm_store_complete_follow_up:
 *
 * Marks it done now. A repeating follow-up schedules its next time: the
 * same note, @repeat_days after the last due time, and past now (a monthly
 * call done late does not leave a pile of missed months behind).
 *
 * Returns: the id of the next follow-up, the follow-up's own id when it
 *   does not repeat, or 0 with @error set
 */
gint64
crm_store_complete_follow_up (CrmStore  *self,
                              gint64     id,
                              GError   **error)
{
  g_autoptr(CrmFollowUp) follow_up = crm_store_get_follow_up (self, id);
  gint64 now = crm_store_now (self);
  gint64 next_id = id;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  if (follow_up == NULL || follow_up->done_at > 0)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_SQL,
                   "no pending follow-up with id %" G_GINT64_FORMAT, id);
      return 0;
    }

  /* Done and its next time land together, announced once. */
  if (!crm_store_savepoint (self, error))
    return 0;

  ok = write_one (self, "UPDATE follow_ups SET done_at = ?2 WHERE id = ?1", id, now, error);

  if (ok && follow_up->repeat_days > 0)
    {
      gint64 step = (gint64) follow_up->repeat_days * DAY;
      gint64 next = follow_up->due_at + step;

      if (next <= now)
        next += ((now - next) / step + 1) * step;

      next_id = crm_store_add_follow_up (self, follow_up->customer_id, next, follow_up->note,
                                         follow_up->repeat_days, error);
      ok = next_id != 0;
    }

  if (!crm_store_release (self, ok, error))
    return 0;

  return next_id;
}

/**
 * crm_store_get_follow_up:
 *
 * Returns: (transfer full) (nullable): the follow-up, or %NULL
 */
CrmFollowUp *
crm_store_get_follow_up (CrmStore *self,
                         gint64    id)
{
  CrmStmt *stmt;
  CrmFollowUp *follow_up = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  stmt = crm_store_prepare (self, "SELECT " FOLLOW_UP_COLUMNS "WHERE f.id = ?1", NULL);
  if (stmt == NULL)
    return NULL;

  crm_stmt_bind_int64 (stmt, 1, id);
  if (crm_stmt_step (stmt) == CRM_STMT_ROW)
    follow_up = follow_up_from_row (stmt);
  crm_stmt_reset (stmt);

  return follow_up;
}

/**
 * crm_store_list_follow_ups:
 * @done: %FALSE for pending ones, soonest first; %TRUE for done ones,
 *   latest first
 * @customer_id: one customer's, or 0 for everyone's
 * @limit: the most to return
 *
 * Returns: (transfer full) (element-type CrmFollowUp): the follow-ups
 */
GPtrArray *
crm_store_list_follow_ups (CrmStore *self,
                           gboolean  done,
                           gint64    customer_id,
                           guint     limit)
{
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  if (done)
    stmt = crm_store_prepare (self,
                              "SELECT " FOLLOW_UP_COLUMNS
                              "WHERE f.done_at IS NOT NULL AND (?1 = 0 OR f.customer_id = ?1) "
                              "  AND c.archived_at IS NULL "
                              "ORDER BY f.done_at DESC, f.id DESC LIMIT ?2",
                              NULL);
  else
    stmt = crm_store_prepare (self,
                              "SELECT " FOLLOW_UP_COLUMNS
                              "WHERE f.done_at IS NULL AND (?1 = 0 OR f.customer_id = ?1) "
                              "  AND c.archived_at IS NULL "
                              "ORDER BY " WHEN_SQL ", f.id LIMIT ?2",
                              NULL);
  if (stmt != NULL)
    {
      crm_stmt_bind_int64 (stmt, 1, customer_id);
      crm_stmt_bind_int (stmt, 2, (int) MIN (limit, G_MAXINT));
    }

  return collect (stmt);
}

/**
 * crm_store_list_due_follow_ups:
 *
 * Returns: (transfer full) (element-type CrmFollowUp): pending follow-ups
 *   due at or before @now that have not been announced, soonest first
 */
GPtrArray *
crm_store_list_due_follow_ups (CrmStore *self,
                               gint64    now)
{
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  stmt = crm_store_prepare (self,
                            "SELECT " FOLLOW_UP_COLUMNS
                            "WHERE f.done_at IS NULL AND f.notified_at IS NULL "
                            "  AND " WHEN_SQL " <= ?1 AND c.archived_at IS NULL "
                            "ORDER BY " WHEN_SQL ", f.id",
                            NULL);
  if (stmt != NULL)
    crm_stmt_bind_int64 (stmt, 1, now);

  return collect (stmt);
}

/**
 * crm_store_next_follow_up_time:
 *
 * Returns: when the next unannounced pending follow-up is due, or 0
 */
gint64
crm_store_next_follow_up_time (CrmStore *self)
{
  CrmStmt *stmt;
  gint64 when = 0;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  /* Uses the partial index on the same expression. */
  stmt = crm_store_prepare (self,
                            "SELECT min (coalesce (snoozed_until, due_at)) FROM follow_ups "
                            "WHERE done_at IS NULL AND notified_at IS NULL",
                            NULL);
  if (stmt == NULL)
    return 0;

  if (crm_stmt_step (stmt) == CRM_STMT_ROW)
    when = crm_stmt_column_int64 (stmt, 0);
  crm_stmt_reset (stmt);

  return when;
}

/**
 * crm_store_mark_follow_ups_notified:
 * @follow_ups: (element-type CrmFollowUp): what is about to be announced
 *
 * Claims each follow-up for this PC and remembers the announcement, so
 * that a restart does not repeat it and, on a shared database, another
 * PC that found it due at the same moment does not announce it too: the
 * ones another PC claimed first are taken out of @follow_ups.
 */
gboolean
crm_store_mark_follow_ups_notified (CrmStore   *self,
                                    GPtrArray  *follow_ups,
                                    gint64      now,
                                    GError    **error)
{
  CrmStmt *stmt;
  gboolean ok = TRUE;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  if (!crm_store_savepoint (self, error))
    return FALSE;

  stmt = crm_store_prepare (self,
                            "UPDATE follow_ups SET announced_by = ?1, notified_at = ?2 "
                            "WHERE id = ?3 AND notified_at IS NULL RETURNING id",
                            error);
  ok = stmt != NULL;

  for (guint i = 0; ok && i < follow_ups->len;)
    {
      CrmFollowUp *follow_up = g_ptr_array_index (follow_ups, i);
      CrmStmtResult rc;

      crm_stmt_bind_text (stmt, 1, crm_store_get_station (self));
      crm_stmt_bind_int64 (stmt, 2, now);
      crm_stmt_bind_int64 (stmt, 3, follow_up->id);
      rc = crm_stmt_step (stmt);
      /* RETURNING's row is read to the end, so that the write completes. */
      if (rc == CRM_STMT_ROW && crm_stmt_step (stmt) == CRM_STMT_DONE)
        i++;
      else if (rc == CRM_STMT_DONE)
        g_ptr_array_remove_index (follow_ups, i);
      else
        {
          crm_store_set_sql_error (error, self, "follow-up");
          ok = FALSE;
        }
      crm_stmt_reset (stmt);
    }

  return crm_store_release (self, ok, error) && ok;
}

/**
 * crm_store_claim_day:
 * @what: the once-a-day job, e.g. "digest"
 * @day: the shop's day, e.g. "2026-12-02"
 *
 * Once-a-day work that only one PC of the shop may do (the morning
 * digest): the first to ask gets it.
 *
 * Returns: %TRUE if this PC got @what for @day, %FALSE if another had it
 *   already (or on error, with @error set)
 */
gboolean
crm_store_claim_day (CrmStore    *self,
                     const char  *what,
                     const char  *day,
                     GError     **error)
{
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  stmt = crm_store_prepare (self,
                            "INSERT INTO claims (what, day, claimed_by, at) VALUES (?1, ?2, ?3, ?4) "
                            "ON CONFLICT DO NOTHING",
                            error);
  if (stmt == NULL)
    return FALSE;

  crm_stmt_bind_text (stmt, 1, what);
  crm_stmt_bind_text (stmt, 2, day);
  crm_stmt_bind_text (stmt, 3, crm_store_get_station (self));
  crm_stmt_bind_int64 (stmt, 4, crm_store_now (self));

  return crm_store_step_done (self, stmt, "claim", error) && crm_store_changes (self) == 1;
}

/**
 * crm_store_count_pending_follow_ups:
 * @day_start: the start of today
 * @day_end: the start of tomorrow
 * @overdue: (out): pending and due before today
 * @today: (out): pending and due today
 */
void
crm_store_count_pending_follow_ups (CrmStore *self,
                                    gint64    day_start,
                                    gint64    day_end,
                                    guint    *overdue,
                                    guint    *today)
{
  CrmStmt *stmt;

  *overdue = *today = 0;

  stmt = crm_store_prepare (self,
                            "SELECT count (*) FILTER (WHERE " WHEN_SQL " < ?1), "
                            "  count (*) FILTER (WHERE " WHEN_SQL " >= ?1 AND " WHEN_SQL " < ?2) "
                            "FROM follow_ups f JOIN customers c ON c.id = f.customer_id "
                            "WHERE f.done_at IS NULL AND c.archived_at IS NULL",
                            NULL);
  if (stmt == NULL)
    return;

  crm_stmt_bind_int64 (stmt, 1, day_start);
  crm_stmt_bind_int64 (stmt, 2, day_end);
  if (crm_stmt_step (stmt) == CRM_STMT_ROW)
    {
      *overdue = (guint) crm_stmt_column_int (stmt, 0);
      *today = (guint) crm_stmt_column_int (stmt, 1);
    }
  crm_stmt_reset (stmt);
}

/* The last time the shop was in touch: a purchase, any contact, a
 * follow-up done, or a suggestion dismissed. */
#define LAST_TOUCH_SQL                                                              \
  "greatest (coalesce (s.last_purchase_at, 0), c.created_at, coalesce (c.touch_dismissed_at, 0), " \
  "     coalesce ((SELECT max (i.at) FROM interactions i WHERE i.customer_id = c.id), 0), "    \
  "     coalesce ((SELECT max (d.done_at) FROM follow_ups d WHERE d.customer_id = c.id), 0))"

/**
 * crm_store_list_keep_in_touch:
 * @limit: the most to return
 *
 * Customers the shop has not been in touch with for longer than their
 * segment's cadence (settings `touch.key_days`, default 14, and
 * `touch.secondary_days`, default 60) and who have no follow-up waiting:
 * key clients first, the longest silent first.
 *
 * Returns: (transfer full) (element-type CrmFollowUp): one suggestion per
 *   customer: id 0, due when the cadence ran out
 */
GPtrArray *
crm_store_list_keep_in_touch (CrmStore *self,
                              guint     limit)
{
  CrmStmt *stmt;
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (CRM_IS_STORE (self), list);

  stmt = crm_store_prepare (self,
                            "SELECT id, name, k, touch + (CASE k WHEN 1 THEN ?2 ELSE ?3 END) * 86400 AS due "
                            "FROM (SELECT c.id, c.name, "
                            "        (CASE c.segment_override WHEN 'key' THEN 1 WHEN 'secondary' THEN 0 "
                            "         ELSE coalesce (s.rule_key, 0) END) AS k, "
                            "        " LAST_TOUCH_SQL " AS touch "
                            "      FROM customers c LEFT JOIN customer_stats s ON s.customer_id = c.id "
                            "      WHERE c.archived_at IS NULL AND NOT EXISTS "
                            "        (SELECT 1 FROM follow_ups p WHERE p.customer_id = c.id AND p.done_at IS NULL)) AS t "
                            "WHERE touch + (CASE k WHEN 1 THEN ?2 ELSE ?3 END) * 86400 <= ?1 "
                            "ORDER BY k DESC, due LIMIT ?4",
                            NULL);
  if (stmt == NULL)
    return list;

  crm_stmt_bind_int64 (stmt, 1, crm_store_now (self));
  crm_stmt_bind_int (stmt, 2, MAX (crm_store_get_setting_int (self, "touch.key_days", 14), 1));
  crm_stmt_bind_int (stmt, 3, MAX (crm_store_get_setting_int (self, "touch.secondary_days", 60), 1));
  crm_stmt_bind_int (stmt, 4, (int) MIN (limit, G_MAXINT));

  while (crm_stmt_step (stmt) == CRM_STMT_ROW)
    {
      CrmFollowUp *suggestion = g_object_new (CRM_TYPE_FOLLOW_UP, NULL);

      suggestion->customer_id = crm_stmt_column_int64 (stmt, 0);
      suggestion->customer_name = g_strdup (crm_stmt_column_text (stmt, 1));
      suggestion->key_client = crm_stmt_column_int (stmt, 2) != 0;
      suggestion->due_at = crm_stmt_column_int64 (stmt, 3);
      g_ptr_array_add (list, suggestion);
    }
  crm_stmt_reset (stmt);

  return list;
}

/**
 * crm_store_dismiss_keep_in_touch:
 *
 * "Not now": the cadence starts again from today, as if the shop had been
 * in touch.
 */
gboolean
crm_store_dismiss_keep_in_touch (CrmStore  *self,
                                 gint64     customer_id,
                                 GError   **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  return write_one (self, "UPDATE customers SET touch_dismissed_at = ?2 WHERE id = ?1",
                    customer_id, crm_store_now (self), error);
}

/* A missed reminder: announced, neither done nor snoozed nor removed, and
 * its day over. "Seen" is one mark per shop: what was missed already when
 * the owner marked the banner seen stays out of it, until it is announced
 * again (a snooze clears notified_at, so a later announcement is newer). */
#define MISSED_SQL                                                            \
  "f.done_at IS NULL AND f.notified_at IS NOT NULL AND c.archived_at IS NULL " \
  "AND " WHEN_SQL " < ?1 AND NOT (f.notified_at <= ?2 AND " WHEN_SQL " < ?3) "

static void
bind_missed (CrmStore *self,
             CrmStmt  *stmt,
             gint64    day_start)
{
  g_autofree char *seen_at = crm_store_dup_setting (self, "reminders.missed_seen_at", "0");
  g_autofree char *seen_before = crm_store_dup_setting (self, "reminders.missed_seen_before", "0");

  crm_stmt_bind_int64 (stmt, 1, day_start);
  crm_stmt_bind_int64 (stmt, 2, g_ascii_strtoll (seen_at, NULL, 10));
  crm_stmt_bind_int64 (stmt, 3, g_ascii_strtoll (seen_before, NULL, 10));
}

/**
 * crm_store_list_missed_follow_ups:
 * @day_start: the start of today (local midnight)
 *
 * Returns: (transfer full) (element-type CrmFollowUp): follow-ups that were
 *   announced but not handled by the end of their day, and not marked
 *   seen since: the oldest first
 */
GPtrArray *
crm_store_list_missed_follow_ups (CrmStore *self,
                                  gint64    day_start)
{
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  stmt = crm_store_prepare (self,
                            "SELECT " FOLLOW_UP_COLUMNS "WHERE " MISSED_SQL
                            "ORDER BY " WHEN_SQL ", f.id",
                            NULL);
  if (stmt != NULL)
    bind_missed (self, stmt, day_start);

  return collect (stmt);
}

/**
 * crm_store_count_missed_follow_ups:
 *
 * Returns: how many crm_store_list_missed_follow_ups() would list
 */
guint
crm_store_count_missed_follow_ups (CrmStore *self,
                                   gint64    day_start)
{
  CrmStmt *stmt;
  guint count = 0;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  stmt = crm_store_prepare (self,
                            "SELECT count (*) FROM follow_ups f JOIN customers c ON c.id = f.customer_id "
                            "WHERE " MISSED_SQL,
                            NULL);
  if (stmt == NULL)
    return 0;

  bind_missed (self, stmt, day_start);
  if (crm_stmt_step (stmt) == CRM_STMT_ROW)
    count = (guint) crm_stmt_column_int (stmt, 0);
  crm_stmt_reset (stmt);

  return count;
}

/**
 * crm_store_mark_missed_seen:
 * @day_start: the start of today
 *
 * The owner has seen what was missed so far: the banner hides it. A
 * follow-up missed later, or announced again, shows again.
 */
gboolean
crm_store_mark_missed_seen (CrmStore  *self,
                            gint64     day_start,
                            GError   **error)
{
  char seen_at[32], seen_before[32];

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  g_snprintf (seen_at, sizeof seen_at, "%" G_GINT64_FORMAT, crm_store_now (self));
  g_snprintf (seen_before, sizeof seen_before, "%" G_GINT64_FORMAT, day_start);

  if (!crm_store_savepoint (self, error))
    return FALSE;

  return crm_store_release (self,
                            crm_store_set_setting (self, "reminders.missed_seen_before", seen_before, error) &&
                            crm_store_set_setting (self, "reminders.missed_seen_at", seen_at, error),
                            error);
}
