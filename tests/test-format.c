/* test-format.c: loading, checking and saving .waymark files
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "waymark-format.h"
#include "waymark-limits.h"

/* Helpers */

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static GPtrArray *
check_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  return waymark_format_check_file (file, name, NULL);
}

static void
print_problems (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = waymark_problem_to_string (g_ptr_array_index (problems, i));
      g_test_message ("problem: %s", text);
    }
}

/* Asserts that a problem with @code at @line has @fragment in its message. */
static void
assert_problem (GPtrArray          *problems,
                WaymarkFormatError  code,
                guint               line,
                const char         *fragment)
{
  for (guint i = 0; i < problems->len; i++)
    {
      WaymarkProblem *problem = g_ptr_array_index (problems, i);

      if (problem->domain == WAYMARK_FORMAT_ERROR && problem->code == (int) code &&
          problem->line == line &&
          strstr (problem->message, fragment) != NULL)
        {
          if (line > 0)
            g_assert_cmpuint (problem->column, >=, 1);
          return;
        }
    }
  print_problems (problems);
  g_error ("no problem with code %d at line %u mentioning “%s”", code, line, fragment);
}

static WaymarkDocument *
load_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  WaymarkDocument *document = waymark_format_load_file (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static void
assert_bytes_equal (GBytes *a,
                    GBytes *b)
{
  if (!g_bytes_equal (a, b))
    {
      g_test_message ("first:\n%.*s", (int) g_bytes_get_size (a),
                      (const char *) g_bytes_get_data (a, NULL));
      g_test_message ("second:\n%.*s", (int) g_bytes_get_size (b),
                      (const char *) g_bytes_get_data (b, NULL));
      g_assert_not_reached ();
    }
}

static char *
make_temp_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("waymark-test-format-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
    }
  g_remove (path);
}

/* A document full of awkward text */

static const char *const awkward[] = {
  "Één café in Gent — ’t is naïef, of: coöperatie, reünie, ruïne",
  "emoji 🧭🚀 and a family 👩‍👩‍👧 and a flag 🇧🇪",
  "مرحبا بالعالم — שלום עולם",
  "漢字・かな・カナ・한국어",
  "<&>\"' and ]]> and &amp; literally",
  "",
  "  leading and trailing  ",
  "  ",
  "\nnewlines\n\nin between\n",
  "tab\tseparated\tvalues",
  "windows\r\nline ends\r\n",
  " \t\n mixed whitespace \n\t ",
};

static char *
long_line (void)
{
  GString *text = g_string_new (NULL);

  for (int i = 0; i < 2000; i++)
    g_string_append (text, "lang ");
  g_string_append (text, "einde");
  return g_string_free (text, FALSE);
}

static WaymarkDocument *
make_awkward_document (void)
{
  WaymarkDocument *document = waymark_document_new ();
  g_autofree char *long_text = long_line ();
  g_autoptr (GDateTime) created = g_date_time_new_utc (2026, 11, 29, 10, 0, 0);
  g_autoptr (GDateTime) modified = g_date_time_new_utc (2026, 12, 1, 8, 30, 15);
  WaymarkPersona *persona;
  WaymarkLane *lane;
  WaymarkPhase *phase;

  waymark_document_set_text (document, NULL, WAYMARK_FIELD_TITLE, awkward[0]);
  waymark_document_set_text (document, NULL, WAYMARK_FIELD_AUTHOR, awkward[2]);
  waymark_document_set_text (document, NULL, WAYMARK_FIELD_LANGUAGE, "nl-BE");
  waymark_document_set_text (document, NULL, WAYMARK_FIELD_DESCRIPTION, awkward[8]);
  g_assert_true (waymark_document_set_int (document, NULL, WAYMARK_FIELD_COLUMN_WIDTH, 240));
  waymark_document_set_created (document, created);
  waymark_document_set_modified (document, modified);

  waymark_document_insert_tag (document, waymark_tag_new ("tag-1", awkward[4], "#8e5ea2"), -1);
  waymark_document_insert_tag (document, waymark_tag_new ("tag-2", awkward[10], ""), -1);
  waymark_document_insert_tag (document, waymark_tag_new ("tag-3", "", "#00ff00"), -1);

  persona = waymark_persona_new ("persona-1", awkward[1]);
  g_free (persona->ambition);
  persona->ambition = g_strdup (awkward[6]);
  g_free (persona->description);
  persona->description = g_strdup (long_text);
  g_free (persona->color);
  persona->color = g_strdup ("#3465a4");
  g_free (persona->initials);
  persona->initials = g_strdup ("É🧭");

  phase = waymark_phase_new ("phase-1", awkward[3]);
  g_free (phase->description);
  phase->description = g_strdup (awkward[7]);
  g_ptr_array_add (persona->phases, phase);
  g_ptr_array_add (persona->phases, waymark_phase_new ("phase-2", awkward[9]));
  g_ptr_array_add (persona->phases, waymark_phase_new ("phase-3", ""));

  g_ptr_array_add (persona->lanes, waymark_lane_new ("lane-1", awkward[11], WAYMARK_LANE_ACTIONS));
  lane = waymark_lane_new ("lane-2", "Beleving", WAYMARK_LANE_EMOTIONS);
  lane->scale_min = -3;
  lane->scale_max = 5;
  g_ptr_array_add (persona->lanes, lane);
  lane = waymark_lane_new ("lane-3", "Drempels", WAYMARK_LANE_BARRIERS);
  g_free (lane->color);
  lane->color = g_strdup ("#c00000");
  g_ptr_array_add (persona->lanes, lane);

  /* Deliberately out of grid order: the writer sorts by lane, then phase,
   * keeping the order within a cell. */
  for (guint i = 0; i < G_N_ELEMENTS (awkward); i++)
    {
      g_autofree char *id = g_strdup_printf ("card-%u", i + 1);
      const char *lane_id = i % 2 == 0 ? "lane-3" : "lane-1";
      const char *phase_id = i % 3 == 0 ? "phase-2" : "phase-1";
      WaymarkCard *card = waymark_card_new (id, lane_id, phase_id, awkward[i]);

      card->span = 1 + (int) (i % 3);
      g_free (card->evidence);
      card->evidence = g_strdup (awkward[G_N_ELEMENTS (awkward) - 1 - i]);
      if (i % 4 == 0)
        {
          g_free (card->color);
          card->color = g_strdup ("#ffeeaa");
        }
      if (i % 2 == 1)
        {
          g_strfreev (card->tags);
          card->tags = g_strsplit ("tag-2,tag-1", ",", -1);
        }
      g_ptr_array_add (persona->cards, card);
    }
  g_ptr_array_add (persona->cards, waymark_card_new ("card-long", "lane-1", "phase-3", long_text));

  g_ptr_array_add (persona->emotions, waymark_emotion_point_new ("lane-2", "phase-3", 5, awkward[5]));
  g_ptr_array_add (persona->emotions, waymark_emotion_point_new ("lane-2", "phase-1", -3, awkward[1]));
  g_ptr_array_add (persona->emotions, waymark_emotion_point_new ("lane-2", "phase-2", 0, awkward[9]));

  g_assert_cmpstr (waymark_document_insert_persona (document, persona, -1), ==, "persona-1");
  g_assert_cmpstr (waymark_document_insert_persona (document, waymark_persona_new ("persona-2", awkward[8]), -1),
                   ==, "persona-2");
  return document;
}

