/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "crm-store-backup.h"
#include "crm-store-stmt.h"

G_BEGIN_DECLS

/* What CrmStore asks of a database engine: everything that differs between
 * the SQLite file and a shared server sits behind this table, so that a
 * second engine is a second table and no store file changes. CrmStore
 * owns the transaction levels, the statement cache and the "changed"
 * signal; the engine only does what it is told, on one connection.
 *
 * Failures: open, probe and configure set @error with words for the shop
 * owner; every other call returns FALSE (or NULL) and leaves the engine's
 * own text in errmsg() until the next call. docs/engines.md lists the SQL
 * the engines share and what each must translate. */

/* One engine's connection, defined by that engine. */
typedef struct _CrmStoreConn CrmStoreConn;

typedef struct _CrmStoreEngine CrmStoreEngine;

typedef enum
{
  CRM_STORE_LOCK_READ,   /* one consistent view of the data; nothing written */
  CRM_STORE_LOCK_WRITE,  /* the write lock taken at once, not at the first write */
} CrmStoreLock;

/* A change another connection committed: @change is CrmStoreChange flags
 * (all of them when the engine cannot tell), @customer_id 0 for many. */
typedef void (*CrmStoreEngineNotify) (guint     change,
                                      gint64    customer_id,
                                      gpointer  user_data);

/* What the last failure was about, so that the store can say it in words
 * that name the folder (docs/data-safety.md). */
typedef enum
{
  CRM_STORE_FAILURE_OTHER,
  CRM_STORE_FAILURE_DISK_FULL,
  CRM_STORE_FAILURE_READ_ONLY,
  CRM_STORE_FAILURE_DAMAGED,
  CRM_STORE_FAILURE_IO,
} CrmStoreFailure;

/* Every statement starts with its engine, so that crm_stmt_*() can
 * dispatch; the engine's own statement type embeds this first. */
struct _CrmStmt
{
  const CrmStoreEngine *engine;
};

struct _CrmStoreEngine
{
  const char *name;

  /* The connection. @raw (tests only) opens or creates @location with no
   * checks; otherwise open() makes the database exist as the shop's own
   * and probe() says whether there is any data of any kind in it. */
  CrmStoreConn *(*open)       (const char    *location,
                               gboolean       raw,
                               GError       **error);
  void          (*close)      (CrmStoreConn  *conn);
  gboolean      (*probe)      (CrmStoreConn  *conn,
                               gboolean      *empty,
                               GError       **error);
  /* Once the database is known to be ours: journal, locks, name order. */
  gboolean      (*configure)  (CrmStoreConn  *conn,
                               GError       **error);
  const char   *(*errmsg)     (CrmStoreConn  *conn);

  /* SQL: @sql may hold several statements for exec(), one for prepare().
   * A persistent statement is kept for the connection's life. */
  gboolean      (*exec)           (CrmStoreConn *conn,
                                   const char   *sql);
  CrmStmt      *(*prepare)        (CrmStoreConn *conn,
                                   const char   *sql,
                                   gboolean      persistent);
  gint64        (*last_insert_id) (CrmStoreConn *conn);
  gint64        (*changes)        (CrmStoreConn *conn);
  /* Changes whenever this connection writes or another one commits. */
  gint64        (*generation)     (CrmStoreConn *conn);
  /* An ORDER BY term sorting @column as people of @language ("en", "ka",
   * "hy") expect names in their alphabet. */
  char         *(*name_order)     (const char   *column,
                                   const char   *language);

  /* Statements: parameters from 1, columns from 0; text is bound as a
   * copy and read back valid until the next step or reset. */
  void          (*bind_int64)      (CrmStmt    *stmt,
                                    int         index,
                                    gint64      value);
  void          (*bind_double)     (CrmStmt    *stmt,
                                    int         index,
                                    double      value);
  void          (*bind_null)       (CrmStmt    *stmt,
                                    int         index);
  void          (*bind_text)       (CrmStmt    *stmt,
                                    int         index,
                                    const char *text);
  int           (*parameter_count) (CrmStmt    *stmt);
  CrmStmtResult (*step)            (CrmStmt    *stmt);
  void          (*reset)           (CrmStmt    *stmt);
  void          (*clear_bindings)  (CrmStmt    *stmt);
  gboolean      (*column_is_null)  (CrmStmt    *stmt,
                                    int         column);
  gint64        (*column_int64)    (CrmStmt    *stmt,
                                    int         column);
  double        (*column_double)   (CrmStmt    *stmt,
                                    int         column);
  const char   *(*column_text)     (CrmStmt    *stmt,
                                    int         column);
  void          (*finalize)        (CrmStmt    *stmt);
  /* Whether stepping @stmt may write: the writes that wait for a check
   * (crm_store_open_checking(); only the file opens that way). */
  gboolean      (*writes)          (CrmStmt    *stmt);

