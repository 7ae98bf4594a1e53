/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A stopwatch inside the real window, for build-aux/window-bench.sh and for
 * anyone chasing a stall by hand. It does nothing unless CLIENTELE_PROBE
 * names a file. Then it times every main-loop iteration (the gap between
 * two polls is time in which the window could not answer a key or paint a
 * frame), notes the first frame that shows the customer list, and, when
 * CLIENTELE_PROBE_SCRIPT lists steps, drives the window through them one at
 * a time. Every finding is one JSON object on a line of the file.
 *
 * Script steps, separated by ';':
 *   sort          every sortable column, ascending then descending, then
 *                 the first column ascending again
 *   type=TEXT     TEXT into the customer search, one character at a time,
 *                 then the search emptied
 *   open          click the customer in the middle of the list, open it
 *   back          back from a customer to the list
 *   section=NAME  a section of the sidebar (customers, insights, …)
 *   period        open Preferences, the period's length one step up, one
 *                 step down, close Preferences
 *   scroll        the list from top to bottom, one step every frame
 *   idle=MS       nothing for MS milliseconds, to see the floor
 *   import=FILE   FILE (customers: CSV or vCard) into the import dialog,
 *                 as the file chooser would, until its preview is shown
 *   close-import  the import dialog closed
 *
 * Each step is measured from the moment it is done until the window has
 * been quiet for a while. Developers only: nothing here is translated. */

#define G_LOG_DOMAIN "crm-probe"

#include "config.h"

#include <glib-unix.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "crm-application.h"
#include "crm-customer-selection.h"
#include "crm-import-dialog.h"
#include "crm-preferences-window.h"
#include "crm-probe.h"
#include "crm-window.h"

/* An iteration longer than a frame at 60 Hz counts as work still going on. */
#define LONG_GAP_US (16 * 1000)
/* Iterations at least this long are also written down one by one. */
#define STALL_US (50 * 1000)
/* A step ends once nothing long ran for QUIET, and never before MIN. */
#define SETTLE_MIN_US (400 * 1000)
#define SETTLE_QUIET_US (300 * 1000)
#define SETTLE_MAX_US (180 * G_USEC_PER_SEC)
#define SETTLE_CHECK_MS 50
/* Between steps, as between two things a person does. */
#define PAUSE_MS 100
/* Scrolling the list top to bottom takes this many frames. */
#define SCROLL_FRAMES 300

typedef enum
{
  ACTION_IDLE,
  ACTION_SORT,
  ACTION_KEY,
  ACTION_CLEAR,
  ACTION_OPEN,
  ACTION_BACK,
  ACTION_SECTION,
  ACTION_PREFERENCES,
  ACTION_PERIOD,
  ACTION_CLOSE_PREFERENCES,
  ACTION_SCROLL_TOP,
  ACTION_SCROLL,
  ACTION_IMPORT,
  ACTION_CLOSE_IMPORT,
} ActionKind;

typedef struct
{
  ActionKind  kind;
  const char *name;    /* as written in the results */
  char       *text;    /* a character, a section, a column's title */
  int         number;  /* a column, a spin direction, milliseconds */
  GtkSortType sort;
} Action;

typedef struct
{
  GApplication *app;
  FILE         *out;
  GPollFunc     poll;
  gint64        t0;           /* real time of the launch */
  gint64        last_return;  /* monotonic time poll () last returned */
  gint64        last_cpu;     /* the main thread's CPU time then */
  CrmWindow    *window;
  gboolean      first_frame;
  char         *script;
  GQueue        actions;

  /* The step being measured, or NULL. */
  Action       *current;
  gint64        started;
  gint64        last_long;    /* when the last long iteration ended */
  gint64        list_ready;   /* when the customer list was last seen busy */
  gint64        max_gap;
  gint64        max_cpu;      /* CPU time of the longest iteration */
  gint64        busy;
  gint64        busy_cpu;
  guint         frames;

  /* Scrolling */
  gboolean      scrolling;
  guint         scroll_frame;
  gint64        last_tick;
  gint64        refresh;      /* the frame clock's interval */
  guint         dropped;
} Probe;

