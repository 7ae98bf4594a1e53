/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The import dialog's preview, made on a worker: every change of an
 * option asks for a new plan; while one is being made the next waits and
 * starts when it is done, so the window never waits for a big file. After
 * a moment a progress bar shows how far it got; the dialog's Cancel stops
 * it (nothing is written by a preview). Part of CrmImportDialog. */

#define G_LOG_DOMAIN "crm-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-import-dialog-private.h"

/* How long a plan may take before the progress bar shows: small files
 * never flash one. */
#define PROGRESS_DELAY_MS 200
#define PROGRESS_STEP_MS  100

static double
progress (CrmImportDialog *self)
{
  return self->sales ? crm_sales_import_get_progress (self->sales)
                     : crm_customer_import_get_progress (self->import);
}

static gboolean
progress_cb (gpointer user_data)
{
  CrmImportDialog *self = user_data;

  if (!gtk_widget_get_visible (self->progress_group))
    {
      /* What is listed is the last plan's until the new one comes. */
      adw_preferences_group_set_description (self->preview_group,
                                             _("Checking each row against the shop…"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->preview_list), FALSE);
      gtk_widget_set_visible (self->progress_group, TRUE);
      gtk_progress_bar_set_fraction (self->preview_progress, progress (self));
      /* From now on, a step every PROGRESS_STEP_MS. */
      self->progress_id = g_timeout_add (PROGRESS_STEP_MS, progress_cb, self);
      return G_SOURCE_REMOVE;
    }
  gtk_progress_bar_set_fraction (self->preview_progress, progress (self));

  return G_SOURCE_CONTINUE;
}

static void
hide_progress (CrmImportDialog *self)
{
  g_clear_handle_id (&self->progress_id, g_source_remove);
  gtk_widget_set_visible (self->progress_group, FALSE);
  gtk_progress_bar_set_fraction (self->preview_progress, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->preview_list), TRUE);
}

static void start_plan (CrmImportDialog *self);

static void
plan_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(CrmImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = self->sales ? crm_sales_import_prepare_finish (self->sales, result, &error)
                   : crm_customer_import_prepare_finish (self->import, result, &error);

  /* The dialog is closing: nothing to show, and nobody to show it to. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->preparing);
  if (self->prepare_again)
    {
      start_plan (self);
      return;
    }

  hide_progress (self);
  if (!ok || self->rows_again)
    crm_import_dialog_show_plan (self, error);
  else
    crm_import_dialog_show_counts (self);
  self->rows_again = FALSE;
}

static void
start_plan (CrmImportDialog *self)
{
  /* The rows still to be listed read the plan the worker is to replace:
   * they are dropped, and the list is built again from the new one. */
  if (crm_import_dialog_drop_rows (self))
    self->rows_again = TRUE;
  self->prepare_again = FALSE;
  crm_import_dialog_apply_options (self);

  self->preparing = g_cancellable_new ();
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  if (self->progress_id == 0)
    self->progress_id = g_timeout_add (PROGRESS_DELAY_MS, progress_cb, self);

  if (self->sales)
    crm_sales_import_prepare_async (self->sales, self->store, self->preparing, plan_done_cb, g_object_ref (self));
  else
    crm_customer_import_prepare_async (self->import, self->store, self->preparing, plan_done_cb,
                                       g_object_ref (self));
}

/**
 * crm_import_dialog_refresh:
 * @rows: the listed rows must be built again (an option or a column
 *   changed), not only the counts (a possible duplicate's choice)
 *
 * Asks for the plan to be made again from what the dialog's options say
 * now; it is shown when it is done.
 */
void
crm_import_dialog_refresh (CrmImportDialog *self,
                           gboolean         rows)
{
  self->rows_again |= rows;
  if (self->preparing != NULL)
    {
      self->prepare_again = TRUE;
      return;
    }
  start_plan (self);
}

/* From dispose: the worker's plan is no longer wanted. */
void
crm_import_dialog_stop_plan (CrmImportDialog *self)
{
  g_clear_handle_id (&self->progress_id, g_source_remove);
  if (self->preparing != NULL)
    g_cancellable_cancel (self->preparing);
  g_clear_object (&self->preparing);
}

/**
 * crm_import_dialog_is_preparing:
 *
 * Returns: whether the preview's plan is being made on a worker (the
 *   import button waits for it) or its rows are still being listed
 */
gboolean
crm_import_dialog_is_preparing (CrmImportDialog *self)
{
  g_return_val_if_fail (CRM_IS_IMPORT_DIALOG (self), FALSE);

  return self->preparing != NULL || self->rows_id != 0;
}
