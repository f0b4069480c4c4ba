/* test-overview.c: the matrix of barriers and levers across personas
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "waymark-format.h"
#include "waymark-overview.h"

static const char *
add_persona (WaymarkDocument    *document,
             const char         *name,
             const char * const *phases)
{
  const char *id = waymark_document_insert_persona (document, waymark_persona_new (NULL, name), -1);

  for (guint i = 0; phases[i] != NULL; i++)
    waymark_document_insert_phase (document, id, waymark_phase_new (NULL, phases[i]), -1);
  return id;
}

static char *
column_names (WaymarkOverview *overview)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < waymark_overview_get_n_columns (overview); i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "|" : "",
                            waymark_overview_get_column_name (overview, i));
  return g_string_free (out, FALSE);
}

static const char *
phase_id (WaymarkDocument *document,
          const char      *persona_id,
          guint            index)
{
  WaymarkPersona *persona = waymark_document_find_persona (document, persona_id);
  return ((WaymarkPhase *) g_ptr_array_index (persona->phases, index))->base.id;
}

static void
test_phase_matching (void)
{
  g_autoptr (WaymarkDocument) document = waymark_document_new ();
  g_autoptr (WaymarkOverview) overview = NULL;
  g_autofree char *names = NULL;
  const char *a, *b, *c, *d, *e;

  a = add_persona (document, "A", (const char *[]) { "Intake", "Course", NULL });
  /* Case and spacing differ; a phase is added in the middle. */
  b = add_persona (document, "B", (const char *[]) { "intake ", "Waiting", "COURSE", NULL });
  /* Nothing in common: appended, in order. */
  c = add_persona (document, "C", (const char *[]) { "P", "Q", NULL });
  /* A new phase before a known one goes before it. */
  d = add_persona (document, "D", (const char *[]) { "Orientation", "Intake", NULL });
  /* A journey that comes back to a phase: the second visit is a column. */
  e = add_persona (document, "E", (const char *[]) { "Intake", "Course", "Intake", NULL });

  overview = waymark_overview_new (document, NULL);
  names = column_names (overview);
  g_assert_cmpstr (names, ==, "Orientation|Intake|Waiting|Course|Intake|P|Q");
  g_assert_cmpuint (waymark_overview_get_n_rows (overview), ==, 5);

  g_assert_cmpint (waymark_overview_find_column (overview, a, phase_id (document, a, 0)), ==, 1);
  g_assert_cmpint (waymark_overview_find_column (overview, a, phase_id (document, a, 1)), ==, 3);
  g_assert_cmpint (waymark_overview_find_column (overview, b, phase_id (document, b, 0)), ==, 1);
  g_assert_cmpint (waymark_overview_find_column (overview, b, phase_id (document, b, 1)), ==, 2);
  g_assert_cmpint (waymark_overview_find_column (overview, b, phase_id (document, b, 2)), ==, 3);
  g_assert_cmpint (waymark_overview_find_column (overview, c, phase_id (document, c, 1)), ==, 6);
  g_assert_cmpint (waymark_overview_find_column (overview, d, phase_id (document, d, 0)), ==, 0);
  g_assert_cmpint (waymark_overview_find_column (overview, e, phase_id (document, e, 2)), ==, 4);
  g_assert_cmpint (waymark_overview_find_column (overview, e, "nonexistent"), ==, -1);

  /* Cells of phases a persona does not have are absent. */
  g_assert_true (waymark_overview_get_cell (overview, 0, 1)->present);
  g_assert_false (waymark_overview_get_cell (overview, 0, 2)->present);
  g_assert_null (waymark_overview_get_cell (overview, 0, 2)->phase_id);
  g_assert_cmpstr (waymark_overview_get_cell (overview, 1, 2)->phase_id, ==,
                   phase_id (document, b, 1));
}

typedef struct {
  WaymarkDocument *document;
  const char *anna, *bert;
  const char *t_cost, *t_time, *t_unused;
  const char *bar_card_spanning;
} Fixture;

