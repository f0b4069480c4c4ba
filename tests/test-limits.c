/* test-limits.c: the loader's resource limits and memory budget
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each limit of src/core/waymark-limits.h (and the file size cap of
 * waymark-format.h): a document exactly at the limit loads, one just past
 * it is refused with a clear WAYMARK_FORMAT_ERROR_TOO_LARGE naming the
 * limit. Then the memory budget of docs/safety.md: loading the biggest
 * documents the limits allow, in a fresh process, grows its peak RSS by
 * no more than WAYMARK_TEST_MEMORY_BUDGET_MIB.
 */
#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include "waymark-format.h"
#include "waymark-limits.h"

/* docs/safety.md: loading any file the limits let through costs at most
 * this much memory (peak RSS growth, in MiB). */
#define WAYMARK_TEST_MEMORY_BUDGET_MIB 256

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

#define HEAD_PROLOGUE "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
#define HEAD HEAD_PROLOGUE \
             "<waymark xmlns=\"urn:waymark:document\" version=\"1\">\n" \
             "  <title>Limits</title>\n"

/* A document with @n_personas personas of @n_phases phases and @n_lanes
 * lanes, @n_cards cards (in the first persona, cell by cell, each with
 * @text_length bytes of text) and @n_tags tags. Compact, so that the
 * limits are reached well within the file size cap. */
static GString *
build_document (guint n_personas,
                guint n_phases,
                guint n_lanes,
                guint n_cards,
                gsize text_length,
                guint n_tags)
{
  GString *doc = g_string_new (HEAD);

  if (n_tags > 0)
    {
      g_string_append (doc, "<tags>");
      for (guint i = 0; i < n_tags; i++)
        g_string_append_printf (doc, "<tag id=\"t%u\" name=\"T\" color=\"#336699\"/>", i);
      g_string_append (doc, "</tags>\n");
    }
  for (guint p = 0; p < n_personas; p++)
    {
      g_string_append_printf (doc, "<persona id=\"p%u\" name=\"P\">", p);
      if (n_phases > 0)
        {
          g_string_append (doc, "<phases>");
          for (guint i = 0; i < n_phases; i++)
            g_string_append_printf (doc, "<phase id=\"p%u-ph%u\" name=\"F\"/>", p, i);
          g_string_append (doc, "</phases>");
        }
      if (n_lanes > 0)
        {
          g_string_append (doc, "<lanes>");
          for (guint i = 0; i < n_lanes; i++)
            g_string_append_printf (doc, "<lane id=\"p%u-l%u\" name=\"L\" kind=\"notes\"/>", p, i);
          g_string_append (doc, "</lanes>");
        }
      if (p == 0 && n_cards > 0)
        {
          g_string_append (doc, "<cards>\n");
          for (guint i = 0; i < n_cards; i++)
            {
              g_string_append_printf (doc, "<card id=\"c%u\" lane=\"p0-l0\" phase=\"p0-ph0\"><text>", i);
              for (gsize j = 0; j < text_length; j++)
                g_string_append_c (doc, j % 64 == 63 ? ' ' : 'x');
              g_string_append (doc, "</text></card>\n");
            }
          g_string_append (doc, "</cards>");
        }
      g_string_append (doc, "</persona>\n");
    }
  g_string_append (doc, "</waymark>\n");
  return doc;
}

/* A version-2 document: one persona with @n_cards cards, @n_domains
 * domains and @n_recommendations recommendations, each addressing the
 * first @n_links cards. */
static GString *
build_recommendations (guint n_cards,
                       guint n_domains,
                       guint n_recommendations,
                       guint n_links)
{
  GString *doc = g_string_new (HEAD_PROLOGUE
                               "<waymark xmlns=\"urn:waymark:document\" version=\"2\">\n"
                               "<persona id=\"p\" name=\"P\"><phases><phase id=\"f\" name=\"F\"/>"
                               "</phases><lanes><lane id=\"l\" name=\"L\" kind=\"barriers\"/>"
                               "</lanes><cards>\n");

  for (guint i = 0; i < n_cards; i++)
    g_string_append_printf (doc, "<card id=\"c%u\" lane=\"l\" phase=\"f\"/>\n", i);
  g_string_append (doc, "</cards></persona>\n<domains>");
  for (guint i = 0; i < n_domains; i++)
    g_string_append_printf (doc, "<domain id=\"d%u\" name=\"D\"/>", i);
  g_string_append (doc, "</domains>\n<recommendations>\n");
  for (guint i = 0; i < n_recommendations; i++)
    {
      g_string_append_printf (doc, "<recommendation id=\"r%u\">", i);
      for (guint c = 0; c < n_links; c++)
        g_string_append_printf (doc, "<addresses card=\"c%u\"/>", c);
      g_string_append (doc, "</recommendation>\n");
    }
  g_string_append (doc, "</recommendations>\n</waymark>\n");
  return doc;
}

