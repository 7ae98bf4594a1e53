/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Sales history from a till's CSV export: each row a date, who bought
 * (phone, e-mail or name) and an amount. Buyers are found by phone, then
 * e-mail, then exact name; rows that match nobody are reported, or create
 * their customer when asked to. A purchase already in the shop's history
 * (same customer, time and amount) is not recorded twice, so importing
 * the same export again is harmless. */

#define G_LOG_DOMAIN "crm-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-import-private.h"
#include "crm-money.h"
#include "crm-sales-import.h"
#include "crm-text.h"

/* A sale dated later than this after now is a misread date. */
#define FUTURE_SLACK (24 * 60 * 60)

#define SAMPLE_ROWS 100

typedef struct
{
  const char     *text;
  CrmSalesColumn  field;
} SalesAlias;

#define ALIAS(text, field) { text, CRM_SALES_COLUMN_##field }

static const SalesAlias sales_aliases[] = {
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
static const SalesAlias sales_prefixes[] = {
  ALIAS ("Amount", AMOUNT), ALIAS ("Total", AMOUNT), ALIAS ("Sum", AMOUNT),
  ALIAS ("თანხა", AMOUNT), ALIAS ("Գումար", AMOUNT), ALIAS ("Сумма", AMOUNT),
};

typedef struct
{
  char           *title;
  CrmSalesColumn  field;
  gboolean        recognised;
} Column;

typedef struct
{
  CrmSalesRow  row;
  gint         new_index;   /* into new_customers, or -1 */
} PlanRow;

struct _CrmSalesImport
{
  GObject          parent_instance;

  CrmImportTable  *table;
  GArray          *columns;   /* Column */
  gboolean         create_customers;

  GPtrArray       *plan;      /* PlanRow */
  GPtrArray       *new_customers;   /* CrmImportCustomer */
  CrmSalesCounts   counts;

  CrmStore        *plan_store;
  gint64           plan_generation;
  gboolean         plan_valid;
};

G_DEFINE_FINAL_TYPE (CrmSalesImport, crm_sales_import, G_TYPE_OBJECT)

static void
plan_row_free (gpointer data)
{
  PlanRow *plan_row = data;

  g_free (plan_row->row.reason);
  g_free (plan_row->row.customer);
  g_free (plan_row->row.description);
  g_free (plan_row);
}

static void
new_customer_free (gpointer data)
{
  CrmImportCustomer *customer = data;

  crm_import_customer_clear (customer);
  g_free (customer);
}

static void
column_clear (gpointer data)
{
  g_free (((Column *) data)->title);
}

static GHashTable *
alias_table (void)
{
  static GHashTable *table = NULL;

  if (g_once_init_enter (&table))
    {
      GHashTable *aliases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < G_N_ELEMENTS (sales_aliases); i++)
        g_hash_table_insert (aliases, crm_import_header_key (sales_aliases[i].text),
                             GUINT_TO_POINTER (sales_aliases[i].field));

      g_once_init_leave (&table, aliases);
    }

  return table;
}

static CrmSalesColumn
match_header (const char *title,
              gboolean   *recognised)
{
  g_autofree char *key = crm_import_header_key (title);
  gpointer field;

  *recognised = TRUE;
  if (g_hash_table_lookup_extended (alias_table (), key, NULL, &field))
    return GPOINTER_TO_UINT (field);

  for (guint i = 0; i < G_N_ELEMENTS (sales_prefixes); i++)
    {
      g_autofree char *prefix = crm_import_header_key (sales_prefixes[i].text);

      if (g_str_has_prefix (key, prefix) &&
          (key[strlen (prefix)] == ' ' || key[strlen (prefix)] == '\0'))
        return sales_prefixes[i].field;
    }

  *recognised = FALSE;
  return CRM_SALES_COLUMN_IGNORE;
}

