/* test-editing.c: the editing library (src/editing) without a display
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Keyboard navigation, every edit command with undo and redo, the
 * clipboard format (and hostile clipboard data), and find.
 */
#include "config.h"

#include "waymark-clipboard-cards.h"
#include "waymark-commands.h"
#include "waymark-find.h"
#include "waymark-focus.h"
#include "waymark-format.h"
#include "waymark-layout.h"
#include "waymark-limits.h"

/* A persona "p" with phases ph1..ph3 and lanes: actions (la), emotions
 * (le), barriers (lb). Cards: c1, c2 in (la, ph1), c3 in (la, ph2) with
 * span 2, c4 in (lb, ph3). */
static WaymarkDocument *
make_document (void)
{
  WaymarkDocument *doc = waymark_document_new ();
  WaymarkPersona *persona = waymark_persona_new ("p", "Pat");
  WaymarkCard *card;

  g_ptr_array_add (persona->phases, waymark_phase_new ("ph1", "Orient"));
  g_ptr_array_add (persona->phases, waymark_phase_new ("ph2", "Choose"));
  g_ptr_array_add (persona->phases, waymark_phase_new ("ph3", "Learn"));
  g_ptr_array_add (persona->lanes, waymark_lane_new ("la", "Actions", WAYMARK_LANE_ACTIONS));
  g_ptr_array_add (persona->lanes, waymark_lane_new ("le", "Feelings", WAYMARK_LANE_EMOTIONS));
  g_ptr_array_add (persona->lanes, waymark_lane_new ("lb", "Barriers", WAYMARK_LANE_BARRIERS));
  g_ptr_array_add (persona->cards, waymark_card_new ("c1", "la", "ph1", "Reads a brochure"));
  g_ptr_array_add (persona->cards, waymark_card_new ("c2", "la", "ph1", "Asks a colleague"));
  card = waymark_card_new ("c3", "la", "ph2", "Compares courses");
  card->span = 2;
  g_ptr_array_add (persona->cards, card);
  g_ptr_array_add (persona->cards, waymark_card_new ("c4", "lb", "ph3", "No time"));
  g_ptr_array_add (persona->emotions, waymark_emotion_point_new ("le", "ph1", 1, "curious"));
  waymark_document_insert_persona (doc, persona, -1);
  waymark_document_insert_tag (doc, waymark_tag_new ("t1", "Cost", "#cc0000"), -1);
  waymark_history_clear (waymark_document_get_history (doc));
  return doc;
}