static const char *
card (WaymarkDocument    *document,
      const char         *persona_id,
      const char         *lane_id,
      const char         *phase_id_,
      const char         *text,
      const char * const *tags)
{
  WaymarkCard *new_card = waymark_card_new (NULL, lane_id, phase_id_, text);

  if (tags != NULL)
    {
      g_strfreev (new_card->tags);
      new_card->tags = g_strdupv ((char **) tags);
    }
  return waymark_document_insert_card (document, persona_id, new_card, -1);
}

static const char *
lane (WaymarkDocument *document,
      const char      *persona_id,
      const char      *name,
      WaymarkLaneKind  kind)
{
  return waymark_document_insert_lane (document, persona_id, waymark_lane_new (NULL, name, kind),
                                       -1);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  WaymarkDocument *document = waymark_document_new ();
  const char *anna, *bert, *l;

  fixture->document = document;
  fixture->t_cost = waymark_document_insert_tag (document, waymark_tag_new (NULL, "Cost", "#aa0000"), -1);
  fixture->t_time = waymark_document_insert_tag (document, waymark_tag_new (NULL, "Time", "#00aa00"), -1);
  fixture->t_unused = waymark_document_insert_tag (document, waymark_tag_new (NULL, "Unused", "#0000aa"), -1);

  anna = fixture->anna = add_persona (document, "Anna",
                                      (const char *[]) { "Intake", "Course", "Exam", NULL });
  bert = fixture->bert = add_persona (document, "Bert", (const char *[]) { "Intake", "Exam", NULL });

  /* Anna: two barrier lanes (both count), a lever lane, thoughts. */
  l = lane (document, anna, "Drempels", WAYMARK_LANE_BARRIERS);
  card (document, anna, l, phase_id (document, anna, 0), "Forms",
        (const char *[]) { fixture->t_cost, NULL });
  card (document, anna, l, phase_id (document, anna, 0), "Waiting list", NULL);
  fixture->bar_card_spanning = card (document, anna, l, phase_id (document, anna, 1), "Childcare",
                                     (const char *[]) { fixture->t_time, fixture->t_cost, NULL });
  waymark_document_set_int (document, fixture->bar_card_spanning, WAYMARK_FIELD_SPAN, 5);
  l = lane (document, anna, "Meer drempels", WAYMARK_LANE_BARRIERS);
  card (document, anna, l, phase_id (document, anna, 0), "Language", NULL);
  l = lane (document, anna, "Hefbomen", WAYMARK_LANE_LEVERS);
  card (document, anna, l, phase_id (document, anna, 2), "Buddy", (const char *[]) { fixture->t_time, NULL });
  l = lane (document, anna, "Gedachten", WAYMARK_LANE_THOUGHTS);
  card (document, anna, l, phase_id (document, anna, 0), "Can I do this?", NULL);
  l = lane (document, anna, "Beleving", WAYMARK_LANE_EMOTIONS);
  waymark_document_set_emotion (document, anna, l, phase_id (document, anna, 0), -2, "anxious");
  waymark_document_set_emotion (document, anna, l, phase_id (document, anna, 2), 2, "");

  /* Bert: one barrier at the exam. */
  l = lane (document, bert, "Barriers", WAYMARK_LANE_BARRIERS);
  card (document, bert, l, phase_id (document, bert, 1), "Exam stress", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->document);
}

