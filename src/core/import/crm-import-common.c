/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What every import shares: reading a file within the limits, cleaning a
 * customer the way the store does, the index of existing customers that
 * finds duplicates, and the writer that stores thousands of customers in
 * one transaction at the speed of plain INSERTs. */

#define G_LOG_DOMAIN "crm-import"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "crm-csv.h"
#include "crm-import-private.h"
#include "crm-text.h"

G_DEFINE_QUARK (crm-import-error-quark, crm_import_error)

/* How much is read from a stream at a time. */
#define READ_CHUNK (256 * 1024)

/**
 * crm_import_load_file:
 *
 * Reads a whole file, refusing one bigger than %CRM_IMPORT_MAX_FILE_BYTES
 * without reading further (a pipe or a growing file included).
 *
 * Returns: (transfer full): the contents, or %NULL with @error set
 */
GBytes *
crm_import_load_file (GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  for (;;)
    {
      g_autoptr(GBytes) chunk = g_input_stream_read_bytes (G_INPUT_STREAM (stream), READ_CHUNK,
                                                           cancellable, error);
      gsize length;
      gconstpointer bytes;

      if (chunk == NULL)
        return NULL;

      bytes = g_bytes_get_data (chunk, &length);
      if (length == 0)
        break;

      if (data->len + length > CRM_IMPORT_MAX_FILE_BYTES)
        {
          g_autofree char *name = g_file_get_basename (file);

          g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_TOO_LARGE,
                       _("“%s” is larger than %u MB. Split it into smaller files "
                         "and import them one after the other."),
                       name, (guint) (CRM_IMPORT_MAX_FILE_BYTES / (1024 * 1024)));
          return NULL;
        }
      g_byte_array_append (data, bytes, (guint) length);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/**
 * crm_import_guess_format:
 * @file_name: (nullable): the file's name, for its extension
 *
 * By extension (.vcf .vcard, .json, .csv .tsv .txt), else by the first
 * bytes: "BEGIN:VCARD" is a vCard, "{" an archive, anything else CSV.
 */
CrmImportFormat
crm_import_guess_format (const char *file_name,
                         GBytes     *bytes)
{
  g_autofree char *lower = file_name ? g_ascii_strdown (file_name, -1) : NULL;
  const char *data = NULL;
  gsize length = 0;

  if (lower != NULL)
    {
      if (g_str_has_suffix (lower, ".vcf") || g_str_has_suffix (lower, ".vcard"))
        return CRM_IMPORT_FORMAT_VCARD;
      if (g_str_has_suffix (lower, ".json"))
        return CRM_IMPORT_FORMAT_ARCHIVE;
      if (g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".tsv") ||
          g_str_has_suffix (lower, ".txt"))
        return CRM_IMPORT_FORMAT_CSV;
    }

  if (bytes != NULL)
    data = g_bytes_get_data (bytes, &length);

  if (data != NULL && length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  while (data != NULL && length > 0 && g_ascii_isspace (*data))
    {
      data++;
      length--;
    }

  if (data != NULL && length >= 11 && g_ascii_strncasecmp (data, "BEGIN:VCARD", 11) == 0)
    return CRM_IMPORT_FORMAT_VCARD;
  if (data != NULL && length >= 1 && data[0] == '{')
    return CRM_IMPORT_FORMAT_ARCHIVE;

  return CRM_IMPORT_FORMAT_CSV;
}

/* Customers */

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
}

static gboolean
has_tag (const CrmImportCustomer *customer,
         const char              *tag)
{
  /* The tags table compares names with NOCASE, which folds ASCII only. */
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

gboolean
crm_import_valid_birthday (const char *text)
{
  guint y, m, d;
  char extra;

  return text != NULL && strlen (text) == 10 &&
         sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &extra) == 3 &&
         text[4] == '-' && text[7] == '-' &&
         g_ascii_isdigit (text[5]) && g_ascii_isdigit (text[8]) &&
         g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y) &&
         y >= 1900;
}

/* crm_text_clean() builds its result a character at a time. Most fields
 * of a file are already clean (valid, no control characters, nothing to
 * trim, short enough): those are only copied, with the same result. */
