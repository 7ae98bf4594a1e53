/* SPDX-License-Identifier: GPL-3.0-or-later */

/* N simulated shop PCs on one shared PostgreSQL shop, for docs/scale.md:
 * each is a process with its own connection that, for a bounded time,
 * records purchases and reads the customer list (the window's query),
 * one after the other, as a busy till would. Prints the throughput and
 * the latencies of both. Run it only against a server on this machine:
 *
 *   clientele-load --database "host=/tmp/… dbname=load" --pcs 8 --seconds 20
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "crm-demo.h"
#include "crm-store-list.h"
#include "crm-store.h"

static char *database;
static int n_pcs = 4;
static int seconds = 10;
static int n_customers = 2000;
static int reads_per_write = 1;

static const GOptionEntry entries[] = {
  { "database", 0, 0, G_OPTION_ARG_STRING, &database, "Connection string of the shop", "URI" },
  { "pcs", 0, 0, G_OPTION_ARG_INT, &n_pcs, "Simulated PCs (processes)", "N" },
  { "seconds", 0, 0, G_OPTION_ARG_INT, &seconds, "How long each runs (at most 600)", "S" },
  { "customers", 0, 0, G_OPTION_ARG_INT, &n_customers, "Customers in the shop when it is empty", "N" },
  { "reads-per-write", 0, 0, G_OPTION_ARG_INT, &reads_per_write, "List reads between purchases", "N" },
  { NULL }
};

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
percentile (GArray *ms,
            double  p)
{
  if (ms->len == 0)
    return 0;
  qsort (ms->data, ms->len, sizeof (double), compare_doubles);
  return g_array_index (ms, double, MIN (ms->len - 1, (guint) (p * ms->len)));
}

/* One PC: writes one line "writes reads w50 w95 r50 r95" (ms) to @out. */
static int
run_pc (int id,
        int out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = crm_store_open_shared (database, &error);
  g_autoptr(GArray) writes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) reads = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (id);
  CrmCustomerQuery query = { .sort = CRM_CUSTOMER_SORT_NAME, .language = "ka" };
  gint64 first, deadline;
  g_autofree char *line = NULL;

  if (store == NULL)
    {
      g_printerr ("PC %d: %s\n", id, error->message);
      return 1;
    }

  first = g_ascii_strtoll (crm_store_dup_setting (store, "load.first_customer", "1"), NULL, 10);
  deadline = g_get_monotonic_time () + (gint64) seconds * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 customer = first + g_rand_int_range (rand, 0, n_customers);
      double ms;

      if (crm_store_add_purchase (store, customer, g_get_real_time () / G_USEC_PER_SEC,
                                  100 + g_rand_int_range (rand, 0, 10000), "load", &error) == 0)
        {
          g_printerr ("PC %d: %s\n", id, error->message);
          return 1;
        }
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (writes, ms);

      for (int r = 0; r < reads_per_write; r++)
        {
          g_autoptr(CrmCustomerRows) rows = NULL;

          start = g_get_monotonic_time ();
          rows = crm_store_query_customer_rows (store, &query, &error);
          if (rows == NULL)
            {
              g_printerr ("PC %d: %s\n", id, error->message);
              return 1;
            }
          ms = (g_get_monotonic_time () - start) / 1000.0;
          g_array_append_val (reads, ms);
        }
    }

  line = g_strdup_printf ("%u %u %.2f %.2f %.2f %.2f\n", writes->len, reads->len,
                          percentile (writes, 0.5), percentile (writes, 0.95),
                          percentile (reads, 0.5), percentile (reads, 0.95));
  return write (out, line, strlen (line)) == (ssize_t) strlen (line) ? 0 : 1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— simulated PCs on a shared shop");
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmStore) store = NULL;
  g_autoptr(GString) results = g_string_new (NULL);
  double w50 = 0, w95 = 0, r50 = 0, r95 = 0;
  guint writes = 0, reads = 0;
  int pipes[2];

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || database == NULL)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "--database is needed");
      return 2;
    }
  seconds = CLAMP (seconds, 1, 600);
  n_pcs = CLAMP (n_pcs, 1, 64);

  /* The shop, once: the sample shop's habits, n_customers of them. */
  store = crm_store_open_shared (database, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (crm_store_count_customers (store) == 0)
    {
      g_autofree char *first = NULL;

      if (!crm_demo_fill (store, (guint) n_customers, 1, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      first = g_strdup_printf ("%u", 1);
      crm_store_set_setting (store, "load.first_customer", first, NULL);
    }
  n_customers = (int) crm_store_count_customers (store);
  g_clear_object (&store);

  if (pipe (pipes) != 0)
    return 1;
  for (int i = 0; i < n_pcs; i++)
    if (fork () == 0)
      {
        close (pipes[0]);
        _exit (run_pc (i + 1, pipes[1]));
      }
  close (pipes[1]);

  for (int i = 0; i < n_pcs; i++)
    {
      int status = 0;

      wait (&status);
      if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
        g_printerr ("a PC failed\n");
    }

  {
    char buffer[4096];
    ssize_t n;

    while ((n = read (pipes[0], buffer, sizeof buffer)) > 0)
      g_string_append_len (results, buffer, n);
  }

  {
    g_auto(GStrv) lines = g_strsplit (results->str, "\n", -1);
    guint n = 0;

    for (guint i = 0; lines[i] != NULL; i++)
      {
        guint pw, pr;
        double a, b, c, d;

        if (sscanf (lines[i], "%u %u %lf %lf %lf %lf", &pw, &pr, &a, &b, &c, &d) != 6)
          continue;
        writes += pw;
        reads += pr;
        w50 += a, w95 = MAX (w95, b), r50 += c, r95 = MAX (r95, d);
        n++;
      }
    if (n > 0)
      w50 /= n, r50 /= n;
  }

  printf ("pcs=%d customers=%d seconds=%d: %.1f purchases/s, %.1f list reads/s; "
          "purchase median %.1f ms (p95 %.1f), list median %.1f ms (p95 %.1f)\n",
          n_pcs, n_customers, seconds, writes / (double) seconds, reads / (double) seconds,
          w50, w95, r50, r95);
  return 0;
}
