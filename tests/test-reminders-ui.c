/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Reminders in the window: the banner of missed ones at the top of
 * Follow-ups, and every keyboard shortcut in the shortcuts window. */

#include "config.h"

#include "crm-follow-up-row.h"
#include "crm-scheduler.h"
#include "crm-follow-ups-page.h"
#include "crm-window.h"
#include "shop-fixture.h"
#include "ui-helpers.h"

#define DAY ((gint64) 24 * 60 * 60)

static CrmStore *
store_of (CrmApplication *app)
{
  return crm_context_get_store (crm_application_get_context (app));
}

/* Announced yesterday, never handled; and one announced today. */
static void
prepare_missed (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (data_dir, &error);
  g_autoptr(GPtrArray) announced = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 now = crm_store_now (store);
  gint64 nino, ani, missed, today;

  g_assert_no_error (error);
  g_assert_true (crm_store_set_setting (store, "shop.currency", "GEL", &error));
  nino = shop_add_customer (store, "ნინო ბერიძე");
  ani = shop_add_customer (store, "Անի Սարգսյան");
  missed = crm_store_add_follow_up (store, nino, now - DAY, "Call about the cake", 0, &error);
  today = crm_store_add_follow_up (store, ani, now - 60, "Ask about the order", 0, &error);
  g_assert_no_error (error);

  g_ptr_array_add (announced, crm_store_get_follow_up (store, missed));
  g_assert_true (crm_store_mark_follow_ups_notified (store, announced, now - DAY + 60, &error));
  g_ptr_array_set_size (announced, 0);
  g_ptr_array_add (announced, crm_store_get_follow_up (store, today));
  g_assert_true (crm_store_mark_follow_ups_notified (store, announced, now - 30, &error));
  g_assert_no_error (error);
}

static GtkWidget *
banner_of (GtkWidget *page)
{
  GtkWidget *revealer = find_widget (page, GTK_TYPE_REVEALER, NULL);

  g_assert_nonnull (revealer);
  return revealer;
}

static void
check_missed_banner (CrmApplication *app,
                     GtkWindow      *window,
                     gpointer        data)
{
  g_autoptr(GError) error = NULL;
  CrmStore *store = store_of (app);
  GtkWidget *page = find_widget (GTK_WIDGET (window), CRM_TYPE_FOLLOW_UPS_PAGE, NULL);
  GtkWidget *banner = banner_of (page);
  g_autoptr(GPtrArray) pending = NULL;
  GtkWidget *row;
  gint64 id;

  crm_window_set_section (CRM_WINDOW (window), "follow-ups");
  spin_main_loop ();

  /* The one from yesterday, not today's: "1 reminder was missed", and it
   * sits in its own group. */
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_nonnull (find_label (banner, "1 reminder was missed"));
  row = find_row (page, "ნინო ბერიძე");
  g_assert_true (CRM_IS_FOLLOW_UP_ROW (row));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)));
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP))),
                   ==, "Missed");

  /* Review takes the keyboard to it. */
  g_signal_emit_by_name (find_button (banner, "_Review"), "clicked");
  spin_main_loop ();
  g_assert_true (gtk_widget_has_focus (find_row (page, "ნინო ბერიძე")));

  /* Handled (done from its row): the banner goes. */
  pending = crm_store_list_missed_follow_ups (store, crm_scheduler_get_day_start (
                                                crm_context_get_scheduler (crm_application_get_context (app)),
                                                crm_store_now (store)));
  g_assert_cmpuint (pending->len, ==, 1);
  id = crm_follow_up_get_id (g_ptr_array_index (pending, 0));
  g_assert_true (gtk_widget_activate_action (find_row (page, "ნინო ბერიძე"), "follow-up.done", NULL));
  spin_main_loop ();
  {
    g_autoptr(CrmFollowUp) done = crm_store_get_follow_up (store, id);

    g_assert_cmpint (crm_follow_up_get_done_at (done), >, 0);
  }
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));

  /* Another one missed: Dismiss marks it seen; it stays in Overdue, the
   * banner goes. */
  {
    g_autoptr(GPtrArray) announced = g_ptr_array_new_with_free_func (g_object_unref);
    gint64 nino = crm_follow_up_get_customer_id (g_ptr_array_index (pending, 0));
    gint64 again = crm_store_add_follow_up (store, nino, crm_store_now (store) - 2 * DAY, "Again", 0, &error);

    g_ptr_array_add (announced, crm_store_get_follow_up (store, again));
    g_assert_true (crm_store_mark_follow_ups_notified (store, announced, crm_store_now (store) - 2 * DAY,
                                                       &error));
    g_assert_no_error (error);
  }
  crm_follow_ups_page_refresh (CRM_FOLLOW_UPS_PAGE (page));
  spin_main_loop ();
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_signal_emit_by_name (find_button (banner, "_Dismiss"), "clicked");
  spin_main_loop ();
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_nonnull (find_row (page, "ნინო ბერიძე"));
}

static void
collect_shortcuts (GtkWidget  *widget,
                   GHashTable *titles)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SHORTCUTS_SHORTCUT (child))
        {
          g_autofree char *action = NULL;
          g_autofree char *title = NULL;

          g_object_get (child, "action-name", &action, "title", &title, NULL);
          if (action != NULL)
            g_hash_table_insert (titles, g_steal_pointer (&action), g_steal_pointer (&title));
        }
      collect_shortcuts (child, titles);
    }
}

/* Every key the application gives an action is in the shortcuts window,
 * with a title of its own (not the fallback of its action's name). */
static void
check_shortcuts (CrmApplication *app,
                 GtkWindow      *window,
                 gpointer        data)
{
  g_autoptr(GHashTable) titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  GtkWindow *shortcuts;
  guint with_keys = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  spin_main_loop ();
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  collect_shortcuts (GTK_WIDGET (shortcuts), titles);

  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);
      const char *title = g_hash_table_lookup (titles, actions[i]);

      if (accels[0] == NULL)
        continue;
      with_keys++;
      if (title == NULL)
        g_error ("%s (%s) is not in the shortcuts window", actions[i], accels[0]);
      g_assert_cmpstr (title, !=, actions[i]);
    }

  /* The ones the issue found missing, and the window's own key. */
  g_assert_cmpstr (g_hash_table_lookup (titles, "win.new-follow-up"), ==, "New follow-up");
  g_assert_cmpstr (g_hash_table_lookup (titles, "win.new-feedback"), ==, "New feedback");
  g_assert_cmpuint (with_keys, >=, 12);
  g_assert_nonnull (find_label (GTK_WIDGET (shortcuts), "Save the feedback"));
  gtk_window_close (shortcuts);
}

static const UiCase ui_cases[] = {
  { "/ui/reminders/missed-banner", prepare_missed, check_missed_banner },
  { "/ui/reminders/shortcuts-window", NULL, check_shortcuts },
};

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  add_ui_cases (ui_cases, G_N_ELEMENTS (ui_cases));

  return g_test_run ();
}
