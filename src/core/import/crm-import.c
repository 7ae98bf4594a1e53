/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Customers from a spreadsheet (CSV) or a phone's contacts (vCard): the
 * file is read once, its columns recognised (English, Georgian, Armenian,
 * Russian, and the exports of Google Contacts and Outlook), then a plan
 * says for every row what will happen and why, and applying it writes
 * everything in one transaction. docs/import.md describes the whole. */

#define G_LOG_DOMAIN "crm-import"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "crm-import-private.h"
#include "crm-text.h"
#include "crm-vcard.h"

/* Rows looked at to guess what headerless columns hold, or to show a
 * sample of a column. */
#define SAMPLE_ROWS 100

typedef enum
{
  HEADER_PLAIN,
  HEADER_NAME_OR_GIVEN,   /* "სახელი", "Անուն": the given name next to a family-name column */
  HEADER_PHONE_TYPE,      /* Google's "Phone 1 - Type": says which phone is a mobile */
  HEADER_KNOWN,           /* a column we know and do not need */
} HeaderKind;

typedef struct
{
  const char        *text;
  CrmCustomerColumn  field;
  HeaderKind         kind;
} HeaderAlias;

#define ALIAS(text, field) { text, CRM_CUSTOMER_COLUMN_##field, HEADER_PLAIN }
#define KNOWN(text) { text, CRM_CUSTOMER_COLUMN_IGNORE, HEADER_KNOWN }

/* Written as people write them; matched after crm_import_header_key(), so
 * "E-mail 1 - Value" also matches "e-mail 2 value". */
