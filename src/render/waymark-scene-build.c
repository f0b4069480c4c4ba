/* waymark-scene-build.c: the primitives that maps and the overview page are built from
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <math.h>

#include "waymark-lane-style-private.h"
#include "waymark-scene-private.h"

/* Bézier circle constant: control points at 0.5523 r approximate a
 * quarter circle to within 0.03 %. */
#define KAPPA 0.5522847498

/* Paths */

void
waymark_scene_path_init (WaymarkScenePath *path)
{
  path->segments = g_array_new (FALSE, TRUE, sizeof (WaymarkPathSegment));
}

void
waymark_scene_path_move_to (WaymarkScenePath *path, double x, double y)
{
  WaymarkPathSegment seg = { WAYMARK_PATH_MOVE_TO, { x }, { y } };
  g_array_append_val (path->segments, seg);
}

void
waymark_scene_path_line_to (WaymarkScenePath *path, double x, double y)
{
  WaymarkPathSegment seg = { WAYMARK_PATH_LINE_TO, { x }, { y } };
  g_array_append_val (path->segments, seg);
}

void
waymark_scene_path_curve_to (WaymarkScenePath *path,
                             double x1, double y1, double x2, double y2, double x3, double y3)
{
  WaymarkPathSegment seg = { WAYMARK_PATH_CURVE_TO, { x1, x2, x3 }, { y1, y2, y3 } };
  g_array_append_val (path->segments, seg);
}

void
waymark_scene_path_close (WaymarkScenePath *path)
{
  WaymarkPathSegment seg = { WAYMARK_PATH_CLOSE, { 0 }, { 0 } };
  g_array_append_val (path->segments, seg);
}

void
waymark_scene_path_circle (WaymarkScenePath *path, double cx, double cy, double r)
{
  double k = KAPPA * r;

  waymark_scene_path_move_to (path, cx + r, cy);
  waymark_scene_path_curve_to (path, cx + r, cy + k, cx + k, cy + r, cx, cy + r);
  waymark_scene_path_curve_to (path, cx - k, cy + r, cx - r, cy + k, cx - r, cy);
  waymark_scene_path_curve_to (path, cx - r, cy - k, cx - k, cy - r, cx, cy - r);
  waymark_scene_path_curve_to (path, cx + k, cy - r, cx + r, cy - k, cx + r, cy);
  waymark_scene_path_close (path);
}

void
waymark_scene_path_rounded_rect (WaymarkScenePath *path,
                                 double x, double y, double w, double h,
                                 double tl, double tr, double br, double bl)
{
  waymark_scene_path_move_to (path, x + tl, y);
  waymark_scene_path_line_to (path, x + w - tr, y);
  if (tr > 0)
    waymark_scene_path_curve_to (path, x + w - tr + KAPPA * tr, y, x + w, y + tr - KAPPA * tr,
                                 x + w, y + tr);
  waymark_scene_path_line_to (path, x + w, y + h - br);
  if (br > 0)
    waymark_scene_path_curve_to (path, x + w, y + h - br + KAPPA * br, x + w - br + KAPPA * br,
                                 y + h, x + w - br, y + h);
  waymark_scene_path_line_to (path, x + bl, y + h);
  if (bl > 0)
    waymark_scene_path_curve_to (path, x + bl - KAPPA * bl, y + h, x, y + h - bl + KAPPA * bl,
                                 x, y + h - bl);
  waymark_scene_path_line_to (path, x, y + tl);
  if (tl > 0)
    waymark_scene_path_curve_to (path, x, y + tl - KAPPA * tl, x + tl - KAPPA * tl, y, x + tl, y);
  waymark_scene_path_close (path);
}

/* Items */

double *
waymark_scene_monotone_tangents (const double *xs,
                                 const double *ys,
                                 guint         n)
{
  g_autofree double *slope = g_new0 (double, n);
  double *tangent = g_new0 (double, n);

  g_return_val_if_fail (n >= 2, tangent);

  for (guint i = 0; i + 1 < n; i++)
    slope[i] = (ys[i + 1] - ys[i]) / MAX (xs[i + 1] - xs[i], 1e-6);
  tangent[0] = slope[0];
  tangent[n - 1] = slope[n - 2];
  for (guint i = 1; i + 1 < n; i++)
    tangent[i] = slope[i - 1] * slope[i] <= 0 ? 0 : (slope[i - 1] + slope[i]) / 2;
  for (guint i = 0; i + 1 < n; i++)
    {
      double a, b, h;

      if (slope[i] == 0)
        {
          tangent[i] = tangent[i + 1] = 0;
          continue;
        }
      a = tangent[i] / slope[i];
      b = tangent[i + 1] / slope[i];
      h = a * a + b * b;
      if (h > 9)
        {
          tangent[i] = 3 / sqrt (h) * a * slope[i];
          tangent[i + 1] = 3 / sqrt (h) * b * slope[i];
        }
    }
  return tangent;
}

