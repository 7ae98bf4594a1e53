/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-store-job.h"

#include "crm-application.h"
#include "crm-context.h"
#include "crm-customers-page.h"

G_BEGIN_DECLS

#define CRM_TYPE_WINDOW (crm_window_get_type ())

G_DECLARE_FINAL_TYPE (CrmWindow, crm_window, CRM, WINDOW, AdwApplicationWindow)

GtkWindow  *crm_window_new         (CrmApplication *application,
                                    GSettings      *settings,
                                    CrmContext     *context,
                                    const GError   *load_error);
const char *crm_window_get_section (CrmWindow      *self);
void        crm_window_set_section (CrmWindow      *self,
                                    const char     *section);
void        crm_window_show_customer (CrmWindow    *self,
                                      gint64        customer_id);
CrmCustomersPage *crm_window_get_customers_page (CrmWindow *self);
gboolean    crm_window_has_unsaved_changes (CrmWindow *self);

/* The end of crm_window_run_job(): @error is NULL when it worked (a
 * Cancel is G_IO_ERROR_CANCELLED). */
typedef void (*CrmWindowJobDone) (CrmStoreJob  *job,
                                  const GError *error,
                                  gpointer      user_data);
gboolean    crm_window_run_job     (CrmWindow        *self,
                                    GtkWindow        *over,
                                    CrmStoreJob      *job,
                                    const char       *heading,
                                    CrmWindowJobDone  done,
                                    gpointer          user_data);

G_END_DECLS
