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

/* Parses @length bytes of @data with libxml2, made safe for hostile input
 * (waymark-format-parse.c), reporting to @checker. NULL when the bytes
 * are not a well-formed document without a DTD, within the limits. */
xmlDocPtr waymark_format_parse_xml  (WaymarkFormatChecker *checker,
                                     const char           *data,
                                     gsize                 length);
/* Reports that the file has a DTD, which is refused, at @line:@column;
 * once per file. */
void      waymark_format_report_dtd (WaymarkFormatChecker *checker,
                                     long                  line,
                                     long                  column);
/* The line of @node in its file, right beyond line 65535 too; 0 when
 * unknown. */
long      waymark_format_node_line  (xmlNodePtr            node);

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

/* Validates @doc against the built-in schema (waymark-format-schema.c),
 * collecting its complaints into @problems rather than the checker: they
 * are merged after the semantic pass, which often explains the same line
 * better. FALSE when there is no schema to validate with (reported): the
 * reader, which relies on the schema's patterns, must not run then. */
gboolean waymark_format_validate_schema       (WaymarkFormatChecker *checker,
                                               xmlDocPtr             doc,
                                               GPtrArray            *problems);
/* Reports the schema's problems that say more than the semantic pass
 * did on @semantic_lines (the reader's, GINT_TO_POINTER keys). */
void     waymark_format_merge_schema_problems (WaymarkFormatChecker *checker,
                                               GHashTable           *semantic_lines,
                                               GPtrArray            *schema_problems);

/* The value patterns of data/waymark.rng, which the reader checks
 * instead of the schema (see get_schema() in waymark-format-schema.c). */
typedef enum {
  WAYMARK_FORMAT_PATTERN_ID,
  WAYMARK_FORMAT_PATTERN_COLOR,
  WAYMARK_FORMAT_PATTERN_LANGUAGE,
  WAYMARK_FORMAT_PATTERN_TIMESTAMP,
  WAYMARK_FORMAT_N_PATTERNS
} WaymarkFormatPattern;

/* Whether @value matches the schema's pattern, with the schema's
 * semantics (the whole value, libxml2's XML Schema regular expressions). */
gboolean waymark_format_value_matches (WaymarkFormatPattern  pattern,
                                       const char           *value);

/* The semantic pass (waymark-format-reader.c). */
typedef struct _WaymarkFormatReader WaymarkFormatReader;

WaymarkFormatReader *waymark_format_reader_new       (WaymarkFormatChecker *checker);
/* Checks and collects the document under @root, reporting to the checker. */
void                 waymark_format_reader_read      (WaymarkFormatReader  *reader,
                                                      xmlNodePtr            root);
/* The lines the reader complained about (GINT_TO_POINTER keys). */
GHashTable          *waymark_format_reader_get_lines (WaymarkFormatReader  *reader);
/* The document, with an empty history; NULL when the checker has any
 * problem. */
WaymarkDocument     *waymark_format_reader_build     (WaymarkFormatReader  *reader);
void                 waymark_format_reader_free      (WaymarkFormatReader  *reader);

G_END_DECLS
