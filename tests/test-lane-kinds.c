/* test-lane-kinds.c: the lane kind tables are complete, and maps are drawn as they say
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The tables are length-checked when they compile; these tests catch
 * what the compiler cannot: a row left empty in the middle, a palette
 * without a colour, two kinds that look alike, and a scene that does not
 * draw a kind in its table's colours.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "test-render-fixtures.h"
#include "waymark-lane-style-private.h"
#include "waymark-overview.h"

static const char *const palette_names[WAYMARK_N_PALETTES] = {
  "standard", "colour-blind", "greyscale"
};

/* Every kind has a full row in core: names that the file format, CSV
 * import and messages use, each naming one kind only. */
static void
test_core_rows (void)
{
  g_autoptr (GHashTable) spellings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *name_list = waymark_lane_kind_dup_name_list ();
  guint n_emotion_kinds = 0;

  for (guint k = 0; k < WAYMARK_N_LANE_KINDS; k++)
    {
      const WaymarkLaneKindInfo *info = waymark_lane_kind_get_info (k);
      const char *spelled[] = { info->name, info->singular, info->label };
      WaymarkLaneKind parsed = WAYMARK_N_LANE_KINDS;

      g_assert_nonnull (info->name);
      g_assert_nonnull (info->label);
      g_assert_nonnull (info->singular);
      g_assert_cmpstr (waymark_lane_kind_to_string (k), ==, info->name);
      g_assert_true (waymark_lane_kind_from_string (info->name, &parsed));
      g_assert_cmpint (parsed, ==, k);
      g_assert_cmpstr (waymark_lane_kind_get_label (k), !=, "");
      g_assert_nonnull (strstr (name_list, info->name));

      /* A CSV file may name a kind in any of these ways, in any case. */
      for (guint i = 0; i < G_N_ELEMENTS (spelled); i++)
        {
          char *lower = g_utf8_strdown (spelled[i], -1);
          gpointer owner;

          g_assert_cmpuint (strlen (lower), >, 0);
          if (g_hash_table_lookup_extended (spellings, lower, NULL, &owner))
            {
              g_assert_cmpuint (GPOINTER_TO_UINT (owner), ==, k);
              g_free (lower);
            }
          else
            g_hash_table_insert (spellings, lower, GUINT_TO_POINTER (k));
        }

      g_assert_true (waymark_lane_kind_holds_cards (k) != waymark_lane_kind_holds_emotions (k));
      if (waymark_lane_kind_holds_emotions (k))
        n_emotion_kinds++;
      /* The overview counts cards. */
      if (info->overview_rank >= 0)
        g_assert_true (waymark_lane_kind_holds_cards (k));
      if (info->overview_default)
        g_assert_cmpint (info->overview_rank, >=, 0);
    }
  /* Maps, the overview and the CSV import all expect an emotion curve kind. */
  g_assert_cmpuint (n_emotion_kinds, >=, 1);
}

/* The overview lists the kinds it offers by rank, each once; the first
 * one leads (its heat scale counts it). Its heading for the default
 * selection is a sentence that names barriers and levers. */
static void
test_overview_order (void)
{
  WaymarkLaneKind kinds[WAYMARK_N_LANE_KINDS];
  guint n = waymark_lane_kind_list_for_overview (kinds);
  guint offered = 0;

  for (guint k = 0; k < WAYMARK_N_LANE_KINDS; k++)
    if (waymark_lane_kind_get_info (k)->overview_rank >= 0)
      offered++;
  g_assert_cmpuint (n, ==, offered);
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (waymark_lane_kind_get_info (kinds[i - 1])->overview_rank, <,
                     waymark_lane_kind_get_info (kinds[i])->overview_rank);
  g_assert_cmpint (kinds[0], ==, WAYMARK_LANE_BARRIERS);
  g_assert_cmpuint (WAYMARK_OVERVIEW_DEFAULT_KINDS, ==,
                    WAYMARK_OVERVIEW_KIND (WAYMARK_LANE_BARRIERS) |
                    WAYMARK_OVERVIEW_KIND (WAYMARK_LANE_LEVERS));
}

static double
color_distance (const WaymarkColor *a,
                const WaymarkColor *b)
{
  return MAX (MAX (fabs (a->red - b->red), fabs (a->green - b->green)),
              MAX (fabs (a->blue - b->blue), fabs (a->alpha - b->alpha)));
}

/* Every kind has a full row in render: an icon, and an opaque colour in
 * every palette (a missing one would be transparent black). */
static void
test_render_rows (void)
{
  for (guint k = 0; k < WAYMARK_N_LANE_KINDS; k++)
    {
      const WaymarkLaneStyle *style = waymark_lane_style_get (k);

      g_assert_nonnull (style->draw_icon);
      for (guint p = 0; p < WAYMARK_N_PALETTES; p++)
        {
          WaymarkColor color = waymark_palette_lane_color (p, k);

          g_assert_cmpfloat (style->colors[p].alpha, ==, 1.0);
          g_assert_cmpfloat (color_distance (&color, &style->colors[p]), ==, 0.0);
        }
      g_assert_cmpfloat (style->row_tint, >, 0.5);
      g_assert_cmpfloat (style->row_tint, <, 1.0);
      g_assert_cmpfloat (style->card.fill_tint, >, 0.5);
      g_assert_cmpfloat (style->card.fill_tint, <=, 1.0);
      g_assert_cmpfloat (style->card.stroke_tint, >=, 0.0);
      g_assert_cmpfloat (style->card.stroke_tint, <, 1.0);
      g_assert_cmpfloat (style->card.radius, >, 0.0);
      g_assert_cmpfloat (style->card.line_width, >, 0.0);
    }
}

