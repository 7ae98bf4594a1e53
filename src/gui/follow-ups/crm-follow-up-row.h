/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-context.h"
#include "crm-follow-up.h"

G_BEGIN_DECLS

#define CRM_TYPE_FOLLOW_UP_ROW (crm_follow_up_row_get_type ())

G_DECLARE_FINAL_TYPE (CrmFollowUpRow, crm_follow_up_row, CRM, FOLLOW_UP_ROW, AdwActionRow)

GtkWidget   *crm_follow_up_row_new             (CrmContext     *context,
                                                CrmFollowUp    *follow_up,
                                                gboolean        show_customer);
CrmFollowUp *crm_follow_up_row_get_follow_up   (CrmFollowUpRow *self);

G_END_DECLS
