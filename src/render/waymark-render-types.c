/* waymark-render-types.c: colours, palettes and rectangles
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "waymark-render-types.h"

void
waymark_render_options_init (WaymarkRenderOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->palette = WAYMARK_PALETTE_STANDARD;
  options->show_title = TRUE;
  options->show_footer = FALSE;
  options->show_evidence = TRUE;
  options->show_tags = TRUE;
  options->show_badges = TRUE;
}

static int
hex_digit (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

gboolean
waymark_color_parse (const char   *spec,
                     WaymarkColor *color)
{
  double channels[4] = { 0, 0, 0, 1 };
  gsize len;

  g_return_val_if_fail (color != NULL, FALSE);

  *color = (WaymarkColor) { 0, 0, 0, 1 };
  if (spec == NULL || spec[0] != '#')
    return FALSE;
  len = strlen (spec + 1);
  if (len != 6 && len != 8)
    return FALSE;

  for (gsize i = 0; i < len / 2; i++)
    {
      int hi = hex_digit (spec[1 + 2 * i]);
      int lo = hex_digit (spec[2 + 2 * i]);

      if (hi < 0 || lo < 0)
        return FALSE;
      channels[i] = (hi * 16 + lo) / 255.0;
    }

  *color = (WaymarkColor) { channels[0], channels[1], channels[2], channels[3] };
  return TRUE;
}

WaymarkColor
waymark_color_tint (const WaymarkColor *color,
                    double              amount)
{
  return (WaymarkColor) {
    color->red + (1 - color->red) * amount,
    color->green + (1 - color->green) * amount,
    color->blue + (1 - color->blue) * amount,
    color->alpha,
  };
}

WaymarkColor
waymark_color_shade (const WaymarkColor *color,
                     double              amount)
{
  return (WaymarkColor) {
    color->red * (1 - amount),
    color->green * (1 - amount),
    color->blue * (1 - amount),
    color->alpha,
  };
}

static double
linear_channel (double c)
{
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

double
waymark_color_luminance (const WaymarkColor *color)
{
  return 0.2126 * linear_channel (color->red)
         + 0.7152 * linear_channel (color->green)
         + 0.0722 * linear_channel (color->blue);
}

double
waymark_color_contrast (const WaymarkColor *a,
                        const WaymarkColor *b)
{
  double la = waymark_color_luminance (a);
  double lb = waymark_color_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

WaymarkColor
waymark_color_with_contrast (const WaymarkColor *color,
                             const WaymarkColor *against,
                             double              ratio)
{
  gboolean darken = waymark_color_luminance (against) > 0.18;
  double low = 0, high = 1;

  if (waymark_color_contrast (color, against) >= ratio)
    return *color;
  /* Contrast grows monotonically as the colour moves towards black (on a
   * light ground) or white (on a dark one): bisect for the least change. */
  for (int i = 0; i < 20; i++)
    {
      double mid = (low + high) / 2;
      WaymarkColor c = darken ? waymark_color_shade (color, mid) : waymark_color_tint (color, mid);

      if (waymark_color_contrast (&c, against) >= ratio)
        high = mid;
      else
        low = mid;
    }
  return darken ? waymark_color_shade (color, high) : waymark_color_tint (color, high);
}

WaymarkColor
waymark_palette_filter (WaymarkPalette      palette,
                        const WaymarkColor *color)
{
  double grey;

  if (palette != WAYMARK_PALETTE_GREYSCALE)
    return *color;

  /* Perceptual lightness, not the average of the channels, so that
   * yellow stays light and blue dark, as they are on a mono printer. */
  grey = 0.299 * color->red + 0.587 * color->green + 0.114 * color->blue;
  return (WaymarkColor) { grey, grey, grey, color->alpha };
}

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

static WaymarkColor
mix (const WaymarkColor *a,
     const WaymarkColor *b,
     double              t)
{
  return (WaymarkColor) {
    a->red + (b->red - a->red) * t,
    a->green + (b->green - a->green) * t,
    a->blue + (b->blue - a->blue) * t,
    a->alpha + (b->alpha - a->alpha) * t,
  };
}

WaymarkColor
waymark_palette_emotion_color (WaymarkPalette palette,
                               int            score,
                               int            scale_min,
                               int            scale_max)
{
  /* Vermillion through grey to bluish green: the Okabe–Ito pair that
   * stays apart for red-green colour blindness, unlike red/green. */
  static const WaymarkColor low = RGB (0xd55e00);
  static const WaymarkColor mid = RGB (0x8a9099);
  static const WaymarkColor high = RGB (0x009e73);
  static const WaymarkColor grey_low = RGB (0x1a1a1a);
  static const WaymarkColor grey_mid = RGB (0x5e5e5e);
  static const WaymarkColor grey_high = RGB (0xa0a0a0);
  double t;

  if (scale_max <= scale_min)
    t = 0.5;
  else
    t = CLAMP ((double) (score - scale_min) / (scale_max - scale_min), 0.0, 1.0);

  if (palette == WAYMARK_PALETTE_GREYSCALE)
    return t < 0.5 ? mix (&grey_low, &grey_mid, t * 2) : mix (&grey_mid, &grey_high, (t - 0.5) * 2);
  return t < 0.5 ? mix (&low, &mid, t * 2) : mix (&mid, &high, (t - 0.5) * 2);
}

gboolean
waymark_rect_intersects (const WaymarkRect *a,
                         const WaymarkRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

gboolean
waymark_rect_contains_point (const WaymarkRect *rect,
                             double             x,
                             double             y)
{
  return x >= rect->x && x < rect->x + rect->width
         && y >= rect->y && y < rect->y + rect->height;
}
