/* waymark-overview-scene.c: the overview page as a scene (matrix, heat scale, emotion chart)
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "waymark-cairo-backend.h"
#include "waymark-catalog.h"
#include "waymark-lane-style-private.h"
#include "waymark-overview-scene.h"
#include "waymark-scene-private.h"

/* The page reads top to bottom like a figure in a report: a title that
 * says what is shown, the matrix (personas down, phases across) whose
 * cell colour is the number of barriers, a totals row, the key, and
 * under the matrix the emotion curves on the same phase axis, so that a
 * dip in a curve sits right under the hot cells that explain it. */

#define MARGIN          28.0
#define LABEL_WIDTH     190.0   /* the persona column */
#define COUNT_COLUMN    98.0
#define TEXT_COLUMN     158.0
#define CELL_INSET      2.0
#define COUNT_ROW       44.0
#define HEADER_GAP      6.0
#define SECTION_GAP     22.0
#define CHART_HEIGHT    150.0
#define DOT             9.0
#define ICON            10.0
#define SMALL_ICON      7.5

/* The page uses the maps' inks (waymark-scene-private.h), and this for
 * a cell without any card of the counted kind. */
#define EMPTY_CELL RGB (0xf3f5f7)

/* Persona colours when a persona has none: Okabe–Ito, which stays apart
 * for colour-blind readers. */
static const guint32 fallback_colors[] = {
  0x0072b2, 0xe69f00, 0x009e73, 0xcc79a7, 0xd55e00, 0x56b4e9, 0x000000,
};

/* In greyscale the curves differ by dash rather than hue. */
static const double greyscale_dashes[] = { 0, 6, 2.5, 10, 4 };

/* The figure's own words (headings, legends) are in the document's
 * language, like the words it shows; see waymark-catalog.h. */
#define T_(language, msgid) waymark_catalog_gettext (language, msgid)

struct _WaymarkOverviewFigure {
  gatomicrefcount  ref_count;
  WaymarkOverview *overview;   /* the hits' strings belong to it */
  WaymarkLayout   *page;
  WaymarkScene    *scene;
  GArray          *hits;       /* WaymarkOverviewHit, topmost last */
};

typedef struct {
  WaymarkOverviewFigure             *figure;
  WaymarkOverview                   *overview;
  const char                        *language;   /* the document's */
  WaymarkLayout                     *page;
  /* Draws into the figure's scene. Its palette is the standard one, which
   * passes colours through: the page filters the colours it means to
   * through @palette itself, and keeps its inks as they are. */
  WaymarkSceneBuilder                draw;
  const WaymarkOverviewSceneOptions *options;
  WaymarkPalette                     palette;
  double                             column_width;
  double                             grid_x;     /* left edge of the first phase column */
  double                             width;
  WaymarkLaneKind                    primary;    /* the kind the heat scale counts */
  WaymarkLaneKind                    kinds[WAYMARK_N_LANE_KINDS];  /* shown, primary first */
  guint                              n_kinds;
} Builder;

void
waymark_overview_scene_options_init (WaymarkOverviewSceneOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->mode = WAYMARK_OVERVIEW_SHOW_COUNTS;
  options->palette = WAYMARK_PALETTE_STANDARD;
  options->show_emotions = TRUE;
}

static WaymarkColor
filter (Builder      *builder,
        WaymarkColor  color)
{
  return waymark_palette_filter (builder->palette, &color);
}

static WaymarkColor
kind_color (Builder         *builder,
            WaymarkLaneKind  kind)
{
  return waymark_palette_lane_color (builder->palette, kind);
}

/* Ink on a heat cell. Not the maps' contrast rule (waymark-scene.c):
 * this one turns to white earlier, below luminance 0.36 rather than
 * about 0.22, and the overview's reviewed figures are drawn with it. */
static WaymarkColor
text_on (Builder      *builder,
         WaymarkColor  fill)
{
  WaymarkColor filtered = filter (builder, fill);
  return waymark_color_luminance (&filtered) > 0.36 ? INK : WHITE;
}

static WaymarkColor
row_color (Builder                  *builder,
           const WaymarkOverviewRow *row,
           guint                     index)
{
  WaymarkColor color;

  if (row->color[0] == '\0' || !waymark_color_parse (row->color, &color))
    {
      guint32 hex = fallback_colors[index % G_N_ELEMENTS (fallback_colors)];
      color = RGB (hex);
    }
  return filter (builder, color);
}

