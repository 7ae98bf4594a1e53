/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crm-store.h"

G_BEGIN_DECLS

/* One active customer as the customer CSV export shows them
 * (formats/crm-export.c). Texts are valid until the callback returns. */
typedef struct
{
  const char *name;
  const char *phone;
  const char *email;
  const char *address;
  const char *birthday;       /* "" when not known */
  const char *tags;           /* "VIP; ვეგანი", sorted */
  gboolean    key;            /* the override, else the rule */
  gint64      spend;          /* in the segment window, minor units */
  int         purchases;
  gint64      last_visit_at;  /* 0: never */
  const char *notes;
  gint64      points;         /* the loyalty balance */
  const char *tier;           /* "" without tiers */
  const char *language;       /* "" for the shop's */
  const char *channel;        /* "" for none */
  const char *telegram;
  gboolean    marketing_consent;
  const char *consent_date;   /* "" when none */
  const char *consent_source;
} CrmExportCustomer;

typedef gboolean (*CrmExportCustomerFunc) (const CrmExportCustomer  *customer,
                                           gpointer                  user_data,
                                           GError                  **error);

gboolean crm_store_export_customers (CrmStore               *store,
                                     CrmExportCustomerFunc   func,
                                     gpointer                user_data,
                                     guint                  *n_customers,
                                     GError                **error);

G_END_DECLS
