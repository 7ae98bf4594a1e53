/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The reminder scheduler on a fake clock: no test sleeps. */

#include "config.h"

#include "crm-scheduler.h"
#include "shop-fixture.h"

#define MINUTE ((gint64) 60)
#define HOUR (60 * MINUTE)
#define DAY (24 * HOUR)

typedef struct
{
  ShopFixture   shop;
  CrmScheduler *scheduler;
  gint64        customer;
  gint64        key_customer;
  GPtrArray    *due;        /* ids, in the order announced */
  guint         n_due_signals;
  GPtrArray    *missed;
  guint         n_missed_signals;
  guint         n_digests;
  guint         digest_today;
  guint         digest_overdue;
} Fixture;

/* 10:00 local time on a Monday, well inside the default 09:00–19:00. */
static gint64
local_time (int hour,
            int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (2026, 11, 23, hour, minute, 0);

  return g_date_time_to_unix (time);
}

static void
collect (GPtrArray *into,
         GPtrArray *follow_ups)
{
  for (guint i = 0; i < follow_ups->len; i++)
    g_ptr_array_add (into, GINT_TO_POINTER ((int) crm_follow_up_get_id (g_ptr_array_index (follow_ups, i))));
}

static void
due_cb (CrmScheduler *scheduler,
        GPtrArray    *follow_ups,
        Fixture      *fixture)
{
  fixture->n_due_signals++;
  collect (fixture->due, follow_ups);
}

static void
missed_cb (CrmScheduler *scheduler,
           GPtrArray    *follow_ups,
           Fixture      *fixture)
{
  fixture->n_missed_signals++;
  collect (fixture->missed, follow_ups);
}

static void
digest_cb (CrmScheduler *scheduler,
           guint         today,
           guint         overdue,
           Fixture      *fixture)
{
  fixture->n_digests++;
  fixture->digest_today = today;
  fixture->digest_overdue = overdue;
}

static void
new_scheduler (Fixture *fixture)
{
  g_clear_object (&fixture->scheduler);
  fixture->scheduler = crm_scheduler_new (fixture->shop.store);
  crm_scheduler_set_timers (fixture->scheduler, FALSE);
  g_signal_connect (fixture->scheduler, "due", G_CALLBACK (due_cb), fixture);
  g_signal_connect (fixture->scheduler, "missed", G_CALLBACK (missed_cb), fixture);
  g_signal_connect (fixture->scheduler, "digest", G_CALLBACK (digest_cb), fixture);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrmCustomerFields nino = { .name = "ნინო" };
  CrmCustomerFields ani = { .name = "Անի", .segment_override = "key" };

  shop_fixture_open (&fixture->shop, local_time (10, 0));
  fixture->customer = crm_store_add_customer (fixture->shop.store, &nino, &error);
  fixture->key_customer = crm_store_add_customer (fixture->shop.store, &ani, &error);
  g_assert_no_error (error);
  fixture->due = g_ptr_array_new ();
  fixture->missed = g_ptr_array_new ();
  new_scheduler (fixture);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_clear_object (&fixture->scheduler);
  g_ptr_array_unref (fixture->due);
  g_ptr_array_unref (fixture->missed);
  shop_fixture_close (&fixture->shop);
}

static gint64
add (Fixture    *fixture,
     gint64      due_at,
     const char *note)
{
  g_autoptr(GError) error = NULL;
  gint64 id = crm_store_add_follow_up (fixture->shop.store, fixture->customer, due_at, note, 0, &error);

  g_assert_no_error (error);
  return id;
}

static void
advance_to (Fixture *fixture,
            gint64   when)
{
  fixture->shop.now = when;
  crm_scheduler_tick (fixture->scheduler);
}

#define DUE_ID(f, i) ((gint64) GPOINTER_TO_INT (g_ptr_array_index ((f)->due, i)))

