/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-follow-ups-page"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-accessible.h"
#include "crm-follow-up-dialog.h"
#include "crm-follow-up-row.h"
#include "crm-follow-ups-page.h"
#include "crm-scheduler.h"
#include "crm-store-loyalty.h"
#include "crm-text.h"

/* Every follow-up of the shop in four groups: overdue, today, upcoming,
 * and the last ones done. */
struct _CrmFollowUpsPage
{
  AdwBin      parent_instance;

  CrmContext *context;
  gulong      changed_id;
  gulong      due_id;
  guint       minute_id;
  guint       n_waiting;

  GtkStack   *stack;
  GtkRevealer *missed_revealer;
  GtkLabel   *missed_label;
  GtkWidget  *missed_group;
  GtkListBox *missed_list;
  GtkWidget  *overdue_group;
  GtkListBox *overdue_list;
  GtkWidget  *today_group;
  GtkListBox *today_list;
  GtkWidget  *upcoming_group;
  GtkListBox *upcoming_list;
  GtkWidget  *done_group;
  GtkListBox *done_list;
  GtkWidget  *suggested_group;
  GtkListBox *suggested_list;
  guint       hour_id;
  guint       n_suggested;
  GSettings  *settings;
  /* Changes heard while the page was not on screen: its rows (and the
   * suggestions, which read every customer) are built when it is. */
  gboolean    rows_stale;
  gboolean    suggestions_stale;
};

G_DEFINE_FINAL_TYPE (CrmFollowUpsPage, crm_follow_ups_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_N_WAITING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define MAX_PENDING 500
#define MAX_DONE 20
#define MAX_SUGGESTED 10

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static gint64
start_of_tomorrow (gint64 now)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (local, 1);
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (tomorrow),
                                                         g_date_time_get_month (tomorrow),
                                                         g_date_time_get_day_of_month (tomorrow),
                                                         0, 0, 0);

  return g_date_time_to_unix (midnight);
}

/* "Birthday today · turns 40", "Birthday in 3 days · 5 Dec",
 * "First purchase 2 years ago today". */
static char *
describe_date (const CrmDateEvent *event,
               gint64              now)
{
  g_autofree char *when = NULL;
  g_autofree char *what = NULL;

  if (event->kind == CRM_DATE_FIRST_PURCHASE)
    {
      if (event->days == 0)
        /* Translators: the anniversary of a customer's first purchase */
        return g_strdup_printf (ngettext ("First purchase %u year ago today",
                                          "First purchase %u years ago today", event->years),
                                event->years);
      /* Translators: "First purchase 2 years ago in 3 days": the anniversary is in 3 days */
      when = g_strdup_printf (ngettext ("in %u day", "in %u days", event->days), event->days);
      return g_strdup_printf (ngettext ("First purchase %u year ago, %s",
                                        "First purchase %u years ago, %s", event->years),
                              event->years, when);
    }

  if (event->days == 0)
    what = g_strdup (_("Birthday today"));
  else
    {
      g_autofree char *day = crm_text_format_date (now + (gint64) event->days * 24 * 60 * 60, FALSE);

      /* Translators: "Birthday in 3 days, 5 Dec 2026" */
      what = g_strdup_printf (ngettext ("Birthday in %u day, %s", "Birthday in %u days, %s", event->days),
                              event->days, day);
    }
  if (event->years == 0)
    return g_steal_pointer (&what);

  /* Translators: the age a customer reaches on their birthday */
  when = g_strdup_printf (ngettext ("turns %u", "turns %u", event->years), event->years);
  return g_strdup_printf ("%s · %s", what, when);
}

static void
open_customer_cb (GtkButton *button,
                  gpointer   user_data)
{
  gint64 customer = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "crm-customer-id"));

  g_action_group_activate_action (G_ACTION_GROUP (g_application_get_default ()), "show-customer",
                                  g_variant_new_int64 (customer));
}

/* A row for a birthday or an anniversary, with @button_label doing
 * @callback for its customer. */
