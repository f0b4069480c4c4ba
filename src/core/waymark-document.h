/* waymark-document.h: a journey-map document and its edits
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "waymark-history.h"
#include "waymark-model.h"
#include "waymark-recommendation.h"

G_BEGIN_DECLS

/* The fields that waymark_document_set_text() and _set_int() change.
 * object_id NULL addresses the document itself. */
typedef enum {
  /* text fields */
  WAYMARK_FIELD_TITLE,        /* document, recommendation */
  WAYMARK_FIELD_AUTHOR,       /* document */
  WAYMARK_FIELD_LANGUAGE,     /* document */
  WAYMARK_FIELD_DESCRIPTION,  /* document, persona, phase, recommendation */
  WAYMARK_FIELD_NAME,         /* persona, phase, lane, tag, domain */
  WAYMARK_FIELD_AMBITION,     /* persona */
  WAYMARK_FIELD_INITIALS,     /* persona */
  WAYMARK_FIELD_COLOR,        /* persona, lane, card, tag, domain */
  WAYMARK_FIELD_TEXT,         /* card */
  WAYMARK_FIELD_EVIDENCE,     /* card */
  WAYMARK_FIELD_CARD_LANE,    /* card: lane id */
  WAYMARK_FIELD_CARD_PHASE,   /* card: phase id */
  WAYMARK_FIELD_OWNER,        /* recommendation */
  WAYMARK_FIELD_DOMAIN,       /* recommendation: a domain id, "" for none */
  WAYMARK_FIELD_QUOTE,        /* persona */
  /* integer fields */
  WAYMARK_FIELD_SPAN,         /* card */
  WAYMARK_FIELD_KIND,         /* lane: a WaymarkLaneKind */
  WAYMARK_FIELD_SCALE_MIN,    /* lane */
  WAYMARK_FIELD_SCALE_MAX,    /* lane */
  WAYMARK_FIELD_COLUMN_WIDTH, /* document */
  WAYMARK_FIELD_STATUS,       /* recommendation: a WaymarkStatus */
  WAYMARK_FIELD_VALUE,        /* recommendation: WAYMARK_SCORE_MIN..MAX, or _UNSET */
  WAYMARK_FIELD_EFFORT,       /* recommendation: the same */
  /* list fields of a persona's profile (waymark_document_set_list ()) */
  WAYMARK_FIELD_GOALS,
  WAYMARK_FIELD_NEEDS,
  WAYMARK_FIELD_FRUSTRATIONS,
  WAYMARK_FIELD_FACTS,        /* waymark_document_set_facts () */
} WaymarkField;

#define WAYMARK_TYPE_DOCUMENT (waymark_document_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkDocument, waymark_document, WAYMARK, DOCUMENT, GObject)

/* An empty document: no personas, no tags, language "en". */
WaymarkDocument *waymark_document_new              (void);

/* Reading. Returned objects belong to the document and stay valid until
 * the next edit, undo or redo. */
const char      *waymark_document_get_title        (WaymarkDocument *self);
/* The title as the start of a file name that every system accepts
 * ("Knee replacement: patient journey" gives "Knee replacement - patient
 * journey"), without extension; NULL when the title gives none. */
char            *waymark_document_dup_file_stem    (WaymarkDocument *self);
const char      *waymark_document_get_description  (WaymarkDocument *self);
const char      *waymark_document_get_author       (WaymarkDocument *self);
const char      *waymark_document_get_language     (WaymarkDocument *self);
int              waymark_document_get_column_width (WaymarkDocument *self);
GDateTime       *waymark_document_get_created      (WaymarkDocument *self);
GDateTime       *waymark_document_get_modified     (WaymarkDocument *self);
guint            waymark_document_get_n_personas   (WaymarkDocument *self);
WaymarkPersona  *waymark_document_get_persona      (WaymarkDocument *self,
                                                    guint            index);
WaymarkPersona  *waymark_document_find_persona     (WaymarkDocument *self,
                                                    const char      *id);
int              waymark_document_persona_index    (WaymarkDocument *self,
                                                    const char      *id);
/* WaymarkTag*, in order; do not modify. */
GPtrArray       *waymark_document_get_tags         (WaymarkDocument *self);
WaymarkTag      *waymark_document_find_tag         (WaymarkDocument *self,
                                                    const char      *id);
WaymarkCard     *waymark_document_find_card        (WaymarkDocument *self,
                                                    const char      *id);
/* Any persona, phase, lane, card, tag, domain or recommendation by id,
 * or NULL. */
WaymarkObject   *waymark_document_lookup           (WaymarkDocument *self,
                                                    const char      *id);
/* The persona that owns a phase, lane or card id (or is that persona). */
WaymarkPersona  *waymark_document_lookup_persona   (WaymarkDocument *self,
                                                    const char      *id);
