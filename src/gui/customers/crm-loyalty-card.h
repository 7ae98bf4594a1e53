/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-context.h"

G_BEGIN_DECLS

#define CRM_TYPE_LOYALTY_CARD (crm_loyalty_card_get_type ())

G_DECLARE_FINAL_TYPE (CrmLoyaltyCard, crm_loyalty_card, CRM, LOYALTY_CARD, AdwBin)

void crm_loyalty_card_set_context  (CrmLoyaltyCard *self,
                                    CrmContext     *context);
void crm_loyalty_card_set_customer (CrmLoyaltyCard *self,
                                    gint64          customer_id);

G_END_DECLS
