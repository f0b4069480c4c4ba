/* waymark-window.c: one journey-map document in a window
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-file-writer.h"
#include "waymark-format.h"
#include "waymark-window-private.h"

G_DEFINE_FINAL_TYPE (WaymarkWindow, waymark_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_FILE,
  PROP_PERSONA_ID,
  PROP_MODIFIED,
  PROP_INSPECTOR_VISIBLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

WaymarkWindow *
waymark_window_new (WaymarkApplication *application)
{
  return g_object_new (WAYMARK_TYPE_WINDOW, "application", application, NULL);
}

WaymarkDocument *
waymark_window_get_document (WaymarkWindow *self)
{
  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), NULL);
  return self->document;
}

GFile *
waymark_window_get_file (WaymarkWindow *self)
{
  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), NULL);
  return self->file;
}

const char *
waymark_window_get_draft_id (WaymarkWindow *self)
{
  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), NULL);
  return self->draft_id;
}

gboolean
waymark_window_get_modified (WaymarkWindow *self)
{
  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), FALSE);
  return self->restored_draft ||
         waymark_history_get_modified (waymark_document_get_history (self->document));
}

gboolean
waymark_window_is_pristine (WaymarkWindow *self)
{
  WaymarkHistory *history;

  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), FALSE);
  history = waymark_document_get_history (self->document);
  return self->file == NULL && !self->restored_draft &&
         waymark_history_get_n_undo (history) == 0 &&
         !waymark_history_get_modified (history);
}

static char *
dup_display_title (WaymarkWindow *self)
{
  const char *title = waymark_document_get_title (self->document);

  if (title != NULL && *title != '\0')
    return g_strdup (title);
  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);
      if (g_str_has_suffix (basename, ".waymark"))
        basename[strlen (basename) - strlen (".waymark")] = '\0';
      return g_steal_pointer (&basename);
    }
  return g_strdup (_("Untitled Journey Map"));
}

static void
update_title (WaymarkWindow *self)
{
  g_autofree char *title = dup_display_title (self);
  g_autofree char *file_name = NULL;
  g_autofree char *shown_title = NULL;
  g_autofree char *window_title = NULL;
  gboolean modified = waymark_window_get_modified (self);

  if (self->file != NULL)
    {
      g_autoptr(GFileInfo) info = NULL;

      /* The display name is what the file chooser showed the user. */
      info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                G_FILE_QUERY_INFO_NONE, NULL, NULL);
      if (info != NULL)
        file_name = g_strdup (g_file_info_get_display_name (info));
      else
        file_name = g_file_get_basename (self->file);
    }
  else
    file_name = g_strdup (_("Not Saved"));

  /* Translators: the mark before the title of a window with unsaved changes. */
  shown_title = modified ? g_strdup_printf (_("• %s"), title) : g_strdup (title);
  adw_window_title_set_title (self->window_title, shown_title);
  adw_window_title_set_subtitle (self->window_title, file_name);

  /* Translators: the window title: "document title (file name)". */
  window_title = g_strdup_printf (_("%s (%s)"), shown_title, file_name);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

/* The map, the overview, the recommendations and the empty state share
 * one place; only one is visible. (Siblings in a box rather than a
 * GtkStack: the canvas is then drawn straight into the window, as the GUI
 * tests check.) */
static void
show_page (WaymarkWindow *self,
           GtkWidget     *page)
{
  GtkWidget *recommendations = GTK_WIDGET (self->recommendations);

  /* The empty state lies over the map (an overlay): the map stays
   * allocated, so adding the first persona shows it at once. */
  gtk_widget_set_visible (self->map_view, page != self->overview && page != recommendations);
  gtk_widget_set_visible (self->overview, page == self->overview);
  gtk_widget_set_visible (recommendations, page == recommendations);
  gtk_widget_set_visible (self->empty_page, page == self->empty_page);
  /* The overview and the recommendations fit themselves to the window:
   * the map's zoom would change a page not shown. */
  gtk_widget_set_visible (self->zoom_box, page != self->overview && page != recommendations);
  _waymark_window_actions_update (self);

  /* The sidebar's entry of the page shown looks chosen, as a row would. */
  if (page == self->overview)
    gtk_widget_add_css_class (self->overview_entry, "selected");
  else
    gtk_widget_remove_css_class (self->overview_entry, "selected");
  if (page == recommendations)
    gtk_widget_add_css_class (self->recommendations_entry, "selected");
  else
    gtk_widget_remove_css_class (self->recommendations_entry, "selected");
  _waymark_window_update_inspected (self);
  _waymark_window_update_spotlight (self);
}

