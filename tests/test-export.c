/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "crm-export.h"
#include "crm-store.h"
#include "shop-fixture.h"

static void
assert_cell (const char *text,
             const char *expected)
{
  g_autofree char *cell = crm_export_csv_cell (text);

  g_assert_cmpstr (cell, ==, expected);
}

static void
test_cells (void)
{
  assert_cell ("Nino", "Nino");
  assert_cell ("", "");
  assert_cell (NULL, "");
  assert_cell ("ნინო, ბერიძე", "\"ნინო, ბერიძე\"");
  assert_cell ("say \"hi\"", "\"say \"\"hi\"\"\"");
  assert_cell ("two\nlines", "\"two\nlines\"");

  /* Anything a spreadsheet would run as a formula is made text. */
  assert_cell ("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  assert_cell ("+995 555 12 34 56", "'+995 555 12 34 56");
  assert_cell ("-10", "'-10");
  assert_cell ("@SUM(A1)", "'@SUM(A1)");
  assert_cell ("\t=1", "\"'\t=1\"");
  /* Only the start matters. */
  assert_cell ("a=b", "a=b");
}

static void
test_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("clientele-export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "customers.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(CrmStore) store = shop_store_open (dir, &error);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  CrmCustomerFields key = { .name = "=cmd|' /C calc'!A0", .phone = "+374 10 123456",
                            .tags = (const char *[]) { "VIP", "ვეგანი", NULL } };
  CrmCustomerFields other = { .name = "Անի", .notes = "line one\nline two" };
  CrmCustomerFields archived = { .name = "Gone" };
  gint64 key_id, other_id, archived_id;
  guint n = 0;

  g_assert_no_error (error);
  key_id = crm_store_add_customer (store, &key, &error);
  other_id = crm_store_add_customer (store, &other, &error);
  archived_id = crm_store_add_customer (store, &archived, &error);
  crm_store_add_purchase (store, key_id, crm_store_now (store) - 86400, 123450, "", &error);
  crm_store_add_purchase (store, other_id, crm_store_now (store) - 86400, 100, "", &error);
  crm_store_set_customer_archived (store, archived_id, TRUE, &error);
  g_assert_no_error (error);
  /* The groups by habit are counted with the segments. */
  g_assert_true (crm_store_refresh_all (store, &error));

  g_assert_true (crm_export_customers_csv (store, file, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  /* A byte-order mark so that spreadsheets read the scripts right. */
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF" "name,phone,email"));
  g_assert_nonnull (strstr (contents, "'=cmd|' /C calc'!A0,'+374 10 123456,,,,\"VIP; ვეგანი\",key,1234.50,1,"));
  g_assert_nonnull (strstr (contents, "Անի,,,,,,secondary,1.00,1,"));
  g_assert_nonnull (strstr (contents, "\"line one\nline two\""));
  g_assert_null (strstr (contents, "Gone"));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  /* The group's English key, last: two buyers alike but for spend. */
  g_assert_true (g_str_has_suffix (lines[0], ",points,tier,language,channel,telegram,marketing_consent,consent_date,consent_source,rfm_group"));
  g_assert_true (g_str_has_suffix (lines[1], ",needs_attention"));

  /* A folder that cannot be written: an error, and no half file. */
  {
    g_autofree char *bad_path = g_build_filename (dir, "no-such-folder", "x.csv", NULL);
    g_autoptr(GFile) bad = g_file_new_for_path (bad_path);

    g_assert_false (crm_export_customers_csv (store, bad, &n, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  g_clear_object (&store);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  shop_fixture_init_engine ();

  g_test_add_func ("/export/cells", test_cells);
  g_test_add_func ("/export/file", test_file);

  return g_test_run ();
}
