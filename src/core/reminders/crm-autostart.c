/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-autostart"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "crm-autostart.h"
#include "crm-file-writer.h"

/**
 * crm_autostart_path:
 *
 * Returns: (transfer full): where the XDG autostart entry lives
 */
char *
crm_autostart_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".desktop", NULL);
}

/**
 * crm_autostart_set:
 * @enabled: start Clientele in the background at login
 *
 * Writes or removes the user's XDG autostart entry, which starts the app
 * without a window so that reminders pop up from the first minute.
 */
gboolean
crm_autostart_set (gboolean   enabled,
                   GError   **error)
{
  g_autofree char *path = crm_autostart_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  static const char entry[] =
    "[Desktop Entry]\n"
    "Type=Application\n"
    "Name=Clientele\n"
    "Comment=Follow-up reminders for the shop\n"
    "Exec=clientele --background\n"
    "Icon=" APP_ID "\n"
    "Terminal=false\n"
    "X-GNOME-Autostart-enabled=true\n";

  if (!enabled)
    {
      if (g_remove (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       "%s: %s", path, g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  {
    g_autoptr(GFile) file = g_file_new_for_path (path);

    return crm_file_writer_replace_contents (file, entry, sizeof entry - 1, error);
  }
}
