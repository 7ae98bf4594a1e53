/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "crm-customer.h"
#include "crm-feedback.h"
#include "crm-follow-up.h"
#include "crm-types.h"

G_BEGIN_DECLS

/* The schema this program writes. A database whose schema version is
 * higher was written by a newer Clientele and is refused untouched. */
#define CRM_STORE_SCHEMA_VERSION 8

/* The application id of every Clientele database ("CLNT"; SQLite keeps
 * it as PRAGMA application_id), so that another program's database is
 * never mistaken for ours. */
#define CRM_STORE_APPLICATION_ID 0x434c4e54

/* The SQLite engine's file in the data folder. */
#define CRM_STORE_FILE_NAME "clientele.db"

#define CRM_STORE_ERROR (crm_store_error_quark ())

typedef enum
{
  CRM_STORE_ERROR_IO,
  CRM_STORE_ERROR_NOT_A_DATABASE,
  CRM_STORE_ERROR_FOREIGN_DATABASE,
  CRM_STORE_ERROR_NEWER_SCHEMA,
  CRM_STORE_ERROR_MIGRATION,
  CRM_STORE_ERROR_SQL,
  /* The file is the shop's but fails the check: never written. */
  CRM_STORE_ERROR_DAMAGED,
  CRM_STORE_ERROR_DISK_FULL,
  CRM_STORE_ERROR_READ_ONLY,
  /* A read verb on a folder with no shop in it. */
  CRM_STORE_ERROR_NO_SHOP,
  /* A read verb on a database a newer program must bring up to date. */
  CRM_STORE_ERROR_OLDER_SCHEMA,
  /* The engine cannot do this (backups of a shared server database). */
  CRM_STORE_ERROR_NOT_SUPPORTED,
} CrmStoreError;

/* How crm_store_open_full() opens the shop. */
typedef enum
{
  CRM_STORE_OPEN_DEFAULT   = 0,
  /* Never creates, migrates or writes: the folder and the file must be
   * there (--export, --backup, --list-due). */
  CRM_STORE_OPEN_READ_ONLY = 1 << 0,
  /* Read only too, but on a private copy in memory that the store may
   * write (figures brought up to date for an export) and forgets. */
  CRM_STORE_OPEN_SNAPSHOT  = 1 << 1,
  /* crm_store_check_file() has just passed: skip the whole-file check. */
  CRM_STORE_OPEN_CHECKED   = 1 << 2,
  /* crm_store_back_up_for_update() has just made the copy an update of
   * the schema needs (in a worker): do not make it again here. */
  CRM_STORE_OPEN_BACKED_UP = 1 << 3,
} CrmStoreOpenFlags;

/* What a "changed" signal is about. */
typedef enum
{
  CRM_STORE_CHANGE_CUSTOMERS    = 1 << 0,
  CRM_STORE_CHANGE_PURCHASES    = 1 << 1,
  CRM_STORE_CHANGE_INTERACTIONS = 1 << 2,
  CRM_STORE_CHANGE_SETTINGS     = 1 << 3,
  CRM_STORE_CHANGE_SEGMENTS     = 1 << 4,
  CRM_STORE_CHANGE_FOLLOW_UPS   = 1 << 5,
  CRM_STORE_CHANGE_FEEDBACK     = 1 << 6,
  CRM_STORE_CHANGE_STAFF        = 1 << 7,
  CRM_STORE_CHANGE_LOYALTY      = 1 << 8,
  /* Another program or PC wrote, and the engine cannot say what. */
  CRM_STORE_CHANGE_ALL          = (1 << 9) - 1,
} CrmStoreChange;

/* A feedback entry as the quick form fills it in. */
typedef struct
{
  gint64      customer_id;   /* 0 for anonymous */
  gint64      received_at;   /* 0 for now */
  const char *kind;          /* one of crm_feedback_kinds */
  guint       rating;        /* 1–5, or 0 for none */
  const char *channel;       /* one of crm_feedback_channels; NULL for in-store */
  const char *text;
  guint       effort;        /* how easy it was, 1–5, or 0 for not asked */
  gboolean    has_recommend; /* whether @recommend was answered */
  guint       recommend;     /* would recommend the shop, 0–10 */
} CrmFeedbackFields;

/* NULL and 0 mean "any". */
typedef struct
{
  const char *kind;
  const char *status;
  const char *channel;
  int         rating;        /* 1–5, -1 for unrated, 0 for any */
  gint64      customer_id;
  gboolean    unread_only;
  const char *search;
} CrmFeedbackFilter;

