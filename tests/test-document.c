/* test-document.c: every kind of edit, with undo and redo
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>

#include "document-test-util.h"
#include "waymark-format.h"

/* A persona with three phases, an actions lane, an emotions lane, a
 * barriers lane, two cards and one emotion point. */
static WaymarkDocument *
make_document (void)
{
  WaymarkDocument *doc = waymark_document_new ();
  WaymarkPersona *persona = waymark_persona_new ("p", "Researcher");

  g_ptr_array_add (persona->phases, waymark_phase_new ("f1", "Discover"));
  g_ptr_array_add (persona->phases, waymark_phase_new ("f2", "Decide"));
  g_ptr_array_add (persona->phases, waymark_phase_new ("f3", "Do"));
  g_ptr_array_add (persona->lanes, waymark_lane_new ("act", "Actions", WAYMARK_LANE_ACTIONS));
  g_ptr_array_add (persona->lanes, waymark_lane_new ("emo", "Feelings", WAYMARK_LANE_EMOTIONS));
  g_ptr_array_add (persona->lanes, waymark_lane_new ("bar", "Barriers", WAYMARK_LANE_BARRIERS));
  g_ptr_array_add (persona->cards, waymark_card_new ("c1", "act", "f1", "Search the web"));
  g_ptr_array_add (persona->cards, waymark_card_new ("c2", "bar", "f2", "Too expensive"));
  g_ptr_array_add (persona->emotions, waymark_emotion_point_new ("emo", "f1", 1, "curious"));

  waymark_document_set_text (doc, NULL, WAYMARK_FIELD_TITLE, "Study");
  waymark_document_insert_tag (doc, waymark_tag_new ("t1", "Money", "#aa0000"), -1);
  waymark_document_insert_persona (doc, persona, -1);
  waymark_history_clear (waymark_document_get_history (doc));
  return doc;
}

static void
count_changed_cb (WaymarkDocument *doc, const char *persona_id, const char *object_id,
                  gpointer user_data)
{
  (*(int *) user_data)++;
}

static void
test_set_fields (void)
{
  g_autoptr (WaymarkDocument) doc = make_document ();
  g_autofree char *before = document_test_serialise (doc);
  int changed = 0;
  WaymarkCard *card = waymark_document_find_card (doc, "c1");

  g_signal_connect (doc, "changed", G_CALLBACK (count_changed_cb), &changed);

  g_assert_true (waymark_document_set_text (doc, "c1", WAYMARK_FIELD_TEXT, "Ask a colleague"));
  g_assert_cmpstr (card->text, ==, "Ask a colleague");
  g_assert_cmpint (changed, ==, 1);
  g_assert_cmpstr (waymark_history_get_undo_label (waymark_document_get_history (doc)), ==,
                   "Edit Card");
  document_test_assert_step (doc, before, NULL);

  /* Setting the same value records nothing. */
  g_assert_false (waymark_document_set_text (doc, "c1", WAYMARK_FIELD_TEXT, "Ask a colleague"));
  /* A field the object does not have, and an unknown object, are refused. */
  g_assert_false (waymark_document_set_text (doc, "c1", WAYMARK_FIELD_AMBITION, "x"));
  g_assert_false (waymark_document_set_text (doc, "nope", WAYMARK_FIELD_TEXT, "x"));
  g_assert_cmpuint (waymark_history_get_n_undo (waymark_document_get_history (doc)), ==, 1);

  g_assert_true (waymark_document_set_text (doc, "p", WAYMARK_FIELD_AMBITION, "Learn"));
  g_assert_true (waymark_document_set_text (doc, "f2", WAYMARK_FIELD_NAME, "Choose"));
  g_assert_true (waymark_document_set_text (doc, "t1", WAYMARK_FIELD_COLOR, "#00aa00"));
  g_assert_true (waymark_document_set_text (doc, NULL, WAYMARK_FIELD_AUTHOR, "Ann"));
  g_assert_true (waymark_document_set_int (doc, "c1", WAYMARK_FIELD_SPAN, 2));
  g_assert_false (waymark_document_set_int (doc, "c1", WAYMARK_FIELD_SPAN, 0));
  g_assert_true (waymark_document_set_int (doc, NULL, WAYMARK_FIELD_COLUMN_WIDTH, 260));
  g_assert_cmpint (waymark_document_get_column_width (doc), ==, 260);
  g_assert_cmpstr (waymark_document_get_author (doc), ==, "Ann");

  while (waymark_document_undo (doc))
    ;
  {
    g_autofree char *undone = document_test_serialise (doc);
    g_assert_cmpstr (undone, ==, before);
  }
  g_assert_false (waymark_history_get_modified (waymark_document_get_history (doc)));
}

