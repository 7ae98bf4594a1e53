/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The whole-shop archive: a shop goes out and comes back the same, and a
 * bad archive is refused whole, naming the item and the key. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "crm-archive.h"
#include "crm-demo.h"
#include "shop-fixture.h"
#include "test-import-util.h"

/* 2026-06-01 12:00 UTC */
#define NOW ((gint64) 1780315200)

static void
assert_contains (const char *text,
                 const char *fragment)
{
  if (text == NULL || strstr (text, fragment) == NULL)
    g_error ("“%s” does not contain “%s”", text ? text : "(null)", fragment);
}

static int
compare_words (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* search_text's words come in tag order, which depends on tag ids: the
 * same words in another order search the same. */
static char *
sorted_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit (text ? text : "", " ", -1);

  qsort (words, g_strv_length (words), sizeof (char *), compare_words);
  return g_strjoinv (" ", words);
}

/* The rows of @sql, one line each; "m" maps customer ids to their rank. */
static char *
dump (CrmStore   *store,
      const char *sql)
{
  g_autofree char *full = g_strconcat ("WITH m AS (SELECT id, row_number () OVER (ORDER BY id) AS n "
                                       "FROM customers) ", sql, NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(CrmStmt) stmt = crm_store_prepare_once (store, full, NULL);

  if (stmt == NULL)
    g_error ("%s: %s", sql, crm_store_errmsg (store));

  while (crm_stmt_step (stmt) == CRM_STMT_ROW)
    {
      for (int c = 0; c < crm_stmt_column_count (stmt); c++)
        {
          const char *text = crm_stmt_column_text (stmt, c);

          if (g_str_equal (crm_stmt_column_name (stmt, c), "search_text"))
            {
              g_autofree char *words = sorted_words (text);

              g_string_append_printf (out, "%s|", words);
            }
          else
            g_string_append_printf (out, "%s|", text ? text : "NULL");
        }
      g_string_append_c (out, '\n');
    }

  return g_strdup (out->str);
}

/* Every table, row by row, ids left out (customers by rank); the
 * program's own bookkeeping (stats.*, the digest's day, when a row was
 * typed in) left out too. */
static const struct
{
  const char *table;
  const char *sql;
} comparisons[] = {
  /* The currency is compared as the shop sees it: unset means GEL. */
  { "settings", "SELECT key, value FROM settings WHERE key NOT LIKE 'stats.%' "
                "AND key NOT IN ('reminders.digest_day', 'shop.currency') ORDER BY key" },
  { "customers", "SELECT m.n, name, phone, email, address, birthday, notes, segment_override, "
                 "archived_at, created_at, name_key, search_text, phone_key, touch_dismissed_at "
                 "FROM customers c JOIN m ON m.id = c.id ORDER BY m.n" },
  { "tags", "SELECT name FROM tags ORDER BY name" },
  { "customer_tags", "SELECT m.n, t.name FROM customer_tags ct JOIN m ON m.id = ct.customer_id "
                     "JOIN tags t ON t.id = ct.tag_id ORDER BY m.n, t.name" },
  /* Staff by name: ids are not the archive's business. */
  { "purchases", "SELECT m.n, at, amount, description, (SELECT name FROM staff WHERE id = p.staff_id), "
                 "discount, earns FROM purchases p JOIN m ON m.id = p.customer_id ORDER BY p.id" },
  { "interactions", "SELECT m.n, at, kind, note, (SELECT name FROM staff WHERE id = i.staff_id) "
                    "FROM interactions i JOIN m ON m.id = i.customer_id ORDER BY i.id" },
  { "follow_ups", "SELECT m.n, due_at, note, repeat_days, snoozed_until, notified_at, done_at, created_at "
                  "FROM follow_ups f JOIN m ON m.id = f.customer_id ORDER BY f.id" },
  { "feedback", "SELECT m.n, received_at, kind, rating, channel, text, status, is_read, response, "
                "responded_at, resolved_at, (SELECT name FROM staff WHERE id = f.staff_id), "
                "effort, recommend, first_contact, reopened_at "
                "FROM feedback f LEFT JOIN m ON m.id = f.customer_id ORDER BY f.id" },
  { "customer_stats", "SELECT m.n, spend, purchases, total_purchases, first_purchase_at, last_purchase_at, "
                      "last_visit_at, rule_key FROM customer_stats s JOIN m ON m.id = s.customer_id "
                      "ORDER BY m.n" },
  { "staff", "SELECT name, language, archived, created_at FROM staff ORDER BY id" },
  { "rewards", "SELECT name, points_cost, active FROM rewards ORDER BY id" },
  /* Purchases and rewards by their place in the shop: ids are not kept. */
  { "loyalty_ledger", "SELECT m.n, l.at, l.points, l.kind, l.reason, "
                      "  (SELECT count (*) FROM purchases p WHERE p.id <= l.purchase_id), "
                      "  (SELECT name FROM rewards r WHERE r.id = l.reward_id), "
                      "  (SELECT name FROM staff WHERE id = l.staff_id) "
                      "FROM loyalty_ledger l JOIN m ON m.id = l.customer_id ORDER BY l.id" },
  { "loyalty_tiers", "SELECT name, min_spend, rate FROM loyalty_tiers ORDER BY min_spend" },
};

static void
assert_same_shop (CrmStore *source,
                  CrmStore *target)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *source_currency = crm_store_dup_currency (source);
  g_autofree char *target_currency = crm_store_dup_currency (target);
  /* The engine's own bookkeeping is not the shop's. */
  const char *const bookkeeping[] = { "schema_version", "clientele_meta", "clientele_commits", NULL };
  g_autoptr(CrmStmt) stmt = NULL;

  g_assert_cmpstr (target_currency, ==, source_currency);
  for (guint i = 0; i < G_N_ELEMENTS (comparisons); i++)
    {
      g_autofree char *expected = dump (source, comparisons[i].sql);
      g_autofree char *got = dump (target, comparisons[i].sql);

      g_test_message ("comparing %s", comparisons[i].table);
      g_assert_cmpstr (got, ==, expected);
    }

  /* A table this test does not know (a newer schema) must at least be
   * empty in the source, or the archive would be losing it. */
  stmt = crm_store_prepare_once (source, shop_fixture_on_pg ()
                                 ? "SELECT tablename FROM pg_tables WHERE schemaname = current_schema ()"
                                 : "SELECT name FROM sqlite_master WHERE type = 'table' "
                                   "AND name NOT LIKE 'sqlite_%'",
                                 NULL);
  while (crm_stmt_step (stmt) == CRM_STMT_ROW)
    if (!g_strv_contains (bookkeeping, crm_stmt_column_text (stmt, 0)))
      g_ptr_array_add (tables, g_strdup (crm_stmt_column_text (stmt, 0)));

  for (guint t = 0; t < tables->len; t++)
    {
      const char *table = g_ptr_array_index (tables, t);
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (comparisons); i++)
        known = known || g_str_equal (comparisons[i].table, table);

      if (!known)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM \"%s\"", table);

          g_test_message ("table %s is not in the archive", table);
          g_assert_cmpint (query_int (source, sql), ==, 0);
        }
    }
}

