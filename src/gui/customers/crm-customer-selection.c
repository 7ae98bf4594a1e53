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
 * selected customer is found among the list's ids.
 *
 * A change that replaces rows reaches the view as the removal of the old
 * rows with the first new screenful, then the rest a few rows at a time
 * from idle callbacks: GTK 4.8 builds a widget for each of some 200 rows
 * around the top one at once, which on a slow PC blocked the window for
 * a third of a second after every sort or keystroke. This way each main
 * loop iteration builds a screenful at most, and a frame is drawn, or a
 * key read, between two of them. */
struct _CrmCustomerSelection
{
  GObject          parent_instance;

  CrmCustomerList *list;
  gint64           selected_id;
  guint            selected;

  /* While new rows are being shown, the view sees the list without
   * @hidden rows from @hidden_at on (positions in the list). */
  guint            hidden_at;
  guint            hidden;
  /* Where the rows being shown began, and the idle that shows more. */
  guint            reveal_from;
  guint            reveal_source;
};

/* The first rows of a change, enough for the window's screenful (some
 * 20 rows at 800 pixels): the same emission tears down the 200 old rows,
 * GTK 4.8's larger half of its cost. */
#define REVEAL_FIRST 24
/* Then this many per main loop iteration… */
#define REVEAL_STEP 24
/* …until past the rows GTK builds around the top one (its list view
 * keeps 200 and a few), after which the rest costs nothing to add. */
#define REVEAL_BUILT 260

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

/* A row of the view, as a row of the list. */
static guint
list_position (CrmCustomerSelection *self,
               guint                 position)
{
  if (position != G_MAXUINT && self->hidden > 0 && position >= self->hidden_at)
    return position + self->hidden;
  return position;
}

/* A row of the list, as a row of the view: G_MAXUINT while not shown. */
static guint
view_position (CrmCustomerSelection *self,
               guint                 position)
{
  if (position == G_MAXUINT || self->hidden == 0 || position < self->hidden_at)
    return position;
  if (position < self->hidden_at + self->hidden)
    return G_MAXUINT;
  return position - self->hidden;
}

static gboolean
is_selected (GtkSelectionModel *model,
             guint              position)
{
  CrmCustomerSelection *self = CRM_CUSTOMER_SELECTION (model);

  return self->selected_id > 0 && list_position (self, position) == self->selected;
}

static GtkBitset *
get_selection_in_range (GtkSelectionModel *model,
                        guint              position,
                        guint              n_items)
{
  CrmCustomerSelection *self = CRM_CUSTOMER_SELECTION (model);
  GtkBitset *result = gtk_bitset_new_empty ();
  guint shown = self->selected_id > 0 ? view_position (self, self->selected) : G_MAXUINT;

  if (shown != G_MAXUINT && shown >= position && shown - position < n_items)
    gtk_bitset_add (result, shown);

  return result;
}

/* @position is a row of the view. */
static void
set_selected (CrmCustomerSelection *self,
              guint                 position)
{
  guint old = self->selected_id > 0 ? view_position (self, self->selected) : G_MAXUINT;
  gint64 id = crm_customer_list_get_id (self->list, list_position (self, position));

  self->selected_id = id;
  self->selected = id > 0 ? list_position (self, position) : G_MAXUINT;
  position = id > 0 ? position : G_MAXUINT;

  if (old == position)
    return;
  if (old != G_MAXUINT && position != G_MAXUINT)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), MIN (old, position),
                                           MAX (old, position) - MIN (old, position) + 1);
  else if (old != G_MAXUINT)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), old, 1);
  else
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), position, 1);
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
stop_reveal (CrmCustomerSelection *self)
{
  g_clear_handle_id (&self->reveal_source, g_source_remove);
  self->hidden = 0;
}

static gboolean
reveal_cb (gpointer data)
{
  CrmCustomerSelection *self = data;
  guint at = self->hidden_at;
  guint n = MIN (self->hidden, REVEAL_STEP);

  if (at - self->reveal_from >= REVEAL_BUILT)
    n = self->hidden;

  self->hidden_at += n;
  self->hidden -= n;
  if (self->hidden == 0)
    self->reveal_source = 0;
  g_list_model_items_changed (G_LIST_MODEL (self), at, 0, n);

  return self->hidden > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* The view's rows from @position on, @removed of them, become @added
 * rows of the list: the first screenful now, the rest from idle. */
static void
replace_rows (CrmCustomerSelection *self,
              guint                 position,
              guint                 removed,
              guint                 added)
{
  if (removed == 0 || added <= REVEAL_FIRST)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }

  self->reveal_from = position;
  self->hidden_at = position + REVEAL_FIRST;
  self->hidden = added - REVEAL_FIRST;
  /* Below the redraw's priority: a frame between two steps. */
  self->reveal_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reveal_cb, self, NULL);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, REVEAL_FIRST);
}

static void
list_items_changed_cb (GListModel           *list,
                       guint                 position,
                       guint                 removed,
                       guint                 added,
                       CrmCustomerSelection *self)
{
  guint old = self->selected;
  guint n_items = g_list_model_get_n_items (list);

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

  if (self->hidden > 0 && position >= self->hidden_at &&
      position + removed <= self->hidden_at + self->hidden)
    {
      /* All of it among the rows not shown yet (a big list's rest, read
       * on a worker after its first rows): they are shown in turn. */
      self->hidden = self->hidden - removed + added;
      if (self->hidden == 0)
        stop_reveal (self);
      return;
    }

  if (self->hidden > 0)
    {
      /* The last change is still being shown: replace the view's rows
       * whole. The view asks every new row whether it is selected. */
      guint shown = n_items - added + removed - self->hidden;

      stop_reveal (self);
      replace_rows (self, 0, shown, n_items);
      return;
    }

  /* Nothing was hidden before this change: @old is a row of the view. */
  replace_rows (self, position, removed, added);

  /* The selected row moved outside the rows that changed. */
  if (self->selected != old)
    {
      guint now_shown = view_position (self, self->selected);
      guint changed = self->hidden > 0 ? REVEAL_FIRST : added;

      if (old != G_MAXUINT && (old < position || old >= position + changed) &&
          old < g_list_model_get_n_items (G_LIST_MODEL (self)))
        gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), old, 1);
      if (now_shown != G_MAXUINT && (now_shown < position || now_shown >= position + changed))
        gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), now_shown, 1);
    }
}

static void
crm_customer_selection_dispose (GObject *object)
{
  CrmCustomerSelection *self = CRM_CUSTOMER_SELECTION (object);

  g_clear_handle_id (&self->reveal_source, g_source_remove);
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
  guint n_items;

  g_return_val_if_fail (CRM_IS_CUSTOMER_LIST (list), NULL);

  self = g_object_new (CRM_TYPE_CUSTOMER_SELECTION, NULL);
  self->list = g_object_ref (list);
  g_signal_connect (list, "items-changed", G_CALLBACK (list_items_changed_cb), self);

  /* The view's first rows too come a screenful at a time: a window
   * given this model builds the first ones only before its first frame. */
  n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  if (n_items > REVEAL_FIRST)
    {
      self->reveal_from = 0;
      self->hidden_at = REVEAL_FIRST;
      self->hidden = n_items - REVEAL_FIRST;
      self->reveal_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reveal_cb, self, NULL);
    }

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

/**
 * crm_customer_selection_get_revealing:
 *
 * Returns: whether new rows are still being added to the view a few at a
 *   time
 */
gboolean
crm_customer_selection_get_revealing (CrmCustomerSelection *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_SELECTION (self), FALSE);

  return self->hidden > 0;
}