GtkWidget *
_waymark_window_get_content_pane (WaymarkWindow *self)
{
  if (gtk_widget_get_visible (self->overview))
    return self->overview;
  if (gtk_widget_get_visible (GTK_WIDGET (self->recommendations)))
    return GTK_WIDGET (self->recommendations);
  if (gtk_widget_get_visible (self->empty_page))
    return self->empty_page;
  return GTK_WIDGET (self->canvas);
}

static void
update_empty_state (WaymarkWindow *self)
{
  gboolean empty = waymark_document_get_n_personas (self->document) == 0;

  /* Recommendations belong to the document, not to a persona: they stay. */
  if (empty && !gtk_widget_get_visible (GTK_WIDGET (self->recommendations)))
    show_page (self, self->empty_page);
  else if (!empty && gtk_widget_get_visible (self->empty_page))
    show_page (self, self->map_view);
}

/* Keeps persona_id pointing at a persona that exists. */
static void
ensure_persona (WaymarkWindow *self)
{
  WaymarkPersona *persona = NULL;

  if (self->persona_id != NULL)
    persona = waymark_document_find_persona (self->document, self->persona_id);
  if (persona == NULL && waymark_document_get_n_personas (self->document) > 0)
    persona = waymark_document_get_persona (self->document, 0);
  waymark_window_set_persona_id (self, persona != NULL ? persona->base.id : NULL);
  update_empty_state (self);
}

/* The history changes after the document emits ::changed (an edit is
 * applied, then recorded), so the modified mark, the undo state and the
 * draft follow the history's notifications. */