static Probe probe;

static void run_next_later (void);

static void
action_free (Action *action)
{
  g_free (action->text);
  g_free (action);
}

static Action *
action_new (ActionKind  kind,
            const char *name,
            const char *text,
            int         number)
{
  Action *action = g_new0 (Action, 1);

  action->kind = kind;
  action->name = name;
  action->text = g_strdup (text);
  action->number = number;
  return action;
}

static void
add_action (ActionKind  kind,
            const char *name,
            const char *text,
            int         number)
{
  g_queue_push_tail (&probe.actions, action_new (kind, name, text, number));
}

static JsonBuilder *
line_begin (const char *event)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "event");
  json_builder_add_string_value (builder, event);
  return builder;
}

static void
line_int (JsonBuilder *builder,
          const char  *name,
          gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
line_string (JsonBuilder *builder,
             const char  *name,
             const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
line_end (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  fprintf (probe.out, "%s\n", text);
  fflush (probe.out);
  g_object_unref (builder);
}

static void
write_error (const char *message)
{
  JsonBuilder *builder = line_begin ("error");

  line_string (builder, "message", message);
  line_end (builder);
  g_printerr ("clientele probe: %s\n", message);
}

/* Microseconds since the launch, for the time line. */
static gint64
since_launch (void)
{
  return g_get_real_time () - probe.t0;
}

/* On a busy machine a gap is partly other programs' time: the thread's
 * own CPU time tells the two apart. */
static gint64
thread_cpu_time (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return (gint64) now.tv_sec * G_USEC_PER_SEC + now.tv_nsec / 1000;
}

static void
note_gap (gint64 gap,
          gint64 cpu,
          gint64 end)
{
  if (probe.current != NULL)
    {
      if (gap > probe.max_gap)
        {
          probe.max_gap = gap;
          probe.max_cpu = cpu;
        }
      probe.busy += gap;
      probe.busy_cpu += cpu;
      if (gap >= LONG_GAP_US)
        probe.last_long = end;
    }

  if (gap >= STALL_US)
    {
      JsonBuilder *builder = line_begin ("stall");

      line_int (builder, "us", gap);
      line_int (builder, "cpu_us", cpu);
      line_int (builder, "at_us", since_launch ());
      line_string (builder, "during", probe.current ? probe.current->name : NULL);
      line_end (builder);
    }
}

/* What the main loop did since the last poll is the time it was blocked. */
static gint
probe_poll (GPollFD *fds,
            guint    n_fds,
            gint     timeout)
{
  gint64 enter = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_time ();
  gint result;

  if (probe.last_return > 0)
    note_gap (enter - probe.last_return, cpu - probe.last_cpu, enter);

  result = probe.poll (fds, n_fds, timeout);
  probe.last_return = g_get_monotonic_time ();
  probe.last_cpu = thread_cpu_time ();
  return result;
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (root == NULL || G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
customers_widget (GType type)
{
  if (probe.window == NULL)
    return NULL;

  return find_widget (GTK_WIDGET (crm_window_get_customers_page (probe.window)), type);
}

static GtkColumnView *
column_view (void)
{
  return (GtkColumnView *) customers_widget (GTK_TYPE_COLUMN_VIEW);
}

static guint
n_rows (void)
{
  GtkColumnView *view = column_view ();
  GtkSelectionModel *model = view ? gtk_column_view_get_model (view) : NULL;

  return model ? g_list_model_get_n_items (G_LIST_MODEL (model)) : 0;
}

/* The customer list still reads its rows on a worker, or still adds the
 * new ones to the view: what a click on a header asked for is not on
 * screen yet. */
static gboolean
list_busy (void)
{
  return probe.window != NULL &&
         crm_customers_page_is_settling (crm_window_get_customers_page (probe.window));
}

static GtkAdjustment *
list_adjustment (void)
{
  GtkWidget *view = GTK_WIDGET (column_view ());
  GtkWidget *scrolled = view ? gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW) : NULL;

  return scrolled ? gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)) : NULL;
}

static GtkWindow *
import_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (CRM_IS_IMPORT_DIALOG (l->data))
      return l->data;
  return NULL;
}

