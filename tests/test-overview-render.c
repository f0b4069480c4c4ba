/* test-overview-render.c: the overview page: golden images, hit testing, export
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Regenerate the goldens after an intended visual change with
 *
 *   WAYMARK_UPDATE_GOLDEN=1 meson test -C BUILDDIR test-overview-render
 *
 * and look at tests/golden/overview-*.png before committing them.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "test-render-fixtures.h"
#include "waymark-cairo-backend.h"
#include "waymark-export.h"
#include "waymark-overview-scene.h"
#include "waymark-svg-writer.h"

#define GOLDEN_SCALE      0.75

static cairo_surface_t *
render_figure (WaymarkOverviewFigure *figure,
               double                 scale)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;

  waymark_overview_figure_get_size (figure, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                        (int) ceil (height * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  waymark_cairo_backend_draw (waymark_overview_figure_get_scene (figure), cr, NULL);
  cairo_destroy (cr);
  return surface;
}

typedef struct {
  const char          *name;
  WaymarkOverviewMode  mode;
  WaymarkPalette       palette;
  gboolean             filtered;   /* only cards tagged "afbakening" */
  const char * const  *highlight;  /* cards to highlight, or NULL */
} GoldenCase;

/* The cards the example's first recommendation addresses. */
static const char * const aanbeveling_1[] = {
  "loopbaan-c16", "job-c17", "loopbaan-c15", "job-c27", NULL
};

static const GoldenCase golden_cases[] = {
  { "overview-counts", WAYMARK_OVERVIEW_SHOW_COUNTS, WAYMARK_PALETTE_STANDARD, FALSE, NULL },
  { "overview-text", WAYMARK_OVERVIEW_SHOW_TEXT, WAYMARK_PALETTE_STANDARD, FALSE, NULL },
  { "overview-filtered-greyscale", WAYMARK_OVERVIEW_SHOW_COUNTS, WAYMARK_PALETTE_GREYSCALE, TRUE,
    NULL },
  /* Where the example's recommendations leave barriers open. */
  { "overview-coverage", WAYMARK_OVERVIEW_SHOW_COVERAGE, WAYMARK_PALETTE_STANDARD, FALSE, NULL },
  { "overview-coverage-greyscale", WAYMARK_OVERVIEW_SHOW_COVERAGE, WAYMARK_PALETTE_GREYSCALE,
    FALSE, NULL },
  /* A selected recommendation's cells glow. */
  { "overview-highlight", WAYMARK_OVERVIEW_SHOW_COUNTS, WAYMARK_PALETTE_STANDARD, FALSE,
    aanbeveling_1 },
};

static void
test_golden (gconstpointer data)
{
  const GoldenCase *golden = data;
  g_autoptr (WaymarkDocument) document = NULL;
  g_autoptr (WaymarkOverview) overview = NULL;
  g_autoptr (WaymarkOverviewFigure) figure = NULL;
  const char *tags[] = { "afbakening", NULL };
  WaymarkOverviewFilter filter = { 0, golden->filtered ? tags : NULL };
  WaymarkOverviewSceneOptions options;
  const char *why = fixture_why_no_test_fonts ();
  cairo_surface_t *actual;

  if (why != NULL)
    {
      g_test_skip (why);
      return;
    }
  document = fixture_load_example ();
  if (document == NULL)
    {
      g_test_skip ("the example document data/examples/levenslang-leren.waymark is not under "
                   "WAYMARK_SOURCE_ROOT");
      return;
    }

  overview = waymark_overview_new (document, &filter);
  waymark_overview_scene_options_init (&options);
  options.mode = golden->mode;
  options.palette = golden->palette;
  options.show_footer = TRUE;
  options.page_number = 1;
  options.n_pages = 6;
  options.highlight_card_ids = golden->highlight;
  figure = waymark_overview_figure_new (overview, &options);
  actual = render_figure (figure, GOLDEN_SCALE);
  /* The page has no lanes or cards: its tiles are the regions. */
  fixture_assert_golden (golden->name, actual, NULL);
  cairo_surface_destroy (actual);
}

