/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-shortcuts"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-shortcuts.h"

/* The shortcuts window, built from the application's accelerators so it
 * cannot drift from them: a row names an action and GTK shows whatever
 * keys the application gave it; an action with keys and no row here still
 * shows, under its own name (a test fails on that). Keys that belong to
 * one widget (Enter on a row, Ctrl+S on the customer page) have no action
 * of the application and are listed by their key. */

typedef struct
{
  const char *title;
  const char *action;       /* the detailed action, or NULL */
  const char *accelerator;  /* when not an action's */
} Shortcut;

typedef struct
{
  const char     *title;
  const Shortcut *shortcuts;
} Group;

static const Shortcut general[] = {
  { N_("Preferences"), "app.preferences" },
  { N_("Keyboard Shortcuts"), "win.show-help-overlay" },
  { N_("Main Menu"), NULL, "F10" },
  { N_("Close Window"), "window.close" },
  { N_("Quit"), "app.quit" },
  { NULL }
};

static const Shortcut customers[] = {
  { N_("Add a customer"), "win.new-customer" },
  { N_("Search customers"), "win.find" },
  { N_("Open the customer"), NULL, "Return" },
  { N_("Archive the customer"), NULL, "Delete" },
  { N_("Edit the customer’s details"), NULL, "<Control>e" },
  { N_("Save the customer"), NULL, "<Control>s" },
  { N_("Back to the list"), NULL, "Escape" },
  { NULL }
};

static const Shortcut follow_ups[] = {
  { N_("New follow-up"), "win.new-follow-up" },
  { NULL }
};

static const Shortcut feedback[] = {
  { N_("New feedback"), "win.new-feedback" },
  { N_("Save the feedback"), NULL, "<Control>Return" },
  { NULL }
};

static const Shortcut sections[] = {
  { N_("Customers"), "win.show-section::customers" },
  { N_("Follow-ups"), "win.show-section::follow-ups" },
  { N_("Feedback"), "win.show-section::feedback" },
  { N_("Insights"), "win.show-section::insights" },
  { NULL }
};

static const Group groups[] = {
  { N_("General"), general },
  { N_("Customers"), customers },
  { N_("Follow-ups"), follow_ups },
  { N_("Feedback"), feedback },
  { N_("Sections"), sections },
};

static gboolean
listed (const char *action)
{
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    for (const Shortcut *s = groups[i].shortcuts; s->title != NULL; s++)
      if (g_strcmp0 (s->action, action) == 0)
        return TRUE;

  return FALSE;
}

static void
append_shortcut (GString    *xml,
                 const char *title,
                 const char *action,
                 const char *accelerator)
{
  g_autofree char *title_text = g_markup_escape_text (title, -1);
  g_autofree char *value = g_markup_escape_text (action ? action : accelerator, -1);

  g_string_append_printf (xml,
                          "<child><object class='GtkShortcutsShortcut'>"
                          "<property name='title'>%s</property>"
                          "<property name='%s'>%s</property>"
                          "</object></child>",
                          title_text, action ? "action-name" : "accelerator", value);
}

static void
open_group (GString    *xml,
            const char *title)
{
  g_autofree char *text = g_markup_escape_text (title, -1);

  g_string_append_printf (xml,
                          "<child><object class='GtkShortcutsGroup'>"
                          "<property name='title'>%s</property>",
                          text);
}

/**
 * crm_shortcuts_window_attach:
 * @window: a window with its application
 *
 * Gives @window its shortcuts window (win.show-help-overlay), in the
 * language of the moment: a window rebuilt after a language switch builds
 * a new one.
 */
void
crm_shortcuts_window_attach (GtkApplicationWindow *window)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  g_autoptr(GString) xml = g_string_new ("<interface><object class='GtkShortcutsWindow' id='help_overlay'>"
                                         "<property name='modal'>True</property>"
                                         "<child><object class='GtkShortcutsSection'>"
                                         "<property name='section-name'>shortcuts</property>"
                                         "<property name='max-height'>16</property>");
  g_autoptr(GtkBuilder) builder = NULL;
  g_auto(GStrv) actions = NULL;
  gboolean other = FALSE;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (GTK_IS_APPLICATION (app));

  actions = gtk_application_list_action_descriptions (app);

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      open_group (xml, _(groups[i].title));
      for (const Shortcut *s = groups[i].shortcuts; s->title != NULL; s++)
        append_shortcut (xml, _(s->title), s->action, s->accelerator);
      g_string_append (xml, "</object></child>");
    }

  /* Keys added without a row above: shown all the same. */
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (app, actions[i]);

      if (accels[0] == NULL || listed (actions[i]))
        continue;
      if (!other)
        open_group (xml, _("Other"));
      other = TRUE;
      append_shortcut (xml, actions[i], actions[i], NULL);
    }
  if (other)
    g_string_append (xml, "</object></child>");

  g_string_append (xml, "</object></child></object></interface>");

  builder = gtk_builder_new ();
  if (!gtk_builder_add_from_string (builder, xml->str, -1, &error))
    g_error ("The shortcuts window: %s", error->message);

  /* The window is GTK's, as a toplevel; the application window keeps it. */
  gtk_application_window_set_help_overlay (window,
                                           GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay")));
}
