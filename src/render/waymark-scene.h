/* waymark-scene.h: a display list of a journey map, drawn by every backend
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <pango/pango.h>

#include "waymark-layout.h"
#include "waymark-render-types.h"

G_BEGIN_DECLS

/* A scene is what a map looks like, as a flat list of drawing items in
 * painting order: boxes, paths, text blocks whose lines are already
 * broken, and group markers. The cairo backend draws it on screen, to
 * PNG, PDF and the printer; the SVG writer turns it into SVG. Nothing
 * else draws a map, so the canvas shows exactly what the report gets.
 *
 * Items are indexed spatially, so drawing a small visible area of a big
 * map only touches the items that intersect it. */
typedef struct _WaymarkScene WaymarkScene;

typedef enum {
  WAYMARK_SCENE_BOX,          /* a rectangle, optionally rounded */
  WAYMARK_SCENE_PATH,         /* lines and cubic Béziers */
  WAYMARK_SCENE_TEXT,         /* a block of wrapped text */
  WAYMARK_SCENE_GROUP_BEGIN,  /* opens a group with an id and a class */
  WAYMARK_SCENE_GROUP_END,
} WaymarkSceneItemKind;

typedef enum {
  WAYMARK_PATH_MOVE_TO,       /* 1 point */
  WAYMARK_PATH_LINE_TO,       /* 1 point */
  WAYMARK_PATH_CURVE_TO,      /* 3 points: two control points, then the end */
  WAYMARK_PATH_CLOSE,         /* no point */
} WaymarkPathOp;

typedef struct {
  WaymarkPathOp op;
  double        x[3];
  double        y[3];
} WaymarkPathSegment;

typedef enum {
  WAYMARK_TEXT_ALIGN_LEFT,
  WAYMARK_TEXT_ALIGN_CENTER,
  WAYMARK_TEXT_ALIGN_RIGHT,
} WaymarkTextAlign;

/* One wrapped line of a text block, in the block's coordinates. */
typedef struct {
  char   *text;               /* exactly the characters shown on the line */
  double  x;                  /* left edge of the line's ink run */
  double  baseline;           /* y of the baseline */
  double  width;              /* logical width */
  gboolean rtl;               /* the line's base direction is right-to-left */
} WaymarkTextLine;

/* What "filled"/"stroked" mean: a colour with alpha 0 is not painted. */
typedef struct {
  WaymarkColor fill;
  WaymarkColor stroke;
  double       line_width;
  double       dash;          /* dash length; 0 for solid */
} WaymarkPaint;

typedef struct {
  WaymarkSceneItemKind kind;
  WaymarkRect          bounds;   /* ink bounds, for culling */
  WaymarkPaint         paint;    /* BOX, PATH; TEXT uses paint.fill as text colour */
  union {
    struct {
      WaymarkRect rect;
      double      radius;        /* corner radius; 0 for square corners */
    } box;
    struct {
      WaymarkPathSegment *segments;
      guint               n_segments;
    } path;
    struct {
      double                x, y;          /* top-left corner of the block */
      PangoLayout          *layout;        /* the shaped text, ready to draw */
      const char           *font_family;   /* Pango/CSS font-family list, for SVG */
      double                font_size;     /* points */
      int                   font_weight;   /* 400 normal, 700 bold */
      gboolean              italic;
      WaymarkTextAlign      align;
      WaymarkTextLine      *lines;
      guint                 n_lines;
    } text;
    struct {
      char *id;                  /* an XML id: the object's id, or a derived one */
      const char *css_class;     /* "persona", "phase", "lane", "card", "emotion-curve", ... */
      char *description;         /* what it is, in words (SVG <desc>); NULL for none */
    } group;
  };
} WaymarkSceneItem;

/* What the canvas highlights. Drawn as an overlay scene on top of the map
 * scene, with the same backend, so there is no second drawing path and
 * the big map scene need not be rebuilt when the selection changes. */
typedef struct {
  const char * const *selected_card_ids;  /* NULL-terminated; may be NULL */
  const char         *hovered_card_id;    /* may be NULL */
  const char         *hovered_lane_id;    /* a hovered cell; both or neither */
  const char         *hovered_phase_id;
  /* keyboard focus: a card, phase or lane id, or the persona id (its title block) */
  const char         *focus_id;
  const char         *focus_lane_id;      /* or a focused cell: both or neither */
  const char         *focus_phase_id;
  gboolean            show_drop_target;   /* draw @drop_target's indicator */
  WaymarkDropTarget   drop_target;
} WaymarkSceneState;

/* The scene of a whole map. */
WaymarkScene *waymark_scene_new_for_layout (WaymarkLayout           *layout);
/* A small scene with the highlights of @state for @layout (selection
 * rings, hover tint, focus ring, drop indicator); draw it after the map. */
WaymarkScene *waymark_scene_new_overlay    (WaymarkLayout           *layout,
                                            const WaymarkSceneState *state);
/* Where the overlay draws the "+" of a hovered card-lane cell, which adds
 * a card there when clicked, in document units: centred in the space
 * below the cell's cards. FALSE
 * for an emotions lane, an unknown cell, or a cell without room for it. */
gboolean      waymark_scene_get_add_button_rect (WaymarkLayout *layout,
                                                 const char    *lane_id,
                                                 const char    *phase_id,
                                                 WaymarkRect   *rect);
/* Where the overlay draws the handle on a hovered or selected card's
 * right edge that a drag changes the card's span with, in document units.
 * FALSE for an unknown card. */
gboolean      waymark_scene_get_span_handle_rect (WaymarkLayout *layout,
                                                  const char    *card_id,
                                                  WaymarkRect   *rect);
/* The rubber band of a selection drag over @band (document units): an
 * accent wash with a border @line_width wide (the canvas passes one
 * pixel's worth, so the border stays thin at every zoom). */
WaymarkScene *waymark_scene_new_rubber_band (WaymarkLayout          *layout,
                                             const WaymarkRect      *band,
                                             double                  line_width);
WaymarkScene *waymark_scene_ref            (WaymarkScene            *self);
void          waymark_scene_unref          (WaymarkScene            *self);

/* The extent of the scene, (0, 0, width, height) of its layout. */
void          waymark_scene_get_bounds     (WaymarkScene            *self,
                                            WaymarkRect             *bounds);
/* The document title and persona name, for SVG <title> and PDF metadata. */
const char   *waymark_scene_get_title      (WaymarkScene            *self);

guint         waymark_scene_get_n_items    (WaymarkScene            *self);
const WaymarkSceneItem *
              waymark_scene_get_item       (WaymarkScene            *self,
                                            guint                    index);

/* Calls @func, in painting order, for every drawable item (not group
 * markers) whose bounds intersect @rect (NULL: all items). */
typedef void (*WaymarkSceneItemFunc) (const WaymarkSceneItem *item,
                                      gpointer                user_data);
void          waymark_scene_foreach_in_rect (WaymarkScene           *self,
                                             const WaymarkRect      *rect,
                                             WaymarkSceneItemFunc    func,
                                             gpointer                user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkScene, waymark_scene_unref)

G_END_DECLS
