/* waymark-format.c: reading, checking and writing .waymark files
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file is treated as hostile. The loader reads the bytes itself with
 * a size cap, parses them from memory without network, entity substitution
 * or DTD loading, stops the parser the moment it meets a <!DOCTYPE> (which
 * is what makes entity bombs and external entities harmless: no entity is
 * ever declared), then validates against the RELAX NG schema compiled into
 * the program and finally checks what a schema cannot express (unique ids,
 * references, ranges). The same walk that checks builds the model, which
 * is handed out only when nothing was wrong. The schema's value patterns
 * (ids, colours, language, timestamps) are matched by that walk rather
 * than by the RELAX NG validator, which is slow at them (see get_schema()).
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlregexp.h>

#include "waymark-core-resources.h"
#include "waymark-file-writer.h"
#include "waymark-format-private.h"
#include "waymark-format.h"
#include "waymark-limits.h"

#define SCHEMA_RESOURCE "/org/waymark/Waymark/core/waymark.rng"

/* Options for untrusted input. Deliberately absent: NOENT (substitutes
 * entities), DTDLOAD, DTDATTR, DTDVALID (load or apply DTDs), XINCLUDE,
 * HUGE (lifts the parser's own limits) and RECOVER (accepts broken XML).
 * BIG_LINES keeps line numbers above 65535 right. */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES)

#define NS ((const xmlChar *) WAYMARK_FORMAT_NAMESPACE)

/* Problems and the checker that collects them */

static void
checker_init (WaymarkFormatChecker *checker,
              const char           *display_name)
{
  /* The name ends up in terminal output: make sure it is valid UTF-8. */
  checker->display_name = g_utf8_make_valid (display_name, -1);
  checker->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_problem_free);
  checker->n_dropped = 0;
  checker->saw_dtd = FALSE;
  checker->cut_line = checker->cut_column = 0;
}

static void
checker_clear (WaymarkFormatChecker *checker)
{
  g_clear_pointer (&checker->display_name, g_free);
  g_clear_pointer (&checker->problems, g_ptr_array_unref);
}

/* A problem at @line:@column, 0:0 for the file as a whole; the column
 * is 1 when only the line is known. */
static WaymarkProblem *
problem_new (const char         *file,
             long                line,
             long                column,
             WaymarkFormatError  code,
             char               *message)
{
  guint at_line = line > 0 ? (guint) MIN (line, G_MAXUINT) : 0;
  guint at_column = at_line == 0 ? 0 : (column > 0 ? (guint) MIN (column, G_MAXUINT) : 1);

  return waymark_problem_new (file, at_line, at_column, WAYMARK_PROBLEM_ERROR,
                              WAYMARK_FORMAT_ERROR, code, message);
}

void
waymark_format_report_take (WaymarkFormatChecker *checker,
                            long                  line,
                            long                  column,
                            WaymarkFormatError    code,
                            char                 *message)
{
  if (checker->problems->len >= WAYMARK_FORMAT_MAX_PROBLEMS)
    {
      checker->n_dropped++;
      g_free (message);
      return;
    }
  g_ptr_array_add (checker->problems,
                   problem_new (checker->display_name, line, column, code, message));
}

void
waymark_format_report (WaymarkFormatChecker *checker,
                       long                  line,
                       long                  column,
                       WaymarkFormatError    code,
                       const char           *format,
                       ...)
{
  va_list args;

  va_start (args, format);
  waymark_format_report_take (checker, line, column, code, g_strdup_vprintf (format, args));
  va_end (args);
}

/* libxml2's messages end in a newline and some span lines. */
static char *
tidy_libxml_message (const char *message)
{
  g_autofree char *valid = g_utf8_make_valid (message != NULL ? message : "", -1);
  GString *tidy = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = valid; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t' || *p == ' ')
        {
          space = TRUE;
          continue;
        }
      if (space && tidy->len > 0)
        g_string_append_c (tidy, ' ');
      space = FALSE;
      g_string_append_c (tidy, *p);
    }
  /* Advice for programmers, not for someone with a broken file. */
  if (g_str_has_suffix (tidy->str, " use XML_PARSE_HUGE option"))
    g_string_truncate (tidy, tidy->len - strlen (" use XML_PARSE_HUGE option"));
  return g_string_free (tidy, FALSE);
}

