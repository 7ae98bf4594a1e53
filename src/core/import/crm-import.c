/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Customers from a spreadsheet (CSV) or a phone's contacts (vCard): the
 * file is read once and its columns recognised (crm-columns.c), each
 * record becomes a customer (crm-import-contact.c), then a plan says for
 * every row what will happen and why, and applying it writes everything
 * in one transaction. docs/import.md describes the whole. */

#define G_LOG_DOMAIN "crm-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-import-contact.h"
#include "crm-text.h"
#include "crm-vcard.h"

/* A row of the plan with what it will write. */
typedef struct
{
  CrmImportRow       row;
  CrmImportCustomer  customer;
  char              *summary;   /* the reason and what was left out, for the summary */
} PlanRow;

struct _CrmCustomerImport
{
  GObject              parent_instance;

  CrmImportFormat      format;
  CrmColumns           columns;     /* CSV */
  GPtrArray           *cards;       /* vCard */
  CrmDuplicatePolicy   policy;

  GPtrArray           *plan;        /* PlanRow */
  CrmImportCounts      counts;
  /* What the preview chose for a row: record index → CrmImportAction. */
  GHashTable          *choices;
  /* The existing customers merges will rewrite, in the order first met. */
  GArray              *target_ids;
  GHashTable          *targets;     /* gint64 id → CrmImportCustomer */

  CrmImportPlanMark    mark;
  CrmImportProgress    progress;
};

G_DEFINE_FINAL_TYPE (CrmCustomerImport, crm_customer_import, G_TYPE_OBJECT)

static void
plan_row_free (gpointer data)
{
  PlanRow *plan_row = data;

  g_free (plan_row->row.reason);
  g_strfreev (plan_row->row.tags);
  g_strfreev (plan_row->row.left_out);
  g_free (plan_row->summary);
  crm_import_customer_clear (&plan_row->customer);
  g_free (plan_row);
}

static void
invalidate_plan (CrmCustomerImport *self)
{
  self->mark.valid = FALSE;
}

static const char *
plan_row_summary (gconstpointer    data,
                  guint           *row,
                  CrmImportAction *action)
{
  const PlanRow *plan_row = data;

  *row = plan_row->row.row;
  *action = plan_row->row.action;
  return plan_row->summary;
}

static guint
n_records (CrmCustomerImport *self)
{
  if (self->format == CRM_IMPORT_FORMAT_VCARD)
    return self->cards->len;

  return crm_columns_get_n_records (&self->columns);
}

/* The customer a record describes, and the row (or card) number. */
static guint
record_customer (CrmCustomerImport  *self,
                 guint               index,
                 CrmImportCustomer  *customer,
                 GPtrArray          *remarks,
                 GPtrArray          *left_out)
{
  g_auto(CrmContact) contact = { 0 };
  guint number;

  crm_contact_init (&contact);
  if (self->format == CRM_IMPORT_FORMAT_VCARD)
    {
      const CrmVCard *card = g_ptr_array_index (self->cards, index);

      crm_contact_add_card (&contact, card);
      number = card->number;
    }
  else
    {
      const CrmImportRawRow *row = crm_columns_get_record (&self->columns, index);

      crm_contact_add_row (&contact, &self->columns, row);
      number = row->row;
      if (crm_import_table_row_repaired (self->columns.table, number))
        g_ptr_array_add (contact.remarks,
                         g_strdup (_("Some characters of this row could not be read and were "
                                     "replaced with “�”.")));
    }

  crm_contact_to_customer (&contact, customer, remarks, left_out);
  return number;
}

/* The plan */

typedef enum
{
  MATCH_NONE,
  MATCH_PHONE,
  MATCH_EMAIL,
  MATCH_NAME,    /* a row without phone or e-mail: by its whole name */
} MatchKind;

