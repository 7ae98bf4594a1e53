/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The sample shop in each language, as a screen reader and a narrow
 * window meet it:
 *
 * - every section, a customer's page, a feedback entry, Preferences and
 *   the main dialogs: no widget reads as nothing, as a type name, with a
 *   mnemonic's underscore or twice (ui-accessible.c), and the customer
 *   list's rows read as the customer;
 * - at 700 and at 360 px every section folds the same way: the section
 *   fills the window, a back button in the header bar leads to the
 *   sidebar and the sidebar back to the section, and nothing needs more
 *   width than the window has. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-customer-page.h"
#include "crm-customers-page.h"
#include "crm-demo.h"
#include "crm-feedback-dialog.h"
#include "crm-feedback-page.h"
#include "crm-follow-up-dialog.h"
#include "crm-follow-ups-page.h"
#include "crm-insights-page.h"
#include "crm-preferences-window.h"
#include "crm-record-dialog.h"
#include "crm-store.h"
#include "crm-window.h"
#include "ui-accessible.h"
#include "ui-helpers.h"

static const struct
{
  const char *name;
  GType     (*page_type) (void);
} sections[] = {
  { "customers", crm_customers_page_get_type },
  { "follow-ups", crm_follow_ups_page_get_type },
  { "feedback", crm_feedback_page_get_type },
  { "insights", crm_insights_page_get_type },
};

typedef struct
{
  CrmApplication *app;
  GtkWindow      *window;
  CrmStore       *store;
  GString        *problems;
  guint           checked;
} Walk;

static void
check_names (Walk       *walk,
             GtkWidget  *root,
             const char *where)
{
  spin_main_loop ();
  walk->checked += check_accessible_names (root, where, walk->problems);
}

static void
check_dialog (Walk       *walk,
              GtkWindow  *dialog,
              const char *where)
{
  g_assert_nonnull (dialog);
  gtk_window_present (dialog);
  check_names (walk, GTK_WIDGET (dialog), where);
  gtk_window_destroy (dialog);
  spin_main_loop ();
}

static void
visit_page (GtkWindow  *preferences,
            const char *where,
            gpointer    data)
{
  Walk *walk = data;

  check_names (walk, GTK_WIDGET (preferences), where);
}

static void
check_preferences (Walk *walk)
{
  visit_preferences_pages (walk->app, visit_page, walk);
}

static gint64
first_customer (Walk *walk)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (walk->window), GTK_TYPE_COLUMN_VIEW, NULL));
  g_autoptr(CrmCustomer) customer = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), 0);

  g_assert_nonnull (customer);
  return crm_customer_get_id (customer);
}

static gint64
first_feedback (Walk *walk)
{
  CrmFeedbackFilter all = { 0 };
  g_autoptr(GPtrArray) feedback = crm_store_list_feedback (walk->store, &all, 1);

  g_assert_cmpuint (feedback->len, ==, 1);
  return crm_feedback_get_id (g_ptr_array_index (feedback, 0));
}

/* The customer list's rows read as the customer: name first, then the
 * segment and the rest, never "GtkListItemWidget". */
static void
check_list_rows (Walk *walk)
{
  GtkWidget *view = find_widget (GTK_WIDGET (walk->window), GTK_TYPE_COLUMN_VIEW, NULL);
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (view)));
  g_autoptr(CrmCustomer) customer = g_list_model_get_item (model, 0);
  GtkWidget *name_label = find_label (view, crm_customer_get_name (customer));
  GtkWidget *cell, *row;
  g_autofree char *cell_name = NULL;
  g_autofree char *row_name = NULL;

  g_assert_nonnull (name_label);
  cell = gtk_widget_get_parent (name_label);
  row = gtk_widget_get_parent (cell);
  cell_name = accessible_name (cell);
  row_name = accessible_name (row);
  g_assert_cmpstr (cell_name, ==, crm_customer_get_name (customer));
  g_assert_true (g_str_has_prefix (row_name, crm_customer_get_name (customer)));
  g_assert_nonnull (strchr (row_name, ','));
}

static void
show_section (Walk       *walk,
              const char *section)
{
  crm_window_set_section (CRM_WINDOW (walk->window), section);
  spin_main_loop ();
}

static void
check_all_names (Walk *walk,
                 const char *width)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s, %s", width, sections[i].name);

      show_section (walk, sections[i].name);
      check_names (walk, GTK_WIDGET (walk->window), where);
    }

  /* A customer's page and a feedback entry, then back. */
  {
    g_autofree char *where = g_strdup_printf ("%s, customer page", width);

    crm_window_show_customer (CRM_WINDOW (walk->window), first_customer (walk));
    check_names (walk, GTK_WIDGET (walk->window), where);
    crm_customers_page_go_back (crm_window_get_customers_page (CRM_WINDOW (walk->window)));
  }
  {
    g_autofree char *where = g_strdup_printf ("%s, feedback entry", width);
    GtkWidget *page = find_widget (GTK_WIDGET (walk->window), CRM_TYPE_FEEDBACK_PAGE, NULL);

    show_section (walk, "feedback");
    crm_feedback_page_show_entry (CRM_FEEDBACK_PAGE (page), first_feedback (walk));
    check_names (walk, GTK_WIDGET (walk->window), where);
  }
}

