/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Phone numbers and e-mail addresses as people write them; the checks
 * fail with CRM_TEXT_ERROR_INVALID (crm-text.h). */
char     *crm_text_phone_key    (const char  *phone);
gboolean  crm_text_check_phone  (const char  *phone,
                                 GError     **error);
gboolean  crm_text_check_email  (const char  *email,
                                 GError     **error);

G_END_DECLS
