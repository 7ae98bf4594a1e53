/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the SQLite engine's two files: the connection and statements
 * (crm-store-sqlite.c) and the whole-file work, checks, backups, restores
 * and salvage (crm-store-sqlite-files.c). Nothing else includes it. */

#include <sqlite3.h>

#include "crm-store-engine.h"

G_BEGIN_DECLS

struct _CrmStoreConn
{
  sqlite3      *db;
  char         *path;
  /* Opened to write and configured: the only kind that checkpoints at
   * close (a refused file is never written, not even by a checkpoint). */
  gboolean      writable;

  /* PRAGMA data_version: another connection committed when it moves. */
  sqlite3_stmt *data_version;
  gint64        seen_version;
};

/* Waiting for another program's lock, before anything else is asked. */
#define CRM_SQLITE_BUSY_MS 5000

int           crm_sqlite_query_int         (sqlite3       *db,
                                            const char    *sql,
                                            gint64        *out);
int           crm_sqlite_open_db           (const char    *location,
                                            int            flags,
                                            sqlite3      **db);
CrmStoreConn *crm_sqlite_conn_new          (const char    *path,
                                            sqlite3       *db);
void          crm_sqlite_close             (CrmStoreConn  *conn);
gboolean      crm_sqlite_register_collations (CrmStoreConn *conn,
                                            GError       **error);
void          crm_sqlite_set_file_error    (GError       **error,
                                            int            rc,
                                            const char    *path);

void          crm_sqlite_remove_file       (const char    *path);
gboolean      crm_sqlite_replace_file      (const char    *location,
                                            const char    *staged,
                                            const char    *kept,
                                            GError       **error);
gboolean      crm_sqlite_check             (CrmStoreConn  *conn,
                                            GError       **error);
gboolean      crm_sqlite_backup_to         (CrmStoreConn  *conn,
                                            const char    *path,
                                            CrmStoreProgressFunc progress,
                                            gpointer       user_data,
                                            GCancellable  *cancellable,
                                            GError       **error);
gboolean      crm_sqlite_restore_from      (CrmStoreConn  *conn,
                                            const char    *path,
                                            CrmStoreProgressFunc progress,
                                            gpointer       user_data,
                                            GCancellable  *cancellable,
                                            GError       **error);
gboolean      crm_sqlite_salvage_from      (CrmStoreConn  *conn,
                                            const char    *path,
                                            GPtrArray     *salvaged,
                                            GError       **error);
CrmStoreConn *crm_sqlite_open_snapshot     (const char    *location,
                                            GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmStoreConn, crm_sqlite_close)

G_END_DECLS
