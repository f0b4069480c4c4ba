/* waymark-overview-coverage.c: the overview's coverage mode, where the plan has holes
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "waymark-overview-scene-private.h"

/* A coverage cell answers "which barriers here has no recommendation
 * addressed yet?": the number still open, large, against all of the
 * cell's barriers, and under it the open ones' text. Its ground is the
 * heat of the open count, so that the holes in the plan are the
 * darkest cells; a cell whose barriers are all addressed shows a check
 * instead, and one without barriers stays the empty grey. */

#define HEADER_HEIGHT 22.0

/* The check of a cell with no open barrier: a tick in a ring, in the
 * colour of a good emotion score (bluish green in colour, light grey in
 * greyscale). */
static void
add_check (Builder *builder,
           double   x,
           double   y,
           double   size)
{
  WaymarkColor color = waymark_palette_emotion_color (builder->palette, 1, -1, 1);
  WaymarkScenePath path;
  double r = size / 2, cx = x + r, cy = y + r;

  waymark_scene_builder_add_circle (&builder->draw, cx, cy, r, color, NONE, 0);
  waymark_scene_path_init (&path);
  waymark_scene_path_move_to (&path, cx - r * 0.45, cy + r * 0.02);
  waymark_scene_path_line_to (&path, cx - r * 0.1, cy + r * 0.35);
  waymark_scene_path_line_to (&path, cx + r * 0.48, cy - r * 0.32);
  waymark_scene_builder_add_path (&builder->draw, &path, NONE, WHITE, size * 0.14, 0);
}

/* The open and total counts of the coverage's kinds in @cell. */
static void
count_barriers (Builder                   *builder,
                const WaymarkOverviewCell *cell,
                guint                     *open,
                guint                     *total)
{
  *open = *total = 0;
  for (guint i = 0; i < builder->n_kinds; i++)
    {
      *open += cell->uncovered[builder->kinds[i]];
      *total += cell->counts[builder->kinds[i]];
    }
}

double
waymark_overview_builder_coverage_cell (Builder                   *builder,
                                        const WaymarkOverviewRow  *row,
                                        const WaymarkOverviewCell *cell,
                                        const WaymarkRect         *rect,
                                        gboolean                   draw)
{
  guint open, total;
  double top = rect->y + 6;
  WaymarkLayoutText *number = NULL;
  WaymarkLayoutText *caption = NULL;

  count_barriers (builder, cell, &open, &total);
  if (total > 0 && open > 0)
    {
      g_autofree char *digits = g_strdup_printf ("%u", open);
      g_autofree char *of = g_strdup_printf (T_ (builder->language,
                                                 /* TRANSLATORS: after the number of open
                                                  * barriers in a cell: "3 of 5" */
                                                 N_("of %u")), total);

      number = measure (builder, WAYMARK_TEXT_AVATAR, digits, 0, 1, WAYMARK_TEXT_ALIGN_LEFT);
      caption = measure (builder, WAYMARK_TEXT_DESCRIPTION, of, 0, 1, WAYMARK_TEXT_ALIGN_LEFT);
    }
  else if (total > 0)
    caption = measure (builder, WAYMARK_TEXT_SCALE,
                       T_ (builder->language, N_("all addressed")),
                       rect->width - 6 - SMALL_ICON - 4 - 6, 2, WAYMARK_TEXT_ALIGN_LEFT);

  if (draw)
    {
      WaymarkColor fill = waymark_overview_builder_heat_color (builder, open);

      /* Text needs a calm ground: a light version of the heat, as in
       * the text mode. */
      if (open > 0)
        fill = waymark_color_tint (&fill, 0.45);
      waymark_scene_builder_add_box (&builder->draw, rect, 4, fill, NONE, 0);
      waymark_overview_builder_add_hit (builder, WAYMARK_OVERVIEW_HIT_CELL, row->persona_id,
                                        cell->phase_id,
                                        cell->cards->len > 0
                                          ? ((WaymarkOverviewCard *)
                                               g_ptr_array_index (cell->cards, 0))->card_id
                                          : NULL,
                                        rect);
      if (number != NULL)
        {
          WaymarkColor icon = filter (builder, kind_color (builder, builder->primary));
          double x = rect->x + 6;
          double mid = top + number->height / 2;

          waymark_overview_builder_add_kind_icon (builder, builder->primary, x, mid - ICON / 2,
                                                  ICON, icon, WHITE);
          x += ICON + 3;
          waymark_scene_builder_add_text (&builder->draw, number, x, top, INK);
          x += number->width + 3;
          /* On the number's baseline, like "3 of 5" set in one line. */
          waymark_scene_builder_add_text (&builder->draw, caption, x,
                                          top + number->lines[0].baseline
                                            - caption->lines[0].baseline, INK_SOFT);
        }
      else if (caption != NULL)
        {
          add_check (builder, rect->x + 6, top + 1, SMALL_ICON + 2);
          waymark_scene_builder_add_text (&builder->draw, caption, rect->x + 6 + SMALL_ICON + 6,
                                          top + 1 + (SMALL_ICON + 2 - caption->height) / 2,
                                          INK_SOFT);
        }
    }

  if (number != NULL)
    top += MAX (number->height, HEADER_HEIGHT - 6) + 4;
  else if (caption != NULL)
    top += MAX (caption->height, SMALL_ICON + 2) + 6;
  top = waymark_overview_builder_list_cards (builder, row, cell, rect->x, top, TRUE, draw);
  return top - rect->y + 1;
}

double
waymark_overview_builder_add_coverage_key (Builder *builder,
                                           double   x,
                                           double   y)
{
  WaymarkLayoutText *text;

  add_check (builder, x, y + 1 - 1, SMALL_ICON + 2);
  text = measure (builder, WAYMARK_TEXT_SCALE,
                  T_ (builder->language,
                      N_("Every barrier of the cell has a recommendation")),
                  0, 1, WAYMARK_TEXT_ALIGN_LEFT);
  waymark_scene_builder_add_text (&builder->draw, text, x + SMALL_ICON + 2 + 4,
                                  y + 1 + SMALL_ICON / 2 - text->height / 2, INK_SOFT);
  return x + SMALL_ICON + 2 + 4 + text->width;
}