static void
test_ordering (Fixture       *fixture,
               gconstpointer  data)
{
  gint64 now = fixture->shop.now;
  gint64 c = add (fixture, now + 30 * MINUTE, "third");
  gint64 a = add (fixture, now + 10 * MINUTE, "first");
  gint64 b = add (fixture, now + 20 * MINUTE, "second");

  crm_scheduler_start (fixture->scheduler);
  /* The morning digest counts them; nothing is due yet. */
  g_assert_cmpuint (fixture->n_digests, ==, 1);
  g_assert_cmpuint (fixture->digest_today, ==, 3);
  g_assert_cmpuint (fixture->due->len, ==, 0);
  /* Asleep for a minute at most, never polling every second. */
  g_assert_cmpint (crm_scheduler_get_wakeup (fixture->scheduler), ==, now + 60);

  advance_to (fixture, now + 15 * MINUTE);
  g_assert_cmpuint (fixture->due->len, ==, 1);
  g_assert_cmpint (DUE_ID (fixture, 0), ==, a);

  advance_to (fixture, now + 35 * MINUTE);
  g_assert_cmpuint (fixture->due->len, ==, 3);
  g_assert_cmpint (DUE_ID (fixture, 1), ==, b);
  g_assert_cmpint (DUE_ID (fixture, 2), ==, c);
  g_assert_cmpuint (fixture->n_due_signals, ==, 2);

  /* Announced once: later ticks are quiet. */
  advance_to (fixture, now + 40 * MINUTE);
  g_assert_cmpuint (fixture->due->len, ==, 3);
  g_assert_cmpuint (fixture->n_missed_signals, ==, 0);
}

static void
test_rearm (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 now = fixture->shop.now;
  gint64 id;

  crm_scheduler_start (fixture->scheduler);
  g_assert_cmpint (crm_scheduler_get_wakeup (fixture->scheduler), ==, now + 60);

  /* Inserting one due in 10 s brings the timer forward at once. */
  id = add (fixture, now + 10, "soon");
  g_assert_cmpint (crm_scheduler_get_wakeup (fixture->scheduler), ==, now + 10);

  g_assert_true (crm_store_update_follow_up (fixture->shop.store, id, now + 30, "later", 0, &error));
  g_assert_cmpint (crm_scheduler_get_wakeup (fixture->scheduler), ==, now + 30);

  g_assert_true (crm_store_delete_follow_up (fixture->shop.store, id, &error));
  g_assert_cmpint (crm_scheduler_get_wakeup (fixture->scheduler), ==, now + 60);
  g_assert_no_error (error);

  /* One already due when written is announced straight away. */
  add (fixture, now - 5, "right now");
  g_assert_cmpuint (fixture->due->len, ==, 1);
}

static void
test_snooze (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 now = fixture->shop.now;
  gint64 id = add (fixture, now + MINUTE, "call back");

  crm_scheduler_start (fixture->scheduler);
  advance_to (fixture, now + 2 * MINUTE);
  g_assert_cmpuint (fixture->due->len, ==, 1);

  /* Snooze 1 hour: silent until then, then once more. */
  g_assert_true (crm_store_snooze_follow_up (fixture->shop.store, id, now + 2 * MINUTE + HOUR, &error));
  advance_to (fixture, now + 30 * MINUTE);
  g_assert_cmpuint (fixture->due->len, ==, 1);
  advance_to (fixture, now + 2 * MINUTE + HOUR);
  g_assert_cmpuint (fixture->due->len, ==, 2);
  g_assert_cmpint (DUE_ID (fixture, 1), ==, id);

  /* "Tomorrow" is tomorrow's opening time. */
  g_assert_cmpint (crm_scheduler_next_opening (fixture->scheduler, now), ==,
                   local_time (9, 0) + DAY);
}

