/* test-csv.c: CSV export, import and the round trip
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "waymark-csv.h"
#include "waymark-format.h"
#include "waymark-limits.h"

/* Where @card_id is, in words: "[persona] [lane] phase.place [text]". */
static void
describe_card (GString         *out,
               WaymarkDocument *document,
               const char      *card_id)
{
  for (guint p = 0; p < waymark_document_get_n_personas (document); p++)
    {
      WaymarkPersona *persona = waymark_document_get_persona (document, p);
      WaymarkCard *card = waymark_persona_find_card (persona, card_id);
      g_autoptr (GPtrArray) cell = NULL;
      guint phase = 0, place = 0;

      if (card == NULL)
        continue;
      while (!g_str_equal (((WaymarkPhase *) g_ptr_array_index (persona->phases, phase))->base.id,
                           card->phase_id))
        phase++;
      cell = waymark_persona_cell_cards (persona, card->lane_id, card->phase_id);
      g_ptr_array_find (cell, card, &place);
      g_string_append_printf (out, "[%s] [%s] %u.%u [%s]", persona->name,
                              waymark_persona_find_lane (persona, card->lane_id)->name, phase + 1,
                              place + 1, card->text);
      return;
    }
  g_assert_not_reached ();
}

/* The domains (name, colour, order) and recommendations (title,
 * description, domain, status, owner, scores, order in the domain) and
 * the cards each addresses, in its order. */
static void
describe_recommendations (GString         *out,
                          WaymarkDocument *document)
{
  GPtrArray *domains = waymark_document_get_domains (document);

  for (guint d = 0; d <= domains->len; d++)
    {
      WaymarkDomain *domain = d < domains->len ? g_ptr_array_index (domains, d) : NULL;
      g_autoptr (GPtrArray) recommendations =
        waymark_document_list_domain_recommendations (document,
                                                      domain != NULL ? domain->base.id : NULL);

      if (domain != NULL)
        g_string_append_printf (out, "domain [%s] color [%s]\n", domain->name, domain->color);
      else if (recommendations->len > 0)
        g_string_append (out, "in no domain\n");
      for (guint i = 0; i < recommendations->len; i++)
        {
          WaymarkRecommendation *recommendation = g_ptr_array_index (recommendations, i);

          g_string_append_printf (out, "  recommendation [%s] description [%s] %s owner [%s] "
                                  "value %d effort %d\n", recommendation->title,
                                  recommendation->description,
                                  waymark_status_to_string (recommendation->status),
                                  recommendation->owner, recommendation->value,
                                  recommendation->effort);
          for (guint c = 0; recommendation->cards[c] != NULL; c++)
            {
              g_string_append (out, "    addresses ");
              describe_card (out, document, recommendation->cards[c]);
              g_string_append_c (out, '\n');
            }
        }
    }
}

/* "Equivalent" documents, as the CSV round trip promises them: the same
 * personas (name, ambition, colour) in the same order; the same phases
 * (names, order) and lanes (name, kind, scale, order); in every cell the
 * same cards in the same order with the same text, evidence, span and
 * tag names; the same emotion points (score, label); the same domains
 * and recommendations, addressing the same cards in the same order. Ids,
 * colours of lanes, cards and tags, descriptions and document metadata
 * are not part of the CSV (docs/spreadsheets.md) and are not compared. */
static char *
describe_document (WaymarkDocument *document)
{
  GString *out = g_string_new (NULL);

  for (guint p = 0; p < waymark_document_get_n_personas (document); p++)
    {
      WaymarkPersona *persona = waymark_document_get_persona (document, p);

      g_string_append_printf (out, "persona [%s] ambition [%s] color [%s]\n",
                              persona->name, persona->ambition, persona->color);
      for (guint i = 0; i < persona->phases->len; i++)
        {
          WaymarkPhase *phase = g_ptr_array_index (persona->phases, i);
          g_string_append_printf (out, "  phase %u [%s]\n", i + 1, phase->name);
        }
      for (guint l = 0; l < persona->lanes->len; l++)
        {
          WaymarkLane *lane = g_ptr_array_index (persona->lanes, l);

          g_string_append_printf (out, "  lane [%s] %s", lane->name,
                                  waymark_lane_kind_to_string (lane->kind));
          if (lane->kind == WAYMARK_LANE_EMOTIONS)
            g_string_append_printf (out, " %d..%d", lane->scale_min, lane->scale_max);
          g_string_append_c (out, '\n');

          for (guint i = 0; i < persona->phases->len; i++)
            {
              WaymarkPhase *phase = g_ptr_array_index (persona->phases, i);
              g_autoptr (GPtrArray) cards =
                waymark_persona_cell_cards (persona, lane->base.id, phase->base.id);
              WaymarkEmotionPoint *point =
                waymark_persona_find_emotion (persona, lane->base.id, phase->base.id);

              if (point != NULL)
                g_string_append_printf (out, "    point %u: %d [%s]\n", i + 1, point->score,
                                        point->label);
              for (guint c = 0; c < cards->len; c++)
                {
                  WaymarkCard *card = g_ptr_array_index (cards, c);

                  g_string_append_printf (out, "    card %u.%u [%s] evidence [%s] span %d tags",
                                          i + 1, c + 1, card->text, card->evidence, card->span);
                  for (guint t = 0; card->tags[t] != NULL; t++)
                    {
                      WaymarkTag *tag = waymark_document_find_tag (document, card->tags[t]);
                      g_string_append_printf (out, " [%s]", tag->name);
                    }
                  g_string_append_c (out, '\n');
                }
            }
        }
    }
  describe_recommendations (out, document);
  return g_string_free (out, FALSE);
}

static const char *
add_tag (WaymarkDocument *document,
         const char      *name,
         const char      *color)
{
  return waymark_document_insert_tag (document, waymark_tag_new (NULL, name, color), -1);
}

static const char *
add_phase (WaymarkDocument *document,
           const char      *persona_id,
           const char      *name)
{
  return waymark_document_insert_phase (document, persona_id, waymark_phase_new (NULL, name), -1);
}

static const char *
add_lane (WaymarkDocument *document,
          const char      *persona_id,
          const char      *name,
          WaymarkLaneKind  kind)
{
  return waymark_document_insert_lane (document, persona_id, waymark_lane_new (NULL, name, kind),
                                       -1);
}

static const char *
add_card (WaymarkDocument    *document,
          const char         *persona_id,
          const char         *lane_id,
          const char         *phase_id,
          const char         *text,
          const char         *evidence,
          const char * const *tags)
{
  WaymarkCard *card = waymark_card_new (NULL, lane_id, phase_id, text);
  const char *id;

  g_free (card->evidence);
  card->evidence = g_strdup (evidence != NULL ? evidence : "");
  if (tags != NULL)
    {
      g_strfreev (card->tags);
      card->tags = g_strdupv ((char **) tags);
    }
  id = waymark_document_insert_card (document, persona_id, card, -1);
  g_assert_nonnull (id);
  return id;
}

/* A document with everything that is awkward for CSV: cells with commas,
 * quotes, line breaks, leading formula characters and apostrophes,
 * spaces at the ends, right-to-left and astral text; a phase name used
 * twice in one journey; empty phases, lanes and personas; spans; a
 * custom emotion scale; tag names with commas. */
