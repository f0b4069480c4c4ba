/* test-sheets.c: xlsx and ods import, xlsx export, and their limits
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixtures are in tests/data/sheets: hand-made files (make-sheets.py
 * there says how), and the example's CSV export as LibreOffice Calc saves
 * it in xlsx and ods.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-output-memory.h>

#include "waymark-csv.h"
#include "waymark-format.h"
#include "waymark-limits.h"
#include "waymark-xlsx.h"

static GFile *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sheets", name, NULL);

  return g_file_new_for_path (path);
}

static char *
problems_text (GPtrArray *problems)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *line = waymark_problem_to_string (g_ptr_array_index (problems, i));
      g_string_append_printf (out, "%s\n", line);
    }
  return g_string_free (out, FALSE);
}

/* Imports the fixture @name (sheet @sheet, NULL: the first); on failure
 * *@text (may be NULL) receives the problems. */
static WaymarkDocument *
import_fixture_as (const char  *name,
                   const char  *display_name,
                   const char  *sheet,
                   char       **text)
{
  g_autoptr (GFile) file = fixture (name);
  g_autoptr (GPtrArray) problems = NULL;
  WaymarkImportOptions options = { sheet, NULL };
  WaymarkDocument *document;
  g_autofree char *said = NULL;

  document = waymark_csv_import_file_with_options (file, display_name, &options, &problems);
  said = problems_text (problems);
  g_test_message ("%s", said);
  if (text != NULL)
    *text = g_steal_pointer (&said);
  return document;
}

static WaymarkDocument *
import_fixture (const char  *name,
                const char  *sheet,
                char       **text)
{
  return import_fixture_as (name, name, sheet, text);
}

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

/* What a table of @document imports as, saved: the document as the CSV
 * round trip gives it. */
static GBytes *
through_csv (WaymarkDocument *document)
{
  g_autoptr (GBytes) csv = waymark_csv_export_to_bytes (document);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (WaymarkDocument) imported = waymark_csv_import_bytes (csv, "trip.csv", &problems);

  g_assert_nonnull (imported);
  return waymark_format_save_to_bytes (imported);
}

static GBytes *
through_xlsx (WaymarkDocument *document)
{
  g_autoptr (GBytes) xlsx = waymark_xlsx_export_to_bytes (document);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (WaymarkDocument) imported = waymark_csv_import_bytes (xlsx, "trip.xlsx", &problems);
  g_autofree char *said = problems_text (problems);

  g_assert_cmpstr (said, ==, "");
  g_assert_nonnull (imported);
  g_assert_cmpstr (waymark_document_get_title (imported), ==, "trip");
  return waymark_format_save_to_bytes (imported);
}

static void
assert_bytes_equal (GBytes *a,
                    GBytes *b)
{
  gsize a_size, b_size;
  const char *a_data = g_bytes_get_data (a, &a_size);
  const char *b_data = g_bytes_get_data (b, &b_size);

  g_assert_cmpmem (a_data, a_size, b_data, b_size);
}

/* The example through xlsx is the example through CSV, byte for byte
 * once saved; and an export depends on the document only. */
static void
test_round_trip_example (void)
{
  g_autoptr (WaymarkDocument) document = load_example ();
  g_autoptr (GBytes) csv = through_csv (document);
  g_autoptr (GBytes) xlsx = through_xlsx (document);
  g_autoptr (GBytes) first = waymark_xlsx_export_to_bytes (document);
  g_autoptr (GBytes) second = waymark_xlsx_export_to_bytes (document);

  assert_bytes_equal (csv, xlsx);
  assert_bytes_equal (first, second);
}

/* Texts that xlsx or the formula guard could bend survive as the CSV's do. */
static void
test_round_trip_awkward (void)
{
  static const char * const texts[] = {
    "=SUM(A1)", "'=x", "''=x", "+1", "-1", "@me", "\rstarts with CR", "a\r\nb", "a\rb",
    "ends with CR\r", " lead", "trail ", "  both  ", "\ttab", "_x0041_", "_x005F_x0041_",
    "_x000D_", "<b>&amp;</b>", "\"quoted\"", "🧭 ع é", "007", "1.50", "-2", "1e3",
  };
  g_autoptr (WaymarkDocument) document = waymark_document_new ();
  const char *persona, *phase, *lane;
  g_autoptr (GBytes) csv = NULL;
  g_autoptr (GBytes) xlsx = NULL;

  persona = waymark_document_insert_persona (document, waymark_persona_new (NULL, "=Anna"), -1);
  phase = waymark_document_insert_phase (document, persona, waymark_phase_new (NULL, "007"), -1);
  lane = waymark_document_insert_lane (document, persona,
                                       waymark_lane_new (NULL, "_x0020_", WAYMARK_LANE_NOTES), -1);
  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      WaymarkCard *card = waymark_card_new (NULL, lane, phase, texts[i]);

      g_free (card->evidence);
      card->evidence = g_strdup (texts[G_N_ELEMENTS (texts) - 1 - i]);
      g_assert_nonnull (waymark_document_insert_card (document, persona, card, -1));
    }

  csv = through_csv (document);
  xlsx = through_xlsx (document);
  assert_bytes_equal (csv, xlsx);
}

