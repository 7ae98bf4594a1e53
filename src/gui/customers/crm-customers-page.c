/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-customers-page"

#include "config.h"

#include <glib/gi18n.h>

/* From this many rows on, the list and the summary are read on workers. */
#define WORKER_FROM CRM_CUSTOMER_LIST_WORKER_FROM

/* Typing waits this long for the next key before the list narrows. */
#define SEARCH_DELAY_MS 150

#include "crm-customer-cells.h"
#include "crm-accessible.h"
#include "crm-customer-list.h"
#include "crm-customer-page.h"
#include "crm-customer-selection.h"
#include "crm-customers-page.h"
#include "crm-demo.h"
#include "crm-format.h"
#include "crm-rfm.h"
#include "crm-store-async.h"
#include "crm-store-loyalty.h"
#include "crm-store.h"

struct _CrmCustomersPage
{
  AdwBin           parent_instance;

  CrmContext      *context;
  CrmCustomerList *list;
  gulong           changed_id;
  GtkStringList   *tags;
  int              probe_column;
  gboolean         filling_tags;
  gboolean         summary_running;
  guint            n_customers;   /* as the last summary counted them */
  gboolean         summary_again;
  CrmCustomersWidth width;

  /* Template widgets */
  GtkStack        *stack;
  GtkSearchEntry  *search_entry;
  GtkDropDown     *segment_dropdown;
  GtkDropDown     *tag_dropdown;
  GtkDropDown     *group_dropdown;
  GtkDropDown     *tier_dropdown;
  GtkStringList   *tiers;
  GArray          *tier_ids;
  GtkDropDown     *seen_dropdown;
  GtkLabel        *summary_label;
  GtkStack        *results_stack;
  GtkColumnView   *column_view;
  CrmCustomerPage *customer_page;
};

G_DEFINE_FINAL_TYPE (CrmCustomersPage, crm_customers_page, ADW_TYPE_BIN)

/* The "Last visit" filter: 0 is any time. */
static const guint seen_days[] = { 0, 30, 60, 90, 180 };

static const CrmCustomerSort column_sorts[CRM_CUSTOMER_N_COLUMNS] = {
  CRM_CUSTOMER_SORT_NAME,
  CRM_CUSTOMER_SORT_PHONE,
  CRM_CUSTOMER_SORT_SEGMENT,
  CRM_CUSTOMER_SORT_LAST_VISIT,
  CRM_CUSTOMER_SORT_SPEND,
  CRM_CUSTOMER_SORT_POINTS,
  CRM_CUSTOMER_SORT_TIER,
};

static CrmStore *
get_store (CrmCustomersPage *self)
{
  return self->context ? crm_context_get_store (self->context) : NULL;
}

static void
show_error (CrmCustomersPage *self,
            const char       *message)
{
  crm_format_toast (GTK_WIDGET (self), message);
}

static void
show_summary (CrmCustomersPage     *self,
              const CrmShopSummary *summary_in)
{
  CrmStore *store = get_store (self);
  CrmShopSummary summary = *summary_in;
  g_autofree char *text = NULL;
  g_autofree char *share = NULL;

  self->n_customers = summary.n_customers;

  if (summary.total_spend <= 0)
    {
      text = g_strdup_printf (ngettext ("%u customer, no purchases in the period yet.",
                                        "%u customers, no purchases in the period yet.",
                                        summary.n_customers),
                              summary.n_customers);
    }
  else
    {
      g_autofree char *key_text = NULL;
      gint days = crm_store_get_setting_int (store, "segment.window_days", 365);

      share = crm_format_percent ((double) summary.key_spend / (double) summary.total_spend);
      if (days == 365)
        key_text = g_strdup_printf (ngettext ("%u key client brings %s of this year’s revenue.",
                                              "%u key clients bring %s of this year’s revenue.",
                                              summary.n_key),
                                    summary.n_key, share);
      else
        key_text = g_strdup_printf (ngettext ("%u key client brings %s of the period’s revenue.",
                                              "%u key clients bring %s of the period’s revenue.",
                                              summary.n_key),
                                    summary.n_key, share);

      if (summary.n_at_risk > 0)
        {
          g_autofree char *risk = g_strdup_printf (ngettext ("%u of them is at risk.",
                                                             "%u of them are at risk.",
                                                             summary.n_at_risk),
                                                   summary.n_at_risk);

          text = g_strconcat (key_text, " ", risk, NULL);
        }
      else
        text = g_steal_pointer (&key_text);
    }

  gtk_label_set_text (self->summary_label, text);
}

