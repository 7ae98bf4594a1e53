/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The whole-shop archive of DESIGN.md: one JSON file with the settings,
 * customers, purchases, interactions, follow-ups and feedback. Export
 * reads one consistent snapshot; import checks the entire file before
 * writing anything, then writes it into an empty shop in one transaction.
 * Amounts are decimal strings, times ISO 8601 with their offset. Besides
 * the keys DESIGN.md lists, the export writes a few optional ones
 * (settings, created_at, archived_at, notified_at, snoozed_until, is_read,
 * touch_dismissed_at) so that nothing is lost on the way; readers that do
 * not know them ignore them, as the format asks. docs/import.md lists them. */

#define G_LOG_DOMAIN "crm-archive"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "crm-archive.h"
#include "crm-import-private.h"
#include "crm-money.h"
#include "crm-text.h"

/* Deeper than the format ever goes; json-glib parses recursively, so a
 * hostile file of a million "[" is refused before it is parsed. */
#define MAX_DEPTH        32
#define MAX_TEXT         20000
#define MAX_FIELD        500
#define MAX_REPEAT_DAYS  36500

/* "No time" for the optional times. */
#define NO_TIME G_MININT64

static const char *const interaction_kinds[] = { "call", "visit", "message", "email", "other", NULL };
static const char *const feedback_kinds[] = { "complaint", "praise", "suggestion", "question", NULL };
static const char *const feedback_channels[] = { "in-store", "phone", "email", "social", "other", NULL };
static const char *const feedback_statuses[] = { "new", "in_progress", "resolved", NULL };
static const char *const segment_overrides[] = { "key", "secondary", NULL };

typedef struct
{
  char     *name;
  char     *language;
  gboolean  archived;
  gint64    created_at;
} StaffMember;

/* "staff" below is an index into the archive's staff, -1 for nobody. */
typedef struct
{
  guint   customer;
  gint64  at;
  gint64  amount;
  char   *description;
  gint    staff;
} Purchase;

typedef struct
{
  guint   customer;
  gint64  at;
  char   *kind;
  char   *note;
  gint    staff;
} Interaction;

typedef struct
{
  guint   customer;
  gint64  due_at;
  char   *note;
  gint64  repeat_days;   /* 0: none */
  gint64  done_at;
  gint64  snoozed_until;
  gint64  notified_at;
  gint64  created_at;
} FollowUp;

typedef struct
{
  gint      customer;    /* -1: anonymous */
  gint64    received_at;
  char     *kind;
  gint64    rating;      /* 0: none */
  char     *channel;
  char     *text;
  char     *status;
  gboolean  is_read;
  char     *response;    /* NULL: none */
  gint64    responded_at;
  gint64    resolved_at;
  gint      staff;
} Feedback;

/* Refs of the file to indexes into the archive's arrays. */
typedef struct
{
  GHashTable *customers;
  GHashTable *staff;
} Refs;

struct _CrmArchive
{
  char       *currency;
  char       *shop_name;
  GPtrArray  *settings;       /* key, value, key, value, … */
  GArray     *staff;          /* StaffMember */
  GArray     *customers;      /* CrmImportCustomer */
  GArray     *purchases;      /* Purchase */
  GArray     *interactions;   /* Interaction */
  GArray     *follow_ups;     /* FollowUp */
  GArray     *feedback;       /* Feedback */
};

static void
staff_member_clear (gpointer data)
{
  StaffMember *member = data;

  g_free (member->name);
  g_free (member->language);
}

static void
purchase_clear (gpointer data)
{
  g_free (((Purchase *) data)->description);
}

static void
interaction_clear (gpointer data)
{
  Interaction *interaction = data;

  g_free (interaction->kind);
  g_free (interaction->note);
}

static void
follow_up_clear (gpointer data)
{
  g_free (((FollowUp *) data)->note);
}

static void
feedback_clear (gpointer data)
{
  Feedback *feedback = data;

  g_free (feedback->kind);
  g_free (feedback->channel);
  g_free (feedback->text);
  g_free (feedback->status);
  g_free (feedback->response);
}

static void
customer_clear (gpointer data)
{
  crm_import_customer_clear (data);
}

static CrmArchive *
archive_new (void)
{
  CrmArchive *archive = g_new0 (CrmArchive, 1);

  archive->settings = g_ptr_array_new_with_free_func (g_free);
  archive->staff = g_array_new (FALSE, TRUE, sizeof (StaffMember));
  g_array_set_clear_func (archive->staff, staff_member_clear);
  archive->customers = g_array_new (FALSE, TRUE, sizeof (CrmImportCustomer));
  g_array_set_clear_func (archive->customers, customer_clear);
  archive->purchases = g_array_new (FALSE, TRUE, sizeof (Purchase));
  g_array_set_clear_func (archive->purchases, purchase_clear);
  archive->interactions = g_array_new (FALSE, TRUE, sizeof (Interaction));
  g_array_set_clear_func (archive->interactions, interaction_clear);
  archive->follow_ups = g_array_new (FALSE, TRUE, sizeof (FollowUp));
  g_array_set_clear_func (archive->follow_ups, follow_up_clear);
  archive->feedback = g_array_new (FALSE, TRUE, sizeof (Feedback));
  g_array_set_clear_func (archive->feedback, feedback_clear);
  return archive;
}

void
crm_archive_free (CrmArchive *archive)
{
  if (archive == NULL)
    return;

  g_free (archive->currency);
  g_free (archive->shop_name);
  g_ptr_array_unref (archive->settings);
  g_array_unref (archive->staff);
  g_array_unref (archive->customers);
  g_array_unref (archive->purchases);
  g_array_unref (archive->interactions);
  g_array_unref (archive->follow_ups);
  g_array_unref (archive->feedback);
  g_free (archive);
}

/* The shop's settings that travel with it; bookkeeping (stats.*, the
 * digest's day) and keys of later versions stay behind. */
static gboolean
setting_travels (const char *key)
{
  return g_utf8_validate (key, -1, NULL) &&
         ((g_str_has_prefix (key, "shop.") && !g_str_equal (key, "shop.currency")) ||
         g_str_has_prefix (key, "segment.") ||
         g_str_has_prefix (key, "touch.") ||
         g_str_equal (key, "reminders.opens") ||
         g_str_equal (key, "reminders.closes"));
}

/* Export */

/* @zone is the local one, looked up once: g_date_time_to_local() reads
 * the system's zone again on every call. */
static char *
iso_time (gint64     unix_time,
          GTimeZone *zone)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_timezone (utc, zone) : NULL;

  return local ? g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z") : NULL;
}

static void
add_text (JsonBuilder *builder,
          const char  *key,
          const char  *text)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, text ? text : "");
}

static void
add_column_text_or_null (JsonBuilder  *builder,
                         const char   *key,
                         CrmStmt *stmt,
                         int           column)
{
  json_builder_set_member_name (builder, key);
  if (crm_stmt_column_is_null (stmt, column))
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, crm_stmt_column_text (stmt, column));
}

static void
add_column_time (JsonBuilder  *builder,
                 const char   *key,
                 CrmStmt *stmt,
                 int           column,
                 GTimeZone    *zone)
{
  g_autofree char *text = NULL;

  json_builder_set_member_name (builder, key);
  if (!crm_stmt_column_is_null (stmt, column))
    text = iso_time (crm_stmt_column_int64 (stmt, column), zone);

  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
}

