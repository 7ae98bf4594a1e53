/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Column recognition for every CSV import: the headers people, Google,
 * Outlook and tills write, in English, Georgian, Armenian and Russian;
 * what each column holds; samples; and, for customer files without a
 * header, a guess from the values. docs/import.md lists the headers. */

#define G_LOG_DOMAIN "crm-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-columns.h"
#include "crm-sales-import.h"
#include "crm-text.h"

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
  const char *text;
  guint       field;
  HeaderKind  kind;
} HeaderAlias;

#define ALIAS(text, field) { text, CRM_CUSTOMER_COLUMN_##field, HEADER_PLAIN }
#define KNOWN(text) { text, CRM_CUSTOMER_COLUMN_IGNORE, HEADER_KNOWN }

/* Written as people write them; matched after crm_import_header_key(), so
 * "E-mail 1 - Value" also matches "e-mail 2 value". */
static const HeaderAlias customer_aliases[] = {
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

/* Columns of contact exports we know and leave out, by their first words
 * ("Website 2 - Type", "Phonetic First Name", our own "spend_GEL"). */
static const HeaderAlias customer_prefixes[] = {
  KNOWN ("Organization"), KNOWN ("Website 1"), KNOWN ("Relation 1"), KNOWN ("Event 1"),
  KNOWN ("IM 1"), KNOWN ("Custom Field 1"), KNOWN ("External ID 1"), KNOWN ("Phonetic"),
  KNOWN ("Yomi"), KNOWN ("Given Name Yomi"), KNOWN ("Additional Name Yomi"),
  KNOWN ("Family Name Yomi"), KNOWN ("E-mail 1 - Type"), KNOWN ("E-mail 1 - Label"),
  KNOWN ("E-mail 1 - Display Name"), KNOWN ("E-mail Display Name"), KNOWN ("E-mail Type"),
  KNOWN ("Address 1 - Type"), KNOWN ("Address 1 - Label"), KNOWN ("Spend"),
};

#undef ALIAS
#undef KNOWN

#define ALIAS(text, field) { text, CRM_SALES_COLUMN_##field, HEADER_PLAIN }

static const HeaderAlias sales_aliases[] = {
  ALIAS ("Date", DATE), ALIAS ("Day", DATE), ALIAS ("Datetime", DATE), ALIAS ("Date time", DATE),
  ALIAS ("Date and time", DATE), ALIAS ("Timestamp", DATE), ALIAS ("Time stamp", DATE),
  ALIAS ("Sold at", DATE), ALIAS ("Purchase date", DATE), ALIAS ("Order date", DATE),
  ALIAS ("Sale date", DATE), ALIAS ("Created", DATE), ALIAS ("Created at", DATE),
  ALIAS ("თარიღი", DATE), ALIAS ("თარიღი და დრო", DATE), ALIAS ("Ամսաթիվ", DATE),
  ALIAS ("Ամսաթիվ և ժամ", DATE), ALIAS ("Дата", DATE), ALIAS ("Дата и время", DATE),
  ALIAS ("Дата продажи", DATE),

  ALIAS ("Time", TIME), ALIAS ("დრო", TIME), ALIAS ("Ժամ", TIME), ALIAS ("Ժամանակ", TIME),
  ALIAS ("Время", TIME),

  ALIAS ("Customer", CUSTOMER), ALIAS ("Client", CUSTOMER), ALIAS ("Buyer", CUSTOMER),
  ALIAS ("კლიენტი", CUSTOMER), ALIAS ("მომხმარებელი", CUSTOMER), ALIAS ("მყიდველი", CUSTOMER),
  ALIAS ("Հաճախորդ", CUSTOMER), ALIAS ("Գնորդ", CUSTOMER), ALIAS ("Клиент", CUSTOMER),
  ALIAS ("Покупатель", CUSTOMER),

  ALIAS ("Name", NAME), ALIAS ("Customer name", NAME), ALIAS ("Client name", NAME),
  ALIAS ("Full name", NAME), ALIAS ("სახელი", NAME), ALIAS ("სახელი და გვარი", NAME),
  ALIAS ("კლიენტის სახელი", NAME), ALIAS ("Անուն", NAME), ALIAS ("Անուն Ազգանուն", NAME),
  ALIAS ("Հաճախորդի անուն", NAME), ALIAS ("Имя", NAME), ALIAS ("ФИО", NAME),
  ALIAS ("Имя клиента", NAME),

  ALIAS ("Phone", PHONE), ALIAS ("Phone number", PHONE), ALIAS ("Customer phone", PHONE),
  ALIAS ("Client phone", PHONE), ALIAS ("Mobile", PHONE), ALIAS ("Tel", PHONE),
  ALIAS ("Telephone", PHONE), ALIAS ("ტელეფონი", PHONE), ALIAS ("მობილური", PHONE),
  ALIAS ("კლიენტის ტელეფონი", PHONE), ALIAS ("Հեռախոս", PHONE), ALIAS ("Հաճախորդի հեռախոս", PHONE),
  ALIAS ("Բջջային", PHONE), ALIAS ("Телефон", PHONE), ALIAS ("Телефон клиента", PHONE),

  ALIAS ("Email", EMAIL), ALIAS ("E-mail", EMAIL), ALIAS ("Customer email", EMAIL),
  ALIAS ("Customer e-mail", EMAIL), ALIAS ("ელ-ფოსტა", EMAIL), ALIAS ("ელფოსტა", EMAIL),
  ALIAS ("Էլ. փոստ", EMAIL), ALIAS ("Էլփոստ", EMAIL), ALIAS ("Эл. почта", EMAIL),

  ALIAS ("Amount", AMOUNT), ALIAS ("Total", AMOUNT), ALIAS ("Sum", AMOUNT), ALIAS ("Price", AMOUNT),
  ALIAS ("Paid", AMOUNT), ALIAS ("Value", AMOUNT), ALIAS ("Total amount", AMOUNT),
  ALIAS ("Amount paid", AMOUNT), ALIAS ("Grand total", AMOUNT), ALIAS ("თანხა", AMOUNT),
  ALIAS ("ჯამი", AMOUNT), ALIAS ("ფასი", AMOUNT), ALIAS ("სულ", AMOUNT), ALIAS ("Գումար", AMOUNT),
  ALIAS ("Ընդամենը", AMOUNT), ALIAS ("Գին", AMOUNT), ALIAS ("Сумма", AMOUNT), ALIAS ("Итого", AMOUNT),
  ALIAS ("Цена", AMOUNT),

  ALIAS ("Description", DESCRIPTION), ALIAS ("Items", DESCRIPTION), ALIAS ("Item", DESCRIPTION),
  ALIAS ("Product", DESCRIPTION), ALIAS ("Products", DESCRIPTION), ALIAS ("Goods", DESCRIPTION),
  ALIAS ("Details", DESCRIPTION), ALIAS ("Note", DESCRIPTION), ALIAS ("Notes", DESCRIPTION),
  ALIAS ("Comment", DESCRIPTION), ALIAS ("აღწერა", DESCRIPTION), ALIAS ("პროდუქტი", DESCRIPTION),
  ALIAS ("საქონელი", DESCRIPTION), ALIAS ("შენიშვნა", DESCRIPTION), ALIAS ("Նկարագրություն", DESCRIPTION),
  ALIAS ("Ապրանք", DESCRIPTION), ALIAS ("Ապրանքներ", DESCRIPTION), ALIAS ("Նշում", DESCRIPTION),
  ALIAS ("Описание", DESCRIPTION), ALIAS ("Товар", DESCRIPTION), ALIAS ("Товары", DESCRIPTION),
  ALIAS ("Примечание", DESCRIPTION),
};

/* "Amount (GEL)", "Total, ₾", "Сумма, руб": the start says enough. */
static const HeaderAlias sales_prefixes[] = {
  ALIAS ("Amount", AMOUNT), ALIAS ("Total", AMOUNT), ALIAS ("Sum", AMOUNT),
  ALIAS ("თანხა", AMOUNT), ALIAS ("Գումար", AMOUNT), ALIAS ("Сумма", AMOUNT),
};

#undef ALIAS

/* Matching */

typedef struct
{
  GHashTable *exact;      /* header key → HeaderAlias */
  GPtrArray  *prefixes;   /* header keys, in the order of the aliases */
  const HeaderAlias *prefix_aliases;
} Vocabulary;

static Vocabulary *
vocabulary_new (const HeaderAlias *aliases,
                gsize              n_aliases,
                const HeaderAlias *prefixes,
                gsize              n_prefixes)
{
  Vocabulary *vocabulary = g_new0 (Vocabulary, 1);

  vocabulary->exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (gsize i = 0; i < n_aliases; i++)
    g_hash_table_insert (vocabulary->exact, crm_import_header_key (aliases[i].text), (gpointer) &aliases[i]);

  vocabulary->prefixes = g_ptr_array_new_with_free_func (g_free);
  for (gsize i = 0; i < n_prefixes; i++)
    g_ptr_array_add (vocabulary->prefixes, crm_import_header_key (prefixes[i].text));
  vocabulary->prefix_aliases = prefixes;

  return vocabulary;
}

static const Vocabulary *
get_vocabulary (CrmColumnsVocabulary which)
{
  static Vocabulary *vocabularies[2] = { NULL, NULL };
  static gsize ready = 0;

  if (g_once_init_enter (&ready))
    {
      vocabularies[CRM_COLUMNS_CUSTOMERS] =
        vocabulary_new (customer_aliases, G_N_ELEMENTS (customer_aliases),
                        customer_prefixes, G_N_ELEMENTS (customer_prefixes));
      vocabularies[CRM_COLUMNS_SALES] =
        vocabulary_new (sales_aliases, G_N_ELEMENTS (sales_aliases),
                        sales_prefixes, G_N_ELEMENTS (sales_prefixes));
      g_once_init_leave (&ready, 1);
    }

  return vocabularies[which];
}

/* The alias a header matches: whole, else by its first words. */
static const HeaderAlias *
match_header (CrmColumnsVocabulary  which,
              const char           *title)
{
  const Vocabulary *vocabulary = get_vocabulary (which);
  g_autofree char *key = crm_import_header_key (title);
  const HeaderAlias *alias = g_hash_table_lookup (vocabulary->exact, key);

  if (alias != NULL || key[0] == '\0')
    return alias;

  for (guint i = 0; i < vocabulary->prefixes->len; i++)
    {
      const char *prefix = g_ptr_array_index (vocabulary->prefixes, i);
      gsize length = strlen (prefix);

      if (strncmp (key, prefix, length) == 0 && (key[length] == ' ' || key[length] == '\0'))
        return &vocabulary->prefix_aliases[i];
    }

  return NULL;
}

char *
crm_import_header_key (const char *header)
{
  g_autofree char *folded = crm_text_fold (header);
  GString *out = g_string_sized_new (strlen (folded));
  gboolean space = FALSE;
  gboolean digits = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isdigit (c))
        {
          if (!digits)
            {
              if (out->len > 0)
                g_string_append_c (out, ' ');
              g_string_append_c (out, '#');
            }
          digits = TRUE;
          space = TRUE;
          continue;
        }

      digits = FALSE;
      if (g_unichar_isalpha (c) || g_unichar_ismark (c))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
      else
        space = TRUE;
    }

  return g_string_free (out, FALSE);
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

