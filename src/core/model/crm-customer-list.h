/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "crm-store.h"
#include "crm-store-list.h"

G_BEGIN_DECLS

/* From this many rows on, a window's list reads them on a worker (a
 * query on 5 000 rows takes a few milliseconds): what the customers
 * page gives crm_customer_list_new_big(). */
#define CRM_CUSTOMER_LIST_WORKER_FROM 5000

#define CRM_TYPE_CUSTOMER_LIST (crm_customer_list_get_type ())

G_DECLARE_FINAL_TYPE (CrmCustomerList, crm_customer_list, CRM, CUSTOMER_LIST, GObject)

CrmCustomerList *crm_customer_list_new               (CrmStore         *store);
CrmCustomerList *crm_customer_list_new_big           (CrmStore         *store,
                                                      guint             worker_from);
void             crm_customer_list_set_search        (CrmCustomerList  *self,
                                                      const char       *search);
void             crm_customer_list_set_segment       (CrmCustomerList  *self,
                                                      CrmSegmentFilter  segment);
void             crm_customer_list_set_tag           (CrmCustomerList  *self,
                                                      const char       *tag);
void             crm_customer_list_set_not_seen_days (CrmCustomerList  *self,
                                                      guint             days);
void             crm_customer_list_set_at_risk       (CrmCustomerList  *self,
                                                      gboolean          at_risk);
void             crm_customer_list_set_tier          (CrmCustomerList  *self,
                                                      gint64            tier_id);
void             crm_customer_list_set_rfm_group     (CrmCustomerList  *self,
                                                      const char       *group);
/* A saved list's filters as read back from crm_customer_list_dup_filter()
 * text: the strings point into @value. */
typedef struct
{
  GVariant   *value;
  const char *segment;        /* "key", "secondary" or NULL */
  gboolean    at_risk;
  const char *tag;
  guint       not_seen_days;
  gint64      tier;
  const char *group;
  const char *search;
} CrmListFilter;

gboolean         crm_list_filter_parse               (const char       *text,
                                                      CrmListFilter    *filter);
void             crm_list_filter_clear               (CrmListFilter    *filter);
char            *crm_customer_list_dup_filter        (CrmCustomerList  *self);
gboolean         crm_customer_list_set_filter        (CrmCustomerList  *self,
                                                      const char       *filter);
void             crm_customer_list_set_sort          (CrmCustomerList  *self,
                                                      CrmCustomerSort   sort,
                                                      gboolean          descending);
void             crm_customer_list_refresh           (CrmCustomerList  *self);
void             crm_customer_list_set_paused        (CrmCustomerList  *self,
                                                      gboolean          paused);
guint            crm_customer_list_find              (CrmCustomerList  *self,
                                                      gint64            customer_id);
gint64           crm_customer_list_get_id            (CrmCustomerList  *self,
                                                      guint             position);
void             crm_customer_list_set_worker_from   (CrmCustomerList  *self,
                                                      guint             n_rows);
gboolean         crm_customer_list_get_loading       (CrmCustomerList  *self);
guint            crm_customer_list_get_n_built       (CrmCustomerList  *self);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrmListFilter, crm_list_filter_clear)

G_END_DECLS
