/* waymark-cli.h: the headless command line (`waymark validate|fmt|...`)
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of every command. */
#define WAYMARK_CLI_EXIT_OK      0  /* everything was fine */
#define WAYMARK_CLI_EXIT_FAILURE 1  /* a file is invalid, not canonical, unwritable... */
#define WAYMARK_CLI_EXIT_USAGE   2  /* the command line itself was wrong */

/* Whether @arg (argv[1]) is for the command line rather than the editor:
 * a command name, --help, -h or --version. */
gboolean    waymark_cli_handles          (const char  *arg);

/* The name of the @index-th command ("validate", "fmt", ...) in the
 * order `waymark --help` lists them; NULL past the last. */
const char *waymark_cli_get_command_name (guint index);

/* Where the program's modules are: the build tree's (@build_dir/src)
 * when it runs from one (NULL: installed). main() says it first. */
void        waymark_cli_set_build_dir    (const char  *build_dir);

/* Loads the module waymark-@name (the editor "gui", the drawing commands
 * "export") and returns its function @symbol; NULL, after a message on
 * standard error, when it cannot. The module stays loaded. */
gpointer    waymark_cli_load_module      (const char  *name,
                                          const char  *symbol);

/* Runs the command line on the program's own argc/argv (argv[0] is the
 * program) and returns the exit status. Never touches GTK. */
int         waymark_cli_run              (int          argc,
                                          char       **argv);

G_END_DECLS
