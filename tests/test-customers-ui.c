/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The customer list and page as a person uses them, on the real window. */

#include "config.h"

#include <string.h>

#include "crm-customer-page.h"
#include "crm-customers-page.h"
#include "crm-follow-up-dialog.h"
#include "crm-follow-up-row.h"
#include "crm-follow-ups-page.h"
#include "crm-import-dialog.h"
#include "crm-record-dialog.h"
#include "crm-sales-import.h"
#include "crm-store.h"
#include "crm-window.h"
#include <glib/gstdio.h>

#include "ui-helpers.h"


static void
type_into (GtkWidget  *root,
           const char *title,
           const char *text)
{
  GtkWidget *row = find_row (root, title);

  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = find_button (root, label);

  if (button == NULL)
    g_error ("No button “%s”", label);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  spin_main_loop ();
}

static const char *
label_with_class (GtkWidget  *root,
                  const char *css_class)
{
  GtkWidget *label = find_widget (root, GTK_TYPE_LABEL, css_class);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static CrmStore *
store_of (CrmApplication *app)
{
  return crm_context_get_store (crm_application_get_context (app));
}

static void
prepare_currency (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (data_dir, &error);

  g_assert_no_error (error);
  g_assert_true (crm_store_set_setting (store, "shop.currency", "GEL", &error));
}

static void
record_purchase (GtkWidget  *customer_page,
                 const char *amount)
{
  CrmRecordDialog *dialog;

  click (customer_page, "Record _Purchase");
  dialog = CRM_RECORD_DIALOG (find_toplevel (CRM_TYPE_RECORD_DIALOG));
  g_assert_nonnull (dialog);
  type_into (GTK_WIDGET (dialog), "Amount (₾); negative for a refund", amount);
  type_into (GTK_WIDGET (dialog), "What was bought", "Birthday cake");
  g_assert_true (crm_record_dialog_save (dialog));
  spin_main_loop ();
  g_assert_null (find_toplevel (CRM_TYPE_RECORD_DIALOG));
}

static void
check_customer_becomes_key (CrmApplication *app,
                            GtkWindow      *window,
                            gpointer        data)
{
  g_autoptr(GError) error = NULL;
  CrmStore *store = store_of (app);
  CrmCustomersPage *page = crm_window_get_customers_page (CRM_WINDOW (window));
  GtkWidget *customer_page = find_widget (GTK_WIDGET (page), CRM_TYPE_CUSTOMER_PAGE, NULL);
  GtkWidget *error_label;
  const char *others[] = { "Անի Պետրոսյան", "Gor", "Lusine" };
  const gint64 spent[] = { 40000, 5000, 5000 };
  gint64 id;

  /* An empty shop offers to add a customer or load the sample. */
  g_assert_nonnull (find_button (GTK_WIDGET (page), "_Load Sample Shop"));

  /* Ctrl+N: a new, empty form. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-customer", NULL));
  spin_main_loop ();
  g_assert_cmpint (crm_customers_page_get_shown_id (page), ==, 0);

  /* A bad phone is explained, and nothing is written. */
  type_into (customer_page, "Name", "ნინო ბერიძე");
  type_into (customer_page, "Phone", "12");
  click (customer_page, "_Add Customer");
  error_label = find_widget (customer_page, GTK_TYPE_LABEL, "error");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "6 to 15"));
  g_assert_cmpuint (crm_store_count_customers (store), ==, 0);

  /* What was typed is still there; fix the phone and save. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (customer_page, "Name"))), ==, "ნინო ბერიძე");
  type_into (customer_page, "Phone", "+995 555 12 34 56");
  click (customer_page, "_Add Customer");
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_cmpuint (crm_store_count_customers (store), ==, 1);
  id = crm_customers_page_get_shown_id (page);
  g_assert_cmpint (id, >, 0);

  /* Others bring 400, 50 and 50 ₾: ours, with nothing, is secondary. */
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    {
      CrmCustomerFields fields = { .name = others[i] };
      gint64 other = crm_store_add_customer (store, &fields, &error);

      crm_store_add_purchase (store, other, crm_store_now (store) - 3600, spent[i], "", &error);
      g_assert_no_error (error);
    }
  spin_main_loop ();
  g_assert_cmpstr (label_with_class (customer_page, "segment-badge"), ==, "Secondary");

  /* 30 ₾ is not yet needed to reach 80 % of 530 ₾… */
  record_purchase (customer_page, "30");
  g_assert_cmpstr (label_with_class (customer_page, "segment-badge"), ==, "Secondary");
  /* …70 ₾ of 570 ₾ is: 400 alone is below 80 %, 470 is not. */
  record_purchase (customer_page, "40,00");
  g_assert_cmpstr (label_with_class (customer_page, "segment-badge"), ==, "Key");
  g_assert_nonnull (strstr (label_with_class (customer_page, "title-1"), "ნინო"));

  /* Back in the list, the summary says so. */
  g_assert_true (crm_customers_page_go_back (page));
  spin_main_loop ();
  g_assert_nonnull (strstr (label_with_class (GTK_WIDGET (page), "customer-summary"),
                            "2 key clients bring"));
}

