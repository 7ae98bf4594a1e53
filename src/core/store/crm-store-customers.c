/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Customers, their purchases and interactions, and the per-customer figures
 * behind segmentation. Part of CrmStore (see crm-store-private.h). */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "crm-customer-private.h"
#include "crm-store-private.h"
#include "crm-text.h"

#define DAY (24 * 60 * 60)

/* Longest texts kept; more is cut, never refused. */
#define MAX_NAME    200
#define MAX_FIELD   500
#define MAX_NOTES   20000
#define MAX_TAG     60

/* A key client is "at risk" when their last purchase is older than twice
 * their usual interval between purchases (at least a week), or, with fewer
 * than two purchases to tell an interval, older than segment.at_risk_days.
 * One SQL expression, shared by the customer query and the list filter. */
const char crm_store_at_risk_sql[] =
  "(s.last_purchase_at IS NOT NULL AND ?9 - s.last_purchase_at > "
  "  CASE WHEN s.total_purchases >= 2"
  "       THEN max (2 * (s.last_purchase_at - s.first_purchase_at) / (s.total_purchases - 1), 7 * 86400)"
  "       ELSE ?10 * 86400 END)";

static gboolean
savepoint (CrmStore  *self,
           GError   **error)
{
  return crm_store_exec (self->db, "SAVEPOINT crm_write", error);
}

static gboolean
release (CrmStore  *self,
         gboolean   ok,
         GError   **error)
{
  if (ok && crm_store_exec (self->db, "RELEASE crm_write", error))
    return TRUE;

  crm_store_exec (self->db, "ROLLBACK TO crm_write; RELEASE crm_write", NULL);
  return FALSE;
}

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text == NULL || text[0] == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static gboolean
step_done (CrmStore      *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  return crm_store_step_done (self, stmt, "write", error);
}

static sqlite3_stmt *
prepare (CrmStore   *self,
         const char *sql,
         GError    **error)
{
  return crm_store_prepare (self, sql, error);
}

static gboolean
valid_birthday (const char *text)
{
  guint y, m, d;
  char extra;

  if (text == NULL || text[0] == '\0')
    return TRUE;

  return strlen (text) == 10 &&
         sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &extra) == 3 &&
         text[4] == '-' && text[7] == '-' &&
         g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y) &&
         y >= 1900;
}

/* Cleans what a person typed into fields ready to store, or says what is
 * wrong with them in words for that person. */
typedef struct
{
  char  *name;
  char  *phone;
  char  *email;
  char  *address;
  char  *birthday;
  char  *notes;
  char **tags;
  char  *segment_override;
} Clean;

static void
clean_clear (Clean *clean)
{
  g_free (clean->name);
  g_free (clean->phone);
  g_free (clean->email);
  g_free (clean->address);
  g_free (clean->birthday);
  g_free (clean->notes);
  g_strfreev (clean->tags);
  g_free (clean->segment_override);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Clean, clean_clear)

static gboolean
clean_fields (const CrmCustomerFields  *fields,
              Clean                    *clean,
              GError                  **error)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func (g_free);

  clean->name = crm_text_clean (fields->name, MAX_NAME);
  clean->phone = crm_text_clean (fields->phone, MAX_FIELD);
  clean->email = crm_text_clean (fields->email, MAX_FIELD);
  clean->address = crm_text_clean (fields->address, MAX_FIELD);
  clean->birthday = crm_text_clean (fields->birthday, 10 + 1);
  clean->notes = crm_text_clean (fields->notes, MAX_NOTES);

  /* One line for these: a newline in a name is a paste accident. */
  g_strdelimit (clean->name, "\n\t", ' ');
  g_strdelimit (clean->phone, "\n\t", ' ');
  g_strdelimit (clean->email, "\n\t", ' ');

  if (clean->name[0] == '\0')
    {
      g_set_error_literal (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID,
                           _("Every customer needs a name."));
      return FALSE;
    }

  if (!crm_text_check_phone (clean->phone, error) ||
      !crm_text_check_email (clean->email, error))
    return FALSE;

  if (!valid_birthday (clean->birthday))
    {
      g_set_error_literal (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID,
                           _("Write the birthday as year-month-day, for example 1990-05-31."));
      return FALSE;
    }

  if (fields->segment_override != NULL && fields->segment_override[0] != '\0')
    {
      if (!g_str_equal (fields->segment_override, "key") &&
          !g_str_equal (fields->segment_override, "secondary"))
        {
          g_set_error (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID,
                       "unknown segment “%s”", fields->segment_override);
          return FALSE;
        }
      clean->segment_override = g_strdup (fields->segment_override);
    }

  for (guint i = 0; fields->tags != NULL && fields->tags[i] != NULL; i++)
    {
      char *tag = crm_text_clean (fields->tags[i], MAX_TAG);

      g_strdelimit (tag, "\n\t,", ' ');
      if (tag[0] != '\0')
        g_ptr_array_add (tags, tag);
      else
        g_free (tag);
    }
  g_ptr_array_add (tags, NULL);
  clean->tags = (char **) g_ptr_array_free (g_steal_pointer (&tags), FALSE);

  return TRUE;
}

