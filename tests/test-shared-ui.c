/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Preferences → Use a Shared Database… in the real window: an address
 * where nothing answers is said in words and nothing changes; a shop on
 * this computer's file moved to a shared database and back, its counts
 * shown before and after, the application on the new database each
 * time, the address kept without a password and the old file kept. The
 * moving half needs a test server (CLIENTELE_TEST_DATABASE). */

#include "config.h"

#include <string.h>

#include "crm-demo.h"
#include "crm-shared-database-dialog.h"
#include "crm-store.h"
#include "shop-fixture.h"
#include "ui-helpers.h"

#define CUSTOMERS 30

/* The shared database the moving case uses, made by its prepare(). */
static char *shared;

static gboolean
give_up_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static const char *
page_of (GtkWindow *dialog)
{
  GtkWidget *stack = find_widget (GTK_WIDGET (dialog), GTK_TYPE_STACK, NULL);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

/* Runs the main loop while the dialog's worker connects or copies, until
 * it shows @page (at most a minute: a bound for a broken build, not a
 * timed assertion). */
static void
wait_for_page (GtkWindow  *dialog,
               const char *page)
{
  gboolean gave_up = FALSE;
  guint id = g_timeout_add_seconds (60, give_up_cb, &gave_up);

  while (g_strcmp0 (page_of (dialog), page) != 0 && !gave_up)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (gave_up);
  g_source_remove (id);
}

static GtkWindow *
open_dialog (CrmApplication *app,
             const char     *action)
{
  GtkWindow *dialog;

  g_action_group_activate_action (G_ACTION_GROUP (app), action, NULL);
  spin_main_loop ();
  dialog = find_toplevel (CRM_TYPE_SHARED_DATABASE_DIALOG);
  g_assert_nonnull (dialog);
  return dialog;
}

static void
click (GtkWindow  *dialog,
       const char *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button) && gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
enter_address (GtkWindow  *dialog,
               const char *address)
{
  GtkWidget *row = find_row (GTK_WIDGET (dialog), "_Address, such as postgresql://till@shop-server/shop");

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), address);
  click (dialog, "Co_nnect");
}

static const char *
subtitle_of (GtkWindow  *dialog,
             const char *title)
{
  GtkWidget *row = find_row (GTK_WIDGET (dialog), title);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static CrmStore *
shop_store (CrmApplication *app)
{
  return crm_context_get_store (crm_application_get_context (app));
}

static void
check_nothing_answers (CrmApplication *app,
                       GtkWindow      *window,
                       gpointer        data)
{
  GtkWindow *dialog = open_dialog (app, "use-shared-database");
  g_autofree char *saved = NULL;
  GtkWidget *error;

  /* A port where nothing listens, on this machine. */
  enter_address (dialog, "postgresql://till@127.0.0.1:1/shop");
  wait_for_page (dialog, "address");

  error = find_widget (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "error");
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (error)), "Nothing answered at"));

  /* Still the file, and nothing remembered. */
  g_assert_false (crm_store_is_shared (shop_store (app)));
  saved = g_settings_get_string (crm_application_get_settings (app), "database");
  g_assert_cmpstr (saved, ==, "");
  gtk_window_destroy (dialog);
}

static void
prepare_shop (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (data_dir, &error);
  g_autoptr(CrmStore) target = NULL;
  g_autofree char *shared_dir = g_dir_make_tmp ("clientele-ui-XXXXXX", NULL);

  g_assert_no_error (error);
  g_assert_true (crm_demo_fill (store, CUSTOMERS, 7, &error));
  g_assert_no_error (error);

  /* An empty shared database, made as the store tests make theirs. */
  g_setenv ("CLIENTELE_TEST_ENGINE", "postgresql", TRUE);
  target = shop_store_open (shared_dir, &error);
  g_assert_no_error (error);
  shared = shop_fixture_dup_conninfo (shared_dir);
  g_unsetenv ("CLIENTELE_TEST_ENGINE");
}

static guint
customers_in_file (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (data_dir, &error);

  g_assert_no_error (error);
  return crm_store_count_customers (store);
}

static gboolean
has_kept_file (const char *data_dir)
{
  g_autoptr(GDir) dir = g_dir_open (data_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "clientele-before-move-"))
      return TRUE;

  return FALSE;
}

static void
check_move_and_back (CrmApplication *app,
                     GtkWindow      *window,
                     gpointer        data)
{
  const char *data_dir = data;
  GSettings *settings = crm_application_get_settings (app);
  g_autofree char *expected = g_strdup_printf ("%u customers, ", CUSTOMERS);
  g_autofree char *saved = NULL;
  GtkWindow *dialog;

  /* There: the shop's counts first, then before and after. */
  dialog = open_dialog (app, "move-shop-to-shared");
  enter_address (dialog, shared);
  wait_for_page (dialog, "found");
  g_assert_true (g_str_has_prefix (subtitle_of (dialog, "This shop, on this computer"), expected));
  click (dialog, "_Move");
  wait_for_page (dialog, "done");
  g_assert_true (g_str_has_prefix (subtitle_of (dialog, "After, on the shared database"), expected));
  g_assert_cmpstr (subtitle_of (dialog, "After, on the shared database"), ==,
                   subtitle_of (dialog, "Before, on this computer"));

  g_assert_true (crm_store_is_shared (shop_store (app)));
  g_assert_cmpuint (crm_store_count_customers (shop_store (app)), ==, CUSTOMERS);
  /* As typed (trimmed): there was no password to leave out. */
  saved = g_settings_get_string (settings, "database");
  g_assert_cmpstr (saved, ==, g_strstrip (shared));
  /* The file is kept as it was. */
  g_assert_cmpuint (customers_in_file (data_dir), ==, CUSTOMERS);
  click (dialog, "_Close");
  spin_main_loop ();

  /* And back into a new file, the one from before kept beside it. */
  dialog = open_dialog (app, "move-shop-to-file");
  wait_for_page (dialog, "found");
  g_assert_true (g_str_has_prefix (subtitle_of (dialog, "On the shared database"), expected));
  click (dialog, "_Move");
  wait_for_page (dialog, "done");
  g_assert_cmpstr (subtitle_of (dialog, "After, on this computer"), ==,
                   subtitle_of (dialog, "Before, on the shared database"));

  g_assert_false (crm_store_is_shared (shop_store (app)));
  g_assert_cmpuint (crm_store_count_customers (shop_store (app)), ==, CUSTOMERS);
  g_clear_pointer (&saved, g_free);
  saved = g_settings_get_string (settings, "database");
  g_assert_cmpstr (saved, ==, "");
  g_assert_true (has_kept_file (data_dir));
  click (dialog, "_Close");
  spin_main_loop ();
}

static const UiCase cases[] = {
  { "/ui/shared/nothing-answers", NULL, check_nothing_answers },
  { "/ui/shared/move-and-back", prepare_shop, check_move_and_back },
};

int
main (int   argc,
      char *argv[])
{
  const char *server = g_getenv ("CLIENTELE_TEST_DATABASE");

  crm_application_init_i18n ();
  gtk_test_init (&argc, &argv, NULL);

  /* Moving needs a server; without one only the first case runs. */
  add_ui_cases (cases, server != NULL && server[0] != '\0' ? G_N_ELEMENTS (cases) : 1);

  return g_test_run ();
}
