/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How fast Clientele's core is on a big shop: builds the sample shop with
 * the same code as --demo, then times what the window does (recomputing
 * segments, one new purchase, the customer list, search as you type,
 * Insights, importing). --json prints the figures as one object on
 * stdout and the readable lines on stderr. docs/performance.md explains
 * the figures and records runs. */

#define G_LOG_DOMAIN "clientele-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "crm-archive.h"
#include "crm-context.h"
#include "crm-customer-list.h"
#include "crm-demo.h"
#include "crm-export.h"
#include "crm-import.h"
#include "crm-insights.h"
#include "crm-store-private.h"

/* The targets, for 100 000 customers and 1 000 000 purchases. */
#define TARGET_REFRESH_MS   150.0
#define TARGET_KEYSTROKE_MS  16.0
#define TARGET_IMPORT_ROWS_PER_S 50000.0
#define TARGET_OPEN_MS      400.0
#define TARGET_INSIGHTS_MS  200.0
/* Our speed as a share of SQLite's own: a bare insert, the shell's .import. */
#define TARGET_INSERT_RATIO 0.5
#define TARGET_IMPORT_RATIO 0.5

/* Imports are timed into a fresh folder each run. */
#define IMPORT_RUNS 3

/* Runs per figure: the median shrugs off one slow run, the max shows it. */
#define RUNS 7

/* Search queries of one to three characters, per script. */
#define QUERIES_PER_SCRIPT 400

/* The figures --json prints; a negative one was not measured (null). */
typedef struct
{
  gint64 customers;
  double insert_ratio;
  double open_ms;
  double search_p50_ms;
  double search_p99_ms;
  double segment_ms;
  double due_ms;
  double insights_ms;
  double import_rows_per_s;
  double import_ratio;
  double peak_rss_mb;
} Results;

static Results results = {
  -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
};

static gboolean json_output;

typedef struct
{
  GArray *ms;   /* double */
} Timings;

static gint64 timer_start;

static void
timer_begin (void)
{
  timer_start = g_get_monotonic_time ();
}

static double
timer_end (void)
{
  return (g_get_monotonic_time () - timer_start) / 1000.0;
}

static Timings *
timings_new (void)
{
  Timings *t = g_new0 (Timings, 1);

  t->ms = g_array_new (FALSE, FALSE, sizeof (double));
  return t;
}

static void
timings_free (Timings *t)
{
  g_array_unref (t->ms);
  g_free (t);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Timings, timings_free)

static void
timings_add (Timings *t,
             double   ms)
{
  g_array_append_val (t->ms, ms);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
timings_median (Timings *t)
{
  guint n = t->ms->len;

  if (n == 0)
    return 0;

  g_array_sort (t->ms, compare_doubles);
  if (n % 2 == 1)
    return g_array_index (t->ms, double, n / 2);
  return (g_array_index (t->ms, double, n / 2 - 1) + g_array_index (t->ms, double, n / 2)) / 2;
}

static double
timings_max (Timings *t)
{
  double max = 0;

  for (guint i = 0; i < t->ms->len; i++)
    max = MAX (max, g_array_index (t->ms, double, i));

  return max;
}

/* Nearest-rank percentile, @p in 0–100. */
static double
timings_percentile (Timings *t,
                    double   p)
{
  guint n = t->ms->len;
  guint rank;

  if (n == 0)
    return 0;

  /* The smallest rank with at least p % of the values at or below it. */
  g_array_sort (t->ms, compare_doubles);
  rank = (guint) (p * n / 100.0);
  if (rank * 100.0 < p * n)
    rank++;
  return g_array_index (t->ms, double, CLAMP (rank, 1, n) - 1);
}

static gboolean all_met = TRUE;

#define LABEL_WIDTH 46

/* printf pads by bytes; Georgian and Armenian letters take three each. */
static void
print_label (const char *label)
{
  glong width = g_utf8_strlen (label, -1);

  g_print ("  %s%*s", label, (int) MAX (LABEL_WIDTH - width, 0), "");
}

/* One aligned line per figure; @target 0 for figures without one. The
 * verdict follows the max, the figure a person feels as a stall. */
static void
report (const char *what,
        Timings    *t,
        double      target,
        const char *extra)
{
  double median = timings_median (t);
  double max = timings_max (t);

  print_label (what);
  g_print (" %9.1f ms median %9.1f ms max  (n=%u)", median, max, t->ms->len);
  if (target > 0)
    {
      gboolean met = max <= target;

      g_print ("  target ≤ %.0f ms: %s", target, met ? "met" : "MISSED");
      all_met = all_met && met;
    }
  if (extra != NULL)
    g_print ("  %s", extra);
  g_print ("\n");
}

static gint64
query_int64 (CrmStore   *store,
             const char *sql)
{
  g_autoptr(CrmStmt) stmt = crm_store_prepare_once (store, sql, NULL);

  if (stmt == NULL || crm_stmt_step (stmt) != CRM_STMT_ROW)
    return -1;

  return crm_stmt_column_int64 (stmt, 0);
}

static guint64
file_size (const char *path)
{
  GStatBuf buf;

  return g_stat (path, &buf) == 0 ? (guint64) buf.st_size : 0;
}

/* Peak and current resident memory in kB, from /proc/self/status. */
static void
read_memory (guint64 *peak_kb,
             guint64 *now_kb)
{
  g_autofree char *status = NULL;
  const char *line;

  *peak_kb = *now_kb = 0;
  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return;

  if ((line = strstr (status, "VmHWM:")) != NULL)
    *peak_kb = g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10);
  if ((line = strstr (status, "VmRSS:")) != NULL)
    *now_kb = g_ascii_strtoull (line + strlen ("VmRSS:"), NULL, 10);
}

/* Resets VmHWM to the current RSS (Linux 4.0 and later), so that the next
 * peak is the list's and not the generator's. */
static gboolean
reset_peak_memory (void)
{
  FILE *file = fopen ("/proc/self/clear_refs", "w");
  gboolean ok;

  if (file == NULL)
    return FALSE;
  ok = fputs ("5", file) >= 0;
  return fclose (file) == 0 && ok;
}

