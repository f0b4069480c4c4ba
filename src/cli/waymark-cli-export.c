/* waymark-cli-export.c: `waymark export [OPTION…] -o OUT FILE`
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "waymark-cli-private.h"
#include "waymark-csv.h"
#include "waymark-xlsx.h"
#include "waymark-export.h"

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

/* The values of the options that take one. G_OPTION_ARG_FILENAME takes
 * them as given, like the file names: G_OPTION_ARG_STRING would convert
 * from the locale's character set and refuse a persona's name with an
 * accent under LANG=C. */
typedef struct {
  char *output;
  char *format;
  char *persona;
  char *paper;
  char *orientation;
  char *scale;
  char *palette;
  char *phases;
  char *lanes;
  char *min_text_size;
} OptionValues;

static void
option_values_clear (OptionValues *values)
{
  char **all[] = { &values->output, &values->format, &values->persona, &values->paper,
                   &values->orientation, &values->scale, &values->palette,
                   &values->phases, &values->lanes, &values->min_text_size };

  for (gsize i = 0; i < G_N_ELEMENTS (all); i++)
    g_clear_pointer (all[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OptionValues, option_values_clear)

/* The words an option takes, any case, and what each means. */
typedef struct {
  const char *word;
  int         value;
} Word;

static const Word orientations[] = {
  { "landscape", WAYMARK_ORIENTATION_LANDSCAPE },
  { "portrait", WAYMARK_ORIENTATION_PORTRAIT },
  { NULL, -1 },
};

static const Word palettes[] = {
  { "standard", WAYMARK_PALETTE_STANDARD },
  { "colorblind", WAYMARK_PALETTE_COLORBLIND },
  { "greyscale", WAYMARK_PALETTE_GREYSCALE },
  { "grayscale", WAYMARK_PALETTE_GREYSCALE },
  { NULL, -1 },
};

/* What @word means in @words, -1 when nothing; @fallback when @word is
 * NULL (the option was not given). */
static int
find_word (const Word *words,
           const char *word,
           int         fallback)
{
  if (word == NULL)
    return fallback;
  while (words->word != NULL && g_ascii_strcasecmp (words->word, word) != 0)
    words++;
  return words->value;
}

/* Puts the options' @values into @options (and *@csv, *@xlsx: a table
 * export, and which); WAYMARK_CLI_EXIT_OK,
 * or a usage error for a value it does not know. */
static int
read_option_values (const WaymarkCliCommand *command,
                    const OptionValues      *values,
                    WaymarkExportOptions    *options,
                    gboolean                *csv,
                    gboolean                *xlsx)
{
  int orientation = find_word (orientations, values->orientation, options->orientation);
  int palette = find_word (palettes, values->palette, options->palette);

  if (values->format == NULL)
    ;
  else if (g_ascii_strcasecmp (values->format, "csv") == 0)
    *csv = TRUE;
  else if (g_ascii_strcasecmp (values->format, "xlsx") == 0)
    *csv = *xlsx = TRUE;
  else if (!waymark_export_format_from_string (values->format, &options->format))
    return waymark_cli_usage_error (command,
                                    _("unknown format “%s” (use pdf, svg, png, csv or xlsx)"),
                                    values->format);

  if (values->paper != NULL && !waymark_paper_from_string (values->paper, &options->paper))
    return waymark_cli_usage_error (command, _("unknown paper “%s” (use fit, a4, a3 or letter)"),
                                    values->paper);

  if (orientation < 0)
    return waymark_cli_usage_error (command,
                                    _("unknown orientation “%s” (use landscape or portrait)"),
                                    values->orientation);
  options->orientation = orientation;

  if (values->scale != NULL)
    {
      char *end = NULL;

      errno = 0;
      options->scale = g_ascii_strtod (values->scale, &end);
      if (errno != 0 || end == values->scale || *end != '\0' || !(options->scale > 0) ||
          options->scale > 64)
        return waymark_cli_usage_error (command,
                                        _("invalid scale “%s” (a number above 0, at most 64)"),
                                        values->scale);
    }

  if (palette < 0)
    return waymark_cli_usage_error (command,
                                    _("unknown palette “%s” (use standard, colorblind or "
                                      "greyscale)"),
                                    values->palette);
  options->palette = palette;

  if (values->min_text_size != NULL)
    {
      char *end = NULL;

      errno = 0;
      options->min_text_size = g_ascii_strtod (values->min_text_size, &end);
      if (errno != 0 || end == values->min_text_size || *end != '\0' ||
          !(options->min_text_size >= 0) || options->min_text_size > 72)
        return waymark_cli_usage_error (command,
                                        _("invalid minimum text size “%s” (points, from 0 to "
                                          "72; 0 never splits)"),
                                        values->min_text_size);
    }

  options->persona = values->persona;
  options->phases = values->phases;
  options->lanes = values->lanes;
  return WAYMARK_CLI_EXIT_OK;
}

#define PERSONA_FIELD "{persona}"

/* @template with every {persona} replaced by @persona_id. Ids hold only
 * letters, digits, "-", "_" and ".", so they never name another
 * directory. */
static char *
expand_template (const char *template,
                 const char *persona_id)
{
  g_auto (GStrv) parts = g_strsplit (template, PERSONA_FIELD, -1);

  return g_strjoinv (persona_id, parts);
}

/* `-o 'DIR/{persona}.svg'`: one file per persona, in this one process
 * (the document is read and its fonts are set up once, rather than once
 * per persona). With --persona, only that persona's. */
static int
export_each_persona (const WaymarkCliCommand    *command,
                     WaymarkDocument            *document,
                     const WaymarkExportOptions *options,
                     const char                 *template)
{
  WaymarkExportOptions one = *options;
  guint n = waymark_document_get_n_personas (document);
  /* With no persona, or an unknown one, the exporter says so. */
  WaymarkPersona *only = options->persona != NULL ? waymark_export_find_persona (document,
                                                                                 options->persona)
                                                  : NULL;
  gboolean refused = n == 0 || (options->persona != NULL && only == NULL);

  for (guint i = 0; i < MAX (n, 1); i++)
    {
      WaymarkPersona *persona = n > 0 ? waymark_document_get_persona (document, i) : NULL;
      g_autofree char *path = NULL;
      g_autoptr (GError) error = NULL;

      if (!refused && only != NULL && persona != only)
        continue;
      path = expand_template (template, persona != NULL ? persona->base.id : "");
      if (!refused)
        one.persona = persona->base.id;
      if (!waymark_export_to_file (document, &one, path, NULL, &error))
        {
          waymark_cli_print_error (command, error->message);
          return WAYMARK_CLI_EXIT_FAILURE;
        }
      if (refused)
        break;
    }
  return WAYMARK_CLI_EXIT_OK;
}

int
waymark_cli_run_export (const WaymarkCliCommand  *command,
                        int                       argc,
                        char                    **argv)
{
  WaymarkExportOptions options;
  g_auto (GStrv) inputs = NULL;
  g_auto (OptionValues) values = { NULL };
  const char *input;
  WaymarkDocument *document = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *notice = NULL;
  g_autofree char *input_name = NULL;
  g_autofree char *temp_dir = NULL;
  g_autofree char *temp_path = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  gboolean csv = FALSE;
  gboolean xlsx = FALSE;
  gboolean to_stdout = FALSE;
  gboolean each_persona = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &values.output,
      N_("The file to write (required); - for standard output; {persona} in it writes one "
         "file per persona, named by its id"), N_("OUT") },
    { "format", 'f', 0, G_OPTION_ARG_FILENAME, &values.format,
      N_("pdf, svg, png, csv or xlsx (default: from OUT’s extension)"), N_("FORMAT") },
    { "persona", 'p', 0, G_OPTION_ARG_FILENAME, &values.persona,
      N_("Only this persona (PDF: default all; SVG/PNG: the first)"), N_("ID|NAME") },
    { "paper", 0, 0, G_OPTION_ARG_FILENAME, &values.paper,
      N_("fit (page sized to the map), a4, a3 or letter"), N_("PAPER") },
    { "orientation", 0, 0, G_OPTION_ARG_FILENAME, &values.orientation,
      N_("landscape (default) or portrait, with a paper size"), N_("ORIENT") },
    { "scale", 's', 0, G_OPTION_ARG_FILENAME, &values.scale,
      N_("PNG: pixels per point (default 2, i.e. 144 dpi)"), N_("N") },
    { "transparent", 0, 0, G_OPTION_ARG_NONE, &options.transparent,
      N_("PNG/SVG: no white background"), NULL },
    { "palette", 0, 0, G_OPTION_ARG_FILENAME, &values.palette,
      N_("standard, colorblind or greyscale"), N_("PALETTE") },
    { "high-contrast", 0, 0, G_OPTION_ARG_NONE, &options.high_contrast,
      N_("Maps in high contrast: white behind all text, text at 7:1, strong edges"), NULL },
    { "overview", 0, 0, G_OPTION_ARG_NONE, &options.overview,
      N_("Only the overview of barriers and levers across personas"), NULL },
    { "no-overview", 0, 0, G_OPTION_ARG_NONE, &options.no_overview,
      N_("PDF: leave out the overview page that starts a full export"), NULL },
    { "recommendations", 0, 0, G_OPTION_ARG_NONE, &options.recommendations,
      N_("Only the recommendations: by domain, traceability and the priority matrix"), NULL },
    { "phases", 0, 0, G_OPTION_ARG_FILENAME, &values.phases,
      N_("Only these phases: positions, ranges (2-4, 3-) or ids, comma-separated"),
      N_("LIST") },
    { "lanes", 0, 0, G_OPTION_ARG_FILENAME, &values.lanes,
      N_("Only these lanes: ids or kinds (barriers, levers, …), comma-separated"), N_("LIST") },
    { "hide-empty-lanes", 0, 0, G_OPTION_ARG_NONE, &options.hide_empty_lanes,
      N_("Leave out lanes with no card in the phases shown"), NULL },
    { "min-text-size", 0, 0, G_OPTION_ARG_FILENAME, &values.min_text_size,
      N_("PDF on paper: split a map over pages by phases rather than shrink its text below PT "
         "points (default 7; 0 never splits)"), N_("PT") },
    G_OPTION_ENTRY_NULL
  };

  waymark_export_options_init (&options);
  if (!waymark_cli_parse_options (command, entries, argc, argv, &inputs, &status))
    return status;
  status = read_option_values (command, &values, &options, &csv, &xlsx);
  if (status != WAYMARK_CLI_EXIT_OK)
    return status;

  input = waymark_cli_single_input (command, (const char * const *) inputs, values.output,
                                    _("no output file given (use -o OUT)"), &status);
  if (input == NULL)
    return status;
  to_stdout = strcmp (values.output, "-") == 0;
  each_persona = strstr (values.output, PERSONA_FIELD) != NULL;
  if (to_stdout && values.format == NULL)
    return waymark_cli_usage_error (command,
                                    _("writing to standard output (-o -) needs --format pdf, "
                                      "svg, png, csv or xlsx"));
  if (values.format == NULL && g_str_has_suffix (values.output, ".csv"))
    csv = TRUE;
  else if (values.format == NULL && g_str_has_suffix (values.output, ".xlsx"))
    csv = xlsx = TRUE;
  else if (values.format == NULL && !waymark_export_format_from_path (values.output,
                                                                      &options.format))
    return waymark_cli_usage_error (command,
                                    _("cannot tell the format from “%s”; use --format pdf, "
                                      "svg, png, csv or xlsx"),
                                    values.output);
  if (options.overview && options.no_overview)
    return waymark_cli_usage_error (command, _("--overview and --no-overview exclude each other"));
  if (each_persona && (csv || options.overview || options.recommendations))
    return waymark_cli_usage_error (command,
                                    _("{persona} in the output makes one file per persona; "
                                      "CSV, --overview and --recommendations make one file for "
                                      "the document"));
  if (options.recommendations && (options.overview || options.no_overview
                                  || options.persona != NULL))
    return waymark_cli_usage_error (command,
                                    _("--recommendations exports only the recommendations; "
                                      "--overview, --no-overview and --persona do not apply"));
  if (csv && (options.overview || options.persona != NULL || options.recommendations))
    return waymark_cli_usage_error (command,
                                    _("CSV holds the whole document; --overview, --recommendations "
                                      "and --persona do not apply"));

  input_name = waymark_cli_input_name (input);
  /* Problems as validate prints them: "FILE:LINE:COL: error: message",
   * with FILE as given on the command line. */
  problems = waymark_cli_check_input (input, input_name, &document);
  waymark_cli_keep_until_exit (document);
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
          g_autoptr (GBytes) bytes = xlsx ? waymark_xlsx_export_to_bytes (document)
                                          : waymark_csv_export_to_bytes (document);

          return write_stdout (command, bytes);
        }
      out_file = g_file_new_for_commandline_arg (values.output);
      if (xlsx ? !waymark_xlsx_export_to_file (document, out_file, &error)
               : !waymark_csv_export_to_file (document, out_file, &error))
        {
          waymark_cli_print_error (command, error->message);
          return WAYMARK_CLI_EXIT_FAILURE;
        }
      return WAYMARK_CLI_EXIT_OK;
    }

  if (each_persona)
    return export_each_persona (command, document, &options, values.output);

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

  if (!waymark_export_to_file (document, &options, to_stdout ? temp_path : values.output, &notice,
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
