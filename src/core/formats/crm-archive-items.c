/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The checks of the archive's values, one item at a time: each missing
 * key or bad value is named with its item ("purchases[12]") and key, and
 * a good item becomes the row the store writes. Nothing here reads a
 * file or touches a store. */

#define G_LOG_DOMAIN "crm-archive"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-archive-private.h"
#include "crm-loyalty.h"
#include "crm-money.h"
#include "crm-text.h"

#define MAX_TEXT         20000
#define MAX_FIELD        500
#define MAX_REPEAT_DAYS  36500
/* The store's limit for a staff member's name. */
#define MAX_STAFF_NAME   80

static const char *const interaction_kinds[] = { "call", "visit", "message", "email", "other", NULL };
static const char *const feedback_kinds[] = { "complaint", "praise", "suggestion", "question", NULL };
static const char *const feedback_channels[] = { "in-store", "phone", "email", "social", "other", NULL };
static const char *const feedback_statuses[] = { "new", "in_progress", "resolved", NULL };
static const char *const segment_overrides[] = { "key", "secondary", NULL };
static const char *const staff_languages[] = { "", "en", "ka", "hy", NULL };
static const char *const customer_channels[] = {
  "", "call", "sms", "email", "whatsapp", "viber", "telegram", "copy", NULL,
};

