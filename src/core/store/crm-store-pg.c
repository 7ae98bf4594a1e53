/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The PostgreSQL engine: one shop shared by several PCs on one server,
 * through libpq. Its three files are the only ones that call PQ*();
 * every other store file goes through CrmStoreEngine
 * (crm-store-engine.h). This one holds the connection: the address as
 * given and as shown, sessions, what marks the database as Clientele's,
 * losing the session and connecting again off the main thread, and the
 * engine's table. Statements are in crm-store-pg-stmt.c, transactions
 * and other PCs' changes in crm-store-pg-notify.c. docs/engines.md says
 * what differs from the SQLite file and docs/scale.md how it behaves when
 * the server or the network goes away. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-store-pg-conn.h"
#include "crm-store-pg-private.h"
#include "crm-store-private.h"

/* Retry delays after the connection is lost: 1 s, doubling, at most 30 s. */
#define RETRY_FIRST_SECONDS 1
#define RETRY_MAX_SECONDS   30

/* Commits older than this are forgotten (the check runs at reconnect). */
#define COMMIT_LOG_DAYS 7

/* A session made ready to use, and what it found out on the way: every
 * round trip a new session needs, done in one place, so that after a
 * drop it all happens in the worker thread and the main thread only
 * takes the result. */
typedef struct
{
  PGconn    *pg;
  char      *problem;         /* words for the shop owner when it did not connect */
  char      *failure;         /* the server's words when set-up failed */
  int        backend_pid;
  gboolean   commit_log;      /* clientele_commits exists (schema 4) */
  int        lost_commit_outcome;  /* for @lost_commit: -1 unknown, 0, 1 */
} PgSession;

struct _ConnectJob
{
  gatomicrefcount  ref;
  char            *conninfo;
  char            *display;
  char            *lost_commit;
  PgSession        session;
  CrmStoreConn    *conn;      /* NULL once the connection is closed */
};

static void adopt_session (CrmStoreConn *conn,
                           PgSession    *session);
static void job_unref     (ConnectJob   *job);

void
crm_pg_set_errmsg (CrmStoreConn *conn,
                   const char   *message)
{
  g_free (conn->errmsg);
  conn->errmsg = g_strchomp (g_strdup (message != NULL ? message : ""));
}

/* The server's words for a failed result or connection. A server that
 * is shutting down (57P…) or a broken link (08…) ends the session even
 * before libpq has seen the socket close. */
void
crm_pg_set_errmsg_from (CrmStoreConn   *conn,
                        const PGresult *result)
{
  const char *message = result != NULL ? PQresultErrorMessage (result) : NULL;
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;

  if (message == NULL || message[0] == '\0')
    message = conn->pg != NULL ? PQerrorMessage (conn->pg) : NULL;
  crm_pg_set_errmsg (conn, message);

  if (state != NULL && (g_str_has_prefix (state, "57P") || g_str_has_prefix (state, "08")))
    crm_pg_mark_broken (conn, conn->errmsg);
}

/* ----- connection strings -------------------------------------------- */

/* The options of @conninfo that matter to a person, in URI form. */
static char *
describe_options (PQconninfoOption *options)
{
  const char *user = NULL, *host = NULL, *port = NULL, *dbname = NULL, *sslmode = NULL;
  GString *out = g_string_new ("postgresql://");

  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      if (o->val == NULL || o->val[0] == '\0')
        continue;
      if (g_str_equal (o->keyword, "user"))
        user = o->val;
      else if (g_str_equal (o->keyword, "host"))
        host = o->val;
      else if (g_str_equal (o->keyword, "port"))
        port = o->val;
      else if (g_str_equal (o->keyword, "dbname"))
        dbname = o->val;
      else if (g_str_equal (o->keyword, "sslmode"))
        sslmode = o->val;
    }

  if (user != NULL)
    g_string_append_printf (out, "%s@", user);
  if (host != NULL && host[0] == '/')
    g_string_append_printf (out, "[%s]", host);
  else if (host != NULL)
    g_string_append (out, host);
  if (port != NULL && !g_str_equal (port, "5432"))
    g_string_append_printf (out, ":%s", port);
  g_string_append_printf (out, "/%s", dbname != NULL ? dbname : "");
  if (sslmode != NULL)
    g_string_append_printf (out, "?sslmode=%s", sslmode);

  return g_string_free (out, FALSE);
}