static gboolean
write_tags (CrmStore     *self,
            gint64        customer_id,
            char * const *tags,
            GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = prepare (self, "DELETE FROM customer_tags WHERE customer_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  if (!step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      stmt = prepare (self, "INSERT OR IGNORE INTO tags (name) VALUES (?1)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, tags[i], -1, SQLITE_TRANSIENT);
      if (!step_done (self, stmt, error))
        return FALSE;

      stmt = prepare (self,
                      "INSERT OR IGNORE INTO customer_tags (customer_id, tag_id) "
                      "SELECT ?1, id FROM tags WHERE name = ?2",
                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, customer_id);
      sqlite3_bind_text (stmt, 2, tags[i], -1, SQLITE_TRANSIENT);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return crm_store_exec (self->db,
                         "DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM customer_tags)",
                         error);
}

static const char search_source_sql[] =
  "SELECT c.id, c.name, c.phone, c.email, c.notes, "
  "       (SELECT group_concat (t.name, ' ') FROM customer_tags ct "
  "          JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = c.id) "
  "FROM customers c";

/* The folded keys that search and sorting use, from the stored fields. */
static gboolean
update_search_keys (sqlite3    *db,
                    gint64      customer_id,
                    GError    **error)
{
  g_autofree char *select_sql = NULL;
  sqlite3_stmt *select = NULL;
  sqlite3_stmt *update = NULL;
  int rc;

  select_sql = customer_id > 0
    ? g_strconcat (search_source_sql, " WHERE c.id = ?1", NULL)
    : g_strdup (search_source_sql);

  if (sqlite3_prepare_v2 (db, select_sql, -1, &select, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db,
                          "UPDATE customers SET name_key = ?2, search_text = ?3, phone_key = ?4 "
                          "WHERE id = ?1",
                          -1, &update, NULL) != SQLITE_OK)
    {
      crm_store_set_sql_error (error, db, "search keys");
      sqlite3_finalize (select);
      sqlite3_finalize (update);
      return FALSE;
    }

  if (customer_id > 0)
    sqlite3_bind_int64 (select, 1, customer_id);

  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      g_autofree char *haystack = NULL;
      g_autofree char *name_key = crm_text_fold ((const char *) sqlite3_column_text (select, 1));
      g_autofree char *search = NULL;
      g_autofree char *phone_key = crm_text_phone_key ((const char *) sqlite3_column_text (select, 2));

      haystack = g_strjoin (" ",
                            (const char *) sqlite3_column_text (select, 1),
                            (const char *) sqlite3_column_text (select, 3),
                            (const char *) sqlite3_column_text (select, 4),
                            sqlite3_column_text (select, 5) ? (const char *) sqlite3_column_text (select, 5) : "",
                            NULL);
      search = crm_text_fold (haystack);

      sqlite3_bind_int64 (update, 1, sqlite3_column_int64 (select, 0));
      sqlite3_bind_text (update, 2, name_key, -1, SQLITE_STATIC);
      sqlite3_bind_text (update, 3, search, -1, SQLITE_STATIC);
      sqlite3_bind_text (update, 4, phone_key, -1, SQLITE_STATIC);
      if (sqlite3_step (update) != SQLITE_DONE)
        {
          rc = SQLITE_ERROR;
          break;
        }
      sqlite3_reset (update);
    }

  sqlite3_finalize (select);
  sqlite3_finalize (update);

  if (rc != SQLITE_DONE)
    {
      crm_store_set_sql_error (error, db, "search keys");
      return FALSE;
    }

  return TRUE;
}

/* Migration 2: customers written before search keys existed get them. */
gboolean
crm_store_fill_search_keys (sqlite3  *db,
                            GError  **error)
{
  return update_search_keys (db, 0, error);
}

