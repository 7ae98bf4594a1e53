/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Saved lists in the sidebar, under Customers: the customer list's filters
 * and search kept under a name, opened, renamed and deleted. Part of
 * CrmWindow (crm-window-private.h). */

#define G_LOG_DOMAIN "crm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-window-private.h"

#define SAVED_PREFIX "saved:"

static CrmStore *
get_store (CrmWindow *self)
{
  return crm_context_get_store (self->context);
}

static void
show_error (CrmWindow    *self,
            const GError *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The List Was Not Saved"), NULL);

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
saved_row (CrmSavedList *list)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (list->name);
  GtkWidget *menu_button = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autofree char *name = g_strdup_printf (SAVED_PREFIX "%" G_GINT64_FORMAT, list->id);
  g_autofree char *rename = g_strdup_printf ("win.rename-list(int64 %" G_GINT64_FORMAT ")", list->id);
  g_autofree char *delete = g_strdup_printf ("win.delete-list(int64 %" G_GINT64_FORMAT ")", list->id);
  /* Translators: the button beside a saved list in the sidebar; %s is its name */
  g_autofree char *options = g_strdup_printf (_("Options for “%s”"), list->name);

  gtk_widget_set_name (row, name);
  gtk_widget_set_margin_start (box, 30);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  g_menu_append (menu, _("_Rename…"), rename);
  g_menu_append (menu, _("_Delete"), delete);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  gtk_widget_add_css_class (menu_button, "flat");
  gtk_widget_set_tooltip_text (menu_button, options);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, options, -1);
  gtk_box_append (GTK_BOX (box), menu_button);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, list->name, -1);
  g_object_set_data_full (G_OBJECT (row), "crm-filter", g_strdup (list->filter), g_free);
  return row;
}

/**
 * crm_window_lists_refresh:
 *
 * The sidebar's saved lists, right under Customers, as the shop has them.
 */
void
crm_window_lists_refresh (CrmWindow *self)
{
  g_autoptr(GPtrArray) lists = NULL;
  GtkListBoxRow *selected = gtk_list_box_get_selected_row (self->sidebar);
  g_autofree char *was = g_strdup (selected ? gtk_widget_get_name (GTK_WIDGET (selected)) : "");
  GtkWidget *child, *next;
  int position = 1;

  if (self->context == NULL)
    return;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar)); child != NULL; child = next)
    {
      next = gtk_widget_get_next_sibling (child);
      if (g_str_has_prefix (gtk_widget_get_name (child), SAVED_PREFIX))
        gtk_list_box_remove (self->sidebar, child);
    }

  lists = crm_store_list_saved_lists (get_store (self));
  for (guint i = 0; i < lists->len; i++)
    {
      GtkWidget *row = saved_row (g_ptr_array_index (lists, i));

      gtk_list_box_insert (self->sidebar, row, position++);
      /* The list on show stays chosen. */
      if (g_str_equal (gtk_widget_get_name (row), was))
        gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
    }
}

/**
 * crm_window_lists_open:
 * @row: a sidebar row
 *
 * Returns: whether @row was a saved list, now shown in Customers
 */
gboolean
crm_window_lists_open (CrmWindow     *self,
                       GtkListBoxRow *row)
{
  const char *filter;

  if (!g_str_has_prefix (gtk_widget_get_name (GTK_WIDGET (row)), SAVED_PREFIX))
    return FALSE;

  filter = g_object_get_data (G_OBJECT (row), "crm-filter");
  crm_window_set_section (self, "customers");
  crm_customers_page_apply_filter (self->customers_page, filter);
  gtk_list_box_select_row (self->sidebar, row);
  return TRUE;
}

/* A name, asked in a dialog with one entry: @done gets it on "save". */
typedef void (*NameDone) (CrmWindow *self, gint64 id, const char *name);

static void
name_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  CrmWindow        *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "crm-entry");
  NameDone done = g_object_get_data (G_OBJECT (dialog), "crm-done");
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "crm-id"));

  if (g_str_equal (response, "save"))
    done (self, id, gtk_editable_get_text (entry));
}

static void
ask_name (CrmWindow  *self,
          const char *heading,
          const char *body,
          const char *text,
          gint64      id,
          NameDone    done)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "crm-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "crm-done", done);
  g_object_set_data (G_OBJECT (dialog), "crm-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect (dialog, "response", G_CALLBACK (name_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
save_named (CrmWindow  *self,
            gint64      id,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *filter = crm_customers_page_dup_filter (self->customers_page);

  if (crm_store_add_saved_list (get_store (self), name, filter, &error) == 0)
    show_error (self, error);
}

static void
rename_named (CrmWindow  *self,
              gint64      id,
              const char *name)
{
  g_autoptr(GError) error = NULL;

  if (!crm_store_rename_saved_list (get_store (self), id, name, &error))
    show_error (self, error);
}

static void
save_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);

  ask_name (self, _("Save List"),
            _("The list’s filters and search are kept under this name in the sidebar, "
              "and the list stays up to date by itself."),
            "", 0, save_named);
}

static char *
list_name (CrmWindow *self,
           gint64     id)
{
  g_autoptr(GPtrArray) lists = crm_store_list_saved_lists (get_store (self));

  for (guint i = 0; i < lists->len; i++)
    {
      CrmSavedList *list = g_ptr_array_index (lists, i);

      if (list->id == id)
        return g_strdup (list->name);
    }
  return NULL;
}

static void
rename_list_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autofree char *name = list_name (self, id);

  if (name != NULL)
    ask_name (self, _("Rename List"), NULL, name, id, rename_named);
}

static void
delete_list_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  /* Only the filters go: every customer stays as they are. */
  if (!crm_store_delete_saved_list (get_store (self), g_variant_get_int64 (parameter), &error))
    show_error (self, error);
}

void
crm_window_lists_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save-list", NULL, save_list_action);
  gtk_widget_class_install_action (widget_class, "win.rename-list", "x", rename_list_action);
  gtk_widget_class_install_action (widget_class, "win.delete-list", "x", delete_list_action);
}
