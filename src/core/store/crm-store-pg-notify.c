/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The PostgreSQL engine's transactions and what travels with them
 * (crm-store-pg-conn.h): a writer takes the shop's one write lock, a
 * commit carries the NOTIFY that tells the other PCs what changed and an
 * id that says after a lost answer whether it was saved; the session's
 * socket is watched for the other PCs' notifications. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include "crm-store-pg-conn.h"
#include "crm-store-pg-private.h"
#include "crm-store-private.h"

/* Writers take this lock first, one at a time across all PCs: the
 * SQLite file's BEGIN IMMEDIATE, so that the store's read-then-write
 * code (figures, segments) never loses another PC's update. */
#define WRITE_LOCK_KEY "1129075796"  /* CRM_STORE_APPLICATION_ID */

/* Reads what has arrived on the socket without waiting. */
void
crm_pg_collect_notifications (CrmStoreConn *conn)
{
  PGnotify *notify;

  if (conn->broken || conn->pg == NULL)
    return;

  if (!PQconsumeInput (conn->pg))
    {
      crm_pg_set_errmsg (conn, PQerrorMessage (conn->pg));
      crm_pg_mark_broken (conn, conn->errmsg);
      return;
    }

  while ((notify = PQnotifies (conn->pg)) != NULL)
    {
      guint change = 0;
      gint64 customer_id = 0;

      /* Our own commits come back too. */
      if (notify->be_pid != conn->backend_pid &&
          crm_store_pg_parse_payload (notify->extra, &change, &customer_id))
        {
          if (!conn->has_outside)
            conn->outside_customer = customer_id;
          else if (conn->outside_customer != customer_id)
            conn->outside_customer = 0;
          conn->outside_changes |= change;
          conn->has_outside = TRUE;
          conn->generation++;
        }
      PQfreemem (notify);
    }
}

gint64
crm_pg_generation (CrmStoreConn *conn)
{
  crm_pg_collect_notifications (conn);
  return ((gint64) conn->epoch << 48) ^ conn->generation;
}

/* ----- transactions -------------------------------------------------- */

/* A reader sees one snapshot, as in an SQLite read transaction; a writer
 * waits for the shop's write lock (lock_timeout, 5 s) and then sees
 * every commit made before it. */
gboolean
crm_pg_begin (CrmStoreConn *conn,
              CrmStoreLock  lock)
{
  gboolean ok;

  if (lock == CRM_STORE_LOCK_READ)
    return crm_pg_exec_internal (conn, "BEGIN ISOLATION LEVEL REPEATABLE READ");

  ok = crm_pg_exec_internal (conn, "BEGIN ISOLATION LEVEL READ COMMITTED;"
                               "SELECT pg_advisory_xact_lock (" WRITE_LOCK_KEY ")");
  if (!ok && !conn->broken)
    crm_pg_exec_quiet (conn->pg, "ROLLBACK");

  conn->in_write = ok;
  return ok;
}

/* A write transaction's commit goes in one round trip with the change
 * announcement and a random id of the commit: if the answer is lost,
 * that id says after reconnecting whether it was saved. */
gboolean
crm_pg_commit (CrmStoreConn *conn)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *token = NULL;
  PGresult *result;
  gboolean ok;

  if (crm_pg_refuse_if_broken (conn))
    return FALSE;

  if (conn->in_write && !conn->commit_log)
    conn->commit_log = crm_pg_has_table (conn, "clientele_commits");

  if (conn->in_write && conn->commit_log)
    {
      token = g_uuid_string_random ();
      g_string_append_printf (sql, "INSERT INTO clientele_commits (token, at) "
                                   "VALUES ('%s', %" G_GINT64_FORMAT ");",
                              token, g_get_real_time () / G_USEC_PER_SEC);
    }
  if (conn->notify_payload != NULL)
    g_string_append_printf (sql, "SELECT pg_notify ('" CRM_PG_CHANGE_CHANNEL "', '%s');",
                            conn->notify_payload);
  g_string_append (sql, "COMMIT");

  if (conn->notify_payload != NULL)
    g_debug ("Committing, telling the others: %s", conn->notify_payload);
  result = PQexec (conn->pg, sql->str);
  ok = PQresultStatus (result) == PGRES_COMMAND_OK &&
       g_str_equal (PQcmdStatus (result), "COMMIT");
  if (!ok)
    crm_pg_set_errmsg_from (conn, result);
  PQclear (result);

  conn->in_write = FALSE;
  g_clear_pointer (&conn->notify_payload, g_free);

  if (!ok && PQstatus (conn->pg) == CONNECTION_BAD && token != NULL)
    {
      g_free (conn->lost_commit);
      conn->lost_commit = g_steal_pointer (&token);
      conn->lost_commit_outcome = -1;
    }

  if (!ok)
    crm_pg_check_connection (conn);
  else
    conn->generation++;
  return ok;
}

void
crm_pg_rollback (CrmStoreConn *conn)
{
  conn->in_write = FALSE;
  g_clear_pointer (&conn->notify_payload, g_free);
  if (!conn->broken)
    crm_pg_exec_quiet (conn->pg, "ROLLBACK");
}

static gboolean
savepoint_exec (CrmStoreConn *conn,
                const char   *verb,
                guint         level)
{
  g_autofree char *sql = g_strdup_printf ("%s SAVEPOINT crm_%u", verb, level);

  return crm_pg_exec_internal (conn, sql);
}

gboolean
crm_pg_savepoint (CrmStoreConn *conn,
                  guint         level)
{
  g_autofree char *sql = g_strdup_printf ("SAVEPOINT crm_%u", level);

  return crm_pg_exec_internal (conn, sql);
}