  /* Transactions: CrmStore counts the levels (crm_store_lock()) and asks
   * for begin() at the outermost and a savepoint named after @level for
   * each write level inside it. release() keeps a savepoint's changes,
   * rollback_to() undoes them; both end it. rollback() and rollback_to()
   * cannot be refused: they are what is left when something failed. */
  gboolean      (*begin)       (CrmStoreConn *conn,
                                CrmStoreLock  lock);
  gboolean      (*commit)      (CrmStoreConn *conn);
  void          (*rollback)    (CrmStoreConn *conn);
  gboolean      (*savepoint)   (CrmStoreConn *conn,
                                guint         level);
  gboolean      (*release)     (CrmStoreConn *conn,
                                guint         level);
  void          (*rollback_to) (CrmStoreConn *conn,
                                guint         level);

  /* What marks a database as Clientele's, and which schema it has:
   * 0 for both in a database nobody stamped. */
  gboolean      (*get_schema_version) (CrmStoreConn *conn,
                                       gint64       *version);
  gboolean      (*set_schema_version) (CrmStoreConn *conn,
                                       guint         version);
  gboolean      (*get_application_id) (CrmStoreConn *conn,
                                       gint64       *id);
  gboolean      (*set_application_id) (CrmStoreConn *conn,
                                       guint32       id);

  /* Changes made elsewhere. announce() (may be NULL) tells the others
   * about this connection's change: inside the open transaction, just
   * before it commits, or right after a write outside any. watch() is
   * a source that fires when poll() may have something; poll() reports
   * each change another connection committed since the last poll, never
   * this connection's own, and returns whether there was any. */
  void          (*announce)    (CrmStoreConn         *conn,
                                guint                 change,
                                gint64                customer_id);
  GSource      *(*watch)       (CrmStoreConn         *conn);
  gboolean      (*poll)        (CrmStoreConn         *conn,
                                CrmStoreEngineNotify  notify,
                                gpointer              user_data);

  /* Shared databases (PostgreSQL); the file leaves these 0 and NULL.
   * @shared: several PCs write at once, and a session can be lost: a
   * write made outside any transaction gets one of its own, so that its
   * commit can be looked up if the answer never came. dup_problem()
   * gives words for the shop owner while the session is lost (NULL when
   * connected); take_lost_commit() says once, after a reconnect, whether
   * the commit that was cut off was saved (1), not saved (0) or is
   * unknown (-1). */
  gboolean      shared;
  char         *(*dup_problem)      (CrmStoreConn         *conn);
  int           (*take_lost_commit) (CrmStoreConn         *conn);

  /* A result's shape, after a step that gave a row. */
  int           (*column_count)     (CrmStmt              *stmt);
  const char   *(*column_name)      (CrmStmt              *stmt,
                                     int                   column);
  /* Data safety (crm-store-backup.c, docs/data-safety.md). An engine
   * that cannot do one of these leaves it NULL and the store says so.
   *
   * open_read_only() never creates, migrates or writes @location;
   * open_snapshot() reads it into a private copy in memory that may be
   * written (figures brought up to date) and is thrown away at close.
   * check() reads the whole database and refuses a damaged one with
   * CRM_STORE_ERROR_DAMAGED. failure() says what the last failed call
   * was about. backup_to() writes a consistent copy to @path: beside it
   * first, synced and checked, then renamed over it, so that @path is
   * either as it was or the whole checked copy, 0600. restore_from()
   * replaces everything in @conn's database by the database in @path, in
   * one transaction that other connections see commit. salvage_from()
   * copies what still reads of the damaged file @path into @conn's empty
   * database, table by table, and says what it saved and lost.
   * replace_file() puts the file @staged in the place of @location, which
   * no connection has open (it failed its check), after copying
   * @location byte for byte to @kept; remove_file() removes a file of the
   * engine's and whatever it keeps beside it. */
  CrmStoreConn   *(*open_read_only) (const char            *location,
                                     GError               **error);
  CrmStoreConn   *(*open_snapshot)  (const char            *location,
                                     GError               **error);
  gboolean        (*check)          (CrmStoreConn          *conn,
                                     GError               **error);
  CrmStoreFailure (*failure)        (CrmStoreConn          *conn);
  gboolean        (*backup_to)      (CrmStoreConn          *conn,
                                     const char            *path,
                                     CrmStoreProgressFunc   progress,
                                     gpointer               user_data,
                                     GCancellable          *cancellable,
                                     GError               **error);
  gboolean        (*restore_from)   (CrmStoreConn          *conn,
                                     const char            *path,
                                     CrmStoreProgressFunc   progress,
                                     gpointer               user_data,
                                     GCancellable          *cancellable,
                                     GError               **error);
  gboolean        (*salvage_from)   (CrmStoreConn          *conn,
                                     const char            *path,
                                     GPtrArray             *salvaged,
                                     GError               **error);
  gboolean        (*replace_file)   (const char            *location,
                                     const char            *staged,
                                     const char            *kept,
                                     GError               **error);
  void            (*remove_file)    (const char            *location);
};

/* The embedded file, one PC: crm-store-sqlite.c. */
extern const CrmStoreEngine crm_store_sqlite_engine;

#ifdef HAVE_LIBPQ
/* A shared server, several PCs: crm-store-pg.c. */
extern const CrmStoreEngine crm_store_pg_engine;
#endif

G_END_DECLS
