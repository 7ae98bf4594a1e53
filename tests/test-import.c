/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Customers and sales coming in: recognising columns, the preview plan,
 * duplicates each way, one transaction, and bad files that change nothing. */

#include "config.h"

#include <string.h>

#include "crm-demo.h"
#include "crm-export.h"
#include "crm-import.h"
#include "crm-import-contact.h"
#include "crm-sales-import.h"
#include "crm-store-merge.h"
#include "shop-fixture.h"
#include "test-import-util.h"

#define STATIC_BYTES(text) g_bytes_new_static (text, sizeof (text) - 1)

/* 2026-06-01 12:00 UTC: after every sale in tests/data. */
#define NOW ((gint64) 1780315200)

static CrmCustomerImport *
customer_import (GBytes          *bytes,
                 CrmImportFormat  format)
{
  g_autoptr(GError) error = NULL;
  CrmCustomerImport *import = crm_customer_import_new (bytes, format, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static const CrmImportRow *
row_numbered (CrmCustomerImport *import,
              guint              number)
{
  for (guint i = 0; i < crm_customer_import_get_n_rows (import); i++)
    {
      const CrmImportRow *row = crm_customer_import_get_row (import, i);

      if (row->row == number)
        return row;
    }

  g_error ("no row %u in the plan", number);
  return NULL;
}

static void
assert_contains (const char *text,
                 const char *fragment)
{
  if (text == NULL || strstr (text, fragment) == NULL)
    g_error ("“%s” does not contain “%s”", text ? text : "(null)", fragment);
}

static void
assert_counts (CrmCustomerImport *import,
               guint              added,
               guint              merged,
               guint              skipped)
{
  CrmImportCounts counts;

  crm_customer_import_get_counts (import, &counts);
  g_assert_cmpuint (counts.added, ==, added);
  g_assert_cmpuint (counts.merged, ==, merged);
  g_assert_cmpuint (counts.skipped, ==, skipped);
}

static gint64
customer_id_by_name (CrmStore   *store,
                     const char *name)
{
  g_autoptr(CrmStmt) stmt = crm_store_prepare_once (store, "SELECT id FROM customers WHERE name = ?1", NULL);
  gint64 id = 0;

  crm_stmt_bind_text (stmt, 1, name);
  if (crm_stmt_step (stmt) == CRM_STMT_ROW)
    id = crm_stmt_column_int64 (stmt, 0);

  return id;
}

static CrmCustomer *
customer_by_name (CrmStore   *store,
                  const char *name)
{
  gint64 id = customer_id_by_name (store, name);

  if (id == 0)
    g_error ("no customer called “%s”", name);
  return crm_store_get_customer (store, id);
}

static char *
tags_of (CrmCustomer *customer)
{
  return g_strjoinv (",", (char **) crm_customer_get_tags (customer));
}

static void
test_google (void)
{
  ShopFixture shop;
  g_autoptr(GBytes) bytes = test_data_bytes ("google-contacts.csv");
  g_autoptr(CrmCustomerImport) import = customer_import (bytes, crm_import_guess_format ("contacts.csv", bytes));
  g_auto(GStrv) unknown = crm_customer_import_dup_unknown_columns (import);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCustomer) nino = NULL;
  g_autoptr(CrmCustomer) giorgi = NULL;
  g_autoptr(CrmCustomer) cafe = NULL;
  g_autoptr(CrmCustomer) ana = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *nino_tags = NULL;
  g_autofree char *giorgi_tags = NULL;
  const CrmImportRow *row;
  CrmImportCounts counts;

  shop_fixture_open (&shop, NOW);

  /* Every column of a Google export is known, used or not. */
  g_assert_cmpuint (g_strv_length (unknown), ==, 0);
  g_assert_true (crm_customer_import_get_has_header (import));
  g_assert_cmpuint (crm_customer_import_get_n_records (import), ==, 7);
  g_assert_cmpint (crm_customer_import_get_column_field (import, 0), ==, CRM_CUSTOMER_COLUMN_NAME);
  g_assert_cmpint (crm_customer_import_get_column_field (import, 30), ==, CRM_CUSTOMER_COLUMN_EMAIL);
  g_assert_cmpstr (crm_customer_import_get_column_title (import, 34), ==, "Phone 1 - Value");
  g_assert_cmpint (crm_customer_import_get_column_field (import, 34), ==, CRM_CUSTOMER_COLUMN_PHONE);
  g_assert_cmpstr (crm_customer_import_get_column_sample (import, 34), ==, "+995 322 11 11 11");

  g_assert_true (crm_customer_import_prepare (import, shop.store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (crm_customer_import_get_n_rows (import), ==, 7);
  assert_counts (import, 6, 0, 1);

  /* The mobile number (by its Type column) is the phone; the other goes
   * into the notes; the formatted address is one line. */
  row = row_numbered (import, 2);
  g_assert_cmpint (row->action, ==, CRM_IMPORT_ADD);
  g_assert_null (row->reason);
  g_assert_cmpstr (row->name, ==, "ნინო ბერიძე");
  g_assert_cmpstr (row->phone, ==, "+995 555 12 34 56");
  g_assert_cmpstr (row->email, ==, "nino.beridze@gmail.com");
  g_assert_cmpstr (row->address, ==, "ჭავჭავაძის გამზ. 12 თბილისი 0179");
  g_assert_cmpstr (row->birthday, ==, "1990-05-31");
  g_assert_cmpstr (row->notes, ==, "ყოველ შაბათს მოდის.\nუყვარს შოთის პური\nOther phones: +995 322 11 11 11");
  g_assert_cmpstr (row->tags[0], ==, "VIP");
  g_assert_null (row->tags[1]);

  /* Two numbers in one cell; a birthday without a year. */
  row = row_numbered (import, 3);
  g_assert_cmpstr (row->phone, ==, "599 11 22 33");
  g_assert_cmpstr (row->notes, ==, "Other phones: +995 577 00 11 22");
  g_assert_cmpstr (row->birthday, ==, "--04-15");
  g_assert_cmpstr (row->tags[0], ==, "საბითუმო");
  g_assert_cmpstr (row->tags[1], ==, "VIP");

  /* A business: the organisation is the name. */
  g_assert_cmpstr (row_numbered (import, 4)->name, ==, "კაფე „მზიური“");

  /* No name: the e-mail stands for it, and the person is kept. */
  row = row_numbered (import, 5);
  g_assert_cmpint (row->action, ==, CRM_IMPORT_ADD);
  g_assert_cmpstr (row->name, ==, "someone@example.com");
  g_assert_cmpstr (row->email, ==, "someone@example.com");
  g_assert_cmpstr (row->reason, ==, "There is no name: the e-mail address stands for it.");

  /* A phone that is words costs only itself: named, kept in the notes. */
  row = row_numbered (import, 6);
  g_assert_cmpint (row->action, ==, CRM_IMPORT_ADD);
  g_assert_cmpstr (row->name, ==, "Lasha Tsiklauri");
  g_assert_cmpstr (row->phone, ==, "");
  g_assert_cmpstr (row->left_out[0], ==, "Phone “call the shop” left out: it is not a number.");
  g_assert_null (row->left_out[1]);
  g_assert_cmpstr (row->notes, ==, "Not a phone number: call the shop");

  /* The same e-mail in other letters is the same person. */
  row = row_numbered (import, 7);
  g_assert_cmpint (row->action, ==, CRM_IMPORT_SKIP);
  g_assert_cmpuint (row->same_as_row, ==, 2);
  g_assert_cmpstr (row->reason, ==, "Same e-mail as row 2.");

  /* 29 February 1975 never was: added, the text kept in the notes. */
  row = row_numbered (import, 8);
  g_assert_cmpint (row->action, ==, CRM_IMPORT_ADD);
  g_assert_cmpstr (row->name, ==, "Ana \"Anuka\" Lomidze, jr");
  g_assert_cmpstr (row->birthday, ==, "");
  g_assert_cmpstr (row->notes, ==, "Birthday: 1975-02-29");
  assert_contains (row->reason, "1975-02-29");

  summary = crm_customer_import_dup_summary (import, 10);
  assert_contains (summary, "6 customers added, 0 merged into existing customers, 1 skipped.\n");
  assert_contains (summary, "Row 5 added: There is no name: the e-mail address stands for it.\n");
  assert_contains (summary, "Row 6 added: Phone “call the shop” left out: it is not a number.\n");
  assert_contains (summary, "Row 7 skipped: Same e-mail as row 2.\n");

  /* Preview wrote nothing. */
  g_assert_cmpuint (crm_store_count_customers (shop.store), ==, 0);

  g_assert_true (crm_customer_import_apply (import, shop.store, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 6);
  g_assert_cmpuint (crm_store_count_customers (shop.store), ==, 6);

  nino = customer_by_name (shop.store, "ნინო ბერიძე");
  nino_tags = tags_of (nino);
  g_assert_cmpstr (crm_customer_get_phone (nino), ==, "+995 555 12 34 56");
  g_assert_cmpstr (crm_customer_get_birthday (nino), ==, "1990-05-31");
  g_assert_cmpstr (nino_tags, ==, "VIP");
  giorgi = customer_by_name (shop.store, "გიორგი კაპანაძე");
  giorgi_tags = tags_of (giorgi);
  g_assert_cmpstr (giorgi_tags, ==, "VIP,საბითუმო");
  cafe = customer_by_name (shop.store, "კაფე „მზიური“");
  g_assert_cmpstr (crm_customer_get_email (cafe), ==, "info@mziuri.ge");
  ana = customer_by_name (shop.store, "Ana \"Anuka\" Lomidze, jr");
  g_assert_nonnull (ana);

  /* Search keys and figures as if typed into the form. */
  g_assert_cmpint (query_int (shop.store, "SELECT count(*) FROM customer_stats"), ==, 6);
  g_assert_cmpint (query_int (shop.store,
                              "SELECT count(*) FROM customers WHERE phone_key = '555123456' "
                              "AND search_text LIKE '%vip%' AND name_key = 'ნინო ბერიძე'"), ==, 1);

  /* Importing the same file again finds everyone already there, the one
   * without phone or e-mail by their name. */
  g_assert_true (crm_customer_import_prepare (import, shop.store, &error));
  assert_counts (import, 0, 0, 7);
  assert_contains (row_numbered (import, 2)->reason, "Same phone number as ნინო ბერიძე, who is already a customer.");
  assert_contains (row_numbered (import, 6)->reason, "Same name as Lasha Tsiklauri, who is already a customer");

  shop_fixture_close (&shop);
}

static void
test_google_merge (void)
{
  ShopFixture shop;
  g_autoptr(GBytes) bytes = test_data_bytes ("google-contacts.csv");
  g_autoptr(CrmCustomerImport) import = customer_import (bytes, CRM_IMPORT_FORMAT_CSV);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCustomer) nino = NULL;
  g_autofree char *tags = NULL;
  const CrmImportRow *row;

  shop_fixture_open (&shop, NOW);
  crm_customer_import_set_policy (import, CRM_DUPLICATE_MERGE);
  g_assert_true (crm_customer_import_prepare (import, shop.store, &error));
  assert_counts (import, 6, 1, 0);

  /* Row 7 merges into row 2: its tag joins, its address does not replace. */
  row = row_numbered (import, 7);
  g_assert_cmpint (row->action, ==, CRM_IMPORT_MERGE);
  g_assert_cmpuint (row->same_as_row, ==, 2);
  row = row_numbered (import, 2);
  g_assert_cmpstr (row->tags[1], ==, "ვეგანი");
  g_assert_cmpstr (row->address, ==, "ჭავჭავაძის გამზ. 12 თბილისი 0179");

  g_assert_true (crm_customer_import_apply (import, shop.store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_count_customers (shop.store), ==, 6);
  nino = customer_by_name (shop.store, "ნინო ბერიძე");
  tags = tags_of (nino);
  g_assert_cmpstr (tags, ==, "VIP,ვეგანი");

  shop_fixture_close (&shop);
}

static void
test_outlook (void)
{
  ShopFixture shop;
  g_autoptr(GBytes) bytes = test_data_bytes ("outlook-contacts.csv");
  g_autoptr(CrmCustomerImport) import = customer_import (bytes, CRM_IMPORT_FORMAT_CSV);
  g_auto(GStrv) unknown = crm_customer_import_dup_unknown_columns (import);
  g_autoptr(GError) error = NULL;
  const CrmImportRow *row;

  shop_fixture_open (&shop, NOW);
  g_assert_cmpuint (g_strv_length (unknown), ==, 0);
  g_assert_true (crm_customer_import_prepare (import, shop.store, &error));
  assert_counts (import, 2, 0, 0);

  row = row_numbered (import, 2);
  g_assert_cmpstr (row->name, ==, "Tamar Mamulashvili");
  g_assert_cmpstr (row->phone, ==, "+995 591 23 45 67");
  g_assert_cmpstr (row->email, ==, "tamar.m@yahoo.com");
  /* Outlook's American month/day, when day/month cannot be. */
  g_assert_cmpstr (row->birthday, ==, "1988-05-31");
  /* Business columns come first in Outlook's export: that address is
   * kept, the home one goes into the notes. */
  g_assert_cmpstr (row->address, ==, "Rustaveli 5, Tbilisi");
  g_assert_cmpstr (row->notes, ==, "Orders cakes for birthdays\nOther phones: 032 2 45 67 89\n"
                                   "Other e-mails: tamar@office.ge\n"
                                   "Other addresses: Chavchavadze Ave 12, Tbilisi, 0179, Georgia");

  row = row_numbered (import, 3);
  g_assert_cmpstr (row->name, ==, "Davit G. Lomidze");
  g_assert_cmpstr (row->phone, ==, "+995 32 2 11 22 33");
  g_assert_cmpstr (row->birthday, ==, "");
  g_assert_cmpstr (row->notes, ==, "Organisation: Hotel Kartli");

  shop_fixture_close (&shop);
}

static void
test_armenian (void)
{
  ShopFixture shop;
  g_autoptr(GBytes) bytes = test_data_bytes ("armenian-customers.csv");
  g_autoptr(CrmCustomerImport) import = customer_import (bytes, CRM_IMPORT_FORMAT_CSV);
  g_auto(GStrv) unknown = crm_customer_import_dup_unknown_columns (import);
  g_autoptr(GError) error = NULL;
  const CrmImportRow *row;

  shop_fixture_open (&shop, NOW);

  /* "Անուն" beside "Ազգանուն" is the given name; the discount column is
   * offered for mapping. */
  g_assert_cmpint (crm_customer_import_get_column_field (import, 0), ==, CRM_CUSTOMER_COLUMN_GIVEN_NAME);
  g_assert_cmpint (crm_customer_import_get_column_field (import, 1), ==, CRM_CUSTOMER_COLUMN_FAMILY_NAME);
  g_assert_cmpint (crm_customer_import_get_column_field (import, 3), ==, CRM_CUSTOMER_COLUMN_EMAIL);
  g_assert_cmpuint (g_strv_length (unknown), ==, 1);
  g_assert_cmpstr (unknown[0], ==, "Զեղչ");
  g_assert_false (crm_customer_import_get_column_recognised (import, 8));

  g_assert_true (crm_customer_import_prepare (import, shop.store, &error));
  assert_counts (import, 6, 0, 1);

  row = row_numbered (import, 2);
  g_assert_cmpstr (row->name, ==, "Անի Պետրոսյան");
  g_assert_cmpstr (row->birthday, ==, "1992-07-21");
  g_assert_cmpstr (row->notes, ==, "Նախընտրում է գաթա; զանգել երեկոյան");
  g_assert_cmpstr (row_numbered (import, 3)->birthday, ==, "1985-04-15");
  g_assert_cmpstr (row_numbered (import, 3)->tags[0], ==, "Մեծածախ");

  /* A two-digit phone, a broken e-mail: the people stay, without them. */
  row = row_numbered (import, 4);
  g_assert_cmpint (row->action, ==, CRM_IMPORT_ADD);
  g_assert_cmpstr (row->phone, ==, "");
  g_assert_cmpstr (row->left_out[0], ==,
                   "Phone “12” left out: A phone number has 6 to 15 digits; this one has 2 digits.");
  g_assert_cmpstr (row->notes, ==, "");
  row = row_numbered (import, 5);
  g_assert_cmpstr (row->name, ==, "+374 93 000111");
  g_assert_cmpstr (row->reason, ==, "There is no name: the phone number stands for it.");
  g_assert_cmpstr (row->notes, ==, "Առանց անվան");
  row = row_numbered (import, 6);
  g_assert_cmpstr (row->name, ==, "Լուսինե Գրիգորյան");
  g_assert_cmpstr (row->email, ==, "");
  g_assert_cmpstr (row->left_out[0], ==,
                   "E-mail “lusine@mail” left out: An e-mail address looks like name@example.com.");
  g_assert_cmpstr (row->notes, ==, "Not an e-mail address: lusine@mail");
  /* 091 123456 is +374 91 123456 written at home. */
  row = row_numbered (import, 7);
  g_assert_cmpint (row->action, ==, CRM_IMPORT_SKIP);
  g_assert_cmpstr (row->reason, ==, "Same phone number as row 2.");
  g_assert_cmpstr (row_numbered (import, 8)->phone, ==, "+374 (94) 44-55-66");

  /* Mapping the unknown column by hand. */
  crm_customer_import_set_column_field (import, 8, CRM_CUSTOMER_COLUMN_NOTES);
  g_assert_true (crm_customer_import_get_column_recognised (import, 8));
  g_assert_true (crm_customer_import_prepare (import, shop.store, &error));
  g_assert_cmpstr (row_numbered (import, 2)->notes, ==, "Նախընտրում է գաթա; զանգել երեկոյան\n10%");

  g_assert_true (crm_customer_import_apply (import, shop.store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_count_customers (shop.store), ==, 6);

  shop_fixture_close (&shop);
}

static void
test_headerless (void)
{
  ShopFixture shop;
  g_autoptr(GBytes) bytes = bytes_from_string ("Nino Beridze;+995 555 12 34 56;nino@example.ge\n"
                                               "Ana;599 11 22 33;\n");
  g_autoptr(CrmCustomerImport) import = customer_import (bytes, CRM_IMPORT_FORMAT_CSV);
  g_autoptr(GError) error = NULL;

  shop_fixture_open (&shop, NOW);
  g_assert_false (crm_customer_import_get_has_header (import));
  g_assert_cmpstr (crm_customer_import_get_column_title (import, 1), ==, "Column 2");
  g_assert_cmpint (crm_customer_import_get_column_field (import, 0), ==, CRM_CUSTOMER_COLUMN_NAME);
  g_assert_cmpint (crm_customer_import_get_column_field (import, 1), ==, CRM_CUSTOMER_COLUMN_PHONE);
  g_assert_cmpint (crm_customer_import_get_column_field (import, 2), ==, CRM_CUSTOMER_COLUMN_EMAIL);
  g_assert_true (crm_customer_import_prepare (import, shop.store, &error));
  assert_counts (import, 2, 0, 0);
  g_assert_cmpuint (row_numbered (import, 1)->row, ==, 1);

  /* Told there is a header, nothing is recognised: a clear refusal. */
  crm_customer_import_set_has_header (import, TRUE);
  g_assert_false (crm_customer_import_prepare (import, shop.store, &error));
  g_assert_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_NO_DATA);
  assert_contains (error->message, "None of the columns holds the customers’ names");
  assert_contains (error->message, "not recognised: “Nino Beridze”, “+995 555 12 34 56”.");
  g_clear_error (&error);

  /* A header row and nothing under it. */
  {
    g_autoptr(GBytes) empty = bytes_from_string ("name,phone\n");
    g_autoptr(CrmCustomerImport) only_header = customer_import (empty, CRM_IMPORT_FORMAT_CSV);

    g_assert_false (crm_customer_import_prepare (only_header, shop.store, &error));
    g_assert_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_NO_DATA);
    g_clear_error (&error);
  }

  shop_fixture_close (&shop);
}

/* A shop with one customer, then an import of two rows, one of which has
 * the customer's phone written differently. */
static void
run_duplicate_policy (CrmDuplicatePolicy  policy,
                      ShopFixture        *shop,
                      CrmImportCounts    *counts,
                      gint64             *existing)
{
  const char *tags[] = { "old", NULL };
  CrmCustomerFields fields = { .name = "Nino Beridze", .phone = "555 123 456", .tags = tags };
  g_autoptr(GBytes) bytes = bytes_from_string ("name,phone,email,address,tags\n"
                                               "Nino B,+995 555 12 34 56,nino@example.ge,Tbilisi,new\n"
                                               "Other,599000111,,,\n"
                                               "Ana,,ANA@example.ge,,\n");
  g_autoptr(CrmCustomerImport) import = customer_import (bytes, CRM_IMPORT_FORMAT_CSV);
  g_autoptr(GError) error = NULL;
  CrmCustomerFields ana = { .name = "Ana Lomidze", .email = "ana@example.ge", .address = "Batumi" };

  shop_fixture_open (shop, NOW);
  *existing = crm_store_add_customer (shop->store, &fields, &error);
  crm_store_add_customer (shop->store, &ana, &error);
  g_assert_no_error (error);

  crm_customer_import_set_policy (import, policy);
  g_assert_cmpint (crm_customer_import_get_policy (import), ==, policy);
  g_assert_true (crm_customer_import_prepare (import, shop->store, &error));
  g_assert_cmpint (row_numbered (import, 2)->customer_id, ==, *existing);
  g_assert_cmpstr (row_numbered (import, 2)->reason, ==,
                   "Same phone number as Nino Beridze, who is already a customer.");
  g_assert_cmpstr (row_numbered (import, 4)->reason, ==,
                   "Same e-mail as Ana Lomidze, who is already a customer.");
  g_assert_true (crm_customer_import_apply (import, shop->store, counts, &error));
  g_assert_no_error (error);
}

static void
test_duplicates_skip (void)
{
  ShopFixture shop;
  CrmImportCounts counts;
  gint64 id;
  g_autoptr(CrmCustomer) nino = NULL;
  g_autofree char *tags = NULL;

  run_duplicate_policy (CRM_DUPLICATE_SKIP, &shop, &counts, &id);
  g_assert_cmpuint (counts.added, ==, 1);
  g_assert_cmpuint (counts.skipped, ==, 2);
  g_assert_cmpuint (crm_store_count_customers (shop.store), ==, 3);

  nino = crm_store_get_customer (shop.store, id);
  tags = tags_of (nino);
  g_assert_cmpstr (crm_customer_get_email (nino), ==, "");
  g_assert_cmpstr (tags, ==, "old");
  shop_fixture_close (&shop);
}

static void
test_duplicates_merge (void)
{
  ShopFixture shop;
  CrmImportCounts counts;
  gint64 id;
  g_autoptr(CrmCustomer) nino = NULL;
  g_autoptr(CrmCustomer) ana = NULL;
  g_autofree char *tags = NULL;

  run_duplicate_policy (CRM_DUPLICATE_MERGE, &shop, &counts, &id);
  g_assert_cmpuint (counts.added, ==, 1);
  g_assert_cmpuint (counts.merged, ==, 2);
  g_assert_cmpuint (crm_store_count_customers (shop.store), ==, 3);

  /* Empty fields filled, tags joined, nothing overwritten. */
  nino = crm_store_get_customer (shop.store, id);
  tags = tags_of (nino);
  g_assert_cmpstr (crm_customer_get_name (nino), ==, "Nino Beridze");
  g_assert_cmpstr (crm_customer_get_phone (nino), ==, "555 123 456");
  g_assert_cmpstr (crm_customer_get_email (nino), ==, "nino@example.ge");
  g_assert_cmpstr (crm_customer_get_address (nino), ==, "Tbilisi");
  g_assert_cmpstr (tags, ==, "new,old");
  ana = customer_by_name (shop.store, "Ana Lomidze");
  g_assert_cmpstr (crm_customer_get_email (ana), ==, "ana@example.ge");
  g_assert_cmpstr (crm_customer_get_address (ana), ==, "Batumi");
  g_assert_cmpint (query_int (shop.store,
                              "SELECT count(*) FROM customers WHERE search_text LIKE '%nino@example.ge%' "
                              "AND search_text LIKE '%new%'"), ==, 1);
  /* The tag nobody used any more is still there (it was never dropped). */
  g_assert_cmpint (query_int (shop.store, "SELECT count(*) FROM tags"), ==, 2);
  shop_fixture_close (&shop);
}

static void
test_duplicates_keep_both (void)
{
  ShopFixture shop;
  CrmImportCounts counts;
  gint64 id;

  run_duplicate_policy (CRM_DUPLICATE_KEEP_BOTH, &shop, &counts, &id);
  g_assert_cmpuint (counts.added, ==, 3);
  g_assert_cmpuint (counts.skipped, ==, 0);
  g_assert_cmpuint (crm_store_count_customers (shop.store), ==, 5);
  shop_fixture_close (&shop);
}

/* The database changed between the preview and the import: the plan is
 * made again inside the transaction. */
static void
test_plan_follows_changes (void)
{
  ShopFixture shop;
  g_autoptr(GBytes) bytes = bytes_from_string ("name,phone\nNino,555 12 34 56\nAna,599 11 22 33\n");
  g_autoptr(CrmCustomerImport) import = customer_import (bytes, CRM_IMPORT_FORMAT_CSV);
  g_autoptr(GError) error = NULL;
  CrmCustomerFields fields = { .name = "Nino Beridze", .phone = "+995 555 123456" };
  CrmImportCounts counts;

  shop_fixture_open (&shop, NOW);
  g_assert_true (crm_customer_import_prepare (import, shop.store, &error));
  assert_counts (import, 2, 0, 0);

  crm_store_add_customer (shop.store, &fields, &error);
  g_assert_no_error (error);

  g_assert_true (crm_customer_import_apply (import, shop.store, &counts, &error));
  g_assert_cmpuint (counts.added, ==, 1);
  g_assert_cmpuint (counts.skipped, ==, 1);
  g_assert_cmpuint (crm_store_count_customers (shop.store), ==, 2);

  /* Applying again without a preview: everyone is there now. */
  g_assert_true (crm_customer_import_apply (import, shop.store, &counts, &error));
  g_assert_cmpuint (counts.added, ==, 0);
  g_assert_cmpuint (crm_store_count_customers (shop.store), ==, 2);

  shop_fixture_close (&shop);
}

/* A write that fails half-way leaves nothing behind. */
static void
test_all_or_nothing (void)
{
  ShopFixture shop;
  g_autoptr(GBytes) bytes = bytes_from_string ("name,phone,tags\nNino,555 12 34 56,VIP\n"
                                               "Ana,599 11 22 33,new tag\nBoom,577 00 11 22,\n");
  g_autoptr(CrmCustomerImport) import = customer_import (bytes, CRM_IMPORT_FORMAT_CSV);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  CrmCustomerFields fields = { .name = "Existing", .tags = (const char *[]) { "VIP", NULL } };

  shop_fixture_open (&shop, NOW);
  crm_store_add_customer (shop.store, &fields, &error);
  g_assert_no_error (error);
  shop_fixture_refuse_inserts (shop.store, "customers", "NEW.name = 'Boom'");
  before = db_checksum (shop.store);

  g_assert_false (crm_customer_import_apply (import, shop.store, NULL, &error));
  g_assert_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_FAILED);
  assert_contains (error->message, "Row 4 could not be saved, so nothing was imported");

  after = db_checksum (shop.store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (crm_store_count_customers (shop.store), ==, 1);

  shop_fixture_close (&shop);
}

static void
test_vcard_android (void)
{
  ShopFixture shop;
  g_autoptr(GBytes) bytes = test_data_bytes ("android-contacts.vcf");
  g_autoptr(CrmCustomerImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  const CrmImportRow *row;

  g_assert_cmpint (crm_import_guess_format ("Contacts.VCF", bytes), ==, CRM_IMPORT_FORMAT_VCARD);
  g_assert_cmpint (crm_import_guess_format (NULL, bytes), ==, CRM_IMPORT_FORMAT_VCARD);
  import = customer_import (bytes, CRM_IMPORT_FORMAT_VCARD);
  g_assert_cmpuint (crm_customer_import_get_n_columns (import), ==, 0);

  shop_fixture_open (&shop, NOW);
  g_assert_true (crm_customer_import_prepare (import, shop.store, &error));
  assert_counts (import, 5, 0, 0);

  row = row_numbered (import, 1);
  g_assert_cmpstr (row->name, ==, "ნინო ბერიძე");
  g_assert_cmpstr (row->phone, ==, "+995 555 12 34 56");
  g_assert_cmpstr (row->notes, ==, "ყოველ შაბათს მოდის, უყვარს შოთის პური და ნიგვზიანი ნამცხვარი\n"
                                   "Other phones: 032 2 12 34 56");

  /* The first mobile is the phone, even when a work number comes first. */
  row = row_numbered (import, 2);
  g_assert_cmpstr (row->phone, ==, "599 11 22 33");
  g_assert_cmpstr (row->notes, ==, "Other phones: +995 322 44 55 66, +995 577 00 11 22");

  row = row_numbered (import, 3);
  g_assert_cmpstr (row->birthday, ==, "1988-03-14");
  g_assert_cmpstr (row->notes, ==, "Other e-mails: tamar@office.ge");

  g_assert_cmpstr (row_numbered (import, 4)->name, ==, "Jürgen Müller");
  g_assert_cmpint (row_numbered (import, 5)->action, ==, CRM_IMPORT_ADD);
  g_assert_cmpstr (row_numbered (import, 5)->name, ==, "+995 555 98 76 54");

  summary = crm_customer_import_dup_summary (import, 10);
  assert_contains (summary, "Card 5 added: There is no name: the phone number stands for it.");

  g_assert_true (crm_customer_import_apply (import, shop.store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_count_customers (shop.store), ==, 5);

  shop_fixture_close (&shop);
}

static void
test_vcard_iphone (void)
{
  ShopFixture shop;
  g_autoptr(GBytes) bytes = test_data_bytes ("iphone-contacts.vcf");
  g_autoptr(CrmCustomerImport) import = customer_import (bytes, CRM_IMPORT_FORMAT_VCARD);
  g_autoptr(GError) error = NULL;
  const CrmImportRow *row;

  shop_fixture_open (&shop, NOW);
  g_assert_true (crm_customer_import_prepare (import, shop.store, &error));
  assert_counts (import, 3, 0, 0);

  row = row_numbered (import, 1);
  g_assert_cmpstr (row->name, ==, "Անի Պետրոսյան");
  g_assert_cmpstr (row->phone, ==, "+374 91 123456");
  g_assert_cmpstr (row->address, ==, "Աբովյան փ. 5, բն. 12, Երևան, 0001, Հայաստան");
  g_assert_cmpstr (row->notes, ==, "Նախընտրում է գաթա\nԶանգել երեկոյան\nOrganisation: Սրճարան «Արարատ»\n"
                                   "Other phones: +374 10 234567");
  g_assert_cmpstr (row->tags[0], ==, "VIP");
  g_assert_cmpstr (row->tags[1], ==, "Մեծածախ");

  row = row_numbered (import, 2);
  g_assert_cmpstr (row->phone, ==, "010 55 66 77");
  g_assert_cmpstr (row->birthday, ==, "--04-15");
  g_assert_null (strstr (row->notes, "Birthday"));

  g_assert_cmpstr (row_numbered (import, 3)->birthday, ==, "1985-09-30");

  shop_fixture_close (&shop);
}

/* Clientele's own CSV export comes back as the same customers. */
static void
test_csv_round_trip (void)
{
  ShopFixture source, target;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CrmCustomerImport) import = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  CrmImportCounts counts;
  guint n = 0;
  const char *dump =
    "SELECT string_agg (line, chr (10)) FROM (SELECT name || '|' || phone || '|' || email || '|' || "
    "  address || '|' || coalesce (birthday, '') || '|' || notes || '|' || "
    "  coalesce ((SELECT string_agg (name, ';') FROM (SELECT t.name FROM customer_tags ct "
    "     JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = c.id ORDER BY t.name) AS t), '') AS line "
    "  FROM customers c WHERE archived_at IS NULL ORDER BY line) AS lines";

  shop_fixture_open (&source, NOW);
  shop_fixture_open (&target, NOW);
  g_assert_true (crm_demo_fill (source.store, 150, 3, &error));
  g_assert_no_error (error);

  path = g_build_filename (source.dir, "customers.csv", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (crm_export_customers_csv (source.store, file, &n, &error));
  g_assert_no_error (error);

  bytes = crm_import_load_file (file, NULL, &error);
  g_assert_no_error (error);
  import = customer_import (bytes, crm_import_guess_format (path, bytes));
  /* The figures of the export (segment, spend, …) are known, not data. */
  {
    g_auto(GStrv) unknown = crm_customer_import_dup_unknown_columns (import);

    g_assert_cmpuint (g_strv_length (unknown), ==, 0);
  }
  crm_customer_import_set_policy (import, CRM_DUPLICATE_KEEP_BOTH);
  g_assert_true (crm_customer_import_apply (import, target.store, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, n);
  g_assert_cmpuint (counts.skipped, ==, 0);

  expected = query_text (source.store, dump);
  got = query_text (target.store, dump);
  g_assert_cmpstr (got, ==, expected);

  shop_fixture_close (&source);
  shop_fixture_close (&target);
}

/* An imported customer is stored exactly as the customer form would store
 * them: same cleaning, same search keys. */
static void
test_same_as_the_form (void)
{
  ShopFixture shop;
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "Ვეგანი", NULL };
  CrmCustomerFields fields = { .name = "  ᲜᲘᲜᲝ   Ბერიძე  Éva\tԵրևան ", .phone = "+995 (555) 12-34-56",
                               .email = "Nino.B@Example.ge", .address = " Tbilisi ",
                               .notes = "line one\n  line   two\x01 ", .birthday = "1990-05-31",
                               .tags = tags };
  g_autoptr(GBytes) bytes = bytes_from_string ("name,phone,email,address,notes,birthday,tags\n"
                                               "\"  ᲜᲘᲜᲝ   Ბერიძე  Éva\tԵրևան \",+995 (555) 12-34-56,"
                                               "Nino.B@Example.ge, Tbilisi ,\"line one\n  line   two\x01 \","
                                               "1990-05-31,Ვეგანი\n");
  g_autoptr(CrmCustomerImport) import = customer_import (bytes, CRM_IMPORT_FORMAT_CSV);
  const char *columns = "name || '|' || phone || '|' || email || '|' || address || '|' || notes || '|' || "
                        "birthday || '|' || name_key || '|' || search_text || '|' || phone_key";
  g_autofree char *by_form = NULL;
  g_autofree char *by_import = NULL;
  g_autofree char *sql = NULL;

  shop_fixture_open (&shop, NOW);
  crm_store_add_customer (shop.store, &fields, &error);
  g_assert_no_error (error);
  crm_customer_import_set_policy (import, CRM_DUPLICATE_KEEP_BOTH);
  g_assert_true (crm_customer_import_apply (import, shop.store, NULL, &error));
  g_assert_no_error (error);

  sql = g_strdup_printf ("SELECT %s FROM customers WHERE id = 1", columns);
  by_form = query_text (shop.store, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT %s FROM customers WHERE id = 2", columns);
  by_import = query_text (shop.store, sql);
  g_assert_cmpstr (by_import, ==, by_form);
  g_assert_cmpint (query_int (shop.store, "SELECT count(*) FROM customer_tags"), ==, 2);
  g_assert_cmpint (query_int (shop.store, "SELECT count(*) FROM tags"), ==, 1);

  shop_fixture_close (&shop);
}

/* What --import does with a file, for the bad-input checks below. */
static gboolean
import_like_the_command_line (CrmStore    *store,
                              GBytes      *bytes,
                              const char  *name,
                              GError     **error)
{
  g_autoptr(CrmCustomerImport) import = NULL;

  if (crm_import_guess_format (name, bytes) == CRM_IMPORT_FORMAT_ARCHIVE)
    g_assert_not_reached ();

  import = crm_customer_import_new (bytes, crm_import_guess_format (name, bytes), error);
  return import != NULL && crm_customer_import_apply (import, store, NULL, error);
}

static void
test_bad_input_changes_nothing (void)
{
  ShopFixture shop;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GString) huge = g_string_sized_new (11 * 1024 * 1024);
  g_autoptr(GString) many = g_string_sized_new (20 * 3000000);
  g_autofree guint8 *garbage = g_malloc (100000);
  GRand *rand = g_rand_new_with_seed (5);
  struct
  {
    const char     *what;
    const char     *name;
    GBytes         *bytes;
    CrmImportError  code;
    const char     *says;
  } cases[] = {
    { "a spreadsheet's own file", "a.xlsx", STATIC_BYTES ("PK\x03\x04\x14\0\x06\0\x08\0"),
      CRM_IMPORT_ERROR_ENCODING, "save it as CSV" },
    { "unbalanced quotes", "a.csv", STATIC_BYTES ("name,notes\nNino,\"oops\nAna,x\n"),
      CRM_IMPORT_ERROR_SYNTAX, "Row 2: a quoted field is never closed" },
    { "vCard without END", "a.vcf", STATIC_BYTES ("BEGIN:VCARD\r\nFN:Nino\r\nTEL:555123456\r\n"),
      CRM_IMPORT_ERROR_SYNTAX, "Card 1 (“Nino”) has no END:VCARD" },
    { "10 MB field", "a.csv", NULL, CRM_IMPORT_ERROR_TOO_LARGE, "Row 2 has a field longer than" },
    { "three million rows", "a.csv", NULL, CRM_IMPORT_ERROR_TOO_LARGE, "more than 2000000 rows" },
    { "binary garbage", "a.csv", NULL, CRM_IMPORT_ERROR_ENCODING, "Row 1" },
  };

  shop_fixture_open (&shop, NOW);
  g_assert_true (crm_demo_fill (shop.store, 50, 9, &error));
  g_assert_no_error (error);
  before = db_checksum (shop.store);

  g_string_append (huge, "name,notes\nNino,");
  for (guint i = 0; i < 10 * 1024 * 1024 / 8; i++)
    g_string_append (huge, "notes.. ");
  g_string_append (huge, "\n");
  cases[3].bytes = g_bytes_new (huge->str, huge->len);

  g_string_append (many, "name,phone\n");
  for (guint i = 0; i < 3000000; i++)
    g_string_append_printf (many, "C%u,%u\n", i, 500000000 + i);
  cases[4].bytes = g_bytes_new (many->str, many->len);

  for (guint i = 0; i < 100000; i++)
    garbage[i] = (guint8) g_rand_int_range (rand, 0, 256);
  g_rand_free (rand);
  cases[5].bytes = g_bytes_new (garbage, 100000);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *after = NULL;

      g_test_message ("bad input: %s", cases[i].what);
      g_assert_false (import_like_the_command_line (shop.store, cases[i].bytes, cases[i].name, &error));
      g_assert_error (error, CRM_IMPORT_ERROR, (int) cases[i].code);
      assert_contains (error->message, cases[i].says);
      g_clear_error (&error);

      after = db_checksum (shop.store);
      g_assert_cmpstr (after, ==, before);
      g_bytes_unref (cases[i].bytes);
    }

  shop_fixture_close (&shop);
}

static gint64
local_time (int year,
            int month,
            int day,
            int hour,
            int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

static const CrmSalesRow *
sales_row (CrmSalesImport *import,
           guint           number)
{
  for (guint i = 0; i < crm_sales_import_get_n_rows (import); i++)
    {
      const CrmSalesRow *row = crm_sales_import_get_row (import, i);

      if (row->row == number)
        return row;
    }

  g_error ("no sales row %u", number);
  return NULL;
}

static void
add_sales_customers (ShopFixture *shop,
                     gint64      *nino,
                     gint64      *tamar,
                     gint64      *giorgi)
{
  g_autoptr(GError) error = NULL;
  CrmCustomerFields n = { .name = "ნინო ბერიძე", .phone = "555 123 456" };
  CrmCustomerFields t = { .name = "Tamar Mamulashvili", .email = "Tamar.M@yahoo.com" };
  CrmCustomerFields g = { .name = "გიორგი კაპანაძე", .phone = "+995 599 112233" };
  CrmCustomerFields other = { .name = "Nino", .phone = "+995 577 000000" };

  *nino = crm_store_add_customer (shop->store, &n, &error);
  *tamar = crm_store_add_customer (shop->store, &t, &error);
  *giorgi = crm_store_add_customer (shop->store, &g, &error);
  crm_store_add_customer (shop->store, &other, &error);
  g_assert_no_error (error);
}

static void
test_sales (void)
{
  ShopFixture shop;
  g_autoptr(GBytes) bytes = test_data_bytes ("sales-mixed-dates.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmSalesImport) import = crm_sales_import_new (bytes, &error);
  g_autoptr(CrmSalesImport) again = NULL;
  g_autoptr(CrmCustomer) giorgi_after = NULL;
  g_autofree char *summary = NULL;
  gint64 nino, tamar, giorgi;
  const CrmSalesRow *row;
  CrmSalesCounts counts;

  g_assert_no_error (error);
  shop_fixture_open (&shop, NOW);
  add_sales_customers (&shop, &nino, &tamar, &giorgi);

  g_assert_cmpint (crm_sales_import_get_column_field (import, 0), ==, CRM_SALES_COLUMN_DATE);
  g_assert_cmpint (crm_sales_import_get_column_field (import, 1), ==, CRM_SALES_COLUMN_TIME);
  g_assert_cmpint (crm_sales_import_get_column_field (import, 4), ==, CRM_SALES_COLUMN_CUSTOMER);
  g_assert_cmpint (crm_sales_import_get_column_field (import, 5), ==, CRM_SALES_COLUMN_AMOUNT);

  g_assert_true (crm_sales_import_prepare (import, shop.store, &error));
  g_assert_no_error (error);
  crm_sales_import_get_counts (import, &counts);
  g_assert_cmpuint (counts.added, ==, 6);
  g_assert_cmpuint (counts.skipped, ==, 4);
  g_assert_cmpuint (counts.unmatched, ==, 1);
  g_assert_cmpuint (counts.new_customers, ==, 0);

  /* ISO with a time column; matched by phone. */
  row = sales_row (import, 2);
  g_assert_cmpint (row->action, ==, CRM_IMPORT_ADD);
  g_assert_cmpint (row->customer_id, ==, nino);
  g_assert_cmpint (row->at, ==, local_time (2026, 3, 1, 10, 15));
  g_assert_cmpint (row->amount, ==, 2550);
  /* DD.MM.YYYY without a time is noon; by e-mail, whatever its case;
   * a decimal comma. */
  row = sales_row (import, 3);
  g_assert_cmpint (row->customer_id, ==, tamar);
  g_assert_cmpint (row->at, ==, local_time (2026, 3, 1, 12, 0));
  g_assert_cmpint (row->amount, ==, 1200);
  /* DD/MM/YYYY with a time; by exact name; thousands and a comma. */
  row = sales_row (import, 4);
  g_assert_cmpint (row->customer_id, ==, giorgi);
  g_assert_cmpstr (row->customer, ==, "გიორგი კაპანაძე");
  g_assert_cmpint (row->at, ==, local_time (2026, 3, 2, 18, 40));
  g_assert_cmpint (row->amount, ==, 123450);
  row = sales_row (import, 5);
  g_assert_cmpint (row->customer_id, ==, giorgi);
  g_assert_cmpint (row->at, ==, local_time (2026, 3, 3, 9, 5));
  g_assert_cmpint (row->amount, ==, 780);

  row = sales_row (import, 6);
  g_assert_cmpint (row->action, ==, CRM_IMPORT_SKIP);
  g_assert_cmpstr (row->reason, ==, "No customer matches +995 599 99 99 99, Lasha Unknown.");
  assert_contains (sales_row (import, 7)->reason, "Date “2026-13-40” is not a date");
  assert_contains (sales_row (import, 8)->reason, "Amount “abc”: Write the amount as a number");
  row = sales_row (import, 9);
  g_assert_cmpint (row->amount, ==, -350);
  g_assert_cmpint (row->at, ==, local_time (2026, 3, 5, 9, 30));
  assert_contains (sales_row (import, 10)->reason, "does not say who bought");
  /* The same line twice in one file: two purchases. */
  g_assert_cmpint (sales_row (import, 11)->action, ==, CRM_IMPORT_ADD);

  summary = crm_sales_import_dup_summary (import, 10);
  assert_contains (summary, "6 purchases added, 0 new customers, 4 rows skipped.\n");
  assert_contains (summary, "Row 6 skipped: No customer matches");

  g_assert_cmpint (query_int (shop.store, "SELECT count(*) FROM purchases"), ==, 0);
  g_assert_true (crm_sales_import_apply (import, shop.store, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 6);
  g_assert_cmpint (query_int (shop.store, "SELECT count(*) FROM purchases"), ==, 6);

  /* Figures and segments are up to date after the import. */
  giorgi_after = crm_store_get_customer (shop.store, giorgi);
  g_assert_cmpint (crm_customer_get_spend (giorgi_after), ==, 123450 + 780);
  g_assert_cmpuint (crm_customer_get_total_purchases (giorgi_after), ==, 2);
  g_assert_cmpint (crm_customer_get_segment (giorgi_after), ==, CRM_SEGMENT_KEY);

  /* The same export again: everything is already recorded. */
  again = crm_sales_import_new (bytes, &error);
  g_assert_true (crm_sales_import_apply (again, shop.store, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 0);
  g_assert_cmpuint (counts.skipped, ==, 10);
  g_assert_cmpstr (sales_row (again, 11)->reason, ==,
                   "Already recorded: this purchase is in the customer’s history.");
  g_assert_cmpint (query_int (shop.store, "SELECT count(*) FROM purchases"), ==, 6);

  shop_fixture_close (&shop);
}

static void
test_sales_create_customers (void)
{
  ShopFixture shop;
  g_autoptr(GBytes) bytes = bytes_from_string ("date;client;sum (GEL)\n"
                                               "01.03.2026;+995 599 99 99 99;10,00\n"
                                               "02.03.2026;Lasha;5\n"
                                               "03.03.2026;599 99 99 99;7,5\n"
                                               "04.03.2026;lasha;1\n"
                                               "05.03.2026;new@example.ge;2\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmSalesImport) import = crm_sales_import_new (bytes, &error);
  CrmSalesCounts counts;

  g_assert_no_error (error);
  shop_fixture_open (&shop, NOW);

  g_assert_true (crm_sales_import_prepare (import, shop.store, &error));
  crm_sales_import_get_counts (import, &counts);
  g_assert_cmpuint (counts.unmatched, ==, 5);
  g_assert_cmpuint (counts.added, ==, 0);

  crm_sales_import_set_create_customers (import, TRUE);
  g_assert_true (crm_sales_import_get_create_customers (import));
  g_assert_true (crm_sales_import_prepare (import, shop.store, &error));
  crm_sales_import_get_counts (import, &counts);
  g_assert_cmpuint (counts.added, ==, 5);
  g_assert_cmpuint (counts.new_customers, ==, 3);
  g_assert_true (sales_row (import, 2)->new_customer);
  g_assert_cmpstr (sales_row (import, 2)->reason, ==, "“+995 599 99 99 99” is not a customer yet and will be added.");
  g_assert_cmpstr (sales_row (import, 4)->customer, ==, "+995 599 99 99 99");
  g_assert_null (sales_row (import, 4)->reason);

  g_assert_true (crm_sales_import_apply (import, shop.store, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_count_customers (shop.store), ==, 3);
  g_assert_cmpint (query_int (shop.store, "SELECT count(*) FROM purchases"), ==, 5);
  g_assert_cmpint (query_int (shop.store, "SELECT total_purchases FROM customer_stats s JOIN customers c "
                                          "ON c.id = s.customer_id WHERE c.name = 'Lasha'"), ==, 2);

  shop_fixture_close (&shop);
}

static void
test_sales_bad_files (void)
{
  ShopFixture shop;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) no_amount = bytes_from_string ("date,phone,price list\n2026-03-01,555123456,5\n");
  g_autoptr(CrmSalesImport) import = crm_sales_import_new (no_amount, &error);
  g_autoptr(GBytes) garbage = STATIC_BYTES ("date,amount,phone\n\x80\x81,1,555123456\n");
  g_autoptr(CrmSalesImport) broken = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  shop_fixture_open (&shop, NOW);
  before = db_checksum (shop.store);

  g_assert_no_error (error);
  g_assert_false (crm_sales_import_apply (import, shop.store, NULL, &error));
  g_assert_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_NO_DATA);
  assert_contains (error->message, "No column holds the amounts.");
  assert_contains (error->message, "Columns not recognised: “price list”.");
  g_clear_error (&error);

  /* Mapped by hand, it works. */
  crm_sales_import_set_column_field (import, 2, CRM_SALES_COLUMN_AMOUNT);
  crm_sales_import_set_create_customers (import, TRUE);
  g_assert_true (crm_sales_import_prepare (import, shop.store, &error));
  g_assert_cmpint (crm_sales_import_get_row (import, 0)->amount, ==, 500);

  /* Bytes that are not UTF-8 cost their row's date, not the file. */
  broken = crm_sales_import_new (garbage, &error);
  g_assert_no_error (error);
  g_assert_true (crm_sales_import_prepare (broken, shop.store, &error));
  g_assert_cmpint (crm_sales_import_get_row (broken, 0)->action, ==, CRM_IMPORT_SKIP);
  assert_contains (crm_sales_import_get_row (broken, 0)->reason, "is not a date this import understands");
  {
    g_auto(GStrv) notes = crm_sales_import_dup_notes (broken);

    g_assert_cmpstr (notes[0], ==, "The file is not in UTF-8; it was read as Cyrillic (windows-1251).");
  }

  after = db_checksum (shop.store);
  g_assert_cmpstr (after, ==, before);

  shop_fixture_close (&shop);
}


/* The people a file holds, as the preview shows them. */
typedef struct
{
  guint       row;
  const char *name;
  const char *phone;
  const char *email;
  const char *notes;
} Person;

static CrmCustomerImport *
prepared_import (ShopFixture *shop,
                 const char  *file_name)
{
  g_autoptr(GBytes) bytes = test_data_bytes (file_name);
  g_autoptr(GError) error = NULL;
  CrmCustomerImport *import = customer_import (bytes, crm_import_guess_format (file_name, bytes));

  g_assert_true (crm_customer_import_prepare (import, shop->store, &error));
  g_assert_no_error (error);
  return import;
}

/* Every row is added, with exactly these values. */
static void
assert_people (CrmCustomerImport *import,
               const Person      *people,
               guint              n_people)
{
  g_assert_cmpuint (crm_customer_import_get_n_rows (import), ==, n_people);
  assert_counts (import, n_people, 0, 0);

  for (guint i = 0; i < n_people; i++)
    {
      const CrmImportRow *row = row_numbered (import, people[i].row);

      g_test_message ("row %u: %s", people[i].row, people[i].name);
      g_assert_cmpint (row->action, ==, CRM_IMPORT_ADD);
      g_assert_cmpstr (row->name, ==, people[i].name);
      g_assert_cmpstr (row->phone, ==, people[i].phone);
      g_assert_cmpstr (row->email, ==, people[i].email);
      g_assert_cmpstr (row->notes, ==, people[i].notes);
    }
}

static void
assert_left_out (const CrmImportRow *row,
                 const char         *first,
                 const char         *second)
{
  g_assert_nonnull (row->left_out);
  g_assert_cmpstr (row->left_out[0], ==, first);
  g_assert_cmpstr (row->left_out[1], ==, second);
  if (second != NULL)
    g_assert_null (row->left_out[2]);
}

/* Android 2.1: QUOTED-PRINTABLE in Shift_JIS and windows-1251, a stray
 * Latin-1 byte in one card's ORG, a label in a phone field, a broken
 * e-mail beside a good one, and a 2.1 backslash that is text. */
static void
test_android_charsets (void)
{
  ShopFixture shop;
  g_autoptr(CrmCustomerImport) import = NULL;
  g_autofree char *summary = NULL;
  const Person people[] = {
    { 1, "田中 太郎", "090-1234-5678", "taro.tanaka@example.jp", "" },
    { 2, "Ольга Смирнова", "+7 916 123-45-67", "", "Постоянная покупательница" },
    { 3, "ლაშა წიკლაური", "+995 599 12 34 56", "", "Organisation: Café Rustaveli" },
    { 4, "Giorgi Maisuradze", "032 2 55 44 33", "", "" },
    { 5, "Tamar Beridze", "577 11 22 33", "", "Pays by card\\Cash; or transfer" },
    { 6, "Nana Kapanadze", "+995 593 77 88 99", "nana.k@example.ge", "Not an e-mail address: contact1@invalid" },
  };

  shop_fixture_open (&shop, NOW);
  import = prepared_import (&shop, "android-2.1-charsets.vcf");
  assert_people (import, people, G_N_ELEMENTS (people));

  g_assert_cmpstr (row_numbered (import, 3)->reason, ==,
                   "The ORG line is not UTF-8 and was read as Western European (windows-1252).");
  assert_left_out (row_numbered (import, 4), "Phone “mobile 3” left out: it is not a number.", NULL);
  assert_left_out (row_numbered (import, 6),
                   "E-mail “contact1@invalid” left out: An e-mail address looks like name@example.com.", NULL);

  summary = crm_customer_import_dup_summary (import, 10);
  assert_contains (summary, "6 customers added, 0 merged into existing customers, 0 skipped.\n");
  assert_contains (summary, "Card 4 added: Phone “mobile 3” left out: it is not a number.\n");

  shop_fixture_close (&shop);
}

static void
test_blackberry (void)
{
  ShopFixture shop;
  g_autoptr(CrmCustomerImport) import = NULL;
  const Person people[] = {
    { 1, "Davit Lomidze", "+995 599 44 55 66", "davit.l@kartli.ge",
      "Orders bread for the hotel\nEvery Monday\nOrganisation: Hotel Kartli\nOther phones: +995 32 2 11 22 33" },
    /* "Omega" <omega@example.com> is the address. */
    { 2, "Eka Gelashvili", "+995 555 66 77 88", "omega@example.com", "" },
    { 3, "Omega Ltd", "032 2 99 00 11", "", "" },
  };

  shop_fixture_open (&shop, NOW);
  import = prepared_import (&shop, "blackberry-contacts.vcf");
  assert_people (import, people, G_N_ELEMENTS (people));
  assert_left_out (row_numbered (import, 1), "Phone “MobilePhone” left out: it is not a number.", NULL);
  assert_left_out (row_numbered (import, 2),
                   "Phone “5” left out: A phone number has 6 to 15 digits; this one has 1 digit.", NULL);
  shop_fixture_close (&shop);
}

/* Evolution's vCard 3.0: escapes undone, a LABEL that repeats the ADR
 * left out, a LABEL alone used. */
static void
test_evolution (void)
{
  ShopFixture shop;
  g_autoptr(CrmCustomerImport) import = NULL;
  const Person people[] = {
    { 1, "Ani Petrosyan", "+374 91 123456", "ani.petrosyan@mail.ru",
      "Prefers gata\nCall in the evening\nOther phones: +374 10 234567" },
    { 2, "Sarafan; Bakery", "+374 10 55 66 77", "", "Organisation: Sarafan; Bakery, Kitchen" },
  };
  const CrmImportRow *row;

  shop_fixture_open (&shop, NOW);
  import = prepared_import (&shop, "evolution-contacts.vcf");
  assert_people (import, people, G_N_ELEMENTS (people));
  row = row_numbered (import, 1);
  g_assert_cmpstr (row->address, ==, "Abovyan St. 5, apt. 12, Yerevan, 0001, Armenia");
  g_assert_cmpstr (row->birthday, ==, "1992-07-21");
  g_assert_cmpstr (row->tags[0], ==, "VIP");
  g_assert_cmpstr (row->tags[1], ==, "Wholesale");
  g_assert_cmpstr (row_numbered (import, 2)->address, ==, "Tumanyan St. 3 Yerevan");
  shop_fixture_close (&shop);
}

static void
test_mac_address_book (void)
{
  ShopFixture shop;
  g_autoptr(CrmCustomerImport) import = NULL;
  const Person people[] = {
    { 1, "Giorgi Kapanadze", "+995 599 11 22 33", "giorgi@kapanadze-wines.ge",
      "Wholesale, pays on delivery\nOrganisation: Kapanadze Wines\nOther phones: +995 32 2 44 55 66" },
    { 2, "Tbilisi Bakery", "032 2 99 00 11", "", "" },
  };

  shop_fixture_open (&shop, NOW);
  import = prepared_import (&shop, "mac-address-book.vcf");
  assert_people (import, people, G_N_ELEMENTS (people));
  g_assert_cmpstr (row_numbered (import, 1)->address, ==, "Marjanishvili St. 7, Tbilisi, 0102, Georgia");
  shop_fixture_close (&shop);
}

/* Thunderbird's export in English, German and Russian: the same people,
 * the birthday from three columns, every unused column named. */
static void
test_thunderbird (void)
{
  const struct
  {
    const char *file;
    const char *unused;
  } files[] = {
    { "thunderbird-en.csv", "Not imported: the columns “Job Title” (for example “Chef”), “Web Page 1” "
                            "(for example “http://kartli.example”), “Custom 1” (for example “Card 1042”)." },
    { "thunderbird-de.csv", "Not imported: the columns “Arbeitstitel” (for example “Chef”), “Webseite 1” "
                            "(for example “http://kartli.example”), “Benutzerdef. 1” (for example “Card 1042”)." },
    { "thunderbird-ru.csv", "Not imported: the columns “Должность” (for example “Chef”), “Веб-страница 1” "
                            "(for example “http://kartli.example”), “Другое 1” (for example “Card 1042”)." },
  };
  const Person people[] = {
    { 2, "Nino Beridze", "+995 555 12 34 56", "nino.beridze@gmail.com",
      "Prefers rye bread\nOther phones: 032 2 12 34 56\nOther e-mails: nino@work.ge" },
    { 3, "Davit Lomidze", "+995 32 2 11 22 33", "", "Organisation: Hotel Kartli" },
    { 4, "Ana Lomidze", "599 11 22 33", "ana@example.ge", "" },
  };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      ShopFixture shop;
      g_autoptr(CrmCustomerImport) import = NULL;
      g_auto(GStrv) notes = NULL;
      g_auto(GStrv) unknown = NULL;

      g_test_message ("%s", files[f].file);
      shop_fixture_open (&shop, NOW);
      import = prepared_import (&shop, files[f].file);
      assert_people (import, people, G_N_ELEMENTS (people));
      g_assert_cmpstr (row_numbered (import, 2)->address, ==, "Chavchavadze Ave 12, Tbilisi, 0179, Georgia");
      g_assert_cmpstr (row_numbered (import, 2)->birthday, ==, "1990-05-31");
      g_assert_cmpstr (row_numbered (import, 3)->address, ==, "Rustaveli 5, Tbilisi");
      g_assert_cmpstr (row_numbered (import, 3)->birthday, ==, "--11-02");

      notes = crm_customer_import_dup_notes (import);
      g_assert_cmpstr (notes[0], ==, files[f].unused);
      g_assert_null (notes[1]);
      /* Only the custom fields are unknown: the rest is Thunderbird's. */
      unknown = crm_customer_import_dup_unknown_columns (import);
      g_assert_cmpuint (g_strv_length (unknown), ==, 1);
      shop_fixture_close (&shop);
    }
}

/* Outlook (Microsoft 365): display names around addresses, an address
 * that is not one, words in a phone field. */
static void
test_outlook_365 (void)
{
  ShopFixture shop;
  g_autoptr(CrmCustomerImport) import = NULL;
  const Person people[] = {
    { 2, "Tamar Mamulashvili", "+995 591 23 45 67", "tamar.m@yahoo.com",
      "Orders cakes for birthdays\nOther phones: 032 2 45 67 89\nOther e-mails: tamar@office.ge\n"
      "Not a phone number: see mobile" },
    { 3, "Irakli Jorbenadze", "+995 551 00 22 44", "",
      "Organisation: Jorbenadze & Sons\nNot an e-mail address: contact1@invalid" },
    { 4, "Maia Tsereteli", "(032) 2 33 44 55", "maia.ts@example.ge", "" },
  };

  shop_fixture_open (&shop, NOW);
  import = prepared_import (&shop, "outlook-365.csv");
  assert_people (import, people, G_N_ELEMENTS (people));
  g_assert_cmpstr (row_numbered (import, 2)->birthday, ==, "1988-05-31");
  g_assert_cmpstr (row_numbered (import, 4)->address, ==, "Paliashvili 20, Tbilisi, 0179");
  assert_left_out (row_numbered (import, 2), "Phone “see mobile” left out: it is not a number.", NULL);
  shop_fixture_close (&shop);
}

static void
test_gmail_2024 (void)
{
  ShopFixture shop;
  g_autoptr(CrmCustomerImport) import = NULL;
  g_auto(GStrv) unused = NULL;
  const Person people[] = {
    /* Phone 2 is the mobile, by its label. */
    { 2, "ნინო ბერიძე", "+995 555 12 34 56", "nino.beridze@gmail.com", "Other phones: +995 322 11 11 11" },
    { 3, "Lasha Tsiklauri", "+995 577 00 11 22", "", "Other phones: +995 599 00 11 22" },
    { 4, "კაფე „მზიური“", "+995 32 2 99 88 77", "info@mziuri.ge", "Delivers on Fridays" },
  };

  shop_fixture_open (&shop, NOW);
  import = prepared_import (&shop, "gmail-contacts-2024.csv");
  assert_people (import, people, G_N_ELEMENTS (people));
  g_assert_cmpstr (row_numbered (import, 2)->tags[0], ==, "VIP");
  g_assert_cmpstr (row_numbered (import, 4)->tags[0], ==, "Wholesale");

  /* The phone labels are used; the other labels and the website are not. */
  unused = crm_customer_import_dup_unused_columns (import);
  g_assert_cmpuint (g_strv_length (unused), ==, 4);
  g_assert_cmpstr (unused[0], ==, "E-mail 1 - Label");
  g_assert_cmpstr (unused[3], ==, "Website 1 - Value");
  shop_fixture_close (&shop);
}

static void
test_yandex_mail_ru (void)
{
  ShopFixture shop;
  g_autoptr(CrmCustomerImport) yandex = NULL;
  g_autoptr(CrmCustomerImport) mail_ru = NULL;
  const Person yandex_people[] = {
    { 2, "Смирнова Ольга Петровна", "+7 916 123-45-67", "olga.smirnova@yandex.ru",
      "Любит хачапури\nOther phones: 8 (495) 123-45-67" },
    { 3, "Кузнецов Игорь", "+7 495 765-43-21", "", "Organisation: ООО «Пекарня»\nNot an e-mail address: igor@mail" },
  };
  const Person mail_ru_people[] = {
    { 2, "Анна Иванова", "+7 903 111-22-33", "anna.ivanova@mail.ru", "Заказывает торты" },
    /* Two addresses in one cell. */
    { 3, "Сергей", "8 812 555-66-77", "sergey@inbox.ru", "Organisation: Кафе «Север»\nOther e-mails: sergey.work@bk.ru" },
  };

  shop_fixture_open (&shop, NOW);
  yandex = prepared_import (&shop, "yandex-contacts.csv");
  assert_people (yandex, yandex_people, G_N_ELEMENTS (yandex_people));
  g_assert_cmpstr (row_numbered (yandex, 2)->birthday, ==, "1985-03-12");
  assert_left_out (row_numbered (yandex, 3), "Phone “мобильный” left out: it is not a number.",
                   "E-mail “igor@mail” left out: An e-mail address looks like name@example.com.");

  mail_ru = prepared_import (&shop, "mailru-contacts.csv");
  assert_people (mail_ru, mail_ru_people, G_N_ELEMENTS (mail_ru_people));
  g_assert_cmpstr (row_numbered (mail_ru, 2)->address, ==, "Санкт-Петербург");
  shop_fixture_close (&shop);
}

/* What Excel saves as "CSV" on a Russian Windows, and as "Unicode text". */
static void
test_excel_encodings (void)
{
  ShopFixture shop;
  g_autoptr(CrmCustomerImport) ansi = NULL;
  g_autoptr(CrmCustomerImport) unicode = NULL;
  g_auto(GStrv) ansi_notes = NULL;
  g_auto(GStrv) unicode_notes = NULL;
  const Person ansi_people[] = {
    { 2, "Нино Беридзе", "+995 555 12 34 56", "nino@example.ge", "Постоянный клиент" },
    { 3, "Пётр Сидоров", "8 (495) 222-33-44", "", "Скидка 5%; звонить утром" },
  };
  const Person unicode_people[] = {
    { 2, "ანი ხარაძე", "+995 598 12 12 12", "ani.kh@example.ge", "ყავა შაქრის გარეშე" },
    { 3, "Արամ Սարգսյան", "+374 91 456789", "", "Նախընտրում է լավաշ" },
  };

  shop_fixture_open (&shop, NOW);
  ansi = prepared_import (&shop, "excel-windows-1251.csv");
  assert_people (ansi, ansi_people, G_N_ELEMENTS (ansi_people));
  ansi_notes = crm_customer_import_dup_notes (ansi);
  g_assert_cmpstr (ansi_notes[0], ==, "The file is not in UTF-8; it was read as Cyrillic (windows-1251).");

  unicode = prepared_import (&shop, "excel-unicode.txt");
  assert_people (unicode, unicode_people, G_N_ELEMENTS (unicode_people));
  unicode_notes = crm_customer_import_dup_notes (unicode);
  g_assert_cmpstr (unicode_notes[0], ==, "The file is not in UTF-8; it was read as Unicode (UTF-16).");
  shop_fixture_close (&shop);
}

/* A family shares the landline, and so does the bakery: other names are
 * possible duplicates, added and shown beside the other record; the
 * same name is a duplicate as before. */
static void
test_possible_duplicates (void)
{
  ShopFixture shop;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCustomerImport) import = NULL;
  CrmCustomerFields bakery = { .name = "Tbilisi Bakery", .phone = "032 2 99 00 11" };
  const CrmImportRow *row;
  CrmImportCounts counts;
  gint64 bakery_id;

  shop_fixture_open (&shop, NOW);
  bakery_id = crm_store_add_customer (shop.store, &bakery, &error);
  g_assert_no_error (error);
  import = prepared_import (&shop, "landline-family.csv");
  crm_customer_import_get_counts (import, &counts);
  g_assert_cmpuint (counts.added, ==, 3);
  g_assert_cmpuint (counts.skipped, ==, 1);
  g_assert_cmpuint (counts.possible_duplicates, ==, 2);

  row = row_numbered (import, 3);
  g_assert_cmpint (row->action, ==, CRM_IMPORT_ADD);
  g_assert_true (row->possible_duplicate);
  g_assert_cmpuint (row->same_as_row, ==, 2);
  g_assert_cmpstr (row->email, ==, "giorgi@example.ge");
  g_assert_cmpstr (row->reason, ==, "Same phone number as row 2. The names differ: this may be someone else, "
                                    "such as family or a shared landline.");

  /* "Nino B." is Nino Beridze: skipped, as the policy says. */
  row = row_numbered (import, 4);
  g_assert_cmpint (row->action, ==, CRM_IMPORT_SKIP);
  g_assert_false (row->possible_duplicate);

  row = row_numbered (import, 5);
  g_assert_cmpint (row->action, ==, CRM_IMPORT_ADD);
  g_assert_true (row->possible_duplicate);
  g_assert_cmpint (row->customer_id, ==, bakery_id);
  assert_contains (row->reason, "Same phone number as Tbilisi Bakery, who is already a customer. The names differ");

  /* The preview's choices: Eka is merged into the bakery after all, Nino
   * B. added. They hold when the policy changes. */
  crm_customer_import_set_row_action (import, 3, CRM_IMPORT_MERGE);
  crm_customer_import_set_row_action (import, 2, CRM_IMPORT_ADD);
  crm_customer_import_set_policy (import, CRM_DUPLICATE_MERGE);
  g_assert_true (crm_customer_import_prepare (import, shop.store, &error));
  assert_counts (import, 3, 1, 0);
  g_assert_cmpint (row_numbered (import, 5)->action, ==, CRM_IMPORT_MERGE);
  g_assert_cmpint (row_numbered (import, 4)->action, ==, CRM_IMPORT_ADD);

  g_assert_true (crm_customer_import_apply (import, shop.store, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_count_customers (shop.store), ==, 4);
  {
    g_autoptr(CrmCustomer) merged = crm_store_get_customer (shop.store, bakery_id);

    g_assert_cmpstr (crm_customer_get_email (merged), ==, "eka@example.ge");
    g_assert_cmpstr (crm_customer_get_notes (merged), ==, "Works at the bakery");
  }
  shop_fixture_close (&shop);
}

/* Names are compared across scripts and spellings. */
static void
test_names_agree (void)
{
  g_assert_true (crm_contact_names_agree ("Nino B.", "ნინო ბერიძე"));
  g_assert_true (crm_contact_names_agree ("Ani Petrosyan", "Անի Պետրոսյան"));
  g_assert_true (crm_contact_names_agree ("Ani Petrosian", "Անի Պետրոսյան"));
  g_assert_true (crm_contact_names_agree ("Ольга Смирнова", "Olga Smirnova"));
  g_assert_true (crm_contact_names_agree ("Nino", "Beridze Nino"));
  g_assert_true (crm_contact_names_agree ("+995 555 12 34 56", "Nino"));
  g_assert_false (crm_contact_names_agree ("Nino Beridze", "Nana Beridze"));
  g_assert_false (crm_contact_names_agree ("Giorgi Beridze", "ნინო ბერიძე"));
  g_assert_false (crm_contact_names_agree ("Tbilisi Bakery", "Eka Gelashvili"));
}

/* A column whose title nobody knows but that holds e-mails is taken as
 * the e-mail, and the notes say so; any other is named as not imported. */
static void
test_unknown_columns (void)
{
  ShopFixture shop;
  g_autoptr(GBytes) bytes = bytes_from_string ("Nom,Courriel,Portable,Kundennummer\n"
                                               "Nino Beridze,nino@example.ge,555 12 34 56,K-1042\n"
                                               "Ana Lomidze,ana@example.ge,599 11 22 33,K-1043\n");
  g_autoptr(CrmCustomerImport) import = customer_import (bytes, CRM_IMPORT_FORMAT_CSV);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) notes = NULL;
  g_autofree char *summary = NULL;

  shop_fixture_open (&shop, NOW);
  /* "Nom" is not known either: nothing holds the names yet. */
  g_assert_false (crm_customer_import_prepare (import, shop.store, &error));
  assert_contains (error->message, "Columns not recognised: “Nom”, “Courriel”, “Portable”, “Kundennummer”.");
  g_clear_error (&error);

  crm_customer_import_set_column_field (import, 0, CRM_CUSTOMER_COLUMN_NAME);
  g_assert_true (crm_customer_import_prepare (import, shop.store, &error));
  g_assert_cmpint (crm_customer_import_get_column_field (import, 1), ==, CRM_CUSTOMER_COLUMN_EMAIL);
  g_assert_cmpint (crm_customer_import_get_column_field (import, 2), ==, CRM_CUSTOMER_COLUMN_PHONE);
  g_assert_cmpstr (row_numbered (import, 2)->email, ==, "nino@example.ge");
  g_assert_cmpstr (row_numbered (import, 3)->phone, ==, "599 11 22 33");

  notes = crm_customer_import_dup_notes (import);
  g_assert_cmpstr (notes[0], ==, "E-mail column not recognised: “Courriel” holds e-mail addresses, "
                                 "so they are imported as e-mails.");
  g_assert_cmpstr (notes[1], ==, "Phone column not recognised: “Portable” holds phone numbers, "
                                 "so they are imported as phones.");
  g_assert_cmpstr (notes[2], ==, "Not imported: the column “Kundennummer” (for example “K-1042”).");
  g_assert_null (notes[3]);
  summary = crm_customer_import_dup_summary (import, 10);
  assert_contains (summary, "E-mail column not recognised: “Courriel”");
  shop_fixture_close (&shop);
}

static gint64
count_of (CrmStore   *store,
          const char *table,
          gint64      customer)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE customer_id = %" G_GINT64_FORMAT,
                                          table, customer);

  return query_int (store, sql);
}

/* Duplicates inside the shop: found by phone, e-mail or name, merged with
 * everything that was theirs, and the merge undone. */
static void
test_merge_in_shop (void)
{
  ShopFixture shop;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) pairs = NULL;
  g_autoptr(CrmMergeUndo) undo = NULL;
  g_autoptr(CrmCustomer) kept = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *tags = NULL;
  const char *vip[] = { "VIP", NULL };
  const char *cakes[] = { "Cakes", NULL };
  CrmCustomerFields nino = { .name = "Nino Beridze", .phone = "+995 555 12 34 56", .tags = vip };
  CrmCustomerFields nino_again = { .name = "ნინო ბერიძე", .phone = "555 123 456", .email = "nino@example.ge",
                                   .address = "Tbilisi", .notes = "Likes rye bread", .tags = cakes };
  CrmCustomerFields ana = { .name = "Ana Lomidze", .email = "ANA@example.ge" };
  CrmCustomerFields ana_again = { .name = "Ana L.", .email = "ana@example.ge", .phone = "599 11 22 33" };
  CrmCustomerFields other = { .name = "Giorgi", .phone = "577 00 11 22" };
  CrmFeedbackFields feedback = { .kind = "praise", .text = "Great bread" };
  gint64 a, b, c, d;

  shop_fixture_open (&shop, NOW);
  a = crm_store_add_customer (shop.store, &nino, &error);
  b = crm_store_add_customer (shop.store, &nino_again, &error);
  c = crm_store_add_customer (shop.store, &ana, &error);
  d = crm_store_add_customer (shop.store, &ana_again, &error);
  crm_store_add_customer (shop.store, &other, &error);
  crm_store_add_purchase (shop.store, a, NOW - 3600, 1000, "bread", &error);
  crm_store_add_purchase (shop.store, b, NOW - 7200, 2550, "cake", &error);
  crm_store_add_purchase (shop.store, b, NOW - 9000, 700, "coffee", &error);
  feedback.customer_id = b;
  crm_store_add_feedback (shop.store, &feedback, &error);
  g_assert_no_error (error);

  pairs = crm_store_find_duplicates (shop.store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pairs->len, ==, 2);
  g_assert_cmpint (g_array_index (pairs, CrmDuplicatePair, 0).first, ==, a);
  g_assert_cmpint (g_array_index (pairs, CrmDuplicatePair, 0).second, ==, b);
  g_assert_cmpint (g_array_index (pairs, CrmDuplicatePair, 0).same, ==, CRM_SAME_PHONE);
  g_assert_cmpint (g_array_index (pairs, CrmDuplicatePair, 1).first, ==, c);
  g_assert_cmpint (g_array_index (pairs, CrmDuplicatePair, 1).same, ==, CRM_SAME_EMAIL);

  /* Ana and Ana L. are two people, the owner says: not offered again. */
  g_assert_true (crm_store_set_not_duplicates (shop.store, d, c, &error));
  g_clear_pointer (&pairs, g_array_unref);
  pairs = crm_store_find_duplicates (shop.store, &error);
  g_assert_cmpuint (pairs->len, ==, 1);

  before = db_checksum (shop.store);
  g_assert_true (crm_store_merge_customers (shop.store, a, b, &undo, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_count_customers (shop.store), ==, 4);
  g_assert_null (crm_store_get_customer (shop.store, b));
  g_assert_cmpint (count_of (shop.store, "purchases", a), ==, 3);
  g_assert_cmpint (count_of (shop.store, "feedback", a), ==, 1);

  kept = crm_store_get_customer (shop.store, a);
  tags = tags_of (kept);
  g_assert_cmpstr (crm_customer_get_name (kept), ==, "Nino Beridze");
  g_assert_cmpstr (crm_customer_get_phone (kept), ==, "+995 555 12 34 56");
  g_assert_cmpstr (crm_customer_get_email (kept), ==, "nino@example.ge");
  g_assert_cmpstr (crm_customer_get_address (kept), ==, "Tbilisi");
  g_assert_cmpstr (crm_customer_get_notes (kept), ==, "Likes rye bread\nAlso known as: ნინო ბერიძე");
  g_assert_cmpstr (tags, ==, "Cakes,VIP");
  g_assert_cmpint (crm_customer_get_spend (kept), ==, 1000 + 2550 + 700);
  g_assert_cmpuint (crm_customer_get_total_purchases (kept), ==, 3);

  /* Undo: both as they were, to the byte but for the times of writing. */
  g_assert_true (crm_store_undo_merge (shop.store, undo, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_count_customers (shop.store), ==, 5);
  g_assert_cmpint (count_of (shop.store, "purchases", a), ==, 1);
  g_assert_cmpint (count_of (shop.store, "purchases", b), ==, 2);
  g_assert_cmpint (count_of (shop.store, "feedback", b), ==, 1);
  after = db_checksum (shop.store);
  g_assert_cmpstr (after, ==, before);

  shop_fixture_close (&shop);
}

/* Export, import into an empty shop, export again: the same people. */
static void
test_export_import_export (void)
{
  ShopFixture source, target;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_path = NULL;
  g_autofree char *second_path = NULL;
  g_autoptr(GFile) first = NULL;
  g_autoptr(GFile) second = NULL;
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GBytes) second_bytes = NULL;
  g_autoptr(CrmCustomerImport) import = NULL;
  g_autoptr(CrmCustomerImport) again = NULL;
  guint n = 0;

  shop_fixture_open (&source, NOW);
  shop_fixture_open (&target, NOW);
  g_assert_true (crm_demo_fill (source.store, 120, 5, &error));
  g_assert_no_error (error);

  first_path = g_build_filename (source.dir, "first.csv", NULL);
  first = g_file_new_for_path (first_path);
  g_assert_true (crm_export_customers_csv (source.store, first, &n, &error));
  first_bytes = crm_import_load_file (first, NULL, &error);
  import = customer_import (first_bytes, CRM_IMPORT_FORMAT_CSV);
  crm_customer_import_set_policy (import, CRM_DUPLICATE_KEEP_BOTH);
  g_assert_true (crm_customer_import_apply (import, target.store, NULL, &error));
  g_assert_no_error (error);

  second_path = g_build_filename (target.dir, "second.csv", NULL);
  second = g_file_new_for_path (second_path);
  g_assert_true (crm_export_customers_csv (target.store, second, NULL, &error));
  second_bytes = crm_import_load_file (second, NULL, &error);
  again = customer_import (second_bytes, CRM_IMPORT_FORMAT_CSV);

  /* Column by column, the people's fields are the same; the figures
   * (segment, spend, purchases) stay with the purchases, which a
   * customer file does not carry. */
  g_assert_cmpuint (crm_customer_import_get_n_records (again), ==, n);
  g_assert_true (crm_customer_import_prepare (import, source.store, &error));
  g_assert_true (crm_customer_import_prepare (again, source.store, &error));
  for (guint i = 0; i < n; i++)
    {
      const CrmImportRow *x = crm_customer_import_get_row (import, i);
      const CrmImportRow *y = crm_customer_import_get_row (again, i);

      g_assert_cmpstr (x->name, ==, y->name);
      g_assert_cmpstr (x->phone, ==, y->phone);
      g_assert_cmpstr (x->email, ==, y->email);
      g_assert_cmpstr (x->address, ==, y->address);
      g_assert_cmpstr (x->birthday, ==, y->birthday);
      g_assert_cmpstr (x->notes, ==, y->notes);
      g_assert_cmpuint (g_strv_length (x->tags), ==, g_strv_length (y->tags));
    }

  shop_fixture_close (&source);
  shop_fixture_close (&target);
}

/* A busy till's year: a million sales in one file are read, not refused. */
static void
test_sales_million_rows (void)
{
  g_autoptr(GString) text = g_string_sized_new (40 * 1000000);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmSalesImport) import = NULL;

  g_string_append (text, "Date,Phone,Amount\n");
  for (guint i = 0; i < 1000000; i++)
    g_string_append_printf (text, "2026-0%u-%02u,5%08u,%u.50\n", 1 + i % 5, 1 + i % 28, i % 20000, 1 + i % 90);
  bytes = g_bytes_new (text->str, text->len);
  g_assert_cmpuint (text->len, <, CRM_IMPORT_MAX_FILE_BYTES);

  import = crm_sales_import_new (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crm_sales_import_get_n_records (import), ==, 1000000);
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

/* A big file's plan on a worker, on a connection of its own: the same
 * plan as in the caller's thread, against what the shop holds; a Cancel
 * leaves no plan, and the import can be planned again after it. */
static void
test_prepare_async (void)
{
  ShopFixture shop;
  g_autoptr(GString) csv = g_string_new ("name,phone\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CrmCustomerImport) import = NULL;
  g_autoptr(CrmCustomerImport) sync = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CrmImportCounts async_counts, sync_counts, applied;

  shop_fixture_open (&shop, NOW);
  shop_add_customer (shop.store, "Somebody");
  {
    CrmCustomerFields nino = { .name = "Nino Beridze", .phone = "+995 555 000 777" };

    crm_store_add_customer (shop.store, &nino, &error);
    g_assert_no_error (error);
  }
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (csv, "Customer %04u,+995 577 %06u\n", i, i);
  g_string_append (csv, "Nino Beridze,555 000 777\n");
  bytes = g_bytes_new (csv->str, csv->len);
  import = customer_import (bytes, CRM_IMPORT_FORMAT_CSV);
  sync = customer_import (bytes, CRM_IMPORT_FORMAT_CSV);

  /* Cancelled before it starts: no plan, the error says so. */
  g_cancellable_cancel (cancellable);
  crm_customer_import_prepare_async (import, shop.store, cancellable, store_result_cb, &result);
  g_assert_false (crm_customer_import_prepare_finish (import, wait_for_result (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);
  g_assert_cmpuint (crm_customer_import_get_n_rows (import), ==, 0);

  /* Again, to the end: what the caller's thread works out, row by row. */
  crm_customer_import_prepare_async (import, shop.store, NULL, store_result_cb, &result);
  g_assert_true (crm_customer_import_prepare_finish (import, wait_for_result (&result), &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (crm_customer_import_get_progress (import), ==, 1.0);
  g_assert_true (crm_customer_import_prepare (sync, shop.store, &error));
  crm_customer_import_get_counts (import, &async_counts);
  crm_customer_import_get_counts (sync, &sync_counts);
  g_assert_cmpuint (async_counts.added, ==, 1000);
  g_assert_cmpuint (async_counts.skipped, ==, 1);
  g_assert_cmpuint (async_counts.added, ==, sync_counts.added);
  g_assert_cmpuint (async_counts.skipped, ==, sync_counts.skipped);
  g_assert_cmpuint (crm_customer_import_get_n_rows (import), ==, crm_customer_import_get_n_rows (sync));
  g_assert_cmpstr (row_numbered (import, 1002)->reason, ==, row_numbered (sync, 1002)->reason);
  assert_contains (row_numbered (import, 1002)->reason, "Nino Beridze");

  /* A customer added after the worker's plan: the apply makes it again
   * on its own connection, inside its transaction. */
  {
    CrmCustomerFields late = { .name = "Customer 0007", .phone = "+995 577 000007" };

    crm_store_add_customer (shop.store, &late, &error);
    g_assert_no_error (error);
  }
  g_assert_true (crm_customer_import_apply (import, shop.store, &applied, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (applied.added, ==, 999);
  g_assert_cmpuint (crm_store_count_customers (shop.store), ==, 3 + 999);

  shop_fixture_close (&shop);
}

/* A till's rows on a worker are judged by the shop's clock, not the
 * machine's: a sale after the shop's "now" is in the future there too. */
static void
test_sales_prepare_async (void)
{
  ShopFixture shop;
  g_autoptr(GString) csv = g_string_new ("Date,Phone,Amount\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(CrmSalesImport) import = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  CrmSalesCounts counts;

  shop_fixture_open (&shop, NOW);
  {
    CrmCustomerFields tamar = { .name = "Tamar", .phone = "+995 599 11 22 33" };

    crm_store_add_customer (shop.store, &tamar, &error);
    g_assert_no_error (error);
  }
  for (guint i = 0; i < 600; i++)
    g_string_append_printf (csv, "2026-05-%02u,+995 599 11 22 33,%u.50\n", 1 + i % 28, 1 + i % 90);
  /* After NOW (2026-06-01), before the day the tests run. */
  g_string_append (csv, "2026-08-15,+995 599 11 22 33,10\n");
  bytes = g_bytes_new (csv->str, csv->len);
  import = crm_sales_import_new (bytes, &error);
  g_assert_no_error (error);

  crm_sales_import_prepare_async (import, shop.store, NULL, store_result_cb, &result);
  g_assert_true (crm_sales_import_prepare_finish (import, wait_for_result (&result), &error));
  g_assert_no_error (error);
  crm_sales_import_get_counts (import, &counts);
  g_assert_cmpuint (counts.added, ==, 600);
  g_assert_cmpuint (counts.skipped, ==, 1);
  assert_contains (crm_sales_import_get_row (import, 600)->reason, "future");
  g_assert_cmpfloat (crm_sales_import_get_progress (import), ==, 1.0);

  shop_fixture_close (&shop);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  shop_fixture_init_engine ();

  g_test_add_func ("/import/google", test_google);
  g_test_add_func ("/import/google-merge", test_google_merge);
  g_test_add_func ("/import/outlook", test_outlook);
  g_test_add_func ("/import/armenian", test_armenian);
  g_test_add_func ("/import/headerless", test_headerless);
  g_test_add_func ("/import/duplicates/skip", test_duplicates_skip);
  g_test_add_func ("/import/duplicates/merge", test_duplicates_merge);
  g_test_add_func ("/import/duplicates/keep-both", test_duplicates_keep_both);
  g_test_add_func ("/import/plan-follows-changes", test_plan_follows_changes);
  g_test_add_func ("/import/all-or-nothing", test_all_or_nothing);
  g_test_add_func ("/import/vcard/android", test_vcard_android);
  g_test_add_func ("/import/vcard/iphone", test_vcard_iphone);
  g_test_add_func ("/import/csv-round-trip", test_csv_round_trip);
  g_test_add_func ("/import/same-as-the-form", test_same_as_the_form);
  g_test_add_func ("/import/bad-input", test_bad_input_changes_nothing);
  g_test_add_func ("/import/sales", test_sales);
  g_test_add_func ("/import/sales/create-customers", test_sales_create_customers);
  g_test_add_func ("/import/sales/bad-files", test_sales_bad_files);
  g_test_add_func ("/import/sales/million-rows", test_sales_million_rows);
  g_test_add_func ("/import/android-2.1-charsets", test_android_charsets);
  g_test_add_func ("/import/blackberry", test_blackberry);
  g_test_add_func ("/import/evolution", test_evolution);
  g_test_add_func ("/import/mac-address-book", test_mac_address_book);
  g_test_add_func ("/import/thunderbird", test_thunderbird);
  g_test_add_func ("/import/outlook-365", test_outlook_365);
  g_test_add_func ("/import/gmail-2024", test_gmail_2024);
  g_test_add_func ("/import/yandex-mail-ru", test_yandex_mail_ru);
  g_test_add_func ("/import/excel-encodings", test_excel_encodings);
  g_test_add_func ("/import/possible-duplicates", test_possible_duplicates);
  g_test_add_func ("/import/names-agree", test_names_agree);
  g_test_add_func ("/import/unknown-columns", test_unknown_columns);
  g_test_add_func ("/import/merge-in-shop", test_merge_in_shop);
  g_test_add_func ("/import/export-import-export", test_export_import_export);
  g_test_add_func ("/import/prepare-async", test_prepare_async);
  g_test_add_func ("/import/sales/prepare-async", test_sales_prepare_async);

  return g_test_run ();
}
