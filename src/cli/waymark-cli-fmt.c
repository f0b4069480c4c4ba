/* waymark-cli-fmt.c: `waymark fmt [--check] FILE…`
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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
  g_autofree char *name = waymark_cli_input_name (path);
  gboolean from_stdin = g_str_equal (path, WAYMARK_CLI_STDIN);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) original = NULL;
  g_autoptr (GBytes) canonical = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  WaymarkDocument *document = NULL;

  original = waymark_cli_read_input (path, name, &error);
  if (original == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return FMT_FAILED;
    }

  problems = waymark_format_check_bytes (original, name, &document);
  waymark_cli_keep_until_exit (document);
  if (problems->len > 0)
    {
      waymark_cli_print_problems (stderr, problems);
      return FMT_FAILED;
    }

  canonical = waymark_format_save_to_bytes (document);
  /* A filter: standard input comes out canonical on standard output. */
  if (from_stdin && !check_only)
    {
      gsize length;
      const char *data = g_bytes_get_data (canonical, &length);

      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          fprintf (stderr, _("%s: cannot write to standard output\n"), name);
          return FMT_FAILED;
        }
      return g_bytes_equal (original, canonical) ? FMT_CANONICAL : FMT_CHANGED;
    }
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

int
waymark_cli_run_fmt (const WaymarkCliCommand  *command,
                     int                       argc,
                     char                    **argv)
{
  g_auto (GStrv) paths = NULL;
  gboolean check_only = FALSE;
  gboolean any_failed = FALSE;
  gboolean any_changed = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_NONE, &check_only,
      N_("Change nothing; list the files not in canonical form (exit status 1 if any)"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!waymark_cli_parse_options (command, entries, argc, argv, &paths, &status))
    return status;
  if (paths[0] == NULL)
    return waymark_cli_usage_error (command, _("no files given"));

  for (guint i = 0; paths[i] != NULL; i++)
    {
      switch (format_one (paths[i], check_only))
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
