/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* What a file chooser gives back: the path chosen. Not called on Cancel,
 * nor when @owner is gone by then. */
typedef void (*CrmFileChosenFunc) (GtkWidget  *owner,
                                   const char *path);

void crm_choose_file (GtkWidget            *owner,
                      GtkFileChooserAction  action,
                      const char           *title,
                      const char           *accept,
                      const char           *suggested_name,
                      GtkFileFilter        *filter,
                      CrmFileChosenFunc     done);

G_END_DECLS
