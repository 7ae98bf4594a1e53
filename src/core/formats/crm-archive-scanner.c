/* SPDX-License-Identifier: GPL-3.0-or-later */

/* json-glib 1.6 parses a whole text into a tree, about twelve times the
 * size of the text: for a big shop's archive that would be gigabytes, and
 * it has no streaming parser. So this scanner walks the text as it comes
 * from the stream and cuts out the archive's top-level values and the
 * items of its lists; json-glib then parses (and so checks) one item at a
 * time. Of the two ways to stream, this one (slices for json-glib) keeps
 * the parsing of strings, escapes and numbers, and its messages, in
 * json-glib, and needs no assumption about the layout: the writer's one
 * item per line is not relied on, any white space and any order of keys
 * reads the same. The scanner itself only knows strings, brackets and
 * separators; nesting is limited here, before json-glib recurses, and an
 * item is limited to MAX_ITEM bytes, far above what any item holds. */

#define G_LOG_DOMAIN "crm-archive"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-archive-scanner.h"
#include "crm-import.h"

#define CHUNK     (64 * 1024)
#define MAX_DEPTH 32
#define MAX_ITEM  (16 * 1024 * 1024)

struct _CrmArchiveScanner
{
  GInputStream *stream;
  GCancellable *cancellable;

  guint8        buffer[CHUNK];
  gsize         length;
  gsize         pos;
  goffset       offset;        /* of buffer[0] in the stream */
  guint         line;
  gboolean      eof;

  /* A character cut by the end of the buffer, to be checked whole. */
  guint8        tail[4];
  guint         n_tail;

  /* The text of the value being read, when one is. */
  GString      *capture;
  gboolean      capturing;
  gsize         capture_from;
  gboolean      too_large;

  /* Why the text stopped early: a read error or bytes that are not UTF-8. */
  GError       *stopped;
};

CrmArchiveScanner *
crm_archive_scanner_new (GInputStream *stream,
                         GCancellable *cancellable)
{
  CrmArchiveScanner *scanner = g_new0 (CrmArchiveScanner, 1);

  scanner->stream = g_object_ref (stream);
  scanner->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  scanner->line = 1;
  scanner->capture = g_string_new (NULL);
  return scanner;
}

void
crm_archive_scanner_free (CrmArchiveScanner *scanner)
{
  if (scanner == NULL)
    return;

  g_object_unref (scanner->stream);
  g_clear_object (&scanner->cancellable);
  g_string_free (scanner->capture, TRUE);
  g_clear_error (&scanner->stopped);
  g_free (scanner);
}

static void
not_utf8 (CrmArchiveScanner *scanner)
{
  g_set_error_literal (&scanner->stopped, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_ENCODING,
                       _("This file is not a Clientele archive: it is not UTF-8 text."));
}

/* How long the character that starts with @byte is; 0 when no character
 * starts so (NUL included, as g_utf8_validate() has it). */
static guint
utf8_length (guint8 byte)
{
  if (byte == 0)
    return 0;
  if (byte < 0x80)
    return 1;
  if (byte >= 0xC2 && byte <= 0xDF)
    return 2;
  if (byte >= 0xE0 && byte <= 0xEF)
    return 3;
  if (byte >= 0xF0 && byte <= 0xF4)
    return 4;
  return 0;
}

/* Checks the new buffer as UTF-8, with the character the last one cut. */
static gboolean
check_utf8 (CrmArchiveScanner *scanner)
{
  const guint8 *data = scanner->buffer;
  gsize length = scanner->length;
  const char *end;
  gsize rest;

  if (scanner->n_tail > 0)
    {
      guint need = utf8_length (scanner->tail[0]);

      while (scanner->n_tail < need && length > 0)
        {
          scanner->tail[scanner->n_tail++] = *data++;
          length--;
        }
      if (scanner->n_tail < need)
        return TRUE;
      if (!g_utf8_validate_len ((const char *) scanner->tail, need, NULL))
        return FALSE;
      scanner->n_tail = 0;
    }

  if (g_utf8_validate_len ((const char *) data, length, &end))
    return TRUE;

  /* Only a character the buffer's end cut short may wait for the next. */
  rest = length - (gsize) ((const guint8 *) end - data);
  if (rest >= utf8_length ((guint8) *end))
    return FALSE;

  memcpy (scanner->tail, end, rest);
  scanner->n_tail = (guint) rest;
  return TRUE;
}

/* The next buffer; FALSE at the end of the text or when it stopped. At
 * the end the last buffer stays, so that a small file is read once. */
