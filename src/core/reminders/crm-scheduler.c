/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-scheduler"

#include "config.h"

#include "crm-scheduler.h"

/* Decides when follow-ups are announced. One timer is armed, for the next
 * unannounced due time but never more than a minute ahead: comparing the
 * clock every minute is how a suspend or a clock change is noticed, and a
 * minute is the most an idle shop PC is woken for. The time comes from the
 * store's clock, so tests move it by hand and call crm_scheduler_tick(). */
struct _CrmScheduler
{
  GObject   parent_instance;

  CrmStore *store;
  gulong    changed_id;
  guint     timeout_id;
  gint64    wakeup;
  gboolean  timers;
  gboolean  started;
  gboolean  ticking;
};

G_DEFINE_FINAL_TYPE (CrmScheduler, crm_scheduler, G_TYPE_OBJECT)

enum {
  DUE,
  MISSED,
  DIGEST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define MAX_SLEEP 60
#define DEFAULT_OPENS (9 * 60)
#define DEFAULT_CLOSES (19 * 60)

static GDateTime *
local_time (gint64 unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);

  return utc ? g_date_time_to_local (utc) : g_date_time_new_now_local ();
}

static gint64
minute_of_day (CrmScheduler *self,
               gint64        unix_time,
               gint64       *day_start)
{
  g_autoptr(GDateTime) local = local_time (unix_time);
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (local),
                                                         g_date_time_get_month (local),
                                                         g_date_time_get_day_of_month (local),
                                                         0, 0, 0);

  if (day_start != NULL)
    *day_start = g_date_time_to_unix (midnight);

  return g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
}

static void
shop_hours (CrmStore *store,
            gint     *opens,
            gint     *closes)
{
  *opens = CLAMP (crm_store_get_setting_int (store, "reminders.opens", DEFAULT_OPENS), 0, 24 * 60);
  *closes = CLAMP (crm_store_get_setting_int (store, "reminders.closes", DEFAULT_CLOSES), 0, 24 * 60);
}

static gboolean
open_at (CrmStore *store,
         gint64    unix_time)
{
  gint opens, closes;
  gint64 minute = minute_of_day (NULL, unix_time, NULL);

  shop_hours (store, &opens, &closes);

  if (opens == closes)
    return TRUE;
  if (opens < closes)
    return minute >= opens && minute < closes;

  /* Open past midnight. */
  return minute >= opens || minute < closes;
}

static gint64
next_opening (CrmStore *store,
              gint64    unix_time)
{
  g_autoptr(GDateTime) local = local_time (unix_time);
  gint opens, closes;

  shop_hours (store, &opens, &closes);

  for (int day = 0; day <= 2; day++)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (local, day);
      g_autoptr(GDateTime) opening = g_date_time_new_local (g_date_time_get_year (date),
                                                            g_date_time_get_month (date),
                                                            g_date_time_get_day_of_month (date),
                                                            opens / 60, opens % 60, 0);

      if (opening != NULL && g_date_time_to_unix (opening) > unix_time)
        return g_date_time_to_unix (opening);
    }

  return unix_time + 24 * 60 * 60;
}

/**
 * crm_scheduler_is_open:
 *
 * Returns: whether @unix_time falls inside shop hours, when reminders may
 *   pop up. Opening equal to closing means always.
 */
gboolean
crm_scheduler_is_open (CrmScheduler *self,
                       gint64        unix_time)
{
  g_return_val_if_fail (CRM_IS_SCHEDULER (self), TRUE);

  return open_at (self->store, unix_time);
}

/**
 * crm_scheduler_next_opening:
 *
 * Returns: the next time the shop opens after @unix_time: "Tomorrow" on a
 *   reminder means this
 */
gint64
crm_scheduler_next_opening (CrmScheduler *self,
                            gint64        unix_time)
{
  g_return_val_if_fail (CRM_IS_SCHEDULER (self), unix_time);

  return next_opening (self->store, unix_time);
}

/**
 * crm_scheduler_propose_time:
 * @store: the shop, whose hours count
 * @now: the time the owner starts a new follow-up
 *
 * The time a new follow-up is offered: the next full hour, soon and round,
 * when the shop is open then; otherwise the next opening (at 23:27 not
 * midnight, but the morning's opening time).
 *
 * Returns: a unix time after @now
 */
