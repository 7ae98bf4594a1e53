/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-accessible"

#include "config.h"

#include <glib/gi18n.h>

#include "crm-accessible.h"

/* GTK 4.8 names a widget by joining its "label" property with the labels
 * of its "labelled-by" widgets, and falls back to the type name when both
 * are missing (except for plain containers). A button with a mnemonic has
 * both, the first with its underscore: so each helper here leaves exactly
 * one source of the name. */

static gboolean has_name (GtkWidget *widget);

/**
 * crm_accessible_icon:
 *
 * Returns: (transfer floating): an icon that only helps the eye (the row
 *   or button beside it says the same in words): left out of the tree
 */
GtkWidget *
crm_accessible_icon (const char *icon_name)
{
  return g_object_new (GTK_TYPE_IMAGE,
                       "icon-name", icon_name,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
}

/**
 * crm_accessible_set_name:
 *
 * @widget reads as @name, and only that.
 */
void
crm_accessible_set_name (GtkWidget  *widget,
                         const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/**
 * crm_accessible_name_row:
 * @detail: (nullable): the subtitle, or %NULL
 *
 * A list row reads as its content, "Purchase ₾25.00, 31 May 2026 · Cake",
 * rather than by its type or as its title alone.
 */
void
crm_accessible_name_row (GtkWidget  *row,
                         const char *title,
                         const char *detail)
{
  g_autofree char *name = NULL;

  g_return_if_fail (GTK_IS_WIDGET (row));

  /* Translators: how a screen reader reads a row: its title, then its details */
  name = detail && detail[0] ? g_strdup_printf (_("%s, %s"), title, detail) : g_strdup (title);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
  crm_accessible_set_name (row, name);
}

/**
 * crm_accessible_strip_mnemonic:
 *
 * Returns: (transfer full): @text as shown, "_Add Customer" → "Add Customer"
 */
char *
crm_accessible_strip_mnemonic (const char *text)
{
  GString *shown = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p != '\0'; p++)
    {
      /* "__" is a shown underscore; a lone one marks the next letter. */
      if (*p == '_' && p[1] != '\0')
        p++;
      g_string_append_c (shown, *p);
    }

  return g_string_free (shown, FALSE);
}

/**
 * crm_accessible_fix_mnemonic:
 *
 * A button with a mnemonic label (or an AdwButtonContent) reads its label
 * once, without the underscore.
 */
void
crm_accessible_fix_mnemonic (GtkWidget *button)
{
  GtkWidget *child;
  g_autofree char *name = NULL;

  g_return_if_fail (GTK_IS_BUTTON (button));

  child = gtk_button_get_child (GTK_BUTTON (button));
  if (ADW_IS_BUTTON_CONTENT (child))
    name = adw_button_content_get_use_underline (ADW_BUTTON_CONTENT (child))
           ? crm_accessible_strip_mnemonic (adw_button_content_get_label (ADW_BUTTON_CONTENT (child)))
           : g_strdup (adw_button_content_get_label (ADW_BUTTON_CONTENT (child)));
  else if (gtk_button_get_use_underline (GTK_BUTTON (button)) && gtk_button_get_label (GTK_BUTTON (button)))
    name = crm_accessible_strip_mnemonic (gtk_button_get_label (GTK_BUTTON (button)));
  else if (GTK_IS_LABEL (child) && gtk_button_get_label (GTK_BUTTON (button)) != NULL)
    name = g_strdup (gtk_button_get_label (GTK_BUTTON (button)));

  if (name != NULL)
    crm_accessible_set_name (button, name);
  else if (GTK_IS_LABEL (child) && !has_name (button))
    /* A label put in as the child (libadwaita's own buttons). */
    gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                    child, NULL, -1);
  else if (gtk_widget_get_tooltip_text (button) != NULL &&
           (!has_name (button) || g_object_get_data (G_OBJECT (button), "crm-accessible-tooltip") != NULL))
    {
      /* An icon button of libadwaita's (a password's peek): its tooltip,
       * which it changes as it toggles. */
      g_object_set_data (G_OBJECT (button), "crm-accessible-tooltip", GINT_TO_POINTER (TRUE));
      crm_accessible_set_name (button, gtk_widget_get_tooltip_text (button));
    }

  /* GTK sets the raw label again whenever it changes ("_Import 3
   * Customers" after a file is read): follow it. */
  if (g_object_get_data (G_OBJECT (button), "crm-accessible-follows") == NULL)
    {
      g_object_set_data (G_OBJECT (button), "crm-accessible-follows", GINT_TO_POINTER (TRUE));
      g_signal_connect_after (button, "notify::label", G_CALLBACK (crm_accessible_fix_mnemonic), NULL);
      g_signal_connect_after (button, "notify::use-underline", G_CALLBACK (crm_accessible_fix_mnemonic), NULL);
      g_signal_connect_after (button, "notify::tooltip-text", G_CALLBACK (crm_accessible_fix_mnemonic), NULL);
      if (ADW_IS_BUTTON_CONTENT (child))
        g_signal_connect_object (child, "notify::label", G_CALLBACK (crm_accessible_fix_mnemonic), button,
                                 G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }
}

/**
 * crm_accessible_fix_mnemonics:
 *
 * crm_accessible_fix_mnemonic() on every button below @root, as built
 * from a template. A button whose label changes later is fixed again by
 * whoever changes it.
 */
void
crm_accessible_fix_mnemonics (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root))
    crm_accessible_fix_mnemonic (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    crm_accessible_fix_mnemonics (child);
}

