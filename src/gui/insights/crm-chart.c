/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-chart"

#include "config.h"

#include "crm-chart.h"

/* Bars, optionally stacked in two parts (key clients below, the rest on
 * top), drawn with the style's own colours so that they follow light and
 * dark. A scale on the left with a few round values; the bars' labels
 * below, every second or third one when they would not fit; a sentence
 * instead of bars when there is nothing to show. Each bar has a read-out
 * (the page writes it): the tooltip under the pointer, and, with the
 * keyboard, Left and Right move a highlighted bar whose read-out becomes
 * the chart's accessible name, so a screen reader says it. */
struct _CrmChart
{
  GtkWidget       parent_instance;

  guint           n_bars;
  char          **labels;
  char          **readouts;
  double         *first;
  double         *second;   /* NULL for plain bars */
  CrmChartFormat  format;
  gpointer        format_data;

  char           *title;
  char           *empty_text;
  int             highlight;  /* -1: none */
  int             hover;      /* -1: none */
  guint           label_step; /* as last drawn */
};

G_DEFINE_FINAL_TYPE (CrmChart, crm_chart, GTK_TYPE_WIDGET)

#define LABEL_HEIGHT 20
#define TOP_SPACE 10
#define GUTTER_GAP 8
#define MAX_TICKS 4

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

static double
bar_total (CrmChart *self,
           guint     i)
{
  return MAX (self->first[i], 0) + (self->second ? MAX (self->second[i], 0) : 0);
}

/* A round step (1, 2 or 5 times a power of ten) that divides @max into
 * at most MAX_TICKS parts; never below 1, as the values are counts or
 * whole hundredths. */
static double
nice_step (double max)
{
  double raw = max / MAX_TICKS;
  double power = 1, step;

  if (raw <= 1)
    return 1;

  while (raw / power >= 10)
    power *= 10;
  step = raw / power;
  step = step <= 1 ? 1 : step <= 2 ? 2 : step <= 5 ? 5 : 10;
  return step * power;
}

static PangoLayout *
make_layout (GtkWidget  *widget,
             const char *text,
             int        *width)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);

  pango_layout_get_pixel_size (layout, width, NULL);
  return layout;
}

/* @text centred on @center_x, cut with "…" only if it is wider than
 * @max_width, and never past either edge. */
static void
draw_text (GtkWidget  *widget,
           cairo_t    *cr,
           const char *text,
           double      center_x,
           double      y,
           double      max_width)
{
  int width;
  PangoLayout *layout = make_layout (widget, text, &width);

  if (width > max_width)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      width = (int) max_width;
    }
  /* Kept inside the chart: the last label sits at the right edge. */
  cairo_move_to (cr, CLAMP (center_x - width / 2.0, 0, MAX (0, gtk_widget_get_width (widget) - width)), y);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static double
plot_left (CrmChart *self,
           double    top,
           double    step)
{
  GtkWidget *widget = GTK_WIDGET (self);
  int widest = 0;

  if (self->format == NULL || crm_chart_is_empty (self))
    return 0;

  for (double value = 0; value <= top + 0.5; value += step)
    {
      g_autofree char *text = self->format (value, self->format_data);
      int width;
      PangoLayout *layout = make_layout (widget, text, &width);

      widest = MAX (widest, width);
      g_object_unref (layout);
    }

  return widest + GUTTER_GAP;
}

/* The least whole number not below @value (@value ≥ 0). */
static double
whole_above (double value)
{
  double whole = (double) (gint64) value;

  return whole < value ? whole + 1 : whole;
}

/* The scale's highest value, a whole number of @step above the highest bar. */
static double
scale_top (CrmChart *self,
           double   *step)
{
  double max = 0, top;

  for (guint i = 0; i < self->n_bars; i++)
    max = MAX (max, bar_total (self, i));

  *step = nice_step (max);
  top = MAX (whole_above (max / *step) * *step, *step);

  /* A bar never touches the top line: its value would read as "at least". */
  return top > max ? top : top + *step;
}

