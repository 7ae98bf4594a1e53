/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crm-store.h"

G_BEGIN_DECLS

/* A shop in a fresh temporary folder, with a clock the test sets. */
typedef struct
{
  char     *dir;
  CrmStore *store;
  gint64    now;
} ShopFixture;

/* The store tests run twice (tests/meson.build): on the SQLite file, and
 * with CLIENTELE_TEST_ENGINE=postgresql on a fresh database of the
 * server CLIENTELE_TEST_DATABASE names (a libpq connection string with
 * the rights to create databases). Call first in main(): in the
 * PostgreSQL half without a server it prints why and skips everything. */
void     shop_fixture_init_engine (void);
gboolean shop_fixture_on_pg  (void);
/* The shop of @dir on the engine under test: its file, or a database of
 * its own, created the first time and dropped by remove_tree (@dir). */
CrmStore *shop_store_open  (const char  *dir,
                            GError     **error);
/* The connection string of @dir's database (PostgreSQL half). */
char     *shop_fixture_dup_conninfo (const char *dir);
/* In the PostgreSQL half: skips the current test case, which is about
 * the SQLite file. */
gboolean shop_fixture_skip_unless_sqlite (void);

void shop_fixture_open  (ShopFixture *shop,
                         gint64       now);
void shop_fixture_close (ShopFixture *shop);
void remove_tree        (const char  *path);

/* Makes every INSERT into @table of a row that meets @condition (SQL
 * over NEW) fail, on either engine, until shop_fixture_allow_inserts(). */
void shop_fixture_refuse_inserts (CrmStore   *store,
                                  const char *table,
                                  const char *condition);
void shop_fixture_allow_inserts  (CrmStore   *store,
                                  const char *table);

/* A customer called @name, who must be added. */
gint64 shop_add_customer (CrmStore    *store,
                          const char  *name);

/* One value from one row of @sql, which must succeed. */
gint64 query_int        (CrmStore    *store,
                         const char  *sql);
char  *query_text       (CrmStore    *store,
                         const char  *sql);

G_END_DECLS
