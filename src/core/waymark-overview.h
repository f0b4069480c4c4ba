/* waymark-overview.h: barriers and levers across personas, as a matrix
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "waymark-document.h"

G_BEGIN_DECLS

/* The overview puts every persona in a row and every phase in a column.
 * Phases of different personas are the same column when their names
 * match (ignoring case and surrounding or repeated spaces). Columns come
 * in order of first appearance; a phase that a later persona adds goes
 * right after the phase it follows in that persona's journey, so that
 * "Intake, Course" and "Intake, Waiting, Course" give Intake, Waiting,
 * Course rather than Intake, Course, Waiting. A name that occurs twice
 * in one journey is two columns (its first and second visit).
 *
 * Each cell holds the cards of the chosen lane kinds (barriers and levers
 * by default) that cover that phase, in lane and card order, and their
 * counts; and each row the persona's emotion scores on the shared axis.
 *
 * A WaymarkOverview is an immutable snapshot: it copies what it shows, so
 * it stays valid after the document changes. Rebuild it from ::changed. */
typedef struct _WaymarkOverview WaymarkOverview;

/* A bit per WaymarkLaneKind. */
#define WAYMARK_OVERVIEW_KIND(kind) (1u << (kind))
/* The kinds whose overview_default is set (waymark-lane-kind.h). */
#define WAYMARK_OVERVIEW_DEFAULT_KINDS (waymark_overview_get_default_kinds ())

typedef struct {
  guint               kinds;    /* WAYMARK_OVERVIEW_KIND bits; 0 means the default */
  const char * const *tag_ids;  /* a card must carry at least one; NULL or empty: all cards */
} WaymarkOverviewFilter;

typedef struct {
  char            *card_id;
  char            *persona_id;
  char            *lane_id;
  WaymarkLaneKind  kind;
  char            *text;
  GStrv            tag_ids;
  gboolean         continued;   /* the card starts in an earlier phase and spans this one */
  guint            n_recommendations;  /* how many recommendations address the card */
} WaymarkOverviewCard;

typedef struct {
  guint      column;
  gboolean   present;            /* the persona has this phase */
  char      *phase_id;           /* the persona's phase, NULL when absent */
  GPtrArray *cards;              /* WaymarkOverviewCard*, of the filtered kinds */
  guint      counts[WAYMARK_N_LANE_KINDS];
  /* Coverage: of counts[], the cards that no recommendation addresses
   * yet, where the plan has holes. */
  guint      uncovered[WAYMARK_N_LANE_KINDS];
  gboolean   has_emotion;
  int        score;              /* the emotion score, when has_emotion */
  char      *emotion_label;
} WaymarkOverviewCell;

typedef struct {
  char                *persona_id;
  char                *name;
  char                *color;     /* "#rrggbb", or "" */
  char                *emotion_lane_id;  /* the first emotions lane, or NULL */
  int                  scale_min;
  int                  scale_max;
  /* The cells of the persona's own phases, by column; every other cell of
   * the row is absent (waymark_overview_get_cell() gives one). Only these
   * are stored: with personas whose phases are named differently there
   * are as many columns as phases in the study, and a full matrix grew
   * with the square of the map. */
  WaymarkOverviewCell *cells;
  guint                n_cells;
  guint                totals[WAYMARK_N_LANE_KINDS];  /* cards, each once */
  guint                uncovered_totals[WAYMARK_N_LANE_KINDS];  /* of those, addressed by none */
} WaymarkOverviewRow;

/* WAYMARK_OVERVIEW_KIND bits of the kinds shown until the user chooses. */
guint            waymark_overview_get_default_kinds (void);

/* Builds the matrix of @document; @filter may be NULL for all cards of the
 * default kinds. */
WaymarkOverview *waymark_overview_new           (WaymarkDocument             *document,
                                                 const WaymarkOverviewFilter *filter);
WaymarkOverview *waymark_overview_ref           (WaymarkOverview             *self);
void             waymark_overview_unref         (WaymarkOverview             *self);

