/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-customer-list"

#include "config.h"

#include <string.h>

#include "crm-customer-list.h"
#include "crm-loyalty.h"
#include "crm-text.h"

/* The customer list as a GListModel that never holds 100 000 objects: it
 * keeps the ids the store returns for the current filters and order
 * (crm_store_query_customer_rows()), and builds a CrmCustomer only when a
 * row asks, keeping the last few.
 *
 * Search runs on every keystroke, so it does not go back to SQLite: the
 * filtered rows' folded search keys are kept beside their ids, and a
 * keystroke is a scan over them in memory (a few milliseconds for 100 000
 * customers, where a query took over a hundred). */
struct _CrmCustomerList
{
  GObject           parent_instance;

  CrmStore         *store;
  gulong            changed_id;

  CrmCustomerRows  *base;      /* filters and order applied, not the search */

  GArray           *ids;       /* what the model shows: base rows that match */
  GHashTable       *cache;     /* id → CrmCustomer, cleared when it grows */

  gboolean          paused;
  gboolean          dirty;

  char             *search;
  CrmSegmentFilter  segment;
  char             *tag;
  guint             not_seen_days;
  gboolean          at_risk;
  gint64            tier_id;
  char             *rfm_group;
  CrmCustomerSort   sort;
  gboolean          descending;
};

#define CACHE_SIZE 512

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CrmCustomerList, crm_customer_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
crm_customer_list_get_item_type (GListModel *model)
{
  return CRM_TYPE_CUSTOMER;
}

static guint
crm_customer_list_get_n_items (GListModel *model)
{
  return CRM_CUSTOMER_LIST (model)->ids->len;
}

static gpointer
crm_customer_list_get_item (GListModel *model,
                            guint       position)
{
  CrmCustomerList *self = CRM_CUSTOMER_LIST (model);
  CrmCustomer *customer;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);
  customer = g_hash_table_lookup (self->cache, &id);
  if (customer != NULL)
    return g_object_ref (customer);

  customer = crm_store_get_customer (self->store, id);
  if (customer == NULL)
    {
      /* Deleted under us; the refresh that follows the change drops it.
       * An empty snapshot keeps the view consistent until then. */
      return g_object_new (CRM_TYPE_CUSTOMER, NULL);
    }

  if (g_hash_table_size (self->cache) >= CACHE_SIZE)
    g_hash_table_remove_all (self->cache);
  g_hash_table_insert (self->cache, g_memdup2 (&id, sizeof id), g_object_ref (customer));

  return customer;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = crm_customer_list_get_item_type;
  iface->get_n_items = crm_customer_list_get_n_items;
  iface->get_item = crm_customer_list_get_item;
}

/* A query that looks like a phone number matches the phone key too. */
static gboolean
looks_like_phone (const char *text)
{
  guint digits = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr (" +-()./", *p) == NULL)
        return FALSE;
    }

  return digits >= 3;
}

/* Narrows the base rows to the search: every word must appear in the
 * folded name, e-mail, notes or tags; a phone-like search may match the
 * phone's digits instead. */
static void
apply_search (CrmCustomerList *self)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *phone_key = NULL;
  guint old_n = self->ids->len;

  if (self->search != NULL)
    {
      g_autofree char *folded = crm_text_fold (self->search);
      g_auto(GStrv) parts = g_strsplit (folded, " ", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        if (parts[i][0] != '\0')
          g_ptr_array_add (words, g_strdup (parts[i]));

      if (looks_like_phone (self->search))
        phone_key = crm_text_phone_key (self->search);
      if (phone_key != NULL && phone_key[0] == '\0')
        g_clear_pointer (&phone_key, g_free);
    }

  g_array_set_size (self->ids, 0);
  for (guint row = 0; row < self->base->ids->len; row++)
    {
      const char *text = g_ptr_array_index (self->base->texts, row);
      gboolean match = TRUE;

      for (guint w = 0; w < words->len && match; w++)
        match = strstr (text, g_ptr_array_index (words, w)) != NULL;

      if (!match && phone_key != NULL)
        match = strstr (g_ptr_array_index (self->base->phones, row), phone_key) != NULL;

      if (match)
        g_array_append_val (self->ids, g_array_index (self->base->ids, gint64, row));
    }

  if (old_n != 0 || self->ids->len != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->ids->len);
}

/**
 * crm_customer_list_refresh:
 *
 * Asks the store again; called on every store change unless paused.
 */
void
crm_customer_list_refresh (CrmCustomerList *self)
{
  g_autoptr(GError) error = NULL;
  CrmCustomerRows *rows;
  CrmCustomerQuery query = { 0 };

  g_return_if_fail (CRM_IS_CUSTOMER_LIST (self));

  query.segment = self->segment;
  query.tag = self->tag;
  query.not_seen_days = self->not_seen_days;
  query.at_risk = self->at_risk;
  query.sort = self->sort;
  query.descending = self->descending;
  query.language = crm_text_ui_language ();
  query.now = crm_store_now (self->store);
  query.tier_id = self->tier_id;
  query.tier_from = crm_loyalty_months_before (query.now, 12);
  query.rfm_group = self->rfm_group;

  self->dirty = FALSE;
  g_hash_table_remove_all (self->cache);

  rows = crm_store_query_customer_rows (self->store, &query, &error);
  if (rows == NULL)
    {
      g_critical ("customer list query: %s", error->message);
      rows = crm_customer_rows_new ();
    }
  g_clear_pointer (&self->base, crm_customer_rows_free);
  self->base = rows;

  apply_search (self);
}

