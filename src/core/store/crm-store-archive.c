/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The SQL of the whole-shop archive: every table read row by row for the
 * export, and the rows an import brings written one at a time. The JSON
 * side (formats/crm-archive-*.c) never sees a statement. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include "crm-store-archive.h"
#include "crm-store-private.h"

/* Reading */

gboolean
crm_store_archive_begin_read (CrmStore  *store,
                              GError   **error)
{
  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  /* One read transaction: every table from the same moment. */
  return crm_store_lock (store, CRM_STORE_LOCK_READ, error);
}

void
crm_store_archive_end_read (CrmStore *store)
{
  g_return_if_fail (CRM_IS_STORE (store));

  crm_store_unlock (store, TRUE, NULL);
}

static const char *const read_sql[] = {
  [CRM_ARCHIVE_SETTINGS] = "SELECT key, value FROM settings ORDER BY key",
  [CRM_ARCHIVE_STAFF] = "SELECT id, name, language, archived, created_at FROM staff ORDER BY id",
  [CRM_ARCHIVE_CUSTOMERS] =
    "SELECT c.id, c.name, c.phone, c.email, c.address, c.birthday, c.notes, "
    "  c.segment_override, c.created_at, c.archived_at, c.touch_dismissed_at, "
    "  (SELECT string_agg (name, chr (31)) FROM "
    "     (SELECT t.name FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id "
    "      WHERE ct.customer_id = c.id ORDER BY lower (t.name), t.name) AS tag), "
    "  c.language, c.channel, c.telegram, c.marketing_consent, c.consent_date, c.consent_source "
    "FROM customers c ORDER BY c.id",
  [CRM_ARCHIVE_PURCHASES] =
    "SELECT customer_id, at, amount, description, staff_id, id, discount, earns FROM purchases ORDER BY id",
  [CRM_ARCHIVE_INTERACTIONS] =
    "SELECT customer_id, at, kind, note, staff_id FROM interactions ORDER BY id",
  [CRM_ARCHIVE_FOLLOW_UPS] =
    "SELECT customer_id, due_at, note, repeat_days, done_at, snoozed_until, notified_at, created_at "
    "FROM follow_ups ORDER BY id",
  [CRM_ARCHIVE_FEEDBACK] =
    "SELECT customer_id, received_at, kind, rating, channel, text, status, is_read, response, "
    "  responded_at, resolved_at, staff_id, coalesce (effort, 0), coalesce (recommend, -1), "
    "  first_contact, reopened_at FROM feedback ORDER BY id",
  [CRM_ARCHIVE_REWARDS] = "SELECT id, name, points_cost, active FROM rewards ORDER BY id",
  [CRM_ARCHIVE_TIERS] = "SELECT name, min_spend, rate FROM loyalty_tiers ORDER BY min_spend",
  [CRM_ARCHIVE_LEDGER] =
    "SELECT customer_id, at, points, kind, reason, purchase_id, reward_id, staff_id "
    "FROM loyalty_ledger ORDER BY id",
};

static const char *const kind_names[] = {
  [CRM_ARCHIVE_SETTINGS] = "settings",
  [CRM_ARCHIVE_STAFF] = "staff",
  [CRM_ARCHIVE_CUSTOMERS] = "customers",
  [CRM_ARCHIVE_PURCHASES] = "purchases",
  [CRM_ARCHIVE_INTERACTIONS] = "interactions",
  [CRM_ARCHIVE_FOLLOW_UPS] = "follow_ups",
  [CRM_ARCHIVE_FEEDBACK] = "feedback",
  [CRM_ARCHIVE_REWARDS] = "rewards",
  [CRM_ARCHIVE_TIERS] = "tiers",
  [CRM_ARCHIVE_LEDGER] = "loyalty",
};

/* NULL reads as 0, the store's "none". */
#define INT64(column) crm_stmt_column_int64 (stmt, (column))
#define TEXT(column)  crm_stmt_column_text (stmt, (column))

