/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A CSV reader for what spreadsheets and tills write: commas, semicolons
 * (LibreOffice and Excel where the decimal mark is a comma) or tabs;
 * UTF-8 with or without a byte-order mark, UTF-16 (Excel's "Unicode
 * text", with or without its mark), and Excel's "ANSI" code pages: a field
 * that is not UTF-8 is read in the file's likely 8-bit character set, and
 * bytes that still do not read are replaced, never the reason to refuse
 * the file; quoted fields with line breaks and doubled quotes inside. Rows are
 * counted as a spreadsheet shows them, so an error's row number is the one
 * the owner sees when they open the file. Every limit is checked while
 * reading, so hostile input costs one pass over the bytes at most. */

#define G_LOG_DOMAIN "crm-csv"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-charset.h"
#include "crm-csv.h"
#include "crm-import.h"

/* How much of the file the delimiter is guessed from. */
#define SNIFF_BYTES   (64 * 1024)
#define SNIFF_RECORDS 20

struct _CrmCsvReader
{
  GBytes     *bytes;
  const char *data;
  gsize       length;
  gsize       pos;
  char        delimiter;
  guint       row;

  /* The current row's fields, each ending in NUL, and where they start. */
  GString    *buffer;
  GArray     *offsets;
  GPtrArray  *fields;

  /* Fields that are not UTF-8: read with the file's likely character set,
   * guessed at the first one; rows where bytes had to be replaced. */
  const char        *charset;
  gboolean           guessed;
  CrmCharsetDecoder *fallback;
  const char        *fallback_name;
  gboolean           fallback_used;
  GArray            *repaired_rows;
};

/* Fields per record for the first few records, reading @delimiter outside
 * quotes. Blank lines do not count. */
static guint
sample_counts (const char *data,
               gsize       length,
               char        delimiter,
               guint      *counts,
               guint       max_records)
{
  gboolean quoted = FALSE;
  guint n_records = 0;
  guint fields = 1;
  gboolean blank = TRUE;

  for (gsize i = 0; i < length && n_records < max_records; i++)
    {
      char c = data[i];

      if (c == '"')
        {
          quoted = !quoted;
          blank = FALSE;
        }
      else if (quoted)
        continue;
      else if (c == delimiter)
        {
          fields++;
          blank = FALSE;
        }
      else if (c == '\n' || c == '\r')
        {
          if (!blank)
            counts[n_records++] = fields;
          fields = 1;
          blank = TRUE;
        }
      else
        blank = FALSE;
    }

  /* The last record of the sample may be cut short: only count it when
   * the sample is the whole file. */
  if (!blank && n_records < max_records && length < SNIFF_BYTES)
    counts[n_records++] = fields;

  return n_records;
}

/**
 * crm_csv_detect_delimiter:
 *
 * The separator that splits the first rows into the same number of fields,
 * the most fields winning; else the one that splits the first row most;
 * else a comma.
 *
 * Returns: ',', ';' or '\t'
 */
char
crm_csv_detect_delimiter (const char *data,
                          gsize       length)
{
  static const char candidates[] = { ',', ';', '\t' };
  char best_consistent = 0, best_first = ',';
  guint most_consistent = 1, most_first = 1;

  length = MIN (length, SNIFF_BYTES);

  for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
    {
      guint counts[SNIFF_RECORDS];
      guint n = sample_counts (data, length, candidates[c], counts, SNIFF_RECORDS);
      gboolean consistent = n > 0;

      for (guint i = 1; i < n; i++)
        consistent = consistent && counts[i] == counts[0];

      if (n == 0)
        continue;
      if (consistent && counts[0] > most_consistent)
        {
          most_consistent = counts[0];
          best_consistent = candidates[c];
        }
      if (counts[0] > most_first)
        {
          most_first = counts[0];
          best_first = candidates[c];
        }
    }

  return best_consistent != 0 ? best_consistent : best_first;
}

/* Text has no control characters but tab and line ends (and perhaps a
 * DOS end-of-file mark); a file whose start has more than a few is binary
 * data even without a NUL, and its bytes are not read as some 8-bit text.
 * Returns the line of the first one, or 0 for text. */
static guint
binary_line (const guchar *data,
             gsize         length)
{
  gsize n = MIN (length, SNIFF_BYTES);
  guint controls = 0, line = 1, first = 0;

  /* cppcheck-suppress knownConditionTrueFalse ; it reads MIN () of a run-time length as zero */
  for (gsize i = 0; i < n; i++)
    {
      if (data[i] == '\n')
        line++;
      else if ((data[i] < 0x20 && data[i] != '\t' && data[i] != '\r' && data[i] != 0x1A) || data[i] == 0x7F)
        {
          if (first == 0)
            first = line;
          controls++;
        }
    }

  return controls >= 4 && controls * 100 > n ? first : 0;
}

/**
 * crm_csv_reader_new:
 * @bytes: the whole file
 *
 * Returns: (transfer full): a reader positioned before the first row, or
 *   %NULL when the text cannot be read (UTF-16 that does not convert)
 */
/* UTF-16 without its mark: most of every other byte of the first
 * characters is zero (their high byte, for the Latin letters, digits and
 * separators a table is full of), and none of the others. Returns
 * "UTF-16LE", "UTF-16BE" or NULL. */
static const char *
utf16_without_mark (const guchar *data,
                    gsize         length)
{
  gsize n = MIN (length, 512) & ~(gsize) 1;
  guint zero_even = 0, zero_odd = 0;

  if (n < 4 || length % 2 != 0)
    return NULL;

  for (gsize i = 0; i < n; i += 2)
    {
      zero_even += data[i] == 0 ? 1 : 0;
      zero_odd += data[i + 1] == 0 ? 1 : 0;
    }

  if (zero_odd * 5 >= n / 2 * 3 && zero_even == 0)
    return "UTF-16LE";
  if (zero_even * 5 >= n / 2 * 3 && zero_odd == 0)
    return "UTF-16BE";
  return NULL;
}

/* An .xlsx or .ods is a ZIP archive, an .xls an OLE compound file. */
static gboolean
is_spreadsheet (const guchar *data,
                gsize         length)
{
  return (length >= 4 && memcmp (data, "PK\x03\x04", 4) == 0) ||
         (length >= 8 && memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0);
}

/**
 * crm_csv_reader_new:
 * @bytes: the whole file
 *
 * Returns: (transfer full): a reader positioned before the first row, or
 *   %NULL when the file is not text (a spreadsheet's own format, UTF-16
 *   that does not convert)
 */
CrmCsvReader *
crm_csv_reader_new (GBytes  *bytes,
                    GError **error)
{
  g_autoptr(GBytes) text = g_bytes_ref (bytes);
  CrmCsvReader *self;
  gsize length;
  const guchar *data = g_bytes_get_data (text, &length);
  const char *charset = "UTF-8";
  gsize skip = 0;
  guint line;

  if (data != NULL && is_spreadsheet (data, length))
    {
      g_set_error_literal (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_ENCODING,
                           _("This is a spreadsheet’s own file (.xlsx, .xls or .ods), not CSV text. "
                             "Open it in the spreadsheet program and save it as CSV: in Excel choose "
                             "File, Save As, “CSV UTF-8 (Comma delimited)”; in LibreOffice choose "
                             "File, Save As, “Text CSV”. Then import the CSV file."));
      return NULL;
    }

  /* "Unicode text" from Excel is UTF-16, usually with a byte-order mark. */
  if (length >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    {
      charset = data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
      skip = 2;
    }
  else if (data != NULL && (charset = utf16_without_mark (data, length)) == NULL)
    charset = "UTF-8";

  if (!g_str_equal (charset, "UTF-8"))
    {
      gsize written = 0;
      char *utf8 = g_convert ((const char *) data + skip, length - skip, "UTF-8", charset, NULL, &written, NULL);

      if (utf8 == NULL)
        {
          g_set_error_literal (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_ENCODING,
                               _("The file says it is UTF-16 text but is not. "
                                 "Save it as “CSV UTF-8” and try again."));
          return NULL;
        }
      g_bytes_unref (text);
      text = g_bytes_new_take (utf8, written);
      data = g_bytes_get_data (text, &length);
    }

  if (data != NULL && (line = binary_line (data, length)) > 0)
    {
      g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_ENCODING,
                   _("Row %u contains binary data: this is not a CSV text file."), line);
      return NULL;
    }

  self = g_new0 (CrmCsvReader, 1);
  self->bytes = g_steal_pointer (&text);
  /* An empty GBytes may hand out NULL. */
  self->data = data != NULL ? (const char *) data : "";
  self->length = length;
  self->buffer = g_string_sized_new (256);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->fields = g_ptr_array_new ();
  self->charset = charset;
  self->repaired_rows = g_array_new (FALSE, FALSE, sizeof (guint));

  if (self->length >= 3 && memcmp (self->data, "\xEF\xBB\xBF", 3) == 0)
    self->pos = 3;

  /* Excel's own hint on the first line: "sep=;". */
  if (self->length - self->pos >= 5 && g_ascii_strncasecmp (self->data + self->pos, "sep=", 4) == 0 &&
      (self->length - self->pos == 5 || self->data[self->pos + 5] == '\n' || self->data[self->pos + 5] == '\r') &&
      strchr (",;\t|", self->data[self->pos + 4]) != NULL && self->data[self->pos + 4] != '\0')
    {
      self->delimiter = self->data[self->pos + 4];
      self->pos += 5;
      if (self->pos < self->length && self->data[self->pos] == '\r')
        self->pos++;
      if (self->pos < self->length && self->data[self->pos] == '\n')
        self->pos++;
    }
  else
    self->delimiter = crm_csv_detect_delimiter (self->data + self->pos, self->length - self->pos);

  return self;
}

void
crm_csv_reader_free (CrmCsvReader *self)
{
  if (self == NULL)
    return;

  g_bytes_unref (self->bytes);
  g_string_free (self->buffer, TRUE);
  g_array_unref (self->offsets);
  g_ptr_array_unref (self->fields);
  crm_charset_decoder_free (self->fallback);
  g_array_unref (self->repaired_rows);
  g_free (self);
}

char
crm_csv_reader_get_delimiter (CrmCsvReader *self)
{
  return self->delimiter;
}

/**
 * crm_csv_reader_get_charset:
 *
 * Returns: what the file was read as so far: "UTF-8", "UTF-16LE",
 *   "UTF-16BE", or the 8-bit character set its other fields were in
 */
const char *
crm_csv_reader_get_charset (CrmCsvReader *self)
{
  return self->fallback_used ? self->fallback_name : self->charset;
}

/**
 * crm_csv_reader_get_repaired_rows:
 *
 * Returns: (transfer none) (element-type guint): the rows read so far in
 *   which bytes that are not text were replaced with U+FFFD
 */
GArray *
crm_csv_reader_get_repaired_rows (CrmCsvReader *self)
{
  return self->repaired_rows;
}

/**
 * crm_csv_reader_get_row_number:
 *
 * Returns: the row last read, counted as a spreadsheet counts them (line
 *   breaks inside quotes do not start a row); 0 before the first
 */
guint
crm_csv_reader_get_row_number (CrmCsvReader *self)
{
  return self->row;
}

static gboolean
field_too_long (CrmCsvReader  *self,
                gboolean       quoted,
                GError       **error)
{
  if (quoted)
    g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_TOO_LARGE,
                 _("Row %u: a quoted field runs on for more than %u KB. "
                   "A closing quotation mark (\") is probably missing."),
                 self->row, CRM_CSV_MAX_FIELD_BYTES / 1024);
  else
    g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_TOO_LARGE,
                 _("Row %u has a field longer than %u KB, more than any customer list needs."),
                 self->row, CRM_CSV_MAX_FIELD_BYTES / 1024);
  return FALSE;
}

