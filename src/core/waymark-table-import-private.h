/* waymark-table-import-private.h: what the parts of the table importer share
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "waymark-csv-private.h"

G_BEGIN_DECLS

/* The importer reads the journeys' rows (waymark-table-import.c) and the
 * recommendations' and domains' (waymark-table-import-recommendations.c)
 * into one Import, and builds the document from it. */

typedef struct {
  char  *name;
  int    order;             /* from the file; G_MAXINT when not given */
  guint  seq;               /* order of appearance */
  guint  row;
  char  *id;
} ImportPhase;

typedef struct {
  char            *name;
  guint            seq;
  guint            row;
  gboolean         kind_given;
  WaymarkLaneKind  kind;
  guint            kind_row;
  gboolean         has_score;
  gboolean         scale_given;
  int              scale_min;
  int              scale_max;
  guint            scale_row;
  char            *id;
} ImportLane;

/* A row that puts something in a cell: a card, or an emotion point; which
 * one is decided once every lane's kind is known. */
/* One number of a card's "addressed by" cell. */
typedef struct {
  int number;
  int rank;                 /* the card's place in the recommendation's list; 0: not given */
} ImportLink;

typedef struct {
  guint        row;
  guint        seq;
  ImportLane  *lane;
  ImportPhase *phase;
  int          order;       /* G_MAXINT when not given */
  char        *text;
  GStrv        tags;        /* names */
  char        *evidence;
  int          span;        /* 0 when not given */
  gboolean     has_score;
  int          score;
  char        *label;
  GArray      *links;       /* ImportLink, or NULL */
  guint        position;    /* in the map, once built: the order of the cards' rows */
  char        *card_id;     /* once built */
} ImportEntry;

typedef struct {
  char       *name;
  guint       row;
  char       *ambition;
  guint       ambition_row;
  char       *color;
  guint       color_row;
  GPtrArray  *phases;       /* ImportPhase*, owned */
  GPtrArray  *lanes;        /* ImportLane*, owned */
  GHashTable *lane_by_name; /* name → ImportLane* (the first of that name) */
  GHashTable *lane_by_order; /* "lane order" → ImportLane*, for lanes of one name */
  GPtrArray  *entries;      /* ImportEntry*, owned */
  gboolean    too_many_phases;  /* reported */
  gboolean    too_many_lanes;   /* reported */
} ImportPersona;

typedef struct _ImportDomain ImportDomain;
typedef struct _ImportRecommendation ImportRecommendation;

typedef struct {
  const char  *file;
  GPtrArray   *problems;
  guint        n_errors;
  gboolean     stopped;     /* too many problems */
  int          columns[N_COLUMNS];  /* index of each column in the rows, or -1 */
  char        *titles[N_COLUMNS];   /* the header as written, when not the English name */
  guint        n_dutch;     /* header cells that name their column in Dutch only */
  guint        n_english;   /* header cells that name their column in English only */
  guint        n_header;
  GPtrArray   *personas;    /* ImportPersona*, owned */
  GHashTable  *persona_by_name;
  GPtrArray   *tag_names;   /* in order of first appearance */
  GHashTable  *tag_set;
  guint        seq;
  gboolean     too_many_personas;  /* reported */
  gboolean     too_many_tags;      /* reported */
  GPtrArray   *domains;     /* ImportDomain*, owned, in order of first appearance */
  GHashTable  *domain_by_name;
  GPtrArray   *recommendations;  /* ImportRecommendation*, owned, in row order */
  GHashTable  *recommendation_by_number;
  gboolean     too_many_domains;          /* reported */
  gboolean     too_many_recommendations;  /* reported */
} Import;

typedef enum {
  PROBLEM_INVALID,    /* rows that do not make a document */
  /* Past one of the model's limits (waymark-limits.h): the editor and the
   * loader hold no more, so the import is refused whole rather than
   * keeping what fits. */
  PROBLEM_TOO_LARGE,
  PROBLEM_WARNING,    /* said, but nothing is refused for it */
} ProblemKind;

/* One row's cells, checked, and the numbers among them. */
typedef struct {
  char *cells[N_COLUMNS];   /* "" for a column the table does not have */
  int   phase_order;        /* G_MAXINT when not given */
  int   lane_order;         /* G_MAXINT when not given */
  int   order;              /* G_MAXINT when not given */
  int   span;               /* 0 when not given */
  int   score;
  int   scale_min;
  int   scale_max;
  int   number;             /* a recommendation's */
  int   value;              /* WAYMARK_SCORE_UNSET when not given */
  int   effort;
} RowCells;

static inline gboolean
has (const RowCells *cells,
     Column          column)
{
  return cells->cells[column][0] != '\0';
}

/* Reports a problem at @row (the spreadsheet's, 0: the whole table). */
/* The name a message gives @column: as the header row wrote it (so that a
 * Dutch sheet's messages say “fase”), or its English name. */
const char *waymark_table_import_column_name (Import *import,
                                              Column  column);

void     waymark_table_import_add_problem (Import      *import,
                                           guint        row,
                                           ProblemKind  kind,
                                           const char  *format,
                                           ...) G_GNUC_PRINTF (4, 5);
/* Whether the table may not have one more of something it has @count of,
 * the most the model holds being @limit; says so once (*@reported),
 * naming the row of the first one too many. */
gboolean waymark_table_import_over_limit  (Import     *import,
                                           guint       row,
                                           guint       count,
                                           int         limit,
                                           gboolean   *reported,
                                           const char *format,
                                           ...) G_GNUC_PRINTF (6, 7);
/* A value shared by rows (a persona's ambition, a domain's colour): given
 * on any of them, the same when on several. */
void     waymark_table_import_set_shared_value (Import     *import,
                                                guint       row,
                                                const char *owner_name,
                                                const char *what,
                                                char      **slot,
                                                guint      *slot_row,
                                                const char *value);

/* waymark-table-import-recommendations.c */

void     waymark_table_import_domain_free         (ImportDomain         *domain);
void     waymark_table_import_recommendation_free (ImportRecommendation *recommendation);
/* The numbers of a card's "addressed by" cell, NULL for an empty one. */
GArray  *waymark_table_import_read_links          (Import     *import,
                                                   guint       row,
                                                   const char *value);
/* Reads a recommendation's or a domain's row, and refuses a journey's
 * row with a recommendation's cells: TRUE then. FALSE for a journey's
 * row, for the caller to read. */
gboolean waymark_table_import_read_recommendation_row (Import   *import,
                                                       guint     row,
                                                       RowCells *cells);
/* Once every row is read and the lanes' kinds are known: every
 * "addressed by" names a recommendation, from a card. */
void     waymark_table_import_check_links         (Import          *import);
/* Adds the domains and recommendations to @document, which has the
 * cards (ImportEntry.card_id); FALSE past a model's limit. */
gboolean waymark_table_import_build_recommendations (Import          *import,
                                                     WaymarkDocument *document);

G_END_DECLS
