/* waymark-cli-fmt.c: `waymark fmt [--check] FILE…`
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-cli-private.h"

typedef enum {
  FMT_CANONICAL,   /* already in canonical form */
  FMT_CHANGED,     /* not canonical (and rewritten, unless checking) */
  FMT_FAILED,      /* invalid, unreadable or unwritable */
} FmtResult;

static FmtResult
format_one (const char *path,
            gboolean    check_only)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  g_autofree char *name = g_filename_display_name (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) original = NULL;
  g_autoptr (GBytes) canonical = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (WaymarkDocument) document = NULL;

  original = waymark_format_read_file (file, name, &error);
  if (original == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return FMT_FAILED;
    }

  problems = waymark_format_check_bytes (original, name, &document);
  if (problems->len > 0)
    {
      waymark_cli_print_problems (stderr, problems);
      return FMT_FAILED;
    }

  canonical = waymark_format_save_to_bytes (document);
  if (g_bytes_equal (original, canonical))
    return FMT_CANONICAL;
  if (check_only)
    {
      fprintf (stdout, "%s\n", name);
      return FMT_CHANGED;
    }

  /* Through a temporary file and a rename, like every save. */
  if (!waymark_format_write_bytes (canonical, file, name, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return FMT_FAILED;
    }
  return FMT_CHANGED;
}

static int
run_fmt (const WaymarkCliCommand  *command,
         int                       argc,
         char                    **argv)
{
  g_autoptr (GPtrArray) paths = g_ptr_array_new ();
  gboolean options_done = FALSE;
  gboolean check_only = FALSE;
  gboolean any_failed = FALSE;
  gboolean any_changed = FALSE;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (!options_done && strcmp (arg, "--") == 0)
        options_done = TRUE;
      else if (!options_done && waymark_cli_is_help (arg))
        {
          waymark_cli_print_command_help (command);
          return WAYMARK_CLI_EXIT_OK;
        }
      else if (!options_done && strcmp (arg, "--check") == 0)
        check_only = TRUE;
      else if (!options_done && arg[0] == '-' && arg[1] != '\0')
        return waymark_cli_usage_error (command, _("unknown option “%s”"), arg);
      else
        g_ptr_array_add (paths, (gpointer) arg);
    }
  if (paths->len == 0)
    return waymark_cli_usage_error (command, _("no files given"));

  for (guint i = 0; i < paths->len; i++)
    {
      switch (format_one (g_ptr_array_index (paths, i), check_only))
        {
        case FMT_CANONICAL:
          break;
        case FMT_CHANGED:
          any_changed = TRUE;
          break;
        case FMT_FAILED:
        default:
          any_failed = TRUE;
          break;
        }
    }
  fflush (stdout);

  if (any_failed || (check_only && any_changed))
    return WAYMARK_CLI_EXIT_FAILURE;
  return WAYMARK_CLI_EXIT_OK;
}

const WaymarkCliCommand waymark_cli_fmt_command = {
  .name = "fmt",
  .args = N_("[--check] FILE…"),
  .summary = N_("Rewrite files in the canonical Waymark form"),
  .help = N_("Options:\n"
             "  --check    Change nothing; list the files that are not in canonical form\n"
             "             and exit with 1 if there are any\n"
             "\n"
             "A file is rewritten only when its content changes, through a temporary\n"
             "file, so an interrupted run never leaves a half-written file."),
  .run = run_fmt,
};
