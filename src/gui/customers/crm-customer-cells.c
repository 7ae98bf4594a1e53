/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-customers-page"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-accessible.h"
#include "crm-customer-cells.h"
#include "crm-format.h"
#include "crm-store-loyalty.h"

/* The cells of the customer list, one factory per column: a label (or the
 * segment's badge and the at-risk sign) bound to the row's snapshot. Only
 * rows on screen are bound, so what a cell reads from the store it reads
 * for those alone. */

static CrmStore *
store_of (GtkSignalListItemFactory *factory)
{
  CrmCellStoreFunc store_func = (CrmCellStoreFunc) g_object_get_data (G_OBJECT (factory), "crm-store-func");

  return store_func (g_object_get_data (G_OBJECT (factory), "crm-store-data"));
}

/* What every row's cells read alike, read once per change of the
 * settings rather than once per row: a sort brings some 200 rows on
 * screen at once, and each read is a query. Kept on the store. */
typedef struct
{
  guint               serial;
  char               *currency;
  GPtrArray          *tiers;
  CrmLoyaltySettings  settings;
} CellShop;

static void
cell_shop_free (CellShop *shop)
{
  g_free (shop->currency);
  g_clear_pointer (&shop->tiers, g_ptr_array_unref);
  g_free (shop);
}

