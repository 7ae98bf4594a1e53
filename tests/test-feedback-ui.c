/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The feedback inbox and Insights as a person uses them. */

#include "config.h"

#include <string.h>

#include "crm-chart.h"
#include "crm-customer-picker.h"
#include "crm-feedback-dialog.h"
#include "crm-feedback-page.h"
#include "crm-insights-page.h"
#include "crm-store.h"
#include "crm-window.h"
#include "ui-helpers.h"

static void
prepare_shop (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (data_dir, &error);
  CrmFeedbackFields praise = { .kind = "praise", .rating = 5, .text = "Lovely bread" };
  CrmFeedbackFields hostile = { .kind = "question", .text = "<b>bold?</b> & <span>x</span>\x01" };

  g_assert_no_error (error);
  g_assert_true (crm_store_set_setting (store, "shop.currency", "GEL", &error));
  /* Already read, so only what the test adds counts as unread. */
  crm_store_set_feedback_read (store, crm_store_add_feedback (store, &praise, &error), TRUE, &error);
  crm_store_set_feedback_read (store, crm_store_add_feedback (store, &hostile, &error), TRUE, &error);
  g_assert_no_error (error);
}

/* Insights works its figures out in a worker: let the page ask, then
 * turn the main loop until the answer is shown. No time is assumed. */
static void
wait_for_figures (GtkWidget *page)
{
  spin_main_loop ();
  while (crm_insights_page_is_updating (CRM_INSIGHTS_PAGE (page)))
    g_main_context_iteration (NULL, TRUE);
  spin_main_loop ();
}

static void
prepare_empty_shop (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (data_dir, &error);

  g_assert_no_error (error);
  g_assert_true (crm_store_set_setting (store, "shop.currency", "GEL", &error));
}

static void
prepare_customer (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (data_dir, &error);
  CrmCustomerFields nino = { .name = "Nino Beridze", .phone = "+995 555 12 34 56" };

  g_assert_no_error (error);
  g_assert_true (crm_store_set_setting (store, "shop.currency", "GEL", &error));
  g_assert_cmpint (crm_store_add_customer (store, &nino, &error), >, 0);
  g_assert_no_error (error);
}

/* The count on a section's row in the sidebar. */
static GtkWidget *
find_badge (GtkWindow  *window,
            const char *section)
{
  GtkWidget *sidebar = find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, "navigation-sidebar");

  for (GtkWidget *row = gtk_widget_get_first_child (sidebar); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), section) == 0)
      return find_widget (row, GTK_TYPE_LABEL, "sidebar-badge");

  return NULL;
}

static GtkToggleButton *
rating_button (GtkWidget *dialog,
               guint      stars)
{
  g_autofree char *label = g_strdup_printf ("%u ★", stars);
  GtkWidget *button = find_button (dialog, label);

  g_assert_true (GTK_IS_TOGGLE_BUTTON (button));
  return GTK_TOGGLE_BUTTON (button);
}

