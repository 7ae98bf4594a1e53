/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-context.h"

G_BEGIN_DECLS

#define CRM_TYPE_FOLLOW_UPS_PAGE (crm_follow_ups_page_get_type ())

G_DECLARE_FINAL_TYPE (CrmFollowUpsPage, crm_follow_ups_page, CRM, FOLLOW_UPS_PAGE, AdwBin)

void  crm_follow_ups_page_set_context    (CrmFollowUpsPage *self,
                                          CrmContext       *context);
void  crm_follow_ups_page_refresh        (CrmFollowUpsPage *self);
guint crm_follow_ups_page_count_waiting  (CrmFollowUpsPage *self);

G_END_DECLS