static gboolean
remove_data_dir (const char *dir)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s%s", dir, CRM_STORE_FILE_NAME, suffixes[i]);

      g_remove (path);
    }

  return g_rmdir (dir) == 0;
}

static gint64 bench_now;

static gint64
bench_clock (gpointer data)
{
  return bench_now;
}

static void
bench_refresh (CrmStore *store)
{
  g_autoptr(Timings) t = timings_new ();
  g_autoptr(Timings) scratch = timings_new ();

  /* What the app does when time passes (hourly and at start-up): the
   * period moves on by a day each run, so a day of purchases falls out. */
  bench_now = g_get_real_time () / G_USEC_PER_SEC;
  crm_store_set_now_func (store, bench_clock, NULL);
  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;

      bench_now += 24 * 60 * 60;
      timer_begin ();
      crm_store_refresh_all (store, &error);
      timings_add (t, timer_end ());
      if (error != NULL)
        g_error ("refresh: %s", error->message);
    }
  crm_store_set_now_func (store, NULL, NULL);

  report ("recomputation, a day later (crm_store_refresh_all)", t, TARGET_REFRESH_MS, NULL);
  results.segment_ms = timings_max (t);

  /* Recounting every purchase: a new database, the clock set back, or the
   * period's length changed in Preferences. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = NULL;

      timer_begin ();
      crm_store_set_setting (store, "segment.window_days", i % 2 ? "365" : "364", &error);
      timings_add (scratch, timer_end ());
      if (error != NULL)
        g_error ("rebuild: %s", error->message);
    }
  crm_store_set_setting (store, "segment.window_days", "365", NULL);

  report ("recount from scratch (period changed)", scratch, 0, "rare: new database or new period");
}

/* Customers to touch, spread over the whole id range. */
static gint64
some_customer (gint64 max_id,
               guint  i)
{
  return 1 + (gint64) ((i * 7919u + 13) % (guint64) MAX (max_id, 1));
}

static void
bench_one_change (CrmStore   *store,
                  const char *label,
                  guint       first_run)
{
  g_autoptr(Timings) purchase = timings_new ();
  g_autoptr(Timings) customer = timings_new ();
  gint64 max_id = query_int64 (store, "SELECT max(id) FROM customers");
  g_autofree char *purchase_label = g_strdup_printf ("add one purchase%s", label);
  g_autofree char *customer_label = g_strdup_printf ("add one customer%s", label);

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;

      timer_begin ();
      crm_store_add_purchase (store, some_customer (max_id, first_run + i), crm_store_now (store),
                              1250, "bench", &error);
      timings_add (purchase, timer_end ());
      if (error != NULL)
        g_error ("purchase: %s", error->message);
    }

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("Bench Customer %u", first_run + i);
      CrmCustomerFields fields = { .name = name, .phone = "+995 555 00 00 00" };

      timer_begin ();
      crm_store_add_customer (store, &fields, &error);
      timings_add (customer, timer_end ());
      if (error != NULL)
        g_error ("customer: %s", error->message);
    }

  report (purchase_label, purchase, 0, "(figures of one customer + re-rank all)");
  report (customer_label, customer, 0, NULL);
}

static void
bench_list (CrmStore *store)
{
  g_autoptr(Timings) create = timings_new ();
  g_autoptr(Timings) by_spend = timings_new ();
  g_autoptr(Timings) key_only = timings_new ();
  g_autoptr(Timings) at_risk = timings_new ();
  g_autofree char *n_rows = NULL;
  g_autofree char *n_key = NULL;
  g_autofree char *n_risk = NULL;

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(CrmCustomerList) list = NULL;

      timer_begin ();
      list = crm_customer_list_new (store);
      timings_add (create, timer_end ());
      g_clear_pointer (&n_rows, g_free);
      n_rows = g_strdup_printf ("%u rows", g_list_model_get_n_items (G_LIST_MODEL (list)));

      timer_begin ();
      crm_customer_list_set_sort (list, CRM_CUSTOMER_SORT_SPEND, TRUE);
      timings_add (by_spend, timer_end ());

      crm_customer_list_set_sort (list, CRM_CUSTOMER_SORT_NAME, FALSE);
      timer_begin ();
      crm_customer_list_set_segment (list, CRM_SEGMENT_FILTER_KEY);
      timings_add (key_only, timer_end ());
      g_clear_pointer (&n_key, g_free);
      n_key = g_strdup_printf ("%u rows", g_list_model_get_n_items (G_LIST_MODEL (list)));

      crm_customer_list_set_segment (list, CRM_SEGMENT_FILTER_ALL);
      timer_begin ();
      crm_customer_list_set_at_risk (list, TRUE);
      timings_add (at_risk, timer_end ());
      g_clear_pointer (&n_risk, g_free);
      n_risk = g_strdup_printf ("%u rows", g_list_model_get_n_items (G_LIST_MODEL (list)));
    }

  report ("customer list: create (sorted by name)", create, 0, n_rows);
  report ("customer list: re-sort by spend", by_spend, 0, NULL);
  report ("customer list: key clients only", key_only, 0, n_key);
  report ("customer list: at risk only", at_risk, 0, n_risk);
}

/* Types @query one character at a time, as a person at the counter does,
 * timing each keystroke into @t and @all. */
static void
time_keystrokes (CrmCustomerList *list,
                 const char      *query,
                 Timings         *t,
                 Timings         *all)
{
  crm_customer_list_set_search (list, NULL);

  for (const char *end = g_utf8_next_char (query); ; end = g_utf8_next_char (end))
    {
      g_autofree char *prefix = g_strndup (query, end - query);
      double ms;

      timer_begin ();
      crm_customer_list_set_search (list, prefix);
      ms = timer_end ();
      timings_add (t, ms);
      timings_add (all, ms);

      if (*end == '\0')
        break;
    }
}

