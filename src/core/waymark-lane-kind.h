/* waymark-lane-kind.h: what sets the kinds of lane apart
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Everything core knows about a kind is a row of the table in
 * waymark-lane-kind.c; what it looks like is a row of the render table
 * (src/render/waymark-lane-style.c). Code asks the tables rather than
 * comparing kinds, so a new kind is a value here, before
 * WAYMARK_N_LANE_KINDS, and a row in each table (docs/hacking.md). */
typedef enum {
  WAYMARK_LANE_ACTIONS,
  WAYMARK_LANE_THOUGHTS,
  WAYMARK_LANE_EMOTIONS,
  WAYMARK_LANE_TOUCHPOINTS,
  WAYMARK_LANE_BARRIERS,
  WAYMARK_LANE_LEVERS,
  WAYMARK_LANE_NOTES,
  WAYMARK_N_LANE_KINDS
} WaymarkLaneKind;

/* What a lane of a kind holds. */
typedef enum {
  WAYMARK_CONTENT_CARDS,     /* cards in its cells */
  WAYMARK_CONTENT_EMOTIONS,  /* an emotion point per phase on a scale, drawn as a curve */
} WaymarkLaneContent;

typedef struct {
  const char         *name;              /* in the file format and CSV: "barriers" */
  const char         *label;             /* untranslated; see waymark_lane_kind_get_label() */
  const char         *singular;          /* as a spreadsheet may name it: "barrier" */
  const char         *dutch_label;       /* "drempels", "drempel": the Dutch names,
                                          * lower case, which a Dutch sheet has */
  const char         *dutch_singular;    /* whatever the desktop's language */
  WaymarkLaneContent  content;
  int                 overview_rank;     /* place in the overview's kind lists, lowest
                                          * first; -1: the overview does not offer it */
  gboolean            overview_default;  /* shown in the overview until the user chooses;
                                          * the overview's heading for the default
                                          * selection names them ("Barriers and levers") */
  gboolean            barrier;           /* its cards are obstacles that recommendations
                                          * answer: counted as the barriers they address */
} WaymarkLaneKindInfo;

/* The row of @kind. */
const WaymarkLaneKindInfo *waymark_lane_kind_get_info (WaymarkLaneKind kind);

/* Lane kinds by their file-format name: "actions", "thoughts", ... */
const char     *waymark_lane_kind_to_string   (WaymarkLaneKind kind);
/* Returns FALSE for an unknown name. */
gboolean        waymark_lane_kind_from_string (const char      *name,
                                               WaymarkLaneKind *kind);
/* The translated, user-visible name of a kind ("Barriers"). */
const char     *waymark_lane_kind_get_label   (WaymarkLaneKind kind);
/* The same in @language, a document's language tag (see
 * waymark-catalog.h): for what a map shows and new lanes are named. */
const char     *waymark_lane_kind_get_label_in (WaymarkLaneKind  kind,
                                                const char      *language);
/* Whether lanes of this kind hold cards. */
gboolean        waymark_lane_kind_holds_cards (WaymarkLaneKind kind);
/* Whether lanes of this kind hold emotion points (the curve). */
gboolean        waymark_lane_kind_holds_emotions (WaymarkLaneKind kind);
/* Whether cards of this kind count as barriers (the table's `barrier`). */
gboolean        waymark_lane_kind_is_barrier  (WaymarkLaneKind kind);
/* The file-format names of all kinds as a list in the user's language,
 * for messages: "actions, thoughts, … levers or notes". Free with g_free. */
char           *waymark_lane_kind_dup_name_list (void);
/* Fills @kinds with the kinds the overview offers, in its order
 * (overview_rank); returns how many. */
guint           waymark_lane_kind_list_for_overview (WaymarkLaneKind kinds[WAYMARK_N_LANE_KINDS]);

G_END_DECLS