static GtkWidget *
date_row (CrmFollowUpsPage   *self,
          const CrmDateEvent *event,
          gint64              now,
          const char         *button_label,
          GCallback           callback)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (button_label);
  GtkWidget *icon = gtk_image_new_from_icon_name (event->kind == CRM_DATE_BIRTHDAY
                                                  ? "emblem-favorite-symbolic" : "starred-symbolic");
  g_autofree char *subtitle = describe_date (event, now);

  /* Built after the window was shown: read without the underscore. */
  crm_accessible_fix_mnemonic (button);

  if (event->key_client)
    {
      g_autofree char *line = g_strdup_printf ("%s · %s", C_("segment", "Key"), subtitle);

      g_free (subtitle);
      subtitle = g_steal_pointer (&line);
    }
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), event->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "crm-customer-id", GSIZE_TO_POINTER ((gsize) event->customer_id));
  g_object_set_data (G_OBJECT (button), "crm-days", GUINT_TO_POINTER (event->days));
  g_object_set_data_full (G_OBJECT (button), "crm-note", describe_date (event, now), g_free);
  g_signal_connect (button, "clicked", callback, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/* Today's birthdays (and anniversaries, when the shop wants them). */
static guint
add_todays_dates (CrmFollowUpsPage *self,
                  CrmStore         *store,
                  gint64            now)
{
  g_autoptr(GPtrArray) events = crm_store_list_dates (store, 0, g_settings_get_boolean (self->settings,
                                                                                       "first-purchase-anniversaries"));

  for (guint i = 0; i < events->len; i++)
    gtk_list_box_append (self->today_list,
                         date_row (self, g_ptr_array_index (events, i), now, _("_Open"),
                                   G_CALLBACK (open_customer_cb)));
  return events->len;
}

static gboolean
is_missed (GPtrArray   *missed,
           CrmFollowUp *follow_up)
{
  for (guint i = 0; i < missed->len; i++)
    if (crm_follow_up_get_id (g_ptr_array_index (missed, i)) == crm_follow_up_get_id (follow_up))
      return TRUE;

  return FALSE;
}

/* The banner: how many were missed, until they are handled or seen. */
static void
show_missed (CrmFollowUpsPage *self,
             guint             n_missed)
{
  if (n_missed > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u reminder was missed",
                                                         "%u reminders were missed", n_missed),
                                               n_missed);

      gtk_label_set_text (self->missed_label, text);
    }
  gtk_revealer_set_reveal_child (self->missed_revealer, n_missed > 0);
}

/* Review: the first missed one, where Done and Snooze are. */
static void
missed_show_cb (CrmFollowUpsPage *self)
{
  GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->missed_list));

  if (first != NULL)
    gtk_widget_grab_focus (first);
}

static void
missed_seen_cb (CrmFollowUpsPage *self)
{
  g_autoptr(GError) error = NULL;
  CrmStore *store = crm_context_get_store (self->context);
  gint64 today = crm_scheduler_get_day_start (crm_context_get_scheduler (self->context),
                                              crm_store_now (store));

  if (!crm_store_mark_missed_seen (store, today, &error))
    g_warning ("%s", error->message);
  crm_follow_ups_page_refresh (self);
}

static void
set_n_waiting (CrmFollowUpsPage *self,
               guint             n_waiting)
{
  if (self->n_waiting == n_waiting)
    return;
  self->n_waiting = n_waiting;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WAITING]);
}

/* What is pending, and which of it was missed (not done on its day). */
static GPtrArray *
read_pending (CrmFollowUpsPage  *self,
              gint64             now,
              GPtrArray        **missed)
{
  CrmStore *store = crm_context_get_store (self->context);

  *missed = crm_store_list_missed_follow_ups (store,
                                              crm_scheduler_get_day_start (crm_context_get_scheduler (self->context),
                                                                           now));
  return crm_store_list_follow_ups (store, FALSE, 0, MAX_PENDING);
}

/* Where a pending follow-up shows: 0 Overdue, 1 Today, 2 Upcoming, or
 * GROUP_MISSED. Missed, overdue and today's wait, as the badge says. */
#define GROUP_MISSED 3

