/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The order of names in a list, in the reader's alphabet. */

#define G_LOG_DOMAIN "crm-text"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-text.h"
#include "crm-text-private.h"

/* Where a letter's script comes in the name order for a reader of @own: digits
 * and signs first, then the language's own alphabet, then Latin, Cyrillic,
 * and the other of Georgian and Armenian. */
static int
script_rank (gunichar       c,
             GUnicodeScript own)
{
  GUnicodeScript script = g_unichar_get_script (c);

  if (script == G_UNICODE_SCRIPT_COMMON || script == G_UNICODE_SCRIPT_INHERITED)
    return 0;
  if (script == own)
    return 1;

  switch (script)
    {
    case G_UNICODE_SCRIPT_LATIN:
      return 2;
    case G_UNICODE_SCRIPT_CYRILLIC:
      return 3;
    case G_UNICODE_SCRIPT_GEORGIAN:
      return 4;
    case G_UNICODE_SCRIPT_ARMENIAN:
      return 5;
    default:
      return 6;
    }
}

/* The script of @language's own alphabet. */
static GUnicodeScript
own_script (const char *language)
{
  switch (crm_text_language_index (language))
    {
    case 1:
      return G_UNICODE_SCRIPT_GEORGIAN;
    case 2:
      return G_UNICODE_SCRIPT_ARMENIAN;
    default:
      return G_UNICODE_SCRIPT_LATIN;
    }
}

/**
 * crm_text_compare_names:
 * @a: a folded name (crm_text_fold()), @a_len bytes long
 * @b: another, @b_len bytes long
 * @language: "en", "ka" or "hy"
 *
 * Orders folded names for a list in @language. Georgian (ა ბ გ … ჰ) and
 * Armenian (ա բ գ … ֆ) letters sit in Unicode in their alphabet's order,
 * so within one script the code point decides; between scripts the
 * reader's own alphabet comes first, then Latin and Cyrillic, then the
 * rest. Only the first letter that differs matters, so this costs one
 * memcmp and two script lookups.
 */
int
crm_text_compare_names (const char *a,
                        gsize       a_len,
                        const char *b,
                        gsize       b_len,
                        const char *language)
{
  gsize n = MIN (a_len, b_len);
  gsize i = 0;
  GUnicodeScript own;
  gunichar ca, cb;
  int ra, rb;

  while (i < n && a[i] == b[i])
    i++;

  if (i == n)
    return a_len < b_len ? -1 : a_len > b_len ? 1 : 0;

  /* Back up to where the differing letter starts. */
  while (i > 0 && ((guchar) a[i] & 0xC0) == 0x80)
    i--;

  ca = g_utf8_get_char_validated (a + i, a_len - i);
  cb = g_utf8_get_char_validated (b + i, b_len - i);
  if (ca >= 0xFFFFFFFE || cb >= 0xFFFFFFFE)
    return memcmp (a + i, b + i, n - i) < 0 ? -1 : 1;

  own = own_script (language);
  ra = script_rank (ca, own);
  rb = script_rank (cb, own);
  if (ra != rb)
    return ra < rb ? -1 : 1;

  return ca < cb ? -1 : ca > cb ? 1 : 0;
}

/**
 * crm_text_name_key:
 * @folded: a folded name (crm_text_fold())
 * @language: "en", "ka" or "hy"
 *
 * A sort key whose byte order (memcmp, SQL's binary or "C" collation) is
 * crm_text_compare_names()' order for @language: before each letter, a
 * digit for its script's rank in that language. So names sort right on
 * a server that cannot call our comparison, and in an index.
 *
 * Returns: (transfer full): the key, valid UTF-8
 */
char *
crm_text_name_key (const char *folded,
                   const char *language)
{
  GString *key = g_string_sized_new (strlen (folded) * 2);
  GUnicodeScript own = own_script (language);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      /* Not UTF-8: the rest as it is, after every letter's rank. */
      if (c >= 0xFFFFFFFE)
        {
          g_string_append_c (key, '7');
          g_string_append (key, p);
          break;
        }

      g_string_append_c (key, (char) ('0' + script_rank (c, own)));
      g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}