static void
test_card_lifecycle (void)
{
  g_autoptr (WaymarkDocument) doc = make_document ();
  g_autofree char *before = document_test_serialise (doc);
  WaymarkPersona *persona = waymark_document_find_persona (doc, "p");
  const char *id;

  id = waymark_document_insert_card (doc, "p", waymark_card_new (NULL, "act", "f2", "New"), -1);
  g_assert_nonnull (id);
  g_assert_true (waymark_document_find_card (doc, id) != NULL);
  g_assert_cmpuint (persona->cards->len, ==, 3);
  document_test_assert_step (doc, before, NULL);

  /* Cards cannot go into an emotions lane or a missing phase. */
  g_assert_null (waymark_document_insert_card (doc, "p", waymark_card_new (NULL, "emo", "f1", "x"), -1));
  g_assert_null (waymark_document_insert_card (doc, "p", waymark_card_new (NULL, "act", "zz", "x"), -1));

  /* A clashing id is replaced. */
  id = waymark_document_insert_card (doc, "p", waymark_card_new ("c1", "act", "f1", "Dup"), -1);
  g_assert_cmpstr (id, !=, "c1");
  g_assert_cmpstr (waymark_document_find_card (doc, "c1")->text, ==, "Search the web");

  g_assert_true (waymark_document_remove (doc, "c1"));
  g_assert_null (waymark_document_find_card (doc, "c1"));
  g_assert_cmpstr (waymark_history_get_undo_label (waymark_document_get_history (doc)), ==,
                   "Delete Card");
  waymark_document_undo (doc);
  g_assert_nonnull (waymark_document_find_card (doc, "c1"));
}

/* The persona's own queries about its cards: which card, its position in
 * its cell, and where in persona->cards a card for a cell position goes. */
static void
test_persona_card_queries (void)
{
  g_autoptr (WaymarkDocument) doc = make_document ();
  WaymarkPersona *persona = waymark_document_find_persona (doc, "p");

  waymark_document_insert_card (doc, "p", waymark_card_new ("c3", "act", "f1", "Ask"), -1);
  /* persona->cards: c1 (act, f1), c2 (bar, f2), c3 (act, f1). */
  g_assert_cmpstr (waymark_persona_find_card (persona, "c2")->text, ==, "Too expensive");
  g_assert_null (waymark_persona_find_card (persona, "nope"));
  g_assert_null (waymark_persona_find_card (persona, NULL));

  g_assert_cmpint (waymark_persona_card_position (persona, "c1"), ==, 0);
  g_assert_cmpint (waymark_persona_card_position (persona, "c3"), ==, 1);
  g_assert_cmpint (waymark_persona_card_position (persona, "c2"), ==, 0);
  g_assert_cmpint (waymark_persona_card_position (persona, "nope"), ==, -1);

  /* Before the card at a position; after the cell's last card at its end. */
  g_assert_cmpint (waymark_persona_cell_insert_index (persona, "act", "f1", 0), ==, 0);
  g_assert_cmpint (waymark_persona_cell_insert_index (persona, "act", "f1", 1), ==, 2);
  g_assert_cmpint (waymark_persona_cell_insert_index (persona, "act", "f1", 2), ==, 3);
  g_assert_cmpint (waymark_persona_cell_insert_index (persona, "act", "f1", -1), ==, 3);
  g_assert_cmpint (waymark_persona_cell_insert_index (persona, "bar", "f2", -1), ==, 2);
  /* An empty cell: the end of the list. */
  g_assert_cmpint (waymark_persona_cell_insert_index (persona, "act", "f3", 0), ==, -1);

  /* What the index is for: the new card lands at that cell position. */
  waymark_document_insert_card (doc, "p", waymark_card_new ("c4", "act", "f1", "Between"),
                                waymark_persona_cell_insert_index (persona, "act", "f1", 1));
  g_assert_cmpint (waymark_persona_card_position (persona, "c4"), ==, 1);
  g_assert_cmpint (waymark_persona_card_position (persona, "c3"), ==, 2);
}

