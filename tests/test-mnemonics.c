/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Alt and a letter reach one control: in every window and menu a person
 * can open, in each language, no two controls on screen share a mnemonic. */

#include "config.h"

#include <glib/gi18n.h>

#include "crm-customer-page.h"
#include "crm-customers-page.h"
#include "crm-duplicates-dialog.h"
#include "crm-feedback-dialog.h"
#include "crm-feedback-page.h"
#include "crm-follow-up-dialog.h"
#include "crm-follow-ups-page.h"
#include "crm-import-dialog.h"
#include "crm-insights-page.h"
#include "crm-preferences-window.h"
#include "crm-record-dialog.h"
#include "crm-restore-dialog.h"
#include "crm-shared-database-dialog.h"
#include "crm-spend-points-dialog.h"
#include "crm-store-loyalty.h"
#include "crm-store.h"
#include "crm-window.h"
#include "ui-accessible.h"
#include "ui-helpers.h"

typedef struct
{
  GtkNative  *native;
  gunichar    key;
  GtkWidget  *owner;
  const char *text;
} Mnemonic;

typedef struct
{
  CrmApplication *app;
  GtkWindow      *window;
  CrmStore       *store;
  GString        *collisions;
  guint           checked;
  /* The accessible names walked on the same screens (ui-accessible.c). */
  GString        *names;
  guint           named;
} Walk;

/* What Alt+key activates: the label's mnemonic widget, or the button or
 * row the label sits in. Two labels of one row (a title shown in two
 * sizes) are one control. */
static GtkWidget *
mnemonic_owner (GtkLabel *label)
{
  GtkWidget *widget = gtk_label_get_mnemonic_widget (label);

  if (widget != NULL)
    return widget;

  for (widget = GTK_WIDGET (label); widget != NULL; widget = gtk_widget_get_parent (widget))
    if (GTK_IS_BUTTON (widget) || ADW_IS_PREFERENCES_ROW (widget) || GTK_IS_CHECK_BUTTON (widget))
      return widget;

  return GTK_WIDGET (label);
}

/* The letter after the first single underscore ("__" is an underscore
 * shown), case-folded. Read from the text, because GTK 4.8 gives the
 * keyval of a Georgian or Armenian mnemonic as the bare code point, not
 * as the keysym a keyboard sends. */
static gunichar
mnemonic_letter (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (p[0] != '_')
        continue;
      if (p[1] != '_' && p[1] != '\0')
        return g_unichar_tolower (g_utf8_get_char (p + 1));
      p++;
      if (*p == '\0')
        break;
    }

  return 0;
}

static void
collect (GtkWidget *widget,
         GArray    *found)
{
  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget) && gtk_widget_is_sensitive (widget) &&
      gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)) != GDK_KEY_VoidSymbol)
    {
      gunichar key = mnemonic_letter (gtk_label_get_label (GTK_LABEL (widget)));

      if (key != 0)
        {
          Mnemonic mnemonic = {
            gtk_widget_get_native (widget),
            key,
            mnemonic_owner (GTK_LABEL (widget)),
            gtk_label_get_label (GTK_LABEL (widget)),
          };

          g_array_append_val (found, mnemonic);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, found);
}

/* Every mnemonic on screen in @root's window or menu, pair by pair. */
static void
check_root (Walk       *walk,
            GtkWidget  *root,
            const char *where)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Mnemonic));

  spin_main_loop ();
  g_assert_true (gtk_widget_get_mapped (root));
  collect (root, found);
  walk->named += check_accessible_names (root, where, walk->names);

  for (guint i = 0; i < found->len; i++)
    for (guint j = i + 1; j < found->len; j++)
      {
        Mnemonic *a = &g_array_index (found, Mnemonic, i);
        Mnemonic *b = &g_array_index (found, Mnemonic, j);
        char key[7] = { 0 };

        if (a->native != b->native || a->key != b->key || a->owner == b->owner)
          continue;
        g_unichar_to_utf8 (a->key, key);
        g_string_append_printf (walk->collisions, "\n  %s: “%s” and “%s” share %s",
                                where, a->text, b->text, key);
      }

  walk->checked += found->len;
}

