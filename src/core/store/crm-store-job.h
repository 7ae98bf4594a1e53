/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "crm-store-backup.h"

G_BEGIN_DECLS

/* One of the whole-file jobs of crm-store-backup.h in a worker thread,
 * on connections of its own, with its progress reported on the main
 * context of whoever started it: what the window runs so that it never
 * waits on the disk. */
typedef enum
{
  CRM_STORE_JOB_CHECK,          /* crm_store_check_file (data-dir), then the copy an update needs,
                                 * then the start's crm_store_refresh_all() */
  CRM_STORE_JOB_INSPECT,        /* crm_store_inspect_file (path) */
  CRM_STORE_JOB_BACK_UP,        /* crm_store_back_up (data-dir, path), or the copy func's */
  CRM_STORE_JOB_BACK_UP_DAILY,  /* crm_store_back_up_daily_from (data-dir, copy func, second folder, now, force) */
  CRM_STORE_JOB_RESTORE,        /* crm_store_restore (data-dir, path, now) */
  CRM_STORE_JOB_SALVAGE,        /* crm_store_salvage (data-dir, path) */
  CRM_STORE_JOB_NEWEST_GOOD,    /* the newest automatic backup that passes inspection */
  CRM_STORE_JOB_WRITE,          /* a caller's bulk write (crm_store_job_new_write) */
} CrmStoreJobKind;

/* A bulk write on the worker's own connection to the shop: all of it in
 * one transaction that the function rolls back on failure. Each row it
 * writes through the store's bulk writers counts towards the job's
 * progress and stops it with G_IO_ERROR_CANCELLED on Cancel. */
typedef gboolean (*CrmStoreJobWriteFunc) (CrmStore      *store,
                                          gpointer       user_data,
                                          GError       **error);

#define CRM_TYPE_STORE_JOB (crm_store_job_get_type ())

G_DECLARE_FINAL_TYPE (CrmStoreJob, crm_store_job, CRM, STORE_JOB, GObject)

CrmStoreJob         *crm_store_job_new               (CrmStoreJobKind       kind,
                                                      const char           *data_dir,
                                                      const char           *path);
CrmStoreJob         *crm_store_job_new_check         (CrmStore             *store);
CrmStoreJob         *crm_store_job_new_write         (CrmStore             *store,
                                                      guint64               n_rows,
                                                      CrmStoreJobWriteFunc  func,
                                                      gpointer              user_data,
                                                      GDestroyNotify        destroy);
void                 crm_store_job_set_pause_after   (CrmStoreJob          *self,
                                                      guint64               n_rows);
gboolean             crm_store_job_get_paused        (CrmStoreJob          *self);
gboolean             crm_store_job_get_refreshed     (CrmStoreJob          *self);
void                 crm_store_job_set_second_folder (CrmStoreJob          *self,
                                                      const char           *folder);
void                 crm_store_job_set_copy_func     (CrmStoreJob          *self,
                                                      CrmStoreCopyFunc      copy,
                                                      gpointer              copy_data,
                                                      GDestroyNotify        destroy);
void                 crm_store_job_set_now           (CrmStoreJob          *self,
                                                      gint64                now);
void                 crm_store_job_set_force         (CrmStoreJob          *self,
                                                      gboolean              force);
void                 crm_store_job_run_async         (CrmStoreJob          *self,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean             crm_store_job_run_finish        (CrmStoreJob          *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
gboolean             crm_store_job_run               (CrmStoreJob          *self,
                                                      GCancellable         *cancellable,
                                                      GError              **error);
CrmStoreJobKind      crm_store_job_get_kind          (CrmStoreJob          *self);
const char          *crm_store_job_get_data_dir      (CrmStoreJob          *self);
const char          *crm_store_job_get_path          (CrmStoreJob          *self);
double               crm_store_job_get_progress      (CrmStoreJob          *self);
const CrmShopCounts *crm_store_job_get_counts        (CrmStoreJob          *self);
const char          *crm_store_job_get_kept          (CrmStoreJob          *self);
const char          *crm_store_job_get_note          (CrmStoreJob          *self);
GPtrArray           *crm_store_job_get_salvaged      (CrmStoreJob          *self);

G_END_DECLS
