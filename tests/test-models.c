/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The snapshots' properties say what their getters say, so that a list
 * sorted or bound by property name shows the same as one that calls the
 * getters. Each field gets a value of its own, so a property reading the
 * wrong field shows. */

#include "config.h"

#include "crm-customer-private.h"
#include "crm-feedback-private.h"
#include "crm-follow-up-private.h"

/* Every property of @type is one of @names, every name is a property,
 * and none can be written: snapshots never change. */
static void
assert_read_only_properties (GType              type,
                             const char * const *names)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_pspecs);
  g_assert_cmpuint (n_pspecs, ==, g_strv_length ((char **) names));

  for (guint i = 0; i < n_pspecs; i++)
    {
      g_assert_true (g_strv_contains (names, pspecs[i]->name));
      g_assert_true (pspecs[i]->flags & G_PARAM_READABLE);
      g_assert_false (pspecs[i]->flags & (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT | G_PARAM_CONSTRUCT_ONLY));
    }
}

static CrmCustomer *
customer_with_every_field (void)
{
  CrmCustomer *customer = g_object_new (CRM_TYPE_CUSTOMER, NULL);
  const char *tags[] = { "wholesale", "მეზობელი", NULL };

  customer->id = 41;
  customer->name = g_strdup ("Nino Beridze");
  customer->phone = g_strdup ("+995 555 12 34 56");
  customer->email = g_strdup ("nino@example.ge");
  customer->address = g_strdup ("Rustaveli Ave 12, Tbilisi");
  customer->birthday = g_strdup ("1990-05-01");
  customer->notes = g_strdup ("Prefers a call after six");
  customer->tags = g_strdupv ((char **) tags);
  customer->segment_override = g_strdup ("secondary");
  customer->archived = TRUE;
  customer->rule_key = TRUE;
  customer->spend = 12550;
  customer->purchases = 7;
  customer->total_purchases = 19;
  customer->first_purchase_at = 1700000001;
  customer->last_purchase_at = 1700000002;
  customer->last_visit_at = 1700000003;
  customer->revenue_total = 50200;
  customer->at_risk = TRUE;
  customer->usual_interval = 86400 * 9;
  customer->language = g_strdup ("ka");
  customer->channel = g_strdup ("viber");
  customer->marketing_consent = TRUE;

  return customer;
}

static void
assert_customer_properties (CrmCustomer *customer)
{
  gint64 id, spend, first_purchase_at, last_purchase_at, last_visit_at;
  gint64 revenue_total, usual_interval;
  g_autofree char *name = NULL, *phone = NULL, *email = NULL, *address = NULL;
  g_autofree char *birthday = NULL, *notes = NULL, *segment_override = NULL;
  g_autofree char *language = NULL, *channel = NULL;
  g_auto(GStrv) tags = NULL;
  gboolean archived, rule_key, at_risk, marketing_consent;
  CrmSegment segment;
  guint purchases, total_purchases;
  double share;

  g_object_get (customer,
                "id", &id,
                "name", &name,
                "phone", &phone,
                "email", &email,
                "address", &address,
                "birthday", &birthday,
                "notes", &notes,
                "tags", &tags,
                "segment-override", &segment_override,
                "archived", &archived,
                "segment", &segment,
                "rule-key", &rule_key,
                "spend", &spend,
                "purchases", &purchases,
                "total-purchases", &total_purchases,
                "first-purchase-at", &first_purchase_at,
                "last-purchase-at", &last_purchase_at,
                "last-visit-at", &last_visit_at,
                "revenue-total", &revenue_total,
                "share", &share,
                "at-risk", &at_risk,
                "usual-interval", &usual_interval,
                "language", &language,
                "channel", &channel,
                "marketing-consent", &marketing_consent,
                NULL);

  g_assert_cmpint (id, ==, crm_customer_get_id (customer));
  g_assert_cmpstr (name, ==, crm_customer_get_name (customer));
  g_assert_cmpstr (phone, ==, crm_customer_get_phone (customer));
  g_assert_cmpstr (email, ==, crm_customer_get_email (customer));
  g_assert_cmpstr (address, ==, crm_customer_get_address (customer));
  g_assert_cmpstr (birthday, ==, crm_customer_get_birthday (customer));
  g_assert_cmpstr (notes, ==, crm_customer_get_notes (customer));
  g_assert_cmpstrv (tags, crm_customer_get_tags (customer));
  g_assert_cmpstr (segment_override, ==, crm_customer_get_segment_override (customer));
  g_assert_cmpint (archived, ==, crm_customer_get_archived (customer));
  g_assert_cmpint (segment, ==, crm_customer_get_segment (customer));
  g_assert_cmpint (rule_key, ==, crm_customer_get_rule_key (customer));
  g_assert_cmpint (spend, ==, crm_customer_get_spend (customer));
  g_assert_cmpuint (purchases, ==, crm_customer_get_purchases (customer));
  g_assert_cmpuint (total_purchases, ==, crm_customer_get_total_purchases (customer));
  g_assert_cmpint (first_purchase_at, ==, crm_customer_get_first_purchase_at (customer));
  g_assert_cmpint (last_purchase_at, ==, crm_customer_get_last_purchase_at (customer));
  g_assert_cmpint (last_visit_at, ==, crm_customer_get_last_visit_at (customer));
  g_assert_cmpint (revenue_total, ==, crm_customer_get_revenue_total (customer));
  g_assert_cmpfloat (share, ==, crm_customer_get_share (customer));
  g_assert_cmpint (at_risk, ==, crm_customer_get_at_risk (customer));
  g_assert_cmpint (usual_interval, ==, crm_customer_get_usual_interval (customer));
  g_assert_cmpstr (language, ==, crm_customer_get_language (customer));
  g_assert_cmpstr (channel, ==, crm_customer_get_channel (customer));
  g_assert_cmpint (marketing_consent, ==, crm_customer_get_marketing_consent (customer));
}

