/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-accessible.h"
#include "crm-connection-bar.h"
#include "crm-customers-page.h"
#include "crm-feedback-dialog.h"
#include "crm-feedback-page.h"
#include "crm-follow-up-dialog.h"
#include "crm-insights-page.h"
#include "crm-follow-ups-page.h"
#include "crm-duplicates-dialog.h"
#include "crm-import-dialog.h"
#include "crm-money.h"
#include "crm-shortcuts.h"
#include "crm-store.h"
#include "crm-text.h"
#include "crm-window-private.h"

G_DEFINE_FINAL_TYPE (CrmWindow, crm_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_CONTEXT,
  PROP_LOAD_ERROR,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkListBoxRow *
find_sidebar_row (CrmWindow  *self,
                  const char *section)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && g_strcmp0 (gtk_widget_get_name (child), section) == 0)
        return GTK_LIST_BOX_ROW (child);
    }

  return NULL;
}

/* A sidebar row reads as its section and what waits there: "Follow-ups,
 * 3 follow-ups waiting". */
static void
name_sidebar_row (CrmWindow  *self,
                  const char *section,
                  const char *waiting)
{
  GtkListBoxRow *row = find_sidebar_row (self, section);
  GtkWidget *page = gtk_stack_get_child_by_name (self->section_stack, section);

  crm_accessible_name_row (GTK_WIDGET (row),
                           gtk_stack_page_get_title (gtk_stack_get_page (self->section_stack, page)),
                           waiting);
}

static void
name_sidebar_rows (CrmWindow *self)
{
  static const char *const sections[] = { "customers", "follow-ups", "feedback", "insights" };

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    name_sidebar_row (self, sections[i], NULL);
}

static void
sidebar_row_activated_cb (GtkListBox    *box,
                          GtkListBoxRow *row,
                          CrmWindow     *self)
{
  if (!crm_window_lists_open (self, row))
    crm_window_set_section (self, gtk_widget_get_name (GTK_WIDGET (row)));

  /* On a narrow window the sidebar fills it: move on to the section. */
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
back_clicked_cb (CrmWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Onto a section, with the content in view on a narrow (folded) window. */
static void
show_section (CrmWindow  *self,
              const char *section)
{
  crm_window_set_section (self, section);
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
}

static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);

  show_section (self, g_variant_get_string (parameter, NULL));
}

static void
new_customer_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);

  show_section (self, "customers");
  crm_customers_page_new_customer (self->customers_page);
}

static void
new_follow_up_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);
  gint64 customer_id = crm_customers_page_get_shown_id (self->customers_page);
  GtkWindow *dialog;

  /* From a customer's page, for that customer. */
  if (g_strcmp0 (crm_window_get_section (self), "customers") != 0)
    customer_id = 0;

  dialog = crm_follow_up_dialog_new (GTK_WINDOW (self), crm_context_get_store (self->context),
                                     MAX (customer_id, 0), 0);
  gtk_window_present (dialog);
}

static void
waiting_changed_cb (CrmWindow *self)
{
  guint n = crm_follow_ups_page_count_waiting (self->follow_ups_page);
  g_autofree char *text = g_strdup_printf ("%u", n);
  g_autofree char *description = g_strdup_printf (ngettext ("%u follow-up waiting",
                                                            "%u follow-ups waiting", n), n);

  gtk_label_set_text (self->follow_ups_badge, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->follow_ups_badge), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->follow_ups_badge),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->follow_ups_badge), n > 0);
  name_sidebar_row (self, "follow-ups", n > 0 ? description : NULL);
}

static void
new_feedback_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);
  gint64 customer_id = crm_customers_page_get_shown_id (self->customers_page);
  GtkWindow *dialog;

  /* From a customer's page, about that customer. */
  if (g_strcmp0 (crm_window_get_section (self), "customers") != 0)
    customer_id = 0;

  dialog = crm_feedback_dialog_new (GTK_WINDOW (self), crm_context_get_store (self->context),
                                    MAX (customer_id, 0));
  gtk_window_present (dialog);
}