/* The file is still read on a worker (no dialog yet), or the dialog
 * still makes its preview's plan or lists its rows. */
static gboolean
import_busy (void)
{
  GtkWindow *dialog = import_dialog ();

  return dialog == NULL || crm_import_dialog_is_preparing (CRM_IMPORT_DIALOG (dialog));
}

/* What the file chooser's answer does (crm_import_dialog_open). */
static void
open_import (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  crm_import_dialog_open_file (GTK_WINDOW (probe.window),
                               crm_context_get_store (crm_application_get_context (CRM_APPLICATION (probe.app))),
                               file, FALSE);
}

static GtkWindow *
preferences_window (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (CRM_IS_PREFERENCES_WINDOW (l->data))
      return l->data;

  return NULL;
}

/* The period's spin button, known by the setting it edits. */
static GtkSpinButton *
find_period_spin (GtkWidget *root)
{
  if (GTK_IS_SPIN_BUTTON (root) &&
      g_strcmp0 (g_object_get_data (G_OBJECT (root), "crm-setting"), "segment.window_days") == 0)
    return GTK_SPIN_BUTTON (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkSpinButton *found = find_period_spin (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
add_sort_actions (void)
{
  GtkColumnView *view = column_view ();
  GListModel *columns = view ? gtk_column_view_get_columns (view) : NULL;
  guint n = columns ? g_list_model_get_n_items (columns) : 0;
  int first = -1;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      const char *title = gtk_column_view_column_get_title (column);

      if (gtk_column_view_column_get_sorter (column) == NULL)
        continue;
      if (first < 0)
        first = (int) i;

      for (guint d = 0; d < 2; d++)
        {
          Action *action = action_new (ACTION_SORT, "sort", title, (int) i);

          action->sort = d == 0 ? GTK_SORT_ASCENDING : GTK_SORT_DESCENDING;
          g_queue_push_tail (&probe.actions, action);
        }
    }

  if (first >= 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, (guint) first);

      add_action (ACTION_SORT, "sort", gtk_column_view_column_get_title (column), first);
    }
}

static void
parse_script (const char *script)
{
  g_auto(GStrv) steps = g_strsplit (script, ";", -1);

  for (guint i = 0; steps[i] != NULL; i++)
    {
      char *step = g_strstrip (steps[i]);
      const char *arg = strchr (step, '=');

      if (arg != NULL)
        arg++;

      if (*step == '\0')
        continue;
      else if (g_str_equal (step, "sort"))
        add_sort_actions ();
      else if (g_str_has_prefix (step, "type=") && *arg != '\0')
        {
          for (const char *c = arg; *c != '\0'; c = g_utf8_next_char (c))
            {
              g_autofree char *character = g_strndup (c, g_utf8_next_char (c) - c);

              add_action (ACTION_KEY, "key", character, 0);
            }
          add_action (ACTION_CLEAR, "clear-search", arg, 0);
        }
      else if (g_str_equal (step, "open"))
        add_action (ACTION_OPEN, "open-customer", NULL, 0);
      else if (g_str_equal (step, "back"))
        add_action (ACTION_BACK, "back", NULL, 0);
      else if (g_str_has_prefix (step, "section=") && *arg != '\0')
        add_action (ACTION_SECTION, "section", arg, 0);
      else if (g_str_equal (step, "period"))
        {
          add_action (ACTION_PREFERENCES, "preferences", NULL, 0);
          add_action (ACTION_PERIOD, "period-step", "up", 1);
          add_action (ACTION_PERIOD, "period-step", "down", -1);
          add_action (ACTION_CLOSE_PREFERENCES, "close-preferences", NULL, 0);
        }
      else if (g_str_equal (step, "scroll"))
        {
          add_action (ACTION_SCROLL_TOP, "scroll-top", NULL, 0);
          add_action (ACTION_SCROLL, "scroll", NULL, 0);
        }
      else if (g_str_has_prefix (step, "import=") && *arg != '\0')
        add_action (ACTION_IMPORT, "import-preview", arg, 0);
      else if (g_str_equal (step, "close-import"))
        add_action (ACTION_CLOSE_IMPORT, "close-import", NULL, 0);
      else if (g_str_has_prefix (step, "idle=") && *arg != '\0')
        add_action (ACTION_IDLE, "idle", NULL, (int) g_ascii_strtoll (arg, NULL, 10));
      else
        {
          g_autofree char *message = g_strdup_printf ("unknown step “%s”", step);

          write_error (message);
        }
    }
}

static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  GtkAdjustment *adjustment = list_adjustment ();
  gint64 now = g_get_monotonic_time ();
  double lower, last;

  if (probe.refresh == 0)
    gdk_frame_clock_get_refresh_info (clock, gdk_frame_clock_get_frame_time (clock),
                                      &probe.refresh, NULL);

  /* A frame that took n intervals dropped n - 1. */
  if (probe.last_tick > 0)
    {
      gint64 interval = MAX (probe.refresh, 1);
      gint64 frames = (now - probe.last_tick + interval / 2) / interval;

      if (frames > 1)
        probe.dropped += (guint) (frames - 1);
    }
  probe.last_tick = now;

  if (adjustment == NULL || probe.scroll_frame >= SCROLL_FRAMES)
    {
      probe.scrolling = FALSE;
      return G_SOURCE_REMOVE;
    }

  probe.scroll_frame++;
  lower = gtk_adjustment_get_lower (adjustment);
  last = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  gtk_adjustment_set_value (adjustment, lower + (last - lower) * probe.scroll_frame / SCROLL_FRAMES);

  return G_SOURCE_CONTINUE;
}

