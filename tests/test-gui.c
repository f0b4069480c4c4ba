/* test-gui.c: the application shell under a (virtual) display
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "waymark-about.h"
#include "waymark-application.h"
#include "waymark-canvas.h"
#include "waymark-canvas-private.h"
#include "waymark-commands.h"
#include "waymark-csv.h"
#include "waymark-drafts.h"
#include "waymark-export-dialog.h"
#include "waymark-format.h"
#include "waymark-gui.h"
#include "waymark-inspector.h"
#include "waymark-preferences-window.h"
#include "waymark-print.h"
#include "waymark-sidebar.h"
#include "waymark-window-private.h"

static WaymarkApplication *app;
static char *tmp_dir;

/* Helpers */

static char *
example_path (void)
{
  return g_build_filename (g_getenv ("WAYMARK_SOURCE_ROOT"), "data", "examples",
                           "levenslang-leren.waymark", NULL);
}

/* A copy of the example in the temporary directory, so tests can change it. */
static GFile *
copy_example (const char *name)
{
  g_autofree char *source = example_path ();
  g_autofree char *contents = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  gsize length;

  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return g_file_new_for_path (path);
}

static gboolean
widget_is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
widget_is_drawn (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 100 &&
         gtk_widget_get_height (widget) > 100;
}

static WaymarkWindow *
open_copy (const char *name,
           GFile     **file_out)
{
  g_autoptr(GFile) file = copy_example (name);
  WaymarkWindow *window = waymark_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  waymark_window_open_file (window, file);
  g_assert_nonnull (window->file);
  if (file_out != NULL)
    *file_out = g_steal_pointer (&file);
  return window;
}

/* A key press on @widget as its key controller gets it from GTK. */
static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  return handled;
}

/* The first cell of @persona with at least @n cards, its cards in order. */
static GPtrArray *
find_cell_cards (WaymarkPersona *persona,
                 guint           n)
{
  for (guint l = 0; l < persona->lanes->len; l++)
    for (guint p = 0; p < persona->phases->len; p++)
      {
        WaymarkLane *lane = g_ptr_array_index (persona->lanes, l);
        WaymarkPhase *phase = g_ptr_array_index (persona->phases, p);
        GPtrArray *cards = waymark_persona_cell_cards (persona, lane->base.id, phase->base.id);

        if (cards->len >= n)
          return cards;
        g_ptr_array_unref (cards);
      }
  g_assert_not_reached ();
}

static void
assert_accessible_label (GtkWidget  *widget,
                         const char *expected)
{
  g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                               GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                               expected);
  if (error != NULL)
    g_error ("accessible label: %s", error);
}

/* Tests */

/* The app opens the example and draws the persona's map: many pixels of
 * the content area are coloured, none of it is a blank page. */
static void
test_startup_example (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  WaymarkWindow *window;
  GtkWidget *map;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  int width, height;
  guint coloured = 0;
  WaymarkPersona *persona;

  window = waymark_application_open_file (app, file);
  g_assert_true (WAYMARK_IS_WINDOW (window));
  g_assert_true (g_file_equal (waymark_window_get_file (window), file));
  g_assert_cmpuint (waymark_document_get_n_personas (window->document), >, 0);
  persona = waymark_document_get_persona (window->document, 0);
  g_assert_cmpstr (waymark_window_get_persona_id (window), ==, persona->base.id);
  g_assert_false (waymark_window_get_modified (window));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)),
                            waymark_document_get_title (window->document)));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (window)),
                            "levenslang-leren.waymark"));

  /* Opening the same file again presents the same window. */
  g_assert_true (waymark_application_open_file (app, file) == window);

  /* Whatever fills the content slot (the canvas) draws the map. */
  map = waymark_window_get_canvas (window);
  g_assert_nonnull (map);
  g_assert_true (gui_test_wait_for (widget_is_drawn, map, 5000));

  width = MIN (gtk_widget_get_width (map), 800);
  height = MIN (gtk_widget_get_height (map), 600);
  paintable = gtk_widget_paintable_new (map);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), gtk_widget_get_width (map),
                          gtk_widget_get_height (map));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (map)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc (width * height * 4);
  gdk_texture_download (texture, pixels, width * 4);
  for (int i = 0; i < width * height; i++)
    {
      guchar *p = pixels + i * 4;
      /* Saturated pixels: lanes, cards, avatar; not the white page or grey text. */
      if (p[3] > 0 && (MAX (MAX (p[0], p[1]), p[2]) - MIN (MIN (p[0], p[1]), p[2])) > 24)
        coloured++;
    }
  g_test_message ("%u of %d pixels coloured", coloured, width * height);
  g_assert_cmpuint (coloured, >, (guint) (width * height / 50));

  gui_test_close_window (window);
}

/* Save As to a new file, close, reopen: the same document. */
static void
test_save_as_reopen (void)
{
  g_autoptr(GFile) original = NULL;
  g_autofree char *new_path = g_build_filename (tmp_dir, "saved-as.waymark", NULL);
  g_autoptr(GFile) new_file = g_file_new_for_path (new_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  WaymarkWindow *window = open_copy ("save-as.waymark", &original);
  WaymarkPersona *persona = waymark_document_get_persona (window->document, 0);

  g_assert_true (waymark_document_set_text (window->document, persona->base.id,
                                            WAYMARK_FIELD_NAME, "Renamed persona"));
  g_assert_true (waymark_window_get_modified (window));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  g_assert_true (waymark_window_save_to_file (window, new_file, TRUE, &error));
  g_assert_no_error (error);
  g_assert_false (waymark_window_get_modified (window));
  g_assert_false (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));
  g_assert_true (g_file_equal (waymark_window_get_file (window), new_file));
  /* The next file chooser of an untitled document starts there. */
  {
    g_autofree char *last = g_settings_get_string (waymark_application_get_settings (app),
                                                   "last-folder");
    g_autoptr(GFile) folder = g_file_new_for_path (tmp_dir);
    g_autofree char *uri = g_file_get_uri (folder);

    g_assert_cmpstr (last, ==, uri);
  }
  before = waymark_format_save_to_bytes (window->document);
  gui_test_close_window (window);

  window = waymark_application_open_file (app, new_file);
  after = waymark_format_save_to_bytes (window->document);
  g_assert_true (g_bytes_equal (before, after));
  persona = waymark_document_get_persona (window->document, 0);
  g_assert_cmpstr (persona->name, ==, "Renamed persona");
  gui_test_close_window (window);

  /* The original file was not touched. */
  window = waymark_application_open_file (app, original);
  persona = waymark_document_get_persona (window->document, 0);
  g_assert_cmpstr (persona->name, !=, "Renamed persona");
  gui_test_close_window (window);
}

/* Closing with unsaved changes asks; Cancel keeps the window and the
 * changes, Discard closes without saving, Save writes the file first. */
