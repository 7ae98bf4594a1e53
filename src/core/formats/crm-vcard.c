/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Reads the contact files phones write: vCard 2.1 (older Android, with
 * QUOTED-PRINTABLE and CHARSET= parameters and soft line breaks), 3.0
 * (iPhone, with "item1." groups and TYPE= lists) and 4.0. Only what a shop
 * keeps is decoded; photos and the rest are read past. A value that is
 * not UTF-8 costs that value at most: it is read in its CHARSET, else in
 * the file's likely 8-bit character set, else its bad bytes are replaced
 * and the card says so. */

#define G_LOG_DOMAIN "crm-vcard"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-charset.h"
#include "crm-import.h"
#include "crm-vcard.h"

/* Phone numbers and e-mails kept per card; more is someone's address book
 * of a company switchboard, not a customer. */
#define MAX_VALUES_PER_CARD 50

typedef struct
{
  const char *data;
  gsize       length;
  gsize       pos;
  guint       line;    /* physical lines read so far */

  /* The character set of the values that are neither UTF-8 nor in their
   * CHARSET, and, on the first pass, those values' bytes to guess it. */
  CrmCharsetDecoder *fallback;
  const char        *fallback_name;
  GString           *undecoded;

  /* The card being read has an ADR: its LABELs repeat it. */
  gboolean           has_adr;

  /* The last CHARSET= seen, opened. */
  char              *charset;
  CrmCharsetDecoder *charset_decoder;
} Parser;

/* One property, split but not yet decoded. */
typedef struct
{
  char      *name;      /* upper case, group removed */
  GPtrArray *types;     /* lower case TYPE values and bare 2.1 parameters */
  char      *encoding;  /* lower case */
  char      *charset;
  gboolean   preferred;
  char      *value;     /* raw, after unfolding */
} Property;

static void
phone_free (gpointer data)
{
  CrmVCardPhone *phone = data;

  g_free (phone->value);
  g_free (phone);
}

static CrmVCard *
card_new (guint number,
          guint line)
{
  CrmVCard *card = g_new0 (CrmVCard, 1);

  card->number = number;
  card->line = line;
  card->phones = g_ptr_array_new_with_free_func (phone_free);
  card->emails = g_ptr_array_new_with_free_func (g_free);
  card->addresses = g_ptr_array_new_with_free_func (g_free);
  card->categories = g_ptr_array_new_with_free_func (g_free);
  card->remarks = g_ptr_array_new_with_free_func (g_free);
  return card;
}

void
crm_vcard_free (CrmVCard *card)
{
  if (card == NULL)
    return;

  g_free (card->version);
  g_free (card->full_name);
  g_free (card->family_name);
  g_free (card->given_name);
  g_free (card->middle_name);
  g_free (card->prefix);
  g_free (card->suffix);
  g_free (card->organization);
  g_ptr_array_unref (card->phones);
  g_ptr_array_unref (card->emails);
  g_ptr_array_unref (card->addresses);
  g_free (card->birthday);
  g_free (card->note);
  g_ptr_array_unref (card->categories);
  g_ptr_array_unref (card->remarks);
  g_free (card);
}

static void
property_clear (Property *property)
{
  g_free (property->name);
  g_clear_pointer (&property->types, g_ptr_array_unref);
  g_free (property->encoding);
  g_free (property->charset);
  g_free (property->value);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Property, property_clear)

/* "Card 3 (“Nino Beridze”)", for messages. */
static char *
card_label (const CrmVCard *card)
{
  const char *name = card->full_name;

  if ((name == NULL || name[0] == '\0') && card->given_name != NULL)
    name = card->given_name;
  if (name != NULL && name[0] != '\0')
    return g_strdup_printf (_("Card %u (“%s”)"), card->number, name);

  return g_strdup_printf (_("Card %u"), card->number);
}

/* The next physical line, without its end; FALSE at the end of the data. */
static gboolean
next_physical (Parser      *p,
               const char **start,
               gsize       *length)
{
  gsize end;

  if (p->pos >= p->length)
    return FALSE;

  for (end = p->pos; end < p->length && p->data[end] != '\n' && p->data[end] != '\r'; end++)
    ;

  *start = p->data + p->pos;
  *length = end - p->pos;
  p->line++;

  if (end < p->length && p->data[end] == '\r')
    {
      end++;
      if (end < p->length && p->data[end] == '\n')
        end++;
    }
  else if (end < p->length && p->data[end] == '\n')
    end++;
  p->pos = end;
  return TRUE;
}

