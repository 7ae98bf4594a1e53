/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Writing the whole-shop archive of DESIGN.md: the store hands over one
 * consistent snapshot row by row, and each row goes out as one line of
 * JSON as soon as it is read, so an export needs the memory of a few rows
 * whatever the shop's size. Besides the keys DESIGN.md lists, the export
 * writes a few optional ones (settings, created_at, archived_at,
 * notified_at, snoozed_until, is_read, touch_dismissed_at, staff) so that
 * nothing is lost on the way; readers that do not know them ignore them,
 * as the format asks. docs/import.md lists them. */

#define G_LOG_DOMAIN "crm-archive"

#include "config.h"

#include <json-glib/json-glib.h>

#include "crm-archive-private.h"
#include "crm-file-writer.h"
#include "crm-money.h"
#include "crm-store-archive.h"
#include "crm-store-messages.h"

/* Bytes gathered before they go to the stream. */
#define FLUSH_SIZE (64 * 1024)

typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GString       *out;
  JsonGenerator *generator;
  /* The local zone, looked up once: g_date_time_to_local() reads the
   * system's zone again on every call. */
  GTimeZone     *zone;
  guint          n_items;
} Exporter;

typedef void (*ItemFunc) (JsonBuilder   *builder,
                          gconstpointer  row,
                          GTimeZone     *zone);

/* The shop's settings that travel with it; bookkeeping (stats.*, the
 * digest's day) and keys of later versions stay behind. */
gboolean
crm_archive_setting_travels (const char *key)
{
  return g_utf8_validate (key, -1, NULL) &&
         ((g_str_has_prefix (key, "shop.") && !g_str_equal (key, "shop.currency")) ||
         g_str_has_prefix (key, "segment.") ||
         g_str_has_prefix (key, "touch.") ||
         g_str_equal (key, "reminders.opens") ||
         g_str_equal (key, "reminders.closes") ||
         g_str_has_prefix (key, "loyalty."));
}

static char *
iso_time (gint64     unix_time,
          GTimeZone *zone)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_timezone (utc, zone) : NULL;

  return local ? g_date_time_format (local, "%Y-%m-%dT%H:%M:%S%:z") : NULL;
}

static gboolean
flush (Exporter  *exporter,
       gsize      at_least,
       GError   **error)
{
  if (exporter->out->len < at_least)
    return TRUE;

  if (!g_output_stream_write_all (exporter->stream, exporter->out->str, exporter->out->len, NULL,
                                  exporter->cancellable, error))
    return FALSE;

  g_string_truncate (exporter->out, 0);
  return TRUE;
}

static void
append_node (Exporter *exporter,
             JsonNode *node)
{
  g_autofree char *text = NULL;
  gsize length = 0;

  json_generator_set_root (exporter->generator, node);
  text = json_generator_to_data (exporter->generator, &length);
  g_string_append_len (exporter->out, text, (gssize) length);
}

static void
append_string (Exporter   *exporter,
               const char *text)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);

  append_node (exporter, node);
}

