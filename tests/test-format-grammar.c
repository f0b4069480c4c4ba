/* test-format-grammar.c: the schema in code gives the schema's verdicts
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * data/waymark.rng is the specification of the format; the loader checks
 * its rules in code while it streams the file
 * (src/core/waymark-format-grammar.c). These tests hold the two to the
 * same verdict: every document of the test corpus (tests/fuzz/corpus,
 * tests/data, data/examples, data/templates) and thousands of variants
 * of them (an attribute dropped, added or given an awkward value, an
 * element dropped, doubled, swapped with the next, renamed or given
 * text) are run through libxml2's RELAX NG validator with the full
 * schema, exactly as `xmllint --relaxng` does, and through the loader's
 * grammar, and the verdicts must be equal. The patterns the grammar
 * matches are the schema's own.
 */
#include "config.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>

#include "waymark-format-private.h"
#include "waymark-format.h"

static void
ignore_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
}

static xmlRelaxNGPtr
get_full_schema (void)
{
  static xmlRelaxNGPtr schema = NULL;

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
  return schema;
}

/* The full schema's verdict on a parsed document. */
static gboolean
full_schema_accepts_doc (xmlDocPtr doc)
{
  xmlRelaxNGValidCtxtPtr context = xmlRelaxNGNewValidCtxt (get_full_schema ());
  int result;

  xmlRelaxNGSetValidStructuredErrors (context, ignore_error_cb, NULL);
  result = xmlRelaxNGValidateDoc (context, doc);
  xmlRelaxNGFreeValidCtxt (context);
  return result == 0;
}

static xmlDocPtr
parse (const char *data,
       gsize       length)
{
  return xmlReadMemory (data, (int) length, NULL, "UTF-8",
                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
}

typedef struct {
  guint n_compared;
  guint n_valid;
  guint n_disagreements;
} Tally;

/* Both verdicts on @data; FALSE when they differ. Files that do not get
 * to a schema (not well-formed, a DTD, past a limit) are not counted. */
static gboolean
compare (const char *what,
         const char *data,
         gsize       length,
         Tally      *tally)
{
  xmlDocPtr doc;
  gboolean full, ours, checked = FALSE;

  if (memchr (data, '\0', length) != NULL || g_strstr_len (data, (gssize) length, "<!DOCTYPE"))
    return TRUE;
  doc = parse (data, length);
  if (doc == NULL)
    return TRUE;
  full = full_schema_accepts_doc (doc);
  xmlFreeDoc (doc);
  ours = waymark_format_matches_schema (data, length, &checked);
  if (!checked)
    return TRUE;
  tally->n_compared++;
  tally->n_valid += full;
  if (full == ours)
    return TRUE;
  tally->n_disagreements++;
  g_test_message ("%s: the schema %s it, the loader's grammar %s it:\n%.*s", what,
                  full ? "accepts" : "refuses", ours ? "accepts" : "refuses",
                  (int) MIN (length, 4000), data);
  return FALSE;
}

static gboolean
compare_doc (const char *what,
             xmlDocPtr   doc,
             Tally      *tally)
{
  xmlChar *bytes = NULL;
  int length = 0;
  gboolean same;

  xmlDocDumpMemoryEnc (doc, &bytes, &length, "UTF-8");
  same = compare (what, (const char *) bytes, (gsize) length, tally);
  xmlFree (bytes);
  return same;
}

/* The files of the corpus: the documents themselves. */
static GPtrArray *
list_corpus (void)
{
  const char *root = g_getenv ("WAYMARK_SOURCE_ROOT");
  const char *dirs[] = { "tests/data", "tests/data/fuzz-regressions/format", "data/examples",
                         "data/templates", "tests/fuzz/corpus/format" };
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (root);
  for (gsize d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autofree char *dir_path = g_build_filename (root, dirs[d], NULL);
      g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir_path, name, NULL);

          if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && !g_str_has_suffix (name, ".md"))
            g_ptr_array_add (paths, g_steal_pointer (&path));
        }
    }
  g_ptr_array_sort (paths, (GCompareFunc) g_strcmp0);
  return paths;
}