/* A click on a count cell names the persona and phase; in full text, a
 * click on a card names the card, so the view can open it in its map. */
static void
test_hit_test (void)
{
  g_autoptr (WaymarkDocument) document = fixture_load_example ();
  g_autoptr (WaymarkOverview) overview = NULL;
  WaymarkOverviewSceneOptions options;
  WaymarkOverviewHit hit;
  gboolean found_card = FALSE;

  if (document == NULL)
    return;
  overview = waymark_overview_new (document, NULL);
  waymark_overview_scene_options_init (&options);

  for (int mode = 0; mode < 2; mode++)
    {
      g_autoptr (WaymarkOverviewFigure) figure = NULL;
      double width, height;
      guint cells = 0;

      options.mode = mode;
      figure = waymark_overview_figure_new (overview, &options);
      waymark_overview_figure_get_size (figure, &width, &height);

      /* Sweep the page: every hit must be consistent with the overview. */
      for (double y = 0; y < height; y += 4)
        for (double x = 0; x < width; x += 4)
          {
            int column;

            if (!waymark_overview_figure_hit_test (figure, x, y, &hit))
              {
                g_assert_cmpint (hit.kind, ==, WAYMARK_OVERVIEW_HIT_NONE);
                continue;
              }
            g_assert_true (waymark_rect_contains_point (&hit.rect, x, y));
            g_assert_nonnull (waymark_document_find_persona (document, hit.persona_id));
            if (hit.kind == WAYMARK_OVERVIEW_HIT_PERSONA)
              continue;
            column = waymark_overview_find_column (overview, hit.persona_id, hit.phase_id);
            g_assert_cmpint (column, >=, 0);
            if (hit.kind == WAYMARK_OVERVIEW_HIT_CELL)
              cells++;
            if (hit.card_id != NULL)
              {
                WaymarkCard *card = waymark_document_find_card (document, hit.card_id);

                g_assert_nonnull (card);
                g_assert_true (waymark_document_lookup_persona (document, hit.card_id)
                               == waymark_document_find_persona (document, hit.persona_id));
                g_assert_cmpstr (card->phase_id, ==, hit.phase_id);
              }
            if (hit.kind == WAYMARK_OVERVIEW_HIT_CARD)
              found_card = TRUE;
          }
      g_assert_cmpuint (cells, >, 0);
    }
  g_assert_true (found_card);
}

/* The page calls the kinds what the document's lanes are called
 * ("Pain points", "Opportunities"), and by the kind's own label when the
 * personas name them differently. */
static void
test_lane_names (void)
{
  g_autoptr (WaymarkDocument) document = fixture_load_example ();
  g_autoptr (WaymarkOverview) overview = NULL;
  g_autoptr (WaymarkOverviewFigure) figure = NULL;
  g_autoptr (GBytes) svg = NULL;
  g_autofree char *text = NULL;

  if (document == NULL)
    return;
  for (guint p = 0; p < waymark_document_get_n_personas (document); p++)
    {
      WaymarkPersona *persona = waymark_document_get_persona (document, p);

      for (guint l = 0; l < persona->lanes->len; l++)
        {
          WaymarkLane *lane = g_ptr_array_index (persona->lanes, l);

          if (lane->kind == WAYMARK_LANE_BARRIERS)
            waymark_document_set_text (document, lane->base.id, WAYMARK_FIELD_NAME, "Pain points");
          else if (lane->kind == WAYMARK_LANE_LEVERS)
            waymark_document_set_text (document, lane->base.id, WAYMARK_FIELD_NAME,
                                       p == 0 ? "Opportunities" : "Chances");
        }
    }
  overview = waymark_overview_new (document, NULL);
  g_assert_cmpstr (waymark_overview_get_kind_name (overview, WAYMARK_LANE_BARRIERS), ==,
                   "Pain points");
  g_assert_null (waymark_overview_get_kind_name (overview, WAYMARK_LANE_LEVERS));
  g_assert_null (waymark_overview_get_kind_name (overview, WAYMARK_LANE_NOTES));
  g_assert_true (waymark_overview_get_used_kinds (overview)
                 & WAYMARK_OVERVIEW_KIND (WAYMARK_LANE_BARRIERS));
  g_assert_false (waymark_overview_get_used_kinds (overview)
                  & WAYMARK_OVERVIEW_KIND (WAYMARK_LANE_NOTES));
  figure = waymark_overview_figure_new (overview, NULL);
  svg = waymark_svg_writer_to_bytes (waymark_overview_figure_get_scene (figure), NULL);
  text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  g_assert_nonnull (strstr (text, "Pain points and Levers across personas"));
  g_assert_null (strstr (text, "Barriers and levers"));
}

