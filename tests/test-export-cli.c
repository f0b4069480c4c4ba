/* test-export-cli.c: `waymark export`, its successes and every error path
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "test-render-fixtures.h"
#include "waymark-catalog.h"
#include "waymark-format.h"
#include "waymark-report.h"

static char *tmp_dir;
static char *example;
/* SOURCE_DATE_EPOCH for the next run_export (), when set. */
static const char *source_date_epoch;

typedef struct {
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *result)
{
  g_free (result->out);
  g_free (result->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

/* Runs `waymark export ARGS…` headless: no display, no session bus.
 * @args is NULL-terminated. */
static void
run_export_argv (Result             *result,
                 const char * const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) envp = g_get_environ ();
  const char *exe = g_getenv ("WAYMARK_EXE");
  int wait_status;

  g_assert_nonnull (exe);
  envp = g_environ_unsetenv (envp, "DISPLAY");
  envp = g_environ_unsetenv (envp, "WAYLAND_DISPLAY");
  envp = g_environ_setenv (envp, "LANG", "C.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "LANGUAGE", "C", TRUE);
  envp = g_environ_unsetenv (envp, "SOURCE_DATE_EPOCH");
  if (source_date_epoch != NULL)
    envp = g_environ_setenv (envp, "SOURCE_DATE_EPOCH", source_date_epoch, TRUE);

  g_ptr_array_add (argv, (gpointer) exe);
  g_ptr_array_add (argv, (gpointer) "export");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  memset (result, 0, sizeof *result);
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, &result->out,
                &result->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);
}

/* The same, with the arguments up to a NULL. */
static G_GNUC_NULL_TERMINATED void
run_export (Result     *result,
            const char *first,
            ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  run_export_argv (result, (const char * const *) args->pdata);
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static gboolean
need_example (void)
{
  if (g_file_test (example, G_FILE_TEST_EXISTS))
    return TRUE;
  g_test_skip ("the example document is not there");
  return FALSE;
}

static void
test_ok_formats (void)
{
  const char *names[] = { "cli.pdf", "cli.svg", "cli.png" };

  if (!need_example ())
    return;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *out = tmp_path (names[i]);
      g_auto (Result) r;

      run_export (&r, "-o", out, example, NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
      /* SVG and PNG hold one persona: say which when there are several. */
      if (i > 0)
        g_assert_nonnull (strstr (r.err, "note:"));
      else
        g_assert_cmpstr (r.err, ==, "");
    }
}

static void
test_ok_options (void)
{
  g_autofree char *out = tmp_path ("options.pdf");
  g_autofree char *png = tmp_path ("options.png");
  g_autofree char *noext = tmp_path ("options-output");
  g_auto (Result) a;
  g_auto (Result) b;
  g_auto (Result) c;
  g_auto (Result) d;

  if (!need_example ())
    return;
  run_export (&a, "--format", "pdf", "--persona", "De jobversterker", "--paper", "a3",
              "--orientation", "portrait", "-o", out, example, NULL);
  g_assert_cmpint (a.status, ==, 0);
  run_export (&b, "--persona=loopbaan", "--scale=0.5", "--transparent", "--output", png,
              example, NULL);
  g_assert_cmpint (b.status, ==, 0);
  g_assert_cmpstr (b.err, ==, "");
  /* --format wins over (here: the lack of) an extension. */
  run_export (&c, "-f", "SVG", "-o", noext, example, NULL);
  g_assert_cmpint (c.status, ==, 0);
  g_assert_true (g_file_test (noext, G_FILE_TEST_IS_REGULAR));
  run_export (&d, "--help", NULL);
  g_assert_cmpint (d.status, ==, 0);
  g_assert_nonnull (strstr (d.out, "--persona"));
}

typedef struct {
  const char *args[8];
  int         status;
  const char *message;   /* in stderr */
} ErrorCase;

static void
test_usage_errors (void)
{
  g_autofree char *out = tmp_path ("usage.pdf");
  const ErrorCase cases[] = {
    { { "--format", "bmp", "-o", out, example }, 2, "unknown format" },
    { { "-o", "map.xyz", example }, 2, "cannot tell the format" },
    { { "--frobnicate", "-o", out, example }, 2, "unknown option" },
    { { example }, 2, "no output file" },
    { { "-o", out }, 2, "no input file" },
    { { "-o", out, example, example }, 2, "more than one input" },
    { { "--scale", "abc", "-o", out, example }, 2, "invalid scale" },
    { { "--scale", "-1", "-o", out, example }, 2, "invalid scale" },
    { { "--paper", "b5", "-o", out, example }, 2, "unknown paper" },
    { { "--orientation", "diagonal", "-o", out, example }, 2, "unknown orientation" },
    { { "-o", out, example, "--persona" }, 2, "needs a value" },
    { { "-o", "{persona}.csv", example }, 2, "one file per persona" },
    { { "--overview", "-o", "{persona}.svg", example }, 2, "one file per persona" },
    { { "--recommendations", "-o", "{persona}.pdf", example }, 2, "one file per persona" },
    { { "--recommendations", "--overview", "-o", out, example }, 2, "--recommendations exports" },
    { { "--recommendations", "--no-overview", "-o", out, example }, 2,
      "--recommendations exports" },
    { { "--recommendations", "--persona", "job", "-o", out, example }, 2,
      "--recommendations exports" },
    { { "--recommendations", "-o", "recs.csv", example }, 2, "CSV holds the whole document" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (Result) r;
      const char *const *a = cases[i].args;

      run_export (&r, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], NULL);
      if (r.status != cases[i].status || strstr (r.err, cases[i].message) == NULL)
        g_error ("case %u: exit %d, stderr: %s", i, r.status, r.err);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
}

static void
test_failures (void)
{
  g_autofree char *out = tmp_path ("fail.pdf");
  g_autofree char *broken = tmp_path ("broken.waymark");
  g_autofree char *missing_dir = tmp_path ("no/such/dir/map.pdf");
  g_autofree char *missing_input = tmp_path ("no-such-file.waymark");
  g_auto (Result) a;
  g_auto (Result) b;
  g_auto (Result) c;
  g_auto (Result) d;
  g_autoptr (GRegex) location = g_regex_new ("broken\\.waymark:[0-9]+:[0-9]+: ", 0, 0, NULL);

  if (!need_example ())
    return;

  /* Persona not found. */
  run_export (&a, "--persona", "Niemand", "-o", out, example, NULL);
  g_assert_cmpint (a.status, ==, 1);
  g_assert_cmpstr (a.err, ==, "waymark export: no persona with id or name “Niemand”\n");
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  /* Unreadable input: the loader's FILE:LINE:COL message. */
  g_assert_true (g_file_set_contents (broken,
                                      "<?xml version=\"1.0\"?>\n"
                                      "<waymark xmlns=\"urn:waymark:document\" version=\"1\">\n"
                                      "  <title>Kapot</titel>\n"
                                      "</waymark>\n", -1, NULL));
  run_export (&b, "-o", out, broken, NULL);
  g_assert_cmpint (b.status, ==, 1);
  if (!g_regex_match (location, b.err, 0, NULL))
    g_error ("no FILE:LINE:COL in: %s", b.err);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  run_export (&c, "-o", out, missing_input, NULL);
  g_assert_cmpint (c.status, ==, 1);
  /* The same line as validate and import-csv print. */
  {
    g_autofree char *expected = g_strdup_printf ("%s: error: no such file\n", missing_input);

    g_assert_cmpstr (c.err, ==, expected);
  }

  /* Unwritable output. */
  run_export (&d, "-o", missing_dir, example, NULL);
  g_assert_cmpint (d.status, ==, 1);
  g_assert_nonnull (strstr (d.err, "waymark export: cannot write"));
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));
}

/* -o 'DIR/{persona}.EXT': one file per persona, in each format, each
 * the file `--persona ID -o FILE` writes. */
static void
test_each_persona (void)
{
  static const char * const ids[] = { "loopbaan", "job", "vrijetijd", "organisatie",
                                      "maatschappij" };
  static const char * const extensions[] = { "svg", "png", "pdf" };

  if (!need_example ())
    return;
  for (guint e = 0; e < G_N_ELEMENTS (extensions); e++)
    {
      g_autofree char *dir = tmp_path (extensions[e]);
      g_autofree char *template = g_strdup_printf ("%s/{persona}.%s", dir, extensions[e]);
      g_autofree char *single = g_strdup_printf ("%s/single.%s", dir, extensions[e]);
      g_auto (Result) all;
      g_auto (Result) one;
      g_autoptr (GDir) listing = NULL;
      guint n_files = 0;

      g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
      run_export (&all, "-o", template, example, NULL);
      g_assert_cmpint (all.status, ==, 0);
      g_assert_cmpstr (all.err, ==, "");
      listing = g_dir_open (dir, 0, NULL);
      while (g_dir_read_name (listing) != NULL)
        n_files++;
      g_assert_cmpuint (n_files, ==, G_N_ELEMENTS (ids));

      run_export (&one, "--persona", "vrijetijd", "-o", single, example, NULL);
      g_assert_cmpint (one.status, ==, 0);
      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        {
          g_autofree char *path = g_strdup_printf ("%s/%s.%s", dir, ids[i], extensions[e]);
          g_autofree char *contents = NULL;
          g_autofree char *expected = NULL;
          gsize length, expected_length;

          g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
          if (strcmp (ids[i], "vrijetijd") != 0 || strcmp (extensions[e], "pdf") == 0)
            continue;
          /* PDFs carry their creation time; SVG and PNG are the same bytes. */
          g_assert_true (g_file_get_contents (single, &expected, &expected_length, NULL));
          g_assert_cmpmem (contents, length, expected, expected_length);
        }
    }

  /* With --persona, only that one. */
  {
    g_autofree char *dir = tmp_path ("one");
    g_autofree char *template = g_strdup_printf ("%s/map-{persona}.svg", dir);
    g_autofree char *expected = g_strdup_printf ("%s/map-job.svg", dir);
    g_auto (Result) r;
    g_autoptr (GDir) listing = NULL;
    guint n_files = 0;

    g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
    run_export (&r, "--persona", "De jobversterker", "-o", template, example, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
    listing = g_dir_open (dir, 0, NULL);
    while (g_dir_read_name (listing) != NULL)
      n_files++;
    g_assert_cmpuint (n_files, ==, 1);
  }
}

static void
assert_has_text (const char *squeezed,
                 const char *text,
                 const char *what)
{
  g_autofree char *wanted = fixture_squeeze (text);

  if (strstr (squeezed, wanted) == NULL)
    g_error ("%s “%s” is not in the export", what, text);
}

/* How many times @needle is in @haystack. */
static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* --recommendations writes the section alone, in every format: in a PDF
 * on A4 pages with an outline, every recommendation with its domain,
 * owner and status, and the traceability table naming, by their text,
 * the cards each one addresses; a full PDF ends with it, after the
 * persona pages. */
static void
test_recommendations (void)
{
  g_autofree char *pdf = tmp_path ("recs.pdf");
  g_autofree char *svg = tmp_path ("recs.svg");
  g_autofree char *png = tmp_path ("recs.png");
  g_autofree char *full = tmp_path ("full.pdf");
  g_autofree char *one = tmp_path ("one.pdf");
  g_autoptr (GFile) file = NULL;
  g_autoptr (WaymarkDocument) document = NULL;
  g_autoptr (WaymarkReport) report = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *recommendations;
  GPtrArray *domains;
  const char *language;
  guint n_section, n_personas;
  g_auto (Result) r;

  if (!need_example ())
    return;
  file = g_file_new_for_path (example);
  document = waymark_format_load_file (file, &error);
  g_assert_no_error (error);
  recommendations = waymark_document_get_recommendations (document);
  domains = waymark_document_get_domains (document);
  language = waymark_document_get_language (document);
  n_personas = waymark_document_get_n_personas (document);
  g_assert_cmpuint (recommendations->len, >, 0);
  /* The list and the table, then the matrix. */
  report = waymark_report_new (document, NULL);
  n_section = waymark_report_get_n_pages (report) + 1;
  g_assert_cmpuint (n_section, >=, 3);

  run_export (&r, "--recommendations", "-o", pdf, example, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  {
    g_autofree char *info = fixture_run_tool (NULL, "pdfinfo", "-f", "1", "-l", "999", pdf, NULL);
    g_autofree char *pages = g_strdup_printf ("Pages:           %u\n", n_section);
    g_autofree char *text = NULL;
    g_autofree char *squeezed = NULL;
    g_autofree char *outline = NULL;
    g_autofree char *last = g_strdup_printf ("%u/%u", n_section, n_section);
    g_autofree char *entry = g_strdup_printf ("\"title\": \"%s\"",
                                              waymark_catalog_gettext (language,
                                                                       "Recommendations"));

    if (info == NULL)
      return;
    g_assert_nonnull (strstr (info, pages));
    /* Every page A4 landscape, the matrix's too. */
    g_assert_cmpuint (count (info, "size:  841.89 x 595.276 pts (A4)"), ==, n_section);

    text = fixture_run_tool (NULL, "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-", NULL);
    squeezed = fixture_squeeze (text);
    for (guint i = 0; i < domains->len; i++)
      assert_has_text (squeezed, ((WaymarkDomain *) g_ptr_array_index (domains, i))->name,
                       "domain");
    for (guint i = 0; i < recommendations->len; i++)
      {
        WaymarkRecommendation *recommendation = g_ptr_array_index (recommendations, i);

        assert_has_text (squeezed, recommendation->title, "recommendation");
        assert_has_text (squeezed, recommendation->owner, "owner");
        assert_has_text (squeezed, waymark_status_get_label_in (recommendation->status, language),
                         "status");
        for (guint c = 0; recommendation->cards[c] != NULL; c++)
          {
            WaymarkCard *card = (WaymarkCard *) waymark_document_lookup (document,
                                                                         recommendation->cards[c]);

            assert_has_text (squeezed, card->text, "addressed card");
          }
      }
    /* The section's own words, in the document's language. */
    assert_has_text (squeezed, waymark_catalog_gettext (language, "Traceability"), "heading");
    assert_has_text (squeezed, waymark_catalog_gettext (language, "Priority matrix"), "heading");
    /* Numbered within the section: "1 / 5" … "5 / 5". */
    assert_has_text (squeezed, last, "page number");

    outline = fixture_run_tool (NULL, "qpdf", "--json", "--json-key=outlines", pdf, NULL);
    if (outline == NULL)
      return;
    /* One entry per part; a part's further pages have none. */
    g_assert_cmpuint (count (outline, "\"title\": "), ==, 3);
    g_assert_nonnull (strstr (outline, entry));
  }

  /* SVG and PNG: the parts one below the other, one file, no notice. */
  {
    g_auto (Result) s;
    g_auto (Result) p;
    g_autofree char *contents = NULL;
    gsize length;

    run_export (&s, "--recommendations", "-o", svg, example, NULL);
    g_assert_cmpint (s.status, ==, 0);
    g_assert_cmpstr (s.err, ==, "");
    g_assert_true (g_file_get_contents (svg, &contents, &length, NULL));
    g_assert_cmpuint (count (contents, "class=\"recommendation\""), ==, recommendations->len);
    g_assert_cmpuint (count (contents, "class=\"traceability-row\""), ==, recommendations->len);
    g_assert_cmpuint (count (contents, "class=\"domain\""), ==, domains->len);
    g_assert_cmpuint (count (contents, "class=\"priority-matrix\""), ==, 1);
    g_clear_pointer (&contents, g_free);

    run_export (&p, "--recommendations", "--scale", "1", "-o", png, example, NULL);
    g_assert_cmpint (p.status, ==, 0);
    g_assert_cmpstr (p.err, ==, "");
    g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 24);
    g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
    /* IHDR: the width of an A4 landscape page at 72 dpi. */
    g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (contents + 16)), ==, 842);
  }

  /* A full PDF: the overview, the maps, then the section; one persona
   * alone has none of it. */
  {
    g_auto (Result) f;
    g_auto (Result) o;
    g_autofree char *info = NULL;
    g_autofree char *pages = g_strdup_printf ("Pages:           %u\n",
                                              1 + n_personas + n_section);

    run_export (&f, "-o", full, example, NULL);
    g_assert_cmpint (f.status, ==, 0);
    info = fixture_run_tool (NULL, "pdfinfo", full, NULL);
    g_assert_nonnull (strstr (info, pages));
    g_clear_pointer (&info, g_free);

    run_export (&o, "--persona", "job", "-o", one, example, NULL);
    g_assert_cmpint (o.status, ==, 0);
    info = fixture_run_tool (NULL, "pdfinfo", one, NULL);
    g_assert_nonnull (strstr (info, "Pages:           1\n"));
  }

  /* A document without recommendations has no section to write. */
  {
    const char *root = g_getenv ("WAYMARK_SOURCE_ROOT");
    g_autofree char *plain = g_build_filename (root != NULL ? root : ".", "tests", "data",
                                               "valid.waymark", NULL);
    g_autofree char *nothing = tmp_path ("nothing.pdf");
    g_auto (Result) e;

    run_export (&e, "--recommendations", "-o", nothing, plain, NULL);
    g_assert_cmpint (e.status, ==, 1);
    g_assert_nonnull (strstr (e.err, "no recommendations"));
    g_assert_false (g_file_test (nothing, G_FILE_TEST_EXISTS));
  }
}

