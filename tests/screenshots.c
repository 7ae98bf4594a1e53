/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Saves a picture of every section of the real window on the sample shop,
 * for looking at a change in each language, width and style:
 *
 *   xvfb-run -a -s "-screen 0 1400x900x24" dbus-run-session -- \
 *     env LANGUAGE=ka build-tests/tests/screenshots OUT-DIR [WIDTH [HEIGHT [dark]]]
 *
 * Not a test: it asserts nothing. Each picture is OUT-DIR/NAME.png. */

#include "config.h"

#include <stdlib.h>

#include "crm-customer-privacy.h"
#include "crm-customers-page.h"
#include "crm-demo.h"
#include "crm-feedback-dialog.h"
#include "crm-feedback-page.h"
#include "crm-preferences-window.h"
#include "crm-record-dialog.h"
#include "crm-send-dialog.h"
#include "crm-store.h"
#include "crm-window.h"
#include "ui-helpers.h"

static const char *out_dir;
static int width = 1280;
static int height = 800;
static gboolean dark;
/* A Georgian customer who agreed to marketing messages. */
static gint64 nino_id;

/* Lets the window lay out and draw what changed. */
static void
settle (void)
{
  gint64 until = g_get_monotonic_time () + 1000 * 1000;

  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }
}

static void
save (GtkWindow  *window,
      const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  GskRenderer *renderer;
  int w, h;

  settle ();
  w = gtk_widget_get_width (GTK_WIDGET (window));
  h = gtk_widget_get_height (GTK_WIDGET (window));
  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;

  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  file = g_strdup_printf ("%s/%s.png", out_dir, name);
  if (!gdk_texture_save_to_png (texture, file))
    g_printerr ("Could not save %s\n", file);
  else
    g_print ("%s (%d×%d)\n", file, w, h);
}

static void
prepare (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (data_dir, &error);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  if (store == NULL || !crm_demo_fill (store, CRM_DEMO_CUSTOMERS, 2026, &error) ||
      !crm_store_refresh_all (store, &error) ||
      crm_store_add_saved_list (store, "At Risk, not seen for 60 days",
                                "{'group': <'at_risk'>, 'not-seen-days': <uint32 60>}", &error) == 0)
    g_error ("%s", error->message);
  {
    CrmCustomerFields nino = {
      .name = "ნინო ბერიძე", .phone = "599 12 34 56", .language = "ka", .channel = "whatsapp",
      .marketing_consent = TRUE, .consent_source = "in_person",
    };

    nino_id = crm_store_add_customer (store, &nino, &error);
    if (nino_id == 0)
      g_error ("%s", error->message);
  }

  /* Reminders of the days before were announced and left: the banner of
   * missed ones shows at the top of Follow-ups. */
  {
    g_autoptr(GPtrArray) due = crm_store_list_due_follow_ups (store, crm_store_now (store) - 24 * 60 * 60);

    crm_store_mark_follow_ups_notified (store, due, crm_store_now (store) - 24 * 60 * 60, NULL);
  }

  g_settings_set (settings, "window-size", "(ii)", width, height);
  g_settings_set_string (settings, "style", dark ? "dark" : "light");
}

static void
show_preferences (CrmApplication *app,
                  const char     *name,
                  guint           page)
{
  GtkWindow *preferences;
  GtkWidget *found = NULL;
  guint i = 0;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = find_toplevel (CRM_TYPE_PREFERENCES_WINDOW);

  /* The pages in order, as the switcher shows them. */
  for (GtkWidget *w = find_widget (GTK_WIDGET (preferences), ADW_TYPE_PREFERENCES_PAGE, NULL);
       w != NULL;
       w = gtk_widget_get_next_sibling (w))
    if (ADW_IS_PREFERENCES_PAGE (w) && i++ == page)
      found = w;

  if (found != NULL)
    {
      adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences), ADW_PREFERENCES_PAGE (found));
      gtk_window_set_default_size (preferences, MIN (width, 820), MIN (height, 620));
      save (preferences, name);
    }
  gtk_window_destroy (preferences);
}

/* A line of a customer's history (it has "entry" data). */
static gboolean
is_history_row (GtkWidget     *widget,
                gconstpointer  data)
{
  return g_object_get_data (G_OBJECT (widget), "entry") != NULL;
}

/* A key client with a history, the page an owner opens most. */
static gint64
some_key_client (GtkWindow *window)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, NULL));
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CrmCustomer) customer = g_list_model_get_item (model, i);

      if (crm_customer_get_segment (customer) == CRM_SEGMENT_KEY)
        return crm_customer_get_id (customer);
    }

  return 1;
}

