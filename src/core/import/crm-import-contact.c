/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A person as a file describes them (a CSV row, a vCard), and the
 * customer made of them: the name whole or from its parts, the first
 * mobile phone, the first e-mail and address, the rest in the notes so
 * that nothing the file held is lost. */

#define G_LOG_DOMAIN "crm-import"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "crm-import-contact.h"
#include "crm-text.h"

static void
phone_clear (gpointer data)
{
  g_free (((CrmContactPhone *) data)->value);
}

void
crm_contact_init (CrmContact *contact)
{
  memset (contact, 0, sizeof *contact);
  contact->phones = g_array_new (FALSE, TRUE, sizeof (CrmContactPhone));
  g_array_set_clear_func (contact->phones, phone_clear);
  contact->emails = g_ptr_array_new_with_free_func (g_free);
  contact->addresses = g_ptr_array_new_with_free_func (g_free);
  contact->notes = g_string_new (NULL);
  contact->tags = g_ptr_array_new_with_free_func (g_free);
  contact->remarks = g_ptr_array_new_with_free_func (g_free);
}

void
crm_contact_clear (CrmContact *contact)
{
  g_free (contact->full_name);
  g_free (contact->given_name);
  g_free (contact->middle_name);
  g_free (contact->family_name);
  g_free (contact->organization);
  g_array_unref (contact->phones);
  g_ptr_array_unref (contact->emails);
  g_ptr_array_unref (contact->addresses);
  g_free (contact->birthday);
  for (guint i = 0; i < G_N_ELEMENTS (contact->birth_parts); i++)
    g_free (contact->birth_parts[i]);
  g_string_free (contact->notes, TRUE);
  g_ptr_array_unref (contact->tags);
  g_ptr_array_unref (contact->remarks);
  for (guint i = 0; i < G_N_ELEMENTS (contact->reach); i++)
    g_free (contact->reach[i]);
}

static void
set_first (char       **field,
           const char  *value)
{
  if (*field == NULL && value != NULL && value[0] != '\0')
    *field = g_strdup (value);
}

static void
add_phone (CrmContact *contact,
           const char *value,
           gboolean    mobile)
{
  CrmContactPhone phone = { g_strstrip (g_strdup (value)), mobile };

  if (phone.value[0] == '\0')
    g_free (phone.value);
  else
    g_array_append_val (contact->phones, phone);
}

static void
add_unique (GPtrArray  *values,
            const char *value)
{
  g_autofree char *copy = g_strstrip (g_strdup (value));

  if (copy[0] == '\0')
    return;
  for (guint i = 0; i < values->len; i++)
    if (g_str_equal (g_ptr_array_index (values, i), copy))
      return;
  g_ptr_array_add (values, g_steal_pointer (&copy));
}

static void
add_note (CrmContact *contact,
          const char *text)
{
  if (text == NULL || text[0] == '\0')
    return;
  if (contact->notes->len > 0)
    g_string_append_c (contact->notes, '\n');
  g_string_append (contact->notes, text);
}

/* Google writes several values in one cell: "a ::: b". */
static char **
split_values (const char *text)
{
  return g_strsplit (text, ":::", -1);
}

/* Several phones or e-mails in one cell: "a ::: b", "a, b", "a; b",
 * but not the comma of "Smith, John" <john@example.com>. */
static char **
split_contacts (const char *text)
{
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_auto(GStrv) groups = split_values (text);

  for (guint g = 0; groups[g] != NULL; g++)
    {
      const char *start = groups[g];
      gboolean quoted = FALSE, bracketed = FALSE;

      for (const char *p = groups[g];; p++)
        {
          if (*p == '"')
            quoted = !quoted;
          else if (*p == '<')
            bracketed = TRUE;
          else if (*p == '>')
            bracketed = FALSE;
          else if (*p == '\0' || ((*p == ',' || *p == ';') && !quoted && !bracketed))
            {
              g_autofree char *value = g_strstrip (g_strndup (start, (gsize) (p - start)));

              if (value[0] != '\0')
                g_strv_builder_add (values, value);
              if (*p == '\0')
                break;
              start = p + 1;
            }
        }
    }

  return g_strv_builder_end (values);
}