static gboolean
emit_row (CrmStmt            *stmt,
          CrmArchiveKind      kind,
          CrmArchiveRowFunc   func,
          gpointer            user_data,
          GError            **error)
{
  switch (kind)
    {
    case CRM_ARCHIVE_SETTINGS:
      {
        CrmArchiveSetting row = { TEXT (0), TEXT (1) };

        return func (&row, user_data, error);
      }

    case CRM_ARCHIVE_STAFF:
      {
        CrmArchiveStaff row = { INT64 (0), TEXT (1), TEXT (2), INT64 (3) != 0, INT64 (4) };

        return func (&row, user_data, error);
      }

    case CRM_ARCHIVE_CUSTOMERS:
      {
        const char *tags = TEXT (11);
        g_auto(GStrv) names = tags != NULL ? g_strsplit (tags, "\x1f", -1) : g_new0 (char *, 1);
        CrmArchiveCustomer row = {
          INT64 (0), TEXT (1), TEXT (2), TEXT (3), TEXT (4), TEXT (5), TEXT (6),
          (const char * const *) names, TEXT (7), INT64 (8), INT64 (9), INT64 (10),
          TEXT (12), TEXT (13), TEXT (14), INT64 (15) != 0, TEXT (16), TEXT (17),
        };

        return func (&row, user_data, error);
      }

    case CRM_ARCHIVE_PURCHASES:
      {
        CrmArchivePurchase row = {
          INT64 (0), INT64 (1), INT64 (2), TEXT (3), INT64 (4), INT64 (5), INT64 (6), INT64 (7) != 0,
        };

        return func (&row, user_data, error);
      }

    case CRM_ARCHIVE_INTERACTIONS:
      {
        CrmArchiveInteraction row = { INT64 (0), INT64 (1), TEXT (2), TEXT (3), INT64 (4) };

        return func (&row, user_data, error);
      }

    case CRM_ARCHIVE_FOLLOW_UPS:
      {
        CrmArchiveFollowUp row = {
          INT64 (0), INT64 (1), TEXT (2), INT64 (3), INT64 (4), INT64 (5), INT64 (6), INT64 (7),
        };

        return func (&row, user_data, error);
      }

    case CRM_ARCHIVE_FEEDBACK:
      {
        CrmArchiveFeedback row = {
          INT64 (0), INT64 (1), TEXT (2), INT64 (3), TEXT (4), TEXT (5), TEXT (6), INT64 (7) != 0,
          TEXT (8), INT64 (9), INT64 (10), INT64 (11), INT64 (12), INT64 (13), INT64 (14) != 0,
          INT64 (15),
        };

        return func (&row, user_data, error);
      }

    case CRM_ARCHIVE_REWARDS:
      {
        CrmArchiveReward row = { INT64 (0), TEXT (1), INT64 (2), INT64 (3) != 0 };

        return func (&row, user_data, error);
      }

    case CRM_ARCHIVE_TIERS:
      {
        CrmArchiveTier row = { TEXT (0), INT64 (1), INT64 (2) };

        return func (&row, user_data, error);
      }

    case CRM_ARCHIVE_LEDGER:
      {
        CrmArchiveLedgerEntry row = {
          INT64 (0), INT64 (1), INT64 (2), TEXT (3), TEXT (4), INT64 (5), INT64 (6), INT64 (7),
        };

        return func (&row, user_data, error);
      }

    default:
      g_assert_not_reached ();
    }
}

#undef INT64
#undef TEXT

/**
 * crm_store_archive_foreach:
 * @n_rows: (out) (optional): how many rows @func was given
 *
 * Calls @func for every row of @kind, oldest first. The row and its texts
 * are valid until @func returns.
 */