/* Resizes the window and waits (a bounded number of turns, never a
 * time) until the display has done it. */
static void
resize (GtkWindow *window,
        int        width)
{
  gtk_window_set_default_size (window, width, 700);
  for (guint i = 0; i < 200 && gtk_widget_get_width (GTK_WIDGET (window)) != width; i++)
    {
      spin_main_loop ();
      g_usleep (5000);
    }
  spin_main_loop ();
}

/* The header bar's back button of the window's leaflet. */
static GtkWidget *
find_back_button (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), "go-previous-symbolic") == 0 &&
      gtk_widget_get_ancestor (root, ADW_TYPE_HEADER_BAR) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_back_button (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static int
minimum_width (GtkWidget *widget)
{
  int minimum = 0;

  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  return minimum;
}

static void debug_widest (GtkWidget *w, int depth);

/* Nothing on show asks for more width than the window has. */
static void
assert_fits (GtkWindow  *window,
             GtkWidget  *page,
             int         width,
             const char *where)
{
  int page_min = minimum_width (page);
  /* The window's content; the window itself adds its frame. */
  int window_min = minimum_width (gtk_window_get_child (window));

  if (page_min > width && g_getenv ("DEBUG_WIDEST"))
    debug_widest (page, 0);
  if (page_min > width || window_min > width || gtk_widget_get_width (GTK_WIDGET (window)) > width)
    g_error ("%s at %d px: the section needs %d px, the window %d px and is %d px wide", where, width,
             page_min, window_min, gtk_widget_get_width (GTK_WIDGET (window)));
}

static void
debug_widest (GtkWidget *w, int depth)
{
  GtkWidget *widest = NULL;
  int best = -1;

  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      int m = minimum_width (c);
      if (m > best) { best = m; widest = c; }
    }
  if (widest == NULL || depth > 40)
    return;
  g_printerr ("%*s%s %s %d\n", depth, "", G_OBJECT_TYPE_NAME (widest), GTK_IS_BUTTON (widest) ? gtk_button_get_label (GTK_BUTTON (widest)) : GTK_IS_LABEL (widest) ? gtk_label_get_label (GTK_LABEL (widest)) : "", best);
  debug_widest (widest, depth + 1);
}

static void
check_narrow (Walk *walk,
              int   width)
{

  AdwLeaflet *leaflet = ADW_LEAFLET (find_widget (GTK_WIDGET (walk->window), ADW_TYPE_LEAFLET, NULL));
  GtkWidget *sidebar = find_widget (GTK_WIDGET (walk->window), GTK_TYPE_LIST_BOX, "navigation-sidebar");

  resize (walk->window, width);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (walk->window)), <=, width);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkWidget *page = find_widget (GTK_WIDGET (walk->window), sections[i].page_type (), NULL);
      GtkWidget *back;
      GtkListBoxRow *row = NULL;

      show_section (walk, sections[i].name);

      /* Folded, the section fills the window. */
      g_assert_true (adw_leaflet_get_folded (leaflet));
      g_assert_true (gtk_widget_get_mapped (page));
      g_assert_false (gtk_widget_get_mapped (sidebar));
      assert_fits (walk->window, page, width, sections[i].name);

      /* Back, to the sidebar; its row, to the section again. */
      back = find_back_button (GTK_WIDGET (walk->window));
      g_assert_nonnull (back);
      g_signal_emit_by_name (back, "clicked");
      spin_main_loop ();
      g_assert_true (gtk_widget_get_mapped (sidebar));
      g_assert_false (gtk_widget_get_mapped (page));

      for (GtkWidget *child = gtk_widget_get_first_child (sidebar); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (g_strcmp0 (gtk_widget_get_name (child), sections[i].name) == 0)
          row = GTK_LIST_BOX_ROW (child);
      g_assert_nonnull (row);
      g_signal_emit_by_name (sidebar, "row-activated", row);
      spin_main_loop ();
      g_assert_true (gtk_widget_get_mapped (page));
    }

  /* One customer's page and one feedback entry fit too; the entry's own
   * back button leads to the inbox when the inbox and the entry cannot
   * sit side by side. */
  {
    GtkWidget *customer_page = find_widget (GTK_WIDGET (walk->window), CRM_TYPE_CUSTOMER_PAGE, NULL);
    GtkWidget *feedback_page = find_widget (GTK_WIDGET (walk->window), CRM_TYPE_FEEDBACK_PAGE, NULL);
    AdwLeaflet *inbox = ADW_LEAFLET (find_widget (feedback_page, ADW_TYPE_LEAFLET, NULL));

    crm_window_show_customer (CRM_WINDOW (walk->window), first_customer (walk));
    spin_main_loop ();
    g_assert_true (gtk_widget_get_mapped (customer_page));
    assert_fits (walk->window, customer_page, width, "customer page");
    crm_customers_page_go_back (crm_window_get_customers_page (CRM_WINDOW (walk->window)));

    show_section (walk, "feedback");
    crm_feedback_page_show_entry (CRM_FEEDBACK_PAGE (feedback_page), first_feedback (walk));
    spin_main_loop ();
    assert_fits (walk->window, feedback_page, width, "feedback entry");
    if (adw_leaflet_get_folded (inbox))
      {
        GtkWidget *list = find_widget (feedback_page, GTK_TYPE_LIST_BOX, "inbox");
        GtkWidget *in_page_back = NULL;

        g_assert_false (gtk_widget_get_mapped (list));
        for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (adw_leaflet_get_visible_child (inbox)));
             w != NULL; w = gtk_widget_get_next_sibling (w))
          if (GTK_IS_BUTTON (w) && gtk_widget_get_mapped (w))
            in_page_back = w;
        g_assert_nonnull (in_page_back);
        g_signal_emit_by_name (in_page_back, "clicked");
        spin_main_loop ();
        g_assert_true (gtk_widget_get_mapped (list));
      }
    g_assert_cmpint (width < 600, ==, adw_leaflet_get_folded (inbox));
  }
}

