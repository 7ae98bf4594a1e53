/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The loyalty programme as a new shop owner meets it, on the real window:
 * turned on in Preferences with one reward and a tier, then a customer
 * earns on a purchase, spends part of the balance off the next bill,
 * buys the reward, and moves up a tier; the balance on the page follows
 * every step. */

#include "config.h"

#include <string.h>

#include "crm-customer-page.h"
#include "crm-insights-loyalty.h"
#include "crm-insights-page.h"
#include "crm-loyalty-card.h"
#include "crm-preferences-loyalty.h"
#include "crm-preferences-window.h"
#include "crm-record-dialog.h"
#include "crm-spend-points-dialog.h"
#include "crm-store-loyalty.h"
#include "crm-window.h"
#include "ui-helpers.h"

static CrmStore *
store_of (CrmApplication *app)
{
  return crm_context_get_store (crm_application_get_context (app));
}

static void
prepare_shop (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (data_dir, &error);
  CrmCustomerFields nino = { .name = "Nino Beridze", .phone = "+995 555 12 34 56" };

  g_assert_no_error (error);
  g_assert_true (crm_store_set_setting (store, "shop.currency", "GEL", &error));
  g_assert_cmpint (crm_store_add_customer (store, &nino, &error), ==, 1);
}

/* A switch in the row titled @title, flipped as a click would. */
static void
switch_on (GtkWidget  *root,
           const char *title)
{
  GtkWidget *row = find_row (root, title);
  GtkWidget *toggle = row ? find_widget (row, GTK_TYPE_SWITCH, NULL) : NULL;

  if (toggle == NULL)
    g_error ("No switch in “%s”", title);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));
  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  spin_main_loop ();
}

static const char *
balance_title (GtkWidget *card)
{
  GtkWidget *row = find_widget (card, ADW_TYPE_ACTION_ROW, "property");

  g_assert_nonnull (row);
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static const char *
balance_subtitle (GtkWidget *card)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (find_widget (card, ADW_TYPE_ACTION_ROW, "property")));
}

/* The record-purchase dialog as staff fill it in, with @points off. */
static void
record_purchase (GtkWindow  *window,
                 CrmStore   *store,
                 const char *amount,
                 guint       points)
{
  CrmRecordDialog *dialog = CRM_RECORD_DIALOG (crm_record_dialog_new (window, store, 1, TRUE));
  GtkWidget *points_row;

  gtk_window_present (GTK_WINDOW (dialog));
  spin_main_loop ();
  gtk_editable_set_text (GTK_EDITABLE (find_row (GTK_WIDGET (dialog), "Amount (₾); negative for a refund")),
                         amount);
  points_row = find_row (GTK_WIDGET (dialog), "_Points off the Bill");
  if (points > 0)
    {
      GtkSpinButton *spin = GTK_SPIN_BUTTON (find_widget (points_row, GTK_TYPE_SPIN_BUTTON, NULL));

      g_assert_true (gtk_widget_get_visible (points_row));
      gtk_spin_button_set_value (spin, points);
      /* The bill says what the points take off. */
      g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (points_row)), "₾"));
    }
  g_assert_true (crm_record_dialog_save (dialog));
  spin_main_loop ();
}