/* The sample shop, plus what it does not have: feedback, an archived
 * customer, an override, follow-ups done, snoozed and announced, a
 * dismissed keep-in-touch, shop settings. */
static void
fill_shop (ShopFixture *shop)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) follow_ups = NULL;
  CrmCustomerFields odd = { .name = "=Formula \"quoted\"\nname", .phone = "", .notes = "line\none\ttab \\ slash",
                            .tags = (const char *[]) { "VIP", "ვეგანი", "Մեծածախ", NULL },
                            .segment_override = "secondary", .birthday = "1990-05-31" };

  g_assert_true (crm_demo_fill (shop->store, 120, 4, &error));
  g_assert_no_error (error);

  crm_store_add_customer (shop->store, &odd, &error);
  g_assert_no_error (error);
  crm_store_set_customer_archived (shop->store, 5, TRUE, &error);
  crm_store_dismiss_keep_in_touch (shop->store, 6, &error);
  crm_store_set_setting (shop->store, "shop.name", "საცხობი „დილა“", &error);
  crm_store_set_setting (shop->store, "segment.share", "75", &error);
  crm_store_set_setting (shop->store, "reminders.opens", "600", &error);
  g_assert_no_error (error);

  follow_ups = crm_store_list_follow_ups (shop->store, FALSE, 0, 100);
  g_assert_cmpuint (follow_ups->len, >=, 3);
  crm_store_complete_follow_up (shop->store, crm_follow_up_get_id (g_ptr_array_index (follow_ups, 0)), &error);
  crm_store_snooze_follow_up (shop->store, crm_follow_up_get_id (g_ptr_array_index (follow_ups, 1)),
                              NOW + 3600, &error);
  g_assert_no_error (error);
  g_ptr_array_set_size (follow_ups, 3);
  g_ptr_array_remove_index (follow_ups, 0);
  crm_store_mark_follow_ups_notified (shop->store, follow_ups, NOW, &error);
  g_assert_no_error (error);

  g_assert_true (crm_store_exec (shop->store,
                                 "INSERT INTO feedback (customer_id, received_at, kind, rating, channel, text, "
                                 "  status, is_read, response, responded_at, resolved_at) VALUES "
                                 "(3, 1780000000, 'complaint', 2, 'phone', 'პური გამხმარი იყო', 'resolved', 1, "
                                 "  'ბოდიში, ახალი გამოვუცხვეთ', 1780003600, 1780007200), "
                                 "(NULL, 1780100000, 'praise', NULL, 'social', 'Շատ համեղ է', 'new', 0, NULL, NULL, NULL), "
                                 "(8, 1780200000, 'question', 5, 'in-store', '', 'in_progress', 1, '', 1780200100, NULL)",
                                 &error));
  /* The optional answers, 0 among them, and an entry reopened after it
   * was resolved at first contact. */
  g_assert_true (crm_store_exec (shop->store,
                                 "INSERT INTO feedback (customer_id, received_at, kind, text, status, response, "
                                 "  responded_at, resolved_at, effort, recommend, first_contact, reopened_at) VALUES "
                                 "(4, 1780300000, 'praise', 'Fast', 'resolved', 'Thanks', 1780300100, 1780300100, "
                                 "  5, 0, 1, NULL), "
                                 "(5, 1780400000, 'complaint', 'Cold', 'in_progress', 'Sorry', 1780400100, NULL, "
                                 "  2, 6, 0, 1780409000)",
                                 &error));
  g_assert_no_error (error);
  g_assert_true (crm_store_refresh_all (shop->store, &error));
}