static WaymarkDocument *
make_awkward_document (void)
{
  WaymarkDocument *document = waymark_document_new ();
  const char *t_comma, *t_quote, *t_plain;
  const char *p1, *p2, *p3;
  const char *ph1, *ph2, *ph3, *ph4;
  const char *l_act, *l_emo, *l_bar, *l_lev;

  t_comma = add_tag (document, "Publiek, privaat", "#112233");
  t_quote = add_tag (document, "The \"core\" theme", "#445566");
  t_plain = add_tag (document, "Afbakening", "#778899");

  p1 = waymark_document_insert_persona (document,
                                        waymark_persona_new (NULL, "De \"loopbaan\", lanceerder"),
                                        -1);
  waymark_document_set_text (document, p1, WAYMARK_FIELD_AMBITION,
                             "=1+1 should stay text, even\nover two lines");
  waymark_document_set_text (document, p1, WAYMARK_FIELD_COLOR, "#0072b2");

  ph1 = add_phase (document, p1, "Detectie");
  ph2 = add_phase (document, p1, "-Verkenning, haalbaarheid");
  ph3 = add_phase (document, p1, "Detectie");       /* the journey comes back */
  ph4 = add_phase (document, p1, "Leeg");           /* nothing in it */
  (void) ph4;

  l_act = add_lane (document, p1, "Activiteiten", WAYMARK_LANE_ACTIONS);
  l_emo = add_lane (document, p1, "Beleving", WAYMARK_LANE_EMOTIONS);
  waymark_document_set_int (document, l_emo, WAYMARK_FIELD_SCALE_MIN, -3);
  waymark_document_set_int (document, l_emo, WAYMARK_FIELD_SCALE_MAX, 3);
  l_bar = add_lane (document, p1, "Drempels", WAYMARK_LANE_BARRIERS);
  add_lane (document, p1, "Notities (leeg)", WAYMARK_LANE_NOTES);
  l_lev = add_lane (document, p1, "@Hefbomen", WAYMARK_LANE_LEVERS);

  add_card (document, p1, l_act, ph1, "Analyse, vacatures", NULL, NULL);
  add_card (document, p1, l_act, ph1, "He said \"hi\"", "Interview 3, line 12", NULL);
  add_card (document, p1, l_act, ph2, "first line\nsecond line\n\nthird", NULL, NULL);
  add_card (document, p1, l_act, ph3, "=HYPERLINK(\"http://evil\")", "+32 9 123 45 67", NULL);
  {
    const char *tags[] = { t_comma, t_quote, NULL };
    add_card (document, p1, l_bar, ph1, "-minus first", "@mention", tags);
  }
  {
    const char *tags[] = { t_plain, NULL };
    const char *id = add_card (document, p1, l_bar, ph2, "'=already quoted", NULL, tags);
    waymark_document_set_int (document, id, WAYMARK_FIELD_SPAN, 2);
  }
  add_card (document, p1, l_bar, ph2, "  spaces at both ends  ", NULL, NULL);
  add_card (document, p1, l_bar, ph2, "\ttab first", NULL, NULL);
  add_card (document, p1, l_bar, ph3, "", "", NULL);   /* an empty card */
  add_card (document, p1, l_lev, ph1, "العربية من اليمين", NULL, NULL);
  add_card (document, p1, l_lev, ph3, "emoji 🧭 and ; semicolons; here", NULL, NULL);
  add_card (document, p1, l_lev, ph3, "''", NULL, NULL);

  waymark_document_set_emotion (document, p1, l_emo, ph1, 3, "enthousiast, \"heel\"");
  waymark_document_set_emotion (document, p1, l_emo, ph2, -3, "=neg");
  waymark_document_set_emotion (document, p1, l_emo, ph3, 0, "");

  /* A persona with phases but no lanes, and one with nothing at all. */
  p2 = waymark_document_insert_persona (document, waymark_persona_new (NULL, "Alleen fasen"), -1);
  add_phase (document, p2, "Eén");
  add_phase (document, p2, "Twee");
  p3 = waymark_document_insert_persona (document, waymark_persona_new (NULL, "+Leeg"), -1);
  (void) p3;

  /* A persona with lanes but no phases. */
  {
    const char *p4 = waymark_document_insert_persona (document,
                                                      waymark_persona_new (NULL, "Alleen banen"),
                                                      -1);
    add_lane (document, p4, "Gevoel", WAYMARK_LANE_EMOTIONS);
    add_lane (document, p4, "Acties", WAYMARK_LANE_ACTIONS);
  }

  return document;
}

static GBytes *
bytes_from_string (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static char *
csv_string (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  return g_strndup (data, len);
}

static void
test_export_quoting (void)
{
  g_autoptr (WaymarkDocument) document = make_awkward_document ();
  g_autoptr (GBytes) bytes = waymark_csv_export_to_bytes (document);
  g_autofree char *csv = csv_string (bytes);

  if (g_getenv ("WAYMARK_TEST_DUMP_CSV") != NULL)
    g_print ("%s", csv);

  /* BOM, header, CRLF. */
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "persona,phase,phase order,lane,lane kind,"
                                   "order,text,tags,score,label,evidence,span,ambition,"
                                   "persona color,scale min,scale max\r\n"));
  /* Every line break outside a quoted cell is CRLF; inside cells, the
   * text's own "\n" stays as it is. */
  {
    gboolean quoted = FALSE;
    for (const char *p = csv; *p != '\0'; p++)
      {
        if (*p == '"')
          quoted = !quoted;
        else if (*p == '\n' && !quoted)
          g_assert_cmpint (p[-1], ==, '\r');
      }
    g_assert_false (quoted);
  }

  /* Commas and quotes. */
  g_assert_nonnull (strstr (csv, "\r\n\"De \"\"loopbaan\"\", lanceerder\",Detectie,1,"));
  g_assert_nonnull (strstr (csv, ",\"He said \"\"hi\"\"\",,,,\"Interview 3, line 12\","));
  /* Line breaks inside a quoted cell. */
  g_assert_nonnull (strstr (csv, ",\"first line\nsecond line\n\nthird\","));
  /* Formula characters get an apostrophe, inside the quotes when quoted. */
  g_assert_nonnull (strstr (csv, ",\"'=HYPERLINK(\"\"http://evil\"\")\",,,,'+32 9 123 45 67,"));
  g_assert_nonnull (strstr (csv, ",'-minus first,"));
  g_assert_nonnull (strstr (csv, ",'@mention,"));
  g_assert_nonnull (strstr (csv, ",'@Hefbomen,levers,"));
  g_assert_nonnull (strstr (csv, ",\"'-Verkenning, haalbaarheid\",2,"));
  g_assert_nonnull (strstr (csv, "\r\n'+Leeg,"));
  g_assert_nonnull (strstr (csv, ",\"'\ttab first\","));
  /* An apostrophe already in front of a formula character gets another. */
  g_assert_nonnull (strstr (csv, ",''=already quoted,Afbakening,,,,2,"));
  /* ... but a cell of plain apostrophes does not. */
  g_assert_nonnull (strstr (csv, ",levers,2,'',,,,,,"));
  /* Tags joined with "; " (quoted, since it holds a semicolon), names
   * with commas and quotes intact. */
  g_assert_nonnull (strstr (csv, ",\"Publiek, privaat; The \"\"core\"\" theme\","));
  /* Numbers stay numbers: a negative score is not guarded. */
  g_assert_nonnull (strstr (csv, ",Beleving,emotions,,,,-3,'=neg,,,"));
  g_assert_nonnull (strstr (csv, ",-3,3\r\n"));
  /* Spaces at the ends are quoted so that no import trims them. */
  g_assert_nonnull (strstr (csv, ",\"  spaces at both ends  \","));
}

static void
assert_round_trip (WaymarkDocument *document)
{
  g_autoptr (GBytes) first = waymark_csv_export_to_bytes (document);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (WaymarkDocument) imported = waymark_csv_import_bytes (first, "trip.csv", &problems);
  g_autoptr (GBytes) second = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = waymark_problem_to_string (g_ptr_array_index (problems, i));
      g_test_message ("%s", line);
    }
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (imported);

  expected = describe_document (document);
  actual = describe_document (imported);
  g_assert_cmpstr (actual, ==, expected);

  /* Exporting again gives the same bytes, and the imported document is
   * fresh: nothing to undo, nothing unsaved. */
  second = waymark_csv_export_to_bytes (imported);
  g_assert_true (g_bytes_equal (first, second));
  g_assert_false (waymark_history_get_can_undo (waymark_document_get_history (imported)));
  g_assert_cmpstr (waymark_document_get_title (imported), ==, "trip");

  /* And the imported document is valid: it saves and loads again. */
  {
    g_autoptr (GBytes) xml = waymark_format_save_to_bytes (imported);
    g_autoptr (GError) error = NULL;
    g_autoptr (WaymarkDocument) reloaded = waymark_format_load_bytes (xml, "trip.waymark", &error);
    g_autofree char *reloaded_text = NULL;

    g_assert_no_error (error);
    reloaded_text = describe_document (reloaded);
    g_assert_cmpstr (reloaded_text, ==, expected);
  }
}

static void
test_round_trip_awkward (void)
{
  g_autoptr (WaymarkDocument) document = make_awkward_document ();
  g_autofree char *text = describe_document (document);

  /* Through a save and load first, as a real document comes. */
  {
    g_autoptr (GBytes) xml = waymark_format_save_to_bytes (document);
    g_autoptr (GError) error = NULL;
    g_autoptr (WaymarkDocument) loaded = waymark_format_load_bytes (xml, "awkward.waymark", &error);

    g_assert_no_error (error);
    assert_round_trip (loaded);
  }
  g_assert_nonnull (strstr (text, "phase 3 [Detectie]"));
}