static void
add_tags (CrmContact *contact,
          const char *text)
{
  g_auto(GStrv) groups = split_values (text);

  for (guint g = 0; groups[g] != NULL; g++)
    {
      g_auto(GStrv) tags = g_strsplit_set (groups[g], ";,", -1);

      for (guint t = 0; tags[t] != NULL; t++)
        {
          char *tag = g_strstrip (tags[t]);

          /* Google's system groups: "* myContacts", "* starred". */
          if (tag[0] == '*')
            tag = g_strstrip (tag + 1);
          if (g_ascii_strcasecmp (tag, "myContacts") == 0 || g_ascii_strcasecmp (tag, "starred") == 0 ||
              g_ascii_strcasecmp (tag, "My Contacts") == 0 || g_ascii_strcasecmp (tag, "Starred in Android") == 0)
            continue;
          add_unique (contact->tags, tag);
        }
    }
}

static gboolean
type_says_mobile (const char *type)
{
  g_autofree char *folded = crm_text_fold (type);

  return strstr (folded, "mobile") != NULL || strstr (folded, "cell") != NULL ||
         strstr (folded, "мобил") != NULL || strstr (folded, "მობილ") != NULL ||
         strstr (folded, "բջջ") != NULL;
}

/* Thunderbird's Birth Year, Birth Month and Birth Day, as one date
 * (--05-31 without the year). */
static void
birthday_from_parts (CrmContact *contact)
{
  const char *year = contact->birth_parts[0];
  const char *month = contact->birth_parts[1];
  const char *day = contact->birth_parts[2];
  guint64 y = 0, m, d;

  if (contact->birthday != NULL || month == NULL || day == NULL ||
      !g_ascii_string_to_unsigned (month, 10, 1, 12, &m, NULL) ||
      !g_ascii_string_to_unsigned (day, 10, 1, 31, &d, NULL) ||
      (year != NULL && !g_ascii_string_to_unsigned (year, 10, 1, 9999, &y, NULL)))
    return;

  if (year != NULL)
    contact->birthday = g_strdup_printf ("%04u-%02u-%02u", (guint) y, (guint) m, (guint) d);
  else
    contact->birthday = g_strdup_printf ("--%02u-%02u", (guint) m, (guint) d);
}