static char *
canonical (WaymarkDocument *doc)
{
  g_autoptr(GBytes) bytes = waymark_format_save_to_bytes (doc);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Checks that undoing the last step gives @before back, and redoing gives
 * @after back, byte for byte in the canonical serialisation. */
static void
check_undo_redo (WaymarkDocument *doc,
                 const char      *before,
                 const char      *expected_label)
{
  g_autofree char *after = canonical (doc);
  WaymarkHistory *history = waymark_document_get_history (doc);
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  g_assert_cmpstr (after, !=, before);
  if (expected_label != NULL)
    g_assert_cmpstr (waymark_history_get_undo_label (history), ==, expected_label);
  g_assert_true (waymark_document_undo (doc));
  undone = canonical (doc);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (waymark_document_redo (doc));
  redone = canonical (doc);
  g_assert_cmpstr (redone, ==, after);
}

static WaymarkPersona *
persona_p (WaymarkDocument *doc)
{
  return waymark_document_find_persona (doc, "p");
}

static void
expect_focus (const WaymarkFocus *focus,
              WaymarkFocusKind    kind,
              const char         *id_a,
              const char         *id_b)
{
  g_assert_cmpint (focus->kind, ==, kind);
  switch (kind)
    {
    case WAYMARK_FOCUS_CARD:
      g_assert_cmpstr (focus->card_id, ==, id_a);
      break;
    case WAYMARK_FOCUS_CELL:
      g_assert_cmpstr (focus->lane_id, ==, id_a);
      g_assert_cmpstr (focus->phase_id, ==, id_b);
      break;
    case WAYMARK_FOCUS_PHASE:
      g_assert_cmpstr (focus->phase_id, ==, id_a);
      break;
    case WAYMARK_FOCUS_LANE:
      g_assert_cmpstr (focus->lane_id, ==, id_a);
      break;
    case WAYMARK_FOCUS_NONE:
    default:
      break;
    }
}

static void
test_navigation_walk (void)
{
  g_autoptr(WaymarkDocument) doc = make_document ();
  WaymarkPersona *p = persona_p (doc);
  WaymarkFocus focus = { 0 };

  /* From nothing to the first card. */
  g_assert_true (waymark_focus_move (&focus, p, WAYMARK_DIRECTION_DOWN));
  expect_focus (&focus, WAYMARK_FOCUS_CARD, "c1", NULL);
  /* Down walks the cards of the cell, then the next lane: no invisible
   * slot after the last card. */
  g_assert_true (waymark_focus_move (&focus, p, WAYMARK_DIRECTION_DOWN));
  expect_focus (&focus, WAYMARK_FOCUS_CARD, "c2", NULL);
  g_assert_true (waymark_focus_move (&focus, p, WAYMARK_DIRECTION_DOWN));
  expect_focus (&focus, WAYMARK_FOCUS_CELL, "le", "ph1");
  g_assert_true (waymark_focus_move (&focus, p, WAYMARK_DIRECTION_DOWN));
  expect_focus (&focus, WAYMARK_FOCUS_CELL, "lb", "ph1");
  /* The bottom edge. */
  g_assert_false (waymark_focus_move (&focus, p, WAYMARK_DIRECTION_DOWN));
  expect_focus (&focus, WAYMARK_FOCUS_CELL, "lb", "ph1");
  /* Up goes back to the last item of the cell above. */
  g_assert_true (waymark_focus_move (&focus, p, WAYMARK_DIRECTION_UP));
  expect_focus (&focus, WAYMARK_FOCUS_CELL, "le", "ph1");
  g_assert_true (waymark_focus_move (&focus, p, WAYMARK_DIRECTION_UP));
  expect_focus (&focus, WAYMARK_FOCUS_CARD, "c2", NULL);
  /* Right keeps the row within the cell where it can: c3 is the only card. */
  g_assert_true (waymark_focus_move (&focus, p, WAYMARK_DIRECTION_RIGHT));
  expect_focus (&focus, WAYMARK_FOCUS_CARD, "c3", NULL);
  /* c3 spans two phases: right from it leaves the map's last phase behind. */
  g_assert_false (waymark_focus_move (&focus, p, WAYMARK_DIRECTION_RIGHT));
  g_assert_true (waymark_focus_move (&focus, p, WAYMARK_DIRECTION_UP));
  expect_focus (&focus, WAYMARK_FOCUS_PHASE, "ph2", NULL);
  g_assert_false (waymark_focus_move (&focus, p, WAYMARK_DIRECTION_UP));
  g_assert_true (waymark_focus_move (&focus, p, WAYMARK_DIRECTION_RIGHT));
  expect_focus (&focus, WAYMARK_FOCUS_PHASE, "ph3", NULL);
  g_assert_true (waymark_focus_move (&focus, p, WAYMARK_DIRECTION_DOWN));
  expect_focus (&focus, WAYMARK_FOCUS_CELL, "la", "ph3");
  /* Left from the first phase reaches the lane header. */
  waymark_focus_set_cell (&focus, "lb", "ph1");
  g_assert_true (waymark_focus_move (&focus, p, WAYMARK_DIRECTION_LEFT));
  expect_focus (&focus, WAYMARK_FOCUS_LANE, "lb", NULL);
  g_assert_true (waymark_focus_move (&focus, p, WAYMARK_DIRECTION_UP));
  expect_focus (&focus, WAYMARK_FOCUS_LANE, "le", NULL);
  g_assert_true (waymark_focus_move (&focus, p, WAYMARK_DIRECTION_RIGHT));
  expect_focus (&focus, WAYMARK_FOCUS_CELL, "le", "ph1");
  waymark_focus_clear (&focus);
}

static void
test_navigation_validate (void)
{
  g_autoptr(WaymarkDocument) doc = make_document ();
  WaymarkFocus focus = { 0 };

  waymark_focus_set_card (&focus, persona_p (doc), "c4");
  expect_focus (&focus, WAYMARK_FOCUS_CARD, "c4", NULL);
  g_assert_cmpstr (focus.lane_id, ==, "lb");
  g_assert_true (waymark_document_remove (doc, "c4"));
  /* A deleted card gives way to its cell. */
  g_assert_true (waymark_focus_validate (&focus, persona_p (doc)));
  expect_focus (&focus, WAYMARK_FOCUS_CELL, "lb", "ph3");
  /* A deleted lane leaves the phase. */
  g_assert_true (waymark_document_remove (doc, "lb"));
  g_assert_true (waymark_focus_validate (&focus, persona_p (doc)));
  expect_focus (&focus, WAYMARK_FOCUS_PHASE, "ph3", NULL);
  g_assert_false (waymark_focus_validate (&focus, persona_p (doc)));
  waymark_focus_clear (&focus);
}

static void
test_navigation_card_move (void)
{
  g_autoptr(WaymarkDocument) doc = make_document ();
  WaymarkPersona *p = persona_p (doc);
  const char *lane, *phase;
  int position;

  /* Alt+Down on c1 puts it after c2. */
  g_assert_true (waymark_focus_card_move_target (p, "c1", WAYMARK_DIRECTION_DOWN,
                                                 &lane, &phase, &position));
  g_assert_cmpstr (lane, ==, "la");
  g_assert_cmpint (position, ==, 1);
  g_assert_true (waymark_document_move_card (doc, "c1", lane, phase, position));
  g_assert_cmpint (waymark_persona_card_position (persona_p (doc), "c1"), ==, 1);
  /* Again: the cell's end, so it goes on to the next card lane (skipping emotions). */
  g_assert_true (waymark_focus_card_move_target (persona_p (doc), "c1", WAYMARK_DIRECTION_DOWN,
                                                 &lane, &phase, &position));
  g_assert_cmpstr (lane, ==, "lb");
  g_assert_cmpstr (phase, ==, "ph1");
  g_assert_cmpint (position, ==, 0);
  /* Left at the first phase is the edge. */
  g_assert_false (waymark_focus_card_move_target (persona_p (doc), "c1", WAYMARK_DIRECTION_LEFT,
                                                  &lane, &phase, &position));
  g_assert_true (waymark_focus_card_move_target (persona_p (doc), "c1", WAYMARK_DIRECTION_RIGHT,
                                                 &lane, &phase, &position));
  g_assert_cmpstr (phase, ==, "ph2");
  /* Up from the top of the first lane is the edge. */
  g_assert_false (waymark_focus_card_move_target (persona_p (doc), "c2", WAYMARK_DIRECTION_UP,
                                                  &lane, &phase, &position));
}

static void
test_command_add_card (void)
{
  g_autoptr(WaymarkDocument) doc = make_document ();
  g_autofree char *before = canonical (doc);
  const char *id;
  g_autoptr(GPtrArray) cell = NULL;

  id = waymark_command_add_card (doc, "p", "la", "ph1", 1, "In between");
  g_assert_nonnull (id);
  cell = waymark_persona_cell_cards (persona_p (doc), "la", "ph1");
  g_assert_cmpuint (cell->len, ==, 3);
  g_assert_cmpstr (((WaymarkCard *) g_ptr_array_index (cell, 1))->text, ==, "In between");
  check_undo_redo (doc, before, "Add Card");
  /* Cards do not go into an emotions lane. */
  g_assert_null (waymark_command_add_card (doc, "p", "le", "ph1", -1, "x"));
}

static void
test_command_delete_duplicate (void)
{
  g_autoptr(WaymarkDocument) doc = make_document ();
  g_autofree char *before = canonical (doc);
  g_autofree char *before_dup = NULL;
  const char *ids[] = { "c1", "c4", NULL };
  g_autoptr(GPtrArray) copies = NULL;
  g_autoptr(GPtrArray) cell = NULL;

  g_assert_cmpuint (waymark_command_delete_cards (doc, ids), ==, 2);
  g_assert_null (waymark_document_find_card (doc, "c1"));
  check_undo_redo (doc, before, "Delete Cards");
  g_assert_true (waymark_document_undo (doc));

  before_dup = canonical (doc);
  copies = waymark_command_duplicate_cards (doc, ids);
  g_assert_cmpuint (copies->len, ==, 2);
  cell = waymark_persona_cell_cards (persona_p (doc), "la", "ph1");
  /* The copy comes right after its original. */
  g_assert_cmpuint (cell->len, ==, 3);
  g_assert_cmpstr (((WaymarkCard *) g_ptr_array_index (cell, 1))->base.id, ==,
                   g_ptr_array_index (copies, 0));
  g_assert_cmpstr (((WaymarkCard *) g_ptr_array_index (cell, 1))->text, ==, "Reads a brochure");
  check_undo_redo (doc, before_dup, "Duplicate Cards");
}

static void
test_command_move_copy (void)
{
  g_autoptr(WaymarkDocument) doc = make_document ();
  g_autofree char *before = canonical (doc);
  g_autofree char *before_copy = NULL;
  const char *ids[] = { "c1", "c2", NULL };
  const char *copy;
  WaymarkCard *card;

  g_assert_true (waymark_command_move_cards (doc, ids, "lb", "ph3", 0));
  {
    g_autoptr(GPtrArray) cell = waymark_persona_cell_cards (persona_p (doc), "lb", "ph3");
    g_assert_cmpuint (cell->len, ==, 3);
    g_assert_cmpstr (((WaymarkCard *) g_ptr_array_index (cell, 0))->base.id, ==, "c1");
    g_assert_cmpstr (((WaymarkCard *) g_ptr_array_index (cell, 1))->base.id, ==, "c2");
    g_assert_cmpstr (((WaymarkCard *) g_ptr_array_index (cell, 2))->base.id, ==, "c4");
  }
  check_undo_redo (doc, before, "Move Cards");

  before_copy = canonical (doc);
  copy = waymark_command_copy_card_to (doc, "c3", "lb", "ph1", -1);
  g_assert_nonnull (copy);
  card = waymark_document_find_card (doc, copy);
  g_assert_cmpstr (card->text, ==, "Compares courses");
  g_assert_cmpint (card->span, ==, 2);
  g_assert_nonnull (waymark_document_find_card (doc, "c3"));
  check_undo_redo (doc, before_copy, "Copy Card");
}

static void
test_command_card_properties (void)
{
  g_autoptr(WaymarkDocument) doc = make_document ();
  g_autofree char *before = canonical (doc);
  g_autofree char *before_tag = NULL;
  g_autofree char *before_span = NULL;
  const char *ids[] = { "c1", "c2", NULL };

  g_assert_true (waymark_command_set_cards_color (doc, ids, "#ffeeaa"));
  g_assert_cmpstr (waymark_document_find_card (doc, "c2")->color, ==, "#ffeeaa");
  check_undo_redo (doc, before, "Change Card Colour");

  before_tag = canonical (doc);
  g_assert_true (waymark_command_toggle_tag (doc, ids, "t1", TRUE));
  g_assert_true (waymark_card_has_tag (waymark_document_find_card (doc, "c1"), "t1"));
  check_undo_redo (doc, before_tag, "Add Tag to Card");
  g_assert_true (waymark_command_toggle_tag (doc, ids, "t1", FALSE));
  g_assert_false (waymark_card_has_tag (waymark_document_find_card (doc, "c2"), "t1"));
  /* Nothing left to remove. */
  g_assert_false (waymark_command_toggle_tag (doc, ids, "t1", FALSE));

  before_span = canonical (doc);
  g_assert_true (waymark_command_span_to_phase (doc, "c1", "ph3"));
  g_assert_cmpint (waymark_document_find_card (doc, "c1")->span, ==, 3);
  check_undo_redo (doc, before_span, "Change Card Span");
}

static void
test_command_phases_lanes (void)
{
  g_autoptr(WaymarkDocument) doc = make_document ();
  g_autofree char *before = canonical (doc);
  g_autofree char *s1 = NULL, *s2 = NULL, *s3 = NULL, *s4 = NULL;
  const char *id;

  id = waymark_command_add_phase (doc, "p", "ph1", TRUE);
  g_assert_nonnull (id);
  g_assert_cmpint (waymark_persona_phase_index (persona_p (doc), id), ==, 1);
  g_assert_cmpstr (waymark_persona_find_phase (persona_p (doc), id)->name, ==, "New phase");
  check_undo_redo (doc, before, "Add Phase");

  s1 = canonical (doc);
  g_assert_true (waymark_command_shift_phase (doc, "ph1", +1));
  g_assert_cmpint (waymark_persona_phase_index (persona_p (doc), "ph1"), ==, 1);
  check_undo_redo (doc, s1, "Move Phase");
  g_assert_false (waymark_command_shift_phase (doc, "ph3", +1));

  s2 = canonical (doc);
  id = waymark_command_add_lane (doc, "p", WAYMARK_LANE_TOUCHPOINTS, "la", FALSE);
  g_assert_cmpint (waymark_persona_lane_index (persona_p (doc), id), ==, 0);
  g_assert_cmpint (waymark_persona_find_lane (persona_p (doc), id)->kind, ==,
                   WAYMARK_LANE_TOUCHPOINTS);
  check_undo_redo (doc, s2, "Add Lane");

  s3 = canonical (doc);
  g_assert_true (waymark_command_shift_lane (doc, "lb", -1));
  g_assert_cmpint (waymark_persona_lane_index (persona_p (doc), "lb"), ==, 2);
  check_undo_redo (doc, s3, "Move Lane");

  /* Deleting a phase takes its cards, undoably. */
  s4 = canonical (doc);
  g_assert_true (waymark_document_remove (doc, "ph2"));
  g_assert_null (waymark_document_find_card (doc, "c3"));
  check_undo_redo (doc, s4, "Delete Phase");
}

static void
test_command_personas (void)
{
  g_autoptr(WaymarkDocument) doc = make_document ();
  g_autofree char *before = canonical (doc);
  g_autofree char *s1 = NULL, *s2 = NULL;
  WaymarkPersona *persona;
  const char *id;

  id = waymark_command_add_persona (doc, "p");
  persona = waymark_document_find_persona (doc, id);
  g_assert_nonnull (persona);
  /* The structure, not the content. */
  g_assert_cmpuint (persona->phases->len, ==, 3);
  g_assert_cmpuint (persona->lanes->len, ==, 3);
  g_assert_cmpuint (persona->cards->len, ==, 0);
  g_assert_cmpuint (persona->emotions->len, ==, 0);
  g_assert_cmpstr (((WaymarkPhase *) g_ptr_array_index (persona->phases, 1))->name, ==, "Choose");
  g_assert_cmpstr (((WaymarkPhase *) g_ptr_array_index (persona->phases, 1))->base.id, !=, "ph2");
  check_undo_redo (doc, before, "Add Persona");

  s1 = canonical (doc);
  id = waymark_command_duplicate_persona (doc, "p");
  persona = waymark_document_find_persona (doc, id);
  g_assert_cmpint (waymark_document_persona_index (doc, id), ==, 1);
  g_assert_cmpuint (persona->cards->len, ==, 4);
  g_assert_cmpuint (persona->emotions->len, ==, 1);
  g_assert_cmpstr (persona->name, ==, "Pat (Copy)");
  check_undo_redo (doc, s1, "Duplicate Persona");

  s2 = canonical (doc);
  g_assert_true (waymark_command_shift_persona (doc, "p", +1));
  g_assert_cmpint (waymark_document_persona_index (doc, "p"), ==, 1);
  check_undo_redo (doc, s2, "Move Persona");
  g_assert_false (waymark_command_shift_persona (doc, "p", +5));
}

static void
test_command_emotion (void)
{
  g_autoptr(WaymarkDocument) doc = make_document ();
  g_autofree char *before = canonical (doc);
  g_autofree char *s1 = NULL;

  /* A drag: several scores in one group are one undo step. */
  waymark_document_begin_group (doc, "Move Emotion Point");
  g_assert_true (waymark_document_set_emotion (doc, "p", "le", "ph1", 0, "curious"));
  g_assert_true (waymark_document_set_emotion (doc, "p", "le", "ph1", -1, "curious"));
  g_assert_true (waymark_document_set_emotion (doc, "p", "le", "ph1", -9, "curious"));
  waymark_document_end_group (doc);
  /* Clamped to the lane's scale. */
  g_assert_cmpint (waymark_persona_find_emotion (persona_p (doc), "le", "ph1")->score, ==, -2);
  check_undo_redo (doc, before, "Move Emotion Point");

  s1 = canonical (doc);
  g_assert_true (waymark_document_remove_emotion (doc, "p", "le", "ph1"));
  check_undo_redo (doc, s1, NULL);
}

static void
test_clipboard_roundtrip (void)
{
  g_autoptr(WaymarkDocument) doc = make_document ();
  g_autoptr(WaymarkDocument) other = make_document ();
  const char *ids[] = { "c4", "c2", NULL };
  g_autoptr(WaymarkClipboardCards) cards = NULL;
  g_autoptr(WaymarkClipboardCards) parsed = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) pasted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  WaymarkClipboardCard *clip;
  WaymarkCard *card;

  g_assert_true (waymark_command_toggle_tag (doc, (const char *[]) { "c2", NULL }, "t1", TRUE));
  waymark_document_set_text (doc, "c2", WAYMARK_FIELD_EVIDENCE, "Interview <3> & more");
  waymark_document_set_text (doc, "c2", WAYMARK_FIELD_COLOR, "#ffeeaa");

  cards = waymark_clipboard_cards_from_document (doc, ids);
  g_assert_cmpuint (cards->len, ==, 2);
  /* In map order: c2 (actions, ph1) first, c4 two lanes down and two phases right. */
  clip = g_ptr_array_index (cards, 1);
  g_assert_cmpstr (clip->text, ==, "No time");
  g_assert_cmpint (clip->lane_offset, ==, 2);
  g_assert_cmpint (clip->phase_offset, ==, 2);

  bytes = waymark_clipboard_cards_serialize (cards);
  parsed = waymark_clipboard_cards_parse (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parsed->len, ==, 2);
  clip = g_ptr_array_index (parsed, 0);
  g_assert_cmpstr (clip->text, ==, "Asks a colleague");
  g_assert_cmpstr (clip->evidence, ==, "Interview <3> & more");
  g_assert_cmpstr (clip->color, ==, "#ffeeaa");
  g_assert_cmpstr (clip->tag_names[0], ==, "Cost");
  g_assert_cmpint (clip->lane_kind, ==, WAYMARK_LANE_ACTIONS);

  text = waymark_clipboard_cards_to_text (parsed);
  g_assert_cmpstr (text, ==, "Asks a colleague\nNo time\n");

  /* Into another document whose tag has gone: the tag comes along by name. */
  g_assert_true (waymark_document_remove (other, "t1"));
  before = canonical (other);
  pasted = waymark_clipboard_cards_paste (parsed, other, "p", "la", "ph1", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pasted->len, ==, 2);
  card = waymark_document_find_card (other, g_ptr_array_index (pasted, 0));
  g_assert_cmpint (waymark_persona_card_position (persona_p (other), card->base.id), ==, 0);
  g_assert_cmpstr (card->evidence, ==, "Interview <3> & more");
  g_assert_cmpuint (g_strv_length (card->tags), ==, 1);
  g_assert_cmpstr (waymark_document_find_tag (other, card->tags[0])->name, ==, "Cost");
  /* The second keeps its shape: two lanes down is the barriers lane, phase 3. */
  card = waymark_document_find_card (other, g_ptr_array_index (pasted, 1));
  g_assert_cmpstr (card->lane_id, ==, "lb");
  g_assert_cmpstr (card->phase_id, ==, "ph3");
  check_undo_redo (other, before, "Paste Cards");
}

