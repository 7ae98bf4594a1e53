/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "crm-import.h"

G_BEGIN_DECLS

#define CRM_ARCHIVE_FORMAT  "clientele"
#define CRM_ARCHIVE_VERSION 1

typedef struct
{
  guint customers;
  guint purchases;
  guint interactions;
  guint follow_ups;
  guint feedback;
  guint staff;
} CrmArchiveCounts;

/* A whole-shop archive, read and checked, not yet written anywhere. */
typedef struct _CrmArchive CrmArchive;

GBytes     *crm_archive_export_bytes    (CrmStore                *store,
                                         CrmArchiveCounts        *counts,
                                         GError                 **error);
gboolean    crm_archive_export          (CrmStore                *store,
                                         GFile                   *file,
                                         CrmArchiveCounts        *counts,
                                         GError                 **error);

CrmArchive *crm_archive_load            (GBytes                  *bytes,
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
char       *crm_archive_counts_describe (const CrmArchiveCounts  *counts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmArchive, crm_archive_free)

G_END_DECLS
