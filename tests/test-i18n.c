/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The interface language comes out right: our catalogues from the build
 * tree, and libadwaita's and GTK's own strings where Debian 12 has no
 * catalogue for them. */

#include "config.h"

#include <glib/gi18n.h>

#include "crm-application.h"

static void
start_in_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");
  g_unsetenv ("LANG");

  crm_application_init_i18n ();
  adw_init ();
  crm_application_bind_supplements ();
}

static void
test_armenian (void)
{
  if (g_test_subprocess ())
    {
      start_in_language ("hy");
      g_assert_cmpstr (_("Customers"), ==, "Հաճախորդներ");
      g_assert_cmpstr (_("Follow-ups"), ==, "Հիշեցումներ");
      /* libadwaita's About window speaks Armenian too. */
      g_assert_cmpstr (g_dgettext ("libadwaita", "Details"), ==, "Մանրամասներ");
      g_assert_cmpstr (g_dgettext ("libadwaita", "_Report an Issue"), ==, "_Հայտնել խնդրի մասին");
      /* So do GTK's window buttons and file chooser. */
      g_assert_cmpstr (g_dgettext ("gtk40", "Minimize"), ==, "Ծալել");
      g_assert_cmpstr (g_dgettext ("gtk40", "Other Locations"), ==, "Այլ վայրեր");
      g_assert_cmpstr (g_dpgettext2 ("gtk40", "emoji category", "Flags"), ==, "Դրոշներ");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_georgian (void)
{
  if (g_test_subprocess ())
    {
      const char *details;
      const char *minimize;

      start_in_language ("ka");
      g_assert_cmpstr (_("Customers"), ==, "კლიენტები");
      g_assert_cmpstr (_("Insights"), ==, "მაჩვენებლები");

      /* libadwaita has Georgian of its own: ours must not shadow it, and
       * there is no Armenian leaking in. */
      details = g_dgettext ("libadwaita", "Details");
      g_assert_cmpstr (details, !=, "Մանրամասներ");
      g_assert_true (g_utf8_get_char (details) >= 0x10D0 && g_utf8_get_char (details) <= 0x10FF);
      /* GTK's own Georgian too. */
      minimize = g_dgettext ("gtk40", "Minimize");
      g_assert_true (g_utf8_get_char (minimize) >= 0x10D0 && g_utf8_get_char (minimize) <= 0x10FF);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_english (void)
{
  if (g_test_subprocess ())
    {
      start_in_language ("en");
      g_assert_cmpstr (_("Customers"), ==, "Customers");
      g_assert_cmpstr (g_dgettext ("libadwaita", "Details"), ==, "Details");
      g_assert_cmpstr (g_dgettext ("gtk40", "Minimize"), ==, "Minimize");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static GtkWidget *
find_close_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_has_css_class (widget, "close") &&
      gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW_CONTROLS) != NULL)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_close_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A language and what GTK's close button says in it. */
static const char *const window_buttons[][2] = {
  { "hy", "Փակել" },
  { "ka", "დახურვა" },
  { "en", "Close" },
};

/* The close button GTK puts on a libadwaita header bar, as the main
 * window and every dialog have, reads in the interface language. */
static void
test_window_buttons (gconstpointer data)
{
  const char *const *expected = data;

  if (g_test_subprocess ())
    {
      GtkWidget *window;
      GtkWidget *close;
      char *problem;

      start_in_language (expected[0]);
      window = adw_window_new ();
      adw_window_set_content (ADW_WINDOW (window), adw_header_bar_new ());
      gtk_window_present (GTK_WINDOW (window));
      while (g_main_context_iteration (NULL, FALSE))
        ;

      close = find_close_button (window);
      g_assert_nonnull (close);
      problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (close), GTK_ACCESSIBLE_PROPERTY_LABEL, expected[1]);
      if (problem != NULL)
        g_error ("The close button is not labelled “%s”: %s", expected[1], problem);
      gtk_window_destroy (GTK_WINDOW (window));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/i18n/armenian", test_armenian);
  g_test_add_func ("/i18n/georgian", test_georgian);
  g_test_add_func ("/i18n/english", test_english);
  for (guint i = 0; i < G_N_ELEMENTS (window_buttons); i++)
    {
      g_autofree char *path = g_strdup_printf ("/i18n/window-buttons/%s", window_buttons[i][0]);

      g_test_add_data_func (path, window_buttons[i], test_window_buttons);
    }

  return g_test_run ();
}