static void
test_round_trip (void)
{
  ShopFixture source, target;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) from_file = NULL;
  CrmArchiveCounts exported, imported;

  shop_fixture_open (&source, NOW);
  shop_fixture_open (&target, NOW);
  fill_shop (&source);

  path = g_build_filename (source.dir, "shop.json", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (crm_archive_export (source.store, file, &exported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (exported.customers, ==, 121);
  g_assert_cmpint (exported.feedback, ==, query_int (source.store, "SELECT count(*) FROM feedback"));
  g_assert_cmpuint (exported.feedback, >=, 3);
  g_assert_cmpuint (exported.follow_ups, >, 0);
  g_assert_cmpuint (exported.purchases, >, 500);

  from_file = crm_import_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_import_guess_format (path, from_file), ==, CRM_IMPORT_FORMAT_ARCHIVE);
  g_assert_cmpint (crm_import_guess_format (NULL, from_file), ==, CRM_IMPORT_FORMAT_ARCHIVE);

  g_assert_true (crm_archive_import (target.store, from_file, &imported, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (&imported, sizeof imported, &exported, sizeof exported);

  assert_same_shop (source.store, target.store);

  /* And the copy exports to the same text, but for the moment it was made. */
  bytes = crm_archive_export_bytes (target.store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   g_bytes_get_data (from_file, NULL), g_bytes_get_size (from_file));

  shop_fixture_close (&source);
  shop_fixture_close (&target);
}

/* The file has the keys and types DESIGN.md promises. */
static void
test_format (void)
{
  ShopFixture shop;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *customer, *purchase, *follow_up;
  g_autoptr(GRegex) iso = g_regex_new ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d$", 0, 0, NULL);

  shop_fixture_open (&shop, NOW);
  fill_shop (&shop);
  bytes = crm_archive_export_bytes (shop.store, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             (gssize) g_bytes_get_size (bytes), &error));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "clientele");
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (root, "currency"), ==, "GEL");

  customer = json_array_get_object_element (json_object_get_array_member (root, "customers"), 0);
  g_assert_cmpstr (json_object_get_string_member (customer, "ref"), ==, "c1");
  for (guint i = 0; i < 9; i++)
    {
      const char *keys[] = { "ref", "name", "phone", "email", "address", "birthday", "notes", "tags",
                             "segment_override" };

      g_assert_true (json_object_has_member (customer, keys[i]));
    }
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (customer, "tags")));

  purchase = json_array_get_object_element (json_object_get_array_member (root, "purchases"), 0);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (purchase, "amount")), ==, G_TYPE_STRING);
  g_assert_true (g_regex_match (iso, json_object_get_string_member (purchase, "at"), 0, NULL));
  g_assert_true (g_regex_match_simple ("^-?\\d+\\.\\d\\d$", json_object_get_string_member (purchase, "amount"),
                                       0, 0));

  follow_up = json_array_get_object_element (json_object_get_array_member (root, "follow_ups"), 0);
  g_assert_true (json_object_has_member (follow_up, "repeat_days"));
  g_assert_true (json_object_has_member (follow_up, "done_at"));
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (root, "feedback")), ==,
                   query_int (shop.store, "SELECT count(*) FROM feedback"));
  {
    JsonArray *feedback = json_object_get_array_member (root, "feedback");
    guint anonymous = 0;

    for (guint i = 0; i < json_array_get_length (feedback); i++)
      anonymous += JSON_NODE_HOLDS_NULL (json_object_get_member (json_array_get_object_element (feedback, i),
                                                                 "customer")) ? 1 : 0;
    g_assert_cmpint (anonymous, ==, query_int (shop.store, "SELECT count(*) FROM feedback WHERE customer_id IS NULL"));
    g_assert_cmpuint (anonymous, >=, 1);
  }

  shop_fixture_close (&shop);
}