static void
test_counts (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (WaymarkOverview) overview = waymark_overview_new (fixture->document, NULL);
  const WaymarkOverviewCell *cell;
  const WaymarkOverviewRow *row;
  const WaymarkOverviewCard *entry;

  g_assert_cmpuint (waymark_overview_get_kinds (overview), ==, WAYMARK_OVERVIEW_DEFAULT_KINDS);
  g_assert_false (waymark_overview_is_filtered (overview));
  g_assert_cmpuint (waymark_overview_get_n_columns (overview), ==, 3);

  /* Anna, Intake: three barriers from two lanes, in lane and card order;
   * no thoughts (not a shown kind). */
  cell = waymark_overview_get_cell (overview, 0, 0);
  g_assert_cmpuint (cell->counts[WAYMARK_LANE_BARRIERS], ==, 3);
  g_assert_cmpuint (cell->counts[WAYMARK_LANE_LEVERS], ==, 0);
  g_assert_cmpuint (cell->counts[WAYMARK_LANE_THOUGHTS], ==, 0);
  g_assert_cmpuint (cell->cards->len, ==, 3);
  g_assert_cmpstr (((WaymarkOverviewCard *) g_ptr_array_index (cell->cards, 0))->text, ==, "Forms");
  g_assert_cmpstr (((WaymarkOverviewCard *) g_ptr_array_index (cell->cards, 1))->text, ==, "Waiting list");
  g_assert_cmpstr (((WaymarkOverviewCard *) g_ptr_array_index (cell->cards, 2))->text, ==, "Language");
  g_assert_true (cell->has_emotion);
  g_assert_cmpint (cell->score, ==, -2);
  g_assert_cmpstr (cell->emotion_label, ==, "anxious");

  /* The spanning card covers Course and Exam (clamped to the journey). */
  cell = waymark_overview_get_cell (overview, 0, 1);
  g_assert_cmpuint (cell->counts[WAYMARK_LANE_BARRIERS], ==, 1);
  g_assert_false (cell->has_emotion);
  entry = g_ptr_array_index (cell->cards, 0);
  g_assert_cmpstr (entry->card_id, ==, fixture->bar_card_spanning);
  g_assert_cmpstr (entry->persona_id, ==, fixture->anna);
  g_assert_false (entry->continued);
  cell = waymark_overview_get_cell (overview, 0, 2);
  g_assert_cmpuint (cell->counts[WAYMARK_LANE_BARRIERS], ==, 1);
  g_assert_cmpuint (cell->counts[WAYMARK_LANE_LEVERS], ==, 1);
  entry = g_ptr_array_index (cell->cards, 0);
  g_assert_true (entry->continued);
  g_assert_cmpint (entry->kind, ==, WAYMARK_LANE_BARRIERS);
  entry = g_ptr_array_index (cell->cards, 1);
  g_assert_cmpint (entry->kind, ==, WAYMARK_LANE_LEVERS);

  row = waymark_overview_get_row (overview, 0);
  g_assert_cmpstr (row->name, ==, "Anna");
  g_assert_cmpuint (row->totals[WAYMARK_LANE_BARRIERS], ==, 4);
  g_assert_cmpuint (row->totals[WAYMARK_LANE_LEVERS], ==, 1);
  g_assert_nonnull (row->emotion_lane_id);

  /* Bert has no Course: that cell is absent; his Exam is column 2. */
  g_assert_false (waymark_overview_get_cell (overview, 1, 1)->present);
  cell = waymark_overview_get_cell (overview, 1, 2);
  g_assert_cmpuint (cell->counts[WAYMARK_LANE_BARRIERS], ==, 1);
  row = waymark_overview_get_row (overview, 1);
  g_assert_null (row->emotion_lane_id);

  g_assert_cmpuint (waymark_overview_get_max_count (overview, WAYMARK_LANE_BARRIERS), ==, 3);
  g_assert_cmpuint (waymark_overview_get_max_count (overview, WAYMARK_LANE_LEVERS), ==, 1);
  g_assert_cmpuint (waymark_overview_get_total (overview, WAYMARK_LANE_BARRIERS), ==, 5);
  g_assert_true (waymark_overview_has_emotions (overview));

  /* Tags used on shown cards, in document order; Unused is not. */
  g_assert_cmpuint (waymark_overview_get_used_tags (overview)->len, ==, 2);
  g_assert_cmpstr (((WaymarkTag *) g_ptr_array_index (waymark_overview_get_used_tags (overview), 0))->name,
                   ==, "Cost");
  g_assert_cmpstr (waymark_overview_find_tag (overview, fixture->t_unused)->name, ==, "Unused");
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  /* By tag: cards with any of the tags. */
  {
    const char *tags[] = { fixture->t_time, NULL };
    WaymarkOverviewFilter filter = { 0, tags };
    g_autoptr (WaymarkOverview) overview = waymark_overview_new (fixture->document, &filter);

    g_assert_true (waymark_overview_is_filtered (overview));
    /* The figure names the tag picked, not every tag its cards carry. */
    g_assert_cmpuint (waymark_overview_get_filter_tags (overview)->len, ==, 1);
    g_assert_cmpstr (((WaymarkTag *) g_ptr_array_index (waymark_overview_get_filter_tags (overview),
                                                        0))->name, ==, "Time");
    g_assert_cmpuint (waymark_overview_get_cell (overview, 0, 0)->cards->len, ==, 0);
    g_assert_cmpuint (waymark_overview_get_cell (overview, 0, 1)->counts[WAYMARK_LANE_BARRIERS], ==, 1);
    g_assert_cmpuint (waymark_overview_get_cell (overview, 0, 2)->counts[WAYMARK_LANE_LEVERS], ==, 1);
    g_assert_cmpuint (waymark_overview_get_total (overview, WAYMARK_LANE_BARRIERS), ==, 1);
    g_assert_cmpuint (waymark_overview_get_cell (overview, 1, 2)->cards->len, ==, 0);
    /* Emotion points are not cards: the filter leaves them. */
    g_assert_true (waymark_overview_get_cell (overview, 0, 0)->has_emotion);
  }
  {
    const char *tags[] = { fixture->t_cost, fixture->t_unused, NULL };
    WaymarkOverviewFilter filter = { 0, tags };
    g_autoptr (WaymarkOverview) overview = waymark_overview_new (fixture->document, &filter);

    g_assert_cmpuint (waymark_overview_get_total (overview, WAYMARK_LANE_BARRIERS), ==, 2);
    g_assert_cmpuint (waymark_overview_get_max_count (overview, WAYMARK_LANE_BARRIERS), ==, 1);
    g_assert_cmpuint (waymark_overview_get_filter_tags (overview)->len, ==, 2);
  }

  /* By lane kind: only levers; thoughts too. */
  {
    WaymarkOverviewFilter filter = { WAYMARK_OVERVIEW_KIND (WAYMARK_LANE_LEVERS), NULL };
    g_autoptr (WaymarkOverview) overview = waymark_overview_new (fixture->document, &filter);

    g_assert_cmpuint (waymark_overview_get_total (overview, WAYMARK_LANE_BARRIERS), ==, 0);
    g_assert_cmpuint (waymark_overview_get_total (overview, WAYMARK_LANE_LEVERS), ==, 1);
    g_assert_cmpuint (waymark_overview_get_cell (overview, 0, 0)->cards->len, ==, 0);
  }
  {
    WaymarkOverviewFilter filter = {
      WAYMARK_OVERVIEW_DEFAULT_KINDS | WAYMARK_OVERVIEW_KIND (WAYMARK_LANE_THOUGHTS), NULL
    };
    g_autoptr (WaymarkOverview) overview = waymark_overview_new (fixture->document, &filter);
    const WaymarkOverviewCell *cell = waymark_overview_get_cell (overview, 0, 0);

    g_assert_cmpuint (cell->counts[WAYMARK_LANE_THOUGHTS], ==, 1);
    g_assert_cmpuint (cell->cards->len, ==, 4);
  }
  /* Emotions lanes hold no cards: asking for them alone shows no cards. */
  {
    WaymarkOverviewFilter filter = { WAYMARK_OVERVIEW_KIND (WAYMARK_LANE_EMOTIONS), NULL };
    g_autoptr (WaymarkOverview) overview = waymark_overview_new (fixture->document, &filter);

    g_assert_cmpuint (waymark_overview_get_cell (overview, 0, 0)->cards->len, ==, 0);
  }
}

