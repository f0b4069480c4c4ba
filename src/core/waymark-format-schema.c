/* waymark-format-schema.c: the RELAX NG schema compiled into the program
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loader validates against data/waymark.rng, compiled in as a
 * resource, after parsing and before the semantic pass
 * (waymark-format-reader.c). The schema's value patterns (ids, colours,
 * language, timestamps) are taken out of it and matched by that pass
 * instead, which is much faster (see get_schema()), and so is the rule of
 * which version may hold what, which it explains better
 * (relax_versions()).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlregexp.h>

#include "waymark-core-resources.h"
#include "waymark-format-private.h"

#define SCHEMA_RESOURCE "/org/waymark/Waymark/core/waymark.rng"

GBytes *
waymark_format_get_schema (void)
{
  return g_resource_lookup_data (waymark_core_get_resource (), SCHEMA_RESOURCE,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

static void
schema_parser_error_cb (void        *user_data,
                        xmlErrorPtr  error)
{
  g_critical ("The built-in schema does not parse: line %d: %s",
              error->line, error->message != NULL ? error->message : "");
}

/* The value patterns of data/waymark.rng (<param name="pattern">), each
 * compiled once; the reader checks values against them.
 *
 * Why not let the schema check them: libxml2 2.9's RELAX NG validator
 * compiles a pattern facet into a fresh regular expression for every
 * single value it checks (xmlRelaxNGSchemaFacetCheck builds, checks and
 * frees a facet each time), which made pattern checking 350 of the 440
 * million instructions of validating the benchmark's large map, three
 * times the cost of parsing it. The loader therefore validates against
 * the schema with these patterns taken out, and the reader matches the
 * values with the very same expressions (libxml2's XML Schema regular
 * expressions, xmlRegexpCompile, exactly what the facet would compile),
 * compiled once, naming the value and the rule in its message.
 * data/waymark.rng itself is unchanged: what `xmllint --relaxng` accepts
 * is still exactly what Waymark accepts. Only patterns of the defines
 * listed here are moved; any other pattern stays in the schema. */
static const char * const pattern_defines[WAYMARK_FORMAT_N_PATTERNS] = {
  [WAYMARK_FORMAT_PATTERN_ID] = "id",
  [WAYMARK_FORMAT_PATTERN_COLOR] = "color",
  [WAYMARK_FORMAT_PATTERN_LANGUAGE] = "language",
  [WAYMARK_FORMAT_PATTERN_TIMESTAMP] = "timestamp",
};

static xmlRegexpPtr patterns[WAYMARK_FORMAT_N_PATTERNS];

static const xmlChar RNG_NS[] = "http://relaxng.org/ns/structure/1.0";

static gboolean
is_rng_element (xmlNodePtr  node,
                const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         xmlStrEqual (node->ns->href, RNG_NS) && xmlStrEqual (node->name, (const xmlChar *) name);
}

/* In <define name="NAME"><data type="string"><param name="pattern">P
 * </param></data></define> of a listed define: compiles P and replaces
 * the <data> by <text/> (a string without its pattern). */
static void
take_out_patterns (xmlNodePtr grammar)
{
  for (xmlNodePtr define = grammar->children; define != NULL; define = define->next)
    {
      xmlChar *name;
      int which = -1;
      xmlNodePtr data = NULL, param = NULL;

      if (!is_rng_element (define, "define"))
        continue;
      name = xmlGetNoNsProp (define, (const xmlChar *) "name");
      for (int i = 0; name != NULL && i < WAYMARK_FORMAT_N_PATTERNS; i++)
        if (xmlStrEqual (name, (const xmlChar *) pattern_defines[i]))
          which = i;
      xmlFree (name);
      if (which < 0)
        continue;

      for (xmlNodePtr child = define->children; child != NULL; child = child->next)
        if (is_rng_element (child, "data"))
          data = child;
      for (xmlNodePtr child = data != NULL ? data->children : NULL; child != NULL;
           child = child->next)
        if (is_rng_element (child, "param"))
          param = child;
      if (param != NULL)
        {
          xmlChar *param_name = xmlGetNoNsProp (param, (const xmlChar *) "name");
          xmlChar *type = xmlGetNoNsProp (data, (const xmlChar *) "type");
          xmlChar *pattern = xmlNodeGetContent (param);

          /* Only the exact shape described above; anything else stays in
           * the schema, and the check below notices the missing pattern. */
          if (xmlStrEqual (param_name, (const xmlChar *) "pattern") &&
              xmlStrEqual (type, (const xmlChar *) "string") &&
              xmlChildElementCount (data) == 1 && pattern != NULL &&
              (patterns[which] = xmlRegexpCompile (pattern)) != NULL)
            {
              xmlNodePtr text = xmlNewNode (data->ns, (const xmlChar *) "text");

              xmlReplaceNode (data, text);
              xmlFreeNode (data);
            }
          xmlFree (param_name);
          xmlFree (type);
          xmlFree (pattern);
        }
    }
}

/* The only element child of @node, or NULL. */
static xmlNodePtr
only_element_child (xmlNodePtr node)
{
  return xmlChildElementCount (node) == 1 ? xmlFirstElementChild (node) : NULL;
}