static void
test_clipboard_shape_clamped (void)
{
  g_autoptr(WaymarkDocument) doc = make_document ();
  g_autoptr(WaymarkClipboardCards) cards = NULL;
  g_autoptr(GPtrArray) pasted = NULL;
  const char *ids[] = { "c1", "c4", NULL };
  WaymarkCard *card;

  /* Pasting at the last phase and lane pushes the second card off the
   * map: it lands in the nearest possible place, not nowhere. */
  cards = waymark_clipboard_cards_from_document (doc, ids);
  pasted = waymark_clipboard_cards_paste (cards, doc, "p", "lb", "ph3", -1, NULL);
  g_assert_cmpuint (pasted->len, ==, 2);
  card = waymark_document_find_card (doc, g_ptr_array_index (pasted, 1));
  g_assert_cmpstr (card->lane_id, ==, "lb");
  g_assert_cmpstr (card->phase_id, ==, "ph3");
}

static void
test_clipboard_text (void)
{
  g_autoptr(WaymarkDocument) doc = make_document ();
  g_autoptr(WaymarkClipboardCards) cards = NULL;
  g_autoptr(GPtrArray) pasted = NULL;
  g_autoptr(GPtrArray) cell = NULL;
  g_autofree char *before = canonical (doc);

  g_assert_null (waymark_clipboard_cards_from_text ("  \n\r\n "));
  cards = waymark_clipboard_cards_from_text ("First line\r\n\n  Second line  \nThird");
  g_assert_cmpuint (cards->len, ==, 3);
  pasted = waymark_clipboard_cards_paste (cards, doc, "p", "la", "ph1", 1, NULL);
  g_assert_cmpuint (pasted->len, ==, 3);
  cell = waymark_persona_cell_cards (persona_p (doc), "la", "ph1");
  g_assert_cmpuint (cell->len, ==, 5);
  /* In order, where the focus was. */
  g_assert_cmpstr (((WaymarkCard *) g_ptr_array_index (cell, 0))->text, ==, "Reads a brochure");
  g_assert_cmpstr (((WaymarkCard *) g_ptr_array_index (cell, 1))->text, ==, "First line");
  g_assert_cmpstr (((WaymarkCard *) g_ptr_array_index (cell, 2))->text, ==, "Second line");
  g_assert_cmpstr (((WaymarkCard *) g_ptr_array_index (cell, 3))->text, ==, "Third");
  g_assert_cmpstr (((WaymarkCard *) g_ptr_array_index (cell, 4))->text, ==, "Asks a colleague");
  check_undo_redo (doc, before, "Paste Cards");
}

