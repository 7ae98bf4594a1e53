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
  /* The existing customers merges will rewrite, in the order first met. */
  GArray              *target_ids;
  GHashTable          *targets;     /* gint64 id → CrmImportCustomer */

  CrmImportPlanMark    mark;
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
invalidate_plan (CrmCustomerImport *self)
{
  self->mark.valid = FALSE;
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
                 char              **remark)
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
    }

  crm_contact_to_customer (&contact, customer, remark);
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

/* Makes the plan against the store as it is now. Nothing is written. */
static gboolean
make_plan (gpointer   import,
           CrmStore  *store,
           GError   **error)
{
  CrmCustomerImport *self = import;
  CrmCustomerIndex index;
  /* Keys of rows that will be added → their index in the plan. */
  g_autoptr(GHashTable) file_phones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) file_emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = n_records (self);

  invalidate_plan (self);
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
              g_autofree char *name = crm_store_dup_customer_name (store, existing);

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
              g_autofree char *name = crm_store_dup_customer_name (store, existing);

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
                  /* The index has just read them: the database is failing. */
                  g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_FAILED,
                               "customer %" G_GINT64_FORMAT " could not be read", existing);
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

  crm_import_summary_add_rows (out, self->plan, plan_row_reason, self->format == CRM_IMPORT_FORMAT_VCARD,
                               max_lines);

  return g_string_free (out, FALSE);
}
