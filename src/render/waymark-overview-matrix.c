/* waymark-overview-matrix.c: the overview's matrix, its heat scale and its key
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "waymark-overview-scene-private.h"

/* Personas down, phases across: a cell's colour is the number of cards
 * of the first kind shown (barriers by default), and the cell also
 * counts the other kinds shown, or lists the cards' text. */

/* The page uses the maps' inks (waymark-scene-private.h), and this for
 * a cell without any card of the counted kind. */
#define EMPTY_CELL RGB (0xf3f5f7)

/* Ink on a heat cell. Not the maps' contrast rule (waymark-scene.c):
 * this one turns to white earlier, below luminance 0.36 rather than
 * about 0.22, and the overview's reviewed figures are drawn with it. */
WaymarkColor
waymark_overview_builder_text_on (Builder      *builder,
                                  WaymarkColor  fill)
{
  WaymarkColor filtered = filter (builder, fill);
  return waymark_color_luminance (&filtered) > 0.36 ? INK : WHITE;
}

/* The heat scale: no barrier is a neutral grey, and from there a tint
 * of the barrier colour that deepens in proportion to the count, the
 * most in any cell nearly the full colour. A sequential scale of one hue
 * reads as "more" in colour and in grey alike. */
WaymarkColor
waymark_overview_builder_heat_color (Builder *builder,
                                     guint    count)
{
  guint max = builder->heat_max;
  WaymarkColor base = kind_color (builder, builder->primary);
  double t;

  if (count == 0)
    return filter (builder, EMPTY_CELL);
  t = (double) MIN (count, MAX (max, 1)) / MAX (max, 1);
  /* Slightly convex, so that the cells with the most stand out from the
   * many with a few. */
  return filter (builder, waymark_color_tint (&base, 0.92 - 0.8 * pow (t, 1.4)));
}

void
waymark_overview_builder_add_hit (Builder                *builder,
                                  WaymarkOverviewHitKind  kind,
                                  const char             *persona_id,
                                  const char             *phase_id,
                                  const char             *card_id,
                                  const WaymarkRect      *rect)
{
  WaymarkOverviewHit hit = { kind, persona_id, phase_id, card_id, *rect };
  g_array_append_val (builder->hits, hit);
}

/* The maps' kind icons for marked kinds (barriers, levers). Other kinds
 * get a plain disc in their colour, as the reviewed overview figures do. */
void
waymark_overview_builder_add_kind_icon (Builder         *builder,
                                        WaymarkLaneKind  kind,
                                        double           x,
                                        double           y,
                                        double           s,
                                        WaymarkColor     color,
                                        WaymarkColor     inner)
{
  WaymarkRect square = { x, y, s, s };

  if (waymark_lane_style_get (kind)->card.marked)
    {
      waymark_scene_builder_add_kind_icon (&builder->draw, kind, &square, color, inner);
      return;
    }
  waymark_scene_builder_add_circle (&builder->draw, x + s / 2, y + s / 2, s * 0.42, color, NONE, 0);
}

static double
build_header_row (Builder *builder,
                  double   y)
{
  WaymarkOverview *overview = builder->overview;
  guint n_columns = waymark_overview_get_n_columns (overview);
  double width = builder->column_width - 2 * CELL_INSET - 6;
  double height = 0;
  g_autoptr (GPtrArray) numbers = g_ptr_array_new ();
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *number = g_strdup_printf ("%u", c + 1);
      WaymarkLayoutText *n = measure (builder, WAYMARK_TEXT_PHASE_NUMBER, number, width, 1,
                                      WAYMARK_TEXT_ALIGN_CENTER);
      WaymarkLayoutText *t = measure (builder, WAYMARK_TEXT_PHASE_NAME,
                                      waymark_overview_get_column_name (overview, c), width, 3,
                                      WAYMARK_TEXT_ALIGN_CENTER);

      g_ptr_array_add (numbers, n);
      g_ptr_array_add (names, t);
      height = MAX (height, n->height + 1 + t->height);
    }

  waymark_scene_builder_begin_group (&builder->draw, "overview-phases", "phases");
  for (guint c = 0; c < n_columns; c++)
    {
      WaymarkLayoutText *n = g_ptr_array_index (numbers, c);
      WaymarkLayoutText *t = g_ptr_array_index (names, c);
      double x = column_x (builder, c) + CELL_INSET + 3;
      /* Top-aligned: the numbers share one line whatever the length of
       * the names, and each name hangs beneath its number. Bottom-aligning
       * pushed the number of a three-line name above the others. */
      waymark_scene_builder_add_text (&builder->draw, n, x, y, INK_FAINT);
      waymark_scene_builder_add_text (&builder->draw, t, x, y + n->height + 1, INK);
    }
  waymark_scene_builder_end_group (&builder->draw);

  y += height + HEADER_GAP;
  add_line (builder, MARGIN, y, builder->width - MARGIN, y, INK_SOFT, 0.8, 0);
  return y + 3;
}