static void update_summary (CrmCustomersPage *self);

static void
summary_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(CrmCustomersPage) self = user_data;
  g_autoptr(GError) error = NULL;
  CrmShopSummary summary;

  self->summary_running = FALSE;
  if (!crm_store_get_summary_finish (CRM_STORE (object), result, &summary, &error))
    g_warning ("shop summary: %s", error->message);
  else if (self->context != NULL)
    show_summary (self, &summary);

  if (self->summary_again && self->context != NULL)
    {
      self->summary_again = FALSE;
      update_summary (self);
    }
}

/* The line over the list counts every customer: a big shop's on a
 * worker, the old line shown until the new one is there. */
static void
update_summary (CrmCustomersPage *self)
{
  CrmShopSummary summary;

  if (self->summary_running)
    {
      self->summary_again = TRUE;
      return;
    }

  if (self->n_customers >= WORKER_FROM)
    {
      self->summary_running = TRUE;
      crm_store_get_summary_async (get_store (self), NULL, summary_done_cb, g_object_ref (self));
      return;
    }

  crm_store_get_summary (get_store (self), &summary);
  show_summary (self, &summary);
}

static void
fill_tags (CrmCustomersPage *self)
{
  g_auto(GStrv) tags = crm_store_list_tags (get_store (self));
  g_autofree char *selected = NULL;
  guint position = 0;
  guint current = gtk_drop_down_get_selected (self->tag_dropdown);

  if (current != GTK_INVALID_LIST_POSITION && current > 0)
    selected = g_strdup (gtk_string_list_get_string (self->tags, current));

  self->filling_tags = TRUE;
  gtk_string_list_splice (self->tags, 1, g_list_model_get_n_items (G_LIST_MODEL (self->tags)) - 1,
                          (const char * const *) tags);
  for (guint i = 0; tags[i] != NULL; i++)
    if (g_strcmp0 (tags[i], selected) == 0)
      position = i + 1;
  gtk_drop_down_set_selected (self->tag_dropdown, position);
  gtk_widget_set_visible (GTK_WIDGET (self->tag_dropdown), tags[0] != NULL);
  self->filling_tags = FALSE;
}

static void
update_spend_title (CrmCustomersPage *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, CRM_CUSTOMER_COLUMN_SPEND);
  gint days = crm_store_get_setting_int (get_store (self), "segment.window_days", 365);

  gtk_column_view_column_set_title (column, days == 365 ? _("Spent This Year") : _("Spent in the Period"));
}

static void
update_visible_page (CrmCustomersPage *self)
{
  gboolean empty_shop = crm_store_count_customers (get_store (self)) == 0;
  gboolean no_results = g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0;
  const char *visible = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (visible, "customer") != 0)
    gtk_stack_set_visible_child_name (self->stack, empty_shop ? "empty" : "list");

  gtk_stack_set_visible_child_name (self->results_stack, no_results ? "no-results" : "table");
}

static void update_loyalty (CrmCustomersPage *self);

static void
store_changed_cb (CrmStore         *store,
                  guint             change,
                  gint64            customer_id,
                  CrmCustomersPage *self)
{
  if (change & CRM_STORE_CHANGE_CUSTOMERS)
    fill_tags (self);
  if (change & CRM_STORE_CHANGE_SETTINGS)
    update_spend_title (self);
  if (change & (CRM_STORE_CHANGE_SETTINGS | CRM_STORE_CHANGE_LOYALTY))
    update_loyalty (self);

  update_summary (self);
  update_visible_page (self);
}

/* The tier chosen in the filter: 0 for any, -1 for below every tier. */
static gint64
tier_filter (CrmCustomersPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->tier_dropdown);

  if (self->tier_ids == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= self->tier_ids->len)
    return 0;

  return g_array_index (self->tier_ids, gint64, selected);
}

