/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Drives the real application under Xvfb: every case runs in a subprocess
 * of its own, so each gets a fresh GApplication on the private bus. */

#include "config.h"

#include <glib/gstdio.h>

#include "crm-application.h"
#include "crm-preferences-window.h"
#include "crm-scheduler.h"
#include "crm-store.h"
#include "crm-window.h"
#include "ui-helpers.h"

static const char *const sections[] = { "customers", "follow-ups", "feedback", "insights" };



static void
check_sections (CrmApplication *app,
                GtkWindow      *window,
                gpointer        data)
{
  GSettings *settings = crm_application_get_settings (app);
  GtkWidget *sidebar;
  guint i = 0;

  const char *data_dir = data;
  g_autofree char *db = g_build_filename (data_dir, CRM_STORE_FILE_NAME, NULL);

  g_assert_true (CRM_IS_WINDOW (window));
  g_assert_nonnull (crm_application_get_context (app));
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (crm_window_get_section (CRM_WINDOW (window)), ==, "customers");

  /* The sidebar lists the four sections, in order. */
  sidebar = find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_BOX, "navigation-sidebar");
  g_assert_nonnull (sidebar);
  for (GtkWidget *row = gtk_widget_get_first_child (sidebar);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (!GTK_IS_LIST_BOX_ROW (row))
        continue;
      g_assert_cmpuint (i, <, G_N_ELEMENTS (sections));
      g_assert_cmpstr (gtk_widget_get_name (row), ==, sections[i]);
      g_assert_true (gtk_widget_get_visible (row));
      i++;
    }
  g_assert_cmpuint (i, ==, G_N_ELEMENTS (sections));

  /* Through the action that Ctrl+1…4 trigger… */
  for (i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *detailed = g_strdup_printf ("win.show-section::%s", sections[i]);
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), detailed);
      g_autofree char *expected_accel = g_strdup_printf ("<Control>%u", i + 1);
      g_autofree char *saved = NULL;

      g_assert_nonnull (accels);
      g_assert_cmpstr (accels[0], ==, expected_accel);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", sections[i]));
      g_assert_cmpstr (crm_window_get_section (CRM_WINDOW (window)), ==, sections[i]);

      saved = g_settings_get_string (settings, "last-section");
      g_assert_cmpstr (saved, ==, sections[i]);
    }

  /* …and through the sidebar, backwards, as a click or Enter would. */
  for (GtkWidget *row = gtk_widget_get_last_child (sidebar);
       row != NULL;
       row = gtk_widget_get_prev_sibling (row))
    {
      if (!GTK_IS_LIST_BOX_ROW (row))
        continue;
      g_signal_emit_by_name (row, "activate");
      g_assert_cmpstr (crm_window_get_section (CRM_WINDOW (window)), ==, gtk_widget_get_name (row));
      g_assert_true (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (row)));
    }

  g_assert_cmpstr (crm_window_get_section (CRM_WINDOW (window)), ==, "customers");

  /* An unknown name (a stale setting, a typo) falls back to the first section. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "insights"));
  crm_window_set_section (CRM_WINDOW (window), "no-such-section");
  g_assert_cmpstr (crm_window_get_section (CRM_WINDOW (window)), ==, "customers");
}

static void
prepare_saved_state (const char *data_dir)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* The memory backend is shared by every GSettings in the process. */
  g_settings_set (settings, "window-size", "(ii)", 820, 610);
  g_settings_set_string (settings, "last-section", "feedback");
}