static gboolean
peek_starts_with_space (Parser *p)
{
  return p->pos < p->length && (p->data[p->pos] == ' ' || p->data[p->pos] == '\t');
}

/* Where the property's name and parameters end: the first colon outside
 * double quotes. */
static const char *
find_value_colon (const char *line)
{
  gboolean quoted = FALSE;

  for (const char *p = line; *p != '\0'; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == ':' && !quoted)
        return p;
    }

  return NULL;
}

static gboolean
is_quoted_printable (const char *line)
{
  const char *colon = find_value_colon (line);
  g_autofree char *head = g_ascii_strup (line, colon ? colon - line : (gssize) strlen (line));

  return strstr (head, "QUOTED-PRINTABLE") != NULL;
}

/* One logical line: folded lines (a space or tab at the start of the next)
 * are joined, and so are quoted-printable soft line breaks (a "=" at the
 * end). Returns FALSE at the end of the data or on error. */
static gboolean
next_logical (Parser   *p,
              GString  *out,
              guint    *first_line,
              GError  **error)
{
  const char *start;
  gsize length;
  gboolean quoted_printable;

  g_string_truncate (out, 0);
  if (!next_physical (p, &start, &length))
    return FALSE;

  *first_line = p->line;
  g_string_append_len (out, start, (gssize) length);
  quoted_printable = is_quoted_printable (out->str);

  for (;;)
    {
      if (quoted_printable && out->len > 0 && out->str[out->len - 1] == '=' && p->pos < p->length)
        {
          g_string_truncate (out, out->len - 1);
          next_physical (p, &start, &length);
          /* Some phones also fold the continuation with a space. */
          if (length > 0 && (start[0] == ' ' || start[0] == '\t') && length > 1 && start[1] == '=')
            {
              start++;
              length--;
            }
        }
      else if (peek_starts_with_space (p))
        {
          next_physical (p, &start, &length);
          start++;
          length--;
        }
      else
        break;

      g_string_append_len (out, start, (gssize) length);
      if (out->len > CRM_VCARD_MAX_LINE_BYTES)
        {
          g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_TOO_LARGE,
                       _("Line %u of the file is longer than %u MB."),
                       *first_line, CRM_VCARD_MAX_LINE_BYTES / (1024 * 1024));
          return FALSE;
        }
    }

  return TRUE;
}

/* Splits @text at @separator outside double quotes. */
static GPtrArray *
split_unquoted (const char *text,
                gsize       length,
                char        separator)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  gboolean quoted = FALSE;
  gsize start = 0;

  for (gsize i = 0; i <= length; i++)
    {
      if (i < length && text[i] == '"')
        quoted = !quoted;
      else if (i == length || (text[i] == separator && !quoted))
        {
          g_ptr_array_add (parts, g_strndup (text + start, i - start));
          start = i + 1;
        }
    }

  return parts;
}

static char *
strip_quotes (const char *text)
{
  gsize length = strlen (text);

  if (length >= 2 && text[0] == '"' && text[length - 1] == '"')
    return g_strndup (text + 1, length - 2);

  return g_strdup (text);
}

