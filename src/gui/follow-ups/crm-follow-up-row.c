/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-follow-up-row"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-accessible.h"
#include "crm-follow-up-dialog.h"
#include "crm-follow-up-row.h"
#include "crm-format.h"
#include "crm-scheduler.h"
#include "crm-send-dialog.h"
#include "crm-text.h"

/* One follow-up in a list, with what can be done about it right there:
 * done, snooze, pick another time (activating the row edits it), delete. */
struct _CrmFollowUpRow
{
  AdwActionRow  parent_instance;

  CrmContext   *context;
  CrmFollowUp  *follow_up;

  GtkImage     *state_icon;
  GtkWidget    *done_button;
  GtkWidget    *snooze_button;
};

G_DEFINE_FINAL_TYPE (CrmFollowUpRow, crm_follow_up_row, ADW_TYPE_ACTION_ROW)

static CrmStore *
get_store (CrmFollowUpRow *self)
{
  return crm_context_get_store (self->context);
}

static void
report (CrmFollowUpRow *self,
        GError         *error)
{
  if (error != NULL)
    crm_format_toast (GTK_WIDGET (self), error->message);
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrmFollowUpRow *self = CRM_FOLLOW_UP_ROW (widget);
  g_autoptr(GError) error = NULL;

  crm_store_complete_follow_up (get_store (self), crm_follow_up_get_id (self->follow_up), &error);
  report (self, error);
}

static void
snooze_until (CrmFollowUpRow *self,
              gint64          until)
{
  g_autoptr(GError) error = NULL;

  crm_store_snooze_follow_up (get_store (self), crm_follow_up_get_id (self->follow_up), until, &error);
  report (self, error);
}

static void
snooze_hour_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CrmFollowUpRow *self = CRM_FOLLOW_UP_ROW (widget);

  snooze_until (self, crm_store_now (get_store (self)) + 60 * 60);
}

static void
snooze_tomorrow_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CrmFollowUpRow *self = CRM_FOLLOW_UP_ROW (widget);
  CrmScheduler *scheduler = crm_context_get_scheduler (self->context);

  snooze_until (self, crm_scheduler_next_opening (scheduler, crm_store_now (get_store (self))));
}

/* A message to the customer the follow-up is about (docs/messages.md). */
static void
send_message_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CrmFollowUpRow *self = CRM_FOLLOW_UP_ROW (widget);
  GtkWindow *dialog;

  if (self->follow_up == NULL)
    return;

  dialog = crm_send_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), get_store (self),
                                crm_follow_up_get_customer_id (self->follow_up), NULL);
  if (dialog != NULL)
    gtk_window_present (dialog);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrmFollowUpRow *self = CRM_FOLLOW_UP_ROW (widget);
  GtkWindow *dialog;

  dialog = crm_follow_up_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), get_store (self),
                                     0, crm_follow_up_get_id (self->follow_up));
  gtk_window_present (dialog);
}

typedef struct
{
  CrmStore    *store;
  CrmFollowUp *follow_up;
} Deleted;

static void
deleted_free (Deleted *deleted)
{
  g_clear_object (&deleted->store);
  g_clear_object (&deleted->follow_up);
  g_free (deleted);
}