static const HeaderAlias header_aliases[] = {
  ALIAS ("Name", NAME), ALIAS ("Full name", NAME), ALIAS ("Display name", NAME),
  ALIAS ("Customer", NAME), ALIAS ("Customer name", NAME), ALIAS ("Client", NAME),
  ALIAS ("Client name", NAME), ALIAS ("Contact", NAME), ALIAS ("Contact name", NAME),
  ALIAS ("სახელი და გვარი", NAME), ALIAS ("სახელი, გვარი", NAME), ALIAS ("სრული სახელი", NAME),
  ALIAS ("მომხმარებელი", NAME), ALIAS ("კლიენტი", NAME),
  ALIAS ("Անուն Ազգանուն", NAME), ALIAS ("Անուն, ազգանուն", NAME), ALIAS ("Ամբողջական անուն", NAME),
  ALIAS ("Անուն Ազգանուն Հայրանուն", NAME), ALIAS ("Հաճախորդ", NAME),
  ALIAS ("ФИО", NAME), ALIAS ("Имя Фамилия", NAME), ALIAS ("Полное имя", NAME),
  ALIAS ("Клиент", NAME), ALIAS ("Покупатель", NAME),
  { "სახელი", CRM_CUSTOMER_COLUMN_NAME, HEADER_NAME_OR_GIVEN },
  { "Անուն", CRM_CUSTOMER_COLUMN_NAME, HEADER_NAME_OR_GIVEN },
  { "Имя", CRM_CUSTOMER_COLUMN_NAME, HEADER_NAME_OR_GIVEN },

  ALIAS ("First name", GIVEN_NAME), ALIAS ("Given name", GIVEN_NAME), ALIAS ("Firstname", GIVEN_NAME),
  ALIAS ("Forename", GIVEN_NAME), ALIAS ("First", GIVEN_NAME),
  ALIAS ("Middle name", MIDDLE_NAME), ALIAS ("Additional name", MIDDLE_NAME),
  ALIAS ("Patronymic", MIDDLE_NAME), ALIAS ("მამის სახელი", MIDDLE_NAME),
  ALIAS ("Հայրանուն", MIDDLE_NAME), ALIAS ("Отчество", MIDDLE_NAME),
  ALIAS ("Last name", FAMILY_NAME), ALIAS ("Family name", FAMILY_NAME), ALIAS ("Surname", FAMILY_NAME),
  ALIAS ("Lastname", FAMILY_NAME), ALIAS ("Last", FAMILY_NAME), ALIAS ("გვარი", FAMILY_NAME),
  ALIAS ("Ազգանուն", FAMILY_NAME), ALIAS ("Фамилия", FAMILY_NAME),

  ALIAS ("Company", ORGANIZATION), ALIAS ("Company name", ORGANIZATION),
  ALIAS ("Organization", ORGANIZATION), ALIAS ("Organisation", ORGANIZATION),
  ALIAS ("Organization name", ORGANIZATION), ALIAS ("Organization 1 - Name", ORGANIZATION),
  ALIAS ("Business", ORGANIZATION), ALIAS ("კომპანია", ORGANIZATION), ALIAS ("ორგანიზაცია", ORGANIZATION),
  ALIAS ("Ընկերություն", ORGANIZATION), ALIAS ("Կազմակերպություն", ORGANIZATION),
  ALIAS ("Компания", ORGANIZATION), ALIAS ("Организация", ORGANIZATION),

  ALIAS ("Mobile", MOBILE), ALIAS ("Mobile phone", MOBILE), ALIAS ("Mobile number", MOBILE),
  ALIAS ("Cell", MOBILE), ALIAS ("Cell phone", MOBILE), ALIAS ("Mobile phone 2", MOBILE),
  ALIAS ("მობილური", MOBILE), ALIAS ("მობილური ტელეფონი", MOBILE), ALIAS ("მობ", MOBILE),
  ALIAS ("Բջջային", MOBILE), ALIAS ("Բջջային հեռախոս", MOBILE),
  ALIAS ("Мобильный", MOBILE), ALIAS ("Мобильный телефон", MOBILE), ALIAS ("Сотовый", MOBILE),

  ALIAS ("Phone", PHONE), ALIAS ("Phone number", PHONE), ALIAS ("Telephone", PHONE), ALIAS ("Tel", PHONE),
  ALIAS ("Primary phone", PHONE), ALIAS ("Home phone", PHONE), ALIAS ("Home phone 2", PHONE),
  ALIAS ("Business phone", PHONE), ALIAS ("Business phone 2", PHONE), ALIAS ("Other phone", PHONE),
  ALIAS ("Company main phone", PHONE), ALIAS ("Phone 1 - Value", PHONE),
  ALIAS ("ტელეფონი", PHONE), ALIAS ("ტელ", PHONE), ALIAS ("ტელეფონის ნომერი", PHONE), ALIAS ("ნომერი", PHONE),
  ALIAS ("Հեռախոս", PHONE), ALIAS ("Հեռախոսահամար", PHONE), ALIAS ("Հեռ", PHONE),
  ALIAS ("Телефон", PHONE), ALIAS ("Тел", PHONE), ALIAS ("Номер телефона", PHONE),
  { "Phone 1 - Type", CRM_CUSTOMER_COLUMN_IGNORE, HEADER_PHONE_TYPE },
  { "Phone 1 - Label", CRM_CUSTOMER_COLUMN_IGNORE, HEADER_PHONE_TYPE },

  ALIAS ("Email", EMAIL), ALIAS ("E-mail", EMAIL), ALIAS ("Email address", EMAIL),
  ALIAS ("E-mail address", EMAIL), ALIAS ("E-mail 2 address", EMAIL), ALIAS ("E-mail 1 - Value", EMAIL),
  ALIAS ("Mail", EMAIL), ALIAS ("ელ-ფოსტა", EMAIL), ALIAS ("ელფოსტა", EMAIL),
  ALIAS ("ელექტრონული ფოსტა", EMAIL), ALIAS ("იმეილი", EMAIL), ALIAS ("მეილი", EMAIL),
  ALIAS ("Էլ. փոստ", EMAIL), ALIAS ("Էլփոստ", EMAIL), ALIAS ("Էլեկտրոնային փոստ", EMAIL),
  ALIAS ("Էլ. հասցե", EMAIL), ALIAS ("Эл. почта", EMAIL), ALIAS ("Электронная почта", EMAIL),
  ALIAS ("Почта", EMAIL),

  ALIAS ("Address", ADDRESS), ALIAS ("Home address", ADDRESS), ALIAS ("Street address", ADDRESS),
  ALIAS ("Postal address", ADDRESS), ALIAS ("Business address", ADDRESS),
  ALIAS ("Address 1 - Formatted", ADDRESS), ALIAS ("მისამართი", ADDRESS), ALIAS ("Հասցե", ADDRESS),
  ALIAS ("Адрес", ADDRESS),
  ALIAS ("Address 1 - Street", ADDRESS_PART), ALIAS ("Address 1 - City", ADDRESS_PART),
  ALIAS ("Address 1 - PO Box", ADDRESS_PART), ALIAS ("Address 1 - Region", ADDRESS_PART),
  ALIAS ("Address 1 - Postal Code", ADDRESS_PART), ALIAS ("Address 1 - Country", ADDRESS_PART),
  ALIAS ("Address 1 - Extended Address", ADDRESS_PART),
  ALIAS ("Home Street", ADDRESS_PART), ALIAS ("Home Street 2", ADDRESS_PART),
  ALIAS ("Home City", ADDRESS_PART), ALIAS ("Home State", ADDRESS_PART),
  ALIAS ("Home Postal Code", ADDRESS_PART), ALIAS ("Home Country/Region", ADDRESS_PART),
  ALIAS ("Business Street", ADDRESS_PART), ALIAS ("Business Street 2", ADDRESS_PART),
  ALIAS ("Business City", ADDRESS_PART), ALIAS ("Business State", ADDRESS_PART),
  ALIAS ("Business Postal Code", ADDRESS_PART), ALIAS ("Business Country/Region", ADDRESS_PART),
  ALIAS ("Other Street", ADDRESS_PART), ALIAS ("Other City", ADDRESS_PART),
  ALIAS ("Other State", ADDRESS_PART), ALIAS ("Other Postal Code", ADDRESS_PART),
  ALIAS ("Other Country/Region", ADDRESS_PART),
  ALIAS ("Street", ADDRESS_PART), ALIAS ("City", ADDRESS_PART), ALIAS ("Postal code", ADDRESS_PART),
  ALIAS ("Zip", ADDRESS_PART), ALIAS ("Zip code", ADDRESS_PART), ALIAS ("Country", ADDRESS_PART),
  ALIAS ("ქალაქი", ADDRESS_PART), ALIAS ("ქუჩა", ADDRESS_PART), ALIAS ("Քաղաք", ADDRESS_PART),
  ALIAS ("Փողոց", ADDRESS_PART), ALIAS ("Город", ADDRESS_PART), ALIAS ("Улица", ADDRESS_PART),

  ALIAS ("Birthday", BIRTHDAY), ALIAS ("Birth date", BIRTHDAY), ALIAS ("Birthdate", BIRTHDAY),
  ALIAS ("Date of birth", BIRTHDAY), ALIAS ("DOB", BIRTHDAY),
  ALIAS ("დაბადების დღე", BIRTHDAY), ALIAS ("დაბადების თარიღი", BIRTHDAY),
  ALIAS ("Ծննդյան օր", BIRTHDAY), ALIAS ("Ծննդյան ամսաթիվ", BIRTHDAY), ALIAS ("Ծննդյան տարեթիվ", BIRTHDAY),
  ALIAS ("День рождения", BIRTHDAY), ALIAS ("Дата рождения", BIRTHDAY),

  ALIAS ("Notes", NOTES), ALIAS ("Note", NOTES), ALIAS ("Comment", NOTES), ALIAS ("Comments", NOTES),
  ALIAS ("Remarks", NOTES), ALIAS ("შენიშვნა", NOTES), ALIAS ("შენიშვნები", NOTES),
  ALIAS ("კომენტარი", NOTES), ALIAS ("კომენტარები", NOTES), ALIAS ("Նշում", NOTES),
  ALIAS ("Նշումներ", NOTES), ALIAS ("Մեկնաբանություն", NOTES), ALIAS ("Примечание", NOTES),
  ALIAS ("Примечания", NOTES), ALIAS ("Заметки", NOTES), ALIAS ("Комментарий", NOTES),

  ALIAS ("Tags", TAGS), ALIAS ("Tag", TAGS), ALIAS ("Labels", TAGS), ALIAS ("Groups", TAGS),
  ALIAS ("Group membership", TAGS), ALIAS ("Categories", TAGS), ALIAS ("Category", TAGS),
  ALIAS ("თეგები", TAGS), ALIAS ("ტეგები", TAGS), ALIAS ("იარლიყები", TAGS), ALIAS ("ჭდეები", TAGS),
  ALIAS ("კატეგორია", TAGS), ALIAS ("ჯგუფი", TAGS), ALIAS ("Պիտակներ", TAGS), ALIAS ("Պիտակ", TAGS),
  ALIAS ("Խմբեր", TAGS), ALIAS ("Теги", TAGS), ALIAS ("Метки", TAGS), ALIAS ("Группы", TAGS),
  ALIAS ("Категории", TAGS),

  /* Clientele's own export writes figures the import recomputes. */
  KNOWN ("Segment"), KNOWN ("Purchases"), KNOWN ("Last visit"),
  KNOWN ("Name prefix"), KNOWN ("Name suffix"), KNOWN ("Title"), KNOWN ("Suffix"),
  KNOWN ("Initials"), KNOWN ("Nickname"), KNOWN ("Short name"), KNOWN ("Maiden name"),
  KNOWN ("Gender"), KNOWN ("Location"), KNOWN ("Billing information"), KNOWN ("Directory server"),
  KNOWN ("Mileage"), KNOWN ("Occupation"), KNOWN ("Hobby"), KNOWN ("Sensitivity"),
  KNOWN ("Priority"), KNOWN ("Subject"), KNOWN ("Photo"), KNOWN ("File as"), KNOWN ("Job title"),
  KNOWN ("Department"), KNOWN ("Web page"), KNOWN ("Language"), KNOWN ("Private"),
  KNOWN ("Spouse"), KNOWN ("Children"), KNOWN ("Anniversary"), KNOWN ("Account"),
  KNOWN ("Manager's name"), KNOWN ("Assistant's name"), KNOWN ("Assistant's phone"),
  KNOWN ("Business fax"), KNOWN ("Home fax"), KNOWN ("Other fax"), KNOWN ("Pager"),
  KNOWN ("Radio phone"), KNOWN ("TTY/TDD phone"), KNOWN ("Telex"), KNOWN ("Callback"),
  KNOWN ("Car phone"), KNOWN ("ISDN"), KNOWN ("Keywords"), KNOWN ("Office location"),
  KNOWN ("Government ID number"), KNOWN ("Organizational ID number"), KNOWN ("Profession"),
  KNOWN ("Referred by"), KNOWN ("Internet free busy"), KNOWN ("User 1"),
  KNOWN ("Given Yomi"), KNOWN ("Surname Yomi"), KNOWN ("Company Yomi"), KNOWN ("IMAddress"),
  KNOWN ("Schools"), KNOWN ("Personal Web Page"),
};

