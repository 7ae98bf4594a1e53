/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Moving a whole shop from one database to another (the file on this PC
 * to a shared server, or back) through the archive: what one writes, the
 * other reads, so nothing is copied that the archive would not keep. */

#define G_LOG_DOMAIN "crm-archive"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-shop-copy.h"

static gboolean
counts_equal (const CrmArchiveCounts *a,
              const CrmArchiveCounts *b)
{
  return a->customers == b->customers && a->purchases == b->purchases &&
         a->interactions == b->interactions && a->follow_ups == b->follow_ups &&
         a->feedback == b->feedback && a->staff == b->staff;
}

/**
 * crm_shop_copy:
 * @from: the shop to copy
 * @to: an empty database (no customers, staff or feedback)
 * @counts: (out) (optional): what was copied
 *
 * Copies everything the archive holds from @from into @to, all or
 * nothing, and checks that @to then holds as many of each as @from.
 * @from is only read.
 *
 * Returns: whether the copy is complete; on %FALSE @to is as it was,
 *   unless only the final count differed (then @error says so)
 */
gboolean
crm_shop_copy (CrmStore          *from,
               CrmStore          *to,
               CrmArchiveCounts  *counts,
               GError           **error)
{
  g_autoptr(GBytes) archive = NULL;
  g_autoptr(GBytes) check = NULL;
  CrmArchiveCounts exported = { 0 }, existing = { 0 }, imported = { 0 }, copied = { 0 };
  const CrmArchiveCounts none = { 0 };

  g_return_val_if_fail (CRM_IS_STORE (from), FALSE);
  g_return_val_if_fail (CRM_IS_STORE (to), FALSE);

  check = crm_archive_export_bytes (to, &existing, error);
  if (check == NULL)
    return FALSE;
  if (!counts_equal (&existing, &none))
    {
      g_autofree char *described = crm_archive_counts_describe (&existing);

      /* Translators: %s lists what is there, e.g. "12 customers, 80 purchases" */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("The shop can only be moved into an empty database; this one holds %s."),
                   described);
      return FALSE;
    }

  archive = crm_archive_export_bytes (from, &exported, error);
  if (archive == NULL || !crm_archive_import (to, archive, &imported, error))
    return FALSE;

  g_clear_pointer (&check, g_bytes_unref);
  check = crm_archive_export_bytes (to, &copied, error);
  if (check == NULL)
    return FALSE;

  if (!counts_equal (&exported, &copied))
    {
      g_autofree char *want = crm_archive_counts_describe (&exported);
      g_autofree char *got = crm_archive_counts_describe (&copied);

      /* Translators: both %s list counts, e.g. "12 customers, 80 purchases" */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The copy is not complete: the shop has %s, the copy %s."), want, got);
      return FALSE;
    }

  if (counts != NULL)
    *counts = copied;
  return TRUE;
}