static void
type_query (CrmCustomerList *list,
            const char      *query,
            Timings         *all)
{
  g_autoptr(Timings) t = timings_new ();
  g_autofree char *label = g_strdup_printf ("search “%s”, per keystroke", query);
  g_autofree char *extra = NULL;

  time_keystrokes (list, query, t, all);

  extra = g_strdup_printf ("%u found", g_list_model_get_n_items (G_LIST_MODEL (list)));
  report (label, t, 0, extra);
}

static void
bench_search (CrmStore *store)
{
  static const char *const queries[] = { "ნინო ბერ", "Անի Պետ", "gmail", "555 12" };
  g_autoptr(CrmCustomerList) list = crm_customer_list_new (store);
  g_autoptr(Timings) all = timings_new ();

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    type_query (list, queries[i], all);

  report ("search, every keystroke of the four queries", all, TARGET_KEYSTROKE_MS, NULL);
  crm_customer_list_set_search (list, NULL);
}

static void
bench_rows (CrmCustomerList *list)
{
  g_autoptr(Timings) t = timings_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  /* Each run reads rows not read before, so the list's cache is cold. */
  for (guint i = 0; i < RUNS; i++)
    {
      guint first = MIN (n / 2 + i * 50, n > 50 ? n - 50 : 0);

      timer_begin ();
      for (guint p = first; p < first + 50 && p < n; p++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), p);

          g_assert (item != NULL);
        }
      timings_add (t, timer_end ());
    }

  report ("load 50 visible rows from the middle", t, 0, NULL);
}

static void
bench_summary (CrmStore *store)
{
  g_autoptr(Timings) t = timings_new ();
  CrmShopSummary summary;
  g_autofree char *extra = NULL;

  for (guint i = 0; i < RUNS; i++)
    {
      timer_begin ();
      crm_store_get_summary (store, &summary);
      timings_add (t, timer_end ());
    }

  extra = g_strdup_printf ("%u key of %u, %.1f %% of revenue, %u at risk",
                           summary.n_key, summary.n_customers,
                           summary.total_spend > 0 ? 100.0 * summary.key_spend / summary.total_spend : 0,
                           summary.n_at_risk);
  report ("shop summary (crm_store_get_summary)", t, 0, extra);
}

