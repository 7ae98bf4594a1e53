/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Messages and privacy on the real window: a Georgian customer who
 * agreed to marketing is sent "We miss you" through WhatsApp from their
 * page (the link handed over is read back from the test-only
 * CLIENTELE_URI_LOG instead of opening a browser), a customer without
 * consent is not offered it and is told why, and a customer is erased
 * from their page. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "crm-customer-page.h"
#include "crm-message-compose.h"
#include "crm-send-dialog.h"
#include "crm-store.h"
#include "crm-window.h"
#include "ui-helpers.h"

static CrmStore *
store_of (CrmApplication *app)
{
  return crm_context_get_store (crm_application_get_context (app));
}

static void
prepare_shop (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (data_dir, &error);
  CrmCustomerFields nino = {
    .name = "ნინო ბერიძე", .phone = "599 12 34 56", .email = "nino@example.ge",
    .notes = "ლავანდის საპონი უყვარს", .language = "ka", .channel = "whatsapp",
    .marketing_consent = TRUE, .consent_source = "in_person",
  };
  CrmCustomerFields ani = { .name = "Ani Petrosyan", .phone = "+374 91 123456", .channel = "sms" };

  g_assert_no_error (error);
  g_assert_true (crm_store_set_setting (store, "shop.currency", "GEL", &error));
  g_assert_true (crm_store_set_setting (store, "shop.name", "მაღაზია „ია“", &error));
  g_assert_cmpint (crm_store_add_customer (store, &nino, &error), ==, 1);
  g_assert_cmpint (crm_store_add_customer (store, &ani, &error), ==, 2);
  g_assert_no_error (error);
}

static CrmSendDialog *
open_send_dialog (GtkWindow *window,
                  gint64     customer_id)
{
  GtkWidget *page;
  GtkWindow *dialog;

  crm_window_show_customer (CRM_WINDOW (window), customer_id);
  spin_main_loop ();
  page = find_widget (GTK_WIDGET (window), CRM_TYPE_CUSTOMER_PAGE, NULL);
  g_assert_nonnull (find_button (page, "Send _Message…"));
  g_signal_emit_by_name (find_button (page, "Send _Message…"), "clicked");
  spin_main_loop ();

  dialog = find_toplevel (CRM_TYPE_SEND_DIALOG);
  g_assert_nonnull (dialog);
  return CRM_SEND_DIALOG (dialog);
}

/* Picks the entry titled @title of the combo row titled @row_title. */
static void
choose (GtkWidget  *root,
        const char *row_title,
        const char *title)
{
  AdwComboRow *row = ADW_COMBO_ROW (find_row (root, row_title));
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), title))
      {
        adw_combo_row_set_selected (row, i);
        spin_main_loop ();
        return;
      }

  g_error ("No “%s” in “%s”", title, row_title);
}

static void
check_send_miss_you (CrmApplication *app,
                     GtkWindow      *window,
                     gpointer        data)
{
  CrmStore *store = store_of (app);
  g_autofree char *dir = g_dir_make_tmp ("clientele-uri-XXXXXX", NULL);
  g_autofree char *log = g_build_filename (dir, "uris", NULL);
  g_autofree char *handed = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(CrmCustomer) nino = crm_store_get_customer (store, 1);
  g_autoptr(GPtrArray) timeline = NULL;
  g_auto(CrmMessageDraft) draft = { 0 };
  CrmSendDialog *dialog;

  g_setenv ("CLIENTELE_URI_LOG", log, TRUE);
  dialog = open_send_dialog (window, 1);

  /* In her language and channel; every message offered, she agreed. */
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (
                      ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), "_Message")))), ==, CRM_MESSAGE_N_TEMPLATES);
  choose (GTK_WIDGET (dialog), "_Message", "We Miss You");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), "_Language"))), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), "C_hannel"))), ==, 4);

  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Send"), "clicked");
  spin_main_loop ();
  g_assert_null (find_toplevel (CRM_TYPE_SEND_DIALOG));

  /* The link handed over: WhatsApp, her full number, the Georgian text escaped. */
  crm_message_compose (store, nino, CRM_MESSAGE_MISS_YOU, "en", &draft);
  g_assert_true (g_str_has_prefix (draft.body, "ძვირფასო ნინო ბერიძე, მოგვენატრეთ!"));
  g_assert_true (g_str_has_suffix (draft.body, "მაღაზია „ია“"));
  escaped = g_uri_escape_string (draft.body, NULL, FALSE);
  expected = g_strconcat ("https://wa.me/995599123456?text=", escaped, "\n", NULL);
  g_assert_true (g_file_get_contents (log, &handed, NULL, NULL));
  g_assert_cmpstr (handed, ==, expected);

  /* And it is in her history. */
  timeline = crm_store_list_timeline (store, 1, 10);
  g_assert_cmpuint (timeline->len, ==, 1);
  g_assert_cmpstr (((CrmTimelineEntry *) g_ptr_array_index (timeline, 0))->what, ==, "message");

  g_unsetenv ("CLIENTELE_URI_LOG");
  g_unlink (log);
  g_rmdir (dir);
}

static void
check_no_consent (CrmApplication *app,
                  GtkWindow      *window,
                  gpointer        data)
{
  CrmSendDialog *dialog = open_send_dialog (window, 2);
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), "_Message")));
  AdwPreferencesGroup *group;

  /* Only the service messages, and the reason for the rest. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      const char *title = gtk_string_list_get_string (GTK_STRING_LIST (model), i);

      g_assert_cmpstr (title, !=, "Birthday Wish");
      g_assert_cmpstr (title, !=, "We Miss You");
    }
  group = ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (find_row (GTK_WIDGET (dialog), "_Message"),
                                                          ADW_TYPE_PREFERENCES_GROUP));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (group), "Birthday Wish"));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (group), "not agreed"));

  /* The English shop language for a customer without one. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_row (GTK_WIDGET (dialog), "_Language"))), ==, 0);
  gtk_window_close (GTK_WINDOW (dialog));
  spin_main_loop ();
}

static void
check_erase (CrmApplication *app,
             GtkWindow      *window,
             gpointer        data)
{
  CrmStore *store = store_of (app);
  g_autoptr(CrmCustomer) erased = NULL;
  GtkWidget *page;
  GtkWindow *question;

  crm_window_show_customer (CRM_WINDOW (window), 1);
  spin_main_loop ();
  page = find_widget (GTK_WIDGET (window), CRM_TYPE_CUSTOMER_PAGE, NULL);
  g_signal_emit_by_name (find_row (page, "E_rase This Customer…"), "activated");
  spin_main_loop ();

  /* Asked first; Cancel is the default and keeps everything. */
  question = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (question)), ==, "cancel");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "erase");
  spin_main_loop ();

  erased = crm_store_get_customer (store, 1);
  g_assert_cmpstr (crm_customer_get_name (erased), ==, "Erased customer #1");
  g_assert_cmpstr (crm_customer_get_phone (erased), ==, "");
  g_assert_cmpstr (crm_customer_get_notes (erased), ==, "");
  /* The page shows what is left. */
  g_assert_nonnull (find_label (page, "Erased customer #1"));
}

static const UiCase ui_cases[] = {
  { "/ui/messages/send-miss-you-whatsapp", prepare_shop, check_send_miss_you },
  { "/ui/messages/no-consent-no-marketing", prepare_shop, check_no_consent },
  { "/ui/messages/erase-from-window", prepare_shop, check_erase },
};

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  add_ui_cases (ui_cases, G_N_ELEMENTS (ui_cases));

  return g_test_run ();
}
