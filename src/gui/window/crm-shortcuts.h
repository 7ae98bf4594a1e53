/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void crm_shortcuts_window_attach (GtkApplicationWindow *window);

G_END_DECLS