static void
test_repeat (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmFollowUp) next = NULL;
  g_autoptr(CrmFollowUp) late_next = NULL;
  g_autoptr(GPtrArray) done = NULL;
  gint64 now = fixture->shop.now;
  gint64 weekly, next_id, late, late_next_id;

  weekly = crm_store_add_follow_up (fixture->shop.store, fixture->customer, now - HOUR,
                                    "weekly order", 7, &error);
  next_id = crm_store_complete_follow_up (fixture->shop.store, weekly, &error);
  g_assert_no_error (error);
  g_assert_cmpint (next_id, !=, weekly);
  next = crm_store_get_follow_up (fixture->shop.store, next_id);
  g_assert_cmpint (crm_follow_up_get_due_at (next), ==, now - HOUR + 7 * DAY);
  g_assert_cmpstr (crm_follow_up_get_note (next), ==, "weekly order");
  g_assert_cmpuint (crm_follow_up_get_repeat_days (next), ==, 7);

  /* Done three weeks late: the next one is still ahead, not in the past. */
  late = crm_store_add_follow_up (fixture->shop.store, fixture->customer, now - 20 * DAY,
                                  "late", 7, &error);
  late_next_id = crm_store_complete_follow_up (fixture->shop.store, late, &error);
  late_next = crm_store_get_follow_up (fixture->shop.store, late_next_id);
  g_assert_cmpint (crm_follow_up_get_due_at (late_next), ==, now + DAY);

  /* Completing twice is refused; once-only ones just end. */
  g_assert_cmpint (crm_store_complete_follow_up (fixture->shop.store, weekly, &error), ==, 0);
  g_clear_error (&error);
  done = crm_store_list_follow_ups (fixture->shop.store, TRUE, 0, 10);
  g_assert_cmpuint (done->len, ==, 2);
}

static void
test_clock_jumps (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 now = fixture->shop.now;

  add (fixture, now + 10 * MINUTE, "a");
  add (fixture, now + 20 * MINUTE, "b");
  crm_scheduler_start (fixture->scheduler);

  /* The clock jumps an hour ahead (a suspend): both at once, in order. */
  advance_to (fixture, now + HOUR);
  g_assert_cmpuint (fixture->due->len, ==, 2);
  g_assert_cmpuint (fixture->n_due_signals, ==, 1);

  /* And back: nothing is announced twice. */
  advance_to (fixture, now - HOUR);
  advance_to (fixture, now + 2 * HOUR);
  g_assert_cmpuint (fixture->due->len, ==, 2);

  /* Two days ahead: the new day's digest speaks for what piled up. */
  add (fixture, now + 3 * HOUR, "c");
  add (fixture, now + DAY, "d");
  advance_to (fixture, now + 2 * DAY);
  g_assert_cmpuint (fixture->n_digests, ==, 2);
  g_assert_cmpuint (fixture->digest_overdue, ==, 4);
  g_assert_cmpuint (fixture->due->len, ==, 2);
}

static void
test_shop_hours_and_digest (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 morning = local_time (7, 0);

  /* Before opening: one overdue from yesterday, one early today. */
  fixture->shop.now = morning;
  add (fixture, morning - DAY, "yesterday");
  add (fixture, local_time (8, 0), "early");
  add (fixture, local_time (20, 0), "after closing");

  crm_scheduler_start (fixture->scheduler);
  advance_to (fixture, local_time (8, 30));
  g_assert_cmpuint (fixture->n_digests, ==, 0);
  g_assert_cmpuint (fixture->due->len + fixture->missed->len, ==, 0);
  /* Closed: the timer still looks every minute, no more. */
  g_assert_cmpint (crm_scheduler_get_wakeup (fixture->scheduler), ==, local_time (8, 31));

  /* At opening, one digest for all of it, then quiet. */
  advance_to (fixture, local_time (9, 0));
  g_assert_cmpuint (fixture->n_digests, ==, 1);
  g_assert_cmpuint (fixture->digest_today, ==, 2);
  g_assert_cmpuint (fixture->digest_overdue, ==, 1);
  g_assert_cmpuint (fixture->due->len + fixture->missed->len, ==, 0);
  advance_to (fixture, local_time (12, 0));
  g_assert_cmpuint (fixture->n_digests, ==, 1);

  /* Due after closing: silent in the evening, in tomorrow's digest. */
  advance_to (fixture, local_time (20, 30));
  g_assert_cmpuint (fixture->due->len, ==, 0);
  advance_to (fixture, local_time (9, 0) + DAY);
  g_assert_cmpuint (fixture->n_digests, ==, 2);
  g_assert_cmpuint (fixture->digest_overdue, ==, 3);

  /* Opening hours are a setting. */
  g_assert_true (crm_store_set_setting (fixture->shop.store, "reminders.opens", "480", &error));
  g_assert_true (crm_scheduler_is_open (fixture->scheduler, local_time (8, 0)));
  g_assert_false (crm_scheduler_is_open (fixture->scheduler, local_time (19, 0)));
}

