/* waymark-canvas.h: the journey map, drawn and edited in place
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "waymark-document.h"
#include "waymark-layout.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_CANVAS (waymark_canvas_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkCanvas, waymark_canvas, WAYMARK, CANVAS, GtkWidget)

/* A scrollable view of one persona's map that edits it: put it in a
 * GtkScrolledWindow. It draws through the shared layout, scene and cairo
 * backend, only the visible part, and repaints from the document's
 * ::changed signal. Its actions have the "canvas." prefix. */
GtkWidget       *waymark_canvas_new              (void);

WaymarkDocument *waymark_canvas_get_document     (WaymarkCanvas      *self);
void             waymark_canvas_set_document     (WaymarkCanvas      *self,
                                                  WaymarkDocument    *document);
const char      *waymark_canvas_get_persona_id   (WaymarkCanvas      *self);
void             waymark_canvas_set_persona_id   (WaymarkCanvas      *self,
                                                  const char         *persona_id);
/* The zoom of the map ("zoom" property), 1.0 = 100 %, one document point
 * per pixel; set values are clamped to this range. The canvas is the one
 * owner of the zoom: the window shows and changes it through these. The
 * "zoom" key of the GSettings schema has the same range. */
#define WAYMARK_CANVAS_ZOOM_MIN 0.25
#define WAYMARK_CANVAS_ZOOM_MAX 4.0
double           waymark_canvas_get_zoom         (WaymarkCanvas      *self);
void             waymark_canvas_set_zoom         (WaymarkCanvas      *self,
                                                  double              zoom);
/* Zooms so that the map's width (@page FALSE) or the whole map fits. */
void             waymark_canvas_zoom_to_fit      (WaymarkCanvas      *self,
                                                  gboolean            page);

/* The current layout (rebuilt if the document changed), or NULL. */
WaymarkLayout   *waymark_canvas_get_layout       (WaymarkCanvas      *self);

/* The selected cards, NULL-terminated; owned by the canvas. */
const char * const *waymark_canvas_get_selected_cards (WaymarkCanvas *self);
/* What the inspector shows: the focused card, phase, lane or (the title
 * block) persona id, or NULL for the document. Notified as
 * "inspected-id". */
const char      *waymark_canvas_get_inspected_id (WaymarkCanvas      *self);
/* Has the inspector show the document's properties (title, author,
 * language, tags), as a click on the paper around the map does; until the
 * focus moves again. */
void             waymark_canvas_inspect_document (WaymarkCanvas      *self);
/* Selects and focuses a card (switching persona when it belongs to
 * another one) and scrolls it into view. */
void             waymark_canvas_reveal_card      (WaymarkCanvas      *self,
                                                  const char         *card_id);
/* Cards drawn with a search highlight (NULL: none). */
void             waymark_canvas_set_highlights   (WaymarkCanvas      *self,
                                                  const char * const *card_ids);
/* Cards in the spotlight: ringed in amber, the others dimmed a little, as
 * the maps and reports show the cards of a chosen recommendation (the
 * render option highlight_card_ids). Any persona's; NULL: none. */
void             waymark_canvas_set_spotlight    (WaymarkCanvas      *self,
                                                  const char * const *card_ids);
const char * const *waymark_canvas_get_spotlight (WaymarkCanvas      *self);
/* Whether cards are being dragged ("dragging-cards"): on the map, or out
 * of it to a drop target for WAYMARK_TYPE_DRAGGED_CARDS elsewhere in the
 * window (waymark-card-drag.h), which a drag of cards becomes when the
 * pointer reaches such a target. */
gboolean         waymark_canvas_get_dragging_cards (WaymarkCanvas    *self);

/* Starts editing the text of the focused card, a new card in the focused
 * cell, or the name of the focused phase or lane. */
void             waymark_canvas_start_editing    (WaymarkCanvas      *self);
/* Whether an in-place editor is open. */
gboolean         waymark_canvas_is_editing       (WaymarkCanvas      *self);
/* Commits what an open in-place editor holds to the document (one edit)
 * and closes it; nothing when no editor is open. Saving, exporting,
 * printing and closing call this first, so that they see what was typed. */
void             waymark_canvas_commit_editing   (WaymarkCanvas      *self);

/* The map as PNG and SVG bytes (for "Copy as Image"), drawn by the
 * shared backends. */
GBytes          *waymark_canvas_render_png       (WaymarkCanvas      *self);
GBytes          *waymark_canvas_render_svg       (WaymarkCanvas      *self);

G_END_DECLS