/* The kinds shown (never 0). */
guint            waymark_overview_get_kinds     (WaymarkOverview             *self);
/* The name the document's lanes of @kind all have ("Pain points" for
 * barriers), to call the kind by; NULL when no lane has the kind or its
 * lanes are named differently (then the kind's own label). */
const char      *waymark_overview_get_kind_name (WaymarkOverview             *self,
                                                 WaymarkLaneKind              kind);
/* The kinds (WAYMARK_OVERVIEW_KIND ()) that some lane of the document has. */
guint            waymark_overview_get_used_kinds (WaymarkOverview            *self);
/* Whether a tag filter is in effect. */
gboolean         waymark_overview_is_filtered   (WaymarkOverview             *self);
const char      *waymark_overview_get_title     (WaymarkOverview             *self);
/* The document's language tag: the figure's own words are in it. */
const char      *waymark_overview_get_language  (WaymarkOverview             *self);

guint            waymark_overview_get_n_rows    (WaymarkOverview             *self);
const WaymarkOverviewRow *
                 waymark_overview_get_row       (WaymarkOverview             *self,
                                                 guint                        row);
guint            waymark_overview_get_n_columns (WaymarkOverview             *self);
/* The column's phase name, as the persona that first had it spells it. */
const char      *waymark_overview_get_column_name (WaymarkOverview           *self,
                                                   guint                      column);
/* The column of a persona's phase, or -1. */
int              waymark_overview_find_column   (WaymarkOverview             *self,
                                                 const char                  *persona_id,
                                                 const char                  *phase_id);
/* The cell at @row, @column; for a phase the persona does not have, a
 * cell that is not present (no phase, no cards). */
const WaymarkOverviewCell *
                 waymark_overview_get_cell      (WaymarkOverview             *self,
                                                 guint                        row,
                                                 guint                        column);
/* The counts of every kind in @column, over all rows. */
const guint     *waymark_overview_get_column_counts (WaymarkOverview         *self,
                                                     guint                    column);
/* Of those, the cards no recommendation addresses (coverage). */
const guint     *waymark_overview_get_column_uncovered (WaymarkOverview      *self,
                                                        guint                 column);
/* The largest count of @kind in any cell (for the heat scale), and the
 * number of cards of @kind shown (each once, however many phases it
 * spans; a cell counts a spanning card in every phase it covers). */
guint            waymark_overview_get_max_count (WaymarkOverview             *self,
                                                 WaymarkLaneKind              kind);
guint            waymark_overview_get_total     (WaymarkOverview             *self,
                                                 WaymarkLaneKind              kind);
/* Coverage, like the two above: the largest number of cards of @kind in
 * a cell that no recommendation addresses, and how many cards of @kind
 * shown no recommendation addresses (each once). */
guint            waymark_overview_get_max_uncovered (WaymarkOverview         *self,
                                                     WaymarkLaneKind          kind);
guint            waymark_overview_get_uncovered_total (WaymarkOverview       *self,
                                                       WaymarkLaneKind        kind);
/* Whether the document has any recommendation (else coverage shows
 * every barrier as open, which a figure should say). */
gboolean         waymark_overview_has_recommendations (WaymarkOverview       *self);
/* Whether any row has an emotion point. */
gboolean         waymark_overview_has_emotions  (WaymarkOverview             *self);

/* The tags on the cards shown, in the document's tag order: copies
 * (WaymarkTag*) owned by the overview, for a legend. */
GPtrArray       *waymark_overview_get_used_tags (WaymarkOverview             *self);
/* The tags the filter asks for (a card shown carries at least one), in the
 * document's tag order; empty without a tag filter. Owned by the overview. */
GPtrArray       *waymark_overview_get_filter_tags (WaymarkOverview           *self);
/* Any tag of the document, by id (a copy owned by the overview), or NULL. */
const WaymarkTag *
                 waymark_overview_find_tag      (WaymarkOverview             *self,
                                                 const char                  *tag_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkOverview, waymark_overview_unref)

G_END_DECLS
