/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-context.h"

G_BEGIN_DECLS

#define CRM_TYPE_CUSTOMER_PAGE (crm_customer_page_get_type ())

G_DECLARE_FINAL_TYPE (CrmCustomerPage, crm_customer_page, CRM, CUSTOMER_PAGE, AdwBin)

void     crm_customer_page_set_context     (CrmCustomerPage *self,
                                            CrmContext      *context);
void     crm_customer_page_show            (CrmCustomerPage *self,
                                            gint64           customer_id);
void     crm_customer_page_focus           (CrmCustomerPage *self);
gint64   crm_customer_page_get_customer_id (CrmCustomerPage *self);
gboolean crm_customer_page_save            (CrmCustomerPage *self);
gboolean crm_customer_page_is_dirty        (CrmCustomerPage *self);
void     crm_customer_page_edit            (CrmCustomerPage *self);
gboolean crm_customer_page_is_editing      (CrmCustomerPage *self);

G_END_DECLS