static gboolean
write_customer (CrmStore                *self,
                gint64                  *id,
                const CrmCustomerFields *fields,
                GError                 **error)
{
  g_auto(Clean) clean = { 0 };
  sqlite3_stmt *stmt;
  gint64 now = crm_store_now (self);
  gboolean ok;

  if (!clean_fields (fields, &clean, error))
    return FALSE;

  if (!savepoint (self, error))
    return FALSE;

  if (*id == 0)
    stmt = prepare (self,
                    "INSERT INTO customers (name, phone, email, address, birthday, notes, "
                    "  segment_override, created_at, updated_at) "
                    "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
                    error);
  else
    stmt = prepare (self,
                    "UPDATE customers SET name = ?2, phone = ?3, email = ?4, address = ?5, "
                    "  birthday = ?6, notes = ?7, segment_override = ?8, updated_at = ?9 "
                    "WHERE id = ?1",
                    error);

  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, *id);
      sqlite3_bind_text (stmt, 2, clean.name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, clean.phone, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, clean.email, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, clean.address, -1, SQLITE_STATIC);
      bind_text_or_null (stmt, 6, clean.birthday);
      sqlite3_bind_text (stmt, 7, clean.notes, -1, SQLITE_STATIC);
      bind_text_or_null (stmt, 8, clean.segment_override);
      sqlite3_bind_int64 (stmt, 9, now);
      ok = step_done (self, stmt, error);
    }

  if (ok && *id == 0)
    *id = sqlite3_last_insert_rowid (self->db);
  else if (ok && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_SQL,
                   "no customer with id %" G_GINT64_FORMAT, *id);
      ok = FALSE;
    }

  ok = ok &&
       write_tags (self, *id, clean.tags, error) &&
       update_search_keys (self->db, *id, error) &&
       crm_store_refresh_stats (self, *id, error) &&
       crm_store_rank_customers (self, error);

  if (!release (self, ok, error))
    return FALSE;

  crm_store_emit_changed (self, CRM_STORE_CHANGE_CUSTOMERS | CRM_STORE_CHANGE_SEGMENTS, *id);
  return TRUE;
}

/**
 * crm_store_add_customer:
 * @fields: what was entered; the name is required
 *
 * Returns: the new customer's id, or 0 with @error saying what to fix
 */
gint64
crm_store_add_customer (CrmStore                *self,
                        const CrmCustomerFields *fields,
                        GError                 **error)
{
  gint64 id = 0;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);
  g_return_val_if_fail (fields != NULL, 0);

  if (!write_customer (self, &id, fields, error))
    return 0;

  return id;
}

gboolean
crm_store_update_customer (CrmStore                *self,
                           gint64                   id,
                           const CrmCustomerFields *fields,
                           GError                 **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);

  return write_customer (self, &id, fields, error);
}

static void
customer_from_row (CrmCustomer  *customer,
                   sqlite3_stmt *stmt)
{
  const char *tags = (const char *) sqlite3_column_text (stmt, 16);

#define TEXT(i) g_strdup (sqlite3_column_text (stmt, i) ? (const char *) sqlite3_column_text (stmt, i) : "")
  customer->id = sqlite3_column_int64 (stmt, 0);
  customer->name = TEXT (1);
  customer->phone = TEXT (2);
  customer->email = TEXT (3);
  customer->address = TEXT (4);
  customer->birthday = TEXT (5);
  customer->notes = TEXT (6);
#undef TEXT
  customer->segment_override = sqlite3_column_type (stmt, 7) == SQLITE_NULL
    ? NULL : g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  customer->archived = sqlite3_column_type (stmt, 8) != SQLITE_NULL;
  customer->rule_key = sqlite3_column_int (stmt, 9) != 0;
  customer->spend = sqlite3_column_int64 (stmt, 10);
  customer->purchases = (guint) sqlite3_column_int (stmt, 11);
  customer->total_purchases = (guint) sqlite3_column_int (stmt, 12);
  customer->first_purchase_at = sqlite3_column_int64 (stmt, 13);
  customer->last_purchase_at = sqlite3_column_int64 (stmt, 14);
  customer->last_visit_at = sqlite3_column_int64 (stmt, 15);
  /* The unit separator cannot be typed into a tag. */
  customer->tags = tags ? g_strsplit (tags, "\x1f", -1) : g_new0 (char *, 1);
  customer->at_risk = sqlite3_column_int (stmt, 17) != 0;
  if (customer->total_purchases >= 2)
    customer->usual_interval = (customer->last_purchase_at - customer->first_purchase_at) /
                               (customer->total_purchases - 1);
}

/* Columns in the order customer_from_row reads them; ?9 is now and ?10
 * the at-risk fallback in days, as crm_store_at_risk_sql expects. */
#define CUSTOMER_COLUMNS \
  "c.id, c.name, c.phone, c.email, c.address, c.birthday, c.notes, " \
  "c.segment_override, c.archived_at, " \
  "coalesce (s.rule_key, 0), coalesce (s.spend, 0), coalesce (s.purchases, 0), " \
  "coalesce (s.total_purchases, 0), coalesce (s.first_purchase_at, 0), " \
  "coalesce (s.last_purchase_at, 0), coalesce (s.last_visit_at, 0), " \
  "(SELECT group_concat (t.name, char (31)) FROM " \
  "   (SELECT t.name FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id " \
  "    WHERE ct.customer_id = c.id ORDER BY t.name COLLATE NOCASE) t), "