static gboolean
fill (CrmArchiveScanner *scanner)
{
  gsize kept = scanner->length;
  gssize n;

  if (scanner->eof || scanner->stopped != NULL || scanner->too_large)
    return FALSE;

  if (scanner->capturing)
    {
      g_string_append_len (scanner->capture, (const char *) scanner->buffer + scanner->capture_from,
                           (gssize) (kept - scanner->capture_from));
      scanner->capture_from = kept;
      if (scanner->capture->len > MAX_ITEM)
        {
          scanner->too_large = TRUE;
          return FALSE;
        }
    }

  n = g_input_stream_read (scanner->stream, scanner->buffer, sizeof scanner->buffer,
                           scanner->cancellable, &scanner->stopped);
  if (n < 0)
    return FALSE;
  if (n == 0)
    {
      scanner->eof = TRUE;
      if (scanner->n_tail > 0)
        not_utf8 (scanner);
      return FALSE;
    }

  scanner->offset += (goffset) kept;
  scanner->length = (gsize) n;
  scanner->pos = 0;
  scanner->capture_from = 0;
  if (!check_utf8 (scanner))
    {
      scanner->length = 0;
      not_utf8 (scanner);
      return FALSE;
    }

  /* An editor may have added a byte-order mark. */
  if (scanner->offset == 0 && scanner->length >= 3 && memcmp (scanner->buffer, "\xEF\xBB\xBF", 3) == 0)
    scanner->pos = 3;

  return TRUE;
}

/* The byte at the current place, or -1 at the end. */
static inline int
peek (CrmArchiveScanner *scanner)
{
  if (scanner->pos < scanner->length || fill (scanner))
    return scanner->buffer[scanner->pos];

  return -1;
}

static inline void
advance (CrmArchiveScanner *scanner)
{
  if (scanner->buffer[scanner->pos++] == '\n')
    scanner->line++;
}

/**
 * crm_archive_scanner_broken:
 *
 * Sets @error for a text that ends or breaks here: why the reading
 * stopped, if it did, or else the line.
 *
 * Returns: %FALSE
 */
gboolean
crm_archive_scanner_broken (CrmArchiveScanner  *scanner,
                            GError            **error)
{
  if (crm_archive_scanner_stopped (scanner, error))
    return FALSE;

  g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_SYNTAX,
               _("This file is not a Clientele archive: the JSON text is broken near line %u."),
               scanner->line);
  return FALSE;
}

static void
skip_space (CrmArchiveScanner *scanner)
{
  for (int c = peek (scanner); c == ' ' || c == '\t' || c == '\n' || c == '\r'; c = peek (scanner))
    advance (scanner);
}

/* TRUE, with @error set, when the text stopped before its end: a read
 * error, or bytes that are not UTF-8. */
gboolean
crm_archive_scanner_stopped (CrmArchiveScanner  *scanner,
                             GError            **error)
{
  if (scanner->stopped == NULL)
    return FALSE;

  g_propagate_error (error, g_error_copy (scanner->stopped));
  return TRUE;
}

/* Skips white space; TRUE when @c comes next (it is not consumed). */
gboolean
crm_archive_scanner_at (CrmArchiveScanner *scanner,
                        char               c)
{
  skip_space (scanner);
  return peek (scanner) == (guint8) c;
}

/* Past the character crm_archive_scanner_at() found. */
void
crm_archive_scanner_advance (CrmArchiveScanner *scanner)
{
  g_assert (scanner->pos < scanner->length);

  advance (scanner);
}

gboolean
crm_archive_scanner_expect (CrmArchiveScanner  *scanner,
                            char                c,
                            GError            **error)
{
  if (!crm_archive_scanner_at (scanner, c))
    return crm_archive_scanner_broken (scanner, error);

  advance (scanner);
  return TRUE;
}

/* Only white space is left. */
gboolean
crm_archive_scanner_at_end (CrmArchiveScanner  *scanner,
                            GError            **error)
{
  skip_space (scanner);
  return peek (scanner) == -1 && scanner->stopped == NULL ? TRUE : crm_archive_scanner_broken (scanner, error);
}

static gboolean
too_deep (GError **error)
{
  g_set_error_literal (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_SYNTAX,
                       _("This file is not a Clientele archive: its lists are nested too deeply."));
  return FALSE;
}

/* From the opening quote past the closing one. */
static gboolean
skip_string (CrmArchiveScanner  *scanner,
             GError            **error)
{
  int c;

  advance (scanner);
  while ((c = peek (scanner)) != -1)
    {
      advance (scanner);
      if (c == '"')
        return TRUE;
      if (c == '\\')
        {
          if (peek (scanner) == -1)
            break;
          advance (scanner);
        }
    }

  return crm_archive_scanner_broken (scanner, error);
}

static gboolean
is_separator (int c)
{
  return c == ',' || c == ']' || c == '}' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == -1;
}

