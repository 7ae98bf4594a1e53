/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The PostgreSQL engine: one shop shared by several PCs on one server,
 * through libpq. The only file that calls PQ*(); every other store file
 * goes through CrmStoreEngine (crm-store-engine.h). docs/engines.md says
 * what differs from the SQLite file and docs/scale.md how it behaves when
 * the server or the network goes away.
 *
 * Statements are prepared on the server under generated names, once per
 * connection and per kind of values bound (an integer, a text, a NULL):
 * the store's SQL names no types, so the server infers them, and a
 * statement whose parameters it cannot infer from the values' kinds is
 * prepared again with plain text. Store SQL numbers parameters ?1, ?2 …;
 * they become $1, $2 … here, outside string literals and comments. No
 * other text is ever put into SQL. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <libpq-fe.h>
#include <string.h>

#include "crm-store-pg-private.h"
#include "crm-store-private.h"

/* Where every PC of the shop hears about the others' commits. */
#define CHANGE_CHANNEL "clientele_changes"

/* Writers take this lock first, one at a time across all PCs: the
 * SQLite file's BEGIN IMMEDIATE, so that the store's read-then-write
 * code (figures, segments) never loses another PC's update. */
#define WRITE_LOCK_KEY "1129075796"  /* CRM_STORE_APPLICATION_ID */

/* Retry delays after the connection is lost: 1 s, doubling, at most 30 s. */
#define RETRY_FIRST_SECONDS 1
#define RETRY_MAX_SECONDS   30

/* Commits older than this are forgotten (the check runs at reconnect). */
#define COMMIT_LOG_DAYS 7

/* Type OIDs from pg_type (catalog/pg_type_d.h is not in libpq-dev). */
#define BOOLOID   16
#define INT8OID   20
#define TEXTOID   25
#define FLOAT8OID 701

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
   * with its commit, and whether commits are logged yet (schema 3). */
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
  guint       reconnected : 1;
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

typedef struct
{
  CrmStmt       parent;
  CrmStoreConn *conn;
  char         *sql;          /* with $N */
  int           n_params;
  char        **values;       /* n_params, NULL for SQL NULL */
  char         *kinds;        /* n_params: 'i' integer, 'd' double, 't' text, 'n' null */
  GHashTable   *names;        /* kinds → the server's statement name */
  guint         epoch;
  PGresult     *result;
  int           row;          /* -1 before the statement ran */
} PgStmt;

#define PG_STMT(stmt) ((PgStmt *) (stmt))

struct _ConnectJob
{
  gatomicrefcount  ref;
  char            *conninfo;
  CrmStoreConn    *conn;      /* NULL once the connection is closed */
};

static void pg_mark_broken (CrmStoreConn *conn,
                            const char   *why);
static void adopt_session  (CrmStoreConn *conn,
                            PGconn       *pg);

static void
set_errmsg (CrmStoreConn *conn,
            const char   *message)
{
  g_free (conn->errmsg);
  conn->errmsg = g_strchomp (g_strdup (message != NULL ? message : ""));
}

/* The server's words for a failed result or connection. A server that
 * is shutting down (57P…) or a broken link (08…) ends the session even
 * before libpq has seen the socket close. */
static void
set_errmsg_from (CrmStoreConn   *conn,
                 const PGresult *result)
{
  const char *message = result != NULL ? PQresultErrorMessage (result) : NULL;
  const char *state = result != NULL ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;

  if (message == NULL || message[0] == '\0')
    message = conn->pg != NULL ? PQerrorMessage (conn->pg) : NULL;
  set_errmsg (conn, message);

  if (state != NULL && (g_str_has_prefix (state, "57P") || g_str_has_prefix (state, "08")))
    pg_mark_broken (conn, conn->errmsg);
}

/* ----- ?N → $N ------------------------------------------------------ */

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '_';
}

/* "INDEXED BY name" (an SQLite index hint) at @p: how many bytes to drop. */
static gsize
indexed_by_length (const char *sql,
                   const char *p)
{
  const char *q = p;

  if ((p > sql && is_word_char (p[-1])) || g_ascii_strncasecmp (q, "INDEXED", 7) != 0)
    return 0;
  q += 7;
  if (!g_ascii_isspace (*q))
    return 0;
  while (g_ascii_isspace (*q))
    q++;
  if (g_ascii_strncasecmp (q, "BY", 2) != 0 || !g_ascii_isspace (q[2]))
    return 0;
  q += 2;
  while (g_ascii_isspace (*q))
    q++;
  if (!is_word_char (*q))
    return 0;
  while (is_word_char (*q))
    q++;

  return (gsize) (q - p);
}