static void
test_move_card (void)
{
  g_autoptr (WaymarkDocument) doc = make_document ();
  WaymarkPersona *persona = waymark_document_find_persona (doc, "p");
  g_autofree char *before = NULL;
  g_autoptr (GPtrArray) cell = NULL;

  waymark_document_insert_card (doc, "p", waymark_card_new ("c3", "act", "f2", "A"), -1);
  waymark_document_insert_card (doc, "p", waymark_card_new ("c4", "act", "f2", "B"), -1);
  waymark_history_clear (waymark_document_get_history (doc));
  before = document_test_serialise (doc);

  /* c1 to the top of cell (act, f2): before c3. */
  g_assert_true (waymark_document_move_card (doc, "c1", "act", "f2", 0));
  cell = waymark_persona_cell_cards (persona, "act", "f2");
  g_assert_cmpuint (cell->len, ==, 3);
  g_assert_cmpstr (((WaymarkCard *) cell->pdata[0])->base.id, ==, "c1");
  g_assert_cmpstr (((WaymarkCard *) cell->pdata[1])->base.id, ==, "c3");
  g_assert_cmpuint (waymark_history_get_n_undo (waymark_document_get_history (doc)), ==, 1);
  g_assert_cmpstr (waymark_history_get_undo_label (waymark_document_get_history (doc)), ==,
                   "Move Card");
  document_test_assert_step (doc, before, NULL);
  g_clear_pointer (&cell, g_ptr_array_unref);

  /* Within the cell: c1 to the end. */
  g_assert_true (waymark_document_move_card (doc, "c1", "act", "f2", -1));
  cell = waymark_persona_cell_cards (persona, "act", "f2");
  g_assert_cmpstr (((WaymarkCard *) cell->pdata[2])->base.id, ==, "c1");
  g_clear_pointer (&cell, g_ptr_array_unref);

  /* Inside a gesture's group the result still says whether it moved. */
  waymark_document_begin_group (doc, "Drag");
  g_assert_true (waymark_document_move_card (doc, "c1", "act", "f3", -1));
  g_assert_false (waymark_document_move_card (doc, "c1", "act", "f3", -1));
  waymark_document_end_group (doc);
  waymark_document_undo (doc);

  /* Into an emotions lane: refused. Same place: nothing recorded. */
  g_assert_false (waymark_document_move_card (doc, "c1", "emo", "f2", 0));
  g_assert_false (waymark_document_move_card (doc, "c1", "act", "f2", 2));
}