gboolean
crm_archive_fail (GError     **error,
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

#define fail crm_archive_fail

void
crm_archive_refs_init (CrmArchiveRefs *refs)
{
  /* The refs' text in one chunk: a big shop has hundreds of thousands. */
  refs->customers = g_hash_table_new (g_str_hash, g_str_equal);
  refs->staff = g_hash_table_new (g_str_hash, g_str_equal);
  refs->text = g_string_chunk_new (64 * 1024);
  refs->purchases = g_hash_table_new (g_str_hash, g_str_equal);
  refs->rewards = g_hash_table_new (g_str_hash, g_str_equal);
  refs->balances = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

void
crm_archive_refs_clear (CrmArchiveRefs *refs)
{
  g_clear_pointer (&refs->customers, g_hash_table_unref);
  g_clear_pointer (&refs->staff, g_hash_table_unref);
  g_clear_pointer (&refs->text, g_string_chunk_free);
  g_clear_pointer (&refs->purchases, g_hash_table_unref);
  g_clear_pointer (&refs->rewards, g_hash_table_unref);
  g_clear_pointer (&refs->balances, g_hash_table_unref);
}

void
crm_archive_refs_add (CrmArchiveRefs *refs,
                      GHashTable     *table,
                      const char     *ref,
                      gint64          id)
{
  g_assert (id > 0);

  g_hash_table_insert (table, g_string_chunk_insert (refs->text, ref), GSIZE_TO_POINTER ((gsize) id));
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

/* @out is 0 when the time is not there (the store's "never"). */
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

  *out = 0;
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

/* @out is owned by @object, or is @fallback. */
static gboolean
get_choice (JsonObject          *object,
            const char          *item,
            const char          *key,
            gboolean             required,
            const char          *fallback,
            const char * const  *allowed,
            const char         **out,
            GError             **error)
{
  const char *text;

  if (!get_text (object, item, key, required, &text, error))
    return FALSE;

  if (text == NULL)
    {
      *out = fallback;
      return TRUE;
    }

  if (!g_strv_contains (allowed, text))
    {
      g_autofree char *joined = g_strjoinv ("”, “", (char **) allowed);
      g_autofree char *list = g_strconcat ("“", joined, "”", NULL);

      return fail (error, _("In %s, “%s” must be one of: %s."), item, key, list);
    }

  *out = text;
  return TRUE;
}

/* @out is the id @ref names in @refs: 0 for nobody, or for a ref that
 * is not there (the caller says which kind of thing is missing). */
static gboolean
lookup_ref (JsonObject   *object,
            const char   *item,
            const char   *key,
            gboolean      required,
            GHashTable   *refs,
            gint64       *out,
            const char  **ref,
            GError      **error)
{
  *out = 0;
  if (!get_text (object, item, key, required, ref, error))
    return FALSE;
  if (*ref != NULL)
    *out = (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (refs, *ref));
  return TRUE;
}

/* @out is the id of the one named, 0 for nobody. */
static gboolean
get_ref (JsonObject   *object,
         const char   *item,
         const char   *key,
         gboolean      required,
         GHashTable   *refs,
         gboolean      staff,
         gint64       *out,
         GError      **error)
{
  const char *ref;

  if (!lookup_ref (object, item, key, required, refs, out, &ref, error))
    return FALSE;
  if (ref == NULL || *out != 0)
    return TRUE;

  return staff ? fail (error, _("In %s, “%s” names staff member “%s”, who is not in the archive."),
                       item, key, ref)
               : fail (error, _("In %s, “%s” names customer “%s”, who is not in the archive."),
                       item, key, ref);
}

/* An item's own optional "ref" (a purchase's, a reward's): not used twice. */
static gboolean
get_new_ref (JsonObject   *object,
             const char   *item,
             GHashTable   *refs,
             const char  **ref,
             GError      **error)
{
  if (!get_text (object, item, "ref", FALSE, ref, error))
    return FALSE;
  if (*ref != NULL && g_hash_table_contains (refs, *ref))
    return fail (error, _("In %s, the ref “%s” is used twice."), item, *ref);
  return TRUE;
}

/* An optional amount of money not below zero; 0 when not there. */
static gboolean
get_amount (JsonObject   *object,
            const char   *item,
            const char   *key,
            const char  **text,
            gint64       *out,
            GError      **error)
{
  g_autoptr(GError) invalid = NULL;

  *out = 0;
  if (!get_text (object, item, key, FALSE, text, error))
    return FALSE;
  if (*text == NULL)
    return TRUE;
  if (!crm_money_parse (*text, out, &invalid))
    return fail (error, _("In %s, “%s”: %s"), item, key, invalid->message);
  if (*out < 0)
    return fail (error, _("In %s, “%s” must not be below zero."), item, key);
  return TRUE;
}

/* A link to a purchase or reward earlier in the archive; 0 for none. */
static gboolean
get_link (JsonObject   *object,
          const char   *item,
          const char   *key,
          GHashTable   *refs,
          gint64       *out,
          GError      **error)
{
  const char *ref;

  if (!lookup_ref (object, item, key, FALSE, refs, out, &ref, error))
    return FALSE;
  if (ref == NULL || *out != 0)
    return TRUE;

  return fail (error, _("In %s, “%s” names “%s”, which is not in the archive."), item, key, ref);
}

/* A cleaned copy of @text, kept in @texts for the row. */
static const char *
clean_text (const char *text,
            gsize       max_chars,
            GPtrArray  *texts)
{
  char *clean = crm_text_clean (text ? text : "", max_chars);

  g_ptr_array_add (texts, clean);
  return clean;
}

gboolean
crm_archive_read_header (JsonObject  *root,
                         char       **currency_out,
                         GError     **error)
{
  const char *format, *currency;
  gint64 version;

  if (!get_text (root, NULL, "format", FALSE, &format, error))
    return FALSE;
  if (g_strcmp0 (format, CRM_ARCHIVE_FORMAT) != 0)
    {
      g_set_error_literal (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_SYNTAX,
                           _("This file is not a Clientele archive."));
      return FALSE;
    }

  if (!get_int (root, NULL, "version", TRUE, 1, G_MAXINT, &version, error))
    return FALSE;
  if (version > CRM_ARCHIVE_VERSION)
    {
      g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_VERSION,
                   _("This archive was written by a newer version of Clientele (format version %d). "
                     "Update Clientele to import it."),
                   (int) MIN (version, G_MAXINT));
      return FALSE;
    }

  if (!get_text (root, NULL, "currency", TRUE, &currency, error))
    return FALSE;
  if (!crm_money_is_currency (currency))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) crm_money_currencies ());

      g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_INVALID,
                   _("The archive’s currency “%s” is not one Clientele knows (%s)."),
                   currency, known);
      return FALSE;
    }

  *currency_out = g_strdup (currency);
  return TRUE;
}

