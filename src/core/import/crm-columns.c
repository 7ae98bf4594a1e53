/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Column recognition for every CSV import: what each column holds, by
 * its header (crm-headers.c) or, for customer files without a header or
 * columns whose header nobody knows, by its values; samples; the columns
 * left out. */

#define G_LOG_DOMAIN "crm-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-headers.h"
#include "crm-sales-import.h"
#include "crm-text.h"

/* Rows looked at to guess what headerless columns hold, or to show a
 * sample of a column. */
#define SAMPLE_ROWS 100

gboolean
crm_columns_looks_like_email (const char *text)
{
  return strchr (text, '@') != NULL && crm_text_check_email (text, NULL);
}

gboolean
crm_columns_looks_like_phone (const char *text)
{
  guint digits = 0;

  for (const char *p = text; *p != '\0'; p++)
    digits += g_ascii_isdigit (*p) ? 1 : 0;

  return digits >= 6 && crm_text_check_phone (text, NULL);
}

/* Setting up */

static void
column_clear (gpointer data)
{
  g_free (((CrmColumn *) data)->title);
}

void
crm_columns_init (CrmColumns           *columns,
                  CrmColumnsVocabulary  vocabulary,
                  CrmImportTable       *table)
{
  columns->vocabulary = vocabulary;
  columns->table = table;
  columns->has_header = TRUE;
  columns->columns = g_array_new (FALSE, TRUE, sizeof (CrmColumn));
  g_array_set_clear_func (columns->columns, column_clear);
}

void
crm_columns_clear (CrmColumns *columns)
{
  g_clear_pointer (&columns->table, crm_import_table_free);
  g_clear_pointer (&columns->columns, g_array_unref);
}

static const char *
header_cell (CrmColumns *columns,
             guint       column)
{
  if (!columns->has_header)
    return "";

  return crm_import_raw_row_cell (g_ptr_array_index (columns->table->rows, 0), column);
}

/* Google: "Phone 2 - Type" says what "Phone 2 - Value" is. */
static gint
find_type_column (CrmColumns *columns,
                  guint       column)
{
  guint number = crm_headers_number (crm_columns_get_title (columns, column));

  for (guint t = 0; number > 0 && t < columns->columns->len; t++)
    {
      const char *title = crm_columns_get_title (columns, t);
      const CrmHeaderAlias *alias;

      if (t == column || crm_headers_number (title) != number)
        continue;
      alias = crm_headers_match (columns->vocabulary, title);
      if (alias != NULL && alias->kind == CRM_HEADER_PHONE_TYPE)
        return (gint) t;
    }

  return -1;
}

/* What each column holds, by its header. */
static void
set_up (CrmColumns *columns)
{
  g_autoptr(GArray) kinds = g_array_new (FALSE, TRUE, sizeof (CrmHeaderKind));
  gboolean seen[MAX ((guint) CRM_CUSTOMER_N_COLUMNS, (guint) CRM_SALES_N_COLUMNS)] = { FALSE };
  gboolean customers = columns->vocabulary == CRM_COLUMNS_CUSTOMERS;

  g_array_set_size (columns->columns, 0);
  g_array_set_size (kinds, columns->table->n_columns);
  for (guint c = 0; c < columns->table->n_columns; c++)
    {
      CrmColumn column = { 0 };
      const char *header = header_cell (columns, c);
      g_autofree char *trimmed = g_strstrip (g_strdup (header));
      const CrmHeaderAlias *alias = columns->has_header ? crm_headers_match (columns->vocabulary, header) : NULL;

      column.title = trimmed[0] != '\0' ? g_strdup (trimmed) : g_strdup_printf (_("Column %u"), c + 1);
      column.type_column = -1;
      column.group = crm_headers_group (header);
      if (alias != NULL)
        {
          column.recognised = TRUE;
          column.field = alias->field;
          g_array_index (kinds, CrmHeaderKind, c) = alias->kind;
        }
      /* A till's first "Total" is the amount; a second is some other total. */
      if (!customers && column.field != CRM_SALES_COLUMN_IGNORE && seen[column.field])
        column.field = CRM_SALES_COLUMN_IGNORE;
      seen[column.field] = TRUE;
      g_array_append_val (columns->columns, column);
    }

  if (!customers)
    return;

  for (guint c = 0; c < columns->columns->len; c++)
    {
      CrmColumn *column = crm_columns_get (columns, c);
      CrmHeaderKind kind = g_array_index (kinds, CrmHeaderKind, c);

      /* "სახელი" next to "გვარი" is the given name; Thunderbird's
       * "Geburtstag" next to "Geburtsjahr" is the day of the month. */
      if (kind == CRM_HEADER_NAME_OR_GIVEN && seen[CRM_CUSTOMER_COLUMN_FAMILY_NAME])
        column->field = CRM_CUSTOMER_COLUMN_GIVEN_NAME;
      else if (kind == CRM_HEADER_BIRTHDAY_OR_DAY &&
               (seen[CRM_CUSTOMER_COLUMN_BIRTH_YEAR] || seen[CRM_CUSTOMER_COLUMN_BIRTH_MONTH]))
        column->field = CRM_CUSTOMER_COLUMN_BIRTH_DAY;
      else if (column->field == CRM_CUSTOMER_COLUMN_PHONE)
        {
          column->type_column = find_type_column (columns, c);
          if (column->type_column < 0 && crm_headers_say_mobile (column->title))
            column->field = CRM_CUSTOMER_COLUMN_MOBILE;
        }
    }
}

