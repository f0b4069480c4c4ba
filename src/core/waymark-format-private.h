/* waymark-format-private.h: what the format's reader and writer share
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/tree.h>

#include "waymark-format.h"

G_BEGIN_DECLS

/* The ranges the model's edit functions accept (waymark-document.c), so
 * that whatever loads can also be edited. docs/file-format.md lists them. */
#define WAYMARK_FORMAT_COLUMN_WIDTH_MIN 40
#define WAYMARK_FORMAT_COLUMN_WIDTH_MAX 2000
#define WAYMARK_FORMAT_SCALE_LIMIT      100
/* Far more phases than any journey has; keeps layout arithmetic small. */
#define WAYMARK_FORMAT_MAX_SPAN         1000

/* Collects the problems of one file (waymark-format.c). */
typedef struct {
  char      *display_name;
  GPtrArray *problems;   /* WaymarkProblem*, at most WAYMARK_FORMAT_MAX_PROBLEMS */
  guint      n_dropped;  /* problems beyond that */
  gboolean   saw_dtd;
  guint      cut_line;   /* where the bytes given to libxml2 end, if short */
  guint      cut_column;
} WaymarkFormatChecker;

/* Records a problem at @line:@column (0:0 for the file as a whole). */
void waymark_format_report_take (WaymarkFormatChecker *checker,
                                 long                  line,
                                 long                  column,
                                 WaymarkFormatError    code,
                                 char                 *message);
G_GNUC_PRINTF (5, 6)
void waymark_format_report      (WaymarkFormatChecker *checker,
                                 long                  line,
                                 long                  column,
                                 WaymarkFormatError    code,
                                 const char           *format,
                                 ...);

/* The line of @node in its file, right beyond line 65535 too; 0 when
 * unknown. */
long waymark_format_node_line (xmlNodePtr node);

/* The value patterns of data/waymark.rng, which the reader checks
 * instead of the schema (see get_schema() in waymark-format.c). */
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
