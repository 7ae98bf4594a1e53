/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* The headers the customer and the sales import know: every spelling of
 * every column, matched after crm_import_header_key(). */

#include "crm-columns.h"

G_BEGIN_DECLS

typedef enum
{
  CRM_HEADER_PLAIN,
  CRM_HEADER_NAME_OR_GIVEN,   /* "სახელი", "Անուն": the given name next to a family-name column */
  CRM_HEADER_PHONE_TYPE,      /* Google's "Phone 1 - Type": says which phone is a mobile */
  CRM_HEADER_BIRTHDAY_OR_DAY, /* "Geburtstag", "День рождения": the day of the month next to a year column */
  CRM_HEADER_KNOWN,           /* a column we know and do not need */
} CrmHeaderKind;

typedef struct
{
  const char    *text;
  guint          field;
  CrmHeaderKind  kind;
} CrmHeaderAlias;

const CrmHeaderAlias *crm_headers_match      (CrmColumnsVocabulary  which,
                                              const char           *title);
guint                 crm_headers_number     (const char           *title);
guint                 crm_headers_group      (const char           *title);
gboolean              crm_headers_say_mobile (const char           *title);

G_END_DECLS