/* @settings gets key, value, key, value… of the settings that travel. */
gboolean
crm_archive_read_settings (JsonObject  *root,
                           GPtrArray   *settings,
                           char       **shop_name,
                           GError     **error)
{
  JsonNode *node = json_object_get_member (root, "settings");
  g_autoptr(GList) keys = NULL;
  JsonObject *object;

  if (is_null (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, _("“%s” must be an object, in braces { }."), "settings");

  object = json_node_get_object (node);
  keys = json_object_get_members (object);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      const char *key = l->data;
      const char *value;

      if (!crm_archive_setting_travels (key))
        continue;
      if (!get_text (object, "settings", key, TRUE, &value, error))
        return FALSE;

      g_ptr_array_add (settings, g_strdup (key));
      g_ptr_array_add (settings, crm_text_clean (value, MAX_FIELD));
      if (g_str_equal (key, "shop.name"))
        {
          g_free (*shop_name);
          *shop_name = crm_text_clean (value, MAX_FIELD);
        }
    }

  return TRUE;
}

gboolean
crm_archive_read_staff (JsonObject       *object,
                        const char       *item,
                        CrmArchiveRefs   *refs,
                        CrmArchiveStaff  *row,
                        const char      **ref,
                        GPtrArray        *texts,
                        GError          **error)
{
  const char *name;

  *row = (CrmArchiveStaff) { 0 };
  if (!get_text (object, item, "ref", TRUE, ref, error) ||
      !get_text (object, item, "name", TRUE, &name, error) ||
      !get_bool (object, item, "archived", &row->archived, error) ||
      !get_time (object, item, "created_at", FALSE, &row->created_at, error))
    return FALSE;

  if ((*ref)[0] == '\0')
    return fail (error, _("In %s, “%s” must not be empty."), item, "ref");
  if (g_hash_table_contains (refs->staff, *ref))
    return fail (error, _("In %s, “%s” is used by another staff member too."), item, "ref");

  row->name = clean_text (name, MAX_STAFF_NAME, texts);
  if (row->name[0] == '\0')
    return fail (error, _("In %s, “%s” must not be empty."), item, "name");

  return get_choice (object, item, "language", FALSE, "", staff_languages, &row->language, error);
}

static gboolean
get_tags (JsonObject         *object,
          const char         *item,
          CrmImportCustomer  *customer,
          GError            **error)
{
  JsonNode *tags = json_object_get_member (object, "tags");
  JsonArray *array;

  if (is_null (tags))
    return TRUE;

  array = JSON_NODE_HOLDS_ARRAY (tags) ? json_node_get_array (tags) : NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *tag = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (tag) || json_node_get_value_type (tag) != G_TYPE_STRING)
        array = NULL;
      else
        crm_import_customer_add_tag (customer, json_node_get_string (tag));
    }

  return array != NULL || fail (error, _("In %s, “%s” must be a list of texts."), item, "tags");
}

