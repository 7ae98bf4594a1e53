/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-insights-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crm-accessible.h"
#include "crm-chart.h"
#include "crm-figure.h"
#include "crm-format.h"
#include "crm-insights.h"
#include "crm-insights-worker.h"
#include "crm-insights-loyalty.h"
#include "crm-insights-page.h"
#include "crm-money.h"
#include "crm-text.h"

/* The shop's health at a glance: figures for the chosen period on cards,
 * and three charts. The figures are worked out in a worker
 * (crm_insights_compute_async): the page keeps showing the last ones,
 * with a small "updating" sign, until the new ones arrive; a newer request
 * cancels an older one, whose answer is then ignored. */
struct _CrmInsightsPage
{
  AdwBin        parent_instance;

  CrmContext   *context;
  gulong        changed_id;
  char         *currency;
  gboolean      dirty;
  GHashTable   *figures;    /* card name → its CrmFigure */
  GCancellable *request;    /* the request in flight, NULL when none */
  guint         n_results;  /* how many have been shown */

  GtkDropDown *period_dropdown;
  GtkBox      *updating_box;
  GtkSpinner  *updating_spinner;
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
  { "first-contact", N_("First-Contact Resolution") },
  { "effort", N_("Customer Effort (CES)") },
  { "nps", N_("Net Promoter Score (NPS)") },
  { "complaints", N_("Complaints") },
  { "returning", N_("Returning Customers") },
  { "key-share", N_("Key Clients’ Share") },
  { "on-time", N_("Follow-ups on Time") },
};

/* The period menu, in its order: the last 30 days first, as the default,
 * since a calendar month is nearly empty on its first days. */
static const CrmPeriod periods[] = {
  CRM_PERIOD_LAST_30_DAYS, CRM_PERIOD_WEEK, CRM_PERIOD_MONTH, CRM_PERIOD_YEAR,
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

  return crm_money_format_whole ((gint64) value, self->currency, crm_text_ui_language ());
}

/* "4.2" in English, "4,2" in Georgian and Armenian. */
static char *
format_one_decimal (double value)
{
  g_autofree char *text = g_strdup_printf ("%.1f", value);
  char *point = strchr (text, '.');

  if (point != NULL && !g_str_equal (crm_text_ui_language (), "en"))
    *point = ',';
  return g_steal_pointer (&text);
}

/* NPS as a signed whole number: "+40", "−20", "0". */
static char *
format_nps (double nps)
{
  int value = (int) (nps < 0 ? nps - 0.5 : nps + 0.5);

  if (value > 0)
    return g_strdup_printf ("+%d", value);
  if (value < 0)
    return g_strdup_printf ("−%d", -value);
  return g_strdup ("0");
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

  g_autofree char *first_contact = percent_or_dash (insights->first_contact_rate);
  g_autofree char *first_contact_detail = g_strdup_printf (ngettext ("of %u answered", "of %u answered",
                                                                     insights->n_responded),
                                                           insights->n_responded);
  g_autofree char *effort = insights->effort < 0 ? g_strdup ("—") : format_one_decimal (insights->effort);
  /* Translators: customer effort: the average answer to "how easy was
   * it", where 5 is very easy */
  g_autofree char *effort_detail = g_strdup_printf (ngettext ("of 5 (very easy), %u answer",
                                                              "of 5 (very easy), %u answers", insights->n_effort),
                                                    insights->n_effort);
  g_autofree char *nps = insights->has_nps ? format_nps (insights->nps) : g_strdup ("—");
  g_autofree char *nps_detail = NULL;
  GtkWidget *nps_card = g_hash_table_lookup (self->figures, "nps");

  if (insights->has_nps)
    nps_detail = g_strdup_printf (ngettext ("of %u answer", "of %u answers", insights->n_recommend),
                                  insights->n_recommend);
  else
    /* Translators: NPS needs a number of answers (%u, always 10 or more)
     * before it means anything; %u so far is the second number */
    nps_detail = g_strdup_printf (ngettext ("shown from %u answers; %u so far", "shown from %u answers; %u so far",
                                            insights->n_recommend),
                                  CRM_INSIGHTS_NPS_MIN_ANSWERS, insights->n_recommend);
  /* No answer at all: the shop does not ask, so no card. */
  gtk_widget_set_visible (gtk_widget_get_parent (nps_card), insights->n_recommend > 0);

  set_card (self, "first-contact", first_contact, first_contact_detail);
  set_card (self, "effort", effort, effort_detail);
  set_card (self, "nps", nps, nps_detail);
  set_card (self, "csat", csat, csat_detail);
  set_card (self, "first-response", response, response_detail);
  set_card (self, "resolution", resolution, resolution_detail);
  set_card (self, "complaints", complaints, complaints_detail);
  set_card (self, "returning", returning, returning_detail);
  set_card (self, "key-share", key_share, key_detail);
  set_card (self, "on-time", on_time, on_time_detail);
}

