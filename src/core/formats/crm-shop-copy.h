/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crm-archive.h"

G_BEGIN_DECLS

gboolean crm_shop_copy (CrmStore          *from,
                        CrmStore          *to,
                        CrmArchiveCounts  *counts,
                        GError           **error);

G_END_DECLS
