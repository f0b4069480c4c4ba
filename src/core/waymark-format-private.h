/* waymark-format-private.h: what the files of the format's loader and writer share
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "waymark-format.h"
#include "waymark-limits.h"

G_BEGIN_DECLS

/* The ranges the model's edit functions accept (waymark-document.c), so
 * that whatever loads can also be edited. docs/file-format.md lists them. */
#define WAYMARK_FORMAT_COLUMN_WIDTH_MIN 40
#define WAYMARK_FORMAT_COLUMN_WIDTH_MAX 2000
#define WAYMARK_FORMAT_SCALE_LIMIT      100
/* Far more phases than any journey has; keeps layout arithmetic small. */
#define WAYMARK_FORMAT_MAX_SPAN         1000

/* Collects the problems of one file (waymark-format-problems.c): every
 * stage of the loader reports to it. */
typedef struct {
  char      *display_name;
  GPtrArray *problems;   /* WaymarkProblem*, at most WAYMARK_FORMAT_MAX_PROBLEMS */
  guint      n_dropped;  /* problems beyond that */
  gboolean   saw_dtd;
  guint      cut_line;   /* where the bytes given to libxml2 end, if short */
  guint      cut_column;
} WaymarkFormatChecker;

/* @display_name names the file in its problems; when NULL, @file's parse
 * name does, or "(memory)" without a file. */
void            waymark_format_checker_init   (WaymarkFormatChecker *checker,
                                               GFile                *file,
                                               const char           *display_name);
/* The problems in the order of the file, ending with "N more problems not
 * shown" when some were dropped; clears the checker. */
GPtrArray      *waymark_format_checker_finish (WaymarkFormatChecker *checker);

/* A problem of the checker's file at @line:@column (0:0 for the file as a
 * whole; the column is 1 when only the line is known), not recorded;
 * takes @message. */
WaymarkProblem *waymark_format_problem_new    (WaymarkFormatChecker *checker,
                                               long                  line,
                                               long                  column,
                                               WaymarkFormatError    code,
                                               char                 *message);
/* Records a problem at @line:@column (0:0 for the file as a whole). */
void            waymark_format_report_take    (WaymarkFormatChecker *checker,
                                               long                  line,
                                               long                  column,
                                               WaymarkFormatError    code,
                                               char                 *message);
G_GNUC_PRINTF (5, 6)
void            waymark_format_report         (WaymarkFormatChecker *checker,
                                               long                  line,
                                               long                  column,
                                               WaymarkFormatError    code,
                                               const char           *format,
                                               ...);
/* A libxml2 message as a problem's message: one line, valid UTF-8. */
char           *waymark_format_tidy_libxml_message (const char *message);

/* The elements of the format, told apart by where they stand
 * (data/waymark.rng): a <tag> in <tags> is a TAG, one in a <card> a
 * CARD_TAG; <title> and <description> are the same wherever they are. */