static void
check_shop (CrmApplication *app,
            GtkWindow      *window,
            gpointer        data)
{
  Walk walk = { app, window, crm_context_get_store (crm_application_get_context (app)), g_string_new (NULL), 0 };

  resize (window, 1280);
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET, NULL))));
  show_section (&walk, "customers");
  check_list_rows (&walk);
  check_all_names (&walk, "wide");

  check_preferences (&walk);
  check_dialog (&walk, crm_record_dialog_new (window, walk.store, first_customer (&walk), TRUE), "record purchase");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-follow-up", NULL));
  spin_main_loop ();
  check_dialog (&walk, find_toplevel (CRM_TYPE_FOLLOW_UP_DIALOG), "follow-up dialog");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-feedback", NULL));
  spin_main_loop ();
  check_dialog (&walk, find_toplevel (CRM_TYPE_FEEDBACK_DIALOG), "feedback dialog");

  check_narrow (&walk, 700);
  check_narrow (&walk, CRM_WINDOW_MIN_WIDTH);
  check_all_names (&walk, "360 px");

  g_assert_cmpuint (walk.checked, >, 500);
  g_assert_cmpstr (walk.problems->str, ==, "");
  g_string_free (walk.problems, TRUE);
}

static void
prepare_shop (const char *data_dir,
              const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (data_dir, &error);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_assert_no_error (error);
  g_assert_true (crm_demo_fill (store, CRM_DEMO_CUSTOMERS, 2026, &error));
  g_assert_no_error (error);
  g_settings_set_string (settings, "language", language);
}

static void
prepare_english (const char *data_dir)
{
  prepare_shop (data_dir, "en");
}

static void
prepare_georgian (const char *data_dir)
{
  prepare_shop (data_dir, "ka");
}

static void
prepare_armenian (const char *data_dir)
{
  prepare_shop (data_dir, "hy");
}

static const UiCase ui_cases[] = {
  { "/ui/accessible/en", prepare_english, check_shop },
  { "/ui/accessible/ka", prepare_georgian, check_shop },
  { "/ui/accessible/hy", prepare_armenian, check_shop },
};

static GLogWriterOutput
debug_writer (GLogLevelFlags   level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && strstr (fields[i].value, "attempt to allocate GtkLabel"))
      {
        const char *p = strstr (fields[i].value, "label 0x");
        gpointer w = NULL;

        if (p && sscanf (p + 6, "%p", &w) == 1)
          {
            g_printerr ("LABEL: %s\n", gtk_label_get_label (w));
            for (GtkWidget *up = w; up; up = gtk_widget_get_parent (up))
              g_printerr ("  in %s %d/%d\n", G_OBJECT_TYPE_NAME (up), gtk_widget_get_width (up), minimum_width (up));
          }
      }
  return g_log_writer_default (level, fields, n_fields, data);
}

int
main (int   argc,
      char *argv[])
{
  if (g_getenv ("DEBUG_WIDEST"))
    g_log_set_writer_func (debug_writer, NULL, NULL);
  crm_application_init_i18n ();
  gtk_test_init (&argc, &argv, NULL);

  add_ui_cases (ui_cases, G_N_ELEMENTS (ui_cases));

  return g_test_run ();
}
