/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The feedback inbox and Insights as a person uses them. */

#include "config.h"

#include <string.h>

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
  spin_main_loop ();
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
  spin_main_loop ();
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

static const UiCase ui_cases[] = {
  { "/ui/feedback/capture-resolve-insights", prepare_shop, check_capture_resolve_insights },
  { "/ui/feedback/hostile-text", prepare_shop, check_hostile_text },
};

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  add_ui_cases (ui_cases, G_N_ELEMENTS (ui_cases));

  return g_test_run ();
}