static void
update_charts (CrmInsightsPage   *self,
               const CrmInsights *insights,
               const char        *currency)
{
  const char *labels[CRM_INSIGHTS_MONTHS + 1] = { NULL };
  const char *readouts[CRM_INSIGHTS_MONTHS + 1] = { NULL };
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  double key[CRM_INSIGHTS_MONTHS], other[CRM_INSIGHTS_MONTHS];
  double ratings[5], complaints[CRM_INSIGHTS_WEEKS];
  g_autofree char *legend = NULL;
  GdkRGBA accent;

  for (guint i = 0; i < CRM_INSIGHTS_MONTHS; i++)
    {
      g_autoptr(GDateTime) month = to_local (insights->month_start[i]);
      g_autofree char *key_text = crm_format_money (insights->month_key[i], currency);
      g_autofree char *other_text = crm_format_money (insights->month_secondary[i], currency);
      char *readout;

      labels[i] = month_name (month);
      key[i] = (double) insights->month_key[i];
      other[i] = (double) insights->month_secondary[i];
      /* Translators: one month of the revenue chart read aloud or in its
       * tooltip: the month, key clients' and other customers' revenue */
      readout = g_strdup_printf (_("%s: key clients %s, other customers %s"), labels[i], key_text, other_text);
      g_ptr_array_add (owned, readout);
      readouts[i] = readout;
    }
  crm_chart_set_data (self->revenue_chart, CRM_INSIGHTS_MONTHS, labels, readouts, key, other,
                      format_money_value, self);

  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (GTK_WIDGET (self)), "accent_bg_color", &accent))
    gdk_rgba_parse (&accent, "#3584e4");
  legend = g_strdup_printf ("<span foreground=\"#%02x%02x%02x\">■</span> %s    <span alpha=\"40%%\">■</span> %s",
                            (guint) (accent.red * 255), (guint) (accent.green * 255), (guint) (accent.blue * 255),
                            _("Key clients"), _("Other customers"));
  gtk_label_set_markup (self->revenue_legend, legend);

  for (guint i = 0; i < 5; i++)
    {
      char *label = crm_format_rating (i + 1);
      /* Translators: one bar of the ratings chart: the rating, how many */
      char *readout = g_strdup_printf (ngettext ("%s: %u rating", "%s: %u ratings", insights->ratings[i]),
                                       label, insights->ratings[i]);

      g_ptr_array_add (owned, label);
      g_ptr_array_add (owned, readout);
      labels[i] = label;
      readouts[i] = readout;
      ratings[i] = insights->ratings[i];
    }
  crm_chart_set_data (self->ratings_chart, 5, labels, readouts, ratings, NULL, format_count, NULL);

  for (guint i = 0; i < CRM_INSIGHTS_WEEKS; i++)
    {
      g_autofree char *date = crm_text_format_date (insights->week_start[i], FALSE);
      char *label = crm_text_format_day_month (insights->week_start[i], NULL);
      /* Translators: one bar of the complaints chart: the week's first
       * day (a date), how many complaints came in that week */
      char *readout = g_strdup_printf (ngettext ("week of %s: %u complaint", "week of %s: %u complaints",
                                                 insights->week_complaints[i]),
                                       date, insights->week_complaints[i]);

      g_ptr_array_add (owned, label);
      g_ptr_array_add (owned, readout);
      labels[i] = label;
      readouts[i] = readout;
      complaints[i] = insights->week_complaints[i];
    }
  crm_chart_set_data (self->complaints_chart, CRM_INSIGHTS_WEEKS, labels, readouts, complaints, NULL,
                      format_count, NULL);
}

static const char *
ratings_title (CrmPeriod period)
{
  switch (period)
    {
    case CRM_PERIOD_WEEK:
      return _("Ratings This Week");
    case CRM_PERIOD_MONTH:
      return _("Ratings This Month");
    case CRM_PERIOD_YEAR:
      return _("Ratings This Year");
    case CRM_PERIOD_LAST_30_DAYS:
    default:
      return _("Ratings in the Last 30 Days");
    }
}

static CrmPeriod
selected_period (CrmInsightsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->period_dropdown);

  return periods[selected < G_N_ELEMENTS (periods) ? selected : 0];
}

static void
set_updating (CrmInsightsPage *self,
              gboolean         updating)
{
  gtk_widget_set_visible (GTK_WIDGET (self->updating_box), updating);
  gtk_spinner_set_spinning (self->updating_spinner, updating);
}

