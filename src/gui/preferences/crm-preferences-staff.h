/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-context.h"

G_BEGIN_DECLS

#define CRM_TYPE_PREFERENCES_STAFF (crm_preferences_staff_get_type ())

G_DECLARE_FINAL_TYPE (CrmPreferencesStaff, crm_preferences_staff, CRM, PREFERENCES_STAFF, AdwPreferencesPage)

GtkWidget *crm_preferences_staff_new (GSettings  *settings,
                                      CrmContext *context);

G_END_DECLS
