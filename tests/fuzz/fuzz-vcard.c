/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The vCard reader, then the customer import's preview of its cards. */

#include "config.h"

#include "crm-import.h"
#include "crm-vcard.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

static void
check_card (const CrmVCard *card)
{
  fuzz_check_text (card->full_name);
  fuzz_check_text (card->family_name);
  fuzz_check_text (card->given_name);
  fuzz_check_text (card->organization);
  fuzz_check_text (card->birthday);
  fuzz_check_text (card->note);
  for (guint i = 0; i < card->phones->len; i++)
    fuzz_check_text (((CrmVCardPhone *) g_ptr_array_index (card->phones, i))->value);
  for (guint i = 0; i < card->emails->len; i++)
    fuzz_check_text (g_ptr_array_index (card->emails, i));
  for (guint i = 0; i < card->addresses->len; i++)
    fuzz_check_text (g_ptr_array_index (card->addresses, i));
  for (guint i = 0; i < card->categories->len; i++)
    fuzz_check_text (g_ptr_array_index (card->categories, i));
  for (guint i = 0; i < card->remarks->len; i++)
    fuzz_check_text (g_ptr_array_index (card->remarks, i));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = crm_vcard_parse (bytes, &error);
  g_autoptr(CrmCustomerImport) import = NULL;
  g_autofree char *summary = NULL;

  if (cards == NULL)
    {
      fuzz_check_text (error->message);
      return 0;
    }

  for (guint i = 0; i < cards->len; i++)
    check_card (g_ptr_array_index (cards, i));

  import = crm_customer_import_new (bytes, CRM_IMPORT_FORMAT_VCARD, &error);
  if (import == NULL)
    abort ();   /* the same bytes parsed a moment ago */

  crm_customer_import_set_policy (import, (CrmDuplicatePolicy) (size % 3));
  if (!crm_customer_import_prepare (import, fuzz_store, &error))
    abort ();

  for (guint i = 0; i < crm_customer_import_get_n_rows (import); i++)
    {
      const CrmImportRow *row = crm_customer_import_get_row (import, i);

      fuzz_check_text (row->reason);
      fuzz_check_text (row->notes);
      for (guint j = 0; row->left_out[j] != NULL; j++)
        fuzz_check_text (row->left_out[j]);
      /* Every choice of the preview holds for a possible duplicate. */
      if (row->possible_duplicate)
        crm_customer_import_set_row_action (import, i, (CrmImportAction) ((size + i) % 3));
    }

  summary = crm_customer_import_dup_summary (import, 20);
  fuzz_check_text (summary);
  return 0;
}
