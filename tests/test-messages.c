/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Messages and privacy (docs/messages.md): filling templates, the links
 * per channel, consent, the shop's wording, one person's data exported
 * and erased. Runs on both engines. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>

#include "crm-archive.h"
#include "crm-export.h"
#include "crm-import.h"
#include "crm-insights.h"
#include "crm-loyalty.h"
#include "crm-message-compose.h"
#include "crm-store-merge.h"
#include "crm-store-loyalty.h"
#include "crm-store-messages.h"
#include "crm-store-private.h"
#include "crm-store-stmt.h"
#include "crm-store.h"
#include "shop-fixture.h"

#define NOW ((gint64) 1800000000)
#define DAY ((gint64) 86400)

static const char *const languages[] = { "en", "ka", "hy" };

/* Filling */

static void
test_fill_every_placeholder (void)
{
  CrmMessageValues values = { "Nino", 120, "Free coffee", "Café Rustaveli", "1990-05-31" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      g_autofree char *out = crm_message_fill ("{name}|{points}|{reward}|{shop}|{birthday}",
                                               &values, languages[l]);
      const char *expected[] = {
        "Nino|120 points|Free coffee|Café Rustaveli|31 May",
        "Nino|120 ქულა|Free coffee|Café Rustaveli|31 მაისი",
        "Nino|120 միավոր|Free coffee|Café Rustaveli|մայիսի 31",
      };

      g_assert_cmpstr (out, ==, expected[l]);
    }

  /* One point is singular in English; a birthday without a year reads the same. */
  values.points = 1;
  values.birthday = "--02-29";
  {
    g_autofree char *out = crm_message_fill ("{points}, {birthday}", &values, "en");

    g_assert_cmpstr (out, ==, "1 point, 29 February");
  }
}

static void
test_fill_missing (void)
{
  CrmMessageValues none = { "Nino", 0, NULL, "", NULL };
  CrmMessageValues all = { "Nino", 120, "Free coffee", "Café", "1990-05-31" };

  /* A sentence with a missing value goes, and only that sentence. */
  {
    g_autofree char *out = crm_message_fill ("Dear {name}, welcome! You have {points}. See you soon.\n{shop}",
                                             &none, "en");

    g_assert_cmpstr (out, ==, "Dear Nino, welcome! See you soon.");
  }
  /* The last sentence of a line, and a line that is all placeholder. */
  {
    g_autofree char *out = crm_message_fill ("Hello, {name}! Your {reward} is ready.\n\n{shop}\n\nBye.",
                                             &none, "en");

    g_assert_cmpstr (out, ==, "Hello, Nino!\n\nBye.");
  }
  /* The Armenian full stop ends a sentence; a dot inside a word does not. */
  {
    g_autofree char *out = crm_message_fill ("Բարև, {name}։ Ունեք {points}։ Տես shop.ge կայքը։",
                                             &none, "hy");

    g_assert_cmpstr (out, ==, "Բարև, Nino։ Տես shop.ge կայքը։");
  }
  /* Zero or negative points are missing: never "0 points". */
  {
    CrmMessageValues negative = { "Nino", -5, NULL, NULL, NULL };
    g_autofree char *out = crm_message_fill ("Hi. You have {points}.", &negative, "en");

    g_assert_cmpstr (out, ==, "Hi.");
  }
  /* A birthday that is not a date is missing too. */
  {
    CrmMessageValues bad = { "Nino", 0, NULL, NULL, "1990-02-30" };
    g_autofree char *out = crm_message_fill ("Hi. Born {birthday}.", &bad, "en");

    g_assert_cmpstr (out, ==, "Hi.");
  }
  /* Nothing left at all. */
  {
    g_autofree char *out = crm_message_fill ("{shop}", &none, "en");

    g_assert_cmpstr (out, ==, "");
  }

  /* Every shipped template, in every language, with everything and with
   * nothing but the name: no placeholder is left, no "0", no blank end. */
  for (guint t = 0; t < CRM_MESSAGE_N_TEMPLATES; t++)
    for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
      {
        const char *body = crm_message_template_default_body (t, languages[l]);
        const char *subject = crm_message_template_default_subject (t, languages[l]);
        g_autofree char *full = crm_message_fill (body, &all, languages[l]);
        g_autofree char *bare = crm_message_fill (body, &none, languages[l]);
        g_autofree char *bare_subject = crm_message_fill (subject, &none, languages[l]);

        g_assert_null (strchr (full, '{'));
        g_assert_null (strchr (bare, '{'));
        g_assert_null (strstr (bare, " 0 "));
        g_assert_true (strstr (full, "Nino") != NULL);
        g_assert_true (strstr (bare, "Nino") != NULL);
        g_assert_true (strstr (full, "Café") != NULL);
        g_assert_null (strstr (bare, "Café"));
        g_assert_cmpstr (bare_subject, !=, "");
        g_assert_false (g_str_has_suffix (bare, "\n"));
        g_assert_false (g_str_has_suffix (bare, " "));
        if (t == CRM_MESSAGE_MISS_YOU || t == CRM_MESSAGE_REWARD)
          g_assert_true (strstr (full, "120") != NULL);
      }
}

