/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The data-safety story in the real window: a damaged shop opens on the
 * recovery page and the file stays as it was; the newest good backup
 * brings everything back without a restart; Restore… shows what a backup
 * holds before anything changes; Preferences → Shop Data; an import
 * from a terminal shows up in the open window.
 *
 * With CLIENTELE_SHOTS_DIR set, each step is also saved there as a PNG,
 * in the language of CLIENTELE_SHOTS_LANG (en, ka, hy), to look at. */

#include "config.h"

#include <glib/gstdio.h>

#include "crm-application.h"
#include "crm-customers-page.h"
#include "crm-preferences-window.h"
#include "crm-store-backup.h"
#include "crm-window.h"
#include "damage-util.h"
#include "ui-helpers.h"

#define CHECKSUM_FILE "damaged.sha256"

/* What the window says, in the language it speaks (English in CI, the
 * language of the pictures otherwise). */
#define T(text) g_dgettext (GETTEXT_PACKAGE, text)

static char *
customers_text (guint n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u customer", "%u customers", n), n);
}

/* Waits for @cond while the main loop runs (workers finish, the store
 * polls): an event, not a time, is what the test waits for; the cap only
 * turns a hang into a failure. */
static gboolean
wait_until (gboolean (*cond) (gpointer data),
            gpointer   data)
{
  gint64 give_up = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!cond (data))
    {
      if (g_get_monotonic_time () > give_up)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }

  return TRUE;
}

static gboolean
drawn (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_width (data) > 0;
}

/* A picture of @widget's window for a person to look at. */
static void
save_shot (GtkWidget  *widget,
           const char *name)
{
  const char *dir = g_getenv ("CLIENTELE_SHOTS_DIR");
  const char *lang = g_getenv ("CLIENTELE_SHOTS_LANG");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL)
    return;

  wait_until (drawn, widget);
  spin_main_loop ();
  paintable = gtk_widget_paintable_new (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s-%s.png", name, lang != NULL ? lang : "en");
  path = g_build_filename (dir, file, NULL);
  gdk_texture_save_to_png (texture, path);
}

static void
prepare_language (void)
{
  const char *lang = g_getenv ("CLIENTELE_SHOTS_LANG");
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "language", lang != NULL && !g_str_equal (lang, "en") ? lang : "");
}

static GtkStack *
main_stack_of (GtkWindow *window)
{
  return GTK_STACK (find_widget (GTK_WIDGET (window), GTK_TYPE_STACK, NULL));
}

/* A shop with a day's backup, then more work after it. */
static void
fill_with_backup (const char *data_dir,
                  guint       after_backup)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (data_dir, &error);

  g_assert_no_error (error);
  /* No question about the currency on top of the window. */
  g_assert_true (crm_store_set_setting (store, "shop.currency", "GEL", &error));
  fill_shop (store, 300);
  g_assert_true (crm_store_back_up_daily (data_dir, NULL, crm_store_now (store), FALSE, NULL, &error));
  g_assert_no_error (error);
  fill_shop (store, after_backup);
}

static void
prepare_damaged (const char *data_dir,
                 Damage      damage)
{
  g_autofree char *db = shop_db_path (data_dir);
  g_autofree char *sum_path = g_build_filename (data_dir, CHECKSUM_FILE, NULL);
  g_autofree char *sum = NULL;

  prepare_language ();
  fill_with_backup (data_dir, 5);
  damage_file (db, damage);
  /* The application logs why the shop did not open. */
  g_test_expect_message ("crm-application", G_LOG_LEVEL_WARNING, "*");
  sum = file_checksum (db);
  g_assert_true (g_file_set_contents (sum_path, sum, -1, NULL));
}

