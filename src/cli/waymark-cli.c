/* waymark-cli.c: the headless command line and its table of commands
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Output goes through stdio rather than g_print(), which would convert
 * file names and messages to the locale's charset and mangle them under
 * LANG=C.
 */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <gio/gunixinputstream.h>
#include <glib/gi18n-lib.h>
#include <gmodule.h>

#include "waymark-cli-private.h"

/* Every command, with the words its help prints. To add one: write
 * waymark-cli-NAME.c with its waymark_cli_run_NAME (), declare that in
 * waymark-cli-private.h, and list it here. */
static char *build_dir;

void
waymark_cli_set_build_dir (const char *dir)
{
  g_free (build_dir);
  build_dir = g_strdup (dir);
}

gpointer
waymark_cli_load_module (const char *name,
                         const char *symbol)
{
  g_autofree char *file = g_strdup_printf ("waymark-%s.%s", name, G_MODULE_SUFFIX);
  g_autofree char *path = build_dir != NULL ? g_build_filename (build_dir, "src", file, NULL)
                                            : g_build_filename (WAYMARK_MODULE_DIR, file, NULL);
  GModule *module = g_module_open (path, G_MODULE_BIND_LOCAL);
  gpointer function = NULL;

  if (module == NULL || !g_module_symbol (module, symbol, &function))
    {
      /* Translators: the reason is the system's message. */
      fprintf (stderr, _("waymark: cannot load %s: %s\n"), path, g_module_error ());
      return NULL;
    }
  g_module_make_resident (module);
  return function;
}

/* The export command draws: it lives in the drawing module. */
static int
run_export_module (const WaymarkCliCommand  *command,
                   int                       argc,
                   char                    **argv)
{
  WaymarkCliRun *run = waymark_cli_load_module ("export", "waymark_cli_run_export");

  if (run == NULL)
    return WAYMARK_CLI_EXIT_FAILURE;
  return run (command, argc, argv);
}

static const WaymarkCliCommand commands[] = {
  {
    .name = "validate",
    .args = N_("FILE…"),
    .summary = N_("Check that files are valid Waymark documents"),
    .help = N_("Prints “FILE: ok” for a valid file, else one line per problem:\n"
               "“FILE:LINE:COLUMN: error: message”. Exits with 1 when any file has problems.\n"
               "- as FILE reads standard input."),
    .run = waymark_cli_run_validate,
  },
  {
    .name = "fmt",
    .args = N_("[--check] FILE…"),
    .summary = N_("Rewrite files in the canonical Waymark form"),
    .help = N_("A file is rewritten only when its content changes, through a temporary\n"
               "file, so an interrupted run never leaves a half-written file.\n"
               "- as FILE reads standard input and writes the canonical form to standard output."),
    .run = waymark_cli_run_fmt,
  },
  {
    .name = "export",
    .args = N_("[OPTION…] -o OUT FILE"),
    .summary = N_("Export a journey map to PDF, SVG, PNG, CSV or xlsx"),
    .help = N_("PDF: the overview, then one page per persona, then the recommendations\n"
               "(by domain, traceability, priority matrix), fonts embedded, with an\n"
               "outline. SVG: one persona, text kept as text. --recommendations: only\n"
               "the recommendations, in any format. CSV: one row per card and emotion\n"
               "point (docs/spreadsheets.md). A failed export leaves no file behind.\n"
               "With {persona} in OUT, every persona goes to its own file, named by its id:\n"
               "-o 'maps/{persona}.svg'.\n"
               "Exits with 1 when the input cannot be read or the output not written."),
    .run = run_export_module,
  },
  {
    .name = "import",
    .args = N_("IN.csv|IN.xlsx|IN.ods [--sheet NAME] -o OUT.waymark"),
    .summary = N_("Build a journey-map document from a spreadsheet"),
    .help = N_("Reads CSV, xlsx or ods (by content): the first sheet, or --sheet NAME.\n"
               "The header row names the columns: persona, phase, lane (required), and\n"
               "the others of docs/spreadsheets.md. Problems are printed as\n"
               "“FILE:ROW: error: message”; the output is only written when there are\n"
               "none. Exits with 1 on any error. import-csv is the same command.\n"
               "- as IN reads standard input."),
    .run = waymark_cli_run_import_csv,
  },
  {
    .name = "import-csv",
    .args = N_("IN.csv -o OUT.waymark"),
    .summary = N_("Build a journey-map document from a CSV table"),
    .help = N_("The CSV has a header row naming its columns: persona, phase, lane\n"
               "(required), phase order, lane kind, order, text, tags, score, label,\n"
               "evidence, span, ambition, persona color, scale min, scale max. Personas,\n"
               "phases, lanes and tags are created as they appear (see docs/spreadsheets.md).\n"
               "Problems are printed as “FILE:ROW: error: message”; the output is only\n"
               "written when there are none. Exits with 1 on any error."),
    .run = waymark_cli_run_import_csv,
  },
};