/**
 * crm_customer_list_set_paused:
 *
 * While paused (nobody looks at the list), store changes only mark it
 * stale; it catches up once when unpaused.
 */
void
crm_customer_list_set_paused (CrmCustomerList *self,
                              gboolean         paused)
{
  g_return_if_fail (CRM_IS_CUSTOMER_LIST (self));

  self->paused = !!paused;
  if (!self->paused && self->dirty)
    crm_customer_list_refresh (self);
}

static void
store_changed_cb (CrmStore        *store,
                  guint            change,
                  gint64           customer_id,
                  CrmCustomerList *self)
{
  if (self->paused)
    self->dirty = TRUE;
  else
    crm_customer_list_refresh (self);
}

static void
crm_customer_list_dispose (GObject *object)
{
  CrmCustomerList *self = CRM_CUSTOMER_LIST (object);

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (crm_customer_list_parent_class)->dispose (object);
}

static void
crm_customer_list_finalize (GObject *object)
{
  CrmCustomerList *self = CRM_CUSTOMER_LIST (object);

  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->base, crm_customer_rows_free);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_free (self->search);
  g_free (self->tag);
  g_free (self->rfm_group);

  G_OBJECT_CLASS (crm_customer_list_parent_class)->finalize (object);
}

static void
crm_customer_list_class_init (CrmCustomerListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crm_customer_list_dispose;
  object_class->finalize = crm_customer_list_finalize;
}