typedef enum {
  WAYMARK_FORMAT_ELEMENT_NONE,
  WAYMARK_FORMAT_ELEMENT_WAYMARK,
  WAYMARK_FORMAT_ELEMENT_TITLE,
  WAYMARK_FORMAT_ELEMENT_AUTHOR,
  WAYMARK_FORMAT_ELEMENT_CREATED,
  WAYMARK_FORMAT_ELEMENT_MODIFIED,
  WAYMARK_FORMAT_ELEMENT_DESCRIPTION,
  WAYMARK_FORMAT_ELEMENT_TAGS,
  WAYMARK_FORMAT_ELEMENT_TAG,
  WAYMARK_FORMAT_ELEMENT_PERSONA,
  WAYMARK_FORMAT_ELEMENT_AMBITION,
  WAYMARK_FORMAT_ELEMENT_PHASES,
  WAYMARK_FORMAT_ELEMENT_PHASE,
  WAYMARK_FORMAT_ELEMENT_LANES,
  WAYMARK_FORMAT_ELEMENT_LANE,
  WAYMARK_FORMAT_ELEMENT_CARDS,
  WAYMARK_FORMAT_ELEMENT_CARD,
  WAYMARK_FORMAT_ELEMENT_TEXT,
  WAYMARK_FORMAT_ELEMENT_CARD_TAG,
  WAYMARK_FORMAT_ELEMENT_EVIDENCE,
  WAYMARK_FORMAT_ELEMENT_EMOTIONS,
  WAYMARK_FORMAT_ELEMENT_POINT,
  WAYMARK_FORMAT_ELEMENT_DOMAINS,
  WAYMARK_FORMAT_ELEMENT_DOMAIN,
  WAYMARK_FORMAT_ELEMENT_RECOMMENDATIONS,
  WAYMARK_FORMAT_ELEMENT_RECOMMENDATION,
  WAYMARK_FORMAT_ELEMENT_ADDRESSES,
  WAYMARK_FORMAT_ELEMENT_PROFILE,
  WAYMARK_FORMAT_ELEMENT_QUOTE,
  WAYMARK_FORMAT_ELEMENT_GOAL,
  WAYMARK_FORMAT_ELEMENT_NEED,
  WAYMARK_FORMAT_ELEMENT_FRUSTRATION,
  WAYMARK_FORMAT_ELEMENT_FACT,
  WAYMARK_FORMAT_N_ELEMENTS
} WaymarkFormatElement;

/* Every attribute name of the format. */
typedef enum {
  WAYMARK_FORMAT_ATTRIBUTE_ID,
  WAYMARK_FORMAT_ATTRIBUTE_NAME,
  WAYMARK_FORMAT_ATTRIBUTE_COLOR,
  WAYMARK_FORMAT_ATTRIBUTE_INITIALS,
  WAYMARK_FORMAT_ATTRIBUTE_KIND,
  WAYMARK_FORMAT_ATTRIBUTE_MIN,
  WAYMARK_FORMAT_ATTRIBUTE_MAX,
  WAYMARK_FORMAT_ATTRIBUTE_LANE,
  WAYMARK_FORMAT_ATTRIBUTE_PHASE,
  WAYMARK_FORMAT_ATTRIBUTE_SPAN,
  WAYMARK_FORMAT_ATTRIBUTE_REF,
  WAYMARK_FORMAT_ATTRIBUTE_SCORE,
  WAYMARK_FORMAT_ATTRIBUTE_LABEL,
  WAYMARK_FORMAT_ATTRIBUTE_DOMAIN,
  WAYMARK_FORMAT_ATTRIBUTE_STATUS,
  WAYMARK_FORMAT_ATTRIBUTE_VALUE,
  WAYMARK_FORMAT_ATTRIBUTE_EFFORT,
  WAYMARK_FORMAT_ATTRIBUTE_OWNER,
  WAYMARK_FORMAT_ATTRIBUTE_CARD,
  WAYMARK_FORMAT_ATTRIBUTE_VERSION,
  WAYMARK_FORMAT_ATTRIBUTE_LANG,
  WAYMARK_FORMAT_ATTRIBUTE_COLUMN_WIDTH,
  WAYMARK_FORMAT_N_ATTRIBUTES
} WaymarkFormatAttribute;

/* An attribute's value as the parser hands it over: not NUL-terminated,
 * "&" still written "&#38;" (waymark_format_value_dup() undoes that).
 * @start is NULL when the attribute is absent. */
typedef struct {
  const char *start;
  const char *end;
} WaymarkFormatValue;

/* The value as a string; NULL when absent. */
char    *waymark_format_value_dup          (const WaymarkFormatValue *value);

/* The schema, data/waymark.rng, checked in code while the file is read
 * (waymark-format-grammar.c says why). Its problems are collected apart
 * from the checker's, to be merged with the reader's
 * (waymark_format_merge_schema_problems()). */
typedef struct {
  GPtrArray            *problems;  /* WaymarkProblem*, at most WAYMARK_FORMAT_MAX_PROBLEMS */
  WaymarkFormatChecker *checker;
  gboolean              valid;     /* what data/waymark.rng says of the file so far */
  int                   version;   /* the root's version as the schema reads it; 0: none */
} WaymarkFormatGrammar;

