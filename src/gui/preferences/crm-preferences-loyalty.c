/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-format.h"
#include "crm-loyalty.h"
#include "crm-money.h"
#include "crm-preferences-loyalty.h"
#include "crm-store-loyalty.h"

/* Preferences → Loyalty: the programme on or off, how points are earned
 * and what they are worth, the cap, expiry, key clients' multiplier, the
 * tiers and the rewards. Every change is checked and saved at once
 * (crm_loyalty_settings_save); a refused one says why and the page shows
 * what is really kept. */
struct _CrmPreferencesLoyalty
{
  AdwPreferencesPage   parent_instance;

  CrmContext          *context;
  GSignalGroup        *store_signals;
  GPtrArray           *tier_rows;
  GPtrArray           *reward_rows;
  gboolean             filling;

  GtkSwitch           *enabled_switch;
  GtkWidget           *earning_group;
  GtkWidget           *spending_group;
  AdwComboRow         *mode_row;
  GtkWidget           *points_row;
  GtkSpinButton       *points_spin;
  AdwEntryRow         *unit_row;
  GtkWidget           *percent_row;
  GtkSpinButton       *percent_spin;
  GtkSpinButton       *multiplier_spin;
  GtkSwitch           *discount_switch;
  AdwEntryRow         *value_row;
  GtkSpinButton       *cap_spin;
  GtkSpinButton       *expiry_spin;
  GtkWidget           *notice_row;
  GtkSpinButton       *notice_spin;
  AdwPreferencesGroup *tiers_group;
  GtkSwitch           *tiers_switch;
  AdwPreferencesGroup *rewards_group;
};

G_DEFINE_FINAL_TYPE (CrmPreferencesLoyalty, crm_preferences_loyalty, ADW_TYPE_PREFERENCES_PAGE)

static CrmStore *
get_store (CrmPreferencesLoyalty *self)
{
  return crm_context_get_store (self->context);
}

/* Hundredths to a spin button and back, rounded to the nearest. */
static void
set_hundredths (GtkSpinButton *spin,
                gint64         value)
{
  gtk_spin_button_set_value (spin, (double) value / 100.0);
}

static guint
get_hundredths (GtkSpinButton *spin)
{
  return (guint) (gtk_spin_button_get_value (spin) * 100.0 + 0.5);
}

static void
set_money (AdwEntryRow *row,
           gint64       minor)
{
  g_autofree char *text = crm_money_format_plain (minor);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static GtkWidget *
icon_button (const char *icon,
             const char *name,
             GCallback   callback,
             gpointer    self,
             gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (button), "crm-id", GSIZE_TO_POINTER ((gsize) id));
  g_signal_connect_swapped (button, "clicked", callback, self);
  return button;
}

static gint64
button_id (GtkWidget *button)
{
  return (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "crm-id"));
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static GtkWidget *
add_row (AdwPreferencesGroup *group,
         GPtrArray           *rows,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  /* Names are the shop's own text: shown as text. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
  return row;
}

static void edit_tier_cb     (CrmPreferencesLoyalty *self,
                              GtkWidget             *button);
static void remove_tier_cb   (CrmPreferencesLoyalty *self,
                              GtkWidget             *button);
static void edit_reward_cb   (CrmPreferencesLoyalty *self,
                              GtkWidget             *button);
static void reward_active_cb (CrmPreferencesLoyalty *self,
                              GParamSpec            *pspec,
                              GtkSwitch             *toggle);

static void
fill_tiers (CrmPreferencesLoyalty *self,
            const char            *currency)
{
  g_autoptr(GPtrArray) tiers = crm_store_list_tiers (get_store (self));

  clear_rows (self->tiers_group, self->tier_rows);
  for (guint i = 0; i < tiers->len; i++)
    {
      const CrmLoyaltyTier *tier = g_ptr_array_index (tiers, i);
      g_autofree char *from = crm_format_money (tier->min_spend, currency);
      /* Translators: a tier's threshold and rate: "From ₾500.00 · earns 150 %" */
      g_autofree char *subtitle = g_strdup_printf (_("From %s · earns %u %%"), from, tier->rate);
      /* Translators: for screen readers, the tier's buttons: "Edit Silver", "Remove Silver" */
      g_autofree char *edit = g_strdup_printf (_("Edit %s"), tier->name);
      g_autofree char *remove = g_strdup_printf (_("Remove %s"), tier->name);
      GtkWidget *row = add_row (self->tiers_group, self->tier_rows, tier->name, subtitle);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon_button ("document-edit-symbolic", edit,
                                                                    G_CALLBACK (edit_tier_cb), self, tier->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon_button ("user-trash-symbolic", remove,
                                                                    G_CALLBACK (remove_tier_cb), self, tier->id));
    }
}

