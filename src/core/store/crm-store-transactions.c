/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Transactions and the changes they announce. Part of CrmStore. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include "crm-store-private.h"

/* One way into a transaction, as evolution-data-server's e_cache_lock():
 * crm_store_lock() opens a level and crm_store_unlock() closes it, kept
 * or undone. The outermost level is a real transaction, BEGIN to read or
 * BEGIN IMMEDIATE to write; a write level inside it is a savepoint, so a
 * store call that fails undoes itself alone and its caller's transaction
 * goes on; a read level inside anything only counts. Every store write is
 * such a level (crm_store_savepoint()), and an import or the sample shop
 * wraps many in one (crm_store_begin()). "changed" waits for the
 * outermost commit and fires once, with everything that was kept. Each
 * level remembers what to restore if it is undone (CrmStoreLevel). */

/* pending_customer before any change names one. */
#define NO_CUSTOMER (-1)

static CrmStoreLevel *
top_level (CrmStore *self)
{
  if (self->levels->len == 0)
    return NULL;

  return &g_array_index (self->levels, CrmStoreLevel, self->levels->len - 1);
}

/**
 * crm_store_lock:
 * @lock: %CRM_STORE_LOCK_READ for one consistent view of several reads,
 *   %CRM_STORE_LOCK_WRITE for changes that land together or not at all
 *
 * Opens a transaction level; every one is closed by crm_store_unlock().
 * A write level cannot open inside a read transaction: the snapshot it
 * reads may already be stale for writing.
 */
gboolean
crm_store_lock (CrmStore      *self,
                CrmStoreLock   lock,
                GError       **error)
{
  CrmStoreLevel level = {
    .lock = lock,
    .needs_refresh = self->needs_refresh,
    .pending_changes = self->pending_changes,
    .pending_customer = self->pending_customer,
  };
  guint depth = self->levels->len;

  if (depth == 0)
    {
      /* Before BEGIN IMMEDIATE, not only at the statements inside
       * (crm_store_prepare()): no one holds the file's write lock while
       * waiting for the check. */
      if (lock == CRM_STORE_LOCK_WRITE && self->gate != NULL &&
          !crm_store_gate_wait (self->gate, error))
        return FALSE;

      if (!self->engine->begin (self->conn, lock))
        return crm_store_engine_failed (self, error);
    }
  else if (lock == CRM_STORE_LOCK_WRITE)
    {
      if (g_array_index (self->levels, CrmStoreLevel, 0).lock == CRM_STORE_LOCK_READ)
        {
          /* A mistake in the calling code, not in the data. */
          g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_SQL,
                       "cannot write at level %u of a read transaction", depth);
          return FALSE;
        }

      if (!self->engine->savepoint (self->conn, depth))
        return crm_store_engine_failed (self, error);
      level.savepoint = TRUE;
    }

  g_array_append_val (self->levels, level);
  return TRUE;
}

/* The outermost level ends: commit, or undo everything. */
static gboolean
end_transaction (CrmStore  *self,
                 gboolean   ok,
                 GError   **error)
{
  guint changes = self->pending_changes;
  gint64 customer_id = MAX (self->pending_customer, 0);

  self->pending_changes = 0;
  self->pending_customer = NO_CUSTOMER;

  if (ok && changes != 0 && self->engine->announce != NULL)
    self->engine->announce (self->conn, changes, customer_id);

  if (ok && !self->engine->commit (self->conn))
    ok = crm_store_engine_failed (self, error);

  if (!ok)
    {
      self->engine->rollback (self->conn);
      self->needs_refresh = FALSE;
      return FALSE;
    }

  if (changes != 0)
    crm_store_emit_committed (self, changes, customer_id);

  return TRUE;
}

/**
 * crm_store_unlock:
 * @ok: %TRUE to keep what the level did, %FALSE to undo it
 *
 * Closes the innermost crm_store_lock() level. Undoing an inner level
 * leaves the outer ones as they were before it opened.
 *
 * Returns: whether the level's changes were kept: %FALSE when @ok was,
 *   or with @error set when keeping them failed (they are undone then)
 */
