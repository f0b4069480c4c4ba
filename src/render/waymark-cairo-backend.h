/* waymark-cairo-backend.h: draws a scene with cairo (canvas, PNG, PDF, print)
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "waymark-scene.h"
#include "waymark-text-cache.h"

G_BEGIN_DECLS

/* Draws @scene on @cr in the current user space, which the caller has
 * set up so that one unit is one document point (for the canvas:
 * cairo_translate by the scroll offset, cairo_scale by the zoom).
 * Only items that intersect @clip (document units; NULL: everything)
 * are drawn, so pass the visible area. Does not paint a background:
 * the map is drawn on what is there (white page, canvas background, or
 * transparent). Leaves @cr's state as it found it. */
void waymark_cairo_backend_draw (WaymarkScene      *scene,
                                 cairo_t           *cr,
                                 const WaymarkRect *clip);

/* The same, for a view that redraws often (the canvas): small text on a
 * raster target is taken from, and added to, @text_cache. The pixels
 * differ from waymark_cairo_backend_draw() by at most an eighth of
 * a pixel in glyph position. @text_cache may be NULL. */
void waymark_cairo_backend_draw_cached (WaymarkScene      *scene,
                                        cairo_t           *cr,
                                        const WaymarkRect *clip,
                                        WaymarkTextCache  *text_cache);

/* Draws @scene, @width × @height document points, scaled to fit a page
 * of @page_width × @page_height points (up or down, so that it fills the
 * page one way) and centred on it: every page of a PDF export and of
 * printing, maps and the overview alike. Leaves @cr's state as it found
 * it. */
void waymark_cairo_backend_draw_on_page (WaymarkScene *scene,
                                         double        width,
                                         double        height,
                                         cairo_t      *cr,
                                         double        page_width,
                                         double        page_height);

G_END_DECLS
