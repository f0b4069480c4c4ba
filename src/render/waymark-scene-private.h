/* waymark-scene-private.h: the scene-building primitives that maps and the overview share
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "waymark-layout-private.h"
#include "waymark-scene.h"

G_BEGIN_DECLS

/* Both the map scene (waymark-scene.c) and the overview page
 * (waymark-overview-scene.c) are built from these, so a box, a path, a
 * text block, a kind icon or the footer looks the same on every page and
 * in every backend. */

#define RGB(hex) ((WaymarkColor) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, \
                                   ((hex) & 0xff) / 255.0, 1.0 })
#define NONE ((WaymarkColor) { 0, 0, 0, 0 })

/* Ink colours of the page, shared by every palette: near-black text
 * (not pure black, which looks harsh next to tints), two greys; even the
 * fainter reads at 4.5:1 on white and on the lightest tints. */
#define INK        RGB (0x1f2933)
#define INK_SOFT   RGB (0x52606d)
#define INK_FAINT  RGB (0x5b6673)
#define RULE       RGB (0xd3d9df)
#define WHITE      RGB (0xffffff)

/* What belongs to recommendations: the badges on cards (white numbers on
 * a deep indigo that no lane kind uses, 9:1 against white and still dark
 * in greyscale) and the highlight of the cards one addresses (a
 * highlighter's amber, apart from the canvas's blue selection). */
#define BADGE_FILL      RGB (0x3b3486)
#define HIGHLIGHT_GLOW  RGB (0xf5c211)
#define HIGHLIGHT_RING  RGB (0xb07a00)

/* Where items go, and the palette every colour passes through on its
 * way in. The standard palette leaves colours as given, for a page that
 * filters its colours itself. */
typedef struct {
  WaymarkScene  *scene;
  WaymarkLayout *layout;    /* owns the texts added */
  WaymarkPalette palette;
} WaymarkSceneBuilder;

/* A path being built; waymark_scene_builder_add_path() takes its segments. */
typedef struct {
  GArray *segments;
} WaymarkScenePath;

/* Paths in document units; a circle and a rounded rectangle are made of
 * cubic Béziers, so every backend draws the same curve. */
void waymark_scene_path_init         (WaymarkScenePath *path);
void waymark_scene_path_move_to      (WaymarkScenePath *path, double x, double y);
void waymark_scene_path_line_to      (WaymarkScenePath *path, double x, double y);
void waymark_scene_path_curve_to     (WaymarkScenePath *path,
                                      double x1, double y1, double x2, double y2,
                                      double x3, double y3);
void waymark_scene_path_close        (WaymarkScenePath *path);
void waymark_scene_path_circle       (WaymarkScenePath *path, double cx, double cy, double r);
/* A rectangle with its own radius per corner: top-left, top-right,
 * bottom-right, bottom-left. */
void waymark_scene_path_rounded_rect (WaymarkScenePath *path,
                                      double x, double y, double w, double h,
                                      double tl, double tr, double br, double bl);

/* Monotone cubic interpolation (Fritsch–Carlson) through @n ≥ 2 points,
 * @xs ascending: the slope of the curve at each point (newly allocated),
 * for a Bézier from each point to the next whose control points lie a
 * third of the way along. Smooth, and never overshooting, so that an
 * emotion curve, on a map or the overview, does not suggest a score
 * that nobody gave. */
double *waymark_scene_monotone_tangents (const double *xs,
                                         const double *ys,
                                         guint         n);

/* Appends an empty item of @kind to the scene; defined in waymark-scene.c,
 * which owns the scene's item list. */
WaymarkSceneItem *waymark_scene_push_item (WaymarkScene         *self,
                                           WaymarkSceneItemKind  kind);

WaymarkColor waymark_scene_builder_filter        (WaymarkSceneBuilder *builder,
                                                  WaymarkColor         color);
/* Dark text on light fills, white on dark ones: whichever contrasts
 * more with @fill as the builder's palette shows it. */
WaymarkColor waymark_scene_builder_ink_on        (WaymarkSceneBuilder *builder,
                                                  WaymarkColor         fill);
/* @css_class must be a static string. */
void         waymark_scene_builder_begin_group   (WaymarkSceneBuilder *builder,
                                                  const char          *id,
                                                  const char          *css_class);
/* The same, with a sentence that says what the group is where a reader
 * of the file cannot see it: "Drempels · Verkenning & haalbaarheid" for
 * a card (an SVG's <desc>, for screen readers and Inkscape's objects). */
void         waymark_scene_builder_begin_described_group (WaymarkSceneBuilder *builder,
                                                          const char          *id,
                                                          const char          *css_class,
                                                          const char          *description);
void         waymark_scene_builder_end_group     (WaymarkSceneBuilder *builder);
void         waymark_scene_builder_add_box       (WaymarkSceneBuilder *builder,
                                                  const WaymarkRect   *rect,
                                                  double               radius,
                                                  WaymarkColor         fill,
                                                  WaymarkColor         stroke,
                                                  double               line_width);
/* Takes the segments of @path, which must be initialised again for reuse. */
void         waymark_scene_builder_add_path      (WaymarkSceneBuilder *builder,
                                                  WaymarkScenePath    *path,
                                                  WaymarkColor         fill,
                                                  WaymarkColor         stroke,
                                                  double               line_width,
                                                  double               dash);
/* @text (may be NULL: nothing is added) must be owned by the builder's layout. */
void         waymark_scene_builder_add_text      (WaymarkSceneBuilder *builder,
                                                  WaymarkLayoutText   *text,
                                                  double               x,
                                                  double               y,
                                                  WaymarkColor         color);
/* The icon of a lane kind in the square @rect, in @color with its marks
 * in @inner. */
/* A circle (a dot, a ring or both), solid. */
void         waymark_scene_builder_add_circle    (WaymarkSceneBuilder *builder,
                                                  double               cx,
                                                  double               cy,
                                                  double               r,
                                                  WaymarkColor         fill,
                                                  WaymarkColor         stroke,
                                                  double               line_width);
void         waymark_scene_builder_add_kind_icon (WaymarkSceneBuilder *builder,
                                                  WaymarkLaneKind      kind,
                                                  const WaymarkRect   *rect,
                                                  WaymarkColor         color,
                                                  WaymarkColor         inner);
/* A card's badge: @number centred on a pill that fills @rect. */
void         waymark_scene_builder_add_badge     (WaymarkSceneBuilder *builder,
                                                  const WaymarkRect   *rect,
                                                  WaymarkLayoutText   *number);
/* The highlight of @rect (a card or a cell, with corner @radius): a soft
 * amber glow outside it and a ring on its edge. */
void         waymark_scene_builder_add_highlight (WaymarkSceneBuilder *builder,
                                                  const WaymarkRect   *rect,
                                                  double               radius);
/* The rule, document title and page number that the builder's layout
 * placed with waymark_layout_place_footer(). */
void         waymark_scene_builder_add_footer    (WaymarkSceneBuilder *builder);

/* An empty scene for @page (see waymark_layout_new_for_page()); add
 * items with a builder, then finish it (which takes the page's size and
 * builds the spatial index) before drawing. */
WaymarkScene *waymark_scene_new_composed    (WaymarkLayout *page);
void          waymark_scene_compose_finish  (WaymarkScene  *self);
/* Appends a copy of every item of @other, a finished scene, moved by
 * (@dx, @dy): a sheet of several figures one below the other. */
void          waymark_scene_compose_append  (WaymarkScene  *self,
                                             WaymarkScene  *other,
                                             double         dx,
                                             double         dy);

G_END_DECLS
