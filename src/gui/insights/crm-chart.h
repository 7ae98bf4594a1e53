/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CRM_TYPE_CHART (crm_chart_get_type ())

G_DECLARE_FINAL_TYPE (CrmChart, crm_chart, CRM, CHART, GtkWidget)

/* Turns a bar's value into the text shown above the highest bar. */
typedef char *(*CrmChartFormat) (double   value,
                                 gpointer user_data);

GtkWidget *crm_chart_new      (void);
void       crm_chart_set_data (CrmChart            *self,
                               guint                n_bars,
                               const char * const  *labels,
                               const double        *first,
                               const double        *second,
                               CrmChartFormat       format,
                               gpointer             user_data);

G_END_DECLS
