/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-context.h"

G_BEGIN_DECLS

#define CRM_TYPE_PREFERENCES_LOYALTY (crm_preferences_loyalty_get_type ())

G_DECLARE_FINAL_TYPE (CrmPreferencesLoyalty, crm_preferences_loyalty, CRM, PREFERENCES_LOYALTY, AdwPreferencesPage)

GtkWidget *crm_preferences_loyalty_new        (GSettings             *settings,
                                               CrmContext            *context);
gboolean   crm_preferences_loyalty_add_tier   (CrmPreferencesLoyalty *self,
                                               const char            *name,
                                               const char            *min_spend,
                                               const char            *rate);
gboolean   crm_preferences_loyalty_add_reward (CrmPreferencesLoyalty *self,
                                               const char            *name,
                                               const char            *cost);

G_END_DECLS
