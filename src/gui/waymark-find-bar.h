/* waymark-find-bar.h: finding cards across all personas, or recommendations
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "waymark-canvas.h"
#include "waymark-recommendations-view.h"

G_BEGIN_DECLS

/* A search bar over a canvas: typing highlights the matching cards (all
 * personas are searched), Enter and Shift+Enter jump to the next and
 * previous match, switching persona when needed; Escape closes it.
 * While its recommendations view is shown, it searches the
 * recommendations' titles, descriptions and owners instead and chooses
 * the match in the view. */
#define WAYMARK_TYPE_FIND_BAR (waymark_find_bar_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkFindBar, waymark_find_bar, WAYMARK, FIND_BAR, GtkWidget)

/* The canvas searched and moved on ("canvas" property); the bar does not
 * keep it alive. */
WaymarkCanvas *waymark_find_bar_get_canvas (WaymarkFindBar *self);
void           waymark_find_bar_set_canvas (WaymarkFindBar *self,
                                            WaymarkCanvas  *canvas);
/* The recommendations view searched while it is shown
 * ("recommendations" property); the bar does not keep it alive. */
void           waymark_find_bar_set_recommendations (WaymarkFindBar             *self,
                                                     WaymarkRecommendationsView *view);
/* Shows the bar and puts the focus in its entry. */
void           waymark_find_bar_open       (WaymarkFindBar *self);
/* Jumps to the next (or previous) match. */
void           waymark_find_bar_step       (WaymarkFindBar *self,
                                            gboolean        backwards);

G_END_DECLS