WaymarkColor
waymark_scene_builder_filter (WaymarkSceneBuilder *builder,
                              WaymarkColor         color)
{
  return waymark_palette_filter (builder->palette, &color);
}

WaymarkColor
waymark_scene_builder_ink_on (WaymarkSceneBuilder *builder,
                              WaymarkColor         fill)
{
  WaymarkColor filtered = waymark_scene_builder_filter (builder, fill);
  WaymarkColor ink = INK;
  double l = waymark_color_luminance (&filtered);
  /* WCAG contrast ratios against white and against the ink: take the better. */
  double with_white = 1.05 / (l + 0.05);
  double with_ink = (l + 0.05) / (waymark_color_luminance (&ink) + 0.05);

  return with_ink > with_white ? INK : WHITE;
}

void
waymark_scene_builder_begin_described_group (WaymarkSceneBuilder *builder,
                                             const char          *id,
                                             const char          *css_class,
                                             const char          *description)
{
  WaymarkSceneItem *item = waymark_scene_push_item (builder->scene, WAYMARK_SCENE_GROUP_BEGIN);

  item->group.id = g_strdup (id);
  item->group.css_class = css_class;
  item->group.description = g_strdup (description);
}

void
waymark_scene_builder_begin_group (WaymarkSceneBuilder *builder,
                                   const char          *id,
                                   const char          *css_class)
{
  waymark_scene_builder_begin_described_group (builder, id, css_class, NULL);
}

void
waymark_scene_builder_end_group (WaymarkSceneBuilder *builder)
{
  waymark_scene_push_item (builder->scene, WAYMARK_SCENE_GROUP_END);
}

void
waymark_scene_builder_add_box (WaymarkSceneBuilder *builder,
                               const WaymarkRect   *rect,
                               double               radius,
                               WaymarkColor         fill,
                               WaymarkColor         stroke,
                               double               line_width)
{
  WaymarkSceneItem *item = waymark_scene_push_item (builder->scene, WAYMARK_SCENE_BOX);

  item->box.rect = *rect;
  item->box.radius = MIN (radius, MIN (rect->width, rect->height) / 2);
  item->paint.fill = waymark_scene_builder_filter (builder, fill);
  item->paint.stroke = waymark_scene_builder_filter (builder, stroke);
  item->paint.line_width = line_width;
  item->bounds = *rect;
  if (stroke.alpha > 0)
    {
      item->bounds.x -= line_width / 2;
      item->bounds.y -= line_width / 2;
      item->bounds.width += line_width;
      item->bounds.height += line_width;
    }
}

void
waymark_scene_builder_add_path (WaymarkSceneBuilder *builder,
                                WaymarkScenePath    *path,
                                WaymarkColor         fill,
                                WaymarkColor         stroke,
                                double               line_width,
                                double               dash)
{
  WaymarkSceneItem *item = waymark_scene_push_item (builder->scene, WAYMARK_SCENE_PATH);
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  double pad = stroke.alpha > 0 ? line_width : 0;

  item->path.n_segments = path->segments->len;
  item->path.segments = (WaymarkPathSegment *) (void *) g_array_free (path->segments, FALSE);
  path->segments = NULL;
  item->paint.fill = waymark_scene_builder_filter (builder, fill);
  item->paint.stroke = waymark_scene_builder_filter (builder, stroke);
  item->paint.line_width = line_width;
  item->paint.dash = dash;

  /* The control polygon contains a Bézier curve: good enough for culling. */
  for (guint i = 0; i < item->path.n_segments; i++)
    {
      const WaymarkPathSegment *seg = &item->path.segments[i];
      int n = seg->op == WAYMARK_PATH_CURVE_TO ? 3 : seg->op == WAYMARK_PATH_CLOSE ? 0 : 1;

      for (int j = 0; j < n; j++)
        {
          x0 = MIN (x0, seg->x[j]);
          y0 = MIN (y0, seg->y[j]);
          x1 = MAX (x1, seg->x[j]);
          y1 = MAX (y1, seg->y[j]);
        }
    }
  if (x0 > x1)
    x0 = x1 = y0 = y1 = 0;
  item->bounds = (WaymarkRect) { x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad };
}

void
waymark_scene_builder_add_text (WaymarkSceneBuilder *builder,
                                WaymarkLayoutText   *text,
                                double               x,
                                double               y,
                                WaymarkColor         color)
{
  const WaymarkTextStyleInfo *info;
  WaymarkSceneItem *item;
  double left = G_MAXDOUBLE, right = -G_MAXDOUBLE;

  if (text == NULL || text->n_lines == 0)
    return;

  info = waymark_text_style_get_info (text->style);
  item = waymark_scene_push_item (builder->scene, WAYMARK_SCENE_TEXT);
  /* The softer inks are for hierarchy, which high contrast gives up for
   * 7:1 text everywhere. */
  if (builder->layout != NULL && builder->layout->options.high_contrast)
    {
      WaymarkColor soft = INK_SOFT, faint = INK_FAINT;

      if (memcmp (&color, &soft, sizeof color) == 0 || memcmp (&color, &faint, sizeof color) == 0)
        color = (WaymarkColor) INK;
    }
  item->paint.fill = waymark_scene_builder_filter (builder, color);
  item->text.x = x;
  item->text.y = y;
  item->text.layout = text->layout;
  item->text.font_family = info->family;
  item->text.font_size = info->size;
  item->text.font_weight = info->weight;
  item->text.italic = info->italic;
  item->text.align = text->align;
  item->text.lines = text->lines;
  item->text.n_lines = text->n_lines;

  for (guint i = 0; i < text->n_lines; i++)
    {
      left = MIN (left, text->lines[i].x);
      right = MAX (right, text->lines[i].x + text->lines[i].width);
    }
  /* Ink can stick out of the logical box a little (accents, italics). */
  item->bounds = (WaymarkRect) { x + left - 3, y - 3, right - left + 6, text->height + 6 };
}

