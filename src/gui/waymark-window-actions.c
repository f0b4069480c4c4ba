/* waymark-window-actions.c: the win. actions and their enabled state
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-commands.h"
#include "waymark-csv-dialogs.h"
#include "waymark-export-dialog.h"
#include "waymark-print.h"
#include "waymark-window-private.h"

#define ZOOM_STEP 1.25
#define N_RECENT_ITEMS 10

void
_waymark_window_actions_update (WaymarkWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  WaymarkHistory *history;
  const char *label;
  gboolean has_personas, on_map;
  double zoom;
  g_autofree char *undo_tooltip = NULL;
  g_autofree char *redo_tooltip = NULL;

  /* Called from init before the document exists. */
  if (self->document == NULL)
    return;

  history = waymark_document_get_history (self->document);
  has_personas = waymark_document_get_n_personas (self->document) > 0;
  zoom = waymark_canvas_get_zoom (self->canvas);
  /* Only the map zooms (see show_page ()). */
  on_map = gtk_widget_get_visible (self->map_view);

  gtk_widget_action_set_enabled (widget, "win.undo", waymark_history_get_can_undo (history));
  gtk_widget_action_set_enabled (widget, "win.redo", waymark_history_get_can_redo (history));
  gtk_widget_action_set_enabled (widget, "win.export", has_personas);
  gtk_widget_action_set_enabled (widget, "win.print", has_personas);
  gtk_widget_action_set_enabled (widget, "win.export-csv", has_personas);
  gtk_widget_action_set_enabled (widget, "win.reload", self->file != NULL);
  gtk_widget_action_set_enabled (widget, "win.dismiss-changed", self->changed_on_disk);
  gtk_widget_action_set_enabled (widget, "win.zoom-in",
                                 on_map && zoom < WAYMARK_CANVAS_ZOOM_MAX - 0.001);
  gtk_widget_action_set_enabled (widget, "win.zoom-out",
                                 on_map && zoom > WAYMARK_CANVAS_ZOOM_MIN + 0.001);
  gtk_widget_action_set_enabled (widget, "win.zoom-reset",
                                 on_map && !G_APPROX_VALUE (zoom,
                                                            _waymark_window_get_default_zoom (self),
                                                            0.001));

  /* The tooltips name the step, as in "Undo Move Card". */
  label = waymark_history_get_undo_label (history);
  if (label != NULL)
    /* Translators: the undo button's tooltip; %s is what would be undone, e.g. "Move Card". */
    undo_tooltip = g_strdup_printf (_("Undo %s"), label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button), undo_tooltip ? undo_tooltip : _("Undo"));

  label = waymark_history_get_redo_label (history);
  if (label != NULL)
    /* Translators: the redo button's tooltip; %s is what would be redone, e.g. "Move Card". */
    redo_tooltip = g_strdup_printf (_("Redo %s"), label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->redo_button), redo_tooltip ? redo_tooltip : _("Redo"));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  _waymark_window_open_dialog (WAYMARK_WINDOW (widget));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (widget));
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  if (app != NULL)
    waymark_application_open_file (WAYMARK_APPLICATION (app), file);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  _waymark_window_save (WAYMARK_WINDOW (widget), FALSE, NULL, NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  _waymark_window_save (WAYMARK_WINDOW (widget), TRUE, NULL, NULL);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  GtkWindow *dialog;

  waymark_window_commit_editing (self);
  dialog = GTK_WINDOW (waymark_export_dialog_new (self));
  gtk_window_present (dialog);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  waymark_window_commit_editing (WAYMARK_WINDOW (widget));
  waymark_csv_export_dialog (WAYMARK_WINDOW (widget));
}

static void
import_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  waymark_csv_import_dialog (WAYMARK_WINDOW (widget));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  waymark_window_commit_editing (WAYMARK_WINDOW (widget));
  waymark_print_document (WAYMARK_WINDOW (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  waymark_document_undo (WAYMARK_WINDOW (widget)->document);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  waymark_document_redo (WAYMARK_WINDOW (widget)->document);
}

/* The toast after renaming a phase offers this: the same rename in every
 * persona that has a phase of the old name ("(ss)": old, new). */
static void
rename_phases_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  const char *old_name, *new_name;

  g_variant_get (param, "(&s&s)", &old_name, &new_name);
  waymark_command_rename_phases (WAYMARK_WINDOW (widget)->document, old_name, new_name);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  WaymarkCanvas *canvas = WAYMARK_WINDOW (widget)->canvas;
  double zoom = waymark_canvas_get_zoom (canvas);

  if (g_str_equal (action_name, "win.zoom-in"))
    waymark_canvas_set_zoom (canvas, zoom * ZOOM_STEP);
  else if (g_str_equal (action_name, "win.zoom-out"))
    waymark_canvas_set_zoom (canvas, zoom / ZOOM_STEP);
  else
    waymark_canvas_set_zoom (canvas, _waymark_window_get_default_zoom (WAYMARK_WINDOW (widget)));
}

static void
overview_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  if (g_str_equal (action_name, "win.show-map"))
    waymark_window_show_overview (self, FALSE);
  else
    waymark_window_show_overview (self, !waymark_window_get_overview_shown (self));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  _waymark_window_reload (WAYMARK_WINDOW (widget));
}

static void
dismiss_changed_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  /* Keep the version in the window; saving will still ask before
   * overwriting, because the content on disk is not what was read. */
  _waymark_window_show_changed_bar (self, FALSE);
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static gboolean
is_waymark_item (GtkRecentInfo *info)
{
  const char *uri = gtk_recent_info_get_uri (info);
  const char *mime = gtk_recent_info_get_mime_type (info);

  return g_str_has_suffix (uri, ".waymark") || g_strcmp0 (mime, "application/x-waymark") == 0;
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *ia = *(GtkRecentInfo **) a;
  GtkRecentInfo *ib = *(GtkRecentInfo **) b;
  /* transfer none */
  GDateTime *ta = gtk_recent_info_get_modified (ia);
  GDateTime *tb = gtk_recent_info_get_modified (ib);

  return g_date_time_compare (tb, ta);
}

void
_waymark_window_update_recent_menu (WaymarkWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *all = gtk_recent_manager_get_items (manager);

  for (GList *l = all; l != NULL; l = l->next)
    {
      if (is_waymark_item (l->data) && gtk_recent_info_exists (l->data))
        g_ptr_array_add (items, gtk_recent_info_ref (l->data));
    }
  g_list_free_full (all, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (items, compare_recent);

  for (guint i = 0; i < MIN (items->len, N_RECENT_ITEMS); i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (items, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s",
                                         gtk_recent_info_get_uri (info));
      g_menu_append_item (section, item);
    }
  if (items->len == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Journey Maps"), "win.no-recent");
      g_menu_append_item (section, item);
    }

  g_menu_append_section (menu, _("Recent"), G_MENU_MODEL (section));
  adw_split_button_set_menu_model (self->open_button, G_MENU_MODEL (menu));
}

void
_waymark_window_class_actions_init (WaymarkWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "win.import-csv", NULL, import_csv_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.rename-phases", "(ss)",
                                   rename_phases_action);
  gtk_widget_class_install_action (widget_class, "win.show-overview", NULL, overview_action);
  gtk_widget_class_install_action (widget_class, "win.show-map", NULL, overview_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.dismiss-changed", NULL, dismiss_changed_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);

  /* Undo and redo are widget bindings rather than application accels:
   * bindings run in the bubble phase, so a focused text field undoes its
   * own typing first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
}
