/* waymark-text-cache.h: small text rasterised once, for a view that
 * redraws the same map frame after frame
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _WaymarkTextCache WaymarkTextCache;

typedef struct {
  guint hits;        /* text blocks drawn from a cached mask */
  guint misses;      /* text blocks rasterised (and cached) */
  guint evictions;   /* masks dropped to stay within the budget */
  guint n_entries;
  gsize bytes;       /* pixel memory held now */
} WaymarkTextCacheStats;

/* A cache of text blocks rasterised at one zoom, for
 * waymark_cairo_backend_draw_cached(). Entries are keyed by the glyphs
 * and their positions, not by scene item, so they survive the scene being
 * rebuilt after an edit: only the texts that changed are rasterised again.
 * The least recently drawn masks are dropped once @max_bytes of pixels
 * are held. Not thread-safe: one cache per view, used from one thread. */
WaymarkTextCache *waymark_text_cache_new       (gsize                  max_bytes);
void              waymark_text_cache_free      (WaymarkTextCache      *cache);
void              waymark_text_cache_clear     (WaymarkTextCache      *cache);
void              waymark_text_cache_get_stats (WaymarkTextCache      *cache,
                                                WaymarkTextCacheStats *stats);
/* How many pixels of the final target a unit of the drawing surface's
 * device space becomes, beyond the surface's own device scale: the
 * scale factor of a HiDPI window whose drawing GTK records at 1× and
 * replays at 2×. Text is then rasterised at that scale, not at 1× and
 * scaled up into blocks. 1 (the default) for a surface drawn as is. */
void              waymark_text_cache_set_target_scale (WaymarkTextCache *cache,
                                                       double            scale);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkTextCache, waymark_text_cache_free)

G_END_DECLS