/* XML parsing */

static xmlParserInputPtr
deny_external_entity (const char       *url,
                      const char       *id,
                      xmlParserCtxtPtr  context)
{
  /* Nothing a Waymark file refers to is ever fetched: not from disk, not
   * from the network. */
  return NULL;
}

static void
ensure_libxml (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      /* Process-wide in libxml2; nothing else in Waymark wants external
       * entities either. */
      xmlSetExternalEntityLoader (deny_external_entity);
      g_once_init_leave (&initialized, 1);
    }
}

static WaymarkFormatError
code_for_parse_error (int code)
{
  switch (code)
    {
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
    case XML_ERR_UNSUPPORTED_ENCODING:
    case XML_ERR_UNKNOWN_ENCODING:
    case XML_ERR_ENCODING_NAME:
      return WAYMARK_FORMAT_ERROR_ENCODING;
    case XML_ERR_ENTITY_LOOP:
    case XML_ERR_ENTITY_BOUNDARY:
    case XML_ERR_EXT_ENTITY_STANDALONE:
    case XML_ERR_ENTITY_IS_EXTERNAL:
    case XML_ERR_ENTITY_IS_PARAMETER:
    case XML_ERR_ENTITY_PE_INTERNAL:
      return WAYMARK_FORMAT_ERROR_FORBIDDEN;
    default:
      return WAYMARK_FORMAT_ERROR_SYNTAX;
    }
}

static void
parser_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
  xmlParserCtxtPtr parser = user_data;
  WaymarkFormatChecker *checker = parser->_private;
  g_autofree char *message = NULL;

  if (checker == NULL || error == NULL || error->level == XML_ERR_WARNING)
    return;
  /* Our own xmlStopParser() after a DTD; already reported. */
  if (error->code == XML_ERR_USER_STOP || checker->saw_dtd)
    return;
  /* The end of what libxml2 was given before a DTD (see check_data()):
   * not where the file ends. */
  if (checker->cut_line > 0 &&
      (error->line > (int) checker->cut_line ||
       (error->line == (int) checker->cut_line && error->int2 >= (int) checker->cut_column)))
    return;

  message = tidy_libxml_message (error->message);
  if (error->code == XML_ERR_INVALID_CHAR &&
      g_str_has_prefix (message, "Input is not proper UTF-8"))
    {
      const char *bytes = strstr (message, "Bytes:");

      waymark_format_report (checker, error->line, error->int2, WAYMARK_FORMAT_ERROR_ENCODING,
                             _("the file is not valid UTF-8 text (%s); Waymark files are UTF-8"),
                             bytes != NULL ? bytes : message);
      return;
    }
  /* The two messages people with a damaged file meet most, said in their
   * words rather than libxml2's; the line:column stays libxml2's. For an
   * unclosed element, int1 is the line where it was opened. */
  if (error->code == XML_ERR_TAG_NOT_FINISHED && error->str1 != NULL)
    {
      waymark_format_report (checker, error->line, error->int2, WAYMARK_FORMAT_ERROR_SYNTAX,
                             _("the file ends before the <%s> element opened on line %d is "
                               "closed (it may be truncated)"),
                             error->str1, error->int1);
      return;
    }
  if (error->code == XML_ERR_DOCUMENT_EMPTY && g_str_has_prefix (message, "Start tag expected"))
    {
      waymark_format_report (checker, error->line, error->int2, WAYMARK_FORMAT_ERROR_SYNTAX,
                             _("this is not an XML file"));
      return;
    }
  waymark_format_report_take (checker, error->line, error->int2, code_for_parse_error (error->code),
                              g_steal_pointer (&message));
}

static void
report_dtd (WaymarkFormatChecker *checker,
            long                  line,
            long                  column)
{
  if (checker->saw_dtd)
    return;
  waymark_format_report (checker, line, column, WAYMARK_FORMAT_ERROR_FORBIDDEN,
                         _("the file has a document type declaration (<!DOCTYPE>); "
                           "DTDs are not allowed in Waymark files"));
  checker->saw_dtd = TRUE;
}