static void
test_clipboard_hostile (void)
{
  static const char * const bad[] = {
    "",
    "not xml at all",
    "<cards xmlns=\"urn:waymark:document\"></cards>",
    "<cards><card><text>no namespace</text></card></cards>",
    "<?xml version=\"1.0\"?><!DOCTYPE cards [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
    "<cards xmlns=\"urn:waymark:document\"><card><text>&x;</text></card></cards>",
    "<cards xmlns=\"urn:waymark:document\"><card><text>unclosed</card></cards>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_autoptr(GError) error = NULL;
      g_autoptr(WaymarkClipboardCards) cards = waymark_clipboard_cards_parse (bytes, &error);

      g_assert_null (cards);
      g_assert_error (error, WAYMARK_FORMAT_ERROR, error->code);
    }

  /* What libxml2 spends quadratic time on is refused before it parses;
   * so is a DTD, even after an error that would make libxml2 read it. */
  {
    g_autoptr(GString) many = g_string_new ("<cards xmlns=\"urn:waymark:document\"><card");
    g_autoptr(GString) dtd = g_string_new ("<?xml version=\"1.0\" broken=\"1\"?><!DOCTYPE cards "
                                           "[<!ATTLIST card");
    g_autoptr(GBytes) many_bytes = NULL;
    g_autoptr(GBytes) dtd_bytes = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *expected = g_strdup_printf ("The cards on the clipboard cannot be pasted: the "
                                                 "element <card> has more than %d attributes, the "
                                                 "most Waymark reads", WAYMARK_LIMIT_ATTRIBUTES);

    for (guint i = 0; i < 100000; i++)
      {
        g_string_append_printf (many, " a%u=\"\"", i);
        g_string_append_printf (dtd, " a%u CDATA \"x\"", i);
      }
    g_string_append (many, "><text>x</text></card></cards>");
    g_string_append (dtd, ">]><cards xmlns=\"urn:waymark:document\"><card/></cards>");
    many_bytes = g_bytes_new (many->str, many->len);
    dtd_bytes = g_bytes_new (dtd->str, dtd->len);

    g_assert_null (waymark_clipboard_cards_parse (many_bytes, &error));
    g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_TOO_LARGE);
    g_assert_cmpstr (error->message, ==, expected);
    g_clear_error (&error);
    g_assert_null (waymark_clipboard_cards_parse (dtd_bytes, &error));
    g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_FORBIDDEN);
  }

  /* Out-of-range numbers and bad colours are ignored, not trusted. */
  {
    const char *odd = "<cards xmlns=\"urn:waymark:document\"><card lane-kind=\"bogus\" "
                      "lane-offset=\"99999999\" span=\"-3\" color=\"red\"><text>x</text>"
                      "<tag name=\"\"/></card></cards>";
    g_autoptr(GBytes) bytes = g_bytes_new_static (odd, strlen (odd));
    g_autoptr(WaymarkClipboardCards) cards = waymark_clipboard_cards_parse (bytes, NULL);
    WaymarkClipboardCard *clip;

    g_assert_nonnull (cards);
    clip = g_ptr_array_index (cards, 0);
    g_assert_cmpint (clip->lane_offset, ==, 0);
    g_assert_cmpint (clip->span, ==, 1);
    g_assert_cmpstr (clip->color, ==, "");
    g_assert_cmpuint (g_strv_length (clip->tag_names), ==, 0);
  }
}