static void
undo_delete_cb (AdwToast *toast,
                Deleted  *deleted)
{
  g_autoptr(GError) error = NULL;
  CrmFollowUp *f = deleted->follow_up;

  /* Written again as it was; it gets a new id, which nobody keeps. */
  if (crm_store_add_follow_up (deleted->store, crm_follow_up_get_customer_id (f),
                               crm_follow_up_get_when (f), crm_follow_up_get_note (f),
                               crm_follow_up_get_repeat_days (f), &error) == 0)
    g_warning ("Could not undo: %s", error->message);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrmFollowUpRow *self = CRM_FOLLOW_UP_ROW (widget);
  g_autoptr(GError) error = NULL;
  Deleted *deleted;
  AdwToast *toast;

  deleted = g_new0 (Deleted, 1);
  deleted->store = g_object_ref (get_store (self));
  deleted->follow_up = g_object_ref (self->follow_up);

  if (!crm_store_delete_follow_up (get_store (self), crm_follow_up_get_id (self->follow_up), &error))
    {
      deleted_free (deleted);
      report (self, error);
      return;
    }

  toast = adw_toast_new (_("Follow-up deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_cb), deleted,
                         (GClosureNotify) (void (*) (void)) deleted_free, 0);
  crm_format_add_toast (GTK_WIDGET (self), toast);
}

static void
crm_follow_up_row_dispose (GObject *object)
{
  CrmFollowUpRow *self = CRM_FOLLOW_UP_ROW (object);

  g_clear_object (&self->context);
  g_clear_object (&self->follow_up);

  G_OBJECT_CLASS (crm_follow_up_row_parent_class)->dispose (object);
}

static void
crm_follow_up_row_class_init (CrmFollowUpRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_follow_up_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/crm-follow-up-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpRow, state_icon);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpRow, done_button);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpRow, snooze_button);

  gtk_widget_class_install_action (widget_class, "follow-up.done", NULL, done_action);
  gtk_widget_class_install_action (widget_class, "follow-up.snooze-hour", NULL, snooze_hour_action);
  gtk_widget_class_install_action (widget_class, "follow-up.snooze-tomorrow", NULL, snooze_tomorrow_action);
  gtk_widget_class_install_action (widget_class, "follow-up.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "follow-up.send-message", NULL, send_message_action);
  gtk_widget_class_install_action (widget_class, "follow-up.delete", NULL, delete_action);
}

static void
crm_follow_up_row_init (CrmFollowUpRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * crm_follow_up_row_new:
 * @show_customer: title the row with the customer's name (the Follow-ups
 *   section) rather than the note (a customer's own page)
 */
GtkWidget *
crm_follow_up_row_new (CrmContext  *context,
                       CrmFollowUp *follow_up,
                       gboolean     show_customer)
{
  CrmFollowUpRow *self = g_object_new (CRM_TYPE_FOLLOW_UP_ROW, NULL);
  gboolean done = crm_follow_up_get_done_at (follow_up) > 0;
  gint64 when = done ? crm_follow_up_get_done_at (follow_up) : crm_follow_up_get_when (follow_up);
  g_autofree char *date = crm_text_format_date (when, TRUE);
  g_autofree char *subtitle = NULL;
  const char *note = crm_follow_up_get_note (follow_up);
  guint repeat = crm_follow_up_get_repeat_days (follow_up);
  g_autofree char *repeats = NULL;

  self->context = g_object_ref (context);
  self->follow_up = g_object_ref (follow_up);

  if (repeat > 0)
    repeats = g_strdup_printf (ngettext ("every %u day", "every %u days", repeat), repeat);

  if (show_customer)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), crm_follow_up_get_customer_name (follow_up));
      subtitle = g_strjoin (" · ", date, note && note[0] ? note : NULL, NULL);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                     note && note[0] ? note : _("Follow up"));
      subtitle = g_strdup (date);
    }

  if (repeats != NULL)
    {
      char *with_repeat = g_strjoin (" · ", subtitle, repeats, NULL);

      g_free (subtitle);
      subtitle = with_repeat;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);

  if (done)
    {
      gtk_image_set_from_icon_name (self->state_icon, "object-select-symbolic");
      crm_accessible_set_name (GTK_WIDGET (self->state_icon), _("Done"));
      gtk_widget_set_visible (self->done_button, FALSE);
      gtk_widget_set_visible (self->snooze_button, FALSE);
      gtk_widget_add_css_class (GTK_WIDGET (self), "dim-label");
    }
  else if (when <= crm_store_now (crm_context_get_store (context)))
    {
      gtk_image_set_from_icon_name (self->state_icon, "dialog-warning-symbolic");
      crm_accessible_set_name (GTK_WIDGET (self->state_icon), _("Overdue"));
      gtk_widget_add_css_class (GTK_WIDGET (self->state_icon), "at-risk");
    }
  else
    {
      gtk_image_set_from_icon_name (self->state_icon, "alarm-symbolic");
      crm_accessible_set_name (GTK_WIDGET (self->state_icon), _("Upcoming"));
    }

  return GTK_WIDGET (self);
}

CrmFollowUp *
crm_follow_up_row_get_follow_up (CrmFollowUpRow *self)
{
  g_return_val_if_fail (CRM_IS_FOLLOW_UP_ROW (self), NULL);

  return self->follow_up;
}