static char *
existing_reason (CrmCustomerImport *self,
                 MatchKind          kind,
                 const char        *name)
{
  if (kind == MATCH_PHONE)
    return g_strdup_printf (_("Same phone number as %s, who is already a customer."), name);
  if (kind == MATCH_NAME)
    return g_strdup_printf (_("Same name as %s, who is already a customer; the row has no phone "
                              "number or e-mail to tell them apart."),
                            name);

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
  if (kind == MATCH_NAME)
    return card ? g_strdup_printf (_("Same name as card %u, and no phone number or e-mail."), row)
                : g_strdup_printf (_("Same name as row %u, and no phone number or e-mail."), row);

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
      target = crm_import_customer_new ();
      if (!crm_import_load_customer (store, id, target))
        {
          crm_import_customer_free (target);
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

  g_clear_pointer (&plan_row->summary, g_free);
  if (plan_row->row.left_out != NULL && plan_row->row.left_out[0] != NULL)
    {
      g_autofree char *left_out = g_strjoinv (" ", plan_row->row.left_out);

      plan_row->summary = plan_row->row.reason != NULL
        ? g_strconcat (plan_row->row.reason, " ", left_out, NULL) : g_steal_pointer (&left_out);
    }
  else
    plan_row->summary = g_strdup (plan_row->row.reason);
}

static gboolean
check_columns (CrmCustomerImport  *self,
               GError            **error)
{
  CrmColumns *columns = &self->columns;

  if (self->format != CRM_IMPORT_FORMAT_CSV)
    return TRUE;

  if (!crm_columns_has_field (columns, CRM_CUSTOMER_COLUMN_NAME) &&
      !crm_columns_has_field (columns, CRM_CUSTOMER_COLUMN_GIVEN_NAME) &&
      !crm_columns_has_field (columns, CRM_CUSTOMER_COLUMN_MIDDLE_NAME) &&
      !crm_columns_has_field (columns, CRM_CUSTOMER_COLUMN_FAMILY_NAME) &&
      !crm_columns_has_field (columns, CRM_CUSTOMER_COLUMN_ORGANIZATION))
    return crm_columns_refuse (columns,
                               _("None of the columns holds the customers’ names. Call the column “Name”, "
                                 "or “First name” and “Last name”."),
                               error);

  if (n_records (self) == 0)
    {
      g_set_error_literal (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_NO_DATA,
                           _("The file has a header row but no customers."));
      return FALSE;
    }

  return TRUE;
}

/* Keys of the rows the plan adds → their index in the plan. */
typedef struct
{
  GHashTable *phones;
  GHashTable *emails;
  GHashTable *names;
} FileKeys;

static void
remember_key (GHashTable *table,
              const char *key,
              guint       index)
{
  if (key[0] != '\0' && !g_hash_table_contains (table, key))
    g_hash_table_insert (table, g_strdup (key), GUINT_TO_POINTER (index));
}

static void
remember_keys (FileKeys   *keys,
               const char *phone_key,
               const char *email_key,
               guint       index)
{
  remember_key (keys->phones, phone_key, index);
  remember_key (keys->emails, email_key, index);
}

/* Fills what the existing customer or the earlier row lacks from the row;
 * what the merge filled in finds them from now on. */
static gboolean
merge_row (CrmCustomerImport  *self,
           CrmStore           *store,
           PlanRow            *plan_row,
           PlanRow            *earlier,
           guint               earlier_index,
           CrmCustomerIndex   *index,
           FileKeys           *keys,
           GError            **error)
{
  gint64 existing = plan_row->row.customer_id;
  CrmImportCustomer *target = existing != 0 ? get_target (self, store, existing) : &earlier->customer;
  g_autofree char *phone_key = NULL;
  g_autofree char *email_key = NULL;

  if (target == NULL)
    {
      /* The index has just read them: the database is failing. */
      g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_FAILED,
                   "customer %" G_GINT64_FORMAT " could not be read", existing);
      return FALSE;
    }

  crm_import_customer_merge (target, &plan_row->customer);
  customer_keys (target, &phone_key, &email_key);
  if (existing != 0)
    crm_customer_index_add (index, existing, NULL, phone_key, email_key);
  else
    remember_keys (keys, phone_key, email_key, earlier_index);
  return TRUE;
}

static char *
join_remarks (GPtrArray *remarks)
{
  if (remarks->len == 0)
    return NULL;

  g_ptr_array_add (remarks, NULL);
  return g_strjoinv (" ", (char **) remarks->pdata);
}