/* The loyalty columns and the tier filter follow the programme. */
static void
update_loyalty (CrmCustomersPage *self)
{
  g_autoptr(GPtrArray) tiers = crm_store_list_tiers (get_store (self));
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  g_autoptr(GtkColumnViewColumn) points = g_list_model_get_item (columns, CRM_CUSTOMER_COLUMN_POINTS);
  g_autoptr(GtkColumnViewColumn) tier = g_list_model_get_item (columns, CRM_CUSTOMER_COLUMN_TIER);
  gint64 chosen = tier_filter (self);
  guint position = 0;
  gint64 any = 0, none = -1;
  CrmLoyaltySettings settings;

  crm_loyalty_settings_load (get_store (self), &settings);
  gtk_column_view_column_set_visible (points, settings.enabled && self->width == CRM_CUSTOMERS_WIDE);
  gtk_column_view_column_set_visible (tier, settings.enabled && settings.tiers && self->width == CRM_CUSTOMERS_WIDE);
  gtk_widget_set_visible (GTK_WIDGET (self->tier_dropdown), settings.enabled && settings.tiers && tiers->len > 0);

  self->filling_tags = TRUE;
  g_clear_pointer (&self->tier_ids, g_array_unref);
  self->tier_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_splice (self->tiers, 0, g_list_model_get_n_items (G_LIST_MODEL (self->tiers)),
                          (const char *[]) { _("All Tiers"), _("No Tier Yet"), NULL });
  g_array_append_val (self->tier_ids, any);
  g_array_append_val (self->tier_ids, none);
  for (guint i = 0; i < tiers->len; i++)
    {
      const CrmLoyaltyTier *t = g_ptr_array_index (tiers, i);

      gtk_string_list_append (self->tiers, t->name);
      g_array_append_val (self->tier_ids, t->id);
      if (t->id == chosen)
        position = self->tier_ids->len - 1;
    }
  gtk_drop_down_set_selected (self->tier_dropdown, chosen == -1 ? 1 : position);
  self->filling_tags = FALSE;
}

static void
apply_filters (CrmCustomersPage *self)
{
  guint segment = gtk_drop_down_get_selected (self->segment_dropdown);
  guint tag = gtk_drop_down_get_selected (self->tag_dropdown);
  guint seen = gtk_drop_down_get_selected (self->seen_dropdown);
  guint group = gtk_drop_down_get_selected (self->group_dropdown);

  if (self->list == NULL)
    return;

  crm_customer_list_set_segment (self->list,
                                 segment == 1 || segment == 3 ? CRM_SEGMENT_FILTER_KEY :
                                 segment == 2 ? CRM_SEGMENT_FILTER_SECONDARY :
                                 CRM_SEGMENT_FILTER_ALL);
  crm_customer_list_set_at_risk (self->list, segment == 3);
  crm_customer_list_set_tag (self->list,
                             tag != GTK_INVALID_LIST_POSITION && tag > 0
                               ? gtk_string_list_get_string (self->tags, tag) : NULL);
  crm_customer_list_set_not_seen_days (self->list,
                                       seen < G_N_ELEMENTS (seen_days) ? seen_days[seen] : 0);
  crm_customer_list_set_tier (self->list, tier_filter (self));
  crm_customer_list_set_rfm_group (self->list, group > 0 && group < g_strv_length ((char **) crm_rfm_groups) + 1
                                                 ? crm_rfm_groups[group - 1] : NULL);
  update_visible_page (self);
}

static void
filters_changed_cb (CrmCustomersPage *self)
{
  if (!self->filling_tags)
    apply_filters (self);
}

static void
search_changed_cb (CrmCustomersPage *self)
{
  if (self->list == NULL)
    return;

  crm_customer_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_visible_page (self);
}

