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
  g_string_free (contact->notes, TRUE);
  g_ptr_array_unref (contact->tags);
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
            g_auto(GStrv) values = split_values (text);
            gboolean mobile = column->field == CRM_CUSTOMER_COLUMN_MOBILE;

            if (column->type_column >= 0)
              mobile = type_says_mobile (crm_import_raw_row_cell (row, (guint) column->type_column));
            for (guint i = 0; values[i] != NULL; i++)
              add_phone (contact, values[i], mobile);
          }
          break;
        case CRM_CUSTOMER_COLUMN_EMAIL:
          {
            g_auto(GStrv) values = split_values (text);

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
        case CRM_CUSTOMER_COLUMN_IGNORE:
        case CRM_CUSTOMER_N_COLUMNS:
        default:
          break;
        }
    }

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

/* Chooses what a customer keeps from a contact: the name (whole, else
 * from its parts, else the organisation), the first mobile (else first)
 * phone, the first e-mail and address; the others go into the notes so
 * nothing the file held is lost. @remark gets what a person should know. */
void
crm_contact_to_customer (CrmContact         *contact,
                         CrmImportCustomer  *customer,
                         char              **remark)
{
  g_autoptr(GPtrArray) other_phones = g_ptr_array_new_with_free_func (g_free);
  GString *extra = g_string_new (NULL);
  gint chosen = -1;

  crm_import_customer_init (customer);

  if (contact->full_name != NULL)
    customer->name = g_strdup (contact->full_name);
  else if (contact->given_name != NULL || contact->family_name != NULL || contact->middle_name != NULL)
    {
      const char *parts[] = { contact->given_name, contact->middle_name, contact->family_name };

      customer->name = crm_import_join_present (" ", parts, G_N_ELEMENTS (parts));
    }
  else if (contact->organization != NULL)
    customer->name = g_strdup (contact->organization);
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
          *remark = g_strdup_printf (_("The birthday “%s” is not a date this import understands; "
                                       "it was put in the notes."),
                                     contact->birthday);
        }
    }

  if (extra->len > 0)
    append_line (contact->notes, extra->str);
  g_string_free (extra, TRUE);
  customer->notes = g_strdup (contact->notes->str);

  for (guint i = 0; i < contact->tags->len; i++)
    crm_import_customer_add_tag (customer, g_ptr_array_index (contact->tags, i));
}
