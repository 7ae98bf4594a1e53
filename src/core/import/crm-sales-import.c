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

#include "crm-columns.h"
#include "crm-money.h"
#include "crm-sales-import.h"
#include "crm-store-loyalty.h"
#include "crm-text.h"

/* A sale dated later than this after now is a misread date. */
#define FUTURE_SLACK (24 * 60 * 60)

typedef struct
{
  CrmSalesRow  row;
  gint         new_index;   /* into new_customers, or -1 */
} PlanRow;

struct _CrmSalesImport
{
  GObject            parent_instance;

  CrmColumns         columns;
  gboolean           create_customers;

  GPtrArray         *plan;            /* PlanRow */
  GPtrArray         *new_customers;   /* CrmImportCustomer */
  CrmSalesCounts     counts;

  CrmImportPlanMark  mark;
  CrmImportProgress  progress;
};

G_DEFINE_FINAL_TYPE (CrmSalesImport, crm_sales_import, G_TYPE_OBJECT)

static const char *
plan_row_reason (gconstpointer    data,
                 guint           *row,
                 CrmImportAction *action)
{
  const PlanRow *plan_row = data;

  *row = plan_row->row.row;
  *action = plan_row->row.action;
  return plan_row->row.reason;
}

static void
plan_row_free (gpointer data)
{
  PlanRow *plan_row = data;

  g_free (plan_row->row.reason);
  g_free (plan_row->row.customer);
  g_free (plan_row->row.description);
  g_free (plan_row);
}

static gboolean
check_columns (CrmSalesImport  *self,
               GError         **error)
{
  CrmColumns *columns = &self->columns;

  if (!crm_columns_has_field (columns, CRM_SALES_COLUMN_DATE))
    return crm_columns_refuse (columns, _("No column holds the dates of the sales. Call it “Date”."), error);
  if (!crm_columns_has_field (columns, CRM_SALES_COLUMN_AMOUNT))
    return crm_columns_refuse (columns, _("No column holds the amounts. Call it “Amount”."), error);
  if (!crm_columns_has_field (columns, CRM_SALES_COLUMN_CUSTOMER) &&
      !crm_columns_has_field (columns, CRM_SALES_COLUMN_PHONE) &&
      !crm_columns_has_field (columns, CRM_SALES_COLUMN_EMAIL) &&
      !crm_columns_has_field (columns, CRM_SALES_COLUMN_NAME))
    return crm_columns_refuse (columns,
                               _("No column tells who bought. Call it “Phone”, “E-mail” or “Customer”."),
                               error);
  if (crm_columns_get_n_records (columns) == 0)
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

static char *
purchase_key (gint64 customer_id,
              gint64 at,
              gint64 amount)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                          customer_id, at, amount);
}

/* Whether a purchase like this one (same customer, time, amount) is
 * already stored and not yet accounted for by an earlier row. @seen
 * counts, per purchase, the stored ones left; a customer's purchases are
 * read once, the first time one of theirs is asked about (@loaded). */