/* Personas who gave a phase the same score get markers side by side in
 * the emotion chart, not one hidden under the other. */
static void
test_equal_scores (void)
{
  g_autoptr (WaymarkDocument) document = fixture_load_example ();
  g_autoptr (WaymarkOverview) overview = NULL;
  g_autoptr (WaymarkOverviewFigure) figure = NULL;
  g_autoptr (GArray) centres = g_array_new (FALSE, FALSE, sizeof (double) * 2);
  WaymarkScene *scene;
  gboolean in_chart = FALSE;

  if (document == NULL)
    return;
  /* Every persona scores its first phase 1. */
  for (guint p = 0; p < waymark_document_get_n_personas (document); p++)
    {
      WaymarkPersona *persona = waymark_document_get_persona (document, p);
      WaymarkPhase *phase = g_ptr_array_index (persona->phases, 0);

      for (guint l = 0; l < persona->lanes->len; l++)
        {
          WaymarkLane *lane = g_ptr_array_index (persona->lanes, l);

          if (lane->kind == WAYMARK_LANE_EMOTIONS)
            waymark_document_set_emotion (document, persona->base.id, lane->base.id,
                                          phase->base.id, 1, "");
        }
    }
  overview = waymark_overview_new (document, NULL);
  figure = waymark_overview_figure_new (overview, NULL);
  scene = waymark_overview_figure_get_scene (figure);
  for (guint i = 0; i < waymark_scene_get_n_items (scene); i++)
    {
      const WaymarkSceneItem *item = waymark_scene_get_item (scene, i);

      if (item->kind == WAYMARK_SCENE_GROUP_BEGIN
          && g_strcmp0 (item->group.css_class, "emotion-chart") == 0)
        in_chart = TRUE;
      else if (in_chart && item->kind == WAYMARK_SCENE_PATH && item->bounds.width < 10
               && item->bounds.height < 10 && item->paint.fill.alpha > 0)
        {
          double centre[2] = { item->bounds.x + item->bounds.width / 2,
                               item->bounds.y + item->bounds.height / 2 };
          g_array_append_val (centres, centre);
        }
    }
  g_assert_cmpuint (centres->len, >=, 5);
  for (guint a = 0; a < centres->len; a++)
    for (guint b = a + 1; b < centres->len; b++)
      {
        const double *ca = &g_array_index (centres, double, 2 * a);
        const double *cb = &g_array_index (centres, double, 2 * b);

        g_assert_cmpfloat (hypot (ca[0] - cb[0], ca[1] - cb[1]), >=, 5.0);
      }
}

