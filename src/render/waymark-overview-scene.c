/* waymark-overview-scene.c: the overview page as a scene
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "waymark-overview-scene-private.h"

/* The page reads top to bottom like a figure in a report: a title that
 * says what is shown, the matrix (personas down, phases across) whose
 * cell colour is the number of barriers, a totals row, the key, and
 * under the matrix the emotion curves on the same phase axis, so that a
 * dip in a curve sits right under the hot cells that explain it. */

/* Persona colours when a persona has none: Okabe–Ito, which stays apart
 * for colour-blind readers. */
static const guint32 fallback_colors[] = {
  0x0072b2, 0xe69f00, 0x009e73, 0xcc79a7, 0xd55e00, 0x56b4e9, 0x000000,
};

struct _WaymarkOverviewFigure {
  gatomicrefcount  ref_count;
  WaymarkOverview *overview;   /* the hits' strings belong to it */
  WaymarkLayout   *page;
  WaymarkScene    *scene;
  GArray          *hits;       /* WaymarkOverviewHit, topmost last */
};

void
waymark_overview_scene_options_init (WaymarkOverviewSceneOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->mode = WAYMARK_OVERVIEW_SHOW_COUNTS;
  options->palette = WAYMARK_PALETTE_STANDARD;
  options->show_emotions = TRUE;
}

const char *
waymark_overview_builder_kind_name (Builder         *builder,
                                    WaymarkLaneKind  kind)
{
  const char *name = waymark_overview_get_kind_name (builder->overview, kind);

  return name != NULL ? name : waymark_lane_kind_get_label_in (kind, builder->language);
}