void
crm_contact_add_row (CrmContact            *contact,
                     CrmColumns            *columns,
                     const CrmImportRawRow *row)
{
  /* Address parts by group, in the order the groups first appear. */
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) group_texts = g_ptr_array_new_with_free_func (g_free);

  for (guint c = 0; c < crm_columns_get_n (columns); c++)
    {
      const CrmColumn *column = crm_columns_get (columns, c);
      g_autofree char *text = NULL;

      if (column->field == CRM_CUSTOMER_COLUMN_IGNORE)
        continue;

      text = crm_import_cell_text (crm_import_raw_row_cell (row, c));
      if (text[0] == '\0')
        continue;

      switch (column->field)
        {
        case CRM_CUSTOMER_COLUMN_NAME:
          set_first (&contact->full_name, text);
          break;
        case CRM_CUSTOMER_COLUMN_GIVEN_NAME:
          set_first (&contact->given_name, text);
          break;
        case CRM_CUSTOMER_COLUMN_MIDDLE_NAME:
          set_first (&contact->middle_name, text);
          break;
        case CRM_CUSTOMER_COLUMN_FAMILY_NAME:
          set_first (&contact->family_name, text);
          break;
        case CRM_CUSTOMER_COLUMN_ORGANIZATION:
          set_first (&contact->organization, text);
          break;
        case CRM_CUSTOMER_COLUMN_MOBILE:
        case CRM_CUSTOMER_COLUMN_PHONE:
          {
            g_auto(GStrv) values = split_contacts (text);
            gboolean mobile = column->field == CRM_CUSTOMER_COLUMN_MOBILE;

            if (column->type_column >= 0)
              mobile = type_says_mobile (crm_import_raw_row_cell (row, (guint) column->type_column));
            for (guint i = 0; values[i] != NULL; i++)
              add_phone (contact, values[i], mobile);
          }
          break;
        case CRM_CUSTOMER_COLUMN_EMAIL:
          {
            g_auto(GStrv) values = split_contacts (text);

            for (guint i = 0; values[i] != NULL; i++)
              add_unique (contact->emails, values[i]);
          }
          break;
        case CRM_CUSTOMER_COLUMN_ADDRESS:
          {
            g_auto(GStrv) values = split_values (text);

            for (guint i = 0; values[i] != NULL; i++)
              {
                g_autofree char *one_line = g_strdup (values[i]);

                g_strdelimit (one_line, "\r\n", ' ');
                add_unique (contact->addresses, one_line);
              }
          }
          break;
        case CRM_CUSTOMER_COLUMN_ADDRESS_PART:
          {
            guint g;
            char *joined;

            for (g = 0; g < groups->len && g_array_index (groups, guint, g) != column->group; g++)
              ;
            if (g == groups->len)
              {
                g_array_append_val (groups, column->group);
                g_ptr_array_add (group_texts, g_strdup (""));
              }
            joined = ((char *) g_ptr_array_index (group_texts, g))[0] != '\0'
              ? g_strconcat (g_ptr_array_index (group_texts, g), ", ", text, NULL)
              : g_strdup (text);
            g_free (g_ptr_array_index (group_texts, g));
            g_ptr_array_index (group_texts, g) = joined;
          }
          break;
        case CRM_CUSTOMER_COLUMN_BIRTHDAY:
          set_first (&contact->birthday, text);
          break;
        case CRM_CUSTOMER_COLUMN_NOTES:
          add_note (contact, text);
          break;
        case CRM_CUSTOMER_COLUMN_TAGS:
          add_tags (contact, text);
          break;
        case CRM_CUSTOMER_COLUMN_BIRTH_YEAR:
        case CRM_CUSTOMER_COLUMN_BIRTH_MONTH:
        case CRM_CUSTOMER_COLUMN_BIRTH_DAY:
          set_first (&contact->birth_parts[column->field - CRM_CUSTOMER_COLUMN_BIRTH_YEAR], text);
          break;
        case CRM_CUSTOMER_COLUMN_LANGUAGE:
        case CRM_CUSTOMER_COLUMN_CHANNEL:
        case CRM_CUSTOMER_COLUMN_TELEGRAM:
        case CRM_CUSTOMER_COLUMN_CONSENT:
        case CRM_CUSTOMER_COLUMN_CONSENT_DATE:
        case CRM_CUSTOMER_COLUMN_CONSENT_SOURCE:
          set_first (&contact->reach[column->field - CRM_CUSTOMER_COLUMN_LANGUAGE], text);
          break;
        case CRM_CUSTOMER_COLUMN_IGNORE:
        case CRM_CUSTOMER_N_COLUMNS:
        default:
          break;
        }
    }

  birthday_from_parts (contact);

  /* Parts only when no column had the whole address: Google writes both. */
  if (contact->addresses->len == 0)
    for (guint g = 0; g < group_texts->len; g++)
      {
        char *address = g_ptr_array_index (group_texts, g);

        g_strdelimit (address, "\r\n", ' ');
        add_unique (contact->addresses, address);
      }
}

