/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "crm-types.h"

G_BEGIN_DECLS

#define CRM_TYPE_CONNECTION_BAR (crm_connection_bar_get_type ())

G_DECLARE_FINAL_TYPE (CrmConnectionBar, crm_connection_bar, CRM, CONNECTION_BAR, GtkWidget)

void crm_connection_bar_set_store (CrmConnectionBar *self,
                                   CrmStore         *store);

G_END_DECLS