static void
check_archive_and_undo (CrmApplication *app,
                        GtkWindow      *window,
                        gpointer        data)
{
  g_autoptr(GError) error = NULL;
  CrmStore *store = store_of (app);
  CrmCustomersPage *page = crm_window_get_customers_page (CRM_WINDOW (window));
  GtkWidget *customer_page = find_widget (GTK_WIDGET (page), CRM_TYPE_CUSTOMER_PAGE, NULL);
  /* Markup in a name must reach the toast as text. */
  CrmCustomerFields fields = { .name = "<b>A & B</b> Ltd" };
  gint64 id = crm_store_add_customer (store, &fields, &error);
  g_autoptr(CrmCustomer) kept = NULL;

  g_assert_no_error (error);
  crm_window_show_customer (CRM_WINDOW (window), id);
  spin_main_loop ();
  g_assert_cmpstr (label_with_class (customer_page, "title-1"), ==, "<b>A & B</b> Ltd");

  click (customer_page, "_Archive Customer");
  g_assert_cmpint (crm_customers_page_get_shown_id (page), ==, -1);
  g_assert_cmpuint (crm_store_count_customers (store), ==, 0);

  /* Undo on the toast brings the customer back. */
  click (GTK_WIDGET (window), "_Undo");
  g_assert_cmpuint (crm_store_count_customers (store), ==, 1);

  /* Delete hides at once and keeps the customer until the toast goes. */
  crm_window_show_customer (CRM_WINDOW (window), id);
  spin_main_loop ();
  click (customer_page, "_Delete Customer");
  g_assert_cmpuint (crm_store_count_customers (store), ==, 0);
  kept = crm_store_get_customer (store, id);
  g_assert_nonnull (kept);
  click (GTK_WIDGET (window), "_Undo");
  g_assert_cmpuint (crm_store_count_customers (store), ==, 1);
}

/* The page shows the customer first; details change only in the edit
 * mode, and only Save keeps them. */