/* `-o -` writes the export to standard output, in every format. */
static void
test_stdout (void)
{
  static const struct {
    const char *format;
    const char *magic;
  } cases[] = {
    { "pdf", "%PDF-" },
    { "svg", "<?xml" },
    { "png", "\x89PNG" },
    { "csv", "\xef\xbb\xbfpersona," },
  };
  g_auto (Result) bare = { 0 };

  if (!need_example ())
    return;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (Result) r;

      /* One persona, so no note on stderr; CSV is always everything. */
      if (strcmp (cases[i].format, "csv") == 0)
        run_export (&r, "--format", "csv", "-o", "-", example, NULL);
      else
        run_export (&r, "--format", cases[i].format, "--persona", "job", "-o", "-", example,
                    NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpstr (r.err, ==, "");
      if (!g_str_has_prefix (r.out, cases[i].magic))
        g_error ("%s on stdout does not start with its magic", cases[i].format);
    }
  /* No file name to take the format from. */
  run_export (&bare, "-o", "-", example, NULL);
  g_assert_cmpint (bare.status, ==, 2);
  g_assert_nonnull (strstr (bare.err, "--format"));
  g_assert_cmpstr (bare.out, ==, "");
}

/* The number of pages of the PDF @pdf (cairo writes one "/Type /Page"
 * object per page). */
