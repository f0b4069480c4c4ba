/* waymark-scene.c: builds the display list of a map from its layout
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "waymark-lane-style-private.h"
#include "waymark-scene-private.h"

/* The spatial index: items are listed in every tile of this size that
 * their bounds touch. 192 points is about a card column; a 1080p view at
 * 100 % touches some 60 tiles. */
#define TILE_SIZE 192.0

struct _WaymarkScene {
  gatomicrefcount  ref_count;
  WaymarkLayout   *layout;    /* the texts of text items belong to it */
  GArray          *items;     /* WaymarkSceneItem */
  WaymarkRect      bounds;
  char            *title;
  GPtrArray       *kept_layouts;  /* WaymarkLayout*: own the texts of appended scenes */

  /* spatial index */
  guint            n_columns;
  guint            n_rows;
  GArray         **tiles;     /* guint item indices, ascending */
  guint           *stamps;    /* per item: the query that last saw it */
  guint            stamp;
};

/* Highlights of the canvas. */
#define ACCENT     RGB (0x3584e4)

/* Building */

static WaymarkColor
lane_color (WaymarkSceneBuilder     *builder,
            const WaymarkLayoutLane *lane)
{
  WaymarkColor color;

  if (lane->color[0] != '\0' && waymark_color_parse (lane->color, &color))
    return color;
  return waymark_palette_lane_color (builder->palette, lane->kind);
}

static WaymarkColor
persona_color (WaymarkSceneBuilder *builder)
{
  WaymarkColor color;

  if (builder->layout->persona_color[0] != '\0'
      && waymark_color_parse (builder->layout->persona_color, &color))
    return color;
  return RGB (0x3d4b5c);
}

static gboolean
high_contrast (WaymarkSceneBuilder *builder)
{
  return builder->layout != NULL && builder->layout->options.high_contrast;
}

/* @color as drawn (in the builder's palette), changed just enough to stand
 * @ratio against @ground as drawn: 4.5 for text (WCAG AA), 3 for marks;
 * in high contrast 7 for text (AAA) and 4.5 for marks. */
static WaymarkColor
legible_on (WaymarkSceneBuilder *builder,
            WaymarkColor         color,
            WaymarkColor         ground,
            double               ratio)
{
  WaymarkColor c = waymark_scene_builder_filter (builder, color);
  WaymarkColor g = waymark_scene_builder_filter (builder, ground);

  if (high_contrast (builder))
    ratio = ratio >= 4.5 ? MAX (ratio, 7.0) : MAX (ratio, 4.5);

  return waymark_color_with_contrast (&c, &g, ratio);
}

/* One text colour for all of a persona's phase headers, whose fills darken
 * along the journey: the one whose worst contrast over the lightest and the
 * darkest header is best, so the row never switches from dark to white text
 * half-way. */
static WaymarkColor
header_ink (WaymarkSceneBuilder *builder,
            const WaymarkColor  *lightest,
            const WaymarkColor  *darkest)
{
  WaymarkColor light = waymark_scene_builder_filter (builder, *lightest);
  WaymarkColor dark = waymark_scene_builder_filter (builder, *darkest);
  WaymarkColor ink = INK;
  WaymarkColor white = WHITE;
  double with_ink = MIN (waymark_color_contrast (&light, &ink),
                         waymark_color_contrast (&dark, &ink));
  double with_white = MIN (waymark_color_contrast (&light, &white),
                           waymark_color_contrast (&dark, &white));

  return with_ink > with_white ? INK : WHITE;
}

/* The profile beside the title: headings in the persona's colour like its
 * ambition, items in the description's ink, bullets and the quote's bar
 * in the colour, each made to stand on the white paper. */
static void
build_profile (WaymarkSceneBuilder *builder,
               const WaymarkColor  *color)
{
  WaymarkLayout *layout = builder->layout;
  WaymarkColor accent;
  WaymarkColor mark;

  if (layout->profile_columns == NULL)
    return;
  accent = legible_on (builder, waymark_color_shade (color, 0.15), WHITE, 4.5);
  mark = legible_on (builder, *color, WHITE, 3);
  for (guint i = 0; i < layout->profile_columns->len; i++)
    {
      WaymarkLayoutProfileColumn *column = g_ptr_array_index (layout->profile_columns, i);

      waymark_scene_builder_add_text (builder, column->heading, column->heading_rect.x,
                                      column->heading_rect.y, accent);
      for (guint j = 0; j < column->items->len; j++)
        {
          WaymarkLayoutProfileItem *item = &g_array_index (column->items,
                                                           WaymarkLayoutProfileItem, j);

          if (column->is_quote)
            waymark_scene_builder_add_box (builder, &item->bullet, 1, mark, NONE, 0);
          else if (item->bullet.width > 0)
            waymark_scene_builder_add_circle (builder, item->bullet.x + item->bullet.width / 2,
                                              item->bullet.y + item->bullet.height / 2,
                                              item->bullet.width / 2, mark, NONE, 0);
          waymark_scene_builder_add_text (builder, item->label, item->label_rect.x,
                                          item->label_rect.y, INK);
          waymark_scene_builder_add_text (builder, item->text, item->text_rect.x,
                                          item->text_rect.y, column->is_quote ? INK : INK_SOFT);
        }
      waymark_scene_builder_add_text (builder, column->more, column->more_rect.x,
                                      column->more_rect.y, INK_FAINT);
    }
}

