/* test-render-fixtures.h: documents for the render tests and the benchmark
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "waymark-document.h"
#include "waymark-layout.h"

G_BEGIN_DECLS

/* One persona "p" with phases "f1".."f3", lanes "actions", "feelings"
 * (emotions), "barriers", "touch"; cards:
 *   a1 (actions, f1), a2 (actions, f1, long text), a3 (actions, f2, span 2),
 *   b1 (barriers, f3, tagged "t1"), t1card (touch, f2);
 * emotion points at f1 (+2, "blij") and f3 (-1, "boos"). */
WaymarkDocument *fixture_small_document  (void);

/* fixture_small_document() with recommendations: domains "d1" ("Beleid",
 * #1f4e79) and "d2" ("Aanbod", #c2185b); "r1" in d1 (value 5, effort 2)
 * addresses b1 and a2, "r2" in d1 (value 2, effort 4) addresses b1, "r3"
 * in d2 (unscored) addresses a3, and "r4" in d2 (value 4, effort 4)
 * addresses nothing yet. So b1 shows a badge of 2, a2 and a3 of 1. */
WaymarkDocument *fixture_recommendations_document (void);

/* fixture_small_document() whose persona "p" has a profile: a quote, two
 * goals, needs with a blank one, eight frustrations (more than a column
 * shows) and two facts. */
WaymarkDocument *fixture_profile_document (void);

/* Everything that is hard to draw: long and unbroken text, emoji, RTL,
 * CJK, diacritics, spans, a crowded cell, own colours, evidence, many
 * tags, an empty lane, a long persona name. Two personas. */
WaymarkDocument *fixture_stress_document (void);

/* One persona "k" with phases "f1", "f2" and a lane of every kind, its id
 * the kind's name ("barriers"); in f1 a card "card-NAME" in every lane
 * that holds cards, and emotion points in those that hold emotions. */
WaymarkDocument *fixture_every_kind_document (void);

/* data/examples/levenslang-leren.waymark, or NULL (with a skip) when
 * the example is not there. */
WaymarkDocument *fixture_load_example    (void);

/* The pages a PDF of all personas of @document ends with: the
 * recommendations section on A4 landscape (as on "fit" paper) and the
 * priority matrix; 0 for a document without recommendations. */
guint            fixture_recommendation_pages (WaymarkDocument *document);

/* Runs a command (@first and the arguments after it, NULL-terminated)
 * and returns its standard output, or NULL (and skips the test) when it is
 * not installed. Fails the test on a non-zero exit unless @status is
 * given, which then gets the exit status. */
char            *fixture_run_tool         (int        *status,
                                           const char *first,
                                           ...) G_GNUC_NULL_TERMINATED;
/* @text without any white space, NFKC: wrapping and the way tools join
 * lines then do not matter when a test looks for a text in an export. */
char            *fixture_squeeze          (const char *text);

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

/* Why golden images cannot be compared here, for g_test_skip(), or NULL
 * when they can: they need the fonts tests/fonts/fonts.conf pins. */
const char      *fixture_why_no_test_fonts (void);

/* Compares @actual with the reviewed tests/golden/@name.png (or writes
 * it, with WAYMARK_UPDATE_GOLDEN=1): fails the test, and leaves
 * @name-actual.png in the build's tests directory, when more than 0.4 %
 * of the pixels differ, or when the mean colour of any region moved by
 * more than 6 levels (of 255). The regions are @regions (may be NULL)
 * and a grid of small tiles over the whole image, so that a card or a
 * marker in the wrong colour fails though it is too small for the pixel
 * count. */
void             fixture_assert_golden    (const char      *name,
                                           cairo_surface_t *actual,
                                           GArray          *regions);

/* Regions for fixture_assert_golden(), named for its messages. */
GArray          *fixture_regions_new      (void);
/* Adds the whole pixels inside @rect (document units) of an image drawn
 * at @scale. */
void             fixture_regions_add      (GArray            *regions,
                                           const WaymarkRect *rect,
                                           double             scale,
                                           const char        *format,
                                           ...) G_GNUC_PRINTF (4, 5);
/* Every lane's header and row, emotion point and card of @layout, drawn
 * at @scale. */
GArray          *fixture_layout_regions   (WaymarkLayout   *layout,
                                           double           scale);
/* How far the mean colour of @rect (pixels) differs between @a and @b:
 * the largest difference of a channel's mean, in levels of 0..255. */
double           fixture_region_mean_shift (cairo_surface_t   *a,
                                            cairo_surface_t   *b,
                                            const WaymarkRect *rect);

G_END_DECLS
