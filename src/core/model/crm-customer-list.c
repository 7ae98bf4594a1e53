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
  gint64            touched;   /* what changed since the rows were read: an id, or -1 for any */

  /* A big list reads its rows on a worker, on a connection of its own
   * (reader, only ever used by the one query in flight); a result that
   * a newer request overtook is dropped. */
  guint             worker_from;
  CrmStore         *reader;
  GCancellable     *cancellable;
  guint             generation;
  gboolean          in_flight;
  gboolean          again;
  /* Only the first rows are read yet (crm_customer_list_new_big()):
   * until the worker brings the rest, every query goes to it. */
  gboolean          first_rows_only;
  guint             n_built;

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

/* What a big list reads here before its worker reads the rest: more
 * than GTK 4.8's list view builds rows for around the top one, so that
 * the rest arrives below them and builds nothing. */
#define FIRST_ROWS 256

enum
{
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

  self->n_built++;
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

/* One items-changed for the rows that differ: the common head and tail
 * of the old and new rows stay, so that a view keeps its rows, its
 * scroll position and its focus there, and builds only what is new. A
 * @touched customer (its figures changed) is never in the head or tail;
 * -1 means any row may have changed. */
static void
emit_changes (CrmCustomerList *self,
              GArray          *old_ids,
              gint64           touched)
{
  const gint64 *old = (const gint64 *) old_ids->data;
  const gint64 *new = (const gint64 *) self->ids->data;
  guint old_n = old_ids->len;
  guint new_n = self->ids->len;
  guint head = 0;
  guint tail = 0;

  if (touched >= 0)
    {
      while (head < old_n && head < new_n && old[head] == new[head] && old[head] != touched)
        head++;
      /* cppcheck-suppress knownConditionTrueFalse ; head moved in the loop above */
      while (tail < old_n - head && tail < new_n - head &&
             old[old_n - 1 - tail] == new[new_n - 1 - tail] && new[new_n - 1 - tail] != touched)
        tail++;
    }

  /* cppcheck-suppress knownConditionTrueFalse ; head and tail moved in the loops above */
  if (old_n - head - tail == 0 && new_n - head - tail == 0)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), head, old_n - head - tail, new_n - head - tail);
}

/* Narrows the base rows to the search: every word must appear in the
 * folded name, e-mail, notes or tags; a phone-like search may match the
 * phone's digits instead. */
static void
apply_search (CrmCustomerList *self,
              gint64           touched)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *phone_key = NULL;
  g_autoptr(GArray) old_ids = NULL;

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

  old_ids = g_steal_pointer (&self->ids);
  self->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->base->ids->len);
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

  emit_changes (self, old_ids, touched);
}

/* What a query needs, copied so that a worker can run it after the
 * list's own filters have moved on. */
typedef struct
{
  CrmCustomerQuery  query;
  char             *tag;
  char             *rfm_group;
  guint             generation;
} QueryJob;

static void
query_job_free (QueryJob *job)
{
  g_free (job->tag);
  g_free (job->rfm_group);
  g_free (job);
}

static QueryJob *
query_job_new (CrmCustomerList *self)
{
  QueryJob *job = g_new0 (QueryJob, 1);
  CrmCustomerQuery *query = &job->query;

  job->tag = g_strdup (self->tag);
  job->rfm_group = g_strdup (self->rfm_group);
  job->generation = self->generation;
  query->segment = self->segment;
  query->tag = job->tag;
  query->not_seen_days = self->not_seen_days;
  query->at_risk = self->at_risk;
  query->sort = self->sort;
  query->descending = self->descending;
  query->language = crm_text_ui_language ();   /* a static string */
  query->now = crm_store_now (self->store);
  query->tier_id = self->tier_id;
  query->tier_from = crm_loyalty_months_before (query->now, 12);
  query->rfm_group = job->rfm_group;

  return job;
}

/* The rows are read: swap them in and tell the view what moved. */
static void
take_rows (CrmCustomerList *self,
           CrmCustomerRows *rows)
{
  gint64 touched = self->touched;

  self->touched = 0;
  if (touched != 0)
    g_hash_table_remove_all (self->cache);

  g_clear_pointer (&self->base, crm_customer_rows_free);
  self->base = rows;
  apply_search (self, touched);
}

/* A shop opened before its check may turn out damaged: its reads fail
 * until the check, a moment later, puts the recovery page up. */
static gboolean
is_damage (const GError *error)
{
  return g_error_matches (error, CRM_STORE_ERROR, CRM_STORE_ERROR_DAMAGED) ||
         g_error_matches (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NOT_A_DATABASE);
}

static CrmCustomerRows *
query_rows (CrmStore         *store,
            const QueryJob   *job)
{
  g_autoptr(GError) error = NULL;
  CrmCustomerRows *rows;

  rows = crm_store_query_customer_rows (store, &job->query, &error);
  if (rows == NULL)
    {
      if (is_damage (error))
        g_debug ("customer list query: %s", error->message);
      else
        g_critical ("customer list query: %s", error->message);
      rows = crm_customer_rows_new ();
    }

  return rows;
}

