/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Reading the whole-shop archive of DESIGN.md from a stream. The text is
 * read twice, a buffer at a time: a first pass finds the top-level keys
 * (in any order, as JSON allows) and checks the archive's own small values
 * (format, version, currency, settings); a second pass goes through the
 * lists in the order their refs need (staff and customers first), checks
 * each item and, when importing, writes it at once inside one
 * transaction. A bad item anywhere rolls everything back, so an import is
 * still all or nothing; memory holds one item and the table of refs,
 * never the file. */

#define G_LOG_DOMAIN "crm-archive"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-archive-private.h"
#include "crm-archive-scanner.h"

enum
{
  KEY_FORMAT,
  KEY_VERSION,
  KEY_CURRENCY,
  KEY_SETTINGS,
  KEY_STAFF,
  KEY_CUSTOMERS,
  KEY_PURCHASES,
  KEY_INTERACTIONS,
  KEY_FOLLOW_UPS,
  KEY_FEEDBACK,
  /* The loyalty programme's, after the purchases its ledger links to. */
  KEY_REWARDS,
  KEY_TIERS,
  KEY_LOYALTY,
  N_KEYS
};

static const char *const top_keys[N_KEYS] = {
  "format", "version", "currency", "settings", "staff",
  "customers", "purchases", "interactions", "follow_ups", "feedback",
  "rewards", "tiers", "loyalty",
};

struct _CrmArchive
{
  /* Where the text comes from: one or the other. */
  GBytes             *bytes;
  GFile              *file;

  CrmArchiveScanner  *scanner;
  JsonParser         *parser;
  CrmArchivePosition  lists[N_KEYS];   /* from KEY_STAFF on */
  gboolean            present[N_KEYS];

  char               *currency;
  char               *shop_name;
  GPtrArray          *settings;        /* key, value, key, value, … */
  CrmArchiveCounts    counts;
};

/* One pass over the lists: checking only (@store is NULL) or writing. */
typedef struct
{
  CrmArchiveRefs    refs;
  GPtrArray        *texts;
  CrmStore         *store;
  CrmImportWriter  *writer;
  CrmArchiveCounts  counts;
} Pass;

void
crm_archive_free (CrmArchive *archive)
{
  if (archive == NULL)
    return;

  g_clear_pointer (&archive->bytes, g_bytes_unref);
  g_clear_object (&archive->file);
  g_clear_pointer (&archive->scanner, crm_archive_scanner_free);
  g_clear_object (&archive->parser);
  g_free (archive->currency);
  g_free (archive->shop_name);
  g_ptr_array_unref (archive->settings);
  g_free (archive);
}

static gboolean
not_an_archive (CrmArchiveScanner  *scanner,
                GError            **error)
{
  if (crm_archive_scanner_stopped (scanner, error))
    return FALSE;

  g_set_error_literal (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_SYNTAX,
                       _("This file is not a Clientele archive."));
  return FALSE;
}

