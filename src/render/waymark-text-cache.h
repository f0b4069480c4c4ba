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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkTextCache, waymark_text_cache_free)

G_END_DECLS