static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CrmCustomerList *self = source_object;
  const QueryJob *job = task_data;
  g_autoptr(GError) error = NULL;
  CrmCustomerRows *rows;

  /* Only the query in flight uses the reader, so it is safe here. */
  if (self->reader == NULL)
    self->reader = crm_store_reopen (self->store, &error);
  if (self->reader == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  rows = crm_store_query_customer_rows (self->reader, &job->query, &error);
  if (rows == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, rows, (GDestroyNotify) crm_customer_rows_free);
}

static void start_query (CrmCustomerList *self);

static void
query_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  CrmCustomerList *self = CRM_CUSTOMER_LIST (object);
  const QueryJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  CrmCustomerRows *rows;

  rows = g_task_propagate_pointer (G_TASK (result), &error);
  self->in_flight = FALSE;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (job->generation != self->generation)
    {
      /* Overtaken: a newer request runs now (or ran here), this result
       * is stale. */
      g_clear_pointer (&rows, crm_customer_rows_free);
      if (self->again)
        {
          self->again = FALSE;
          start_query (self);
        }
      else
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
      return;
    }

  /* The worker could not open its connection: read here instead. */
  if (rows == NULL && is_damage (error))
    rows = crm_customer_rows_new ();
  else if (rows == NULL)
    {
      g_warning ("customer list worker: %s", error->message);
      rows = query_rows (self->store, job);
    }

  self->first_rows_only = FALSE;
  take_rows (self, rows);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
start_query (CrmCustomerList *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->in_flight)
    {
      self->again = TRUE;
      return;
    }

  self->in_flight = TRUE;
  task = g_task_new (self, self->cancellable, query_done_cb, NULL);
  g_task_set_source_tag (task, start_query);
  g_task_set_task_data (task, query_job_new (self), (GDestroyNotify) query_job_free);
  g_task_run_in_thread (task, query_thread);
}

/**
 * crm_customer_list_refresh:
 *
 * Asks the store again; called on every store change that the rows
 * show, unless paused. A list of crm_customer_list_set_worker_from()
 * rows or more asks on a worker and keeps showing its rows until the
 * new ones are there (#CrmCustomerList:loading).
 */
void
crm_customer_list_refresh (CrmCustomerList *self)
{
  QueryJob *job;

  g_return_if_fail (CRM_IS_CUSTOMER_LIST (self));

  self->dirty = FALSE;
  self->generation++;

  if (self->base->ids->len >= self->worker_from || self->first_rows_only)
    {
      gboolean was_loading = self->in_flight;

      start_query (self);
      if (!was_loading)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
      return;
    }

  /* A small list: faster here than a thread's round trip. A result in
   * flight is stale now. */
  if (self->in_flight)
    self->again = FALSE;
  job = query_job_new (self);
  take_rows (self, query_rows (self->store, job));
  query_job_free (job);
}

/**
 * crm_customer_list_get_loading:
 *
 * Returns: whether new rows are being read on a worker
 */
gboolean
crm_customer_list_get_loading (CrmCustomerList *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_LIST (self), FALSE);

  return self->in_flight;
}

/**
 * crm_customer_list_set_worker_from:
 * @n_rows: read the rows on a worker when the list has this many or more;
 *   0 for always, %G_MAXUINT (the default) for never
 */
void
crm_customer_list_set_worker_from (CrmCustomerList *self,
                                   guint            n_rows)
{
  g_return_if_fail (CRM_IS_CUSTOMER_LIST (self));

  self->worker_from = n_rows;
}

/**
 * crm_customer_list_get_n_built:
 *
 * Returns: how many row objects the list has read from the store: what
 *   a view asked for (tests check that a sort does not ask for every row)
 */
guint
crm_customer_list_get_n_built (CrmCustomerList *self)
{
  g_return_val_if_fail (CRM_IS_CUSTOMER_LIST (self), 0);

  return self->n_built;
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
  /* What the rows show or filter by; follow-ups, feedback and staff
   * are not among it. */
  const guint shown = CRM_STORE_CHANGE_CUSTOMERS | CRM_STORE_CHANGE_PURCHASES |
                      CRM_STORE_CHANGE_INTERACTIONS | CRM_STORE_CHANGE_SETTINGS |
                      CRM_STORE_CHANGE_SEGMENTS | CRM_STORE_CHANGE_LOYALTY;

  if ((change & shown) == 0)
    return;

  if (customer_id > 0 && (self->touched == 0 || self->touched == customer_id))
    self->touched = customer_id;
  else
    self->touched = -1;

  if (self->paused)
    self->dirty = TRUE;
  else
    crm_customer_list_refresh (self);
}

