/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crm-store.h"

G_BEGIN_DECLS

/* The sample shop's loyalty programme: set up before the customers so
 * that their purchases earn, a customer's spending and rewards after
 * their purchases, the expiry pass at the end. Its draws come from a
 * generator of its own, so that the rest of the shop is the same for a
 * seed whatever the programme does. */
typedef struct
{
  CrmStore  *store;
  GRand     *rand;
  GPtrArray *rewards;
  gint64     now;
  guint      language;  /* of the notes: 0 en, 1 ka, 2 hy */
} CrmDemoLoyalty;

gboolean crm_demo_loyalty_begin    (CrmDemoLoyalty  *loyalty,
                                    CrmStore        *store,
                                    guint32          seed,
                                    GError         **error);
gboolean crm_demo_loyalty_customer (CrmDemoLoyalty  *loyalty,
                                    gint64           customer_id,
                                    GError         **error);
gboolean crm_demo_loyalty_end      (CrmDemoLoyalty  *loyalty,
                                    GError         **error);
void     crm_demo_loyalty_clear    (CrmDemoLoyalty  *loyalty);

G_END_DECLS