static gboolean
parse_property (const char *line,
                Property   *property)
{
  const char *colon = find_value_colon (line);
  g_autoptr(GPtrArray) parts = NULL;
  const char *name;
  const char *dot;

  if (colon == NULL)
    return FALSE;

  parts = split_unquoted (line, (gsize) (colon - line), ';');
  name = g_ptr_array_index (parts, 0);
  /* iPhone groups properties: "item1.TEL". */
  dot = strrchr (name, '.');
  property->name = g_ascii_strup (dot ? dot + 1 : name, -1);
  g_strstrip (property->name);
  property->types = g_ptr_array_new_with_free_func (g_free);
  property->value = g_strdup (colon + 1);

  for (guint i = 1; i < parts->len; i++)
    {
      const char *param = g_ptr_array_index (parts, i);
      const char *equals = strchr (param, '=');
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      if (equals == NULL)
        {
          /* vCard 2.1 writes bare types and encodings: TEL;CELL;PREF */
          key = g_strdup ("TYPE");
          value = g_strdup (param);
          if (g_ascii_strcasecmp (param, "QUOTED-PRINTABLE") == 0 ||
              g_ascii_strcasecmp (param, "BASE64") == 0)
            {
              g_free (key);
              key = g_strdup ("ENCODING");
            }
        }
      else
        {
          key = g_ascii_strup (param, equals - param);
          value = strip_quotes (equals + 1);
        }
      g_strstrip (key);
      g_strstrip (value);

      if (g_str_equal (key, "TYPE"))
        {
          g_auto(GStrv) types = g_strsplit (value, ",", -1);

          for (guint t = 0; types[t] != NULL; t++)
            {
              char *type = g_ascii_strdown (g_strstrip (types[t]), -1);

              if (g_str_equal (type, "pref"))
                property->preferred = TRUE;
              g_ptr_array_add (property->types, type);
            }
        }
      else if (g_str_equal (key, "ENCODING") && property->encoding == NULL)
        property->encoding = g_ascii_strdown (value, -1);
      else if (g_str_equal (key, "CHARSET") && property->charset == NULL)
        property->charset = g_strdup (value);
      else if (g_str_equal (key, "PREF"))
        property->preferred = TRUE;
    }

  return TRUE;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return -1;
}

static GString *
decode_quoted_printable (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      int high, low;

      if (*p == '=' && (high = hex_value (p[1])) >= 0 && (low = hex_value (p[2])) >= 0)
        {
          g_string_append_c (out, (char) (high * 16 + low));
          p += 2;
        }
      else
        g_string_append_c (out, *p);
    }

  return out;
}

static gboolean
is_utf8_charset (const char *charset)
{
  return charset == NULL || g_ascii_strcasecmp (charset, "UTF-8") == 0 ||
         g_ascii_strcasecmp (charset, "UTF8") == 0;
}

static CrmCharsetDecoder *
charset_decoder (Parser     *p,
                 const char *charset)
{
  if (g_strcmp0 (p->charset, charset) != 0)
    {
      g_free (p->charset);
      crm_charset_decoder_free (p->charset_decoder);
      p->charset = g_strdup (charset);
      p->charset_decoder = crm_charset_decoder_new (charset);
    }

  return p->charset_decoder;
}

static char *
shown_name (const Property *property)
{
  /* The name comes from the file: shown, it must be text. */
  return g_utf8_make_valid (property->name, -1);
}

/* The property's value as UTF-8, decoded from its encoding and character
 * set but with backslash escapes still in. Never fails: what cannot be
 * read is replaced, and the card says so. */
static char *
decode_value (Parser         *p,
              CrmVCard       *card,
              const Property *property)
{
  g_autoptr(GString) bytes = NULL;
  char *text;

  if (property->encoding != NULL && g_str_equal (property->encoding, "quoted-printable"))
    bytes = decode_quoted_printable (property->value);
  else if (property->encoding != NULL &&
           (g_str_equal (property->encoding, "b") || g_str_equal (property->encoding, "base64")))
    {
      gsize length = 0;
      guchar *decoded;
      g_autofree char *clean = g_strdup (property->value);

      g_strdelimit (clean, " \t", '\n');
      decoded = g_base64_decode (clean, &length);
      bytes = g_string_new_len ((const char *) decoded, (gssize) length);
      g_free (decoded);
    }
  else
    bytes = g_string_new (property->value);

  if (!is_utf8_charset (property->charset) &&
      (text = crm_charset_decode (charset_decoder (p, property->charset), bytes->str, bytes->len)) != NULL)
    return text;

  if (memchr (bytes->str, '\0', bytes->len) == NULL && g_utf8_validate_len (bytes->str, bytes->len, NULL))
    return g_string_free (g_steal_pointer (&bytes), FALSE);

  if (p->undecoded != NULL)
    {
      g_string_append_len (p->undecoded, bytes->str, (gssize) bytes->len);
      g_string_append_c (p->undecoded, '\n');
    }

  text = crm_charset_decode (p->fallback, bytes->str, bytes->len);
  if (text != NULL)
    {
      g_autofree char *name = shown_name (property);

      /* Translators: the first %s is a line of a contact card, "ORG"; the
       * second a character set, "Cyrillic (windows-1251)" */
      g_ptr_array_add (card->remarks, g_strdup_printf (_("The %s line is not UTF-8 and was read as %s."),
                                                       name, crm_charset_describe (p->fallback_name)));
      return text;
    }

  {
    g_autofree char *name = shown_name (property);

    /* Translators: %s is a line of a contact card, "ORG" */
    g_ptr_array_add (card->remarks,
                     g_strdup_printf (_("Some characters of the %s line could not be read and were "
                                        "replaced with “�”."),
                                      name));
  }
  for (gsize i = 0; i < bytes->len; i++)
    if (bytes->str[i] == '\0')
      bytes->str[i] = '?';
  return g_utf8_make_valid (bytes->str, (gssize) bytes->len);
}