static void
test_fill_hostile (void)
{
  CrmMessageValues values = {
    "<b>Nino</b> & {points}\nline two\x01", 7, "{name}", "\"><script>", NULL,
  };
  g_autofree char *out = crm_message_fill ("{name} | {reward} | {shop} | {unknown} {name", &values, "en");

  /* Values go in as plain text of one line, and are never filled again;
   * braces that are not a placeholder stay as typed. */
  g_assert_cmpstr (out, ==, "<b>Nino</b> & {points} line two  | {name} | \"><script> | {unknown} {name");

  /* Bytes that are not UTF-8 give nothing rather than garbage. */
  {
    g_autofree char *bad = crm_message_fill ("\xff\xfe{name}", &values, "en");

    g_assert_cmpstr (bad, ==, "");
  }
}

/* Links */

static void
test_phone_numbers (void)
{
  const struct { const char *in, *code, *out; } cases[] = {
    { "+995 599 12-34-56", "995", "995599123456" },
    { "0599 123 456", "995", "995599123456" },
    { "599 12 34 56", "995", "995599123456" },
    { "995599123456", "995", "995599123456" },
    { "00374 91 123456", "995", "37491123456" },
    { "091 123456", "374", "37491123456" },
    { "+1 (555) 010-0000", "374", "15550100000" },
    { "555 0100", "", "5550100" },
    { "no digits", "995", "" },
    { "", "995", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = crm_message_phone_international (cases[i].in, cases[i].code);

      g_assert_cmpstr (out, ==, cases[i].out);
    }

  g_assert_cmpstr (crm_message_country_code ("GEL"), ==, "995");
  g_assert_cmpstr (crm_message_country_code ("AMD"), ==, "374");
  g_assert_cmpstr (crm_message_country_code ("EUR"), ==, "");
}

static char *
route (CrmChannel  channel,
       const char *telegram,
       const char *subject,
       const char *body,
       gboolean   *copy)
{
  g_autoptr(GError) error = NULL;
  g_auto(CrmMessageRoute) r = { 0 };
  CrmMessageAddress address = { "599 12 34 56", "nino@example.ge", telegram, "995" };

  g_assert_true (crm_message_route (channel, &address, subject, body, &r, &error));
  g_assert_no_error (error);
  *copy = r.copy;
  return g_steal_pointer (&r.uri);
}

static void
test_routes (void)
{
  const char *body = "Hi & welcome?\nSee #1 = 100% <you>";
  const char *escaped = "Hi%20%26%20welcome%3F%0ASee%20%231%20%3D%20100%25%20%3Cyou%3E";
  g_autofree char *expected = NULL;
  gboolean copy;

  {
    g_autofree char *uri = route (CRM_CHANNEL_CALL, NULL, "", body, &copy);

    g_assert_cmpstr (uri, ==, "tel:+995599123456");
    g_assert_true (copy);
  }
  {
    g_autofree char *uri = route (CRM_CHANNEL_SMS, NULL, "", body, &copy);

    expected = g_strconcat ("sms:+995599123456?body=", escaped, NULL);
    g_assert_cmpstr (uri, ==, expected);
    g_assert_false (copy);
    g_clear_pointer (&expected, g_free);
  }
  {
    g_autofree char *uri = route (CRM_CHANNEL_EMAIL, NULL, "A&B=C?#", "one\ntwo", &copy);

    g_assert_cmpstr (uri, ==, "mailto:nino@example.ge?subject=A%26B%3DC%3F%23&body=one%0D%0Atwo");
    g_assert_false (copy);
  }
  {
    g_autofree char *uri = route (CRM_CHANNEL_WHATSAPP, NULL, "", body, &copy);

    expected = g_strconcat ("https://wa.me/995599123456?text=", escaped, NULL);
    g_assert_cmpstr (uri, ==, expected);
    g_clear_pointer (&expected, g_free);
    g_assert_false (copy);
  }
  {
    g_autofree char *uri = route (CRM_CHANNEL_VIBER, NULL, "", body, &copy);

    g_assert_cmpstr (uri, ==, "viber://chat?number=%2B995599123456");
    g_assert_true (copy);
  }
  {
    g_autofree char *uri = route (CRM_CHANNEL_TELEGRAM, "nino_b", "", body, &copy);

    g_assert_cmpstr (uri, ==, "https://t.me/nino_b");
    g_assert_true (copy);
  }
  {
    g_autofree char *uri = route (CRM_CHANNEL_TELEGRAM, "", "", body, &copy);

    expected = g_strconcat ("https://t.me/share/url?url=&text=", escaped, NULL);
    g_assert_cmpstr (uri, ==, expected);
    g_clear_pointer (&expected, g_free);
    g_assert_true (copy);
  }
  {
    g_autofree char *uri = route (CRM_CHANNEL_COPY, NULL, "", body, &copy);

    g_assert_null (uri);
    g_assert_true (copy);
  }

  /* A hostile address cannot add headers or recipients. */
  {
    g_autoptr(GError) error = NULL;
    g_auto(CrmMessageRoute) r = { 0 };
    CrmMessageAddress evil = { NULL, "a@b.ge?cc=x@y.ge&bcc=z@y.ge#", NULL, "995" };

    g_assert_true (crm_message_route (CRM_CHANNEL_EMAIL, &evil, "s", "b", &r, &error));
    g_assert_cmpstr (r.uri, ==, "mailto:a@b.ge%3Fcc%3Dx@y.ge%26bcc%3Dz@y.ge%23?subject=s&body=b");
  }

  /* No number, no address: said, nothing opened. */
  {
    g_autoptr(GError) error = NULL;
    g_auto(CrmMessageRoute) r = { 0 };
    CrmMessageAddress nobody = { "", "", "", "995" };

    g_assert_false (crm_message_route (CRM_CHANNEL_WHATSAPP, &nobody, "", "b", &r, &error));
    g_assert_error (error, CRM_MESSAGE_ERROR, CRM_MESSAGE_ERROR_NO_PHONE);
    g_assert_null (r.uri);
    g_clear_error (&error);
    g_assert_false (crm_message_route (CRM_CHANNEL_EMAIL, &nobody, "", "b", &r, &error));
    g_assert_error (error, CRM_MESSAGE_ERROR, CRM_MESSAGE_ERROR_NO_EMAIL);
  }
}

static void
test_telegram_names (void)
{
  const struct { const char *in, *out; } cases[] = {
    { "@nino_b", "nino_b" }, { "https://t.me/nino_b", "nino_b" }, { "t.me/@nino_b", "nino_b" },
    { " nino_b ", "nino_b" }, { "", "" }, { "abc", NULL }, { "nino b", NULL },
    { "ნინო_ბერიძე", NULL }, { "a23456789012345678901234567890123", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = crm_store_clean_telegram (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

/* With the store */

static gint64
add_person (CrmStore   *store,
            const char *name,
            const char *language,
            const char *channel,
            gboolean    consent)
{
  g_autoptr(GError) error = NULL;
  CrmCustomerFields fields = {
    .name = name, .phone = "+995 599 11 22 33", .email = "nino.secret@example.ge",
    .address = "Secret street 7", .birthday = "1990-05-31", .notes = "Likes lavender soap",
    .tags = (const char *[]) { "Lavender fan", NULL },
    .language = language, .channel = channel, .telegram = "@ninosecret",
    .marketing_consent = consent, .consent_source = "in_person",
  };
  gint64 id = crm_store_add_customer (store, &fields, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_fields_and_consent (void)
{
  ShopFixture shop;
  g_autoptr(CrmCustomer) nino = NULL;
  g_autoptr(CrmCustomer) ani = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ani_id;

  shop_fixture_open (&shop, NOW);
  nino = crm_store_get_customer (shop.store, add_person (shop.store, "Nino", "ka", "whatsapp", TRUE));
  g_assert_cmpstr (crm_customer_get_language (nino), ==, "ka");
  g_assert_cmpstr (crm_customer_get_channel (nino), ==, "whatsapp");
  g_assert_cmpstr (crm_customer_get_telegram (nino), ==, "ninosecret");
  g_assert_true (crm_customer_get_marketing_consent (nino));
  /* A "yes" without a date was given today (the shop's clock). */
  g_assert_cmpstr (crm_customer_get_consent_date (nino), ==, "2027-01-15");
  g_assert_cmpstr (crm_customer_get_consent_source (nino), ==, "in_person");

  ani_id = add_person (shop.store, "Ani", "", "", FALSE);
  ani = crm_store_get_customer (shop.store, ani_id);
  g_assert_cmpstr (crm_customer_get_language (ani), ==, "");
  g_assert_false (crm_customer_get_marketing_consent (ani));

  /* Marketing needs consent; service messages do not. */
  g_assert_true (crm_message_allowed (nino, CRM_MESSAGE_BIRTHDAY));
  g_assert_true (crm_message_allowed (nino, CRM_MESSAGE_ORDER));
  g_assert_false (crm_message_allowed (ani, CRM_MESSAGE_BIRTHDAY));
  g_assert_false (crm_message_allowed (ani, CRM_MESSAGE_MISS_YOU));
  g_assert_true (crm_message_allowed (ani, CRM_MESSAGE_ORDER));
  g_assert_true (crm_message_allowed (ani, CRM_MESSAGE_REWARD));

  /* The store refuses what it does not know. */
  {
    CrmCustomerFields bad = { .name = "X", .language = "fr" };

    g_assert_cmpint (crm_store_add_customer (shop.store, &bad, &error), ==, 0);
    g_assert_nonnull (error);
    g_clear_error (&error);
    bad.language = "";
    bad.channel = "pigeon";
    g_assert_cmpint (crm_store_add_customer (shop.store, &bad, &error), ==, 0);
    g_clear_error (&error);
    bad.channel = "sms";
    bad.telegram = "no spaces allowed";
    g_assert_cmpint (crm_store_add_customer (shop.store, &bad, &error), ==, 0);
    g_clear_error (&error);
    bad.telegram = NULL;
    bad.marketing_consent = TRUE;
    bad.consent_date = "2026-02-30";
    g_assert_cmpint (crm_store_add_customer (shop.store, &bad, &error), ==, 0);
    g_clear_error (&error);
  }

  /* A merge keeps them: the kept customer had none, the other had them. */
  {
    g_autoptr(CrmCustomer) merged = NULL;
    gint64 twin = shop_add_customer (shop.store, "Nino B.");
    CrmMergeUndo *undo = NULL;

    g_assert_true (crm_store_merge_customers (shop.store, twin, crm_customer_get_id (nino), &undo, &error));
    g_assert_no_error (error);
    merged = crm_store_get_customer (shop.store, twin);
    g_assert_cmpstr (crm_customer_get_language (merged), ==, "ka");
    g_assert_cmpstr (crm_customer_get_channel (merged), ==, "whatsapp");
    g_assert_true (crm_customer_get_marketing_consent (merged));
    g_assert_cmpstr (crm_customer_get_consent_source (merged), ==, "in_person");
    g_assert_true (crm_store_undo_merge (shop.store, undo, &error));
    g_assert_no_error (error);
    crm_merge_undo_free (undo);
    g_clear_object (&merged);
    merged = crm_store_get_customer (shop.store, crm_customer_get_id (nino));
    g_assert_cmpstr (crm_customer_get_telegram (merged), ==, "ninosecret");
    g_assert_true (crm_store_delete_customer (shop.store, twin, &error));
  }

  /* They travel in the archive. */
  {
    g_autoptr(GBytes) bytes = crm_archive_export_bytes (shop.store, NULL, &error);
    ShopFixture other;
    g_autoptr(CrmCustomer) copy = NULL;

    g_assert_no_error (error);
    shop_fixture_open (&other, NOW);
    g_assert_true (crm_archive_import (other.store, bytes, NULL, &error));
    g_assert_no_error (error);
    copy = crm_store_get_customer (other.store, query_int (other.store, "SELECT id FROM customers WHERE name = 'Nino'"));
    g_assert_cmpstr (crm_customer_get_language (copy), ==, "ka");
    g_assert_cmpstr (crm_customer_get_channel (copy), ==, "whatsapp");
    g_assert_cmpstr (crm_customer_get_telegram (copy), ==, "ninosecret");
    g_assert_true (crm_customer_get_marketing_consent (copy));
    g_assert_cmpstr (crm_customer_get_consent_date (copy), ==, "2027-01-15");
    shop_fixture_close (&other);
  }

  /* And in the customer export, at the end of each row, which imports back. */
  {
    g_autofree char *path = g_build_filename (shop.dir, "customers.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *text = NULL;
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(CrmCustomerImport) import = NULL;
    g_autoptr(CrmCustomer) copy = NULL;
    ShopFixture other;
    gsize length;

    g_assert_true (crm_export_customers_csv (shop.store, file, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &text, &length, NULL));
    g_assert_nonnull (strstr (text, ",language,channel,telegram,marketing_consent,consent_date,consent_source\r\n"));
    g_assert_nonnull (strstr (text, ",ka,whatsapp,ninosecret,yes,2027-01-15,in_person\r\n"));
    g_assert_nonnull (strstr (text, ",,,ninosecret,no,,\r\n"));

    shop_fixture_open (&other, NOW + DAY);
    bytes = g_bytes_new (text, length);
    import = crm_customer_import_new (bytes, CRM_IMPORT_FORMAT_CSV, &error);
    g_assert_no_error (error);
    g_assert_true (crm_customer_import_prepare (import, other.store, &error));
    g_assert_true (crm_customer_import_apply (import, other.store, NULL, &error));
    g_assert_no_error (error);
    copy = crm_store_get_customer (other.store, query_int (other.store, "SELECT id FROM customers WHERE name = 'Nino'"));
    g_assert_cmpstr (crm_customer_get_language (copy), ==, "ka");
    g_assert_cmpstr (crm_customer_get_channel (copy), ==, "whatsapp");
    g_assert_true (crm_customer_get_marketing_consent (copy));
    g_assert_cmpstr (crm_customer_get_consent_date (copy), ==, "2027-01-15");
    g_assert_cmpstr (crm_customer_get_consent_source (copy), ==, "in_person");
    g_clear_object (&copy);
    copy = crm_store_get_customer (other.store, query_int (other.store, "SELECT id FROM customers WHERE name = 'Ani'"));
    g_assert_false (crm_customer_get_marketing_consent (copy));
    g_assert_cmpstr (crm_customer_get_consent_source (copy), ==, "");
    shop_fixture_close (&other);
  }

  shop_fixture_close (&shop);
}

static void
test_templates_in_store (void)
{
  ShopFixture shop;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmCustomer) nino = NULL;
  g_autoptr(CrmCustomer) ani = NULL;
  g_auto(CrmMessageDraft) draft = { 0 };
  g_auto(CrmMessageDraft) english = { 0 };
  g_autoptr(GPtrArray) timeline = NULL;
  CrmTimelineEntry *entry;
  gint64 nino_id;

  shop_fixture_open (&shop, NOW);
  g_assert_true (crm_store_set_setting (shop.store, "shop.name", "მაღაზია ია", &error));
  nino_id = add_person (shop.store, "ნინო", "ka", "whatsapp", TRUE);
  nino = crm_store_get_customer (shop.store, nino_id);
  ani = crm_store_get_customer (shop.store, add_person (shop.store, "Ani", "", "sms", FALSE));

  /* The customer's language wins; without one, the shop's. */
  crm_message_compose (shop.store, nino, CRM_MESSAGE_MISS_YOU, "en", &draft);
  g_assert_cmpstr (draft.language, ==, "ka");
  g_assert_cmpint (draft.channel, ==, CRM_CHANNEL_WHATSAPP);
  g_assert_true (g_str_has_prefix (draft.body, "ძვირფასო ნინო, მოგვენატრეთ!"));
  g_assert_true (g_str_has_suffix (draft.body, "\nმაღაზია ია"));
  /* No points yet: their sentence is not there. */
  g_assert_null (strstr (draft.body, "ქულა"));
  crm_message_compose (shop.store, ani, CRM_MESSAGE_ORDER, "hy_AM.UTF-8", &english);
  g_assert_cmpstr (english.language, ==, "hy");

  /* The shop's wording replaces the shipped one, and can go back. */
  g_assert_true (crm_store_set_message_template (shop.store, "miss_you", "ka", "სათაური",
                                                 "გამარჯობა, {name}! გაქვთ {points}.", &error));
  g_assert_no_error (error);
  crm_message_draft_clear (&draft);
  crm_message_compose (shop.store, nino, CRM_MESSAGE_MISS_YOU, "en", &draft);
  g_assert_cmpstr (draft.subject, ==, "სათაური");
  g_assert_cmpstr (draft.body, ==, "გამარჯობა, ნინო!");
  g_assert_true (crm_store_set_message_template (shop.store, "miss_you", "ka", "", "{name}", &error));
  crm_message_draft_clear (&draft);
  crm_message_compose (shop.store, nino, CRM_MESSAGE_MISS_YOU, "en", &draft);
  g_assert_cmpstr (draft.body, ==, "ნინო");
  g_assert_true (crm_store_reset_message_template (shop.store, "miss_you", "ka", &error));
  crm_message_draft_clear (&draft);
  crm_message_compose (shop.store, nino, CRM_MESSAGE_MISS_YOU, "en", &draft);
  g_assert_true (g_str_has_prefix (draft.body, "ძვირფასო ნინო"));

  /* Sending goes into the history, without the text. */
  g_assert_cmpint (crm_message_log_sent (shop.store, nino_id, CRM_MESSAGE_MISS_YOU,
                                         CRM_CHANNEL_WHATSAPP, &error), >, 0);
  g_assert_no_error (error);
  timeline = crm_store_list_timeline (shop.store, nino_id, 10);
  g_assert_cmpuint (timeline->len, ==, 1);
  entry = g_ptr_array_index (timeline, 0);
  g_assert_cmpstr (entry->what, ==, "message");
  g_assert_nonnull (strstr (entry->text, "WhatsApp"));

  /* The link for the customer: the shop counts in lari, so Georgian numbers. */
  {
    g_auto(CrmMessageRoute) r = { 0 };

    g_assert_true (crm_store_set_setting (shop.store, "shop.currency", "GEL", &error));
    g_assert_true (crm_message_route_to (shop.store, nino, CRM_CHANNEL_WHATSAPP, draft.subject,
                                         "ა & ბ", &r, &error));
    g_assert_cmpstr (r.uri, ==, "https://wa.me/995599112233?text=%E1%83%90%20%26%20%E1%83%91");
  }

  shop_fixture_close (&shop);
}

/* One person's data */

typedef struct
{
  gint64 nino;
  gint64 other;
} Shop;

static void
fill_shop (ShopFixture *shop,
           Shop        *ids)
{
  g_autoptr(GError) error = NULL;
  CrmLoyaltySettings settings;
  CrmFeedbackFields feedback = { 0 };
  gint64 staff;

  crm_loyalty_settings_load (shop->store, &settings);
  settings.enabled = TRUE;
  g_assert_true (crm_loyalty_settings_save (shop->store, &settings, &error));
  staff = crm_store_add_staff (shop->store, "Mariam", "ka", &error);
  g_assert_true (crm_store_set_acting_staff (shop->store, staff));

  ids->nino = add_person (shop->store, "Nino Secretashvili", "ka", "whatsapp", TRUE);
  ids->other = shop_add_customer (shop->store, "Giorgi");
  for (int i = 0; i < 5; i++)
    {
      CrmPurchaseFields nino = { ids->nino, NOW - (i + 1) * 10 * DAY, 50000 + i * 100, 0, "Lavender soap for Nino" };
      CrmPurchaseFields giorgi = { ids->other, NOW - (i + 1) * 7 * DAY, 3000, 0, "bread" };

      g_assert_cmpint (crm_store_record_purchase (shop->store, &nino, &error), >, 0);
      g_assert_cmpint (crm_store_record_purchase (shop->store, &giorgi, &error), >, 0);
    }
  g_assert_cmpint (crm_store_add_interaction (shop->store, ids->nino, NOW - DAY, "call",
                                              "Nino asked about lavender", &error), >, 0);
  g_assert_cmpint (crm_store_add_follow_up (shop->store, ids->nino, NOW + DAY, "Call Nino Secretashvili",
                                            0, &error), >, 0);
  {
    gint64 done = crm_store_add_follow_up (shop->store, ids->nino, NOW - 2 * DAY, "Lavender arrived", 0, &error);

    g_assert_cmpint (crm_store_complete_follow_up (shop->store, done, &error), >=, 0);
  }
  feedback.customer_id = ids->nino;
  feedback.kind = "praise";
  feedback.rating = 5;
  feedback.text = "Nino loved the lavender";
  g_assert_cmpint (crm_store_add_feedback (shop->store, &feedback, &error), >, 0);
  g_assert_cmpint (crm_store_adjust_points (shop->store, ids->nino, 15, "Sorry for Nino's late order", &error), >, 0);
  g_assert_no_error (error);
}

static void
test_export_person (void)
{
  ShopFixture shop;
  Shop ids;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) log = NULL;
  JsonObject *root;
  GStatBuf st;

  shop_fixture_open (&shop, NOW);
  fill_shop (&shop, &ids);

  path = g_build_filename (shop.dir, "nino.json", NULL);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  file = g_file_new_for_path (path);
  g_assert_true (crm_archive_export_person (shop.store, ids.nino, file, &error));
  g_assert_no_error (error);

  /* 0600, whatever the old file was. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "clientele-person");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "customers")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "purchases")), ==, 5);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "interactions")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "follow_ups")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "feedback")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "loyalty")), >=, 6);
  g_assert_nonnull (strstr (text, "\"marketing_consent\": true") ? text : strstr (text, "\"marketing_consent\":true"));
  g_assert_nonnull (strstr (text, "Nino loved the lavender"));
  /* Nobody else's. */
  g_assert_null (strstr (text, "Giorgi"));
  g_assert_null (strstr (text, "bread"));

  /* Logged, without the person. */
  log = crm_store_list_privacy_log (shop.store);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpint (((CrmPrivacyEntry *) g_ptr_array_index (log, 0))->action, ==, CRM_PRIVACY_EXPORT);
  g_assert_cmpint (((CrmPrivacyEntry *) g_ptr_array_index (log, 0))->customer_id, ==, ids.nino);
  g_assert_cmpstr (((CrmPrivacyEntry *) g_ptr_array_index (log, 0))->staff, ==, "Mariam");

  /* Nobody there: nothing written, the old file stays. */
  {
    g_autofree char *again = NULL;

    g_assert_false (crm_archive_export_person (shop.store, 999999, file, &error));
    g_assert_nonnull (error);
    g_assert_true (g_file_get_contents (path, &again, NULL, NULL));
    g_assert_cmpstr (again, ==, text);
  }

  shop_fixture_close (&shop);
}

/* Every text of every row of every table, one per line. */
static char *
dump_database (CrmStore *store)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(CrmStmt) list = NULL;
  g_autoptr(GError) error = NULL;

  list = crm_store_prepare_once (store,
                                 shop_fixture_on_pg ()
                                 ? "SELECT table_name FROM information_schema.tables "
                                   "WHERE table_schema = current_schema () AND table_type = 'BASE TABLE'"
                                 : "SELECT name FROM sqlite_master WHERE type = 'table'",
                                 &error);
  g_assert_no_error (error);
  while (crm_stmt_step (list) == CRM_STMT_ROW)
    g_ptr_array_add (tables, g_strdup (crm_stmt_column_text (list, 0)));
  g_assert_cmpuint (tables->len, >=, 10);

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s", (char *) g_ptr_array_index (tables, i));
      g_autoptr(CrmStmt) stmt = crm_store_prepare_once (store, sql, &error);

      g_assert_no_error (error);
      while (crm_stmt_step (stmt) == CRM_STMT_ROW)
        for (int c = 0; c < crm_stmt_column_count (stmt); c++)
          {
            const char *text = crm_stmt_column_text (stmt, c);

            if (text != NULL)
              g_string_append_printf (out, "%s.%s: %s\n", (char *) g_ptr_array_index (tables, i),
                                      crm_stmt_column_name (stmt, c), text);
          }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_erase (void)
{
  ShopFixture shop;
  Shop ids;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CrmCustomer) erased = NULL;
  g_autoptr(GPtrArray) log = NULL;
  CrmShopSummary summary_before, summary_after;
  CrmInsights insights_before, insights_after;
  CrmPointsCounts points_before, points_after;
  gint64 balance_before;
  const char *personal[] = {
    "Secretashvili", "599 11 22 33", "599112233", "nino.secret", "Secret street", "Lavender", "lavender",
    "ninosecret", "in_person", "1990-05-31", "Sorry for", "secretashvili",
  };

  shop_fixture_open (&shop, NOW);
  fill_shop (&shop, &ids);
  g_assert_true (crm_store_refresh_all (shop.store, &error));

  before = dump_database (shop.store);
  for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
    g_assert_nonnull (strstr (before, personal[i]));

  crm_store_get_summary (shop.store, &summary_before);
  crm_insights_compute (shop.store, CRM_PERIOD_YEAR, &insights_before);
  g_assert_true (crm_store_count_points (shop.store, NOW - 365 * DAY, NOW + 1, &points_before, &error));
  balance_before = crm_store_get_points_balance (shop.store, ids.nino);

  g_assert_true (crm_store_erase_customer (shop.store, ids.nino, &error));
  g_assert_no_error (error);

  /* No personal text anywhere in the database. */
  after = dump_database (shop.store);
  for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
    if (strstr (after, personal[i]) != NULL)
      g_error ("“%s” is still in the database:\n%s", personal[i], after);
  g_assert_null (strstr (after, "Nino"));

  /* The shop's figures are exactly as they were. */
  g_assert_true (crm_store_refresh_all (shop.store, &error));
  crm_store_get_summary (shop.store, &summary_after);
  g_assert_cmpuint (summary_after.n_customers, ==, summary_before.n_customers);
  g_assert_cmpuint (summary_after.n_key, ==, summary_before.n_key);
  g_assert_cmpint (summary_after.key_spend, ==, summary_before.key_spend);
  g_assert_cmpint (summary_after.total_spend, ==, summary_before.total_spend);
  crm_insights_compute (shop.store, CRM_PERIOD_YEAR, &insights_after);
  g_assert_cmpint (insights_after.revenue, ==, insights_before.revenue);
  g_assert_cmpuint (insights_after.n_buyers, ==, insights_before.n_buyers);
  g_assert_cmpfloat (insights_after.key_share, ==, insights_before.key_share);
  g_assert_cmpfloat (insights_after.returning_rate, ==, insights_before.returning_rate);
  g_assert_cmpfloat (insights_after.csat, ==, insights_before.csat);
  g_assert_cmpuint (insights_after.n_feedback, ==, insights_before.n_feedback);
  g_assert_true (crm_store_count_points (shop.store, NOW - 365 * DAY, NOW + 1, &points_after, &error));
  g_assert_cmpint (points_after.outstanding, ==, points_before.outstanding);
  g_assert_cmpint (points_after.earned, ==, points_before.earned);
  g_assert_cmpint (crm_store_get_points_balance (shop.store, ids.nino), ==, balance_before);
  g_assert_cmpint (query_int (shop.store, "SELECT count(*) FROM purchases"), ==, 10);

  /* What is left of them reads as nobody in particular. */
  erased = crm_store_get_customer (shop.store, ids.nino);
  {
    g_autofree char *name = g_strdup_printf ("Erased customer #%" G_GINT64_FORMAT, ids.nino);

    g_assert_cmpstr (crm_customer_get_name (erased), ==, name);
  }
  g_assert_cmpstr (crm_customer_get_phone (erased), ==, "");
  g_assert_false (crm_customer_get_marketing_consent (erased));
  g_assert_cmpint (crm_customer_get_segment (erased), ==, CRM_SEGMENT_KEY);
  /* No reminder to call them is left. */
  g_assert_cmpint (query_int (shop.store, "SELECT count(*) FROM follow_ups WHERE done_at IS NULL"), ==, 0);

  /* Logged once, by whom, without the person. */
  log = crm_store_list_privacy_log (shop.store);
  g_assert_cmpuint (log->len, ==, 1);
  g_assert_cmpint (((CrmPrivacyEntry *) g_ptr_array_index (log, 0))->action, ==, CRM_PRIVACY_ERASE);
  g_assert_cmpstr (((CrmPrivacyEntry *) g_ptr_array_index (log, 0))->staff, ==, "Mariam");

  /* Nobody to erase. */
  g_assert_false (crm_store_erase_customer (shop.store, 999999, &error));
  g_assert_nonnull (error);

  /* The file's bytes, once closed (the log folded in), hold none of it
   * either: what was overwritten is zeroed, not left in free space. */
  if (!shop_fixture_on_pg ())
    {
      g_autofree char *path = g_build_filename (shop.dir, CRM_STORE_FILE_NAME, NULL);
      g_autofree char *bytes = NULL;
      gsize length;

      g_clear_object (&shop.store);
      g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
      for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
        g_assert_null (g_strstr_len (bytes, (gssize) length, personal[i]));
    }

  shop_fixture_close (&shop);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  shop_fixture_init_engine ();

  g_test_add_func ("/messages/fill/every-placeholder", test_fill_every_placeholder);
  g_test_add_func ("/messages/fill/missing", test_fill_missing);
  g_test_add_func ("/messages/fill/hostile", test_fill_hostile);
  g_test_add_func ("/messages/links/phone-numbers", test_phone_numbers);
  g_test_add_func ("/messages/links/routes", test_routes);
  g_test_add_func ("/messages/links/telegram-names", test_telegram_names);
  g_test_add_func ("/messages/store/fields-and-consent", test_fields_and_consent);
  g_test_add_func ("/messages/store/templates", test_templates_in_store);
  g_test_add_func ("/messages/privacy/export-person", test_export_person);
  g_test_add_func ("/messages/privacy/erase", test_erase);

  return g_test_run ();
}
