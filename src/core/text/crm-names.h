/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int crm_text_compare_names (const char *a,
                            gsize       a_len,
                            const char *b,
                            gsize       b_len,
                            const char *language);
char *crm_text_name_key    (const char *folded,
                            const char *language);

G_END_DECLS
