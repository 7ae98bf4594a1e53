/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "crm-customer-list.h"
#include "crm-store.h"
#include "crm-text.h"
#include "shop-fixture.h"

#define NOW ((gint64) 1800000000)
#define DAY ((gint64) 86400)

typedef struct
{
  ShopFixture shop;
  CrmStore   *store;
  guint       n_changed;
  guint       last_change;
} Fixture;

static void
changed_cb (CrmStore *store,
            guint     change,
            gint64    customer_id,
            Fixture  *fixture)
{
  fixture->n_changed++;
  fixture->last_change = change;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  shop_fixture_open (&fixture->shop, NOW);
  fixture->store = fixture->shop.store;
  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  shop_fixture_close (&fixture->shop);
}

static gint64
add_full (Fixture            *fixture,
          const char         *name,
          const char         *phone,
          const char         *email,
          const char * const *tags)
{
  g_autoptr(GError) error = NULL;
  CrmCustomerFields fields = { .name = name, .phone = phone, .email = email, .tags = tags };
  gint64 id = crm_store_add_customer (fixture->store, &fields, &error);

  g_assert_no_error (error);
  return id;
}

static void
test_add_and_read (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "VIP", "საბითუმო", " ", NULL };
  CrmCustomerFields fields = {
    .name = "  ნინო ბერიძე ",
    .phone = "+995 555 12 34 56",
    .email = "nino@example.ge",
    .address = "ვაკე, ჭავჭავაძის 10",
    .birthday = "1990-05-31",
    .notes = "Prefers delivery.\nCall after 18:00.",
    .tags = tags,
  };
  g_autoptr(CrmCustomer) customer = NULL;
  gint64 id;

  id = crm_store_add_customer (fixture->store, &fields, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_true (fixture->last_change & CRM_STORE_CHANGE_CUSTOMERS);

  customer = crm_store_get_customer (fixture->store, id);
  g_assert_cmpstr (crm_customer_get_name (customer), ==, "ნინო ბერიძე");
  g_assert_cmpstr (crm_customer_get_phone (customer), ==, "+995 555 12 34 56");
  g_assert_cmpstr (crm_customer_get_email (customer), ==, "nino@example.ge");
  g_assert_cmpstr (crm_customer_get_birthday (customer), ==, "1990-05-31");
  g_assert_cmpstr (crm_customer_get_notes (customer), ==, "Prefers delivery.\nCall after 18:00.");
  g_assert_cmpuint (g_strv_length ((char **) crm_customer_get_tags (customer)), ==, 2);
  g_assert_true (g_strv_contains (crm_customer_get_tags (customer), "VIP"));
  g_assert_true (g_strv_contains (crm_customer_get_tags (customer), "საბითუმო"));
  g_assert_false (crm_customer_get_archived (customer));
  g_assert_cmpuint (crm_store_count_customers (fixture->store), ==, 1);

  g_assert_null (crm_store_get_customer (fixture->store, id + 100));
}