/**
 * crm_accessible_plain_flow_box:
 *
 * A flow box used only to wrap buttons or figures onto more lines: its
 * cells take no focus of their own (Tab goes straight to the buttons),
 * and a cell holding a button reads as the button.
 */
void
crm_accessible_plain_flow_box (GtkFlowBox *box)
{
  g_return_if_fail (GTK_IS_FLOW_BOX (box));

  /* Only layout: it says nothing itself (GTK 4.8 would say "GtkFlowBox"). */
  crm_accessible_set_name (GTK_WIDGET (box), "");
  for (GtkWidget *cell = gtk_widget_get_first_child (GTK_WIDGET (box));
       cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    {
      GtkWidget *content;

      if (!GTK_IS_FLOW_BOX_CHILD (cell))
        continue;

      gtk_widget_set_focusable (cell, FALSE);
      content = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (cell));
      if (GTK_IS_BUTTON (content) && gtk_button_get_label (GTK_BUTTON (content)) != NULL)
        {
          g_autofree char *name = crm_accessible_strip_mnemonic (gtk_button_get_label (GTK_BUTTON (content)));

          crm_accessible_set_name (cell, name);
        }
      else if (content != NULL && gtk_widget_get_tooltip_text (content) != NULL)
        crm_accessible_set_name (cell, gtk_widget_get_tooltip_text (content));
      else if (content != NULL && !has_name (cell))
        crm_accessible_name_by_labels (cell, content);
    }
}

/* GTK 4.8 has no getter for an accessible property; the test API's
 * has_property is public and answers whether one is set. */
static gboolean
has_name (GtkWidget *widget)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