static void
check_capture_resolve_insights (CrmApplication *app,
                                GtkWindow      *window,
                                gpointer        data)
{
  CrmStore *store = crm_context_get_store (crm_application_get_context (app));
  GtkWidget *insights = find_widget (GTK_WIDGET (window), CRM_TYPE_INSIGHTS_PAGE, NULL);
  GtkWidget *inbox = find_widget (GTK_WIDGET (window), CRM_TYPE_FEEDBACK_PAGE, NULL);
  GtkWidget *badge;
  GtkWidget *dialog;
  GtkTextView *text;
  GtkWidget *row;
  gint64 id;

  /* Insights before: one 5-star rating, nothing resolved. */
  crm_window_set_section (CRM_WINDOW (window), "insights");
  wait_for_figures (insights);
  g_assert_cmpstr (crm_insights_page_get_figure (CRM_INSIGHTS_PAGE (insights), "csat"), ==, "100\u202F%");
  g_assert_cmpstr (crm_insights_page_get_figure (CRM_INSIGHTS_PAGE (insights), "resolution"), ==, "0\u202F%");

  /* Ctrl+Shift+F: the quick form, a 2-star complaint. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-feedback", NULL));
  dialog = GTK_WIDGET (find_toplevel (CRM_TYPE_FEEDBACK_DIALOG));
  g_assert_nonnull (dialog);
  gtk_toggle_button_set_active (rating_button (dialog, 2), TRUE);
  text = GTK_TEXT_VIEW (find_widget (dialog, GTK_TYPE_TEXT_VIEW, NULL));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text), "The cake was stale", -1);
  id = crm_feedback_dialog_save (CRM_FEEDBACK_DIALOG (dialog));
  g_assert_cmpint (id, >, 0);
  spin_main_loop ();

  /* A complaint offers a follow-up; not now. */
  dialog = GTK_WIDGET (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "later");
  spin_main_loop ();

  /* The sidebar counts one unread. */
  badge = find_badge (window, "feedback");
  g_assert_true (gtk_widget_get_visible (badge));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge)), ==, "1");

  /* Open it: read, the badge goes. */
  crm_window_set_section (CRM_WINDOW (window), "feedback");
  crm_feedback_page_show_entry (CRM_FEEDBACK_PAGE (inbox), id);
  spin_main_loop ();
  g_assert_cmpuint (crm_store_count_unread_feedback (store), ==, 0);
  g_assert_false (gtk_widget_get_visible (badge));

  /* Resolve it with a response. */
  row = find_row (inbox, "_Status");
  g_assert_true (ADW_IS_COMBO_ROW (row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 2);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_widget (inbox, GTK_TYPE_TEXT_VIEW, NULL))),
                            "A fresh cake, on us.", -1);
  g_signal_emit_by_name (find_button (inbox, "Save _Response"), "clicked");
  spin_main_loop ();

  /* Insights moved: CSAT 1 of 2, one resolved of three. */
  crm_window_set_section (CRM_WINDOW (window), "insights");
  wait_for_figures (insights);
  g_assert_cmpstr (crm_insights_page_get_figure (CRM_INSIGHTS_PAGE (insights), "csat"), ==, "50\u202F%");
  g_assert_cmpstr (crm_insights_page_get_figure (CRM_INSIGHTS_PAGE (insights), "resolution"), ==, "33\u202F%");
  g_assert_cmpstr (crm_insights_page_get_figure (CRM_INSIGHTS_PAGE (insights), "complaints"), ==, "1");

}

static void
check_hostile_text (CrmApplication *app,
                    GtkWindow      *window,
                    gpointer        data)
{
  g_autoptr(GError) error = NULL;
  CrmStore *store = crm_context_get_store (crm_application_get_context (app));
  GtkWidget *inbox = find_widget (GTK_WIDGET (window), CRM_TYPE_FEEDBACK_PAGE, NULL);
  g_autofree char *huge = g_strnfill (1024 * 1024, 'z');
  CrmFeedbackFields big = { .kind = "complaint", .text = huge };
  CrmFeedbackFilter all = { 0 };
  g_autoptr(GPtrArray) entries = NULL;

  crm_window_set_section (CRM_WINDOW (window), "feedback");
  crm_store_add_feedback (store, &big, &error);
  g_assert_no_error (error);
  spin_main_loop ();

  /* Markup shows as the characters typed (no critical from Pango). */
  entries = crm_store_list_feedback (store, &all, 10);
  for (guint i = 0; i < entries->len; i++)
    {
      CrmFeedback *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (crm_feedback_get_kind (entry), "question"))
        {
          crm_feedback_page_show_entry (CRM_FEEDBACK_PAGE (inbox), crm_feedback_get_id (entry));
          spin_main_loop ();
        }
    }
  g_assert_nonnull (find_widget (inbox, GTK_TYPE_LABEL, NULL));
}

/* An empty shop: each chart says why it has no bars, the figures are
 * dashes, and the period is the last 30 days. */
