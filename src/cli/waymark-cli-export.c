/* waymark-cli-export.c: `waymark export [OPTION…] -o OUT FILE`
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "waymark-cli-private.h"
#include "waymark-csv.h"
#include "waymark-export.h"

/* Splits "--name=value" or takes the next argument as the value.
 * Returns FALSE when @arg is not option @name; sets *@missing when the
 * value is missing. */
static gboolean
match_option (const char  *arg,
              const char  *name,
              const char  *short_name,
              int         *i,
              int          argc,
              char       **argv,
              const char **value,
              gboolean    *missing)
{
  gsize len = strlen (name);

  if (strncmp (arg, name, len) == 0 && arg[len] == '=')
    {
      *value = arg + len + 1;
      return TRUE;
    }
  if (strcmp (arg, name) != 0 && (short_name == NULL || strcmp (arg, short_name) != 0))
    return FALSE;
  if (*i + 1 >= argc)
    {
      *missing = TRUE;
      return TRUE;
    }
  *value = argv[++*i];
  return TRUE;
}

/* `-o -`: the export on standard output, for pipelines. */
static int
write_stdout (const WaymarkCliCommand *command,
              GBytes                  *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if ((length > 0 && fwrite (data, 1, length, stdout) != length) || fflush (stdout) != 0)
    {
      int saved_errno = errno;

      fprintf (stderr, _("waymark export: cannot write to standard output: %s\n"),
               g_strerror (saved_errno));
      return WAYMARK_CLI_EXIT_FAILURE;
    }
  return WAYMARK_CLI_EXIT_OK;
}