void
crm_contact_add_card (CrmContact     *contact,
                      const CrmVCard *card)
{
  set_first (&contact->full_name, card->full_name);
  set_first (&contact->given_name, card->given_name);
  set_first (&contact->middle_name, card->middle_name);
  set_first (&contact->family_name, card->family_name);
  set_first (&contact->organization, card->organization);

  for (guint i = 0; i < card->phones->len; i++)
    {
      const CrmVCardPhone *phone = g_ptr_array_index (card->phones, i);

      add_phone (contact, phone->value, phone->mobile);
    }
  for (guint i = 0; i < card->emails->len; i++)
    add_unique (contact->emails, g_ptr_array_index (card->emails, i));
  for (guint i = 0; i < card->addresses->len; i++)
    add_unique (contact->addresses, g_ptr_array_index (card->addresses, i));
  set_first (&contact->birthday, card->birthday);
  add_note (contact, card->note);
  for (guint i = 0; i < card->categories->len; i++)
    add_tags (contact, g_ptr_array_index (card->categories, i));
  for (guint i = 0; i < card->remarks->len; i++)
    g_ptr_array_add (contact->remarks, g_strdup (g_ptr_array_index (card->remarks, i)));
}

static void
append_line (GString    *notes,
             const char *line)
{
  if (notes->len > 0)
    g_string_append_c (notes, '\n');
  g_string_append (notes, line);
}

static char *
join_values (GPtrArray *values,
             guint      skip,
             const char *separator)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < values->len; i++)
    {
      if (i == skip)
        continue;
      if (out->len > 0)
        g_string_append (out, separator);
      g_string_append (out, g_ptr_array_index (values, i));
    }

  return g_string_free (out, FALSE);
}

/* "--05-31", "--0531": a birthday without a year, as Google and phones
 * write it. Returns "05-31" or NULL. */
static char *
yearless_birthday (const char *text)
{
  int month, day;
  char extra;

  if (!g_str_has_prefix (text, "--"))
    return NULL;
  if ((sscanf (text + 2, "%2d-%2d%c", &month, &day, &extra) == 2 ||
       (strlen (text) == 6 && sscanf (text + 2, "%2d%2d%c", &month, &day, &extra) == 2)) &&
      g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, 2000))
    return g_strdup_printf ("%02d-%02d", month, day);

  return NULL;
}

/* Words that name a kind of phone or e-mail rather than being one: a
 * label that slipped into the value ("MobilePhone", "mobile 3"). */
static const char *const label_words[] = {
  "mobile", "cell", "cellular", "phone", "tel", "telephone", "home", "work", "business", "office",
  "other", "main", "fax", "pager", "voice", "pref", "internet", "email", "e", "mail", "number", "no",
  "private", "personal", "iphone", "landline",
  "мобильный", "мобильныи", "сотовый", "сотовыи", "телефон", "домашний", "домашнии", "рабочий",
  "рабочии", "почта", "მობილური", "ტელეფონი", "სახლი", "სამსახური",
  "բջջային", "հեռախոս", "տուն", "աշխատանք",
};

/* Whether @word is label words run together ("mobilephone"). */
static gboolean
is_labels (const char *word)
{
  gsize length = strlen (word);

  if (length == 0)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (label_words); i++)
    {
      gsize n = strlen (label_words[i]);

      if (n <= length && strncmp (word, label_words[i], n) == 0 && is_labels (word + n))
        return TRUE;
    }

  return FALSE;
}

/* Whether a value left out still says something worth keeping in the
 * notes: three digits or more, or a word that is not a label. */
static gboolean
carries_information (const char *value)
{
  g_autofree char *folded = crm_text_fold (value);
  GString *word = g_string_new (NULL);
  guint digits = 0;
  gboolean informative = FALSE;

  for (const char *p = folded;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalpha (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0 && !is_labels (word->str))
        informative = TRUE;
      g_string_truncate (word, 0);
      if (c == 0)
        break;
      digits += g_unichar_isdigit (c) ? 1 : 0;
    }
  g_string_free (word, TRUE);

  return informative || digits >= 3;
}

