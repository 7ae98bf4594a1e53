/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-export.h"
#include "crm-file-writer.h"
#include "crm-money.h"
#include "crm-store-export.h"

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

/* One line at a time into the writer's buffered stream. */
typedef struct
{
  GOutputStream *stream;
  GString       *line;
} Export;

static gboolean
write_line (Export              *export,
            const char * const  *cells,
            GError             **error)
{
  g_string_truncate (export->line, 0);
  append_row (export->line, cells);
  return g_output_stream_write_all (export->stream, export->line->str, export->line->len, NULL, NULL, error);
}

static gboolean
write_customer_cb (const CrmExportCustomer  *customer,
                   gpointer                  user_data,
                   GError                  **error)
{
  g_autofree char *spend = crm_money_format_plain (customer->spend);
  g_autofree char *purchases = g_strdup_printf ("%d", customer->purchases);
  g_autofree char *last_visit = iso_date (customer->last_visit_at);
  g_autofree char *points = g_strdup_printf ("%" G_GINT64_FORMAT, customer->points);
  const char *cells[] = {
    customer->name, customer->phone, customer->email, customer->address, customer->birthday,
    customer->tags, customer->key ? "key" : "secondary", spend, purchases, last_visit,
    customer->notes, points, customer->tier,
    customer->language, customer->channel, customer->telegram,
    customer->marketing_consent ? "yes" : "no", customer->consent_date, customer->consent_source,
    NULL,
  };

  return write_line (user_data, cells, error);
}

/**
 * crm_export_customers_csv:
 * @n_written: (out) (optional): how many customers were written
 *
 * Writes the active customers with their segment, spend in the window,
 * purchases, last visit, loyalty points and tier: UTF-8 with a byte-order mark (so spreadsheet
 * programs pick the right encoding for Georgian and Armenian), commas,
 * CRLF line ends. The file is written as it is read and replaced
 * atomically (crm-file-writer.c): a failure leaves the old one, and the
 * new one is readable by its owner only.
 */
gboolean
crm_export_customers_csv (CrmStore  *store,
                          GFile     *file,
                          guint     *n_written,
                          GError   **error)
{
  g_autoptr(CrmFileWriter) writer = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *currency = NULL;
  g_autofree char *spend_header = NULL;
  Export export = { NULL, line };
  guint n = 0;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  writer = crm_file_writer_new (file, error);
  if (writer == NULL)
    return FALSE;
  export.stream = crm_file_writer_get_stream (writer);

  /* Column names stay English: other programs and scripts read them. */
  currency = crm_store_dup_currency (store);
  spend_header = g_strdup_printf ("spend_%s", currency);
  {
    const char *header[] = { "name", "phone", "email", "address", "birthday", "tags", "segment",
                             spend_header, "purchases", "last_visit", "notes", "points", "tier",
                             "language", "channel", "telegram", "marketing_consent",
                             "consent_date", "consent_source", NULL };

    if (!g_output_stream_write_all (export.stream, "\xEF\xBB\xBF", 3, NULL, NULL, error) ||
        !write_line (&export, header, error))
      return FALSE;
  }

  if (!crm_store_export_customers (store, write_customer_cb, &export, &n, error) ||
      !crm_file_writer_commit (writer, NULL, error))
    return FALSE;

  if (n_written != NULL)
    *n_written = n;

  return TRUE;
}