/**
 * crm_store_pg_describe:
 * @location: a connection string or URI, perhaps with a password
 *
 * What a message may show of @location: user, host, port, database and
 * sslmode, never the password nor any other option.
 *
 * Returns: (transfer full): e.g. "postgresql://till@shop-server/shop"
 */
char *
crm_store_pg_describe (const char *location)
{
  PQconninfoOption *options = PQconninfoParse (location, NULL);
  char *described;

  /* Unreadable: say nothing of what it holds. */
  if (options == NULL)
    return g_strdup ("postgresql://…");

  described = describe_options (options);
  PQconninfoFree (options);
  return described;
}

/* @location as a libpq "key='value' …" string, with @values: each one
 * only where @location does not set its key (@fill) or instead of what
 * it says, a NULL value leaving the key out (!@fill). NULL when
 * @location is not a connection string or URI. */
static char *
rewrite_conninfo (const char        *location,
                  const char *const (*values)[2],
                  gsize              n_values,
                  gboolean           fill)
{
  PQconninfoOption *options = PQconninfoParse (location, NULL);
  GString *out = g_string_new (NULL);

  if (options == NULL)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      const char *value = o->val;

      for (gsize i = 0; i < n_values; i++)
        if (g_str_equal (o->keyword, values[i][0]) && (!fill || value == NULL))
          value = values[i][1];

      if (value == NULL)
        continue;

      /* Quoted as libpq reads it: '…' with \ and ' escaped. */
      g_string_append_printf (out, "%s%s='", out->len > 0 ? " " : "", o->keyword);
      for (const char *c = value; *c != '\0'; c++)
        {
          if (*c == '\'' || *c == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *c);
        }
      g_string_append_c (out, '\'');
    }
  PQconninfoFree (options);

  return g_string_free (out, FALSE);
}

/* The shop owner's @location with what Clientele needs added where the
 * owner did not set it: its name, a bounded connect, and keepalives
 * that notice a dead network in seconds, not the kernel's two hours. */
static char *
full_conninfo (const char *location)
{
  static const char *const defaults[][2] = {
    { "fallback_application_name", "clientele" },
    { "connect_timeout", "5" },
    { "keepalives", "1" },
    { "keepalives_idle", "5" },
    { "keepalives_interval", "2" },
    { "keepalives_count", "3" },
    { "tcp_user_timeout", "10000" },
  };

  return rewrite_conninfo (location, defaults, G_N_ELEMENTS (defaults), TRUE);
}

/**
 * crm_store_pg_set_password:
 * @location: a connection string or URI
 * @password: (nullable): the password, or %NULL for none
 *
 * Returns: (transfer full) (nullable): @location with @password (a
 *   connection string), or without any (@location itself when it holds
 *   none); %NULL when @location cannot be read
 */
char *
crm_store_pg_set_password (const char *location,
                           const char *password)
{
  const char *const values[][2] = { { "password", password } };
  PQconninfoOption *options = PQconninfoParse (location, NULL);
  gboolean has_password = FALSE;

  if (options == NULL)
    return NULL;
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (g_str_equal (o->keyword, "password") && o->val != NULL)
      has_password = TRUE;
  PQconninfoFree (options);

  /* As the owner wrote it, where nothing is to change. */
  if (password == NULL && !has_password)
    return g_strdup (location);

  return rewrite_conninfo (location, values, G_N_ELEMENTS (values), FALSE);
}

/* ----- sessions ------------------------------------------------------ */

static gboolean
says (const char *message,
      const char *words)
{
  return strstr (message, words) != NULL;
}

/* Words for the shop owner from a failed connection attempt to
 * @conninfo (@display as people see it), telling apart the computer that
 * does not answer, the password and the database's name. libpq's own
 * words are English unless a catalogue of its translates them: where
 * none of them is recognised, the server is asked once more (PQping)
 * whether it answers at all. */
