/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-export.h"
#include "crm-money.h"
#include "crm-store-private.h"

/**
 * crm_export_csv_cell:
 *
 * One CSV field: quoted when it holds a separator, quote or line break,
 * and with a leading apostrophe when it starts like a spreadsheet formula
 * (= + - @, tab, carriage return), so that opening the file can never run
 * anything a customer typed.
 *
 * Returns: (transfer full): the field, ready to write
 */
char *
crm_export_csv_cell (const char *text)
{
  GString *cell;
  gboolean quote;

  if (text == NULL)
    text = "";

  cell = g_string_new (NULL);
  if (strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0')
    g_string_append_c (cell, '\'');
  g_string_append (cell, text);

  quote = strpbrk (cell->str, ",;\"\n\r\t") != NULL;
  if (quote)
    {
      g_autofree char *raw = g_string_free (cell, FALSE);

      cell = g_string_new ("\"");
      for (const char *p = raw; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (cell, '"');
          g_string_append_c (cell, *p);
        }
      g_string_append_c (cell, '"');
    }

  return g_string_free (cell, FALSE);
}

static void
append_row (GString            *out,
            const char * const *cells)
{
  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autofree char *cell = crm_export_csv_cell (cells[i]);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, cell);
    }
  g_string_append (out, "\r\n");
}

static char *
iso_date (gint64 unix_time)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (unix_time <= 0)
    return g_strdup ("");

  utc = g_date_time_new_from_unix_utc (unix_time);
  local = utc ? g_date_time_to_local (utc) : NULL;
  return local ? g_date_time_format (local, "%Y-%m-%d") : g_strdup ("");
}

/**
 * crm_export_customers_csv:
 * @n_written: (out) (optional): how many customers were written
 *
 * Writes the active customers with their segment, spend in the window,
 * purchases and last visit: UTF-8 with a byte-order mark (so spreadsheet
 * programs pick the right encoding for Georgian and Armenian), commas,
 * CRLF line ends. The file is replaced atomically: a failure leaves the
 * old one.
 */
gboolean
crm_export_customers_csv (CrmStore  *store,
                          GFile     *file,
                          guint     *n_written,
                          GError   **error)
{
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");
  g_autofree char *currency = crm_store_dup_currency (store);
  g_autoptr(CrmStmt) stmt = NULL;
  guint n = 0;
  CrmStmtResult rc;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  {
    /* Column names stay English: other programs and scripts read them. */
    g_autofree char *spend_header = g_strdup_printf ("spend_%s", currency);
    const char *header[] = { "name", "phone", "email", "address", "birthday", "tags", "segment",
                             spend_header, "purchases", "last_visit", "notes", NULL };

    append_row (out, header);
  }

  stmt = crm_store_prepare_once (store,
                           "SELECT c.id, c.name, c.phone, c.email, c.address, coalesce (c.birthday, ''), "
                           "  (SELECT string_agg (name, '; ') FROM (SELECT t.name FROM customer_tags ct "
                           "     JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = c.id "
                           "     ORDER BY lower (t.name), t.name) AS tag), "
                           "  CASE c.segment_override WHEN 'key' THEN 1 WHEN 'secondary' THEN 0 "
                           "    ELSE coalesce (s.rule_key, 0) END, "
                           "  coalesce (s.spend, 0), coalesce (s.purchases, 0), coalesce (s.last_visit_at, 0), "
                           "  c.notes "
                           "FROM customers c LEFT JOIN customer_stats s ON s.customer_id = c.id "
                           "WHERE c.archived_at IS NULL ORDER BY c.name_key, c.id",
                           error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = crm_stmt_step (stmt)) == CRM_STMT_ROW)
    {
      g_autofree char *spend = crm_money_format_plain (crm_stmt_column_int64 (stmt, 8));
      g_autofree char *purchases = g_strdup_printf ("%d", crm_stmt_column_int (stmt, 9));
      g_autofree char *last_visit = iso_date (crm_stmt_column_int64 (stmt, 10));
      const char *cells[12];

#define TEXT(i) (crm_stmt_column_text (stmt, i) ? crm_stmt_column_text (stmt, i) : "")
      cells[0] = TEXT (1);
      cells[1] = TEXT (2);
      cells[2] = TEXT (3);
      cells[3] = TEXT (4);
      cells[4] = TEXT (5);
      cells[5] = TEXT (6);
      cells[6] = crm_stmt_column_int (stmt, 7) ? "key" : "secondary";
      cells[7] = spend;
      cells[8] = purchases;
      cells[9] = last_visit;
      cells[10] = TEXT (11);
      cells[11] = NULL;
#undef TEXT

      append_row (out, cells);
      n++;
    }
  if (rc != CRM_STMT_DONE)
    {
      crm_store_set_sql_error (error, store, "export");
      return FALSE;
    }

  if (!g_file_replace_contents (file, out->str, out->len, NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error))
    return FALSE;

  if (n_written != NULL)
    *n_written = n;

  return TRUE;
}