static guint
count_pdf_pages (const char *pdf,
                 gsize       length)
{
  static const char needle[] = "/Type /Page";
  gsize n_needle = strlen (needle);
  guint n = 0;

  for (gsize i = 0; i + n_needle < length; i++)
    if (memcmp (pdf + i, needle, n_needle) == 0 && pdf[i + n_needle] != 's')
      n++;
  return n;
}

/* Exports the example to the PDF @out with the options given (up to a
 * NULL) and returns its number of pages. */
static G_GNUC_NULL_TERMINATED guint
export_pdf_pages (const char *out,
                  ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autofree char *text = NULL;
  gsize length = 0;
  va_list ap;

  va_start (ap, out);
  for (const char *arg = va_arg (ap, const char *); arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, (gpointer) "-o");
  g_ptr_array_add (args, (gpointer) out);
  g_ptr_array_add (args, (gpointer) example);
  g_ptr_array_add (args, NULL);
  {
    g_auto (Result) r = { 0 };

    run_export_argv (&r, (const char * const *) args->pdata);
    g_assert_cmpint (r.status, ==, 0);
  }
  g_assert_true (g_file_get_contents (out, &text, &length, NULL));
  return count_pdf_pages (text, length);
}

/* --phases and --lanes show part of a map: the phases keep their numbers
 * in the journey, lanes go by id or kind, and --hide-empty-lanes leaves
 * out the lanes with nothing in the phases shown. */
