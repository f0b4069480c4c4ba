/* waymark-overview-chart.c: the overview's emotion chart
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "waymark-overview-scene-private.h"

/* Under the matrix, on the same phase axis, one curve per persona: a dip
 * in a curve sits right under the hot cells that explain it. */

/* In greyscale the curves differ by dash rather than hue. */
static const double greyscale_dashes[] = { 0, 6, 2.5, 10, 4 };


/* Where on the chart a score of a phase puts its marker, as a key: the
 * same for personas on different scales who are at the same height. */
static char *
spot_key (guint column,
          int   score,
          int   lo,
          int   hi)
{
  return g_strdup_printf ("%u:%.3f", column, (double) (CLAMP (score, lo, hi) - lo) / (hi - lo));
}

/* The same curve as the maps draw (waymark_scene_monotone_tangents()). */
static void
add_curve (Builder      *builder,
           const double *xs,
           const double *ys,
           guint         n,
           WaymarkColor  color,
           double        dash)
{
  g_autofree double *tangent = NULL;
  WaymarkScenePath path;

  if (n < 2)
    return;
  tangent = waymark_scene_monotone_tangents (xs, ys, n);
  waymark_scene_path_init (&path);
  waymark_scene_path_move_to (&path, xs[0], ys[0]);
  for (guint i = 1; i < n; i++)
    {
      double dx = (xs[i] - xs[i - 1]) / 3;
      waymark_scene_path_curve_to (&path, xs[i - 1] + dx, ys[i - 1] + tangent[i - 1] * dx,
                                   xs[i] - dx, ys[i] - tangent[i] * dx, xs[i], ys[i]);
    }
  waymark_scene_builder_add_path (&builder->draw, &path, NONE, color, 2.0, dash);
}

