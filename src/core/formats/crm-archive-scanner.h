/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Walks an archive's JSON text from a stream, a buffer at a time, so that
 * a file of any size is read in the memory of its largest item. */
typedef struct _CrmArchiveScanner CrmArchiveScanner;

/* A place in the text to come back to. */
typedef struct
{
  goffset offset;
  guint   line;
} CrmArchivePosition;

CrmArchiveScanner *crm_archive_scanner_new        (GInputStream        *stream,
                                                   GCancellable        *cancellable);
void               crm_archive_scanner_free       (CrmArchiveScanner   *scanner);

gboolean           crm_archive_scanner_at         (CrmArchiveScanner   *scanner,
                                                   char                 c);
void               crm_archive_scanner_advance    (CrmArchiveScanner   *scanner);
gboolean           crm_archive_scanner_expect     (CrmArchiveScanner   *scanner,
                                                   char                 c,
                                                   GError             **error);
gboolean           crm_archive_scanner_skip_value (CrmArchiveScanner   *scanner,
                                                   GError             **error);
JsonNode          *crm_archive_scanner_read_value (CrmArchiveScanner   *scanner,
                                                   JsonParser          *parser,
                                                   const char          *item,
                                                   GError             **error);
gboolean           crm_archive_scanner_at_end     (CrmArchiveScanner   *scanner,
                                                   GError             **error);
gboolean           crm_archive_scanner_stopped    (CrmArchiveScanner   *scanner,
                                                   GError             **error);
gboolean           crm_archive_scanner_broken     (CrmArchiveScanner   *scanner,
                                                   GError             **error);

void               crm_archive_scanner_tell       (CrmArchiveScanner   *scanner,
                                                   CrmArchivePosition  *position);
gboolean           crm_archive_scanner_seek       (CrmArchiveScanner   *scanner,
                                                   const CrmArchivePosition *position,
                                                   GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmArchiveScanner, crm_archive_scanner_free)

G_END_DECLS
