/* test-format-patterns.c: the schema's value patterns, checked by the reader
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For speed, the loader validates against data/waymark.rng with its
 * <param name="pattern"> rules taken out and checks those values itself
 * (get_schema() in src/core/waymark-format-schema.c). These tests hold it to
 * that promise: whatever the full schema, run by libxml2 exactly as
 * `xmllint --relaxng` does, refuses, the loader refuses too, with a
 * line-numbered message that names the value.
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include "waymark-format.h"

static void
ignore_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
}

/* Whether the full schema, patterns and all, accepts @xml. */
static gboolean
full_schema_accepts (const char *xml)
{
  static xmlRelaxNGPtr schema = NULL;
  xmlRelaxNGValidCtxtPtr context;
  xmlDocPtr doc;
  int result;

  if (schema == NULL)
    {
      g_autoptr (GBytes) bytes = waymark_format_get_schema ();
      xmlRelaxNGParserCtxtPtr parser;

      parser = xmlRelaxNGNewMemParserCtxt (g_bytes_get_data (bytes, NULL),
                                           (int) g_bytes_get_size (bytes));
      schema = xmlRelaxNGParse (parser);
      xmlRelaxNGFreeParserCtxt (parser);
      g_assert_nonnull (schema);
    }

  doc = xmlReadMemory (xml, (int) strlen (xml), NULL, "UTF-8", XML_PARSE_NONET);
  g_assert_nonnull (doc);
  context = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (context, ignore_error_cb, NULL);
  result = xmlRelaxNGValidateDoc (context, doc);
  xmlRelaxNGFreeValidCtxt (context);
  xmlFreeDoc (doc);
  return result == 0;
}

static GPtrArray *
check_text (const char *xml)
{
  g_autoptr (GBytes) bytes = g_bytes_new (xml, strlen (xml));

  return waymark_format_check_bytes (bytes, "patterns.waymark", NULL);
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
          problem->line == line && problem->column >= 1 &&
          strstr (problem->message, fragment) != NULL)
        return;
    }
  print_problems (problems);
  g_error ("no problem with code %d at line %u mentioning “%s”", code, line, fragment);
}

/* A small document with one value put in at the place @where says:
 * "id" (a lane's id, referred to by a card), "ref" (the card's lane
 * reference, the lane keeping a good id), "tag-ref" (the same for a tag),
 * "color", "lang", "created". */
static char *
document_with (const char *where,
               const char *value)
{
  g_autofree char *escaped = g_markup_escape_text (value, -1);
  const char *v = escaped;
  gboolean is_id = g_str_equal (where, "id");
  gboolean is_ref = g_str_equal (where, "ref");
  gboolean is_tag_ref = g_str_equal (where, "tag-ref");

  return g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<waymark xmlns=\"urn:waymark:document\" version=\"1\" lang=\"%s\">\n"  /* 2 */
    "  <created>%s</created>\n"                                             /* 3 */
    "  <tags>\n"
    "    <tag id=\"tag-1\" name=\"Tag\"/>\n"                                /* 5 */
    "  </tags>\n"
    "  <persona id=\"persona-1\" name=\"Ann\" color=\"%s\">\n"              /* 7 */
    "    <phases><phase id=\"phase-1\" name=\"Before\"/></phases>\n"
    "    <lanes><lane id=\"%s\" name=\"Doing\" kind=\"actions\"/></lanes>\n"  /* 9 */
    "    <cards>\n"
    "      <card id=\"card-1\" lane=\"%s\" phase=\"phase-1\">\n"            /* 11 */
    "        <tag ref=\"%s\"/>\n"                                           /* 12 */
    "      </card>\n"
    "    </cards>\n"
    "  </persona>\n"
    "</waymark>\n",
    g_str_equal (where, "lang") ? v : "en",
    g_str_equal (where, "created") ? v : "2026-11-29T10:00:00Z",
    g_str_equal (where, "color") ? v : "#0072b2",
    is_id ? v : "lane-1",
    is_id || is_ref ? v : "lane-1",
    is_tag_ref ? v : "tag-1");
}

