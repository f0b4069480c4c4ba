/* waymark-text-cache.c: small text rasterised once, for a view that
 * redraws the same map frame after frame
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Why this exists: cairo 1.16 puts every glyph it shows on a raster at a
 * whole pixel, which at 100 % zoom visibly runs words together, so the
 * cairo backend fills small text as glyph outlines, which keep the
 * layout's fractional positions. Filling outlines is about ten times
 * slower than showing glyphs: a screenful of the large benchmark map took
 * 30 ms instead of 3. Newer cairo (1.17.4) caches glyph images per
 * quarter-pixel position itself; on the Debian 12 floor we do the same
 * one level up: each text block's outlines are filled once into an alpha
 * mask per zoom and quarter-pixel phase, and later frames composite the
 * mask, which pixman does in a fraction of the time.
 *
 * The first frame at a new zoom still had to fill every glyph of the
 * screen: about 20 ms on the large benchmark map, nearly all of it in
 * cairo's scan converter. But a screenful of text is a few thousand
 * glyphs drawn from a few hundred distinct shapes. So a text block's mask
 * is put together from masks of single glyphs, each filled once per zoom
 * and quarter-pixel phase and then added into every block that shows it
 * (what cairo 1.17's own glyph cache does). Glyphs do not overlap within
 * a word, and where anti-aliased edges meet, adding coverage is what
 * filling the union computes; each glyph lands within an eighth of a
 * pixel of its exact place, as the block's origin always did.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "waymark-glyph-runs-private.h"
#include "waymark-text-cache.h"

/* Positions are rounded to a quarter of a pixel: the difference to the
 * exact position is at most an eighth of a pixel, below what anti-aliasing
 * shows, and a view scrolled by whole pixels reuses every mask. */
#define PHASES 4

/* Beyond this, a text block is drawn directly rather than cached: a mask
 * this large (a title at a high zoom) would evict a screenful of cards. */
#define MAX_MASK_PIXELS (1024 * 1024)

/* The glyph masks of one zoom: a screenful needs a few hundred, well
 * under a MiB; past this many bytes they are all dropped and made again
 * as needed. */
#define MAX_GLYPH_BYTES (4 * 1024 * 1024)
/* A glyph larger than this (a heading at a high zoom) is filled straight
 * into its block's mask. */
#define MAX_GLYPH_SIDE 128

/* One glyph filled at one scale and phase. */
typedef struct {
  cairo_scaled_font_t *font;       /* a reference */
  unsigned long        index;
  int                  phase_x, phase_y;
  guint                hash;
  int                  left, top;  /* of the bitmap, in pixels from the glyph's pixel */
  int                  width, height;
  guint8              *pixels;     /* width × height coverage, tightly packed */
} GlyphMask;

typedef struct {
  /* The key */
  guint             hash;
  WaymarkGlyphRuns *runs;
  double            scale_x, scale_y;  /* backend pixels per user unit */
  int               phase_x, phase_y;  /* in quarters of a pixel */

  /* The value */
  cairo_surface_t  *mask;      /* CAIRO_FORMAT_A8 */
  int               left, top; /* of the mask, in pixels from the text origin */
  gsize             bytes;
  GList             link;      /* in the cache's recency list */
} Entry;

struct _WaymarkTextCache {
  GHashTable *entries;   /* Entry → Entry, owned */
  GQueue      recency;   /* most recently drawn first */
  gsize       max_bytes;
  double      target_scale;   /* see waymark_text_cache_set_target_scale () */
  WaymarkTextCacheStats stats;

  /* The glyph masks, for one scale at a time. */
  GHashTable      *glyphs;       /* GlyphMask → GlyphMask, owned */
  double           glyph_scale_x, glyph_scale_y;
  gsize            glyph_bytes;
  cairo_surface_t *scratch;      /* A8, MAX_GLYPH_SIDE square, to fill glyphs in */
  cairo_t         *scratch_cr;
};

static guint
entry_hash (gconstpointer data)
{
  return ((const Entry *) data)->hash;
}