static char *
connect_problem (PGconn     *pg,
                 const char *conninfo,
                 const char *display)
{
  const char *message = PQerrorMessage (pg);
  g_autofree char *server = g_strchomp (g_strdup (message));
  PGPing ping;

  if (PQconnectionNeedsPassword (pg))
    return g_strdup_printf (_("The shared database “%s” asks for a password. Type it, or put it "
                              "in ~/.pgpass (or the file PGPASSFILE names)."),
                            display);

  if (says (message, "database \"") && says (message, "does not exist"))
    return g_strdup_printf (_("The server has no database “%s”. Check the database’s name in "
                              "the address."),
                            PQdb (pg));

  if (PQconnectionUsedPassword (pg))
    return g_strdup_printf (_("The shared database “%s” did not accept the user name or the "
                              "password. Check them: the password typed, or the one in ~/.pgpass "
                              "(or PGPASSFILE)."),
                            display);

  if (says (message, "role \"") && says (message, "does not exist"))
    return g_strdup_printf (_("The server has no user “%s”. Check the user name in the address."),
                            PQuser (pg));

  if (says (message, "could not translate host name"))
    return g_strdup_printf (_("The computer “%s” was not found on the network. Check its name in "
                              "the address."),
                            PQhost (pg));

  if (says (message, "no pg_hba.conf entry"))
    return g_strdup_printf (_("The shared database “%s” does not let this PC in. Whoever looks "
                              "after the server can allow it (in pg_hba.conf)."),
                            display);

  if (says (message, "starting up") || says (message, "shutting down") ||
      says (message, "recovery mode"))
    ping = PQPING_REJECT;
  else if (says (message, "Connection refused") || says (message, "timeout expired") ||
           says (message, "No route to host") || says (message, "unreachable") ||
           says (message, "timed out") || says (message, "No such file or directory"))
    ping = PQPING_NO_RESPONSE;
  else
    ping = PQping (conninfo);

  if (ping == PQPING_REJECT)
    return g_strdup_printf (_("The database server of “%s” is starting or stopping. Try again in "
                              "a moment."),
                            display);

  if (ping == PQPING_NO_RESPONSE)
    return g_strdup_printf (_("Nothing answered at “%s”. Check that the computer is on and on this "
                              "network, and that its database server runs and accepts connections "
                              "from other PCs."),
                            display);

  /* Translators: the first %s is the database, the second the server's reason */
  return g_strdup_printf (_("Could not reach the shared database “%s”: %s"), display, server);
}

void
crm_pg_exec_quiet (PGconn     *pg,
                   const char *sql)
{
  PQclear (PQexec (pg, sql));
}

/* One value of a one-row answer to @sql with $1 = @param (or none), or
 * NULL; for session set-up, before a CrmStoreConn has the session. */
static char *
session_value (PgSession  *session,
               const char *sql,
               const char *param)
{
  PGresult *result = PQexecParams (session->pg, sql, param != NULL ? 1 : 0, NULL,
                                   param != NULL ? &param : NULL, NULL, NULL, 0);
  char *value = NULL;

  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1)
    value = g_strdup (PQgetvalue (result, 0, 0));
  else if (session->failure == NULL)
    session->failure = g_strchomp (g_strdup (PQresultErrorMessage (result)));
  PQclear (result);
  return value;
}

/* Connects and does what every new session needs before the store uses
 * it; with @lost_commit, looks up whether that commit was saved. Touches
 * no CrmStoreConn: it runs in the reconnect worker. */