/**
 * crm_store_pg_rewrite_sql:
 * @sql: store SQL with ?1, ?2 … parameters
 * @n_params: (out): the highest parameter number
 *
 * Turns ?N into $N outside string literals, quoted names and comments,
 * and drops SQLite's "INDEXED BY index" hints. A bare "?" is refused:
 * store SQL numbers its parameters.
 *
 * Returns: (transfer full) (nullable): the SQL for PostgreSQL, or %NULL
 */
char *
crm_store_pg_rewrite_sql (const char *sql,
                          int        *n_params)
{
  GString *out = g_string_sized_new (strlen (sql) + 8);
  const char *p = sql;

  *n_params = 0;

  while (*p != '\0')
    {
      gsize skip;

      if (*p == '\'' || *p == '"')
        {
          /* A doubled quote inside is a close and a reopen: same result. */
          const char *end = strchr (p + 1, *p);

          end = end != NULL ? end + 1 : p + strlen (p);
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (p[0] == '-' && p[1] == '-')
        {
          const char *end = strchr (p, '\n');

          end = end != NULL ? end : p + strlen (p);
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (p[0] == '/' && p[1] == '*')
        {
          const char *end = strstr (p + 2, "*/");

          end = end != NULL ? end + 2 : p + strlen (p);
          g_string_append_len (out, p, end - p);
          p = end;
        }
      else if (*p == '?')
        {
          const char *digits = ++p;
          int n;

          while (g_ascii_isdigit (*p))
            p++;
          if (p == digits || p - digits > 4)
            {
              g_string_free (out, TRUE);
              return NULL;
            }
          n = atoi (digits);
          *n_params = MAX (*n_params, n);
          g_string_append_c (out, '$');
          g_string_append_len (out, digits, p - digits);
        }
      else if ((skip = indexed_by_length (sql, p)) > 0)
        p += skip;
      else
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
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
  PQconninfoOption *options = PQconninfoParse (location, NULL);
  GString *out = g_string_new (NULL);

  if (options == NULL)
    return NULL;

  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      const char *value = o->val;

      for (guint i = 0; value == NULL && i < G_N_ELEMENTS (defaults); i++)
        if (g_str_equal (o->keyword, defaults[i][0]))
          value = defaults[i][1];

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

/* ----- sessions ------------------------------------------------------ */

/* Words for the shop owner from a failed connection attempt. */
static char *
connect_problem (PGconn     *pg,
                 const char *display)
{
  const char *message = pg != NULL ? PQerrorMessage (pg) : "";
  g_autofree char *server = g_strchomp (g_strdup (message));

  if (pg != NULL && PQconnectionNeedsPassword (pg))
    return g_strdup_printf (_("The shared database “%s” did not accept the password. "
                              "Check the password in ~/.pgpass (or PGPASSFILE)."),
                            display);

  if (strstr (message, "password authentication failed") != NULL)
    return g_strdup_printf (_("The shared database “%s” did not accept the password. "
                              "Check the password in ~/.pgpass (or PGPASSFILE)."),
                            display);

  /* Translators: the first %s is the database, the second the server's reason */
  return g_strdup_printf (_("Could not reach the shared database “%s”: %s"), display, server);
}

static void
exec_quiet (PGconn     *pg,
            const char *sql)
{
  PQclear (PQexec (pg, sql));
}

/* What every new session needs before the store uses it. */
static gboolean
start_session (CrmStoreConn *conn)
{
  PGresult *result = PQexec (conn->pg,
                             "SET lock_timeout = '5s';"
                             "SET client_min_messages = warning;"
                             "LISTEN " CHANGE_CHANNEL);
  gboolean ok = PQresultStatus (result) == PGRES_COMMAND_OK;

  if (!ok)
    set_errmsg_from (conn, result);
  PQclear (result);

  conn->backend_pid = PQbackendPID (conn->pg);
  conn->epoch++;
  conn->commit_log = FALSE;
  return ok;
}

static void
set_problem (CrmStoreConn *conn,
             char         *problem)
{
  g_free (conn->problem);
  conn->problem = problem;
}

/* A statement or the socket found the session gone. */
static void
pg_mark_broken (CrmStoreConn *conn,
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
  /* Without a watch the next call tries at once (refuse_if_broken()). */
  conn->retry_at = g_get_monotonic_time () +
                   (conn->watch != NULL ? G_USEC_PER_SEC * RETRY_FIRST_SECONDS : 0);

  /* Let the watch tell the window at once. */
  if (conn->watch != NULL)
    g_source_set_ready_time (conn->watch, 0);
}

/* After a failed call: was it the connection? */
static void
check_connection (CrmStoreConn *conn)
{
  if (conn->pg != NULL && PQstatus (conn->pg) == CONNECTION_BAD)
    pg_mark_broken (conn, conn->errmsg != NULL ? conn->errmsg : "");
}

static gboolean
refuse_if_broken (CrmStoreConn *conn)
{
  if (!conn->broken)
    return FALSE;

  /* Nobody watches (a command-line run, a worker): try again here, at
   * the pace a watch would, waiting at most connect_timeout. */
  if (conn->watch == NULL && conn->job == NULL && g_get_monotonic_time () >= conn->retry_at)
    {
      PGconn *pg = PQconnectdb (conn->conninfo);

      if (PQstatus (pg) == CONNECTION_OK)
        {
          adopt_session (conn, pg);
          if (!conn->broken)
            return FALSE;
        }
      else
        {
          set_problem (conn, connect_problem (pg, conn->display));
          PQfinish (pg);
          conn->retry_seconds = MIN (conn->retry_seconds * 2, RETRY_MAX_SECONDS);
          conn->retry_at = g_get_monotonic_time () + G_USEC_PER_SEC * conn->retry_seconds;
        }
    }

  set_errmsg (conn, conn->problem);
  return TRUE;
}

/* Runs @sql (program text only, several statements allowed); the last
 * result decides. */
static gboolean
pg_exec_internal (CrmStoreConn *conn,
                  const char   *sql)
{
  PGresult *result;
  ExecStatusType status;
  gboolean ok;

  if (refuse_if_broken (conn))
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
    set_errmsg_from (conn, result);
  PQclear (result);

  if (!ok)
    check_connection (conn);
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
  PGconn *pg;

  if (conninfo == NULL)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_IO,
                   _("“%s” is not a database address Clientele can read. "
                     "Write it as postgresql://user@host/database."),
                   display);
      return NULL;
    }

  pg = PQconnectdb (conninfo);
  if (PQstatus (pg) != CONNECTION_OK)
    {
      g_autofree char *problem = connect_problem (pg, display);

      g_set_error_literal (error, CRM_STORE_ERROR, CRM_STORE_ERROR_IO, problem);
      PQfinish (pg);
      return NULL;
    }

  conn = g_new0 (CrmStoreConn, 1);
  conn->pg = pg;
  conn->conninfo = g_steal_pointer (&conninfo);
  conn->display = g_steal_pointer (&display);
  conn->lost_commit_outcome = -1;

  if (!start_session (conn))
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_IO,
                   _("Could not open the shared database “%s”: %s"),
                   conn->display, conn->errmsg);
      crm_store_pg_engine.close (conn);
      return NULL;
    }

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
static gboolean
query_int (CrmStoreConn *conn,
           const char   *sql,
           gint64       *out)
{
  PGresult *result;
  gboolean ok;

  if (refuse_if_broken (conn))
    return FALSE;

  result = PQexec (conn->pg, sql);
  ok = PQresultStatus (result) == PGRES_TUPLES_OK;
  if (!ok)
    set_errmsg_from (conn, result);
  else if (PQntuples (result) == 0 || PQgetisnull (result, 0, 0))
    *out = 0;
  else if (PQftype (result, 0) == BOOLOID)
    *out = PQgetvalue (result, 0, 0)[0] == 't';
  else
    *out = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);

  if (!ok)
    check_connection (conn);
  return ok;
}

