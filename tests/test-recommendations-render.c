/* test-recommendations-render.c: recommendations on maps, the overview,
 * the priority matrix and the report
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "test-render-fixtures.h"
#include "waymark-layout-private.h"
#include "waymark-cairo-backend.h"
#include "waymark-overview-scene.h"
#include "waymark-layout-metrics-private.h"
#include "waymark-priority-matrix-private.h"
#include "waymark-report.h"
#include "waymark-scene-private.h"

/* Badges */

/* Whether @rect overlaps a line of @text drawn at @at. */
static gboolean
overlaps_text (const WaymarkRect       *rect,
               const WaymarkLayoutText *text,
               const WaymarkRect       *at)
{
  double line_height;

  if (text == NULL || text->n_lines == 0)
    return FALSE;
  line_height = text->height / text->n_lines;
  for (guint i = 0; i < text->n_lines; i++)
    {
      WaymarkRect line = { at->x + text->lines[i].x, at->y + i * line_height,
                           text->lines[i].width, line_height };

      if (line.width > 0 && waymark_rect_intersects (rect, &line))
        return TRUE;
    }
  return FALSE;
}

/* Every badge lies inside its card and covers none of its text, chips
 * or icon; it says how many recommendations address the card. */
static void
check_badges (WaymarkDocument *document,
              WaymarkLayout   *layout)
{
  for (guint i = 0; i < layout->cards->len; i++)
    {
      WaymarkLayoutCard *card = g_ptr_array_index (layout->cards, i);
      guint n = waymark_document_count_recommendations_for_card (document, card->id);
      const WaymarkRect *badge = &card->badge_rect;
      g_autofree char *number = g_strdup_printf ("%u", n);

      g_assert_cmpuint (card->n_recommendations, ==, n);
      if (n == 0)
        {
          g_assert_null (card->badge);
          continue;
        }
      g_assert_nonnull (card->badge);
      g_assert_cmpstr (card->badge->lines[0].text, ==, number);
      g_assert_cmpfloat (badge->x, >=, card->rect.x);
      g_assert_cmpfloat (badge->y, >=, card->rect.y);
      g_assert_cmpfloat (badge->x + badge->width, <=, card->rect.x + card->rect.width);
      g_assert_cmpfloat (badge->y + badge->height, <=, card->rect.y + card->rect.height);
      g_assert_false (overlaps_text (badge, card->text, &card->text_rect));
      g_assert_false (overlaps_text (badge, card->evidence, &card->evidence_rect));
      g_assert_false (waymark_rect_intersects (badge, &card->icon_rect));
      for (guint c = 0; c < card->n_chips; c++)
        g_assert_false (waymark_rect_intersects (badge, &card->chips[c].rect));
    }
}

static void
test_badges (void)
{
  g_autoptr (WaymarkDocument) document = fixture_recommendations_document ();
  g_autoptr (WaymarkDocument) example = fixture_load_example ();
  g_autoptr (WaymarkLayout) layout = waymark_layout_new (document, "p", NULL, NULL);
  g_autoptr (WaymarkLayout) plain = NULL;
  WaymarkRenderOptions options;
  WaymarkRect with, without;

  check_badges (document, layout);
  g_assert_cmpstr (((WaymarkLayoutCard *) g_hash_table_lookup (layout->card_index, "b1"))
                     ->badge->lines[0].text, ==, "2");
  g_assert_nonnull (layout->legend_badge);

  /* Off for a figure: no badges, no key, and no card grows for one. */
  waymark_render_options_init (&options);
  options.show_badges = FALSE;
  plain = waymark_layout_new (document, "p", &options, NULL);
  g_assert_null (plain->legend_badge);
  for (guint i = 0; i < plain->cards->len; i++)
    {
      WaymarkLayoutCard *card = g_ptr_array_index (plain->cards, i);

      g_assert_null (card->badge);
      waymark_layout_get_card_rect (layout, card->id, &with);
      waymark_layout_get_card_rect (plain, card->id, &without);
      g_assert_cmpfloat (with.height, >=, without.height);
    }

  if (example == NULL)
    return;
  for (guint p = 0; p < waymark_document_get_n_personas (example); p++)
    {
      WaymarkPersona *persona = waymark_document_get_persona (example, p);
      g_autoptr (WaymarkLayout) map = waymark_layout_new (example, persona->base.id, NULL, NULL);

      check_badges (example, map);
    }
}