static void
check_restored_state (CrmApplication *app,
                      GtkWindow      *window,
                      gpointer        data)
{
  GSettings *settings = crm_application_get_settings (app);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_assert_cmpint (width, ==, 820);
  g_assert_cmpint (height, ==, 610);
  g_assert_cmpstr (crm_window_get_section (CRM_WINDOW (window)), ==, "feedback");

  /* Closing saves what the person left. */
  gtk_window_set_default_size (window, 900, 640);
  gtk_window_close (window);

  g_settings_get (settings, "window-size", "(ii)", &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
}

static void
check_error_page (CrmApplication *app,
                  GtkWindow      *window,
                  gpointer        data)
{
  const char *db_path = data;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *section = NULL;
  GtkStack *main_stack;
  AdwStatusPage *page;

  g_assert_null (crm_application_get_context (app));

  /* A file that is not a database is the recovery page (test-safety-ui.c
   * goes through it), and it names the file. */
  main_stack = GTK_STACK (find_widget (GTK_WIDGET (window), GTK_TYPE_STACK, NULL));
  g_assert_nonnull (main_stack);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "recovery");
  page = ADW_STATUS_PAGE (find_widget (gtk_stack_get_visible_child (main_stack),
                                       ADW_TYPE_STATUS_PAGE, NULL));
  g_assert_nonnull (page);
  g_assert_nonnull (strstr (adw_status_page_get_description (page), db_path));

  /* Sections cannot be reached without a shop, and nothing is saved. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "feedback");
  g_assert_cmpstr (crm_window_get_section (CRM_WINDOW (window)), ==, "customers");
  crm_window_set_section (CRM_WINDOW (window), "insights");
  section = g_settings_get_string (settings, "last-section");
  g_assert_cmpstr (section, ==, "customers");
}

static void
test_window_damaged_database (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = make_data_dir ();
      g_autofree char *db = g_build_filename (dir, CRM_STORE_FILE_NAME, NULL);
      g_autofree char *after = NULL;
      const char *garbage = "This is not an SQLite database, but it is someone's data.";

      g_assert_true (g_file_set_contents (db, garbage, -1, &error));

      g_test_expect_message ("crm-application", G_LOG_LEVEL_WARNING, "*is damaged*");
      g_assert_cmpint (run_app (dir, check_error_page, db), ==, 0);
      g_test_assert_expected_messages ();

      g_assert_true (g_file_get_contents (db, &after, NULL, &error));
      g_assert_cmpstr (after, ==, garbage);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}


/* The window's pages: the AdwPreferencesPages below it that it named
 * ("general", "shop", …), not libadwaita's own search page. */
static void
collect_pages (GtkWidget *widget,
               GPtrArray *pages)
{
  if (ADW_IS_PREFERENCES_PAGE (widget) && g_ascii_islower (gtk_widget_get_name (widget)[0]))
    {
      g_ptr_array_add (pages, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_pages (child, pages);
}

static void
check_page_icons (GtkWindow *preferences)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  g_autoptr(GHashTable) icons = g_hash_table_new (g_str_hash, g_str_equal);

  collect_pages (GTK_WIDGET (preferences), pages);
  g_assert_cmpuint (pages->len, >=, 4);
  for (guint i = 0; i < pages->len; i++)
    {
      const char *icon = adw_preferences_page_get_icon_name (g_ptr_array_index (pages, i));

      g_assert_nonnull (icon);
      g_assert_false (g_hash_table_contains (icons, icon));
      g_hash_table_add (icons, (gpointer) icon);
    }
  /* The sidebar's Customers icon means customers, not the shop. */
  g_assert_false (g_hash_table_contains (icons, "system-users-symbolic"));
}

static void
check_preferences (CrmApplication *app,
                   GtkWindow      *window,
                   gpointer        data)
{
  GSettings *settings = crm_application_get_settings (app);
  AdwStyleManager *style = adw_style_manager_get_default ();
  CrmContext *context = crm_application_get_context (app);
  g_autofree char *stored = NULL;
  GtkWindow *preferences;
  AdwComboRow *style_row;
  AdwActionRow *database_row;

  g_assert_null (find_toplevel (CRM_TYPE_PREFERENCES_WINDOW));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = find_toplevel (CRM_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_true (gtk_window_get_transient_for (preferences) == window);

  /* The database row shows where the shop's file is. */
  database_row = ADW_ACTION_ROW (find_row (GTK_WIDGET (preferences), "Database"));
  g_assert_nonnull (database_row);
  g_assert_cmpstr (adw_action_row_get_subtitle (database_row), ==,
                   crm_store_get_path (crm_context_get_store (context)));

  /* It opens on its first page; each page has an icon of its own. */
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (preferences)))),
                   ==, "general");
  check_page_icons (preferences);

  style_row = ADW_COMBO_ROW (find_row (GTK_WIDGET (preferences), "_Style"));
  g_assert_nonnull (style_row);

  /* The style row and the setting follow each other, and the setting
   * drives libadwaita's style manager. */
  g_assert_cmpuint (adw_combo_row_get_selected (style_row), ==, 0);
  adw_combo_row_set_selected (style_row, 2);
  stored = g_settings_get_string (settings, "style");
  g_assert_cmpstr (stored, ==, "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);

  g_settings_set_string (settings, "style", "light");
  g_assert_cmpuint (adw_combo_row_get_selected (style_row), ==, 1);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);

  gtk_window_destroy (preferences);
}

