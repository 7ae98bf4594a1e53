/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the customer and the sales import do alike with their plans:
 * telling whether a preview still holds, applying it in one transaction
 * with nothing written on failure, and the summary's lines. */

#define G_LOG_DOMAIN "crm-import"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-import-private.h"

char *
crm_import_join_present (const char         *separator,
                         const char * const *values,
                         gsize               n_values)
{
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < n_values; i++)
    {
      if (values[i] == NULL)
        continue;
      if (out->len > 0)
        g_string_append (out, separator);
      g_string_append (out, values[i]);
    }

  return g_string_free (out, FALSE);
}

void
crm_import_plan_mark (CrmImportPlanMark *mark,
                      CrmStore          *store)
{
  mark->store = store;
  mark->generation = crm_import_store_generation (store);
  mark->valid = TRUE;
}

/* A plan holds while nothing was written to its store since it was made. */
gboolean
crm_import_plan_holds (const CrmImportPlanMark *mark,
                       CrmStore                *store)
{
  return mark->valid && mark->store == store &&
         mark->generation == crm_import_store_generation (store);
}

void
crm_import_progress_begin (CrmImportProgress *progress,
                           guint              total)
{
  g_atomic_int_set (&progress->done, 0);
  g_atomic_int_set (&progress->total, (gint) MIN (total, (guint) G_MAXINT));
}

gboolean
crm_import_progress_step (CrmImportProgress  *progress,
                          guint               done,
                          GError            **error)
{
  /* Often enough for a bar and a Cancel, rarely enough to cost nothing. */
  if (done % 256 != 0)
    return TRUE;

  g_atomic_int_set (&progress->done, (gint) MIN (done, (guint) G_MAXINT));
  return !g_cancellable_set_error_if_cancelled (progress->cancellable, error);
}

double
crm_import_progress_get (CrmImportProgress *progress)
{
  gint total = g_atomic_int_get (&progress->total);

  return total > 0 ? CLAMP ((double) g_atomic_int_get (&progress->done) / total, 0.0, 1.0) : 0.0;
}

typedef struct
{
  CrmStore          *store;
  gint64             now;
  CrmImportPlanFunc  make_plan;
  CrmImportPlanMark *mark;
  CrmImportProgress *progress;
} PrepareJob;

static void
prepare_job_free (PrepareJob *job)
{
  g_clear_object (&job->store);
  g_free (job);
}

static gint64
prepare_job_now (gpointer user_data)
{
  return ((PrepareJob *) user_data)->now;
}

static void
prepare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PrepareJob *job = task_data;
  g_autoptr(CrmStore) reader = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  reader = crm_store_reopen (job->store, &error);
  if (reader == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Dates "in the future" are the window's store's future. */
  crm_store_set_now_func (reader, prepare_job_now, job);

  job->progress->cancellable = cancellable;
  ok = job->make_plan (source_object, reader, &error);
  job->progress->cancellable = NULL;

  if (ok)
    g_atomic_int_set (&job->progress->done, g_atomic_int_get (&job->progress->total));

  /* The plan was made on this thread's connection, which goes with it:
   * an apply on any other makes it again inside its transaction. */
  job->mark->valid = FALSE;

  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * crm_import_prepare_async:
 * @import: the customer or sales import (the task's source object)
 *
 * Makes @import's plan on a worker, on a read connection of its own to
 * @store; see crm_customer_import_prepare_async().
 */
void
crm_import_prepare_async (gpointer             import,
                          CrmStore            *store,
                          CrmImportPlanFunc    make_plan,
                          CrmImportPlanMark   *mark,
                          CrmImportProgress   *progress,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (import, cancellable, callback, user_data);
  PrepareJob *job = g_new0 (PrepareJob, 1);

  job->store = g_object_ref (store);
  job->now = crm_store_now (store);
  job->make_plan = make_plan;
  job->mark = mark;
  job->progress = progress;
  crm_import_progress_begin (progress, 0);

  g_task_set_source_tag (task, crm_import_prepare_async);
  g_task_set_task_data (task, job, (GDestroyNotify) prepare_job_free);
  g_task_run_in_thread (task, prepare_thread);
}

/**
 * crm_import_apply_plan:
 * @make_plan: makes the plan again when the store changed since it was
 *   made (or it never was)
 * @write: writes the plan through the writer
 *
 * Applies an import's plan in one transaction: the plan is checked (and
 * made again) inside it, so what is written matches the data it is
 * written to; on any failure it is rolled back, and the message names the
 * row (or card) that could not be saved.
 */
gboolean
crm_import_apply_plan (gpointer             import,
                       CrmStore            *store,
                       CrmImportPlanMark   *mark,
                       gboolean             cards,
                       CrmImportPlanFunc    make_plan,
                       CrmImportWriteFunc   write,
                       GError             **error)
{
  g_autoptr(CrmImportWriter) writer = NULL;
  g_autoptr(GError) local_error = NULL;
  guint failed_row = 0;

  if (!crm_store_begin (store, error))
    return FALSE;

  writer = crm_import_writer_new (store);
  if ((crm_import_plan_holds (mark, store) || make_plan (import, store, &local_error)) &&
      write (import, store, writer, &failed_row, &local_error) &&
      crm_import_writer_finish (writer, &local_error) &&
      crm_store_commit (store, &local_error))
    {
      mark->valid = FALSE;
      return TRUE;
    }

  crm_store_rollback (store);
  mark->valid = FALSE;
  if (failed_row > 0)
    g_set_error (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_FAILED,
                 cards ? _("Card %u could not be saved, so nothing was imported: %s")
                       : _("Row %u could not be saved, so nothing was imported: %s"),
                 failed_row, local_error->message);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}

static void
add_row (GString         *out,
         gboolean         cards,
         CrmImportAction  action,
         guint            row,
         const char      *reason)
{
  switch (action)
    {
    case CRM_IMPORT_SKIP:
      if (cards)
        g_string_append_printf (out, _("Card %u skipped: %s"), row, reason);
      else
        g_string_append_printf (out, _("Row %u skipped: %s"), row, reason);
      break;
    case CRM_IMPORT_MERGE:
      if (cards)
        g_string_append_printf (out, _("Card %u merged: %s"), row, reason);
      else
        g_string_append_printf (out, _("Row %u merged: %s"), row, reason);
      break;
    case CRM_IMPORT_ADD:
    default:
      if (cards)
        g_string_append_printf (out, _("Card %u added: %s"), row, reason);
      else
        g_string_append_printf (out, _("Row %u added: %s"), row, reason);
      break;
    }
  g_string_append_c (out, '\n');
}

/**
 * crm_import_summary_add_rows:
 * @reason_of: gives a plan row's number, action and reason (or %NULL)
 * @max_lines: the most rows to explain
 *
 * One line per row with a reason, "Row 5 skipped: There is no name.",
 * then "… and 12 more." for those left out.
 */
void
crm_import_summary_add_rows (GString            *out,
                             GPtrArray          *plan,
                             CrmImportRowReason  reason_of,
                             gboolean            cards,
                             guint               max_lines)
{
  guint shown = 0, more = 0;

  for (guint i = 0; i < plan->len; i++)
    {
      CrmImportAction action;
      guint row;
      const char *reason = reason_of (g_ptr_array_index (plan, i), &row, &action);

      if (reason == NULL)
        continue;
      if (shown >= max_lines)
        {
          more++;
          continue;
        }

      add_row (out, cards, action, row, reason);
      shown++;
    }

  if (more > 0)
    {
      g_string_append_printf (out, ngettext ("… and %u more.", "… and %u more.", more), more);
      g_string_append_c (out, '\n');
    }
}
