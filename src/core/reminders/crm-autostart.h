/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *crm_autostart_path (void);
gboolean  crm_autostart_set  (gboolean   enabled,
                              GError   **error);

G_END_DECLS
