/* waymark-canvas-window.h: puts the editing canvas, sidebar and inspector in a window
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "waymark-window.h"

G_BEGIN_DECLS

/* Fills @window's content, sidebar and inspector slots with the editing
 * canvas (with its find bar), the persona sidebar and the inspector, and
 * binds them to the window's document, persona, zoom and the app's
 * palette. Adds the "editor." actions: toggle-inspector, show-inspector,
 * find, find-next, find-previous. Called once from the window's init. */
void       waymark_canvas_install     (WaymarkWindow *window);

/* The WaymarkCanvas of a window set up by waymark_canvas_install(). */
GtkWidget *waymark_canvas_for_window  (WaymarkWindow *window);

/* Commits the open in-place editor of @window's canvas, if any. */
void       waymark_canvas_window_commit_editing (WaymarkWindow *window);

G_END_DECLS