static gboolean
already_recorded (CrmStore   *store,
                  GHashTable *seen,
                  GHashTable *loaded,
                  gint64      customer_id,
                  gint64      at,
                  gint64      amount)
{
  g_autofree char *key = purchase_key (customer_id, at, amount);
  gpointer value;

  if (!g_hash_table_contains (loaded, &customer_id))
    {
      g_autoptr(GArray) stored = crm_store_dup_purchase_keys (store, customer_id);

      g_hash_table_add (loaded, g_memdup2 (&customer_id, sizeof customer_id));
      for (guint i = 0; i < stored->len; i++)
        {
          const CrmPurchaseKey *p = &g_array_index (stored, CrmPurchaseKey, i);
          char *stored_key = purchase_key (customer_id, p->at, p->amount);
          gint count = GPOINTER_TO_INT (g_hash_table_lookup (seen, stored_key));

          g_hash_table_insert (seen, stored_key, GINT_TO_POINTER (count + 1));
        }
    }

  if (!g_hash_table_lookup_extended (seen, key, NULL, &value) || GPOINTER_TO_INT (value) == 0)
    return FALSE;

  g_hash_table_insert (seen, g_steal_pointer (&key), GINT_TO_POINTER (GPOINTER_TO_INT (value) - 1));
  return TRUE;
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

/* What was said before (bytes replaced) stays, after @reason. */
static void
add_reason (PlanRow *plan_row,
            char    *reason)
{
  if (plan_row->row.reason != NULL)
    {
      char *joined = g_strconcat (reason, " ", plan_row->row.reason, NULL);

      g_free (reason);
      reason = joined;
    }
  g_free (plan_row->row.reason);
  plan_row->row.reason = reason;
}

static void
skip (CrmSalesImport *self,
      PlanRow        *plan_row,
      char           *reason)
{
  plan_row->row.action = CRM_IMPORT_SKIP;
  add_reason (plan_row, reason);
  self->counts.skipped++;
}

static gboolean
make_plan (gpointer   import,
           CrmStore  *store,
           GError   **error)
{
  CrmSalesImport *self = import;
  g_autoptr(GTimeZone) zone = g_time_zone_new_local ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) loaded = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  NewKeys keys;
  CrmCustomerIndex index;
  gint64 latest = crm_store_now (store) + FUTURE_SLACK;
  gboolean ok = TRUE;

  self->mark.valid = FALSE;
  if (!check_columns (self, error) || !crm_customer_index_load (&index, store, TRUE, error))
    return FALSE;

  keys.by_phone = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  keys.by_email = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  keys.by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_ptr_array_set_size (self->plan, 0);
  g_ptr_array_set_size (self->new_customers, 0);
  memset (&self->counts, 0, sizeof self->counts);
  crm_import_progress_begin (&self->progress, crm_columns_get_n_records (&self->columns));

  for (guint r = 0; r < crm_columns_get_n_records (&self->columns) && ok; r++)
    {
      const CrmImportRawRow *raw;
      PlanRow *plan_row;
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

      if (!crm_import_progress_step (&self->progress, r, error))
        {
          ok = FALSE;
          break;
        }
      raw = crm_columns_get_record (&self->columns, r);
      plan_row = g_new0 (PlanRow, 1);
      plan_row->row.row = raw->row;
      plan_row->new_index = -1;
      g_ptr_array_add (self->plan, plan_row);
      if (crm_import_table_row_repaired (self->columns.table, raw->row))
        plan_row->row.reason = g_strdup (_("Some characters of this row could not be read and were "
                                           "replaced with “�”."));

      date = crm_columns_value (&self->columns, raw, CRM_SALES_COLUMN_DATE, &date_s);
      time = crm_columns_value (&self->columns, raw, CRM_SALES_COLUMN_TIME, &time_s);
      phone = crm_columns_value (&self->columns, raw, CRM_SALES_COLUMN_PHONE, &phone_s);
      email = crm_columns_value (&self->columns, raw, CRM_SALES_COLUMN_EMAIL, &email_s);
      name = crm_columns_value (&self->columns, raw, CRM_SALES_COLUMN_NAME, &name_s);
      customer = crm_columns_value (&self->columns, raw, CRM_SALES_COLUMN_CUSTOMER, &customer_s);
      amount_text = crm_columns_value (&self->columns, raw, CRM_SALES_COLUMN_AMOUNT, &amount_s);
      description = crm_columns_value (&self->columns, raw, CRM_SALES_COLUMN_DESCRIPTION, &description_s);

      /* "Customer" holds whichever the till knew. */
      if (customer != NULL)
        {
          if (email == NULL && strchr (customer, '@') != NULL)
            email = customer;
          else if (phone == NULL && crm_columns_looks_like_phone (customer))
            phone = customer;
          else if (name == NULL)
            name = customer;
        }

      plan_row->row.customer = g_strdup (name ? name : phone ? phone : email ? email : "");
      plan_row->row.description = crm_text_clean (description, CRM_STORE_MAX_FIELD);

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

          if (already_recorded (store, seen, loaded, id, plan_row->row.at, plan_row->row.amount))
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
          CrmImportCustomer *created = crm_import_customer_new ();
          g_autoptr(GError) invalid = NULL;

          created->name = g_strdup (name ? name : phone ? phone : email);
          created->phone = g_strdup (phone);
          created->email = g_strdup (email);
          if (!crm_import_customer_clean (created, &invalid))
            {
              crm_import_customer_free (created);
              skip (self, plan_row, g_strdup (invalid->message));
              continue;
            }

          g_ptr_array_add (self->new_customers, created);
          plan_row->new_index = (gint) self->new_customers->len - 1;
          remember_new (&keys, plan_row->new_index, phone_key, email_key, name_key);
          add_reason (plan_row, g_strdup_printf (_("“%s” is not a customer yet and will be added."),
                                                 created->name));
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
          const char *known[] = { phone, email, name };
          g_autofree char *what = crm_import_join_present (", ", known, G_N_ELEMENTS (known));

          skip (self, plan_row, g_strdup_printf (_("No customer matches %s."), what));
        }
    }

  g_hash_table_unref (keys.by_phone);
  g_hash_table_unref (keys.by_email);
  g_hash_table_unref (keys.by_name);
  crm_customer_index_clear (&index);
  if (!ok)
    {
      /* Half a plan is no plan (a cancelled preview, say). */
      g_ptr_array_set_size (self->plan, 0);
      memset (&self->counts, 0, sizeof self->counts);
      return FALSE;
    }

  crm_import_plan_mark (&self->mark, store);
  return TRUE;
}

