/* waymark-overview-view-private.h: what the overview view's source files share
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "waymark-overview-scene.h"
#include "waymark-overview-view.h"

G_BEGIN_DECLS

/* Space around the figure, in pixels. */
#define PAGE_PAD 16.0

/* What the keyboard can reach in one cell of the matrix, with the
 * regions a click there would hit, in figure units. */
typedef struct {
  WaymarkOverviewHit  cell;     /* kind NONE: an absent phase, not reachable */
  GArray             *cards;    /* WaymarkOverviewHit, top to bottom (full text only) */
} NavCell;

struct _WaymarkOverviewView {
  GtkWidget              parent_instance;

  GtkWidget             *toolbar;
  GtkWidget             *text_toggle;
  GtkWidget             *coverage_toggle;
  GtkWidget             *filter_button;
  GtkWidget             *kind_checks[WAYMARK_N_LANE_KINDS];
  GtkWidget             *tag_box;
  GtkWidget             *scrolled;
  GtkWidget             *area;

  WaymarkDocument       *document;
  int                    palette;
  gboolean               show_text;
  gboolean               show_coverage;  /* barriers without a recommendation */
  guint                  kinds;
  GStrv                  tag_ids;
  gboolean               updating_checks;

  WaymarkOverview       *overview;
  WaymarkOverviewFigure *figure;
  gboolean               stale;          /* the figure is to be built when shown */
  double                 zoom;

  /* Keyboard focus: a cell of the matrix, or a card listed in it (full
   * text). Kept as ids so that it survives rebuilding the figure. */
  NavCell               *nav;            /* rows × columns, NULL until needed */
  char                  *focus_persona_id;
  int                    focus_column;   /* -1: nothing focused yet */
  char                  *focus_card_id;  /* NULL: the cell itself */
};

/* waymark-overview-view.c */
/* Where the figure's left edge is in the drawing area, in pixels. */
double   _waymark_overview_view_page_x          (WaymarkOverviewView      *self);
/* Builds the figure now if it waits to be shown (the view was hidden
 * when the document or a filter changed). */
void     _waymark_overview_view_ensure_figure   (WaymarkOverviewView      *self);
/* Emits ::card-activated for what @hit is on; FALSE for nothing. */
gboolean _waymark_overview_view_activate_hit    (WaymarkOverviewView      *self,
                                                 const WaymarkOverviewHit *hit);

/* waymark-overview-view-focus.c */
/* Adds the key and focus controllers to the drawing area. */
void     _waymark_overview_view_focus_init      (WaymarkOverviewView      *self);
/* Forgets the index of reachable regions; the figure is being rebuilt. */
void     _waymark_overview_view_free_nav        (WaymarkOverviewView      *self);
/* The focus may have moved or gone: tells assistive technology, redraws. */
void     _waymark_overview_view_update_focus    (WaymarkOverviewView      *self);
/* Moves the keyboard focus to the cell or card a click hit. */
void     _waymark_overview_view_focus_hit       (WaymarkOverviewView      *self,
                                                 const WaymarkOverviewHit *hit);
void     _waymark_overview_view_draw_focus_ring (WaymarkOverviewView      *self,
                                                 cairo_t                  *cr);

G_END_DECLS
