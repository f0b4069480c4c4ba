/* waymark-lane-style.c: how each kind of lane looks, in every palette
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "waymark-lane-style-private.h"

/* The kinds' icons. */

/* A forward arrow in a disc: doing something. */
static void
draw_forward_arrow (WaymarkSceneBuilder *builder,
                    const WaymarkRect   *r,
                    WaymarkColor         color,
                    WaymarkColor         inner)
{
  WaymarkScenePath path;
  double x = r->x, y = r->y, s = r->width;

  waymark_scene_builder_add_circle (builder, x + s / 2, y + s / 2, s / 2, color, NONE, 0);
  waymark_scene_path_init (&path);
  waymark_scene_path_move_to (&path, x + s * 0.38, y + s * 0.26);
  waymark_scene_path_line_to (&path, x + s * 0.74, y + s * 0.5);
  waymark_scene_path_line_to (&path, x + s * 0.38, y + s * 0.74);
  waymark_scene_path_close (&path);
  waymark_scene_builder_add_path (builder, &path, inner, NONE, 0, 0);
}

/* A thought bubble. */
static void
draw_thought_bubble (WaymarkSceneBuilder *builder,
                     const WaymarkRect   *r,
                     WaymarkColor         color,
                     WaymarkColor         inner)
{
  WaymarkScenePath path;
  double x = r->x, y = r->y, s = r->width;

  waymark_scene_path_init (&path);
  waymark_scene_path_circle (&path, x + s * 0.55, y + s * 0.4, s * 0.42);
  waymark_scene_path_circle (&path, x + s * 0.16, y + s * 0.84, s * 0.1);
  waymark_scene_builder_add_path (builder, &path, color, NONE, 0, 0);
}

/* A heart. */
static void
draw_heart (WaymarkSceneBuilder *builder,
            const WaymarkRect   *r,
            WaymarkColor         color,
            WaymarkColor         inner)
{
  WaymarkScenePath path;
  double x = r->x, y = r->y, s = r->width;

  waymark_scene_path_init (&path);
  waymark_scene_path_move_to (&path, x + s * 0.5, y + s * 0.92);
  waymark_scene_path_curve_to (&path, x + s * 0.1, y + s * 0.62, x - s * 0.02, y + s * 0.36,
                               x + s * 0.1, y + s * 0.2);
  waymark_scene_path_curve_to (&path, x + s * 0.24, y + s * 0.02, x + s * 0.46, y + s * 0.08,
                               x + s * 0.5, y + s * 0.28);
  waymark_scene_path_curve_to (&path, x + s * 0.54, y + s * 0.08, x + s * 0.76, y + s * 0.02,
                               x + s * 0.9, y + s * 0.2);
  waymark_scene_path_curve_to (&path, x + s * 1.02, y + s * 0.36, x + s * 0.9, y + s * 0.62,
                               x + s * 0.5, y + s * 0.92);
  waymark_scene_path_close (&path);
  waymark_scene_builder_add_path (builder, &path, color, NONE, 0, 0);
}

/* A bullseye: where the persona meets the service. */
static void
draw_bullseye (WaymarkSceneBuilder *builder,
               const WaymarkRect   *r,
               WaymarkColor         color,
               WaymarkColor         inner)
{
  double x = r->x, y = r->y, s = r->width;

  waymark_scene_builder_add_circle (builder, x + s / 2, y + s / 2, s * 0.43, NONE, color, s * 0.12);
  waymark_scene_builder_add_circle (builder, x + s / 2, y + s / 2, s * 0.18, color, NONE, 0);
}

