/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The headers people, Google, Outlook, Thunderbird, Evolution, Yandex,
 * Mail.ru and tills write, in English, Georgian, Armenian, Russian and
 * German, and how a header is matched: whole, else by its first words.
 * docs/import.md lists them. */

#define G_LOG_DOMAIN "crm-import"

#include "config.h"

#include <string.h>

#include "crm-headers.h"
#include "crm-sales-import.h"
#include "crm-text.h"

#define ALIAS(text, field) { text, CRM_CUSTOMER_COLUMN_##field, CRM_HEADER_PLAIN }
#define KNOWN(text) { text, CRM_CUSTOMER_COLUMN_IGNORE, CRM_HEADER_KNOWN }

/* Written as people write them; matched after crm_import_header_key(), so
 * "E-mail 1 - Value" also matches "e-mail 2 value". */
static const CrmHeaderAlias customer_aliases[] = {
  ALIAS ("Name", NAME), ALIAS ("Full name", NAME), ALIAS ("Display name", NAME),
  ALIAS ("Customer", NAME), ALIAS ("Customer name", NAME), ALIAS ("Client", NAME),
  ALIAS ("Client name", NAME), ALIAS ("Contact", NAME), ALIAS ("Contact name", NAME),
  ALIAS ("სახელი და გვარი", NAME), ALIAS ("სახელი, გვარი", NAME), ALIAS ("სრული სახელი", NAME),
  ALIAS ("მომხმარებელი", NAME), ALIAS ("კლიენტი", NAME),
  ALIAS ("Անուն Ազգանուն", NAME), ALIAS ("Ամբողջական անուն", NAME),
  ALIAS ("Անուն Ազգանուն Հայրանուն", NAME), ALIAS ("Հաճախորդ", NAME),
  ALIAS ("ФИО", NAME), ALIAS ("Имя Фамилия", NAME), ALIAS ("Полное имя", NAME),
  ALIAS ("Клиент", NAME), ALIAS ("Покупатель", NAME),
  { "სახელი", CRM_CUSTOMER_COLUMN_NAME, CRM_HEADER_NAME_OR_GIVEN },
  { "Անուն", CRM_CUSTOMER_COLUMN_NAME, CRM_HEADER_NAME_OR_GIVEN },
  { "Имя", CRM_CUSTOMER_COLUMN_NAME, CRM_HEADER_NAME_OR_GIVEN },

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
  { "Phone 1 - Type", CRM_CUSTOMER_COLUMN_IGNORE, CRM_HEADER_PHONE_TYPE },
  { "Phone 1 - Label", CRM_CUSTOMER_COLUMN_IGNORE, CRM_HEADER_PHONE_TYPE },

  ALIAS ("Email", EMAIL), ALIAS ("E-mail", EMAIL), ALIAS ("Email address", EMAIL),
  ALIAS ("E-mail address", EMAIL), ALIAS ("E-mail 2 address", EMAIL), ALIAS ("E-mail 1 - Value", EMAIL),
  ALIAS ("Mail", EMAIL), ALIAS ("ელ-ფოსტა", EMAIL), ALIAS ("ელფოსტა", EMAIL),
  ALIAS ("ელექტრონული ფოსტა", EMAIL), ALIAS ("იმეილი", EMAIL), ALIAS ("მეილი", EMAIL),
  ALIAS ("Էլ. փոստ", EMAIL), ALIAS ("Էլփոստ", EMAIL), ALIAS ("Էլեկտրոնային փոստ", EMAIL),
  ALIAS ("Էլ. հասցե", EMAIL), ALIAS ("Эл. почта", EMAIL), ALIAS ("Электронная почта", EMAIL),
  ALIAS ("Почта", EMAIL),

  ALIAS ("Address", ADDRESS), ALIAS ("Street address", ADDRESS), ALIAS ("Postal address", ADDRESS),
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
  ALIAS ("Дата рождения", BIRTHDAY),
  { "День рождения", CRM_CUSTOMER_COLUMN_BIRTHDAY, CRM_HEADER_BIRTHDAY_OR_DAY },
  { "Geburtstag", CRM_CUSTOMER_COLUMN_BIRTHDAY, CRM_HEADER_BIRTHDAY_OR_DAY },

  ALIAS ("Notes", NOTES), ALIAS ("Note", NOTES), ALIAS ("Comment", NOTES), ALIAS ("Comments", NOTES),
  ALIAS ("Remarks", NOTES), ALIAS ("შენიშვნა", NOTES), ALIAS ("შენიშვნები", NOTES),
  ALIAS ("კომენტარი", NOTES), ALIAS ("კომენტარები", NOTES), ALIAS ("Նշում", NOTES),
  ALIAS ("Նշումներ", NOTES), ALIAS ("Մեկնաբանություն", NOTES), ALIAS ("Примечание", NOTES),
  ALIAS ("Примечания", NOTES), ALIAS ("Заметки", NOTES), ALIAS ("Комментарий", NOTES),

  ALIAS ("Language", LANGUAGE), ALIAS ("Preferred language", LANGUAGE), ALIAS ("ენა", LANGUAGE),
  ALIAS ("Լեզու", LANGUAGE), ALIAS ("Channel", CHANNEL), ALIAS ("Preferred channel", CHANNEL),
  ALIAS ("Telegram", TELEGRAM), ALIAS ("Telegram username", TELEGRAM),
  ALIAS ("Marketing consent", CONSENT),
  ALIAS ("Consent", CONSENT), ALIAS ("Consent date", CONSENT_DATE),
  ALIAS ("Consent source", CONSENT_SOURCE),
  ALIAS ("Tags", TAGS), ALIAS ("Tag", TAGS), ALIAS ("Labels", TAGS), ALIAS ("Groups", TAGS),
  ALIAS ("Group membership", TAGS), ALIAS ("Categories", TAGS), ALIAS ("Category", TAGS),
  ALIAS ("თეგები", TAGS), ALIAS ("ტეგები", TAGS), ALIAS ("იარლიყები", TAGS), ALIAS ("ჭდეები", TAGS),
  ALIAS ("კატეგორია", TAGS), ALIAS ("ჯგუფი", TAGS), ALIAS ("Պիտակներ", TAGS), ALIAS ("Պիտակ", TAGS),
  ALIAS ("Խմբեր", TAGS), ALIAS ("Теги", TAGS), ALIAS ("Метки", TAGS), ALIAS ("Группы", TAGS),
  ALIAS ("Категории", TAGS),

  /* Thunderbird (English, German, Russian), Evolution, Yandex, Mail.ru. */
  ALIAS ("Primary Email", EMAIL), ALIAS ("Secondary Email", EMAIL), ALIAS ("Email 2", EMAIL),
  ALIAS ("Primäre E-Mail-Adresse", EMAIL), ALIAS ("Sekundäre E-Mail-Adresse", EMAIL),
  ALIAS ("E-Mail-Adresse", EMAIL), ALIAS ("Основной адрес эл. почты", EMAIL),
  ALIAS ("Дополнительный адрес эл. почты", EMAIL), ALIAS ("Адрес эл. почты", EMAIL),
  ALIAS ("Адрес электронной почты", EMAIL), ALIAS ("Эл. почта 2", EMAIL),
  ALIAS ("Work Phone", PHONE), ALIAS ("Company Phone", PHONE), ALIAS ("Tel. dienstlich", PHONE),
  ALIAS ("Tel. privat", PHONE), ALIAS ("Telefon", PHONE), ALIAS ("Telefon 2", PHONE),
  ALIAS ("Рабочий телефон", PHONE), ALIAS ("Домашний телефон", PHONE), ALIAS ("Телефон 2", PHONE),
  ALIAS ("Другой телефон", PHONE),
  ALIAS ("Mobil-Tel.-Nr.", MOBILE), ALIAS ("Mobiltelefon", MOBILE), ALIAS ("Handy", MOBILE),
  ALIAS ("Anzeigename", NAME), ALIAS ("Отображаемое имя", NAME), ALIAS ("Имя для показа", NAME),
  ALIAS ("Vorname", GIVEN_NAME), ALIAS ("Nachname", FAMILY_NAME), ALIAS ("Firma", ORGANIZATION),
  ALIAS ("Notizen", NOTES), ALIAS ("Bemerkungen", NOTES), ALIAS ("Kategorien", TAGS),
  ALIAS ("Birth Year", BIRTH_YEAR), ALIAS ("Geburtsjahr", BIRTH_YEAR), ALIAS ("Год рождения", BIRTH_YEAR),
  ALIAS ("Birth Month", BIRTH_MONTH), ALIAS ("Geburtsmonat", BIRTH_MONTH),
  ALIAS ("Месяц рождения", BIRTH_MONTH), ALIAS ("Birth Day", BIRTH_DAY),
  ALIAS ("Home Address", ADDRESS_PART), ALIAS ("Home Address 2", ADDRESS_PART),
  ALIAS ("Home ZipCode", ADDRESS_PART), ALIAS ("Home Country", ADDRESS_PART),
  ALIAS ("Work Address", ADDRESS_PART), ALIAS ("Work Address 2", ADDRESS_PART),
  ALIAS ("Work City", ADDRESS_PART), ALIAS ("Work State", ADDRESS_PART),
  ALIAS ("Work ZipCode", ADDRESS_PART), ALIAS ("Work Country", ADDRESS_PART),
  ALIAS ("Business Address", ADDRESS_PART), ALIAS ("Business Address 2", ADDRESS_PART),
  ALIAS ("Business Address City", ADDRESS_PART), ALIAS ("Business Address State", ADDRESS_PART),
  ALIAS ("Business Address PostCode", ADDRESS_PART), ALIAS ("Business Address Country", ADDRESS_PART),
  ALIAS ("Home Address City", ADDRESS_PART), ALIAS ("Home Address State", ADDRESS_PART),
  ALIAS ("Home Address PostCode", ADDRESS_PART), ALIAS ("Home Address Country", ADDRESS_PART),
  ALIAS ("Other Address", ADDRESS_PART), ALIAS ("Other Address 2", ADDRESS_PART),
  ALIAS ("Other Address City", ADDRESS_PART), ALIAS ("Other Address State", ADDRESS_PART),
  ALIAS ("Other Address PostCode", ADDRESS_PART), ALIAS ("Other Address Country", ADDRESS_PART),
  ALIAS ("Privat: Adresse", ADDRESS_PART), ALIAS ("Privat: Adresszusatz", ADDRESS_PART),
  ALIAS ("Privat: Ort", ADDRESS_PART), ALIAS ("Privat: Bundesland", ADDRESS_PART),
  ALIAS ("Privat: PLZ", ADDRESS_PART), ALIAS ("Privat: Land", ADDRESS_PART),
  ALIAS ("Dienstlich: Adresse", ADDRESS_PART), ALIAS ("Dienstlich: Adresszusatz", ADDRESS_PART),
  ALIAS ("Dienstlich: Ort", ADDRESS_PART), ALIAS ("Dienstlich: Bundesland", ADDRESS_PART),
  ALIAS ("Dienstlich: PLZ", ADDRESS_PART), ALIAS ("Dienstlich: Land", ADDRESS_PART),
  ALIAS ("Straße", ADDRESS_PART), ALIAS ("PLZ", ADDRESS_PART), ALIAS ("Ort", ADDRESS_PART),
  ALIAS ("Stadt", ADDRESS_PART), ALIAS ("Land", ADDRESS_PART),
  ALIAS ("Домашний адрес", ADDRESS_PART), ALIAS ("Домашний адрес 2", ADDRESS_PART),
  ALIAS ("Домашний город", ADDRESS_PART), ALIAS ("Домашний регион", ADDRESS_PART),
  ALIAS ("Домашний индекс", ADDRESS_PART), ALIAS ("Домашняя страна", ADDRESS_PART),
  ALIAS ("Рабочий адрес", ADDRESS_PART), ALIAS ("Рабочий адрес 2", ADDRESS_PART),
  ALIAS ("Рабочий город", ADDRESS_PART), ALIAS ("Рабочий регион", ADDRESS_PART),
  ALIAS ("Рабочий индекс", ADDRESS_PART), ALIAS ("Рабочая страна", ADDRESS_PART),
  ALIAS ("Индекс", ADDRESS_PART), ALIAS ("Область", ADDRESS_PART), ALIAS ("Регион", ADDRESS_PART),
  ALIAS ("Страна", ADDRESS_PART), ALIAS ("Дом", ADDRESS_PART), ALIAS ("Квартира", ADDRESS_PART),
  KNOWN ("Screen Name"), KNOWN ("Fax Number"), KNOWN ("Pager Number"), KNOWN ("Work Web Page"),
  KNOWN ("Home Web Page"), KNOWN ("Callback Phone"), KNOWN ("ISDN Number"), KNOWN ("TTY"),
  KNOWN ("Web Site"), KNOWN ("Manager"), KNOWN ("Assistant"), KNOWN ("Office"), KNOWN ("Role"),
  KNOWN ("Spitzname"), KNOWN ("Chat-Name"), KNOWN ("Fax-Nummer"), KNOWN ("Pager-Nummer"),
  KNOWN ("Arbeitstitel"), KNOWN ("Abteilung"), KNOWN ("Псевдоним"), KNOWN ("Имя в чате"),
  KNOWN ("Факс"), KNOWN ("Пейджер"), KNOWN ("Должность"), KNOWN ("Отдел"), KNOWN ("Ник"),
  KNOWN ("Никнейм"), KNOWN ("Сайт"), KNOWN ("Пол"),

  /* Clientele's own export writes figures the import recomputes. */
  KNOWN ("Segment"), KNOWN ("Purchases"), KNOWN ("Last visit"), KNOWN ("Points"), KNOWN ("Tier"),
  KNOWN ("Name prefix"), KNOWN ("Name suffix"), KNOWN ("Title"), KNOWN ("Suffix"),
  KNOWN ("Initials"), KNOWN ("Nickname"), KNOWN ("Short name"), KNOWN ("Maiden name"),
  KNOWN ("Gender"), KNOWN ("Location"), KNOWN ("Billing information"), KNOWN ("Directory server"),
  KNOWN ("Mileage"), KNOWN ("Occupation"), KNOWN ("Hobby"), KNOWN ("Sensitivity"),
  KNOWN ("Priority"), KNOWN ("Subject"), KNOWN ("Photo"), KNOWN ("File as"), KNOWN ("Job title"),
  KNOWN ("Department"), KNOWN ("Web page"), KNOWN ("Private"),
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
static const CrmHeaderAlias customer_prefixes[] = {
  KNOWN ("Organization"), KNOWN ("Website 1"), KNOWN ("Relation 1"), KNOWN ("Event 1"),
  KNOWN ("IM 1"), KNOWN ("Custom Field 1"), KNOWN ("External ID 1"), KNOWN ("Phonetic"),
  KNOWN ("Yomi"), KNOWN ("Given Name Yomi"), KNOWN ("Additional Name Yomi"),
  KNOWN ("Family Name Yomi"), KNOWN ("E-mail 1 - Type"), KNOWN ("E-mail 1 - Label"),
  KNOWN ("E-mail 1 - Display Name"), KNOWN ("E-mail Display Name"), KNOWN ("E-mail Type"),
  KNOWN ("Address 1 - Type"), KNOWN ("Address 1 - Label"), KNOWN ("Spend"), KNOWN ("Web Page"),
  KNOWN ("Webseite"), KNOWN ("Веб-страница"),
  /* "Phone: mobile", "E-mail (work)", "Address: home", as some address
   * books write them; after the known ones above. */
  ALIAS ("Phone", PHONE), ALIAS ("Telephone", PHONE), ALIAS ("Tel", PHONE), ALIAS ("Mobile", MOBILE),
  ALIAS ("E-mail", EMAIL), ALIAS ("Email", EMAIL), ALIAS ("Address", ADDRESS_PART),
};

#undef ALIAS
#undef KNOWN

#define ALIAS(text, field) { text, CRM_SALES_COLUMN_##field, CRM_HEADER_PLAIN }

static const CrmHeaderAlias sales_aliases[] = {
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
static const CrmHeaderAlias sales_prefixes[] = {
  ALIAS ("Amount", AMOUNT), ALIAS ("Total", AMOUNT), ALIAS ("Sum", AMOUNT),
  ALIAS ("თანხა", AMOUNT), ALIAS ("Գումար", AMOUNT), ALIAS ("Сумма", AMOUNT),
};

#undef ALIAS

/* Matching */

typedef struct
{
  GHashTable *exact;      /* header key → HeaderAlias */
  GPtrArray  *prefixes;   /* header keys, in the order of the aliases */
  const CrmHeaderAlias *prefix_aliases;
} Vocabulary;

static Vocabulary *
vocabulary_new (const CrmHeaderAlias *aliases,
                gsize              n_aliases,
                const CrmHeaderAlias *prefixes,
                gsize              n_prefixes)
{
  Vocabulary *vocabulary = g_new0 (Vocabulary, 1);

  vocabulary->exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (gsize i = 0; i < n_aliases; i++)
    {
      gboolean added = g_hash_table_insert (vocabulary->exact, crm_import_header_key (aliases[i].text),
                                            (gpointer) &aliases[i]);

      /* Two aliases that fold alike would hide one of them. */
      if (!added)
        g_error ("the header “%s” is in the table twice", aliases[i].text);
    }

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
const CrmHeaderAlias *
crm_headers_match (CrmColumnsVocabulary  which,
                   const char           *title)
{
  const Vocabulary *vocabulary = get_vocabulary (which);
  g_autofree char *key = crm_import_header_key (title);
  const CrmHeaderAlias *alias = g_hash_table_lookup (vocabulary->exact, key);

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
guint
crm_headers_number (const char *title)
{
  for (const char *p = title; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return (guint) g_ascii_strtoull (p, NULL, 10);

  return 0;
}

/* First words that say whose address a part belongs to, shortened to
 * five letters so that Russian endings agree ("домашний", "домашняя"). */
static const char *const address_owners[] = {
  "home", "work", "busin", "other", "priva", "diens", "gesch", "домаш", "рабоч", "друго",
};

/* Address parts of one address share a group: Google numbers them
 * ("Address 2 - City"), Outlook and Thunderbird name them ("Business
 * City", "Privat: Ort"); "Street", "City" and "Zip" alone are one. */
guint
crm_headers_group (const char *title)
{
  g_autofree char *key = crm_import_header_key (title);
  g_auto(GStrv) words = g_strsplit (key, " ", -1);
  g_autofree char *first = NULL;

  if (words[0] == NULL)
    return 0;

  if (words[1] != NULL && g_str_equal (words[1], "#"))
    return g_str_hash (words[0]) * 31 + crm_headers_number (title);

  /* Found by fuzz-csv: g_utf8_substring() must not run past the end. */
  first = g_utf8_substring (words[0], 0, MIN (g_utf8_strlen (words[0], -1), 5));
  for (guint i = 0; i < G_N_ELEMENTS (address_owners); i++)
    if (g_str_equal (first, address_owners[i]))
      return g_str_hash (first);

  return 0;
}

/* "Phone: mobile", "Mobil-Tel.-Nr.": a header that says mobile. */
gboolean
crm_headers_say_mobile (const char *title)
{
  g_autofree char *key = crm_import_header_key (title);
  static const char *const mobile[] = { "mobil", "cell", "handy", "мобил", "сотов", "მობილ", "բջջ" };

  for (guint i = 0; i < G_N_ELEMENTS (mobile); i++)
    if (strstr (key, mobile[i]) != NULL)
      return TRUE;

  return FALSE;
}