static void
test_close_with_changes (void)
{
  g_autoptr(GFile) file = NULL;
  WaymarkWindow *window = open_copy ("close.waymark", &file);
  WaymarkWindow *weak = window;
  AdwMessageDialog *dialog;
  g_autoptr(WaymarkDocument) on_disk = NULL;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);

  /* Unmodified: closes at once. */
  g_assert_false (waymark_window_get_modified (window));

  g_assert_true (waymark_document_set_text (window->document, NULL, WAYMARK_FIELD_TITLE,
                                            "Unsaved title"));
  gtk_window_close (GTK_WINDOW (window));
  dialog = gui_test_wait_for_dialog (GTK_WINDOW (window), "waymark-save-changes");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Save Changes?");
  g_assert_true (adw_message_dialog_has_response (dialog, "save"));
  g_assert_true (adw_message_dialog_has_response (dialog, "discard"));
  gui_test_respond (dialog, "cancel");
  g_assert_nonnull (weak);
  g_assert_true (waymark_window_get_modified (window));

  /* Save: the file gets the change, then the window closes. */
  gtk_window_close (GTK_WINDOW (window));
  dialog = gui_test_wait_for_dialog (GTK_WINDOW (window), "waymark-save-changes");
  gui_test_respond (dialog, "save");
  g_assert_true (gui_test_wait_for (widget_is_null, &weak, 5000));
  on_disk = waymark_format_load_file (file, NULL);
  g_assert_cmpstr (waymark_document_get_title (on_disk), ==, "Unsaved title");

  /* Discard: the file keeps what it had. */
  window = waymark_application_open_file (app, file);
  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak);
  g_assert_true (waymark_document_set_text (window->document, NULL, WAYMARK_FIELD_TITLE,
                                            "Discarded title"));
  gtk_window_close (GTK_WINDOW (window));
  dialog = gui_test_wait_for_dialog (GTK_WINDOW (window), "waymark-save-changes");
  gui_test_respond (dialog, "discard");
  g_assert_true (gui_test_wait_for (widget_is_null, &weak, 5000));
  g_clear_object (&on_disk);
  on_disk = waymark_format_load_file (file, NULL);
  g_assert_cmpstr (waymark_document_get_title (on_disk), ==, "Unsaved title");
}

/* A broken file: a dialog with the loader's message (line and column),
 * and the app keeps running with its window. */
static void
test_broken_file (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "broken.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;
  WaymarkWindow *window;
  const char *body;

  g_assert_true (g_file_set_contents (path,
                                      "<?xml version=\"1.0\"?>\n"
                                      "<waymark xmlns=\"urn:waymark:document\" version=\"1\">\n"
                                      "  <title>Broken</titel>\n"
                                      "</waymark>\n", -1, NULL));

  window = waymark_application_open_file (app, file);
  dialog = gui_test_wait_for_dialog (GTK_WINDOW (window), "waymark-load-error");
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("load error: %s", body);
  /* "FILE:LINE:COL: message" */
  g_assert_nonnull (strstr (body, "broken.waymark:3:"));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "broken.waymark"));
  gui_test_respond (dialog, "close");

  /* The window is there, with no file, and works. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_null (waymark_window_get_file (window));
  g_assert_nonnull (gtk_application_get_windows (GTK_APPLICATION (app)));
  gui_test_close_window (window);
}

/* Undo/redo: sensitivity and tooltips follow the history. */
static void
test_undo_redo (void)
{
  WaymarkWindow *window = open_copy ("undo.waymark", NULL);
  WaymarkDocument *document = window->document;
  const char *original = waymark_document_get_title (document);
  g_autofree char *original_title = g_strdup (original);
  const char *undo_label;
  g_autofree char *tooltip = NULL;

  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (window->undo_button)));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (window->redo_button)));

  g_assert_true (waymark_document_set_text (document, NULL, WAYMARK_FIELD_TITLE, "Edited"));
  gui_test_spin (20);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (window->undo_button)));
  undo_label = waymark_history_get_undo_label (waymark_document_get_history (document));
  g_assert_nonnull (undo_label);
  tooltip = g_strdup_printf ("Undo %s", undo_label);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (window->undo_button)), ==, tooltip);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  gui_test_spin (20);
  g_assert_cmpstr (waymark_document_get_title (document), ==, original_title);
  g_assert_false (waymark_window_get_modified (window));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (window->undo_button)));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (window->redo_button)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpstr (waymark_document_get_title (document), ==, "Edited");

  /* Zoom actions. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (waymark_window_get_zoom (window), 1.25, 0.001);
  g_assert_cmpstr (gtk_label_get_label (window->zoom_label), ==, "125%");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL);
  g_assert_cmpfloat_with_epsilon (waymark_window_get_zoom (window), 1.0, 0.001);

  gui_test_close_window (window);
}

static gboolean
revealer_shown (gpointer data)
{
  return gtk_revealer_get_reveal_child (data);
}

/* Another program changes the file: the window offers to reload, and
 * saving over it asks first. */