static void
refuse_dtd_cb (void          *user_data,
               const xmlChar *name,
               const xmlChar *external_id,
               const xmlChar *system_id)
{
  xmlParserCtxtPtr parser = user_data;
  WaymarkFormatChecker *checker = parser->_private;

  /* Called as soon as "<!DOCTYPE name ..." is read, before the internal
   * subset: stopping here means no entity is ever declared, so no
   * billion laughs and no external entity can follow. */
  if (checker != NULL)
    report_dtd (checker, xmlSAX2GetLineNumber (parser), xmlSAX2GetColumnNumber (parser));
  xmlStopParser (parser);
}

/* Resource limits (waymark-limits.h, docs/safety.md), counted as the
 * parser reads, so that a hostile file stops before its tree grows: the
 * tree is never bigger than the limits. Kept in parser->sax->_private
 * (this context's own copy of the SAX handler). Added by the hardening
 * work (issue 7); tests/test-limits.c checks each limit. */
typedef struct {
  const xmlChar *open[WAYMARK_LIMIT_DEPTH + 1];  /* element names from the root */
  guint          depth;
  guint          n_elements;
  guint          n_personas;
  guint          n_phases;                       /* in the current persona */
  guint          n_lanes;                        /* in the current persona */
  guint          n_cards;
  guint          n_tags;
  gsize          text_length;                    /* of the current element */
} LimitCounts;

G_GNUC_PRINTF (2, 3)
static void
exceed_limit (xmlParserCtxtPtr  parser,
              const char       *format,
              ...)
{
  WaymarkFormatChecker *checker = parser->_private;
  va_list args;

  va_start (args, format);
  waymark_format_report_take (checker, xmlSAX2GetLineNumber (parser),
                              xmlSAX2GetColumnNumber (parser), WAYMARK_FORMAT_ERROR_TOO_LARGE,
                              g_strdup_vprintf (format, args));
  va_end (args);
  xmlStopParser (parser);
}

static gboolean
is_child_of (const xmlChar *localname,
             const char    *name,
             const xmlChar *parent,
             const char    *parent_name)
{
  return parent != NULL && xmlStrEqual (localname, (const xmlChar *) name) &&
         xmlStrEqual (parent, (const xmlChar *) parent_name);
}

/* Counts an element against the limits; FALSE (parsing stopped) when
 * it is one too many. */
