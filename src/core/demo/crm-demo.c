/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The sample shop behind --demo and "Load sample shop": a bakery and
 * delicatessen in Tbilisi whose customers are Georgian, Armenian and a few
 * foreigners. One GRand seed makes one shop, so tests and the benchmark can
 * rebuild exactly the same data. What it draws from (names, streets,
 * notes, baskets, feedback) is in crm-demo-data.c; that and the few words
 * written here (tags, addresses) are sample data, not interface text, so
 * not in the catalogues. What the shop itself writes (notes, contacts,
 * baskets, follow-ups) is kept in English, Georgian and Armenian and
 * written in the interface's language; the customers' own words
 * (feedback) stay as they said them. Times fall inside the shop's hours
 * on this PC's clock. The draws are the same whatever the language. */

#define G_LOG_DOMAIN "crm-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-demo.h"
#include "crm-demo-data.h"
#include "crm-demo-loyalty.h"
#include "crm-store-demo.h"
#include "crm-text.h"

G_DEFINE_QUARK (crm-demo-error-quark, crm_demo_error)

#define HOUR ((gint64) 60 * 60)
#define DAY  (24 * HOUR)

/* Sample times fall inside these when the shop's own hours (Preferences
 * → Reminders) are round the clock or past midnight. */
#define DEFAULT_OPENS (9 * 60)
#define DEFAULT_CLOSES (19 * 60)

typedef enum
{
  SCRIPT_GEORGIAN,
  SCRIPT_ARMENIAN,
  SCRIPT_LATIN,
} Script;

/* Kinds of customer, from who signed up and never bought to the café that
 * takes bread every other day. The mix is tuned so that about a fifth of
 * the customers bring four fifths of the revenue, as in most small shops. */
typedef struct
{
  guint per_mille;              /* share of customers */
  guint per_year_min, per_year_max;
  guint basket_min, basket_max; /* whole units of money */
  guint lapse_percent;          /* stopped coming a while ago */
  guint contacts_max;
} Tier;

enum
{
  TIER_NONE,
  TIER_PASSER_BY,
  TIER_NEIGHBOUR,
  TIER_REGULAR,
  TIER_FAMILY,
  TIER_WHOLESALE,
  N_TIERS
};

static const Tier tiers[N_TIERS] = {
  [TIER_NONE]       = {  70,  0,  0,   0,   0,  0, 1 },
  [TIER_PASSER_BY]  = { 370,  1,  4,   8,  30,  3, 1 },
  [TIER_NEIGHBOUR]  = { 330,  5, 16,  15,  50,  5, 2 },
  [TIER_REGULAR]    = { 140, 16, 46,  20,  90,  5, 3 },
  [TIER_FAMILY]     = {  80, 32, 70,  30, 100,  6, 4 },
  [TIER_WHOLESALE]  = {  10, 16, 40, 200, 700,  5, 6 },
};

/* Bills stay in the range a bakery sees; wholesale goes above. */
#define RETAIL_MIN      5
#define RETAIL_MAX    300
#define WHOLESALE_MAX 2500

/* Prices above are in lari; another currency gets them converted at a
 * rough rate and rounded as a till there would round them. */
typedef struct
{
  const char *code;
  gint64      numerator;
  gint64      denominator;
  gint64      round_to;   /* minor units */
} Money;

static const Money moneys[] = {
  { "GEL",   1,   1,    5 },
  { "AMD", 150,   1, 1000 },
  { "USD",  37, 100,    5 },
  { "EUR",  34, 100,    5 },
  { "RUB",  33,   1,  100 },
};

typedef struct
{
  CrmStore    *store;
  GRand       *rand;
  gint64       now;
  gint64       midnight;   /* today's 00:00 here, as UTC */
  gint64       utc_offset; /* of this PC's time zone now, in seconds */
  gint64       opens;      /* shop hours, seconds after midnight */
  gint64       closes;
  guint        language;   /* notes in the interface's language: 0 en, 1 ka, 2 hy */
  const Money *money;
  gint64       staff[3];
  guint        n_staff;
  /* The first customer's id; the others follow it (a shared server's ids
   * do not restart at 1 after a rollback). */
  gint64       first_customer;
} Shop;

