/* test-render-fixtures.h: documents for the render tests and the benchmark
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "waymark-document.h"

G_BEGIN_DECLS

/* One persona "p" with phases "f1".."f3", lanes "actions", "feelings"
 * (emotions), "barriers", "touch"; cards:
 *   a1 (actions, f1), a2 (actions, f1, long text), a3 (actions, f2, span 2),
 *   b1 (barriers, f3, tagged "t1"), t1card (touch, f2);
 * emotion points at f1 (+2, "blij") and f3 (-1, "boos"). */
WaymarkDocument *fixture_small_document  (void);

/* Everything that is hard to draw: long and unbroken text, emoji, RTL,
 * CJK, diacritics, spans, a crowded cell, own colours, evidence, many
 * tags, an empty lane, a long persona name. Two personas. */
WaymarkDocument *fixture_stress_document (void);

/* data/examples/levenslang-leren.waymark, or NULL (with a skip) when
 * the example is not there. */
WaymarkDocument *fixture_load_example    (void);

/* A generated map: @n_personas x @n_phases x @n_lanes (one of them an
 * emotions lane), about @cards_per_cell cards of realistic text in each
 * card cell. Deterministic for a given @seed. */
WaymarkDocument *fixture_generate        (guint n_personas,
                                          guint n_phases,
                                          guint n_lanes,
                                          double cards_per_cell,
                                          guint32 seed);

/* Compares two ARGB32 images: returns the fraction of pixels in which
 * some channel differs by more than @threshold (0..255). Different sizes
 * give 1.0. */
double           fixture_image_difference (cairo_surface_t *a,
                                           cairo_surface_t *b,
                                           int              threshold);

/* Whether the fonts the golden images were made with are installed. */
gboolean         fixture_have_test_fonts  (void);

G_END_DECLS