/* Columns of contact exports we know and leave out, by their start. */
static const char *const known_prefixes[] = {
  "organization", "website #", "relation #", "event #", "im #", "custom field #",
  "external id #", "phonetic", "yomi", "given name yomi", "additional name yomi",
  "family name yomi", "e mail # type", "e mail # label", "e mail # display name",
  "e mail display name", "e mail type", "address # type", "address # label", "spend",
};

typedef struct
{
  char              *title;
  CrmCustomerColumn  field;
  gboolean           recognised;
  gint               type_column;   /* the column saying what kind of phone, or -1 */
  guint              group;         /* address parts that belong together */
} Column;

/* A row of the plan with what it will write. */
typedef struct
{
  CrmImportRow       row;
  CrmImportCustomer  customer;
} PlanRow;

struct _CrmCustomerImport
{
  GObject              parent_instance;

  CrmImportFormat      format;
  CrmImportTable      *table;       /* CSV */
  GPtrArray           *cards;       /* vCard */
  gboolean             has_header;
  GArray              *columns;     /* Column */
  CrmDuplicatePolicy   policy;

  GPtrArray           *plan;        /* PlanRow */
  CrmImportCounts      counts;
  /* The existing customers merges will rewrite, in the order first met. */
  GArray              *target_ids;
  GHashTable          *targets;     /* gint64 id → CrmImportCustomer */

  /* Whether the plan still describes what apply would do. */
  CrmStore            *plan_store;
  gint64               plan_generation;
  gboolean             plan_valid;
};

G_DEFINE_FINAL_TYPE (CrmCustomerImport, crm_customer_import, G_TYPE_OBJECT)

static void
plan_row_free (gpointer data)
{
  PlanRow *plan_row = data;

  g_free (plan_row->row.reason);
  g_strfreev (plan_row->row.tags);
  crm_import_customer_clear (&plan_row->customer);
  g_free (plan_row);
}

static void
target_free (gpointer data)
{
  CrmImportCustomer *customer = data;

  crm_import_customer_clear (customer);
  g_free (customer);
}

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->title);
}

/* Header recognition */

typedef struct
{
  CrmCustomerColumn field;
  HeaderKind        kind;
} HeaderMatch;

static GHashTable *
alias_table (void)
{
  static GHashTable *table = NULL;

  if (g_once_init_enter (&table))
    {
      GHashTable *aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < G_N_ELEMENTS (header_aliases); i++)
        g_hash_table_insert (aliases, crm_import_header_key (header_aliases[i].text),
                             (gpointer) &header_aliases[i]);

      g_once_init_leave (&table, aliases);
    }

  return table;
}

static gboolean
match_header (const char  *title,
              HeaderMatch *match)
{
  g_autofree char *key = crm_import_header_key (title);
  const HeaderAlias *alias = g_hash_table_lookup (alias_table (), key);

  if (alias != NULL)
    {
      match->field = alias->field;
      match->kind = alias->kind;
      return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (known_prefixes); i++)
    if (g_str_has_prefix (key, known_prefixes[i]))
      {
        match->field = CRM_CUSTOMER_COLUMN_IGNORE;
        match->kind = HEADER_KNOWN;
        return TRUE;
      }

  return FALSE;
}

