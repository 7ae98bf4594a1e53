/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crm-store.h"

G_BEGIN_DECLS

typedef enum
{
  CRM_SEGMENT_FILTER_ALL,
  CRM_SEGMENT_FILTER_KEY,
  CRM_SEGMENT_FILTER_SECONDARY,
} CrmSegmentFilter;

typedef enum
{
  CRM_CUSTOMER_SORT_NAME,
  CRM_CUSTOMER_SORT_PHONE,
  CRM_CUSTOMER_SORT_SEGMENT,
  CRM_CUSTOMER_SORT_LAST_VISIT,
  CRM_CUSTOMER_SORT_SPEND,
  CRM_CUSTOMER_SORT_POINTS,        /* the loyalty balance */
  CRM_CUSTOMER_SORT_TIER,          /* the loyalty tier's spend, the last 12 months */
} CrmCustomerSort;

/* Which active customers the list shows, and in what order. Everything
 * the query depends on is here, so that it can run on any connection
 * to the shop; the search is not: it narrows the rows in memory. */
typedef struct
{
  CrmSegmentFilter  segment;
  const char       *tag;            /* NULL for any */
  guint             not_seen_days;  /* not seen for more than this; 0 for everyone */
  gboolean          at_risk;        /* key clients at risk only */
  CrmCustomerSort   sort;
  gboolean          descending;
  const char       *language;       /* names in the order of "en", "ka" or "hy" */
  gint64            now;            /* what "not seen for" and "at risk" count from */
  gint64            tier_id;        /* a loyalty tier's customers; -1 below every tier; 0 for any */
  gint64            tier_from;      /* the tiers' 12 months start here and end at now */
  const char       *rfm_group;      /* a group by habit's key (crm-rfm.h); NULL for any */
  guint             limit;          /* only the first rows; 0 for all */
} CrmCustomerQuery;

/* The rows of a query, in its order: each customer's id, folded search
 * text (name, e-mail, notes, tags) and phone key. The texts live in
 * @chunk. */
typedef struct
{
  GArray       *ids;     /* gint64 */
  GPtrArray    *texts;   /* const char * */
  GPtrArray    *phones;  /* const char * */
  GStringChunk *chunk;
} CrmCustomerRows;

CrmCustomerRows *crm_customer_rows_new              (void);
void             crm_customer_rows_free             (CrmCustomerRows        *rows);
CrmCustomerRows *crm_store_query_customer_rows      (CrmStore               *self,
                                                     const CrmCustomerQuery *query,
                                                     GError                **error);
GArray          *crm_store_list_key_customer_ids    (CrmStore               *self,
                                                     GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmCustomerRows, crm_customer_rows_free)

G_END_DECLS