/* What the first rows of a column hold: how many values, how many of
 * them e-mail addresses and phone numbers. */
static void
count_values (CrmColumns *columns,
              guint       column,
              guint      *n,
              guint      *emails,
              guint      *phones)
{
  *n = *emails = *phones = 0;
  for (guint r = 0; r < crm_columns_get_n_records (columns) && r < SAMPLE_ROWS; r++)
    {
      const char *cell = crm_import_raw_row_cell (crm_columns_get_record (columns, r), column);
      g_autofree char *text = crm_import_cell_text (cell);

      if (text[0] == '\0')
        continue;
      (*n)++;
      *emails += crm_columns_looks_like_email (text) ? 1 : 0;
      *phones += crm_columns_looks_like_phone (text) ? 1 : 0;
    }
}

/* A column whose header is not known but whose values are e-mails or
 * phone numbers is imported as such (and the notes say so), rather than
 * leaving people without them. */
static void
guess_unknown_columns (CrmColumns *columns)
{
  for (guint c = 0; c < columns->columns->len; c++)
    {
      CrmColumn *column = crm_columns_get (columns, c);
      guint n, emails, phones;

      if (column->recognised)
        continue;

      count_values (columns, c, &n, &emails, &phones);
      if (n > 0 && emails * 2 > n)
        column->field = CRM_CUSTOMER_COLUMN_EMAIL;
      else if (n > 0 && phones * 2 > n)
        column->field = CRM_CUSTOMER_COLUMN_PHONE;
      column->guessed = column->field != CRM_CUSTOMER_COLUMN_IGNORE;
    }
}

/* Without a header, customer columns are told apart by what they hold. */
static void
guess_columns (CrmColumns *columns)
{
  gboolean have_name = FALSE;

  for (guint c = 0; c < columns->columns->len; c++)
    {
      CrmColumn *column = crm_columns_get (columns, c);
      guint n, emails, phones;

      count_values (columns, c, &n, &emails, &phones);
      column->recognised = FALSE;
      if (n == 0)
        column->field = CRM_CUSTOMER_COLUMN_IGNORE;
      else if (emails * 2 > n)
        column->field = CRM_CUSTOMER_COLUMN_EMAIL;
      else if (phones * 2 > n)
        column->field = CRM_CUSTOMER_COLUMN_PHONE;
      else if (!have_name)
        {
          column->field = CRM_CUSTOMER_COLUMN_NAME;
          have_name = TRUE;
        }
      else
        column->field = CRM_CUSTOMER_COLUMN_NOTES;
    }
}

static gboolean
any_recognised (CrmColumns *columns)
{
  for (guint c = 0; c < columns->columns->len; c++)
    if (crm_columns_get (columns, c)->recognised)
      return TRUE;

  return FALSE;
}

/**
 * crm_columns_recognise:
 *
 * Reads the header row. A customer file in which nothing is recognised
 * but whose first row holds a phone number or an e-mail has no header:
 * its columns are guessed from their values.
 */