static void
add_column_int_or_null (JsonBuilder  *builder,
                        const char   *key,
                        CrmStmt *stmt,
                        int           column)
{
  json_builder_set_member_name (builder, key);
  if (crm_stmt_column_is_null (stmt, column))
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, crm_stmt_column_int64 (stmt, column));
}

/* "c12" for customer 12, "s3" for staff member 3. */
static void
add_ref (JsonBuilder  *builder,
         const char   *key,
         CrmStmt *stmt,
         int           column,
         char          prefix)
{
  json_builder_set_member_name (builder, key);
  if (crm_stmt_column_is_null (stmt, column))
    json_builder_add_null_value (builder);
  else
    {
      g_autofree char *ref = g_strdup_printf ("%c%" G_GINT64_FORMAT, prefix,
                                              (gint64) crm_stmt_column_int64 (stmt, column));

      json_builder_add_string_value (builder, ref);
    }
}

static void
append_node (GString       *out,
             JsonGenerator *generator,
             JsonNode      *node)
{
  g_autofree char *text = NULL;
  gsize length = 0;

  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &length);
  g_string_append_len (out, text, (gssize) length);
}

static void
append_string (GString       *out,
               JsonGenerator *generator,
               const char    *text)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);

  append_node (out, generator, node);
}

typedef void (*ItemFunc) (JsonBuilder  *builder,
                          CrmStmt *stmt,
                          GTimeZone    *zone);

static void
customer_item (JsonBuilder  *builder,
               CrmStmt *stmt,
               GTimeZone    *zone)
{
  const char *tags = crm_stmt_column_text (stmt, 11);

  add_ref (builder, "ref", stmt, 0, 'c');
  add_text (builder, "name", crm_stmt_column_text (stmt, 1));
  add_text (builder, "phone", crm_stmt_column_text (stmt, 2));
  add_text (builder, "email", crm_stmt_column_text (stmt, 3));
  add_text (builder, "address", crm_stmt_column_text (stmt, 4));
  add_column_text_or_null (builder, "birthday", stmt, 5);
  add_text (builder, "notes", crm_stmt_column_text (stmt, 6));
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  if (tags != NULL)
    {
      g_auto(GStrv) names = g_strsplit (tags, "\x1f", -1);

      for (guint i = 0; names[i] != NULL; i++)
        json_builder_add_string_value (builder, names[i]);
    }
  json_builder_end_array (builder);
  add_column_text_or_null (builder, "segment_override", stmt, 7);
  add_column_time (builder, "created_at", stmt, 8, zone);
  add_column_time (builder, "archived_at", stmt, 9, zone);
  add_column_time (builder, "touch_dismissed_at", stmt, 10, zone);
}

static void
purchase_item (JsonBuilder  *builder,
               CrmStmt *stmt,
               GTimeZone    *zone)
{
  g_autofree char *amount = crm_money_format_plain (crm_stmt_column_int64 (stmt, 2));

  add_ref (builder, "customer", stmt, 0, 'c');
  add_column_time (builder, "at", stmt, 1, zone);
  add_text (builder, "amount", amount);
  add_text (builder, "description", crm_stmt_column_text (stmt, 3));
  add_ref (builder, "staff", stmt, 4, 's');
}

static void
interaction_item (JsonBuilder  *builder,
                  CrmStmt *stmt,
                  GTimeZone    *zone)
{
  add_ref (builder, "customer", stmt, 0, 'c');
  add_column_time (builder, "at", stmt, 1, zone);
  add_text (builder, "kind", crm_stmt_column_text (stmt, 2));
  add_text (builder, "note", crm_stmt_column_text (stmt, 3));
  add_ref (builder, "staff", stmt, 4, 's');
}

static void
follow_up_item (JsonBuilder  *builder,
                CrmStmt *stmt,
                GTimeZone    *zone)
{
  add_ref (builder, "customer", stmt, 0, 'c');
  add_column_time (builder, "due_at", stmt, 1, zone);
  add_text (builder, "note", crm_stmt_column_text (stmt, 2));
  add_column_int_or_null (builder, "repeat_days", stmt, 3);
  add_column_time (builder, "done_at", stmt, 4, zone);
  add_column_time (builder, "snoozed_until", stmt, 5, zone);
  add_column_time (builder, "notified_at", stmt, 6, zone);
  add_column_time (builder, "created_at", stmt, 7, zone);
}

static void
feedback_item (JsonBuilder  *builder,
               CrmStmt *stmt,
               GTimeZone    *zone)
{
  add_ref (builder, "customer", stmt, 0, 'c');
  add_column_time (builder, "received_at", stmt, 1, zone);
  add_text (builder, "kind", crm_stmt_column_text (stmt, 2));
  add_column_int_or_null (builder, "rating", stmt, 3);
  add_text (builder, "channel", crm_stmt_column_text (stmt, 4));
  add_text (builder, "text", crm_stmt_column_text (stmt, 5));
  add_text (builder, "status", crm_stmt_column_text (stmt, 6));
  json_builder_set_member_name (builder, "is_read");
  json_builder_add_boolean_value (builder, crm_stmt_column_int (stmt, 7) != 0);
  add_column_text_or_null (builder, "response", stmt, 8);
  add_column_time (builder, "responded_at", stmt, 9, zone);
  add_column_time (builder, "resolved_at", stmt, 10, zone);
  add_ref (builder, "staff", stmt, 11, 's');
}

static void
staff_item (JsonBuilder  *builder,
            CrmStmt *stmt,
            GTimeZone    *zone)
{
  add_ref (builder, "ref", stmt, 0, 's');
  add_text (builder, "name", crm_stmt_column_text (stmt, 1));
  add_text (builder, "language", crm_stmt_column_text (stmt, 2));
  json_builder_set_member_name (builder, "archived");
  json_builder_add_boolean_value (builder, crm_stmt_column_int (stmt, 3) != 0);
  add_column_time (builder, "created_at", stmt, 4, zone);
}

/* One array of the archive, an item per line so that the file reads and
 * compares well. */
static gboolean
write_section (GString        *out,
               JsonGenerator  *generator,
               CrmStore       *store,
               const char     *name,
               const char     *sql,
               ItemFunc        item,
               GTimeZone      *zone,
               guint          *n_items,
               GError        **error)
{
  g_autoptr(CrmStmt) stmt = crm_store_prepare_once (store, sql, error);
  guint n = 0;
  CrmStmtResult rc;

  if (stmt == NULL)
    return FALSE;

  g_string_append_printf (out, ",\n  \"%s\": [", name);
  while ((rc = crm_stmt_step (stmt)) == CRM_STMT_ROW)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
      g_autoptr(JsonNode) node = NULL;

      json_builder_begin_object (builder);
      item (builder, stmt, zone);
      json_builder_end_object (builder);
      node = json_builder_get_root (builder);

      g_string_append (out, n == 0 ? "\n    " : ",\n    ");
      append_node (out, generator, node);
      n++;
    }
  g_string_append (out, n > 0 ? "\n  ]" : "]");

  if (rc != CRM_STMT_DONE)
    {
      crm_store_set_sql_error (error, store, name);
      return FALSE;
    }

  *n_items = n;
  return TRUE;
}

