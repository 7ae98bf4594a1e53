/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-text"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-text.h"

G_DEFINE_QUARK (crm-text-error-quark, crm_text_error)

/* Country codes a shop here meets most: Georgia and Armenia first. A number
 * written with one of them matches the same number typed without it. */
static const char *const country_codes[] = { "995", "374", "7", "380", "90", "1", "44", "49" };

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
 * crm_text_phone_key:
 * @phone: a phone number as written: "+995 555 12-34-56", "(010) 12 34 56"
 *
 * The digits that identify the line, for matching and duplicate checks:
 * punctuation and spaces go, and so do an international prefix ("+", "00")
 * with a known country code and a leading trunk "0". Both "+374 10 123456"
 * and "010 123456" become "10123456".
 *
 * Returns: (transfer full): the key, "" when @phone has no digits
 */
char *
crm_text_phone_key (const char *phone)
{
  GString *digits;
  const char *d;
  gboolean international = FALSE;
  gboolean seen_digit = FALSE;

  if (phone == NULL || !g_utf8_validate (phone, -1, NULL))
    return g_strdup ("");

  digits = g_string_new (NULL);
  for (const char *p = phone; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int value = g_unichar_digit_value (c);

      if (c == '+' && !seen_digit)
        international = TRUE;
      if (value >= 0)
        {
          g_string_append_c (digits, (char) ('0' + value));
          seen_digit = TRUE;
        }
    }

  d = digits->str;
  if (g_str_has_prefix (d, "00"))
    {
      d += 2;
      international = TRUE;
    }

  /* Without a "+" a long number that starts with our own codes is
   * still international: people type 995555123456. */
  for (guint i = 0; i < G_N_ELEMENTS (country_codes); i++)
    {
      gsize len = strlen (country_codes[i]);
      gboolean ours = i < 2;

      if (g_str_has_prefix (d, country_codes[i]) &&
          (international || (ours && strlen (d) >= len + 8)))
        {
          d += len;
          break;
        }
    }

  while (*d == '0')
    d++;

  {
    char *key = g_strdup (d);

    g_string_free (digits, TRUE);
    return key;
  }
}

/**
 * crm_text_check_phone:
 *
 * An empty number is fine (unknown). Otherwise it may hold digits, spaces
 * and + - ( ) . / and must have 6 to 15 digits (E.164 allows 15).
 *
 * Returns: %TRUE when @phone can be stored; else @error says why, for the person
 */
gboolean
crm_text_check_phone (const char  *phone,
                      GError     **error)
{
  guint n_digits = 0;

  if (phone == NULL || phone[0] == '\0')
    return TRUE;

  if (!g_utf8_validate (phone, -1, NULL))
    {
      g_set_error_literal (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID,
                           _("The phone number contains unreadable characters."));
      return FALSE;
    }

  for (const char *p = phone; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_digit_value (c) >= 0)
        n_digits++;
      else if (!g_unichar_isspace (c) && strchr ("+-()./", (int) c) == NULL)
        {
          char letter[8] = { 0 };

          g_unichar_to_utf8 (c, letter);
          g_set_error (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID,
                       _("A phone number can only have digits, spaces and + - ( ); remove “%s”."),
                       letter);
          return FALSE;
        }
    }

  if (n_digits < 6 || n_digits > 15)
    {
      g_set_error (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID,
                   ngettext ("A phone number has 6 to 15 digits; this one has %u digit.",
                             "A phone number has 6 to 15 digits; this one has %u digits.",
                             n_digits),
                   n_digits);
      return FALSE;
    }

  return TRUE;
}

/**
 * crm_text_check_email:
 *
 * An empty address is fine. Otherwise: something before one "@", a domain
 * with a dot after it, no spaces. Deliberately loose: a real address must
 * never be refused.
 */
