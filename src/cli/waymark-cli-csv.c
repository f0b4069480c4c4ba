/* waymark-cli-csv.c: `waymark import-csv IN.csv -o OUT.waymark`
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "waymark-cli-private.h"
#include "waymark-csv.h"

static int
run_import_csv (const WaymarkCliCommand  *command,
                int                       argc,
                char                    **argv)
{
  g_auto (GStrv) inputs = NULL;
  g_autofree char *output = NULL;
  const char *input;
  g_autoptr (GFile) in_file = NULL;
  g_autoptr (GFile) out_file = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  WaymarkDocument *document = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *input_name = NULL;
  g_autofree char *output_name = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The document to write (required)"),
      N_("OUT") },
    G_OPTION_ENTRY_NULL
  };

  if (!waymark_cli_parse_options (command, entries, argc, argv, &inputs, &status))
    return status;
  input = inputs[0];
  if (input == NULL)
    return waymark_cli_usage_error (command, _("no input file given"));
  if (inputs[1] != NULL)
    return waymark_cli_usage_error (command, _("more than one input file given"));
  if (output == NULL || output[0] == '\0')
    return waymark_cli_usage_error (command, _("no output file given (use -o OUT.waymark)"));

  in_file = g_file_new_for_commandline_arg (input);
  out_file = g_file_new_for_commandline_arg (output);
  input_name = g_filename_display_name (input);
  output_name = g_filename_display_name (output);

  if (g_file_equal (in_file, out_file))
    return waymark_cli_usage_error (command, _("the output would overwrite the input"));

  if (!waymark_cli_check_exists (input, input_name))
    return WAYMARK_CLI_EXIT_FAILURE;
  document = waymark_csv_import_file (in_file, input_name, &problems);
  waymark_cli_keep_until_exit (document);

  /* Every problem, errors and warnings, "FILE:ROW: error: message". */
  waymark_cli_print_problems (stderr, problems);
  if (document == NULL)
    {
      /* Nothing was written: the output only appears for a clean import. */
      fprintf (stderr, _("waymark import-csv: %s not written\n"), output_name);
      return WAYMARK_CLI_EXIT_FAILURE;
    }

  if (!waymark_format_save_file (document, out_file, &error))
    {
      waymark_cli_print_error (command, error->message);
      return WAYMARK_CLI_EXIT_FAILURE;
    }
  return WAYMARK_CLI_EXIT_OK;
}

const WaymarkCliCommand waymark_cli_import_csv_command = {
  .name = "import-csv",
  .args = N_("IN.csv -o OUT.waymark"),
  .summary = N_("Build a journey-map document from a CSV table"),
  .help = N_("The CSV has a header row naming its columns: persona, phase, lane\n"
             "(required), phase order, lane kind, order, text, tags, score, label,\n"
             "evidence, span, ambition, persona color, scale min, scale max. Personas,\n"
             "phases, lanes and tags are created as they appear (see docs/csv.md).\n"
             "Problems are printed as “FILE:ROW: error: message”; the output is only\n"
             "written when there are none. Exits with 1 on any error."),
  .run = run_import_csv,
};
