/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crm-follow-up.h"

G_BEGIN_DECLS

struct _CrmFollowUp
{
  GObject  parent_instance;

  gint64   id;
  gint64   customer_id;
  char    *customer_name;
  gboolean key_client;
  gint64   due_at;
  gint64   snoozed_until;
  char    *note;
  guint    repeat_days;
  gint64   notified_at;
  gint64   done_at;
};

G_END_DECLS
