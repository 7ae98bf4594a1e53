/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-accessible.h"
#include "crm-connection-bar.h"
#include "crm-store.h"

/* A bar across the top of the window while a shared database cannot be
 * reached (libadwaita 1.2 has no AdwBanner): it says so, and that
 * Clientele keeps trying; what was typed stays where it was, because a
 * failed save leaves its dialog open. When the session is back the bar
 * says so for a moment, and whether a change cut off by the loss was
 * saved after all. */
struct _CrmConnectionBar
{
  GtkWidget    parent_instance;

  GtkRevealer *revealer;
  GtkWidget   *bar;
  GtkSpinner  *spinner;
  GtkImage    *icon;
  GtkLabel    *label;

  CrmStore    *store;
  gulong       changed_id;
  guint        hide_id;
};

G_DEFINE_FINAL_TYPE (CrmConnectionBar, crm_connection_bar, GTK_TYPE_WIDGET)

/* How long "connected again" stays. */
#define RECOVERED_SECONDS 6

static gboolean
hide_cb (gpointer user_data)
{
  CrmConnectionBar *self = user_data;

  self->hide_id = 0;
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  crm_accessible_set_name (GTK_WIDGET (self), "");
  return G_SOURCE_REMOVE;
}

static void
show_message (CrmConnectionBar *self,
              const char       *message,
              gboolean          trouble)
{
  gtk_label_set_text (self->label, message);
  crm_accessible_set_name (GTK_WIDGET (self), message);
  gtk_spinner_set_spinning (self->spinner, trouble);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), trouble);
  gtk_widget_set_visible (GTK_WIDGET (self->icon), !trouble);
  if (trouble)
    {
      gtk_widget_add_css_class (self->bar, "error");
      gtk_widget_remove_css_class (self->bar, "success");
    }
  else
    {
      gtk_widget_add_css_class (self->bar, "success");
      gtk_widget_remove_css_class (self->bar, "error");
    }
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

static void
connection_changed_cb (CrmStore         *store,
                       CrmConnectionBar *self)
{
  g_autofree char *problem = crm_store_dup_connection_problem (store);
  int lost = crm_store_take_lost_commit (store);
  const char *message;

  g_clear_handle_id (&self->hide_id, g_source_remove);

  if (problem != NULL)
    {
      show_message (self, problem, TRUE);
      return;
    }

  if (lost == 1)
    message = _("Connected to the shared database again. The last change was saved.");
  else if (lost == 0)
    message = _("Connected to the shared database again. The last change was not saved: "
                "please enter it once more.");
  else
    message = _("Connected to the shared database again.");

  show_message (self, message, FALSE);
  self->hide_id = g_timeout_add_seconds (RECOVERED_SECONDS, hide_cb, self);
}

static void
crm_connection_bar_dispose (GObject *object)
{
  CrmConnectionBar *self = (CrmConnectionBar *) object;

  g_clear_handle_id (&self->hide_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_CONNECTION_BAR);

  G_OBJECT_CLASS (crm_connection_bar_parent_class)->dispose (object);
}

static void
crm_connection_bar_class_init (CrmConnectionBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_connection_bar_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/crm-connection-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmConnectionBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, CrmConnectionBar, bar);
  gtk_widget_class_bind_template_child (widget_class, CrmConnectionBar, spinner);
  gtk_widget_class_bind_template_child (widget_class, CrmConnectionBar, icon);
  gtk_widget_class_bind_template_child (widget_class, CrmConnectionBar, label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
crm_connection_bar_init (CrmConnectionBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The bar reads as what it says, and as nothing while it is empty. */
  crm_accessible_set_name (GTK_WIDGET (self), "");
}

/* Follows @store's connection (a shared database's; the file has none). */
void
crm_connection_bar_set_store (CrmConnectionBar *self,
                              CrmStore         *store)
{
  g_return_if_fail (CRM_IS_CONNECTION_BAR (self));

  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_set_object (&self->store, store);
  if (store != NULL)
    self->changed_id = g_signal_connect (store, "connection-changed",
                                         G_CALLBACK (connection_changed_cb), self);
}