void     waymark_format_grammar_init       (WaymarkFormatGrammar  *grammar,
                                            WaymarkFormatChecker  *checker);
void     waymark_format_grammar_clear      (WaymarkFormatGrammar  *grammar);
/* Whether the root element is <waymark> in the format's namespace. */
gboolean waymark_format_grammar_root       (WaymarkFormatGrammar  *grammar,
                                            const xmlChar         *localname,
                                            const xmlChar         *uri);
/* What a start tag in @parent is, after the children seen so far
 * (*@position: 0 at the parent's start, updated): NONE, reported, when it
 * does not belong in @parent; a child out of order is reported and
 * returned. */
WaymarkFormatElement
         waymark_format_grammar_child      (WaymarkFormatGrammar  *grammar,
                                            WaymarkFormatElement   parent,
                                            guint                 *position,
                                            const xmlChar         *localname,
                                            const xmlChar         *uri,
                                            long                   line);
/* Checks the attributes of @element (libxml2's SAX2 array of @n_attributes
 * times localname, prefix, URI, value, end) and puts each value in
 * @values, indexed by WaymarkFormatAttribute. */
void     waymark_format_grammar_attributes (WaymarkFormatGrammar  *grammar,
                                            WaymarkFormatElement   element,
                                            int                    n_attributes,
                                            const xmlChar        **attributes,
                                            WaymarkFormatValue    *values,
                                            long                   line);
/* Whether @element holds text (any) rather than elements. */
gboolean waymark_format_grammar_holds_text (WaymarkFormatElement   element);
/* Text in an element that holds elements: FALSE, reported, unless blank. */
gboolean waymark_format_grammar_check_text (WaymarkFormatGrammar  *grammar,
                                            WaymarkFormatElement   element,
                                            const char            *text,
                                            gsize                  length,
                                            long                   line);
/* The whole text of a text element, at its end (a timestamp's pattern). */
void     waymark_format_grammar_end_text   (WaymarkFormatGrammar  *grammar,
                                            WaymarkFormatElement   element,
                                            const char            *text,
                                            long                   line);
/* The element's name in the file, "card". */
const char *waymark_format_element_get_name (WaymarkFormatElement  element);

/* The value patterns of data/waymark.rng (<param name="pattern">). */
typedef enum {
  WAYMARK_FORMAT_PATTERN_ID,
  WAYMARK_FORMAT_PATTERN_COLOR,
  WAYMARK_FORMAT_PATTERN_LANGUAGE,
  WAYMARK_FORMAT_PATTERN_TIMESTAMP,
  WAYMARK_FORMAT_N_PATTERNS
} WaymarkFormatPattern;

/* The pattern as data/waymark.rng writes it (tests/test-format-grammar.c
 * checks that it does). */
const char *waymark_format_get_pattern     (WaymarkFormatPattern  pattern);
/* Whether the whole of @value matches the pattern, with the schema's
 * semantics (libxml2's XML Schema regular expressions). */
gboolean waymark_format_value_matches      (WaymarkFormatPattern  pattern,
                                            const char           *value);

/* The semantic pass and the builder of the model
 * (waymark-format-reader.c), fed by the parser's callbacks. */
typedef struct _WaymarkFormatReader WaymarkFormatReader;

WaymarkFormatReader *waymark_format_reader_new           (WaymarkFormatChecker *checker);
void                 waymark_format_reader_start_element (WaymarkFormatReader  *reader,
                                                          const xmlChar        *localname,
                                                          const xmlChar        *uri,
                                                          int                   n_attributes,
                                                          const xmlChar       **attributes,
                                                          long                  line);
void                 waymark_format_reader_end_element   (WaymarkFormatReader  *reader);
void                 waymark_format_reader_text          (WaymarkFormatReader  *reader,
                                                          const char           *text,
                                                          gsize                 length,
                                                          long                  line);
/* Whether text at this point is a text of the document, rather than
 * blanks between elements (for counting it against the limit). */