/* The persona column: a colour dot (the same colour as the curve below),
 * the name, and the persona's totals. */
static void
build_row_label (Builder                  *builder,
                 const WaymarkOverviewRow *row,
                 guint                     index,
                 double                    y,
                 double                    height)
{
  WaymarkColor color = waymark_overview_builder_row_color (builder, row, index);
  WaymarkLayoutText *name;
  WaymarkLayoutText *totals;
  g_autoptr (GString) line = g_string_new (NULL);
  double text_x = MARGIN + DOT + 8;
  double text_width = LABEL_WIDTH - DOT - 8 - 10;
  double block, top;

  for (guint i = 0; i < builder->n_kinds; i++)
    {
      g_autofree char *label =
        g_utf8_strdown (waymark_overview_builder_kind_name (builder, builder->kinds[i]), -1);
      g_string_append_printf (line, "%s%s %u", i > 0 ? " · " : "", label,
                              row->totals[builder->kinds[i]]);
      if (builder->options->mode == WAYMARK_OVERVIEW_SHOW_COVERAGE)
        g_string_append_printf (line, T_ (builder->language, N_(", %u without a recommendation")),
                                row->uncovered_totals[builder->kinds[i]]);
    }

  name = measure (builder, WAYMARK_TEXT_LANE_NAME, row->name, text_width, 2,
                  WAYMARK_TEXT_ALIGN_LEFT);
  totals = measure (builder, WAYMARK_TEXT_SCALE, line->str, text_width, 1,
                    WAYMARK_TEXT_ALIGN_LEFT);
  block = name->height + 2 + totals->height;
  top = y + MAX ((height - block) / 2, 4);

  waymark_scene_builder_add_circle (&builder->draw, MARGIN + DOT / 2,
                                    top + MIN (name->height, 12) / 2, DOT / 2, color, NONE, 0);
  waymark_scene_builder_add_text (&builder->draw, name, text_x, top, INK);
  waymark_scene_builder_add_text (&builder->draw, totals, text_x, top + name->height + 2,
                                  INK_FAINT);

  {
    WaymarkRect rect = { MARGIN, y, LABEL_WIDTH, height };
    waymark_overview_builder_add_hit (builder, WAYMARK_OVERVIEW_HIT_PERSONA, row->persona_id,
                                      NULL, NULL, &rect);
  }
}

/* A number with its kind icon; returns the width used. */
static double
add_count (Builder          *builder,
           WaymarkLaneKind   kind,
           guint             count,
           gboolean          big,
           double            x,
           double            center_y,
           WaymarkColor      ink,
           WaymarkColor      icon_color,
           WaymarkColor      icon_inner,
           gboolean          measure_only)
{
  g_autofree char *number = g_strdup_printf ("%u", count);
  WaymarkLayoutText *text = measure (builder, big ? WAYMARK_TEXT_AVATAR : WAYMARK_TEXT_PHASE_NAME,
                                     number, 0, 1, WAYMARK_TEXT_ALIGN_LEFT);
  double icon = big ? ICON : SMALL_ICON;

  if (!measure_only)
    {
      /* Zeros recede, so that the counts that matter stand out: the icon
       * fades, the number takes the caller's faint ink, which still reads
       * at 4.5:1. */
      if (count == 0)
        icon_color = filter (builder, RGB (0xc3cad1));
      waymark_overview_builder_add_kind_icon (builder, kind, x, center_y - icon / 2, icon,
                                              icon_color, icon_inner);
      waymark_scene_builder_add_text (&builder->draw, text, x + icon + 3,
                                      center_y - text->height / 2, ink);
    }
  return icon + 3 + text->width;
}

/* The first of a cell's cards, which a click on the cell selects. */
static const char *
first_card_id (const WaymarkOverviewCell *cell)
{
  if (cell->cards->len == 0)
    return NULL;
  return ((WaymarkOverviewCard *) g_ptr_array_index (cell->cards, 0))->card_id;
}