/* The files Calc makes of the example's CSV import as the CSV does. */
static void
test_calc_files (void)
{
  g_autoptr (WaymarkDocument) document = load_example ();
  g_autoptr (GBytes) csv = through_csv (document);
  static const char * const names[] = { "levenslang-calc.xlsx", "levenslang-calc.ods" };
  static const char * const display_names[] = { "trip.xlsx", "trip.ods" };

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (WaymarkDocument) imported = import_fixture_as (names[i], display_names[i], NULL,
                                                                NULL);
      g_autoptr (GBytes) saved = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *actual = NULL;

      g_assert_nonnull (imported);
      saved = waymark_format_save_to_bytes (imported);
      expected = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
      actual = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
      g_assert_cmpstr (actual, ==, expected);
    }
}

static const WaymarkCard *
card_at (WaymarkDocument *document,
         guint            index)
{
  WaymarkPersona *persona = waymark_document_get_persona (document, 0);

  g_assert_cmpuint (index, <, persona->cards->len);
  return g_ptr_array_index (persona->cards, index);
}

/* Dutch headers, shared, rich and inline strings, numbers as shown, an
 * empty cell and row, and a merged range whose hidden cell holds text. */
static void
test_xlsx_dutch (void)
{
  g_autoptr (WaymarkDocument) document = import_fixture ("dutch.xlsx", NULL, NULL);
  WaymarkPersona *persona;

  g_assert_nonnull (document);
  g_assert_cmpstr (waymark_document_get_language (document), ==, "nl");
  g_assert_cmpuint (waymark_document_get_n_personas (document), ==, 1);
  persona = waymark_document_get_persona (document, 0);
  g_assert_cmpstr (persona->name, ==, "Anna");
  g_assert_cmpuint (persona->phases->len, ==, 2);
  g_assert_cmpuint (persona->lanes->len, ==, 1);
  g_assert_cmpstr (card_at (document, 0)->text, ==, "Lange formulieren ");
  /* _x000D_ is OOXML's carriage return. */
  g_assert_cmpstr (card_at (document, 1)->text, ==, "Wachten\r");
  g_assert_cmpstr (card_at (document, 2)->text, ==, "Geen tijd");
}

static void
test_ods_dutch (void)
{
  g_autofree char *said = NULL;
  g_autoptr (WaymarkDocument) first = import_fixture ("dutch.ods", NULL, &said);
  g_autoptr (WaymarkDocument) document = import_fixture ("dutch.ods", "Codering", NULL);
  WaymarkPersona *persona;

  /* The first sheet is read unless another is named: here it is notes. */
  g_assert_null (first);
  g_assert_nonnull (strstr (said, "dutch.ods:1: error: the header row has no “persona” column"));

  g_assert_nonnull (document);
  g_assert_cmpstr (waymark_document_get_language (document), ==, "nl");
  persona = waymark_document_get_persona (document, 0);
  g_assert_cmpuint (persona->phases->len, ==, 2);
  /* <text:s text:c="2"/> is two spaces; the covered cell is empty; two
   * paragraphs are two lines, without the annotation. */
  g_assert_cmpstr (card_at (document, 0)->text, ==, "Lange  formulieren");
  g_assert_cmpstr (card_at (document, 1)->text, ==, "Wachten");
  g_assert_cmpstr (card_at (document, 2)->text, ==, "Geen\ntijd");
}

typedef struct {
  const char *name;
  const char *sheet;
  const char *problem;  /* expected, as printed */
} Refused;

/* Hostile and wrong files are refused with a problem that says where,
 * quickly and without allocating what they ask for. */
