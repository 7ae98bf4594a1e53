/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-customer-selection"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-customer-selection.h"

/* The customer list's single selection, kept by customer id. GTK's own
 * single selection finds its item again after a change by asking the
 * model for every new row until it meets it, and a view whose tracked
 * rows (the top one, the focus) were replaced asks for every new row
 * too: at 100 000 customers, each a read from the store. Here the
 * selected customer is found among the list's ids, and a change that
 * replaces many rows reaches the view as a removal and an addition, so
 * that it builds only the rows it shows. */
struct _CrmCustomerSelection
{
  GObject          parent_instance;

  CrmCustomerList *list;
  gint64           selected_id;
  guint            selected;

  /* Between the removal and the addition of a split change, the view
   * must see the rows without the new ones: @hidden rows from
   * @hidden_at on are not there yet. */
  guint            hidden_at;
  guint            hidden;
};

/* Replacing more rows than a few screens: removed, then added. */
#define SPLIT_FROM 1000

static void list_model_iface_init      (GListModelInterface      *iface);
static void selection_model_iface_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmCustomerSelection, crm_customer_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL,
                                                      selection_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return CRM_TYPE_CUSTOMER;
}

static guint
get_n_items (GListModel *model)
{
  CrmCustomerSelection *self = CRM_CUSTOMER_SELECTION (model);

  return g_list_model_get_n_items (G_LIST_MODEL (self->list)) - self->hidden;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  CrmCustomerSelection *self = CRM_CUSTOMER_SELECTION (model);

  if (self->hidden > 0 && position >= self->hidden_at)
    position += self->hidden;

  return g_list_model_get_item (G_LIST_MODEL (self->list), position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static gboolean
is_selected (GtkSelectionModel *model,
             guint              position)
{
  CrmCustomerSelection *self = CRM_CUSTOMER_SELECTION (model);

  return self->selected_id > 0 && self->hidden == 0 && position == self->selected;
}

static GtkBitset *
get_selection_in_range (GtkSelectionModel *model,
                        guint              position,
                        guint              n_items)
{
  CrmCustomerSelection *self = CRM_CUSTOMER_SELECTION (model);
  GtkBitset *result = gtk_bitset_new_empty ();

  if (self->selected_id > 0 && self->hidden == 0 &&
      self->selected >= position && self->selected - position < n_items)
    gtk_bitset_add (result, self->selected);

  return result;
}

static void
set_selected (CrmCustomerSelection *self,
              guint                 position)
{
  guint old = self->selected_id > 0 ? self->selected : G_MAXUINT;
  gint64 id = crm_customer_list_get_id (self->list, position);

  self->selected_id = id;
  self->selected = id > 0 ? position : G_MAXUINT;

  if (old == self->selected)
    return;
  if (old != G_MAXUINT && self->selected != G_MAXUINT)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), MIN (old, self->selected),
                                           MAX (old, self->selected) - MIN (old, self->selected) + 1);
  else if (old != G_MAXUINT)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), old, 1);
  else
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), self->selected, 1);
}

static gboolean
select_item (GtkSelectionModel *model,
             guint              position,
             gboolean           unselect_rest)
{
  set_selected (CRM_CUSTOMER_SELECTION (model), position);
  return TRUE;
}

static gboolean
unselect_item (GtkSelectionModel *model,
               guint              position)
{
  CrmCustomerSelection *self = CRM_CUSTOMER_SELECTION (model);

  if (is_selected (model, position))
    set_selected (self, G_MAXUINT);

  return TRUE;
}

static gboolean
unselect_all (GtkSelectionModel *model)
{
  set_selected (CRM_CUSTOMER_SELECTION (model), G_MAXUINT);
  return TRUE;
}

static void
selection_model_iface_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = is_selected;
  iface->get_selection_in_range = get_selection_in_range;
  iface->select_item = select_item;
  iface->unselect_item = unselect_item;
  iface->unselect_all = unselect_all;
}

static void
list_items_changed_cb (GListModel           *list,
                       guint                 position,
                       guint                 removed,
                       guint                 added,
                       CrmCustomerSelection *self)
{
  guint old = self->selected;

  /* Where the selected customer went: a scan of ids, no rows built. */
  if (self->selected_id > 0)
    {
      if (old != G_MAXUINT && old < position)
        ;
      else if (old != G_MAXUINT && old >= position + removed)
        self->selected = old - removed + added;
      else
        self->selected = crm_customer_list_find (self->list, self->selected_id);
      if (self->selected == G_MAXUINT)
        self->selected_id = 0;
    }

  if (removed > 0 && added >= SPLIT_FROM)
    {
      self->hidden_at = position;
      self->hidden = added;
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, 0);
      self->hidden = 0;
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, added);
    }
  else
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);

  /* The selected row moved outside the rows that changed. */
  if (self->selected != old)
    {
      if (old != G_MAXUINT && (old < position || old >= position + added) &&
          old < g_list_model_get_n_items (list))
        gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), old, 1);
      if (self->selected != G_MAXUINT &&
          (self->selected < position || self->selected >= position + added))
        gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), self->selected, 1);
    }
}

static void
crm_customer_selection_dispose (GObject *object)
{
  CrmCustomerSelection *self = CRM_CUSTOMER_SELECTION (object);

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_func (self->list, list_items_changed_cb, self);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (crm_customer_selection_parent_class)->dispose (object);
}

static void
crm_customer_selection_class_init (CrmCustomerSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crm_customer_selection_dispose;
}

static void
crm_customer_selection_init (CrmCustomerSelection *self)
{
  self->selected = G_MAXUINT;
}

CrmCustomerSelection *
crm_customer_selection_new (CrmCustomerList *list)
{
  CrmCustomerSelection *self;

  g_return_val_if_fail (CRM_IS_CUSTOMER_LIST (list), NULL);

  self = g_object_new (CRM_TYPE_CUSTOMER_SELECTION, NULL);
  self->list = g_object_ref (list);
  g_signal_connect (list, "items-changed", G_CALLBACK (list_items_changed_cb), self);

  return self;
}

/**
 * crm_customer_selection_get_selected:
 *
 * Returns: the selected row, or %GTK_INVALID_LIST_POSITION
 */
guint
crm_customer_selection_get_selected (CrmCustomerSelection *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_SELECTION (self), GTK_INVALID_LIST_POSITION);

  return self->selected_id > 0 ? self->selected : GTK_INVALID_LIST_POSITION;
}

/**
 * crm_customer_selection_get_selected_id:
 *
 * Returns: the selected customer's id, or 0
 */
gint64
crm_customer_selection_get_selected_id (CrmCustomerSelection *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_SELECTION (self), 0);

  return self->selected_id;
}

/**
 * crm_customer_selection_get_list:
 *
 * Returns: (transfer none): the list it selects in
 */
CrmCustomerList *
crm_customer_selection_get_list (CrmCustomerSelection *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_SELECTION (self), NULL);

  return self->list;
}
