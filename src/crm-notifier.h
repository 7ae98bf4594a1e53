/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "crm-context.h"
#include "crm-scheduler.h"

G_BEGIN_DECLS

#define CRM_TYPE_NOTIFIER (crm_notifier_get_type ())

G_DECLARE_FINAL_TYPE (CrmNotifier, crm_notifier, CRM, NOTIFIER, GObject)

CrmNotifier *crm_notifier_new          (GApplication *app,
                                        CrmContext   *context);
gboolean     crm_notifier_is_available (CrmNotifier  *self);

G_END_DECLS