static gboolean
entry_equal (gconstpointer a,
             gconstpointer b)
{
  const Entry *ea = a, *eb = b;

  return ea->scale_x == eb->scale_x && ea->scale_y == eb->scale_y
         && ea->phase_x == eb->phase_x && ea->phase_y == eb->phase_y
         && _waymark_glyph_runs_equal (ea->runs, eb->runs);
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  cairo_surface_destroy (entry->mask);
  _waymark_glyph_runs_unref (entry->runs);
  g_free (entry);
}

static guint
glyph_hash (gconstpointer data)
{
  return ((const GlyphMask *) data)->hash;
}

static gboolean
glyph_equal (gconstpointer a,
             gconstpointer b)
{
  const GlyphMask *ga = a, *gb = b;

  return ga->font == gb->font && ga->index == gb->index && ga->phase_x == gb->phase_x
         && ga->phase_y == gb->phase_y;
}

static void
glyph_free (gpointer data)
{
  GlyphMask *glyph = data;

  cairo_scaled_font_destroy (glyph->font);
  g_free (glyph->pixels);
  g_free (glyph);
}

WaymarkTextCache *
waymark_text_cache_new (gsize max_bytes)
{
  WaymarkTextCache *cache = g_new0 (WaymarkTextCache, 1);

  cache->entries = g_hash_table_new_full (entry_hash, entry_equal, entry_free, NULL);
  cache->glyphs = g_hash_table_new_full (glyph_hash, glyph_equal, glyph_free, NULL);
  g_queue_init (&cache->recency);
  cache->max_bytes = max_bytes;
  cache->target_scale = 1;
  return cache;
}

void
waymark_text_cache_set_target_scale (WaymarkTextCache *cache,
                                     double            scale)
{
  g_return_if_fail (cache != NULL);
  g_return_if_fail (scale > 0);

  cache->target_scale = scale;
}

void
waymark_text_cache_clear (WaymarkTextCache *cache)
{
  g_return_if_fail (cache != NULL);

  /* The links live inside the entries: forget them before freeing those. */
  g_queue_init (&cache->recency);
  g_hash_table_remove_all (cache->entries);
  g_hash_table_remove_all (cache->glyphs);
  cache->glyph_bytes = 0;
  cache->stats.bytes = 0;
  cache->stats.n_entries = 0;
}

void
waymark_text_cache_free (WaymarkTextCache *cache)
{
  if (cache == NULL)
    return;
  waymark_text_cache_clear (cache);
  g_hash_table_unref (cache->entries);
  g_hash_table_unref (cache->glyphs);
  g_clear_pointer (&cache->scratch_cr, cairo_destroy);
  g_clear_pointer (&cache->scratch, cairo_surface_destroy);
  g_free (cache);
}

void
waymark_text_cache_get_stats (WaymarkTextCache      *cache,
                              WaymarkTextCacheStats *stats)
{
  g_return_if_fail (cache != NULL);
  g_return_if_fail (stats != NULL);

  *stats = cache->stats;
}

static void
evict_to_budget (WaymarkTextCache *cache)
{
  while (cache->stats.bytes > cache->max_bytes && cache->recency.tail != NULL)
    {
      Entry *oldest = cache->recency.tail->data;

      g_queue_unlink (&cache->recency, &oldest->link);
      cache->stats.bytes -= oldest->bytes;
      cache->stats.n_entries--;
      cache->stats.evictions++;
      g_hash_table_remove (cache->entries, oldest);
    }
}

/* Fills one glyph of @font at the cache's scale, its origin @phase_x,
 * @phase_y quarters of a pixel into its pixel. NULL when it is too large
 * to keep: the caller fills it in place. */