/* The SVG keeps the overview's text as text, and groups per persona. */
static void
test_svg (void)
{
  g_autoptr (WaymarkDocument) document = fixture_load_example ();
  g_autoptr (WaymarkOverview) overview = NULL;
  g_autoptr (WaymarkOverviewFigure) figure = NULL;
  g_autoptr (GBytes) svg = NULL;
  g_autofree char *text = NULL;

  if (document == NULL)
    return;
  overview = waymark_overview_new (document, NULL);
  figure = waymark_overview_figure_new (overview, NULL);
  svg = waymark_svg_writer_to_bytes (waymark_overview_figure_get_scene (figure), NULL);
  text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));

  /* The lanes' own names: the example calls its barriers "Drempels". */
  g_assert_nonnull (strstr (text, "Drempels and Hefbomen across personas"));
  g_assert_nonnull (strstr (text, "De loopbaanlanceerder"));
  g_assert_nonnull (strstr (text, "class=\"overview-matrix\""));
  g_assert_nonnull (strstr (text, "id=\"overview-loopbaan\""));
  g_assert_nonnull (strstr (text, "id=\"overview-curve-maatschappij\""));
  g_assert_nonnull (strstr (text, "Emotion across the journey"));
}

/* An empty document and personas without phases draw a note, not a crash. */
static void
test_empty (void)
{
  g_autoptr (WaymarkDocument) document = waymark_document_new ();
  double width, height;

  for (int step = 0; step < 2; step++)
    {
      g_autoptr (WaymarkOverview) overview = waymark_overview_new (document, NULL);
      g_autoptr (WaymarkOverviewFigure) figure = waymark_overview_figure_new (overview, NULL);
      cairo_surface_t *surface;

      waymark_overview_figure_get_size (figure, &width, &height);
      g_assert_cmpfloat (width, >, 100);
      g_assert_cmpfloat (height, >, 50);
      surface = render_figure (figure, 0.5);
      cairo_surface_destroy (surface);
      waymark_document_insert_persona (document, waymark_persona_new (NULL, "Solo"), -1);
    }
}

/* @n personas whose phases are all named differently: as many columns as
 * phases, each row present in only its own. */
static WaymarkDocument *
distinct_phases_document (guint n)
{
  WaymarkDocument *document = waymark_document_new ();

  for (guint p = 0; p < n; p++)
    {
      g_autofree char *name = g_strdup_printf ("Persona %u", p);
      WaymarkPersona *persona = waymark_persona_new (NULL, name);
      const char *persona_id = waymark_document_insert_persona (document, persona, -1);
      const char *lane_id = waymark_document_insert_lane (document, persona_id,
                                                          waymark_lane_new (NULL, "Drempels",
                                                                            WAYMARK_LANE_BARRIERS),
                                                          -1);

      for (guint f = 0; f < 6; f++)
        {
          g_autofree char *phase_name = g_strdup_printf ("Fase %u.%u", p, f);
          const char *phase_id = waymark_document_insert_phase (document, persona_id,
                                                                waymark_phase_new (NULL, phase_name),
                                                                -1);

          waymark_document_insert_card (document, persona_id,
                                        waymark_card_new (NULL, lane_id, phase_id, "Drempel"), -1);
        }
    }
  return document;
}

/* With differently named phases the matrix has a column per phase and is
 * nearly empty; the page must still grow with the map, not with its
 * square: doubling the personas at most (about) doubles what is drawn. */
static void
test_linear_growth (void)
{
  guint items[3];

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr (WaymarkDocument) document = distinct_phases_document (8u << i);
      g_autoptr (WaymarkOverview) overview = waymark_overview_new (document, NULL);
      g_autoptr (WaymarkOverviewFigure) figure = waymark_overview_figure_new (overview, NULL);

      g_assert_cmpuint (waymark_overview_get_n_columns (overview), ==, 6 * (8u << i));
      /* An absent cell is there to ask for, but not stored. */
      g_assert_false (waymark_overview_get_cell (overview, 0, 6 * (8u << i) - 1)->present);
      g_assert_cmpuint (waymark_overview_get_cell (overview, 0, 6 * (8u << i) - 1)->cards->len,
                        ==, 0);
      g_assert_cmpuint (waymark_overview_get_row (overview, 0)->n_cells, ==, 6);
      items[i] = waymark_scene_get_n_items (waymark_overview_figure_get_scene (figure));
      g_test_message ("%u personas: %u scene items", 8u << i, items[i]);
    }
  g_assert_cmpuint (items[1], <=, items[0] * 22 / 10);
  g_assert_cmpuint (items[2], <=, items[1] * 22 / 10);
}

