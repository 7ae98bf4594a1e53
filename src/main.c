/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "crm-application.h"
#include "crm-probe.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CrmApplication) app = NULL;

  crm_application_init_i18n ();

  app = crm_application_new ();
  crm_probe_install (G_APPLICATION (app));

  return g_application_run (G_APPLICATION (app), argc, argv);
}