static void
test_validation (Fixture       *fixture,
                 gconstpointer  data)
{
  struct {
    CrmCustomerFields fields;
    const char *words;
  } bad[] = {
    { { .name = "" }, "name" },
    { { .name = " \n\t " }, "name" },
    { { .name = "Ani", .phone = "12" }, "6 to 15" },
    { { .name = "Ani", .phone = "555-CALL-NOW" }, "C" },
    { { .name = "Ani", .email = "ani(at)mail.am" }, "name@example.com" },
    { { .name = "Ani", .birthday = "31.05.1990" }, "1990-05-31" },
    { { .name = "Ani", .birthday = "1990-02-30" }, "1990-05-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (crm_store_add_customer (fixture->store, &bad[i].fields, &error), ==, 0);
      g_assert_error (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID);
      if (strstr (error->message, bad[i].words) == NULL)
        g_error ("case %u: “%s” does not mention “%s”", i, error->message, bad[i].words);
    }

  /* Nothing was half-written. */
  g_assert_cmpuint (crm_store_count_customers (fixture->store), ==, 0);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
}

static void
test_hostile_text (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *long_name = g_strnfill (5000, 'x');
  const char *markup = "<b>A & B</b> <span foreground='red'>%s %n</span>";
  g_autoptr(CrmCustomer) a = NULL;
  g_autoptr(CrmCustomer) b = NULL;
  g_autoptr(CrmCustomer) c = NULL;
  gint64 id_a, id_b, id_c;

  /* Markup and format specifiers are kept as text, exactly. */
  id_a = add_full (fixture, markup, NULL, NULL, NULL);
  a = crm_store_get_customer (fixture->store, id_a);
  g_assert_cmpstr (crm_customer_get_name (a), ==, markup);

  /* A 5000-letter paste is cut, not refused. */
  id_b = add_full (fixture, long_name, NULL, NULL, NULL);
  b = crm_store_get_customer (fixture->store, id_b);
  g_assert_cmpuint (strlen (crm_customer_get_name (b)), ==, 200);

  /* Right-to-left marks and emoji survive; control characters do not. */
  id_c = add_full (fixture, "\u202Eשלום\u202C 😀\x07", NULL, NULL, NULL);
  c = crm_store_get_customer (fixture->store, id_c);
  g_assert_cmpstr (crm_customer_get_name (c), ==, "\u202Eשלום\u202C 😀");
}

static void
test_update_archive_delete (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "ვეგანი", NULL };
  CrmCustomerFields changed = { .name = "Անի Պետրոսյան", .phone = "+374 10 123456", .tags = tags };
  g_autoptr(CrmCustomer) customer = NULL;
  g_auto(GStrv) all_tags = NULL;
  gint64 id = add_full (fixture, "Ani", NULL, NULL, (const char *[]) { "old tag", NULL });

  g_assert_true (crm_store_update_customer (fixture->store, id, &changed, &error));
  g_assert_no_error (error);
  customer = crm_store_get_customer (fixture->store, id);
  g_assert_cmpstr (crm_customer_get_name (customer), ==, "Անի Պետրոսյան");

  /* The tag nobody uses any more is gone from the filter list. */
  all_tags = crm_store_list_tags (fixture->store);
  g_assert_cmpuint (g_strv_length (all_tags), ==, 1);
  g_assert_cmpstr (all_tags[0], ==, "ვეგანი");

  g_assert_false (crm_store_update_customer (fixture->store, id + 99, &changed, &error));
  g_clear_error (&error);

  g_assert_true (crm_store_set_customer_archived (fixture->store, id, TRUE, &error));
  g_assert_cmpuint (crm_store_count_customers (fixture->store), ==, 0);
  g_clear_object (&customer);
  customer = crm_store_get_customer (fixture->store, id);
  g_assert_true (crm_customer_get_archived (customer));

  g_assert_true (crm_store_set_customer_archived (fixture->store, id, FALSE, &error));
  g_assert_cmpuint (crm_store_count_customers (fixture->store), ==, 1);

  crm_store_add_purchase (fixture->store, id, NOW, 100, "", &error);
  g_assert_true (crm_store_delete_customer (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_null (crm_store_get_customer (fixture->store, id));
}

static void
test_timeline (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(CrmCustomer) customer = NULL;
  gint64 id = add_full (fixture, "Gor", NULL, NULL, NULL);
  gint64 purchase;
  CrmTimelineEntry *entry;

  purchase = crm_store_add_purchase (fixture->store, id, NOW - 3 * DAY, 2550, "Cake", &error);
  crm_store_add_interaction (fixture->store, id, NOW - 1 * DAY, "call", "Asked about the order", &error);
  crm_store_add_interaction (fixture->store, id, NOW - 2 * DAY, "visit", "", &error);
  g_assert_no_error (error);

  g_assert_cmpint (crm_store_add_purchase (fixture->store, id, NOW, 0, "", &error), ==, 0);
  g_assert_error (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (crm_store_add_purchase (fixture->store, id + 5, NOW, 10, "", &error), ==, 0);
  g_clear_error (&error);
  g_assert_cmpint (crm_store_add_interaction (fixture->store, id, NOW, "telepathy", "", &error), ==, 0);
  g_clear_error (&error);

  timeline = crm_store_list_timeline (fixture->store, id, 100);
  g_assert_cmpuint (timeline->len, ==, 3);
  entry = g_ptr_array_index (timeline, 0);
  g_assert_cmpint (entry->kind, ==, CRM_TIMELINE_INTERACTION);
  g_assert_cmpstr (entry->what, ==, "call");
  g_assert_cmpstr (entry->text, ==, "Asked about the order");
  entry = g_ptr_array_index (timeline, 2);
  g_assert_cmpint (entry->kind, ==, CRM_TIMELINE_PURCHASE);
  g_assert_cmpint (entry->amount, ==, 2550);
  g_assert_cmpint (entry->id, ==, purchase);

  /* A visit counts as the last visit, even without a purchase since. */
  customer = crm_store_get_customer (fixture->store, id);
  g_assert_cmpint (crm_customer_get_last_visit_at (customer), ==, NOW - 2 * DAY);
  g_assert_cmpint (crm_customer_get_last_purchase_at (customer), ==, NOW - 3 * DAY);

  g_assert_true (crm_store_delete_timeline_entry (fixture->store, CRM_TIMELINE_PURCHASE, purchase, &error));
  g_clear_object (&customer);
  customer = crm_store_get_customer (fixture->store, id);
  g_assert_cmpint (crm_customer_get_spend (customer), ==, 0);
}

/* A contact corrected: kind, note and time change, its visit counts
 * again; an unknown kind or a contact that is not there is refused. */
static void
test_update_interaction (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(CrmCustomer) customer = NULL;
  gint64 id = add_full (fixture, "Lilit", NULL, NULL, NULL);
  gint64 contact = crm_store_add_interaction (fixture->store, id, NOW - 5 * DAY, "call", "Rang", &error);
  CrmTimelineEntry *entry;

  g_assert_no_error (error);
  g_assert_true (crm_store_update_interaction (fixture->store, contact, NOW - DAY, "visit", "Came in <i>twice</i>",
                                               &error));
  g_assert_no_error (error);

  timeline = crm_store_list_timeline (fixture->store, id, 10);
  g_assert_cmpuint (timeline->len, ==, 1);
  entry = g_ptr_array_index (timeline, 0);
  g_assert_cmpint (entry->id, ==, contact);
  g_assert_cmpstr (entry->what, ==, "visit");
  g_assert_cmpstr (entry->text, ==, "Came in <i>twice</i>");
  g_assert_cmpint (entry->at, ==, NOW - DAY);
  customer = crm_store_get_customer (fixture->store, id);
  g_assert_cmpint (crm_customer_get_last_visit_at (customer), ==, NOW - DAY);

  g_assert_false (crm_store_update_interaction (fixture->store, contact, NOW, "telepathy", "", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (crm_store_update_interaction (fixture->store, contact + 100, NOW, "call", "", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Nothing changed by the refusals. */
  g_clear_pointer (&timeline, g_ptr_array_unref);
  timeline = crm_store_list_timeline (fixture->store, id, 10);
  g_assert_cmpstr (((CrmTimelineEntry *) g_ptr_array_index (timeline, 0))->what, ==, "visit");
}

static void
test_bulk_transaction (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCustomer) customer = NULL;
  gint64 first = 0;

  g_assert_true (crm_store_begin (fixture->store, &error));
  for (int i = 0; i < 50; i++)
    {
      gint64 id = add_full (fixture, "Bulk", NULL, NULL, NULL);

      if (first == 0)
        first = id;
      crm_store_add_purchase (fixture->store, id, NOW - i * DAY, 100 * (i + 1), "", &error);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_changed, ==, 0);
  g_assert_true (crm_store_commit (fixture->store, &error));

  /* One signal, and the figures were rebuilt at commit. */
  g_assert_cmpuint (fixture->n_changed, ==, 1);
  g_assert_true (fixture->last_change & CRM_STORE_CHANGE_SEGMENTS);
  customer = crm_store_get_customer (fixture->store, first + 49);
  g_assert_cmpint (crm_customer_get_spend (customer), ==, 5000);
  g_assert_cmpint (crm_customer_get_segment (customer), ==, CRM_SEGMENT_KEY);

  /* A rolled-back bulk change leaves nothing. */
  g_assert_true (crm_store_begin (fixture->store, &error));
  add_full (fixture, "Never", NULL, NULL, NULL);
  crm_store_rollback (fixture->store);
  g_assert_cmpuint (crm_store_count_customers (fixture->store), ==, 50);
}

static guint
count_matches (CrmCustomerList *list,
               const char      *search)
{
  crm_customer_list_set_search (list, search);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
test_list_search (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(CrmCustomerList) list = NULL;
  g_autoptr(CrmCustomer) first = NULL;

  add_full (fixture, "ნინო ბერიძე", "+995 555 12 34 56", NULL, (const char *[]) { "VIP", NULL });
  add_full (fixture, "Անի Պետրոսյան", "+374 10 123456", "ani@mail.am", NULL);
  add_full (fixture, "Élodie Martin", "555-987-654", "elodie@example.fr", NULL);
  add_full (fixture, "Nino Kapanadze", NULL, NULL, NULL);

  list = crm_customer_list_new (fixture->store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);

  /* Case and script variants. */
  g_assert_cmpuint (count_matches (list, "ნინო"), ==, 1);
  g_assert_cmpuint (count_matches (list, "ᲜᲘᲜᲝ"), ==, 1);
  g_assert_cmpuint (count_matches (list, "ბერ"), ==, 1);
  g_assert_cmpuint (count_matches (list, "ԱՆԻ"), ==, 1);
  g_assert_cmpuint (count_matches (list, "պետրոս"), ==, 1);
  g_assert_cmpuint (count_matches (list, "elodie"), ==, 1);
  g_assert_cmpuint (count_matches (list, "ÉLODIE"), ==, 1);
  g_assert_cmpuint (count_matches (list, "nino"), ==, 1);
  /* Words in any order, each must match. */
  g_assert_cmpuint (count_matches (list, "kapanadze nino"), ==, 1);
  g_assert_cmpuint (count_matches (list, "nino martin"), ==, 0);
  /* E-mail and tags. */
  g_assert_cmpuint (count_matches (list, "mail.am"), ==, 1);
  g_assert_cmpuint (count_matches (list, "vip"), ==, 1);

  /* Phones, however they are written. */
  g_assert_cmpuint (count_matches (list, "555 12"), ==, 1);
  g_assert_cmpuint (count_matches (list, "555123456"), ==, 1);
  g_assert_cmpuint (count_matches (list, "+995555123456"), ==, 1);
  g_assert_cmpuint (count_matches (list, "010 12 34 56"), ==, 1);
  g_assert_cmpuint (count_matches (list, "555"), ==, 2);

  /* Hostile queries match literally and break nothing. */
  g_assert_cmpuint (count_matches (list, "%"), ==, 0);
  g_assert_cmpuint (count_matches (list, "_"), ==, 0);
  g_assert_cmpuint (count_matches (list, "' OR 1=1 --"), ==, 0);
  g_assert_cmpuint (count_matches (list, "\xff\xfe"), ==, 4);

  g_assert_cmpuint (count_matches (list, ""), ==, 4);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  /* Latin before Armenian before Georgian, by code point for now. */
  g_assert_cmpstr (crm_customer_get_name (first), ==, "Élodie Martin");
}

static void
test_list_filters_and_sort (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCustomerList) list = NULL;
  g_autoptr(CrmCustomer) top = NULL;
  gint64 big = add_full (fixture, "Big", NULL, NULL, (const char *[]) { "wholesale", NULL });
  gint64 medium = add_full (fixture, "Medium", "555 000 111", NULL, NULL);
  gint64 gone = add_full (fixture, "Gone", NULL, NULL, (const char *[]) { "wholesale", NULL });
  guint changes;

  crm_store_add_purchase (fixture->store, big, NOW - DAY, 90000, "", &error);
  crm_store_add_purchase (fixture->store, medium, NOW - 3 * DAY, 10000, "", &error);
  crm_store_add_purchase (fixture->store, gone, NOW - 200 * DAY, 500, "", &error);
  g_assert_no_error (error);

  list = crm_customer_list_new (fixture->store);

  crm_customer_list_set_segment (list, CRM_SEGMENT_FILTER_KEY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpint (crm_customer_list_get_id (list, 0), ==, big);

  crm_customer_list_set_segment (list, CRM_SEGMENT_FILTER_SECONDARY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  crm_customer_list_set_segment (list, CRM_SEGMENT_FILTER_ALL);

  crm_customer_list_set_tag (list, "wholesale");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  crm_customer_list_set_tag (list, NULL);

  crm_customer_list_set_not_seen_days (list, 30);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpint (crm_customer_list_get_id (list, 0), ==, gone);
  crm_customer_list_set_not_seen_days (list, 0);

  crm_customer_list_set_sort (list, CRM_CUSTOMER_SORT_SPEND, TRUE);
  g_assert_cmpint (crm_customer_list_get_id (list, 0), ==, big);
  g_assert_cmpint (crm_customer_list_get_id (list, 2), ==, gone);
  crm_customer_list_set_sort (list, CRM_CUSTOMER_SORT_SPEND, FALSE);
  g_assert_cmpint (crm_customer_list_get_id (list, 0), ==, gone);
  crm_customer_list_set_sort (list, CRM_CUSTOMER_SORT_LAST_VISIT, TRUE);
  g_assert_cmpint (crm_customer_list_get_id (list, 0), ==, big);
  crm_customer_list_set_sort (list, CRM_CUSTOMER_SORT_SEGMENT, FALSE);
  g_assert_cmpint (crm_customer_list_get_id (list, 0), ==, big);
  crm_customer_list_set_sort (list, CRM_CUSTOMER_SORT_PHONE, FALSE);
  g_assert_cmpint (crm_customer_list_get_id (list, 0), ==, medium);
  crm_customer_list_set_sort (list, CRM_CUSTOMER_SORT_NAME, FALSE);
  g_assert_cmpint (crm_customer_list_get_id (list, 0), ==, big);
  g_assert_cmpuint (crm_customer_list_find (list, gone), ==, 1);

  /* The list follows the store by itself. */
  changes = g_list_model_get_n_items (G_LIST_MODEL (list));
  add_full (fixture, "Newcomer", NULL, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, changes + 1);
  g_assert_true (crm_store_set_customer_archived (fixture->store, gone, TRUE, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, changes);
  g_assert_cmpuint (crm_customer_list_find (list, gone), ==, G_MAXUINT);

  /* Paused, it waits; unpaused, it catches up. */
  crm_customer_list_set_paused (list, TRUE);
  add_full (fixture, "While away", NULL, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, changes);
  crm_customer_list_set_paused (list, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, changes + 1);

  top = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (crm_customer_get_name (top), ==, "Big");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 1000));
}

/* The list sorts names in the reader's alphabet: their own script
 * first, then Latin and Cyrillic, then the other script. */
static void
test_list_name_order (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *names[] = { "Zaza", "ბესო", "Արամ", "ᲐᲜᲐ", "Ani", "Борис", "Բագրատ", "ჰამლეტი" };
  struct { const char *language; const char *expected[8]; } cases[] = {
    { "ka", { "ᲐᲜᲐ", "ბესო", "ჰამლეტი", "Ani", "Zaza", "Борис", "Արամ", "Բագրատ" } },
    { "hy", { "Արամ", "Բագրատ", "Ani", "Zaza", "Борис", "ᲐᲜᲐ", "ბესო", "ჰამლეტი" } },
    { "en", { "Ani", "Zaza", "Борис", "ᲐᲜᲐ", "ბესო", "ჰამლეტი", "Արամ", "Բագրատ" } },
  };
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    add_full (fixture, names[i], NULL, NULL, NULL);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(CrmCustomerList) list = NULL;

      g_setenv ("LANGUAGE", cases[c].language, TRUE);
      list = crm_customer_list_new (fixture->store);
      crm_customer_list_set_sort (list, CRM_CUSTOMER_SORT_NAME, FALSE);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, G_N_ELEMENTS (names));

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autoptr(CrmCustomer) customer = g_list_model_get_item (G_LIST_MODEL (list), i);

          g_assert_cmpstr (crm_customer_get_name (customer), ==, cases[c].expected[i]);
        }

      /* Descending is the same order backwards. */
      crm_customer_list_set_sort (list, CRM_CUSTOMER_SORT_NAME, TRUE);
      {
        g_autoptr(CrmCustomer) first = g_list_model_get_item (G_LIST_MODEL (list), 0);

        g_assert_cmpstr (crm_customer_get_name (first), ==, cases[c].expected[G_N_ELEMENTS (names) - 1]);
      }
    }

  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

/* A hand-made shop for the store's list rows, with what the rules make
 * of each customer worked out by hand: key by the rule (Ana brings most
 * of the year) or by override (Beso, Gela; Dato is kept secondary
 * whatever he spends), at risk when a key client's one purchase is older
 * than the 60-day fallback (Gela), not seen for 30 days when neither a
 * purchase nor a visit nor the day they were added is that recent. In
 * name order; an archived key client is in no list. */
static const struct
{
  const char *name;
  const char *phone;
  const char *tag;
  const char *override;
  int         added;        /* days before NOW */
  int         bought;       /* days before NOW of their one purchase; -1: never */
  gint64      amount;
  int         visited;      /* days before NOW of a visit; -1: never */
  gboolean    key;
  gboolean    at_risk;
  gboolean    not_seen_30;
} people[] = {
  { "Ana",  "+995 555 11 22 33", "wholesale", NULL,        10,   1, 90000, -1, TRUE,  FALSE, FALSE },
  { "Beso", NULL,                NULL,        "key",       90,  -1,     0,  2, TRUE,  FALSE, FALSE },
  { "Dato", "+374 10 123456",    "wholesale", "secondary", 300, 100, 50000, -1, FALSE, FALSE, TRUE },
  { "Eka",  NULL,                NULL,        NULL,        90,  -1,     0, -1, FALSE, FALSE, TRUE },
  { "Gela", "555 000 111",       "VIP",       "key",       300, 200,   500, -1, TRUE,  TRUE,  TRUE },
};

static void
add_people (Fixture *fixture,
            gint64  *ids)
{
  g_autoptr(GError) error = NULL;
  CrmCustomerFields archived = { .name = "Zura", .segment_override = "key" };
  gint64 zura;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      const char *tags[] = { people[i].tag, NULL };
      CrmCustomerFields fields = {
        .name = people[i].name,
        .phone = people[i].phone,
        .tags = tags,
        .segment_override = people[i].override,
      };

      fixture->shop.now = NOW - people[i].added * DAY;
      ids[i] = crm_store_add_customer (fixture->store, &fields, &error);
      g_assert_no_error (error);
    }
  fixture->shop.now = NOW;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      if (people[i].bought >= 0)
        crm_store_add_purchase (fixture->store, ids[i], NOW - people[i].bought * DAY, people[i].amount, "", &error);
      if (people[i].visited >= 0)
        crm_store_add_interaction (fixture->store, ids[i], NOW - people[i].visited * DAY, "visit", "", &error);
      g_assert_no_error (error);
    }

  zura = crm_store_add_customer (fixture->store, &archived, &error);
  g_assert_true (crm_store_set_customer_archived (fixture->store, zura, TRUE, &error));
  g_assert_no_error (error);
}

static CrmCustomerRows *
query_rows (Fixture                *fixture,
            const CrmCustomerQuery *query)
{
  g_autoptr(GError) error = NULL;
  CrmCustomerRows *rows = crm_store_query_customer_rows (fixture->store, query, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->texts->len, ==, rows->ids->len);
  g_assert_cmpuint (rows->phones->len, ==, rows->ids->len);
  return rows;
}

/* The rows as the names of people[], in order, joined by spaces. */
static char *
row_names (const CrmCustomerRows *rows,
           const gint64          *ids)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint r = 0; r < rows->ids->len; r++)
    {
      gint64 id = g_array_index (rows->ids, gint64, r);
      const char *name = "?";

      for (guint i = 0; i < G_N_ELEMENTS (people); i++)
        if (ids[i] == id)
          name = people[i].name;
      g_string_append_printf (names, "%s%s", names->len > 0 ? " " : "", name);
    }

  return g_strdup (names->str);
}

/* Every combination of the filters keeps exactly the people whose worked
 * answers pass them all, with their search text and phone key. */
static void
test_store_rows_filters (Fixture       *fixture,
                         gconstpointer  data)
{
  const CrmSegmentFilter segments[] = { CRM_SEGMENT_FILTER_ALL, CRM_SEGMENT_FILTER_KEY, CRM_SEGMENT_FILTER_SECONDARY };
  const char *tags[] = { NULL, "wholesale", "VIP" };
  const guint not_seen[] = { 0, 30 };
  gint64 ids[G_N_ELEMENTS (people)];

  add_people (fixture, ids);

  for (guint s = 0; s < G_N_ELEMENTS (segments); s++)
    for (guint t = 0; t < G_N_ELEMENTS (tags); t++)
      for (guint n = 0; n < G_N_ELEMENTS (not_seen); n++)
        for (guint risk = 0; risk <= 1; risk++)
          {
            CrmCustomerQuery query = {
              .segment = segments[s], .tag = tags[t], .not_seen_days = not_seen[n],
              .at_risk = risk, .language = "en", .now = NOW,
            };
            g_autoptr(CrmCustomerRows) rows = query_rows (fixture, &query);
            g_autoptr(GString) expected = g_string_new (NULL);
            g_autofree char *got = NULL;

            for (guint i = 0; i < G_N_ELEMENTS (people); i++)
              {
                if ((segments[s] == CRM_SEGMENT_FILTER_KEY && !people[i].key) ||
                    (segments[s] == CRM_SEGMENT_FILTER_SECONDARY && people[i].key) ||
                    (tags[t] != NULL && g_strcmp0 (people[i].tag, tags[t]) != 0) ||
                    (not_seen[n] > 0 && !people[i].not_seen_30) ||
                    (risk && !people[i].at_risk))
                  continue;
                g_string_append_printf (expected, "%s%s", expected->len > 0 ? " " : "", people[i].name);
              }

            got = row_names (rows, ids);
            g_test_message ("segment %u, tag %s, not seen %u, at risk %u", s, tags[t], not_seen[n], risk);
            g_assert_cmpstr (got, ==, expected->str);

            for (guint r = 0; r < rows->ids->len; r++)
              for (guint i = 0; i < G_N_ELEMENTS (people); i++)
                if (ids[i] == g_array_index (rows->ids, gint64, r))
                  {
                    g_autofree char *name = crm_text_fold (people[i].name);
                    g_autofree char *phone = crm_text_phone_key (people[i].phone);

                    g_assert_nonnull (strstr (g_ptr_array_index (rows->texts, r), name));
                    g_assert_cmpstr (g_ptr_array_index (rows->phones, r), ==, phone);
                  }
          }
}

/* Each order, both ways, worked out from the table: ties go by name. */
static void
test_store_rows_order (Fixture       *fixture,
                       gconstpointer  data)
{
  static const struct
  {
    CrmCustomerSort sort;
    gboolean        descending;
    const char     *expected;
  } orders[] = {
    { CRM_CUSTOMER_SORT_NAME, FALSE, "Ana Beso Dato Eka Gela" },
    { CRM_CUSTOMER_SORT_NAME, TRUE, "Gela Eka Dato Beso Ana" },
    /* "+374…" before "+995…" before "555…"; no phone last either way. */
    { CRM_CUSTOMER_SORT_PHONE, FALSE, "Dato Ana Gela Beso Eka" },
    { CRM_CUSTOMER_SORT_PHONE, TRUE, "Gela Ana Dato Beso Eka" },
    { CRM_CUSTOMER_SORT_SPEND, FALSE, "Beso Eka Gela Dato Ana" },
    { CRM_CUSTOMER_SORT_SPEND, TRUE, "Ana Dato Gela Beso Eka" },
    /* A visit counts as much as a purchase; never seen is oldest. */
    { CRM_CUSTOMER_SORT_LAST_VISIT, FALSE, "Eka Gela Dato Beso Ana" },
    { CRM_CUSTOMER_SORT_LAST_VISIT, TRUE, "Ana Beso Dato Gela Eka" },
    /* Key first, the biggest first; the other way round, the reverse. */
    { CRM_CUSTOMER_SORT_SEGMENT, FALSE, "Ana Gela Beso Dato Eka" },
    { CRM_CUSTOMER_SORT_SEGMENT, TRUE, "Eka Dato Beso Gela Ana" },
  };
  gint64 ids[G_N_ELEMENTS (people)];

  add_people (fixture, ids);

  for (guint o = 0; o < G_N_ELEMENTS (orders); o++)
    {
      CrmCustomerQuery query = {
        .sort = orders[o].sort, .descending = orders[o].descending, .language = "en", .now = NOW,
      };
      g_autoptr(CrmCustomerRows) rows = query_rows (fixture, &query);
      g_autofree char *got = row_names (rows, ids);

      g_assert_cmpstr (got, ==, orders[o].expected);
    }
}

/* The query's own clock and language count, not the process's. */
static void
test_store_rows_now_and_language (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) key = NULL;
  gint64 ids[G_N_ELEMENTS (people)];
  const char *scripts[] = { "Zaza", "ბესო", "Արամ" };
  struct { const char *language; const char *expected; } languages[] = {
    { "ka", "ბესო Zaza Արամ" },
    { "hy", "Արամ Zaza ბესო" },
    { "en", "Zaza ბესო Արամ" },
    /* Anything else is English, and never reaches the SQL. */
    { "fr", "Zaza ბესო Արամ" },
    { "ka, c.id", "Zaza ბესო Արամ" },
  };

  add_people (fixture, ids);

  /* A year on, nobody has been seen for a month, and both key clients
   * who ever bought are at risk. */
  {
    CrmCustomerQuery later = { .not_seen_days = 30, .language = "en", .now = NOW + 400 * DAY };
    g_autoptr(CrmCustomerRows) rows = query_rows (fixture, &later);
    g_autofree char *got = row_names (rows, ids);

    g_assert_cmpstr (got, ==, "Ana Beso Dato Eka Gela");
  }
  {
    CrmCustomerQuery later = { .at_risk = TRUE, .language = "en", .now = NOW + 400 * DAY };
    g_autoptr(CrmCustomerRows) rows = query_rows (fixture, &later);
    g_autofree char *got = row_names (rows, ids);

    g_assert_cmpstr (got, ==, "Ana Gela");
  }

  /* Today's key clients for Insights are the "Key" filter's, unordered. */
  key = crm_store_list_key_customer_ids (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (key->len, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      gboolean found = FALSE;

      for (guint k = 0; k < key->len; k++)
        found = found || g_array_index (key, gint64, k) == ids[i];
      g_assert_true (found == people[i].key);
    }

  for (guint i = 0; i < G_N_ELEMENTS (scripts); i++)
    add_full (fixture, scripts[i], NULL, NULL, (const char *[]) { "script", NULL });

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      CrmCustomerQuery query = { .tag = "script", .language = languages[l].language, .now = NOW };
      g_autoptr(CrmCustomerRows) rows = query_rows (fixture, &query);
      g_autoptr(GString) got = g_string_new (NULL);

      for (guint r = 0; r < rows->ids->len; r++)
        {
          g_autoptr(CrmCustomer) customer = crm_store_get_customer (fixture->store,
                                                                    g_array_index (rows->ids, gint64, r));

          g_string_append_printf (got, "%s%s", r > 0 ? " " : "", crm_customer_get_name (customer));
        }
      g_assert_cmpstr (got->str, ==, languages[l].expected);
    }
}

