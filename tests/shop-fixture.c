/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#ifdef HAVE_LIBPQ
#include <libpq-fe.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "crm-store-private.h"
#include "shop-fixture.h"

/* dir → the connection string of its database (PostgreSQL half). */
static GHashTable *databases;

gboolean
shop_fixture_on_pg (void)
{
  return g_strcmp0 (g_getenv ("CLIENTELE_TEST_ENGINE"), "postgresql") == 0;
}

void
shop_fixture_init_engine (void)
{
  const char *server = g_getenv ("CLIENTELE_TEST_DATABASE");

  if (!shop_fixture_on_pg ())
    return;

#ifdef HAVE_LIBPQ
  if (server != NULL && server[0] != '\0')
    return;
  printf ("1..0 # SKIP the PostgreSQL half needs CLIENTELE_TEST_DATABASE "
          "(build-aux/test.sh starts a private server)\n");
#else
  printf ("1..0 # SKIP this build has no PostgreSQL support\n");
#endif
  exit (0);
}

gboolean
shop_fixture_skip_unless_sqlite (void)
{
  if (!shop_fixture_on_pg ())
    return FALSE;

  g_test_skip ("about the SQLite file");
  return TRUE;
}

#ifdef HAVE_LIBPQ
/* CLIENTELE_TEST_DATABASE with another database. */
static char *
conninfo_for (const char *dbname)
{
  PQconninfoOption *options = PQconninfoParse (g_getenv ("CLIENTELE_TEST_DATABASE"), NULL);
  GString *out = g_string_new (NULL);

  g_assert_nonnull (options);
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    {
      const char *value = g_str_equal (o->keyword, "dbname") ? dbname : o->val;

      if (value != NULL)
        g_string_append_printf (out, "%s='%s' ", o->keyword, value);
    }
  PQconninfoFree (options);

  return g_string_free (out, FALSE);
}

static void
admin_exec (const char *sql)
{
  g_autofree char *admin = conninfo_for ("postgres");
  PGconn *pg = PQconnectdb (admin);
  PGresult *result;

  if (PQstatus (pg) != CONNECTION_OK)
    g_error ("test server: %s", PQerrorMessage (pg));
  result = PQexec (pg, sql);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s: %s", sql, PQresultErrorMessage (result));
  PQclear (result);
  PQfinish (pg);
}
#endif

CrmStore *
shop_store_open (const char  *dir,
                 GError     **error)
{
#ifdef HAVE_LIBPQ
  static guint serial;
  const char *conninfo;

  if (!shop_fixture_on_pg ())
    return crm_store_open (dir, error);

  if (databases == NULL)
    databases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  conninfo = g_hash_table_lookup (databases, dir);
  if (conninfo == NULL)
    {
      g_autofree char *name = g_strdup_printf ("clientele_test_%d_%u", (int) getpid (), serial++);
      g_autofree char *create = g_strdup_printf ("CREATE DATABASE %s", name);

      admin_exec (create);
      conninfo = conninfo_for (name);
      g_hash_table_insert (databases, g_strdup (dir), (char *) conninfo);
    }

  return crm_store_open_shared (conninfo, error);
#else
  return crm_store_open (dir, error);
#endif
}

char *
shop_fixture_dup_conninfo (const char *dir)
{
  return g_strdup (databases != NULL ? g_hash_table_lookup (databases, dir) : NULL);
}

/* Drops the database of @dir, if it has one. */
static void
drop_database (const char *dir)
{
#ifdef HAVE_LIBPQ
  const char *conninfo = databases != NULL ? g_hash_table_lookup (databases, dir) : NULL;
  PQconninfoOption *options;
  g_autofree char *drop = NULL;

  if (conninfo == NULL)
    return;

  options = PQconninfoParse (conninfo, NULL);
  for (PQconninfoOption *o = options; o->keyword != NULL; o++)
    if (g_str_equal (o->keyword, "dbname"))
      drop = g_strdup_printf ("DROP DATABASE %s WITH (FORCE)", o->val);
  PQconninfoFree (options);

  admin_exec (drop);
  g_hash_table_remove (databases, dir);
#endif
}

static gint64
fixture_now (gpointer data)
{
  return ((ShopFixture *) data)->now;
}

void
shop_fixture_open (ShopFixture *shop,
                   gint64       now)
{
  g_autoptr(GError) error = NULL;

  shop->dir = g_dir_make_tmp ("clientele-test-XXXXXX", &error);
  g_assert_no_error (error);
  shop->store = shop_store_open (shop->dir, &error);
  g_assert_no_error (error);
  shop->now = now;
  crm_store_set_now_func (shop->store, fixture_now, shop);
}

void
shop_fixture_close (ShopFixture *shop)
{
  g_clear_object (&shop->store);
  remove_tree (shop->dir);
  g_clear_pointer (&shop->dir, g_free);
}

void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  drop_database (path);

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }
  g_remove (path);
}

/* Through the store's own statements, so that the same SQL reads both
 * engines (?N parameters and all). */
static CrmStmt *
query (CrmStore   *store,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  CrmStmt *stmt = crm_store_prepare_once (store, sql, &error);

  g_assert_no_error (error);
  if (crm_stmt_step (stmt) != CRM_STMT_ROW)
    g_error ("%s: %s", sql, crm_store_errmsg (store));
  return stmt;
}

gint64
shop_add_customer (CrmStore   *store,
                   const char *name)
{
  g_autoptr(GError) error = NULL;
  CrmCustomerFields fields = { .name = name };
  gint64 id = crm_store_add_customer (store, &fields, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

gint64
query_int (CrmStore   *store,
           const char *sql)
{
  g_autoptr(CrmStmt) stmt = query (store, sql);

  return crm_stmt_column_int64 (stmt, 0);
}

char *
query_text (CrmStore   *store,
            const char *sql)
{
  g_autoptr(CrmStmt) stmt = query (store, sql);

  return g_strdup (crm_stmt_column_text (stmt, 0));
}

void
shop_fixture_refuse_inserts (CrmStore   *store,
                             const char *table,
                             const char *condition)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  if (shop_fixture_on_pg ())
    sql = g_strdup_printf ("CREATE FUNCTION refuse_%s () RETURNS trigger LANGUAGE plpgsql AS "
                           "$$ BEGIN IF %s THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$;"
                           "CREATE TRIGGER refuse_%s AFTER INSERT ON %s "
                           "FOR EACH ROW EXECUTE FUNCTION refuse_%s ()",
                           table, condition, table, table, table);
  else
    sql = g_strdup_printf ("CREATE TEMP TRIGGER refuse_%s AFTER INSERT ON %s WHEN %s "
                           "BEGIN SELECT RAISE (ABORT, 'refused'); END",
                           table, table, condition);

  crm_store_exec (store, sql, &error);
  g_assert_no_error (error);
}

void
shop_fixture_allow_inserts (CrmStore   *store,
                            const char *table)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  if (shop_fixture_on_pg ())
    sql = g_strdup_printf ("DROP TRIGGER refuse_%s ON %s; DROP FUNCTION refuse_%s ()", table, table, table);
  else
    sql = g_strdup_printf ("DROP TRIGGER refuse_%s", table);

  crm_store_exec (store, sql, &error);
  g_assert_no_error (error);
}