/* The heat scale: no barrier is a neutral grey, and from there a tint
 * of the barrier colour that deepens in proportion to the count, the
 * most in any cell nearly the full colour. A sequential scale of one hue
 * reads as "more" in colour and in grey alike. */
static WaymarkColor
heat_color (Builder *builder,
            guint    count)
{
  guint max = waymark_overview_get_max_count (builder->overview, builder->primary);
  WaymarkColor base = kind_color (builder, builder->primary);
  double t;

  if (count == 0)
    return filter (builder, EMPTY_CELL);
  t = (double) MIN (count, MAX (max, 1)) / MAX (max, 1);
  /* Slightly convex, so that the cells with the most stand out from the
   * many with a few. */
  return filter (builder, waymark_color_tint (&base, 0.92 - 0.8 * pow (t, 1.4)));
}

static WaymarkLayoutText *
measure (Builder          *builder,
         WaymarkTextStyle  style,
         const char       *text,
         double            width,
         int               max_lines,
         WaymarkTextAlign  align)
{
  return waymark_layout_measure (builder->page, style, text, width, max_lines, align);
}

static void
add_hit (Builder                *builder,
         WaymarkOverviewHitKind  kind,
         const char             *persona_id,
         const char             *phase_id,
         const char             *card_id,
         const WaymarkRect      *rect)
{
  WaymarkOverviewHit hit = { kind, persona_id, phase_id, card_id, *rect };
  g_array_append_val (builder->figure->hits, hit);
}

static void
add_line (Builder      *builder,
          double        x0,
          double        y0,
          double        x1,
          double        y1,
          WaymarkColor  color,
          double        width,
          double        dash)
{
  WaymarkScenePath path;

  waymark_scene_path_init (&path);
  waymark_scene_path_move_to (&path, x0, y0);
  waymark_scene_path_line_to (&path, x1, y1);
  waymark_scene_builder_add_path (&builder->draw, &path, NONE, color, width, dash);
}

/* The maps' kind icons for marked kinds (barriers, levers). Other kinds
 * get a plain disc in their colour, as the reviewed overview figures do. */
static void
add_kind_icon (Builder         *builder,
               WaymarkLaneKind  kind,
               double           x,
               double           y,
               double           s,
               WaymarkColor     color,
               WaymarkColor     inner)
{
  WaymarkRect square = { x, y, s, s };
  WaymarkScenePath path;

  if (waymark_lane_style_get (kind)->card.marked)
    {
      waymark_scene_builder_add_kind_icon (&builder->draw, kind, &square, color, inner);
      return;
    }
  waymark_scene_path_init (&path);
  waymark_scene_path_circle (&path, x + s / 2, y + s / 2, s * 0.42);
  waymark_scene_builder_add_path (&builder->draw, &path, color, NONE, 0, 0);
}

