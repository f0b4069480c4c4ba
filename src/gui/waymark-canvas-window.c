/* waymark-canvas-window.c: puts the editing canvas, sidebar and inspector in a window
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-canvas.h"
#include "waymark-canvas-commands.h"
#include "waymark-canvas-window.h"
#include "waymark-find-bar.h"
#include "waymark-inspector.h"
#include "waymark-sidebar.h"

#define CANVAS_KEY "waymark-canvas"
#define FIND_BAR_KEY "waymark-find-bar"
#define INSPECTOR_KEY "waymark-inspector"
#define SIDEBAR_KEY "waymark-sidebar"

GtkWidget *
waymark_canvas_for_window (WaymarkWindow *window)
{
  return g_object_get_data (G_OBJECT (window), CANVAS_KEY);
}

void
waymark_canvas_window_commit_editing (WaymarkWindow *window)
{
  GtkWidget *canvas = waymark_canvas_for_window (window);

  if (canvas != NULL)
    waymark_canvas_commit_editing (WAYMARK_CANVAS (canvas));
}

static void
application_changed_cb (WaymarkWindow *window)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  GtkWidget *canvas = waymark_canvas_for_window (window);

  /* The palette preference lives on the application, which the window
   * only knows once it has been added to it. */
  if (app != NULL && canvas != NULL &&
      g_object_class_find_property (G_OBJECT_GET_CLASS (app), "palette") != NULL &&
      g_object_get_data (G_OBJECT (canvas), "palette-bound") == NULL)
    {
      g_object_bind_property (app, "palette", canvas, "palette", G_BINDING_SYNC_CREATE);
      g_object_set_data (G_OBJECT (canvas), "palette-bound", GINT_TO_POINTER (1));
    }
}

static GtkWidget *
inspector_slot (WaymarkWindow *window)
{
  GtkWidget *inspector = g_object_get_data (G_OBJECT (window), INSPECTOR_KEY);
  /* The window's slot (an AdwBin) shows and hides with the inspector. */
  return gtk_widget_get_parent (inspector);
}

static void
set_inspector_visible (WaymarkWindow *window,
                       gboolean       visible)
{
  GtkWidget *slot = inspector_slot (window);
  GAction *action = g_action_map_lookup_action (g_object_get_data (G_OBJECT (window), "editor-actions"),
                                                "toggle-inspector");

  if (slot != NULL && !visible)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

      /* Hiding the panel with the keyboard in it: give the keyboard back to
       * the map rather than let GTK drop it on the first header button. */
      if (focus != NULL && gtk_widget_is_ancestor (focus, slot))
        gtk_widget_grab_focus (waymark_canvas_for_window (window));
    }
  if (slot != NULL)
    gtk_widget_set_visible (slot, visible);
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (visible));
}

static void
toggle_inspector_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GtkWidget *slot = inspector_slot (user_data);

  /* From what is shown, not the action's state, so the two cannot drift. */
  set_inspector_visible (user_data, slot == NULL || !gtk_widget_get_visible (slot));
}

/* Alt+Return: "the properties of this", so the keyboard goes there too. */
static void
show_inspector_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  set_inspector_visible (user_data, TRUE);
  gtk_widget_child_focus (g_object_get_data (G_OBJECT (user_data), INSPECTOR_KEY),
                          GTK_DIR_TAB_FORWARD);
}

/* The document's properties (title, author, language, tags) from the
 * menu: a click on the paper around the map shows them too, but a
 * keyboard has no such place to go. */
static void
document_properties_cb (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  GtkWidget *canvas = waymark_canvas_for_window (user_data);
  GtkWidget *inspector = g_object_get_data (G_OBJECT (user_data), INSPECTOR_KEY);

  waymark_canvas_inspect_document (WAYMARK_CANVAS (canvas));
  set_inspector_visible (user_data, TRUE);
  gtk_widget_child_focus (inspector, GTK_DIR_TAB_FORWARD);
}

/* F6 and Shift+F6 move the keyboard between the panes (sidebar, map,
 * properties), as in GNOME Files: the map is many Tab stops away. */
static void
cycle_panes_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  WaymarkWindow *window = user_data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *inspector = g_object_get_data (G_OBJECT (window), INSPECTOR_KEY);
  GtkWidget *panes[3];
  guint n = 0, current = 0;
  int step = g_variant_get_int32 (parameter) < 0 ? -1 : 1;

  panes[n++] = g_object_get_data (G_OBJECT (window), SIDEBAR_KEY);
  panes[n++] = waymark_canvas_for_window (window);
  if (gtk_widget_get_visible (inspector_slot (window)))
    panes[n++] = inspector;
  for (guint i = 0; i < n; i++)
    if (focus != NULL && (focus == panes[i] || gtk_widget_is_ancestor (focus, panes[i])))
      current = i;
  /* Try each pane in turn: a hidden sidebar cannot take the focus. */
  for (guint tried = 1; tried <= n; tried++)
    {
      GtkWidget *next = panes[(current + n + step * (int) tried) % n];

      if (!gtk_widget_is_visible (next))
        continue;
      if (next == waymark_canvas_for_window (window) ? gtk_widget_grab_focus (next)
                                                     : gtk_widget_child_focus (next, GTK_DIR_TAB_FORWARD))
        return;
    }
}