/**
 * crm_store_get_customer:
 *
 * Returns: (transfer full) (nullable): a snapshot of the customer with
 *   their current figures, or %NULL if there is no such customer
 */
CrmCustomer *
crm_store_get_customer (CrmStore *self,
                        gint64    id)
{
  static char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  CrmCustomer *customer = NULL;
  gboolean key_override;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  if (g_once_init_enter (&sql))
    g_once_init_leave (&sql, g_strconcat ("SELECT " CUSTOMER_COLUMNS, crm_store_at_risk_sql,
                                          " FROM customers c "
                                          "LEFT JOIN customer_stats s ON s.customer_id = c.id "
                                          "WHERE c.id = ?1",
                                          NULL));

  stmt = crm_store_prepare (self, sql, NULL);
  if (stmt == NULL)
    {
      g_warning ("%s", sqlite3_errmsg (self->db));
      return NULL;
    }

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 9, crm_store_now (self));
  sqlite3_bind_int (stmt, 10, crm_store_get_setting_int (self, "segment.at_risk_days", 60));

  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      customer = g_object_new (CRM_TYPE_CUSTOMER, NULL);
      customer_from_row (customer, stmt);
      customer->revenue_total = self->revenue_total;
      key_override = g_strcmp0 (customer->segment_override, "key") == 0;
      customer->at_risk = customer->at_risk &&
                          (key_override || (customer->rule_key && customer->segment_override == NULL));
    }
  sqlite3_reset (stmt);

  return customer;
}

static gboolean
simple_write (CrmStore    *self,
              const char  *sql,
              gint64       id,
              gint64       value,
              gboolean     value_is_null,
              GError     **error)
{
  sqlite3_stmt *stmt = prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  /* ?2 is optional: statements that do not use it ignore the binding. */
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    {
      if (value_is_null)
        sqlite3_bind_null (stmt, 2);
      else
        sqlite3_bind_int64 (stmt, 2, value);
    }

  return step_done (self, stmt, error);
}

/**
 * crm_store_set_customer_archived:
 *
 * Archived customers leave the list and the segmentation, and keep their
 * history; archiving again with %FALSE brings them back unchanged.
 */
gboolean
crm_store_set_customer_archived (CrmStore  *self,
                                 gint64     id,
                                 gboolean   archived,
                                 GError   **error)
{
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  if (!savepoint (self, error))
    return FALSE;

  ok = simple_write (self, "UPDATE customers SET archived_at = ?2 WHERE id = ?1",
                     id, crm_store_now (self), !archived, error) &&
       crm_store_rank_customers (self, error);

  if (!release (self, ok, error))
    return FALSE;

  crm_store_emit_changed (self, CRM_STORE_CHANGE_CUSTOMERS | CRM_STORE_CHANGE_SEGMENTS, id);
  return TRUE;
}

/**
 * crm_store_delete_customer:
 *
 * Removes the customer with their purchases, interactions and follow-ups;
 * their feedback stays, anonymous. The interface offers Undo before this.
 */
gboolean
crm_store_delete_customer (CrmStore  *self,
                           gint64     id,
                           GError   **error)
{
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  if (!savepoint (self, error))
    return FALSE;

  ok = simple_write (self, "DELETE FROM customers WHERE id = ?1", id, 0, TRUE, error) &&
       crm_store_exec (self->db, "DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM customer_tags)",
                       error) &&
       crm_store_rank_customers (self, error);

  if (!release (self, ok, error))
    return FALSE;

  crm_store_emit_changed (self, CRM_STORE_CHANGE_CUSTOMERS | CRM_STORE_CHANGE_SEGMENTS, id);
  return TRUE;
}