typedef enum
{
  CRM_TIMELINE_PURCHASE,
  CRM_TIMELINE_INTERACTION,
} CrmTimelineKind;

/* One line of a customer's history, newest first. */
typedef struct
{
  CrmTimelineKind kind;
  gint64          id;
  gint64          at;
  gint64          amount;   /* purchases */
  char           *what;     /* interaction kind: "call", "visit", … */
  char           *text;     /* description or note */
  char           *staff;    /* who entered it, or NULL */
} CrmTimelineEntry;

/* A purchase as the counter records it. */
typedef struct
{
  gint64      customer_id;
  gint64      at;
  gint64      amount;        /* the bill before points, minor units; negative for a refund */
  gint64      points;        /* loyalty points spent on it as a discount */
  const char *description;
} CrmPurchaseFields;

/* A purchase as it was recorded. */
typedef struct
{
  gint64  id;
  gint64  customer_id;
  gint64  at;
  gint64  amount;            /* what was paid: the bill less the discount */
  gint64  discount;          /* what points took off */
  char   *description;
} CrmPurchase;

/* Someone who works at the counter. */
typedef struct
{
  gint64    id;
  char     *name;
  char     *language;       /* "" for the system's, "en", "ka" or "hy" */
  gboolean  archived;       /* left the shop */
} CrmStaffMember;

typedef struct
{
  guint  n_customers;
  guint  n_key;
  guint  n_at_risk;
  gint64 key_spend;
  gint64 total_spend;
} CrmShopSummary;

/* What a shared database holds, before a shop uses it. */
typedef struct
{
  gboolean empty;           /* no tables at all: Clientele sets it up */
  guint    schema_version;  /* of the Clientele shop there; 0 when empty */
  guint    n_customers;
  gboolean password_used;   /* the server asked for one, and had it */
} CrmSharedCheck;

/* A reason to get in touch on a day (crm_store_list_dates()). */
typedef enum
{
  CRM_DATE_BIRTHDAY,
  CRM_DATE_FIRST_PURCHASE,   /* the anniversary of the first purchase */
} CrmDateKind;

typedef struct
{
  CrmDateKind  kind;
  gint64       customer_id;
  char        *name;
  gboolean     key_client;
  char        *date;         /* the birthday as stored, or the first purchase's day */
  guint        days;         /* 0 for today */
  guint        years;        /* the age or years since, on that day; 0 when not known */
} CrmDateEvent;

/* The customer list's filters and search under a name. */
typedef struct
{
  gint64  id;
  char   *name;
  char   *filter;   /* crm_customer_list_dup_filter()'s text */
} CrmSavedList;

/* Current time in Unix seconds; tests pass a fake. */
typedef gint64 (*CrmNowFunc) (gpointer user_data);

#define CRM_TYPE_STORE (crm_store_get_type ())

G_DECLARE_FINAL_TYPE (CrmStore, crm_store, CRM, STORE, GObject)

GQuark      crm_store_error_quark        (void);
CrmStore   *crm_store_open               (const char  *data_dir,
                                          GError     **error);
CrmStore   *crm_store_open_shared        (const char  *database,
                                          GError     **error);
CrmStore   *crm_store_open_database      (const char  *data_dir,
                                          const char  *database,
                                          GError     **error);
CrmStore   *crm_store_reopen             (CrmStore    *self,
                                          GError     **error);
gboolean    crm_store_is_shared_location (const char  *database);
gboolean    crm_store_check_shared       (const char  *database,
                                          CrmSharedCheck *check,
                                          GError     **error);
char       *crm_store_location_set_password (const char *database,
                                          const char  *password);
void        crm_store_set_write_counter  (CrmStore    *self,
                                          gint        *counter);
char       *crm_store_describe_location  (const char  *database);
gboolean    crm_store_is_shared          (CrmStore    *self);
char       *crm_store_dup_connection_problem (CrmStore *self);
int         crm_store_take_lost_commit   (CrmStore    *self);
const char *crm_store_get_station        (CrmStore    *self);
void        crm_store_set_station        (CrmStore    *self,
                                          const char  *station);
CrmStore   *crm_store_open_full          (const char  *data_dir,
                                          CrmStoreOpenFlags flags,
                                          GError     **error);
gboolean    crm_store_check_file         (const char  *data_dir,
                                          GError     **error);
CrmStore   *crm_store_open_checking      (const char  *data_dir,
                                          GError     **error);
void        crm_store_end_check          (CrmStore    *self,
                                          const GError *failure);
