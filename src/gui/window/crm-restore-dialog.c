/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-choose-file.h"
#include "crm-dates.h"
#include "crm-restore-dialog.h"
#include "crm-store-backup.h"

/* The first step of Restore…: which backup, from the shop's backups
 * folder or any file. Choosing one emits "file-chosen" and closes; the
 * window then shows what it holds before anything changes. */
struct _CrmRestoreDialog
{
  AdwWindow             parent_instance;

  AdwPreferencesGroup  *backups_group;
  GtkWidget            *no_backups_label;
};

G_DEFINE_FINAL_TYPE (CrmRestoreDialog, crm_restore_dialog, ADW_TYPE_WINDOW)

enum {
  FILE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
kind_label (CrmBackupKind kind)
{
  switch (kind)
    {
    case CRM_BACKUP_DAILY:
      return _("Daily backup");
    case CRM_BACKUP_MONTHLY:
      return _("Monthly backup");
    case CRM_BACKUP_BEFORE_UPDATE:
      return _("Made before Clientele updated the shop’s data");
    case CRM_BACKUP_BEFORE_RESTORE:
      return _("The shop as it was before a restore");
    case CRM_BACKUP_DAMAGED:
    default:
      return "";
    }
}

static void
choose (CrmRestoreDialog *self,
        const char       *path)
{
  g_autofree char *chosen = g_strdup (path);

  g_signal_emit (self, signals[FILE_CHOSEN], 0, chosen);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
row_activated_cb (AdwActionRow     *row,
                  CrmRestoreDialog *self)
{
  choose (self, g_object_get_data (G_OBJECT (row), "crm-path"));
}

static void
file_chosen_cb (GtkWidget  *widget,
                const char *path)
{
  choose (CRM_RESTORE_DIALOG (widget), path);
}

static void
choose_file_clicked_cb (CrmRestoreDialog *self)
{
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();

  gtk_file_filter_set_name (databases, _("Clientele Backups"));
  gtk_file_filter_add_pattern (databases, "*.db");
  crm_choose_file (GTK_WIDGET (self), GTK_FILE_CHOOSER_ACTION_OPEN, _("Choose a Backup"), _("_Choose"),
                   NULL, databases, file_chosen_cb);
}

static void
fill (CrmRestoreDialog *self,
      const char       *data_dir)
{
  g_autofree char *folder = crm_store_backup_folder (data_dir);
  g_autoptr(GPtrArray) backups = crm_store_list_backups (folder);
  guint shown = 0;

  for (guint i = 0; i < backups->len; i++)
    {
      CrmBackup *backup = g_ptr_array_index (backups, i);
      g_autofree char *when = NULL;
      GtkWidget *row;

      /* A damaged file set aside is kept, not offered. */
      if (backup->kind == CRM_BACKUP_DAMAGED)
        continue;

      when = crm_text_format_date (backup->made_at, TRUE);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), kind_label (backup->kind));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "crm-path", g_strdup (backup->path), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (row_activated_cb), self);
      adw_preferences_group_add (self->backups_group, row);
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->backups_group), shown > 0);
  gtk_widget_set_visible (self->no_backups_label, shown == 0);
}

static void
crm_restore_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CRM_TYPE_RESTORE_DIALOG);

  G_OBJECT_CLASS (crm_restore_dialog_parent_class)->dispose (object);
}

static void
crm_restore_dialog_class_init (CrmRestoreDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_restore_dialog_dispose;

  /**
   * CrmRestoreDialog::file-chosen:
   * @path: the backup or file chosen
   */
  signals[FILE_CHOSEN] =
    g_signal_new ("file-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/crm-restore-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmRestoreDialog, backups_group);
  gtk_widget_class_bind_template_child (widget_class, CrmRestoreDialog, no_backups_label);
  gtk_widget_class_bind_template_callback (widget_class, choose_file_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crm_restore_dialog_init (CrmRestoreDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * crm_restore_dialog_new:
 * @data_dir: the shop's folder, whose backups are listed
 *
 * Returns: (transfer none): the dialog, to present
 */
GtkWindow *
crm_restore_dialog_new (GtkWindow  *parent,
                        const char *data_dir)
{
  CrmRestoreDialog *self = g_object_new (CRM_TYPE_RESTORE_DIALOG,
                                         "transient-for", parent,
                                         NULL);

  fill (self, data_dir);
  return GTK_WINDOW (self);
}
