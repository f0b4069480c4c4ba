/* test-fuzz-regressions.c: every fuzzer finding, replayed in the normal suite
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The harnesses in tests/fuzz are compiled in here unchanged (renamed, so
 * that four of them fit in one program) and each input under
 * tests/data/fuzz-regressions/HARNESS/ is run through its harness: the
 * same checks that found the bug (crash, sanitizer report under
 * `build-aux/test --sanitize`, GLib warning, broken round trip) now guard
 * the fix, with gcc and without libFuzzer. A few findings also get a test
 * of their own that says what the right behaviour is.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

/* Each harness's two entry points get a name of their own. The first
 * harness gets its prototypes from fuzz-common.h (included once, under the
 * first names); the others need theirs here. */
#define DECLARE_HARNESS(prefix) \
  int prefix##_initialize (int *argc, char ***argv); \
  int prefix##_test_one_input (const uint8_t *data, size_t size);

DECLARE_HARNESS (csv)
DECLARE_HARNESS (card_text)
DECLARE_HARNESS (render)

#define LLVMFuzzerInitialize format_initialize
#define LLVMFuzzerTestOneInput format_test_one_input
#include "fuzz/fuzz-format.c"
#undef LLVMFuzzerInitialize
#undef LLVMFuzzerTestOneInput

#define LLVMFuzzerInitialize csv_initialize
#define LLVMFuzzerTestOneInput csv_test_one_input
#include "fuzz/fuzz-csv.c"
#undef LLVMFuzzerInitialize
#undef LLVMFuzzerTestOneInput

#define LLVMFuzzerInitialize card_text_initialize
#define LLVMFuzzerTestOneInput card_text_test_one_input
#include "fuzz/fuzz-card-text.c"
#undef LLVMFuzzerInitialize
#undef LLVMFuzzerTestOneInput

#define LLVMFuzzerInitialize render_initialize
#define LLVMFuzzerTestOneInput render_test_one_input
#include "fuzz/fuzz-render.c"
#undef LLVMFuzzerInitialize
#undef LLVMFuzzerTestOneInput

typedef int (*HarnessFunc) (const uint8_t *data, size_t size);

static const struct {
  const char  *name;
  HarnessFunc  func;
} harnesses[] = {
  { "format", format_test_one_input },
  { "csv", csv_test_one_input },
  { "card-text", card_text_test_one_input },
  { "render", render_test_one_input },
};

static void
test_replay (gconstpointer user_data)
{
  const char *path = user_data;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *harness = g_path_get_basename (dir);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (harnesses); i++)
    if (g_str_equal (harness, harnesses[i].name))
      {
        /* The harness aborts on any finding; returning is passing. */
        g_assert_cmpint (harnesses[i].func ((const uint8_t *) contents, length), ==, 0);
        return;
      }
  g_assert_not_reached ();
}

/* Card text with invalid UTF-8 (which the model accepts from its API) made
 * Pango warn and replace bytes in its own copy, whose offsets the layout
 * then used to cut lines out of the original: the lines shown and written
 * to SVG could be cut mid-character or read past the end. The layout now
 * shows U+FFFD for each bad sequence. */
static void
test_card_text_invalid_utf8 (void)
{
  g_autoptr (WaymarkDocument) document = waymark_document_new ();
  g_autoptr (WaymarkLayout) layout = NULL;
  g_autoptr (WaymarkScene) scene = NULL;
  const char *persona_id;
  gboolean found = FALSE;

  persona_id = waymark_document_insert_persona (document, waymark_persona_new ("p", "P"), -1);
  waymark_document_insert_phase (document, persona_id, waymark_phase_new ("ph", "Phase"), -1);
  waymark_document_insert_lane (document, persona_id,
                                waymark_lane_new ("l", "Lane", WAYMARK_LANE_NOTES), -1);
  /* The model refuses invalid UTF-8 ... */
  g_assert_null (waymark_document_insert_card (document, persona_id,
                                               waymark_card_new ("c", "l", "ph", "a\xff" "b\xc3"),
                                               -1));
  /* ... and the layout, which fuzz-card-text found reading past such text,
   * still copes if some path ever lets it through: put it in by hand. */
  waymark_document_insert_card (document, persona_id, waymark_card_new ("c", "l", "ph", "x"), -1);
  {
    WaymarkCard *card = waymark_document_find_card (document, "c");
    g_free (card->text);
    card->text = g_strdup ("a\xff" "b\xc3");
  }

  layout = waymark_layout_new (document, persona_id, NULL, NULL);
  scene = waymark_scene_new_for_layout (layout);
  for (guint i = 0; i < waymark_scene_get_n_items (scene); i++)
    {
      const WaymarkSceneItem *item = waymark_scene_get_item (scene, i);

      if (item->kind != WAYMARK_SCENE_TEXT)
        continue;
      for (guint j = 0; j < item->text.n_lines; j++)
        {
          const char *line = item->text.lines[j].text;

          g_assert_true (g_utf8_validate (line, -1, NULL));
          if (strstr (line, "a\xef\xbf\xbd" "b\xef\xbf\xbd") != NULL)
            found = TRUE;
        }
    }
  g_assert_true (found);
}

/* A long word with no break opportunity (found by fuzz-card-text as a
 * 10-second "slow unit"): Pango re-shapes the rest of the word for every
 * line it wraps, so the time grew with the square of the word's length
 * (32 KiB: half a minute; the 64 KiB below: about two). A hostile file
 * could freeze the app on opening. The layout now lets Pango break such
 * runs every 256 characters, which makes it linear: well under a second
 * here, and the bound below leaves room for slow, sanitized machines. */
static void
test_card_text_long_word (void)
{
  g_autoptr (WaymarkDocument) document = waymark_document_new ();
  g_autoptr (WaymarkLayout) layout = NULL;
  g_autofree char *word = g_strnfill (64 * 1024, 'a');
  const char *persona_id;
  gint64 start;
  double seconds;

  persona_id = waymark_document_insert_persona (document, waymark_persona_new ("p", "P"), -1);
  waymark_document_insert_phase (document, persona_id, waymark_phase_new ("ph", "Phase"), -1);
  waymark_document_insert_lane (document, persona_id,
                                waymark_lane_new ("l", "Lane", WAYMARK_LANE_NOTES), -1);
  waymark_document_insert_card (document, persona_id, waymark_card_new ("c", "l", "ph", word), -1);
  /* The narrowest column: the most lines. */
  waymark_document_set_int (document, NULL, WAYMARK_FIELD_COLUMN_WIDTH, 40);

  start = g_get_monotonic_time ();
  layout = waymark_layout_new (document, persona_id, NULL, NULL);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_test_message ("a 64 KiB word laid out in %.2f s", seconds);
  g_assert_cmpfloat (seconds, <, 15.0);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (harnesses); i++)
    {
      g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "data", "fuzz-regressions",
                                                         harnesses[i].name, NULL);
      g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
      g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, compare_names);
      for (guint j = 0; j < names->len; j++)
        {
          const char *file = g_ptr_array_index (names, j);
          g_autofree char *test_path = g_strdup_printf ("/fuzz-regressions/%s/%s",
                                                        harnesses[i].name, file);

          g_test_add_data_func_full (test_path, g_build_filename (dir_path, file, NULL),
                                     test_replay, g_free);
        }
    }
  g_test_add_func ("/fuzz-regressions/card-text/invalid-utf8-shown-as-replacement",
                   test_card_text_invalid_utf8);
  g_test_add_func ("/fuzz-regressions/card-text/long-word-in-linear-time",
                   test_card_text_long_word);

  return g_test_run ();
}
