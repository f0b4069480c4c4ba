/* waymark-find.h: the cards whose text matches a search
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "waymark-document.h"

G_BEGIN_DECLS

/* GTK-free, for the find bar and its tests. */
typedef struct {
  char *persona_id;
  char *card_id;
} WaymarkFindMatch;

/* The cards of every persona whose text or evidence contains @query,
 * ignoring case and accents' composition, in reading order: persona by
 * persona, then lane, phase and position. An array of WaymarkFindMatch
 * (owning them); empty for an empty query. */
GArray *waymark_find_matches (WaymarkDocument *document,
                              const char      *query);

/* The index of the match after (or, with @backwards, before) the one for
 * @current_card_id, wrapping around; the first (last) one when
 * @current_card_id is not a match. -1 for no matches. */
int     waymark_find_matches_step (GArray     *matches,
                                   const char *current_card_id,
                                   gboolean    backwards);

G_END_DECLS
