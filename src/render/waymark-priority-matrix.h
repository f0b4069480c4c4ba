/* waymark-priority-matrix.h: recommendations by value and effort, as a figure
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "waymark-document.h"
#include "waymark-render-types.h"
#include "waymark-scene.h"

G_BEGIN_DECLS

/* The priority matrix places every scored recommendation by its value
 * (x, 1 to 5, left to right) and effort (y, 1 to 5, low effort at the
 * top), so that the quick wins are at the top right; the quadrants are
 * labelled Quick wins (high value, low effort), Big bets (high value,
 * high effort), Fill-ins (low value, low effort) and Money pits (low
 * value, high effort), in the document's language. Scores of 3 lie on
 * the quadrants' borders.
 *
 * Each recommendation is a dot in its domain's colour with its number
 * (numbered as the report lists them: domain by domain, in the user's
 * order, then those in no domain), and its title beside it
 * where that collides with no other title or dot; recommendations with
 * the same scores sit in a small ring around their point. A dropped
 * recommendation is a hollow dot. Beside the matrix: the domains' key,
 * the recommendations not scored yet, and any whose title found no place
 * in the matrix.
 *
 * Like the overview figure, an immutable snapshot of the document, with
 * its scene (drawn by every backend) and what a click hits, in document
 * units; rebuild it from the document's ::changed. */
typedef struct _WaymarkPriorityMatrix WaymarkPriorityMatrix;

typedef struct {
  WaymarkPalette      palette;
  gboolean            show_title;    /* the heading and the document's title above */
  gboolean            show_footer;   /* document title and page number below */
  int                 page_number;   /* in the footer when > 0 */
  int                 n_pages;
  /* A page to fill (a report's): the figure is @page_width wide, and
   * the plot shrinks (to two thirds at most) so that it fits @page_height
   * with the footer at its foot. 0: the figure's own size. In points. */
  double              page_width;
  double              page_height;
  /* Recommendations to highlight (the selected one, one being dragged),
   * NULL-terminated, or NULL: their dots glow. Copied. */
  const char * const *highlight_ids;
} WaymarkPriorityMatrixOptions;

/* Standard palette, title shown, no footer, nothing highlighted. */
void waymark_priority_matrix_options_init (WaymarkPriorityMatrixOptions *options);

typedef enum {
  WAYMARK_PRIORITY_MATRIX_HIT_NONE,
  /* recommendation_id: its dot, its title, or its entry in a list beside */
  WAYMARK_PRIORITY_MATRIX_HIT_RECOMMENDATION,
  /* value and effort: empty space of the plot, and the score there */
  WAYMARK_PRIORITY_MATRIX_HIT_SCORE,
} WaymarkPriorityMatrixHitKind;

/* The string belongs to the matrix. A recommendation's hit carries its
 * scores too (WAYMARK_SCORE_UNSET for an unscored one). */
typedef struct {
  WaymarkPriorityMatrixHitKind kind;
  const char                  *recommendation_id;
  int                          value;
  int                          effort;
  WaymarkRect                  rect;   /* the dot, the title or the list entry; the score's cell */
} WaymarkPriorityMatrixHit;

/* @options may be NULL for the defaults. */
WaymarkPriorityMatrix *
waymark_priority_matrix_new (WaymarkDocument                    *document,
                             const WaymarkPriorityMatrixOptions *options);
WaymarkPriorityMatrix *waymark_priority_matrix_ref   (WaymarkPriorityMatrix *self);
void                   waymark_priority_matrix_unref (WaymarkPriorityMatrix *self);

WaymarkScene *waymark_priority_matrix_get_scene     (WaymarkPriorityMatrix *self);
void          waymark_priority_matrix_get_size      (WaymarkPriorityMatrix *self,
                                                     double                *width,
                                                     double                *height);
/* The plot: the 5 × 5 field of scores, without axes and labels. */
void          waymark_priority_matrix_get_plot_rect (WaymarkPriorityMatrix *self,
                                                     WaymarkRect           *rect);

/* What is at (@x, @y): a recommendation (its dot first, then titles and
 * lists) or, on empty plot, the score there. FALSE (kind NONE) outside. */
gboolean      waymark_priority_matrix_hit_test      (WaymarkPriorityMatrix    *self,
                                                     double                    x,
                                                     double                    y,
                                                     WaymarkPriorityMatrixHit *hit);
/* The score a recommendation dropped at (@x, @y) gets: the value and
 * effort of the cell of the plot under it, 1 to 5. FALSE outside the plot
 * (a drag there changes nothing). */
gboolean      waymark_priority_matrix_score_at      (WaymarkPriorityMatrix *self,
                                                     double                 x,
                                                     double                 y,
                                                     int                   *value,
                                                     int                   *effort);
/* The centre of the point for @value and @effort (1 to 5), e.g. to draw
 * a dragged dot snapping to it. FALSE for a score out of range. */
gboolean      waymark_priority_matrix_get_point     (WaymarkPriorityMatrix *self,
                                                     int                    value,
                                                     int                    effort,
                                                     double                *x,
                                                     double                *y);
/* Where @recommendation_id is drawn: its dot, or its entry in the list
 * of unscored ones. FALSE for an unknown id. */
gboolean      waymark_priority_matrix_get_marker_rect (WaymarkPriorityMatrix *self,
                                                       const char            *recommendation_id,
                                                       WaymarkRect           *rect);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkPriorityMatrix, waymark_priority_matrix_unref)

G_END_DECLS