static void
test_refused (void)
{
  static const Refused cases[] = {
    { "not-a-zip.xlsx", NULL,
      "not-a-zip.xlsx: error: the file is not a zip archive, as xlsx and ods files are\n" },
    { "dutch.xlsx", "Missing",
      "dutch.xlsx: error: the workbook has no sheet “Missing” (it has “Codering”, “Extra”)\n" },
    { "dutch.ods", "Missing",
      "dutch.ods: error: the workbook has no sheet “Missing” (it has “Notities”, “Codering”)\n" },
    { "zip-bomb.xlsx", NULL,
      "zip-bomb.xlsx: error: xl/worksheets/sheet1.xml: the part unpacks to more than 8 MiB, the "
      "most Waymark reads from one part\n" },
    { "shared-bomb.xlsx", NULL,
      "shared-bomb.xlsx: error: Codering!H70: the sheet holds more than 32 MiB of text, the most "
      "Waymark reads\n" },
    { "columns-bomb.ods", NULL,
      "columns-bomb.ods:2: error: Sheet1!BM2: the row has a cell past column 64, the last "
      "Waymark reads\n" },
    { "rows-bomb.ods", NULL,
      "rows-bomb.ods: error: Sheet1!A200001: the sheet has more than 200000 rows, the most "
      "Waymark reads\n" },
    { "spaces-bomb.ods", NULL,
      "spaces-bomb.ods:2: error: Sheet1!C2: the cell is longer than 64 KiB, the most Waymark "
      "holds in one text\n" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *said = NULL;
      g_autoptr (WaymarkDocument) document = import_fixture (cases[i].name, cases[i].sheet, &said);
      gint64 start = g_get_monotonic_time ();

      g_assert_null (document);
      g_assert_cmpstr (said, ==, cases[i].problem);
      g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
    }
}

/* An old .xls, a truncated archive and a ZIP64 one. */
static void
test_refused_bytes (void)
{
  static const struct {
    const char *name;
    const char *data;
    gsize       size;
    const char *problem;
  } cases[] = {
    { "t.xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", 12,
      "t.xls: error: the file is an old Excel workbook (.xls), which Waymark does not read; save "
      "it as .xlsx, .ods or CSV\n" },
    { "t.ods", "PK\003\004 truncated", 15,
      "t.ods: error: the zip archive is damaged; it cannot be read\n" },
    /* A ZIP64 locator before the directory's end: libgsf would take its
     * member count, however large. */
    { "t.xlsx", "PK\003\004xxxx" "PK\006\007" "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
      "PK\005\006" "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 50,
      "t.xlsx: error: the archive is a ZIP64 archive, which Waymark does not read\n" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GBytes) bytes = g_bytes_new_static (cases[i].data, cases[i].size);
      g_autoptr (GPtrArray) problems = NULL;
      g_autoptr (WaymarkDocument) document = waymark_csv_import_bytes (bytes, cases[i].name,
                                                                       &problems);
      g_autofree char *said = problems_text (problems);

      g_assert_null (document);
      g_assert_cmpstr (said, ==, cases[i].problem);
    }
}

/* Export goes through the one file writer: a missing folder is an
 * error and leaves nothing. */
static void
test_export_file (void)
{
  g_autoptr (WaymarkDocument) document = load_example ();
  g_autofree char *dir = g_dir_make_tmp ("waymark-test-sheets-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.xlsx", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", "map.xlsx", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) expected = waymark_xlsx_export_to_bytes (document);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (waymark_xlsx_export_to_file (document, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL),
                   g_bytes_get_size (expected));

  g_assert_false (waymark_xlsx_export_to_file (document, missing_file, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* An archive of more members than a spreadsheet has is refused before
 * libgsf lists them. */
static void
test_too_many_members (void)
{
  GsfOutput *sink = gsf_output_memory_new ();
  GsfOutfile *zip = gsf_outfile_zip_new (sink, NULL);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (WaymarkDocument) document = NULL;
  g_autofree char *said = NULL;

  for (guint i = 0; i < 1001; i++)
    {
      g_autofree char *name = g_strdup_printf ("m%u", i);
      GsfOutput *member = gsf_outfile_new_child (zip, name, FALSE);

      gsf_output_close (member);
      g_object_unref (member);
    }
  gsf_output_close (GSF_OUTPUT (zip));
  g_object_unref (zip);
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)),
                       (gsize) gsf_output_size (sink));
  g_object_unref (sink);

  document = waymark_csv_import_bytes (bytes, "many.xlsx", &problems);
  said = problems_text (problems);
  g_assert_null (document);
  g_assert_cmpstr (said, ==, "many.xlsx: error: the archive has more than 1000 members, the most "
                             "Waymark reads\n");
}

static GBytes *
fixture_bytes (const char *name)
{
  g_autoptr (GFile) file = fixture (name);
  g_autoptr (GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

/* An ods archive of @content (@length bytes) as its content.xml. */
static GBytes *
make_ods (const char *content,
          gsize       length)
{
  GsfOutput *sink = gsf_output_memory_new ();
  GsfOutfile *zip = gsf_outfile_zip_new (sink, NULL);
  GsfOutput *member;
  GBytes *bytes;

  member = gsf_outfile_new_child (zip, "mimetype", FALSE);
  gsf_output_puts (member, "application/vnd.oasis.opendocument.spreadsheet");
  gsf_output_close (member);
  g_object_unref (member);
  member = gsf_outfile_new_child (zip, "content.xml", FALSE);
  gsf_output_write (member, length, (const guint8 *) content);
  gsf_output_close (member);
  g_object_unref (member);
  gsf_output_close (GSF_OUTPUT (zip));
  g_object_unref (zip);
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)),
                       (gsize) gsf_output_size (sink));
  g_object_unref (sink);
  return bytes;
}