static void
recognise_columns (CrmSalesImport *self)
{
  const CrmImportRawRow *header = g_ptr_array_index (self->table->rows, 0);
  gboolean seen[CRM_SALES_N_COLUMNS] = { FALSE };

  for (guint c = 0; c < self->table->n_columns; c++)
    {
      Column column = { 0 };
      g_autofree char *title = g_strstrip (g_strdup (crm_import_raw_row_cell (header, c)));

      column.title = title[0] != '\0' ? g_strdup (title) : g_strdup_printf (_("Column %u"), c + 1);
      column.field = match_header (title, &column.recognised);
      /* The first "Total" is the amount; a second is some other total. */
      if (column.field != CRM_SALES_COLUMN_IGNORE && seen[column.field])
        column.field = CRM_SALES_COLUMN_IGNORE;
      seen[column.field] = TRUE;
      g_array_append_val (self->columns, column);
    }
}

static const char *
column_value (CrmSalesImport        *self,
              const CrmImportRawRow *row,
              CrmSalesColumn         field,
              char                 **storage)
{
  for (guint c = 0; c < self->columns->len; c++)
    if (g_array_index (self->columns, Column, c).field == field)
      {
        g_free (*storage);
        *storage = crm_import_cell_text (crm_import_raw_row_cell (row, c));
        if ((*storage)[0] != '\0')
          return *storage;
      }

  return NULL;
}

static gboolean
has_column (CrmSalesImport *self,
            CrmSalesColumn  field)
{
  for (guint c = 0; c < self->columns->len; c++)
    if (g_array_index (self->columns, Column, c).field == field)
      return TRUE;

  return FALSE;
}

static gboolean
missing_column (CrmSalesImport  *self,
                const char      *message,
                GError         **error)
{
  g_auto(GStrv) unknown = crm_sales_import_dup_unknown_columns (self);

  if (unknown[0] != NULL)
    {
      g_autofree char *list = g_strjoinv ("”, “", unknown);
      g_autofree char *columns = g_strdup_printf (_("Columns not recognised: “%s”."), list);

      g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_NO_DATA, "%s %s", message, columns);
    }
  else
    g_set_error_literal (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_NO_DATA, message);

  return FALSE;
}