static WaymarkDocument *
load_string (GString  *doc,
             GError  **error)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (doc->str, doc->len);

  return waymark_format_load_bytes (bytes, "limits.waymark", error);
}

static void
assert_loads (GString *doc)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WaymarkDocument) document = load_string (doc, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_string_free (doc, TRUE);
}

/* Refused as too large, with a message that contains @what. */
static void
assert_too_large (GString    *doc,
                  const char *what)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WaymarkDocument) document = load_string (doc, &error);

  g_assert_null (document);
  g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_TOO_LARGE);
  g_test_message ("refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, "limits.waymark"));
  g_assert_nonnull (strstr (error->message, what));
  g_string_free (doc, TRUE);
}

static void
test_personas (void)
{
  assert_loads (build_document (WAYMARK_LIMIT_PERSONAS, 0, 0, 0, 0, 0));
  assert_too_large (build_document (WAYMARK_LIMIT_PERSONAS + 1, 0, 0, 0, 0, 0), "personas");
}

static void
test_phases (void)
{
  assert_loads (build_document (1, WAYMARK_LIMIT_PHASES, 1, 0, 0, 0));
  assert_too_large (build_document (1, WAYMARK_LIMIT_PHASES + 1, 1, 0, 0, 0), "phases");
}

static void
test_lanes (void)
{
  assert_loads (build_document (1, 1, WAYMARK_LIMIT_LANES, 0, 0, 0));
  assert_too_large (build_document (1, 1, WAYMARK_LIMIT_LANES + 1, 0, 0, 0), "lanes");
}

static void
test_cards (void)
{
  assert_loads (build_document (1, 1, 1, WAYMARK_LIMIT_CARDS, 1, 0));
  assert_too_large (build_document (1, 1, 1, WAYMARK_LIMIT_CARDS + 1, 1, 0), "cards");
}

static void
test_tags (void)
{
  assert_loads (build_document (1, 0, 0, 0, 0, WAYMARK_LIMIT_TAGS));
  assert_too_large (build_document (1, 0, 0, 0, 0, WAYMARK_LIMIT_TAGS + 1), "tags");
}

static void
test_domains (void)
{
  assert_loads (build_recommendations (0, WAYMARK_LIMIT_DOMAINS, 0, 0));
  assert_too_large (build_recommendations (0, WAYMARK_LIMIT_DOMAINS + 1, 0, 0), "domains");
}

static void
test_recommendations (void)
{
  assert_loads (build_recommendations (0, 0, WAYMARK_LIMIT_RECOMMENDATIONS, 0));
  assert_too_large (build_recommendations (0, 0, WAYMARK_LIMIT_RECOMMENDATIONS + 1, 0),
                    "recommendations");
}

/* Per recommendation: two at the limit load. */
static void
test_links (void)
{
  assert_loads (build_recommendations (WAYMARK_LIMIT_LINKS + 1, 0, 2, WAYMARK_LIMIT_LINKS));
  assert_too_large (build_recommendations (WAYMARK_LIMIT_LINKS + 1, 0, 1, WAYMARK_LIMIT_LINKS + 1),
                    "addresses more than");
}

static void
test_text_length (void)
{
  GString *over;
  char *attribute;

  assert_loads (build_document (1, 1, 1, 1, WAYMARK_LIMIT_TEXT_LENGTH, 0));
  assert_too_large (build_document (1, 1, 1, 1, WAYMARK_LIMIT_TEXT_LENGTH + 1, 0), "text");

  /* Names are attributes: the same limit. */
  over = g_string_new (HEAD "<persona id=\"p\" name=\"");
  attribute = g_strnfill (WAYMARK_LIMIT_TEXT_LENGTH + 1, 'n');
  g_string_append (over, attribute);
  g_string_append (over, "\"/>\n</waymark>\n");
  g_free (attribute);
  assert_too_large (over, "text");
}

/* Elements the schema would refuse anyway still count, while parsing:
 * the tree is never built past the limit. */