/* @customer is initialised here; the caller clears it, whatever the result. */
gboolean
crm_archive_read_customer (JsonObject         *object,
                           const char         *item,
                           CrmArchiveRefs     *refs,
                           CrmImportCustomer  *customer,
                           const char        **ref,
                           GError            **error)
{
  const char *name, *phone, *email, *address, *birthday, *notes, *segment;
  const char *language, *channel, *telegram, *consent_date, *consent_source;
  g_autoptr(GError) invalid = NULL;
  g_autofree char *clean_name = NULL;

  crm_import_customer_init (customer);
  if (!get_text (object, item, "ref", TRUE, ref, error) ||
      !get_text (object, item, "name", TRUE, &name, error) ||
      !get_text (object, item, "phone", FALSE, &phone, error) ||
      !get_text (object, item, "email", FALSE, &email, error) ||
      !get_text (object, item, "address", FALSE, &address, error) ||
      !get_text (object, item, "birthday", FALSE, &birthday, error) ||
      !get_text (object, item, "notes", FALSE, &notes, error) ||
      !get_choice (object, item, "segment_override", FALSE, NULL, segment_overrides, &segment, error) ||
      !get_time (object, item, "created_at", FALSE, &customer->created_at, error) ||
      !get_time (object, item, "archived_at", FALSE, &customer->archived_at, error) ||
      !get_time (object, item, "touch_dismissed_at", FALSE, &customer->touch_dismissed_at, error) ||
      !get_choice (object, item, "language", FALSE, "", staff_languages, &language, error) ||
      !get_choice (object, item, "channel", FALSE, "", customer_channels, &channel, error) ||
      !get_text (object, item, "telegram", FALSE, &telegram, error) ||
      !get_bool (object, item, "marketing_consent", &customer->marketing_consent, error) ||
      !get_text (object, item, "consent_date", FALSE, &consent_date, error) ||
      !get_text (object, item, "consent_source", FALSE, &consent_source, error))
    return FALSE;

  if ((*ref)[0] == '\0')
    return fail (error, _("In %s, “%s” must not be empty."), item, "ref");
  if (g_hash_table_contains (refs->customers, *ref))
    return fail (error, _("In %s, “%s” is used by another customer too."), item, "ref");

  clean_name = crm_text_clean (name, CRM_IMPORT_MAX_NAME);
  if (clean_name[0] == '\0')
    return fail (error, _("In %s, “%s” must not be empty."), item, "name");
  if (!crm_text_check_phone (phone, &invalid))
    return fail (error, _("In %s, “%s”: %s"), item, "phone", invalid->message);
  if (!crm_text_check_email (email, &invalid))
    return fail (error, _("In %s, “%s”: %s"), item, "email", invalid->message);
  if (birthday != NULL && birthday[0] != '\0' && !crm_import_valid_birthday (birthday))
    return fail (error, _("In %s, “%s” must be a date, for example 1990-05-31."), item, "birthday");

  customer->name = g_strdup (name);
  customer->phone = g_strdup (phone);
  customer->email = g_strdup (email);
  customer->address = g_strdup (address);
  customer->birthday = g_strdup (birthday);
  customer->notes = g_strdup (notes);
  customer->segment_override = g_strdup (segment);
  customer->language = g_strdup (language);
  customer->channel = g_strdup (channel);
  customer->telegram = g_strdup (telegram);
  customer->consent_date = g_strdup (consent_date);
  customer->consent_source = g_strdup (consent_source);

  /* Everything was checked above: cleaning only trims and cuts. */
  return get_tags (object, item, customer, error) && crm_import_customer_clean (customer, error);
}

gboolean
crm_archive_read_purchase (JsonObject          *object,
                           const char          *item,
                           CrmArchiveRefs      *refs,
                           CrmArchivePurchase  *row,
                           const char         **ref,
                           GPtrArray           *texts,
                           GError             **error)
{
  const char *amount, *description, *discount;
  g_autoptr(GError) invalid = NULL;

  *row = (CrmArchivePurchase) { 0 };
  if (!get_ref (object, item, "customer", TRUE, refs->customers, FALSE, &row->customer, error) ||
      !get_time (object, item, "at", TRUE, &row->at, error) ||
      !get_text (object, item, "amount", TRUE, &amount, error) ||
      !get_text (object, item, "description", FALSE, &description, error) ||
      !get_ref (object, item, "staff", FALSE, refs->staff, TRUE, &row->staff, error) ||
      !get_new_ref (object, item, refs->purchases, ref, error) ||
      !get_amount (object, item, "discount", &discount, &row->discount, error) ||
      !get_bool (object, item, "earns", &row->earns, error))
    return FALSE;

  if (!crm_money_parse (amount, &row->amount, &invalid))
    return fail (error, _("In %s, “%s”: %s"), item, "amount", invalid->message);
  if (row->amount == 0)
    return fail (error, _("In %s, “%s” must not be zero."), item, "amount");

  row->description = clean_text (description, MAX_FIELD, texts);
  return TRUE;
}