static void
assert_unchanged (const char *data_dir)
{
  g_autofree char *db = shop_db_path (data_dir);
  g_autofree char *sum_path = g_build_filename (data_dir, CHECKSUM_FILE, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = file_checksum (db);

  g_assert_true (g_file_get_contents (sum_path, &before, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
}

static gboolean
newest_found (gpointer data)
{
  GtkWidget *button = find_button (GTK_WIDGET (data), T ("_Open the Newest Good Backup"));

  return button != NULL && gtk_widget_get_sensitive (button);
}

/* Each damage: the recovery page, in words that name the file; the way
 * back offered; Save What Can Be Read only where SQLite can still read. */
static void
check_recovery (CrmApplication *app,
                GtkWindow      *window,
                gpointer        data)
{
  const char *data_dir = data;
  const GError *error = crm_application_get_load_error (app);
  g_autofree char *db = shop_db_path (data_dir);
  AdwStatusPage *page;
  GtkWidget *salvage;

  g_assert_null (crm_application_get_context (app));
  g_assert_nonnull (error);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack_of (window)), ==, "recovery");

  page = ADW_STATUS_PAGE (find_widget (gtk_stack_get_visible_child (main_stack_of (window)),
                                       ADW_TYPE_STATUS_PAGE, NULL));
  g_assert_nonnull (strstr (adw_status_page_get_description (page), db));
  g_assert_true (wait_until (newest_found, window));
  /* The newest good backup's counts, before anything is chosen. */
  {
    g_autofree char *counts = customers_text (300);

    g_assert_nonnull (strstr (adw_status_page_get_description (page), counts));
  }

  salvage = find_button (GTK_WIDGET (window), T ("_Save What Can Be Read…"));
  g_assert_nonnull (salvage);
  g_assert_cmpint (gtk_widget_get_visible (salvage), ==,
                   g_error_matches (error, CRM_STORE_ERROR, CRM_STORE_ERROR_DAMAGED));

  /* Nothing that reaches into the shop works without one: no dialog, no
   * other page. */
  {
    guint toplevels = g_list_model_get_n_items (gtk_window_get_toplevels ());

    gtk_widget_activate_action (GTK_WIDGET (window), "win.back-up", NULL);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.export-customers", NULL);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "feedback");
    spin_main_loop ();
    g_assert_cmpuint (g_list_model_get_n_items (gtk_window_get_toplevels ()), ==, toplevels);
    g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack_of (window)), ==, "recovery");
  }

  save_shot (GTK_WIDGET (window), "recovery");
  assert_unchanged (data_dir);
}

#define DAMAGE_CASE(name, damage) \
  static void prepare_##name (const char *data_dir) { prepare_damaged (data_dir, damage); }
DAMAGE_CASE (zeroed_page, DAMAGE_ZEROED_PAGE)
DAMAGE_CASE (truncated, DAMAGE_TRUNCATED)
DAMAGE_CASE (zeros, DAMAGE_ZEROS)
DAMAGE_CASE (flipped, DAMAGE_FLIPPED)
DAMAGE_CASE (text, DAMAGE_TEXT)

static GtkWindow *
find_message_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return window;
    }

  return NULL;
}

/* The file chooser on screen (earlier ones may linger, hidden). */
static GtkWindow *
visible_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static gboolean
chooser_shown (gpointer data)
{
  return visible_chooser () != NULL;
}

/* The chooser is in @data (a folder), or in any folder for NULL. */
static gboolean
in_folder (gpointer data)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (visible_chooser ());
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (chooser);

  return folder != NULL && (data == NULL || g_file_equal (folder, data));
}

static gboolean
chooser_gone (gpointer data)
{
  return !chooser_shown (NULL);
}

/* Answers the file chooser a menu item opened as a person would: this
 * folder, this name, the button that accepts. The chooser loads its
 * first folder in the background; a folder chosen before that is lost. */
static void
accept_file_chooser (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);
  GtkWindow *chooser;

  g_assert_true (wait_until (chooser_shown, NULL));
  chooser = visible_chooser ();
  g_assert_true (wait_until (in_folder, NULL));
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
  g_assert_true (wait_until (in_folder, folder));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  g_assert_true (wait_until (chooser_gone, NULL));
}

static gboolean
confirm_shown (gpointer data)
{
  return find_message_dialog (T ("Restore This Backup?")) != NULL;
}

typedef struct
{
  CrmApplication *app;
  GtkWindow      *old;
} Reopen;

static gboolean
shop_reopened (gpointer data)
{
  Reopen *reopen = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (reopen->app));

  /* Reopened means checked, and the list read whole (a big list reads
   * the rest of its rows on a worker). */
  return crm_application_get_context (reopen->app) != NULL && window != NULL && window != reopen->old &&
         gtk_widget_get_mapped (GTK_WIDGET (window)) && !crm_application_is_loading (reopen->app) &&
         CRM_IS_WINDOW (window) &&
         !crm_customers_page_is_settling (crm_window_get_customers_page (CRM_WINDOW (window)));
}

/* Says yes to the restore the confirmation describes, and waits for the
 * shop to come back in a new window. */
