/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The import dialog's write, on a worker: the window's progress bar
 * (rows written of all) and Cancel, which leaves the shop as it was.
 * Part of CrmImportDialog. */

#define G_LOG_DOMAIN "crm-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-format.h"
#include "crm-import-dialog-private.h"
#include "crm-window.h"

void
crm_import_dialog_show_failure (CrmImportDialog *self,
                                const GError    *error)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Nothing Was Imported"), error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  CrmCustomerImport *import;
  CrmSalesImport    *sales;
  CrmImportCounts    counts;
  CrmSalesCounts     sales_counts;
} ImportWrite;

static void
import_write_free (ImportWrite *write)
{
  g_clear_object (&write->import);
  g_clear_object (&write->sales);
  g_free (write);
}

/* In the worker, on the job's own connection: the whole plan in one
 * transaction; a Cancel between two rows rolls all of it back. */
static gboolean
import_write (CrmStore  *store,
              gpointer   user_data,
              GError   **error)
{
  ImportWrite *write = user_data;

  if (write->sales != NULL)
    return crm_sales_import_apply (write->sales, store, &write->sales_counts, error);
  return crm_customer_import_apply (write->import, store, &write->counts, error);
}

static void
import_done_cb (CrmStoreJob  *job,
                const GError *error,
                gpointer      user_data)
{
  g_autoptr(CrmImportDialog) self = user_data;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  g_clear_object (&self->job);
  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      crm_format_toast (GTK_WIDGET (parent), _("Cancelled: nothing was changed."));
      return;
    }
  if (error != NULL)
    {
      crm_import_dialog_show_failure (self, error);
      return;
    }

  {
    g_autofree char *done = NULL;

    if (self->sales != NULL)
      {
        CrmSalesCounts sales = { 0 };

        crm_sales_import_get_counts (self->sales, &sales);
        done = g_strdup_printf (ngettext ("%u purchase imported", "%u purchases imported", sales.added),
                                sales.added);
      }
    else
      {
        CrmImportCounts counts;

        crm_customer_import_get_counts (self->import, &counts);
        done = g_strdup_printf (ngettext ("%u customer imported", "%u customers imported",
                                          counts.added + counts.merged),
                                counts.added + counts.merged);
      }
    crm_format_toast (GTK_WIDGET (parent), done);
  }
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Customers or a till's sales into the window's shop: on a worker, with
 * the window's progress bar and Cancel; the dialog waits, insensitive. */
gboolean
crm_import_dialog_apply_on_worker (CrmImportDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  ImportWrite *write;
  guint64 n_rows;

  if (!CRM_IS_WINDOW (parent))
    return FALSE;

  write = g_new0 (ImportWrite, 1);
  if (self->sales != NULL)
    {
      CrmSalesCounts sales = { 0 };

      crm_sales_import_get_counts (self->sales, &sales);
      write->sales = g_object_ref (self->sales);
      n_rows = sales.added;
    }
  else
    {
      CrmImportCounts counts = { 0 };

      crm_customer_import_get_counts (self->import, &counts);
      write->import = g_object_ref (self->import);
      n_rows = counts.added + counts.merged;
    }
  self->job = crm_store_job_new_write (self->store, n_rows, import_write, write,
                                       (GDestroyNotify) import_write_free);
  crm_store_job_set_pause_after (self->job, self->pause_after);

  if (!crm_window_run_job (CRM_WINDOW (parent), GTK_WINDOW (self), self->job,
                           self->sales != NULL ? _("Importing Purchases…") : _("Importing Customers…"),
                           import_done_cb, g_object_ref (self)))
    {
      g_object_unref (self);
      g_clear_object (&self->job);
      return FALSE;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  return TRUE;
}

/**
 * crm_import_dialog_set_pause_after:
 *
 * For tests: the import's worker waits after @n_rows rows until Cancel
 * (crm_store_job_set_pause_after()).
 */
void
crm_import_dialog_set_pause_after (CrmImportDialog *self,
                                   guint64          n_rows)
{
  g_return_if_fail (CRM_IS_IMPORT_DIALOG (self));

  self->pause_after = n_rows;
}

/**
 * crm_import_dialog_get_job:
 *
 * Returns: (transfer none) (nullable): the write running on a worker
 */
CrmStoreJob *
crm_import_dialog_get_job (CrmImportDialog *self)
{
  g_return_val_if_fail (CRM_IS_IMPORT_DIALOG (self), NULL);

  return self->job;
}