/* The title block: what the figure shows, and of what. */
static double
build_title (Builder *builder,
             double   y)
{
  WaymarkOverview *overview = builder->overview;
  g_autoptr (GString) subtitle = g_string_new (NULL);
  g_autofree char *heading = NULL;
  WaymarkLayoutText *text;
  double width = builder->width - 2 * MARGIN;
  guint shown = 0;

  for (guint i = 0; i < builder->n_kinds; i++)
    shown |= WAYMARK_OVERVIEW_KIND (builder->kinds[i]);
  /* The default selection reads as a sentence of its own. */
  if (shown == WAYMARK_OVERVIEW_DEFAULT_KINDS)
    heading = g_strdup (T_ (builder->language, N_("Barriers and levers across personas")));
  else
    {
      g_autoptr (GString) kinds = g_string_new (NULL);

      for (guint i = 0; i < builder->n_kinds; i++)
        {
          if (i > 0)
            g_string_append (kinds, i + 1 == builder->n_kinds ? T_ (builder->language, N_(" and "))
                                                              : ", ");
          g_string_append (kinds,
                           waymark_lane_kind_get_label_in (builder->kinds[i], builder->language));
        }
      /* TRANSLATORS: %s is a list of lane kinds, "Barriers, Thoughts and Levers" */
      heading = g_strdup_printf (T_ (builder->language, N_("%s across personas")), kinds->str);
    }

  waymark_scene_builder_begin_group (&builder->draw, "overview-title", "title");
  text = measure (builder, WAYMARK_TEXT_PERSONA_NAME, heading, width, 2, WAYMARK_TEXT_ALIGN_LEFT);
  waymark_scene_builder_add_text (&builder->draw, text, MARGIN, y, INK);
  y += text->height + 3;

  if (waymark_overview_get_title (overview)[0] != '\0')
    g_string_append (subtitle, waymark_overview_get_title (overview));
  {
    guint n_rows = waymark_overview_get_n_rows (overview);
    guint n_columns = waymark_overview_get_n_columns (overview);

    if (subtitle->len > 0)
      g_string_append (subtitle, "  ·  ");
    g_string_append_printf (subtitle, waymark_catalog_ngettext (builder->language, "%u persona",
                                                                "%u personas", n_rows), n_rows);
    g_string_append (subtitle, "  ·  ");
    g_string_append_printf (subtitle, waymark_catalog_ngettext (builder->language, "%u phase",
                                                                "%u phases", n_columns), n_columns);
  }
  for (guint i = 0; i < builder->n_kinds; i++)
    {
      g_autofree char *label =
        g_utf8_strdown (waymark_lane_kind_get_label_in (builder->kinds[i], builder->language), -1);

      /* "barriers 35" rather than "35 barriers": the kind labels have no
       * singular, and "1 barriers" would read wrong. */
      g_string_append_printf (subtitle, "  ·  %s %u", label,
                              waymark_overview_get_total (overview, builder->kinds[i]));
    }
  text = measure (builder, WAYMARK_TEXT_AMBITION, subtitle->str, width, 2, WAYMARK_TEXT_ALIGN_LEFT);
  waymark_scene_builder_add_text (&builder->draw, text, MARGIN, y, INK_SOFT);
  y += text->height;

  if (waymark_overview_is_filtered (overview))
    {
      /* Say what is left out: a filtered figure must not pass for the whole study. */
      g_autoptr (GString) names = g_string_new (NULL);
      GPtrArray *tags = waymark_overview_get_used_tags (overview);
      g_autofree char *note = NULL;

      for (guint i = 0; i < tags->len; i++)
        {
          WaymarkTag *tag = g_ptr_array_index (tags, i);
          g_string_append_printf (names, "%s“%s”", i > 0 ? ", " : "", tag->name);
        }
      note = g_strdup_printf (T_ (builder->language, N_("Only cards tagged %s")),
                              names->len > 0 ? names->str : "—");
      text = measure (builder, WAYMARK_TEXT_DESCRIPTION, note, width, 2, WAYMARK_TEXT_ALIGN_LEFT);
      y += 3;
      waymark_scene_builder_add_text (&builder->draw, text, MARGIN, y, INK_SOFT);
      y += text->height;
    }
  waymark_scene_builder_end_group (&builder->draw);
  return y;
}

static double
column_x (Builder *builder,
          guint    column)
{
  return builder->grid_x + column * builder->column_width;
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
  WaymarkColor color = row_color (builder, row, index);
  WaymarkLayoutText *name;
  WaymarkLayoutText *totals;
  g_autoptr (GString) line = g_string_new (NULL);
  double text_x = MARGIN + DOT + 8;
  double text_width = LABEL_WIDTH - DOT - 8 - 10;
  double block, top;
  WaymarkScenePath path;

  for (guint i = 0; i < builder->n_kinds; i++)
    {
      g_autofree char *label =
        g_utf8_strdown (waymark_lane_kind_get_label_in (builder->kinds[i], builder->language), -1);
      g_string_append_printf (line, "%s%s %u", i > 0 ? " · " : "", label,
                              row->totals[builder->kinds[i]]);
    }

  name = measure (builder, WAYMARK_TEXT_LANE_NAME, row->name, text_width, 2,
                  WAYMARK_TEXT_ALIGN_LEFT);
  totals = measure (builder, WAYMARK_TEXT_SCALE, line->str, text_width, 1,
                    WAYMARK_TEXT_ALIGN_LEFT);
  block = name->height + 2 + totals->height;
  top = y + MAX ((height - block) / 2, 4);

  waymark_scene_path_init (&path);
  waymark_scene_path_circle (&path, MARGIN + DOT / 2, top + MIN (name->height, 12) / 2, DOT / 2);
  waymark_scene_builder_add_path (&builder->draw, &path, color, NONE, 0, 0);
  waymark_scene_builder_add_text (&builder->draw, name, text_x, top, INK);
  waymark_scene_builder_add_text (&builder->draw, totals, text_x, top + name->height + 2,
                                  INK_FAINT);

  {
    WaymarkRect rect = { MARGIN, y, LABEL_WIDTH, height };
    add_hit (builder, WAYMARK_OVERVIEW_HIT_PERSONA, row->persona_id, NULL, NULL, &rect);
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
      /* Zeros recede, so that the counts that matter stand out. */
      if (count == 0)
        {
          icon_color = filter (builder, RGB (0xc3cad1));
          ink = filter (builder, RGB (0xa3acb6));
        }
      add_kind_icon (builder, kind, x, center_y - icon / 2, icon, icon_color, icon_inner);
      waymark_scene_builder_add_text (&builder->draw, text, x + icon + 3,
                                      center_y - text->height / 2, ink);
    }
  return icon + 3 + text->width;
}

