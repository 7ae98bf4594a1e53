/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-notifier"

#include "config.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "crm-loyalty.h"
#include "crm-message-compose.h"
#include "crm-notifier.h"

/* Turns the scheduler's announcements into desktop notifications. Each
 * notification is kept until the server says it closed: its actions only
 * arrive while this process holds it. */
struct _CrmNotifier
{
  GObject       parent_instance;

  GApplication *app;
  CrmContext   *context;
  GSignalGroup *scheduler_signals;
  GHashTable   *shown;          /* NotifyNotification → itself, until closed */

  gboolean      available;
  gboolean      actions;
  gboolean      body_markup;
  gboolean      persistence;
};

G_DEFINE_FINAL_TYPE (CrmNotifier, crm_notifier, G_TYPE_OBJECT)

enum {
  UNAVAILABLE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* More at once than this become one summary. */
#define MAX_SINGLE 3

static CrmStore *
get_store (CrmNotifier *self)
{
  return crm_context_get_store (self->context);
}

static void
closed_cb (NotifyNotification *notification,
           CrmNotifier        *self)
{
  g_hash_table_remove (self->shown, notification);
}

static void
show (CrmNotifier        *self,
      NotifyNotification *notification)
{
  g_autoptr(GError) error = NULL;

  notify_notification_set_hint (notification, "desktop-entry", g_variant_new_string (APP_ID));
  notify_notification_set_app_name (notification, _("Clientele"));
  g_signal_connect (notification, "closed", G_CALLBACK (closed_cb), self);

  if (!notify_notification_show (notification, &error))
    {
      g_message ("Could not show a notification: %s", error->message);
      self->available = FALSE;
      g_signal_emit (self, signals[UNAVAILABLE], 0);
      return;
    }

  g_hash_table_add (self->shown, g_object_ref (notification));
}

/* Text from customers is text: escape it where the server reads markup. */
static char *
body_text (CrmNotifier *self,
           const char  *text)
{
  return self->body_markup ? g_markup_escape_text (text ? text : "", -1) : g_strdup (text ? text : "");
}

static void
open_app (CrmNotifier *self,
          gint64       customer_id)
{
  if (customer_id > 0)
    g_action_group_activate_action (G_ACTION_GROUP (self->app), "show-customer",
                                    g_variant_new_int64 (customer_id));
  else
    g_action_group_activate_action (G_ACTION_GROUP (self->app), "show-follow-ups", NULL);
}

static void
follow_up_action_cb (NotifyNotification *notification,
                     char               *action,
                     gpointer            user_data)
{
  CrmNotifier *self = g_object_get_data (G_OBJECT (notification), "crm-notifier");
  gint64 id = GPOINTER_TO_SIZE (user_data);
  g_autoptr(CrmFollowUp) follow_up = crm_store_get_follow_up (get_store (self), id);
  g_autoptr(GError) error = NULL;
  gint64 now = crm_store_now (get_store (self));

  if (follow_up == NULL)
    return;

  if (g_str_equal (action, "done"))
    crm_store_complete_follow_up (get_store (self), id, &error);
  else if (g_str_equal (action, "snooze"))
    crm_store_snooze_follow_up (get_store (self), id, now + 60 * 60, &error);
  else if (g_str_equal (action, "tomorrow"))
    crm_store_snooze_follow_up (get_store (self), id,
                                crm_scheduler_next_opening (crm_context_get_scheduler (self->context), now),
                                &error);
  else if (g_str_equal (action, "send-wish"))
    g_action_group_activate_action (G_ACTION_GROUP (self->app), "send-message",
                                    g_variant_new ("(xs)", crm_follow_up_get_customer_id (follow_up),
                                                   "birthday"));
  else
    open_app (self, crm_follow_up_get_customer_id (follow_up));

  if (error != NULL)
    g_warning ("Reminder action “%s”: %s", action, error->message);
}

static void
summary_action_cb (NotifyNotification *notification,
                   char               *action,
                   gpointer            user_data)
{
  CrmNotifier *self = g_object_get_data (G_OBJECT (notification), "crm-notifier");

  open_app (self, 0);
}

/* Whether today is the customer's birthday and they agreed to a wish:
 * then the reminder offers Send Wish (docs/messages.md). */
static gboolean
wish_today (CrmNotifier *self,
            gint64       customer_id)
{
  g_autoptr(CrmCustomer) customer = crm_store_get_customer (get_store (self), customer_id);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (crm_store_now (get_store (self)));
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  g_autofree char *today = local != NULL ? g_date_time_format (local, "-%m-%d") : NULL;
  const char *birthday = customer != NULL ? crm_customer_get_birthday (customer) : NULL;

  return today != NULL && birthday != NULL && g_str_has_suffix (birthday, today) &&
         crm_message_allowed (customer, CRM_MESSAGE_BIRTHDAY);
}

static NotifyNotification *
new_notification (CrmNotifier *self,
                  const char  *summary,
                  const char  *body)
{
  NotifyNotification *notification = notify_notification_new (summary, body, APP_ID);

  g_object_set_data (G_OBJECT (notification), "crm-notifier", self);
  return notification;
}

/* A reminder for a person waits to be handled: it never expires, and
 * where the server keeps notifications it stays there after a button
 * (Done and the snoozes withdraw it themselves, store_changed_cb()). */
static void
keep_until_handled (CrmNotifier        *self,
                    NotifyNotification *notification)
{
  notify_notification_set_timeout (notification, NOTIFY_EXPIRES_NEVER);
  if (self->persistence)
    notify_notification_set_hint (notification, "resident", g_variant_new_boolean (TRUE));
}

/* "Tomorrow 09:30": the snooze to the next opening says when that is. */
static char *
tomorrow_label (CrmNotifier *self)
{
  CrmScheduler *scheduler = crm_context_get_scheduler (self->context);
  gint64 opening = crm_scheduler_next_opening (scheduler, crm_store_now (get_store (self)));
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (opening);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  g_autoptr(GDateTime) now_utc = g_date_time_new_from_unix_utc (crm_store_now (get_store (self)));
  g_autoptr(GDateTime) now = now_utc ? g_date_time_to_local (now_utc) : NULL;

  if (local == NULL || now == NULL)
    return g_strdup (_("Tomorrow"));

  /* A shop open past midnight opens again later the same day. */
  if (g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* Translators: a snooze button; %02d:%02d is the shop's opening time later today */
    return g_strdup_printf (_("Today %02d:%02d"), g_date_time_get_hour (local),
                            g_date_time_get_minute (local));

  /* Translators: a snooze button; %02d:%02d is the shop's opening time */
  return g_strdup_printf (_("Tomorrow %02d:%02d"), g_date_time_get_hour (local),
                          g_date_time_get_minute (local));
}

static void
notify_one (CrmNotifier *self,
            CrmFollowUp *follow_up)
{
  NotifyNotification *notification;
  g_autofree char *reward = crm_loyalty_dup_reward_line (get_store (self),
                                                         crm_follow_up_get_customer_id (follow_up));
  g_autofree char *note = reward != NULL
                          ? g_strdup_printf ("%s\n%s", crm_follow_up_get_note (follow_up) ?: "", reward)
                          : g_strdup (crm_follow_up_get_note (follow_up));
  g_autofree char *body = body_text (self, note);
  gpointer id = GSIZE_TO_POINTER ((gsize) crm_follow_up_get_id (follow_up));

  /* The summary is plain text by the specification: the name as it is. */
  notification = new_notification (self, crm_follow_up_get_customer_name (follow_up), body);
  g_object_set_data (G_OBJECT (notification), "crm-follow-up", id);
  notify_notification_set_urgency (notification,
                                   crm_follow_up_get_key_client (follow_up)
                                   ? NOTIFY_URGENCY_CRITICAL : NOTIFY_URGENCY_NORMAL);
  keep_until_handled (self, notification);

  /* Three buttons: what common servers show (the default action is a
   * click on the notification, not a button). */
  if (self->actions)
    {
      g_autofree char *tomorrow = tomorrow_label (self);

      notify_notification_add_action (notification, "done", _("Done"),
                                      follow_up_action_cb, id, NULL);
      notify_notification_add_action (notification, "snooze", _("In 1 Hour"),
                                      follow_up_action_cb, id, NULL);
      notify_notification_add_action (notification, "tomorrow", tomorrow,
                                      follow_up_action_cb, id, NULL);
      if (wish_today (self, crm_follow_up_get_customer_id (follow_up)))
        notify_notification_add_action (notification, "send-wish", _("Send Wish"),
                                        follow_up_action_cb, id, NULL);
      notify_notification_add_action (notification, "default", _("Open"),
                                      follow_up_action_cb, id, NULL);
    }

  show (self, notification);
  g_object_unref (notification);
}

static char *
names_of (CrmNotifier *self,
          GPtrArray   *follow_ups)
{
  g_autoptr(GString) names = g_string_new (NULL);
  guint shown = MIN (follow_ups->len, MAX_SINGLE);

  for (guint i = 0; i < shown; i++)
    {
      if (i > 0)
        /* Translators: between names in a list of customers */
        g_string_append (names, _(", "));
      g_string_append (names, crm_follow_up_get_customer_name (g_ptr_array_index (follow_ups, i)));
    }

  if (follow_ups->len > shown)
    {
      guint more = follow_ups->len - shown;

      g_string_append_printf (names, ngettext (" and %u more", " and %u more", more), more);
    }

  return body_text (self, names->str);
}

static void
notify_summary (CrmNotifier *self,
                const char  *summary,
                GPtrArray   *follow_ups)
{
  g_autofree char *body = follow_ups ? names_of (self, follow_ups) : g_strdup (_("Open Clientele to see them."));
  NotifyNotification *notification = new_notification (self, summary, body);

  /* It stands for reminders that wait too; a key client's among them
   * makes it as urgent as theirs alone would be. */
  keep_until_handled (self, notification);
  for (guint i = 0; follow_ups != NULL && i < follow_ups->len; i++)
    if (crm_follow_up_get_key_client (g_ptr_array_index (follow_ups, i)))
      {
        notify_notification_set_urgency (notification, NOTIFY_URGENCY_CRITICAL);
        break;
      }

  if (self->actions)
    notify_notification_add_action (notification, "default", _("Open"), summary_action_cb, NULL, NULL);

  show (self, notification);
  g_object_unref (notification);
}

static void
due_cb (CrmScheduler *scheduler,
        GPtrArray    *follow_ups,
        CrmNotifier  *self)
{
  g_autofree char *summary = NULL;

  if (!self->available)
    return;

  if (follow_ups->len <= MAX_SINGLE)
    {
      for (guint i = 0; i < follow_ups->len; i++)
        notify_one (self, g_ptr_array_index (follow_ups, i));
      return;
    }

  /* Many at once: one notification instead of a flood. */
  summary = g_strdup_printf (ngettext ("%u follow-up is due", "%u follow-ups are due", follow_ups->len),
                             follow_ups->len);
  notify_summary (self, summary, follow_ups);
}

static void
missed_cb (CrmScheduler *scheduler,
           GPtrArray    *follow_ups,
           CrmNotifier  *self)
{
  g_autofree char *summary = NULL;
  guint earlier = 0;

  if (!self->available)
    return;

  /* Announced before and left waiting: say "missed", not "while closed". */
  for (guint i = 0; i < follow_ups->len; i++)
    if (crm_follow_up_get_notified_at (g_ptr_array_index (follow_ups, i)) != 0)
      earlier++;

  if (earlier > 0)
    summary = g_strdup_printf (ngettext ("%u reminder was missed", "%u reminders were missed",
                                         follow_ups->len),
                               follow_ups->len);
  else
    summary = g_strdup_printf (ngettext ("%u follow-up fell due while Clientele was closed",
                                         "%u follow-ups fell due while Clientele was closed",
                                         follow_ups->len),
                               follow_ups->len);
  notify_summary (self, summary, follow_ups);
}

static void
digest_cb (CrmScheduler *scheduler,
           guint         today,
           guint         overdue,
           CrmNotifier  *self)
{
  g_autofree char *summary = NULL;
  g_autofree char *today_text = NULL;

  if (!self->available)
    return;

  today_text = g_strdup_printf (ngettext ("%u follow-up today", "%u follow-ups today", today), today);
  if (overdue > 0)
    {
      g_autofree char *overdue_text = g_strdup_printf (ngettext ("%u overdue", "%u overdue", overdue),
                                                       overdue);

      /* Translators: "5 follow-ups today, 2 overdue" */
      summary = g_strdup_printf (_("%s, %s"), today_text, overdue_text);
    }
  else
    summary = g_steal_pointer (&today_text);

  notify_summary (self, summary, NULL);
}

/* A follow-up done, snoozed or removed anywhere (on another PC of a
 * shared shop too): its notification shown here is withdrawn. */
static void
store_changed_cb (CrmStore    *store,
                  guint        change,
                  gint64       customer_id,
                  CrmNotifier *self)
{
  g_autoptr(GPtrArray) stale = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer notification;

  if (!(change & CRM_STORE_CHANGE_FOLLOW_UPS) || self->shown == NULL)
    return;

  g_hash_table_iter_init (&iter, self->shown);
  while (g_hash_table_iter_next (&iter, &notification, NULL))
    {
      gint64 id = GPOINTER_TO_SIZE (g_object_get_data (notification, "crm-follow-up"));
      g_autoptr(CrmFollowUp) follow_up = id > 0 ? crm_store_get_follow_up (store, id) : NULL;

      if (id > 0 && (follow_up == NULL || crm_follow_up_get_done_at (follow_up) != 0 ||
                     crm_follow_up_get_snoozed_until (follow_up) > crm_store_now (store)))
        g_ptr_array_add (stale, notification);
    }

  for (guint i = 0; i < stale->len; i++)
    notify_notification_close (g_ptr_array_index (stale, i), NULL);
}

/* Asked on the bus first: libnotify only finds out by warning. */
static gboolean
server_on_bus (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) owned = NULL;
  g_autoptr(GVariant) activatable = NULL;
  g_autofree const char **names = NULL;
  gboolean has_owner = FALSE;

  if (bus == NULL)
    return FALSE;

  owned = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.Notifications"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, 2000, NULL, NULL);
  if (owned != NULL)
    g_variant_get (owned, "(b)", &has_owner);
  if (has_owner)
    return TRUE;

  activatable = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                             "org.freedesktop.DBus", "ListActivatableNames", NULL,
                                             G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, 2000,
                                             NULL, NULL);
  if (activatable == NULL)
    return FALSE;