static void
update_feedback_badge (CrmWindow *self)
{
  guint n = crm_store_count_unread_feedback (crm_context_get_store (self->context));
  g_autofree char *text = g_strdup_printf ("%u", n);
  g_autofree char *description = g_strdup_printf (ngettext ("%u unread", "%u unread", n), n);

  gtk_label_set_text (self->feedback_badge, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->feedback_badge), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->feedback_badge),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->feedback_badge), n > 0);
  name_sidebar_row (self, "feedback", n > 0 ? description : NULL);
}

/* The button at the foot of the sidebar: who is at the counter, and a
 * menu to change that (app.staff) or manage the list. */
static void
update_staff_button (CrmWindow *self)
{
  CrmStore *store = crm_context_get_store (self->context);
  g_autoptr(GPtrArray) staff = crm_store_list_staff (store, FALSE);
  g_autoptr(CrmStaffMember) acting = crm_store_get_staff (store, crm_store_get_acting_staff (store));
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) people = g_menu_new ();
  g_autoptr(GMenu) manage = g_menu_new ();
  g_autofree char *description = NULL;

  for (guint i = 0; i < staff->len; i++)
    {
      CrmStaffMember *member = g_ptr_array_index (staff, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (member->name, NULL);

      g_menu_item_set_action_and_target_value (item, "app.staff", g_variant_new_int64 (member->id));
      g_menu_append_item (people, item);
    }

  if (staff->len > 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("Nobody in Particular"), NULL);

      g_menu_item_set_action_and_target_value (item, "app.staff", g_variant_new_int64 (0));
      g_menu_append_item (people, item);
      g_menu_append_section (menu, _("Who Is at the Counter?"), G_MENU_MODEL (people));
    }

  g_menu_append (manage, _("_Manage Staff…"), "app.manage-staff");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (manage));
  gtk_menu_button_set_menu_model (self->staff_button, G_MENU_MODEL (menu));

  gtk_label_set_label (self->staff_label, acting != NULL ? acting->name : _("Who Is at the Counter?"));

  /* Translators: what a screen reader says for the staff button; %s is a name */
  description = acting != NULL ? g_strdup_printf (_("At the counter: %s"), acting->name)
                               : g_strdup (_("Who Is at the Counter?"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->staff_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

static void
store_changed_cb (CrmStore  *store,
                  guint      change,
                  gint64     customer_id,
                  CrmWindow *self)
{
  if (change & CRM_STORE_CHANGE_FEEDBACK)
    update_feedback_badge (self);
  if (change & CRM_STORE_CHANGE_STAFF)
    update_staff_button (self);
  if (change & CRM_STORE_CHANGE_SETTINGS)
    crm_window_lists_refresh (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);

  if (g_str_equal (action_name, "win.find-duplicates"))
    gtk_window_present (crm_duplicates_dialog_new (GTK_WINDOW (self), crm_context_get_store (self->context)));
  else
    crm_import_dialog_open (GTK_WINDOW (self), crm_context_get_store (self->context),
                            g_str_equal (action_name, "win.import-sales"));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CrmWindow *self = CRM_WINDOW (widget);

  show_section (self, "customers");
  crm_customers_page_focus_search (self->customers_page);
}

static void
currency_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      CrmWindow        *self)
{
  g_autoptr(GError) error = NULL;

  if (!crm_money_is_currency (response))
    response = CRM_MONEY_DEFAULT_CURRENCY;

  if (!crm_store_set_setting (crm_context_get_store (self->context), "shop.currency", response, &error))
    g_warning ("Could not save the currency: %s", error->message);

  /* Answered by keyboard more often than not: the window's focus ring
   * shows where the keys go next, as it would after a Tab. */
  gtk_window_set_focus_visible (GTK_WINDOW (self), TRUE);
}

/* Asked once, on a shop that has never chosen: amounts are stored in its
 * hundredths, so this decides what every figure means. */
static void
ask_currency (CrmWindow *self)
{
  static const struct { const char *code; const char *label; } choices[] = {
    { "GEL", N_("Georgian Lari (₾)") },
    { "AMD", N_("Armenian Dram (֏)") },
    { "USD", N_("US Dollar ($)") },
    { "EUR", N_("Euro (€)") },
  };
  g_autofree char *current = NULL;
  GtkWidget *dialog;

  current = crm_store_dup_setting (crm_context_get_store (self->context), "shop.currency", NULL);
  if (current != NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Which Currency Does the Shop Use?"),
                                   _("Prices and purchases are kept in this currency. "
                                     "It can be changed later in Preferences."));
  /* Last added is the affirmative end of the row (or the top of the stack):
   * the lari goes there. */
  for (guint i = G_N_ELEMENTS (choices); i > 0; i--)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), choices[i - 1].code,
                                     _(choices[i - 1].label));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "GEL", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "GEL");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "GEL");
  g_signal_connect (dialog, "response", G_CALLBACK (currency_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
ask_currency_cb (gpointer user_data)
{
  CrmWindow *self = user_data;

  self->ask_currency_id = 0;
  ask_currency (self);
  return G_SOURCE_REMOVE;
}

static void
crm_window_map (GtkWidget *widget)
{
  CrmWindow *self = CRM_WINDOW (widget);

  GTK_WIDGET_CLASS (crm_window_parent_class)->map (widget);

  /* Once the window is up, so the question shows on top of it. */
  if (self->context != NULL && self->ask_currency_id == 0)
    self->ask_currency_id = g_idle_add (ask_currency_cb, self);

  if (self->context == NULL && crm_window_data_is_damage (self->load_error) && !self->recovery_shown)
    {
      self->recovery_shown = TRUE;
      crm_window_data_show_recovery (self);
    }
}

static void
crm_window_restore_state (CrmWindow *self)
{
  g_autofree char *section = NULL;
  int width, height;

  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  section = g_settings_get_string (self->settings, "last-section");
  crm_window_set_section (self, section);
}

static void
crm_window_save_state (CrmWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  /* The default size is the unmaximized one, which is what a later
   * unmaximize should come back to. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

/* Georgian and Armenian read in a font drawn for their script, with the
 * interface font for Latin. Left to fallback, each glyph comes from a font
 * whose line height GTK does not measure with, and a long wrapped label
 * can be laid out as one clipped line. Set for the whole display, so
 * dialogs and Preferences follow; the window is rebuilt in a new language. */
static void
apply_script_font (void)
{
  static GtkCssProvider *provider;
  const char *language = crm_text_ui_language ();
  const char *css = "";

  if (g_str_equal (language, "ka"))
    css = "window, tooltip { font-family: \"Noto Sans Georgian\", \"Cantarell\", sans-serif; }";
  else if (g_str_equal (language, "hy"))
    css = "window, tooltip { font-family: \"Noto Sans Armenian\", \"Cantarell\", sans-serif; }";

  if (provider == NULL)
    {
      provider = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
  gtk_css_provider_load_from_data (provider, css, -1);
}

/* One rule folds every section the same way: below CRM_WINDOW_FOLD_WIDTH
 * the sidebar and the section do not sit side by side; the sidebar is a
 * page of its own, reached by the header bar's back button. Decided on
 * the window's width, not on what the section on show happens to need,
 * so switching sections never folds or unfolds the window. */
static void
crm_window_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  CrmWindow *self = CRM_WINDOW (widget);
  gboolean can_unfold = width >= CRM_WINDOW_FOLD_WIDTH;

  if (adw_leaflet_get_can_unfold (self->leaflet) != can_unfold)
    adw_leaflet_set_can_unfold (self->leaflet, can_unfold);
  crm_customers_page_set_width (self->customers_page,
                                width < CRM_WINDOW_NARROW_WIDTH ? CRM_CUSTOMERS_NARROW :
                                !can_unfold ? CRM_CUSTOMERS_FOLDED : CRM_CUSTOMERS_WIDE);

  GTK_WIDGET_CLASS (crm_window_parent_class)->size_allocate (widget, width, height, baseline);
}

static gboolean
crm_window_close_request (GtkWindow *window)
{
  crm_window_save_state (CRM_WINDOW (window));

  return GTK_WINDOW_CLASS (crm_window_parent_class)->close_request (window);
}

static void
crm_window_constructed (GObject *object)
{
  CrmWindow *self = CRM_WINDOW (object);

  G_OBJECT_CLASS (crm_window_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));

  if (self->context == NULL)
    {
      static const char *const shop_actions[] = {
        "win.show-section", "win.new-customer", "win.find", "win.new-follow-up",
        "win.new-feedback", "win.import", "win.import-sales", "win.export-customers",
        "win.back-up", "win.find-duplicates", "win.save-list",
      };

      for (guint i = 0; i < G_N_ELEMENTS (shop_actions); i++)
        gtk_widget_action_set_enabled (GTK_WIDGET (self), shop_actions[i], FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->staff_button), FALSE);

      /* Filled in once the window has its application (map). */
      if (crm_window_data_is_damage (self->load_error))
        gtk_stack_set_visible_child_name (self->main_stack, "recovery");
      else if (self->load_error != NULL)
        {
          /* The status page reads markup; the message names a file. */
          g_autofree char *markup = g_markup_escape_text (self->load_error->message, -1);

          adw_status_page_set_description (self->error_page, markup);
          gtk_stack_set_visible_child_name (self->main_stack, "error");
          gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore", FALSE);
        }
      else
        {
          gtk_stack_set_visible_child_name (self->main_stack, "checking");
          gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore", FALSE);
        }
    }
  else
    {
      crm_customers_page_set_context (self->customers_page, self->context);
      crm_follow_ups_page_set_context (self->follow_ups_page, self->context);
      crm_feedback_page_set_context (self->feedback_page, self->context);
      crm_insights_page_set_context (self->insights_page, self->context);
      waiting_changed_cb (self);
      update_feedback_badge (self);
      update_staff_button (self);
      self->store_changed_id = g_signal_connect (crm_context_get_store (self->context), "changed",
                                                 G_CALLBACK (store_changed_cb), self);
      crm_connection_bar_set_store (self->connection_bar, crm_context_get_store (self->context));
      crm_window_lists_refresh (self);
    }

  crm_window_restore_state (self);
}

static void
crm_window_dispose (GObject *object)
{
  CrmWindow *self = CRM_WINDOW (object);

  g_clear_handle_id (&self->ask_currency_id, g_source_remove);
  crm_window_data_dispose (self);
  if (self->context != NULL)
    g_clear_signal_handler (&self->store_changed_id, crm_context_get_store (self->context));
  gtk_widget_dispose_template (GTK_WIDGET (self), CRM_TYPE_WINDOW);

  G_OBJECT_CLASS (crm_window_parent_class)->dispose (object);
}

static void
crm_window_finalize (GObject *object)
{
  CrmWindow *self = CRM_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->context);
  g_clear_error (&self->load_error);

  G_OBJECT_CLASS (crm_window_parent_class)->finalize (object);
}

