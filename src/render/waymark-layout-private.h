/* waymark-layout-private.h: what the scene builder reads of a layout
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <pango/pango.h>

#include "waymark-layout.h"
#include "waymark-scene.h"

G_BEGIN_DECLS

/* The text styles of a map: the typographic hierarchy lives here. */
typedef enum {
  WAYMARK_TEXT_DOC_TITLE,
  WAYMARK_TEXT_PERSONA_NAME,
  WAYMARK_TEXT_AMBITION,
  WAYMARK_TEXT_DESCRIPTION,
  WAYMARK_TEXT_AVATAR,
  WAYMARK_TEXT_PHASE_NUMBER,
  WAYMARK_TEXT_PHASE_NAME,
  WAYMARK_TEXT_LANE_NAME,
  WAYMARK_TEXT_SCALE,
  WAYMARK_TEXT_CARD,
  WAYMARK_TEXT_EVIDENCE,
  WAYMARK_TEXT_CHIP,
  WAYMARK_TEXT_EMOTION_LABEL,
  WAYMARK_TEXT_FOOTER,
  WAYMARK_TEXT_LEGEND,
  WAYMARK_TEXT_BADGE,
  WAYMARK_TEXT_HEADING,       /* a section of a report: a domain */
  WAYMARK_TEXT_STRONG,        /* a recommendation's title in a report's table */
  WAYMARK_TEXT_QUOTE,         /* a persona's quote, in its profile */
  WAYMARK_TEXT_PROFILE,       /* an item of a persona's profile */
  WAYMARK_N_TEXT_STYLES
} WaymarkTextStyle;

typedef struct {
  const char *family;      /* Pango and CSS family list */
  double      size;        /* points */
  int         weight;      /* 400, 700 */
  gboolean    italic;
} WaymarkTextStyleInfo;

const WaymarkTextStyleInfo *waymark_text_style_get_info (WaymarkTextStyle style);

/* Measured, wrapped text. Reference-counted (g_rc_box) because a new
 * layout shares the unchanged texts of the one it replaces. */
typedef struct {
  PangoLayout      *layout;
  WaymarkTextStyle  style;
  WaymarkTextAlign  align;
  double            width;     /* logical extents */
  double            height;
  WaymarkTextLine  *lines;
  guint             n_lines;
  gboolean          ellipsized;
} WaymarkLayoutText;

typedef struct {
  char              *id;
  int                index;
  WaymarkRect        header;   /* the chevron */
  WaymarkLayoutText *number;
  WaymarkLayoutText *name;
  WaymarkRect        name_rect;
  WaymarkRect        number_rect;
} WaymarkLayoutPhase;

typedef struct {
  char              *phase_id;  /* the layout phase's id */
  int                phase_index;
  int                score;
  double             x, y;
  WaymarkRect        marker;
  WaymarkLayoutText *label;     /* NULL without a label */
  WaymarkRect        label_rect;
} WaymarkLayoutEmotion;

typedef struct {
  char              *id;
  int                index;
  WaymarkLaneKind    kind;
  char              *color;     /* "" for the palette's */
  WaymarkRect        header;
  WaymarkRect        row;       /* the cells, from the first column to the last */
  WaymarkLayoutText *name;
  WaymarkRect        name_rect;
  WaymarkRect        icon_rect;
  /* emotions lanes */
  int                scale_min;
  int                scale_max;
  double             plot_top;
  double             plot_bottom;
  GArray            *points;    /* WaymarkLayoutEmotion, by phase */
  WaymarkLayoutText *scale_max_text;
  WaymarkLayoutText *scale_min_text;
  WaymarkLayoutText *scale_zero_text;
} WaymarkLayoutLane;

typedef struct {
  char              *color;
  WaymarkLayoutText *name;
  WaymarkRect        rect;
} WaymarkLayoutChip;

/* An item of a persona's profile: a goal, need or frustration after a
 * bullet, or a fact's label and value; the quote's text. */
typedef struct {
  WaymarkLayoutText *label;     /* a fact's; NULL otherwise */
  WaymarkRect        label_rect;
  WaymarkLayoutText *text;
  WaymarkRect        text_rect;
  WaymarkRect        bullet;    /* empty for facts and the quote */
} WaymarkLayoutProfileItem;

/* A column of the profile beside the title: the quote, or one list under
 * its heading. */
typedef struct {
  gboolean                  is_quote;
  WaymarkLayoutText        *heading;   /* NULL for the quote */
  WaymarkRect               heading_rect;
  WaymarkRect               rect;
  GArray                   *items;     /* WaymarkLayoutProfileItem */
  WaymarkLayoutText        *more;      /* "+N" for the items not shown, or NULL */
  WaymarkRect               more_rect;
} WaymarkLayoutProfileColumn;