gboolean
crm_archive_read_interaction (JsonObject             *object,
                              const char             *item,
                              CrmArchiveRefs         *refs,
                              CrmArchiveInteraction  *row,
                              GPtrArray              *texts,
                              GError                **error)
{
  const char *note;

  *row = (CrmArchiveInteraction) { 0 };
  if (!get_ref (object, item, "customer", TRUE, refs->customers, FALSE, &row->customer, error) ||
      !get_time (object, item, "at", TRUE, &row->at, error) ||
      !get_text (object, item, "note", FALSE, &note, error) ||
      !get_ref (object, item, "staff", FALSE, refs->staff, TRUE, &row->staff, error) ||
      !get_choice (object, item, "kind", TRUE, NULL, interaction_kinds, &row->kind, error))
    return FALSE;

  row->note = clean_text (note, MAX_TEXT, texts);
  return TRUE;
}

gboolean
crm_archive_read_follow_up (JsonObject          *object,
                            const char          *item,
                            CrmArchiveRefs      *refs,
                            CrmArchiveFollowUp  *row,
                            GPtrArray           *texts,
                            GError             **error)
{
  const char *note;

  *row = (CrmArchiveFollowUp) { 0 };
  if (!get_ref (object, item, "customer", TRUE, refs->customers, FALSE, &row->customer, error) ||
      !get_time (object, item, "due_at", TRUE, &row->due_at, error) ||
      !get_text (object, item, "note", FALSE, &note, error) ||
      !get_int (object, item, "repeat_days", FALSE, 1, MAX_REPEAT_DAYS, &row->repeat_days, error) ||
      !get_time (object, item, "done_at", FALSE, &row->done_at, error) ||
      !get_time (object, item, "snoozed_until", FALSE, &row->snoozed_until, error) ||
      !get_time (object, item, "notified_at", FALSE, &row->notified_at, error) ||
      !get_time (object, item, "created_at", FALSE, &row->created_at, error))
    return FALSE;

  row->note = clean_text (note, MAX_TEXT, texts);
  return TRUE;
}

gboolean
crm_archive_read_feedback (JsonObject          *object,
                           const char          *item,
                           CrmArchiveRefs      *refs,
                           CrmArchiveFeedback  *row,
                           GPtrArray           *texts,
                           GError             **error)
{
  const char *text, *response;

  *row = (CrmArchiveFeedback) { 0 };
  if (!get_ref (object, item, "customer", FALSE, refs->customers, FALSE, &row->customer, error) ||
      !get_ref (object, item, "staff", FALSE, refs->staff, TRUE, &row->staff, error) ||
      !get_time (object, item, "received_at", TRUE, &row->received_at, error) ||
      !get_int (object, item, "rating", FALSE, 1, 5, &row->rating, error) ||
      !get_text (object, item, "text", FALSE, &text, error) ||
      !get_text (object, item, "response", FALSE, &response, error) ||
      !get_bool (object, item, "is_read", &row->is_read, error) ||
      !get_time (object, item, "responded_at", FALSE, &row->responded_at, error) ||
      !get_time (object, item, "resolved_at", FALSE, &row->resolved_at, error) ||
      !get_int (object, item, "effort", FALSE, 1, 5, &row->effort, error) ||
      !get_int (object, item, "recommend", FALSE, 0, 10, &row->recommend, error) ||
      !get_bool (object, item, "first_contact", &row->first_contact, error) ||
      !get_time (object, item, "reopened_at", FALSE, &row->reopened_at, error) ||
      !get_choice (object, item, "kind", TRUE, NULL, feedback_kinds, &row->kind, error) ||
      !get_choice (object, item, "channel", FALSE, "in-store", feedback_channels, &row->channel, error) ||
      !get_choice (object, item, "status", FALSE, "new", feedback_statuses, &row->status, error))
    return FALSE;

  /* 0 is an answer to "would you recommend": absent or null is none. */
  {
    JsonNode *recommend = json_object_get_member (object, "recommend");

    if (recommend == NULL || JSON_NODE_HOLDS_NULL (recommend))
      row->recommend = -1;
  }

  row->text = clean_text (text, MAX_TEXT, texts);
  row->response = response != NULL ? clean_text (response, MAX_TEXT, texts) : NULL;
  return TRUE;
}