static void
perform (Action *action)
{
  GtkColumnView *view = column_view ();
  GtkWidget *search = customers_widget (GTK_TYPE_SEARCH_ENTRY);
  CrmCustomersPage *page = crm_window_get_customers_page (probe.window);
  GtkWindow *preferences = preferences_window ();
  GtkAdjustment *adjustment = list_adjustment ();

  switch (action->kind)
    {
    case ACTION_IDLE:
      break;

    case ACTION_SORT:
      {
        g_autoptr(GtkColumnViewColumn) column =
          g_list_model_get_item (gtk_column_view_get_columns (view), (guint) action->number);

        gtk_column_view_sort_by_column (view, column, action->sort);
      }
      break;

    case ACTION_KEY:
      {
        int position = (int) g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (search)), -1);

        if (!gtk_widget_has_focus (search))
          gtk_widget_grab_focus (search);
        gtk_editable_insert_text (GTK_EDITABLE (search), action->text, -1, &position);
        gtk_editable_set_position (GTK_EDITABLE (search), position);
      }
      break;

    case ACTION_CLEAR:
      gtk_editable_set_text (GTK_EDITABLE (search), "");
      break;

    case ACTION_OPEN:
      {
        /* As a click does: select the row, then activate it. */
        guint position = n_rows () / 2;

        gtk_selection_model_select_item (gtk_column_view_get_model (view), position, TRUE);
        g_signal_emit_by_name (view, "activate", position);
      }
      break;

    case ACTION_BACK:
      crm_customers_page_go_back (page);
      break;

    case ACTION_SECTION:
      gtk_widget_activate_action (GTK_WIDGET (probe.window), "win.show-section", "s", action->text);
      break;

    case ACTION_PREFERENCES:
      g_action_group_activate_action (G_ACTION_GROUP (probe.app), "preferences", NULL);
      break;

    case ACTION_PERIOD:
      {
        GtkSpinButton *spin = preferences ? find_period_spin (GTK_WIDGET (preferences)) : NULL;

        if (spin == NULL)
          write_error ("the period's spin button is not on screen");
        else
          gtk_spin_button_spin (spin, action->number > 0 ? GTK_SPIN_STEP_FORWARD : GTK_SPIN_STEP_BACKWARD, 0);
      }
      break;

    case ACTION_CLOSE_PREFERENCES:
      if (preferences != NULL)
        gtk_window_close (preferences);
      break;

    case ACTION_SCROLL_TOP:
      if (adjustment != NULL)
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
      break;

    case ACTION_SCROLL:
      probe.scrolling = TRUE;
      probe.scroll_frame = 0;
      probe.last_tick = 0;
      probe.dropped = 0;
      gtk_widget_add_tick_callback (GTK_WIDGET (view), scroll_tick_cb, NULL, NULL);
      break;

    case ACTION_IMPORT:
      open_import (action->text);
      break;

    case ACTION_CLOSE_IMPORT:
      if (import_dialog () != NULL)
        gtk_window_close (import_dialog ());
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
finish_action (void)
{
  Action *action = g_steal_pointer (&probe.current);
  JsonBuilder *builder = line_begin ("step");

  line_string (builder, "step", action->name);
  if (action->kind == ACTION_SORT)
    {
      g_autofree char *arg = g_strdup_printf ("%s %s", action->text,
                                              action->sort == GTK_SORT_ASCENDING ? "ascending" : "descending");

      line_string (builder, "arg", arg);
    }
  else
    line_string (builder, "arg", action->text);
  line_int (builder, "block_us", probe.max_gap);
  line_int (builder, "block_cpu_us", probe.max_cpu);
  line_int (builder, "busy_us", probe.busy);
  line_int (builder, "busy_cpu_us", probe.busy_cpu);
  line_int (builder, "settle_us", probe.last_long - probe.started);
  /* Until the list showed what the step asked for (its rows read on a
   * worker and added to the view), or the import dialog its preview,
   * within SETTLE_CHECK_MS. */
  line_int (builder, "list_ready_us", probe.list_ready - probe.started);
  line_int (builder, "frames", probe.frames);
  line_int (builder, "rows", n_rows ());
  if (action->kind == ACTION_SCROLL)
    {
      line_int (builder, "scroll_frames", probe.scroll_frame);
      line_int (builder, "dropped_frames", probe.dropped);
      line_int (builder, "refresh_us", probe.refresh);
    }
  line_end (builder);

  action_free (action);
  run_next_later ();
}