/* Runs @value at @where through both; the loader may be stricter than
 * the full schema (GLib's Unicode tables for ids), never more lenient. */
static void
assert_agrees (const char *where,
               const char *value,
               gboolean    expect_ok)
{
  g_autofree char *xml = document_with (where, value);
  g_autoptr (GPtrArray) problems = check_text (xml);
  gboolean schema_ok = full_schema_accepts (xml);

  g_test_message ("%s = “%s”: schema %s, loader %u problems", where, value,
                  schema_ok ? "accepts" : "refuses", problems->len);
  print_problems (problems);
  g_assert_cmpint (schema_ok, ==, expect_ok);
  if (!schema_ok)
    g_assert_cmpuint (problems->len, >, 0);
  else if (expect_ok)
    g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_ids (void)
{
  static const char * const good[] = { "lane-1", "a.b_c-9", "ĳsbaan", "x²", "Ωmega", "é" };
  /* "日本": libxml2 2.9's \p{L} leaves out the CJK ideographs (its tables
   * skip the ranges UnicodeData lists as First/Last), so the schema has
   * always refused such ids; the loader keeps the schema's verdict,
   * whatever GLib thinks of the characters. */
  static const char * const bad[] = { "", "lane 1", "lane/1", "a:b", "😀", "lane\t1", "#1",
                                      "日本", "ab日" };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    assert_agrees ("id", good[i], TRUE);
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      assert_agrees ("id", bad[i], FALSE);
      assert_agrees ("ref", bad[i], FALSE);
      assert_agrees ("tag-ref", bad[i], FALSE);
    }
}

static void
test_colors (void)
{
  static const char * const good[] = { "#0072b2", "#ABCDEF", "#000000" };
  static const char * const bad[] = { "", "red", "#12345", "#1234567", "#abcdeg", " #123456",
                                      "#12345６" };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    assert_agrees ("color", good[i], TRUE);
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_agrees ("color", bad[i], FALSE);
}

static void
test_languages (void)
{
  static const char * const good[] = { "nl", "en-GB", "zh-Hant-TW", "x-private1" };
  static const char * const bad[] = { "", "e n", "en_GB", "toolonglanguage", "en-", "nl-toolongsub",
                                      "ñl" };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    assert_agrees ("lang", good[i], TRUE);
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_agrees ("lang", bad[i], FALSE);
}

static void
test_timestamps (void)
{
  static const char * const good[] = { "2026-11-29T10:00:00Z", "2026-11-29T10:00:00.123+01:00",
                                       "2026-11-29T10:00:00-05:30" };
  /* The first three GLib would parse: only the pattern refuses them. */
  static const char * const bad[] = { "2026-11-29 10:00:00Z", "2026-11-29t10:00:00Z",
                                      "2026-11-29T10:00Z", "2026-11-29T10:00:00",
                                      " 2026-11-29T10:00:00Z", "yesterday", "" };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    assert_agrees ("created", good[i], TRUE);
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    assert_agrees ("created", bad[i], FALSE);
}