/* Which bar is under @x, or -1. */
static int
bar_at (CrmChart *self,
        double    x)
{
  double step;
  double top = scale_top (self, &step);
  double left = plot_left (self, top, step);
  double slot = (gtk_widget_get_width (GTK_WIDGET (self)) - left) / MAX (self->n_bars, 1);
  int i;

  if (self->n_bars == 0 || x < left || slot <= 0)
    return -1;

  i = (int) ((x - left) / slot);
  return i < (int) self->n_bars ? i : -1;
}

static void
draw_empty (CrmChart *self,
            cairo_t  *cr,
            int       width,
            double    base,
            GdkRGBA  *fg,
            GdkRGBA  *dim)
{
  GtkWidget *widget = GTK_WIDGET (self);
  PangoLayout *layout;
  int text_height;

  gdk_cairo_set_source_rgba (cr, dim);
  cairo_rectangle (cr, 0, base, width, 1);
  cairo_fill (cr);

  if (self->empty_text == NULL)
    return;

  layout = gtk_widget_create_pango_layout (widget, self->empty_text);
  pango_layout_set_width (layout, (width - 24) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_get_pixel_size (layout, NULL, &text_height);
  gdk_cairo_set_source_rgba (cr, fg);
  cairo_move_to (cr, 12, MAX (0, (base - text_height) / 2));
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
  double base = TOP_SPACE + plot_height;
  double top, step, left, slot;
  int widest_label = 0;
  GdkRGBA accent, fg, dim, faint;
  cairo_t *cr;

  if (width <= 0 || plot_height <= 10)
    return;

  lookup_color (widget, "accent_bg_color", &accent, "#3584e4");
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  dim = fg;
  dim.alpha *= 0.35;
  faint = fg;
  faint.alpha *= 0.1;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (crm_chart_is_empty (self))
    {
      GdkRGBA text = fg;

      text.alpha *= 0.7;
      draw_empty (self, cr, width, base, &text, &dim);
      cairo_destroy (cr);
      return;
    }

  top = scale_top (self, &step);
  left = plot_left (self, top, step);
  slot = (width - left) / self->n_bars;

  /* The scale: round values, a faint line across for each. */
  for (double value = 0; value <= top + 0.5; value += step)
    {
      double y = base - value / top * plot_height;

      gdk_cairo_set_source_rgba (cr, value == 0 ? &dim : &faint);
      cairo_rectangle (cr, left, (double) (gint64) (y + 0.5), width - left, 1);
      cairo_fill (cr);

      if (self->format != NULL)
        {
          g_autofree char *text = self->format (value, self->format_data);
          int text_width, text_height;
          PangoLayout *layout = make_layout (widget, text, &text_width);

          pango_layout_get_pixel_size (layout, NULL, &text_height);
          gdk_cairo_set_source_rgba (cr, &fg);
          cairo_move_to (cr, left - GUTTER_GAP - text_width, MAX (0, y - text_height / 2.0));
          pango_cairo_show_layout (cr, layout);
          g_object_unref (layout);
        }
    }

  /* Labels that do not fit side by side are thinned, counting back from
   * the last bar (the current week or month), which always has one. */
  for (guint i = 0; i < self->n_bars; i++)
    {
      int label_width;
      PangoLayout *layout = make_layout (widget, self->labels[i], &label_width);

      widest_label = MAX (widest_label, label_width);
      g_object_unref (layout);
    }
  self->label_step = MAX (1, (guint) whole_above ((widest_label + 6) / slot));

  for (guint i = 0; i < self->n_bars; i++)
    {
      double bar_width = MAX (slot * 0.62, 2);
      double x = left + i * slot + (slot - bar_width) / 2;
      double first = MAX (self->first[i], 0) / top * plot_height;
      double second = self->second ? MAX (self->second[i], 0) / top * plot_height : 0;
      gboolean lit = (int) i == self->highlight || (int) i == self->hover;

      if (lit)
        {
          gdk_cairo_set_source_rgba (cr, &faint);
          cairo_rectangle (cr, left + i * slot, TOP_SPACE, slot, plot_height);
          cairo_fill (cr);
        }

      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_rectangle (cr, x, base - first, bar_width, first);
      cairo_fill (cr);

      if (self->second != NULL)
        {
          gdk_cairo_set_source_rgba (cr, &dim);
          cairo_rectangle (cr, x, base - first - second, bar_width, second);
          cairo_fill (cr);
        }

      /* The keyboard's bar: outlined while the chart has visible focus. */
      if ((int) i == self->highlight && gtk_widget_has_visible_focus (widget))
        {
          gdk_cairo_set_source_rgba (cr, &accent);
          cairo_set_line_width (cr, 2);
          cairo_rectangle (cr, left + i * slot + 1, TOP_SPACE + 1, slot - 2, plot_height - 2);
          cairo_stroke (cr);
        }

      if ((self->n_bars - 1 - i) % self->label_step == 0)
        {
          gdk_cairo_set_source_rgba (cr, &fg);
          draw_text (widget, cr, self->labels[i], left + i * slot + slot / 2, base + 3, slot * self->label_step);
        }
    }

  cairo_destroy (cr);
}

static void
update_accessible (CrmChart *self)
{
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  const char *title = self->title ? self->title : "";

  if (crm_chart_is_empty (self))
    description = g_strdup (self->empty_text ? self->empty_text : "");
  else
    description = self->readouts ? g_strjoinv ("; ", self->readouts) : g_strdup ("");

  if (self->highlight >= 0 && self->readouts != NULL)
    label = g_strdup_printf ("%s: %s", title, self->readouts[self->highlight]);
  else
    label = g_strdup (title);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CrmChart              *self)
{
  int last = (int) self->n_bars - 1;
  int bar;

  if (crm_chart_is_empty (self))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      bar = self->highlight < 0 ? last : MAX (self->highlight - 1, 0);
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      bar = self->highlight < 0 ? last : MIN (self->highlight + 1, last);
      break;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      bar = 0;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      bar = last;
      break;
    default:
      return FALSE;
    }

  crm_chart_set_highlight (self, bar);
  return TRUE;
}

