/* waymark-sidebar.h: the personas of a document, to switch between and manage
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "waymark-document.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_SIDEBAR (waymark_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkSidebar, waymark_sidebar, WAYMARK, SIDEBAR, GtkWidget)

/* A list of the document's personas (avatar, name, ambition) with add,
 * duplicate, rename, reorder and delete; selecting a row sets
 * "persona-id". Every change goes through the document (undoable). Its
 * actions have the "sidebar." prefix. */
GtkWidget  *waymark_sidebar_new            (void);

void        waymark_sidebar_set_document   (WaymarkSidebar  *self,
                                            WaymarkDocument *document);
const char *waymark_sidebar_get_persona_id (WaymarkSidebar  *self);
void        waymark_sidebar_set_persona_id (WaymarkSidebar  *self,
                                            const char      *persona_id);

/* Cards in the spotlight (those of the chosen recommendation), any
 * persona's: each persona's row shows how many of them are on its map.
 * NULL: none. */
void        waymark_sidebar_set_spotlight  (WaymarkSidebar     *self,
                                            const char * const *card_ids);

/* OVERVIEW: the place for the cross-persona overview entry, above the
 * personas (another piece of work adds it). @row may be NULL to remove it. */
void        waymark_sidebar_set_overview   (WaymarkSidebar  *self,
                                            GtkWidget       *row);

G_END_DECLS