static void
test_subset (void)
{
  g_auto (Result) whole = { 0 };
  g_auto (Result) part = { 0 };
  g_auto (Result) by_id = { 0 };
  g_auto (Result) hidden = { 0 };

  if (!need_example ())
    return;
  run_export (&whole, "--format", "svg", "--persona", "job", "-o", "-", example, NULL);
  g_assert_cmpint (whole.status, ==, 0);
  g_assert_nonnull (strstr (whole.out, "Gedachten"));
  g_assert_nonnull (strstr (whole.out, "Activiteiten"));

  run_export (&part, "--format", "svg", "--persona", "job", "--phases", "2-3", "--lanes",
              "barriers,levers", "-o", "-", example, NULL);
  g_assert_cmpint (part.status, ==, 0);
  g_assert_cmpstr (part.err, ==, "");
  g_assert_nonnull (strstr (part.out, "Drempels"));
  g_assert_nonnull (strstr (part.out, "Hefbomen"));
  g_assert_null (strstr (part.out, "Gedachten"));
  g_assert_null (strstr (part.out, "Activiteiten"));
  g_assert_cmpuint (strlen (part.out), <, strlen (whole.out));

  /* Positions and ids mix; "3-" runs to the last phase. */
  run_export (&by_id, "--format", "svg", "--persona", "job", "--phases", "1,3-", "-o", "-",
              example, NULL);
  g_assert_cmpint (by_id.status, ==, 0);
  g_assert_cmpuint (strlen (by_id.out), <, strlen (whole.out));

  run_export (&hidden, "--format", "svg", "--persona", "job", "--phases", "1",
              "--hide-empty-lanes", "-o", "-", example, NULL);
  g_assert_cmpint (hidden.status, ==, 0);
  g_assert_cmpuint (strlen (hidden.out), <, strlen (whole.out));
}