static void
test_elements (void)
{
  GString *doc = g_string_new (HEAD "<description>");

  for (guint i = 0; i < WAYMARK_LIMIT_ELEMENTS; i++)
    g_string_append (doc, "<a/>");
  g_string_append (doc, "</description>\n</waymark>\n");
  assert_too_large (doc, "elements");
}

static void
test_depth (void)
{
  GString *at = g_string_new (HEAD "<description>");
  GString *over;

  /* waymark and description make two levels. */
  for (guint i = 2; i < WAYMARK_LIMIT_DEPTH; i++)
    g_string_append (at, "<a>");
  over = g_string_new (at->str);
  g_string_append (over, "<a>");
  for (guint i = 2; i < WAYMARK_LIMIT_DEPTH; i++)
    g_string_append (at, "</a>");
  g_string_append (at, "</description>\n</waymark>\n");
  /* At the depth limit the schema refuses it, but not as too large. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (WaymarkDocument) document = load_string (at, &error);

    g_assert_null (document);
    g_assert_false (g_error_matches (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_TOO_LARGE));
    g_string_free (at, TRUE);
  }
  for (guint i = 2; i <= WAYMARK_LIMIT_DEPTH; i++)
    g_string_append (over, "</a>");
  g_string_append (over, "</description>\n</waymark>\n");
  assert_too_large (over, "deep");
}

/* Refused with exactly @expected, the first problem of the error's message
 * (the file is "limits.waymark"). */
static void
assert_refused_with (GString    *doc,
                     const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WaymarkDocument) document = load_string (doc, &error);
  g_auto (GStrv) lines = NULL;

  g_assert_null (document);
  g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_TOO_LARGE);
  lines = g_strsplit (error->message, "\n", 2);
  g_assert_cmpstr (lines[0], ==, expected);
  g_string_free (doc, TRUE);
}

/* The root with @n attributes in all: xmlns and version, then namespace
 * declarations (which the schema does not look at, so that the document
 * is valid up to the limit). */
static GString *
build_attributes (guint n)
{
  GString *doc = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<waymark xmlns=\"urn:waymark:document\" version=\"1\"");

  for (guint i = 2; i < n; i++)
    g_string_append_printf (doc, " xmlns:p%u=\"urn:p%u\"", i, i);
  g_string_append (doc, "/>\n");
  return doc;
}

/* A start tag with @n attributes after @before (in the root). */
static GString *
build_hidden_attributes (const char *prologue,
                         const char *before,
                         guint       n,
                         const char *after)
{
  GString *doc = g_string_new (prologue);

  g_string_append (doc, "<waymark xmlns=\"urn:waymark:document\" version=\"1\">");
  g_string_append (doc, before);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (doc, " a%u=\"\"", i);
  g_string_append (doc, after);
  g_string_append (doc, "</waymark>\n");
  return doc;
}

/* libxml2 spends time growing with the square of an element's attributes
 * (100,000 took over a minute), inside the parser where no callback can
 * stop it: the loader counts them in the bytes first. */
static void
test_attributes (void)
{
  g_autofree char *expected = g_strdup_printf ("limits.waymark:2:1: the element <waymark> has "
                                               "more than %d attributes, the most Waymark reads",
                                               WAYMARK_LIMIT_ATTRIBUTES);

  assert_loads (build_attributes (WAYMARK_LIMIT_ATTRIBUTES));
  assert_refused_with (build_attributes (WAYMARK_LIMIT_ATTRIBUTES + 1), expected);
  assert_refused_with (build_attributes (100000), expected);

  /* Ordinary attributes, on a later line and column. */
  {
    GString *doc = g_string_new (HEAD "  <tags>");
    g_autofree char *at_tag = g_strdup_printf ("limits.waymark:5:5: the element <tag> has more "
                                               "than %d attributes, the most Waymark reads",
                                               WAYMARK_LIMIT_ATTRIBUTES);

    g_string_append (doc, "\n  é <tag");
    for (guint i = 0; i < 100000; i++)
      g_string_append_printf (doc, " a%u='%u'", i, i);
    g_string_append (doc, "/></tags>\n</waymark>\n");
    assert_refused_with (doc, at_tag);
  }
}

/* The root with half the namespace declarations the limit allows, and
 * two children with the other half each (one more on the first when
 * @over): the first child's are out of scope at the second. */
