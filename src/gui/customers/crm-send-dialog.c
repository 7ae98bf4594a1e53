/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-send-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-format.h"
#include "crm-message-compose.h"
#include "crm-open-uri.h"
#include "crm-send-dialog.h"

/* One message to one customer: which one, in which language, by which
 * channel, and the filled text to change before it goes. Marketing
 * messages are not offered without the customer's consent, and the
 * dialog says why. Sending hands the text to the channel and notes it in
 * the customer's history. */
struct _CrmSendDialog
{
  AdwWindow            parent_instance;

  CrmStore            *store;
  CrmCustomer         *customer;
  GArray              *templates;   /* CrmMessageTemplate offered, in the row's order */
  gboolean             filling;

  AdwWindowTitle      *window_title;
  AdwPreferencesGroup *choice_group;
  AdwComboRow         *template_row;
  AdwComboRow         *language_row;
  AdwComboRow         *channel_row;
  AdwEntryRow         *subject_row;
  GtkTextView         *body_view;
  GtkLabel            *route_label;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (CrmSendDialog, crm_send_dialog, ADW_TYPE_WINDOW)

static const char *const languages[] = { "en", "ka", "hy" };
/* The channel row's order: copying first, as the one that always works. */
static const CrmChannel channels[] = {
  CRM_CHANNEL_COPY, CRM_CHANNEL_CALL, CRM_CHANNEL_SMS, CRM_CHANNEL_EMAIL,
  CRM_CHANNEL_WHATSAPP, CRM_CHANNEL_VIBER, CRM_CHANNEL_TELEGRAM,
};

static CrmMessageTemplate
chosen_template (CrmSendDialog *self)
{
  guint i = adw_combo_row_get_selected (self->template_row);

  return i < self->templates->len ? g_array_index (self->templates, CrmMessageTemplate, i)
                                  : CRM_MESSAGE_ORDER;
}

static CrmChannel
chosen_channel (CrmSendDialog *self)
{
  guint i = adw_combo_row_get_selected (self->channel_row);

  return i < G_N_ELEMENTS (channels) ? channels[i] : CRM_CHANNEL_COPY;
}

static char *
dup_body (CrmSendDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_error (CrmSendDialog *self,
            const char    *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* What Send will do, in words, and to whom. */
static void
describe_route (CrmSendDialog *self)
{
  CrmChannel channel = chosen_channel (self);
  const char *telegram = crm_customer_get_telegram (self->customer);
  const char *to = channel == CRM_CHANNEL_EMAIL ? crm_customer_get_email (self->customer)
                   : channel == CRM_CHANNEL_COPY || channel == CRM_CHANNEL_TELEGRAM ? ""
                   : crm_customer_get_phone (self->customer);
  const char *what;
  g_autofree char *text = NULL;

  switch (channel)
    {
    case CRM_CHANNEL_CALL:
      what = _("Calls the customer, and copies the text to read out.");
      break;
    case CRM_CHANNEL_SMS:
      what = _("Opens the SMS program with the text filled in.");
      break;
    case CRM_CHANNEL_EMAIL:
      what = _("Opens the e-mail program with the subject and text filled in.");
      break;
    case CRM_CHANNEL_WHATSAPP:
      what = _("Opens WhatsApp with the text filled in.");
      break;
    case CRM_CHANNEL_VIBER:
      what = _("Copies the text and opens the chat in Viber: paste it there.");
      break;
    case CRM_CHANNEL_TELEGRAM:
      what = telegram[0] != '\0'
             ? _("Copies the text and opens the chat in Telegram: paste it there.")
             : _("Copies the text and opens Telegram to choose the chat (no Telegram username is saved).");
      break;
    case CRM_CHANNEL_COPY:
    case CRM_CHANNEL_NONE:
    case CRM_CHANNEL_N_CHANNELS:
    default:
      what = _("Copies the text, to paste wherever you send it.");
      break;
    }

  if (to != NULL && to[0] != '\0')
    /* Translators: what Send does, then "To: +995 599 12 34 56" */
    text = g_strdup_printf (_("%s To: %s"), what, to);
  gtk_label_set_text (self->route_label, text != NULL ? text : what);
  gtk_widget_set_visible (GTK_WIDGET (self->subject_row), channel == CRM_CHANNEL_EMAIL);
}

static void
refill_cb (CrmSendDialog *self)
{
  g_auto(CrmMessageDraft) draft = { 0 };
  guint lang = adw_combo_row_get_selected (self->language_row);

  if (self->filling || self->customer == NULL)
    return;

  crm_message_compose_in (self->store, self->customer, chosen_template (self),
                          languages[MIN (lang, G_N_ELEMENTS (languages) - 1)], &draft);
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), draft.subject);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), draft.body, -1);
  show_error (self, NULL);
}

static void
channel_cb (CrmSendDialog *self)
{
  if (self->filling || self->customer == NULL)
    return;

  describe_route (self);
  show_error (self, NULL);
}

static void
send_cb (CrmSendDialog *self)
{
  crm_send_dialog_send (self);
}

static void
crm_send_dialog_dispose (GObject *object)
{
  CrmSendDialog *self = CRM_SEND_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->customer);
  g_clear_pointer (&self->templates, g_array_unref);

  G_OBJECT_CLASS (crm_send_dialog_parent_class)->dispose (object);
}

