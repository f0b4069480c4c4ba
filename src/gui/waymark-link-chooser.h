/* waymark-link-chooser.h: a searchable list of recommendations to link cards to
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "waymark-document.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_LINK_CHOOSER (waymark_link_chooser_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkLinkChooser, waymark_link_chooser, WAYMARK, LINK_CHOOSER, GtkPopover)

/* A popover over the map that links the selected cards to
 * recommendations without dragging them: a search entry over the
 * recommendations, each with a check (half-ticked when only some of the
 * cards are linked to it). Ticking links all the cards, unticking
 * unlinks them, at once and as one undo step each; the checks follow
 * the document while the popover is open. Enter in the search links the
 * first match and closes the popover; "New Recommendation" makes one
 * for the cards (one step with its links) and asks the window to show
 * it (win.show-recommendation) so that it can be named. */
GtkWidget *waymark_link_chooser_new              (void);
/* Fills the list for @card_ids (NULL-terminated, at least one) and
 * empties the search; popping up is the caller's. */
void       waymark_link_chooser_show             (WaymarkLinkChooser *self,
                                                  WaymarkDocument    *document,
                                                  const char * const *card_ids);
/* The search entry, the check of the recommendation @id, whether its row
 * passes the search, and the "New Recommendation" button, for tests. */
GtkWidget *waymark_link_chooser_get_search_entry (WaymarkLinkChooser *self);
GtkWidget *waymark_link_chooser_get_check        (WaymarkLinkChooser *self,
                                                  const char         *id);
gboolean   waymark_link_chooser_shows            (WaymarkLinkChooser *self,
                                                  const char         *id);
GtkWidget *waymark_link_chooser_get_new_button   (WaymarkLinkChooser *self);

G_END_DECLS
