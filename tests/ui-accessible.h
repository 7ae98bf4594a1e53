/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What a screen reader would say for each widget on screen, as GTK 4.8
 * computes it (ui-accessible.c). */
char  *accessible_name            (GtkWidget  *widget);
guint  check_accessible_names     (GtkWidget  *root,
                                   const char *where,
                                   GString    *problems);
gboolean accessible_name_is_bad   (const char *name,
                                   const char **why);

G_END_DECLS
