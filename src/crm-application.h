/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-context.h"

G_BEGIN_DECLS

#define CRM_TYPE_APPLICATION (crm_application_get_type ())

G_DECLARE_FINAL_TYPE (CrmApplication, crm_application, CRM, APPLICATION, AdwApplication)

void            crm_application_init_i18n        (void);
void            crm_application_bind_supplements (void);
void            crm_application_set_language     (const char     *language);
CrmApplication *crm_application_new              (void);
CrmContext     *crm_application_get_context      (CrmApplication *self);
GSettings      *crm_application_get_settings     (CrmApplication *self);
const char     *crm_application_get_data_dir     (CrmApplication *self);
GtkWindow      *crm_application_use_shop         (CrmApplication *self,
                                                  CrmStore       *store,
                                                  const char     *database);
const GError   *crm_application_get_load_error   (CrmApplication *self);
gboolean        crm_application_is_loading       (CrmApplication *self);
void            crm_application_reopen_shop      (CrmApplication *self);

G_END_DECLS
