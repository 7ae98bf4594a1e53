/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-feedback-page"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-accessible.h"
#include "crm-feedback-page.h"
#include "crm-follow-up-dialog.h"
#include "crm-format.h"
#include "crm-store.h"
#include "crm-text.h"

/* The inbox: newest first, unread in bold, filters on top, the chosen
 * entry beside the list with its response. */
struct _CrmFeedbackPage
{
  AdwBin          parent_instance;

  CrmContext     *context;
  gulong          changed_id;
  gint64          shown_id;
  gboolean        filling;
  GtkStringList  *ratings;

  GtkSearchEntry *search_entry;
  GtkDropDown    *kind_dropdown;
  GtkDropDown    *status_dropdown;
  GtkDropDown    *rating_dropdown;
  GtkDropDown    *channel_dropdown;
  GtkStack       *stack;
  GtkListBox     *list;
  GtkStack       *detail_stack;
  AdwLeaflet     *inbox_leaflet;
  GtkWidget      *list_pane;
  GtkWidget      *detail_pane;
  GtkLabel       *detail_title;
  GtkLabel       *detail_meta;
  GtkButton      *customer_button;
  GtkLabel       *detail_text;
  AdwComboRow    *status_row;
  GtkTextView    *response_view;
  AdwPreferencesGroup *response_group;
};

G_DEFINE_FINAL_TYPE (CrmFeedbackPage, crm_feedback_page, ADW_TYPE_BIN)

#define MAX_ENTRIES 1000
/* What a row shows of the text: the list stays light with huge entries. */
#define EXCERPT 160

static CrmStore *
get_store (CrmFeedbackPage *self)
{
  return crm_context_get_store (self->context);
}

static const char *
nth_or_null (const char * const *values,
             guint               position)
{
  /* Position 0 is "any". */
  return position == 0 || position == GTK_INVALID_LIST_POSITION ? NULL : values[position - 1];
}

static GtkWidget *
entry_row (CrmFeedback *feedback)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *who, *when, *what, *excerpt_label;
  g_autofree char *date = crm_text_format_date (crm_feedback_get_received_at (feedback), FALSE);
  g_autofree char *rating = crm_format_rating (crm_feedback_get_rating (feedback));
  g_autofree char *summary = NULL;
  g_autofree char *excerpt = NULL;
  const char *name = crm_feedback_get_customer_name (feedback);
  const char *text = crm_feedback_get_text (feedback);

  excerpt = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), EXCERPT));
  g_strdelimit (excerpt, "\n\r\t", ' ');
  summary = g_strdup_printf ("%s · %s · %s", crm_format_feedback_kind (crm_feedback_get_kind (feedback)),
                             rating, crm_format_feedback_status (crm_feedback_get_status (feedback)));

  /* Customer text is always text: plain labels, never markup. */
  who = gtk_label_new (name && name[0] ? name : _("Anonymous"));
  gtk_label_set_xalign (GTK_LABEL (who), 0);
  gtk_label_set_ellipsize (GTK_LABEL (who), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (who, TRUE);
  when = gtk_label_new (date);
  gtk_widget_add_css_class (when, "dim-label");
  what = gtk_label_new (summary);
  gtk_label_set_xalign (GTK_LABEL (what), 0);
  gtk_widget_add_css_class (what, "caption");
  excerpt_label = gtk_label_new (excerpt);
  gtk_label_set_xalign (GTK_LABEL (excerpt_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (excerpt_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (excerpt_label, "dim-label");

  gtk_box_append (GTK_BOX (top), who);
  gtk_box_append (GTK_BOX (top), when);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), what);
  gtk_box_append (GTK_BOX (box), excerpt_label);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  crm_accessible_name_by_labels (row, box);

  if (!crm_feedback_get_read (feedback))
    gtk_widget_add_css_class (row, "unread");

  g_object_set_data (G_OBJECT (row), "crm-feedback-id",
                     GSIZE_TO_POINTER ((gsize) crm_feedback_get_id (feedback)));
  return row;
}

static gint64
row_id (GtkListBoxRow *row)
{
  return row ? (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "crm-feedback-id")) : 0;
}