static void
take_all (CrmApplication *app,
          GtkWindow      *window,
          gpointer        data)
{
  CrmStore *store = crm_context_get_store (crm_application_get_context (app));
  CrmWindow *crm_window = CRM_WINDOW (window);
  CrmFeedbackFilter all = { 0 };
  g_autoptr(GPtrArray) feedback = crm_store_list_feedback (store, &all, 1);
  CrmCustomersPage *customers = crm_window_get_customers_page (crm_window);
  GtkWidget *feedback_page = find_widget (GTK_WIDGET (window), CRM_TYPE_FEEDBACK_PAGE, NULL);
  static const char *const sections[] = { "customers", "follow-ups", "feedback", "insights" };

  gtk_window_set_default_size (window, width, height);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      crm_window_set_section (crm_window, sections[i]);
      save (window, sections[i]);
    }

  /* The first saved list, as the sidebar opens it. */
  {
    g_autoptr(GPtrArray) lists = crm_store_list_saved_lists (store);

    if (lists->len > 0)
      {
        crm_window_set_section (crm_window, "customers");
        crm_customers_page_apply_filter (customers, ((CrmSavedList *) g_ptr_array_index (lists, 0))->filter);
        save (window, "saved-list");
        crm_customers_page_apply_filter (customers, "@a{sv} {}");
      }
  }

  /* The shortcuts window, generated from the keys. */
  if (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL))
    {
      GtkWindow *shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);

      save (shortcuts, "shortcuts");
      gtk_window_close (shortcuts);
    }

  /* The first key client's page, and its form. */
  crm_window_show_customer (crm_window, some_key_client (window));
  save (window, "customer");
  {
    GtkWidget *row = find_matching (GTK_WIDGET (window), is_history_row, NULL);
    GtkWindow *dialog;

    if (row != NULL)
      {
        g_signal_emit_by_name (row, "activated");
        dialog = find_toplevel (CRM_TYPE_RECORD_DIALOG);
        save (dialog, "history-entry");
        gtk_window_destroy (dialog);
      }
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-customer", NULL);
  save (window, "customer-new");
  crm_customers_page_go_back (customers);

  /* Sending a message: to a customer without consent (the note says
   * why some are not offered), to one with it; erasing, asked first. */
  {
    GtkWindow *send = crm_send_dialog_new (window, store, some_key_client (window), "miss_you");
    GtkWindow *question;

    gtk_window_present (send);
    save (send, "send-message-no-consent");
    gtk_window_destroy (send);
    send = crm_send_dialog_new (window, store, nino_id, "miss_you");
    gtk_window_present (send);
    save (send, "send-message");
    gtk_window_destroy (send);

    crm_window_show_customer (crm_window, nino_id);
    settle ();
    {
      GtkWidget *privacy = find_widget (GTK_WIDGET (window), CRM_TYPE_CUSTOMER_PRIVACY, NULL);
      GtkWidget *scrolled = gtk_widget_get_ancestor (privacy, GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      save (window, "customer-privacy");
    }
    question = crm_customer_privacy_ask_erase (CRM_CUSTOMER_PRIVACY (
      find_widget (GTK_WIDGET (window), CRM_TYPE_CUSTOMER_PRIVACY, NULL)));
    if (question != NULL)
      {
        save (question, "erase-confirm");
        adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "cancel");
      }
    crm_customers_page_go_back (customers);
  }

  if (feedback->len > 0)
    {
      crm_window_set_section (crm_window, "feedback");
      crm_feedback_page_show_entry (CRM_FEEDBACK_PAGE (feedback_page),
                                    crm_feedback_get_id (g_ptr_array_index (feedback, 0)));
      save (window, "feedback-entry");
    }

  /* The quick feedback form, with its optional questions. */
  if (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-feedback", NULL))
    {
      GtkWindow *form = find_toplevel (CRM_TYPE_FEEDBACK_DIALOG);

      if (form != NULL)
        {
          save (form, "feedback-new");
          gtk_window_destroy (form);
        }
    }

  /* Every page there is (a missing one saves nothing). */
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("preferences-%u", i + 1);

      show_preferences (app, name, i);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;

  crm_application_init_i18n ();
  gtk_init ();

  if (argc < 2)
    {
      g_printerr ("usage: screenshots OUT-DIR [WIDTH [HEIGHT [dark]]]\n");
      return 2;
    }
  out_dir = argv[1];
  if (argc > 2)
    width = atoi (argv[2]);
  if (argc > 3)
    height = atoi (argv[3]);
  dark = argc > 4 && g_str_equal (argv[4], "dark");
  g_mkdir_with_parents (out_dir, 0755);

  dir = make_data_dir ();
  prepare (dir);
  return run_app (dir, take_all, NULL);
}
