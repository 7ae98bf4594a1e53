/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "crm-store.h"

G_BEGIN_DECLS

/* Backups, restores and salvage (crm-store-backup.c): what the store does
 * to keep a shop's data, in words in docs/data-safety.md. Every function
 * here opens connections of its own, so each may run in a worker thread
 * (crm-store-job.h runs them there for the window). */

/* The folder beside the database that holds the automatic copies. */
#define CRM_BACKUP_FOLDER_NAME   "backups"
#define CRM_BACKUP_KEEP_DAILY    14
#define CRM_BACKUP_KEEP_MONTHLY  12
/* Of each other kind: made before an update, before a restore, and damaged
 * files set aside by a restore. */
#define CRM_BACKUP_KEEP_OTHER    5

/* How far a long copy has come (@done of @total, in the engine's units);
 * called from the thread that does the copy. */
typedef void (*CrmStoreProgressFunc) (guint64   done,
                                      guint64   total,
                                      gpointer  user_data);

/* Writes a whole, checked copy of the shop to @dest, where the shop is not
 * a file that crm_store_back_up() can copy (a shared database); called
 * from the thread that makes the backup. */
typedef gboolean (*CrmStoreCopyFunc) (const char    *dest,
                                      gpointer       user_data,
                                      GCancellable  *cancellable,
                                      GError       **error);

typedef enum
{
  CRM_BACKUP_DAILY,
  CRM_BACKUP_MONTHLY,
  CRM_BACKUP_BEFORE_UPDATE,
  CRM_BACKUP_BEFORE_RESTORE,
  CRM_BACKUP_DAMAGED,
} CrmBackupKind;

/* One file in a backups folder. */
typedef struct
{
  char          *path;
  CrmBackupKind  kind;
  /* When it was written (the file's time), Unix seconds. */
  gint64         made_at;
} CrmBackup;

/* What a database file holds, for a person to decide on a restore. */
typedef struct
{
  guint64  customers;
  guint64  purchases;
  guint64  follow_ups;
  guint    schema_version;
  /* When the file was last written, Unix seconds. */
  gint64   saved_at;
} CrmShopCounts;

/* One table's share of a salvage: rows copied, rows seen to be lost, and
 * whether reading had to stop or jump before the table's end (more may be
 * lost than counted then). */
typedef struct
{
  char     *table;
  guint64   saved;
  guint64   lost;
  gboolean  incomplete;
} CrmStoreSalvaged;

char      *crm_store_backup_folder     (const char            *data_dir);
GPtrArray *crm_store_list_backups      (const char            *folder);
void       crm_backup_free             (CrmBackup             *backup);
gboolean   crm_store_rotate_backups    (const char            *folder,
                                        GError               **error);
gboolean   crm_store_count_records     (CrmStore              *store,
                                        CrmShopCounts         *counts,
                                        GError               **error);
gboolean   crm_store_inspect_file      (const char            *path,
                                        CrmShopCounts         *counts,
                                        GError               **error);
gboolean   crm_store_back_up           (const char            *data_dir,
                                        const char            *dest,
                                        CrmStoreProgressFunc   progress,
                                        gpointer               user_data,
                                        GCancellable          *cancellable,
                                        CrmShopCounts         *counts,
                                        GError               **error);
gboolean   crm_store_back_up_daily     (const char            *data_dir,
                                        const char            *second_folder,
                                        gint64                 now,
                                        gboolean               force,
                                        char                 **note,
                                        GError               **error);
gboolean   crm_store_back_up_daily_from (const char           *data_dir,
                                        CrmStoreCopyFunc      copy,
                                        gpointer              copy_data,
                                        const char           *second_folder,
                                        gint64                now,
                                        gboolean              force,
                                        GCancellable         *cancellable,
                                        char                **note,
                                        GError              **error);
gboolean   crm_store_back_up_for_update (const char           *data_dir,
                                        GError               **error);
gboolean   crm_store_restore           (const char            *data_dir,
                                        const char            *path,
                                        gint64                 now,
                                        CrmStoreProgressFunc   progress,
                                        gpointer               user_data,
                                        GCancellable          *cancellable,
                                        char                 **kept,
                                        GError               **error);
GPtrArray *crm_store_salvage           (const char            *data_dir,
                                        const char            *dest,
                                        GError               **error);
char      *crm_store_describe_counts   (const CrmShopCounts   *counts);
char      *crm_store_describe_salvage  (GPtrArray             *salvaged);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmBackup, crm_backup_free)

G_END_DECLS