/* Shop hours are typed as a time of day, to the minute. */
static void
check_shop_hours (CrmApplication *app,
                  GtkWindow      *window,
                  gpointer        data)
{
  CrmStore *store = crm_context_get_store (crm_application_get_context (app));
  GtkWindow *preferences;
  GtkWidget *row;
  GtkWidget *spin;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = find_toplevel (CRM_TYPE_PREFERENCES_WINDOW);
  crm_preferences_window_show_page (CRM_PREFERENCES_WINDOW (preferences), "reminders");

  row = find_row (GTK_WIDGET (preferences), "Shop _opens at");
  g_assert_nonnull (row);
  spin = find_widget (row, GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "9:00");

  gtk_editable_set_text (GTK_EDITABLE (spin), "9:30");
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  g_assert_cmpint (crm_store_get_setting_int (store, "reminders.opens", 0), ==, 9 * 60 + 30);

  /* Not a time: the field goes back to what was kept. */
  gtk_editable_set_text (GTK_EDITABLE (spin), "half past nine");
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  g_assert_cmpint (crm_store_get_setting_int (store, "reminders.opens", 0), ==, 9 * 60 + 30);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (spin)), ==, "9:30");

  row = find_row (GTK_WIDGET (preferences), "Shop _closes at");
  spin = find_widget (row, GTK_TYPE_SPIN_BUTTON, NULL);
  gtk_editable_set_text (GTK_EDITABLE (spin), "18.45");
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  g_assert_cmpint (crm_store_get_setting_int (store, "reminders.closes", 0), ==, 18 * 60 + 45);

  gtk_window_destroy (preferences);
}

static void
check_about_and_shortcuts (CrmApplication *app,
                           GtkWindow      *window,
                           gpointer        data)
{
  GtkWindow *about;
  GtkWindow *shortcuts;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, APP_ID);
  gtk_window_destroy (about);

  /* The shortcuts window comes from gtk/help-overlay.ui in our resources. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  gtk_window_close (shortcuts);
}

static void
check_language_switch (CrmApplication *app,
                       GtkWindow      *window,
                       gpointer        data)
{
  GSettings *settings = crm_application_get_settings (app);
  CrmContext *context = crm_application_get_context (app);
  CrmScheduler *scheduler = crm_context_get_scheduler (context);
  GtkWindow *rebuilt;

  crm_window_set_section (CRM_WINDOW (window), "follow-ups");

  /* Georgian, from inside the app: a new window in Georgian, on the same
   * section; the shop and its reminders go on untouched. */
  g_settings_set_string (settings, "language", "ka");
  spin_main_loop ();
  rebuilt = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (CRM_IS_WINDOW (rebuilt));
  g_assert_true (rebuilt != window);
  g_assert_cmpstr (crm_window_get_section (CRM_WINDOW (rebuilt)), ==, "follow-ups");
  g_assert_true (crm_application_get_context (app) == context);
  g_assert_true (crm_context_get_scheduler (context) == scheduler);
  g_assert_cmpint (crm_scheduler_get_wakeup (scheduler), >, 0);
  /* The headings are built from the .ui files: Georgian script now. */
  g_assert_nonnull (find_label (GTK_WIDGET (rebuilt), "შეხსენებები"));
  g_assert_null (find_label (GTK_WIDGET (rebuilt), "Follow-ups"));
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Follow-ups"), ==, "შეხსენებები");

  /* Armenian, then back to the system's. */
  g_settings_set_string (settings, "language", "hy");
  spin_main_loop ();
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Follow-ups"), ==, "Հիշեցումներ");
  g_assert_cmpstr (g_dgettext ("libadwaita", "Details"), ==, "Մանրամասներ");
  g_assert_cmpstr (g_dgettext ("gtk40", "Minimize"), ==, "Ծալել");
  g_settings_set_string (settings, "language", "");
  spin_main_loop ();
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Follow-ups"), ==, "Follow-ups");
  g_assert_cmpstr (g_dgettext ("gtk40", "Minimize"), ==, "Minimize");
}

/* Staff are added in Preferences; picking one at the foot of the sidebar
 * switches to their language and puts their name on what is entered. */