static void
build_count_cell (Builder                   *builder,
                  const WaymarkOverviewRow  *row,
                  const WaymarkOverviewCell *cell,
                  const WaymarkRect         *rect)
{
  guint primary_count = cell->counts[builder->primary];
  WaymarkColor fill = waymark_overview_builder_heat_color (builder, primary_count);
  WaymarkColor ink = waymark_overview_builder_text_on (builder, fill);
  gboolean dark = ink.red > 0.5;
  double center_y = rect->y + rect->height / 2;
  double right = rect->x + rect->width - 7;

  waymark_scene_builder_add_box (&builder->draw, rect, 4, fill, NONE, 0);

  /* The primary count, large, on the left. On the deepest heat the icons
   * turn white with their marks cut out in the cell's colour. */
  add_count (builder, builder->primary, primary_count, TRUE, rect->x + 8, center_y,
             primary_count == 0 ? INK_FAINT : ink,
             dark ? WHITE : kind_color (builder, builder->primary), dark ? fill : WHITE, FALSE);

  /* The other kinds, small, stacked on the right. */
  if (builder->n_kinds > 1)
    {
      guint n = builder->n_kinds - 1;
      double step = MIN (13.0, (rect->height - 8) / n);
      double y0 = center_y - step * (n - 1) / 2;

      for (guint i = 1; i < builder->n_kinds; i++)
        {
          WaymarkLaneKind kind = builder->kinds[i];
          guint count = cell->counts[kind];
          double w = add_count (builder, kind, count, FALSE, 0, 0, INK, INK, INK, TRUE);
          WaymarkColor color = dark ? WHITE : kind_color (builder, kind);
          WaymarkColor number_ink = count == 0 ? (dark ? WHITE : INK_FAINT) : (dark ? WHITE : INK);

          add_count (builder, kind, count, FALSE, right - w, y0 + (i - 1) * step, number_ink, color,
                     dark ? fill : WHITE, FALSE);
        }
    }

  waymark_overview_builder_add_hit (builder, WAYMARK_OVERVIEW_HIT_CELL, row->persona_id,
                                    cell->phase_id, first_card_id (cell), rect);
}

/* Phases @first to @last of a row that the persona does not have: a cell
 * outlined, with a dash, quietly; a run of them, one outline. */
static void
add_absent (Builder *builder,
            guint    first,
            guint    last,
            double   y,
            double   height)
{
  WaymarkLayoutText *dash = measure (builder, WAYMARK_TEXT_PHASE_NAME, "—", 0, 1,
                                     WAYMARK_TEXT_ALIGN_LEFT);
  WaymarkRect rect = { column_x (builder, first) + CELL_INSET, y + CELL_INSET,
                       (last - first + 1) * builder->column_width - 2 * CELL_INSET,
                       height - 2 * CELL_INSET };

  waymark_scene_builder_add_box (&builder->draw, &rect, 4, NONE, RULE, 0.8);
  waymark_scene_builder_add_text (&builder->draw, dash, rect.x + (rect.width - dash->width) / 2,
                                  rect.y + (rect.height - dash->height) / 2, INK_FAINT);
}

double
waymark_overview_builder_list_cards (Builder                   *builder,
                                     const WaymarkOverviewRow  *row,
                                     const WaymarkOverviewCell *cell,
                                     double                     x,
                                     double                     top,
                                     gboolean                   uncovered_only,
                                     gboolean                   draw)
{
  double text_x = x + 6 + SMALL_ICON + 4;
  double text_width = builder->column_width - 2 * CELL_INSET - 6 - SMALL_ICON - 4 - 6;

  for (guint k = 0; k < builder->n_kinds; k++)
    for (guint i = 0; i < cell->cards->len; i++)
      {
        WaymarkOverviewCard *card = g_ptr_array_index (cell->cards, i);
        WaymarkLayoutText *text;
        guint n_tags;

        if (card->kind != builder->kinds[k] || (uncovered_only && card->n_recommendations > 0))
          continue;
        n_tags = MIN (g_strv_length (card->tag_ids), 4);
        text = measure (builder, WAYMARK_TEXT_EVIDENCE,
                        card->text[0] != '\0' ? card->text : "…",
                        text_width - (n_tags > 0 ? n_tags * 6 + 2 : 0), 4,
                        WAYMARK_TEXT_ALIGN_LEFT);
        if (draw)
          {
            WaymarkColor icon = filter (builder, kind_color (builder, card->kind));
            WaymarkRect hit = { x + 2, top - 2, builder->column_width - 2 * CELL_INSET - 4,
                                text->height + 4 };

            if (waymark_overview_builder_is_highlighted (builder, card->card_id))
              waymark_overview_builder_add_highlight (builder, &hit);
            waymark_overview_builder_add_kind_icon (builder, card->kind, x + 6, top + 1,
                                                    SMALL_ICON, icon, WHITE);
            waymark_scene_builder_add_text (&builder->draw, text, text_x, top,
                                            card->continued ? INK_SOFT : INK);
            /* Tags as small dots in their colours at the end of the first
             * line, like markers in a margin (the key is below). */
            for (guint t = 0; t < n_tags; t++)
              {
                const WaymarkTag *tag = waymark_overview_find_tag (builder->overview,
                                                                   card->tag_ids[t]);
                double dot_y = top + (text->n_lines > 0 ? text->lines[0].baseline - 2.5 : 4);
                WaymarkColor color;

                if (tag == NULL || !waymark_color_parse (tag->color, &color))
                  continue;
                waymark_scene_builder_add_circle (&builder->draw, text_x + text_width - 2.5 - t * 6,
                                                  dot_y, 2.3, filter (builder, color), NONE, 0);
              }
            waymark_overview_builder_add_hit (builder, WAYMARK_OVERVIEW_HIT_CARD, row->persona_id,
                                              cell->phase_id, card->card_id, &hit);
          }
        top += text->height + 5;
      }
  return top;
}

