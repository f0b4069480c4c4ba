/* waymark-priority-matrix.c: recommendations by value and effort, as a figure
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "waymark-catalog.h"
#include "waymark-layout-metrics-private.h"
#include "waymark-priority-matrix-private.h"
#include "waymark-report-private.h"

/* The figure's own words are in the document's language (waymark-catalog.h). */
#define T_(language, msgid) waymark_catalog_gettext (language, msgid)

#define AXIS_WIDTH    52.0    /* the effort axis's numbers and words, left of the plot */
#define AXIS_HEIGHT   44.0    /* the value axis's, below it */
#define STEP          86.0    /* one point of a score, unless a page asks for less */
#define MIN_STEP      56.0
#define N_STEPS       (WAYMARK_SCORE_MAX - WAYMARK_SCORE_MIN + 1)
#define SIDE_GAP      30.0
#define SIDE_WIDTH    214.0
#define DOT_RADIUS    8.5
#define LABEL_WIDTH   112.0
#define LABEL_PAD     2.0
#define LABEL_GAP     3.0     /* between a dot and its title */
#define NUDGE         9.0     /* how much further a title moves when it finds no room */
#define N_NUDGES      4

/* The quadrants, by where they sit: their name, what it means, and the
 * lane kind whose hue tints them (the quick wins the levers' green, the
 * money pits the barriers' red; big bets the actions' blue), or -1 for
 * the neutral fill-ins. */
typedef struct {
  gboolean     right;        /* high value */
  gboolean     top;          /* low effort */
  const char  *name;
  const char  *meaning;
  int          tint_kind;
} Quadrant;

static const Quadrant quadrants[] = {
  { TRUE, TRUE, N_("Quick wins"), N_("high value, low effort"), WAYMARK_LANE_LEVERS },
  { TRUE, FALSE, N_("Big bets"), N_("high value, high effort"), WAYMARK_LANE_ACTIONS },
  { FALSE, TRUE, N_("Fill-ins"), N_("low value, low effort"), -1 },
  { FALSE, FALSE, N_("Money pits"), N_("low value, high effort"), WAYMARK_LANE_BARRIERS },
};

/* A recommendation as the figure shows it. */
typedef struct {
  const WaymarkRecommendation *recommendation;  /* the document's, while building */
  char                        *id;
  guint                        number;
  int                          value;
  int                          effort;
  gboolean                     dropped;
  WaymarkColor                 color;
  double                       x, y;            /* the dot's centre, when scored */
  gboolean                     clustered;       /* it shares its point with others */
  double                       outward;         /* then the angle from the point to it */
  WaymarkRect                  dot;
  WaymarkLayoutText           *title;           /* measured for the plot */
  gboolean                     labelled;        /* its title found a place in the plot */
  WaymarkRect                  label;
} Entry;

struct _WaymarkPriorityMatrix {
  gatomicrefcount  ref_count;
  WaymarkLayout   *page;
  WaymarkScene    *scene;
  WaymarkRect      plot;
  GArray          *entries;      /* Entry */
  GArray          *hits;         /* WaymarkPriorityMatrixHit, topmost last */
  GArray          *label_rects;  /* WaymarkRect */
  GArray          *dot_rects;    /* WaymarkRect */
  guint            n_unlabelled;
};

typedef struct {
  WaymarkPriorityMatrix              *self;
  WaymarkDocument                    *document;
  const char                         *language;
  const WaymarkPriorityMatrixOptions *options;
  WaymarkSceneBuilder                 draw;   /* palette applied by the builder */
  GHashTable                         *highlight;
} Builder;

void
waymark_priority_matrix_options_init (WaymarkPriorityMatrixOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->palette = WAYMARK_PALETTE_STANDARD;
  options->show_title = TRUE;
}

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_free (entry->id);
}

static WaymarkLayoutText *
measure (Builder          *builder,
         WaymarkTextStyle  style,
         const char       *text,
         double            width,
         int               max_lines)
{
  return waymark_layout_measure (builder->self->page, style, text, width, max_lines,
                                 WAYMARK_TEXT_ALIGN_LEFT);
}

static void
add_hit (Builder                      *builder,
         WaymarkPriorityMatrixHitKind  kind,
         const Entry                  *entry,
         int                           value,
         int                           effort,
         const WaymarkRect            *rect)
{
  WaymarkPriorityMatrixHit hit = { kind, entry != NULL ? entry->id : NULL, value, effort, *rect };

  if (entry != NULL)
    {
      hit.value = entry->value;
      hit.effort = entry->effort;
    }
  g_array_append_val (builder->self->hits, hit);
}

static gboolean
is_scored (const Entry *entry)
{
  return entry->value != WAYMARK_SCORE_UNSET && entry->effort != WAYMARK_SCORE_UNSET;
}

/* The figure's width with a plot of @step a point. */
static double
natural_width (double step)
{
  return MARGIN + AXIS_WIDTH + N_STEPS * step + SIDE_GAP + SIDE_WIDTH + MARGIN;
}