static void
test_patterns_are_the_schemas (void)
{
  static const char * const defines[WAYMARK_FORMAT_N_PATTERNS] = {
    [WAYMARK_FORMAT_PATTERN_ID] = "id",
    [WAYMARK_FORMAT_PATTERN_COLOR] = "color",
    [WAYMARK_FORMAT_PATTERN_LANGUAGE] = "language",
    [WAYMARK_FORMAT_PATTERN_TIMESTAMP] = "timestamp",
  };
  g_autoptr (GBytes) bytes = waymark_format_get_schema ();
  xmlDocPtr rng = parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  guint n_patterns = 0;

  g_assert_nonnull (rng);
  for (xmlNodePtr define = xmlDocGetRootElement (rng)->children; define; define = define->next)
    {
      xmlChar *name;
      xmlNodePtr data, param;
      xmlChar *pattern;

      if (define->type != XML_ELEMENT_NODE || !xmlStrEqual (define->name, (const xmlChar *) "define"))
        continue;
      data = xmlFirstElementChild (define);
      param = data != NULL ? xmlFirstElementChild (data) : NULL;
      if (param == NULL || !xmlStrEqual (param->name, (const xmlChar *) "param"))
        continue;
      name = xmlGetProp (define, (const xmlChar *) "name");
      pattern = xmlNodeGetContent (param);
      n_patterns++;
      for (int i = 0; i < WAYMARK_FORMAT_N_PATTERNS; i++)
        if (xmlStrEqual (name, (const xmlChar *) defines[i]))
          {
            g_assert_cmpstr ((const char *) pattern, ==, waymark_format_get_pattern (i));
            n_patterns += 100;
          }
      xmlFree (name);
      xmlFree (pattern);
    }
  xmlFreeDoc (rng);
  /* Every pattern of the schema is one of the four, each found. */
  g_assert_cmpuint (n_patterns, ==, WAYMARK_FORMAT_N_PATTERNS * 101);
}

static void
test_corpus (void)
{
  g_autoptr (GPtrArray) paths = list_corpus ();
  Tally tally = { 0 };

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      compare (path, contents, length, &tally);
    }
  g_test_message ("%u documents compared, %u valid", tally.n_compared, tally.n_valid);
  g_assert_cmpuint (tally.n_disagreements, ==, 0);
  g_assert_cmpuint (tally.n_compared, >, 15);
  g_assert_cmpuint (tally.n_valid, >, 5);
}

/* Values that probe every datatype of the schema at its edges. */
static const char * const awkward_values[] = {
  "", " ", "x", "x y", "é", "日本", "٢", "a:b", "a&b", "#1", "-", "+", "0", "-0", "+0", "00",
  "1", "+1", "-1", " 2 ", "\t3\n", "1 2", "1.5", "40", "2000", "999999999999999999999999",
  "1000000000000000000000000", "-0000000000000000000000000000007", "#0072b2", "#ABCDEF",
  "#abcdeg", " #0072b2", "#12345", "nl", "en-GB", "toolonglanguage", "en-", "zh-Hant-TW",
  "actions", " emotions ", "Actions", "notes", "open", " done ", "in-progress", "finished",
  "2", " 1 ", "3", " 3 ", "4", "2026-11-29T10:00:00Z", "2026-11-29 10:00:00Z",
  "٢026-11-29T10:00:00Z",
  "2026-11-29T10:00:00.5+01:00", "2026-11-29T10:00:00",
};

static const char * const element_names[] = {
  "waymark", "title", "author", "created", "modified", "description", "tags", "tag",
  "persona", "ambition", "phases", "phase", "lanes", "lane", "cards", "card", "text",
  "evidence", "emotions", "point", "domains", "domain", "recommendations", "recommendation",
  "addresses", "profile", "quote", "goal", "need", "frustration", "fact", "mood",
};