static void
test_emotions (void)
{
  g_autoptr (WaymarkDocument) doc = make_document ();
  g_autofree char *before = document_test_serialise (doc);
  WaymarkPersona *persona = waymark_document_find_persona (doc, "p");

  g_assert_true (waymark_document_set_emotion (doc, "p", "emo", "f2", -7, "angry"));
  g_assert_cmpint (waymark_persona_find_emotion (persona, "emo", "f2")->score, ==, -2);
  document_test_assert_step (doc, before, NULL);

  g_assert_true (waymark_document_set_emotion (doc, "p", "emo", "f1", 2, "happy"));
  g_assert_cmpstr (waymark_history_get_undo_label (waymark_document_get_history (doc)), ==,
                   "Change Emotion");
  g_assert_false (waymark_document_set_emotion (doc, "p", "act", "f1", 1, "x"));
  g_assert_true (waymark_document_remove_emotion (doc, "p", "emo", "f1"));
  g_assert_null (waymark_persona_find_emotion (persona, "emo", "f1"));
  g_assert_false (waymark_document_remove_emotion (doc, "p", "emo", "f1"));

  /* Narrowing the scale clamps the points, in one step. */
  waymark_document_undo (doc);
  g_assert_true (waymark_document_set_int (doc, "emo", WAYMARK_FIELD_SCALE_MAX, 1));
  g_assert_cmpint (waymark_persona_find_emotion (persona, "emo", "f1")->score, ==, 1);
  waymark_document_undo (doc);
  g_assert_cmpint (waymark_persona_find_emotion (persona, "emo", "f1")->score, ==, 2);
}

static void
test_structure (void)
{
  g_autoptr (WaymarkDocument) doc = make_document ();
  g_autofree char *before = document_test_serialise (doc);
  WaymarkPersona *persona = waymark_document_find_persona (doc, "p");
  const char *id;

  /* Deleting a phase takes its cards and points, in one undo step. */
  g_assert_true (waymark_document_remove (doc, "f1"));
  g_assert_null (waymark_document_find_card (doc, "c1"));
  g_assert_null (waymark_persona_find_emotion (persona, "emo", "f1"));
  g_assert_cmpuint (persona->phases->len, ==, 2);
  document_test_assert_step (doc, before, NULL);
  waymark_document_undo (doc);

  /* Deleting a lane takes its cards. */
  g_assert_true (waymark_document_remove (doc, "bar"));
  g_assert_null (waymark_document_find_card (doc, "c2"));
  document_test_assert_step (doc, before, NULL);
  waymark_document_undo (doc);

  /* Turning a lane into an emotions lane removes its cards. */
  g_assert_true (waymark_document_set_int (doc, "act", WAYMARK_FIELD_KIND, WAYMARK_LANE_EMOTIONS));
  g_assert_null (waymark_document_find_card (doc, "c1"));
  document_test_assert_step (doc, before, NULL);
  waymark_document_undo (doc);

  id = waymark_document_insert_phase (doc, "p", waymark_phase_new (NULL, "Later"), 1);
  g_assert_cmpstr (((WaymarkPhase *) persona->phases->pdata[1])->base.id, ==, id);
  document_test_assert_step (doc, before, NULL);
  waymark_document_undo (doc);

  id = waymark_document_insert_lane (doc, "p", waymark_lane_new (NULL, "Ideas", WAYMARK_LANE_LEVERS), 0);
  g_assert_cmpstr (((WaymarkLane *) persona->lanes->pdata[0])->base.id, ==, id);
  waymark_document_undo (doc);

  g_assert_true (waymark_document_move (doc, "f3", 0));
  g_assert_cmpstr (((WaymarkPhase *) persona->phases->pdata[0])->base.id, ==, "f3");
  document_test_assert_step (doc, before, NULL);
  waymark_document_undo (doc);
  g_assert_false (waymark_document_move (doc, "f1", 0));
}

