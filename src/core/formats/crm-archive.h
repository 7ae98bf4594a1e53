/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "crm-import.h"

G_BEGIN_DECLS

#define CRM_ARCHIVE_FORMAT  "clientele"
#define CRM_ARCHIVE_VERSION 1
/* One person's data (crm_archive_export_person()): not an archive to import. */
#define CRM_ARCHIVE_PERSON_FORMAT "clientele-person"

typedef struct
{
  guint customers;
  guint purchases;
  guint interactions;
  guint follow_ups;
  guint feedback;
  guint staff;
  guint rewards;
  guint tiers;
  guint ledger;         /* loyalty ledger entries */
} CrmArchiveCounts;

/* A whole-shop archive, read and checked, not yet written anywhere: it
 * knows where its text is and reads it again to write it. */
typedef struct _CrmArchive CrmArchive;

gboolean    crm_archive_export_to_stream (CrmStore               *store,
                                          GOutputStream          *stream,
                                          CrmArchiveCounts       *counts,
                                          GCancellable           *cancellable,
                                          GError                **error);
GBytes     *crm_archive_export_bytes    (CrmStore                *store,
                                         CrmArchiveCounts        *counts,
                                         GError                 **error);
gboolean    crm_archive_export          (CrmStore                *store,
                                         GFile                   *file,
                                         CrmArchiveCounts        *counts,
                                         GError                 **error);
gboolean    crm_archive_export_person   (CrmStore                *store,
                                         gint64                   customer_id,
                                         GFile                   *file,
                                         GError                 **error);

CrmArchive *crm_archive_load            (GBytes                  *bytes,
                                         GError                 **error);
CrmArchive *crm_archive_load_file       (GFile                   *file,
                                         GCancellable            *cancellable,
                                         GError                 **error);
void        crm_archive_free            (CrmArchive              *archive);
void        crm_archive_get_counts      (CrmArchive              *archive,
                                         CrmArchiveCounts        *counts);
const char *crm_archive_get_currency    (CrmArchive              *archive);
const char *crm_archive_get_shop_name   (CrmArchive              *archive);
gboolean    crm_archive_write           (CrmArchive              *archive,
                                         CrmStore                *store,
                                         GError                 **error);
gboolean    crm_archive_import          (CrmStore                *store,
                                         GBytes                  *bytes,
                                         CrmArchiveCounts        *counts,
                                         GError                 **error);
gboolean    crm_archive_import_file     (CrmStore                *store,
                                         GFile                   *file,
                                         CrmArchiveCounts        *counts,
                                         GCancellable            *cancellable,
                                         GError                 **error);
char       *crm_archive_counts_describe (const CrmArchiveCounts  *counts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmArchive, crm_archive_free)

G_END_DECLS