static void
fill_rewards (CrmPreferencesLoyalty *self)
{
  g_autoptr(GPtrArray) rewards = crm_store_list_rewards (get_store (self), TRUE);

  clear_rows (self->rewards_group, self->reward_rows);
  for (guint i = 0; i < rewards->len; i++)
    {
      const CrmReward *reward = g_ptr_array_index (rewards, i);
      g_autofree char *cost = crm_loyalty_format_points (reward->points_cost);
      g_autofree char *subtitle = g_strdup_printf (ngettext ("%s point", "%s points",
                                                             crm_loyalty_plural (reward->points_cost)),
                                                   cost);
      g_autofree char *edit = g_strdup_printf (_("Edit %s"), reward->name);
      /* Translators: for screen readers, the switch of a reward: "Offered: Free coffee" */
      g_autofree char *offered = g_strdup_printf (_("Offered: %s"), reward->name);
      GtkWidget *row = add_row (self->rewards_group, self->reward_rows, reward->name, subtitle);
      GtkWidget *toggle = gtk_switch_new ();

      gtk_switch_set_active (GTK_SWITCH (toggle), reward->active);
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, offered, -1);
      g_object_set_data (G_OBJECT (toggle), "crm-id", GSIZE_TO_POINTER ((gsize) reward->id));
      g_signal_connect_swapped (toggle, "notify::active", G_CALLBACK (reward_active_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon_button ("document-edit-symbolic", edit,
                                                                    G_CALLBACK (edit_reward_cb), self, reward->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
    }
}

static void
load (CrmPreferencesLoyalty *self)
{
  g_autofree char *currency = crm_store_dup_currency (get_store (self));
  g_autofree char *unit_title = NULL;
  g_autofree char *value_title = NULL;
  CrmLoyaltySettings s;
  gboolean per_amount;

  crm_loyalty_settings_load (get_store (self), &s);
  per_amount = s.earn_mode == CRM_LOYALTY_EARN_PER_AMOUNT;

  self->filling = TRUE;
  gtk_switch_set_active (self->enabled_switch, s.enabled);
  adw_combo_row_set_selected (self->mode_row, per_amount ? 0 : 1);
  set_hundredths (self->points_spin, s.earn_points);
  set_money (self->unit_row, s.earn_unit);
  set_hundredths (self->percent_spin, s.earn_percent);
  set_hundredths (self->multiplier_spin, s.key_multiplier);
  gtk_switch_set_active (self->discount_switch, s.discount);
  set_money (self->value_row, s.point_value);
  gtk_spin_button_set_value (self->cap_spin, s.cap_percent);
  gtk_spin_button_set_value (self->expiry_spin, s.expiry_months);
  gtk_spin_button_set_value (self->notice_spin, s.expiry_notice_days);
  gtk_switch_set_active (self->tiers_switch, s.tiers);
  self->filling = FALSE;

  /* Translators: %s is the currency sign, ₾ or ֏ */
  unit_title = g_strdup_printf (_("Per _Amount Spent, %s"), crm_money_symbol (currency));
  /* Translators: %s is the currency sign, ₾ or ֏ */
  value_title = g_strdup_printf (_("One Point Is _Worth, %s"), crm_money_symbol (currency));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->unit_row), unit_title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->value_row), value_title);

  gtk_widget_set_visible (self->points_row, per_amount);
  gtk_widget_set_visible (GTK_WIDGET (self->unit_row), per_amount);
  gtk_widget_set_visible (self->percent_row, !per_amount);
  gtk_widget_set_sensitive (self->notice_row, s.expiry_months > 0);
  gtk_widget_set_sensitive (self->earning_group, s.enabled);
  gtk_widget_set_sensitive (self->spending_group, s.enabled);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tiers_group), s.enabled);
  gtk_widget_set_sensitive (GTK_WIDGET (self->rewards_group), s.enabled);

  fill_tiers (self, currency);
  fill_rewards (self);
}