static gboolean
count_element (xmlParserCtxtPtr  parser,
               const xmlChar    *localname,
               int               n_attributes,
               const xmlChar   **attributes)
{
  LimitCounts *counts = parser->sax->_private;
  const xmlChar *parent = counts->depth > 0 ? counts->open[counts->depth - 1] : NULL;

  if (++counts->n_elements > WAYMARK_LIMIT_ELEMENTS)
    {
      exceed_limit (parser, _("the file has more than %d elements, the most Waymark reads"),
                    WAYMARK_LIMIT_ELEMENTS);
      return FALSE;
    }
  if (counts->depth >= WAYMARK_LIMIT_DEPTH)
    {
      exceed_limit (parser, _("elements are nested too deep (more than %d levels)"),
                    WAYMARK_LIMIT_DEPTH);
      return FALSE;
    }
  for (int i = 0; i < n_attributes; i++)
    if ((gsize) (attributes[i * 5 + 4] - attributes[i * 5 + 3]) > WAYMARK_LIMIT_TEXT_LENGTH)
      {
        exceed_limit (parser, _("an attribute value is longer than the most Waymark reads "
                                "in one text (%d KiB)"), WAYMARK_LIMIT_TEXT_LENGTH / 1024);
        return FALSE;
      }

  /* Counted by where they are, as the reader finds them; a persona
   * starts its own count of phases and lanes. */
  if (xmlStrEqual (localname, (const xmlChar *) "persona") && counts->depth == 1)
    {
      counts->n_phases = counts->n_lanes = 0;
      if (++counts->n_personas > WAYMARK_LIMIT_PERSONAS)
        {
          exceed_limit (parser, _("the file has more than %d personas, the most Waymark reads"),
                        WAYMARK_LIMIT_PERSONAS);
          return FALSE;
        }
    }
  else if (is_child_of (localname, "phase", parent, "phases") &&
           ++counts->n_phases > WAYMARK_LIMIT_PHASES)
    {
      exceed_limit (parser, _("a persona has more than %d phases, the most Waymark reads"),
                    WAYMARK_LIMIT_PHASES);
      return FALSE;
    }
  else if (is_child_of (localname, "lane", parent, "lanes") &&
           ++counts->n_lanes > WAYMARK_LIMIT_LANES)
    {
      exceed_limit (parser, _("a persona has more than %d lanes, the most Waymark reads"),
                    WAYMARK_LIMIT_LANES);
      return FALSE;
    }
  else if (is_child_of (localname, "card", parent, "cards") &&
           ++counts->n_cards > WAYMARK_LIMIT_CARDS)
    {
      exceed_limit (parser, _("the file has more than %d cards, the most Waymark reads"),
                    WAYMARK_LIMIT_CARDS);
      return FALSE;
    }
  else if (is_child_of (localname, "tag", parent, "tags") &&
           ++counts->n_tags > WAYMARK_LIMIT_TAGS)
    {
      exceed_limit (parser, _("the file has more than %d tags, the most Waymark reads"),
                    WAYMARK_LIMIT_TAGS);
      return FALSE;
    }

  counts->open[counts->depth++] = localname;
  counts->text_length = 0;
  return TRUE;
}

static void
end_element_cb (void          *user_data,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  xmlParserCtxtPtr parser = user_data;
  LimitCounts *counts = parser->sax->_private;

  if (counts->depth > 0)
    counts->depth--;
  counts->text_length = 0;
  xmlSAX2EndElementNs (user_data, localname, prefix, uri);
}

/* Text arrives in chunks; one element's text counts as one text. */
static void
count_text (xmlParserCtxtPtr parser,
            int              length)
{
  LimitCounts *counts = parser->sax->_private;

  counts->text_length += (gsize) MAX (length, 0);
  if (counts->text_length > WAYMARK_LIMIT_TEXT_LENGTH)
    exceed_limit (parser, _("a text is longer than %d KiB, the most Waymark reads in one text"),
                  WAYMARK_LIMIT_TEXT_LENGTH / 1024);
}

static void
characters_cb (void          *user_data,
               const xmlChar *text,
               int            length)
{
  count_text (user_data, length);
  if (!((xmlParserCtxtPtr) user_data)->disableSAX)
    xmlSAX2Characters (user_data, text, length);
}

static void
cdata_block_cb (void          *user_data,
                const xmlChar *text,
                int            length)
{
  count_text (user_data, length);
  if (!((xmlParserCtxtPtr) user_data)->disableSAX)
    xmlSAX2CDataBlock (user_data, text, length);
}

/* libxml2 keeps element line numbers in 16 bits; XML_PARSE_BIG_LINES only
 * helps text nodes, so an element past line 65535 would be reported at
 * 65535. The element's real line goes in its _private field instead,
 * which is the application's (see waymark_format_node_line()). */
static void
start_element_cb (void           *user_data,
                  const xmlChar  *localname,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  xmlParserCtxtPtr parser = user_data;

  if (!count_element (parser, localname, n_attributes, attributes))
    return;
  xmlSAX2StartElementNs (user_data, localname, prefix, uri, n_namespaces, namespaces,
                         n_attributes, n_defaulted, attributes);
  if (parser->node != NULL && parser->input != NULL && parser->input->line >= 65535)
    parser->node->_private = GSIZE_TO_POINTER ((gsize) parser->input->line);
}

long
waymark_format_node_line (xmlNodePtr node)
{
  if (node == NULL)
    return 0;
  if (node->type == XML_ELEMENT_NODE && node->_private != NULL)
    return (long) GPOINTER_TO_SIZE (node->_private);
  return MAX (xmlGetLineNo (node), 0);
}

