/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The shipped wording of each message in English, Georgian and Armenian,
 * and filling a text's placeholders. Filling is plain text in, plain
 * text out: nothing in a value is read as markup or as a placeholder.
 * The rule for what is missing is in docs/messages.md and
 * crm_message_fill(). */

#define G_LOG_DOMAIN "crm-messages"

#include "config.h"

#include <string.h>

#include "crm-message-template.h"

typedef struct
{
  const char *key;
  gboolean    marketing;
  /* English, Georgian, Armenian */
  const char *subject[3];
  const char *body[3];
} Template;

/* The product's voice: warm, short and polite (Georgian თქვენ, Armenian
 * Դուք). {shop} signs on a line of its own, so a shop without a name
 * loses only the signature; {points} and {reward} have sentences of their
 * own for the same reason. */
static const Template templates[CRM_MESSAGE_N_TEMPLATES] = {
  [CRM_MESSAGE_BIRTHDAY] = {
    "birthday", TRUE,
    { "Happy birthday, {name}!",
      "გილოცავთ დაბადების დღეს!",
      "Շնորհավոր ծննդյան օրը" },
    { "Dear {name}, happy birthday!\n"
      "We wish you health, joy and a wonderful year ahead.\n"
      "{shop}",
      "ძვირფასო {name}, გილოცავთ დაბადების დღეს!\n"
      "გისურვებთ ჯანმრთელობას, სიხარულს და წარმატებებით სავსე წელს.\n"
      "{shop}",
      "Հարգելի {name}, շնորհավորում ենք Ձեր ծննդյան օրը։\n"
      "Մաղթում ենք Ձեզ առողջություն, ուրախություն և հաջողություններով լի տարի։\n"
      "{shop}" },
  },
  [CRM_MESSAGE_MISS_YOU] = {
    "miss_you", TRUE,
    { "We miss you, {name}",
      "მოგვენატრეთ!",
      "Կարոտել ենք Ձեզ" },
    { "Dear {name}, we have missed you!\n"
      "It has been a while since your last visit, and we would be glad to see you again. "
      "You have {points} waiting for you.\n"
      "{shop}",
      "ძვირფასო {name}, მოგვენატრეთ!\n"
      "დიდი ხანია არ გვწვევიხართ და ძალიან გაგვიხარდება თქვენი ნახვა. "
      "თქვენ დაგროვებული გაქვთ {points}.\n"
      "{shop}",
      "Հարգելի {name}, կարոտել ենք Ձեզ։\n"
      "Վաղուց չեք այցելել մեզ, և մենք ուրախ կլինենք կրկին տեսնել Ձեզ։ "
      "Ձեր հաշվին կուտակված է {points}։\n"
      "{shop}" },
  },
  [CRM_MESSAGE_REWARD] = {
    "reward", FALSE,
    { "A reward is waiting for you",
      "საჩუქარი გელოდებათ",
      "Ձեզ սպասում է պարգև" },
    { "Dear {name}, you have earned a reward!\n"
      "You now have {points}. {reward} is waiting for you on your next visit.\n"
      "{shop}",
      "ძვირფასო {name}, თქვენ საჩუქარი დაიმსახურეთ!\n"
      "თქვენ დაგროვებული გაქვთ {points}. {reward} უკვე გელოდებათ შემდეგ ვიზიტზე.\n"
      "{shop}",
      "Հարգելի {name}, Դուք վաստակել եք պարգև։\n"
      "Ձեր հաշվին կուտակված է {points}։ Հաջորդ այցի ժամանակ Ձեզ սպասում է՝ {reward}։\n"
      "{shop}" },
  },
  [CRM_MESSAGE_ORDER] = {
    "order", FALSE,
    { "Your order has arrived",
      "თქვენი შეკვეთა ადგილზეა",
      "Ձեր պատվերը ժամանել է" },
    { "Dear {name}, your order has arrived and is ready for you.\n"
      "You can pick it up whenever it suits you.\n"
      "{shop}",
      "ძვირფასო {name}, თქვენი შეკვეთა უკვე ადგილზეა და გელოდებათ.\n"
      "შეგიძლიათ გაიტანოთ თქვენთვის მოსახერხებელ დროს.\n"
      "{shop}",
      "Հարգելի {name}, Ձեր պատվերը ժամանել է և սպասում է Ձեզ։\n"
      "Կարող եք այն վերցնել Ձեզ հարմար ցանկացած ժամի։\n"
      "{shop}" },
  },
};

/* Full month names as a date is written: "31 May", "31 მაისი" and the
 * Armenian genitive before the day, "մայիսի 31". */