static void
show_error (CrmPreferencesLoyalty *self,
            const GError          *error)
{
  crm_format_toast (GTK_WIDGET (self), error->message);
}

static gboolean
read_money (AdwEntryRow  *row,
            gint64       *minor,
            GError      **error)
{
  return crm_money_parse (gtk_editable_get_text (GTK_EDITABLE (row)), minor, error);
}

static void
setting_changed_cb (CrmPreferencesLoyalty *self)
{
  g_autoptr(GError) error = NULL;
  CrmLoyaltySettings s;

  if (self->filling || self->context == NULL)
    return;

  crm_loyalty_settings_load (get_store (self), &s);
  s.enabled = gtk_switch_get_active (self->enabled_switch);
  s.earn_mode = adw_combo_row_get_selected (self->mode_row) == 1 ? CRM_LOYALTY_EARN_PERCENT
                                                                  : CRM_LOYALTY_EARN_PER_AMOUNT;
  s.earn_points = get_hundredths (self->points_spin);
  s.earn_percent = get_hundredths (self->percent_spin);
  s.key_multiplier = get_hundredths (self->multiplier_spin);
  s.discount = gtk_switch_get_active (self->discount_switch);
  s.cap_percent = (guint) gtk_spin_button_get_value_as_int (self->cap_spin);
  s.expiry_months = (guint) gtk_spin_button_get_value_as_int (self->expiry_spin);
  s.expiry_notice_days = (guint) gtk_spin_button_get_value_as_int (self->notice_spin);
  s.tiers = gtk_switch_get_active (self->tiers_switch);

  if (!read_money (self->unit_row, &s.earn_unit, &error) ||
      !read_money (self->value_row, &s.point_value, &error) ||
      !crm_loyalty_settings_save (get_store (self), &s, &error))
    show_error (self, error);

  /* What was kept, including a refused value put back. */
  load (self);
}

/* The entry rows of a tier or reward dialog, read back by their keys. */
static GtkWidget *
dialog_entry (GtkWidget  *list,
              const char *title,
              const char *text,
              gboolean    number)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  if (number)
    g_object_set (row, "input-purpose", GTK_INPUT_PURPOSE_NUMBER, NULL);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

typedef void (*DialogFunc) (CrmPreferencesLoyalty *self,
                            gint64                 id,
                            const char * const    *texts);

typedef struct
{
  CrmPreferencesLoyalty *self;
  DialogFunc             func;
  gint64                 id;
  GtkWidget             *rows[3];
} DialogData;

static void
dialog_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    DialogData       *data)
{
  const char *texts[3] = { NULL };

  if (!g_str_equal (response, "save"))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (data->rows) && data->rows[i] != NULL; i++)
    texts[i] = gtk_editable_get_text (GTK_EDITABLE (data->rows[i]));
  data->func (data->self, data->id, texts);
}

/* A small form in a message dialog: up to three fields, Cancel and Save. */
static void
open_dialog (CrmPreferencesLoyalty *self,
             const char            *heading,
             DialogFunc             func,
             gint64                 id,
             const char * const    *titles,
             const char * const    *texts)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              heading, NULL);
  GtkWidget *list = gtk_list_box_new ();
  DialogData *data = g_new0 (DialogData, 1);

  data->self = self;
  data->func = func;
  data->id = id;
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < G_N_ELEMENTS (data->rows) && titles[i] != NULL; i++)
    data->rows[i] = dialog_entry (list, titles[i], texts[i], i > 0);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (dialog_response_cb), data,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (data->rows[0]);
}

/* Parses a tier's fields; @id 0 adds one. */
static gboolean
save_tier (CrmPreferencesLoyalty  *self,
           gint64                  id,
           const char             *name,
           const char             *min_spend,
           const char             *rate,
           GError                **error)
{
  g_autofree char *rate_text = g_strstrip (g_strdup (rate ? rate : ""));
  gint64 spend = 0;
  guint64 percent = 0;

  if (!crm_money_parse (min_spend, &spend, error))
    return FALSE;
  if (!g_ascii_string_to_unsigned (rate_text, 10, 1, 1000, &percent, NULL))
    {
      g_set_error_literal (error, CRM_LOYALTY_ERROR, CRM_LOYALTY_ERROR_INVALID,
                           _("Write the tier’s rate as a whole percent from 1 to 1000, for example 150."));
      return FALSE;
    }

  return id != 0 ? crm_store_update_tier (get_store (self), id, name, spend, (guint) percent, error)
                 : crm_store_add_tier (get_store (self), name, spend, (guint) percent, error) != 0;
}