/* White numbers stay legible on the badge in every palette (WCAG AA for
 * small text, 4.5:1). */
static void
test_badge_contrast (void)
{
  WaymarkColor white = WHITE;

  for (guint p = 0; p < WAYMARK_N_PALETTES; p++)
    {
      WaymarkColor fill = BADGE_FILL;
      WaymarkColor shown = waymark_palette_filter (p, &fill);
      double ratio = (waymark_color_luminance (&white) + 0.05)
                     / (waymark_color_luminance (&shown) + 0.05);

      g_assert_cmpfloat (ratio, >=, 4.5);
    }
}

/* Highlight */

static guint
count_groups (WaymarkScene *scene,
              const char   *css_class)
{
  guint n = 0;

  for (guint i = 0; i < waymark_scene_get_n_items (scene); i++)
    {
      const WaymarkSceneItem *item = waymark_scene_get_item (scene, i);

      if (item->kind == WAYMARK_SCENE_GROUP_BEGIN && g_strcmp0 (item->group.css_class, css_class) == 0)
        n++;
    }
  return n;
}

/* The layout keeps its own copy of the highlighted ids, marks those cards,
 * and the scene draws the highlight in a group of its own; without ids,
 * or with ids of another persona's cards, nothing is highlighted. */
static void
test_highlight (void)
{
  g_autoptr (WaymarkDocument) document = fixture_recommendations_document ();
  g_autoptr (WaymarkLayout) layout = NULL;
  g_autoptr (WaymarkLayout) other = NULL;
  g_autoptr (WaymarkScene) scene = NULL;
  g_autoptr (WaymarkScene) plain = NULL;
  WaymarkRenderOptions options;
  char **ids = g_strsplit ("b1 a2", " ", -1);
  const char * const elsewhere[] = { "nowhere", NULL };

  waymark_render_options_init (&options);
  options.highlight_card_ids = (const char * const *) ids;
  layout = waymark_layout_new (document, "p", &options, NULL);
  g_strfreev (ids);
  g_assert_cmpstr (waymark_layout_get_options (layout)->highlight_card_ids[1], ==, "a2");
  g_assert_true (layout->has_highlight);
  for (guint i = 0; i < layout->cards->len; i++)
    {
      WaymarkLayoutCard *card = g_ptr_array_index (layout->cards, i);

      g_assert_cmpint (card->highlighted, ==,
                       g_str_equal (card->id, "b1") || g_str_equal (card->id, "a2"));
    }
  scene = waymark_scene_new_for_layout (layout);
  g_assert_cmpuint (count_groups (scene, "highlight"), ==, 1);

  options.highlight_card_ids = elsewhere;
  other = waymark_layout_new (document, "p", &options, NULL);
  g_assert_false (other->has_highlight);
  plain = waymark_scene_new_for_layout (other);
  g_assert_cmpuint (count_groups (plain, "highlight"), ==, 0);
}

/* Coverage */

/* In coverage the figure lists exactly the open barriers, each a hit
 * that names its card, and the highlight draws in it too. */
