/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A customer's history corrected in the real window: a purchase opened
 * from its line, its bill changed and kept at its time; a bill that is
 * not a number refused with the purchase as it was; a contact deleted
 * after the question, the purchase beside it untouched. */

#include "config.h"

#include "crm-context.h"
#include "crm-customer-page.h"
#include "crm-record-dialog.h"
#include "crm-window.h"
#include "ui-helpers.h"

#define DAY ((gint64) 86400)

static gint64 customer;
static gint64 purchase;
static gint64 contact;
static gint64 bought_at;

static void
prepare_shop (const char *data_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (data_dir, &error);
  CrmCustomerFields fields = { .name = "Ani Sargsyan", .phone = "+374 10 123456" };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_assert_no_error (error);
  g_assert_true (crm_store_set_setting (store, "shop.currency", "GEL", &error));
  customer = crm_store_add_customer (store, &fields, &error);
  g_assert_no_error (error);
  bought_at = now - 2 * DAY - 1234;
  purchase = crm_store_add_purchase (store, customer, bought_at, 2550, "Cake", &error);
  g_assert_no_error (error);
  contact = crm_store_add_interaction (store, customer, now - DAY, "call", "Asked about <b>cakes</b>", &error);
  g_assert_no_error (error);
}

static gboolean
shows_entry (GtkWidget     *widget,
             gconstpointer  data)
{
  const CrmTimelineEntry *wanted = data;
  const CrmTimelineEntry *entry = g_object_get_data (G_OBJECT (widget), "entry");

  return entry != NULL && entry->kind == wanted->kind && entry->id == wanted->id;
}

/* The line of the history that shows @kind @id. */
static GtkWidget *
find_history_row (GtkWidget       *root,
                  CrmTimelineKind  kind,
                  gint64           id)
{
  CrmTimelineEntry wanted = { .kind = kind, .id = id };

  return find_matching (root, shows_entry, &wanted);
}

static CrmRecordDialog *
open_entry (GtkWindow       *window,
            CrmTimelineKind  kind,
            gint64           id)
{
  GtkWidget *row;
  GtkWindow *dialog;

  crm_window_show_customer (CRM_WINDOW (window), customer);
  spin_main_loop ();
  row = find_history_row (GTK_WIDGET (window), kind, id);
  g_assert_nonnull (row);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  g_signal_emit_by_name (row, "activated");
  spin_main_loop ();

  dialog = find_toplevel (CRM_TYPE_RECORD_DIALOG);
  g_assert_nonnull (dialog);
  return CRM_RECORD_DIALOG (dialog);
}

static GtkEditable *
entry_row (CrmRecordDialog *dialog,
           const char      *title)
{
  GtkWidget *row = find_row (GTK_WIDGET (dialog), title);

  g_assert_nonnull (row);
  return GTK_EDITABLE (row);
}

static void
check_edit_purchase (CrmApplication *app,
                     GtkWindow      *window,
                     gpointer        data)
{
  CrmStore *store = crm_context_get_store (crm_application_get_context (app));
  CrmRecordDialog *dialog = open_entry (window, CRM_TIMELINE_PURCHASE, purchase);
  g_autoptr(CrmPurchase) after = NULL;
  GtkEditable *amount = entry_row (dialog, "Amount (₾); negative for a refund");

  /* The form holds the purchase as recorded. */
  g_assert_cmpstr (gtk_editable_get_text (amount), ==, "25.50");
  g_assert_cmpstr (gtk_editable_get_text (entry_row (dialog, "What was bought")), ==, "Cake");
  g_assert_nonnull (find_button (GTK_WIDGET (dialog), "_Delete Purchase…"));

  gtk_editable_set_text (amount, "30");
  gtk_editable_set_text (entry_row (dialog, "What was bought"), "Cake and tea");
  g_assert_true (crm_record_dialog_save (dialog));
  spin_main_loop ();

  after = crm_store_get_purchase (store, purchase);
  g_assert_nonnull (after);
  g_assert_cmpint (after->amount, ==, 3000);
  g_assert_cmpstr (after->description, ==, "Cake and tea");
  /* The date was left alone, so the time of day is kept too. */
  g_assert_cmpint (after->at, ==, bought_at);

  /* The page shows the corrected purchase. */
  {
    GtkWidget *row = find_history_row (GTK_WIDGET (window), CRM_TIMELINE_PURCHASE, purchase);
    const CrmTimelineEntry *entry = g_object_get_data (G_OBJECT (row), "entry");

    g_assert_cmpint (entry->amount, ==, 3000);
  }
}