/* One point of a score: the plot is square, a score's cell wide. */
static double
step_of (const WaymarkRect *plot)
{
  return plot->width / N_STEPS;
}

static double
value_x (const WaymarkRect *plot,
         double             value)
{
  return plot->x + (value - WAYMARK_SCORE_MIN + 0.5) * step_of (plot);
}

/* Low effort at the top, where the quick wins are. */
static double
effort_y (const WaymarkRect *plot,
          double             effort)
{
  return plot->y + (effort - WAYMARK_SCORE_MIN + 0.5) * step_of (plot);
}

/* The title block: what the figure shows, and of what. */
static double
build_title (Builder *builder,
             double   y,
             double   width,
             guint    n_scored)
{
  GArray *entries = builder->self->entries;
  g_autoptr (GString) subtitle = g_string_new (NULL);
  const char *title = waymark_document_get_title (builder->document);
  WaymarkLayoutText *text;

  text = measure (builder, WAYMARK_TEXT_PERSONA_NAME, T_ (builder->language, N_("Priority matrix")),
                  width, 1);
  waymark_scene_builder_add_text (&builder->draw, text, MARGIN, y, INK);
  y += text->height + 3;
  if (title[0] != '\0')
    g_string_append_printf (subtitle, "%s  ·  ", title);
  g_string_append_printf (subtitle,
                          waymark_catalog_ngettext (builder->language, "%u recommendation",
                                                    "%u recommendations", entries->len),
                          entries->len);
  g_string_append (subtitle, "  ·  ");
  g_string_append_printf (subtitle, T_ (builder->language, N_("%u scored on value and effort")),
                          n_scored);
  text = measure (builder, WAYMARK_TEXT_AMBITION, subtitle->str, width, 2);
  waymark_scene_builder_add_text (&builder->draw, text, MARGIN, y, INK_SOFT);
  return y + text->height;
}

static WaymarkColor
quadrant_hue (const Quadrant *quadrant)
{
  return quadrant->tint_kind >= 0
         ? waymark_palette_lane_color (WAYMARK_PALETTE_STANDARD, quadrant->tint_kind)
         : RGB (0x7b8794);
}

static WaymarkRect
quadrant_rect (Builder        *builder,
               const Quadrant *quadrant)
{
  const WaymarkRect *plot = &builder->self->plot;
  double half = plot->width / 2;

  return (WaymarkRect) { plot->x + (quadrant->right ? half : 0),
                         plot->y + (quadrant->top ? 0 : half), half, half };
}

/* The quadrants' tints, under the grid. */
static void
build_quadrants (Builder *builder)
{
  waymark_scene_builder_begin_group (&builder->draw, "matrix-quadrants", "quadrants");
  for (guint i = 0; i < G_N_ELEMENTS (quadrants); i++)
    {
      WaymarkColor hue = quadrant_hue (&quadrants[i]);
      WaymarkRect rect = quadrant_rect (builder, &quadrants[i]);

      waymark_scene_builder_add_box (&builder->draw, &rect, 0,
                                     waymark_color_tint (&hue, quadrants[i].tint_kind >= 0 ? 0.9
                                                                                           : 0.93),
                                     NONE, 0);
    }
  waymark_scene_builder_end_group (&builder->draw);
}

/* The quadrants' names, over the grid, so that no line cuts them. */
static void
build_quadrant_names (Builder *builder)
{
  double half = builder->self->plot.width / 2;

  waymark_scene_builder_begin_group (&builder->draw, "matrix-quadrant-names", "quadrant-names");
  for (guint i = 0; i < G_N_ELEMENTS (quadrants); i++)
    {
      const Quadrant *quadrant = &quadrants[i];
      WaymarkColor hue = quadrant_hue (quadrant);
      WaymarkColor ground = waymark_color_tint (&hue, quadrant->tint_kind >= 0 ? 0.9 : 0.93);
      WaymarkRect rect = quadrant_rect (builder, quadrant);
      WaymarkLayoutText *name = measure (builder, WAYMARK_TEXT_PHASE_NAME,
                                         T_ (builder->language, quadrant->name), half - 16, 1);
      WaymarkLayoutText *meaning = measure (builder, WAYMARK_TEXT_SCALE,
                                            T_ (builder->language, quadrant->meaning), half - 16,
                                            1);
      WaymarkRect backdrop;
      double name_x, meaning_x, y;

      /* In the quadrant's outer corner, away from the centre where the
       * middling scores crowd; titles keep clear of it. */
      name_x = quadrant->right ? rect.x + rect.width - 8 - name->width : rect.x + 8;
      meaning_x = quadrant->right ? rect.x + rect.width - 8 - meaning->width : rect.x + 8;
      y = quadrant->top ? rect.y + 7 : rect.y + rect.height - 7 - meaning->height - name->height;
      rect = (WaymarkRect) { MIN (name_x, meaning_x), y, MAX (name->width, meaning->width),
                             name->height + meaning->height };
      backdrop = (WaymarkRect) { rect.x - 2, rect.y - 1, rect.width + 4, rect.height + 2 };
      waymark_scene_builder_add_box (&builder->draw, &backdrop, 2, ground, NONE, 0);
      waymark_scene_builder_add_text (&builder->draw, name, name_x, y,
                                      waymark_color_shade (&hue, 0.35));
      waymark_scene_builder_add_text (&builder->draw, meaning, meaning_x, y + name->height,
                                      waymark_color_shade (&hue, 0.2));
      g_array_append_val (builder->self->label_rects, rect);
    }
  waymark_scene_builder_end_group (&builder->draw);
}

