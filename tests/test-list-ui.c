/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The customer list on a shop of a few thousand, as the window shows it:
 * a click on a column header builds the rows on screen, not every row,
 * and the selected customer stays selected where the sort puts them;
 * the period's length, stepped several times, is written once; an
 * import cancelled half-way leaves the shop as it was, and one left to
 * run writes every row. */

#include "config.h"

#include "crm-customer-selection.h"
#include "crm-customers-page.h"
#include "crm-import-dialog.h"
#include "crm-preferences-window.h"
#include "crm-store.h"
#include "crm-window.h"
#include "ui-helpers.h"

#define N_CUSTOMERS 3000

static void
prepare_many (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (data_dir, &error);

  g_assert_no_error (error);
  g_assert_true (crm_store_set_setting (store, "shop.currency", "GEL", &error));
  g_assert_true (crm_store_begin (store, &error));
  for (guint i = 0; i < N_CUSTOMERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Customer %04u", i);
      CrmCustomerFields fields = { .name = name };
      gint64 id = crm_store_add_customer (store, &fields, &error);

      g_assert_no_error (error);
      crm_store_add_purchase (store, id, crm_store_now (store) - 3600, 100 + (i * 7919) % 5000, "",
                              &error);
      g_assert_no_error (error);
    }
  g_assert_true (crm_store_commit (store, &error));
}

static void
wait_list (CrmCustomerList *list)
{
  spin_main_loop ();
  while (crm_customer_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);
  spin_main_loop ();
}

typedef struct
{
  CrmCustomerList *list;
  guint            built;
  guint            most;
  guint            emissions;
} BuiltPerChange;

/* Connected after the view's own handler: the rows it built for this
 * one emission. */
static void
count_built_cb (GListModel     *model,
                guint           position,
                guint           removed,
                guint           added,
                BuiltPerChange *count)
{
  guint now = crm_customer_list_get_n_built (count->list);

  count->most = MAX (count->most, now - count->built);
  count->built = now;
  count->emissions++;
}

static void
check_sort_builds_visible_rows (CrmApplication *app,
                                GtkWindow      *window,
                                gpointer        data)
{
  CrmCustomersPage *page = crm_window_get_customers_page (CRM_WINDOW (window));
  GtkColumnView *view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW, NULL));
  CrmCustomerSelection *selection = CRM_CUSTOMER_SELECTION (gtk_column_view_get_model (view));
  CrmCustomerList *list = crm_customer_selection_get_list (selection);
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) spend = g_list_model_get_item (columns, 4);
  g_autoptr(GtkColumnViewColumn) name = g_list_model_get_item (columns, 0);
  gint64 chosen;
  guint built;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, N_CUSTOMERS);

  /* A customer on screen is selected, as a click does. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (selection), 3, TRUE);
  spin_main_loop ();
  chosen = crm_customer_selection_get_selected_id (selection);
  g_assert_cmpint (chosen, ==, crm_customer_list_get_id (list, 3));

  for (guint round = 0; round < 2; round++)
    {
      BuiltPerChange count = { list, 0, 0, 0 };
      gulong handler;

      built = crm_customer_list_get_n_built (list);
      count.built = built;
      handler = g_signal_connect (selection, "items-changed", G_CALLBACK (count_built_cb), &count);
      gtk_column_view_sort_by_column (view, round == 0 ? spend : name,
                                      round == 0 ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
      wait_list (list);
      g_signal_handler_disconnect (selection, handler);

      /* The rows on screen and a few more: never the whole list… */
      g_assert_cmpuint (crm_customer_list_get_n_built (list) - built, <, 300);
      /* …and a screenful at a time, each in a main loop iteration of
       * its own, not the 200 rows GTK keeps at once. */
      g_assert_cmpuint (count.emissions, >, 2);
      g_assert_cmpuint (count.most, <=, 48);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, N_CUSTOMERS);

      /* Still selected, wherever the sort put them. */
      g_assert_cmpint (crm_customer_selection_get_selected_id (selection), ==, chosen);
      g_assert_cmpuint (crm_customer_selection_get_selected (selection), ==,
                        crm_customer_list_find (list, chosen));
      g_assert_true (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (selection),
                                                      crm_customer_list_find (list, chosen)));
    }
  g_assert_cmpuint (crm_customer_selection_get_selected (selection), ==, 3);
}

