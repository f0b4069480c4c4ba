/* waymark-overview-view.h: the overview of barriers and levers across personas, on screen
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "waymark-document.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_OVERVIEW_VIEW (waymark_overview_view_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkOverviewView, waymark_overview_view, WAYMARK, OVERVIEW_VIEW, GtkWidget)

/* The overview page (src/render/waymark-overview-scene.h) drawn with the
 * shared cairo backend, fitted to the view's width, with a bar on top:
 * counts or full text, and a filter by lane kind and by tag. It follows
 * the document's ::changed signal. Clicking a card (or a cell, or a
 * persona's name) emits ::card-activated; the window then opens that
 * card in its persona's map.
 *
 * The matrix takes the keyboard focus (grabbing the view's focus gives it
 * there): arrows move a focus ring between the cells of present phases
 * and, in full text, down through each cell's cards; Home/End go to the
 * first/last cell of the row, with Ctrl of the matrix; Enter or space
 * activates the focused cell or card exactly as a click does. The matrix's
 * accessible label names what is focused (persona, phase and counts, or
 * the card's text and kind).
 *
 * Properties: "document" (WaymarkDocument), "palette" (int, a
 * WaymarkPalette), "show-text" (boolean).
 *
 * Signal: card-activated (const char *persona_id, const char *card_id),
 * card_id NULL when a persona's name or an empty cell was clicked. */
GtkWidget  *waymark_overview_view_new           (void);

void        waymark_overview_view_set_document  (WaymarkOverviewView *self,
                                                 WaymarkDocument     *document);
WaymarkDocument *
            waymark_overview_view_get_document  (WaymarkOverviewView *self);
void        waymark_overview_view_set_show_text (WaymarkOverviewView *self,
                                                 gboolean             show_text);
gboolean    waymark_overview_view_get_show_text (WaymarkOverviewView *self);
/* Shows, per persona and phase, the barriers that no recommendation
 * addresses yet (instead of the counts or the text). */
void        waymark_overview_view_set_show_coverage (WaymarkOverviewView *self,
                                                     gboolean             show_coverage);
gboolean    waymark_overview_view_get_show_coverage (WaymarkOverviewView *self);

/* The lane kinds shown (WAYMARK_OVERVIEW_KIND bits; 0: barriers and
 * levers) and the tags a card must carry one of (NULL: all cards). */
void        waymark_overview_view_set_filter    (WaymarkOverviewView *self,
                                                 guint                kinds,
                                                 const char * const  *tag_ids);

/* The scene size and what is drawn, for tests: the current figure's
 * width and height in document units (0 without a document). */
void        waymark_overview_view_get_figure_size (WaymarkOverviewView *self,
                                                   double              *width,
                                                   double              *height);
/* Acts as a click at (@x, @y) in figure units would; returns whether it
 * activated something (for tests and keyboard activation). */
gboolean    waymark_overview_view_activate_at   (WaymarkOverviewView *self,
                                                 double               x,
                                                 double               y);

G_END_DECLS
