/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "crm-store.h"

G_BEGIN_DECLS

/* One numbered step of the schema: it runs in its own transaction and
 * leaves PRAGMA user_version at @version. */
typedef struct
{
  guint       version;
  const char *sql;
} CrmMigration;

sqlite3  *crm_store_get_db          (CrmStore           *self);
gboolean  crm_store_run_migrations  (sqlite3            *db,
                                     const CrmMigration *steps,
                                     gsize               n_steps,
                                     GError            **error);
gboolean  crm_store_exec            (sqlite3            *db,
                                     const char         *sql,
                                     GError            **error);

G_END_DECLS