/* The entry, or "choose one": narrow, the list and the entry take turns. */
static void
show_pane (CrmFeedbackPage *self,
           const char      *detail)
{
  gtk_stack_set_visible_child_name (self->detail_stack, detail);
  adw_leaflet_set_visible_child (self->inbox_leaflet,
                                 g_str_equal (detail, "entry") ? self->detail_pane : self->list_pane);
}

static void
refresh (CrmFeedbackPage *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  CrmFeedbackFilter filter = { 0 };
  guint rating = gtk_drop_down_get_selected (self->rating_dropdown);
  GtkWidget *child;
  GtkListBoxRow *shown = NULL;
  gboolean any;

  filter.kind = nth_or_null (crm_feedback_kinds, gtk_drop_down_get_selected (self->kind_dropdown));
  filter.status = nth_or_null (crm_feedback_statuses, gtk_drop_down_get_selected (self->status_dropdown));
  filter.channel = nth_or_null (crm_feedback_channels, gtk_drop_down_get_selected (self->channel_dropdown));
  filter.rating = rating == 0 || rating == GTK_INVALID_LIST_POSITION ? 0 : rating == 6 ? -1 : (int) rating;
  filter.search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  entries = crm_store_list_feedback (get_store (self), &filter, MAX_ENTRIES);
  for (guint i = 0; i < entries->len; i++)
    {
      GtkWidget *row = entry_row (g_ptr_array_index (entries, i));

      gtk_list_box_append (self->list, row);
      if (row_id (GTK_LIST_BOX_ROW (row)) == self->shown_id)
        shown = GTK_LIST_BOX_ROW (row);
    }

  /* Keep the entry being read selected across a refresh. */
  if (shown != NULL)
    gtk_list_box_select_row (self->list, shown);
  self->filling = FALSE;

  any = entries->len > 0 || crm_store_count_unread_feedback (get_store (self)) > 0 ||
        filter.kind || filter.status || filter.channel || filter.rating || filter.search[0];
  if (!any)
    {
      g_autoptr(GPtrArray) all = crm_store_list_feedback (get_store (self), NULL, 1);

      any = all->len > 0;
    }
  gtk_stack_set_visible_child_name (self->stack, any ? "inbox" : "empty");
}