/* The menus of every menu button in @root, opened one at a time. */
static void
check_menus (Walk       *walk,
             GtkWidget  *root,
             const char *where)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_menus (walk, child, where);

  if (GTK_IS_MENU_BUTTON (root) && gtk_widget_get_mapped (root) &&
      gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (root)) != NULL)
    {
      GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (root));
      g_autofree char *menu = g_strdup_printf ("%s, menu of %s", where,
                                               gtk_widget_get_tooltip_text (root) ?
                                                 gtk_widget_get_tooltip_text (root) :
                                                 G_OBJECT_TYPE_NAME (root));

      gtk_menu_button_popup (GTK_MENU_BUTTON (root));
      check_root (walk, GTK_WIDGET (popover), menu);
      gtk_menu_button_popdown (GTK_MENU_BUTTON (root));
      spin_main_loop ();
    }
}

static void
check_window (Walk       *walk,
              GtkWindow  *window,
              const char *where)
{
  check_root (walk, GTK_WIDGET (window), where);
  check_menus (walk, GTK_WIDGET (window), where);
}

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

/* A section as a person sees it: where the window is too narrow for the
 * sidebar and the section side by side, the section. */
static void
show_section (Walk *walk,
              guint i)
{
  GtkWidget *page = find_widget (GTK_WIDGET (walk->window), sections[i].page_type (), NULL);

  crm_window_set_section (CRM_WINDOW (walk->window), sections[i].name);
  spin_main_loop ();
  for (GtkWidget *up = page; up != NULL && !gtk_widget_get_mapped (page); up = gtk_widget_get_parent (up))
    if (ADW_IS_LEAFLET (up) && adw_leaflet_get_folded (ADW_LEAFLET (up)))
      {
        adw_leaflet_navigate (ADW_LEAFLET (up), ADW_NAVIGATION_DIRECTION_FORWARD);
        spin_main_loop ();
      }
  g_assert_true (gtk_widget_get_mapped (page));
}

static void
check_section (Walk *walk,
               guint i)
{
  g_autofree char *where = g_strdup_printf ("main window, %s", sections[i].name);

  show_section (walk, i);
  check_window (walk, walk->window, where);
}

/* A dialog the test opened: checked, then closed. */
static void
check_dialog (Walk       *walk,
              GtkWindow  *dialog,
              const char *where)
{
  g_assert_nonnull (dialog);
  gtk_window_present (dialog);
  check_window (walk, dialog, where);
  gtk_window_destroy (dialog);
  spin_main_loop ();
}

static GtkWindow *
activate_for_dialog (Walk       *walk,
                     const char *action,
                     GType       type)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (walk->window), action, NULL));
  spin_main_loop ();
  return find_toplevel (type);
}

static void
visit_page (GtkWindow  *preferences,
            const char *where,
            gpointer    data)
{
  Walk *walk = data;

  check_window (walk, preferences, where);
}

static void
check_preferences (Walk *walk)
{
  visit_preferences_pages (walk->app, visit_page, walk);
}

/* Answers @prompt as a click would, and closes it: the response signal
 * alone leaves it on screen. */
static void
close_prompt (GtkWindow  *prompt,
              const char *response)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (prompt), response);
  gtk_window_destroy (prompt);
  spin_main_loop ();
}

static void
check_complaint_prompt (Walk *walk)
{
  GtkWidget *dialog = GTK_WIDGET (activate_for_dialog (walk, "win.new-feedback", CRM_TYPE_FEEDBACK_DIALOG));
  GtkTextView *text;
  GtkWidget *prompt;

  g_assert_nonnull (dialog);
  check_window (walk, GTK_WINDOW (dialog), "feedback dialog");

  /* A complaint offers a follow-up. */
  text = GTK_TEXT_VIEW (find_widget (dialog, GTK_TYPE_TEXT_VIEW, NULL));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text), "The bread was stale", -1);
  g_assert_cmpint (crm_feedback_dialog_save (CRM_FEEDBACK_DIALOG (dialog)), >, 0);
  spin_main_loop ();
  prompt = GTK_WIDGET (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (prompt);
  check_window (walk, GTK_WINDOW (prompt), "follow-up after a complaint");
  close_prompt (GTK_WINDOW (prompt), "later");
}

