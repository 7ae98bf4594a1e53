/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-figure"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-accessible.h"
#include "crm-figure.h"

/* One figure on a card: a caption, the number, and what it is out of
 * ("Satisfaction", "80 %", "4–5 stars, of 10 ratings"). It reads as one
 * sentence, and so does the flow box cell it sits in. */
struct _CrmFigure
{
  GtkWidget  parent_instance;

  GtkWidget *title;
  GtkWidget *value;
  GtkWidget *detail;
};

G_DEFINE_FINAL_TYPE (CrmFigure, crm_figure, GTK_TYPE_WIDGET)

static GtkWidget *
figure_label (const char *first_class,
              const char *second_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, first_class);
  gtk_widget_add_css_class (label, second_class);
  return label;
}

static void
crm_figure_dispose (GObject *object)
{
  CrmFigure *self = CRM_FIGURE (object);

  g_clear_pointer (&self->title, gtk_widget_unparent);
  g_clear_pointer (&self->value, gtk_widget_unparent);
  g_clear_pointer (&self->detail, gtk_widget_unparent);

  G_OBJECT_CLASS (crm_figure_parent_class)->dispose (object);
}

static void
crm_figure_class_init (CrmFigureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crm_figure_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "figure");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
crm_figure_init (CrmFigure *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 2);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");

  self->title = figure_label ("caption-heading", "dim-label");
  self->value = figure_label ("title-3", "numeric");
  self->detail = figure_label ("caption", "dim-label");
  gtk_widget_set_parent (self->title, GTK_WIDGET (self));
  gtk_widget_set_parent (self->value, GTK_WIDGET (self));
  gtk_widget_set_parent (self->detail, GTK_WIDGET (self));
  gtk_widget_set_visible (self->detail, FALSE);
}

/**
 * crm_figure_new:
 * @large: the number in the largest type, for a page of figures
 */
GtkWidget *
crm_figure_new (const char *title,
                gboolean    large)
{
  CrmFigure *self = g_object_new (CRM_TYPE_FIGURE, NULL);

  if (large)
    {
      gtk_widget_remove_css_class (self->value, "title-3");
      gtk_widget_add_css_class (self->value, "title-1");
    }
  crm_figure_set (self, title, "—", NULL);
  return GTK_WIDGET (self);
}

/**
 * crm_figure_set:
 * @title: (nullable): the caption, or %NULL to keep it
 * @detail: (nullable): what the figure is out of, or %NULL for nothing
 */
void
crm_figure_set (CrmFigure  *self,
                const char *title,
                const char *value,
                const char *detail)
{
  g_autofree char *spoken = NULL;
  GtkWidget *parent;

  g_return_if_fail (CRM_IS_FIGURE (self));

  if (title != NULL)
    gtk_label_set_text (GTK_LABEL (self->title), title);
  gtk_label_set_text (GTK_LABEL (self->value), value);
  gtk_label_set_text (GTK_LABEL (self->detail), detail ? detail : "");
  gtk_widget_set_visible (self->detail, detail != NULL && detail[0] != '\0');

  /* Translators: a figure read aloud as one: "Spent This Year: ₾1 955.00" */
  spoken = g_strdup_printf (_("%s: %s"), gtk_label_get_text (GTK_LABEL (self->title)), value);
  if (detail != NULL && detail[0] != '\0')
    {
      /* Translators: a figure and what it is out of, read aloud: "Satisfaction: 80 %, of 10 ratings" */
      g_autofree char *with_detail = g_strdup_printf (_("%s, %s"), spoken, detail);

      g_free (spoken);
      spoken = g_steal_pointer (&with_detail);
    }

  crm_accessible_set_name (GTK_WIDGET (self), spoken);
  parent = gtk_widget_get_parent (GTK_WIDGET (self));
  if (GTK_IS_FLOW_BOX_CHILD (parent))
    crm_accessible_set_name (parent, spoken);
}

const char *
crm_figure_get_value (CrmFigure *self)
{
  g_return_val_if_fail (CRM_IS_FIGURE (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->value));
}
