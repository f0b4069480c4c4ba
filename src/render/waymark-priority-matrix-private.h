/* waymark-priority-matrix-private.h: the placed labels, for tests
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "waymark-priority-matrix.h"

G_BEGIN_DECLS

/* The rectangles of the titles placed in the plot and of the dots, owned
 * by the matrix: no two titles overlap, and no title covers a dot. */
const WaymarkRect *waymark_priority_matrix_get_label_rects (WaymarkPriorityMatrix *self,
                                                            guint                 *n_labels);
const WaymarkRect *waymark_priority_matrix_get_dot_rects   (WaymarkPriorityMatrix *self,
                                                            guint                 *n_dots);
/* How many scored recommendations have no title in the plot (they are
 * listed beside it). */
guint              waymark_priority_matrix_get_n_unlabelled (WaymarkPriorityMatrix *self);

G_END_DECLS
