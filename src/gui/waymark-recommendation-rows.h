/* waymark-recommendation-rows.h: the pieces every list of recommendations is made of
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "waymark-document.h"

G_BEGIN_DECLS

/* The recommendations view, the drop targets in the sidebar and the
 * inspector show recommendations and domains alike: a domain's colour,
 * a status as a pill, the scores and the reach in the same words. */

/* A patch of @color ("#rrggbb"; "" or NULL: a neutral grey), @width ×
 * @height pixels (-1: as the parent gives), a dot when @round. */
GtkWidget *waymark_recommendation_swatch_new  (const char                  *color,
                                               int                          width,
                                               int                          height,
                                               gboolean                     round);
/* The status of @recommendation as a small coloured pill. */
GtkWidget *waymark_recommendation_status_new  (const WaymarkRecommendation *recommendation);
/* The colour of the domain @domain_id, or "" for none or an unknown one. */
const char *waymark_recommendation_domain_color (WaymarkDocument           *document,
                                                 const char                *domain_id);
/* The domain's name, or "No Domain" for "" and unknown ids. */
const char *waymark_recommendation_domain_name  (WaymarkDocument           *document,
                                                 const char                *domain_id);
/* "Value 4 · Effort 2", a dash for a score not set. */
char      *waymark_recommendation_dup_scores  (const WaymarkRecommendation *recommendation);
/* What it reaches: "4 barriers · 3 personas" (other cards counted apart),
 * or "No cards linked yet". */
char      *waymark_recommendation_dup_reach   (WaymarkDocument             *document,
                                               const WaymarkRecommendation *recommendation);
/* Where a card is, for lists of cards: "Persona · Phase · Lane". */
char      *waymark_recommendation_dup_card_place (WaymarkDocument          *document,
                                                  const WaymarkCard        *card);

G_END_DECLS
