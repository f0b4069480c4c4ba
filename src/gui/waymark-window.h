/* waymark-window.h: one journey-map document in a window
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "waymark-application.h"
#include "waymark-document.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_WINDOW (waymark_window_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkWindow, waymark_window, WAYMARK, WINDOW, AdwApplicationWindow)

/* A window with a new, empty, untitled document. */
WaymarkWindow   *waymark_window_new               (WaymarkApplication *application);

WaymarkDocument *waymark_window_get_document      (WaymarkWindow      *self);
/* Replaces the document (after loading or reloading); @file may be NULL
 * for an untitled document and @checksum is the SHA-256 of the loaded
 * file's content (waymark_file_compute_checksum()). */
void             waymark_window_set_document      (WaymarkWindow      *self,
                                                   WaymarkDocument    *document,
                                                   GFile              *file,
                                                   const char         *checksum);
/* The file the document is saved to, or NULL while untitled. */
GFile           *waymark_window_get_file          (WaymarkWindow      *self);
/* Whether the document has changes that are not saved to its file. */
gboolean         waymark_window_get_modified      (WaymarkWindow      *self);
/* Untitled, unmodified: a window that opening a file may reuse. */
gboolean         waymark_window_is_pristine       (WaymarkWindow      *self);

/* The persona shown in the content area, or NULL. */
const char      *waymark_window_get_persona_id    (WaymarkWindow      *self);
void             waymark_window_set_persona_id    (WaymarkWindow      *self,
                                                   const char         *persona_id);
/* The zoom of the map, 1.0 = 100 %: the canvas's, which holds it and its
 * range (waymark_canvas_set_zoom() changes it). */
double           waymark_window_get_zoom          (WaymarkWindow      *self);

/* Loads @file into this window. On failure the window is unchanged and
 * @error names file, line and column. */
gboolean         waymark_window_load_file         (WaymarkWindow      *self,
                                                   GFile              *file,
                                                   GError            **error);
/* Loads @file, showing the loader's message in a dialog on failure. */
void             waymark_window_open_file         (WaymarkWindow      *self,
                                                   GFile              *file);
/* Saves the document to @file synchronously with the core's safe writer
 * and makes it the window's file; what Save and Save As end in. On
 * failure the file on disk is as it was and @error (G_IO_ERROR) says why.
 * When @check_changes is TRUE and the content of the window's own file
 * is no longer what was read or last saved, fails with
 * G_IO_ERROR_WRONG_ETAG and writes nothing. */
gboolean         waymark_window_save_to_file      (WaymarkWindow      *self,
                                                   GFile              *file,
                                                   gboolean            check_changes,
                                                   GError            **error);
/* Puts the content of a draft (see waymark-drafts.h) into this window:
 * the document as it was, modified compared to @file (may be NULL), whose
 * content was @file_checksum when the draft was written (NULL: unknown). */
void             waymark_window_restore_draft     (WaymarkWindow      *self,
                                                   WaymarkDocument    *document,
                                                   GFile              *file,
                                                   const char         *file_checksum,
                                                   const char         *draft_id);
/* Writes the draft of unsaved changes now instead of in a few seconds
 * (before the process ends); nothing happens without changes. */
void             waymark_window_write_draft       (WaymarkWindow      *self);
/* The id of this window's draft (a file name in the drafts directory). */
const char      *waymark_window_get_draft_id      (WaymarkWindow      *self);

/* Shows a short message at the bottom of the window. */
void             waymark_window_add_toast         (WaymarkWindow      *self,
                                                   AdwToast           *toast);

/* The map: the window's WaymarkCanvas. */
GtkWidget       *waymark_window_get_canvas        (WaymarkWindow      *self);
/* Commits the text being edited in place on the map, if any (before
 * saving, exporting or printing what the document holds). */
void             waymark_window_commit_editing    (WaymarkWindow      *self);

/* Whether the inspector (the properties pane) is shown; the
 * "inspector-visible" property, toggled by editor.toggle-inspector. Hiding
 * it with the keyboard inside gives the keyboard to the map. */
gboolean         waymark_window_get_inspector_visible (WaymarkWindow  *self);
void             waymark_window_set_inspector_visible (WaymarkWindow  *self,
                                                       gboolean        visible);

/* The overview of all personas in place of the map (win.show-overview). */
gboolean         waymark_window_get_overview_shown (WaymarkWindow     *self);
void             waymark_window_show_overview     (WaymarkWindow      *self,
                                                   gboolean            show);
/* The recommendations in place of the map (win.show-recommendations);
 * hiding them shows the map. */
gboolean         waymark_window_get_recommendations_shown (WaymarkWindow *self);
void             waymark_window_show_recommendations (WaymarkWindow   *self,
                                                      gboolean         show);
/* The recommendations view, for tests. */
GtkWidget       *waymark_window_get_recommendations_view (WaymarkWindow *self);

G_END_DECLS
