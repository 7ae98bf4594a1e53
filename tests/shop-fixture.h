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

void shop_fixture_open  (ShopFixture *shop,
                         gint64       now);
void shop_fixture_close (ShopFixture *shop);
void remove_tree        (const char  *path);

/* One value from one row of @sql, which must succeed. */
gint64 query_int        (CrmStore    *store,
                         const char  *sql);
char  *query_text       (CrmStore    *store,
                         const char  *sql);

G_END_DECLS