static gboolean
settle_cb (gpointer user_data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 min = SETTLE_MIN_US;

  /* idle=MS waits at least that long. */
  if (probe.current->kind == ACTION_IDLE)
    min = MAX (min, (gint64) probe.current->number * 1000);

  /* Only what asks the list for new rows waits for them. */
  gboolean waits = probe.current->kind == ACTION_SORT || probe.current->kind == ACTION_KEY ||
                   probe.current->kind == ACTION_CLEAR;
  gboolean busy = (waits && list_busy ()) || (probe.current->kind == ACTION_IMPORT && import_busy ());

  if (busy)
    probe.list_ready = now;

  if (now - probe.started > SETTLE_MAX_US ||
      (!probe.scrolling && !busy && now - probe.started >= min &&
       now - probe.last_long >= SETTLE_QUIET_US))
    {
      finish_action ();
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static void
start_action (Action *action)
{
  probe.current = action;
  probe.started = g_get_monotonic_time ();
  probe.last_long = probe.started;
  probe.list_ready = probe.started;
  probe.max_gap = 0;
  probe.max_cpu = 0;
  probe.busy = 0;
  probe.busy_cpu = 0;
  probe.frames = 0;

  perform (action);
  g_timeout_add (SETTLE_CHECK_MS, settle_cb, NULL);
}

static gboolean
run_next_cb (gpointer user_data)
{
  Action *action = g_queue_pop_head (&probe.actions);

  /* The window was closed or rebuilt (a new language): nothing to drive. */
  if (action != NULL && probe.window == NULL)
    {
      write_error ("the window is gone");
      g_queue_clear_full (&probe.actions, (GDestroyNotify) action_free);
      g_clear_pointer (&action, action_free);
    }

  if (action != NULL)
    {
      start_action (action);
    }
  else
    {
      JsonBuilder *builder = line_begin ("done");

      line_int (builder, "pid", getpid ());
      line_end (builder);
    }

  return G_SOURCE_REMOVE;
}

static void
run_next_later (void)
{
  g_timeout_add (PAUSE_MS, run_next_cb, NULL);
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  GtkColumnView *view;
  GskRenderer *renderer;
  JsonBuilder *builder;

  probe.frames++;
  if (probe.first_frame)
    return;

  /* The first frame that shows the list with its rows. */
  view = column_view ();
  if (view == NULL || !gtk_widget_get_mapped (GTK_WIDGET (view)) || n_rows () == 0)
    return;

  probe.first_frame = TRUE;
  renderer = gtk_native_get_renderer (GTK_NATIVE (probe.window));
  builder = line_begin ("first-frame");
  line_int (builder, "us", since_launch ());
  line_int (builder, "rows", n_rows ());
  line_string (builder, "renderer", renderer ? G_OBJECT_TYPE_NAME (renderer) : NULL);
  line_end (builder);

  /* What the window still does after it first shows, then the script. */
  if (probe.script != NULL)
    {
      parse_script (probe.script);
      start_action (action_new (ACTION_IDLE, "after-first-frame", NULL, 0));
    }
}

static void
window_realize_cb (GtkWidget *widget)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window)
{
  if (!CRM_IS_WINDOW (window))
    return;

  /* The newest main window is the one on screen: a big shop first shows
   * one that says its file is being checked, then the shop's own. */
  if (probe.window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (probe.window), (gpointer *) &probe.window);
  probe.window = CRM_WINDOW (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &probe.window);
  g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), NULL);
}

