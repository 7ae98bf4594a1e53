/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The CSV reader on its own: what spreadsheets write, and what they
 * should not. */

#include "config.h"

#include <string.h>

#include "crm-csv.h"
#include "crm-import.h"
#include "test-import-util.h"

/* Every row of @text, fields joined by "|" and rows by "\n". */
static char *
read_all (const char  *text,
          gsize        length,
          char        *delimiter,
          GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);
  g_autoptr(CrmCsvReader) reader = crm_csv_reader_new (bytes, error);
  g_autoptr(GString) out = g_string_new (NULL);
  const char * const *fields;
  guint n;

  if (reader == NULL)
    return NULL;

  if (delimiter != NULL)
    *delimiter = crm_csv_reader_get_delimiter (reader);

  while (crm_csv_reader_read_row (reader, &n, &fields, error))
    {
      g_autofree char *joined = g_strjoinv ("|", (char **) fields);

      g_assert_cmpuint (g_strv_length ((char **) fields), ==, n);
      g_string_append_printf (out, "%u:%s\n", crm_csv_reader_get_row_number (reader), joined);
    }

  if (error != NULL && *error != NULL)
    return NULL;

  return g_strdup (out->str);
}

static void
assert_rows (const char *text,
             char        expected_delimiter,
             const char *expected)
{
  g_autoptr(GError) error = NULL;
  char delimiter = 0;
  g_autofree char *rows = read_all (text, strlen (text), &delimiter, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (rows, ==, expected);
  g_assert_cmpint (delimiter, ==, expected_delimiter);
}

static void
assert_error (const char   *text,
              gsize         length,
              CrmImportError code,
              const char   *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = read_all (text, length, NULL, &error);

  g_assert_null (rows);
  g_assert_error (error, CRM_IMPORT_ERROR, (int) code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” does not say “%s”", error->message, fragment);
}

static void
test_delimiters (void)
{
  assert_rows ("name,phone\nNino,555\n", ',', "1:name|phone\n2:Nino|555\n");
  /* LibreOffice in Georgian or Armenian: semicolons, decimal commas. */
  assert_rows ("სახელი;თანხა\nნინო;25,50\nანა;3,00\n", ';', "1:სახელი|თანხა\n2:ნინო|25,50\n3:ანა|3,00\n");
  assert_rows ("a\tb\tc\n1\t2,5\t3\n", '\t', "1:a|b|c\n2:1|2,5|3\n");
  /* Excel's hint wins over counting. */
  assert_rows ("sep=;\r\na,b;c\r\n", ';', "1:a,b|c\n");
  /* One column: nothing to split. */
  assert_rows ("name\nNino\n", ',', "1:name\n2:Nino\n");
  /* A separator inside quotes does not count. */
  assert_rows ("\"a,b\";\"c,d\";e\n", ';', "1:a,b|c,d|e\n");
  g_assert_cmpint (crm_csv_detect_delimiter ("", 0), ==, ',');
}

static void
test_quotes (void)
{
  /* A line break and doubled quotes inside a quoted field; rows counted as
   * a spreadsheet shows them. */
  assert_rows ("name,notes\r\n\"Nino\",\"says \"\"hi\"\"\r\nevery day\"\r\nAna,\"\"\r\n", ',',
               "1:name|notes\n2:Nino|says \"hi\"\r\nevery day\n3:Ana|\n");
  /* Old Mac line ends, empty fields, a last line without its end. */
  assert_rows ("a,,c\r1,2,", ',', "1:a||c\n2:1|2|\n");
  /* Text after a closing quote is kept, as spreadsheets do. */
  assert_rows ("\"ab\"c,d\n", ',', "1:abc|d\n");
}

static void
test_bom (void)
{
  /* UTF-8 with a byte-order mark, as Clientele's own export writes. */
  assert_rows ("\xEF\xBB\xBFname,phone\nნინო,1\n", ',', "1:name|phone\n2:ნინო|1\n");

  /* Excel's "Unicode text": UTF-16LE with a mark, tabs. */
  {
    const char text[] = "\xFF\xFE" "n\0a\0\t\0p\0\n\0\xD0\x10\t\0" "5\0\n\0";
    g_autoptr(GError) error = NULL;
    char delimiter = 0;
    g_autofree char *rows = read_all (text, sizeof text - 1, &delimiter, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (rows, ==, "1:na|p\n2:ა|5\n");
    g_assert_cmpint (delimiter, ==, '\t');
  }

  /* A UTF-16 mark on something that is not. */
  assert_error ("\xFF\xFE" "a", 3, CRM_IMPORT_ERROR_ENCODING, "UTF-16");
}

/* Every row of @text as read_all() gives them, and the character set. */
#define READ_WITH_CHARSET(text, charset, repaired) read_with_charset (text, sizeof (text) - 1, charset, repaired)

static char *
read_with_charset (const char  *text,
                   gsize        length,
                   char       **charset,
                   GArray     **repaired)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCsvReader) reader = crm_csv_reader_new (bytes, &error);
  g_autoptr(GString) out = g_string_new (NULL);
  const char * const *fields;
  guint n;

  g_assert_no_error (error);
  while (crm_csv_reader_read_row (reader, &n, &fields, &error))
    {
      g_autofree char *joined = g_strjoinv ("|", (char **) fields);

      g_assert_true (g_utf8_validate (joined, -1, NULL));
      g_string_append_printf (out, "%u:%s\n", crm_csv_reader_get_row_number (reader), joined);
    }
  g_assert_no_error (error);

  *charset = g_strdup (crm_csv_reader_get_charset (reader));
  if (repaired != NULL)
    *repaired = g_array_ref (crm_csv_reader_get_repaired_rows (reader));
  return g_strdup (out->str);
}

static void
test_legacy_charsets (void)
{
  g_autofree char *charset = NULL;
  g_autofree char *rows = NULL;
  g_autoptr(GArray) repaired = NULL;

  /* Excel on a Russian Windows: "CSV" in windows-1251, semicolons. */
  rows = READ_WITH_CHARSET ("\xc8\xec\xff;\xd2\xe5\xeb\xe5\xf4\xee\xed\r\n"
                            "\xcd\xe8\xed\xee \xc1\xe5\xf0\xe8\xe4\xe7\xe5;+995 555 12 34 56\r\n",
                            &charset, NULL);
  g_assert_cmpstr (rows, ==, "1:Имя|Телефон\n2:Нино Беридзе|+995 555 12 34 56\n");
  g_assert_cmpstr (charset, ==, "WINDOWS-1251");
  g_clear_pointer (&rows, g_free);
  g_clear_pointer (&charset, g_free);

  /* A Western Windows: windows-1252. */
  rows = READ_WITH_CHARSET ("name,city\nJ\xfcrgen M\xfcller,M\xfcnchen\n", &charset, NULL);
  g_assert_cmpstr (rows, ==, "1:name|city\n2:Jürgen Müller|München\n");
  g_assert_cmpstr (charset, ==, "WINDOWS-1252");
  g_clear_pointer (&rows, g_free);
  g_clear_pointer (&charset, g_free);

  /* UTF-8 with one stray byte that no 8-bit set reads (0x98 is a hole in
   * windows-1251 and 0x81 in windows-1252, and Shift_JIS wants a second
   * byte): the field keeps the rest, the row is reported. */
  rows = READ_WITH_CHARSET ("name,notes\nნინო,ok\nAna,bad \x98\x81\n", &charset, &repaired);
  g_assert_cmpstr (rows, ==, "1:name|notes\n2:ნინო|ok\n3:Ana|bad \xef\xbf\xbd\xef\xbf\xbd\n");
  g_assert_cmpstr (charset, ==, "UTF-8");
  g_assert_cmpuint (repaired->len, ==, 1);
  g_assert_cmpuint (g_array_index (repaired, guint, 0), ==, 3);
  g_clear_pointer (&rows, g_free);
  g_clear_pointer (&charset, g_free);

  /* Excel's "Unicode text" saved without its byte-order mark. */
  rows = READ_WITH_CHARSET ("n\0a\0\t\0p\0\n\0\xD0\x10\t\0" "5\0\n\0", &charset, NULL);
  g_assert_cmpstr (rows, ==, "1:na|p\n2:ა|5\n");
  g_assert_cmpstr (charset, ==, "UTF-16LE");
}

static void
test_spreadsheet_files (void)
{
  /* An .xlsx (a ZIP archive) and an .xls: save them as CSV. */
  assert_error ("PK\x03\x04\x14\0\x06\0", 8, CRM_IMPORT_ERROR_ENCODING, "save it as CSV");
  assert_error ("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10, CRM_IMPORT_ERROR_ENCODING,
                "“CSV UTF-8 (Comma delimited)”");
}

static void
test_bad_text (void)
{
  /* A NUL byte: binary data. */
  assert_error ("name\nNi\0no\n", 11, CRM_IMPORT_ERROR_ENCODING, "Row 2 contains binary data");
  /* A quote opened on row 2 and never closed. */
  assert_error ("name,notes\nNino,\"never closed\nAna,x\n", 36, CRM_IMPORT_ERROR_SYNTAX, "Row 2");
}

static void
test_binary_garbage (void)
{
  g_autoptr(GError) error = NULL;
  GRand *rand = g_rand_new_with_seed (7);
  g_autofree guint8 *garbage = g_malloc (64 * 1024);
  g_autofree char *rows = NULL;

  for (guint i = 0; i < 64 * 1024; i++)
    garbage[i] = (guint8) g_rand_int_range (rand, 0, 256);
  g_rand_free (rand);

  rows = read_all ((const char *) garbage, 64 * 1024, NULL, &error);
  g_assert_null (rows);
  g_assert_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "Row 1"));
  g_clear_error (&error);

  /* Without a single NUL, noise is not read as some 8-bit text. */
  for (guint i = 0; i < 64 * 1024; i++)
    if (garbage[i] == 0)
      garbage[i] = 1;
  rows = read_all ((const char *) garbage, 64 * 1024, NULL, &error);
  g_assert_null (rows);
  g_assert_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_ENCODING);
  g_assert_nonnull (strstr (error->message, "contains binary data"));
}

