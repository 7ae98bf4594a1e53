/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crm-store.h"

G_BEGIN_DECLS

/* Shops to back up and files to damage, shared by the data-safety tests. */

typedef enum
{
  DAMAGE_ZEROED_PAGE,   /* one b-tree page of customers, in the middle, all zeros */
  DAMAGE_TRUNCATED,     /* the file cut to its first half */
  DAMAGE_ZEROS,         /* every byte zero */
  DAMAGE_FLIPPED,       /* bytes flipped in the page header of a customers page */
  DAMAGE_TEXT,          /* a CSV file where the database was */
  N_DAMAGES
} Damage;

extern const char *const damage_names[N_DAMAGES];

/* @n customers with notes, a purchase each and a follow-up every third. */
void   fill_shop          (CrmStore   *store,
                           guint       n);
/* The shop's database closed and written through: a file to look at. */
char  *shop_db_path       (const char *data_dir);
char  *file_checksum      (const char *path);
guint  customers_leaf_page (const char *db_path);
void   damage_file        (const char *db_path,
                           Damage      damage);
guint64 count_rows        (const char *db_path,
                           const char *table);

G_END_DECLS
