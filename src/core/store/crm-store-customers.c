/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Customers: writing what crm-store-customers-clean.c cleaned, with its
 * tags and search keys (one row, tag and key code for the form and for
 * bulk imports), reading it back, archiving and deleting. Part of CrmStore (see
 * crm-store-private.h); purchases and interactions are in
 * crm-store-history.c, the figures and segments in crm-store-segments.c. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "crm-customer-private.h"
#include "crm-store-import.h"
#include "crm-store-private.h"
#include "crm-text.h"

static void
customer_keys (const char  *name,
               const char  *phone,
               const char  *email,
               const char  *notes,
               const char  *tags,
               char       **name_key,
               char       **search_text,
               char       **phone_key)
{
  g_autofree char *rest = g_strjoin (" ", email ? email : "", notes ? notes : "", tags ? tags : "", NULL);
  g_autofree char *folded = crm_text_fold (rest);

  *name_key = crm_text_fold (name);
  *phone_key = crm_text_phone_key (phone);
  if ((*name_key)[0] == '\0')
    *search_text = g_steal_pointer (&folded);
  else if (folded[0] == '\0')
    *search_text = g_strdup (*name_key);
  else
    *search_text = g_strconcat (*name_key, " ", folded, NULL);
}

/* Every customer's search keys from the stored fields, and with
 * @language_keys the name keys per language (migration 2 ran before
 * those columns existed). */
static gboolean
fill_keys (CrmStore  *self,
           gboolean   language_keys,
           GError   **error)
{
  g_autoptr(CrmStmt) select = NULL;
  CrmStmt *update;
  CrmStmtResult rc;

  select = crm_store_prepare_once (self,
                                   "SELECT c.id, c.name, c.phone, c.email, c.notes, "
                                   "       (SELECT string_agg (t.name, ' ') FROM customer_tags ct "
                                   "          JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = c.id) "
                                   "FROM customers c",
                                   error);
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
      g_autofree char *name_key = NULL;
      g_autofree char *search = NULL;
      g_autofree char *phone_key = NULL;

      customer_keys (crm_stmt_column_text (select, 1), crm_stmt_column_text (select, 2),
                     crm_stmt_column_text (select, 3), crm_stmt_column_text (select, 4),
                     crm_stmt_column_text (select, 5), &name_key, &search, &phone_key);
      crm_stmt_bind_int64 (update, 1, crm_stmt_column_int64 (select, 0));
      crm_stmt_bind_text (update, 2, name_key);
      crm_stmt_bind_text (update, 3, search);
      crm_stmt_bind_text (update, 4, phone_key);
      if (language_keys)
        crm_store_bind_folded_name_keys (update, 5, name_key);
      if (!crm_store_step_done (self, update, "search keys", error))
        return FALSE;
    }

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
  return fill_keys (self, FALSE, error);
}

/* Migration 4: every customer's and staff member's name keys per language. */
gboolean
crm_store_fill_name_keys (CrmStore  *self,
                          GError   **error)
{
  return fill_keys (self, TRUE, error) &&
         crm_store_fill_staff_name_keys (self, error);
}

/* Writing */

/* ?1–?14 and ?18–?23 mean the same in all three (the update's ?15 is the
 * id); ?24 is the id a customer whose removal is undone gets back
 * (PostgreSQL takes no NULL for "a new one"). */
#define INSERT_CUSTOMER_COLUMNS \
  "INSERT INTO customers (name, phone, email, address, birthday, notes, segment_override, " \
  "  updated_at, name_key, search_text, phone_key, name_key_en, name_key_ka, name_key_hy, " \
  "  created_at, archived_at, touch_dismissed_at, language, channel, telegram, " \
  "  marketing_consent, consent_date, consent_source, birthday_md"
/* ?5 is the birthday in the store's form: the date goes in birthday when
 * it has a year, its month and day always in birthday_md. */
#define BIRTHDAY_DATE_SQL "CASE WHEN ?5 LIKE '--%' THEN NULL ELSE ?5 END"
#define BIRTHDAY_MD_SQL "substr (?5, length (?5) - 4)"
#define INSERT_CUSTOMER_VALUES \
  "VALUES (?1, ?2, ?3, ?4, " BIRTHDAY_DATE_SQL ", ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, " \
  "  ?18, ?19, ?20, ?21, ?22, ?23, " BIRTHDAY_MD_SQL