gint64
crm_scheduler_propose_time (CrmStore *store,
                            gint64    now)
{
  g_autoptr(GDateTime) local = local_time (now);
  g_autoptr(GDateTime) later = g_date_time_add_hours (local, 1);
  gint64 hour;

  g_return_val_if_fail (CRM_IS_STORE (store), now);

  hour = g_date_time_to_unix (later) - g_date_time_get_minute (later) * 60 - g_date_time_get_second (later);
  return open_at (store, hour) ? hour : next_opening (store, now);
}

static char *
day_key (gint64 unix_time)
{
  g_autoptr(GDateTime) local = local_time (unix_time);

  return g_date_time_format (local, "%Y-%m-%d");
}

static gboolean timeout_cb (gpointer user_data);

static void
arm (CrmScheduler *self,
     gint64        now)
{
  gint64 next = crm_store_next_follow_up_time (self->store);
  gint64 delay = MAX_SLEEP;

  if (!crm_scheduler_is_open (self, now))
    delay = crm_scheduler_next_opening (self, now) - now;
  else if (next > 0)
    delay = next - now;

  delay = CLAMP (delay, 1, MAX_SLEEP);
  self->wakeup = now + delay;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->timers)
    self->timeout_id = g_timeout_add_seconds ((guint) delay, timeout_cb, self);
}

/* @earlier: follow-ups announced before and still waiting, told again
 * with the ones announced now (the catch-up at start) */
static void
announce (CrmScheduler *self,
          guint         signal_id,
          GPtrArray    *follow_ups,
          GPtrArray    *earlier,
          gint64        now)
{
  g_autoptr(GError) error = NULL;

  /* Remember first: whatever the listeners do, it is never repeated.
   * Another PC of a shared shop may have claimed some first. */
  if (!crm_store_mark_follow_ups_notified (self->store, follow_ups, now, &error))
    {
      g_warning ("Could not remember the reminders: %s", error->message);
      return;
    }
  for (guint i = 0; earlier != NULL && i < earlier->len; i++)
    g_ptr_array_add (follow_ups, g_object_ref (g_ptr_array_index (earlier, i)));
  if (follow_ups->len == 0)
    return;

  g_signal_emit (self, signals[signal_id], 0, follow_ups);
}

/**
 * crm_scheduler_tick:
 *
 * Looks at the clock: sends the morning digest once a day at opening,
 * announces what fell due, and arms the timer again. The timer calls this;
 * so does any change to follow-ups or shop hours.
 */
void
crm_scheduler_tick (CrmScheduler *self)
{
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) earlier = NULL;
  g_autofree char *today = NULL;
  g_autofree char *digest_day = NULL;
  gboolean digest_sent = FALSE;
  gint64 now;

  g_return_if_fail (CRM_IS_SCHEDULER (self));

  /* Saving the digest's day is a store change, which calls back here. */
  if (self->ticking)
    return;
  self->ticking = TRUE;

  now = crm_store_now (self->store);

  if (!crm_scheduler_is_open (self, now))
    {
      /* What falls due now waits for the digest at opening. */
      self->started = TRUE;
      arm (self, now);
      self->ticking = FALSE;
      return;
    }

  today = day_key (now);
  digest_day = crm_store_dup_setting (self->store, "reminders.digest_day", NULL);
  /* Once per shop and day: on a shared database, one PC only. */
  if (g_strcmp0 (today, digest_day) != 0 &&
      crm_store_claim_day (self->store, "digest", today, NULL))
    {
      gint64 day_start;
      guint overdue, due_today;
      g_autoptr(GPtrArray) covered = NULL;

      minute_of_day (self, now, &day_start);
      crm_store_count_pending_follow_ups (self->store, day_start, day_start + 24 * 60 * 60,
                                          &overdue, &due_today);

      /* The digest speaks for everything due so far. */
      covered = crm_store_list_due_follow_ups (self->store, now);
      crm_store_mark_follow_ups_notified (self->store, covered, now, NULL);
      crm_store_set_setting (self->store, "reminders.digest_day", today, NULL);

      if (overdue + due_today > 0)
        g_signal_emit (self, signals[DIGEST], 0, due_today, overdue);
      digest_sent = TRUE;
    }

  /* At start, what was announced before and missed comes back with what
   * fell due while the app was closed: read before the new ones are
   * marked, so that none is told twice. */
  if (!self->started && !digest_sent)
    {
      gint64 day_start;

      minute_of_day (self, now, &day_start);
      earlier = crm_store_list_missed_follow_ups (self->store, day_start);
    }

  due = crm_store_list_due_follow_ups (self->store, now);
  if (due->len > 0 || (earlier != NULL && earlier->len > 0))
    announce (self, self->started ? DUE : MISSED, due, earlier, now);

  self->started = TRUE;
  arm (self, now);
  self->ticking = FALSE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  CrmScheduler *self = user_data;

  self->timeout_id = 0;
  crm_scheduler_tick (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (CrmStore     *store,
                  guint         change,
                  gint64        customer_id,
                  CrmScheduler *self)
{
  if (self->started && (change & (CRM_STORE_CHANGE_FOLLOW_UPS | CRM_STORE_CHANGE_SETTINGS)))
    crm_scheduler_tick (self);
}

static void
crm_scheduler_dispose (GObject *object)
{
  CrmScheduler *self = CRM_SCHEDULER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_scheduler_parent_class)->dispose (object);
}