static void
show_result (CrmInsightsPage         *self,
             const CrmInsightsResult *result)
{
  const char *title = ratings_title (result->period);

  g_free (self->currency);
  self->currency = g_strdup (result->currency);

  gtk_label_set_text (self->ratings_title, title);
  crm_chart_set_title (self->ratings_chart, title);
  update_cards (self, &result->insights, self->currency);
  update_charts (self, &result->insights, self->currency);
  crm_insights_loyalty_update (self->loyalty, result);
  self->n_results++;
}

static void
computed_cb (GObject      *source,
             GAsyncResult *async_result,
             gpointer      user_data)
{
  g_autoptr(CrmInsightsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(CrmInsightsResult) result = crm_insights_compute_finish (async_result, &error);

  /* An answer to an older request, or to a page being closed. */
  if (g_task_get_cancellable (G_TASK (async_result)) != self->request)
    return;

  g_clear_object (&self->request);
  set_updating (self, FALSE);
  if (result == NULL)
    {
      g_warning ("insights: %s", error->message);
      return;
    }

  show_result (self, result);
}

/**
 * crm_insights_page_refresh:
 *
 * Asks the worker for the figures of the chosen period; the page shows
 * the last ones until they come.
 */
void
crm_insights_page_refresh (CrmInsightsPage *self)
{
  CrmStore *store;

  g_return_if_fail (CRM_IS_INSIGHTS_PAGE (self));

  if (self->context == NULL)
    return;

  if (self->request != NULL)
    g_cancellable_cancel (self->request);
  g_clear_object (&self->request);
  self->request = g_cancellable_new ();

  store = crm_context_get_store (self->context);
  set_updating (self, TRUE);
  crm_insights_compute_async (crm_context_get_data_dir (self->context), crm_context_get_database (self->context),
                              selected_period (self), crm_store_now (store), self->request, computed_cb,
                              g_object_ref (self));
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

  if (self->request != NULL)
    g_cancellable_cancel (self->request);
  g_clear_object (&self->request);
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
  gtk_widget_class_bind_template_child (widget_class, CrmInsightsPage, updating_box);
  gtk_widget_class_bind_template_child (widget_class, CrmInsightsPage, updating_spinner);
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
  gtk_drop_down_set_selected (self->period_dropdown, 0);

  for (guint i = 0; i < G_N_ELEMENTS (card_list); i++)
    {
      GtkWidget *card = crm_figure_new (_(card_list[i].title), TRUE);

      gtk_widget_add_css_class (card, "insight-card");
      gtk_flow_box_append (self->cards, card);
      g_hash_table_insert (self->figures, (gpointer) card_list[i].name, card);
    }
  crm_accessible_plain_flow_box (self->cards);
  crm_accessible_plain_flow_box (self->charts);

  crm_chart_set_title (self->revenue_chart, _("Revenue per Month"));
  crm_chart_set_empty_text (self->revenue_chart, _("No sales in the last 12 months yet"));
  crm_chart_set_title (self->ratings_chart, ratings_title (CRM_PERIOD_LAST_30_DAYS));
  crm_chart_set_empty_text (self->ratings_chart, _("No ratings yet in this period"));
  crm_chart_set_title (self->complaints_chart, _("Complaints per Week"));
  crm_chart_set_empty_text (self->complaints_chart, _("No complaints in the last 12 weeks"));
  gtk_label_set_text (self->ratings_title, ratings_title (CRM_PERIOD_LAST_30_DAYS));
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
 * crm_insights_page_is_updating:
 *
 * Returns: whether figures have been asked for and not arrived yet
 */
gboolean
crm_insights_page_is_updating (CrmInsightsPage *self)
{
  g_return_val_if_fail (CRM_IS_INSIGHTS_PAGE (self), FALSE);

  return self->request != NULL;
}

/**
 * crm_insights_page_get_n_results:
 *
 * Returns: how many answers of the worker the page has shown
 */
guint
crm_insights_page_get_n_results (CrmInsightsPage *self)
{
  g_return_val_if_fail (CRM_IS_INSIGHTS_PAGE (self), 0);

  return self->n_results;
}

/**
 * crm_insights_page_get_chart:
 * @name: "revenue", "ratings" or "complaints"
 *
 * Returns: (transfer none) (nullable): the chart
 */
GtkWidget *
crm_insights_page_get_chart (CrmInsightsPage *self,
                             const char      *name)
{
  g_return_val_if_fail (CRM_IS_INSIGHTS_PAGE (self), NULL);

  if (g_strcmp0 (name, "revenue") == 0)
    return GTK_WIDGET (self->revenue_chart);
  if (g_strcmp0 (name, "ratings") == 0)
    return GTK_WIDGET (self->ratings_chart);
  if (g_strcmp0 (name, "complaints") == 0)
    return GTK_WIDGET (self->complaints_chart);
  return NULL;
}

/**
 * crm_insights_page_get_figure:
 * @name: "csat", "first-response", "resolution", "first-contact", "effort",
 *   "nps", "complaints", "returning", "key-share" or "on-time"
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