void
_waymark_window_state_changed (WaymarkWindow *self)
{
  update_title (self);
  _waymark_window_actions_update (self);
  _waymark_window_schedule_draft (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
document_changed_cb (WaymarkWindow *self)
{
  ensure_persona (self);
  _waymark_window_state_changed (self);
}

void
waymark_window_set_document (WaymarkWindow   *self,
                             WaymarkDocument *document,
                             GFile           *file,
                             const char      *checksum)
{
  g_return_if_fail (WAYMARK_IS_WINDOW (self));
  g_return_if_fail (WAYMARK_IS_DOCUMENT (document));

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (waymark_document_get_history (self->document), self);
    }
  g_set_object (&self->document, document);
  g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (waymark_document_get_history (document), "notify",
                           G_CALLBACK (_waymark_window_state_changed), self, G_CONNECT_SWAPPED);

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  g_free (self->disk_checksum);
  self->disk_checksum = g_strdup (checksum);
  self->restored_draft = FALSE;
  _waymark_window_show_changed_bar (self, FALSE);

  /* A persona id of the old document means nothing in the new one. */
  g_clear_pointer (&self->persona_id, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  ensure_persona (self);

  _waymark_window_watch_file (self);
  update_title (self);
  _waymark_window_actions_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
waymark_window_restore_draft (WaymarkWindow   *self,
                              WaymarkDocument *document,
                              GFile           *file,
                              const char      *file_checksum,
                              const char      *draft_id)
{
  g_autofree char *on_disk = NULL;

  g_return_if_fail (WAYMARK_IS_WINDOW (self));

  /* The draft knows which content of the file it was based on, so the
   * first save asks before replacing a file another program changed
   * since. Drafts of older versions do not: then what is on disk now. */
  if (file != NULL && file_checksum == NULL)
    file_checksum = on_disk = waymark_file_compute_checksum (file, NULL);
  waymark_window_set_document (self, document, file, file_checksum);
  _waymark_window_remove_draft (self);
  g_free (self->draft_id);
  self->draft_id = g_strdup (draft_id);
  self->restored_draft = TRUE;
  document_changed_cb (self);
}

gboolean
waymark_window_load_file (WaymarkWindow  *self,
                          GFile          *file,
                          GError        **error)
{
  g_autoptr(WaymarkDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autofree char *checksum = NULL;

  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* The bytes once, for the loader and for the checksum that later tells
   * whether another program changed the file. */
  name = g_file_get_parse_name (file);
  bytes = waymark_format_read_file (file, name, error);
  if (bytes == NULL)
    return FALSE;
  document = waymark_format_load_bytes (bytes, name, error);
  if (document == NULL)
    return FALSE;
  checksum = waymark_bytes_compute_checksum (bytes);

  _waymark_window_remove_draft (self);
  waymark_window_set_document (self, document, file, checksum);

  {
    g_autofree char *uri = g_file_get_uri (file);
    gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
  }
  return TRUE;
}

void
waymark_window_open_file (WaymarkWindow *self,
                          GFile         *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;

  if (waymark_window_load_file (self, file, &error))
    return;

  name = g_file_get_parse_name (file);
  g_debug ("Could not open %s: %s", name, error->message);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  adw_message_dialog_format_heading (dialog, _("Could Not Open “%s”"), name);
  /* The loader's message names file, line and column of each problem. */
  adw_message_dialog_set_body (dialog, error->message);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_widget_add_css_class (GTK_WIDGET (dialog), "waymark-load-error");
  gtk_window_present (GTK_WINDOW (dialog));
}

const char *
waymark_window_get_persona_id (WaymarkWindow *self)
{
  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), NULL);
  return self->persona_id;
}

void
waymark_window_set_persona_id (WaymarkWindow *self,
                               const char    *persona_id)
{
  g_return_if_fail (WAYMARK_IS_WINDOW (self));

  if (g_strcmp0 (self->persona_id, persona_id) == 0)
    return;
  g_free (self->persona_id);
  self->persona_id = g_strdup (persona_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONA_ID]);
}

double
waymark_window_get_zoom (WaymarkWindow *self)
{
  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), 1.0);
  return waymark_canvas_get_zoom (self->canvas);
}

/* The canvas holds the zoom (Ctrl+scroll and pinching change it there);
 * the header bar shows it. */
static void
zoom_changed_cb (WaymarkWindow *self)
{
  g_autofree char *label = NULL;

  /* Translators: the zoom level, e.g. "100%". */
  label = g_strdup_printf (_("%d%%"), (int) (waymark_canvas_get_zoom (self->canvas) * 100 + 0.5));
  gtk_label_set_label (self->zoom_label, label);
  _waymark_window_actions_update (self);
}

gboolean
waymark_window_get_inspector_visible (WaymarkWindow *self)
{
  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), FALSE);
  /* The toggle button asks while the template is still being built. */
  return self->inspector != NULL && gtk_widget_get_visible (GTK_WIDGET (self->inspector));
}

void
waymark_window_set_inspector_visible (WaymarkWindow *self,
                                      gboolean       visible)
{
  GtkWidget *inspector;

  g_return_if_fail (WAYMARK_IS_WINDOW (self));

  inspector = GTK_WIDGET (self->inspector);
  visible = !!visible;
  if (visible == gtk_widget_get_visible (inspector))
    return;
  if (!visible)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

      /* Hiding the panel with the keyboard in it: give the keyboard back to
       * the map rather than let GTK drop it on the first header button. */
      if (focus != NULL && (focus == inspector || gtk_widget_is_ancestor (focus, inspector)))
        gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
    }
  gtk_widget_set_visible (inspector, visible);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSPECTOR_VISIBLE]);
}

gboolean
waymark_window_get_overview_shown (WaymarkWindow *self)
{
  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), FALSE);
  return gtk_widget_get_visible (self->overview);
}

