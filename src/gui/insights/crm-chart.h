/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CRM_TYPE_CHART (crm_chart_get_type ())

G_DECLARE_FINAL_TYPE (CrmChart, crm_chart, CRM, CHART, GtkWidget)

/* Turns a value into the text of the scale beside the bars. */
typedef char *(*CrmChartFormat) (double   value,
                                 gpointer user_data);

GtkWidget  *crm_chart_new            (void);
void        crm_chart_set_data       (CrmChart            *self,
                                      guint                n_bars,
                                      const char * const  *labels,
                                      const char * const  *readouts,
                                      const double        *first,
                                      const double        *second,
                                      CrmChartFormat       format,
                                      gpointer             user_data);
void        crm_chart_set_title      (CrmChart            *self,
                                      const char          *title);
void        crm_chart_set_empty_text (CrmChart            *self,
                                      const char          *text);
gboolean    crm_chart_is_empty       (CrmChart            *self);
const char *crm_chart_get_empty_text (CrmChart            *self);
int         crm_chart_get_highlight  (CrmChart            *self);
void        crm_chart_set_highlight  (CrmChart            *self,
                                      int                  bar);
const char *crm_chart_get_readout    (CrmChart            *self,
                                      guint                bar);
guint       crm_chart_get_label_step (CrmChart            *self);

G_END_DECLS