/* A new, empty shop in a temporary folder. */
static CrmStore *
open_empty_store (char **dir)
{
  g_autoptr(GError) error = NULL;
  CrmStore *store;

  *dir = g_dir_make_tmp ("clientele-bench-import-XXXXXX", &error);
  if (*dir == NULL)
    g_error ("%s", error->message);
  store = crm_store_open (*dir, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  return store;
}

/* The sqlite3 shell's own CSV import of the same file into a new
 * database, process start included: the floor for reading CSV into SQLite. */
static double
time_sqlite_shell (const char *sqlite3,
                   const char *csv_path,
                   const char *work)
{
  g_autofree char *db = g_build_filename (work, "shell.db", NULL);
  g_autofree char *import = g_strdup_printf (".import '%s' customers", csv_path);
  const char *argv[] = { sqlite3, db, ".mode csv", import, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;
  double ms;

  g_remove (db);
  timer_begin ();
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("  sqlite3 .import failed: %s\n", error->message);
      return -1;
    }
  ms = timer_end ();
  g_remove (db);
  return ms;
}

static void
bench_import (CrmStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *work = g_dir_make_tmp ("clientele-bench-files-XXXXXX", &error);
  g_autofree char *csv_path = NULL;
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autoptr(GFile) csv = NULL;
  g_autoptr(Timings) read = timings_new ();
  g_autoptr(Timings) preview = timings_new ();
  g_autoptr(Timings) apply = timings_new ();
  g_autoptr(Timings) total = timings_new ();
  g_autoptr(Timings) shell = timings_new ();
  g_autofree char *label = NULL;
  g_autofree char *extra = NULL;
  double rows_per_s, total_ms;
  guint n_rows = 0;

  if (work == NULL)
    g_error ("%s", error->message);
  csv_path = g_build_filename (work, "customers.csv", NULL);
  csv = g_file_new_for_path (csv_path);

  /* The sample shop's customers as its own export writes them. */
  if (!crm_export_customers_csv (store, csv, &n_rows, &error))
    g_error ("export: %s", error->message);

  for (guint i = 0; i < IMPORT_RUNS; i++)
    {
      g_autofree char *dir = NULL;
      g_autoptr(CrmStore) target = open_empty_store (&dir);
      g_autoptr(CrmCustomerImport) import = NULL;
      g_autoptr(GBytes) bytes = NULL;
      CrmImportCounts counts;
      double a, b, c;

      timer_begin ();
      bytes = crm_import_load_file (csv, NULL, &error);
      import = bytes ? crm_customer_import_new (bytes, CRM_IMPORT_FORMAT_CSV, &error) : NULL;
      a = timer_end ();
      if (import == NULL)
        {
          /* A limit of the import itself (the file's size) leaves this
           * shop without import figures; the rest is still measured. */
          g_print ("  importing the shop's own CSV (%u customers) was refused: %s\n", n_rows, error->message);
          g_clear_object (&target);
          remove_data_dir (dir);
          g_remove (csv_path);
          g_rmdir (work);
          return;
        }

      /* Every row comes in, duplicates checked all the same. */
      crm_customer_import_set_policy (import, CRM_DUPLICATE_KEEP_BOTH);
      timer_begin ();
      if (!crm_customer_import_prepare (import, target, &error))
        g_error ("preview: %s", error->message);
      b = timer_end ();

      timer_begin ();
      if (!crm_customer_import_apply (import, target, &counts, &error))
        g_error ("apply: %s", error->message);
      c = timer_end ();
      if (counts.added != n_rows)
        g_error ("imported %u of %u customers", counts.added, n_rows);

      timings_add (read, a);
      timings_add (preview, b);
      timings_add (apply, c);
      timings_add (total, a + b + c);

      g_clear_object (&target);
      remove_data_dir (dir);
    }

  label = g_strdup_printf ("import %u customers from CSV: read the file", n_rows);
  report (label, read, 0, NULL);
  report ("  preview (columns, cleaning, duplicates)", preview, 0, NULL);
  report ("  apply (one transaction, figures at commit)", apply, 0, NULL);

  total_ms = timings_median (total);
  rows_per_s = total_ms > 0 ? n_rows / (total_ms / 1000.0) : 0;
  extra = g_strdup_printf ("%.0f rows/s, target ≥ %.0f: %s", rows_per_s, TARGET_IMPORT_ROWS_PER_S,
                           rows_per_s >= TARGET_IMPORT_ROWS_PER_S ? "met" : "MISSED");
  all_met = all_met && rows_per_s >= TARGET_IMPORT_ROWS_PER_S;
  report ("  all of it", total, 0, extra);

  if (sqlite3 != NULL)
    {
      g_autofree char *ratio = NULL;

      for (guint i = 0; i < IMPORT_RUNS; i++)
        {
          double ms = time_sqlite_shell (sqlite3, csv_path, work);

          if (ms >= 0)
            timings_add (shell, ms);
        }
      if (shell->ms->len > 0)
        {
          /* Speed over speed: the shell's time over ours. */
          results.import_ratio = timings_median (shell) / MAX (total_ms, 0.001);
          all_met = all_met && results.import_ratio >= TARGET_IMPORT_RATIO;
          ratio = g_strdup_printf ("Clientele takes %.1f× as long (it cleans, checks duplicates, "
                                   "keeps search keys and figures): %.2f× its speed, target ≥ %.1f×: %s",
                                   total_ms / MAX (timings_median (shell), 0.001), results.import_ratio,
                                   TARGET_IMPORT_RATIO,
                                   results.import_ratio >= TARGET_IMPORT_RATIO ? "met" : "MISSED");
          report ("  the sqlite3 shell's .import of the same file", shell, 0, ratio);
        }
    }
  else
    g_print ("  (no sqlite3 shell on PATH: apt-get install sqlite3 to compare with its .import)\n");

  results.import_rows_per_s = rows_per_s;
  g_remove (csv_path);
  g_rmdir (work);
}

/* The whole shop as an archive and back into an empty folder. */
static void
bench_archive (CrmStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(Timings) export = timings_new ();
  g_autoptr(Timings) archive_in = timings_new ();
  g_autoptr(GBytes) archive = NULL;
  g_autofree char *extra = NULL;
  guint64 peak_kb = 0, rss_kb = 0;

  for (guint i = 0; i < IMPORT_RUNS; i++)
    {
      g_clear_pointer (&archive, g_bytes_unref);
      timer_begin ();
      archive = crm_archive_export_bytes (store, NULL, &error);
      timings_add (export, timer_end ());
      if (archive == NULL)
        g_error ("archive: %s", error->message);
    }
  g_clear_pointer (&extra, g_free);
  extra = g_strdup_printf ("%.1f MB", g_bytes_get_size (archive) / (1024.0 * 1024.0));
  report ("archive: export the whole shop (JSON)", export, 0, extra);

  reset_peak_memory ();
  for (guint i = 0; i < IMPORT_RUNS; i++)
    {
      g_autofree char *dir = NULL;
      g_autoptr(CrmStore) target = open_empty_store (&dir);

      timer_begin ();
      if (!crm_archive_import (target, archive, NULL, &error))
        g_error ("archive import: %s", error->message);
      timings_add (archive_in, timer_end ());
      g_clear_object (&target);
      remove_data_dir (dir);
    }
  read_memory (&peak_kb, &rss_kb);
  g_clear_pointer (&extra, g_free);
  extra = g_strdup_printf ("peak resident %.0f MB", peak_kb / 1024.0);
  report ("archive: import it into an empty folder", archive_in, 0, extra);
}

static const char *const script_names[] = { "Latin", "Georgian", "Armenian" };

/* Which of the shop's three scripts a word is written in, or -1. */
static int
script_of (const char *word)
{
  switch (g_unichar_get_script (g_utf8_get_char (word)))
    {
    case G_UNICODE_SCRIPT_LATIN:
      return 0;
    case G_UNICODE_SCRIPT_GEORGIAN:
      return 1;
    case G_UNICODE_SCRIPT_ARMENIAN:
      return 2;
    default:
      return -1;
    }
}

/* What people type at the counter: one to three letters out of the names
 * of customers drawn at random, QUERIES_PER_SCRIPT in each script (fewer
 * only if the shop has no name in it). */
static void
sample_queries (CrmStore  *store,
                GPtrArray *queries[3])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  gint64 max_id = query_int64 (store, "SELECT max(id) FROM customers");

  for (guint tries = 0; tries < 200000 && max_id > 0 && max_id < G_MAXINT32; tries++)
    {
      g_autoptr(CrmCustomer) customer = NULL;
      g_auto(GStrv) words = NULL;
      const char *word;
      glong length, n, start;
      int script;

      if (queries[0]->len >= QUERIES_PER_SCRIPT && queries[1]->len >= QUERIES_PER_SCRIPT &&
          queries[2]->len >= QUERIES_PER_SCRIPT)
        break;

      customer = crm_store_get_customer (store, g_rand_int_range (rand, 1, (gint32) max_id + 1));
      if (customer == NULL)
        continue;

      words = g_strsplit (crm_customer_get_name (customer), " ", -1);
      word = words[g_rand_int_range (rand, 0, (gint32) g_strv_length (words))];
      script = script_of (word);
      if (script < 0 || queries[script]->len >= QUERIES_PER_SCRIPT)
        continue;

      /* MIN () would draw twice. */
      length = g_utf8_strlen (word, -1);
      n = g_rand_int_range (rand, 1, 4);
      n = MIN (n, length);
      start = g_rand_int_range (rand, 0, (gint32) (length - n + 1));
      g_ptr_array_add (queries[script], g_utf8_substring (word, start, start + n));
    }
}

