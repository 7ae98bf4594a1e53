/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-format.h"
#include "crm-message-compose.h"
#include "crm-preferences-messages.h"
#include "crm-preferences-window.h"
#include "crm-store-messages.h"

/* Messages: the shop's name that signs them, and the wording of each
 * template in each language (docs/messages.md). The text shown is the
 * shop's own, else the shipped one; Save keeps it, Restore goes back. */
struct _CrmPreferencesMessages
{
  AdwPreferencesPage  parent_instance;

  CrmContext         *context;

  AdwEntryRow        *shop_name_row;
  AdwComboRow        *template_row;
  AdwComboRow        *language_row;
  AdwEntryRow        *subject_row;
  GtkTextView        *body_view;
  GtkWidget          *reset_button;
};

G_DEFINE_FINAL_TYPE (CrmPreferencesMessages, crm_preferences_messages, ADW_TYPE_PREFERENCES_PAGE)

static const char *const languages[] = { "en", "ka", "hy" };

static CrmStore *
get_store (CrmPreferencesMessages *self)
{
  return crm_context_get_store (self->context);
}

static CrmMessageTemplate
chosen_template (CrmPreferencesMessages *self)
{
  return MIN (adw_combo_row_get_selected (self->template_row), CRM_MESSAGE_N_TEMPLATES - 1);
}

static const char *
chosen_language (CrmPreferencesMessages *self)
{
  return languages[MIN (adw_combo_row_get_selected (self->language_row), G_N_ELEMENTS (languages) - 1)];
}

static void
load_cb (CrmPreferencesMessages *self)
{
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *own_subject = NULL;
  g_autofree char *own_body = NULL;
  CrmMessageTemplate template = chosen_template (self);

  if (self->context == NULL)
    return;

  crm_message_dup_text (get_store (self), template, chosen_language (self), &subject, &body);
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), subject);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), body, -1);
  gtk_widget_set_sensitive (self->reset_button,
                            crm_store_get_message_template (get_store (self),
                                                            crm_message_template_key (template),
                                                            chosen_language (self),
                                                            &own_subject, &own_body));
}

static void
save_cb (CrmPreferencesMessages *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (!crm_store_set_message_template (get_store (self), crm_message_template_key (chosen_template (self)),
                                       chosen_language (self),
                                       gtk_editable_get_text (GTK_EDITABLE (self->subject_row)), body,
                                       &error))
    {
      crm_preferences_show_error (GTK_WIDGET (self), error->message);
      return;
    }

  gtk_widget_set_sensitive (self->reset_button, TRUE);
  crm_format_toast (GTK_WIDGET (self), _("Wording saved"));
}

static void
reset_cb (CrmPreferencesMessages *self)
{
  g_autoptr(GError) error = NULL;

  if (!crm_store_reset_message_template (get_store (self), crm_message_template_key (chosen_template (self)),
                                         chosen_language (self), &error))
    crm_preferences_show_error (GTK_WIDGET (self), error->message);
  load_cb (self);
}

static void
shop_name_apply_cb (CrmPreferencesMessages *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->shop_name_row))));

  crm_preferences_save_setting (GTK_WIDGET (self), self->context, "shop.name", name);
}

static void
crm_preferences_messages_dispose (GObject *object)
{
  CrmPreferencesMessages *self = CRM_PREFERENCES_MESSAGES (object);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (crm_preferences_messages_parent_class)->dispose (object);
}

static void
crm_preferences_messages_class_init (CrmPreferencesMessagesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_preferences_messages_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/crm-preferences-messages.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesMessages, shop_name_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesMessages, template_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesMessages, language_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesMessages, subject_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesMessages, body_view);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesMessages, reset_button);
  gtk_widget_class_bind_template_callback (widget_class, load_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_cb);
  gtk_widget_class_bind_template_callback (widget_class, shop_name_apply_cb);
}

static void
crm_preferences_messages_init (CrmPreferencesMessages *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint t = 0; t < CRM_MESSAGE_N_TEMPLATES; t++)
    {
      /* Translators: a template's name, then whether it needs consent */
      g_autofree char *title = g_strdup_printf (_("%s (%s)"), crm_message_template_title (t),
                                                crm_message_template_is_marketing (t)
                                                ? _("marketing: only with consent") : _("service"));

      gtk_string_list_append (titles, title);
    }
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (titles));
  {
    g_autoptr(GListModel) message_languages = crm_format_message_languages ();

    adw_combo_row_set_model (self->language_row, message_languages);
  }
}

GtkWidget *
crm_preferences_messages_new (GSettings  *settings,
                              CrmContext *context)
{
  CrmPreferencesMessages *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (CRM_IS_CONTEXT (context), NULL);

  self = g_object_new (CRM_TYPE_PREFERENCES_MESSAGES, NULL);
  self->context = g_object_ref (context);

  name = crm_store_dup_setting (get_store (self), "shop.name", "");
  gtk_editable_set_text (GTK_EDITABLE (self->shop_name_row), name);
  /* Open on the shop's own language. */
  {
    const char *language = crm_format_ui_language ();

    for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
      if (g_str_equal (language, languages[i]))
        adw_combo_row_set_selected (self->language_row, i);
  }
  load_cb (self);

  return GTK_WIDGET (self);
}
