/* waymark-render-types.h: geometry, colours and options shared by layout, scene and backends
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "waymark-model.h"

G_BEGIN_DECLS

/* All render geometry is in document units: points, 1 unit = 1/72 inch.
 * A PDF page uses them 1:1; the canvas multiplies by its zoom. */
typedef struct {
  double x;
  double y;
  double width;
  double height;
} WaymarkRect;

/* Straight (not premultiplied) RGBA, each in 0..1. */
typedef struct {
  double red;
  double green;
  double blue;
  double alpha;
} WaymarkColor;

/* The colour scheme; the app's preferences offer all three. */
typedef enum {
  WAYMARK_PALETTE_STANDARD,   /* calm tints, one hue per lane kind */
  WAYMARK_PALETTE_COLORBLIND, /* Okabe–Ito hues, distinct for all common colour-vision types */
  WAYMARK_PALETTE_GREYSCALE,  /* for black-and-white print; kinds differ in lightness and icon */
  WAYMARK_N_PALETTES
} WaymarkPalette;

/* How a map is laid out and drawn. Initialise with
 * waymark_render_options_init() and change what you need; a plain struct
 * so that it can live on the stack and be copied. */
typedef struct {
  WaymarkPalette palette;
  gboolean       show_title;      /* the title block with avatar, name, ambition */
  gboolean       show_footer;     /* document title and page number at the bottom */
  int            page_number;     /* shown in the footer when > 0 */
  int            n_pages;         /* "page N of M" when > 0 */
  gboolean       show_evidence;   /* a card's evidence below its text */
  gboolean       show_tags;       /* tag chips on cards */
  /* A pill at a card's bottom-right corner with the number of
   * recommendations that address it (waymark-recommendation.h). Turn it
   * off for a figure that is about the journey alone. */
  gboolean       show_badges;
  /* Cards to highlight, e.g. those a selected recommendation addresses:
   * a glowing ring around each, the other cards dimmed a little.
   * NULL-terminated; NULL or empty for none. The layout copies the ids,
   * so the array need only live until waymark_layout_new() returns. */
  const char * const *highlight_card_ids;
  /* What of the persona a map shows (a figure for a report). Read while
   * the layout is made, not kept: the arrays may be freed after it. */
  const char * const *phase_ids;  /* only these phases, in journey order; NULL: all */
  const char * const *lane_ids;   /* only these lanes; NULL: all */
  gboolean       hide_empty_lanes; /* leave out lanes without a card or point in the phases shown */
  gboolean       continued;       /* a later page of a map split over pages: "(continued)" */
  /* For low vision (the desktop's high-contrast setting): white behind
   * all text, text at 7:1 at least (WCAG AAA), stronger edges on cards,
   * lane headers and rows. The palette still gives the kinds' hues. */
  gboolean       high_contrast;
  /* Room for one more card below the cards of this cell (the editor of a
   * card being added), so that it covers none of them. Read while the
   * layout is made, not kept. NULL: none. */
  const char    *room_lane_id;
  const char    *room_phase_id;
} WaymarkRenderOptions;

/* Defaults: standard palette, title shown, footer hidden, evidence, tags
 * and badges shown, nothing highlighted. */
void     waymark_render_options_init        (WaymarkRenderOptions *options);

/* "#rrggbb" (or "#rrggbbaa") to a colour; FALSE and opaque black on bad input. */
gboolean waymark_color_parse                (const char           *spec,
                                             WaymarkColor         *color);
/* Mixes @color towards white by @amount (0 = unchanged, 1 = white). */
WaymarkColor waymark_color_tint             (const WaymarkColor   *color,
                                             double                amount);
/* Mixes @color towards black by @amount. */
WaymarkColor waymark_color_shade            (const WaymarkColor   *color,
                                             double                amount);
/* Relative luminance (WCAG) of a colour, 0..1. */
double   waymark_color_luminance            (const WaymarkColor   *color);
/* The WCAG contrast ratio of two opaque colours, 1..21. */
double   waymark_color_contrast             (const WaymarkColor   *a,
                                             const WaymarkColor   *b);
/* @color, darkened (on a light @against) or lightened (on a dark one) just
 * enough to reach @ratio against @against; unchanged when it already does. */
WaymarkColor waymark_color_with_contrast    (const WaymarkColor   *color,
                                             const WaymarkColor   *against,
                                             double                ratio);
/* Converts to the palette: the greyscale palette turns any colour grey. */
WaymarkColor waymark_palette_filter         (WaymarkPalette        palette,
                                             const WaymarkColor   *color);

/* The base colour of a lane kind in a palette (saturated; cards use tints
 * of it), from the lane style table (waymark-lane-style.c). */
WaymarkColor waymark_palette_lane_color     (WaymarkPalette        palette,
                                             WaymarkLaneKind       kind);
/* The colour of an emotion score within [min, max]: red-orange for low,
 * neutral grey in the middle, blue-green for high (colour-blind safe). */
WaymarkColor waymark_palette_emotion_color  (WaymarkPalette        palette,
                                             int                   score,
                                             int                   scale_min,
                                             int                   scale_max);

/* Whether two rectangles overlap (touching edges do not count). */
gboolean waymark_rect_intersects            (const WaymarkRect    *a,
                                             const WaymarkRect    *b);
gboolean waymark_rect_contains_point        (const WaymarkRect    *rect,
                                             double                x,
                                             double                y);

G_END_DECLS
