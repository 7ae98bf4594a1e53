/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-context.h"

G_BEGIN_DECLS

#define CRM_TYPE_PREFERENCES_MESSAGES (crm_preferences_messages_get_type ())

G_DECLARE_FINAL_TYPE (CrmPreferencesMessages, crm_preferences_messages, CRM, PREFERENCES_MESSAGES, AdwPreferencesPage)

GtkWidget *crm_preferences_messages_new (GSettings  *settings,
                                         CrmContext *context);

G_END_DECLS