static void
assert_same_cards (WaymarkPersona *a,
                   WaymarkPersona *b)
{
  g_assert_cmpuint (a->cards->len, ==, b->cards->len);
  for (guint i = 0; i < a->cards->len; i++)
    {
      WaymarkCard *ca = g_ptr_array_index (a->cards, i);
      WaymarkCard *cb = NULL;

      for (guint j = 0; j < b->cards->len; j++)
        if (g_str_equal (((WaymarkCard *) g_ptr_array_index (b->cards, j))->base.id, ca->base.id))
          cb = g_ptr_array_index (b->cards, j);
      g_assert_nonnull (cb);
      g_assert_cmpstr (ca->lane_id, ==, cb->lane_id);
      g_assert_cmpstr (ca->phase_id, ==, cb->phase_id);
      g_assert_cmpint (ca->span, ==, cb->span);
      g_assert_cmpstr (ca->text, ==, cb->text);
      g_assert_cmpstr (ca->color, ==, cb->color);
      g_assert_cmpstr (ca->evidence, ==, cb->evidence);
      g_assert_true (g_strv_equal ((const char * const *) ca->tags, (const char * const *) cb->tags));
    }

  /* The order within every cell survives. */
  for (guint l = 0; l < a->lanes->len; l++)
    for (guint p = 0; p < a->phases->len; p++)
      {
        const char *lane_id = ((WaymarkLane *) g_ptr_array_index (a->lanes, l))->base.id;
        const char *phase_id = ((WaymarkPhase *) g_ptr_array_index (a->phases, p))->base.id;
        g_autoptr (GPtrArray) cell_a = waymark_persona_cell_cards (a, lane_id, phase_id);
        g_autoptr (GPtrArray) cell_b = waymark_persona_cell_cards (b, lane_id, phase_id);

        g_assert_cmpuint (cell_a->len, ==, cell_b->len);
        for (guint i = 0; i < cell_a->len; i++)
          g_assert_cmpstr (((WaymarkCard *) g_ptr_array_index (cell_a, i))->base.id, ==,
                           ((WaymarkCard *) g_ptr_array_index (cell_b, i))->base.id);
      }
}

static void
assert_same_documents (WaymarkDocument *a,
                       WaymarkDocument *b)
{
  GPtrArray *tags_a = waymark_document_get_tags (a);
  GPtrArray *tags_b = waymark_document_get_tags (b);

  g_assert_cmpstr (waymark_document_get_title (a), ==, waymark_document_get_title (b));
  g_assert_cmpstr (waymark_document_get_author (a), ==, waymark_document_get_author (b));
  g_assert_cmpstr (waymark_document_get_language (a), ==, waymark_document_get_language (b));
  g_assert_cmpstr (waymark_document_get_description (a), ==, waymark_document_get_description (b));
  g_assert_cmpint (waymark_document_get_column_width (a), ==, waymark_document_get_column_width (b));
  g_assert_true ((waymark_document_get_created (a) == NULL) == (waymark_document_get_created (b) == NULL));
  if (waymark_document_get_created (a) != NULL)
    g_assert_true (g_date_time_equal (waymark_document_get_created (a), waymark_document_get_created (b)));
  if (waymark_document_get_modified (a) != NULL)
    g_assert_true (g_date_time_equal (waymark_document_get_modified (a), waymark_document_get_modified (b)));

  g_assert_cmpuint (tags_a->len, ==, tags_b->len);
  for (guint i = 0; i < tags_a->len; i++)
    {
      WaymarkTag *ta = g_ptr_array_index (tags_a, i);
      WaymarkTag *tb = g_ptr_array_index (tags_b, i);

      g_assert_cmpstr (ta->base.id, ==, tb->base.id);
      g_assert_cmpstr (ta->name, ==, tb->name);
      g_assert_cmpstr (ta->color, ==, tb->color);
    }

  g_assert_cmpuint (waymark_document_get_n_personas (a), ==, waymark_document_get_n_personas (b));
  for (guint i = 0; i < waymark_document_get_n_personas (a); i++)
    {
      WaymarkPersona *pa = waymark_document_get_persona (a, i);
      WaymarkPersona *pb = waymark_document_get_persona (b, i);

      g_assert_cmpstr (pa->base.id, ==, pb->base.id);
      g_assert_cmpstr (pa->name, ==, pb->name);
      g_assert_cmpstr (pa->ambition, ==, pb->ambition);
      g_assert_cmpstr (pa->description, ==, pb->description);
      g_assert_cmpstr (pa->color, ==, pb->color);
      g_assert_cmpstr (pa->initials, ==, pb->initials);

      g_assert_cmpuint (pa->phases->len, ==, pb->phases->len);
      for (guint j = 0; j < pa->phases->len; j++)
        {
          WaymarkPhase *fa = g_ptr_array_index (pa->phases, j);
          WaymarkPhase *fb = g_ptr_array_index (pb->phases, j);

          g_assert_cmpstr (fa->base.id, ==, fb->base.id);
          g_assert_cmpstr (fa->name, ==, fb->name);
          g_assert_cmpstr (fa->description, ==, fb->description);
        }

      g_assert_cmpuint (pa->lanes->len, ==, pb->lanes->len);
      for (guint j = 0; j < pa->lanes->len; j++)
        {
          WaymarkLane *la = g_ptr_array_index (pa->lanes, j);
          WaymarkLane *lb = g_ptr_array_index (pb->lanes, j);

          g_assert_cmpstr (la->base.id, ==, lb->base.id);
          g_assert_cmpstr (la->name, ==, lb->name);
          g_assert_cmpint (la->kind, ==, lb->kind);
          g_assert_cmpstr (la->color, ==, lb->color);
          g_assert_cmpint (la->scale_min, ==, lb->scale_min);
          g_assert_cmpint (la->scale_max, ==, lb->scale_max);
        }

      assert_same_cards (pa, pb);

      g_assert_cmpuint (pa->emotions->len, ==, pb->emotions->len);
      for (guint j = 0; j < pa->emotions->len; j++)
        {
          WaymarkEmotionPoint *ea = g_ptr_array_index (pa->emotions, j);
          WaymarkEmotionPoint *eb = waymark_persona_find_emotion (pb, ea->lane_id, ea->phase_id);

          g_assert_nonnull (eb);
          g_assert_cmpint (ea->score, ==, eb->score);
          g_assert_cmpstr (ea->label, ==, eb->label);
        }
    }
}