static void
test_round_trip_example (void)
{
  g_autofree char *path = g_build_filename (SOURCE_DATADIR, "examples", "levenslang-leren.waymark",
                                            NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (WaymarkDocument) document = waymark_format_load_file (file, &error);
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *csv = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (waymark_document_get_n_personas (document), ==, 5);
  assert_round_trip (document);

  /* Spot checks: a row per card and per point. */
  bytes = waymark_csv_export_to_bytes (document);
  csv = csv_string (bytes);
  g_assert_nonnull (strstr (csv, "\r\nDe loopbaanlanceerder,Verkenning & haalbaarheid,2,Drempels,"
                                 "barriers,1,Onzekere instroom,Doelgroep theorie vs praktijk,"));
}

/* A persona with two lanes of one name (of one kind and of another)
 * comes back with both, each with its own cards: the "lane order" column,
 * written only then, tells them apart. Other tables keep their columns. */
static void
test_round_trip_lanes_of_one_name (void)
{
  g_autofree char *path = g_build_filename (SOURCE_DATADIR, "examples", "levenslang-leren.waymark",
                                            NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (WaymarkDocument) document = waymark_format_load_file (file, &error);
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *csv = NULL;
  WaymarkPersona *persona;

  g_assert_no_error (error);
  before = waymark_csv_export_to_bytes (document);
  plain = csv_string (before);
  g_assert_null (strstr (plain, "zwembaanvolgorde"));

  persona = waymark_document_get_persona (document, 0);
  /* Two "Activiteiten" of different kinds, two "Drempels" of one kind. */
  for (guint l = 0; l < persona->lanes->len; l++)
    {
      WaymarkLane *lane = g_ptr_array_index (persona->lanes, l);

      if (lane->kind == WAYMARK_LANE_THOUGHTS)
        waymark_document_set_text (document, lane->base.id, WAYMARK_FIELD_NAME, "Activiteiten");
      else if (lane->kind == WAYMARK_LANE_LEVERS)
        {
          waymark_document_set_text (document, lane->base.id, WAYMARK_FIELD_NAME, "Drempels");
          waymark_document_set_int (document, lane->base.id, WAYMARK_FIELD_KIND,
                                    WAYMARK_LANE_BARRIERS);
        }
    }
  assert_round_trip (document);
  bytes = waymark_csv_export_to_bytes (document);
  csv = csv_string (bytes);
  g_assert_nonnull (strstr (csv, ",zwembaanvolgorde\r\n"));
}

typedef struct {
  const char *name;
  const char *csv;
  const char *problems;  /* expected, one per line */
} ErrorCase;

static char *
problems_text (GPtrArray *problems)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = waymark_problem_to_string (g_ptr_array_index (problems, i));
      g_string_append_printf (out, "%s\n", line);
    }
  return g_string_free (out, FALSE);
}