gboolean
crm_store_unlock (CrmStore  *self,
                  gboolean   ok,
                  GError   **error)
{
  CrmStoreLevel level;
  guint depth;

  g_return_val_if_fail (self->levels->len > 0, FALSE);

  depth = self->levels->len - 1;
  level = g_array_index (self->levels, CrmStoreLevel, depth);
  g_array_set_size (self->levels, depth);

  if (depth == 0)
    return end_transaction (self, ok, error);

  if (level.savepoint)
    {
      if (ok && !self->engine->release (self->conn, depth))
        ok = crm_store_engine_failed (self, error);
      if (!ok)
        self->engine->rollback_to (self->conn, depth);
    }

  if (!ok)
    {
      self->needs_refresh = level.needs_refresh;
      self->pending_changes = level.pending_changes;
      self->pending_customer = level.pending_customer;
    }

  return ok;
}

/* Every write of a store function runs inside this level, so that it
 * nests in a caller's transaction and undoes itself alone on failure. */
gboolean
crm_store_savepoint (CrmStore  *self,
                     GError   **error)
{
  return crm_store_lock (self, CRM_STORE_LOCK_WRITE, error);
}

/* Ends crm_store_savepoint(): kept when @ok, otherwise rolled back. */
gboolean
crm_store_release (CrmStore  *self,
                   gboolean   ok,
                   GError   **error)
{
  return crm_store_unlock (self, ok, error);
}

/**
 * crm_store_begin:
 *
 * Opens a transaction around many changes (an import, the sample shop):
 * they land together or not at all, "changed" fires once at the outermost
 * commit, and the figures and segments are rebuilt once, then, instead
 * of after every row. It may nest inside another: an inner one that rolls
 * back leaves the outer one as it was before the inner one began.
 */
gboolean
crm_store_begin (CrmStore  *self,
                 GError   **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  if (!crm_store_lock (self, CRM_STORE_LOCK_WRITE, error))
    return FALSE;

  top_level (self)->bulk = TRUE;
  self->bulk_depth++;
  return TRUE;
}

/**
 * crm_store_commit:
 *
 * Ends crm_store_begin(), keeping its changes. On failure everything it
 * did is rolled back and the level is closed: do not roll it back again
 * unless it was the outermost (that is harmless).
 */
gboolean
crm_store_commit (CrmStore  *self,
                  GError   **error)
{
  CrmStoreLevel *level;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  level = top_level (self);
  g_return_val_if_fail (level != NULL && level->bulk, FALSE);

  if (self->bulk_depth == 1 && self->needs_refresh)
    {
      gboolean ok;

      self->refreshing_all = TRUE;
      ok = crm_store_refresh_stats (self, 0, error) && crm_store_rank_customers (self, error);
      self->refreshing_all = FALSE;
      self->needs_refresh = FALSE;
      if (!ok)
        {
          crm_store_rollback (self);
          return FALSE;
        }
      crm_store_emit_changed (self, CRM_STORE_CHANGE_SEGMENTS, 0);
    }

  self->bulk_depth--;
  return crm_store_unlock (self, TRUE, error);
}

/**
 * crm_store_rollback:
 *
 * Ends crm_store_begin(), undoing its changes. Does nothing when no
 * crm_store_begin() is open.
 */
void
crm_store_rollback (CrmStore *self)
{
  CrmStoreLevel *level;

  g_return_if_fail (CRM_IS_STORE (self));

  if (self->bulk_depth == 0)
    return;

  level = top_level (self);
  g_return_if_fail (level != NULL && level->bulk);

  self->bulk_depth--;
  crm_store_unlock (self, FALSE, NULL);
}

/* Announced now, or when the open transaction commits. */
void
crm_store_emit_changed (CrmStore       *self,
                        CrmStoreChange  change,
                        gint64          customer_id)
{
  if (self->levels->len > 0)
    {
      self->pending_changes |= change;
      if (self->pending_customer == NO_CUSTOMER)
        self->pending_customer = customer_id;
      else if (self->pending_customer != customer_id)
        self->pending_customer = 0;
      return;
    }

  if (self->engine->announce != NULL)
    self->engine->announce (self->conn, change, customer_id);
  crm_store_emit_committed (self, change, customer_id);
}


/* Before each row a bulk writer writes: what a job counts, and where
 * its Cancel stops the write (the caller rolls back). */
gboolean
crm_store_count_row (CrmStore  *self,
                     GError   **error)
{
  return self->row_func == NULL || self->row_func (self->row_data, error);
}
