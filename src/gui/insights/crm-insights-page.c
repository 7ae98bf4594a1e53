/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-insights-page"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-accessible.h"
#include "crm-chart.h"
#include "crm-figure.h"
#include "crm-format.h"
#include "crm-insights.h"
#include "crm-insights-loyalty.h"
#include "crm-insights-page.h"
#include "crm-text.h"

/* The shop's health at a glance: figures for the chosen period on cards,
 * and three charts. The figures come from crm_insights_compute (). */
struct _CrmInsightsPage
{
  AdwBin       parent_instance;

  CrmContext  *context;
  gulong       changed_id;
  char        *currency;
  gboolean     dirty;
  GHashTable  *figures;    /* card name → its CrmFigure */

  GtkDropDown *period_dropdown;
  GtkFlowBox  *cards;
  GtkFlowBox  *charts;
  CrmInsightsLoyalty *loyalty;
  GtkLabel    *revenue_legend;
  CrmChart    *revenue_chart;
  GtkLabel    *ratings_title;
  CrmChart    *ratings_chart;
  CrmChart    *complaints_chart;
};

G_DEFINE_FINAL_TYPE (CrmInsightsPage, crm_insights_page, ADW_TYPE_BIN)

static const struct
{
  const char *name;
  const char *title;
} card_list[] = {
  { "csat", N_("Satisfaction") },
  { "first-response", N_("First Response") },
  { "resolution", N_("Resolved") },
  { "complaints", N_("Complaints") },
  { "returning", N_("Returning Customers") },
  { "key-share", N_("Key Clients’ Share") },
  { "on-time", N_("Follow-ups on Time") },
};

static const char *
month_name (GDateTime *time)
{
  return crm_text_month_abbrev ((guint) g_date_time_get_month (time), crm_text_ui_language ());
}

static GDateTime *
to_local (gint64 unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);

  return g_date_time_to_local (utc);
}

static void
set_card (CrmInsightsPage *self,
          const char      *name,
          const char      *value,
          const char      *detail)
{
  crm_figure_set (g_hash_table_lookup (self->figures, name), NULL, value, detail);
}

static char *
percent_or_dash (double fraction)
{
  return fraction < 0 ? g_strdup ("—") : crm_format_percent (fraction);
}

static char *
format_duration (double seconds)
{
  guint minutes = (guint) (seconds / 60 + 0.5);

  if (seconds < 0)
    return g_strdup ("—");
  if (minutes < 60)
    return g_strdup_printf (ngettext ("%u minute", "%u minutes", minutes), minutes);
  if (minutes < 48 * 60)
    return g_strdup_printf (ngettext ("%u hour", "%u hours", (minutes + 30) / 60), (minutes + 30) / 60);

  return crm_format_days ((gint64) seconds);
}

static char *
format_count (double   value,
              gpointer user_data)
{
  return g_strdup_printf ("%.0f", value);
}

/* The chart knows only numbers; the page knows the shop's currency. */
static char *
format_money_value (double   value,
                    gpointer user_data)
{
  CrmInsightsPage *self = user_data;

  return crm_format_money ((gint64) value, self->currency);
}

static void
update_cards (CrmInsightsPage   *self,
              const CrmInsights *insights,
              const char        *currency)
{
  g_autofree char *csat = percent_or_dash (insights->csat);
  g_autofree char *csat_detail = g_strdup_printf (ngettext ("4–5 stars, of %u rating", "4–5 stars, of %u ratings",
                                                            insights->n_rated), insights->n_rated);
  g_autofree char *response = format_duration (insights->first_response);
  g_autofree char *response_detail = g_strdup_printf (ngettext ("on average, %u answered", "on average, %u answered",
                                                                insights->n_responded), insights->n_responded);
  g_autofree char *resolution = percent_or_dash (insights->resolution_rate);
  g_autofree char *resolution_detail = g_strdup_printf (ngettext ("of %u entry", "of %u entries",
                                                                  insights->n_feedback), insights->n_feedback);
  g_autofree char *complaints = g_strdup_printf ("%u", insights->complaints);
  g_autofree char *complaints_detail = g_strdup_printf (ngettext ("%u in the period before", "%u in the period before",
                                                                  insights->complaints_before),
                                                        insights->complaints_before);
  g_autofree char *returning = percent_or_dash (insights->returning_rate);
  g_autofree char *returning_detail = g_strdup_printf (ngettext ("of %u buyer", "of %u buyers", insights->n_buyers),
                                                       insights->n_buyers);
  g_autofree char *key_share = percent_or_dash (insights->key_share);
  g_autofree char *revenue = crm_format_money (insights->revenue, currency);
  g_autofree char *key_detail = g_strdup_printf (_("of %s"), revenue);
  g_autofree char *on_time = percent_or_dash (insights->on_time_rate);
  g_autofree char *on_time_detail = g_strdup_printf (ngettext ("of %u due", "of %u due", insights->n_follow_ups_due),
                                                     insights->n_follow_ups_due);

  set_card (self, "csat", csat, csat_detail);
  set_card (self, "first-response", response, response_detail);
  set_card (self, "resolution", resolution, resolution_detail);
  set_card (self, "complaints", complaints, complaints_detail);
  set_card (self, "returning", returning, returning_detail);
  set_card (self, "key-share", key_share, key_detail);
  set_card (self, "on-time", on_time, on_time_detail);
}

