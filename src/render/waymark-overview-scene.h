/* waymark-overview-scene.h: the overview page as a scene (matrix, heat scale, emotion chart)
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "waymark-overview.h"
#include "waymark-render-types.h"
#include "waymark-scene.h"

G_BEGIN_DECLS

/* The overview page, laid out once and kept as a figure: its scene (drawn
 * by the cairo backend and the SVG writer, like a map) and the regions a
 * click can hit. Immutable; rebuild it when the document or the options
 * change. */
typedef struct _WaymarkOverviewFigure WaymarkOverviewFigure;

typedef enum {
  WAYMARK_OVERVIEW_SHOW_COUNTS,    /* a heat-map cell with the counts per kind */
  WAYMARK_OVERVIEW_SHOW_TEXT,      /* the cards' text, cell by cell */
  /* Where the plan has holes: per persona and phase, the barriers (the
   * shown kinds that waymark_lane_kind_is_barrier()) that no
   * recommendation addresses yet, counted against all of them, with
   * their text; a cell whose barriers all have one shows a check. The
   * heat scale counts the open ones; the key says so. */
  WAYMARK_OVERVIEW_SHOW_COVERAGE,
} WaymarkOverviewMode;

typedef struct {
  WaymarkOverviewMode mode;
  WaymarkPalette      palette;
  gboolean            show_emotions;  /* the overlaid emotion curves */
  gboolean            show_footer;    /* document title and page number */
  int                 page_number;    /* in the footer when > 0 */
  int                 n_pages;
  /* Cards to highlight (the ones a selected recommendation addresses),
   * NULL-terminated, or NULL: in the text mode each such card glows, in
   * the others each cell holding one. Copied; need not outlive the call. */
  const char * const *highlight_card_ids;
} WaymarkOverviewSceneOptions;

/* Counts, standard palette, emotions shown, no footer, no highlight. */
void waymark_overview_scene_options_init (WaymarkOverviewSceneOptions *options);

/* What is under a point of the figure. */
typedef enum {
  WAYMARK_OVERVIEW_HIT_NONE,
  WAYMARK_OVERVIEW_HIT_CARD,     /* persona_id, phase_id and card_id */
  WAYMARK_OVERVIEW_HIT_CELL,     /* persona_id and phase_id; card_id is the cell's first card or NULL */
  WAYMARK_OVERVIEW_HIT_PERSONA,  /* persona_id: the row's label */
} WaymarkOverviewHitKind;

/* The strings belong to the figure. */
typedef struct {
  WaymarkOverviewHitKind kind;
  const char            *persona_id;
  const char            *phase_id;
  const char            *card_id;
  WaymarkRect            rect;
} WaymarkOverviewHit;

/* @options may be NULL for the defaults. */
WaymarkOverviewFigure *waymark_overview_figure_new      (WaymarkOverview                   *overview,
                                                         const WaymarkOverviewSceneOptions *options);
WaymarkOverviewFigure *waymark_overview_figure_ref      (WaymarkOverviewFigure             *self);
void                   waymark_overview_figure_unref    (WaymarkOverviewFigure             *self);

WaymarkScene          *waymark_overview_figure_get_scene (WaymarkOverviewFigure            *self);
void                   waymark_overview_figure_get_size (WaymarkOverviewFigure             *self,
                                                         double                            *width,
                                                         double                            *height);
/* Every region a click can hit, in drawing order (topmost last); owned
 * by the figure. For keyboard navigation, which moves between them. */
const WaymarkOverviewHit *waymark_overview_figure_get_hits (WaymarkOverviewFigure          *self,
                                                            guint                          *n_hits);
/* FALSE (kind NONE) for empty space. */
gboolean               waymark_overview_figure_hit_test (WaymarkOverviewFigure             *self,
                                                         double                             x,
                                                         double                             y,
                                                         WaymarkOverviewHit                *hit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkOverviewFigure, waymark_overview_figure_unref)

G_END_DECLS
