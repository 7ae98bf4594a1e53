/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The reads an import plan makes, and the customer record every import
 * fills in: loading a stored customer for a merge, the index of every
 * customer's phone, e-mail and name that finds duplicates and buyers with
 * a lookup per row, and a count of purchases already recorded. The
 * writing is in crm-store-customers.c, beside the form's. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <string.h>

#include "crm-store-import.h"
#include "crm-store-loyalty-private.h"
#include "crm-store-private.h"
#include "crm-text.h"

/* The customer record */

void
crm_import_customer_init (CrmImportCustomer *customer)
{
  memset (customer, 0, sizeof *customer);
  customer->tags = g_ptr_array_new_with_free_func (g_free);
}

void
crm_import_customer_clear (CrmImportCustomer *customer)
{
  g_clear_pointer (&customer->name, g_free);
  g_clear_pointer (&customer->phone, g_free);
  g_clear_pointer (&customer->email, g_free);
  g_clear_pointer (&customer->address, g_free);
  g_clear_pointer (&customer->birthday, g_free);
  g_clear_pointer (&customer->notes, g_free);
  g_clear_pointer (&customer->tags, g_ptr_array_unref);
  g_clear_pointer (&customer->segment_override, g_free);
  g_clear_pointer (&customer->language, g_free);
  g_clear_pointer (&customer->channel, g_free);
  g_clear_pointer (&customer->telegram, g_free);
  g_clear_pointer (&customer->consent_date, g_free);
  g_clear_pointer (&customer->consent_source, g_free);
}

/* One on the heap, for lists of them. */
CrmImportCustomer *
crm_import_customer_new (void)
{
  CrmImportCustomer *customer = g_new0 (CrmImportCustomer, 1);

  crm_import_customer_init (customer);
  return customer;
}

void
crm_import_customer_free (gpointer customer)
{
  if (customer == NULL)
    return;

  crm_import_customer_clear (customer);
  g_free (customer);
}

static gboolean
has_tag (const CrmImportCustomer *customer,
         const char              *tag)
{
  /* Tag names are compared as SQLite's NOCASE and lower() do: ASCII only. */
  for (guint i = 0; i < customer->tags->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (customer->tags, i), tag) == 0)
      return TRUE;

  return FALSE;
}

void
crm_import_customer_add_tag (CrmImportCustomer *customer,
                             const char        *tag)
{
  if (tag != NULL && tag[0] != '\0' && !has_tag (customer, tag))
    g_ptr_array_add (customer->tags, g_strdup (tag));
}

static gboolean
fill (char       **into,
      const char  *from)
{
  if ((*into == NULL || (*into)[0] == '\0') && from != NULL && from[0] != '\0')
    {
      g_free (*into);
      *into = g_strdup (from);
      return TRUE;
    }

  return FALSE;
}

/**
 * crm_import_customer_merge:
 *
 * Fills the empty fields of @into from @from and adds the tags it lacks;
 * nothing already there is overwritten.
 *
 * Returns: whether @into changed
 */
gboolean
crm_import_customer_merge (CrmImportCustomer       *into,
                           const CrmImportCustomer *from)
{
  gboolean changed = FALSE;
  guint n_tags = into->tags->len;

  changed |= fill (&into->phone, from->phone);
  changed |= fill (&into->email, from->email);
  changed |= fill (&into->address, from->address);
  changed |= fill (&into->birthday, from->birthday);
  changed |= fill (&into->notes, from->notes);
  changed |= fill (&into->language, from->language);
  changed |= fill (&into->channel, from->channel);
  changed |= fill (&into->telegram, from->telegram);
  /* Consent is never taken away by a merge; a newer "yes" brings its own
   * date and source. */
  if (from->marketing_consent && !into->marketing_consent)
    {
      into->marketing_consent = TRUE;
      g_free (into->consent_date);
      into->consent_date = g_strdup (from->consent_date);
      g_free (into->consent_source);
      into->consent_source = g_strdup (from->consent_source);
      changed = TRUE;
    }

  for (guint i = 0; i < from->tags->len; i++)
    crm_import_customer_add_tag (into, g_ptr_array_index (from->tags, i));

  return changed || into->tags->len != n_tags;
}