static void
test_round_trip_awkward (void)
{
  g_autoptr (WaymarkDocument) original = make_awkward_document ();
  g_autoptr (WaymarkDocument) loaded = NULL;
  g_autoptr (GBytes) first = NULL;
  g_autoptr (GBytes) second = NULL;
  g_autoptr (GError) error = NULL;
  WaymarkHistory *history;

  first = waymark_format_save_to_bytes (original);
  loaded = waymark_format_load_bytes (first, "awkward.waymark", &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);

  assert_same_documents (original, loaded);

  /* Loading is not an edit. */
  history = waymark_document_get_history (loaded);
  g_assert_false (waymark_history_get_modified (history));
  g_assert_false (waymark_history_get_can_undo (history));

  second = waymark_format_save_to_bytes (loaded);
  assert_bytes_equal (first, second);
}

static void
test_canonical_shape (void)
{
  g_autoptr (WaymarkDocument) document = make_awkward_document ();
  g_autoptr (GBytes) bytes = waymark_format_save_to_bytes (document);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);
  g_autofree char *text = g_strndup (data, size);

  g_assert_true (g_str_has_prefix (text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<waymark xmlns=\"urn:waymark:document\" version=\"1\" "
                                         "lang=\"nl-BE\" column-width=\"240\">\n"
                                         "  <title>Één café"));
  g_assert_true (g_str_has_suffix (text, "  </persona>\n  <persona id=\"persona-2\" name=\"&#10;newlines&#10;&#10;in between&#10;\"/>\n</waymark>\n"));
  /* Attribute order and escaping. */
  g_assert_nonnull (strstr (text, "    <tag id=\"tag-1\" name=\"&lt;&amp;&gt;&quot;&apos; and ]]&gt; "
                                  "and &amp;amp; literally\" color=\"#8e5ea2\"/>\n"));
  g_assert_nonnull (strstr (text, "<tag id=\"tag-2\" name=\"windows&#13;&#10;line ends&#13;&#10;\"/>"));
  g_assert_nonnull (strstr (text, "<lane id=\"lane-1\" name=\" &#9;&#10; mixed whitespace &#10;&#9; \" "
                                  "kind=\"actions\"/>"));
  g_assert_nonnull (strstr (text, "<lane id=\"lane-2\" name=\"Beleving\" kind=\"emotions\" "
                                  "min=\"-3\" max=\"5\"/>"));
  g_assert_nonnull (strstr (text, "<text>  </text>"));
  g_assert_nonnull (strstr (text, "<created>2026-11-29T10:00:00Z</created>"));
  /* Defaults are left out. */
  g_assert_null (strstr (text, "span=\"1\""));
  g_assert_null (strstr (text, "<author></author>"));
  g_assert_nonnull (strstr (text, "<persona id=\"persona-2\" name=\"&#10;newlines&#10;&#10;in between&#10;\"/>"));
  /* Points are written in grid order. */
  g_assert_true (strstr (text, "phase=\"phase-1\" score=\"-3\"") <
                 strstr (text, "phase=\"phase-3\" score=\"5\""));
}

