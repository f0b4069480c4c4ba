/* waymark-cli-validate.c: `waymark validate FILE…`
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "waymark-cli-private.h"

/* Prints "FILE: ok" or one line per problem; returns whether it was ok. */
static gboolean
validate_one (const char *path)
{
  g_autofree char *name = waymark_cli_input_name (path);
  WaymarkDocument *document = NULL;
  g_autoptr (GPtrArray) problems = waymark_cli_check_input (path, name, &document);

  /* Loaded as the editor loads it, then left to the exit. */
  waymark_cli_keep_until_exit (document);

  if (problems->len == 0)
    {
      fprintf (stdout, _("%s: ok\n"), name);
      return TRUE;
    }
  waymark_cli_print_problems (stdout, problems);
  return FALSE;
}

int
waymark_cli_run_validate (const WaymarkCliCommand  *command,
                          int                       argc,
                          char                    **argv)
{
  g_auto (GStrv) paths = NULL;
  gboolean all_ok = TRUE;
  int status;

  if (!waymark_cli_parse_options (command, NULL, argc, argv, &paths, &status))
    return status;
  if (paths[0] == NULL)
    return waymark_cli_usage_error (command, _("no files given"));

  for (guint i = 0; paths[i] != NULL; i++)
    all_ok &= validate_one (paths[i]);
  fflush (stdout);

  return all_ok ? WAYMARK_CLI_EXIT_OK : WAYMARK_CLI_EXIT_FAILURE;
}