static void
test_changed_on_disk (void)
{
  g_autoptr(GFile) file = NULL;
  WaymarkWindow *window = open_copy ("changed.waymark", &file);
  g_autoptr(WaymarkDocument) other = waymark_format_load_file (file, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  g_autofree char *path = g_file_get_path (file);

  /* Let the monitor settle, then change the file behind the window's back. */
  gui_test_spin (200);
  g_assert_true (waymark_document_set_text (other, NULL, WAYMARK_FIELD_TITLE, "Changed elsewhere"));
  bytes = waymark_format_save_to_bytes (other);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes), NULL));
  g_assert_true (gui_test_wait_for (revealer_shown, window->changed_revealer, 10000));

  /* Saving checks the etag. */
  g_assert_true (waymark_document_set_text (window->document, NULL, WAYMARK_FIELD_TITLE,
                                            "Changed here"));
  g_assert_false (waymark_window_save_to_file (window, file, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG);

  /* The Save action asks; Cancel leaves the other program's version. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  dialog = gui_test_wait_for_dialog (GTK_WINDOW (window), NULL);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Overwrite Changed File?");
  gui_test_respond (dialog, "cancel");
  g_clear_object (&other);
  other = waymark_format_load_file (file, NULL);
  g_assert_cmpstr (waymark_document_get_title (other), ==, "Changed elsewhere");

  /* Reload (confirming, since the window has changes) shows the new version. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  dialog = gui_test_wait_for_dialog (GTK_WINDOW (window), NULL);
  gui_test_respond (dialog, "reload");
  g_assert_cmpstr (waymark_document_get_title (window->document), ==, "Changed elsewhere");
  g_assert_false (waymark_window_get_modified (window));
  g_assert_false (gtk_revealer_get_reveal_child (window->changed_revealer));

  gui_test_close_window (window);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* The child of test_draft_recovery: edits, waits for the draft, and dies
 * the way a crash or kill -9 would. */
static void
draft_child (void)
{
  g_autoptr(GFile) file = copy_example ("drafted.waymark");
  WaymarkWindow *window = waymark_window_new (app);
  g_autofree char *dir = waymark_drafts_get_dir ();
  g_autofree char *draft = NULL;
  g_autofree char *name = NULL;

  gtk_window_present (GTK_WINDOW (window));
  waymark_window_open_file (window, file);
  g_assert_true (waymark_document_set_text (window->document, NULL, WAYMARK_FIELD_TITLE,
                                            "Edited before the crash"));
  /* Nothing is written at once: the draft follows within a few seconds,
   * without any further event. */
  g_assert_null (waymark_window_get_draft_id (window));
  gui_test_spin (2500);
  g_assert_nonnull (waymark_window_get_draft_id (window));
  name = g_strconcat (waymark_window_get_draft_id (window), ".ini", NULL);
  draft = g_build_filename (dir, name, NULL);
  g_assert_true (gui_test_wait_for (file_exists, draft, 5000));
  raise (SIGKILL);
}

static void
test_draft_recovery (void)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "drafted.waymark", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WaymarkDocument) on_disk = NULL;
  AdwMessageDialog *dialog;
  WaymarkWindow *window;
  GtkWindow *parent;
  g_autofree char *draft_id = NULL;
  guint n_windows;

  if (g_test_subprocess ())
    {
      draft_child ();
      return;
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_failed ();

  /* The file itself still has the old title; the draft has the edit. */
  on_disk = waymark_format_load_file (file, NULL);
  g_assert_cmpstr (waymark_document_get_title (on_disk), !=, "Edited before the crash");
  drafts = waymark_drafts_list_orphaned ();
  g_assert_cmpuint (drafts->len, ==, 1);

  /* The next start offers them. */
  parent = GTK_WINDOW (waymark_window_new (app));
  gtk_window_present (parent);
  waymark_application_check_drafts (app);
  dialog = gui_test_wait_for_dialog (parent, "waymark-restore-drafts");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Edited before the crash"));
  n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  /* With a window manager, the dialog is the active window when the
   * user answers; it is not a map window to restore into. */
  gtk_application_add_window (GTK_APPLICATION (app), GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  gui_test_respond (dialog, "restore");
  gui_test_spin (50);
  /* No second window: the one the dialog was over took the draft. */
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), <=,
                    n_windows);

  /* The pristine window took the draft. */
  window = WAYMARK_WINDOW (parent);
  g_assert_cmpstr (waymark_document_get_title (window->document), ==, "Edited before the crash");
  g_assert_true (waymark_window_get_modified (window));
  g_assert_true (g_file_equal (waymark_window_get_file (window), file));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  /* It is this process's draft now; saving removes it. */
  draft_id = g_strdup (waymark_window_get_draft_id (window));
  g_assert_nonnull (draft_id);
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = waymark_drafts_list_orphaned ();
  g_assert_cmpuint (drafts->len, ==, 0);
  g_assert_true (waymark_window_save_to_file (window, file, TRUE, NULL));
  {
    g_autofree char *dir = waymark_drafts_get_dir ();
    g_autofree char *name = g_strconcat (draft_id, ".waymark", NULL);
    g_autofree char *draft = g_build_filename (dir, name, NULL);
    g_assert_false (g_file_test (draft, G_FILE_TEST_EXISTS));
  }
  g_clear_object (&on_disk);
  on_disk = waymark_format_load_file (file, NULL);
  g_assert_cmpstr (waymark_document_get_title (on_disk), ==, "Edited before the crash");

  gui_test_close_window (window);
}

static gboolean
window_saved (gpointer data)
{
  return !waymark_window_get_modified (data);
}

/* With autosave on, a document with a file is saved to it once the user
 * pauses; with it off, only the draft is written. */
static void
test_autosave (void)
{
  GSettings *settings = waymark_application_get_settings (app);
  g_autoptr(GFile) file = NULL;
  WaymarkWindow *window;
  g_autoptr(WaymarkDocument) on_disk = NULL;

  g_settings_set_uint (settings, "autosave-interval", 5);
  g_settings_set_boolean (settings, "autosave", FALSE);
  window = open_copy ("autosave.waymark", &file);
  g_assert_true (waymark_document_set_text (window->document, NULL, WAYMARK_FIELD_TITLE,
                                            "Not saved by itself"));
  g_assert_false (gui_test_wait_for (window_saved, window, 6500));

  g_settings_set_boolean (settings, "autosave", TRUE);
  g_assert_true (waymark_document_set_text (window->document, NULL, WAYMARK_FIELD_TITLE,
                                            "Saved by itself"));
  g_assert_true (gui_test_wait_for (window_saved, window, 8000));
  on_disk = waymark_format_load_file (file, NULL);
  g_assert_cmpstr (waymark_document_get_title (on_disk), ==, "Saved by itself");

  g_settings_reset (settings, "autosave");
  g_settings_reset (settings, "autosave-interval");
  gui_test_close_window (window);
}

/* The number of pages of a PDF that cairo wrote. */
static guint
count_pdf_pages (const char *pdf,
                 gsize       length)
{
  g_autoptr (GRegex) page = g_regex_new ("/Type\\s*/Page[^s]", G_REGEX_RAW, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  guint n = 0;

  g_regex_match_full (page, pdf, (gssize) length, 0, 0, &match, NULL);
  while (g_match_info_matches (match))
    {
      n++;
      g_match_info_next (match, NULL);
    }
  return n;
}

/* The combo row under @widget that offers @label, or NULL. */
static AdwComboRow *
find_combo_offering (GtkWidget  *widget,
                     const char *label,
                     guint      *position)
{
  if (ADW_IS_COMBO_ROW (widget))
    {
      GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (widget));

      for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr (GObject) item = g_list_model_get_item (model, i);

          if (GTK_IS_STRING_OBJECT (item) &&
              g_strcmp0 (gtk_string_object_get_string (GTK_STRING_OBJECT (item)), label) == 0)
            {
              *position = i;
              return ADW_COMBO_ROW (widget);
            }
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwComboRow *found = find_combo_offering (child, label, position);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first widget of @type under @widget, or NULL. */
static GtkWidget *
find_widget_of_type (GtkWidget *widget,
                     GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Unchecks every check under @widget but the one in the row titled @keep. */
static void
keep_only_check (GtkWidget  *widget,
                 const char *keep)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ACTION_ROW (child))
        {
          GtkWidget *check = find_widget_of_type (child, GTK_TYPE_CHECK_BUTTON);

          if (check != NULL)
            gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                         g_strcmp0 (adw_preferences_row_get_title (
                                                      ADW_PREFERENCES_ROW (child)), keep) == 0);
          continue;
        }
      keep_only_check (child, keep);
    }
}

