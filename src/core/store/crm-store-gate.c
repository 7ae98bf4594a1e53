/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The wait of every write on a shop opened before its whole-file check
 * (crm_store_open_checking()): the check runs in a worker, and its
 * outcome lets the writes go ahead or fails them. Part of CrmStore. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include "crm-store-private.h"

CrmStoreGate *
crm_store_gate_new (void)
{
  CrmStoreGate *gate = g_new0 (CrmStoreGate, 1);

  g_atomic_ref_count_init (&gate->ref);
  g_mutex_init (&gate->lock);
  g_cond_init (&gate->cond);
  return gate;
}

CrmStoreGate *
crm_store_gate_ref (CrmStoreGate *gate)
{
  g_atomic_ref_count_inc (&gate->ref);
  return gate;
}

void
crm_store_gate_unref (CrmStoreGate *gate)
{
  if (!g_atomic_ref_count_dec (&gate->ref))
    return;

  g_clear_error (&gate->error);
  g_mutex_clear (&gate->lock);
  g_cond_clear (&gate->cond);
  g_free (gate);
}

/* A write on a shop opened before its check ended waits for the check
 * (crm_store_open_checking()): on the main thread too, which only
 * happens when someone saves in the first seconds of a big shop. */
gboolean
crm_store_gate_wait (CrmStoreGate  *gate,
                     GError       **error)
{
  gboolean ok;

  /* Every write asks: once the check has passed, without the lock. */
  if (g_atomic_int_get (&gate->done) && gate->error == NULL)
    return TRUE;

  g_mutex_lock (&gate->lock);
  while (!gate->done)
    g_cond_wait (&gate->cond, &gate->lock);
  ok = gate->error == NULL;
  if (!ok)
    g_propagate_error (error, g_error_copy (gate->error));
  g_mutex_unlock (&gate->lock);

  return ok;
}

/**
 * crm_store_end_check:
 * @failure: (nullable): why the check did not pass, or %NULL when it did
 *
 * The outcome of the check crm_store_open_checking() left to its caller,
 * from any thread: the writes waiting for it go ahead, or fail with
 * @failure, as every later one does.
 */
void
crm_store_end_check (CrmStore     *self,
                     const GError *failure)
{
  CrmStoreGate *gate;

  g_return_if_fail (CRM_IS_STORE (self));
  g_return_if_fail (self->gate != NULL);

  gate = self->gate;
  g_mutex_lock (&gate->lock);
  if (!gate->done)
    {
      gate->error = failure != NULL ? g_error_copy (failure) : NULL;
      g_atomic_int_set (&gate->done, TRUE);
      g_cond_broadcast (&gate->cond);
    }
  g_mutex_unlock (&gate->lock);
}

/**
 * crm_store_is_checking:
 *
 * Returns: whether the whole-file check crm_store_open_checking() left
 *   to a worker has not ended yet
 */
gboolean
crm_store_is_checking (CrmStore *self)
{
  gboolean checking;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  if (self->gate == NULL)
    return FALSE;

  g_mutex_lock (&self->gate->lock);
  checking = !self->gate->done;
  g_mutex_unlock (&self->gate->lock);
  return checking;
}
