/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A shared database seen before a shop uses it: what is there (the
 * Preferences dialog asks from a worker thread) and its address with or
 * without a password. Opening a shop on it is crm_store_open_shared()
 * (crm-store.c); the engine is crm-store-pg*.c. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

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
    if (self->conn == NULL ||
        !crm_store_check_schema (self, error) ||
        !self->engine->probe (self->conn, &check->empty, error))
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