static void
count_added_cb (GListModel *model,
                guint       position,
                guint       removed,
                guint       added,
                guint      *n_added)
{
  *n_added += added - removed;
}

/* A view given the list's selection sees a screenful first, the rest
 * a screenful per main loop iteration: a window's first frame builds
 * the rows on screen, not the 200 GTK keeps. */
static void
check_first_rows_a_screenful (CrmApplication *app,
                              GtkWindow      *window,
                              gpointer        data)
{
  CrmCustomersPage *page = crm_window_get_customers_page (CRM_WINDOW (window));
  GtkColumnView *view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW, NULL));
  CrmCustomerList *list = crm_customer_selection_get_list (CRM_CUSTOMER_SELECTION (gtk_column_view_get_model (view)));
  g_autoptr(CrmCustomerSelection) selection = crm_customer_selection_new (list);
  guint first = g_list_model_get_n_items (G_LIST_MODEL (selection));
  guint n_added = 0;
  guint emissions = 0;

  g_assert_cmpuint (first, >, 0);
  g_assert_cmpuint (first, <=, 48);
  g_assert_true (crm_customer_selection_get_revealing (selection));

  g_signal_connect (selection, "items-changed", G_CALLBACK (count_added_cb), &n_added);
  while (crm_customer_selection_get_revealing (selection))
    {
      g_main_context_iteration (NULL, TRUE);
      emissions++;
    }
  g_assert_cmpuint (emissions, >, 2);
  g_assert_cmpuint (first + n_added, ==, N_CUSTOMERS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, N_CUSTOMERS);
  for (guint i = 0; i < N_CUSTOMERS; i += 97)
    {
      g_autoptr(CrmCustomer) shown = g_list_model_get_item (G_LIST_MODEL (selection), i);

      g_assert_cmpint (crm_customer_get_id (shown), ==, crm_customer_list_get_id (list, i));
    }
}

