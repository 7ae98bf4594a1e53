/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-demo.h"

G_DEFINE_QUARK (crm-demo-error-quark, crm_demo_error)

gboolean
crm_demo_fill (CrmStore  *store,
               guint      n_customers,
               guint32    seed,
               GError   **error)
{
  g_set_error_literal (error, CRM_DEMO_ERROR, CRM_DEMO_ERROR_NOT_EMPTY, "not written yet");
  return FALSE;
}
