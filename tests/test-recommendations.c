/* test-recommendations.c: recommendations, domains and links, with undo and redo
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit is one undo step that restores exactly what was there (the
 * saved bytes before and after), links follow the cards they point at,
 * and targets and reach are computed from the links.
 */
#include "config.h"

#include <string.h>

#include "document-test-util.h"
#include "waymark-format.h"
#include "waymark-limits.h"

static void
add_card (WaymarkDocument *doc,
          const char      *persona_id,
          const char      *id,
          const char      *lane_id,
          const char      *phase_id,
          int              span)
{
  WaymarkCard *card = waymark_card_new (id, lane_id, phase_id, id);

  card->span = span;
  g_assert_cmpstr (waymark_document_insert_card (doc, persona_id, card, -1), ==, id);
}

/* Two personas, "a" and "b", each with phases f1..f3, a barriers lane and a
 * levers lane; barrier cards a1 (f1, spanning f1-f2), a2 (f3) in "a", b1
 * (f2) in "b", and a lever card a3 (f1) in "a". Two domains and no
 * recommendation yet. */
static WaymarkDocument *
make_document (void)
{
  WaymarkDocument *doc = waymark_document_new ();
  const char *ids[] = { "a", "b" };

  waymark_document_set_text (doc, NULL, WAYMARK_FIELD_TITLE, "Study");
  for (guint p = 0; p < G_N_ELEMENTS (ids); p++)
    {
      WaymarkPersona *persona = waymark_persona_new (ids[p], ids[p]);

      for (int f = 1; f <= 3; f++)
        {
          g_autofree char *phase_id = g_strdup_printf ("%s-f%d", ids[p], f);
          g_ptr_array_add (persona->phases, waymark_phase_new (phase_id, "Phase"));
        }
      {
        g_autofree char *bar = g_strdup_printf ("%s-bar", ids[p]);
        g_autofree char *lev = g_strdup_printf ("%s-lev", ids[p]);
        g_autofree char *emo = g_strdup_printf ("%s-emo", ids[p]);

        g_ptr_array_add (persona->lanes, waymark_lane_new (bar, "Barriers", WAYMARK_LANE_BARRIERS));
        g_ptr_array_add (persona->lanes, waymark_lane_new (lev, "Levers", WAYMARK_LANE_LEVERS));
        g_ptr_array_add (persona->lanes, waymark_lane_new (emo, "Feelings", WAYMARK_LANE_EMOTIONS));
      }
      g_assert_nonnull (waymark_document_insert_persona (doc, persona, -1));
    }
  add_card (doc, "a", "a1", "a-bar", "a-f1", 2);
  add_card (doc, "a", "a2", "a-bar", "a-f3", 1);
  add_card (doc, "a", "a3", "a-lev", "a-f1", 1);
  add_card (doc, "b", "b1", "b-bar", "b-f2", 1);
  g_assert_cmpstr (waymark_document_insert_domain (doc, waymark_domain_new ("d1", "Policy", "#0072b2"),
                                                   -1), ==, "d1");
  g_assert_cmpstr (waymark_document_insert_domain (doc, waymark_domain_new ("d2", "Cooperation", NULL),
                                                   -1), ==, "d2");
  waymark_history_clear (waymark_document_get_history (doc));
  return doc;
}

/* A recommendation in @domain_id addressing @cards (NULL-terminated), at the
 * end of its domain. */
static const char *
add_recommendation (WaymarkDocument *doc,
                    const char      *id,
                    const char      *domain_id,
                    const char      *title,
                    ...)
{
  WaymarkRecommendation *recommendation = waymark_recommendation_new (id, title);
  g_autoptr (GStrvBuilder) cards = g_strv_builder_new ();
  va_list args;
  const char *card;

  g_free (recommendation->domain_id);
  recommendation->domain_id = g_strdup (domain_id);
  va_start (args, title);
  while ((card = va_arg (args, const char *)) != NULL)
    g_strv_builder_add (cards, card);
  va_end (args);
  g_strfreev (recommendation->cards);
  recommendation->cards = g_strv_builder_end (cards);
  return waymark_document_insert_recommendation (doc, recommendation, -1);
}

static gboolean
has_line (const char *text,
          const char *line)
{
  return strstr (text, line) != NULL;
}

/* Whether the document, saved, has @line. */
static gboolean
saves_line (WaymarkDocument *doc,
            const char      *line)
{
  g_autofree char *text = document_test_serialise (doc);

  return has_line (text, line);
}