static void
check_edit_mode (CrmApplication *app,
                 GtkWindow      *window,
                 gpointer        data)
{
  g_autoptr(GError) error = NULL;
  CrmStore *store = store_of (app);
  CrmCustomersPage *page = crm_window_get_customers_page (CRM_WINDOW (window));
  CrmCustomerPage *customer_page = CRM_CUSTOMER_PAGE (find_widget (GTK_WIDGET (page), CRM_TYPE_CUSTOMER_PAGE, NULL));
  CrmCustomerFields fields = { .name = "Nino Beridze", .phone = "+995 555 12 34 56", .notes = "Likes rye bread" };
  gint64 id = crm_store_add_customer (store, &fields, &error);
  g_autoptr(CrmCustomer) kept = NULL;
  GtkWidget *dialog;
  GtkWidget *icon;
  GtkWidget *row;

  g_assert_no_error (error);
  crm_store_add_interaction (store, id, crm_store_now (store) - 60, "email", "Sent the price list", &error);
  g_assert_no_error (error);
  crm_window_show_customer (CRM_WINDOW (window), id);
  spin_main_loop ();

  /* Not a form: the phone and the notes read as text, the history has
   * the e-mail with the e-mail icon, and the first action has the focus. */
  g_assert_false (crm_customer_page_is_editing (customer_page));
  g_assert_nonnull (find_label (GTK_WIDGET (customer_page), "+995 555 12 34 56"));
  row = find_row (GTK_WIDGET (customer_page), "Notes");
  g_assert_nonnull (row);
  g_assert_false (ADW_IS_ENTRY_ROW (row));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Likes rye bread");
  row = find_row (GTK_WIDGET (customer_page), "E-mail");
  g_assert_false (ADW_IS_ENTRY_ROW (row));
  icon = find_widget (row, GTK_TYPE_IMAGE, NULL);
  g_assert_cmpstr (gtk_image_get_icon_name (GTK_IMAGE (icon)), ==, "mail-send-symbolic");
  g_assert_nonnull (find_button (GTK_WIDGET (customer_page), "Record _Purchase"));
  g_assert_true (gtk_widget_has_focus (find_button (GTK_WIDGET (customer_page), "Record _Purchase")));

  /* Ctrl+E: the form, with what is kept. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (customer_page), "customer.edit", NULL));
  spin_main_loop ();
  g_assert_true (crm_customer_page_is_editing (customer_page));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_row (GTK_WIDGET (customer_page), "Phone"))), ==,
                   "+995 555 12 34 56");

  /* An edit left with Cancel asks; Discard keeps the store as it was. */
  type_into (GTK_WIDGET (customer_page), "Phone", "+995 599 00 00 00");
  g_assert_true (crm_customer_page_is_dirty (customer_page));
  click (GTK_WIDGET (customer_page), "_Cancel");
  dialog = GTK_WIDGET (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
  spin_main_loop ();
  g_assert_false (crm_customer_page_is_editing (customer_page));
  g_assert_cmpint (crm_customers_page_get_shown_id (page), ==, id);
  kept = crm_store_get_customer (store, id);
  g_assert_cmpstr (crm_customer_get_phone (kept), ==, "+995 555 12 34 56");
  g_clear_object (&kept);

  /* Edit again and Save: written, and shown on the page. */
  crm_customer_page_edit (customer_page);
  spin_main_loop ();
  type_into (GTK_WIDGET (customer_page), "Phone", "+995 599 00 00 00");
  click (GTK_WIDGET (customer_page), "_Save");
  g_assert_false (crm_customer_page_is_editing (customer_page));
  g_assert_false (crm_customer_page_is_dirty (customer_page));
  kept = crm_store_get_customer (store, id);
  g_assert_cmpstr (crm_customer_get_phone (kept), ==, "+995 599 00 00 00");
  g_assert_nonnull (find_label (GTK_WIDGET (customer_page), "+995 599 00 00 00"));

  /* A bad value stays in the form with its reason; nothing is written. */
  crm_customer_page_edit (customer_page);
  spin_main_loop ();
  type_into (GTK_WIDGET (customer_page), "Phone", "12");
  g_assert_false (crm_customer_page_save (customer_page));
  g_assert_true (crm_customer_page_is_editing (customer_page));
  g_clear_object (&kept);
  kept = crm_store_get_customer (store, id);
  g_assert_cmpstr (crm_customer_get_phone (kept), ==, "+995 599 00 00 00");
}

static void
check_search (CrmApplication *app,
              GtkWindow      *window,
              gpointer        data)
{
  g_autoptr(GError) error = NULL;
  CrmStore *store = store_of (app);
  CrmCustomersPage *page = crm_window_get_customers_page (CRM_WINDOW (window));
  GtkWidget *entry;
  GtkWidget *focus;
  GtkColumnView *view;
  const char *names[] = { "ნინო ბერიძე", "Անի Պետրոսյան", "Nino Kapanadze" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      CrmCustomerFields fields = { .name = names[i] };

      crm_store_add_customer (store, &fields, &error);
      g_assert_no_error (error);
    }
  spin_main_loop ();

  /* Ctrl+F puts the cursor in the search; typing narrows the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  entry = find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY, NULL);
  view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW, NULL));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), "ᲜᲘᲜᲝ");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==, 1);

  gtk_editable_set_text (GTK_EDITABLE (entry), "անի");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==, 1);

  /* Enter opens the first match. */
  g_signal_emit_by_name (entry, "activate");
  spin_main_loop ();
  g_assert_cmpint (crm_customers_page_get_shown_id (page), >, 0);

  /* Escape goes back to the list. */
  g_assert_true (crm_customers_page_go_back (page));
  gtk_editable_set_text (GTK_EDITABLE (entry), "nobody at all");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (entry, "search-changed");
}

static CrmCustomer *
row (GtkColumnView *view,
     guint          position)
{
  return g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (view)), position);
}

