/* waymark-find.h: the cards and recommendations whose text matches a search
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "waymark-document.h"

G_BEGIN_DECLS

/* GTK-free, for the find bar and its tests. A match is a card (with its
 * persona) or a recommendation. */
typedef struct {
  char *persona_id;          /* the card's persona; NULL for a recommendation */
  char *card_id;             /* NULL for a recommendation */
  char *recommendation_id;   /* NULL for a card */
} WaymarkFindMatch;

/* The cards of every persona whose text or evidence contains @query,
 * ignoring case and accents' composition, in reading order: persona by
 * persona, then lane, phase and position. An array of WaymarkFindMatch
 * (owning them); empty for an empty query. */
GArray *waymark_find_matches (WaymarkDocument *document,
                              const char      *query);

/* The same cards, then the recommendations whose title, description or
 * owner contains @query, in the order a report numbers them (domain by
 * domain, then those in none): what Ctrl+F finds in a document with
 * recommendations. */
GArray *waymark_find_matches_with_recommendations (WaymarkDocument *document,
                                                   const char      *query);

/* The index of the match after (or, with @backwards, before) the one for
 * @current_id (a card's or a recommendation's id), wrapping around; the
 * first (last) one when @current_id is not a match. -1 for no matches. */
int     waymark_find_matches_step (GArray     *matches,
                                   const char *current_id,
                                   gboolean    backwards);

G_END_DECLS
