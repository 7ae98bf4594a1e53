/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-context.h"

G_BEGIN_DECLS

#define CRM_TYPE_PREFERENCES_DATA (crm_preferences_data_get_type ())

G_DECLARE_FINAL_TYPE (CrmPreferencesData, crm_preferences_data, CRM, PREFERENCES_DATA, AdwPreferencesPage)

GtkWidget *crm_preferences_data_new (GSettings  *settings,
                                     CrmContext *context);

G_END_DECLS