void
waymark_scene_builder_add_circle (WaymarkSceneBuilder *builder,
                                  double               cx,
                                  double               cy,
                                  double               r,
                                  WaymarkColor         fill,
                                  WaymarkColor         stroke,
                                  double               line_width)
{
  WaymarkScenePath path;

  waymark_scene_path_init (&path);
  waymark_scene_path_circle (&path, cx, cy, r);
  waymark_scene_builder_add_path (builder, &path, fill, stroke, line_width, 0);
}

void
waymark_scene_builder_add_kind_icon (WaymarkSceneBuilder *builder,
                                     WaymarkLaneKind      kind,
                                     const WaymarkRect   *r,
                                     WaymarkColor         color,
                                     WaymarkColor         inner)
{
  waymark_lane_style_get (kind)->draw_icon (builder, r, color, inner);
}

void
waymark_scene_builder_add_footer (WaymarkSceneBuilder *builder)
{
  WaymarkLayout *layout = builder->layout;
  WaymarkScenePath path;

  waymark_scene_builder_begin_group (builder, "footer", "footer");
  waymark_scene_path_init (&path);
  waymark_scene_path_move_to (&path, layout->footer_rect.x, layout->footer_rect.y);
  waymark_scene_path_line_to (&path, layout->footer_rect.x + layout->footer_rect.width,
                              layout->footer_rect.y);
  waymark_scene_builder_add_path (builder, &path, NONE, RULE, 0.6, 0);
  waymark_scene_builder_add_text (builder, layout->footer_title, layout->footer_title_rect.x,
                                  layout->footer_title_rect.y, INK_FAINT);
  if (layout->footer_page != NULL)
    waymark_scene_builder_add_text (builder, layout->footer_page, layout->footer_page_rect.x,
                                    layout->footer_page_rect.y, INK_FAINT);
  waymark_scene_builder_end_group (builder);
}

void
waymark_scene_builder_add_badge (WaymarkSceneBuilder *builder,
                                 const WaymarkRect   *rect,
                                 WaymarkLayoutText   *number)
{
  waymark_scene_builder_add_box (builder, rect, rect->height / 2, BADGE_FILL, NONE, 0);
  waymark_scene_builder_add_text (builder, number, rect->x + (rect->width - number->width) / 2,
                                  rect->y + (rect->height - number->height) / 2, WHITE);
}

void
waymark_scene_builder_add_highlight (WaymarkSceneBuilder *builder,
                                     const WaymarkRect   *rect,
                                     double               radius)
{
  WaymarkColor glow = HIGHLIGHT_GLOW;
  WaymarkScenePath path;

  /* Two strokes of the glow, wide and faint under narrow and stronger,
   * read as light around the card rather than as a second border. */
  for (guint i = 0; i < 2; i++)
    {
      double outset = i == 0 ? 4.0 : 2.6;
      double r = radius + outset;

      glow.alpha = i == 0 ? 0.4 : 0.75;
      waymark_scene_path_init (&path);
      waymark_scene_path_rounded_rect (&path, rect->x - outset, rect->y - outset,
                                       rect->width + 2 * outset, rect->height + 2 * outset,
                                       r, r, r, r);
      waymark_scene_builder_add_path (builder, &path, NONE, glow, i == 0 ? 4.0 : 2.5, 0);
    }
  /* The ring stands a little off the edge, on the page's white, so that
   * it reads on a fill of any colour, a deep heat cell too. */
  waymark_scene_path_init (&path);
  waymark_scene_path_rounded_rect (&path, rect->x - 1.6, rect->y - 1.6, rect->width + 3.2,
                                   rect->height + 3.2, radius + 1.6, radius + 1.6, radius + 1.6,
                                   radius + 1.6);
  /* On a mono printer the amber turns a light grey: the ring goes dark
   * and a little wider there, so that it still stands out. */
  if (builder->palette == WAYMARK_PALETTE_GREYSCALE)
    waymark_scene_builder_add_path (builder, &path, NONE, INK, 1.8, 0);
  else
    waymark_scene_builder_add_path (builder, &path, NONE, HIGHLIGHT_RING, 1.6, 0);
}