static const char *const month_names[3][12] = {
  { "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December" },
  { "იანვარი", "თებერვალი", "მარტი", "აპრილი", "მაისი", "ივნისი", "ივლისი", "აგვისტო",
    "სექტემბერი", "ოქტომბერი", "ნოემბერი", "დეკემბერი" },
  { "հունվարի", "փետրվարի", "մարտի", "ապրիլի", "մայիսի", "հունիսի", "հուլիսի", "օգոստոսի",
    "սեպտեմբերի", "հոկտեմբերի", "նոյեմբերի", "դեկտեմբերի" },
};

static guint
language_index (const char *language)
{
  if (language != NULL && g_str_has_prefix (language, "ka"))
    return 1;
  if (language != NULL && g_str_has_prefix (language, "hy"))
    return 2;
  return 0;
}

/**
 * crm_message_language:
 * @language: a language or locale name ("ka", "hy_AM.UTF-8"), or %NULL
 *
 * Returns: "ka", "hy", or "en" for anything else
 */
const char *
crm_message_language (const char *language)
{
  static const char *const names[] = { "en", "ka", "hy" };

  return names[language_index (language)];
}

const char *
crm_message_template_key (CrmMessageTemplate template)
{
  g_return_val_if_fail (template < CRM_MESSAGE_N_TEMPLATES, NULL);

  return templates[template].key;
}

gboolean
crm_message_template_from_key (const char         *key,
                               CrmMessageTemplate *template)
{
  for (guint i = 0; key != NULL && i < CRM_MESSAGE_N_TEMPLATES; i++)
    if (g_str_equal (key, templates[i].key))
      {
        *template = (CrmMessageTemplate) i;
        return TRUE;
      }

  return FALSE;
}

/* Marketing messages go only to customers who agreed to them. */
gboolean
crm_message_template_is_marketing (CrmMessageTemplate template)
{
  g_return_val_if_fail (template < CRM_MESSAGE_N_TEMPLATES, TRUE);

  return templates[template].marketing;
}

const char *
crm_message_template_default_subject (CrmMessageTemplate  template,
                                      const char         *language)
{
  g_return_val_if_fail (template < CRM_MESSAGE_N_TEMPLATES, "");

  return templates[template].subject[language_index (language)];
}

const char *
crm_message_template_default_body (CrmMessageTemplate  template,
                                   const char         *language)
{
  g_return_val_if_fail (template < CRM_MESSAGE_N_TEMPLATES, "");

  return templates[template].body[language_index (language)];
}

/**
 * crm_message_format_points:
 *
 * Returns: (transfer full): "1 point", "120 points", "120 ქულა",
 *   "120 միավոր" (Georgian and Armenian count with the singular)
 */
char *
crm_message_format_points (gint64      points,
                           const char *language)
{
  switch (language_index (language))
    {
    case 1:
      return g_strdup_printf ("%" G_GINT64_FORMAT " ქულა", points);
    case 2:
      return g_strdup_printf ("%" G_GINT64_FORMAT " միավոր", points);
    default:
      return g_strdup_printf ("%" G_GINT64_FORMAT " %s", points, points == 1 ? "point" : "points");
    }
}

/**
 * crm_message_format_birthday:
 * @birthday: YYYY-MM-DD, or --MM-DD without a year
 *
 * Returns: (transfer full) (nullable): the day and month, "31 May",
 *   "31 მაისი", "մայիսի 31"; %NULL when @birthday is not a date
 */
char *
crm_message_format_birthday (const char *birthday,
                             const char *language)
{
  gsize length = birthday != NULL ? strlen (birthday) : 0;
  const char *md;
  guint month, day;
  guint lang = language_index (language);

  if (length != 10 && length != 7)
    return NULL;
  md = birthday + length - 5;
  if (!g_ascii_isdigit (md[0]) || !g_ascii_isdigit (md[1]) || md[2] != '-' ||
      !g_ascii_isdigit (md[3]) || !g_ascii_isdigit (md[4]) || birthday[length - 6] != '-')
    return NULL;

  month = (guint) ((md[0] - '0') * 10 + (md[1] - '0'));
  day = (guint) ((md[3] - '0') * 10 + (md[4] - '0'));
  /* 2000 is a leap year: 29 February stays a day. */
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, 2000))
    return NULL;

  if (lang == 2)
    return g_strdup_printf ("%s %u", month_names[lang][month - 1], day);
  return g_strdup_printf ("%u %s", day, month_names[lang][month - 1]);
}

/* A value as one line of plain text: line breaks and control characters
 * become spaces, so a value can neither add lines nor hide text. */
static void
append_value (GString    *out,
              const char *value)
{
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c))
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
}

/* The value of placeholder @name, NULL when it is missing; *@known says
 * whether @name is a placeholder at all. */
