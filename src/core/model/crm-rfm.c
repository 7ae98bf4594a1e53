/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The groups by habit as people read them: each group's name, the rule
 * that puts a customer in it, and one customer's figures behind it. The
 * scoring itself is the store's (crm-store-rfm.c). */

#define G_LOG_DOMAIN "crm-model"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-rfm.h"

#define DAY (24 * 60 * 60)

typedef struct
{
  const char *key;
  const char *name;
  const char *rule;
} Group;

/* Names that speak of the shop's habit with a person, never judge them
 * (docs/glossary.md): "lost" is someone who no longer comes. The rules
 * read inside a sentence, after the name. */
static const Group groups[] = {
  { "champions", NC_("rfm group", "Champions"), N_("bought recently and buys most often") },
  { "loyal", NC_("rfm group", "Loyal"), N_("buys often, and came not long ago") },
  { "promising", NC_("rfm group", "Promising"), N_("bought recently, a few times so far") },
  { "new", NC_("rfm group", "New"), N_("bought once, very recently") },
  { "needs_attention", NC_("rfm group", "Needs Attention"), N_("comes now and then, less than before") },
  { "at_risk", NC_("rfm group", "At Risk"), N_("used to buy often, has not come for a while") },
  { "cant_lose", NC_("rfm group", "Can’t Lose Them"), N_("among those who bought most often, but not lately") },
  { "hibernating", NC_("rfm group", "Hibernating"), N_("bought a few times, long ago") },
  { "lost", NC_("rfm group", "Lost"), N_("bought once or twice, long ago") },
};

const char *const crm_rfm_groups[] = {
  "champions", "loyal", "promising", "new", "needs_attention", "at_risk", "cant_lose", "hibernating", "lost",
  NULL,
};

G_STATIC_ASSERT (G_N_ELEMENTS (groups) + 1 == G_N_ELEMENTS (crm_rfm_groups));

static const Group *
find (const char *key)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (groups); i++)
    if (g_str_equal (groups[i].key, key))
      return &groups[i];
  return NULL;
}

gboolean
crm_rfm_is_group (const char *key)
{
  return find (key) != NULL;
}

/**
 * crm_rfm_group_name:
 *
 * Returns: the group's name in the interface language, or "" for none
 */
const char *
crm_rfm_group_name (const char *key)
{
  const Group *group = find (key);

  return group != NULL ? g_dpgettext2 (NULL, "rfm group", group->name) : "";
}

/**
 * crm_rfm_group_rule:
 *
 * Returns: what puts a customer in the group, or "" for none
 */
const char *
crm_rfm_group_rule (const char *key)
{
  const Group *group = find (key);

  return group != NULL ? _(group->rule) : "";
}

/**
 * crm_rfm_explain:
 * @now: the store's clock
 *
 * The customer's own figures behind their group: "bought 14 times, last
 * 3 days ago, top 20 % by spend".
 *
 * Returns: (transfer full): the line, or "" when the customer has no group
 */
char *
crm_rfm_explain (CrmCustomer *customer,
                 gint64       now)
{
  guint times, bands, money, share;
  gint64 days;
  g_autofree char *bought = NULL;
  g_autofree char *last = NULL;
  g_autofree char *spend = NULL;

  g_return_val_if_fail (CRM_IS_CUSTOMER (customer), g_strdup (""));

  bands = crm_customer_get_rfm_bands (customer);
  money = crm_customer_get_rfm_money (customer);
  if (!crm_rfm_is_group (crm_customer_get_rfm_group (customer)) || bands == 0 || money == 0)
    return g_strdup ("");

  times = crm_customer_get_total_purchases (customer);
  days = MAX (now - crm_customer_get_last_purchase_at (customer), 0) / DAY;

  bought = g_strdup_printf (ngettext ("bought %u time", "bought %u times", times), times);
  last = days == 0 ? g_strdup (_("last today"))
                   : g_strdup_printf (ngettext ("last %u day ago", "last %u days ago", (gulong) days),
                                      (guint) days);
  if (money == 1)
    {
      share = 100 / bands;
      /* Translators: a percentage of the shop's buyers: "lowest 20 % by spend" */
      spend = g_strdup_printf (_("lowest %u %% by spend"), share);
    }
  else
    {
      share = (bands - money + 1) * 100 / bands;
      /* Translators: a percentage of the shop's buyers: "top 20 % by spend" */
      spend = g_strdup_printf (_("top %u %% by spend"), share);
    }

  /* Translators: "bought 14 times, last 3 days ago, top 20 % by spend" */
  return g_strdup_printf (_("%s, %s, %s"), bought, last, spend);
}