static void
build_title (WaymarkSceneBuilder *builder)
{
  WaymarkLayout *layout = builder->layout;
  WaymarkColor color = persona_color (builder);
  const WaymarkRect *a = &layout->avatar_rect;

  /* High contrast: an avatar dark enough for its white initials at 7:1. */
  if (high_contrast (builder))
    color = legible_on (builder, color, WHITE, 7.0);
  waymark_scene_builder_begin_group (builder, "title", "title");
  waymark_scene_builder_add_circle (builder, a->x + a->width / 2, a->y + a->height / 2,
                                    a->width / 2, color, NONE, 0);
  waymark_scene_builder_add_text (builder, layout->initials_text,
                                  a->x + (a->width - layout->initials_text->width) / 2,
                                  a->y + (a->height - layout->initials_text->height) / 2,
                                  waymark_scene_builder_ink_on (builder, color));

  waymark_scene_builder_add_text (builder, layout->doc_title_text, layout->doc_title_rect.x,
                                  layout->doc_title_rect.y, INK_FAINT);
  waymark_scene_builder_add_text (builder, layout->name_text, layout->name_rect.x,
                                  layout->name_rect.y, INK);
  waymark_scene_builder_add_text (builder, layout->ambition_text, layout->ambition_rect.x,
                                  layout->ambition_rect.y,
                                  legible_on (builder, waymark_color_shade (&color, 0.15), WHITE, 4.5));
  waymark_scene_builder_add_text (builder, layout->description_text, layout->description_rect.x,
                                  layout->description_rect.y, INK_SOFT);
  build_profile (builder, &color);
  waymark_scene_builder_end_group (builder);
}

static void
build_phases (WaymarkSceneBuilder *builder)
{
  WaymarkLayout *layout = builder->layout;
  WaymarkColor base = persona_color (builder);
  WaymarkColor lightest = waymark_color_shade (&base, 0.05);
  WaymarkColor darkest = waymark_color_shade (&base, layout->phases->len > 1 ? 0.25 : 0.05);
  WaymarkColor ink = header_ink (builder, &lightest, &darkest);

  for (guint i = 0; i < layout->phases->len; i++)
    {
      WaymarkLayoutPhase *phase = g_ptr_array_index (layout->phases, i);
      const WaymarkRect *r = &phase->header;
      /* Phases darken a little along the journey: the row reads as a
       * sequence even in greyscale. */
      double t = layout->phases->len > 1 ? (double) i / (layout->phases->len - 1) : 0;
      WaymarkColor fill = waymark_color_shade (&base, 0.05 + 0.2 * t);
      WaymarkScenePath path;
      double arrow = 9.0;
      double mid = r->y + r->height / 2;

      /* High contrast: white names on headers dark enough for 7:1. */
      if (high_contrast (builder))
        {
          WaymarkColor white = WHITE;

          fill = legible_on (builder, fill, white, 7.0);
          ink = (WaymarkColor) WHITE;
        }

      waymark_scene_builder_begin_group (builder, phase->id, "phase");
      /* A chevron: notched on the left (except the first), pointed on the right. */
      waymark_scene_path_init (&path);
      waymark_scene_path_move_to (&path, r->x, r->y);
      waymark_scene_path_line_to (&path, r->x + r->width - arrow, r->y);
      waymark_scene_path_line_to (&path, r->x + r->width, mid);
      waymark_scene_path_line_to (&path, r->x + r->width - arrow, r->y + r->height);
      waymark_scene_path_line_to (&path, r->x, r->y + r->height);
      if (i > 0)
        waymark_scene_path_line_to (&path, r->x + arrow, mid);
      waymark_scene_path_close (&path);
      waymark_scene_builder_add_path (builder, &path, fill, NONE, 0, 0);

      {
        WaymarkColor soft = ink;

        /* Faded for hierarchy; not in high contrast, where it would
         * fall under 7:1. */
        soft.alpha = high_contrast (builder) ? 1 : 0.75;
        waymark_scene_builder_add_text (builder, phase->number, phase->number_rect.x,
                                        phase->number_rect.y, soft);
      }
      waymark_scene_builder_add_text (builder, phase->name, phase->name_rect.x, phase->name_rect.y,
                                      ink);
      waymark_scene_builder_end_group (builder);
    }
}

/* Written as Béziers so every backend draws the same curve
 * (waymark_scene_monotone_tangents() says why this one). */
static void
build_emotion_curve (WaymarkSceneBuilder *builder,
                     WaymarkLayoutLane   *lane,
                     WaymarkColor         color)
{
  guint n = lane->points->len;
  g_autofree double *xs = NULL;
  g_autofree double *ys = NULL;
  g_autofree double *tangent = NULL;
  WaymarkScenePath path;

  if (n < 2)
    return;

  xs = g_new (double, n);
  ys = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      WaymarkLayoutEmotion *point = &g_array_index (lane->points, WaymarkLayoutEmotion, i);

      xs[i] = point->x;
      ys[i] = point->y;
    }
  tangent = waymark_scene_monotone_tangents (xs, ys, n);

  /* One path per segment: a viewport strokes only the segments it shows.
   * Round caps make the joins seamless. */
  for (guint i = 1; i < n; i++)
    {
      WaymarkLayoutEmotion *a = &g_array_index (lane->points, WaymarkLayoutEmotion, i - 1);
      WaymarkLayoutEmotion *b = &g_array_index (lane->points, WaymarkLayoutEmotion, i);
      double dx = (b->x - a->x) / 3;

      waymark_scene_path_init (&path);
      waymark_scene_path_move_to (&path, a->x, a->y);
      waymark_scene_path_curve_to (&path, a->x + dx, a->y + tangent[i - 1] * dx, b->x - dx,
                                   b->y - tangent[i] * dx, b->x, b->y);
      waymark_scene_builder_add_path (builder, &path, NONE, color, 2.0, 0);
    }
}

