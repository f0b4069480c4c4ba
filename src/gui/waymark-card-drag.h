/* waymark-card-drag.h: cards dragged out of a map, for drop targets elsewhere in the window
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "waymark-document.h"

G_BEGIN_DECLS

/* What a drag of cards from the canvas carries: the ids of the cards, in
 * the document the window shows. A drop target that takes cards (the
 * recommendations in the sidebar) asks for WAYMARK_TYPE_DRAGGED_CARDS;
 * the canvas hands its drag over to GTK's drag and drop when the pointer
 * reaches such a target (waymark-canvas-drag.c). */
typedef struct _WaymarkDraggedCards WaymarkDraggedCards;

#define WAYMARK_TYPE_DRAGGED_CARDS (waymark_dragged_cards_get_type ())
GType                waymark_dragged_cards_get_type (void) G_GNUC_CONST;

WaymarkDraggedCards *waymark_dragged_cards_new      (const char * const  *card_ids);
WaymarkDraggedCards *waymark_dragged_cards_copy     (const WaymarkDraggedCards *self);
void                 waymark_dragged_cards_free     (WaymarkDraggedCards *self);
/* The card ids, NULL-terminated; owned by @self. */
const char * const  *waymark_dragged_cards_get_ids  (const WaymarkDraggedCards *self);

/* The content of a drag of @card_ids: the cards for Waymark's own drop
 * targets and, for other programs, their text as plain text, one card a
 * line. */
GdkContentProvider  *waymark_dragged_cards_new_content (WaymarkDocument    *document,
                                                        const char * const *card_ids);

/* Whether a drop target for dragged cards sits on @widget or one of its
 * ancestors (below @stop, which is not looked at). */
gboolean             waymark_dragged_cards_accepted_at (GtkWidget          *widget,
                                                        GtkWidget          *stop);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkDraggedCards, waymark_dragged_cards_free)

G_END_DECLS
