/* gui-test-util.c: what the GUI tests share to drive the app
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gui-test-util.h"
#include "waymark-window-private.h"

gboolean
gui_test_wait_for (GuiTestCondition condition,
                   gpointer         data,
                   guint            timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

void
gui_test_spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

AdwMessageDialog *
gui_test_find_dialog (GtkWindow  *parent,
                      const char *css_class)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) &&
          (parent == NULL || gtk_window_get_transient_for (window) == parent) &&
          (css_class == NULL || gtk_widget_has_css_class (GTK_WIDGET (window), css_class)) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

typedef struct {
  GtkWindow  *parent;
  const char *css_class;
} DialogQuery;

static gboolean
dialog_shown (gpointer data)
{
  DialogQuery *query = data;

  return gui_test_find_dialog (query->parent, query->css_class) != NULL;
}

AdwMessageDialog *
gui_test_wait_for_dialog (GtkWindow  *parent,
                          const char *css_class)
{
  DialogQuery query = { parent, css_class };

  g_assert_true (gui_test_wait_for (dialog_shown, &query, 5000));
  return gui_test_find_dialog (parent, css_class);
}

void
gui_test_respond (AdwMessageDialog *dialog,
                  const char       *response)
{
  AdwMessageDialog *weak = dialog;

  /* What a click on the response button does. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &weak);
  adw_message_dialog_response (dialog, response);
  if (weak != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (dialog), (gpointer *) &weak);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
  gui_test_spin (50);
}

GtkWindow *
gui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
chooser_shown (gpointer data)
{
  return gui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

typedef struct {
  GtkFileChooser *chooser;
  GFile          *file;
} ChooserQuery;

static gboolean
chooser_has_file (gpointer data)
{
  ChooserQuery *query = data;
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (query->chooser);

  return chosen != NULL && g_file_equal (chosen, query->file);
}

static gboolean
chooser_in_folder (gpointer data)
{
  ChooserQuery *query = data;
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (query->chooser);

  return folder != NULL && g_file_equal (folder, query->file);
}

void
gui_test_choose_file (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GError) error = NULL;
  ChooserQuery query = { NULL, parent };

  g_assert_true (gui_test_wait_for (chooser_shown, NULL, 5000));
  query.chooser = GTK_FILE_CHOOSER (gui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));

  /* As a user does: go to the folder, then type the whole path (a name
   * alone would be taken relative to the folder the chooser's name entry
   * loaded last, which GTK 4.8 updates in the background) or pick the
   * file. */
  gtk_file_chooser_set_current_folder (query.chooser, parent, &error);
  g_assert_no_error (error);
  g_assert_true (gui_test_wait_for (chooser_in_folder, &query, 5000));
  if (gtk_file_chooser_get_action (query.chooser) == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      g_autofree char *path = g_file_get_path (file);
      gtk_file_chooser_set_current_name (query.chooser, path);
    }
  else
    {
      gtk_file_chooser_set_file (query.chooser, file, &error);
      g_assert_no_error (error);
    }
  query.file = file;
  g_assert_true (gui_test_wait_for (chooser_has_file, &query, 5000));
  gtk_dialog_response (GTK_DIALOG (query.chooser), GTK_RESPONSE_ACCEPT);
  gui_test_spin (50);
}

void
gui_test_close_window (WaymarkWindow *window)
{
  g_object_ref (window);
  window->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_spin (20);
  g_assert_finalize_object (window);
}