static void
test_catch_up_summary (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = NULL;
  gint64 now = fixture->shop.now;

  /* Today's digest went out before the app was closed at 10:00… */
  {
    g_autoptr(GDateTime) local = g_date_time_new_local (2026, 11, 23, 10, 0, 0);

    today = g_date_time_format (local, "%Y-%m-%d");
  }
  g_assert_true (crm_store_set_setting (fixture->shop.store, "reminders.digest_day", today, &error));

  /* …and three fell due while it was closed. Started at 14:00: */
  add (fixture, now + HOUR, "a");
  add (fixture, now + 2 * HOUR, "b");
  crm_store_add_follow_up (fixture->shop.store, fixture->key_customer, now + 3 * HOUR, "c", 0, &error);
  fixture->shop.now = now + 4 * HOUR;
  crm_scheduler_start (fixture->scheduler);

  g_assert_cmpuint (fixture->n_missed_signals, ==, 1);
  g_assert_cmpuint (fixture->missed->len, ==, 3);
  g_assert_cmpuint (fixture->due->len, ==, 0);
}

static void
test_no_repeat_after_restart (Fixture       *fixture,
                              gconstpointer  data)
{
  gint64 now = fixture->shop.now;

  add (fixture, now + MINUTE, "once");
  crm_scheduler_start (fixture->scheduler);
  advance_to (fixture, now + 2 * MINUTE);
  g_assert_cmpuint (fixture->due->len, ==, 1);

  /* A new process: a new scheduler on the same database. */
  new_scheduler (fixture);
  crm_scheduler_start (fixture->scheduler);
  advance_to (fixture, now + 3 * MINUTE);
  g_assert_cmpuint (fixture->due->len, ==, 1);
  g_assert_cmpuint (fixture->missed->len, ==, 0);
  g_assert_cmpuint (fixture->n_digests, ==, 1);
}

static void
test_idle_wakeups (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 now = fixture->shop.now;
  guint wakeups = 0;

  /* 10 000 pending follow-ups, none due for a week: one wake-up a minute. */
  g_assert_true (crm_store_begin (fixture->shop.store, &error));
  for (guint i = 0; i < 10000; i++)
    crm_store_add_follow_up (fixture->shop.store, fixture->customer, now + 7 * DAY + i, "later", 0, &error);
  g_assert_true (crm_store_commit (fixture->shop.store, &error));
  g_assert_no_error (error);

  crm_scheduler_start (fixture->scheduler);
  while (fixture->shop.now < now + HOUR)
    {
      advance_to (fixture, crm_scheduler_get_wakeup (fixture->scheduler));
      wakeups++;
    }
  g_assert_cmpuint (wakeups, ==, 60);
  g_assert_cmpuint (fixture->due->len, ==, 0);
}

static guint
suggested (Fixture *fixture,
           gint64   customer)
{
  g_autoptr(GPtrArray) list = crm_store_list_keep_in_touch (fixture->shop.store, 100);

  for (guint i = 0; i < list->len; i++)
    if (crm_follow_up_get_customer_id (g_ptr_array_index (list, i)) == customer)
      return i + 1;

  return 0;
}

