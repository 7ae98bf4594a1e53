/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How fast Clientele's core is on a big shop: builds the sample shop with
 * the same code as --demo, then times what the window does (recomputing
 * segments, one new purchase, the customer list, search as you type).
 * docs/performance.md explains the figures and records a run. */

#define G_LOG_DOMAIN "clientele-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "crm-archive.h"
#include "crm-customer-list.h"
#include "crm-demo.h"
#include "crm-export.h"
#include "crm-import.h"
#include "crm-store-private.h"

/* The targets, for 100 000 customers and 1 000 000 purchases. */
#define TARGET_REFRESH_MS   150.0
#define TARGET_KEYSTROKE_MS  16.0
#define TARGET_IMPORT_ROWS_PER_S 50000.0

/* Imports are timed into a fresh folder each run. */
#define IMPORT_RUNS 3

/* Runs per figure: the median shrugs off one slow run, the max shows it. */
#define RUNS 7

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
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (crm_store_get_db (store), sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
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

/* Types @query one character at a time, as a person at the counter does. */
static void
type_query (CrmCustomerList *list,
            const char      *query,
            Timings         *all)
{
  g_autoptr(Timings) t = timings_new ();
  g_autofree char *label = g_strdup_printf ("search “%s”, per keystroke", query);
  g_autofree char *extra = NULL;

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
  g_autoptr(Timings) export = timings_new ();
  g_autoptr(Timings) archive_in = timings_new ();
  g_autofree char *label = NULL;
  g_autofree char *extra = NULL;
  g_autoptr(GBytes) archive = NULL;
  guint64 peak_kb = 0, rss_kb = 0;
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
        g_error ("import: %s", error->message);

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
          ratio = g_strdup_printf ("Clientele takes %.1f× as long (it cleans, checks duplicates, "
                                   "keeps search keys and figures)",
                                   total_ms / MAX (timings_median (shell), 0.001));
          report ("  the sqlite3 shell's .import of the same file", shell, 0, ratio);
        }
    }
  else
    g_print ("  (no sqlite3 shell on PATH: apt-get install sqlite3 to compare with its .import)\n");

  /* The whole shop as an archive and back into an empty folder. */
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

  g_remove (csv_path);
  g_rmdir (work);
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
  g_auto(GStrv) statements = NULL;
  gboolean temporary;
  int status = 0;
  guint64 peak_kb, rss_kb, fill_peak_kb;
  gboolean peak_reset;
  double fill_ms = 0;
  GOptionEntry entries[] = {
    { "customers", 'n', 0, G_OPTION_ARG_INT, &customers, "Customers in the sample shop (default 100000)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT, &seed, "Seed of the sample shop (default 1)", "S" },
    { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir, "Folder for the database (default: a new temporary one)", "DIR" },
    { "keep", 'k', 0, G_OPTION_ARG_NONE, &keep, "Keep the temporary folder and its database", NULL },
    { "sql", 0, 0, G_OPTION_ARG_STRING_ARRAY, &statements,
      "Run SQL on the store's connection before measuring, to try an index or a PRAGMA (repeatable)", "SQL" },
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
    goto failed;
  db_path = g_build_filename (data_dir, CRM_STORE_FILE_NAME, NULL);
  wal_path = g_strconcat (db_path, "-wal", NULL);

  g_print ("Clientele %s benchmark: %d customers, seed %d, data in %s\n",
           PACKAGE_VERSION, customers, seed, data_dir);

  timer_begin ();
  if (!crm_demo_fill (store, (guint) customers, (guint32) seed, &error))
    {
      /* A kept folder from an earlier run is measured as it is. */
      if (!g_error_matches (error, CRM_DEMO_ERROR, CRM_DEMO_ERROR_NOT_EMPTY))
        goto failed;
      g_print ("  the database already has customers: measuring it as it is\n");
      g_clear_error (&error);
    }
  fill_ms = timer_end ();

  /* Fold the WAL into the file so the size is the database's. */
  crm_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", NULL);

  g_print ("\nSample shop\n");
  print_label ("generated in (crm_demo_fill, one transaction)");
  g_print (" %9.1f s\n", fill_ms / 1000.0);
  print_label ("customers");
  g_print (" %9" G_GINT64_FORMAT "\n", query_int64 (store, "SELECT count(*) FROM customers"));
  print_label ("purchases");
  g_print (" %9" G_GINT64_FORMAT "\n", query_int64 (store, "SELECT count(*) FROM purchases"));
  print_label ("interactions");
  g_print (" %9" G_GINT64_FORMAT "\n", query_int64 (store, "SELECT count(*) FROM interactions"));
  print_label ("database size");
  g_print (" %9.1f MB\n", (file_size (db_path) + file_size (wal_path)) / (1024.0 * 1024.0));

  if (statements != NULL)
    g_print ("\nExtra SQL (--sql)\n");
  for (guint i = 0; statements != NULL && statements[i] != NULL; i++)
    {
      g_print ("  %s\n", statements[i]);
      if (!crm_store_exec (store, statements[i], &error))
        goto failed;
    }

  g_print ("\nSegments\n");
  bench_refresh (store);
  bench_one_change (store, "", 0);

  /* From here on the peak is the list's, not the generator's. */
  read_memory (&fill_peak_kb, &rss_kb);
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

  g_print ("\nOther\n");
  bench_summary (store);
  print_label ("peak resident memory, generating and ranking");
  g_print (" %9.1f MB\n", fill_peak_kb / 1024.0);
  print_label ("peak resident memory, building the list");
  g_print (" %9.1f MB  (%s; resident then %.1f MB)\n",
           peak_kb / 1024.0, peak_reset ? "peak reset before the list" : "peak of the whole run",
           rss_kb / 1024.0);

  g_print ("\nImport and export\n");
  bench_import (store);
  bench_archive_file (store);

  g_print ("\n%s\n", all_met ? "All targets met." : "Some targets were MISSED.");

failed:
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
