/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Duplicates inside the shop. Finding them reads every active customer's
 * phone key, e-mail and folded name once and pairs the later customers
 * with the first that shares one. Merging moves purchases, interactions,
 * follow-ups, feedback and loyalty points to the customer kept, fills
 * their empty fields from the other, keeps in the notes what would be
 * lost, joins the tags, and removes the other, all in one savepoint; the
 * undo record puts everything back. Pairs a person said are two people
 * are remembered in the settings. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-store-import.h"
#include "crm-store-merge.h"
#include "crm-store-private.h"
#include "crm-text.h"

#define NOT_SAME_KEY "duplicates.not_same"

/* What belongs to a customer and moves with a merge. */
typedef struct
{
  const char *select;   /* ?1 the customer */
  const char *move;     /* ?1 from, ?2 to */
  const char *put;      /* ?1 the row, ?2 to */
} Belongings;

static const Belongings belongings[] = {
  { "SELECT id FROM purchases WHERE customer_id = ?1",
    "UPDATE purchases SET customer_id = ?2 WHERE customer_id = ?1",
    "UPDATE purchases SET customer_id = ?2 WHERE id = ?1" },
  { "SELECT id FROM interactions WHERE customer_id = ?1",
    "UPDATE interactions SET customer_id = ?2 WHERE customer_id = ?1",
    "UPDATE interactions SET customer_id = ?2 WHERE id = ?1" },
  { "SELECT id FROM follow_ups WHERE customer_id = ?1",
    "UPDATE follow_ups SET customer_id = ?2 WHERE customer_id = ?1",
    "UPDATE follow_ups SET customer_id = ?2 WHERE id = ?1" },
  { "SELECT id FROM feedback WHERE customer_id = ?1",
    "UPDATE feedback SET customer_id = ?2 WHERE customer_id = ?1",
    "UPDATE feedback SET customer_id = ?2 WHERE id = ?1" },
  { "SELECT id FROM loyalty_ledger WHERE customer_id = ?1",
    "UPDATE loyalty_ledger SET customer_id = ?2 WHERE customer_id = ?1",
    "UPDATE loyalty_ledger SET customer_id = ?2 WHERE id = ?1" },
};

struct _CrmMergeUndo
{
  gint64             keep;
  gint64             removed;
  CrmImportCustomer  kept_before;
  CrmImportCustomer  removed_before;
  GArray            *moved[G_N_ELEMENTS (belongings)];   /* row ids */
};

void
crm_merge_undo_free (CrmMergeUndo *undo)
{
  if (undo == NULL)
    return;

  crm_import_customer_clear (&undo->kept_before);
  crm_import_customer_clear (&undo->removed_before);
  for (guint i = 0; i < G_N_ELEMENTS (undo->moved); i++)
    g_clear_pointer (&undo->moved[i], g_array_unref);
  g_free (undo);
}

/* Finding */

static char *
pair_key (gint64 first,
          gint64 second)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT, MIN (first, second), MAX (first, second));
}

static GHashTable *
load_not_same (CrmStore *self)
{
  g_autofree char *value = crm_store_dup_setting (self, NOT_SAME_KEY, "");
  g_auto(GStrv) pairs = g_strsplit (value, " ", -1);
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; pairs[i] != NULL; i++)
    if (pairs[i][0] != '\0')
      g_hash_table_add (set, g_strdup (pairs[i]));

  return set;
}