gboolean
crm_columns_looks_like_email (const char *text)
{
  return strchr (text, '@') != NULL && crm_text_check_email (text, NULL);
}

gboolean
crm_columns_looks_like_phone (const char *text)
{
  guint digits = 0;

  for (const char *p = text; *p != '\0'; p++)
    digits += g_ascii_isdigit (*p) ? 1 : 0;

  return digits >= 6 && crm_text_check_phone (text, NULL);
}

/* Setting up */

static void
column_clear (gpointer data)
{
  g_free (((CrmColumn *) data)->title);
}

void
crm_columns_init (CrmColumns           *columns,
                  CrmColumnsVocabulary  vocabulary,
                  CrmImportTable       *table)
{
  columns->vocabulary = vocabulary;
  columns->table = table;
  columns->has_header = TRUE;
  columns->columns = g_array_new (FALSE, TRUE, sizeof (CrmColumn));
  g_array_set_clear_func (columns->columns, column_clear);
}

void
crm_columns_clear (CrmColumns *columns)
{
  g_clear_pointer (&columns->table, crm_import_table_free);
  g_clear_pointer (&columns->columns, g_array_unref);
}

static const char *
header_cell (CrmColumns *columns,
             guint       column)
{
  if (!columns->has_header)
    return "";

  return crm_import_raw_row_cell (g_ptr_array_index (columns->table->rows, 0), column);
}