static void
test_import_errors (void)
{
  static const ErrorCase cases[] = {
    {
      "rows",
      "persona,phase,phase order,lane,lane kind,order,text,score\r\n"
      "P,Eén,1,Drempels,barriers,1,\"Over\ntwee regels\",\r\n"   /* row 2 takes two lines */
      "P,Eén,one,Drempels,barriers,1,x,\r\n"                   /* row 3 */
      ",Eén,1,Drempels,barriers,1,x,\r\n"                      /* row 4 */
      "P,Eén,1,Drempels,obstacles,1,x,\r\n"                    /* row 5 */
      "P,Twee,1,Drempels,barriers,1,x,\r\n"                    /* row 6: order 1 is Eén */
      "P,Eén,1,Drempels,levers,1,x,\r\n"                       /* row 7: lane kind clash */
      "P,Eén,1,Beleving,emotions,,,\r\n"                       /* row 8: point without score */
      "P,Eén,1,Drempels,,,y,2\r\n"                             /* row 9: score on barriers */
      "\r\n"                                                   /* row 10: blank, skipped */
      "P,Eén,1,Beleving,emotions,,,7\r\n"                      /* row 11: off the scale */
      "P,,,,,,text without a cell,\r\n"                        /* row 12 */
      "P,Eén,1,Beleving,emotions,,,1\r\n"                      /* row 13 */
      "P,Eén,1,Beleving,emotions,,,2\r\n",                     /* row 14: second point */
      "t.csv:3: error: “one” is not a whole number from 1 to 100000 (column “phase order”)\n"
      "t.csv:4: error: the persona is empty\n"
      "t.csv:5: error: unknown lane kind “obstacles” (use actions, thoughts, emotions, "
      "touchpoints, barriers, levers or notes)\n"
      "t.csv:6: error: phase 1 of “P” is “Eén” (row 2), not “Twee”\n"
      "t.csv:7: error: lane “Drempels” of “P” is of kind barriers (row 2), not levers\n"
      "t.csv:12: error: the row has a “text” but no phase; cards and emotion points need both "
      "a phase and a lane\n",
    },
    {
      /* The same file with the syntax errors fixed shows the errors that
       * need all rows: they are only checked when every row parsed. */
      "cells",
      "persona,phase,phase order,lane,lane kind,order,text,score\r\n"
      "P,Eén,1,Beleving,emotions,,,\r\n"
      "P,Eén,1,Drempels,barriers,,y,2\r\n"
      "P,Eén,1,Beleving,emotions,,,7\r\n"
      "P,Twee,2,Beleving,emotions,,,1\r\n"
      "P,Twee,2,Beleving,emotions,,,2\r\n",
      "t.csv:2: error: “Beleving” is an emotions lane: the row needs a score\n"
      "t.csv:3: error: “Drempels” is a barriers lane; a score or label belongs in an "
      "emotions lane\n"
      "t.csv:4: error: the score 7 is outside the scale of “Beleving”, -2 to 2 (set “scale min” "
      "and “scale max”)\n"
      "t.csv:6: error: “Beleving” already has a point for phase “Twee” (row 5)\n",
    },
    {
      "header",
      "persona,stap,lane,text,text\r\nP,X,Y,z,z\r\n",
      "t.csv:1: warning: the column “stap” is not a Waymark column; it is ignored\n"
      "t.csv:1: error: the column “text” appears twice\n"
      "t.csv:1: error: the header row has no “phase” column (the first row must name the "
      "columns: persona, phase, lane, text, …, or map them with --columns phase=Header)\n",
    },
    {
      "syntax",
      "persona,phase,lane,text\r\n"
      "P,X,Y,\"closed\"junk\r\n"                /* row 2 */
      "P,X,Y,a,b\r\n"                           /* row 3: more cells than the header */
      "P,X,Y,\"never closed\r\nP,X,Y,z\r\n",    /* row 4 */
      "t.csv:2: error: unexpected “j” after the closing quote of a cell; quotes inside a "
      "quoted cell are doubled (\"\")\n"
      "t.csv:3: error: the row has 5 cells but the header only 4 columns\n"
      "t.csv:4: error: a quoted cell is not closed; the rest of the file is inside it\n",
    },
    {
      "encoding",
      "persona,phase,lane,text\r\n"
      "P,X,Y,caf\xe9\r\n"                        /* Latin-1, not UTF-8 */
      "P,X,Y,bell\x07\r\n",
      "t.csv:2: error: the “text” cell is not valid UTF-8 (save the sheet as “CSV, UTF-8”)\n"
      "t.csv:3: error: the “text” cell holds the control character U+0007, which a document "
      "cannot store\n",
    },
    {
      "recommendations",
      "persona,phase,lane,lane kind,text,addressed by,recommendation,title,domain,domain color,"
      "status,value\r\n"
      "P,X,Drempels,barriers,a,x1,,,,,,\r\n"          /* row 2 */
      ",,,,,,1,Eén,D,#zzzzzz,,\r\n"                    /* row 3 */
      ",,,,,,1,Eén,D,,open,\r\n"                       /* row 4 */
      ",,,,,,1,Twee,,,,\r\n"                           /* row 5: number taken */
      ",,,,,,2,Drie,,,later,\r\n"                      /* row 6 */
      ",,,,,,3,Vier,,,,9\r\n"                          /* row 7 */
      "P,,,,,,4,Vijf,,,,\r\n"                          /* row 8: a persona */
      "P,X,Drempels,,b,,,Zes,,,,\r\n"                  /* row 9: a title on a card */
      ",,,,,,,,E,#00ff00,,\r\n"                        /* row 10 */
      ",,,,,,,,E,#ff0000,,\r\n"                        /* row 11: another colour */
      ",,,,,,,,,#ff0000,,\r\n"                         /* row 12 */
      ",,,,,,,Zeven,E,,,\r\n",                         /* row 13 */
      "t.csv:2: error: “x1” in “addressed by” is not a recommendation's number (such as 3, or "
      "3#2 for its second card)\n"
      "t.csv:3: error: the domain color “#zzzzzz” is not of the form #rrggbb\n"
      "t.csv:5: error: recommendation 1 is on row 4 already\n"
      "t.csv:6: error: unknown status “later” (use open, in-progress, done or dropped)\n"
      "t.csv:7: error: “9” is not a whole number from 1 to 5 (column “value”)\n"
      "t.csv:8: error: a recommendation's row has no “persona”: cards and recommendations are on "
      "rows of their own, and a card's “addressed by” names the recommendations\n"
      "t.csv:9: error: the “title” cell belongs on a recommendation's row, which has a "
      "“recommendation” number and no persona\n"
      "t.csv:11: error: the color of “E” is “#ff0000” here but “#00ff00” on row 10\n"
      "t.csv:12: error: the row has a domain color but no domain\n"
      "t.csv:13: error: the row has a “title” but no “recommendation” number\n",
    },
    {
      /* What needs every row: the numbers "addressed by" names. */
      "links",
      "persona,phase,lane,lane kind,text,score,addressed by,recommendation,title\r\n"
      "P,X,Drempels,barriers,a,,7,,\r\n"
      "P,X,Gevoel,emotions,,1,1,,\r\n"
      ",,,,,,,1,Een\r\n",
      "t.csv:2: error: no row is recommendation 7, which “addressed by” names\n"
      "t.csv:3: error: “Gevoel” is an emotions lane: recommendations address cards, not its "
      "points\n",
    },
    { "empty", "", "t.csv: error: the file is empty\n" },
    { "header only", "\xEF\xBB\xBFpersona,phase,lane\r\n",
      "t.csv: error: the file has a header but no rows\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GBytes) bytes = bytes_from_string (cases[i].csv);
      g_autoptr (GPtrArray) problems = NULL;
      g_autoptr (WaymarkDocument) document = NULL;
      g_autofree char *text = NULL;

      g_test_message ("case %s", cases[i].name);
      document = waymark_csv_import_bytes (bytes, "t.csv", &problems);
      text = problems_text (problems);
      g_assert_cmpstr (text, ==, cases[i].problems);
      g_assert_null (document);
    }
}

static void
test_import_spreadsheet (void)
{
  /* What a researcher's coding sheet looks like: semicolons (Dutch
   * Excel), no BOM, LF line ends, headers in another case, columns in
   * another order, an extra column, kinds as labels, no phase order,
   * no lane kind for a lane named after its kind, blank lines, a CRLF
   * inside a cell (kept as it is: the card holds what the cell held). */
  const char *csv =
    "Interview;Persona;Phase;Lane;Lane_Kind;Text;Tags;Score\n"
    "I-03;Anna;Intake;Barriers;;Long forms;\"Admin ;  Access\";\n"
    "I-03;Anna;Intake;Mood;Emotions;;;-1\n"
    "\n"
    "I-07;Anna;Course;Barriers;;Childcare; access;\n"
    "I-07;Anna;Intake;Barriers;;\"Waiting;\r\nlist\";;\n"
    "I-09;Bert;Course;Ideas;Lever;Buddy system;;\n";
  g_autoptr (GBytes) bytes = bytes_from_string (csv);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (WaymarkDocument) document = waymark_csv_import_bytes (bytes, "coding.csv", &problems);
  g_autofree char *text = NULL;
  g_autofree char *problem_lines = problems_text (problems);
  GPtrArray *tags;

  g_assert_cmpstr (problem_lines, ==,
                   "coding.csv:1: warning: the column “Interview” is not a Waymark column; "
                   "it is ignored\n");
  g_assert_nonnull (document);
  text = describe_document (document);
  g_assert_cmpstr (text, ==,
                   "persona [Anna] ambition [] color []\n"
                   "  phase 1 [Intake]\n"
                   "  phase 2 [Course]\n"
                   "  lane [Barriers] barriers\n"
                   "    card 1.1 [Long forms] evidence [] span 1 tags [Admin] [Access]\n"
                   "    card 1.2 [Waiting;\r\nlist] evidence [] span 1 tags\n"
                   "    card 2.1 [Childcare] evidence [] span 1 tags [access]\n"
                   "  lane [Mood] emotions -2..2\n"
                   "    point 1: -1 []\n"
                   "persona [Bert] ambition [] color []\n"
                   "  phase 1 [Course]\n"
                   "  lane [Ideas] levers\n"
                   "    card 1.1 [Buddy system] evidence [] span 1 tags\n");
  g_assert_cmpstr (waymark_document_get_title (document), ==, "coding");

  /* Tags are created by name, once each (names are case-sensitive). */
  tags = waymark_document_get_tags (document);
  g_assert_cmpuint (tags->len, ==, 3);
  g_assert_cmpstr (((WaymarkTag *) g_ptr_array_index (tags, 0))->name, ==, "Admin");
  g_assert_cmpstr (((WaymarkTag *) g_ptr_array_index (tags, 1))->name, ==, "Access");
  g_assert_cmpstr (((WaymarkTag *) g_ptr_array_index (tags, 2))->name, ==, "access");
}

static void
test_import_orders (void)
{
  /* Phase order puts phases in place whatever the row order, and order
   * puts cards in place within a cell; rows without an order come after
   * those with one, in row order. */
  const char *csv =
    "persona,phase,phase order,lane,order,text\r\n"
    "P,Three,30,Notes,,c\r\n"
    "P,One,10,Notes,2,a2\r\n"
    "P,One,10,Notes,,a3\r\n"
    "P,One,10,Notes,1,a1\r\n"
    "P,Two,20,Notes,,b\r\n";
  g_autoptr (GBytes) bytes = bytes_from_string (csv);
  g_autoptr (WaymarkDocument) document = waymark_csv_import_bytes (bytes, "o.csv", NULL);
  g_autofree char *text = NULL;

  g_assert_nonnull (document);
  text = describe_document (document);
  g_assert_cmpstr (text, ==,
                   "persona [P] ambition [] color []\n"
                   "  phase 1 [One]\n"
                   "  phase 2 [Two]\n"
                   "  phase 3 [Three]\n"
                   "  lane [Notes] notes\n"
                   "    card 1.1 [a1] evidence [] span 1 tags\n"
                   "    card 1.2 [a2] evidence [] span 1 tags\n"
                   "    card 1.3 [a3] evidence [] span 1 tags\n"
                   "    card 2.1 [b] evidence [] span 1 tags\n"
                   "    card 3.1 [c] evidence [] span 1 tags\n");
}

static void
test_import_limits (void)
{
  /* A cell over the limit, a row with too many cells: errors, not
   * crashes, and the rows after them are still read. */
  {
    g_autoptr (GString) csv = g_string_new ("persona,phase,lane,text\r\nP,X,Y,\"");
    g_autoptr (GBytes) bytes = NULL;
    g_autoptr (GPtrArray) problems = NULL;
    g_autoptr (WaymarkDocument) document = NULL;
    g_autofree char *text = NULL;
    g_autofree char *expected = NULL;

    for (guint i = 0; i < WAYMARK_CSV_MAX_FIELD_LENGTH + 10; i++)
      g_string_append_c (csv, i % 100 == 0 ? '\n' : 'x');
    g_string_append (csv, "\"\r\nP,X,Y");
    for (guint i = 0; i < WAYMARK_CSV_MAX_COLUMNS; i++)
      g_string_append (csv, ",a");
    g_string_append (csv, "\r\nP,X,Y,\r\nP,X,Y,\"unclosed");
    bytes = g_string_free_to_bytes (g_steal_pointer (&csv));
    document = waymark_csv_import_bytes (bytes, "big.csv", &problems);
    g_assert_null (document);
    text = problems_text (problems);
    expected = g_strdup_printf ("big.csv:2: error: a cell is longer than %d KiB, the most "
                                "Waymark holds in one text\n"
                                "big.csv:3: error: the row has more than %d cells\n"
                                "big.csv:5: error: a quoted cell is not closed; the rest of the "
                                "file is inside it\n",
                                WAYMARK_LIMIT_TEXT_LENGTH / 1024, WAYMARK_CSV_MAX_COLUMNS);
    g_assert_cmpstr (text, ==, expected);
  }

  /* A file over the size limit is refused before parsing. */
  {
    gsize size = WAYMARK_CSV_MAX_FILE_SIZE + 1;
    char *data = g_malloc (size);
    g_autoptr (GBytes) bytes = NULL;
    g_autoptr (GPtrArray) problems = NULL;
    WaymarkProblem *problem;

    memset (data, ',', size);
    bytes = g_bytes_new_take (data, size);
    g_assert_null (waymark_csv_import_bytes (bytes, "huge.csv", &problems));
    g_assert_cmpuint (problems->len, ==, 1);
    problem = g_ptr_array_index (problems, 0);
    g_assert_cmpint (problem->code, ==, WAYMARK_CSV_ERROR_TOO_LARGE);
  }

  /* Hostile files that stay under the size limit: a million empty rows,
   * a flood of bad rows (problems stop at the cap). */
  {
    g_autoptr (GString) csv = g_string_new ("persona,phase,lane,text\n");
    g_autoptr (GBytes) bytes = NULL;
    g_autoptr (GPtrArray) problems = NULL;
    WaymarkProblem *last;

    for (guint i = 0; i < 300000; i++)
      g_string_append (csv, i < 1000 ? ",X,Y,z\n" : "\n");
    bytes = g_string_free_to_bytes (g_steal_pointer (&csv));
    g_assert_null (waymark_csv_import_bytes (bytes, "flood.csv", &problems));
    g_assert_cmpuint (problems->len, ==, WAYMARK_CSV_MAX_PROBLEMS);
    last = g_ptr_array_index (problems, problems->len - 1);
    g_assert_cmpstr (last->message, ==, "too many problems; stopped after 100");
  }
  {
    g_autoptr (GString) csv = g_string_new ("persona,phase,lane,text\n");
    g_autoptr (GBytes) bytes = NULL;
    g_autoptr (GPtrArray) problems = NULL;
    g_autofree char *text = NULL;
    g_autofree char *expected = NULL;

    for (guint i = 0; i < WAYMARK_CSV_MAX_ROWS + 5; i++)
      g_string_append (csv, "\n");
    bytes = g_string_free_to_bytes (g_steal_pointer (&csv));
    g_assert_null (waymark_csv_import_bytes (bytes, "rows.csv", &problems));
    text = problems_text (problems);
    expected = g_strdup_printf ("rows.csv:%d: error: the file has more than %d rows\n",
                                WAYMARK_CSV_MAX_ROWS + 1, WAYMARK_CSV_MAX_ROWS);
    g_assert_cmpstr (text, ==, expected);
  }
}

/* A table with @n rows, each made by @row_format with the row's index
 * (from 0), after a header with the columns the rows fill. */
G_GNUC_PRINTF (3, 0)
static GBytes *
table (const char *header,
       guint       n,
       const char *row_format)
{
  GString *csv = g_string_new (header);

  for (guint i = 0; i < n; i++)
    {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      g_string_append_printf (csv, row_format, i);
#pragma GCC diagnostic pop
      g_string_append (csv, "\r\n");
    }
  return g_string_free_to_bytes (csv);
}

/* A table of the header and one row. */
static GBytes *
table_row (const char *header,
           const char *row)
{
  g_autofree char *csv = g_strconcat (header, row, "\r\n", NULL);

  return g_bytes_new (csv, strlen (csv));
}

static WaymarkDocument *
assert_imports (GBytes *bytes)
{
  g_autoptr (GPtrArray) problems = NULL;
  WaymarkDocument *document = waymark_csv_import_bytes (bytes, "t.csv", &problems);
  g_autofree char *text = problems_text (problems);

  g_assert_cmpstr (text, ==, "");
  g_assert_nonnull (document);
  g_bytes_unref (bytes);
  return document;
}

/* Refused as a whole: no document, and exactly one problem, an error of
 * WAYMARK_CSV_ERROR_TOO_LARGE that reads @expected. */
static void
assert_refused (GBytes     *bytes,
                const char *expected)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (WaymarkDocument) document = waymark_csv_import_bytes (bytes, "t.csv", &problems);
  g_autofree char *text = problems_text (problems);

  g_assert_cmpstr (text, ==, expected);
  g_assert_null (document);
  g_assert_cmpint (((WaymarkProblem *) g_ptr_array_index (problems, 0))->code, ==,
                   WAYMARK_CSV_ERROR_TOO_LARGE);
  g_bytes_unref (bytes);
}