/* The opening keys every file of ours has: what it is, and when. */
static void
write_head (Exporter   *exporter,
            const char *format,
            const char *currency,
            const char *now)
{
  g_string_append_printf (exporter->out, "{\n  \"format\": \"%s\",\n  \"version\": %d,\n  \"currency\": ",
                          format, CRM_ARCHIVE_VERSION);
  append_string (exporter, currency);
  g_string_append (exporter->out, ",\n  \"exported_at\": ");
  append_string (exporter, now ? now : "");
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
add_text_or_null (JsonBuilder *builder,
                  const char  *key,
                  const char  *text)
{
  json_builder_set_member_name (builder, key);
  if (text == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, text);
}

static void
add_time (JsonBuilder *builder,
          const char  *key,
          gint64       time,
          GTimeZone   *zone)
{
  g_autofree char *text = time != 0 ? iso_time (time, zone) : NULL;

  add_text_or_null (builder, key, text);
}

static void
add_int_or_null (JsonBuilder *builder,
                 const char  *key,
                 gint64       value)
{
  json_builder_set_member_name (builder, key);
  if (value == 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, value);
}

static void
add_bool (JsonBuilder *builder,
          const char  *key,
          gboolean     value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_boolean_value (builder, value);
}

/* "c12" for customer 12, "s3" for staff member 3; 0 is nobody. */
static void
add_ref (JsonBuilder *builder,
         const char  *key,
         gint64       id,
         char         prefix)
{
  g_autofree char *ref = id != 0 ? g_strdup_printf ("%c%" G_GINT64_FORMAT, prefix, id) : NULL;

  add_text_or_null (builder, key, ref);
}

static void
staff_item (JsonBuilder   *builder,
            gconstpointer  row,
            GTimeZone     *zone)
{
  const CrmArchiveStaff *staff = row;

  add_ref (builder, "ref", staff->id, 's');
  add_text (builder, "name", staff->name);
  add_text (builder, "language", staff->language);
  add_bool (builder, "archived", staff->archived);
  add_time (builder, "created_at", staff->created_at, zone);
}

static void
customer_item (JsonBuilder   *builder,
               gconstpointer  row,
               GTimeZone     *zone)
{
  const CrmArchiveCustomer *customer = row;

  add_ref (builder, "ref", customer->id, 'c');
  add_text (builder, "name", customer->name);
  add_text (builder, "phone", customer->phone);
  add_text (builder, "email", customer->email);
  add_text (builder, "address", customer->address);
  add_text_or_null (builder, "birthday", customer->birthday);
  add_text (builder, "notes", customer->notes);
  json_builder_set_member_name (builder, "tags");
  json_builder_begin_array (builder);
  for (guint i = 0; customer->tags[i] != NULL; i++)
    json_builder_add_string_value (builder, customer->tags[i]);
  json_builder_end_array (builder);
  add_text_or_null (builder, "segment_override", customer->segment_override);
  add_time (builder, "created_at", customer->created_at, zone);
  add_time (builder, "archived_at", customer->archived_at, zone);
  add_time (builder, "touch_dismissed_at", customer->touch_dismissed_at, zone);
  /* How they like to be reached, and their consent (docs/messages.md). */
  add_text (builder, "language", customer->language);
  add_text (builder, "channel", customer->channel);
  add_text (builder, "telegram", customer->telegram);
  add_bool (builder, "marketing_consent", customer->marketing_consent);
  add_text_or_null (builder, "consent_date", customer->consent_date);
  add_text (builder, "consent_source", customer->consent_source);
}

static void
purchase_item (JsonBuilder   *builder,
               gconstpointer  row,
               GTimeZone     *zone)
{
  const CrmArchivePurchase *purchase = row;
  g_autofree char *amount = crm_money_format_plain (purchase->amount);

  add_ref (builder, "customer", purchase->customer, 'c');
  add_time (builder, "at", purchase->at, zone);
  add_text (builder, "amount", amount);
  add_text (builder, "description", purchase->description);
  add_ref (builder, "staff", purchase->staff, 's');
  /* For the loyalty ledger's links, and what points took off. */
  add_ref (builder, "ref", purchase->id, 'p');
  if (purchase->discount != 0)
    {
      g_autofree char *discount = crm_money_format_plain (purchase->discount);

      add_text (builder, "discount", discount);
    }
  if (purchase->earns)
    add_bool (builder, "earns", TRUE);
}

static void
interaction_item (JsonBuilder   *builder,
                  gconstpointer  row,
                  GTimeZone     *zone)
{
  const CrmArchiveInteraction *interaction = row;

  add_ref (builder, "customer", interaction->customer, 'c');
  add_time (builder, "at", interaction->at, zone);
  add_text (builder, "kind", interaction->kind);
  add_text (builder, "note", interaction->note);
  add_ref (builder, "staff", interaction->staff, 's');
}

static void
follow_up_item (JsonBuilder   *builder,
                gconstpointer  row,
                GTimeZone     *zone)
{
  const CrmArchiveFollowUp *follow_up = row;

  add_ref (builder, "customer", follow_up->customer, 'c');
  add_time (builder, "due_at", follow_up->due_at, zone);
  add_text (builder, "note", follow_up->note);
  add_int_or_null (builder, "repeat_days", follow_up->repeat_days);
  add_time (builder, "done_at", follow_up->done_at, zone);
  add_time (builder, "snoozed_until", follow_up->snoozed_until, zone);
  add_time (builder, "notified_at", follow_up->notified_at, zone);
  add_time (builder, "created_at", follow_up->created_at, zone);
}

static void
feedback_item (JsonBuilder   *builder,
               gconstpointer  row,
               GTimeZone     *zone)
{
  const CrmArchiveFeedback *feedback = row;

  add_ref (builder, "customer", feedback->customer, 'c');
  add_time (builder, "received_at", feedback->received_at, zone);
  add_text (builder, "kind", feedback->kind);
  add_int_or_null (builder, "rating", feedback->rating);
  add_text (builder, "channel", feedback->channel);
  add_text (builder, "text", feedback->text);
  add_text (builder, "status", feedback->status);
  add_bool (builder, "is_read", feedback->is_read);
  add_text_or_null (builder, "response", feedback->response);
  add_time (builder, "responded_at", feedback->responded_at, zone);
  add_time (builder, "resolved_at", feedback->resolved_at, zone);
  add_ref (builder, "staff", feedback->staff, 's');
  add_int_or_null (builder, "effort", feedback->effort);
  json_builder_set_member_name (builder, "recommend");
  if (feedback->recommend >= 0)
    json_builder_add_int_value (builder, feedback->recommend);
  else
    json_builder_add_null_value (builder);
  add_bool (builder, "first_contact", feedback->first_contact);
  add_time (builder, "reopened_at", feedback->reopened_at, zone);
}

static void
reward_item (JsonBuilder   *builder,
             gconstpointer  row,
             GTimeZone     *zone)
{
  const CrmArchiveReward *reward = row;

  add_ref (builder, "ref", reward->id, 'r');
  add_text (builder, "name", reward->name);
  add_int_or_null (builder, "points_cost", reward->points_cost);
  add_bool (builder, "active", reward->active);
}

static void
tier_item (JsonBuilder   *builder,
           gconstpointer  row,
           GTimeZone     *zone)
{
  const CrmArchiveTier *tier = row;
  g_autofree char *min_spend = crm_money_format_plain (tier->min_spend);

  add_text (builder, "name", tier->name);
  add_text (builder, "min_spend", min_spend);
  add_int_or_null (builder, "rate", tier->rate);
}

static void
ledger_item (JsonBuilder   *builder,
             gconstpointer  row,
             GTimeZone     *zone)
{
  const CrmArchiveLedgerEntry *entry = row;

  add_ref (builder, "customer", entry->customer, 'c');
  add_time (builder, "at", entry->at, zone);
  add_int_or_null (builder, "points", entry->points);
  add_text (builder, "kind", entry->kind);
  add_text (builder, "reason", entry->reason);
  add_ref (builder, "purchase", entry->purchase, 'p');
  add_ref (builder, "reward", entry->reward, 'r');
  add_ref (builder, "staff", entry->staff, 's');
}

static const struct
{
  CrmArchiveKind  kind;
  const char     *name;
  ItemFunc        item;
  gsize           count;   /* offset in CrmArchiveCounts */
} sections[] = {
  { CRM_ARCHIVE_STAFF, "staff", staff_item, G_STRUCT_OFFSET (CrmArchiveCounts, staff) },
  { CRM_ARCHIVE_CUSTOMERS, "customers", customer_item, G_STRUCT_OFFSET (CrmArchiveCounts, customers) },
  { CRM_ARCHIVE_PURCHASES, "purchases", purchase_item, G_STRUCT_OFFSET (CrmArchiveCounts, purchases) },
  { CRM_ARCHIVE_INTERACTIONS, "interactions", interaction_item,
    G_STRUCT_OFFSET (CrmArchiveCounts, interactions) },
  { CRM_ARCHIVE_FOLLOW_UPS, "follow_ups", follow_up_item, G_STRUCT_OFFSET (CrmArchiveCounts, follow_ups) },
  { CRM_ARCHIVE_FEEDBACK, "feedback", feedback_item, G_STRUCT_OFFSET (CrmArchiveCounts, feedback) },
  { CRM_ARCHIVE_REWARDS, "rewards", reward_item, G_STRUCT_OFFSET (CrmArchiveCounts, rewards) },
  { CRM_ARCHIVE_TIERS, "tiers", tier_item, G_STRUCT_OFFSET (CrmArchiveCounts, tiers) },
  { CRM_ARCHIVE_LEDGER, "loyalty", ledger_item, G_STRUCT_OFFSET (CrmArchiveCounts, ledger) },
};

typedef struct
{
  Exporter *exporter;
  ItemFunc  item;
} SectionWriter;

/* The sections of one person's data, in the archive's order. */
static const CrmArchiveKind person_sections[] = {
  CRM_ARCHIVE_CUSTOMERS, CRM_ARCHIVE_PURCHASES, CRM_ARCHIVE_INTERACTIONS,
  CRM_ARCHIVE_FOLLOW_UPS, CRM_ARCHIVE_FEEDBACK, CRM_ARCHIVE_LEDGER,
};

/* One item per line, so that the file reads and compares well. */
static gboolean
write_item_cb (gconstpointer   row,
               gpointer        user_data,
               GError        **error)
{
  SectionWriter *section = user_data;
  Exporter *exporter = section->exporter;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  section->item (builder, row, exporter->zone);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  g_string_append (exporter->out, exporter->n_items == 0 ? "\n    " : ",\n    ");
  append_node (exporter, node);
  exporter->n_items++;
  return flush (exporter, FLUSH_SIZE, error);
}

static gboolean
write_section (Exporter          *exporter,
               CrmStore          *store,
               guint              i,
               gint64             customer_id,
               CrmArchiveCounts  *counts,
               GError           **error)
{
  SectionWriter section = { exporter, sections[i].item };
  guint *count = G_STRUCT_MEMBER_P (counts, sections[i].count);

  g_string_append_printf (exporter->out, ",\n  \"%s\": [", sections[i].name);
  exporter->n_items = 0;
  if (!crm_store_archive_foreach_of (store, sections[i].kind, customer_id, write_item_cb, &section,
                                     count, error))
    return FALSE;
  g_string_append (exporter->out, *count > 0 ? "\n  ]" : "]");
  return TRUE;
}

static gboolean
add_setting_cb (gconstpointer   row,
                gpointer        user_data,
                GError        **error)
{
  const CrmArchiveSetting *setting = row;

  if (crm_archive_setting_travels (setting->key))
    add_text (user_data, setting->key, setting->value);
  return TRUE;
}

static gboolean
write_settings (Exporter  *exporter,
                CrmStore  *store,
                GError   **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  if (!crm_store_archive_foreach (store, CRM_ARCHIVE_SETTINGS, add_setting_cb, builder, NULL, error))
    return FALSE;
  json_builder_end_object (builder);

  node = json_builder_get_root (builder);
  g_string_append (exporter->out, ",\n  \"settings\": ");
  append_node (exporter, node);
  return TRUE;
}

/**
 * crm_archive_export_to_stream:
 * @counts: (out) (optional): what the archive holds
 *
 * Writes the whole shop as an archive to @stream, read from one snapshot
 * of the database, as it reads it. @stream is not closed.
 */
gboolean
crm_archive_export_to_stream (CrmStore          *store,
                              GOutputStream     *stream,
                              CrmArchiveCounts  *counts,
                              GCancellable      *cancellable,
                              GError           **error)
{
  g_autoptr(GString) out = g_string_sized_new (FLUSH_SIZE + 4096);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autofree char *currency = NULL;
  g_autofree char *now = NULL;
  Exporter exporter = { stream, cancellable, out, generator, zone, 0 };
  CrmArchiveCounts n = { 0 };
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  currency = crm_store_dup_currency (store);
  now = iso_time (crm_store_now (store), zone);

  if (!crm_store_archive_begin_read (store, error))
    return FALSE;

  write_head (&exporter, CRM_ARCHIVE_FORMAT, currency, now);

  ok = write_settings (&exporter, store, error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (sections); i++)
    ok = write_section (&exporter, store, i, 0, &n, error);

  crm_store_archive_end_read (store);
  if (!ok)
    return FALSE;

  g_string_append (out, "\n}\n");
  if (!flush (&exporter, 0, error))
    return FALSE;

  if (counts != NULL)
    *counts = n;
  return TRUE;
}

/**
 * crm_archive_export_bytes:
 * @counts: (out) (optional): what the archive holds
 *
 * The whole archive in memory: for tests and small shops. Files go
 * through crm_archive_export(), which needs no more memory for a big shop
 * than for a small one.
 *
 * Returns: (transfer full): the archive's text, or %NULL with @error set
 */
GBytes *
crm_archive_export_bytes (CrmStore          *store,
                          CrmArchiveCounts  *counts,
                          GError           **error)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  if (!crm_archive_export_to_stream (store, stream, counts, NULL, error) ||
      !g_output_stream_close (stream, NULL, error))
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (stream));
}

