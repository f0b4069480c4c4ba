/* waymark-cairo-backend.c: draws a scene with cairo
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <pango/pangocairo.h>

#include "waymark-cairo-backend.h"

#define KAPPA 0.5522847498

static void
set_color (cairo_t            *cr,
           const WaymarkColor *color)
{
  if (color->alpha >= 1.0)
    cairo_set_source_rgb (cr, color->red, color->green, color->blue);
  else
    cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
fill_and_stroke (cairo_t            *cr,
                 const WaymarkPaint *paint)
{
  gboolean fill = paint->fill.alpha > 0;
  gboolean stroke = paint->stroke.alpha > 0 && paint->line_width > 0;

  if (fill)
    {
      set_color (cr, &paint->fill);
      if (stroke)
        cairo_fill_preserve (cr);
      else
        cairo_fill (cr);
    }
  if (stroke)
    {
      set_color (cr, &paint->stroke);
      cairo_set_line_width (cr, paint->line_width);
      if (paint->dash > 0)
        cairo_set_dash (cr, &paint->dash, 1, 0);
      cairo_stroke (cr);
      if (paint->dash > 0)
        cairo_set_dash (cr, NULL, 0, 0);
    }
  if (!fill && !stroke)
    cairo_new_path (cr);
}

static void
draw_box (cairo_t                *cr,
          const WaymarkSceneItem *item)
{
  const WaymarkRect *r = &item->box.rect;
  double radius = item->box.radius;

  if (radius <= 0)
    {
      cairo_rectangle (cr, r->x, r->y, r->width, r->height);
    }
  else
    {
      double x = r->x, y = r->y, w = r->width, h = r->height, k = KAPPA * radius;

      /* The same Bézier corners as the SVG writer's rx/ry, near enough. */
      cairo_move_to (cr, x + radius, y);
      cairo_line_to (cr, x + w - radius, y);
      cairo_curve_to (cr, x + w - radius + k, y, x + w, y + radius - k, x + w, y + radius);
      cairo_line_to (cr, x + w, y + h - radius);
      cairo_curve_to (cr, x + w, y + h - radius + k, x + w - radius + k, y + h, x + w - radius, y + h);
      cairo_line_to (cr, x + radius, y + h);
      cairo_curve_to (cr, x + radius - k, y + h, x, y + h - radius + k, x, y + h - radius);
      cairo_line_to (cr, x, y + radius);
      cairo_curve_to (cr, x, y + radius - k, x + radius - k, y, x + radius, y);
      cairo_close_path (cr);
    }
  fill_and_stroke (cr, &item->paint);
}

static void
draw_path (cairo_t                *cr,
           const WaymarkSceneItem *item)
{
  for (guint i = 0; i < item->path.n_segments; i++)
    {
      const WaymarkPathSegment *seg = &item->path.segments[i];

      switch (seg->op)
        {
        case WAYMARK_PATH_MOVE_TO:
          cairo_move_to (cr, seg->x[0], seg->y[0]);
          break;
        case WAYMARK_PATH_LINE_TO:
          cairo_line_to (cr, seg->x[0], seg->y[0]);
          break;
        case WAYMARK_PATH_CURVE_TO:
          cairo_curve_to (cr, seg->x[0], seg->y[0], seg->x[1], seg->y[1], seg->x[2], seg->y[2]);
          break;
        case WAYMARK_PATH_CLOSE:
          cairo_close_path (cr);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  fill_and_stroke (cr, &item->paint);
}

static void
draw_text (cairo_t                *cr,
           const WaymarkSceneItem *item)
{
  /* The layout was shaped once, unhinted, at 72 dpi; drawing it at any
   * zoom or on a PDF surface keeps its line breaks. */
  set_color (cr, &item->paint.fill);
  cairo_move_to (cr, item->text.x, item->text.y);
  pango_cairo_show_layout (cr, item->text.layout);
  cairo_new_path (cr);
}

static void
draw_item (const WaymarkSceneItem *item,
           gpointer                user_data)
{
  cairo_t *cr = user_data;

  switch (item->kind)
    {
    case WAYMARK_SCENE_BOX:
      draw_box (cr, item);
      break;
    case WAYMARK_SCENE_PATH:
      draw_path (cr, item);
      break;
    case WAYMARK_SCENE_TEXT:
      draw_text (cr, item);
      break;
    case WAYMARK_SCENE_GROUP_BEGIN:
    case WAYMARK_SCENE_GROUP_END:
    default:
      break;
    }
}

void
waymark_cairo_backend_draw (WaymarkScene      *scene,
                            cairo_t           *cr,
                            const WaymarkRect *clip)
{
  g_return_if_fail (scene != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  if (clip != NULL)
    {
      cairo_rectangle (cr, clip->x, clip->y, clip->width, clip->height);
      cairo_clip (cr);
    }
  waymark_scene_foreach_in_rect (scene, clip, draw_item, cr);
  cairo_restore (cr);
}
