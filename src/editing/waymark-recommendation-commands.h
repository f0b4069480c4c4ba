/* waymark-recommendation-commands.h: the edits the window makes to recommendations
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "waymark-document.h"

G_BEGIN_DECLS

/* GTK-free, like waymark-commands.h: each command is one undo step whose
 * label says what it did ("Undo Link Cards"). Returned ids belong to the
 * document. */

/* A new recommendation called @title (NULL: "New recommendation" in the
 * document's language) at @position (-1: the end) among
 * those of @domain_id (NULL or "": in no domain). NULL when the domain
 * does not exist or the document holds as many as it may. */
const char *waymark_command_add_recommendation   (WaymarkDocument    *document,
                                                  const char         *domain_id,
                                                  int                 position,
                                                  const char         *title);
/* A new domain called @name (NULL: "New domain", in the document's
 * language) after the others, with a colour of its own
 * from a fixed set. */
const char *waymark_command_add_domain           (WaymarkDocument    *document,
                                                  const char         *name);
/* Links the cards to the recommendation (@link TRUE) or takes them off
 * it, in one step, keeping the links it has in their order and adding the
 * new ones at the end. Returns how many links it made or took off; 0
 * records nothing. */
guint       waymark_command_link_cards           (WaymarkDocument    *document,
                                                  const char         *recommendation_id,
                                                  const char * const *card_ids,
                                                  gboolean            link);
/* Moves a recommendation @delta (-1 or +1) places in the order the list
 * shows: the domains in their order, then the recommendations in none.
 * Past the first or last of its domain it goes to the end of the domain
 * before or the start of the one after. FALSE at either end. */
gboolean    waymark_command_shift_recommendation (WaymarkDocument    *document,
                                                  const char         *recommendation_id,
                                                  int                 delta);
/* Moves a domain @delta places in the list of domains. */
gboolean    waymark_command_shift_domain         (WaymarkDocument    *document,
                                                  const char         *domain_id,
                                                  int                 delta);
/* Sets value and effort in one step ("Change Scores"); each is clamped
 * to WAYMARK_SCORE_MIN..MAX, or WAYMARK_SCORE_UNSET. */
gboolean    waymark_command_set_scores           (WaymarkDocument    *document,
                                                  const char         *recommendation_id,
                                                  int                 value,
                                                  int                 effort);
/* The groups of the list, in order: the ids of the domains, then "" when
 * any recommendation is in none. Free with g_strfreev. */
GStrv       waymark_command_list_domain_groups   (WaymarkDocument    *document);

G_END_DECLS