static GtkSpinButton *
find_setting_spin (GtkWidget  *root,
                   const char *key)
{
  if (GTK_IS_SPIN_BUTTON (root) && g_strcmp0 (g_object_get_data (G_OBJECT (root), "crm-setting"), key) == 0)
    return GTK_SPIN_BUTTON (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkSpinButton *found = find_setting_spin (child, key);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
count_settings_cb (CrmStore *store,
                   guint     change,
                   gint64    customer_id,
                   guint    *n_settings)
{
  if (change & CRM_STORE_CHANGE_SETTINGS)
    (*n_settings)++;
}

static void
check_period_applies_once (CrmApplication *app,
                           GtkWindow      *window,
                           gpointer        data)
{
  CrmStore *store = crm_context_get_store (crm_application_get_context (app));
  GtkWindow *preferences;
  GtkSpinButton *spin;
  guint n_settings = 0;
  gulong handler;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  spin_main_loop ();
  preferences = find_toplevel (CRM_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  spin = find_setting_spin (GTK_WIDGET (preferences), "segment.window_days");
  g_assert_nonnull (spin);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 365);

  handler = g_signal_connect (store, "changed", G_CALLBACK (count_settings_cb), &n_settings);

  /* Three steps up, as + does: nothing written while the button moves. */
  for (guint i = 0; i < 3; i++)
    {
      gtk_spin_button_spin (spin, GTK_SPIN_STEP_FORWARD, 0);
      spin_main_loop ();
    }
  g_assert_cmpint (crm_store_get_setting_int (store, "segment.window_days", 365), ==, 365);
  g_assert_cmpuint (n_settings, ==, 0);

  /* After the pause, once, with the last value; the recount ran on a
   * worker and the window heard of it. */
  while (n_settings == 0)
    g_main_context_iteration (NULL, TRUE);
  spin_main_loop ();
  g_assert_cmpint (crm_store_get_setting_int (store, "segment.window_days", 365), ==, 365 + 3 * 30);
  g_assert_cmpuint (n_settings, ==, 1);

  /* Closed before the pause ends, the value shown is still written. */
  gtk_spin_button_spin (spin, GTK_SPIN_STEP_BACKWARD, 0);
  gtk_window_destroy (preferences);
  while (n_settings == 1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (crm_store_get_setting_int (store, "segment.window_days", 365), ==, 365 + 2 * 30);

  g_signal_handler_disconnect (store, handler);
}

static void
wait_paused (CrmStoreJob *job)
{
  while (!crm_store_job_get_paused (job))
    g_main_context_iteration (NULL, TRUE);
}

static GtkWindow *
open_import (GtkWindow *window,
             CrmStore  *store,
             guint      n_rows)
{
  g_autoptr(GString) csv = g_string_new ("Name,Mobile\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (csv, "Imported %04u,+995 577 %06u\n", i, i);
  bytes = g_bytes_new (csv->str, csv->len);

  dialog = crm_import_dialog_new (window, store, bytes, "new.csv", &error);
  g_assert_no_error (error);
  gtk_window_present (dialog);
  wait_import_plan (dialog);
  return dialog;
}

/* The worker stops after 150 rows; the progress dialog shows over the
 * import, with its bar and Cancel. */
static GtkWindow *
import_until_paused (GtkWindow *dialog,
                     GtkWidget *button)
{
  CrmStoreJob *job;
  GtkWindow *progress;

  crm_import_dialog_set_pause_after (CRM_IMPORT_DIALOG (dialog), 150);
  g_signal_emit_by_name (button, "clicked");
  job = crm_import_dialog_get_job (CRM_IMPORT_DIALOG (dialog));
  g_assert_nonnull (job);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (dialog)));
  wait_paused (job);
  while ((progress = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (find_widget (GTK_WIDGET (progress), GTK_TYPE_PROGRESS_BAR, NULL));
  return progress;
}

static void
cancel_import (GtkWindow *dialog,
               GtkWindow *progress)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (progress), "cancel");
  while (crm_import_dialog_get_job (CRM_IMPORT_DIALOG (dialog)) != NULL)
    g_main_context_iteration (NULL, TRUE);
  spin_main_loop ();
}

static void
import_to_the_end (GtkWindow *dialog,
                   GtkWidget *button)
{
  crm_import_dialog_set_pause_after (CRM_IMPORT_DIALOG (dialog), 0);
  g_signal_emit_by_name (button, "clicked");
  while (find_toplevel (CRM_TYPE_IMPORT_DIALOG) != NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
check_import_cancel (CrmApplication *app,
                     GtkWindow      *window,
                     gpointer        data)
{
  CrmStore *store = crm_context_get_store (crm_application_get_context (app));
  guint before = crm_store_count_customers (store);
  GtkWindow *dialog = open_import (window, store, 400);
  GtkWidget *button = find_button (GTK_WIDGET (dialog), "_Import 400 Customers");
  GtkWindow *progress;

  g_assert_nonnull (button);

  progress = import_until_paused (dialog, button);
  g_assert_cmpuint (crm_store_count_customers (store), ==, before);

  /* Cancel: nothing of the 150 rows stays, the dialog is back to choose. */
  cancel_import (dialog, progress);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (dialog)));
  g_assert_cmpuint (crm_store_count_customers (store), ==, before);
  g_assert_true (find_toplevel (CRM_TYPE_IMPORT_DIALOG) == dialog);

  /* Again, to the end: every row is in, the dialog goes, the list shows them. */
  import_to_the_end (dialog, button);
  g_assert_cmpuint (crm_store_count_customers (store), ==, before + 400);
}

/* A till's sales, as big: the same worker, bar and Cancel. */
static void
check_sales_import_cancel (CrmApplication *app,
                           GtkWindow      *window,
                           gpointer        data)
{
  CrmStore *store = crm_context_get_store (crm_application_get_context (app));
  guint before = crm_store_count_customers (store);
  g_autoptr(GString) csv = g_string_new ("Date,Phone,Amount\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  GtkWidget *create_row;
  GtkWidget *button;
  GtkWindow *progress;

  for (guint i = 0; i < 400; i++)
    g_string_append_printf (csv, "2026-11-%02u,+995 599 %06u,%u.50\n", 1 + i % 28, i, 10 + i % 90);
  bytes = g_bytes_new (csv->str, csv->len);
  dialog = crm_import_dialog_new_sales (window, store, bytes, "till.csv", &error);
  g_assert_no_error (error);
  gtk_window_present (dialog);
  wait_import_plan (dialog);
  /* Every buyer is new: each sale brings its customer. */
  create_row = find_row (GTK_WIDGET (dialog), "_Add Buyers Who Are Not Customers Yet");
  g_assert_nonnull (create_row);
  gtk_switch_set_active (GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (create_row))), TRUE);
  wait_import_plan (dialog);
  button = find_button (GTK_WIDGET (dialog), "_Import 400 Purchases");
  g_assert_nonnull (button);

  progress = import_until_paused (dialog, button);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (progress)), ==, "Importing Purchases…");

  cancel_import (dialog, progress);
  g_assert_cmpuint (crm_store_count_customers (store), ==, before);

  import_to_the_end (dialog, button);
  g_assert_cmpuint (crm_store_count_customers (store), ==, before + 400);
}

