/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-context.h"

G_BEGIN_DECLS

#define CRM_TYPE_CUSTOMERS_PAGE (crm_customers_page_get_type ())

/* How much room the window gives the list. */
typedef enum
{
  CRM_CUSTOMERS_WIDE,
  CRM_CUSTOMERS_FOLDED,
  CRM_CUSTOMERS_NARROW,
} CrmCustomersWidth;

G_DECLARE_FINAL_TYPE (CrmCustomersPage, crm_customers_page, CRM, CUSTOMERS_PAGE, AdwBin)

void     crm_customers_page_set_context    (CrmCustomersPage *self,
                                            CrmContext       *context);
void     crm_customers_page_focus_search   (CrmCustomersPage *self);
void     crm_customers_page_new_customer   (CrmCustomersPage *self);
void     crm_customers_page_show_customer  (CrmCustomersPage *self,
                                            gint64            customer_id);
gint64   crm_customers_page_get_shown_id   (CrmCustomersPage *self);
gboolean crm_customers_page_go_back        (CrmCustomersPage *self);
gboolean crm_customers_page_load_sample    (CrmCustomersPage *self,
                                            GError          **error);
gboolean crm_customers_page_has_unsaved_changes (CrmCustomersPage *self);
gboolean crm_customers_page_is_settling    (CrmCustomersPage *self);
void     crm_customers_page_set_width      (CrmCustomersPage *self,
                                            CrmCustomersWidth width);

char      *crm_customers_page_dup_filter     (CrmCustomersPage *self);
void       crm_customers_page_apply_filter   (CrmCustomersPage *self,
                                              const char       *filter);

G_END_DECLS
