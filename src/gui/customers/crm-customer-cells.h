/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "crm-store.h"

G_BEGIN_DECLS

/* The customer list's columns, in the order the view shows them. */
typedef enum
{
  CRM_CUSTOMER_COLUMN_NAME,
  CRM_CUSTOMER_COLUMN_PHONE,
  CRM_CUSTOMER_COLUMN_SEGMENT,
  CRM_CUSTOMER_COLUMN_LAST_VISIT,
  CRM_CUSTOMER_COLUMN_SPEND,
  CRM_CUSTOMER_COLUMN_POINTS,
  CRM_CUSTOMER_COLUMN_TIER,
  CRM_CUSTOMER_N_COLUMNS
} CrmCustomerColumn;

/* The shop the cells read from, asked for at bind time (the list's page
 * gets its shop after its columns are made). */
typedef CrmStore *(*CrmCellStoreFunc) (gpointer data);

GtkListItemFactory *crm_customer_cell_factory_new (CrmCustomerColumn  column,
                                                   CrmCellStoreFunc   store_func,
                                                   gpointer           data);

G_END_DECLS