static char *
clean_text (const char *text,
            gsize       max_chars)
{
  gsize n_chars = 0;
  gsize length;

  if (text == NULL || text[0] == '\0')
    return g_strdup ("");

  length = strlen (text);
  if (g_ascii_isspace (text[0]) || g_ascii_isspace (text[length - 1]) ||
      !g_utf8_validate_len (text, length, NULL))
    return crm_text_clean (text, max_chars);

  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      /* C0 controls but tab and newline, DEL, C1 controls (U+0080–U+009F). */
      if ((*p < 0x20 && *p != '\t' && *p != '\n') || *p == 0x7F ||
          (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F))
        return crm_text_clean (text, max_chars);
      if ((*p & 0xC0) != 0x80)
        n_chars++;
    }

  if (max_chars > 0 && n_chars > max_chars)
    return crm_text_clean (text, max_chars);

  return g_strdup (text);
}

static void
replace_clean (char  **field,
               gsize   max_chars)
{
  char *clean = clean_text (*field, max_chars);

  g_free (*field);
  *field = clean;
}

/**
 * crm_import_customer_clean:
 *
 * Cleans the fields as the store's customer form does (same limits, same
 * checks), so an imported customer is one the form could have saved.
 *
 * Returns: %FALSE with @error saying, for people, what is wrong
 */
gboolean
crm_import_customer_clean (CrmImportCustomer  *customer,
                           GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) tags = customer->tags;

  replace_clean (&customer->name, CRM_IMPORT_MAX_NAME);
  replace_clean (&customer->phone, CRM_IMPORT_MAX_FIELD);
  replace_clean (&customer->email, CRM_IMPORT_MAX_FIELD);
  replace_clean (&customer->address, CRM_IMPORT_MAX_FIELD);
  replace_clean (&customer->birthday, 10 + 1);
  replace_clean (&customer->notes, CRM_IMPORT_MAX_NOTES);
  g_strdelimit (customer->name, "\n\t", ' ');
  g_strdelimit (customer->phone, "\n\t", ' ');
  g_strdelimit (customer->email, "\n\t", ' ');

  customer->tags = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; tags != NULL && i < tags->len; i++)
    {
      g_autofree char *tag = clean_text (g_ptr_array_index (tags, i), CRM_IMPORT_MAX_TAG);

      g_strdelimit (tag, "\n\t,", ' ');
      g_strstrip (tag);
      crm_import_customer_add_tag (customer, tag);
    }

  if (customer->name[0] == '\0')
    {
      g_set_error_literal (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_INVALID,
                           _("There is no name."));
      return FALSE;
    }

  if (!crm_text_check_phone (customer->phone, &local_error))
    {
      g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_INVALID,
                   _("Phone “%s”: %s"), customer->phone, local_error->message);
      return FALSE;
    }

  if (!crm_text_check_email (customer->email, &local_error))
    {
      g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_INVALID,
                   _("E-mail “%s”: %s"), customer->email, local_error->message);
      return FALSE;
    }

  if (customer->birthday[0] != '\0' && !crm_import_valid_birthday (customer->birthday))
    {
      g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_INVALID,
                   _("Birthday “%s” is not a date; write it as year-month-day, for example 1990-05-31."),
                   customer->birthday);
      return FALSE;
    }

  if (customer->segment_override != NULL &&
      !g_str_equal (customer->segment_override, "key") &&
      !g_str_equal (customer->segment_override, "secondary"))
    g_clear_pointer (&customer->segment_override, g_free);

  return TRUE;
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

/* Loading one stored customer, for a merge */

static const char *
column_text (CrmStmt *stmt,
             int           column)
{
  const char *text = crm_stmt_column_text (stmt, column);

  return text ? text : "";
}

