/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-customer-privacy"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-archive.h"
#include "crm-choose-file.h"
#include "crm-customer-privacy.h"
#include "crm-format.h"
#include "crm-store-messages.h"

/* The two things a person may ask of the shop about their data, on their
 * page: a copy of everything held about them, and to be erased. Both are
 * written in the privacy log, without the person's details. */
struct _CrmCustomerPrivacy
{
  AdwBin     parent_instance;

  CrmStore  *store;
  gint64     customer_id;
};

G_DEFINE_FINAL_TYPE (CrmCustomerPrivacy, crm_customer_privacy, ADW_TYPE_BIN)

static void
show_problem (CrmCustomerPrivacy *self,
              const char         *heading,
              const char         *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_chosen_cb (GtkWidget  *owner,
                  const char *path)
{
  crm_customer_privacy_export_to (CRM_CUSTOMER_PRIVACY (owner), path);
}

static void
export_cb (CrmCustomerPrivacy *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = g_strdup_printf ("customer-%" G_GINT64_FORMAT ".json", self->customer_id);

  gtk_file_filter_set_name (filter, _("JSON files"));
  gtk_file_filter_add_pattern (filter, "*.json");
  crm_choose_file (GTK_WIDGET (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("Export This Customer’s Data"),
                   _("_Export"), name, filter, export_chosen_cb);
}

static void
erase_response_cb (AdwMessageDialog   *dialog,
                   const char         *response,
                   CrmCustomerPrivacy *self)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "erase") || self->store == NULL)
    return;

  if (!crm_store_erase_customer (self->store, self->customer_id, &error))
    show_problem (self, _("The Customer Was Not Erased"), error->message);
  else
    crm_format_toast (GTK_WIDGET (self), _("Customer erased"));
}

static void
erase_cb (CrmCustomerPrivacy *self)
{
  crm_customer_privacy_ask_erase (self);
}

static void
crm_customer_privacy_dispose (GObject *object)
{
  CrmCustomerPrivacy *self = CRM_CUSTOMER_PRIVACY (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_customer_privacy_parent_class)->dispose (object);
}

static void
crm_customer_privacy_class_init (CrmCustomerPrivacyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_customer_privacy_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/crm-customer-privacy.ui");
  gtk_widget_class_bind_template_callback (widget_class, export_cb);
  gtk_widget_class_bind_template_callback (widget_class, erase_cb);
}

static void
crm_customer_privacy_init (CrmCustomerPrivacy *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
crm_customer_privacy_set_store (CrmCustomerPrivacy *self,
                                CrmStore           *store)
{
  g_return_if_fail (CRM_IS_CUSTOMER_PRIVACY (self));

  g_set_object (&self->store, store);
}

void
crm_customer_privacy_set_customer (CrmCustomerPrivacy *self,
                                   gint64              customer_id)
{
  g_return_if_fail (CRM_IS_CUSTOMER_PRIVACY (self));

  self->customer_id = customer_id;
}

/**
 * crm_customer_privacy_export_to:
 *
 * Writes the customer's data to @path (atomically, 0600) and says so.
 */
gboolean
crm_customer_privacy_export_to (CrmCustomerPrivacy *self,
                                const char         *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (CRM_IS_CUSTOMER_PRIVACY (self), FALSE);
  g_return_val_if_fail (self->store != NULL && self->customer_id > 0, FALSE);

  file = g_file_new_for_path (path);
  if (!crm_archive_export_person (self->store, self->customer_id, file, &error))
    {
      show_problem (self, _("The Data Was Not Exported"), error->message);
      return FALSE;
    }

  crm_format_toast (GTK_WIDGET (self), _("Customer’s data exported"));
  return TRUE;
}

/**
 * crm_customer_privacy_ask_erase:
 *
 * Asks before erasing: it cannot be undone.
 *
 * Returns: (transfer none): the question, shown
 */
GtkWindow *
crm_customer_privacy_ask_erase (CrmCustomerPrivacy *self)
{
  GtkWidget *dialog;

  g_return_val_if_fail (CRM_IS_CUSTOMER_PRIVACY (self), NULL);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Erase This Customer?"),
                                   _("Their name, phone, e-mail, address, birthday, tags and notes, and "
                                     "every note in their history, follow-ups, feedback and points, are "
                                     "removed for good. Their purchases stay without a name, so the "
                                     "shop’s revenue and figures do not change. This cannot be undone."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "erase", _("_Erase"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "erase",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (erase_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return GTK_WINDOW (dialog);
}
