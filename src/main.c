/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "crm-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CrmApplication) app = NULL;

  crm_application_init_i18n ();

  app = crm_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
