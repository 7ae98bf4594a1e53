/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char       *crm_text_format_date    (gint64      unix_time,
                                     gboolean    with_time);
char       *crm_text_format_date_in (gint64      unix_time,
                                     gboolean    with_time,
                                     const char *language);
char       *crm_text_format_day_month (gint64    unix_time,
                                       const char *language);
const char *crm_text_month_abbrev   (guint       month,
                                     const char *language);

G_END_DECLS