static gboolean
check_columns (CrmSalesImport  *self,
               GError         **error)
{
  if (!has_column (self, CRM_SALES_COLUMN_DATE))
    return missing_column (self, _("No column holds the dates of the sales. Call it “Date”."), error);
  if (!has_column (self, CRM_SALES_COLUMN_AMOUNT))
    return missing_column (self, _("No column holds the amounts. Call it “Amount”."), error);
  if (!has_column (self, CRM_SALES_COLUMN_CUSTOMER) && !has_column (self, CRM_SALES_COLUMN_PHONE) &&
      !has_column (self, CRM_SALES_COLUMN_EMAIL) && !has_column (self, CRM_SALES_COLUMN_NAME))
    return missing_column (self, _("No column tells who bought. Call it “Phone”, “E-mail” or “Customer”."),
                           error);
  if (self->table->rows->len < 2)
    {
      g_set_error_literal (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_NO_DATA,
                           _("The file has a header row but no sales."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_two (const char **p,
          int         *value,
          gboolean     one_allowed)
{
  if (!g_ascii_isdigit ((*p)[0]))
    return FALSE;
  if (g_ascii_isdigit ((*p)[1]))
    {
      *value = ((*p)[0] - '0') * 10 + ((*p)[1] - '0');
      *p += 2;
      return TRUE;
    }
  if (!one_allowed)
    return FALSE;
  *value = (*p)[0] - '0';
  *p += 1;
  return TRUE;
}

/* 9:05, 09:05, 09:05:30 */
static gboolean
parse_time_of_day (const char *text,
                   int        *hour,
                   int        *minute,
                   int        *second)
{
  const char *p = text;

  *second = 0;
  if (!read_two (&p, hour, TRUE) || *p++ != ':' || !read_two (&p, minute, FALSE))
    return FALSE;
  if (*p == ':' && (p++, !read_two (&p, second, FALSE)))
    return FALSE;
  while (*p == ' ')
    p++;

  return *p == '\0' && *hour < 24 && *minute < 60 && *second < 60;
}

/* The sale's time: a date alone is noon, so the day stays the same in
 * any nearby time zone. */
static gboolean
parse_when (const char  *date,
            const char  *time,
            GTimeZone   *zone,
            gint64      *at,
            char       **reason)
{
  g_autoptr(GDateTime) when = NULL;
  int year, month, day, hour, minute, second;
  gboolean has_time;

  if (!crm_import_parse_date (date, TRUE, &year, &month, &day, &hour, &minute, &second, &has_time))
    {
      *reason = g_strdup_printf (_("Date “%s” is not a date this import understands; write it as "
                                   "2026-05-31, 31.05.2026 or 31/05/2026."),
                                 date);
      return FALSE;
    }

  if (!has_time && time != NULL)
    {
      if (!parse_time_of_day (time, &hour, &minute, &second))
        {
          *reason = g_strdup_printf (_("Time “%s” is not a time of day, such as 14:30."), time);
          return FALSE;
        }
      has_time = TRUE;
    }

  if (!has_time)
    hour = 12;

  when = g_date_time_new (zone, year, month, day, hour, minute, second);
  if (when == NULL)
    {
      *reason = g_strdup_printf (_("Date “%s” is not a date this import understands; write it as "
                                   "2026-05-31, 31.05.2026 or 31/05/2026."),
                                 date);
      return FALSE;
    }

  *at = g_date_time_to_unix (when);
  return TRUE;
}

static gboolean
looks_like_email (const char *text)
{
  return strchr (text, '@') != NULL;
}

static gboolean
looks_like_phone (const char *text)
{
  guint digits = 0;

  for (const char *p = text; *p != '\0'; p++)
    digits += g_ascii_isdigit (*p) ? 1 : 0;

  return digits >= 6 && crm_text_check_phone (text, NULL);
}

/* The count of purchases like this one (same customer, time, amount)
 * already stored, less those earlier rows of the file have accounted for. */
static gboolean
already_recorded (CrmStore   *store,
                  GHashTable *seen,
                  gint64      customer_id,
                  gint64      at,
                  gint64      amount)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                          customer_id, at, amount);
  gpointer value;
  gint64 left;

  if (g_hash_table_lookup_extended (seen, key, NULL, &value))
    left = GPOINTER_TO_INT (value);
  else
    {
      CrmStmt *stmt = crm_store_prepare (store,
                                              "SELECT count (*) FROM purchases "
                                              "WHERE customer_id = ?1 AND at = ?2 AND amount = ?3",
                                              NULL);

      left = 0;
      if (stmt != NULL)
        {
          crm_stmt_bind_int64 (stmt, 1, customer_id);
          crm_stmt_bind_int64 (stmt, 2, at);
          crm_stmt_bind_int64 (stmt, 3, amount);
          if (crm_stmt_step (stmt) == CRM_STMT_ROW)
            left = crm_stmt_column_int64 (stmt, 0);
          crm_stmt_reset (stmt);
        }
    }

  if (left > 0)
    {
      g_hash_table_insert (seen, g_steal_pointer (&key), GINT_TO_POINTER ((gint) (left - 1)));
      return TRUE;
    }

  g_hash_table_insert (seen, g_steal_pointer (&key), GINT_TO_POINTER (0));
  return FALSE;
}

/* Keys of customers this import will create → their index + 1. */
typedef struct
{
  GHashTable *by_phone;
  GHashTable *by_email;
  GHashTable *by_name;
} NewKeys;

static gint
find_new (NewKeys    *keys,
          const char *phone_key,
          const char *email_key,
          const char *name_key)
{
  gpointer value = NULL;

  if ((phone_key[0] != '\0' && (value = g_hash_table_lookup (keys->by_phone, phone_key)) != NULL) ||
      (email_key[0] != '\0' && (value = g_hash_table_lookup (keys->by_email, email_key)) != NULL) ||
      (name_key[0] != '\0' && (value = g_hash_table_lookup (keys->by_name, name_key)) != NULL))
    return GPOINTER_TO_INT (value) - 1;

  return -1;
}

static void
remember_new (NewKeys    *keys,
              gint        index,
              const char *phone_key,
              const char *email_key,
              const char *name_key)
{
  if (phone_key[0] != '\0' && !g_hash_table_contains (keys->by_phone, phone_key))
    g_hash_table_insert (keys->by_phone, g_strdup (phone_key), GINT_TO_POINTER (index + 1));
  if (email_key[0] != '\0' && !g_hash_table_contains (keys->by_email, email_key))
    g_hash_table_insert (keys->by_email, g_strdup (email_key), GINT_TO_POINTER (index + 1));
  if (name_key[0] != '\0' && !g_hash_table_contains (keys->by_name, name_key))
    g_hash_table_insert (keys->by_name, g_strdup (name_key), GINT_TO_POINTER (index + 1));
}

static void
skip (CrmSalesImport *self,
      PlanRow        *plan_row,
      char           *reason)
{
  plan_row->row.action = CRM_IMPORT_SKIP;
  g_free (plan_row->row.reason);
  plan_row->row.reason = reason;
  self->counts.skipped++;
}

static gboolean
make_plan (CrmSalesImport  *self,
           CrmStore        *store,
           GError         **error)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  NewKeys keys;
  CrmCustomerIndex index;
  gint64 latest = crm_store_now (store) + FUTURE_SLACK;

  self->plan_valid = FALSE;
  if (!check_columns (self, error) || !crm_customer_index_load (&index, store, TRUE, error))
    return FALSE;

  keys.by_phone = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  keys.by_email = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  keys.by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_ptr_array_set_size (self->plan, 0);
  g_ptr_array_set_size (self->new_customers, 0);
  memset (&self->counts, 0, sizeof self->counts);

  for (guint r = 1; r < self->table->rows->len; r++)
    {
      const CrmImportRawRow *raw = g_ptr_array_index (self->table->rows, r);
      PlanRow *plan_row = g_new0 (PlanRow, 1);
      g_autofree char *date_s = NULL, *time_s = NULL, *phone_s = NULL, *email_s = NULL;
      g_autofree char *name_s = NULL, *customer_s = NULL, *amount_s = NULL, *description_s = NULL;
      const char *date, *time, *amount_text, *description;
      const char *phone, *email, *name, *customer;
      g_autofree char *phone_key = NULL;
      g_autofree char *email_key = NULL;
      g_autofree char *name_key = NULL;
      g_autoptr(GError) local_error = NULL;
      char *reason = NULL;
      gint64 id = 0;
      gint64 by_name;

      plan_row->row.row = raw->row;
      plan_row->new_index = -1;
      g_ptr_array_add (self->plan, plan_row);

      date = column_value (self, raw, CRM_SALES_COLUMN_DATE, &date_s);
      time = column_value (self, raw, CRM_SALES_COLUMN_TIME, &time_s);
      phone = column_value (self, raw, CRM_SALES_COLUMN_PHONE, &phone_s);
      email = column_value (self, raw, CRM_SALES_COLUMN_EMAIL, &email_s);
      name = column_value (self, raw, CRM_SALES_COLUMN_NAME, &name_s);
      customer = column_value (self, raw, CRM_SALES_COLUMN_CUSTOMER, &customer_s);
      amount_text = column_value (self, raw, CRM_SALES_COLUMN_AMOUNT, &amount_s);
      description = column_value (self, raw, CRM_SALES_COLUMN_DESCRIPTION, &description_s);

      /* "Customer" holds whichever the till knew. */
      if (customer != NULL)
        {
          if (email == NULL && looks_like_email (customer))
            email = customer;
          else if (phone == NULL && looks_like_phone (customer))
            phone = customer;
          else if (name == NULL)
            name = customer;
        }

      plan_row->row.customer = g_strdup (name ? name : phone ? phone : email ? email : "");
      plan_row->row.description = crm_text_clean (description, CRM_IMPORT_MAX_FIELD);

      if (amount_text == NULL)
        {
          skip (self, plan_row, g_strdup (_("There is no amount.")));
          continue;
        }
      if (!crm_money_parse (amount_text, &plan_row->row.amount, &local_error))
        {
          skip (self, plan_row, g_strdup_printf (_("Amount “%s”: %s"), amount_text, local_error->message));
          continue;
        }
      if (plan_row->row.amount == 0)
        {
          skip (self, plan_row, g_strdup (_("The amount is zero.")));
          continue;
        }

      if (date == NULL)
        {
          skip (self, plan_row, g_strdup (_("There is no date.")));
          continue;
        }
      if (!parse_when (date, time, zone, &plan_row->row.at, &reason))
        {
          skip (self, plan_row, reason);
          continue;
        }
      if (plan_row->row.at > latest)
        {
          skip (self, plan_row, g_strdup_printf (_("Date “%s” is in the future."), date));
          continue;
        }

      if (phone == NULL && email == NULL && name == NULL)
        {
          skip (self, plan_row, g_strdup (_("The row does not say who bought: "
                                            "there is no phone, e-mail or name.")));
          continue;
        }

      phone_key = crm_text_phone_key (phone);
      email_key = crm_import_email_key (email);
      name_key = crm_text_fold (name);

      id = crm_customer_index_lookup (index.by_phone, phone_key);
      if (id == 0)
        id = crm_customer_index_lookup (index.by_email, email_key);
      by_name = crm_customer_index_lookup (index.by_name, name_key);
      if (id == 0 && by_name > 0)
        id = by_name;

      if (id > 0)
        {
          const char *stored_name = g_hash_table_lookup (index.names, &id);

          plan_row->row.customer_id = id;
          if (stored_name != NULL)
            {
              g_free (plan_row->row.customer);
              plan_row->row.customer = g_strdup (stored_name);
            }

          if (already_recorded (store, seen, id, plan_row->row.at, plan_row->row.amount))
            {
              skip (self, plan_row, g_strdup (_("Already recorded: this purchase is in the customer’s history.")));
              continue;
            }

          plan_row->row.action = CRM_IMPORT_ADD;
          self->counts.added++;
          continue;
        }

      plan_row->new_index = find_new (&keys, phone_key, email_key, name_key);
      if (plan_row->new_index < 0 && self->create_customers)
        {
          CrmImportCustomer *created = g_new0 (CrmImportCustomer, 1);
          g_autoptr(GError) invalid = NULL;

          crm_import_customer_init (created);
          created->name = g_strdup (name ? name : phone ? phone : email);
          created->phone = g_strdup (phone);
          created->email = g_strdup (email);
          if (!crm_import_customer_clean (created, &invalid))
            {
              new_customer_free (created);
              skip (self, plan_row, g_strdup (invalid->message));
              continue;
            }

          g_ptr_array_add (self->new_customers, created);
          plan_row->new_index = (gint) self->new_customers->len - 1;
          remember_new (&keys, plan_row->new_index, phone_key, email_key, name_key);
          plan_row->row.reason = g_strdup_printf (_("“%s” is not a customer yet and will be added."),
                                                  created->name);
          self->counts.new_customers++;
        }

      if (plan_row->new_index >= 0)
        {
          CrmImportCustomer *created = g_ptr_array_index (self->new_customers, plan_row->new_index);

          g_free (plan_row->row.customer);
          plan_row->row.customer = g_strdup (created->name);
          plan_row->row.new_customer = TRUE;
          plan_row->row.action = CRM_IMPORT_ADD;
          self->counts.added++;
          continue;
        }

      self->counts.unmatched++;
      if (by_name < 0)
        skip (self, plan_row,
              g_strdup_printf (_("Several customers are called “%s”; add a phone number or e-mail "
                                 "to tell them apart."),
                               name));
      else
        {
          GString *what = g_string_new (NULL);
          const char *known[] = { phone, email, name };

          for (guint i = 0; i < G_N_ELEMENTS (known); i++)
            {
              if (known[i] == NULL)
                continue;
              if (what->len > 0)
                g_string_append (what, ", ");
              g_string_append (what, known[i]);
            }
          skip (self, plan_row, g_strdup_printf (_("No customer matches %s."), what->str));
          g_string_free (what, TRUE);
        }
    }

  g_hash_table_unref (keys.by_phone);
  g_hash_table_unref (keys.by_email);
  g_hash_table_unref (keys.by_name);
  crm_customer_index_clear (&index);

  self->plan_store = store;
  self->plan_generation = crm_import_store_generation (store);
  self->plan_valid = TRUE;
  return TRUE;
}

static void
crm_sales_import_finalize (GObject *object)
{
  CrmSalesImport *self = (CrmSalesImport *) object;

  g_clear_pointer (&self->table, crm_import_table_free);
  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->plan, g_ptr_array_unref);
  g_clear_pointer (&self->new_customers, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_sales_import_parent_class)->finalize (object);
}

