/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-application"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "crm-application-private.h"
#include "crm-window.h"

/* The interface language: gettext set up before anything is translated,
 * switched at run time without touching the system (LANGUAGE and
 * setlocale (LC_MESSAGES) again, then the window is built anew), and the
 * libraries' own strings supplemented where Debian 12 lacks a language. */

/* Libraries whose Debian 12 catalogues lack a language Clientele speaks.
 * Clientele ships their strings (po/<library>/, installed under
 * SUPPLEMENT_LOCALEDIR) and binds them only when the library has no
 * catalogue of its own for the interface language. The probe is a message
 * the library always shows (libadwaita's About window has "Details"):
 * translated means the library already speaks the language. One row per
 * library. */
static struct {
  const char *domain;
  const char *probe;
  char       *own_dir;  /* the library's own catalogues, saved at first use */
} supplements[] = {
  { "libadwaita", "Details", NULL },
  { "gtk40", "Minimize", NULL },
};

/* LANGUAGE as the session set it, for "follow the system". */
static char *system_language;
static gboolean system_language_saved;

static void
set_messages_locale (void)
{
  const char *messages;

  setlocale (LC_MESSAGES, "");

  /* gettext ignores LANGUAGE under the C locale; C.UTF-8 keeps the
   * behaviour of C and lets LANGUAGE=ka or hy choose a catalogue. */
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    setlocale (LC_MESSAGES, "C.UTF-8");
}

/* The folder, out of @dirs, with @domain's catalogue for the most specific
 * language the environment asks for ("hy" for LANGUAGE=hy, "hy_AM.UTF-8"
 * for LANG=hy_AM.UTF-8), or %NULL. */
static const char *
find_supplement (const char * const *dirs,
                 const char         *domain)
{
  const char * const *languages = g_get_language_names ();
  g_autofree char *file = g_strconcat (domain, ".mo", NULL);

  for (guint i = 0; languages[i] != NULL; i++)
    {
      if (g_str_equal (languages[i], "C"))
        break;

      for (guint d = 0; dirs[d] != NULL; d++)
        {
          g_autofree char *path = g_build_filename (dirs[d], languages[i], "LC_MESSAGES",
                                                    file, NULL);

          if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
            return dirs[d];
        }
    }

  return NULL;
}

/**
 * crm_application_bind_supplements:
 *
 * Debian 12's libadwaita has no Armenian, so its About and Preferences
 * windows would speak English inside an Armenian interface. Points each
 * library of the supplements table at Clientele's catalogue of its strings
 * where the interface language needs it. CLIENTELE_SUPPLEMENT_LOCALEDIR
 * (a list of folders, separated as in PATH) replaces the installed folder
 * when running uninstalled. Call after adw_init().
 */
void
crm_application_bind_supplements (void)
{
  const char *env = g_getenv ("CLIENTELE_SUPPLEMENT_LOCALEDIR");
  g_auto(GStrv) dirs = NULL;

  if (env != NULL && *env != '\0')
    dirs = g_strsplit (env, G_SEARCHPATH_SEPARATOR_S, -1);
  else
    dirs = g_strsplit (SUPPLEMENT_LOCALEDIR, G_SEARCHPATH_SEPARATOR_S, -1);

  for (guint i = 0; i < G_N_ELEMENTS (supplements); i++)
    {
      const char *domain = supplements[i].domain;
      const char *dir;

      /* Start from the library's own catalogues each time: the language
       * may have changed since a supplement was bound. */
      if (supplements[i].own_dir == NULL)
        supplements[i].own_dir = g_strdup (bindtextdomain (domain, NULL));
      bindtextdomain (domain, supplements[i].own_dir);

      dir = find_supplement ((const char * const *) dirs, domain);
      if (dir == NULL)
        continue;

      /* Ours must never shadow the library's own translation. */
      if (g_strcmp0 (g_dgettext (domain, supplements[i].probe), supplements[i].probe) != 0)
        continue;

      bindtextdomain (domain, dir);
      bind_textdomain_codeset (domain, "UTF-8");
    }
}