static void
check_column_sorting (CrmApplication *app,
                      GtkWindow      *window,
                      gpointer        data)
{
  g_autoptr(GError) error = NULL;
  CrmStore *store = store_of (app);
  CrmCustomersPage *page = crm_window_get_customers_page (CRM_WINDOW (window));
  GtkColumnView *view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW, NULL));
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) spend = g_list_model_get_item (columns, 4);
  g_autoptr(GtkColumnViewColumn) name = g_list_model_get_item (columns, 0);
  const char *names[] = { "Aram", "Bella", "Cyrus" };
  const gint64 amounts[] = { 500, 9000, 2000 };
  g_autoptr(CrmCustomer) first = NULL;
  g_autoptr(CrmCustomer) last = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      CrmCustomerFields fields = { .name = names[i] };
      gint64 id = crm_store_add_customer (store, &fields, &error);

      crm_store_add_purchase (store, id, crm_store_now (store) - 60, amounts[i], "", &error);
      g_assert_no_error (error);
    }
  spin_main_loop ();

  /* A click on a column header sorts by it; a second click reverses. */
  gtk_column_view_sort_by_column (view, spend, GTK_SORT_DESCENDING);
  first = row (view, 0);
  g_assert_cmpstr (crm_customer_get_name (first), ==, "Bella");
  g_clear_object (&first);

  gtk_column_view_sort_by_column (view, spend, GTK_SORT_ASCENDING);
  first = row (view, 0);
  g_assert_cmpstr (crm_customer_get_name (first), ==, "Aram");
  g_clear_object (&first);

  gtk_column_view_sort_by_column (view, name, GTK_SORT_DESCENDING);
  first = row (view, 0);
  last = row (view, 2);
  g_assert_cmpstr (crm_customer_get_name (first), ==, "Cyrus");
  g_assert_cmpstr (crm_customer_get_name (last), ==, "Aram");
  g_clear_object (&first);

  /* No sort column: back to names A to Z. */
  gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
  first = row (view, 0);
  g_assert_cmpstr (crm_customer_get_name (first), ==, "Aram");
}

static void
check_currency_prompt (CrmApplication *app,
                       GtkWindow      *window,
                       gpointer        data)
{
  CrmStore *store = store_of (app);
  g_autofree char *before = crm_store_dup_setting (store, "shop.currency", NULL);
  g_autofree char *after = NULL;
  g_autofree char *currency = NULL;
  GtkWindow *dialog;

  /* A new shop is asked once which currency it keeps its books in. */
  g_assert_null (before);
  spin_main_loop ();
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "GEL"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (ADW_MESSAGE_DIALOG (dialog)), ==, "GEL");

  gtk_window_set_focus_visible (window, FALSE);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "AMD");
  spin_main_loop ();
  /* Answered by keyboard: the ring shows where the keys go next. */
  g_assert_true (gtk_window_get_focus_visible (window));
  after = crm_store_dup_setting (store, "shop.currency", NULL);
  g_assert_cmpstr (after, ==, "AMD");
  currency = crm_store_dup_currency (store);
  g_assert_cmpstr (currency, ==, "AMD");
}

