/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crm-application.h"

G_BEGIN_DECLS

/* What a UI test checks once the real window is on screen. */
typedef void (*CheckFunc) (CrmApplication *app,
                           GtkWindow      *window,
                           gpointer        data);

typedef struct
{
  const char *path;
  /* Runs in the test's own process before the application starts. */
  void      (*prepare) (const char *data_dir);
  CheckFunc   check;
} UiCase;

/* Called for each page of Preferences (visit_preferences_pages). */
typedef void (*PageVisitFunc) (GtkWindow  *preferences,
                               const char *where,
                               gpointer    data);

GtkWidget *find_widget_full (GtkWidget  *root,
                             GType       type,
                             GType       except,
                             const char *css_class);
GtkWidget *find_button      (GtkWidget  *root,
                             const char *label);
GtkWindow *find_toplevel    (GType       type);
GtkWidget *find_matching    (GtkWidget  *root,
                             gboolean  (*match) (GtkWidget *widget, gconstpointer data),
                             gconstpointer data);
GtkWidget *find_row         (GtkWidget  *root,
                             const char *title);
GtkWidget *find_label       (GtkWidget  *root,
                             const char *text);
char      *make_data_dir    (void);
int        run_app          (const char *data_dir,
                             CheckFunc   check,
                             gpointer    data);
void       test_ui_case     (gconstpointer user_data);
void       add_ui_cases     (const UiCase *cases,
                             gsize         n_cases);
void       spin_main_loop   (void);
void       wait_import_plan (GtkWindow  *dialog);
void       visit_preferences_pages (CrmApplication *app,
                                    PageVisitFunc   visit,
                                    gpointer        data);

#define find_widget(root, type, css_class) find_widget_full (root, type, G_TYPE_NONE, css_class)

G_END_DECLS