/* A document loaded from a file with @n_cards cards in (la, ph1) and
 * @n_tags tags, each of persona "p" like make_document()'s. */
static WaymarkDocument *
load_big_document (guint n_cards,
                   guint n_tags)
{
  g_autoptr(GString) xml = g_string_new ("<waymark xmlns=\"urn:waymark:document\" version=\"1\">");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  WaymarkDocument *doc;

  g_string_append (xml, "<tags>");
  for (guint i = 0; i < n_tags; i++)
    g_string_append_printf (xml, "<tag id=\"t%u\" name=\"Tag %u\"/>", i, i);
  g_string_append (xml, "</tags><persona id=\"p\" name=\"Pat\"><phases><phase id=\"ph1\" "
                        "name=\"Orient\"/></phases><lanes><lane id=\"la\" name=\"Actions\" "
                        "kind=\"actions\"/></lanes><cards>");
  for (guint i = 0; i < n_cards; i++)
    g_string_append_printf (xml, "<card id=\"c%u\" lane=\"la\" phase=\"ph1\"/>", i);
  g_string_append (xml, "</cards></persona></waymark>");
  bytes = g_bytes_new (xml->str, xml->len);
  doc = waymark_format_load_bytes (bytes, "big.waymark", &error);
  g_assert_no_error (error);
  return doc;
}

