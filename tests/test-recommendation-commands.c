/* test-recommendation-commands.c: the window's edits of recommendations, with undo
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The commands of src/editing/waymark-recommendation-commands.h without a
 * display: each one undo step with its label, undo restoring the file
 * byte for byte.
 */
#include "config.h"

#include "document-test-util.h"
#include "waymark-recommendation-commands.h"

/* Persona "p" with barriers b1, b2 and a lever v1; domains d1 and d2;
 * recommendations r1, r2 in d1 and r3 in d2. */
static WaymarkDocument *
make_document (void)
{
  WaymarkDocument *doc = waymark_document_new ();
  WaymarkPersona *persona = waymark_persona_new ("p", "Pat");
  WaymarkRecommendation *recommendation;

  g_ptr_array_add (persona->phases, waymark_phase_new ("ph1", "Orient"));
  g_ptr_array_add (persona->phases, waymark_phase_new ("ph2", "Choose"));
  g_ptr_array_add (persona->lanes, waymark_lane_new ("lb", "Barriers", WAYMARK_LANE_BARRIERS));
  g_ptr_array_add (persona->lanes, waymark_lane_new ("lv", "Levers", WAYMARK_LANE_LEVERS));
  g_ptr_array_add (persona->cards, waymark_card_new ("b1", "lb", "ph1", "No time"));
  g_ptr_array_add (persona->cards, waymark_card_new ("b2", "lb", "ph2", "Too expensive"));
  g_ptr_array_add (persona->cards, waymark_card_new ("v1", "lv", "ph2", "A keen employer"));
  waymark_document_insert_persona (doc, persona, -1);
  waymark_document_insert_domain (doc, waymark_domain_new ("d1", "Policy", "#1f4e79"), -1);
  waymark_document_insert_domain (doc, waymark_domain_new ("d2", "Funding", "#6d4c41"), -1);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("r%u", i + 1);

      recommendation = waymark_recommendation_new (id, id);
      g_free (recommendation->domain_id);
      recommendation->domain_id = g_strdup (i < 2 ? "d1" : "d2");
      waymark_document_insert_recommendation (doc, recommendation, -1);
    }
  waymark_history_clear (waymark_document_get_history (doc));
  return doc;
}

static const char *
id_at (WaymarkDocument *doc,
       const char      *domain_id,
       guint            index)
{
  g_autoptr(GPtrArray) list = waymark_document_list_domain_recommendations (doc, domain_id);

  return index < list->len ? ((WaymarkRecommendation *) g_ptr_array_index (list, index))->base.id
                           : NULL;
}

static void
test_add (void)
{
  g_autoptr(WaymarkDocument) doc = make_document ();
  g_autofree char *before = document_test_serialise (doc);
  g_autofree char *added = NULL;
  WaymarkRecommendation *recommendation;
  WaymarkDomain *domain;
  const char *id;

  id = waymark_command_add_recommendation (doc, "d1", 1, NULL);
  g_assert_nonnull (id);
  recommendation = waymark_document_find_recommendation (doc, id);
  g_assert_cmpstr (recommendation->title, ==, "New recommendation");
  g_assert_cmpstr (id_at (doc, "d1", 1), ==, id);
  document_test_assert_step (doc, before, "Add Recommendation");

  /* In a Dutch document, a new name is Dutch (when the catalogue is
   * installed; the English name otherwise), never empty. */
  added = document_test_serialise (doc);
  id = waymark_command_add_domain (doc, NULL);
  domain = waymark_document_find_domain (doc, id);
  g_assert_cmpstr (domain->name, ==, "New domain");
  g_assert_true (g_str_has_prefix (domain->color, "#"));
  g_assert_cmpstr (domain->color, !=, ((WaymarkDomain *) g_ptr_array_index (
                                         waymark_document_get_domains (doc), 1))->color);
  document_test_assert_step (doc, added, "Add Domain");

  /* Not into a domain that does not exist. */
  g_assert_null (waymark_command_add_recommendation (doc, "nope", -1, "Lost"));
}

static void
test_link (void)
{
  g_autoptr(WaymarkDocument) doc = make_document ();
  g_autofree char *before = document_test_serialise (doc);
  g_autofree char *linked = NULL;
  g_autofree char *one = NULL;
  const char *cards[] = { "b2", "v1", "b2", "gone", NULL };
  const char *b1[] = { "b1", NULL };
  WaymarkRecommendation *recommendation;

  /* Unknown cards and repeats are left out; one step for all. */
  g_assert_cmpuint (waymark_command_link_cards (doc, "r1", cards, TRUE), ==, 2);
  recommendation = waymark_document_find_recommendation (doc, "r1");
  g_assert_cmpstr (recommendation->cards[0], ==, "b2");
  g_assert_cmpstr (recommendation->cards[1], ==, "v1");
  g_assert_null (recommendation->cards[2]);
  document_test_assert_step (doc, before, "Link Cards");

  /* Already linked: nothing to record. */
  linked = document_test_serialise (doc);
  g_assert_cmpuint (waymark_command_link_cards (doc, "r1", cards, TRUE), ==, 0);
  g_assert_cmpstr (waymark_history_get_undo_label (waymark_document_get_history (doc)), ==,
                   "Link Cards");

  /* One card: the singular, at the end of the list. */
  g_assert_cmpuint (waymark_command_link_cards (doc, "r1", b1, TRUE), ==, 1);
  recommendation = waymark_document_find_recommendation (doc, "r1");
  g_assert_cmpstr (recommendation->cards[2], ==, "b1");
  document_test_assert_step (doc, linked, "Link Card");

  one = document_test_serialise (doc);
  g_assert_cmpuint (waymark_command_link_cards (doc, "r1", cards, FALSE), ==, 2);
  recommendation = waymark_document_find_recommendation (doc, "r1");
  g_assert_cmpstr (recommendation->cards[0], ==, "b1");
  g_assert_null (recommendation->cards[1]);
  document_test_assert_step (doc, one, "Unlink Cards");
  g_assert_cmpuint (waymark_command_link_cards (doc, "nope", cards, TRUE), ==, 0);
}

