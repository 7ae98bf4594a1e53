/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Duplicates in the real window: Find Duplicates from the main menu's
 * action, a pair side by side, one kept and the merge undone; and the
 * import preview's choice for a possible duplicate. */

#include "config.h"

#include "crm-context.h"
#include "crm-duplicates-dialog.h"
#include "crm-import-dialog.h"
#include "test-import-util.h"
#include "ui-helpers.h"

static gint64 nino;
static gint64 bakery;

static void
prepare_shop (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (data_dir, &error);
  CrmCustomerFields first = { .name = "Nino Beridze", .phone = "+995 555 12 34 56" };
  CrmCustomerFields second = { .name = "ნინო ბერიძე", .phone = "555 123 456", .email = "nino@example.ge" };
  CrmCustomerFields other = { .name = "Tbilisi Bakery", .phone = "032 2 99 00 11" };
  gint64 again;

  g_assert_no_error (error);
  g_assert_true (crm_store_set_setting (store, "shop.currency", "GEL", &error));
  nino = crm_store_add_customer (store, &first, &error);
  again = crm_store_add_customer (store, &second, &error);
  bakery = crm_store_add_customer (store, &other, &error);
  crm_store_add_purchase (store, again, g_get_real_time () / G_USEC_PER_SEC - 3600, 2550, "cake", &error);
  g_assert_no_error (error);
}

static void
click (GtkWidget *root,
       const char *label)
{
  GtkWidget *button = find_button (root, label);

  if (button == NULL)
    g_error ("no button “%s”", label);
  g_signal_emit_by_name (button, "clicked");
  spin_main_loop ();
}

static void
check_merge_and_undo (CrmApplication *app,
                      GtkWindow      *window,
                      gpointer        data)
{
  CrmStore *store = crm_context_get_store (crm_application_get_context (app));
  GtkWindow *dialog;
  GtkWidget *row;
  g_autoptr(CrmCustomer) kept = NULL;

  g_assert_cmpuint (crm_store_count_customers (store), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find-duplicates", NULL));
  spin_main_loop ();
  dialog = find_toplevel (CRM_TYPE_DUPLICATES_DIALOG);
  g_assert_nonnull (dialog);

  /* One pair: the same number, written two ways. */
  row = find_row (GTK_WIDGET (dialog), "Nino Beridze and ნინო ბერიძე");
  g_assert_nonnull (row);
  g_assert_null (find_row (GTK_WIDGET (dialog), "Tbilisi Bakery"));
  gtk_widget_activate (row);
  spin_main_loop ();

  /* Side by side; the left one is kept and gets the purchase. */
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "nino@example.ge"));
  click (GTK_WIDGET (dialog), "_Keep This One");
  g_assert_cmpuint (crm_store_count_customers (store), ==, 2);
  kept = crm_store_get_customer (store, nino);
  g_assert_cmpstr (crm_customer_get_email (kept), ==, "nino@example.ge");
  g_assert_cmpuint (crm_customer_get_total_purchases (kept), ==, 1);
  g_clear_object (&kept);

  /* Nothing left to look at. */
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "No Duplicates"));

  click (GTK_WIDGET (dialog), "_Undo");
  g_assert_cmpuint (crm_store_count_customers (store), ==, 3);
  kept = crm_store_get_customer (store, nino);
  g_assert_cmpstr (crm_customer_get_email (kept), ==, "");
  g_assert_cmpuint (crm_customer_get_total_purchases (kept), ==, 0);
  g_assert_nonnull (find_row (GTK_WIDGET (dialog), "Nino Beridze and ნინო ბერიძე"));

  /* Two people after all: not offered again. */
  gtk_widget_activate (find_row (GTK_WIDGET (dialog), "Nino Beridze and ნინო ბერიძე"));
  spin_main_loop ();
  click (GTK_WIDGET (dialog), "_Not the Same Person");
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "No Duplicates"));
  g_assert_cmpuint (crm_store_count_customers (store), ==, 3);

  gtk_window_destroy (dialog);
}

/* The bakery's landline in a customer file under someone else's name:
 * added by default, merged or skipped by choice. */
static void
check_import_choice (CrmApplication *app,
                     GtkWindow      *window,
                     gpointer        data)
{
  CrmStore *store = crm_context_get_store (crm_application_get_context (app));
  g_autoptr(GBytes) bytes = bytes_from_string ("name,phone,email\n"
                                               "Eka Gelashvili,032 2 99 00 11,eka@example.ge\n"
                                               "Lasha Tsiklauri,599 00 11 22,\n");
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog = crm_import_dialog_new (window, store, bytes, "clients.csv", &error);
  GtkWidget *row;

  g_assert_no_error (error);
  gtk_window_present (dialog);
  wait_import_plan (dialog);

  row = find_row (GTK_WIDGET (dialog), "Eka Gelashvili");
  g_assert_true (ADW_IS_EXPANDER_ROW (row));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  spin_main_loop ();
  /* Beside it, the customer it may be. */
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Already in the shop"));
  g_assert_nonnull (find_label (GTK_WIDGET (dialog), "Tbilisi Bakery"));
  g_assert_nonnull (find_button (GTK_WIDGET (dialog), "_Import 2 Customers"));

  click (GTK_WIDGET (dialog), "_Skip");
  wait_import_plan (dialog);
  g_assert_nonnull (find_button (GTK_WIDGET (dialog), "_Import 1 Customer"));
  click (GTK_WIDGET (dialog), "_Merge");
  wait_import_plan (dialog);
  g_assert_nonnull (find_button (GTK_WIDGET (dialog), "_Import 2 Customers"));

  g_assert_true (crm_import_dialog_apply (CRM_IMPORT_DIALOG (dialog), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_count_customers (store), ==, 4);
  {
    g_autoptr(CrmCustomer) merged = crm_store_get_customer (store, bakery);

    g_assert_cmpstr (crm_customer_get_name (merged), ==, "Tbilisi Bakery");
    g_assert_cmpstr (crm_customer_get_email (merged), ==, "eka@example.ge");
  }
}

static const UiCase ui_cases[] = {
  { "/ui/duplicates/merge-and-undo", prepare_shop, check_merge_and_undo },
  { "/ui/duplicates/import-choice", prepare_shop, check_import_choice },
};

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  add_ui_cases (ui_cases, G_N_ELEMENTS (ui_cases));

  return g_test_run ();
}
