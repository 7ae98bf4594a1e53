/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-chart"

#include "config.h"


#include "crm-chart.h"

/* Bars, optionally stacked in two parts (key clients below, the rest on
 * top), drawn with the style's own colours so that they follow light and
 * dark. The page sets the accessible description with the figures. */
struct _CrmChart
{
  GtkWidget       parent_instance;

  guint           n_bars;
  char          **labels;
  double         *first;
  double         *second;   /* NULL for plain bars */
  CrmChartFormat  format;
  gpointer        format_data;
};

G_DEFINE_FINAL_TYPE (CrmChart, crm_chart, GTK_TYPE_WIDGET)

#define LABEL_HEIGHT 20
#define TOP_SPACE 20

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color,
              const char *fallback)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, fallback);
}

static void
draw_text (GtkWidget  *widget,
           cairo_t    *cr,
           const char *text,
           double      center_x,
           double      y,
           double      max_width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  PangoRectangle extents;

  pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_extents (layout, NULL, &extents);
  cairo_move_to (cr, center_x - max_width / 2, y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static void
crm_chart_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  CrmChart *self = CRM_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double plot_height = height - LABEL_HEIGHT - TOP_SPACE;
  double max = 0;
  double slot;
  GdkRGBA accent, fg, dim;
  cairo_t *cr;

  if (self->n_bars == 0 || width <= 0 || plot_height <= 10)
    return;

  lookup_color (widget, "accent_bg_color", &accent, "#3584e4");
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  dim = fg;
  dim.alpha *= 0.35;

  for (guint i = 0; i < self->n_bars; i++)
    max = MAX (max, MAX (self->first[i], 0) + (self->second ? MAX (self->second[i], 0) : 0));

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  slot = (double) width / self->n_bars;

  /* The baseline. */
  gdk_cairo_set_source_rgba (cr, &dim);
  cairo_rectangle (cr, 0, TOP_SPACE + plot_height, width, 1);
  cairo_fill (cr);

  for (guint i = 0; i < self->n_bars; i++)
    {
      double bar_width = MAX (slot * 0.62, 2);
      double x = i * slot + (slot - bar_width) / 2;
      double first = max > 0 ? MAX (self->first[i], 0) / max * plot_height : 0;
      double second = max > 0 && self->second ? MAX (self->second[i], 0) / max * plot_height : 0;
      double base = TOP_SPACE + plot_height;

      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_rectangle (cr, x, base - first, bar_width, first);
      cairo_fill (cr);

      if (self->second != NULL)
        {
          gdk_cairo_set_source_rgba (cr, &dim);
          cairo_rectangle (cr, x, base - first - second, bar_width, second);
          cairo_fill (cr);
        }

      gdk_cairo_set_source_rgba (cr, &fg);
      draw_text (widget, cr, self->labels[i], i * slot + slot / 2, base + 3, slot);
    }

  /* The top value, so the scale can be read. */
  if (max > 0 && self->format != NULL)
    {
      g_autofree char *top = self->format (max, self->format_data);

      gdk_cairo_set_source_rgba (cr, &fg);
      draw_text (widget, cr, top, width / 2.0, 0, width);
    }

  cairo_destroy (cr);
}

static void
crm_chart_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 480;
    }
  else
    {
      *minimum = 140;
      *natural = 180;
    }
}

static void
crm_chart_finalize (GObject *object)
{
  CrmChart *self = CRM_CHART (object);

  g_strfreev (self->labels);
  g_free (self->first);
  g_free (self->second);

  G_OBJECT_CLASS (crm_chart_parent_class)->finalize (object);
}

static void
crm_chart_class_init (CrmChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = crm_chart_finalize;
  widget_class->snapshot = crm_chart_snapshot;
  widget_class->measure = crm_chart_measure;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "chart");
}

static void
crm_chart_init (CrmChart *self)
{
}

GtkWidget *
crm_chart_new (void)
{
  return g_object_new (CRM_TYPE_CHART, NULL);
}

/**
 * crm_chart_set_data:
 * @labels: one per bar
 * @first: the bars (the lower part when stacked)
 * @second: (nullable): the upper parts, or %NULL for plain bars
 * @format: (nullable): writes the scale's top value
 * @user_data: for @format; must live as long as the data
 */
void
crm_chart_set_data (CrmChart           *self,
                    guint               n_bars,
                    const char * const *labels,
                    const double       *first,
                    const double       *second,
                    CrmChartFormat      format,
                    gpointer            user_data)
{
  g_return_if_fail (CRM_IS_CHART (self));

  g_strfreev (self->labels);
  g_free (self->first);
  g_free (self->second);

  self->n_bars = n_bars;
  self->labels = g_strdupv ((char **) labels);
  self->first = g_memdup2 (first, n_bars * sizeof (double));
  self->second = second ? g_memdup2 (second, n_bars * sizeof (double)) : NULL;
  self->format = format;
  self->format_data = user_data;

  gtk_widget_queue_draw (GTK_WIDGET (self));
}
