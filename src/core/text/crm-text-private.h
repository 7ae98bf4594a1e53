/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* For the files of text/ only. */
guint crm_text_language_index (const char *language);

G_END_DECLS