void
crm_columns_recognise (CrmColumns *columns)
{
  const CrmImportRawRow *first = g_ptr_array_index (columns->table->rows, 0);

  columns->has_header = TRUE;
  set_up (columns);
  if (columns->vocabulary != CRM_COLUMNS_CUSTOMERS)
    return;
  for (guint c = 0; !any_recognised (columns) && c < first->n_cells; c++)
    {
      g_autofree char *text = crm_import_cell_text (first->cells[c]);

      if (crm_columns_looks_like_email (text) || crm_columns_looks_like_phone (text))
        {
          crm_columns_set_has_header (columns, FALSE);
          return;
        }
    }

  guess_unknown_columns (columns);
}

/* Whether the first row names the columns: the columns are recognised
 * afresh (hand-made mappings are lost). */
void
crm_columns_set_has_header (CrmColumns *columns,
                            gboolean    has_header)
{
  columns->has_header = has_header;
  set_up (columns);
  if (!has_header)
    guess_columns (columns);
  else if (columns->vocabulary == CRM_COLUMNS_CUSTOMERS)
    guess_unknown_columns (columns);
}

/* Reading */

/* The rows after the header. */
guint
crm_columns_get_n_records (CrmColumns *columns)
{
  return columns->table->rows->len - (columns->has_header ? 1 : 0);
}

const CrmImportRawRow *
crm_columns_get_record (CrmColumns *columns,
                        guint       index)
{
  return g_ptr_array_index (columns->table->rows, index + (columns->has_header ? 1 : 0));
}

guint
crm_columns_get_n (CrmColumns *columns)
{
  return columns->columns->len;
}

CrmColumn *
crm_columns_get (CrmColumns *columns,
                 guint       column)
{
  g_return_val_if_fail (column < columns->columns->len, NULL);

  return &g_array_index (columns->columns, CrmColumn, column);
}

/* "Column 3" when the header has no title. */
const char *
crm_columns_get_title (CrmColumns *columns,
                       guint       column)
{
  g_return_val_if_fail (column < columns->columns->len, NULL);

  return crm_columns_get (columns, column)->title;
}

/* The column's first value in the first rows, for a mapping dialog; "" if
 * they have none. */
const char *
crm_columns_get_sample (CrmColumns *columns,
                        guint       column)
{
  g_return_val_if_fail (column < columns->columns->len, NULL);

  for (guint r = 0; r < crm_columns_get_n_records (columns) && r < SAMPLE_ROWS; r++)
    {
      const char *text = crm_import_raw_row_cell (crm_columns_get_record (columns, r), column);

      if (text[0] != '\0')
        return text;
    }

  return "";
}

guint
crm_columns_get_field (CrmColumns *columns,
                       guint       column)
{
  g_return_val_if_fail (column < columns->columns->len, 0);

  return crm_columns_get (columns, column)->field;
}

/* Whether the header was recognised, or the column was mapped by hand. */
gboolean
crm_columns_get_recognised (CrmColumns *columns,
                            guint       column)
{
  g_return_val_if_fail (column < columns->columns->len, FALSE);

  return crm_columns_get (columns, column)->recognised;
}

/* Maps a column by hand. */
void
crm_columns_set_field (CrmColumns *columns,
                       guint       column,
                       guint       field)
{
  CrmColumn *c;

  g_return_if_fail (column < columns->columns->len);

  c = crm_columns_get (columns, column);
  if (c->field != field)
    c->type_column = -1;
  c->field = field;
  c->recognised = TRUE;
  c->guessed = FALSE;
}

/* The titles of columns with data whose header was not recognised. */
char **
crm_columns_dup_unknown (CrmColumns *columns)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint c = 0; c < columns->columns->len; c++)
    if (!crm_columns_get_recognised (columns, c) && crm_columns_get_sample (columns, c)[0] != '\0')
      g_strv_builder_add (builder, crm_columns_get_title (columns, c));

  return g_strv_builder_end (builder);
}

/* A column with data nothing is taken from: not imported, nor saying
 * which kind of phone another column holds. */
static gboolean
is_unused (CrmColumns *columns,
           guint       column)
{
  if (crm_columns_get_field (columns, column) != 0 || crm_columns_get_sample (columns, column)[0] == '\0')
    return FALSE;

  for (guint c = 0; c < columns->columns->len; c++)
    if (crm_columns_get (columns, c)->type_column == (gint) column)
      return FALSE;

  return TRUE;
}

/* The titles of the unused columns: every one is named in the preview,
 * none dropped unseen. */
char **
crm_columns_dup_unused (CrmColumns *columns)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint c = 0; c < columns->columns->len; c++)
    if (is_unused (columns, c))
      g_strv_builder_add (builder, crm_columns_get_title (columns, c));

  return g_strv_builder_end (builder);
}