/* The messages: the file's line, the value, and what is wrong with it. */
static void
test_messages (void)
{
  struct {
    const char         *where;
    const char         *value;
    WaymarkFormatError  code;
    guint               line;
    const char         *fragment;
  } cases[] = {
    { "lang", "e n", WAYMARK_FORMAT_ERROR_SCHEMA, 2, "language “e n” is not a language tag" },
    { "created", "2026-11-29 10:00:00Z", WAYMARK_FORMAT_ERROR_SCHEMA, 3,
      "“2026-11-29 10:00:00Z” is not a date and time like 2026-11-29T10:00:00Z" },
    { "color", "red", WAYMARK_FORMAT_ERROR_SEMANTIC, 7, "colour “red” is not of the form #rrggbb" },
    { "id", "lane 1", WAYMARK_FORMAT_ERROR_SEMANTIC, 9, "id “lane 1” may only contain" },
    /* A reference that has a lane to refer to, but not an id's form. */
    { "id", "lane 1", WAYMARK_FORMAT_ERROR_SCHEMA, 11, "id “lane 1” may only contain" },
    { "ref", "lane 1", WAYMARK_FORMAT_ERROR_SEMANTIC, 11, "refers to lane “lane 1”" },
    { "tag-ref", "tag 1", WAYMARK_FORMAT_ERROR_SEMANTIC, 12, "refers to tag “tag 1”" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *xml = document_with (cases[i].where, cases[i].value);
      g_autoptr (GPtrArray) problems = check_text (xml);

      assert_problem (problems, cases[i].code, cases[i].line, cases[i].fragment);
    }
}

/* Which version may hold what: the loader relaxes the schema's choice
 * between the versions and checks the rule itself (check_version () in
 * src/core/waymark-format-reader.c), so together they must accept exactly
 * what the full schema accepts. */
static void
test_versions (void)
{
  static const char domains[] = "  <domains><domain id=\"d\" name=\"D\"/></domains>\n";
  static const char recommendations[] =
    "  <recommendations><recommendation id=\"r\"><addresses card=\"c\"/></recommendation>"
    "</recommendations>\n";
  static const struct {
    const char *version;
    gboolean    domains;
    gboolean    recommendations;
    gboolean    before;        /* before the persona rather than after */
    gboolean    swapped;       /* recommendations before domains */
    gboolean    ok;
    gboolean    profile;       /* the persona has a <profile> */
  } cases[] = {
    { "1", FALSE, FALSE, FALSE, FALSE, TRUE },
    { "1", TRUE, FALSE, FALSE, FALSE, FALSE },
    { "1", FALSE, TRUE, FALSE, FALSE, FALSE },
    { "1", TRUE, TRUE, FALSE, FALSE, FALSE },
    { "2", FALSE, FALSE, FALSE, FALSE, TRUE },
    { "2", TRUE, FALSE, FALSE, FALSE, TRUE },
    { "2", FALSE, TRUE, FALSE, FALSE, TRUE },
    { "2", TRUE, TRUE, FALSE, FALSE, TRUE },
    { "2", TRUE, TRUE, TRUE, FALSE, FALSE },
    { "2", TRUE, TRUE, FALSE, TRUE, FALSE },
    { "1", FALSE, FALSE, FALSE, FALSE, FALSE, TRUE },
    { "2", TRUE, TRUE, FALSE, FALSE, FALSE, TRUE },
    { "3", FALSE, FALSE, FALSE, FALSE, TRUE, FALSE },
    { "3", FALSE, FALSE, FALSE, FALSE, TRUE, TRUE },
    { "3", TRUE, TRUE, FALSE, FALSE, TRUE, TRUE },
    { "3", TRUE, TRUE, TRUE, FALSE, FALSE, TRUE },
    { "0", FALSE, FALSE, FALSE, FALSE, FALSE },
    { "1.0", FALSE, FALSE, FALSE, FALSE, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GString) xml = g_string_new (NULL);
      g_autoptr (GString) extras = g_string_new (NULL);
      g_autoptr (GPtrArray) problems = NULL;
      gboolean schema_ok;

      if (cases[i].domains)
        g_string_append (extras, domains);
      if (cases[i].recommendations)
        g_string_insert (extras, cases[i].swapped ? 0 : (gssize) extras->len, recommendations);
      g_string_append_printf (xml,
                              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                              "<waymark xmlns=\"urn:waymark:document\" version=\"%s\">\n"
                              "%s"
                              "  <persona id=\"p\" name=\"P\">\n"
                              "%s"
                              "    <phases><phase id=\"f\" name=\"F\"/></phases>\n"
                              "    <lanes><lane id=\"l\" name=\"L\" kind=\"barriers\"/></lanes>\n"
                              "    <cards><card id=\"c\" lane=\"l\" phase=\"f\"/></cards>\n"
                              "  </persona>\n"
                              "%s"
                              "</waymark>\n",
                              cases[i].version, cases[i].before ? extras->str : "",
                              cases[i].profile ? "    <profile><goal>G</goal></profile>\n" : "",
                              cases[i].before ? "" : extras->str);
      problems = check_text (xml->str);
      schema_ok = full_schema_accepts (xml->str);
      g_test_message ("case %" G_GSIZE_FORMAT ": schema %s, loader %u problems", i,
                      schema_ok ? "accepts" : "refuses", problems->len);
      print_problems (problems);
      g_assert_cmpint (schema_ok, ==, cases[i].ok);
      g_assert_cmpint (problems->len == 0, ==, cases[i].ok);
      /* Explained where the element is, and nothing said about the rest. */
      if (g_str_equal (cases[i].version, "1") && cases[i].domains)
        {
          assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 8,
                          "<domains> needs format version 2");
          g_assert_cmpuint (problems->len, ==, cases[i].recommendations ? 2 : 1);
        }
      if (cases[i].profile && !cases[i].domains && !cases[i].ok)
        {
          g_autofree char *expected = g_strdup_printf ("<profile> needs format version 3; "
                                                       "this file says version %s",
                                                       cases[i].version);

          assert_problem (problems, WAYMARK_FORMAT_ERROR_SEMANTIC, 4, expected);
          g_assert_cmpuint (problems->len, ==, 1);
        }
    }
}