/* The grid at every score, the quadrants' borders stronger, and the axes'
 * numbers and words. */
static void
build_axes (Builder *builder)
{
  const WaymarkRect *plot = &builder->self->plot;
  WaymarkColor line = RULE;
  WaymarkLayoutText *text;
  WaymarkScenePath path;

  waymark_scene_builder_begin_group (&builder->draw, "matrix-axes", "axes");
  line.alpha = 0.8;
  for (int s = WAYMARK_SCORE_MIN; s <= WAYMARK_SCORE_MAX; s++)
    {
      g_autofree char *number = g_strdup_printf ("%d", s);
      gboolean middle = s == (WAYMARK_SCORE_MIN + WAYMARK_SCORE_MAX) / 2;
      double x = value_x (plot, s), y = effort_y (plot, s);

      if (!middle)
        {
          waymark_scene_path_init (&path);
          waymark_scene_path_move_to (&path, x, plot->y);
          waymark_scene_path_line_to (&path, x, plot->y + plot->height);
          waymark_scene_path_move_to (&path, plot->x, y);
          waymark_scene_path_line_to (&path, plot->x + plot->width, y);
          waymark_scene_builder_add_path (&builder->draw, &path, NONE, line, 0.6, 0);
        }
      text = measure (builder, WAYMARK_TEXT_PHASE_NAME, number, 0, 1);
      waymark_scene_builder_add_text (&builder->draw, text, x - text->width / 2,
                                      plot->y + plot->height + 5, INK_SOFT);
      waymark_scene_builder_add_text (&builder->draw, text, plot->x - 8 - text->width,
                                      y - text->height / 2, INK_SOFT);
    }
  /* The borders of the quadrants: through the middle score. */
  waymark_scene_path_init (&path);
  waymark_scene_path_move_to (&path, plot->x + plot->width / 2, plot->y);
  waymark_scene_path_line_to (&path, plot->x + plot->width / 2, plot->y + plot->height);
  waymark_scene_path_move_to (&path, plot->x, plot->y + plot->height / 2);
  waymark_scene_path_line_to (&path, plot->x + plot->width, plot->y + plot->height / 2);
  waymark_scene_builder_add_path (&builder->draw, &path, NONE, INK_FAINT, 0.9, 3);
  waymark_scene_builder_add_box (&builder->draw, plot, 0, NONE, INK_FAINT, 0.8);

  /* "low" and "high" at the ends of each axis, and the axes' names. */
  {
    const char *low = T_ (builder->language, N_("low"));
    const char *high = T_ (builder->language, N_("high"));
    WaymarkLayoutText *low_text = measure (builder, WAYMARK_TEXT_SCALE, low, 0, 1);
    WaymarkLayoutText *high_text = measure (builder, WAYMARK_TEXT_SCALE, high, 0, 1);
    double below = plot->y + plot->height + 5 + 13;

    waymark_scene_builder_add_text (&builder->draw, low_text,
                                    value_x (plot, WAYMARK_SCORE_MIN) - low_text->width / 2, below,
                                    INK_FAINT);
    waymark_scene_builder_add_text (&builder->draw, high_text,
                                    value_x (plot, WAYMARK_SCORE_MAX) - high_text->width / 2,
                                    below, INK_FAINT);
    waymark_scene_builder_add_text (&builder->draw, low_text, plot->x - 8 - low_text->width,
                                    effort_y (plot, WAYMARK_SCORE_MIN) + 7, INK_FAINT);
    waymark_scene_builder_add_text (&builder->draw, high_text, plot->x - 8 - high_text->width,
                                    effort_y (plot, WAYMARK_SCORE_MAX) + 7, INK_FAINT);

    text = measure (builder, WAYMARK_TEXT_LANE_NAME, T_ (builder->language, N_("Value →")), 0, 1);
    waymark_scene_builder_add_text (&builder->draw, text,
                                    plot->x + (plot->width - text->width) / 2, below + 2, INK);
    text = measure (builder, WAYMARK_TEXT_LANE_NAME, T_ (builder->language, N_("Effort ↓")),
                    AXIS_WIDTH + 30, 1);
    waymark_scene_builder_add_text (&builder->draw, text, plot->x - 8 - text->width,
                                    plot->y - 4 - text->height, INK);
  }
  waymark_scene_builder_end_group (&builder->draw);
}

