/* waymark-model.h: the objects of a journey-map document
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "waymark-lane-kind.h"

G_BEGIN_DECLS

/* The structs below are owned by a WaymarkDocument. Their fields are
 * read-only outside src/core: every change goes through the
 * waymark_document_* edit functions, which record it in the history. */

typedef enum {
  WAYMARK_OBJECT_PERSONA,
  WAYMARK_OBJECT_PHASE,
  WAYMARK_OBJECT_LANE,
  WAYMARK_OBJECT_CARD,
  WAYMARK_OBJECT_TAG,
  WAYMARK_OBJECT_DOMAIN,           /* waymark-recommendation.h */
  WAYMARK_OBJECT_RECOMMENDATION,   /* waymark-recommendation.h */
} WaymarkObjectKind;

#define WAYMARK_DEFAULT_SCALE_MIN (-2)
#define WAYMARK_DEFAULT_SCALE_MAX 2
#define WAYMARK_DEFAULT_COLUMN_WIDTH 200

typedef struct _WaymarkPersona WaymarkPersona;

/* Every identified object starts with this header, so that the document
 * can index all of them by id. */
typedef struct {
  WaymarkObjectKind kind;
  char *id;
} WaymarkObject;

typedef struct {
  WaymarkObject base;
  char *name;
  char *color;               /* "#rrggbb" */
} WaymarkTag;

typedef struct {
  WaymarkObject base;
  WaymarkPersona *persona;   /* weak, set while in a document */
  char *name;
  char *description;         /* may be "" */
} WaymarkPhase;

typedef struct {
  WaymarkObject base;
  WaymarkPersona *persona;   /* weak */
  char *name;
  WaymarkLaneKind kind;
  char *color;               /* "" means the kind's palette colour */
  int scale_min;             /* emotions lanes only */
  int scale_max;
} WaymarkLane;

typedef struct {
  WaymarkObject base;
  WaymarkPersona *persona;   /* weak */
  char *lane_id;
  char *phase_id;
  int span;                  /* phases covered, >= 1 */
  char *text;
  char *color;               /* "" means the lane's colour */
  char *evidence;            /* "" when none */
  GStrv tags;                /* tag ids, never NULL */
} WaymarkCard;

/* An emotions lane holds at most one point per phase. */
typedef struct {
  char *lane_id;
  char *phase_id;
  int score;
  char *label;
} WaymarkEmotionPoint;

/* A free fact of a persona's profile ("Staff": "12"). */
typedef struct {
  char *label;
  char *value;
} WaymarkFact;

struct _WaymarkPersona {
  WaymarkObject base;
  char *name;
  char *ambition;
  char *description;
  char *color;
  char *initials;            /* the avatar; "" means derived from the name */
  /* The profile (format version 3): all optional. The lists are never
   * NULL and keep the user's order. */
  char *quote;               /* in the persona's own words; "" when none */
  GStrv goals;
  GStrv needs;
  GStrv frustrations;
  GPtrArray *facts;          /* WaymarkFact*, in the user's order */
  GPtrArray *phases;         /* WaymarkPhase*, in journey order */
  GPtrArray *lanes;          /* WaymarkLane*, top to bottom */
  GPtrArray *cards;          /* WaymarkCard*; array order is the order within a cell */
  GPtrArray *emotions;       /* WaymarkEmotionPoint* */
};

/* Constructors give objects with empty strings, never NULL fields. */
WaymarkTag          *waymark_tag_new            (const char *id, const char *name, const char *color);
WaymarkTag          *waymark_tag_copy           (const WaymarkTag *tag);
void                 waymark_tag_free           (WaymarkTag *tag);
/* The colour of the @index-th tag a document gets ("#rrggbb" into @color):
 * eight colours that stay apart for colour-blind readers, then 40 more
 * each as far as possible from all before it; then again from the start. */
void                 waymark_tag_color_for_index (guint index,
                                                  char  color[8]);
