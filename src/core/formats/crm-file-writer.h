/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Every file Clientele writes goes through this: the bytes go to a
 * temporary file beside the target, are synced, and replace the target
 * only when every write, the sync and the close succeeded. The file is
 * 0600 (personal data), whatever the umask or the old file's mode. */
typedef struct _CrmFileWriter CrmFileWriter;

CrmFileWriter *crm_file_writer_new              (GFile          *file,
                                                 GError        **error);
GOutputStream *crm_file_writer_get_stream       (CrmFileWriter  *writer);
gboolean       crm_file_writer_commit           (CrmFileWriter  *writer,
                                                 GCancellable   *cancellable,
                                                 GError        **error);
void           crm_file_writer_free             (CrmFileWriter  *writer);

gboolean       crm_file_writer_replace_contents (GFile          *file,
                                                 const char     *data,
                                                 gsize           length,
                                                 GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmFileWriter, crm_file_writer_free)

/* For tests only: @filter gets the stream to the temporary file and
 * returns (transfer full) the one the writer writes to instead, so that a
 * test can fail a write or the close the way a full disk would. NULL
 * puts the plain stream back. */
typedef GOutputStream *(*CrmFileWriterFilter) (GOutputStream *stream,
                                               gpointer       user_data);

void           crm_file_writer_set_test_filter  (CrmFileWriterFilter  filter,
                                                 gpointer             user_data);

G_END_DECLS