static void
test_version (void)
{
  g_autoptr (WaymarkDocument) doc = waymark_document_new ();
  g_autofree char *v1 = NULL;
  g_autofree char *v2 = NULL;
  g_autofree char *back = NULL;

  /* Nothing of version 2: version 1, byte for byte as before. */
  v1 = document_test_serialise (doc);
  g_assert_cmpint (waymark_format_get_version (doc), ==, 1);
  g_assert_cmpstr (v1, ==,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<waymark xmlns=\"urn:waymark:document\" version=\"1\" lang=\"en\"/>\n");

  /* A domain alone needs version 2; taking it away returns to version 1. */
  g_assert_nonnull (waymark_document_insert_domain (doc, waymark_domain_new (NULL, "D", NULL), -1));
  v2 = document_test_serialise (doc);
  g_assert_cmpint (waymark_format_get_version (doc), ==, 2);
  g_assert_true (has_line (v2, "version=\"2\""));
  g_assert_true (has_line (v2,
                           "  <domains>\n    <domain id=\"domain-1\" name=\"D\"/>\n  </domains>\n"));
  g_assert_true (waymark_document_undo (doc));
  back = document_test_serialise (doc);
  g_assert_cmpstr (back, ==, v1);

  /* So does a recommendation in no domain. */
  g_assert_cmpstr (add_recommendation (doc, NULL, "", "R", NULL), ==, "rec-2");
  g_assert_cmpint (waymark_format_get_version (doc), ==, 2);
}

static void
test_domains (void)
{
  g_autoptr (WaymarkDocument) doc = make_document ();
  g_autofree char *before = document_test_serialise (doc);
  GPtrArray *domains = waymark_document_get_domains (doc);
  const char *id;

  id = waymark_document_insert_domain (doc, waymark_domain_new ("d1", "Data", "#009e73"), 1);
  /* A taken id is replaced by a fresh one. */
  g_assert_cmpstr (id, ==, "domain-1");
  g_assert_true (g_ptr_array_index (domains, 1) == waymark_document_find_domain (doc, id));
  document_test_assert_step (doc, before, "Add Domain");

  g_free (before);
  before = document_test_serialise (doc);
  g_assert_true (waymark_document_set_text (doc, "d2", WAYMARK_FIELD_NAME, "Networks"));
  document_test_assert_step (doc, before, "Rename Domain");
  g_assert_true (waymark_document_set_text (doc, "d2", WAYMARK_FIELD_COLOR, "#e69f00"));
  g_assert_cmpstr (waymark_document_find_domain (doc, "d2")->color, ==, "#e69f00");

  g_free (before);
  before = document_test_serialise (doc);
  g_assert_true (waymark_document_move (doc, "d2", 0));
  g_assert_cmpstr (((WaymarkDomain *) g_ptr_array_index (domains, 0))->base.id, ==, "d2");
  document_test_assert_step (doc, before, "Move Domain");

  /* Fields a domain does not have. */
  g_assert_false (waymark_document_set_text (doc, "d2", WAYMARK_FIELD_OWNER, "x"));
  g_assert_false (waymark_document_set_int (doc, "d2", WAYMARK_FIELD_VALUE, 3));
}

/* Deleting a domain leaves its recommendations in none; undo puts them
 * back in it. */
static void
test_delete_domain (void)
{
  g_autoptr (WaymarkDocument) doc = make_document ();
  g_autofree char *before = NULL;
  WaymarkRecommendation *r1, *r2;

  add_recommendation (doc, "r1", "d1", "One", "a1", NULL);
  add_recommendation (doc, "r2", "d1", "Two", NULL);
  add_recommendation (doc, "r3", "d2", "Three", NULL);
  before = document_test_serialise (doc);

  g_assert_true (waymark_document_remove (doc, "d1"));
  g_assert_null (waymark_document_find_domain (doc, "d1"));
  r1 = waymark_document_find_recommendation (doc, "r1");
  r2 = waymark_document_find_recommendation (doc, "r2");
  g_assert_cmpstr (r1->domain_id, ==, "");
  g_assert_cmpstr (r2->domain_id, ==, "");
  g_assert_cmpstr (waymark_document_find_recommendation (doc, "r3")->domain_id, ==, "d2");
  {
    g_autoptr (GPtrArray) loose = waymark_document_list_domain_recommendations (doc, NULL);
    g_assert_cmpuint (loose->len, ==, 2);
  }
  document_test_assert_step (doc, before, "Delete Domain");
}

