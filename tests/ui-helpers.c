/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Driving the real application under Xvfb, shared by the UI tests. */

#include "config.h"

#include "crm-customers-page.h"
#include "crm-import-dialog.h"
#include "crm-preferences-window.h"
#include "crm-window.h"
#include "ui-helpers.h"

typedef struct
{
  CrmApplication *app;
  char           *data_dir;
  CheckFunc       check;
  gpointer        data;
  guint           timeout_id;
  guint           waited_ms;
  gboolean        checked;
} Run;


static gboolean
wait_for_window_cb (gpointer user_data)
{
  Run *run = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (run->app));

  run->waited_ms += 50;
  if (run->waited_ms > 20000)
    g_error ("The window did not appear within 20 s");

  /* A big shop's file is still being checked: the window that says so is
   * not the shop's yet. */
  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)) ||
      crm_application_is_loading (run->app))
    return G_SOURCE_CONTINUE;

  /* The check's update of the figures may still be on its way into the
   * list: a test starts on the list as it settles. */
  if (CRM_IS_WINDOW (window) &&
      crm_customers_page_is_settling (crm_window_get_customers_page (CRM_WINDOW (window))))
    return G_SOURCE_CONTINUE;

  run->timeout_id = 0;
  run->check (run->app, window, run->data);
  run->checked = TRUE;

  /* Quit the way a person does, through the application's action. */
  g_action_group_activate_action (G_ACTION_GROUP (run->app), "quit", NULL);

  return G_SOURCE_REMOVE;
}

int
run_app (const char *data_dir,
         CheckFunc   check,
         gpointer    data)
{
  Run run = { 0 };
  char *argv[] = { (char *) "clientele", (char *) "--data-dir", (char *) data_dir, NULL };
  int status;

  /* Animations finish at once: a test must not depend on how many frames
   * the machine draws between two steps (a toast still fading out when the
   * next one comes, say). */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  run.app = crm_application_new ();
  run.check = check;
  run.data = data;
  run.timeout_id = g_timeout_add (50, wait_for_window_cb, &run);

  status = g_application_run (G_APPLICATION (run.app), G_N_ELEMENTS (argv) - 1, argv);

  g_assert_true (run.checked);
  g_clear_object (&run.app);

  return status;
}

char *
make_data_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("clientele-ui-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }

  return NULL;
}

/* Each case starts the real application in a subprocess of its own on a
 * fresh data folder, so that every case gets its own GApplication. */
void
test_ui_case (gconstpointer user_data)
{
  const UiCase *ui_case = user_data;

  if (g_test_subprocess ())
    {
      g_autofree char *dir = make_data_dir ();

      if (ui_case->prepare != NULL)
        ui_case->prepare (dir);
      g_assert_cmpint (run_app (dir, ui_case->check, dir), ==, 0);
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}


/* Lets pending idles and redraws run, as they would between two clicks. */
void
spin_main_loop (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The import dialog's plan is made on a worker: a test looks at the
 * preview once it is shown. */
void
wait_import_plan (GtkWindow *dialog)
{
  spin_main_loop ();
  while (crm_import_dialog_is_preparing (CRM_IMPORT_DIALOG (dialog)))
    g_main_context_iteration (NULL, TRUE);
  spin_main_loop ();
}

void
add_ui_cases (const UiCase *cases,
              gsize         n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    g_test_add_data_func (cases[i].path, &cases[i], test_ui_case);
}


/* Depth first, the first widget below @root (or @root) that @match accepts. */
GtkWidget *
find_matching (GtkWidget     *root,
               gboolean     (*match) (GtkWidget *widget, gconstpointer data),
               gconstpointer  data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_matching (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  GType       type;
  GType       except;
  const char *css_class;
} TypeQuery;

static gboolean
match_type (GtkWidget     *widget,
            gconstpointer  data)
{
  const TypeQuery *query = data;

  return G_TYPE_CHECK_INSTANCE_TYPE (widget, query->type) &&
         (query->except == G_TYPE_NONE || !G_TYPE_CHECK_INSTANCE_TYPE (widget, query->except)) &&
         (query->css_class == NULL || gtk_widget_has_css_class (widget, query->css_class));
}

/* The first widget below @root of @type that is not also an @except
 * (G_TYPE_NONE for none) and has @css_class (or any, for NULL). */
GtkWidget *
find_widget_full (GtkWidget  *root,
                  GType       type,
                  GType       except,
                  const char *css_class)
{
  TypeQuery query = { type, except, css_class };

  return find_matching (root, match_type, &query);
}

/* A person can only click what takes pointer events: a toast fading out,
 * for one, has can-target off, and its button must not be found. */
static gboolean
can_be_clicked (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (!gtk_widget_get_can_target (widget))
      return FALSE;

  return TRUE;
}

static gboolean
match_button (GtkWidget     *widget,
              gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0 &&
         can_be_clicked (widget);
}

/* The first button labelled @label (as written in the .ui file, with its
 * mnemonic underscore) that a person could click. */
GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  return find_matching (root, match_button, label);
}

static gboolean
match_row (GtkWidget     *widget,
           gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* The first preferences row titled @title. */
GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  return find_matching (root, match_row, title);
}

static gboolean
match_label (GtkWidget     *widget,
             gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* The first label showing exactly @text. */
GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  return find_matching (root, match_label, text);
}

static void
collect_preferences_pages (GtkWidget *widget,
                           GPtrArray *pages)
{
  /* The window's own pages, not the one its search shows results in. */
  if (ADW_IS_PREFERENCES_PAGE (widget) && ADW_IS_VIEW_STACK (gtk_widget_get_parent (widget)))
    {
      g_ptr_array_add (pages, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_preferences_pages (child, pages);
}

/* Opens Preferences, shows each page in turn as its tab at the top
 * would, calls @visit with the window and "Preferences, <page>", then
 * closes it. */
void
visit_preferences_pages (CrmApplication *app,
                         PageVisitFunc   visit,
                         gpointer        data)
{
  AdwPreferencesWindow *preferences;
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = ADW_PREFERENCES_WINDOW (find_toplevel (CRM_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (preferences);

  collect_preferences_pages (GTK_WIDGET (preferences), pages);
  g_assert_cmpuint (pages->len, >, 1);
  for (guint i = 0; i < pages->len; i++)
    {
      AdwPreferencesPage *page = g_ptr_array_index (pages, i);
      g_autofree char *where = g_strdup_printf ("Preferences, %s", adw_preferences_page_get_title (page));

      adw_preferences_window_set_visible_page (preferences, page);
      visit (GTK_WINDOW (preferences), where, data);
    }

  gtk_window_destroy (GTK_WINDOW (preferences));
  spin_main_loop ();
}
