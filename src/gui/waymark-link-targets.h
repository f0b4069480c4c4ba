/* waymark-link-targets.h: the recommendations as places to drop cards on
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "waymark-document.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_LINK_TARGETS (waymark_link_targets_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkLinkTargets, waymark_link_targets, WAYMARK, LINK_TARGETS, GtkWidget)

/* What the sidebar shows while cards are dragged on a map: every
 * recommendation under its domain, and "New Recommendation" last, each a
 * drop target for WAYMARK_TYPE_DRAGGED_CARDS (waymark-card-drag.h).
 * Dropping links the cards to the recommendation (one undoable step) and
 * emits ::cards-linked (const char *recommendation_id, guint n_linked). */
GtkWidget *waymark_link_targets_new          (void);
void       waymark_link_targets_set_document (WaymarkLinkTargets *self,
                                              WaymarkDocument    *document);
/* The list whose rows take the drop, and its row for @recommendation_id
 * (NULL: the "New Recommendation" row), for tests. */
GtkWidget *waymark_link_targets_get_list     (WaymarkLinkTargets *self);
GtkWidget *waymark_link_targets_get_row      (WaymarkLinkTargets *self,
                                              const char         *recommendation_id);

G_END_DECLS