static gboolean
is_group_titled (GtkWidget     *widget,
                 gconstpointer  title)
{
  return ADW_IS_PREFERENCES_GROUP (widget) &&
         g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0;
}

/* The preview's plan is made on a worker. Options changed while it is
 * being made are not lost: the plan shown at the end is the last
 * options'. Closing the dialog meanwhile stops it and writes nothing. */
static void
check_import_options_while_planning (CrmApplication *app,
                                     GtkWindow      *window,
                                     gpointer        data)
{
  CrmStore *store = crm_context_get_store (crm_application_get_context (app));
  guint before = crm_store_count_customers (store);
  g_autoptr(GString) csv = g_string_new ("Name,Mobile\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *policy;
  GtkWindow *dialog;
  const char *description;

  /* The second half repeats the first: the policy decides their fate. */
  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (csv, "Person %04u,+995 571 %06u\n", i % 1500, i % 1500);
  bytes = g_bytes_new (csv->str, csv->len);

  dialog = crm_import_dialog_new (window, store, bytes, "twice.csv", &error);
  g_assert_no_error (error);
  gtk_window_present (dialog);
  g_assert_true (crm_import_dialog_is_preparing (CRM_IMPORT_DIALOG (dialog)));
  g_assert_false (gtk_widget_get_sensitive (find_button (GTK_WIDGET (dialog), "_Import")));

  /* Add another, skip, then fill in: all while the first plan is made. */
  policy = find_row (GTK_WIDGET (dialog), "_When a Customer Is Already There");
  adw_combo_row_set_selected (ADW_COMBO_ROW (policy), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (policy), 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (policy), 1);
  g_assert_true (crm_import_dialog_is_preparing (CRM_IMPORT_DIALOG (dialog)));
  wait_import_plan (dialog);

  description = adw_preferences_group_get_description (
    ADW_PREFERENCES_GROUP (find_matching (GTK_WIDGET (dialog), is_group_titled, "Preview")));
  g_assert_true (g_str_has_prefix (description, "1500 new customers, 1500 merged, 0 skipped."));
  g_assert_true (gtk_widget_get_sensitive (find_button (GTK_WIDGET (dialog), "_Import 3000 Customers")));
  gtk_window_destroy (dialog);
  spin_main_loop ();

  /* Closed before its plan is made. */
  dialog = crm_import_dialog_new (window, store, bytes, "twice.csv", &error);
  g_assert_no_error (error);
  gtk_window_present (dialog);
  g_assert_true (crm_import_dialog_is_preparing (CRM_IMPORT_DIALOG (dialog)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  for (guint i = 0; i < 50; i++)
    {
      g_usleep (10000);
      spin_main_loop ();
    }
  g_assert_null (find_toplevel (CRM_TYPE_IMPORT_DIALOG));
  g_assert_cmpuint (crm_store_count_customers (store), ==, before);
}

static const UiCase ui_cases[] = {
  { "/ui/list/sort-builds-visible-rows", prepare_many, check_sort_builds_visible_rows },
  { "/ui/list/first-rows-a-screenful", prepare_many, check_first_rows_a_screenful },
  { "/ui/list/period-applies-once", prepare_many, check_period_applies_once },
  { "/ui/list/import-cancel", prepare_many, check_import_cancel },
  { "/ui/list/sales-import-cancel", prepare_many, check_sales_import_cancel },
  { "/ui/list/import-options-while-planning", prepare_many, check_import_options_while_planning },
};

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  add_ui_cases (ui_cases, G_N_ELEMENTS (ui_cases));

  return g_test_run ();
}
