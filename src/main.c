/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "crm-application.h"
#include "crm-probe.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CrmApplication) app = NULL;

#ifdef __GLIBC__
  /* A big shop's customer list is read on workers, in blocks of a
   * megabyte, and freed on the main thread when the next one arrives.
   * glibc raises its threshold for giving such blocks their own mapping
   * each time one is freed, after which they stay in the worker's heap:
   * 95 MB of memory kept at 100 000 customers. A fixed threshold gives
   * them back to the system when freed. */
  mallopt (M_MMAP_THRESHOLD, 256 * 1024);
#endif

  crm_application_init_i18n ();

  app = crm_application_new ();
  crm_probe_install (G_APPLICATION (app));

  return g_application_run (G_APPLICATION (app), argc, argv);
}