/* Places the dots: recommendations with the same scores share their
 * point, on a ring around it, in the order of their numbers. */
static void
place_dots (Builder *builder)
{
  GArray *entries = builder->self->entries;
  const WaymarkRect *plot = &builder->self->plot;

  for (int value = WAYMARK_SCORE_MIN; value <= WAYMARK_SCORE_MAX; value++)
    for (int effort = WAYMARK_SCORE_MIN; effort <= WAYMARK_SCORE_MAX; effort++)
      {
        g_autoptr (GPtrArray) here = g_ptr_array_new ();
        double ring;

        for (guint i = 0; i < entries->len; i++)
          {
            Entry *entry = &g_array_index (entries, Entry, i);

            if (entry->value == value && entry->effort == effort)
              g_ptr_array_add (here, entry);
          }
        /* The ring's circumference holds the dots side by side; within
         * the cell, where it may overlap when a score is very crowded. */
        ring = here->len < 2 ? 0 : MIN ((2 * DOT_RADIUS + 2) * here->len / (2 * G_PI),
                                        step_of (&builder->self->plot) / 2 - DOT_RADIUS);
        ring = here->len == 2 ? DOT_RADIUS + 1 : MAX (ring, here->len > 1 ? DOT_RADIUS + 2 : 0);
        for (guint i = 0; i < here->len; i++)
          {
            Entry *entry = g_ptr_array_index (here, i);
            /* From the top, clockwise; two side by side. */
            double angle = here->len == 2 ? G_PI * i : -G_PI / 2 + 2 * G_PI * i / here->len;

            entry->clustered = here->len > 1;
            entry->outward = angle;
            entry->x = value_x (plot, value) + ring * cos (angle);
            entry->y = effort_y (plot, effort) + ring * sin (angle);
            entry->dot = (WaymarkRect) { entry->x - DOT_RADIUS, entry->y - DOT_RADIUS,
                                         2 * DOT_RADIUS, 2 * DOT_RADIUS };
            g_array_append_val (builder->self->dot_rects, entry->dot);
          }
      }
}

static gboolean
rect_inside (const WaymarkRect *inner,
             const WaymarkRect *outer)
{
  return inner->x >= outer->x && inner->y >= outer->y
         && inner->x + inner->width <= outer->x + outer->width
         && inner->y + inner->height <= outer->y + outer->height;
}

static gboolean
collides (const WaymarkRect *rect,
          GArray            *rects)
{
  for (guint i = 0; i < rects->len; i++)
    if (waymark_rect_intersects (rect, &g_array_index (rects, WaymarkRect, i)))
      return TRUE;
  return FALSE;
}

static double
angle_between (double a,
               double b)
{
  double d = fmod (fabs (a - b), 2 * G_PI);

  return d > G_PI ? 2 * G_PI - d : d;
}

/* The order in which @entry's title tries the eight directions: right,
 * left, above, below, then the diagonals; for a dot that shares its point,
 * the directions pointing away from the point first, so that each title
 * sits on its own dot's side. */
static void
order_directions (const Entry  *entry,
                  const double  directions[][2],
                  guint         n,
                  guint        *order)
{
  for (guint i = 0; i < n; i++)
    order[i] = i;
  if (!entry->clustered)
    return;
  for (guint i = 1; i < n; i++)
    for (guint j = i; j > 0; j--)
      {
        double a = angle_between (atan2 (directions[order[j]][1], directions[order[j]][0]),
                                  entry->outward);
        double b = angle_between (atan2 (directions[order[j - 1]][1],
                                         directions[order[j - 1]][0]), entry->outward);
        guint swap;

        if (a >= b - 1e-9)
          break;
        swap = order[j];
        order[j] = order[j - 1];
        order[j - 1] = swap;
      }
}

/* Places each title beside its dot: in the first of eight positions
 * around it (see order_directions()) that stays in the plot and touches
 * no placed title and no dot, then the same a nudge further out, a few
 * times. Deterministic: in the order of the numbers. A title that finds
 * no place is listed beside the plot instead. */
