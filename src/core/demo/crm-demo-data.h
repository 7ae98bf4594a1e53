/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The sample shop's tables (crm-demo-data.c), for its generator (crm-demo.c). */

/* A name as written, and in ASCII for e-mail addresses. */
typedef struct
{
  const char *text;
  const char *ascii;
} CrmDemoName;

typedef struct
{
  const CrmDemoName *items;
  guint              len;
} CrmDemoNames;

typedef struct
{
  const char *const *items;
  guint              len;
} CrmDemoWords;

extern const CrmDemoNames crm_demo_georgian_given;
extern const CrmDemoNames crm_demo_georgian_surnames;
extern const CrmDemoNames crm_demo_armenian_given;
extern const CrmDemoNames crm_demo_armenian_surnames;
extern const CrmDemoNames crm_demo_latin_given;
extern const CrmDemoNames crm_demo_latin_surnames;
extern const CrmDemoNames crm_demo_georgian_business_names;
extern const CrmDemoNames crm_demo_armenian_business_names;

extern const CrmDemoWords crm_demo_georgian_business_kinds;
extern const CrmDemoWords crm_demo_armenian_business_kinds;
extern const CrmDemoWords crm_demo_email_domains;
extern const CrmDemoWords crm_demo_georgian_mobile_codes;
extern const CrmDemoWords crm_demo_armenian_mobile_codes;
extern const CrmDemoWords crm_demo_tbilisi_streets;
extern const CrmDemoWords crm_demo_yerevan_streets;
extern const CrmDemoWords crm_demo_latin_streets;
extern const CrmDemoWords crm_demo_georgian_notes;
extern const CrmDemoWords crm_demo_armenian_notes;
extern const CrmDemoWords crm_demo_english_notes;

/* What a basket of that size is, by the size of the bill. */
typedef enum
{
  CRM_DEMO_BASKET_SMALL,
  CRM_DEMO_BASKET_MEDIUM,
  CRM_DEMO_BASKET_LARGE,
  CRM_DEMO_BASKET_WHOLESALE,
  CRM_DEMO_BASKET_REFUND,
  CRM_DEMO_N_BASKETS
} CrmDemoBasket;

/* Five descriptions for each kind of basket. */
extern const char *const crm_demo_georgian_baskets[CRM_DEMO_N_BASKETS][5];
extern const char *const crm_demo_armenian_baskets[CRM_DEMO_N_BASKETS][5];
extern const char *const crm_demo_english_baskets[CRM_DEMO_N_BASKETS][5];
/* One of them in a language: 0 English, 1 Georgian, 2 Armenian. */
const char *crm_demo_basket (guint         language,
                             CrmDemoBasket basket,
                             guint         i);

typedef enum
{
  CRM_DEMO_CONTACT_CALL,
  CRM_DEMO_CONTACT_VISIT,
  CRM_DEMO_CONTACT_MESSAGE,
  CRM_DEMO_CONTACT_EMAIL,
  CRM_DEMO_CONTACT_OTHER,
  CRM_DEMO_CONTACT_LAPSED_CALL,
  CRM_DEMO_N_CONTACTS
} CrmDemoContact;

/* The interaction kind of each contact, and two notes for each. */
extern const char *const crm_demo_contact_kinds[CRM_DEMO_N_CONTACTS];
extern const char *const crm_demo_georgian_contacts[CRM_DEMO_N_CONTACTS][2];
extern const char *const crm_demo_armenian_contacts[CRM_DEMO_N_CONTACTS][2];
extern const char *const crm_demo_english_contacts[CRM_DEMO_N_CONTACTS][2];
/* One of them in a language: 0 English, 1 Georgian, 2 Armenian. */
const char *crm_demo_contact_note (guint          language,
                                   CrmDemoContact contact,
                                   guint          i);

typedef struct
{
  const char *note[3];        /* en, ka, hy (crm_text_language_index()) */
  gint64      offset_hours;   /* from now, moved into shop hours */
  guint       repeat_days;
} CrmDemoFollowUp;

typedef struct
{
  const CrmDemoFollowUp *items;
  guint                  len;
} CrmDemoFollowUps;

typedef struct
{
  const char *kind;
  guint       rating;
  const char *text;
  const char *response;
} CrmDemoFeedback;

typedef struct
{
  const CrmDemoFeedback *items;
  guint                  len;
} CrmDemoFeedbackPlan;

extern const CrmDemoFollowUps    crm_demo_follow_up_plan;
extern const CrmDemoFeedbackPlan crm_demo_feedback_plan;

G_END_DECLS
