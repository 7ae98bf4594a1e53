/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CRM_TEXT_ERROR (crm_text_error_quark ())

typedef enum
{
  CRM_TEXT_ERROR_INVALID,
} CrmTextError;

GQuark    crm_text_error_quark  (void);
char     *crm_text_fold         (const char  *text);
char     *crm_text_phone_key    (const char  *phone);
gboolean  crm_text_check_phone  (const char  *phone,
                                 GError     **error);
gboolean  crm_text_check_email  (const char  *email,
                                 GError     **error);
char     *crm_text_clean        (const char  *text,
                                 gsize        max_chars);
const char *crm_text_ui_language (void);
char     *crm_text_format_date  (gint64       unix_time,
                                 gboolean     with_time);
char     *crm_text_format_date_in (gint64      unix_time,
                                   gboolean    with_time,
                                   const char *language);
const char *crm_text_month_abbrev (guint       month,
                                   const char *language);
int       crm_text_compare_names (const char *a,
                                  gsize       a_len,
                                  const char *b,
                                  gsize       b_len,
                                  const char *language);

G_END_DECLS
