/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A birthday as the store keeps it: "1990-05-31", or "--05-31" when the
 * year is not known (the vCard form). */

gboolean  crm_birthday_split       (const char *birthday,
                                    guint      *year,
                                    guint      *month,
                                    guint      *day);
char     *crm_birthday_from_day_month (const char *text);
char     *crm_birthday_normalise   (const char *text);
guint     crm_birthday_day_in_year (guint       month,
                                    guint       day,
                                    guint       year);
gint      crm_birthday_days_until  (const char *birthday,
                                    GDate      *today);
char     *crm_birthday_format      (const char *birthday,
                                    const char *language);

G_END_DECLS