static void
check_insights_empty (CrmApplication *app,
                      GtkWindow      *window,
                      gpointer        data)
{
  GtkWidget *page = find_widget (GTK_WIDGET (window), CRM_TYPE_INSIGHTS_PAGE, NULL);
  static const struct
  {
    const char *chart;
    const char *text;
  } empty[] = {
    { "revenue", "No sales in the last 12 months yet" },
    { "ratings", "No ratings yet in this period" },
    { "complaints", "No complaints in the last 12 weeks" },
  };

  crm_window_set_section (CRM_WINDOW (window), "insights");
  wait_for_figures (page);
  g_assert_cmpuint (crm_insights_page_get_n_results (CRM_INSIGHTS_PAGE (page)), >=, 1);

  for (guint i = 0; i < G_N_ELEMENTS (empty); i++)
    {
      CrmChart *chart = CRM_CHART (crm_insights_page_get_chart (CRM_INSIGHTS_PAGE (page), empty[i].chart));

      g_assert_true (crm_chart_is_empty (chart));
      g_assert_cmpstr (crm_chart_get_empty_text (chart), ==, empty[i].text);
      /* Nothing to highlight: the keys do nothing. */
      crm_chart_set_highlight (chart, 0);
      g_assert_cmpint (crm_chart_get_highlight (chart), ==, -1);
    }

  g_assert_cmpstr (crm_insights_page_get_figure (CRM_INSIGHTS_PAGE (page), "csat"), ==, "—");
  g_assert_cmpstr (crm_insights_page_get_figure (CRM_INSIGHTS_PAGE (page), "first-contact"), ==, "—");
  g_assert_cmpstr (crm_insights_page_get_figure (CRM_INSIGHTS_PAGE (page), "effort"), ==, "—");
  g_assert_nonnull (find_label (page, "Last 30 Days"));
  g_assert_nonnull (find_label (page, "Ratings in the Last 30 Days"));
}

/* Sends @keyval to @widget's key controller, as a key press would. */
static void
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  g_assert_true (handled);
}

/* Figures arrive from the worker after the page is shown, and change
 * when the shop does; the charts read out a bar at a time by keyboard. */
static void
check_insights_worker (CrmApplication *app,
                       GtkWindow      *window,
                       gpointer        data)
{
  g_autoptr(GError) error = NULL;
  CrmStore *store = crm_context_get_store (crm_application_get_context (app));
  GtkWidget *page = find_widget (GTK_WIDGET (window), CRM_TYPE_INSIGHTS_PAGE, NULL);
  CrmFeedbackFields answers = { .kind = "praise", .rating = 4, .text = "Quick and easy", .effort = 5,
                                .has_recommend = TRUE, .recommend = 9 };
  CrmChart *ratings;
  guint shown;

  /* Nothing asked for while the page is not on screen. */
  g_assert_cmpuint (crm_insights_page_get_n_results (CRM_INSIGHTS_PAGE (page)), ==, 0);

  crm_window_set_section (CRM_WINDOW (window), "insights");
  wait_for_figures (page);
  shown = crm_insights_page_get_n_results (CRM_INSIGHTS_PAGE (page));
  g_assert_cmpuint (shown, >=, 1);
  g_assert_cmpstr (crm_insights_page_get_figure (CRM_INSIGHTS_PAGE (page), "csat"), ==, "100\u202F%");
  g_assert_cmpstr (crm_insights_page_get_figure (CRM_INSIGHTS_PAGE (page), "effort"), ==, "—");

  /* A new entry while the page shows: the old figures stay until the new
   * ones come. */
  g_assert_cmpint (crm_store_add_feedback (store, &answers, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (crm_insights_page_is_updating (CRM_INSIGHTS_PAGE (page)));
  g_assert_cmpstr (crm_insights_page_get_figure (CRM_INSIGHTS_PAGE (page), "effort"), ==, "—");
  wait_for_figures (page);
  g_assert_cmpuint (crm_insights_page_get_n_results (CRM_INSIGHTS_PAGE (page)), >, shown);
  g_assert_cmpstr (crm_insights_page_get_figure (CRM_INSIGHTS_PAGE (page), "effort"), ==, "5.0");

  /* Two requests in a row: the first is superseded, the last answers. */
  shown = crm_insights_page_get_n_results (CRM_INSIGHTS_PAGE (page));
  crm_insights_page_refresh (CRM_INSIGHTS_PAGE (page));
  crm_insights_page_refresh (CRM_INSIGHTS_PAGE (page));
  wait_for_figures (page);
  g_assert_cmpuint (crm_insights_page_get_n_results (CRM_INSIGHTS_PAGE (page)), ==, shown + 1);

  /* The ratings chart: Right from nothing lights the last bar (5 stars),
   * Left the one before (4 stars), Home the first. */
  ratings = CRM_CHART (crm_insights_page_get_chart (CRM_INSIGHTS_PAGE (page), "ratings"));
  g_assert_false (crm_chart_is_empty (ratings));
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (ratings)));
  press_key (GTK_WIDGET (ratings), GDK_KEY_Right);
  g_assert_cmpint (crm_chart_get_highlight (ratings), ==, 4);
  press_key (GTK_WIDGET (ratings), GDK_KEY_Left);
  g_assert_cmpint (crm_chart_get_highlight (ratings), ==, 3);
  g_assert_nonnull (strstr (crm_chart_get_readout (ratings, 3), "1 rating"));
  press_key (GTK_WIDGET (ratings), GDK_KEY_Home);
  g_assert_cmpint (crm_chart_get_highlight (ratings), ==, 0);
  press_key (GTK_WIDGET (ratings), GDK_KEY_Left);
  g_assert_cmpint (crm_chart_get_highlight (ratings), ==, 0);
}