static void
session_open (PgSession  *session,
              const char *conninfo,
              const char *display,
              const char *lost_commit)
{
  PGresult *result;
  g_autofree char *commit_log = NULL;

  memset (session, 0, sizeof *session);
  session->lost_commit_outcome = -1;
  session->pg = PQconnectdb (conninfo);
  if (PQstatus (session->pg) != CONNECTION_OK)
    {
      session->problem = connect_problem (session->pg, conninfo, display);
      return;
    }

  result = PQexec (session->pg,
                   "SET lock_timeout = '5s';"
                   "SET client_min_messages = warning;"
                   "LISTEN " CRM_PG_CHANGE_CHANNEL);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    session->failure = g_strchomp (g_strdup (PQresultErrorMessage (result)));
  PQclear (result);
  if (session->failure != NULL)
    return;

  session->backend_pid = PQbackendPID (session->pg);
  commit_log = session_value (session, "SELECT to_regclass ('clientele_commits') IS NOT NULL", NULL);
  session->commit_log = g_strcmp0 (commit_log, "t") == 0;

  if (lost_commit != NULL && session->commit_log)
    {
      g_autofree char *found = session_value (session,
                                              "SELECT count(*) FROM clientele_commits "
                                              "WHERE token = $1",
                                              lost_commit);

      if (found != NULL)
        session->lost_commit_outcome = g_ascii_strtoll (found, NULL, 10) > 0;
    }
}

static void
session_clear (PgSession *session)
{
  g_clear_pointer (&session->pg, PQfinish);
  g_clear_pointer (&session->problem, g_free);
  g_clear_pointer (&session->failure, g_free);
}

/* The session is the connection's from now on. */
static void
take_session (CrmStoreConn *conn,
              PgSession    *session)
{
  if (conn->pg != NULL)
    PQfinish (conn->pg);
  conn->pg = g_steal_pointer (&session->pg);
  conn->backend_pid = session->backend_pid;
  conn->commit_log = session->commit_log;
  conn->epoch++;
}

static void
set_problem (CrmStoreConn *conn,
             char         *problem)
{
  g_free (conn->problem);
  conn->problem = problem;
}

/* A statement or the socket found the session gone. */
void
crm_pg_mark_broken (CrmStoreConn *conn,
                    const char   *why)
{
  if (conn->broken)
    return;

  g_message ("Lost the shared database %s: %s", conn->display, why);
  conn->broken = TRUE;
  conn->in_write = FALSE;
  g_clear_pointer (&conn->notify_payload, g_free);
  set_problem (conn, g_strdup_printf (_("The connection to the shared database “%s” was lost. "
                                        "Clientele keeps trying to reconnect."),
                                      conn->display));
  conn->retry_seconds = RETRY_FIRST_SECONDS;
  /* Without a watch the next call tries at once (crm_pg_refuse_if_broken()). */
  conn->retry_at = g_get_monotonic_time () +
                   (conn->watch != NULL ? G_USEC_PER_SEC * RETRY_FIRST_SECONDS : 0);

  /* Let the watch tell the window at once. */
  if (conn->watch != NULL)
    g_source_set_ready_time (conn->watch, 0);
}

/* After a failed call: was it the connection? */
void
crm_pg_check_connection (CrmStoreConn *conn)
{
  if (conn->pg != NULL && PQstatus (conn->pg) == CONNECTION_BAD)
    crm_pg_mark_broken (conn, conn->errmsg != NULL ? conn->errmsg : "");
}

gboolean
crm_pg_refuse_if_broken (CrmStoreConn *conn)
{
  if (!conn->broken)
    return FALSE;

  /* Nobody watches (a command-line run, a worker): try again here, at
   * the pace a watch would, waiting at most connect_timeout. */
  if (conn->watch == NULL && conn->job == NULL && g_get_monotonic_time () >= conn->retry_at)
    {
      PgSession session;

      session_open (&session, conn->conninfo, conn->display, conn->lost_commit);
      adopt_session (conn, &session);
      session_clear (&session);
      if (!conn->broken)
        return FALSE;
    }

  crm_pg_set_errmsg (conn, conn->problem);
  return TRUE;
}

/* Runs @sql (program text only, several statements allowed); the last
 * result decides. */
gboolean
crm_pg_exec_internal (CrmStoreConn *conn,
                      const char   *sql)
{
  PGresult *result;
  ExecStatusType status;
  gboolean ok;

  if (crm_pg_refuse_if_broken (conn))
    return FALSE;

  result = PQexec (conn->pg, sql);
  status = PQresultStatus (result);
  ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
  if (ok)
    {
      const char *tuples = PQcmdTuples (result);

      if (tuples[0] != '\0')
        conn->changes = g_ascii_strtoll (tuples, NULL, 10);
      conn->generation++;
    }
  else
    crm_pg_set_errmsg_from (conn, result);
  PQclear (result);

  if (!ok)
    crm_pg_check_connection (conn);
  return ok;
}