static void
test_keep_in_touch (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 start = fixture->shop.now;
  gint64 id;

  /* Both customers were added today: nobody is due a word yet. */
  g_assert_cmpuint (suggested (fixture, fixture->key_customer), ==, 0);
  g_assert_cmpuint (suggested (fixture, fixture->customer), ==, 0);

  /* Twenty days later the key client (every 14 days) is, the other
   * (every 60) is not. */
  fixture->shop.now = start + 20 * DAY;
  g_assert_cmpuint (suggested (fixture, fixture->key_customer), ==, 1);
  g_assert_cmpuint (suggested (fixture, fixture->customer), ==, 0);

  /* A call resets the clock. */
  crm_store_add_interaction (fixture->shop.store, fixture->key_customer, fixture->shop.now - DAY,
                             "call", "", &error);
  g_assert_cmpuint (suggested (fixture, fixture->key_customer), ==, 0);

  /* Seventy days on, both; key clients first. */
  fixture->shop.now = start + 70 * DAY;
  g_assert_cmpuint (suggested (fixture, fixture->key_customer), ==, 1);
  g_assert_cmpuint (suggested (fixture, fixture->customer), ==, 2);

  /* A follow-up waiting for them: no suggestion on top of it. */
  id = crm_store_add_follow_up (fixture->shop.store, fixture->customer, fixture->shop.now + DAY, "", 0, &error);
  g_assert_cmpuint (suggested (fixture, fixture->customer), ==, 0);

  /* Done counts as being in touch. */
  crm_store_complete_follow_up (fixture->shop.store, id, &error);
  g_assert_cmpuint (suggested (fixture, fixture->customer), ==, 0);

  /* Dismissed: quiet for another cadence, then back. */
  g_assert_true (crm_store_dismiss_keep_in_touch (fixture->shop.store, fixture->key_customer, &error));
  g_assert_cmpuint (suggested (fixture, fixture->key_customer), ==, 0);
  fixture->shop.now += 15 * DAY;
  g_assert_cmpuint (suggested (fixture, fixture->key_customer), ==, 1);
  g_assert_no_error (error);

  /* The cadence is a setting. */
  g_assert_true (crm_store_set_setting (fixture->shop.store, "touch.key_days", "30", &error));
  g_assert_cmpuint (suggested (fixture, fixture->key_customer), ==, 0);
}

static void
set_digest_day (Fixture *fixture,
                gint64   when)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (when);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);
  g_autofree char *day = g_date_time_format (local, "%Y-%m-%d");

  g_assert_true (crm_store_set_setting (fixture->shop.store, "reminders.digest_day", day, &error));
}

/* Announced yesterday, not handled: missed today, told again at the next
 * start with what fell due while closed, gone once handled or seen. */