static void
test_not_empty (void)
{
  ShopFixture source, target;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CrmCustomerFields fields = { .name = "Already here" };

  shop_fixture_open (&source, NOW);
  shop_fixture_open (&target, NOW);
  g_assert_true (crm_demo_fill (source.store, 10, 1, &error));
  bytes = crm_archive_export_bytes (source.store, NULL, &error);
  g_assert_no_error (error);

  crm_store_add_customer (target.store, &fields, &error);
  before = db_checksum (target.store);
  g_assert_false (crm_archive_import (target.store, bytes, NULL, &error));
  g_assert_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_NOT_EMPTY);
  assert_contains (error->message, "only be imported into an empty shop");
  after = db_checksum (target.store);
  g_assert_cmpstr (after, ==, before);

  shop_fixture_close (&source);
  shop_fixture_close (&target);
}

#define HEAD "{\"format\": \"clientele\", \"version\": 1, \"currency\": \"GEL\", "
#define ONE_CUSTOMER "\"customers\": [{\"ref\": \"c1\", \"name\": \"Nino\"}]"

static void
test_bad_archives (void)
{
  ShopFixture shop;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GString) deep = g_string_new (HEAD "\"customers\": ");
  g_autoptr(GString) twelve = g_string_new (HEAD ONE_CUSTOMER ", \"purchases\": [");
  const struct
  {
    const char     *json;
    CrmImportError  code;
    const char     *says;
  } cases[] = {
    { "{ nope", CRM_IMPORT_ERROR_SYNTAX, "This file is not a Clientele archive: " },
    { "[]", CRM_IMPORT_ERROR_SYNTAX, "This file is not a Clientele archive." },
    { "", CRM_IMPORT_ERROR_SYNTAX, "This file is not a Clientele archive." },
    { "{\"format\": \"other\", \"version\": 1}", CRM_IMPORT_ERROR_SYNTAX, "not a Clientele archive" },
    { "{\"format\": \"clientele\", \"version\": 2, \"currency\": \"GEL\"}", CRM_IMPORT_ERROR_VERSION,
      "newer version of Clientele (format version 2)" },
    { "{\"format\": \"clientele\", \"version\": \"1\"}", CRM_IMPORT_ERROR_INVALID,
      "In the archive, “version” must be a whole number." },
    { "{\"format\": \"clientele\", \"version\": 1}", CRM_IMPORT_ERROR_INVALID, "The archive has no “currency”." },
    { "{\"format\": \"clientele\", \"version\": 1, \"currency\": \"XYZ\"}", CRM_IMPORT_ERROR_INVALID,
      "currency “XYZ” is not one Clientele knows (GEL, AMD, USD, EUR)" },
    { HEAD "\"customers\": {}}", CRM_IMPORT_ERROR_INVALID, "“customers” must be a list, in brackets [ ]." },
    { HEAD "\"customers\": [1]}", CRM_IMPORT_ERROR_INVALID, "customers[0] must be an object" },
    { HEAD "\"customers\": [{\"ref\": \"c1\"}]}", CRM_IMPORT_ERROR_INVALID, "customers[0] has no “name”." },
    { HEAD "\"customers\": [{\"ref\": 1, \"name\": \"Nino\"}]}", CRM_IMPORT_ERROR_INVALID,
      "In customers[0], “ref” must be text." },
    { HEAD "\"customers\": [{\"ref\": \"c1\", \"name\": \"  \"}]}", CRM_IMPORT_ERROR_INVALID,
      "In customers[0], “name” must not be empty." },
    { HEAD "\"customers\": [{\"ref\": \"c1\", \"name\": \"A\"}, {\"ref\": \"c1\", \"name\": \"B\"}]}",
      CRM_IMPORT_ERROR_INVALID, "In customers[1], “ref” is used by another customer too." },
    { HEAD "\"customers\": [{\"ref\": \"c1\", \"name\": \"Nino\", \"phone\": \"12\"}]}", CRM_IMPORT_ERROR_INVALID,
      "In customers[0], “phone”: A phone number has 6 to 15 digits" },
    { HEAD "\"customers\": [{\"ref\": \"c1\", \"name\": \"Nino\", \"email\": \"nino\"}]}", CRM_IMPORT_ERROR_INVALID,
      "In customers[0], “email”: An e-mail address looks like" },
    { HEAD "\"customers\": [{\"ref\": \"c1\", \"name\": \"Nino\", \"birthday\": \"31.05.1990\"}]}",
      CRM_IMPORT_ERROR_INVALID, "In customers[0], “birthday” must be a date" },
    { HEAD "\"customers\": [{\"ref\": \"c1\", \"name\": \"Nino\", \"tags\": \"VIP\"}]}", CRM_IMPORT_ERROR_INVALID,
      "In customers[0], “tags” must be a list of texts." },
    { HEAD "\"customers\": [{\"ref\": \"c1\", \"name\": \"Nino\", \"tags\": [\"VIP\", 3]}]}",
      CRM_IMPORT_ERROR_INVALID, "In customers[0], “tags” must be a list of texts." },
    { HEAD "\"customers\": [{\"ref\": \"c1\", \"name\": \"Nino\", \"segment_override\": \"gold\"}]}",
      CRM_IMPORT_ERROR_INVALID, "“segment_override” must be one of: “key”, “secondary”." },
    { HEAD ONE_CUSTOMER ", \"purchases\": [{\"customer\": \"c1\", \"at\": \"2026-05-01T10:00:00+04:00\", "
      "\"amount\": 25.5}]}", CRM_IMPORT_ERROR_INVALID, "In purchases[0], “amount” must be text." },
    { HEAD ONE_CUSTOMER ", \"purchases\": [{\"customer\": \"c1\", \"amount\": \"25.50\"}]}",
      CRM_IMPORT_ERROR_INVALID, "purchases[0] has no “at”." },
    { HEAD ONE_CUSTOMER ", \"purchases\": [{\"customer\": \"c9\", \"at\": \"2026-05-01T10:00:00+04:00\", "
      "\"amount\": \"1\"}]}", CRM_IMPORT_ERROR_INVALID,
      "In purchases[0], “customer” names customer “c9”, who is not in the archive." },
    { HEAD ONE_CUSTOMER ", \"purchases\": [{\"customer\": \"c1\", \"at\": \"2026-05-01T10:00:00\", "
      "\"amount\": \"1\"}]}", CRM_IMPORT_ERROR_INVALID,
      "In purchases[0], “at” must be a time with its offset from UTC" },
    { HEAD ONE_CUSTOMER ", \"purchases\": [{\"customer\": \"c1\", \"at\": \"2026-05-01T10:00:00Z\", "
      "\"amount\": \"0.00\"}]}", CRM_IMPORT_ERROR_INVALID, "In purchases[0], “amount” must not be zero." },
    { HEAD ONE_CUSTOMER ", \"interactions\": [{\"customer\": \"c1\", \"at\": \"2026-05-01T10:00:00Z\", "
      "\"kind\": \"fax\"}]}", CRM_IMPORT_ERROR_INVALID,
      "In interactions[0], “kind” must be one of: “call”, “visit”, “message”, “email”, “other”." },
    { HEAD ONE_CUSTOMER ", \"follow_ups\": [{\"customer\": \"c1\", \"due_at\": \"2026-05-01T10:00:00Z\", "
      "\"repeat_days\": 0}]}", CRM_IMPORT_ERROR_INVALID, "In follow_ups[0], “repeat_days” must be between 1 and" },
    { HEAD ONE_CUSTOMER ", \"follow_ups\": [{\"customer\": \"c1\", \"due_at\": \"2026-05-01T10:00:00Z\", "
      "\"repeat_days\": 7.5}]}", CRM_IMPORT_ERROR_INVALID, "“repeat_days” must be a whole number." },
    { HEAD "\"feedback\": [{\"received_at\": \"2026-05-01T10:00:00Z\", \"kind\": \"praise\", \"rating\": 7}]}",
      CRM_IMPORT_ERROR_INVALID, "In feedback[0], “rating” must be between 1 and 5." },
    { HEAD "\"feedback\": [{\"received_at\": \"2026-05-01T10:00:00Z\", \"kind\": \"praise\", \"effort\": 6}]}",
      CRM_IMPORT_ERROR_INVALID, "In feedback[0], “effort” must be between 1 and 5." },
    { HEAD "\"feedback\": [{\"received_at\": \"2026-05-01T10:00:00Z\", \"kind\": \"praise\", \"recommend\": -1}]}",
      CRM_IMPORT_ERROR_INVALID, "In feedback[0], “recommend” must be between 0 and 10." },
    { HEAD "\"feedback\": [{\"received_at\": \"2026-05-01T10:00:00Z\", \"kind\": \"praise\", \"first_contact\": 1}]}",
      CRM_IMPORT_ERROR_INVALID, "In feedback[0], “first_contact” must be true or false." },
    { HEAD "\"feedback\": [{\"received_at\": \"2026-05-01T10:00:00Z\", \"kind\": \"praise\", \"is_read\": \"yes\"}]}",
      CRM_IMPORT_ERROR_INVALID, "In feedback[0], “is_read” must be true or false." },
    { HEAD "\"feedback\": [{\"received_at\": \"2026-05-01T10:00:00Z\"}]}", CRM_IMPORT_ERROR_INVALID,
      "feedback[0] has no “kind”." },
    { HEAD "\"settings\": {\"shop.name\": 5}}", CRM_IMPORT_ERROR_INVALID, "In settings, “shop.name” must be text." },
    /* Found by fuzz-archive: json-glib quotes the text it stopped at,
     * cut in the middle of a letter. */
    { HEAD "\"customers\": [{\"ref\": \"c1\", \"name\": \"ნინო\" \"ბერიძე\"}]}", CRM_IMPORT_ERROR_SYNTAX,
      "customers[0] (line 1): " },
    { HEAD "\"customers\": [{\"ref\": \"\\ud800\", \"name\": \"A\"}, {\"ref\": \"\\ud800\", \"name\": \"B\"}]}",
      CRM_IMPORT_ERROR_SYNTAX, "customers[0] (line 1): " },
    { HEAD ONE_CUSTOMER ", \"purchases\": [{\"customer\": \"c1\", \"at\": \"2026-05-01T10:00:00Z\", "
      "\"amount\": \"1\", \"staff\": \"s1\"}]}", CRM_IMPORT_ERROR_INVALID,
      "In purchases[0], “staff” names staff member “s1”, who is not in the archive." },
    { HEAD "\"staff\": [{\"ref\": \"s1\", \"name\": \"Nino\", \"language\": \"fr\"}]}", CRM_IMPORT_ERROR_INVALID,
      "In staff[0], “language” must be one of: “”, “en”, “ka”, “hy”." },
    { HEAD "\"customers\": [{\"ref\": \"c1\", \"name\": \"Nino\"}], \"purchases\": [{\"customer\": \"c1\" \"at\": 1}]}",
      CRM_IMPORT_ERROR_SYNTAX, "purchases[0] (line 1): " },
    { HEAD ONE_CUSTOMER "} trailing", CRM_IMPORT_ERROR_SYNTAX, "broken near line 1" },
    /* Found by fuzz-archive: a byte-order mark where an item should be. */
    { HEAD ONE_CUSTOMER ", \"purchases\": [\xEF\xBB\xBF]}", CRM_IMPORT_ERROR_SYNTAX,
      "the JSON text is broken near line 1." },
    { HEAD ONE_CUSTOMER, CRM_IMPORT_ERROR_SYNTAX, "broken near line 1" },
  };

  shop_fixture_open (&shop, NOW);
  crm_store_set_setting (shop.store, "shop.currency", "AMD", &error);
  g_assert_no_error (error);
  before = db_checksum (shop.store);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = bytes_from_string (cases[i].json);
      g_autofree char *after = NULL;

      g_test_message ("bad archive %u", i);
      g_assert_false (crm_archive_import (shop.store, bytes, NULL, &error));
      g_assert_error (error, CRM_IMPORT_ERROR, (int) cases[i].code);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      assert_contains (error->message, cases[i].says);
      g_clear_error (&error);

      after = db_checksum (shop.store);
      g_assert_cmpstr (after, ==, before);
    }

  /* The thirteenth purchase is the bad one: named by its index. */
  for (guint i = 0; i < 13; i++)
    g_string_append_printf (twelve, "%s{\"customer\": \"c1\", \"at\": \"2026-05-01T10:00:00+04:00\", "
                            "\"amount\": \"%s\"}", i > 0 ? ", " : "", i == 12 ? "twelve" : "12.00");
  g_string_append (twelve, "]}");

  /* A hundred thousand nested lists. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');

  {
    g_autoptr(GBytes) bytes = g_bytes_new (twelve->str, twelve->len);
    g_autoptr(GBytes) deep_bytes = g_bytes_new (deep->str, deep->len);
    g_autoptr(GBytes) latin1 = bytes_from_string (HEAD "\"customers\": [{\"ref\": \"c1\", \"name\": \"M\xfcller\"}]}");
    g_autofree char *after = NULL;

    g_assert_false (crm_archive_import (shop.store, bytes, NULL, &error));
    g_assert_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_INVALID);
    assert_contains (error->message, "In purchases[12], “amount”: Write the amount as a number");
    g_clear_error (&error);

    g_assert_false (crm_archive_import (shop.store, deep_bytes, NULL, &error));
    g_assert_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_SYNTAX);
    assert_contains (error->message, "nested too deeply");
    g_clear_error (&error);

    g_assert_false (crm_archive_import (shop.store, latin1, NULL, &error));
    g_assert_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_ENCODING);
    g_clear_error (&error);

    after = db_checksum (shop.store);
    g_assert_cmpstr (after, ==, before);
  }

  shop_fixture_close (&shop);
}

/* Unknown keys anywhere are ignored; optional keys may be left out. */
static void
test_minimal_and_unknown_keys (void)
{
  ShopFixture shop;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = bytes_from_string (
    "{\"format\": \"clientele\", \"version\": 1, \"currency\": \"AMD\", \"made_by\": {\"x\": [1, 2]},\n"
    " \"settings\": {\"shop.name\": \"Հացատուն\", \"stats.window_from\": \"5\", \"some.future\": \"x\"},\n"
    " \"customers\": [{\"ref\": \"a\", \"name\": \"Անի\", \"favourite\": \"gata\", \"tags\": [\"VIP\", \"vip\"]},\n"
    "                 {\"ref\": \"b\", \"name\": \"Narek\", \"phone\": \"+374 91 123456\", \"birthday\": null}],\n"
    " \"purchases\": [{\"customer\": \"a\", \"at\": \"2026-05-01T10:00:00+04:00\", \"amount\": \"1500\", \"till\": 3}],\n"
    " \"feedback\": [{\"received_at\": \"2026-05-02T09:00:00+04:00\", \"kind\": \"suggestion\", \"customer\": null}]}");
  g_autoptr(CrmArchive) archive = NULL;
  g_autofree char *shop_name = NULL;
  g_autofree char *summary = NULL;
  CrmArchiveCounts counts;

  shop_fixture_open (&shop, NOW);
  archive = crm_archive_load (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crm_archive_get_currency (archive), ==, "AMD");
  g_assert_cmpstr (crm_archive_get_shop_name (archive), ==, "Հացատուն");
  crm_archive_get_counts (archive, &counts);
  g_assert_cmpuint (counts.customers, ==, 2);
  summary = crm_archive_counts_describe (&counts);
  g_assert_cmpstr (summary, ==, "2 customers, 1 purchase, 0 interactions, 0 follow-ups, 1 feedback entry, "
                                "0 staff members");

  g_assert_true (crm_archive_write (archive, shop.store, &error));
  g_assert_no_error (error);
  shop_name = crm_store_dup_setting (shop.store, "shop.name", NULL);
  g_assert_cmpstr (shop_name, ==, "Հացատուն");
  g_assert_cmpint (query_int (shop.store, "SELECT count(*) FROM settings WHERE key = 'some.future'"), ==, 0);
  g_assert_cmpint (query_int (shop.store, "SELECT amount FROM purchases"), ==, 150000);
  g_assert_cmpint (query_int (shop.store, "SELECT count(*) FROM customer_tags"), ==, 1);
  g_assert_cmpint (query_int (shop.store, "SELECT spend FROM customer_stats s JOIN customers c "
                                          "ON c.id = s.customer_id WHERE c.name = 'Անի'"), ==, 150000);
  g_assert_cmpint (query_int (shop.store, "SELECT count(*) FROM feedback WHERE customer_id IS NULL "
                                          "AND status = 'new' AND channel = 'in-store'"), ==, 1);

  shop_fixture_close (&shop);
}