static void
build_count_cell (Builder                   *builder,
                  const WaymarkOverviewRow  *row,
                  const WaymarkOverviewCell *cell,
                  const WaymarkRect         *rect)
{
  guint primary_count = cell->counts[builder->primary];
  WaymarkColor fill = heat_color (builder, primary_count);
  WaymarkColor ink = text_on (builder, fill);
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

  {
    const char *first = NULL;

    if (cell->cards->len > 0)
      first = ((WaymarkOverviewCard *) g_ptr_array_index (cell->cards, 0))->card_id;
    add_hit (builder, WAYMARK_OVERVIEW_HIT_CELL, row->persona_id, cell->phase_id, first, rect);
  }
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
  double text_x = x + 6 + SMALL_ICON + 4;
  double text_width = builder->column_width - 2 * CELL_INSET - 6 - SMALL_ICON - 4 - 6;
  double top = y + 6;

  for (guint k = 0; k < builder->n_kinds; k++)
    for (guint i = 0; i < cell->cards->len; i++)
      {
        WaymarkOverviewCard *card = g_ptr_array_index (cell->cards, i);
        WaymarkLayoutText *text;
        guint n_tags;

        if (card->kind != builder->kinds[k])
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

            add_kind_icon (builder, card->kind, x + 6, top + 1, SMALL_ICON, icon, WHITE);
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
                WaymarkScenePath path;

                if (tag == NULL || !waymark_color_parse (tag->color, &color))
                  continue;
                waymark_scene_path_init (&path);
                waymark_scene_path_circle (&path, text_x + text_width - 2.5 - t * 6, dot_y, 2.3);
                waymark_scene_builder_add_path (&builder->draw, &path, filter (builder, color),
                                                NONE, 0, 0);
              }
            add_hit (builder, WAYMARK_OVERVIEW_HIT_CARD, row->persona_id, cell->phase_id,
                     card->card_id, &hit);
          }
        top += text->height + 5;
      }
  return top - y + 1;
}

