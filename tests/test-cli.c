/* test-cli.c: `waymark validate` and `waymark fmt`, run as the real program
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The path of the built program is the first argument (tests/meson.build).
 */
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "waymark-limits.h"

static const char *waymark_path;

typedef struct {
  int   status;   /* the exit status */
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs waymark with @args, without any display: the commands must be
 * headless. Standard input is the file @stdin_path, or nothing. */
static void
run_waymark_va (Run        *run,
                const char *stdin_path,
                const char *first_arg,
                va_list     args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) envp = g_get_environ ();
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;

  g_ptr_array_add (argv, (char *) waymark_path);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_environ (launcher, envp);
  g_subprocess_launcher_set_stdin_file_path (launcher, stdin_path != NULL ? stdin_path
                                                                          : "/dev/null");
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("exit %d\nstdout:\n%s\nstderr:\n%s", run->status, run->out, run->err);
}

/* Runs waymark with @args (NULL-terminated). */
static G_GNUC_NULL_TERMINATED void
run_waymark (Run        *run,
             const char *first_arg,
             ...)
{
  va_list args;

  va_start (args, first_arg);
  run_waymark_va (run, NULL, first_arg, args);
  va_end (args);
}

/* The same with @stdin_path as standard input. */
static G_GNUC_NULL_TERMINATED void
run_waymark_with_stdin (Run        *run,
                        const char *stdin_path,
                        const char *first_arg,
                        ...)
{
  va_list args;

  va_start (args, first_arg);
  run_waymark_va (run, stdin_path, first_arg, args);
  va_end (args);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

/* A copy of a fixture in a fresh temporary directory. */
static char *
copy_fixture (const char  *name,
              char       **dir)
{
  g_autofree char *source = fixture_path (name);
  g_autofree char *contents = NULL;
  gsize length;
  char *path;

  *dir = g_dir_make_tmp ("waymark-test-cli-XXXXXX", NULL);
  g_assert_nonnull (*dir);
  path = g_build_filename (*dir, name, NULL);
  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));
  return path;
}

static void
remove_copy (char *path,
             char *dir)
{
  g_remove (path);
  g_rmdir (dir);
  g_free (path);
  g_free (dir);
}

