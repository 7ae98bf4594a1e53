/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Reading bytes that are not UTF-8. Excel saves "CSV" in the PC's ANSI
 * code page (windows-1251 on a Russian Windows, windows-1252 on a Western
 * one), old phones write Shift_JIS or windows-1251 into a vCard. The
 * guess looks only at the stretches that are not UTF-8 and picks the
 * character set that turns them into words of one script: Cyrillic read
 * as windows-1252 gives runs of accented capitals ("Íèíî"), German read
 * as windows-1251 mixes alphabets in one word ("Mьller"), Japanese read
 * as either gives punctuation soup. */

#define G_LOG_DOMAIN "crm-charset"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-charset.h"

/* Enough text to tell the scripts apart. */
#define SAMPLE_BYTES (64 * 1024)
#define CONTEXT_BYTES 64

static const char *const candidates[] = { "WINDOWS-1251", "WINDOWS-1252", "SHIFT_JIS" };

/* ASCII that is not part of a word. */
static gboolean
is_break (char c)
{
  return (guchar) c < 0x80 && !g_ascii_isalnum (c);
}

/* The words around every byte that is not UTF-8. */
static GString *
invalid_sample (const char *data,
                gsize       length)
{
  GString *sample = g_string_new (NULL);
  const char *p = data;
  const char *end = data + length;

  while (p < end && sample->len < SAMPLE_BYTES)
    {
      const char *bad = NULL;
      const char *from, *to;

      if (g_utf8_validate_len (p, (gsize) (end - p), &bad))
        break;

      for (from = bad; from > p && bad - from < CONTEXT_BYTES && !is_break (from[-1]); from--)
        ;
      for (to = bad + 1; to < end && to - bad < 4 * CONTEXT_BYTES && !is_break (*to); to++)
        ;

      g_string_append_len (sample, from, to - from);
      g_string_append_c (sample, ' ');
      p = to;
    }

  return sample;
}

typedef enum
{
  SCRIPT_NONE,
  SCRIPT_LATIN,
  SCRIPT_CYRILLIC,
  SCRIPT_JAPANESE,
  SCRIPT_OTHER,
} Script;

static Script
script_of (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_LATIN:
      return SCRIPT_LATIN;
    case G_UNICODE_SCRIPT_CYRILLIC:
      return SCRIPT_CYRILLIC;
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
      return SCRIPT_JAPANESE;
    case G_UNICODE_SCRIPT_COMMON:
    case G_UNICODE_SCRIPT_INHERITED:
      return SCRIPT_NONE;
    default:
      return SCRIPT_OTHER;
    }
}

/* How much the decoded sample reads like text: a point for each
 * character of a word in one script, a loss for words that mix scripts,
 * for accented-only Latin words and for symbols where letters should be. */
static gint64
plausibility (const char *text)
{
  gint64 score = 0;
  Script word_script = SCRIPT_NONE;
  gboolean mixed = FALSE;
  guint ascii_letters = 0, other_letters = 0;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean letter = c != 0 && (g_unichar_isalpha (c) || g_unichar_ismark (c));

      if (letter)
        {
          Script script = script_of (c);

          if (c < 0x80)
            ascii_letters++;
          else
            other_letters++;
          if (script != SCRIPT_NONE)
            {
              if (word_script != SCRIPT_NONE && word_script != script)
                mixed = TRUE;
              word_script = script;
            }
          continue;
        }

      /* The end of a word. */
      if (other_letters > 0)
        {
          if (mixed || word_script == SCRIPT_OTHER)
            score -= 2 * (gint64) (ascii_letters + other_letters);
          else if (word_script == SCRIPT_LATIN && ascii_letters == 0 && other_letters >= 3)
            score -= other_letters;
          else
            score += other_letters;
        }
      word_script = SCRIPT_NONE;
      mixed = FALSE;
      ascii_letters = other_letters = 0;

      if (c == 0)
        break;
      /* Symbols or controls beyond ASCII, where a letter was written. */
      if (c >= 0x80 && !g_unichar_isspace (c))
        score -= 2;
    }

  return score;
}

/**
 * crm_charset_guess:
 *
 * The 8-bit character set the parts of @data that are not UTF-8 are
 * most likely in: windows-1251, windows-1252 or Shift_JIS.
 *
 * Returns: (nullable): an iconv name, or %NULL when @data is UTF-8 or
 *   none of them reads it
 */
const char *
crm_charset_guess (const char *data,
                   gsize       length)
{
  g_autoptr(GString) sample = NULL;
  const char *best = NULL;
  gint64 best_score = G_MININT64;

  if (data == NULL || g_utf8_validate_len (data, length, NULL))
    return NULL;

  sample = invalid_sample (data, length);
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autofree char *text = g_convert (sample->str, (gssize) sample->len, "UTF-8", candidates[i],
                                         NULL, NULL, NULL);
      gint64 score;

      if (text == NULL)
        continue;
      score = plausibility (text);
      if (score > best_score)
        {
          best = candidates[i];
          best_score = score;
        }
    }

  return best;
}

/**
 * crm_charset_describe:
 *
 * Returns: the character set as a shop owner knows it, for messages
 */
const char *
crm_charset_describe (const char *charset)
{
  if (g_ascii_strcasecmp (charset, "WINDOWS-1251") == 0)
    return _("Cyrillic (windows-1251)");
  if (g_ascii_strcasecmp (charset, "WINDOWS-1252") == 0)
    return _("Western European (windows-1252)");
  if (g_ascii_strcasecmp (charset, "SHIFT_JIS") == 0)
    return _("Japanese (Shift_JIS)");
  if (g_ascii_strncasecmp (charset, "UTF-16", 6) == 0)
    return _("Unicode (UTF-16)");

  return charset;
}

/* Decoding */

struct _CrmCharsetDecoder
{
  GIConv iconv;
};

/**
 * crm_charset_decoder_new:
 *
 * Returns: (transfer full) (nullable): a decoder from @charset to UTF-8,
 *   or %NULL when the system does not know @charset
 */
CrmCharsetDecoder *
crm_charset_decoder_new (const char *charset)
{
  CrmCharsetDecoder *decoder;
  GIConv iconv;

  /* Names come from files: keep them plausible. */
  if (charset == NULL || charset[0] == '\0' || strlen (charset) > 40 ||
      !g_utf8_validate (charset, -1, NULL))
    return NULL;

  iconv = g_iconv_open ("UTF-8", charset);
  if (iconv == (GIConv) -1)
    return NULL;

  decoder = g_new0 (CrmCharsetDecoder, 1);
  decoder->iconv = iconv;
  return decoder;
}

void
crm_charset_decoder_free (CrmCharsetDecoder *decoder)
{
  if (decoder == NULL)
    return;

  g_iconv_close (decoder->iconv);
  g_free (decoder);
}

/**
 * crm_charset_decode:
 *
 * Returns: (transfer full) (nullable): @data as UTF-8 without NUL bytes,
 *   or %NULL when it is not text in the decoder's character set
 */
char *
crm_charset_decode (CrmCharsetDecoder *decoder,
                    const char        *data,
                    gsize              length)
{
  g_autofree char *text = NULL;
  gsize written = 0;

  if (decoder == NULL)
    return NULL;

  /* Clear any state a failed call left behind. */
  g_iconv (decoder->iconv, NULL, NULL, NULL, NULL);
  text = g_convert_with_iconv (data, (gssize) length, decoder->iconv, NULL, &written, NULL);
  if (text == NULL || memchr (text, '\0', written) != NULL || !g_utf8_validate_len (text, written, NULL))
    return NULL;

  return g_steal_pointer (&text);
}