static void
check_follow_ups_in_window (CrmApplication *app,
                            GtkWindow      *window,
                            gpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  CrmStore *store = store_of (app);
  CrmCustomerFields fields = { .name = "ნინო ბერიძე" };
  gint64 customer = crm_store_add_customer (store, &fields, &error);
  GtkWidget *page = find_widget (GTK_WIDGET (window), CRM_TYPE_FOLLOW_UPS_PAGE, NULL);
  GtkWidget *badge = find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, "sidebar-badge");
  CrmFollowUpDialog *dialog;
  GtkWidget *row;

  /* No notification server in this session: a due follow-up still shows,
   * in the section and as a count in the sidebar. */
  crm_store_add_follow_up (store, customer, crm_store_now (store) - 60, "Call about the cake", 0, &error);
  g_assert_no_error (error);
  spin_main_loop ();
  g_assert_true (gtk_widget_get_visible (badge));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge)), ==, "1");
  /* The section's rows are built when it is shown, the badge counted
   * without them. */
  if (!gtk_widget_get_mapped (page))
    g_assert_null (find_row (page, "ნინო ბერიძე"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s", "follow-ups");
  spin_main_loop ();
  row = find_row (page, "ნინო ბერიძე");
  g_assert_true (CRM_IS_FOLLOW_UP_ROW (row));
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP))),
                   ==, "Overdue");

  /* Done from the row. */
  g_assert_true (gtk_widget_activate_action (row, "follow-up.done", NULL));
  spin_main_loop ();
  pending = crm_store_list_follow_ups (store, FALSE, 0, 10);
  g_assert_cmpuint (pending->len, ==, 0);
  g_assert_false (gtk_widget_get_visible (badge));
  g_clear_pointer (&pending, g_ptr_array_unref);

  /* A new one from the customer's page, for that customer. */
  crm_window_show_customer (CRM_WINDOW (window), customer);
  spin_main_loop ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-follow-up", NULL));
  dialog = CRM_FOLLOW_UP_DIALOG (find_toplevel (CRM_TYPE_FOLLOW_UP_DIALOG));
  g_assert_nonnull (dialog);
  type_into (GTK_WIDGET (dialog), "What to do, e.g. “Call about the order that arrived”", "Thank for the referral");
  type_into (GTK_WIDGET (dialog), "Time (hours:minutes)", "25:00");
  g_assert_false (crm_follow_up_dialog_save (dialog));
  type_into (GTK_WIDGET (dialog), "Time (hours:minutes)", "10:30");
  g_assert_true (crm_follow_up_dialog_save (dialog));
  spin_main_loop ();

  pending = crm_store_list_follow_ups (store, FALSE, customer, 10);
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_cmpstr (crm_follow_up_get_note (g_ptr_array_index (pending, 0)), ==, "Thank for the referral");

  /* The customer's page lists it too. */
  g_assert_nonnull (find_row (GTK_WIDGET (crm_window_get_customers_page (CRM_WINDOW (window))),
                              "Thank for the referral"));
}

static void
check_follow_up_customer_search (CrmApplication *app,
                                 GtkWindow      *window,
                                 gpointer        data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  CrmStore *store = store_of (app);
  CrmCustomerFields fields = { .name = "Անի Պետրոսյան", .phone = "+374 10 123456" };
  gint64 customer = crm_store_add_customer (store, &fields, &error);
  CrmFollowUpDialog *dialog;

  /* From the section, the customer is found by typing. */
  crm_window_set_section (CRM_WINDOW (window), "follow-ups");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-follow-up", NULL));
  dialog = CRM_FOLLOW_UP_DIALOG (find_toplevel (CRM_TYPE_FOLLOW_UP_DIALOG));
  g_assert_nonnull (dialog);
  type_into (GTK_WIDGET (dialog), "What to do, e.g. “Call about the order that arrived”", "Ask about the cake");

  /* Without a customer it says so. */
  g_assert_false (crm_follow_up_dialog_save (dialog));

  type_into (GTK_WIDGET (dialog), "Find a customer by name or phone", "010 12");
  g_assert_nonnull (find_row (GTK_WIDGET (dialog), "Անի Պետրոսյան"));
  g_signal_emit_by_name (find_row (GTK_WIDGET (dialog), "Find a customer by name or phone"), "entry-activated");
  g_assert_true (crm_follow_up_dialog_save (dialog));

  pending = crm_store_list_follow_ups (store, FALSE, customer, 10);
  g_assert_cmpuint (pending->len, ==, 1);
}

static GtkWidget *
find_combo_row (GtkWidget  *root,
                const char *title)
{
  GtkWidget *row = find_row (root, title);

  g_assert_nonnull (row);
  g_assert_true (ADW_IS_COMBO_ROW (row));
  return row;
}

/* A spreadsheet comes in: the columns are recognised, the preview says
 * what will happen to each row, the choices change it, and Import writes
 * exactly what was shown. Broken files are refused with a message. */