static void
place_labels (Builder *builder)
{
  WaymarkPriorityMatrix *self = builder->self;
  static const double directions[][2] = {
    { 1, 0 }, { -1, 0 }, { 0, -1 }, { 0, 1 }, { 1, -1 }, { 1, 1 }, { -1, -1 }, { -1, 1 },
  };

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);
      guint order[G_N_ELEMENTS (directions)];
      double width, height;

      if (!is_scored (entry))
        continue;
      entry->title = measure (builder, WAYMARK_TEXT_EVIDENCE,
                              entry->recommendation->title[0] != '\0'
                                ? entry->recommendation->title : "…",
                              LABEL_WIDTH, 2);
      width = entry->title->width + 2 * LABEL_PAD;
      height = entry->title->height + 2 * LABEL_PAD;
      order_directions (entry, directions, G_N_ELEMENTS (directions), order);
      for (guint n = 0; n <= N_NUDGES && !entry->labelled; n++)
        for (guint d = 0; d < G_N_ELEMENTS (directions) && !entry->labelled; d++)
          {
            double gap = DOT_RADIUS + LABEL_GAP + n * NUDGE;
            double dx = directions[order[d]][0], dy = directions[order[d]][1];
            WaymarkRect rect;

            /* Beside the dot, centred on it across the direction. */
            rect.width = width;
            rect.height = height;
            rect.x = dx > 0 ? entry->x + gap : dx < 0 ? entry->x - gap - width
                                                     : entry->x - width / 2;
            rect.y = dy > 0 ? entry->y + gap : dy < 0 ? entry->y - gap - height
                                                     : entry->y - height / 2;
            /* Above or below a dot that shares its point: flush with the
             * dot's outer side, so that it is not read as the other's. */
            if (dx == 0 && entry->clustered && fabs (cos (entry->outward)) > 0.3)
              rect.x = cos (entry->outward) > 0 ? entry->x - DOT_RADIUS
                                                : entry->x + DOT_RADIUS - width;
            if (dx != 0 && dy != 0)
              {
                /* Diagonals: a corner of the title near the dot. */
                rect.x = dx > 0 ? entry->x + gap * 0.7 : entry->x - gap * 0.7 - width;
                rect.y = dy > 0 ? entry->y + gap * 0.7 : entry->y - gap * 0.7 - height;
              }
            if (!rect_inside (&rect, &self->plot) || collides (&rect, self->label_rects)
                || collides (&rect, self->dot_rects))
              continue;
            entry->label = rect;
            entry->labelled = TRUE;
            g_array_append_val (self->label_rects, rect);
          }
      if (!entry->labelled)
        self->n_unlabelled++;
    }
}

/* A recommendation's dot with its number; hollow when it was dropped. */
static void
add_dot (Builder     *builder,
         const Entry *entry,
         double       cx,
         double       cy)
{
  g_autofree char *number = g_strdup_printf ("%u", entry->number);
  WaymarkLayoutText *text = measure (builder, WAYMARK_TEXT_BADGE, number, 0, 1);
  WaymarkColor ink;

  if (entry->dropped)
    {
      waymark_scene_builder_add_circle (&builder->draw, cx, cy, DOT_RADIUS - 0.8, WHITE,
                                        entry->color, 1.6);
      ink = entry->color;
    }
  else
    {
      waymark_scene_builder_add_circle (&builder->draw, cx, cy, DOT_RADIUS, entry->color, WHITE,
                                        1.2);
      ink = waymark_scene_builder_ink_on (&builder->draw, entry->color);
    }
  waymark_scene_builder_add_text (&builder->draw, text, cx - text->width / 2,
                                  cy - text->height / 2, ink);
}

static void
build_points (Builder *builder)
{
  WaymarkPriorityMatrix *self = builder->self;

  waymark_scene_builder_begin_group (&builder->draw, "matrix-points", "points");
  /* Leaders and titles first, so that no title hides a dot. */
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);
      WaymarkColor halo = WHITE;
      double lx, ly;

      if (!entry->labelled)
        continue;
      lx = CLAMP (entry->x, entry->label.x, entry->label.x + entry->label.width);
      ly = CLAMP (entry->y, entry->label.y, entry->label.y + entry->label.height);
      if (hypot (lx - entry->x, ly - entry->y) > DOT_RADIUS + LABEL_GAP + 1)
        {
          WaymarkScenePath path;
          double angle = atan2 (ly - entry->y, lx - entry->x);

          waymark_scene_path_init (&path);
          waymark_scene_path_move_to (&path, entry->x + DOT_RADIUS * cos (angle),
                                      entry->y + DOT_RADIUS * sin (angle));
          waymark_scene_path_line_to (&path, lx, ly);
          waymark_scene_builder_add_path (&builder->draw, &path, NONE, INK_FAINT, 0.6, 0);
        }
      halo.alpha = 0.82;
      waymark_scene_builder_add_box (&builder->draw, &entry->label, 2, halo, NONE, 0);
      waymark_scene_builder_add_text (&builder->draw, entry->title, entry->label.x + LABEL_PAD,
                                      entry->label.y + LABEL_PAD,
                                      entry->dropped ? INK_FAINT : INK);
      add_hit (builder, WAYMARK_PRIORITY_MATRIX_HIT_RECOMMENDATION, entry, 0, 0, &entry->label);
    }
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      if (!is_scored (entry))
        continue;
      if (g_hash_table_contains (builder->highlight, entry->id))
        waymark_scene_builder_add_highlight (&builder->draw, &entry->dot, DOT_RADIUS);
      add_dot (builder, entry, entry->x, entry->y);
    }
  /* Dots are hit before titles: they are recorded last. */
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      if (is_scored (entry))
        add_hit (builder, WAYMARK_PRIORITY_MATRIX_HIT_RECOMMENDATION, entry, 0, 0, &entry->dot);
    }
  waymark_scene_builder_end_group (&builder->draw);
}

