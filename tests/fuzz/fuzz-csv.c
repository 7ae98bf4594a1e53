/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The CSV reader, then the customer and sales imports built on it, up to
 * their preview against a small shop. */

#include "config.h"

#include "crm-csv.h"
#include "crm-import.h"
#include "crm-sales-import.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

static void
read_rows (GBytes *bytes)
{
  g_autoptr(CrmCsvReader) reader = crm_csv_reader_new (bytes, NULL);
  const char * const *fields;
  guint n, last_row = 0;

  if (reader == NULL)
    return;

  while (crm_csv_reader_read_row (reader, &n, &fields, NULL))
    {
      if (n == 0 || n > CRM_CSV_MAX_COLUMNS || fields[n] != NULL)
        abort ();
      for (guint i = 0; i < n; i++)
        if (strlen (fields[i]) > CRM_CSV_MAX_FIELD_BYTES || !g_utf8_validate (fields[i], -1, NULL))
          abort ();
      if (crm_csv_reader_get_row_number (reader) != last_row + 1)
        abort ();
      last_row++;
    }
}

static void
preview_customers (GBytes *bytes,
                   guint   variant)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCustomerImport) import = crm_customer_import_new (bytes, CRM_IMPORT_FORMAT_CSV, &error);
  g_auto(GStrv) unknown = NULL;
  g_autofree char *summary = NULL;

  if (import == NULL)
    {
      fuzz_check_text (error->message);
      return;
    }

  for (guint c = 0; c < crm_customer_import_get_n_columns (import); c++)
    {
      fuzz_check_text (crm_customer_import_get_column_title (import, c));
      fuzz_check_text (crm_customer_import_get_column_sample (import, c));
      crm_customer_import_get_column_field (import, c);
    }
  unknown = crm_customer_import_dup_unknown_columns (import);

  /* Now and then the other way round, or mapped by hand. */
  if (variant & 4)
    crm_customer_import_set_has_header (import, !crm_customer_import_get_has_header (import));
  if ((variant & 8) && crm_customer_import_get_n_columns (import) > 0)
    crm_customer_import_set_column_field (import, 0, CRM_CUSTOMER_COLUMN_NAME);

  crm_customer_import_set_policy (import, (CrmDuplicatePolicy) (variant % 3));
  if (!crm_customer_import_prepare (import, fuzz_store, &error))
    {
      fuzz_check_text (error->message);
      return;
    }

  for (guint i = 0; i < crm_customer_import_get_n_rows (import); i++)
    {
      const CrmImportRow *row = crm_customer_import_get_row (import, i);

      fuzz_check_text (row->reason);
      fuzz_check_text (row->name);
      fuzz_check_text (row->phone);
      fuzz_check_text (row->notes);
      for (guint j = 0; row->left_out[j] != NULL; j++)
        fuzz_check_text (row->left_out[j]);
      if (row->action == CRM_IMPORT_ADD && (row->name == NULL || row->name[0] == '\0'))
        abort ();
      if (row->possible_duplicate && (variant & 16))
        crm_customer_import_set_row_action (import, i, (CrmImportAction) (i % 3));
    }

  if ((variant & 16) && !crm_customer_import_prepare (import, fuzz_store, &error))
    abort ();   /* it was prepared a moment ago */

  summary = crm_customer_import_dup_summary (import, 20);
  fuzz_check_text (summary);
}

static void
preview_sales (GBytes *bytes,
               guint   variant)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmSalesImport) import = crm_sales_import_new (bytes, &error);
  g_autofree char *summary = NULL;

  if (import == NULL)
    return;

  crm_sales_import_set_create_customers (import, variant & 1);
  if (!crm_sales_import_prepare (import, fuzz_store, &error))
    {
      fuzz_check_text (error->message);
      return;
    }

  for (guint i = 0; i < crm_sales_import_get_n_rows (import); i++)
    {
      const CrmSalesRow *row = crm_sales_import_get_row (import, i);

      fuzz_check_text (row->reason);
      if (row->action == CRM_IMPORT_ADD && row->amount == 0)
        abort ();
    }

  summary = crm_sales_import_dup_summary (import, 20);
  fuzz_check_text (summary);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  guint variant = size > 0 ? data[size - 1] : 0;

  read_rows (bytes);
  preview_customers (bytes, variant);
  preview_sales (bytes, variant);
  return 0;
}
