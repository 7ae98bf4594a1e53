/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

#include "damage-util.h"

const char *const damage_names[N_DAMAGES] = {
  "zeroed-page", "truncated", "zeros", "flipped", "text",
};

void
fill_shop (CrmStore *store,
           guint     n)
{
  g_autoptr(GError) error = NULL;
  gint64 now = crm_store_now (store);

  g_assert_true (crm_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("Customer %u", i + 1);
      g_autofree char *phone = g_strdup_printf ("+995 555 %06u", i + 1);
      /* Notes long enough that the table spans many pages. */
      g_autofree char *notes = g_strnfill (120 + i % 80, 'a' + (char) (i % 26));
      CrmCustomerFields fields = { .name = name, .phone = phone, .notes = notes };
      gint64 id = crm_store_add_customer (store, &fields, &error);

      g_assert_no_error (error);
      crm_store_add_purchase (store, id, now - (gint64) i * 3600, 1000 + i, "Bread", &error);
      g_assert_no_error (error);
      if (i % 3 == 0)
        {
          crm_store_add_follow_up (store, id, now + (gint64) i * 60, "Call back", 0, &error);
          g_assert_no_error (error);
        }
    }
  g_assert_true (crm_store_commit (store, &error));
}

char *
shop_db_path (const char *data_dir)
{
  return g_build_filename (data_dir, CRM_STORE_FILE_NAME, NULL);
}

char *
file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("missing");

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static guint
query_page (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  guint page = 0;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    page = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return page;
}

/* A leaf page in the middle of the customers table, found with SQLite's
 * dbstat table; its root page when dbstat is not built in. */
guint
customers_leaf_page (const char *db_path)
{
  sqlite3 *db = NULL;
  guint page;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  page = query_page (db, "SELECT pageno FROM dbstat WHERE name = 'customers' AND pagetype = 'leaf' "
                         "ORDER BY pageno LIMIT 1 OFFSET (SELECT count(*) / 2 FROM dbstat "
                         "WHERE name = 'customers' AND pagetype = 'leaf')");
  if (page == 0)
    page = query_page (db, "SELECT rootpage FROM sqlite_master WHERE name = 'customers'");
  sqlite3_close (db);

  g_assert_cmpuint (page, >, 1);
  return page;
}

static void
write_at (const char   *path,
          goffset       offset,
          const guint8 *bytes,
          gsize         length)
{
  int fd = g_open (path, O_WRONLY, 0);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, bytes, length, offset), ==, (gssize) length);
  g_assert_cmpint (fsync (fd), ==, 0);
  close (fd);
}

void
damage_file (const char *db_path,
             Damage      damage)
{
  g_autofree char *contents = NULL;
  g_autofree guint8 *zeros = NULL;
  gsize length = 0;
  guint page_size;
  guint page;

  g_assert_true (g_file_get_contents (db_path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 4096);
  /* Offset 16 of the header, big-endian (1 means 65536). */
  page_size = ((guint8) contents[16] << 8) | (guint8) contents[17];
  if (page_size == 1)
    page_size = 65536;

  switch (damage)
    {
    case DAMAGE_ZEROED_PAGE:
      page = customers_leaf_page (db_path);
      zeros = g_malloc0 (page_size);
      write_at (db_path, (goffset) (page - 1) * page_size, zeros, page_size);
      break;

    case DAMAGE_TRUNCATED:
      g_assert_cmpint (truncate (db_path, (off_t) (length / 2 / page_size * page_size)), ==, 0);
      break;

    case DAMAGE_ZEROS:
      zeros = g_malloc0 (length);
      write_at (db_path, 0, zeros, length);
      break;

    case DAMAGE_FLIPPED:
      {
        /* The page type, the cell count and the start of the cell area:
         * SQLite has no checksums, so flips inside text go unseen, but
         * these it must notice. */
        goffset start = (goffset) (customers_leaf_page (db_path) - 1) * page_size;
        guint8 bytes[8];

        for (guint i = 0; i < G_N_ELEMENTS (bytes); i++)
          bytes[i] = (guint8) contents[start + i] ^ 0x5a;
        write_at (db_path, start, bytes, sizeof bytes);
      }
      break;

    case DAMAGE_TEXT:
      g_assert_true (g_file_set_contents (db_path, "name,phone\nNino,+995 555 123456\n", -1, NULL));
      break;

    case N_DAMAGES:
    default:
      g_assert_not_reached ();
    }
}

guint64
count_rows (const char *db_path,
            const char *table)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3_stmt *stmt = NULL;
  guint64 n = 0;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = (guint64) sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}