/* A heading of the column beside the plot. */
static double
add_side_heading (Builder    *builder,
                  const char *heading,
                  double      x,
                  double      y)
{
  WaymarkLayoutText *text = measure (builder, WAYMARK_TEXT_LANE_NAME, heading, SIDE_WIDTH, 2);

  waymark_scene_builder_add_text (&builder->draw, text, x, y, INK);
  return y + text->height + 5;
}

/* A line of a list beside the plot: a marker drawn by the caller in the
 * square at (@x, @y), and @text beside it. Returns where the next goes. */
static double
add_side_line (Builder           *builder,
               const char        *text,
               double             x,
               double             y,
               WaymarkRect       *rect)
{
  WaymarkLayoutText *measured = measure (builder, WAYMARK_TEXT_EVIDENCE, text,
                                         SIDE_WIDTH - 2 * DOT_RADIUS - 6, 2);
  double height = MAX (measured->height, 2 * DOT_RADIUS);

  waymark_scene_builder_add_text (&builder->draw, measured, x + 2 * DOT_RADIUS + 6,
                                  y + (height - measured->height) / 2, INK);
  *rect = (WaymarkRect) { x, y, SIDE_WIDTH, height };
  return y + height + 4;
}

/* A list of recommendations beside the plot, under @heading: those for
 * which @wanted holds. */
static double
add_side_list (Builder    *builder,
               const char *heading,
               gboolean  (*wanted) (const Entry *entry),
               double      x,
               double      y)
{
  GArray *entries = builder->self->entries;
  gboolean any = FALSE;

  for (guint i = 0; i < entries->len && !any; i++)
    any = wanted (&g_array_index (entries, Entry, i));
  if (!any)
    return y;

  y = add_side_heading (builder, heading, x, y + 10);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);
      WaymarkRect rect;

      if (!wanted (entry))
        continue;
      if (!is_scored (entry))
        entry->dot = (WaymarkRect) { x, y, 2 * DOT_RADIUS, 2 * DOT_RADIUS };
      if (!is_scored (entry) && g_hash_table_contains (builder->highlight, entry->id))
        waymark_scene_builder_add_highlight (&builder->draw, &entry->dot, DOT_RADIUS);
      add_dot (builder, entry, x + DOT_RADIUS, y + DOT_RADIUS);
      y = add_side_line (builder,
                         entry->recommendation->title[0] != '\0' ? entry->recommendation->title
                                                                 : "…",
                         x, y, &rect);
      add_hit (builder, WAYMARK_PRIORITY_MATRIX_HIT_RECOMMENDATION, entry, 0, 0, &rect);
    }
  return y;
}

static gboolean
is_unscored (const Entry *entry)
{
  return !is_scored (entry);
}

static gboolean
is_unlabelled (const Entry *entry)
{
  return is_scored (entry) && !entry->labelled;
}

/* The column beside the plot: the domains' colours, what a hollow dot
 * means, and the lists of what the plot does not show. */
static double
build_side (Builder *builder,
            double   x,
            double   y)
{
  GPtrArray *domains = waymark_document_get_domains (builder->document);
  GArray *entries = builder->self->entries;
  gboolean no_domain = FALSE, dropped = FALSE;
  WaymarkRect rect;

  waymark_scene_builder_begin_group (&builder->draw, "matrix-key", "legend");
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);

      no_domain |= entry->recommendation->domain_id[0] == '\0';
      dropped |= entry->dropped;
    }
  if (domains->len > 0 || no_domain)
    {
      y = add_side_heading (builder, T_ (builder->language, N_("Domains")), x, y);
      for (guint i = 0; i <= domains->len; i++)
        {
          const WaymarkDomain *domain = i < domains->len ? g_ptr_array_index (domains, i) : NULL;
          WaymarkColor color = waymark_report_domain_color (domain, builder->options->palette);
          double top = y;

          if (domain == NULL && !no_domain)
            break;
          y = add_side_line (builder,
                             domain != NULL ? domain->name
                                            : T_ (builder->language, N_("In no domain")),
                             x, y, &rect);
          waymark_scene_builder_add_circle (&builder->draw, x + DOT_RADIUS,
                                            top + rect.height / 2, DOT_RADIUS * 0.6, color, NONE,
                                            0);
        }
    }
  if (dropped)
    {
      double top = y + 4;

      y = add_side_line (builder, T_ (builder->language, N_("Hollow: dropped")), x, top, &rect);
      waymark_scene_builder_add_circle (&builder->draw, x + DOT_RADIUS, top + rect.height / 2,
                                        DOT_RADIUS * 0.6 - 0.5, WHITE, INK_SOFT, 1.2);
    }
  y = add_side_list (builder, T_ (builder->language, N_("Not scored yet")), is_unscored, x, y);
  y = add_side_list (builder, T_ (builder->language, N_("In the matrix without their title")),
                     is_unlabelled, x, y);
  waymark_scene_builder_end_group (&builder->draw);
  return y;
}

