/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Only for crm_store_get_db(), which tests use to look inside the file. */
#include <sqlite3.h>

#include "crm-store.h"
#include "crm-store-engine.h"
#include "crm-store-import.h"
#include "crm-store-stmt.h"

G_BEGIN_DECLS

typedef struct _CrmStoreGate CrmStoreGate;

/* One open crm_store_lock() level (crm-store-transactions.c): how it was
 * opened, and what to restore if it is undone. */
typedef struct
{
  CrmStoreLock lock;
  guint        savepoint : 1;
  guint        bulk : 1;
  guint        needs_refresh : 1;
  guint        pending_changes;
  gint64       pending_customer;
} CrmStoreLevel;

struct _CrmStore
{
  GObject               parent_instance;

  /* For messages: the file, or a shared database without its password. */
  char                 *path;
  /* What the engine opens: the file, or the connection string, which
   * may hold a password and is never logged. */
  char                 *location;
  const CrmStoreEngine *engine;
  /* Opened with CRM_STORE_OPEN_READ_ONLY or _SNAPSHOT. */
  gboolean              read_only;
  CrmStoreConn         *conn;
  guint                 schema_version;

  CrmNowFunc            now_func;
  gpointer              now_data;

  /* Open crm_store_lock() levels, outermost first; how many of them
   * crm_store_begin() opened. */
  GArray               *levels;
  guint                 bulk_depth;

  /* Changes of the open transaction, announced once when it commits;
   * the one customer they are all about, 0 for several, -1 for none yet. */
  guint                 pending_changes;
  gint64                pending_customer;

  /* Prepared statements by SQL text, kept for the connection's life. */
  GHashTable           *statements;

  /* Polls the engine for other connections' commits while watching. */
  GSource              *watch;

  /* A shared database out of reach: words for the window, or NULL; and
   * whether a commit the loss cut off was saved (-1: none or unknown). */
  char                 *problem;
  int                   lost_commit;

  /* The window's revenue of active customers, from the last ranking on
   * this connection, or -1 until it is read: the figures may be counted
   * on another connection (a worker's, another PC's). */
  gint64                revenue_total;

  /* A bulk transaction changed purchases: rebuild figures at commit. */
  guint                 needs_refresh : 1;
  guint                 refreshing_all : 1;

  /* Called for every row a bulk writer writes (crm_store_count_row()):
   * a job's progress, its Cancel, a test's pause. */
  gboolean            (*row_func) (gpointer user_data, GError **error);
  gpointer              row_data;

  /* This PC, as claims of reminders record it. */
  char                 *station;

  /* Who is at the counter: recorded on what is entered (0: nobody). */
  gint64                acting_staff;

  /* Counts every write stepped, atomically, for progress seen from
   * another thread (crm_store_set_write_counter()); or NULL. */
  gint                 *write_counter;

  /* Opened while a worker checks the whole file (crm_store_open_checking()):
   * every write waits here until the check ends; NULL once checked. Shared
   * with the stores crm_store_reopen() makes from this one. */
  CrmStoreGate         *gate;

  /* Moves with every change of settings or of the loyalty programme. */
  guint                 settings_serial;
};

extern const char crm_store_at_risk_sql[];

/* A customer's birthday in the store's form ("1990-05-31", or "--05-31"
 * without a year) from the two columns of customers c. */
#define CRM_STORE_BIRTHDAY_SQL "coalesce (c.birthday, '--' || c.birthday_md)"

/* One numbered step of the schema: it runs in its own transaction and
 * leaves the engine's schema version (SQLite: PRAGMA user_version) at
 * @version. */
typedef struct
{
  guint       version;
  const char *sql;
  /* Optional: data changes that need C, run in the same transaction. */
  gboolean  (*after) (CrmStore *store, GError **error);
  /* PostgreSQL's form of @sql where the two differ (crm-store-schema.c
   * keeps them side by side); NULL when @sql suits both. */
  const char *pg_sql;
} CrmMigration;

/* The whole-file check that writes wait for: its outcome is set once,
 * from the worker that ran the check, and read from any thread. */
struct _CrmStoreGate
{
  gatomicrefcount  ref;
  GMutex           lock;
  GCond            cond;
  gboolean         done;
  GError          *error;
};

CrmStoreGate *crm_store_gate_new    (void);
CrmStoreGate *crm_store_gate_ref    (CrmStoreGate       *gate);
void      crm_store_gate_unref      (CrmStoreGate       *gate);
gboolean  crm_store_gate_wait       (CrmStoreGate       *gate,
                                     GError            **error);

/* Internal to the store: its own copies are opened without the backup
 * made before a migration (they are the copies). */
