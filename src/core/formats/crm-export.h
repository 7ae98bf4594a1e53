/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "crm-store.h"

G_BEGIN_DECLS

char     *crm_export_csv_cell      (const char  *text);
gboolean  crm_export_customers_csv (CrmStore    *store,
                                    GFile       *file,
                                    guint       *n_written,
                                    GError     **error);

G_END_DECLS