static gboolean
has_letter (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/* "Omega" <omega@example.com>, mailto:omega@example.com: the address. */
static char *
email_address (const char *value)
{
  const char *open = strrchr (value, '<');
  const char *close = open != NULL ? strchr (open, '>') : NULL;
  g_autofree char *address = close != NULL ? g_strndup (open + 1, (gsize) (close - open - 1))
                                           : g_strdup (value);

  g_strstrip (address);
  if (g_ascii_strncasecmp (address, "mailto:", 7) == 0)
    memmove (address, address + 7, strlen (address + 7) + 1);
  g_strstrip (address);
  return g_steal_pointer (&address);
}

/* @message names the value and why; @note keeps it, when it says
 * something, in the notes. Both are taken. */
static void
leave_out (GPtrArray  *left_out,
           GString    *notes,
           const char *value,
           char       *message,
           char       *note)
{
  g_ptr_array_add (left_out, message);
  if (carries_information (value))
    append_line (notes, note);
  g_free (note);
}

/* The phones that are phone numbers; the others are named in @left_out
 * and, when they say something, kept in @extra. */
static void
usable_phones (CrmContact *contact,
               GPtrArray  *left_out,
               GString    *extra)
{
  for (guint i = 0; i < contact->phones->len;)
    {
      const char *value = g_array_index (contact->phones, CrmContactPhone, i).value;
      g_autoptr(GError) error = NULL;

      if (crm_text_check_phone (value, &error))
        {
          i++;
          continue;
        }

      leave_out (left_out, extra, value,
                 /* Translators: “%s” is what the file held, then why it is not used */
                 g_strdup_printf (_("Phone “%s” left out: %s"), value,
                                  has_letter (value) ? _("it is not a number.") : error->message),
                 /* Translators: a line of the customer's notes keeping what the file held */
                 g_strdup_printf (_("Not a phone number: %s"), value));
      g_array_remove_index (contact->phones, i);
    }
}

static void
usable_emails (CrmContact *contact,
               GPtrArray  *left_out,
               GString    *extra)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < contact->emails->len; i++)
    {
      const char *value = g_ptr_array_index (contact->emails, i);
      g_autofree char *address = email_address (value);
      g_autoptr(GError) error = NULL;

      if (address[0] != '\0' && crm_text_check_email (address, &error))
        {
          add_unique (kept, address);
          continue;
        }

      leave_out (left_out, extra, value,
                 /* Translators: “%s” is what the file held, then why it is not used */
                 g_strdup_printf (_("E-mail “%s” left out: %s"), value,
                                  error != NULL ? error->message : _("it is not an address.")),
                 /* Translators: a line of the customer's notes keeping what the file held */
                 g_strdup_printf (_("Not an e-mail address: %s"), value));
    }

  g_ptr_array_unref (contact->emails);
  contact->emails = g_steal_pointer (&kept);
}

/* Chooses what a customer keeps from a contact: the name (whole, else
 * from its parts, else the organisation, else the phone or e-mail), the
 * first mobile (else first) phone, the first e-mail and address; the
 * others go into the notes so nothing the file held is lost. A value that
 * cannot be used costs only itself: it is named in @left_out. @remarks
 * get what else a person should know. */
/* The export's own words, and the ones people write in the three
 * languages; what is not recognised is left out (crm_import_customer_clean). */
static char *
folded_choice (const char         *text,
               const char * const *table)
{
  g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);

  g_strstrip (folded);
  for (guint i = 0; table[i] != NULL; i += 2)
    if (g_str_equal (folded, table[i]))
      return g_strdup (table[i + 1]);

  return g_strdup (folded);
}

static void
reach_to_customer (CrmContact        *contact,
                   CrmImportCustomer *customer)
{
  static const char * const languages[] = {
    "english", "en", "georgian", "ka", "ქართული", "ka", "armenian", "hy", "հայերեն", "hy", NULL,
  };
  static const char * const channels[] = {
    "phone", "call", "phone call", "call", "e-mail", "email", "mail", "email", "none", "", NULL,
  };
  static const char * const answers[] = {
    "yes", "1", "true", "1", "y", "1", "კი", "1", "დიახ", "1", "այո", "1", NULL,
  };
  g_autofree char *consent = folded_choice (contact->reach[3], answers);
  const char *source = contact->reach[5];

  customer->language = folded_choice (contact->reach[0], languages);
  customer->channel = folded_choice (contact->reach[1], channels);
  customer->telegram = g_strdup (contact->reach[2]);
  customer->marketing_consent = g_str_equal (consent, "1");
  customer->consent_date = g_strdup (contact->reach[4]);
  /* A "yes" that came with the file, and says no more, came by import. */
  customer->consent_source = g_strdup (source != NULL && source[0] != '\0' ? source
                                       : customer->marketing_consent ? "import" : "");
}

