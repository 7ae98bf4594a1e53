/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-customer-form"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-customer-form.h"
#include "crm-date-popover.h"
#include "crm-message-compose.h"

/* A customer's details as fields to edit. Nothing is written until
 * crm_customer_form_save(): the page around it says when that happens
 * (one Save, or Cancel), so a field is never half kept. */
struct _CrmCustomerForm
{
  AdwBin       parent_instance;

  CrmStore    *store;
  gint64       customer_id;
  gboolean     dirty;
  gboolean     filling;

  AdwEntryRow *name_row;
  AdwEntryRow *phone_row;
  AdwEntryRow *email_row;
  AdwEntryRow *address_row;
  AdwEntryRow *birthday_row;
  AdwEntryRow *tags_row;
  AdwComboRow *segment_row;
  GtkTextView *notes_view;
  GtkLabel    *error_label;

  AdwComboRow *language_row;
  AdwComboRow *channel_row;
  AdwEntryRow *telegram_row;
  GtkSwitch   *consent_switch;
  AdwEntryRow *consent_date_row;
  AdwComboRow *consent_source_row;
  AdwEntryRow *consent_other_row;
};

G_DEFINE_FINAL_TYPE (CrmCustomerForm, crm_customer_form, ADW_TYPE_BIN)

enum {
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The segment row's positions. */
static const char *const overrides[] = { NULL, "key", "secondary" };
/* The language, channel and consent source rows' positions. */
static const char *const languages[] = { "", "en", "ka", "hy" };
static const char *const channels[] = {
  "", "call", "sms", "email", "whatsapp", "viber", "telegram", "copy",
};
static const char *const sources[] = { "in_person", "form", "import" };

static guint
position_of (const char         *value,
             const char * const *table,
             guint               n,
             guint               fallback)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (value, table[i]) == 0)
      return i;

  return fallback;
}

/* The date and source mean something only with a "yes"; "Other" asks
 * where. */
static void
update_consent_rows (CrmCustomerForm *self)
{
  gboolean consent = gtk_switch_get_active (self->consent_switch);

  gtk_widget_set_sensitive (GTK_WIDGET (self->consent_date_row), consent);
  gtk_widget_set_sensitive (GTK_WIDGET (self->consent_source_row), consent);
  gtk_widget_set_visible (GTK_WIDGET (self->consent_other_row),
                          consent && adw_combo_row_get_selected (self->consent_source_row) ==
                                       G_N_ELEMENTS (sources));
}

static void
edited_cb (CrmCustomerForm *self)
{
  if (!self->filling)
    self->dirty = TRUE;
}

static void
consent_toggled_cb (CrmCustomerForm *self)
{
  edited_cb (self);
  update_consent_rows (self);
}

static void
activate_cb (CrmCustomerForm *self)
{
  g_signal_emit (self, signals[ACTIVATE], 0);
}

static void
crm_customer_form_dispose (GObject *object)
{
  CrmCustomerForm *self = CRM_CUSTOMER_FORM (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_customer_form_parent_class)->dispose (object);
}

static void
crm_customer_form_class_init (CrmCustomerFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_customer_form_dispose;

  /**
   * CrmCustomerForm::activate:
   *
   * Enter in a field: the page saves.
   */
  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/crm-customer-form.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerForm, name_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerForm, phone_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerForm, email_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerForm, address_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerForm, birthday_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerForm, tags_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerForm, segment_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerForm, notes_view);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerForm, error_label);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerForm, language_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerForm, channel_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerForm, telegram_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerForm, consent_switch);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerForm, consent_date_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerForm, consent_source_row);
  gtk_widget_class_bind_template_child (widget_class, CrmCustomerForm, consent_other_row);
  gtk_widget_class_bind_template_callback (widget_class, consent_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, edited_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
}

static void
crm_customer_form_init (CrmCustomerForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (edited_cb), self);
  crm_date_popover_attach (self->birthday_row);
  crm_date_popover_attach (self->consent_date_row);
  {
    /* The languages by their own names, as in Preferences. */
    g_autoptr(GtkStringList) languages_list =
      gtk_string_list_new ((const char *[]) { _("The Shop’s Language"), "English", "ქართული", "Հայերեն", NULL });
    g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

    adw_combo_row_set_model (self->language_row, G_LIST_MODEL (languages_list));

    for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
      gtk_string_list_append (titles, crm_channel_title (crm_channel_from_key (channels[i])));
    adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (titles));
  }
}

void
crm_customer_form_set_store (CrmCustomerForm *self,
                             CrmStore        *store)
{
  g_return_if_fail (CRM_IS_CUSTOMER_FORM (self));

  g_set_object (&self->store, store);
}

/**
 * crm_customer_form_load:
 * @customer_id: a customer, or 0 for an empty form that adds one
 *
 * Fills the fields from the store, dropping whatever was typed.
 */