static CrmFeedback *
newest_feedback (CrmStore *store)
{
  CrmFeedbackFilter all = { 0 };
  g_autoptr(GPtrArray) entries = crm_store_list_feedback (store, &all, 100);
  CrmFeedback *newest = NULL;

  for (guint i = 0; i < entries->len; i++)
    {
      CrmFeedback *entry = g_ptr_array_index (entries, i);

      if (newest == NULL || crm_feedback_get_id (entry) > crm_feedback_get_id (newest))
        newest = entry;
    }

  return newest ? g_object_ref (newest) : NULL;
}

/* The quick form's two optional answers: saved when given (0 is an
 * answer), left empty when not. */
static void
check_effort_and_recommend (CrmApplication *app,
                            GtkWindow      *window,
                            gpointer        data)
{
  CrmStore *store = crm_context_get_store (crm_application_get_context (app));
  GtkWidget *dialog;
  GtkWidget *effort_row;
  g_autoptr(CrmFeedback) entry = NULL;

  /* Effort 4, would recommend 10. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-feedback", NULL));
  dialog = GTK_WIDGET (find_toplevel (CRM_TYPE_FEEDBACK_DIALOG));
  g_assert_nonnull (dialog);
  effort_row = find_row (dialog, "How Easy Was It?");
  g_assert_nonnull (effort_row);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (find_button (effort_row, "4")), TRUE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (dialog, "Would _Recommend Us")), 11);
  gtk_toggle_button_set_active (rating_button (dialog, 5), TRUE);
  g_assert_cmpint (crm_feedback_dialog_save (CRM_FEEDBACK_DIALOG (dialog)), >, 0);
  spin_main_loop ();
  entry = newest_feedback (store);
  g_assert_cmpuint (crm_feedback_get_effort (entry), ==, 4);
  g_assert_cmpint (crm_feedback_get_recommend (entry), ==, 10);
  g_clear_object (&entry);

  /* Neither asked. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-feedback", NULL));
  dialog = GTK_WIDGET (find_toplevel (CRM_TYPE_FEEDBACK_DIALOG));
  gtk_toggle_button_set_active (rating_button (dialog, 3), TRUE);
  g_assert_cmpint (crm_feedback_dialog_save (CRM_FEEDBACK_DIALOG (dialog)), >, 0);
  spin_main_loop ();
  entry = newest_feedback (store);
  g_assert_cmpuint (crm_feedback_get_effort (entry), ==, 0);
  g_assert_cmpint (crm_feedback_get_recommend (entry), ==, -1);
  g_clear_object (&entry);

  /* Would recommend: 0, the first answer after "not asked". */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-feedback", NULL));
  dialog = GTK_WIDGET (find_toplevel (CRM_TYPE_FEEDBACK_DIALOG));
  gtk_toggle_button_set_active (rating_button (dialog, 2), TRUE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (dialog, "Would _Recommend Us")), 1);
  g_assert_cmpint (crm_feedback_dialog_save (CRM_FEEDBACK_DIALOG (dialog)), >, 0);
  spin_main_loop ();
  entry = newest_feedback (store);
  g_assert_cmpint (crm_feedback_get_recommend (entry), ==, 0);
  g_assert_cmpuint (crm_feedback_get_effort (entry), ==, 0);
}

