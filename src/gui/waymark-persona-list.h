/* waymark-persona-list.h: a plain list of the document's personas
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "waymark-document.h"

G_BEGIN_DECLS

/* Chooses the persona the window shows. It fills the window's sidebar slot
 * until the persona sidebar (WaymarkSidebar) takes it. Properties:
 * "document" and "persona-id" (read-write). */
#define WAYMARK_TYPE_PERSONA_LIST (waymark_persona_list_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkPersonaList, waymark_persona_list, WAYMARK, PERSONA_LIST, GtkWidget)

GtkWidget *waymark_persona_list_new (void);

G_END_DECLS