/* How many times @needle is in @haystack. */
static guint
count_in (const char *haystack,
          const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* A figure from the dialog: part of a map, as `waymark export --phases 2-3
 * --lanes barriers` makes it. */
static void
test_export_dialog_subset (void)
{
  WaymarkWindow *window = open_copy ("subset.waymark", NULL);
  WaymarkExportDialog *dialog = waymark_export_dialog_new (window);
  g_autofree char *path = g_build_filename (tmp_dir, "subset.svg", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  WaymarkExportOptions options;
  GtkWidget *expander;
  guint position = 0;
  AdwComboRow *format = find_combo_offering (GTK_WIDGET (dialog), "SVG Image", &position);

  g_assert_nonnull (format);
  adw_combo_row_set_selected (format, position);
  gtk_editable_set_text (GTK_EDITABLE (find_widget_of_type (GTK_WIDGET (dialog),
                                                            ADW_TYPE_ENTRY_ROW)), "2-3");
  expander = find_widget_of_type (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW);
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (expander), TRUE);
  keep_only_check (expander, "Barriers");

  waymark_export_dialog_get_options (dialog, &options);
  g_assert_cmpstr (options.phases, ==, "2-3");
  g_assert_cmpstr (options.lanes, ==, "barriers");
  waymark_export_dialog_set_file (dialog, file);
  g_assert_true (waymark_export_dialog_export (dialog, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpuint (count_in (contents, "class=\"phase\""), ==, 2);
  g_assert_cmpuint (count_in (contents, "class=\"lane\""), ==, 1);

  /* No lane checked selects nothing: the export fails and says why. */
  keep_only_check (expander, NULL);
  g_assert_false (waymark_export_dialog_export (dialog, &error));
  g_assert_error (error, WAYMARK_EXPORT_ERROR, WAYMARK_EXPORT_ERROR_SELECTION);

  g_object_ref (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
  gui_test_close_window (window);
}

/* The export dialog writes with the shared export code. */
static void
test_export_dialog (void)
{
  WaymarkWindow *window = open_copy ("export.waymark", NULL);
  WaymarkExportDialog *dialog = waymark_export_dialog_new (window);
  g_autofree char *path = g_build_filename (tmp_dir, "export.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *default_name = NULL;
  WaymarkExportOptions options;
  gsize length;
  guint n_all_pages;

  /* Next to the document, as a PDF of all personas. */
  default_name = g_file_get_basename (waymark_export_dialog_get_file (dialog));
  g_assert_cmpstr (default_name, ==, "export.pdf");
  waymark_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, WAYMARK_EXPORT_FORMAT_PDF);
  g_assert_null (options.persona);

  waymark_export_dialog_set_file (dialog, file);
  g_assert_true (waymark_export_dialog_export (dialog, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  n_all_pages = count_pdf_pages (contents, length);

  /* The example has recommendations: the dialog offers them alone, as
   * `waymark export --recommendations` does. */
  {
    guint position = 0;
    AdwComboRow *row = find_combo_offering (GTK_WIDGET (dialog), "Recommendations Only",
                                            &position);

    g_assert_nonnull (row);
    adw_combo_row_set_selected (row, position);
    waymark_export_dialog_get_options (dialog, &options);
    g_assert_true (options.recommendations);
    g_assert_false (options.overview);
    g_assert_null (options.persona);
    g_clear_pointer (&contents, g_free);
    g_assert_true (waymark_export_dialog_export (dialog, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    g_assert_true (g_str_has_prefix (contents, "%PDF-"));
    /* The section alone: no overview, no persona pages. */
    {
      WaymarkExportOptions section;
      g_autofree char *expected = g_build_filename (tmp_dir, "section.pdf", NULL);
      g_autofree char *expected_contents = NULL;
      gsize expected_length;

      waymark_export_options_init (&section);
      section.recommendations = TRUE;
      g_assert_true (waymark_export_to_file (window->document, &section, expected, NULL, &error));
      g_assert_true (g_file_get_contents (expected, &expected_contents, &expected_length, NULL));
      g_assert_cmpuint (count_pdf_pages (contents, length), ==,
                        count_pdf_pages (expected_contents, expected_length));
      g_assert_cmpuint (count_pdf_pages (contents, length), <,
                        n_all_pages - waymark_document_get_n_personas (window->document));
    }
  }

  g_object_ref (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_finalize_object (dialog);
  gui_test_close_window (window);
}

/* Printing draws one persona per page, with the same code as export. */
static void
test_print (void)
{
  WaymarkWindow *window = open_copy ("print.waymark", NULL);
  GtkPrintOperation *operation = waymark_print_operation_new (window);
  g_autofree char *path = g_build_filename (tmp_dir, "print.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GRegex) page = g_regex_new ("/Type\\s*/Page[^s]", G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  gsize length;
  guint pages = 0;

  gtk_print_operation_set_export_filename (operation, path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            GTK_WINDOW (window), &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_regex_match_full (page, contents, length, 0, 0, &match, NULL);
  while (g_match_info_matches (match))
    {
      pages++;
      g_match_info_next (match, NULL);
    }
  g_assert_cmpuint (pages, ==, waymark_document_get_n_personas (window->document));

  g_assert_finalize_object (operation);
  gui_test_close_window (window);
}

static void
test_templates (void)
{
  const char *names[] = { "blank", "customer-journey", "service-blueprint", "levenslang-leren" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      WaymarkWindow *window = waymark_application_new_from_template (app, names[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (window);
      g_assert_null (waymark_window_get_file (window));
      g_assert_false (waymark_window_get_modified (window));
      if (!g_str_equal (names[i], "blank"))
        g_assert_cmpuint (waymark_document_get_n_personas (window->document), >, 0);
      gui_test_close_window (window);
    }
}

static void
test_about (void)
{
  AdwAboutWindow *about = ADW_ABOUT_WINDOW (waymark_about_window_new ());

  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "Waymark");
  g_assert_cmpstr (adw_about_window_get_comments (about), ==,
                   "Map the journeys of the people you design for");
  g_assert_cmpstr (adw_about_window_get_developer_name (about), ==, "The Waymark authors");
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_nonnull (strstr (adw_about_window_get_release_notes (about), "<li>"));
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);

  gtk_window_destroy (GTK_WINDOW (g_object_ref (about)));
  g_assert_finalize_object (about);
}

static void
test_preferences (void)
{
  WaymarkPreferencesWindow *preferences = waymark_preferences_window_new (app);
  GSettings *settings = waymark_application_get_settings (app);
  AdwComboRow *palette_row;

  g_assert_nonnull (settings);
  palette_row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                              WAYMARK_TYPE_PREFERENCES_WINDOW,
                                                              "palette_row"));
  adw_combo_row_set_selected (palette_row, 2);
  g_assert_cmpint (waymark_application_get_palette (app), ==, WAYMARK_PALETTE_GREYSCALE);
  g_settings_set_string (settings, "palette", "colorblind");
  g_assert_cmpuint (adw_combo_row_get_selected (palette_row), ==, 1);
  g_settings_reset (settings, "palette");
  g_assert_cmpint (waymark_application_get_palette (app), ==, WAYMARK_PALETTE_STANDARD);

  g_settings_set_string (settings, "default-paper", "a3");
  g_assert_cmpint (waymark_application_get_paper (app), ==, WAYMARK_PAPER_A3);
  g_settings_reset (settings, "default-paper");

  gtk_window_destroy (GTK_WINDOW (g_object_ref (preferences)));
  g_assert_finalize_object (preferences);
}

/* The first label under @widget that Pango cut short, or NULL. */
static GtkLabel *
find_ellipsized_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_ellipsized_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
widget_is_mapped_data (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* Every choice in Preferences shows whole at the default size, with every
 * palette, in English and in Dutch (whose words are longer: "Systeem
 * volgen" was cut to "Systeem volg…"). */
static void
test_preferences_fit (void)
{
  const char *languages[] = { "en", "nl" };
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  /* The catalogues of the build tree, as the program binds them. */
  waymark_gui_init_i18n ();

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      WaymarkPreferencesWindow *preferences;
      AdwComboRow *palette_row;

      g_setenv ("LANGUAGE", languages[l], TRUE);
      preferences = waymark_preferences_window_new (app);
      if (l == 1 && g_strcmp0 (gtk_window_get_title (GTK_WINDOW (preferences)), "Voorkeuren") != 0)
        {
          /* gettext ignores LANGUAGE in the C locale. */
          g_test_message ("no Dutch in this locale; the Dutch layout is untested");
          gtk_window_destroy (GTK_WINDOW (preferences));
          break;
        }
      palette_row = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                                  WAYMARK_TYPE_PREFERENCES_WINDOW,
                                                                  "palette_row"));
      gtk_window_present (GTK_WINDOW (preferences));
      g_assert_true (gui_test_wait_for (widget_is_mapped_data, palette_row, 5000));
      for (guint p = 0; p < 3; p++)
        {
          GtkLabel *cut;

          adw_combo_row_set_selected (palette_row, p);
          gui_test_spin (100);
          cut = find_ellipsized_label (GTK_WIDGET (preferences));
          if (cut != NULL)
            g_error ("in %s, Preferences cuts “%s” short", languages[l], gtk_label_get_text (cut));
        }
      adw_combo_row_set_selected (palette_row, 0);
      gtk_window_destroy (GTK_WINDOW (g_object_ref (preferences)));
      g_assert_finalize_object (preferences);
    }
  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  g_settings_reset (waymark_application_get_settings (app), "palette");
}

/* A canvas in a window of its own, drawn, given a selection and an open
 * in-place editor, then destroyed: nothing (no signal handler, tick,
 * editor or scene) keeps it or its document alive. */
static void
test_canvas_finalizes (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  WaymarkDocument *document = waymark_format_load_file (file, &error);
  GtkWidget *window, *scrolled, *canvas;

  g_assert_no_error (error);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  scrolled = gtk_scrolled_window_new ();
  canvas = waymark_canvas_new ();
  g_object_ref_sink (canvas);
  waymark_canvas_set_document (WAYMARK_CANVAS (canvas), document);
  waymark_canvas_set_persona_id (WAYMARK_CANVAS (canvas),
                                 waymark_document_get_persona (document, 0)->base.id);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), canvas);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gui_test_wait_for (widget_is_drawn, canvas, 5000));
  gui_test_spin (100);

  /* The state that holds references: a layout and scenes, a focused
   * cell with the editor open on a new card. */
  g_assert_nonnull (waymark_canvas_get_layout (WAYMARK_CANVAS (canvas)));
  gtk_widget_grab_focus (canvas);
  waymark_canvas_start_editing (WAYMARK_CANVAS (canvas));
  g_assert_true (waymark_canvas_is_editing (WAYMARK_CANVAS (canvas)));
  gui_test_spin (100);

  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_spin (20);
  g_assert_finalize_object (canvas);
  g_assert_finalize_object (document);
}

/* The first descendant of @widget of @type, popovers included. */
static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child : find_descendant (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
widget_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* The usability tester's steps: "+" for a second persona, the rename
 * popover, a new name, Enter; then the context menu and Delete. Both
 * change the document, which rebuilds the rows: a popover parented to a
 * row was finalized with it ("Finalizing GtkListBoxRow ... still has
 * children left", fatal here) and then used. Also: after "+" the new
 * persona is selected and its row has the keyboard focus. */
static void
test_sidebar_rename (void)
{
  WaymarkWindow *window = waymark_window_new (app);
  WaymarkDocument *document = waymark_window_get_document (window);
  WaymarkSidebar *sidebar;
  GtkWidget *list, *entry, *popover;
  GtkListBoxRow *row;
  GtkEventController *keys = NULL;
  g_autoptr(GListModel) controllers = NULL;
  gboolean handled = FALSE;
  WaymarkPersona *second;
  g_autofree char *second_id = NULL;

  gtk_window_present (GTK_WINDOW (window));
  sidebar = window->sidebar;
  list = find_descendant (GTK_WIDGET (sidebar), GTK_TYPE_LIST_BOX);
  g_assert_true (gui_test_wait_for (widget_is_mapped, sidebar, 5000));

  for (guint i = 1; i <= 2; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sidebar), "sidebar.add", NULL));
      gui_test_spin (50);
      g_assert_cmpuint (waymark_document_get_n_personas (document), ==, i);
      second = waymark_document_get_persona (document, i - 1);
      g_assert_cmpstr (waymark_sidebar_get_persona_id (sidebar), ==, second->base.id);
      g_assert_cmpstr (waymark_window_get_persona_id (window), ==, second->base.id);
      row = gtk_list_box_get_selected_row (GTK_LIST_BOX (list));
      g_assert_nonnull (row);
      g_assert_cmpint (gtk_list_box_row_get_index (row), ==, i - 1);
      g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (row));
    }

  /* Rename the second persona through its popover. */
  second_id = g_strdup (second->base.id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sidebar), "sidebar.rename", NULL));
  /* Where the keys go: the name field in the popover. */
  entry = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  popover = gtk_widget_get_ancestor (entry, GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  g_assert_true (gui_test_wait_for (widget_is_mapped, popover, 5000));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Nieuwe naam");
  g_signal_emit_by_name (entry, "activate");
  gui_test_spin (100);
  g_assert_cmpstr (waymark_document_find_persona (document, second_id)->name, ==, "Nieuwe naam");
  g_assert_false (gtk_widget_get_mapped (popover));
  row = gtk_list_box_get_selected_row (GTK_LIST_BOX (list));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (row));

  /* Renaming again replaces the popover; the old one goes cleanly. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sidebar), "sidebar.rename", NULL));
  gui_test_spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sidebar), "sidebar.rename", NULL));
  gui_test_spin (50);
  entry = gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Tweede");
  g_signal_emit_by_name (entry, "activate");
  gui_test_spin (100);
  g_assert_cmpstr (waymark_document_find_persona (document, second_id)->name, ==, "Tweede");

  /* The context menu (Menu key on the list), then deleting the persona
   * its row shows. */
  controllers = gtk_widget_observe_controllers (list);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        keys = GTK_EVENT_CONTROLLER (controller);
    }
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Menu, 0, 0, &handled);
  g_assert_true (handled);
  popover = find_descendant (GTK_WIDGET (sidebar), GTK_TYPE_POPOVER_MENU);
  g_assert_nonnull (popover);
  g_assert_true (gui_test_wait_for (widget_is_mapped, popover, 5000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sidebar), "sidebar.delete", NULL));
  gtk_popover_popdown (GTK_POPOVER (popover));
  gui_test_spin (100);
  g_assert_cmpuint (waymark_document_get_n_personas (document), ==, 1);
  g_assert_cmpstr (waymark_sidebar_get_persona_id (sidebar), ==,
                   waymark_document_get_persona (document, 0)->base.id);

  gui_test_close_window (window);
}