void
crm_contact_to_customer (CrmContact         *contact,
                         CrmImportCustomer  *customer,
                         GPtrArray          *remarks,
                         GPtrArray          *left_out)
{
  g_autoptr(GPtrArray) other_phones = g_ptr_array_new_with_free_func (g_free);
  GString *extra = g_string_new (NULL);
  GString *unusable = g_string_new (NULL);
  gint chosen = -1;

  crm_import_customer_init (customer);
  for (guint i = 0; i < contact->remarks->len; i++)
    g_ptr_array_add (remarks, g_strdup (g_ptr_array_index (contact->remarks, i)));

  usable_phones (contact, left_out, unusable);
  usable_emails (contact, left_out, unusable);

  if (contact->full_name != NULL)
    customer->name = g_strdup (contact->full_name);
  else if (contact->given_name != NULL || contact->family_name != NULL || contact->middle_name != NULL)
    {
      const char *parts[] = { contact->given_name, contact->middle_name, contact->family_name };

      customer->name = crm_import_join_present (" ", parts, G_N_ELEMENTS (parts));
    }
  else if (contact->organization != NULL)
    customer->name = g_strdup (contact->organization);
  else if (contact->phones->len > 0)
    {
      customer->name = g_strdup (g_array_index (contact->phones, CrmContactPhone, 0).value);
      g_ptr_array_add (remarks, g_strdup (_("There is no name: the phone number stands for it.")));
    }
  else if (contact->emails->len > 0)
    {
      customer->name = g_strdup (g_ptr_array_index (contact->emails, 0));
      g_ptr_array_add (remarks, g_strdup (_("There is no name: the e-mail address stands for it.")));
    }
  else
    customer->name = g_strdup ("");

  if (contact->organization != NULL && g_strcmp0 (customer->name, contact->organization) != 0)
    {
      g_autofree char *line = g_strdup_printf (_("Organisation: %s"), contact->organization);

      append_line (extra, line);
    }

  for (guint i = 0; i < contact->phones->len && chosen < 0; i++)
    if (g_array_index (contact->phones, CrmContactPhone, i).mobile)
      chosen = (gint) i;
  if (chosen < 0 && contact->phones->len > 0)
    chosen = 0;

  if (chosen >= 0)
    {
      const char *phone = g_array_index (contact->phones, CrmContactPhone, chosen).value;
      g_autofree char *key = crm_text_phone_key (phone);

      customer->phone = g_strdup (phone);
      for (guint i = 0; i < contact->phones->len; i++)
        {
          const char *other = g_array_index (contact->phones, CrmContactPhone, i).value;
          g_autofree char *other_key = crm_text_phone_key (other);

          if ((gint) i != chosen && (other_key[0] == '\0' || g_strcmp0 (other_key, key) != 0))
            add_unique (other_phones, other);
        }
    }
  else
    customer->phone = g_strdup ("");

  if (other_phones->len > 0)
    {
      g_autofree char *joined = join_values (other_phones, G_MAXUINT, ", ");
      g_autofree char *line = g_strdup_printf (_("Other phones: %s"), joined);

      append_line (extra, line);
    }

  customer->email = g_strdup (contact->emails->len > 0 ? g_ptr_array_index (contact->emails, 0) : "");
  if (contact->emails->len > 1)
    {
      g_autofree char *joined = join_values (contact->emails, 0, ", ");
      g_autofree char *line = g_strdup_printf (_("Other e-mails: %s"), joined);

      append_line (extra, line);
    }
  if (unusable->len > 0)
    append_line (extra, unusable->str);
  g_string_free (unusable, TRUE);

  customer->address = g_strdup (contact->addresses->len > 0 ? g_ptr_array_index (contact->addresses, 0) : "");
  if (contact->addresses->len > 1)
    {
      g_autofree char *joined = join_values (contact->addresses, 0, "; ");
      g_autofree char *line = g_strdup_printf (_("Other addresses: %s"), joined);

      append_line (extra, line);
    }

  customer->birthday = g_strdup ("");
  /* Outlook writes "0/0/00" for no birthday. */
  if (contact->birthday != NULL && strpbrk (contact->birthday, "123456789") == NULL)
    g_clear_pointer (&contact->birthday, g_free);
  if (contact->birthday != NULL)
    {
      int year, month, day, hour, minute, second;
      gboolean has_time;
      g_autofree char *no_year = yearless_birthday (contact->birthday);

      if (crm_import_parse_date (contact->birthday, FALSE, &year, &month, &day,
                                 &hour, &minute, &second, &has_time))
        {
          g_free (customer->birthday);
          customer->birthday = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
        }
      else if (no_year != NULL)
        {
          g_autofree char *line = g_strdup_printf (_("Birthday (no year): %s"), no_year);

          append_line (extra, line);
        }
      else
        {
          g_autofree char *line = g_strdup_printf (_("Birthday: %s"), contact->birthday);

          append_line (extra, line);
          g_ptr_array_add (remarks,
                           g_strdup_printf (_("The birthday “%s” is not a date this import understands; "
                                              "it was put in the notes."),
                                            contact->birthday));
        }
    }

  if (extra->len > 0)
    append_line (contact->notes, extra->str);
  g_string_free (extra, TRUE);
  customer->notes = g_strdup (contact->notes->str);

  for (guint i = 0; i < contact->tags->len; i++)
    crm_import_customer_add_tag (customer, g_ptr_array_index (contact->tags, i));

  reach_to_customer (contact, customer);
}