WaymarkPhase        *waymark_phase_new          (const char *id, const char *name);
WaymarkPhase        *waymark_phase_copy         (const WaymarkPhase *phase);
void                 waymark_phase_free         (WaymarkPhase *phase);
WaymarkLane         *waymark_lane_new           (const char *id, const char *name, WaymarkLaneKind kind);
WaymarkLane         *waymark_lane_copy          (const WaymarkLane *lane);
void                 waymark_lane_free          (WaymarkLane *lane);
WaymarkCard         *waymark_card_new           (const char *id, const char *lane_id,
                                                 const char *phase_id, const char *text);
WaymarkCard         *waymark_card_copy          (const WaymarkCard *card);
void                 waymark_card_free          (WaymarkCard *card);
gboolean             waymark_card_has_tag       (const WaymarkCard *card, const char *tag_id);
WaymarkEmotionPoint *waymark_emotion_point_new  (const char *lane_id, const char *phase_id,
                                                 int score, const char *label);
WaymarkEmotionPoint *waymark_emotion_point_copy (const WaymarkEmotionPoint *point);
void                 waymark_emotion_point_free (WaymarkEmotionPoint *point);
WaymarkFact         *waymark_fact_new           (const char *label, const char *value);
WaymarkFact         *waymark_fact_copy          (const WaymarkFact *fact);
void                 waymark_fact_free          (WaymarkFact *fact);
/* A new persona has no phases, lanes, cards or emotion points. */
WaymarkPersona      *waymark_persona_new        (const char *id, const char *name);
/* A deep copy, ids included. */
WaymarkPersona      *waymark_persona_copy       (const WaymarkPersona *persona);
void                 waymark_persona_free       (WaymarkPersona *persona);

/* Look-ups within one persona; NULL or -1 when absent. */
WaymarkPhase        *waymark_persona_find_phase   (const WaymarkPersona *persona, const char *id);
WaymarkLane         *waymark_persona_find_lane    (const WaymarkPersona *persona, const char *id);
int                  waymark_persona_phase_index  (const WaymarkPersona *persona, const char *id);
int                  waymark_persona_lane_index   (const WaymarkPersona *persona, const char *id);
WaymarkEmotionPoint *waymark_persona_find_emotion (const WaymarkPersona *persona,
                                                   const char *lane_id, const char *phase_id);
WaymarkCard         *waymark_persona_find_card    (const WaymarkPersona *persona, const char *id);
/* The cards of one cell in their order; free with g_ptr_array_unref (it does
 * not own the cards). */
GPtrArray           *waymark_persona_cell_cards   (const WaymarkPersona *persona,
                                                   const char *lane_id, const char *phase_id);
/* The position of @card_id among the cards of its cell, or -1. */
int                  waymark_persona_card_position (const WaymarkPersona *persona,
                                                    const char *card_id);
/* The index in persona->cards at which a card inserted at @position
 * among the cards of a cell goes (for waymark_document_insert_card()):
 * before the card now at @position, or after the cell's last card when
 * @position is -1 or past the end; -1 for an empty cell (the end). */
int                  waymark_persona_cell_insert_index (const WaymarkPersona *persona,
                                                        const char *lane_id,
                                                        const char *phase_id,
                                                        int position);
/* The initials shown in the avatar: persona->initials, or derived from the
 * name ("De loopbaanlanceerder" gives "DL"). Free with g_free. */
char                *waymark_persona_dup_initials (const WaymarkPersona *persona);
/* Whether the persona has any of a profile: a quote, a goal, need,
 * frustration or fact (what needs format version 3). */
gboolean             waymark_persona_has_profile  (const WaymarkPersona *persona);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkPersona, waymark_persona_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkCard, waymark_card_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkLane, waymark_lane_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkPhase, waymark_phase_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkTag, waymark_tag_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkEmotionPoint, waymark_emotion_point_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkFact, waymark_fact_free)

G_END_DECLS
