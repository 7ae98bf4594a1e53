/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The currencies a shop can keep its books in; amounts are stored as
 * integer hundredths (tetri, luma, cents). */
#define CRM_MONEY_DEFAULT_CURRENCY "GEL"

const char * const *crm_money_currencies   (void);
gboolean            crm_money_is_currency  (const char  *code);
const char         *crm_money_symbol       (const char  *code);
gboolean            crm_money_parse        (const char  *text,
                                            gint64      *minor,
                                            GError     **error);
char               *crm_money_format       (gint64       minor,
                                            const char  *currency,
                                            const char  *language);
char               *crm_money_format_plain (gint64       minor);
char               *crm_money_format_whole (gint64       minor,
                                            const char  *currency,
                                            const char  *language);

G_END_DECLS