/* A fresh id "PREFIX-N" that no object in the document uses. */
char            *waymark_document_new_id           (WaymarkDocument *self,
                                                    const char      *prefix);
WaymarkHistory  *waymark_document_get_history      (WaymarkDocument *self);

/* Recommendations (docs/hacking.md, "Recommendations"). */

/* WaymarkDomain*, in the user's order; do not modify. */
GPtrArray       *waymark_document_get_domains      (WaymarkDocument *self);
WaymarkDomain   *waymark_document_find_domain      (WaymarkDocument *self,
                                                    const char      *id);
/* Every WaymarkRecommendation*; do not modify. Only the order within a
 * domain means anything: list a domain's with the next function. */
GPtrArray       *waymark_document_get_recommendations (WaymarkDocument *self);
WaymarkRecommendation *waymark_document_find_recommendation (WaymarkDocument *self,
                                                             const char      *id);
/* The recommendations of a domain (NULL or "": those in none), in the
 * user's order; free with g_ptr_array_unref (it does not own them). */
GPtrArray       *waymark_document_list_domain_recommendations (WaymarkDocument *self,
                                                               const char      *domain_id);
/* Every recommendation in the order a report lists and numbers them (the
 * first is number 1; the file, the PDF, the priority matrix and the CSV
 * agree): domain by domain in the user's order, each domain's in its
 * order, then those in no domain. Free with g_ptr_array_unref (it does
 * not own them). */
GPtrArray       *waymark_document_list_recommendations_in_order (WaymarkDocument *self);
/* The recommendations that address a card, in document order, for the
 * card's badge and inspector; free with g_ptr_array_unref (it does not
 * own them). Empty for an unknown card. */
GPtrArray       *waymark_document_get_recommendations_for_card (WaymarkDocument *self,
                                                                const char      *card_id);
/* How many recommendations address a card: the same, without a list. */
guint            waymark_document_count_recommendations_for_card (WaymarkDocument *self,
                                                                  const char      *card_id);

/* One cell of a map that a recommendation acts on: its targets are the
 * (persona, phase) cells of the cards it addresses, computed from the
 * links, never stored. */
typedef struct {
  WaymarkPersona *persona;
  WaymarkPhase   *phase;
  guint           n_cards;   /* addressed cards that cover this cell */
} WaymarkTarget;

/* The targets of a recommendation, ordered by persona, then phase. A card
 * spanning phases counts in each. A GArray of WaymarkTarget (free with
 * g_array_unref), or NULL for an unknown recommendation. */
GArray          *waymark_document_get_targets      (WaymarkDocument *self,
                                                    const char      *recommendation_id);

/* What a recommendation reaches, for lists and reports. */
typedef struct {
  guint n_cards;     /* cards it addresses */
  guint n_barriers;  /* of those, cards in lanes of a barrier kind */
  guint n_personas;  /* personas those cards belong to */
  guint n_targets;   /* (persona, phase) cells, as waymark_document_get_targets() */
} WaymarkReach;

/* Fills @reach; FALSE (and zeros) for an unknown recommendation. */
gboolean         waymark_document_get_reach        (WaymarkDocument *self,
                                                    const char      *recommendation_id,
                                                    WaymarkReach    *reach);
/* How many barrier cards at least one recommendation addresses, and in
 * @n_barriers (may be NULL) how many barrier cards the document has:
 * what is still unanswered. */
guint            waymark_document_count_addressed_barriers (WaymarkDocument *self,
                                                            guint           *n_barriers);

/* Metadata that is not an edit and does not go through the history. */
void             waymark_document_set_created      (WaymarkDocument *self,
                                                    GDateTime       *created);
void             waymark_document_set_modified     (WaymarkDocument *self,
                                                    GDateTime       *modified);

/* Edits. Each records a change in the history and emits ::changed.
 * They return FALSE, and record nothing, when the edit would change
 * nothing or refers to objects that do not exist. */

/* Groups the edits of one gesture into a single undo step. */
void             waymark_document_begin_group      (WaymarkDocument *self,
                                                    const char      *label);
void             waymark_document_end_group        (WaymarkDocument *self);

gboolean         waymark_document_set_text         (WaymarkDocument *self,
                                                    const char      *object_id,
                                                    WaymarkField     field,
                                                    const char      *value);
gboolean         waymark_document_set_int          (WaymarkDocument *self,
                                                    const char      *object_id,
                                                    WaymarkField     field,
                                                    int              value);
/* Replaces a list of a persona's profile (WAYMARK_FIELD_GOALS, _NEEDS or
 * _FRUSTRATIONS) with @items (NULL: none), in this order; items are kept
 * exactly, empty ones too. FALSE when nothing changes, past
 * WAYMARK_LIMIT_PROFILE_ITEMS or for text a file may not hold. */
gboolean         waymark_document_set_list         (WaymarkDocument    *self,
                                                    const char         *persona_id,
                                                    WaymarkField        field,
                                                    const char * const *items);
