/* test-canvas-genmap.c: writes the large benchmark map for the canvas test
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: test-canvas-genmap OUT.waymark
 * The same document as the benchmark's large one (tests/bench): 20
 * personas x 40 phases x 10 lanes, about 8,000 cards.
 */
#include "config.h"

#include "test-render-fixtures.h"
#include "waymark-format.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(WaymarkDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      g_printerr ("usage: %s OUT.waymark\n", argv[0]);
      return 2;
    }
  document = fixture_generate (20, 40, 10, 1.25, 2);
  file = g_file_new_for_commandline_arg (argv[1]);
  if (!waymark_format_save_file (document, file, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}