static void
test_huge_field (void)
{
  gsize size = 10 * 1024 * 1024;
  g_autofree char *text = g_malloc (size + 16);

  /* An unquoted 10 MB field... */
  memcpy (text, "name\nNino,", 10);
  memset (text + 10, 'x', size);
  assert_error (text, size + 10, CRM_IMPORT_ERROR_TOO_LARGE, "Row 2 has a field longer than 256 KB");

  /* ...and a quoted one that never ends. */
  text[5] = '"';
  assert_error (text, size + 10, CRM_IMPORT_ERROR_TOO_LARGE, "closing quotation mark");
}

static void
test_limits (void)
{
  g_autoptr(GString) wide = g_string_new (NULL);
  g_autoptr(GString) rows = g_string_sized_new (2 * 3000000 + 8);

  for (guint i = 0; i <= CRM_CSV_MAX_COLUMNS; i++)
    g_string_append (wide, "x,");
  assert_error (wide->str, wide->len, CRM_IMPORT_ERROR_TOO_LARGE, "more than 256 columns");

  /* Three million rows: refused at the limit. */
  g_string_append (rows, "name\n");
  for (guint i = 0; i < 3000000; i++)
    g_string_append (rows, "a\n");
  assert_error (rows->str, rows->len, CRM_IMPORT_ERROR_TOO_LARGE, "more than 2000000 rows");

  /* Exactly at the limit is fine. */
  g_string_truncate (rows, 5 + 2 * (CRM_CSV_MAX_ROWS - 1));
  {
    g_autoptr(GBytes) bytes = g_bytes_new (rows->str, rows->len);
    g_autoptr(CrmCsvReader) reader = crm_csv_reader_new (bytes, NULL);
    g_autoptr(GError) error = NULL;
    const char * const *fields;
    guint n, count = 0;

    while (crm_csv_reader_read_row (reader, &n, &fields, &error))
      count++;
    g_assert_no_error (error);
    g_assert_cmpuint (count, ==, CRM_CSV_MAX_ROWS);
  }
}

static void
test_empty (void)
{
  /* Found by fuzz-csv (undefined behaviour only): an empty GBytes has no
   * data pointer at all. */
  g_autoptr(GBytes) nothing = g_bytes_new (NULL, 0);
  g_autoptr(CrmCsvReader) reader = crm_csv_reader_new (nothing, NULL);
  const char * const *fields;
  guint n;

  g_assert_false (crm_csv_reader_read_row (reader, &n, &fields, NULL));
  assert_rows ("", ',', "");
  assert_rows ("\xEF\xBB\xBF", ',', "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/delimiters", test_delimiters);
  g_test_add_func ("/csv/quotes", test_quotes);
  g_test_add_func ("/csv/bom", test_bom);
  g_test_add_func ("/csv/legacy-charsets", test_legacy_charsets);
  g_test_add_func ("/csv/spreadsheet-files", test_spreadsheet_files);
  g_test_add_func ("/csv/bad-text", test_bad_text);
  g_test_add_func ("/csv/binary-garbage", test_binary_garbage);
  g_test_add_func ("/csv/huge-field", test_huge_field);
  g_test_add_func ("/csv/limits", test_limits);
  g_test_add_func ("/csv/empty", test_empty);

  return g_test_run ();
}