/* The first number in a header ("Phone 2 - Value" → 2), 0 if none. */
static guint
header_number (const char *title)
{
  for (const char *p = title; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return (guint) g_ascii_strtoull (p, NULL, 10);

  return 0;
}

/* Address parts of one address share a group: Google numbers them
 * ("Address 2 - City"), Outlook names them ("Business City"). */
static guint
header_group (const char *title)
{
  g_autofree char *key = crm_import_header_key (title);
  char *space = strchr (key, ' ');

  if (space != NULL)
    *space = '\0';

  return g_str_hash (key) * 31 + header_number (title);
}

static gboolean
looks_like_email (const char *text)
{
  return strchr (text, '@') != NULL && crm_text_check_email (text, NULL);
}

static gboolean
looks_like_phone (const char *text)
{
  guint digits = 0;

  for (const char *p = text; *p != '\0'; p++)
    digits += g_ascii_isdigit (*p) ? 1 : 0;

  return digits >= 6 && crm_text_check_phone (text, NULL);
}

static const char *
cell (const CrmImportRawRow *row,
      guint                  column)
{
  return crm_import_raw_row_cell (row, column);
}

/* Without a header, columns are told apart by what they hold. */
static void
guess_columns (CrmCustomerImport *self)
{
  guint first_data = 0;
  gboolean have_name = FALSE;

  for (guint c = 0; c < self->columns->len; c++)
    {
      Column *column = &g_array_index (self->columns, Column, c);
      guint n = 0, emails = 0, phones = 0;

      for (guint r = first_data; r < self->table->rows->len && r < first_data + SAMPLE_ROWS; r++)
        {
          g_autofree char *text = crm_import_cell_text (cell (g_ptr_array_index (self->table->rows, r), c));

          if (text[0] == '\0')
            continue;
          n++;
          emails += looks_like_email (text) ? 1 : 0;
          phones += looks_like_phone (text) ? 1 : 0;
        }

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

static void
set_up_columns (CrmCustomerImport *self)
{
  const CrmImportRawRow *first = g_ptr_array_index (self->table->rows, 0);
  gboolean have_family = FALSE;

  g_array_set_size (self->columns, 0);
  for (guint c = 0; c < self->table->n_columns; c++)
    {
      Column column = { 0 };
      const char *header = self->has_header ? cell (first, c) : "";
      HeaderMatch match = { CRM_CUSTOMER_COLUMN_IGNORE, HEADER_PLAIN };
      g_autofree char *trimmed = g_strstrip (g_strdup (header));

      column.title = trimmed[0] != '\0' ? g_strdup (trimmed) : g_strdup_printf (_("Column %u"), c + 1);
      column.type_column = -1;
      column.group = header_group (header);
      if (self->has_header && match_header (header, &match))
        {
          column.recognised = TRUE;
          column.field = match.field;
          if (match.kind == HEADER_NAME_OR_GIVEN)
            column.type_column = -2;   /* resolved below */
          else if (match.kind == HEADER_PHONE_TYPE)
            column.type_column = -3;
        }
      have_family = have_family || column.field == CRM_CUSTOMER_COLUMN_FAMILY_NAME;
      g_array_append_val (self->columns, column);
    }

  for (guint c = 0; c < self->columns->len; c++)
    {
      Column *column = &g_array_index (self->columns, Column, c);

      /* "სახელი" next to "გვარი" is the given name. */
      if (column->type_column == -2)
        {
          if (have_family)
            column->field = CRM_CUSTOMER_COLUMN_GIVEN_NAME;
          column->type_column = -1;
        }
      else if (column->type_column == -3)
        column->type_column = -1;
      else if (column->field == CRM_CUSTOMER_COLUMN_PHONE)
        {
          guint number = header_number (column->title);
          HeaderMatch match;

          /* Google: "Phone 2 - Type" says what "Phone 2 - Value" is. */
          for (guint t = 0; number > 0 && t < self->columns->len; t++)
            {
              const char *title = g_array_index (self->columns, Column, t).title;

              if (t != c && header_number (title) == number && match_header (title, &match) &&
                  match.kind == HEADER_PHONE_TYPE)
                column->type_column = (gint) t;
            }
        }
    }
}

static gboolean
any_recognised (CrmCustomerImport *self)
{
  for (guint c = 0; c < self->columns->len; c++)
    if (g_array_index (self->columns, Column, c).recognised)
      return TRUE;

  return FALSE;
}

static void
recognise_columns (CrmCustomerImport *self)
{
  const CrmImportRawRow *first = g_ptr_array_index (self->table->rows, 0);

  self->has_header = TRUE;
  set_up_columns (self);
  if (any_recognised (self))
    return;

  /* Nothing recognised: the first row may be a customer, not a header. */
  for (guint c = 0; c < first->n_cells; c++)
    {
      g_autofree char *text = crm_import_cell_text (first->cells[c]);

      if (looks_like_email (text) || looks_like_phone (text))
        {
          self->has_header = FALSE;
          set_up_columns (self);
          guess_columns (self);
          return;
        }
    }
}

static void
invalidate_plan (CrmCustomerImport *self)
{
  self->plan_valid = FALSE;
}

/* Building a customer from a record */

typedef struct
{
  char     *value;
  gboolean  mobile;
} Phone;

/* A person as the file describes them, before choosing what to keep. */
typedef struct
{
  char      *full_name;
  char      *given_name;
  char      *middle_name;
  char      *family_name;
  char      *organization;
  GArray    *phones;      /* Phone */
  GPtrArray *emails;
  GPtrArray *addresses;
  char      *birthday;
  GString   *notes;
  GPtrArray *tags;
} Contact;

static void
phone_clear (gpointer data)
{
  g_free (((Phone *) data)->value);
}

static void
contact_init (Contact *contact)
{
  memset (contact, 0, sizeof *contact);
  contact->phones = g_array_new (FALSE, TRUE, sizeof (Phone));
  g_array_set_clear_func (contact->phones, phone_clear);
  contact->emails = g_ptr_array_new_with_free_func (g_free);
  contact->addresses = g_ptr_array_new_with_free_func (g_free);
  contact->notes = g_string_new (NULL);
  contact->tags = g_ptr_array_new_with_free_func (g_free);
}

static void
contact_clear (Contact *contact)
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

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Contact, contact_clear)

static void
set_first (char       **field,
           const char  *value)
{
  if (*field == NULL && value != NULL && value[0] != '\0')
    *field = g_strdup (value);
}

static void
add_phone (Contact    *contact,
           const char *value,
           gboolean    mobile)
{
  Phone phone = { g_strstrip (g_strdup (value)), mobile };

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
add_note (Contact    *contact,
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
add_tags (Contact    *contact,
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

static void
contact_from_row (CrmCustomerImport     *self,
                  const CrmImportRawRow *row,
                  Contact               *contact)
{
  /* Address parts by group, in the order the groups first appear. */
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) group_texts = g_ptr_array_new_with_free_func (g_free);

  for (guint c = 0; c < self->columns->len; c++)
    {
      const Column *column = &g_array_index (self->columns, Column, c);
      g_autofree char *text = NULL;

      if (column->field == CRM_CUSTOMER_COLUMN_IGNORE)
        continue;

      text = crm_import_cell_text (cell (row, c));
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
              mobile = type_says_mobile (cell (row, (guint) column->type_column));
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

static void
contact_from_card (const CrmVCard *card,
                   Contact        *contact)
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
static void
customer_from_contact (Contact            *contact,
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
      GString *name = g_string_new (NULL);
      const char *parts[] = { contact->given_name, contact->middle_name, contact->family_name };

      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        {
          if (parts[i] == NULL)
            continue;
          if (name->len > 0)
            g_string_append_c (name, ' ');
          g_string_append (name, parts[i]);
        }
      customer->name = g_string_free (name, FALSE);
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
    if (g_array_index (contact->phones, Phone, i).mobile)
      chosen = (gint) i;
  if (chosen < 0 && contact->phones->len > 0)
    chosen = 0;

  if (chosen >= 0)
    {
      const char *phone = g_array_index (contact->phones, Phone, chosen).value;
      g_autofree char *key = crm_text_phone_key (phone);

      customer->phone = g_strdup (phone);
      for (guint i = 0; i < contact->phones->len; i++)
        {
          const char *other = g_array_index (contact->phones, Phone, i).value;
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

static guint
n_records (CrmCustomerImport *self)
{
  if (self->format == CRM_IMPORT_FORMAT_VCARD)
    return self->cards->len;

  return self->table->rows->len - (self->has_header ? 1 : 0);
}

/* The customer a record describes, and the row (or card) number. */
static guint
record_customer (CrmCustomerImport  *self,
                 guint               index,
                 CrmImportCustomer  *customer,
                 char              **remark)
{
  g_auto(Contact) contact = { 0 };
  guint number;

  contact_init (&contact);
  if (self->format == CRM_IMPORT_FORMAT_VCARD)
    {
      const CrmVCard *card = g_ptr_array_index (self->cards, index);

      contact_from_card (card, &contact);
      number = card->number;
    }
  else
    {
      const CrmImportRawRow *row = g_ptr_array_index (self->table->rows, index + (self->has_header ? 1 : 0));

      contact_from_row (self, row, &contact);
      number = row->row;
    }

  customer_from_contact (&contact, customer, remark);
  return number;
}

/* The plan */

typedef enum
{
  MATCH_NONE,
  MATCH_PHONE,
  MATCH_EMAIL,
} MatchKind;

static char *
existing_name (CrmStore *store,
               gint64    id)
{
  CrmStmt *stmt = crm_store_prepare (store, "SELECT name FROM customers WHERE id = ?1", NULL);
  char *name = NULL;

  if (stmt == NULL)
    return g_strdup ("");

  crm_stmt_bind_int64 (stmt, 1, id);
  if (crm_stmt_step (stmt) == CRM_STMT_ROW)
    name = g_strdup (crm_stmt_column_text (stmt, 0));
  crm_stmt_reset (stmt);

  return name ? name : g_strdup ("");
}

static char *
existing_reason (CrmCustomerImport *self,
                 MatchKind          kind,
                 const char        *name)
{
  if (kind == MATCH_PHONE)
    return g_strdup_printf (_("Same phone number as %s, who is already a customer."), name);

  return g_strdup_printf (_("Same e-mail as %s, who is already a customer."), name);
}

static char *
earlier_reason (CrmCustomerImport *self,
                MatchKind          kind,
                guint              row)
{
  gboolean card = self->format == CRM_IMPORT_FORMAT_VCARD;

  if (kind == MATCH_PHONE)
    return card ? g_strdup_printf (_("Same phone number as card %u."), row)
                : g_strdup_printf (_("Same phone number as row %u."), row);

  return card ? g_strdup_printf (_("Same e-mail as card %u."), row)
              : g_strdup_printf (_("Same e-mail as row %u."), row);
}

static void
set_reason (PlanRow *plan_row,
            char    *reason)
{
  if (reason == NULL)
    return;

  if (plan_row->row.reason != NULL)
    {
      char *joined = g_strconcat (reason, " ", plan_row->row.reason, NULL);

      g_free (plan_row->row.reason);
      g_free (reason);
      plan_row->row.reason = joined;
    }
  else
    plan_row->row.reason = reason;
}

/* Keys to find duplicates by: the normalised phone, the e-mail. */
static void
customer_keys (const CrmImportCustomer  *customer,
               char                    **phone_key,
               char                    **email_key)
{
  *phone_key = crm_text_phone_key (customer->phone);
  *email_key = crm_import_email_key (customer->email);
}

static CrmImportCustomer *
get_target (CrmCustomerImport *self,
            CrmStore          *store,
            gint64             id)
{
  CrmImportCustomer *target = g_hash_table_lookup (self->targets, &id);

  if (target == NULL)
    {
      target = g_new0 (CrmImportCustomer, 1);
      crm_import_customer_init (target);
      if (!crm_import_load_customer (store, id, target))
        {
          target_free (target);
          return NULL;
        }
      g_hash_table_insert (self->targets, g_memdup2 (&id, sizeof id), target);
      g_array_append_val (self->target_ids, id);
    }

  return target;
}

static void
publish_row (PlanRow *plan_row)
{
  const CrmImportCustomer *customer = &plan_row->customer;

  plan_row->row.name = customer->name;
  plan_row->row.phone = customer->phone;
  plan_row->row.email = customer->email;
  plan_row->row.address = customer->address;
  plan_row->row.birthday = customer->birthday;
  plan_row->row.notes = customer->notes;
  g_strfreev (plan_row->row.tags);
  plan_row->row.tags = g_new0 (char *, customer->tags->len + 1);
  for (guint i = 0; i < customer->tags->len; i++)
    plan_row->row.tags[i] = g_strdup (g_ptr_array_index (customer->tags, i));
}

static gboolean
has_name_column (CrmCustomerImport *self)
{
  for (guint c = 0; c < self->columns->len; c++)
    switch (g_array_index (self->columns, Column, c).field)
      {
      case CRM_CUSTOMER_COLUMN_NAME:
      case CRM_CUSTOMER_COLUMN_GIVEN_NAME:
      case CRM_CUSTOMER_COLUMN_MIDDLE_NAME:
      case CRM_CUSTOMER_COLUMN_FAMILY_NAME:
      case CRM_CUSTOMER_COLUMN_ORGANIZATION:
        return TRUE;
      default:
        break;
      }

  return FALSE;
}

static gboolean
check_columns (CrmCustomerImport  *self,
               GError            **error)
{
  if (self->format != CRM_IMPORT_FORMAT_CSV)
    return TRUE;

  if (!has_name_column (self))
    {
      g_auto(GStrv) unknown = crm_customer_import_dup_unknown_columns (self);

      if (unknown[0] != NULL)
        {
          g_autofree char *list = g_strjoinv ("”, “", unknown);

          g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_NO_DATA,
                       _("None of the columns holds the customers’ names. Call the column “Name”, "
                         "or “First name” and “Last name”. Columns not recognised: “%s”."),
                       list);
        }
      else
        g_set_error_literal (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_NO_DATA,
                             _("None of the columns holds the customers’ names. Call the column “Name”, "
                               "or “First name” and “Last name”."));
      return FALSE;
    }

  if (n_records (self) == 0)
    {
      g_set_error_literal (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_NO_DATA,
                           _("The file has a header row but no customers."));
      return FALSE;
    }

  return TRUE;
}

/* Makes the plan against the store as it is now. Nothing is written. */
static gboolean
make_plan (CrmCustomerImport  *self,
           CrmStore           *store,
           GError            **error)
{
  CrmCustomerIndex index;
  /* Keys of rows that will be added → their index in the plan. */
  g_autoptr(GHashTable) file_phones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) file_emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = n_records (self);

  self->plan_valid = FALSE;
  if (!check_columns (self, error))
    return FALSE;

  if (!crm_customer_index_load (&index, store, FALSE, error))
    return FALSE;

  g_ptr_array_set_size (self->plan, 0);
  g_hash_table_remove_all (self->targets);
  g_array_set_size (self->target_ids, 0);
  memset (&self->counts, 0, sizeof self->counts);

  for (guint i = 0; i < n; i++)
    {
      PlanRow *plan_row = g_new0 (PlanRow, 1);
      g_autoptr(GError) invalid = NULL;
      g_autofree char *remark = NULL;
      g_autofree char *phone_key = NULL;
      g_autofree char *email_key = NULL;
      MatchKind kind = MATCH_NONE;
      gint64 existing = 0;
      gpointer earlier_index = NULL;
      PlanRow *earlier = NULL;

      g_ptr_array_add (self->plan, plan_row);
      plan_row->row.row = record_customer (self, i, &plan_row->customer, &remark);
      plan_row->row.reason = g_steal_pointer (&remark);

      if (!crm_import_customer_clean (&plan_row->customer, &invalid))
        {
          plan_row->row.action = CRM_IMPORT_SKIP;
          g_free (plan_row->row.reason);
          plan_row->row.reason = g_strdup (invalid->message);
          self->counts.skipped++;
          continue;
        }

      customer_keys (&plan_row->customer, &phone_key, &email_key);

      if ((existing = crm_customer_index_lookup (index.by_phone, phone_key)) != 0)
        kind = MATCH_PHONE;
      else if ((existing = crm_customer_index_lookup (index.by_email, email_key)) != 0)
        kind = MATCH_EMAIL;
      else if (phone_key[0] != '\0' &&
               g_hash_table_lookup_extended (file_phones, phone_key, NULL, &earlier_index))
        kind = MATCH_PHONE;
      else if (email_key[0] != '\0' &&
               g_hash_table_lookup_extended (file_emails, email_key, NULL, &earlier_index))
        kind = MATCH_EMAIL;

      if (kind != MATCH_NONE && existing == 0)
        earlier = g_ptr_array_index (self->plan, GPOINTER_TO_UINT (earlier_index));

      if (kind == MATCH_NONE || self->policy == CRM_DUPLICATE_KEEP_BOTH)
        {
          plan_row->row.action = CRM_IMPORT_ADD;
          plan_row->row.customer_id = existing;
          if (existing != 0)
            {
              g_autofree char *name = existing_name (store, existing);

              set_reason (plan_row, existing_reason (self, kind, name));
            }
          else if (earlier != NULL)
            {
              plan_row->row.same_as_row = earlier->row.row;
              set_reason (plan_row, earlier_reason (self, kind, earlier->row.row));
            }

          if (phone_key[0] != '\0' && !g_hash_table_contains (file_phones, phone_key))
            g_hash_table_insert (file_phones, g_strdup (phone_key), GUINT_TO_POINTER (i));
          if (email_key[0] != '\0' && !g_hash_table_contains (file_emails, email_key))
            g_hash_table_insert (file_emails, g_strdup (email_key), GUINT_TO_POINTER (i));
          self->counts.added++;
          continue;
        }

      if (existing != 0)
        {
          plan_row->row.customer_id = existing;
          if (self->policy == CRM_DUPLICATE_SKIP)
            {
              g_autofree char *name = existing_name (store, existing);

              set_reason (plan_row, existing_reason (self, kind, name));
              plan_row->row.action = CRM_IMPORT_SKIP;
              self->counts.skipped++;
            }
          else
            {
              CrmImportCustomer *target = get_target (self, store, existing);
              g_autofree char *target_phone = NULL;
              g_autofree char *target_email = NULL;

              if (target == NULL)
                {
                  crm_store_set_sql_error (error, store, "customers");
                  crm_customer_index_clear (&index);
                  return FALSE;
                }

              set_reason (plan_row, existing_reason (self, kind, target->name));
              plan_row->row.action = CRM_IMPORT_MERGE;
              crm_import_customer_merge (target, &plan_row->customer);
              /* What the merge filled in finds this customer from now on. */
              customer_keys (target, &target_phone, &target_email);
              crm_customer_index_add (&index, existing, NULL, target_phone, target_email);
              self->counts.merged++;
            }
          continue;
        }

      plan_row->row.same_as_row = earlier->row.row;
      set_reason (plan_row, earlier_reason (self, kind, earlier->row.row));
      if (self->policy == CRM_DUPLICATE_SKIP)
        {
          plan_row->row.action = CRM_IMPORT_SKIP;
          self->counts.skipped++;
        }
      else
        {
          guint earlier_i = GPOINTER_TO_UINT (earlier_index);
          g_autofree char *merged_phone = NULL;
          g_autofree char *merged_email = NULL;

          plan_row->row.action = CRM_IMPORT_MERGE;
          crm_import_customer_merge (&earlier->customer, &plan_row->customer);
          customer_keys (&earlier->customer, &merged_phone, &merged_email);
          if (merged_phone[0] != '\0' && !g_hash_table_contains (file_phones, merged_phone))
            g_hash_table_insert (file_phones, g_strdup (merged_phone), GUINT_TO_POINTER (earlier_i));
          if (merged_email[0] != '\0' && !g_hash_table_contains (file_emails, merged_email))
            g_hash_table_insert (file_emails, g_strdup (merged_email), GUINT_TO_POINTER (earlier_i));
          self->counts.merged++;
        }
    }

  crm_customer_index_clear (&index);

  for (guint i = 0; i < self->plan->len; i++)
    publish_row (g_ptr_array_index (self->plan, i));

  self->plan_store = store;
  self->plan_generation = crm_import_store_generation (store);
  self->plan_valid = TRUE;
  return TRUE;
}

/* GObject */

static void
crm_customer_import_finalize (GObject *object)
{
  CrmCustomerImport *self = (CrmCustomerImport *) object;

  g_clear_pointer (&self->table, crm_import_table_free);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->plan, g_ptr_array_unref);
  g_clear_pointer (&self->targets, g_hash_table_unref);
  g_clear_pointer (&self->target_ids, g_array_unref);

  G_OBJECT_CLASS (crm_customer_import_parent_class)->finalize (object);
}

static void
crm_customer_import_class_init (CrmCustomerImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_customer_import_finalize;
}

static void
crm_customer_import_init (CrmCustomerImport *self)
{
  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, column_clear);
  self->plan = g_ptr_array_new_with_free_func (plan_row_free);
  self->targets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, target_free);
  self->target_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->policy = CRM_DUPLICATE_SKIP;
  self->has_header = TRUE;
}

/* Public API */

/**
 * crm_customer_import_new:
 * @bytes: the whole file (crm_import_load_file())
 * @format: %CRM_IMPORT_FORMAT_CSV or %CRM_IMPORT_FORMAT_VCARD
 *
 * Reads the file and recognises its columns. Nothing touches a store yet.
 *
 * Returns: (transfer full): the import, or %NULL with @error saying which
 *   row or card could not be read and why
 */
CrmCustomerImport *
crm_customer_import_new (GBytes           *bytes,
                         CrmImportFormat   format,
                         GError          **error)
{
  g_autoptr(CrmCustomerImport) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (format == CRM_IMPORT_FORMAT_CSV || format == CRM_IMPORT_FORMAT_VCARD, NULL);

  self = g_object_new (CRM_TYPE_CUSTOMER_IMPORT, NULL);
  self->format = format;

  if (format == CRM_IMPORT_FORMAT_VCARD)
    {
      self->cards = crm_vcard_parse (bytes, error);
      if (self->cards == NULL)
        return NULL;
      return g_steal_pointer (&self);
    }

  self->table = crm_import_table_read (bytes, error);
  if (self->table == NULL)
    return NULL;

  recognise_columns (self);
  return g_steal_pointer (&self);
}

CrmImportFormat
crm_customer_import_get_format (CrmCustomerImport *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_IMPORT (self), CRM_IMPORT_FORMAT_CSV);

  return self->format;
}

/**
 * crm_customer_import_get_n_records:
 *
 * Returns: the customers the file holds (rows after the header, or cards)
 */
guint
crm_customer_import_get_n_records (CrmCustomerImport *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_IMPORT (self), 0);

  return n_records (self);
}

guint
crm_customer_import_get_n_columns (CrmCustomerImport *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_IMPORT (self), 0);

  return self->columns->len;
}

/**
 * crm_customer_import_get_column_title:
 *
 * Returns: the column's header, or "Column 3" when it has none
 */
const char *
crm_customer_import_get_column_title (CrmCustomerImport *self,
                                      guint              column)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return g_array_index (self->columns, Column, column).title;
}