/**
 * crm_application_set_language:
 * @language: "en", "ka", "hy", or "" (or %NULL) to follow the system
 *
 * Switches the language gettext answers in, for this process, without
 * touching the system's settings. Widgets built afterwards speak it.
 */
void
crm_application_set_language (const char *language)
{
  if (!system_language_saved)
    {
      system_language = g_strdup (g_getenv ("LANGUAGE"));
      system_language_saved = TRUE;
    }

  if (language != NULL && language[0] != '\0')
    g_setenv ("LANGUAGE", language, TRUE);
  else if (system_language != NULL)
    g_setenv ("LANGUAGE", system_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  set_messages_locale ();
  /* Setting the domain again makes gettext drop what it cached. */
  textdomain (GETTEXT_PACKAGE);
  crm_application_bind_supplements ();
}

/**
 * crm_application_init_i18n:
 *
 * Sets up gettext before anything is translated. CLIENTELE_LOCALEDIR points
 * at the build tree's catalogues when running uninstalled (meson devenv).
 */
void
crm_application_init_i18n (void)
{
  const char *localedir = g_getenv ("CLIENTELE_LOCALEDIR");

  setlocale (LC_ALL, "");
  set_messages_locale ();

  /* GTK would call setlocale (LC_ALL, "") again at start-up and undo the
   * C.UTF-8 above; the locale is ours to set. */
  gtk_disable_setlocale ();

  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* GLib decides once, at the first g_dgettext () (GtkBuilder's), whether
   * to translate at all, and says no for an untranslated C.UTF-8 start.
   * Let it decide with one of our languages in place, so that switching
   * to Georgian or Armenian later translates the .ui files too. */
  {
    g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

    g_setenv ("LANGUAGE", "ka", TRUE);
    (void) g_dgettext (GETTEXT_PACKAGE, "");
    if (saved != NULL)
      g_setenv ("LANGUAGE", saved, TRUE);
    else
      g_unsetenv ("LANGUAGE");
  }
}

/* Takes @language. */
static void
switch_to (CrmApplication *self,
           char           *language)
{
  g_free (self->applied_language);
  self->applied_language = language;
  crm_application_set_language (self->applied_language);
  /* The scheduler and the notifier go on untouched. */
  crm_application_rebuild_window (self, TRUE);
}

static void
language_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      CrmApplication   *self)
{
  if (g_str_equal (response, "switch"))
    {
      switch_to (self, g_settings_get_string (self->settings, "language"));
    }
  else
    {
      /* Keep editing: the choice goes back to what the window speaks. */
      g_settings_set_string (self->settings, "language", self->applied_language);
    }
}

static void
language_changed_cb (CrmApplication *self)
{
  g_autofree char *language = g_settings_get_string (self->settings, "language");
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (g_strcmp0 (language, self->applied_language) == 0)
    return;

  /* Nothing typed is dropped without asking. */
  if (CRM_IS_WINDOW (window) && crm_window_has_unsaved_changes (CRM_WINDOW (window)))
    {
      GtkWidget *dialog;

      dialog = adw_message_dialog_new (window, _("Switch Language?"),
                                       _("The changes to this customer are not saved yet. "
                                         "Switching the language now drops them."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "keep", _("_Keep Editing"),
                                        "switch", _("_Switch"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "switch",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
      g_signal_connect (dialog, "response", G_CALLBACK (language_response_cb), self);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  switch_to (self, g_steal_pointer (&language));
}

/* At start-up, before any window: the person's language, not necessarily
 * the system's, and a new window whenever it changes. */
void
crm_application_language_init (CrmApplication *self)
{
  self->applied_language = g_settings_get_string (self->settings, "language");
  crm_application_set_language (self->applied_language);
  g_signal_connect_swapped (self->settings, "changed::language",
                            G_CALLBACK (language_changed_cb), self);
}
