/* waymark-cli-private.h: what the commands of the command line share
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>

#include "waymark-cli.h"
#include "waymark-format.h"

G_BEGIN_DECLS

/* One command: a function in a file of its own (waymark-cli-NAME.c),
 * listed with its help in the table in waymark-cli.c. */
typedef struct _WaymarkCliCommand WaymarkCliCommand;

/* Runs @command; argv[0] is its name. Returns a WAYMARK_CLI_EXIT_* status. */
typedef int WaymarkCliRun (const WaymarkCliCommand  *command,
                           int                       argc,
                           char                    **argv);

struct _WaymarkCliCommand {
  const char    *name;     /* "validate" */
  const char    *args;     /* "FILE…", for the usage line */
  const char    *summary;  /* one line, for `waymark --help` */
  const char    *help;     /* after the options in `waymark NAME --help`; may be NULL */
  WaymarkCliRun *run;
};

WaymarkCliRun waymark_cli_run_validate;
WaymarkCliRun waymark_cli_run_fmt;
WaymarkCliRun waymark_cli_run_export;
WaymarkCliRun waymark_cli_run_import_csv;

/* Prints "waymark NAME: MESSAGE" and the command's usage to stderr and
 * returns WAYMARK_CLI_EXIT_USAGE. */
G_GNUC_PRINTF (2, 3)
int  waymark_cli_usage_error        (const WaymarkCliCommand    *command,
                                     const char                 *format,
                                     ...);
/* Parses the command's @argv (argv[0] is its name) with GOption: its
 * @entries (may be NULL) and -h, --help. *@operands receives the
 * arguments that are not options, "--" ending the options (an empty array
 * when there are none). FALSE when the command is done, with *@status
 * its exit status: it printed its help (WAYMARK_CLI_EXIT_OK), or the
 * command line was wrong, said as waymark_cli_usage_error() says it. */
gboolean waymark_cli_parse_options  (const WaymarkCliCommand    *command,
                                     const GOptionEntry         *entries,
                                     int                         argc,
                                     char                      **argv,
                                     GStrv                      *operands,
                                     int                        *status);
/* The one input file among @operands of a command that writes @output
 * (given with -o): NULL when there is none, more than one or no output,
 * with *@status the usage error, which says @no_output for a missing
 * output. */
const char *waymark_cli_single_input (const WaymarkCliCommand *command,
                                      const char * const      *operands,
                                      const char              *output,
                                      const char              *no_output,
                                      int                     *status);
/* Prints every problem (WaymarkProblem*), one a line as
 * waymark_problem_to_string() says it; returns how many there were. */
guint waymark_cli_print_problems    (FILE                       *stream,
                                     GPtrArray                  *problems);
/* Prints "waymark NAME: message" to stderr, the message starting in
 * lower case like every other line the command line prints (library
 * messages are sentences, for dialogs). */
void waymark_cli_print_error        (const WaymarkCliCommand    *command,
                                     const char                 *message);
/* Keeps @document, which it takes, until the process exits. A command
 * ends with the process, whose exit returns all memory at once: freeing
 * a large map object by object first only made the command slower (a
 * seventh of `waymark validate`). Kept rather than leaked, so that leak
 * checkers see it reachable. */
void waymark_cli_keep_until_exit    (WaymarkDocument            *document);
/* Prints "FILE: error: no such file" and returns FALSE when @path does
 * not exist; the same line validate, export and import-csv print. */
gboolean waymark_cli_check_exists   (const char                 *path,
                                     const char                 *display_name);

/* An input operand of "-" is standard input, for every command. */
#define WAYMARK_CLI_STDIN "-"
/* What messages call standard input: "<stdin>:3:7: error: …". */
#define WAYMARK_CLI_STDIN_NAME "<stdin>"

/* The name messages give @path: as given, or WAYMARK_CLI_STDIN_NAME. */
char      *waymark_cli_input_name   (const char                 *path);
/* The bytes of the document at @path, or of standard input for "-",
 * read as the loader reads a file (refused past its size limit). */
GBytes    *waymark_cli_read_input   (const char                 *path,
                                     const char                 *display_name,
                                     GError                    **error);
/* Checks the document at @path (or standard input) as the editor loads
 * it: waymark_format_check_file (). */
GPtrArray *waymark_cli_check_input  (const char                 *path,
                                     const char                 *display_name,
                                     WaymarkDocument           **document);

G_END_DECLS
