/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "crm-store-private.h"
#include "shop-fixture.h"

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
  shop->store = crm_store_open (shop->dir, &error);
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

static sqlite3_stmt *
query (CrmStore   *store,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (crm_store_get_db (store), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return stmt;
}

gint64
query_int (CrmStore   *store,
           const char *sql)
{
  sqlite3_stmt *stmt = query (store, sql);
  gint64 value = sqlite3_column_int64 (stmt, 0);

  sqlite3_finalize (stmt);
  return value;
}

char *
query_text (CrmStore   *store,
            const char *sql)
{
  sqlite3_stmt *stmt = query (store, sql);
  char *value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  sqlite3_finalize (stmt);
  return value;
}
