/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Cards in one file (ten times a busy shop's customers), and the longest
 * line after unfolding (a contact's photo is the only thing that comes
 * close). */
#define CRM_VCARD_MAX_CARDS      1000000
#define CRM_VCARD_MAX_LINE_BYTES (8 * 1024 * 1024)

typedef struct
{
  char     *value;
  gboolean  mobile;     /* TYPE=CELL */
  gboolean  preferred;  /* TYPE=PREF or PREF=1 */
} CrmVCardPhone;

/* What a phone's contact card says about a person, decoded to UTF-8. */
typedef struct
{
  guint      number;        /* 1 for the file's first card */
  guint      line;          /* the line of its BEGIN:VCARD */
  char      *version;       /* "2.1", "3.0", "4.0" or NULL */
  char      *full_name;     /* FN */
  char      *family_name;   /* N, in its order: family;given;middle;prefix;suffix */
  char      *given_name;
  char      *middle_name;
  char      *prefix;
  char      *suffix;
  char      *organization;  /* ORG, units joined with ", " */
  GPtrArray *phones;        /* CrmVCardPhone, in the card's order */
  GPtrArray *emails;        /* char *, preferred first */
  GPtrArray *addresses;     /* char *, one line each */
  char      *birthday;      /* as written: 1990-05-31, 19900531, --0531 */
  char      *note;          /* NOTE lines joined by line breaks */
  GPtrArray *categories;    /* char * */
  GPtrArray *remarks;       /* char *: values that were not UTF-8, for people */
} CrmVCard;

GPtrArray *crm_vcard_parse (GBytes    *bytes,
                            GError   **error);
void       crm_vcard_free  (CrmVCard  *card);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmVCard, crm_vcard_free)

G_END_DECLS
