/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_CUSTOMER_PRIVACY (crm_customer_privacy_get_type ())

G_DECLARE_FINAL_TYPE (CrmCustomerPrivacy, crm_customer_privacy, CRM, CUSTOMER_PRIVACY, AdwBin)

void       crm_customer_privacy_set_store    (CrmCustomerPrivacy *self,
                                              CrmStore           *store);
void       crm_customer_privacy_set_customer (CrmCustomerPrivacy *self,
                                              gint64              customer_id);
gboolean   crm_customer_privacy_export_to    (CrmCustomerPrivacy *self,
                                              const char         *path);
GtkWindow *crm_customer_privacy_ask_erase    (CrmCustomerPrivacy *self);

G_END_DECLS
