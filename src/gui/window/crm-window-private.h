/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* CrmWindow is one class in two files: the window, its sections and
 * their actions (crm-window.c), and the shop's files, exports, backups,
 * restores and the recovery page for a damaged shop (crm-window-data.c),
 * and the saved lists in the sidebar (crm-window-lists.c).
 * They share the struct through this header. */

#include "crm-connection-bar.h"
#include "crm-customers-page.h"
#include "crm-feedback-page.h"
#include "crm-follow-ups-page.h"
#include "crm-insights-page.h"
#include "crm-store-job.h"
#include "crm-window.h"

G_BEGIN_DECLS

struct _CrmWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  CrmContext           *context;
  CrmConnectionBar     *connection_bar;
  GError               *load_error;

  /* Template widgets */
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkWidget            *content_box;
  AdwWindowTitle       *content_title;
  GtkStack             *section_stack;
  AdwStatusPage        *error_page;
  CrmCustomersPage     *customers_page;
  CrmFollowUpsPage     *follow_ups_page;
  GtkLabel             *follow_ups_badge;
  CrmFeedbackPage      *feedback_page;
  CrmInsightsPage      *insights_page;
  GtkLabel             *feedback_badge;
  gulong                store_changed_id;
  GtkWidget            *add_button;
  GtkMenuButton        *staff_button;
  GtkLabel             *staff_label;

  guint                 ask_currency_id;

  /* crm-window-data.c: the shop's files (export, backup, restore) and
   * the recovery page. */
  AdwStatusPage        *recovery_page;
  GtkWidget            *newest_backup_button;
  GtkWidget            *salvage_button;
  CrmStoreJob          *job;
  GCancellable         *job_cancellable;
  GtkWindow            *progress_dialog;
  guint                 progress_id;
  const char           *progress_heading;
  gboolean              progress_known;
  GtkWindow            *progress_over;   /* the progress dialog's parent; NULL: the window */
  CrmWindowJobDone      job_done;
  gpointer              job_done_data;
  char                 *newest_backup;
  gboolean              recovery_shown;
};

/* crm-window-data.c */
void     crm_window_data_class_init    (GtkWidgetClass *widget_class);
void     crm_window_data_dispose       (CrmWindow      *self);
gboolean crm_window_data_is_damage     (const GError   *error);
void     crm_window_data_show_recovery (CrmWindow      *self);

/* crm-window-lists.c: saved lists in the sidebar */
void     crm_window_lists_class_init   (GtkWidgetClass *widget_class);
void     crm_window_lists_refresh      (CrmWindow      *self);
gboolean crm_window_lists_open         (CrmWindow      *self,
                                        GtkListBoxRow  *row);

G_END_DECLS
