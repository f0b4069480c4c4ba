/* waymark-inspector.h: the properties of what is selected on the map
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "waymark-document.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_INSPECTOR (waymark_inspector_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkInspector, waymark_inspector, WAYMARK, INSPECTOR, GtkWidget)

/* Shows and edits the object "object-id" names: a card (text, colour,
 * tags, evidence), lane (name, kind, colour, scale), phase (name,
 * description), persona (name, ambition, description, colour, initials),
 * or with NULL the document (title, author, description, language,
 * tags). Every edit goes through the document; the panel follows
 * ::changed. */
GtkWidget *waymark_inspector_new           (void);
void       waymark_inspector_set_document  (WaymarkInspector *self,
                                            WaymarkDocument  *document);
void       waymark_inspector_set_object_id (WaymarkInspector *self,
                                            const char       *object_id);

G_END_DECLS
