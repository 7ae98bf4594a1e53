/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What a screen reader says for each widget on screen, computed the way
 * GTK 4.8's accessibility layer names a widget (its "label" property, then
 * the "label" of each of its "labelled-by" widgets, joined by spaces; with
 * neither, the type name, except for plain containers), and the names no
 * person should hear: none for a control, a type name, a mnemonic's
 * underscore, or one name said twice.
 *
 * GTK 4.8 has no public getter for an accessible property: the test API
 * (gtk_test_accessible_check_property) returns the value it finds when it
 * differs from the one asked, which is how the values are read here. */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ui-accessible.h"

/* Never set by the app, so the check always answers with the real value. */
#define UNLIKELY "\x01"

static char *
label_property (GtkWidget *widget)
{
  if (!gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;

  return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, UNLIKELY);
}

static gboolean
is_hidden (GtkWidget *widget)
{
  g_autofree char *differs = NULL;

  if (!gtk_test_accessible_has_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN))
    return FALSE;
  differs = gtk_test_accessible_check_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);

  return differs == NULL;
}

/* GTK's plain containers: read through, never named by their type. */
static gboolean
is_structural (GtkAccessibleRole role)
{
  switch ((int) role)
    {
    case GTK_ACCESSIBLE_ROLE_FORM:
    case GTK_ACCESSIBLE_ROLE_GROUP:
    case GTK_ACCESSIBLE_ROLE_GENERIC:
    case GTK_ACCESSIBLE_ROLE_LANDMARK:
    case GTK_ACCESSIBLE_ROLE_REGION:
    case GTK_ACCESSIBLE_ROLE_SEARCH:
    case GTK_ACCESSIBLE_ROLE_SEPARATOR:
    case GTK_ACCESSIBLE_ROLE_NONE:
    case GTK_ACCESSIBLE_ROLE_PRESENTATION:
      return TRUE;

    default:
      return FALSE;
    }
}

/* What a person reaches and must hear a name for. */
static gboolean
needs_name (GtkWidget *widget)
{
  switch ((int) gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)))
    {
    case GTK_ACCESSIBLE_ROLE_BUTTON:
    case GTK_ACCESSIBLE_ROLE_CHECKBOX:
    case GTK_ACCESSIBLE_ROLE_COMBO_BOX:
    case GTK_ACCESSIBLE_ROLE_IMG:
    case GTK_ACCESSIBLE_ROLE_LINK:
    case GTK_ACCESSIBLE_ROLE_RADIO:
    case GTK_ACCESSIBLE_ROLE_SEARCH_BOX:
    case GTK_ACCESSIBLE_ROLE_SLIDER:
    case GTK_ACCESSIBLE_ROLE_SPIN_BUTTON:
    case GTK_ACCESSIBLE_ROLE_SWITCH:
    case GTK_ACCESSIBLE_ROLE_TEXT_BOX:
      return TRUE;

    case GTK_ACCESSIBLE_ROLE_LIST_ITEM:
    case GTK_ACCESSIBLE_ROLE_ROW:
    case GTK_ACCESSIBLE_ROLE_CELL:
      /* A row a person selects or activates, not a wrapper GTK puts
       * around what a box or a list lays out. */
      return gtk_widget_get_focusable (widget) || GTK_IS_LIST_BOX_ROW (widget) ||
             g_str_equal (G_OBJECT_TYPE_NAME (widget), "GtkColumnViewCell");

    default:
      return FALSE;
    }
}

/* The labels of @widget's labelled-by widgets, read from the test API's
 * print of the list ("GtkLabel<0x…>GtkLabel<0x…>"). */
static void
add_labelled_by (GtkWidget *widget,
                 GPtrArray *names)
{
  g_autofree char *refs = NULL;

  if (!gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return;

  refs = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY, NULL);
  for (const char *p = refs ? strchr (refs, '<') : NULL; p != NULL; p = strchr (p + 1, '<'))
    {
      gpointer pointer = NULL;
      char *label;

      if (sscanf (p + 1, "%p", &pointer) != 1 || !GTK_IS_WIDGET (pointer))
        continue;

      label = label_property (pointer);
      if (label == NULL && !is_structural (gtk_accessible_get_accessible_role (pointer)))
        label = g_strdup (G_OBJECT_TYPE_NAME (pointer));
      if (label != NULL)
        g_ptr_array_add (names, label);
    }
}

/**
 * accessible_name:
 *
 * Returns: (transfer full): what a screen reader says for @widget; "" for
 *   a container that says nothing of its own
 */
char *
accessible_name (GtkWidget *widget)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  char *label = label_property (widget);

  if (label != NULL)
    g_ptr_array_add (names, label);
  add_labelled_by (widget, names);

  if (names->len == 0 && !is_hidden (widget) &&
      !is_structural (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget))))
    g_ptr_array_add (names, g_strdup (G_OBJECT_TYPE_NAME (widget)));

  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static gboolean
