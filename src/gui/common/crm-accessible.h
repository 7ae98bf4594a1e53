/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* What a screen reader says. GTK 4.8 reads an unnamed widget by its type
 * name and a button with a mnemonic twice ("_Add Customer Add Customer"):
 * these give each what it should say. */
GtkWidget *crm_accessible_icon            (const char *icon_name);
void       crm_accessible_set_name        (GtkWidget  *widget,
                                           const char *name);
void       crm_accessible_name_row        (GtkWidget  *row,
                                           const char *title,
                                           const char *detail);
void       crm_accessible_plain_flow_box  (GtkFlowBox *box);
void       crm_accessible_fix_mnemonic    (GtkWidget  *button);
void       crm_accessible_fix_mnemonics   (GtkWidget  *root);
char      *crm_accessible_strip_mnemonic  (const char *text);
void       crm_accessible_name_by_labels  (GtkWidget  *widget,
                                           GtkWidget  *content);
void       crm_accessible_label_by_row    (GtkWidget  *control);
void       crm_accessible_name_column_view (GtkColumnView *view,
                                            const char    *name);
void       crm_accessible_fix_tree        (GtkWidget  *root);
void       crm_accessible_watch_windows   (void);

G_END_DECLS