/**
 * crm_import_email_key:
 *
 * Returns: (transfer full): the address as compared for duplicates
 */
char *
crm_import_email_key (const char *email)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (email ? email : ""));

  return g_utf8_strdown (trimmed, -1);
}

/* Reads */

static const char *
column_text (CrmStmt *stmt,
             int      column)
{
  const char *text = crm_stmt_column_text (stmt, column);

  return text ? text : "";
}

/**
 * crm_import_load_customer:
 *
 * Loads a stored customer as a record to merge into.
 *
 * Returns: %FALSE if there is no such customer
 */
gboolean
crm_import_load_customer (CrmStore          *store,
                          gint64             id,
                          CrmImportCustomer *customer)
{
  CrmStmt *stmt;
  gboolean found;

  stmt = crm_store_prepare (store,
                            "SELECT name, phone, email, address, coalesce (" CRM_STORE_BIRTHDAY_SQL ", ''), notes, "
                            "  segment_override, coalesce (archived_at, 0), created_at, "
                            "  coalesce (touch_dismissed_at, 0), "
                            "  (SELECT string_agg (t.name, chr (31)) FROM customer_tags ct "
                            "     JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = c.id), "
                            "  language, channel, telegram, marketing_consent, "
                            "  coalesce (consent_date, ''), consent_source "
                            "FROM customers c WHERE id = ?1",
                            NULL);
  if (stmt == NULL)
    return FALSE;

  crm_stmt_bind_int64 (stmt, 1, id);
  found = crm_stmt_step (stmt) == CRM_STMT_ROW;
  if (found)
    {
      const char *tags = crm_stmt_column_text (stmt, 10);

      crm_import_customer_clear (customer);
      crm_import_customer_init (customer);
      customer->name = g_strdup (column_text (stmt, 0));
      customer->phone = g_strdup (column_text (stmt, 1));
      customer->email = g_strdup (column_text (stmt, 2));
      customer->address = g_strdup (column_text (stmt, 3));
      customer->birthday = g_strdup (column_text (stmt, 4));
      customer->notes = g_strdup (column_text (stmt, 5));
      customer->segment_override = crm_stmt_column_is_null (stmt, 6)
        ? NULL : crm_stmt_dup_text (stmt, 6);
      customer->archived_at = crm_stmt_column_int64 (stmt, 7);
      customer->created_at = crm_stmt_column_int64 (stmt, 8);
      customer->touch_dismissed_at = crm_stmt_column_int64 (stmt, 9);
      customer->language = g_strdup (column_text (stmt, 11));
      customer->channel = g_strdup (column_text (stmt, 12));
      customer->telegram = g_strdup (column_text (stmt, 13));
      customer->marketing_consent = crm_stmt_column_int (stmt, 14) != 0;
      customer->consent_date = g_strdup (column_text (stmt, 15));
      customer->consent_source = g_strdup (column_text (stmt, 16));
      if (tags != NULL)
        {
          g_auto(GStrv) names = g_strsplit (tags, "\x1f", -1);

          for (guint i = 0; names[i] != NULL; i++)
            crm_import_customer_add_tag (customer, names[i]);
        }
    }
  crm_stmt_reset (stmt);

  return found;
}

/**
 * crm_store_dup_customer_name:
 *
 * Returns: (transfer full): the customer's name, "" if there is none
 */
char *
crm_store_dup_customer_name (CrmStore *store,
                             gint64    id)
{
  CrmStmt *stmt = crm_store_prepare (store, "SELECT name FROM customers WHERE id = ?1", NULL);
  char *name = NULL;

  if (stmt == NULL)
    return g_strdup ("");

  crm_stmt_bind_int64 (stmt, 1, id);
  if (crm_stmt_step (stmt) == CRM_STMT_ROW)
    name = crm_stmt_dup_text (stmt, 0);
  crm_stmt_reset (stmt);

  return name != NULL ? name : g_strdup ("");
}