static void
show_detail (CrmFeedbackPage *self,
             gint64           id)
{
  g_autoptr(CrmFeedback) feedback = crm_store_get_feedback (get_store (self), id);
  g_autofree char *date = NULL;
  g_autofree char *rating = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *by = NULL;
  const char *status;
  const char *name;
  const char *responder;

  if (feedback == NULL)
    {
      self->shown_id = 0;
      show_pane (self, "none");
      return;
    }

  self->shown_id = id;
  date = crm_text_format_date (crm_feedback_get_received_at (feedback), TRUE);
  rating = crm_format_rating (crm_feedback_get_rating (feedback));
  meta = g_strdup_printf ("%s · %s · %s", date, crm_format_feedback_channel (crm_feedback_get_channel (feedback)),
                          rating);
  /* The optional answers, when the customer gave them. */
  if (crm_feedback_get_effort (feedback) > 0)
    {
      /* Translators: how easy the customer found it, 1–5 (5 very easy) */
      g_autofree char *effort = g_strdup_printf (_("ease %u of 5"), crm_feedback_get_effort (feedback));
      char *longer = g_strdup_printf ("%s · %s", meta, effort);

      g_free (meta);
      meta = longer;
    }
  if (crm_feedback_get_recommend (feedback) >= 0)
    {
      /* Translators: the customer's answer to "would you recommend us", 0–10 */
      g_autofree char *recommend = g_strdup_printf (_("would recommend %d of 10"),
                                                    crm_feedback_get_recommend (feedback));
      char *longer = g_strdup_printf ("%s · %s", meta, recommend);

      g_free (meta);
      meta = longer;
    }

  gtk_label_set_text (self->detail_title, crm_format_feedback_kind (crm_feedback_get_kind (feedback)));
  gtk_label_set_text (self->detail_meta, meta);
  gtk_label_set_text (self->detail_text, crm_feedback_get_text (feedback));

  name = crm_feedback_get_customer_name (feedback);
  gtk_button_set_label (self->customer_button, name && name[0] ? name : _("Anonymous"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->customer_button), crm_feedback_get_customer_id (feedback) > 0);

  status = crm_feedback_get_status (feedback);
  for (guint i = 0; crm_feedback_statuses[i] != NULL; i++)
    if (g_strcmp0 (status, crm_feedback_statuses[i]) == 0)
      adw_combo_row_set_selected (self->status_row, i);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->response_view),
                            crm_feedback_get_response (feedback), -1);
  responder = crm_feedback_get_responded_by (feedback);
  /* Translators: under "Response": who at the shop wrote the answer */
  by = responder != NULL && responder[0] != '\0' ? g_strdup_printf (_("Answered by %s"), responder) : NULL;
  adw_preferences_group_set_description (self->response_group, by);

  show_pane (self, "entry");

  /* Opening an entry reads it. */
  if (!crm_feedback_get_read (feedback))
    crm_store_set_feedback_read (get_store (self), id, TRUE, NULL);
}

static void
row_selected_cb (CrmFeedbackPage *self,
                 GtkListBoxRow   *row)
{
  if (self->filling || row == NULL)
    return;

  show_detail (self, row_id (row));
}

static void
back_clicked_cb (CrmFeedbackPage *self)
{
  adw_leaflet_set_visible_child (self->inbox_leaflet, self->list_pane);
}

static void
filters_changed_cb (CrmFeedbackPage *self)
{
  if (self->context != NULL)
    refresh (self);
}

static void
save_clicked_cb (CrmFeedbackPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *response = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->response_view);
  GtkTextIter start, end;
  guint status = adw_combo_row_get_selected (self->status_row);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  response = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  if (!crm_store_update_feedback (get_store (self), self->shown_id,
                                  crm_feedback_statuses[MIN (status, 2)], response, &error))
    g_warning ("%s", error->message);
}

static void
unread_clicked_cb (CrmFeedbackPage *self)
{
  gint64 id = self->shown_id;

  /* Back to the list, unread, so it is not read again at once. */
  self->shown_id = 0;
  gtk_list_box_unselect_all (self->list);
  show_pane (self, "none");
  crm_store_set_feedback_read (get_store (self), id, FALSE, NULL);
}

static void
delete_clicked_cb (CrmFeedbackPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = self->shown_id;

  self->shown_id = 0;
  show_pane (self, "none");
  if (!crm_store_delete_feedback (get_store (self), id, &error))
    g_warning ("%s", error->message);
}

static void
customer_clicked_cb (CrmFeedbackPage *self)
{
  g_autoptr(CrmFeedback) feedback = crm_store_get_feedback (get_store (self), self->shown_id);
  GApplication *app = g_application_get_default ();

  if (feedback == NULL || crm_feedback_get_customer_id (feedback) <= 0 || app == NULL)
    return;

  g_action_group_activate_action (G_ACTION_GROUP (app), "show-customer",
                                  g_variant_new_int64 (crm_feedback_get_customer_id (feedback)));
}