static void
pair_with_first (GHashTable *firsts,
                 const char *key,
                 gint64      id,
                 CrmSameness same,
                 GHashTable *pairs,
                 GHashTable *not_same,
                 GArray     *found)
{
  gpointer first;
  g_autofree char *name = NULL;
  gpointer index;

  if (key == NULL || key[0] == '\0')
    return;

  if (!g_hash_table_lookup_extended (firsts, key, NULL, &first))
    {
      g_hash_table_insert (firsts, g_strdup (key), g_memdup2 (&id, sizeof id));
      return;
    }

  name = pair_key (*(gint64 *) first, id);
  if (g_hash_table_contains (not_same, name))
    return;

  if (g_hash_table_lookup_extended (pairs, name, NULL, &index))
    g_array_index (found, CrmDuplicatePair, GPOINTER_TO_UINT (index)).same |= same;
  else
    {
      CrmDuplicatePair pair = { *(gint64 *) first, id, same };

      g_hash_table_insert (pairs, g_steal_pointer (&name), GUINT_TO_POINTER (found->len));
      g_array_append_val (found, pair);
    }
}

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const CrmDuplicatePair *x = a, *y = b;

  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  return x->second < y->second ? -1 : x->second > y->second;
}

/**
 * crm_store_find_duplicates:
 *
 * Active customers who may be one person: the same phone number, e-mail
 * or folded name. Each later customer is paired with the first who
 * shares it; pairs marked with crm_store_set_not_duplicates() are left
 * out.
 *
 * Returns: (transfer full) (element-type CrmDuplicatePair): the pairs,
 *   oldest first, or %NULL with @error set
 */
GArray *
crm_store_find_duplicates (CrmStore  *self,
                           GError   **error)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (CrmDuplicatePair));
  g_autoptr(GHashTable) phones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) not_same = NULL;
  CrmStmt *stmt;
  CrmStmtResult rc;

  g_return_val_if_fail (CRM_IS_STORE (self), NULL);

  not_same = load_not_same (self);
  stmt = crm_store_prepare (self,
                            "SELECT id, phone_key, email, name_key FROM customers "
                            "WHERE archived_at IS NULL ORDER BY id",
                            error);
  if (stmt == NULL)
    return NULL;

  while ((rc = crm_stmt_step (stmt)) == CRM_STMT_ROW)
    {
      gint64 id = crm_stmt_column_int64 (stmt, 0);
      g_autofree char *email = crm_import_email_key (crm_stmt_column_text (stmt, 2));

      pair_with_first (phones, crm_stmt_column_text (stmt, 1), id, CRM_SAME_PHONE, pairs, not_same, found);
      pair_with_first (emails, email, id, CRM_SAME_EMAIL, pairs, not_same, found);
      pair_with_first (names, crm_stmt_column_text (stmt, 3), id, CRM_SAME_NAME, pairs, not_same, found);
    }
  crm_stmt_reset (stmt);

  if (rc != CRM_STMT_DONE)
    {
      crm_store_set_sql_error (error, self, "duplicates");
      return NULL;
    }

  g_array_sort (found, compare_pairs);
  return g_steal_pointer (&found);
}

/**
 * crm_store_set_not_duplicates:
 *
 * Remembers that two customers are two people (a family, a shared
 * landline), so crm_store_find_duplicates() no longer pairs them.
 */
gboolean
crm_store_set_not_duplicates (CrmStore  *self,
                              gint64     first,
                              gint64     second,
                              GError   **error)
{
  g_autofree char *value = crm_store_dup_setting (self, NOT_SAME_KEY, "");
  g_autofree char *pair = pair_key (first, second);
  g_autofree char *joined = NULL;
  g_autoptr(GHashTable) set = NULL;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);

  set = load_not_same (self);
  if (g_hash_table_contains (set, pair))
    return TRUE;

  joined = value[0] != '\0' ? g_strconcat (value, " ", pair, NULL) : g_strdup (pair);
  return crm_store_set_setting (self, NOT_SAME_KEY, joined, error);
}

/* Merging */

