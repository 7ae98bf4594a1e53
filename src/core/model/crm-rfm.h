/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crm-customer.h"

G_BEGIN_DECLS

/* The groups by habit (docs/segments.md), in the order a list shows them:
 * their keys are English and stay so in files (the export's rfm_group). */
extern const char *const crm_rfm_groups[];

gboolean    crm_rfm_is_group    (const char  *key);
const char *crm_rfm_group_name  (const char  *key);
const char *crm_rfm_group_rule  (const char  *key);
char       *crm_rfm_explain     (CrmCustomer *customer,
                                 gint64       now);

G_END_DECLS