/* Three people at the counter of a Tbilisi shop: a Georgian and an
 * Armenian shop assistant, and the owner, who follows the system. Only
 * for a shop that has no staff of its own yet. */
static gboolean
add_staff (Shop    *shop,
           GError **error)
{
  static const struct { const char *name; const char *language; } people[] = {
    { "მარიამი", "ka" },
    { "Անահիտ", "hy" },
    { "Giorgi", "" },
  };
  g_autoptr(GPtrArray) existing = crm_store_list_staff (shop->store, TRUE);

  shop->n_staff = 0;
  if (existing->len > 0)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      gint64 id = crm_store_add_staff (shop->store, people[i].name, people[i].language, error);

      if (id == 0)
        return FALSE;
      shop->staff[shop->n_staff++] = id;
    }

  return TRUE;
}

/* What one customer is like, decided before anything is written. */
typedef struct
{
  Script  script;
  guint   tier;
  guint   since;     /* days since they first came */
  guint   until;     /* days since they stopped coming; 0 if they still come */
  guint   per_year;
  gint64  basket;    /* usual bill in hundredths of a lari */
  gboolean steady;   /* comes at a regular pace */
  gboolean has_email;
  gint     birthday_in;  /* days until a birthday the sample shows, or -1 */
} Habit;

#define PICK(rand, table) ((table).items[g_rand_int_range ((rand), 0, (gint32) (table).len)])

static gboolean
chance (GRand *rand,
        guint  percent)
{
  return (guint) g_rand_int_range (rand, 0, 100) < percent;
}

static guint
between (GRand *rand,
         guint  low,
         guint  high)
{
  return (guint) g_rand_int_range (rand, (gint32) low, (gint32) high + 1);
}

/* A moment during shop hours @days_ago days before today, never later
 * than now. */
static gint64
shop_time (Shop  *shop,
           guint  days_ago)
{
  gint64 at = shop->midnight - (gint64) days_ago * DAY + shop->opens +
              g_rand_int_range (shop->rand, 0, (gint32) (shop->closes - shop->opens));

  while (at > shop->now)
    at -= DAY;

  return at;
}

/* @at moved into shop hours, keeping its minutes: @forward to the next
 * opening, or back to the last hour before closing. No draw from the
 * generator. */
static gint64
in_hours (Shop     *shop,
          gint64    at,
          gboolean  forward)
{
  gint64 into_day = (at + shop->utc_offset) % DAY;
  gint64 day_start = at - (into_day < 0 ? into_day + DAY : into_day);
  gint64 minutes = (at - day_start) % HOUR;

  into_day = at - day_start;
  if (into_day >= shop->opens && into_day < shop->closes)
    return at;
  if (forward)
    return (into_day < shop->opens ? day_start : day_start + DAY) + shop->opens + minutes;

  return (into_day >= shop->closes ? day_start : day_start - DAY) + shop->closes - HOUR + minutes;
}

/* Hundredths of a lari to the shop's currency. */
static gint64
to_money (Shop   *shop,
          gint64  tetri)
{
  gint64 amount = tetri * shop->money->numerator / shop->money->denominator;
  gint64 rounded = amount - amount % shop->money->round_to;

  return rounded != 0 ? rounded : (amount < 0 ? -shop->money->round_to : shop->money->round_to);
}

static const char *
basket_description (Shop          *shop,
                    CrmDemoBasket  basket)
{
  guint i = between (shop->rand, 0, 4);

  /* Written by the shop, in the language it works in; the draw is the
   * same whatever the language. */
  return crm_demo_basket (shop->language, basket, i);
}

static CrmDemoBasket
basket_for (gint64 tetri)
{
  if (tetri < 15 * 100)
    return CRM_DEMO_BASKET_SMALL;
  if (tetri < 60 * 100)
    return CRM_DEMO_BASKET_MEDIUM;
  if (tetri <= RETAIL_MAX * 100)
    return CRM_DEMO_BASKET_LARGE;
  return CRM_DEMO_BASKET_WHOLESALE;
}