static const char insert_customer_sql[] =
  INSERT_CUSTOMER_COLUMNS ") " INSERT_CUSTOMER_VALUES ")";
static const char restore_customer_sql[] =
  INSERT_CUSTOMER_COLUMNS ", id) " INSERT_CUSTOMER_VALUES ", ?24)";
static const char update_customer_sql[] =
  "UPDATE customers SET name = ?1, phone = ?2, email = ?3, address = ?4, "
  "  birthday = " BIRTHDAY_DATE_SQL ", birthday_md = " BIRTHDAY_MD_SQL ", "
  "  notes = ?6, segment_override = ?7, updated_at = ?8, name_key = ?9, search_text = ?10, "
  "  phone_key = ?11, name_key_en = ?12, name_key_ka = ?13, name_key_hy = ?14, "
  "  language = ?16, channel = ?17, telegram = ?18, marketing_consent = ?19, "
  "  consent_date = ?20, consent_source = ?21 "
  "WHERE id = ?15";

static char *
join_tags (const CrmImportCustomer *customer)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < customer->tags->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, g_ptr_array_index (customer->tags, i));
    }

  return g_string_free (out, FALSE);
}

/* The customer's row, with its search keys: inserted when @insert (with
 * the id *@id, else a new one, which *@id gets), else updated.
 * @customer was cleaned by crm_store_clean_customer(). */
static gboolean
write_row (CrmStore                 *self,
           gint64                   *id,
           gboolean                  insert,
           const CrmImportCustomer  *customer,
           gint64                    now,
           GError                  **error)
{
  g_autofree char *tags = NULL;
  g_autofree char *name_key = NULL;
  g_autofree char *search = NULL;
  g_autofree char *phone_key = NULL;
  g_autofree char *today = NULL;
  CrmStmt *stmt;

  /* A "yes" without its date was given today. */
  if (customer->marketing_consent &&
      (customer->consent_date == NULL || customer->consent_date[0] == '\0'))
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now);
      g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

      today = local ? g_date_time_format (local, "%Y-%m-%d") : NULL;
    }

  tags = join_tags (customer);
  customer_keys (customer->name, customer->phone, customer->email, customer->notes, tags,
                 &name_key, &search, &phone_key);

  stmt = crm_store_prepare (self,
                            !insert ? update_customer_sql
                            : *id != 0 ? restore_customer_sql : insert_customer_sql,
                            error);
  if (stmt == NULL)
    return FALSE;

  crm_stmt_bind_text (stmt, 1, customer->name);
  crm_stmt_bind_text (stmt, 2, customer->phone);
  crm_stmt_bind_text (stmt, 3, customer->email);
  crm_stmt_bind_text (stmt, 4, customer->address);
  crm_stmt_bind_text_or_null (stmt, 5, customer->birthday);
  crm_stmt_bind_text (stmt, 6, customer->notes);
  crm_stmt_bind_text_or_null (stmt, 7, customer->segment_override);
  crm_stmt_bind_int64 (stmt, 8, now);
  crm_stmt_bind_text (stmt, 9, name_key);
  crm_stmt_bind_text (stmt, 10, search);
  crm_stmt_bind_text (stmt, 11, phone_key);
  crm_store_bind_folded_name_keys (stmt, 12, name_key);
  /* How they like to be reached: ?18–?23 on insert, ?16–?21 on update. */
  {
    int at = insert ? 18 : 16;

    crm_stmt_bind_text (stmt, at, customer->language ? customer->language : "");
    crm_stmt_bind_text (stmt, at + 1, customer->channel ? customer->channel : "");
    crm_stmt_bind_text (stmt, at + 2, customer->telegram ? customer->telegram : "");
    crm_stmt_bind_int (stmt, at + 3, customer->marketing_consent ? 1 : 0);
    crm_stmt_bind_text_or_null (stmt, at + 4, today != NULL ? today : customer->consent_date);
    crm_stmt_bind_text (stmt, at + 5, customer->consent_source ? customer->consent_source : "");
  }
  if (insert)
    {
      crm_stmt_bind_int64 (stmt, 15, customer->created_at != 0 ? customer->created_at : now);
      crm_stmt_bind_time_or_null (stmt, 16, customer->archived_at);
      crm_stmt_bind_time_or_null (stmt, 17, customer->touch_dismissed_at);
      if (*id != 0)
        crm_stmt_bind_int64 (stmt, 24, *id);
    }
  else
    crm_stmt_bind_int64 (stmt, 15, *id);

  if (!crm_store_step_done (self, stmt, "write", error))
    return FALSE;

  if (insert && *id == 0)
    *id = crm_store_last_insert_id (self);
  else if (crm_store_changes (self) == 0)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_SQL,
                   "no customer with id %" G_GINT64_FORMAT, *id);
      return FALSE;
    }

  return TRUE;
}

