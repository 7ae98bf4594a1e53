/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The store on a shared database (several PCs of one shop): opening it,
 * its address as people may see it, with or without a password, what
 * is there before a shop uses it (the Preferences dialog asks from a
 * worker thread), the state of its session, and which PC this is. The
 * engine is crm-store-pg*.c. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-store-private.h"
#ifdef HAVE_LIBPQ
#include "crm-store-pg-private.h"
#endif

/**
 * crm_store_check_shared:
 * @database: a postgresql:// URI or a libpq connection string
 * @check: (out caller-allocates): what is there
 *
 * Connects to @database and reads what it holds, writing nothing: an
 * empty database, or a Clientele shop of this or an older schema. A
 * server out of reach, a refused password, another program's tables
 * and a newer Clientele's shop set @error with words for the shop owner.
 * It waits on the network: call it from a worker thread.
 *
 * Returns: whether a shop can use @database
 */
gboolean
crm_store_check_shared (const char      *database,
                        CrmSharedCheck  *check,
                        GError         **error)
{
  g_autoptr(CrmStore) self = NULL;

  g_return_val_if_fail (database != NULL, FALSE);
  g_return_val_if_fail (check != NULL, FALSE);

  memset (check, 0, sizeof *check);

#ifdef HAVE_LIBPQ
  {
    gint64 version = 0;
    CrmStmt *stmt;

    self = g_object_new (CRM_TYPE_STORE, NULL);
    self->engine = &crm_store_pg_engine;
    self->location = g_strdup (database);
    self->path = crm_store_pg_describe (database);
    self->conn = self->engine->open (self->location, FALSE, error);
    if (self->conn == NULL || !crm_store_check_schema (self, &check->empty, error))
      return FALSE;

    check->password_used = crm_store_pg_used_password (self->conn);
    if (!self->engine->get_schema_version (self->conn, &version))
      {
        crm_store_set_sql_error (error, self, self->path);
        return FALSE;
      }
    check->schema_version = (guint) version;
    if (version == 0)
      return TRUE;

    stmt = crm_store_prepare (self, "SELECT count(*) FROM customers", error);
    if (stmt == NULL)
      return FALSE;
    if (crm_stmt_step (stmt) != CRM_STMT_ROW)
      {
        crm_stmt_reset (stmt);
        crm_store_set_sql_error (error, self, self->path);
        return FALSE;
      }
    check->n_customers = (guint) crm_stmt_column_int64 (stmt, 0);
    crm_stmt_reset (stmt);
    return TRUE;
  }
#else
  /* Says that this build has no PostgreSQL. */
  self = crm_store_open_shared (database, error);
  return FALSE;
#endif
}

/**
 * crm_store_location_set_password:
 * @database: a shared database's URI or connection string
 * @password: (nullable): the password, or %NULL for none
 *
 * What is kept of an address (in the settings: without a password) and
 * what a session uses (with the one typed).
 *
 * Returns: (transfer full) (nullable): @database with @password, or
 *   without any password (@database itself when it has none); %NULL
 *   when @database is not an address Clientele can read
 */
char *
crm_store_location_set_password (const char *database,
                                 const char *password)
{
  g_return_val_if_fail (database != NULL, NULL);

#ifdef HAVE_LIBPQ
  return crm_store_pg_set_password (database, password);
#else
  return password == NULL ? g_strdup (database) : NULL;
#endif
}

/**
 * crm_store_is_shared_location:
 * @database: what --database or CLIENTELE_DATABASE says
 *
 * Returns: whether @database names a shared PostgreSQL database: a
 *   postgresql:// (or postgres://) URI or a libpq "key=value …" string
 */
gboolean
crm_store_is_shared_location (const char *database)
{
  return database != NULL &&
         (g_str_has_prefix (database, "postgresql://") ||
          g_str_has_prefix (database, "postgres://") ||
          strchr (database, '=') != NULL);
}

/**
 * crm_store_describe_location:
 * @database: a shared database's URI or connection string
 *
 * Returns: (transfer full): what a message may show of @database: never
 *   its password
 */
char *
crm_store_describe_location (const char *database)
{
#ifdef HAVE_LIBPQ
  return crm_store_pg_describe (database);
#else
  return g_strdup ("postgresql://…");
#endif
}

