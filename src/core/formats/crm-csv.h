/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a CSV file may hold before it is refused (docs/import.md). A field
 * fits the longest note a customer can have (20 000 characters of Georgian
 * are 60 KB); the rows fit a busy till's sales history (a million sales)
 * twice over. */
#define CRM_CSV_MAX_FIELD_BYTES  (256 * 1024)
#define CRM_CSV_MAX_COLUMNS      256
#define CRM_CSV_MAX_ROWS         2000000

typedef struct _CrmCsvReader CrmCsvReader;

CrmCsvReader *crm_csv_reader_new            (GBytes              *bytes,
                                             GError             **error);
void          crm_csv_reader_free           (CrmCsvReader        *self);
char          crm_csv_reader_get_delimiter  (CrmCsvReader        *self);
guint         crm_csv_reader_get_row_number (CrmCsvReader        *self);
gboolean      crm_csv_reader_read_row       (CrmCsvReader        *self,
                                             guint               *n_fields,
                                             const char * const **fields,
                                             GError             **error);
const char   *crm_csv_reader_get_charset    (CrmCsvReader        *self);
GArray       *crm_csv_reader_get_repaired_rows (CrmCsvReader     *self);
char          crm_csv_detect_delimiter      (const char          *data,
                                             gsize                length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmCsvReader, crm_csv_reader_free)

G_END_DECLS
