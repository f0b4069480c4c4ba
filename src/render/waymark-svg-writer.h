/* waymark-svg-writer.h: writes a scene as SVG 1.1 with editable text
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "waymark-scene.h"

G_BEGIN_DECLS

/* The SVG is valid against the SVG 1.1 DTD. Text stays text: one <text>
 * per text block, one <tspan> per wrapped line, so the words can be
 * edited in Inkscape. Groups become <g id="…" class="…">. Sizes are in
 * points (width="…pt"), with the viewBox in document units.
 * @background (may be NULL) paints a full-size rectangle first. */
GBytes  *waymark_svg_writer_to_bytes (WaymarkScene       *scene,
                                      const WaymarkColor *background);

gboolean waymark_svg_writer_write    (WaymarkScene       *scene,
                                      const WaymarkColor *background,
                                      GOutputStream      *stream,
                                      GCancellable       *cancellable,
                                      GError            **error);

G_END_DECLS