is_type_name (const char *name)
{
  return (g_str_has_prefix (name, "Gtk") || g_str_has_prefix (name, "Adw") || g_str_has_prefix (name, "Crm")) &&
         strchr (name, ' ') == NULL && g_ascii_isupper (name[3]);
}

/* An underscore that marks a mnemonic: a word that starts with one
 * ("_Save"), or one inside a word that is said again without it
 * ("Back _Up Now Back Up Now"). An e-mail address's underscore is the
 * customer's text, not a mnemonic. "__" is an underscore shown. */
static gboolean
has_mnemonic_marker (const char *name)
{
  g_auto(GStrv) words = g_strsplit (name, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *mark = strchr (words[i], '_');
      g_autofree char *bare = NULL;

      if (mark == NULL || mark[1] == '_' || mark[1] == '\0' || !g_unichar_isalpha (g_utf8_get_char (mark + 1)))
        continue;
      if (mark == words[i])
        return TRUE;

      bare = g_strdup (words[i]);
      memmove (bare + (mark - words[i]), bare + (mark - words[i]) + 1, strlen (mark));
      for (guint j = 0; words[j] != NULL; j++)
        if (j != i && g_str_equal (words[j], bare))
          return TRUE;
    }

  return FALSE;
}

/* "Add Customer Add Customer", "Save Save": one name said twice. */
static gboolean
is_doubled (const char *name)
{
  gsize length = strlen (name);

  if (length < 3 || length % 2 == 0)
    return FALSE;

  return name[length / 2] == ' ' && strncmp (name, name + length / 2 + 1, length / 2) == 0;
}

/**
 * accessible_name_is_bad:
 * @why: (out): what is wrong, when it is
 */
gboolean
accessible_name_is_bad (const char  *name,
                        const char **why)
{
  if (name == NULL || name[0] == '\0')
    *why = "has no name";
  else if (is_type_name (name))
    *why = "is read by its type name";
  else if (has_mnemonic_marker (name))
    *why = "is read with a mnemonic's underscore";
  else if (is_doubled (name))
    *why = "says its name twice";
  else
    return FALSE;

  return TRUE;
}

static gboolean
has_own_name (GtkWidget *widget)
{
  return gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
         gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* Which widgets are checked. A name the app or GTK gave (a label, a
 * labelled-by relation) must read well wherever it is. A widget with no
 * name falls back to its type name; that matters for what a person
 * reaches (controls, rows, cells, images) and for the app's own widgets.
 * GTK 4.8 and libadwaita 1.2 name their internal fillers by type too
 * (AdwGizmo, GtkGizmo, AdwLeaflet, AdwWindowTitle, AdwSqueezer,
 * GtkScrollbar and its GtkRange, GtkPopoverContent, GtkStackPage…):
 * screen readers do not speak fillers and panels, and the app cannot
 * reach most of them, so those are left out (docs/accessibility.md). */
static void
walk (GtkWidget  *widget,
      const char *where,
      GString    *problems,
      guint      *checked)
{
  GtkAccessibleRole role;

  if (!gtk_widget_get_mapped (widget) || is_hidden (widget))
    return;

  role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));
  if (role != GTK_ACCESSIBLE_ROLE_NONE && role != GTK_ACCESSIBLE_ROLE_PRESENTATION)
    {
      g_autofree char *name = accessible_name (widget);
      const char *why = NULL;
      gboolean ours = g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Crm");
      gboolean bad = FALSE;

      if (has_own_name (widget) || needs_name (widget) || ours)
        bad = name[0] == '\0' ? needs_name (widget) : accessible_name_is_bad (name, &why);

      if (bad && why == NULL)
        why = "has no name";
      if (bad)
        {
          GtkWidget *parent = gtk_widget_get_parent (widget);
          GtkWidget *grand = parent ? gtk_widget_get_parent (parent) : NULL;

          g_string_append_printf (problems, "\n  %s: a %s (in a %s in a %s%s%s) %s: “%s”", where,
                                  G_OBJECT_TYPE_NAME (widget),
                                  parent ? G_OBJECT_TYPE_NAME (parent) : "window",
                                  grand ? G_OBJECT_TYPE_NAME (grand) : "window",
                                  GTK_IS_BUTTON (widget) ? ", icon " : "",
                                  GTK_IS_BUTTON (widget) ? gtk_button_get_icon_name (GTK_BUTTON (widget)) : "",
                                  why, name);
        }
      (*checked)++;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    walk (child, where, problems, checked);
}

/**
 * check_accessible_names:
 * @where: said with each problem
 * @problems: where a line is added for each widget whose name is wrong
 *
 * Returns: how many widgets were looked at
 */
guint
check_accessible_names (GtkWidget  *root,
                        const char *where,
                        GString    *problems)
{
  guint checked = 0;

  walk (root, where, problems, &checked);

  return checked;
}