static void
check_turn_on_earn_spend (CrmApplication *app,
                          GtkWindow      *window,
                          gpointer        data)
{
  CrmStore *store = store_of (app);
  GtkWindow *preferences;
  GtkWidget *page;
  GtkWidget *card;
  CrmSpendPointsDialog *spend;
  CrmInsightsLoyalty *insights;
  GtkWidget *insights_page;
  g_autoptr(GPtrArray) rewards = NULL;

  /* Preferences → Loyalty: on, tiers on, Silver from 60 ₾ at 200 %, a
   * coffee for 30 points; a tier with a spend that is not a number is
   * refused. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  spin_main_loop ();
  preferences = find_toplevel (CRM_TYPE_PREFERENCES_WINDOW);
  page = find_widget (GTK_WIDGET (preferences), CRM_TYPE_PREFERENCES_LOYALTY, NULL);
  g_assert_nonnull (page);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences), ADW_PREFERENCES_PAGE (page));
  switch_on (page, "_Run a Loyalty Programme");
  switch_on (page, "Use T_iers");
  g_assert_false (crm_preferences_loyalty_add_tier (CRM_PREFERENCES_LOYALTY (page), "Silver", "lots", "200"));
  g_assert_true (crm_preferences_loyalty_add_tier (CRM_PREFERENCES_LOYALTY (page), "Silver", "60", "200"));
  g_assert_true (crm_preferences_loyalty_add_reward (CRM_PREFERENCES_LOYALTY (page), "Free coffee", "30"));
  spin_main_loop ();
  g_assert_nonnull (find_row (page, "Silver"));
  g_assert_nonnull (find_row (page, "Free coffee"));
  gtk_window_destroy (preferences);
  spin_main_loop ();

  /* The customer's page shows the programme, and no points yet. */
  crm_window_show_customer (CRM_WINDOW (window), 1);
  spin_main_loop ();
  card = find_widget (GTK_WIDGET (window), CRM_TYPE_LOYALTY_CARD, NULL);
  g_assert_true (gtk_widget_get_mapped (card));
  g_assert_cmpstr (balance_title (card), ==, "0 points");
  g_assert_nonnull (strstr (balance_subtitle (card), "more for Silver"));

  /* 50 ₾ earns 50 points. */
  record_purchase (window, store, "50", 0);
  g_assert_cmpstr (balance_title (card), ==, "50 points");

  /* A 30 ₾ bill with 20 points off: 10 ₾ paid, 10 points earned, and
   * the customer is now Silver (60 ₾ this year): 50 - 20 + 10 = 40. */
  record_purchase (window, store, "30", 20);
  g_assert_cmpstr (balance_title (card), ==, "40 points");
  g_assert_true (g_str_has_prefix (balance_subtitle (card), "Silver"));

  /* The coffee: 40 - 30 = 10. */
  spend = CRM_SPEND_POINTS_DIALOG (crm_spend_points_dialog_new (window, store, 1));
  gtk_window_present (GTK_WINDOW (spend));
  spin_main_loop ();
  rewards = crm_store_list_rewards (store, FALSE);
  g_assert_true (crm_spend_points_dialog_redeem (spend, ((CrmReward *) g_ptr_array_index (rewards, 0))->id));
  spin_main_loop ();
  g_assert_cmpstr (balance_title (card), ==, "10 points");
  /* …and a second one is more than the balance: refused, nothing spent. */
  g_assert_false (crm_spend_points_dialog_redeem (spend, ((CrmReward *) g_ptr_array_index (rewards, 0))->id));
  gtk_window_destroy (GTK_WINDOW (spend));
  spin_main_loop ();
  g_assert_cmpstr (balance_title (card), ==, "10 points");

  /* In Silver, 10 ₾ earns 20: the tier's rate at work. */
  record_purchase (window, store, "10", 0);
  g_assert_cmpstr (balance_title (card), ==, "30 points");

  /* The history says each step, the newest first. */
  g_assert_nonnull (find_row (card, "+20"));
  g_assert_nonnull (find_row (card, "−30"));
  g_assert_nonnull (find_row (card, "−20"));
  g_assert_cmpint (crm_store_get_points_balance (store, 1), ==, 30);

  /* Insights, the last 30 days: 50 + 10 + 20 issued, 20 + 30 spent, and
   * all of the period's revenue from a member but the first purchase.
   * The figures come from a worker: wait for its answer. */
  crm_window_set_section (CRM_WINDOW (window), "insights");
  spin_main_loop ();
  insights_page = find_widget (GTK_WIDGET (window), CRM_TYPE_INSIGHTS_PAGE, NULL);
  while (crm_insights_page_is_updating (CRM_INSIGHTS_PAGE (insights_page)))
    g_main_context_iteration (NULL, TRUE);
  spin_main_loop ();
  insights = CRM_INSIGHTS_LOYALTY (find_widget (GTK_WIDGET (window), CRM_TYPE_INSIGHTS_LOYALTY, NULL));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (insights)));
  g_assert_cmpstr (crm_insights_loyalty_get_figure (insights, "issued"), ==, "80");
  g_assert_cmpstr (crm_insights_loyalty_get_figure (insights, "spent"), ==, "50");
}

static const UiCase ui_cases[] = {
  { "/ui/loyalty/turn-on-earn-spend", prepare_shop, check_turn_on_earn_spend },
};

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  add_ui_cases (ui_cases, G_N_ELEMENTS (ui_cases));

  return g_test_run ();
}
