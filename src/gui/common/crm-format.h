/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crm-customer.h"

G_BEGIN_DECLS

/* How figures read in the interface's language (not the system locale). */
char *crm_format_money         (gint64      minor,
                                const char *currency);
char *crm_format_percent       (double      fraction);
char *crm_format_days_ago      (gint64      unix_time);
char *crm_format_days          (gint64      seconds);
void  crm_format_segment_badge (GtkLabel   *label,
                                CrmSegment  segment);
const char *crm_format_feedback_kind    (const char *kind);
const char *crm_format_feedback_channel (const char *channel);
const char *crm_format_feedback_status  (const char *status);
char       *crm_format_rating           (guint       rating);

void        crm_format_toast            (GtkWidget  *widget,
                                         const char *message);
void        crm_format_add_toast        (GtkWidget  *widget,
                                         AdwToast   *toast);
const char *crm_format_ui_language      (void);
GListModel *crm_format_message_languages (void);
char       *crm_format_join             (const char *separator,
                                         ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