/**
 * crm_archive_export:
 *
 * Writes the archive to @file through the atomic file writer: a failure
 * leaves the old file as it was, and the new one is 0600.
 */
gboolean
crm_archive_export (CrmStore          *store,
                    GFile             *file,
                    CrmArchiveCounts  *counts,
                    GError           **error)
{
  g_autoptr(CrmFileWriter) writer = NULL;
  CrmArchiveCounts n;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  writer = crm_file_writer_new (file, error);
  if (writer == NULL ||
      !crm_archive_export_to_stream (store, crm_file_writer_get_stream (writer), &n, NULL, error) ||
      !crm_file_writer_commit (writer, NULL, error))
    return FALSE;

  if (counts != NULL)
    *counts = n;
  return TRUE;
}

/* One person */

static gboolean
export_person_to_stream (CrmStore       *store,
                         gint64          customer_id,
                         GOutputStream  *stream,
                         GError        **error)
{
  g_autoptr(GString) out = g_string_sized_new (FLUSH_SIZE + 4096);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autofree char *currency = crm_store_dup_currency (store);
  g_autofree char *now = iso_time (crm_store_now (store), zone);
  Exporter exporter = { stream, NULL, out, generator, zone, 0 };
  CrmArchiveCounts n = { 0 };
  gboolean ok = TRUE;

  if (!crm_store_archive_begin_read (store, error))
    return FALSE;

  write_head (&exporter, CRM_ARCHIVE_PERSON_FORMAT, currency, now);

  for (guint k = 0; ok && k < G_N_ELEMENTS (person_sections); k++)
    for (guint i = 0; ok && i < G_N_ELEMENTS (sections); i++)
      if (sections[i].kind == person_sections[k])
        ok = write_section (&exporter, store, i, customer_id, &n, error);

  crm_store_archive_end_read (store);
  if (!ok)
    return FALSE;
  if (n.customers == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "no customer with id %" G_GINT64_FORMAT, customer_id);
      return FALSE;
    }

  g_string_append (out, "\n}\n");
  return flush (&exporter, 0, error);
}

/**
 * crm_archive_export_person:
 *
 * Writes everything the shop holds about customer @customer_id to @file
 * as JSON (format "clientele-person": their fields, purchases, history,
 * follow-ups, feedback and points ledger, in the archive's keys),
 * atomically and readable by its owner only. The store's privacy log
 * notes the export, without the person's details.
 */
gboolean
crm_archive_export_person (CrmStore  *store,
                           gint64     customer_id,
                           GFile     *file,
                           GError   **error)
{
  g_autoptr(CrmFileWriter) writer = NULL;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (customer_id > 0, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  writer = crm_file_writer_new (file, error);
  return writer != NULL &&
         export_person_to_stream (store, customer_id, crm_file_writer_get_stream (writer), error) &&
         crm_file_writer_commit (writer, NULL, error) &&
         crm_store_log_privacy (store, CRM_PRIVACY_EXPORT, customer_id, error);
}