/* Selections that make no sense are errors that say why, and write no
 * file. */
static void
test_subset_errors (void)
{
  static const char *cases[][3] = {
    { "--phases", "99", "select none" },
    { "--phases", "4-2", "not a range" },
    { "--phases", "no-such-phase", "no phase" },
    { "--lanes", "nope", "no lane" },
    { "--min-text-size", "abc", "minimum text size" },
    { "--min-text-size", "-1", "minimum text size" },
  };

  if (!need_example ())
    return;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = tmp_path ("subset-error.pdf");
      g_autofree char *lower = NULL;
      g_auto (Result) r;

      run_export (&r, cases[i][0], cases[i][1], "-o", out, example, NULL);
      g_assert_cmpint (r.status, !=, 0);
      lower = g_ascii_strdown (r.err, -1);
      if (strstr (lower, cases[i][2]) == NULL && strstr (r.err, cases[i][2]) == NULL)
        g_error ("%s %s: “%s” does not say “%s”", cases[i][0], cases[i][1], r.err,
                 cases[i][2]);
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    }
}

/* On A4 portrait the example's maps would need text below 7 pt: each is
 * split by phases over pages, the later ones headed “(continued)” in the
 * document's language; --min-text-size 0 keeps one page per map. */
static void
test_page_split (void)
{
  g_autofree char *out = tmp_path ("split.pdf");
  guint n_split, n_whole, n_section;

  if (!need_example ())
    return;
  n_split = export_pdf_pages (out, "--paper", "a4", "--orientation", "portrait", NULL);
  n_whole = export_pdf_pages (out, "--paper", "a4", "--orientation", "portrait",
                              "--min-text-size", "0", NULL);
  /* The recommendations section that ends the report, on the same paper. */
  n_section = export_pdf_pages (out, "--paper", "a4", "--orientation", "portrait",
                                "--recommendations", NULL);

  /* The overview and one page per persona, then the section. */
  g_assert_cmpuint (n_section, >, 0);
  g_assert_cmpuint (n_whole, ==, 6 + n_section);
  g_assert_cmpuint (n_split, >, n_whole);

  /* A page sized to the map never splits. */
  g_assert_cmpuint (export_pdf_pages (out, "--paper", "fit", NULL), ==,
                    6 + export_pdf_pages (out, "--paper", "fit", "--recommendations", NULL));
}