static void
test_insert_recommendation (void)
{
  g_autoptr (WaymarkDocument) doc = make_document ();
  g_autofree char *before = document_test_serialise (doc);
  g_autofree char *text = NULL;
  WaymarkRecommendation *recommendation;
  const char *id;

  /* Unknown cards, repeats and a non-card id are dropped. */
  id = add_recommendation (doc, NULL, "d1", "Simplify recognition",
                           "a1", "nope", "b1", "a1", "a-f1", NULL);
  g_assert_cmpstr (id, ==, "rec-1");
  recommendation = waymark_document_find_recommendation (doc, id);
  g_assert_nonnull (recommendation);
  g_assert_cmpuint (g_strv_length (recommendation->cards), ==, 2);
  g_assert_cmpstr (recommendation->cards[0], ==, "a1");
  g_assert_cmpstr (recommendation->cards[1], ==, "b1");
  g_assert_true ((WaymarkObject *) recommendation == waymark_document_lookup (doc, id));
  document_test_assert_step (doc, before, "Add Recommendation");

  text = document_test_serialise (doc);
  g_assert_true (has_line (text,
                           "  <recommendations>\n"
                           "    <recommendation id=\"rec-1\" domain=\"d1\">\n"
                           "      <title>Simplify recognition</title>\n"
                           "      <addresses card=\"a1\"/>\n"
                           "      <addresses card=\"b1\"/>\n"
                           "    </recommendation>\n"
                           "  </recommendations>\n"
                           "</waymark>\n"));

  /* A domain that does not exist, a status or score out of range: refused. */
  g_assert_null (add_recommendation (doc, NULL, "d9", "x", NULL));
  recommendation = waymark_recommendation_new (NULL, "x");
  recommendation->value = 6;
  g_assert_null (waymark_document_insert_recommendation (doc, recommendation, -1));
  recommendation = waymark_recommendation_new (NULL, "x");
  recommendation->status = WAYMARK_N_STATUSES;
  g_assert_null (waymark_document_insert_recommendation (doc, recommendation, -1));
  g_assert_cmpuint (waymark_document_get_recommendations (doc)->len, ==, 1);
}

/* Each field is one undo step that restores exactly, and refuses what a
 * file could not hold. */
static void
test_fields (void)
{
  static const struct {
    WaymarkField field;
    const char *text;
    int number;
    const char *label;
    const char *line;
  } edits[] = {
    { WAYMARK_FIELD_TITLE, "Hoe kunnen we erkenning vereenvoudigen?", 0, "Edit Title",
      "<title>Hoe kunnen we erkenning vereenvoudigen?</title>" },
    { WAYMARK_FIELD_DESCRIPTION, "Hoe kunnen we …\nin twee regels", 0, "Edit Description",
      "<description>Hoe kunnen we …\nin twee regels</description>" },
    { WAYMARK_FIELD_OWNER, "VLAIO", 0, "Change Owner", "owner=\"VLAIO\"" },
    { WAYMARK_FIELD_DOMAIN, "d2", 0, "Change Domain", "domain=\"d2\"" },
    { WAYMARK_FIELD_DOMAIN, "", 0, "Change Domain", "<recommendation id=\"r1\" owner=\"VLAIO\">" },
    { WAYMARK_FIELD_STATUS, NULL, WAYMARK_STATUS_IN_PROGRESS, "Change Status",
      "status=\"in-progress\"" },
    { WAYMARK_FIELD_STATUS, NULL, WAYMARK_STATUS_DROPPED, "Change Status", "status=\"dropped\"" },
    { WAYMARK_FIELD_VALUE, NULL, 4, "Change Value", "value=\"4\"" },
    { WAYMARK_FIELD_EFFORT, NULL, 2, "Change Effort", "effort=\"2\"" },
    { WAYMARK_FIELD_EFFORT, NULL, WAYMARK_SCORE_UNSET, "Change Effort", NULL },
  };
  g_autoptr (WaymarkDocument) doc = make_document ();
  int changed = 0;

  add_recommendation (doc, "r1", "d1", "Title", "a1", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *before = document_test_serialise (doc);
      g_autofree char *after = NULL;

      if (edits[i].text != NULL)
        g_assert_true (waymark_document_set_text (doc, "r1", edits[i].field, edits[i].text));
      else
        g_assert_true (waymark_document_set_int (doc, "r1", edits[i].field, edits[i].number));
      after = document_test_serialise (doc);
      if (edits[i].line != NULL)
        g_assert_true (has_line (after, edits[i].line));
      document_test_assert_step (doc, before, edits[i].label);
    }
  g_assert_false (saves_line (doc, "effort="));

  /* What would change nothing or could not be saved is refused. */
  g_signal_connect_swapped (doc, "changed", G_CALLBACK (g_atomic_int_inc), &changed);
  g_assert_false (waymark_document_set_text (doc, "r1", WAYMARK_FIELD_OWNER, "VLAIO"));
  g_assert_false (waymark_document_set_text (doc, "r1", WAYMARK_FIELD_DOMAIN, "d9"));
  g_assert_false (waymark_document_set_text (doc, "r1", WAYMARK_FIELD_DOMAIN, "a1"));
  g_assert_false (waymark_document_set_text (doc, "r1", WAYMARK_FIELD_NAME, "x"));
  g_assert_false (waymark_document_set_int (doc, "r1", WAYMARK_FIELD_STATUS, WAYMARK_N_STATUSES));
  g_assert_false (waymark_document_set_int (doc, "r1", WAYMARK_FIELD_STATUS, -1));
  g_assert_false (waymark_document_set_int (doc, "r1", WAYMARK_FIELD_VALUE, 6));
  g_assert_false (waymark_document_set_int (doc, "r1", WAYMARK_FIELD_VALUE, -1));
  g_assert_false (waymark_document_set_int (doc, "r1", WAYMARK_FIELD_EFFORT, 9));
  g_assert_cmpint (changed, ==, 0);
}