/* A real p99 needs many queries: each is typed into an empty search. */
static void
bench_search_scripts (CrmStore *store)
{
  g_autoptr(CrmCustomerList) list = crm_customer_list_new (store);
  g_autoptr(Timings) all = timings_new ();
  g_autofree char *extra = NULL;
  GPtrArray *queries[3];
  guint n_queries = 0;
  double p99;

  for (guint s = 0; s < G_N_ELEMENTS (queries); s++)
    queries[s] = g_ptr_array_new_with_free_func (g_free);
  sample_queries (store, queries);

  for (guint s = 0; s < G_N_ELEMENTS (queries); s++)
    {
      g_autoptr(Timings) t = timings_new ();
      g_autofree char *label = g_strdup_printf ("search, %u %s queries of 1–3 letters",
                                                queries[s]->len, script_names[s]);
      g_autofree char *p = NULL;

      for (guint q = 0; q < queries[s]->len; q++)
        time_keystrokes (list, queries[s]->pdata[q], t, all);

      p = g_strdup_printf ("p99 %.1f ms", timings_percentile (t, 99));
      report (label, t, 0, p);
      n_queries += queries[s]->len;
      g_ptr_array_unref (queries[s]);
    }
  crm_customer_list_set_search (list, NULL);

  p99 = timings_percentile (all, 99);
  results.search_p50_ms = timings_percentile (all, 50);
  results.search_p99_ms = p99;
  extra = g_strdup_printf ("%u queries: p50 %.1f ms, p99 %.1f ms, target p99 ≤ %.0f ms: %s",
                           n_queries, results.search_p50_ms, p99, TARGET_KEYSTROKE_MS,
                           p99 <= TARGET_KEYSTROKE_MS ? "met" : "MISSED");
  all_met = all_met && p99 <= TARGET_KEYSTROKE_MS;
  report ("search, every keystroke of them", all, 0, extra);
}

static void
open_checked_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  gboolean *passed = user_data;
  g_autoptr(GError) error = NULL;

  if (!crm_context_check_finish (CRM_CONTEXT (source), result, &error))
    g_error ("check: %s", error->message);
  *passed = TRUE;
}

/* What the window does at start: open the shop and build the customer
 * list's first rows, on a new connection each time, while the whole-file
 * check runs in a worker (crm_context_new_checking()); then, not timed
 * as the open, the check, the figures brought up to date after it and
 * the rest of the list. */
static void
bench_open (const char *data_dir)
{
  g_autoptr(Timings) t = timings_new ();
  g_autoptr(Timings) check = timings_new ();

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CrmContext) context = NULL;
      g_autoptr(CrmCustomerList) list = NULL;
      gboolean passed = FALSE;

      timer_begin ();
      context = crm_context_new_checking (data_dir, NULL, open_checked_cb, &passed);
      if (context == NULL)
        g_error ("open: the shop did not open before its check");
      /* As the customers page makes it: a screenful here, the rest on
       * a worker. */
      list = crm_customer_list_new_big (crm_context_get_store (context), CRM_CUSTOMER_LIST_WORKER_FROM);
      timings_add (t, timer_end ());

      while (!passed || crm_context_is_refreshing (context) || crm_customer_list_get_loading (list))
        g_main_context_iteration (NULL, TRUE);
      timings_add (check, timer_end ());
    }

  report ("open the shop and its customer list (cold)", t, TARGET_OPEN_MS, NULL);
  report ("  … its check, figures and whole list done, in workers (from the start)", check, 0, NULL);
  results.open_ms = timings_max (t);
}

/* The follow-ups the scheduler announces and the Follow-ups page lists. */
static void
bench_due (CrmStore *store)
{
  g_autoptr(Timings) t = timings_new ();
  g_autofree char *extra = NULL;
  guint n_due = 0, n_pending = 0, n_suggested = 0;

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GPtrArray) due = NULL;
      g_autoptr(GPtrArray) pending = NULL;
      g_autoptr(GPtrArray) suggested = NULL;

      timer_begin ();
      due = crm_store_list_due_follow_ups (store, crm_store_now (store));
      pending = crm_store_list_follow_ups (store, FALSE, 0, 500);
      suggested = crm_store_list_keep_in_touch (store, 10);
      timings_add (t, timer_end ());

      n_due = due->len;
      n_pending = pending->len;
      n_suggested = suggested->len;
    }

  extra = g_strdup_printf ("%u due, %u pending, %u to keep in touch with", n_due, n_pending, n_suggested);
  report ("follow-ups: due, pending, keep in touch", t, 0, extra);
  results.due_ms = timings_max (t);
}

static void
bench_insights (CrmStore *store)
{
  static const struct
  {
    CrmPeriod   period;
    const char *label;
  } periods[] = {
    { CRM_PERIOD_WEEK, "Insights: this week" },
    { CRM_PERIOD_MONTH, "Insights: this month (the page's first view)" },
    { CRM_PERIOD_YEAR, "Insights: this year" },
  };

  for (guint p = 0; p < G_N_ELEMENTS (periods); p++)
    {
      g_autoptr(Timings) t = timings_new ();
      gboolean first_view = periods[p].period == CRM_PERIOD_MONTH;

      for (guint i = 0; i < RUNS; i++)
        {
          CrmInsights insights;

          timer_begin ();
          crm_insights_compute (store, periods[p].period, &insights);
          timings_add (t, timer_end ());
        }

      report (periods[p].label, t, first_view ? TARGET_INSIGHTS_MS : 0, NULL);
      if (first_view)
        results.insights_ms = timings_max (t);
    }
}

typedef struct
{
  gint64      id;
  const char *name;
  const char *phone;
  const char *email;
  const char *address;
  const char *birthday;
  const char *notes;
} CustomerRow;

typedef struct
{
  gint64      customer_id;
  gint64      at;
  gint64      amount;
  const char *description;
} PurchaseRow;