static void
test_snapshot (Fixture       *fixture,
               gconstpointer  data)
{
  /* The overview keeps what it showed after the document changes. */
  g_autoptr (WaymarkOverview) overview = waymark_overview_new (fixture->document, NULL);

  waymark_document_remove (fixture->document, fixture->anna);
  g_assert_cmpstr (waymark_overview_get_row (overview, 0)->name, ==, "Anna");
  g_assert_cmpuint (waymark_overview_get_cell (overview, 0, 0)->cards->len, ==, 3);
}

static void
test_example (void)
{
  g_autofree char *path = g_build_filename (SOURCE_DATADIR, "examples", "levenslang-leren.waymark",
                                            NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (WaymarkDocument) document = waymark_format_load_file (file, &error);
  g_autoptr (WaymarkOverview) overview = NULL;
  guint barriers = 0;

  g_assert_no_error (error);
  overview = waymark_overview_new (document, NULL);
  /* Five personas with the same six phases: six columns, no absent cell. */
  g_assert_cmpuint (waymark_overview_get_n_rows (overview), ==, 5);
  g_assert_cmpuint (waymark_overview_get_n_columns (overview), ==, 6);
  g_assert_cmpstr (waymark_overview_get_column_name (overview, 0), ==, "Detectie opleidingsnood");
  for (guint r = 0; r < 5; r++)
    for (guint c = 0; c < 6; c++)
      {
        const WaymarkOverviewCell *cell = waymark_overview_get_cell (overview, r, c);
        g_assert_true (cell->present);
        g_assert_true (cell->has_emotion);
        barriers += cell->counts[WAYMARK_LANE_BARRIERS];
      }
  g_assert_cmpuint (barriers, ==, waymark_overview_get_total (overview, WAYMARK_LANE_BARRIERS));
  g_assert_cmpuint (barriers, >, 20);
  g_assert_cmpuint (waymark_overview_get_used_tags (overview)->len, ==, 3);
}

/* Coverage: the cards no recommendation addresses, per cell, per row and
 * in all, against the document's own count; linking a card closes its
 * hole, and a spanning card counts in every phase it covers. */
static void
test_coverage (void)
{
  g_autofree char *path = g_build_filename (SOURCE_DATADIR, "examples", "levenslang-leren.waymark",
                                            NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (WaymarkDocument) document = waymark_format_load_file (file, &error);
  g_autoptr (WaymarkOverview) overview = NULL;
  g_autoptr (WaymarkOverview) after = NULL;
  guint n_barriers = 0, addressed, open = 0, row_open = 0;
  const char *open_card = NULL;

  g_assert_no_error (error);
  overview = waymark_overview_new (document, NULL);
  g_assert_true (waymark_overview_has_recommendations (overview));
  addressed = waymark_document_count_addressed_barriers (document, &n_barriers);
  g_assert_cmpuint (waymark_overview_get_uncovered_total (overview, WAYMARK_LANE_BARRIERS), ==,
                    n_barriers - addressed);
  for (guint r = 0; r < waymark_overview_get_n_rows (overview); r++)
    {
      const WaymarkOverviewRow *row = waymark_overview_get_row (overview, r);

      row_open += row->uncovered_totals[WAYMARK_LANE_BARRIERS];
      for (guint c = 0; c < waymark_overview_get_n_columns (overview); c++)
        {
          const WaymarkOverviewCell *cell = waymark_overview_get_cell (overview, r, c);
          guint cell_open = 0;

          for (guint i = 0; i < cell->cards->len; i++)
            {
              WaymarkOverviewCard *card = g_ptr_array_index (cell->cards, i);

              g_assert_cmpuint (card->n_recommendations, ==,
                                waymark_document_count_recommendations_for_card (document,
                                                                                 card->card_id));
              if (card->kind == WAYMARK_LANE_BARRIERS && card->n_recommendations == 0)
                {
                  cell_open++;
                  open_card = card->card_id;
                }
            }
          g_assert_cmpuint (cell->uncovered[WAYMARK_LANE_BARRIERS], ==, cell_open);
          g_assert_cmpuint (cell_open, <=,
                            waymark_overview_get_max_uncovered (overview, WAYMARK_LANE_BARRIERS));
          open += cell_open;
        }
    }
  g_assert_cmpuint (row_open, ==, n_barriers - addressed);
  /* No spanning barrier in the example: the cells add up to the total. */
  g_assert_cmpuint (open, ==, n_barriers - addressed);
  g_assert_cmpuint (open, >, 0);

  g_assert_true (waymark_document_link_card (document, "aanbeveling-1", open_card));
  after = waymark_overview_new (document, NULL);
  g_assert_cmpuint (waymark_overview_get_uncovered_total (after, WAYMARK_LANE_BARRIERS), ==,
                    n_barriers - addressed - 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/overview/phase-matching", test_phase_matching);
  g_test_add ("/overview/counts", Fixture, NULL, fixture_set_up, test_counts, fixture_tear_down);
  g_test_add ("/overview/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/overview/snapshot", Fixture, NULL, fixture_set_up, test_snapshot, fixture_tear_down);
  g_test_add_func ("/overview/example", test_example);
  g_test_add_func ("/overview/coverage", test_coverage);

  return g_test_run ();
}