static void
build_emotion_lane (WaymarkSceneBuilder *builder,
                    WaymarkLayoutLane   *lane,
                    WaymarkColor         color)
{
  WaymarkLayout *layout = builder->layout;
  const WaymarkRect *row = &lane->row;
  double right = lane->header.x + lane->header.width - 6;
  WaymarkScenePath path;
  g_autofree char *curve_id = g_strconcat (lane->id, "-curve", NULL);

  /* Faint lines at every step of the scale, a dashed one at zero; cut
   * per column so that a viewport only draws the pieces it shows. */
  for (int s = lane->scale_min; s <= lane->scale_max; s++)
    {
      double y;

      if (s == 0 || lane->scale_max <= lane->scale_min)
        continue;
      y = lane->plot_top + (double) (lane->scale_max - s) / (lane->scale_max - lane->scale_min)
                             * (lane->plot_bottom - lane->plot_top);
      for (guint p = 0; p < layout->phases->len; p++)
        {
          WaymarkRect line = { row->x + p * layout->column_width + (p == 0 ? 4 : 1), y - 0.25,
                               layout->column_width - (p == 0 ? 5 : 2), 0.5 };

          waymark_scene_builder_add_box (builder, &line, 0, waymark_color_tint (&color, 0.82), NONE,
                                         0);
        }
    }

  if (lane->scale_min <= 0 && lane->scale_max >= 0 && lane->scale_max > lane->scale_min)
    {
      double y = lane->plot_top + (double) lane->scale_max / (lane->scale_max - lane->scale_min)
                                    * (lane->plot_bottom - lane->plot_top);

      for (guint p = 0; p < layout->phases->len; p++)
        {
          double x0 = row->x + p * layout->column_width + 4;

          /* Dashes as filled rectangles: cairo strokes dashed lines slowly. */
          waymark_scene_path_init (&path);
          for (double x = x0; x + 3 <= x0 + layout->column_width - 8; x += 6)
            {
              waymark_scene_path_move_to (&path, x, y - 0.4);
              waymark_scene_path_line_to (&path, x + 3, y - 0.4);
              waymark_scene_path_line_to (&path, x + 3, y + 0.4);
              waymark_scene_path_line_to (&path, x, y + 0.4);
              waymark_scene_path_close (&path);
            }
          waymark_scene_builder_add_path (builder, &path, waymark_color_tint (&color, 0.45), NONE,
                                          0, 0);
        }
      if (lane->scale_zero_text != NULL)
        waymark_scene_builder_add_text (builder, lane->scale_zero_text,
                                        right - lane->scale_zero_text->width,
                                        y - lane->scale_zero_text->height / 2, INK_FAINT);
    }
  waymark_scene_builder_add_text (builder, lane->scale_max_text,
                                  right - lane->scale_max_text->width,
                                  lane->plot_top - lane->scale_max_text->height / 2, INK_FAINT);
  waymark_scene_builder_add_text (builder, lane->scale_min_text,
                                  right - lane->scale_min_text->width,
                                  lane->plot_bottom - lane->scale_min_text->height / 2, INK_FAINT);

  waymark_scene_builder_begin_group (builder, curve_id, "emotion-curve");
  build_emotion_curve (builder, lane, color);
  for (guint i = 0; i < lane->points->len; i++)
    {
      WaymarkLayoutEmotion *point = &g_array_index (lane->points, WaymarkLayoutEmotion, i);
      WaymarkColor marker = waymark_palette_emotion_color (builder->palette, point->score,
                                                           lane->scale_min, lane->scale_max);

      /* A white ring around the marker, as two fills. */
      waymark_scene_builder_add_circle (builder, point->x, point->y, 4.5 + 0.75, WHITE, NONE, 0);
      waymark_scene_builder_add_circle (builder, point->x, point->y, 4.5 - 0.75, marker, NONE, 0);
      if (point->label != NULL)
        waymark_scene_builder_add_text (builder, point->label, point->label_rect.x,
                                        point->label_rect.y, INK_SOFT);
    }
  waymark_scene_builder_end_group (builder);
  (void) layout;
}

/* A tag chip: a white pill edged in the tag's colour, a dot of it and
 * the name in a darker shade. Cards and the legend draw them alike. */
static void
add_chip (WaymarkSceneBuilder     *builder,
          const WaymarkLayoutChip *chip)
{
  WaymarkColor tag;

  if (!waymark_color_parse (chip->color, &tag))
    tag = INK_FAINT;
  waymark_scene_builder_add_box (builder, &chip->rect, chip->rect.height / 2, WHITE,
                                 waymark_color_tint (&tag, 0.35), 0.6);
  waymark_scene_builder_add_circle (builder, chip->rect.x + 4 + 2.5,
                                    chip->rect.y + chip->rect.height / 2, 2.5, tag, NONE, 0);
  waymark_scene_builder_add_text (builder, chip->name, chip->rect.x + 4 + 5 + 3, chip->rect.y + 1.5,
                                  legible_on (builder, waymark_color_shade (&tag, 0.35), WHITE, 4.5));
}

static const char *
text_of (const WaymarkLayoutText *text)
{
  return text != NULL ? pango_layout_get_text (text->layout) : "";
}

/* Where a card is, in words: its lane and phase (or phases), which a
 * figure shows by position only. */
static char *
describe_card (WaymarkLayout           *layout,
               const WaymarkLayoutLane *lane,
               const WaymarkLayoutCard *card)
{
  const WaymarkLayoutPhase *first = g_ptr_array_index (layout->phases, card->phase_index);
  const WaymarkLayoutPhase *last =
    g_ptr_array_index (layout->phases, card->phase_index + MAX (card->span, 1) - 1);

  if (first == last)
    return g_strdup_printf ("%s · %s", text_of (lane->name), text_of (first->name));
  return g_strdup_printf ("%s · %s – %s", text_of (lane->name), text_of (first->name),
                          text_of (last->name));
}