/**
 * crm_store_dup_purchase_keys:
 *
 * Returns: (transfer full) (element-type CrmPurchaseKey): the time and
 *   amount of every purchase of the customer (what makes a sales import
 *   safe to repeat), read in one go rather than asked row by row
 */
GArray *
crm_store_dup_purchase_keys (CrmStore *store,
                             gint64    customer_id)
{
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (CrmPurchaseKey));
  CrmStmt *stmt = crm_store_prepare (store, "SELECT at, amount FROM purchases WHERE customer_id = ?1", NULL);

  if (stmt == NULL)
    return keys;

  crm_stmt_bind_int64 (stmt, 1, customer_id);
  while (crm_stmt_step (stmt) == CRM_STMT_ROW)
    {
      CrmPurchaseKey key = { crm_stmt_column_int64 (stmt, 0), crm_stmt_column_int64 (stmt, 1) };

      g_array_append_val (keys, key);
    }
  crm_stmt_reset (stmt);

  return keys;
}

/**
 * crm_store_write_purchase:
 * @fields: a customer of the store (the plan found or made them), the
 *   bill, and the loyalty points spent on it
 * @loyalty: the programme's settings, read once by the caller
 *
 * The one INSERT of a purchase, with what points took off and the points
 * it earns (crm-store-loyalty.c): crm_store_record_purchase() wraps it in
 * its savepoint and brings the figures up to date; an import inside
 * crm_store_begin() calls it row by row and crm_store_write_purchases_done()
 * once, so that the figures are rebuilt at commit.
 *
 * Returns: the purchase's id, or 0 with @error set
 */
