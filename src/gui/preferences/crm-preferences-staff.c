/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-preferences-staff"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-accessible.h"
#include "crm-preferences-staff.h"
#include "crm-preferences-window.h"
#include "crm-store.h"

/* Preferences → Staff: who works at the counter, in which language, and
 * adding someone new. */
struct _CrmPreferencesStaff
{
  AdwPreferencesPage   parent_instance;

  CrmContext          *context;
  GPtrArray           *rows;
  gboolean             loading;

  AdwPreferencesGroup *staff_group;
  AdwEntryRow         *new_staff_row;
  AdwComboRow         *new_staff_language_row;
};

G_DEFINE_FINAL_TYPE (CrmPreferencesStaff, crm_preferences_staff, ADW_TYPE_PREFERENCES_PAGE)

static void refresh (CrmPreferencesStaff *self);

static CrmStore *
get_store (CrmPreferencesStaff *self)
{
  return crm_context_get_store (self->context);
}

static void
language_changed_cb (AdwComboRow         *row,
                     GParamSpec          *pspec,
                     CrmPreferencesStaff *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "crm-staff-id"));
  g_autoptr(GError) error = NULL;

  if (self->loading)
    return;

  if (!crm_store_update_staff (get_store (self), id, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                               crm_preferences_language_id (adw_combo_row_get_selected (row)), &error))
    crm_preferences_show_error (GTK_WIDGET (self), error->message);
}

static void
remove_clicked_cb (GtkButton           *button,
                   CrmPreferencesStaff *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "crm-staff-id"));
  g_autoptr(GError) error = NULL;

  /* Archived, not deleted: their name stays on what they entered. */
  if (!crm_store_set_staff_archived (get_store (self), id, TRUE, &error))
    crm_preferences_show_error (GTK_WIDGET (self), error->message);

  refresh (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->new_staff_row));
}

/* One row per staff member: the name, their language, and a button for
 * when they leave the shop. */
static void
refresh (CrmPreferencesStaff *self)
{
  g_autoptr(GPtrArray) staff = crm_store_list_staff (get_store (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->staff_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  self->loading = TRUE;
  for (guint i = 0; i < staff->len; i++)
    {
      CrmStaffMember *member = g_ptr_array_index (staff, i);
      g_autoptr(GListModel) languages = crm_preferences_language_model ();
      g_autofree char *remove_label = NULL;
      GtkWidget *row = adw_combo_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), member->name);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), languages);
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), crm_preferences_language_position (member->language));
      g_object_set_data (G_OBJECT (row), "crm-staff-id", GSIZE_TO_POINTER (member->id));
      g_signal_connect (row, "notify::selected", G_CALLBACK (language_changed_cb), self);

      /* Translators: tooltip of the button that removes a staff member; %s is their name */
      remove_label = g_strdup_printf (_("Remove %s from the Staff"), member->name);
      gtk_widget_set_tooltip_text (remove, remove_label);
      crm_accessible_set_name (remove, remove_label);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      g_object_set_data (G_OBJECT (remove), "crm-staff-id", GSIZE_TO_POINTER (member->id));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

      adw_preferences_group_add (self->staff_group, row);
      g_ptr_array_add (self->rows, row);
    }
  self->loading = FALSE;
}

static void
add_staff_cb (CrmPreferencesStaff *self)
{
  guint position = adw_combo_row_get_selected (self->new_staff_language_row);
  g_autoptr(GError) error = NULL;

  if (crm_store_add_staff (get_store (self), gtk_editable_get_text (GTK_EDITABLE (self->new_staff_row)),
                           crm_preferences_language_id (position), &error) == 0)
    {
      crm_preferences_show_error (GTK_WIDGET (self), error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->new_staff_row), "");
  refresh (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->new_staff_row));
}

static void
crm_preferences_staff_dispose (GObject *object)
{
  CrmPreferencesStaff *self = CRM_PREFERENCES_STAFF (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_preferences_staff_parent_class)->dispose (object);
}

static void
crm_preferences_staff_class_init (CrmPreferencesStaffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_preferences_staff_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/crm-preferences-staff.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesStaff, staff_group);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesStaff, new_staff_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesStaff, new_staff_language_row);
  gtk_widget_class_bind_template_callback (widget_class, add_staff_cb);
}

static void
crm_preferences_staff_init (CrmPreferencesStaff *self)
{
  g_autoptr(GListModel) languages = crm_preferences_language_model ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  adw_combo_row_set_model (self->new_staff_language_row, languages);
  crm_accessible_fix_mnemonics (GTK_WIDGET (self));
}

GtkWidget *
crm_preferences_staff_new (GSettings  *settings,
                           CrmContext *context)
{
  CrmPreferencesStaff *self;

  g_return_val_if_fail (CRM_IS_CONTEXT (context), NULL);

  self = g_object_new (CRM_TYPE_PREFERENCES_STAFF, NULL);
  self->context = g_object_ref (context);
  refresh (self);

  return GTK_WIDGET (self);
}