/* Lays out the cards of a text cell; with @draw FALSE only measures. */
static double
text_cell (Builder                   *builder,
           const WaymarkOverviewRow  *row,
           const WaymarkOverviewCell *cell,
           double                     x,
           double                     y,
           gboolean                   draw)
{
  return waymark_overview_builder_list_cards (builder, row, cell, x, y + 6, FALSE, draw) - y + 1;
}

static gboolean
cell_is_highlighted (Builder                   *builder,
                     const WaymarkOverviewCell *cell)
{
  for (guint i = 0; i < cell->cards->len; i++)
    if (waymark_overview_builder_is_highlighted (
          builder, ((WaymarkOverviewCard *) g_ptr_array_index (cell->cards, i))->card_id))
      return TRUE;
  return FALSE;
}

gboolean
waymark_overview_builder_is_highlighted (Builder    *builder,
                                         const char *card_id)
{
  return builder->highlight != NULL && card_id != NULL
         && g_hash_table_contains (builder->highlight, card_id);
}

void
waymark_overview_builder_add_highlight (Builder           *builder,
                                        const WaymarkRect *rect)
{
  /* In the figure's palette, which the drawing builder leaves to us. */
  WaymarkSceneBuilder draw = builder->draw;

  draw.palette = builder->palette;
  waymark_scene_builder_add_highlight (&draw, rect, 4);
}

