/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "crm-archive.h"
#include "crm-import-private.h"
#include "crm-store-archive.h"

G_BEGIN_DECLS

/* What the archive's writer, reader and item checks share. */

gboolean crm_archive_setting_travels (const char *key);

gboolean crm_archive_fail            (GError     **error,
                                      const char  *format,
                                      ...) G_GNUC_PRINTF (2, 3);

/* The refs of the file, each to the id its customer or staff member has
 * in the shop (or, when only checking, would have). */
typedef struct
{
  GHashTable   *customers;
  GHashTable   *staff;
  GStringChunk *text;
  /* The loyalty ledger's links, and each customer's running balance
   * (id → points), which no entry may take below zero. */
  GHashTable   *purchases;
  GHashTable   *rewards;
  GHashTable   *balances;
} CrmArchiveRefs;

void     crm_archive_refs_init       (CrmArchiveRefs  *refs);
void     crm_archive_refs_clear      (CrmArchiveRefs  *refs);
void     crm_archive_refs_add        (CrmArchiveRefs  *refs,
                                      GHashTable      *table,
                                      const char      *ref,
                                      gint64           id);

/* The archive's own keys, from the object of the small top-level values. */
gboolean crm_archive_read_header     (JsonObject      *root,
                                      char           **currency,
                                      GError         **error);
gboolean crm_archive_read_settings   (JsonObject      *root,
                                      GPtrArray       *settings,
                                      char           **shop_name,
                                      GError         **error);

/* Each checks one item of its list (@item is "purchases[12]") and fills
 * @row. The row's texts belong to @object or to @texts, which the caller
 * empties after each item; staff and customer refs are checked for
 * doubles and returned in @ref (owned by @object), for the caller to add
 * once the row has its id. */
gboolean crm_archive_read_staff       (JsonObject             *object,
                                       const char             *item,
                                       CrmArchiveRefs         *refs,
                                       CrmArchiveStaff        *row,
                                       const char            **ref,
                                       GPtrArray              *texts,
                                       GError                **error);
gboolean crm_archive_read_customer    (JsonObject             *object,
                                       const char             *item,
                                       CrmArchiveRefs         *refs,
                                       CrmImportCustomer      *customer,
                                       const char            **ref,
                                       GError                **error);
gboolean crm_archive_read_purchase    (JsonObject             *object,
                                       const char             *item,
                                       CrmArchiveRefs         *refs,
                                       CrmArchivePurchase     *row,
                                       const char            **ref,
                                       GPtrArray              *texts,
                                       GError                **error);
gboolean crm_archive_read_interaction (JsonObject             *object,
                                       const char             *item,
                                       CrmArchiveRefs         *refs,
                                       CrmArchiveInteraction  *row,
                                       GPtrArray              *texts,
                                       GError                **error);
gboolean crm_archive_read_follow_up   (JsonObject             *object,
                                       const char             *item,
                                       CrmArchiveRefs         *refs,
                                       CrmArchiveFollowUp     *row,
                                       GPtrArray              *texts,
                                       GError                **error);
gboolean crm_archive_read_feedback    (JsonObject             *object,
                                       const char             *item,
                                       CrmArchiveRefs         *refs,
                                       CrmArchiveFeedback     *row,
                                       GPtrArray              *texts,
                                       GError                **error);
gboolean crm_archive_read_reward      (JsonObject             *object,
                                       const char             *item,
                                       CrmArchiveReward       *row,
                                       const char            **ref,
                                       GPtrArray              *texts,
                                       GError                **error);
gboolean crm_archive_read_saved_list  (JsonObject             *object,
                                       const char             *item,
                                       CrmArchiveSavedList    *row,
                                       GPtrArray              *texts,
                                       GError                **error);
gboolean crm_archive_read_tier        (JsonObject             *object,
                                       const char             *item,
                                       CrmArchiveTier         *row,
                                       GPtrArray              *texts,
                                       GError                **error);
gboolean crm_archive_read_ledger      (JsonObject             *object,
                                       const char             *item,
                                       CrmArchiveRefs         *refs,
                                       CrmArchiveLedgerEntry  *row,
                                       GPtrArray              *texts,
                                       GError                **error);

G_END_DECLS
