/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-context"

#include "config.h"

#include "crm-context.h"
#include "crm-scheduler.h"
#include "crm-store.h"

/* The one object that owns what the whole application shares: the data
 * folder and its store. Widgets are handed it; nothing reaches for a global. */
struct _CrmContext
{
  GObject   parent_instance;

  char         *data_dir;
  /* A shared database's connection string, or NULL for the file. */
  char         *database;
  CrmStore     *store;
  CrmScheduler *scheduler;
  guint         refresh_id;
};

/* Figures cover a moving window (the last 365 days): rebuild them now and
 * then so that a window left open for days stays right. */
#define REFRESH_SECONDS (60 * 60)

G_DEFINE_FINAL_TYPE (CrmContext, crm_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATA_DIR,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crm_context_finalize (GObject *object)
{
  CrmContext *self = (CrmContext *) object;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->store);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->database, g_free);

  G_OBJECT_CLASS (crm_context_parent_class)->finalize (object);
}

static void
crm_context_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CrmContext *self = CRM_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_DATA_DIR:
      g_value_set_string (value, self->data_dir);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
refresh_cb (gpointer user_data)
{
  CrmContext *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!crm_store_refresh_all (self->store, &error))
    g_warning ("Could not bring the figures up to date: %s", error->message);

  return G_SOURCE_CONTINUE;
}

static void
crm_context_class_init (CrmContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = crm_context_finalize;
  object_class->get_property = crm_context_get_property;

  properties[PROP_DATA_DIR] =
    g_param_spec_string ("data-dir", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, CRM_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crm_context_init (CrmContext *self)
{
}

/**
 * crm_context_default_data_dir:
 *
 * The folder used when no --data-dir is given: $CLIENTELE_DATA_DIR when it
 * is set and not empty, else $XDG_DATA_HOME/clientele.
 *
 * Returns: (transfer full): an absolute or relative path
 */
char *
crm_context_default_data_dir (void)
{
  const char *env = g_getenv ("CLIENTELE_DATA_DIR");

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "clientele", NULL);
}

/**
 * crm_context_default_database:
 *
 * The shared database used when no --database is given:
 * $CLIENTELE_DATABASE when it is set and not empty.
 *
 * Returns: (transfer full) (nullable): a connection string, or %NULL for
 *   the file in the data folder
 */
char *
crm_context_default_database (void)
{
  const char *env = g_getenv ("CLIENTELE_DATABASE");

  return env != NULL && env[0] != '\0' ? g_strdup (env) : NULL;
}

/**
 * crm_context_new:
 * @data_dir: the shop's data folder
 * @database: (nullable): a shared PostgreSQL database (postgresql://… or
 *   a libpq connection string), or %NULL for the file in @data_dir
 *
 * Returns: (transfer full): a context with its store open, or %NULL with
 *   @error set to a message for the user
 */
CrmContext *
crm_context_new (const char  *data_dir,
                 const char  *database,
                 GError     **error)
{
  g_autoptr(CrmStore) store = NULL;

  g_return_val_if_fail (data_dir != NULL, NULL);

  store = crm_store_open_database (data_dir, database, error);
  if (store == NULL)
    return NULL;

  return crm_context_new_for_store (data_dir, database, store);
}

/**
 * crm_context_new_for_store:
 * @database: (nullable): what @store was opened on, as for crm_context_new()
 * @store: the shop, opened elsewhere (a worker thread may open it)
 *
 * Returns: (transfer full): a context on @store
 */
CrmContext *
crm_context_new_for_store (const char *data_dir,
                           const char *database,
                           CrmStore   *store)
{
  g_autoptr(CrmContext) self = NULL;

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (CRM_IS_STORE (store), NULL);

  self = g_object_new (CRM_TYPE_CONTEXT, NULL);
  self->data_dir = g_strdup (data_dir);
  self->database = database != NULL && database[0] != '\0' ? g_strdup (database) : NULL;
  self->store = g_object_ref (store);

  /* Other PCs' (and programs') changes reach the window by themselves. */
  crm_store_set_watching (self->store, TRUE);

  refresh_cb (self);
  self->refresh_id = g_timeout_add_seconds (REFRESH_SECONDS, refresh_cb, self);

  /* Started by whoever announces reminders, once they listen. */
  self->scheduler = crm_scheduler_new (self->store);

  return g_steal_pointer (&self);
}

/* The shared database's connection string (it may hold a password:
 * never show it; crm_store_get_path() is what messages name), or NULL. */
const char *
crm_context_get_database (CrmContext *self)
{
  g_return_val_if_fail (CRM_IS_CONTEXT (self), NULL);

  return self->database;
}

const char *
crm_context_get_data_dir (CrmContext *self)
{
  g_return_val_if_fail (CRM_IS_CONTEXT (self), NULL);

  return self->data_dir;
}

CrmStore *
crm_context_get_store (CrmContext *self)
{
  g_return_val_if_fail (CRM_IS_CONTEXT (self), NULL);

  return self->store;
}

/**
 * crm_context_get_scheduler:
 *
 * Returns: (transfer none): the reminder scheduler (not started until
 *   crm_scheduler_start())
 */
CrmScheduler *
crm_context_get_scheduler (CrmContext *self)
{
  g_return_val_if_fail (CRM_IS_CONTEXT (self), NULL);

  return self->scheduler;
}