static void
test_whitespace_text_kept (void)
{
  static const char file[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<waymark xmlns=\"urn:waymark:document\" version=\"1\" lang=\"en\">\n"
    "  <title> </title>\n"
    "  <persona id=\"persona-1\" name=\"Ann\">\n"
    "    <phases>\n"
    "      <phase id=\"phase-1\" name=\"One\"/>\n"
    "    </phases>\n"
    "    <lanes>\n"
    "      <lane id=\"lane-1\" name=\"Doing\" kind=\"actions\"/>\n"
    "    </lanes>\n"
    "    <cards>\n"
    "      <card id=\"card-1\" lane=\"lane-1\" phase=\"phase-1\">\n"
    "        <text>  </text>\n"
    "        <evidence>\n\n</evidence>\n"
    "      </card>\n"
    "      <card id=\"card-2\" lane=\"lane-1\" phase=\"phase-1\">\n"
    "        <text><![CDATA[<b>not markup</b>]]> &amp; &#x1F9ED;</text>\n"
    "      </card>\n"
    "    </cards>\n"
    "  </persona>\n"
    "</waymark>\n";
  g_autoptr (GBytes) bytes = g_bytes_new_static (file, sizeof file - 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (WaymarkDocument) document = waymark_format_load_bytes (bytes, "ws.waymark", &error);
  WaymarkCard *card;

  g_assert_no_error (error);
  g_assert_cmpstr (waymark_document_get_title (document), ==, " ");
  card = waymark_document_find_card (document, "card-1");
  g_assert_cmpstr (card->text, ==, "  ");
  g_assert_cmpstr (card->evidence, ==, "\n\n");
  card = waymark_document_find_card (document, "card-2");
  g_assert_cmpstr (card->text, ==, "<b>not markup</b> & 🧭");
}

static void
test_resave_fixture_identical (void)
{
  g_autofree char *path = fixture_path ("valid.waymark");
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr (GBytes) original = NULL;
  g_autoptr (GBytes) saved = NULL;
  g_autoptr (WaymarkDocument) document = load_fixture ("valid.waymark");

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  original = g_bytes_new (contents, length);
  saved = waymark_format_save_to_bytes (document);
  assert_bytes_equal (original, saved);
  g_assert_false (waymark_history_get_modified (waymark_document_get_history (document)));
}

static void
test_non_canonical_normalised (void)
{
  g_autoptr (WaymarkDocument) document = load_fixture ("non-canonical.waymark");
  g_autoptr (GBytes) once = waymark_format_save_to_bytes (document);
  g_autoptr (WaymarkDocument) again = waymark_format_load_bytes (once, "once", NULL);
  g_autoptr (GBytes) twice = waymark_format_save_to_bytes (again);
  g_autofree char *path = fixture_path ("non-canonical.waymark");
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_false (length == g_bytes_get_size (once) && memcmp (contents, g_bytes_get_data (once, NULL), length) == 0);
  assert_bytes_equal (once, twice);
  assert_same_documents (document, again);
}

static void
test_example_round_trip (void)
{
  const char *root = g_getenv ("WAYMARK_SOURCE_ROOT");
  g_autofree char *path = g_build_filename (root != NULL ? root : SOURCE_DATADIR "/..",
                                            "data", "examples", "levenslang-leren.waymark", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (WaymarkDocument) document = NULL;
  g_autoptr (WaymarkDocument) again = NULL;
  g_autoptr (GBytes) first = NULL;
  g_autoptr (GBytes) second = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("data/examples/levenslang-leren.waymark does not exist yet");
      return;
    }

  problems = waymark_format_check_file (file, NULL, &document);
  print_problems (problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_nonnull (document);
  g_assert_cmpuint (waymark_document_get_n_personas (document), >, 0);

  first = waymark_format_save_to_bytes (document);
  again = waymark_format_load_bytes (first, "example", NULL);
  g_assert_nonnull (again);
  assert_same_documents (document, again);
  second = waymark_format_save_to_bytes (again);
  assert_bytes_equal (first, second);

  /* The shipped example should be in canonical form (`waymark fmt`). */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  if (length != g_bytes_get_size (first) || memcmp (contents, g_bytes_get_data (first, NULL), length) != 0)
    g_test_message ("note: the example is not in canonical form; run `waymark fmt` on it");
}

/* The spec's complete examples must stay valid and canonical. */
static void
test_documented_example (void)
{
  const char *root = g_getenv ("WAYMARK_SOURCE_ROOT");
  g_autofree char *path = g_build_filename (root != NULL ? root : SOURCE_DATADIR "/..",
                                            "docs", "file-format.md", NULL);
  g_autofree char *spec = NULL;
  const char *start;
  guint n_examples = 0;

  g_assert_true (g_file_get_contents (path, &spec, NULL, NULL));
  for (start = strstr (spec, "## A complete example"); start != NULL;
       start = strstr (start, "## A complete example"))
    {
      g_autoptr (GBytes) example = NULL;
      g_autoptr (GBytes) saved = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (WaymarkDocument) document = NULL;
      const char *end;

      start = strstr (start, "```xml\n");
      g_assert_nonnull (start);
      start += strlen ("```xml\n");
      end = strstr (start, "\n```");
      g_assert_nonnull (end);
      example = g_bytes_new (start, end + 1 - start);

      document = waymark_format_load_bytes (example, "docs/file-format.md", &error);
      g_assert_no_error (error);
      g_assert_cmpuint (waymark_document_get_n_personas (document), >=, 1);
      saved = waymark_format_save_to_bytes (document);
      assert_bytes_equal (example, saved);
      n_examples++;
    }
  /* One of each version. */
  g_assert_cmpuint (n_examples, ==, WAYMARK_FORMAT_VERSION);
}

/* Broken and hostile input: one test each, asserting message and line */

static void
test_not_well_formed (void)
{
  g_autoptr (GPtrArray) problems = check_fixture ("not-well-formed.waymark");

  assert_problem (problems, WAYMARK_FORMAT_ERROR_SYNTAX, 6, "tag mismatch");
  g_assert_cmpuint (((WaymarkProblem *) g_ptr_array_index (problems, 0))->column, >, 1);
}

static void
test_truncated (void)
{
  g_autoptr (GPtrArray) problems = check_fixture ("truncated.waymark");

  /* libxml2's "Premature end of data in tag …", in plain words. */
  assert_problem (problems, WAYMARK_FORMAT_ERROR_SYNTAX, 6, "the file ends before the <");
}

static void
test_invalid_utf8 (void)
{
  g_autoptr (GPtrArray) problems = check_fixture ("invalid-utf8.waymark");
  WaymarkProblem *problem;

  assert_problem (problems, WAYMARK_FORMAT_ERROR_ENCODING, 3, "not valid UTF-8");
  problem = g_ptr_array_index (problems, 0);
  /* "  <title>Caf" is 12 characters: the bad byte is the 13th. */
  g_assert_cmpuint (problem->column, ==, 13);
  g_assert_true (g_utf8_validate (problem->message, -1, NULL));
}

static void
test_utf16 (void)
{
  static const char file[] = "\xff\xfe<\0w\0a\0y\0m\0a\0r\0k\0/\0>\0";
  g_autoptr (GBytes) bytes = g_bytes_new_static (file, sizeof file - 1);
  g_autoptr (GPtrArray) problems = waymark_format_check_bytes (bytes, "utf16", NULL);

  assert_problem (problems, WAYMARK_FORMAT_ERROR_ENCODING, 1, "UTF-16");
}

static void
test_wrong_root (void)
{
  g_autoptr (GPtrArray) problems = check_fixture ("wrong-root.waymark");

  assert_problem (problems, WAYMARK_FORMAT_ERROR_NOT_WAYMARK, 3, "root element is <svg>");
  g_assert_cmpuint (problems->len, ==, 1);
}

static void
test_missing_namespace (void)
{
  g_autoptr (GPtrArray) problems = check_fixture ("no-namespace.waymark");

  assert_problem (problems, WAYMARK_FORMAT_ERROR_NOT_WAYMARK, 2, "urn:waymark:document");
  g_assert_cmpuint (problems->len, ==, 1);
}

/* @name, of format @version, is refused as written by a newer Waymark,
 * with that problem only. */
static void
assert_newer_version (const char *name,
                      int         version)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (WaymarkDocument) document = waymark_format_load_file (file, &error);
  g_autofree char *expected = g_strdup_printf ("%s:2:1: this file was written by a newer version of "
                                               "Waymark (format %d); this version reads formats "
                                               "up to %d", path, version, WAYMARK_FORMAT_VERSION);

  g_assert_null (document);
  g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_VERSION);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_newer_version (void)
{
  /* Only this problem: the unknown element of the newer format is not
   * reported as a schema error. */
  assert_newer_version ("newer-version.waymark", 7);
  /* Nor are the elements this version knows, with attributes it does not. */
  assert_newer_version ("version-4.waymark", 4);
}

static void
test_version_written (void)
{
  static const char *version_1[] = { "valid.waymark", "non-canonical.waymark" };

  for (guint i = 0; i < G_N_ELEMENTS (version_1); i++)
    {
      g_autoptr (WaymarkDocument) document = load_fixture (version_1[i]);
      g_autoptr (GBytes) bytes = waymark_format_save_to_bytes (document);
      g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      g_assert_cmpint (waymark_format_get_version (document), ==, 1);
      g_assert_nonnull (strstr (text, "<waymark xmlns=\"urn:waymark:document\" version=\"1\""));
      g_assert_null (strstr (text, "<domains>"));
      g_assert_null (strstr (text, "<recommendations>"));
    }

  {
    g_autoptr (WaymarkDocument) document = load_fixture ("recommendations.waymark");

    g_assert_cmpint (waymark_format_get_version (document), ==, 2);
    /* Without its recommendations and domains it is version 1 again. */
    for (guint i = 1; i <= 4; i++)
      {
        g_autofree char *id = g_strdup_printf ("rec-%u", i);
        g_assert_true (waymark_document_remove (document, id));
      }
    g_assert_cmpint (waymark_format_get_version (document), ==, 2);
    g_assert_true (waymark_document_remove (document, "domain-1"));
    g_assert_true (waymark_document_remove (document, "domain-2"));
    g_assert_cmpint (waymark_format_get_version (document), ==, 1);
  }
}

/* A canonical version-2 file loads with everything in it and is written
 * back byte for byte. */
static void
test_recommendations_round_trip (void)
{
  g_autofree char *path = fixture_path ("recommendations.waymark");
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr (GBytes) original = NULL;
  g_autoptr (GBytes) saved = NULL;
  g_autoptr (GBytes) resaved = NULL;
  g_autoptr (WaymarkDocument) document = load_fixture ("recommendations.waymark");
  g_autoptr (WaymarkDocument) again = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *domains = waymark_document_get_domains (document);
  WaymarkRecommendation *recommendation;
  g_autoptr (GArray) targets = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  original = g_bytes_new (contents, length);
  saved = waymark_format_save_to_bytes (document);
  assert_bytes_equal (original, saved);
  again = waymark_format_load_bytes (saved, "again", &error);
  g_assert_no_error (error);
  resaved = waymark_format_save_to_bytes (again);
  assert_bytes_equal (saved, resaved);
  g_assert_false (waymark_history_get_can_undo (waymark_document_get_history (document)));

  g_assert_cmpuint (domains->len, ==, 2);
  g_assert_cmpstr (((WaymarkDomain *) g_ptr_array_index (domains, 0))->name, ==,
                   "Het beleidskader aanscherpen");
  g_assert_cmpstr (((WaymarkDomain *) g_ptr_array_index (domains, 0))->color, ==, "#0072b2");
  g_assert_cmpstr (((WaymarkDomain *) g_ptr_array_index (domains, 1))->color, ==, "");
  g_assert_cmpuint (waymark_document_get_recommendations (document)->len, ==, 4);

  recommendation = waymark_document_find_recommendation (document, "rec-1");
  g_assert_cmpstr (recommendation->title, ==, "Eén erkenningsloket");
  g_assert_cmpstr (recommendation->description, ==,
                   "Hoe kunnen we erkenning voor alle instrumenten\nin één aanvraag bundelen?");
  g_assert_cmpstr (recommendation->domain_id, ==, "domain-1");
  g_assert_cmpint (recommendation->status, ==, WAYMARK_STATUS_IN_PROGRESS);
  g_assert_cmpint (recommendation->value, ==, 4);
  g_assert_cmpint (recommendation->effort, ==, 2);
  g_assert_cmpstr (recommendation->owner, ==, "VLAIO & WSE");
  g_assert_cmpuint (g_strv_length (recommendation->cards), ==, 3);
  g_assert_cmpstr (recommendation->cards[0], ==, "card-3");

  recommendation = waymark_document_find_recommendation (document, "rec-4");
  g_assert_cmpstr (recommendation->domain_id, ==, "");
  g_assert_cmpint (recommendation->status, ==, WAYMARK_STATUS_DROPPED);
  g_assert_cmpint (recommendation->value, ==, WAYMARK_SCORE_UNSET);
  g_assert_cmpint (recommendation->effort, ==, 5);

  /* The targets of rec-1: phase-2 of the first persona (two cards),
   * phase-3 of the second. */
  targets = waymark_document_get_targets (document, "rec-1");
  g_assert_cmpuint (targets->len, ==, 2);
  g_assert_cmpstr (g_array_index (targets, WaymarkTarget, 0).phase->base.id, ==, "phase-2");
  g_assert_cmpuint (g_array_index (targets, WaymarkTarget, 0).n_cards, ==, 2);
  g_assert_cmpstr (g_array_index (targets, WaymarkTarget, 1).persona->base.id, ==, "persona-2");
  {
    g_autoptr (GPtrArray) addressing = waymark_document_get_recommendations_for_card (document,
                                                                                      "card-1");
    g_assert_cmpuint (addressing->len, ==, 2);
  }
}

/* A canonical version-3 file: every part of a profile, empty items and
 * awkward text kept, written back byte for byte; a document whose
 * profiles are emptied is written in the version before. */
static void
test_profile_round_trip (void)
{
  g_autofree char *path = fixture_path ("profile.waymark");
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr (GBytes) original = NULL;
  g_autoptr (GBytes) saved = NULL;
  g_autoptr (GBytes) resaved = NULL;
  g_autoptr (WaymarkDocument) document = load_fixture ("profile.waymark");
  g_autoptr (WaymarkDocument) again = NULL;
  g_autoptr (GError) error = NULL;
  WaymarkPersona *maria = waymark_document_find_persona (document, "persona-1");
  WaymarkPersona *jan = waymark_document_find_persona (document, "persona-2");
  WaymarkFact *fact;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  original = g_bytes_new (contents, length);
  saved = waymark_format_save_to_bytes (document);
  assert_bytes_equal (original, saved);
  again = waymark_format_load_bytes (saved, "again", &error);
  g_assert_no_error (error);
  resaved = waymark_format_save_to_bytes (again);
  assert_bytes_equal (saved, resaved);
  g_assert_cmpint (waymark_format_get_version (document), ==, WAYMARK_FORMAT_VERSION_PROFILES);

  g_assert_cmpstr (maria->quote, ==, "I just want to know what happens next & when.");
  g_assert_cmpuint (g_strv_length (maria->goals), ==, 2);
  g_assert_cmpstr (maria->goals[1], ==, "Stay in her own home");
  g_assert_cmpuint (g_strv_length (maria->needs), ==, 2);
  g_assert_cmpstr (maria->needs[1], ==, "");
  g_assert_cmpstr (maria->frustrations[0], ==,
                   "Letters full of jargon\nthat arrive after the appointment");
  g_assert_cmpuint (maria->facts->len, ==, 3);
  fact = g_ptr_array_index (maria->facts, 1);
  g_assert_cmpstr (fact->label, ==, "Lives");
  g_assert_cmpstr (fact->value, ==, "alone, second floor, no lift");
  fact = g_ptr_array_index (maria->facts, 2);
  g_assert_cmpstr (fact->label, ==, "Note \"quoted\"");
  g_assert_cmpstr (fact->value, ==, "");
  g_assert_cmpstr (jan->quote, ==, "");
  g_assert_cmpuint (jan->facts->len, ==, 1);
  g_assert_false (waymark_persona_has_profile (waymark_document_find_persona (document,
                                                                             "persona-3")));

  /* Emptied, the document needs nothing of version 3 and says so. */
  g_assert_true (waymark_document_set_text (document, "persona-1", WAYMARK_FIELD_QUOTE, ""));
  g_assert_true (waymark_document_set_list (document, "persona-1", WAYMARK_FIELD_GOALS, NULL));
  g_assert_true (waymark_document_set_list (document, "persona-1", WAYMARK_FIELD_NEEDS, NULL));
  g_assert_true (waymark_document_set_list (document, "persona-1", WAYMARK_FIELD_FRUSTRATIONS,
                                            NULL));
  g_assert_true (waymark_document_set_facts (document, "persona-1", NULL));
  g_assert_cmpint (waymark_format_get_version (document), ==, WAYMARK_FORMAT_VERSION_PROFILES);
  g_assert_true (waymark_document_set_facts (document, "persona-2", NULL));
  g_assert_cmpint (waymark_format_get_version (document), ==, WAYMARK_FORMAT_VERSION_BASE);
  {
    g_autoptr (GBytes) bytes = waymark_format_save_to_bytes (document);
    g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

    g_assert_nonnull (strstr (text, "version=\"1\""));
    g_assert_null (strstr (text, "<profile"));
  }
}

/* An older version's file may not hold a profile: said at the element,
 * and nothing else. */
static void
test_profile_in_version_2 (void)
{
  g_autoptr (GPtrArray) problems = check_fixture ("profile-in-version-2.waymark");

  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 4,
                  "<profile> needs format version 3; this file says version 2");
  g_assert_cmpuint (problems->len, ==, 1);
}

/* A profile holds at most WAYMARK_LIMIT_PROFILE_ITEMS items, of all four
 * kinds together: one more is refused at that element, with the limit. */
static void
test_profile_limit (void)
{
  for (guint n = WAYMARK_LIMIT_PROFILE_ITEMS; n <= WAYMARK_LIMIT_PROFILE_ITEMS + 1; n++)
    {
      g_autoptr (GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                              "<waymark xmlns=\"urn:waymark:document\" "
                                              "version=\"3\">\n"
                                              "  <persona id=\"p\" name=\"P\">\n"
                                              "    <profile>\n");
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (WaymarkDocument) document = NULL;

      for (guint i = 0; i < n; i++)
        g_string_append (xml, i < n / 2 ? "      <goal>G</goal>\n"
                                        : "      <fact label=\"L\">V</fact>\n");
      g_string_append (xml, "    </profile>\n  </persona>\n</waymark>\n");
      bytes = g_string_free_to_bytes (g_steal_pointer (&xml));
      document = waymark_format_load_bytes (bytes, "limit", &error);
      if (n == WAYMARK_LIMIT_PROFILE_ITEMS)
        {
          WaymarkPersona *persona;

          g_assert_no_error (error);
          persona = waymark_document_find_persona (document, "p");
          g_assert_cmpuint (g_strv_length (persona->goals) + persona->facts->len, ==, n);
        }
      else
        {
          g_assert_null (document);
          g_assert_nonnull (error);
          g_assert_nonnull (strstr (error->message, "more than 1000 goals, needs, frustrations "
                                                    "and facts"));
        }
    }
}

static void
test_recommendation_errors (void)
{
  g_autoptr (GPtrArray) problems = check_fixture ("recommendation-errors.waymark");

  /* One id space: a domain may not take a card's id. */
  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 16,
                  "duplicate id “card-1” (first used on line 11)");
  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 19,
                  "recommendation “rec-1” refers to domain “domain-9”, which does not exist");
  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 19,
                  "unknown status “finished” (expected open, in-progress, done or dropped)");
  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 19, "value must be between 1 and 5, not 0");
  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 19, "effort must be between 1 and 5, not 6");
  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 21,
                  "recommendation “rec-1” addresses card “card-1” twice");
  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 22,
                  "addresses card “card-404”, which does not exist");
  /* An id that is not a card's is not a card. */
  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 23,
                  "addresses card “phase-1”, which does not exist");
  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 25,
                  "recommendation “rec-2” refers to domain “lane-1”, which does not exist");
  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 25, "value “three” is not a whole number");
  g_assert_cmpuint (problems->len, ==, 10);
}