/* Replaces a persona's facts with @facts (WaymarkFact*, not taken; NULL:
 * none), in this order. The same rules. */
gboolean         waymark_document_set_facts        (WaymarkDocument    *self,
                                                    const char         *persona_id,
                                                    GPtrArray          *facts);
gboolean         waymark_document_set_card_tags    (WaymarkDocument    *self,
                                                    const char         *card_id,
                                                    const char * const *tag_ids);

/* Insertions take ownership of the object; index -1 appends. An object
 * whose id is already used is given a fresh one (so are a persona's
 * children). Returns the id the object ended up with (owned by the doc),
 * or NULL when the parent does not exist. */
const char      *waymark_document_insert_persona   (WaymarkDocument *self,
                                                    WaymarkPersona  *persona,
                                                    int              index);
const char      *waymark_document_insert_phase     (WaymarkDocument *self,
                                                    const char      *persona_id,
                                                    WaymarkPhase    *phase,
                                                    int              index);
const char      *waymark_document_insert_lane      (WaymarkDocument *self,
                                                    const char      *persona_id,
                                                    WaymarkLane     *lane,
                                                    int              index);
/* @index is the position in persona->cards. */
const char      *waymark_document_insert_card      (WaymarkDocument *self,
                                                    const char      *persona_id,
                                                    WaymarkCard     *card,
                                                    int              index);
const char      *waymark_document_insert_tag       (WaymarkDocument *self,
                                                    WaymarkTag      *tag,
                                                    int              index);

/* A domain, at @index in the list of domains (-1: the end). */
const char      *waymark_document_insert_domain    (WaymarkDocument *self,
                                                    WaymarkDomain   *domain,
                                                    int              index);
/* A recommendation, at @position among the recommendations of its domain
 * (recommendation->domain_id; -1: at the end). Its links to cards that do
 * not exist, and repeated ones, are dropped. NULL, and @recommendation
 * freed, when its domain does not exist or it passes a limit. */
const char      *waymark_document_insert_recommendation (WaymarkDocument       *self,
                                                         WaymarkRecommendation *recommendation,
                                                         int                    position);

/* Removes any object by id, with what depends on it: a phase or lane takes
 * its cards and emotion points along, a tag is taken off its cards, a
 * card (also one that goes with its phase, lane or persona) is unlinked
 * from the recommendations that address it, a domain's recommendations
 * are left in no domain. Undo brings all of it back. */
gboolean         waymark_document_remove           (WaymarkDocument *self,
                                                    const char      *id);
/* Moves a persona, phase, lane, tag, domain or card to @index in its list
 * (for a recommendation, use waymark_document_move_recommendation()). */
gboolean         waymark_document_move             (WaymarkDocument *self,
                                                    const char      *id,
                                                    int              index);
/* Moves a card to a cell, at @position among that cell's cards
 * (-1: at the end). */
gboolean         waymark_document_move_card        (WaymarkDocument *self,
                                                    const char      *card_id,
                                                    const char      *lane_id,
                                                    const char      *phase_id,
                                                    int              position);
/* Moves a recommendation to @position among the recommendations of
 * @domain_id (NULL or "": in no domain; -1: at the end), changing its
 * domain when that is another one. One undo step. */
gboolean         waymark_document_move_recommendation (WaymarkDocument *self,
                                                       const char      *recommendation_id,
                                                       const char      *domain_id,
                                                       int              position);
/* Sets the cards a recommendation addresses, in this order: unknown cards
 * and repeats are dropped. FALSE past WAYMARK_LIMIT_LINKS. */
gboolean         waymark_document_set_addressed_cards (WaymarkDocument    *self,
                                                       const char         *recommendation_id,
                                                       const char * const *card_ids);
/* Adds a card at the end of a recommendation's links, or takes it off. */
gboolean         waymark_document_link_card        (WaymarkDocument *self,
                                                    const char      *recommendation_id,
                                                    const char      *card_id);
gboolean         waymark_document_unlink_card      (WaymarkDocument *self,
                                                    const char      *recommendation_id,
                                                    const char      *card_id);

/* Sets (creates or replaces) the emotion point of a phase in an emotions
 * lane. The score is clamped to the lane's scale. */
gboolean         waymark_document_set_emotion      (WaymarkDocument *self,
                                                    const char      *persona_id,
                                                    const char      *lane_id,
                                                    const char      *phase_id,
                                                    int              score,
                                                    const char      *label);
gboolean         waymark_document_remove_emotion   (WaymarkDocument *self,
                                                    const char      *persona_id,
                                                    const char      *lane_id,
                                                    const char      *phase_id);

/* Undo and redo through the history (convenience). */
gboolean         waymark_document_undo             (WaymarkDocument *self);
gboolean         waymark_document_redo             (WaymarkDocument *self);

G_END_DECLS