/* The shop's customers and purchases as plain rows, to write again. */
static void
read_rows (CrmStore     *store,
           GArray       *customers,
           GArray       *purchases,
           GStringChunk *chunk)
{
  g_autoptr(CrmStmt) c = crm_store_prepare_once (store,
                                                 "SELECT id, name, phone, email, address, birthday, notes "
                                                 "FROM customers ORDER BY id", NULL);
  g_autoptr(CrmStmt) p = crm_store_prepare_once (store,
                                                 "SELECT customer_id, at, amount, description "
                                                 "FROM purchases ORDER BY id", NULL);

#define TEXT(stmt, i) g_string_chunk_insert_const (chunk, crm_stmt_column_text (stmt, i) ? crm_stmt_column_text (stmt, i) : "")
  while (c != NULL && crm_stmt_step (c) == CRM_STMT_ROW)
    {
      CustomerRow row = {
        crm_stmt_column_int64 (c, 0), TEXT (c, 1), TEXT (c, 2), TEXT (c, 3),
        TEXT (c, 4), crm_stmt_column_is_null (c, 5) ? NULL : TEXT (c, 5), TEXT (c, 6),
      };

      g_array_append_val (customers, row);
    }

  while (p != NULL && crm_stmt_step (p) == CRM_STMT_ROW)
    {
      PurchaseRow row = {
        crm_stmt_column_int64 (p, 0), crm_stmt_column_int64 (p, 1),
        crm_stmt_column_int64 (p, 2), TEXT (p, 3),
      };

      g_array_append_val (purchases, row);
    }
#undef TEXT
}

/* The store's bulk path: one transaction of crm_store_add_customer and
 * crm_store_add_purchase, figures rebuilt once at commit. */
static double
time_store_insert (GArray *customers,
                   GArray *purchases)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(CrmStore) target = open_empty_store (&dir);
  g_autofree gint64 *ids = NULL;
  gint64 max_id = 0;
  double ms;

  for (guint i = 0; i < customers->len; i++)
    max_id = MAX (max_id, g_array_index (customers, CustomerRow, i).id);
  ids = g_new0 (gint64, max_id + 1);

  timer_begin ();
  if (!crm_store_begin (target, &error))
    g_error ("begin: %s", error->message);
  for (guint i = 0; i < customers->len; i++)
    {
      CustomerRow *row = &g_array_index (customers, CustomerRow, i);
      CrmCustomerFields fields = {
        .name = row->name, .phone = row->phone, .email = row->email,
        .address = row->address, .birthday = row->birthday, .notes = row->notes,
      };

      ids[row->id] = crm_store_add_customer (target, &fields, &error);
      if (ids[row->id] == 0)
        g_error ("customer: %s", error->message);
    }
  for (guint i = 0; i < purchases->len; i++)
    {
      PurchaseRow *row = &g_array_index (purchases, PurchaseRow, i);

      if (crm_store_add_purchase (target, ids[row->customer_id], row->at, row->amount,
                                  row->description, &error) == 0)
        g_error ("purchase: %s", error->message);
    }
  if (!crm_store_commit (target, &error))
    g_error ("commit: %s", error->message);
  ms = timer_end ();

  g_clear_object (&target);
  remove_data_dir (dir);
  return ms;
}

static void
raw_exec (sqlite3    *db,
          const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("raw SQLite: %s: %s", sql, message);
}

/* The floor the store is compared with: SQLite alone, the same rows into
 * two plain tables (no checks, indexes, search keys or figures), prepared
 * statements in one transaction, with the store's journal and sync. This
 * is SQL outside the store on purpose: it measures SQLite, not Clientele. */