gboolean
crm_text_check_email (const char  *email,
                      GError     **error)
{
  const char *at;
  const char *dot;

  if (email == NULL || email[0] == '\0')
    return TRUE;

  at = strchr (email, '@');
  dot = at ? strrchr (at, '.') : NULL;

  if (!g_utf8_validate (email, -1, NULL) ||
      strpbrk (email, " \t\r\n<>,;") != NULL ||
      at == NULL || at == email || strchr (at + 1, '@') != NULL ||
      dot == NULL || dot == at + 1 || dot[1] == '\0')
    {
      g_set_error_literal (error, CRM_TEXT_ERROR, CRM_TEXT_ERROR_INVALID,
                           _("An e-mail address looks like name@example.com."));
      return FALSE;
    }

  return TRUE;
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

/* Month and weekday names are locale data, kept here so that dates read
 * right in Georgian and Armenian on a system without those glibc locales
 * (see docs/i18n.md). Abbreviations follow what people write by hand. */
static const char *const month_abbrev[][12] = {
  { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" },
  { "იან", "თებ", "მარ", "აპრ", "მაი", "ივნ", "ივლ", "აგვ", "სექ", "ოქტ", "ნოე", "დეკ" },
  { "հնվ", "փտվ", "մրտ", "ապր", "մյս", "հնս", "հլս", "օգս", "սեպ", "հոկ", "նոյ", "դեկ" },
};

/* Monday first, as g_date_time_get_day_of_week() counts. */
static const char *const weekday_abbrev[][7] = {
  { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" },
  { "ორშ", "სამ", "ოთხ", "ხუთ", "პარ", "შაბ", "კვი" },
  { "երկ", "երք", "չրք", "հնգ", "ուր", "շբթ", "կիր" },
};

static guint
language_index (const char *language)
{
  if (g_strcmp0 (language, "ka") == 0)
    return 1;
  if (g_strcmp0 (language, "hy") == 0)
    return 2;
  return 0;
}

/**
 * crm_text_month_abbrev:
 * @month: 1 to 12
 * @language: "en", "ka" or "hy"; anything else reads as English
 *
 * Returns: the short name of @month, or "" out of range
 */
const char *
crm_text_month_abbrev (guint       month,
                       const char *language)
{
  if (month < 1 || month > 12)
    return "";

  return month_abbrev[language_index (language)][month - 1];
}

/**
 * crm_text_format_date_in:
 * @unix_time: seconds since the epoch
 * @with_time: add the weekday and the time of day
 * @language: "en", "ka" or "hy"
 *
 * A local date as people of @language write it, month by name:
 * "31 May 2026", "31 მაი. 2026", "31 մյս, 2026 թ."; with the time,
 * "Sun 31 May 2026, 14:30", "კვი, 31 მაი. 2026, 14:30",
 * "կիր, 31 մյս, 2026 թ., 14:30". No system locale is needed.
 */
char *
crm_text_format_date_in (gint64      unix_time,
                         gboolean    with_time,
                         const char *language)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *date = NULL;
  guint lang = language_index (language);
  const char *month, *weekday;
  int day, year;

  if (utc == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (utc);
  day = g_date_time_get_day_of_month (local);
  year = g_date_time_get_year (local);
  month = month_abbrev[lang][g_date_time_get_month (local) - 1];
  weekday = weekday_abbrev[lang][g_date_time_get_day_of_week (local) - 1];

  switch (lang)
    {
    case 1:
      date = g_strdup_printf ("%d %s. %d", day, month, year);
      break;
    case 2:
      date = g_strdup_printf ("%d %s, %d թ.", day, month, year);
      break;
    default:
      date = g_strdup_printf ("%d %s %d", day, month, year);
      break;
    }

  if (!with_time)
    return g_steal_pointer (&date);

  return g_strdup_printf (lang == 0 ? "%s %s, %02d:%02d" : "%s, %s, %02d:%02d",
                          weekday, date,
                          g_date_time_get_hour (local), g_date_time_get_minute (local));
}

/**
 * crm_text_format_date:
 *
 * crm_text_format_date_in() in the interface language.
 */
char *
crm_text_format_date (gint64   unix_time,
                      gboolean with_time)
{
  return crm_text_format_date_in (unix_time, with_time, crm_text_ui_language ());
}

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

  own = language_index (language) == 1 ? G_UNICODE_SCRIPT_GEORGIAN
        : language_index (language) == 2 ? G_UNICODE_SCRIPT_ARMENIAN
        : G_UNICODE_SCRIPT_LATIN;
  ra = script_rank (ca, own);
  rb = script_rank (cb, own);
  if (ra != rb)
    return ra < rb ? -1 : 1;

  return ca < cb ? -1 : ca > cb ? 1 : 0;
}
