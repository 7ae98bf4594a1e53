/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "crm-date-popover"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "crm-date-popover.h"

/* A calendar beside a date typed as text: typing still works, and the
 * calendar opens on the date typed so far. Picking a day writes it as
 * year-month-day, the form every date field reads. */
struct _CrmDatePopover
{
  GtkPopover   parent_instance;

  GtkEditable *editable;   /* not owned: the field outlives its popover */
  GtkCalendar *calendar;
  gboolean     syncing;
};

G_DEFINE_FINAL_TYPE (CrmDatePopover, crm_date_popover, GTK_TYPE_POPOVER)

/**
 * crm_date_popover_parse:
 *
 * Reads "2026-05-31" or "31.05.2026", the two ways dates are typed here.
 *
 * Returns: whether @text is a real date
 */
gboolean
crm_date_popover_parse (const char *text,
                        int        *year,
                        int        *month,
                        int        *day)
{
  int y, m, d;
  char extra;

  if (text == NULL ||
      !(sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &extra) == 3 ||
        sscanf (text, "%2d.%2d.%4d%c", &d, &m, &y, &extra) == 3) ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;

  *year = y;
  *month = m;
  *day = d;
  return TRUE;
}

static void
day_selected_cb (CrmDatePopover *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = NULL;

  if (self->syncing || self->editable == NULL)
    return;

  text = g_date_time_format (date, "%Y-%m-%d");
  gtk_editable_set_text (self->editable, text);
  gtk_popover_popdown (GTK_POPOVER (self));
}

/* Opens on the date in the field, or today. */
static void
show_cb (CrmDatePopover *self)
{
  int year, month, day;
  g_autoptr(GDateTime) date = NULL;

  if (self->editable != NULL &&
      crm_date_popover_parse (gtk_editable_get_text (self->editable), &year, &month, &day))
    date = g_date_time_new_local (year, month, day, 0, 0, 0);
  else
    date = g_date_time_new_now_local ();

  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, date);
  self->syncing = FALSE;
}

static void
crm_date_popover_class_init (CrmDatePopoverClass *klass)
{
}

static void
crm_date_popover_init (CrmDatePopover *self)
{
  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_popover_set_child (GTK_POPOVER (self), GTK_WIDGET (self->calendar));
  g_signal_connect_swapped (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  g_signal_connect (self, "show", G_CALLBACK (show_cb), NULL);
}

/**
 * crm_date_popover_new:
 * @editable: the field the date is written into
 */
GtkWidget *
crm_date_popover_new (GtkEditable *editable)
{
  CrmDatePopover *self;

  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  self = g_object_new (CRM_TYPE_DATE_POPOVER, NULL);
  self->editable = editable;
  return GTK_WIDGET (self);
}

/**
 * crm_date_popover_attach:
 *
 * Adds a calendar button at the end of @row.
 *
 * Returns: (transfer none): the button
 */
GtkWidget *
crm_date_popover_attach (AdwEntryRow *row)
{
  GtkWidget *button = gtk_menu_button_new ();

  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), NULL);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), crm_date_popover_new (GTK_EDITABLE (row)));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Choose on a Calendar"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose on a Calendar"), -1);
  adw_entry_row_add_suffix (row, button);
  return button;
}

/**
 * crm_date_popover_pick:
 *
 * Picks a day as a click on the calendar does.
 */
void
crm_date_popover_pick (CrmDatePopover *self,
                       int             year,
                       int             month,
                       int             day)
{
  g_autoptr(GDateTime) date = NULL;

  g_return_if_fail (CRM_IS_DATE_POPOVER (self));

  date = g_date_time_new_local (year, month, day, 0, 0, 0);
  g_return_if_fail (date != NULL);
  gtk_calendar_select_day (self->calendar, date);
}