/**
 * crm_customer_import_get_column_sample:
 *
 * Returns: the column's first non-empty value, for a mapping dialog; "" if
 *   the first rows have none
 */
const char *
crm_customer_import_get_column_sample (CrmCustomerImport *self,
                                       guint              column)
{
  guint first;

  g_return_val_if_fail (CRM_IS_CUSTOMER_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  first = self->has_header ? 1 : 0;
  for (guint r = first; r < self->table->rows->len && r < first + SAMPLE_ROWS; r++)
    {
      const char *text = cell (g_ptr_array_index (self->table->rows, r), column);

      if (text[0] != '\0')
        return text;
    }

  return "";
}

CrmCustomerColumn
crm_customer_import_get_column_field (CrmCustomerImport *self,
                                      guint              column)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_IMPORT (self), CRM_CUSTOMER_COLUMN_IGNORE);
  g_return_val_if_fail (column < self->columns->len, CRM_CUSTOMER_COLUMN_IGNORE);

  return g_array_index (self->columns, Column, column).field;
}

/**
 * crm_customer_import_get_column_recognised:
 *
 * Returns: whether the header was recognised (or the column was mapped by
 *   hand); a mapping dialog asks about the others
 */
gboolean
crm_customer_import_get_column_recognised (CrmCustomerImport *self,
                                           guint              column)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_IMPORT (self), FALSE);
  g_return_val_if_fail (column < self->columns->len, FALSE);

  return g_array_index (self->columns, Column, column).recognised;
}