static void
test_coverage_figure (void)
{
  g_autoptr (WaymarkDocument) document = fixture_recommendations_document ();
  g_autoptr (WaymarkOverview) overview = NULL;
  g_autoptr (WaymarkOverviewFigure) figure = NULL;
  g_autoptr (WaymarkOverviewFigure) highlighted = NULL;
  WaymarkOverviewSceneOptions options;
  const WaymarkOverviewHit *hits;
  const char * const r1_cards[] = { "b1", "a2", NULL };
  guint n_hits, n_cards = 0;

  /* A second barrier, which nothing addresses. */
  g_assert_nonnull (waymark_document_insert_card (
    document, "p", waymark_card_new ("b2", "barriers", "f1", "Geen kinderopvang"), -1));
  overview = waymark_overview_new (document, NULL);
  waymark_overview_scene_options_init (&options);
  options.mode = WAYMARK_OVERVIEW_SHOW_COVERAGE;
  figure = waymark_overview_figure_new (overview, &options);
  hits = waymark_overview_figure_get_hits (figure, &n_hits);
  for (guint i = 0; i < n_hits; i++)
    if (hits[i].kind == WAYMARK_OVERVIEW_HIT_CARD)
      {
        g_assert_cmpstr (hits[i].card_id, ==, "b2");
        n_cards++;
      }
  g_assert_cmpuint (n_cards, ==, 1);
  g_assert_cmpuint (count_groups (waymark_overview_figure_get_scene (figure), "highlight"), ==, 0);

  options.highlight_card_ids = r1_cards;
  highlighted = waymark_overview_figure_new (overview, &options);
  g_assert_cmpuint (waymark_scene_get_n_items (waymark_overview_figure_get_scene (highlighted)), >,
                    waymark_scene_get_n_items (waymark_overview_figure_get_scene (figure)));
}

/* The priority matrix */

static cairo_surface_t *
render_scene (WaymarkScene *scene,
              double        width,
              double        height,
              double        scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         (int) ceil (width * scale),
                                                         (int) ceil (height * scale));
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  waymark_cairo_backend_draw (scene, cr, NULL);
  cairo_destroy (cr);
  return surface;
}

/* No two titles overlap, none covers a dot, every title stays in the
 * plot, and whatever found no place is counted (it is listed beside). */
static void
check_labels (WaymarkPriorityMatrix *matrix)
{
  const WaymarkRect *labels, *dots;
  guint n_labels, n_dots;
  WaymarkRect plot;

  waymark_priority_matrix_get_plot_rect (matrix, &plot);
  labels = waymark_priority_matrix_get_label_rects (matrix, &n_labels);
  dots = waymark_priority_matrix_get_dot_rects (matrix, &n_dots);
  for (guint i = 0; i < n_labels; i++)
    {
      g_assert_cmpfloat (labels[i].x, >=, plot.x);
      g_assert_cmpfloat (labels[i].y, >=, plot.y);
      g_assert_cmpfloat (labels[i].x + labels[i].width, <=, plot.x + plot.width);
      g_assert_cmpfloat (labels[i].y + labels[i].height, <=, plot.y + plot.height);
      for (guint j = i + 1; j < n_labels; j++)
        g_assert_false (waymark_rect_intersects (&labels[i], &labels[j]));
      for (guint j = 0; j < n_dots; j++)
        g_assert_false (waymark_rect_intersects (&labels[i], &dots[j]));
    }
}

/* A document of @n recommendations in three domains with scores from a
 * fixed seed, many sharing a point. */
static WaymarkDocument *
crowded_document (guint n)
{
  WaymarkDocument *document = fixture_recommendations_document ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (1312);
  const char *domains[] = { "d1", "d2", "" };

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("crowd-%u", i);
      g_autofree char *title = g_strdup_printf ("Aanbeveling %u met een titel van enige lengte",
                                                i + 1);
      WaymarkRecommendation *recommendation = waymark_recommendation_new (id, title);

      g_free (recommendation->domain_id);
      recommendation->domain_id = g_strdup (domains[i % G_N_ELEMENTS (domains)]);
      /* Scores cluster in the middle, as real ones do. */
      recommendation->value = CLAMP (g_rand_int_range (rand, 1, 6) + g_rand_int_range (rand, 0, 2)
                                       - 1, 1, 5);
      recommendation->effort = g_rand_int_range (rand, 2, 5);
      if (i % 9 == 0)
        recommendation->effort = WAYMARK_SCORE_UNSET;
      g_assert_nonnull (waymark_document_insert_recommendation (document, recommendation, -1));
    }
  return document;
}