static guint
count_cards (WaymarkDocument *document)
{
  guint n = 0;

  for (guint i = 0; i < waymark_document_get_n_personas (document); i++)
    n += waymark_document_get_persona (document, i)->cards->len;
  return n;
}

/* The limits of the model (waymark-limits.h), which the editor and the
 * loader enforce too: a table at each limit imports whole, one just past
 * it is refused whole, naming the limit and the row that passes it. It
 * used to import what fitted and drop the rest without a word. */
static void
test_import_model_limits (void)
{
  g_autofree char *expected = NULL;

  /* Cards, in the whole document: also when split between personas, and
   * emotion points do not count. */
  {
    g_autoptr (WaymarkDocument) document =
      assert_imports (table ("persona,phase,lane,text,score\r\nP,X,Mood,,1\r\n",
                             WAYMARK_LIMIT_CARDS, "P,X,Y,c%u,"));
    g_assert_cmpuint (count_cards (document), ==, WAYMARK_LIMIT_CARDS);
  }
  expected = g_strdup_printf ("t.csv:%d: error: the table has more than %d cards, the most "
                              "Waymark holds\n", WAYMARK_LIMIT_CARDS + 2, WAYMARK_LIMIT_CARDS);
  assert_refused (table ("persona,phase,lane,text\r\n", WAYMARK_LIMIT_CARDS + 1, "P,X,Y,c%u"),
                  expected);
  {
    GString *csv = g_string_new ("persona,phase,lane,text\r\n");

    for (guint i = 0; i <= WAYMARK_LIMIT_CARDS; i++)
      g_string_append_printf (csv, "%s,X,Y,c%u\r\n", i % 2 == 0 ? "P" : "Q", i);
    assert_refused (g_string_free_to_bytes (csv), expected);
  }
  g_clear_pointer (&expected, g_free);

  /* Personas. */
  {
    g_autoptr (WaymarkDocument) document =
      assert_imports (table ("persona,phase,lane,text\r\n", WAYMARK_LIMIT_PERSONAS, "P%u,X,Y,x"));
    g_assert_cmpuint (waymark_document_get_n_personas (document), ==, WAYMARK_LIMIT_PERSONAS);
  }
  expected = g_strdup_printf ("t.csv:%d: error: the table has more than %d personas, the most "
                              "Waymark holds\n", WAYMARK_LIMIT_PERSONAS + 2,
                              WAYMARK_LIMIT_PERSONAS);
  assert_refused (table ("persona,phase,lane,text\r\n", WAYMARK_LIMIT_PERSONAS + 1, "P%u,X,Y,x"),
                  expected);
  g_clear_pointer (&expected, g_free);

  /* Phases and lanes, per persona; a phase row without cards counts. */
  {
    g_autoptr (WaymarkDocument) document =
      assert_imports (table ("persona,phase,lane,text\r\n", WAYMARK_LIMIT_PHASES, "P,F%u,Y,x"));
    g_assert_cmpuint (waymark_document_get_persona (document, 0)->phases->len, ==,
                      WAYMARK_LIMIT_PHASES);
  }
  expected = g_strdup_printf ("t.csv:%d: error: the persona “P” has more than %d phases, the "
                              "most Waymark holds\n", WAYMARK_LIMIT_PHASES + 2,
                              WAYMARK_LIMIT_PHASES);
  assert_refused (table ("persona,phase,lane,text\r\n", WAYMARK_LIMIT_PHASES + 1, "P,F%u,Y,x"),
                  expected);
  assert_refused (table ("persona,phase,phase order,lane\r\n", WAYMARK_LIMIT_PHASES + 1,
                         "P,F,1%04u,"), expected);
  g_clear_pointer (&expected, g_free);
  {
    g_autoptr (WaymarkDocument) document =
      assert_imports (table ("persona,phase,lane,text\r\n", WAYMARK_LIMIT_LANES, "P,X,L%u,x"));
    g_assert_cmpuint (waymark_document_get_persona (document, 0)->lanes->len, ==,
                      WAYMARK_LIMIT_LANES);
  }
  expected = g_strdup_printf ("t.csv:%d: error: the persona “P” has more than %d lanes, the "
                              "most Waymark holds\n", WAYMARK_LIMIT_LANES + 2,
                              WAYMARK_LIMIT_LANES);
  assert_refused (table ("persona,phase,lane,text\r\n", WAYMARK_LIMIT_LANES + 1, "P,X,L%u,x"),
                  expected);
  g_clear_pointer (&expected, g_free);

  /* Tags, in the whole document: 1,000 new ones a row. */
  {
    GString *csv = g_string_new ("persona,phase,lane,tags\r\n");
    GString *over;
    g_autoptr (WaymarkDocument) document = NULL;

    for (guint row = 0; row < WAYMARK_LIMIT_TAGS / 1000; row++)
      {
        g_string_append (csv, "P,X,Y,\"");
        for (guint i = 0; i < 1000; i++)
          g_string_append_printf (csv, "%st%u", i > 0 ? "; " : "", row * 1000 + i);
        g_string_append (csv, "\"\r\n");
      }
    over = g_string_new (csv->str);
    g_string_append (over, "P,X,Y,t0\r\nP,X,Y,one too many\r\n");
    document = assert_imports (g_string_free_to_bytes (csv));
    g_assert_cmpuint (waymark_document_get_tags (document)->len, ==, WAYMARK_LIMIT_TAGS);
    expected = g_strdup_printf ("t.csv:%d: error: the table has more than %d tags, the most "
                                "Waymark holds\n", WAYMARK_LIMIT_TAGS / 1000 + 3,
                                WAYMARK_LIMIT_TAGS);
    assert_refused (g_string_free_to_bytes (over), expected);
    g_clear_pointer (&expected, g_free);
  }

  /* Domains and recommendations, in the whole document, and the cards
   * one recommendation addresses. */
  {
    g_autoptr (WaymarkDocument) domains =
      assert_imports (table ("persona,phase,lane,recommendation,domain\r\n",
                             WAYMARK_LIMIT_DOMAINS, ",,,,D%u"));
    g_autoptr (WaymarkDocument) recommendations =
      assert_imports (table ("persona,phase,lane,recommendation\r\n",
                             WAYMARK_LIMIT_RECOMMENDATIONS, ",,,1%u"));

    g_assert_cmpuint (waymark_document_get_domains (domains)->len, ==, WAYMARK_LIMIT_DOMAINS);
    g_assert_cmpuint (waymark_document_get_recommendations (recommendations)->len, ==,
                      WAYMARK_LIMIT_RECOMMENDATIONS);
  }
  expected = g_strdup_printf ("t.csv:%d: error: the table has more than %d domains, the most "
                              "Waymark holds\n", WAYMARK_LIMIT_DOMAINS + 2, WAYMARK_LIMIT_DOMAINS);
  assert_refused (table ("persona,phase,lane,recommendation,domain\r\n",
                         WAYMARK_LIMIT_DOMAINS + 1, ",,,,D%u"), expected);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("t.csv:%d: error: the table has more than %d recommendations, the "
                              "most Waymark holds\n", WAYMARK_LIMIT_RECOMMENDATIONS + 2,
                              WAYMARK_LIMIT_RECOMMENDATIONS);
  assert_refused (table ("persona,phase,lane,recommendation\r\n",
                         WAYMARK_LIMIT_RECOMMENDATIONS + 1, ",,,1%u"), expected);
  g_clear_pointer (&expected, g_free);
  for (guint n = WAYMARK_LIMIT_LINKS; n <= WAYMARK_LIMIT_LINKS + 1; n++)
    {
      GString *csv = g_string_new ("persona,phase,lane,text,addressed by,recommendation\r\n");

      for (guint i = 0; i < n; i++)
        g_string_append_printf (csv, "P,X,Y,c%u,7,\r\n", i);
      g_string_append (csv, ",,,,,7\r\n");
      if (n == WAYMARK_LIMIT_LINKS)
        {
          g_autoptr (WaymarkDocument) document = assert_imports (g_string_free_to_bytes (csv));
          WaymarkRecommendation *recommendation =
            g_ptr_array_index (waymark_document_get_recommendations (document), 0);

          g_assert_cmpuint (g_strv_length (recommendation->cards), ==, WAYMARK_LIMIT_LINKS);
          continue;
        }
      expected = g_strdup_printf ("t.csv:%d: error: recommendation 7 addresses more than %d "
                                  "cards, the most Waymark holds\n", WAYMARK_LIMIT_LINKS + 2,
                                  WAYMARK_LIMIT_LINKS);
      assert_refused (g_string_free_to_bytes (csv), expected);
      g_clear_pointer (&expected, g_free);
    }

  /* Text, in every text column; the formula guard's apostrophe does not
   * count (a text at the limit that starts with "=" is exported with it). */
  {
    g_autofree char *full = g_strnfill (WAYMARK_LIMIT_TEXT_LENGTH, 'x');
    g_autofree char *rest = g_strnfill (WAYMARK_LIMIT_TEXT_LENGTH - 1, 'x');
    g_autofree char *at = g_strconcat ("=", rest, NULL);
    g_autofree char *over = g_strnfill (WAYMARK_LIMIT_TEXT_LENGTH + 1, 'x');
    g_autofree char *row = g_strdup_printf ("P,X,Y,'%s,%s,%s", at, full, full);
    g_autofree char *over_text = g_strdup_printf ("P,X,Y,%s", over);
    g_autofree char *over_name = g_strdup_printf ("%s,X,Y", over);
    g_autoptr (WaymarkDocument) document = NULL;
    WaymarkCard *card;

    document = assert_imports (table_row ("persona,phase,lane,text,evidence,tags\r\n", row));
    card = g_ptr_array_index (waymark_document_get_persona (document, 0)->cards, 0);
    g_assert_cmpuint (strlen (card->text), ==, WAYMARK_LIMIT_TEXT_LENGTH);
    g_assert_cmpstr (card->text, ==, at);

    expected = g_strdup_printf ("t.csv:3: error: the “text” cell is longer than %d KiB, the most "
                                "Waymark holds in one text\n", WAYMARK_LIMIT_TEXT_LENGTH / 1024);
    assert_refused (table_row ("persona,phase,lane,text\r\nP,X,Y,fits\r\n", over_text), expected);
    g_clear_pointer (&expected, g_free);
    expected = g_strdup_printf ("t.csv:2: error: the “persona” cell is longer than %d KiB, the "
                                "most Waymark holds in one text\n",
                                WAYMARK_LIMIT_TEXT_LENGTH / 1024);
    assert_refused (table_row ("persona,phase,lane\r\n", over_name), expected);
    g_clear_pointer (&expected, g_free);
  }
}