/* Makes the plan against the store as it is now. Nothing is written. */
static gboolean
make_plan (gpointer   import,
           CrmStore  *store,
           GError   **error)
{
  CrmCustomerImport *self = import;
  CrmCustomerIndex index;
  FileKeys keys;
  guint n = n_records (self);
  gboolean ok = TRUE;

  invalidate_plan (self);
  if (!check_columns (self, error))
    return FALSE;

  if (!crm_customer_index_load (&index, store, TRUE, error))
    return FALSE;

  keys.phones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  keys.emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  keys.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_ptr_array_set_size (self->plan, 0);
  g_hash_table_remove_all (self->targets);
  g_array_set_size (self->target_ids, 0);
  memset (&self->counts, 0, sizeof self->counts);
  crm_import_progress_begin (&self->progress, n);

  for (guint i = 0; i < n && ok && (ok = crm_import_progress_step (&self->progress, i, error)); i++)
    {
      PlanRow *plan_row = g_new0 (PlanRow, 1);
      g_autoptr(GPtrArray) remarks = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) left_out = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) invalid = NULL;
      g_autofree char *phone_key = NULL;
      g_autofree char *email_key = NULL;
      g_autofree char *name_key = NULL;
      g_autofree char *other_name = NULL;
      g_autofree char *match = NULL;
      MatchKind kind = MATCH_NONE;
      gint64 existing = 0;
      gpointer earlier_index = NULL;
      PlanRow *earlier = NULL;
      CrmImportAction action;
      gpointer choice;

      g_ptr_array_add (self->plan, plan_row);
      plan_row->row.row = record_customer (self, i, &plan_row->customer, remarks, left_out);
      plan_row->row.reason = join_remarks (remarks);
      g_ptr_array_add (left_out, NULL);
      plan_row->row.left_out = (char **) g_ptr_array_steal (left_out, NULL);

      if (!crm_import_customer_clean (&plan_row->customer, &invalid))
        {
          plan_row->row.action = CRM_IMPORT_SKIP;
          g_free (plan_row->row.reason);
          plan_row->row.reason = g_strdup (invalid->message);
          self->counts.skipped++;
          continue;
        }

      customer_keys (&plan_row->customer, &phone_key, &email_key);
      name_key = crm_text_fold (plan_row->customer.name);

      if ((existing = crm_customer_index_lookup (index.by_phone, phone_key)) != 0)
        kind = MATCH_PHONE;
      else if ((existing = crm_customer_index_lookup (index.by_email, email_key)) != 0)
        kind = MATCH_EMAIL;
      else if (phone_key[0] != '\0' &&
               g_hash_table_lookup_extended (keys.phones, phone_key, NULL, &earlier_index))
        kind = MATCH_PHONE;
      else if (email_key[0] != '\0' &&
               g_hash_table_lookup_extended (keys.emails, email_key, NULL, &earlier_index))
        kind = MATCH_EMAIL;
      /* Nothing else to go by: the whole name (one customer of that name). */
      else if (phone_key[0] == '\0' && email_key[0] == '\0' &&
               ((existing = MAX (crm_customer_index_lookup (index.by_name, name_key), 0)) != 0 ||
                g_hash_table_lookup_extended (keys.names, name_key, NULL, &earlier_index)))
        kind = MATCH_NAME;

      if (kind == MATCH_NONE)
        {
          plan_row->row.action = CRM_IMPORT_ADD;
          remember_keys (&keys, phone_key, email_key, i);
          remember_key (keys.names, name_key, i);
          self->counts.added++;
          continue;
        }

      plan_row->row.customer_id = existing;
      if (existing != 0)
        {
          other_name = crm_store_dup_customer_name (store, existing);
          match = existing_reason (self, kind, other_name);
        }
      else
        {
          earlier = g_ptr_array_index (self->plan, GPOINTER_TO_UINT (earlier_index));
          other_name = g_strdup (earlier->customer.name);
          plan_row->row.same_as_row = earlier->row.row;
          match = earlier_reason (self, kind, earlier->row.row);
        }

      /* The same phone under another name is often someone else: added,
       * unless the person looking at the preview says otherwise. */
      if (!crm_contact_names_agree (plan_row->customer.name, other_name))
        {
          char *joined = g_strconcat (match, " ", _("The names differ: this may be someone else, "
                                                    "such as family or a shared landline."),
                                      NULL);

          g_free (match);
          match = joined;
          plan_row->row.possible_duplicate = TRUE;
          self->counts.possible_duplicates++;
          action = CRM_IMPORT_ADD;
        }
      else if (self->policy == CRM_DUPLICATE_SKIP)
        action = CRM_IMPORT_SKIP;
      else if (self->policy == CRM_DUPLICATE_MERGE)
        action = CRM_IMPORT_MERGE;
      else
        action = CRM_IMPORT_ADD;

      if (g_hash_table_lookup_extended (self->choices, GUINT_TO_POINTER (i), NULL, &choice))
        action = GPOINTER_TO_UINT (choice);

      set_reason (plan_row, g_steal_pointer (&match));
      plan_row->row.action = action;
      switch (action)
        {
        case CRM_IMPORT_ADD:
          remember_keys (&keys, phone_key, email_key, i);
          remember_key (keys.names, name_key, i);
          self->counts.added++;
          break;
        case CRM_IMPORT_MERGE:
          ok = merge_row (self, store, plan_row, earlier, GPOINTER_TO_UINT (earlier_index), &index, &keys, error);
          self->counts.merged++;
          break;
        case CRM_IMPORT_SKIP:
        default:
          self->counts.skipped++;
          break;
        }
    }

  crm_customer_index_clear (&index);
  g_hash_table_unref (keys.phones);
  g_hash_table_unref (keys.emails);
  g_hash_table_unref (keys.names);
  if (!ok)
    {
      /* Half a plan is no plan (a cancelled preview, say). */
      g_ptr_array_set_size (self->plan, 0);
      memset (&self->counts, 0, sizeof self->counts);
      return FALSE;
    }

  for (guint i = 0; i < self->plan->len; i++)
    publish_row (g_ptr_array_index (self->plan, i));

  crm_import_plan_mark (&self->mark, store);
  return TRUE;
}

