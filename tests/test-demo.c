/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The sample shop: its shape, its refusal to touch a real shop, its
 * determinism and its all-or-nothing write. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "crm-demo.h"
#include "crm-store-demo.h"
#include "shop-fixture.h"
#include "crm-store-private.h"

#define NOW ((gint64) 1800000000)
#define DAY ((gint64) 86400)

typedef struct
{
  char     *dir;
  CrmStore *store;
} Fixture;

static gint64
fake_now (gpointer data)
{
  return NOW;
}

static CrmStore *
open_store (const char *dir)
{
  g_autoptr(GError) error = NULL;
  CrmStore *store = shop_store_open (dir, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  crm_store_set_now_func (store, fake_now, NULL);
  return store;
}

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("clientele-demo-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s%s", dir, CRM_STORE_FILE_NAME, suffixes[i]);

      g_remove (path);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  fixture->dir = make_dir ();
  fixture->store = open_store (fixture->dir);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->store);
  remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static void
fill (CrmStore *store,
      guint32   seed)
{
  g_autoptr(GError) error = NULL;

  crm_demo_fill (store, CRM_DEMO_CUSTOMERS, seed, &error);
  g_assert_no_error (error);
}

/* Everything that makes two shops the same shop, as one string. */
static char *
fingerprint (CrmStore *store)
{
  g_autofree char *customers = query_text (store,
    "SELECT string_agg (name || '|' || phone || '|' || email || '|' || address || '|' || "
    "                   coalesce (birthday, '') || '|' || notes, chr (10)) "
    "FROM (SELECT * FROM customers ORDER BY id) AS c");
  g_autofree char *purchases = query_text (store,
    "SELECT count (*) || ' ' || sum (amount) || ' ' || sum (at) || ' ' || "
    "       sum (length (description) * id) FROM purchases");
  g_autofree char *interactions = query_text (store,
    "SELECT count (*) || ' ' || sum (at) || ' ' || string_agg (kind || note, ';') "
    "FROM (SELECT * FROM interactions ORDER BY id) AS i");
  g_autofree char *tags = query_text (store,
    "SELECT string_agg (customer_id || ':' || tag_id, ',') "
    "FROM (SELECT * FROM customer_tags ORDER BY customer_id, tag_id) AS t");

  g_assert_nonnull (customers);
  g_assert_nonnull (purchases);
  return g_strjoin ("\n--\n", customers, purchases, interactions ? interactions : "",
                    tags ? tags : "", NULL);
}

typedef struct
{
  guint georgian;
  guint armenian;
  guint latin_only;
} ScriptCount;

static void
count_scripts (CrmStore    *store,
               ScriptCount *count)
{
  g_autoptr(CrmStmt) stmt = crm_store_prepare_once (store, "SELECT name FROM customers", NULL);

  memset (count, 0, sizeof *count);
  g_assert_nonnull (stmt);
  while (crm_stmt_step (stmt) == CRM_STMT_ROW)
    {
      const char *name = crm_stmt_column_text (stmt, 0);
      gboolean georgian = FALSE, armenian = FALSE, latin = FALSE;

      g_assert_true (g_utf8_validate (name, -1, NULL));
      for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
        {
          switch (g_unichar_get_script (g_utf8_get_char (p)))
            {
            case G_UNICODE_SCRIPT_GEORGIAN:
              georgian = TRUE;
              break;
            case G_UNICODE_SCRIPT_ARMENIAN:
              armenian = TRUE;
              break;
            case G_UNICODE_SCRIPT_LATIN:
              latin = TRUE;
              break;
            default:
              break;
            }
        }

      g_assert_true (georgian + armenian + latin == 1);
      count->georgian += georgian;
      count->armenian += armenian;
      count->latin_only += latin;
    }
}