double
waymark_overview_builder_add_matrix (Builder *builder,
                                     double   y)
{
  WaymarkOverview *overview = builder->overview;
  guint n_rows = waymark_overview_get_n_rows (overview);
  guint n_columns = waymark_overview_get_n_columns (overview);
  gboolean text_mode = builder->options->mode == WAYMARK_OVERVIEW_SHOW_TEXT;
  gboolean coverage = builder->options->mode == WAYMARK_OVERVIEW_SHOW_COVERAGE;

  y = build_header_row (builder, y);
  waymark_scene_builder_begin_group (&builder->draw, "overview-matrix", "overview-matrix");
  for (guint r = 0; r < n_rows; r++)
    {
      const WaymarkOverviewRow *row = waymark_overview_get_row (overview, r);
      g_autofree char *group_id = g_strdup_printf ("overview-%s", row->persona_id);
      double height = COUNT_ROW;

      for (guint c = 0; c < row->n_cells && (text_mode || coverage); c++)
        {
          WaymarkRect origin = { 0, 0, builder->column_width - 2 * CELL_INSET, 0 };
          double needed = text_mode ? text_cell (builder, row, &row->cells[c], 0, 0, FALSE)
                                    : waymark_overview_builder_coverage_cell (
                                        builder, row, &row->cells[c], &origin, FALSE);

          height = MAX (height, needed + 2 * CELL_INSET);
        }

      waymark_scene_builder_begin_group (&builder->draw, group_id, "persona");
      if (r % 2 == 1)
        {
          /* Banding, so the eye can follow a row across the page. */
          WaymarkRect band = { MARGIN - 4, y, builder->width - 2 * MARGIN + 8, height };
          waymark_scene_builder_add_box (&builder->draw, &band, 3, filter (builder, RGB (0xf8f9fa)),
                                         NONE, 0);
        }
      build_row_label (builder, row, r, y, height);

      /* The row's own cells, in column order, and between them the runs
       * of phases the persona does not have. A run is one quiet box:
       * drawing a box for each of its cells made the page grow with the
       * square of the map when personas name their phases differently
       * (a column per distinct name, nearly all of them empty in a row). */
      for (guint c = 0, next = 0; c <= row->n_cells; c++)
        {
          guint column = c < row->n_cells ? row->cells[c].column : n_columns;
          const WaymarkOverviewCell *cell;
          WaymarkRect rect;

          if (column > next)
            add_absent (builder, next, column - 1, y, height);
          if (c == row->n_cells)
            break;
          next = column + 1;
          cell = &row->cells[c];
          rect = (WaymarkRect) { column_x (builder, column) + CELL_INSET, y + CELL_INSET,
                                 builder->column_width - 2 * CELL_INSET,
                                 height - 2 * CELL_INSET };
          if (text_mode)
            {
              guint count = cell->counts[builder->primary];
              WaymarkColor fill = waymark_overview_builder_heat_color (builder, count);

              /* Text needs a calm ground: a light version of the heat. */
              fill = waymark_color_tint (&fill, 0.55);
              waymark_scene_builder_add_box (&builder->draw, &rect, 4, fill, NONE, 0);
              waymark_overview_builder_add_hit (builder, WAYMARK_OVERVIEW_HIT_CELL,
                                                row->persona_id, cell->phase_id,
                                                first_card_id (cell), &rect);
              text_cell (builder, row, cell, rect.x, rect.y, TRUE);
              continue;
            }
          if (coverage)
            waymark_overview_builder_coverage_cell (builder, row, cell, &rect, TRUE);
          else
            build_count_cell (builder, row, cell, &rect);
          /* A cell with a highlighted card glows as a whole; the text mode
           * makes the card itself glow. */
          if (cell_is_highlighted (builder, cell))
            waymark_overview_builder_add_highlight (builder, &rect);
        }
      waymark_scene_builder_end_group (&builder->draw);
      y += height;
    }

  /* Totals per phase: where the whole study struggles. */
  if (n_rows > 1 && n_columns > 0)
    {
      WaymarkLayoutText *label = measure (builder, WAYMARK_TEXT_LANE_NAME,
                                          T_ (builder->language, N_("All personas")),
                                          LABEL_WIDTH - DOT - 18, 1, WAYMARK_TEXT_ALIGN_LEFT);
      double height = 30;

      waymark_scene_builder_begin_group (&builder->draw, "overview-totals", "totals");
      add_line (builder, MARGIN, y + 2, builder->width - MARGIN, y + 2, INK_SOFT, 0.8, 0);
      y += 4;
      waymark_scene_builder_add_text (&builder->draw, label, MARGIN + DOT + 8,
                                      y + (height - label->height) / 2, INK);
      for (guint c = 0; c < n_columns; c++)
        {
          double x = column_x (builder, c) + CELL_INSET + 8;
          double right = column_x (builder, c) + builder->column_width - CELL_INSET - 7;
          /* In coverage, what the cells count: the open barriers. */
          const guint *sums = coverage ? waymark_overview_get_column_uncovered (overview, c)
                                       : waymark_overview_get_column_counts (overview, c);

          add_count (builder, builder->primary, sums[builder->primary], FALSE, x, y + height / 2,
                     sums[builder->primary] == 0 ? INK_FAINT : INK, kind_color (builder, builder->primary), WHITE, FALSE);
          for (guint i = 1; i < builder->n_kinds && i < 2; i++)
            {
              WaymarkLaneKind kind = builder->kinds[i];
              double w = add_count (builder, kind, sums[kind], FALSE, 0, 0, INK, INK, INK, TRUE);
              add_count (builder, kind, sums[kind], FALSE, right - w, y + height / 2,
                         sums[kind] == 0 ? INK_FAINT : INK_SOFT,
                         kind_color (builder, kind), WHITE, FALSE);
            }
        }
      waymark_scene_builder_end_group (&builder->draw);
      y += height;
    }
  waymark_scene_builder_end_group (&builder->draw);
  return y;
}

