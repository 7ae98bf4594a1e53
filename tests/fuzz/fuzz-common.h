/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the fuzz targets share: GLib's criticals abort (so libFuzzer sees
 * them), and a small shop in a temporary folder for the previews to run
 * against, so that matches with existing customers are explored too. */

#include <glib/gstdio.h>
#include <stdint.h>
#include <stdlib.h>

#include "crm-store-private.h"

int LLVMFuzzerInitialize   (int           *argc,
                            char        ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static char     *fuzz_dir;
static CrmStore *fuzz_store;

static inline void
fuzz_remove_dir (const char *dir)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/clientele.db%s", dir, suffixes[i]);

      g_remove (path);
    }
  g_rmdir (dir);
}

static inline void
fuzz_cleanup (void)
{
  g_clear_object (&fuzz_store);
  if (fuzz_dir != NULL)
    fuzz_remove_dir (fuzz_dir);
  g_clear_pointer (&fuzz_dir, g_free);
}

static inline gint64
fuzz_now (gpointer data)
{
  return 1780315200;   /* 2026-06-01 12:00 UTC */
}

static inline CrmStore *
fuzz_open_store (char **dir)
{
  g_autoptr(GError) error = NULL;
  CrmStore *store;

  *dir = g_dir_make_tmp ("clientele-fuzz-XXXXXX", &error);
  g_assert_no_error (error);
  store = crm_store_open (*dir, &error);
  g_assert_no_error (error);
  crm_store_set_now_func (store, fuzz_now, NULL);
  return store;
}

static inline void
fuzz_init (void)
{
  const CrmCustomerFields customers[] = {
    { .name = "ნინო ბერიძე", .phone = "+995 555 12 34 56", .email = "nino@example.ge",
      .tags = (const char *[]) { "VIP", NULL } },
    { .name = "Անի Պետրոսյան", .phone = "+374 91 123456" },
    { .name = "Nino", .email = "n@example.com" },
    { .name = "Nino", .phone = "599 11 22 33" },
  };
  g_autoptr(GError) error = NULL;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  fuzz_store = fuzz_open_store (&fuzz_dir);
  for (guint i = 0; i < G_N_ELEMENTS (customers); i++)
    {
      crm_store_add_customer (fuzz_store, &customers[i], &error);
      g_assert_no_error (error);
    }
  atexit (fuzz_cleanup);
}

/* What a person will read must be text. */
static inline void
fuzz_check_text (const char *text)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    abort ();
}