static void
test_matrix_labels (void)
{
  g_autoptr (WaymarkDocument) example = fixture_load_example ();
  g_autoptr (WaymarkDocument) crowded = crowded_document (48);
  g_autoptr (WaymarkPriorityMatrix) crowded_matrix = waymark_priority_matrix_new (crowded, NULL);
  guint n_labels, n_dots;

  check_labels (crowded_matrix);
  waymark_priority_matrix_get_label_rects (crowded_matrix, &n_labels);
  waymark_priority_matrix_get_dot_rects (crowded_matrix, &n_dots);
  /* Four quadrant names, and titles for most dots even when crowded. */
  g_assert_cmpuint (n_labels - 4 + waymark_priority_matrix_get_n_unlabelled (crowded_matrix), ==,
                    n_dots);
  g_assert_cmpuint (n_labels - 4, >=, n_dots / 3);

  if (example != NULL)
    {
      g_autoptr (WaymarkPriorityMatrix) matrix = waymark_priority_matrix_new (example, NULL);

      check_labels (matrix);
      /* The example's ten recommendations are all scored, and all titled. */
      waymark_priority_matrix_get_dot_rects (matrix, &n_dots);
      g_assert_cmpuint (n_dots, ==, 10);
      g_assert_cmpuint (waymark_priority_matrix_get_n_unlabelled (matrix), ==, 0);
    }
}

/* Hit testing for the window's drag to re-score: a dot names its
 * recommendation and scores, empty plot the score there, and a point
 * snaps to the score it is nearest. */
static void
test_matrix_hits (void)
{
  g_autoptr (WaymarkDocument) document = fixture_recommendations_document ();
  g_autoptr (WaymarkPriorityMatrix) matrix = waymark_priority_matrix_new (document, NULL);
  WaymarkPriorityMatrixHit hit;
  WaymarkRect rect, plot;
  double x, y;
  int value, effort;

  g_assert_true (waymark_priority_matrix_get_marker_rect (matrix, "r1", &rect));
  g_assert_true (waymark_priority_matrix_hit_test (matrix, rect.x + rect.width / 2,
                                                   rect.y + rect.height / 2, &hit));
  g_assert_cmpint (hit.kind, ==, WAYMARK_PRIORITY_MATRIX_HIT_RECOMMENDATION);
  g_assert_cmpstr (hit.recommendation_id, ==, "r1");
  g_assert_cmpint (hit.value, ==, 5);
  g_assert_cmpint (hit.effort, ==, 2);

  /* r3 has no scores: listed beside the plot, and hit there. */
  g_assert_true (waymark_priority_matrix_get_marker_rect (matrix, "r3", &rect));
  waymark_priority_matrix_get_plot_rect (matrix, &plot);
  g_assert_cmpfloat (rect.x, >, plot.x + plot.width);
  g_assert_true (waymark_priority_matrix_hit_test (matrix, rect.x + 2, rect.y + 2, &hit));
  g_assert_cmpstr (hit.recommendation_id, ==, "r3");
  g_assert_cmpint (hit.value, ==, WAYMARK_SCORE_UNSET);

  /* Empty plot: the score there; low effort is at the top. */
  g_assert_true (waymark_priority_matrix_get_point (matrix, 1, 1, &x, &y));
  g_assert_true (waymark_priority_matrix_hit_test (matrix, x + 30, y + 30, &hit));
  g_assert_cmpint (hit.kind, ==, WAYMARK_PRIORITY_MATRIX_HIT_SCORE);
  g_assert_cmpint (hit.value, ==, 1);
  g_assert_cmpint (hit.effort, ==, 1);
  g_assert_true (waymark_priority_matrix_score_at (matrix, plot.x + plot.width - 1,
                                                   plot.y + plot.height - 1, &value, &effort));
  g_assert_cmpint (value, ==, 5);
  g_assert_cmpint (effort, ==, 5);
  g_assert_true (waymark_priority_matrix_get_point (matrix, 4, 2, &x, &y));
  g_assert_true (waymark_priority_matrix_score_at (matrix, x + 20, y - 20, &value, &effort));
  g_assert_cmpint (value, ==, 4);
  g_assert_cmpint (effort, ==, 2);
  g_assert_false (waymark_priority_matrix_score_at (matrix, plot.x - 1, plot.y, NULL, NULL));
  g_assert_false (waymark_priority_matrix_get_point (matrix, 0, 2, NULL, NULL));
  g_assert_false (waymark_priority_matrix_hit_test (matrix, -5, -5, &hit));
}