static void
test_recommendations_in_version_1 (void)
{
  g_autoptr (GPtrArray) problems = check_fixture ("recommendations-in-version-1.waymark");
  g_autofree char *path = fixture_path ("recommendations-in-version-1.waymark");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (WaymarkDocument) document = waymark_format_load_file (file, &error);
  g_autofree char *expected = g_strdup_printf ("%s:4:1: <domains> needs format version 2; "
                                               "this file says version 1", path);

  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 4,
                  "<domains> needs format version 2; this file says version 1");
  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 7,
                  "<recommendations> needs format version 2; this file says version 1");
  /* Nothing else: the schema's own complaint would be at the title. */
  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_null (document);
  g_assert_true (g_str_has_prefix (error->message, expected));
}

static void
test_dtd_refused (void)
{
  g_autoptr (GPtrArray) problems = check_fixture ("dtd.waymark");

  assert_problem (problems, WAYMARK_FORMAT_ERROR_FORBIDDEN, 2, "DTDs are not allowed");
  g_assert_cmpuint (problems->len, ==, 1);
}

static void
test_external_entity (void)
{
  g_autofree char *path = fixture_path ("external-entity.waymark");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (WaymarkDocument) document = waymark_format_load_file (file, &error);
  g_autoptr (GPtrArray) problems = check_fixture ("external-entity.waymark");
  g_autofree char *passwd = NULL;

  g_assert_null (document);
  g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_FORBIDDEN);
  assert_problem (problems, WAYMARK_FORMAT_ERROR_FORBIDDEN, 2, "DTDs are not allowed");

  /* Nothing of the file it points at appears anywhere. */
  g_assert_null (strstr (error->message, "root:"));
  if (g_file_get_contents ("/etc/passwd", &passwd, NULL, NULL) && passwd[0] != '\0')
    {
      g_auto (GStrv) lines = g_strsplit (passwd, "\n", 2);

      g_assert_null (strstr (error->message, lines[0]));
      for (guint i = 0; i < problems->len; i++)
        g_assert_null (strstr (((WaymarkProblem *) g_ptr_array_index (problems, i))->message,
                               lines[0]));
    }
}