gint64
crm_store_write_purchase (CrmStore                  *store,
                          const CrmPurchaseFields   *fields,
                          const CrmLoyaltySettings  *loyalty,
                          GError                   **error)
{
  g_autofree char *text = crm_text_clean (fields->description, CRM_STORE_MAX_FIELD);
  gint64 discount = 0;
  gint64 id;
  CrmStmt *stmt;

  /* A row of a job's bulk write: its progress, and where Cancel stops. */
  if (!crm_store_count_row (store, error) ||
      !crm_store_loyalty_price (store, loyalty, fields->amount, fields->points, 0, &discount, error))
    return 0;

  stmt = crm_store_prepare (store,
                            "INSERT INTO purchases (customer_id, at, amount, description, created_at, staff_id, "
                            "  discount, earns) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                            error);
  if (stmt == NULL)
    return 0;

  crm_stmt_bind_int64 (stmt, 1, fields->customer_id);
  crm_stmt_bind_int64 (stmt, 2, fields->at);
  crm_stmt_bind_int64 (stmt, 3, fields->amount - discount);
  crm_stmt_bind_text (stmt, 4, text);
  crm_stmt_bind_int64 (stmt, 5, crm_store_now (store));
  crm_store_bind_acting_staff (store, stmt, 6);
  crm_stmt_bind_int64 (stmt, 7, discount);
  crm_stmt_bind_int (stmt, 8, loyalty->enabled ? 1 : 0);
  if (!crm_store_step_done (store, stmt, "write", error))
    return 0;
  id = crm_store_last_insert_id (store);

  /* Points follow the segment the customer had before this purchase;
   * with the programme off there is nothing to write. */
  if (loyalty->enabled &&
      !crm_store_loyalty_settle (store, loyalty, id, fields->points, FALSE, fields->at, error))
    return 0;

  return id;
}

/* After crm_store_write_purchase(): every figure rebuilt at commit, and
 * one "changed" signal. */
gboolean
crm_store_write_purchases_done (CrmStore  *store,
                                 GError   **error)
{
  if (!crm_store_refresh_stats (store, 0, error))
    return FALSE;

  crm_store_emit_changed (store, CRM_STORE_CHANGE_PURCHASES | CRM_STORE_CHANGE_SEGMENTS | CRM_STORE_CHANGE_LOYALTY, 0);
  return TRUE;
}

/**
 * crm_import_store_generation:
 *
 * Changes whenever this connection writes a row or another connection
 * commits, so a plan made earlier can tell whether it still holds.
 */
gint64
crm_import_store_generation (CrmStore *store)
{
  return crm_store_get_generation (store);
}

/* The index of existing customers */

static void
index_insert (GHashTable *table,
              const char *key,
              gint64      id)
{
  if (key != NULL && key[0] != '\0' && !g_hash_table_contains (table, key))
    g_hash_table_insert (table, g_strdup (key), GSIZE_TO_POINTER ((gsize) id));
}

/* A name several customers share finds nobody: -1. */
static void
index_insert_name (CrmCustomerIndex *index,
                   const char       *name_key,
                   gint64            id)
{
  if (name_key[0] == '\0')
    return;

  if (g_hash_table_contains (index->by_name, name_key))
    id = -1;
  g_hash_table_insert (index->by_name, g_strdup (name_key), GSIZE_TO_POINTER ((gsize) id));
}

gint64
crm_customer_index_lookup (GHashTable *table,
                           const char *key)
{
  gpointer value;

  if (table == NULL || key == NULL || key[0] == '\0' ||
      !g_hash_table_lookup_extended (table, key, NULL, &value))
    return 0;

  return (gint64) (gssize) GPOINTER_TO_SIZE (value);
}

void
crm_customer_index_add (CrmCustomerIndex *index,
                        gint64            id,
                        const char       *name,
                        const char       *phone_key,
                        const char       *email_key)
{
  index_insert (index->by_phone, phone_key, id);
  index_insert (index->by_email, email_key, id);

  if (index->by_name != NULL && name != NULL)
    {
      g_autofree char *name_key = crm_text_fold (name);

      index_insert_name (index, name_key, id);
    }

  if (index->names != NULL && name != NULL)
    g_hash_table_insert (index->names, g_memdup2 (&id, sizeof id), g_strdup (name));
}

/**
 * crm_customer_index_load:
 * @with_names: also index folded names and keep every name (sales)
 *
 * Active customers come first, so a key two customers share points to
 * the active one, then to the older one.
 */
gboolean
crm_customer_index_load (CrmCustomerIndex  *index,
                         CrmStore          *store,
                         gboolean           with_names,
                         GError           **error)
{
  CrmStmt *stmt;
  CrmStmtResult rc;

  memset (index, 0, sizeof *index);
  index->by_phone = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->by_email = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (with_names)
    {
      index->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      index->names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
    }

  stmt = crm_store_prepare (store,
                            "SELECT id, phone_key, email, name_key, name FROM customers "
                            "ORDER BY archived_at IS NOT NULL, id",
                            error);
  if (stmt == NULL)
    {
      crm_customer_index_clear (index);
      return FALSE;
    }

  while ((rc = crm_stmt_step (stmt)) == CRM_STMT_ROW)
    {
      gint64 id = crm_stmt_column_int64 (stmt, 0);
      const char *email = column_text (stmt, 2);

      index_insert (index->by_phone, column_text (stmt, 1), id);
      if (email[0] != '\0')
        {
          g_autofree char *email_key = crm_import_email_key (email);

          index_insert (index->by_email, email_key, id);
        }

      if (with_names)
        {
          index_insert_name (index, column_text (stmt, 3), id);
          g_hash_table_insert (index->names, g_memdup2 (&id, sizeof id), g_strdup (column_text (stmt, 4)));
        }
    }
  crm_stmt_reset (stmt);

  if (rc != CRM_STMT_DONE)
    {
      crm_store_set_sql_error (error, store, "customers");
      crm_customer_index_clear (index);
      return FALSE;
    }

  return TRUE;
}

void
crm_customer_index_clear (CrmCustomerIndex *index)
{
  g_clear_pointer (&index->by_phone, g_hash_table_unref);
  g_clear_pointer (&index->by_email, g_hash_table_unref);
  g_clear_pointer (&index->by_name, g_hash_table_unref);
  g_clear_pointer (&index->names, g_hash_table_unref);
}
