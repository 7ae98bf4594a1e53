/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crm-store.h"

G_BEGIN_DECLS

/* The rows a whole-shop archive carries, as the store reads and writes
 * them for formats/crm-archive-*.c. Ids are the store's; an id of 0 is
 * "nobody" (no staff member, anonymous feedback) and a time of 0 "never",
 * as everywhere in the store. Texts belong to the caller (on write) or to
 * the store until the callback returns (on read). */

typedef enum
{
  CRM_ARCHIVE_SETTINGS,
  CRM_ARCHIVE_STAFF,
  CRM_ARCHIVE_CUSTOMERS,
  CRM_ARCHIVE_PURCHASES,
  CRM_ARCHIVE_INTERACTIONS,
  CRM_ARCHIVE_FOLLOW_UPS,
  CRM_ARCHIVE_FEEDBACK,
  CRM_ARCHIVE_REWARDS,
  CRM_ARCHIVE_TIERS,
  CRM_ARCHIVE_LEDGER,
} CrmArchiveKind;

typedef struct
{
  const char *key;
  const char *value;
} CrmArchiveSetting;

typedef struct
{
  gint64      id;
  const char *name;
  const char *language;
  gboolean    archived;
  gint64      created_at;
} CrmArchiveStaff;

/* Read only: customers are written through the import writer. */
typedef struct
{
  gint64              id;
  const char         *name;
  const char         *phone;
  const char         *email;
  const char         *address;
  const char         *birthday;          /* NULL: not known */
  const char         *notes;
  const char * const *tags;              /* sorted as the shop sorts them */
  const char         *segment_override;  /* NULL, "key" or "secondary" */
  gint64              created_at;
  gint64              archived_at;
  gint64              touch_dismissed_at;
  const char         *language;          /* "": the shop's */
  const char         *channel;           /* "": none */
  const char         *telegram;
  gboolean            marketing_consent;
  const char         *consent_date;      /* NULL: none */
  const char         *consent_source;
} CrmArchiveCustomer;

typedef struct
{
  gint64      customer;
  gint64      at;
  gint64      amount;        /* minor units */
  const char *description;
  gint64      staff;
  gint64      id;            /* for the ledger's links; 0 on write */
  gint64      discount;      /* what loyalty points took off, minor units */
  gboolean    earns;         /* recorded while the loyalty programme ran */
} CrmArchivePurchase;

typedef struct
{
  gint64      customer;
  gint64      at;
  const char *kind;
  const char *note;
  gint64      staff;
} CrmArchiveInteraction;

typedef struct
{
  gint64      customer;
  gint64      due_at;
  const char *note;
  gint64      repeat_days;   /* 0: once */
  gint64      done_at;
  gint64      snoozed_until;
  gint64      notified_at;
  gint64      created_at;    /* 0 on write: now */
} CrmArchiveFollowUp;

typedef struct
{
  gint64      customer;      /* 0: anonymous */
  gint64      received_at;
  const char *kind;
  gint64      rating;        /* 0: none */
  const char *channel;
  const char *text;
  const char *status;
  gboolean    is_read;
  const char *response;      /* NULL: none */
  gint64      responded_at;
  gint64      resolved_at;
  gint64      staff;
  gint64      effort;        /* 1–5, 0: not asked */
  gint64      recommend;     /* 0–10, -1: not asked */
  gboolean    first_contact; /* resolved by the first response */
  gint64      reopened_at;   /* 0: never reopened */
} CrmArchiveFeedback;

/* The loyalty programme's catalogue, tiers and ledger (docs/loyalty.md). */
typedef struct
{
  gint64      id;
  const char *name;
  gint64      points_cost;
  gboolean    active;
} CrmArchiveReward;

typedef struct
{
  const char *name;
  gint64      min_spend;     /* minor units */
  gint64      rate;          /* percent of the earning rate */
} CrmArchiveTier;

typedef struct
{
  gint64      customer;
  gint64      at;
  gint64      points;
  const char *kind;          /* "earn", "spend", "reward", "adjust" or "expiry" */
  const char *reason;
  gint64      purchase;      /* 0: none */
  gint64      reward;        /* 0: none */
  gint64      staff;
} CrmArchiveLedgerEntry;

/* @row is the struct of the kind (CrmArchivePurchase for
 * CRM_ARCHIVE_PURCHASES…). Return FALSE with @error set to stop. */
typedef gboolean (*CrmArchiveRowFunc) (gconstpointer   row,
                                       gpointer        user_data,
                                       GError        **error);

/* Reading: between begin and end every kind comes from one snapshot. */
gboolean crm_store_archive_begin_read       (CrmStore                     *store,
                                             GError                      **error);
void     crm_store_archive_end_read         (CrmStore                     *store);
gboolean crm_store_archive_foreach          (CrmStore                     *store,
                                             CrmArchiveKind                kind,
                                             CrmArchiveRowFunc             func,
                                             gpointer                      user_data,
                                             guint                        *n_rows,
                                             GError                      **error);
gboolean crm_store_archive_foreach_of       (CrmStore                     *store,
                                             CrmArchiveKind                kind,
                                             gint64                        customer_id,
                                             CrmArchiveRowFunc             func,
                                             gpointer                      user_data,
                                             guint                        *n_rows,
                                             GError                      **error);

/* Writing, inside the caller's crm_store_begin(). */
gboolean crm_store_archive_count            (CrmStore                     *store,
                                             CrmArchiveKind                kind,
                                             guint                        *n_rows,
                                             GError                      **error);
gboolean crm_store_archive_is_empty         (CrmStore                     *store,
                                             gboolean                     *empty,
                                             GError                      **error);
gint64   crm_store_archive_add_staff        (CrmStore                     *store,
                                             const CrmArchiveStaff        *staff,
                                             GError                      **error);
gint64   crm_store_archive_add_purchase     (CrmStore                     *store,
                                             const CrmArchivePurchase     *purchase,
                                             GError                      **error);
gboolean crm_store_archive_add_interaction  (CrmStore                     *store,
                                             const CrmArchiveInteraction  *interaction,
                                             GError                      **error);
gboolean crm_store_archive_add_follow_up    (CrmStore                     *store,
                                             const CrmArchiveFollowUp     *follow_up,
                                             GError                      **error);
gboolean crm_store_archive_add_feedback     (CrmStore                     *store,
                                             const CrmArchiveFeedback     *feedback,
                                             GError                      **error);
gint64   crm_store_archive_add_reward       (CrmStore                     *store,
                                             const CrmArchiveReward       *reward,
                                             GError                      **error);
gboolean crm_store_archive_add_tier         (CrmStore                     *store,
                                             const CrmArchiveTier         *tier,
                                             GError                      **error);
gboolean crm_store_archive_add_ledger_entry (CrmStore                     *store,
                                             const CrmArchiveLedgerEntry  *entry,
                                             GError                      **error);
gboolean crm_store_archive_finish           (CrmStore                     *store,
                                             GError                      **error);

G_END_DECLS