static void
test_personas_and_tags (void)
{
  g_autoptr (WaymarkDocument) doc = make_document ();
  g_autofree char *before = document_test_serialise (doc);
  WaymarkPersona *original = waymark_document_find_persona (doc, "p");
  WaymarkPersona *copy = waymark_persona_copy (original);
  WaymarkPersona *inserted;
  const char *id;
  const char *tags[] = { "t1", "t1", "missing", NULL };

  /* A copy keeps its content but gets fresh ids, and the cards follow
   * their renamed lanes and phases. */
  id = waymark_document_insert_persona (doc, copy, -1);
  g_assert_cmpstr (id, !=, "p");
  inserted = waymark_document_find_persona (doc, id);
  g_assert_cmpuint (inserted->cards->len, ==, 2);
  {
    WaymarkCard *card = inserted->cards->pdata[0];
    g_assert_cmpstr (card->base.id, !=, "c1");
    g_assert_nonnull (waymark_persona_find_lane (inserted, card->lane_id));
    g_assert_nonnull (waymark_persona_find_phase (inserted, card->phase_id));
    g_assert_true (waymark_document_lookup_persona (doc, card->base.id) == inserted);
  }
  g_assert_cmpuint (waymark_document_get_n_personas (doc), ==, 2);
  document_test_assert_step (doc, before, NULL);

  g_assert_true (waymark_document_move (doc, id, 0));
  g_assert_cmpint (waymark_document_persona_index (doc, id), ==, 0);
  g_assert_true (waymark_document_remove (doc, id));
  g_assert_cmpuint (waymark_document_get_n_personas (doc), ==, 1);
  waymark_document_undo (doc);
  g_assert_cmpuint (waymark_document_get_n_personas (doc), ==, 2);

  /* Tags: only known ones, once each; deleting a tag takes it off cards. */
  g_assert_true (waymark_document_set_card_tags (doc, "c2", tags));
  g_assert_cmpuint (g_strv_length (waymark_document_find_card (doc, "c2")->tags), ==, 1);
  g_assert_true (waymark_document_remove (doc, "t1"));
  g_assert_cmpuint (g_strv_length (waymark_document_find_card (doc, "c2")->tags), ==, 0);
  waymark_document_undo (doc);
  g_assert_true (waymark_card_has_tag (waymark_document_find_card (doc, "c2"), "t1"));
}

static void
test_limits (void)
{
  g_autoptr (WaymarkDocument) doc = make_document ();
  g_autofree char *huge = g_strnfill (64 * 1024 + 1, 'x');
  g_autofree char *most = g_strnfill (64 * 1024, 'x');
  WaymarkCard *card;

  /* What the loader would refuse, an edit refuses too. */
  g_assert_false (waymark_document_set_text (doc, "c1", WAYMARK_FIELD_TEXT, huge));
  g_assert_false (waymark_document_set_text (doc, "c1", WAYMARK_FIELD_TEXT, "bad \xff utf-8"));
  g_assert_true (waymark_document_set_text (doc, "c1", WAYMARK_FIELD_TEXT, most));
  card = waymark_card_new (NULL, "act", "f1", huge);
  g_assert_null (waymark_document_insert_card (doc, "p", card, -1));
  g_assert_false (waymark_document_set_emotion (doc, "p", "emo", "f2", 0, huge));
  {
    WaymarkPersona *persona = waymark_persona_new (NULL, huge);
    g_assert_null (waymark_document_insert_persona (doc, persona, -1));
  }
  g_assert_cmpuint (waymark_document_get_n_personas (doc), ==, 1);
}

/* A persona's profile: each field one undo step with its own label, the
 * facts as pairs, and nothing beyond what a file may hold. */