/* GObject */

static void
crm_customer_import_finalize (GObject *object)
{
  CrmCustomerImport *self = (CrmCustomerImport *) object;

  crm_columns_clear (&self->columns);
  g_clear_pointer (&self->cards, g_ptr_array_unref);
  g_clear_pointer (&self->plan, g_ptr_array_unref);
  g_clear_pointer (&self->targets, g_hash_table_unref);
  g_clear_pointer (&self->target_ids, g_array_unref);
  g_clear_pointer (&self->choices, g_hash_table_unref);

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
  crm_columns_init (&self->columns, CRM_COLUMNS_CUSTOMERS, NULL);
  self->plan = g_ptr_array_new_with_free_func (plan_row_free);
  self->targets = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, crm_import_customer_free);
  self->target_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->choices = g_hash_table_new (NULL, NULL);
  self->policy = CRM_DUPLICATE_SKIP;
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
  CrmImportTable *table;

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

  table = crm_import_table_read (bytes, error);
  if (table == NULL)
    return NULL;

  self->columns.table = table;
  crm_columns_recognise (&self->columns);
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

/* The columns are crm-columns.c's; the calls check the import. */
CRM_COLUMNS_DEFINE_CALLS (crm_customer_import, CrmCustomerImport, CRM_IS_CUSTOMER_IMPORT,
                          CrmCustomerColumn, CRM_CUSTOMER_N_COLUMNS, CRM_CUSTOMER_COLUMN_IGNORE)

/**
 * crm_customer_import_dup_unused_columns:
 *
 * Returns: (transfer full): the titles of the columns with data that are
 *   not imported, known or not, in file order: the preview names them all
 */
char **
crm_customer_import_dup_unused_columns (CrmCustomerImport *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_IMPORT (self), NULL);

  return crm_columns_dup_unused (&self->columns);
}

/**
 * crm_customer_import_dup_notes:
 *
 * Returns: (transfer full): what a person should know about how the file
 *   is read, one sentence each: its character set when it is not UTF-8,
 *   columns taken by their values, the columns left out with a sample
 */
char **
crm_customer_import_dup_notes (CrmCustomerImport *self)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (CRM_IS_CUSTOMER_IMPORT (self), NULL);

  if (self->format == CRM_IMPORT_FORMAT_CSV)
    crm_columns_add_notes (&self->columns, notes);
  g_ptr_array_add (notes, NULL);
  return (char **) g_ptr_array_steal (notes, NULL);
}