static void
describe (GtkWidget  *chart,
          const char *title,
          GString    *figures)
{
  g_autofree char *description = g_strdup_printf ("%s: %s", title, figures->str);

  gtk_accessible_update_property (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

static void
update_charts (CrmInsightsPage   *self,
               const CrmInsights *insights,
               const char        *currency)
{
  const char *labels[CRM_INSIGHTS_MONTHS + 1] = { NULL };
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  double key[CRM_INSIGHTS_MONTHS], other[CRM_INSIGHTS_MONTHS];
  double ratings[5], complaints[CRM_INSIGHTS_WEEKS];
  const char *rating_labels[6] = { NULL };
  const char *week_labels[CRM_INSIGHTS_WEEKS + 1] = { NULL };
  g_autoptr(GString) figures = g_string_new (NULL);
  g_autofree char *legend = NULL;
  GdkRGBA accent;

  for (guint i = 0; i < CRM_INSIGHTS_MONTHS; i++)
    {
      g_autoptr(GDateTime) month = to_local (insights->month_start[i]);
      g_autofree char *key_text = crm_format_money (insights->month_key[i], currency);
      g_autofree char *other_text = crm_format_money (insights->month_secondary[i], currency);

      labels[i] = month_name (month);
      key[i] = (double) insights->month_key[i];
      other[i] = (double) insights->month_secondary[i];
      /* Translators: a chart's figures read aloud: month, key clients' and
       * other customers' revenue */
      g_string_append_printf (figures, _("%s: key clients %s, others %s; "), labels[i], key_text, other_text);
    }
  crm_chart_set_data (self->revenue_chart, CRM_INSIGHTS_MONTHS, labels, key, other, format_money_value, self);
  describe (GTK_WIDGET (self->revenue_chart), _("Revenue per Month"), figures);

  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)), "accent_bg_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");
  legend = g_strdup_printf ("<span foreground=\"#%02x%02x%02x\">■</span> %s    <span alpha=\"40%%\">■</span> %s",
                            (guint) (accent.red * 255), (guint) (accent.green * 255), (guint) (accent.blue * 255),
                            _("Key clients"), _("Other customers"));
  gtk_label_set_markup (self->revenue_legend, legend);

  g_string_truncate (figures, 0);
  for (guint i = 0; i < 5; i++)
    {
      char *label = crm_format_rating (i + 1);

      g_ptr_array_add (owned, label);
      rating_labels[i] = label;
      ratings[i] = insights->ratings[i];
      g_string_append_printf (figures, "%s: %u; ", label, insights->ratings[i]);
    }
  crm_chart_set_data (self->ratings_chart, 5, rating_labels, ratings, NULL, format_count, NULL);
  describe (GTK_WIDGET (self->ratings_chart), gtk_label_get_text (self->ratings_title), figures);

  g_string_truncate (figures, 0);
  for (guint i = 0; i < CRM_INSIGHTS_WEEKS; i++)
    {
      g_autoptr(GDateTime) week = to_local (insights->week_start[i]);
      char *label = g_strdup_printf ("%d %s", g_date_time_get_day_of_month (week), month_name (week));

      g_ptr_array_add (owned, label);
      week_labels[i] = label;
      complaints[i] = insights->week_complaints[i];
      g_string_append_printf (figures, "%s: %u; ", label, insights->week_complaints[i]);
    }
  crm_chart_set_data (self->complaints_chart, CRM_INSIGHTS_WEEKS, week_labels, complaints, NULL,
                      format_count, NULL);
  describe (GTK_WIDGET (self->complaints_chart), _("Complaints per Week"), figures);
}