guint
crm_store_count_customers (CrmStore *self)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  stmt = prepare (self, "SELECT count(*) FROM customers WHERE archived_at IS NULL", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    count = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

/**
 * crm_store_list_tags:
 *
 * Returns: (transfer full): every tag in use, alphabetically
 */
char **
crm_store_list_tags (CrmStore *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT name FROM tags ORDER BY name COLLATE NOCASE", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return g_strv_builder_end (builder);
}

static const char stats_select_sql[] =
  "SELECT c.id, "
  "  coalesce (p.spend, 0), coalesce (p.n, 0), coalesce (p.total, 0), p.first_at, p.last_at, "
  "  nullif (max (coalesce (p.last_at, 0), coalesce (v.last_visit, 0)), 0) "
  "FROM customers c "
  "LEFT JOIN (SELECT customer_id, "
  "             sum (CASE WHEN at >= ?1 THEN amount ELSE 0 END) AS spend, "
  "             count (CASE WHEN at >= ?1 AND amount > 0 THEN 1 END) AS n, "
  "             count (CASE WHEN amount > 0 THEN 1 END) AS total, "
  "             min (CASE WHEN amount > 0 THEN at END) AS first_at, "
  "             max (CASE WHEN amount > 0 THEN at END) AS last_at "
  "           FROM purchases %s GROUP BY customer_id) p ON p.customer_id = c.id "
  "LEFT JOIN (SELECT customer_id, max (at) AS last_visit FROM interactions "
  "           WHERE kind = 'visit' %s GROUP BY customer_id) v ON v.customer_id = c.id "
  "%s";

/* The period's start the figures were last computed for. Every
 * customer's figures use the same start, so that moving it later is a
 * subtraction of what fell out, not a recount of a million purchases. */
static gboolean
get_window_from (CrmStore *self,
                 gint64   *from)
{
  g_autofree char *value = crm_store_dup_setting (self, "stats.window_from", NULL);

  if (value == NULL)
    return FALSE;

  *from = g_ascii_strtoll (value, NULL, 10);
  return TRUE;
}

static gboolean
set_window_from (CrmStore  *self,
                 gint64     from,
                 GError   **error)
{
  sqlite3_stmt *stmt = prepare (self,
                                "INSERT INTO settings (key, value) VALUES ('stats.window_from', ?1) "
                                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                error);
  g_autofree char *value = g_strdup_printf ("%" G_GINT64_FORMAT, from);

  if (stmt == NULL)
    return FALSE;

  /* Not crm_store_set_setting: this is bookkeeping, not a change anyone
   * needs to hear about. */
  sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  return step_done (self, stmt, error);
}

static gint64
window_from_now (CrmStore *self)
{
  gint days = crm_store_get_setting_int (self, "segment.window_days", 365);

  return crm_store_now (self) - (gint64) MAX (days, 1) * DAY;
}

static gboolean
write_stats (CrmStore  *self,
             gint64     customer_id,
             GError   **error)
{
  g_autofree char *select = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gint64 from;

  /* Everyone at once starts the period afresh; one customer follows the
   * start everybody else was computed with. */
  if (customer_id == 0 || !get_window_from (self, &from))
    from = window_from_now (self);

  /* One customer uses the (customer_id, at, amount) index; all of them
   * are one pass over it, grouped. */
  if (customer_id > 0)
    select = g_strdup_printf (stats_select_sql,
                              "WHERE customer_id = ?3", "AND customer_id = ?3", "WHERE c.id = ?3");
  else
    select = g_strdup_printf (stats_select_sql, "", "", "WHERE true");

  sql = g_strconcat ("INSERT INTO customer_stats (customer_id, spend, purchases, total_purchases, "
                     "  first_purchase_at, last_purchase_at, last_visit_at) ",
                     select,
                     " ON CONFLICT (customer_id) DO UPDATE SET spend = excluded.spend, "
                     "  purchases = excluded.purchases, total_purchases = excluded.total_purchases, "
                     "  first_purchase_at = excluded.first_purchase_at, "
                     "  last_purchase_at = excluded.last_purchase_at, "
                     "  last_visit_at = excluded.last_visit_at",
                     NULL);

  /* Both SELECTs end in a WHERE: without one SQLite would read the
   * upsert's ON CONFLICT as the last join's ON. */
  stmt = prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, from);
  if (customer_id > 0)
    sqlite3_bind_int64 (stmt, 3, customer_id);

  if (!step_done (self, stmt, error))
    return FALSE;

  return customer_id > 0 || set_window_from (self, from, error);
}

/**
 * crm_store_refresh_stats:
 * @customer_id: one customer, or 0 for all
 *
 * Recomputes the cached figures (spend and purchases in the window, first
 * and last purchase, last visit) from purchases and interactions. Does not
 * rank: call crm_store_rank_customers() after.
 */
gboolean
crm_store_refresh_stats (CrmStore  *self,
                         gint64     customer_id,
                         GError   **error)
{
  /* Inside crm_store_begin() (imports, the sample shop) figures are
   * rebuilt once, at commit, instead of after every row. */
  if (self->in_transaction && !self->refreshing_all)
    {
      self->needs_refresh = TRUE;
      return TRUE;
    }

  return write_stats (self, customer_id, error);
}

/**
 * crm_store_rank_customers:
 *
 * Sorts active customers into key and secondary by the shop's rule, in
 * one statement over customer_stats.
 *
 * Pareto (the default): customers by spend, highest first; a customer is
 * key while the revenue of everyone who spent strictly more is below the
 * share (80 %) of the window's revenue. Customers who spent the same amount
 * therefore always land in the same segment, and the key set is the
 * smallest that reaches the share. No positive spend, no key.
 *
 * Threshold: key when spend ≥ segment.min_spend (minor units) or purchases
 * ≥ segment.min_purchases (each ignored when 0).
 */