void
crm_customer_form_load (CrmCustomerForm *self,
                        gint64           customer_id)
{
  g_autoptr(CrmCustomer) customer = NULL;
  g_autofree char *tags = NULL;
  const char *override;
  guint position = 0;

  g_return_if_fail (CRM_IS_CUSTOMER_FORM (self));

  self->customer_id = MAX (customer_id, 0);
  if (self->customer_id > 0 && self->store != NULL)
    customer = crm_store_get_customer (self->store, self->customer_id);

  self->filling = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), customer ? crm_customer_get_name (customer) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), customer ? crm_customer_get_phone (customer) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), customer ? crm_customer_get_email (customer) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), customer ? crm_customer_get_address (customer) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->birthday_row), customer ? crm_customer_get_birthday (customer) : "");
  tags = customer ? g_strjoinv (", ", (char **) crm_customer_get_tags (customer)) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->tags_row), tags);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            customer ? crm_customer_get_notes (customer) : "", -1);

  override = customer ? crm_customer_get_segment_override (customer) : NULL;
  for (guint i = 1; i < G_N_ELEMENTS (overrides); i++)
    if (g_strcmp0 (override, overrides[i]) == 0)
      position = i;
  adw_combo_row_set_selected (self->segment_row, position);

  {
    const char *source = customer ? crm_customer_get_consent_source (customer) : "";
    guint source_at = position_of (source, sources, G_N_ELEMENTS (sources),
                                   source[0] != '\0' ? G_N_ELEMENTS (sources) : 0);

    adw_combo_row_set_selected (self->language_row,
                                position_of (customer ? crm_customer_get_language (customer) : "",
                                             languages, G_N_ELEMENTS (languages), 0));
    adw_combo_row_set_selected (self->channel_row,
                                position_of (customer ? crm_customer_get_channel (customer) : "",
                                             channels, G_N_ELEMENTS (channels), 0));
    gtk_editable_set_text (GTK_EDITABLE (self->telegram_row),
                           customer ? crm_customer_get_telegram (customer) : "");
    gtk_switch_set_active (self->consent_switch,
                           customer && crm_customer_get_marketing_consent (customer));
    gtk_editable_set_text (GTK_EDITABLE (self->consent_date_row),
                           customer ? crm_customer_get_consent_date (customer) : "");
    adw_combo_row_set_selected (self->consent_source_row, source_at);
    gtk_editable_set_text (GTK_EDITABLE (self->consent_other_row),
                           source_at == G_N_ELEMENTS (sources) ? source : "");
    update_consent_rows (self);
  }

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  self->filling = FALSE;
  self->dirty = FALSE;
}

/**
 * crm_customer_form_save:
 *
 * Writes the fields: updates the customer, or adds one.
 *
 * Returns: %FALSE when something needs fixing: the form says what, and
 *   keeps everything that was typed
 */
gboolean
crm_customer_form_save (CrmCustomerForm *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;
  g_auto(GStrv) tags = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  guint position;
  CrmCustomerFields fields = { 0 };

  g_return_val_if_fail (CRM_IS_CUSTOMER_FORM (self), FALSE);
  g_return_val_if_fail (self->store != NULL, FALSE);

  buffer = gtk_text_view_get_buffer (self->notes_view);
  position = adw_combo_row_get_selected (self->segment_row);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  tags = g_strsplit (gtk_editable_get_text (GTK_EDITABLE (self->tags_row)), ",", -1);

  fields.name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  fields.phone = gtk_editable_get_text (GTK_EDITABLE (self->phone_row));
  fields.email = gtk_editable_get_text (GTK_EDITABLE (self->email_row));
  fields.address = gtk_editable_get_text (GTK_EDITABLE (self->address_row));
  fields.birthday = gtk_editable_get_text (GTK_EDITABLE (self->birthday_row));
  fields.notes = notes;
  fields.tags = (const char * const *) tags;
  fields.segment_override = position < G_N_ELEMENTS (overrides) ? overrides[position] : NULL;

  position = adw_combo_row_get_selected (self->language_row);
  fields.language = position < G_N_ELEMENTS (languages) ? languages[position] : "";
  position = adw_combo_row_get_selected (self->channel_row);
  fields.channel = position < G_N_ELEMENTS (channels) ? channels[position] : "";
  fields.telegram = gtk_editable_get_text (GTK_EDITABLE (self->telegram_row));
  fields.marketing_consent = gtk_switch_get_active (self->consent_switch);
  if (fields.marketing_consent)
    {
      position = adw_combo_row_get_selected (self->consent_source_row);
      fields.consent_date = gtk_editable_get_text (GTK_EDITABLE (self->consent_date_row));
      fields.consent_source = position < G_N_ELEMENTS (sources)
        ? sources[position] : gtk_editable_get_text (GTK_EDITABLE (self->consent_other_row));
    }

  if (self->customer_id > 0)
    crm_store_update_customer (self->store, self->customer_id, &fields, &error);
  else
    self->customer_id = crm_store_add_customer (self->store, &fields, &error);

  if (error != NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }

  crm_customer_form_load (self, self->customer_id);
  return TRUE;
}

gint64
crm_customer_form_get_customer_id (CrmCustomerForm *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_FORM (self), 0);

  return self->customer_id;
}

gboolean
crm_customer_form_is_dirty (CrmCustomerForm *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_FORM (self), FALSE);

  return self->dirty;
}

void
crm_customer_form_focus (CrmCustomerForm *self)
{
  g_return_if_fail (CRM_IS_CUSTOMER_FORM (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}
