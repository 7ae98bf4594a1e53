/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Handing a link to the desktop's handler (a mail program, WhatsApp…),
 * and the clipboard. */

#define G_LOG_DOMAIN "crm-open-uri"

#include "config.h"

#include <glib/gstdio.h>

#include "crm-open-uri.h"

/**
 * crm_open_uri:
 *
 * Opens @uri with the desktop's handler for its scheme (gtk_show_uri()).
 *
 * For tests only: when CLIENTELE_URI_LOG names a file, the link is
 * appended to it, one per line, and nothing is opened, so that a test
 * sees exactly what would have been handed over without a browser or a
 * messenger on the machine. HACKING.md documents it; the app never sets
 * it.
 */
void
crm_open_uri (GtkWindow  *parent,
              const char *uri)
{
  const char *log = g_getenv ("CLIENTELE_URI_LOG");

  g_return_if_fail (uri != NULL);

  if (log != NULL && log[0] != '\0')
    {
      FILE *file = g_fopen (log, "a");

      if (file != NULL)
        {
          fprintf (file, "%s\n", uri);
          fclose (file);
        }
      return;
    }

  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}

void
crm_copy_text (GtkWidget  *widget,
               const char *text)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text != NULL ? text : "");
}