static void
check_import (Walk *walk)
{
  const char customers[] = "Name,Phone\nნინო ბერიძე,+995 555 12 34 56\n";
  const char sales[] = "Date,Phone,Amount\n2026-11-01,+995 555 12 34 56,25.50\n";
  g_autoptr(GBytes) customer_bytes = g_bytes_new_static (customers, sizeof customers - 1);
  g_autoptr(GBytes) sales_bytes = g_bytes_new_static (sales, sizeof sales - 1);
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  dialog = crm_import_dialog_new (walk->window, walk->store, customer_bytes, "clients.csv", &error);
  g_assert_no_error (error);
  gtk_window_present (dialog);
  wait_import_plan (dialog);
  check_dialog (walk, dialog, "customer import");

  dialog = crm_import_dialog_new_sales (walk->window, walk->store, sales_bytes, "till.csv", &error);
  g_assert_no_error (error);
  gtk_window_present (dialog);
  wait_import_plan (dialog);
  check_dialog (walk, dialog, "sales import");
}

static void
check_everything (CrmApplication *app,
                  GtkWindow      *window,
                  gpointer        data)
{
  g_autoptr(GError) error = NULL;
  Walk walk = { app, window, NULL, g_string_new (NULL), 0, g_string_new (NULL), 0 };
  CrmCustomerFields fields = { .name = "ნინო ბერიძე", .phone = "+995 555 12 34 56" };
  CrmFeedbackFields praise = { .kind = "praise", .rating = 5, .text = "Lovely bread" };
  GtkWindow *prompt;
  gint64 customer, feedback, bought, called;

  walk.store = crm_context_get_store (crm_application_get_context (app));

  /* A shop that has never chosen its currency is asked first. */
  spin_main_loop ();
  prompt = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (prompt);
  check_window (&walk, prompt, "currency question");
  close_prompt (prompt, "GEL");

  /* Empty, every section shows its first steps. */
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    check_section (&walk, i);

  /* With a customer, a purchase, a follow-up and some feedback. */
  customer = crm_store_add_customer (walk.store, &fields, &error);
  g_assert_no_error (error);
  bought = crm_store_add_purchase (walk.store, customer, crm_store_now (walk.store) - 3600, 2550, "Bread", &error);
  g_assert_no_error (error);
  called = crm_store_add_interaction (walk.store, customer, crm_store_now (walk.store) - 7200, "call", "Cake", &error);
  g_assert_no_error (error);
  crm_store_add_follow_up (walk.store, customer, crm_store_now (walk.store) - 60, "Call about the cake", 0, &error);
  g_assert_no_error (error);
  crm_store_add_follow_up (walk.store, customer, crm_store_now (walk.store) + 86400, "Ask about the party", 0, &error);
  g_assert_no_error (error);
  /* One announced two days ago and left: the missed banner's buttons too. */
  {
    g_autoptr(GPtrArray) missed = g_ptr_array_new_with_free_func (g_object_unref);
    gint64 id = crm_store_add_follow_up (walk.store, customer, crm_store_now (walk.store) - 2 * 86400,
                                         "Send the invoice", 0, &error);

    g_ptr_array_add (missed, crm_store_get_follow_up (walk.store, id));
    crm_store_mark_follow_ups_notified (walk.store, missed, crm_store_now (walk.store) - 2 * 86400, &error);
    g_assert_no_error (error);
  }
  feedback = crm_store_add_feedback (walk.store, &praise, &error);
  g_assert_no_error (error);
  spin_main_loop ();
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    check_section (&walk, i);

  /* The customer's page and what it opens. */
  crm_window_show_customer (CRM_WINDOW (window), customer);
  spin_main_loop ();
  g_assert_true (gtk_widget_get_mapped (find_widget (GTK_WIDGET (window), CRM_TYPE_CUSTOMER_PAGE, NULL)));
  check_window (&walk, window, "customer page");
  check_dialog (&walk, crm_record_dialog_new (window, walk.store, customer, TRUE), "record purchase");
  check_dialog (&walk, crm_record_dialog_new (window, walk.store, customer, FALSE), "log interaction");
  {
    CrmTimelineEntry sale = { CRM_TIMELINE_PURCHASE, bought, crm_store_now (walk.store) - 3600, 2550, NULL, "Bread", NULL };
    CrmTimelineEntry call = { CRM_TIMELINE_INTERACTION, called, crm_store_now (walk.store) - 7200, 0, "call", "Cake", NULL };

    check_dialog (&walk, crm_record_dialog_new_edit (window, walk.store, customer, &sale), "edit purchase");
    check_dialog (&walk, crm_record_dialog_new_edit (window, walk.store, customer, &call), "edit contact");
  }
  check_dialog (&walk, activate_for_dialog (&walk, "win.new-follow-up", CRM_TYPE_FOLLOW_UP_DIALOG),
                "follow-up dialog");
  check_complaint_prompt (&walk);

  /* The loyalty programme on and points to spend: the points on the
   * page, points off a bill, Spend Points. */
  {
    CrmLoyaltySettings loyalty;

    crm_loyalty_settings_load (walk.store, &loyalty);
    loyalty.enabled = TRUE;
    g_assert_true (crm_loyalty_settings_save (walk.store, &loyalty, &error));
    g_assert_cmpint (crm_store_add_reward (walk.store, "Coffee", 10, &error), >, 0);
    g_assert_cmpint (crm_store_adjust_points (walk.store, customer, 50, "Welcome", &error), >, 0);
    spin_main_loop ();
    check_window (&walk, window, "customer page with points");
    check_dialog (&walk, crm_record_dialog_new (window, walk.store, customer, TRUE), "points off a bill");
    check_dialog (&walk, crm_spend_points_dialog_new (window, walk.store, customer), "spend points");
  }

  /* One feedback entry open in the inbox. */
  show_section (&walk, 2);
  crm_feedback_page_show_entry (CRM_FEEDBACK_PAGE (find_widget (GTK_WIDGET (window), CRM_TYPE_FEEDBACK_PAGE, NULL)),
                                feedback);
  check_window (&walk, window, "feedback entry");

  check_preferences (&walk);
  check_import (&walk);

  /* The main menu's other windows: Find Duplicates with a pair to show,
   * Restore, and the shared database in each of its three forms. */
  {
    CrmCustomerFields twin = { .name = "ნინო ბერიძე", .phone = "+995 555 12 34 56", .email = "nino@example.com" };
    CrmContext *context = crm_application_get_context (app);

    g_assert_cmpint (crm_store_add_customer (walk.store, &twin, &error), >, 0);
    g_assert_no_error (error);
    check_dialog (&walk, crm_duplicates_dialog_new (window, walk.store), "find duplicates");
    check_dialog (&walk, crm_restore_dialog_new (window, crm_context_get_data_dir (context)), "restore");
    check_dialog (&walk, crm_shared_database_dialog_new (window, app, CRM_SHARED_DATABASE_USE), "use a shared database");
    check_dialog (&walk, crm_shared_database_dialog_new (window, app, CRM_SHARED_DATABASE_MOVE_THERE),
                  "move the shop to a shared database");
    check_dialog (&walk, crm_shared_database_dialog_new (window, app, CRM_SHARED_DATABASE_MOVE_BACK),
                  "move the shop back to this PC");
  }

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  check_dialog (&walk, find_toplevel (ADW_TYPE_ABOUT_WINDOW), "About");

  /* Enough was looked at for the walk to mean something. */
  g_assert_cmpuint (walk.checked, >, 40);
  g_assert_cmpstr (walk.collisions->str, ==, "");
  g_string_free (walk.collisions, TRUE);
  g_assert_cmpuint (walk.named, >, 200);
  g_assert_cmpstr (walk.names->str, ==, "");
  g_string_free (walk.names, TRUE);
}

static void
prepare_language (const char *language)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "language", language);
}

static void
prepare_english (const char *data_dir)
{
  prepare_language ("en");
}

static void
prepare_georgian (const char *data_dir)
{
  prepare_language ("ka");
}

static void
prepare_armenian (const char *data_dir)
{
  prepare_language ("hy");
}

static const UiCase ui_cases[] = {
  { "/ui/mnemonics/en", prepare_english, check_everything },
  { "/ui/mnemonics/ka", prepare_georgian, check_everything },
  { "/ui/mnemonics/hy", prepare_armenian, check_everything },
};

int
main (int   argc,
      char *argv[])
{
  crm_application_init_i18n ();
  gtk_test_init (&argc, &argv, NULL);

  add_ui_cases (ui_cases, G_N_ELEMENTS (ui_cases));

  return g_test_run ();
}