/* A sample for a message: one line, not too long. */
static char *
short_sample (const char *text)
{
  g_autofree char *line = g_strdup (text);

  g_strdelimit (line, "\r\n\t", ' ');
  g_strstrip (line);
  if (g_utf8_strlen (line, -1) > 40)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, 39);

      return g_strconcat (cut, "…", NULL);
    }

  return g_steal_pointer (&line);
}

/**
 * crm_columns_add_notes:
 * @notes: (element-type utf8): gets the lines
 *
 * What a person should know about how the file is read, one line each:
 * a character set other than UTF-8, columns taken by their values rather
 * than their titles, and every column with data that is not imported,
 * with a sample of what it holds.
 */
void
crm_columns_add_notes (CrmColumns *columns,
                       GPtrArray  *notes)
{
  g_auto(GStrv) unused = crm_columns_dup_unused (columns);
  char *charset = crm_import_table_dup_charset_note (columns->table);

  if (charset != NULL)
    g_ptr_array_add (notes, charset);

  for (guint c = 0; c < columns->columns->len; c++)
    {
      const CrmColumn *column = crm_columns_get (columns, c);

      if (!column->guessed)
        continue;
      if (column->field == CRM_CUSTOMER_COLUMN_EMAIL)
        g_ptr_array_add (notes, g_strdup_printf (_("E-mail column not recognised: “%s” holds e-mail "
                                                   "addresses, so they are imported as e-mails."),
                                                 column->title));
      else
        g_ptr_array_add (notes, g_strdup_printf (_("Phone column not recognised: “%s” holds phone "
                                                   "numbers, so they are imported as phones."),
                                                 column->title));
    }

  if (unused[0] != NULL)
    {
      g_autoptr(GString) list = g_string_new (NULL);
      guint n = g_strv_length (unused);

      for (guint c = 0; c < columns->columns->len; c++)
        {
          const CrmColumn *column = crm_columns_get (columns, c);
          g_autofree char *sample = NULL;

          if (!is_unused (columns, c))
            continue;
          sample = short_sample (crm_columns_get_sample (columns, c));
          if (list->len > 0)
            g_string_append (list, ", ");
          /* Translators: a column left out, and an example of what it holds */
          g_string_append_printf (list, _("“%s” (for example “%s”)"), column->title, sample);
        }
      /* Translators: %s lists columns, “Gender” (for example “female”), … */
      g_ptr_array_add (notes, g_strdup_printf (ngettext ("Not imported: the column %s.",
                                                         "Not imported: the columns %s.", n),
                                               list->str));
    }
}

gboolean
crm_columns_has_field (CrmColumns *columns,
                       guint       field)
{
  for (guint c = 0; c < columns->columns->len; c++)
    if (crm_columns_get_field (columns, c) == field)
      return TRUE;

  return FALSE;
}

/**
 * crm_columns_value:
 * @storage: (inout): holds the returned text; free it
 *
 * Returns: (nullable): the row's first non-empty value in a column that
 *   holds @field, as typed (crm_import_cell_text())
 */
const char *
crm_columns_value (CrmColumns            *columns,
                   const CrmImportRawRow *row,
                   guint                  field,
                   char                 **storage)
{
  for (guint c = 0; c < columns->columns->len; c++)
    if (crm_columns_get_field (columns, c) == field)
      {
        g_free (*storage);
        *storage = crm_import_cell_text (crm_import_raw_row_cell (row, c));
        if ((*storage)[0] != '\0')
          return *storage;
      }

  return NULL;
}

/**
 * crm_columns_refuse:
 * @message: what is missing, for people
 *
 * Refuses the file for a missing column, naming the columns that were not
 * recognised (one of them may be it).
 *
 * Returns: %FALSE, always
 */
gboolean
crm_columns_refuse (CrmColumns  *columns,
                    const char  *message,
                    GError     **error)
{
  g_auto(GStrv) unknown = crm_columns_dup_unknown (columns);

  if (unknown[0] != NULL)
    {
      g_autofree char *list = g_strjoinv ("”, “", unknown);
      g_autofree char *named = g_strdup_printf (_("Columns not recognised: “%s”."), list);

      g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_NO_DATA, "%s %s", message, named);
    }
  else
    g_set_error_literal (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_NO_DATA, message);

  return FALSE;
}