gboolean    crm_store_is_checking        (CrmStore    *self);
guint       crm_store_get_settings_serial (CrmStore   *self);
gboolean    crm_store_is_read_only       (CrmStore    *self);
const char *crm_store_get_path           (CrmStore    *self);
guint       crm_store_get_schema_version (CrmStore    *self);
char       *crm_store_dup_setting        (CrmStore    *self,
                                          const char  *key,
                                          const char  *fallback);
gboolean    crm_store_set_setting        (CrmStore    *self,
                                          const char  *key,
                                          const char  *value,
                                          GError     **error);
gint        crm_store_get_setting_int    (CrmStore    *self,
                                          const char  *key,
                                          gint         fallback);
void        crm_store_set_now_func       (CrmStore    *self,
                                          CrmNowFunc   func,
                                          gpointer     user_data);
gint64      crm_store_now                (CrmStore    *self);
char       *crm_store_dup_currency       (CrmStore    *self);
void        crm_store_set_watching       (CrmStore    *self,
                                          gboolean     watching);
gboolean    crm_store_check_outside_changes (CrmStore *self);

gint64       crm_store_add_customer          (CrmStore                *self,
                                              const CrmCustomerFields *fields,
                                              GError                 **error);
gboolean     crm_store_update_customer       (CrmStore                *self,
                                              gint64                   id,
                                              const CrmCustomerFields *fields,
                                              GError                 **error);
CrmCustomer *crm_store_get_customer          (CrmStore                *self,
                                              gint64                   id);
gboolean     crm_store_set_customer_archived (CrmStore                *self,
                                              gint64                   id,
                                              gboolean                 archived,
                                              GError                 **error);
gboolean     crm_store_delete_customer       (CrmStore                *self,
                                              gint64                   id,
                                              GError                 **error);
guint        crm_store_count_customers       (CrmStore                *self);
char       **crm_store_list_tags             (CrmStore                *self);

gint64       crm_store_add_purchase          (CrmStore                *self,
                                              gint64                   customer_id,
                                              gint64                   at,
                                              gint64                   amount,
                                              const char              *description,
                                              GError                 **error);
gint64       crm_store_record_purchase       (CrmStore                *self,
                                              const CrmPurchaseFields *fields,
                                              GError                 **error);
gboolean     crm_store_update_purchase       (CrmStore                *self,
                                              gint64                   id,
                                              const CrmPurchaseFields *fields,
                                              GError                 **error);
CrmPurchase *crm_store_get_purchase          (CrmStore                *self,
                                              gint64                   id);
void         crm_purchase_free               (CrmPurchase             *purchase);
gint64       crm_store_add_interaction       (CrmStore                *self,
                                              gint64                   customer_id,
                                              gint64                   at,
                                              const char              *kind,
                                              const char              *note,
                                              GError                 **error);
gboolean     crm_store_update_interaction    (CrmStore                *self,
                                              gint64                   id,
                                              gint64                   at,
                                              const char              *kind,
                                              const char              *note,
                                              GError                 **error);
gboolean     crm_store_delete_timeline_entry (CrmStore                *self,
                                              CrmTimelineKind          kind,
                                              gint64                   id,
                                              GError                 **error);
GPtrArray   *crm_store_list_timeline         (CrmStore                *self,
                                              gint64                   customer_id,
                                              guint                    limit);
void         crm_timeline_entry_free         (CrmTimelineEntry        *entry);

void         crm_store_get_summary           (CrmStore                *self,
                                              CrmShopSummary          *summary);
gboolean     crm_store_refresh_all           (CrmStore                *self,
                                              GError                 **error);
gint64       crm_store_add_follow_up         (CrmStore                *self,
                                              gint64                   customer_id,
                                              gint64                   due_at,
                                              const char              *note,
                                              guint                    repeat_days,
                                              GError                 **error);
gboolean     crm_store_update_follow_up      (CrmStore                *self,
                                              gint64                   id,
                                              gint64                   due_at,
                                              const char              *note,
                                              guint                    repeat_days,
                                              GError                 **error);
gboolean     crm_store_delete_follow_up      (CrmStore                *self,
                                              gint64                   id,
                                              GError                 **error);
gboolean     crm_store_snooze_follow_up      (CrmStore                *self,
                                              gint64                   id,
                                              gint64                   until,
                                              GError                 **error);
gint64       crm_store_complete_follow_up    (CrmStore                *self,
                                              gint64                   id,
                                              GError                 **error);
CrmFollowUp *crm_store_get_follow_up         (CrmStore                *self,
                                              gint64                   id);