/* The key: what the cell colours and icons mean. */
double
waymark_overview_builder_add_key (Builder *builder,
                                  double   y)
{
  guint max = builder->heat_max;
  g_autofree char *kind_label =
    g_utf8_strdown (waymark_overview_builder_kind_name (builder, builder->primary), -1);
  gboolean coverage = builder->options->mode == WAYMARK_OVERVIEW_SHOW_COVERAGE;
  g_autofree char *caption = NULL;
  g_autofree char *capitalised = NULL;
  WaymarkLayoutText *text;
  double x = builder->grid_x + CELL_INSET;
  double swatch = 16;
  guint steps[8];
  guint n_steps = 0;

  if (coverage)
    /* TRANSLATORS: the heat scale's caption in the overview's coverage
     * mode, e.g. "barriers without a recommendation, per persona and phase" */
    caption = g_strdup_printf (T_ (builder->language,
                                   N_("%s without a recommendation, per persona and phase")),
                               kind_label);
  else
    /* TRANSLATORS: the heat scale's caption, e.g. "barriers per persona and phase" */
    caption = g_strdup_printf (T_ (builder->language, N_("%s per persona and phase")),
                               kind_label);
  capitalised = g_strconcat ((char[]) { g_ascii_toupper (caption[0]), '\0' }, caption + 1, NULL);
  y += 10;
  waymark_scene_builder_begin_group (&builder->draw, "overview-key", "legend");

  /* Kind icons first. */
  for (guint i = 0; i < builder->n_kinds; i++)
    {
      WaymarkLaneKind kind = builder->kinds[i];

      text = measure (builder, WAYMARK_TEXT_SCALE,
                      waymark_overview_builder_kind_name (builder, kind), 0, 1,
                      WAYMARK_TEXT_ALIGN_LEFT);
      waymark_overview_builder_add_kind_icon (builder, kind, x, y + 1, SMALL_ICON,
                     filter (builder, kind_color (builder, kind)), WHITE);
      waymark_scene_builder_add_text (&builder->draw, text, x + SMALL_ICON + 3,
                                      y + 1 + SMALL_ICON / 2 - text->height / 2, INK_SOFT);
      x += SMALL_ICON + 3 + text->width + 14;
    }

  /* Then the heat scale: every count up to 6, or six steps. */
  if (max <= 6)
    for (guint i = 0; i <= max; i++)
      steps[n_steps++] = i;
  else
    for (guint i = 0; i < 6; i++)
      steps[n_steps++] = (guint) lround ((double) i * max / 5);
  if (max == 0)
    steps[n_steps++] = 1;

  x += 10;
  text = measure (builder, WAYMARK_TEXT_SCALE, capitalised, 0, 1, WAYMARK_TEXT_ALIGN_LEFT);
  waymark_scene_builder_add_text (&builder->draw, text, x,
                                  y + 1 + SMALL_ICON / 2 - text->height / 2, INK_SOFT);
  x += text->width + 6;
  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", steps[i]);
      WaymarkRect rect = { x, y, swatch, swatch * 0.62 };
      WaymarkColor fill = waymark_overview_builder_heat_color (builder, steps[i]);

      waymark_scene_builder_add_box (&builder->draw, &rect, 2, fill, NONE, 0);
      text = measure (builder, WAYMARK_TEXT_SCALE, number, swatch, 1, WAYMARK_TEXT_ALIGN_CENTER);
      waymark_scene_builder_add_text (&builder->draw, text, x, y + rect.height + 1, INK_FAINT);
      x += swatch + 1.5;
    }

  if (coverage)
    x = waymark_overview_builder_add_coverage_key (builder, x + 18, y);

  /* Tag colours, when cards show them. */
  if (builder->options->mode != WAYMARK_OVERVIEW_SHOW_COUNTS)
    {
      GPtrArray *tags = waymark_overview_get_used_tags (builder->overview);

      x += 18;
      for (guint i = 0; i < tags->len; i++)
        {
          WaymarkTag *tag = g_ptr_array_index (tags, i);
          WaymarkColor color;

          if (!waymark_color_parse (tag->color, &color))
            continue;
          text = measure (builder, WAYMARK_TEXT_SCALE, tag->name, 0, 1, WAYMARK_TEXT_ALIGN_LEFT);
          if (x + 8 + text->width > builder->width - MARGIN)
            break;
          waymark_scene_builder_add_circle (&builder->draw, x + 2.5, y + 1 + SMALL_ICON / 2, 2.5,
                                            filter (builder, color), NONE, 0);
          waymark_scene_builder_add_text (&builder->draw, text, x + 8,
                                          y + 1 + SMALL_ICON / 2 - text->height / 2, INK_SOFT);
          x += 8 + text->width + 12;
        }
    }
  waymark_scene_builder_end_group (&builder->draw);
  return y + swatch * 0.62 + 12;
}