/* vCard 2.1 has one escape, "\;" in structured values; its other
 * backslashes are text ("C:\Clients"). 3.0 and 4.0 escape "\n" (a line
 * break), "\,", "\;" and "\\". A backslash before anything else stays. */
static char *
unescape (const char *text,
          gsize       length,
          gboolean    v21)
{
  GString *out = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      char next = i + 1 < length ? text[i + 1] : '\0';

      if (text[i] != '\\' || next == '\0')
        g_string_append_c (out, text[i]);
      else if (v21 ? next == ';' : strchr (",;\\", next) != NULL)
        g_string_append_c (out, text[++i]);
      else if (!v21 && (next == 'n' || next == 'N'))
        {
          g_string_append_c (out, '\n');
          i++;
        }
      else
        g_string_append_c (out, text[i]);
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_v21 (const CrmVCard *card)
{
  return card->version != NULL && g_str_has_prefix (card->version, "2.");
}

static char *
unescape_value (const CrmVCard *card,
                const char     *value)
{
  return g_strstrip (unescape (value, strlen (value), is_v21 (card)));
}

/* Splits a structured value (N, ADR, ORG) at unescaped @separator and
 * unescapes each part. */
static GPtrArray *
split_structured (const CrmVCard *card,
                  const char     *value,
                  char            separator)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  gboolean v21 = is_v21 (card);
  gsize start = 0;
  gsize length = strlen (value);

  for (gsize i = 0; i <= length; i++)
    {
      /* In 2.1 only "\;" escapes: "\" before anything else is text. */
      if (i < length && value[i] == '\\' && (!v21 || (i + 1 < length && value[i + 1] == ';')))
        i++;
      else if (i >= length || value[i] == separator)
        {
          char *piece = unescape (value + start, MIN (i, length) - start, v21);

          g_ptr_array_add (parts, g_strstrip (piece));
          start = i + 1;
        }
    }

  return parts;
}

static const char *
part (GPtrArray *parts,
      guint      index)
{
  return index < parts->len ? g_ptr_array_index (parts, index) : "";
}

static gboolean
has_type (const Property *property,
          const char     *type)
{
  for (guint i = 0; i < property->types->len; i++)
    if (g_str_equal (g_ptr_array_index (property->types, i), type))
      return TRUE;

  return FALSE;
}

/* Street first, as people write an address on one line. */
static char *
join_address (GPtrArray *parts)
{
  static const guint order[] = { 2, 1, 0, 3, 4, 5, 6 };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *piece = g_strdup (part (parts, order[i]));

      g_strdelimit (piece, "\r\n", ' ');
      g_strstrip (piece);
      if (piece[0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, piece);
    }

  return g_string_free (out, FALSE);
}

