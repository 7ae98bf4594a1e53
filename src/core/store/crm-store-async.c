/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Store calls on a worker (crm-store-async.h). */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-store-private.h"
#include "crm-store-async.h"

typedef struct
{
  gint      days;
  gint64    now;
} RecountJob;

static gint64
job_now (gpointer user_data)
{
  return ((RecountJob *) user_data)->now;
}

static void
recount_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RecountJob *job = task_data;
  g_autoptr(CrmStore) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = g_strdup_printf ("%d", job->days);
  gboolean ok;

  reader = crm_store_reopen (source_object, &error);
  if (reader == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The shop's clock, as the window's store has it. */
  crm_store_set_now_func (reader, job_now, job);

  if (!crm_store_savepoint (reader, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  ok = crm_store_put_setting (reader, "segment.window_days", value, &error) &&
       !g_cancellable_set_error_if_cancelled (cancellable, &error) &&
       crm_store_refresh_stats (reader, 0, &error) &&
       !g_cancellable_set_error_if_cancelled (cancellable, &error) &&
       crm_store_rank_customers (reader, &error) &&
       !g_cancellable_set_error_if_cancelled (cancellable, &error);

  /* All of it or none: a cancel rolls the setting back too. */
  if (!crm_store_release (reader, ok, ok ? &error : NULL) || !ok)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * crm_store_set_period_async:
 * @days: the period's new length (segment.window_days)
 *
 * Writes the setting and recounts every customer's figures and segment
 * for it, on a worker; "changed" follows on @self when done.
 */
void
crm_store_set_period_async (CrmStore            *self,
                            gint                 days,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  RecountJob *job;

  g_return_if_fail (CRM_IS_STORE (self));
  g_return_if_fail (days > 0);

  job = g_new0 (RecountJob, 1);
  job->days = days;
  job->now = crm_store_now (self);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, crm_store_set_period_async);
  g_task_set_task_data (task, job, g_free);
  g_task_run_in_thread (task, recount_thread);
}

gboolean
crm_store_set_period_finish (CrmStore      *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  /* Another connection wrote: this one's readers hear of it here, once
   * (the check takes the change as seen, so the watch does not repeat it). */
  if (!crm_store_check_outside_changes (self))
    crm_store_emit_changed (self, CRM_STORE_CHANGE_SETTINGS | CRM_STORE_CHANGE_SEGMENTS, 0);
  return TRUE;
}

typedef struct
{
  gint64         now;
  CrmShopSummary summary;
} SummaryJob;

static gint64
summary_now (gpointer user_data)
{
  return ((SummaryJob *) user_data)->now;
}

static void
summary_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SummaryJob *job = task_data;
  g_autoptr(CrmStore) reader = NULL;
  g_autoptr(GError) error = NULL;

  reader = crm_store_reopen (source_object, &error);
  if (reader == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  crm_store_set_now_func (reader, summary_now, job);
  crm_store_get_summary (reader, &job->summary);
  g_task_return_boolean (task, TRUE);
}

/**
 * crm_store_get_summary_async:
 *
 * crm_store_get_summary() on a worker, at @self's clock.
 */
void
crm_store_get_summary_async (CrmStore            *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SummaryJob *job;

  g_return_if_fail (CRM_IS_STORE (self));

  job = g_new0 (SummaryJob, 1);
  job->now = crm_store_now (self);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, crm_store_get_summary_async);
  g_task_set_task_data (task, job, g_free);
  g_task_run_in_thread (task, summary_thread);
}

gboolean
crm_store_get_summary_finish (CrmStore        *self,
                              GAsyncResult    *result,
                              CrmShopSummary  *summary,
                              GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  *summary = ((SummaryJob *) g_task_get_task_data (G_TASK (result)))->summary;
  return TRUE;
}