/**
 * crm_customer_import_set_column_field:
 *
 * Maps a column by hand. The plan must be prepared again.
 */
void
crm_customer_import_set_column_field (CrmCustomerImport *self,
                                      guint              column,
                                      CrmCustomerColumn  field)
{
  Column *c;

  g_return_if_fail (CRM_IS_CUSTOMER_IMPORT (self));
  g_return_if_fail (column < self->columns->len);
  g_return_if_fail (field < CRM_CUSTOMER_N_COLUMNS);

  c = &g_array_index (self->columns, Column, column);
  c->field = field;
  c->recognised = TRUE;
  if (field != CRM_CUSTOMER_COLUMN_PHONE)
    c->type_column = -1;
  invalidate_plan (self);
}

/**
 * crm_customer_import_dup_unknown_columns:
 *
 * Returns: (transfer full): the titles of columns whose header was not
 *   recognised and that hold data, in file order
 */
char **
crm_customer_import_dup_unknown_columns (CrmCustomerImport *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (CRM_IS_CUSTOMER_IMPORT (self), NULL);

  for (guint c = 0; c < self->columns->len; c++)
    {
      const Column *column = &g_array_index (self->columns, Column, c);

      if (!column->recognised && crm_customer_import_get_column_sample (self, c)[0] != '\0')
        g_strv_builder_add (builder, column->title);
    }

  return g_strv_builder_end (builder);
}