/* @bytes is refused with @code and a message that says @says, and the
 * shop is as it was. */
static void
assert_refused (GBytes         *bytes,
                CrmImportError  code,
                const char     *says)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  ShopFixture shop;

  shop_fixture_open (&shop, NOW);
  before = db_checksum (shop.store);
  g_assert_false (crm_archive_import (shop.store, bytes, NULL, &error));
  g_assert_error (error, CRM_IMPORT_ERROR, (int) code);
  assert_contains (error->message, says);
  after = db_checksum (shop.store);
  g_assert_cmpstr (after, ==, before);
  shop_fixture_close (&shop);
}

/* The reader streams, and takes any layout of valid JSON: keys in another
 * order (the lists before the format, purchases before customers), other
 * white space, and a big list of a later version, all from a file. */
static void
test_any_layout (void)
{
  ShopFixture source, target;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) reordered = json_object_new ();
  g_autoptr(JsonArray) future = json_array_new ();
  g_autoptr(GList) members = NULL;
  g_autoptr(CrmArchive) archive = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  CrmArchiveCounts exported, loaded, imported;
  JsonObject *original;

  shop_fixture_open (&source, NOW);
  shop_fixture_open (&target, NOW);
  fill_shop (&source);
  bytes = crm_archive_export_bytes (source.store, &exported, &error);
  g_assert_no_error (error);

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             (gssize) g_bytes_get_size (bytes), &error));
  original = json_node_get_object (json_parser_get_root (parser));
  for (guint i = 0; i < 5000; i++)
    {
      g_autoptr(JsonObject) entry = json_object_new ();

      json_object_set_int_member (entry, "points", i);
      json_object_set_string_member (entry, "why", "ბონუსი");
      json_array_add_object_element (future, g_steal_pointer (&entry));
    }
  json_object_set_array_member (reordered, "loyalty_ledger", g_steal_pointer (&future));
  members = json_object_get_members (original);
  members = g_list_reverse (members);
  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (reordered, l->data, json_object_dup_member (original, l->data));
  json_node_set_object (root, reordered);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 1);
  json_generator_set_indent_char (generator, '\t');

  path = g_build_filename (source.dir, "reordered.json", NULL);
  g_assert_true (json_generator_to_file (generator, path, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  archive = crm_archive_load_file (file, NULL, &error);
  g_assert_no_error (error);
  crm_archive_get_counts (archive, &loaded);
  g_assert_cmpmem (&loaded, sizeof loaded, &exported, sizeof exported);

  g_assert_true (crm_archive_import_file (target.store, file, &imported, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (&imported, sizeof imported, &exported, sizeof exported);
  assert_same_shop (source.store, target.store);

  shop_fixture_close (&source);
  shop_fixture_close (&target);
}

/* The text comes in buffers of 64 KB: a letter and an item cut by a
 * buffer's end read whole, and a byte that is not UTF-8 there is found. */
static void
test_buffer_edges (void)
{
  const gsize buffer = 64 * 1024;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (HEAD "\"customers\": [");
  g_autofree char *long_notes = g_strnfill (100000, 'n');
  g_autofree char *padding = NULL;
  gsize cut;
  ShopFixture shop;

  /* White space before the item, so that "ნინო" starts one byte before
   * the buffer's end. */
  cut = text->len;
  g_string_append (text, "{\"ref\": \"c1\", \"name\": \"");
  padding = g_strnfill (buffer - 1 - text->len, ' ');
  g_string_insert (text, (gssize) cut, padding);
  g_assert_cmpuint (text->len, ==, buffer - 1);
  g_string_append (text, "ნინო\"}, {\"ref\": \"c2\", \"name\": \"Long\", \"notes\": \"");
  g_string_append (text, long_notes);
  g_string_append (text, "\"}]}");

  shop_fixture_open (&shop, NOW);
  {
    g_autoptr(GBytes) bytes = g_bytes_new (text->str, text->len);
    g_autofree char *name = NULL;
    g_autofree char *notes = NULL;

    g_assert_true (crm_archive_import (shop.store, bytes, NULL, &error));
    g_assert_no_error (error);
    name = query_text (shop.store, "SELECT name FROM customers WHERE id = 1");
    notes = query_text (shop.store, "SELECT notes FROM customers WHERE id = 2");
    g_assert_cmpstr (name, ==, "ნინო");
    /* Cut as the customer form cuts notes. */
    g_assert_cmpuint (strlen (notes), ==, 20000);
  }
  shop_fixture_close (&shop);

  /* The same place, a byte that starts no letter; a letter cut by the
   * end of the file. */
  text->str[buffer - 1] = '\xff';
  {
    g_autoptr(GBytes) bytes = g_bytes_new (text->str, text->len);
    g_autoptr(GBytes) cut_short = bytes_from_string (HEAD "\"customers\": [{\"ref\": \"c1\", \"name\": \"\xe1\x83");

    assert_refused (bytes, CRM_IMPORT_ERROR_ENCODING, "not UTF-8 text");
    assert_refused (cut_short, CRM_IMPORT_ERROR_ENCODING, "not UTF-8 text");
  }
}

/* One item may not take all memory: refused, named, nothing written. */
static void
test_huge_item (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (HEAD ONE_CUSTOMER ", \"purchases\": [{\"customer\": \"c1\", "
                                          "\"at\": \"2026-05-01T10:00:00Z\", \"amount\": \"1\"}, "
                                          "{\"description\": \"");
  g_autoptr(GBytes) bytes = NULL;

  while (text->len < 17 * 1024 * 1024)
    g_string_append (text, "a very long description ");
  g_string_append (text, "\"}]}");

  bytes = g_bytes_new (text->str, text->len);
  assert_refused (bytes, CRM_IMPORT_ERROR_SYNTAX, "purchases[1] is longer than 16 MB");
}

/* From a file: a missing one and a bad one are refused as from memory. */
static void
test_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *missing_path = NULL;
  g_autofree char *bad_path = NULL;
  g_autoptr(GFile) missing = NULL;
  g_autoptr(GFile) bad = NULL;
  ShopFixture shop;

  shop_fixture_open (&shop, NOW);
  before = db_checksum (shop.store);
  missing_path = g_build_filename (shop.dir, "none.json", NULL);
  missing = g_file_new_for_path (missing_path);
  g_assert_false (crm_archive_import_file (shop.store, missing, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  bad_path = g_build_filename (shop.dir, "bad.json", NULL);
  g_assert_true (g_file_set_contents (bad_path, HEAD ONE_CUSTOMER ", \"purchases\": [{\"customer\": \"c9\", "
                                      "\"at\": \"2026-05-01T10:00:00Z\", \"amount\": \"1\"}]}", -1, &error));
  bad = g_file_new_for_path (bad_path);
  g_assert_false (crm_archive_import_file (shop.store, bad, NULL, NULL, &error));
  g_assert_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_INVALID);
  assert_contains (error->message, "In purchases[0], “customer” names customer “c9”, who is not in the archive.");
  g_clear_error (&error);

  after = db_checksum (shop.store);
  g_assert_cmpstr (after, ==, before);
  shop_fixture_close (&shop);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  shop_fixture_init_engine ();

  g_test_add_func ("/archive/round-trip", test_round_trip);
  g_test_add_func ("/archive/format", test_format);
  g_test_add_func ("/archive/not-empty", test_not_empty);
  g_test_add_func ("/archive/bad", test_bad_archives);
  g_test_add_func ("/archive/minimal-and-unknown-keys", test_minimal_and_unknown_keys);
  g_test_add_func ("/archive/any-layout", test_any_layout);
  g_test_add_func ("/archive/buffer-edges", test_buffer_edges);
  g_test_add_func ("/archive/huge-item", test_huge_item);
  g_test_add_func ("/archive/files", test_files);

  return g_test_run ();
}
