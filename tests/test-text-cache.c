/* test-text-cache.c: the canvas's cache of rasterised text draws what the
 * uncached path draws, reuses what it can, and stays within its budget
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-render-fixtures.h"
#include "waymark-cairo-backend.h"
#include "waymark-layout.h"
#include "waymark-scene.h"
#include "waymark-text-cache.h"

#define WIDTH  900
#define HEIGHT 600

typedef struct {
  double scale;        /* zoom */
  double device_scale; /* HiDPI */
  double rotate;       /* radians */
  double offset_x;     /* sub-pixel scroll offset */
} View;

static cairo_surface_t *
draw (WaymarkScene     *scene,
      const View       *view,
      WaymarkTextCache *cache)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) (WIDTH * view->device_scale),
                                                         (int) (HEIGHT * view->device_scale));
  WaymarkRect clip = { 0, 0, WIDTH / view->scale, HEIGHT / view->scale };
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, view->device_scale, view->device_scale);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, view->offset_x, 0);
  cairo_rotate (cr, view->rotate);
  cairo_scale (cr, view->scale, view->scale);
  waymark_cairo_backend_draw_cached (scene, cr, view->rotate != 0 ? NULL : &clip, cache);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static gboolean
same_pixels (cairo_surface_t *a,
             cairo_surface_t *b)
{
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);

  return height == cairo_image_surface_get_height (b) && stride == cairo_image_surface_get_stride (b)
         && memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                    (gsize) stride * height) == 0;
}

/* The fraction of pixels that are not white: how much was drawn. */
static double
ink_fraction (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  gsize inked = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (((const guint32 *) (const void *) (data + (gsize) y * stride))[x] != 0xffffffff)
        inked++;
  return (double) inked / ((double) width * height);
}

static WaymarkScene *
example_scene (WaymarkDocument **document_out,
               WaymarkLayout   **layout_out)
{
  WaymarkDocument *document = fixture_load_example ();
  WaymarkPersona *persona;
  WaymarkLayout *layout;
  WaymarkScene *scene;
  WaymarkRenderOptions options;

  if (document == NULL)
    return NULL;
  /* Without the recommendation badges, whose few numbers recur on many
   * cards: the hits counted below are then the labels that recur. */
  waymark_render_options_init (&options);
  options.show_badges = FALSE;
  persona = waymark_document_get_persona (document, 0);
  layout = waymark_layout_new (document, persona->base.id, &options, NULL);
  scene = waymark_scene_new_for_layout (layout);
  if (document_out != NULL)
    *document_out = g_object_ref (document);
  if (layout_out != NULL)
    *layout_out = waymark_layout_ref (layout);
  waymark_layout_unref (layout);
  g_object_unref (document);
  return scene;
}

/* Cached text looks like uncached text (glyphs within an eighth of a
 * pixel), and a warm frame is the same, pixel for pixel, as the cold one
 * that filled the cache, at several zooms, HiDPI and sub-pixel scrolls. */
static void
test_matches_uncached (void)
{
  g_autoptr (WaymarkScene) scene = example_scene (NULL, NULL);
  const View views[] = {
    { 1.0, 1.0, 0, 0 },
    { 1.0, 1.0, 0, 0.3 },
    { 0.75, 1.0, 0, 0 },
    { 1.25, 2.0, 0, 0.5 },
  };

  if (scene == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autoptr (WaymarkTextCache) cache = waymark_text_cache_new (64 * 1024 * 1024);
      cairo_surface_t *direct = draw (scene, &views[i], NULL);
      cairo_surface_t *cold, *warm;
      WaymarkTextCacheStats cold_stats, warm_stats;

      cold = draw (scene, &views[i], cache);
      waymark_text_cache_get_stats (cache, &cold_stats);
      warm = draw (scene, &views[i], cache);
      waymark_text_cache_get_stats (cache, &warm_stats);

      g_test_message ("view %u: %u misses, %u hits, %u bytes", i, cold_stats.misses, cold_stats.hits, (guint) cold_stats.bytes);
      /* The map has text, and the cache took it. */
      g_assert_cmpfloat (ink_fraction (direct), >, 0.05);
      g_assert_cmpuint (cold_stats.misses, >, 20);
      /* Only texts that occur twice (the same label in two places) hit. */
      g_assert_cmpuint (cold_stats.hits, <, cold_stats.misses / 10);
      g_assert_cmpuint (cold_stats.n_entries, ==, cold_stats.misses);
      /* The second frame rasterised nothing. */
      g_assert_cmpuint (warm_stats.misses, ==, cold_stats.misses);
      g_assert_cmpuint (warm_stats.hits, ==, 2 * cold_stats.hits + cold_stats.misses);
      g_assert_true (same_pixels (cold, warm));
      /* Against outlines filled in place: at most anti-aliasing differs.
       * A misplaced mask (wrong offset or scale) differs in far more. */
      g_assert_cmpfloat (fixture_image_difference (direct, cold, 96), <, 0.002);
      cairo_surface_destroy (direct);
      cairo_surface_destroy (cold);
      cairo_surface_destroy (warm);
    }
}