/* The first <ref name="@name"/> under @node. */
static xmlNodePtr
find_reference (xmlNodePtr  node,
                const char *name)
{
  for (xmlNodePtr child = xmlFirstElementChild (node); child != NULL;
       child = xmlNextElementSibling (child))
    {
      xmlNodePtr found = NULL;

      if (is_rng_element (child, "ref"))
        {
          xmlChar *ref = xmlGetNoNsProp (child, (const xmlChar *) "name");

          if (xmlStrEqual (ref, (const xmlChar *) name))
            found = child;
          xmlFree (ref);
        }
      else if (!is_rng_element (child, "define"))
        found = find_reference (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* <attribute name="version"><value>N</value></attribute>: moves the value
 * into @values. */
static gboolean
take_version_value (xmlNodePtr attribute,
                    xmlNodePtr values)
{
  xmlChar *name = xmlGetNoNsProp (attribute, (const xmlChar *) "name");
  xmlNodePtr value = only_element_child (attribute);
  gboolean ok = is_rng_element (attribute, "attribute") &&
                xmlStrEqual (name, (const xmlChar *) "version") && value != NULL &&
                is_rng_element (value, "value");

  xmlFree (name);
  if (ok)
    {
      xmlUnlinkNode (value);
      xmlAddChild (values, value);
    }
  return ok;
}

/* The format versions differ in what may follow the personas (the define
 * "versions" of data/waymark.rng): a choice whose branches are
 * <attribute name="version"><value>N</value></attribute>, alone or first
 * in a <group> with the optional elements that version adds. Inside a
 * choice, libxml2 reports a problem anywhere in the document as "Element
 * waymark has extra content" at its first element, so the choice is
 * replaced by the attribute with any of the values, followed by every
 * version's elements. That accepts a version-1 file with version-2
 * elements, which the reader refuses (check_version () in
 * waymark-format-reader.c, "needs format version 2"): together they
 * accept exactly what the schema does. FALSE when the define does not
 * have that shape. */
static gboolean
relax_versions (xmlNodePtr grammar)
{
  for (xmlNodePtr define = grammar->children; define != NULL; define = define->next)
    {
      xmlChar *name;
      gboolean is_versions;
      xmlNodePtr choice, attribute, values, next, reference;
      g_autoptr (GPtrArray) added = NULL;

      if (!is_rng_element (define, "define"))
        continue;
      name = xmlGetNoNsProp (define, (const xmlChar *) "name");
      is_versions = xmlStrEqual (name, (const xmlChar *) "versions");
      xmlFree (name);
      if (!is_versions)
        continue;

      choice = only_element_child (define);
      if (choice == NULL || !is_rng_element (choice, "choice"))
        return FALSE;
      values = xmlNewNode (choice->ns, (const xmlChar *) "choice");
      attribute = xmlNewNode (choice->ns, (const xmlChar *) "attribute");
      xmlNewProp (attribute, (const xmlChar *) "name", (const xmlChar *) "version");
      xmlAddChild (attribute, values);
      added = g_ptr_array_new ();
      for (xmlNodePtr branch = xmlFirstElementChild (choice); branch != NULL;
           branch = xmlNextElementSibling (branch))
        {
          xmlNodePtr first = branch;

          if (is_rng_element (branch, "group"))
            {
              first = xmlFirstElementChild (branch);
              for (xmlNodePtr more = first != NULL ? xmlNextElementSibling (first) : NULL;
                   more != NULL; more = xmlNextElementSibling (more))
                {
                  /* What one version adds is optional in all of them. */
                  if (!is_rng_element (more, "optional"))
                    first = NULL;
                  g_ptr_array_add (added, more);
                }
            }
          if (first == NULL || !take_version_value (first, values))
            {
              xmlFreeNode (attribute);
              return FALSE;
            }
        }

      /* In place of the reference: behind a <ref> to a define of
       * attributes and elements, libxml2 again reports problems at the
       * document's first element. */
      reference = find_reference (grammar, "versions");
      if (reference == NULL)
        {
          xmlFreeNode (attribute);
          return FALSE;
        }
      xmlReplaceNode (reference, attribute);
      xmlFreeNode (reference);
      next = attribute;
      for (guint i = 0; i < added->len; i++)
        {
          xmlNodePtr element = g_ptr_array_index (added, i);

          xmlUnlinkNode (element);
          next = xmlAddNextSibling (next, element);
        }
      xmlUnlinkNode (define);
      xmlFreeNode (define);
      return TRUE;
    }
  return FALSE;
}

/* Parsed once; validation contexts only read it. */
static xmlRelaxNGPtr
get_schema (void)
{
  static gsize schema_once = 0;
  static xmlRelaxNGPtr schema = NULL;

  if (g_once_init_enter (&schema_once))
    {
      g_autoptr (GBytes) bytes = waymark_format_get_schema ();
      xmlDocPtr doc = NULL;

      if (bytes != NULL)
        {
          gsize size;
          const char *data = g_bytes_get_data (bytes, &size);

          /* Our own compiled-in file, but parsed with the same care. */
          doc = xmlReadMemory (data, (int) size, NULL, NULL, XML_PARSE_NONET);
        }
      if (doc != NULL && xmlDocGetRootElement (doc) != NULL)
        {
          xmlRelaxNGParserCtxtPtr context;
          gboolean all_taken = TRUE;

          take_out_patterns (xmlDocGetRootElement (doc));
          for (int i = 0; i < WAYMARK_FORMAT_N_PATTERNS; i++)
            all_taken &= patterns[i] != NULL;
          /* Should the schema change shape, refuse to load anything
           * rather than silently check less. */
          if (!relax_versions (xmlDocGetRootElement (doc)))
            g_critical ("The built-in schema does not have the versions the loader expects");
          else if (all_taken)
            {
              context = xmlRelaxNGNewDocParserCtxt (doc);
              xmlRelaxNGSetParserStructuredErrors (context, schema_parser_error_cb, NULL);
              schema = xmlRelaxNGParse (context);
              xmlRelaxNGFreeParserCtxt (context);
            }
          else
            g_critical ("The built-in schema does not have the value patterns the loader expects");
        }
      if (doc != NULL)
        xmlFreeDoc (doc);
      g_once_init_leave (&schema_once, 1);
    }
  return schema;
}

gboolean
waymark_format_value_matches (WaymarkFormatPattern  pattern,
                              const char           *value)
{
  g_return_val_if_fail (pattern < WAYMARK_FORMAT_N_PATTERNS, FALSE);

  /* The reader only runs after get_schema() succeeded. */
  g_return_val_if_fail (patterns[pattern] != NULL, FALSE);
  return xmlRegexpExec (patterns[pattern], (const xmlChar *) value) == 1;
}

gboolean
waymark_format_is_color (const char *value)
{
  if (strlen (value) != 7 || value[0] != '#')
    return FALSE;
  for (int i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (value[i]))
      return FALSE;
  return TRUE;
}

typedef struct {
  WaymarkFormatChecker *checker;
  GPtrArray            *problems;
} SchemaErrors;

static void
schema_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
  SchemaErrors *errors = user_data;
  long line = error->line;
  char *message;

  if (error->node != NULL)
    line = waymark_format_node_line (error->node);
  if (errors->problems->len >= WAYMARK_FORMAT_MAX_PROBLEMS)
    return;
  message = waymark_format_tidy_libxml_message (error->message);
  g_ptr_array_add (errors->problems, waymark_format_problem_new (errors->checker, line, 1,
                                                                 WAYMARK_FORMAT_ERROR_SCHEMA,
                                                                 message));
}

gboolean
waymark_format_validate_schema (WaymarkFormatChecker *checker,
                                xmlDocPtr             doc,
                                GPtrArray            *problems)
{
  xmlRelaxNGPtr schema = get_schema ();
  xmlRelaxNGValidCtxtPtr context;
  SchemaErrors errors = { checker, problems };
  int result;

  if (schema == NULL)
    {
      waymark_format_report (checker, 0, 0, WAYMARK_FORMAT_ERROR_SCHEMA,
                             _("internal error: the built-in schema is missing or broken"));
      return FALSE;
    }

  context = xmlRelaxNGNewValidCtxt (schema);
  xmlRelaxNGSetValidStructuredErrors (context, schema_error_cb, &errors);
  result = xmlRelaxNGValidateDoc (context, doc);
  xmlRelaxNGFreeValidCtxt (context);

  if (result != 0 && problems->len == 0)
    {
      long line = waymark_format_node_line (xmlDocGetRootElement (doc));
      char *message = g_strdup (_("the document does not match the Waymark schema"));

      g_ptr_array_add (problems, waymark_format_problem_new (checker, line, 1,
                                                             WAYMARK_FORMAT_ERROR_SCHEMA,
                                                             message));
    }
  return TRUE;
}

/* The schema's complaints are terse ("Element lane failed to validate
 * attributes") and come in pairs for one mistake: keep the first per line,
 * and none on a line the semantic pass already explained. */
void
waymark_format_merge_schema_problems (WaymarkFormatChecker *checker,
                                      GHashTable           *semantic_lines,
                                      GPtrArray            *schema_problems)
{
  g_autoptr (GHashTable) lines = g_hash_table_new (NULL, NULL);
  gboolean any_located = FALSE;

  for (guint i = 0; i < schema_problems->len; i++)
    any_located |= ((WaymarkProblem *) g_ptr_array_index (schema_problems, i))->line > 0;

  for (guint i = 0; i < schema_problems->len; i++)
    {
      WaymarkProblem *problem = g_ptr_array_index (schema_problems, i);
      gpointer line = GINT_TO_POINTER ((int) MIN (problem->line, G_MAXINT));

      if ((problem->line == 0 && (any_located || checker->problems->len > 0)) ||
          g_hash_table_contains (semantic_lines, line) ||
          g_hash_table_contains (lines, line))
        continue;
      g_hash_table_add (lines, line);
      waymark_format_report_take (checker, problem->line, problem->column,
                                  (WaymarkFormatError) problem->code, g_strdup (problem->message));
    }
}
