/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Helpers the import tests share; header-only so that every test program
 * stays one file in tests/meson.build's loop. */

#include <string.h>

#include "crm-store-private.h"

G_BEGIN_DECLS

/* A test file from tests/data. */
static inline GBytes *
test_data_bytes (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static inline GBytes *
bytes_from_string (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static inline int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Every row of every table (settings included), each value tagged with its
 * type, rows sorted: equal checksums mean the database did not change. */
static inline char *
db_checksum (CrmStore *store)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  /* No SQLite handle: a PostgreSQL shop, whose commit log is bookkeeping. */
  g_autoptr(CrmStmt) list = crm_store_prepare_once (store, crm_store_get_db (store) != NULL
                                                    ? "SELECT name FROM sqlite_master WHERE type = 'table' "
                                                      "ORDER BY name"
                                                    : "SELECT tablename FROM pg_tables WHERE schemaname = "
                                                      "current_schema () AND tablename <> 'clientele_commits' "
                                                      "ORDER BY tablename",
                                                    NULL);

  g_assert_nonnull (list);
  while (crm_stmt_step (list) == CRM_STMT_ROW)
    g_ptr_array_add (tables, g_strdup (crm_stmt_column_text (list, 0)));

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) g_ptr_array_index (tables, t));
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(CrmStmt) stmt = crm_store_prepare_once (store, sql, NULL);

      g_assert_nonnull (stmt);
      while (crm_stmt_step (stmt) == CRM_STMT_ROW)
        {
          GString *row = g_string_new (NULL);

          for (int c = 0; c < crm_stmt_column_count (stmt); c++)
            g_string_append_printf (row, "%s:%s|", crm_stmt_column_is_null (stmt, c) ? "N" : "V",
                                    crm_stmt_column_is_null (stmt, c) ? "" : crm_stmt_column_text (stmt, c));
          g_ptr_array_add (rows, g_string_free (row, FALSE));
        }

      g_ptr_array_sort (rows, compare_strings);
      g_checksum_update (checksum, g_ptr_array_index (tables, t), -1);
      for (guint r = 0; r < rows->len; r++)
        g_checksum_update (checksum, g_ptr_array_index (rows, r), -1);
    }

  return g_strdup (g_checksum_get_string (checksum));
}

G_END_DECLS
