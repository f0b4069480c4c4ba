/* waymark-glyph-runs-private.h: a text block's shaped glyphs, for the
 * cairo backend and its text cache
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  cairo_scaled_font_t *font;
  cairo_glyph_t       *glyphs;    /* relative to the text block's origin */
  int                  n_glyphs;
  gboolean             outline;   /* no colour glyphs: may be filled as paths */
} WaymarkGlyphRun;

/* The glyphs of a layout, positioned, per font: what pango's renderer
 * would compute on every draw, computed once. Shared, read-only, by the
 * layout that made it and by any text cache entry drawn from it. */
typedef struct {
  gatomicrefcount  ref_count;
  WaymarkGlyphRun *runs;
  guint            n_runs;
  gboolean         use_pango;     /* hex boxes for missing glyphs: let pango draw */
  guint            hash;          /* of fonts, glyph indices and positions */
  /* The ink rectangle of the layout, in user units from its origin. */
  double           ink_x, ink_y, ink_width, ink_height;
} WaymarkGlyphRuns;

WaymarkGlyphRuns *_waymark_glyph_runs_ref   (WaymarkGlyphRuns       *runs);
void              _waymark_glyph_runs_unref (WaymarkGlyphRuns       *runs);
gboolean          _waymark_glyph_runs_equal (const WaymarkGlyphRuns *a,
                                             const WaymarkGlyphRuns *b);

/* Whether @font draws so few pixels per em on @cr that whole-pixel glyph
 * positions would visibly change the spacing. */
gboolean _waymark_glyph_run_is_small (cairo_t             *cr,
                                      cairo_scaled_font_t *font);

typedef struct _WaymarkTextCache WaymarkTextCache;

/* Draws the small, outline runs of @runs at @x, @y (user units) in the
 * current source from a cached mask, rendering and caching the mask first
 * if needed. Returns FALSE, drawing nothing, when the current transform
 * is not one the cache can serve (rotation, skew): draw directly then. */
gboolean _waymark_text_cache_draw (WaymarkTextCache *cache,
                                   cairo_t          *cr,
                                   WaymarkGlyphRuns *runs,
                                   double            x,
                                   double            y);

G_END_DECLS