/* A field that is not UTF-8, as text: in the file's likely 8-bit
 * character set, else with the bytes that do not read replaced. */
static char *
decode_field (CrmCsvReader *self,
              const char   *field,
              gsize         length)
{
  char *text;

  if (!self->guessed)
    {
      self->guessed = TRUE;
      self->fallback_name = crm_charset_guess (self->data, self->length);
      self->fallback = crm_charset_decoder_new (self->fallback_name);
    }

  text = crm_charset_decode (self->fallback, field, length);
  if (text != NULL)
    {
      self->fallback_used = TRUE;
      return text;
    }

  if (self->repaired_rows->len == 0 ||
      g_array_index (self->repaired_rows, guint, self->repaired_rows->len - 1) != self->row)
    g_array_append_val (self->repaired_rows, self->row);
  return g_utf8_make_valid (field, (gssize) length);
}

/* Checks the field that starts at @start in the buffer, and makes it
 * text when it is not UTF-8. */
static gboolean
check_field (CrmCsvReader  *self,
             gsize          start,
             GError       **error)
{
  const char *field = self->buffer->str + start;
  gsize length = self->buffer->len - start;
  g_autofree char *text = NULL;

  if (memchr (field, '\0', length) != NULL)
    {
      g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_ENCODING,
                   _("Row %u contains binary data: this is not a CSV text file."),
                   self->row);
      return FALSE;
    }

  if (g_utf8_validate_len (field, length, NULL))
    return TRUE;

  text = decode_field (self, field, length);
  if (strlen (text) > CRM_CSV_MAX_FIELD_BYTES)
    return field_too_long (self, FALSE, error);

  g_string_truncate (self->buffer, start);
  g_string_append (self->buffer, text);
  return TRUE;
}