static gboolean
write_settings (GString        *out,
                JsonGenerator  *generator,
                CrmStore       *store,
                GError        **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(CrmStmt) stmt = crm_store_prepare_once (store, "SELECT key, value FROM settings ORDER BY key",
                                                    error);
  CrmStmtResult rc;

  if (stmt == NULL)
    return FALSE;

  json_builder_begin_object (builder);
  while ((rc = crm_stmt_step (stmt)) == CRM_STMT_ROW)
    {
      const char *key = crm_stmt_column_text (stmt, 0);

      if (setting_travels (key))
        add_text (builder, key, crm_stmt_column_text (stmt, 1));
    }
  json_builder_end_object (builder);

  if (rc != CRM_STMT_DONE)
    {
      crm_store_set_sql_error (error, store, "settings");
      return FALSE;
    }

  node = json_builder_get_root (builder);
  g_string_append (out, ",\n  \"settings\": ");
  append_node (out, generator, node);
  return TRUE;
}

/**
 * crm_archive_export_bytes:
 * @counts: (out) (optional): what the archive holds
 *
 * The whole shop as an archive, read from one snapshot of the database.
 *
 * Returns: (transfer full): the archive's text, or %NULL with @error set
 */
GBytes *
crm_archive_export_bytes (CrmStore          *store,
                          CrmArchiveCounts  *counts,
                          GError           **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autofree char *currency = NULL;
  g_autofree char *now = NULL;
  CrmArchiveCounts n = { 0 };
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  currency = crm_store_dup_currency (store);
  now = iso_time (crm_store_now (store), zone);

  /* One read transaction: every table from the same moment. */
  if (!crm_store_lock (store, CRM_STORE_LOCK_READ, error))
    return NULL;

  g_string_append_printf (out, "{\n  \"format\": \"%s\",\n  \"version\": %d,\n  \"currency\": ",
                          CRM_ARCHIVE_FORMAT, CRM_ARCHIVE_VERSION);
  append_string (out, generator, currency);
  g_string_append (out, ",\n  \"exported_at\": ");
  append_string (out, generator, now ? now : "");

  ok = write_settings (out, generator, store, error) &&
       write_section (out, generator, store, "staff",
                      "SELECT id, name, language, archived, created_at FROM staff ORDER BY id",
                      staff_item, zone, &n.staff, error) &&
       write_section (out, generator, store, "customers",
                      "SELECT c.id, c.name, c.phone, c.email, c.address, c.birthday, c.notes, "
                      "  c.segment_override, c.created_at, c.archived_at, c.touch_dismissed_at, "
                      "  (SELECT string_agg (name, chr (31)) FROM "
                      "     (SELECT t.name FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id "
                      "      WHERE ct.customer_id = c.id ORDER BY lower (t.name), t.name) AS tag) "
                      "FROM customers c ORDER BY c.id",
                      customer_item, zone, &n.customers, error) &&
       write_section (out, generator, store, "purchases",
                      "SELECT customer_id, at, amount, description, staff_id FROM purchases ORDER BY id",
                      purchase_item, zone, &n.purchases, error) &&
       write_section (out, generator, store, "interactions",
                      "SELECT customer_id, at, kind, note, staff_id FROM interactions ORDER BY id",
                      interaction_item, zone, &n.interactions, error) &&
       write_section (out, generator, store, "follow_ups",
                      "SELECT customer_id, due_at, note, repeat_days, done_at, snoozed_until, "
                      "  notified_at, created_at FROM follow_ups ORDER BY id",
                      follow_up_item, zone, &n.follow_ups, error) &&
       write_section (out, generator, store, "feedback",
                      "SELECT customer_id, received_at, kind, rating, channel, text, status, is_read, "
                      "  response, responded_at, resolved_at, staff_id FROM feedback ORDER BY id",
                      feedback_item, zone, &n.feedback, error);

  crm_store_unlock (store, TRUE, NULL);
  if (!ok)
    return NULL;

  g_string_append (out, "\n}\n");

  if (counts != NULL)
    *counts = n;

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

/**
 * crm_archive_export:
 *
 * Writes the archive to @file, replacing it atomically: a failure leaves
 * the old file as it was.
 */
gboolean
crm_archive_export (CrmStore          *store,
                    GFile             *file,
                    CrmArchiveCounts  *counts,
                    GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  gconstpointer data;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = crm_archive_export_bytes (store, counts, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  return g_file_replace_contents (file, data, length, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION | G_FILE_CREATE_PRIVATE,
                                  NULL, NULL, error);
}

/* Reading */

static gboolean
fail (GError     **error,
      const char  *format,
      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError     **error,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Keys and refs come from the file, and "\ud800" in JSON decodes to
   * bytes that are not UTF-8: a message must still be text. */
  if (!g_utf8_validate (message, -1, NULL))
    {
      char *valid = g_utf8_make_valid (message, -1);

      g_free (message);
      message = valid;
    }
  g_set_error_literal (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_INVALID, message);
  return FALSE;
}

/* @item is NULL for the archive's own keys. */
static gboolean
missing (const char  *item,
         const char  *key,
         GError     **error)
{
  if (item == NULL)
    return fail (error, _("The archive has no “%s”."), key);

  return fail (error, _("%s has no “%s”."), item, key);
}

static gboolean
is_null (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

static gboolean
get_text (JsonObject  *object,
          const char  *item,
          const char  *key,
          gboolean     required,
          const char **out,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = NULL;
  if (node == NULL)
    return !required || missing (item, key, error);
  if (JSON_NODE_HOLDS_NULL (node) && !required)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return item != NULL ? fail (error, _("In %s, “%s” must be text."), item, key)
                        : fail (error, _("In the archive, “%s” must be text."), key);

  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_int (JsonObject  *object,
         const char  *item,
         const char  *key,
         gboolean     required,
         gint64       min,
         gint64       max,
         gint64      *out,
         GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = 0;
  if (node == NULL)
    return !required || missing (item, key, error);
  if (JSON_NODE_HOLDS_NULL (node) && !required)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return item != NULL ? fail (error, _("In %s, “%s” must be a whole number."), item, key)
                        : fail (error, _("In the archive, “%s” must be a whole number."), key);

  *out = json_node_get_int (node);
  if (*out < min || *out > max)
    return fail (error, _("In %s, “%s” must be between %d and %d."),
                 item ? item : "", key, (int) CLAMP (min, G_MININT, G_MAXINT),
                 (int) CLAMP (max, G_MININT, G_MAXINT));
  return TRUE;
}

static gboolean
get_bool (JsonObject  *object,
          const char  *item,
          const char  *key,
          gboolean    *out,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (is_null (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (error, _("In %s, “%s” must be true or false."), item, key);

  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
get_time (JsonObject  *object,
          const char  *item,
          const char  *key,
          gboolean     required,
          gint64      *out,
          GError     **error)
{
  g_autoptr(GDateTime) time = NULL;
  const char *text;

  *out = NO_TIME;
  if (!get_text (object, item, key, required, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  time = g_date_time_new_from_iso8601 (text, NULL);
  if (time == NULL)
    return fail (error, _("In %s, “%s” must be a time with its offset from UTC, "
                          "for example 2026-05-31T10:00:00+04:00."),
                 item, key);

  *out = g_date_time_to_unix (time);
  return TRUE;
}

static gboolean
get_choice (JsonObject          *object,
            const char          *item,
            const char          *key,
            gboolean             required,
            const char          *fallback,
            const char * const  *allowed,
            char               **out,
            GError             **error)
{
  const char *text;

  if (!get_text (object, item, key, required, &text, error))
    return FALSE;

  if (text == NULL)
    {
      *out = g_strdup (fallback);
      return TRUE;
    }

  if (!g_strv_contains (allowed, text))
    {
      g_autofree char *joined = g_strjoinv ("”, “", (char **) allowed);
      g_autofree char *list = g_strconcat ("“", joined, "”", NULL);

      return fail (error, _("In %s, “%s” must be one of: %s."), item, key, list);
    }

  *out = g_strdup (text);
  return TRUE;
}

static gboolean
get_ref (JsonObject   *object,
         const char   *item,
         const char   *key,
         gboolean      required,
         GHashTable   *refs,
         gboolean      staff,
         gint         *out,
         GError      **error)
{
  const char *ref;
  gpointer index;

  *out = -1;
  if (!get_text (object, item, key, required, &ref, error))
    return FALSE;
  if (ref == NULL)
    return TRUE;

  if (!g_hash_table_lookup_extended (refs, ref, NULL, &index))
    return staff ? fail (error, _("In %s, “%s” names staff member “%s”, who is not in the archive."),
                         item, key, ref)
                 : fail (error, _("In %s, “%s” names customer “%s”, who is not in the archive."),
                         item, key, ref);

  *out = GPOINTER_TO_INT (index);
  return TRUE;
}

static char *
clean_text (const char *text,
            gsize       max_chars)
{
  return crm_text_clean (text ? text : "", max_chars);
}

static gboolean
read_settings (CrmArchive  *archive,
               JsonObject  *root,
               GError     **error)
{
  JsonNode *node = json_object_get_member (root, "settings");
  g_autoptr(GList) keys = NULL;
  JsonObject *settings;

  if (is_null (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, _("“%s” must be an object, in braces { }."), "settings");

  settings = json_node_get_object (node);
  keys = json_object_get_members (settings);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      const char *key = l->data;
      const char *value;

      if (!setting_travels (key))
        continue;
      if (!get_text (settings, "settings", key, TRUE, &value, error))
        return FALSE;

      g_ptr_array_add (archive->settings, g_strdup (key));
      g_ptr_array_add (archive->settings, clean_text (value, MAX_FIELD));
      if (g_str_equal (key, "shop.name"))
        {
          g_free (archive->shop_name);
          archive->shop_name = clean_text (value, MAX_FIELD);
        }
    }

  return TRUE;
}

static const char *const staff_languages[] = { "", "en", "ka", "hy", NULL };

/* The store's limit for a staff member's name. */
#define MAX_STAFF_NAME 80

static gboolean
read_staff (CrmArchive  *archive,
            JsonObject  *object,
            const char  *item,
            Refs        *refs,
            GError     **error)
{
  StaffMember member = { 0 };
  const char *ref, *name;
  g_autofree char *clean_name = NULL;

  if (!get_text (object, item, "ref", TRUE, &ref, error) ||
      !get_text (object, item, "name", TRUE, &name, error) ||
      !get_bool (object, item, "archived", &member.archived, error) ||
      !get_time (object, item, "created_at", FALSE, &member.created_at, error))
    return FALSE;

  if (ref[0] == '\0')
    return fail (error, _("In %s, “%s” must not be empty."), item, "ref");
  if (g_hash_table_contains (refs->staff, ref))
    return fail (error, _("In %s, “%s” is used by another staff member too."), item, "ref");

  clean_name = clean_text (name, MAX_STAFF_NAME);
  if (clean_name[0] == '\0')
    return fail (error, _("In %s, “%s” must not be empty."), item, "name");

  if (!get_choice (object, item, "language", FALSE, "", staff_languages, &member.language, error))
    return FALSE;

  member.name = g_steal_pointer (&clean_name);
  g_hash_table_insert (refs->staff, g_strdup (ref), GINT_TO_POINTER ((gint) archive->staff->len));
  g_array_append_val (archive->staff, member);
  return TRUE;
}

static gboolean
read_customer (CrmArchive   *archive,
               JsonObject   *object,
               const char   *item,
               Refs         *refs,
               GError      **error)
{
  CrmImportCustomer customer;
  const char *ref, *name, *phone, *email, *address, *birthday, *notes;
  g_autofree char *segment = NULL;
  g_autoptr(GError) invalid = NULL;
  gint64 created_at, archived_at, dismissed_at;
  JsonNode *tags;

  if (!get_text (object, item, "ref", TRUE, &ref, error) ||
      !get_text (object, item, "name", TRUE, &name, error) ||
      !get_text (object, item, "phone", FALSE, &phone, error) ||
      !get_text (object, item, "email", FALSE, &email, error) ||
      !get_text (object, item, "address", FALSE, &address, error) ||
      !get_text (object, item, "birthday", FALSE, &birthday, error) ||
      !get_text (object, item, "notes", FALSE, &notes, error) ||
      !get_choice (object, item, "segment_override", FALSE, NULL, segment_overrides, &segment, error) ||
      !get_time (object, item, "created_at", FALSE, &created_at, error) ||
      !get_time (object, item, "archived_at", FALSE, &archived_at, error) ||
      !get_time (object, item, "touch_dismissed_at", FALSE, &dismissed_at, error))
    return FALSE;

  if (ref[0] == '\0')
    return fail (error, _("In %s, “%s” must not be empty."), item, "ref");
  if (g_hash_table_contains (refs->customers, ref))
    return fail (error, _("In %s, “%s” is used by another customer too."), item, "ref");

  {
    g_autofree char *clean_name = clean_text (name, CRM_IMPORT_MAX_NAME);

    if (clean_name[0] == '\0')
      return fail (error, _("In %s, “%s” must not be empty."), item, "name");
  }
  if (!crm_text_check_phone (phone, &invalid))
    return fail (error, _("In %s, “%s”: %s"), item, "phone", invalid->message);
  if (!crm_text_check_email (email, &invalid))
    return fail (error, _("In %s, “%s”: %s"), item, "email", invalid->message);
  if (birthday != NULL && birthday[0] != '\0' && !crm_import_valid_birthday (birthday))
    return fail (error, _("In %s, “%s” must be a date, for example 1990-05-31."), item, "birthday");

  crm_import_customer_init (&customer);
  customer.name = g_strdup (name);
  customer.phone = g_strdup (phone);
  customer.email = g_strdup (email);
  customer.address = g_strdup (address);
  customer.birthday = g_strdup (birthday);
  customer.notes = g_strdup (notes);
  customer.segment_override = g_steal_pointer (&segment);
  customer.created_at = created_at != NO_TIME ? created_at : 0;
  customer.archived_at = archived_at != NO_TIME ? archived_at : 0;
  customer.touch_dismissed_at = dismissed_at != NO_TIME ? dismissed_at : 0;

  tags = json_object_get_member (object, "tags");
  if (!is_null (tags))
    {
      JsonArray *array = JSON_NODE_HOLDS_ARRAY (tags) ? json_node_get_array (tags) : NULL;

      for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
        {
          JsonNode *tag = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (tag) || json_node_get_value_type (tag) != G_TYPE_STRING)
            array = NULL;
          else
            crm_import_customer_add_tag (&customer, json_node_get_string (tag));
        }

      if (array == NULL)
        {
          crm_import_customer_clear (&customer);
          return fail (error, _("In %s, “%s” must be a list of texts."), item, "tags");
        }
    }

  /* Everything was checked above: cleaning only trims and cuts. */
  if (!crm_import_customer_clean (&customer, error))
    {
      crm_import_customer_clear (&customer);
      return FALSE;
    }

  g_hash_table_insert (refs->customers, g_strdup (ref), GINT_TO_POINTER ((gint) archive->customers->len));
  g_array_append_val (archive->customers, customer);
  return TRUE;
}

static gboolean
read_purchase (CrmArchive  *archive,
               JsonObject  *object,
               const char  *item,
               Refs        *refs,
               GError     **error)
{
  Purchase purchase = { 0 };
  const char *amount, *description;
  g_autoptr(GError) invalid = NULL;
  gint customer;

  if (!get_ref (object, item, "customer", TRUE, refs->customers, FALSE, &customer, error) ||
      !get_time (object, item, "at", TRUE, &purchase.at, error) ||
      !get_text (object, item, "amount", TRUE, &amount, error) ||
      !get_text (object, item, "description", FALSE, &description, error) ||
      !get_ref (object, item, "staff", FALSE, refs->staff, TRUE, &purchase.staff, error))
    return FALSE;

  if (!crm_money_parse (amount, &purchase.amount, &invalid))
    return fail (error, _("In %s, “%s”: %s"), item, "amount", invalid->message);
  if (purchase.amount == 0)
    return fail (error, _("In %s, “%s” must not be zero."), item, "amount");

  purchase.customer = (guint) customer;
  purchase.description = clean_text (description, MAX_FIELD);
  g_array_append_val (archive->purchases, purchase);
  return TRUE;
}

static gboolean
read_interaction (CrmArchive  *archive,
                  JsonObject  *object,
                  const char  *item,
                  Refs        *refs,
                  GError     **error)
{
  Interaction interaction = { 0 };
  const char *note;
  gint customer;

  if (!get_ref (object, item, "customer", TRUE, refs->customers, FALSE, &customer, error) ||
      !get_time (object, item, "at", TRUE, &interaction.at, error) ||
      !get_text (object, item, "note", FALSE, &note, error) ||
      !get_ref (object, item, "staff", FALSE, refs->staff, TRUE, &interaction.staff, error) ||
      !get_choice (object, item, "kind", TRUE, NULL, interaction_kinds, &interaction.kind, error))
    return FALSE;

  interaction.customer = (guint) customer;
  interaction.note = clean_text (note, MAX_TEXT);
  g_array_append_val (archive->interactions, interaction);
  return TRUE;
}

static gboolean
read_follow_up (CrmArchive  *archive,
                JsonObject  *object,
                const char  *item,
                Refs        *refs,
                GError     **error)
{
  FollowUp follow_up = { 0 };
  const char *note;
  gint customer;

  if (!get_ref (object, item, "customer", TRUE, refs->customers, FALSE, &customer, error) ||
      !get_time (object, item, "due_at", TRUE, &follow_up.due_at, error) ||
      !get_text (object, item, "note", FALSE, &note, error) ||
      !get_int (object, item, "repeat_days", FALSE, 1, MAX_REPEAT_DAYS, &follow_up.repeat_days, error) ||
      !get_time (object, item, "done_at", FALSE, &follow_up.done_at, error) ||
      !get_time (object, item, "snoozed_until", FALSE, &follow_up.snoozed_until, error) ||
      !get_time (object, item, "notified_at", FALSE, &follow_up.notified_at, error) ||
      !get_time (object, item, "created_at", FALSE, &follow_up.created_at, error))
    return FALSE;

  follow_up.customer = (guint) customer;
  follow_up.note = clean_text (note, MAX_TEXT);
  g_array_append_val (archive->follow_ups, follow_up);
  return TRUE;
}

static gboolean
read_feedback (CrmArchive  *archive,
               JsonObject  *object,
               const char  *item,
               Refs        *refs,
               GError     **error)
{
  Feedback feedback = { 0 };
  const char *text, *response;
  gboolean ok;

  ok = get_ref (object, item, "customer", FALSE, refs->customers, FALSE, &feedback.customer, error) &&
       get_ref (object, item, "staff", FALSE, refs->staff, TRUE, &feedback.staff, error) &&
       get_time (object, item, "received_at", TRUE, &feedback.received_at, error) &&
       get_int (object, item, "rating", FALSE, 1, 5, &feedback.rating, error) &&
       get_text (object, item, "text", FALSE, &text, error) &&
       get_text (object, item, "response", FALSE, &response, error) &&
       get_bool (object, item, "is_read", &feedback.is_read, error) &&
       get_time (object, item, "responded_at", FALSE, &feedback.responded_at, error) &&
       get_time (object, item, "resolved_at", FALSE, &feedback.resolved_at, error) &&
       get_choice (object, item, "kind", TRUE, NULL, feedback_kinds, &feedback.kind, error) &&
       get_choice (object, item, "channel", FALSE, "in-store", feedback_channels, &feedback.channel, error) &&
       get_choice (object, item, "status", FALSE, "new", feedback_statuses, &feedback.status, error);
  if (!ok)
    {
      feedback_clear (&feedback);
      return FALSE;
    }

  feedback.text = clean_text (text, MAX_TEXT);
  feedback.response = response != NULL ? clean_text (response, MAX_TEXT) : NULL;
  g_array_append_val (archive->feedback, feedback);
  return TRUE;
}

typedef gboolean (*ReadFunc) (CrmArchive  *archive,
                              JsonObject  *object,
                              const char  *item,
                              Refs        *refs,
                              GError     **error);

/* Walking the text. json-glib builds a tree of everything it parses,
 * about twelve times the size of the text: for a big shop's archive that
 * would be gigabytes. So the top level and the lists are walked here, and
 * json-glib parses (and checks) one item at a time. */

typedef struct
{
  const char *data;
  gsize       length;
  gsize       pos;
  gsize       counted;   /* line counted up to here */
  guint       line;
} Scanner;

/* Where a top-level value is in the text. */
typedef struct
{
  gsize    start;
  gsize    end;
  guint    line;
  gboolean present;
} Slice;

enum
{
  KEY_FORMAT,
  KEY_VERSION,
  KEY_CURRENCY,
  KEY_SETTINGS,
  KEY_STAFF,
  KEY_CUSTOMERS,
  KEY_PURCHASES,
  KEY_INTERACTIONS,
  KEY_FOLLOW_UPS,
  KEY_FEEDBACK,
  N_KEYS
};

static const char *const top_keys[N_KEYS] = {
  "format", "version", "currency", "settings", "staff",
  "customers", "purchases", "interactions", "follow_ups", "feedback",
};

static guint
scanner_line (Scanner *s)
{
  for (; s->counted < s->pos && s->counted < s->length; s->counted++)
    if (s->data[s->counted] == '\n')
      s->line++;

  return s->line;
}

static gboolean
broken (Scanner  *s,
        GError  **error)
{
  g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_SYNTAX,
               _("This file is not a Clientele archive: the JSON text is broken near line %u."),
               scanner_line (s));
  return FALSE;
}

static gboolean
too_deep (GError **error)
{
  g_set_error_literal (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_SYNTAX,
                       _("This file is not a Clientele archive: its lists are nested too deeply."));
  return FALSE;
}

static void
skip_space (Scanner *s)
{
  while (s->pos < s->length &&
         (s->data[s->pos] == ' ' || s->data[s->pos] == '\t' ||
          s->data[s->pos] == '\n' || s->data[s->pos] == '\r'))
    s->pos++;
}

static gboolean
at (Scanner *s,
    char     c)
{
  skip_space (s);
  return s->pos < s->length && s->data[s->pos] == c;
}

static gboolean
expect (Scanner  *s,
        char      c,
        GError  **error)
{
  if (!at (s, c))
    return broken (s, error);

  s->pos++;
  return TRUE;
}

static gboolean
skip_string (Scanner  *s,
             GError  **error)
{
  s->pos++;
  while (s->pos < s->length)
    {
      char c = s->data[s->pos++];

      if (c == '\\')
        s->pos++;
      else if (c == '"')
        return TRUE;
    }

  return broken (s, error);
}

/* Moves past one value without reading it: json-glib checks it when it
 * parses the slice. Nesting is limited here, before json-glib recurses. */
static gboolean
skip_value (Scanner  *s,
            GError  **error)
{
  gsize start;

  skip_space (s);
  if (s->pos >= s->length)
    return broken (s, error);

  if (s->data[s->pos] == '"')
    return skip_string (s, error);

  if (s->data[s->pos] == '{' || s->data[s->pos] == '[')
    {
      guint depth = 0;

      while (s->pos < s->length)
        {
          char c = s->data[s->pos];

          if (c == '"')
            {
              if (!skip_string (s, error))
                return FALSE;
              continue;
            }
          if (c == '{' || c == '[')
            {
              if (++depth > MAX_DEPTH)
                return too_deep (error);
            }
          else if ((c == '}' || c == ']') && --depth == 0)
            {
              s->pos++;
              return TRUE;
            }
          s->pos++;
        }
      return broken (s, error);
    }

  /* A number, true, false or null runs to the next separator. */
  start = s->pos;
  while (s->pos < s->length && s->data[s->pos] != ',' && s->data[s->pos] != ']' &&
         s->data[s->pos] != '}' && s->data[s->pos] != ' ' && s->data[s->pos] != '\t' &&
         s->data[s->pos] != '\n' && s->data[s->pos] != '\r')
    s->pos++;

  return s->pos > start || broken (s, error);
}

/* json-glib's tree of the text between @start and @end. */
static JsonNode *
parse_slice (JsonParser  *parser,
             const char  *data,
             gsize        start,
             gsize        end,
             const char  *item,
             guint        line,
             GError     **error)
{
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root;

  if (!json_parser_load_from_data (parser, data + start, (gssize) (end - start), &parse_error))
    {
      /* json-glib quotes the text around the mistake, cut anywhere. */
      g_autofree char *reason = g_utf8_make_valid (parse_error->message, -1);
      g_autofree char *where = g_strdup_printf ("%s (line %u): %s", item, line, reason);

      g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_SYNTAX,
                   _("This file is not a Clientele archive: %s"), where);
      return NULL;
    }

  /* Text json-glib skips whole (a comment) leaves no value at all. */
  root = json_parser_steal_root (parser);
  if (root == NULL)
    g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_SYNTAX,
                 _("This file is not a Clientele archive: the JSON text is broken near line %u."), line);

  return root;
}

static gboolean
read_section (CrmArchive  *archive,
              JsonParser  *parser,
              const char  *data,
              const Slice *slice,
              const char  *name,
              ReadFunc     read,
              Refs        *refs,
              GError     **error)
{
  Scanner s = { data, slice->end, slice->start, slice->start, slice->line };

  if (!slice->present)
    return TRUE;

  if (!at (&s, '['))
    {
      g_autoptr(JsonNode) node = parse_slice (parser, data, slice->start, slice->end, name, slice->line, error);

      if (node == NULL)
        return FALSE;
      if (JSON_NODE_HOLDS_NULL (node))
        return TRUE;
      return fail (error, _("“%s” must be a list, in brackets [ ]."), name);
    }

  s.pos++;
  if (at (&s, ']'))
    return TRUE;

  for (guint i = 0; ; i++)
    {
      g_autofree char *item = g_strdup_printf ("%s[%u]", name, i);
      g_autoptr(JsonNode) node = NULL;
      gsize start;
      guint line;

      skip_space (&s);
      start = s.pos;
      line = scanner_line (&s);
      if (!skip_value (&s, error))
        return FALSE;

      node = parse_slice (parser, data, start, s.pos, item, line, error);
      if (node == NULL)
        return FALSE;
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (error, _("%s must be an object, in braces { }."), item);
      if (!read (archive, json_node_get_object (node), item, refs, error))
        return FALSE;

      if (at (&s, ','))
        s.pos++;
      else
        return expect (&s, ']', error);
    }
}

static gboolean
not_an_archive (GError **error)
{
  g_set_error_literal (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_SYNTAX,
                       _("This file is not a Clientele archive."));
  return FALSE;
}

/* Finds the top-level values; an unknown key's value is parsed (it must
 * be JSON) and dropped. */
static gboolean
find_top_level (JsonParser  *parser,
                Scanner     *s,
                Slice       *slices,
                GError     **error)
{
  if (!at (s, '{'))
    return not_an_archive (error);
  s->pos++;

  if (at (s, '}'))
    s->pos++;
  else
    for (;;)
      {
        g_autoptr(JsonNode) key_node = NULL;
        gsize key_start, start;
        const char *key;
        guint line, k;

        if (!at (s, '"'))
          return broken (s, error);
        key_start = s->pos;
        line = scanner_line (s);
        if (!skip_string (s, error))
          return FALSE;
        key_node = parse_slice (parser, s->data, key_start, s->pos, "key", line, error);
        if (key_node == NULL)
          return FALSE;
        key = json_node_get_string (key_node);

        if (!expect (s, ':', error))
          return FALSE;
        skip_space (s);
        start = s->pos;
        line = scanner_line (s);
        if (!skip_value (s, error))
          return FALSE;

        for (k = 0; k < N_KEYS && g_strcmp0 (key, top_keys[k]) != 0; k++)
          ;
        if (k < N_KEYS)
          slices[k] = (Slice) { start, s->pos, line, TRUE };
        else
          {
            g_autoptr(JsonNode) ignored = parse_slice (parser, s->data, start, s->pos, key ? key : "", line, error);

            if (ignored == NULL)
              return FALSE;
          }

        if (at (s, ','))
          s->pos++;
        else if (!expect (s, '}', error))
          return FALSE;
        else
          break;
      }

  skip_space (s);
  return s->pos == s->length || broken (s, error);
}

/**
 * crm_archive_load:
 *
 * Reads and checks a whole archive. Unknown keys are ignored; a missing
 * required key or a bad value refuses the file, naming the item
 * ("purchases[12]") and the key. Nothing touches a store. Memory stays
 * near the size of the text, whatever the number of items.
 *
 * Returns: (transfer full): the archive, or %NULL with @error set
 */
CrmArchive *
crm_archive_load (GBytes  *bytes,
                  GError **error)
{
  g_autoptr(CrmArchive) archive = archive_new ();
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) customer_refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) staff_refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Refs refs_ = { customer_refs, staff_refs };
  Refs *refs = &refs_;
  g_autoptr(JsonObject) root = json_object_new ();
  Slice slices[N_KEYS] = { { 0 } };
  const char *data, *format, *currency;
  Scanner s = { 0 };
  gint64 version;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL || length == 0)
    {
      not_an_archive (error);
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, NULL))
    {
      g_set_error_literal (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_ENCODING,
                           _("This file is not a Clientele archive: it is not UTF-8 text."));
      return NULL;
    }

  s.data = data;
  s.length = length;
  s.line = 1;
  /* An editor may have added a byte-order mark. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    s.pos = s.counted = 3;

  if (!find_top_level (parser, &s, slices, error))
    return NULL;

  /* The archive's own keys, small, in one object. */
  for (guint k = KEY_FORMAT; k <= KEY_SETTINGS; k++)
    if (slices[k].present)
      {
        JsonNode *node = parse_slice (parser, data, slices[k].start, slices[k].end, top_keys[k],
                                      slices[k].line, error);

        if (node == NULL)
          return NULL;
        json_object_set_member (root, top_keys[k], node);
      }

  if (!get_text (root, NULL, "format", FALSE, &format, error))
    return NULL;
  if (g_strcmp0 (format, CRM_ARCHIVE_FORMAT) != 0)
    {
      not_an_archive (error);
      return NULL;
    }

  if (!get_int (root, NULL, "version", TRUE, 1, G_MAXINT, &version, error))
    return NULL;
  if (version > CRM_ARCHIVE_VERSION)
    {
      g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_VERSION,
                   _("This archive was written by a newer version of Clientele (format version %d). "
                     "Update Clientele to import it."),
                   (int) MIN (version, G_MAXINT));
      return NULL;
    }

  if (!get_text (root, NULL, "currency", TRUE, &currency, error))
    return NULL;
  if (!crm_money_is_currency (currency))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) crm_money_currencies ());

      g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_INVALID,
                   _("The archive’s currency “%s” is not one Clientele knows (%s)."),
                   currency, known);
      return NULL;
    }
  archive->currency = g_strdup (currency);

  /* Staff and customers first, whatever the order in the file: the rest
   * refers to them. */
  if (!read_settings (archive, root, error) ||
      !read_section (archive, parser, data, &slices[KEY_STAFF], "staff", read_staff, refs, error) ||
      !read_section (archive, parser, data, &slices[KEY_CUSTOMERS], "customers", read_customer, refs, error) ||
      !read_section (archive, parser, data, &slices[KEY_PURCHASES], "purchases", read_purchase, refs, error) ||
      !read_section (archive, parser, data, &slices[KEY_INTERACTIONS], "interactions", read_interaction,
                     refs, error) ||
      !read_section (archive, parser, data, &slices[KEY_FOLLOW_UPS], "follow_ups", read_follow_up,
                     refs, error) ||
      !read_section (archive, parser, data, &slices[KEY_FEEDBACK], "feedback", read_feedback, refs, error))
    return NULL;

  return g_steal_pointer (&archive);
}