static void
test_shift (void)
{
  g_autoptr(WaymarkDocument) doc = make_document ();
  g_autofree char *s0 = document_test_serialise (doc);
  g_autofree char *s1 = NULL, *s2 = NULL, *s3 = NULL;
  g_auto(GStrv) groups = NULL;

  /* Within the domain. */
  g_assert_true (waymark_command_shift_recommendation (doc, "r1", +1));
  g_assert_cmpstr (id_at (doc, "d1", 0), ==, "r2");
  g_assert_cmpstr (id_at (doc, "d1", 1), ==, "r1");
  document_test_assert_step (doc, s0, "Move Recommendation");

  /* Past its last: the start of the next domain. */
  s1 = document_test_serialise (doc);
  g_assert_true (waymark_command_shift_recommendation (doc, "r1", +1));
  g_assert_cmpstr (id_at (doc, "d2", 0), ==, "r1");
  g_assert_cmpstr (id_at (doc, "d2", 1), ==, "r3");
  g_assert_cmpstr (waymark_document_find_recommendation (doc, "r1")->domain_id, ==, "d2");
  document_test_assert_step (doc, s1, "Move Recommendation");

  /* Back up: the end of the domain before. */
  s2 = document_test_serialise (doc);
  g_assert_true (waymark_command_shift_recommendation (doc, "r1", -1));
  g_assert_cmpstr (id_at (doc, "d1", 1), ==, "r1");
  document_test_assert_step (doc, s2, "Move Recommendation");

  /* The ends of the list. */
  g_assert_false (waymark_command_shift_recommendation (doc, "r2", -1));
  g_assert_false (waymark_command_shift_recommendation (doc, "r3", +1));

  /* Those in no domain come last, once there are any. */
  groups = waymark_command_list_domain_groups (doc);
  g_assert_cmpuint (g_strv_length (groups), ==, 2);
  g_assert_true (waymark_document_set_text (doc, "r3", WAYMARK_FIELD_DOMAIN, ""));
  g_clear_pointer (&groups, g_strfreev);
  groups = waymark_command_list_domain_groups (doc);
  g_assert_cmpuint (g_strv_length (groups), ==, 3);
  g_assert_cmpstr (groups[2], ==, "");
  g_assert_true (waymark_command_shift_recommendation (doc, "r3", -1));
  g_assert_cmpstr (waymark_document_find_recommendation (doc, "r3")->domain_id, ==, "d2");

  s3 = document_test_serialise (doc);
  g_assert_true (waymark_command_shift_domain (doc, "d2", -1));
  g_assert_cmpstr (((WaymarkDomain *) g_ptr_array_index (waymark_document_get_domains (doc), 0))
                     ->base.id, ==, "d2");
  document_test_assert_step (doc, s3, "Move Domain");
  g_assert_false (waymark_command_shift_domain (doc, "d2", -1));
}

static void
test_scores (void)
{
  g_autoptr(WaymarkDocument) doc = make_document ();
  g_autofree char *before = document_test_serialise (doc);
  WaymarkRecommendation *recommendation;

  g_assert_true (waymark_command_set_scores (doc, "r2", 9, 2));
  recommendation = waymark_document_find_recommendation (doc, "r2");
  g_assert_cmpint (recommendation->value, ==, WAYMARK_SCORE_MAX);
  g_assert_cmpint (recommendation->effort, ==, 2);
  document_test_assert_step (doc, before, "Change Scores");
  g_assert_false (waymark_command_set_scores (doc, "r2", 5, 2));
  g_assert_true (waymark_command_set_scores (doc, "r2", WAYMARK_SCORE_UNSET, 2));
  g_assert_cmpint (waymark_document_find_recommendation (doc, "r2")->value, ==,
                   WAYMARK_SCORE_UNSET);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/recommendation-commands/add", test_add);
  g_test_add_func ("/recommendation-commands/link", test_link);
  g_test_add_func ("/recommendation-commands/shift", test_shift);
  g_test_add_func ("/recommendation-commands/scores", test_scores);
  return g_test_run ();
}