static void
check_staff (CrmApplication *app,
             GtkWindow      *window,
             gpointer        data)
{
  GSettings *settings = crm_application_get_settings (app);
  CrmStore *store = crm_context_get_store (crm_application_get_context (app));
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *language = NULL;
  CrmTimelineEntry *entry;
  CrmStaffMember *member;
  GtkWindow *preferences;
  GtkWindow *rebuilt;
  GtkWidget *name_row;
  gint64 customer, mariam;

  g_assert_nonnull (find_label (GTK_WIDGET (window), "Who Is at the Counter?"));

  g_action_group_activate_action (G_ACTION_GROUP (app), "manage-staff", NULL);
  preferences = find_toplevel (CRM_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_cmpstr (adw_preferences_page_get_title (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (preferences))),
                   ==, "Staff");

  /* A blank name is refused and nothing is added. */
  name_row = find_row (GTK_WIDGET (preferences), "_Name");
  g_assert_nonnull (name_row);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "   ");
  g_signal_emit_by_name (find_button (GTK_WIDGET (preferences), "A_dd"), "clicked");
  staff = crm_store_list_staff (store, TRUE);
  g_assert_cmpuint (staff->len, ==, 0);
  g_clear_pointer (&staff, g_ptr_array_unref);

  adw_combo_row_set_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (preferences), "L_anguage")), 2);
  gtk_editable_set_text (GTK_EDITABLE (name_row), "მარიამი");
  g_signal_emit_by_name (find_button (GTK_WIDGET (preferences), "A_dd"), "clicked");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "");
  staff = crm_store_list_staff (store, FALSE);
  g_assert_cmpuint (staff->len, ==, 1);
  member = g_ptr_array_index (staff, 0);
  g_assert_cmpstr (member->name, ==, "მარიამი");
  g_assert_cmpstr (member->language, ==, "ka");
  mariam = member->id;
  g_assert_nonnull (find_row (GTK_WIDGET (preferences), "მარიამი"));
  gtk_window_destroy (preferences);

  /* Mariam comes to the counter: Georgian, her name on the button and on
   * the purchase she enters. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "staff", g_variant_new_int64 (mariam));
  spin_main_loop ();
  language = g_settings_get_string (settings, "language");
  g_assert_cmpstr (language, ==, "ka");
  g_assert_cmpint (g_settings_get_int64 (settings, "staff"), ==, mariam);
  rebuilt = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (rebuilt != window);
  g_assert_nonnull (find_label (GTK_WIDGET (rebuilt), "მარიამი"));
  g_assert_nonnull (find_label (GTK_WIDGET (rebuilt), "კლიენტები"));

  customer = crm_store_add_customer (store, &(CrmCustomerFields) { .name = "Nino" }, &error);
  g_assert_no_error (error);
  crm_store_add_purchase (store, customer, crm_store_now (store), 1500, "", &error);
  g_assert_no_error (error);
  timeline = crm_store_list_timeline (store, customer, 5);
  entry = g_ptr_array_index (timeline, 0);
  g_assert_cmpstr (entry->staff, ==, "მარიამი");

  /* She leaves the shop: nobody is at the counter any more. */
  g_assert_true (crm_store_set_staff_archived (store, mariam, TRUE, &error));
  g_assert_cmpint (g_settings_get_int64 (settings, "staff"), ==, 0);
  g_assert_cmpint (g_variant_get_int64 (g_action_group_get_action_state (G_ACTION_GROUP (app), "staff")), ==, 0);
  g_assert_null (find_label (GTK_WIDGET (rebuilt), "მარიამი"));
  g_assert_nonnull (find_label (GTK_WIDGET (rebuilt), g_dgettext (GETTEXT_PACKAGE, "Who Is at the Counter?")));
}

static void
test_command_line_version (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(CrmApplication) app = crm_application_new ();
      char *argv[] = { (char *) "clientele", (char *) "--version", NULL };

      g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, argv), ==, 0);
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, 0);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("Clientele " PACKAGE_VERSION "\n");
}

static const UiCase ui_cases[] = {
  { "/ui/window/sections", NULL, check_sections },
  { "/ui/window/remembers-state", prepare_saved_state, check_restored_state },
  { "/ui/preferences/style", NULL, check_preferences },
  { "/ui/preferences/shop-hours", NULL, check_shop_hours },
  { "/ui/about-and-shortcuts", NULL, check_about_and_shortcuts },
  { "/ui/language-switch", NULL, check_language_switch },
  { "/ui/staff", NULL, check_staff },
};

int
main (int   argc,
      char *argv[])
{
  /* As main () does: the catalogues, and the locale left to the app. */
  crm_application_init_i18n ();
  gtk_test_init (&argc, &argv, NULL);

  add_ui_cases (ui_cases, G_N_ELEMENTS (ui_cases));
  g_test_add_func ("/ui/window/damaged-database", test_window_damaged_database);
  g_test_add_func ("/ui/command-line/version", test_command_line_version);

  return g_test_run ();
}
