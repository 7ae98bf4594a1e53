/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crm-store-loyalty.h"

G_BEGIN_DECLS

/* The programme's figures for a period [from, to), as Insights shows
 * them. Shares and rates are 0–1, or negative with nothing to measure. */
typedef struct
{
  gint64 issued;              /* earned from purchases plus manual adjustments, net */
  gint64 spent;               /* on discounts and rewards */
  gint64 expired;
  gint64 outstanding_before;  /* every balance together at the start */
  gint64 outstanding;         /* …and at the end: before + issued - spent - expired */

  gint64 member_revenue;      /* from customers already in the programme at the purchase */
  gint64 revenue;
  double member_share;

  guint  redeemers;           /* customers who spent points in the period */
  guint  returned;            /* of them, who bought again afterwards */
  double return_rate;
} CrmLoyaltyFigures;

gboolean crm_loyalty_compute_figures (CrmStore           *store,
                                      gint64              from,
                                      gint64              to,
                                      CrmLoyaltyFigures  *figures,
                                      GError            **error);

G_END_DECLS