static WaymarkClipboardCards *
cards_from_text (const char *text)
{
  WaymarkClipboardCards *cards = waymark_clipboard_cards_from_text (text);

  g_assert_nonnull (cards);
  return cards;
}

/* A paste that would pass a limit of the model used to insert what fitted
 * (the model refuses cards and tags one at a time) and drop the rest, or
 * a card's tags, without a word. It is now refused whole, saying why. */
static void
test_clipboard_limits (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;

  /* Cards: one fits, two are one too many. */
  {
    g_autoptr(WaymarkDocument) doc = load_big_document (WAYMARK_LIMIT_CARDS - 1, 0);
    g_autoptr(WaymarkClipboardCards) two = cards_from_text ("one\ntwo");
    g_autoptr(WaymarkClipboardCards) one = cards_from_text ("one");
    g_autofree char *before = canonical (doc);
    g_autofree char *after = NULL;
    g_autoptr(GPtrArray) pasted = NULL;

    g_assert_null (waymark_clipboard_cards_paste (two, doc, "p", "la", "ph1", 0, &error));
    g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_TOO_LARGE);
    expected = g_strdup_printf ("Pasting 2 cards would make the map hold more than %d cards, "
                                "the most Waymark holds", WAYMARK_LIMIT_CARDS);
    g_assert_cmpstr (error->message, ==, expected);
    g_clear_error (&error);
    after = canonical (doc);
    g_assert_cmpstr (after, ==, before);
    g_assert_false (waymark_history_get_can_undo (waymark_document_get_history (doc)));

    pasted = waymark_clipboard_cards_paste (one, doc, "p", "la", "ph1", 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (pasted->len, ==, 1);
    g_assert_cmpuint (persona_p (doc)->cards->len, ==, WAYMARK_LIMIT_CARDS);
    g_clear_pointer (&expected, g_free);
  }

  /* Tags: a name the map has costs nothing, a new one is a new tag. */
  {
    g_autoptr(WaymarkDocument) doc = load_big_document (1, WAYMARK_LIMIT_TAGS - 1);
    g_autoptr(WaymarkClipboardCards) cards = cards_from_text ("tagged");
    WaymarkClipboardCard *clip = g_ptr_array_index (cards, 0);
    g_autoptr(GPtrArray) pasted = NULL;
    WaymarkCard *card;

    g_strfreev (clip->tag_names);
    clip->tag_names = g_strsplit ("Tag 5|New one|New two", "|", -1);
    g_strfreev (clip->tag_colors);
    clip->tag_colors = g_strsplit ("#112233|#112233|#112233", "|", -1);
    g_assert_null (waymark_clipboard_cards_paste (cards, doc, "p", "la", "ph1", 0, &error));
    g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_TOO_LARGE);
    expected = g_strdup_printf ("Pasting would make the map hold more than %d tags, the most "
                                "Waymark holds", WAYMARK_LIMIT_TAGS);
    g_assert_cmpstr (error->message, ==, expected);
    g_clear_error (&error);
    g_assert_cmpuint (waymark_document_get_tags (doc)->len, ==, WAYMARK_LIMIT_TAGS - 1);

    g_free (clip->tag_names[2]);
    clip->tag_names[2] = g_strdup ("Tag 7");
    pasted = waymark_clipboard_cards_paste (cards, doc, "p", "la", "ph1", 0, &error);
    g_assert_no_error (error);
    card = waymark_document_find_card (doc, g_ptr_array_index (pasted, 0));
    g_assert_cmpuint (g_strv_length (card->tags), ==, 3);
    g_assert_cmpuint (waymark_document_get_tags (doc)->len, ==, WAYMARK_LIMIT_TAGS);
    g_clear_pointer (&expected, g_free);
  }

  /* Text: one card too long refuses the paste, not only that card. */
  {
    g_autoptr(WaymarkDocument) doc = make_document ();
    g_autofree char *long_text = g_strnfill (WAYMARK_LIMIT_TEXT_LENGTH + 1, 'x');
    g_autofree char *text = g_strconcat ("short\n", long_text, NULL);
    g_autoptr(WaymarkClipboardCards) cards = cards_from_text (text);
    g_autofree char *before = canonical (doc);
    g_autofree char *after = NULL;

    g_assert_null (waymark_clipboard_cards_paste (cards, doc, "p", "la", "ph1", 0, &error));
    g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_TOO_LARGE);
    expected = g_strdup_printf ("A pasted card has a text longer than %d KiB, the most Waymark "
                                "holds in one text", WAYMARK_LIMIT_TEXT_LENGTH / 1024);
    g_assert_cmpstr (error->message, ==, expected);
    g_clear_error (&error);
    after = canonical (doc);
    g_assert_cmpstr (after, ==, before);
    g_clear_pointer (&expected, g_free);
  }

  /* Text with more lines than a map holds cards: no more cards are made
   * than it takes to refuse it. */
  {
    g_autoptr(WaymarkDocument) doc = make_document ();
    g_autoptr(GString) text = g_string_new (NULL);
    g_autoptr(WaymarkClipboardCards) cards = NULL;

    for (guint i = 0; i < WAYMARK_LIMIT_CARDS * 2; i++)
      g_string_append (text, "x\n");
    cards = cards_from_text (text->str);
    g_assert_cmpuint (cards->len, ==, WAYMARK_LIMIT_CARDS + 1);
    g_assert_null (waymark_clipboard_cards_paste (cards, doc, "p", "la", "ph1", 0, &error));
    g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_TOO_LARGE);
    g_clear_error (&error);
    g_assert_cmpuint (persona_p (doc)->cards->len, ==, 4);
  }
}

