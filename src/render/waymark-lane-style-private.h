/* waymark-lane-style-private.h: how each kind of lane looks
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "waymark-scene-private.h"

G_BEGIN_DECLS

/* What render knows about a kind is a row of the table in
 * waymark-lane-style.c, next to core's row (waymark-lane-kind.h). Layout,
 * scene and the overview ask it rather than comparing kinds. */

/* A card of the kind, drawn from its lane's colour (or its own). */
typedef struct {
  double   fill_tint;    /* the fill: the colour tinted this far towards white; 1 is white */
  double   stroke_tint;  /* the border, likewise */
  double   radius;
  double   line_width;
  gboolean marked;       /* an accent bar and the kind's icon make it stand out at a
                          * glance; the overview marks the kind's cards with the icon too */
} WaymarkCardStyle;

/* Draws the kind's icon in the square @rect, in @color with its marks in
 * @inner. Icons are paths, so that they need no image files and stay
 * vector in PDF and SVG. */
typedef void (*WaymarkKindIconFunc) (WaymarkSceneBuilder *builder,
                                     const WaymarkRect   *rect,
                                     WaymarkColor         color,
                                     WaymarkColor         inner);

typedef struct {
  WaymarkColor        colors[WAYMARK_N_PALETTES];  /* the lane colour; cards use tints of it */
  double              row_tint;                    /* the lane's row behind its cells */
  WaymarkCardStyle    card;
  WaymarkKindIconFunc draw_icon;
} WaymarkLaneStyle;

/* The row of @kind. */
const WaymarkLaneStyle *waymark_lane_style_get (WaymarkLaneKind kind);

G_END_DECLS
