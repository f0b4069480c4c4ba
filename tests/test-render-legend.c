/* test-render-legend.c: the tag legend below a persona's map
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "test-render-fixtures.h"
#include "waymark-layout-private.h"
#include "waymark-scene.h"

static WaymarkRenderOptions
options_with_footer (void)
{
  WaymarkRenderOptions options;

  waymark_render_options_init (&options);
  options.show_footer = TRUE;
  options.page_number = 1;
  return options;
}

/* Which of the document's tags a persona's cards use. */
static gboolean
persona_uses_tag (WaymarkDocument *document,
                  const char      *persona_id,
                  const char      *tag_id)
{
  WaymarkPersona *persona = waymark_document_find_persona (document, persona_id);

  for (guint i = 0; i < persona->cards->len; i++)
    if (waymark_card_has_tag (g_ptr_array_index (persona->cards, i), tag_id))
      return TRUE;
  return FALSE;
}

static guint
count_legend_groups (WaymarkScene *scene,
                     guint        *n_texts)
{
  guint groups = 0;
  int depth = 0;

  *n_texts = 0;
  for (guint i = 0; i < waymark_scene_get_n_items (scene); i++)
    {
      const WaymarkSceneItem *item = waymark_scene_get_item (scene, i);

      if (item->kind == WAYMARK_SCENE_GROUP_BEGIN)
        {
          if (depth > 0 || g_strcmp0 (item->group.css_class, "legend") == 0)
            depth++;
          if (depth == 1)
            groups++;
        }
      else if (item->kind == WAYMARK_SCENE_GROUP_END)
        {
          if (depth > 0)
            depth--;
        }
      else if (depth > 0 && item->kind == WAYMARK_SCENE_TEXT)
        (*n_texts)++;
    }
  return groups;
}

/* The legend sits between the grid and the footer and lists exactly the
 * used tags, in document order; the scene draws it in its own group. */
static void
test_legend_example (void)
{
  g_autoptr (WaymarkDocument) document = fixture_load_example ();
  g_autoptr (WaymarkLayout) layout = NULL;
  g_autoptr (WaymarkScene) scene = NULL;
  WaymarkRenderOptions options = options_with_footer ();
  GPtrArray *tags;
  guint next = 0;
  guint n_texts;

  if (document == NULL)
    return;
  layout = waymark_layout_new (document, "loopbaan", &options, NULL);
  g_assert_nonnull (layout);
  tags = waymark_document_get_tags (document);

  for (guint i = 0; i < tags->len; i++)
    {
      const WaymarkTag *tag = g_ptr_array_index (tags, i);

      if (!persona_uses_tag (document, "loopbaan", tag->base.id))
        continue;
      g_assert_cmpuint (next, <, layout->n_legend_chips);
      g_assert_cmpstr (layout->legend_chips[next].color, ==, tag->color);
      g_assert_cmpstr (pango_layout_get_text (layout->legend_chips[next].name->layout), ==,
                       tag->name);
      next++;
    }
  g_assert_cmpuint (next, >, 0);
  g_assert_cmpuint (next, ==, layout->n_legend_chips);

  g_assert_nonnull (layout->legend_label);
  g_assert_cmpfloat (layout->legend_rect.y, >, layout->grid_bottom);
  g_assert_cmpfloat (layout->legend_rect.y + layout->legend_rect.height, <,
                     layout->footer_rect.y);
  for (guint i = 0; i < layout->n_legend_chips; i++)
    {
      const WaymarkRect *r = &layout->legend_chips[i].rect;

      g_assert_cmpfloat (r->x, >=, layout->legend_label_rect.x + layout->legend_label_rect.width);
      g_assert_cmpfloat (r->x + r->width, <=, layout->width);
      g_assert_cmpfloat (r->y, >=, layout->legend_rect.y);
      g_assert_cmpfloat (r->y + r->height, <=,
                         layout->legend_rect.y + layout->legend_rect.height + 1e-6);
    }

  /* The example's cards carry recommendation badges: the legend says
   * what they mean, on a row below the tags. */
  g_assert_nonnull (layout->legend_badge);
  g_assert_cmpfloat (layout->legend_badge_rect.y, >=,
                     layout->legend_chips[0].rect.y + layout->legend_chips[0].rect.height);
  g_assert_cmpfloat (layout->legend_badge_caption_rect.y + layout->legend_badge_caption_rect.height,
                     <=, layout->legend_rect.y + layout->legend_rect.height + 1e-6);

  scene = waymark_scene_new_for_layout (layout);
  g_assert_cmpuint (count_legend_groups (scene, &n_texts), ==, 1);
  /* the label, one name per chip, the sample badge and its caption */
  g_assert_cmpuint (n_texts, ==, layout->n_legend_chips + 1 + 2);
}

/* No tags shown, no legend; the grid does not move either way. */
static void
test_legend_absent (void)
{
  g_autoptr (WaymarkDocument) document = fixture_small_document ();
  WaymarkRenderOptions options = options_with_footer ();
  g_autoptr (WaymarkLayout) tagged = waymark_layout_new (document, "p", &options, NULL);
  g_autoptr (WaymarkLayout) hidden = NULL;
  g_autoptr (WaymarkLayout) untagged = NULL;
  g_autoptr (WaymarkScene) scene = NULL;
  const char *no_tags[] = { NULL };
  guint n_texts;

  g_assert_cmpuint (tagged->n_legend_chips, ==, 1);
  g_assert_cmpstr (tagged->legend_chips[0].color, ==, "#cc3300");

  options.show_tags = FALSE;
  hidden = waymark_layout_new (document, "p", &options, NULL);
  g_assert_cmpuint (hidden->n_legend_chips, ==, 0);
  g_assert_null (hidden->legend_label);
  g_assert_cmpfloat (hidden->height, <, tagged->height);
  scene = waymark_scene_new_for_layout (hidden);
  g_assert_cmpuint (count_legend_groups (scene, &n_texts), ==, 0);

  options.show_tags = TRUE;
  g_assert_true (waymark_document_set_card_tags (document, "b1", no_tags));
  untagged = waymark_layout_new (document, "p", &options, tagged);
  g_assert_cmpuint (untagged->n_legend_chips, ==, 0);
  g_assert_cmpfloat (untagged->height, <, tagged->height);
  g_assert_cmpfloat (untagged->grid_y, ==, tagged->grid_y);
  /* The legend takes room below the grid, never in it. */
  g_assert_cmpfloat (untagged->footer_rect.y, <, tagged->footer_rect.y);
  g_assert_cmpfloat (tagged->legend_rect.y, >, tagged->grid_bottom);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/legend/example", test_legend_example);
  g_test_add_func ("/render/legend/absent", test_legend_absent);

  return g_test_run ();
}
