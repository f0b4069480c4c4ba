/* waymark-layout.h: the geometry of one persona's journey map
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "waymark-document.h"
#include "waymark-render-types.h"

G_BEGIN_DECLS

/* A WaymarkLayout is an immutable snapshot: it places everything of one
 * persona (title block, phase header row, lane header column, cells,
 * cards with wrapped text, the emotion curve, footer) in document units,
 * with the origin at the top-left corner of the map.
 *
 * It copies what it needs from the document, so it stays valid (and
 * answers hit tests consistently with what was drawn) after the document
 * changes; rebuild it from the document's ::changed signal, passing the
 * old layout as @previous so that unchanged cards keep their measured
 * text and relayout stays cheap.
 *
 * Not thread-safe; a layout is used from the thread that made it. */
typedef struct _WaymarkLayout WaymarkLayout;

/* What lies at a point of the map. */
typedef enum {
  WAYMARK_HIT_NONE,
  WAYMARK_HIT_PERSONA_TITLE,  /* the title block: avatar, name, ambition */
  WAYMARK_HIT_PHASE_HEADER,   /* phase_id */
  WAYMARK_HIT_LANE_HEADER,    /* lane_id */
  WAYMARK_HIT_CELL,           /* lane_id + phase_id: empty space in a cell */
  WAYMARK_HIT_CARD,           /* card_id, plus the lane_id/phase_id the card starts in */
  WAYMARK_HIT_EMOTION_POINT,  /* lane_id + phase_id of an emotion point's marker */
} WaymarkHitKind;

/* The strings belong to the layout and live as long as it does.
 * Fields that do not apply to the kind are NULL. */
typedef struct {
  WaymarkHitKind kind;
  const char    *persona_id;
  const char    *phase_id;
  const char    *lane_id;
  const char    *card_id;
  WaymarkRect    rect;        /* the bounds of what was hit */
} WaymarkHit;

/* Where a dragged card would land: @position is its index among the
 * cell's cards (as waymark_document_move_card() takes it), and
 * @indicator a thin horizontal rectangle where a drop line is drawn. */
typedef struct {
  const char  *lane_id;
  const char  *phase_id;
  int          position;
  WaymarkRect  indicator;
} WaymarkDropTarget;

/* Lays out @persona of @document. @options may be NULL for the defaults.
 * @previous (may be NULL) is an earlier layout whose text measurements
 * are reused where the text, style and width are unchanged.
 * Returns NULL when the persona does not exist. */
WaymarkLayout *waymark_layout_new               (WaymarkDocument            *document,
                                                 const char                 *persona_id,
                                                 const WaymarkRenderOptions *options,
                                                 WaymarkLayout              *previous);
WaymarkLayout *waymark_layout_ref               (WaymarkLayout              *self);
void           waymark_layout_unref             (WaymarkLayout              *self);

const char    *waymark_layout_get_persona_id    (WaymarkLayout              *self);
const WaymarkRenderOptions *
               waymark_layout_get_options       (WaymarkLayout              *self);

/* The size of the whole map, margins included. */
void           waymark_layout_get_size          (WaymarkLayout              *self,
                                                 double                     *width,
                                                 double                     *height);

/* The size in points of the cards' text, the map's body text (the size
 * that an export keeps readable on paper). */
double         waymark_layout_get_card_text_size (WaymarkLayout             *self);

/* Fills @hit with what is at (@x, @y) in document units; the topmost
 * thing wins (a card before its cell). Returns FALSE (kind NONE) for
 * empty space. */
gboolean       waymark_layout_hit_test          (WaymarkLayout              *self,
                                                 double                      x,
                                                 double                      y,
                                                 WaymarkHit                 *hit);

/* The phase column and the lane row that a dragged phase, lane or card
 * edge is over, for reordering and spanning: the index (in the persona's
 * order) of the last phase whose header starts at or left of @x (of the
 * last lane whose header starts at or above @y), and the first one for a
 * point before it, so that a drag off the map still means the nearest
 * place. -1 only when the map has no phases (lanes). */
int            waymark_layout_phase_at          (WaymarkLayout              *self,
                                                 double                      x);
int            waymark_layout_lane_at           (WaymarkLayout              *self,
                                                 double                      y);

/* The rectangles of things, e.g. to place an in-place editor.
 * FALSE when the layout has no such thing. */
gboolean       waymark_layout_get_card_rect     (WaymarkLayout              *self,
                                                 const char                 *card_id,
                                                 WaymarkRect                *rect);
/* The text area inside a card (where an editor for the text goes). */
gboolean       waymark_layout_get_card_text_rect (WaymarkLayout             *self,
                                                 const char                 *card_id,
                                                 WaymarkRect                *rect);
gboolean       waymark_layout_get_cell_rect     (WaymarkLayout              *self,
                                                 const char                 *lane_id,
                                                 const char                 *phase_id,
                                                 WaymarkRect                *rect);
gboolean       waymark_layout_get_phase_rect    (WaymarkLayout              *self,
                                                 const char                 *phase_id,
                                                 WaymarkRect                *rect);
gboolean       waymark_layout_get_lane_rect     (WaymarkLayout              *self,
                                                 const char                 *lane_id,
                                                 WaymarkRect                *rect);
/* The marker of the emotion point of @phase_id in an emotions lane; for
 * a phase without a point, the position a point of score 0 would have
 * (FALSE only when lane or phase is unknown). */
gboolean       waymark_layout_get_emotion_point (WaymarkLayout              *self,
                                                 const char                 *lane_id,
                                                 const char                 *phase_id,
                                                 double                     *x,
                                                 double                     *y);
/* The score that a point at height @y in the emotions lane @lane_id
 * stands for, rounded and clamped to the lane's scale (for dragging a
 * point). FALSE for an unknown or non-emotions lane. */
gboolean       waymark_layout_emotion_score_at  (WaymarkLayout              *self,
                                                 const char                 *lane_id,
                                                 double                      y,
                                                 int                        *score);

/* Where a card dropped at (@x, @y) would go: the cell under the point (the
 * nearest cell of a card lane when the point is outside the grid), and the
 * position among the cell's cards by the point's height. @dragged_card_id
 * (may be NULL) is skipped when counting positions, so that dropping a
 * card back where it was is a no-op. FALSE when the map has no card lane
 * or no phase. */
gboolean       waymark_layout_get_drop_target   (WaymarkLayout              *self,
                                                 double                      x,
                                                 double                      y,
                                                 const char                 *dragged_card_id,
                                                 WaymarkDropTarget          *target);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkLayout, waymark_layout_unref)

G_END_DECLS
