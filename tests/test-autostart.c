/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "crm-autostart.h"

static void
test_autostart (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = crm_autostart_path ();
  g_autofree char *contents = NULL;
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_autofree char *exec = NULL;

  /* The test's own XDG folders, never the real ones. */
  g_assert_true (g_str_has_prefix (path, g_get_user_config_dir ()));
  g_assert_true (g_str_has_suffix (path, "/autostart/" APP_ID ".desktop"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (crm_autostart_set (TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_key_file_load_from_file (entry, path, G_KEY_FILE_NONE, &error));
  exec = g_key_file_get_string (entry, "Desktop Entry", "Exec", &error);
  g_assert_cmpstr (exec, ==, "clientele --background");

  /* Twice is fine; off removes it; off again is fine too. */
  g_assert_true (crm_autostart_set (TRUE, &error));
  g_assert_true (crm_autostart_set (FALSE, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (crm_autostart_set (FALSE, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/autostart/write-and-remove", test_autostart);

  return g_test_run ();
}
