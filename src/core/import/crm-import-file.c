/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Reading a file within the limits, telling its kind, and a CSV file's
 * table of cells, read once for any import. */

#define G_LOG_DOMAIN "crm-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-charset.h"
#include "crm-csv.h"
#include "crm-import-private.h"

G_DEFINE_QUARK (crm-import-error-quark, crm_import_error)

/* How much is read from a stream at a time. */
#define READ_CHUNK (256 * 1024)

/**
 * crm_import_load_file:
 *
 * Reads a whole file, refusing one bigger than %CRM_IMPORT_MAX_FILE_BYTES
 * without reading further (a pipe or a growing file included).
 *
 * Returns: (transfer full): the contents, or %NULL with @error set
 */
GBytes *
crm_import_load_file (GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  for (;;)
    {
      g_autoptr(GBytes) chunk = g_input_stream_read_bytes (G_INPUT_STREAM (stream), READ_CHUNK,
                                                           cancellable, error);
      gsize length;
      gconstpointer bytes;

      if (chunk == NULL)
        return NULL;

      bytes = g_bytes_get_data (chunk, &length);
      if (length == 0)
        break;

      if (data->len + length > CRM_IMPORT_MAX_FILE_BYTES)
        {
          g_autofree char *name = g_file_get_basename (file);

          g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_TOO_LARGE,
                       _("“%s” is larger than %u MB. Split it into smaller files "
                         "and import them one after the other."),
                       name, (guint) (CRM_IMPORT_MAX_FILE_BYTES / (1024 * 1024)));
          return NULL;
        }
      g_byte_array_append (data, bytes, (guint) length);
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/**
 * crm_import_guess_format:
 * @file_name: (nullable): the file's name, for its extension
 *
 * By extension (.vcf .vcard, .json, .csv .tsv .txt), else by the first
 * bytes: "BEGIN:VCARD" is a vCard, "{" an archive, anything else CSV.
 */
CrmImportFormat
crm_import_guess_format (const char *file_name,
                         GBytes     *bytes)
{
  g_autofree char *lower = file_name ? g_ascii_strdown (file_name, -1) : NULL;
  const char *data = NULL;
  gsize length = 0;

  if (lower != NULL)
    {
      if (g_str_has_suffix (lower, ".vcf") || g_str_has_suffix (lower, ".vcard"))
        return CRM_IMPORT_FORMAT_VCARD;
      if (g_str_has_suffix (lower, ".json"))
        return CRM_IMPORT_FORMAT_ARCHIVE;
      if (g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".tsv") ||
          g_str_has_suffix (lower, ".txt"))
        return CRM_IMPORT_FORMAT_CSV;
    }

  if (bytes != NULL)
    data = g_bytes_get_data (bytes, &length);

  if (data != NULL && length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  while (data != NULL && length > 0 && g_ascii_isspace (*data))
    {
      data++;
      length--;
    }

  if (data != NULL && length >= 11 && g_ascii_strncasecmp (data, "BEGIN:VCARD", 11) == 0)
    return CRM_IMPORT_FORMAT_VCARD;
  if (data != NULL && length >= 1 && data[0] == '{')
    return CRM_IMPORT_FORMAT_ARCHIVE;

  return CRM_IMPORT_FORMAT_CSV;
}

char *
crm_import_cell_text (const char *cell)
{
  if (cell == NULL)
    return g_strdup ("");

  if (cell[0] == '\'' && cell[1] != '\0' && strchr ("=+-@\t\r", cell[1]) != NULL)
    cell++;

  return g_strstrip (g_strdup (cell));
}

/* The CSV table */

static gboolean
row_is_blank (guint               n_fields,
              const char * const *fields)
{
  for (guint i = 0; i < n_fields; i++)
    for (const char *p = fields[i]; *p != '\0'; p++)
      if (!g_ascii_isspace (*p))
        return FALSE;

  return TRUE;
}

/**
 * crm_import_table_read:
 *
 * Reads a whole CSV file into rows (blank rows left out), each cell as
 * written. Any error stops the reading: a file is read whole or not at all.
 */
CrmImportTable *
crm_import_table_read (GBytes  *bytes,
                       GError **error)
{
  g_autoptr(CrmCsvReader) reader = crm_csv_reader_new (bytes, error);
  g_autoptr(CrmImportTable) table = NULL;
  g_autoptr(GError) local_error = NULL;
  const char * const *fields;
  guint n_fields;

  if (reader == NULL)
    return NULL;

  table = g_new0 (CrmImportTable, 1);
  table->delimiter = crm_csv_reader_get_delimiter (reader);
  table->rows = g_ptr_array_new_with_free_func (g_free);
  table->repaired_rows = g_hash_table_new (NULL, NULL);

  while (crm_csv_reader_read_row (reader, &n_fields, &fields, &local_error))
    {
      CrmImportRawRow *row;
      gsize text_length = 0;
      char *text;

      if (row_is_blank (n_fields, fields))
        continue;

      for (guint i = 0; i < n_fields; i++)
        text_length += strlen (fields[i]) + 1;

      row = g_malloc (sizeof (CrmImportRawRow) + n_fields * sizeof (char *) + text_length);
      row->row = crm_csv_reader_get_row_number (reader);
      row->n_cells = n_fields;
      text = (char *) &row->cells[n_fields];
      for (guint i = 0; i < n_fields; i++)
        {
          gsize length = strlen (fields[i]) + 1;

          memcpy (text, fields[i], length);
          row->cells[i] = text;
          text += length;
        }

      table->n_columns = MAX (table->n_columns, n_fields);
      g_ptr_array_add (table->rows, row);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  table->charset = g_strdup (crm_csv_reader_get_charset (reader));
  for (guint i = 0; i < crm_csv_reader_get_repaired_rows (reader)->len; i++)
    g_hash_table_add (table->repaired_rows,
                      GUINT_TO_POINTER (g_array_index (crm_csv_reader_get_repaired_rows (reader), guint, i)));

  if (table->rows->len == 0)
    {
      g_set_error_literal (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_NO_DATA,
                           _("The file is empty."));
      return NULL;
    }

  return g_steal_pointer (&table);
}

void
crm_import_table_free (CrmImportTable *table)
{
  if (table == NULL)
    return;

  g_ptr_array_unref (table->rows);
  g_hash_table_unref (table->repaired_rows);
  g_free (table->charset);
  g_free (table);
}

const char *
crm_import_raw_row_cell (const CrmImportRawRow *row,
                         guint                  column)
{
  return column < row->n_cells ? row->cells[column] : "";
}

/**
 * crm_import_table_dup_charset_note:
 *
 * Returns: (transfer full) (nullable): for the preview, how a file that
 *   is not UTF-8 was read, or %NULL for UTF-8
 */
char *
crm_import_table_dup_charset_note (const CrmImportTable *table)
{
  if (table == NULL || table->charset == NULL || g_str_equal (table->charset, "UTF-8"))
    return NULL;

  /* Translators: %s is a character set, "Cyrillic (windows-1251)" */
  return g_strdup_printf (_("The file is not in UTF-8; it was read as %s."),
                          crm_charset_describe (table->charset));
}

/* Whether bytes of @row (a spreadsheet row) had to be replaced. */
gboolean
crm_import_table_row_repaired (const CrmImportTable *table,
                               guint                 row)
{
  return g_hash_table_contains (table->repaired_rows, GUINT_TO_POINTER (row));
}
