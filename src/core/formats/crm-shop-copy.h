/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crm-archive.h"

G_BEGIN_DECLS

typedef enum
{
  CRM_SHOP_COPY_COUNTING,
  CRM_SHOP_COPY_READING,   /* the shop into an archive beside the data */
  CRM_SHOP_COPY_WRITING,   /* the archive into the other database */
  CRM_SHOP_COPY_CHECKING,  /* counting what arrived */
} CrmShopCopyStage;

/* How far a copy has got, for a window to read from the main thread
 * while a worker copies: @stage and @written change atomically. */
typedef struct
{
  gint  stage;
  gint  written;   /* rows written into the other database so far */
  guint total;     /* about how many rows it takes; set before WRITING */
} CrmShopCopyProgress;

gboolean crm_shop_count     (CrmStore             *store,
                             CrmArchiveCounts     *counts,
                             GError              **error);
gboolean crm_shop_copy_full (CrmStore             *from,
                             CrmStore             *to,
                             const char           *scratch_dir,
                             CrmShopCopyProgress  *progress,
                             GCancellable         *cancellable,
                             CrmArchiveCounts     *copied,
                             GError              **error);
gboolean crm_shop_copy_to_file (CrmStore            *from,
                                const char          *data_dir,
                                CrmShopCopyProgress *progress,
                                GCancellable        *cancellable,
                                CrmArchiveCounts    *copied,
                                char               **kept,
                                GError             **error);
gboolean crm_shop_back_up_shared (const char          *database,
                                 const char          *dest,
                                 GCancellable        *cancellable,
                                 GError             **error);
gboolean crm_shop_copy      (CrmStore             *from,
                             CrmStore             *to,
                             CrmArchiveCounts     *counts,
                             GError              **error);

G_END_DECLS
