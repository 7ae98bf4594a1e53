/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-follow-up-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "crm-customer-picker.h"
#include "crm-follow-up-dialog.h"
#include "crm-scheduler.h"

/* Schedules a new follow-up or edits one: who, what, when, how often. The
 * customer is found by typing a few letters, as in the customer list. */
struct _CrmFollowUpDialog
{
  AdwWindow        parent_instance;

  CrmStore          *store;
  gint64             customer_id;
  gint64             follow_up_id;

  AdwWindowTitle    *window_title;
  CrmCustomerPicker *picker;
  AdwEntryRow     *note_row;
  AdwEntryRow     *date_row;
  AdwEntryRow     *time_row;
  GtkSpinButton   *repeat_spin;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (CrmFollowUpDialog, crm_follow_up_dialog, ADW_TYPE_WINDOW)

static void
show_error (CrmFollowUpDialog *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
customer_picked_cb (CrmFollowUpDialog *self)
{
  g_autoptr(CrmCustomer) customer = NULL;

  self->customer_id = crm_customer_picker_get_customer_id (self->picker);
  customer = self->customer_id > 0 ? crm_store_get_customer (self->store, self->customer_id) : NULL;
  adw_window_title_set_subtitle (self->window_title, customer ? crm_customer_get_name (customer) : "");
  if (customer != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->note_row));
}

/* "2026-05-31" or "31.05.2026", and "14:30" or "14.30". */
static gboolean
parse_when (const char *date,
            const char *time,
            gint64     *when)
{
  g_autoptr(GDateTime) local = NULL;
  int y, m, d, hour = 0, minute = 0;
  char extra;

  if (!(sscanf (date, "%4d-%2d-%2d%c", &y, &m, &d, &extra) == 3 ||
        sscanf (date, "%2d.%2d.%4d%c", &d, &m, &y, &extra) == 3) ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;

  if (time[0] != '\0' &&
      !(sscanf (time, "%2d:%2d%c", &hour, &minute, &extra) == 2 ||
        sscanf (time, "%2d.%2d%c", &hour, &minute, &extra) == 2))
    return FALSE;

  if (hour < 0 || hour > 23 || minute < 0 || minute > 59)
    return FALSE;

  local = g_date_time_new_local (y, m, d, hour, minute, 0);
  if (local == NULL)
    return FALSE;

  *when = g_date_time_to_unix (local);
  return TRUE;
}

/**
 * crm_follow_up_dialog_save:
 *
 * Returns: %FALSE when something needs fixing; the dialog says what
 */
gboolean
crm_follow_up_dialog_save (CrmFollowUpDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  guint repeat = (guint) gtk_spin_button_get_value_as_int (self->repeat_spin);
  gint64 when = 0;

  if (self->customer_id <= 0)
    {
      show_error (self, _("Choose the customer: type a few letters of the name and pick it."));
      crm_customer_picker_focus (self->picker);
      return FALSE;
    }

  if (!parse_when (gtk_editable_get_text (GTK_EDITABLE (self->date_row)),
                   gtk_editable_get_text (GTK_EDITABLE (self->time_row)), &when))
    {
      show_error (self, _("Write the date as year-month-day and the time as hours:minutes, "
                          "for example 2026-05-31 and 14:30."));
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return FALSE;
    }

  if (self->follow_up_id > 0)
    crm_store_update_follow_up (self->store, self->follow_up_id, when, note, repeat, &error);
  else
    crm_store_add_follow_up (self->store, self->customer_id, when, note, repeat, &error);

  if (error != NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }

  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_cb (CrmFollowUpDialog *self)
{
  crm_follow_up_dialog_save (self);
}

static void
crm_follow_up_dialog_finalize (GObject *object)
{
  CrmFollowUpDialog *self = CRM_FOLLOW_UP_DIALOG (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_follow_up_dialog_parent_class)->finalize (object);
}

static void
crm_follow_up_dialog_class_init (CrmFollowUpDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = crm_follow_up_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/crm-follow-up-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpDialog, picker);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpDialog, repeat_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_bind_template_callback (widget_class, customer_picked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crm_follow_up_dialog_init (CrmFollowUpDialog *self)
{
  g_type_ensure (CRM_TYPE_CUSTOMER_PICKER);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * crm_follow_up_dialog_set_customer:
 *
 * Picks the customer, as choosing one from the matches does.
 */
void
crm_follow_up_dialog_set_customer (CrmFollowUpDialog *self,
                                   gint64             customer_id)
{
  crm_customer_picker_set_customer_id (self->picker, customer_id);
}

/**
 * crm_follow_up_dialog_new:
 * @customer_id: the customer, or 0 to choose one in the dialog
 * @follow_up_id: a follow-up to edit, or 0 for a new one
 */
GtkWindow *
crm_follow_up_dialog_new (GtkWindow *parent,
                          CrmStore  *store,
                          gint64     customer_id,
                          gint64     follow_up_id)
{
  g_autoptr(CrmFollowUp) follow_up = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *date = NULL;
  g_autofree char *time = NULL;
  CrmFollowUpDialog *self;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  self = g_object_new (CRM_TYPE_FOLLOW_UP_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->follow_up_id = follow_up_id;
  crm_customer_picker_set_store (self->picker, store);

  if (follow_up_id > 0)
    follow_up = crm_store_get_follow_up (store, follow_up_id);

  if (follow_up != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (crm_follow_up_get_when (follow_up));

      customer_id = crm_follow_up_get_customer_id (follow_up);
      when = g_date_time_to_local (utc);
      gtk_editable_set_text (GTK_EDITABLE (self->note_row), crm_follow_up_get_note (follow_up));
      gtk_spin_button_set_value (self->repeat_spin, crm_follow_up_get_repeat_days (follow_up));
    }
  else
    {
      /* The next full hour, or the next opening when the shop is shut. */
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (
        crm_scheduler_propose_time (store, crm_store_now (store)));

      when = g_date_time_to_local (utc);
    }

  date = g_date_time_format (when, "%Y-%m-%d");
  time = g_date_time_format (when, "%H:%M");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), time);

  adw_window_title_set_title (self->window_title,
                              follow_up ? _("Edit Follow-up") : _("New Follow-up"));
  gtk_window_set_title (GTK_WINDOW (self), follow_up ? _("Edit Follow-up") : _("New Follow-up"));

  if (customer_id > 0)
    {
      crm_follow_up_dialog_set_customer (self, customer_id);
      gtk_widget_set_visible (GTK_WIDGET (self->picker), FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (self->note_row));
    }
  else
    {
      crm_customer_picker_focus (self->picker);
    }

  return GTK_WINDOW (self);
}

void
crm_follow_up_dialog_set_note (CrmFollowUpDialog *self,
                               const char        *note)
{
  g_return_if_fail (CRM_IS_FOLLOW_UP_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->note_row), note ? note : "");
}
