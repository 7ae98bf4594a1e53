/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crm-store.h"

G_BEGIN_DECLS

#define CRM_TYPE_SCHEDULER (crm_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (CrmScheduler, crm_scheduler, CRM, SCHEDULER, GObject)

CrmScheduler *crm_scheduler_new          (CrmStore     *store);
void          crm_scheduler_start        (CrmScheduler *self);
void          crm_scheduler_tick         (CrmScheduler *self);
void          crm_scheduler_set_timers   (CrmScheduler *self,
                                          gboolean      enabled);
gint64        crm_scheduler_get_wakeup   (CrmScheduler *self);
gboolean      crm_scheduler_is_open      (CrmScheduler *self,
                                          gint64        unix_time);
gint64        crm_scheduler_next_opening (CrmScheduler *self,
                                          gint64        unix_time);

gint64        crm_scheduler_propose_time (CrmStore     *store,
                                          gint64        now);
gint64        crm_scheduler_get_day_start (CrmScheduler *self,
                                           gint64        unix_time);

G_END_DECLS
