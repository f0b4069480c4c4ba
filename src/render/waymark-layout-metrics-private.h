/* waymark-layout-metrics-private.h: what the layout's own files share
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "waymark-layout-private.h"

G_BEGIN_DECLS

/* A layout is built in waymark-layout.c, measures its texts with
 * waymark-layout-text.c and answers hit tests and other questions in
 * waymark-layout-query.c. The scene and the canvas read
 * waymark-layout-private.h instead. */

/* Metrics of the map, in points. Chosen on an A3 landscape print and a
 * 1080p screen at 100 %: body text 8.5 pt reads on paper, cards keep a
 * 7 pt gutter so that tints do not run together. */
#define MARGIN              28.0
#define TITLE_GAP           18.0
#define AVATAR_SIZE         46.0
#define AVATAR_GAP          14.0
#define LANE_HEADER_WIDTH   138.0
#define LANE_HEADER_GAP     6.0
#define LANE_GAP            6.0
#define PHASE_ROW_GAP       8.0
#define PHASE_PAD_X         16.0
#define PHASE_PAD_Y         7.0
#define PHASE_ARROW         9.0
#define CELL_PAD            6.0
#define CARD_GAP            6.0
#define CARD_PAD_X          7.0
#define CARD_PAD_Y          6.0
#define CARD_ACCENT         3.0
#define CARD_ICON           9.0
#define CARD_MIN_HEIGHT     22.0
#define CHIP_GAP            3.0
#define ROW_MIN_HEIGHT      46.0
#define EMOTION_ROW_HEIGHT  156.0
#define EMOTION_LABEL_ROOM  34.0
#define EMOTION_MARKER      4.5
#define EMOTION_HIT_RADIUS  8.0
#define LEGEND_GAP          14.0
#define LEGEND_LABEL_GAP    8.0
#define LEGEND_CHIP_GAP     8.0
#define LEGEND_ROW_GAP      4.0
#define FOOTER_GAP          14.0
#define FOOTER_HEIGHT       18.0
#define ICON_SIZE           13.0
#define BADGE_PAD_X         3.0     /* the pill's padding beside its number */
#define BADGE_GAP           3.0     /* between a badge and the card's content */
/* The persona's profile beside the title: columns of a fixed width, so
 * that a long list wraps rather than widens the header. */
#define PROFILE_GAP         32.0    /* between the title's text and the profile */
#define PROFILE_COLUMN      180.0
#define PROFILE_COLUMN_GAP  20.0
#define PROFILE_ROW_GAP     12.0
#define PROFILE_ITEM_GAP    3.0
#define PROFILE_BULLET      8.0     /* the room a bullet takes before an item */
#define PROFILE_QUOTE_BAR   3.0
#define PROFILE_MAX_ITEMS   6       /* of one list; the rest is counted ("+3") */

static inline WaymarkRect
rect_make (double x, double y, double width, double height)
{
  return (WaymarkRect) { x, y, width, height };
}

/* Texts (waymark-layout-text.c) */

/* Shapes @string in @style, wrapped at @width (0: no wrapping) and cut
 * to @max_lines (0: all) with an ellipsis. Reference-counted; see
 * WaymarkLayoutText. */
WaymarkLayoutText *waymark_layout_text_new   (WaymarkTextStyle   style,
                                              const char        *string,
                                              double             width,
                                              int                max_lines,
                                              WaymarkTextAlign   align);
WaymarkLayoutText *waymark_layout_text_ref   (WaymarkLayoutText *text);
/* A GDestroyNotify, for the text caches. */
void               waymark_layout_text_unref (gpointer           text);

/* Geometry (waymark-layout.c) */

/* The height of @score on the plot of the emotions lane @lane. */
double waymark_layout_emotion_y (const WaymarkLayoutLane *lane,
                                 double                   score);

G_END_DECLS