static void
test_shape (Fixture       *fixture,
            gconstpointer  data)
{
  guint32 seed = GPOINTER_TO_UINT (data);
  CrmStore *store = fixture->store;
  const gint64 n = CRM_DEMO_CUSTOMERS;
  CrmShopSummary summary;
  ScriptCount scripts;
  g_autofree char *old_sql = NULL;
  gint64 purchases;

  fill (store, seed);

  g_assert_cmpuint (crm_store_count_customers (store), ==, CRM_DEMO_CUSTOMERS);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM customers"), ==, n);

  /* About half Georgian, half Armenian, a few Latin names. */
  count_scripts (store, &scripts);
  g_assert_cmpuint (scripts.georgian, >=, n * 30 / 100);
  g_assert_cmpuint (scripts.armenian, >=, n * 30 / 100);
  g_assert_cmpuint (scripts.latin_only, >, 0);
  g_assert_cmpuint (scripts.latin_only, <=, n * 15 / 100);

  /* Key clients: a minority that brings at least the rule's 80 %. */
  crm_store_get_summary (store, &summary);
  g_assert_cmpuint (summary.n_customers, ==, CRM_DEMO_CUSTOMERS);
  g_assert_cmpint (summary.total_spend, >, 0);
  g_assert_cmpuint (summary.n_key, >=, n * 8 / 100);
  g_assert_cmpuint (summary.n_key, <=, n * 30 / 100);
  g_assert_cmpint (summary.key_spend * 100, >=, summary.total_spend * 80);
  g_assert_cmpuint (summary.n_at_risk, >, 0);
  g_assert_cmpuint (summary.n_at_risk, <, summary.n_key);

  /* The store's clock is the time base: recent activity, nothing in the
   * future, a year of history and a little more. */
  purchases = query_int (store, "SELECT count (*) FROM purchases");
  g_assert_cmpint (purchases, >=, n * 5);
  g_assert_cmpint (purchases, <=, n * 15);
  g_assert_cmpint (query_int (store, "SELECT max (at) FROM purchases"), <=, NOW);
  g_assert_cmpint (query_int (store, "SELECT max (at) FROM purchases"), >, NOW - 7 * DAY);
  g_assert_cmpint (query_int (store, "SELECT max (at) FROM interactions"), <=, NOW);
  old_sql = g_strdup_printf ("SELECT count (*) FROM purchases WHERE at < %" G_GINT64_FORMAT,
                             NOW - 365 * DAY);
  g_assert_cmpint (query_int (store, old_sql), >, 0);
  g_assert_cmpint (query_int (store, old_sql), <, purchases / 4);

  /* Refunds, customers who never bought, big wholesale orders. */
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM purchases WHERE amount < 0"), >, 0);
  g_assert_cmpint (query_int (store,
                              "SELECT count (*) FROM customers c WHERE NOT EXISTS "
                              "(SELECT 1 FROM purchases p WHERE p.customer_id = c.id)"),
                   >, 0);
  /* At least 5 a bill; points taken off a bill may leave less to pay. */
  g_assert_cmpint (query_int (store, "SELECT min (amount) FROM purchases WHERE amount > 0 AND discount = 0"),
                   >=, 500);
  g_assert_cmpint (query_int (store, "SELECT min (amount + discount) FROM purchases WHERE amount > 0"), >=, 400);
  g_assert_cmpint (query_int (store, "SELECT max (amount) FROM purchases"), >, 30000);

  /* Contact details in the expected proportions and formats. */
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM customers WHERE email <> ''"), >=, n * 25 / 100);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM customers WHERE email <> ''"), <=, n * 55 / 100);
  g_assert_cmpint (query_int (store, shop_fixture_on_pg ()
                                     ? "SELECT count (*) FROM customers WHERE email ~ '[^a-z0-9._@-]'"
                                     : "SELECT count (*) FROM customers WHERE email GLOB '*[^a-z0-9._@-]*'"),
                   ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM customers WHERE birthday_md IS NOT NULL"),
                   >=, n * 45 / 100);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM customers WHERE phone LIKE '+995 5%'"), >, 0);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM customers WHERE phone LIKE '+374 %'"), >, 0);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM customers WHERE phone LIKE '%-%'"), >, 0);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM customers WHERE phone <> '' AND phone_key = ''"),
                   ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM customers WHERE notes <> ''"), >, 0);
  g_assert_cmpint (query_int (store, "SELECT count (DISTINCT customer_id) FROM customer_tags"), >=, n * 15 / 100);
  g_assert_cmpint (query_int (store, "SELECT count (DISTINCT kind) FROM interactions"), >=, 4);

  /* Three people took turns at the counter; nobody is left acting. */
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM staff"), ==, 3);
  g_assert_cmpint (query_int (store, "SELECT count (DISTINCT staff_id) FROM purchases"), ==, 3);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM purchases WHERE staff_id IS NULL"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count (DISTINCT language) FROM staff"), ==, 3);
  g_assert_cmpint (crm_store_get_acting_staff (store), ==, 0);

  /* Whatever the day: a few birthdays today, some without a year, and a
   * few more in two days for Keep in Touch. */
  {
    g_autoptr(GPtrArray) today = crm_store_list_dates (store, 0, FALSE);
    g_autoptr(GPtrArray) soon = crm_store_list_dates (store, 2, FALSE);
    guint no_year = 0;

    g_assert_cmpuint (today->len, >=, 2);
    g_assert_cmpuint (today->len, <=, 10);
    g_assert_cmpuint (soon->len, >=, today->len + 2);
    for (guint i = 0; i < today->len; i++)
      no_year += ((CrmDateEvent *) g_ptr_array_index (today, i))->years == 0;
    g_assert_cmpuint (no_year, >=, 1);
  }

  /* Regulars who stopped coming are At Risk or Can't Lose Them by habit;
   * every group is named, and only buyers have one. */
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM customer_stats "
                                     "WHERE rfm_group IN ('at_risk', 'cant_lose')"), >=, 3);
  g_assert_cmpint (query_int (store, "SELECT count (DISTINCT rfm_group) FROM customer_stats "
                                     "WHERE rfm_group <> ''"), >=, 6);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM customer_stats "
                                     "WHERE (rfm_group = '') <> (total_purchases = 0)"), ==, 0);
}