static void
count_changed_cb (WaymarkDocument *doc,
                  const char      *persona_id,
                  const char      *object_id,
                  gpointer         user_data)
{
  GPtrArray *seen = user_data;

  /* Recommendations are the document's: no persona's map changed. */
  g_assert_null (persona_id);
  g_ptr_array_add (seen, g_strdup (object_id));
}

static void
test_links (void)
{
  g_autoptr (WaymarkDocument) doc = make_document ();
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *before = NULL;
  WaymarkRecommendation *r1;
  const char *both[] = { "b1", "a2", "b1", "zz", NULL };

  add_recommendation (doc, "r1", "d1", "One", "a1", NULL);
  add_recommendation (doc, "r2", "d2", "Two", "a1", "b1", NULL);
  r1 = waymark_document_find_recommendation (doc, "r1");
  g_assert_cmpuint (waymark_document_count_recommendations_for_card (doc, "a1"), ==, 2);
  g_assert_cmpuint (waymark_document_count_recommendations_for_card (doc, "a2"), ==, 0);
  g_assert_cmpuint (waymark_document_count_recommendations_for_card (doc, "nope"), ==, 0);

  g_signal_connect (doc, "changed", G_CALLBACK (count_changed_cb), seen);
  before = document_test_serialise (doc);
  g_assert_true (waymark_document_link_card (doc, "r1", "a3"));
  g_assert_cmpuint (seen->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "r1");
  g_assert_cmpstr (r1->cards[1], ==, "a3");
  /* The card knows at once (the index is rebuilt after the change). */
  {
    g_autoptr (GPtrArray) addressing = waymark_document_get_recommendations_for_card (doc, "a3");
    g_assert_cmpuint (addressing->len, ==, 1);
    g_assert_true (g_ptr_array_index (addressing, 0) == r1);
  }
  document_test_assert_step (doc, before, "Link Card");
  g_assert_false (waymark_document_link_card (doc, "r1", "a3"));
  g_assert_false (waymark_document_link_card (doc, "r1", "nope"));
  g_assert_false (waymark_document_link_card (doc, "r1", "d1"));
  g_assert_false (waymark_document_link_card (doc, "a1", "a3"));

  g_free (before);
  before = document_test_serialise (doc);
  g_assert_true (waymark_document_unlink_card (doc, "r1", "a1"));
  g_assert_cmpstr (r1->cards[0], ==, "a3");
  g_assert_cmpuint (waymark_document_count_recommendations_for_card (doc, "a1"), ==, 1);
  document_test_assert_step (doc, before, "Unlink Card");
  g_assert_false (waymark_document_unlink_card (doc, "r1", "a1"));

  /* The whole list at once: known cards, once each, in this order. */
  g_free (before);
  before = document_test_serialise (doc);
  g_assert_true (waymark_document_set_addressed_cards (doc, "r1", both));
  r1 = waymark_document_find_recommendation (doc, "r1");
  g_assert_cmpuint (g_strv_length (r1->cards), ==, 2);
  g_assert_cmpstr (r1->cards[0], ==, "b1");
  g_assert_cmpstr (r1->cards[1], ==, "a2");
  document_test_assert_step (doc, before, "Change Linked Cards");
  g_assert_false (waymark_document_set_addressed_cards (doc, "r1", both));
  g_assert_true (waymark_document_set_addressed_cards (doc, "r1", NULL));
  g_assert_cmpuint (g_strv_length (r1->cards), ==, 0);
}