gboolean
crm_customer_import_get_has_header (CrmCustomerImport *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_IMPORT (self), FALSE);

  return self->has_header;
}

/**
 * crm_customer_import_set_has_header:
 *
 * Whether the first row names the columns. Changing it recognises the
 * columns afresh (hand-made mappings are lost).
 */
void
crm_customer_import_set_has_header (CrmCustomerImport *self,
                                    gboolean           has_header)
{
  g_return_if_fail (CRM_IS_CUSTOMER_IMPORT (self));

  if (self->format != CRM_IMPORT_FORMAT_CSV || self->has_header == !!has_header)
    return;

  self->has_header = !!has_header;
  set_up_columns (self);
  if (!self->has_header)
    guess_columns (self);
  invalidate_plan (self);
}

/**
 * crm_customer_column_get_label:
 *
 * Returns: what the column holds, in the interface language
 */
const char *
crm_customer_column_get_label (CrmCustomerColumn field)
{
  switch (field)
    {
    case CRM_CUSTOMER_COLUMN_NAME:
      return _("Name");
    case CRM_CUSTOMER_COLUMN_GIVEN_NAME:
      return _("First name");
    case CRM_CUSTOMER_COLUMN_MIDDLE_NAME:
      return _("Middle name");
    case CRM_CUSTOMER_COLUMN_FAMILY_NAME:
      return _("Last name");
    case CRM_CUSTOMER_COLUMN_ORGANIZATION:
      return _("Organisation");
    case CRM_CUSTOMER_COLUMN_MOBILE:
      return _("Mobile phone");
    case CRM_CUSTOMER_COLUMN_PHONE:
      return _("Phone");
    case CRM_CUSTOMER_COLUMN_EMAIL:
      return _("E-mail");
    case CRM_CUSTOMER_COLUMN_ADDRESS:
      return _("Address");
    case CRM_CUSTOMER_COLUMN_ADDRESS_PART:
      return _("Part of the address");
    case CRM_CUSTOMER_COLUMN_BIRTHDAY:
      return _("Birthday");
    case CRM_CUSTOMER_COLUMN_NOTES:
      return _("Notes");
    case CRM_CUSTOMER_COLUMN_TAGS:
      return _("Tags");
    case CRM_CUSTOMER_COLUMN_IGNORE:
    case CRM_CUSTOMER_N_COLUMNS:
    default:
      return _("Do not import");
    }
}

CrmDuplicatePolicy
crm_customer_import_get_policy (CrmCustomerImport *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_IMPORT (self), CRM_DUPLICATE_SKIP);

  return self->policy;
}

/**
 * crm_customer_import_set_policy:
 *
 * What to do with a row whose phone or e-mail is already a customer's or
 * an earlier row's (default: skip). The plan must be prepared again.
 */