static void
tier_dialog_cb (CrmPreferencesLoyalty *self,
                gint64                 id,
                const char * const    *texts)
{
  g_autoptr(GError) error = NULL;

  if (!save_tier (self, id, texts[0], texts[1], texts[2], &error))
    show_error (self, error);
}

static void
open_tier_dialog (CrmPreferencesLoyalty *self,
                  const CrmLoyaltyTier  *tier)
{
  g_autofree char *currency = crm_store_dup_currency (get_store (self));
  /* Translators: %s is the currency sign */
  g_autofree char *from_title = g_strdup_printf (_("_From a Spend of, %s"), crm_money_symbol (currency));
  g_autofree char *from = tier ? crm_money_format_plain (tier->min_spend) : NULL;
  g_autofree char *rate = g_strdup_printf ("%u", tier ? tier->rate : 100);
  const char *titles[] = { _("_Name"), from_title, _("_Earns, Percent of the Rate"), NULL };
  const char *texts[] = { tier ? tier->name : "", from ? from : "", rate };

  open_dialog (self, tier ? _("Edit Tier") : _("Add Tier"), tier_dialog_cb, tier ? tier->id : 0, titles, texts);
}

static void
add_tier_cb (CrmPreferencesLoyalty *self)
{
  open_tier_dialog (self, NULL);
}

static void
edit_tier_cb (CrmPreferencesLoyalty *self,
              GtkWidget             *button)
{
  g_autoptr(GPtrArray) tiers = crm_store_list_tiers (get_store (self));
  gint64 id = button_id (button);

  for (guint i = 0; i < tiers->len; i++)
    if (((CrmLoyaltyTier *) g_ptr_array_index (tiers, i))->id == id)
      open_tier_dialog (self, g_ptr_array_index (tiers, i));
}

static void
remove_tier_cb (CrmPreferencesLoyalty *self,
                GtkWidget             *button)
{
  g_autoptr(GError) error = NULL;

  if (!crm_store_delete_tier (get_store (self), button_id (button), &error))
    show_error (self, error);
}

static gboolean
save_reward (CrmPreferencesLoyalty  *self,
             gint64                  id,
             const char             *name,
             const char             *cost,
             gboolean                active,
             GError                **error)
{
  gint64 points = 0;

  if (!crm_loyalty_parse_points (cost, FALSE, &points, error))
    return FALSE;

  return id != 0 ? crm_store_update_reward (get_store (self), id, name, points, active, error)
                 : crm_store_add_reward (get_store (self), name, points, error) != 0;
}

static void
reward_dialog_cb (CrmPreferencesLoyalty *self,
                  gint64                 id,
                  const char * const    *texts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmReward) reward = id != 0 ? crm_store_get_reward (get_store (self), id) : NULL;

  if (!save_reward (self, id, texts[0], texts[1], reward == NULL || reward->active, &error))
    show_error (self, error);
}

static void
open_reward_dialog (CrmPreferencesLoyalty *self,
                    const CrmReward       *reward)
{
  g_autofree char *cost = reward ? crm_loyalty_format_points (reward->points_cost) : NULL;
  const char *titles[] = { _("_Name"), _("Cost in _Points"), NULL };
  const char *texts[] = { reward ? reward->name : "", cost ? cost : "" };

  open_dialog (self, reward ? _("Edit Reward") : _("Add Reward"), reward_dialog_cb,
               reward ? reward->id : 0, titles, texts);
}

static void
add_reward_cb (CrmPreferencesLoyalty *self)
{
  open_reward_dialog (self, NULL);
}

static void
edit_reward_cb (CrmPreferencesLoyalty *self,
                GtkWidget             *button)
{
  g_autoptr(CrmReward) reward = crm_store_get_reward (get_store (self), button_id (button));

  if (reward != NULL)
    open_reward_dialog (self, reward);
}