/* No two kinds that hold cards share a colour in any palette: their
 * cards would look alike. Greyscale keeps them at least 8 levels apart. */
static void
test_colors_distinct (void)
{
  for (guint p = 0; p < WAYMARK_N_PALETTES; p++)
    for (guint a = 0; a < WAYMARK_N_LANE_KINDS; a++)
      for (guint b = a + 1; b < WAYMARK_N_LANE_KINDS; b++)
        {
          WaymarkColor ca = waymark_palette_lane_color (p, a);
          WaymarkColor cb = waymark_palette_lane_color (p, b);

          if (!waymark_lane_kind_holds_cards (a) || !waymark_lane_kind_holds_cards (b))
            continue;
          if (color_distance (&ca, &cb) < 8 / 255.0)
            g_error ("%s and %s look alike in the %s palette", waymark_lane_kind_to_string (a),
                     waymark_lane_kind_to_string (b), palette_names[p]);
        }
}

static void
assert_color (const WaymarkColor *actual,
              WaymarkColor        expected,
              WaymarkPalette      palette,
              const char         *what,
              const char         *id)
{
  /* The scene passes every colour through the palette. */
  expected = waymark_palette_filter (palette, &expected);
  if (color_distance (actual, &expected) > 1e-9)
    g_error ("the %s of %s in the %s palette is %.3f,%.3f,%.3f, not %.3f,%.3f,%.3f", what, id,
             palette_names[palette], actual->red, actual->green, actual->blue, expected.red,
             expected.green, expected.blue);
}

/* The first item of the group @id of @css_class. */
static const WaymarkSceneItem *
group_start (WaymarkScene *scene,
             const char   *css_class,
             const char   *id)
{
  for (guint i = 0; i + 1 < waymark_scene_get_n_items (scene); i++)
    {
      const WaymarkSceneItem *item = waymark_scene_get_item (scene, i);

      if (item->kind == WAYMARK_SCENE_GROUP_BEGIN && g_str_equal (item->group.css_class, css_class)
          && g_str_equal (item->group.id, id))
        return waymark_scene_get_item (scene, i + 1);
    }
  g_error ("no %s group %s in the scene", css_class, id);
  return NULL;
}

/* The scene draws every lane and card in its kind's colours from the
 * table, in every palette: the accent of the lane header, a card's fill
 * and border, and the accent bar of a marked card (barriers, levers). */
static void
test_scene_colors (void)
{
  g_autoptr (WaymarkDocument) document = fixture_every_kind_document ();
  WaymarkRenderOptions options;

  waymark_render_options_init (&options);
  for (options.palette = 0; options.palette < WAYMARK_N_PALETTES; options.palette++)
    {
      WaymarkPalette p = options.palette;
      g_autoptr (WaymarkLayout) layout = waymark_layout_new (document, "k", &options, NULL);
      g_autoptr (WaymarkScene) scene = waymark_scene_new_for_layout (layout);

      for (guint k = 0; k < WAYMARK_N_LANE_KINDS; k++)
        {
          const WaymarkLaneStyle *style = waymark_lane_style_get (k);
          const char *name = waymark_lane_kind_to_string (k);
          g_autofree char *card_id = g_strconcat ("card-", name, NULL);
          WaymarkColor color = style->colors[p];
          const WaymarkSceneItem *item;

          /* Header, then its accent bar. */
          item = group_start (scene, "lane", name);
          g_assert_cmpint (item->kind, ==, WAYMARK_SCENE_BOX);
          g_assert_cmpint ((item + 1)->kind, ==, WAYMARK_SCENE_PATH);
          assert_color (&(item + 1)->paint.fill, color, p, "lane accent", name);

          if (!waymark_lane_kind_holds_cards (k))
            continue;
          /* The card's box, then for a marked kind its accent bar. */
          item = group_start (scene, "card", card_id);
          g_assert_cmpint (item->kind, ==, WAYMARK_SCENE_BOX);
          assert_color (&item->paint.fill, waymark_color_tint (&color, style->card.fill_tint), p,
                        "fill", card_id);
          assert_color (&item->paint.stroke, waymark_color_tint (&color, style->card.stroke_tint),
                        p, "border", card_id);
          if (style->card.marked)
            {
              /* The lane's colour, darkened where needed to stand 3:1
               * against the card. */
              WaymarkColor fill = waymark_palette_filter (p, &item->paint.fill);
              WaymarkColor lane = waymark_palette_filter (p, &color);

              g_assert_cmpint ((item + 1)->kind, ==, WAYMARK_SCENE_PATH);
              assert_color (&(item + 1)->paint.fill, waymark_color_with_contrast (&lane, &fill, 3),
                            p, "accent bar", card_id);
            }
        }
    }
}

