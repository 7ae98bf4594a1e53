/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Customers: cleaning what was typed, writing it with its tags and search
 * keys, reading it back, archiving and deleting. Part of CrmStore (see
 * crm-store-private.h); purchases and interactions are in
 * crm-store-history.c, the figures and segments in crm-store-segments.c. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "crm-customer-private.h"
#include "crm-store-private.h"
#include "crm-text.h"

#define DAY (24 * 60 * 60)


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

  clean->name = crm_text_clean (fields->name, CRM_STORE_MAX_NAME);
  clean->phone = crm_text_clean (fields->phone, CRM_STORE_MAX_FIELD);
  clean->email = crm_text_clean (fields->email, CRM_STORE_MAX_FIELD);
  clean->address = crm_text_clean (fields->address, CRM_STORE_MAX_FIELD);
  clean->birthday = crm_text_clean (fields->birthday, 10 + 1);
  clean->notes = crm_text_clean (fields->notes, CRM_STORE_MAX_NOTES);

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
      char *tag = crm_text_clean (fields->tags[i], CRM_STORE_MAX_TAG);

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
  CrmStmt *stmt;

  stmt = crm_store_prepare (self, "DELETE FROM customer_tags WHERE customer_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  crm_stmt_bind_int64 (stmt, 1, customer_id);
  if (!crm_store_step_done (self, stmt, "write", error))
    return FALSE;

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      stmt = crm_store_prepare (self, "INSERT INTO tags (name) VALUES (?1) ON CONFLICT DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;
      crm_stmt_bind_text (stmt, 1, tags[i]);
      if (!crm_store_step_done (self, stmt, "write", error))
        return FALSE;

      stmt = crm_store_prepare (self,
                      "INSERT INTO customer_tags (customer_id, tag_id) "
                      "SELECT ?1, id FROM tags WHERE lower (name) = lower (?2) "
                      "ON CONFLICT DO NOTHING",
                      error);
      if (stmt == NULL)
        return FALSE;
      crm_stmt_bind_int64 (stmt, 1, customer_id);
      crm_stmt_bind_text (stmt, 2, tags[i]);
      if (!crm_store_step_done (self, stmt, "write", error))
        return FALSE;
    }

  return crm_store_exec (self,
                         "DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM customer_tags)",
                         error);
}

#define SEARCH_SOURCE_SQL \
  "SELECT c.id, c.name, c.phone, c.email, c.notes, " \
  "       (SELECT string_agg (t.name, ' ') FROM customer_tags ct " \
  "          JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = c.id) " \
  "FROM customers c"

/* The folded keys that search and sorting use, from the stored fields:
 * one customer's (@customer_id > 0) or everyone's. */
static gboolean
update_search_keys (CrmStore  *self,
                    gint64     customer_id,
                    gboolean   language_keys,
                    GError   **error)
{
  g_autoptr(CrmStmt) every = NULL;
  CrmStmt *select;
  CrmStmt *update;
  CrmStmtResult rc;

  if (customer_id > 0)
    {
      select = crm_store_prepare (self, SEARCH_SOURCE_SQL " WHERE c.id = ?1", error);
      if (select != NULL)
        crm_stmt_bind_int64 (select, 1, customer_id);
    }
  else
    select = every = crm_store_prepare_once (self, SEARCH_SOURCE_SQL, error);

  /* Migration 2 ran before the language keys existed. */
  update = crm_store_prepare (self,
                              language_keys
                              ? "UPDATE customers SET name_key = ?2, search_text = ?3, phone_key = ?4, "
                                "  name_key_en = ?5, name_key_ka = ?6, name_key_hy = ?7 WHERE id = ?1"
                              : "UPDATE customers SET name_key = ?2, search_text = ?3, phone_key = ?4 "
                                "WHERE id = ?1",
                              error);
  if (select == NULL || update == NULL)
    return FALSE;

  while ((rc = crm_stmt_step (select)) == CRM_STMT_ROW)
    {
      g_autofree char *haystack = NULL;
      g_autofree char *name_key = crm_text_fold (crm_stmt_column_text (select, 1));
      g_autofree char *search = NULL;
      g_autofree char *phone_key = crm_text_phone_key (crm_stmt_column_text (select, 2));
      const char *tags = crm_stmt_column_text (select, 5);

      haystack = g_strjoin (" ",
                            crm_stmt_column_text (select, 1),
                            crm_stmt_column_text (select, 3),
                            crm_stmt_column_text (select, 4),
                            tags != NULL ? tags : "",
                            NULL);
      search = crm_text_fold (haystack);

      crm_stmt_bind_int64 (update, 1, crm_stmt_column_int64 (select, 0));
      crm_stmt_bind_text (update, 2, name_key);
      crm_stmt_bind_text (update, 3, search);
      crm_stmt_bind_text (update, 4, phone_key);
      if (language_keys)
        crm_store_bind_name_keys (update, 5, name_key);
      if (!crm_store_step_done (self, update, "search keys", error))
        {
          crm_stmt_reset (select);
          return FALSE;
        }
    }
  crm_stmt_reset (select);

  if (rc != CRM_STMT_DONE)
    {
      crm_store_set_sql_error (error, self, "search keys");
      return FALSE;
    }

  return TRUE;
}