static GlyphMask *
render_glyph (WaymarkTextCache    *cache,
              cairo_scaled_font_t *font,
              unsigned long        index,
              int                  phase_x,
              int                  phase_y)
{
  cairo_glyph_t glyph = { index, 0, 0 };
  cairo_text_extents_t ink;
  double fx = (double) phase_x / PHASES, fy = (double) phase_y / PHASES;
  double sx = cache->glyph_scale_x, sy = cache->glyph_scale_y;
  GlyphMask *mask;
  guint8 *data;
  int stride, right, bottom;

  cairo_scaled_font_glyph_extents (font, &glyph, 1, &ink);
  mask = g_new0 (GlyphMask, 1);
  mask->font = cairo_scaled_font_reference (font);
  mask->index = index;
  mask->phase_x = phase_x;
  mask->phase_y = phase_y;
  if (ink.width <= 0 || ink.height <= 0)
    return mask;  /* a space: nothing to add */

  /* One pixel of margin for anti-aliasing beyond the ink. */
  mask->left = (int) floor (fx + ink.x_bearing * sx) - 1;
  mask->top = (int) floor (fy + ink.y_bearing * sy) - 1;
  right = (int) ceil (fx + (ink.x_bearing + ink.width) * sx) + 1;
  bottom = (int) ceil (fy + (ink.y_bearing + ink.height) * sy) + 1;
  mask->width = right - mask->left;
  mask->height = bottom - mask->top;
  if (mask->width > MAX_GLYPH_SIDE || mask->height > MAX_GLYPH_SIDE)
    {
      glyph_free (mask);
      return NULL;
    }

  /* Filled in the scratch surface, which is reused glyph after glyph:
   * making a surface and a context for each cost as much as the fill. */
  if (cache->scratch == NULL)
    {
      cache->scratch = cairo_image_surface_create (CAIRO_FORMAT_A8, MAX_GLYPH_SIDE, MAX_GLYPH_SIDE);
      cache->scratch_cr = cairo_create (cache->scratch);
    }
  cairo_surface_flush (cache->scratch);
  data = cairo_image_surface_get_data (cache->scratch);
  stride = cairo_image_surface_get_stride (cache->scratch);
  for (int y = 0; y < mask->height; y++)
    memset (data + (gsize) y * stride, 0, (gsize) mask->width);
  cairo_surface_mark_dirty (cache->scratch);

  cairo_identity_matrix (cache->scratch_cr);
  cairo_translate (cache->scratch_cr, fx - mask->left, fy - mask->top);
  cairo_scale (cache->scratch_cr, sx, sy);
  cairo_set_scaled_font (cache->scratch_cr, font);
  cairo_glyph_path (cache->scratch_cr, &glyph, 1);
  cairo_fill (cache->scratch_cr);
  cairo_surface_flush (cache->scratch);

  mask->pixels = g_malloc ((gsize) mask->width * mask->height);
  for (int y = 0; y < mask->height; y++)
    memcpy (mask->pixels + (gsize) y * mask->width, data + (gsize) y * stride,
            (gsize) mask->width);
  return mask;
}

/* The mask of one glyph at the cache's scale and this phase, filled
 * first if needed; NULL when it is too large to keep. */
static GlyphMask *
get_glyph (WaymarkTextCache    *cache,
           cairo_scaled_font_t *font,
           unsigned long        index,
           int                  phase_x,
           int                  phase_y)
{
  GlyphMask probe = { font, index, phase_x, phase_y, 0 };
  GlyphMask *mask;

  probe.hash = (guint) (GPOINTER_TO_SIZE (font) >> 4) * 31u + (guint) index * 2654435761u
               + (guint) (phase_x * PHASES + phase_y);
  mask = g_hash_table_lookup (cache->glyphs, &probe);
  if (mask != NULL)
    return mask;
  if (cache->glyph_bytes > MAX_GLYPH_BYTES)
    {
      g_hash_table_remove_all (cache->glyphs);
      cache->glyph_bytes = 0;
    }
  mask = render_glyph (cache, font, index, phase_x, phase_y);
  if (mask == NULL)
    return NULL;
  mask->hash = probe.hash;
  cache->glyph_bytes += sizeof (GlyphMask) + (gsize) mask->width * mask->height;
  g_hash_table_add (cache->glyphs, mask);
  return mask;
}

/* Adds @glyph's coverage into the A8 @data at @x, @y (its pixel), clipped
 * to @width × @height. By hand: for a glyph of a few dozen bytes, setting
 * up a pixman composite costs more than the adding. */