static void
test_profile (void)
{
  g_autoptr (WaymarkDocument) doc = make_document ();
  g_autoptr (GPtrArray) facts = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_fact_free);
  g_autofree char *huge = g_strnfill (64 * 1024 + 1, 'x');
  WaymarkPersona *persona = waymark_document_find_persona (doc, "p");
  const char * const goals[] = { "Find a course", "", "Keep the job", NULL };
  const char * const bad[] = { "fine", huge, NULL };
  char *before = document_test_serialise (doc);

  g_assert_false (waymark_persona_has_profile (persona));

  g_assert_true (waymark_document_set_text (doc, "p", WAYMARK_FIELD_QUOTE, "Not again."));
  g_assert_cmpstr (persona->quote, ==, "Not again.");
  g_assert_true (waymark_persona_has_profile (persona));
  document_test_assert_step (doc, before, "Edit Quote");
  g_free (before);

  before = document_test_serialise (doc);
  g_assert_true (waymark_document_set_list (doc, "p", WAYMARK_FIELD_GOALS, goals));
  g_assert_true (g_strv_equal ((const char * const *) persona->goals, goals));
  document_test_assert_step (doc, before, "Edit Goals");
  g_assert_false (waymark_document_set_list (doc, "p", WAYMARK_FIELD_GOALS, goals));
  g_free (before);

  before = document_test_serialise (doc);
  g_assert_true (waymark_document_set_list (doc, "p", WAYMARK_FIELD_FRUSTRATIONS,
                                            (const char * const[]) { "Forms", NULL }));
  document_test_assert_step (doc, before, "Edit Frustrations");
  g_free (before);

  before = document_test_serialise (doc);
  g_ptr_array_add (facts, waymark_fact_new ("Age", "34"));
  g_ptr_array_add (facts, waymark_fact_new ("Staff", ""));
  g_assert_true (waymark_document_set_facts (doc, "p", facts));
  g_assert_cmpuint (persona->facts->len, ==, 2);
  g_assert_cmpstr (((WaymarkFact *) g_ptr_array_index (persona->facts, 1))->label, ==, "Staff");
  document_test_assert_step (doc, before, "Edit Facts");
  g_assert_false (waymark_document_set_facts (doc, "p", facts));
  g_free (before);

  /* Refused: text a file may not hold, a list field through the wrong
   * call, an unknown persona. */
  g_assert_false (waymark_document_set_list (doc, "p", WAYMARK_FIELD_NEEDS, bad));
  g_assert_false (waymark_document_set_text (doc, "p", WAYMARK_FIELD_QUOTE, huge));
  g_assert_false (waymark_document_set_text (doc, "p", WAYMARK_FIELD_GOALS, "x"));
  g_assert_false (waymark_document_set_list (doc, "nope", WAYMARK_FIELD_NEEDS, goals));
  g_assert_false (waymark_document_set_list (doc, "c1", WAYMARK_FIELD_NEEDS, goals));
  g_assert_cmpuint (g_strv_length (persona->needs), ==, 0);

  /* A copy of the persona carries its profile. */
  {
    g_autoptr (WaymarkPersona) copy = waymark_persona_copy (persona);

    g_assert_cmpstr (copy->quote, ==, "Not again.");
    g_assert_true (g_strv_equal ((const char * const *) copy->goals, goals));
    g_assert_cmpuint (copy->facts->len, ==, 2);
  }

  while (waymark_document_undo (doc))
    ;
  g_assert_false (waymark_persona_has_profile (persona));
}

