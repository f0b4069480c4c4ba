/* waymark-recommendation.h: recommendations, their domains and statuses
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "waymark-model.h"

G_BEGIN_DECLS

/* A study ends in recommendations: what should change, grouped in
 * domains, each answering barriers (and building on levers) on the maps.
 * They belong to the document, not to one persona; a recommendation
 * addresses cards of any persona and lane. Where it acts, its targets
 * (the persona and phase cells of those cards), follows from its links
 * and is never stored (waymark_document_get_targets()).
 *
 * Like the other objects these are owned by a WaymarkDocument and read-only
 * outside src/core: edits go through the waymark_document_* functions. */

/* Everything core knows about a status is a row of the table in
 * waymark-recommendation.c; the enum order is the order of display
 * (menus, a report's columns). */
typedef enum {
  WAYMARK_STATUS_OPEN,
  WAYMARK_STATUS_IN_PROGRESS,
  WAYMARK_STATUS_DONE,
  WAYMARK_STATUS_DROPPED,
  WAYMARK_N_STATUSES
} WaymarkStatus;

typedef struct {
  const char *name;    /* in the file format: "in-progress" */
  const char *label;   /* untranslated; see waymark_status_get_label() */
} WaymarkStatusInfo;

/* Value and effort are scored 1 (low) to 5 (high); 0 means not scored. */
#define WAYMARK_SCORE_UNSET 0
#define WAYMARK_SCORE_MIN   1
#define WAYMARK_SCORE_MAX   5

/* A document-level group of recommendations, like a tag. */
typedef struct {
  WaymarkObject base;
  char *name;
  char *color;               /* "#rrggbb", or "" for none */
} WaymarkDomain;

typedef struct {
  WaymarkObject base;
  char *title;
  char *description;         /* multi-line: "How might we …" */
  char *domain_id;           /* "" when in no domain */
  WaymarkStatus status;
  char *owner;               /* who carries it: free text, may be "" */
  int value;                 /* WAYMARK_SCORE_MIN..MAX, or WAYMARK_SCORE_UNSET */
  int effort;                /* the same */
  GStrv cards;               /* ids of the addressed cards, in the user's order, each once;
                              * never NULL */
} WaymarkRecommendation;

/* The row of @status. */
const WaymarkStatusInfo *waymark_status_get_info      (WaymarkStatus  status);
/* The file-format name of a status: "open", "in-progress", ... */
const char              *waymark_status_to_string     (WaymarkStatus  status);
/* FALSE for an unknown name. */
gboolean                 waymark_status_from_string   (const char    *name,
                                                       WaymarkStatus *status);
/* The translated, user-visible name of a status ("In Progress"). */
const char              *waymark_status_get_label     (WaymarkStatus  status);
/* The same in @language, a document's language tag, for what a map or a
 * report shows (see waymark-catalog.h). */
const char              *waymark_status_get_label_in  (WaymarkStatus  status,
                                                       const char    *language);
/* The file-format names of all statuses for messages: "open, in-progress,
 * done or dropped". Free with g_free. */
char                    *waymark_status_dup_name_list (void);

/* Constructors give objects with empty strings, never NULL fields. */
WaymarkDomain         *waymark_domain_new         (const char *id, const char *name,
                                                   const char *color);
WaymarkDomain         *waymark_domain_copy        (const WaymarkDomain *domain);
void                   waymark_domain_free        (WaymarkDomain *domain);
/* Open, unscored, in no domain, addressing no card. */
WaymarkRecommendation *waymark_recommendation_new (const char *id, const char *title);
/* A deep copy, id and links included. */
WaymarkRecommendation *waymark_recommendation_copy (const WaymarkRecommendation *self);
void                   waymark_recommendation_free (WaymarkRecommendation *self);
/* Whether @self addresses the card @card_id. */
gboolean               waymark_recommendation_addresses (const WaymarkRecommendation *self,
                                                         const char                  *card_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkDomain, waymark_domain_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkRecommendation, waymark_recommendation_free)

G_END_DECLS
