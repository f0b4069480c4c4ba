/* gui-test-util.h: what the GUI tests share to drive the app
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "waymark-window.h"

G_BEGIN_DECLS

typedef gboolean (*GuiTestCondition) (gpointer data);

/* Runs the main loop until @condition holds (TRUE) or @timeout_ms passed
 * (FALSE). */
gboolean          gui_test_wait_for        (GuiTestCondition  condition,
                                            gpointer          data,
                                            guint             timeout_ms);
/* Runs the main loop for @ms milliseconds. */
void              gui_test_spin            (guint             ms);

/* The visible message dialog with @css_class (NULL: any) that is
 * transient for @parent (NULL: any), or NULL. */
AdwMessageDialog *gui_test_find_dialog     (GtkWindow        *parent,
                                            const char       *css_class);
/* The same, waiting up to 5 s for it; fails the test when none appears. */
AdwMessageDialog *gui_test_wait_for_dialog (GtkWindow        *parent,
                                            const char       *css_class);
/* Answers @dialog with @response as a click on its button does. */
void              gui_test_respond         (AdwMessageDialog *dialog,
                                            const char       *response);

/* The visible toplevel of @type, or NULL. */
GtkWindow        *gui_test_find_toplevel   (GType             type);

/* Answers the file chooser that a GtkFileChooserNative shows without
 * portals (GDK_DEBUG=no-portals) with @file and Accept, as a user picking
 * the file does. Waits up to 5 s for it; fails the test when none appears. */
void              gui_test_choose_file     (GFile            *file);

/* Closes @window for good (without asking about changes) and checks that
 * nothing keeps it alive. */
void              gui_test_close_window    (WaymarkWindow    *window);

G_END_DECLS
