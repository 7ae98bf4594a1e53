/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void crm_open_uri  (GtkWindow  *parent,
                    const char *uri);
void crm_copy_text (GtkWidget  *widget,
                    const char *text);

G_END_DECLS