/* A full PDF starts with the overview; --no-overview leaves it out;
 * --overview writes only it, in every format. */
static void
test_export (void)
{
  g_autoptr (WaymarkDocument) document = fixture_load_example ();
  g_autofree char *dir = NULL;
  WaymarkExportOptions options;
  g_autoptr (GError) error = NULL;
  guint n;

  if (document == NULL)
    return;
  n = waymark_document_get_n_personas (document);
  dir = g_dir_make_tmp ("waymark-overview-XXXXXX", &error);
  g_assert_no_error (error);

  {
    g_autofree char *path = g_build_filename (dir, "full.pdf", NULL);
    g_autofree char *info = NULL;
    g_autofree char *text = NULL;

    waymark_export_options_init (&options);
    g_assert_true (waymark_export_to_file (document, &options, path, NULL, &error));
    g_assert_no_error (error);
    info = fixture_run_tool (NULL, "pdfinfo", path, NULL);
    if (info != NULL)
      {
        g_autofree char *pages = g_strdup_printf ("Pages:           %u\n",
                                                  n + 1 + fixture_recommendation_pages (document));
        g_assert_nonnull (strstr (info, pages));
      }
    text = fixture_run_tool (NULL, "pdftotext", path, "-", NULL);
    if (text != NULL)
      {
        /* The overview is the first page. */
        char *first_map = strstr (text, "Zet zich in om mensen");
        char *overview = strstr (text, "Drempels and Hefbomen across personas");
        g_assert_nonnull (overview);
        g_assert_nonnull (first_map);
        g_assert_true (overview < first_map);
      }
    g_unlink (path);
  }
  {
    g_autofree char *path = g_build_filename (dir, "maps.pdf", NULL);
    g_autofree char *info = NULL;

    waymark_export_options_init (&options);
    options.no_overview = TRUE;
    g_assert_true (waymark_export_to_file (document, &options, path, NULL, &error));
    info = fixture_run_tool (NULL, "pdfinfo", path, NULL);
    if (info != NULL)
      {
        g_autofree char *pages = g_strdup_printf ("Pages:           %u\n",
                                                  n + fixture_recommendation_pages (document));
        g_assert_nonnull (strstr (info, pages));
      }
    g_unlink (path);
  }
  for (int format = 0; format < 3; format++)
    {
      static const char *const names[] = { "overview.pdf", "overview.svg", "overview.png" };
      g_autofree char *path = g_build_filename (dir, names[format], NULL);
      g_autofree char *notice = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      waymark_export_options_init (&options);
      options.format = format;
      options.overview = TRUE;
      g_assert_true (waymark_export_to_file (document, &options, path, &notice, &error));
      g_assert_no_error (error);
      g_assert_null (notice);   /* no "exported the first persona" */
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 1000);
      if (format == WAYMARK_EXPORT_FORMAT_SVG)
        g_assert_nonnull (strstr (contents, "Drempels and Hefbomen across personas"));
      if (format == WAYMARK_EXPORT_FORMAT_PDF)
        {
          g_autofree char *info = fixture_run_tool (NULL, "pdfinfo", path, NULL);
          if (info != NULL)
            g_assert_nonnull (strstr (info, "Pages:           1\n"));
        }
      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (golden_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/overview-render/golden/%s", golden_cases[i].name);
      g_test_add_data_func (path, &golden_cases[i], test_golden);
    }
  g_test_add_func ("/overview-render/hit-test", test_hit_test);
  g_test_add_func ("/overview-render/svg", test_svg);
  g_test_add_func ("/overview-render/lane-names", test_lane_names);
  g_test_add_func ("/overview-render/equal-scores", test_equal_scores);
  g_test_add_func ("/overview-render/empty", test_empty);
  g_test_add_func ("/overview-render/linear-growth", test_linear_growth);
  g_test_add_func ("/overview-render/export", test_export);

  return g_test_run ();
}
