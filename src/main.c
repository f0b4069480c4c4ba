/* main.c: the waymark program
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "waymark-cli.h"
#ifdef WAYMARK_HAVE_GUI
#include "waymark-gui.h"
#endif

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("WAYMARK_LOCALEDIR");

  /* WAYMARK_LOCALEDIR: the build tree's catalogues (meson devenv, tests). */
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Commands run headless: they must work without a display, so GTK is
   * not even initialised for them. */
  if (argc > 1 && waymark_cli_handles (argv[1]))
    return waymark_cli_run (argc, argv);

#ifdef WAYMARK_HAVE_GUI
  return waymark_gui_run (argc, argv);
#else
  fprintf (stderr, "%s",
           _("waymark: this build has no editor; run “waymark --help” for the commands\n"));
  return WAYMARK_CLI_EXIT_USAGE;
#endif
}