static void
test_customer (void)
{
  static const char * const names[] = {
    "id", "name", "phone", "email", "address", "birthday", "notes", "tags",
    "segment-override", "archived", "segment", "rule-key", "spend",
    "purchases", "total-purchases", "first-purchase-at", "last-purchase-at",
    "last-visit-at", "revenue-total", "share", "at-risk", "usual-interval",
    "language", "channel", "marketing-consent",
    NULL
  };
  g_autoptr(CrmCustomer) full = customer_with_every_field ();
  g_autoptr(CrmCustomer) empty = g_object_new (CRM_TYPE_CUSTOMER, NULL);
  g_autoptr(GEnumClass) segments = g_type_class_ref (CRM_TYPE_SEGMENT);
  CrmSegment segment;

  assert_read_only_properties (CRM_TYPE_CUSTOMER, names);
  assert_customer_properties (full);
  /* Nothing filled in: NULL texts, no tags, no share of nothing. */
  assert_customer_properties (empty);

  /* The segment is what the shop sees: the override beats the rule. */
  g_object_get (full, "segment", &segment, NULL);
  g_assert_cmpint (segment, ==, CRM_SEGMENT_SECONDARY);
  g_free (full->segment_override);
  full->segment_override = NULL;
  g_object_get (full, "segment", &segment, NULL);
  g_assert_cmpint (segment, ==, CRM_SEGMENT_KEY);

  /* The nicks are the words the store and the archive use. */
  g_assert_cmpstr (g_enum_get_value (segments, CRM_SEGMENT_KEY)->value_nick, ==, "key");
  g_assert_cmpstr (g_enum_get_value (segments, CRM_SEGMENT_SECONDARY)->value_nick, ==, "secondary");
}

static void
assert_follow_up_properties (CrmFollowUp *follow_up)
{
  gint64 id, customer_id, due_at, snoozed_until, when, notified_at, done_at;
  g_autofree char *customer_name = NULL, *note = NULL;
  gboolean key_client;
  guint repeat_days;

  g_object_get (follow_up,
                "id", &id,
                "customer-id", &customer_id,
                "customer-name", &customer_name,
                "key-client", &key_client,
                "due-at", &due_at,
                "snoozed-until", &snoozed_until,
                "when", &when,
                "note", &note,
                "repeat-days", &repeat_days,
                "notified-at", &notified_at,
                "done-at", &done_at,
                NULL);

  g_assert_cmpint (id, ==, crm_follow_up_get_id (follow_up));
  g_assert_cmpint (customer_id, ==, crm_follow_up_get_customer_id (follow_up));
  g_assert_cmpstr (customer_name, ==, crm_follow_up_get_customer_name (follow_up));
  g_assert_cmpint (key_client, ==, crm_follow_up_get_key_client (follow_up));
  g_assert_cmpint (due_at, ==, crm_follow_up_get_due_at (follow_up));
  g_assert_cmpint (snoozed_until, ==, crm_follow_up_get_snoozed_until (follow_up));
  g_assert_cmpint (when, ==, crm_follow_up_get_when (follow_up));
  g_assert_cmpstr (note, ==, crm_follow_up_get_note (follow_up));
  g_assert_cmpuint (repeat_days, ==, crm_follow_up_get_repeat_days (follow_up));
  g_assert_cmpint (notified_at, ==, crm_follow_up_get_notified_at (follow_up));
  g_assert_cmpint (done_at, ==, crm_follow_up_get_done_at (follow_up));
}