gboolean
crm_store_rank_customers (CrmStore  *self,
                          GError   **error)
{
  g_autofree char *rule = NULL;
  gint share, min_purchases;
  gint64 min_spend;
  sqlite3_stmt *stmt;

  if (self->in_transaction && !self->refreshing_all)
    {
      self->needs_refresh = TRUE;
      return TRUE;
    }

  rule = crm_store_dup_setting (self, "segment.rule", "pareto");
  share = CLAMP (crm_store_get_setting_int (self, "segment.share", 80), 1, 100);
  min_spend = crm_store_get_setting_int (self, "segment.min_spend", 0);
  min_purchases = crm_store_get_setting_int (self, "segment.min_purchases", 0);

  /* Archived customers are few: subtracting them beats joining every
   * row of customer_stats with customers. */
  stmt = prepare (self,
                  "SELECT coalesce (sum (spend), 0) FROM customer_stats "
                  "WHERE spend > 0 AND customer_id NOT IN "
                  "  (SELECT id FROM customers WHERE archived_at IS NOT NULL)",
                  error);
  if (stmt == NULL)
    return FALSE;
  self->revenue_total = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);

  if (g_strcmp0 (rule, "threshold") == 0)
    {
      stmt = prepare (self,
                      "UPDATE customer_stats SET rule_key = r.is_key FROM "
                      "(SELECT s.customer_id, "
                      "   (c.archived_at IS NULL AND ((?1 > 0 AND s.spend >= ?1) OR "
                      "                               (?2 > 0 AND s.purchases >= ?2))) AS is_key "
                      " FROM customer_stats s JOIN customers c ON c.id = s.customer_id) r "
                      "WHERE customer_stats.customer_id = r.customer_id "
                      "  AND customer_stats.rule_key <> r.is_key",
                      error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, min_spend);
      sqlite3_bind_int (stmt, 2, min_purchases);
      return step_done (self, stmt, error);
    }

  /* Nobody without spend, and no archived customer, is key. */
  if (!crm_store_exec (self->db,
                       "UPDATE customer_stats SET rule_key = 0 WHERE rule_key = 1 AND "
                       "(spend <= 0 OR customer_id IN "
                       " (SELECT id FROM customers WHERE archived_at IS NOT NULL))",
                       error))
    return FALSE;

  /* "1 PRECEDING" over spend DESC in integer minor units means every
   * spend strictly greater than this one. Only rows whose segment changes
   * are written, so one purchase rewrites a handful of rows, not all. */
  stmt = prepare (self,
                  "UPDATE customer_stats SET rule_key = 1 - rule_key WHERE customer_id IN "
                  "(SELECT customer_id FROM "
                  "  (SELECT customer_id, rule_key, "
                  "     100 * coalesce (sum (spend) OVER (ORDER BY spend DESC "
                  "       RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) < ?1 * ?2 AS is_key "
                  "   FROM customer_stats WHERE spend > 0 AND customer_id NOT IN "
                  "     (SELECT id FROM customers WHERE archived_at IS NOT NULL)) "
                  " WHERE rule_key <> is_key)",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, share);
  sqlite3_bind_int64 (stmt, 2, self->revenue_total);

  return step_done (self, stmt, error);
}

static gboolean
check_customer_exists (CrmStore  *self,
                       gint64     customer_id,
                       GError   **error)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT 1 FROM customers WHERE id = ?1", error);
  gboolean found;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);

  if (!found)
    g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_SQL,
                 "no customer with id %" G_GINT64_FORMAT, customer_id);

  return found;
}

/**
 * crm_store_add_purchase:
 * @amount: in hundredths of the shop's currency; negative for a refund
 *
 * Records a purchase and brings the customer's figures and everyone's
 * segment up to date in the same transaction.
 *
 * Returns: the purchase's id, or 0 with @error set
 */
gint64
crm_store_add_purchase (CrmStore    *self,
                        gint64       customer_id,
                        gint64       at,
                        gint64       amount,
                        const char  *description,
                        GError     **error)
{
  g_autofree char *text = crm_text_clean (description, MAX_FIELD);
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  if (amount == 0)
    {
      g_set_error_literal (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID,
                           _("Enter the amount of the purchase."));
      return 0;
    }

  if (!check_customer_exists (self, customer_id, error) || !savepoint (self, error))
    return 0;

  stmt = prepare (self,
                  "INSERT INTO purchases (customer_id, at, amount, description, created_at, staff_id) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                  error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, customer_id);
      sqlite3_bind_int64 (stmt, 2, at);
      sqlite3_bind_int64 (stmt, 3, amount);
      sqlite3_bind_text (stmt, 4, text, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 5, crm_store_now (self));
      crm_store_bind_acting_staff (self, stmt, 6);
      ok = step_done (self, stmt, error);
      id = sqlite3_last_insert_rowid (self->db);
    }

  ok = ok &&
       crm_store_refresh_stats (self, customer_id, error) &&
       crm_store_rank_customers (self, error);

  if (!release (self, ok, error))
    return 0;

  crm_store_emit_changed (self, CRM_STORE_CHANGE_PURCHASES | CRM_STORE_CHANGE_SEGMENTS, customer_id);
  return id;
}

