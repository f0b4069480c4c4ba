/* waymark-preferences-window.h: the Preferences window
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "waymark-application.h"

G_BEGIN_DECLS

#define WAYMARK_TYPE_PREFERENCES_WINDOW (waymark_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkPreferencesWindow, waymark_preferences_window, WAYMARK,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

/* The rows are bound to @application's settings; without settings they
 * are insensitive. */
WaymarkPreferencesWindow *waymark_preferences_window_new (WaymarkApplication *application);

G_END_DECLS