/* The “(continued)” heading is in the PDF's text (pdftotext, when there). */
static void
test_page_split_heading (void)
{
  g_autofree char *out = tmp_path ("split-heading.pdf");
  g_autofree char *text = NULL;
  g_autofree char *tool = g_find_program_in_path ("pdftotext");
  g_auto (Result) r = { 0 };
  g_autoptr (GError) error = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", NULL, "-", NULL };
  int wait_status = 0;

  if (!need_example ())
    return;
  if (tool == NULL)
    {
      g_test_skip ("pdftotext is not there");
      return;
    }
  run_export (&r, "--paper", "a4", "--orientation", "portrait", "--persona", "job", "-o", out,
              example, NULL);
  g_assert_cmpint (r.status, ==, 0);
  argv[3] = out;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &text, NULL, &wait_status, &error);
  g_assert_no_error (error);
  /* The example is in Dutch. */
  g_assert_cmpuint (count (text, "(vervolg)"), >=, 1);
  g_assert_cmpuint (count (text, "(continued)"), ==, 0);
}

static guint32
read_be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

/* A PNG says its resolution (pHYs), so that a word processor places it at
 * the map's size: scale 2 is 144 dpi, 5669 pixels per metre. */
static void
test_png_resolution (void)
{
  static const struct {
    const char *scale;
    guint32     ppm;
  } cases[] = { { "2", 5669 }, { "3", 8504 }, { "1", 2835 } };

  if (!need_example ())
    return;
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (Result) r = { 0 };
      const guint8 *chunk = NULL;
      gsize length;

      run_export (&r, "--format", "png", "--persona", "job", "--scale", cases[i].scale, "-o",
                  "-", example, NULL);
      g_assert_cmpint (r.status, ==, 0);
      /* g_spawn_sync's output is NUL-terminated but holds NULs: find the
       * chunk before the image data. */
      length = 4096;
      for (gsize j = 8; j + 13 < length; j++)
        if (memcmp (r.out + j, "pHYs", 4) == 0)
          {
            chunk = (const guint8 *) r.out + j + 4;
            break;
          }
      g_assert_nonnull (chunk);
      /* Big-endian and unaligned in the file: byte by byte. */
      g_assert_cmpuint (read_be32 (chunk), ==, cases[i].ppm);
      g_assert_cmpuint (read_be32 (chunk + 4), ==, cases[i].ppm);
      g_assert_cmpuint (chunk[8], ==, 1);  /* metres */
    }
}