/* Google: "Phone 2 - Type" says what "Phone 2 - Value" is. */
static gint
find_type_column (CrmColumns *columns,
                  guint       column)
{
  guint number = header_number (crm_columns_get_title (columns, column));

  for (guint t = 0; number > 0 && t < columns->columns->len; t++)
    {
      const char *title = crm_columns_get_title (columns, t);
      const HeaderAlias *alias;

      if (t == column || header_number (title) != number)
        continue;
      alias = match_header (columns->vocabulary, title);
      if (alias != NULL && alias->kind == HEADER_PHONE_TYPE)
        return (gint) t;
    }

  return -1;
}

/* What each column holds, by its header. */
static void
set_up (CrmColumns *columns)
{
  g_autoptr(GArray) kinds = g_array_new (FALSE, TRUE, sizeof (HeaderKind));
  gboolean seen[MAX ((guint) CRM_CUSTOMER_N_COLUMNS, (guint) CRM_SALES_N_COLUMNS)] = { FALSE };
  gboolean customers = columns->vocabulary == CRM_COLUMNS_CUSTOMERS;

  g_array_set_size (columns->columns, 0);
  g_array_set_size (kinds, columns->table->n_columns);
  for (guint c = 0; c < columns->table->n_columns; c++)
    {
      CrmColumn column = { 0 };
      const char *header = header_cell (columns, c);
      g_autofree char *trimmed = g_strstrip (g_strdup (header));
      const HeaderAlias *alias = columns->has_header ? match_header (columns->vocabulary, header) : NULL;

      column.title = trimmed[0] != '\0' ? g_strdup (trimmed) : g_strdup_printf (_("Column %u"), c + 1);
      column.type_column = -1;
      column.group = header_group (header);
      if (alias != NULL)
        {
          column.recognised = TRUE;
          column.field = alias->field;
          g_array_index (kinds, HeaderKind, c) = alias->kind;
        }
      /* A till's first "Total" is the amount; a second is some other total. */
      if (!customers && column.field != CRM_SALES_COLUMN_IGNORE && seen[column.field])
        column.field = CRM_SALES_COLUMN_IGNORE;
      seen[column.field] = TRUE;
      g_array_append_val (columns->columns, column);
    }

  if (!customers)
    return;

  for (guint c = 0; c < columns->columns->len; c++)
    {
      CrmColumn *column = crm_columns_get (columns, c);

      /* "სახელი" next to "გვარი" is the given name. */
      if (g_array_index (kinds, HeaderKind, c) == HEADER_NAME_OR_GIVEN &&
          seen[CRM_CUSTOMER_COLUMN_FAMILY_NAME])
        column->field = CRM_CUSTOMER_COLUMN_GIVEN_NAME;
      else if (column->field == CRM_CUSTOMER_COLUMN_PHONE)
        column->type_column = find_type_column (columns, c);
    }
}