  g_variant_get (activatable, "(^a&s)", &names);
  return names != NULL && g_strv_contains (names, "org.freedesktop.Notifications");
}

static void
check_server (CrmNotifier *self)
{
  GList *caps;

  if (!server_on_bus () || (!notify_is_initted () && !notify_init (_("Clientele"))))
    {
      self->available = FALSE;
      g_message ("No notification server: reminders show in the window only");
      return;
    }

  caps = notify_get_server_caps ();
  self->available = caps != NULL;
  self->actions = g_list_find_custom (caps, "actions", (GCompareFunc) g_strcmp0) != NULL;
  self->body_markup = g_list_find_custom (caps, "body-markup", (GCompareFunc) g_strcmp0) != NULL;
  self->persistence = g_list_find_custom (caps, "persistence", (GCompareFunc) g_strcmp0) != NULL;
  g_list_free_full (caps, g_free);

  /* Said once: the window shows due follow-ups either way. */
  if (!self->available)
    g_message ("No notification server: reminders show in the window only");
  else if (!self->actions)
    g_message ("The notification server has no action buttons: use the window to act on reminders");
}

static void
crm_notifier_dispose (GObject *object)
{
  CrmNotifier *self = CRM_NOTIFIER (object);

  g_clear_object (&self->scheduler_signals);
  g_clear_pointer (&self->shown, g_hash_table_unref);
  g_clear_object (&self->context);
  self->app = NULL;

  G_OBJECT_CLASS (crm_notifier_parent_class)->dispose (object);
}

