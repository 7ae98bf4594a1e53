/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-context.h"

G_BEGIN_DECLS

#define CRM_TYPE_PREFERENCES_REMINDERS (crm_preferences_reminders_get_type ())

G_DECLARE_FINAL_TYPE (CrmPreferencesReminders, crm_preferences_reminders, CRM, PREFERENCES_REMINDERS, AdwPreferencesPage)

GtkWidget *crm_preferences_reminders_new (GSettings  *settings,
                                          CrmContext *context);

G_END_DECLS