static guint
pending_group (GPtrArray   *missed,
               CrmFollowUp *follow_up,
               gint64       now,
               gint64       tomorrow)
{
  gint64 when = crm_follow_up_get_when (follow_up);

  if (is_missed (missed, follow_up))
    return GROUP_MISSED;
  return when <= now ? 0 : when < tomorrow ? 1 : 2;
}

/* The sidebar's badge while the page is not shown: the same follow-ups
 * counted as the rows would be, without building them. */
static void
count_waiting (CrmFollowUpsPage *self)
{
  gint64 now = crm_store_now (crm_context_get_store (self->context));
  gint64 tomorrow = start_of_tomorrow (now);
  g_autoptr(GPtrArray) missed = NULL;
  g_autoptr(GPtrArray) pending = read_pending (self, now, &missed);
  guint n = 0;

  for (guint i = 0; i < pending->len; i++)
    if (pending_group (missed, g_ptr_array_index (pending, i), now, tomorrow) != 2)
      n++;
  set_n_waiting (self, n);
}

void
crm_follow_ups_page_refresh (CrmFollowUpsPage *self)
{
  guint n_dates;
  CrmStore *store;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GPtrArray) done = NULL;
  g_autoptr(GPtrArray) missed = NULL;
  gint64 now, tomorrow;
  guint n[3] = { 0, 0, 0 };
  guint n_missed = 0;
  GtkListBox *lists[3];

  g_return_if_fail (CRM_IS_FOLLOW_UPS_PAGE (self));

  if (self->context == NULL)
    return;

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      count_waiting (self);
      self->rows_stale = TRUE;
      return;
    }
  self->rows_stale = FALSE;

  store = crm_context_get_store (self->context);
  now = crm_store_now (store);
  tomorrow = start_of_tomorrow (now);
  lists[0] = self->overdue_list;
  lists[1] = self->today_list;
  lists[2] = self->upcoming_list;

  for (guint i = 0; i < 3; i++)
    clear_list (lists[i]);
  clear_list (self->done_list);

  clear_list (self->missed_list);
  pending = read_pending (self, now, &missed);
  for (guint i = 0; i < pending->len; i++)
    {
      CrmFollowUp *follow_up = g_ptr_array_index (pending, i);
      guint group = pending_group (missed, follow_up, now, tomorrow);

      if (group == GROUP_MISSED)
        {
          gtk_list_box_append (self->missed_list, crm_follow_up_row_new (self->context, follow_up, TRUE));
          n_missed++;
          continue;
        }
      gtk_list_box_append (lists[group], crm_follow_up_row_new (self->context, follow_up, TRUE));
      n[group]++;
    }
  show_missed (self, n_missed);

  n_dates = add_todays_dates (self, store, now);

  done = crm_store_list_follow_ups (store, TRUE, 0, MAX_DONE);
  for (guint i = 0; i < done->len; i++)
    gtk_list_box_append (self->done_list,
                         crm_follow_up_row_new (self->context, g_ptr_array_index (done, i), TRUE));

  gtk_widget_set_visible (self->missed_group, n_missed > 0);
  gtk_widget_set_visible (self->overdue_group, n[0] > 0);
  gtk_widget_set_visible (self->today_group, n[1] + n_dates > 0);
  gtk_widget_set_visible (self->upcoming_group, n[2] > 0);
  gtk_widget_set_visible (self->done_group, done->len > 0);
  gtk_stack_set_visible_child_name (self->stack,
                                    pending->len + done->len + self->n_suggested + n_dates > 0
                                    ? "list" : "empty");

  set_n_waiting (self, n_missed + n[0] + n[1]);
}

static void
schedule_suggestion_cb (GtkButton        *button,
                        CrmFollowUpsPage *self)
{
  g_autoptr(GError) error = NULL;
  CrmStore *store = crm_context_get_store (self->context);
  gint64 customer = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "crm-customer-id"));

  /* Due now: it moves to Overdue, where it can be done or snoozed. */
  if (crm_store_add_follow_up (store, customer, crm_store_now (store), _("Keep in touch"), 0, &error) == 0)
    g_warning ("%s", error->message);
}