static const char *const ledger_kinds[] = { "earn", "spend", "reward", "adjust", "expiry", NULL };

gboolean
crm_archive_read_reward (JsonObject        *object,
                         const char        *item,
                         CrmArchiveReward  *row,
                         const char       **ref,
                         GPtrArray         *texts,
                         GError           **error)
{
  const char *name;

  *row = (CrmArchiveReward) { .active = TRUE };
  if (!get_text (object, item, "ref", TRUE, ref, error) ||
      !get_text (object, item, "name", TRUE, &name, error) ||
      !get_int (object, item, "points_cost", TRUE, 1, CRM_LOYALTY_MAX_POINTS, &row->points_cost, error) ||
      !get_bool (object, item, "active", &row->active, error))
    return FALSE;

  row->name = clean_text (name, MAX_FIELD, texts);
  if (row->name[0] == '\0')
    return fail (error, _("In %s, “%s” must not be empty."), item, "name");
  return TRUE;
}

gboolean
crm_archive_read_tier (JsonObject      *object,
                       const char      *item,
                       CrmArchiveTier  *row,
                       GPtrArray       *texts,
                       GError         **error)
{
  const char *name, *min_spend;

  *row = (CrmArchiveTier) { 0 };
  if (!get_text (object, item, "name", TRUE, &name, error) ||
      !get_amount (object, item, "min_spend", &min_spend, &row->min_spend, error) ||
      !get_int (object, item, "rate", TRUE, 1, 1000, &row->rate, error))
    return FALSE;
  if (min_spend == NULL)
    return missing (item, "min_spend", error);

  row->name = clean_text (name, MAX_FIELD, texts);
  if (row->name[0] == '\0')
    return fail (error, _("In %s, “%s” must not be empty."), item, "name");
  return TRUE;
}

/* Each entry is checked against its customer's running balance: an
 * archive cannot bring a balance below zero. */
gboolean
crm_archive_read_ledger (JsonObject             *object,
                         const char             *item,
                         CrmArchiveRefs         *refs,
                         CrmArchiveLedgerEntry  *row,
                         GPtrArray              *texts,
                         GError                **error)
{
  const char *reason;
  gint64 *balance;

  *row = (CrmArchiveLedgerEntry) { 0 };
  if (!get_ref (object, item, "customer", TRUE, refs->customers, FALSE, &row->customer, error) ||
      !get_time (object, item, "at", TRUE, &row->at, error) ||
      !get_int (object, item, "points", TRUE, -CRM_LOYALTY_MAX_POINTS, CRM_LOYALTY_MAX_POINTS,
                &row->points, error) ||
      !get_choice (object, item, "kind", TRUE, NULL, ledger_kinds, &row->kind, error) ||
      !get_text (object, item, "reason", FALSE, &reason, error) ||
      !get_link (object, item, "purchase", refs->purchases, &row->purchase, error) ||
      !get_link (object, item, "reward", refs->rewards, &row->reward, error) ||
      !get_ref (object, item, "staff", FALSE, refs->staff, TRUE, &row->staff, error))
    return FALSE;

  if (row->points == 0)
    return fail (error, _("In %s, “%s” must not be zero."), item, "points");

  balance = g_hash_table_lookup (refs->balances, &row->customer);
  if (balance == NULL)
    {
      balance = g_new0 (gint64, 1);
      g_hash_table_insert (refs->balances, g_memdup2 (&row->customer, sizeof row->customer), balance);
    }
  if (*balance + row->points < 0)
    return fail (error, _("In %s, the points would take the customer’s balance below zero."), item);
  *balance += row->points;

  row->reason = clean_text (reason, MAX_FIELD, texts);
  return TRUE;
}