/* What a keyboard user reaches: the document's properties from the menu
 * (with the keyboard in the panel), Escape letting go of a focused card,
 * and F9 giving the keyboard back to the map when it hides the panel. */
static void
test_keyboard_reach (void)
{
  WaymarkWindow *window = open_copy ("keyboard.waymark", NULL);
  GtkWidget *canvas = waymark_window_get_canvas (window);
  GtkWidget *focus;

  g_assert_nonnull (canvas);
  g_assert_true (gui_test_wait_for (widget_is_drawn, canvas, 5000));
  gtk_widget_grab_focus (canvas);
  /* Something selected: the document is still one menu item away. */
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.select-all", NULL));
  gui_test_spin (20);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "editor.document-properties",
                                             NULL));
  gui_test_spin (50);
  /* The inspector shows the document, and has the keyboard. */
  g_assert_null (waymark_canvas_get_inspected_id (WAYMARK_CANVAS (canvas)));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, WAYMARK_TYPE_INSPECTOR));

  /* F9 hides it: the keyboard goes back to the map, not to a header button. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "editor.toggle-inspector",
                                             NULL));
  gui_test_spin (50);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == canvas);

  /* F6 goes round the panes: map → sidebar (panel hidden) → map. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "editor.cycle-panes", "i", 1));
  gui_test_spin (20);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_nonnull (gtk_widget_get_ancestor (focus, WAYMARK_TYPE_SIDEBAR));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "editor.cycle-panes", "i", 1));
  gui_test_spin (20);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == canvas);
  /* With the panel shown, Shift+F6 from the map goes to it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "editor.toggle-inspector",
                                             NULL));
  gui_test_spin (20);
  gtk_widget_grab_focus (canvas);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "editor.cycle-panes", "i", -1));
  gui_test_spin (20);
  g_assert_nonnull (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                             WAYMARK_TYPE_SIDEBAR));

  gui_test_close_window (window);
}

/* What a screen reader hears on each keyboard move over the map: the
 * card, its place in its cell ("2 of 3"), first the lane or phase when
 * the move entered another one; and the new text after an edit. */