void
waymark_window_show_overview (WaymarkWindow *self,
                              gboolean       show)
{
  g_return_if_fail (WAYMARK_IS_WINDOW (self));
  if (show)
    {
      show_page (self, self->overview);
      gtk_widget_grab_focus (self->overview);
    }
  else
    {
      show_page (self, self->map_view);
      update_empty_state (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
    }
}

gboolean
waymark_window_get_recommendations_shown (WaymarkWindow *self)
{
  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->recommendations));
}

void
waymark_window_show_recommendations (WaymarkWindow *self,
                                     gboolean       show)
{
  g_return_if_fail (WAYMARK_IS_WINDOW (self));
  if (!show)
    {
      waymark_window_show_overview (self, FALSE);
      return;
    }
  show_page (self, GTK_WIDGET (self->recommendations));
  gtk_widget_grab_focus (GTK_WIDGET (self->recommendations));
}

GtkWidget *
waymark_window_get_recommendations_view (WaymarkWindow *self)
{
  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->recommendations);
}

static void
overview_card_activated_cb (WaymarkOverviewView *view,
                            const char          *persona_id,
                            const char          *card_id,
                            WaymarkWindow       *self)
{
  waymark_window_set_persona_id (self, persona_id);
  waymark_window_show_overview (self, FALSE);
  if (card_id != NULL)
    waymark_canvas_reveal_card (self->canvas, card_id);
}

static void
overview_entry_clicked_cb (WaymarkWindow *self)
{
  waymark_window_show_overview (self, TRUE);
}

void
waymark_window_add_toast (WaymarkWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (WAYMARK_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

GtkWidget *
waymark_window_get_canvas (WaymarkWindow *self)
{
  g_return_val_if_fail (WAYMARK_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->canvas);
}

void
waymark_window_commit_editing (WaymarkWindow *self)
{
  g_return_if_fail (WAYMARK_IS_WINDOW (self));
  waymark_canvas_commit_editing (self->canvas);
}

void
_waymark_window_show_changed_bar (WaymarkWindow *self,
                                  gboolean       show)
{
  self->changed_on_disk = show;
  /* Hidden, not just unrevealed: assistive technologies would still read
   * a collapsed bar. */
  if (show)
    gtk_widget_set_visible (GTK_WIDGET (self->changed_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->changed_revealer, show);
  if (!show)
    gtk_widget_set_visible (GTK_WIDGET (self->changed_revealer), FALSE);
  _waymark_window_actions_update (self);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         WaymarkWindow *self)
{
  GSList *files;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || app == NULL)
    return FALSE;
  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    waymark_application_open_file (WAYMARK_APPLICATION (app), l->data);
  return files != NULL;
}

static gboolean
waymark_window_close_request (GtkWindow *window)
{
  WaymarkWindow *self = WAYMARK_WINDOW (window);
  GtkApplication *app = gtk_window_get_application (window);
  GSettings *settings = NULL;

  if (_waymark_window_close_request (self))
    return TRUE;   /* asked the user; closes later if they agree */

  if (app != NULL)
    settings = waymark_application_get_settings (WAYMARK_APPLICATION (app));
  if (settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
    }

  return GTK_WINDOW_CLASS (waymark_window_parent_class)->close_request (window);
}

/* Below this width the sidebar folds over the map. It depends on the
 * window only: with fold-policy "auto" the flap compared against the
 * content's size, which follows the zoom, so zooming folded the sidebar
 * over the map's left edge. */
#define FOLD_WIDTH 720

static void
update_fold (WaymarkWindow *self)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));
  gboolean fold;

  if (surface == NULL)
    return;
  fold = gdk_surface_get_width (surface) < FOLD_WIDTH;
  /* Only on a change: setting the policy queues a resize. */
  if (fold != (adw_flap_get_fold_policy (self->flap) == ADW_FLAP_FOLD_POLICY_ALWAYS))
    adw_flap_set_fold_policy (self->flap, fold ? ADW_FLAP_FOLD_POLICY_ALWAYS
                                               : ADW_FLAP_FOLD_POLICY_NEVER);
}