static guint *
count_of (CrmArchiveCounts *counts,
          guint             key)
{
  switch (key)
    {
    case KEY_STAFF:
      return &counts->staff;
    case KEY_CUSTOMERS:
      return &counts->customers;
    case KEY_PURCHASES:
      return &counts->purchases;
    case KEY_INTERACTIONS:
      return &counts->interactions;
    case KEY_FOLLOW_UPS:
      return &counts->follow_ups;
    case KEY_FEEDBACK:
      return &counts->feedback;
    case KEY_REWARDS:
      return &counts->rewards;
    case KEY_TIERS:
      return &counts->tiers;
    case KEY_LOYALTY:
      return &counts->ledger;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
read_staff (Pass        *pass,
            JsonObject  *object,
            const char  *item,
            GError     **error)
{
  CrmArchiveStaff row;
  const char *ref;
  gint64 id;

  if (!crm_archive_read_staff (object, item, &pass->refs, &row, &ref, pass->texts, error))
    return FALSE;

  id = pass->store != NULL ? crm_store_archive_add_staff (pass->store, &row, error) : pass->counts.staff + 1;
  if (id == 0)
    return FALSE;

  crm_archive_refs_add (&pass->refs, pass->refs.staff, ref, id);
  return TRUE;
}

static gboolean
read_customer (Pass        *pass,
               JsonObject  *object,
               const char  *item,
               GError     **error)
{
  g_auto(CrmImportCustomer) customer = { 0 };
  const char *ref;
  gint64 id;

  if (!crm_archive_read_customer (object, item, &pass->refs, &customer, &ref, error))
    return FALSE;

  id = pass->writer != NULL ? crm_import_writer_add_customer (pass->writer, &customer, error)
                            : pass->counts.customers + 1;
  if (id == 0)
    return FALSE;

  crm_archive_refs_add (&pass->refs, pass->refs.customers, ref, id);
  return TRUE;
}

/* Purchases, interactions, follow-ups, feedback: checked, then written. */
static gboolean
read_row (Pass        *pass,
          guint        key,
          JsonObject  *object,
          const char  *item,
          GError     **error)
{
  CrmArchiveRefs *refs = &pass->refs;
  CrmStore *store = pass->store;

  switch (key)
    {
    case KEY_PURCHASES:
      {
        CrmArchivePurchase row;
        const char *ref;
        gint64 id;

        if (!crm_archive_read_purchase (object, item, refs, &row, &ref, pass->texts, error))
          return FALSE;
        id = store != NULL ? crm_store_archive_add_purchase (store, &row, error) : pass->counts.purchases + 1;
        if (id != 0 && ref != NULL)
          crm_archive_refs_add (refs, refs->purchases, ref, id);
        return id != 0;
      }

    case KEY_REWARDS:
      {
        CrmArchiveReward row;
        const char *ref;
        gint64 id;

        if (!crm_archive_read_reward (object, item, &row, &ref, pass->texts, error))
          return FALSE;
        id = store != NULL ? crm_store_archive_add_reward (store, &row, error) : pass->counts.rewards + 1;
        if (id != 0)
          crm_archive_refs_add (refs, refs->rewards, ref, id);
        return id != 0;
      }

    case KEY_TIERS:
      {
        CrmArchiveTier row;

        return crm_archive_read_tier (object, item, &row, pass->texts, error) &&
               (store == NULL || crm_store_archive_add_tier (store, &row, error));
      }

    case KEY_LOYALTY:
      {
        CrmArchiveLedgerEntry row;

        return crm_archive_read_ledger (object, item, refs, &row, pass->texts, error) &&
               (store == NULL || crm_store_archive_add_ledger_entry (store, &row, error));
      }

    case KEY_INTERACTIONS:
      {
        CrmArchiveInteraction row;

        return crm_archive_read_interaction (object, item, refs, &row, pass->texts, error) &&
               (store == NULL || crm_store_archive_add_interaction (store, &row, error));
      }

    case KEY_FOLLOW_UPS:
      {
        CrmArchiveFollowUp row;

        return crm_archive_read_follow_up (object, item, refs, &row, pass->texts, error) &&
               (store == NULL || crm_store_archive_add_follow_up (store, &row, error));
      }

    case KEY_FEEDBACK:
      {
        CrmArchiveFeedback row;

        return crm_archive_read_feedback (object, item, refs, &row, pass->texts, error) &&
               (store == NULL || crm_store_archive_add_feedback (store, &row, error));
      }

    default:
      g_assert_not_reached ();
    }
}

static gboolean
read_item (Pass        *pass,
           guint        key,
           JsonObject  *object,
           const char  *item,
           GError     **error)
{
  gboolean ok;

  if (key == KEY_STAFF)
    ok = read_staff (pass, object, item, error);
  else if (key == KEY_CUSTOMERS)
    ok = read_customer (pass, object, item, error);
  else
    ok = read_row (pass, key, object, item, error);

  g_ptr_array_set_size (pass->texts, 0);
  if (ok)
    (*count_of (&pass->counts, key))++;
  return ok;
}

/* The list @name at the scanner's place, an item at a time; with @pass
 * NULL the items are only parsed (a key this version does not know). */
static gboolean
read_list (CrmArchive  *archive,
           Pass        *pass,
           guint        key,
           const char  *name,
           GError     **error)
{
  CrmArchiveScanner *scanner = archive->scanner;

  if (!crm_archive_scanner_at (scanner, '['))
    {
      g_autoptr(JsonNode) node = crm_archive_scanner_read_value (scanner, archive->parser, name, error);

      if (node == NULL)
        return FALSE;
      if (pass == NULL || JSON_NODE_HOLDS_NULL (node))
        return TRUE;
      return crm_archive_fail (error, _("“%s” must be a list, in brackets [ ]."), name);
    }

  crm_archive_scanner_advance (scanner);
  if (crm_archive_scanner_at (scanner, ']'))
    {
      crm_archive_scanner_advance (scanner);
      return TRUE;
    }

  for (guint i = 0; ; i++)
    {
      g_autofree char *item = g_strdup_printf ("%s[%u]", name, i);
      g_autoptr(JsonNode) node = crm_archive_scanner_read_value (scanner, archive->parser, item, error);

      if (node == NULL)
        return FALSE;
      if (pass != NULL)
        {
          if (!JSON_NODE_HOLDS_OBJECT (node))
            return crm_archive_fail (error, _("%s must be an object, in braces { }."), item);
          if (!read_item (pass, key, json_node_get_object (node), item, error))
            return FALSE;
        }

      if (crm_archive_scanner_at (scanner, ','))
        crm_archive_scanner_advance (scanner);
      else
        return crm_archive_scanner_expect (scanner, ']', error);
    }
}

/* The first pass: where each list is, and the archive's own values. */
static gboolean
find_top_level (CrmArchive  *archive,
                JsonObject  *root,
                GError     **error)
{
  CrmArchiveScanner *scanner = archive->scanner;

  if (!crm_archive_scanner_at (scanner, '{'))
    return not_an_archive (scanner, error);
  crm_archive_scanner_advance (scanner);

  if (crm_archive_scanner_at (scanner, '}'))
    crm_archive_scanner_advance (scanner);
  else
    for (;;)
      {
        g_autoptr(JsonNode) key_node = NULL;
        const char *key;
        guint k;

        if (!crm_archive_scanner_at (scanner, '"'))
          return crm_archive_scanner_broken (scanner, error);
        key_node = crm_archive_scanner_read_value (scanner, archive->parser, "key", error);
        if (key_node == NULL || !crm_archive_scanner_expect (scanner, ':', error))
          return FALSE;
        key = json_node_get_string (key_node);

        for (k = 0; k < N_KEYS && g_strcmp0 (key, top_keys[k]) != 0; k++)
          ;
        if (k <= KEY_SETTINGS)
          {
            JsonNode *node = crm_archive_scanner_read_value (scanner, archive->parser, top_keys[k], error);

            if (node == NULL)
              return FALSE;
            json_object_set_member (root, top_keys[k], node);
          }
        else if (k < N_KEYS)
          {
            /* A later copy of a key wins, as in json-glib. */
            crm_archive_scanner_tell (scanner, &archive->lists[k]);
            archive->present[k] = TRUE;
            if (!crm_archive_scanner_skip_value (scanner, error))
              return FALSE;
          }
        /* A key of a later version: it must be JSON, and is dropped. */
        else if (!read_list (archive, NULL, k, key ? key : "", error))
          return FALSE;

        if (crm_archive_scanner_at (scanner, ','))
          crm_archive_scanner_advance (scanner);
        else if (!crm_archive_scanner_expect (scanner, '}', error))
          return FALSE;
        else
          break;
      }

  return crm_archive_scanner_at_end (scanner, error);
}

static CrmArchive *
archive_open (GBytes        *bytes,
              GFile         *file,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(CrmArchive) archive = g_new0 (CrmArchive, 1);
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(GInputStream) stream = NULL;

  archive->settings = g_ptr_array_new_with_free_func (g_free);
  archive->parser = json_parser_new_immutable ();
  if (bytes != NULL)
    {
      archive->bytes = g_bytes_ref (bytes);
      stream = g_memory_input_stream_new_from_bytes (bytes);
    }
  else
    {
      archive->file = g_object_ref (file);
      stream = G_INPUT_STREAM (g_file_read (file, cancellable, error));
      if (stream == NULL)
        return NULL;
    }
  archive->scanner = crm_archive_scanner_new (stream, cancellable);

  if (!find_top_level (archive, root, error) ||
      !crm_archive_read_header (root, &archive->currency, error) ||
      !crm_archive_read_settings (root, archive->settings, &archive->shop_name, error))
    return NULL;

  return g_steal_pointer (&archive);
}

/* The second pass, staff and customers first whatever the order in the
 * file: the rest refers to them. */
static gboolean
read_lists (CrmArchive  *archive,
            CrmStore    *store,
            GError     **error)
{
  Pass pass = { { 0 }, g_ptr_array_new_with_free_func (g_free), store, NULL, { 0 } };
  gboolean ok = TRUE;

  crm_archive_refs_init (&pass.refs);
  if (store != NULL)
    pass.writer = crm_import_writer_new (store);

  for (guint k = KEY_STAFF; ok && k < N_KEYS; k++)
    if (archive->present[k])
      ok = crm_archive_scanner_seek (archive->scanner, &archive->lists[k], error) &&
           read_list (archive, &pass, k, top_keys[k], error);

  if (ok && pass.writer != NULL)
    ok = crm_import_writer_finish (pass.writer, error);
  if (ok)
    archive->counts = pass.counts;

  g_clear_pointer (&pass.writer, crm_import_writer_free);
  crm_archive_refs_clear (&pass.refs);
  g_ptr_array_unref (pass.texts);
  return ok;
}

static CrmArchive *
archive_load (GBytes        *bytes,
              GFile         *file,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(CrmArchive) archive = archive_open (bytes, file, cancellable, error);

  if (archive == NULL || !read_lists (archive, NULL, error))
    return NULL;

  return g_steal_pointer (&archive);
}

/**
 * crm_archive_load:
 *
 * Reads and checks a whole archive. Unknown keys are ignored; a missing
 * required key or a bad value refuses the file, naming the item
 * ("purchases[12]") and the key. Nothing touches a store. Memory holds
 * one item at a time and the refs, whatever the size of the text.
 *
 * Returns: (transfer full): the archive, or %NULL with @error set
 */
CrmArchive *
crm_archive_load (GBytes  *bytes,
                  GError **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return archive_load (bytes, NULL, NULL, error);
}

/**
 * crm_archive_load_file:
 *
 * As crm_archive_load(), from a file of any size; the file is read again
 * by crm_archive_write().
 *
 * Returns: (transfer full): the archive, or %NULL with @error set
 */
CrmArchive *
crm_archive_load_file (GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return archive_load (NULL, file, cancellable, error);
}

void
crm_archive_get_counts (CrmArchive       *archive,
                        CrmArchiveCounts *counts)
{
  g_return_if_fail (archive != NULL);
  g_return_if_fail (counts != NULL);

  *counts = archive->counts;
}

const char *
crm_archive_get_currency (CrmArchive *archive)
{
  g_return_val_if_fail (archive != NULL, NULL);

  return archive->currency;
}

/**
 * crm_archive_get_shop_name:
 *
 * Returns: (nullable): the shop's name, if the archive has one
 */
const char *
crm_archive_get_shop_name (CrmArchive *archive)
{
  g_return_val_if_fail (archive != NULL, NULL);

  return archive->shop_name;
}

/**
 * crm_archive_write:
 * @store: an empty shop (no customers, no feedback)
 *
 * Reads the archive again and writes it in one transaction; the figures
 * and segments are rebuilt at commit. A shop that already has data is
 * refused, with %CRM_IMPORT_ERROR_NOT_EMPTY: an archive is a whole shop,
 * not a merge. Any bad item rolls everything back.
 */
gboolean
crm_archive_write (CrmArchive  *archive,
                   CrmStore    *store,
                   GError     **error)
{
  gboolean empty = FALSE;

  g_return_val_if_fail (archive != NULL, FALSE);
  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);

  if (!crm_store_begin (store, error))
    return FALSE;

  if (!crm_store_archive_is_empty (store, &empty, error))
    goto failed;
  if (!empty)
    {
      g_set_error_literal (error, CRM_IMPORT_ERROR, CRM_IMPORT_ERROR_NOT_EMPTY,
                           _("An archive can only be imported into an empty shop, and this one already "
                             "has customers or feedback. Import it into a new data folder instead."));
      goto failed;
    }

  if (!crm_store_set_setting (store, "shop.currency", archive->currency, error))
    goto failed;
  for (guint i = 0; i + 1 < archive->settings->len; i += 2)
    if (!crm_store_set_setting (store, g_ptr_array_index (archive->settings, i),
                                g_ptr_array_index (archive->settings, i + 1), error))
      goto failed;

  if (!read_lists (archive, store, error) ||
      !crm_store_archive_finish (store, error))
    goto failed;

  return crm_store_commit (store, error);

failed:
  crm_store_rollback (store);
  return FALSE;
}

static gboolean
archive_import (CrmStore          *store,
                GBytes            *bytes,
                GFile             *file,
                CrmArchiveCounts  *counts,
                GCancellable      *cancellable,
                GError           **error)
{
  g_autoptr(CrmArchive) archive = archive_open (bytes, file, cancellable, error);

  /* Each item is checked as it is written: no pass of its own. */
  if (archive == NULL || !crm_archive_write (archive, store, error))
    return FALSE;

  if (counts != NULL)
    *counts = archive->counts;
  return TRUE;
}

/**
 * crm_archive_import:
 * @bytes: the archive's text
 * @counts: (out) (optional): what was imported
 *
 * Reads the archive and writes it into an empty shop, all or nothing.
 */
gboolean
crm_archive_import (CrmStore          *store,
                    GBytes            *bytes,
                    CrmArchiveCounts  *counts,
                    GError           **error)
{
  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);

  return archive_import (store, bytes, NULL, counts, NULL, error);
}