/* The paint of the first item of @css_class group @id whose kind is @kind. */
static const WaymarkSceneItem *
find_in_group (WaymarkScene         *scene,
               const char           *css_class,
               const char           *id,
               WaymarkSceneItemKind  kind,
               guint                 nth)
{
  const WaymarkSceneItem *item = group_start (scene, css_class, id);

  for (; item->kind != WAYMARK_SCENE_GROUP_END; item++)
    if (item->kind == kind && nth-- == 0)
      return item;
  g_error ("no item of kind %d in %s group %s", kind, css_class, id);
  return NULL;
}

/* What a reader with low vision relies on: a card's own colour never hides
 * its kind's mark (3:1 against the card, WCAG's ratio for graphics), tag
 * names stay readable on light tag colours (4.5:1), and a persona's phase
 * headers all use one text colour that passes on each of them. */
static void
test_contrast (void)
{
  g_autoptr (WaymarkDocument) document = fixture_every_kind_document ();
  WaymarkPersona *persona = waymark_document_get_persona (document, 0);
  WaymarkRenderOptions options;

  /* A yellow barrier, a light blue lever, a pale yellow tag, and a persona
   * colour between light and dark. */
  for (guint i = 0; i < persona->cards->len; i++)
    {
      WaymarkCard *card = g_ptr_array_index (persona->cards, i);

      g_free (card->color);
      card->color = g_strdup (i % 2 ? "#f5d90a" : "#9ecbff");
    }
  g_free (persona->color);
  persona->color = g_strdup ("#e8a33c");
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *id = g_strdup_printf ("f%u", i + 3);

      WaymarkPhase *phase = waymark_phase_new (id, "Later");

      phase->persona = persona;
      g_ptr_array_add (persona->phases, phase);
    }
  waymark_document_insert_tag (document, waymark_tag_new ("pale", "Pale", "#fff3a0"), -1);
  for (guint i = 0; i < persona->cards->len; i++)
    {
      WaymarkCard *card = g_ptr_array_index (persona->cards, i);

      g_strfreev (card->tags);
      card->tags = g_strsplit ("pale", ",", -1);
    }

  waymark_render_options_init (&options);
  for (options.palette = 0; options.palette < WAYMARK_N_PALETTES; options.palette++)
    {
      g_autoptr (WaymarkLayout) layout = waymark_layout_new (document, "k", &options, NULL);
      g_autoptr (WaymarkScene) scene = waymark_scene_new_for_layout (layout);
      WaymarkColor header_ink = { -1, -1, -1, -1 };

      for (guint k = 0; k < WAYMARK_N_LANE_KINDS; k++)
        {
          const char *name = waymark_lane_kind_to_string (k);
          g_autofree char *card_id = g_strconcat ("card-", name, NULL);
          const WaymarkSceneItem *box, *mark, *chip, *chip_text;

          if (!waymark_lane_kind_holds_cards (k))
            continue;
          box = find_in_group (scene, "card", card_id, WAYMARK_SCENE_BOX, 0);
          chip = find_in_group (scene, "card", card_id, WAYMARK_SCENE_BOX, 1);
          chip_text = find_in_group (scene, "card", card_id, WAYMARK_SCENE_TEXT, 1);
          g_assert_cmpfloat (waymark_color_contrast (&chip_text->paint.fill, &chip->paint.fill),
                             >=, 4.5);
          if (!waymark_lane_style_get (k)->card.marked)
            continue;
          mark = find_in_group (scene, "card", card_id, WAYMARK_SCENE_PATH, 0);
          g_assert_cmpfloat (waymark_color_contrast (&mark->paint.fill, &box->paint.fill), >=,
                             3.0 - 1e-6);
        }

      for (guint i = 0; i < 8; i++)
        {
          g_autofree char *id = g_strdup_printf ("f%u", i + 1);
          const WaymarkSceneItem *fill = find_in_group (scene, "phase", id, WAYMARK_SCENE_PATH, 0);
          const WaymarkSceneItem *name = find_in_group (scene, "phase", id, WAYMARK_SCENE_TEXT, 1);

          g_assert_cmpfloat (waymark_color_contrast (&name->paint.fill, &fill->paint.fill), >=,
                             3.0);
          if (header_ink.red < 0)
            header_ink = name->paint.fill;
          g_assert_cmpfloat (color_distance (&header_ink, &name->paint.fill), <, 1e-9);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/lane-kinds/core-rows", test_core_rows);
  g_test_add_func ("/lane-kinds/overview-order", test_overview_order);
  g_test_add_func ("/lane-kinds/render-rows", test_render_rows);
  g_test_add_func ("/lane-kinds/colors-distinct", test_colors_distinct);
  g_test_add_func ("/lane-kinds/scene-colors", test_scene_colors);
  g_test_add_func ("/lane-kinds/contrast", test_contrast);

  return g_test_run ();
}
