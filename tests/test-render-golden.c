/* test-render-golden.c: maps rendered to PNG match reviewed golden images
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The goldens in tests/golden/ are small (rendered at half size or less)
 * so that a change to them can be reviewed by looking at them. After an
 * intended visual change, regenerate them with
 *
 *   WAYMARK_UPDATE_GOLDEN=1 meson test -C BUILDDIR test-render-golden
 *
 * and look at the new images before committing them. A failing
 * comparison leaves NAME-actual.png in the build's tests directory.
 * fixture_assert_golden() compares each lane, card and small tile on its
 * own, so that one card in a wrong colour fails.
 */
#include "config.h"

#include <math.h>

#include "test-render-fixtures.h"
#include "waymark-cairo-backend.h"
#include "waymark-layout.h"
#include "waymark-scene.h"

typedef struct {
  const char          *name;
  const char          *document;   /* "example", "stress", "small", "recommendations",
                                    * "profile" */
  const char          *persona;
  WaymarkPalette       palette;
  double               scale;
  const char * const  *highlight;  /* cards to highlight, or NULL */
} GoldenCase;

/* The cards of the fixture's recommendation r1. */
static const char * const r1_cards[] = { "b1", "a2", NULL };

static const GoldenCase cases[] = {
  { "example-loopbaan", "example", "loopbaan", WAYMARK_PALETTE_STANDARD, 0.5, NULL },
  { "stress", "stress", "s1", WAYMARK_PALETTE_STANDARD, 0.6, NULL },
  { "small-colorblind", "small", "p", WAYMARK_PALETTE_COLORBLIND, 0.6, NULL },
  { "small-greyscale", "small", "p", WAYMARK_PALETTE_GREYSCALE, 0.6, NULL },
  /* Badges with the number of recommendations, and the highlight of one
   * recommendation's cards, in every palette. */
  { "badges", "recommendations", "p", WAYMARK_PALETTE_STANDARD, 0.8, NULL },
  { "highlight", "recommendations", "p", WAYMARK_PALETTE_STANDARD, 0.8, r1_cards },
  { "highlight-colorblind", "recommendations", "p", WAYMARK_PALETTE_COLORBLIND, 0.6, r1_cards },
  { "highlight-greyscale", "recommendations", "p", WAYMARK_PALETTE_GREYSCALE, 0.6, r1_cards },
  /* A persona's profile beside its title. */
  { "profile", "profile", "p", WAYMARK_PALETTE_STANDARD, 0.8, NULL },
};

/* Draws the map; with @regions, also gives the parts of the image that
 * fixture_assert_golden() compares one by one. */
static cairo_surface_t *
render (WaymarkDocument   *document,
        const GoldenCase  *golden,
        GArray           **regions)
{
  WaymarkRenderOptions options;
  g_autoptr (WaymarkLayout) layout = NULL;
  g_autoptr (WaymarkScene) scene = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  waymark_render_options_init (&options);
  options.palette = golden->palette;
  options.show_footer = TRUE;
  options.page_number = 1;
  options.n_pages = 1;
  options.highlight_card_ids = golden->highlight;
  layout = waymark_layout_new (document, golden->persona, &options, NULL);
  g_assert_nonnull (layout);
  scene = waymark_scene_new_for_layout (layout);
  waymark_layout_get_size (layout, &width, &height);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * golden->scale),
                                        (int) ceil (height * golden->scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, golden->scale, golden->scale);
  waymark_cairo_backend_draw (scene, cr, NULL);
  cairo_destroy (cr);
  if (regions != NULL)
    *regions = fixture_layout_regions (layout, golden->scale);
  return surface;
}

static WaymarkDocument *
load_document (const char *which)
{
  if (g_str_equal (which, "example"))
    return fixture_load_example ();
  if (g_str_equal (which, "stress"))
    return fixture_stress_document ();
  if (g_str_equal (which, "recommendations"))
    return fixture_recommendations_document ();
  if (g_str_equal (which, "profile"))
    return fixture_profile_document ();
  return fixture_small_document ();
}

static void
test_golden (gconstpointer data)
{
  const GoldenCase *golden = data;
  g_autoptr (WaymarkDocument) document = NULL;
  g_autoptr (GArray) regions = NULL;
  const char *why = fixture_why_no_test_fonts ();
  cairo_surface_t *actual;

  if (why != NULL)
    {
      g_test_skip (why);
      return;
    }
  document = load_document (golden->document);
  if (document == NULL)
    {
      g_test_skip ("the example document data/examples/levenslang-leren.waymark is not under "
                   "WAYMARK_SOURCE_ROOT");
      return;
    }

  actual = render (document, golden, &regions);
  fixture_assert_golden (golden->name, actual, regions);
  cairo_surface_destroy (actual);
}

/* The same document renders the same pixels twice: nothing in the
 * pipeline depends on addresses, hash order or time. */
static void
test_deterministic (void)
{
  g_autoptr (WaymarkDocument) document = fixture_stress_document ();
  cairo_surface_t *a = render (document, &cases[1], NULL);
  cairo_surface_t *b = render (document, &cases[1], NULL);

  g_assert_cmpfloat (fixture_image_difference (a, b, 0), ==, 0.0);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

/* Drawing only a clip rectangle gives the same pixels there as drawing
 * everything: culling loses nothing. */
static void
test_clip_matches_full (void)
{
  g_autoptr (WaymarkDocument) document = fixture_stress_document ();
  g_autoptr (WaymarkLayout) layout = waymark_layout_new (document, "s1", NULL, NULL);
  g_autoptr (WaymarkScene) scene = waymark_scene_new_for_layout (layout);
  WaymarkRect clip = { 230, 170, 300, 240 };
  cairo_surface_t *full, *part;
  cairo_t *cr;

  full = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) clip.width, (int) clip.height);
  cr = cairo_create (full);
  cairo_translate (cr, -clip.x, -clip.y);
  waymark_cairo_backend_draw (scene, cr, NULL);
  cairo_destroy (cr);

  part = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) clip.width, (int) clip.height);
  cr = cairo_create (part);
  cairo_translate (cr, -clip.x, -clip.y);
  waymark_cairo_backend_draw (scene, cr, &clip);
  cairo_destroy (cr);

  g_assert_cmpfloat (fixture_image_difference (full, part, 0), ==, 0.0);
  cairo_surface_destroy (full);
  cairo_surface_destroy (part);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/render/golden/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_golden);
    }
  g_test_add_func ("/render/golden/deterministic", test_deterministic);
  g_test_add_func ("/render/golden/clip-matches-full", test_clip_matches_full);

  return g_test_run ();
}
