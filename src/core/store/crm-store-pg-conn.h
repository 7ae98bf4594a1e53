/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Inside the PostgreSQL engine, which is three files: the connection,
 * its sessions and reconnecting (crm-store-pg.c, with the engine's
 * table), statements and the types of their values (crm-store-pg-stmt.c),
 * and transactions with what goes out with a commit and comes in from
 * other PCs (crm-store-pg-notify.c). Only those include this header. */

#include <libpq-fe.h>

#include "crm-store-engine.h"

G_BEGIN_DECLS

/* Where every PC of the shop hears about the others' commits. */
#define CRM_PG_CHANGE_CHANNEL "clientele_changes"

/* Type OIDs from pg_type (catalog/pg_type_d.h is not in libpq-dev). */
#define CRM_PG_BOOLOID   16
#define CRM_PG_INT8OID   20
#define CRM_PG_TEXTOID   25
#define CRM_PG_FLOAT8OID 701

typedef struct _ConnectJob ConnectJob;

/* The watch: the session's socket, readable when a notification (or the
 * end of the session) arrives, and a timer while reconnecting. */
typedef struct
{
  GSource       source;
  struct _CrmStoreConn *conn;
  int           fd;
} PgWatch;

struct _CrmStoreConn
{
  PGconn     *pg;
  /* As given, password included when it has one: never logged. */
  char       *conninfo;
  /* The same for people to read: no password (crm_store_pg_describe()). */
  char       *display;
  char       *errmsg;

  gint64      changes;
  gint64      generation;
  guint       epoch;          /* bumps at every new session: prepared names are gone */
  guint       next_name;
  int         backend_pid;

  /* The open transaction: whether it writes, the change to announce
   * with its commit, and whether commits are logged yet (schema 4). */
  guint       in_write : 1;
  guint       commit_log : 1;
  char       *notify_payload;

  /* Changes other PCs committed, not yet reported by poll(). */
  guint       outside_changes;
  gint64      outside_customer;
  guint       has_outside : 1;

  /* The session is lost: every call fails at once, without the network,
   * until a worker thread has connected again. */
  guint       broken : 1;
  char       *problem;
  guint       retry_seconds;
  gint64      retry_at;       /* monotonic µs */
  ConnectJob *job;
  /* A commit whose answer was lost: it is looked up after reconnecting. */
  char       *lost_commit;
  int         lost_commit_outcome;  /* -1 unknown, 0 not saved, 1 saved */

  GSource    *watch;          /* not owned */
  gpointer    watch_tag;
};

/* crm-store-pg.c: errors and the session */
void          crm_pg_set_errmsg      (CrmStoreConn         *conn,
                                      const char           *message);
void          crm_pg_set_errmsg_from (CrmStoreConn         *conn,
                                      const PGresult       *result);
void          crm_pg_exec_quiet      (PGconn               *pg,
                                      const char           *sql);
void          crm_pg_mark_broken     (CrmStoreConn         *conn,
                                      const char           *why);
void          crm_pg_check_connection (CrmStoreConn        *conn);
gboolean      crm_pg_refuse_if_broken (CrmStoreConn        *conn);
gboolean      crm_pg_exec_internal   (CrmStoreConn         *conn,
                                      const char           *sql);
gboolean      crm_pg_query_int       (CrmStoreConn         *conn,
                                      const char           *sql,
                                      gint64               *out);
gboolean      crm_pg_has_table       (CrmStoreConn         *conn,
                                      const char           *name);
void          crm_pg_maybe_reconnect (CrmStoreConn         *conn);

/* crm-store-pg-stmt.c: statements */
gboolean      crm_pg_exec            (CrmStoreConn         *conn,
                                      const char           *sql);
CrmStmt      *crm_pg_prepare         (CrmStoreConn         *conn,
                                      const char           *sql,
                                      gboolean              persistent);
gint64        crm_pg_last_insert_id  (CrmStoreConn         *conn);
gint64        crm_pg_changes         (CrmStoreConn         *conn);
char         *crm_pg_name_order      (const char           *column,
                                      const char           *language);
void          crm_pg_bind_int64      (CrmStmt              *stmt,
                                      int                   index,
                                      gint64                value);
void          crm_pg_bind_double     (CrmStmt              *stmt,
                                      int                   index,
                                      double                value);
void          crm_pg_bind_null       (CrmStmt              *stmt,
                                      int                   index);
void          crm_pg_bind_text       (CrmStmt              *stmt,
                                      int                   index,
                                      const char           *text);
int           crm_pg_parameter_count (CrmStmt              *stmt);
CrmStmtResult crm_pg_step            (CrmStmt              *stmt);
void          crm_pg_reset           (CrmStmt              *stmt);
void          crm_pg_clear_bindings  (CrmStmt              *stmt);
gboolean      crm_pg_column_is_null  (CrmStmt              *stmt,
                                      int                   column);
gint64        crm_pg_column_int64    (CrmStmt              *stmt,
                                      int                   column);
double        crm_pg_column_double   (CrmStmt              *stmt,
                                      int                   column);
const char   *crm_pg_column_text     (CrmStmt              *stmt,
                                      int                   column);
int           crm_pg_column_count    (CrmStmt              *stmt);
const char   *crm_pg_column_name     (CrmStmt              *stmt,
                                      int                   column);
void          crm_pg_finalize        (CrmStmt              *stmt);

/* crm-store-pg-notify.c: transactions, other PCs' changes */
void          crm_pg_collect_notifications (CrmStoreConn   *conn);
gint64        crm_pg_generation      (CrmStoreConn         *conn);
gboolean      crm_pg_begin           (CrmStoreConn         *conn,
                                      CrmStoreLock          lock);
gboolean      crm_pg_commit          (CrmStoreConn         *conn);
void          crm_pg_rollback        (CrmStoreConn         *conn);
gboolean      crm_pg_savepoint       (CrmStoreConn         *conn,
                                      guint                 level);
gboolean      crm_pg_release         (CrmStoreConn         *conn,
                                      guint                 level);
void          crm_pg_rollback_to     (CrmStoreConn         *conn,
                                      guint                 level);
void          crm_pg_announce        (CrmStoreConn         *conn,
                                      guint                 change,
                                      gint64                customer_id);
GSource      *crm_pg_watch           (CrmStoreConn         *conn);
gboolean      crm_pg_poll            (CrmStoreConn         *conn,
                                      CrmStoreEngineNotify  notify,
                                      gpointer              user_data);

G_END_DECLS
