/* waymark-gui.h: the entry point of the graphical application
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs the GTK application with the command line (files to open) and
 * returns its exit status. main() calls it for everything that is not a
 * command-line subcommand. */
int waymark_gui_run (int argc, char **argv);

/* Binds the translation domain; the directory is LOCALEDIR, or
 * $WAYMARK_LOCALEDIR for uninstalled runs (meson devenv and the tests). */
void waymark_gui_init_i18n (void);

G_END_DECLS
