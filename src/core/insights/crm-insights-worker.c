/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-insights"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-insights-worker.h"
#include "crm-loyalty.h"

/* The page's figures off the main thread: at a million purchases they
 * take a few hundred milliseconds, which the window must not wait for.
 * Each request opens its own read-only connection (a connection is never
 * shared between threads) and reads at the time the window gave it, so
 * a test's clock holds in the worker too. */

typedef struct
{
  char      *data_dir;
  char      *database;
  CrmPeriod  period;
  gint64     now;
} Request;

static void
request_free (Request *request)
{
  g_free (request->data_dir);
  g_free (request->database);
  g_free (request);
}

void
crm_insights_result_free (CrmInsightsResult *result)
{
  if (result == NULL)
    return;

  g_free (result->currency);
  g_free (result);
}

/**
 * crm_insights_compute_result:
 * @now: the time the figures are for
 *
 * The whole page's figures on @store, in the calling thread.
 *
 * Returns: (transfer full): the figures
 */
CrmInsightsResult *
crm_insights_compute_result (CrmStore  *store,
                             CrmPeriod  period,
                             gint64     now)
{
  g_autoptr(GError) error = NULL;
  CrmInsightsResult *result;
  CrmLoyaltySettings settings;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  result = g_new0 (CrmInsightsResult, 1);
  result->period = period;
  crm_insights_compute_at (store, period, now, &result->insights);

  crm_loyalty_settings_load (store, &settings);
  result->loyalty_enabled = settings.enabled;
  result->has_loyalty = crm_loyalty_compute_figures (store, result->insights.from, result->insights.to,
                                                     &result->loyalty, &error);
  if (!result->has_loyalty)
    g_warning ("loyalty figures: %s", error->message);
  result->currency = crm_store_dup_currency (store);

  return result;
}

static gint64
fixed_now (gpointer user_data)
{
  return *(const gint64 *) user_data;
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(CrmStore) store = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (request->database != NULL)
    store = crm_store_open_shared (request->database, &error);
  else
    store = crm_store_open_full (request->data_dir, CRM_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  crm_store_set_now_func (store, fixed_now, &request->now);
  if (g_task_return_error_if_cancelled (task))
    return;

  g_task_return_pointer (task, crm_insights_compute_result (store, request->period, request->now),
                         (GDestroyNotify) crm_insights_result_free);
}

/**
 * crm_insights_compute_async:
 * @data_dir: the shop's folder
 * @database: (nullable): its shared database, as for crm_context_new()
 * @now: the time the figures are for (the window's store's clock)
 *
 * Works out the page's figures in a worker. A request that is cancelled
 * before its worker starts reads nothing.
 */
void
crm_insights_compute_async (const char          *data_dir,
                            const char          *database,
                            CrmPeriod            period,
                            gint64               now,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (data_dir != NULL || database != NULL);

  request = g_new0 (Request, 1);
  request->data_dir = g_strdup (data_dir);
  request->database = database != NULL && database[0] != '\0' ? g_strdup (database) : NULL;
  request->period = period;
  request->now = now;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, crm_insights_compute_async);
  g_task_set_name (task, "insights");
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  g_task_run_in_thread (task, compute_thread);
}

/**
 * crm_insights_compute_finish:
 *
 * Returns: (transfer full) (nullable): the figures, or %NULL with @error
 *   set (%G_IO_ERROR_CANCELLED when the request was cancelled)
 */
CrmInsightsResult *
crm_insights_compute_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