static char *
make_phone (Shop   *shop,
            Script  script)
{
  GRand *rand = shop->rand;
  gboolean armenian = script == SCRIPT_ARMENIAN ? chance (rand, 60) : chance (rand, 5);

  if (armenian)
    {
      const char *code = PICK (rand, crm_demo_armenian_mobile_codes);
      guint a = between (rand, 100, 999), b = between (rand, 0, 999);

      switch (between (rand, 0, 9))
        {
        case 0: case 1: case 2: case 3: case 4:
          return g_strdup_printf ("+374 %s %03u %03u", code, a, b);
        case 5: case 6:
          return g_strdup_printf ("374 %s %03u %03u", code, a, b);
        case 7:
          return g_strdup_printf ("+374-%s-%03u-%03u", code, a, b);
        default:
          return g_strdup_printf ("0%s %03u %03u", code, a, b);
        }
    }
  else
    {
      const char *code = PICK (rand, crm_demo_georgian_mobile_codes);
      guint a = between (rand, 0, 99), b = between (rand, 0, 99), c = between (rand, 0, 99);

      switch (between (rand, 0, 9))
        {
        case 0: case 1: case 2: case 3: case 4:
          return g_strdup_printf ("+995 %s %02u %02u %02u", code, a, b, c);
        case 5:
          return g_strdup_printf ("995 %s %02u %02u %02u", code, a, b, c);
        case 6: case 7:
          return g_strdup_printf ("%s-%02u-%02u-%02u", code, a, b, c);
        case 8:
          return g_strdup_printf ("+995 %s-%02u-%02u-%02u", code, a, b, c);
        default:
          return g_strdup_printf ("%s %02u %02u %02u", code, a, b, c);
        }
    }
}

static char *
make_email (Shop       *shop,
            const CrmDemoName *given,
            const CrmDemoName *surname,
            guint       birth_year)
{
  GRand *rand = shop->rand;
  const char *domain = PICK (rand, crm_demo_email_domains);

  switch (between (rand, 0, 4))
    {
    case 0:
      return g_strdup_printf ("%s%s%02u@%s", given->ascii, surname->ascii, between (rand, 1, 99), domain);
    case 1:
      return g_strdup_printf ("%c.%s@%s", given->ascii[0], surname->ascii, domain);
    case 2:
      return g_strdup_printf ("%s_%s@%s", given->ascii, surname->ascii, domain);
    case 3:
      if (birth_year != 0)
        return g_strdup_printf ("%s.%s%u@%s", given->ascii, surname->ascii, birth_year, domain);
      G_GNUC_FALLTHROUGH;
    default:
      return g_strdup_printf ("%s.%s@%s", given->ascii, surname->ascii, domain);
    }
}

static char *
make_address (Shop   *shop,
              Script  script)
{
  GRand *rand = shop->rand;
  guint number = between (rand, 1, 160);
  gboolean flat = chance (rand, 60);
  guint flat_number = between (rand, 1, 90);

  /* Most Armenian customers live in Tbilisi too; some order from Yerevan. */
  if (script == SCRIPT_ARMENIAN && chance (rand, 40))
    return flat
      ? g_strdup_printf ("%s %u, բն. %u, Երևան", PICK (rand, crm_demo_yerevan_streets), number, flat_number)
      : g_strdup_printf ("%s %u, Երևան", PICK (rand, crm_demo_yerevan_streets), number);

  if (script == SCRIPT_LATIN)
    return flat
      ? g_strdup_printf ("%s %u, apt %u, Tbilisi", PICK (rand, crm_demo_latin_streets), number, flat_number)
      : g_strdup_printf ("%s %u, Tbilisi", PICK (rand, crm_demo_latin_streets), number);

  return flat
    ? g_strdup_printf ("%s %u, ბინა %u, თბილისი", PICK (rand, crm_demo_tbilisi_streets), number, flat_number)
    : g_strdup_printf ("%s %u, თბილისი", PICK (rand, crm_demo_tbilisi_streets), number);
}