/* Whatever the bytes, an import ends with a document or an error, never
 * a crash or a warning (G_DEBUG=fatal-warnings). */
static void
assert_imports_or_refuses (GBytes     *bytes,
                           const char *name)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (WaymarkDocument) document = waymark_csv_import_bytes (bytes, name, &problems);

  if (document == NULL)
    g_assert_cmpuint (problems->len, >, 0);
}

/* Damaged archives (bytes changed or cut anywhere) and damaged sheets
 * (characters of content.xml changed inside a sound archive), at random:
 * GTest's seed, --seed to replay. Not a fuzzer, a check that the
 * readers' error paths hold. */
static void
test_damaged (void)
{
  static const char * const names[] = { "dutch.xlsx", "dutch.ods", "levenslang-calc.xlsx" };
  static const char content[] =
    "<?xml version=\"1.0\"?><office:document-content "
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body>"
    "<office:spreadsheet><table:table table:name=\"S\"><table:table-row>"
    "<table:table-cell><text:p>persona</text:p></table:table-cell>"
    "<table:table-cell><text:p>phase</text:p></table:table-cell>"
    "<table:table-cell><text:p>lane</text:p></table:table-cell></table:table-row>"
    "<table:table-row table:number-rows-repeated=\"2\">"
    "<table:table-cell table:number-columns-repeated=\"1\"><text:p>A<text:s text:c=\"3\"/>"
    "</text:p></table:table-cell><table:covered-table-cell/>"
    "<table:table-cell><text:p>Lane</text:p></table:table-cell></table:table-row>"
    "</table:table></office:spreadsheet></office:body></office:document-content>";
  static const char alphabet[] = "<>/=\"' &;:0123456789abcdeprstvxAZ\n\t";

  for (gsize n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autoptr (GBytes) original = fixture_bytes (names[n]);
      gsize size;
      const guint8 *data = g_bytes_get_data (original, &size);

      for (guint i = 0; i < 100; i++)
        {
          g_autofree guint8 *copy = g_memdup2 (data, size);
          gsize length = size;
          g_autoptr (GBytes) damaged = NULL;

          if (i % 3 == 0)
            length = (gsize) g_test_rand_int_range (0, (gint32) size);
          else
            for (guint k = 0; k < 1 + i % 8; k++)
              copy[g_test_rand_int_range (0, (gint32) size)] = (guint8) g_test_rand_int_range (0,
                                                                                            256);
          damaged = g_bytes_new (copy, length);
          assert_imports_or_refuses (damaged, names[n]);
        }
    }

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *copy = g_strdup (content);
      g_autoptr (GBytes) damaged = NULL;

      for (guint k = 0; k < 1 + i % 4; k++)
        copy[g_test_rand_int_range (0, sizeof content - 1)] =
          alphabet[g_test_rand_int_range (0, sizeof alphabet - 1)];
      damaged = make_ods (copy, strlen (copy));
      assert_imports_or_refuses (damaged, "damaged.ods");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sheets/round-trip/example", test_round_trip_example);
  g_test_add_func ("/sheets/round-trip/awkward", test_round_trip_awkward);
  g_test_add_func ("/sheets/import/calc-files", test_calc_files);
  g_test_add_func ("/sheets/import/xlsx-dutch", test_xlsx_dutch);
  g_test_add_func ("/sheets/import/ods-dutch", test_ods_dutch);
  g_test_add_func ("/sheets/import/refused", test_refused);
  g_test_add_func ("/sheets/import/refused-bytes", test_refused_bytes);
  g_test_add_func ("/sheets/import/too-many-members", test_too_many_members);
  g_test_add_func ("/sheets/import/damaged", test_damaged);
  g_test_add_func ("/sheets/export/file", test_export_file);

  return g_test_run ();
}