static void
crm_sales_import_finalize (GObject *object)
{
  CrmSalesImport *self = (CrmSalesImport *) object;

  crm_columns_clear (&self->columns);
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
  crm_columns_init (&self->columns, CRM_COLUMNS_SALES, NULL);
  self->plan = g_ptr_array_new_with_free_func (plan_row_free);
  self->new_customers = g_ptr_array_new_with_free_func (crm_import_customer_free);
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
  self->columns.table = crm_import_table_read (bytes, error);
  if (self->columns.table == NULL)
    return NULL;

  crm_columns_recognise (&self->columns);
  return g_steal_pointer (&self);
}

guint
crm_sales_import_get_n_records (CrmSalesImport *self)
{
  g_return_val_if_fail (CRM_IS_SALES_IMPORT (self), 0);

  return crm_columns_get_n_records (&self->columns);
}

CRM_COLUMNS_DEFINE_CALLS (crm_sales_import, CrmSalesImport, CRM_IS_SALES_IMPORT,
                          CrmSalesColumn, CRM_SALES_N_COLUMNS, CRM_SALES_COLUMN_IGNORE)

/**
 * crm_sales_import_dup_notes:
 *
 * Returns: (transfer full): what a person should know about how the file
 *   is read: its character set when it is not UTF-8, the columns left out
 */
char **
crm_sales_import_dup_notes (CrmSalesImport *self)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (CRM_IS_SALES_IMPORT (self), NULL);

  crm_columns_add_notes (&self->columns, notes);
  g_ptr_array_add (notes, NULL);
  return (char **) g_ptr_array_steal (notes, NULL);
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
      self->mark.valid = FALSE;
    }
}

CRM_IMPORT_DEFINE_PLAN_CALLS (crm_sales_import, CrmSalesImport, CRM_IS_SALES_IMPORT,
                              CrmSalesRow, CrmSalesCounts)

/* The new customers, then the purchases, some of them theirs. */
static gboolean
write_purchases (gpointer          import,
                 CrmStore         *store,
                 CrmImportWriter  *writer,
                 guint            *failed_row,
                 GError          **error)
{
  CrmSalesImport *self = import;
  g_autoptr(GArray) new_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  CrmPurchaseFields fields = { 0 };
  CrmLoyaltySettings loyalty;

  for (guint i = 0; i < self->new_customers->len; i++)
    {
      gint64 id = crm_import_writer_add_customer (writer, g_ptr_array_index (self->new_customers, i), error);

      if (id == 0)
        return FALSE;
      g_array_append_val (new_ids, id);
    }

  crm_loyalty_settings_load (store, &loyalty);
  self->counts.points = 0;
  for (guint i = 0; i < self->plan->len; i++)
    {
      PlanRow *plan_row = g_ptr_array_index (self->plan, i);
      gint64 customer_id = plan_row->row.customer_id;
      gint64 id;

      if (plan_row->row.action != CRM_IMPORT_ADD)
        continue;
      if (plan_row->new_index >= 0)
        customer_id = g_array_index (new_ids, gint64, plan_row->new_index);

      /* Each earns its points as a purchase entered by hand. */
      fields.customer_id = customer_id;
      fields.at = plan_row->row.at;
      fields.amount = plan_row->row.amount;
      fields.description = plan_row->row.description;
      id = crm_store_write_purchase (store, &fields, &loyalty, error);
      if (id == 0)
        {
          *failed_row = plan_row->row.row;
          return FALSE;
        }
      self->counts.points += crm_store_get_purchase_points (store, id, NULL);
    }

  return crm_store_write_purchases_done (store, error);
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
  g_return_val_if_fail (CRM_IS_SALES_IMPORT (self), FALSE);
  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (!crm_import_apply_plan (self, store, &self->mark, FALSE, make_plan, write_purchases, error))
    return FALSE;

  if (counts != NULL)
    crm_sales_import_get_counts (self, counts);
  return TRUE;
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
  GString *out;

  g_return_val_if_fail (CRM_IS_SALES_IMPORT (self), NULL);

  out = g_string_new (NULL);
  g_string_append_printf (out, ngettext ("%u purchase added", "%u purchases added", self->counts.added),
                          self->counts.added);
  g_string_append (out, ", ");
  g_string_append_printf (out, ngettext ("%u new customer", "%u new customers", self->counts.new_customers),
                          self->counts.new_customers);
  g_string_append (out, ", ");
  g_string_append_printf (out, ngettext ("%u row skipped", "%u rows skipped", self->counts.skipped),
                          self->counts.skipped);
  if (self->counts.points != 0)
    {
      g_autofree char *points = crm_loyalty_format_points (self->counts.points);

      g_string_append (out, ", ");
      g_string_append_printf (out, ngettext ("%s loyalty point earned", "%s loyalty points earned",
                                             crm_loyalty_plural (self->counts.points)),
                              points);
    }
  g_string_append (out, ".\n");

  {
    g_auto(GStrv) notes = crm_sales_import_dup_notes (self);

    for (guint i = 0; notes[i] != NULL; i++)
      g_string_append_printf (out, "%s\n", notes[i]);
  }

  crm_import_summary_add_rows (out, self->plan, plan_row_reason, FALSE, max_lines);

  return g_string_free (out, FALSE);
}