/* Who is at the counter goes on what they enter, and stays there when
 * they are renamed or leave the shop. */
static void
test_staff (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(CrmFeedback) feedback = NULL;
  g_autoptr(CrmStaffMember) member = NULL;
  CrmFeedbackFields fields = { .kind = "complaint", .text = "Cold coffee" };
  gint64 customer = add_full (fixture, "Nino", NULL, NULL, NULL);
  gint64 mariam, anahit, feedback_id;
  CrmTimelineEntry *entry;

  /* Refused: no name, an unknown language. Nothing is written. */
  g_assert_cmpint (crm_store_add_staff (fixture->store, "  \t ", "ka", &error), ==, 0);
  g_assert_error (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (crm_store_add_staff (fixture->store, "Mariam", "fr", &error), ==, 0);
  g_assert_nonnull (error);
  g_clear_error (&error);

  mariam = crm_store_add_staff (fixture->store, " მარიამი ", "ka", &error);
  g_assert_no_error (error);
  anahit = crm_store_add_staff (fixture->store, "Անահիտ", "hy", &error);
  g_assert_no_error (error);
  g_assert_cmpint (crm_store_add_staff (fixture->store, "Owner", NULL, &error), >, 0);
  g_assert_no_error (error);

  staff = crm_store_list_staff (fixture->store, FALSE);
  g_assert_cmpuint (staff->len, ==, 3);
  member = crm_store_get_staff (fixture->store, mariam);
  g_assert_cmpstr (member->name, ==, "მარიამი");
  g_assert_cmpstr (member->language, ==, "ka");
  g_clear_pointer (&member, crm_staff_member_free);

  /* Nobody at the counter: nobody is recorded. */
  g_assert_cmpint (crm_store_get_acting_staff (fixture->store), ==, 0);
  crm_store_add_purchase (fixture->store, customer, NOW - 2 * DAY, 500, "", &error);
  g_assert_no_error (error);

  g_assert_true (crm_store_set_acting_staff (fixture->store, mariam));
  crm_store_add_purchase (fixture->store, customer, NOW - DAY, 700, "", &error);
  g_assert_no_error (error);
  g_assert_true (crm_store_set_acting_staff (fixture->store, anahit));
  crm_store_add_interaction (fixture->store, customer, NOW, "call", "", &error);
  g_assert_no_error (error);

  timeline = crm_store_list_timeline (fixture->store, customer, 10);
  g_assert_cmpuint (timeline->len, ==, 3);
  entry = g_ptr_array_index (timeline, 0);
  g_assert_cmpstr (entry->staff, ==, "Անահիտ");
  entry = g_ptr_array_index (timeline, 1);
  g_assert_cmpstr (entry->staff, ==, "მარიამი");
  entry = g_ptr_array_index (timeline, 2);
  g_assert_null (entry->staff);
  g_clear_pointer (&timeline, g_ptr_array_unref);

  /* The one who answers feedback is recorded; marking it read is not
   * answering. */
  feedback_id = crm_store_add_feedback (fixture->store, &fields, &error);
  g_assert_no_error (error);
  g_assert_true (crm_store_update_feedback (fixture->store, feedback_id, "in_progress", "We called back", &error));
  g_assert_true (crm_store_set_acting_staff (fixture->store, mariam));
  g_assert_true (crm_store_update_feedback (fixture->store, feedback_id, "resolved", NULL, &error));
  g_assert_no_error (error);
  feedback = crm_store_get_feedback (fixture->store, feedback_id);
  g_assert_cmpstr (crm_feedback_get_responded_by (feedback), ==, "Անահիտ");
  g_clear_object (&feedback);

  /* Renamed: the history follows. Left the shop: off the list and off
   * the counter, still on the history; they cannot be picked again. */
  g_assert_true (crm_store_update_staff (fixture->store, mariam, "Mariam B.", "en", &error));
  g_assert_true (crm_store_set_staff_archived (fixture->store, mariam, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crm_store_get_acting_staff (fixture->store), ==, 0);
  g_assert_false (crm_store_set_acting_staff (fixture->store, mariam));
  g_assert_false (crm_store_set_acting_staff (fixture->store, 9999));
  g_assert_cmpint (crm_store_get_acting_staff (fixture->store), ==, 0);

  g_clear_pointer (&staff, g_ptr_array_unref);
  staff = crm_store_list_staff (fixture->store, FALSE);
  g_assert_cmpuint (staff->len, ==, 2);
  g_clear_pointer (&staff, g_ptr_array_unref);
  staff = crm_store_list_staff (fixture->store, TRUE);
  g_assert_cmpuint (staff->len, ==, 3);

  timeline = crm_store_list_timeline (fixture->store, customer, 10);
  entry = g_ptr_array_index (timeline, 1);
  g_assert_cmpstr (entry->staff, ==, "Mariam B.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  shop_fixture_init_engine ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/customers/add-and-read", test_add_and_read);
  ADD ("/customers/validation", test_validation);
  ADD ("/customers/hostile-text", test_hostile_text);
  ADD ("/customers/update-archive-delete", test_update_archive_delete);
  ADD ("/customers/timeline", test_timeline);
  ADD ("/customers/update-interaction", test_update_interaction);
  ADD ("/customers/bulk-transaction", test_bulk_transaction);
  ADD ("/customers/list/search", test_list_search);
  ADD ("/customers/list/filters-and-sort", test_list_filters_and_sort);
  ADD ("/customers/list/name-order", test_list_name_order);
  ADD ("/customers/list/store-rows-filters", test_store_rows_filters);
  ADD ("/customers/list/store-rows-order", test_store_rows_order);
  ADD ("/customers/list/store-rows-now-and-language", test_store_rows_now_and_language);
  ADD ("/customers/staff", test_staff);

#undef ADD

  return g_test_run ();
}
