/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-preferences-reminders"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "crm-preferences-reminders.h"
#include "crm-preferences-window.h"
#include "crm-store.h"

/* Preferences → Reminders: running in the background (this computer's
 * settings), shop hours and the keep-in-touch cadences (the shop's). */
struct _CrmPreferencesReminders
{
  AdwPreferencesPage  parent_instance;

  CrmContext         *context;
  gboolean            loading;

  GtkSwitch          *background_switch;
  GtkSwitch          *login_switch;
  GtkSpinButton      *opens_spin;
  GtkSpinButton      *closes_spin;
  GtkSpinButton      *touch_key_spin;
  GtkSpinButton      *touch_other_spin;
  GtkSpinButton      *birthday_spin;
  GtkSwitch          *anniversary_switch;
};

G_DEFINE_FINAL_TYPE (CrmPreferencesReminders, crm_preferences_reminders, ADW_TYPE_PREFERENCES_PAGE)

#define DAY_MINUTES (24 * 60)

/* "9", "9:30", "09.30" or "24:00" as minutes of the day. */
static gboolean
parse_time (const char *text,
            int        *minutes)
{
  int hour = 0, minute = 0;
  char extra;

  if (!(sscanf (text, "%2d:%2d%c", &hour, &minute, &extra) == 2 ||
        sscanf (text, "%2d.%2d%c", &hour, &minute, &extra) == 2 ||
        sscanf (text, "%2d%c", &hour, &extra) == 1))
    return FALSE;

  if (hour < 0 || minute < 0 || minute > 59 || hour * 60 + minute > DAY_MINUTES)
    return FALSE;

  *minutes = hour * 60 + minute;
  return TRUE;
}

/* The spin button counts minutes and shows them as a time of day. */
static int
time_input_cb (GtkSpinButton *spin,
               double        *new_value,
               gpointer       user_data)
{
  int minutes;

  if (!parse_time (gtk_editable_get_text (GTK_EDITABLE (spin)), &minutes))
    return GTK_INPUT_ERROR;

  *new_value = minutes;
  return TRUE;
}

static gboolean
time_output_cb (GtkSpinButton *spin,
                gpointer       user_data)
{
  int minutes = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = g_strdup_printf ("%d:%02d", minutes / 60, minutes % 60);

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/* Shop hours are the shop's (in the database, in minutes), not a person's. */
static void
hours_changed_cb (CrmPreferencesReminders *self,
                  GtkSpinButton           *spin)
{
  g_autofree char *minutes = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (spin) % DAY_MINUTES);

  if (!self->loading)
    crm_preferences_save_setting (GTK_WIDGET (self), self->context,
                                  spin == self->opens_spin ? "reminders.opens" : "reminders.closes", minutes);
}

static void
crm_preferences_reminders_dispose (GObject *object)
{
  CrmPreferencesReminders *self = CRM_PREFERENCES_REMINDERS (object);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (crm_preferences_reminders_parent_class)->dispose (object);
}

static void
crm_preferences_reminders_class_init (CrmPreferencesRemindersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_preferences_reminders_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/crm-preferences-reminders.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesReminders, background_switch);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesReminders, login_switch);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesReminders, opens_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesReminders, closes_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesReminders, touch_key_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesReminders, touch_other_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesReminders, birthday_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesReminders, anniversary_switch);
  gtk_widget_class_bind_template_callback (widget_class, time_input_cb);
  gtk_widget_class_bind_template_callback (widget_class, time_output_cb);
  gtk_widget_class_bind_template_callback (widget_class, hours_changed_cb);
}

static void
crm_preferences_reminders_init (CrmPreferencesReminders *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->loading = FALSE;
}

GtkWidget *
crm_preferences_reminders_new (GSettings  *settings,
                               CrmContext *context)
{
  CrmPreferencesReminders *self;
  CrmStore *store;

  g_return_val_if_fail (CRM_IS_CONTEXT (context), NULL);

  self = g_object_new (CRM_TYPE_PREFERENCES_REMINDERS, NULL);
  self->context = g_object_ref (context);
  store = crm_context_get_store (context);

  g_settings_bind (settings, "run-in-background", self->background_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "start-at-login", self->login_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "birthday-days-ahead", self->birthday_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "first-purchase-anniversaries", self->anniversary_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);

  self->loading = TRUE;
  gtk_spin_button_set_value (self->opens_spin, crm_store_get_setting_int (store, "reminders.opens", 9 * 60));
  gtk_spin_button_set_value (self->closes_spin, crm_store_get_setting_int (store, "reminders.closes", 19 * 60));
  self->loading = FALSE;
  crm_preferences_bind_number (self->touch_key_spin, context, "touch.key_days", 14);
  crm_preferences_bind_number (self->touch_other_spin, context, "touch.secondary_days", 60);

  return GTK_WIDGET (self);
}