/* Only reads: a database we refuse must stay as it was. */
static gboolean
pg_probe (CrmStoreConn  *conn,
          gboolean      *empty,
          GError       **error)
{
  gint64 n_tables = 0;

  if (!query_int (conn,
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

static gboolean
has_table (CrmStoreConn *conn,
           const char   *name)
{
  g_autofree char *sql = g_strdup_printf ("SELECT to_regclass ('%s') IS NOT NULL", name);
  gint64 exists = 0;

  return query_int (conn, sql, &exists) && exists;
}

static gboolean
pg_configure (CrmStoreConn  *conn,
              GError       **error)
{
  /* Old commit ids are only kept to answer "did it save?" after a drop. */
  if (has_table (conn, "clientele_commits"))
    {
      g_autofree char *sql =
        g_strdup_printf ("DELETE FROM clientele_commits WHERE at < %" G_GINT64_FORMAT,
                         g_get_real_time () / G_USEC_PER_SEC - COMMIT_LOG_DAYS * 86400);

      if (!pg_exec_internal (conn, sql))
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

static gboolean
pg_exec (CrmStoreConn *conn,
         const char   *sql)
{
  int n_params = 0;
  g_autofree char *rewritten = crm_store_pg_rewrite_sql (sql, &n_params);

  if (rewritten == NULL || n_params > 0)
    {
      set_errmsg (conn, "exec: SQL with parameters needs a prepared statement");
      return FALSE;
    }

  return pg_exec_internal (conn, rewritten);
}

static CrmStmt *
pg_prepare (CrmStoreConn *conn,
            const char   *sql,
            gboolean      persistent)
{
  PgStmt *stmt;
  int n_params = 0;
  char *rewritten = crm_store_pg_rewrite_sql (sql, &n_params);

  if (rewritten == NULL)
    {
      set_errmsg (conn, "prepare: parameters are written ?1, ?2 …");
      return NULL;
    }

  stmt = g_new0 (PgStmt, 1);
  stmt->parent.engine = &crm_store_pg_engine;
  stmt->conn = conn;
  stmt->sql = rewritten;
  stmt->n_params = n_params;
  stmt->values = g_new0 (char *, n_params + 1);
  stmt->kinds = g_malloc (n_params + 1);
  memset (stmt->kinds, 'n', n_params);
  stmt->kinds[n_params] = '\0';
  stmt->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  stmt->row = -1;
  return &stmt->parent;
}

/* lastval(): the identity the session's last INSERT drew. */
static gint64
pg_last_insert_id (CrmStoreConn *conn)
{
  gint64 id = 0;

  query_int (conn, "SELECT lastval()", &id);
  return id;
}

static gint64
pg_changes (CrmStoreConn *conn)
{
  return conn->changes;
}

/* Reads what has arrived on the socket without waiting. */
static void
collect_notifications (CrmStoreConn *conn)
{
  PGnotify *notify;

  if (conn->broken || conn->pg == NULL)
    return;

  if (!PQconsumeInput (conn->pg))
    {
      set_errmsg (conn, PQerrorMessage (conn->pg));
      pg_mark_broken (conn, conn->errmsg);
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

static gint64
pg_generation (CrmStoreConn *conn)
{
  collect_notifications (conn);
  return ((gint64) conn->epoch << 48) ^ conn->generation;
}

/* Names as they are stored: a sort key per language (crm_text_name_key()),
 * compared byte by byte. */
static char *
pg_name_order (const char *column,
               const char *language)
{
  const char *lang = g_strcmp0 (language, "ka") == 0 ? "ka"
                     : g_strcmp0 (language, "hy") == 0 ? "hy" : "en";

  if (g_str_has_suffix (column, "name_key"))
    return g_strdup_printf ("%s_%s COLLATE \"C\"", column, lang);

  return g_strdup_printf ("%s_key_%s COLLATE \"C\"", column, lang);
}

/* ----- statements ---------------------------------------------------- */

static void
bind_value (CrmStmt *stmt,
            int      index,
            char     kind,
            char    *value)
{
  PgStmt *self = PG_STMT (stmt);

  if (index < 1 || index > self->n_params)
    {
      g_free (value);
      return;
    }

  g_free (self->values[index - 1]);
  self->values[index - 1] = value;
  self->kinds[index - 1] = kind;
}

static void
pg_bind_int64 (CrmStmt *stmt,
               int      index,
               gint64   value)
{
  bind_value (stmt, index, 'i', g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

static void
pg_bind_double (CrmStmt *stmt,
                int      index,
                double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  bind_value (stmt, index, 'd', g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value)));
}

static void
pg_bind_null (CrmStmt *stmt,
              int      index)
{
  bind_value (stmt, index, 'n', NULL);
}

static void
pg_bind_text (CrmStmt    *stmt,
              int         index,
              const char *text)
{
  bind_value (stmt, index, 't', g_strdup (text));
}

static int
pg_parameter_count (CrmStmt *stmt)
{
  return PG_STMT (stmt)->n_params;
}

/* The first guess at the parameters' types, from the kinds of the values
 * bound: numbers as numbers, the rest (0) inferred by the server from
 * the SQL. */
static Oid
kind_type (char kind)
{
  return kind == 'i' ? INT8OID : kind == 'd' ? FLOAT8OID : 0;
}

/* A failed statement inside a transaction aborts all of it: the attempt
 * runs inside a savepoint there. Returns the server's SQLSTATE of the
 * failure ("" for success) and sets @message. */
static char *
try_prepare (PgStmt      *self,
             const char  *name,
             const Oid   *types,
             char       **message)
{
  CrmStoreConn *conn = self->conn;
  gboolean in_transaction = PQtransactionStatus (conn->pg) == PQTRANS_INTRANS;
  PGresult *result;
  char *state;

  if (in_transaction)
    exec_quiet (conn->pg, "SAVEPOINT crm_prepare");

  result = PQprepare (conn->pg, name, self->sql, self->n_params, types);
  if (PQresultStatus (result) == PGRES_COMMAND_OK)
    state = g_strdup ("");
  else
    {
      const char *text = PQresultErrorMessage (result);
      const char *code = PQresultErrorField (result, PG_DIAG_SQLSTATE);

      g_free (*message);
      *message = g_strdup (text != NULL && text[0] != '\0' ? text : PQerrorMessage (conn->pg));
      state = g_strdup (code != NULL ? code : "?");
    }
  PQclear (result);

  if (in_transaction)
    exec_quiet (conn->pg, state[0] == '\0'
                          ? "RELEASE SAVEPOINT crm_prepare"
                          : "ROLLBACK TO SAVEPOINT crm_prepare; RELEASE SAVEPOINT crm_prepare");

  return state;
}

/* "could not determine data type of parameter $7": 7. */
static int
indeterminate_parameter (const char *message)
{
  const char *dollar = message != NULL ? strchr (message, '$') : NULL;

  return dollar != NULL ? atoi (dollar + 1) : 0;
}

/* The server's name for this statement with the kinds now bound,
 * preparing it the first time. Where the server cannot tell a
 * parameter's type ("?1 IS NULL", a number never used), that one is
 * sent as text; where a number meets text, the numbers' types are left
 * to the server too. */
static const char *
server_name (PgStmt *self)
{
  CrmStoreConn *conn = self->conn;
  g_autofree char *first_error = NULL;
  g_autofree Oid *types = g_new0 (Oid, self->n_params + 1);
  gboolean numbers_typed = TRUE;
  gboolean syntax = FALSE;
  const char *name;

  if (self->epoch != conn->epoch)
    {
      /* A new session has none of the old statements. */
      g_hash_table_remove_all (self->names);
      self->epoch = conn->epoch;
    }

  name = g_hash_table_lookup (self->names, self->kinds);
  if (name != NULL)
    return name;

  for (int i = 0; i < self->n_params; i++)
    types[i] = kind_type (self->kinds[i]);

  for (int attempt = 0; attempt < self->n_params + 3; attempt++)
    {
      g_autofree char *fresh = g_strdup_printf ("crm_%u", conn->next_name++);
      g_autofree char *message = NULL;
      g_autofree char *state = try_prepare (self, fresh, types, &message);
      int n;

      if (state[0] == '\0')
        {
          name = fresh;
          g_hash_table_insert (self->names, g_strdup (self->kinds), g_steal_pointer (&fresh));
          return name;
        }

      if (first_error == NULL)
        {
          first_error = g_strdup (message);
          syntax = g_str_has_prefix (state, "42");
        }

      n = indeterminate_parameter (message);
      if ((g_str_equal (state, "42P18") || g_str_equal (state, "42P08")) &&
          n >= 1 && n <= self->n_params && types[n - 1] == 0)
        types[n - 1] = TEXTOID;
      else if ((g_str_equal (state, "42883") || g_str_equal (state, "42804")) && numbers_typed)
        {
          numbers_typed = FALSE;
          for (int i = 0; i < self->n_params; i++)
            if (types[i] == INT8OID || types[i] == FLOAT8OID)
              types[i] = 0;
        }
      else
        break;
    }

  /* Class 42 is the SQL itself: store SQL that does not run here
   * (docs/engines.md's checklist), never the data's fault. */
  if (syntax)
    g_warning ("SQL PostgreSQL cannot run: %s\n%s", self->sql, first_error);
  set_errmsg (conn, first_error);
  check_connection (conn);
  return NULL;
}

static gboolean
is_write_command (const char *status)
{
  return g_str_has_prefix (status, "INSERT") || g_str_has_prefix (status, "UPDATE") ||
         g_str_has_prefix (status, "DELETE") || g_str_has_prefix (status, "MERGE");
}

static CrmStmtResult
pg_step (CrmStmt *stmt)
{
  PgStmt *self = PG_STMT (stmt);
  CrmStoreConn *conn = self->conn;
  ExecStatusType status;
  const char *name;

  if (self->row >= 0)
    {
      /* The rows are all here: the next one, or the end. */
      if (self->result != NULL && self->row + 1 < PQntuples (self->result))
        {
          self->row++;
          return CRM_STMT_ROW;
        }
      g_clear_pointer (&self->result, PQclear);
      return CRM_STMT_DONE;
    }

  if (refuse_if_broken (conn))
    return CRM_STMT_ERROR;

  name = server_name (self);
  if (name == NULL)
    return CRM_STMT_ERROR;

  self->result = PQexecPrepared (conn->pg, name, self->n_params,
                                 (const char * const *) self->values, NULL, NULL, 0);
  status = PQresultStatus (self->result);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
    {
      set_errmsg_from (conn, self->result);
      g_debug ("%s: %s", self->sql, conn->errmsg);
      g_clear_pointer (&self->result, PQclear);
      check_connection (conn);
      return CRM_STMT_ERROR;
    }

  if (is_write_command (PQcmdStatus (self->result)))
    {
      conn->changes = g_ascii_strtoll (PQcmdTuples (self->result), NULL, 10);
      conn->generation += MAX (conn->changes, 1);
    }

  self->row = 0;
  if (status == PGRES_TUPLES_OK && PQntuples (self->result) > 0)
    return CRM_STMT_ROW;

  g_clear_pointer (&self->result, PQclear);
  return CRM_STMT_DONE;
}

static void
pg_reset (CrmStmt *stmt)
{
  PgStmt *self = PG_STMT (stmt);

  g_clear_pointer (&self->result, PQclear);
  self->row = -1;
}

static void
pg_clear_bindings (CrmStmt *stmt)
{
  PgStmt *self = PG_STMT (stmt);

  for (int i = 0; i < self->n_params; i++)
    g_clear_pointer (&self->values[i], g_free);
  memset (self->kinds, 'n', self->n_params);
}

static gboolean
pg_column_is_null (CrmStmt *stmt,
                   int      column)
{
  PgStmt *self = PG_STMT (stmt);

  return self->result == NULL || column >= PQnfields (self->result) ||
         PQgetisnull (self->result, self->row, column);
}

/* Every value arrives as text: integers, numeric sums ("12.000"),
 * booleans ("t"), read as SQLite would read them. */
static const char *
column_value (PgStmt *self,
              int     column)
{
  if (pg_column_is_null (&self->parent, column))
    return NULL;

  if (PQftype (self->result, column) == BOOLOID)
    return PQgetvalue (self->result, self->row, column)[0] == 't' ? "1" : "0";

  return PQgetvalue (self->result, self->row, column);
}

static double
pg_column_double (CrmStmt *stmt,
                  int      column)
{
  const char *value = column_value (PG_STMT (stmt), column);

  return value != NULL ? g_ascii_strtod (value, NULL) : 0.0;
}

static gint64
pg_column_int64 (CrmStmt *stmt,
                 int      column)
{
  const char *value = column_value (PG_STMT (stmt), column);

  if (value == NULL)
    return 0;

  if (strpbrk (value, ".eE") != NULL)
    return (gint64) g_ascii_strtod (value, NULL);

  return g_ascii_strtoll (value, NULL, 10);
}

static const char *
pg_column_text (CrmStmt *stmt,
                int      column)
{
  return column_value (PG_STMT (stmt), column);
}

static int
pg_column_count (CrmStmt *stmt)
{
  PgStmt *self = PG_STMT (stmt);

  return self->result != NULL ? PQnfields (self->result) : 0;
}

static const char *
pg_column_name (CrmStmt *stmt,
                int      column)
{
  PgStmt *self = PG_STMT (stmt);

  return self->result != NULL ? PQfname (self->result, column) : NULL;
}

static void
pg_finalize (CrmStmt *stmt)
{
  PgStmt *self = PG_STMT (stmt);

  /* Server-side statements go with the session. */
  pg_reset (stmt);
  pg_clear_bindings (stmt);
  g_free (self->values);
  g_free (self->kinds);
  g_free (self->sql);
  g_hash_table_unref (self->names);
  g_free (self);
}

/* ----- transactions -------------------------------------------------- */

/* A reader sees one snapshot, as in an SQLite read transaction; a writer
 * waits for the shop's write lock (lock_timeout, 5 s) and then sees
 * every commit made before it. */
static gboolean
pg_begin (CrmStoreConn *conn,
          CrmStoreLock  lock)
{
  gboolean ok;

  if (lock == CRM_STORE_LOCK_READ)
    return pg_exec_internal (conn, "BEGIN ISOLATION LEVEL REPEATABLE READ");

  ok = pg_exec_internal (conn, "BEGIN ISOLATION LEVEL READ COMMITTED;"
                               "SELECT pg_advisory_xact_lock (" WRITE_LOCK_KEY ")");
  if (!ok && !conn->broken)
    exec_quiet (conn->pg, "ROLLBACK");

  conn->in_write = ok;
  return ok;
}

/* Looks up a commit whose answer the network lost. */
static void
check_lost_commit (CrmStoreConn *conn)
{
  g_autofree char *sql = NULL;
  gint64 found = 0;

  if (conn->lost_commit == NULL)
    return;

  sql = g_strdup_printf ("SELECT count(*) FROM clientele_commits WHERE token = '%s'",
                         conn->lost_commit);
  if (query_int (conn, sql, &found))
    {
      conn->lost_commit_outcome = found > 0;
      g_message ("A change whose commit was cut off %s", found > 0 ? "was saved" : "was not saved");
      g_clear_pointer (&conn->lost_commit, g_free);
    }
}

/* A write transaction's commit goes in one round trip with the change
 * announcement and a random id of the commit: if the answer is lost,
 * that id says after reconnecting whether it was saved. */
static gboolean
pg_commit (CrmStoreConn *conn)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *token = NULL;
  PGresult *result;
  gboolean ok;

  if (refuse_if_broken (conn))
    return FALSE;

  if (conn->in_write && !conn->commit_log)
    conn->commit_log = has_table (conn, "clientele_commits");

  if (conn->in_write && conn->commit_log)
    {
      token = g_uuid_string_random ();
      g_string_append_printf (sql, "INSERT INTO clientele_commits (token, at) "
                                   "VALUES ('%s', %" G_GINT64_FORMAT ");",
                              token, g_get_real_time () / G_USEC_PER_SEC);
    }
  if (conn->notify_payload != NULL)
    g_string_append_printf (sql, "SELECT pg_notify ('" CHANGE_CHANNEL "', '%s');",
                            conn->notify_payload);
  g_string_append (sql, "COMMIT");

  conn->in_write = FALSE;
  g_clear_pointer (&conn->notify_payload, g_free);

  result = PQexec (conn->pg, sql->str);
  ok = PQresultStatus (result) == PGRES_COMMAND_OK &&
       g_str_equal (PQcmdStatus (result), "COMMIT");
  if (!ok)
    set_errmsg_from (conn, result);
  PQclear (result);

  if (!ok && PQstatus (conn->pg) == CONNECTION_BAD && token != NULL)
    {
      g_free (conn->lost_commit);
      conn->lost_commit = g_steal_pointer (&token);
      conn->lost_commit_outcome = -1;
    }

  if (!ok)
    check_connection (conn);
  else
    conn->generation++;
  return ok;
}

static void
pg_rollback (CrmStoreConn *conn)
{
  conn->in_write = FALSE;
  g_clear_pointer (&conn->notify_payload, g_free);
  if (!conn->broken)
    exec_quiet (conn->pg, "ROLLBACK");
}

static gboolean
savepoint_exec (CrmStoreConn *conn,
                const char   *verb,
                guint         level)
{
  g_autofree char *sql = g_strdup_printf ("%s SAVEPOINT crm_%u", verb, level);

  return pg_exec_internal (conn, sql);
}

static gboolean
pg_savepoint (CrmStoreConn *conn,
              guint         level)
{
  g_autofree char *sql = g_strdup_printf ("SAVEPOINT crm_%u", level);

  return pg_exec_internal (conn, sql);
}

static gboolean
pg_release (CrmStoreConn *conn,
            guint         level)
{
  return savepoint_exec (conn, "RELEASE", level);
}

static void
pg_rollback_to (CrmStoreConn *conn,
                guint         level)
{
  savepoint_exec (conn, "ROLLBACK TO", level);
  savepoint_exec (conn, "RELEASE", level);
}

/* ----- what marks the database as ours ------------------------------- */

static gboolean
pg_get_schema_version (CrmStoreConn *conn,
                       gint64       *version)
{
  *version = 0;
  if (!has_table (conn, "schema_version"))
    return !conn->broken;

  return query_int (conn, "SELECT coalesce (max (version), 0) FROM schema_version", version);
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

  return pg_exec_internal (conn, sql);
}

static gboolean
pg_get_application_id (CrmStoreConn *conn,
                       gint64       *id)
{
  *id = 0;
  if (!has_table (conn, "clientele_meta"))
    return !conn->broken;

  return query_int (conn,
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

  return pg_exec_internal (conn, sql);
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

/* The payload goes with the commit (pg_commit()), or at once outside a
 * transaction. Several changes in one transaction were merged by the
 * store already. */
static void
pg_announce (CrmStoreConn *conn,
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
      g_autofree char *sql = g_strdup_printf ("SELECT pg_notify ('" CHANGE_CHANNEL "', '%s')",
                                              payload);

      exec_quiet (conn->pg, sql);
    }
}

static void job_unref (ConnectJob *job);

static void
connect_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ConnectJob *job = task_data;

  g_task_return_pointer (task, PQconnectdb (job->conninfo), NULL);
}

static void
connect_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ConnectJob *job = user_data;
  CrmStoreConn *conn = job->conn;
  PGconn *pg = g_task_propagate_pointer (G_TASK (result), NULL);

  if (conn == NULL)
    {
      PQfinish (pg);
      job_unref (job);
      return;
    }
  conn->job = NULL;
  job_unref (job);

  if (PQstatus (pg) != CONNECTION_OK)
    {
      set_problem (conn, connect_problem (pg, conn->display));
      PQfinish (pg);
      conn->retry_seconds = MIN (conn->retry_seconds * 2, RETRY_MAX_SECONDS);
      conn->retry_at = g_get_monotonic_time () + G_USEC_PER_SEC * conn->retry_seconds;
      g_debug ("Reconnect failed; next try in %u s", conn->retry_seconds);
      if (conn->watch != NULL)
        g_source_set_ready_time (conn->watch, 0);
      return;
    }

  adopt_session (conn, pg);
}

/* A new session replaces the lost one. */
static void
adopt_session (CrmStoreConn *conn,
               PGconn       *pg)
{
  if (conn->pg != NULL)
    PQfinish (conn->pg);
  conn->pg = pg;
  conn->broken = FALSE;
  if (!start_session (conn))
    {
      pg_mark_broken (conn, conn->errmsg);
      return;
    }

  g_message ("Connected again to the shared database %s", conn->display);
  set_problem (conn, NULL);
  check_lost_commit (conn);
  /* Whatever the others did meanwhile was not heard: reload everything. */
  conn->has_outside = TRUE;
  conn->outside_changes = CRM_STORE_CHANGE_ALL;
  conn->outside_customer = 0;
  conn->reconnected = TRUE;
  conn->generation++;
  if (conn->watch != NULL)
    g_source_set_ready_time (conn->watch, 0);
}

static void
job_unref (ConnectJob *job)
{
  if (g_atomic_ref_count_dec (&job->ref))
    {
      g_free (job->conninfo);
      g_free (job);
    }
}

/* While broken: one connection attempt at a time, off the main thread. */
static void
maybe_reconnect (CrmStoreConn *conn)
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
  job->conn = conn;
  conn->job = job;

  g_atomic_ref_count_inc (&job->ref);
  task = g_task_new (NULL, NULL, connect_done_cb, job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_unref);
  g_task_set_name (task, "[clientele] reconnect");
  g_task_run_in_thread (task, connect_thread);
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
    collect_notifications (watch->conn);
  if (callback != NULL)
    callback (user_data);

  if (watch->conn != NULL)
    {
      maybe_reconnect (watch->conn);
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

static GSource *
pg_watch (CrmStoreConn *conn)
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

static gboolean
pg_poll (CrmStoreConn         *conn,
         CrmStoreEngineNotify  notify,
         gpointer              user_data)
{
  guint change;
  gint64 customer_id;

  collect_notifications (conn);
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

  .exec = pg_exec,
  .prepare = pg_prepare,
  .last_insert_id = pg_last_insert_id,
  .changes = pg_changes,
  .generation = pg_generation,
  .name_order = pg_name_order,

  .bind_int64 = pg_bind_int64,
  .bind_double = pg_bind_double,
  .bind_null = pg_bind_null,
  .bind_text = pg_bind_text,
  .parameter_count = pg_parameter_count,
  .step = pg_step,
  .reset = pg_reset,
  .clear_bindings = pg_clear_bindings,
  .column_is_null = pg_column_is_null,
  .column_int64 = pg_column_int64,
  .column_double = pg_column_double,
  .column_text = pg_column_text,
  .finalize = pg_finalize,

  .begin = pg_begin,
  .commit = pg_commit,
  .rollback = pg_rollback,
  .savepoint = pg_savepoint,
  .release = pg_release,
  .rollback_to = pg_rollback_to,

  .get_schema_version = pg_get_schema_version,
  .set_schema_version = pg_set_schema_version,
  .get_application_id = pg_get_application_id,
  .set_application_id = pg_set_application_id,

  .announce = pg_announce,
  .watch = pg_watch,
  .poll = pg_poll,

  .shared = TRUE,
  .dup_problem = pg_dup_problem,
  .take_lost_commit = pg_take_lost_commit,

  .column_count = pg_column_count,
  .column_name = pg_column_name,
};