static void
build_card (WaymarkSceneBuilder *builder,
            WaymarkLayoutLane   *lane,
            WaymarkLayoutCard   *card,
            WaymarkColor         base_lane)
{
  const WaymarkCardStyle *style = &waymark_lane_style_get (lane->kind)->card;
  WaymarkColor base = base_lane;
  WaymarkColor fill;
  WaymarkColor own;
  gboolean explicit_fill = FALSE;
  const WaymarkRect *r = &card->rect;
  g_autofree char *description = NULL;

  if (card->color[0] != '\0' && waymark_color_parse (card->color, &own))
    {
      base = own;
      /* A light card colour is meant as the fill itself. */
      explicit_fill = waymark_color_luminance (&own) > 0.55;
    }

  fill = explicit_fill ? base : waymark_color_tint (&base, style->fill_tint);
  description = describe_card (builder->layout, lane, card);
  waymark_scene_builder_begin_described_group (builder, card->id, "card", description);
  if (high_contrast (builder))
    {
      /* No tint behind the text: the card's colour is its edge. */
      fill = WHITE;
      waymark_scene_builder_add_box (builder, r, style->radius, fill,
                                     legible_on (builder, base, fill, 3.0),
                                     MAX (1.5, 2 * style->line_width));
    }
  else
    waymark_scene_builder_add_box (builder, r, style->radius, fill,
                                   waymark_color_tint (&base, style->stroke_tint),
                                   style->line_width);

  if (style->marked)
    {
      /* The kind's mark is the lane's colour, whatever the card's own: a
       * yellow barrier keeps its red bar and warning sign, at 3:1 at least
       * against the card (WCAG's ratio for graphics). */
      WaymarkColor mark = legible_on (builder, base_lane, fill, 3.0);
      WaymarkScenePath path;

      /* The accent bar and the icon stand out at a glance, in colour
       * and in greyscale. */
      waymark_scene_path_init (&path);
      waymark_scene_path_rounded_rect (&path, r->x, r->y, 3.0, r->height, style->radius, 0, 0,
                                       style->radius);
      waymark_scene_builder_add_path (builder, &path, mark, NONE, 0, 0);
      waymark_scene_builder_add_kind_icon (builder, lane->kind, &card->icon_rect, mark, WHITE);
    }

  waymark_scene_builder_add_text (builder, card->text, card->text_rect.x, card->text_rect.y, INK);
  if (card->evidence != NULL)
    waymark_scene_builder_add_text (builder, card->evidence, card->evidence_rect.x,
                                    card->evidence_rect.y, INK_SOFT);

  for (guint i = 0; i < card->n_chips; i++)
    add_chip (builder, &card->chips[i]);
  if (card->badge != NULL)
    waymark_scene_builder_add_badge (builder, &card->badge_rect, card->badge);
  waymark_scene_builder_end_group (builder);
}

static void
build_lanes (WaymarkSceneBuilder *builder)
{
  WaymarkLayout *layout = builder->layout;
  guint n_phases = layout->phases->len;
  guint next_card = 0;

  for (guint i = 0; i < layout->lanes->len; i++)
    {
      WaymarkLayoutLane *lane = g_ptr_array_index (layout->lanes, i);
      WaymarkColor color = lane_color (builder, lane);
      WaymarkRect accent = { lane->header.x, lane->header.y, 3.0, lane->header.height };
      WaymarkColor row_fill;
      WaymarkScenePath path;

      /* High contrast: white behind the name and the cards, the lane's
       * colour as a strong edge instead of a tint. */
      WaymarkColor header_fill = high_contrast (builder) ? (WaymarkColor) WHITE
                                                         : waymark_color_tint (&color, 0.86);
      WaymarkColor edge = legible_on (builder, color, WHITE, 3.0);

      waymark_scene_builder_begin_group (builder, lane->id, "lane");
      waymark_scene_builder_add_box (builder, &lane->header, 4, header_fill,
                                     high_contrast (builder) ? edge : NONE,
                                     high_contrast (builder) ? 1.5 : 0);
      waymark_scene_path_init (&path);
      waymark_scene_path_rounded_rect (&path, accent.x, accent.y, accent.width, accent.height,
                                       4, 0, 0, 4);
      waymark_scene_builder_add_path (builder, &path, high_contrast (builder) ? edge : color, NONE,
                                      0, 0);
      waymark_scene_builder_add_kind_icon (builder, lane->kind, &lane->icon_rect,
                                           high_contrast (builder) ? edge : color, WHITE);
      waymark_scene_builder_add_text (builder, lane->name, lane->name_rect.x, lane->name_rect.y,
                                      legible_on (builder, waymark_color_shade (&color, 0.3),
                                                  header_fill, 4.5));

      /* Square corners: a pixel-aligned rectangle is cairo's fastest fill,
       * and this one spans the whole width of the map. */
      row_fill = high_contrast (builder) ? (WaymarkColor) WHITE
                 : waymark_color_tint (&color, waymark_lane_style_get (lane->kind)->row_tint);
      waymark_scene_builder_add_box (builder, &lane->row, 0, row_fill,
                                     high_contrast (builder) ? edge : NONE,
                                     high_contrast (builder) ? 1.0 : 0);
      /* White column rules keep cells apart without drawing a grid (on
       * white rows, rules in the lane's edge colour). */
      /* Thin boxes rather than one stroked path: each is culled on its
       * own, and fills are cheap. */
      for (guint p = 1; p < n_phases; p++)
        {
          WaymarkRect rule = { layout->grid_x + p * layout->column_width - 1, lane->row.y,
                               2, lane->row.height };

          if (high_contrast (builder))
            {
              rule.x += 0.5;
              rule.width = 1;
            }
          waymark_scene_builder_add_box (builder, &rule, 0,
                                         high_contrast (builder) ? edge : (WaymarkColor) WHITE,
                                         NONE, 0);
        }

      if (waymark_lane_kind_holds_emotions (lane->kind))
        {
          build_emotion_lane (builder, lane, color);
        }
      else
        {
          /* layout->cards is ordered by lane: this lane's cards are next. */
          while (next_card < layout->cards->len)
            {
              WaymarkLayoutCard *card = g_ptr_array_index (layout->cards, next_card);

              if (card->lane_index != (int) i)
                break;
              build_card (builder, lane, card, color);
              next_card++;
            }
        }
      waymark_scene_builder_end_group (builder);
    }
}