/* Deleting a card takes it off every recommendation in the same undo
 * step; undo brings back the card and its links. */
static void
test_delete_card (void)
{
  g_autoptr (WaymarkDocument) doc = make_document ();
  g_autofree char *before = NULL;

  add_recommendation (doc, "r1", "d1", "One", "a2", "a1", "b1", NULL);
  add_recommendation (doc, "r2", "d2", "Two", "a1", NULL);
  add_recommendation (doc, "r3", "d2", "Three", "b1", NULL);
  before = document_test_serialise (doc);

  g_assert_true (waymark_document_remove (doc, "a1"));
  g_assert_null (waymark_document_find_card (doc, "a1"));
  g_assert_cmpuint (g_strv_length (waymark_document_find_recommendation (doc, "r1")->cards), ==, 2);
  g_assert_cmpuint (g_strv_length (waymark_document_find_recommendation (doc, "r2")->cards), ==, 0);
  g_assert_cmpuint (waymark_document_count_recommendations_for_card (doc, "a1"), ==, 0);
  document_test_assert_step (doc, before, "Delete Card");
  /* Undone: the card is back in both, in its place in the list. */
  g_assert_true (waymark_document_undo (doc));
  g_assert_cmpstr (waymark_document_find_recommendation (doc, "r1")->cards[1], ==, "a1");
  g_assert_cmpuint (waymark_document_count_recommendations_for_card (doc, "a1"), ==, 2);
}

/* So do the cards that go with a lane, a phase, a persona, or a lane
 * that becomes an emotions lane. */
static void
test_delete_card_containers (void)
{
  static const char *removed[] = { "a-bar", "a-f1", "a" };
  g_autoptr (WaymarkDocument) doc = make_document ();
  g_autofree char *before = NULL;

  add_recommendation (doc, "r1", "d1", "One", "a1", "a2", "a3", "b1", NULL);
  before = document_test_serialise (doc);
  for (guint i = 0; i < G_N_ELEMENTS (removed); i++)
    {
      g_assert_true (waymark_document_remove (doc, removed[i]));
      g_assert_true (saves_line (doc, "<addresses card=\"b1\"/>"));
      document_test_assert_step (doc, before, NULL);
      g_assert_true (waymark_document_undo (doc));
    }
  g_assert_true (waymark_document_set_int (doc, "a-bar", WAYMARK_FIELD_KIND,
                                           WAYMARK_LANE_EMOTIONS));
  g_assert_cmpuint (g_strv_length (waymark_document_find_recommendation (doc, "r1")->cards), ==, 2);
  document_test_assert_step (doc, before, "Change Lane Kind");
}

static void
test_delete_recommendation (void)
{
  g_autoptr (WaymarkDocument) doc = make_document ();
  g_autofree char *before = NULL;

  add_recommendation (doc, "r1", "d1", "One", "a1", "b1", NULL);
  add_recommendation (doc, "r2", "d1", "Two", "a1", NULL);
  before = document_test_serialise (doc);
  g_assert_true (waymark_document_remove (doc, "r1"));
  g_assert_null (waymark_document_find_recommendation (doc, "r1"));
  g_assert_cmpuint (waymark_document_count_recommendations_for_card (doc, "a1"), ==, 1);
  g_assert_cmpuint (waymark_document_count_recommendations_for_card (doc, "b1"), ==, 0);
  document_test_assert_step (doc, before, "Delete Recommendation");
  g_assert_true (waymark_document_undo (doc));
  g_assert_cmpuint (waymark_document_count_recommendations_for_card (doc, "b1"), ==, 1);
}

/* The ids of @list, space-separated, against @expected. */
static void
assert_ids (GPtrArray  *list,
            const char *expected)
{
  g_autoptr (GString) ids = g_string_new (NULL);

  for (guint i = 0; i < list->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "",
                            ((WaymarkRecommendation *) g_ptr_array_index (list, i))->base.id);
  g_assert_cmpstr (ids->str, ==, expected);
}

static void
assert_domain_order (WaymarkDocument *doc,
                     const char      *domain_id,
                     const char      *expected)
{
  g_autoptr (GPtrArray) list = waymark_document_list_domain_recommendations (doc, domain_id);

  assert_ids (list, expected);
}