/* The empty plot answers with the score at the point: one hit per cell. */
static void
add_score_hits (Builder *builder)
{
  const WaymarkRect *plot = &builder->self->plot;

  for (int value = WAYMARK_SCORE_MIN; value <= WAYMARK_SCORE_MAX; value++)
    for (int effort = WAYMARK_SCORE_MIN; effort <= WAYMARK_SCORE_MAX; effort++)
      {
        double step = step_of (plot);
        WaymarkRect cell = { value_x (plot, value) - step / 2, effort_y (plot, effort) - step / 2,
                             step, step };

        add_hit (builder, WAYMARK_PRIORITY_MATRIX_HIT_SCORE, NULL, value, effort, &cell);
      }
}

static void
collect_entries (Builder *builder)
{
  g_autoptr (GPtrArray) list = waymark_document_list_recommendations_in_order (builder->document);

  for (guint i = 0; i < list->len; i++)
    {
      const WaymarkRecommendation *recommendation = g_ptr_array_index (list, i);
      Entry entry = { 0, };

      entry.recommendation = recommendation;
      entry.id = g_strdup (recommendation->base.id);
      entry.number = i + 1;
      entry.value = recommendation->value;
      entry.effort = recommendation->effort;
      entry.dropped = recommendation->status == WAYMARK_STATUS_DROPPED;
      entry.color = waymark_report_domain_color (
        waymark_document_find_domain (builder->document, recommendation->domain_id),
        builder->options->palette);
      g_array_append_val (builder->self->entries, entry);
    }
}

WaymarkPriorityMatrix *
waymark_priority_matrix_new (WaymarkDocument                    *document,
                             const WaymarkPriorityMatrixOptions *options)
{
  WaymarkPriorityMatrix *self;
  WaymarkPriorityMatrixOptions defaults;
  WaymarkRenderOptions render_options;
  Builder builder;
  guint n_scored = 0;
  double y, width, step = STEP, side_bottom;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (document), NULL);

  if (options == NULL)
    {
      waymark_priority_matrix_options_init (&defaults);
      options = &defaults;
    }

  self = g_new0 (WaymarkPriorityMatrix, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  self->hits = g_array_new (FALSE, FALSE, sizeof (WaymarkPriorityMatrixHit));
  self->label_rects = g_array_new (FALSE, FALSE, sizeof (WaymarkRect));
  self->dot_rects = g_array_new (FALSE, FALSE, sizeof (WaymarkRect));

  waymark_render_options_init (&render_options);
  render_options.palette = options->palette;
  render_options.page_number = options->page_number;
  render_options.n_pages = options->n_pages;
  self->page = waymark_layout_new_for_page (waymark_document_get_title (document),
                                            T_ (waymark_document_get_language (document),
                                                N_("Priority matrix")),
                                            &render_options);
  self->scene = waymark_scene_new_composed (self->page);

  memset (&builder, 0, sizeof builder);
  builder.self = self;
  builder.document = document;
  builder.language = waymark_document_get_language (document);
  builder.options = options;
  builder.draw = (WaymarkSceneBuilder) { self->scene, self->page, options->palette };
  builder.highlight = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; options->highlight_ids != NULL && options->highlight_ids[i] != NULL; i++)
    g_hash_table_add (builder.highlight, (gpointer) options->highlight_ids[i]);

  collect_entries (&builder);
  for (guint i = 0; i < self->entries->len; i++)
    n_scored += is_scored (&g_array_index (self->entries, Entry, i));

  width = options->page_width > 0 ? options->page_width : natural_width (STEP);
  self->page->width = width;

  waymark_scene_builder_begin_group (&builder.draw, "priority-matrix", "priority-matrix");
  y = MARGIN;
  if (options->show_title)
    y = build_title (&builder, y, width - 2 * MARGIN, n_scored) + 22;
  /* Room above the plot for the effort axis's name. */
  y += 16;
  /* On a page, the plot takes the height left above the value axis and
   * the footer; the side list keeps its width. */
  if (options->page_height > 0)
    step = (options->page_height - y - AXIS_HEIGHT - MARGIN
            - (options->show_footer ? 10 + FOOTER_HEIGHT : 0)) / N_STEPS;
  if (options->page_width > 0)
    step = MIN (step, (width - natural_width (0)) / N_STEPS);
  step = CLAMP (step, MIN_STEP, STEP);
  /* A page too narrow even then: the figure is wider, and the page's
   * backend scales it down. */
  self->page->width = MAX (width, natural_width (step));
  self->plot = (WaymarkRect) { MARGIN + AXIS_WIDTH, y, N_STEPS * step, N_STEPS * step };

  build_quadrants (&builder);
  build_axes (&builder);
  build_quadrant_names (&builder);
  add_score_hits (&builder);
  place_dots (&builder);
  place_labels (&builder);
  build_points (&builder);
  side_bottom = build_side (&builder, self->plot.x + self->plot.width + SIDE_GAP, self->plot.y);

  y = MAX (self->plot.y + self->plot.height + AXIS_HEIGHT, side_bottom);
  if (options->show_footer)
    {
      y += 10;
      /* At the foot of a page, like the maps' footers. */
      if (options->page_height > 0)
        y = MAX (y, options->page_height - MARGIN - FOOTER_HEIGHT);
      waymark_layout_place_footer (self->page, NULL, y);
      waymark_scene_builder_add_footer (&builder.draw);
      y += self->page->footer_rect.height;
    }
  waymark_scene_builder_end_group (&builder.draw);

  self->page->height = MAX (y + MARGIN, options->page_height);
  waymark_scene_compose_finish (self->scene);
  g_hash_table_unref (builder.highlight);
  /* The document's objects are not kept: the figure is a snapshot. */
  for (guint i = 0; i < self->entries->len; i++)
    g_array_index (self->entries, Entry, i).recommendation = NULL;
  return self;
}