static void
search_activate_cb (CrmCustomersPage *self)
{
  /* Enter in the search opens the first match: look up, open, done. */
  if (self->list != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    crm_customers_page_show_customer (self, crm_customer_list_get_id (self->list, 0));
}

static void
search_stop_cb (CrmCustomersPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
row_activated_cb (CrmCustomersPage *self,
                  guint             position)
{
  gint64 id = crm_customer_list_get_id (self->list, position);

  if (id > 0)
    crm_customers_page_show_customer (self, id);
}

typedef struct
{
  CrmStore *store;
  gint64    id;
  gboolean  undone;
  gboolean  delete_after;
} PendingRemoval;

static void
pending_removal_free (PendingRemoval *pending)
{
  g_clear_object (&pending->store);
  g_free (pending);
}

static void
undo_clicked_cb (AdwToast       *toast,
                 PendingRemoval *pending)
{
  g_autoptr(GError) error = NULL;

  pending->undone = TRUE;
  if (!crm_store_set_customer_archived (pending->store, pending->id, FALSE, &error))
    g_warning ("Could not undo: %s", error->message);
}

static void
toast_dismissed_cb (AdwToast       *toast,
                    PendingRemoval *pending)
{
  g_autoptr(GError) error = NULL;

  /* Only now is a deleted customer really gone. If the app stops before
   * this, the customer stays archived: nothing is lost. */
  if (pending->delete_after && !pending->undone &&
      !crm_store_delete_customer (pending->store, pending->id, &error))
    g_warning ("Could not delete the customer: %s", error->message);
}

static void
remove_customer (CrmCustomersPage *self,
                 gint64            id,
                 gboolean          delete_after)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCustomer) customer = crm_store_get_customer (get_store (self), id);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  PendingRemoval *pending;
  AdwToast *toast;

  if (customer == NULL)
    return;

  /* Both start by archiving: the customer leaves the list at once and
   * comes back untouched with Undo. */
  if (!crm_store_set_customer_archived (get_store (self), id, TRUE, &error))
    {
      show_error (self, error->message);
      return;
    }

  name = g_markup_escape_text (crm_customer_get_name (customer), -1);
  title = g_strdup_printf (delete_after ? _("“%s” deleted") : _("“%s” archived"), name);

  pending = g_new0 (PendingRemoval, 1);
  pending->store = g_object_ref (get_store (self));
  pending->id = id;
  pending->delete_after = delete_after;

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), pending);
  g_signal_connect_data (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), pending,
                         (GClosureNotify) (void (*) (void)) pending_removal_free, 0);
  crm_format_add_toast (GTK_WIDGET (self), toast);
}

static void
customer_done_cb (CrmCustomersPage *self)
{
  crm_customers_page_go_back (self);
}

static void
customer_archive_cb (CrmCustomersPage *self,
                     gint64            id)
{
  crm_customers_page_go_back (self);
  remove_customer (self, id, FALSE);
}

static void
customer_delete_cb (CrmCustomersPage *self,
                    gint64            id)
{
  crm_customers_page_go_back (self);
  remove_customer (self, id, TRUE);
}

static gboolean
archive_selected_cb (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   user_data)
{
  CrmCustomersPage *self = user_data;
  GtkSelectionModel *selection = gtk_column_view_get_model (self->column_view);
  gint64 id = crm_customer_selection_get_selected_id (CRM_CUSTOMER_SELECTION (selection));

  if (id <= 0)
    return FALSE;

  remove_customer (self, id, FALSE);
  return TRUE;
}

static void
sample_clicked_cb (CrmCustomersPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!crm_customers_page_load_sample (self, &error))
    show_error (self, error->message);
}

/* GTK 4.8 cannot tell which column a GtkColumnView sorts by (that API came
 * in 4.10). Each column's sorter records that it was asked and answers
 * "larger": comparing one probe through the view's sorter then reveals the
 * primary column, and the sign reveals its direction. The list itself is
 * sorted by SQL. */
static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  GtkColumnViewColumn *column = (GtkColumnViewColumn *) user_data;
  CrmCustomersPage *self = g_object_get_data (G_OBJECT (column), "crm-page");

  if (self->probe_column < 0)
    self->probe_column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), "crm-column"));

  return GTK_ORDERING_LARGER;
}

static void
view_sorter_changed_cb (GtkSorter        *sorter,
                        GtkSorterChange   change,
                        CrmCustomersPage *self)
{
  /* Two objects: a sorter answers "equal" for an item and itself. */
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;

  self->probe_column = -1;
  order = gtk_sorter_compare (sorter, a, b);

  if (self->probe_column < 0 || order == GTK_ORDERING_EQUAL)
    crm_customer_list_set_sort (self->list, CRM_CUSTOMER_SORT_NAME, FALSE);
  else
    crm_customer_list_set_sort (self->list, column_sorts[self->probe_column],
                                order == GTK_ORDERING_SMALLER);
}

static CrmStore *
page_store (gpointer data)
{
  return get_store (data);
}