static void
test_refuses_full_database (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 n_customers;

  fill (fixture->store, 1);
  before = fingerprint (fixture->store);
  n_customers = query_int (fixture->store, "SELECT count (*) FROM customers");

  g_assert_false (crm_demo_fill (fixture->store, 10, 2, &error));
  g_assert_error (error, CRM_DEMO_ERROR, CRM_DEMO_ERROR_NOT_EMPTY);
  g_assert_cmpstr (error->message, !=, "");

  after = fingerprint (fixture->store);
  g_assert_cmpint (query_int (fixture->store, "SELECT count (*) FROM customers"), ==, n_customers);
  g_assert_cmpstr (before, ==, after);
}

static void
test_refuses_archived_only (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrmCustomerFields fields = { .name = "ნინო ბერიძე" };
  gint64 id;

  id = crm_store_add_customer (fixture->store, &fields, &error);
  g_assert_no_error (error);
  g_assert_true (crm_store_set_customer_archived (fixture->store, id, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_count_customers (fixture->store), ==, 0);

  g_assert_false (crm_demo_fill (fixture->store, 10, 1, &error));
  g_assert_error (error, CRM_DEMO_ERROR, CRM_DEMO_ERROR_NOT_EMPTY);
  g_assert_cmpint (query_int (fixture->store, "SELECT count (*) FROM customers"), ==, 1);
  g_assert_cmpint (query_int (fixture->store, "SELECT count (*) FROM purchases"), ==, 0);
}

static void
test_same_seed_same_shop (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *other_dir = make_dir ();
  g_autofree char *third_dir = make_dir ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  CrmShopSummary a, b;

  {
    g_autoptr(CrmStore) other = open_store (other_dir);
    g_autoptr(CrmStore) different = open_store (third_dir);

    fill (fixture->store, 42);
    fill (other, 42);
    fill (different, 43);

    first = fingerprint (fixture->store);
    second = fingerprint (other);
    third = fingerprint (different);

    crm_store_get_summary (fixture->store, &a);
    crm_store_get_summary (other, &b);
  }

  g_assert_cmpstr (first, ==, second);
  g_assert_cmpuint (a.n_key, ==, b.n_key);
  g_assert_cmpint (a.key_spend, ==, b.key_spend);
  g_assert_cmpuint (a.n_at_risk, ==, b.n_at_risk);

  /* …and the seed matters. */
  g_assert_cmpstr (first, !=, third);

  remove_dir (other_dir);
  remove_dir (third_dir);
}

static void
test_failure_leaves_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *tables[] = { "customers", "purchases", "interactions", "customer_tags", "tags",
                           "customer_stats" };

  /* A trigger makes the 500th purchase fail, well
   * after customers, tags and interactions have been written. */
  shop_fixture_refuse_inserts (fixture->store, "purchases", "NEW.id = 500");

  g_assert_false (crm_demo_fill (fixture->store, CRM_DEMO_CUSTOMERS, 1, &error));
  g_assert_nonnull (error);
  g_assert_false (g_error_matches (error, CRM_DEMO_ERROR, CRM_DEMO_ERROR_NOT_EMPTY));
  g_assert_nonnull (strstr (error->message, "refused"));
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s", tables[i]);

      g_test_message ("%s", tables[i]);
      g_assert_cmpint (query_int (fixture->store, sql), ==, 0);
    }

  /* The store is not left inside a transaction: the next fill works. */
  shop_fixture_allow_inserts (fixture->store, "purchases");
  fill (fixture->store, 1);
  g_assert_cmpuint (crm_store_count_customers (fixture->store), ==, CRM_DEMO_CUSTOMERS);
}

