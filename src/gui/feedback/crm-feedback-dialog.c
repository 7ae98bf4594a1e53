/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-feedback-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-customer-picker.h"
#include "crm-feedback-dialog.h"
#include "crm-follow-up-dialog.h"

/* Quick capture at the counter (Ctrl+Shift+F): a rating, what kind, how it
 * came in, what was said, and who said it if known. Everything is reachable
 * with Tab, and the rating reads as numbers and stars, not colours. */
struct _CrmFeedbackDialog
{
  AdwWindow          parent_instance;

  CrmStore          *store;
  GtkToggleButton   *ratings[6];   /* none, then 1–5 */
  GtkToggleButton   *efforts[6];   /* not asked, then 1–5 */

  GtkBox            *rating_box;
  GtkBox            *effort_box;
  AdwComboRow       *recommend_row;
  AdwComboRow       *kind_row;
  AdwComboRow       *channel_row;
  GtkTextView       *text_view;
  CrmCustomerPicker *picker;
  GtkLabel          *error_label;
};

G_DEFINE_FINAL_TYPE (CrmFeedbackDialog, crm_feedback_dialog, ADW_TYPE_WINDOW)

/* 1–5, or 0 for the first button (none, not asked). */
static guint
selected_in (GtkToggleButton **buttons)
{
  for (guint i = 1; i <= 5; i++)
    if (gtk_toggle_button_get_active (buttons[i]))
      return i;

  return 0;
}

static char *
effort_name (guint effort)
{
  /* Translators: %u is 1 to 5; 5 is very easy */
  return g_strdup_printf (_("Ease %u of 5"), effort);
}

/* A row of six linked toggles, numbers first so colour is never needed. */
static void
add_scale (GtkBox           *box,
           GtkToggleButton **buttons,
           const char       *none_label,
           const char       *none_name,
           char           *(*name_of) (guint))
{
  for (guint i = 0; i <= 5; i++)
    {
      g_autofree char *label = i == 0 ? g_strdup (none_label) : g_strdup_printf ("%u", i);
      g_autofree char *name = i == 0 ? g_strdup (none_name) : name_of (i);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_set_tooltip_text (button, name);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), buttons[0]);
      buttons[i] = GTK_TOGGLE_BUTTON (button);
      gtk_box_append (box, button);
    }
  gtk_toggle_button_set_active (buttons[0], TRUE);
}

static void
follow_up_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  g_autoptr(CrmStore) store = user_data;
  gint64 customer_id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "crm-customer-id"));
  const char *note = g_object_get_data (G_OBJECT (dialog), "crm-note");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  GtkWindow *follow_up;

  if (!g_str_equal (response, "schedule"))
    return;

  follow_up = crm_follow_up_dialog_new (parent, store, customer_id, 0);
  crm_follow_up_dialog_set_note (CRM_FOLLOW_UP_DIALOG (follow_up), note);
  gtk_window_present (follow_up);
}

/* A complaint deserves an answer: offer to plan it right away. */
static void
offer_follow_up (CrmFeedbackDialog *self,
                 gint64             customer_id,
                 const char        *text)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *excerpt = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 60));
  /* Translators: the note of a follow-up offered after a complaint; %s is
   * the start of what the customer said */
  g_autofree char *note = g_strdup_printf (_("Complaint: %s"), excerpt);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, _("Schedule a Follow-up?"),
                                   _("A complaint is best answered soon. Plan a call or a visit for it now?"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Not Now"),
                                    "schedule", _("_Schedule"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "schedule", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "schedule");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_object_set_data (G_OBJECT (dialog), "crm-customer-id", GSIZE_TO_POINTER ((gsize) customer_id));
  g_object_set_data_full (G_OBJECT (dialog), "crm-note", g_steal_pointer (&note), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (follow_up_response_cb), g_object_ref (self->store));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * crm_feedback_dialog_save:
 *
 * Returns: the new entry's id, or 0 when something needs fixing (the
 *   dialog says what)
 */