static double
build_matrix (Builder *builder,
              double   y)
{
  WaymarkOverview *overview = builder->overview;
  guint n_rows = waymark_overview_get_n_rows (overview);
  guint n_columns = waymark_overview_get_n_columns (overview);
  gboolean text_mode = builder->options->mode == WAYMARK_OVERVIEW_SHOW_TEXT;

  waymark_scene_builder_begin_group (&builder->draw, "overview-matrix", "overview-matrix");
  for (guint r = 0; r < n_rows; r++)
    {
      const WaymarkOverviewRow *row = waymark_overview_get_row (overview, r);
      g_autofree char *group_id = g_strdup_printf ("overview-%s", row->persona_id);
      double height = COUNT_ROW;

      if (text_mode)
        for (guint c = 0; c < n_columns; c++)
          height = MAX (height, text_cell (builder, row, &row->cells[c], 0, 0, FALSE)
                                  + 2 * CELL_INSET);

      waymark_scene_builder_begin_group (&builder->draw, group_id, "persona");
      if (r % 2 == 1)
        {
          /* Banding, so the eye can follow a row across the page. */
          WaymarkRect band = { MARGIN - 4, y, builder->width - 2 * MARGIN + 8, height };
          waymark_scene_builder_add_box (&builder->draw, &band, 3, filter (builder, RGB (0xf8f9fa)),
                                         NONE, 0);
        }
      build_row_label (builder, row, r, y, height);

      for (guint c = 0; c < n_columns; c++)
        {
          const WaymarkOverviewCell *cell = &row->cells[c];
          WaymarkRect rect = { column_x (builder, c) + CELL_INSET, y + CELL_INSET,
                               builder->column_width - 2 * CELL_INSET, height - 2 * CELL_INSET };

          if (!cell->present)
            {
              /* The persona has no such phase: say so, quietly. */
              WaymarkLayoutText *dash = measure (builder, WAYMARK_TEXT_PHASE_NAME, "—", 0, 1,
                                                 WAYMARK_TEXT_ALIGN_LEFT);
              waymark_scene_builder_add_box (&builder->draw, &rect, 4, NONE, RULE, 0.8);
              waymark_scene_builder_add_text (&builder->draw, dash,
                                              rect.x + (rect.width - dash->width) / 2,
                                              rect.y + (rect.height - dash->height) / 2, INK_FAINT);
              continue;
            }
          if (text_mode)
            {
              WaymarkColor fill = heat_color (builder, cell->counts[builder->primary]);

              /* Text needs a calm ground: a light version of the heat. */
              fill = waymark_color_tint (&fill, 0.55);
              waymark_scene_builder_add_box (&builder->draw, &rect, 4, fill, NONE, 0);
              add_hit (builder, WAYMARK_OVERVIEW_HIT_CELL, row->persona_id, cell->phase_id,
                       cell->cards->len > 0
                         ? ((WaymarkOverviewCard *) g_ptr_array_index (cell->cards, 0))->card_id
                         : NULL,
                       &rect);
              text_cell (builder, row, cell, rect.x, rect.y, TRUE);
            }
          else
            build_count_cell (builder, row, cell, &rect);
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
          guint sums[WAYMARK_N_LANE_KINDS] = { 0, };

          for (guint r = 0; r < n_rows; r++)
            for (guint k = 0; k < WAYMARK_N_LANE_KINDS; k++)
              sums[k] += waymark_overview_get_cell (overview, r, c)->counts[k];

          add_count (builder, builder->primary, sums[builder->primary], FALSE, x, y + height / 2,
                     INK, kind_color (builder, builder->primary), WHITE, FALSE);
          for (guint i = 1; i < builder->n_kinds && i < 2; i++)
            {
              WaymarkLaneKind kind = builder->kinds[i];
              double w = add_count (builder, kind, sums[kind], FALSE, 0, 0, INK, INK, INK, TRUE);
              add_count (builder, kind, sums[kind], FALSE, right - w, y + height / 2, INK_SOFT,
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
static double
build_key (Builder *builder,
           double   y)
{
  guint max = waymark_overview_get_max_count (builder->overview, builder->primary);
  g_autofree char *kind_label =
    g_utf8_strdown (waymark_lane_kind_get_label_in (builder->primary, builder->language), -1);
  g_autofree char *caption = NULL;
  g_autofree char *capitalised = NULL;
  WaymarkLayoutText *text;
  double x = builder->grid_x + CELL_INSET;
  double swatch = 16;
  guint steps[8];
  guint n_steps = 0;

  /* TRANSLATORS: the heat scale's caption, e.g. "barriers per persona and phase" */
  caption = g_strdup_printf (T_ (builder->language, N_("%s per persona and phase")), kind_label);
  capitalised = g_strconcat ((char[]) { g_ascii_toupper (caption[0]), '\0' }, caption + 1, NULL);
  y += 10;
  waymark_scene_builder_begin_group (&builder->draw, "overview-key", "legend");

  /* Kind icons first. */
  for (guint i = 0; i < builder->n_kinds; i++)
    {
      WaymarkLaneKind kind = builder->kinds[i];

      text = measure (builder, WAYMARK_TEXT_SCALE,
                      waymark_lane_kind_get_label_in (kind, builder->language), 0, 1,
                      WAYMARK_TEXT_ALIGN_LEFT);
      add_kind_icon (builder, kind, x, y + 1, SMALL_ICON,
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
      WaymarkColor fill = heat_color (builder, steps[i]);

      waymark_scene_builder_add_box (&builder->draw, &rect, 2, fill, NONE, 0);
      text = measure (builder, WAYMARK_TEXT_SCALE, number, swatch, 1, WAYMARK_TEXT_ALIGN_CENTER);
      waymark_scene_builder_add_text (&builder->draw, text, x, y + rect.height + 1, INK_FAINT);
      x += swatch + 1.5;
    }

  /* Tag colours, when cards show them. */
  if (builder->options->mode == WAYMARK_OVERVIEW_SHOW_TEXT)
    {
      GPtrArray *tags = waymark_overview_get_used_tags (builder->overview);

      x += 18;
      for (guint i = 0; i < tags->len; i++)
        {
          WaymarkTag *tag = g_ptr_array_index (tags, i);
          WaymarkColor color;
          WaymarkScenePath path;

          if (!waymark_color_parse (tag->color, &color))
            continue;
          text = measure (builder, WAYMARK_TEXT_SCALE, tag->name, 0, 1, WAYMARK_TEXT_ALIGN_LEFT);
          if (x + 8 + text->width > builder->width - MARGIN)
            break;
          waymark_scene_path_init (&path);
          waymark_scene_path_circle (&path, x + 2.5, y + 1 + SMALL_ICON / 2, 2.5);
          waymark_scene_builder_add_path (&builder->draw, &path, filter (builder, color), NONE, 0,
                                          0);
          waymark_scene_builder_add_text (&builder->draw, text, x + 8,
                                          y + 1 + SMALL_ICON / 2 - text->height / 2, INK_SOFT);
          x += 8 + text->width + 12;
        }
    }
  waymark_scene_builder_end_group (&builder->draw);
  return y + swatch * 0.62 + 12;
}

/* Fritsch–Carlson monotone cubic, as the maps draw their curves: it never
 * overshoots, so a curve does not suggest a score that nobody gave. */
static void
add_curve (Builder      *builder,
           const double *xs,
           const double *ys,
           guint         n,
           WaymarkColor  color,
           double        dash)
{
  g_autofree double *slope = NULL;
  g_autofree double *tangent = NULL;
  WaymarkScenePath path;

  if (n < 2)
    return;
  slope = g_new0 (double, n);
  tangent = g_new0 (double, n);
  for (guint i = 0; i + 1 < n; i++)
    slope[i] = (ys[i + 1] - ys[i]) / MAX (xs[i + 1] - xs[i], 1e-6);
  tangent[0] = slope[0];
  tangent[n - 1] = slope[n - 2];
  for (guint i = 1; i + 1 < n; i++)
    tangent[i] = slope[i - 1] * slope[i] <= 0 ? 0 : (slope[i - 1] + slope[i]) / 2;
  for (guint i = 0; i + 1 < n; i++)
    {
      double a, b, h;

      if (slope[i] == 0)
        {
          tangent[i] = tangent[i + 1] = 0;
          continue;
        }
      a = tangent[i] / slope[i];
      b = tangent[i + 1] / slope[i];
      h = a * a + b * b;
      if (h > 9)
        {
          tangent[i] = 3 / sqrt (h) * a * slope[i];
          tangent[i + 1] = 3 / sqrt (h) * b * slope[i];
        }
    }

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

static double
build_emotions (Builder *builder,
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

  /* The curves, then the markers on top of all curves. */
  for (int pass = 0; pass < 2; pass++)
    for (guint r = 0; r < n_rows; r++)
      {
        const WaymarkOverviewRow *row = waymark_overview_get_row (overview, r);
        WaymarkColor color = row_color (builder, row, r);
        g_autofree double *xs = g_new0 (double, MAX (n_columns, 1));
        g_autofree double *ys = g_new0 (double, MAX (n_columns, 1));
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
        for (guint c = 0; c < n_columns; c++)
          {
            if (!row->cells[c].has_emotion)
              continue;
            xs[n] = column_x (builder, c) + builder->column_width / 2;
            ys[n] = bottom - (double) (CLAMP (row->cells[c].score, lo, hi) - lo) / (hi - lo)
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
          for (guint i = 0; i < n; i++)
            {
              WaymarkScenePath path;

              waymark_scene_path_init (&path);
              waymark_scene_path_circle (&path, xs[i], ys[i], 3.2);
              waymark_scene_builder_add_path (&builder->draw, &path, color, WHITE, 1.2, 0);
            }
      }

  y = bottom + 14;

  /* The legend: the same colour dots and names as the matrix rows. */
  {
    double x = left;

    for (guint r = 0; r < n_rows; r++)
      {
        const WaymarkOverviewRow *row = waymark_overview_get_row (overview, r);
        WaymarkColor color = row_color (builder, row, r);
        double dash = builder->palette == WAYMARK_PALETTE_GREYSCALE
                      ? greyscale_dashes[r % G_N_ELEMENTS (greyscale_dashes)] : 0;
        WaymarkScenePath path;

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
        waymark_scene_path_init (&path);
        waymark_scene_path_circle (&path, x + 9, y + text->height / 2, 3);
        waymark_scene_builder_add_path (&builder->draw, &path, color, WHITE, 1, 0);
        waymark_scene_builder_add_text (&builder->draw, text, x + 24, y, INK_SOFT);
        x += 24 + text->width + 16;
      }
    y += 12;
  }
  waymark_scene_builder_end_group (&builder->draw);
  return y;
}

/* The maps' footer, placed on the page's layout. */
static double
build_footer (Builder *builder,
              double   y)
{
  y += 10;
  waymark_layout_place_footer (builder->page, NULL, y);
  waymark_scene_builder_add_footer (&builder->draw);
  return y + builder->page->footer_rect.height;
}

WaymarkOverviewFigure *
waymark_overview_figure_new (WaymarkOverview                   *overview,
                             const WaymarkOverviewSceneOptions *options)
{
  WaymarkOverviewFigure *self;
  WaymarkOverviewSceneOptions defaults;
  WaymarkRenderOptions render_options;
  Builder builder;
  guint kinds, n_columns;
  double y;

  g_return_val_if_fail (overview != NULL, NULL);

  if (options == NULL)
    {
      waymark_overview_scene_options_init (&defaults);
      options = &defaults;
    }

  self = g_new0 (WaymarkOverviewFigure, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->overview = waymark_overview_ref (overview);
  self->hits = g_array_new (FALSE, FALSE, sizeof (WaymarkOverviewHit));

  waymark_render_options_init (&render_options);
  render_options.palette = options->palette;
  render_options.page_number = options->page_number;
  render_options.n_pages = options->n_pages;
  self->page = waymark_layout_new_for_page (waymark_overview_get_title (overview),
                                            T_ (waymark_overview_get_language (overview),
                                                N_("Overview")),
                                            &render_options);
  self->scene = waymark_scene_new_composed (self->page);

  memset (&builder, 0, sizeof builder);
  builder.figure = self;
  builder.overview = overview;
  builder.language = waymark_overview_get_language (overview);
  builder.page = self->page;
  builder.draw = (WaymarkSceneBuilder) { self->scene, self->page, WAYMARK_PALETTE_STANDARD };
  builder.options = options;
  builder.palette = options->palette;

  /* In the overview's order: the first kind shown leads, and the heat
   * scale counts it. */
  kinds = waymark_overview_get_kinds (overview);
  {
    WaymarkLaneKind order[WAYMARK_N_LANE_KINDS];
    guint n_order = waymark_lane_kind_list_for_overview (order);

    for (guint i = 0; i < n_order; i++)
      if (kinds & WAYMARK_OVERVIEW_KIND (order[i]))
        builder.kinds[builder.n_kinds++] = order[i];
    if (builder.n_kinds == 0)
      builder.kinds[builder.n_kinds++] = order[0];
    builder.primary = builder.kinds[0];
  }

  n_columns = waymark_overview_get_n_columns (overview);
  builder.column_width = options->mode == WAYMARK_OVERVIEW_SHOW_TEXT ? TEXT_COLUMN : COUNT_COLUMN;
  builder.grid_x = MARGIN + LABEL_WIDTH;
  builder.width = MAX (builder.grid_x + n_columns * builder.column_width + MARGIN, 560);
  /* The footer spans the page: its width is known before its height. */
  self->page->width = builder.width;

  waymark_scene_builder_begin_group (&builder.draw, "overview", "overview");
  y = build_title (&builder, MARGIN);
  y += SECTION_GAP;
  if (waymark_overview_get_n_rows (overview) == 0 || n_columns == 0)
    {
      WaymarkLayoutText *text = measure (&builder, WAYMARK_TEXT_AMBITION,
                                         waymark_overview_get_n_rows (overview) == 0
                                           ? T_ (builder.language,
                                                 N_("The document has no personas yet."))
                                           : T_ (builder.language,
                                                 N_("The personas have no phases yet.")),
                                         builder.width - 2 * MARGIN, 2, WAYMARK_TEXT_ALIGN_LEFT);
      waymark_scene_builder_add_text (&builder.draw, text, MARGIN, y, INK_SOFT);
      y += text->height;
    }
  else
    {
      y = build_header_row (&builder, y);
      y = build_matrix (&builder, y);
      y = build_key (&builder, y);
      if (options->show_emotions && waymark_overview_has_emotions (overview))
        y = build_emotions (&builder, y);
    }
  if (options->show_footer)
    y = build_footer (&builder, y);
  waymark_scene_builder_end_group (&builder.draw);

  self->page->height = y + MARGIN;
  waymark_scene_compose_finish (self->scene);
  return self;
}

WaymarkOverviewFigure *
waymark_overview_figure_ref (WaymarkOverviewFigure *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
waymark_overview_figure_unref (WaymarkOverviewFigure *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  waymark_scene_unref (self->scene);
  waymark_layout_unref (self->page);
  waymark_overview_unref (self->overview);
  g_array_unref (self->hits);
  g_free (self);
}

WaymarkScene *
waymark_overview_figure_get_scene (WaymarkOverviewFigure *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->scene;
}

void
waymark_overview_figure_get_size (WaymarkOverviewFigure *self,
                                  double                *width,
                                  double                *height)
{
  g_return_if_fail (self != NULL);
  if (width != NULL)
    *width = self->page->width;
  if (height != NULL)
    *height = self->page->height;
}

const WaymarkOverviewHit *
waymark_overview_figure_get_hits (WaymarkOverviewFigure *self,
                                  guint                 *n_hits)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_hits != NULL, NULL);

  *n_hits = self->hits->len;
  return (const WaymarkOverviewHit *) (const void *) self->hits->data;
}

gboolean
waymark_overview_figure_hit_test (WaymarkOverviewFigure *self,
                                  double                 x,
                                  double                 y,
                                  WaymarkOverviewHit    *hit)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  /* Cards are recorded after their cell: search from the end. */
  for (guint i = self->hits->len; i > 0; i--)
    {
      const WaymarkOverviewHit *candidate = &g_array_index (self->hits, WaymarkOverviewHit, i - 1);

      if (waymark_rect_contains_point (&candidate->rect, x, y))
        {
          *hit = *candidate;
          return TRUE;
        }
    }
  memset (hit, 0, sizeof *hit);
  hit->kind = WAYMARK_OVERVIEW_HIT_NONE;
  return FALSE;
}

void
waymark_overview_draw_page (WaymarkDocument *document,
                            WaymarkPalette   palette,
                            cairo_t         *cr,
                            double           page_width,
                            double           page_height,
                            int              page_number,
                            int              n_pages)
{
  g_autoptr (WaymarkOverview) overview = NULL;
  g_autoptr (WaymarkOverviewFigure) figure = NULL;
  WaymarkOverviewSceneOptions options;
  double width, height, scale;

  g_return_if_fail (WAYMARK_IS_DOCUMENT (document));
  g_return_if_fail (cr != NULL);

  waymark_overview_scene_options_init (&options);
  options.palette = palette;
  options.show_footer = TRUE;
  options.page_number = page_number;
  options.n_pages = n_pages;
  overview = waymark_overview_new (document, NULL);
  figure = waymark_overview_figure_new (overview, &options);
  waymark_overview_figure_get_size (figure, &width, &height);
  scale = MIN (page_width / width, page_height / height);

  cairo_save (cr);
  cairo_translate (cr, (page_width - width * scale) / 2, (page_height - height * scale) / 2);
  cairo_scale (cr, scale, scale);
  waymark_cairo_backend_draw (figure->scene, cr, NULL);
  cairo_restore (cr);
}