/* Migration 2: customers written before search keys existed get them. */
gboolean
crm_store_fill_search_keys (CrmStore  *self,
                            GError   **error)
{
  return update_search_keys (self, 0, FALSE, error);
}

/* Migration 3: every customer's and staff member's name keys per language. */
gboolean
crm_store_fill_name_keys (CrmStore  *self,
                          GError   **error)
{
  return update_search_keys (self, 0, TRUE, error) &&
         crm_store_fill_staff_name_keys (self, error);
}

static gboolean
write_customer (CrmStore                *self,
                gint64                  *id,
                const CrmCustomerFields *fields,
                GError                 **error)
{
  g_auto(Clean) clean = { 0 };
  CrmStmt *stmt;
  gint64 now = crm_store_now (self);
  gboolean ok;

  if (!clean_fields (fields, &clean, error))
    return FALSE;

  if (!crm_store_savepoint (self, error))
    return FALSE;

  if (*id == 0)
    stmt = crm_store_prepare (self,
                    "INSERT INTO customers (name, phone, email, address, birthday, notes, "
                    "  segment_override, created_at, updated_at) "
                    "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
                    error);
  else
    stmt = crm_store_prepare (self,
                    "UPDATE customers SET name = ?2, phone = ?3, email = ?4, address = ?5, "
                    "  birthday = ?6, notes = ?7, segment_override = ?8, updated_at = ?9 "
                    "WHERE id = ?1",
                    error);

  ok = stmt != NULL;
  if (ok)
    {
      crm_stmt_bind_int64 (stmt, 1, *id);
      crm_stmt_bind_text (stmt, 2, clean.name);
      crm_stmt_bind_text (stmt, 3, clean.phone);
      crm_stmt_bind_text (stmt, 4, clean.email);
      crm_stmt_bind_text (stmt, 5, clean.address);
      crm_stmt_bind_text_or_null (stmt, 6, clean.birthday);
      crm_stmt_bind_text (stmt, 7, clean.notes);
      crm_stmt_bind_text_or_null (stmt, 8, clean.segment_override);
      crm_stmt_bind_int64 (stmt, 9, now);
      ok = crm_store_step_done (self, stmt, "write", error);
    }

  if (ok && *id == 0)
    *id = crm_store_last_insert_id (self);
  else if (ok && crm_store_changes (self) == 0)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_SQL,
                   "no customer with id %" G_GINT64_FORMAT, *id);
      ok = FALSE;
    }

  ok = ok &&
       write_tags (self, *id, clean.tags, error) &&
       update_search_keys (self, *id, TRUE, error) &&
       crm_store_refresh_stats (self, *id, error) &&
       crm_store_rank_customers (self, error);

  if (!crm_store_release (self, ok, error))
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
customer_from_row (CrmCustomer *customer,
                   CrmStmt     *stmt)
{
  const char *tags = crm_stmt_column_text (stmt, 16);

#define TEXT(i) crm_stmt_dup_text (stmt, i)
  customer->id = crm_stmt_column_int64 (stmt, 0);
  customer->name = TEXT (1);
  customer->phone = TEXT (2);
  customer->email = TEXT (3);
  customer->address = TEXT (4);
  customer->birthday = TEXT (5);
  customer->notes = TEXT (6);
#undef TEXT
  customer->segment_override = crm_stmt_column_is_null (stmt, 7)
    ? NULL : g_strdup (crm_stmt_column_text (stmt, 7));
  customer->archived = !crm_stmt_column_is_null (stmt, 8);
  customer->rule_key = crm_stmt_column_int (stmt, 9) != 0;
  customer->spend = crm_stmt_column_int64 (stmt, 10);
  customer->purchases = (guint) crm_stmt_column_int (stmt, 11);
  customer->total_purchases = (guint) crm_stmt_column_int (stmt, 12);
  customer->first_purchase_at = crm_stmt_column_int64 (stmt, 13);
  customer->last_purchase_at = crm_stmt_column_int64 (stmt, 14);
  customer->last_visit_at = crm_stmt_column_int64 (stmt, 15);
  /* The unit separator cannot be typed into a tag. */
  customer->tags = tags ? g_strsplit (tags, "\x1f", -1) : g_new0 (char *, 1);
  customer->at_risk = crm_stmt_column_int (stmt, 17) != 0;
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
  "(SELECT string_agg (t.name, chr (31)) FROM " \
  "   (SELECT t.name FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id " \
  "    WHERE ct.customer_id = c.id ORDER BY lower (t.name), t.name) t), "

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
  CrmStmt *stmt = NULL;
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
      g_warning ("%s", crm_store_errmsg (self));
      return NULL;
    }

  crm_stmt_bind_int64 (stmt, 1, id);
  crm_stmt_bind_int64 (stmt, 9, crm_store_now (self));
  crm_stmt_bind_int (stmt, 10, crm_store_get_setting_int (self, "segment.at_risk_days", 60));

  if (crm_stmt_step (stmt) == CRM_STMT_ROW)
    {
      customer = g_object_new (CRM_TYPE_CUSTOMER, NULL);
      customer_from_row (customer, stmt);
      customer->revenue_total = self->revenue_total;
      key_override = g_strcmp0 (customer->segment_override, "key") == 0;
      customer->at_risk = customer->at_risk &&
                          (key_override || (customer->rule_key && customer->segment_override == NULL));
    }
  crm_stmt_reset (stmt);

  return customer;
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

  if (!crm_store_savepoint (self, error))
    return FALSE;

  ok = crm_store_write_id (self, "UPDATE customers SET archived_at = ?2 WHERE id = ?1",
                     id, crm_store_now (self), !archived, error) &&
       crm_store_rank_customers (self, error);

  if (!crm_store_release (self, ok, error))
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

  if (!crm_store_savepoint (self, error))
    return FALSE;

  ok = crm_store_write_id (self, "DELETE FROM customers WHERE id = ?1", id, 0, TRUE, error) &&
       crm_store_exec (self, "DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM customer_tags)",
                       error) &&
       crm_store_rank_customers (self, error);

  if (!crm_store_release (self, ok, error))
    return FALSE;

  crm_store_emit_changed (self, CRM_STORE_CHANGE_CUSTOMERS | CRM_STORE_CHANGE_SEGMENTS, id);
  return TRUE;
}

guint
crm_store_count_customers (CrmStore *self)
{
  CrmStmt *stmt;
  guint count = 0;

  g_return_val_if_fail (CRM_IS_STORE (self), 0);

  stmt = crm_store_prepare (self, "SELECT count(*) FROM customers WHERE archived_at IS NULL", NULL);
  if (stmt != NULL && crm_stmt_step (stmt) == CRM_STMT_ROW)
    count = (guint) crm_stmt_column_int (stmt, 0);
  crm_stmt_reset (stmt);

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
  CrmStmt *stmt;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  stmt = crm_store_prepare (self, "SELECT name FROM tags ORDER BY lower (name), name", NULL);
  while (stmt != NULL && crm_stmt_step (stmt) == CRM_STMT_ROW)
    g_strv_builder_add (builder, crm_stmt_column_text (stmt, 0));
  crm_stmt_reset (stmt);

  return g_strv_builder_end (builder);
}