gboolean
crm_import_load_customer (CrmStore          *store,
                          gint64             id,
                          CrmImportCustomer *customer)
{
  CrmStmt *stmt;
  gboolean found;

  stmt = crm_store_prepare (store,
                            "SELECT name, phone, email, address, coalesce (birthday, ''), notes, "
                            "  segment_override, coalesce (archived_at, 0), created_at, "
                            "  coalesce (touch_dismissed_at, 0), "
                            "  (SELECT string_agg (t.name, chr (31)) FROM customer_tags ct "
                            "     JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = c.id) "
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
        ? NULL : g_strdup (column_text (stmt, 6));
      customer->archived_at = crm_stmt_column_int64 (stmt, 7);
      customer->created_at = crm_stmt_column_int64 (stmt, 8);
      customer->touch_dismissed_at = crm_stmt_column_int64 (stmt, 9);
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

/* The writer */

struct _CrmImportWriter
{
  CrmStore   *store;
  GHashTable *tag_ids;   /* ASCII-lower-cased name → gint64 * */
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

static gboolean
step_done (CrmStore      *store,
           CrmStmt  *stmt,
           GError       **error)
{
  int rc = crm_stmt_step (stmt);

  crm_stmt_reset (stmt);
  if (rc != CRM_STMT_DONE)
    {
      crm_store_set_sql_error (error, store, "import");
      return FALSE;
    }

  return TRUE;
}

static void
bind_text (CrmStmt *stmt,
           int           index,
           const char   *text)
{
  crm_stmt_bind_text (stmt, index, text ? text : "");
}

static void
bind_text_or_null (CrmStmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text == NULL || text[0] == '\0')
    crm_stmt_bind_null (stmt, index);
  else
    crm_stmt_bind_text (stmt, index, text);
}

static void
bind_time_or_null (CrmStmt *stmt,
                   int           index,
                   gint64        time)
{
  if (time == 0)
    crm_stmt_bind_null (stmt, index);
  else
    crm_stmt_bind_int64 (stmt, index, time);
}

/* The folded text search reads: as update_search_keys in the store
 * builds it, name, e-mail, notes and tags. Folding works character by
 * character and runs of spaces become one, so the name's fold (the sort
 * key, computed anyway) is reused and only the rest is folded here. */
static char *
search_text (const CrmImportCustomer *customer,
             const char              *name_key)
{
  GString *rest = g_string_new (customer->email);
  g_autofree char *folded = NULL;

  g_string_append_c (rest, ' ');
  g_string_append (rest, customer->notes);
  for (guint i = 0; i < customer->tags->len; i++)
    {
      g_string_append_c (rest, ' ');
      g_string_append (rest, g_ptr_array_index (customer->tags, i));
    }

  folded = crm_text_fold (rest->str);
  g_string_free (rest, TRUE);

  if (name_key[0] == '\0')
    return g_steal_pointer (&folded);
  if (folded[0] == '\0')
    return g_strdup (name_key);
  return g_strconcat (name_key, " ", folded, NULL);
}

static gint64
tag_id (CrmImportWriter  *writer,
        const char       *name,
        GError          **error)
{
  g_autofree char *key = g_ascii_strdown (name, -1);
  gint64 *cached = g_hash_table_lookup (writer->tag_ids, key);
  CrmStmt *stmt;
  gint64 id = 0;

  if (cached != NULL)
    return *cached;

  stmt = crm_store_prepare (writer->store, "SELECT id FROM tags WHERE name = ?1", error);
  if (stmt == NULL)
    return 0;
  bind_text (stmt, 1, name);
  if (crm_stmt_step (stmt) == CRM_STMT_ROW)
    id = crm_stmt_column_int64 (stmt, 0);
  crm_stmt_reset (stmt);

  if (id == 0)
    {
      stmt = crm_store_prepare (writer->store, "INSERT INTO tags (name) VALUES (?1)", error);
      if (stmt == NULL)
        return 0;
      bind_text (stmt, 1, name);
      if (!step_done (writer->store, stmt, error))
        return 0;
      id = crm_store_last_insert_id (writer->store);
    }

  g_hash_table_insert (writer->tag_ids, g_steal_pointer (&key), g_memdup2 (&id, sizeof id));
  return id;
}

static gboolean
write_tags (CrmImportWriter          *writer,
            gint64                    customer_id,
            const CrmImportCustomer  *customer,
            GError                  **error)
{
  for (guint i = 0; i < customer->tags->len; i++)
    {
      gint64 id = tag_id (writer, g_ptr_array_index (customer->tags, i), error);
      CrmStmt *stmt;

      if (id == 0)
        return FALSE;

      stmt = crm_store_prepare (writer->store,
                                "INSERT INTO customer_tags (customer_id, tag_id) VALUES (?1, ?2) "
                                "ON CONFLICT DO NOTHING",
                                error);
      if (stmt == NULL)
        return FALSE;
      crm_stmt_bind_int64 (stmt, 1, customer_id);
      crm_stmt_bind_int64 (stmt, 2, id);
      if (!step_done (writer->store, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * crm_import_writer_add_customer:
 * @customer: cleaned by crm_import_customer_clean()
 *
 * Returns: the new customer's id, or 0 with @error set
 */
gint64
crm_import_writer_add_customer (CrmImportWriter          *writer,
                                const CrmImportCustomer  *customer,
                                GError                  **error)
{
  g_autofree char *name_key = crm_text_fold (customer->name);
  g_autofree char *search = search_text (customer, name_key);
  g_autofree char *phone_key = crm_text_phone_key (customer->phone);
  CrmStmt *stmt;
  gint64 id;

  stmt = crm_store_prepare (writer->store,
                            "INSERT INTO customers (name, phone, email, address, birthday, notes, "
                            "  segment_override, archived_at, created_at, updated_at, "
                            "  name_key, search_text, phone_key, touch_dismissed_at, "
                            "  name_key_en, name_key_ka, name_key_hy) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                            "  ?15, ?16, ?17)",
                            error);
  if (stmt == NULL)
    return 0;

  bind_text (stmt, 1, customer->name);
  bind_text (stmt, 2, customer->phone);
  bind_text (stmt, 3, customer->email);
  bind_text (stmt, 4, customer->address);
  bind_text_or_null (stmt, 5, customer->birthday);
  bind_text (stmt, 6, customer->notes);
  bind_text_or_null (stmt, 7, customer->segment_override);
  bind_time_or_null (stmt, 8, customer->archived_at);
  crm_stmt_bind_int64 (stmt, 9, customer->created_at != 0 ? customer->created_at : writer->now);
  crm_stmt_bind_int64 (stmt, 10, writer->now);
  bind_text (stmt, 11, name_key);
  bind_text (stmt, 12, search);
  bind_text (stmt, 13, phone_key);
  bind_time_or_null (stmt, 14, customer->touch_dismissed_at);
  crm_store_bind_name_keys (stmt, 15, name_key);
  if (!step_done (writer->store, stmt, error))
    return 0;

  id = crm_store_last_insert_id (writer->store);
  if (!write_tags (writer, id, customer, error))
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
  g_autofree char *name_key = crm_text_fold (customer->name);
  g_autofree char *search = search_text (customer, name_key);
  g_autofree char *phone_key = crm_text_phone_key (customer->phone);
  CrmStmt *stmt;

  stmt = crm_store_prepare (writer->store,
                            "UPDATE customers SET name = ?2, phone = ?3, email = ?4, address = ?5, "
                            "  birthday = ?6, notes = ?7, updated_at = ?8, name_key = ?9, "
                            "  search_text = ?10, phone_key = ?11, "
                            "  name_key_en = ?12, name_key_ka = ?13, name_key_hy = ?14 "
                            "WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;

  crm_stmt_bind_int64 (stmt, 1, id);
  bind_text (stmt, 2, customer->name);
  bind_text (stmt, 3, customer->phone);
  bind_text (stmt, 4, customer->email);
  bind_text (stmt, 5, customer->address);
  bind_text_or_null (stmt, 6, customer->birthday);
  bind_text (stmt, 7, customer->notes);
  crm_stmt_bind_int64 (stmt, 8, writer->now);
  bind_text (stmt, 9, name_key);
  bind_text (stmt, 10, search);
  bind_text (stmt, 11, phone_key);
  crm_store_bind_name_keys (stmt, 12, name_key);
  if (!step_done (writer->store, stmt, error) || !write_tags (writer, id, customer, error))
    return FALSE;

  writer->wrote = TRUE;
  return TRUE;
}

/**
 * crm_import_writer_finish:
 *
 * Asks for the figures to be rebuilt at commit (once for all rows) and
 * queues the "changed" signal.
 */
gboolean
crm_import_writer_finish (CrmImportWriter  *writer,
                          GError          **error)
{
  if (!writer->wrote)
    return TRUE;

  /* Inside crm_store_begin() this only marks the figures for a rebuild
   * at commit. */
  if (!crm_store_refresh_stats (writer->store, 0, error))
    return FALSE;

  crm_store_emit_changed (writer->store, CRM_STORE_CHANGE_CUSTOMERS | CRM_STORE_CHANGE_SEGMENTS, 0);
  return TRUE;
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

      if (name_key[0] != '\0')
        {
          if (g_hash_table_contains (index->by_name, name_key))
            g_hash_table_insert (index->by_name, g_steal_pointer (&name_key), GSIZE_TO_POINTER ((gsize) -1));
          else
            g_hash_table_insert (index->by_name, g_steal_pointer (&name_key), GSIZE_TO_POINTER ((gsize) id));
        }
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
  int rc;

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
    return FALSE;

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
          const char *name_key = column_text (stmt, 3);

          if (name_key[0] != '\0')
            {
              if (g_hash_table_contains (index->by_name, name_key))
                g_hash_table_insert (index->by_name, g_strdup (name_key), GSIZE_TO_POINTER ((gsize) -1));
              else
                g_hash_table_insert (index->by_name, g_strdup (name_key), GSIZE_TO_POINTER ((gsize) id));
            }
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

/* Texts from files */

char *
crm_import_header_key (const char *header)
{
  g_autofree char *folded = crm_text_fold (header);
  GString *out = g_string_sized_new (strlen (folded));
  gboolean space = FALSE;
  gboolean digits = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        {
          if (!digits)
            {
              if (out->len > 0)
                g_string_append_c (out, ' ');
              g_string_append_c (out, '#');
            }
          digits = TRUE;
          space = TRUE;
          continue;
        }

      digits = FALSE;
      if (g_unichar_isalpha (c) || g_unichar_ismark (c))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
      else
        space = TRUE;
    }

  return g_string_free (out, FALSE);
}

char *
crm_import_cell_text (const char *cell)
{
  if (cell == NULL)
    return g_strdup ("");

  if (cell[0] == '\'' && cell[1] != '\0' && strchr ("=+-@\t\r", cell[1]) != NULL)
    cell++;

  return g_strstrip (g_strdup (cell));
}

static gboolean
read_number (const char **p,
             guint        max_digits,
             int         *value,
             guint       *n_digits)
{
  guint n = 0;
  int v = 0;

  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      v = v * 10 + (**p - '0');
      (*p)++;
      n++;
    }

  *value = v;
  if (n_digits != NULL)
    *n_digits = n;
  return n > 0;
}

/**
 * crm_import_parse_date:
 * @day_first_only: %FALSE to read 05/31/1990 as May 31 when the day-first
 *   reading is impossible (Outlook's birthdays)
 * @has_time: (out): whether a time followed the date
 *
 * Reads 2026-05-31, 20260531, 31.05.2026, 31/05/2026, 31-05-2026, with an
 * optional time after a space or "T" (10:30, 10:30:15, 10:30:15.123) and an
 * optional "Z" or offset, which is ignored: tills write local time.
 */
gboolean
crm_import_parse_date (const char *text,
                       gboolean    day_first_only,
                       int        *year,
                       int        *month,
                       int        *day,
                       int        *hour,
                       int        *minute,
                       int        *second,
                       gboolean   *has_time)
{
  const char *p = text;
  int a, b, c;
  guint digits_a, digits_c;
  char separator;

  *hour = *minute = *second = 0;
  *has_time = FALSE;

  if (p == NULL)
    return FALSE;
  while (*p == ' ')
    p++;

  if (!read_number (&p, 8, &a, &digits_a))
    return FALSE;

  if (digits_a == 8 && !g_ascii_isdigit (*p))
    {
      *year = a / 10000;
      *month = a / 100 % 100;
      *day = a % 100;
    }
  else
    {
      if (digits_a > 4 || (*p != '-' && *p != '.' && *p != '/'))
        return FALSE;
      separator = *p++;
      if (!read_number (&p, 2, &b, NULL) || *p != separator)
        return FALSE;
      p++;
      if (!read_number (&p, 4, &c, &digits_c))
        return FALSE;

      if (digits_a == 4)
        {
          *year = a;
          *month = b;
          *day = c;
          if (digits_c > 2)
            return FALSE;
        }
      else
        {
          if (digits_c != 4)
            return FALSE;
          *year = c;
          *month = b;
          *day = a;
          if (!day_first_only && b > 12 && a <= 12)
            {
              *month = a;
              *day = b;
            }
        }
    }

  /* A time, after "T", a space or ", ". */
  if (*p == 'T' || *p == 't' || *p == ' ' || *p == ',')
    {
      const char *q = p;

      if (*q == ',')
        q++;
      while (*q == ' ' || *q == 'T' || *q == 't')
        q++;

      if (g_ascii_isdigit (*q))
        {
          if (!read_number (&q, 2, hour, NULL) || *q != ':')
            return FALSE;
          q++;
          if (!read_number (&q, 2, minute, NULL))
            return FALSE;
          if (*q == ':')
            {
              q++;
              if (!read_number (&q, 2, second, NULL))
                return FALSE;
              if (*q == '.' || *q == ',')
                {
                  int fraction;

                  q++;
                  if (!read_number (&q, 9, &fraction, NULL))
                    return FALSE;
                }
            }
          *has_time = TRUE;

          while (*q == ' ')
            q++;
          if (*q == 'Z' || *q == 'z')
            q++;
          else if (*q == '+' || *q == '-')
            {
              int offset;

              q++;
              if (!read_number (&q, 4, &offset, NULL))
                return FALSE;
              if (*q == ':')
                {
                  q++;
                  if (!read_number (&q, 2, &offset, NULL))
                    return FALSE;
                }
            }
          p = q;
        }
    }

  while (*p == ' ')
    p++;
  if (*p != '\0')
    return FALSE;

  return *year >= 1900 && *year <= 9999 &&
         g_date_valid_dmy ((GDateDay) *day, (GDateMonth) *month, (GDateYear) *year) &&
         *hour < 24 && *minute < 60 && *second < 60;
}

/* The CSV table */

static gboolean
row_is_blank (guint               n_fields,
              const char * const *fields)
{
  for (guint i = 0; i < n_fields; i++)
    for (const char *p = fields[i]; *p != '\0'; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;

  return TRUE;
}

/**
 * crm_import_table_read:
 *
 * Reads a whole CSV file into rows (blank rows left out), each cell as
 * written. Any error stops the reading: a file is read whole or not at all.
 */
CrmImportTable *
crm_import_table_read (GBytes  *bytes,
                       GError **error)
{
  g_autoptr(CrmCsvReader) reader = crm_csv_reader_new (bytes, error);
  g_autoptr(CrmImportTable) table = NULL;
  g_autoptr(GError) local_error = NULL;
  const char * const *fields;
  guint n_fields;

  if (reader == NULL)
    return NULL;

  table = g_new0 (CrmImportTable, 1);
  table->delimiter = crm_csv_reader_get_delimiter (reader);
  table->rows = g_ptr_array_new_with_free_func (g_free);

  while (crm_csv_reader_read_row (reader, &n_fields, &fields, &local_error))
    {
      CrmImportRawRow *row;
      gsize text_length = 0;
      char *text;

      if (row_is_blank (n_fields, fields))
        continue;

      for (guint i = 0; i < n_fields; i++)
        text_length += strlen (fields[i]) + 1;

      row = g_malloc (sizeof (CrmImportRawRow) + n_fields * sizeof (char *) + text_length);
      row->row = crm_csv_reader_get_row_number (reader);
      row->n_cells = n_fields;
      text = (char *) &row->cells[n_fields];
      for (guint i = 0; i < n_fields; i++)
        {
          gsize length = strlen (fields[i]) + 1;

          memcpy (text, fields[i], length);
          row->cells[i] = text;
          text += length;
        }

      table->n_columns = MAX (table->n_columns, n_fields);
      g_ptr_array_add (table->rows, row);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (table->rows->len == 0)
    {
      g_set_error_literal (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_NO_DATA,
                           _("The file is empty."));
      return NULL;
    }

  return g_steal_pointer (&table);
}

void
crm_import_table_free (CrmImportTable *table)
{
  if (table == NULL)
    return;

  g_ptr_array_unref (table->rows);
  g_free (table);
}

const char *
crm_import_raw_row_cell (const CrmImportRawRow *row,
                         guint                  column)
{
  return column < row->n_cells ? row->cells[column] : "";
}