static GtkWindow *
confirm_restore (CrmApplication *app,
                 GtkWindow      *window,
                 guint           expected_customers)
{
  Reopen reopen = { app, window };
  g_autofree char *expected_counts = customers_text (expected_customers);
  AdwMessageDialog *confirm;

  g_assert_true (wait_until (confirm_shown, NULL));
  confirm = ADW_MESSAGE_DIALOG (find_message_dialog (T ("Restore This Backup?")));
  /* What the backup holds is said before anything changes. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), expected_counts));
  save_shot (GTK_WIDGET (confirm), "restore-confirm");
  adw_message_dialog_response (confirm, "restore");

  g_assert_true (wait_until (shop_reopened, &reopen));
  return gtk_application_get_active_window (GTK_APPLICATION (app));
}

static guint
listed_customers (GtkWindow *window)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, NULL));

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view)));
}

/* The whole way back: the newest good backup takes the damaged file's
 * place, which is kept byte for byte, and the shop reopens on it. */
static void
check_restore_newest (CrmApplication *app,
                      GtkWindow      *window,
                      gpointer        data)
{
  const char *data_dir = data;
  g_autofree char *folder = crm_store_backup_folder (data_dir);
  g_autofree char *sum_path = g_build_filename (data_dir, CHECKSUM_FILE, NULL);
  g_autofree char *damaged_sum = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  GtkWindow *reopened;
  gboolean kept = FALSE;

  g_assert_true (wait_until (newest_found, window));
  g_signal_emit_by_name (find_button (GTK_WIDGET (window), T ("_Open the Newest Good Backup")), "clicked");
  reopened = confirm_restore (app, window, 300);

  g_assert_true (CRM_IS_WINDOW (reopened));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack_of (reopened)), ==, "shop");
  g_assert_cmpuint (crm_store_count_customers (crm_context_get_store (crm_application_get_context (app))), ==, 300);
  g_assert_cmpuint (listed_customers (reopened), ==, 300);
  save_shot (GTK_WIDGET (reopened), "restored");

  g_assert_true (g_file_get_contents (sum_path, &damaged_sum, NULL, NULL));
  backups = crm_store_list_backups (folder);
  for (guint i = 0; i < backups->len; i++)
    {
      CrmBackup *backup = g_ptr_array_index (backups, i);
      g_autofree char *sum = NULL;

      if (backup->kind != CRM_BACKUP_DAMAGED)
        continue;
      sum = file_checksum (backup->path);
      kept |= g_str_equal (sum, damaged_sum);
    }
  g_assert_true (kept);
}

static gboolean
salvaged_shown (gpointer data)
{
  return find_message_dialog (T ("What Could Be Read Is Saved")) != NULL;
}

/* Save What Can Be Read…: a new file with what still reads, what was lost
 * said in words, and that file can take the damaged one's place. */
static void
check_salvage (CrmApplication *app,
               GtkWindow      *window,
               gpointer        data)
{
  const char *data_dir = data;
  g_autofree char *saved = g_build_filename (data_dir, "what-could-be-read.db", NULL);
  g_autofree char *lost_words = g_strdup (T ("Could not be read: %s."));
  AdwMessageDialog *dialog;
  CrmShopCounts counts = { 0 };
  GtkWindow *reopened;

  g_signal_emit_by_name (find_button (GTK_WIDGET (window), T ("_Save What Can Be Read…")), "clicked");
  accept_file_chooser (saved);

  g_assert_true (wait_until (salvaged_shown, NULL));
  dialog = ADW_MESSAGE_DIALOG (find_message_dialog (T ("What Could Be Read Is Saved")));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), saved));
  /* The words before the list of what was lost. */
  *strstr (lost_words, "%s") = '\0';
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), lost_words));
  save_shot (GTK_WIDGET (dialog), "salvaged");

  g_assert_true (crm_store_inspect_file (saved, &counts, NULL));
  g_assert_cmpuint (counts.customers, >, 200);
  g_assert_cmpuint (counts.customers, <, 305);
  assert_unchanged (data_dir);

  adw_message_dialog_response (dialog, "use");
  reopened = confirm_restore (app, window, (guint) counts.customers);
  g_assert_cmpuint (listed_customers (reopened), ==, counts.customers);
}

static void
prepare_healthy (const char *data_dir)
{
  prepare_language ();
  fill_with_backup (data_dir, 4);
}

static gboolean
restore_dialog_shown (gpointer data)
{
  return find_toplevel (g_type_from_name ("CrmRestoreDialog")) != NULL;
}

/* Restore… from the menu: the shop's backups listed, the chosen one's
 * counts and the shop's own shown before anything changes, the replaced
 * shop kept as a backup of its own. */