typedef struct {
  char              *id;
  int                lane_index;
  int                phase_index;
  int                span;      /* clamped to the phases there are */
  int                position;  /* among the cards that start in its cell */
  char              *color;     /* "" for the lane's */
  WaymarkRect        rect;
  WaymarkRect        text_rect;
  WaymarkLayoutText *text;
  WaymarkLayoutText *evidence;  /* NULL without */
  WaymarkRect        evidence_rect;
  WaymarkRect        icon_rect; /* marked kinds (WaymarkCardStyle) */
  WaymarkLayoutChip *chips;
  guint              n_chips;
  /* the number of recommendations that address the card, in a pill at
   * its bottom-right corner; badge is NULL without (or with the badges off) */
  guint              n_recommendations;
  WaymarkLayoutText *badge;
  WaymarkRect        badge_rect;
  gboolean           highlighted;  /* one of options.highlight_card_ids */
} WaymarkLayoutCard;

struct _WaymarkLayout {
  gatomicrefcount       ref_count;
  WaymarkRenderOptions  options;

  char                 *persona_id;
  char                 *persona_color;
  char                 *document_title;
  char                 *language;       /* the document's: for the map's own words */
  char                 *persona_name;
  double                width;
  double                height;
  double                column_width;

  /* title block */
  WaymarkRect           title_rect;
  WaymarkRect           avatar_rect;
  WaymarkLayoutText    *doc_title_text;
  WaymarkLayoutText    *name_text;
  WaymarkLayoutText    *ambition_text;
  WaymarkLayoutText    *description_text;
  WaymarkLayoutText    *initials_text;
  WaymarkRect           doc_title_rect;
  WaymarkRect           name_rect;
  WaymarkRect           ambition_rect;
  WaymarkRect           description_rect;
  /* the persona's profile, right of the title's text: NULL (and an
   * empty rect) when it has none */
  GPtrArray            *profile_columns;  /* WaymarkLayoutProfileColumn* */
  WaymarkRect           profile_rect;

  /* the grid */
  double                grid_x;     /* left edge of the first column */
  double                grid_y;     /* top of the first lane */
  double                grid_bottom;
  WaymarkRect           phase_row;  /* the phase headers */
  GPtrArray            *phases;     /* WaymarkLayoutPhase* */
  GPtrArray            *lanes;      /* WaymarkLayoutLane* */
  GPtrArray            *cards;      /* WaymarkLayoutCard*, by lane, phase, position */
  GHashTable           *card_index; /* id → WaymarkLayoutCard* */
  GPtrArray           **cell_cards; /* [lane * n_phases + phase]: cards covering the cell, or NULL */

  /* the tag legend below the grid: the tags this persona's cards use,
   * in document order; none when no card shows a tag */
  WaymarkRect           legend_rect;
  WaymarkLayoutText    *legend_label;
  WaymarkRect           legend_label_rect;
  WaymarkLayoutChip    *legend_chips;
  guint                 n_legend_chips;
  /* and, when cards show badges, what a badge means: a sample pill and
   * its caption, on a row of their own */
  WaymarkLayoutText    *legend_badge;
  WaymarkRect           legend_badge_rect;
  WaymarkLayoutText    *legend_badge_caption;
  WaymarkRect           legend_badge_caption_rect;

  /* options.highlight_card_ids points here: the layout's own copy */
  GStrv                 highlight_card_ids;
  gboolean              has_highlight;  /* some card of this map is highlighted */

  /* footer */
  WaymarkRect           footer_rect;
  WaymarkLayoutText    *footer_title;
  WaymarkLayoutText    *footer_page;
  WaymarkRect           footer_title_rect;
  WaymarkRect           footer_page_rect;

  /* key → WaymarkLayoutText*, the measured texts of this layout */
  GHashTable           *text_cache;
};

/* The cell of @lane_index, @phase_index in document units. */
void waymark_layout_cell_rect_at (WaymarkLayout *self,
                                  int            lane_index,
                                  int            phase_index,
                                  WaymarkRect   *rect);

/* Measures @text once more in @style (for overlays); the result is owned
 * by the layout. */
WaymarkLayoutText *waymark_layout_measure (WaymarkLayout    *self,
                                           WaymarkTextStyle  style,
                                           const char       *text,
                                           double            width,
                                           int               max_lines,
                                           WaymarkTextAlign  align);

/* Places the footer (a rule, the document title, the page number of the
 * options) across the layout's ->width from @y down; it is
 * footer_rect.height tall. @previous (may be NULL) as for
 * waymark_layout_new(). Maps and the overview page share it, so their
 * footers match. */
void waymark_layout_place_footer (WaymarkLayout *self,
                                  WaymarkLayout *previous,
                                  double         y);

/* Pages composed outside a map (the overview page, built in
 * waymark-overview-scene.c). They share this file's text styles and
 * measuring, and the scene's primitives (waymark-scene-private.h) and
 * spatial index, so they draw through the same backends.
 *
 * A layout without a persona, only to own the measured texts of such a
 * page (waymark_layout_measure) and give the scene its size and title
 * ("@document_title — @name"). Set its ->width and ->height before
 * finishing the scene, which takes its bounds from them. */
WaymarkLayout *waymark_layout_new_for_page        (const char                 *document_title,
                                                   const char                 *name,
                                                   const WaymarkRenderOptions *options);

G_END_DECLS
