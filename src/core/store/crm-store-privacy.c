/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Erasing one person, as personal-data law lets them ask
 * (docs/messages.md): every personal field and every free text about
 * them goes, with the search and name keys built from it; what they
 * bought stays, anonymous, so that the shop's revenue, counts, segments
 * and points stay exactly as they were. Part of CrmStore (see
 * crm-store-private.h). */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-store-messages.h"
#include "crm-store-private.h"
#include "crm-text.h"

/* The free texts of the person's rows: each statement takes the
 * customer's id as ?1. Pending follow-ups go (nobody is to call an erased
 * person); done ones stay, without their note, for the on-time figure;
 * feedback keeps its kind, rating and times for satisfaction. */
static const char *const erase_sql[] = {
  "DELETE FROM customer_tags WHERE customer_id = ?1",
  "UPDATE purchases SET description = '' WHERE customer_id = ?1",
  "UPDATE interactions SET note = '' WHERE customer_id = ?1",
  "DELETE FROM follow_ups WHERE customer_id = ?1 AND done_at IS NULL",
  "UPDATE follow_ups SET note = '' WHERE customer_id = ?1",
  "UPDATE feedback SET text = '', response = CASE WHEN response IS NULL THEN NULL ELSE '' END "
  "WHERE customer_id = ?1",
  "UPDATE loyalty_ledger SET reason = '' WHERE customer_id = ?1",
};

static gboolean
erase_row (CrmStore  *self,
           gint64     id,
           GError   **error)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  /* Translators: what is left of a customer erased at their request; %s is their number */
  g_autofree char *name = g_strdup_printf (_("Erased customer #%s"), number);
  g_autofree char *name_key = crm_text_fold (name);
  CrmStmt *stmt;

  /* The segment override, the times and the archived state stay: they
   * are the shop's, and the figures read them. */
  stmt = crm_store_prepare (self,
                            "UPDATE customers SET name = ?2, phone = '', email = '', address = '', "
                            "  birthday = NULL, notes = '', language = '', channel = '', telegram = '', "
                            "  marketing_consent = 0, consent_date = NULL, consent_source = '', "
                            "  name_key = ?3, search_text = ?3, phone_key = '', "
                            "  name_key_en = ?4, name_key_ka = ?5, name_key_hy = ?6, updated_at = ?7 "
                            "WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;

  crm_stmt_bind_int64 (stmt, 1, id);
  crm_stmt_bind_text (stmt, 2, name);
  crm_stmt_bind_text (stmt, 3, name_key);
  crm_store_bind_folded_name_keys (stmt, 4, name_key);
  crm_stmt_bind_int64 (stmt, 7, crm_store_now (self));
  if (!crm_store_step_done (self, stmt, "erase", error))
    return FALSE;

  if (crm_store_changes (self) == 0)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_SQL,
                   "no customer with id %" G_GINT64_FORMAT, id);
      return FALSE;
    }

  return TRUE;
}

/**
 * crm_store_erase_customer:
 *
 * Erases customer @id in one transaction: name replaced by "Erased
 * customer #ID", phone, e-mail, address, birthday, notes, tags, the
 * Telegram name and consent cleared; the notes of their history and
 * follow-ups, the texts of their feedback and ledger emptied; pending
 * follow-ups removed. Purchases, amounts, times and points stay, so the
 * shop's figures do not move. The privacy log notes it. Cannot be undone.
 */
gboolean
crm_store_erase_customer (CrmStore  *self,
                          gint64     id,
                          GError   **error)
{
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (id > 0, FALSE);

  if (!crm_store_savepoint (self, error))
    return FALSE;

  ok = erase_row (self, id, error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (erase_sql); i++)
    ok = crm_store_write_id (self, erase_sql[i], id, 0, TRUE, error);
  ok = ok && crm_store_drop_unused_tags (self, error) &&
       crm_store_log_privacy (self, CRM_PRIVACY_ERASE, id, error);

  if (!crm_store_release (self, ok, error))
    return FALSE;

  crm_store_emit_changed (self,
                          CRM_STORE_CHANGE_CUSTOMERS | CRM_STORE_CHANGE_PURCHASES |
                          CRM_STORE_CHANGE_INTERACTIONS | CRM_STORE_CHANGE_FOLLOW_UPS |
                          CRM_STORE_CHANGE_FEEDBACK | CRM_STORE_CHANGE_LOYALTY,
                          id);
  return TRUE;
}
