/* waymark-cairo-backend.c: draws a scene with cairo
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <hb-ot.h>
#include <pango/pangocairo.h>

#include "waymark-cairo-backend.h"
#include "waymark-glyph-runs-private.h"

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
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   radius)
{
  double k;

  if (radius <= 0)
    {
      cairo_rectangle (cr, x, y, w, h);
      return;
    }

  /* The same Bézier corners as the SVG writer's rx/ry, near enough. */
  k = KAPPA * radius;
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

static void
draw_box (cairo_t                *cr,
          const WaymarkSceneItem *item,
          gboolean                vector)
{
  const WaymarkRect *r = &item->box.rect;
  const WaymarkPaint *paint = &item->paint;
  double radius = item->box.radius;
  double half = paint->line_width / 2;

  /* On raster targets, a solid border is two fills (the outline's outer
   * shape in the border colour, the inside over it) rather than a fill and
   * a stroke: cairo fills much faster than it strokes, and a screenful of
   * cards has a hundred borders. Vector targets keep the real stroke. */
  if (!vector && paint->stroke.alpha > 0 && paint->line_width > 0 && paint->dash <= 0
      && (paint->fill.alpha >= 1 || paint->fill.alpha <= 0) && r->width > paint->line_width
      && r->height > paint->line_width)
    {
      rounded_rect (cr, r->x - half, r->y - half, r->width + 2 * half, r->height + 2 * half,
                    radius > 0 ? radius + half : 0);
      if (paint->fill.alpha <= 0)
        {
          /* A ring: the outer shape minus the inner one. */
          rounded_rect (cr, r->x + half, r->y + half, r->width - 2 * half, r->height - 2 * half,
                        MAX (radius - half, 0));
          cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
          set_color (cr, &paint->stroke);
          cairo_fill (cr);
          cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
          return;
        }
      set_color (cr, &paint->stroke);
      cairo_fill (cr);
      rounded_rect (cr, r->x + half, r->y + half, r->width - 2 * half, r->height - 2 * half,
                    MAX (radius - half, 0));
      set_color (cr, &paint->fill);
      cairo_fill (cr);
      return;
    }

  rounded_rect (cr, r->x, r->y, r->width, r->height, radius);
  fill_and_stroke (cr, paint);
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

static GQuark glyph_runs_quark;

WaymarkGlyphRuns *
_waymark_glyph_runs_ref (WaymarkGlyphRuns *runs)
{
  g_atomic_ref_count_inc (&runs->ref_count);
  return runs;
}

void
_waymark_glyph_runs_unref (WaymarkGlyphRuns *runs)
{
  if (!g_atomic_ref_count_dec (&runs->ref_count))
    return;
  for (guint i = 0; i < runs->n_runs; i++)
    {
      cairo_scaled_font_destroy (runs->runs[i].font);
      g_free (runs->runs[i].glyphs);
    }
  g_free (runs->runs);
  g_free (runs);
}

gboolean
_waymark_glyph_runs_equal (const WaymarkGlyphRuns *a,
                           const WaymarkGlyphRuns *b)
{
  if (a == b)
    return TRUE;
  if (a->hash != b->hash || a->n_runs != b->n_runs)
    return FALSE;
  for (guint i = 0; i < a->n_runs; i++)
    {
      const WaymarkGlyphRun *ra = &a->runs[i], *rb = &b->runs[i];

      if (ra->font != rb->font || ra->n_glyphs != rb->n_glyphs || ra->outline != rb->outline
          || memcmp (ra->glyphs, rb->glyphs, sizeof (cairo_glyph_t) * ra->n_glyphs) != 0)
        return FALSE;
    }
  return TRUE;
}

/* FNV-1a over the bytes that decide how the text looks. */
static guint
hash_bytes (guint         hash,
            gconstpointer data,
            gsize         length)
{
  const guchar *bytes = data;

  for (gsize i = 0; i < length; i++)
    hash = (hash ^ bytes[i]) * 16777619u;
  return hash;
}

static guint
hash_runs (const WaymarkGlyphRuns *runs)
{
  guint hash = 2166136261u;

  for (guint i = 0; i < runs->n_runs; i++)
    {
      hash = hash_bytes (hash, &runs->runs[i].font, sizeof (runs->runs[i].font));
      hash = hash_bytes (hash, runs->runs[i].glyphs,
                         sizeof (cairo_glyph_t) * runs->runs[i].n_glyphs);
    }
  return hash;
}

/* Colour emoji (bitmaps, layers, SVG) have no outline to fill: asking
 * cairo for their path would put the whole cairo_t in an error state. */
static gboolean
has_only_outlines (PangoFont *font)
{
  hb_font_t *hb_font = pango_font_get_hb_font (font);
  hb_face_t *face;

  if (hb_font == NULL)
    return FALSE;
  face = hb_font_get_face (hb_font);
  return !hb_ot_color_has_png (face) && !hb_ot_color_has_layers (face)
         && !hb_ot_color_has_svg (face);
}

/* Drawing the glyphs with cairo_show_glyphs() is about twice as fast as
 * pango_cairo_show_layout(), which matters for a canvas redrawing a
 * screenful of cards per frame. */
static WaymarkGlyphRuns *
build_glyph_runs (PangoLayout *layout)
{
  WaymarkGlyphRuns *result = g_new0 (WaymarkGlyphRuns, 1);
  GArray *runs = g_array_new (FALSE, TRUE, sizeof (WaymarkGlyphRun));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  PangoRectangle ink;

  g_atomic_ref_count_init (&result->ref_count);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      PangoRectangle logical;
      WaymarkGlyphRun out;
      double x, y;
      int x_offset = 0;

      if (run == NULL)
        continue;
      if (!PANGO_IS_CAIRO_FONT (run->item->analysis.font))
        {
          result->use_pango = TRUE;
          break;
        }
      pango_layout_iter_get_run_extents (iter, NULL, &logical);
      x = (double) logical.x / PANGO_SCALE;
      y = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

      out.font = cairo_scaled_font_reference (
        pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (run->item->analysis.font)));
      out.outline = has_only_outlines (run->item->analysis.font);
      out.glyphs = g_new (cairo_glyph_t, MAX (run->glyphs->num_glyphs, 1));
      out.n_glyphs = 0;
      /* Glyph strings are in visual order, left to right, also in RTL runs. */
      for (int i = 0; i < run->glyphs->num_glyphs; i++)
        {
          const PangoGlyphInfo *info = &run->glyphs->glyphs[i];

          if (info->glyph & PANGO_GLYPH_UNKNOWN_FLAG)
            result->use_pango = TRUE;
          else if (info->glyph != PANGO_GLYPH_EMPTY)
            {
              out.glyphs[out.n_glyphs].index = info->glyph;
              out.glyphs[out.n_glyphs].x = x + (double) (x_offset + info->geometry.x_offset)
                                                 / PANGO_SCALE;
              out.glyphs[out.n_glyphs].y = y + (double) info->geometry.y_offset / PANGO_SCALE;
              out.n_glyphs++;
            }
          x_offset += info->geometry.width;
        }
      g_array_append_val (runs, out);
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  result->n_runs = runs->len;
  result->runs = (WaymarkGlyphRun *) (void *) g_array_free (runs, FALSE);
  result->hash = hash_runs (result);
  pango_layout_get_extents (layout, &ink, NULL);
  result->ink_x = (double) ink.x / PANGO_SCALE;
  result->ink_y = (double) ink.y / PANGO_SCALE;
  result->ink_width = (double) ink.width / PANGO_SCALE;
  result->ink_height = (double) ink.height / PANGO_SCALE;
  return result;
}

