/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-store-job.h"

#include "crm-application.h"
#include "crm-context.h"
#include "crm-customers-page.h"

G_BEGIN_DECLS

#define CRM_TYPE_WINDOW (crm_window_get_type ())

/* Narrower than this, the window folds in every section: the sidebar
 * becomes a page of its own, behind the header bar's back button. The
 * sidebar's 230 px and at least 560 px of section. The narrowest the
 * window goes is CRM_WINDOW_MIN_WIDTH. */
#define CRM_WINDOW_FOLD_WIDTH 790
/* Folded, the customer list leaves out its loyalty columns; narrower than
 * this, also the phone and the last visit. */
#define CRM_WINDOW_NARROW_WIDTH 560
#define CRM_WINDOW_MIN_WIDTH  360

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