/* The order of the report's numbers: domain by domain, then none. */
static void
assert_report_order (WaymarkDocument *doc,
                     const char      *expected)
{
  g_autoptr (GPtrArray) list = waymark_document_list_recommendations_in_order (doc);

  assert_ids (list, expected);
}

static void
test_move_recommendation (void)
{
  g_autoptr (WaymarkDocument) doc = make_document ();
  g_autofree char *before = NULL;
  g_autofree char *text = NULL;

  add_recommendation (doc, "r1", "d1", "One", NULL);
  add_recommendation (doc, "r2", "d1", "Two", NULL);
  add_recommendation (doc, "r3", "d2", "Three", NULL);
  add_recommendation (doc, "r4", "d1", "Four", NULL);
  add_recommendation (doc, "r5", "", "Five", NULL);
  assert_domain_order (doc, "d1", "r1 r2 r4");
  assert_domain_order (doc, "d2", "r3");
  assert_domain_order (doc, "", "r5");
  assert_report_order (doc, "r1 r2 r4 r3 r5");

  /* Within a domain. */
  before = document_test_serialise (doc);
  g_assert_true (waymark_document_move_recommendation (doc, "r4", "d1", 0));
  assert_domain_order (doc, "d1", "r4 r1 r2");
  document_test_assert_step (doc, before, "Move Recommendation");
  g_assert_false (waymark_document_move_recommendation (doc, "r4", "d1", 0));

  /* To another domain, in one undo step. */
  g_free (before);
  before = document_test_serialise (doc);
  g_assert_true (waymark_document_move_recommendation (doc, "r1", "d2", 0));
  assert_domain_order (doc, "d1", "r4 r2");
  assert_domain_order (doc, "d2", "r1 r3");
  g_assert_cmpstr (waymark_document_find_recommendation (doc, "r1")->domain_id, ==, "d2");
  document_test_assert_step (doc, before, "Move Recommendation");

  /* To the end of a domain, to none, and to one that is empty. */
  g_assert_true (waymark_document_move_recommendation (doc, "r1", "d2", -1));
  assert_domain_order (doc, "d2", "r3 r1");
  g_assert_true (waymark_document_move_recommendation (doc, "r3", NULL, 0));
  assert_domain_order (doc, "", "r3 r5");
  g_assert_true (waymark_document_remove (doc, "r1"));
  g_assert_true (waymark_document_move_recommendation (doc, "r2", "d2", 5));
  assert_domain_order (doc, "d2", "r2");
  g_assert_false (waymark_document_move_recommendation (doc, "r2", "d9", 0));
  g_assert_false (waymark_document_move_recommendation (doc, "nope", "d1", 0));

  /* Written by domain, in the domains' order, then those in none. */
  text = document_test_serialise (doc);
  g_assert_true (strstr (text, "id=\"r4\"") < strstr (text, "id=\"r2\""));
  g_assert_true (strstr (text, "id=\"r2\"") < strstr (text, "id=\"r3\""));
  g_assert_true (strstr (text, "id=\"r3\"") < strstr (text, "id=\"r5\""));
  assert_report_order (doc, "r4 r2 r3 r5");
  g_assert_true (waymark_document_move (doc, "d2", 0));
  g_free (text);
  text = document_test_serialise (doc);
  g_assert_true (strstr (text, "id=\"r2\"") < strstr (text, "id=\"r4\""));
  assert_report_order (doc, "r2 r4 r3 r5");
}

static void
assert_target (GArray     *targets,
               guint       index,
               const char *persona_id,
               const char *phase_id,
               guint       n_cards)
{
  WaymarkTarget *target;

  g_assert_cmpuint (index, <, targets->len);
  target = &g_array_index (targets, WaymarkTarget, index);
  g_assert_cmpstr (target->persona->base.id, ==, persona_id);
  g_assert_cmpstr (target->phase->base.id, ==, phase_id);
  g_assert_cmpuint (target->n_cards, ==, n_cards);
}