gboolean
crm_store_archive_foreach (CrmStore           *store,
                           CrmArchiveKind      kind,
                           CrmArchiveRowFunc   func,
                           gpointer            user_data,
                           guint              *n_rows,
                           GError            **error)
{
  return crm_store_archive_foreach_of (store, kind, 0, func, user_data, n_rows, error);
}

/**
 * crm_store_archive_foreach_of:
 * @customer_id: only this customer's rows, or 0 for everyone's
 *
 * As crm_store_archive_foreach(); with @customer_id, for the kinds that
 * belong to a customer (customers, purchases, interactions, follow-ups,
 * feedback, the ledger): what the shop holds about one person.
 */
gboolean
crm_store_archive_foreach_of (CrmStore           *store,
                              CrmArchiveKind      kind,
                              gint64              customer_id,
                              CrmArchiveRowFunc   func,
                              gpointer            user_data,
                              guint              *n_rows,
                              GError            **error)
{
  g_autoptr(CrmStmt) stmt = NULL;
  g_autofree char *sql = NULL;
  CrmStmtResult rc;
  guint n = 0;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind <= CRM_ARCHIVE_LEDGER, FALSE);
  g_return_val_if_fail (customer_id == 0 ||
                        (kind >= CRM_ARCHIVE_CUSTOMERS && kind <= CRM_ARCHIVE_FEEDBACK) ||
                        kind == CRM_ARCHIVE_LEDGER, FALSE);

  /* Each read ends "ORDER BY …": one person's is the same with a WHERE. */
  if (customer_id != 0)
    {
      const char *order = g_strrstr (read_sql[kind], " ORDER BY ");

      sql = g_strdup_printf ("%.*s WHERE %s = ?1%s", (int) (order - read_sql[kind]), read_sql[kind],
                             kind == CRM_ARCHIVE_CUSTOMERS ? "c.id" : "customer_id", order);
    }

  /* Not cached: each runs once per export, and holds its read until freed. */
  stmt = crm_store_prepare_once (store, sql != NULL ? sql : read_sql[kind], error);
  if (stmt == NULL)
    return FALSE;
  if (customer_id != 0)
    crm_stmt_bind_int64 (stmt, 1, customer_id);

  while ((rc = crm_stmt_step (stmt)) == CRM_STMT_ROW)
    {
      if (!emit_row (stmt, kind, func, user_data, error))
        return FALSE;
      n++;
    }

  if (rc != CRM_STMT_DONE)
    {
      crm_store_set_sql_error (error, store, kind_names[kind]);
      return FALSE;
    }

  if (n_rows != NULL)
    *n_rows = n;
  return TRUE;
}

static const char *const count_sql[] = {
  [CRM_ARCHIVE_SETTINGS] = "SELECT count(*) FROM settings",
  [CRM_ARCHIVE_STAFF] = "SELECT count(*) FROM staff",
  [CRM_ARCHIVE_CUSTOMERS] = "SELECT count(*) FROM customers",
  [CRM_ARCHIVE_PURCHASES] = "SELECT count(*) FROM purchases",
  [CRM_ARCHIVE_INTERACTIONS] = "SELECT count(*) FROM interactions",
  [CRM_ARCHIVE_FOLLOW_UPS] = "SELECT count(*) FROM follow_ups",
  [CRM_ARCHIVE_FEEDBACK] = "SELECT count(*) FROM feedback",
};

/**
 * crm_store_archive_count:
 * @n_rows: (out): how many rows of @kind crm_store_archive_foreach()
 *   would give
 *
 * Counted, not read: what moving a shop checks before and after.
 */
gboolean
crm_store_archive_count (CrmStore        *store,
                         CrmArchiveKind   kind,
                         guint           *n_rows,
                         GError         **error)
{
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (kind <= CRM_ARCHIVE_FEEDBACK, FALSE);

  stmt = crm_store_prepare (store, count_sql[kind], error);
  if (stmt == NULL)
    return FALSE;

  if (crm_stmt_step (stmt) != CRM_STMT_ROW)
    {
      crm_stmt_reset (stmt);
      crm_store_set_sql_error (error, store, kind_names[kind]);
      return FALSE;
    }

  *n_rows = (guint) crm_stmt_column_int64 (stmt, 0);
  crm_stmt_reset (stmt);
  return TRUE;
}