static const WaymarkCliCommand *
find_command (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

const char *
waymark_cli_get_command_name (guint index)
{
  return index < G_N_ELEMENTS (commands) ? commands[index].name : NULL;
}

static gboolean
is_help (const char *arg)
{
  return g_strcmp0 (arg, "--help") == 0 || g_strcmp0 (arg, "-h") == 0;
}

gboolean
waymark_cli_handles (const char *arg)
{
  return arg != NULL &&
         (find_command (arg) != NULL || is_help (arg) ||
          g_strcmp0 (arg, "--version") == 0);
}

static void
print_usage_line (FILE                    *stream,
                  const WaymarkCliCommand *command)
{
  fprintf (stream, _("Usage: waymark %s %s\n"), command->name, _(command->args));
}

void
waymark_cli_print_error (const WaymarkCliCommand *command,
                         const char              *message)
{
  gunichar first = g_utf8_get_char (message);
  const char *rest = g_utf8_next_char (message);

  /* "Cannot write" becomes "cannot write", but "PDF …" stays. */
  if (*message != '\0' && g_unichar_isupper (first) && !g_unichar_isupper (g_utf8_get_char (rest)))
    {
      char lower[8];

      lower[g_unichar_to_utf8 (g_unichar_tolower (first), lower)] = '\0';
      fprintf (stderr, "waymark %s: %s%s\n", command->name, lower, rest);
    }
  else
    fprintf (stderr, "waymark %s: %s\n", command->name, message);
}

int
waymark_cli_usage_error (const WaymarkCliCommand *command,
                         const char              *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  waymark_cli_print_error (command, message);
  print_usage_line (stderr, command);
  fprintf (stderr, _("Try “waymark %s --help” for more.\n"), command->name);
  return WAYMARK_CLI_EXIT_USAGE;
}

/* GOption says "Missing argument for --persona" when an option that takes
 * a value comes last: that option, to say it in the words of the other
 * usage errors; NULL when the last argument is no such option. */
static const char *
find_option_without_value (const GOptionEntry  *entries,
                           int                  argc,
                           char               **argv)
{
  const char *last = argc > 1 ? argv[argc - 1] : "";
  gsize length = strlen (last);

  if (length < 2 || last[0] != '-')
    return NULL;
  for (const GOptionEntry *entry = entries; entry != NULL && entry->long_name != NULL; entry++)
    {
      if (entry->arg == G_OPTION_ARG_NONE)
        continue;
      if (last[1] == '-' ? strcmp (last + 2, entry->long_name) == 0
                         : entry->short_name != '\0' && last[length - 1] == entry->short_name)
        return last;
    }
  return NULL;
}

/* The help GOption builds (the summary, the options, the description)
 * after the usage line the usage errors print too: GOption's own puts
 * "Usage:" on a line of its own and only "[OPTION…]" after the name. */
static void
print_command_help (const WaymarkCliCommand *command,
                    GOptionContext          *context)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);
  const char *after_usage = strstr (help, "\n\n");

  print_usage_line (stdout, command);
  fputs (after_usage != NULL ? after_usage + 1 : "", stdout);
}

gboolean
waymark_cli_parse_options (const WaymarkCliCommand   *command,
                           const GOptionEntry        *entries,
                           int                        argc,
                           char                     **argv,
                           GStrv                     *operands,
                           int                       *status)
{
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  /* GOption takes out what it parses: a copy, the caller's stays whole. */
  g_autofree char **args = g_memdup2 (argv, sizeof (char *) * (gsize) (argc + 1));
  int n_args = argc;
  g_auto (GStrv) remaining = NULL;
  gboolean help = FALSE;
  const GOptionEntry common_entries[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show this help"), NULL },
    /* The files, "--" ending the options. */
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &remaining, NULL, NULL },
    G_OPTION_ENTRY_NULL
  };

  g_return_val_if_fail (argc >= 1, FALSE);

  /* GOption's own --help would print with g_print() and exit, and an
   * unknown option would be its error, in its words: both are done here
   * instead, like the rest of the command line's output. */
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_ignore_unknown_options (context, TRUE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, command->summary);
  g_option_context_set_description (context, command->help);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common_entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &n_args, &args, &error))
    {
      const char *option = find_option_without_value (entries, argc, argv);

      if (option != NULL)
        *status = waymark_cli_usage_error (command, _("option “%s” needs a value"), option);
      else
        *status = waymark_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }
  if (help)
    {
      print_command_help (command, context);
      *status = WAYMARK_CLI_EXIT_OK;
      return FALSE;
    }
  /* All that is left besides the command's name. */
  if (n_args > 1)
    {
      *status = waymark_cli_usage_error (command, _("unknown option “%s”"), args[1]);
      return FALSE;
    }
  *operands = remaining != NULL ? g_steal_pointer (&remaining) : g_new0 (char *, 1);
  return TRUE;
}

