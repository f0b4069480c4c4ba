/* waymark-overview-scene-private.h: what the overview page's source files share
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "waymark-catalog.h"
#include "waymark-lane-style-private.h"
#include "waymark-overview-scene.h"
#include "waymark-scene-private.h"

G_BEGIN_DECLS

/* The page is built top to bottom by three files: the page itself, its
 * title and footer (waymark-overview-scene.c), the matrix with its heat
 * scale and key (waymark-overview-matrix.c) and the emotion chart under
 * it (waymark-overview-chart.c). */

#define MARGIN          28.0
#define LABEL_WIDTH     190.0   /* the persona column */
#define COUNT_COLUMN    98.0
#define TEXT_COLUMN     158.0
#define CELL_INSET      2.0
#define COUNT_ROW       44.0
#define HEADER_GAP      6.0
#define SECTION_GAP     22.0
#define CHART_HEIGHT    150.0
#define DOT             9.0
#define ICON            10.0
#define SMALL_ICON      7.5

/* The figure's own words (headings, legends) are in the document's
 * language, like the words it shows; see waymark-catalog.h. */
#define T_(language, msgid) waymark_catalog_gettext (language, msgid)

typedef struct {
  WaymarkOverview                   *overview;
  const char                        *language;   /* the document's */
  WaymarkLayout                     *page;
  /* Draws into the figure's scene. Its palette is the standard one, which
   * passes colours through: the page filters the colours it means to
   * through @palette itself, and keeps its inks as they are. */
  WaymarkSceneBuilder                draw;
  GArray                            *hits;       /* the figure's WaymarkOverviewHit */
  const WaymarkOverviewSceneOptions *options;
  WaymarkPalette                     palette;
  double                             column_width;
  double                             grid_x;     /* left edge of the first phase column */
  double                             width;
  WaymarkLaneKind                    primary;    /* the kind the heat scale counts */
  WaymarkLaneKind                    kinds[WAYMARK_N_LANE_KINDS];  /* shown, primary first */
  guint                              n_kinds;
  guint                              heat_max;   /* the count that the deepest heat means */
  GHashTable                        *highlight;  /* the options' highlighted card ids */
} WaymarkOverviewBuilder;

typedef WaymarkOverviewBuilder Builder;

static inline WaymarkColor
filter (Builder      *builder,
        WaymarkColor  color)
{
  return waymark_palette_filter (builder->palette, &color);
}

static inline WaymarkColor
kind_color (Builder         *builder,
            WaymarkLaneKind  kind)
{
  return waymark_palette_lane_color (builder->palette, kind);
}

static inline WaymarkLayoutText *
measure (Builder          *builder,
         WaymarkTextStyle  style,
         const char       *text,
         double            width,
         int               max_lines,
         WaymarkTextAlign  align)
{
  return waymark_layout_measure (builder->page, style, text, width, max_lines, align);
}

static inline double
column_x (Builder *builder,
          guint    column)
{
  return builder->grid_x + column * builder->column_width;
}

static inline void
add_line (Builder      *builder,
          double        x0,
          double        y0,
          double        x1,
          double        y1,
          WaymarkColor  color,
          double        width,
          double        dash)
{
  WaymarkScenePath path;

  waymark_scene_path_init (&path);
  waymark_scene_path_move_to (&path, x0, y0);
  waymark_scene_path_line_to (&path, x1, y1);
  waymark_scene_builder_add_path (&builder->draw, &path, NONE, color, width, dash);
}

/* What the page calls @kind: the name the document's lanes of it share
 * ("Pain points"), else the kind's label in the document's language. */
const char  *waymark_overview_builder_kind_name    (Builder                  *builder,
                                                    WaymarkLaneKind           kind);
/* A persona's colour, the same in the matrix and the chart; a fallback
 * colour by @index when it has none. */
WaymarkColor waymark_overview_builder_row_color    (Builder                  *builder,
                                                    const WaymarkOverviewRow *row,
                                                    guint                     index);

/* The heat of a cell holding @count of what the heat scale counts: a
 * neutral grey for none, then a deepening tint of the primary kind's
 * colour up to builder->heat_max. */
WaymarkColor waymark_overview_builder_heat_color   (Builder                  *builder,
                                                    guint                     count);
/* Ink for text on @fill, as the heat cells use it. */
WaymarkColor waymark_overview_builder_text_on      (Builder                  *builder,
                                                    WaymarkColor              fill);
/* The kind's icon (barriers, levers) or a disc in its colour, in the
 * square of side @s at (@x, @y). */
void         waymark_overview_builder_add_kind_icon (Builder                 *builder,
                                                     WaymarkLaneKind          kind,
                                                     double                   x,
                                                     double                   y,
                                                     double                   s,
                                                     WaymarkColor             color,
                                                     WaymarkColor             inner);
void         waymark_overview_builder_add_hit      (Builder                  *builder,
                                                    WaymarkOverviewHitKind    kind,
                                                    const char               *persona_id,
                                                    const char               *phase_id,
                                                    const char               *card_id,
                                                    const WaymarkRect        *rect);
/* Whether @card_id (may be NULL) is one of the options' highlighted cards. */
gboolean     waymark_overview_builder_is_highlighted (Builder                *builder,
                                                      const char             *card_id);
/* Draws the highlight around @rect. */
void         waymark_overview_builder_add_highlight (Builder                 *builder,
                                                     const WaymarkRect       *rect);

/* Lists the cards of @cell (only those no recommendation addresses, with
 * @uncovered_only) from @top down, in a column at @x, each with its
 * kind's icon and tag dots; with @draw FALSE only measures. Returns where
 * the list ends. */
double       waymark_overview_builder_list_cards   (Builder                  *builder,
                                                    const WaymarkOverviewRow *row,
                                                    const WaymarkOverviewCell *cell,
                                                    double                    x,
                                                    double                    top,
                                                    gboolean                  uncovered_only,
                                                    gboolean                  draw);

/* Coverage mode (waymark-overview-coverage.c): a cell's open barriers;
 * with @draw FALSE only measures, and returns the height it needs. */
double       waymark_overview_builder_coverage_cell (Builder                  *builder,
                                                     const WaymarkOverviewRow *row,
                                                     const WaymarkOverviewCell *cell,
                                                     const WaymarkRect        *rect,
                                                     gboolean                  draw);
/* The coverage key's own entries from (@x, @y); returns the x after them. */
double       waymark_overview_builder_add_coverage_key (Builder               *builder,
                                                        double                 x,
                                                        double                 y);

/* The sections, each from @y down; each returns where it ends. */
double       waymark_overview_builder_add_matrix   (Builder                  *builder,
                                                    double                    y);
double       waymark_overview_builder_add_key      (Builder                  *builder,
                                                    double                    y);
double       waymark_overview_builder_add_emotions (Builder                  *builder,
                                                    double                    y);

G_END_DECLS