/* Writing */

/**
 * crm_store_archive_is_empty:
 *
 * An archive goes only into a shop without customers and feedback; asked
 * inside the import's transaction, so nobody adds one in between.
 */
gboolean
crm_store_archive_is_empty (CrmStore  *store,
                            gboolean  *empty,
                            GError   **error)
{
  CrmStmt *stmt = crm_store_prepare (store,
                                     "SELECT EXISTS (SELECT 1 FROM customers) "
                                     "    OR EXISTS (SELECT 1 FROM feedback)",
                                     error);

  if (stmt == NULL)
    return FALSE;

  if (crm_stmt_step (stmt) != CRM_STMT_ROW)
    {
      crm_stmt_reset (stmt);
      crm_store_set_sql_error (error, store, "count");
      return FALSE;
    }

  *empty = crm_stmt_column_int (stmt, 0) == 0;
  crm_stmt_reset (stmt);
  return TRUE;
}

/* 0 (or a time of 0) binds NULL. */
static void
bind_id_or_null (CrmStmt *stmt,
                 int      index,
                 gint64   id)
{
  crm_stmt_bind_time_or_null (stmt, index, id);
}

static gint64
created_or_now (CrmStore *store,
                gint64    created_at)
{
  return created_at != 0 ? created_at : crm_store_now (store);
}

/**
 * crm_store_archive_add_staff:
 *
 * A staff member already in the shop (someone set up the counter before
 * importing) is matched by name rather than doubled.
 *
 * Returns: the staff member's id, or 0 with @error set
 */