static void
find_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  waymark_find_bar_open (g_object_get_data (G_OBJECT (user_data), FIND_BAR_KEY));
}

static void
find_step_cb (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  waymark_find_bar_step (g_object_get_data (G_OBJECT (user_data), FIND_BAR_KEY),
                         g_str_equal (g_action_get_name (G_ACTION (action)), "find-previous"));
}

static void
add_persona_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  WaymarkWindow *window = user_data;
  const char *id;

  /* The same phases and lanes as the persona shown, without its cards. */
  id = waymark_command_add_persona (waymark_window_get_document (window),
                                    waymark_window_get_persona_id (window));
  if (id != NULL)
    waymark_window_set_persona_id (window, id);
}

static void
add_shortcut (GtkShortcutController *controller,
              const char            *accel,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accel),
                                                          gtk_named_action_new (action)));
}

static void
add_shortcut_with_int (GtkShortcutController *controller,
                       const char            *accel,
                       const char            *action,
                       int                    argument)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accel),
                                            gtk_named_action_new (action));

  gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (argument));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

void
waymark_canvas_install (WaymarkWindow *window)
{
  GtkWidget *canvas = waymark_canvas_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *find_bar = waymark_find_bar_new (WAYMARK_CANVAS (canvas));
  GtkWidget *sidebar = waymark_sidebar_new ();
  GtkWidget *inspector = waymark_inspector_new ();
  GSimpleActionGroup *group = g_simple_action_group_new ();
  GtkEventController *shortcuts;
  static const GActionEntry entries[] = {
    { "toggle-inspector", toggle_inspector_cb, NULL, "false" },
    { "show-inspector", show_inspector_cb },
    { "document-properties", document_properties_cb },
    { "cycle-panes", cycle_panes_cb, "i" },
    { "find", find_cb },
    { "find-next", find_step_cb },
    { "find-previous", find_step_cb },
    { "add-persona", add_persona_cb },
  };

  g_object_set_data (G_OBJECT (window), CANVAS_KEY, canvas);
  g_object_set_data (G_OBJECT (window), FIND_BAR_KEY, find_bar);
  g_object_set_data (G_OBJECT (window), INSPECTOR_KEY, inspector);

  /* The map with its find bar. */
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), canvas);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), find_bar);
  gtk_box_append (GTK_BOX (box), scrolled);
  waymark_window_set_canvas (window, box);
  g_object_bind_property (window, "document", canvas, "document", G_BINDING_SYNC_CREATE);
  g_object_bind_property (window, "persona-id", canvas, "persona-id",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (window, "zoom", canvas, "zoom",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect (window, "notify::application", G_CALLBACK (application_changed_cb), NULL);
  application_changed_cb (window);

  g_object_bind_property (window, "document", sidebar, "document", G_BINDING_SYNC_CREATE);
  g_object_bind_property (window, "persona-id", sidebar, "persona-id",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  waymark_window_set_sidebar (window, sidebar);
  g_object_set_data (G_OBJECT (window), SIDEBAR_KEY, sidebar);

  g_object_bind_property (window, "document", inspector, "document", G_BINDING_SYNC_CREATE);
  g_object_bind_property (canvas, "inspected-id", inspector, "object-id", G_BINDING_SYNC_CREATE);
  waymark_window_set_inspector (window, inspector);

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), window);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "editor", G_ACTION_GROUP (group));
  g_object_set_data_full (G_OBJECT (window), "editor-actions", group, g_object_unref);
  /* The inspector starts hidden: the map gets the room. */
  set_inspector_visible (window, FALSE);

  /* Window-wide: they work wherever the focus is. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>f", "editor.find");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>g", "editor.find-next");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control><Shift>g", "editor.find-previous");
  /* F9 toggles the inspector, the pane users edit with most; the sidebar has Shift+F9. */
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "F9", "editor.toggle-inspector");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control>i", "editor.toggle-inspector");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Alt>Return", "editor.show-inspector");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Control><Shift>n", "editor.add-persona");
  add_shortcut_with_int (GTK_SHORTCUT_CONTROLLER (shortcuts), "F6", "editor.cycle-panes", 1);
  add_shortcut_with_int (GTK_SHORTCUT_CONTROLLER (shortcuts), "<Shift>F6", "editor.cycle-panes", -1);
  gtk_widget_add_controller (box, shortcuts);

  gtk_widget_grab_focus (canvas);
}
