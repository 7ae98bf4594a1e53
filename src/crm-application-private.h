/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The application is one class in four files: the lifecycle and the
 * window (crm-application.c), the app. actions and their accelerators
 * (crm-application-actions.c), the command line and its verbs
 * (crm-application-cmdline.c), and the interface language
 * (crm-application-language.c). They share the struct through this
 * header; nothing outside src/crm-application*.c includes it. */

#include "crm-application.h"
#include "crm-notifier.h"

G_BEGIN_DECLS

struct _CrmApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  CrmContext     *context;
  CrmNotifier    *notifier;

  /* The shop this process serves, from the first launch on: its folder,
   * and the shared database it is on (NULL for the folder's file; it may
   * hold a password typed for this session, never shown). */
  char           *data_dir;
  char           *database;
  /* Why the shop's data could not be opened, shown in the window instead
   * of the shop (the recovery page for damage). NULL once a context is
   * open. */
  GError         *load_error;
  /* Set while a window launch's check of the file runs before the shop
   * opens (loading), or after it opened (checking: crm_context_new_checking()). */
  GCancellable   *loading;
  GCancellable   *checking;
  /* Shows a window that says so when the check takes a while. */
  guint           checking_id;

  guint           activate_pending : 1;
  guint           background_hold : 1;
  guint           setting_hold : 1;

  /* The language the interface was built in: "" follows the system. */
  char           *applied_language;
};

/* crm-application.c */
void crm_application_open_shop            (CrmApplication          *self,
                                           const char              *data_dir,
                                           const char              *database,
                                           gboolean                 wait);
void crm_application_hold_for_background  (CrmApplication          *self);
void crm_application_rebuild_window       (CrmApplication          *self,
                                           gboolean                 same_shop);
gboolean crm_application_same_folder      (const char              *a,
                                           const char              *b);

/* crm-application-actions.c */
void crm_application_actions_init         (CrmApplication          *self);
void crm_application_actions_follow_staff (CrmApplication          *self);
void crm_application_actions_follow_shop  (CrmApplication          *self);

/* crm-application-cmdline.c */
void crm_application_cmdline_init         (CrmApplication          *self);
int  crm_application_handle_local_options (GApplication            *app,
                                           GVariantDict            *options);
int  crm_application_command_line         (GApplication            *app,
                                           GApplicationCommandLine *cmdline);

/* crm-application-language.c */
void crm_application_language_init        (CrmApplication          *self);

G_END_DECLS