/* A mask drawn one pixel off would make this fail: compare with the
 * uncached drawing at a strict threshold, which only passes when the
 * masks land where the outlines would. */
static void
test_position_exact (void)
{
  g_autoptr (WaymarkScene) scene = example_scene (NULL, NULL);
  g_autoptr (WaymarkTextCache) cache = waymark_text_cache_new (64 * 1024 * 1024);
  View view = { 1.0, 1.0, 0, 0 };
  cairo_surface_t *direct, *cached;

  if (scene == NULL)
    return;
  direct = draw (scene, &view, NULL);
  cached = draw (scene, &view, cache);
  /* At whole-pixel origins the phase is exact in x; only the rounding of
   * y origins to a quarter pixel can shift anti-aliasing a little. */
  g_assert_cmpfloat (fixture_image_difference (direct, cached, 48), <, 0.01);
  cairo_surface_destroy (direct);
  cairo_surface_destroy (cached);
}

/* Rotated views are not cached: the text is drawn as before. */
static void
test_rotation_falls_back (void)
{
  g_autoptr (WaymarkScene) scene = example_scene (NULL, NULL);
  g_autoptr (WaymarkTextCache) cache = waymark_text_cache_new (64 * 1024 * 1024);
  View view = { 1.0, 1.0, 0.1, 0 };
  WaymarkTextCacheStats stats;
  cairo_surface_t *direct, *cached;

  if (scene == NULL)
    return;
  direct = draw (scene, &view, NULL);
  cached = draw (scene, &view, cache);
  waymark_text_cache_get_stats (cache, &stats);
  g_assert_cmpuint (stats.n_entries, ==, 0);
  g_assert_cmpuint (stats.misses, ==, 0);
  g_assert_true (same_pixels (direct, cached));
  cairo_surface_destroy (direct);
  cairo_surface_destroy (cached);
}

/* A small budget: the cache evicts the least recently drawn masks, never
 * holds more than the budget after a draw, and still draws correctly. */
static void
test_budget (void)
{
  g_autoptr (WaymarkScene) scene = example_scene (NULL, NULL);
  g_autoptr (WaymarkTextCache) big = waymark_text_cache_new (64 * 1024 * 1024);
  g_autoptr (WaymarkTextCache) small = waymark_text_cache_new (32 * 1024);
  View view = { 1.0, 1.0, 0, 0 };
  WaymarkTextCacheStats stats;
  cairo_surface_t *expected, *got;

  if (scene == NULL)
    return;
  expected = draw (scene, &view, big);
  got = draw (scene, &view, small);
  waymark_text_cache_get_stats (small, &stats);
  g_assert_cmpuint (stats.evictions, >, 0);
  g_assert_cmpuint (stats.bytes, <=, 32 * 1024);
  g_assert_true (same_pixels (expected, got));
  cairo_surface_destroy (got);

  /* Still consistent after clearing. */
  waymark_text_cache_clear (small);
  waymark_text_cache_get_stats (small, &stats);
  g_assert_cmpuint (stats.n_entries, ==, 0);
  g_assert_cmpuint (stats.bytes, ==, 0);
  got = draw (scene, &view, small);
  g_assert_true (same_pixels (expected, got));
  cairo_surface_destroy (got);
  cairo_surface_destroy (expected);
}

/* After an edit the canvas builds a new scene: the texts that did not
 * change are found in the cache (it is keyed by glyphs, not by scene
 * item), and only the edited card is rasterised again. */