/* A tag's id, made when it is new; @cache (ASCII-lower-cased name → id,
 * as SQLite's lower() and NOCASE compare) saves the look-up in a bulk
 * import. */
static gint64
tag_id (CrmStore    *self,
        GHashTable  *cache,
        const char  *name,
        GError     **error)
{
  g_autofree char *key = cache != NULL ? g_ascii_strdown (name, -1) : NULL;
  gint64 *cached = cache != NULL ? g_hash_table_lookup (cache, key) : NULL;
  CrmStmt *stmt;
  gint64 id = 0;

  if (cached != NULL)
    return *cached;

  stmt = crm_store_prepare (self, "SELECT id FROM tags WHERE lower (name) = lower (?1)", error);
  if (stmt == NULL)
    return 0;
  crm_stmt_bind_text (stmt, 1, name);
  if (crm_stmt_step (stmt) == CRM_STMT_ROW)
    id = crm_stmt_column_int64 (stmt, 0);
  crm_stmt_reset (stmt);

  if (id == 0)
    {
      stmt = crm_store_prepare (self, "INSERT INTO tags (name) VALUES (?1)", error);
      if (stmt == NULL)
        return 0;
      crm_stmt_bind_text (stmt, 1, name);
      if (!crm_store_step_done (self, stmt, "tags", error))
        return 0;
      id = crm_store_last_insert_id (self);
    }

  if (cache != NULL)
    g_hash_table_insert (cache, g_steal_pointer (&key), g_memdup2 (&id, sizeof id));
  return id;
}

static gboolean
add_tags (CrmStore                 *self,
          GHashTable               *cache,
          gint64                    customer_id,
          const CrmImportCustomer  *customer,
          GError                  **error)
{
  for (guint i = 0; i < customer->tags->len; i++)
    {
      gint64 id = tag_id (self, cache, g_ptr_array_index (customer->tags, i), error);
      CrmStmt *stmt;

      if (id == 0)
        return FALSE;

      stmt = crm_store_prepare (self,
                                "INSERT INTO customer_tags (customer_id, tag_id) VALUES (?1, ?2) "
                                "ON CONFLICT DO NOTHING",
                                error);
      if (stmt == NULL)
        return FALSE;
      crm_stmt_bind_int64 (stmt, 1, customer_id);
      crm_stmt_bind_int64 (stmt, 2, id);
      if (!crm_store_step_done (self, stmt, "tags", error))
        return FALSE;
    }

  return TRUE;
}

/* Tags nobody uses any more go (a tag is the shop's text until then). */
gboolean
crm_store_drop_unused_tags (CrmStore  *self,
                            GError   **error)
{
  return crm_store_exec (self, "DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM customer_tags)", error);
}

