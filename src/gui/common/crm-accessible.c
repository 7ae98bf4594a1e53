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

  if (name != NULL)
    crm_accessible_set_name (button, name);
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
    }
}