/* A warning triangle with "!". */
static void
draw_warning_triangle (WaymarkSceneBuilder *builder,
                       const WaymarkRect   *r,
                       WaymarkColor         color,
                       WaymarkColor         inner)
{
  WaymarkScenePath path;
  double x = r->x, y = r->y, s = r->width;

  waymark_scene_path_init (&path);
  waymark_scene_path_move_to (&path, x + s * 0.5, y + s * 0.04);
  waymark_scene_path_line_to (&path, x + s, y + s * 0.92);
  waymark_scene_path_line_to (&path, x, y + s * 0.92);
  waymark_scene_path_close (&path);
  waymark_scene_builder_add_path (builder, &path, color, NONE, 0, 0);
  waymark_scene_path_init (&path);
  waymark_scene_path_rounded_rect (&path, x + s * 0.44, y + s * 0.32, s * 0.12, s * 0.32,
                                   s * 0.05, s * 0.05, s * 0.05, s * 0.05);
  waymark_scene_path_circle (&path, x + s * 0.5, y + s * 0.77, s * 0.07);
  waymark_scene_builder_add_path (builder, &path, inner, NONE, 0, 0);
}

/* An upward arrow in a disc: what lifts the journey. */
static void
draw_upward_arrow (WaymarkSceneBuilder *builder,
                   const WaymarkRect   *r,
                   WaymarkColor         color,
                   WaymarkColor         inner)
{
  WaymarkScenePath path;
  double x = r->x, y = r->y, s = r->width;

  waymark_scene_builder_add_circle (builder, x + s / 2, y + s / 2, s / 2, color, NONE, 0);
  waymark_scene_path_init (&path);
  waymark_scene_path_move_to (&path, x + s * 0.5, y + s * 0.18);
  waymark_scene_path_line_to (&path, x + s * 0.78, y + s * 0.5);
  waymark_scene_path_line_to (&path, x + s * 0.6, y + s * 0.5);
  waymark_scene_path_line_to (&path, x + s * 0.6, y + s * 0.8);
  waymark_scene_path_line_to (&path, x + s * 0.4, y + s * 0.8);
  waymark_scene_path_line_to (&path, x + s * 0.4, y + s * 0.5);
  waymark_scene_path_line_to (&path, x + s * 0.22, y + s * 0.5);
  waymark_scene_path_close (&path);
  waymark_scene_builder_add_path (builder, &path, inner, NONE, 0, 0);
}

/* A page with a folded corner. */
static void
draw_page (WaymarkSceneBuilder *builder,
           const WaymarkRect   *r,
           WaymarkColor         color,
           WaymarkColor         inner)
{
  WaymarkScenePath path;
  double x = r->x, y = r->y, s = r->width;

  waymark_scene_path_init (&path);
  waymark_scene_path_move_to (&path, x + s * 0.15, y);
  waymark_scene_path_line_to (&path, x + s * 0.62, y);
  waymark_scene_path_line_to (&path, x + s * 0.88, y + s * 0.26);
  waymark_scene_path_line_to (&path, x + s * 0.88, y + s);
  waymark_scene_path_line_to (&path, x + s * 0.15, y + s);
  waymark_scene_path_close (&path);
  waymark_scene_builder_add_path (builder, &path, color, NONE, 0, 0);
  waymark_scene_path_init (&path);
  waymark_scene_path_move_to (&path, x + s * 0.3, y + s * 0.5);
  waymark_scene_path_line_to (&path, x + s * 0.72, y + s * 0.5);
  waymark_scene_path_move_to (&path, x + s * 0.3, y + s * 0.7);
  waymark_scene_path_line_to (&path, x + s * 0.72, y + s * 0.7);
  waymark_scene_builder_add_path (builder, &path, NONE, inner, s * 0.08, 0);
}

/* A kind's colour in each palette, in the order of WaymarkPalette; a
 * palette left out does not compile. */
#define SWATCH(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, \
                      ((hex) & 0xff) / 255.0, 1.0 }
#define COLORS(standard, colorblind, greyscale) { \
    [WAYMARK_PALETTE_STANDARD] = SWATCH (standard), \
    [WAYMARK_PALETTE_COLORBLIND] = SWATCH (colorblind), \
    [WAYMARK_PALETTE_GREYSCALE] = SWATCH (greyscale), \
  }
G_STATIC_ASSERT (WAYMARK_N_PALETTES == 3);