static void
crm_sales_import_class_init (CrmSalesImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_sales_import_finalize;
}

static void
crm_sales_import_init (CrmSalesImport *self)
{
  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, column_clear);
  self->plan = g_ptr_array_new_with_free_func (plan_row_free);
  self->new_customers = g_ptr_array_new_with_free_func (new_customer_free);
}

/**
 * crm_sales_import_new:
 * @bytes: a CSV file with a header row
 *
 * Returns: (transfer full): the import, or %NULL with @error saying which
 *   row could not be read and why
 */
CrmSalesImport *
crm_sales_import_new (GBytes  *bytes,
                      GError **error)
{
  g_autoptr(CrmSalesImport) self = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  self = g_object_new (CRM_TYPE_SALES_IMPORT, NULL);
  self->table = crm_import_table_read (bytes, error);
  if (self->table == NULL)
    return NULL;

  recognise_columns (self);
  return g_steal_pointer (&self);
}

guint
crm_sales_import_get_n_records (CrmSalesImport *self)
{
  g_return_val_if_fail (CRM_IS_SALES_IMPORT (self), 0);

  return self->table->rows->len - 1;
}

guint
crm_sales_import_get_n_columns (CrmSalesImport *self)
{
  g_return_val_if_fail (CRM_IS_SALES_IMPORT (self), 0);

  return self->columns->len;
}