static void
test_entity_bomb (void)
{
  gint64 start = g_get_monotonic_time ();
  g_autoptr (GPtrArray) problems = check_fixture ("entity-bomb.waymark");
  gint64 elapsed = g_get_monotonic_time () - start;

  assert_problem (problems, WAYMARK_FORMAT_ERROR_FORBIDDEN, 2, "DTDs are not allowed");
  g_test_message ("refused in %" G_GINT64_FORMAT " µs", elapsed);
  g_assert_cmpint (elapsed, <, G_USEC_PER_SEC);
}

static void
test_duplicate_ids (void)
{
  g_autoptr (GPtrArray) problems = check_fixture ("duplicate-ids.waymark");

  /* Within a persona and across kinds (a tag and a lane). */
  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 9,
                  "duplicate id “phase-1” (first used on line 8)");
  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 12,
                  "duplicate id “x-1” (first used on line 4)");
  g_assert_cmpuint (problems->len, ==, 2);
}

static void
test_dangling_references (void)
{
  g_autoptr (GPtrArray) problems = check_fixture ("dangling-references.waymark");

  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 12, "refers to lane “lane-9”");
  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 15, "refers to phase “phase-7”");
  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 19, "refers to tag “tag-404”");
  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 23, "refers to phase “phase-9”");
  /* Another persona's lane does not count. */
  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 28, "refers to lane “lane-1”");
  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 28, "refers to phase “phase-1”");
  g_assert_cmpuint (problems->len, ==, 6);
}