typedef struct {
  const char *what;
  Tally      *tally;
  GRand      *rand;
  double      keep;       /* the share of variants tried */
  guint       n_failed;
} Variants;

/* The variant @doc as it now is, then @undo puts it back. */
static void
try_variant (Variants   *variants,
             xmlDocPtr   doc,
             const char *change)
{
  g_autofree char *what = NULL;

  if (g_rand_double (variants->rand) >= variants->keep)
    return;
  what = g_strdup_printf ("%s, %s", variants->what, change);
  if (!compare_doc (what, doc, variants->tally))
    variants->n_failed++;
}

static void
vary_attributes (Variants   *variants,
                 xmlDocPtr   doc,
                 xmlNodePtr  element)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  xmlAttrPtr added;
  xmlNsPtr ns;

  /* The attributes as they are (the loop below changes the list). */
  for (xmlAttrPtr attribute = element->properties; attribute != NULL; attribute = attribute->next)
    if (attribute->ns == NULL)
      g_ptr_array_add (names, g_strdup ((const char *) attribute->name));

  for (guint i = 0; i < names->len; i++)
    {
      const xmlChar *name = g_ptr_array_index (names, i);
      xmlChar *original = xmlGetNoNsProp (element, name);

      for (gsize v = 0; v < G_N_ELEMENTS (awkward_values); v++)
        {
          xmlSetProp (element, name, (const xmlChar *) awkward_values[v]);
          try_variant (variants, doc, (const char *) name);
        }
      /* Without it, then back (the order of attributes does not matter). */
      xmlUnsetProp (element, name);
      try_variant (variants, doc, "an attribute dropped");
      xmlSetProp (element, name, original);
      xmlFree (original);
    }

  added = xmlSetProp (element, (const xmlChar *) "foo", (const xmlChar *) "1");
  try_variant (variants, doc, "an unknown attribute");
  xmlRemoveProp (added);
  ns = xmlNewNs (element, (const xmlChar *) "urn:other", (const xmlChar *) "o");
  added = xmlSetNsProp (element, ns, (const xmlChar *) "id", (const xmlChar *) "x");
  try_variant (variants, doc, "an attribute in another namespace");
  xmlRemoveProp (added);
  added = xmlSetProp (element, (const xmlChar *) "xml:lang", (const xmlChar *) "nl");
  try_variant (variants, doc, "xml:lang");
  xmlRemoveProp (added);
}

/* Appends @node without merging it into a text before it, as
 * xmlAddChild() would. */
static void
append_node (xmlNodePtr parent,
             xmlNodePtr node)
{
  node->parent = parent;
  node->doc = parent->doc;
  node->next = NULL;
  node->prev = parent->last;
  if (parent->last != NULL)
    parent->last->next = node;
  else
    parent->children = node;
  parent->last = node;
}

static void
vary_content (Variants   *variants,
              xmlDocPtr   doc,
              xmlNodePtr  element)
{
  static const char * const texts[] = { "x", " \n\t", "&#160;" };
  xmlNodePtr next = xmlNextElementSibling (element);
  xmlNodePtr copy;

  for (gsize t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      xmlNodePtr text = xmlNewDocText (doc, (const xmlChar *) (t == 2 ? "\xc2\xa0" : texts[t]));
      xmlNodePtr cdata = xmlNewCDataBlock (doc, (const xmlChar *) texts[t], (int) strlen (texts[t]));

      append_node (element, text);
      try_variant (variants, doc, "text added");
      xmlUnlinkNode (text);
      xmlFreeNode (text);
      append_node (element, cdata);
      try_variant (variants, doc, "a CDATA section added");
      xmlUnlinkNode (cdata);
      xmlFreeNode (cdata);
    }

  if (element->parent == NULL || element->parent->type != XML_ELEMENT_NODE)
    return;

  /* Doubled. */
  copy = xmlCopyNode (element, 1);
  xmlAddNextSibling (element, copy);
  try_variant (variants, doc, "an element doubled");
  xmlUnlinkNode (copy);
  xmlFreeNode (copy);

  /* Swapped with the next element. */
  if (next != NULL)
    {
      xmlUnlinkNode (element);
      xmlAddNextSibling (next, element);
      try_variant (variants, doc, "two elements swapped");
      xmlUnlinkNode (element);
      xmlAddPrevSibling (next, element);
    }

  /* Renamed. */
  {
    g_autofree char *name = g_strdup ((const char *) element->name);

    for (gsize n = 0; n < G_N_ELEMENTS (element_names); n++)
      {
        xmlNodeSetName (element, (const xmlChar *) element_names[n]);
        try_variant (variants, doc, "an element renamed");
      }
    xmlNodeSetName (element, (const xmlChar *) name);
  }

  /* Dropped (the next one takes its place). */
  {
    xmlNodePtr parent = element->parent;
    xmlNodePtr after = element->next;

    xmlUnlinkNode (element);
    try_variant (variants, doc, "an element dropped");
    if (after != NULL)
      xmlAddPrevSibling (after, element);
    else
      xmlAddChild (parent, element);
  }
}

