/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The PostgreSQL engine's statements (crm-store-pg-conn.h). They are
 * prepared on the server under generated names, once per connection and
 * per kind of values bound (an integer, a text, a NULL): the store's SQL
 * names no types, so the server infers them, and a statement whose
 * parameters it cannot infer from the values' kinds is prepared again
 * with plain text. Store SQL numbers parameters ?1, ?2 …; they become
 * $1, $2 … here, outside string literals and comments. No other text is
 * ever put into SQL. Results come as text and are read as SQLite would
 * give them. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <string.h>

#include "crm-store-pg-conn.h"
#include "crm-store-pg-private.h"
#include "crm-store-private.h"

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

gboolean
crm_pg_exec (CrmStoreConn *conn,
             const char   *sql)
{
  int n_params = 0;
  g_autofree char *rewritten = crm_store_pg_rewrite_sql (sql, &n_params);

  if (rewritten == NULL || n_params > 0)
    {
      crm_pg_set_errmsg (conn, "exec: SQL with parameters needs a prepared statement");
      return FALSE;
    }

  return crm_pg_exec_internal (conn, rewritten);
}

CrmStmt *
crm_pg_prepare (CrmStoreConn *conn,
                const char   *sql,
                gboolean      persistent)
{
  PgStmt *stmt;
  int n_params = 0;
  char *rewritten = crm_store_pg_rewrite_sql (sql, &n_params);

  if (rewritten == NULL)
    {
      crm_pg_set_errmsg (conn, "prepare: parameters are written ?1, ?2 …");
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
gint64
crm_pg_last_insert_id (CrmStoreConn *conn)
{
  gint64 id = 0;

  crm_pg_query_int (conn, "SELECT lastval()", &id);
  return id;
}

gint64
crm_pg_changes (CrmStoreConn *conn)
{
  return conn->changes;
}

/* Names as they are stored: a sort key per language (crm_text_name_key()),
 * compared byte by byte. */
char *
crm_pg_name_order (const char *column,
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

void
crm_pg_bind_int64 (CrmStmt *stmt,
                   int      index,
                   gint64   value)
{
  bind_value (stmt, index, 'i', g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

void
crm_pg_bind_double (CrmStmt *stmt,
                    int      index,
                    double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  bind_value (stmt, index, 'd', g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value)));
}

void
crm_pg_bind_null (CrmStmt *stmt,
                  int      index)
{
  bind_value (stmt, index, 'n', NULL);
}

void
crm_pg_bind_text (CrmStmt    *stmt,
                  int         index,
                  const char *text)
{
  bind_value (stmt, index, 't', g_strdup (text));
}

int
crm_pg_parameter_count (CrmStmt *stmt)
{
  return PG_STMT (stmt)->n_params;
}

/* The first guess at the parameters' types, from the kinds of the values
 * bound: numbers as numbers, the rest (0) inferred by the server from
 * the SQL. */
static Oid
kind_type (char kind)
{
  return kind == 'i' ? CRM_PG_INT8OID : kind == 'd' ? CRM_PG_FLOAT8OID : 0;
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
    crm_pg_exec_quiet (conn->pg, "SAVEPOINT crm_prepare");

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
    crm_pg_exec_quiet (conn->pg, state[0] == '\0'
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
        types[n - 1] = CRM_PG_TEXTOID;
      else if ((g_str_equal (state, "42883") || g_str_equal (state, "42804")) && numbers_typed)
        {
          numbers_typed = FALSE;
          for (int i = 0; i < self->n_params; i++)
            if (types[i] == CRM_PG_INT8OID || types[i] == CRM_PG_FLOAT8OID)
              types[i] = 0;
        }
      else
        break;
    }

  /* Class 42 is the SQL itself: store SQL that does not run here
   * (docs/engines.md's checklist), never the data's fault. */
  if (syntax)
    g_warning ("SQL PostgreSQL cannot run: %s\n%s", self->sql, first_error);
  crm_pg_set_errmsg (conn, first_error);
  crm_pg_check_connection (conn);
  return NULL;
}

static gboolean
is_write_command (const char *status)
{
  return g_str_has_prefix (status, "INSERT") || g_str_has_prefix (status, "UPDATE") ||
         g_str_has_prefix (status, "DELETE") || g_str_has_prefix (status, "MERGE");
}

CrmStmtResult
crm_pg_step (CrmStmt *stmt)
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

  if (crm_pg_refuse_if_broken (conn))
    return CRM_STMT_ERROR;

  name = server_name (self);
  if (name == NULL)
    return CRM_STMT_ERROR;

  self->result = PQexecPrepared (conn->pg, name, self->n_params,
                                 (const char * const *) self->values, NULL, NULL, 0);
  status = PQresultStatus (self->result);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
    {
      crm_pg_set_errmsg_from (conn, self->result);
      g_debug ("%s: %s", self->sql, conn->errmsg);
      g_clear_pointer (&self->result, PQclear);
      crm_pg_check_connection (conn);
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

void
crm_pg_reset (CrmStmt *stmt)
{
  PgStmt *self = PG_STMT (stmt);

  g_clear_pointer (&self->result, PQclear);
  self->row = -1;
}

void
crm_pg_clear_bindings (CrmStmt *stmt)
{
  PgStmt *self = PG_STMT (stmt);

  for (int i = 0; i < self->n_params; i++)
    g_clear_pointer (&self->values[i], g_free);
  memset (self->kinds, 'n', self->n_params);
}

gboolean
crm_pg_column_is_null (CrmStmt *stmt,
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
  if (crm_pg_column_is_null (&self->parent, column))
    return NULL;

  if (PQftype (self->result, column) == CRM_PG_BOOLOID)
    return PQgetvalue (self->result, self->row, column)[0] == 't' ? "1" : "0";

  return PQgetvalue (self->result, self->row, column);
}

double
crm_pg_column_double (CrmStmt *stmt,
                      int      column)
{
  const char *value = column_value (PG_STMT (stmt), column);

  return value != NULL ? g_ascii_strtod (value, NULL) : 0.0;
}

gint64
crm_pg_column_int64 (CrmStmt *stmt,
                     int      column)
{
  const char *value = column_value (PG_STMT (stmt), column);

  if (value == NULL)
    return 0;

  if (strpbrk (value, ".eE") != NULL)
    return (gint64) g_ascii_strtod (value, NULL);

  return g_ascii_strtoll (value, NULL, 10);
}

const char *
crm_pg_column_text (CrmStmt *stmt,
                    int      column)
{
  return column_value (PG_STMT (stmt), column);
}

int
crm_pg_column_count (CrmStmt *stmt)
{
  PgStmt *self = PG_STMT (stmt);

  return self->result != NULL ? PQnfields (self->result) : 0;
}

const char *
crm_pg_column_name (CrmStmt *stmt,
                    int      column)
{
  PgStmt *self = PG_STMT (stmt);

  return self->result != NULL ? PQfname (self->result, column) : NULL;
}

void
crm_pg_finalize (CrmStmt *stmt)
{
  PgStmt *self = PG_STMT (stmt);

  /* Server-side statements go with the session. */
  crm_pg_reset (stmt);
  crm_pg_clear_bindings (stmt);
  g_free (self->values);
  g_free (self->kinds);
  g_free (self->sql);
  g_hash_table_unref (self->names);
  g_free (self);
}