static CrmStoreConn *
pg_open (const char  *location,
         gboolean     raw,
         GError     **error)
{
  CrmStoreConn *conn;
  g_autofree char *display = crm_store_pg_describe (location);
  g_autofree char *conninfo = full_conninfo (location);
  PgSession session;

  if (conninfo == NULL)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_IO,
                   _("“%s” is not a database address Clientele can read. "
                     "Write it as postgresql://user@host/database."),
                   display);
      return NULL;
    }

  session_open (&session, conninfo, display, NULL);
  if (session.problem != NULL)
    {
      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_IO, session.problem);
      session_clear (&session);
      return NULL;
    }
  if (session.failure != NULL)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_IO,
                   _("Could not open the shared database “%s”: %s"),
                   display, session.failure);
      session_clear (&session);
      return NULL;
    }

  conn = g_new0 (CrmStoreConn, 1);
  conn->conninfo = g_steal_pointer (&conninfo);
  conn->display = g_steal_pointer (&display);
  conn->lost_commit_outcome = -1;
  take_session (conn, &session);
  session_clear (&session);
  return conn;
}

static void
pg_close (CrmStoreConn *conn)
{
  if (conn == NULL)
    return;

  /* A reconnect under way finishes on its own and is thrown away. */
  if (conn->job != NULL)
    conn->job->conn = NULL;
  if (conn->watch != NULL)
    ((PgWatch *) conn->watch)->conn = NULL;

  if (conn->pg != NULL)
    PQfinish (conn->pg);
  g_free (conn->conninfo);
  g_free (conn->display);
  g_free (conn->errmsg);
  g_free (conn->notify_payload);
  g_free (conn->problem);
  g_free (conn->lost_commit);
  g_free (conn);
}

/* One integer (or boolean) from @sql, or FALSE. */
gboolean
crm_pg_query_int (CrmStoreConn *conn,
                  const char   *sql,
                  gint64       *out)
{
  PGresult *result;
  gboolean ok;

  if (crm_pg_refuse_if_broken (conn))
    return FALSE;

  result = PQexec (conn->pg, sql);
  ok = PQresultStatus (result) == PGRES_TUPLES_OK;
  if (!ok)
    crm_pg_set_errmsg_from (conn, result);
  else if (PQntuples (result) == 0 || PQgetisnull (result, 0, 0))
    *out = 0;
  else if (PQftype (result, 0) == CRM_PG_BOOLOID)
    *out = PQgetvalue (result, 0, 0)[0] == 't';
  else
    *out = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);

  if (!ok)
    crm_pg_check_connection (conn);
  return ok;
}

/* Only reads: a database we refuse must stay as it was. */
static gboolean
pg_probe (CrmStoreConn  *conn,
          gboolean      *empty,
          GError       **error)
{
  gint64 n_tables = 0;

  if (!crm_pg_query_int (conn,
                  "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()",
                  &n_tables))
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_IO,
                   _("Could not read the shared database “%s”: %s"),
                   conn->display, conn->errmsg);
      return FALSE;
    }

  *empty = n_tables == 0;
  return TRUE;
}

gboolean
crm_pg_has_table (CrmStoreConn *conn,
                  const char   *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT to_regclass ('%s') IS NOT NULL", name);
  gint64 exists = 0;

  return crm_pg_query_int (conn, sql, &exists) && exists;
}

static gboolean
pg_configure (CrmStoreConn  *conn,
              GError       **error)
{
  /* Old commit ids are only kept to answer "did it save?" after a drop. */
  if (crm_pg_has_table (conn, "clientele_commits"))
    {
      g_autofree char *sql =
        g_strdup_printf ("DELETE FROM clientele_commits WHERE at < %" G_GINT64_FORMAT,
                         g_get_real_time () / G_USEC_PER_SEC - COMMIT_LOG_DAYS * 86400);

      if (!crm_pg_exec_internal (conn, sql))
        {
          g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_SQL, "%s", conn->errmsg);
          return FALSE;
        }
    }

  return TRUE;
}

