/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

struct _CrmStoreConn;

/* The PostgreSQL engine's pure helpers (crm-store-pg.c), for the store
 * and its tests. */
char     *crm_store_pg_rewrite_sql    (const char *sql,
                                       int        *n_params);
char     *crm_store_pg_describe       (const char *location);
char     *crm_store_pg_set_password   (const char *location,
                                       const char *password);
gboolean  crm_store_pg_used_password  (struct _CrmStoreConn *conn);
char     *crm_store_pg_format_payload (guint       change,
                                       gint64      customer_id);
gboolean  crm_store_pg_parse_payload  (const char *payload,
                                       guint      *change,
                                       gint64     *customer_id);

G_END_DECLS