static void
test_missed (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrmStore *store = fixture->shop.store;
  gint64 today = fixture->shop.now;
  gint64 yesterday = today - DAY;
  gint64 day_start;
  gint64 missed, handled, snoozed, fresh;

  fixture->shop.now = yesterday;
  set_digest_day (fixture, yesterday);
  missed = add (fixture, yesterday + MINUTE, "missed");
  handled = add (fixture, yesterday + 2 * MINUTE, "handled");
  snoozed = add (fixture, yesterday + 3 * MINUTE, "snoozed");
  crm_scheduler_start (fixture->scheduler);
  advance_to (fixture, yesterday + 5 * MINUTE);
  g_assert_cmpuint (fixture->due->len, ==, 3);
  g_assert_cmpint (crm_store_complete_follow_up (store, handled, &error), ==, handled);
  g_assert_true (crm_store_snooze_follow_up (store, snoozed, today + 5 * HOUR, &error));

  /* Still on its day: not missed yet. */
  day_start = crm_scheduler_get_day_start (fixture->scheduler, fixture->shop.now);
  g_assert_cmpuint (crm_store_count_missed_follow_ups (store, day_start), ==, 0);

  /* The next day, a new process, after today's digest: the one announced
   * and left comes back with one that fell due while closed. */
  new_scheduler (fixture);
  fixture->shop.now = today;
  set_digest_day (fixture, today);
  fresh = add (fixture, today - HOUR, "fresh");
  day_start = crm_scheduler_get_day_start (fixture->scheduler, today);
  g_assert_cmpint (day_start, <=, today);
  g_assert_cmpint (day_start, >, yesterday);
  g_assert_cmpuint (crm_store_count_missed_follow_ups (store, day_start), ==, 1);
  crm_scheduler_start (fixture->scheduler);
  g_assert_cmpuint (fixture->n_missed_signals, ==, 1);
  g_assert_cmpuint (fixture->missed->len, ==, 2);
  g_assert_cmpint (GPOINTER_TO_INT (g_ptr_array_index (fixture->missed, 0)), ==, (int) fresh);
  g_assert_cmpint (GPOINTER_TO_INT (g_ptr_array_index (fixture->missed, 1)), ==, (int) missed);

  /* The list says which; "fresh" is today's, not missed. */
  {
    g_autoptr(GPtrArray) list = crm_store_list_missed_follow_ups (store, day_start);

    g_assert_cmpuint (list->len, ==, 1);
    g_assert_cmpint (crm_follow_up_get_id (g_ptr_array_index (list, 0)), ==, missed);
  }

  /* Marked seen: gone from the banner, and not told at the next start. */
  g_assert_true (crm_store_mark_missed_seen (store, day_start, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (crm_store_count_missed_follow_ups (store, day_start), ==, 0);
  new_scheduler (fixture);
  crm_scheduler_start (fixture->scheduler);
  g_assert_cmpuint (fixture->n_missed_signals, ==, 1);

  /* "fresh", announced today and left, is missed tomorrow: the mark was
   * for what was missed then. */
  g_assert_cmpuint (crm_store_count_missed_follow_ups (store, day_start + DAY), ==, 1);

  /* Done: never missed again. */
  g_assert_cmpint (crm_store_complete_follow_up (store, fresh, &error), ==, fresh);
  g_assert_cmpuint (crm_store_count_missed_follow_ups (store, day_start + DAY), ==, 0);
}

static gint64
at (int day,
    int hour,
    int minute)
{
  g_autoptr(GDateTime) time = g_date_time_new_local (2026, 11, day, hour, minute, 0);

  return g_date_time_to_unix (time);
}

/* A new follow-up is offered the next full hour inside shop hours, else
 * the next opening: never midnight for a shop that closes at 19:00. */
static void
test_propose_time (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  CrmStore *store = fixture->shop.store;

  g_assert_cmpint (crm_scheduler_propose_time (store, at (23, 23, 27)), ==, at (24, 9, 0));
  g_assert_cmpint (crm_scheduler_propose_time (store, at (23, 10, 15)), ==, at (23, 11, 0));
  g_assert_cmpint (crm_scheduler_propose_time (store, at (23, 17, 59)), ==, at (23, 18, 0));
  g_assert_cmpint (crm_scheduler_propose_time (store, at (23, 18, 30)), ==, at (24, 9, 0));
  g_assert_cmpint (crm_scheduler_propose_time (store, at (23, 7, 10)), ==, at (23, 9, 0));
  g_assert_cmpint (crm_scheduler_propose_time (store, at (23, 0, 5)), ==, at (23, 9, 0));

  /* Opening at 09:30: before it, the opening itself. */
  g_assert_true (crm_store_set_setting (store, "reminders.opens", "570", &error));
  g_assert_cmpint (crm_scheduler_propose_time (store, at (23, 8, 40)), ==, at (23, 9, 30));
  g_assert_cmpint (crm_scheduler_propose_time (store, at (23, 9, 40)), ==, at (23, 10, 0));

  /* Open past midnight (18:00–02:00): 23:27 gives midnight, 01:30 the
   * evening's opening. */
  g_assert_true (crm_store_set_setting (store, "reminders.opens", "1080", &error));
  g_assert_true (crm_store_set_setting (store, "reminders.closes", "120", &error));
  g_assert_cmpint (crm_scheduler_propose_time (store, at (23, 23, 27)), ==, at (24, 0, 0));
  g_assert_cmpint (crm_scheduler_propose_time (store, at (23, 1, 30)), ==, at (23, 18, 0));

  /* Always open: the next full hour. */
  g_assert_true (crm_store_set_setting (store, "reminders.closes", "1080", &error));
  g_assert_cmpint (crm_scheduler_propose_time (store, at (23, 23, 27)), ==, at (24, 0, 0));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  shop_fixture_init_engine ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/scheduler/ordering", test_ordering);
  ADD ("/scheduler/rearm", test_rearm);
  ADD ("/scheduler/snooze", test_snooze);
  ADD ("/scheduler/repeat", test_repeat);
  ADD ("/scheduler/clock-jumps", test_clock_jumps);
  ADD ("/scheduler/shop-hours-and-digest", test_shop_hours_and_digest);
  ADD ("/scheduler/catch-up-summary", test_catch_up_summary);
  ADD ("/scheduler/missed", test_missed);
  ADD ("/scheduler/propose-time", test_propose_time);
  ADD ("/scheduler/no-repeat-after-restart", test_no_repeat_after_restart);
  ADD ("/scheduler/idle-wakeups", test_idle_wakeups);
  ADD ("/scheduler/keep-in-touch", test_keep_in_touch);

#undef ADD

  return g_test_run ();
}