const char *
crm_sales_import_get_column_title (CrmSalesImport *self,
                                   guint           column)
{
  g_return_val_if_fail (CRM_IS_SALES_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return g_array_index (self->columns, Column, column).title;
}

const char *
crm_sales_import_get_column_sample (CrmSalesImport *self,
                                    guint           column)
{
  g_return_val_if_fail (CRM_IS_SALES_IMPORT (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  for (guint r = 1; r < self->table->rows->len && r <= SAMPLE_ROWS; r++)
    {
      const char *text = crm_import_raw_row_cell (g_ptr_array_index (self->table->rows, r), column);

      if (text[0] != '\0')
        return text;
    }

  return "";
}

CrmSalesColumn
crm_sales_import_get_column_field (CrmSalesImport *self,
                                   guint           column)
{
  g_return_val_if_fail (CRM_IS_SALES_IMPORT (self), CRM_SALES_COLUMN_IGNORE);
  g_return_val_if_fail (column < self->columns->len, CRM_SALES_COLUMN_IGNORE);

  return g_array_index (self->columns, Column, column).field;
}

gboolean
crm_sales_import_get_column_recognised (CrmSalesImport *self,
                                        guint           column)
{
  g_return_val_if_fail (CRM_IS_SALES_IMPORT (self), FALSE);
  g_return_val_if_fail (column < self->columns->len, FALSE);

  return g_array_index (self->columns, Column, column).recognised;
}

/**
 * crm_sales_import_set_column_field:
 *
 * Maps a column by hand. The plan must be prepared again.
 */
void
crm_sales_import_set_column_field (CrmSalesImport *self,
                                   guint           column,
                                   CrmSalesColumn  field)
{
  Column *c;

  g_return_if_fail (CRM_IS_SALES_IMPORT (self));
  g_return_if_fail (column < self->columns->len);
  g_return_if_fail (field < CRM_SALES_N_COLUMNS);

  c = &g_array_index (self->columns, Column, column);
  c->field = field;
  c->recognised = TRUE;
  self->plan_valid = FALSE;
}

/**
 * crm_sales_import_dup_unknown_columns:
 *
 * Returns: (transfer full): titles of columns with data whose header was
 *   not recognised
 */
char **
crm_sales_import_dup_unknown_columns (CrmSalesImport *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (CRM_IS_SALES_IMPORT (self), NULL);

  for (guint c = 0; c < self->columns->len; c++)
    {
      const Column *column = &g_array_index (self->columns, Column, c);

      if (!column->recognised && crm_sales_import_get_column_sample (self, c)[0] != '\0')
        g_strv_builder_add (builder, column->title);
    }

  return g_strv_builder_end (builder);
}

const char *
crm_sales_column_get_label (CrmSalesColumn field)
{
  switch (field)
    {
    case CRM_SALES_COLUMN_DATE:
      return _("Date");
    case CRM_SALES_COLUMN_TIME:
      return _("Time");
    case CRM_SALES_COLUMN_CUSTOMER:
      return _("Customer (phone, e-mail or name)");
    case CRM_SALES_COLUMN_PHONE:
      return _("Phone");
    case CRM_SALES_COLUMN_EMAIL:
      return _("E-mail");
    case CRM_SALES_COLUMN_NAME:
      return _("Name");
    case CRM_SALES_COLUMN_AMOUNT:
      return _("Amount");
    case CRM_SALES_COLUMN_DESCRIPTION:
      return _("Description");
    case CRM_SALES_COLUMN_IGNORE:
    case CRM_SALES_N_COLUMNS:
    default:
      return _("Do not import");
    }
}

gboolean
crm_sales_import_get_create_customers (CrmSalesImport *self)
{
  g_return_val_if_fail (CRM_IS_SALES_IMPORT (self), FALSE);

  return self->create_customers;
}

/**
 * crm_sales_import_set_create_customers:
 * @create: %TRUE to add a customer for every buyer nobody matches (named
 *   after the row's name, else its phone or e-mail)
 *
 * Off by default: unmatched rows are skipped and reported.
 */
void
crm_sales_import_set_create_customers (CrmSalesImport *self,
                                       gboolean        create)
{
  g_return_if_fail (CRM_IS_SALES_IMPORT (self));

  if (self->create_customers != !!create)
    {
      self->create_customers = !!create;
      self->plan_valid = FALSE;
    }
}

/**
 * crm_sales_import_prepare:
 *
 * The preview: finds each row's buyer and reads its date and amount
 * against @store as it is now. Writes nothing.
 *
 * Returns: %FALSE with @error when the file cannot be imported at all
 */
gboolean
crm_sales_import_prepare (CrmSalesImport  *self,
                          CrmStore        *store,
                          GError         **error)
{
  g_return_val_if_fail (CRM_IS_SALES_IMPORT (self), FALSE);
  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  return make_plan (self, store, error);
}

guint
crm_sales_import_get_n_rows (CrmSalesImport *self)
{
  g_return_val_if_fail (CRM_IS_SALES_IMPORT (self), 0);

  return self->plan->len;
}

const CrmSalesRow *
crm_sales_import_get_row (CrmSalesImport *self,
                          guint           index)
{
  g_return_val_if_fail (CRM_IS_SALES_IMPORT (self), NULL);
  g_return_val_if_fail (index < self->plan->len, NULL);

  return &((PlanRow *) g_ptr_array_index (self->plan, index))->row;
}

void
crm_sales_import_get_counts (CrmSalesImport *self,
                             CrmSalesCounts *counts)
{
  g_return_if_fail (CRM_IS_SALES_IMPORT (self));
  g_return_if_fail (counts != NULL);

  *counts = self->counts;
}

/**
 * crm_sales_import_apply:
 * @counts: (out) (optional): what was done
 *
 * Records the plan's purchases (and creates the new customers) in one
 * transaction; figures and segments are rebuilt once, at commit. The plan
 * is made again first if the database changed since it was prepared. On
 * any failure nothing is written.
 */
gboolean
crm_sales_import_apply (CrmSalesImport  *self,
                        CrmStore        *store,
                        CrmSalesCounts  *counts,
                        GError         **error)
{
  g_autoptr(CrmImportWriter) writer = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) new_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint failed_row = 0;

  g_return_val_if_fail (CRM_IS_SALES_IMPORT (self), FALSE);
  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (!crm_store_begin (store, error))
    return FALSE;

  if ((!self->plan_valid || self->plan_store != store ||
       self->plan_generation != crm_import_store_generation (store)) &&
      !make_plan (self, store, &local_error))
    goto failed;

  writer = crm_import_writer_new (store);
  for (guint i = 0; i < self->new_customers->len; i++)
    {
      gint64 id = crm_import_writer_add_customer (writer, g_ptr_array_index (self->new_customers, i),
                                                  &local_error);

      if (id == 0)
        goto failed;
      g_array_append_val (new_ids, id);
    }

  for (guint i = 0; i < self->plan->len; i++)
    {
      PlanRow *plan_row = g_ptr_array_index (self->plan, i);
      gint64 customer_id = plan_row->row.customer_id;

      if (plan_row->row.action != CRM_IMPORT_ADD)
        continue;
      if (plan_row->new_index >= 0)
        customer_id = g_array_index (new_ids, gint64, plan_row->new_index);

      if (crm_store_add_purchase (store, customer_id, plan_row->row.at, plan_row->row.amount,
                                  plan_row->row.description, &local_error) == 0)
        {
          failed_row = plan_row->row.row;
          goto failed;
        }
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
                 _("Row %u could not be saved, so nothing was imported: %s"),
                 failed_row, local_error->message);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * crm_sales_import_dup_summary:
 * @max_lines: the most rows to explain after the counts
 *
 * Returns: (transfer full): "120 purchases added, 3 new customers, 2 rows
 *   skipped." and a line per row with something to say
 */
char *
crm_sales_import_dup_summary (CrmSalesImport *self,
                              guint           max_lines)
{
  GString *out = g_string_new (NULL);
  guint shown = 0, more = 0;

  g_return_val_if_fail (CRM_IS_SALES_IMPORT (self), NULL);

  g_string_append_printf (out, ngettext ("%u purchase added", "%u purchases added", self->counts.added),
                          self->counts.added);
  g_string_append (out, ", ");
  g_string_append_printf (out, ngettext ("%u new customer", "%u new customers", self->counts.new_customers),
                          self->counts.new_customers);
  g_string_append (out, ", ");
  g_string_append_printf (out, ngettext ("%u row skipped", "%u rows skipped", self->counts.skipped),
                          self->counts.skipped);
  g_string_append (out, ".\n");

  for (guint i = 0; i < self->plan->len; i++)
    {
      const CrmSalesRow *row = &((PlanRow *) g_ptr_array_index (self->plan, i))->row;

      if (row->reason == NULL)
        continue;
      if (shown >= max_lines)
        {
          more++;
          continue;
        }

      if (row->action == CRM_IMPORT_SKIP)
        g_string_append_printf (out, _("Row %u skipped: %s"), row->row, row->reason);
      else
        g_string_append_printf (out, _("Row %u added: %s"), row->row, row->reason);
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