static void
follow_up_clicked_cb (CrmFeedbackPage *self)
{
  g_autoptr(CrmFeedback) feedback = crm_store_get_feedback (get_store (self), self->shown_id);
  g_autofree char *excerpt = NULL;
  g_autofree char *note = NULL;
  GtkWindow *dialog;

  if (feedback == NULL)
    return;

  excerpt = g_utf8_substring (crm_feedback_get_text (feedback), 0,
                              MIN (g_utf8_strlen (crm_feedback_get_text (feedback), -1), 60));
  note = g_strdup_printf ("%s: %s", crm_format_feedback_kind (crm_feedback_get_kind (feedback)), excerpt);
  dialog = crm_follow_up_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), get_store (self),
                                     crm_feedback_get_customer_id (feedback), 0);
  crm_follow_up_dialog_set_note (CRM_FOLLOW_UP_DIALOG (dialog), note);
  gtk_window_present (dialog);
}

static void
store_changed_cb (CrmStore        *store,
                  guint            change,
                  gint64           customer_id,
                  CrmFeedbackPage *self)
{
  if (change & (CRM_STORE_CHANGE_FEEDBACK | CRM_STORE_CHANGE_CUSTOMERS))
    refresh (self);
}

static void
crm_feedback_page_dispose (GObject *object)
{
  CrmFeedbackPage *self = CRM_FEEDBACK_PAGE (object);

  if (self->context != NULL)
    g_clear_signal_handler (&self->changed_id, get_store (self));
  g_clear_object (&self->context);
  g_clear_object (&self->ratings);

  G_OBJECT_CLASS (crm_feedback_page_parent_class)->dispose (object);
}

static void
crm_feedback_page_class_init (CrmFeedbackPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_feedback_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/crm-feedback-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmFeedbackPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrmFeedbackPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrmFeedbackPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrmFeedbackPage, rating_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrmFeedbackPage, channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrmFeedbackPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmFeedbackPage, list);
  gtk_widget_class_bind_template_child (widget_class, CrmFeedbackPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmFeedbackPage, inbox_leaflet);
  gtk_widget_class_bind_template_child (widget_class, CrmFeedbackPage, list_pane);
  gtk_widget_class_bind_template_child (widget_class, CrmFeedbackPage, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, CrmFeedbackPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, CrmFeedbackPage, detail_meta);
  gtk_widget_class_bind_template_child (widget_class, CrmFeedbackPage, customer_button);
  gtk_widget_class_bind_template_child (widget_class, CrmFeedbackPage, detail_text);
  gtk_widget_class_bind_template_child (widget_class, CrmFeedbackPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, CrmFeedbackPage, response_view);
  gtk_widget_class_bind_template_child (widget_class, CrmFeedbackPage, response_group);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, unread_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, customer_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, follow_up_clicked_cb);
}

static void
crm_feedback_page_init (CrmFeedbackPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->ratings = gtk_string_list_new (NULL);
  gtk_string_list_append (self->ratings, _("Any Rating"));
  for (guint i = 1; i <= 5; i++)
    {
      g_autofree char *label = crm_format_rating (i);

      gtk_string_list_append (self->ratings, label);
    }
  gtk_string_list_append (self->ratings, _("No Rating"));
  gtk_drop_down_set_model (self->rating_dropdown, G_LIST_MODEL (self->ratings));
  crm_accessible_fix_mnemonics (GTK_WIDGET (self));
}

void
crm_feedback_page_set_context (CrmFeedbackPage *self,
                               CrmContext      *context)
{
  g_return_if_fail (CRM_IS_FEEDBACK_PAGE (self));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  self->changed_id = g_signal_connect (get_store (self), "changed", G_CALLBACK (store_changed_cb), self);
  refresh (self);
}

void
crm_feedback_page_show_entry (CrmFeedbackPage *self,
                              gint64           feedback_id)
{
  g_return_if_fail (CRM_IS_FEEDBACK_PAGE (self));

  show_detail (self, feedback_id);
  refresh (self);
}

gint64
crm_feedback_page_get_shown (CrmFeedbackPage *self)
{
  g_return_val_if_fail (CRM_IS_FEEDBACK_PAGE (self), 0);

  return self->shown_id;
}
