/* waymark-about.h: the About window, filled from the AppStream metainfo
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An AdwAboutWindow with name, summary, developer, links, licence and the
 * newest release notes taken from the metainfo. */
GtkWidget *waymark_about_window_new (void);
/* Shows it, transient for @parent (may be NULL). */
void       waymark_about_show       (GtkWindow *parent);

G_END_DECLS
