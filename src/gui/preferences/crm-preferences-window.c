/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-preferences-data.h"
#include "crm-preferences-general.h"
#include "crm-preferences-loyalty.h"
#include "crm-preferences-messages.h"
#include "crm-preferences-reminders.h"
#include "crm-preferences-shop.h"
#include "crm-preferences-staff.h"
#include "crm-preferences-window.h"
#include "crm-store.h"

/* One window, one page per file set (crm-preferences-<page>.c/.ui). */
struct _CrmPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GPtrArray            *pages;   /* the pages added, owned by the window */
};

G_DEFINE_FINAL_TYPE (CrmPreferencesWindow, crm_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The pages in the order of the switcher. A new page is a file set and
 * one line here. Pages about the shop need its data: without a shop (it
 * could not be opened) only those that work without one are shown. */
static const struct
{
  const char  *name;
  GtkWidget *(*create) (GSettings *settings, CrmContext *context);
  gboolean     needs_shop;
} pages[] = {
  { "general", crm_preferences_general_new, FALSE },
  { "shop", crm_preferences_shop_new, TRUE },
  { "reminders", crm_preferences_reminders_new, TRUE },
  { "staff", crm_preferences_staff_new, TRUE },
  { "loyalty", crm_preferences_loyalty_new, TRUE },
  { "messages", crm_preferences_messages_new, TRUE },
  { "data", crm_preferences_data_new, TRUE },
};

/* The language rows: each language named in itself, so anyone can find
 * their own whatever the interface speaks now. */
static const char *const language_ids[] = { "", "en", "ka", "hy" };

guint
crm_preferences_language_position (const char *language)
{
  for (guint i = 0; i < G_N_ELEMENTS (language_ids); i++)
    if (g_strcmp0 (language, language_ids[i]) == 0)
      return i;

  return 0;
}

/**
 * crm_preferences_language_id:
 *
 * Returns: the language at @position of crm_preferences_language_model():
 *   "" for the system's
 */
const char *
crm_preferences_language_id (guint position)
{
  return language_ids[position < G_N_ELEMENTS (language_ids) ? position : 0];
}

/**
 * crm_preferences_language_model:
 *
 * Returns: (transfer full): the choices of a language row
 */
GListModel *
crm_preferences_language_model (void)
{
  /* Translators: the language choice that follows the operating system */
  return G_LIST_MODEL (gtk_string_list_new ((const char *[]) { _("System"), "English", "ქართული", "Հայերեն", NULL }));
}

/**
 * crm_preferences_show_error:
 * @message: plain text: it may quote what was typed, so it is escaped
 */
void
crm_preferences_show_error (GtkWidget  *page,
                            const char *message)
{
  GtkRoot *root = gtk_widget_get_root (page);
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (escaped));
  else
    g_warning ("%s", message);
}

/**
 * crm_preferences_save_setting:
 *
 * Writes one of the shop's settings (in its database); a refusal is
 * shown as a toast.
 */
void
crm_preferences_save_setting (GtkWidget  *page,
                              CrmContext *context,
                              const char *key,
                              const char *value)
{
  g_autoptr(GError) error = NULL;

  if (context == NULL)
    return;

  if (!crm_store_set_setting (crm_context_get_store (context), key, value, &error))
    crm_preferences_show_error (page, error->message);
}

static void
number_changed_cb (GtkSpinButton *spin,
                   CrmContext    *context)
{
  g_autofree char *value = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (spin));

  crm_preferences_save_setting (GTK_WIDGET (spin), context,
                                g_object_get_data (G_OBJECT (spin), "crm-setting"), value);
}

/**
 * crm_preferences_bind_number:
 *
 * @spin shows the shop's setting @key (@fallback when unset) and writes
 * it back when changed.
 */
void
crm_preferences_bind_number (GtkSpinButton *spin,
                             CrmContext    *context,
                             const char    *key,
                             int            fallback)
{
  g_return_if_fail (GTK_IS_SPIN_BUTTON (spin));
  g_return_if_fail (CRM_IS_CONTEXT (context));

  gtk_spin_button_set_value (spin, crm_store_get_setting_int (crm_context_get_store (context), key, fallback));
  g_object_set_data (G_OBJECT (spin), "crm-setting", (gpointer) key);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (number_changed_cb), context, 0);
}

static void
crm_preferences_window_finalize (GObject *object)
{
  CrmPreferencesWindow *self = CRM_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_preferences_window_parent_class)->finalize (object);
}

static void
crm_preferences_window_class_init (CrmPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = crm_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/crm-preferences-window.ui");
}

static void
crm_preferences_window_init (CrmPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->pages = g_ptr_array_new ();
}

/**
 * crm_preferences_window_new:
 * @context: (nullable): the open shop, or %NULL when it could not be opened
 *
 * Opens on the first page.
 */
GtkWindow *
crm_preferences_window_new (GtkWindow  *parent,
                            GSettings  *settings,
                            CrmContext *context)
{
  CrmPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (CRM_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page;

      if (pages[i].needs_shop && context == NULL)
        continue;

      page = pages[i].create (settings, context);
      gtk_widget_set_name (page, pages[i].name);
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
      g_ptr_array_add (self->pages, page);
    }

  return GTK_WINDOW (self);
}

/**
 * crm_preferences_window_show_page:
 * @name: a page of the table above: "general", "shop", "reminders", "staff"
 */
void
crm_preferences_window_show_page (CrmPreferencesWindow *self,
                                  const char           *name)
{
  g_return_if_fail (CRM_IS_PREFERENCES_WINDOW (self));

  for (guint i = 0; i < self->pages->len; i++)
    {
      GtkWidget *page = g_ptr_array_index (self->pages, i);

      if (g_strcmp0 (gtk_widget_get_name (page), name) == 0)
        adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
    }
}

/**
 * crm_preferences_window_show_staff:
 *
 * Opens on the staff page, where people are added and removed.
 */
void
crm_preferences_window_show_staff (CrmPreferencesWindow *self)
{
  crm_preferences_window_show_page (self, "staff");
}