static void
test_out_of_range_scores (void)
{
  g_autoptr (GPtrArray) problems = check_fixture ("out-of-range.waymark");

  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 13,
                  "score 3 is outside the scale of lane “lane-1” (-2 to 2)");
  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 15,
                  "score -1 is outside the scale of lane “lane-2” (0 to 10)");
  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 16, "out of range");
  g_assert_cmpuint (problems->len, ==, 3);
}

static void
test_semantic_errors (void)
{
  g_autoptr (GPtrArray) problems = check_fixture ("semantic-errors.waymark");

  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 2, "column-width must be between 40 and 2000");
  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 10, "minimum (2) must be below its maximum (-2)");
  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 13, "emotions lanes hold points, not cards");
  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 16, "span must be between 1 and");
  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 19, "which is not an emotions lane");
  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 21,
                  "a second emotion point for lane “lane-2” in phase “phase-1” (the first is on line 20)");
}

static void
test_schema_error (void)
{
  g_autoptr (GPtrArray) problems = check_fixture ("schema-error.waymark");

  assert_problem (problems, WAYMARK_FORMAT_ERROR_SCHEMA, 8, "mood");
  g_assert_cmpuint (problems->len, ==, 1);
}

static void
test_missing_attribute (void)
{
  static const char file[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<waymark xmlns=\"urn:waymark:document\" version=\"1\">\n"
    "  <tags>\n"
    "    <tag id=\"tag-1\" color=\"red\"/>\n"
    "  </tags>\n"
    "</waymark>\n";
  g_autoptr (GBytes) bytes = g_bytes_new_static (file, sizeof file - 1);
  g_autoptr (GPtrArray) problems = waymark_format_check_bytes (bytes, "attr.waymark", NULL);

  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 4, "<tag> lacks the “name” attribute");
  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 4, "colour “red” is not of the form #rrggbb");
}

static void
test_empty_file (void)
{
  g_autoptr (GPtrArray) problems = check_fixture ("empty.waymark");

  assert_problem (problems, WAYMARK_FORMAT_ERROR_SYNTAX, 1, "empty");
}

static void
test_directory (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autoptr (GFile) file = g_file_new_for_path (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (WaymarkDocument) document = waymark_format_load_file (file, &error);
  g_autofree char *expected = g_strdup_printf ("%s: is a directory, not a Waymark file", dir);

  g_assert_null (document);
  g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_IO);
  g_assert_cmpstr (error->message, ==, expected);
  remove_tree (dir);
}

static void
test_missing_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "nope.waymark", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GPtrArray) problems = waymark_format_check_file (file, "nope.waymark", NULL);

  assert_problem (problems, WAYMARK_FORMAT_ERROR_IO, 0, "no such file");
  remove_tree (dir);
}

static void
test_too_large (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.waymark", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) memory_problems = NULL;
  g_autoptr (GBytes) bytes = NULL;
  int fd;

  /* Sparse: costs no disk. */
  fd = g_open (path, O_CREAT | O_WRONLY, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) WAYMARK_FORMAT_MAX_FILE_SIZE + 1), ==, 0);
  close (fd);

  problems = waymark_format_check_file (file, "huge.waymark", NULL);
  assert_problem (problems, WAYMARK_FORMAT_ERROR_TOO_LARGE, 0, "at most 8 MiB" /* WAYMARK_FORMAT_MAX_FILE_SIZE */);

  /* The cap holds for bytes in memory too (calloc'ed pages cost nothing). */
  bytes = g_bytes_new_take (g_malloc0 (WAYMARK_FORMAT_MAX_FILE_SIZE + 1),
                            WAYMARK_FORMAT_MAX_FILE_SIZE + 1);
  memory_problems = waymark_format_check_bytes (bytes, "huge", NULL);
  assert_problem (memory_problems, WAYMARK_FORMAT_ERROR_TOO_LARGE, 0, "at most 8 MiB");
  remove_tree (dir);
}

static void
test_big_line_numbers (void)
{
  GString *file = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                "<waymark xmlns=\"urn:waymark:document\" version=\"1\">\n");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) problems = NULL;

  for (int i = 0; i < 70000; i++)
    g_string_append_c (file, '\n');
  g_string_append (file, "<tags><tag id=\"a\" name=\"b\" color=\"blue\"/></tags></waymark>\n");
  bytes = g_string_free_to_bytes (file);
  problems = waymark_format_check_bytes (bytes, "long", NULL);
  /* libxml2 stops counting at 65535 unless told otherwise. */
  assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 70003, "colour “blue”");
}

static void
test_problem_cap (void)
{
  GString *file = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                "<waymark xmlns=\"urn:waymark:document\" version=\"1\">\n<tags>\n");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  WaymarkProblem *last;

  for (int i = 0; i < 1000; i++)
    g_string_append (file, "<tag id=\"same\" name=\"\"/>\n");
  g_string_append (file, "</tags>\n</waymark>\n");
  bytes = g_string_free_to_bytes (file);
  problems = waymark_format_check_bytes (bytes, "many", NULL);

  g_assert_cmpuint (problems->len, ==, WAYMARK_FORMAT_MAX_PROBLEMS + 1);
  last = g_ptr_array_index (problems, problems->len - 1);
  g_assert_cmpstr (last->message, ==, "899 more problems not shown");
}

/* Saving */

static void
test_save_and_load_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "saved.waymark", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (WaymarkDocument) document = make_awkward_document ();
  g_autoptr (WaymarkDocument) loaded = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (waymark_history_get_modified (waymark_document_get_history (document)));
  g_assert_true (waymark_format_save_file (document, file, &error));
  g_assert_no_error (error);
  g_assert_false (waymark_history_get_modified (waymark_document_get_history (document)));

  loaded = waymark_format_load_file (file, &error);
  g_assert_no_error (error);
  assert_same_documents (document, loaded);
  remove_tree (dir);
}

