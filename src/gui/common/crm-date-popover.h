/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRM_TYPE_DATE_POPOVER (crm_date_popover_get_type ())

G_DECLARE_FINAL_TYPE (CrmDatePopover, crm_date_popover, CRM, DATE_POPOVER, GtkPopover)

GtkWidget *crm_date_popover_new        (GtkEditable *editable);
GtkWidget *crm_date_popover_attach     (AdwEntryRow *row);
gboolean   crm_date_popover_parse      (const char  *text,
                                        int         *year,
                                        int         *month,
                                        int         *day);
void       crm_date_popover_pick       (CrmDatePopover *self,
                                        int             year,
                                        int             month,
                                        int             day);

G_END_DECLS