static void
make_habit (Shop  *shop,
            guint  index,
            Habit *habit)
{
  GRand *rand = shop->rand;
  guint roll = between (rand, 0, 999);
  guint script_roll = between (rand, 0, 99);
  const Tier *tier;

  habit->script = script_roll < 48 ? SCRIPT_GEORGIAN : script_roll < 94 ? SCRIPT_ARMENIAN : SCRIPT_LATIN;

  for (habit->tier = 0; habit->tier < N_TIERS - 1; habit->tier++)
    {
      if (roll < tiers[habit->tier].per_mille)
        break;
      roll -= tiers[habit->tier].per_mille;
    }
  tier = &tiers[habit->tier];

  /* A quarter have been coming for more than a year, so the window of the
   * segmentation rule leaves some of their purchases out. */
  habit->since = chance (rand, 25) ? between (rand, 370, 540) : between (rand, 3, 365);
  habit->until = 0;
  if (tier->per_year_max > 0 && chance (rand, tier->lapse_percent))
    {
      habit->until = between (rand, 40, 200);
      if (habit->since < habit->until + 60)
        habit->since = habit->until + between (rand, 60, 300);
    }

  habit->per_year = tier->per_year_max > 0 ? between (rand, tier->per_year_min, tier->per_year_max) : 0;
  habit->basket = tier->basket_max > 0
    ? (gint64) between (rand, tier->basket_min * 100, tier->basket_max * 100)
    : 0;
  habit->steady = chance (rand, 75);

  /* Every sixtieth customer is a good one who stopped coming, so that even
   * a small sample shows key clients at risk. */
  if (index % 60 == 30)
    {
      habit->tier = TIER_FAMILY;
      tier = &tiers[habit->tier];
      habit->until = between (rand, 45, 150);
      habit->since = habit->until + between (rand, 200, 500);
      habit->per_year = between (rand, tier->per_year_min, tier->per_year_max);
      habit->basket = (gint64) between (rand, tier->basket_min * 100, tier->basket_max * 100);
      habit->steady = TRUE;
    }
  /* …and every hundredth a café or restaurant buying wholesale. */
  else if (index % 100 == 10)
    {
      habit->tier = TIER_WHOLESALE;
      tier = &tiers[habit->tier];
      habit->per_year = between (rand, tier->per_year_min, tier->per_year_max);
      habit->basket = (gint64) between (rand, tier->basket_min * 100, tier->basket_max * 100);
    }
  habit->has_email = chance (rand, habit->tier == TIER_WHOLESALE ? 80 : 40);

  /* A few birthdays today and in two days, whatever the date: the
   * morning's reasons to call. No draw, so the rest stays as it was. */
  habit->birthday_in = index % 40 == 20 ? 0 : index % 40 == 35 ? 2 : -1;
}

