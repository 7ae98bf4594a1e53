/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crm-columns.h"
#include "crm-vcard.h"

G_BEGIN_DECLS

/* One phone as the file wrote it. */
typedef struct
{
  char     *value;
  gboolean  mobile;
} CrmContactPhone;

/* A person as the file describes them, before choosing what to keep. */
typedef struct
{
  char      *full_name;
  char      *given_name;
  char      *middle_name;
  char      *family_name;
  char      *organization;
  GArray    *phones;      /* CrmContactPhone */
  GPtrArray *emails;
  GPtrArray *addresses;
  char      *birthday;
  char      *birth_parts[3];   /* year, month, day in columns of their own */
  GString   *notes;
  GPtrArray *tags;
  GPtrArray *remarks;          /* what the reader had to say, for people */
  /* Language, channel, Telegram, consent, its date and source, as written. */
  char      *reach[6];
} CrmContact;

void  crm_contact_init         (CrmContact             *contact);
void  crm_contact_clear        (CrmContact             *contact);
void  crm_contact_add_row      (CrmContact             *contact,
                                CrmColumns             *columns,
                                const CrmImportRawRow  *row);
void  crm_contact_add_card     (CrmContact             *contact,
                                const CrmVCard         *card);
void  crm_contact_to_customer  (CrmContact             *contact,
                                CrmImportCustomer      *customer,
                                GPtrArray              *remarks,
                                GPtrArray              *left_out);

gboolean crm_contact_names_agree (const char          *a,
                                  const char          *b);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrmContact, crm_contact_clear)

G_END_DECLS