static void
crm_notifier_class_init (CrmNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crm_notifier_dispose;

  /**
   * CrmNotifier::unavailable:
   *
   * Notifications cannot be shown; the window must show due follow-ups.
   */
  signals[UNAVAILABLE] = g_signal_new ("unavailable", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
crm_notifier_init (CrmNotifier *self)
{
  self->shown = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, NULL);
}

/**
 * crm_notifier_new:
 * @app: the application (actions raise its window)
 *
 * Returns: (transfer full): a notifier following @context's scheduler
 */
CrmNotifier *
crm_notifier_new (GApplication *app,
                  CrmContext   *context)
{
  CrmNotifier *self;

  g_return_val_if_fail (G_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (CRM_IS_CONTEXT (context), NULL);

  self = g_object_new (CRM_TYPE_NOTIFIER, NULL);
  self->app = app;
  self->context = g_object_ref (context);

  check_server (self);

  self->scheduler_signals = g_signal_group_new (CRM_TYPE_SCHEDULER);
  g_signal_group_connect (self->scheduler_signals, "due", G_CALLBACK (due_cb), self);
  g_signal_group_connect (self->scheduler_signals, "missed", G_CALLBACK (missed_cb), self);
  g_signal_group_connect (self->scheduler_signals, "digest", G_CALLBACK (digest_cb), self);
  g_signal_group_set_target (self->scheduler_signals, crm_context_get_scheduler (context));
  g_signal_connect_object (get_store (self), "changed", G_CALLBACK (store_changed_cb), self, 0);

  return self;
}

/**
 * crm_notifier_is_available:
 *
 * Returns: whether desktop notifications reach a server
 */
gboolean
crm_notifier_is_available (CrmNotifier *self)
{
  g_return_val_if_fail (CRM_IS_NOTIFIER (self), FALSE);

  return self->available;
}