void
crm_archive_get_counts (CrmArchive       *archive,
                        CrmArchiveCounts *counts)
{
  g_return_if_fail (archive != NULL);
  g_return_if_fail (counts != NULL);

  counts->staff = archive->staff->len;
  counts->customers = archive->customers->len;
  counts->purchases = archive->purchases->len;
  counts->interactions = archive->interactions->len;
  counts->follow_ups = archive->follow_ups->len;
  counts->feedback = archive->feedback->len;
}

const char *
crm_archive_get_currency (CrmArchive *archive)
{
  g_return_val_if_fail (archive != NULL, NULL);

  return archive->currency;
}

/**
 * crm_archive_get_shop_name:
 *
 * Returns: (nullable): the shop's name, if the archive has one
 */
const char *
crm_archive_get_shop_name (CrmArchive *archive)
{
  g_return_val_if_fail (archive != NULL, NULL);

  return archive->shop_name;
}

/* Writing */

static void
bind_time (CrmStmt *stmt,
           int           index,
           gint64        time)
{
  if (time == NO_TIME)
    crm_stmt_bind_null (stmt, index);
  else
    crm_stmt_bind_int64 (stmt, index, time);
}

static gboolean
shop_is_empty (CrmStore  *store,
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

/* Staff members already in the shop (someone set up the counter before
 * importing) are matched by name rather than doubled. */
static gboolean
write_staff (CrmArchive  *archive,
             CrmStore    *store,
             GArray      *staff_ids,
             GError     **error)
{
  gint64 now = crm_store_now (store);

  for (guint i = 0; i < archive->staff->len; i++)
    {
      const StaffMember *member = &g_array_index (archive->staff, StaffMember, i);
      CrmStmt *stmt = crm_store_prepare (store, "SELECT id FROM staff WHERE name = ?1 ORDER BY id", error);
      gint64 id = 0;

      if (stmt == NULL)
        return FALSE;
      crm_stmt_bind_text (stmt, 1, member->name);
      if (crm_stmt_step (stmt) == CRM_STMT_ROW)
        id = crm_stmt_column_int64 (stmt, 0);
      crm_stmt_reset (stmt);

      if (id == 0)
        {
          stmt = crm_store_prepare (store,
                                    "INSERT INTO staff (name, language, archived, created_at, "
                                    "  name_key_en, name_key_ka, name_key_hy) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                    error);
          if (stmt == NULL)
            return FALSE;
          crm_stmt_bind_text (stmt, 1, member->name);
          crm_stmt_bind_text (stmt, 2, member->language);
          crm_stmt_bind_int (stmt, 3, member->archived ? 1 : 0);
          crm_stmt_bind_int64 (stmt, 4, member->created_at != NO_TIME ? member->created_at : now);
          crm_store_bind_name_keys (stmt, 5, member->name);
          if (!crm_store_step_done (store, stmt, "staff", error))
            return FALSE;
          id = crm_store_last_insert_id (store);
        }
      g_array_append_val (staff_ids, id);
    }

  return TRUE;
}

static void
bind_staff (CrmStmt *stmt,
            int           index,
            GArray       *staff_ids,
            gint          staff)
{
  if (staff >= 0)
    crm_stmt_bind_int64 (stmt, index, g_array_index (staff_ids, gint64, staff));
  else
    crm_stmt_bind_null (stmt, index);
}

static gboolean
write_rows (CrmArchive  *archive,
            CrmStore    *store,
            GArray      *ids,
            GArray      *staff_ids,
            GError     **error)
{
  gint64 now = crm_store_now (store);
  CrmStmt *stmt;

#define CUSTOMER_ID(index) g_array_index (ids, gint64, (index))

  stmt = crm_store_prepare (store,
                            "INSERT INTO purchases (customer_id, at, amount, description, created_at, staff_id) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            error);
  for (guint i = 0; stmt != NULL && i < archive->purchases->len; i++)
    {
      const Purchase *p = &g_array_index (archive->purchases, Purchase, i);

      crm_stmt_bind_int64 (stmt, 1, CUSTOMER_ID (p->customer));
      crm_stmt_bind_int64 (stmt, 2, p->at);
      crm_stmt_bind_int64 (stmt, 3, p->amount);
      crm_stmt_bind_text (stmt, 4, p->description);
      crm_stmt_bind_int64 (stmt, 5, now);
      bind_staff (stmt, 6, staff_ids, p->staff);
      if (!crm_store_step_done (store, stmt, "purchases", error))
        return FALSE;
    }
  if (stmt == NULL)
    return FALSE;

  stmt = crm_store_prepare (store,
                            "INSERT INTO interactions (customer_id, at, kind, note, staff_id) "
                            "VALUES (?1, ?2, ?3, ?4, ?5)",
                            error);
  for (guint i = 0; stmt != NULL && i < archive->interactions->len; i++)
    {
      const Interaction *n = &g_array_index (archive->interactions, Interaction, i);

      crm_stmt_bind_int64 (stmt, 1, CUSTOMER_ID (n->customer));
      crm_stmt_bind_int64 (stmt, 2, n->at);
      crm_stmt_bind_text (stmt, 3, n->kind);
      crm_stmt_bind_text (stmt, 4, n->note);
      bind_staff (stmt, 5, staff_ids, n->staff);
      if (!crm_store_step_done (store, stmt, "interactions", error))
        return FALSE;
    }
  if (stmt == NULL)
    return FALSE;

  stmt = crm_store_prepare (store,
                            "INSERT INTO follow_ups (customer_id, due_at, note, repeat_days, snoozed_until, "
                            "  notified_at, done_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                            error);
  for (guint i = 0; stmt != NULL && i < archive->follow_ups->len; i++)
    {
      const FollowUp *f = &g_array_index (archive->follow_ups, FollowUp, i);

      crm_stmt_bind_int64 (stmt, 1, CUSTOMER_ID (f->customer));
      crm_stmt_bind_int64 (stmt, 2, f->due_at);
      crm_stmt_bind_text (stmt, 3, f->note);
      if (f->repeat_days > 0)
        crm_stmt_bind_int64 (stmt, 4, f->repeat_days);
      else
        crm_stmt_bind_null (stmt, 4);
      bind_time (stmt, 5, f->snoozed_until);
      bind_time (stmt, 6, f->notified_at);
      bind_time (stmt, 7, f->done_at);
      crm_stmt_bind_int64 (stmt, 8, f->created_at != NO_TIME ? f->created_at : now);
      if (!crm_store_step_done (store, stmt, "follow_ups", error))
        return FALSE;
    }
  if (stmt == NULL)
    return FALSE;

  stmt = crm_store_prepare (store,
                            "INSERT INTO feedback (customer_id, received_at, kind, rating, channel, text, "
                            "  status, is_read, response, responded_at, resolved_at, staff_id) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                            error);
  for (guint i = 0; stmt != NULL && i < archive->feedback->len; i++)
    {
      const Feedback *f = &g_array_index (archive->feedback, Feedback, i);

      if (f->customer >= 0)
        crm_stmt_bind_int64 (stmt, 1, CUSTOMER_ID (f->customer));
      else
        crm_stmt_bind_null (stmt, 1);
      crm_stmt_bind_int64 (stmt, 2, f->received_at);
      crm_stmt_bind_text (stmt, 3, f->kind);
      if (f->rating > 0)
        crm_stmt_bind_int64 (stmt, 4, f->rating);
      else
        crm_stmt_bind_null (stmt, 4);
      crm_stmt_bind_text (stmt, 5, f->channel);
      crm_stmt_bind_text (stmt, 6, f->text);
      crm_stmt_bind_text (stmt, 7, f->status);
      crm_stmt_bind_int (stmt, 8, f->is_read ? 1 : 0);
      if (f->response != NULL)
        crm_stmt_bind_text (stmt, 9, f->response);
      else
        crm_stmt_bind_null (stmt, 9);
      bind_time (stmt, 10, f->responded_at);
      bind_time (stmt, 11, f->resolved_at);
      bind_staff (stmt, 12, staff_ids, f->staff);
      if (!crm_store_step_done (store, stmt, "feedback", error))
        return FALSE;
    }

#undef CUSTOMER_ID

  return stmt != NULL;
}

/**
 * crm_archive_write:
 * @store: an empty shop (no customers, no feedback)
 *
 * Writes the archive in one transaction; the figures and segments are
 * rebuilt at commit. A shop that already has data is refused, with
 * %CRM_IMPORT_ERROR_NOT_EMPTY: an archive is a whole shop, not a merge.
 */
gboolean
crm_archive_write (CrmArchive  *archive,
                   CrmStore    *store,
                   GError     **error)
{
  g_autoptr(CrmImportWriter) writer = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean empty = FALSE;

  g_return_val_if_fail (archive != NULL, FALSE);
  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (!crm_store_begin (store, error))
    return FALSE;

  /* Asked inside the transaction: nobody can add a customer in between. */
  if (!shop_is_empty (store, &empty, error))
    goto failed;
  if (!empty)
    {
      g_set_error_literal (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_NOT_EMPTY,
                           _("An archive can only be imported into an empty shop, and this one already "
                             "has customers or feedback. Import it into a new data folder instead."));
      goto failed;
    }

  if (!crm_store_set_setting (store, "shop.currency", archive->currency, error))
    goto failed;
  for (guint i = 0; i + 1 < archive->settings->len; i += 2)
    if (!crm_store_set_setting (store, g_ptr_array_index (archive->settings, i),
                                g_ptr_array_index (archive->settings, i + 1), error))
      goto failed;

  if (!write_staff (archive, store, staff_ids, error))
    goto failed;

  writer = crm_import_writer_new (store);
  for (guint i = 0; i < archive->customers->len; i++)
    {
      gint64 id = crm_import_writer_add_customer (writer,
                                                  &g_array_index (archive->customers, CrmImportCustomer, i),
                                                  error);

      if (id == 0)
        goto failed;
      g_array_append_val (ids, id);
    }

  if (!write_rows (archive, store, ids, staff_ids, error) ||
      !crm_import_writer_finish (writer, error) ||
      !crm_store_refresh_stats (store, 0, error))
    goto failed;

  crm_store_emit_changed (store,
                          CRM_STORE_CHANGE_CUSTOMERS | CRM_STORE_CHANGE_PURCHASES |
                          CRM_STORE_CHANGE_INTERACTIONS | CRM_STORE_CHANGE_SETTINGS |
                          CRM_STORE_CHANGE_SEGMENTS | CRM_STORE_CHANGE_FOLLOW_UPS,
                          0);

  return crm_store_commit (store, error);

failed:
  crm_store_rollback (store);
  return FALSE;
}

/**
 * crm_archive_import:
 * @bytes: the archive's text
 * @counts: (out) (optional): what was imported
 *
 * crm_archive_load() then crm_archive_write(): into an empty shop, all or
 * nothing.
 */
gboolean
crm_archive_import (CrmStore          *store,
                    GBytes            *bytes,
                    CrmArchiveCounts  *counts,
                    GError           **error)
{
  g_autoptr(CrmArchive) archive = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  archive = crm_archive_load (bytes, error);
  if (archive == NULL || !crm_archive_write (archive, store, error))
    return FALSE;

  if (counts != NULL)
    crm_archive_get_counts (archive, counts);
  return TRUE;
}

/**
 * crm_archive_counts_describe:
 *
 * Returns: (transfer full): "200 customers, 1900 purchases, 180
 *   interactions, 14 follow-ups, 3 feedback entries"
 */
char *
crm_archive_counts_describe (const CrmArchiveCounts *counts)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, ngettext ("%u customer", "%u customers", counts->customers),
                          counts->customers);
  g_string_append (out, ", ");
  g_string_append_printf (out, ngettext ("%u purchase", "%u purchases", counts->purchases),
                          counts->purchases);
  g_string_append (out, ", ");
  g_string_append_printf (out, ngettext ("%u interaction", "%u interactions", counts->interactions),
                          counts->interactions);
  g_string_append (out, ", ");
  g_string_append_printf (out, ngettext ("%u follow-up", "%u follow-ups", counts->follow_ups),
                          counts->follow_ups);
  g_string_append (out, ", ");
  g_string_append_printf (out, ngettext ("%u feedback entry", "%u feedback entries", counts->feedback),
                          counts->feedback);
  g_string_append (out, ", ");
  g_string_append_printf (out, ngettext ("%u staff member", "%u staff members", counts->staff),
                          counts->staff);

  return g_string_free (out, FALSE);
}
