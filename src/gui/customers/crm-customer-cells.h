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

GtkListItemFactory *crm_customer_cell_factory_new (CrmCustomerColumn  column,
                                                   CrmStore          *store);

G_END_DECLS
