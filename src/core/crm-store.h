/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "crm-types.h"

G_BEGIN_DECLS

/* The schema this program writes. A database whose user_version is higher
 * was written by a newer Clientele and is refused untouched. */
#define CRM_STORE_SCHEMA_VERSION 1

/* PRAGMA application_id of every Clientele database ("CLNT"), so that
 * another program's SQLite file is never mistaken for ours. */
#define CRM_STORE_APPLICATION_ID 0x434c4e54

#define CRM_STORE_FILE_NAME "clientele.db"

#define CRM_STORE_ERROR (crm_store_error_quark ())

typedef enum
{
  CRM_STORE_ERROR_IO,
  CRM_STORE_ERROR_NOT_A_DATABASE,
  CRM_STORE_ERROR_FOREIGN_DATABASE,
  CRM_STORE_ERROR_NEWER_SCHEMA,
  CRM_STORE_ERROR_MIGRATION,
  CRM_STORE_ERROR_SQL,
} CrmStoreError;

#define CRM_TYPE_STORE (crm_store_get_type ())

G_DECLARE_FINAL_TYPE (CrmStore, crm_store, CRM, STORE, GObject)

GQuark      crm_store_error_quark        (void);
CrmStore   *crm_store_open               (const char  *data_dir,
                                          GError     **error);
const char *crm_store_get_path           (CrmStore    *self);
guint       crm_store_get_schema_version (CrmStore    *self);
char       *crm_store_dup_setting        (CrmStore    *self,
                                          const char  *key,
                                          const char  *fallback);
gboolean    crm_store_set_setting        (CrmStore    *self,
                                          const char  *key,
                                          const char  *value,
                                          GError     **error);

G_END_DECLS
