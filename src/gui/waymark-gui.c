/* waymark-gui.c: the entry point of the graphical application
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-application.h"
#include "waymark-catalog.h"
#include "waymark-gui.h"

void
waymark_gui_init_i18n (void)
{
  waymark_catalog_init_i18n ();
}

int
waymark_gui_run (int    argc,
                 char **argv)
{
  g_autoptr(WaymarkApplication) app = NULL;

  waymark_gui_init_i18n ();
  g_set_application_name (_("Waymark"));

  app = waymark_application_new (G_APPLICATION_DEFAULT_FLAGS);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