/* The document a table makes must also be a file Waymark opens again:
 * within every count above, long texts can still make it bigger than
 * the loader's file size limit, and saving it would lose the map. */
static void
test_import_file_size_limit (void)
{
  g_autofree char *text = g_strnfill (430, 'x');
  GString *csv = g_string_new ("persona,phase,lane,text\r\n");
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (WaymarkDocument) document = NULL;
  g_autoptr (GBytes) bytes = NULL;
  WaymarkProblem *problem;
  g_autofree char *expected = g_strdup_printf ("more than the %d MiB Waymark opens",
                                               WAYMARK_FORMAT_MAX_FILE_SIZE / (1024 * 1024));

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (csv, "P,X,Y,%s%u\r\n", text, i);
  bytes = g_string_free_to_bytes (csv);
  document = waymark_csv_import_bytes (bytes, "t.csv", &problems);
  g_assert_null (document);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_test_message ("%s", problem->message);
  g_assert_cmpint (problem->code, ==, WAYMARK_CSV_ERROR_TOO_LARGE);
  g_assert_cmpint (problem->severity, ==, WAYMARK_PROBLEM_ERROR);
  g_assert_true (g_str_has_prefix (problem->message, "the map would be a "));
  g_assert_nonnull (strstr (problem->message, expected));
}

/* A NUL byte would end the cell's text where it stands (the rest silently
 * gone): it is refused, naming the row and the cell. */
static void
test_import_nul (void)
{
  static const char csv[] = "persona,phase,lane,Text\r\n"
                            "P,X,Y,before\0after\r\n"
                            "P,X,Y,\"quoted\0\"\r\n"
                            "P\0,X,Y,z\r\n";
  g_autoptr (GBytes) bytes = g_bytes_new_static (csv, sizeof csv - 1);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (WaymarkDocument) document = waymark_csv_import_bytes (bytes, "t.csv", &problems);
  g_autofree char *text = problems_text (problems);

  g_assert_null (document);
  g_assert_cmpstr (text, ==,
                   "t.csv:2: error: the “Text” cell (column 4) holds a NUL byte, which a "
                   "document cannot store\n"
                   "t.csv:3: error: the “Text” cell (column 4) holds a NUL byte, which a "
                   "document cannot store\n"
                   "t.csv:4: error: the “persona” cell (column 1) holds a NUL byte, which a "
                   "document cannot store\n");

  {
    static const char header[] = "persona,pha\0se,lane\r\nP,X,Y\r\n";
    g_autoptr (GBytes) header_bytes = g_bytes_new_static (header, sizeof header - 1);
    g_autoptr (GPtrArray) header_problems = NULL;
    g_autoptr (WaymarkDocument) none = waymark_csv_import_bytes (header_bytes, "t.csv",
                                                                 &header_problems);
    g_autofree char *header_text = problems_text (header_problems);

    g_assert_null (none);
    g_assert_cmpstr (header_text, ==,
                     "t.csv:1: error: cell 2 holds a NUL byte, which a document cannot store\n");
  }
}