static GString *
build_namespaces (gboolean over)
{
  GString *doc = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<waymark xmlns=\"urn:waymark:document\" version=\"1\"");

  for (guint i = 1; i < WAYMARK_LIMIT_NAMESPACES / 2; i++)
    g_string_append_printf (doc, " xmlns:r%u=\"urn:r%u\"", i, i);
  g_string_append (doc, ">\n  <title");
  for (guint i = 0; i < WAYMARK_LIMIT_NAMESPACES / 2 + (guint) over; i++)
    g_string_append_printf (doc, " xmlns:t%u=\"urn:t%u\"", i, i);
  g_string_append (doc, ">T</title><author");
  for (guint i = 0; i < WAYMARK_LIMIT_NAMESPACES / 2; i++)
    g_string_append_printf (doc, " xmlns:a%u=\"urn:a%u\"", i, i);
  g_string_append (doc, ">A</author>\n</waymark>\n");
  return doc;
}

/* Looking a prefix up walks the declarations in scope: many of them
 * around many prefixed attributes cost seconds. */
static void
test_namespaces (void)
{
  g_autofree char *expected = g_strdup_printf ("limits.waymark:3:3: the element <title> is in "
                                               "the scope of more than %d namespace "
                                               "declarations, the most Waymark reads",
                                               WAYMARK_LIMIT_NAMESPACES);

  assert_loads (build_namespaces (FALSE));
  assert_refused_with (build_namespaces (TRUE), expected);

  /* 100,000 prefixes declared on one element. */
  {
    GString *doc = g_string_new (HEAD "<description");

    for (guint i = 0; i < 100000; i++)
      g_string_append_printf (doc, " xmlns:p%u=\"urn:p%u\"", i, i);
    g_string_append (doc, ">D</description>\n</waymark>\n");
    g_free (expected);
    expected = g_strdup_printf ("limits.waymark:4:1: the element <description> is in the scope of "
                                "more than %d namespace declarations, the most Waymark reads",
                                WAYMARK_LIMIT_NAMESPACES);
    assert_refused_with (doc, expected);
  }
}

/* What only looks like attributes is not counted: markup inside a
 * comment, a CDATA section, a processing instruction, an attribute value. */
static void
test_attributes_look_alike (void)
{
  assert_loads (build_hidden_attributes (HEAD_PROLOGUE, "<!-- <x", 1000, "> -->"));
  assert_loads (build_hidden_attributes (HEAD_PROLOGUE, "<description><![CDATA[<x", 1000,
                                         "> ]]></description>"));
  assert_loads (build_hidden_attributes (HEAD_PROLOGUE, "<?note <x", 1000, "> ?>"));
  {
    GString *doc = g_string_new (HEAD "<description>");

    g_string_append (doc, "a=b ");
    for (guint i = 0; i < 1000; i++)
      g_string_append (doc, "x=\"y\" ");
    g_string_append (doc, "</description>\n<persona id=\"p\" name=\"");
    for (guint i = 0; i < 1000; i++)
      g_string_append (doc, "k=v &lt;x a='' ");
    g_string_append (doc, "\"/>\n</waymark>\n");
    assert_loads (doc);
  }
}

/* Ways to hide a start tag from a scan that trusts the file's structure:
 * libxml2 goes on parsing after an error (with the loader's callbacks
 * off), and what it then takes for a start tag the scan must count too.
 * From the first thing that is not well-formed the scan counts every
 * "=" up to the next "<", so each of these is refused at once. */
static void
test_attributes_hidden (void)
{
  static const struct {
    const char *prologue;
    const char *before;
    const char *after;
  } hidden[] = {
    /* A "<" in an attribute value ends it there, and a tag starts. */
    { HEAD_PROLOGUE, "<persona id=\"p\" name=\"<x", "\"/>" },
    /* After an attribute without a value, libxml2 reads on. */
    { HEAD_PROLOGUE, "<persona id=\"p\" bare", "/>" },
    /* A character XML does not allow ends a comment, a CDATA section, a
     * processing instruction or a value early. */
    { HEAD_PROLOGUE, "<!-- \x01 <x", "> -->" },
    { HEAD_PROLOGUE, "<!-- -- <x", "> -->" },
    { HEAD_PROLOGUE, "<description><![CDATA[ \x02 <x", "> ]]></description>" },
    { HEAD_PROLOGUE, "<?note \x03 <x", "> ?>" },
    { HEAD_PROLOGUE, "<? <x", "> ?>" },
    { HEAD_PROLOGUE, "<persona id=\"p\" name=\"\x04<x", "\"/>" },
    /* A broken XML declaration ends at its first ">". */
    { "<?xml version=\"1.0\" x>", "<x", "/>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    {
      GString *doc = build_hidden_attributes (hidden[i].prologue, hidden[i].before, 100000,
                                              hidden[i].after);
      g_autoptr (GError) error = NULL;
      g_autoptr (WaymarkDocument) document = load_string (doc, &error);

      g_test_message ("case %u", i);
      g_assert_null (document);
      g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_TOO_LARGE);
      g_assert_nonnull (strstr (error->message, "attributes, the most Waymark reads"));
      g_string_free (doc, TRUE);
    }
}

