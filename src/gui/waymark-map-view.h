/* waymark-map-view.h: a read-only view of one persona's journey map
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "waymark-document.h"

G_BEGIN_DECLS

/* Draws the map with the shared layout, scene and cairo backend (the same
 * path as export and printing). The window shows it in the content slot
 * until the editing canvas (WaymarkCanvas) takes that slot. */
#define WAYMARK_TYPE_MAP_VIEW (waymark_map_view_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkMapView, waymark_map_view, WAYMARK, MAP_VIEW, GtkWidget)

GtkWidget       *waymark_map_view_new            (void);
void             waymark_map_view_set_document   (WaymarkMapView  *self,
                                                  WaymarkDocument *document);
void             waymark_map_view_set_persona_id (WaymarkMapView  *self,
                                                  const char      *persona_id);
void             waymark_map_view_set_zoom       (WaymarkMapView  *self,
                                                  double           zoom);
/* A WaymarkPalette. */
void             waymark_map_view_set_palette    (WaymarkMapView  *self,
                                                  int              palette);
/* The size of the drawn map in document units; FALSE when there is none. */
gboolean         waymark_map_view_get_map_size   (WaymarkMapView  *self,
                                                  double          *width,
                                                  double          *height);

G_END_DECLS
