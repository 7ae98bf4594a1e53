/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRM_TYPE_FIGURE (crm_figure_get_type ())

G_DECLARE_FINAL_TYPE (CrmFigure, crm_figure, CRM, FIGURE, GtkWidget)

GtkWidget  *crm_figure_new       (const char *title,
                                  gboolean    large);
void        crm_figure_set       (CrmFigure  *self,
                                  const char *title,
                                  const char *value,
                                  const char *detail);
const char *crm_figure_get_value (CrmFigure  *self);

G_END_DECLS