static const CellShop *
cell_shop (CrmStore *store)
{
  CellShop *shop = g_object_get_data (G_OBJECT (store), "crm-cell-shop");
  guint serial = crm_store_get_settings_serial (store);

  if (shop != NULL && shop->serial == serial)
    return shop;

  if (shop == NULL)
    {
      shop = g_new0 (CellShop, 1);
      g_object_set_data_full (G_OBJECT (store), "crm-cell-shop", shop, (GDestroyNotify) cell_shop_free);
    }

  shop->serial = serial;
  g_free (shop->currency);
  shop->currency = crm_store_dup_currency (store);
  g_clear_pointer (&shop->tiers, g_ptr_array_unref);
  shop->tiers = crm_store_list_tiers (store);
  crm_loyalty_settings_load (store, &shop->settings);
  return shop;
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gboolean number = GPOINTER_TO_INT (user_data) == CRM_CUSTOMER_COLUMN_SPEND || GPOINTER_TO_INT (user_data) == CRM_CUSTOMER_COLUMN_POINTS;

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (number || GPOINTER_TO_INT (user_data) == CRM_CUSTOMER_COLUMN_PHONE)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

/* GTK 4.8 reads a column view's rows and cells by their type
 * ("GtkListItemWidget", "GtkColumnViewCell"). The cell around a child and
 * the row around the cell are reached from the child: a cell reads as its
 * text, a row as the customer ("Nino Beridze, key client, last visit:
 * today, ₾1,955.00"). */
static void
name_cell (GtkWidget  *child,
           const char *text)
{
  GtkWidget *cell = gtk_widget_get_parent (child);

  if (cell != NULL)
    crm_accessible_set_name (cell, text);
}

static void
name_row (CrmStore    *store,
          GtkWidget   *child,
          CrmCustomer *customer)
{
  GtkWidget *cell = gtk_widget_get_parent (child);
  GtkWidget *row = cell ? gtk_widget_get_parent (cell) : NULL;
  g_autofree char *seen = NULL;
  g_autofree char *last_visit = NULL;
  g_autofree char *spend = NULL;
  g_autofree char *name = NULL;
  const char *segment;

  if (row == NULL)
    return;

  if (crm_customer_get_segment (customer) != CRM_SEGMENT_KEY)
    /* Translators: how a screen reader reads the segment in a row of the customer list */
    segment = _("secondary client");
  else if (crm_customer_get_at_risk (customer))
    /* Translators: how a screen reader reads the segment in a row of the customer list */
    segment = _("key client, at risk");
  else
    /* Translators: how a screen reader reads the segment in a row of the customer list */
    segment = _("key client");

  seen = crm_format_days_ago (crm_customer_get_last_visit_at (customer));
  /* Translators: in what a screen reader reads for a customer; %s is "8 days ago", "Never"… */
  last_visit = g_strdup_printf (_("last visit: %s"), seen);
  spend = crm_format_money (crm_customer_get_spend (customer), cell_shop (store)->currency);
  /* Translators: a customer list row for a screen reader: name, segment, last visit, spend */
  name = g_strdup_printf (_("%s, %s, %s, %s"), crm_customer_get_name (customer), segment, last_visit, spend);
  crm_accessible_set_name (row, name);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  CrmCustomer *customer = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;

  switch (GPOINTER_TO_INT (user_data))
    {
    case CRM_CUSTOMER_COLUMN_NAME:
      gtk_label_set_text (label, crm_customer_get_name (customer));
      name_cell (GTK_WIDGET (label), crm_customer_get_name (customer));
      name_row (store_of (factory), GTK_WIDGET (label), customer);
      return;

    case CRM_CUSTOMER_COLUMN_PHONE:
      gtk_label_set_text (label, crm_customer_get_phone (customer));
      name_cell (GTK_WIDGET (label), crm_customer_get_phone (customer));
      return;

    case CRM_CUSTOMER_COLUMN_LAST_VISIT:
      text = crm_format_days_ago (crm_customer_get_last_visit_at (customer));
      break;

    case CRM_CUSTOMER_COLUMN_SPEND:
      text = crm_format_money (crm_customer_get_spend (customer), cell_shop (store_of (factory))->currency);
      break;

    case CRM_CUSTOMER_COLUMN_POINTS:
      {
        /* Asked for the rows on screen only: the balance alone (the whole
         * status also works out when points lapse, a read of the ledger
         * that made every sort rebind for seconds). */
        text = crm_loyalty_format_points (crm_store_get_points_balance (store_of (factory),
                                                                        crm_customer_get_id (customer)));
      }
      break;

    case CRM_CUSTOMER_COLUMN_TIER:
      {
        CrmStore *store = store_of (factory);
        const CellShop *shop = cell_shop (store);
        gint64 now = crm_store_now (store);
        const CrmLoyaltyTier *tier = NULL;

        if (shop->settings.tiers)
          tier = crm_loyalty_tier_for (shop->tiers,
                                       crm_store_get_tier_spend (store, crm_customer_get_id (customer),
                                                                 crm_loyalty_months_before (now, 12),
                                                                 now));
        text = g_strdup (tier != NULL ? tier->name : "");
      }
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_label_set_text (label, text);
  name_cell (GTK_WIDGET (label), text);
}

static void
setup_segment_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *badge = gtk_label_new (NULL);
  GtkWidget *risk = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_add_css_class (badge, "segment-badge");
  gtk_widget_add_css_class (risk, "at-risk");
  /* Hidden first: a visible widget given a tooltip asks the display
   * where the pointer is (a round trip to the X server), and this runs
   * for every row a sort or a scroll brings on screen. Bind shows it. */
  gtk_widget_set_visible (risk, FALSE);
  gtk_widget_set_tooltip_text (risk, _("At risk: much longer than usual since the last purchase"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (risk),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("At risk"),
                                  -1);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_box_append (GTK_BOX (box), risk);
  gtk_list_item_set_child (item, box);
}

static void
bind_segment_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  CrmCustomer *customer = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *badge = gtk_widget_get_first_child (box);
  GtkWidget *risk = gtk_widget_get_next_sibling (badge);
  gboolean key = crm_customer_get_segment (customer) == CRM_SEGMENT_KEY;

  crm_format_segment_badge (GTK_LABEL (badge), crm_customer_get_segment (customer));
  gtk_widget_set_visible (risk, key && crm_customer_get_at_risk (customer));
  if (key && crm_customer_get_at_risk (customer))
    {
      /* Translators: a cell of the customer list for a screen reader: the badge, then "At risk" */
      g_autofree char *spoken = g_strdup_printf (_("%s, %s"), gtk_label_get_text (GTK_LABEL (badge)), _("At risk"));

      name_cell (box, spoken);
    }
  else
    name_cell (box, gtk_label_get_text (GTK_LABEL (badge)));
}

/**
 * crm_customer_cell_factory_new:
 * @column: which column the cells show
 * @store_func: gives the shop, for the figures a cell reads
 * @data: for @store_func; outlives the factory
 *
 * Returns: (transfer full): the factory for @column's cells
 */
GtkListItemFactory *
crm_customer_cell_factory_new (CrmCustomerColumn  column,
                               CrmCellStoreFunc   store_func,
                               gpointer           data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "crm-store-func", (gpointer) store_func);
  g_object_set_data (G_OBJECT (factory), "crm-store-data", data);
  if (column == CRM_CUSTOMER_COLUMN_SEGMENT)
    {
      g_signal_connect (factory, "setup", G_CALLBACK (setup_segment_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_segment_cb), NULL);
    }
  else
    {
      g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), GINT_TO_POINTER (column));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), GINT_TO_POINTER (column));
    }

  return factory;
}
