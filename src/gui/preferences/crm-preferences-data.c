/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-choose-file.h"
#include "crm-dates.h"
#include "crm-preferences-data.h"
#include "crm-store-backup.h"
#include "crm-store.h"

/* Preferences → Shop Data: where the database is, the last good backup,
 * Back Up Now, and the second folder that gets a copy of each day's
 * backup. A second folder that is not there (a USB stick left at home) is
 * a quiet line under it, never a dialog. */
struct _CrmPreferencesData
{
  AdwPreferencesPage    parent_instance;

  GSettings            *settings;
  CrmContext           *context;

  AdwPreferencesGroup  *database_group;
  AdwActionRow         *database_row;
  GtkWidget            *open_data_button;
  AdwActionRow         *last_backup_row;
  AdwActionRow         *backups_folder_row;
  AdwActionRow         *second_folder_row;
  GtkStack             *back_up_stack;
  GtkWidget            *clear_second_button;
};

G_DEFINE_FINAL_TYPE (CrmPreferencesData, crm_preferences_data, ADW_TYPE_PREFERENCES_PAGE)

static void
open_folder (CrmPreferencesData *self,
             const char         *path)
{
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (folder);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
open_data_folder_cb (CrmPreferencesData *self)
{
  open_folder (self, crm_context_get_data_dir (self->context));
}

static void
open_backups_folder_cb (CrmPreferencesData *self)
{
  g_autofree char *folder = crm_store_backup_folder (crm_context_get_data_dir (self->context));

  /* There is none before the first backup. */
  g_mkdir_with_parents (folder, 0700);
  open_folder (self, folder);
}

static void
update_backup (CrmPreferencesData *self)
{
  gboolean running = crm_context_is_backing_up (self->context);
  gint64 last = crm_context_get_last_backup (self->context);
  const char *failed = crm_context_get_backup_error (self->context);
  g_autofree char *subtitle = NULL;

  gtk_stack_set_visible_child_name (self->back_up_stack, running ? "running" : "button");

  if (running)
    subtitle = g_strdup (_("Backing up now…"));
  else if (failed != NULL)
    /* Translators: %s says why the backup failed */
    subtitle = g_strdup_printf (_("The last backup failed: %s"), failed);
  else if (last > 0)
    subtitle = crm_text_format_date (last, TRUE);
  else
    subtitle = g_strdup (_("None yet"));

  adw_action_row_set_subtitle (self->last_backup_row, subtitle);
}

static void
update_second_folder (CrmPreferencesData *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "backup-folder");
  const char *note = crm_context_get_backup_note (self->context);
  g_autofree char *subtitle = NULL;

  if (folder[0] == '\0')
    subtitle = g_strdup (_("None"));
  else if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    /* Translators: %s is a folder on a USB stick that is not plugged in */
    subtitle = g_strdup_printf (_("%s — not there now; it gets a copy at the next backup when it is"),
                                folder);
  else if (note != NULL)
    subtitle = g_strdup_printf ("%s — %s", folder, note);
  else
    subtitle = g_strdup (folder);

  adw_action_row_set_subtitle (self->second_folder_row, subtitle);
  gtk_widget_set_visible (self->clear_second_button, folder[0] != '\0');
}

static void
back_up_now_cb (CrmPreferencesData *self)
{
  crm_context_back_up_now (self->context);
}

static void
clear_second_folder_cb (CrmPreferencesData *self)
{
  g_settings_set_string (self->settings, "backup-folder", "");
}

static void
folder_chosen_cb (GtkWidget  *widget,
                  const char *path)
{
  g_settings_set_string (CRM_PREFERENCES_DATA (widget)->settings, "backup-folder", path);
}

static void
choose_second_folder_cb (CrmPreferencesData *self)
{
  crm_choose_file (GTK_WIDGET (self), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                   _("Choose the Second Backup Folder"), _("_Choose"), NULL, NULL, folder_chosen_cb);
}

static void
crm_preferences_data_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_PREFERENCES_DATA);

  G_OBJECT_CLASS (crm_preferences_data_parent_class)->dispose (object);
}

static void
crm_preferences_data_finalize (GObject *object)
{
  CrmPreferencesData *self = CRM_PREFERENCES_DATA (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (crm_preferences_data_parent_class)->finalize (object);
}

static void
crm_preferences_data_class_init (CrmPreferencesDataClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_preferences_data_dispose;
  object_class->finalize = crm_preferences_data_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/crm-preferences-data.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesData, database_group);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesData, database_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesData, open_data_button);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesData, last_backup_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesData, backups_folder_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesData, second_folder_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesData, back_up_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesData, clear_second_button);
  gtk_widget_class_bind_template_callback (widget_class, open_data_folder_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_backups_folder_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_up_now_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_second_folder_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_second_folder_cb);
}

static void
crm_preferences_data_init (CrmPreferencesData *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * crm_preferences_data_new:
 * @context: the open shop
 *
 * Returns: (transfer floating): the Shop Data page
 */
GtkWidget *
crm_preferences_data_new (GSettings  *settings,
                          CrmContext *context)
{
  CrmPreferencesData *self;
  g_autofree char *folder = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (CRM_IS_CONTEXT (context), NULL);

  self = g_object_new (CRM_TYPE_PREFERENCES_DATA, NULL);
  self->settings = g_object_ref (settings);
  self->context = g_object_ref (context);

  adw_action_row_set_subtitle (self->database_row, crm_store_get_path (crm_context_get_store (context)));
  /* On a shared database the file in the data folder is not the shop;
   * the backups below are this PC's copies of the server's shop. */
  if (crm_context_get_database (context) != NULL)
    {
      adw_preferences_group_set_title (self->database_group, _("The Shared Database"));
      adw_preferences_group_set_description (self->database_group,
                                             _("Everything about your customers is kept in a shared database "
                                               "that all of this shop’s PCs use at once. This PC keeps its own "
                                               "daily copies of it in the backups folder below."));
      gtk_widget_set_visible (self->open_data_button, FALSE);
    }
  folder = crm_store_backup_folder (crm_context_get_data_dir (context));
  adw_action_row_set_subtitle (self->backups_folder_row, folder);

  g_signal_connect_object (context, "notify::backing-up", G_CALLBACK (update_backup), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::last-backup", G_CALLBACK (update_backup), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::backup-error", G_CALLBACK (update_backup), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::backup-note", G_CALLBACK (update_second_folder), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::backup-folder", G_CALLBACK (update_second_folder), self,
                           G_CONNECT_SWAPPED);
  update_backup (self);
  update_second_folder (self);

  return GTK_WIDGET (self);
}