static void
build_legend (WaymarkSceneBuilder *builder)
{
  WaymarkLayout *layout = builder->layout;

  waymark_scene_builder_begin_group (builder, "legend", "legend");
  waymark_scene_builder_add_text (builder, layout->legend_label, layout->legend_label_rect.x,
                                  layout->legend_label_rect.y, INK_SOFT);
  for (guint i = 0; i < layout->n_legend_chips; i++)
    add_chip (builder, &layout->legend_chips[i]);
  if (layout->legend_badge != NULL)
    {
      waymark_scene_builder_add_badge (builder, &layout->legend_badge_rect, layout->legend_badge);
      waymark_scene_builder_add_text (builder, layout->legend_badge_caption,
                                      layout->legend_badge_caption_rect.x,
                                      layout->legend_badge_caption_rect.y, INK_SOFT);
    }
  waymark_scene_builder_end_group (builder);
}

/* The cards of options.highlight_card_ids glow; the others fade a little
 * under a white veil, so that the highlighted ones lead the eye while
 * the map around them stays readable. */
static void
build_highlight (WaymarkSceneBuilder *builder)
{
  WaymarkLayout *layout = builder->layout;
  WaymarkColor veil = WHITE;

  veil.alpha = 0.45;
  waymark_scene_builder_begin_group (builder, "highlight", "highlight");
  /* The veils first, so that no veil falls on a neighbour's glow. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < layout->cards->len; i++)
      {
        WaymarkLayoutCard *card = g_ptr_array_index (layout->cards, i);
        WaymarkLayoutLane *lane = g_ptr_array_index (layout->lanes, card->lane_index);
        double radius = waymark_lane_style_get (lane->kind)->card.radius;

        if (pass == 0 && !card->highlighted)
          waymark_scene_builder_add_box (builder, &card->rect, radius, veil, NONE, 0);
        else if (pass == 1 && card->highlighted)
          waymark_scene_builder_add_highlight (builder, &card->rect, radius);
      }
  waymark_scene_builder_end_group (builder);
}

/* Indexing */

static void
index_items (WaymarkScene *self)
{
  self->n_columns = MAX (1, (guint) ceil (self->bounds.width / TILE_SIZE));
  self->n_rows = MAX (1, (guint) ceil (self->bounds.height / TILE_SIZE));
  self->tiles = g_new0 (GArray *, self->n_columns * self->n_rows);
  self->stamps = g_new0 (guint, MAX (self->items->len, 1));

  for (guint i = 0; i < self->items->len; i++)
    {
      const WaymarkSceneItem *item = &g_array_index (self->items, WaymarkSceneItem, i);
      int c0, c1, r0, r1;

      if (item->kind == WAYMARK_SCENE_GROUP_BEGIN || item->kind == WAYMARK_SCENE_GROUP_END)
        continue;
      c0 = CLAMP ((int) floor (item->bounds.x / TILE_SIZE), 0, (int) self->n_columns - 1);
      c1 = CLAMP ((int) floor ((item->bounds.x + item->bounds.width) / TILE_SIZE), 0,
                  (int) self->n_columns - 1);
      r0 = CLAMP ((int) floor (item->bounds.y / TILE_SIZE), 0, (int) self->n_rows - 1);
      r1 = CLAMP ((int) floor ((item->bounds.y + item->bounds.height) / TILE_SIZE), 0,
                  (int) self->n_rows - 1);
      for (int r = r0; r <= r1; r++)
        for (int c = c0; c <= c1; c++)
          {
            GArray **tile = &self->tiles[r * self->n_columns + c];

            if (*tile == NULL)
              *tile = g_array_new (FALSE, FALSE, sizeof (guint));
            g_array_append_val (*tile, i);
          }
    }
}

WaymarkSceneItem *
waymark_scene_push_item (WaymarkScene         *self,
                         WaymarkSceneItemKind  kind)
{
  WaymarkSceneItem item;

  memset (&item, 0, sizeof item);
  item.kind = kind;
  g_array_append_val (self->items, item);
  return &g_array_index (self->items, WaymarkSceneItem, self->items->len - 1);
}

static WaymarkScene *
scene_new (WaymarkLayout *layout)
{
  WaymarkScene *self = g_new0 (WaymarkScene, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->layout = waymark_layout_ref (layout);
  self->items = g_array_new (FALSE, TRUE, sizeof (WaymarkSceneItem));
  self->bounds = (WaymarkRect) { 0, 0, layout->width, layout->height };
  if (layout->document_title[0] != '\0')
    self->title = g_strdup_printf ("%s — %s", layout->document_title, layout->persona_name);
  else
    self->title = g_strdup (layout->persona_name);
  return self;
}

WaymarkScene *
waymark_scene_new_for_layout (WaymarkLayout *layout)
{
  WaymarkScene *self;
  WaymarkSceneBuilder builder;

  g_return_val_if_fail (layout != NULL, NULL);

  self = scene_new (layout);
  builder.scene = self;
  builder.layout = layout;
  builder.palette = layout->options.palette;

  waymark_scene_builder_begin_group (&builder, layout->persona_id, "persona");
  if (layout->options.show_title)
    build_title (&builder);
  build_phases (&builder);
  build_lanes (&builder);
  if (layout->has_highlight)
    build_highlight (&builder);
  if (layout->n_legend_chips > 0 || layout->legend_badge != NULL)
    build_legend (&builder);
  if (layout->options.show_footer)
    waymark_scene_builder_add_footer (&builder);
  waymark_scene_builder_end_group (&builder);

  index_items (self);
  return self;
}

static void
add_ring (WaymarkSceneBuilder *builder,
          const WaymarkRect   *rect,
          double               outset,
          double               radius,
          WaymarkColor         color,
          double               width,
          double               dash)
{
  WaymarkScenePath path;
  double r = radius + outset;

  waymark_scene_path_init (&path);
  waymark_scene_path_rounded_rect (&path, rect->x - outset, rect->y - outset,
                                   rect->width + 2 * outset, rect->height + 2 * outset, r, r, r, r);
  waymark_scene_builder_add_path (builder, &path, NONE, color, width, dash);
}

/* The "+" of a hovered cell: centred in the free space below the cards
 * covering the cell (the whole cell when it is empty). Shared by the
 * overlay that draws it and the canvas that hit-tests a click on it. */
#define ADD_BUTTON_MAX   22.0
#define ADD_BUTTON_MIN   12.0
#define ADD_BUTTON_ROOM  4.0

gboolean
waymark_scene_get_add_button_rect (WaymarkLayout *layout,
                                   const char    *lane_id,
                                   const char    *phase_id,
                                   WaymarkRect   *rect)
{
  WaymarkLayoutLane *lane = NULL;
  GPtrArray *cards;
  WaymarkRect cell;
  double top, size;
  int pi = -1;

  g_return_val_if_fail (layout != NULL, FALSE);

  for (guint i = 0; lane_id != NULL && i < layout->lanes->len; i++)
    if (g_strcmp0 (((WaymarkLayoutLane *) g_ptr_array_index (layout->lanes, i))->id, lane_id) == 0)
      lane = g_ptr_array_index (layout->lanes, i);
  for (guint i = 0; phase_id != NULL && i < layout->phases->len; i++)
    if (g_strcmp0 (((WaymarkLayoutPhase *) g_ptr_array_index (layout->phases, i))->id, phase_id) == 0)
      pi = i;
  /* Only a lane that holds cards has something to add. */
  if (lane == NULL || pi < 0 || !waymark_lane_kind_holds_cards (lane->kind))
    return FALSE;

  waymark_layout_cell_rect_at (layout, lane->index, pi, &cell);
  top = cell.y;
  cards = layout->cell_cards[lane->index * layout->phases->len + pi];
  for (guint i = 0; cards != NULL && i < cards->len; i++)
    {
      const WaymarkLayoutCard *card = g_ptr_array_index (cards, i);

      top = MAX (top, card->rect.y + card->rect.height);
    }

  /* Below the tallest cell's last card there is only padding: no room
   * for a legible button, and double-click still adds a card there. */
  size = MIN (ADD_BUTTON_MAX, cell.y + cell.height - top - 2 * ADD_BUTTON_ROOM);
  size = MIN (size, cell.width - 2 * ADD_BUTTON_ROOM);
  if (size < ADD_BUTTON_MIN)
    return FALSE;
  if (rect != NULL)
    *rect = (WaymarkRect) { cell.x + (cell.width - size) / 2,
                            (top + cell.y + cell.height - size) / 2, size, size };
  return TRUE;
}

static void
add_add_button (WaymarkSceneBuilder *builder,
                const char          *lane_id,
                const WaymarkRect   *rect)
{
  WaymarkLayout *layout = builder->layout;
  WaymarkColor color = ACCENT, face = WHITE, ring, plus;
  double cx = rect->x + rect->width / 2, cy = rect->y + rect->height / 2;
  double r = rect->width / 2, arm = r * 0.45;
  WaymarkScenePath path;

  for (guint i = 0; i < layout->lanes->len; i++)
    {
      WaymarkLayoutLane *lane = g_ptr_array_index (layout->lanes, i);

      if (g_strcmp0 (lane->id, lane_id) == 0)
        {
          /* The lane's own colour, in the map's palette, so the button
           * belongs to the lane it adds to. */
          WaymarkSceneBuilder map = *builder;

          map.palette = layout->options.palette;
          color = lane_color (&map, lane);
          break;
        }
    }
  ring = waymark_color_shade (&color, 0.15);
  ring.alpha = 0.55;
  plus = waymark_color_shade (&color, 0.25);
  plus.alpha = 0.8;

  waymark_scene_path_init (&path);
  waymark_scene_path_circle (&path, cx, cy, r - 0.5);
  face.alpha = 0.85;
  waymark_scene_builder_add_path (builder, &path, face, ring, 1.0, 0);
  waymark_scene_path_init (&path);
  waymark_scene_path_move_to (&path, cx - arm, cy);
  waymark_scene_path_line_to (&path, cx + arm, cy);
  waymark_scene_path_move_to (&path, cx, cy - arm);
  waymark_scene_path_line_to (&path, cx, cy + arm);
  waymark_scene_builder_add_path (builder, &path, NONE, plus, 1.6, 0);
}

/* The grip on a card's right edge that changes how many phases it spans:
 * a pill half over the edge, so that it reads as belonging to the edge,
 * tall enough to aim at, never taller than the card. */
gboolean
waymark_scene_get_span_handle_rect (WaymarkLayout *layout,
                                    const char    *card_id,
                                    WaymarkRect   *rect)
{
  WaymarkRect card;
  double height;

  g_return_val_if_fail (layout != NULL, FALSE);

  if (card_id == NULL || !waymark_layout_get_card_rect (layout, card_id, &card))
    return FALSE;
  height = MIN (22.0, card.height - 4);
  if (rect != NULL)
    *rect = (WaymarkRect) { card.x + card.width - 4, card.y + (card.height - height) / 2, 8,
                            height };
  return TRUE;
}

static void
add_span_handle (WaymarkSceneBuilder *builder,
                 const char          *card_id)
{
  WaymarkRect rect;
  WaymarkScenePath path;

  if (!waymark_scene_get_span_handle_rect (builder->layout, card_id, &rect))
    return;
  /* Accent on a white rim: visible on every card colour and palette. */
  waymark_scene_path_init (&path);
  waymark_scene_path_rounded_rect (&path, rect.x, rect.y, rect.width, rect.height, 4, 4, 4, 4);
  waymark_scene_builder_add_path (builder, &path, ACCENT, WHITE, 1.5, 0);
  /* Two grip lines say "drag me sideways". */
  waymark_scene_path_init (&path);
  for (int i = -1; i <= 1; i += 2)
    {
      double x = rect.x + rect.width / 2 + i * 1.25;

      waymark_scene_path_move_to (&path, x, rect.y + rect.height * 0.3);
      waymark_scene_path_line_to (&path, x, rect.y + rect.height * 0.7);
    }
  waymark_scene_builder_add_path (builder, &path, NONE, WHITE, 1.0, 0);
}

WaymarkScene *
waymark_scene_new_overlay (WaymarkLayout           *layout,
                           const WaymarkSceneState *state)
{
  WaymarkScene *self;
  WaymarkSceneBuilder builder;
  WaymarkRect rect;

  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (state != NULL, NULL);

  self = scene_new (layout);
  builder.scene = self;
  builder.layout = layout;
  /* Highlights keep the accent colour in every palette: they are UI, not print. */
  builder.palette = WAYMARK_PALETTE_STANDARD;

  if (state->hovered_lane_id != NULL && state->hovered_phase_id != NULL
      && waymark_layout_get_cell_rect (layout, state->hovered_lane_id, state->hovered_phase_id,
                                       &rect))
    {
      WaymarkColor tint = ACCENT;

      tint.alpha = 0.08;
      waymark_scene_builder_add_box (&builder, &rect, 4, tint, NONE, 0);
      /* A "+" where a click adds a card: adding is seen where it happens. */
      if (waymark_scene_get_add_button_rect (layout, state->hovered_lane_id,
                                             state->hovered_phase_id, &rect))
        add_add_button (&builder, state->hovered_lane_id, &rect);
    }

  if (state->hovered_card_id != NULL
      && waymark_layout_get_card_rect (layout, state->hovered_card_id, &rect))
    {
      WaymarkColor soft = ACCENT;

      soft.alpha = 0.45;
      add_ring (&builder, &rect, 1, 4, soft, 1.2, 0);
    }

  for (guint i = 0; state->selected_card_ids != NULL && state->selected_card_ids[i] != NULL; i++)
    {
      if (waymark_layout_get_card_rect (layout, state->selected_card_ids[i], &rect))
        {
          WaymarkColor wash = ACCENT;

          wash.alpha = 0.10;
          waymark_scene_builder_add_box (&builder, &rect, 4, wash, NONE, 0);
          add_ring (&builder, &rect, 2, 4, ACCENT, 2, 0);
        }
    }

  /* The span handles over the rings, where a drag on them starts. */
  if (state->hovered_card_id != NULL)
    add_span_handle (&builder, state->hovered_card_id);
  for (guint i = 0; state->selected_card_ids != NULL && state->selected_card_ids[i] != NULL; i++)
    if (g_strcmp0 (state->selected_card_ids[i], state->hovered_card_id) != 0)
      add_span_handle (&builder, state->selected_card_ids[i]);

  if (state->focus_id != NULL
      && (waymark_layout_get_card_rect (layout, state->focus_id, &rect)
          || waymark_layout_get_phase_rect (layout, state->focus_id, &rect)
          || waymark_layout_get_lane_rect (layout, state->focus_id, &rect)))
    add_ring (&builder, &rect, 4, 4, ACCENT, 1.2, 2.5);
  else if (state->focus_id != NULL && g_strcmp0 (state->focus_id, layout->persona_id) == 0
           && layout->title_rect.width > 0)
    /* Nothing inside the map: the persona itself, by its title block. */
    add_ring (&builder, &layout->title_rect, 4, 4, ACCENT, 1.2, 2.5);
  else if (state->focus_lane_id != NULL && state->focus_phase_id != NULL
           && waymark_layout_get_cell_rect (layout, state->focus_lane_id, state->focus_phase_id,
                                            &rect))
    add_ring (&builder, &rect, -1.5, 4, ACCENT, 1.2, 2.5);

  if (state->show_drop_target)
    {
      waymark_scene_builder_add_box (&builder, &state->drop_target.indicator, 1, ACCENT, NONE, 0);
    }

  index_items (self);
  return self;
}

WaymarkScene *
waymark_scene_new_rubber_band (WaymarkLayout     *layout,
                               const WaymarkRect *band,
                               double             line_width)
{
  WaymarkScene *self;
  WaymarkSceneBuilder builder;
  WaymarkColor wash = ACCENT;

  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (band != NULL, NULL);

  self = scene_new (layout);
  builder = (WaymarkSceneBuilder) { self, layout, WAYMARK_PALETTE_STANDARD };
  wash.alpha = 0.12;
  waymark_scene_builder_add_box (&builder, band, 0, wash, ACCENT, line_width);
  index_items (self);
  return self;
}

WaymarkScene *
waymark_scene_ref (WaymarkScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
waymark_scene_unref (WaymarkScene *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < self->items->len; i++)
    {
      WaymarkSceneItem *item = &g_array_index (self->items, WaymarkSceneItem, i);

      if (item->kind == WAYMARK_SCENE_PATH)
        g_free (item->path.segments);
      else if (item->kind == WAYMARK_SCENE_GROUP_BEGIN)
        {
          g_free (item->group.id);
          g_free (item->group.description);
        }
    }
  g_array_unref (self->items);
  for (guint i = 0; i < self->n_columns * self->n_rows; i++)
    g_clear_pointer (&self->tiles[i], g_array_unref);
  g_free (self->tiles);
  g_free (self->stamps);
  g_free (self->title);
  g_clear_pointer (&self->kept_layouts, g_ptr_array_unref);
  waymark_layout_unref (self->layout);
  g_free (self);
}

void
waymark_scene_get_bounds (WaymarkScene *self,
                          WaymarkRect  *bounds)
{
  g_return_if_fail (self != NULL);
  *bounds = self->bounds;
}

const char *
waymark_scene_get_title (WaymarkScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

guint
waymark_scene_get_n_items (WaymarkScene *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->items->len;
}

const WaymarkSceneItem *
waymark_scene_get_item (WaymarkScene *self,
                        guint         index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return &g_array_index (self->items, WaymarkSceneItem, index);
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint ua = *(const guint *) a, ub = *(const guint *) b;

  return ua < ub ? -1 : ua > ub;
}

void
waymark_scene_foreach_in_rect (WaymarkScene         *self,
                               const WaymarkRect    *rect,
                               WaymarkSceneItemFunc  func,
                               gpointer              user_data)
{
  g_autoptr (GArray) visible = NULL;
  int c0, c1, r0, r1;

  g_return_if_fail (self != NULL);
  g_return_if_fail (func != NULL);

  if (rect == NULL
      || (rect->x <= self->bounds.x && rect->y <= self->bounds.y
          && rect->x + rect->width >= self->bounds.x + self->bounds.width
          && rect->y + rect->height >= self->bounds.y + self->bounds.height))
    {
      for (guint i = 0; i < self->items->len; i++)
        {
          const WaymarkSceneItem *item = &g_array_index (self->items, WaymarkSceneItem, i);

          if (item->kind != WAYMARK_SCENE_GROUP_BEGIN && item->kind != WAYMARK_SCENE_GROUP_END)
            func (item, user_data);
        }
      return;
    }

  if (rect->x >= self->bounds.x + self->bounds.width || rect->y >= self->bounds.y + self->bounds.height
      || rect->x + rect->width <= self->bounds.x || rect->y + rect->height <= self->bounds.y)
    return;

  c0 = CLAMP ((int) floor (rect->x / TILE_SIZE), 0, (int) self->n_columns - 1);
  c1 = CLAMP ((int) floor ((rect->x + rect->width) / TILE_SIZE), 0, (int) self->n_columns - 1);
  r0 = CLAMP ((int) floor (rect->y / TILE_SIZE), 0, (int) self->n_rows - 1);
  r1 = CLAMP ((int) floor ((rect->y + rect->height) / TILE_SIZE), 0, (int) self->n_rows - 1);

  /* A fresh stamp per query marks the items already collected, so an
   * item in several tiles is drawn once, without clearing an array. */
  if (++self->stamp == 0)
    {
      memset (self->stamps, 0, sizeof (guint) * MAX (self->items->len, 1));
      self->stamp = 1;
    }

  visible = g_array_new (FALSE, FALSE, sizeof (guint));
  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        GArray *tile = self->tiles[r * self->n_columns + c];

        for (guint i = 0; tile != NULL && i < tile->len; i++)
          {
            guint index = g_array_index (tile, guint, i);
            const WaymarkSceneItem *item;

            if (self->stamps[index] == self->stamp)
              continue;
            self->stamps[index] = self->stamp;
            item = &g_array_index (self->items, WaymarkSceneItem, index);
            if (waymark_rect_intersects (&item->bounds, rect))
              g_array_append_val (visible, index);
          }
      }

  g_array_sort (visible, compare_uint);
  for (guint i = 0; i < visible->len; i++)
    func (&g_array_index (self->items, WaymarkSceneItem, g_array_index (visible, guint, i)),
          user_data);
}

/* Scenes composed outside a map ------------------------------------------
 * The overview page is built item by item with the builder of
 * waymark-scene-private.h, so it shares the primitives and index above. */

WaymarkScene *
waymark_scene_new_composed (WaymarkLayout *page)
{
  g_return_val_if_fail (page != NULL, NULL);
  return scene_new (page);
}

void
waymark_scene_compose_finish (WaymarkScene *self)
{
  g_return_if_fail (self->tiles == NULL);
  /* A composed page learns its size while it is built. */
  self->bounds = (WaymarkRect) { 0, 0, self->layout->width, self->layout->height };
  index_items (self);
}

void
waymark_scene_compose_append (WaymarkScene *self,
                              WaymarkScene *other,
                              double        dx,
                              double        dy)
{
  g_return_if_fail (self->tiles == NULL);
  g_return_if_fail (other != NULL);

  /* The texts of @other's items belong to its layout. */
  if (self->kept_layouts == NULL)
    self->kept_layouts = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_layout_unref);
  g_ptr_array_add (self->kept_layouts, waymark_layout_ref (other->layout));

  for (guint i = 0; i < other->items->len; i++)
    {
      const WaymarkSceneItem *source = &g_array_index (other->items, WaymarkSceneItem, i);
      WaymarkSceneItem *item = waymark_scene_push_item (self, source->kind);

      *item = *source;
      item->bounds.x += dx;
      item->bounds.y += dy;
      switch (source->kind)
        {
        case WAYMARK_SCENE_BOX:
          item->box.rect.x += dx;
          item->box.rect.y += dy;
          break;
        case WAYMARK_SCENE_PATH:
          item->path.segments = g_memdup2 (source->path.segments,
                                           sizeof (WaymarkPathSegment) * source->path.n_segments);
          for (guint s = 0; s < item->path.n_segments; s++)
            for (guint k = 0; k < 3; k++)
              {
                item->path.segments[s].x[k] += dx;
                item->path.segments[s].y[k] += dy;
              }
          break;
        case WAYMARK_SCENE_TEXT:
          item->text.x += dx;
          item->text.y += dy;
          break;
        case WAYMARK_SCENE_GROUP_BEGIN:
          item->group.id = g_strdup (source->group.id);
          item->group.description = g_strdup (source->group.description);
          break;
        case WAYMARK_SCENE_GROUP_END:
        default:
          break;
        }
    }
}