static void
add_column (CrmCustomersPage *self,
            int               column_id,
            const char       *title,
            gboolean          expand)
{
  g_autoptr(GtkListItemFactory) factory = crm_customer_cell_factory_new (column_id, page_store, self);
  g_autoptr(GtkColumnViewColumn) column = NULL;
  GtkSorter *sorter;


  column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  g_object_set_data (G_OBJECT (column), "crm-page", self);
  g_object_set_data (G_OBJECT (column), "crm-column", GINT_TO_POINTER (column_id));

  sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, column, NULL));
  gtk_column_view_column_set_sorter (column, sorter);
  g_object_unref (sorter);

  gtk_column_view_append_column (self->column_view, column);
}

static void
crm_customers_page_dispose (GObject *object)
{
  CrmCustomersPage *self = CRM_CUSTOMERS_PAGE (object);

  if (self->context != NULL)
    g_clear_signal_handler (&self->changed_id, crm_context_get_store (self->context));

  /* AdwBin unparents its child itself: disposing the template here
   * would unparent it twice. */

  g_clear_object (&self->list);
  g_clear_object (&self->context);
  g_clear_object (&self->tags);
  g_clear_object (&self->tiers);
  g_clear_pointer (&self->tier_ids, g_array_unref);

  G_OBJECT_CLASS (crm_customers_page_parent_class)->dispose (object);
}

static void
crm_customers_page_class_init (CrmCustomersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_customers_page_dispose;

  g_type_ensure (CRM_TYPE_CUSTOMER_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/crm-customers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, segment_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, tier_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, seen_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, results_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomersPage, customer_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sample_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, customer_done_cb);
  gtk_widget_class_bind_template_callback (widget_class, customer_archive_cb);
  gtk_widget_class_bind_template_callback (widget_class, customer_delete_cb);
}

static void
crm_customers_page_init (CrmCustomersPage *self)
{
  g_autoptr(GtkStringList) seen = gtk_string_list_new (NULL);
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->tags = gtk_string_list_new ((const char *[]) { _("All Tags"), NULL });
  gtk_drop_down_set_model (self->tag_dropdown, G_LIST_MODEL (self->tags));
  gtk_widget_set_visible (GTK_WIDGET (self->tag_dropdown), FALSE);

  gtk_string_list_append (seen, _("Any Time"));
  for (guint i = 1; i < G_N_ELEMENTS (seen_days); i++)
    {
      g_autofree char *label = g_strdup_printf (ngettext ("Not Seen for %u Day",
                                                          "Not Seen for %u Days",
                                                          seen_days[i]),
                                                seen_days[i]);

      gtk_string_list_append (seen, label);
    }
  gtk_drop_down_set_model (self->seen_dropdown, G_LIST_MODEL (seen));

  add_column (self, CRM_CUSTOMER_COLUMN_NAME, _("Name"), TRUE);
  add_column (self, CRM_CUSTOMER_COLUMN_PHONE, _("Phone"), FALSE);
  add_column (self, CRM_CUSTOMER_COLUMN_SEGMENT, _("Segment"), FALSE);
  add_column (self, CRM_CUSTOMER_COLUMN_LAST_VISIT, _("Last Visit"), FALSE);
  add_column (self, CRM_CUSTOMER_COLUMN_SPEND, _("Spent This Year"), FALSE);
  add_column (self, CRM_CUSTOMER_COLUMN_POINTS, _("Points"), FALSE);
  add_column (self, CRM_CUSTOMER_COLUMN_TIER, _("Tier"), FALSE);
  crm_accessible_name_column_view (self->column_view, _("Customers"));
  self->tiers = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->tier_dropdown, G_LIST_MODEL (self->tiers));

  /* Any group, then the groups by habit in their order (crm-rfm.h). */
  {
    g_autoptr(GtkStringList) groups = gtk_string_list_new (NULL);

    gtk_string_list_append (groups, _("All Groups"));
    for (guint i = 0; crm_rfm_groups[i] != NULL; i++)
      gtk_string_list_append (groups, crm_rfm_group_name (crm_rfm_groups[i]));
    gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (groups));
  }

  /* Delete archives the selected customer (with Undo). */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_callback_action_new (archive_selected_cb,
                                                                                   self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), shortcuts);
}