static void
crm_customer_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CrmCustomerList *self = CRM_CUSTOMER_LIST (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->in_flight);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crm_customer_list_dispose (GObject *object)
{
  CrmCustomerList *self = CRM_CUSTOMER_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_signal_handler (&self->changed_id, self->store);

  G_OBJECT_CLASS (crm_customer_list_parent_class)->dispose (object);
}

static void
crm_customer_list_finalize (GObject *object)
{
  CrmCustomerList *self = CRM_CUSTOMER_LIST (object);

  g_clear_object (&self->reader);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
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

  object_class->get_property = crm_customer_list_get_property;
  object_class->dispose = crm_customer_list_dispose;
  object_class->finalize = crm_customer_list_finalize;

  /**
   * CrmCustomerList:loading:
   *
   * Whether new rows are being read on a worker: the old ones show
   * until then.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_customer_list_init (CrmCustomerList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->base = crm_customer_rows_new ();
  self->cancellable = g_cancellable_new ();
  self->worker_from = G_MAXUINT;
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

/* A list that follows @store's changes, with no rows read yet. */
static CrmCustomerList *
list_new (CrmStore *store)
{
  CrmCustomerList *self = g_object_new (CRM_TYPE_CUSTOMER_LIST, NULL);

  self->store = g_object_ref (store);
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  return self;
}

/**
 * crm_customer_list_new_big:
 * @worker_from: as for crm_customer_list_set_worker_from()
 *
 * A list for a window: its first rows are read here, a screenful and
 * more (a quick read in the list's order), and the rest on a worker, so
 * that a big shop shows its first customers before all its rows are
 * read. The rows read later are added after the first ones.
 *
 * Returns: (transfer full): the list
 */
CrmCustomerList *
crm_customer_list_new_big (CrmStore *store,
                           guint     worker_from)
{
  CrmCustomerList *self;
  QueryJob *job;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  self = list_new (store);
  self->worker_from = worker_from;
  job = query_job_new (self);
  job->query.limit = FIRST_ROWS;
  take_rows (self, query_rows (self->store, job));
  query_job_free (job);

  /* Fewer than asked for: that was all of them. */
  if (self->base->ids->len == FIRST_ROWS)
    {
      self->first_rows_only = TRUE;
      crm_customer_list_refresh (self);
    }

  return self;
}

CrmCustomerList *
crm_customer_list_new (CrmStore *store)
{
  CrmCustomerList *self;

  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  self = list_new (store);
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
  apply_search (self, 0);
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
  g_auto(CrmListFilter) parsed = { 0 };
  const char *segment, *tag, *group, *search;

  g_return_val_if_fail (CRM_IS_CUSTOMER_LIST (self), FALSE);

  if (!crm_list_filter_parse (filter, &parsed))
    return FALSE;
  segment = parsed.segment;
  tag = parsed.tag;
  group = parsed.group;
  search = parsed.search;

  /* One query for all of it, not one per filter. */
  self->segment = g_strcmp0 (segment, "key") == 0 ? CRM_SEGMENT_FILTER_KEY
                  : g_strcmp0 (segment, "secondary") == 0 ? CRM_SEGMENT_FILTER_SECONDARY
                  : CRM_SEGMENT_FILTER_ALL;
  self->at_risk = parsed.at_risk;
  g_free (self->tag);
  self->tag = tag != NULL && tag[0] != '\0' ? g_strdup (tag) : NULL;
  self->not_seen_days = MIN (parsed.not_seen_days, 100000);
  self->tier_id = parsed.tier;
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

/**
 * crm_list_filter_parse:
 * @text: (nullable): what crm_customer_list_dup_filter() wrote
 * @filter: (out caller-allocates): the filters it names; what it does not
 *   name is "any". Clear it with crm_list_filter_clear().
 *
 * Returns: whether @text was a filter (text from elsewhere is not)
 */
gboolean
crm_list_filter_parse (const char    *text,
                       CrmListFilter *filter)
{
  g_return_val_if_fail (filter != NULL, FALSE);

  memset (filter, 0, sizeof *filter);
  filter->value = text != NULL ? g_variant_parse (G_VARIANT_TYPE_VARDICT, text, NULL, NULL, NULL) : NULL;
  if (filter->value == NULL)
    return FALSE;

  g_variant_lookup (filter->value, "segment", "&s", &filter->segment);
  g_variant_lookup (filter->value, "at-risk", "b", &filter->at_risk);
  g_variant_lookup (filter->value, "tag", "&s", &filter->tag);
  g_variant_lookup (filter->value, "not-seen-days", "u", &filter->not_seen_days);
  g_variant_lookup (filter->value, "tier", "x", &filter->tier);
  g_variant_lookup (filter->value, "group", "&s", &filter->group);
  g_variant_lookup (filter->value, "search", "&s", &filter->search);
  return TRUE;
}

void
crm_list_filter_clear (CrmListFilter *filter)
{
  g_clear_pointer (&filter->value, g_variant_unref);
}