static char *
read_text (const char *path)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
test_validate_ok (void)
{
  g_auto (Run) run = { 0 };
  g_autofree char *path = fixture_path ("valid.waymark");
  g_autofree char *expected = g_strdup_printf ("%s: ok\n", path);

  run_waymark (&run, "validate", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_validate_errors (void)
{
  g_auto (Run) run = { 0 };
  g_autofree char *valid = fixture_path ("valid.waymark");
  g_autofree char *broken = fixture_path ("dangling-references.waymark");
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_auto (GStrv) lines = NULL;

  run_waymark (&run, "validate", valid, broken, NULL);
  g_assert_cmpint (run.status, ==, 1);

  lines = g_strsplit (run.out, "\n", -1);
  /* One line for the valid file, one per problem, and the final newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 6 + 1);
  g_assert_true (g_str_has_suffix (lines[0], ": ok"));
  first = g_strdup_printf ("%s:12:1: error: card “card-1” refers to lane “lane-9”, "
                           "which this persona does not have", broken);
  g_assert_cmpstr (lines[1], ==, first);
  last = g_strdup_printf ("%s:28:1: error: ", broken);
  g_assert_true (g_str_has_prefix (lines[6], last));
  g_assert_cmpstr (lines[7], ==, "");
}

static void
test_validate_hostile (void)
{
  g_auto (Run) run = { 0 };
  g_autofree char *bomb = fixture_path ("entity-bomb.waymark");
  g_autofree char *xxe = fixture_path ("external-entity.waymark");
  g_autofree char *utf8 = fixture_path ("invalid-utf8.waymark");
  g_autofree char *expected = NULL;

  run_waymark (&run, "validate", bomb, xxe, utf8, NULL);
  g_assert_cmpint (run.status, ==, 1);
  expected = g_strdup_printf ("%s:2:19: error: the file has a document type declaration", bomb);
  g_assert_true (g_str_has_prefix (run.out, expected));
  g_assert_null (strstr (run.out, "root:"));
  g_assert_null (strstr (run.err, "root:"));
  g_free (expected);
  expected = g_strdup_printf ("%s:3:13: error: the file is not valid UTF-8", utf8);
  g_assert_nonnull (strstr (run.out, expected));
}

/* 100,000 attributes on one element took libxml2 over a minute: now a
 * located error, at once (the file is counted before it is parsed). */
static void
test_validate_many_attributes (void)
{
  g_auto (Run) run = { 0 };
  g_autofree char *dir = g_dir_make_tmp ("waymark-test-cli-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "attributes.waymark", NULL);
  g_autoptr (GString) doc = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                          "<waymark xmlns=\"urn:waymark:document\" "
                                          "version=\"1\"");
  g_autofree char *expected = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (doc, " a%u=\"\"", i);
  g_string_append (doc, "/>\n");
  g_assert_true (g_file_set_contents (path, doc->str, (gssize) doc->len, NULL));

  run_waymark (&run, "validate", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  expected = g_strdup_printf ("%s:2:1: error: the element <waymark> has more than %d attributes, "
                              "the most Waymark reads\n", path, WAYMARK_LIMIT_ATTRIBUTES);
  g_assert_cmpstr (run.out, ==, expected);

  g_remove (path);
  g_rmdir (dir);
}

/* The hostile markup of tests/data: each a located error. */
static void
test_validate_markup_limits (void)
{
  g_auto (Run) run = { 0 };
  g_autofree char *attributes = fixture_path ("too-many-attributes.waymark");
  g_autofree char *hidden = fixture_path ("attributes-after-broken-value.waymark");
  g_autofree char *dtd = fixture_path ("dtd-after-broken-declaration.waymark");
  g_autofree char *namespaces = fixture_path ("namespaces-in-scope.waymark");
  g_autofree char *expected = NULL;

  run_waymark (&run, "validate", attributes, hidden, dtd, namespaces, NULL);
  g_assert_cmpint (run.status, ==, 1);
  expected = g_strdup_printf ("%s:12:7: error: the element <card> has more than %d attributes, "
                              "the most Waymark reads\n"
                              "%s:4:56: error: the element <x> has more than %d attributes, the "
                              "most Waymark reads\n"
                              "%s:1:38: error: parsing XML declaration: '?>' expected\n"
                              "%s:2:19: error: the file has a document type declaration "
                              "(<!DOCTYPE>); DTDs are not allowed in Waymark files\n"
                              "%s:35:3: error: the element <title> is in the scope of more than "
                              "%d namespace declarations, the most Waymark reads\n",
                              attributes, WAYMARK_LIMIT_ATTRIBUTES, hidden,
                              WAYMARK_LIMIT_ATTRIBUTES, dtd, dtd, namespaces,
                              WAYMARK_LIMIT_NAMESPACES);
  g_assert_cmpstr (run.out, ==, expected);
}

static void
test_validate_missing_file (void)
{
  g_auto (Run) run = { 0 };

  run_waymark (&run, "validate", "/nonexistent/map.waymark", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "/nonexistent/map.waymark: error: no such file\n");
}

/* import-csv says it in the same words as validate and export. */
static void
test_import_csv_missing_file (void)
{
  g_auto (Run) run = { 0 };

  run_waymark (&run, "import-csv", "/nonexistent/table.csv", "-o", "/nonexistent/out.waymark",
               NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, "/nonexistent/table.csv: error: no such file\n");
}

/* A CSV table with @n rows made by @row_format from the row's index. */
G_GNUC_PRINTF (3, 0)
static GString *
csv_table (const char *header,
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
  return csv;
}

/* Runs `waymark import-csv` on @csv and expects it refused as a whole:
 * exit status 1, the problem "IN:@row: error: @message" on stderr, and
 * no output file at all. */
static void
assert_import_csv_refused (GString    *csv,
                           guint       row,
                           const char *message)
{
  g_auto (Run) run = { 0 };
  g_autofree char *dir = g_dir_make_tmp ("waymark-test-cli-XXXXXX", NULL);
  g_autofree char *input = g_build_filename (dir, "table.csv", NULL);
  g_autofree char *output = g_build_filename (dir, "map.waymark", NULL);
  g_autofree char *expected = g_strdup_printf ("%s:%u: error: %s\n", input, row, message);
  g_autofree char *not_written = g_strdup_printf ("%s not written", output);

  g_assert_true (g_file_set_contents (input, csv->str, (gssize) csv->len, NULL));
  run_waymark (&run, "import-csv", input, "-o", output, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, expected));
  g_assert_nonnull (strstr (run.err, not_written));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

  g_remove (input);
  g_rmdir (dir);
  g_string_free (csv, TRUE);
}

/* A table past one of the model's limits used to import what fitted
 * (50,001 cards: a map without personas) and exit 0. */
static void
test_import_csv_limits (void)
{
  g_autofree char *message = NULL;

  message = g_strdup_printf ("the table has more than %d cards, the most Waymark holds",
                             WAYMARK_LIMIT_CARDS);
  assert_import_csv_refused (csv_table ("persona,phase,lane,text\r\n", WAYMARK_LIMIT_CARDS + 1,
                                        "P,X,Y,c%u"),
                             WAYMARK_LIMIT_CARDS + 2, message);
  g_clear_pointer (&message, g_free);

  message = g_strdup_printf ("the table has more than %d personas, the most Waymark holds",
                             WAYMARK_LIMIT_PERSONAS);
  assert_import_csv_refused (csv_table ("persona,phase,lane,text\r\n",
                                        WAYMARK_LIMIT_PERSONAS + 1, "P%u,X,Y,x"),
                             WAYMARK_LIMIT_PERSONAS + 2, message);
  g_clear_pointer (&message, g_free);

  message = g_strdup_printf ("the persona “P” has more than %d phases, the most Waymark holds",
                             WAYMARK_LIMIT_PHASES);
  assert_import_csv_refused (csv_table ("persona,phase,lane,text\r\n", WAYMARK_LIMIT_PHASES + 1,
                                        "P,F%u,Y,x"),
                             WAYMARK_LIMIT_PHASES + 2, message);
  g_clear_pointer (&message, g_free);

  message = g_strdup_printf ("the persona “P” has more than %d lanes, the most Waymark holds",
                             WAYMARK_LIMIT_LANES);
  assert_import_csv_refused (csv_table ("persona,phase,lane,text\r\n", WAYMARK_LIMIT_LANES + 1,
                                        "P,X,L%u,x"),
                             WAYMARK_LIMIT_LANES + 2, message);
  g_clear_pointer (&message, g_free);

  message = g_strdup_printf ("the table has more than %d tags, the most Waymark holds",
                             WAYMARK_LIMIT_TAGS);
  assert_import_csv_refused (csv_table ("persona,phase,lane,tags\r\n", WAYMARK_LIMIT_TAGS + 1,
                                        "P,X,Y,t%u"),
                             WAYMARK_LIMIT_TAGS + 2, message);
  g_clear_pointer (&message, g_free);

  {
    g_autofree char *text = g_strnfill (WAYMARK_LIMIT_TEXT_LENGTH + 1, 'x');
    GString *csv = g_string_new ("persona,phase,lane,text\r\nP,X,Y,");

    g_string_append (csv, text);
    message = g_strdup_printf ("the “text” cell is longer than %d KiB, the most Waymark holds "
                               "in one text", WAYMARK_LIMIT_TEXT_LENGTH / 1024);
    assert_import_csv_refused (csv, 2, message);
    g_clear_pointer (&message, g_free);
  }

  /* Not a limit, but the same silent loss: a NUL byte cut the text. */
  {
    static const char nul[] = "persona,phase,lane,text\r\nP,X,Y,before\0after\r\n";
    GString *csv = g_string_new_len (nul, sizeof nul - 1);

    assert_import_csv_refused (csv, 2, "the “text” cell (column 4) holds a NUL byte, which a "
                                       "document cannot store");
  }
}

/* At the limit, the table imports and the map opens again. */
static void
test_import_csv_at_limit (void)
{
  g_auto (Run) run = { 0 };
  g_auto (Run) validate = { 0 };
  g_autofree char *dir = g_dir_make_tmp ("waymark-test-cli-XXXXXX", NULL);
  g_autofree char *input = g_build_filename (dir, "table.csv", NULL);
  g_autofree char *output = g_build_filename (dir, "map.waymark", NULL);
  g_autofree char *ok = g_strdup_printf ("%s: ok\n", output);
  GString *csv = csv_table ("persona,phase,lane,text\r\n", WAYMARK_LIMIT_CARDS, "P,X,Y,c%u");

  g_assert_true (g_file_set_contents (input, csv->str, (gssize) csv->len, NULL));
  g_string_free (csv, TRUE);
  run_waymark (&run, "import-csv", input, "-o", output, NULL);
  g_assert_cmpint (run.status, ==, 0);
  run_waymark (&validate, "validate", output, NULL);
  g_assert_cmpint (validate.status, ==, 0);
  g_assert_cmpstr (validate.out, ==, ok);

  g_remove (input);
  g_remove (output);
  g_rmdir (dir);
}

/* The example through `export` to CSV and `import-csv` back: a map that
 * validates, with its recommendations, and the same table again. */
static void
test_import_csv_round_trip (void)
{
  g_auto (Run) export = { 0 };
  g_auto (Run) import = { 0 };
  g_auto (Run) validate = { 0 };
  g_auto (Run) again = { 0 };
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                    "levenslang-leren.waymark", NULL);
  g_autofree char *dir = g_dir_make_tmp ("waymark-test-cli-XXXXXX", NULL);
  g_autofree char *table = g_build_filename (dir, "study.csv", NULL);
  g_autofree char *map = g_build_filename (dir, "study.waymark", NULL);
  g_autofree char *table_again = g_build_filename (dir, "again.csv", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *saved = NULL;
  gsize first_length, second_length;

  run_waymark (&export, "export", "-o", table, example, NULL);
  g_assert_cmpint (export.status, ==, 0);
  run_waymark (&import, "import-csv", table, "-o", map, NULL);
  g_assert_cmpint (import.status, ==, 0);
  g_assert_cmpstr (import.err, ==, "");
  run_waymark (&validate, "validate", map, NULL);
  g_assert_cmpint (validate.status, ==, 0);
  g_assert_true (g_file_get_contents (map, &saved, NULL, NULL));
  g_assert_nonnull (strstr (saved, "<recommendations>"));
  g_assert_nonnull (strstr (saved, "<addresses card="));
  run_waymark (&again, "export", "-o", table_again, map, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_true (g_file_get_contents (table, &first, &first_length, NULL));
  g_assert_true (g_file_get_contents (table_again, &second, &second_length, NULL));
  g_assert_cmpmem (first, first_length, second, second_length);

  g_remove (table);
  g_remove (map);
  g_remove (table_again);
  g_rmdir (dir);
}

/* Writes @contents to @name in @dir; returns the path. */
static char *
write_in (const char *dir,
          const char *name,
          const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

/* A coding sheet made in Dutch, as a researcher writes one: Dutch headers
 * and synonyms (rij, citaat), lane kinds by Dutch label and singular, and
 * an interview number, which is ignored with a warning. The map is Dutch,
 * exports Dutch headers, and the exported sheet imports to the same map. */
static void
test_import_csv_dutch (void)
{
  g_auto (Run) run = { 0 };
  g_auto (Run) export = { 0 };
  g_auto (Run) again = { 0 };
  g_auto (Run) export_again = { 0 };
  g_autofree char *dir = g_dir_make_tmp ("waymark-test-cli-XXXXXX", NULL);
  g_autofree char *input = write_in (dir, "codering.csv",
                                     "Persona;Fase;Rij;Soort zwembaan;Tekst;Interview;Citaat\r\n"
                                     "Anna;Aanmelden;Wat ze doet;Activiteiten;Vult het formulier in;7;\r\n"
                                     "Anna;Aanmelden;Wat haar tegenhoudt;drempel;Formulier te lang;7;"
                                     "\"het duurde eeuwig\"\r\n"
                                     "Anna;Betalen;Wat ze denkt;Gedachten;Is dit veilig?;12;\r\n");
  g_autofree char *output = g_build_filename (dir, "kaart.waymark", NULL);
  g_autofree char *csv = g_build_filename (dir, "terug.csv", NULL);
  g_autofree char *output2 = g_build_filename (dir, "terug.waymark", NULL);
  g_autofree char *csv2 = g_build_filename (dir, "terug2.csv", NULL);
  g_autofree char *warning = g_strdup_printf ("%s:1: warning: the column “Interview” is not a "
                                              "Waymark column; it is ignored\n", input);
  g_autofree char *map = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *exported_again = NULL;

  run_waymark (&run, "import-csv", input, "-o", output, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, warning);
  map = read_text (output);
  g_assert_nonnull (strstr (map, "lang=\"nl\""));
  g_assert_nonnull (strstr (map, "name=\"Wat ze doet\" kind=\"actions\""));
  g_assert_nonnull (strstr (map, "name=\"Wat haar tegenhoudt\" kind=\"barriers\""));
  g_assert_nonnull (strstr (map, "name=\"Wat ze denkt\" kind=\"thoughts\""));
  g_assert_nonnull (strstr (map, "het duurde eeuwig"));

  run_waymark (&export, "export", output, "-o", csv, NULL);
  g_assert_cmpint (export.status, ==, 0);
  exported = read_text (csv);
  g_assert_true (g_str_has_prefix (exported, "\xEF\xBB\xBF" "persona,fase,fasevolgorde,zwembaan,"
                                             "soort zwembaan,volgorde,tekst,labels,score,label,"
                                             "bewijs,overspanning,ambitie,personakleur,"
                                             "schaal min,schaal max\r\n"));
  g_assert_nonnull (strstr (exported, "Formulier te lang,,,,het duurde eeuwig,"));

  run_waymark (&again, "import-csv", csv, "-o", output2, NULL);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_cmpstr (again.err, ==, "");
  run_waymark (&export_again, "export", output2, "-o", csv2, NULL);
  g_assert_cmpint (export_again.status, ==, 0);
  exported_again = read_text (csv2);
  g_assert_cmpstr (exported_again, ==, exported);

  g_remove (input);
  g_remove (output);
  g_remove (csv);
  g_remove (output2);
  g_remove (csv2);
  g_rmdir (dir);
}

/* An English sheet stays English: the map exports English headers. */
static void
test_import_csv_english_headers (void)
{
  g_auto (Run) run = { 0 };
  g_auto (Run) export = { 0 };
  g_autofree char *dir = g_dir_make_tmp ("waymark-test-cli-XXXXXX", NULL);
  g_autofree char *input = write_in (dir, "coding.csv",
                                     "persona,phase,lane,lane kind,text,source\r\n"
                                     "Anna,Sign up,Steps,Hefbomen,Short form,interview 3\r\n");
  g_autofree char *output = g_build_filename (dir, "map.waymark", NULL);
  g_autofree char *csv = g_build_filename (dir, "back.csv", NULL);
  g_autofree char *map = NULL;
  g_autofree char *exported = NULL;

  run_waymark (&run, "import-csv", input, "-o", output, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  map = read_text (output);
  g_assert_nonnull (strstr (map, "lang=\"en\""));
  g_assert_nonnull (strstr (map, "kind=\"levers\""));
  run_waymark (&export, "export", output, "-o", csv, NULL);
  g_assert_cmpint (export.status, ==, 0);
  exported = read_text (csv);
  g_assert_true (g_str_has_prefix (exported, "\xEF\xBB\xBF" "persona,phase,phase order,lane,"));
  g_assert_nonnull (strstr (exported, "Short form,,,,interview 3,"));

  g_remove (input);
  g_remove (output);
  g_remove (csv);
  g_rmdir (dir);
}

/* --columns says which header is which column; the other headers are
 * read by name, unknown ones ignored with a warning. */
static void
test_import_csv_columns (void)
{
  g_auto (Run) run = { 0 };
  g_autofree char *dir = g_dir_make_tmp ("waymark-test-cli-XXXXXX", NULL);
  g_autofree char *input = write_in (dir, "sheet.csv",
                                     "Wie,Stap,Baan,Wat,Nr\r\n"
                                     "Anna,Start,Doen,hallo,1\r\n");
  g_autofree char *output = g_build_filename (dir, "map.waymark", NULL);
  g_autofree char *warning = g_strdup_printf ("%s:1: warning: the column “Nr” is not a "
                                              "Waymark column; it is ignored\n", input);
  g_autofree char *map = NULL;

  /* Without the mapping, the sheet names no column Waymark needs. */
  run_waymark (&run, "import-csv", input, "-o", output, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "the header row has no “persona” column"));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
  run_clear (&run);

  /* "baan" is a synonym of lane, so "Baan" needs no mapping. */
  run_waymark (&run, "import-csv", input, "--columns", "persona=Wie,fase=stap,text=WAT,", "-o",
               output, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, warning);
  map = read_text (output);
  g_assert_nonnull (strstr (map, "name=\"Anna\""));
  g_assert_nonnull (strstr (map, "name=\"Start\""));
  g_assert_nonnull (strstr (map, "name=\"Doen\""));
  g_assert_nonnull (strstr (map, ">hallo<"));
  g_remove (output);
  run_clear (&run);

  /* A mapping to a header the sheet lacks, or to no column, is refused. */
  run_waymark (&run, "import-csv", input, "--columns",
               "persona=Wie,phase=Fase,lane=Baan,text=Wat,interview=Nr", "-o", output, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "error: the header row has no column “Fase” (mapped to "
                                     "“phase”)"));
  g_assert_nonnull (strstr (run.err, "error: “interview” is not a Waymark column"));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));

  g_remove (input);
  g_rmdir (dir);
}

/* `waymark export -o x.xlsx` and `waymark import x.xlsx` give the
 * document the CSV round trip gives, through the real program. */
static void
test_import_xlsx_round_trip (void)
{
  g_auto (Run) to_xlsx = { 0 };
  g_auto (Run) to_csv = { 0 };
  g_auto (Run) from_xlsx = { 0 };
  g_auto (Run) from_csv = { 0 };
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                    "levenslang-leren.waymark", NULL);
  g_autofree char *dir = g_dir_make_tmp ("waymark-test-cli-XXXXXX", NULL);
  g_autofree char *xlsx_dir = g_build_filename (dir, "xlsx", NULL);
  g_autofree char *csv_dir = g_build_filename (dir, "csv", NULL);
  g_autofree char *xlsx = g_build_filename (xlsx_dir, "study.xlsx", NULL);
  g_autofree char *csv = g_build_filename (csv_dir, "study.csv", NULL);
  g_autofree char *map_xlsx = g_build_filename (xlsx_dir, "study.waymark", NULL);
  g_autofree char *map_csv = g_build_filename (csv_dir, "study.waymark", NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_cmpint (g_mkdir (xlsx_dir, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (csv_dir, 0700), ==, 0);
  run_waymark (&to_xlsx, "export", "-o", xlsx, example, NULL);
  g_assert_cmpint (to_xlsx.status, ==, 0);
  run_waymark (&to_csv, "export", "-o", csv, example, NULL);
  g_assert_cmpint (to_csv.status, ==, 0);
  /* The new name, and the old one, which reads xlsx too. */
  run_waymark (&from_xlsx, "import", xlsx, "-o", map_xlsx, NULL);
  g_assert_cmpint (from_xlsx.status, ==, 0);
  g_assert_cmpstr (from_xlsx.err, ==, "");
  run_waymark (&from_csv, "import-csv", csv, "-o", map_csv, NULL);
  g_assert_cmpint (from_csv.status, ==, 0);

  first = read_text (map_xlsx);
  second = read_text (map_csv);
  g_assert_cmpstr (first, ==, second);

  g_remove (xlsx);
  g_remove (csv);
  g_remove (map_xlsx);
  g_remove (map_csv);
  g_rmdir (xlsx_dir);
  g_rmdir (csv_dir);
  g_rmdir (dir);
}

/* A sheet by name, a missing sheet, and an export into a missing folder:
 * the errors say where, and nothing is written. */
static void
test_import_sheets (void)
{
  g_auto (Run) named = { 0 };
  g_auto (Run) missing = { 0 };
  g_auto (Run) not_zip = { 0 };
  g_auto (Run) no_dir = { 0 };
  g_autofree char *ods = g_test_build_filename (G_TEST_DIST, "data", "sheets", "dutch.ods", NULL);
  g_autofree char *fake = g_test_build_filename (G_TEST_DIST, "data", "sheets", "not-a-zip.xlsx",
                                                 NULL);
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                    "levenslang-leren.waymark", NULL);
  g_autofree char *dir = g_dir_make_tmp ("waymark-test-cli-XXXXXX", NULL);
  g_autofree char *map = g_build_filename (dir, "map.waymark", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "missing", "map.xlsx", NULL);

  run_waymark (&named, "import-csv", "--sheet", "Codering", ods, "-o", map, NULL);
  g_assert_cmpint (named.status, ==, 0);
  g_assert_true (g_file_test (map, G_FILE_TEST_IS_REGULAR));
  g_remove (map);

  run_waymark (&missing, "import", "--sheet", "Missing", ods, "-o", map, NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "dutch.ods: error: the workbook has no sheet “Missing” "
                                         "(it has “Notities”, “Codering”)"));
  g_assert_false (g_file_test (map, G_FILE_TEST_EXISTS));

  run_waymark (&not_zip, "import", fake, "-o", map, NULL);
  g_assert_cmpint (not_zip.status, ==, 1);
  g_assert_nonnull (strstr (not_zip.err, "not-a-zip.xlsx: error: the file is not a zip archive"));
  g_assert_false (g_file_test (map, G_FILE_TEST_EXISTS));

  run_waymark (&no_dir, "export", "-o", nowhere, example, NULL);
  g_assert_cmpint (no_dir.status, ==, 1);
  g_assert_nonnull (strstr (no_dir.err, "waymark export:"));
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_validate_usage (void)
{
  g_auto (Run) none = { 0 };
  g_auto (Run) bogus = { 0 };
  g_auto (Run) help = { 0 };

  run_waymark (&none, "validate", NULL);
  g_assert_cmpint (none.status, ==, 2);
  g_assert_cmpstr (none.out, ==, "");
  g_assert_nonnull (strstr (none.err, "no files given"));
  g_assert_nonnull (strstr (none.err, "Usage: waymark validate"));

  run_waymark (&bogus, "validate", "--frobnicate", "x.waymark", NULL);
  g_assert_cmpint (bogus.status, ==, 2);
  g_assert_nonnull (strstr (bogus.err, "unknown option “--frobnicate”"));

  run_waymark (&help, "validate", "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_true (g_str_has_prefix (help.out, "Usage: waymark validate"));
}

/* "--" ends the options: what follows is a file, whatever it looks like. */
static void
test_end_of_options (void)
{
  g_auto (Run) valid = { 0 };
  g_auto (Run) help = { 0 };
  g_autofree char *path = fixture_path ("valid.waymark");
  g_autofree char *ok = g_strdup_printf ("%s: ok\n", path);

  run_waymark (&valid, "validate", "--", path, NULL);
  g_assert_cmpint (valid.status, ==, 0);
  g_assert_cmpstr (valid.out, ==, ok);

  run_waymark (&help, "validate", "--", "--help", NULL);
  g_assert_cmpint (help.status, ==, 1);
  g_assert_cmpstr (help.out, ==, "--help: error: no such file\n");
}

/* What the option parser itself refuses is a usage error too. */
static void
test_option_parser_error (void)
{
  g_auto (Run) run = { 0 };

  /* -o takes the next argument, not the rest of "-ox", so it has none. */
  run_waymark (&run, "import-csv", "in.csv", "-ox", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (run.err, "waymark import-csv: "));
  g_assert_nonnull (strstr (run.err, "Usage: waymark import-csv"));
}

static void
test_version_and_help (void)
{
  g_auto (Run) version = { 0 };
  g_auto (Run) help = { 0 };
  g_auto (Run) short_help = { 0 };

  run_waymark (&version, "--version", NULL);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_true (g_str_has_prefix (version.out, "waymark "));

  run_waymark (&help, "--help", NULL);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "validate"));
  g_assert_nonnull (strstr (help.out, "fmt"));

  run_waymark (&short_help, "-h", NULL);
  g_assert_cmpint (short_help.status, ==, 0);
  g_assert_cmpstr (short_help.out, ==, help.out);
}

/* An option the editor does not know is a usage error (2), as for the
 * commands, never GApplication's own refusal (1); nothing opens. */
static void
test_unknown_option (void)
{
  g_auto (Run) bogus = { 0 };
  g_auto (Run) short_option = { 0 };

  run_waymark (&bogus, "--bogus", NULL);
  g_assert_cmpint (bogus.status, ==, 2);
  g_assert_nonnull (strstr (bogus.err, "unknown option “--bogus”"));
  g_assert_nonnull (strstr (bogus.err, "waymark --help"));

  run_waymark (&short_option, "map.waymark", "-x", NULL);
  g_assert_cmpint (short_option.status, ==, 2);
  g_assert_nonnull (strstr (short_option.err, "“-x”"));
}

/* The manual page (docs/waymark.1) names every option each command's
 * --help lists, so the two cannot drift apart. */
static void
test_man_page_options (void)
{
  static const char *const commands[] = { "validate", "fmt", "export", "import", "import-csv" };
  g_autofree char *path = g_build_filename (g_getenv ("WAYMARK_SOURCE_ROOT"), "docs",
                                            "waymark.1", NULL);
  g_autofree char *man = NULL;
  g_autoptr (GRegex) option = g_regex_new ("(?<![\\w-])--[a-z][a-z-]*", 0, 0, NULL);

  g_assert_true (g_file_get_contents (path, &man, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto (Run) help = { 0 };
      g_autoptr (GMatchInfo) match = NULL;
      g_autofree char *in_man = NULL;

      run_waymark (&help, commands[i], "--help", NULL);
      g_assert_cmpint (help.status, ==, 0);
      /* Each command has its entry under COMMANDS. */
      in_man = g_strdup_printf (".BI %s", g_str_equal (commands[i], "import-csv") ? "import\\-csv"
                                                                                : commands[i]);
      g_assert_nonnull (strstr (man, in_man));
      for (g_regex_match (option, help.out, 0, &match); g_match_info_matches (match);
           g_match_info_next (match, NULL))
        {
          g_autofree char *name = g_match_info_fetch (match, 0);
          g_auto (GStrv) parts = g_strsplit (name, "-", -1);
          g_autofree char *escaped = g_strjoinv ("\\-", parts);

          if (strstr (man, escaped) == NULL)
            g_error ("docs/waymark.1 does not mention %s of “waymark %s”", name, commands[i]);
        }
    }
}

static void
test_fmt_check_canonical (void)
{
  g_auto (Run) run = { 0 };
  g_autofree char *path = fixture_path ("valid.waymark");

  run_waymark (&run, "fmt", "--check", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_fmt_check_non_canonical (void)
{
  g_auto (Run) run = { 0 };
  char *dir = NULL;
  char *path = copy_fixture ("non-canonical.waymark", &dir);
  g_autofree char *valid = fixture_path ("valid.waymark");
  g_autofree char *before = read_text (path);
  g_autofree char *after = NULL;
  g_autofree char *expected = g_strdup_printf ("%s\n", path);

  run_waymark (&run, "fmt", "--check", valid, path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, expected);

  /* --check changes nothing. */
  after = read_text (path);
  g_assert_cmpstr (before, ==, after);
  remove_copy (path, dir);
}

static void
test_fmt_rewrites (void)
{
  g_auto (Run) run = { 0 };
  g_auto (Run) check = { 0 };
  char *dir = NULL;
  char *path = copy_fixture ("non-canonical.waymark", &dir);
  g_autofree char *valid = fixture_path ("valid.waymark");
  g_autofree char *canonical = read_text (valid);
  g_autofree char *after = NULL;

  run_waymark (&run, "fmt", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  after = read_text (path);
  /* valid.waymark is the canonical form of non-canonical.waymark. */
  g_assert_cmpstr (after, ==, canonical);

  run_waymark (&check, "fmt", "--check", path, NULL);
  g_assert_cmpint (check.status, ==, 0);
  remove_copy (path, dir);
}

static void
test_fmt_leaves_canonical_alone (void)
{
  g_auto (Run) run = { 0 };
  char *dir = NULL;
  char *path = copy_fixture ("valid.waymark", &dir);
  GStatBuf before, after;

  /* A rewrite goes through a new file and a rename, so an untouched file
   * keeps its inode. */
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  run_waymark (&run, "fmt", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, ==, after.st_ino);
  remove_copy (path, dir);
}

static void
test_fmt_invalid (void)
{
  g_auto (Run) run = { 0 };
  char *dir = NULL;
  char *path = copy_fixture ("duplicate-ids.waymark", &dir);
  g_autofree char *before = read_text (path);
  g_autofree char *after = NULL;
  g_autofree char *expected = g_strdup_printf ("%s:9:1: error: duplicate id “phase-1”", path);

  run_waymark (&run, "fmt", path, NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, expected));
  after = read_text (path);
  g_assert_cmpstr (before, ==, after);
  remove_copy (path, dir);
}

static void
test_fmt_usage (void)
{
  g_auto (Run) run = { 0 };

  run_waymark (&run, "fmt", "--check", NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "Usage: waymark fmt [--check] FILE…"));
}

/* "-" as the input reads standard input: validate names it "<stdin>" in
 * its messages, export writes what the file would give, fmt is a filter,
 * and more than the file size limit is refused. */
static void
test_stdin (void)
{
  g_autofree char *example = g_test_build_filename (G_TEST_DIST, "..", "data", "examples",
                                                    "levenslang-leren.waymark", NULL);
  g_autofree char *broken = fixture_path ("dtd-after-broken-declaration.waymark");
  g_autofree char *dir = g_dir_make_tmp ("waymark-test-cli-XXXXXX", NULL);
  g_autofree char *from_file = g_build_filename (dir, "file.svg", NULL);
  g_autofree char *from_stdin = g_build_filename (dir, "stdin.svg", NULL);
  g_autofree char *huge = g_build_filename (dir, "huge.waymark", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  gsize a_length, b_length;

  {
    g_auto (Run) run = { 0 };

    run_waymark_with_stdin (&run, example, "validate", "-", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (run.out, ==, "<stdin>: ok\n");
  }
  {
    g_auto (Run) run = { 0 };

    /* Located as in a file. */
    run_waymark_with_stdin (&run, broken, "validate", "-", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_true (g_str_has_prefix (run.out, "<stdin>:1:"));
  }
  {
    g_auto (Run) file_run = { 0 };
    g_auto (Run) stdin_run = { 0 };

    run_waymark (&file_run, "export", "--persona", "job", "-o", from_file, example, NULL);
    run_waymark_with_stdin (&stdin_run, example, "export", "--persona", "job", "-o", from_stdin,
                            "-", NULL);
    g_assert_cmpint (file_run.status, ==, 0);
    g_assert_cmpint (stdin_run.status, ==, 0);
    g_assert_true (g_file_get_contents (from_file, &a, &a_length, NULL));
    g_assert_true (g_file_get_contents (from_stdin, &b, &b_length, NULL));
    g_assert_cmpmem (a, a_length, b, b_length);
  }
  {
    g_auto (Run) run = { 0 };

    /* The example is canonical: fmt passes it through unchanged. */
    run_waymark_with_stdin (&run, example, "fmt", "-", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (g_file_get_contents (example, &expected, NULL, NULL));
    g_assert_cmpstr (run.out, ==, expected);
  }
  {
    g_auto (Run) run = { 0 };
    g_autofree char *zeros = g_malloc0 (9 * 1024 * 1024);

    g_assert_true (g_file_set_contents (huge, zeros, 9 * 1024 * 1024, NULL));
    run_waymark_with_stdin (&run, huge, "validate", "-", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.out, "<stdin>: error: the file is larger than 8 MiB"));
  }

  {
    g_auto (Run) export = { 0 };
    g_auto (Run) import = { 0 };
    g_autofree char *table = g_build_filename (dir, "cards.xlsx", NULL);
    g_autofree char *map = g_build_filename (dir, "study.waymark", NULL);
    g_autofree char *saved = NULL;
    g_auto (Run) validate = { 0 };

    /* import takes a spreadsheet on standard input too, by its content,
     * and names the map after the file it writes. */
    run_waymark (&export, "export", "-o", table, example, NULL);
    g_assert_cmpint (export.status, ==, 0);
    run_waymark_with_stdin (&import, table, "import", "-o", map, "-", NULL);
    g_assert_cmpint (import.status, ==, 0);
    run_waymark (&validate, "validate", map, NULL);
    g_assert_cmpint (validate.status, ==, 0);
    g_assert_true (g_file_get_contents (map, &saved, NULL, NULL));
    g_assert_nonnull (strstr (saved, "<title>study</title>"));
    g_assert_nonnull (strstr (saved, "name=\"De maatschappelijke meetrekker\""));
    g_remove (table);
    g_remove (map);
  }

  g_remove (from_file);
  g_remove (from_stdin);
  g_remove (huge);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (argc < 2)
    {
      g_printerr ("usage: %s PATH-TO-WAYMARK\n", argv[0]);
      return 2;
    }
  waymark_path = argv[1];

  g_test_add_func ("/cli/validate/ok", test_validate_ok);
  g_test_add_func ("/cli/validate/errors", test_validate_errors);
  g_test_add_func ("/cli/validate/hostile", test_validate_hostile);
  g_test_add_func ("/cli/validate/many-attributes", test_validate_many_attributes);
  g_test_add_func ("/cli/validate/markup-limits", test_validate_markup_limits);
  g_test_add_func ("/cli/validate/missing-file", test_validate_missing_file);
  g_test_add_func ("/cli/import-csv/missing-file", test_import_csv_missing_file);
  g_test_add_func ("/cli/import-csv/limits", test_import_csv_limits);
  g_test_add_func ("/cli/import-csv/at-limit", test_import_csv_at_limit);
  g_test_add_func ("/cli/import-csv/round-trip", test_import_csv_round_trip);
  g_test_add_func ("/cli/import-csv/dutch", test_import_csv_dutch);
  g_test_add_func ("/cli/import-csv/english-headers", test_import_csv_english_headers);
  g_test_add_func ("/cli/import-csv/columns", test_import_csv_columns);
  g_test_add_func ("/cli/import/xlsx-round-trip", test_import_xlsx_round_trip);
  g_test_add_func ("/cli/import/sheets", test_import_sheets);
  g_test_add_func ("/cli/validate/usage", test_validate_usage);
  g_test_add_func ("/cli/stdin", test_stdin);
  g_test_add_func ("/cli/end-of-options", test_end_of_options);
  g_test_add_func ("/cli/option-parser-error", test_option_parser_error);
  g_test_add_func ("/cli/version-and-help", test_version_and_help);
  g_test_add_func ("/cli/unknown-option", test_unknown_option);
  g_test_add_func ("/cli/man-page-options", test_man_page_options);
  g_test_add_func ("/cli/fmt/check-canonical", test_fmt_check_canonical);
  g_test_add_func ("/cli/fmt/check-non-canonical", test_fmt_check_non_canonical);
  g_test_add_func ("/cli/fmt/rewrites", test_fmt_rewrites);
  g_test_add_func ("/cli/fmt/leaves-canonical-alone", test_fmt_leaves_canonical_alone);
  g_test_add_func ("/cli/fmt/invalid", test_fmt_invalid);
  g_test_add_func ("/cli/fmt/usage", test_fmt_usage);

  return g_test_run ();
}
