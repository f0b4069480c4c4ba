/* waymark-canvas-window.c: puts the editing canvas, sidebar and inspector in a window
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-canvas.h"
#include "waymark-canvas-window.h"

#define CANVAS_KEY "waymark-canvas"

GtkWidget *
waymark_canvas_for_window (WaymarkWindow *window)
{
  return g_object_get_data (G_OBJECT (window), CANVAS_KEY);
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

static void
editor_find_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
}

void
waymark_canvas_install (WaymarkWindow *window)
{
  GtkWidget *canvas = waymark_canvas_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  static const GActionEntry entries[] = {
    { "find", editor_find_cb },
  };

  g_object_set_data (G_OBJECT (window), CANVAS_KEY, canvas);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), canvas);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  waymark_window_set_canvas (window, box);

  g_object_bind_property (window, "document", canvas, "document", G_BINDING_SYNC_CREATE);
  g_object_bind_property (window, "persona-id", canvas, "persona-id",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (window, "zoom", canvas, "zoom",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect (window, "notify::application", G_CALLBACK (application_changed_cb), NULL);
  application_changed_cb (window);

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), window);
  gtk_widget_insert_action_group (GTK_WIDGET (window), "editor", G_ACTION_GROUP (group));
}
