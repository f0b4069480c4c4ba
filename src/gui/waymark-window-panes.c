/* waymark-window-panes.c: the window's panes (sidebar, map, inspector) and the editor. actions
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "waymark-commands.h"
#include "waymark-window-private.h"

/* The palette preference lives on the application, which the window only
 * knows once it has been added to it. */
static void
application_changed_cb (WaymarkWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app != NULL && !self->palette_bound &&
      g_object_class_find_property (G_OBJECT_GET_CLASS (app), "palette") != NULL)
    {
      g_object_bind_property (app, "palette", self->canvas, "palette", G_BINDING_SYNC_CREATE);
      self->palette_bound = TRUE;
    }
}

/* Alt+Return: "the properties of this", so the keyboard goes there too. */
static void
show_inspector_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  waymark_window_set_inspector_visible (self, TRUE);
  gtk_widget_child_focus (GTK_WIDGET (self->inspector), GTK_DIR_TAB_FORWARD);
}

/* The document's properties (title, author, language, tags) from the
 * menu: a click on the paper around the map shows them too, but a
 * keyboard has no such place to go. */
static void
document_properties_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  waymark_canvas_inspect_document (self->canvas);
  /* On the recommendations page the inspector shows the chosen one. */
  waymark_recommendations_view_set_selected_id (self->recommendations, NULL);
  show_inspector_action (widget, action_name, param);
}

/* F6 and Shift+F6 move the keyboard between the panes (sidebar, map,
 * properties), as in GNOME Files: the map is many Tab stops away. */
static void
cycle_panes_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *content = _waymark_window_get_content_pane (self);
  GtkWidget *panes[3];
  guint n = 0, current = 0;
  int step = g_variant_get_int32 (param) < 0 ? -1 : 1;

  panes[n++] = GTK_WIDGET (self->sidebar);
  panes[n++] = content;
  if (waymark_window_get_inspector_visible (self))
    panes[n++] = GTK_WIDGET (self->inspector);
  for (guint i = 0; i < n; i++)
    if (focus != NULL && (focus == panes[i] || gtk_widget_is_ancestor (focus, panes[i])))
      current = i;
  /* Try each pane in turn: a hidden sidebar cannot take the focus. */
  for (guint tried = 1; tried <= n; tried++)
    {
      GtkWidget *next = panes[(current + n + step * (int) tried) % n];

      if (!gtk_widget_is_visible (next))
        continue;
      /* The map and the views know where their keyboard focus goes. */
      if (next == content ? gtk_widget_grab_focus (next)
                          : gtk_widget_child_focus (next, GTK_DIR_TAB_FORWARD))
        return;
    }
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  if (g_str_equal (action_name, "editor.find"))
    waymark_find_bar_open (self->find_bar);
  else
    waymark_find_bar_step (self->find_bar, g_str_equal (action_name, "editor.find-previous"));
}

static void
add_persona_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  const char *id;

  /* The same phases and lanes as the persona shown, without its cards. */
  id = waymark_command_add_persona (self->document, self->persona_id);
  if (id != NULL)
    waymark_window_set_persona_id (self, id);
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *accel,
              const char            *action,
              GVariant              *argument)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accel),
                                            gtk_named_action_new (action));

  if (argument != NULL)
    gtk_shortcut_set_arguments (shortcut, argument);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

void
_waymark_window_class_panes_init (WaymarkWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_property_action (widget_class, "editor.toggle-inspector",
                                            "inspector-visible");
  gtk_widget_class_install_action (widget_class, "editor.show-inspector", NULL,
                                   show_inspector_action);
  gtk_widget_class_install_action (widget_class, "editor.document-properties", NULL,
                                   document_properties_action);
  gtk_widget_class_install_action (widget_class, "editor.cycle-panes", "i", cycle_panes_action);
  gtk_widget_class_install_action (widget_class, "editor.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "editor.find-next", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "editor.find-previous", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "editor.add-persona", NULL, add_persona_action);
}

void
_waymark_window_panes_init (WaymarkWindow *self)
{
  GtkShortcutController *shortcuts;

  /* Everything else the panes show follows the window's document and persona. */
  g_object_bind_property (self, "document", self->canvas, "document", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "persona-id", self->canvas, "persona-id",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self, "document", self->sidebar, "document", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "persona-id", self->sidebar, "persona-id",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (self, "document", self->inspector, "document", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->canvas, "notify::inspected-id",
                           G_CALLBACK (_waymark_window_update_inspected), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::application", G_CALLBACK (application_changed_cb), NULL);
  application_changed_cb (self);

  /* Window-wide: they work wherever the focus is. */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_GLOBAL);
  add_shortcut (shortcuts, "<Control>f", "editor.find", NULL);
  add_shortcut (shortcuts, "<Control>g", "editor.find-next", NULL);
  add_shortcut (shortcuts, "<Control><Shift>g", "editor.find-previous", NULL);
  /* F9 toggles the inspector, the pane users edit with most; the sidebar has Shift+F9. */
  add_shortcut (shortcuts, "F9", "editor.toggle-inspector", NULL);
  add_shortcut (shortcuts, "<Control>i", "editor.toggle-inspector", NULL);
  add_shortcut (shortcuts, "<Alt>Return", "editor.show-inspector", NULL);
  add_shortcut (shortcuts, "<Control><Shift>n", "editor.add-persona", NULL);
  add_shortcut (shortcuts, "F6", "editor.cycle-panes", g_variant_new_int32 (1));
  add_shortcut (shortcuts, "<Shift>F6", "editor.cycle-panes", g_variant_new_int32 (-1));
  gtk_widget_add_controller (self->map_area, GTK_EVENT_CONTROLLER (shortcuts));

  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}
