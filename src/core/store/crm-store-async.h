/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "crm-store.h"

G_BEGIN_DECLS

/* Store calls that take long on a big shop, run on a worker on a
 * connection of their own, the result back on the caller's main context.
 *
 * A new period length recounts every customer's figures from every
 * purchase: seconds on a big shop. It runs in one transaction:
 * cancelled or failed, the shop stays as it was. */
void     crm_store_set_period_async  (CrmStore            *self,
                                      gint                 days,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean crm_store_set_period_finish (CrmStore            *self,
                                      GAsyncResult        *result,
                                      GError             **error);

/* crm_store_get_summary(), which reads every customer. */
void     crm_store_get_summary_async  (CrmStore            *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean crm_store_get_summary_finish (CrmStore            *self,
                                       GAsyncResult        *result,
                                       CrmShopSummary      *summary,
                                       GError             **error);

G_END_DECLS