double
waymark_overview_builder_add_emotions (Builder *builder,
                                       double   y)
{
  WaymarkOverview *overview = builder->overview;
  guint n_rows = waymark_overview_get_n_rows (overview);
  guint n_columns = waymark_overview_get_n_columns (overview);
  gboolean common = TRUE;
  int scale_min = 0, scale_max = 0;
  gboolean first = TRUE;
  double top, bottom, left, right;
  WaymarkLayoutText *text;
  g_autoptr (GHashTable) sharing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) placed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* One axis when every persona scores on the same scale; otherwise each
   * curve is scaled to its own, and the axis only says low and high. */
  for (guint r = 0; r < n_rows; r++)
    {
      const WaymarkOverviewRow *row = waymark_overview_get_row (overview, r);

      if (row->emotion_lane_id == NULL)
        continue;
      if (first)
        {
          scale_min = row->scale_min;
          scale_max = row->scale_max;
          first = FALSE;
        }
      else if (row->scale_min != scale_min || row->scale_max != scale_max)
        common = FALSE;
    }
  if (scale_max <= scale_min)
    common = FALSE;

  waymark_scene_builder_begin_group (&builder->draw, "overview-emotions", "emotion-chart");
  y += SECTION_GAP;
  text = measure (builder, WAYMARK_TEXT_LANE_NAME,
                  T_ (builder->language, N_("Emotion across the journey")),
                  LABEL_WIDTH - 14, 2, WAYMARK_TEXT_ALIGN_LEFT);
  waymark_scene_builder_add_text (&builder->draw, text, MARGIN, y, INK);
  {
    WaymarkLayoutText *sub = measure (builder, WAYMARK_TEXT_SCALE,
                                      common
                                        ? T_ (builder->language,
                                              N_("Score per phase, one line per persona"))
                                        : T_ (builder->language,
                                              N_("Each persona on its own scale")),
                                      LABEL_WIDTH - 40, 3, WAYMARK_TEXT_ALIGN_LEFT);
    waymark_scene_builder_add_text (&builder->draw, sub, MARGIN, y + text->height + 2, INK_FAINT);
  }

  top = y + 6;
  bottom = top + CHART_HEIGHT;
  left = builder->grid_x;
  right = builder->grid_x + n_columns * builder->column_width;

  /* Grid: a line per score, the neutral one darker; a faint line per phase. */
  {
    int lo = common ? scale_min : -2, hi = common ? scale_max : 2;
    int step = MAX (1, (hi - lo) / 8);

    for (int s = lo; s <= hi; s += step)
      {
        double gy = bottom - (double) (s - lo) / (hi - lo) * (bottom - top);
        g_autofree char *label = NULL;

        add_line (builder, left, gy, right, gy, s == 0 ? INK_FAINT : RULE, s == 0 ? 0.8 : 0.5,
                  0);
        if (common)
          label = s > 0 ? g_strdup_printf ("+%d", s) : s < 0 ? g_strdup_printf ("−%d", -s)
                                                              : g_strdup ("0");
        else if (s == lo)
          label = g_strdup (T_ (builder->language, N_("low")));
        else if (s == hi)
          label = g_strdup (T_ (builder->language, N_("high")));
        if (label != NULL)
          {
            WaymarkLayoutText *t = measure (builder, WAYMARK_TEXT_SCALE, label, 30, 1,
                                            WAYMARK_TEXT_ALIGN_RIGHT);
            waymark_scene_builder_add_text (&builder->draw, t, left - 36, gy - t->height / 2,
                                            INK_FAINT);
          }
      }
    for (guint c = 0; c < n_columns; c++)
      {
        double x = column_x (builder, c) + builder->column_width / 2;
        add_line (builder, x, top, x, bottom, RULE, 0.4, 2);
      }
  }

  /* Personas who gave a phase the same score would put their markers on
   * one spot, the last hiding the others: how many share each spot, so
   * that the markers can stand side by side there. */
  for (guint r = 0; r < n_rows; r++)
    {
      const WaymarkOverviewRow *row = waymark_overview_get_row (overview, r);
      int lo = common ? scale_min : row->scale_min;
      int hi = common ? scale_max : row->scale_max;

      if (row->emotion_lane_id == NULL || hi <= lo)
        continue;
      for (guint c = 0; c < row->n_cells; c++)
        if (row->cells[c].has_emotion)
          {
            char *key = spot_key (row->cells[c].column, row->cells[c].score, lo, hi);

            g_hash_table_insert (sharing, key,
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (sharing,
                                                                                          key))
                                                   + 1));
          }
    }

  /* The curves, then the markers on top of all curves. */
  for (int pass = 0; pass < 2; pass++)
    for (guint r = 0; r < n_rows; r++)
      {
        const WaymarkOverviewRow *row = waymark_overview_get_row (overview, r);
        WaymarkColor color = waymark_overview_builder_row_color (builder, row, r);
        g_autofree double *xs = g_new0 (double, MAX (row->n_cells, 1));
        g_autofree double *ys = g_new0 (double, MAX (row->n_cells, 1));
        int lo = common ? scale_min : row->scale_min;
        int hi = common ? scale_max : row->scale_max;
        double dash = builder->palette == WAYMARK_PALETTE_GREYSCALE
                      ? greyscale_dashes[r % G_N_ELEMENTS (greyscale_dashes)] : 0;
        /* Personas who gave the same scores would hide each other's line:
         * each curve sits a hair (1.5 pt, under 5 % of a score step) off
         * the next, so that shared stretches show as parallel strands. */
        double offset = ((double) r - (n_rows - 1) / 2.0) * 1.5;
        guint n = 0;

        if (row->emotion_lane_id == NULL || hi <= lo)
          continue;
        /* The row's own cells, in column order: the others have no score. */
        for (guint c = 0; c < row->n_cells; c++)
          {
            const WaymarkOverviewCell *cell = &row->cells[c];

            if (!cell->has_emotion)
              continue;
            xs[n] = column_x (builder, cell->column) + builder->column_width / 2;
            ys[n] = bottom - (double) (CLAMP (cell->score, lo, hi) - lo) / (hi - lo)
                               * (bottom - top) + offset;
            n++;
          }
        if (pass == 0)
          {
            g_autofree char *group_id = g_strdup_printf ("overview-curve-%s", row->persona_id);

            waymark_scene_builder_begin_group (&builder->draw, group_id, "emotion-curve");
            add_curve (builder, xs, ys, n, color, dash);
            waymark_scene_builder_end_group (&builder->draw);
          }
        else
          for (guint i = 0, c = 0; i < n; i++, c++)
            {
              g_autofree char *key = NULL;
              guint shared, rank;
              double dx = 0;

              while (!row->cells[c].has_emotion)
                c++;
              key = spot_key (row->cells[c].column, row->cells[c].score, lo, hi);
              shared = GPOINTER_TO_UINT (g_hash_table_lookup (sharing, key));
              rank = GPOINTER_TO_UINT (g_hash_table_lookup (placed, key));
              /* Side by side, a marker's width apart, centred on the phase. */
              if (shared > 1)
                dx = ((double) rank - (shared - 1) / 2.0) * 7.0;
              g_hash_table_insert (placed, g_steal_pointer (&key), GUINT_TO_POINTER (rank + 1));
              waymark_scene_builder_add_circle (&builder->draw, xs[i] + dx, ys[i], 3.2, color,
                                                WHITE, 1.2);
            }
      }

  y = bottom + 14;

  /* The legend: the same colour dots and names as the matrix rows. */
  {
    double x = left;

    for (guint r = 0; r < n_rows; r++)
      {
        const WaymarkOverviewRow *row = waymark_overview_get_row (overview, r);
        WaymarkColor color = waymark_overview_builder_row_color (builder, row, r);
        double dash = builder->palette == WAYMARK_PALETTE_GREYSCALE
                      ? greyscale_dashes[r % G_N_ELEMENTS (greyscale_dashes)] : 0;

        if (row->emotion_lane_id == NULL)
          continue;
        text = measure (builder, WAYMARK_TEXT_EMOTION_LABEL, row->name, 160, 1,
                        WAYMARK_TEXT_ALIGN_LEFT);
        if (x + 26 + text->width > builder->width - MARGIN && x > left)
          {
            x = left;
            y += text->height + 6;
          }
        add_line (builder, x, y + text->height / 2, x + 18, y + text->height / 2, color, 2.0, dash);
        waymark_scene_builder_add_circle (&builder->draw, x + 9, y + text->height / 2, 3, color,
                                          WHITE, 1);
        waymark_scene_builder_add_text (&builder->draw, text, x + 24, y, INK_SOFT);
        x += 24 + text->width + 16;
      }
    y += 12;
  }
  waymark_scene_builder_end_group (&builder->draw);
  return y;
}
