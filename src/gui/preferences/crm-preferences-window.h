/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-context.h"

G_BEGIN_DECLS

#define CRM_TYPE_PREFERENCES_WINDOW (crm_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (CrmPreferencesWindow, crm_preferences_window, CRM, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWindow *crm_preferences_window_new       (GtkWindow            *parent,
                                             GSettings            *settings,
                                             CrmContext           *context);
void       crm_preferences_window_show_page  (CrmPreferencesWindow *self,
                                             const char           *name);
void       crm_preferences_window_show_staff (CrmPreferencesWindow *self);

/* What the pages share (each page is a file set of its own). */
void        crm_preferences_save_setting     (GtkWidget            *page,
                                              CrmContext           *context,
                                              const char           *key,
                                              const char           *value);
void        crm_preferences_show_error       (GtkWidget            *page,
                                              const char           *message);
void        crm_preferences_bind_number      (GtkSpinButton        *spin,
                                              CrmContext           *context,
                                              const char           *key,
                                              int                   fallback);
GListModel *crm_preferences_language_model   (void);
const char *crm_preferences_language_id      (guint                 position);
guint       crm_preferences_language_position (const char          *language);

G_END_DECLS
