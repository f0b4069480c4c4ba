/* fuzz-render.c: libFuzzer harness for drawing whatever the loader accepts
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A hostile .waymark that passes every check must still be safe to look
 * at: lay out and draw each persona (at most a few, kept small) through
 * the cairo backend, as opening the file in the app does.
 */
#include "config.h"

#include <cairo.h>

#include "fuzz-common.h"
#include "waymark-cairo-backend.h"
#include "waymark-format.h"
#include "waymark-layout.h"
#include "waymark-scene.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GBytes) input = g_bytes_new_static (data, size);
  g_autoptr (WaymarkDocument) document = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  document = waymark_format_load_bytes (input, "fuzz.waymark", NULL);
  if (document == NULL)
    return 0;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 128, 128);
  cr = cairo_create (surface);
  for (guint i = 0; i < MIN (waymark_document_get_n_personas (document), 4); i++)
    {
      WaymarkPersona *persona = waymark_document_get_persona (document, i);
      g_autoptr (WaymarkLayout) layout = waymark_layout_new (document, persona->base.id, NULL, NULL);
      g_autoptr (WaymarkScene) scene = waymark_scene_new_for_layout (layout);
      double width, height;

      waymark_layout_get_size (layout, &width, &height);
      cairo_save (cr);
      cairo_scale (cr, 128.0 / MAX (1.0, width), 128.0 / MAX (1.0, height));
      waymark_cairo_backend_draw (scene, cr, NULL);
      cairo_restore (cr);
    }
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      g_printerr ("cairo error after drawing: %s\n", cairo_status_to_string (cairo_status (cr)));
      abort ();
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
