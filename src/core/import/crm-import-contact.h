/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crm-columns.h"
#include "crm-vcard.h"

G_BEGIN_DECLS

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
  GString   *notes;
  GPtrArray *tags;
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
                                char                  **remark);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrmContact, crm_contact_clear)

G_END_DECLS