/* Enter in the customer field: the first match is picked; Enter again
 * saves, as the dialog's default button. */
static void
check_customer_enter (CrmApplication *app,
                      GtkWindow      *window,
                      gpointer        data)
{
  CrmStore *store = crm_context_get_store (crm_application_get_context (app));
  GtkWidget *dialog;
  GtkWidget *entry_row;
  GtkWidget *text;
  CrmCustomerPicker *picker;
  g_autoptr(CrmFeedback) entry = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-feedback", NULL));
  dialog = GTK_WIDGET (find_toplevel (CRM_TYPE_FEEDBACK_DIALOG));
  gtk_toggle_button_set_active (rating_button (dialog, 5), TRUE);
  picker = CRM_CUSTOMER_PICKER (find_widget (dialog, CRM_TYPE_CUSTOMER_PICKER, NULL));
  entry_row = find_row (dialog, "Find a customer by name or phone");
  g_assert_true (ADW_IS_ENTRY_ROW (entry_row));
  gtk_editable_set_text (GTK_EDITABLE (entry_row), "nin");
  spin_main_loop ();
  text = find_widget (entry_row, GTK_TYPE_TEXT, NULL);
  g_assert_nonnull (text);

  g_signal_emit_by_name (text, "activate");
  spin_main_loop ();
  g_assert_cmpint (crm_customer_picker_get_customer_id (picker), >, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry_row)), ==, "Nino Beridze");
  g_assert_nonnull (find_toplevel (CRM_TYPE_FEEDBACK_DIALOG));

  /* The default button clicks itself as a key would press it: wait for
   * the dialog to close (a hang here is the failure). */
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) == find_button (dialog, "_Save"));
  g_signal_emit_by_name (text, "activate");
  while (find_toplevel (CRM_TYPE_FEEDBACK_DIALOG) != NULL)
    g_main_context_iteration (NULL, TRUE);
  entry = newest_feedback (store);
  g_assert_nonnull (entry);
  g_assert_cmpstr (crm_feedback_get_customer_name (entry), ==, "Nino Beridze");
  g_assert_cmpuint (crm_feedback_get_rating (entry), ==, 5);
}

/* The response box has a visible label that names it. */
static void
check_response_label (CrmApplication *app,
                      GtkWindow      *window,
                      gpointer        data)
{
  GtkWidget *inbox = find_widget (GTK_WIDGET (window), CRM_TYPE_FEEDBACK_PAGE, NULL);
  CrmStore *store = crm_context_get_store (crm_application_get_context (app));
  g_autoptr(CrmFeedback) entry = newest_feedback (store);
  GtkWidget *label;

  crm_window_set_section (CRM_WINDOW (window), "feedback");
  crm_feedback_page_show_entry (CRM_FEEDBACK_PAGE (inbox), crm_feedback_get_id (entry));
  spin_main_loop ();
  label = find_label (inbox, "Response Text");
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_mapped (label));
  g_assert_true (GTK_IS_TEXT_VIEW (gtk_label_get_mnemonic_widget (GTK_LABEL (label))));
}

static const UiCase ui_cases[] = {
  { "/ui/feedback/capture-resolve-insights", prepare_shop, check_capture_resolve_insights },
  { "/ui/feedback/hostile-text", prepare_shop, check_hostile_text },
  { "/ui/feedback/effort-and-recommend", prepare_shop, check_effort_and_recommend },
  { "/ui/feedback/customer-enter", prepare_customer, check_customer_enter },
  { "/ui/feedback/response-label", prepare_shop, check_response_label },
  { "/ui/insights/empty-shop", prepare_empty_shop, check_insights_empty },
  { "/ui/insights/worker", prepare_shop, check_insights_worker },
};

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  add_ui_cases (ui_cases, G_N_ELEMENTS (ui_cases));

  return g_test_run ();
}