static gboolean
quit_cb (gpointer user_data)
{
  g_application_quit (probe.app);
  return G_SOURCE_CONTINUE;
}

/* bash's $EPOCHREALTIME: seconds, with a locale's decimal separator. */
static gint64
parse_launch_time (const char *text)
{
  g_autofree char *copy = g_strdup (text);
  char *comma = strchr (copy, ',');

  if (comma != NULL)
    *comma = '.';

  return (gint64) (g_ascii_strtod (copy, NULL) * G_USEC_PER_SEC);
}

/**
 * crm_probe_install:
 * @application: the application about to run
 *
 * Installs the probe when CLIENTELE_PROBE names a file to write to; does
 * nothing otherwise. CLIENTELE_PROBE_T0 may give the launch time (as
 * bash's $EPOCHREALTIME), CLIENTELE_PROBE_SCRIPT the steps to drive.
 */
void
crm_probe_install (GApplication *application)
{
  const char *path = g_getenv ("CLIENTELE_PROBE");
  const char *t0 = g_getenv ("CLIENTELE_PROBE_T0");
  GMainContext *context = g_main_context_default ();
  JsonBuilder *builder;

  if (path == NULL || *path == '\0')
    return;

  probe.out = fopen (path, "w");
  if (probe.out == NULL)
    {
      g_printerr ("clientele probe: cannot write “%s”\n", path);
      return;
    }

  probe.app = application;
  probe.t0 = t0 != NULL && *t0 != '\0' ? parse_launch_time (t0) : g_get_real_time ();
  probe.script = g_strdup (g_getenv ("CLIENTELE_PROBE_SCRIPT"));
  g_queue_init (&probe.actions);

  probe.poll = g_main_context_get_poll_func (context);
  g_main_context_set_poll_func (context, probe_poll);

  g_signal_connect (application, "window-added", G_CALLBACK (window_added_cb), NULL);
  g_unix_signal_add (SIGTERM, quit_cb, NULL);
  g_unix_signal_add (SIGINT, quit_cb, NULL);

  builder = line_begin ("start");
  line_int (builder, "pid", getpid ());
  line_int (builder, "at_us", since_launch ());
  line_end (builder);
}