/* Names compared across scripts */

typedef struct
{
  gunichar    letter;
  const char *latin;
} Letter;

/* Georgian (national system), Armenian and Russian letters in Latin, as
 * people write their names in Latin letters; only to compare names. */
static const Letter letters[] = {
  { 0x10D0, "a" }, { 0x10D1, "b" }, { 0x10D2, "g" }, { 0x10D3, "d" }, { 0x10D4, "e" },
  { 0x10D5, "v" }, { 0x10D6, "z" }, { 0x10D7, "t" }, { 0x10D8, "i" }, { 0x10D9, "k" },
  { 0x10DA, "l" }, { 0x10DB, "m" }, { 0x10DC, "n" }, { 0x10DD, "o" }, { 0x10DE, "p" },
  { 0x10DF, "zh" }, { 0x10E0, "r" }, { 0x10E1, "s" }, { 0x10E2, "t" }, { 0x10E3, "u" },
  { 0x10E4, "p" }, { 0x10E5, "k" }, { 0x10E6, "gh" }, { 0x10E7, "q" }, { 0x10E8, "sh" },
  { 0x10E9, "ch" }, { 0x10EA, "ts" }, { 0x10EB, "dz" }, { 0x10EC, "ts" }, { 0x10ED, "ch" },
  { 0x10EE, "kh" }, { 0x10EF, "j" }, { 0x10F0, "h" },

  { 0x0561, "a" }, { 0x0562, "b" }, { 0x0563, "g" }, { 0x0564, "d" }, { 0x0565, "e" },
  { 0x0566, "z" }, { 0x0567, "e" }, { 0x0568, "y" }, { 0x0569, "t" }, { 0x056A, "zh" },
  { 0x056B, "i" }, { 0x056C, "l" }, { 0x056D, "kh" }, { 0x056E, "ts" }, { 0x056F, "k" },
  { 0x0570, "h" }, { 0x0571, "dz" }, { 0x0572, "gh" }, { 0x0573, "ch" }, { 0x0574, "m" },
  { 0x0575, "y" }, { 0x0576, "n" }, { 0x0577, "sh" }, { 0x0578, "o" }, { 0x0579, "ch" },
  { 0x057A, "p" }, { 0x057B, "j" }, { 0x057C, "r" }, { 0x057D, "s" }, { 0x057E, "v" },
  { 0x057F, "t" }, { 0x0580, "r" }, { 0x0581, "ts" }, { 0x0582, "v" }, { 0x0583, "p" },
  { 0x0584, "k" }, { 0x0585, "o" }, { 0x0586, "f" }, { 0x0587, "ev" },

  { 0x0430, "a" }, { 0x0431, "b" }, { 0x0432, "v" }, { 0x0433, "g" }, { 0x0434, "d" },
  { 0x0435, "e" }, { 0x0451, "e" }, { 0x0436, "zh" }, { 0x0437, "z" }, { 0x0438, "i" },
  { 0x0439, "y" }, { 0x043A, "k" }, { 0x043B, "l" }, { 0x043C, "m" }, { 0x043D, "n" },
  { 0x043E, "o" }, { 0x043F, "p" }, { 0x0440, "r" }, { 0x0441, "s" }, { 0x0442, "t" },
  { 0x0443, "u" }, { 0x0444, "f" }, { 0x0445, "kh" }, { 0x0446, "ts" }, { 0x0447, "ch" },
  { 0x0448, "sh" }, { 0x0449, "shch" }, { 0x044A, "" }, { 0x044B, "y" }, { 0x044C, "" },
  { 0x044D, "e" }, { 0x044E, "yu" }, { 0x044F, "ya" },
};

