/* waymark-format-parse.c: hostile bytes through libxml2's parser, into the reader
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libxml2 reads from memory, without network, entity substitution or DTD
 * loading, and stops the moment it meets a <!DOCTYPE> (which is what
 * makes entity bombs and external entities harmless: no entity is ever
 * declared). Its errors go to the file's checker, never to stderr, and
 * the document limits are counted while it reads
 * (waymark-format-limits.c).
 *
 * No tree is built: libxml2's SAX2 callbacks go to the reader
 * (waymark-format-reader.c), which checks and builds the model as the
 * file streams by. Building libxml2's tree, validating it, walking it and
 * freeing it again was most of the time a large map took to load.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "waymark-format-private.h"

/* Options for untrusted input. Deliberately absent: NOENT (substitutes
 * entities), DTDLOAD, DTDATTR, DTDVALID (load or apply DTDs), XINCLUDE,
 * HUGE (lifts the parser's own limits) and RECOVER (accepts broken XML).
 * IGNORE_ENC: a Waymark file is UTF-8 whatever its XML declaration says
 * (see waymark_format_parse_xml()). */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_IGNORE_ENC)

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
  /* The end of what libxml2 was given before a DTD (see check_data() in
   * waymark-format.c): not where the file ends. */
  if (checker->cut_line > 0 &&
      (error->line > (int) checker->cut_line ||
       (error->line == (int) checker->cut_line && error->int2 >= (int) checker->cut_column)))
    return;

  message = waymark_format_tidy_libxml_message (error->message);
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

void
waymark_format_report_dtd (WaymarkFormatChecker *checker,
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
    waymark_format_report_dtd (checker, xmlSAX2GetLineNumber (parser),
                               xmlSAX2GetColumnNumber (parser));
  xmlStopParser (parser);
}

/* A tree, for the XML that is not a document (the clipboard's cards,
 * waymark-format-fragment.c): the limits are counted in the SAX
 * callbacks, which then build the tree as libxml2's own would. The counts are kept in parser->sax->_private
 * (this context's own copy of the SAX handler). */

static void
tree_end_element_cb (void          *user_data,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  xmlParserCtxtPtr parser = user_data;

  waymark_format_limits_end_element (parser->sax->_private);
  xmlSAX2EndElementNs (user_data, localname, prefix, uri);
}

/* Text and CDATA sections alike: counted, then built by @build unless
 * counting stopped the parser. */
static void
add_text (xmlParserCtxtPtr  parser,
          const xmlChar    *text,
          int               length,
          charactersSAXFunc build)
{
  waymark_format_limits_count_text (parser->sax->_private, parser, length);
  if (!parser->disableSAX)
    build (parser, text, length);
}

static void
tree_characters_cb (void          *user_data,
               const xmlChar *text,
               int            length)
{
  add_text (user_data, text, length, xmlSAX2Characters);
}

static void
tree_cdata_block_cb (void          *user_data,
                const xmlChar *text,
                int            length)
{
  add_text (user_data, text, length, xmlSAX2CDataBlock);
}

/* libxml2 keeps element line numbers in 16 bits; XML_PARSE_BIG_LINES only
 * helps text nodes, so an element past line 65535 would be reported at
 * 65535. The element's real line goes in its _private field instead,
 * which is the application's (see waymark_format_node_line()). */