void
crm_customer_import_set_policy (CrmCustomerImport  *self,
                                CrmDuplicatePolicy  policy)
{
  g_return_if_fail (CRM_IS_CUSTOMER_IMPORT (self));
  g_return_if_fail (policy <= CRM_DUPLICATE_KEEP_BOTH);

  if (self->policy != policy)
    {
      self->policy = policy;
      invalidate_plan (self);
    }
}

/**
 * crm_customer_import_prepare:
 *
 * The preview: works out, against @store as it is now, what each row will
 * do (add, merge, skip) and why. Writes nothing. Afterwards
 * crm_customer_import_get_row() and crm_customer_import_get_counts()
 * describe the plan.
 *
 * Returns: %FALSE with @error when the file cannot be imported at all
 *   (no column holds names, no rows)
 */
gboolean
crm_customer_import_prepare (CrmCustomerImport  *self,
                             CrmStore           *store,
                             GError            **error)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_IMPORT (self), FALSE);
  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  return make_plan (self, store, error);
}

guint
crm_customer_import_get_n_rows (CrmCustomerImport *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_IMPORT (self), 0);

  return self->plan->len;
}

/**
 * crm_customer_import_get_row:
 * @index: 0 to crm_customer_import_get_n_rows() - 1
 *
 * Returns: (transfer none): one row of the plan, valid until the plan is
 *   made again or the import is freed
 */
const CrmImportRow *
crm_customer_import_get_row (CrmCustomerImport *self,
                             guint              index)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_IMPORT (self), NULL);
  g_return_val_if_fail (index < self->plan->len, NULL);

  return &((PlanRow *) g_ptr_array_index (self->plan, index))->row;
}

void
crm_customer_import_get_counts (CrmCustomerImport *self,
                                CrmImportCounts   *counts)
{
  g_return_if_fail (CRM_IS_CUSTOMER_IMPORT (self));
  g_return_if_fail (counts != NULL);

  *counts = self->counts;
}

/**
 * crm_customer_import_apply:
 * @counts: (out) (optional): what was done
 *
 * Writes the plan in one transaction. The plan is made again inside the
 * transaction if the database changed since crm_customer_import_prepare()
 * (or was never prepared), so what is written always matches the data it
 * is written to. On any failure nothing is written.
 */
gboolean
crm_customer_import_apply (CrmCustomerImport  *self,
                           CrmStore           *store,
                           CrmImportCounts    *counts,
                           GError            **error)
{
  g_autoptr(CrmImportWriter) writer = NULL;
  g_autoptr(GError) local_error = NULL;
  guint failed_row = 0;

  g_return_val_if_fail (CRM_IS_CUSTOMER_IMPORT (self), FALSE);
  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (!crm_store_begin (store, error))
    return FALSE;

  if ((!self->plan_valid || self->plan_store != store ||
       self->plan_generation != crm_import_store_generation (store)) &&
      !make_plan (self, store, &local_error))
    goto failed;

  writer = crm_import_writer_new (store);
  for (guint i = 0; i < self->plan->len; i++)
    {
      PlanRow *plan_row = g_ptr_array_index (self->plan, i);

      if (plan_row->row.action != CRM_IMPORT_ADD)
        continue;
      if (crm_import_writer_add_customer (writer, &plan_row->customer, &local_error) == 0)
        {
          failed_row = plan_row->row.row;
          goto failed;
        }
    }

  for (guint i = 0; i < self->target_ids->len; i++)
    {
      gint64 id = g_array_index (self->target_ids, gint64, i);
      CrmImportCustomer *target = g_hash_table_lookup (self->targets, &id);

      if (!crm_import_writer_update_customer (writer, id, target, &local_error))
        goto failed;
    }

  if (!crm_import_writer_finish (writer, &local_error) ||
      !crm_store_commit (store, &local_error))
    goto failed;

  self->plan_valid = FALSE;
  if (counts != NULL)
    *counts = self->counts;
  return TRUE;

failed:
  crm_store_rollback (store);
  self->plan_valid = FALSE;
  if (failed_row > 0)
    g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_FAILED,
                 self->format == CRM_IMPORT_FORMAT_VCARD
                   ? _("Card %u could not be saved, so nothing was imported: %s")
                   : _("Row %u could not be saved, so nothing was imported: %s"),
                 failed_row, local_error->message);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * crm_customer_import_dup_summary:
 * @max_lines: the most rows to explain, after the counts
 *
 * The plan (or, after crm_customer_import_apply(), what was done) in
 * words: "3 customers added, 1 merged into existing customers, 2 skipped."
 * then one line per row that was not simply added. What the command line
 * prints.
 *
 * Returns: (transfer full): the summary, lines ending in "\n"
 */
char *
crm_customer_import_dup_summary (CrmCustomerImport *self,
                                 guint              max_lines)
{
  GString *out = g_string_new (NULL);
  gboolean card = self->format == CRM_IMPORT_FORMAT_VCARD;
  guint shown = 0, more = 0;

  g_return_val_if_fail (CRM_IS_CUSTOMER_IMPORT (self), NULL);

  g_string_append_printf (out, ngettext ("%u customer added", "%u customers added", self->counts.added),
                          self->counts.added);
  g_string_append (out, ", ");
  g_string_append_printf (out, ngettext ("%u merged into an existing customer",
                                         "%u merged into existing customers", self->counts.merged),
                          self->counts.merged);
  g_string_append (out, ", ");
  g_string_append_printf (out, ngettext ("%u skipped", "%u skipped", self->counts.skipped),
                          self->counts.skipped);
  g_string_append (out, ".\n");

  for (guint i = 0; i < self->plan->len; i++)
    {
      const CrmImportRow *row = &((PlanRow *) g_ptr_array_index (self->plan, i))->row;

      if (row->reason == NULL)
        continue;
      if (shown >= max_lines)
        {
          more++;
          continue;
        }

      switch (row->action)
        {
        case CRM_IMPORT_SKIP:
          if (card)
            g_string_append_printf (out, _("Card %u skipped: %s"), row->row, row->reason);
          else
            g_string_append_printf (out, _("Row %u skipped: %s"), row->row, row->reason);
          break;
        case CRM_IMPORT_MERGE:
          if (card)
            g_string_append_printf (out, _("Card %u merged: %s"), row->row, row->reason);
          else
            g_string_append_printf (out, _("Row %u merged: %s"), row->row, row->reason);
          break;
        case CRM_IMPORT_ADD:
        default:
          if (card)
            g_string_append_printf (out, _("Card %u added: %s"), row->row, row->reason);
          else
            g_string_append_printf (out, _("Row %u added: %s"), row->row, row->reason);
          break;
        }
      g_string_append_c (out, '\n');
      shown++;
    }

  if (more > 0)
    {
      g_string_append_printf (out, ngettext ("… and %u more.", "… and %u more.", more), more);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}