/* Without a header, customer columns are told apart by what they hold. */
static void
guess_columns (CrmColumns *columns)
{
  gboolean have_name = FALSE;

  for (guint c = 0; c < columns->columns->len; c++)
    {
      CrmColumn *column = crm_columns_get (columns, c);
      guint n = 0, emails = 0, phones = 0;

      for (guint r = 0; r < crm_columns_get_n_records (columns) && r < SAMPLE_ROWS; r++)
        {
          g_autofree char *text = crm_import_cell_text (crm_import_raw_row_cell (crm_columns_get_record (columns, r), c));

          if (text[0] == '\0')
            continue;
          n++;
          emails += crm_columns_looks_like_email (text) ? 1 : 0;
          phones += crm_columns_looks_like_phone (text) ? 1 : 0;
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

static gboolean
any_recognised (CrmColumns *columns)
{
  for (guint c = 0; c < columns->columns->len; c++)
    if (crm_columns_get (columns, c)->recognised)
      return TRUE;

  return FALSE;
}

/**
 * crm_columns_recognise:
 *
 * Reads the header row. A customer file in which nothing is recognised
 * but whose first row holds a phone number or an e-mail has no header:
 * its columns are guessed from their values.
 */
void
crm_columns_recognise (CrmColumns *columns)
{
  const CrmImportRawRow *first = g_ptr_array_index (columns->table->rows, 0);

  columns->has_header = TRUE;
  set_up (columns);
  if (columns->vocabulary != CRM_COLUMNS_CUSTOMERS || any_recognised (columns))
    return;

  for (guint c = 0; c < first->n_cells; c++)
    {
      g_autofree char *text = crm_import_cell_text (first->cells[c]);

      if (crm_columns_looks_like_email (text) || crm_columns_looks_like_phone (text))
        {
          crm_columns_set_has_header (columns, FALSE);
          return;
        }
    }
}

/* Whether the first row names the columns: the columns are recognised
 * afresh (hand-made mappings are lost). */
void
crm_columns_set_has_header (CrmColumns *columns,
                            gboolean    has_header)
{
  columns->has_header = has_header;
  set_up (columns);
  if (!has_header)
    guess_columns (columns);
}

/* Reading */

/* The rows after the header. */
guint
crm_columns_get_n_records (CrmColumns *columns)
{
  return columns->table->rows->len - (columns->has_header ? 1 : 0);
}

const CrmImportRawRow *
crm_columns_get_record (CrmColumns *columns,
                        guint       index)
{
  return g_ptr_array_index (columns->table->rows, index + (columns->has_header ? 1 : 0));
}

guint
crm_columns_get_n (CrmColumns *columns)
{
  return columns->columns->len;
}

CrmColumn *
crm_columns_get (CrmColumns *columns,
                 guint       column)
{
  g_return_val_if_fail (column < columns->columns->len, NULL);

  return &g_array_index (columns->columns, CrmColumn, column);
}

/* "Column 3" when the header has no title. */
const char *
crm_columns_get_title (CrmColumns *columns,
                       guint       column)
{
  g_return_val_if_fail (column < columns->columns->len, NULL);

  return crm_columns_get (columns, column)->title;
}

/* The column's first value in the first rows, for a mapping dialog; "" if
 * they have none. */
const char *
crm_columns_get_sample (CrmColumns *columns,
                        guint       column)
{
  g_return_val_if_fail (column < columns->columns->len, NULL);

  for (guint r = 0; r < crm_columns_get_n_records (columns) && r < SAMPLE_ROWS; r++)
    {
      const char *text = crm_import_raw_row_cell (crm_columns_get_record (columns, r), column);

      if (text[0] != '\0')
        return text;
    }

  return "";
}

guint
crm_columns_get_field (CrmColumns *columns,
                       guint       column)
{
  g_return_val_if_fail (column < columns->columns->len, 0);

  return crm_columns_get (columns, column)->field;
}

/* Whether the header was recognised, or the column was mapped by hand. */
gboolean
crm_columns_get_recognised (CrmColumns *columns,
                            guint       column)
{
  g_return_val_if_fail (column < columns->columns->len, FALSE);

  return crm_columns_get (columns, column)->recognised;
}

/* Maps a column by hand. */
void
crm_columns_set_field (CrmColumns *columns,
                       guint       column,
                       guint       field)
{
  CrmColumn *c;

  g_return_if_fail (column < columns->columns->len);

  c = crm_columns_get (columns, column);
  if (c->field != field)
    c->type_column = -1;
  c->field = field;
  c->recognised = TRUE;
}

/* The titles of columns with data whose header was not recognised. */
char **
crm_columns_dup_unknown (CrmColumns *columns)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint c = 0; c < columns->columns->len; c++)
    if (!crm_columns_get_recognised (columns, c) && crm_columns_get_sample (columns, c)[0] != '\0')
      g_strv_builder_add (builder, crm_columns_get_title (columns, c));

  return g_strv_builder_end (builder);
}

gboolean
crm_columns_has_field (CrmColumns *columns,
                       guint       field)
{
  for (guint c = 0; c < columns->columns->len; c++)
    if (crm_columns_get_field (columns, c) == field)
      return TRUE;

  return FALSE;
}

/**
 * crm_columns_value:
 * @storage: (inout): holds the returned text; free it
 *
 * Returns: (nullable): the row's first non-empty value in a column that
 *   holds @field, as typed (crm_import_cell_text())
 */
const char *
crm_columns_value (CrmColumns            *columns,
                   const CrmImportRawRow *row,
                   guint                  field,
                   char                 **storage)
{
  for (guint c = 0; c < columns->columns->len; c++)
    if (crm_columns_get_field (columns, c) == field)
      {
        g_free (*storage);
        *storage = crm_import_cell_text (crm_import_raw_row_cell (row, c));
        if ((*storage)[0] != '\0')
          return *storage;
      }

  return NULL;
}

/**
 * crm_columns_refuse:
 * @message: what is missing, for people
 *
 * Refuses the file for a missing column, naming the columns that were not
 * recognised (one of them may be it).
 *
 * Returns: %FALSE, always
 */
gboolean
crm_columns_refuse (CrmColumns  *columns,
                    const char  *message,
                    GError     **error)
{
  g_auto(GStrv) unknown = crm_columns_dup_unknown (columns);

  if (unknown[0] != NULL)
    {
      g_autofree char *list = g_strjoinv ("”, “", unknown);
      g_autofree char *named = g_strdup_printf (_("Columns not recognised: “%s”."), list);

      g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_NO_DATA, "%s %s", message, named);
    }
  else
    g_set_error_literal (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_NO_DATA, message);

  return FALSE;
}