static void
waymark_window_realize (GtkWidget *widget)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  GTK_WIDGET_CLASS (waymark_window_parent_class)->realize (widget);
  g_signal_connect_object (gtk_native_get_surface (GTK_NATIVE (self)), "notify::width",
                           G_CALLBACK (update_fold), self, G_CONNECT_SWAPPED);
  update_fold (self);
}

/* The application's settings, once the window has an application: the
 * "application" property is set after construction (it is not a
 * construct property), so this cannot happen in constructed(). */
/* An icon-only button says what it does in its tooltip, which GTK 4.8
 * shows only when the pointer rests on it: a keyboard user saw a row of
 * unnamed icons. When the keyboard (not a click) puts the focus on such a
 * button, its tooltip's text is shown below it, until the focus moves. */
static GtkWidget *
icon_only_button (GtkWidget *focus)
{
  GtkWidget *parent = gtk_widget_get_parent (focus);

  /* A menu button's focus is on the button inside it. */
  if (parent != NULL && GTK_IS_MENU_BUTTON (parent))
    return gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (parent)) != NULL ? parent : NULL;
  if (GTK_IS_BUTTON (focus) && gtk_button_get_icon_name (GTK_BUTTON (focus)) != NULL)
    return focus;
  return NULL;
}

static void
hide_focus_tip (WaymarkWindow *self)
{
  GtkWidget *tip = g_steal_pointer (&self->focus_tip);

  if (tip != NULL)
    {
      gtk_popover_popdown (GTK_POPOVER (tip));
      gtk_widget_unparent (tip);
    }
}

static void
focus_widget_changed_cb (WaymarkWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *button;
  const char *text;
  GtkWidget *label;

  hide_focus_tip (self);
  if (focus == NULL || !gtk_window_get_focus_visible (GTK_WINDOW (self)))
    return;
  button = icon_only_button (focus);
  text = button != NULL ? gtk_widget_get_tooltip_text (button) : NULL;
  if (text == NULL || *text == '\0')
    return;

  self->focus_tip = gtk_popover_new ();
  label = gtk_label_new (text);
  gtk_popover_set_child (GTK_POPOVER (self->focus_tip), label);
  /* A tooltip, not a dialog: it takes neither the focus nor clicks. */
  gtk_popover_set_autohide (GTK_POPOVER (self->focus_tip), FALSE);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->focus_tip), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->focus_tip), GTK_POS_BOTTOM);
  gtk_widget_set_can_focus (self->focus_tip, FALSE);
  gtk_widget_set_can_target (self->focus_tip, FALSE);
  gtk_widget_add_css_class (self->focus_tip, "waymark-focus-tip");
  gtk_widget_set_parent (self->focus_tip, button);
  gtk_popover_popup (GTK_POPOVER (self->focus_tip));
}

static void
application_set_cb (WaymarkWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSettings *settings = NULL;

  if (app == NULL || self->settings_applied)
    return;
  self->settings_applied = TRUE;
  settings = waymark_application_get_settings (WAYMARK_APPLICATION (app));
  if (settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      waymark_canvas_set_zoom (self->canvas, g_settings_get_double (settings, "zoom")
                                             * _waymark_window_get_default_zoom (self));
      g_settings_bind (settings, "sidebar-visible", self->flap, "reveal-flap",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "inspector-visible", self, "inspector-visible",
                       G_SETTINGS_BIND_DEFAULT);
    }
  else
    waymark_canvas_set_zoom (self->canvas, _waymark_window_get_default_zoom (self));
  _waymark_window_connect_settings (self);
  _waymark_window_update_recent_menu (self);
}

double
_waymark_window_get_default_zoom (WaymarkWindow *self)
{
  GtkSettings *settings = gtk_settings_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  int dpi = 0;

  /* GTK turns org.gnome.desktop.interface text-scaling-factor into the
   * font resolution, in 1024ths of a dot per inch (96 at 1×). */
  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  if (dpi <= 0)
    return 1.0;
  return CLAMP (dpi / (96.0 * 1024), WAYMARK_CANVAS_ZOOM_MIN, WAYMARK_CANVAS_ZOOM_MAX);
}