static void
dismiss_suggestion_cb (GtkButton        *button,
                       CrmFollowUpsPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 customer = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "crm-customer-id"));

  if (!crm_store_dismiss_keep_in_touch (crm_context_get_store (self->context), customer, &error))
    g_warning ("%s", error->message);
}

static GtkWidget *
suggestion_button (CrmFollowUpsPage *self,
                   const char       *label,
                   gint64            customer,
                   GCallback         callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  crm_accessible_fix_mnemonic (button);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "crm-customer-id", GSIZE_TO_POINTER ((gsize) customer));
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

/* A follow-up at the shop's opening hour on the day, noting what it is. */
static void
schedule_date_cb (GtkButton        *button,
                  CrmFollowUpsPage *self)
{
  g_autoptr(GError) error = NULL;
  CrmStore *store = crm_context_get_store (self->context);
  gint64 customer = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "crm-customer-id"));
  guint days = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "crm-days"));
  const char *note = g_object_get_data (G_OBJECT (button), "crm-note");
  gint64 now = crm_store_now (store);
  gint64 due = crm_scheduler_next_opening (crm_context_get_scheduler (self->context),
                                           start_of_tomorrow (now + (gint64) (days - 1) * 24 * 60 * 60));

  if (crm_store_add_follow_up (store, customer, due, note, 0, &error) == 0)
    g_warning ("%s", error->message);
}

static void
schedule_lapse_cb (GtkButton        *button,
                   CrmFollowUpsPage *self)
{
  g_autoptr(GError) error = NULL;
  CrmStore *store = crm_context_get_store (self->context);
  gint64 customer = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "crm-customer-id"));
  const char *note = g_object_get_data (G_OBJECT (button), "crm-note");

  if (crm_store_add_follow_up (store, customer, crm_store_now (store), note, 0, &error) == 0)
    g_warning ("%s", error->message);
}

/* Customers whose loyalty points lapse soon, unless they are suggested
 * already: an invitation back before the points are gone. */
static guint
add_lapsing_points (CrmFollowUpsPage *self,
                    GPtrArray        *suggested)
{
  g_autoptr(GPtrArray) lapsing = crm_loyalty_list_lapsing (crm_context_get_store (self->context), MAX_SUGGESTED);
  guint added = 0;

  for (guint i = 0; i < lapsing->len; i++)
    {
      const CrmPointsLapse *lapse = g_ptr_array_index (lapsing, i);
      g_autofree char *points = crm_loyalty_format_points (lapse->points);
      g_autofree char *date = crm_text_format_date (lapse->lapse_at, FALSE);
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *button;
      gboolean listed = FALSE;

      for (guint j = 0; j < suggested->len; j++)
        listed = listed || crm_follow_up_get_customer_id (g_ptr_array_index (suggested, j)) == lapse->customer_id;
      if (listed)
        continue;

      /* Translators: a customer's loyalty points and when they lapse: "120 points lapse on 10 Jul 2027" */
      subtitle = g_strdup_printf (ngettext ("%s point lapses on %s", "%s points lapse on %s",
                                            crm_loyalty_plural (lapse->points)),
                                  points, date);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), lapse->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      button = suggestion_button (self, _("_Schedule"), lapse->customer_id, G_CALLBACK (schedule_lapse_cb));
      g_object_set_data_full (G_OBJECT (button), "crm-note", g_steal_pointer (&subtitle), g_free);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->suggested_list, row);
      added++;
    }

  return added;
}

/* Birthdays in the next days (Preferences → Reminders), soonest first,
 * ahead of the other suggestions: "Schedule" makes a follow-up for the
 * day itself. Today's are under Today. */
