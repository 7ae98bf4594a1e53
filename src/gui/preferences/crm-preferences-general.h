/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-context.h"

G_BEGIN_DECLS

#define CRM_TYPE_PREFERENCES_GENERAL (crm_preferences_general_get_type ())

G_DECLARE_FINAL_TYPE (CrmPreferencesGeneral, crm_preferences_general, CRM, PREFERENCES_GENERAL, AdwPreferencesPage)

GtkWidget *crm_preferences_general_new (GSettings  *settings,
                                        CrmContext *context);

G_END_DECLS
