/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crm-store.h"

G_BEGIN_DECLS

/* For writing a whole shop from nothing, with a past (the sample shop). */
gboolean crm_store_count_all_customers (CrmStore    *self,
                                        guint       *count,
                                        GError     **error);
gboolean crm_store_update_feedback_at  (CrmStore    *self,
                                        gint64       id,
                                        const char  *status,
                                        const char  *response,
                                        gint64       at,
                                        GError     **error);

G_END_DECLS
