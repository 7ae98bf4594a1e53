/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The schema: each numbered step's SQL, the runner that brings a database
 * up to date one step per transaction, and the check that a database is
 * Clientele's and not newer than this program. Part of CrmStore. */

#define G_LOG_DOMAIN "crm-store"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-store-private.h"

/* Times are Unix seconds in UTC, money is integer minor units of the shop's
 * currency (settings key "shop.currency"). docs/schema.md explains every
 * column; keep the two in step. */
static const char schema_1[] =
  "CREATE TABLE settings ("
  "  key   TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"

  "CREATE TABLE staff ("
  "  id          INTEGER PRIMARY KEY,"
  "  name        TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  language    TEXT NOT NULL DEFAULT '' CHECK (language IN ('', 'en', 'ka', 'hy')),"
  "  archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),"
  "  created_at  INTEGER NOT NULL"
  ");"

  "CREATE TABLE customers ("
  "  id               INTEGER PRIMARY KEY,"
  "  name             TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  phone            TEXT NOT NULL DEFAULT '',"
  "  email            TEXT NOT NULL DEFAULT '',"
  "  address          TEXT NOT NULL DEFAULT '',"
  "  birthday         TEXT CHECK (birthday IS NULL OR birthday GLOB"
  "                     '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
  "  notes            TEXT NOT NULL DEFAULT '',"
  "  segment_override TEXT CHECK (segment_override IN ('key', 'secondary')),"
  "  archived_at      INTEGER,"
  "  created_at       INTEGER NOT NULL,"
  "  updated_at       INTEGER NOT NULL"
  ");"
  "CREATE INDEX customers_phone ON customers (phone) WHERE phone <> '';"
  "CREATE INDEX customers_email ON customers (email) WHERE email <> '';"

  "CREATE TABLE tags ("
  "  id   INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length (trim (name)) > 0)"
  ");"

  "CREATE TABLE customer_tags ("
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  tag_id      INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (customer_id, tag_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX customer_tags_tag ON customer_tags (tag_id);"

  "CREATE TABLE purchases ("
  "  id          INTEGER PRIMARY KEY,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  at          INTEGER NOT NULL,"
  "  amount      INTEGER NOT NULL,"
  "  description TEXT NOT NULL DEFAULT '',"
  "  staff_id    INTEGER REFERENCES staff (id) ON DELETE SET NULL,"
  "  created_at  INTEGER NOT NULL"
  ");"
  "CREATE INDEX purchases_customer_at ON purchases (customer_id, at);"
  "CREATE INDEX purchases_at ON purchases (at);"

  "CREATE TABLE interactions ("
  "  id          INTEGER PRIMARY KEY,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  at          INTEGER NOT NULL,"
  "  kind        TEXT NOT NULL CHECK (kind IN ('call', 'visit', 'message', 'email', 'other')),"
  "  note        TEXT NOT NULL DEFAULT '',"
  "  staff_id    INTEGER REFERENCES staff (id) ON DELETE SET NULL"
  ");"
  "CREATE INDEX interactions_customer_at ON interactions (customer_id, at);"

  "CREATE TABLE follow_ups ("
  "  id            INTEGER PRIMARY KEY,"
  "  customer_id   INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  due_at        INTEGER NOT NULL,"
  "  note          TEXT NOT NULL DEFAULT '',"
  "  repeat_days   INTEGER CHECK (repeat_days IS NULL OR repeat_days > 0),"
  "  snoozed_until INTEGER,"
  "  notified_at   INTEGER,"
  "  done_at       INTEGER,"
  "  created_at    INTEGER NOT NULL"
  ");"
  "CREATE INDEX follow_ups_pending ON follow_ups (due_at) WHERE done_at IS NULL;"
  "CREATE INDEX follow_ups_customer ON follow_ups (customer_id);"

  "CREATE TABLE feedback ("
  "  id            INTEGER PRIMARY KEY,"
  "  customer_id   INTEGER REFERENCES customers (id) ON DELETE SET NULL,"
  "  received_at   INTEGER NOT NULL,"
  "  kind          TEXT NOT NULL CHECK (kind IN ('complaint', 'praise', 'suggestion', 'question')),"
  "  rating        INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),"
  "  channel       TEXT NOT NULL DEFAULT 'in-store'"
  "                  CHECK (channel IN ('in-store', 'phone', 'email', 'social', 'other')),"
  "  text          TEXT NOT NULL DEFAULT '',"
  "  status        TEXT NOT NULL DEFAULT 'new'"
  "                  CHECK (status IN ('new', 'in_progress', 'resolved')),"
  "  is_read       INTEGER NOT NULL DEFAULT 0 CHECK (is_read IN (0, 1)),"
  "  response      TEXT,"
  "  responded_at  INTEGER,"
  "  resolved_at   INTEGER,"
  "  staff_id      INTEGER REFERENCES staff (id) ON DELETE SET NULL"
  ");"
  "CREATE INDEX feedback_received ON feedback (received_at);"
  "CREATE INDEX feedback_customer ON feedback (customer_id);"

  "CREATE TABLE rewards ("
  "  id          INTEGER PRIMARY KEY,"
  "  name        TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  points_cost INTEGER NOT NULL CHECK (points_cost > 0),"
  "  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))"
  ");"

  "CREATE TABLE loyalty_ledger ("
  "  id          INTEGER PRIMARY KEY,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  at          INTEGER NOT NULL,"
  "  points      INTEGER NOT NULL CHECK (points <> 0),"
  "  reason      TEXT NOT NULL DEFAULT '',"
  "  purchase_id INTEGER REFERENCES purchases (id) ON DELETE SET NULL,"
  "  reward_id   INTEGER REFERENCES rewards (id) ON DELETE SET NULL,"
  "  staff_id    INTEGER REFERENCES staff (id) ON DELETE SET NULL"
  ");"
  "CREATE INDEX loyalty_ledger_customer ON loyalty_ledger (customer_id, at);";

/* PostgreSQL's form of step 1: the same tables, with bigint ids drawn
 * from identity columns, bigint times and money, a regular expression for
 * the birthday's shape and a unique index on lower (name) for tags (no
 * NOCASE collation there). */
static const char schema_1_pg[] =
  "CREATE TABLE settings ("
  "  key   text PRIMARY KEY NOT NULL,"
  "  value text NOT NULL"
  ");"

  "CREATE TABLE staff ("
  "  id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
  "  name        text NOT NULL CHECK (length (trim (name)) > 0),"
  "  language    text NOT NULL DEFAULT '' CHECK (language IN ('', 'en', 'ka', 'hy')),"
  "  archived    bigint NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),"
  "  created_at  bigint NOT NULL"
  ");"

  "CREATE TABLE customers ("
  "  id               bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
  "  name             text NOT NULL CHECK (length (trim (name)) > 0),"
  "  phone            text NOT NULL DEFAULT '',"
  "  email            text NOT NULL DEFAULT '',"
  "  address          text NOT NULL DEFAULT '',"
  "  birthday         text CHECK (birthday IS NULL OR birthday ~"
  "                     '^[0-9]{4}-[0-1][0-9]-[0-3][0-9]$'),"
  "  notes            text NOT NULL DEFAULT '',"
  "  segment_override text CHECK (segment_override IN ('key', 'secondary')),"
  "  archived_at      bigint,"
  "  created_at       bigint NOT NULL,"
  "  updated_at       bigint NOT NULL"
  ");"
  "CREATE INDEX customers_phone ON customers (phone) WHERE phone <> '';"
  "CREATE INDEX customers_email ON customers (email) WHERE email <> '';"

  "CREATE TABLE tags ("
  "  id   bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
  "  name text NOT NULL CHECK (length (trim (name)) > 0)"
  ");"
  "CREATE UNIQUE INDEX tags_name ON tags (lower (name));"

  "CREATE TABLE customer_tags ("
  "  customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  tag_id      bigint NOT NULL REFERENCES tags (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (customer_id, tag_id)"
  ");"
  "CREATE INDEX customer_tags_tag ON customer_tags (tag_id);"

  "CREATE TABLE purchases ("
  "  id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
  "  customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  at          bigint NOT NULL,"
  "  amount      bigint NOT NULL,"
  "  description text NOT NULL DEFAULT '',"
  "  staff_id    bigint REFERENCES staff (id) ON DELETE SET NULL,"
  "  created_at  bigint NOT NULL"
  ");"
  "CREATE INDEX purchases_customer_at ON purchases (customer_id, at);"
  "CREATE INDEX purchases_at ON purchases (at);"

  "CREATE TABLE interactions ("
  "  id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
  "  customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  at          bigint NOT NULL,"
  "  kind        text NOT NULL CHECK (kind IN ('call', 'visit', 'message', 'email', 'other')),"
  "  note        text NOT NULL DEFAULT '',"
  "  staff_id    bigint REFERENCES staff (id) ON DELETE SET NULL"
  ");"
  "CREATE INDEX interactions_customer_at ON interactions (customer_id, at);"

  "CREATE TABLE follow_ups ("
  "  id            bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
  "  customer_id   bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  due_at        bigint NOT NULL,"
  "  note          text NOT NULL DEFAULT '',"
  "  repeat_days   bigint CHECK (repeat_days IS NULL OR repeat_days > 0),"
  "  snoozed_until bigint,"
  "  notified_at   bigint,"
  "  done_at       bigint,"
  "  created_at    bigint NOT NULL"
  ");"
  "CREATE INDEX follow_ups_pending ON follow_ups (due_at) WHERE done_at IS NULL;"
  "CREATE INDEX follow_ups_customer ON follow_ups (customer_id);"

  "CREATE TABLE feedback ("
  "  id            bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
  "  customer_id   bigint REFERENCES customers (id) ON DELETE SET NULL,"
  "  received_at   bigint NOT NULL,"
  "  kind          text NOT NULL CHECK (kind IN ('complaint', 'praise', 'suggestion', 'question')),"
  "  rating        bigint CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),"
  "  channel       text NOT NULL DEFAULT 'in-store'"
  "                  CHECK (channel IN ('in-store', 'phone', 'email', 'social', 'other')),"
  "  text          text NOT NULL DEFAULT '',"
  "  status        text NOT NULL DEFAULT 'new'"
  "                  CHECK (status IN ('new', 'in_progress', 'resolved')),"
  "  is_read       bigint NOT NULL DEFAULT 0 CHECK (is_read IN (0, 1)),"
  "  response      text,"
  "  responded_at  bigint,"
  "  resolved_at   bigint,"
  "  staff_id      bigint REFERENCES staff (id) ON DELETE SET NULL"
  ");"
  "CREATE INDEX feedback_received ON feedback (received_at);"
  "CREATE INDEX feedback_customer ON feedback (customer_id);"

  "CREATE TABLE rewards ("
  "  id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
  "  name        text NOT NULL CHECK (length (trim (name)) > 0),"
  "  points_cost bigint NOT NULL CHECK (points_cost > 0),"
  "  active      bigint NOT NULL DEFAULT 1 CHECK (active IN (0, 1))"
  ");"

  "CREATE TABLE loyalty_ledger ("
  "  id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
  "  customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  at          bigint NOT NULL,"
  "  points      bigint NOT NULL CHECK (points <> 0),"
  "  reason      text NOT NULL DEFAULT '',"
  "  purchase_id bigint REFERENCES purchases (id) ON DELETE SET NULL,"
  "  reward_id   bigint REFERENCES rewards (id) ON DELETE SET NULL,"
  "  staff_id    bigint REFERENCES staff (id) ON DELETE SET NULL"
  ");"
  "CREATE INDEX loyalty_ledger_customer ON loyalty_ledger (customer_id, at);";

/* Search keys are computed in C (crm-text.c) by the code that writes a
 * customer; the cached figures behind segmentation live in customer_stats,
 * which can always be rebuilt from purchases and interactions. */
static const char schema_2[] =
  "ALTER TABLE customers ADD COLUMN name_key TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE customers ADD COLUMN search_text TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE customers ADD COLUMN phone_key TEXT NOT NULL DEFAULT '';"
  /* "Keep in touch" dismissed: counts as a contact for the cadence. */
  "ALTER TABLE customers ADD COLUMN touch_dismissed_at INTEGER;"
  /* The list reads everything it needs from this index in name order. */
  "CREATE INDEX customers_active_list ON customers (name_key, id, search_text, phone_key, segment_override) "
  "  WHERE archived_at IS NULL;"
  "CREATE INDEX customers_archived ON customers (id) WHERE archived_at IS NOT NULL;"
  "CREATE INDEX customers_phone_key ON customers (phone_key) WHERE phone_key <> '';"

  /* Covering: one pass over this index aggregates every customer, and
   * the date index feeds a period's figures without touching the table. */
  "DROP INDEX purchases_at;"
  "CREATE INDEX purchases_at ON purchases (at, customer_id, amount);"
  "DROP INDEX purchases_customer_at;"
  "CREATE INDEX purchases_customer_at_amount ON purchases (customer_id, at, amount);"

  "CREATE TABLE customer_stats ("
  "  customer_id       INTEGER PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,"
  "  spend             INTEGER NOT NULL DEFAULT 0,"
  "  purchases         INTEGER NOT NULL DEFAULT 0,"
  "  total_purchases   INTEGER NOT NULL DEFAULT 0,"
  "  first_purchase_at INTEGER,"
  "  last_purchase_at  INTEGER,"
  "  last_visit_at     INTEGER,"
  "  rule_key          INTEGER NOT NULL DEFAULT 0 CHECK (rule_key IN (0, 1))"
  ");"
  "CREATE INDEX customer_stats_spend ON customer_stats (spend, rule_key);"
  "CREATE INDEX customer_stats_last_visit ON customer_stats (last_visit_at);"

  /* The reminder scheduler asks only for the next unannounced time. */
  "CREATE INDEX follow_ups_when ON follow_ups (coalesce (snoozed_until, due_at)) "
  "  WHERE done_at IS NULL AND notified_at IS NULL;";

/* The loyalty programme (docs/loyalty.md): what points took off a
 * purchase and whether it earns, the kind of each ledger entry, and the
 * tiers. The ledger stays append-only; a balance is always its sum. */
static const char schema_3[] =
  "ALTER TABLE purchases ADD COLUMN discount INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0);"
  "ALTER TABLE purchases ADD COLUMN earns INTEGER NOT NULL DEFAULT 0 CHECK (earns IN (0, 1));"

  "ALTER TABLE loyalty_ledger ADD COLUMN kind TEXT NOT NULL DEFAULT 'adjust' "
  "  CHECK (kind IN ('earn', 'spend', 'reward', 'adjust', 'expiry'));"
  "UPDATE loyalty_ledger SET kind = CASE WHEN purchase_id IS NOT NULL AND points > 0 THEN 'earn' "
  "  WHEN purchase_id IS NOT NULL THEN 'spend' WHEN reward_id IS NOT NULL THEN 'reward' "
  "  ELSE 'adjust' END;"
  /* A balance reads this index alone; a purchase finds its entries. */
  "CREATE INDEX loyalty_ledger_balance ON loyalty_ledger (customer_id, points);"
  "CREATE INDEX loyalty_ledger_purchase ON loyalty_ledger (purchase_id) WHERE purchase_id IS NOT NULL;"
  "CREATE INDEX loyalty_ledger_at ON loyalty_ledger (at, kind, points);"

  "CREATE TABLE loyalty_tiers ("
  "  id        INTEGER PRIMARY KEY,"
  "  name      TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  min_spend INTEGER NOT NULL UNIQUE CHECK (min_spend >= 0),"
  "  rate      INTEGER NOT NULL DEFAULT 100 CHECK (rate > 0)"
  ");";

/* Several PCs on one shop. Name keys per reading language
 * (crm_text_name_key(): byte order is the language's name order), so
 * that a server that cannot call our comparison can sort names, and the
 * file can too without its collations; which PC announced a follow-up
 * (the claim that makes each reminder pop up on one PC only); and the
 * claims of once-a-day work such as the morning digest. */
static const char schema_4[] =
  "ALTER TABLE customers ADD COLUMN name_key_en TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE customers ADD COLUMN name_key_ka TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE customers ADD COLUMN name_key_hy TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE staff ADD COLUMN name_key_en TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE staff ADD COLUMN name_key_ka TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE staff ADD COLUMN name_key_hy TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE follow_ups ADD COLUMN announced_by TEXT;"
  "CREATE TABLE claims ("
  "  what       TEXT NOT NULL,"
  "  day        TEXT NOT NULL,"
  "  claimed_by TEXT NOT NULL,"
  "  at         INTEGER NOT NULL,"
  "  PRIMARY KEY (what, day)"
  ");";

/* The same, with byte order spelled out for the keys (a server's default
 * collation is a locale's) and an index per language for the list; and
 * the ids of recent commits, which tell after a lost connection whether
 * the last one was saved. */
static const char schema_4_pg[] =
  "ALTER TABLE customers ADD COLUMN name_key_en text COLLATE \"C\" NOT NULL DEFAULT '';"
  "ALTER TABLE customers ADD COLUMN name_key_ka text COLLATE \"C\" NOT NULL DEFAULT '';"
  "ALTER TABLE customers ADD COLUMN name_key_hy text COLLATE \"C\" NOT NULL DEFAULT '';"
  "ALTER TABLE staff ADD COLUMN name_key_en text COLLATE \"C\" NOT NULL DEFAULT '';"
  "ALTER TABLE staff ADD COLUMN name_key_ka text COLLATE \"C\" NOT NULL DEFAULT '';"
  "ALTER TABLE staff ADD COLUMN name_key_hy text COLLATE \"C\" NOT NULL DEFAULT '';"
  "CREATE INDEX customers_list_en ON customers (name_key_en, id) WHERE archived_at IS NULL;"
  "CREATE INDEX customers_list_ka ON customers (name_key_ka, id) WHERE archived_at IS NULL;"
  "CREATE INDEX customers_list_hy ON customers (name_key_hy, id) WHERE archived_at IS NULL;"
  "ALTER TABLE follow_ups ADD COLUMN announced_by text;"
  "CREATE TABLE claims ("
  "  what       text NOT NULL,"
  "  day        text NOT NULL,"
  "  claimed_by text NOT NULL,"
  "  at         bigint NOT NULL,"
  "  PRIMARY KEY (what, day)"
  ");"
  "CREATE TABLE clientele_commits ("
  "  token text PRIMARY KEY,"
  "  at    bigint NOT NULL"
  ");"
  "CREATE INDEX clientele_commits_at ON clientele_commits (at);";

/* The service figures: how easy it was for the customer (1–5) and
 * whether they would recommend the shop (0–10), both optional; whether
 * the entry was resolved by the shop's first response, and when it was
 * last reopened (first-contact resolution counts only entries never
 * reopened). Entries from before are taken as resolved at the first
 * response when both times are the same second, as a one-step answer
 * writes them. */
static const char schema_5[] =
  "ALTER TABLE feedback ADD COLUMN effort INTEGER CHECK (effort IS NULL OR effort BETWEEN 1 AND 5);"
  "ALTER TABLE feedback ADD COLUMN recommend INTEGER CHECK (recommend IS NULL OR recommend BETWEEN 0 AND 10);"
  "ALTER TABLE feedback ADD COLUMN first_contact INTEGER NOT NULL DEFAULT 0 CHECK (first_contact IN (0, 1));"
  "ALTER TABLE feedback ADD COLUMN reopened_at INTEGER;"
  "UPDATE feedback SET first_contact = 1 "
  "  WHERE status = 'resolved' AND responded_at IS NOT NULL AND resolved_at = responded_at;";
/* Messages and privacy (docs/messages.md): how each customer wants to be
 * reached (language, channel, a Telegram username) and their consent to
 * marketing messages with its date and source; the shop's own wording of
 * the message templates (a template without a row here uses the shipped
 * text); and the log of privacy actions, which names the customer's id
 * and the staff member, never the person's details. Written for both
 * engines (INTEGER becomes bigint on PostgreSQL). */
static const char schema_6[] =
  "ALTER TABLE customers ADD COLUMN language TEXT NOT NULL DEFAULT '' "
  "  CHECK (language IN ('', 'en', 'ka', 'hy'));"
  "ALTER TABLE customers ADD COLUMN channel TEXT NOT NULL DEFAULT '' "
  "  CHECK (channel IN ('', 'call', 'sms', 'email', 'whatsapp', 'viber', 'telegram', 'copy'));"
  "ALTER TABLE customers ADD COLUMN telegram TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE customers ADD COLUMN marketing_consent INTEGER NOT NULL DEFAULT 0 "
  "  CHECK (marketing_consent IN (0, 1));"
  "ALTER TABLE customers ADD COLUMN consent_date TEXT;"
  "ALTER TABLE customers ADD COLUMN consent_source TEXT NOT NULL DEFAULT '';"
  "CREATE TABLE message_templates ("
  "  template   TEXT NOT NULL,"
  "  language   TEXT NOT NULL CHECK (language IN ('en', 'ka', 'hy')),"
  "  subject    TEXT NOT NULL DEFAULT '',"
  "  body       TEXT NOT NULL,"
  "  updated_at INTEGER NOT NULL,"
  "  PRIMARY KEY (template, language)"
  ");"
  "CREATE TABLE privacy_log ("
  "  id          INTEGER PRIMARY KEY,"
  "  at          INTEGER NOT NULL,"
  "  action      TEXT NOT NULL CHECK (action IN ('export', 'erase')),"
  "  customer_id INTEGER NOT NULL,"
  "  staff_id    INTEGER REFERENCES staff (id) ON DELETE SET NULL"
  ");";

/* Reasons to get in touch (docs/segments.md). A birthday's month and day
 * in their own column, so that one may be known without the year
 * (birthday stays the whole date when it is known, else NULL) and the
 * day's birthdays are one index range; each buyer's recency, frequency
 * and money scores and the group they make, recomputed with the
 * segments; and the customer list's saved filters. */
static const char schema_7[] =
  "ALTER TABLE customers ADD COLUMN birthday_md TEXT "
  "  CHECK (birthday_md IS NULL OR birthday_md GLOB '[0-1][0-9]-[0-3][0-9]');"
  "UPDATE customers SET birthday_md = substr (birthday, 6, 5) WHERE birthday IS NOT NULL;"
  "CREATE INDEX customers_birthday_md ON customers (birthday_md) "
  "  WHERE birthday_md IS NOT NULL AND archived_at IS NULL;"
  "ALTER TABLE customer_stats ADD COLUMN rfm_r INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE customer_stats ADD COLUMN rfm_f INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE customer_stats ADD COLUMN rfm_m INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE customer_stats ADD COLUMN rfm_bands INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE customer_stats ADD COLUMN rfm_group TEXT NOT NULL DEFAULT '';"
  "CREATE INDEX customer_stats_rfm_group ON customer_stats (rfm_group);"
  "CREATE TABLE saved_lists ("
  "  id         INTEGER PRIMARY KEY,"
  "  name       TEXT NOT NULL CHECK (length (trim (name)) > 0),"
  "  filter     TEXT NOT NULL DEFAULT '',"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE UNIQUE INDEX saved_lists_name ON saved_lists (lower (name));";

/* The same with PostgreSQL's pattern match for the day's shape. */
static const char schema_7_pg[] =
  "ALTER TABLE customers ADD COLUMN birthday_md text "
  "  CHECK (birthday_md IS NULL OR birthday_md ~ '^[0-1][0-9]-[0-3][0-9]$');"
  "UPDATE customers SET birthday_md = substr (birthday, 6, 5) WHERE birthday IS NOT NULL;"
  "CREATE INDEX customers_birthday_md ON customers (birthday_md) "
  "  WHERE birthday_md IS NOT NULL AND archived_at IS NULL;"
  "ALTER TABLE customer_stats ADD COLUMN rfm_r bigint NOT NULL DEFAULT 0;"
  "ALTER TABLE customer_stats ADD COLUMN rfm_f bigint NOT NULL DEFAULT 0;"
  "ALTER TABLE customer_stats ADD COLUMN rfm_m bigint NOT NULL DEFAULT 0;"
  "ALTER TABLE customer_stats ADD COLUMN rfm_bands bigint NOT NULL DEFAULT 0;"
  "ALTER TABLE customer_stats ADD COLUMN rfm_group text NOT NULL DEFAULT '';"
  "CREATE INDEX customer_stats_rfm_group ON customer_stats (rfm_group);"
  "CREATE TABLE saved_lists ("
  "  id         bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
  "  name       text NOT NULL CHECK (length (trim (name)) > 0),"
  "  filter     text NOT NULL DEFAULT '',"
  "  created_at bigint NOT NULL"
  ");"
  "CREATE UNIQUE INDEX saved_lists_name ON saved_lists (lower (name));";

/* The list's order by name in the file as on a server: an index per
 * reading language on its name key, so a sort by name reads the index in
 * order instead of comparing names (PostgreSQL has them from step 4). */
static const char schema_8[] =
  "CREATE INDEX IF NOT EXISTS customers_list_en ON customers (name_key_en, id) WHERE archived_at IS NULL;"
  "CREATE INDEX IF NOT EXISTS customers_list_ka ON customers (name_key_ka, id) WHERE archived_at IS NULL;"
  "CREATE INDEX IF NOT EXISTS customers_list_hy ON customers (name_key_hy, id) WHERE archived_at IS NULL;";

/* Append new steps at the end; never edit one that has shipped. A step
 * without a PostgreSQL form runs on PostgreSQL with INTEGER read as
 * bigint (step_sql()): write its SQL for both engines. */
static const CrmMigration migrations[] = {
  { 1, schema_1, NULL, schema_1_pg },
  { 2, schema_2, crm_store_fill_search_keys, NULL },
  { 3, schema_3, NULL, NULL },
  { 4, schema_4, crm_store_fill_name_keys, schema_4_pg },
  { 5, schema_5, NULL, NULL },
  { 6, schema_6, NULL, NULL },
  { 7, schema_7, NULL, schema_7_pg },
  { 8, schema_8, NULL, NULL },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CRM_STORE_SCHEMA_VERSION);

const CrmMigration *
crm_store_get_migrations (gsize *n_steps)
{
  *n_steps = G_N_ELEMENTS (migrations);
  return migrations;
}

/* Everything here only reads: a database we refuse must stay exactly as
 * it was, so the engine's configuration and the migrations come after. */
gboolean
crm_store_check_schema (CrmStore  *self,
                        gboolean  *empty_out,
                        GError   **error)
{
  gboolean empty = TRUE;
  gint64 app_id = 0;
  gint64 version = 0;

  if (!self->engine->probe (self->conn, &empty, error))
    return FALSE;
  if (empty_out != NULL)
    *empty_out = empty;

  if (!self->engine->get_application_id (self->conn, &app_id) ||
      !self->engine->get_schema_version (self->conn, &version))
    {
      crm_store_set_sql_error (error, self, self->path);
      return FALSE;
    }

  /* A database with tables but neither our id nor a version belongs to
   * some other program: adding our tables to it would damage it. */
  if ((app_id != 0 && app_id != CRM_STORE_APPLICATION_ID) ||
      (app_id == 0 && version == 0 && !empty))
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_FOREIGN_DATABASE,
                   _("“%s” belongs to another program, not to Clientele. "
                     "It has been left exactly as it was."),
                   self->path);
      return FALSE;
    }

  if (version < 0 || version > CRM_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_NEWER_SCHEMA,
                   _("“%s” was saved by a newer version of Clientele "
                     "(database version %d, this program knows up to %d). "
                     "It has been left untouched: please update Clientele to open it."),
                   self->path, (int) version, CRM_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

/* The step's SQL for this store's engine: SQLite's INTEGER is 64 bits
 * wide, PostgreSQL's 32, so a step without a PostgreSQL form gets
 * bigint there (the word in capitals only, as the steps write types),
 * and its rowid keys become identity columns that also take a given id
 * (an undone delete puts a row back with its own). */
static char *
step_sql (CrmStore           *self,
          const CrmMigration *step)
{
  g_autoptr(GRegex) rowid = NULL;
  g_autoptr(GRegex) integer = NULL;
  g_autofree char *keys = NULL;

  if (self->engine == &crm_store_sqlite_engine)
    return g_strdup (step->sql);
  if (step->pg_sql != NULL)
    return g_strdup (step->pg_sql);

  rowid = g_regex_new ("\\bINTEGER PRIMARY KEY\\b", G_REGEX_DEFAULT, G_REGEX_MATCH_DEFAULT, NULL);
  keys = g_regex_replace_literal (rowid, step->sql, -1, 0,
                                  "bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
                                  G_REGEX_MATCH_DEFAULT, NULL);
  integer = g_regex_new ("\\bINTEGER\\b", G_REGEX_DEFAULT, G_REGEX_MATCH_DEFAULT, NULL);
  return g_regex_replace_literal (integer, keys, -1, 0, "bigint", G_REGEX_MATCH_DEFAULT, NULL);
}

static gboolean
set_schema_version (CrmStore  *self,
                    guint      version,
                    GError   **error)
{
  if (self->engine->set_schema_version (self->conn, version))
    return TRUE;

  crm_store_set_sql_error (error, self, "schema version");
  return FALSE;
}

/**
 * crm_store_run_migrations:
 * @steps: (array length=n_steps): numbered steps, lowest first
 *
 * Runs every step the database has not had yet, each in its own write
 * transaction together with the new version number: a step that fails
 * leaves the database at the step before, and says which step failed.
 */
gboolean
crm_store_run_migrations (CrmStore            *self,
                          const CrmMigration  *steps,
                          gsize                n_steps,
                          GError             **error)
{
  gint64 version = 0;

  /* Up to date, as nearly every opening finds it: no write lock, which
   * would wait for another writer, or for the check of a shop opened
   * before it (crm_store_open_checking()). */
  if (n_steps > 0 && self->engine->get_schema_version (self->conn, &version) &&
      version >= steps[n_steps - 1].version)
    return TRUE;

  for (gsize i = 0; i < n_steps; i++)
    {
      g_autoptr(GError) local_error = NULL;
      gint64 current = 0;
      gboolean ok;

      /* The write lock comes first, so that two programs opening the same
       * database cannot both run a step; the version is re-read under it. */
      if (!crm_store_lock (self, CRM_STORE_LOCK_WRITE, error))
        return FALSE;

      if (!self->engine->get_schema_version (self->conn, &current))
        {
          crm_store_set_sql_error (&local_error, self, "schema version");
          ok = FALSE;
        }
      else if ((guint64) current >= steps[i].version)
        {
          if (!crm_store_unlock (self, TRUE, error))
            return FALSE;
          continue;
        }
      else
        {
          g_autofree char *sql = step_sql (self, &steps[i]);

          ok = crm_store_exec (self, sql, &local_error) &&
               (steps[i].after == NULL || steps[i].after (self, &local_error)) &&
               set_schema_version (self, steps[i].version, &local_error);
        }

      /* A failed commit has rolled back and set local_error. */
      if (!crm_store_unlock (self, ok, ok ? &local_error : NULL))
        {
          g_set_error (error, CRM_STORE_ERROR, CRM_STORE_ERROR_MIGRATION,
                       _("Could not update the database to version %u: %s"),
                       steps[i].version, local_error->message);
          return FALSE;
        }

      g_debug ("Database migrated to schema %u", steps[i].version);
    }

  return TRUE;
}

/* After crm_store_check_schema() and the engine's configuration: stamps
 * the database as Clientele's and brings its schema up to date. */
gboolean
crm_store_upgrade_schema (CrmStore  *self,
                          GError   **error)
{
  gint64 app_id = 0;
  gint64 version = 0;

  /* Stamped once: rewriting the same id would be a write every other
   * connection sees as a change. */
  if (!self->engine->get_application_id (self->conn, &app_id) ||
      (app_id != CRM_STORE_APPLICATION_ID &&
       !self->engine->set_application_id (self->conn, CRM_STORE_APPLICATION_ID)))
    {
      crm_store_set_sql_error (error, self, "application id");
      return FALSE;
    }

  if (!crm_store_run_migrations (self, migrations, G_N_ELEMENTS (migrations), error))
    return FALSE;

  if (!self->engine->get_schema_version (self->conn, &version))
    {
      crm_store_set_sql_error (error, self, "schema version");
      return FALSE;
    }
  self->schema_version = (guint) version;

  return TRUE;
}