static const char *
pg_errmsg (CrmStoreConn *conn)
{
  return conn->errmsg != NULL ? conn->errmsg : "";
}

/* ----- what marks the database as ours ------------------------------- */

static gboolean
pg_get_schema_version (CrmStoreConn *conn,
                       gint64       *version)
{
  *version = 0;
  if (!crm_pg_has_table (conn, "schema_version"))
    return !conn->broken;

  return crm_pg_query_int (conn, "SELECT coalesce (max (version), 0) FROM schema_version", version);
}

static gboolean
pg_set_schema_version (CrmStoreConn *conn,
                       guint         version)
{
  g_autofree char *sql =
    g_strdup_printf ("CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL);"
                     "DELETE FROM schema_version;"
                     "INSERT INTO schema_version (version) VALUES (%u)",
                     version);

  return crm_pg_exec_internal (conn, sql);
}

static gboolean
pg_get_application_id (CrmStoreConn *conn,
                       gint64       *id)
{
  *id = 0;
  if (!crm_pg_has_table (conn, "clientele_meta"))
    return !conn->broken;

  return crm_pg_query_int (conn,
                    "SELECT coalesce (max (value::bigint), 0) FROM clientele_meta "
                    "WHERE key = 'application_id'",
                    id);
}

static gboolean
pg_set_application_id (CrmStoreConn *conn,
                       guint32       id)
{
  g_autofree char *sql =
    g_strdup_printf ("CREATE TABLE IF NOT EXISTS clientele_meta ("
                     "  key text PRIMARY KEY, value text NOT NULL);"
                     "INSERT INTO clientele_meta (key, value) VALUES ('application_id', '%u') "
                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                     id);

  return crm_pg_exec_internal (conn, sql);
}
static void
connect_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ConnectJob *job = task_data;

  session_open (&job->session, job->conninfo, job->display, job->lost_commit);
  g_task_return_boolean (task, TRUE);
}

static void
connect_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ConnectJob *job = user_data;
  CrmStoreConn *conn = job->conn;

  if (conn != NULL)
    {
      conn->job = NULL;
      adopt_session (conn, &job->session);
    }
  job_unref (job);
}

/* A new session replaces the lost one, or the attempt failed and the
 * next is planned. No round trip here: session_open() did them all. */
static void
adopt_session (CrmStoreConn *conn,
               PgSession    *session)
{
  if (session->problem != NULL || session->failure != NULL)
    {
      g_autofree char *reason = session->problem != NULL
                                ? g_strdup (session->problem)
                                : g_strdup_printf (_("Could not open the shared database “%s”: %s"),
                                                   conn->display, session->failure);

      /* Translators: %s says why the last attempt failed, in a sentence */
      set_problem (conn, g_strdup_printf (_("The connection to the shared database was lost; "
                                            "Clientele keeps trying to reconnect. %s"),
                                          reason));
      conn->retry_seconds = MIN (conn->retry_seconds * 2, RETRY_MAX_SECONDS);
      conn->retry_at = g_get_monotonic_time () + G_USEC_PER_SEC * conn->retry_seconds;
      g_debug ("Reconnect failed; next try in %u s", conn->retry_seconds);
      if (conn->watch != NULL)
        g_source_set_ready_time (conn->watch, 0);
      return;
    }

  take_session (conn, session);
  conn->broken = FALSE;
  g_message ("Connected again to the shared database %s", conn->display);
  set_problem (conn, NULL);

  if (conn->lost_commit != NULL && session->lost_commit_outcome >= 0)
    {
      conn->lost_commit_outcome = session->lost_commit_outcome;
      g_message ("A change whose commit was cut off %s",
                 conn->lost_commit_outcome ? "was saved" : "was not saved");
      g_clear_pointer (&conn->lost_commit, g_free);
    }

  /* Whatever the others did meanwhile was not heard: reload everything. */
  conn->has_outside = TRUE;
  conn->outside_changes = CRM_STORE_CHANGE_ALL;
  conn->outside_customer = 0;
  conn->generation++;
  if (conn->watch != NULL)
    g_source_set_ready_time (conn->watch, 0);
}