static gboolean
collect_ids (CrmStore    *self,
             const char  *sql,
             gint64       customer,
             GArray      *ids,
             GError     **error)
{
  CrmStmt *stmt = crm_store_prepare (self, sql, error);
  CrmStmtResult rc;

  if (stmt == NULL)
    return FALSE;

  crm_stmt_bind_int64 (stmt, 1, customer);
  while ((rc = crm_stmt_step (stmt)) == CRM_STMT_ROW)
    {
      gint64 id = crm_stmt_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  crm_stmt_reset (stmt);

  if (rc != CRM_STMT_DONE)
    {
      crm_store_set_sql_error (error, self, "merge");
      return FALSE;
    }

  return TRUE;
}

static void
add_note_line (CrmImportCustomer *customer,
               char              *line)
{
  char *notes = customer->notes[0] != '\0' ? g_strconcat (customer->notes, "\n", line, NULL) : g_strdup (line);

  g_free (customer->notes);
  customer->notes = notes;
  g_free (line);
}

/* What the kept customer lacks comes from the other; what the other had
 * that differs is kept in the notes, so the merge loses nothing. */
static void
merge_into (CrmImportCustomer       *kept,
            const CrmImportCustomer *other)
{
  g_autofree char *kept_name = crm_text_fold (kept->name);
  g_autofree char *other_name = crm_text_fold (other->name);
  g_autofree char *kept_phone = crm_text_phone_key (kept->phone);
  g_autofree char *other_phone = crm_text_phone_key (other->phone);
  g_autofree char *kept_email = crm_import_email_key (kept->email);
  g_autofree char *other_email = crm_import_email_key (other->email);
  g_autofree char *kept_address = g_strdup (kept->address);
  g_autofree char *kept_birthday = g_strdup (kept->birthday);

  crm_import_customer_merge (kept, other);

  if (!g_str_equal (kept_name, other_name))
    add_note_line (kept, g_strdup_printf (_("Also known as: %s"), other->name));
  if (other_phone[0] != '\0' && kept_phone[0] != '\0' && !g_str_equal (kept_phone, other_phone))
    add_note_line (kept, g_strdup_printf (_("Other phones: %s"), other->phone));
  if (other_email[0] != '\0' && kept_email[0] != '\0' && !g_str_equal (kept_email, other_email))
    add_note_line (kept, g_strdup_printf (_("Other e-mails: %s"), other->email));
  if (other->address[0] != '\0' && kept_address[0] != '\0' && !g_str_equal (kept_address, other->address))
    add_note_line (kept, g_strdup_printf (_("Other addresses: %s"), other->address));
  if (other->birthday[0] != '\0' && kept_birthday[0] != '\0' && !g_str_equal (kept_birthday, other->birthday))
    add_note_line (kept, g_strdup_printf (_("Birthday: %s"), other->birthday));
  /* The other's notes join the kept ones, unless they are there already. */
  if (other->notes[0] != '\0' && strstr (kept->notes, other->notes) == NULL)
    add_note_line (kept, g_strdup (other->notes));

  if (kept->segment_override == NULL && other->segment_override != NULL)
    kept->segment_override = g_strdup (other->segment_override);
}

/* Rewrites a customer through the form's own write: cleaned, tags
 * replaced, figures and ranking brought up to date. */
static gboolean
write_fields (CrmStore                 *self,
              gint64                    id,
              const CrmImportCustomer  *customer,
              GError                  **error)
{
  g_autofree const char **tags = g_new0 (const char *, customer->tags->len + 1);
  CrmCustomerFields fields = {
    .name = customer->name, .phone = customer->phone, .email = customer->email,
    .address = customer->address, .birthday = customer->birthday, .notes = customer->notes,
    .segment_override = customer->segment_override, .tags = tags,
    .language = customer->language, .channel = customer->channel, .telegram = customer->telegram,
    .marketing_consent = customer->marketing_consent, .consent_date = customer->consent_date,
    .consent_source = customer->consent_source,
  };

  for (guint i = 0; i < customer->tags->len; i++)
    tags[i] = g_ptr_array_index (customer->tags, i);

  return crm_store_update_customer (self, id, &fields, error);
}

static void
emit_belongings (CrmStore *self,
                 gint64    id)
{
  crm_store_emit_changed (self,
                          CRM_STORE_CHANGE_CUSTOMERS | CRM_STORE_CHANGE_PURCHASES |
                          CRM_STORE_CHANGE_INTERACTIONS | CRM_STORE_CHANGE_FOLLOW_UPS |
                          CRM_STORE_CHANGE_FEEDBACK | CRM_STORE_CHANGE_SEGMENTS,
                          id);
}

/**
 * crm_store_merge_customers:
 * @keep: the customer who stays
 * @remove: the one merged into them, who goes
 * @undo: (out) (optional) (transfer full): what undoes the merge
 *
 * Moves everything @remove had to @keep (purchases, interactions,
 * follow-ups, feedback, loyalty points, tags), fills @keep's empty fields
 * from @remove and keeps the rest in the notes, then removes @remove; in
 * one savepoint, all or nothing.
 */
gboolean
crm_store_merge_customers (CrmStore      *self,
                           gint64         keep,
                           gint64         remove,
                           CrmMergeUndo **undo,
                           GError       **error)
{
  g_autoptr(CrmMergeUndo) record = g_new0 (CrmMergeUndo, 1);
  g_auto(CrmImportCustomer) merged = { 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (keep > 0 && remove > 0 && keep != remove, FALSE);

  record->keep = keep;
  record->removed = remove;
  crm_import_customer_init (&record->kept_before);
  crm_import_customer_init (&record->removed_before);
  crm_import_customer_init (&merged);

  if (!crm_store_savepoint (self, error))
    return FALSE;

  if (!crm_import_load_customer (self, keep, &record->kept_before) ||
      !crm_import_load_customer (self, remove, &record->removed_before) ||
      !crm_import_load_customer (self, keep, &merged))
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_SQL,
                   "no customer with id %" G_GINT64_FORMAT " or %" G_GINT64_FORMAT, keep, remove);
      ok = FALSE;
    }

  for (guint i = 0; ok && i < G_N_ELEMENTS (belongings); i++)
    {
      record->moved[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
      ok = collect_ids (self, belongings[i].select, remove, record->moved[i], error) &&
           crm_store_write_id (self, belongings[i].move, remove, keep, FALSE, error);
    }

  if (ok)
    {
      merge_into (&merged, &record->removed_before);
      ok = write_fields (self, keep, &merged, error) &&
           crm_store_delete_customer (self, remove, error);
    }

  if (!crm_store_release (self, ok, error))
    return FALSE;

  emit_belongings (self, keep);
  if (undo != NULL)
    *undo = g_steal_pointer (&record);
  return TRUE;
}

/**
 * crm_store_undo_merge:
 *
 * Puts the removed customer back under their id with what was theirs,
 * and the kept one as they were before.
 */
gboolean
crm_store_undo_merge (CrmStore      *self,
                      CrmMergeUndo  *undo,
                      GError       **error)
{
  gboolean ok;

  g_return_val_if_fail (CRM_IS_STORE (self), FALSE);
  g_return_val_if_fail (undo != NULL, FALSE);

  if (!crm_store_savepoint (self, error))
    return FALSE;

  ok = crm_store_restore_customer (self, undo->removed, &undo->removed_before, error);
  for (guint i = 0; ok && i < G_N_ELEMENTS (belongings); i++)
    for (guint r = 0; ok && r < undo->moved[i]->len; r++)
      ok = crm_store_write_id (self, belongings[i].put, g_array_index (undo->moved[i], gint64, r),
                               undo->removed, FALSE, error);

  ok = ok &&
       write_fields (self, undo->keep, &undo->kept_before, error) &&
       crm_store_refresh_stats (self, undo->removed, error) &&
       crm_store_rank_customers (self, error);

  if (!crm_store_release (self, ok, error))
    return FALSE;

  emit_belongings (self, undo->removed);
  return TRUE;
}