static void
add_glyph (guint8          *data,
           int              stride,
           int              width,
           int              height,
           const GlyphMask *glyph,
           int              x,
           int              y)
{
  int x0 = MAX (0, x + glyph->left), y0 = MAX (0, y + glyph->top);
  int x1 = MIN (width, x + glyph->left + glyph->width);
  int y1 = MIN (height, y + glyph->top + glyph->height);

  for (int row = y0; row < y1; row++)
    {
      guint8 *out = data + (gsize) row * stride;
      const guint8 *in = glyph->pixels + (gsize) (row - y - glyph->top) * glyph->width
                         + (x0 - x - glyph->left);

      for (int col = x0; col < x1; col++, in++)
        {
          unsigned sum = out[col] + *in;

          out[col] = sum > 255 ? 255 : (guint8) sum;
        }
    }
}

/* Where a glyph at @position (pixels) falls: its whole pixel and the
 * quarter-pixel phase within it. */
static void
split_position (double  position,
                int    *pixel,
                int    *phase)
{
  double whole = floor (position);

  *phase = (int) lround ((position - whole) * PHASES);
  *pixel = (int) whole;
  if (*phase == PHASES)
    {
      *pixel += 1;
      *phase = 0;
    }
}

/* Puts the outline runs of @runs into a new mask, at @entry's scale and
 * phase, glyph by glyph from the cache's glyph masks. Returns FALSE if
 * the mask would be too large to keep. */
static gboolean
render_mask (WaymarkTextCache *cache,
             Entry            *entry)
{
  WaymarkGlyphRuns *runs = entry->runs;
  double fx = (double) entry->phase_x / PHASES;
  double fy = (double) entry->phase_y / PHASES;
  int right, bottom, width, height, stride;
  cairo_t *cr = NULL;
  guint8 *data;

  /* One pixel of margin for anti-aliasing beyond the ink. */
  entry->left = (int) floor (fx + runs->ink_x * entry->scale_x) - 1;
  entry->top = (int) floor (fy + runs->ink_y * entry->scale_y) - 1;
  right = (int) ceil (fx + (runs->ink_x + runs->ink_width) * entry->scale_x) + 1;
  bottom = (int) ceil (fy + (runs->ink_y + runs->ink_height) * entry->scale_y) + 1;
  width = right - entry->left;
  height = bottom - entry->top;
  if (width <= 0 || height <= 0 || (double) width * height > MAX_MASK_PIXELS)
    return FALSE;

  /* The glyph masks are for one scale: a new zoom starts them afresh. */
  if (entry->scale_x != cache->glyph_scale_x || entry->scale_y != cache->glyph_scale_y)
    {
      g_hash_table_remove_all (cache->glyphs);
      cache->glyph_bytes = 0;
      cache->glyph_scale_x = entry->scale_x;
      cache->glyph_scale_y = entry->scale_y;
    }

  entry->mask = cairo_image_surface_create (CAIRO_FORMAT_A8, width, height);
  entry->bytes = (gsize) cairo_image_surface_get_stride (entry->mask) * height + sizeof (Entry);
  cairo_surface_flush (entry->mask);
  data = cairo_image_surface_get_data (entry->mask);
  stride = cairo_image_surface_get_stride (entry->mask);
  for (guint i = 0; i < runs->n_runs; i++)
    {
      const WaymarkGlyphRun *run = &runs->runs[i];

      if (!run->outline)
        continue;
      for (int g = 0; g < run->n_glyphs; g++)
        {
          const cairo_glyph_t *glyph = &run->glyphs[g];
          int x, y, phase_x, phase_y;
          GlyphMask *mask;

          split_position (fx + glyph->x * entry->scale_x, &x, &phase_x);
          split_position (fy + glyph->y * entry->scale_y, &y, &phase_y);
          mask = get_glyph (cache, run->font, glyph->index, phase_x, phase_y);
          if (mask != NULL)
            {
              add_glyph (data, stride, width, height, mask, x - entry->left, y - entry->top);
              continue;
            }

          /* Too large to keep: filled in place, at its exact position. */
          cairo_surface_mark_dirty (entry->mask);
          if (cr == NULL)
            {
              cr = cairo_create (entry->mask);
              cairo_set_operator (cr, CAIRO_OPERATOR_ADD);
              cairo_translate (cr, fx - entry->left, fy - entry->top);
              cairo_scale (cr, entry->scale_x, entry->scale_y);
            }
          cairo_set_scaled_font (cr, run->font);
          cairo_glyph_path (cr, glyph, 1);
          cairo_fill (cr);
          cairo_surface_flush (entry->mask);
        }
    }
  if (cr != NULL)
    cairo_destroy (cr);
  cairo_surface_mark_dirty (entry->mask);
  return TRUE;
}