/* Texts a spreadsheet or the CSV rules could bend. */
static const char * const awkward_pieces[] = {
  "\r", "\n", "\r\n", "\n\r", "\t", " ", "  ", "\"", "\"\"", "'", "''", "=", "+", "-", "@",
  ",", ";", "a", "Zz", "é", "🧭", "ع", "=SUM(A1)", "-2", "\xc2\xa0", "\xe2\x80\xa8", "#",
  "\\", "&amp;", "<b>",
};

static char *
awkward_text (void)
{
  GString *text = g_string_new (NULL);
  guint n = g_test_rand_int_range (0, 8);

  for (guint i = 0; i < n; i++)
    {
      gint32 piece = g_test_rand_int_range (0, G_N_ELEMENTS (awkward_pieces));

      g_string_append (text, awkward_pieces[piece]);
    }
  return g_string_free (text, FALSE);
}

/* Any text the model holds survives export and import exactly: in cards
 * (text, evidence), persona ambitions and emotion labels, and in names.
 * Random texts from awkward pieces (GTest's seed: --seed to replay), and
 * some by hand, among them what used to change: a leading CR, CRLF and a
 * lone CR inside, which became "\n". */
static void
test_round_trip_any_text (void)
{
  static const char * const fixed[] = {
    "\rstarts with CR", "\r", "\r\n", "a\r\nb", "a\rb", "ends with CR\r", "\n\nblank lines\n",
    " lead", "trail ", "  both  ", "\ttab", "tab\t", "\"quoted\"", "'", "''", "'=", "''=x",
    "=1+1", "+1", "-1", "@me", "'\rx", "\t=x", ";", "a;b", ",", "\"", "",
  };
  g_autoptr (WaymarkDocument) document = waymark_document_new ();
  const char *persona = NULL;
  const char *phase = NULL, *lane = NULL, *emotions = NULL;
  guint n_personas = 0;

  for (guint i = 0; i < G_N_ELEMENTS (fixed) + 400; i++)
    {
      g_autofree char *random = i < G_N_ELEMENTS (fixed) ? NULL : awkward_text ();
      const char *text = random != NULL ? random : fixed[i];
      g_autofree char *name = NULL;

      /* A persona, phase and lane every 20 texts, named by a text too
       * (names are never empty: an empty cell means no persona). */
      if (i % 20 == 0)
        {
          name = g_strdup_printf ("%s%u", text, n_personas++);
          persona = waymark_document_insert_persona (document, waymark_persona_new (NULL, name),
                                                     -1);
          waymark_document_set_text (document, persona, WAYMARK_FIELD_AMBITION, text);
          phase = add_phase (document, persona, name);
          lane = add_lane (document, persona, name, WAYMARK_LANE_NOTES);
          emotions = add_lane (document, persona, "Mood", WAYMARK_LANE_EMOTIONS);
          waymark_document_set_emotion (document, persona, emotions, phase, 1, text);
        }
      add_card (document, persona, lane, phase, text, text, NULL);
    }

  /* A text at the length limit that the formula guard makes one longer. */
  {
    g_autofree char *longest = g_strnfill (WAYMARK_LIMIT_TEXT_LENGTH, '\r');
    longest[0] = '=';
    add_card (document, persona, lane, phase, longest, longest + 1, NULL);
  }

  assert_round_trip (document);
}

static const char *
add_recommendation (WaymarkDocument    *document,
                    const char         *domain_id,
                    const char         *title,
                    const char         *description,
                    WaymarkStatus       status,
                    const char         *owner,
                    int                 value,
                    int                 effort,
                    const char * const *cards)
{
  WaymarkRecommendation *recommendation = waymark_recommendation_new (NULL, title);
  const char *id;

  g_free (recommendation->domain_id);
  recommendation->domain_id = g_strdup (domain_id != NULL ? domain_id : "");
  g_free (recommendation->description);
  recommendation->description = g_strdup (description);
  recommendation->status = status;
  g_free (recommendation->owner);
  recommendation->owner = g_strdup (owner);
  recommendation->value = value;
  recommendation->effort = effort;
  g_strfreev (recommendation->cards);
  recommendation->cards = g_strdupv ((char **) cards);
  id = waymark_document_insert_recommendation (document, recommendation, -1);
  g_assert_nonnull (id);
  return id;
}

/* Two personas with barriers, levers and a mood; three domains (one
 * with a comma in its name, one that starts like a formula, one empty)
 * and recommendations in them and in none, scored and not, in every
 * status, addressing cards of both personas in the map's order and not,
 * or nothing. */
static WaymarkDocument *
make_recommendations_document (void)
{
  WaymarkDocument *document = waymark_document_new ();
  const char *anna = waymark_document_insert_persona (document, waymark_persona_new (NULL, "Anna"),
                                                      -1);
  const char *bert = waymark_document_insert_persona (document, waymark_persona_new (NULL, "Bert"),
                                                      -1);
  const char *intake = add_phase (document, anna, "Intake");
  const char *course = add_phase (document, anna, "Course");
  const char *bert_course = add_phase (document, bert, "Course");
  const char *barriers = add_lane (document, anna, "Barriers", WAYMARK_LANE_BARRIERS);
  const char *levers = add_lane (document, anna, "Levers", WAYMARK_LANE_LEVERS);
  const char *bert_barriers = add_lane (document, bert, "Drempels", WAYMARK_LANE_BARRIERS);
  const char *forms, *waiting, *childcare, *buddy, *cost;
  const char *policy, *formula;

  add_lane (document, anna, "Mood", WAYMARK_LANE_EMOTIONS);
  forms = add_card (document, anna, barriers, intake, "Long forms", NULL, NULL);
  waiting = add_card (document, anna, barriers, intake, "Waiting list", NULL, NULL);
  childcare = add_card (document, anna, barriers, course, "Childcare", NULL, NULL);
  buddy = add_card (document, anna, levers, course, "Buddy", NULL, NULL);
  cost = add_card (document, bert, bert_barriers, bert_course, "Cost", NULL, NULL);

  policy = waymark_document_insert_domain (document,
                                           waymark_domain_new (NULL, "Beleid, regels", "#1f4e79"),
                                           -1);
  formula = waymark_document_insert_domain (document,
                                            waymark_domain_new (NULL, "=Aanbod", ""), -1);
  waymark_document_insert_domain (document, waymark_domain_new (NULL, "Leeg", "#00ff00"), -1);

  /* Bert's card first: not the order of the map. */
  add_recommendation (document, policy, "One desk", "How might we …\nwith one form?",
                      WAYMARK_STATUS_IN_PROGRESS, "VDAB; WSE", 5, 2,
                      (const char *[]) { cost, forms, NULL });
  add_recommendation (document, policy, "-Fewer forms", "", WAYMARK_STATUS_DROPPED, "",
                      WAYMARK_SCORE_UNSET, 3, (const char *[]) { forms, childcare, NULL });
  add_recommendation (document, formula, "Childcare vouchers", "", WAYMARK_STATUS_OPEN, "@owner",
                      3, WAYMARK_SCORE_UNSET, (const char *[]) { NULL });
  add_recommendation (document, NULL, "Buddy scheme", "  spaces  ", WAYMARK_STATUS_DONE, "", 4, 4,
                      (const char *[]) { buddy, waiting, NULL });
  add_recommendation (document, NULL, "", "", WAYMARK_STATUS_OPEN, "", WAYMARK_SCORE_UNSET,
                      WAYMARK_SCORE_UNSET, (const char *[]) { waiting, NULL });
  return document;
}

/* Domains, recommendations and links survive the round trip exactly,
 * their order too; the table numbers the recommendations as the report
 * does and names them on the cards' rows, with a card's place only for a
 * recommendation whose cards are not in the map's order. */