/* A DTD's default attributes are added to an element in the same
 * quadratic way. A DTD is refused as soon as libxml2 reads its name, but
 * after an earlier error libxml2 skips that callback and reads the whole
 * DTD: it is now never given anything past the DTD's header. */
static void
test_dtd_after_error (void)
{
  GString *doc = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" broken=\"1\"?>\n"
                               "<!DOCTYPE waymark [<!ATTLIST waymark");
  g_autoptr (GError) error = NULL;
  g_autoptr (WaymarkDocument) document = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (doc, " a%u CDATA \"x\"", i);
  g_string_append (doc, ">]>\n<waymark xmlns=\"urn:waymark:document\" version=\"1\"/>\n");
  document = load_string (doc, &error);
  g_assert_null (document);
  g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_SYNTAX);
  g_test_message ("%s", error->message);
  g_assert_cmpstr (error->message, ==,
                   "limits.waymark:1:38: parsing XML declaration: '?>' expected\n"
                   "limits.waymark:2:19: the file has a document type declaration (<!DOCTYPE>); "
                   "DTDs are not allowed in Waymark files");
  g_string_free (doc, TRUE);

  /* Without the earlier error, the DTD is refused where it always was. */
  doc = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                      "<!DOCTYPE waymark [<!ATTLIST waymark a CDATA \"x\">]>\n"
                      "<waymark xmlns=\"urn:waymark:document\" version=\"1\"/>\n");
  g_clear_pointer (&document, g_object_unref);
  g_clear_error (&error);
  document = load_string (doc, &error);
  g_assert_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_FORBIDDEN);
  g_assert_true (g_str_has_prefix (error->message, "limits.waymark:2:19: the file has a "
                                                   "document type declaration"));
  g_string_free (doc, TRUE);
}

/* The biggest document within the size cap loads: @n_cards cards whose
 * text fills the file up to @size bytes. */
static GString *
build_document_of_size (gsize size,
                        guint n_cards)
{
  GString *probe = build_document (1, 1, 1, n_cards, 0, 0);
  gsize per_card = (size - probe->len) / n_cards;

  g_string_free (probe, TRUE);
  return build_document (1, 1, 1, n_cards, per_card, 0);
}

static void
test_file_size (void)
{
  /* Each text at half its limit: only the file size is at its limit. */
  GString *doc = build_document_of_size (WAYMARK_FORMAT_MAX_FILE_SIZE - 1024,
                                         WAYMARK_FORMAT_MAX_FILE_SIZE / (WAYMARK_LIMIT_TEXT_LENGTH / 2));
  GString *over;

  g_assert_cmpuint (doc->len, <=, WAYMARK_FORMAT_MAX_FILE_SIZE);
  g_assert_cmpuint (doc->len, >, WAYMARK_FORMAT_MAX_FILE_SIZE - 2048);
  over = g_string_new (doc->str);
  assert_loads (doc);

  /* Past the cap the bytes are not even parsed. */
  while (over->len <= WAYMARK_FORMAT_MAX_FILE_SIZE)
    g_string_append_c (over, '\n');
  assert_too_large (over, "MiB");
}

static gsize
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (gsize) usage.ru_maxrss;
}