static guint
add_coming_dates (CrmFollowUpsPage *self,
                  CrmStore         *store,
                  gint64            now)
{
  guint ahead = (guint) MAX (g_settings_get_int (self->settings, "birthday-days-ahead"), 0);
  g_autoptr(GPtrArray) events = NULL;
  guint added = 0;

  if (ahead == 0)
    return 0;

  events = crm_store_list_dates (store, ahead,
                                 g_settings_get_boolean (self->settings, "first-purchase-anniversaries"));
  for (guint i = 0; i < events->len; i++)
    {
      const CrmDateEvent *event = g_ptr_array_index (events, i);
      GtkWidget *row;

      if (event->days == 0)
        continue;
      row = date_row (self, event, now, _("_Schedule"), G_CALLBACK (schedule_date_cb));
      gtk_list_box_insert (self->suggested_list, row, (int) added);
      added++;
    }

  return added;
}

/* Suggestions look at every customer: asked when the page is shown, when
 * follow-ups change and once an hour, not every minute. */
static void
refresh_suggestions (CrmFollowUpsPage *self)
{
  g_autoptr(GPtrArray) suggestions = NULL;
  CrmStore *store = crm_context_get_store (self->context);
  gint64 now = crm_store_now (store);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->suggestions_stale = TRUE;
      return;
    }
  self->suggestions_stale = FALSE;

  clear_list (self->suggested_list);
  suggestions = crm_store_list_keep_in_touch (store, MAX_SUGGESTED);
  for (guint i = 0; i < suggestions->len; i++)
    {
      CrmFollowUp *suggestion = g_ptr_array_index (suggestions, i);
      GtkWidget *row = adw_action_row_new ();
      gint64 customer = crm_follow_up_get_customer_id (suggestion);
      g_autofree char *silent = NULL;
      g_autofree char *subtitle = NULL;
      gint64 days = 0;
      gint64 cadence_days = crm_follow_up_get_key_client (suggestion)
        ? crm_store_get_setting_int (store, "touch.key_days", 14)
        : crm_store_get_setting_int (store, "touch.secondary_days", 60);

      /* Due when the cadence ran out: silent for the cadence and more. */
      days = cadence_days + MAX (now - crm_follow_up_get_due_at (suggestion), 0) / (24 * 60 * 60);
      silent = g_strdup_printf (ngettext ("No contact for %u day", "No contact for %u days", (guint) days),
                                (guint) days);
      subtitle = crm_follow_up_get_key_client (suggestion)
        ? g_strdup_printf ("%s · %s", C_("segment", "Key"), silent)
        : g_steal_pointer (&silent);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), crm_follow_up_get_customer_name (suggestion));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 suggestion_button (self, _("_Schedule"), customer,
                                                    G_CALLBACK (schedule_suggestion_cb)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 suggestion_button (self, _("_Not Now"), customer,
                                                    G_CALLBACK (dismiss_suggestion_cb)));
      gtk_list_box_append (self->suggested_list, row);
    }

  self->n_suggested = add_coming_dates (self, store, now) + suggestions->len +
                      add_lapsing_points (self, suggestions);
  gtk_widget_set_visible (self->suggested_group, self->n_suggested > 0);
}

static gboolean
hour_cb (gpointer user_data)
{
  CrmFollowUpsPage *self = user_data;

  refresh_suggestions (self);
  crm_follow_ups_page_refresh (self);
  return G_SOURCE_CONTINUE;
}

static void
row_activated_cb (CrmFollowUpsPage *self,
                  GtkListBoxRow    *row)
{
  if (CRM_IS_FOLLOW_UP_ROW (row))
    gtk_widget_activate_action (GTK_WIDGET (row), "follow-up.edit", NULL);
}

static void
store_changed_cb (CrmStore         *store,
                  guint             change,
                  gint64            customer_id,
                  CrmFollowUpsPage *self)
{
  if (change & (CRM_STORE_CHANGE_FOLLOW_UPS | CRM_STORE_CHANGE_CUSTOMERS | CRM_STORE_CHANGE_LOYALTY))
    {
      refresh_suggestions (self);
      crm_follow_ups_page_refresh (self);
    }
  else if (change & CRM_STORE_CHANGE_SETTINGS)
    /* Missed marked seen on another PC, or new shop hours. */
    crm_follow_ups_page_refresh (self);
}

/* Time moves follow-ups from Upcoming to Today to Overdue. */
static gboolean
minute_cb (gpointer user_data)
{
  crm_follow_ups_page_refresh (user_data);
  return G_SOURCE_CONTINUE;
}