static void
test_round_trip_recommendations (void)
{
  g_autoptr (WaymarkDocument) document = make_recommendations_document ();
  g_autoptr (GBytes) xml = waymark_format_save_to_bytes (document);
  g_autoptr (GError) error = NULL;
  g_autoptr (WaymarkDocument) loaded = waymark_format_load_bytes (xml, "recs.waymark", &error);
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  assert_round_trip (loaded);

  bytes = waymark_csv_export_to_bytes (loaded);
  csv = csv_string (bytes);
  if (g_getenv ("WAYMARK_TEST_DUMP_CSV") != NULL)
    g_print ("%s", csv);
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "persona,phase,phase order,lane,lane kind,"
                                   "order,text,tags,score,label,evidence,span,ambition,"
                                   "persona color,scale min,scale max,recommendation,title,"
                                   "description,domain,domain color,status,owner,value,effort,"
                                   "addressed by\r\n"));
  /* Cards name their recommendations: 1 lists Bert's card first, so its
   * cards carry their places; 2 is in the map's order. */
  g_assert_nonnull (strstr (csv, ",Long forms,,,,,,,,,,,,,,,,,,,\"1#2; 2\"\r\n"));
  g_assert_nonnull (strstr (csv, ",Waiting list,,,,,,,,,,,,,,,,,,,\"4#2; 5\"\r\n"));
  g_assert_nonnull (strstr (csv, ",Childcare,,,,,,,,,,,,,,,,,,,2\r\n"));
  g_assert_nonnull (strstr (csv, ",Cost,,,,,,,,,,,,,,,,,,,1#1\r\n"));
  /* A row per recommendation, domain by domain, then a domain without
   * any, then those in none; text cells guarded and quoted. */
  g_assert_nonnull (strstr (csv, "\r\n,,,,,,,,,,,,,,,,1,One desk,\"How might we …\nwith one "
                                 "form?\",\"Beleid, regels\",#1f4e79,in-progress,\"VDAB; WSE\",5,"
                                 "2,\r\n"
                                 ",,,,,,,,,,,,,,,,2,'-Fewer forms,,\"Beleid, regels\",#1f4e79,"
                                 "dropped,,,3,\r\n"
                                 ",,,,,,,,,,,,,,,,3,Childcare vouchers,,'=Aanbod,,open,'@owner,3,,"
                                 "\r\n"
                                 ",,,,,,,,,,,,,,,,,,,Leeg,#00ff00,,,,,\r\n"
                                 ",,,,,,,,,,,,,,,,4,Buddy scheme,\"  spaces  \",,,done,,4,4,\r\n"
                                 ",,,,,,,,,,,,,,,,5,,,,,open,,,,\r\n"));

  text = describe_document (loaded);
  g_assert_nonnull (strstr (text, "domain [Leeg] color [#00ff00]\nin no domain\n"));
  g_assert_nonnull (strstr (text, "  recommendation [One desk] description [How might we …\nwith "
                                  "one form?] in-progress owner [VDAB; WSE] value 5 effort 2\n"
                                  "    addresses [Bert] [Drempels] 1.1 [Cost]\n"
                                  "    addresses [Anna] [Barriers] 1.1 [Long forms]\n"));
}

/* A researcher's table of recommendations: numbers of their own choosing
 * (not in order), statuses as labels, the recommendations' rows before
 * or after the cards', plain numbers in "addressed by" (the cards then
 * in the order of the map) and a place where one matters; a domain's
 * own row; a sheet's "status" column in a table without
 * recommendations is not theirs. */
static void
test_import_recommendations (void)
{
  const char *csv =
    "Recommendation;Title;Domain;Domain colour;Status;Value;Effort;Persona;Phase;Lane;Text;"
    "Addressed by\n"
    "10;One desk;Beleid;#1F4E79;In progress;5;2;;;;;\n"
    ";;;;;;;Bert;Course;Barriers;Cost;10\n"
    ";;;;;;;Anna;Intake;Barriers;Long forms;\" 10 ; 3 \"\n"
    ";;;;;;;Anna;Intake;Barriers;Waiting list;3#1\n"
    ";;;;;;;Anna;Course;Barriers;Childcare;\n"
    "3;Buddy;;;done;;;;;;;\n"
    ";;Leeg;;;;;;;;;\n";
  g_autoptr (GBytes) bytes = bytes_from_string (csv);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (WaymarkDocument) document = waymark_csv_import_bytes (bytes, "recs.csv", &problems);
  g_autofree char *problem_lines = problems_text (problems);
  g_autofree char *text = NULL;

  g_assert_cmpstr (problem_lines, ==, "");
  g_assert_nonnull (document);
  text = describe_document (document);
  g_assert_cmpstr (text, ==,
                   "persona [Bert] ambition [] color []\n"
                   "  phase 1 [Course]\n"
                   "  lane [Barriers] barriers\n"
                   "    card 1.1 [Cost] evidence [] span 1 tags\n"
                   "persona [Anna] ambition [] color []\n"
                   "  phase 1 [Intake]\n"
                   "  phase 2 [Course]\n"
                   "  lane [Barriers] barriers\n"
                   "    card 1.1 [Long forms] evidence [] span 1 tags\n"
                   "    card 1.2 [Waiting list] evidence [] span 1 tags\n"
                   "    card 2.1 [Childcare] evidence [] span 1 tags\n"
                   "domain [Beleid] color [#1f4e79]\n"
                   "  recommendation [One desk] description [] in-progress owner [] value 5 "
                   "effort 2\n"
                   "    addresses [Bert] [Barriers] 1.1 [Cost]\n"
                   "    addresses [Anna] [Barriers] 1.1 [Long forms]\n"
                   "domain [Leeg] color []\n"
                   "in no domain\n"
                   "  recommendation [Buddy] description [] done owner [] value 0 effort 0\n"
                   "    addresses [Anna] [Barriers] 1.2 [Waiting list]\n"
                   "    addresses [Anna] [Barriers] 1.1 [Long forms]\n");

  /* Without a "recommendation" column, "status" is the sheet's own. */
  {
    g_autoptr (GBytes) plain = bytes_from_string ("persona,phase,lane,text,status\r\n"
                                                  "P,X,Y,z,coded\r\n");
    g_autoptr (GPtrArray) warnings = NULL;
    g_autoptr (WaymarkDocument) imported = waymark_csv_import_bytes (plain, "t.csv", &warnings);
    g_autofree char *lines = problems_text (warnings);

    g_assert_nonnull (imported);
    g_assert_cmpstr (lines, ==, "t.csv:1: warning: the column “status” is for recommendations, "
                                "and the table has no “recommendation” column; it is ignored\n");
    g_assert_cmpuint (waymark_document_get_recommendations (imported)->len, ==, 0);
  }
}

static void
test_import_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFileIOStream) stream = NULL;
  g_autoptr (GFile) file = g_file_new_tmp ("waymark-XXXXXX.csv", &stream, &error);
  g_autoptr (WaymarkDocument) document = NULL;
  g_autoptr (GFile) missing = NULL;
  const char *csv = "persona,phase,lane,lane kind,text\r\nP,X,Y,barriers,Z\r\n";

  g_assert_no_error (error);
  g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE, 0, NULL, NULL, &error);
  g_assert_no_error (error);

  document = waymark_csv_import_file_simple (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (waymark_document_get_n_personas (document), ==, 1);

  /* What the window's Import CSV says of a table past a limit. */
  {
    g_autoptr (GBytes) over = table ("persona,phase,lane,text\r\n", WAYMARK_LIMIT_PERSONAS + 1,
                                     "P%u,X,Y,x");
    g_autofree char *path = g_file_get_path (file);
    g_autofree char *expected = g_strdup_printf ("%s:%d: error: the table has more than %d "
                                                 "personas, the most Waymark holds", path,
                                                 WAYMARK_LIMIT_PERSONAS + 2,
                                                 WAYMARK_LIMIT_PERSONAS);

    g_file_replace_contents (file, g_bytes_get_data (over, NULL), g_bytes_get_size (over), NULL,
                             FALSE, 0, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_null (waymark_csv_import_file_simple (file, &error));
    g_assert_error (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_TOO_LARGE);
    g_assert_cmpstr (error->message, ==, expected);
    g_clear_error (&error);
  }

  missing = g_file_new_for_path ("/nonexistent/waymark/none.csv");
  g_assert_null (waymark_csv_import_file_simple (missing, &error));
  g_assert_error (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/waymark/none.csv: error: "));

  g_file_delete (file, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/export/quoting", test_export_quoting);
  g_test_add_func ("/csv/round-trip/awkward", test_round_trip_awkward);
  g_test_add_func ("/csv/round-trip/example", test_round_trip_example);
  g_test_add_func ("/csv/round-trip/lanes-of-one-name", test_round_trip_lanes_of_one_name);
  g_test_add_func ("/csv/round-trip/recommendations", test_round_trip_recommendations);
  g_test_add_func ("/csv/import/recommendations", test_import_recommendations);
  g_test_add_func ("/csv/import/errors", test_import_errors);
  g_test_add_func ("/csv/import/spreadsheet", test_import_spreadsheet);
  g_test_add_func ("/csv/import/orders", test_import_orders);
  g_test_add_func ("/csv/import/limits", test_import_limits);
  g_test_add_func ("/csv/import/file", test_import_file);
  g_test_add_func ("/csv/import/model-limits", test_import_model_limits);
  g_test_add_func ("/csv/import/file-size-limit", test_import_file_size_limit);
  g_test_add_func ("/csv/import/nul", test_import_nul);
  g_test_add_func ("/csv/round-trip/any-text", test_round_trip_any_text);

  return g_test_run ();
}