static void
customer_from_fields (const CrmCustomerFields *fields,
                      CrmImportCustomer       *customer)
{
  crm_import_customer_init (customer);
  customer->name = g_strdup (fields->name);
  customer->phone = g_strdup (fields->phone);
  customer->email = g_strdup (fields->email);
  customer->address = g_strdup (fields->address);
  customer->birthday = g_strdup (fields->birthday);
  customer->notes = g_strdup (fields->notes);
  customer->segment_override = g_strdup (fields->segment_override);
  customer->language = g_strdup (fields->language);
  customer->channel = g_strdup (fields->channel);
  customer->telegram = g_strdup (fields->telegram);
  customer->marketing_consent = fields->marketing_consent;
  customer->consent_date = g_strdup (fields->consent_date);
  customer->consent_source = g_strdup (fields->consent_source);
  for (guint i = 0; fields->tags != NULL && fields->tags[i] != NULL; i++)
    g_ptr_array_add (customer->tags, g_strdup (fields->tags[i]));
}

/* The form's write: one customer, their tags replaced, their figures and
 * everyone's ranking brought up to date at once. */
static gboolean
write_customer (CrmStore                *self,
                gint64                  *id,
                const CrmCustomerFields *fields,
                GError                 **error)
{
  g_auto(CrmImportCustomer) customer = { 0 };
  gboolean is_new = *id == 0;
  gboolean ok;

  customer_from_fields (fields, &customer);
  if (!crm_store_clean_customer (&customer, NULL, error))
    return FALSE;

  if (!crm_store_savepoint (self, error))
    return FALSE;

  ok = write_row (self, id, is_new, &customer, crm_store_now (self), error) &&
       (is_new || crm_store_write_id (self, "DELETE FROM customer_tags WHERE customer_id = ?1",
                                      *id, 0, TRUE, error)) &&
       add_tags (self, NULL, *id, &customer, error) &&
       crm_store_drop_unused_tags (self, error) &&
       crm_store_refresh_stats (self, *id, error) &&
       crm_store_rank_customers (self, error);

  if (!crm_store_release (self, ok, error))
    return FALSE;

  crm_store_emit_changed (self, CRM_STORE_CHANGE_CUSTOMERS | CRM_STORE_CHANGE_SEGMENTS, *id);
  return TRUE;
}

/* The bulk writer */

struct _CrmImportWriter
{
  CrmStore   *store;
  GHashTable *tag_ids;   /* as tag_id() caches them */
  gint64      now;
  gboolean    wrote;
};

CrmImportWriter *
crm_import_writer_new (CrmStore *store)
{
  CrmImportWriter *writer = g_new0 (CrmImportWriter, 1);

  writer->store = g_object_ref (store);
  writer->tag_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  writer->now = crm_store_now (store);
  return writer;
}

void
crm_import_writer_free (CrmImportWriter *writer)
{
  if (writer == NULL)
    return;

  g_object_unref (writer->store);
  g_hash_table_unref (writer->tag_ids);
  g_free (writer);
}

/**
 * crm_import_writer_add_customer:
 * @customer: cleaned by crm_store_clean_customer()
 *
 * Returns: the new customer's id, or 0 with @error set
 */
gint64
crm_import_writer_add_customer (CrmImportWriter          *writer,
                                const CrmImportCustomer  *customer,
                                GError                  **error)
{
  gint64 id = 0;

  if (!crm_store_count_row (writer->store, error) ||
      !write_row (writer->store, &id, TRUE, customer, writer->now, error) ||
      !add_tags (writer->store, writer->tag_ids, id, customer, error))
    return 0;

  writer->wrote = TRUE;
  return id;
}

/**
 * crm_import_writer_update_customer:
 * @customer: the customer's complete new state (a merge result)
 *
 * Rewrites the fields and adds tags; tags the customer had stay.
 */
gboolean
crm_import_writer_update_customer (CrmImportWriter          *writer,
                                   gint64                    id,
                                   const CrmImportCustomer  *customer,
                                   GError                  **error)
{
  if (!crm_store_count_row (writer->store, error) ||
      !write_row (writer->store, &id, FALSE, customer, writer->now, error) ||
      !add_tags (writer->store, writer->tag_ids, id, customer, error))
    return FALSE;

  writer->wrote = TRUE;
  return TRUE;
}

/**
 * crm_import_writer_finish:
 *
 * Drops tags nobody uses any more, asks for the figures to be rebuilt at
 * commit (once for all rows) and queues the "changed" signal.
 */
