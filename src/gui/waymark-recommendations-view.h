/* waymark-recommendations-view.h: the document's recommendations by domain, as a list or a matrix
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "waymark-document.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_RECOMMENDATIONS_VIEW (waymark_recommendations_view_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkRecommendationsView, waymark_recommendations_view,
                      WAYMARK, RECOMMENDATIONS_VIEW, GtkWidget)

/* The page beside the overview: the recommendations grouped under their
 * domains (heading and colour), each with its status, scores and how many
 * barriers and personas it addresses; or the priority matrix (value ×
 * effort). Selecting a row or a point sets "selected-id", which the window
 * shows in the inspector and whose cards it highlights.
 *
 * Its actions have the "recs." prefix: add, add-to-domain (s), add-domain,
 * edit, delete, move-up, move-down and move-to-domain (s); the keys of the
 * list are Insert (add a recommendation), Ctrl+Insert (a domain), Alt+Up
 * and Alt+Down (move), Delete, Enter or F2 (edit in the inspector) and the
 * Menu key. Rows are dragged to reorder them and to move them between
 * domains. Every change goes through the document (undoable).
 *
 * Properties: "document", "selected-id" (a recommendation's or domain's
 * id, or NULL), "show-matrix" (boolean), "palette" (a WaymarkPalette). */
GtkWidget  *waymark_recommendations_view_new             (void);

void        waymark_recommendations_view_set_document    (WaymarkRecommendationsView *self,
                                                          WaymarkDocument            *document);
const char *waymark_recommendations_view_get_selected_id (WaymarkRecommendationsView *self);
void        waymark_recommendations_view_set_selected_id (WaymarkRecommendationsView *self,
                                                          const char                 *id);
gboolean    waymark_recommendations_view_get_show_matrix (WaymarkRecommendationsView *self);
void        waymark_recommendations_view_set_show_matrix (WaymarkRecommendationsView *self,
                                                          gboolean                    show_matrix);

/* Chooses @id (a recommendation or domain) as set_selected_id () does
 * and scrolls the list to its row, leaving the keyboard focus where it
 * is: what find does with a match. */
void        waymark_recommendations_view_reveal          (WaymarkRecommendationsView *self,
                                                          const char                 *id);

/* The list's row of @id (a recommendation or domain), for tests and
 * assistive technology; NULL when there is none. */
GtkWidget  *waymark_recommendations_view_get_row         (WaymarkRecommendationsView *self,
                                                          const char                 *id);
/* The list, which takes recommendations dragged by their rows. */
GtkWidget  *waymark_recommendations_view_get_list        (WaymarkRecommendationsView *self);

G_END_DECLS
