/* main.c: the waymark program
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "waymark-catalog.h"
#include "waymark-cli.h"

/* A mistyped command ("valdiate") would otherwise be taken for a file
 * name and open the editor with an error. A word without '/' or '.' that
 * names no existing file is a command, not a document. */
static gboolean
looks_like_command (const char *arg)
{
  if (arg[0] == '\0' || arg[0] == '-' || strpbrk (arg, "/.") != NULL)
    return FALSE;
  for (const char *p = arg; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;
  return !g_file_test (arg, G_FILE_TEST_EXISTS);
}

/* Levenshtein distance, for "did you mean". */
static guint
edit_distance (const char *a,
               const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = g_new (guint, lb + 1);

  for (gsize j = 0; j <= lb; j++)
    row[j] = j;
  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint above = row[j];

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1),
                        diagonal + (g_ascii_tolower (a[i - 1]) != g_ascii_tolower (b[j - 1])));
          diagonal = above;
        }
    }
  return row[lb];
}

static int
unknown_command (const char *arg)
{
  const char *best = NULL;
  const char *name;
  guint best_distance = G_MAXUINT;

  for (guint i = 0; (name = waymark_cli_get_command_name (i)) != NULL; i++)
    {
      guint distance = edit_distance (arg, name);

      if (distance < best_distance)
        {
          best = name;
          best_distance = distance;
        }
    }
  if (best != NULL && best_distance <= 2)
    /* Translators: a mistyped command and the closest real one. */
    fprintf (stderr, _("waymark: unknown command “%s” (did you mean “%s”?)\n"), arg, best);
  else
    fprintf (stderr, _("waymark: unknown command “%s”\n"), arg);
  fprintf (stderr, "%s", _("Commands:"));
  for (guint i = 0; (name = waymark_cli_get_command_name (i)) != NULL; i++)
    fprintf (stderr, " %s", name);
  fprintf (stderr, "\n%s",
           _("Run “waymark --help” for more, or give a .waymark file to edit it.\n"));
  return WAYMARK_CLI_EXIT_USAGE;
}

/* Run from a meson build tree (build/src/waymark), the program finds the
 * tree's compiled catalogues and settings schema, so `LANGUAGE=nl
 * build/src/waymark` is Dutch without any environment. Returns the build
 * directory, or NULL when installed. */
static char *
dup_build_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *src_dir = NULL;
  g_autofree char *build_dir = NULL;
  g_autofree char *ninja = NULL;

  if (exe == NULL)
    return NULL;
  src_dir = g_path_get_dirname (exe);
  build_dir = g_path_get_dirname (src_dir);
  ninja = g_build_filename (build_dir, "build.ninja", NULL);
  if (!g_file_test (ninja, G_FILE_TEST_IS_REGULAR))
    return NULL;
  return g_steal_pointer (&build_dir);
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("WAYMARK_LOCALEDIR");
  g_autofree char *build_dir = dup_build_dir ();
  g_autofree char *build_localedir = NULL;

  waymark_cli_set_build_dir (build_dir);
  if (build_dir != NULL)
    {
      g_autofree char *schemas = g_build_filename (build_dir, "data", "gschemas.compiled", NULL);

      build_localedir = g_build_filename (build_dir, "po", NULL);
      if (g_file_test (schemas, G_FILE_TEST_IS_REGULAR))
        {
          g_autofree char *schema_dir = g_path_get_dirname (schemas);
          g_setenv ("GSETTINGS_SCHEMA_DIR", schema_dir, FALSE);
        }
    }

  /* WAYMARK_LOCALEDIR: the build tree's catalogues (meson devenv, tests),
   * for the commands and the editor alike. */
  if ((localedir == NULL || *localedir == '\0') && build_localedir != NULL &&
      g_file_test (build_localedir, G_FILE_TEST_IS_DIR))
    g_setenv ("WAYMARK_LOCALEDIR", build_localedir, TRUE);
  waymark_catalog_init_i18n ();

  /* Commands run headless: they must work without a display, so GTK is
   * not even initialised for them. */
  if (argc > 1 && waymark_cli_handles (argv[1]))
    return waymark_cli_run (argc, argv);
  if (argc > 1 && looks_like_command (argv[1]))
    return unknown_command (argv[1]);
  /* The editor takes files only; GApplication would refuse an option
   * with its own message and exit status 1, where a usage error is 2. */
  for (int i = 1; i < argc && strcmp (argv[i], "--") != 0; i++)
    if (argv[i][0] == '-' && argv[i][1] != '\0')
      {
        fprintf (stderr, _("waymark: unknown option “%s”; run “waymark --help” for the usage\n"),
                 argv[i]);
        return WAYMARK_CLI_EXIT_USAGE;
      }

  {
    /* The editor lives in a module (src/meson.build says why). */
    int (*gui_run) (int, char **) = waymark_cli_load_module ("gui", "waymark_gui_run");

    return gui_run != NULL ? gui_run (argc, argv) : 1;
  }
}
