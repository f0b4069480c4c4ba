/* waymark-cli-csv.c: `waymark import IN.csv|IN.xlsx|IN.ods -o OUT.waymark` (also import-csv)
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gunixinputstream.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "waymark-cli-private.h"
#include "waymark-csv.h"

int
waymark_cli_run_import_csv (const WaymarkCliCommand  *command,
                            int                       argc,
                            char                    **argv)
{
  g_auto (GStrv) inputs = NULL;
  g_autofree char *output = NULL;
  g_autofree char *columns = NULL;
  g_autofree char *sheet = NULL;
  g_auto (GStrv) mapping = NULL;
  WaymarkImportOptions options = { NULL, };
  const char *input;
  g_autoptr (GFile) in_file = NULL;
  g_autoptr (GFile) out_file = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  WaymarkDocument *document = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *input_name = NULL;
  g_autofree char *output_name = NULL;
  gboolean from_stdin;
  int status;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The document to write (required)"),
      N_("OUT") },
    { "columns", 0, 0, G_OPTION_ARG_STRING, &columns,
      N_("Which header is which column, as persona=Who,phase=Step,…"), N_("MAPPING") },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet,
      N_("xlsx, ods: the sheet to read (default: the first)"), N_("NAME") },
    G_OPTION_ENTRY_NULL
  };

  if (!waymark_cli_parse_options (command, entries, argc, argv, &inputs, &status))
    return status;
  if (output != NULL && output[0] == '\0')
    g_clear_pointer (&output, g_free);
  input = waymark_cli_single_input (command, (const char * const *) inputs, output,
                                    _("no output file given (use -o OUT.waymark)"), &status);
  if (input == NULL)
    return status;

  from_stdin = g_str_equal (input, WAYMARK_CLI_STDIN);
  in_file = g_file_new_for_commandline_arg (input);
  out_file = g_file_new_for_commandline_arg (output);
  input_name = waymark_cli_input_name (input);
  output_name = g_filename_display_name (output);

  if (!from_stdin && g_file_equal (in_file, out_file))
    return waymark_cli_usage_error (command, _("the output would overwrite the input"));

  if (!from_stdin && !waymark_cli_check_exists (input, input_name))
    return WAYMARK_CLI_EXIT_FAILURE;
  if (columns != NULL)
    {
      mapping = g_strsplit (columns, ",", -1);
      options.columns = (const char * const *) mapping;
    }
  options.sheet = sheet;
  if (from_stdin)
    {
      g_autoptr (GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);
      g_autofree char *base = g_path_get_basename (output_name);
      char *dot = strrchr (base, '.');

      /* Named after the document it makes, as a file's import is after
       * the file. */
      if (dot != NULL && dot != base)
        *dot = '\0';
      options.title = base;
      document = waymark_csv_import_stream_with_options (in, input_name, &options, &problems);
    }
  else
    document = waymark_csv_import_file_with_options (in_file, input_name, &options, &problems);
  waymark_cli_keep_until_exit (document);

  /* Every problem, errors and warnings, "FILE:ROW: error: message". */
  waymark_cli_print_problems (stderr, problems);
  if (document == NULL)
    {
      /* Nothing was written: the output only appears for a clean import. */
      fprintf (stderr, _("waymark %s: %s not written\n"), command->name, output_name);
      return WAYMARK_CLI_EXIT_FAILURE;
    }

  if (!waymark_format_save_file (document, out_file, &error))
    {
      waymark_cli_print_error (command, error->message);
      return WAYMARK_CLI_EXIT_FAILURE;
    }
  return WAYMARK_CLI_EXIT_OK;
}