static void
test_empty_fill (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Nothing asked, nothing written, and the database stays empty. */
  g_assert_true (crm_demo_fill (fixture->store, 0, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->store, "SELECT count (*) FROM customers"), ==, 0);
  fill (fixture->store, 1);
  g_assert_cmpuint (crm_store_count_customers (fixture->store), ==, CRM_DEMO_CUSTOMERS);
}

/* Answers written as if given back then, and the clock the store's own
 * again afterwards; archived customers still make a shop not empty. */
static void
test_store_past (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmFeedback) entry = NULL;
  CrmFeedbackFields fields = { .kind = "complaint", .text = "Cold coffee", .received_at = NOW - 10 * DAY };
  CrmCustomerFields customer = { .name = "Անի" };
  guint count = 99;
  gint64 id;

  g_assert_true (crm_store_count_all_customers (fixture->store, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 0);
  id = crm_store_add_customer (fixture->store, &customer, &error);
  g_assert_true (crm_store_set_customer_archived (fixture->store, id, TRUE, &error));
  g_assert_true (crm_store_count_all_customers (fixture->store, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 1);

  id = crm_store_add_feedback (fixture->store, &fields, &error);
  g_assert_no_error (error);
  g_assert_true (crm_store_update_feedback_at (fixture->store, id, "in_progress", "Sorry", NOW - 9 * DAY, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_store_now (fixture->store), ==, NOW);
  g_assert_true (crm_store_update_feedback_at (fixture->store, id, "resolved", NULL, NOW - 8 * DAY, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_store_now (fixture->store), ==, NOW);

  entry = crm_store_get_feedback (fixture->store, id);
  g_assert_cmpint (crm_feedback_get_responded_at (entry), ==, NOW - 9 * DAY);
  g_assert_cmpint (crm_feedback_get_resolved_at (entry), ==, NOW - 8 * DAY);
  g_assert_cmpstr (crm_feedback_get_status (entry), ==, "resolved");

  /* A failed update leaves the clock alone too. */
  g_assert_false (crm_store_update_feedback_at (fixture->store, id, "lost", NULL, NOW - 7 * DAY, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (crm_store_now (fixture->store), ==, NOW);
}

/* The sample shop's inbox looks lived in: answers came within two days,
 * before now, and a resolution three hours after its answer. */
static void
test_answered_in_the_past (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *late = g_strdup_printf ("SELECT count (*) FROM feedback WHERE responded_at > %" G_GINT64_FORMAT,
                                           NOW);

  fill (fixture->store, 1);
  g_assert_cmpint (query_int (fixture->store, "SELECT count (*) FROM feedback WHERE responded_at IS NOT NULL"), >, 0);
  g_assert_cmpint (query_int (fixture->store, late), ==, 0);
  g_assert_cmpint (query_int (fixture->store,
                              "SELECT count (*) FROM feedback WHERE responded_at < received_at "
                              "  OR responded_at > received_at + 48 * 3600"), ==, 0);
  g_assert_cmpint (query_int (fixture->store, "SELECT count (*) FROM feedback WHERE resolved_at IS NOT NULL"), >, 0);
  /* Resolved with the first answer (first contact), or three hours on. */
  g_assert_cmpint (query_int (fixture->store,
                              "SELECT count (*) FROM feedback WHERE resolved_at <> responded_at "
                              "  AND resolved_at <> responded_at + 3 * 3600"), ==, 0);
  g_assert_cmpint (query_int (fixture->store,
                              "SELECT count (*) FROM feedback WHERE first_contact = 1 AND resolved_at = responded_at"),
                   >, 0);
  g_assert_cmpint (query_int (fixture->store, "SELECT count (*) FROM feedback WHERE first_contact = 1 "
                                              "AND resolved_at <> responded_at"), ==, 0);
  /* Some answers how easy it was and whether they would recommend. */
  g_assert_cmpint (query_int (fixture->store, "SELECT count (*) FROM feedback WHERE effort IS NOT NULL"), >, 0);
  g_assert_cmpint (query_int (fixture->store, "SELECT count (*) FROM feedback WHERE recommend IS NOT NULL"), >, 0);
}

/* Rows of @table whose @column falls outside 10:00–18:00 of this PC's day. */
static gint64
outside_hours (CrmStore   *store,
               const char *table,
               const char *column)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (NOW);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  gint64 offset = g_date_time_get_utc_offset (local) / G_TIME_SPAN_SECOND;
  g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM %s WHERE (%s + %" G_GINT64_FORMAT ") %% 86400 "
                                          "NOT BETWEEN 36000 AND 64799",
                                          table, column, offset + 10 * DAY);

  return query_int (store, sql);
}

/* The sample shop works the shop's hours, and its staff write their notes
 * in the language of the interface. */
static void
test_hours_and_language (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrmStore *store = fixture->store;
  g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));

  g_assert_true (crm_store_set_setting (store, "reminders.opens", "600", &error));
  g_assert_true (crm_store_set_setting (store, "reminders.closes", "1080", &error));
  g_setenv ("LANGUAGE", "ka", TRUE);
  /* A small shop: enough of every kind of row, quick on both engines. */
  crm_demo_fill (store, 80, 7, &error);
  g_assert_no_error (error);
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  g_assert_cmpint (query_int (store, "SELECT count (*) FROM purchases"), >, 0);
  g_assert_cmpint (outside_hours (store, "purchases", "at"), ==, 0);
  g_assert_cmpint (outside_hours (store, "interactions", "at"), ==, 0);
  g_assert_cmpint (outside_hours (store, "follow_ups", "due_at"), ==, 0);
  g_assert_cmpint (outside_hours (store, "feedback", "received_at"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM follow_ups WHERE due_at < 1800000000"), >, 0);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM follow_ups WHERE due_at > 1800000000"), >, 0);

  /* Georgian throughout: notes, contacts, baskets, follow-ups. */
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM follow_ups "
                                     "WHERE note = 'დავურეკოთ ჩამოსული შეკვეთის თაობაზე'"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM follow_ups WHERE note = 'Ստուգել վճարումը'"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM interactions "
                                     "WHERE note IN ('Զանգահարեց պատվերի մասին', 'Called about the order')"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM interactions WHERE note = 'დარეკა შეკვეთის შესახებ'"),
                   >, 0);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM purchases WHERE description = 'Սուրճ և կրուասան'"),
                   ==, 0);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM customers WHERE notes = 'Վճարում է քարտով'"),
                   ==, 0);
  /* The programme's tiers and rewards too. */
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM loyalty_tiers WHERE name IN ('ბრინჯაო', 'ვერცხლი', 'ოქრო')"),
                   ==, 3);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM rewards WHERE name = 'უფასო ყავა'"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count (*) FROM rewards WHERE name IN ('Free coffee', 'Անվճար սուրճ')"),
                   ==, 0);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  /* 2026 is the seed of --demo and of "Load sample shop". */
  static const guint32 seeds[] = { 1, 2, 3, 2026 };

  g_test_init (&argc, &argv, NULL);
  shop_fixture_init_engine ();

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *path = g_strdup_printf ("/demo/shape/seed-%u", seeds[i]);

      g_test_add (path, Fixture, GUINT_TO_POINTER (seeds[i]),
                  fixture_setup, test_shape, fixture_teardown);
    }

  g_test_add ("/demo/hours-and-language", Fixture, NULL,
              fixture_setup, test_hours_and_language, fixture_teardown);
  g_test_add ("/demo/refuses-full-database", Fixture, NULL,
              fixture_setup, test_refuses_full_database, fixture_teardown);
  g_test_add ("/demo/refuses-archived-only", Fixture, NULL,
              fixture_setup, test_refuses_archived_only, fixture_teardown);
  g_test_add ("/demo/same-seed-same-shop", Fixture, NULL,
              fixture_setup, test_same_seed_same_shop, fixture_teardown);
  g_test_add ("/demo/failure-leaves-nothing", Fixture, NULL,
              fixture_setup, test_failure_leaves_nothing, fixture_teardown);
  g_test_add ("/demo/empty-fill", Fixture, NULL,
              fixture_setup, test_empty_fill, fixture_teardown);
  g_test_add ("/demo/store-past", Fixture, NULL,
              fixture_setup, test_store_past, fixture_teardown);
  g_test_add ("/demo/answered-in-the-past", Fixture, NULL,
              fixture_setup, test_answered_in_the_past, fixture_teardown);

  return g_test_run ();
}
