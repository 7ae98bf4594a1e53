/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The shop's settings: name, currency, the segmentation rule and the
 * cadences, as text by key. Part of CrmStore. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include "crm-store-private.h"

/**
 * crm_store_dup_setting:
 * @key: a shop setting such as "shop.name"
 * @fallback: (nullable): returned when the shop has not set @key
 *
 * Returns: (transfer full) (nullable): the stored value or a copy of @fallback
 */
char *
crm_store_dup_setting (CrmStore   *self,
                       const char *key,
                       const char *fallback)
{
  CrmStmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  stmt = crm_store_prepare (self, "SELECT value FROM settings WHERE key = ?1", NULL);
  if (stmt != NULL)
    {
      crm_stmt_bind_text (stmt, 1, key);
      if (crm_stmt_step (stmt) == CRM_STMT_ROW)
        value = crm_stmt_dup_text (stmt, 0);
      crm_stmt_reset (stmt);
    }

  return value ? value : g_strdup (fallback);
}

/* Writes @value under @key and nothing else: no figures follow, nobody
 * hears of it. For the store's own bookkeeping. */
gboolean
crm_store_put_setting (CrmStore    *self,
                       const char  *key,
                       const char  *value,
                       GError     **error)
{
  CrmStmt *stmt = crm_store_prepare (self,
                                     "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                     error);

  if (stmt == NULL)
    return FALSE;

  crm_stmt_bind_text (stmt, 1, key);
  crm_stmt_bind_text (stmt, 2, value);
  return crm_store_step_done (self, stmt, key, error);
}

gboolean
crm_store_set_setting (CrmStore    *self,
                       const char  *key,
                       const char  *value,
                       GError     **error)
{
  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!crm_store_put_setting (self, key, value, error))
    return FALSE;

  /* Segment rules live in settings: the figures follow them at once. A
   * new window length changes every customer's figures, not just ranks. */
  if (g_str_equal (key, "segment.window_days"))
    crm_store_refresh_stats (self, 0, NULL);
  if (g_str_has_prefix (key, "segment."))
    crm_store_rank_customers (self, NULL);

  crm_store_emit_changed (self, CRM_STORE_CHANGE_SETTINGS, 0);
  return TRUE;
}

gint
crm_store_get_setting_int (CrmStore   *self,
                           const char *key,
                           gint        fallback)
{
  g_autofree char *value = crm_store_dup_setting (self, key, NULL);
  gint64 parsed;
  char *end = NULL;

  if (value == NULL)
    return fallback;

  parsed = g_ascii_strtoll (value, &end, 10);
  if (end == value || *end != '\0' || parsed < G_MININT || parsed > G_MAXINT)
    return fallback;

  return (gint) parsed;
}

/**
 * crm_store_dup_currency:
 *
 * Returns: (transfer full): the shop's currency code, GEL until one is chosen
 */
char *
crm_store_dup_currency (CrmStore *self)
{
  return crm_store_dup_setting (self, "shop.currency", "GEL");
}