WaymarkColor
waymark_overview_builder_row_color (Builder                  *builder,
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
  if (builder->options->mode == WAYMARK_OVERVIEW_SHOW_COVERAGE)
    heading = g_strdup (T_ (builder->language, N_("Barriers without a recommendation")));
  else if (shown == WAYMARK_OVERVIEW_DEFAULT_KINDS
           && waymark_overview_get_kind_name (overview, WAYMARK_LANE_BARRIERS) == NULL
           && waymark_overview_get_kind_name (overview, WAYMARK_LANE_LEVERS) == NULL)
    heading = g_strdup (T_ (builder->language, N_("Barriers and levers across personas")));
  else
    {
      g_autoptr (GString) kinds = g_string_new (NULL);

      /* The lanes' own names when the document gives them ("Pain points
       * and Opportunities"): the words the researcher chose. */
      for (guint i = 0; i < builder->n_kinds; i++)
        {
          if (i > 0)
            g_string_append (kinds, i + 1 == builder->n_kinds ? T_ (builder->language, N_(" and "))
                                                              : ", ");
          g_string_append (kinds, waymark_overview_builder_kind_name (builder, builder->kinds[i]));
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
        g_utf8_strdown (waymark_overview_builder_kind_name (builder, builder->kinds[i]), -1);

      /* "barriers 35" rather than "35 barriers": the kind labels have no
       * singular, and "1 barriers" would read wrong. */
      g_string_append_printf (subtitle, "  ·  %s %u", label,
                              waymark_overview_get_total (overview, builder->kinds[i]));
      if (builder->options->mode == WAYMARK_OVERVIEW_SHOW_COVERAGE)
        /* TRANSLATORS: in the coverage overview's subtitle, after
         * "barriers 35": how many of them no recommendation addresses */
        g_string_append_printf (subtitle,
                                T_ (builder->language, N_(", %u without a recommendation")),
                                waymark_overview_get_uncovered_total (overview, builder->kinds[i]));
    }
  text = measure (builder, WAYMARK_TEXT_AMBITION, subtitle->str, width, 2, WAYMARK_TEXT_ALIGN_LEFT);
  waymark_scene_builder_add_text (&builder->draw, text, MARGIN, y, INK_SOFT);
  y += text->height;

  if (waymark_overview_is_filtered (overview))
    {
      /* Say what is left out: a filtered figure must not pass for the whole study. */
      g_autoptr (GString) names = g_string_new (NULL);
      GPtrArray *tags = waymark_overview_get_filter_tags (overview);
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
  if (builder->options->mode == WAYMARK_OVERVIEW_SHOW_COVERAGE
      && !waymark_overview_has_recommendations (overview))
    {
      /* Say why every barrier is open, rather than let it look like a verdict. */
      text = measure (builder, WAYMARK_TEXT_DESCRIPTION,
                      T_ (builder->language,
                          N_("The document has no recommendations yet, so every barrier is "
                             "still open.")),
                      width, 2, WAYMARK_TEXT_ALIGN_LEFT);
      y += 3;
      waymark_scene_builder_add_text (&builder->draw, text, MARGIN, y, INK_SOFT);
      y += text->height;
    }
  waymark_scene_builder_end_group (&builder->draw);
  return y;
}

/* The kinds the figure shows, in the overview's order, the first leading
 * (the heat scale counts it); in coverage only the barrier kinds among
 * them. Returns how many, 0 when coverage has none to count. */
static guint
choose_kinds (WaymarkOverview     *overview,
              WaymarkOverviewMode  mode,
              WaymarkLaneKind     *kinds)
{
  guint shown = waymark_overview_get_kinds (overview);
  WaymarkLaneKind order[WAYMARK_N_LANE_KINDS];
  guint n_order = waymark_lane_kind_list_for_overview (order);
  guint n = 0;

  for (guint i = 0; i < n_order; i++)
    if ((shown & WAYMARK_OVERVIEW_KIND (order[i]))
        && (mode != WAYMARK_OVERVIEW_SHOW_COVERAGE || waymark_lane_kind_is_barrier (order[i])))
      kinds[n++] = order[i];
  if (n == 0 && mode != WAYMARK_OVERVIEW_SHOW_COVERAGE)
    kinds[n++] = order[0];
  return n;
}

/* What the deepest heat means: the most cards of the leading kind in a
 * cell, or in coverage the most open barriers in a cell. */
static guint
heat_max (Builder *builder)
{
  WaymarkOverview *overview = builder->overview;
  guint max = 0;

  if (builder->options->mode != WAYMARK_OVERVIEW_SHOW_COVERAGE)
    return waymark_overview_get_max_count (overview, builder->primary);
  for (guint r = 0; r < waymark_overview_get_n_rows (overview); r++)
    for (guint c = 0; c < waymark_overview_get_row (overview, r)->n_cells; c++)
      {
        const WaymarkOverviewCell *cell = &waymark_overview_get_row (overview, r)->cells[c];
        guint open = 0;

        for (guint i = 0; i < builder->n_kinds; i++)
          open += cell->uncovered[builder->kinds[i]];
        max = MAX (max, open);
      }
  return max;
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
  guint n_columns;
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
  builder.hits = self->hits;
  builder.overview = overview;
  builder.language = waymark_overview_get_language (overview);
  builder.page = self->page;
  builder.draw = (WaymarkSceneBuilder) { self->scene, self->page, WAYMARK_PALETTE_STANDARD };
  builder.options = options;
  builder.palette = options->palette;

  builder.n_kinds = choose_kinds (overview, options->mode, builder.kinds);
  builder.primary = builder.n_kinds > 0 ? builder.kinds[0] : WAYMARK_LANE_BARRIERS;
  builder.heat_max = heat_max (&builder);
  if (options->highlight_card_ids != NULL && options->highlight_card_ids[0] != NULL)
    {
      builder.highlight = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; options->highlight_card_ids[i] != NULL; i++)
        g_hash_table_add (builder.highlight, (gpointer) options->highlight_card_ids[i]);
    }

  n_columns = waymark_overview_get_n_columns (overview);
  builder.column_width = options->mode == WAYMARK_OVERVIEW_SHOW_COUNTS ? COUNT_COLUMN : TEXT_COLUMN;
  builder.grid_x = MARGIN + LABEL_WIDTH;
  builder.width = MAX (builder.grid_x + n_columns * builder.column_width + MARGIN, 560);
  /* The footer spans the page: its width is known before its height. */
  self->page->width = builder.width;

  waymark_scene_builder_begin_group (&builder.draw, "overview", "overview");
  y = build_title (&builder, MARGIN);
  y += SECTION_GAP;
  if (waymark_overview_get_n_rows (overview) == 0 || n_columns == 0 || builder.n_kinds == 0)
    {
      const char *message;
      WaymarkLayoutText *text;

      if (waymark_overview_get_n_rows (overview) == 0)
        message = T_ (builder.language, N_("The document has no personas yet."));
      else if (n_columns == 0)
        message = T_ (builder.language, N_("The personas have no phases yet."));
      else
        message = T_ (builder.language,
                      N_("Coverage counts barriers: show barriers to see which have no "
                         "recommendation."));
      text = measure (&builder, WAYMARK_TEXT_AMBITION, message, builder.width - 2 * MARGIN, 2,
                      WAYMARK_TEXT_ALIGN_LEFT);
      waymark_scene_builder_add_text (&builder.draw, text, MARGIN, y, INK_SOFT);
      y += text->height;
    }
  else
    {
      y = waymark_overview_builder_add_matrix (&builder, y);
      y = waymark_overview_builder_add_key (&builder, y);
      if (options->show_emotions && waymark_overview_has_emotions (overview))
        y = waymark_overview_builder_add_emotions (&builder, y);
    }
  if (options->show_footer)
    y = build_footer (&builder, y);
  waymark_scene_builder_end_group (&builder.draw);

  self->page->height = y + MARGIN;
  waymark_scene_compose_finish (self->scene);
  g_clear_pointer (&builder.highlight, g_hash_table_unref);
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