void
waymark_cli_keep_until_exit (WaymarkDocument *document)
{
  static GPtrArray *kept = NULL;

  if (document == NULL)
    return;
  if (kept == NULL)
    kept = g_ptr_array_new ();
  g_ptr_array_add (kept, document);
}

const char *
waymark_cli_single_input (const WaymarkCliCommand *command,
                          const char * const      *operands,
                          const char              *output,
                          const char              *no_output,
                          int                     *status)
{
  if (operands[0] == NULL)
    *status = waymark_cli_usage_error (command, _("no input file given"));
  else if (operands[1] != NULL)
    *status = waymark_cli_usage_error (command, _("more than one input file given"));
  else if (output == NULL)
    *status = waymark_cli_usage_error (command, "%s", no_output);
  else
    return operands[0];
  return NULL;
}

gboolean
waymark_cli_check_exists (const char *path,
                          const char *display_name)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr (GPtrArray) problems = NULL;

  if (g_file_query_exists (file, NULL))
    return TRUE;
  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_problem_free);
  /* The same words as the document loader's. */
  g_ptr_array_add (problems, waymark_problem_new (display_name, 0, 0, WAYMARK_PROBLEM_ERROR,
                                                  G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                                  g_strdup (_("no such file"))));
  waymark_cli_print_problems (stderr, problems);
  return FALSE;
}

char *
waymark_cli_input_name (const char *path)
{
  if (g_str_equal (path, WAYMARK_CLI_STDIN))
    return g_strdup (WAYMARK_CLI_STDIN_NAME);
  return g_filename_display_name (path);
}

GBytes *
waymark_cli_read_input (const char  *path,
                        const char  *display_name,
                        GError     **error)
{
  g_autoptr (GFile) file = NULL;

  if (g_str_equal (path, WAYMARK_CLI_STDIN))
    {
      g_autoptr (GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);

      return waymark_format_read_stream (in, display_name, error);
    }
  file = g_file_new_for_commandline_arg (path);
  return waymark_format_read_file (file, display_name, error);
}

GPtrArray *
waymark_cli_check_input (const char       *path,
                         const char       *display_name,
                         WaymarkDocument **document)
{
  g_autoptr (GFile) file = NULL;

  if (g_str_equal (path, WAYMARK_CLI_STDIN))
    {
      g_autoptr (GInputStream) in = g_unix_input_stream_new (STDIN_FILENO, FALSE);

      return waymark_format_check_stream (in, display_name, document);
    }
  file = g_file_new_for_commandline_arg (path);
  return waymark_format_check_file (file, display_name, document);
}

guint
waymark_cli_print_problems (FILE      *stream,
                            GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = waymark_problem_to_string (g_ptr_array_index (problems, i));

      fprintf (stream, "%s\n", line);
    }
  return problems->len;
}

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s",
           _("Usage: waymark [FILE…]                  open files in the editor\n"
             "       waymark COMMAND [OPTION…] ARG…   work on files without the editor\n"
             "\n"
             "Commands:\n"));
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-10s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "%s",
           _("\n"
             "Options:\n"
             "  -h, --help     Show this help\n"
             "  --version      Show the version\n"
             "\n"
             "Run “waymark COMMAND --help” for a command’s options.\n"
             "Exit status: 0 on success, 1 when a file has problems, 2 on a usage error.\n"));
}

int
waymark_cli_run (int    argc,
                 char **argv)
{
  const WaymarkCliCommand *command;

  if (argc < 2 || is_help (argv[1]))
    {
      print_help (argc < 2 ? stderr : stdout);
      return argc < 2 ? WAYMARK_CLI_EXIT_USAGE : WAYMARK_CLI_EXIT_OK;
    }
  if (g_strcmp0 (argv[1], "--version") == 0)
    {
      fprintf (stdout, "waymark %s\n", PACKAGE_VERSION);
      return WAYMARK_CLI_EXIT_OK;
    }

  /* GLib's own messages name the program, not the command. */
  if (g_get_prgname () == NULL)
    g_set_prgname ("waymark");
  command = find_command (argv[1]);
  if (command == NULL)
    {
      fprintf (stderr, _("waymark: unknown command “%s”\n"), argv[1]);
      fprintf (stderr, "%s", _("Try “waymark --help”.\n"));
      return WAYMARK_CLI_EXIT_USAGE;
    }
  return command->run (command, argc - 1, argv + 1);
}