gboolean             waymark_format_reader_holds_text    (WaymarkFormatReader  *reader);
/* After the parser: when the file was well-formed, runs the checks that
 * need the whole document and reports every problem to the checker;
 * otherwise drops what was read (the syntax errors say enough). Returns
 * the document, with an empty history, when there was no problem. */
WaymarkDocument     *waymark_format_reader_finish        (WaymarkFormatReader  *reader,
                                                          gboolean              well_formed);
/* What data/waymark.rng says of what was read: for tests. */
gboolean             waymark_format_reader_matches_schema (WaymarkFormatReader *reader);
void                 waymark_format_reader_free          (WaymarkFormatReader  *reader);

/* Parses @length bytes of @data with libxml2, made safe for hostile input
 * (waymark-format-parse.c), into @reader, reporting to @checker. FALSE
 * when the bytes are not a well-formed document without a DTD, within the
 * limits. */
gboolean  waymark_format_parse_xml  (WaymarkFormatChecker *checker,
                                     WaymarkFormatReader  *reader,
                                     const char           *data,
                                     gsize                 length);
/* The same into an XML tree, for XML that is not a document
 * (waymark-format-fragment.c); NULL when it is not well-formed. */
xmlDocPtr waymark_format_parse_tree (WaymarkFormatChecker *checker,
                                     const char           *data,
                                     gsize                 length);
/* The line of @node of a tree from waymark_format_parse_tree(), right
 * beyond line 65535 too; 0 when unknown. */
long      waymark_format_node_line  (xmlNodePtr            node);
/* Reports that the file has a DTD, which is refused, at @line:@column;
 * once per file. */
void      waymark_format_report_dtd (WaymarkFormatChecker *checker,
                                     long                  line,
                                     long                  column);

/* The document limits (waymark-limits.h), counted while libxml2 parses
 * (waymark-format-limits.c). Past one, the problem is reported where the
 * parser is, and the parser stopped. */
typedef struct {
  WaymarkFormatChecker *checker;
  const xmlChar        *open[WAYMARK_LIMIT_DEPTH + 1];  /* element names from the root */
  guint                 depth;
  guint                 n_elements;
  guint                 n_personas;
  guint                 n_phases;                       /* in the current persona */
  guint                 n_lanes;                        /* in the current persona */
  guint                 n_cards;
  guint                 n_tags;
  guint                 n_domains;
  guint                 n_recommendations;
  guint                 n_links;                        /* of the current recommendation */
  guint                 n_profile_items;                /* of the current profile */
  gsize                 text_length;                    /* of the current element */
} WaymarkFormatLimits;

void     waymark_format_limits_init          (WaymarkFormatLimits   *limits,
                                              WaymarkFormatChecker  *checker);
/* Counts a start tag; FALSE (parsing stopped) when it is one too many. */
gboolean waymark_format_limits_count_element (WaymarkFormatLimits   *limits,
                                              xmlParserCtxtPtr       parser,
                                              const xmlChar         *localname,
                                              int                    n_attributes,
                                              const xmlChar        **attributes);
void     waymark_format_limits_end_element   (WaymarkFormatLimits   *limits);
/* Counts @length bytes of the current element's text. */
void     waymark_format_limits_count_text    (WaymarkFormatLimits   *limits,
                                              xmlParserCtxtPtr       parser,
                                              int                    length);

/* Reports the schema's problems that say more than the semantic pass
 * did on @semantic_lines (the reader's, GINT_TO_POINTER keys). */
void     waymark_format_merge_schema_problems (WaymarkFormatChecker *checker,
                                               GHashTable           *semantic_lines,
                                               GPtrArray            *schema_problems);

/* For tests (tests/test-format-grammar.c): whether @data passes the
 * schema as the loader checks it. *@checked is FALSE when the file never
 * got that far (not well-formed, a DTD, past a limit). */
gboolean waymark_format_matches_schema (const char *data,
                                        gsize       length,
                                        gboolean   *checked);

G_END_DECLS