static void
test_targets (void)
{
  g_autoptr (WaymarkDocument) doc = make_document ();
  g_autoptr (GArray) targets = NULL;
  WaymarkReach reach;
  guint n_barriers = 0;

  add_recommendation (doc, "r1", "d1", "One", "a2", NULL);
  targets = waymark_document_get_targets (doc, "r1");
  g_assert_cmpuint (targets->len, ==, 1);
  assert_target (targets, 0, "a", "a-f3", 1);
  g_clear_pointer (&targets, g_array_unref);
  g_assert_true (waymark_document_get_reach (doc, "r1", &reach));
  g_assert_cmpuint (reach.n_personas, ==, 1);

  /* A card spanning two phases targets both; a card of the second persona
   * adds a target there; the lever counts as a card, not a barrier. */
  g_assert_true (waymark_document_link_card (doc, "r1", "b1"));
  g_assert_true (waymark_document_link_card (doc, "r1", "a1"));
  g_assert_true (waymark_document_link_card (doc, "r1", "a3"));
  targets = waymark_document_get_targets (doc, "r1");
  g_assert_cmpuint (targets->len, ==, 4);
  assert_target (targets, 0, "a", "a-f1", 2);
  assert_target (targets, 1, "a", "a-f2", 1);
  assert_target (targets, 2, "a", "a-f3", 1);
  assert_target (targets, 3, "b", "b-f2", 1);

  g_assert_true (waymark_document_get_reach (doc, "r1", &reach));
  g_assert_cmpuint (reach.n_cards, ==, 4);
  g_assert_cmpuint (reach.n_barriers, ==, 3);
  g_assert_cmpuint (reach.n_personas, ==, 2);
  g_assert_cmpuint (reach.n_targets, ==, 4);
  g_assert_false (waymark_document_get_reach (doc, "nope", &reach));
  g_assert_cmpuint (reach.n_cards, ==, 0);
  g_assert_null (waymark_document_get_targets (doc, "a1"));

  /* Targets follow the map: a card moved to another phase moves them. */
  g_assert_true (waymark_document_move_card (doc, "b1", "b-bar", "b-f3", -1));
  g_clear_pointer (&targets, g_array_unref);
  targets = waymark_document_get_targets (doc, "r1");
  assert_target (targets, 3, "b", "b-f3", 1);

  /* Three of the document's barriers are addressed, all of them. */
  g_assert_cmpuint (waymark_document_count_addressed_barriers (doc, &n_barriers), ==, 3);
  g_assert_cmpuint (n_barriers, ==, 3);
  g_assert_true (waymark_document_unlink_card (doc, "r1", "b1"));
  g_assert_cmpuint (waymark_document_count_addressed_barriers (doc, NULL), ==, 2);
}

/* The limits of waymark-limits.h hold for edits, as for files. */
static void
test_limits (void)
{
  g_autoptr (WaymarkDocument) doc = waymark_document_new ();
  WaymarkPersona *persona = waymark_persona_new ("p", "P");
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) cards = NULL;
  g_autofree char *long_text = g_strnfill (WAYMARK_LIMIT_TEXT_LENGTH + 1, 'x');
  WaymarkRecommendation *recommendation;

  g_ptr_array_add (persona->phases, waymark_phase_new ("f", "F"));
  g_ptr_array_add (persona->lanes, waymark_lane_new ("l", "L", WAYMARK_LANE_BARRIERS));
  for (guint i = 0; i <= WAYMARK_LIMIT_LINKS; i++)
    {
      g_autofree char *id = g_strdup_printf ("c%u", i);
      g_ptr_array_add (persona->cards, waymark_card_new (id, "l", "f", "x"));
      g_strv_builder_add (builder, id);
    }
  waymark_document_insert_persona (doc, persona, -1);
  cards = g_strv_builder_end (builder);

  /* One link more than a recommendation may have. */
  recommendation = waymark_recommendation_new ("r", "R");
  g_strfreev (recommendation->cards);
  recommendation->cards = g_strdupv (cards);
  g_assert_null (waymark_document_insert_recommendation (doc, recommendation, -1));
  g_assert_nonnull (add_recommendation (doc, "r", "", "R", NULL));
  g_assert_false (waymark_document_set_addressed_cards (doc, "r", (const char * const *) cards));
  g_free (cards[WAYMARK_LIMIT_LINKS]);
  cards[WAYMARK_LIMIT_LINKS] = NULL;
  g_assert_true (waymark_document_set_addressed_cards (doc, "r", (const char * const *) cards));
  {
    g_autofree char *last = g_strdup_printf ("c%u", WAYMARK_LIMIT_LINKS);
    g_assert_false (waymark_document_link_card (doc, "r", last));
  }
  g_assert_false (waymark_document_set_text (doc, "r", WAYMARK_FIELD_DESCRIPTION, long_text));
  recommendation = waymark_recommendation_new (NULL, long_text);
  g_assert_null (waymark_document_insert_recommendation (doc, recommendation, -1));

  for (guint i = 0; i < WAYMARK_LIMIT_DOMAINS; i++)
    g_assert_nonnull (waymark_document_insert_domain (doc, waymark_domain_new (NULL, "D", NULL),
                                                      -1));
  g_assert_null (waymark_document_insert_domain (doc, waymark_domain_new (NULL, "D", NULL), -1));

  for (guint i = 1; i < WAYMARK_LIMIT_RECOMMENDATIONS; i++)
    g_assert_nonnull (add_recommendation (doc, NULL, "", "R", NULL));
  g_assert_null (add_recommendation (doc, NULL, "", "R", NULL));
  g_assert_cmpuint (waymark_document_get_recommendations (doc)->len, ==,
                    WAYMARK_LIMIT_RECOMMENDATIONS);
}

