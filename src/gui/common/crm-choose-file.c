/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-choose-file.h"

/* One way to ask for a file or a folder: the native chooser (the portal
 * where there is one), modal on @owner's window, its answer a path. */

typedef struct
{
  GWeakRef           owner;
  CrmFileChosenFunc  done;
} Choice;

static void
choice_free (Choice *choice)
{
  g_weak_ref_clear (&choice->owner);
  g_free (choice);
}

static void
response_cb (GtkNativeDialog *chooser,
             int              response,
             Choice          *choice)
{
  g_autoptr(GtkWidget) owner = g_weak_ref_get (&choice->owner);
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (owner != NULL && path != NULL)
    choice->done (owner, path);
  choice_free (choice);
}

/**
 * crm_choose_file:
 * @action: open a file, save one, or choose a folder
 * @suggested_name: (nullable): the name offered when saving
 * @filter: (nullable): the kind of file to show first; "All Files" follows
 */
void
crm_choose_file (GtkWidget            *owner,
                 GtkFileChooserAction  action,
                 const char           *title,
                 const char           *accept,
                 const char           *suggested_name,
                 GtkFileFilter        *filter,
                 CrmFileChosenFunc     done)
{
  GtkRoot *root = gtk_widget_get_root (owner);
  GtkFileChooserNative *chooser;
  Choice *choice = g_new0 (Choice, 1);

  chooser = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         action, accept, NULL);
  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);
  if (filter != NULL)
    {
      g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

      gtk_file_filter_set_name (all, _("All Files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  g_weak_ref_init (&choice->owner, owner);
  choice->done = done;
  g_signal_connect (chooser, "response", G_CALLBACK (response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