static void
add_property (Parser          *p,
              CrmVCard        *card,
              const Property  *property)
{
  static const char *const used[] = {
    "VERSION", "FN", "N", "ORG", "TEL", "EMAIL", "ADR", "LABEL", "BDAY", "NOTE", "CATEGORIES", NULL
  };
  g_autofree char *value = NULL;
  const char *name = property->name;

  if (!g_strv_contains (used, name))
    return;

  value = decode_value (p, card, property);

  if (g_str_equal (name, "VERSION"))
    {
      g_free (card->version);
      card->version = g_strstrip (g_strdup (value));
    }
  else if (g_str_equal (name, "FN") && card->full_name == NULL)
    card->full_name = unescape_value (card, value);
  else if (g_str_equal (name, "N") && card->family_name == NULL)
    {
      g_autoptr(GPtrArray) parts = split_structured (card, value, ';');

      card->family_name = g_strdup (part (parts, 0));
      card->given_name = g_strdup (part (parts, 1));
      card->middle_name = g_strdup (part (parts, 2));
      card->prefix = g_strdup (part (parts, 3));
      card->suffix = g_strdup (part (parts, 4));
    }
  else if (g_str_equal (name, "ORG") && card->organization == NULL)
    {
      g_autoptr(GPtrArray) parts = split_structured (card, value, ';');
      GString *joined = g_string_new (NULL);

      for (guint i = 0; i < parts->len; i++)
        {
          if (part (parts, i)[0] == '\0')
            continue;
          if (joined->len > 0)
            g_string_append (joined, ", ");
          g_string_append (joined, part (parts, i));
        }
      card->organization = g_string_free (joined, FALSE);
    }
  else if (g_str_equal (name, "TEL") && card->phones->len < MAX_VALUES_PER_CARD)
    {
      g_autofree char *number = unescape_value (card, value);
      CrmVCardPhone *phone;
      const char *text = number;

      /* vCard 4.0 may write a URI: tel:+995-555-123456 */
      if (g_ascii_strncasecmp (text, "tel:", 4) == 0)
        text += 4;
      if (text[0] == '\0')
        return;

      phone = g_new0 (CrmVCardPhone, 1);
      phone->value = g_strdup (text);
      phone->mobile = has_type (property, "cell") || has_type (property, "mobile") ||
                      has_type (property, "iphone");
      phone->preferred = property->preferred;
      g_ptr_array_add (card->phones, phone);
    }
  else if (g_str_equal (name, "EMAIL") && card->emails->len < MAX_VALUES_PER_CARD)
    {
      char *email = unescape_value (card, value);

      if (g_ascii_strncasecmp (email, "mailto:", 7) == 0)
        memmove (email, email + 7, strlen (email + 7) + 1);
      if (email[0] == '\0')
        g_free (email);
      else if (property->preferred)
        g_ptr_array_insert (card->emails, 0, email);
      else
        g_ptr_array_add (card->emails, email);
    }
  else if (g_str_equal (name, "ADR") && card->addresses->len < MAX_VALUES_PER_CARD)
    {
      if (!p->has_adr)
        g_ptr_array_set_size (card->addresses, 0);
      p->has_adr = TRUE;
      g_autoptr(GPtrArray) parts = split_structured (card, value, ';');
      char *address = join_address (parts);

      if (address[0] == '\0')
        g_free (address);
      else if (property->preferred)
        g_ptr_array_insert (card->addresses, 0, address);
      else
        g_ptr_array_add (card->addresses, address);
    }
  /* A LABEL is an ADR formatted: only used in a card without ADR. */
  else if (g_str_equal (name, "LABEL") && !p->has_adr && card->addresses->len < MAX_VALUES_PER_CARD)
    {
      char *label = unescape_value (card, value);

      g_strdelimit (label, "\r\n", ' ');
      if (label[0] == '\0')
        g_free (label);
      else
        g_ptr_array_add (card->addresses, label);
    }
  else if (g_str_equal (name, "BDAY") && card->birthday == NULL)
    card->birthday = unescape_value (card, value);
  else if (g_str_equal (name, "NOTE"))
    {
      g_autofree char *note = unescape_value (card, value);

      if (note[0] != '\0')
        {
          char *joined = card->note ? g_strconcat (card->note, "\n", note, NULL) : g_strdup (note);

          g_free (card->note);
          card->note = joined;
        }
    }
  else if (g_str_equal (name, "CATEGORIES"))
    {
      g_autoptr(GPtrArray) parts = split_structured (card, value, ',');

      for (guint i = 0; i < parts->len && card->categories->len < MAX_VALUES_PER_CARD; i++)
        if (part (parts, i)[0] != '\0')
          g_ptr_array_add (card->categories, g_strdup (part (parts, i)));
    }
}

static gboolean
no_end_error (CrmVCard  *card,
              GError   **error)
{
  g_autofree char *label = card_label (card);

  g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_SYNTAX,
               _("%s has no END:VCARD line; the file may be cut short."), label);
  return FALSE;
}

static void
parser_clear (Parser *p)
{
  crm_charset_decoder_free (p->fallback);
  crm_charset_decoder_free (p->charset_decoder);
  g_free (p->charset);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Parser, parser_clear)

