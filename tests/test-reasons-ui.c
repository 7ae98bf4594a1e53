/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Reasons to get in touch as the window shows them: today's birthday in
 * Follow-ups, one coming in Keep in Touch, a customer's group by habit
 * on their page and in the list's filter, and a saved list in the
 * sidebar that follows the shop by itself. */

#include "config.h"

#include "crm-customer-list.h"
#include "crm-customers-page.h"
#include "crm-follow-ups-page.h"
#include "crm-rfm.h"
#include "crm-store.h"
#include "crm-window.h"
#include "ui-helpers.h"

#define DAY ((gint64) 86400)

/* "--MM-DD" of the day @days from now, in local time. */
static char *
birthday_in (guint days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, (int) days);

  return g_date_time_format (then, "--%m-%d");
}

static void
prepare_shop (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (data_dir, &error);
  g_autofree char *today = birthday_in (0);
  g_autofree char *soon = birthday_in (2);
  CrmCustomerFields nino = { .name = "Nino Birthday", .birthday = today, .segment_override = "key" };
  CrmCustomerFields aram = { .name = "Aram Soon", .birthday = soon };
  CrmCustomerFields ani = { .name = "Ani Buyer" };
  CrmCustomerFields lela = { .name = "Lela Buyer" };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 ani_id, lela_id;

  g_assert_no_error (error);
  g_assert_true (crm_store_set_setting (store, "shop.currency", "GEL", &error));
  crm_store_add_customer (store, &nino, &error);
  crm_store_add_customer (store, &aram, &error);
  ani_id = crm_store_add_customer (store, &ani, &error);
  lela_id = crm_store_add_customer (store, &lela, &error);
  for (guint i = 0; i < 6; i++)
    crm_store_add_purchase (store, ani_id, now - (gint64) (i + 1) * DAY, 2000, "", &error);
  crm_store_add_purchase (store, lela_id, now - 300 * DAY, 500, "", &error);
  crm_store_add_saved_list (store, "Buyers", "{'search': <'buyer'>}", &error);
  g_assert_true (crm_store_refresh_all (store, &error));
  g_assert_no_error (error);
}

static GtkWidget *
sidebar_row (GtkWindow  *window,
             const char *label)
{
  GtkWidget *sidebar = find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, "navigation-sidebar");

  for (GtkWidget *row = gtk_widget_get_first_child (sidebar); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_str_has_prefix (gtk_widget_get_name (row), "saved:") && find_label (row, label) != NULL)
      return row;
  return NULL;
}

static void
check_birthdays (CrmApplication *app,
                 GtkWindow      *window,
                 gpointer        data)
{
  GtkWidget *page = find_widget (GTK_WIDGET (window), CRM_TYPE_FOLLOW_UPS_PAGE, NULL);
  GtkWidget *row;

  crm_window_set_section (CRM_WINDOW (window), "follow-ups");
  spin_main_loop ();

  /* Today, with the age unknown; in two days, among the suggestions. */
  row = find_row (page, "Nino Birthday");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Key · Birthday today");
  g_assert_nonnull (find_button (row, "_Open"));
  row = find_row (page, "Aram Soon");
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Birthday in 2 days, "));

  /* Schedule: a follow-up on the day itself. */
  g_signal_emit_by_name (find_button (row, "_Schedule"), "clicked");
  spin_main_loop ();
  {
    CrmStore *store = crm_context_get_store (crm_application_get_context (app));
    g_autoptr(GPtrArray) pending = crm_store_list_follow_ups (store, FALSE, 0, 10);

    g_assert_cmpuint (pending->len, ==, 1);
    g_assert_cmpint (crm_follow_up_get_due_at (g_ptr_array_index (pending, 0)), >, crm_store_now (store) + DAY);
  }
}

static void
check_groups_and_saved_list (CrmApplication *app,
                             GtkWindow      *window,
                             gpointer        data)
{
  CrmStore *store = crm_context_get_store (crm_application_get_context (app));
  CrmCustomersPage *customers = crm_window_get_customers_page (CRM_WINDOW (window));
  GtkColumnView *view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (customers), GTK_TYPE_COLUMN_VIEW, NULL));
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
  GtkWidget *row = sidebar_row (window, "Buyers");
  CrmCustomerFields aram_buys = { .name = "Aram Buyer" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lists = crm_store_list_saved_lists (store);
  gint64 ani = 0;

  /* The saved list is under Customers and opens with its search. */
  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  spin_main_loop ();
  g_assert_cmpstr (crm_window_get_section (CRM_WINDOW (window)), ==, "customers");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  /* A customer renamed into it joins by themselves. */
  for (guint i = 0; i < lists->len; i++)
    g_assert_cmpstr (((CrmSavedList *) g_ptr_array_index (lists, i))->name, ==, "Buyers");
  {
    g_autoptr(CrmCustomerList) all = crm_customer_list_new (store);

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (all)); i++)
      {
        g_autoptr(CrmCustomer) customer = g_list_model_get_item (G_LIST_MODEL (all), i);

        if (g_str_equal (crm_customer_get_name (customer), "Aram Soon"))
          g_assert_true (crm_store_update_customer (store, crm_customer_get_id (customer), &aram_buys, &error));
        if (g_str_equal (crm_customer_get_name (customer), "Ani Buyer"))
          ani = crm_customer_get_id (customer);
      }
  }
  g_assert_no_error (error);
  spin_main_loop ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  /* Ani's page says her group and why. */
  crm_window_show_customer (CRM_WINDOW (window), ani);
  spin_main_loop ();
  {
    g_autoptr(CrmCustomer) customer = crm_store_get_customer (store, ani);
    g_autofree char *figures = crm_rfm_explain (customer, crm_store_now (store));
    g_autofree char *line = g_strdup_printf ("Group by habit: %s (%s): %s.",
                                             crm_rfm_group_name (crm_customer_get_rfm_group (customer)),
                                             crm_rfm_group_rule (crm_customer_get_rfm_group (customer)),
                                             figures);

    g_assert_true (crm_rfm_is_group (crm_customer_get_rfm_group (customer)));
    g_assert_true (g_str_has_prefix (figures, "bought 6 times, last 1 day ago, "));
    g_assert_nonnull (find_label (GTK_WIDGET (customers), line));
  }

  /* Renamed and deleted from the sidebar's own actions. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-list", "x",
                                             ((CrmSavedList *) g_ptr_array_index (lists, 0))->id));
  spin_main_loop ();
  g_assert_null (sidebar_row (window, "Buyers"));
}

static const UiCase ui_cases[] = {
  { "/ui/reasons/birthdays", prepare_shop, check_birthdays },
  { "/ui/reasons/groups-and-saved-list", prepare_shop, check_groups_and_saved_list },
};

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  add_ui_cases (ui_cases, G_N_ELEMENTS (ui_cases));

  return g_test_run ();
}