static void
test_save_under_regular_file (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *blocker = g_build_filename (dir, "not-a-dir", NULL);
  g_autofree char *path = g_build_filename (blocker, "doc.waymark", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (WaymarkDocument) document = make_awkward_document ();
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (blocker, "keep me", -1, NULL));
  /* Fails for root as well: no permission bit is involved. */
  g_assert_false (waymark_format_save_file (document, file, &error));
  g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, path));
  g_assert_nonnull (strstr (error->message, "cannot save"));
  g_assert_true (waymark_history_get_modified (waymark_document_get_history (document)));

  g_assert_true (g_file_get_contents (blocker, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "keep me");
  remove_tree (dir);
}

static void
test_save_onto_directory (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *target = g_build_filename (dir, "doc.waymark", NULL);
  g_autofree char *inside = g_build_filename (target, "inside", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (target);
  g_autoptr (WaymarkDocument) document = make_awkward_document ();
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (g_mkdir (target, 0755), ==, 0);
  g_assert_true (g_file_set_contents (inside, "still here", -1, NULL));
  g_assert_false (waymark_format_save_file (document, file, &error));
  g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_IO);
  g_assert_true (g_file_test (inside, G_FILE_TEST_IS_REGULAR));
  remove_tree (dir);
}

/* Whether @path holds anything but @only: a temporary file left behind. */
static gboolean
dir_has_temp_files (const char *path,
                    const char *only)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_equal (name, only))
      return TRUE;
  return FALSE;
}

/* The failure happens while writing, after the temporary file exists:
 * a file size limit applies to root too, unlike permissions. */
static void
test_failed_write_keeps_original (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *dir = make_temp_dir ();
      g_autofree char *path = g_build_filename (dir, "precious.waymark", NULL);
      g_autoptr (GFile) file = g_file_new_for_path (path);
      g_autoptr (WaymarkDocument) document = make_awkward_document ();
      g_autoptr (GError) error = NULL;
      g_autofree char *contents = NULL;
      struct rlimit limit;

      g_assert_true (g_file_set_contents (path, "the original", -1, NULL));

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      limit.rlim_cur = 4096;  /* the document is far larger */
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (waymark_format_save_file (document, file, &error));
      g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_IO);
      g_test_message ("%s", error->message);

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "the original");
      g_assert_false (dir_has_temp_files (dir, "precious.waymark"));
      remove_tree (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static void
test_read_only_directory (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (WaymarkDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("permissions do not stop root; test_failed_write_keeps_original covers it");
      return;
    }

  dir = make_temp_dir ();
  path = g_build_filename (dir, "locked.waymark", NULL);
  file = g_file_new_for_path (path);
  document = make_awkward_document ();
  g_assert_true (g_file_set_contents (path, "the original", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  g_assert_false (waymark_format_save_file (document, file, &error));
  g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_IO);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the original");

  g_chmod (dir, 0755);
  remove_tree (dir);
}

static void
test_schema_resource (void)
{
  g_autoptr (GBytes) schema = waymark_format_get_schema ();
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  const char *root = g_getenv ("WAYMARK_SOURCE_ROOT");

  g_assert_nonnull (schema);
  /* The compiled-in schema is data/waymark.rng. */
  path = g_build_filename (root != NULL ? root : SOURCE_DATADIR "/..", "data", "waymark.rng", NULL);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (schema, NULL), g_bytes_get_size (schema));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format/round-trip/awkward", test_round_trip_awkward);
  g_test_add_func ("/format/round-trip/canonical-shape", test_canonical_shape);
  g_test_add_func ("/format/round-trip/whitespace-text", test_whitespace_text_kept);
  g_test_add_func ("/format/round-trip/resave-identical", test_resave_fixture_identical);
  g_test_add_func ("/format/round-trip/non-canonical", test_non_canonical_normalised);
  g_test_add_func ("/format/round-trip/example", test_example_round_trip);
  g_test_add_func ("/format/round-trip/documented-example", test_documented_example);

  g_test_add_func ("/format/hostile/not-well-formed", test_not_well_formed);
  g_test_add_func ("/format/hostile/truncated", test_truncated);
  g_test_add_func ("/format/hostile/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/format/hostile/utf16", test_utf16);
  g_test_add_func ("/format/hostile/wrong-root", test_wrong_root);
  g_test_add_func ("/format/hostile/missing-namespace", test_missing_namespace);
  g_test_add_func ("/format/hostile/newer-version", test_newer_version);
  g_test_add_func ("/format/version/written", test_version_written);
  g_test_add_func ("/format/version/recommendations-in-1", test_recommendations_in_version_1);
  g_test_add_func ("/format/recommendations/round-trip", test_recommendations_round_trip);
  g_test_add_func ("/format/recommendations/errors", test_recommendation_errors);
  g_test_add_func ("/format/profile/round-trip", test_profile_round_trip);
  g_test_add_func ("/format/profile/in-version-2", test_profile_in_version_2);
  g_test_add_func ("/format/profile/limit", test_profile_limit);
  g_test_add_func ("/format/hostile/dtd", test_dtd_refused);
  g_test_add_func ("/format/hostile/external-entity", test_external_entity);
  g_test_add_func ("/format/hostile/entity-bomb", test_entity_bomb);
  g_test_add_func ("/format/hostile/duplicate-ids", test_duplicate_ids);
  g_test_add_func ("/format/hostile/dangling-references", test_dangling_references);
  g_test_add_func ("/format/hostile/out-of-range-scores", test_out_of_range_scores);
  g_test_add_func ("/format/hostile/semantic-errors", test_semantic_errors);
  g_test_add_func ("/format/hostile/schema-error", test_schema_error);
  g_test_add_func ("/format/hostile/missing-attribute", test_missing_attribute);
  g_test_add_func ("/format/hostile/empty-file", test_empty_file);
  g_test_add_func ("/format/hostile/directory", test_directory);
  g_test_add_func ("/format/hostile/missing-file", test_missing_file);
  g_test_add_func ("/format/hostile/too-large", test_too_large);
  g_test_add_func ("/format/hostile/big-line-numbers", test_big_line_numbers);
  g_test_add_func ("/format/hostile/problem-cap", test_problem_cap);

  g_test_add_func ("/format/save/file", test_save_and_load_file);
  g_test_add_func ("/format/save/under-regular-file", test_save_under_regular_file);
  g_test_add_func ("/format/save/onto-directory", test_save_onto_directory);
  g_test_add_func ("/format/save/failed-write-keeps-original", test_failed_write_keeps_original);
  g_test_add_func ("/format/save/read-only-directory", test_read_only_directory);
  g_test_add_func ("/format/schema-resource", test_schema_resource);

  return g_test_run ();
}
