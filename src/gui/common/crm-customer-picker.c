/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-customer-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-customer-list.h"
#include "crm-customer-picker.h"

/* Finds a customer by typing a few letters of the name or the phone, as
 * the customer list does, and shows the best few to pick from. */
struct _CrmCustomerPicker
{
  AdwPreferencesGroup  parent_instance;

  CrmStore            *store;
  CrmCustomerList     *matches;
  gint64               customer_id;
  gboolean             picking;

  AdwEntryRow         *entry_row;
  GtkListBox          *matches_list;
};

G_DEFINE_FINAL_TYPE (CrmCustomerPicker, crm_customer_picker, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_CUSTOMER_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define MAX_MATCHES 6

static void
clear_matches (CrmCustomerPicker *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->matches_list))) != NULL)
    gtk_list_box_remove (self->matches_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->matches_list), FALSE);
}

static void
set_id (CrmCustomerPicker *self,
        gint64             customer_id)
{
  if (self->customer_id == customer_id)
    return;

  self->customer_id = customer_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);
}

static void
search_cb (CrmCustomerPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry_row));
  guint n;

  if (self->picking || self->matches == NULL)
    return;

  /* Typing again means choosing again. */
  set_id (self, 0);
  clear_matches (self);
  if (text[0] == '\0')
    return;

  crm_customer_list_set_search (self->matches, text);
  n = MIN (g_list_model_get_n_items (G_LIST_MODEL (self->matches)), MAX_MATCHES);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CrmCustomer) customer = g_list_model_get_item (G_LIST_MODEL (self->matches), i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), crm_customer_get_name (customer));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), crm_customer_get_phone (customer));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "crm-customer-id",
                         GSIZE_TO_POINTER ((gsize) crm_customer_get_id (customer)));
      gtk_list_box_append (self->matches_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->matches_list), n > 0);
}

static void
match_activated_cb (CrmCustomerPicker *self,
                    GtkListBoxRow     *row)
{
  crm_customer_picker_set_customer_id (self, (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row),
                                                                                            "crm-customer-id")));
}

/* Enter: picks the first match while there are matches; once a customer
 * is chosen (or nothing is typed), Enter does what Enter does elsewhere in
 * the dialog: its default button. */
static void
pick_first_cb (CrmCustomerPicker *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->matches_list, 0);

  if (first != NULL && gtk_widget_get_visible (GTK_WIDGET (self->matches_list)))
    match_activated_cb (self, first);
  else
    {
      /* The window's default button, pressed as Enter presses it
       * (gtk_widget_activate_default() does not reach it from here). */
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *button = GTK_IS_WINDOW (root) ? gtk_window_get_default_widget (GTK_WINDOW (root)) : NULL;

      if (button != NULL && gtk_widget_is_sensitive (button))
        gtk_widget_activate (button);
    }
}

static void
crm_customer_picker_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CrmCustomerPicker *self = CRM_CUSTOMER_PICKER (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_customer_picker_dispose (GObject *object)
{
  CrmCustomerPicker *self = CRM_CUSTOMER_PICKER (object);

  g_clear_object (&self->matches);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_customer_picker_parent_class)->dispose (object);
}

static void
crm_customer_picker_class_init (CrmCustomerPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_customer_picker_dispose;
  object_class->get_property = crm_customer_picker_get_property;

  /* 0 until a customer is picked. */
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/crm-customer-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPicker, entry_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerPicker, matches_list);
  gtk_widget_class_bind_template_callback (widget_class, search_cb);
  gtk_widget_class_bind_template_callback (widget_class, pick_first_cb);
  gtk_widget_class_bind_template_callback (widget_class, match_activated_cb);
}

static void
crm_customer_picker_init (CrmCustomerPicker *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
crm_customer_picker_set_store (CrmCustomerPicker *self,
                               CrmStore          *store)
{
  g_return_if_fail (CRM_IS_CUSTOMER_PICKER (self));

  g_set_object (&self->store, store);
  g_clear_object (&self->matches);
  self->matches = crm_customer_list_new (store);
}

gint64
crm_customer_picker_get_customer_id (CrmCustomerPicker *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_PICKER (self), 0);

  return self->customer_id;
}

/**
 * crm_customer_picker_set_customer_id:
 *
 * Picks the customer, as choosing one from the matches does.
 */
void
crm_customer_picker_set_customer_id (CrmCustomerPicker *self,
                                     gint64             customer_id)
{
  g_autoptr(CrmCustomer) customer = NULL;

  g_return_if_fail (CRM_IS_CUSTOMER_PICKER (self));

  customer = self->store ? crm_store_get_customer (self->store, customer_id) : NULL;
  if (customer == NULL)
    return;

  self->picking = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry_row), crm_customer_get_name (customer));
  self->picking = FALSE;
  clear_matches (self);
  set_id (self, customer_id);
}

void
crm_customer_picker_focus (CrmCustomerPicker *self)
{
  g_return_if_fail (CRM_IS_CUSTOMER_PICKER (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->entry_row));
}
