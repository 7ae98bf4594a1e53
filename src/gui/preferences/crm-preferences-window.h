/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-context.h"

G_BEGIN_DECLS

#define CRM_TYPE_PREFERENCES_WINDOW (crm_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (CrmPreferencesWindow, crm_preferences_window, CRM, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWindow *crm_preferences_window_new (GtkWindow  *parent,
                                       GSettings  *settings,
                                       CrmContext *context);
void       crm_preferences_window_show_staff (CrmPreferencesWindow *self);

G_END_DECLS