static void
test_canvas_announces (void)
{
  WaymarkWindow *window = open_copy ("announce.waymark", NULL);
  GtkWidget *canvas = waymark_window_get_canvas (window);
  WaymarkPersona *persona;
  g_autoptr(GPtrArray) cards = NULL;
  WaymarkCard *first, *second;
  WaymarkLane *lane;
  WaymarkPhase *phase;
  int phase_number;
  g_autofree char *expected = NULL;
  const char * const *selected;

  g_assert_true (gui_test_wait_for (widget_is_drawn, canvas, 5000));
  persona = waymark_document_find_persona (window->document,
                                           waymark_canvas_get_persona_id (WAYMARK_CANVAS (canvas)));
  cards = find_cell_cards (persona, 2);
  first = g_ptr_array_index (cards, 0);
  second = g_ptr_array_index (cards, 1);
  lane = waymark_persona_find_lane (persona, first->lane_id);
  phase = waymark_persona_find_phase (persona, first->phase_id);
  phase_number = waymark_persona_phase_index (persona, phase->base.id) + 1;

  gtk_widget_grab_focus (canvas);
  waymark_canvas_reveal_card (WAYMARK_CANVAS (canvas), first->base.id);
  expected = g_strdup_printf ("Lane %s, phase %d %s: Card “%s”, 1 of %u", lane->name,
                              phase_number, phase->name, first->text, cards->len);
  assert_accessible_label (canvas, expected);

  /* Down: the next card of the same cell, no lane or phase repeated. */
  g_assert_true (press_key (canvas, GDK_KEY_Down, 0));
  selected = waymark_canvas_get_selected_cards (WAYMARK_CANVAS (canvas));
  g_assert_cmpstr (selected[0], ==, second->base.id);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Card “%s”, 2 of %u", second->text, cards->len);
  assert_accessible_label (canvas, expected);

  /* An edit of the focused card's text is heard, not the old text. */
  g_assert_true (waymark_document_set_text (window->document, second->base.id, WAYMARK_FIELD_TEXT,
                                            "Edited while focused"));
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Card “Edited while focused”, 2 of %u", cards->len);
  assert_accessible_label (canvas, expected);

  /* Right: into the next phase, which is said first. */
  if (phase_number < (int) persona->phases->len)
    {
      g_assert_true (press_key (canvas, GDK_KEY_Right, 0));
      selected = waymark_canvas_get_selected_cards (WAYMARK_CANVAS (canvas));
      if (selected != NULL && selected[0] != NULL)
        {
          WaymarkCard *card = waymark_document_find_card (window->document, selected[0]);
          WaymarkPhase *next = waymark_persona_find_phase (persona, card->phase_id);
          g_autoptr(GPtrArray) cell = waymark_persona_cell_cards (persona, card->lane_id,
                                                                  card->phase_id);
          guint position;

          g_assert_true (next != phase);
          g_assert_true (g_ptr_array_find (cell, card, &position));
          g_clear_pointer (&expected, g_free);
          if (g_strcmp0 (card->lane_id, first->lane_id) == 0)
            expected = g_strdup_printf ("Phase %d %s: Card “%s”, %u of %u", phase_number + 1,
                                        next->name, card->text, position + 1, cell->len);
          else
            expected = g_strdup_printf ("Lane %s, phase %d %s: Card “%s”, %u of %u",
                                        waymark_persona_find_lane (persona, card->lane_id)->name,
                                        phase_number + 1, next->name, card->text, position + 1,
                                        cell->len);
          assert_accessible_label (canvas, expected);
        }
    }

  gui_test_close_window (window);
}