WaymarkPriorityMatrix *
waymark_priority_matrix_ref (WaymarkPriorityMatrix *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
waymark_priority_matrix_unref (WaymarkPriorityMatrix *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  waymark_scene_unref (self->scene);
  waymark_layout_unref (self->page);
  g_array_unref (self->entries);
  g_array_unref (self->hits);
  g_array_unref (self->label_rects);
  g_array_unref (self->dot_rects);
  g_free (self);
}

WaymarkScene *
waymark_priority_matrix_get_scene (WaymarkPriorityMatrix *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->scene;
}

void
waymark_priority_matrix_get_size (WaymarkPriorityMatrix *self,
                                  double                *width,
                                  double                *height)
{
  g_return_if_fail (self != NULL);
  if (width != NULL)
    *width = self->page->width;
  if (height != NULL)
    *height = self->page->height;
}

void
waymark_priority_matrix_get_plot_rect (WaymarkPriorityMatrix *self,
                                       WaymarkRect           *rect)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (rect != NULL);
  *rect = self->plot;
}

gboolean
waymark_priority_matrix_hit_test (WaymarkPriorityMatrix    *self,
                                  double                    x,
                                  double                    y,
                                  WaymarkPriorityMatrixHit *hit)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  for (guint i = self->hits->len; i > 0; i--)
    {
      const WaymarkPriorityMatrixHit *candidate =
        &g_array_index (self->hits, WaymarkPriorityMatrixHit, i - 1);

      if (waymark_rect_contains_point (&candidate->rect, x, y))
        {
          *hit = *candidate;
          return TRUE;
        }
    }
  memset (hit, 0, sizeof *hit);
  return FALSE;
}

gboolean
waymark_priority_matrix_score_at (WaymarkPriorityMatrix *self,
                                  double                 x,
                                  double                 y,
                                  int                   *value,
                                  int                   *effort)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!waymark_rect_contains_point (&self->plot, x, y))
    return FALSE;
  if (value != NULL)
    *value = CLAMP ((int) floor ((x - self->plot.x) / step_of (&self->plot)) + WAYMARK_SCORE_MIN,
                    WAYMARK_SCORE_MIN, WAYMARK_SCORE_MAX);
  if (effort != NULL)
    *effort = CLAMP ((int) floor ((y - self->plot.y) / step_of (&self->plot)) + WAYMARK_SCORE_MIN,
                     WAYMARK_SCORE_MIN, WAYMARK_SCORE_MAX);
  return TRUE;
}

gboolean
waymark_priority_matrix_get_point (WaymarkPriorityMatrix *self,
                                   int                    value,
                                   int                    effort,
                                   double                *x,
                                   double                *y)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (value < WAYMARK_SCORE_MIN || value > WAYMARK_SCORE_MAX || effort < WAYMARK_SCORE_MIN
      || effort > WAYMARK_SCORE_MAX)
    return FALSE;
  if (x != NULL)
    *x = value_x (&self->plot, value);
  if (y != NULL)
    *y = effort_y (&self->plot, effort);
  return TRUE;
}

gboolean
waymark_priority_matrix_get_marker_rect (WaymarkPriorityMatrix *self,
                                         const char            *recommendation_id,
                                         WaymarkRect           *rect)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; recommendation_id != NULL && i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);

      if (g_str_equal (entry->id, recommendation_id))
        {
          if (rect != NULL)
            *rect = entry->dot;
          return TRUE;
        }
    }
  return FALSE;
}

const WaymarkRect *
waymark_priority_matrix_get_label_rects (WaymarkPriorityMatrix *self,
                                         guint                 *n_labels)
{
  *n_labels = self->label_rects->len;
  return (const WaymarkRect *) (const void *) self->label_rects->data;
}

const WaymarkRect *
waymark_priority_matrix_get_dot_rects (WaymarkPriorityMatrix *self,
                                       guint                 *n_dots)
{
  *n_dots = self->dot_rects->len;
  return (const WaymarkRect *) (const void *) self->dot_rects->data;
}

guint
waymark_priority_matrix_get_n_unlabelled (WaymarkPriorityMatrix *self)
{
  return self->n_unlabelled;
}