/* Text elements: the timestamp's pattern and values of every kind. */
static void
vary_text (Variants   *variants,
           xmlDocPtr   doc,
           xmlNodePtr  element)
{
  xmlChar *original;

  if (element->children == NULL || element->children->type != XML_TEXT_NODE ||
      element->children->next != NULL)
    return;
  original = xmlNodeGetContent (element);
  for (gsize v = 0; v < G_N_ELEMENTS (awkward_values); v++)
    {
      xmlNodeSetContent (element->children, (const xmlChar *) awkward_values[v]);
      try_variant (variants, doc, "a text changed");
    }
  xmlNodeSetContent (element->children, original);
  xmlFree (original);
}

static void
collect_elements (xmlNodePtr  node,
                  GPtrArray  *elements)
{
  for (; node != NULL; node = node->next)
    if (node->type == XML_ELEMENT_NODE)
      {
        g_ptr_array_add (elements, node);
        collect_elements (node->children, elements);
      }
}

static void
test_variants (void)
{
  g_autoptr (GPtrArray) paths = list_corpus ();
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261129);
  Tally tally = { 0 };
  guint n_failed = 0;

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *contents = NULL;
      g_autofree char *base = g_path_get_basename (path);
      g_autoptr (GPtrArray) elements = g_ptr_array_new ();
      gsize length;
      xmlDocPtr doc;
      gboolean checked = FALSE;
      Variants variants = { base, &tally, rand, 1.0, 0 };

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      if (g_strstr_len (contents, (gssize) length, "<!DOCTYPE") || (doc = parse (contents, length)) == NULL)
        continue;
      waymark_format_matches_schema (contents, length, &checked);
      if (!checked)
        {
          xmlFreeDoc (doc);
          continue;
        }
      collect_elements (xmlDocGetRootElement (doc), elements);
      /* Every variant of the small documents, a sample of the large. */
      variants.keep = MIN (1.0, 25.0 / elements->len);
      for (guint e = 0; e < elements->len; e++)
        {
          xmlNodePtr element = g_ptr_array_index (elements, e);

          vary_attributes (&variants, doc, element);
          vary_text (&variants, doc, element);
          vary_content (&variants, doc, element);
        }
      n_failed += variants.n_failed;
      xmlFreeDoc (doc);
    }
  g_test_message ("%u variants compared, %u valid, %u disagreements", tally.n_compared,
                  tally.n_valid, tally.n_disagreements);
  g_assert_cmpuint (n_failed, ==, 0);
  g_assert_cmpuint (tally.n_compared, >, 5000);
  g_assert_cmpuint (tally.n_valid, >, 500);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format-grammar/patterns", test_patterns_are_the_schemas);
  g_test_add_func ("/format-grammar/corpus", test_corpus);
  g_test_add_func ("/format-grammar/variants", test_variants);

  return g_test_run ();
}