static gboolean
add_purchases (Shop         *shop,
               const Habit  *habit,
               gint64        customer_id,
               GError      **error)
{
  GRand *rand = shop->rand;
  guint span = habit->since - habit->until;
  guint n;

  if (habit->per_year == 0)
    return TRUE;

  /* Rounded at random so that short spans still get their share. */
  n = (habit->per_year * span + between (shop->rand, 0, 364)) / 365;
  n = MAX (n, 1);

  for (guint i = 0; i < n; i++)
    {
      /* Most people come at a steady pace, a few whenever they like. */
      gint slot = (gint) (span / n);
      gint days_ago = habit->steady
        ? (gint) (habit->since - (span * (2 * i + 1)) / (2 * n)) +
          (gint) between (rand, 0, slot * 4 / 5) - slot * 2 / 5
        : (gint) between (rand, habit->until, habit->since);
      gint64 at = shop_time (shop, CLAMP (days_ago, (gint) habit->until, (gint) habit->since));
      gint64 tetri = habit->basket * between (rand, 60, 140) / 100;
      gint64 max = habit->tier == TIER_WHOLESALE ? WHOLESALE_MAX : RETAIL_MAX;
      CrmDemoBasket basket;

      tetri = CLAMP (tetri, RETAIL_MIN * 100, max * 100);
      basket = basket_for (tetri);

      if (crm_store_add_purchase (shop->store, customer_id, at, to_money (shop, tetri),
                                  basket_description (shop, basket), error) == 0)
        return FALSE;

      /* Now and then something comes back: part or all of the bill. */
      if (basket != CRM_DEMO_BASKET_WHOLESALE && tetri >= 10 * 100 && between (rand, 0, 79) == 0)
        {
          gint64 refund_at = in_hours (shop, at + between (rand, 1, 72) * HOUR, TRUE);
          gint64 refund = tetri * between (rand, 20, 100) / 100;

          if (refund_at > shop->now)
            refund_at = at;

          if (crm_store_add_purchase (shop->store, customer_id, refund_at, -to_money (shop, refund),
                                      basket_description (shop, CRM_DEMO_BASKET_REFUND),
                                      error) == 0)
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
add_contacts (Shop         *shop,
              const Habit  *habit,
              gint64        customer_id,
              GError      **error)
{
  GRand *rand = shop->rand;
  guint n = between (rand, 0, tiers[habit->tier].contacts_max);
  guint latest = habit->until;
  guint earliest = MAX (MIN (habit->since, 365), latest);

  for (guint i = 0; i <= n; i++)
    {
      guint roll = between (rand, 0, 99);
      CrmDemoContact contact;
      guint days_ago;
      const char *note;

      /* One last call to those who stopped coming; everyone else gets n. */
      if (i == n)
        {
          if (habit->until < 14 || !chance (rand, 50))
            break;
          contact = CRM_DEMO_CONTACT_LAPSED_CALL;
          days_ago = between (rand, 0, habit->until - 7);
        }
      else
        {
          contact = roll < 35 ? CRM_DEMO_CONTACT_VISIT
                  : roll < 65 ? CRM_DEMO_CONTACT_CALL
                  : roll < 85 ? CRM_DEMO_CONTACT_MESSAGE
                  : roll < 95 ? CRM_DEMO_CONTACT_EMAIL
                  : CRM_DEMO_CONTACT_OTHER;
          if (contact == CRM_DEMO_CONTACT_EMAIL && !habit->has_email)
            contact = CRM_DEMO_CONTACT_MESSAGE;
          days_ago = between (rand, latest, earliest);
        }

      note = crm_demo_contact_note (shop->language, contact, between (rand, 0, 1));

      if (crm_store_add_interaction (shop->store, customer_id, shop_time (shop, days_ago),
                                     crm_demo_contact_kinds[contact], note, error) == 0)
        return FALSE;
    }

  return TRUE;
}

static gint64
add_customer (Shop         *shop,
              const Habit  *habit,
              GError      **error)
{
  GRand *rand = shop->rand;
  const CrmDemoName *given, *surname;
  g_autofree char *name = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *email = NULL;
  g_autofree char *address = NULL;
  g_autofree char *birthday = NULL;
  const char *tags[3] = { NULL, NULL, NULL };
  guint n_tags = 0;
  gboolean business = habit->tier == TIER_WHOLESALE && habit->script != SCRIPT_LATIN && chance (rand, 50);
  gboolean georgian = habit->script != SCRIPT_ARMENIAN;
  CrmCustomerFields fields = { 0 };

  switch (habit->script)
    {
    case SCRIPT_GEORGIAN:
      given = &PICK (rand, crm_demo_georgian_given);
      surname = &PICK (rand, crm_demo_georgian_surnames);
      break;
    case SCRIPT_ARMENIAN:
      given = &PICK (rand, crm_demo_armenian_given);
      surname = &PICK (rand, crm_demo_armenian_surnames);
      break;
    case SCRIPT_LATIN:
    default:
      given = &PICK (rand, crm_demo_latin_given);
      surname = &PICK (rand, crm_demo_latin_surnames);
      break;
    }

  if (business)
    {
      /* Quotation marks as each language writes them. */
      const CrmDemoName *brand = habit->script == SCRIPT_ARMENIAN
        ? &PICK (rand, crm_demo_armenian_business_names) : &PICK (rand, crm_demo_georgian_business_names);

      name = habit->script == SCRIPT_ARMENIAN
        ? g_strdup_printf ("%s «%s»", PICK (rand, crm_demo_armenian_business_kinds), brand->text)
        : g_strdup_printf ("%s „%s“", PICK (rand, crm_demo_georgian_business_kinds), brand->text);
      if (habit->has_email)
        email = chance (rand, 50)
          ? g_strdup_printf ("info@%s.%s", brand->ascii, habit->script == SCRIPT_ARMENIAN ? "am" : "ge")
          : g_strdup_printf ("%s.orders@gmail.com", brand->ascii);
    }
  else
    {
      guint birth_year = 0;

      name = g_strdup_printf ("%s %s", given->text, surname->text);

      if (chance (rand, 60))
        {
          guint month;

          birth_year = between (rand, 1950, 2006);
          month = between (rand, 1, 12);
          birthday = g_strdup_printf ("%04u-%02u-%02u", birth_year, month,
                                      between (rand, 1, g_date_get_days_in_month ((GDateMonth) month,
                                                                                  (GDateYear) birth_year)));
        }

      if (habit->birthday_in >= 0)
        {
          g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (shop->now + habit->birthday_in * DAY);
          g_autoptr(GDateTime) day = g_date_time_to_local (utc);
          guint month = (guint) g_date_time_get_month (day);
          guint day_of_month = (guint) g_date_time_get_day_of_month (day);

          g_free (birthday);
          /* Every other one without a year, as phones often keep them. */
          if (birth_year > 0 && !(month == 2 && day_of_month == 29))
            birthday = g_strdup_printf ("%04u-%02u-%02u", birth_year, month, day_of_month);
          else
            birthday = g_strdup_printf ("--%02u-%02u", month, day_of_month);
        }

      if (habit->has_email)
        email = make_email (shop, given, surname, birth_year);
    }

  if (chance (rand, 95))
    phone = make_phone (shop, habit->script);
  if (business || chance (rand, 30))
    address = make_address (shop, habit->script);

  if (habit->tier == TIER_WHOLESALE && chance (rand, 80))
    tags[n_tags++] = georgian ? "საბითუმო" : "Մեծածախ";
  if (habit->tier >= TIER_REGULAR && chance (rand, 25))
    tags[n_tags++] = "VIP";
  if (n_tags == 0 && chance (rand, 22))
    {
      switch (between (rand, 0, 1))
        {
        case 0:
          tags[n_tags++] = georgian ? "მიტანა" : "Առաքում";
          break;
        default:
          tags[n_tags++] = georgian ? "ვეგანი" : "Վեգան";
          break;
        }
    }

  fields.name = name;
  fields.phone = phone;
  fields.email = email;
  fields.address = address;
  fields.birthday = birthday;
  fields.tags = tags;

  if (chance (rand, 20))
    {
      static const CrmDemoWords *const notes[] = {
        &crm_demo_english_notes, &crm_demo_georgian_notes, &crm_demo_armenian_notes,
      };

      fields.notes = PICK (rand, *notes[shop->language]);
    }

  /* How they like to hear from the shop (docs/messages.md), from the
   * name's hash so that the random draws, and so the rest of the shop,
   * stay as they were. */
  {
    static const char *const channels[] = { "whatsapp", "viber", "sms", "whatsapp", "telegram", "call" };
    guint hash = g_str_hash (name);

    fields.language = habit->script == SCRIPT_GEORGIAN ? "ka"
                      : habit->script == SCRIPT_ARMENIAN ? "hy" : "";
    fields.channel = phone != NULL ? channels[hash % G_N_ELEMENTS (channels)]
                     : email != NULL ? "email" : "";
    fields.marketing_consent = (hash / 7) % 100 < 60;
    fields.consent_source = fields.marketing_consent ? ((hash / 11) % 3 == 0 ? "form" : "in_person") : NULL;
  }

  /* The owner's family is key whatever they spend. */
  if (habit->tier <= TIER_PASSER_BY && between (rand, 0, 399) == 0)
    fields.segment_override = "key";

  return crm_store_add_customer (shop->store, &fields, error);
}

static const Money *
money_for_shop (CrmStore *store)
{
  g_autofree char *currency = crm_store_dup_currency (store);

  for (guint i = 0; i < G_N_ELEMENTS (moneys); i++)
    if (g_ascii_strcasecmp (currency, moneys[i].code) == 0)
      return &moneys[i];

  return &moneys[0];
}

/* Responses happened after the feedback came in: written as if then, so
 * the service figures look lived in. */
static gboolean
answer_at (CrmStore    *store,
           gint64       id,
           gboolean     resolve,
           gboolean     at_once,
           const char  *response,
           gint64       when,
           GError     **error)
{
  /* Some are settled by the first answer (first-contact resolution). */
  if (resolve && at_once)
    return crm_store_update_feedback_at (store, id, "resolved", response, when, error);

  return crm_store_update_feedback_at (store, id, "in_progress", response, when, error) &&
         (!resolve || crm_store_update_feedback_at (store, id, "resolved", NULL, when + 3 * 3600, error));
}

/* The optional answers of entry @i: how easy it was (1–5) on about two in
 * three, would recommend (0–10) on about half, mostly content. From
 * their own sequence, so the rest of the sample shop stays as it was. */
static void
add_answers (GRand             *answers,
             CrmFeedbackFields *fields)
{
  static const guint easy[] = { 5, 5, 4, 4, 4, 3, 5, 2, 4, 5 };
  static const guint recommend[] = { 10, 9, 9, 8, 10, 7, 9, 6, 10, 3, 8, 9 };
  gboolean complaint = g_strcmp0 (fields->kind, "complaint") == 0;

  if (g_rand_int_range (answers, 0, 100) < 65)
    fields->effort = complaint ? (guint) g_rand_int_range (answers, 1, 4)
                               : easy[g_rand_int_range (answers, 0, G_N_ELEMENTS (easy))];
  if (g_rand_int_range (answers, 0, 100) < 55)
    {
      fields->has_recommend = TRUE;
      fields->recommend = complaint ? (guint) g_rand_int_range (answers, 2, 8)
                                    : recommend[g_rand_int_range (answers, 0, G_N_ELEMENTS (recommend))];
    }
}

static gboolean
add_feedback (Shop    *shop,
              guint    n_customers,
              GError **error)
{
  g_autoptr(GRand) answers = g_rand_new_with_seed (0x43455321);

  for (guint i = 0; i < crm_demo_feedback_plan.len; i++)
    {
      CrmFeedbackFields fields = { 0 };
      /* Spread over the year, more in the last weeks; newest last. */
      guint days_ago = (crm_demo_feedback_plan.len - i) * (i < 20 ? 11 : 3);
      gint64 id;

      fields.kind = crm_demo_feedback_plan.items[i].kind;
      fields.rating = crm_demo_feedback_plan.items[i].rating;
      fields.text = crm_demo_feedback_plan.items[i].text;
      add_answers (answers, &fields);
      fields.channel = crm_feedback_channels[g_rand_int_range (shop->rand, 0, 5)];
      fields.received_at = in_hours (shop, shop->now - (gint64) days_ago * DAY -
                                              g_rand_int_range (shop->rand, 0, 8 * 3600), FALSE);
      if (n_customers > 0 && chance (shop->rand, 70))
        fields.customer_id = shop->first_customer +
                             g_rand_int_range (shop->rand, 0, (gint32) MIN (n_customers, G_MAXINT32));

      id = crm_store_add_feedback (shop->store, &fields, error);
      if (id == 0)
        return FALSE;

      /* Older entries are dealt with; the last few wait in the inbox. */
      if (crm_demo_feedback_plan.items[i].response != NULL || i < 20)
        {
          gint64 answered = in_hours (shop, fields.received_at + g_rand_int_range (shop->rand, 1, 48) * 3600,
                                      TRUE);

          if (!answer_at (shop->store, id, i + 8 < crm_demo_feedback_plan.len,
                          g_rand_int_range (answers, 0, 100) < 60,
                          crm_demo_feedback_plan.items[i].response, MIN (answered, shop->now), error))
            return FALSE;
        }

      /* Read, except the newest few. */
      if (i + 6 < crm_demo_feedback_plan.len &&
          !crm_store_set_feedback_read (shop->store, id, TRUE, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_follow_ups (Shop    *shop,
                guint    n_customers,
                GError **error)
{
  for (guint i = 0; i < crm_demo_follow_up_plan.len && n_customers > 0; i++)
    {
      /* Spread over the list, the same customers for the same seed. */
      gint64 customer = shop->first_customer +
                        (gint64) g_rand_int_range (shop->rand, 0, (gint32) MIN (n_customers, G_MAXINT32));
      gint64 offset = crm_demo_follow_up_plan.items[i].offset_hours * HOUR;
      /* Inside shop hours: the overdue ones earlier, the coming ones later. */
      gint64 due = in_hours (shop, shop->now + offset, offset > 0);

      if (crm_store_add_follow_up (shop->store, customer, due,
                                   crm_demo_follow_up_plan.items[i].note[shop->language],
                                   crm_demo_follow_up_plan.items[i].repeat_days, error) == 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * crm_demo_fill:
 * @store: a store with no customers, archived or not
 * @n_customers: how many customers to create
 * @seed: the same seed (and clock) gives the same shop
 *
 * Fills an empty database with a believable sample shop: customers with
 * Georgian, Armenian and a few Latin names, phones, e-mails, birthdays,
 * notes and tags, about a year of purchases (some older) in which a fifth
 * of the customers bring most of the revenue, some key customers who have
 * stopped coming, and calls, visits and messages. Everything is written in
 * one transaction: on any error nothing is left behind.
 *
 * Returns: %TRUE on success; %FALSE with @error set, %CRM_DEMO_ERROR_NOT_EMPTY
 *   when the database already has customers
 */
gboolean
crm_demo_fill (CrmStore  *store,
               guint      n_customers,
               guint32    seed,
               GError   **error)
{
  g_autoptr(GRand) rand = NULL;
  CrmDemoLoyalty loyalty = { 0 };
  guint n_existing = 0;
  gint64 local_now;
  Shop shop;

  g_return_val_if_fail (CRM_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!crm_store_begin (store, error))
    return FALSE;

  /* Asked inside the transaction: nobody can add a customer in between. */
  if (!crm_store_count_all_customers (store, &n_existing, error))
    goto failed;

  if (n_existing > 0)
    {
      crm_store_rollback (store);
      g_set_error_literal (error, CRM_DEMO_ERROR, CRM_DEMO_ERROR_NOT_EMPTY,
                           _("The sample shop can only be loaded into an empty database: "
                             "this one already has customers."));
      return FALSE;
    }

  rand = g_rand_new_with_seed (seed);
  shop.store = store;
  shop.rand = rand;
  shop.now = crm_store_now (store);
  {
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (shop.now);
    g_autoptr(GDateTime) local = g_date_time_to_local (utc);
    gint64 opens = crm_store_get_setting_int (store, "reminders.opens", DEFAULT_OPENS);
    gint64 closes = crm_store_get_setting_int (store, "reminders.closes", DEFAULT_CLOSES);

    /* Times of this PC's day, as the window shows them. */
    shop.utc_offset = g_date_time_get_utc_offset (local) / G_TIME_SPAN_SECOND;
    if (opens < 0 || closes > 24 * 60 || closes - opens < 60)
      opens = DEFAULT_OPENS, closes = DEFAULT_CLOSES;
    shop.opens = opens * 60;
    shop.closes = closes * 60;
  }
  local_now = shop.now + shop.utc_offset;
  shop.midnight = local_now - (local_now % DAY) - shop.utc_offset;
  {
    const char *language = crm_text_ui_language ();

    shop.language = g_str_equal (language, "ka") ? 1 : g_str_equal (language, "hy") ? 2 : 0;
  }
  shop.money = money_for_shop (store);

  if (!add_staff (&shop, error) ||
      (n_customers > 0 && !crm_demo_loyalty_begin (&loyalty, store, seed, error)))
    goto failed;
  loyalty.language = shop.language;

  for (guint i = 0; i < n_customers; i++)
    {
      Habit habit;
      gint64 id;

      /* Taking turns at the counter; no draw from the generator, so the
       * customers come out as they always have for a seed. */
      if (shop.n_staff > 0)
        crm_store_set_acting_staff (store, shop.staff[i % shop.n_staff]);

      make_habit (&shop, i, &habit);
      id = add_customer (&shop, &habit, error);
      if (i == 0)
        shop.first_customer = id;
      if (id == 0 ||
          !add_purchases (&shop, &habit, id, error) ||
          !crm_demo_loyalty_customer (&loyalty, id, error) ||
          !add_contacts (&shop, &habit, id, error))
        goto failed;
    }

  crm_store_set_acting_staff (store, 0);

  if (!add_follow_ups (&shop, n_customers, error) ||
      !add_feedback (&shop, n_customers, error) ||
      !crm_demo_loyalty_end (&loyalty, error))
    goto failed;

  /* Figures and segments are rebuilt once, here; a failed commit has
   * already rolled back, and rolling back again does nothing. */
  crm_demo_loyalty_clear (&loyalty);
  if (crm_store_commit (store, error))
    return TRUE;

failed:
  crm_demo_loyalty_clear (&loyalty);
  crm_store_set_acting_staff (store, 0);
  crm_store_rollback (store);
  /* Translators: the reason follows, as a sentence from the database. */
  g_prefix_error (error, _("Could not create the sample shop: "));
  return FALSE;
}
