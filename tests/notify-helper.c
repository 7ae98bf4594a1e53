/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Sets up and inspects a shop for test-notifications.sh:
 *   notify-helper prepare DIR SECONDS [DATABASE]
 *                                       prints the id of a follow-up due then
 *   notify-helper state DIR ID          prints "done" or "pending"
 *   notify-helper done DIR ID [DATABASE] marks it done, as another PC would */

#include "config.h"

#include <stdlib.h>

#include "crm-store.h"

static int
prepare (const char *dir,
         int         seconds,
         const char *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open_database (dir, database, &error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  CrmCustomerFields fields = { .name = "<b>A & B</b>", .segment_override = "key" };
  gint64 customer, id;

  if (store == NULL)
    g_error ("%s", error->message);

  /* Open round the clock and today's digest already given, so that the
   * test sees the one reminder, whatever the hour CI runs at. */
  crm_store_set_setting (store, "reminders.opens", "0", &error);
  crm_store_set_setting (store, "reminders.closes", "0", &error);
  crm_store_set_setting (store, "reminders.digest_day", today, &error);
  customer = crm_store_add_customer (store, &fields, &error);
  id = crm_store_add_follow_up (store, customer, crm_store_now (store) + seconds,
                                "Call <i>now</i> & then", 0, &error);
  if (id == 0)
    g_error ("%s", error->message);

  g_print ("%" G_GINT64_FORMAT "\n", id);
  return 0;
}

static int
state (const char *dir,
       gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (dir, &error);
  g_autoptr(CrmFollowUp) follow_up = NULL;

  if (store == NULL)
    g_error ("%s", error->message);

  follow_up = crm_store_get_follow_up (store, id);
  g_print ("%s\n", follow_up && crm_follow_up_get_done_at (follow_up) > 0 ? "done" : "pending");
  return 0;
}

/* How many seconds from now it will remind again: a snooze moves it. */
static int
due_in (const char *dir,
        gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open (dir, &error);
  g_autoptr(CrmFollowUp) follow_up = NULL;
  gint64 when;

  if (store == NULL)
    g_error ("%s", error->message);

  follow_up = crm_store_get_follow_up (store, id);
  if (follow_up == NULL)
    return 1;
  when = crm_follow_up_get_snoozed_until (follow_up) ?: crm_follow_up_get_due_at (follow_up);
  g_print ("%" G_GINT64_FORMAT "\n", when - crm_store_now (store));
  return 0;
}

static int
done (const char *dir,
      gint64      id,
      const char *database)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open_database (dir, database, &error);

  if (store == NULL || !crm_store_complete_follow_up (store, id, &error))
    g_error ("%s", error->message);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if ((argc == 4 || argc == 5) && g_str_equal (argv[1], "prepare"))
    return prepare (argv[2], atoi (argv[3]), argc == 5 ? argv[4] : NULL);
  if (argc == 4 && g_str_equal (argv[1], "state"))
    return state (argv[2], g_ascii_strtoll (argv[3], NULL, 10));
  if (argc == 4 && g_str_equal (argv[1], "due-in"))
    return due_in (argv[2], g_ascii_strtoll (argv[3], NULL, 10));
  if ((argc == 4 || argc == 5) && g_str_equal (argv[1], "done"))
    return done (argv[2], g_ascii_strtoll (argv[3], NULL, 10), argc == 5 ? argv[4] : NULL);

  g_printerr ("usage: notify-helper prepare DIR SECONDS [DATABASE] | state DIR ID | due-in DIR ID | done DIR ID [DATABASE]\n");
  return 2;
}