static void
check_import_dialog (CrmApplication *app,
                     GtkWindow      *window,
                     gpointer        data)
{
  CrmStore *store = crm_context_get_store (crm_application_get_context (app));
  const char csv[] =
    "Name,Mobile,E-mail,Comment\n"
    "ნინო ბერიძე,+995 555 12 34 56,nino@example.ge,Likes cakes\n"
    "Արամ Պետրոսյան,+374 91 123456,,\n"
    "Tamar again,+995 599 11 22 33,,Second visit\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  g_autoptr(GBytes) binary = g_bytes_new_static ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  g_autoptr(GError) error = NULL;
  CrmCustomerFields tamar = { .name = "Tamar", .phone = "+995 599 11 22 33" };
  GtkWindow *dialog;
  GtkWidget *button;
  guint before;

  g_assert_cmpint (crm_store_add_customer (store, &tamar, &error), >, 0);
  g_assert_no_error (error);
  before = crm_store_count_customers (store);

  /* Not customers at all: a clear message, no dialog. */
  g_assert_null (crm_import_dialog_new (window, store, binary, "photo.csv", &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (strlen (error->message), >, 0);
  g_clear_error (&error);

  dialog = crm_import_dialog_new (window, store, bytes, "clients.csv", &error);
  g_assert_no_error (error);
  g_assert_nonnull (dialog);
  gtk_window_present (dialog);
  wait_import_plan (dialog);

  /* One row per column, each recognised by its title. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_combo_row (GTK_WIDGET (dialog), "Name"))),
                    ==, CRM_CUSTOMER_COLUMN_NAME);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_combo_row (GTK_WIDGET (dialog), "Mobile"))),
                    ==, CRM_CUSTOMER_COLUMN_MOBILE);

  /* Tamar's phone is already a customer's: skipped by default. */
  g_assert_nonnull (find_row (GTK_WIDGET (dialog), "ნინო ბერიძე"));
  g_assert_nonnull (find_row (GTK_WIDGET (dialog), "Tamar again"));
  button = find_button (GTK_WIDGET (dialog), "_Import 2 Customers");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));

  /* Filling in what is missing takes her row too. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_combo_row (GTK_WIDGET (dialog),
                                                             "_When a Customer Is Already There")), 1);
  wait_import_plan (dialog);
  g_assert_nonnull (find_button (GTK_WIDGET (dialog), "_Import 3 Customers"));

  /* Without a name column nobody can be imported. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_combo_row (GTK_WIDGET (dialog), "Name")),
                              CRM_CUSTOMER_COLUMN_IGNORE);
  wait_import_plan (dialog);
  button = find_button (GTK_WIDGET (dialog), "_Import");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_cmpuint (crm_store_count_customers (store), ==, before);

  adw_combo_row_set_selected (ADW_COMBO_ROW (find_combo_row (GTK_WIDGET (dialog), "Name")),
                              CRM_CUSTOMER_COLUMN_NAME);
  wait_import_plan (dialog);
  g_assert_true (crm_import_dialog_apply (CRM_IMPORT_DIALOG (dialog), &error));
  g_assert_no_error (error);
  g_assert_null (find_toplevel (CRM_TYPE_IMPORT_DIALOG));
  g_assert_cmpuint (crm_store_count_customers (store), ==, before + 2);

  /* Escape closes without writing. */
  dialog = crm_import_dialog_new (window, store, bytes, "clients.csv", &error);
  g_assert_no_error (error);
  gtk_window_present (dialog);
  spin_main_loop ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  spin_main_loop ();
  g_assert_null (find_toplevel (CRM_TYPE_IMPORT_DIALOG));
  g_assert_cmpuint (crm_store_count_customers (store), ==, before + 2);

  /* As the file chooser hands them over, read on a worker: a picture is
   * refused in words, a spreadsheet opens the dialog. */
  {
    g_autofree char *dir = g_dir_make_tmp ("clientele-import-XXXXXX", NULL);
    g_autofree char *picture_path = g_build_filename (dir, "photo.csv", NULL);
    g_autofree char *clients_path = g_build_filename (dir, "clients.csv", NULL);
    g_autoptr(GFile) picture = g_file_new_for_path (picture_path);
    g_autoptr(GFile) clients = g_file_new_for_path (clients_path);
    GtkWindow *message;

    g_assert_true (g_file_set_contents (picture_path, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, NULL));
    g_assert_true (g_file_set_contents (clients_path, csv, sizeof csv - 1, NULL));

    crm_import_dialog_open_file (window, store, picture, FALSE);
    while ((message = find_toplevel (ADW_TYPE_MESSAGE_DIALOG)) == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (message)), ==, "Could Not Read the File");
    g_assert_null (find_toplevel (CRM_TYPE_IMPORT_DIALOG));
    gtk_window_destroy (message);

    crm_import_dialog_open_file (window, store, clients, FALSE);
    while ((dialog = find_toplevel (CRM_TYPE_IMPORT_DIALOG)) == NULL)
      g_main_context_iteration (NULL, TRUE);
    wait_import_plan (dialog);
    g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (find_widget (GTK_WIDGET (dialog),
                                                                                   ADW_TYPE_WINDOW_TITLE, NULL))),
                     ==, "clients.csv");
    /* Everyone in it is a customer now. */
    g_assert_false (gtk_widget_get_sensitive (find_button (GTK_WIDGET (dialog), "_Import 0 Customers")));
    gtk_window_destroy (dialog);
    spin_main_loop ();

    g_unlink (picture_path);
    g_unlink (clients_path);
    g_rmdir (dir);
  }
}

