/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "crm-store-job.h"
#include "crm-types.h"

G_BEGIN_DECLS

#define CRM_TYPE_CONTEXT (crm_context_get_type ())

G_DECLARE_FINAL_TYPE (CrmContext, crm_context, CRM, CONTEXT, GObject)

char       *crm_context_default_data_dir (void);
char       *crm_context_default_database (void);
CrmContext *crm_context_new              (const char  *data_dir,
                                          const char  *database,
                                          GError     **error);
CrmContext *crm_context_new_for_store    (const char  *data_dir,
                                          const char  *database,
                                          CrmStore    *store);
void        crm_context_new_async        (const char          *data_dir,
                                          const char          *database,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
CrmContext *crm_context_new_finish       (GAsyncResult        *result,
                                          GError             **error);
CrmContext *crm_context_new_checking     (const char          *data_dir,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean    crm_context_is_refreshing    (CrmContext          *self);
gboolean    crm_context_check_finish     (CrmContext          *self,
                                          GAsyncResult        *result,
                                          GError             **error);
const char *crm_context_get_data_dir     (CrmContext  *self);
const char *crm_context_get_database     (CrmContext  *self);
CrmStore   *crm_context_get_store        (CrmContext  *self);
CrmScheduler *crm_context_get_scheduler  (CrmContext  *self);

void        crm_context_set_second_backup_folder (CrmContext *self,
                                                  const char *folder);
void        crm_context_back_up_now      (CrmContext  *self);
void        crm_context_set_up_backup    (CrmContext  *self,
                                          CrmStoreJob *job);
gboolean    crm_context_is_backing_up    (CrmContext  *self);
gint64      crm_context_get_last_backup  (CrmContext  *self);
const char *crm_context_get_backup_note  (CrmContext  *self);
const char *crm_context_get_backup_error (CrmContext  *self);

G_END_DECLS