static void
waymark_window_dispose (GObject *object)
{
  WaymarkWindow *self = WAYMARK_WINDOW (object);

  hide_focus_tip (self);
  _waymark_window_files_dispose (self);
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (waymark_document_get_history (self->document), self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), WAYMARK_TYPE_WINDOW);

  G_OBJECT_CLASS (waymark_window_parent_class)->dispose (object);
}

static void
waymark_window_finalize (GObject *object)
{
  WaymarkWindow *self = WAYMARK_WINDOW (object);

  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_pointer (&self->disk_checksum, g_free);
  g_clear_pointer (&self->persona_id, g_free);
  g_clear_pointer (&self->draft_id, g_free);

  G_OBJECT_CLASS (waymark_window_parent_class)->finalize (object);
}

static void
waymark_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WaymarkWindow *self = WAYMARK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_PERSONA_ID:
      g_value_set_string (value, self->persona_id);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, waymark_window_get_modified (self));
      break;
    case PROP_INSPECTOR_VISIBLE:
      g_value_set_boolean (value, waymark_window_get_inspector_visible (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  WaymarkWindow *self = WAYMARK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_PERSONA_ID:
      waymark_window_set_persona_id (self, g_value_get_string (value));
      break;
    case PROP_INSPECTOR_VISIBLE:
      waymark_window_set_inspector_visible (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_window_class_init (WaymarkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = waymark_window_dispose;
  object_class->finalize = waymark_window_finalize;
  object_class->get_property = waymark_window_get_property;
  object_class->set_property = waymark_window_set_property;
  window_class->close_request = waymark_window_close_request;
  widget_class->realize = waymark_window_realize;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, WAYMARK_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PERSONA_ID] =
    g_param_spec_string ("persona-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_INSPECTOR_VISIBLE] =
    g_param_spec_boolean ("inspector-visible", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The template's own widget types, registered before it is parsed. */
  g_type_ensure (WAYMARK_TYPE_CANVAS);
  g_type_ensure (WAYMARK_TYPE_FIND_BAR);
  g_type_ensure (WAYMARK_TYPE_INSPECTOR);
  g_type_ensure (WAYMARK_TYPE_LINK_TARGETS);
  g_type_ensure (WAYMARK_TYPE_OVERVIEW_VIEW);
  g_type_ensure (WAYMARK_TYPE_RECOMMENDATIONS_VIEW);
  g_type_ensure (WAYMARK_TYPE_SIDEBAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/waymark/Waymark/waymark-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, changed_revealer);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, link_targets);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, map_area);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, find_bar);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, overview);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, recommendations);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, inspector);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, view_entries);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, overview_entry);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, recommendations_entry);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, recommendations_count);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, spotlight_bar);
  gtk_widget_class_bind_template_child (widget_class, WaymarkWindow, spotlight_label);
  gtk_widget_class_bind_template_callback (widget_class, overview_card_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, overview_entry_clicked_cb);

  _waymark_window_class_actions_init (klass);
  _waymark_window_class_panes_init (klass);
  _waymark_window_class_recommendations_init (klass);
}

static void
waymark_window_init (WaymarkWindow *self)
{
  g_autoptr(WaymarkDocument) document = waymark_document_new ();
  GtkDropTarget *drop_target;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "notify::application", G_CALLBACK (application_set_cb), NULL);
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_widget_changed_cb), NULL);
  g_signal_connect_object (self->canvas, "notify::zoom", G_CALLBACK (zoom_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_object_bind_property (self, "document", self->overview, "document", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->canvas, "palette", self->overview, "palette",
                          G_BINDING_SYNC_CREATE);
  waymark_sidebar_set_overview (self->sidebar, self->view_entries);
  _waymark_window_panes_init (self);
  _waymark_window_recommendations_init (self);

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop_target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  _waymark_window_files_init (self);
  waymark_window_set_document (self, document, NULL, NULL);
}