/* One pass over the cards, reading values that are neither UTF-8 nor in
 * their CHARSET as @fallback; @undecoded, when given, gets their bytes. */
static GPtrArray *
parse_cards (const char  *data,
             gsize        length,
             const char  *fallback,
             GString     *undecoded,
             GError     **error)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func ((GDestroyNotify) crm_vcard_free);
  g_autoptr(GString) line = g_string_sized_new (256);
  g_autoptr(CrmVCard) card = NULL;
  g_auto(Parser) p = { 0 };
  guint first_line = 0;
  gboolean seen_begin = FALSE;

  p.data = data;
  p.length = length;
  p.fallback_name = fallback;
  p.fallback = crm_charset_decoder_new (fallback);
  p.undecoded = undecoded;

  if (p.length >= 3 && memcmp (p.data, "\xEF\xBB\xBF", 3) == 0)
    p.pos = 3;

  for (;;)
    {
      g_auto(Property) property = { 0 };
      g_autoptr(GError) local_error = NULL;

      if (!next_logical (&p, line, &first_line, &local_error))
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          break;
        }

      if (line->len == 0 || !parse_property (line->str, &property))
        continue;

      if (g_str_equal (property.name, "BEGIN"))
        {
          g_strstrip (property.value);
          if (g_ascii_strcasecmp (property.value, "VCARD") != 0)
            continue;
          if (card != NULL)
            {
              no_end_error (card, error);
              return NULL;
            }
          if (cards->len >= CRM_VCARD_MAX_CARDS)
            {
              g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_TOO_LARGE,
                           _("The file has more than %u contacts. Split it into smaller files "
                             "and import them one after the other."),
                           CRM_VCARD_MAX_CARDS);
              return NULL;
            }
          card = card_new (cards->len + 1, first_line);
          p.has_adr = FALSE;
          seen_begin = TRUE;
        }
      else if (g_str_equal (property.name, "END"))
        {
          g_strstrip (property.value);
          if (card != NULL && g_ascii_strcasecmp (property.value, "VCARD") == 0)
            g_ptr_array_add (cards, g_steal_pointer (&card));
        }
      else if (card != NULL)
        add_property (&p, card, &property);
    }

  if (card != NULL)
    {
      no_end_error (card, error);
      return NULL;
    }

  if (!seen_begin)
    {
      g_set_error_literal (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_NO_DATA,
                           _("The file has no contacts: there is no BEGIN:VCARD line."));
      return NULL;
    }

  return g_steal_pointer (&cards);
}

/**
 * crm_vcard_parse:
 * @bytes: a .vcf file
 *
 * Reads every card. Values that are not UTF-8 are read in their CHARSET,
 * else in the character set the file's other such values are most likely
 * in, else their bad bytes are replaced; each card's remarks say which.
 * The file is refused only when it is not contacts: binary data, no
 * BEGIN:VCARD, a card without its end, a line over the limit.
 *
 * Returns: (transfer full) (element-type CrmVCard): the cards, or %NULL
 *   with @error naming the card that could not be read
 */
GPtrArray *
crm_vcard_parse (GBytes  *bytes,
                 GError **error)
{
  g_autoptr(GString) undecoded = g_string_new (NULL);
  g_autofree char *converted = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  const char *data;
  const char *guess;
  gsize length;

  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = "";

  /* Windows writes contacts in UTF-16 too. */
  if (length >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE) ||
                      ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      gsize written = 0;

      converted = g_convert (data + 2, (gssize) length - 2, "UTF-8",
                             (guchar) data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE", NULL, &written, NULL);
      if (converted != NULL)
        {
          data = converted;
          length = written;
        }
    }

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error_literal (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_ENCODING,
                           _("This file contains binary data: it is not a vCard text file."));
      return NULL;
    }

  cards = parse_cards (data, length, NULL, undecoded, error);
  if (cards == NULL || undecoded->len == 0)
    return g_steal_pointer (&cards);

  /* Some values were neither UTF-8 nor in their CHARSET: read them again
   * in the character set they most likely share. */
  guess = crm_charset_guess (undecoded->str, undecoded->len);
  if (guess == NULL)
    return g_steal_pointer (&cards);

  g_clear_pointer (&cards, g_ptr_array_unref);
  return parse_cards (data, length, guess, NULL, error);
}