/**
 * crm_store_add_interaction:
 * @kind: "call", "visit", "message", "email" or "other"
 *
 * Returns: the interaction's id, or 0 with @error set
 */
gint64
crm_store_add_interaction (CrmStore    *self,
                           gint64       customer_id,
                           gint64       at,
                           const char  *kind,
                           const char  *note,
                           GError     **error)
{
  static const char *const kinds[] = { "call", "visit", "message", "email", "other", NULL };
  g_autofree char *text = crm_text_clean (note, MAX_NOTES);
  sqlite3_stmt *stmt;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  if (kind == NULL || !g_strv_contains (kinds, kind))
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_SQL,
                   "unknown interaction kind “%s”", kind ? kind : "(null)");
      return 0;
    }

  if (!check_customer_exists (self, customer_id, error) || !savepoint (self, error))
    return 0;

  stmt = prepare (self,
                  "INSERT INTO interactions (customer_id, at, kind, note, staff_id) VALUES (?1, ?2, ?3, ?4, ?5)",
                  error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, customer_id);
      sqlite3_bind_int64 (stmt, 2, at);
      sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, text, -1, SQLITE_STATIC);
      crm_store_bind_acting_staff (self, stmt, 5);
      ok = step_done (self, stmt, error);
      id = sqlite3_last_insert_rowid (self->db);
    }

  ok = ok && crm_store_refresh_stats (self, customer_id, error);

  if (!release (self, ok, error))
    return 0;

  crm_store_emit_changed (self, CRM_STORE_CHANGE_INTERACTIONS, customer_id);
  return id;
}

gboolean
crm_store_delete_timeline_entry (CrmStore         *self,
                                 CrmTimelineKind   kind,
                                 gint64            id,
                                 GError          **error)
{
  const char *table = kind == CRM_TIMELINE_PURCHASE ? "purchases" : "interactions";
  g_autofree char *select = g_strdup_printf ("SELECT customer_id FROM %s WHERE id = ?1", table);
  g_autofree char *delete = g_strdup_printf ("DELETE FROM %s WHERE id = ?1", table);
  sqlite3_stmt *stmt;
  gint64 customer_id = 0;
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  stmt = prepare (self, select, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    customer_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (customer_id == 0 || !savepoint (self, error))
    return customer_id == 0;

  ok = simple_write (self, delete, id, 0, TRUE, error) &&
       crm_store_refresh_stats (self, customer_id, error) &&
       crm_store_rank_customers (self, error);

  if (!release (self, ok, error))
    return FALSE;

  crm_store_emit_changed (self,
                          kind == CRM_TIMELINE_PURCHASE
                            ? CRM_STORE_CHANGE_PURCHASES | CRM_STORE_CHANGE_SEGMENTS
                            : CRM_STORE_CHANGE_INTERACTIONS,
                          customer_id);
  return TRUE;
}

void
crm_timeline_entry_free (CrmTimelineEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->what);
  g_free (entry->text);
  g_free (entry->staff);
  g_free (entry);
}

/**
 * crm_store_list_timeline:
 * @limit: the most entries, newest first
 *
 * Returns: (transfer full) (element-type CrmTimelineEntry): purchases and
 *   interactions of the customer, newest first
 */
GPtrArray *
crm_store_list_timeline (CrmStore *self,
                         gint64    customer_id,
                         guint     limit)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_timeline_entry_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), entries);

  stmt = prepare (self,
                  "SELECT 0, p.id, p.at, p.amount, NULL, p.description, s.name FROM purchases p "
                  "  LEFT JOIN staff s ON s.id = p.staff_id WHERE p.customer_id = ?1 "
                  "UNION ALL "
                  "SELECT 1, i.id, i.at, 0, i.kind, i.note, s.name FROM interactions i "
                  "  LEFT JOIN staff s ON s.id = i.staff_id WHERE i.customer_id = ?1 "
                  "ORDER BY 3 DESC, 2 DESC LIMIT ?2",
                  NULL);
  if (stmt == NULL)
    return entries;

  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int (stmt, 2, (int) MIN (limit, G_MAXINT));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      CrmTimelineEntry *entry = g_new0 (CrmTimelineEntry, 1);

      entry->kind = sqlite3_column_int (stmt, 0) == 0 ? CRM_TIMELINE_PURCHASE : CRM_TIMELINE_INTERACTION;
      entry->id = sqlite3_column_int64 (stmt, 1);
      entry->at = sqlite3_column_int64 (stmt, 2);
      entry->amount = sqlite3_column_int64 (stmt, 3);
      entry->what = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      entry->text = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      entry->staff = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);

  return entries;
}