static xmlDocPtr
parse_xml (WaymarkFormatChecker *checker,
           const char           *data,
           gsize                 length)
{
  xmlParserCtxtPtr parser;
  xmlDocPtr doc;
  guint n_before = checker->problems->len;
  LimitCounts counts = { 0 };

  parser = xmlNewParserCtxt ();
  if (parser == NULL)
    {
      waymark_format_report (checker, 0, 0, WAYMARK_FORMAT_ERROR_IO, _("out of memory"));
      return NULL;
    }

  /* Errors go to this context's own handler, never to libxml2's global
   * stderr printer (xmlCtxtSetErrorHandler only exists from 2.13 on). */
  parser->_private = checker;
  parser->sax->serror = parser_error_cb;
  parser->sax->internalSubset = refuse_dtd_cb;
  parser->sax->startElementNs = start_element_cb;
  parser->sax->endElementNs = end_element_cb;
  parser->sax->characters = characters_cb;
  parser->sax->cdataBlock = cdata_block_cb;
  parser->sax->_private = &counts;

  /* The encoding is forced: a Waymark file is UTF-8 whatever its XML
   * declaration says, and anything else is reported as an encoding error. */
  doc = xmlCtxtReadMemory (parser, data, (int) length, NULL, "UTF-8", PARSE_OPTIONS);

  if (doc != NULL && !checker->saw_dtd && (doc->intSubset != NULL || doc->extSubset != NULL))
    {
      waymark_format_report (checker, 1, 1, WAYMARK_FORMAT_ERROR_FORBIDDEN,
                             _("the file has a document type declaration (<!DOCTYPE>); "
                               "DTDs are not allowed in Waymark files"));
      checker->saw_dtd = TRUE;
    }

  if (doc != NULL && (checker->problems->len > n_before || !parser->wellFormed ||
                      !parser->nsWellFormed || checker->saw_dtd))
    g_clear_pointer (&doc, xmlFreeDoc);

  if (doc == NULL && checker->problems->len == n_before)
    waymark_format_report (checker, 1, 1, WAYMARK_FORMAT_ERROR_SYNTAX,
                           _("the file is not well-formed XML"));

  parser->_private = NULL;
  parser->sax->_private = NULL;
  xmlFreeParserCtxt (parser);
  return doc;
}

/* The schema */

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
          if (all_taken)
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

typedef struct {
  WaymarkFormatChecker   *checker;
  GPtrArray *problems;
} SchemaErrors;

static void
schema_error_cb (void        *user_data,
                 xmlErrorPtr  error)
{
  SchemaErrors *errors = user_data;
  long line = error->line;

  if (error->node != NULL)
    line = waymark_format_node_line (error->node);
  if (errors->problems->len >= WAYMARK_FORMAT_MAX_PROBLEMS)
    return;
  g_ptr_array_add (errors->problems,
                   problem_new (errors->checker->display_name, line, 1,
                                WAYMARK_FORMAT_ERROR_SCHEMA,
                                tidy_libxml_message (error->message)));
}

/* Collects the schema's complaints into @problems (not the checker: they
 * are merged after the semantic pass, which often explains the same line
 * better). FALSE when there is no schema to validate with (reported): the
 * reader, which relies on the schema's patterns, must not run then. */
static gboolean
validate_schema (WaymarkFormatChecker *checker,
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
    g_ptr_array_add (problems,
                     problem_new (checker->display_name,
                                  waymark_format_node_line (xmlDocGetRootElement (doc)),
                                  1, WAYMARK_FORMAT_ERROR_SCHEMA,
                                  g_strdup (_("the document does not match the Waymark schema"))));
  return TRUE;
}

/* Checking a whole file */

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const WaymarkProblem *pa = *(WaymarkProblem **) a;
  const WaymarkProblem *pb = *(WaymarkProblem **) b;

  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;
  if (pa->column != pb->column)
    return pa->column < pb->column ? -1 : 1;
  return 0;
}