gint64
crm_feedback_dialog_save (CrmFeedbackDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  guint kind = adw_combo_row_get_selected (self->kind_row);
  guint channel = adw_combo_row_get_selected (self->channel_row);
  guint recommend = adw_combo_row_get_selected (self->recommend_row);
  CrmFeedbackFields fields = { 0 };
  gint64 id;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  fields.customer_id = crm_customer_picker_get_customer_id (self->picker);
  fields.kind = crm_feedback_kinds[MIN (kind, 3)];
  fields.channel = crm_feedback_channels[MIN (channel, 4)];
  fields.rating = selected_in (self->ratings);
  fields.effort = selected_in (self->efforts);
  /* The first choice is "not asked"; then 0 to 10. */
  fields.has_recommend = recommend > 0 && recommend != GTK_INVALID_LIST_POSITION;
  fields.recommend = fields.has_recommend ? recommend - 1 : 0;
  fields.text = text;

  id = crm_store_add_feedback (self->store, &fields, &error);
  if (id == 0)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
      return 0;
    }

  if (g_str_equal (fields.kind, "complaint"))
    offer_follow_up (self, fields.customer_id, text);

  gtk_window_close (GTK_WINDOW (self));
  return id;
}

static void
save_cb (CrmFeedbackDialog *self)
{
  crm_feedback_dialog_save (self);
}

static gboolean
save_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  crm_feedback_dialog_save (CRM_FEEDBACK_DIALOG (widget));
  return TRUE;
}

static void
crm_feedback_dialog_finalize (GObject *object)
{
  CrmFeedbackDialog *self = CRM_FEEDBACK_DIALOG (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_feedback_dialog_parent_class)->finalize (object);
}

static void
crm_feedback_dialog_class_init (CrmFeedbackDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = crm_feedback_dialog_finalize;

  g_type_ensure (CRM_TYPE_CUSTOMER_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/crm-feedback-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmFeedbackDialog, rating_box);
  gtk_widget_class_bind_template_child (widget_class, CrmFeedbackDialog, effort_box);
  gtk_widget_class_bind_template_child (widget_class, CrmFeedbackDialog, recommend_row);
  gtk_widget_class_bind_template_child (widget_class, CrmFeedbackDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, CrmFeedbackDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, CrmFeedbackDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, CrmFeedbackDialog, picker);
  gtk_widget_class_bind_template_child (widget_class, CrmFeedbackDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, save_shortcut_cb, NULL);
}

static void
crm_feedback_dialog_init (CrmFeedbackDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* None, then 1 to 5: numbers and stars, so colour is never needed. */
  for (guint i = 0; i <= 5; i++)
    {
      g_autofree char *label = i == 0 ? g_strdup (C_("rating", "None")) : g_strdup_printf ("%u ★", i);
      g_autofree char *name = i == 0 ? g_strdup (_("No rating"))
                                     : g_strdup_printf (ngettext ("%u star", "%u stars", i), i);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_set_tooltip_text (button, name);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->ratings[0]);
      self->ratings[i] = GTK_TOGGLE_BUTTON (button);
      gtk_box_append (self->rating_box, button);
    }
  gtk_toggle_button_set_active (self->ratings[0], TRUE);

  add_scale (self->effort_box, self->efforts, C_("effort", "None"), _("Not asked how easy it was"), effort_name);

  {
    g_autoptr(GtkStringList) answers = gtk_string_list_new (NULL);

    gtk_string_list_append (answers, C_("recommend", "Not Asked"));
    for (guint i = 0; i <= 10; i++)
      {
        g_autofree char *answer = NULL;

        if (i == 0)
          /* Translators: the answer 0 to "would you recommend us" */
          answer = g_strdup (_("0 – not at all"));
        else if (i == 10)
          /* Translators: the answer 10 to "would you recommend us" */
          answer = g_strdup (_("10 – certainly"));
        else
          answer = g_strdup_printf ("%u", i);
        gtk_string_list_append (answers, answer);
      }
    adw_combo_row_set_model (self->recommend_row, G_LIST_MODEL (answers));
    adw_combo_row_set_selected (self->recommend_row, 0);
  }
}

/**
 * crm_feedback_dialog_new:
 * @customer_id: the customer it comes from, or 0 to choose (or not)
 */
GtkWindow *
crm_feedback_dialog_new (GtkWindow *parent,
                         CrmStore  *store,
                         gint64     customer_id)
{
  CrmFeedbackDialog *self;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  self = g_object_new (CRM_TYPE_FEEDBACK_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  crm_customer_picker_set_store (self->picker, store);
  if (customer_id > 0)
    crm_customer_picker_set_customer_id (self->picker, customer_id);

  gtk_widget_grab_focus (GTK_WIDGET (self->ratings[0]));
  return GTK_WINDOW (self);
}