static void
check_bad_amount (CrmApplication *app,
                  GtkWindow      *window,
                  gpointer        data)
{
  CrmStore *store = crm_context_get_store (crm_application_get_context (app));
  CrmRecordDialog *dialog = open_entry (window, CRM_TIMELINE_PURCHASE, purchase);
  g_autoptr(CrmPurchase) after = NULL;

  gtk_editable_set_text (entry_row (dialog, "Amount (₾); negative for a refund"), "twenty");
  gtk_editable_set_text (entry_row (dialog, "Date (year-month-day)"), "2026-02-30");
  g_assert_false (crm_record_dialog_save (dialog));
  gtk_editable_set_text (entry_row (dialog, "Date (year-month-day)"), "2026-02-03");
  g_assert_false (crm_record_dialog_save (dialog));
  spin_main_loop ();

  /* Still open, saying why; the purchase as it was. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  after = crm_store_get_purchase (store, purchase);
  g_assert_cmpint (after->amount, ==, 2550);
  g_assert_cmpint (after->at, ==, bought_at);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
has_entry (CrmStore        *store,
           CrmTimelineKind  kind,
           gint64           id)
{
  g_autoptr(GPtrArray) timeline = crm_store_list_timeline (store, customer, 50);

  for (guint i = 0; i < timeline->len; i++)
    {
      CrmTimelineEntry *entry = g_ptr_array_index (timeline, i);

      if (entry->kind == kind && entry->id == id)
        return TRUE;
    }

  return FALSE;
}

static void
check_delete_contact (CrmApplication *app,
                      GtkWindow      *window,
                      gpointer        data)
{
  CrmStore *store = crm_context_get_store (crm_application_get_context (app));
  CrmRecordDialog *dialog = open_entry (window, CRM_TIMELINE_INTERACTION, contact);
  GtkWidget *button = find_button (GTK_WIDGET (dialog), "_Delete Contact…");
  GtkWindow *question;

  /* Markup in the note is shown as typed. */
  g_assert_cmpstr (gtk_editable_get_text (entry_row (dialog, "Note")), ==, "Asked about <b>cakes</b>");

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  spin_main_loop ();
  question = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (question);

  /* Cancel changes nothing. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "cancel");
  spin_main_loop ();
  g_assert_true (has_entry (store, CRM_TIMELINE_INTERACTION, contact));

  g_signal_emit_by_name (button, "clicked");
  spin_main_loop ();
  question = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (question), "delete");
  spin_main_loop ();

  g_assert_false (has_entry (store, CRM_TIMELINE_INTERACTION, contact));
  g_assert_true (has_entry (store, CRM_TIMELINE_PURCHASE, purchase));
  g_assert_null (find_history_row (GTK_WIDGET (window), CRM_TIMELINE_INTERACTION, contact));
  g_assert_nonnull (find_history_row (GTK_WIDGET (window), CRM_TIMELINE_PURCHASE, purchase));
}

static const UiCase ui_cases[] = {
  { "/ui/history/edit-purchase", prepare_shop, check_edit_purchase },
  { "/ui/history/bad-amount", prepare_shop, check_bad_amount },
  { "/ui/history/delete-contact", prepare_shop, check_delete_contact },
};

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  add_ui_cases (ui_cases, G_N_ELEMENTS (ui_cases));

  return g_test_run ();
}
