/* waymark-recommendations-matrix.h: the priority matrix of recommendations, on screen
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "waymark-document.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_RECOMMENDATIONS_MATRIX (waymark_recommendations_matrix_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkRecommendationsMatrix, waymark_recommendations_matrix,
                      WAYMARK, RECOMMENDATIONS_MATRIX, GtkWidget)

/* The recommendations view's Matrix page: the report's priority matrix
 * (value × effort, waymark-priority-matrix.h) drawn by the shared cairo
 * backend, fitted to the width, the chosen recommendation's dot glowing.
 * A click on a dot, a title or an entry beside the plot emits
 * ::recommendation-chosen with its id; the view makes it the chosen one.
 * From the keyboard, the arrows choose the next or previous one in the
 * report's order and Enter or F2 activates recs.edit. */
GtkWidget *waymark_recommendations_matrix_new             (void);
void       waymark_recommendations_matrix_set_document    (WaymarkRecommendationsMatrix *self,
                                                           WaymarkDocument              *document);
/* A WaymarkPalette. */
void       waymark_recommendations_matrix_set_palette     (WaymarkRecommendationsMatrix *self,
                                                           int                           palette);
void       waymark_recommendations_matrix_set_selected_id (WaymarkRecommendationsMatrix *self,
                                                           const char                   *id);
/* Emits ::recommendation-chosen for what is at (@x, @y) in the matrix's
 * own coordinates, as a click there does; FALSE when nothing is. */
gboolean   waymark_recommendations_matrix_click           (WaymarkRecommendationsMatrix *self,
                                                           double                        x,
                                                           double                        y);
/* Where @id's dot (or entry) is, in the matrix's coordinates, for tests.
 * FALSE when it has none. */
gboolean   waymark_recommendations_matrix_get_marker      (WaymarkRecommendationsMatrix *self,
                                                           const char                   *id,
                                                           double                       *x,
                                                           double                       *y);

G_END_DECLS