static void
crm_customer_list_init (CrmCustomerList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->base = crm_customer_rows_new ();
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

CrmCustomerList *
crm_customer_list_new (CrmStore *store)
{
  CrmCustomerList *self;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  self = g_object_new (CRM_TYPE_CUSTOMER_LIST, NULL);
  self->store = g_object_ref (store);
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  crm_customer_list_refresh (self);

  return self;
}

void
crm_customer_list_set_search (CrmCustomerList *self,
                              const char      *search)
{
  g_return_if_fail (CRM_IS_CUSTOMER_LIST (self));

  if (search != NULL && search[0] == '\0')
    search = NULL;
  if (g_strcmp0 (self->search, search) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (search);
  apply_search (self);
}

void
crm_customer_list_set_segment (CrmCustomerList  *self,
                               CrmSegmentFilter  segment)
{
  g_return_if_fail (CRM_IS_CUSTOMER_LIST (self));

  if (self->segment == segment)
    return;

  self->segment = segment;
  crm_customer_list_refresh (self);
}

void
crm_customer_list_set_tag (CrmCustomerList *self,
                           const char      *tag)
{
  g_return_if_fail (CRM_IS_CUSTOMER_LIST (self));

  if (tag != NULL && tag[0] == '\0')
    tag = NULL;
  if (g_strcmp0 (self->tag, tag) == 0)
    return;

  g_free (self->tag);
  self->tag = g_strdup (tag);
  crm_customer_list_refresh (self);
}

/**
 * crm_customer_list_set_not_seen_days:
 * @days: show only customers not seen for more than this; 0 for everyone
 */
void
crm_customer_list_set_not_seen_days (CrmCustomerList *self,
                                     guint            days)
{
  g_return_if_fail (CRM_IS_CUSTOMER_LIST (self));

  if (self->not_seen_days == days)
    return;

  self->not_seen_days = days;
  crm_customer_list_refresh (self);
}

void
crm_customer_list_set_at_risk (CrmCustomerList *self,
                               gboolean         at_risk)
{
  g_return_if_fail (CRM_IS_CUSTOMER_LIST (self));

  if (self->at_risk == !!at_risk)
    return;

  self->at_risk = !!at_risk;
  crm_customer_list_refresh (self);
}

/**
 * crm_customer_list_set_tier:
 * @tier_id: a loyalty tier's customers; -1 for those below every tier; 0 for any
 */
void
crm_customer_list_set_tier (CrmCustomerList *self,
                            gint64           tier_id)
{
  g_return_if_fail (CRM_IS_CUSTOMER_LIST (self));

  if (self->tier_id == tier_id)
    return;

  self->tier_id = tier_id;
  crm_customer_list_refresh (self);
}

/**
 * crm_customer_list_set_rfm_group:
 * @group: (nullable): a group by habit's key (crm-rfm.h), or %NULL for any
 */
void
crm_customer_list_set_rfm_group (CrmCustomerList *self,
                                 const char      *group)
{
  g_return_if_fail (CRM_IS_CUSTOMER_LIST (self));

  if (group != NULL && group[0] == '\0')
    group = NULL;
  if (g_strcmp0 (self->rfm_group, group) == 0)
    return;

  g_free (self->rfm_group);
  self->rfm_group = g_strdup (group);
  crm_customer_list_refresh (self);
}

/**
 * crm_customer_list_dup_filter:
 *
 * The list's filters and search as one text, to save under a name
 * (crm_store_add_saved_list()): a GVariant dictionary, whose keys say
 * what each value is, so that lists saved now read in later versions.
 *
 * Returns: (transfer full): the text
 */
char *
crm_customer_list_dup_filter (CrmCustomerList *self)
{
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (NULL);
  g_autoptr(GVariant) value = NULL;

  g_return_val_if_fail (CRM_IS_CUSTOMER_LIST (self), NULL);

  if (self->segment != CRM_SEGMENT_FILTER_ALL)
    g_variant_dict_insert (&dict, "segment", "s", self->segment == CRM_SEGMENT_FILTER_KEY ? "key" : "secondary");
  if (self->at_risk)
    g_variant_dict_insert (&dict, "at-risk", "b", TRUE);
  if (self->tag != NULL)
    g_variant_dict_insert (&dict, "tag", "s", self->tag);
  if (self->not_seen_days > 0)
    g_variant_dict_insert (&dict, "not-seen-days", "u", self->not_seen_days);
  if (self->tier_id != 0)
    g_variant_dict_insert (&dict, "tier", "x", self->tier_id);
  if (self->rfm_group != NULL)
    g_variant_dict_insert (&dict, "group", "s", self->rfm_group);
  if (self->search != NULL)
    g_variant_dict_insert (&dict, "search", "s", self->search);

  value = g_variant_ref_sink (g_variant_dict_end (&dict));
  return g_variant_print (value, TRUE);
}

/**
 * crm_customer_list_set_filter:
 * @filter: what crm_customer_list_dup_filter() wrote
 *
 * Sets every filter and the search from @filter at once; what it does not
 * name is "any". Text that is not a filter changes nothing.
 *
 * Returns: whether @filter was one
 */
gboolean
crm_customer_list_set_filter (CrmCustomerList *self,
                              const char      *filter)
{
  g_autoptr(GVariant) value = NULL;
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (NULL);
  const char *segment = NULL, *tag = NULL, *group = NULL, *search = NULL;
  gboolean at_risk = FALSE;
  guint days = 0;
  gint64 tier = 0;

  g_return_val_if_fail (CRM_IS_CUSTOMER_LIST (self), FALSE);

  value = filter != NULL ? g_variant_parse (G_VARIANT_TYPE_VARDICT, filter, NULL, NULL, NULL) : NULL;
  if (value == NULL)
    return FALSE;

  g_variant_dict_init (&dict, value);
  g_variant_dict_lookup (&dict, "segment", "&s", &segment);
  g_variant_dict_lookup (&dict, "at-risk", "b", &at_risk);
  g_variant_dict_lookup (&dict, "tag", "&s", &tag);
  g_variant_dict_lookup (&dict, "not-seen-days", "u", &days);
  g_variant_dict_lookup (&dict, "tier", "x", &tier);
  g_variant_dict_lookup (&dict, "group", "&s", &group);
  g_variant_dict_lookup (&dict, "search", "&s", &search);

  /* One query for all of it, not one per filter. */
  self->segment = g_strcmp0 (segment, "key") == 0 ? CRM_SEGMENT_FILTER_KEY
                  : g_strcmp0 (segment, "secondary") == 0 ? CRM_SEGMENT_FILTER_SECONDARY
                  : CRM_SEGMENT_FILTER_ALL;
  self->at_risk = at_risk;
  g_free (self->tag);
  self->tag = tag != NULL && tag[0] != '\0' ? g_strdup (tag) : NULL;
  self->not_seen_days = MIN (days, 100000);
  self->tier_id = tier;
  g_free (self->rfm_group);
  self->rfm_group = group != NULL && group[0] != '\0' ? g_strdup (group) : NULL;
  g_free (self->search);
  self->search = search != NULL && search[0] != '\0' ? g_strdup (search) : NULL;
  crm_customer_list_refresh (self);

  return TRUE;
}

void
crm_customer_list_set_sort (CrmCustomerList *self,
                            CrmCustomerSort  sort,
                            gboolean         descending)
{
  g_return_if_fail (CRM_IS_CUSTOMER_LIST (self));

  if (self->sort == sort && self->descending == !!descending)
    return;

  self->sort = sort;
  self->descending = !!descending;
  crm_customer_list_refresh (self);
}

/**
 * crm_customer_list_find:
 *
 * Returns: the position of the customer, or %GTK_INVALID_LIST_POSITION
 *   (G_MAXUINT) when the current filters hide them
 */
guint
crm_customer_list_find (CrmCustomerList *self,
                        gint64           customer_id)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == customer_id)
      return i;

  return G_MAXUINT;
}

gint64
crm_customer_list_get_id (CrmCustomerList *self,
                          guint            position)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_LIST (self), 0);

  if (position >= self->ids->len)
    return 0;

  return g_array_index (self->ids, gint64, position);
}