/**
 * crm_customers_page_dup_filter:
 *
 * Returns: (transfer full): the list's filters and search, to save
 */
char *
crm_customers_page_dup_filter (CrmCustomersPage *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMERS_PAGE (self), NULL);

  return self->list != NULL ? crm_customer_list_dup_filter (self->list) : g_strdup ("");
}

static guint
string_position (GListModel *strings,
                 const char *text)
{
  for (guint i = 0; text != NULL && i < g_list_model_get_n_items (strings); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (strings), i), text) == 0)
      return i;
  return 0;
}

/**
 * crm_customers_page_apply_filter:
 * @filter: a saved list's filters (crm_customer_list_dup_filter())
 *
 * Shows the list as it was saved: every filter chosen as it was, the
 * search typed in again. A filter that no longer exists (a tag or tier
 * gone since) reads as "any".
 */
void
crm_customers_page_apply_filter (CrmCustomersPage *self,
                                 const char       *filter)
{
  g_auto(CrmListFilter) parsed = { 0 };
  const char *segment, *tag, *group, *search;
  gboolean at_risk;
  guint days, seen = 0, group_position = 0, tier_position = 0;
  gint64 tier;

  g_return_if_fail (CRM_IS_CUSTOMERS_PAGE (self));

  if (self->list == NULL || !crm_list_filter_parse (filter, &parsed))
    return;
  segment = parsed.segment;
  at_risk = parsed.at_risk;
  tag = parsed.tag;
  days = parsed.not_seen_days;
  tier = parsed.tier;
  group = parsed.group;
  search = parsed.search;

  for (guint i = 0; i < G_N_ELEMENTS (seen_days); i++)
    if (seen_days[i] == days)
      seen = i;
  for (guint i = 0; group != NULL && crm_rfm_groups[i] != NULL; i++)
    if (g_str_equal (crm_rfm_groups[i], group))
      group_position = i + 1;
  for (guint i = 0; self->tier_ids != NULL && i < self->tier_ids->len; i++)
    if (g_array_index (self->tier_ids, gint64, i) == tier)
      tier_position = i;

  /* Every choice first, then one query. */
  self->filling_tags = TRUE;
  gtk_drop_down_set_selected (self->segment_dropdown,
                              at_risk ? 3 : g_strcmp0 (segment, "key") == 0 ? 1
                              : g_strcmp0 (segment, "secondary") == 0 ? 2 : 0);
  gtk_drop_down_set_selected (self->tag_dropdown, string_position (G_LIST_MODEL (self->tags), tag));
  gtk_drop_down_set_selected (self->seen_dropdown, seen);
  gtk_drop_down_set_selected (self->group_dropdown, group_position);
  if (self->tier_ids != NULL)
    gtk_drop_down_set_selected (self->tier_dropdown, tier_position);
  self->filling_tags = FALSE;
  apply_filters (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search != NULL ? search : "");
  crm_customer_list_set_search (self->list, search);
  update_visible_page (self);
}

void
crm_customers_page_set_context (CrmCustomersPage *self,
                                CrmContext       *context)
{
  g_autoptr(CrmCustomerSelection) selection = NULL;

  g_return_if_fail (CRM_IS_CUSTOMERS_PAGE (self));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  /* A big shop's rows are read on a worker, after a screenful read here:
   * the start, a sort, a filter or a change elsewhere never waits for
   * the query (the search stays in memory). */
  self->list = crm_customer_list_new_big (crm_context_get_store (context), WORKER_FROM);

  selection = crm_customer_selection_new (self->list);
  gtk_search_entry_set_search_delay (self->search_entry, SEARCH_DELAY_MS);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  g_signal_connect (gtk_column_view_get_sorter (self->column_view), "changed",
                    G_CALLBACK (view_sorter_changed_cb), self);

  crm_customer_page_set_context (self->customer_page, context);

  self->changed_id = g_signal_connect (crm_context_get_store (context), "changed",
                                       G_CALLBACK (store_changed_cb), self);
  fill_tags (self);
  update_spend_title (self);
  update_loyalty (self);
  /* The list's first rows say how big the shop is: a big one's summary
   * (every purchase counted) is read on a worker from the start, not
   * before the window's first frame. */
  self->n_customers = crm_customer_list_get_loading (self->list)
                       ? G_MAXUINT : g_list_model_get_n_items (G_LIST_MODEL (self->list));
  update_summary (self);
  update_visible_page (self);
}