/**
 * crm_archive_import_file:
 * @counts: (out) (optional): what was imported
 *
 * As crm_archive_import(), streamed from @file: its size is limited by
 * the disk, not by memory.
 */
gboolean
crm_archive_import_file (CrmStore          *store,
                         GFile             *file,
                         CrmArchiveCounts  *counts,
                         GCancellable      *cancellable,
                         GError           **error)
{
  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return archive_import (store, NULL, file, counts, cancellable, error);
}

/**
 * crm_archive_counts_describe:
 *
 * Returns: (transfer full): "200 customers, 1900 purchases, 180
 *   interactions, 14 follow-ups, 3 feedback entries"
 */
char *
crm_archive_counts_describe (const CrmArchiveCounts *counts)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, ngettext ("%u customer", "%u customers", counts->customers),
                          counts->customers);
  g_string_append (out, ", ");
  g_string_append_printf (out, ngettext ("%u purchase", "%u purchases", counts->purchases),
                          counts->purchases);
  g_string_append (out, ", ");
  g_string_append_printf (out, ngettext ("%u interaction", "%u interactions", counts->interactions),
                          counts->interactions);
  g_string_append (out, ", ");
  g_string_append_printf (out, ngettext ("%u follow-up", "%u follow-ups", counts->follow_ups),
                          counts->follow_ups);
  g_string_append (out, ", ");
  g_string_append_printf (out, ngettext ("%u feedback entry", "%u feedback entries", counts->feedback),
                          counts->feedback);
  g_string_append (out, ", ");
  g_string_append_printf (out, ngettext ("%u staff member", "%u staff members", counts->staff),
                          counts->staff);

  return g_string_free (out, FALSE);
}