static void
test_find (void)
{
  g_autoptr(WaymarkDocument) doc = make_document ();
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GArray) none = NULL;
  const char *second;

  second = waymark_command_add_persona (doc, "p");
  {
    WaymarkPersona *persona = waymark_document_find_persona (doc, second);
    WaymarkLane *lane = g_ptr_array_index (persona->lanes, 0);
    WaymarkPhase *phase = g_ptr_array_index (persona->phases, 0);
    g_assert_nonnull (waymark_command_add_card (doc, second, lane->base.id, phase->base.id, -1,
                                                "COURSES abroad"));
  }
  waymark_document_set_text (doc, "c1", WAYMARK_FIELD_EVIDENCE, "Survey on courses");

  matches = waymark_find_matches (doc, "Courses");
  g_assert_cmpuint (matches->len, ==, 3);
  /* Reading order: c1 (evidence), c3, then the other persona. */
  g_assert_cmpstr (g_array_index (matches, WaymarkFindMatch, 0).card_id, ==, "c1");
  g_assert_cmpstr (g_array_index (matches, WaymarkFindMatch, 1).card_id, ==, "c3");
  g_assert_cmpstr (g_array_index (matches, WaymarkFindMatch, 2).persona_id, ==, second);

  g_assert_cmpint (waymark_find_matches_step (matches, NULL, FALSE), ==, 0);
  g_assert_cmpint (waymark_find_matches_step (matches, NULL, TRUE), ==, 2);
  g_assert_cmpint (waymark_find_matches_step (matches, "c3", FALSE), ==, 2);
  g_assert_cmpint (waymark_find_matches_step (matches, "c1", TRUE), ==, 2);
  g_assert_cmpint (waymark_find_matches_step (matches, g_array_index (matches, WaymarkFindMatch, 2).card_id,
                                              FALSE), ==, 0);

  none = waymark_find_matches (doc, "zebra");
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_cmpint (waymark_find_matches_step (none, NULL, FALSE), ==, -1);

  /* A tag's name finds the cards tagged with it, and only those. */
  {
    const char *ids[] = { "c2", NULL };
    g_autoptr(GArray) tagged = NULL;

    g_assert_true (waymark_command_toggle_tag (doc, ids, "t1", TRUE));
    tagged = waymark_find_matches (doc, "cost");
    g_assert_cmpuint (tagged->len, ==, 1);
    g_assert_cmpstr (g_array_index (tagged, WaymarkFindMatch, 0).card_id, ==, "c2");
  }
}

/* Recommendations are found by title, description and owner, after the
 * cards, in the order a report numbers them; the cards alone stay what
 * waymark_find_matches() finds. */
static void
test_find_recommendations (void)
{
  g_autoptr(WaymarkDocument) doc = make_document ();
  g_autoptr(GArray) matches = NULL;
  g_autoptr(GArray) cards = NULL;
  const struct { const char *id, *domain, *title, *description, *owner; } recommendations[] = {
    { "r-none", "", "Évaluer les cours", "", "" },
    { "r-title", "d", "Shorter courses", "", "" },
    { "r-other", "d", "Childcare", "Vouchers", "City" },
    { "r-description", "d", "Evening classes", "How might we offer COURSES at night?", "" },
    { "r-owner", "d", "One desk", "", "The Courses Office" },
  };

  g_assert_nonnull (waymark_document_insert_domain (doc, waymark_domain_new ("d", "Offer", ""),
                                                    -1));
  for (guint i = 0; i < G_N_ELEMENTS (recommendations); i++)
    {
      WaymarkRecommendation *recommendation =
        waymark_recommendation_new (recommendations[i].id, recommendations[i].title);

      g_free (recommendation->domain_id);
      recommendation->domain_id = g_strdup (recommendations[i].domain);
      g_free (recommendation->description);
      recommendation->description = g_strdup (recommendations[i].description);
      g_free (recommendation->owner);
      recommendation->owner = g_strdup (recommendations[i].owner);
      g_assert_nonnull (waymark_document_insert_recommendation (doc, recommendation, -1));
    }

  matches = waymark_find_matches_with_recommendations (doc, "courses");
  cards = waymark_find_matches (doc, "courses");
  g_assert_cmpuint (cards->len, ==, 1);
  g_assert_cmpuint (matches->len, ==, 4);
  g_assert_cmpstr (g_array_index (matches, WaymarkFindMatch, 0).card_id, ==,
                   g_array_index (cards, WaymarkFindMatch, 0).card_id);
  g_assert_null (g_array_index (matches, WaymarkFindMatch, 0).recommendation_id);
  for (guint i = 1; i < 4; i++)
    {
      g_assert_null (g_array_index (matches, WaymarkFindMatch, i).card_id);
      g_assert_null (g_array_index (matches, WaymarkFindMatch, i).persona_id);
    }
  /* The domain's in its order; "Évaluer les cours" (in none) is not a match. */
  g_assert_cmpstr (g_array_index (matches, WaymarkFindMatch, 1).recommendation_id, ==, "r-title");
  g_assert_cmpstr (g_array_index (matches, WaymarkFindMatch, 2).recommendation_id, ==,
                   "r-description");
  g_assert_cmpstr (g_array_index (matches, WaymarkFindMatch, 3).recommendation_id, ==, "r-owner");

  /* Stepping goes from the cards into the recommendations and round. */
  g_assert_cmpint (waymark_find_matches_step (matches, "c3", FALSE), ==, 1);
  g_assert_cmpint (waymark_find_matches_step (matches, "r-title", FALSE), ==, 2);
  g_assert_cmpint (waymark_find_matches_step (matches, "r-owner", FALSE), ==, 0);
  g_assert_cmpint (waymark_find_matches_step (matches, "c3", TRUE), ==, 3);

  /* Accents' composition and case do not matter. */
  g_clear_pointer (&matches, g_array_unref);
  matches = waymark_find_matches_with_recommendations (doc, "E\xcc\x81VALUER");
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpstr (g_array_index (matches, WaymarkFindMatch, 0).recommendation_id, ==, "r-none");
}