/* A document with recommendations loads back as it was saved. */
static void
test_round_trip (void)
{
  g_autoptr (WaymarkDocument) doc = make_document ();
  g_autoptr (WaymarkDocument) loaded = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GBytes) again = NULL;
  g_autoptr (GError) error = NULL;

  add_recommendation (doc, "r1", "d1", "One", "b1", "a1", NULL);
  add_recommendation (doc, "r2", "", "Two", "a3", NULL);
  add_recommendation (doc, "r0", "d1", "Zero", NULL);
  waymark_document_set_int (doc, "r1", WAYMARK_FIELD_STATUS, WAYMARK_STATUS_DONE);
  waymark_document_set_int (doc, "r1", WAYMARK_FIELD_VALUE, 5);
  waymark_document_set_int (doc, "r1", WAYMARK_FIELD_EFFORT, 1);
  waymark_document_set_text (doc, "r1", WAYMARK_FIELD_OWNER, "Team & co \"quoted\"");
  waymark_document_set_text (doc, "r1", WAYMARK_FIELD_DESCRIPTION, "  line\r\n\ttwo  ");

  bytes = waymark_format_save_to_bytes (doc);
  loaded = waymark_format_load_bytes (bytes, "recommendations.waymark", &error);
  g_assert_no_error (error);
  g_assert_false (waymark_history_get_can_undo (waymark_document_get_history (loaded)));
  again = waymark_format_save_to_bytes (loaded);
  g_assert_true (g_bytes_equal (bytes, again));
  {
    WaymarkRecommendation *r1 = waymark_document_find_recommendation (loaded, "r1");

    g_assert_cmpint (r1->status, ==, WAYMARK_STATUS_DONE);
    g_assert_cmpstr (r1->owner, ==, "Team & co \"quoted\"");
    g_assert_cmpstr (r1->description, ==, "  line\r\n\ttwo  ");
    g_assert_cmpstr (r1->cards[0], ==, "b1");
    assert_domain_order (loaded, "d1", "r1 r0");
  }
}

static void
test_status_table (void)
{
  WaymarkStatus status;
  g_autofree char *names = waymark_status_dup_name_list ();

  for (guint i = 0; i < WAYMARK_N_STATUSES; i++)
    {
      const WaymarkStatusInfo *info = waymark_status_get_info (i);

      g_assert_cmpuint (strlen (info->name), >, 0);
      g_assert_cmpuint (strlen (info->label), >, 0);
      g_assert_true (waymark_status_from_string (info->name, &status));
      g_assert_cmpint (status, ==, i);
    }
  g_assert_false (waymark_status_from_string ("closed", &status));
  g_assert_cmpstr (waymark_status_to_string (WAYMARK_STATUS_IN_PROGRESS), ==, "in-progress");
  g_assert_cmpstr (names, ==, "open, in-progress, done or dropped");
  g_assert_true (waymark_lane_kind_is_barrier (WAYMARK_LANE_BARRIERS));
  g_assert_false (waymark_lane_kind_is_barrier (WAYMARK_LANE_LEVERS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recommendations/version", test_version);
  g_test_add_func ("/recommendations/status-table", test_status_table);
  g_test_add_func ("/recommendations/domains", test_domains);
  g_test_add_func ("/recommendations/delete-domain", test_delete_domain);
  g_test_add_func ("/recommendations/insert", test_insert_recommendation);
  g_test_add_func ("/recommendations/fields", test_fields);
  g_test_add_func ("/recommendations/links", test_links);
  g_test_add_func ("/recommendations/delete-card", test_delete_card);
  g_test_add_func ("/recommendations/delete-card-containers", test_delete_card_containers);
  g_test_add_func ("/recommendations/delete-recommendation", test_delete_recommendation);
  g_test_add_func ("/recommendations/move", test_move_recommendation);
  g_test_add_func ("/recommendations/targets", test_targets);
  g_test_add_func ("/recommendations/limits", test_limits);
  g_test_add_func ("/recommendations/round-trip", test_round_trip);

  return g_test_run ();
}
