/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_SPEND_POINTS_DIALOG (crm_spend_points_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrmSpendPointsDialog, crm_spend_points_dialog, CRM, SPEND_POINTS_DIALOG, AdwWindow)

GtkWindow *crm_spend_points_dialog_new    (GtkWindow            *parent,
                                           CrmStore             *store,
                                           gint64                customer_id);
gboolean   crm_spend_points_dialog_redeem (CrmSpendPointsDialog *self,
                                           gint64                reward_id);

G_END_DECLS