gboolean
_waymark_text_cache_draw (WaymarkTextCache *cache,
                          cairo_t          *cr,
                          WaymarkGlyphRuns *runs,
                          double            x,
                          double            y)
{
  cairo_surface_t *target = cairo_get_group_target (cr);
  cairo_matrix_t ctm, mask_matrix;
  cairo_pattern_t *pattern;
  double device_scale_x, device_scale_y, offset_x, offset_y;
  double origin_x, origin_y, pixel_x, pixel_y;
  Entry probe = { 0 }, *entry;

  cairo_get_matrix (cr, &ctm);
  if (ctm.xy != 0 || ctm.yx != 0 || ctm.xx <= 0 || ctm.yy <= 0)
    return FALSE;
  cairo_surface_get_device_scale (target, &device_scale_x, &device_scale_y);
  cairo_surface_get_device_offset (target, &offset_x, &offset_y);
  /* A recording replayed at a larger scale: the mask's pixels are the
   * final target's, and the pattern below maps them back. */
  device_scale_x *= cache->target_scale;
  device_scale_y *= cache->target_scale;
  offset_x *= cache->target_scale;
  offset_y *= cache->target_scale;

  /* Where the text's origin falls in the target's pixels. */
  origin_x = (ctm.xx * x + ctm.x0) * device_scale_x + offset_x;
  origin_y = (ctm.yy * y + ctm.y0) * device_scale_y + offset_y;
  pixel_x = floor (origin_x);
  pixel_y = floor (origin_y);
  probe.phase_x = (int) lround ((origin_x - pixel_x) * PHASES);
  probe.phase_y = (int) lround ((origin_y - pixel_y) * PHASES);
  if (probe.phase_x == PHASES)
    {
      pixel_x += 1;
      probe.phase_x = 0;
    }
  if (probe.phase_y == PHASES)
    {
      pixel_y += 1;
      probe.phase_y = 0;
    }
  probe.scale_x = ctm.xx * device_scale_x;
  probe.scale_y = ctm.yy * device_scale_y;
  probe.runs = runs;
  probe.hash = runs->hash ^ g_double_hash (&probe.scale_x)
               ^ (guint) (probe.phase_x * 31 + probe.phase_y) * 2654435761u;

  entry = g_hash_table_lookup (cache->entries, &probe);
  if (entry != NULL)
    {
      cache->stats.hits++;
      g_queue_unlink (&cache->recency, &entry->link);
    }
  else
    {
      entry = g_new0 (Entry, 1);
      *entry = probe;
      entry->runs = _waymark_glyph_runs_ref (runs);
      entry->link.data = entry;
      if (!render_mask (cache, entry))
        {
          entry_free (entry);
          return FALSE;
        }
      cache->stats.misses++;
      cache->stats.n_entries++;
      cache->stats.bytes += entry->bytes;
      g_hash_table_add (cache->entries, entry);
    }
  g_queue_push_head_link (&cache->recency, &entry->link);

  /* Composite the mask at whole target pixels: in device units with the
   * identity matrix, the pattern maps one mask pixel onto one target
   * pixel, which pixman copies without resampling. */
  cairo_save (cr);
  cairo_identity_matrix (cr);
  pattern = cairo_pattern_create_for_surface (entry->mask);
  cairo_matrix_init (&mask_matrix, device_scale_x, 0, 0, device_scale_y,
                     offset_x - (pixel_x + entry->left), offset_y - (pixel_y + entry->top));
  cairo_pattern_set_matrix (pattern, &mask_matrix);
  cairo_pattern_set_filter (pattern, CAIRO_FILTER_NEAREST);
  cairo_mask (cr, pattern);
  cairo_pattern_destroy (pattern);
  cairo_restore (cr);

  /* Only after drawing: with a tiny budget, even this entry may go. */
  evict_to_budget (cache);
  return TRUE;
}
