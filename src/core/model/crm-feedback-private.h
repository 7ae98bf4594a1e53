/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crm-feedback.h"

G_BEGIN_DECLS

struct _CrmFeedback
{
  GObject  parent_instance;

  gint64   id;
  gint64   customer_id;
  char    *customer_name;
  gint64   received_at;
  char    *kind;
  guint    rating;
  char    *channel;
  char    *text;
  char    *status;
  gboolean read;
  char    *response;
  gint64   responded_at;
  gint64   resolved_at;
  char    *responded_by;
  guint    effort;       /* 1–5, 0 for not asked */
  int      recommend;    /* 0–10, -1 for not asked */
};

G_END_DECLS