/* A PDF names the document's language, for screen readers and hyphenation. */
static void
test_pdf_language (void)
{
  g_autofree char *out = tmp_path ("lang.pdf");
  g_autofree char *pdf = NULL;
  gsize length = 0;
  gboolean found = FALSE;
  g_auto (Result) r = { 0 };

  if (!need_example ())
    return;
  run_export (&r, "--persona", "job", "-o", out, example, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &pdf, &length, NULL));
  for (gsize i = 0; i + 10 < length && !found; i++)
    found = memcmp (pdf + i, "/Lang (nl)", 10) == 0;
  g_assert_true (found);
  /* Still one well-formed file: it ends with the last update's end. */
  g_assert_true (length > 6 && memcmp (pdf + length - 6, "%%EOF\n", 6) == 0);
}

/* The same input gives the same bytes: SVG and PNG always, PDF when
 * SOURCE_DATE_EPOCH fixes its creation date (the example has none). */
static void
test_reproducible (void)
{
  static const char *formats[] = { "svg", "png", "pdf" };

  if (!need_example ())
    return;
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      gsize a_length = 0, b_length = 0;

      for (guint run = 0; run < 2; run++)
        {
          g_autofree char *out = tmp_path (run == 0 ? "same-a" : "same-b");
          g_auto (Result) r = { 0 };

          source_date_epoch = strcmp (formats[i], "pdf") == 0 ? "1700000000" : NULL;
          run_export (&r, "--format", formats[i], "--persona", "job", "-o", out, example, NULL);
          source_date_epoch = NULL;
          g_assert_cmpint (r.status, ==, 0);
          g_assert_true (g_file_get_contents (out, run == 0 ? &a : &b,
                                              run == 0 ? &a_length : &b_length, NULL));
          if (run == 0)
            g_usleep (1100 * 1000);  /* a second apart: a clock in the output would show */
        }
      g_assert_cmpuint (a_length, ==, b_length);
      if (memcmp (a, b, a_length) != 0)
        g_error ("two %s exports of the same input differ", formats[i]);
      if (strcmp (formats[i], "pdf") == 0)
        {
          gboolean found = FALSE;

          /* 1700000000 is 2023-11-14 22:13:20 UTC. */
          for (gsize j = 0; j + 15 < a_length && !found; j++)
            found = memcmp (a + j, "(20231114221320", 15) == 0;
          g_assert_true (found);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  const char *root = g_getenv ("WAYMARK_SOURCE_ROOT");
  int status;

  g_test_init (&argc, &argv, NULL);
  /* The catalogues the command uses for a document's words. */
  waymark_catalog_init_i18n ();
  tmp_dir = g_dir_make_tmp ("waymark-export-cli-XXXXXX", &error);
  g_assert_no_error (error);
  example = g_build_filename (root != NULL ? root : ".", "data", "examples",
                              "levenslang-leren.waymark", NULL);

  g_test_add_func ("/export-cli/ok-formats", test_ok_formats);
  g_test_add_func ("/export-cli/ok-options", test_ok_options);
  g_test_add_func ("/export-cli/usage-errors", test_usage_errors);
  g_test_add_func ("/export-cli/failures", test_failures);
  g_test_add_func ("/export-cli/stdout", test_stdout);
  g_test_add_func ("/export-cli/each-persona", test_each_persona);
  g_test_add_func ("/export-cli/recommendations", test_recommendations);
  g_test_add_func ("/export-cli/subset", test_subset);
  g_test_add_func ("/export-cli/subset-errors", test_subset_errors);
  g_test_add_func ("/export-cli/page-split", test_page_split);
  g_test_add_func ("/export-cli/page-split-heading", test_page_split_heading);
  g_test_add_func ("/export-cli/png-resolution", test_png_resolution);
  g_test_add_func ("/export-cli/pdf-language", test_pdf_language);
  g_test_add_func ("/export-cli/reproducible", test_reproducible);

  status = g_test_run ();
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", tmp_dir);

    (void) !system (command);
  }
  g_free (tmp_dir);
  g_free (example);
  return status;
}
