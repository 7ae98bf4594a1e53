/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-context.h"

G_BEGIN_DECLS

#define CRM_TYPE_PREFERENCES_SHOP (crm_preferences_shop_get_type ())

G_DECLARE_FINAL_TYPE (CrmPreferencesShop, crm_preferences_shop, CRM, PREFERENCES_SHOP, AdwPreferencesPage)

GtkWidget *crm_preferences_shop_new (GSettings  *settings,
                                     CrmContext *context);

G_END_DECLS