static void
reward_active_cb (CrmPreferencesLoyalty *self,
                  GParamSpec            *pspec,
                  GtkSwitch             *toggle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmReward) reward = crm_store_get_reward (get_store (self), button_id (GTK_WIDGET (toggle)));

  if (reward != NULL && reward->active != gtk_switch_get_active (toggle) &&
      !crm_store_update_reward (get_store (self), reward->id, reward->name, reward->points_cost,
                                gtk_switch_get_active (toggle), &error))
    show_error (self, error);
}

/* Rows are rebuilt after the store has announced the change, not inside
 * the handler of a button that is in one of them. */
static gboolean
reload_idle_cb (gpointer user_data)
{
  CrmPreferencesLoyalty *self = user_data;

  load (self);
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (CrmPreferencesLoyalty *self,
                  guint                  change)
{
  if (change & (CRM_STORE_CHANGE_LOYALTY | CRM_STORE_CHANGE_SETTINGS))
    g_idle_add (reload_idle_cb, g_object_ref (self));
}

static void
crm_preferences_loyalty_dispose (GObject *object)
{
  CrmPreferencesLoyalty *self = CRM_PREFERENCES_LOYALTY (object);

  g_clear_object (&self->store_signals);
  g_clear_object (&self->context);
  g_clear_pointer (&self->tier_rows, g_ptr_array_unref);
  g_clear_pointer (&self->reward_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (crm_preferences_loyalty_parent_class)->dispose (object);
}

static void
crm_preferences_loyalty_class_init (CrmPreferencesLoyaltyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_preferences_loyalty_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/crm-preferences-loyalty.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesLoyalty, enabled_switch);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesLoyalty, earning_group);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesLoyalty, spending_group);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesLoyalty, mode_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesLoyalty, points_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesLoyalty, points_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesLoyalty, unit_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesLoyalty, percent_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesLoyalty, percent_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesLoyalty, multiplier_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesLoyalty, discount_switch);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesLoyalty, value_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesLoyalty, cap_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesLoyalty, expiry_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesLoyalty, notice_row);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesLoyalty, notice_spin);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesLoyalty, tiers_group);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesLoyalty, tiers_switch);
  gtk_widget_class_bind_template_child (widget_class, CrmPreferencesLoyalty, rewards_group);
  gtk_widget_class_bind_template_callback (widget_class, setting_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_tier_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_reward_cb);
}

static void
crm_preferences_loyalty_init (CrmPreferencesLoyalty *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->tier_rows = g_ptr_array_new ();
  self->reward_rows = g_ptr_array_new ();
  self->store_signals = g_signal_group_new (CRM_TYPE_STORE);
  g_signal_group_connect_swapped (self->store_signals, "changed", G_CALLBACK (store_changed_cb), self);
}

/**
 * crm_preferences_loyalty_new:
 * @settings: the application's settings (for pages that bind them)
 *
 * Returns: (transfer floating): the Loyalty page
 */
GtkWidget *
crm_preferences_loyalty_new (GSettings  *settings,
                             CrmContext *context)
{
  CrmPreferencesLoyalty *self = g_object_new (CRM_TYPE_PREFERENCES_LOYALTY, NULL);

  g_return_val_if_fail (CRM_IS_CONTEXT (context), GTK_WIDGET (self));

  self->context = g_object_ref (context);
  g_signal_group_set_target (self->store_signals, crm_context_get_store (context));
  load (self);
  return GTK_WIDGET (self);
}

/**
 * crm_preferences_loyalty_add_tier:
 *
 * What the Add Tier dialog does with its three fields.
 *
 * Returns: whether the tier was added; the page says why not
 */
gboolean
crm_preferences_loyalty_add_tier (CrmPreferencesLoyalty *self,
                                  const char            *name,
                                  const char            *min_spend,
                                  const char            *rate)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CRM_IS_PREFERENCES_LOYALTY (self), FALSE);

  if (save_tier (self, 0, name, min_spend, rate, &error))
    return TRUE;

  show_error (self, error);
  return FALSE;
}

gboolean
crm_preferences_loyalty_add_reward (CrmPreferencesLoyalty *self,
                                    const char            *name,
                                    const char            *cost)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CRM_IS_PREFERENCES_LOYALTY (self), FALSE);

  if (save_reward (self, 0, name, cost, TRUE, &error))
    return TRUE;

  show_error (self, error);
  return FALSE;
}