/**
 * crm_store_open_shared:
 * @database: a postgresql:// URI or a libpq connection string; the
 *   password comes from ~/.pgpass (or PGPASSFILE) when it has none
 *
 * Opens the shop on a shared PostgreSQL database, creating Clientele's
 * tables in an empty one and bringing an older schema up to date; one
 * that holds another program's tables is refused and left unchanged.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
CrmStore *
crm_store_open_shared (const char  *database,
                       GError     **error)
{
  g_autoptr(CrmStore) self = NULL;

  g_return_val_if_fail (database != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

#ifdef HAVE_LIBPQ
  self = g_object_new (CRM_TYPE_STORE, NULL);
  self->engine = &crm_store_pg_engine;
  self->location = g_strdup (database);
  self->path = crm_store_pg_describe (database);

  if (!crm_store_open_engine (self, CRM_STORE_OPEN_CHECKED, error))
    return NULL;

  return g_steal_pointer (&self);
#else
  g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_IO,
                       _("This build of Clientele has no PostgreSQL support: "
                         "it can only keep the shop in a file on this PC."));
  return NULL;
#endif
}

/**
 * crm_store_open_database:
 * @data_dir: the folder of the shop's file
 * @database: (nullable): a shared database, or %NULL (or "") for the file
 *
 * crm_store_open_shared() when @database is set, else crm_store_open().
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
CrmStore *
crm_store_open_database (const char  *data_dir,
                         const char  *database,
                         GError     **error)
{
  if (database != NULL && database[0] != '\0')
    return crm_store_open_shared (database, error);

  return crm_store_open (data_dir, error);
}

/**
 * crm_store_reopen:
 *
 * A second connection to the same database, for a worker thread (a
 * connection is never shared between threads). It may be called from
 * the worker itself; the file is not checked again.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
CrmStore *
crm_store_reopen (CrmStore  *self,
                  GError   **error)
{
  g_autofree char *data_dir = NULL;
  CrmStoreOpenFlags flags = CRM_STORE_OPEN_CHECKED;
  CrmStore *store;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  if (self->engine != &crm_store_sqlite_engine)
    return crm_store_open_shared (self->location, error);

  /* @self has checked the file and brought it up to date: reading it
   * whole again for every worker would cost what the worker saves. */
  if (self->read_only)
    flags |= CRM_STORE_OPEN_READ_ONLY;
  data_dir = g_path_get_dirname (self->path);
  store = crm_store_open_full (data_dir, flags, error);
  /* A worker's writes wait for the check too. */
  if (store != NULL && self->gate != NULL)
    store->gate = crm_store_gate_ref (self->gate);

  return store;
}

/**
 * crm_store_is_shared:
 *
 * Returns: whether the shop is on a shared database (several PCs)
 */
gboolean
crm_store_is_shared (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  return self->engine->shared;
}

/**
 * crm_store_dup_connection_problem:
 *
 * Returns: (transfer full) (nullable): words for the shop owner while the
 *   shared database cannot be reached, or %NULL when all is well
 */
char *
crm_store_dup_connection_problem (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  return g_strdup (self->problem);
}

/**
 * crm_store_get_station:
 *
 * Returns: this PC as a claim records it (host and process unless set)
 */
const char *
crm_store_get_station (CrmStore *self)
{
  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  return self->station;
}

/* Names this PC in its claims (tests run several "PCs" in one process). */
void
crm_store_set_station (CrmStore   *self,
                       const char *station)
{
  g_return_if_fail (CRM_IS_STORE (self));
  g_return_if_fail (station != NULL);

  g_free (self->station);
  self->station = g_strdup (station);
}

/**
 * crm_store_take_lost_commit:
 *
 * After the session came back: whether the change whose commit the loss
 * cut off was saved (1) or not (0); -1 when there was none or it is not
 * known yet. Each answer is given once.
 */
int
crm_store_take_lost_commit (CrmStore *self)
{
  int outcome;

  g_return_val_if_fail (CRM_IS_STORE (self), -1);

  outcome = self->lost_commit;
  self->lost_commit = -1;
  return outcome;
}