/* The schema's complaints are terse ("Element lane failed to validate
 * attributes") and come in pairs for one mistake: keep the first per line,
 * and none on a line the semantic pass already explained. */
static void
merge_schema_problems (WaymarkFormatChecker *checker,
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

/* Whether the root is <waymark> in our namespace at a version we read;
 * reports why not. */
static gboolean
check_root (WaymarkFormatChecker *checker,
            xmlNodePtr            root)
{
  long line = waymark_format_node_line (root);
  xmlChar *version = NULL;
  guint64 number;
  gboolean newer;

  if (root == NULL)
    {
      waymark_format_report (checker, 1, 1, WAYMARK_FORMAT_ERROR_NOT_WAYMARK,
                             _("not a Waymark document: there is no root element"));
      return FALSE;
    }
  if (!xmlStrEqual (root->name, (const xmlChar *) "waymark"))
    {
      g_autofree char *name = g_utf8_make_valid ((const char *) root->name, -1);

      waymark_format_report (checker, line, 1, WAYMARK_FORMAT_ERROR_NOT_WAYMARK,
                             _("not a Waymark document: the root element is <%s>, not <waymark>"),
                             name);
      return FALSE;
    }
  if (root->ns == NULL || !xmlStrEqual (root->ns->href, NS))
    {
      waymark_format_report (checker, line, 1, WAYMARK_FORMAT_ERROR_NOT_WAYMARK,
                             _("not a Waymark document: <waymark> is not in the namespace %s "
                               "(add xmlns=\"%s\")"),
                             WAYMARK_FORMAT_NAMESPACE, WAYMARK_FORMAT_NAMESPACE);
      return FALSE;
    }

  /* Checked before the schema, whose complaint would be unhelpful: a
   * newer file is not broken, this program is old. */
  version = xmlGetNoNsProp (root, (const xmlChar *) "version");
  newer = version != NULL &&
          g_ascii_string_to_unsigned ((const char *) version, 10, 0, G_MAXUINT64, &number, NULL) &&
          number > WAYMARK_FORMAT_VERSION;
  if (newer)
    waymark_format_report (checker, line, 1, WAYMARK_FORMAT_ERROR_VERSION,
                           _("this file was written by a newer version of Waymark "
                             "(format %" G_GUINT64_FORMAT "); this version reads format %d"),
                           number, WAYMARK_FORMAT_VERSION);
  xmlFree (version);
  return !newer;
}

/* A byte-order mark or NULs among the first bytes: libxml2 would say
 * "Start tag expected", which hides the real trouble. */
static gboolean
looks_like_utf16 (const guchar *data,
                  gsize         length)
{
  if (length >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    return TRUE;
  for (gsize i = 0; i < MIN (length, 4); i++)
    if (data[i] == 0)
      return TRUE;
  return FALSE;
}

static WaymarkDocument *
check_data (WaymarkFormatChecker *checker,
            const char           *data,
            gsize                 length)
{
  xmlDocPtr doc;
  g_autoptr (GPtrArray) schema_problems = NULL;
  g_autoptr (GError) scan_error = NULL;
  WaymarkDocument *document = NULL;
  WaymarkFormatReader *reader;
  gsize parse_length;
  guint line = 0, column = 0;

  ensure_libxml ();

  if (length > WAYMARK_FORMAT_MAX_FILE_SIZE)
    {
      waymark_format_report (checker, 0, 0, WAYMARK_FORMAT_ERROR_TOO_LARGE,
                             _("the file is %" G_GSIZE_FORMAT " bytes; "
                               "Waymark reads files of at most %d MiB"),
                             length, WAYMARK_FORMAT_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }
  if (length == 0)
    {
      waymark_format_report (checker, 1, 1, WAYMARK_FORMAT_ERROR_SYNTAX,
                             _("the file is empty; a Waymark file starts with <waymark>"));
      return NULL;
    }

  if (looks_like_utf16 ((const guchar *) data, length))
    {
      waymark_format_report (checker, 1, 1, WAYMARK_FORMAT_ERROR_ENCODING,
                             _("the file is UTF-16 (or UTF-32) text; Waymark files are UTF-8"));
      return NULL;
    }

  /* What libxml2 would spend quadratic time on, counted first; and it is
   * never given a DTD's internal subset. */
  if (!waymark_format_scan_markup (data, length, &parse_length, &line, &column, &scan_error))
    {
      waymark_format_report (checker, line, column, scan_error->code, "%s", scan_error->message);
      return NULL;
    }

  if (parse_length < length)
    {
      checker->cut_line = line;
      checker->cut_column = column;
    }
  doc = parse_xml (checker, data, parse_length);
  /* After an earlier error libxml2 does not call back at a DTD: it is
   * reported here, where the bytes given to libxml2 end. */
  if (parse_length < length && !checker->saw_dtd)
    {
      report_dtd (checker, line, column);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  if (doc == NULL)
    return NULL;

  if (!check_root (checker, xmlDocGetRootElement (doc)))
    {
      xmlFreeDoc (doc);
      return NULL;
    }

  schema_problems = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_problem_free);
  if (!validate_schema (checker, doc, schema_problems))
    {
      xmlFreeDoc (doc);
      return NULL;
    }

  reader = waymark_format_reader_new (checker);
  waymark_format_reader_read (reader, xmlDocGetRootElement (doc));
  merge_schema_problems (checker, waymark_format_reader_get_lines (reader), schema_problems);
  if (checker->problems->len == 0)
    document = waymark_format_reader_build (reader);
  waymark_format_reader_free (reader);
  xmlFreeDoc (doc);

  return document;
}

static GPtrArray *
checker_finish (WaymarkFormatChecker *checker)
{
  GPtrArray *problems;

  g_ptr_array_sort (checker->problems, compare_problems);
  if (checker->n_dropped > 0)
    {
      WaymarkProblem *first = g_ptr_array_index (checker->problems, 0);
      char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "%u more problem not shown",
                                                    "%u more problems not shown",
                                                    checker->n_dropped),
                                       checker->n_dropped);

      g_ptr_array_add (checker->problems,
                       problem_new (checker->display_name, 0, 0, (WaymarkFormatError) first->code,
                                    message));
    }
  problems = g_steal_pointer (&checker->problems);
  checker_clear (checker);
  return problems;
}

GPtrArray *
waymark_format_check_bytes (GBytes           *bytes,
                            const char       *display_name,
                            WaymarkDocument **document)
{
  WaymarkFormatChecker checker;
  gsize length;
  const char *data;
  g_autoptr (WaymarkDocument) loaded = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  checker_init (&checker, display_name != NULL ? display_name : "(memory)");
  data = g_bytes_get_data (bytes, &length);
  loaded = check_data (&checker, data, length);
  if (document != NULL)
    *document = checker.problems->len == 0 ? g_steal_pointer (&loaded) : NULL;
  return checker_finish (&checker);
}

/* Reads at most WAYMARK_FORMAT_MAX_FILE_SIZE + 1 bytes, so that a file
 * growing while it is read (or a device pretending to be a file) still
 * cannot make us allocate without bound. */
static GBytes *
read_file_capped (WaymarkFormatChecker *checker,
                  GFile                *file)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (GByteArray) buffer = NULL;
  goffset size;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        waymark_format_report (checker, 0, 0, WAYMARK_FORMAT_ERROR_IO, _("no such file"));
      else
        waymark_format_report (checker, 0, 0, WAYMARK_FORMAT_ERROR_IO,
                               _("cannot read the file: %s"), error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      waymark_format_report (checker, 0, 0, WAYMARK_FORMAT_ERROR_IO,
                             _("is a directory, not a Waymark file"));
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      waymark_format_report (checker, 0, 0, WAYMARK_FORMAT_ERROR_IO,
                             _("is not a regular file"));
      return NULL;
    }
  size = g_file_info_get_size (info);
  if (size > WAYMARK_FORMAT_MAX_FILE_SIZE)
    {
      waymark_format_report (checker, 0, 0, WAYMARK_FORMAT_ERROR_TOO_LARGE,
                             _("the file is %" G_GOFFSET_FORMAT " bytes; "
                               "Waymark reads files of at most %d MiB"),
                             size, WAYMARK_FORMAT_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  stream = g_file_read (file, NULL, &error);
  if (stream == NULL)
    {
      waymark_format_report (checker, 0, 0, WAYMARK_FORMAT_ERROR_IO,
                             _("cannot read the file: %s"), error->message);
      return NULL;
    }

  buffer = g_byte_array_sized_new ((guint) MAX (size, 0) + 1);
  for (;;)
    {
      guint8 chunk[64 * 1024];
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk, NULL, &error);

      if (n < 0)
        {
          waymark_format_report (checker, 0, 0, WAYMARK_FORMAT_ERROR_IO,
                                 _("cannot read the file: %s"), error->message);
          return NULL;
        }
      if (n == 0)
        break;
      if (buffer->len + (gsize) n > WAYMARK_FORMAT_MAX_FILE_SIZE)
        {
          waymark_format_report (checker, 0, 0, WAYMARK_FORMAT_ERROR_TOO_LARGE,
                                 _("the file is larger than %d MiB, the most Waymark reads"),
                                 WAYMARK_FORMAT_MAX_FILE_SIZE / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (buffer, chunk, (guint) n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

GPtrArray *
waymark_format_check_file (GFile            *file,
                           const char       *display_name,
                           WaymarkDocument **document)
{
  WaymarkFormatChecker checker;
  g_autofree char *parse_name = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (WaymarkDocument) loaded = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (display_name == NULL)
    display_name = parse_name = g_file_get_parse_name (file);
  checker_init (&checker, display_name);

  bytes = read_file_capped (&checker, file);
  if (bytes != NULL)
    {
      gsize length;
      const char *data = g_bytes_get_data (bytes, &length);

      loaded = check_data (&checker, data, length);
    }
  if (document != NULL)
    *document = checker.problems->len == 0 ? g_steal_pointer (&loaded) : NULL;
  return checker_finish (&checker);
}

GBytes *
waymark_format_read_file (GFile       *file,
                          const char  *display_name,
                          GError     **error)
{
  WaymarkFormatChecker checker;
  g_autofree char *parse_name = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  GBytes *bytes;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = parse_name = g_file_get_parse_name (file);
  checker_init (&checker, display_name);
  bytes = read_file_capped (&checker, file);
  problems = checker_finish (&checker);
  if (bytes == NULL)
    waymark_problems_set_error (problems, FALSE, error);
  return bytes;
}

WaymarkDocument *
waymark_format_load_bytes (GBytes      *bytes,
                           const char  *display_name,
                           GError     **error)
{
  g_autoptr (GPtrArray) problems = NULL;
  WaymarkDocument *document = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  problems = waymark_format_check_bytes (bytes, display_name, &document);
  if (problems->len > 0)
    {
      waymark_problems_set_error (problems, FALSE, error);
      return NULL;
    }
  return document;
}

WaymarkDocument *
waymark_format_load_file (GFile   *file,
                          GError **error)
{
  g_autoptr (GPtrArray) problems = NULL;
  WaymarkDocument *document = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  problems = waymark_format_check_file (file, NULL, &document);
  if (problems->len > 0)
    {
      waymark_problems_set_error (problems, FALSE, error);
      return NULL;
    }
  return document;
}

/* Saving */

gboolean
waymark_format_write_bytes (GBytes      *bytes,
                            GFile       *file,
                            const char  *display_name,
                            GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *parse_name = NULL;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (waymark_file_write_bytes (file, bytes, &local_error))
    return TRUE;

  if (display_name == NULL)
    display_name = parse_name = g_file_get_parse_name (file);
  g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_IO,
               _("%s: cannot save: %s"), display_name, local_error->message);
  return FALSE;
}

gboolean
waymark_format_save_file (WaymarkDocument  *document,
                          GFile            *file,
                          GError          **error)
{
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = waymark_format_save_to_bytes (document);
  if (!waymark_format_write_bytes (bytes, file, NULL, error))
    return FALSE;
  waymark_history_mark_saved (waymark_document_get_history (document));
  return TRUE;
}
