/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-insights"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-accessible.h"
#include "crm-figure.h"
#include "crm-format.h"
#include "crm-insights-loyalty.h"
#include "crm-loyalty-insights.h"
#include "crm-loyalty.h"

/* The loyalty programme's cards on the Insights page, for its period:
 * points issued, spent and expired, the members' share of revenue, and
 * who came back after spending points. Hidden while the programme is off
 * and has nothing to show. */
struct _CrmInsightsLoyalty
{
  GtkBox      parent_instance;

  GHashTable *figures;    /* card name → its CrmFigure */

  GtkFlowBox *cards;
};

G_DEFINE_FINAL_TYPE (CrmInsightsLoyalty, crm_insights_loyalty, GTK_TYPE_BOX)

static const struct
{
  const char *name;
  const char *title;
} card_list[] = {
  { "issued", N_("Points Issued") },
  { "spent", N_("Points Spent") },
  { "member-share", N_("Members’ Share of Revenue") },
  { "came-back", N_("Came Back after Spending Points") },
};

static void
set_card (CrmInsightsLoyalty *self,
          const char         *name,
          const char         *value,
          const char         *detail)
{
  crm_figure_set (g_hash_table_lookup (self->figures, name), NULL, value, detail);
}

static char *
percent_or_dash (double fraction)
{
  return fraction < 0 ? g_strdup ("—") : crm_format_percent (fraction);
}

/**
 * crm_insights_loyalty_update:
 * @result: the page's figures, worked out in its worker
 */
void
crm_insights_loyalty_update (CrmInsightsLoyalty      *self,
                             const CrmInsightsResult *result)
{
  CrmLoyaltyFigures f;
  const char *currency;

  g_return_if_fail (CRM_IS_INSIGHTS_LOYALTY (self));
  g_return_if_fail (result != NULL);

  f = result->loyalty;
  currency = result->currency;
  if (!result->has_loyalty)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self), result->loyalty_enabled || f.outstanding > 0 || f.issued != 0);

  {
    g_autofree char *issued = crm_loyalty_format_points (f.issued);
    g_autofree char *outstanding = crm_loyalty_format_points (f.outstanding);
    /* Translators: the points customers hold at the end of the period */
    g_autofree char *issued_detail = g_strdup_printf (_("%s held by customers now"), outstanding);
    g_autofree char *spent = crm_loyalty_format_points (f.spent);
    g_autofree char *expired = crm_loyalty_format_points (f.expired);
    /* Translators: points that lapsed in the period */
    g_autofree char *spent_detail = g_strdup_printf (_("%s expired"), expired);
    g_autofree char *share = percent_or_dash (f.member_share);
    g_autofree char *revenue = crm_format_money (f.revenue, currency);
    g_autofree char *share_detail = g_strdup_printf (_("of %s"), revenue);
    g_autofree char *back = percent_or_dash (f.return_rate);
    g_autofree char *back_detail = g_strdup_printf (ngettext ("of %u customer who spent points",
                                                              "of %u customers who spent points", f.redeemers),
                                                    f.redeemers);

    set_card (self, "issued", issued, issued_detail);
    set_card (self, "spent", spent, spent_detail);
    set_card (self, "member-share", share, share_detail);
    set_card (self, "came-back", back, back_detail);
  }
}

/**
 * crm_insights_loyalty_get_figure:
 * @name: "issued", "spent", "member-share" or "came-back"
 *
 * Returns: the figure as shown on its card
 */
const char *
crm_insights_loyalty_get_figure (CrmInsightsLoyalty *self,
                                 const char         *name)
{
  CrmFigure *figure;

  g_return_val_if_fail (CRM_IS_INSIGHTS_LOYALTY (self), NULL);

  figure = g_hash_table_lookup (self->figures, name);
  return figure ? crm_figure_get_value (figure) : NULL;
}

static void
crm_insights_loyalty_finalize (GObject *object)
{
  CrmInsightsLoyalty *self = CRM_INSIGHTS_LOYALTY (object);

  g_clear_pointer (&self->figures, g_hash_table_unref);

  G_OBJECT_CLASS (crm_insights_loyalty_parent_class)->finalize (object);
}

static void
crm_insights_loyalty_class_init (CrmInsightsLoyaltyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = crm_insights_loyalty_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/crm-insights-loyalty.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmInsightsLoyalty, cards);
}

static void
crm_insights_loyalty_init (CrmInsightsLoyalty *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->figures = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (card_list); i++)
    {
      GtkWidget *card = crm_figure_new (_(card_list[i].title), TRUE);

      gtk_widget_add_css_class (card, "insight-card");
      gtk_flow_box_append (self->cards, card);
      g_hash_table_insert (self->figures, (gpointer) card_list[i].name, card);
    }
  crm_accessible_plain_flow_box (self->cards);
}