static void
check_menu_restore (CrmApplication *app,
                    GtkWindow      *window,
                    gpointer        data)
{
  const char *data_dir = data;
  g_autofree char *folder = crm_store_backup_folder (data_dir);
  g_autoptr(GPtrArray) backups = NULL;
  GtkWindow *dialog;
  GtkWidget *row;
  GtkWindow *reopened;
  AdwMessageDialog *confirm;
  gboolean kept = FALSE;

  g_assert_cmpuint (listed_customers (window), ==, 304);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore", NULL));
  g_assert_true (wait_until (restore_dialog_shown, NULL));
  dialog = find_toplevel (g_type_from_name ("CrmRestoreDialog"));
  /* The newest first: today's daily copy, or the monthly one made from it. */
  row = find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, NULL);
  g_assert_nonnull (row);
  g_assert_true (g_str_equal (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), T ("Daily backup")) ||
                 g_str_equal (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), T ("Monthly backup")));
  save_shot (GTK_WIDGET (dialog), "restore-choose");
  g_signal_emit_by_name (row, "activated");

  g_assert_true (wait_until (confirm_shown, NULL));
  confirm = ADW_MESSAGE_DIALOG (find_message_dialog (T ("Restore This Backup?")));
  /* The shop as it is now, in the same words. */
  {
    g_autofree char *now = customers_text (304);

    g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), now));
  }
  reopened = confirm_restore (app, window, 300);
  g_assert_cmpuint (listed_customers (reopened), ==, 300);

  backups = crm_store_list_backups (folder);
  for (guint i = 0; i < backups->len; i++)
    {
      CrmBackup *backup = g_ptr_array_index (backups, i);
      CrmShopCounts counts = { 0 };

      if (backup->kind == CRM_BACKUP_BEFORE_RESTORE)
        kept = crm_store_inspect_file (backup->path, &counts, NULL) && counts.customers == 304;
    }
  g_assert_true (kept);
}

typedef struct
{
  GtkWindow *window;
  guint      expected;
} Listed;

static gboolean
listed (gpointer data)
{
  Listed *wanted = data;

  return listed_customers (wanted->window) == wanted->expected;
}

static void
prepare_small (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (data_dir, &error);

  g_assert_no_error (error);
  fill_shop (store, 3);
}

/* A second program writes: the real clientele --import from a terminal,
 * while this window has the shop open; the window lists the new customers
 * without a restart. */
static void
check_cli_import (CrmApplication *app,
                  GtkWindow      *window,
                  gpointer        data)
{
  const char *data_dir = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = g_build_filename (data_dir, "new.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { g_getenv ("CLIENTELE_BINARY"), "--data-dir", data_dir, "--import", csv, NULL };
  Listed wanted = { window, 5 };
  int status = -1;

  g_assert_nonnull (argv[0]);
  g_assert_cmpuint (listed_customers (window), ==, 3);
  g_assert_true (g_file_set_contents (csv, "Name,Phone\nნინო ბერიძე,+995 555 11 22 33\n"
                                           "Արամ Պետրոսյան,+374 91 123456\n", -1, &error));

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("--import failed: %s%s", out, err);

  g_assert_true (wait_until (listed, &wanted));
}

static char *
today_daily (const char *data_dir)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "daily-%Y-%m-%d.db");
  g_autofree char *folder = crm_store_backup_folder (data_dir);

  return g_build_filename (folder, name, NULL);
}

static gboolean
not_backing_up (gpointer data)
{
  return !crm_context_is_backing_up (data);
}

static gboolean
label_contains (GtkWidget  *root,
                const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (label_contains (child, text))
      return TRUE;

  return FALSE;
}

typedef struct
{
  GtkWindow  *window;
  const char *path;
} Written;

/* The window's toast names the file: the job is done. */
static gboolean
file_written (gpointer data)
{
  const Written *written = data;

  return label_contains (GTK_WIDGET (written->window), written->path);
}