static void
test_survives_scene_rebuild (void)
{
  g_autoptr (WaymarkDocument) document = NULL;
  g_autoptr (WaymarkLayout) layout = NULL;
  g_autoptr (WaymarkScene) scene = example_scene (&document, &layout);
  g_autoptr (WaymarkTextCache) cache = waymark_text_cache_new (64 * 1024 * 1024);
  g_autoptr (WaymarkLayout) relayout = NULL;
  g_autoptr (WaymarkScene) rescene = NULL;
  View view = { 1.0, 1.0, 0, 0 };
  WaymarkTextCacheStats before, after;
  WaymarkPersona *persona;
  WaymarkCard *card = NULL;
  cairo_surface_t *surface;

  if (scene == NULL)
    return;
  cairo_surface_destroy (draw (scene, &view, cache));
  waymark_text_cache_get_stats (cache, &before);

  /* Edit the first card of the first persona. */
  persona = waymark_document_get_persona (document, 0);
  for (guint i = 0; i < persona->cards->len && card == NULL; i++)
    card = g_ptr_array_index (persona->cards, i);
  g_assert_nonnull (card);
  g_assert_true (waymark_document_set_text (document, card->base.id, WAYMARK_FIELD_TEXT,
                                            "Een heel andere tekst"));
  relayout = waymark_layout_new (document, persona->base.id, NULL, layout);
  rescene = waymark_scene_new_for_layout (relayout);

  surface = draw (rescene, &view, cache);
  waymark_text_cache_get_stats (cache, &after);
  g_assert_cmpfloat (ink_fraction (surface), >, 0.05);
  cairo_surface_destroy (surface);
  /* The new text, and at most a few texts that depend on it (e.g. a
   * count), were rasterised; everything else came from the cache. */
  g_assert_cmpuint (after.misses - before.misses, >=, 1);
  g_assert_cmpuint (after.misses - before.misses, <=, 3);
  g_assert_cmpuint (after.hits, >=, before.misses - 3);
}

/* A HiDPI window: GTK records the canvas's drawing at 1× and replays it
 * on 2× pixels. With the target scale set, the text is as sharp as text
 * drawn straight on the 2× surface; at 1× and scaled up it is blocky. */
static cairo_surface_t *
draw_replayed (WaymarkScene     *scene,
               WaymarkTextCache *cache)
{
  cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH * 2,
                                                         HEIGHT * 2);
  WaymarkRect clip = { 0, 0, WIDTH, HEIGHT };
  cairo_t *cr = cairo_create (recording);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  waymark_cairo_backend_draw_cached (scene, cr, &clip, cache);
  cairo_destroy (cr);

  cairo_surface_set_device_scale (surface, 2, 2);
  cr = cairo_create (surface);
  cairo_set_source_surface (cr, recording, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (recording);
  cairo_surface_flush (surface);
  return surface;
}

static void
test_replayed_at_scale (void)
{
  g_autoptr (WaymarkScene) scene = example_scene (NULL, NULL);
  g_autoptr (WaymarkTextCache) sharp_cache = waymark_text_cache_new (64 * 1024 * 1024);
  g_autoptr (WaymarkTextCache) blocky_cache = waymark_text_cache_new (64 * 1024 * 1024);
  const View hidpi = { 1.0, 2.0, 0, 0 };
  cairo_surface_t *direct, *sharp, *blocky;

  if (scene == NULL)
    return;
  direct = draw (scene, &hidpi, NULL);
  waymark_text_cache_set_target_scale (sharp_cache, 2);
  sharp = draw_replayed (scene, sharp_cache);
  blocky = draw_replayed (scene, blocky_cache);
  g_assert_cmpfloat (fixture_image_difference (direct, sharp, 96), <, 0.002);
  /* The test can tell: 1× masks scaled up differ from the outlines. */
  g_assert_cmpfloat (fixture_image_difference (direct, blocky, 96), >,
                     fixture_image_difference (direct, sharp, 96) * 4);
  cairo_surface_destroy (direct);
  cairo_surface_destroy (sharp);
  cairo_surface_destroy (blocky);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-cache/matches-uncached", test_matches_uncached);
  g_test_add_func ("/text-cache/replayed-at-scale", test_replayed_at_scale);
  g_test_add_func ("/text-cache/position-exact", test_position_exact);
  g_test_add_func ("/text-cache/rotation-falls-back", test_rotation_falls_back);
  g_test_add_func ("/text-cache/budget", test_budget);
  g_test_add_func ("/text-cache/survives-scene-rebuild", test_survives_scene_rebuild);

  return g_test_run ();
}