static void
crm_send_dialog_class_init (CrmSendDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_send_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/crm-send-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmSendDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrmSendDialog, choice_group);
  gtk_widget_class_bind_template_child (widget_class, CrmSendDialog, template_row);
  gtk_widget_class_bind_template_child (widget_class, CrmSendDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, CrmSendDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, CrmSendDialog, subject_row);
  gtk_widget_class_bind_template_child (widget_class, CrmSendDialog, body_view);
  gtk_widget_class_bind_template_child (widget_class, CrmSendDialog, route_label);
  gtk_widget_class_bind_template_child (widget_class, CrmSendDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, refill_cb);
  gtk_widget_class_bind_template_callback (widget_class, channel_cb);
  gtk_widget_class_bind_template_callback (widget_class, send_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crm_send_dialog_init (CrmSendDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->templates = g_array_new (FALSE, FALSE, sizeof (CrmMessageTemplate));
}

/* The templates this customer may be sent; the consent note for the rest. */
static void
offer_templates (CrmSendDialog *self,
                 const char    *wanted)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) withheld = g_ptr_array_new ();
  CrmMessageTemplate want = CRM_MESSAGE_N_TEMPLATES;
  guint selected = 0;

  crm_message_template_from_key (wanted, &want);
  for (guint t = 0; t < CRM_MESSAGE_N_TEMPLATES; t++)
    {
      if (!crm_message_allowed (self->customer, t))
        {
          g_ptr_array_add (withheld, (gpointer) crm_message_template_title (t));
          continue;
        }
      if (t == want)
        selected = self->templates->len;
      g_array_append_val (self->templates, t);
      gtk_string_list_append (titles, crm_message_template_title (t));
    }

  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (titles));
  adw_combo_row_set_selected (self->template_row, selected);

  if (withheld->len > 0)
    {
      g_autofree char *names = NULL;
      g_autofree char *note = NULL;

      g_ptr_array_add (withheld, NULL);
      names = g_strjoinv (", ", (char **) withheld->pdata);
      /* Translators: %s lists the messages left out, "Birthday Wish, We Miss You" */
      note = g_strdup_printf (_("Not offered: %s. These are marketing messages, and this customer has "
                                "not agreed to receive them (Edit Details, Messages and Consent)."),
                              names);
      adw_preferences_group_set_description (self->choice_group, note);
    }
}

/**
 * crm_send_dialog_new:
 * @template_key: (nullable): the message to start with ("birthday"…)
 *
 * Returns: (transfer none): the dialog, not yet shown; %NULL when there
 *   is no such customer
 */
GtkWindow *
crm_send_dialog_new (GtkWindow  *parent,
                     CrmStore   *store,
                     gint64      customer_id,
                     const char *template_key)
{
  CrmSendDialog *self;
  g_autoptr(CrmCustomer) customer = NULL;
  g_autoptr(GtkStringList) channel_titles = gtk_string_list_new (NULL);
  const char *shop_language = crm_format_ui_language ();
  const char *language;
  CrmChannel preferred;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  customer = crm_store_get_customer (store, customer_id);
  if (customer == NULL)
    return NULL;

  self = g_object_new (CRM_TYPE_SEND_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->customer = g_steal_pointer (&customer);
  self->filling = TRUE;

  adw_window_title_set_subtitle (self->window_title, crm_customer_get_name (self->customer));
  offer_templates (self, template_key);

  {
    g_autoptr(GListModel) message_languages = crm_format_message_languages ();

    adw_combo_row_set_model (self->language_row, message_languages);
  }
  language = crm_message_customer_language (self->customer, shop_language);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (language, languages[i]))
      adw_combo_row_set_selected (self->language_row, i);

  preferred = crm_channel_from_key (crm_customer_get_channel (self->customer));
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    gtk_string_list_append (channel_titles, crm_channel_title (channels[i]));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channel_titles));
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    if (channels[i] == preferred)
      adw_combo_row_set_selected (self->channel_row, i);

  self->filling = FALSE;
  refill_cb (self);
  describe_route (self);

  return GTK_WINDOW (self);
}

/**
 * crm_send_dialog_send:
 *
 * Hands the text to the chosen channel (the link opened, the text copied
 * where the link cannot carry it), notes it in the customer's history
 * and closes.
 *
 * Returns: %FALSE when it cannot go: the dialog says why and stays
 */
gboolean
crm_send_dialog_send (CrmSendDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *trimmed = NULL;
  g_auto(CrmMessageRoute) route = { 0 };
  CrmChannel channel;

  g_return_val_if_fail (CRM_IS_SEND_DIALOG (self), FALSE);

  body = dup_body (self);
  trimmed = g_strstrip (g_strdup (body));
  if (trimmed[0] == '\0')
    {
      show_error (self, _("The message is empty: write what to send."));
      return FALSE;
    }

  channel = chosen_channel (self);
  if (!crm_message_route_to (self->store, self->customer, channel,
                             gtk_editable_get_text (GTK_EDITABLE (self->subject_row)), body,
                             &route, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  if (route.copy)
    crm_copy_text (GTK_WIDGET (self), body);
  if (route.uri != NULL)
    crm_open_uri (gtk_window_get_transient_for (GTK_WINDOW (self)), route.uri);

  if (crm_message_log_sent (self->store, crm_customer_get_id (self->customer),
                            chosen_template (self), channel, &error) == 0)
    g_warning ("Noting a message sent: %s", error->message);

  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
