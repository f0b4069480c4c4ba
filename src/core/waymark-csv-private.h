/* waymark-csv-private.h: what the CSV writer, reader and import share
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "waymark-csv.h"
#include "waymark-table.h"

G_BEGIN_DECLS

typedef enum {
  COL_PERSONA,
  COL_PHASE,
  COL_PHASE_ORDER,
  COL_LANE,
  COL_LANE_KIND,
  COL_ORDER,
  COL_TEXT,
  COL_TAGS,
  COL_SCORE,
  COL_LABEL,
  COL_EVIDENCE,
  COL_SPAN,
  COL_AMBITION,
  COL_PERSONA_COLOR,
  COL_SCALE_MIN,
  COL_SCALE_MAX,
  /* Recommendations and their domains (a row of their own each), and
   * on a card's row the recommendations that address it. The exporter
   * writes these only for a document that has any. */
  COL_RECOMMENDATION,
  COL_TITLE,
  COL_DESCRIPTION,
  COL_DOMAIN,
  COL_DOMAIN_COLOR,
  COL_STATUS,
  COL_OWNER,
  COL_VALUE,
  COL_EFFORT,
  COL_ADDRESSED_BY,
  /* A lane's place in its persona, written only when a persona has two
   * lanes of one name, which the lane's name alone cannot tell apart.
   * Last, so that every other table keeps its columns. */
  COL_LANE_ORDER,
  N_COLUMNS
} Column;

/* The columns of a document without recommendations: the journeys'. */
#define N_JOURNEY_COLUMNS COL_RECOMMENDATION

/* "addressed by": recommendation numbers joined with "; ", each with
 * "#" and the card's place in the recommendation's list of cards when
 * that list is not in the order of the map. */
#define LINK_SEPARATOR "; "
#define LINK_RANK      '#'


/* A column's row in the one table of column names (waymark-csv.c). */
typedef struct {
  const char *name;            /* as exported, and in messages: "lane kind" */
  const char *dutch;           /* as exported for a Dutch document: "soort zwembaan" */
  const char *other_names[4];  /* what a header may also say; up to the first NULL */
  gboolean    text;            /* free text: the formula guard applies on export */
} WaymarkCsvColumnInfo;

extern const WaymarkCsvColumnInfo waymark_csv_columns[N_COLUMNS];

/* "Lane Kind", "lane_kind" and " lane-kind " all become "lane kind". */
char     *waymark_csv_normalize_header   (const char *cell);

/* The column a header cell names, in English, Dutch or a synonym, in any
 * case and spacing; FALSE when it names none. */
gboolean  waymark_csv_column_from_header (const char *cell,
                                          Column     *column);

/* Whether @document's language is Dutch, so its exports get Dutch headers. */
gboolean  waymark_csv_is_dutch           (WaymarkDocument *document);

/* The rows a CSV or xlsx export writes: the header (in the document's
 * language), then one row per card and emotion point, then the
 * domains' and recommendations', each as a NULL-terminated GStrv of text
 * ("" for an empty cell): N_COLUMNS cells, or N_JOURNEY_COLUMNS for a
 * document without recommendations. */
GPtrArray *waymark_csv_export_rows       (WaymarkDocument *document);

/* Whether a text cell would run as a formula in a spreadsheet (after any
 * apostrophes): = + - @ tab or CR. See docs/spreadsheets.md. */
gboolean waymark_csv_needs_formula_guard (const char *value);

/* Reads the records of CSV @bytes (at most WAYMARK_CSV_MAX_FILE_SIZE) into
 * a table, with a bad row for each record that cannot be read; never
 * fails. The delimiter is a comma, or a semicolon or tab when the first
 * line has more of those; a byte-order mark is skipped. */
WaymarkTable *waymark_csv_read_table (GBytes     *bytes,
                                      const char *display_name);

G_END_DECLS