static void
crm_follow_ups_page_dispose (GObject *object)
{
  CrmFollowUpsPage *self = CRM_FOLLOW_UPS_PAGE (object);

  g_clear_handle_id (&self->minute_id, g_source_remove);
  g_clear_handle_id (&self->hour_id, g_source_remove);
  if (self->context != NULL)
    {
      g_clear_signal_handler (&self->changed_id, crm_context_get_store (self->context));
      g_clear_signal_handler (&self->due_id, crm_context_get_scheduler (self->context));
    }
  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (crm_follow_ups_page_parent_class)->dispose (object);
}

static void
crm_follow_ups_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CrmFollowUpsPage *self = CRM_FOLLOW_UPS_PAGE (object);

  switch (prop_id)
    {
    case PROP_N_WAITING:
      g_value_set_uint (value, self->n_waiting);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Shown: catch up on what changed meanwhile. */
static void
crm_follow_ups_page_map (GtkWidget *widget)
{
  CrmFollowUpsPage *self = CRM_FOLLOW_UPS_PAGE (widget);
  gboolean suggestions = self->suggestions_stale;

  GTK_WIDGET_CLASS (crm_follow_ups_page_parent_class)->map (widget);

  if (self->context == NULL)
    return;
  if (suggestions)
    refresh_suggestions (self);
  /* The suggestions count in whether the page reads as empty. */
  if (self->rows_stale || suggestions)
    crm_follow_ups_page_refresh (self);
}

static void
crm_follow_ups_page_class_init (CrmFollowUpsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_follow_ups_page_dispose;
  object_class->get_property = crm_follow_ups_page_get_property;
  widget_class->map = crm_follow_ups_page_map;

  /* Overdue or due later today: the sidebar shows it as a badge. */
  properties[PROP_N_WAITING] =
    g_param_spec_uint ("n-waiting", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/crm-follow-ups-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpsPage, missed_revealer);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpsPage, missed_label);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpsPage, missed_group);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpsPage, missed_list);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpsPage, overdue_group);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpsPage, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpsPage, today_group);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpsPage, today_list);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpsPage, upcoming_group);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpsPage, upcoming_list);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpsPage, done_group);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpsPage, done_list);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpsPage, suggested_group);
  gtk_widget_class_bind_template_child (widget_class, CrmFollowUpsPage, suggested_list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, missed_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, missed_seen_cb);
}

static void
settings_changed_cb (GSettings        *settings,
                     const char       *key,
                     CrmFollowUpsPage *self)
{
  if (self->context == NULL)
    return;
  refresh_suggestions (self);
  crm_follow_ups_page_refresh (self);
}

static void
crm_follow_ups_page_init (CrmFollowUpsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::birthday-days-ahead",
                           G_CALLBACK (settings_changed_cb), self, 0);
  g_signal_connect_object (self->settings, "changed::first-purchase-anniversaries",
                           G_CALLBACK (settings_changed_cb), self, 0);
}

void
crm_follow_ups_page_set_context (CrmFollowUpsPage *self,
                                 CrmContext       *context)
{
  g_return_if_fail (CRM_IS_FOLLOW_UPS_PAGE (self));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  self->changed_id = g_signal_connect (crm_context_get_store (context), "changed",
                                       G_CALLBACK (store_changed_cb), self);
  self->due_id = g_signal_connect_swapped (crm_context_get_scheduler (context), "due",
                                           G_CALLBACK (crm_follow_ups_page_refresh), self);
  self->minute_id = g_timeout_add_seconds (60, minute_cb, self);
  self->hour_id = g_timeout_add_seconds (60 * 60, hour_cb, self);
  refresh_suggestions (self);
  crm_follow_ups_page_refresh (self);
}

/**
 * crm_follow_ups_page_count_waiting:
 *
 * Returns: follow-ups overdue or due later today, for the sidebar's badge
 */
guint
crm_follow_ups_page_count_waiting (CrmFollowUpsPage *self)
{
  g_return_val_if_fail (CRM_IS_FOLLOW_UPS_PAGE (self), 0);

  return self->n_waiting;
}
