/* fuzz-card-text.c: libFuzzer harness for laying out and drawing card text
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Card text comes from files, CSV, the clipboard and the keyboard. Any
 * bytes, invalid UTF-8 included, must either be refused when they go into
 * the document or render: through layout, scene and the cairo backend
 * (the path screen, PNG, PDF and print share) onto a small image, and
 * through the SVG writer into well-formed XML. Never a crash, a sanitizer
 * report or a GLib/Pango warning.
 *
 * Input: byte 0 picks options (palette, span, lane kind, evidence, tags),
 * byte 1 the column width; the rest is up to three NUL-separated strings:
 * the card's text, its evidence note and the persona's name.
 */
#include "config.h"

#include <cairo.h>
#include <libxml/parser.h>

#include "fuzz-common.h"
#include "waymark-cairo-backend.h"
#include "waymark-document.h"
#include "waymark-layout.h"
#include "waymark-scene.h"
#include "waymark-svg-writer.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

/* The next NUL-terminated piece of @data, copied (the app's strings are C
 * strings too: an embedded NUL ends the text wherever it came from). */
static char *
next_string (const uint8_t **data,
             size_t         *size)
{
  const uint8_t *end = memchr (*data, '\0', *size);
  size_t length = end != NULL ? (size_t) (end - *data) : *size;
  char *string = g_strndup ((const char *) *data, length);

  *data += MIN (length + 1, *size);
  *size -= MIN (length + 1, *size);
  return string;
}

static void
check_svg (WaymarkScene *scene)
{
  WaymarkColor white = { 1, 1, 1, 1 };
  g_autoptr (GBytes) svg = waymark_svg_writer_to_bytes (scene, &white);
  gsize length;
  const char *text = g_bytes_get_data (svg, &length);
  xmlDocPtr doc;

  /* Parsed without network or entities: only well-formedness matters. */
  doc = xmlReadMemory (text, (int) length, "map.svg", NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    {
      g_printerr ("the SVG writer wrote XML that is not well-formed:\n%.*s\n",
                  (int) length, text);
      abort ();
    }
  xmlFreeDoc (doc);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (WaymarkDocument) document = waymark_document_new ();
  g_autoptr (WaymarkLayout) layout = NULL;
  g_autoptr (WaymarkScene) scene = NULL;
  g_autofree char *text = NULL;
  g_autofree char *evidence = NULL;
  g_autofree char *name = NULL;
  const char *persona_id, *card_id;
  WaymarkRenderOptions options;
  WaymarkLaneKind kind;
  WaymarkCard *card;
  guint8 flags, width;
  double map_width, map_height, scale;
  cairo_surface_t *surface;
  cairo_t *cr;

  if (size < 2)
    return 0;
  flags = data[0];
  width = data[1];
  data += 2;
  size -= 2;
  text = next_string (&data, &size);
  evidence = next_string (&data, &size);
  name = next_string (&data, &size);

  persona_id = waymark_document_insert_persona (document, waymark_persona_new ("p", "Persona"), -1);
  g_assert (persona_id != NULL);
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *id = g_strdup_printf ("phase-%d", i);

      g_assert (waymark_document_insert_phase (document, persona_id,
                                               waymark_phase_new (id, "Phase"), -1));
    }
  /* Any text lane kind; emotions lanes hold no cards. */
  kind = (WaymarkLaneKind) ((flags >> 2) % WAYMARK_N_LANE_KINDS);
  if (!waymark_lane_kind_holds_cards (kind))
    kind = WAYMARK_LANE_NOTES;
  g_assert (waymark_document_insert_lane (document, persona_id,
                                          waymark_lane_new ("lane", "Lane", kind), -1));
  waymark_document_set_int (document, NULL, WAYMARK_FIELD_COLUMN_WIDTH, 40 + width * 4);

  /* Rejecting bad text at insertion is allowed; crashing later is not. */
  card = waymark_card_new ("card", "lane", "phase-0", text);
  card->span = 1 + (flags & 3);
  card_id = waymark_document_insert_card (document, persona_id, card, -1);
  if (card_id != NULL && evidence[0] != '\0')
    waymark_document_set_text (document, card_id, WAYMARK_FIELD_EVIDENCE, evidence);
  if (name[0] != '\0')
    waymark_document_set_text (document, persona_id, WAYMARK_FIELD_NAME, name);
  if (flags & 0x40)
    {
      const char *tags[] = { "tag", NULL };

      waymark_document_insert_tag (document, waymark_tag_new ("tag", name, "#336699"), -1);
      if (card_id != NULL)
        waymark_document_set_card_tags (document, card_id, tags);
    }

  waymark_render_options_init (&options);
  options.palette = (WaymarkPalette) ((flags >> 5) % WAYMARK_N_PALETTES);
  options.show_evidence = (flags & 0x80) == 0;
  options.show_footer = (flags & 0x10) != 0;

  layout = waymark_layout_new (document, persona_id, &options, NULL);
  scene = waymark_scene_new_for_layout (layout);

  /* Small, so that rasterising stays cheap; scaled to fit the whole map. */
  waymark_layout_get_size (layout, &map_width, &map_height);
  scale = MIN (1.0, 256.0 / MAX (1.0, MAX (map_width, map_height)));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 256, 256);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  waymark_cairo_backend_draw (scene, cr, NULL);
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      g_printerr ("cairo error after drawing: %s\n", cairo_status_to_string (cairo_status (cr)));
      abort ();
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  check_svg (scene);
  return 0;
}
