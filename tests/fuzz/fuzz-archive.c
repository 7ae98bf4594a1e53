/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The archive reader; an archive it accepts must also write into an
 * empty shop (the checks and the database's constraints agree). */

#include "config.h"

#include "crm-archive.h"
#include "fuzz-common.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmArchive) archive = crm_archive_load (bytes, &error);
  g_autofree char *described = NULL;
  g_autofree char *dir = NULL;
  CrmArchiveCounts counts;
  CrmStore *store;

  if (archive == NULL)
    {
      fuzz_check_text (error->message);
      return 0;
    }

  crm_archive_get_counts (archive, &counts);
  described = crm_archive_counts_describe (&counts);
  fuzz_check_text (crm_archive_get_shop_name (archive));

  store = fuzz_open_store (&dir);
  if (!crm_archive_write (archive, store, &error))
    {
      g_printerr ("accepted archive not written: %s\n", error->message);
      abort ();
    }
  g_object_unref (store);
  fuzz_remove_dir (dir);
  return 0;
}