static void
test_follow_up (void)
{
  static const char * const names[] = {
    "id", "customer-id", "customer-name", "key-client", "due-at",
    "snoozed-until", "when", "note", "repeat-days", "notified-at", "done-at",
    NULL
  };
  g_autoptr(CrmFollowUp) follow_up = g_object_new (CRM_TYPE_FOLLOW_UP, NULL);
  gint64 when;

  assert_read_only_properties (CRM_TYPE_FOLLOW_UP, names);
  assert_follow_up_properties (follow_up);

  follow_up->id = 7;
  follow_up->customer_id = 41;
  follow_up->customer_name = g_strdup ("Armen Petrosyan");
  follow_up->key_client = TRUE;
  follow_up->due_at = 1700000010;
  follow_up->note = g_strdup ("Call about the order that arrived");
  follow_up->repeat_days = 30;
  follow_up->notified_at = 1700000020;
  follow_up->done_at = 1700000030;
  assert_follow_up_properties (follow_up);
  g_object_get (follow_up, "when", &when, NULL);
  g_assert_cmpint (when, ==, follow_up->due_at);

  /* Snoozed, it is due at the snooze time. */
  follow_up->snoozed_until = 1700003610;
  assert_follow_up_properties (follow_up);
  g_object_get (follow_up, "when", &when, NULL);
  g_assert_cmpint (when, ==, follow_up->snoozed_until);
}

static void
assert_feedback_properties (CrmFeedback *feedback)
{
  gint64 id, customer_id, received_at, responded_at, resolved_at;
  g_autofree char *customer_name = NULL, *kind = NULL, *channel = NULL;
  g_autofree char *text = NULL, *status = NULL, *response = NULL, *responded_by = NULL;
  gboolean read;
  guint rating, effort;
  int recommend;

  g_object_get (feedback,
                "id", &id,
                "customer-id", &customer_id,
                "customer-name", &customer_name,
                "received-at", &received_at,
                "kind", &kind,
                "rating", &rating,
                "channel", &channel,
                "text", &text,
                "status", &status,
                "read", &read,
                "response", &response,
                "responded-by", &responded_by,
                "responded-at", &responded_at,
                "resolved-at", &resolved_at,
                "effort", &effort,
                "recommend", &recommend,
                NULL);

  g_assert_cmpint (id, ==, crm_feedback_get_id (feedback));
  g_assert_cmpint (customer_id, ==, crm_feedback_get_customer_id (feedback));
  g_assert_cmpstr (customer_name, ==, crm_feedback_get_customer_name (feedback));
  g_assert_cmpint (received_at, ==, crm_feedback_get_received_at (feedback));
  g_assert_cmpstr (kind, ==, crm_feedback_get_kind (feedback));
  g_assert_cmpuint (rating, ==, crm_feedback_get_rating (feedback));
  g_assert_cmpstr (channel, ==, crm_feedback_get_channel (feedback));
  g_assert_cmpstr (text, ==, crm_feedback_get_text (feedback));
  g_assert_cmpstr (status, ==, crm_feedback_get_status (feedback));
  g_assert_cmpint (read, ==, crm_feedback_get_read (feedback));
  g_assert_cmpstr (response, ==, crm_feedback_get_response (feedback));
  g_assert_cmpstr (responded_by, ==, crm_feedback_get_responded_by (feedback));
  g_assert_cmpint (responded_at, ==, crm_feedback_get_responded_at (feedback));
  g_assert_cmpint (resolved_at, ==, crm_feedback_get_resolved_at (feedback));
  g_assert_cmpuint (effort, ==, crm_feedback_get_effort (feedback));
  g_assert_cmpint (recommend, ==, crm_feedback_get_recommend (feedback));
}

static void
test_feedback (void)
{
  static const char * const names[] = {
    "id", "customer-id", "customer-name", "received-at", "kind", "rating",
    "channel", "text", "status", "read", "response", "responded-by",
    "responded-at", "resolved-at", "effort", "recommend", NULL
  };
  g_autoptr(CrmFeedback) feedback = g_object_new (CRM_TYPE_FEEDBACK, NULL);

  assert_read_only_properties (CRM_TYPE_FEEDBACK, names);
  /* Anonymous and empty; not asked is -1, as 0 is an answer. */
  assert_feedback_properties (feedback);
  g_assert_cmpint (crm_feedback_get_recommend (feedback), ==, -1);

  feedback->id = 3;
  feedback->customer_id = 41;
  feedback->customer_name = g_strdup ("Nino Beridze");
  feedback->received_at = 1700000100;
  feedback->kind = g_strdup ("complaint");
  feedback->rating = 2;
  feedback->channel = g_strdup ("phone");
  feedback->text = g_strdup ("The <b>order</b> came late & cold");
  feedback->status = g_strdup ("resolved");
  feedback->read = TRUE;
  feedback->response = g_strdup ("Replaced it the next morning");
  feedback->responded_by = g_strdup ("Mariam");
  feedback->responded_at = 1700000200;
  feedback->resolved_at = 1700000300;
  feedback->effort = 2;
  feedback->recommend = 0;
  assert_feedback_properties (feedback);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/models/customer", test_customer);
  g_test_add_func ("/models/follow-up", test_follow_up);
  g_test_add_func ("/models/feedback", test_feedback);

  return g_test_run ();
}