static char *
lookup (const CrmMessageValues *values,
        const char             *name,
        gsize                   length,
        const char             *language,
        gboolean               *known)
{
#define IS(word) (length == strlen (word) && strncmp (name, word, length) == 0)
  *known = TRUE;
  if (IS ("name"))
    return values->name != NULL && values->name[0] != '\0' ? g_strdup (values->name) : NULL;
  if (IS ("points"))
    return values->points > 0 ? crm_message_format_points (values->points, language) : NULL;
  if (IS ("reward"))
    return values->reward != NULL && values->reward[0] != '\0' ? g_strdup (values->reward) : NULL;
  if (IS ("shop"))
    return values->shop != NULL && values->shop[0] != '\0' ? g_strdup (values->shop) : NULL;
  if (IS ("birthday"))
    return crm_message_format_birthday (values->birthday, language);
#undef IS
  *known = FALSE;
  return NULL;
}

static gboolean
is_stop (gunichar c)
{
  /* U+0589 is the Armenian full stop, U+2026 the ellipsis. */
  return c == '.' || c == '!' || c == '?' || c == 0x0589 || c == 0x2026;
}

static gboolean
is_closing (gunichar c)
{
  return c == ')' || c == '"' || c == '\'' || c == 0x00BB || c == 0x201D || c == 0x2019 ||
         c == 0x201C;
}

/* The end of the sentence that starts at @p: after its stops, closing
 * quotes and the spaces that follow, when a space or the end follows
 * the stops ("3.5" and "shop.ge" do not end one); else the end of @p. */
static const char *
sentence_end (const char *p)
{
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *q;

      p = g_utf8_next_char (p);
      if (!is_stop (c))
        continue;

      q = p;
      while (*q != '\0' && (is_stop (g_utf8_get_char (q)) || is_closing (g_utf8_get_char (q))))
        q = g_utf8_next_char (q);
      if (*q != '\0' && *q != ' ' && *q != '\t')
        continue;
      while (*q == ' ' || *q == '\t')
        q++;
      return q;
    }

  return p;
}

/* One sentence filled into @out; FALSE (and @out as it was) when one of
 * its placeholders has no value. */
static gboolean
fill_sentence (GString                *out,
               const char             *start,
               const char             *end,
               const CrmMessageValues *values,
               const char             *language)
{
  gsize was = out->len;

  for (const char *p = start; p < end;)
    {
      const char *close = p[0] == '{' ? memchr (p, '}', (gsize) (end - p)) : NULL;
      g_autofree char *value = NULL;
      gboolean known = FALSE;

      if (close == NULL)
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (out, p, next - p);
          p = next;
          continue;
        }

      value = lookup (values, p + 1, (gsize) (close - p - 1), language, &known);
      if (!known)
        {
          /* Not a placeholder: text that happens to have braces. */
          g_string_append_c (out, '{');
          p++;
          continue;
        }
      if (value == NULL)
        {
          g_string_truncate (out, was);
          return FALSE;
        }

      append_value (out, value);
      p = close + 1;
    }

  return TRUE;
}

/**
 * crm_message_fill:
 * @text: a template's subject or body: plain text with placeholders
 * @language: the message's language, for {points} and {birthday}
 *
 * Fills the placeholders {name}, {points}, {reward}, {shop} and
 * {birthday}. A placeholder without a value takes out the sentence it
 * is in (up to and including its full stop, "!", "?", "…" or "։", or the
 * end of its line); a line left with nothing goes, and so do blank lines
 * at the start and end and a second blank line in a row. Anything else
 * in braces stays as it was typed, and values are inserted as plain text
 * of one line, never filled again.
 *
 * Returns: (transfer full): the message, "" when nothing is left
 */
char *
crm_message_fill (const char             *text,
                  const CrmMessageValues *values,
                  const char             *language)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new (NULL);
  gboolean blank = FALSE;

  g_return_val_if_fail (values != NULL, NULL);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *p;

      /* A line typed on Windows keeps no "\r"; spaces alone make a blank line. */
      g_strchomp (lines[i]);
      p = lines[i];
      if (p[0] == '\0' || strspn (p, " \t") == strlen (p))
        {
          blank = TRUE;
          continue;
        }

      g_string_truncate (line, 0);
      while (*p != '\0')
        {
          const char *end = sentence_end (p);

          fill_sentence (line, p, end, values, language);
          p = end;
        }
      while (line->len > 0 && (line->str[line->len - 1] == ' ' || line->str[line->len - 1] == '\t'))
        g_string_truncate (line, line->len - 1);
      if (line->len == 0)
        continue;

      if (out->len > 0)
        g_string_append (out, blank ? "\n\n" : "\n");
      g_string_append_len (out, line->str, line->len);
      blank = FALSE;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