static void
crm_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CrmWindow *self = CRM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_LOAD_ERROR:
      g_value_set_boxed (value, self->load_error);
      break;

    case PROP_SECTION:
      g_value_set_string (value, crm_window_get_section (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CrmWindow *self = CRM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_LOAD_ERROR:
      self->load_error = g_value_dup_boxed (value);
      break;

    case PROP_SECTION:
      crm_window_set_section (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_window_class_init (CrmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = crm_window_constructed;
  object_class->dispose = crm_window_dispose;
  object_class->finalize = crm_window_finalize;
  object_class->get_property = crm_window_get_property;
  object_class->set_property = crm_window_set_property;

  window_class->close_request = crm_window_close_request;
  widget_class->map = crm_window_map;
  widget_class->size_allocate = crm_window_size_allocate;

  g_type_ensure (CRM_TYPE_CONNECTION_BAR);
  g_type_ensure (CRM_TYPE_CUSTOMERS_PAGE);
  g_type_ensure (CRM_TYPE_FOLLOW_UPS_PAGE);
  g_type_ensure (CRM_TYPE_FEEDBACK_PAGE);
  g_type_ensure (CRM_TYPE_INSIGHTS_PAGE);

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, CRM_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Why there is no shop: the error or recovery page; with no context
   * and no error, the file is still being checked. */
  properties[PROP_LOAD_ERROR] =
    g_param_spec_boxed ("load-error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/crm-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, connection_bar);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, section_stack);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, customers_page);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, follow_ups_page);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, follow_ups_badge);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, feedback_page);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, feedback_badge);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, insights_page);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, staff_button);
  gtk_widget_class_bind_template_child (widget_class, CrmWindow, staff_label);
  gtk_widget_class_bind_template_callback (widget_class, waiting_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  /* Accelerators (Ctrl+1…4) are set on the application, where the
   * shortcuts window can list them. */
  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
  gtk_widget_class_install_action (widget_class, "win.new-customer", NULL, new_customer_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.new-follow-up", NULL, new_follow_up_action);
  gtk_widget_class_install_action (widget_class, "win.new-feedback", NULL, new_feedback_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-sales", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.find-duplicates", NULL, import_action);

  crm_window_data_class_init (widget_class);
  crm_window_lists_class_init (widget_class);
}

static void
crm_window_init (CrmWindow *self)
{
  apply_script_font ();
  crm_accessible_watch_windows ();
  gtk_widget_init_template (GTK_WIDGET (self));
  name_sidebar_rows (self);
}

/**
 * crm_window_new:
 * @context: (nullable): the open shop
 * @load_error: (nullable): why there is no shop; with neither, the window
 *   says the shop's data is being checked
 */
GtkWindow *
crm_window_new (CrmApplication *application,
                GSettings      *settings,
                CrmContext     *context,
                const GError   *load_error)
{
  GtkWindow *window;

  g_return_val_if_fail (CRM_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  window = g_object_new (CRM_TYPE_WINDOW,
                         "application", application,
                         "settings", settings,
                         "context", context,
                         "load-error", load_error,
                         NULL);
  /* Once it has the application: the shortcuts shown are its keys. */
  crm_shortcuts_window_attach (GTK_APPLICATION_WINDOW (window));

  return window;
}

/**
 * crm_window_get_section:
 *
 * Returns: the name of the section on show: "customers", "follow-ups",
 *   "feedback" or "insights"
 */
const char *
crm_window_get_section (CrmWindow *self)
{
  g_return_val_if_fail (CRM_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->section_stack);
}

void
crm_window_set_section (CrmWindow  *self,
                        const char *section)
{
  GtkWidget *child;
  GtkListBoxRow *row;

  g_return_if_fail (CRM_IS_WINDOW (self));

  child = section ? gtk_stack_get_child_by_name (self->section_stack, section) : NULL;
  if (child == NULL)
    {
      /* A stale name from the settings of another version. */
      g_debug ("No section called “%s”", section);
      section = "customers";
      child = gtk_stack_get_child_by_name (self->section_stack, section);
    }

  gtk_stack_set_visible_child (self->section_stack, child);
  /* Folded, the section is what shows; the back button leads to the sidebar. */
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  adw_window_title_set_title (self->content_title,
                              gtk_stack_page_get_title (gtk_stack_get_page (self->section_stack, child)));

  gtk_widget_set_visible (self->add_button, g_str_equal (section, "customers"));

  row = find_sidebar_row (self, section);
  if (row != gtk_list_box_get_selected_row (self->sidebar))
    gtk_list_box_select_row (self->sidebar, row);

  if (self->settings != NULL && self->context != NULL)
    g_settings_set_string (self->settings, "last-section", section);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}

void
crm_window_show_customer (CrmWindow *self,
                          gint64     customer_id)
{
  g_return_if_fail (CRM_IS_WINDOW (self));

  if (self->context == NULL)
    return;

  show_section (self, "customers");
  crm_customers_page_show_customer (self->customers_page, customer_id);
}

CrmCustomersPage *
crm_window_get_customers_page (CrmWindow *self)
{
  g_return_val_if_fail (CRM_IS_WINDOW (self), NULL);

  return self->customers_page;
}

gboolean
crm_window_has_unsaved_changes (CrmWindow *self)
{
  g_return_val_if_fail (CRM_IS_WINDOW (self), FALSE);

  return crm_customers_page_has_unsaved_changes (self->customers_page);
}
