/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CRM_TEXT_ERROR (crm_text_error_quark ())

typedef enum
{
  CRM_TEXT_ERROR_INVALID,
} CrmTextError;

GQuark      crm_text_error_quark  (void);
char       *crm_text_fold         (const char  *text);
char       *crm_text_clean        (const char  *text,
                                   gsize        max_chars);
const char *crm_text_ui_language  (void);

G_END_DECLS

/* Text in the shop's languages, one concern a file: what is here (cleaning
 * and folding), phone numbers and e-mail addresses, dates, and the order
 * of names. Callers include this header alone. */
#include "crm-birthday.h"
#include "crm-contact.h"
#include "crm-dates.h"
#include "crm-names.h"
