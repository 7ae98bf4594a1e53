/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crm-store.h"
#include "crm-store-list.h"

G_BEGIN_DECLS

/* What the rows say for the Insights page; what a figure means (rates,
 * periods, charts) is worked out in insights/. Each call depends only on
 * its arguments and the database, so it can run on any connection. */

/* Feedback received in [from, to). */
typedef struct
{
  guint  total;
  guint  ratings[5];          /* how many rated 1, 2, 3, 4 and 5 */
  guint  resolved;
  guint  complaints;
  guint  responded;           /* that have a first response */
  double response_seconds;    /* receipt to first response, summed over those */
  guint  first_contact;       /* resolved by the first response and never reopened */
  guint  effort_answers;      /* that say how easy it was (1–5) */
  guint  effort_sum;
  guint  recommend[11];       /* how many answered 0, 1, … 10 to "would you recommend" */
} CrmFeedbackCounts;

/* Follow-ups due in [from, to). */
typedef struct
{
  guint due;
  guint done_in_time;         /* done no later than the grace after their due time */
} CrmFollowUpCounts;

/* One purchase (or refund, when @amount is negative). */
typedef void (*CrmPurchaseFunc) (gint64   customer_id,
                                 gint64   at,
                                 gint64   amount,
                                 gpointer user_data);

gboolean crm_store_count_feedback        (CrmStore           *self,
                                          gint64              from,
                                          gint64              to,
                                          CrmFeedbackCounts  *counts,
                                          GError            **error);
GArray  *crm_store_list_complaint_times  (CrmStore           *self,
                                          gint64              since,
                                          GError            **error);
gboolean crm_store_count_follow_ups_due  (CrmStore           *self,
                                          gint64              from,
                                          gint64              to,
                                          gint64              grace,
                                          CrmFollowUpCounts  *counts,
                                          GError            **error);
gboolean crm_store_foreach_purchase      (CrmStore           *self,
                                          gint64              from,
                                          gint64              to,
                                          CrmPurchaseFunc     func,
                                          gpointer            user_data,
                                          GError            **error);

G_END_DECLS