/* Vector surfaces get pango's path: it uses cairo_show_text_glyphs(),
 * which keeps the text behind the glyphs, so PDF text can be selected,
 * searched and extracted. */
static gboolean
is_vector_target (cairo_t *cr)
{
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
    case CAIRO_SURFACE_TYPE_SCRIPT:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Whether @font draws so few pixels per em on @cr that whole-pixel glyph
 * positions visibly change the spacing: body text at 100–150 % zoom and
 * in PNGs at scale 1. Above this, a pixel is a small fraction of a space
 * and cairo_show_glyphs() is about four times faster than filling
 * outlines (waymark-bench, viewport redraw). */
gboolean
_waymark_glyph_run_is_small (cairo_t             *cr,
                             cairo_scaled_font_t *font)
{
  cairo_matrix_t font_matrix;
  double dx, dy;

  cairo_scaled_font_get_font_matrix (font, &font_matrix);
  dx = font_matrix.xx;
  dy = font_matrix.yx;
  cairo_user_to_device_distance (cr, &dx, &dy);
  return hypot (dx, dy) < 16.0;
}

static WaymarkGlyphRuns *
get_glyph_runs (PangoLayout *layout)
{
  WaymarkGlyphRuns *runs = g_object_get_qdata (G_OBJECT (layout), glyph_runs_quark);

  if (runs == NULL)
    {
      runs = build_glyph_runs (layout);
      g_object_set_qdata_full (G_OBJECT (layout), glyph_runs_quark, runs,
                               (GDestroyNotify) _waymark_glyph_runs_unref);
    }
  return runs;
}

static gboolean
has_small_outlines (cairo_t                *cr,
                    const WaymarkGlyphRuns *runs)
{
  for (guint i = 0; i < runs->n_runs; i++)
    if (runs->runs[i].outline && _waymark_glyph_run_is_small (cr, runs->runs[i].font))
      return TRUE;
  return FALSE;
}

static void
draw_text (cairo_t                *cr,
           const WaymarkSceneItem *item,
           gboolean                vector,
           WaymarkTextCache       *text_cache)
{
  PangoLayout *layout = item->text.layout;
  WaymarkGlyphRuns *runs;
  gboolean outlines_done = FALSE;

  /* The layout was shaped once, unhinted, at 72 dpi; drawing it at any
   * zoom or on a PDF surface keeps its line breaks. */
  set_color (cr, &item->paint.fill);

  runs = vector ? NULL : get_glyph_runs (layout);
  if (vector || runs->use_pango)
    {
      cairo_move_to (cr, item->text.x, item->text.y);
      pango_cairo_show_layout (cr, layout);
      cairo_new_path (cr);
      return;
    }

  if (text_cache != NULL && has_small_outlines (cr, runs))
    outlines_done = _waymark_text_cache_draw (text_cache, cr, runs, item->text.x, item->text.y);

  cairo_save (cr);
  cairo_translate (cr, item->text.x, item->text.y);
  for (guint i = 0; i < runs->n_runs; i++)
    {
      const WaymarkGlyphRun *run = &runs->runs[i];

      if (run->outline && outlines_done)
        continue;
      cairo_set_scaled_font (cr, run->font);
      if (run->outline && _waymark_glyph_run_is_small (cr, run->font))
        {
          /* Cairo 1.16 puts every glyph it shows on a raster at a whole
           * pixel. At 100% a space is about two pixels wide, so rounding
           * two neighbours the wrong way closed the gap ("vacatures
           * analyseren" read as one word) and letters jittered. Filled
           * outlines keep the layout's fractional positions, so small text
           * is spaced as in the PDF. Outlines are cached per glyph by cairo;
           * views that redraw often keep the filled result in a
           * WaymarkTextCache. */
          cairo_glyph_path (cr, run->glyphs, run->n_glyphs);
          cairo_fill (cr);
        }
      else
        cairo_show_glyphs (cr, run->glyphs, run->n_glyphs);
    }
  cairo_restore (cr);
}

typedef struct {
  cairo_t          *cr;
  gboolean          vector;      /* PDF, PS, SVG: keep text and strokes as they are */
  WaymarkTextCache *text_cache;  /* or NULL */
} DrawContext;

static void
draw_item (const WaymarkSceneItem *item,
           gpointer                user_data)
{
  DrawContext *context = user_data;
  cairo_t *cr = context->cr;

  switch (item->kind)
    {
    case WAYMARK_SCENE_BOX:
      draw_box (cr, item, context->vector);
      break;
    case WAYMARK_SCENE_PATH:
      draw_path (cr, item);
      break;
    case WAYMARK_SCENE_TEXT:
      draw_text (cr, item, context->vector, context->text_cache);
      break;
    case WAYMARK_SCENE_GROUP_BEGIN:
    case WAYMARK_SCENE_GROUP_END:
    default:
      break;
    }
}

void
waymark_cairo_backend_draw_cached (WaymarkScene      *scene,
                                   cairo_t           *cr,
                                   const WaymarkRect *clip,
                                   WaymarkTextCache  *text_cache)
{
  DrawContext context;

  g_return_if_fail (scene != NULL);
  g_return_if_fail (cr != NULL);

  if (glyph_runs_quark == 0)
    glyph_runs_quark = g_quark_from_static_string ("waymark-glyph-runs");
  context.cr = cr;
  context.vector = is_vector_target (cr);
  context.text_cache = context.vector ? NULL : text_cache;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  if (clip != NULL)
    {
      cairo_rectangle (cr, clip->x, clip->y, clip->width, clip->height);
      cairo_clip (cr);
    }
  waymark_scene_foreach_in_rect (scene, clip, draw_item, &context);
  cairo_restore (cr);
}

void
waymark_cairo_backend_draw (WaymarkScene      *scene,
                            cairo_t           *cr,
                            const WaymarkRect *clip)
{
  waymark_cairo_backend_draw_cached (scene, cr, clip, NULL);
}

void
waymark_cairo_backend_draw_on_page (WaymarkScene *scene,
                                    double        width,
                                    double        height,
                                    cairo_t      *cr,
                                    double        page_width,
                                    double        page_height)
{
  double scale = MIN (page_width / width, page_height / height);

  cairo_save (cr);
  cairo_translate (cr, (page_width - width * scale) / 2, (page_height - height * scale) / 2);
  cairo_scale (cr, scale, scale);
  waymark_cairo_backend_draw (scene, cr, NULL);
  cairo_restore (cr);
}