#define CRM_STORE_OPEN_NO_BACKUP   (1 << 8)
/* Read only, and an older schema is fine: a copy is read as it is. */
#define CRM_STORE_OPEN_ANY_SCHEMA  (1 << 9)
/* crm_store_open_checking(): no whole-file check here, and only a shop
 * whose schema needs no update (an update writes). */
#define CRM_STORE_OPEN_CHECK_LATER (1 << 10)

sqlite3  *crm_store_get_db          (CrmStore           *self);
CrmStore *crm_store_open_file       (const char         *path,
                                     CrmStoreOpenFlags   flags,
                                     GError            **error);
gboolean  crm_store_backup_before_update (CrmStore      *self,
                                     guint               version,
                                     GError            **error);
CrmStore *crm_store_open_unchecked (const char         *path,
                                     GError            **error);
CrmStmt  *crm_store_prepare         (CrmStore           *self,
                                     const char         *sql,
                                     GError            **error);
CrmStmt  *crm_store_prepare_once    (CrmStore           *self,
                                     const char         *sql,
                                     GError            **error);
const CrmMigration *crm_store_get_migrations (gsize     *n_steps);
gboolean  crm_store_run_migrations  (CrmStore           *self,
                                     const CrmMigration *steps,
                                     gsize               n_steps,
                                     GError            **error);
gboolean  crm_store_exec            (CrmStore           *self,
                                     const char         *sql,
                                     GError            **error);
gboolean  crm_store_lock            (CrmStore           *self,
                                     CrmStoreLock        lock,
                                     GError            **error);
gboolean  crm_store_unlock          (CrmStore           *self,
                                     gboolean            ok,
                                     GError            **error);
gboolean  crm_store_savepoint       (CrmStore           *self,
                                     GError            **error);
gboolean  crm_store_release         (CrmStore           *self,
                                     gboolean            ok,
                                     GError            **error);
gboolean  crm_store_write_id        (CrmStore           *self,
                                     const char         *sql,
                                     gint64              id,
                                     gint64              value,
                                     gboolean            value_is_null,
                                     GError            **error);
gint64    crm_store_last_insert_id  (CrmStore           *self);
gint64    crm_store_changes         (CrmStore           *self);
gint64    crm_store_get_generation  (CrmStore           *self);
const char *crm_store_errmsg        (CrmStore           *self);
gboolean  crm_store_fill_search_keys (CrmStore          *self,
                                     GError            **error);
gboolean  crm_store_fill_name_keys  (CrmStore           *self,
                                     GError            **error);
gboolean  crm_store_fill_staff_name_keys (CrmStore      *self,
                                     GError            **error);
void      crm_store_bind_name_keys  (CrmStmt            *stmt,
                                     int                 first,
                                     const char         *name);
void      crm_store_bind_folded_name_keys (CrmStmt      *stmt,
                                     int                 first,
                                     const char         *folded);
gboolean  crm_store_open_engine     (CrmStore           *self,
                                     CrmStoreOpenFlags   flags,
                                     GError            **error);
void      crm_store_set_failure_error (GError          **error,
                                     CrmStoreFailure     failure,
                                     const char         *path,
                                     const char         *detail);
void      crm_store_set_sql_error   (GError            **error,
                                     CrmStore           *self,
                                     const char         *what);
gboolean  crm_store_engine_failed   (CrmStore           *self,
                                     GError            **error);
void      crm_store_emit_committed  (CrmStore           *self,
                                     guint               change,
                                     gint64              customer_id);
gboolean  crm_store_score_rfm       (CrmStore           *self,
                                     GError            **error);
gboolean  crm_store_rank_customers  (CrmStore           *self,
                                     GError            **error);
gboolean  crm_store_refresh_stats   (CrmStore           *self,
                                     gint64              customer_id,
                                     GError            **error);
gboolean  crm_store_drop_unused_tags (CrmStore          *self,
                                     GError            **error);
gboolean  crm_store_step_done       (CrmStore           *self,
                                     CrmStmt            *stmt,
                                     const char         *what,
                                     GError            **error);
void      crm_store_bind_acting_staff (CrmStore         *self,
                                     CrmStmt            *stmt,
                                     int                 index);
gboolean  crm_store_count_row       (CrmStore           *self,
                                     GError            **error);
void      crm_store_emit_changed    (CrmStore           *self,
                                     CrmStoreChange      change,
                                     gint64              customer_id);
char     *crm_store_name_order      (CrmStore           *self,
                                     const char         *column);
gboolean  crm_store_read_revenue_total (CrmStore        *self,
                                     GError            **error);
gboolean  crm_store_put_setting     (CrmStore           *self,
                                     const char         *key,
                                     const char         *value,
                                     GError            **error);
gboolean  crm_store_check_schema    (CrmStore           *self,
                                     gboolean           *empty,
                                     GError            **error);
gboolean  crm_store_upgrade_schema  (CrmStore           *self,
                                     GError            **error);

G_END_DECLS
