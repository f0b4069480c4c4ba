/* test-overview-view.c: the overview widget: follows the document, filters, activates cards
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <adwaita.h>

#include "waymark-format.h"
#include "waymark-overview-scene.h"
#include "waymark-overview-view.h"

static WaymarkDocument *
load_example (void)
{
  g_autofree char *path = g_build_filename (SOURCE_DATADIR, "examples", "levenslang-leren.waymark",
                                            NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  WaymarkDocument *document = waymark_format_load_file (file, &error);

  g_assert_no_error (error);
  return document;
}

typedef struct {
  char *persona_id;
  char *card_id;
  guint n;
} Activation;

static void
card_activated_cb (GtkWidget  *view,
                   const char *persona_id,
                   const char *card_id,
                   Activation *activation)
{
  g_free (activation->persona_id);
  g_free (activation->card_id);
  activation->persona_id = g_strdup (persona_id);
  activation->card_id = g_strdup (card_id);
  activation->n++;
}

static void
test_view (void)
{
  WaymarkDocument *document = load_example ();
  GtkWidget *view = g_object_ref_sink (waymark_overview_view_new ());
  Activation activation = { 0, };
  double width, height, text_height;
  const char *tags[] = { "afbakening", NULL };
  g_autoptr (WaymarkOverview) overview = NULL;
  g_autoptr (WaymarkOverviewFigure) figure = NULL;
  WaymarkOverviewHit hit;
  gboolean found = FALSE;

  g_signal_connect (view, "card-activated", G_CALLBACK (card_activated_cb), &activation);

  waymark_overview_view_get_figure_size (WAYMARK_OVERVIEW_VIEW (view), &width, &height);
  g_assert_cmpfloat (width, ==, 0);
  g_assert_false (waymark_overview_view_activate_at (WAYMARK_OVERVIEW_VIEW (view), 10, 10));

  g_object_set (view, "document", document, NULL);
  waymark_overview_view_get_figure_size (WAYMARK_OVERVIEW_VIEW (view), &width, &height);
  g_assert_cmpfloat (width, >, 500);

  /* Full text makes the page taller (the cards' text is in the cells). */
  g_object_set (view, "show-text", TRUE, NULL);
  waymark_overview_view_get_figure_size (WAYMARK_OVERVIEW_VIEW (view), NULL, &text_height);
  g_assert_cmpfloat (text_height, >, height);

  /* A click on a card in full text activates that card in its persona. */
  {
    WaymarkOverviewSceneOptions options;

    overview = waymark_overview_new (document, NULL);
    waymark_overview_scene_options_init (&options);
    options.mode = WAYMARK_OVERVIEW_SHOW_TEXT;
    figure = waymark_overview_figure_new (overview, &options);
  }
  for (double y = 0; y < text_height && !found; y += 3)
    for (double x = 0; x < width * 2 && !found; x += 3)
      if (waymark_overview_figure_hit_test (figure, x, y, &hit)
          && hit.kind == WAYMARK_OVERVIEW_HIT_CARD)
        found = TRUE;
  g_assert_true (found);
  g_assert_true (waymark_overview_view_activate_at (WAYMARK_OVERVIEW_VIEW (view),
                                                    hit.rect.x + 2, hit.rect.y + 2));
  g_assert_cmpuint (activation.n, ==, 1);
  g_assert_cmpstr (activation.persona_id, ==, hit.persona_id);
  g_assert_cmpstr (activation.card_id, ==, hit.card_id);
  g_assert_true (waymark_document_lookup_persona (document, activation.card_id)
                 == waymark_document_find_persona (document, activation.persona_id));

  /* A filter narrows what is drawn; the page stays valid. */
  waymark_overview_view_set_filter (WAYMARK_OVERVIEW_VIEW (view), 0, tags);
  {
    double filtered_height;
    waymark_overview_view_get_figure_size (WAYMARK_OVERVIEW_VIEW (view), NULL, &filtered_height);
    g_assert_cmpfloat (filtered_height, <, text_height);
  }

  /* Edits show: a new persona is a new row. */
  waymark_overview_view_set_filter (WAYMARK_OVERVIEW_VIEW (view), 0, NULL);
  waymark_overview_view_get_figure_size (WAYMARK_OVERVIEW_VIEW (view), NULL, &text_height);
  {
    const char *id = waymark_document_insert_persona (document,
                                                      waymark_persona_new (NULL, "Nieuw"), -1);
    double new_height;

    waymark_document_insert_phase (document, id, waymark_phase_new (NULL, "Detectie opleidingsnood"),
                                   -1);
    waymark_overview_view_get_figure_size (WAYMARK_OVERVIEW_VIEW (view), NULL, &new_height);
    g_assert_cmpfloat (new_height, >, text_height);
  }

  g_object_set (view, "document", NULL, NULL);
  g_free (activation.persona_id);
  g_free (activation.card_id);
  g_assert_finalize_object (view);
  g_assert_finalize_object (document);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      /* TAP: the whole program is skipped, not failed, without a display. */
      printf ("1..0 # SKIP no display (run under xvfb-run)\n");
      return 0;
    }
  adw_init ();

  g_test_add_func ("/overview-view/view", test_view);
  return g_test_run ();
}