static void
focus_enter_cb (CrmChart *self)
{
  if (self->highlight < 0 && !crm_chart_is_empty (self))
    crm_chart_set_highlight (self, (int) self->n_bars - 1);
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_leave_cb (CrmChart *self)
{
  crm_chart_set_highlight (self, -1);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           CrmChart                 *self)
{
  int bar = crm_chart_is_empty (self) ? -1 : bar_at (self, x);

  if (bar != self->hover)
    {
      self->hover = bar;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (CrmChart *self)
{
  self->hover = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
crm_chart_query_tooltip (GtkWidget  *widget,
                         int         x,
                         int         y,
                         gboolean    keyboard,
                         GtkTooltip *tooltip)
{
  CrmChart *self = CRM_CHART (widget);
  int bar;

  if (crm_chart_is_empty (self) || self->readouts == NULL)
    return FALSE;

  bar = keyboard ? self->highlight : bar_at (self, x);
  if (bar < 0)
    return FALSE;

  gtk_tooltip_set_text (tooltip, self->readouts[bar]);
  return TRUE;
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
      *minimum = 160;
      *natural = 480;
    }
  else
    {
      *minimum = 140;
      *natural = 180;
    }
}

static void
free_data (CrmChart *self)
{
  g_clear_pointer (&self->labels, g_strfreev);
  g_clear_pointer (&self->readouts, g_strfreev);
  g_clear_pointer (&self->first, g_free);
  g_clear_pointer (&self->second, g_free);
}

static void
crm_chart_finalize (GObject *object)
{
  CrmChart *self = CRM_CHART (object);

  free_data (self);
  g_free (self->title);
  g_free (self->empty_text);

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
  widget_class->query_tooltip = crm_chart_query_tooltip;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "chart");
}

static void
crm_chart_init (CrmChart *self)
{
  GtkEventController *key = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->highlight = -1;
  self->hover = -1;
  self->label_step = 1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  g_signal_connect (key, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_enter_cb), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
}

GtkWidget *
crm_chart_new (void)
{
  return g_object_new (CRM_TYPE_CHART, NULL);
}

/**
 * crm_chart_set_data:
 * @labels: one per bar, short (the axis thins them when they do not fit)
 * @readouts: one per bar: what the bar says in words (tooltip, screen reader)
 * @first: the bars (the lower part when stacked)
 * @second: (nullable): the upper parts, or %NULL for plain bars
 * @format: (nullable): writes the scale's values
 * @user_data: for @format; must live as long as the data
 */
void
crm_chart_set_data (CrmChart           *self,
                    guint               n_bars,
                    const char * const *labels,
                    const char * const *readouts,
                    const double       *first,
                    const double       *second,
                    CrmChartFormat      format,
                    gpointer            user_data)
{
  g_return_if_fail (CRM_IS_CHART (self));

  free_data (self);
  self->n_bars = n_bars;
  self->labels = g_new0 (char *, n_bars + 1);
  self->readouts = g_new0 (char *, n_bars + 1);
  for (guint i = 0; i < n_bars; i++)
    {
      self->labels[i] = g_strdup (labels[i]);
      self->readouts[i] = g_strdup (readouts ? readouts[i] : labels[i]);
    }
  self->first = g_memdup2 (first, n_bars * sizeof (double));
  self->second = second ? g_memdup2 (second, n_bars * sizeof (double)) : NULL;
  self->format = format;
  self->format_data = user_data;

  if (self->highlight >= (int) n_bars || crm_chart_is_empty (self))
    self->highlight = -1;
  self->hover = -1;

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * crm_chart_set_title:
 *
 * The chart's accessible name; a highlighted bar's read-out follows it.
 */
void
crm_chart_set_title (CrmChart   *self,
                     const char *title)
{
  g_return_if_fail (CRM_IS_CHART (self));

  g_free (self->title);
  self->title = g_strdup (title);
  update_accessible (self);
}

/**
 * crm_chart_set_empty_text:
 *
 * What the chart says instead of bars when every bar is zero.
 */
void
crm_chart_set_empty_text (CrmChart   *self,
                          const char *text)
{
  g_return_if_fail (CRM_IS_CHART (self));

  g_free (self->empty_text);
  self->empty_text = g_strdup (text);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Nothing above zero: the sentence, not a row of flat bars. */
gboolean
crm_chart_is_empty (CrmChart *self)
{
  g_return_val_if_fail (CRM_IS_CHART (self), TRUE);

  for (guint i = 0; i < self->n_bars; i++)
    if (bar_total (self, i) > 0)
      return FALSE;

  return TRUE;
}

const char *
crm_chart_get_empty_text (CrmChart *self)
{
  g_return_val_if_fail (CRM_IS_CHART (self), NULL);

  return self->empty_text;
}

int
crm_chart_get_highlight (CrmChart *self)
{
  g_return_val_if_fail (CRM_IS_CHART (self), -1);

  return self->highlight;
}

/**
 * crm_chart_set_highlight:
 * @bar: the bar to light up, or -1 for none
 */
void
crm_chart_set_highlight (CrmChart *self,
                         int       bar)
{
  g_return_if_fail (CRM_IS_CHART (self));

  if (bar >= (int) self->n_bars || crm_chart_is_empty (self))
    bar = -1;
  if (bar == self->highlight)
    return;

  self->highlight = bar;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
crm_chart_get_readout (CrmChart *self,
                       guint     bar)
{
  g_return_val_if_fail (CRM_IS_CHART (self), NULL);

  return bar < self->n_bars ? self->readouts[bar] : NULL;
}

/**
 * crm_chart_get_label_step:
 *
 * Returns: 1 when every bar's label was drawn last time, 2 for every
 *   second one, and so on
 */
guint
crm_chart_get_label_step (CrmChart *self)
{
  g_return_val_if_fail (CRM_IS_CHART (self), 1);

  return self->label_step;
}
