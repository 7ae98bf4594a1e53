/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_DEMO_ERROR (crm_demo_error_quark ())

typedef enum
{
  CRM_DEMO_ERROR_NOT_EMPTY,
} CrmDemoError;

/* How many customers the "Load sample shop" button and --demo create. */
#define CRM_DEMO_CUSTOMERS 200

GQuark   crm_demo_error_quark (void);
gboolean crm_demo_fill        (CrmStore  *store,
                               guint      n_customers,
                               guint32    seed,
                               GError   **error);

G_END_DECLS