static void
collect_labels (GtkWidget *widget,
                GList    **labels)
{
  if (GTK_IS_LABEL (widget))
    {
      /* An empty label would read as "GtkLabel". */
      if (gtk_widget_get_visible (widget) && gtk_label_get_text (GTK_LABEL (widget))[0] != '\0')
        *labels = g_list_prepend (*labels, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

/**
 * crm_accessible_name_by_labels:
 * @content: where the labels are (often @widget itself)
 *
 * @widget reads as the labels shown in @content, in order, and follows
 * them when they change: a row in a list reads as what it shows.
 */
void
crm_accessible_name_by_labels (GtkWidget *widget,
                               GtkWidget *content)
{
  GList *labels = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (GTK_IS_WIDGET (content));

  collect_labels (content, &labels);
  if (labels == NULL)
    return;

  labels = g_list_reverse (labels);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
  /* A list of references goes in a GValue holding the GList, which GTK
   * 4.8 keeps as the relation's value (so it is not freed here). */
  {
    GtkAccessibleRelation relation = GTK_ACCESSIBLE_RELATION_LABELLED_BY;
    GValue value = G_VALUE_INIT;

    gtk_accessible_relation_init_value (relation, &value);
    g_value_set_pointer (&value, labels);
    gtk_accessible_update_relation_value (GTK_ACCESSIBLE (widget), 1, &relation, &value);
    g_value_unset (&value);
  }
}

/**
 * crm_accessible_name_column_view:
 * @name: what the list of rows reads as ("Customers")
 *
 * The parts GTK 4.8 builds inside a column view, named: the row of
 * column titles reads as the titles, each title as its label, the list
 * as @name. Its rows and cells are named as they are bound (their
 * child's parents), by the page that fills them.
 */
void
crm_accessible_name_column_view (GtkColumnView *view,
                                 const char    *name)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child) || !g_str_equal (G_OBJECT_TYPE_NAME (child), "GtkListItemWidget"))
        {
          crm_accessible_set_name (child, name);
          continue;
        }

      crm_accessible_name_by_labels (child, child);
      for (GtkWidget *title = gtk_widget_get_first_child (child);
           title != NULL;
           title = gtk_widget_get_next_sibling (title))
        crm_accessible_name_by_labels (title, title);
    }
}

/* The row's title label, which names the controls at the row's end. */
static GtkWidget *
find_title_label (GtkWidget  *widget,
                  const char *title)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_title_label (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * crm_accessible_label_by_row:
 *
 * A control at the end of a preferences row (a switch, a spin button, a
 * drop-down) reads as the row's title. libadwaita 1.2 labels it by the
 * row itself, which has no name of its own: "AdwActionRow".
 */
void
crm_accessible_label_by_row (GtkWidget *control)
{
  GtkWidget *row;
  GtkWidget *title;

  g_return_if_fail (GTK_IS_WIDGET (control));

  row = gtk_widget_get_ancestor (control, ADW_TYPE_PREFERENCES_ROW);
  if (row == NULL || gtk_test_accessible_has_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return;

  title = find_title_label (row, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  if (title != NULL)
    gtk_accessible_update_relation (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                    title, NULL, -1);
}

/* The button and the popup's list inside a drop-down. */
static void
label_drop_down_parts (GtkWidget *widget,
                       GtkWidget *by)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TOGGLE_BUTTON (child) || GTK_IS_LIST_VIEW (child))
        gtk_accessible_update_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                        by, NULL, -1);
      if (!GTK_IS_LIST_VIEW (child))
        label_drop_down_parts (child, by);
    }
}

/* A drop-down's button reads as the drop-down ("Show", "Period") or its
 * row's title, rather than "GtkToggleButton". */
static void
fix_drop_down (GtkWidget *drop_down)
{
  GtkWidget *row = gtk_widget_get_ancestor (drop_down, ADW_TYPE_PREFERENCES_ROW);
  GtkWidget *by = drop_down;

  if (row != NULL)
    {
      crm_accessible_label_by_row (drop_down);
      by = find_title_label (row, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
    }

  if (by != NULL)
    label_drop_down_parts (drop_down, by);
}

static GtkWidget *
find_list_box (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LIST_BOX (child))
        return child;
      if (ADW_IS_PREFERENCES_GROUP (child))
        continue;
      if ((found = find_list_box (child)) != NULL)
        return found;
    }

  return NULL;
}

/* libadwaita 1.2 labels a group's list by the group's title label, which
 * an untitled group leaves empty: GTK 4.8 then reads the list as
 * "GtkLabel". An untitled list says nothing of its own. */
static void
fix_untitled_group (AdwPreferencesGroup *group)
{
  const char *title = adw_preferences_group_get_title (group);
  GtkWidget *list;

  if (title != NULL && title[0] != '\0')
    return;

  list = find_list_box (GTK_WIDGET (group));
  if (list != NULL)
    crm_accessible_set_name (list, "");
}