static int
run_export (const WaymarkCliCommand  *command,
            int                       argc,
            char                    **argv)
{
  WaymarkExportOptions options;
  const char *format_name = NULL;
  const char *output = NULL;
  const char *input = NULL;
  gboolean options_done = FALSE;
  g_autoptr (GFile) file = NULL;
  g_autoptr (WaymarkDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *input_name = NULL;
  g_autofree char *temp_dir = NULL;
  g_autofree char *temp_path = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  gboolean csv = FALSE;
  gboolean to_stdout = FALSE;

  waymark_export_options_init (&options);

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      const char *value = NULL;
      gboolean missing = FALSE;

      if (options_done || arg[0] != '-' || arg[1] == '\0')
        {
          if (input != NULL)
            return waymark_cli_usage_error (command, _("more than one input file given"));
          input = arg;
          continue;
        }
      if (strcmp (arg, "--") == 0)
        {
          options_done = TRUE;
          continue;
        }
      if (waymark_cli_is_help (arg))
        {
          waymark_cli_print_command_help (command);
          return WAYMARK_CLI_EXIT_OK;
        }
      if (strcmp (arg, "--transparent") == 0)
        {
          options.transparent = TRUE;
          continue;
        }
      /* The overview across personas and CSV (issue 6). */
      if (strcmp (arg, "--overview") == 0)
        {
          options.overview = TRUE;
          continue;
        }
      if (strcmp (arg, "--no-overview") == 0)
        {
          options.no_overview = TRUE;
          continue;
        }

      if (match_option (arg, "--format", "-f", &i, argc, argv, &value, &missing))
        {
          if (!missing && g_ascii_strcasecmp (value, "csv") == 0)
            csv = TRUE;
          else if (!missing && !waymark_export_format_from_string (value, &options.format))
            return waymark_cli_usage_error (command,
                                            _("unknown format “%s” (use pdf, svg, png or csv)"),
                                            value);
          format_name = value;
        }
      else if (match_option (arg, "--output", "-o", &i, argc, argv, &value, &missing))
        output = value;
      else if (match_option (arg, "--persona", "-p", &i, argc, argv, &value, &missing))
        options.persona = value;
      else if (match_option (arg, "--paper", NULL, &i, argc, argv, &value, &missing))
        {
          if (!missing && !waymark_paper_from_string (value, &options.paper))
            return waymark_cli_usage_error (command,
                                            _("unknown paper “%s” (use fit, a4, a3 or letter)"),
                                            value);
        }
      else if (match_option (arg, "--orientation", NULL, &i, argc, argv, &value, &missing))
        {
          if (missing)
            ;
          else if (g_ascii_strcasecmp (value, "landscape") == 0)
            options.orientation = WAYMARK_ORIENTATION_LANDSCAPE;
          else if (g_ascii_strcasecmp (value, "portrait") == 0)
            options.orientation = WAYMARK_ORIENTATION_PORTRAIT;
          else
            return waymark_cli_usage_error (command,
                                            _("unknown orientation “%s” (use landscape or portrait)"),
                                            value);
        }
      else if (match_option (arg, "--scale", "-s", &i, argc, argv, &value, &missing))
        {
          char *end = NULL;

          if (!missing)
            {
              errno = 0;
              options.scale = g_ascii_strtod (value, &end);
              if (errno != 0 || end == value || *end != '\0' || !(options.scale > 0)
                  || options.scale > 64)
                return waymark_cli_usage_error (command,
                                                _("invalid scale “%s” (a number above 0, at most 64)"),
                                                value);
            }
        }
      else if (match_option (arg, "--palette", NULL, &i, argc, argv, &value, &missing))
        {
          if (missing)
            ;
          else if (g_ascii_strcasecmp (value, "standard") == 0)
            options.palette = WAYMARK_PALETTE_STANDARD;
          else if (g_ascii_strcasecmp (value, "colorblind") == 0)
            options.palette = WAYMARK_PALETTE_COLORBLIND;
          else if (g_ascii_strcasecmp (value, "greyscale") == 0
                   || g_ascii_strcasecmp (value, "grayscale") == 0)
            options.palette = WAYMARK_PALETTE_GREYSCALE;
          else
            return waymark_cli_usage_error (command,
                                            _("unknown palette “%s” (use standard, colorblind or greyscale)"),
                                            value);
        }
      else
        return waymark_cli_usage_error (command, _("unknown option “%s”"), arg);

      if (missing)
        return waymark_cli_usage_error (command, _("option “%s” needs a value"), arg);
    }

  if (input == NULL)
    return waymark_cli_usage_error (command, _("no input file given"));
  if (output == NULL)
    return waymark_cli_usage_error (command, _("no output file given (use -o OUT)"));
  to_stdout = strcmp (output, "-") == 0;
  if (to_stdout && format_name == NULL)
    return waymark_cli_usage_error (command,
                                    _("writing to standard output (-o -) needs --format pdf, "
                                      "svg, png or csv"));
  if (format_name == NULL && g_str_has_suffix (output, ".csv"))
    csv = TRUE;
  else if (format_name == NULL && !waymark_export_format_from_path (output, &options.format))
    return waymark_cli_usage_error (command,
                                    _("cannot tell the format from “%s”; use --format pdf, svg, png or csv"),
                                    output);
  if (options.overview && options.no_overview)
    return waymark_cli_usage_error (command, _("--overview and --no-overview exclude each other"));
  if (csv && (options.overview || options.persona != NULL))
    return waymark_cli_usage_error (command,
                                    _("CSV holds the whole document; --overview and --persona do "
                                      "not apply"));

  file = g_file_new_for_commandline_arg (input);
  input_name = g_filename_display_name (input);
  /* Problems as validate prints them: "FILE:LINE:COL: error: message",
   * with FILE as given on the command line. */
  problems = waymark_format_check_file (file, input_name, &document);
  if (document == NULL)
    {
      waymark_cli_print_problems (stderr, problems);
      return WAYMARK_CLI_EXIT_FAILURE;
    }

  if (csv)
    {
      g_autoptr (GFile) out_file = NULL;

      if (to_stdout)
        {
          g_autoptr (GBytes) bytes = waymark_csv_export_to_bytes (document);

          return write_stdout (command, bytes);
        }
      out_file = g_file_new_for_commandline_arg (output);
      if (!waymark_csv_export_to_file (document, out_file, &error))
        {
          waymark_cli_print_error (command, error->message);
          return WAYMARK_CLI_EXIT_FAILURE;
        }
      return WAYMARK_CLI_EXIT_OK;
    }

  if (to_stdout)
    {
      /* The exporter writes files atomically; a private temporary one is
       * then copied to stdout, so a failed export writes nothing. */
      temp_dir = g_dir_make_tmp ("waymark-export-XXXXXX", &error);
      if (temp_dir == NULL)
        {
          waymark_cli_print_error (command, error->message);
          return WAYMARK_CLI_EXIT_FAILURE;
        }
      temp_path = g_build_filename (temp_dir, "export", NULL);
    }

  if (!waymark_export_to_file (document, &options, to_stdout ? temp_path : output, &notice,
                               &error))
    {
      waymark_cli_print_error (command, error->message);
      if (temp_dir != NULL)
        g_rmdir (temp_dir);
      return WAYMARK_CLI_EXIT_FAILURE;
    }
  if (notice != NULL)
    {
      WaymarkPersona *first = waymark_document_get_persona (document, 0);
      guint n = waymark_document_get_n_personas (document);

      /* The library's notice is for the editor's toast; here the way to
       * another persona is an option. */
      fprintf (stderr,
               g_dngettext (GETTEXT_PACKAGE,
                            "waymark export: note: the document has %u persona; exported "
                            "“%s” (%s); use --persona ID|NAME for another one\n",
                            "waymark export: note: the document has %u personas; exported the "
                            "first, “%s” (%s); use --persona ID|NAME for another one\n", n),
               n, first->name, first->base.id);
    }
  if (to_stdout)
    {
      g_autoptr (GBytes) bytes = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;
      int status;

      if (!g_file_get_contents (temp_path, &contents, &length, &error))
        {
          waymark_cli_print_error (command, error->message);
          status = WAYMARK_CLI_EXIT_FAILURE;
        }
      else
        {
          bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
          status = write_stdout (command, bytes);
        }
      g_unlink (temp_path);
      g_rmdir (temp_dir);
      return status;
    }
  return WAYMARK_CLI_EXIT_OK;
}

const WaymarkCliCommand waymark_cli_export_command = {
  .name = "export",
  .args = N_("[OPTION…] -o OUT FILE"),
  .summary = N_("Export a journey map to PDF, SVG, PNG or CSV"),
  .help = N_("Options:\n"
             "  -o, --output OUT        The file to write (required); - for standard output\n"
             "  -f, --format FORMAT     pdf, svg, png or csv (default: from OUT’s extension)\n"
             "  -p, --persona ID|NAME   Only this persona (PDF: default all; SVG/PNG: the first)\n"
             "  --paper PAPER           fit (page sized to the map), a4, a3 or letter\n"
             "  --orientation ORIENT    landscape (default) or portrait, with a paper size\n"
             "  -s, --scale N           PNG: pixels per point (default 2, i.e. 144 dpi)\n"
             "  --transparent           PNG/SVG: no white background\n"
             "  --palette PALETTE       standard, colorblind or greyscale\n"
             "  --overview              Only the overview of barriers and levers across personas\n"
             "  --no-overview           PDF: leave out the overview page that starts a full export\n"
             "\n"
             "PDF: the overview, then one page per persona, fonts embedded, with an\n"
             "outline. SVG: one persona, text kept as text. CSV: one row per card and\n"
             "emotion point (docs/csv.md). A failed export leaves no file behind.\n"
             "Exits with 1 when the input cannot be read or the output not written."),
  .run = run_export,
};