static char *
dup_editor_text (WaymarkCanvas *canvas)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (canvas->editor));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* From the keyboard alone: Ctrl+Return (the card menu's Add Card) adds a
 * card to a cell that has cards already, and typing a character on a
 * focused card or cell starts editing with it. */
static void
test_canvas_typing (void)
{
  WaymarkWindow *window = open_copy ("typing.waymark", NULL);
  WaymarkCanvas *canvas = WAYMARK_CANVAS (waymark_window_get_canvas (window));
  WaymarkPersona *persona;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  WaymarkCard *first, *added;

  g_assert_true (gui_test_wait_for (widget_is_drawn, canvas, 5000));
  persona = waymark_document_find_persona (window->document,
                                           waymark_canvas_get_persona_id (canvas));
  cards = find_cell_cards (persona, 2);
  first = g_ptr_array_index (cards, 0);
  gtk_widget_grab_focus (GTK_WIDGET (canvas));
  waymark_canvas_reveal_card (canvas, first->base.id);

  /* Add Card is offered for the focused card, and Ctrl+Return does it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (canvas), "canvas.add-card", NULL));
  g_assert_true (waymark_canvas_is_editing (canvas));
  waymark_canvas_commit_editing (canvas);   /* empty: nothing added */
  g_assert_true (press_key (GTK_WIDGET (canvas), GDK_KEY_Return, GDK_CONTROL_MASK));
  g_assert_true (waymark_canvas_is_editing (canvas));
  text = dup_editor_text (canvas);
  g_assert_cmpstr (text, ==, "");
  /* The editor covers none of the cell's cards: the map makes room. */
  for (guint i = 0; i < cards->len; i++)
    {
      WaymarkRect rect;

      g_assert_true (waymark_layout_get_card_rect (waymark_canvas_get_layout (canvas),
                                                   ((WaymarkCard *) g_ptr_array_index (cards, i))
                                                     ->base.id, &rect));
      g_assert_false (waymark_rect_intersects (&rect, &canvas->edit_rect));
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (canvas->editor)),
                            "Added from the keyboard", -1);
  waymark_canvas_commit_editing (canvas);
  after = waymark_persona_cell_cards (persona, first->lane_id, first->phase_id);
  g_assert_cmpuint (after->len, ==, cards->len + 1);
  added = g_ptr_array_index (after, after->len - 1);
  g_assert_cmpstr (added->text, ==, "Added from the keyboard");

  /* Typing on the focused card: its text, then the character. */
  waymark_canvas_reveal_card (canvas, first->base.id);
  old_text = g_strdup (first->text);
  g_assert_true (press_key (GTK_WIDGET (canvas), GDK_KEY_x, 0));
  g_assert_true (waymark_canvas_is_editing (canvas));
  g_clear_pointer (&text, g_free);
  text = dup_editor_text (canvas);
  expected = g_strconcat (old_text, "x", NULL);
  g_assert_cmpstr (text, ==, expected);
  waymark_canvas_commit_editing (canvas);
  g_assert_cmpstr (first->text, ==, expected);

  /* A key with Ctrl is a shortcut, not text. */
  g_assert_false (press_key (GTK_WIDGET (canvas), GDK_KEY_x, GDK_CONTROL_MASK) &&
                  waymark_canvas_is_editing (canvas));

  gui_test_close_window (window);
}

/* Whether a label under @widget shows text that contains @part. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *part)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), part) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, part))
      return TRUE;
  return FALSE;
}

static gboolean
window_shows_summary (gpointer data)
{
  return shows_text (data, "Imported 5 personas and ");
}

/* Import CSV says what came in: the personas and cards in a toast, and
 * the warnings (an ignored column) in a dialog when there are any. */
static void
test_import_csv_summary (void)
{
  g_autofree char *example = example_path ();
  g_autoptr(GFile) example_file = g_file_new_for_path (example);
  g_autoptr(WaymarkDocument) document = waymark_format_load_file (example_file, NULL);
  g_autofree char *csv_path = g_build_filename (tmp_dir, "summary.csv", NULL);
  g_autofree char *warn_path = g_build_filename (tmp_dir, "summary-warn.csv", NULL);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(GFile) warn = g_file_new_for_path (warn_path);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GString) with_extra = NULL;
  WaymarkWindow *window;
  AdwMessageDialog *dialog;
  guint n_cards = 0;
  char *newline;

  g_assert_nonnull (document);
  for (guint i = 0; i < waymark_document_get_n_personas (document); i++)
    n_cards += waymark_document_get_persona (document, i)->cards->len;
  g_assert_true (waymark_csv_export_to_file (document, csv, NULL));
  g_assert_true (g_file_get_contents (csv_path, &contents, NULL, NULL));
  /* The same sheet with a column Waymark does not know. */
  newline = strchr (contents, '\n');
  g_assert_nonnull (newline);
  if (newline > contents && newline[-1] == '\r')
    newline--;
  with_extra = g_string_new_len (contents, newline - contents);
  g_string_append (with_extra, ",mysterie");
  g_string_append (with_extra, newline);
  g_assert_true (g_file_set_contents (warn_path, with_extra->str, -1, NULL));

  window = waymark_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-csv", NULL));
  gui_test_choose_file (csv);
  g_assert_true (gui_test_wait_for (window_shows_summary, window, 5000));
  expected = g_strdup_printf ("Imported 5 personas and %u cards", n_cards);
  g_assert_true (shows_text (GTK_WIDGET (window), expected));
  gui_test_close_window (window);

  window = waymark_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-csv", NULL));
  gui_test_choose_file (warn);
  dialog = gui_test_wait_for_dialog (GTK_WINDOW (window), "waymark-import-summary");
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Spreadsheet Imported With Warnings");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), expected));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "mysterie"));
  gui_test_respond (dialog, "close");
  gui_test_close_window (window);
}

/* Large Text (text-scaling-factor 1.25, which GTK turns into the font
 * resolution) opens maps at 125 %, and Ctrl+0 returns there. */
static void
test_text_scaling_zoom (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  WaymarkWindow *window;
  WaymarkCanvas *canvas;
  int dpi;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", (int) (1.25 * 96 * 1024), NULL);
  window = open_copy ("large-text.waymark", NULL);
  canvas = WAYMARK_CANVAS (waymark_window_get_canvas (window));
  g_assert_cmpfloat_with_epsilon (waymark_canvas_get_zoom (canvas), 1.25, 0.001);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL));
  g_assert_cmpfloat (waymark_canvas_get_zoom (canvas), >, 1.26);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL));
  g_assert_cmpfloat_with_epsilon (waymark_canvas_get_zoom (canvas), 1.25, 0.001);
  gui_test_close_window (window);
  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
}

/* Renaming a phase in one persona offers, in a toast, to rename it in
 * every persona that has a phase of that name; taking the offer renames
 * them all in one undo step. */