/* A till's export: sales go to the customer with the same phone; a buyer
 * who is not a customer yet is skipped unless the switch adds them; a bad
 * amount is skipped with its reason. */
static void
check_import_sales_dialog (CrmApplication *app,
                           GtkWindow      *window,
                           gpointer        data)
{
  CrmStore *store = crm_context_get_store (crm_application_get_context (app));
  const char csv[] =
    "Date,Phone,Name,Amount,Description\n"
    "2026-11-01,+995 599 11 22 33,,25.50,Cake\n"
    "02.11.2026,,Levan Beridze,10,Bread\n"
    "03/11/2026,+995 599 11 22 33,,abc,Tea\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  CrmCustomerFields tamar = { .name = "Tamar", .phone = "+995 599 11 22 33" };
  GtkWindow *dialog;
  GtkWidget *create_row;
  gint64 tamar_id;
  guint before;

  tamar_id = crm_store_add_customer (store, &tamar, &error);
  g_assert_no_error (error);
  before = crm_store_count_customers (store);

  dialog = crm_import_dialog_new_sales (window, store, bytes, "till.csv", &error);
  g_assert_no_error (error);
  gtk_window_present (dialog);
  wait_import_plan (dialog);

  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (find_combo_row (GTK_WIDGET (dialog), "Amount"))),
                    ==, CRM_SALES_COLUMN_AMOUNT);
  /* The customers' options are not offered here. */
  g_assert_false (gtk_widget_get_mapped (find_row (GTK_WIDGET (dialog), "_When a Customer Is Already There")));

  create_row = find_row (GTK_WIDGET (dialog), "_Add Buyers Who Are Not Customers Yet");
  g_assert_nonnull (create_row);
  g_assert_true (gtk_widget_get_mapped (create_row));
  gtk_switch_set_active (GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (create_row))), FALSE);
  wait_import_plan (dialog);
  g_assert_nonnull (find_button (GTK_WIDGET (dialog), "_Import 1 Purchase"));
  g_assert_nonnull (find_row (GTK_WIDGET (dialog), "Levan Beridze"));

  gtk_switch_set_active (GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (create_row))), TRUE);
  wait_import_plan (dialog);
  g_assert_nonnull (find_button (GTK_WIDGET (dialog), "_Import 2 Purchases"));
  g_assert_cmpuint (crm_store_count_customers (store), ==, before);

  g_assert_true (crm_import_dialog_apply (CRM_IMPORT_DIALOG (dialog), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_count_customers (store), ==, before + 1);
  timeline = crm_store_list_timeline (store, tamar_id, 10);
  g_assert_cmpuint (timeline->len, ==, 1);
  g_assert_cmpint (((CrmTimelineEntry *) g_ptr_array_index (timeline, 0))->amount, ==, 2550);

  /* Not a sales file: refused with a message, no dialog. */
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new_static ("\"unclosed,quote\n1,2\n", 19);
  g_assert_null (crm_import_dialog_new_sales (window, store, bytes, "broken.csv", &error));
  g_assert_nonnull (error);
}

static const UiCase ui_cases[] = {
  { "/ui/follow-ups/in-window", prepare_currency, check_follow_ups_in_window },
  { "/ui/follow-ups/customer-search", prepare_currency, check_follow_up_customer_search },
  { "/ui/customers/currency-prompt", NULL, check_currency_prompt },
  { "/ui/customers/becomes-key", prepare_currency, check_customer_becomes_key },
  { "/ui/customers/archive-and-undo", prepare_currency, check_archive_and_undo },
  { "/ui/customers/edit-mode", prepare_currency, check_edit_mode },
  { "/ui/customers/search", prepare_currency, check_search },
  { "/ui/customers/column-sorting", prepare_currency, check_column_sorting },
  { "/ui/customers/import-dialog", prepare_currency, check_import_dialog },
  { "/ui/customers/import-sales-dialog", prepare_currency, check_import_sales_dialog },
};

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  add_ui_cases (ui_cases, G_N_ELEMENTS (ui_cases));

  return g_test_run ();
}