static double
time_raw_insert (GArray *customers,
                 GArray *purchases)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("clientele-bench-raw-XXXXXX", &error);
  g_autofree char *path = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *c = NULL, *p = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  double ms;

  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, CRM_STORE_FILE_NAME, NULL);
  if (sqlite3_open (path, &db) != SQLITE_OK)
    g_error ("raw SQLite: cannot open %s", path);
  raw_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, phone TEXT, email TEXT,"
                "  address TEXT, birthday TEXT, notes TEXT, created_at INTEGER, updated_at INTEGER);"
                "CREATE TABLE purchases (id INTEGER PRIMARY KEY, customer_id INTEGER, at INTEGER,"
                "  amount INTEGER, description TEXT, created_at INTEGER);");

  timer_begin ();
  raw_exec (db, "BEGIN");
  if (sqlite3_prepare_v2 (db, "INSERT INTO customers (id, name, phone, email, address, birthday, notes,"
                              " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
                          -1, &c, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO purchases (customer_id, at, amount, description, created_at)"
                              " VALUES (?1, ?2, ?3, ?4, ?5)", -1, &p, NULL) != SQLITE_OK)
    g_error ("raw SQLite: %s", sqlite3_errmsg (db));

  for (guint i = 0; i < customers->len; i++)
    {
      CustomerRow *row = &g_array_index (customers, CustomerRow, i);

      sqlite3_bind_int64 (c, 1, row->id);
      sqlite3_bind_text (c, 2, row->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (c, 3, row->phone, -1, SQLITE_STATIC);
      sqlite3_bind_text (c, 4, row->email, -1, SQLITE_STATIC);
      sqlite3_bind_text (c, 5, row->address, -1, SQLITE_STATIC);
      sqlite3_bind_text (c, 6, row->birthday, -1, SQLITE_STATIC);
      sqlite3_bind_text (c, 7, row->notes, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (c, 8, now);
      if (sqlite3_step (c) != SQLITE_DONE)
        g_error ("raw SQLite: %s", sqlite3_errmsg (db));
      sqlite3_reset (c);
    }
  for (guint i = 0; i < purchases->len; i++)
    {
      PurchaseRow *row = &g_array_index (purchases, PurchaseRow, i);

      sqlite3_bind_int64 (p, 1, row->customer_id);
      sqlite3_bind_int64 (p, 2, row->at);
      sqlite3_bind_int64 (p, 3, row->amount);
      sqlite3_bind_text (p, 4, row->description, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (p, 5, now);
      if (sqlite3_step (p) != SQLITE_DONE)
        g_error ("raw SQLite: %s", sqlite3_errmsg (db));
      sqlite3_reset (p);
    }
  sqlite3_finalize (c);
  sqlite3_finalize (p);
  raw_exec (db, "COMMIT");
  ms = timer_end ();

  sqlite3_close (db);
  remove_data_dir (dir);
  return ms;
}

/* Writing the shop's rows again, through the store and through bare
 * SQLite, into new folders: the same rows, the same run. */
static void
bench_insert (CrmStore *store)
{
  g_autoptr(GArray) customers = g_array_new (FALSE, FALSE, sizeof (CustomerRow));
  g_autoptr(GArray) purchases = g_array_new (FALSE, FALSE, sizeof (PurchaseRow));
  g_autoptr(Timings) ours = timings_new ();
  g_autoptr(Timings) raw = timings_new ();
  g_autofree char *label = NULL;
  g_autofree char *extra = NULL;
  GStringChunk *chunk = g_string_chunk_new (1 << 20);
  guint runs;
  double ratio;

  read_rows (store, customers, purchases, chunk);
  /* A million customers take minutes through the store: once is enough. */
  runs = customers->len > 200000 ? 1 : IMPORT_RUNS;

  for (guint i = 0; i < runs; i++)
    {
      timings_add (raw, time_raw_insert (customers, purchases));
      timings_add (ours, time_store_insert (customers, purchases));
    }

  ratio = timings_median (raw) / MAX (timings_median (ours), 0.001);
  results.insert_ratio = ratio;
  all_met = all_met && ratio >= TARGET_INSERT_RATIO;

  label = g_strdup_printf ("write %u customers and %u purchases: the store", customers->len, purchases->len);
  report (label, ours, 0, "(one transaction, figures at commit)");
  extra = g_strdup_printf ("the store is at %.2f× its speed, target ≥ %.1f×: %s", ratio, TARGET_INSERT_RATIO,
                           ratio >= TARGET_INSERT_RATIO ? "met" : "MISSED");
  report ("  bare SQLite, the same rows", raw, 0, extra);

  g_string_chunk_free (chunk);
}

static void
print_to_stderr (const char *text)
{
  fputs (text, stderr);
}

static void
append_figure (GString    *json,
               const char *key,
               double      value,
               int         decimals)
{
  g_string_append_printf (json, "%s\"%s\": ", json->len > 1 ? ", " : "", key);
  if (value < 0)
    g_string_append (json, "null");
  else
    g_string_append_printf (json, "%.*f", decimals, value);
}

static void
print_results (void)
{
  g_autoptr(GString) json = g_string_new ("{");

  append_figure (json, "customers", results.customers, 0);
  append_figure (json, "insert_ratio", results.insert_ratio, 3);
  append_figure (json, "open_ms", results.open_ms, 1);
  append_figure (json, "search_p50_ms", results.search_p50_ms, 2);
  append_figure (json, "search_p99_ms", results.search_p99_ms, 2);
  append_figure (json, "segment_ms", results.segment_ms, 1);
  append_figure (json, "due_ms", results.due_ms, 1);
  append_figure (json, "insights_ms", results.insights_ms, 1);
  append_figure (json, "import_rows_per_s", results.import_rows_per_s, 0);
  append_figure (json, "import_ratio", results.import_ratio, 3);
  append_figure (json, "peak_rss_mb", results.peak_rss_mb, 1);
  g_string_append (json, "}\n");

  fputs (json->str, stdout);
  fflush (stdout);
}

/* The highest VmHWM seen since the shop was built, across peak resets. */
static guint64 peak_since_fill_kb;

static void
note_peak (void)
{
  guint64 peak_kb, rss_kb;

  read_memory (&peak_kb, &rss_kb);
  peak_since_fill_kb = MAX (peak_since_fill_kb, peak_kb);
}

/* The archive streamed to a file and back, once each: export writes as it
 * reads and import reads a buffer at a time, so their peaks are of a few
 * rows, not of the file (the resident memory before each is printed too:
 * the peak cannot fall below it). */
static void
bench_archive_file (CrmStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *work = g_dir_make_tmp ("clientele-bench-archive-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *extra = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(CrmStore) target = NULL;
  g_autoptr(Timings) out = timings_new ();
  g_autoptr(Timings) in = timings_new ();
  guint64 peak_kb, before_kb, rss_kb;

  if (work == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (work, "shop.json", NULL);
  file = g_file_new_for_path (path);

  reset_peak_memory ();
  read_memory (&peak_kb, &before_kb);
  timer_begin ();
  if (!crm_archive_export (store, file, NULL, &error))
    g_error ("archive export: %s", error->message);
  timings_add (out, timer_end ());
  read_memory (&peak_kb, &rss_kb);
  extra = g_strdup_printf ("%.1f MB, peak resident %.0f MB (%.0f MB before)",
                           file_size (path) / (1024.0 * 1024.0), peak_kb / 1024.0, before_kb / 1024.0);
  report ("archive: export to a file, streamed", out, 0, extra);

  target = open_empty_store (&dir);
  reset_peak_memory ();
  read_memory (&peak_kb, &before_kb);
  timer_begin ();
  if (!crm_archive_import_file (target, file, NULL, NULL, &error))
    g_error ("archive import: %s", error->message);
  timings_add (in, timer_end ());
  read_memory (&peak_kb, &rss_kb);
  g_clear_pointer (&extra, g_free);
  extra = g_strdup_printf ("peak resident %.0f MB (%.0f MB before)", peak_kb / 1024.0, before_kb / 1024.0);
  report ("archive: import that file, streamed", in, 0, extra);

  g_clear_object (&target);
  remove_data_dir (dir);
  g_remove (path);
  g_rmdir (work);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(CrmCustomerList) list = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *wal_path = NULL;
  gint customers = 100000;
  gint seed = 1;
  gboolean keep = FALSE;
  gboolean fill_only = FALSE;
  g_auto(GStrv) statements = NULL;
  gboolean temporary;
  int status = 0;
  guint64 peak_kb, rss_kb, fill_peak_kb, ranking_peak_kb;
  gboolean peak_reset;
  double fill_ms = 0;
  GOptionEntry entries[] = {
    { "customers", 'n', 0, G_OPTION_ARG_INT, &customers, "Customers in the sample shop (default 100000)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed, "Seed of the sample shop (default 1)", "S" },
    { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir, "Folder for the database (default: a new temporary one)", "DIR" },
    { "keep", 'k', 0, G_OPTION_ARG_NONE, &keep, "Keep the temporary folder and its database", NULL },
    { "sql", 0, 0, G_OPTION_ARG_STRING_ARRAY, &statements,
      "Run SQL on the store's connection before measuring, to try an index or a PRAGMA (repeatable)", "SQL" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json_output,
      "Print the figures as one JSON object on stdout (the lines go to stderr; no archive)", NULL },
    { "fill-only", 0, 0, G_OPTION_ARG_NONE, &fill_only,
      "Only build the sample shop in --data-dir, measure nothing", NULL },
    { NULL }
  };

  /* UTF-8 output for the Georgian and Armenian queries, "." in numbers. */
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  if (!g_get_charset (NULL))
    setlocale (LC_CTYPE, "C.UTF-8");

  context = g_option_context_new ("— time Clientele's core on a big sample shop");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (customers < 0)
    {
      g_printerr ("--customers must not be negative\n");
      return 2;
    }
  if (fill_only && data_dir == NULL)
    {
      g_printerr ("--fill-only needs --data-dir\n");
      return 2;
    }

  /* stdout carries the one object alone. */
  if (json_output)
    g_set_print_handler (print_to_stderr);

  temporary = data_dir == NULL;
  if (temporary)
    {
      data_dir = g_dir_make_tmp ("clientele-bench-XXXXXX", &error);
      if (data_dir == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  store = crm_store_open (data_dir, &error);
  if (store == NULL)
    goto out;
  db_path = g_build_filename (data_dir, CRM_STORE_FILE_NAME, NULL);
  wal_path = g_strconcat (db_path, "-wal", NULL);

  g_print ("Clientele %s benchmark: %d customers, seed %d, data in %s\n",
           PACKAGE_VERSION, customers, seed, data_dir);

  timer_begin ();
  if (!crm_demo_fill (store, (guint) customers, (guint32) seed, &error))
    {
      /* A kept folder from an earlier run is measured as it is. */
      if (!g_error_matches (error, CRM_DEMO_ERROR, CRM_DEMO_ERROR_NOT_EMPTY))
        goto out;
      g_print ("  the database already has customers: measuring it as it is\n");
      g_clear_error (&error);
    }
  fill_ms = timer_end ();

  /* A shop that has chosen its currency, as --demo leaves it: the window
   * benchmark's window then opens on the list, not on the question. */
  {
    g_autofree char *currency = crm_store_dup_setting (store, "shop.currency", NULL);

    if (currency == NULL)
      crm_store_set_setting (store, "shop.currency", "GEL", NULL);
  }

  /* Fold the WAL into the file so the size is the database's. */
  crm_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);
  results.customers = query_int64 (store, "SELECT count(*) FROM customers");

  g_print ("\nSample shop\n");
  print_label ("generated in (crm_demo_fill, one transaction)");
  g_print (" %9.1f s\n", fill_ms / 1000.0);
  print_label ("customers");
  g_print (" %9" G_GINT64_FORMAT "\n", results.customers);
  print_label ("purchases");
  g_print (" %9" G_GINT64_FORMAT "\n", query_int64 (store, "SELECT count(*) FROM purchases"));
  print_label ("interactions");
  g_print (" %9" G_GINT64_FORMAT "\n", query_int64 (store, "SELECT count(*) FROM interactions"));
  print_label ("database size");
  g_print (" %9.1f MB\n", (file_size (db_path) + file_size (wal_path)) / (1024.0 * 1024.0));

  if (fill_only)
    goto out;

  if (statements != NULL)
    g_print ("\nExtra SQL (--sql)\n");
  for (guint i = 0; statements != NULL && statements[i] != NULL; i++)
    {
      g_print ("  %s\n", statements[i]);
      if (!crm_store_exec (store, statements[i], &error))
        goto out;
    }

  /* Generating the shop is not what a shop's PC does every day. */
  read_memory (&fill_peak_kb, &rss_kb);
  reset_peak_memory ();

  g_print ("\nSegments\n");
  bench_refresh (store);
  bench_one_change (store, "", 0);

  /* From here on the peak is the list's, not the ranking's. */
  read_memory (&ranking_peak_kb, &rss_kb);
  note_peak ();
  peak_reset = reset_peak_memory ();

  g_print ("\nCustomer list\n");
  bench_list (store);
  list = crm_customer_list_new (store);
  read_memory (&peak_kb, &rss_kb);
  bench_rows (list);
  bench_one_change (store, " with the list open", RUNS);

  g_print ("\nSearch as you type\n");
  g_clear_object (&list);
  bench_search (store);
  bench_search_scripts (store);

  g_print ("\nOther\n");
  bench_summary (store);
  bench_due (store);
  bench_insights (store);
  bench_open (data_dir);
  print_label ("peak resident memory, generating the shop");
  g_print (" %9.1f MB\n", fill_peak_kb / 1024.0);
  print_label ("peak resident memory, ranking");
  g_print (" %9.1f MB\n", ranking_peak_kb / 1024.0);
  print_label ("peak resident memory, building the list");
  g_print (" %9.1f MB  (%s; resident then %.1f MB)\n",
           peak_kb / 1024.0, peak_reset ? "peak reset before the list" : "peak of the whole run",
           rss_kb / 1024.0);

  g_print ("\nImport and export\n");
  bench_import (store);
  note_peak ();
  results.peak_rss_mb = peak_since_fill_kb / 1024.0;
  print_label ("peak resident memory, everything above");
  g_print (" %9.1f MB  (VmHWM once the shop was built)\n", results.peak_rss_mb);
  if (!json_output)
    {
      bench_archive (store);
      bench_archive_file (store);
    }

  g_print ("\nWriting rows\n");
  bench_insert (store);

  g_print ("\n%s\n", all_met ? "All targets met." : "Some targets were MISSED.");
  if (json_output)
    print_results ();

out:
  if (error != NULL)
    {
      g_printerr ("%s\n", error->message);
      status = 1;
    }

  g_clear_object (&store);
  if (temporary && !keep)
    remove_data_dir (data_dir);
  else
    g_print ("Data kept in %s\n", data_dir);

  return status;
}