void
crm_customers_page_focus_search (CrmCustomersPage *self)
{
  g_return_if_fail (CRM_IS_CUSTOMERS_PAGE (self));

  crm_customers_page_go_back (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
crm_customers_page_new_customer (CrmCustomersPage *self)
{
  crm_customers_page_show_customer (self, 0);
}

/**
 * crm_customers_page_show_customer:
 * @customer_id: a customer, or 0 for a new one
 */
void
crm_customers_page_show_customer (CrmCustomersPage *self,
                                  gint64            customer_id)
{
  g_return_if_fail (CRM_IS_CUSTOMERS_PAGE (self));

  if (self->context == NULL)
    return;

  crm_customer_page_show (self->customer_page, customer_id);
  /* Nobody sees the list meanwhile: let it catch up once on the way back. */
  crm_customer_list_set_paused (self->list, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "customer");
  crm_customer_page_focus (self->customer_page);
}

gint64
crm_customers_page_get_shown_id (CrmCustomersPage *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMERS_PAGE (self), 0);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "customer") != 0)
    return -1;

  return crm_customer_page_get_customer_id (self->customer_page);
}

/**
 * crm_customers_page_go_back:
 *
 * Returns: %TRUE if a customer page was open and the list is shown now
 */
gboolean
crm_customers_page_go_back (CrmCustomersPage *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMERS_PAGE (self), FALSE);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "customer") != 0)
    return FALSE;

  crm_customer_list_set_paused (self->list, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "list");
  update_visible_page (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  return TRUE;
}

gboolean
crm_customers_page_load_sample (CrmCustomersPage  *self,
                                GError           **error)
{
  g_return_val_if_fail (CRM_IS_CUSTOMERS_PAGE (self), FALSE);

  if (!crm_demo_fill (get_store (self), CRM_DEMO_CUSTOMERS, 2026, error))
    return FALSE;

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return TRUE;
}

/**
 * crm_customers_page_is_settling:
 *
 * Returns: whether the list still reads its rows on a worker or still
 *   hands new ones to the view: what a sort, a search or a change asked
 *   for is not all on screen yet
 */
gboolean
crm_customers_page_is_settling (CrmCustomersPage *self)
{
  GtkSelectionModel *selection;

  g_return_val_if_fail (CRM_IS_CUSTOMERS_PAGE (self), FALSE);

  selection = gtk_column_view_get_model (self->column_view);
  if (self->list == NULL || !CRM_IS_CUSTOMER_SELECTION (selection))
    return FALSE;

  return crm_customer_list_get_loading (self->list) ||
         crm_customer_selection_get_revealing (CRM_CUSTOMER_SELECTION (selection));
}

gboolean
crm_customers_page_has_unsaved_changes (CrmCustomersPage *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMERS_PAGE (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "customer") == 0 &&
         crm_customer_page_is_dirty (self->customer_page);
}

/**
 * crm_customers_page_set_width:
 *
 * How much room the window gives the list (the window says). Folded, the
 * loyalty columns go; narrow, the phone and the last visit too: the list
 * keeps what tells customers apart (name, segment, spend), the rest is on
 * the customer's page and in what a screen reader reads for the row.
 */
void
crm_customers_page_set_width (CrmCustomersPage  *self,
                              CrmCustomersWidth  width)
{
  GListModel *columns;
  g_autoptr(GtkColumnViewColumn) phone = NULL;
  g_autoptr(GtkColumnViewColumn) last_visit = NULL;

  g_return_if_fail (CRM_IS_CUSTOMERS_PAGE (self));

  if (self->width == width)
    return;

  self->width = width;
  columns = gtk_column_view_get_columns (self->column_view);
  phone = g_list_model_get_item (columns, CRM_CUSTOMER_COLUMN_PHONE);
  last_visit = g_list_model_get_item (columns, CRM_CUSTOMER_COLUMN_LAST_VISIT);
  gtk_column_view_column_set_visible (phone, width != CRM_CUSTOMERS_NARROW);
  gtk_column_view_column_set_visible (last_visit, width != CRM_CUSTOMERS_NARROW);
  if (self->context != NULL)
    update_loyalty (self);
}