/* Loads @doc in this process and checks the peak RSS growth. */
static void
check_budget (GString    *doc,
              gboolean    should_load,
              const char *what)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (WaymarkDocument) document = NULL;
  gsize before, growth;
  gint64 start;

  /* The first load also sets up libxml2 and parses the schema: not part
   * of a document's cost. */
  {
    g_autoptr (GString) tiny = build_document (1, 1, 1, 1, 1, 0);
    g_autoptr (WaymarkDocument) warm = load_string (tiny, NULL);
    g_assert_nonnull (warm);
  }

  before = peak_rss_kib ();
  start = g_get_monotonic_time ();
  document = load_string (doc, &error);
  growth = (peak_rss_kib () - before) / 1024;
  /* A TAP comment: the subprocess's stdout is the test's. */
  g_print ("# %s: %" G_GSIZE_FORMAT " bytes, loaded in %.1f s, peak RSS grew by "
                  "%" G_GSIZE_FORMAT " MiB (budget %d MiB)\n", what, doc->len,
                  (g_get_monotonic_time () - start) / 1e6, growth,
                  WAYMARK_TEST_MEMORY_BUDGET_MIB);
  g_assert_true ((document != NULL) == should_load);
  g_assert_cmpuint (growth, <=, WAYMARK_TEST_MEMORY_BUDGET_MIB);
}

/* TRUE in the fresh subprocess that measures a load; otherwise runs the
 * test in one (or skips it) and returns FALSE. */
static gboolean
in_budget_subprocess (void)
{
  if (g_test_subprocess ())
    return TRUE;
#ifdef UNDER_ASAN
  g_test_skip ("AddressSanitizer's own memory makes RSS meaningless");
  return FALSE;
#endif
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDOUT);
  g_test_trap_assert_passed ();
  return FALSE;
}

static void
test_memory_budget_cards (void)
{
  if (in_budget_subprocess ())
    {
      /* The most cards, with the text filling the file to its cap. */
      check_budget (build_document_of_size (WAYMARK_FORMAT_MAX_FILE_SIZE - 1024, WAYMARK_LIMIT_CARDS),
                    TRUE, "most cards, largest file");
    }
}

static void
test_memory_budget_links (void)
{
  if (in_budget_subprocess ())
    {
      /* The most links: recommendations with as many links as they may
       * have, as many as the file size allows. */
      GString *one = build_recommendations (WAYMARK_LIMIT_LINKS, 0, 1, WAYMARK_LIMIT_LINKS);
      GString *two = build_recommendations (WAYMARK_LIMIT_LINKS, 0, 2, WAYMARK_LIMIT_LINKS);
      gsize per_recommendation = two->len - one->len;
      guint n = (guint) ((WAYMARK_FORMAT_MAX_FILE_SIZE - one->len) / per_recommendation);

      g_string_free (one, TRUE);
      g_string_free (two, TRUE);
      check_budget (build_recommendations (WAYMARK_LIMIT_LINKS, 0, n, WAYMARK_LIMIT_LINKS), TRUE,
                    "most links");
    }
}

static void
test_memory_budget_elements (void)
{
  if (in_budget_subprocess ())
    {
      /* The most elements the parser builds before it stops. */
      GString *doc = g_string_new (HEAD "<description>");

      for (guint i = 0; i < WAYMARK_LIMIT_ELEMENTS; i++)
        g_string_append (doc, "<a/>");
      g_string_append (doc, "</description>\n</waymark>\n");
      check_budget (doc, FALSE, "most elements");
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/limits/file-size", test_file_size);
  g_test_add_func ("/limits/text-length", test_text_length);
  g_test_add_func ("/limits/personas", test_personas);
  g_test_add_func ("/limits/phases", test_phases);
  g_test_add_func ("/limits/lanes", test_lanes);
  g_test_add_func ("/limits/cards", test_cards);
  g_test_add_func ("/limits/tags", test_tags);
  g_test_add_func ("/limits/domains", test_domains);
  g_test_add_func ("/limits/recommendations", test_recommendations);
  g_test_add_func ("/limits/links", test_links);
  g_test_add_func ("/limits/elements", test_elements);
  g_test_add_func ("/limits/depth", test_depth);
  g_test_add_func ("/limits/attributes", test_attributes);
  g_test_add_func ("/limits/namespaces", test_namespaces);
  g_test_add_func ("/limits/attributes/look-alike", test_attributes_look_alike);
  g_test_add_func ("/limits/attributes/hidden", test_attributes_hidden);
  g_test_add_func ("/limits/dtd-after-error", test_dtd_after_error);
  g_test_add_func ("/limits/memory-budget/cards", test_memory_budget_cards);
  g_test_add_func ("/limits/memory-budget/elements", test_memory_budget_elements);
  g_test_add_func ("/limits/memory-budget/links", test_memory_budget_links);

  return g_test_run ();
}
