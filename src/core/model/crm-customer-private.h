/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crm-customer.h"

G_BEGIN_DECLS

/* Filled by the store from one row; a CrmCustomer is a read-only snapshot. */
struct _CrmCustomer
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *phone;
  char    *email;
  char    *address;
  char    *birthday;
  char    *notes;
  char   **tags;
  char    *segment_override;
  gboolean archived;

  gboolean rule_key;
  gint64   spend;
  guint    purchases;
  guint    total_purchases;
  gint64   first_purchase_at;
  gint64   last_purchase_at;
  gint64   last_visit_at;
  gint64   revenue_total;
  gboolean at_risk;
  gint64   usual_interval;

  char    *language;
  char    *channel;
  char    *telegram;
  gboolean marketing_consent;
  char    *consent_date;
  char    *consent_source;
};

G_END_DECLS