static void
test_matrix_golden (gconstpointer data)
{
  gboolean crowded = GPOINTER_TO_INT (data);
  g_autoptr (WaymarkDocument) document = crowded ? crowded_document (30) : fixture_load_example ();
  g_autoptr (WaymarkPriorityMatrix) matrix = NULL;
  WaymarkPriorityMatrixOptions options;
  const char *selected[] = { "aanbeveling-9", NULL };
  const char *why = fixture_why_no_test_fonts ();
  cairo_surface_t *actual;
  double width, height;

  if (why != NULL || document == NULL)
    {
      g_test_skip (why != NULL ? why : "the example document is not under WAYMARK_SOURCE_ROOT");
      return;
    }
  waymark_priority_matrix_options_init (&options);
  options.show_footer = TRUE;
  options.page_number = 9;
  options.n_pages = 9;
  if (!crowded)
    options.highlight_ids = selected;
  else
    options.palette = WAYMARK_PALETTE_COLORBLIND;
  matrix = waymark_priority_matrix_new (document, &options);
  waymark_priority_matrix_get_size (matrix, &width, &height);
  actual = render_scene (waymark_priority_matrix_get_scene (matrix), width, height, 0.75);
  fixture_assert_golden (crowded ? "matrix-crowded" : "matrix-example", actual, NULL);
  cairo_surface_destroy (actual);
}

/* Report */

/* @document with @n_personas generated personas and a recommendation
 * that addresses the first card of each, so that the traceability table
 * needs more columns than a page holds. */
static WaymarkDocument *
wide_document (guint n_personas)
{
  WaymarkDocument *document = fixture_generate (n_personas, 4, 4, 1.5, 7);
  g_autoptr (GStrvBuilder) cards = g_strv_builder_new ();
  WaymarkRecommendation *recommendation;

  for (guint p = 0; p < n_personas; p++)
    {
      WaymarkPersona *persona = waymark_document_get_persona (document, p);

      g_assert_cmpuint (persona->cards->len, >, 0);
      g_strv_builder_add (cards, ((WaymarkCard *) g_ptr_array_index (persona->cards, 0))->base.id);
    }
  recommendation = waymark_recommendation_new ("wide", "Eén loket voor iedereen");
  g_strfreev (recommendation->cards);
  recommendation->cards = g_strv_builder_end (cards);
  recommendation->value = 4;
  recommendation->effort = 2;
  g_assert_nonnull (waymark_document_insert_recommendation (document, recommendation, -1));
  return document;
}

typedef struct {
  const char *name;
  WaymarkDocument *(*make) (void);
  double      page_width, page_height;
} ReportCase;

static WaymarkDocument *
crowded_48 (void)
{
  return crowded_document (48);
}

static WaymarkDocument *
wide_9 (void)
{
  return wide_document (9);
}

static const ReportCase report_cases[] = {
  { "example-a4", fixture_load_example, 841.89, 595.276 },
  { "crowded-a5", crowded_48, 419.528, 595.276 },
  { "wide-a4", wide_9, 841.89, 595.276 },
};

