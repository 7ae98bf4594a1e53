/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The interface language comes out right: our catalogues from the build
 * tree, and libadwaita's own strings where Debian 12 has no catalogue. */

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

      start_in_language ("ka");
      g_assert_cmpstr (_("Customers"), ==, "კლიენტები");
      g_assert_cmpstr (_("Insights"), ==, "მაჩვენებლები");

      /* libadwaita has Georgian of its own: ours must not shadow it, and
       * there is no Armenian leaking in. */
      details = g_dgettext ("libadwaita", "Details");
      g_assert_cmpstr (details, !=, "Մանրամասներ");
      g_assert_true (g_utf8_get_char (details) >= 0x10D0 && g_utf8_get_char (details) <= 0x10FF);
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

  return g_test_run ();
}
