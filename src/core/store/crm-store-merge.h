/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Duplicates inside the shop: finding customers who may be one person,
 * and merging two into one (with everything that was theirs), undoably. */

#include "crm-store.h"

G_BEGIN_DECLS

/* Why two customers may be one person. */
typedef enum
{
  CRM_SAME_PHONE = 1 << 0,   /* the same number, however written */
  CRM_SAME_EMAIL = 1 << 1,   /* the same address, case ignored */
  CRM_SAME_NAME  = 1 << 2,   /* the same name after folding */
} CrmSameness;

typedef struct
{
  gint64      first;    /* the older of the two */
  gint64      second;
  CrmSameness same;
} CrmDuplicatePair;

GArray   *crm_store_find_duplicates     (CrmStore       *self,
                                         GError        **error);
gboolean  crm_store_set_not_duplicates  (CrmStore       *self,
                                         gint64          first,
                                         gint64          second,
                                         GError        **error);

/* What a merge changed, to undo it. */
typedef struct _CrmMergeUndo CrmMergeUndo;

gboolean  crm_store_merge_customers     (CrmStore       *self,
                                         gint64          keep,
                                         gint64          remove,
                                         CrmMergeUndo  **undo,
                                         GError        **error);
gboolean  crm_store_undo_merge          (CrmStore       *self,
                                         CrmMergeUndo   *undo,
                                         GError        **error);
void      crm_merge_undo_free           (CrmMergeUndo   *undo);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmMergeUndo, crm_merge_undo_free)

G_END_DECLS