/* The pages of a report on paper: each the page's size, nothing drawn
 * outside the margins or over the footer, which numbers the page in the
 * document's count; every recommendation listed once, and a row of the
 * traceability table for each in every table (a table per as many
 * personas as a page holds); a title (for the outline) on the first page
 * of each part only. */
static void
test_report_pages (gconstpointer data)
{
  const ReportCase *report_case = data;
  g_autoptr (WaymarkDocument) document = report_case->make ();
  g_autoptr (WaymarkReport) report = NULL;
  g_autoptr (GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  WaymarkReportOptions options;
  GPtrArray *recommendations;
  guint n_pages, n_rows = 0, n_tables = 0, n_lists = 0;
  double footer_top;

  if (document == NULL)
    {
      g_test_skip ("the example document is not under WAYMARK_SOURCE_ROOT");
      return;
    }
  recommendations = waymark_document_get_recommendations (document);
  waymark_report_options_init (&options);
  options.page_width = report_case->page_width;
  options.page_height = report_case->page_height;
  options.show_footer = TRUE;
  options.first_page = 4;
  options.n_pages_after = 1;
  report = waymark_report_new (document, &options);
  n_pages = waymark_report_get_n_pages (report);
  g_assert_cmpuint (n_pages, >=, 2);
  footer_top = options.page_height - MARGIN - FOOTER_HEIGHT;

  for (guint p = 0; p < n_pages; p++)
    {
      WaymarkScene *page = waymark_report_get_page (report, p);
      const char *title = waymark_report_get_page_title (report, p);
      g_autofree char *number = g_strdup_printf ("%u / %u", 4 + p, 3 + n_pages + 1);
      g_autoptr (GPtrArray) classes = g_ptr_array_new ();
      gboolean numbered = FALSE;
      WaymarkRect bounds;

      waymark_scene_get_bounds (page, &bounds);
      g_assert_cmpfloat_with_epsilon (bounds.width, options.page_width, 0.01);
      g_assert_cmpfloat_with_epsilon (bounds.height, options.page_height, 0.01);
      if (g_strcmp0 (title, "Recommendations") == 0)
        n_lists++;
      else if (g_strcmp0 (title, "Traceability") == 0)
        n_tables++;
      else
        g_assert_null (title);
      if (p == 0)
        g_assert_cmpstr (title, ==, "Recommendations");

      for (guint i = 0; i < waymark_scene_get_n_items (page); i++)
        {
          const WaymarkSceneItem *item = waymark_scene_get_item (page, i);
          gboolean in_footer = FALSE;

          for (guint c = 0; c < classes->len; c++)
            in_footer |= g_str_equal (g_ptr_array_index (classes, c), "footer");
          switch (item->kind)
            {
            case WAYMARK_SCENE_GROUP_BEGIN:
              g_ptr_array_add (classes, (gpointer) item->group.css_class);
              if (g_str_equal (item->group.css_class, "recommendation"))
                {
                  g_assert_false (g_hash_table_contains (listed, item->group.id));
                  g_hash_table_add (listed, item->group.id);
                }
              if (g_str_equal (item->group.css_class, "traceability-row"))
                n_rows++;
              break;
            case WAYMARK_SCENE_GROUP_END:
              g_ptr_array_set_size (classes, classes->len - 1);
              break;
            case WAYMARK_SCENE_TEXT:
              if (in_footer && g_str_equal (item->text.lines[0].text, number))
                numbered = TRUE;
              G_GNUC_FALLTHROUGH;
            default:
              /* Ink bounds: a text's reach a little past its box. */
              g_assert_cmpfloat (item->bounds.x, >=, MARGIN - 3.5);
              g_assert_cmpfloat (item->bounds.y, >=, MARGIN - 3.5);
              g_assert_cmpfloat (item->bounds.x + item->bounds.width, <=,
                                 options.page_width - MARGIN + 3.5);
              if (!in_footer)
                g_assert_cmpfloat (item->bounds.y + item->bounds.height, <=, footer_top + 3.5);
              break;
            }
        }
      if (!numbered)
        g_error ("page %u has no “%s” in its footer", p, number);
    }
  g_assert_cmpuint (n_lists, ==, 1);
  g_assert_cmpuint (n_tables, ==, 1);
  g_assert_cmpuint (g_hash_table_size (listed), ==, recommendations->len);
  /* A table per as many personas as fit beside the titles (168 points),
   * at 112 points at least; the tables after the first continue it. */
  {
    guint per_table = (guint) ((options.page_width - 2 * MARGIN - 168) / 112);
    guint n_personas = waymark_document_get_n_personas (document);

    g_assert_cmpuint (n_rows, ==, (n_personas + per_table - 1) / per_table * recommendations->len);
  }
}

/* A document without recommendations has no section; one whose
 * recommendations address nothing still lists them. */
static void
test_report_empty (void)
{
  g_autoptr (WaymarkDocument) plain = fixture_small_document ();
  g_autoptr (WaymarkReport) none = waymark_report_new (plain, NULL);
  g_autoptr (WaymarkDocument) unlinked = fixture_small_document ();
  g_autoptr (WaymarkReport) report = NULL;

  g_assert_cmpuint (waymark_report_get_n_pages (none), ==, 0);
  g_assert_nonnull (waymark_document_insert_recommendation (
    unlinked, waymark_recommendation_new ("r", "Nog niets gekoppeld"), -1));
  report = waymark_report_new (unlinked, NULL);
  /* The list, and the table with its one row of dashes. */
  g_assert_cmpuint (waymark_report_get_n_pages (report), ==, 2);
  g_assert_cmpuint (count_groups (waymark_report_get_page (report, 0), "recommendation"), ==, 1);
}

/* The section as SVG and PNG show it: the list, the table and the matrix
 * one below the other, for the small document with every case (scored
 * and not, linked and not, two domains). */
static void
test_report_golden (void)
{
  g_autoptr (WaymarkDocument) document = fixture_recommendations_document ();
  g_autoptr (WaymarkScene) sheet = NULL;
  const char *why = fixture_why_no_test_fonts ();
  cairo_surface_t *actual;
  double width, height;

  if (why != NULL)
    {
      g_test_skip (why);
      return;
    }
  sheet = waymark_report_new_sheet (document, WAYMARK_PALETTE_STANDARD, &width, &height);
  actual = render_scene (sheet, width, height, 0.75);
  fixture_assert_golden ("report-sheet", actual, NULL);
  cairo_surface_destroy (actual);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recommendations-render/badges", test_badges);
  g_test_add_func ("/recommendations-render/badge-contrast", test_badge_contrast);
  g_test_add_func ("/recommendations-render/highlight", test_highlight);
  g_test_add_func ("/recommendations-render/coverage", test_coverage_figure);
  g_test_add_func ("/recommendations-render/matrix/labels", test_matrix_labels);
  g_test_add_func ("/recommendations-render/matrix/hits", test_matrix_hits);
  g_test_add_data_func ("/recommendations-render/matrix/golden-example", GINT_TO_POINTER (FALSE),
                        test_matrix_golden);
  g_test_add_data_func ("/recommendations-render/matrix/golden-crowded", GINT_TO_POINTER (TRUE),
                        test_matrix_golden);

  for (guint i = 0; i < G_N_ELEMENTS (report_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/recommendations-render/report/pages/%s",
                                               report_cases[i].name);

      g_test_add_data_func (path, &report_cases[i], test_report_pages);
    }
  g_test_add_func ("/recommendations-render/report/empty", test_report_empty);
  g_test_add_func ("/recommendations-render/report/golden", test_report_golden);

  return g_test_run ();
}