/* Every document the suite ships: what the full schema refuses, the
 * loader refuses. */
static void
test_shipped_documents (void)
{
  const char *root = g_getenv ("WAYMARK_SOURCE_ROOT");
  const char *dirs[] = { "tests/data", "data/examples", "data/templates",
                         "tests/fuzz/corpus/format" };
  guint n_checked = 0;

  if (root == NULL)
    {
      g_test_skip ("WAYMARK_SOURCE_ROOT is not set");
      return;
    }
  for (gsize d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autofree char *dir_path = g_build_filename (root, dirs[d], NULL);
      g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir_path, name, NULL);
          g_autofree char *contents = NULL;
          gsize length;
          xmlDocPtr doc;
          g_autoptr (GPtrArray) problems = NULL;
          g_autoptr (GBytes) bytes = NULL;

          if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) ||
              !g_file_get_contents (path, &contents, &length, NULL) ||
              memchr (contents, '\0', length) != NULL || strstr (contents, "<!DOCTYPE") != NULL)
            continue;
          /* Only what parses: the rest never reaches either schema. */
          doc = xmlReadMemory (contents, (int) length, NULL, "UTF-8",
                               XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
          if (doc == NULL)
            continue;
          xmlFreeDoc (doc);

          bytes = g_bytes_new (contents, length);
          problems = waymark_format_check_bytes (bytes, name, NULL);
          if (!full_schema_accepts (contents))
            {
              g_test_message ("%s: refused by the full schema", path);
              g_assert_cmpuint (problems->len, >, 0);
            }
          n_checked++;
        }
    }
  g_test_message ("%u documents checked", n_checked);
  g_assert_cmpuint (n_checked, >, 10);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format-patterns/ids", test_ids);
  g_test_add_func ("/format-patterns/colors", test_colors);
  g_test_add_func ("/format-patterns/languages", test_languages);
  g_test_add_func ("/format-patterns/timestamps", test_timestamps);
  g_test_add_func ("/format-patterns/messages", test_messages);
  g_test_add_func ("/format-patterns/versions", test_versions);
  g_test_add_func ("/format-patterns/shipped-documents", test_shipped_documents);

  return g_test_run ();
}