static void
test_rename_phase_everywhere (void)
{
  WaymarkWindow *window = open_copy ("phases.waymark", NULL);
  WaymarkCanvas *canvas = WAYMARK_CANVAS (waymark_window_get_canvas (window));
  WaymarkPersona *persona;
  WaymarkPhase *phase;
  g_autofree char *old_name = NULL;
  guint others;

  g_assert_true (gui_test_wait_for (widget_is_drawn, canvas, 5000));
  persona = waymark_document_find_persona (window->document,
                                           waymark_canvas_get_persona_id (canvas));
  phase = g_ptr_array_index (persona->phases, 0);
  old_name = g_strdup (phase->name);
  others = waymark_command_count_phases_named (window->document, old_name, persona->base.id);
  g_assert_cmpuint (others, >, 0);

  /* As a double-click on the phase's header does. */
  _waymark_canvas_edit_start (canvas, EDIT_PHASE_NAME, phase->base.id, NULL, NULL, -1);
  g_assert_true (waymark_canvas_is_editing (canvas));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (canvas->editor)),
                            "Signaleren", -1);
  waymark_canvas_commit_editing (canvas);
  g_assert_cmpstr (phase->name, ==, "Signaleren");
  g_assert_cmpuint (waymark_command_count_phases_named (window->document, old_name, NULL), ==,
                    others);
  gui_test_spin (100);
  g_assert_true (shows_text (GTK_WIDGET (window), "other personas have a phase"));

  /* The toast's button. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rename-phases", "(ss)",
                                             old_name, "Signaleren"));
  g_assert_cmpuint (waymark_command_count_phases_named (window->document, old_name, NULL), ==, 0);
  g_assert_cmpuint (waymark_command_count_phases_named (window->document, "Signaleren", NULL),
                    ==, others + 1);
  g_assert_true (waymark_document_undo (window->document));
  g_assert_cmpuint (waymark_command_count_phases_named (window->document, old_name, NULL), ==,
                    others);
  gui_test_close_window (window);
}

/* An icon-only button with a tooltip, under @widget. */
static GtkWidget *
find_icon_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      gtk_widget_is_sensitive (widget) && gtk_widget_get_focusable (widget) &&
      gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL &&
      gtk_widget_get_tooltip_text (widget) != NULL)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_icon_button (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The keyboard on an icon-only button shows what the button does (its
 * tooltip's text), which GTK shows only to the pointer; the focus stays
 * on the button, and the text goes when the focus moves on. */
static void
test_focus_tooltips (void)
{
  WaymarkWindow *window = open_copy ("tips.waymark", NULL);
  GtkWidget *canvas = waymark_window_get_canvas (window);
  GtkWidget *button;

  g_assert_true (gui_test_wait_for (widget_is_drawn, canvas, 5000));
  button = find_icon_button (GTK_WIDGET (window));
  g_assert_nonnull (button);

  /* A click's focus: no text (the pointer has the real tooltip). */
  gtk_window_set_focus_visible (GTK_WINDOW (window), FALSE);
  gtk_widget_grab_focus (button);
  g_assert_null (window->focus_tip);
  gtk_widget_grab_focus (canvas);

  /* The keyboard's. */
  gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
  g_assert_true (gtk_widget_grab_focus (button));
  gui_test_spin (50);
  g_assert_nonnull (window->focus_tip);
  g_assert_true (gtk_widget_get_visible (window->focus_tip));
  g_assert_true (shows_text (window->focus_tip, gtk_widget_get_tooltip_text (button)));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == button);

  gtk_widget_grab_focus (canvas);
  g_assert_null (window->focus_tip);
  gui_test_close_window (window);
}

static void
remove_recursively (GFile *file)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                                                   NULL, NULL);
  GFile *child;

  while (children != NULL && g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) &&
         child != NULL)
    remove_recursively (child);
  g_file_delete (file, NULL, NULL);
}

static gboolean
inspector_shown (gpointer data)
{
  gboolean visible;

  g_object_get (data, "inspector-visible", &visible, NULL);
  return visible;
}

/* F9's inspector stays open in the next window, as the sidebar does. */
static void
test_inspector_remembered (void)
{
  GSettings *settings = waymark_application_get_settings (app);
  WaymarkWindow *window = waymark_window_new (app);
  WaymarkWindow *next;

  /* Earlier tests may have left it open. */
  g_settings_reset (settings, "inspector-visible");
  gtk_window_present (GTK_WINDOW (window));
  g_assert_false (inspector_shown (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "editor.toggle-inspector",
                                             NULL));
  g_assert_true (inspector_shown (window));
  g_assert_true (g_settings_get_boolean (settings, "inspector-visible"));
  gui_test_close_window (window);

  next = waymark_window_new (app);
  gtk_window_present (GTK_WINDOW (next));
  g_assert_true (inspector_shown (next));
  g_settings_reset (settings, "inspector-visible");
  g_assert_false (inspector_shown (next));
  gui_test_close_window (next);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  const char *data_home = g_getenv ("WAYMARK_TEST_TMP");
  int result;

  /* One temporary directory for the files and drafts of this run, shared
   * with the subprocess of the draft test. */
  if (data_home == NULL)
    {
      tmp_dir = g_dir_make_tmp ("waymark-test-gui-XXXXXX", &error);
      g_assert_no_error (error);
      g_setenv ("WAYMARK_TEST_TMP", tmp_dir, TRUE);
    }
  else
    tmp_dir = g_strdup (data_home);
  {
    g_autofree char *xdg = g_build_filename (tmp_dir, "data", NULL);
    g_setenv ("XDG_DATA_HOME", xdg, TRUE);
  }

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      /* TAP: the whole program is skipped, not failed, without a display. */
      printf ("1..0 # SKIP no display (run under xvfb-run)\n");
      return 0;
    }

  app = waymark_application_new (G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  /* Windows are closed by the tests; keep the app alive between them. */
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/gui/startup-example", test_startup_example);
  g_test_add_func ("/gui/save-as-reopen", test_save_as_reopen);
  g_test_add_func ("/gui/close-with-changes", test_close_with_changes);
  g_test_add_func ("/gui/broken-file", test_broken_file);
  g_test_add_func ("/gui/undo-redo", test_undo_redo);
  g_test_add_func ("/gui/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/gui/draft-recovery", test_draft_recovery);
  g_test_add_func ("/gui/autosave", test_autosave);
  g_test_add_func ("/gui/export-dialog", test_export_dialog);
  g_test_add_func ("/gui/export-dialog-subset", test_export_dialog_subset);
  g_test_add_func ("/gui/print", test_print);
  g_test_add_func ("/gui/templates", test_templates);
  g_test_add_func ("/gui/about", test_about);
  g_test_add_func ("/gui/preferences", test_preferences);
  g_test_add_func ("/gui/preferences-fit", test_preferences_fit);
  g_test_add_func ("/gui/canvas-finalizes", test_canvas_finalizes);
  g_test_add_func ("/gui/keyboard-reach", test_keyboard_reach);
  g_test_add_func ("/gui/sidebar-rename", test_sidebar_rename);
  g_test_add_func ("/gui/inspector-remembered", test_inspector_remembered);
  g_test_add_func ("/gui/canvas-announces", test_canvas_announces);
  g_test_add_func ("/gui/canvas-typing", test_canvas_typing);
  g_test_add_func ("/gui/import-csv-summary", test_import_csv_summary);
  g_test_add_func ("/gui/text-scaling-zoom", test_text_scaling_zoom);
  g_test_add_func ("/gui/rename-phase-everywhere", test_rename_phase_everywhere);
  g_test_add_func ("/gui/focus-tooltips", test_focus_tooltips);

  result = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  if (!g_test_subprocess () && data_home == NULL)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (tmp_dir);
      remove_recursively (dir);
    }
  g_free (tmp_dir);
  return result;
}