gboolean
crm_pg_release (CrmStoreConn *conn,
                guint         level)
{
  return savepoint_exec (conn, "RELEASE", level);
}

void
crm_pg_rollback_to (CrmStoreConn *conn,
                    guint         level)
{
  savepoint_exec (conn, "ROLLBACK TO", level);
  savepoint_exec (conn, "RELEASE", level);
}

/* ----- other PCs' changes -------------------------------------------- */

static const char *const change_names[] = {
  "customers", "purchases", "interactions", "settings",
  "segments", "follow_ups", "feedback", "staff",
};

/**
 * crm_store_pg_format_payload:
 * @change: CrmStoreChange flags
 * @customer_id: the customer, or 0
 *
 * The NOTIFY payload: the tables that changed and the customer, e.g.
 * "customers,purchases 42".
 *
 * Returns: (transfer full): the payload
 */
char *
crm_store_pg_format_payload (guint  change,
                             gint64 customer_id)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (change_names); i++)
    if (change & (1u << i))
      g_string_append_printf (out, "%s%s", out->len > 0 ? "," : "", change_names[i]);

  g_string_append_printf (out, " %" G_GINT64_FORMAT, MAX (customer_id, 0));
  return g_string_free (out, FALSE);
}

/**
 * crm_store_pg_parse_payload:
 *
 * Reads crm_store_pg_format_payload()'s text; an unknown table name
 * (a newer Clientele's) means "everything".
 *
 * Returns: whether @payload was one
 */
gboolean
crm_store_pg_parse_payload (const char *payload,
                            guint      *change,
                            gint64     *customer_id)
{
  g_auto(GStrv) parts = g_strsplit (payload, " ", 2);
  g_auto(GStrv) tables = NULL;
  char *end = NULL;

  if (g_strv_length (parts) != 2)
    return FALSE;

  *customer_id = g_ascii_strtoll (parts[1], &end, 10);
  if (end == parts[1] || *end != '\0' || *customer_id < 0)
    return FALSE;

  *change = 0;
  tables = g_strsplit (parts[0], ",", -1);
  for (guint t = 0; tables[t] != NULL; t++)
    {
      guint bit = CRM_STORE_CHANGE_ALL;

      for (guint i = 0; i < G_N_ELEMENTS (change_names); i++)
        if (g_str_equal (tables[t], change_names[i]))
          bit = 1u << i;
      *change |= bit;
    }

  return *change != 0;
}

/* The payload goes with the commit (crm_pg_commit()), or at once outside a
 * transaction. Several changes in one transaction were merged by the
 * store already. */
void
crm_pg_announce (CrmStoreConn *conn,
                 guint         change,
                 gint64        customer_id)
{
  g_autofree char *payload = crm_store_pg_format_payload (change, customer_id);

  if (conn->broken)
    return;

  if (PQtransactionStatus (conn->pg) == PQTRANS_INTRANS)
    {
      g_free (conn->notify_payload);
      conn->notify_payload = g_steal_pointer (&payload);
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("SELECT pg_notify ('" CRM_PG_CHANGE_CHANNEL "', '%s')",
                                              payload);

      g_debug ("Telling the others: %s", payload);
      crm_pg_exec_quiet (conn->pg, sql);
    }
}

static void
watch_follow_socket (PgWatch *watch)
{
  CrmStoreConn *conn = watch->conn;
  int fd = conn->pg != NULL && !conn->broken ? PQsocket (conn->pg) : -1;

  if (fd == watch->fd)
    return;

  if (conn->watch_tag != NULL)
    g_source_remove_unix_fd (&watch->source, conn->watch_tag);
  conn->watch_tag = fd >= 0 ? g_source_add_unix_fd (&watch->source, fd, G_IO_IN | G_IO_ERR | G_IO_HUP)
                            : NULL;
  watch->fd = fd;
}

static gboolean
watch_dispatch (GSource     *source,
                GSourceFunc  callback,
                gpointer     user_data)
{
  PgWatch *watch = (PgWatch *) source;

  g_source_set_ready_time (source, -1);

  /* Read the socket now, even when the store cannot report yet (inside
   * a transaction): a readable socket left unread would spin. */
  if (watch->conn != NULL)
    crm_pg_collect_notifications (watch->conn);
  if (callback != NULL)
    callback (user_data);

  if (watch->conn != NULL)
    {
      crm_pg_maybe_reconnect (watch->conn);
      watch_follow_socket (watch);
    }

  return G_SOURCE_CONTINUE;
}

static void
watch_finalize (GSource *source)
{
  PgWatch *watch = (PgWatch *) source;

  if (watch->conn != NULL && watch->conn->watch == source)
    {
      watch->conn->watch = NULL;
      watch->conn->watch_tag = NULL;
    }
}

static GSourceFuncs watch_funcs = {
  .dispatch = watch_dispatch,
  .finalize = watch_finalize,
};

GSource *
crm_pg_watch (CrmStoreConn *conn)
{
  GSource *source = g_source_new (&watch_funcs, sizeof (PgWatch));
  PgWatch *watch = (PgWatch *) source;

  watch->conn = conn;
  watch->fd = -1;
  conn->watch = source;
  conn->watch_tag = NULL;
  watch_follow_socket (watch);
  return source;
}

gboolean
crm_pg_poll (CrmStoreConn         *conn,
             CrmStoreEngineNotify  notify,
             gpointer              user_data)
{
  guint change;
  gint64 customer_id;

  crm_pg_collect_notifications (conn);
  if (!conn->has_outside)
    return FALSE;

  change = conn->outside_changes;
  customer_id = conn->outside_customer;
  conn->has_outside = FALSE;
  conn->outside_changes = 0;
  conn->outside_customer = 0;
  notify (change, customer_id, user_data);
  return TRUE;
}