static void
tree_start_element_cb (void           *user_data,
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

  if (!waymark_format_limits_count_element (parser->sax->_private, parser, localname,
                                            n_attributes, attributes))
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

xmlDocPtr
waymark_format_parse_tree (WaymarkFormatChecker *checker,
                          const char           *data,
                          gsize                 length)
{
  xmlParserCtxtPtr parser;
  xmlDocPtr doc;
  guint n_before = checker->problems->len;
  WaymarkFormatLimits limits;

  ensure_libxml ();
  waymark_format_limits_init (&limits, checker);
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
  parser->sax->startElementNs = tree_start_element_cb;
  parser->sax->endElementNs = tree_end_element_cb;
  parser->sax->characters = tree_characters_cb;
  parser->sax->cdataBlock = tree_cdata_block_cb;
  parser->sax->_private = &limits;

  /* The encoding is forced: a Waymark file is UTF-8 whatever its XML
   * declaration says, and anything else is reported as an encoding error. */
  doc = xmlCtxtReadMemory (parser, data, (int) length, NULL, "UTF-8", PARSE_OPTIONS);

  if (doc != NULL && (doc->intSubset != NULL || doc->extSubset != NULL))
    waymark_format_report_dtd (checker, 1, 1);

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

/* The parser's state, reachable from its callbacks through
 * parser->sax->_private (this context's own copy of the SAX handler). */
typedef struct {
  WaymarkFormatLimits  limits;
  WaymarkFormatReader *reader;
} Parse;

static void
end_element_cb (void          *user_data,
                const xmlChar *localname,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  xmlParserCtxtPtr parser = user_data;
  Parse *parse = parser->sax->_private;

  waymark_format_limits_end_element (&parse->limits);
  waymark_format_reader_end_element (parse->reader);
}

static gboolean
is_blank (const char *text,
          int         length)
{
  for (int i = 0; i < length; i++)
    if (text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r')
      return FALSE;
  return TRUE;
}

/* Text and CDATA sections alike: counted, then read unless counting
 * stopped the parser. */
static void
characters_cb (void          *user_data,
               const xmlChar *text,
               int            length)
{
  xmlParserCtxtPtr parser = user_data;
  Parse *parse = parser->sax->_private;

  /* Blanks between elements are no text (libxml2's tree builder used to
   * drop them before they were counted); all else counts, text in
   * elements the schema refused too. */
  if (waymark_format_reader_holds_text (parse->reader) || !is_blank ((const char *) text, length))
    waymark_format_limits_count_text (&parse->limits, parser, length);
  if (!parser->disableSAX && length > 0)
    waymark_format_reader_text (parse->reader, (const char *) text, (gsize) length,
                                xmlSAX2GetLineNumber (parser));
}

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
  Parse *parse = parser->sax->_private;

  if (!waymark_format_limits_count_element (&parse->limits, parser, localname, n_attributes,
                                            attributes))
    return;
  /* The line where the start tag ends, as libxml2's tree has it. */
  waymark_format_reader_start_element (parse->reader, localname, uri, n_attributes, attributes,
                                       xmlSAX2GetLineNumber (parser));
}

/* libxml2 2.9 guesses the encoding from the first four bytes before it
 * looks at any option; of its guesses only EBCDIC is possible for a file
 * that got this far (UTF-16 and UTF-32 are refused before, by their
 * NULs), and it would make libxml2 decode the file as EBCDIC. */
static gboolean
looks_like_ebcdic (const char *data,
                   gsize       length)
{
  return length >= 4 && memcmp (data, "\x4C\x6F\xA7\x94", 4) == 0;
}

gboolean
waymark_format_parse_xml (WaymarkFormatChecker *checker,
                          WaymarkFormatReader  *reader,
                          const char           *data,
                          gsize                 length)
{
  xmlParserCtxtPtr parser;
  guint n_before = checker->problems->len;
  gboolean ok;
  Parse parse;
  xmlSAXHandler *sax;

  ensure_libxml ();
  waymark_format_limits_init (&parse.limits, checker);
  parse.reader = reader;
  parser = xmlNewParserCtxt ();
  if (parser == NULL)
    {
      waymark_format_report (checker, 0, 0, WAYMARK_FORMAT_ERROR_IO, _("out of memory"));
      return FALSE;
    }

  /* Only these callbacks: nothing builds a tree. Errors go to this
   * context's own handler, never to libxml2's global stderr printer
   * (xmlCtxtSetErrorHandler only exists from 2.13 on). Without a
   * getEntity callback an entity reference other than the five
   * predefined ones is the error it always was (no DTD declares one). */
  sax = parser->sax;
  memset (sax, 0, sizeof *sax);
  sax->initialized = XML_SAX2_MAGIC;
  sax->serror = parser_error_cb;
  sax->internalSubset = refuse_dtd_cb;
  sax->startElementNs = start_element_cb;
  sax->endElementNs = end_element_cb;
  sax->characters = characters_cb;
  sax->ignorableWhitespace = characters_cb;
  sax->cdataBlock = characters_cb;
  sax->_private = &parse;
  parser->_private = checker;

  /* The file is read as UTF-8 whatever its XML declaration says
   * (IGNORE_ENC), and anything else is an encoding error. Naming the
   * encoding here would do the same through a UTF-8 to UTF-8 conversion
   * of the whole file first, a sixth of the parse. */
  xmlCtxtReadMemory (parser, data, (int) length, NULL,
                     looks_like_ebcdic (data, length) ? "UTF-8" : NULL, PARSE_OPTIONS);

  ok = checker->problems->len == n_before && parser->wellFormed && parser->nsWellFormed &&
       !checker->saw_dtd;
  if (!ok && checker->problems->len == n_before)
    waymark_format_report (checker, 1, 1, WAYMARK_FORMAT_ERROR_SYNTAX,
                           _("the file is not well-formed XML"));

  parser->_private = NULL;
  sax->_private = NULL;
  xmlFreeParserCtxt (parser);
  return ok;
}
