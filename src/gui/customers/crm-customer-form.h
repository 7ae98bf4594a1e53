/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_CUSTOMER_FORM (crm_customer_form_get_type ())

G_DECLARE_FINAL_TYPE (CrmCustomerForm, crm_customer_form, CRM, CUSTOMER_FORM, AdwBin)

void     crm_customer_form_set_store       (CrmCustomerForm *self,
                                            CrmStore        *store);
void     crm_customer_form_load            (CrmCustomerForm *self,
                                            gint64           customer_id);
gboolean crm_customer_form_save            (CrmCustomerForm *self);
gint64   crm_customer_form_get_customer_id (CrmCustomerForm *self);
gboolean crm_customer_form_is_dirty        (CrmCustomerForm *self);
void     crm_customer_form_focus           (CrmCustomerForm *self);

G_END_DECLS
