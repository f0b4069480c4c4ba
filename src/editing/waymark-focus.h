/* waymark-focus.h: where the keyboard focus of the map goes
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "waymark-model.h"

G_BEGIN_DECLS

/* GTK-free on purpose: the tests drive it without a display. The canvas
 * keeps one WaymarkFocus and asks this module where an arrow key takes it.
 *
 * The map is a grid: the phase header row on top, the lane header column
 * on the left, a cell for every lane and phase. Within a cell of a card
 * lane the focus walks its cards in order and then the cell itself (the
 * empty slot where Enter creates a card), so that going down walks a
 * whole column. In an emotions lane the cell stands for the phase's
 * emotion point. */
typedef enum {
  WAYMARK_FOCUS_NONE,
  WAYMARK_FOCUS_PHASE,   /* a phase header: phase_id */
  WAYMARK_FOCUS_LANE,    /* a lane header: lane_id */
  WAYMARK_FOCUS_CELL,    /* lane_id + phase_id */
  WAYMARK_FOCUS_CARD,    /* card_id, with the lane_id + phase_id it starts in */
} WaymarkFocusKind;

typedef struct {
  WaymarkFocusKind kind;
  char            *phase_id;
  char            *lane_id;
  char            *card_id;
} WaymarkFocus;

typedef enum {
  WAYMARK_DIRECTION_UP,
  WAYMARK_DIRECTION_DOWN,
  WAYMARK_DIRECTION_LEFT,
  WAYMARK_DIRECTION_RIGHT,
} WaymarkDirection;

void     waymark_focus_clear      (WaymarkFocus       *focus);
void     waymark_focus_copy       (WaymarkFocus       *dest,
                                   const WaymarkFocus *src);
gboolean waymark_focus_equal      (const WaymarkFocus *a,
                                   const WaymarkFocus *b);
/* Setters that replace what @focus held. */
void     waymark_focus_set_phase  (WaymarkFocus       *focus,
                                   const char         *phase_id);
void     waymark_focus_set_lane   (WaymarkFocus       *focus,
                                   const char         *lane_id);
void     waymark_focus_set_cell   (WaymarkFocus       *focus,
                                   const char         *lane_id,
                                   const char         *phase_id);
/* Takes lane and phase from the card in @persona. */
void     waymark_focus_set_card   (WaymarkFocus       *focus,
                                   const WaymarkPersona *persona,
                                   const char         *card_id);

/* Makes @focus refer to something that exists in @persona after an edit:
 * a deleted card gives way to its cell, a deleted phase or lane to a
 * neighbour, an empty persona to NONE. Returns TRUE when it changed. */
gboolean waymark_focus_validate   (WaymarkFocus       *focus,
                                   const WaymarkPersona *persona);

/* Moves @focus one step in @direction. From NONE it goes to the first
 * cell. Returns FALSE, leaving @focus alone, at the edge of the map. */
gboolean waymark_focus_move       (WaymarkFocus       *focus,
                                   const WaymarkPersona *persona,
                                   WaymarkDirection    direction);

/* Where Alt+arrow takes a card: the cell and position to hand to
 * waymark_document_move_card(). Up and down reorder within the cell and
 * go on to the neighbouring card lane at its edge; left and right go to
 * the neighbouring phase. FALSE at the edge of the map. The strings in
 * @lane_id/@phase_id belong to @persona. */
gboolean waymark_focus_card_move_target (const WaymarkPersona *persona,
                                         const char           *card_id,
                                         WaymarkDirection      direction,
                                         const char          **lane_id,
                                         const char          **phase_id,
                                         int                  *position);

G_END_DECLS
