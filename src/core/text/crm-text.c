/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Text as it is stored and matched: what comes in is cleaned, what is
 * searched is folded; and which language the interface speaks. */

#define G_LOG_DOMAIN "crm-text"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-text.h"
#include "crm-text-private.h"

G_DEFINE_QUARK (crm-text-error-quark, crm_text_error)

#define MTAVRULI_FIRST 0x1C90
#define MTAVRULI_LAST  0x1CBF
#define MKHEDRULI_FIRST 0x10D0

/**
 * crm_text_fold:
 * @text: UTF-8 text (invalid UTF-8 folds to "")
 *
 * The form used to match what someone types against what is stored:
 * compatibility-decomposed (so Armenian "և" matches "եւ"), accents and
 * invisible format marks dropped, lower case, Georgian Mtavruli written as
 * Mkhedruli, runs of white space as one space.
 *
 * Returns: (transfer full): the folded text
 */
char *
crm_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  GString *out;
  gboolean space = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (g_unichar_type (c))
        {
        case G_UNICODE_NON_SPACING_MARK:
        case G_UNICODE_ENCLOSING_MARK:
        case G_UNICODE_FORMAT:
          continue;
        default:
          break;
        }

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }

      if (space)
        {
          g_string_append_c (out, ' ');
          space = FALSE;
        }

      if (c >= MTAVRULI_FIRST && c <= MTAVRULI_LAST)
        c = c - MTAVRULI_FIRST + MKHEDRULI_FIRST;
      else
        c = g_unichar_tolower (c);

      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/**
 * crm_text_clean:
 * @text: text from a person or a file
 * @max_chars: the most characters to keep, 0 for no limit
 *
 * Makes text safe to store: invalid UTF-8 becomes U+FFFD, control
 * characters other than newline and tab are dropped, surrounding white
 * space is trimmed, and the text is cut at @max_chars.
 *
 * Returns: (transfer full): the cleaned text
 */
char *
crm_text_clean (const char *text,
                gsize       max_chars)
{
  g_autofree char *valid = NULL;
  GString *out;
  gsize n = 0;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0' && (max_chars == 0 || n < max_chars); p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) && c != '\n' && c != '\t')
        continue;
      g_string_append_unichar (out, c);
      n++;
    }

  return g_strstrip (g_string_free (out, FALSE));
}

/**
 * crm_text_ui_language:
 *
 * The language the interface speaks, from the same environment gettext
 * reads (LANGUAGE, LC_ALL, LC_MESSAGES, LANG).
 *
 * Returns: "ka", "hy" or "en"
 */
const char *
crm_text_ui_language (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "ka"))
        return "ka";
      if (g_str_has_prefix (names[i], "hy"))
        return "hy";
      if (g_str_has_prefix (names[i], "en") || g_str_equal (names[i], "C"))
        break;
    }

  return "en";
}

/**
 * crm_text_language_index:
 * @language: "en", "ka" or "hy"; anything else reads as English
 *
 * Returns: 0 for English, 1 for Georgian, 2 for Armenian: the row of
 *   tables kept per language
 */
guint
crm_text_language_index (const char *language)
{
  if (g_strcmp0 (language, "ka") == 0)
    return 1;
  if (g_strcmp0 (language, "hy") == 0)
    return 2;
  return 0;
}