/* The canvas converts pixels to document units and asks the layout; this
 * is what it relies on: hit tests find cards and cells, and a drop at the
 * bottom of a cell appends, one over the dragged card itself is a no-op. */
static void
test_layout_hits_and_drops (void)
{
  g_autoptr(WaymarkDocument) doc = make_document ();
  g_autoptr(WaymarkLayout) layout = waymark_layout_new (doc, "p", NULL, NULL);
  WaymarkRect card, cell, other;
  WaymarkHit hit;
  WaymarkDropTarget drop;
  int score;

  g_assert_nonnull (layout);
  g_assert_true (waymark_layout_get_card_rect (layout, "c2", &card));
  g_assert_true (waymark_layout_hit_test (layout, card.x + card.width / 2, card.y + card.height / 2, &hit));
  g_assert_cmpint (hit.kind, ==, WAYMARK_HIT_CARD);
  g_assert_cmpstr (hit.card_id, ==, "c2");

  g_assert_true (waymark_layout_get_cell_rect (layout, "lb", "ph1", &cell));
  g_assert_true (waymark_layout_hit_test (layout, cell.x + cell.width / 2, cell.y + cell.height / 2, &hit));
  g_assert_cmpint (hit.kind, ==, WAYMARK_HIT_CELL);
  g_assert_cmpstr (hit.lane_id, ==, "lb");
  g_assert_cmpstr (hit.phase_id, ==, "ph1");

  /* Dropping c1 at the bottom of its own cell puts it after c2. */
  g_assert_true (waymark_layout_get_cell_rect (layout, "la", "ph1", &cell));
  g_assert_true (waymark_layout_get_drop_target (layout, cell.x + cell.width / 2,
                                                 cell.y + cell.height - 1, "c1", &drop));
  g_assert_cmpstr (drop.lane_id, ==, "la");
  g_assert_cmpstr (drop.phase_id, ==, "ph1");
  g_assert_cmpint (drop.position, ==, 1);
  g_assert_true (waymark_document_move_card (doc, "c1", drop.lane_id, drop.phase_id, drop.position));
  g_assert_cmpint (waymark_persona_card_position (persona_p (doc), "c1"), ==, 1);

  /* Over the dragged card itself: where it is, so nothing changes. */
  {
    g_autoptr(WaymarkLayout) again = waymark_layout_new (doc, "p", NULL, layout);
    g_autofree char *before = canonical (doc);
    g_autofree char *after = NULL;

    g_assert_true (waymark_layout_get_card_rect (again, "c1", &other));
    g_assert_true (waymark_layout_get_drop_target (again, other.x + other.width / 2,
                                                   other.y + other.height / 2, "c1", &drop));
    waymark_document_move_card (doc, "c1", drop.lane_id, drop.phase_id, drop.position);
    after = canonical (doc);
    g_assert_cmpstr (after, ==, before);
  }

  /* The emotions lane answers scores by height, clamped to its scale. */
  g_assert_true (waymark_layout_get_cell_rect (layout, "le", "ph2", &cell));
  g_assert_true (waymark_layout_emotion_score_at (layout, "le", cell.y - 1000, &score));
  g_assert_cmpint (score, ==, 2);
  g_assert_true (waymark_layout_emotion_score_at (layout, "le", cell.y + cell.height + 1000, &score));
  g_assert_cmpint (score, ==, -2);
  g_assert_false (waymark_layout_emotion_score_at (layout, "la", cell.y, &score));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/editing/navigation/walk", test_navigation_walk);
  g_test_add_func ("/editing/navigation/validate", test_navigation_validate);
  g_test_add_func ("/editing/navigation/card-move", test_navigation_card_move);
  g_test_add_func ("/editing/command/add-card", test_command_add_card);
  g_test_add_func ("/editing/command/delete-duplicate", test_command_delete_duplicate);
  g_test_add_func ("/editing/command/move-copy", test_command_move_copy);
  g_test_add_func ("/editing/command/card-properties", test_command_card_properties);
  g_test_add_func ("/editing/command/phases-lanes", test_command_phases_lanes);
  g_test_add_func ("/editing/command/personas", test_command_personas);
  g_test_add_func ("/editing/command/emotion", test_command_emotion);
  g_test_add_func ("/editing/clipboard/roundtrip", test_clipboard_roundtrip);
  g_test_add_func ("/editing/clipboard/shape-clamped", test_clipboard_shape_clamped);
  g_test_add_func ("/editing/clipboard/text", test_clipboard_text);
  g_test_add_func ("/editing/clipboard/hostile", test_clipboard_hostile);
  g_test_add_func ("/editing/clipboard/limits", test_clipboard_limits);
  g_test_add_func ("/editing/find", test_find);
  g_test_add_func ("/editing/find-recommendations", test_find_recommendations);
  g_test_add_func ("/editing/layout/hits-and-drops", test_layout_hits_and_drops);

  return g_test_run ();
}
