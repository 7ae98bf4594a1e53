/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crm-store.h"

G_BEGIN_DECLS

typedef enum
{
  CRM_PERIOD_WEEK,
  CRM_PERIOD_MONTH,
  CRM_PERIOD_YEAR,
  CRM_PERIOD_LAST_30_DAYS,    /* today and the 29 days before it */
} CrmPeriod;

#define CRM_INSIGHTS_MONTHS 12
#define CRM_INSIGHTS_WEEKS 12
/* NPS is shown from this many answers on: fewer swing it by tens. */
#define CRM_INSIGHTS_NPS_MIN_ANSWERS 10

/* Every rate is 0–1, every time in seconds; a figure with nothing to
 * measure is negative, which the interface shows as "—". */
typedef struct
{
  gint64 from;                /* the period: [from, to) in Unix seconds */
  gint64 to;
  gint64 previous_from;       /* the period before: [previous_from, from) */

  double csat;                /* share of ratings 4–5 */
  guint  n_rated;
  guint  ratings[5];          /* how many 1, 2, 3, 4 and 5 */
  double first_response;      /* average time to the first response */
  guint  n_responded;
  double first_contact_rate;  /* of the answered, resolved by the first response, never reopened */
  double resolution_rate;     /* resolved of what came in */
  guint  n_feedback;
  guint  complaints;
  guint  complaints_before;
  double effort;              /* customer effort (CES): the average 1–5 answer, 5 = very easy */
  guint  n_effort;
  gboolean has_nps;           /* enough answers (CRM_INSIGHTS_NPS_MIN_ANSWERS) */
  double nps;                 /* % promoters (9–10) − % detractors (0–6), −100 to 100 */
  guint  n_recommend;
  guint  promoters;
  guint  detractors;
  double returning_rate;      /* buyers with more than one purchase */
  guint  n_buyers;
  double key_share;           /* key clients' share of the period's revenue */
  gint64 revenue;
  double on_time_rate;        /* follow-ups done by the end of their due day */
  guint  n_follow_ups_due;

  gint64 month_start[CRM_INSIGHTS_MONTHS];  /* oldest first, the current month last */
  gint64 month_key[CRM_INSIGHTS_MONTHS];
  gint64 month_secondary[CRM_INSIGHTS_MONTHS];
  gint64 week_start[CRM_INSIGHTS_WEEKS];    /* oldest first, this week last */
  guint  week_complaints[CRM_INSIGHTS_WEEKS];
} CrmInsights;

void crm_insights_period_bounds (CrmPeriod    period,
                                 gint64       now,
                                 gint64      *from,
                                 gint64      *to,
                                 gint64      *previous_from);
void crm_insights_compute       (CrmStore    *store,
                                 CrmPeriod    period,
                                 CrmInsights *insights);
void crm_insights_compute_at    (CrmStore    *store,
                                 CrmPeriod    period,
                                 gint64       now,
                                 CrmInsights *insights);

G_END_DECLS