/* Standard: Okabe–Ito hues, darkened and desaturated a little so that a
 * page full of tints stays calm. Colour-blind: the Okabe–Ito set itself
 * (Okabe & Ito, "Color Universal Design", 2008), whose hues stay distinct
 * for protan, deutan and tritan vision. Greyscale: lightness steps that
 * keep the kinds apart on a mono printer; icons and card shapes carry
 * the rest. Card lanes must differ in every palette
 * (tests/test-lane-kinds.c checks). */
static const WaymarkLaneStyle lane_styles[] = {
  [WAYMARK_LANE_ACTIONS] = {
    .colors = COLORS (0x2f6fa7, 0x0072b2, 0x4a4a4a),
    .row_tint = 0.94,
    .card = { .fill_tint = 0.82, .stroke_tint = 0.55, .radius = 4, .line_width = 0.6 },
    .draw_icon = draw_forward_arrow,
  },
  [WAYMARK_LANE_THOUGHTS] = {
    .colors = COLORS (0x9a5b8c, 0xcc79a7, 0x6e6e6e),
    .row_tint = 0.94,
    .card = { .fill_tint = 0.86, .stroke_tint = 0.55, .radius = 9, .line_width = 0.6 },
    .draw_icon = draw_thought_bubble,
  },
  [WAYMARK_LANE_EMOTIONS] = {
    .colors = COLORS (0x3d4b5c, 0x000000, 0x303030),
    /* Lighter: the curve and its points are drawn on it. */
    .row_tint = 0.965,
    /* Unused: emotions lanes hold no cards. */
    .card = { .fill_tint = 0.82, .stroke_tint = 0.55, .radius = 4, .line_width = 0.6 },
    .draw_icon = draw_heart,
  },
  [WAYMARK_LANE_TOUCHPOINTS] = {
    .colors = COLORS (0xc98512, 0xe69f00, 0x8a8a8a),
    .row_tint = 0.94,
    /* Outlined: a touchpoint is a place, not an act. */
    .card = { .fill_tint = 1, .stroke_tint = 0.2, .radius = 4, .line_width = 0.9 },
    .draw_icon = draw_bullseye,
  },
  [WAYMARK_LANE_BARRIERS] = {
    .colors = COLORS (0xc4461c, 0xd55e00, 0x1e1e1e),
    .row_tint = 0.94,
    .card = { .fill_tint = 0.88, .stroke_tint = 0.6, .radius = 3, .line_width = 0.6,
              .marked = TRUE },
    .draw_icon = draw_warning_triangle,
  },
  [WAYMARK_LANE_LEVERS] = {
    .colors = COLORS (0x15896a, 0x009e73, 0x5c5c5c),
    .row_tint = 0.94,
    .card = { .fill_tint = 0.88, .stroke_tint = 0.6, .radius = 3, .line_width = 0.6,
              .marked = TRUE },
    .draw_icon = draw_upward_arrow,
  },
  [WAYMARK_LANE_NOTES] = {
    .colors = COLORS (0x8c8a45, 0x56b4e9, 0x9c9c9c),
    .row_tint = 0.94,
    .card = { .fill_tint = 0.8, .stroke_tint = 0.5, .radius = 1, .line_width = 0.6 },
    .draw_icon = draw_page,
  },
};
/* A row for every kind; tests/test-lane-kinds.c checks that none is empty. */
G_STATIC_ASSERT (G_N_ELEMENTS (lane_styles) == WAYMARK_N_LANE_KINDS);

const WaymarkLaneStyle *
waymark_lane_style_get (WaymarkLaneKind kind)
{
  g_return_val_if_fail ((guint) kind < WAYMARK_N_LANE_KINDS, &lane_styles[WAYMARK_LANE_NOTES]);
  return &lane_styles[kind];
}

WaymarkColor
waymark_palette_lane_color (WaymarkPalette  palette,
                            WaymarkLaneKind kind)
{
  if ((guint) palette >= WAYMARK_N_PALETTES)
    palette = WAYMARK_PALETTE_STANDARD;
  if ((guint) kind >= WAYMARK_N_LANE_KINDS)
    kind = WAYMARK_LANE_NOTES;
  return lane_styles[kind].colors[palette];
}