static void
crm_scheduler_class_init (CrmSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crm_scheduler_dispose;

  /**
   * CrmScheduler::due:
   * @follow_ups: (element-type CrmFollowUp): what just fell due
   */
  signals[DUE] = g_signal_new ("due", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                               0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);

  /**
   * CrmScheduler::missed:
   * @follow_ups: (element-type CrmFollowUp): what fell due while the app
   *   was not running, and what was announced before but missed (not
   *   handled by the end of its day, crm_store_list_missed_follow_ups()):
   *   told once at start, unless the day's digest speaks for them. The
   *   missed ones have notified_at set, the others 0.
   */
  signals[MISSED] = g_signal_new ("missed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);

  /**
   * CrmScheduler::digest:
   * @today: follow-ups due today
   * @overdue: follow-ups due before today and not done
   *
   * Once a day, when the shop opens (or the app starts in shop hours).
   */
  signals[DIGEST] = g_signal_new ("digest", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
crm_scheduler_init (CrmScheduler *self)
{
  self->timers = TRUE;
}

CrmScheduler *
crm_scheduler_new (CrmStore *store)
{
  CrmScheduler *self;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  self = g_object_new (CRM_TYPE_SCHEDULER, NULL);
  self->store = g_object_ref (store);
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);

  return self;
}

/**
 * crm_scheduler_set_timers:
 *
 * Tests turn the real timer off and call crm_scheduler_tick() themselves.
 */
void
crm_scheduler_set_timers (CrmScheduler *self,
                          gboolean      enabled)
{
  g_return_if_fail (CRM_IS_SCHEDULER (self));

  self->timers = enabled;
  if (!enabled)
    g_clear_handle_id (&self->timeout_id, g_source_remove);
}

/**
 * crm_scheduler_start:
 *
 * The first look at the clock: what fell due while the app was closed is
 * announced as #CrmScheduler::missed (or by the digest), then reminders
 * follow their times.
 */
void
crm_scheduler_start (CrmScheduler *self)
{
  g_return_if_fail (CRM_IS_SCHEDULER (self));

  if (!self->started)
    crm_scheduler_tick (self);
}

/**
 * crm_scheduler_get_wakeup:
 *
 * Returns: when the armed timer fires (store clock), or 0 before start
 */
gint64
crm_scheduler_get_wakeup (CrmScheduler *self)
{
  g_return_val_if_fail (CRM_IS_SCHEDULER (self), 0);

  return self->wakeup;
}

/**
 * crm_scheduler_get_day_start:
 *
 * Returns: local midnight of the day of @unix_time: where "missed" starts
 */
gint64
crm_scheduler_get_day_start (CrmScheduler *self,
                             gint64        unix_time)
{
  gint64 day_start;

  g_return_val_if_fail (CRM_IS_SCHEDULER (self), 0);

  minute_of_day (self, unix_time, &day_start);
  return day_start;
}