/**
 * crm_csv_reader_read_row:
 * @n_fields: (out): how many fields the row has (at least 1)
 * @fields: (out) (transfer none): the fields, valid until the next call
 *
 * Returns: %TRUE with a row; %FALSE at the end of the file (@error unset)
 *   or when the file cannot be read further (@error names the row)
 */
gboolean
crm_csv_reader_read_row (CrmCsvReader        *self,
                         guint               *n_fields,
                         const char * const **fields,
                         GError             **error)
{
  const char *data = self->data;
  gsize length = self->length;
  gsize pos = self->pos;
  char delimiter = self->delimiter;

  g_return_val_if_fail (self != NULL, FALSE);

  if (pos >= length)
    return FALSE;

  if (self->row >= CRM_CSV_MAX_ROWS)
    {
      g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_TOO_LARGE,
                   _("The file has more than %u rows. Split it into smaller files "
                     "and import them one after the other."),
                   CRM_CSV_MAX_ROWS);
      return FALSE;
    }

  self->row++;
  g_string_truncate (self->buffer, 0);
  g_array_set_size (self->offsets, 0);

  for (;;)
    {
      gsize start = self->buffer->len;
      gboolean quoted = FALSE;
      gsize end;

      if (self->offsets->len >= CRM_CSV_MAX_COLUMNS)
        {
          g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_TOO_LARGE,
                       _("Row %u has more than %u columns."), self->row, CRM_CSV_MAX_COLUMNS);
          return FALSE;
        }
      g_array_append_val (self->offsets, start);

      if (pos < length && data[pos] == '"')
        {
          quoted = TRUE;
          pos++;
          for (;;)
            {
              const char *quote = memchr (data + pos, '"', length - pos);
              gsize chunk;

              if (quote == NULL)
                {
                  if (length - pos > CRM_CSV_MAX_FIELD_BYTES)
                    return field_too_long (self, TRUE, error);
                  g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_SYNTAX,
                               _("Row %u: a quoted field is never closed "
                                 "(a quotation mark \" is missing)."),
                               self->row);
                  return FALSE;
                }

              chunk = (gsize) (quote - (data + pos));
              if (self->buffer->len - start + chunk > CRM_CSV_MAX_FIELD_BYTES)
                return field_too_long (self, TRUE, error);

              g_string_append_len (self->buffer, data + pos, (gssize) chunk);
              pos += chunk + 1;

              /* "" inside quotes is one quotation mark. */
              if (pos < length && data[pos] == '"')
                {
                  g_string_append_c (self->buffer, '"');
                  pos++;
                  continue;
                }
              break;
            }
        }

      /* An unquoted field, or what follows a closing quote before the next
       * separator: kept as written, as spreadsheets do. */
      for (end = pos; end < length; end++)
        {
          char c = data[end];

          if (c == delimiter || c == '\n' || c == '\r')
            break;
        }

      if (self->buffer->len - start + (end - pos) > CRM_CSV_MAX_FIELD_BYTES)
        return field_too_long (self, quoted, error);

      g_string_append_len (self->buffer, data + pos, (gssize) (end - pos));
      pos = end;

      if (!check_field (self, start, error))
        return FALSE;
      g_string_append_c (self->buffer, '\0');

      if (pos < length && data[pos] == delimiter)
        {
          pos++;
          continue;
        }

      /* \r\n, \n or a lone \r ends the row. */
      if (pos < length && data[pos] == '\r')
        pos++;
      if (pos < length && data[pos] == '\n')
        pos++;
      break;
    }

  self->pos = pos;

  g_ptr_array_set_size (self->fields, 0);
  for (guint i = 0; i < self->offsets->len; i++)
    g_ptr_array_add (self->fields, self->buffer->str + g_array_index (self->offsets, gsize, i));
  g_ptr_array_add (self->fields, NULL);

  *n_fields = self->offsets->len;
  *fields = (const char * const *) self->fields->pdata;
  return TRUE;
}