/* libadwaita 1.2's password row has an icon button to show the text that
 * says nothing: it reads as libadwaita's own words for it. */
static void
name_peek_button (GtkWidget *button)
{
  gboolean shown = g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (button)), "view-conceal-symbolic") == 0;

  crm_accessible_set_name (button, shown ? g_dgettext ("libadwaita", "Hide Text")
                                         : g_dgettext ("libadwaita", "Show Text"));
}

static void
fix_password_row (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *icon = GTK_IS_BUTTON (child) ? gtk_button_get_icon_name (GTK_BUTTON (child)) : NULL;

      if (g_strcmp0 (icon, "view-reveal-symbolic") == 0 || g_strcmp0 (icon, "view-conceal-symbolic") == 0)
        {
          name_peek_button (child);
          if (g_object_get_data (G_OBJECT (child), "crm-accessible-peek") == NULL)
            {
              g_object_set_data (G_OBJECT (child), "crm-accessible-peek", GINT_TO_POINTER (TRUE));
              g_signal_connect_after (child, "notify::icon-name", G_CALLBACK (name_peek_button), NULL);
            }
        }
      else
        fix_password_row (child);
    }
}

/**
 * crm_accessible_fix_tree:
 *
 * What every window needs, applied below @root as it is first shown:
 * buttons read their label once (crm_accessible_fix_mnemonic), icons with
 * no name are only decoration and leave the tree, drop-downs and the
 * controls of preferences rows read as their row's title, and flow boxes
 * only wrap (crm_accessible_plain_flow_box). Widgets that come later
 * (rows of a list) are named by the code that makes them.
 */
void
crm_accessible_fix_tree (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root))
    crm_accessible_fix_mnemonic (root);
  else if (GTK_IS_IMAGE (root) && !has_name (root))
    gtk_accessible_update_state (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  else if (GTK_IS_DROP_DOWN (root))
    fix_drop_down (root);
  else if (GTK_IS_SPIN_BUTTON (root) || GTK_IS_SWITCH (root))
    crm_accessible_label_by_row (root);
  else if (GTK_IS_FLOW_BOX (root))
    crm_accessible_plain_flow_box (GTK_FLOW_BOX (root));
  else if (g_str_equal (G_OBJECT_TYPE_NAME (root), "GtkListItemWidget") && !has_name (root) &&
           !GTK_IS_COLUMN_VIEW (gtk_widget_get_parent (root)))
    /* An item of a list view (the value shown in a combo row, an entry of
     * a completion): it reads as what it shows. */
    crm_accessible_name_by_labels (root, root);
  else if (ADW_IS_PREFERENCES_GROUP (root))
    fix_untitled_group (ADW_PREFERENCES_GROUP (root));
  else if (ADW_IS_PASSWORD_ENTRY_ROW (root))
    fix_password_row (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    crm_accessible_fix_tree (child);
}

static void
toplevel_mapped_cb (GtkWidget *window)
{
  crm_accessible_fix_tree (window);
}

static void
toplevels_changed_cb (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_object_get_data (G_OBJECT (window), "crm-accessible-watched") != NULL)
        continue;
      g_object_set_data (G_OBJECT (window), "crm-accessible-watched", GINT_TO_POINTER (TRUE));
      g_signal_connect (window, "map", G_CALLBACK (toplevel_mapped_cb), NULL);
    }
}

/**
 * crm_accessible_watch_windows:
 *
 * crm_accessible_fix_tree() on every window of the application as it is
 * shown, dialogs and libadwaita's own (message dialogs, Preferences,
 * About) too. Once per process.
 */
void
crm_accessible_watch_windows (void)
{
  static GListModel *toplevels;

  if (toplevels != NULL)
    return;

  toplevels = gtk_window_get_toplevels ();
  g_signal_connect (toplevels, "items-changed", G_CALLBACK (toplevels_changed_cb), NULL);
  toplevels_changed_cb (toplevels, 0, 0, g_list_model_get_n_items (toplevels));
}
