/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "crm-customer-list.h"

G_BEGIN_DECLS

#define CRM_TYPE_CUSTOMER_SELECTION (crm_customer_selection_get_type ())

G_DECLARE_FINAL_TYPE (CrmCustomerSelection, crm_customer_selection, CRM, CUSTOMER_SELECTION, GObject)

CrmCustomerSelection *crm_customer_selection_new          (CrmCustomerList      *list);
guint                 crm_customer_selection_get_selected (CrmCustomerSelection *self);
gint64                crm_customer_selection_get_selected_id (CrmCustomerSelection *self);
CrmCustomerList      *crm_customer_selection_get_list     (CrmCustomerSelection *self);
gboolean              crm_customer_selection_get_revealing (CrmCustomerSelection *self);

G_END_DECLS