static const char *
latin_letter (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
    if (letters[i].letter == c)
      return letters[i].latin;

  return NULL;
}

/* The words of a name in Latin letters, folded. */
static GPtrArray *
latin_words (const char *name)
{
  g_autofree char *folded = crm_text_fold (name);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  GString *word = g_string_new (NULL);

  for (const char *p = folded;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalpha (c) || g_unichar_ismark (c)))
        {
          const char *latin;

          /* The Armenian "ու" is one sound. */
          if (c == 0x0578 && g_utf8_get_char (g_utf8_next_char (p)) == 0x0582)
            {
              g_string_append_c (word, 'u');
              p = g_utf8_next_char (p);
            }
          else if ((latin = latin_letter (c)) != NULL)
            g_string_append (word, latin);
          else
            g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0)
        g_ptr_array_add (words, g_strdup (word->str));
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);

  return words;
}

/* "N" is an initial of "nino"; "petrosyan" and "petrosian" are spelt
 * alike enough. */
static gboolean
words_agree (const char *a,
             const char *b)
{
  gsize la = strlen (a), lb = strlen (b);

  if (g_str_equal (a, b))
    return TRUE;
  if ((la == 1 || lb == 1) && a[0] == b[0])
    return TRUE;

  return la >= 4 && lb >= 4 && strncmp (a, b, 4) == 0;
}

/**
 * crm_contact_names_agree:
 *
 * Whether two names may be the same person's: every word of the shorter
 * agrees with a word of the longer, in whatever script each is written
 * ("Nino B." and "ნინო ბერიძე" agree, "Nino Beridze" and "Nana Beridze"
 * do not). An empty name agrees with any.
 */
gboolean
crm_contact_names_agree (const char *a,
                         const char *b)
{
  g_autoptr(GPtrArray) wa = latin_words (a);
  g_autoptr(GPtrArray) wb = latin_words (b);
  GPtrArray *shorter = wa->len <= wb->len ? wa : wb;
  GPtrArray *longer = shorter == wa ? wb : wa;
  g_autofree gboolean *used = g_new0 (gboolean, longer->len + 1);

  if (shorter->len == 0)
    return TRUE;

  for (guint i = 0; i < shorter->len; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < longer->len && !found; j++)
        if (!used[j] && words_agree (g_ptr_array_index (shorter, i), g_ptr_array_index (longer, j)))
          found = used[j] = TRUE;

      if (!found)
        return FALSE;
    }

  return TRUE;
}