gint64
crm_store_archive_add_staff (CrmStore               *store,
                             const CrmArchiveStaff  *staff,
                             GError                **error)
{
  CrmStmt *stmt = crm_store_prepare (store, "SELECT id FROM staff WHERE name = ?1 ORDER BY id", error);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  crm_stmt_bind_text (stmt, 1, staff->name);
  if (crm_stmt_step (stmt) == CRM_STMT_ROW)
    id = crm_stmt_column_int64 (stmt, 0);
  crm_stmt_reset (stmt);
  if (id != 0)
    return id;

  stmt = crm_store_prepare (store,
                            "INSERT INTO staff (name, language, archived, created_at, "
                            "  name_key_en, name_key_ka, name_key_hy) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                            error);
  if (stmt == NULL)
    return 0;
  crm_stmt_bind_text (stmt, 1, staff->name);
  crm_stmt_bind_text (stmt, 2, staff->language);
  crm_stmt_bind_int (stmt, 3, staff->archived ? 1 : 0);
  crm_stmt_bind_int64 (stmt, 4, created_or_now (store, staff->created_at));
  crm_store_bind_name_keys (stmt, 5, staff->name);
  if (!crm_store_step_done (store, stmt, "staff", error))
    return 0;

  return crm_store_last_insert_id (store);
}

/* Returns: the purchase's id, or 0 with @error set. Its points come
 * from the archive's ledger, not from the programme's rules. */
gint64
crm_store_archive_add_purchase (CrmStore                  *store,
                                const CrmArchivePurchase  *purchase,
                                GError                   **error)
{
  CrmStmt *stmt = crm_store_prepare (store,
                                     "INSERT INTO purchases (customer_id, at, amount, description, "
                                     "  created_at, staff_id, discount, earns) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                     error);

  if (stmt == NULL)
    return 0;
  crm_stmt_bind_int64 (stmt, 1, purchase->customer);
  crm_stmt_bind_int64 (stmt, 2, purchase->at);
  crm_stmt_bind_int64 (stmt, 3, purchase->amount);
  crm_stmt_bind_text (stmt, 4, purchase->description);
  crm_stmt_bind_int64 (stmt, 5, crm_store_now (store));
  bind_id_or_null (stmt, 6, purchase->staff);
  crm_stmt_bind_int64 (stmt, 7, purchase->discount);
  crm_stmt_bind_int (stmt, 8, purchase->earns ? 1 : 0);
  if (!crm_store_step_done (store, stmt, "purchases", error))
    return 0;

  return crm_store_last_insert_id (store);
}

gboolean
crm_store_archive_add_interaction (CrmStore                     *store,
                                   const CrmArchiveInteraction  *interaction,
                                   GError                      **error)
{
  CrmStmt *stmt = crm_store_prepare (store,
                                     "INSERT INTO interactions (customer_id, at, kind, note, staff_id) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5)",
                                     error);

  if (stmt == NULL)
    return FALSE;
  crm_stmt_bind_int64 (stmt, 1, interaction->customer);
  crm_stmt_bind_int64 (stmt, 2, interaction->at);
  crm_stmt_bind_text (stmt, 3, interaction->kind);
  crm_stmt_bind_text (stmt, 4, interaction->note);
  bind_id_or_null (stmt, 5, interaction->staff);
  return crm_store_step_done (store, stmt, "interactions", error);
}

gboolean
crm_store_archive_add_follow_up (CrmStore                  *store,
                                 const CrmArchiveFollowUp  *follow_up,
                                 GError                   **error)
{
  CrmStmt *stmt = crm_store_prepare (store,
                                     "INSERT INTO follow_ups (customer_id, due_at, note, repeat_days, "
                                     "  snoozed_until, notified_at, done_at, created_at) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                     error);

  if (stmt == NULL)
    return FALSE;
  crm_stmt_bind_int64 (stmt, 1, follow_up->customer);
  crm_stmt_bind_int64 (stmt, 2, follow_up->due_at);
  crm_stmt_bind_text (stmt, 3, follow_up->note);
  bind_id_or_null (stmt, 4, follow_up->repeat_days);
  crm_stmt_bind_time_or_null (stmt, 5, follow_up->snoozed_until);
  crm_stmt_bind_time_or_null (stmt, 6, follow_up->notified_at);
  crm_stmt_bind_time_or_null (stmt, 7, follow_up->done_at);
  crm_stmt_bind_int64 (stmt, 8, created_or_now (store, follow_up->created_at));
  return crm_store_step_done (store, stmt, "follow_ups", error);
}

gboolean
crm_store_archive_add_feedback (CrmStore                  *store,
                                const CrmArchiveFeedback  *feedback,
                                GError                   **error)
{
  CrmStmt *stmt = crm_store_prepare (store,
                                     "INSERT INTO feedback (customer_id, received_at, kind, rating, channel, "
                                     "  text, status, is_read, response, responded_at, resolved_at, staff_id, "
                                     "  effort, recommend, first_contact, reopened_at) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                                     error);

  if (stmt == NULL)
    return FALSE;
  bind_id_or_null (stmt, 1, feedback->customer);
  crm_stmt_bind_int64 (stmt, 2, feedback->received_at);
  crm_stmt_bind_text (stmt, 3, feedback->kind);
  bind_id_or_null (stmt, 4, feedback->rating);
  crm_stmt_bind_text (stmt, 5, feedback->channel);
  crm_stmt_bind_text (stmt, 6, feedback->text);
  crm_stmt_bind_text (stmt, 7, feedback->status);
  crm_stmt_bind_int (stmt, 8, feedback->is_read ? 1 : 0);
  crm_stmt_bind_text (stmt, 9, feedback->response);
  crm_stmt_bind_time_or_null (stmt, 10, feedback->responded_at);
  crm_stmt_bind_time_or_null (stmt, 11, feedback->resolved_at);
  bind_id_or_null (stmt, 12, feedback->staff);
  bind_id_or_null (stmt, 13, feedback->effort);
  if (feedback->recommend >= 0)
    crm_stmt_bind_int64 (stmt, 14, feedback->recommend);
  else
    crm_stmt_bind_null (stmt, 14);
  crm_stmt_bind_int (stmt, 15, feedback->first_contact ? 1 : 0);
  crm_stmt_bind_time_or_null (stmt, 16, feedback->reopened_at);
  return crm_store_step_done (store, stmt, "feedback", error);
}

gint64
crm_store_archive_add_reward (CrmStore                *store,
                              const CrmArchiveReward  *reward,
                              GError                 **error)
{
  CrmStmt *stmt = crm_store_prepare (store,
                                     "INSERT INTO rewards (name, points_cost, active) VALUES (?1, ?2, ?3)",
                                     error);

  if (stmt == NULL)
    return 0;
  crm_stmt_bind_text (stmt, 1, reward->name);
  crm_stmt_bind_int64 (stmt, 2, reward->points_cost);
  crm_stmt_bind_int (stmt, 3, reward->active ? 1 : 0);
  if (!crm_store_step_done (store, stmt, "rewards", error))
    return 0;

  return crm_store_last_insert_id (store);
}

gboolean
crm_store_archive_add_tier (CrmStore              *store,
                            const CrmArchiveTier  *tier,
                            GError               **error)
{
  CrmStmt *stmt = crm_store_prepare (store,
                                     "INSERT INTO loyalty_tiers (name, min_spend, rate) VALUES (?1, ?2, ?3)",
                                     error);

  if (stmt == NULL)
    return FALSE;
  crm_stmt_bind_text (stmt, 1, tier->name);
  crm_stmt_bind_int64 (stmt, 2, tier->min_spend);
  crm_stmt_bind_int64 (stmt, 3, tier->rate);
  return crm_store_step_done (store, stmt, "tiers", error);
}

/* Entries go in as they were: the archive's ledger is the balance. */
gboolean
crm_store_archive_add_ledger_entry (CrmStore                     *store,
                                    const CrmArchiveLedgerEntry  *entry,
                                    GError                      **error)
{
  CrmStmt *stmt = crm_store_prepare (store,
                                     "INSERT INTO loyalty_ledger (customer_id, at, points, kind, reason, "
                                     "  purchase_id, reward_id, staff_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                     error);

  if (stmt == NULL)
    return FALSE;
  crm_stmt_bind_int64 (stmt, 1, entry->customer);
  crm_stmt_bind_int64 (stmt, 2, entry->at);
  crm_stmt_bind_int64 (stmt, 3, entry->points);
  crm_stmt_bind_text (stmt, 4, entry->kind);
  crm_stmt_bind_text (stmt, 5, entry->reason);
  bind_id_or_null (stmt, 6, entry->purchase);
  bind_id_or_null (stmt, 7, entry->reward);
  bind_id_or_null (stmt, 8, entry->staff);
  return crm_store_step_done (store, stmt, "loyalty", error);
}

/**
 * crm_store_archive_finish:
 *
 * After the last row: the figures and segments are rebuilt at commit, and
 * everyone watching hears that the whole shop changed.
 */
gboolean
crm_store_archive_finish (CrmStore  *store,
                          GError   **error)
{
  if (!crm_store_refresh_stats (store, 0, error))
    return FALSE;

  crm_store_emit_changed (store,
                          CRM_STORE_CHANGE_CUSTOMERS | CRM_STORE_CHANGE_PURCHASES |
                          CRM_STORE_CHANGE_INTERACTIONS | CRM_STORE_CHANGE_SETTINGS |
                          CRM_STORE_CHANGE_SEGMENTS | CRM_STORE_CHANGE_FOLLOW_UPS |
                          CRM_STORE_CHANGE_FEEDBACK | CRM_STORE_CHANGE_STAFF | CRM_STORE_CHANGE_LOYALTY,
                          0);
  return TRUE;
}