void
crm_insights_page_refresh (CrmInsightsPage *self)
{
  CrmInsights insights;
  guint period;

  g_return_if_fail (CRM_IS_INSIGHTS_PAGE (self));

  if (self->context == NULL)
    return;

  period = gtk_drop_down_get_selected (self->period_dropdown);
  crm_insights_compute (crm_context_get_store (self->context),
                        period == 0 ? CRM_PERIOD_WEEK : period == 2 ? CRM_PERIOD_YEAR : CRM_PERIOD_MONTH,
                        &insights);
  g_free (self->currency);
  self->currency = crm_store_dup_currency (crm_context_get_store (self->context));

  gtk_label_set_text (self->ratings_title,
                      period == 0 ? _("Ratings This Week") : period == 2 ? _("Ratings This Year")
                                                                         : _("Ratings This Month"));
  update_cards (self, &insights, self->currency);
  update_charts (self, &insights, self->currency);
  crm_insights_loyalty_update (self->loyalty, crm_context_get_store (self->context), insights.from, insights.to);
  self->dirty = FALSE;
}

static void
period_changed_cb (CrmInsightsPage *self)
{
  crm_insights_page_refresh (self);
}

/* Figures are worked out when someone looks, not on every sale. */
static void
store_changed_cb (CrmStore        *store,
                  guint            change,
                  gint64           customer_id,
                  CrmInsightsPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    crm_insights_page_refresh (self);
  else
    self->dirty = TRUE;
}

static void
crm_insights_page_map (GtkWidget *widget)
{
  CrmInsightsPage *self = CRM_INSIGHTS_PAGE (widget);

  GTK_WIDGET_CLASS (crm_insights_page_parent_class)->map (widget);

  if (self->dirty)
    crm_insights_page_refresh (self);
}

static void
crm_insights_page_dispose (GObject *object)
{
  CrmInsightsPage *self = CRM_INSIGHTS_PAGE (object);

  if (self->context != NULL)
    g_clear_signal_handler (&self->changed_id, crm_context_get_store (self->context));
  g_clear_object (&self->context);
  g_clear_pointer (&self->figures, g_hash_table_unref);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (crm_insights_page_parent_class)->dispose (object);
}

static void
crm_insights_page_class_init (CrmInsightsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_insights_page_dispose;
  widget_class->map = crm_insights_page_map;

  g_type_ensure (CRM_TYPE_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/crm-insights-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CrmInsightsPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrmInsightsPage, cards);
  gtk_widget_class_bind_template_child (widget_class, CrmInsightsPage, charts);
  gtk_widget_class_bind_template_child (widget_class, CrmInsightsPage, loyalty);
  gtk_widget_class_bind_template_child (widget_class, CrmInsightsPage, revenue_legend);
  gtk_widget_class_bind_template_child (widget_class, CrmInsightsPage, revenue_chart);
  gtk_widget_class_bind_template_child (widget_class, CrmInsightsPage, ratings_title);
  gtk_widget_class_bind_template_child (widget_class, CrmInsightsPage, ratings_chart);
  gtk_widget_class_bind_template_child (widget_class, CrmInsightsPage, complaints_chart);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);
}

static void
crm_insights_page_init (CrmInsightsPage *self)
{
  g_type_ensure (CRM_TYPE_INSIGHTS_LOYALTY);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->figures = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_drop_down_set_selected (self->period_dropdown, 1);

  for (guint i = 0; i < G_N_ELEMENTS (card_list); i++)
    {
      GtkWidget *card = crm_figure_new (_(card_list[i].title), TRUE);

      gtk_widget_add_css_class (card, "insight-card");
      gtk_flow_box_append (self->cards, card);
      g_hash_table_insert (self->figures, (gpointer) card_list[i].name, card);
    }
  crm_accessible_plain_flow_box (self->cards);
  crm_accessible_plain_flow_box (self->charts);
}

void
crm_insights_page_set_context (CrmInsightsPage *self,
                               CrmContext      *context)
{
  g_return_if_fail (CRM_IS_INSIGHTS_PAGE (self));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  self->changed_id = g_signal_connect (crm_context_get_store (context), "changed",
                                       G_CALLBACK (store_changed_cb), self);
  self->dirty = TRUE;
}

/**
 * crm_insights_page_get_figure:
 * @name: "csat", "first-response", "resolution", "complaints", "returning",
 *   "key-share" or "on-time"
 *
 * Returns: the figure as shown on its card
 */
const char *
crm_insights_page_get_figure (CrmInsightsPage *self,
                              const char      *name)
{
  CrmFigure *figure;

  g_return_val_if_fail (CRM_IS_INSIGHTS_PAGE (self), NULL);

  figure = g_hash_table_lookup (self->figures, name);
  return figure ? crm_figure_get_value (figure) : NULL;
}