gboolean
crm_import_writer_finish (CrmImportWriter  *writer,
                          GError          **error)
{
  if (!writer->wrote)
    return TRUE;

  /* Inside crm_store_begin() this only marks the figures for a rebuild
   * at commit. */
  if (!crm_store_drop_unused_tags (writer->store, error) ||
      !crm_store_refresh_stats (writer->store, 0, error))
    return FALSE;

  crm_store_emit_changed (writer->store, CRM_STORE_CHANGE_CUSTOMERS | CRM_STORE_CHANGE_SEGMENTS, 0);
  return TRUE;
}

/**
 * crm_store_restore_customer:
 * @id: the id the customer had
 * @customer: everything they had, as crm_import_load_customer() read it
 *
 * Puts back a customer who was removed (a merge undone), under their old
 * id, with their times and tags. Their purchases and the rest are the
 * caller's to move back.
 */
gboolean
crm_store_restore_customer (CrmStore                 *self,
                            gint64                    id,
                            const CrmImportCustomer  *customer,
                            GError                  **error)
{
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);

  if (!crm_store_savepoint (self, error))
    return FALSE;

  ok = write_row (self, &id, TRUE, customer, crm_store_now (self), error) &&
       add_tags (self, NULL, id, customer, error) &&
       crm_store_refresh_stats (self, id, error) &&
       crm_store_rank_customers (self, error);

  if (!crm_store_release (self, ok, error))
    return FALSE;

  crm_store_emit_changed (self, CRM_STORE_CHANGE_CUSTOMERS | CRM_STORE_CHANGE_SEGMENTS, id);
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
  customer->language = crm_stmt_dup_text (stmt, 18);
  customer->channel = crm_stmt_dup_text (stmt, 19);
  customer->telegram = crm_stmt_dup_text (stmt, 20);
  customer->marketing_consent = crm_stmt_column_int (stmt, 21) != 0;
  customer->consent_date = crm_stmt_dup_text (stmt, 22);
  customer->consent_source = crm_stmt_dup_text (stmt, 23);
  customer->rfm_group = crm_stmt_dup_text (stmt, 24);
  customer->rfm_recency = (guint) crm_stmt_column_int (stmt, 25);
  customer->rfm_frequency = (guint) crm_stmt_column_int (stmt, 26);
  customer->rfm_money = (guint) crm_stmt_column_int (stmt, 27);
  customer->rfm_bands = (guint) crm_stmt_column_int (stmt, 28);
  if (customer->total_purchases >= 2)
    customer->usual_interval = (customer->last_purchase_at - customer->first_purchase_at) /
                               (customer->total_purchases - 1);
}

/* Columns in the order customer_from_row reads them; ?9 is now and ?10
 * the at-risk fallback in days, as crm_store_at_risk_sql expects. */
#define CUSTOMER_COLUMNS \
  "c.id, c.name, c.phone, c.email, c.address, " CRM_STORE_BIRTHDAY_SQL ", c.notes, " \
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

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  if (g_once_init_enter (&sql))
    g_once_init_leave (&sql, g_strconcat ("SELECT " CUSTOMER_COLUMNS, crm_store_at_risk_sql,
                                          ", c.language, c.channel, c.telegram, "
                                          "c.marketing_consent, coalesce (c.consent_date, ''), "
                                          "c.consent_source"
                                          ", coalesce (s.rfm_group, ''), coalesce (s.rfm_r, 0), "
                                          "coalesce (s.rfm_f, 0), coalesce (s.rfm_m, 0), "
                                          "coalesce (s.rfm_bands, 0)"
                                          " FROM customers c "
                                          "LEFT JOIN customer_stats s ON s.customer_id = c.id "
                                          "WHERE c.id = ?1",
                                          NULL));

  /* What each share is of, once per change of the figures. */
  if (self->revenue_total < 0)
    crm_store_read_revenue_total (self, NULL);

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
      gboolean key_override;

      customer = g_object_new (CRM_TYPE_CUSTOMER, NULL);
      customer_from_row (customer, stmt);
      customer->revenue_total = MAX (self->revenue_total, 0);
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
       crm_store_drop_unused_tags (self, error) &&
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