gboolean
crm_customer_import_get_has_header (CrmCustomerImport *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_IMPORT (self), FALSE);

  return self->columns.has_header;
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

  if (self->format != CRM_IMPORT_FORMAT_CSV || self->columns.has_header == !!has_header)
    return;

  crm_columns_set_has_header (&self->columns, !!has_header);
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
    case CRM_CUSTOMER_COLUMN_BIRTH_YEAR:
      return _("Year of birth");
    case CRM_CUSTOMER_COLUMN_BIRTH_MONTH:
      return _("Month of birth");
    case CRM_CUSTOMER_COLUMN_BIRTH_DAY:
      /* Translators: the day of the month someone was born on */
      return _("Day of birth");
    case CRM_CUSTOMER_COLUMN_LANGUAGE:
      return _("Preferred language");
    case CRM_CUSTOMER_COLUMN_CHANNEL:
      return _("Preferred channel");
    case CRM_CUSTOMER_COLUMN_TELEGRAM:
      return _("Telegram username");
    case CRM_CUSTOMER_COLUMN_CONSENT:
      return _("Marketing consent");
    case CRM_CUSTOMER_COLUMN_CONSENT_DATE:
      return _("Date of consent");
    case CRM_CUSTOMER_COLUMN_CONSENT_SOURCE:
      return _("Source of consent");
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

CRM_IMPORT_DEFINE_PLAN_CALLS (crm_customer_import, CrmCustomerImport, CRM_IS_CUSTOMER_IMPORT,
                              CrmImportRow, CrmImportCounts)

/* New customers first, then the existing ones merges fill in. */
static gboolean
write_customers (gpointer          import,
                 CrmStore         *store,
                 CrmImportWriter  *writer,
                 guint            *failed_row,
                 GError          **error)
{
  CrmCustomerImport *self = import;

  for (guint i = 0; i < self->plan->len; i++)
    {
      PlanRow *plan_row = g_ptr_array_index (self->plan, i);

      if (plan_row->row.action != CRM_IMPORT_ADD)
        continue;
      if (crm_import_writer_add_customer (writer, &plan_row->customer, error) == 0)
        {
          *failed_row = plan_row->row.row;
          return FALSE;
        }
    }

  for (guint i = 0; i < self->target_ids->len; i++)
    {
      gint64 id = g_array_index (self->target_ids, gint64, i);
      CrmImportCustomer *target = g_hash_table_lookup (self->targets, &id);

      if (!crm_import_writer_update_customer (writer, id, target, error))
        return FALSE;
    }

  return TRUE;
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
  g_return_val_if_fail (CRM_IS_CUSTOMER_IMPORT (self), FALSE);
  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (!crm_import_apply_plan (self, store, &self->mark, self->format == CRM_IMPORT_FORMAT_VCARD,
                              make_plan, write_customers, error))
    return FALSE;

  if (counts != NULL)
    crm_customer_import_get_counts (self, counts);
  return TRUE;
}

/**
 * crm_customer_import_set_row_action:
 * @index: a row of the plan that matched a customer or an earlier row
 * @action: add it anyway, merge it into what it matched, or skip it
 *
 * The preview's choice for one row, a possible duplicate above all; it
 * holds when the plan is made again (the policy changed, say). The plan
 * must be prepared again.
 */
void
crm_customer_import_set_row_action (CrmCustomerImport *self,
                                    guint              index,
                                    CrmImportAction    action)
{
  g_return_if_fail (CRM_IS_CUSTOMER_IMPORT (self));
  g_return_if_fail (action <= CRM_IMPORT_SKIP);

  g_hash_table_insert (self->choices, GUINT_TO_POINTER (index), GUINT_TO_POINTER (action));
  invalidate_plan (self);
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
  GString *out;

  g_return_val_if_fail (CRM_IS_CUSTOMER_IMPORT (self), NULL);

  out = g_string_new (NULL);
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

  {
    g_auto(GStrv) notes = crm_customer_import_dup_notes (self);

    for (guint i = 0; notes[i] != NULL; i++)
      g_string_append_printf (out, "%s\n", notes[i]);
  }

  crm_import_summary_add_rows (out, self->plan, plan_row_summary, self->format == CRM_IMPORT_FORMAT_VCARD,
                               max_lines);

  return g_string_free (out, FALSE);
}
