/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-application.h"

G_BEGIN_DECLS

typedef enum
{
  CRM_SHARED_DATABASE_USE,         /* this PC works on a shared database */
  CRM_SHARED_DATABASE_MOVE_THERE,  /* this PC's shop moves into an empty one */
  CRM_SHARED_DATABASE_MOVE_BACK,   /* the shared shop moves into this PC's file */
} CrmSharedDatabaseMode;

#define CRM_TYPE_SHARED_DATABASE_DIALOG (crm_shared_database_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CrmSharedDatabaseDialog, crm_shared_database_dialog,
                      CRM, SHARED_DATABASE_DIALOG, AdwWindow)

GtkWindow *crm_shared_database_dialog_new (GtkWindow             *parent,
                                           CrmApplication        *app,
                                           CrmSharedDatabaseMode  mode);

G_END_DECLS
