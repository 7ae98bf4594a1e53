/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "crm-store.h"

G_BEGIN_DECLS

/* A new period length recounts every customer's figures from every
 * purchase: seconds on a big shop. These run it on a worker, on a
 * connection of its own, in one transaction: cancelled or failed, the
 * shop stays as it was. */
void     crm_store_set_period_async  (CrmStore            *self,
                                      gint                 days,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean crm_store_set_period_finish (CrmStore            *self,
                                      GAsyncResult        *result,
                                      GError             **error);

G_END_DECLS