GPtrArray   *crm_store_list_follow_ups       (CrmStore                *self,
                                              gboolean                 done,
                                              gint64                   customer_id,
                                              guint                    limit);
GPtrArray   *crm_store_list_due_follow_ups   (CrmStore                *self,
                                              gint64                   now);
gint64       crm_store_next_follow_up_time   (CrmStore                *self);
gboolean     crm_store_mark_follow_ups_notified (CrmStore             *self,
                                              GPtrArray               *follow_ups,
                                              gint64                   now,
                                              GError                 **error);
GPtrArray   *crm_store_list_missed_follow_ups (CrmStore             *self,
                                              gint64                   day_start);
guint        crm_store_count_missed_follow_ups (CrmStore            *self,
                                              gint64                   day_start);
gboolean     crm_store_mark_missed_seen      (CrmStore                *self,
                                              gint64                   day_start,
                                              GError                 **error);
gboolean     crm_store_claim_day             (CrmStore                *self,
                                              const char              *what,
                                              const char              *day,
                                              GError                 **error);
GPtrArray   *crm_store_list_keep_in_touch    (CrmStore                *self,
                                              guint                    limit);
gboolean     crm_store_dismiss_keep_in_touch (CrmStore                *self,
                                              gint64                   customer_id,
                                              GError                 **error);
GPtrArray   *crm_store_list_dates            (CrmStore                *self,
                                              guint                    days_ahead,
                                              gboolean                 first_purchases);
void         crm_date_event_free             (CrmDateEvent            *event);
void         crm_store_count_pending_follow_ups (CrmStore             *self,
                                              gint64                   day_start,
                                              gint64                   day_end,
                                              guint                   *overdue,
                                              guint                   *today);

gint64       crm_store_add_feedback          (CrmStore                *self,
                                              const CrmFeedbackFields *fields,
                                              GError                 **error);
gboolean     crm_store_update_feedback       (CrmStore                *self,
                                              gint64                   id,
                                              const char              *status,
                                              const char              *response,
                                              GError                 **error);
gboolean     crm_store_set_feedback_read     (CrmStore                *self,
                                              gint64                   id,
                                              gboolean                 read,
                                              GError                 **error);
gboolean     crm_store_delete_feedback       (CrmStore                *self,
                                              gint64                   id,
                                              GError                 **error);
CrmFeedback *crm_store_get_feedback          (CrmStore                *self,
                                              gint64                   id);
GPtrArray   *crm_store_list_feedback         (CrmStore                *self,
                                              const CrmFeedbackFilter *filter,
                                              guint                    limit);
guint        crm_store_count_unread_feedback (CrmStore                *self);

gboolean     crm_store_begin                 (CrmStore                *self,
                                              GError                 **error);
gboolean     crm_store_commit                (CrmStore                *self,
                                              GError                 **error);
void         crm_store_rollback              (CrmStore                *self);

gint64       crm_store_add_staff             (CrmStore                *self,
                                              const char              *name,
                                              const char              *language,
                                              GError                 **error);
gboolean     crm_store_update_staff          (CrmStore                *self,
                                              gint64                   id,
                                              const char              *name,
                                              const char              *language,
                                              GError                 **error);
gboolean     crm_store_set_staff_archived    (CrmStore                *self,
                                              gint64                   id,
                                              gboolean                 archived,
                                              GError                 **error);
GPtrArray   *crm_store_list_staff            (CrmStore                *self,
                                              gboolean                 include_archived);
CrmStaffMember *crm_store_get_staff          (CrmStore                *self,
                                              gint64                   id);
gboolean     crm_store_set_acting_staff      (CrmStore                *self,
                                              gint64                   id);
gint64       crm_store_get_acting_staff      (CrmStore                *self);
void         crm_staff_member_free           (CrmStaffMember          *member);

gint64       crm_store_add_saved_list        (CrmStore                *self,
                                              const char              *name,
                                              const char              *filter,
                                              GError                 **error);
gboolean     crm_store_rename_saved_list     (CrmStore                *self,
                                              gint64                   id,
                                              const char              *name,
                                              GError                 **error);
gboolean     crm_store_delete_saved_list     (CrmStore                *self,
                                              gint64                   id,
                                              GError                 **error);
GPtrArray   *crm_store_list_saved_lists      (CrmStore                *self);
void         crm_saved_list_free             (CrmSavedList            *list);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmStaffMember, crm_staff_member_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmPurchase, crm_purchase_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmDateEvent, crm_date_event_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrmSavedList, crm_saved_list_free)

G_END_DECLS
