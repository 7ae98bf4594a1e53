/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CrmContext CrmContext;
typedef struct _CrmStore   CrmStore;
typedef struct _CrmScheduler CrmScheduler;

G_END_DECLS