static void
test_initials (void)
{
  WaymarkPersona *persona = waymark_persona_new ("x", "De loopbaanlanceerder");
  g_autofree char *initials = waymark_persona_dup_initials (persona);
  g_autofree char *explicit_initials = NULL;

  g_assert_cmpstr (initials, ==, "DL");
  g_free (persona->initials);
  persona->initials = g_strdup ("É");
  explicit_initials = waymark_persona_dup_initials (persona);
  g_assert_cmpstr (explicit_initials, ==, "É");
  waymark_persona_free (persona);

  /* New personas are "Persona N": the tenth is not the first's twin. */
  {
    static const struct { const char *name; const char *initials; } cases[] = {
      { "Persona 1", "P1" }, { "Persona 10", "P10" }, { "Persona 11", "P11" },
      { "Persona 1234", "P123" }, { "2 jobstudenten", "2" }, { "één-twee", "ÉT" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        WaymarkPersona *numbered = waymark_persona_new ("y", cases[i].name);
        g_autofree char *got = waymark_persona_dup_initials (numbered);

        g_assert_cmpstr (got, ==, cases[i].initials);
        waymark_persona_free (numbered);
      }
  }
}

/* Tags keep getting colours of their own: the first 30 all differ
 * clearly from each other. */
static void
test_tag_colors (void)
{
  int rgb[30][3];

  for (guint i = 0; i < G_N_ELEMENTS (rgb); i++)
    {
      char color[8];

      waymark_tag_color_for_index (i, color);
      g_assert_cmpuint (strlen (color), ==, 7);
      g_assert_cmpint (sscanf (color, "#%2x%2x%2x", (guint *) &rgb[i][0], (guint *) &rgb[i][1],
                               (guint *) &rgb[i][2]), ==, 3);
      for (guint j = 0; j < i; j++)
        {
          int d = abs (rgb[i][0] - rgb[j][0]) + abs (rgb[i][1] - rgb[j][1])
                  + abs (rgb[i][2] - rgb[j][2]);

          if (d < 40)
            g_error ("tag colours %u and %u are too alike (%d)", j, i, d);
        }
    }
}

/* Picks a random element id of a list, or NULL when it is empty. */
static const char *
random_id (GRand *rand, GPtrArray *objects)
{
  if (objects->len == 0)
    return NULL;
  return ((WaymarkObject *) objects->pdata[g_rand_int_range (rand, 0, (int) objects->len)])->id;
}

static void
random_edit (WaymarkDocument *doc, GRand *rand)
{
  WaymarkPersona *persona =
    waymark_document_get_persona (doc, g_rand_int_range (rand, 0, (int) waymark_document_get_n_personas (doc)));
  const char *pid = persona->base.id;
  const char *phase = random_id (rand, persona->phases);
  const char *lane = random_id (rand, persona->lanes);
  const char *card = random_id (rand, persona->cards);
  g_autofree char *text = g_strdup_printf ("text %u ünïcödé 🙂 <&>", g_rand_int (rand));

  switch (g_rand_int_range (rand, 0, 16))
    {
    case 0:
      if (lane && phase)
        waymark_document_insert_card (doc, pid, waymark_card_new (NULL, lane, phase, text),
                                      g_rand_int_range (rand, -1, 5));
      break;
    case 1:
      if (card)
        waymark_document_set_text (doc, card, WAYMARK_FIELD_TEXT, text);
      break;
    case 2:
      if (card && g_rand_boolean (rand))
        waymark_document_remove (doc, card);
      break;
    case 3:
      if (card && lane && phase)
        waymark_document_move_card (doc, card, lane, phase, g_rand_int_range (rand, -1, 3));
      break;
    case 4:
      if (lane && phase)
        waymark_document_set_emotion (doc, pid, lane, phase, g_rand_int_range (rand, -3, 4), text);
      break;
    case 5:
      if (lane && phase)
        waymark_document_remove_emotion (doc, pid, lane, phase);
      break;
    case 6:
      waymark_document_insert_phase (doc, pid, waymark_phase_new (NULL, text),
                                     g_rand_int_range (rand, -1, 4));
      break;
    case 7:
      if (phase && persona->phases->len > 2)
        waymark_document_remove (doc, phase);
      break;
    case 8:
      waymark_document_insert_lane (doc, pid,
                                    waymark_lane_new (NULL, text, g_rand_int_range (rand, 0, WAYMARK_N_LANE_KINDS)),
                                    g_rand_int_range (rand, -1, 4));
      break;
    case 9:
      if (lane && persona->lanes->len > 2 && g_rand_boolean (rand))
        waymark_document_remove (doc, lane);
      break;
    case 10:
      if (lane)
        waymark_document_set_int (doc, lane, WAYMARK_FIELD_KIND, g_rand_int_range (rand, 0, WAYMARK_N_LANE_KINDS));
      break;
    case 11:
      if (phase)
        waymark_document_move (doc, phase, g_rand_int_range (rand, 0, 5));
      break;
    case 12:
      if (card)
        {
          const char *tags[] = { random_id (rand, waymark_document_get_tags (doc)), NULL };
          waymark_document_set_card_tags (doc, card, tags);
        }
      break;
    case 13:
      if (card)
        waymark_document_set_int (doc, card, WAYMARK_FIELD_SPAN, g_rand_int_range (rand, 1, 4));
      break;
    case 14:
      if (g_rand_int_range (rand, 0, 8) == 0)
        {
          WaymarkPersona *copy = waymark_persona_copy (persona);
          waymark_document_insert_persona (doc, copy, -1);
        }
      else
        waymark_document_set_text (doc, pid, WAYMARK_FIELD_NAME, text);
      break;
    case 15:
    default:
      if (g_rand_boolean (rand))
        waymark_document_insert_tag (doc, waymark_tag_new (NULL, text, "#123456"), -1);
      else if (waymark_document_get_tags (doc)->len > 0)
        waymark_document_remove (doc, random_id (rand, waymark_document_get_tags (doc)));
      break;
    }
}

static void
test_random_edits (void)
{
  g_autoptr (WaymarkDocument) doc = make_document ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autofree char *original = document_test_serialise (doc);
  g_autofree char *edited = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  WaymarkHistory *history = waymark_document_get_history (doc);
  guint steps;

  for (int i = 0; i < 600; i++)
    {
      /* Some edits are grouped, as gestures are. */
      if (i % 7 == 0)
        {
          waymark_document_begin_group (doc, "Gesture");
          random_edit (doc, rand);
          random_edit (doc, rand);
          waymark_document_end_group (doc);
        }
      else
        random_edit (doc, rand);
    }
  edited = document_test_serialise (doc);
  steps = waymark_history_get_n_undo (history);
  g_assert_cmpuint (steps, >, 300);
  g_assert_cmpstr (edited, !=, original);

  while (waymark_document_undo (doc))
    ;
  undone = document_test_serialise (doc);
  g_assert_cmpstr (undone, ==, original);
  g_assert_false (waymark_history_get_modified (history));

  while (waymark_document_redo (doc))
    ;
  redone = document_test_serialise (doc);
  g_assert_cmpstr (redone, ==, edited);
  g_assert_cmpuint (waymark_history_get_n_undo (history), ==, steps);
}

/* The name offered for a new file keeps the title's words but nothing a
 * file system refuses. */
static void
test_file_stem (void)
{
  static const struct { const char *title; const char *stem; } cases[] = {
    { "Knee replacement: patient journey", "Knee replacement - patient journey" },
    { "A/B \\ test", "A-B - test" },
    { "What? <Who> \"why\" *|*", "What- -Who- -why- ---" },
    { "  ..Trailing dots..  ", "Trailing dots" },
    { "Tab\tand\nnewline", "Tab and newline" },
    { "Één café", "Één café" },
    { "", NULL },
    { " . ", NULL },
  };
  g_autofree char *long_title = g_strnfill (300, 'a');
  g_autofree char *long_stem = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (WaymarkDocument) document = waymark_document_new ();
      g_autofree char *stem = NULL;

      waymark_document_set_text (document, NULL, WAYMARK_FIELD_TITLE, cases[i].title);
      stem = waymark_document_dup_file_stem (document);
      g_assert_cmpstr (stem, ==, cases[i].stem);
    }

  {
    g_autoptr (WaymarkDocument) document = waymark_document_new ();

    waymark_document_set_text (document, NULL, WAYMARK_FIELD_TITLE, long_title);
    long_stem = waymark_document_dup_file_stem (document);
    g_assert_cmpuint (strlen (long_stem), ==, 200);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/document/set-fields", test_set_fields);
  g_test_add_func ("/document/card-lifecycle", test_card_lifecycle);
  g_test_add_func ("/document/persona-card-queries", test_persona_card_queries);
  g_test_add_func ("/document/move-card", test_move_card);
  g_test_add_func ("/document/emotions", test_emotions);
  g_test_add_func ("/document/structure", test_structure);
  g_test_add_func ("/document/personas-and-tags", test_personas_and_tags);
  g_test_add_func ("/document/profile", test_profile);
  g_test_add_func ("/document/initials", test_initials);
  g_test_add_func ("/document/tag-colors", test_tag_colors);
  g_test_add_func ("/document/limits", test_limits);
  g_test_add_func ("/document/random-edits", test_random_edits);
  g_test_add_func ("/document/file-stem", test_file_stem);
  return g_test_run ();
}