/* Every customer has a figures row: only the window's share can be stale. */
static gboolean
stats_complete (CrmStore *self)
{
  sqlite3_stmt *stmt = prepare (self,
                                "SELECT NOT EXISTS (SELECT 1 FROM customers c WHERE NOT EXISTS "
                                "  (SELECT 1 FROM customer_stats s WHERE s.customer_id = c.id))",
                                NULL);
  gboolean complete;

  if (stmt == NULL)
    return FALSE;

  complete = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return complete;
}

/* Moving the period's start on subtracts the purchases that fell out of
 * it, read through the date index: a day's worth, not the whole table. A
 * start that moved back (clock change, longer period) needs a recount. */
static gboolean
refresh_window (CrmStore  *self,
                GError   **error)
{
  gint64 old_from = 0;
  gint64 new_from = window_from_now (self);
  sqlite3_stmt *stmt;

  if (!get_window_from (self, &old_from) || new_from < old_from || !stats_complete (self))
    return write_stats (self, 0, error);

  if (new_from == old_from)
    return TRUE;

  stmt = prepare (self,
                  "UPDATE customer_stats SET spend = customer_stats.spend - d.gone, "
                  "  purchases = customer_stats.purchases - d.n "
                  "FROM (SELECT customer_id, sum (amount) AS gone, "
                  "        count (*) FILTER (WHERE amount > 0) AS n "
                  "      FROM purchases INDEXED BY purchases_at "
                  "      WHERE at >= ?1 AND at < ?2 GROUP BY customer_id) d "
                  "WHERE customer_stats.customer_id = d.customer_id",
                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, old_from);
  sqlite3_bind_int64 (stmt, 2, new_from);

  return step_done (self, stmt, error) && set_window_from (self, new_from, error);
}

/**
 * crm_store_refresh_all:
 *
 * Rebuilds every customer's figures and segment: at start-up and when the
 * window has moved on (the app ran past midnight) or its length changed.
 */
gboolean
crm_store_refresh_all (CrmStore  *self,
                       GError   **error)
{
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  if (!savepoint (self, error))
    return FALSE;

  self->refreshing_all = TRUE;
  ok = refresh_window (self, error) && crm_store_rank_customers (self, error);
  self->refreshing_all = FALSE;

  if (!release (self, ok, error))
    return FALSE;

  crm_store_emit_changed (self, CRM_STORE_CHANGE_SEGMENTS, 0);
  return TRUE;
}

/**
 * crm_store_get_summary:
 *
 * The figures over the customer list: how many active customers, how many
 * of them are key, and what share of the window's revenue the key ones bring.
 */
void
crm_store_get_summary (CrmStore        *self,
                       CrmShopSummary  *summary)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  g_return_if_fail (CRM_IS_STORE (self));
  g_return_if_fail (summary != NULL);

  memset (summary, 0, sizeof *summary);

  sql = g_strdup_printf ("SELECT count (*), "
                         "  coalesce (sum (k), 0), "
                         "  coalesce (sum (CASE WHEN k = 1 AND spend > 0 THEN spend END), 0), "
                         "  coalesce (sum (CASE WHEN spend > 0 THEN spend END), 0), "
                         "  coalesce (sum (k = 1 AND r), 0) "
                         "FROM (SELECT (CASE c.segment_override WHEN 'key' THEN 1 "
                         "               WHEN 'secondary' THEN 0 ELSE coalesce (s.rule_key, 0) END) AS k, "
                         "             coalesce (s.spend, 0) AS spend, %s AS r "
                         "      FROM customers c LEFT JOIN customer_stats s ON s.customer_id = c.id "
                         "      WHERE c.archived_at IS NULL)",
                         crm_store_at_risk_sql);

  stmt = crm_store_prepare (self, sql, NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 9, crm_store_now (self));
      sqlite3_bind_int (stmt, 10, crm_store_get_setting_int (self, "segment.at_risk_days", 60));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          summary->n_customers = (guint) sqlite3_column_int (stmt, 0);
          summary->n_key = (guint) sqlite3_column_int (stmt, 1);
          summary->key_spend = sqlite3_column_int64 (stmt, 2);
          summary->total_spend = sqlite3_column_int64 (stmt, 3);
          summary->n_at_risk = (guint) sqlite3_column_int (stmt, 4);
        }
    }
  else
    g_warning ("summary: %s", sqlite3_errmsg (self->db));

  if (stmt != NULL)
    sqlite3_reset (stmt);
}