/**
 * crm_archive_scanner_skip_value:
 *
 * Moves past one value without reading it: json-glib checks it when it
 * parses the slice.
 */
gboolean
crm_archive_scanner_skip_value (CrmArchiveScanner  *scanner,
                                GError            **error)
{
  guint depth = 0;
  int c;

  skip_space (scanner);
  c = peek (scanner);
  if (c == -1)
    return crm_archive_scanner_broken (scanner, error);

  if (c == '"')
    return skip_string (scanner, error);

  if (c != '{' && c != '[')
    {
      /* A number, true, false or null runs to the next separator. */
      while (!is_separator (peek (scanner)))
        advance (scanner);
      return c != ',' && c != ']' && c != '}' ? TRUE : crm_archive_scanner_broken (scanner, error);
    }

  while ((c = peek (scanner)) != -1)
    {
      if (c == '"')
        {
          if (!skip_string (scanner, error))
            return FALSE;
          continue;
        }

      advance (scanner);
      if (c == '{' || c == '[')
        {
          if (++depth > MAX_DEPTH)
            return too_deep (error);
        }
      else if ((c == '}' || c == ']') && --depth == 0)
        return TRUE;
    }

  return crm_archive_scanner_broken (scanner, error);
}

static gboolean
too_large (const char  *item,
           GError     **error)
{
  g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_SYNTAX,
               _("This file is not a Clientele archive: %s is longer than %u MB."),
               item, (guint) (MAX_ITEM / (1024 * 1024)));
  return FALSE;
}

/**
 * crm_archive_scanner_read_value:
 * @item: names the value in messages ("purchases[12]")
 *
 * The next value, parsed by json-glib.
 *
 * Returns: (transfer full): the value, or %NULL with @error set
 */
JsonNode *
crm_archive_scanner_read_value (CrmArchiveScanner  *scanner,
                                JsonParser         *parser,
                                const char         *item,
                                GError            **error)
{
  g_autoptr(GError) parse_error = NULL;
  JsonNode *root;
  gboolean skipped;
  guint line;

  skip_space (scanner);
  line = scanner->line;
  g_string_truncate (scanner->capture, 0);
  scanner->capturing = TRUE;
  scanner->capture_from = scanner->pos;

  skipped = crm_archive_scanner_skip_value (scanner, error);

  scanner->capturing = FALSE;
  if (scanner->too_large)
    {
      g_clear_error (error);
      too_large (item, error);
      return NULL;
    }
  if (!skipped)
    return NULL;

  g_string_append_len (scanner->capture, (const char *) scanner->buffer + scanner->capture_from,
                       (gssize) (scanner->pos - scanner->capture_from));

  if (!json_parser_load_from_data (parser, scanner->capture->str, (gssize) scanner->capture->len,
                                   &parse_error))
    {
      /* json-glib quotes the text around the mistake, cut anywhere. */
      g_autofree char *raw = g_strdup_printf ("%s (line %u): %s", item, line, parse_error->message);
      g_autofree char *where = g_utf8_make_valid (raw, -1);

      g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_SYNTAX,
                   _("This file is not a Clientele archive: %s"), where);
      return NULL;
    }

  /* Text json-glib skips whole (a comment) leaves no value at all. */
  root = json_parser_steal_root (parser);
  if (root == NULL)
    g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_SYNTAX,
                 _("This file is not a Clientele archive: the JSON text is broken near line %u."), line);

  return root;
}

/* Where the next value starts. */
void
crm_archive_scanner_tell (CrmArchiveScanner  *scanner,
                          CrmArchivePosition *position)
{
  skip_space (scanner);
  position->offset = scanner->offset + (goffset) scanner->pos;
  position->line = scanner->line;
}

gboolean
crm_archive_scanner_seek (CrmArchiveScanner         *scanner,
                          const CrmArchivePosition  *position,
                          GError                   **error)
{
  /* Still in the buffer: the usual case for a small file. */
  if (position->offset >= scanner->offset && position->offset <= scanner->offset + (goffset) scanner->length &&
      scanner->stopped == NULL)
    {
      scanner->pos = (gsize) (position->offset - scanner->offset);
      scanner->line = position->line;
      return TRUE;
    }

  if (!g_seekable_seek (G_SEEKABLE (scanner->stream), position->offset, G_SEEK_SET,
                        scanner->cancellable, error))
    return FALSE;

  /* Positions are at the start of a value, so never inside a character. */
  scanner->offset = position->offset;
  scanner->pos = scanner->length = 0;
  scanner->line = position->line;
  scanner->eof = FALSE;
  scanner->n_tail = 0;
  g_clear_error (&scanner->stopped);
  return TRUE;
}