static void
job_unref (ConnectJob *job)
{
  if (g_atomic_ref_count_dec (&job->ref))
    {
      session_clear (&job->session);
      g_free (job->conninfo);
      g_free (job->display);
      g_free (job->lost_commit);
      g_free (job);
    }
}

/* While broken: one connection attempt at a time, off the main thread. */
void
crm_pg_maybe_reconnect (CrmStoreConn *conn)
{
  g_autoptr(GTask) task = NULL;
  ConnectJob *job;

  if (!conn->broken || conn->job != NULL)
    return;

  if (g_get_monotonic_time () < conn->retry_at)
    {
      if (conn->watch != NULL)
        g_source_set_ready_time (conn->watch, conn->retry_at);
      return;
    }

  job = g_new0 (ConnectJob, 1);
  g_atomic_ref_count_init (&job->ref);
  job->conninfo = g_strdup (conn->conninfo);
  job->display = g_strdup (conn->display);
  job->lost_commit = g_strdup (conn->lost_commit);
  job->conn = conn;
  conn->job = job;

  g_atomic_ref_count_inc (&job->ref);
  task = g_task_new (NULL, NULL, connect_done_cb, job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_unref);
  g_task_set_name (task, "[clientele] reconnect");
  g_task_run_in_thread (task, connect_thread);
}

/* Whether the server asked for a password and was given one (typed, or
 * from ~/.pgpass). */
gboolean
crm_store_pg_used_password (CrmStoreConn *conn)
{
  return conn->pg != NULL && PQconnectionUsedPassword (conn->pg);
}

static char *
pg_dup_problem (CrmStoreConn *conn)
{
  return g_strdup (conn->problem);
}

static int
pg_take_lost_commit (CrmStoreConn *conn)
{
  int outcome = conn->lost_commit_outcome;

  conn->lost_commit_outcome = -1;
  return outcome;
}

const CrmStoreEngine crm_store_pg_engine = {
  .name = "postgresql",

  .open = pg_open,
  .close = pg_close,
  .probe = pg_probe,
  .configure = pg_configure,
  .errmsg = pg_errmsg,

  .exec = crm_pg_exec,
  .prepare = crm_pg_prepare,
  .last_insert_id = crm_pg_last_insert_id,
  .changes = crm_pg_changes,
  .generation = crm_pg_generation,
  .name_order = crm_pg_name_order,

  .bind_int64 = crm_pg_bind_int64,
  .bind_double = crm_pg_bind_double,
  .bind_null = crm_pg_bind_null,
  .bind_text = crm_pg_bind_text,
  .parameter_count = crm_pg_parameter_count,
  .step = crm_pg_step,
  .reset = crm_pg_reset,
  .clear_bindings = crm_pg_clear_bindings,
  .column_is_null = crm_pg_column_is_null,
  .column_int64 = crm_pg_column_int64,
  .column_double = crm_pg_column_double,
  .column_text = crm_pg_column_text,
  .finalize = crm_pg_finalize,

  .begin = crm_pg_begin,
  .commit = crm_pg_commit,
  .rollback = crm_pg_rollback,
  .savepoint = crm_pg_savepoint,
  .release = crm_pg_release,
  .rollback_to = crm_pg_rollback_to,

  .get_schema_version = pg_get_schema_version,
  .set_schema_version = pg_set_schema_version,
  .get_application_id = pg_get_application_id,
  .set_application_id = pg_set_application_id,

  .announce = crm_pg_announce,
  .watch = crm_pg_watch,
  .poll = crm_pg_poll,

  .shared = TRUE,
  .dup_problem = pg_dup_problem,
  .take_lost_commit = pg_take_lost_commit,

  .column_count = crm_pg_column_count,
  .column_name = crm_pg_column_name,
};
