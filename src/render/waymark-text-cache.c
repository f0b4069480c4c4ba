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
  WaymarkTextCacheStats stats;
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

WaymarkTextCache *
waymark_text_cache_new (gsize max_bytes)
{
  WaymarkTextCache *cache = g_new0 (WaymarkTextCache, 1);

  cache->entries = g_hash_table_new_full (entry_hash, entry_equal, entry_free, NULL);
  g_queue_init (&cache->recency);
  cache->max_bytes = max_bytes;
  return cache;
}

void
waymark_text_cache_clear (WaymarkTextCache *cache)
{
  g_return_if_fail (cache != NULL);

  /* The links live inside the entries: forget them before freeing those. */
  g_queue_init (&cache->recency);
  g_hash_table_remove_all (cache->entries);
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

/* Fills the outline runs of @runs into a new mask, at @entry's scale and
 * phase. Returns FALSE if the mask would be too large to keep. */
static gboolean
render_mask (Entry *entry)
{
  WaymarkGlyphRuns *runs = entry->runs;
  double fx = (double) entry->phase_x / PHASES;
  double fy = (double) entry->phase_y / PHASES;
  int right, bottom, width, height;
  cairo_t *cr;

  /* One pixel of margin for anti-aliasing beyond the ink. */
  entry->left = (int) floor (fx + runs->ink_x * entry->scale_x) - 1;
  entry->top = (int) floor (fy + runs->ink_y * entry->scale_y) - 1;
  right = (int) ceil (fx + (runs->ink_x + runs->ink_width) * entry->scale_x) + 1;
  bottom = (int) ceil (fy + (runs->ink_y + runs->ink_height) * entry->scale_y) + 1;
  width = right - entry->left;
  height = bottom - entry->top;
  if (width <= 0 || height <= 0 || (double) width * height > MAX_MASK_PIXELS)
    return FALSE;

  entry->mask = cairo_image_surface_create (CAIRO_FORMAT_A8, width, height);
  entry->bytes = (gsize) cairo_image_surface_get_stride (entry->mask) * height + sizeof (Entry);
  cr = cairo_create (entry->mask);
  cairo_translate (cr, fx - entry->left, fy - entry->top);
  cairo_scale (cr, entry->scale_x, entry->scale_y);
  for (guint i = 0; i < runs->n_runs; i++)
    {
      if (!runs->runs[i].outline)
        continue;
      cairo_set_scaled_font (cr, runs->runs[i].font);
      cairo_glyph_path (cr, runs->runs[i].glyphs, runs->runs[i].n_glyphs);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
  cairo_surface_flush (entry->mask);
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
      if (!render_mask (entry))
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