static GtkMenuButton *
primary_menu (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (root)))
    return GTK_MENU_BUTTON (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = primary_menu (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The main menu's Export Customers… and Back Up Shop…, through the file
 * chooser as a person would: the CSV holds the customers, the copy passes
 * its check and holds the shop. */
static void
check_menu_files (CrmApplication *app,
                  GtkWindow      *window,
                  gpointer        data)
{
  const char *data_dir = data;
  g_autofree char *csv = g_build_filename (data_dir, "customers.csv", NULL);
  g_autofree char *copy = g_build_filename (data_dir, "copy.db", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  GtkMenuButton *menu = NULL;
  CrmShopCounts counts = { 0 };
  Written written = { window, csv };

  /* A picture of the main menu with the new items. */
  menu = primary_menu (GTK_WIDGET (window));
  g_assert_nonnull (menu);
  gtk_menu_button_popup (menu);
  spin_main_loop ();
  save_shot (GTK_WIDGET (gtk_menu_button_get_popover (menu)), "main-menu");
  gtk_menu_button_popdown (menu);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-customers", NULL));
  accept_file_chooser (csv);
  g_assert_true (wait_until (file_written, &written));
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  lines = g_strsplit (g_strstrip (contents), "\n", -1);
  /* The header and one line per customer. */
  g_assert_cmpuint (g_strv_length (lines), ==, 305);

  written.path = copy;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back-up", NULL));
  accept_file_chooser (copy);
  g_assert_true (wait_until (file_written, &written));
  g_assert_true (crm_store_inspect_file (copy, &counts, NULL));
  g_assert_cmpuint (counts.customers, ==, 304);
}

/* Preferences → Shop Data: the last good backup, Back Up Now, and a
 * second folder that is missing (a quiet line) or there (a copy). */
static void
check_preferences (CrmApplication *app,
                   GtkWindow      *window,
                   gpointer        data)
{
  const char *data_dir = data;
  CrmContext *context = crm_application_get_context (app);
  GSettings *settings = crm_application_get_settings (app);
  g_autofree char *stick = g_build_filename (data_dir, "stick", NULL);
  g_autofree char *missing = g_build_filename (data_dir, "no-stick", NULL);
  g_autoptr(GPtrArray) copies = NULL;
  g_autofree char *daily = NULL;
  GtkWindow *preferences;
  AdwActionRow *last, *second;
  GStatBuf before, after;

  g_assert_true (wait_until (not_backing_up, context));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = find_toplevel (CRM_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);

  last = ADW_ACTION_ROW (find_row (GTK_WIDGET (preferences), T ("Last Backup")));
  second = ADW_ACTION_ROW (find_row (GTK_WIDGET (preferences), T ("Second Folder")));
  g_assert_nonnull (last);
  g_assert_nonnull (second);
  g_assert_cmpstr (adw_action_row_get_subtitle (last), !=, T ("None yet"));
  g_assert_cmpstr (adw_action_row_get_subtitle (second), ==, T ("None"));

  /* A stick that is not plugged in: said quietly, never a dialog. */
  g_settings_set_string (settings, "backup-folder", missing);
  g_assert_true (wait_until (not_backing_up, context));
  spin_main_loop ();
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (second), missing));
  g_assert_cmpstr (adw_action_row_get_subtitle (second), !=, missing);
  g_assert_null (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* Plugged in: today's copy lands there. */
  g_assert_cmpint (g_mkdir (stick, 0700), ==, 0);
  g_settings_set_string (settings, "backup-folder", stick);
  g_assert_true (wait_until (not_backing_up, context));
  copies = crm_store_list_backups (stick);
  g_assert_cmpuint (copies->len, >=, 1);

  /* Back Up Now writes today's copy anew: a new file in its place. */
  daily = today_daily (data_dir);
  g_assert_cmpint (g_stat (daily, &before), ==, 0);
  g_signal_emit_by_name (find_button (GTK_WIDGET (preferences), T ("Back _Up Now")), "clicked");
  g_assert_true (crm_context_is_backing_up (context));
  g_assert_true (wait_until (not_backing_up, context));
  g_assert_cmpint (g_stat (daily, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, !=, after.st_ino);
  g_assert_cmpint (crm_context_get_last_backup (context), >=, after.st_mtime);

  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences),
                                           ADW_PREFERENCES_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (last),
                                                                                          ADW_TYPE_PREFERENCES_PAGE)));
  save_shot (GTK_WIDGET (preferences), "preferences-data");
  gtk_window_destroy (preferences);
}

static const UiCase ui_cases[] = {
  { "/ui/safety/recovery/zeroed-page", prepare_zeroed_page, check_recovery },
  { "/ui/safety/recovery/truncated", prepare_truncated, check_recovery },
  { "/ui/safety/recovery/zeros", prepare_zeros, check_recovery },
  { "/ui/safety/recovery/flipped", prepare_flipped, check_recovery },
  { "/ui/safety/recovery/text", prepare_text, check_recovery },
  { "/ui/safety/restore-newest", prepare_zeroed_page, check_restore_newest },
  { "/ui/safety/salvage", prepare_zeroed_page, check_salvage },
  { "/ui/safety/menu-files", prepare_healthy, check_menu_files },
  { "/ui/safety/menu-restore", prepare_healthy, check_menu_restore },
  { "/ui/safety/cli-import", prepare_small, check_cli_import },
  { "/ui/safety/preferences", prepare_healthy, check_preferences },
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
