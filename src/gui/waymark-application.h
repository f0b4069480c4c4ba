/* waymark-application.h: the Waymark application
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "waymark-document.h"
#include "waymark-export.h"
#include "waymark-render-types.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_APPLICATION (waymark_application_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkApplication, waymark_application, WAYMARK, APPLICATION, AdwApplication)

/* Forward declaration; see waymark-window.h. */
typedef struct _WaymarkWindow WaymarkWindow;

/* @extra_flags are added to HANDLES_OPEN (tests pass NON_UNIQUE). */
WaymarkApplication *waymark_application_new             (GApplicationFlags   extra_flags);

/* The app's settings, or NULL when the org.waymark.Waymark schema is not
 * installed (a message says so once; defaults are used instead). */
GSettings          *waymark_application_get_settings    (WaymarkApplication *self);

/* Preferences, with their defaults when there are no settings. */
gboolean            waymark_application_get_autosave    (WaymarkApplication *self);
WaymarkPalette      waymark_application_get_palette     (WaymarkApplication *self);
WaymarkPaper        waymark_application_get_paper       (WaymarkApplication *self);
WaymarkOrientation  waymark_application_get_orientation (WaymarkApplication *self);

/* The window showing @file, or NULL. */
WaymarkWindow      *waymark_application_find_window     (WaymarkApplication *self,
                                                         GFile              *file);
/* Opens @file: presents the window that already shows it, or loads it
 * into a pristine active window or a new one. A file that fails to load
 * gets an error dialog. Returns the window. */
WaymarkWindow      *waymark_application_open_file       (WaymarkApplication *self,
                                                         GFile              *file);
/* A new window with the named template ("blank", "customer-journey",
 * "service-blueprint", "levenslang-leren"), in the user's language when a
 * translation exists. The document is untitled. */
WaymarkWindow      *waymark_application_new_from_template (WaymarkApplication *self,
                                                           const char         *template_name,
                                                           GError            **error);
/* Looks for drafts left by a session that ended without saving and, if
 * there are any, asks whether to restore them. */
void                waymark_application_check_drafts    (WaymarkApplication *self);

G_END_DECLS
