/* test-render-layout.c: layout geometry, hit tests, drop targets and scenes (no display)
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "test-render-fixtures.h"
#include "waymark-cairo-backend.h"
#include "waymark-layout-metrics-private.h"
#include "waymark-layout-private.h"
#include "waymark-scene.h"

static WaymarkLayout *
small_layout (WaymarkDocument **document_out)
{
  WaymarkDocument *document = fixture_small_document ();
  WaymarkLayout *layout = waymark_layout_new (document, "p", NULL, NULL);

  g_assert_nonnull (layout);
  *document_out = document;
  return layout;
}

static void
center (const WaymarkRect *r,
        double            *x,
        double            *y)
{
  *x = r->x + r->width / 2;
  *y = r->y + r->height / 2;
}

static gboolean
rect_inside (const WaymarkRect *inner,
             const WaymarkRect *outer)
{
  return inner->x >= outer->x - 1e-6 && inner->y >= outer->y - 1e-6
         && inner->x + inner->width <= outer->x + outer->width + 1e-6
         && inner->y + inner->height <= outer->y + outer->height + 1e-6;
}

static void
test_layout_geometry (void)
{
  g_autoptr (WaymarkDocument) document = NULL;
  g_autoptr (WaymarkLayout) layout = small_layout (&document);
  WaymarkRect a1, a2, a3, cell_f1, cell_f2, lane;
  double width, height;

  waymark_layout_get_size (layout, &width, &height);
  g_assert_cmpfloat (width, >, 3 * WAYMARK_DEFAULT_COLUMN_WIDTH);
  g_assert_cmpfloat (height, >, 100);

  g_assert_true (waymark_layout_get_card_rect (layout, "a1", &a1));
  g_assert_true (waymark_layout_get_card_rect (layout, "a2", &a2));
  g_assert_true (waymark_layout_get_card_rect (layout, "a3", &a3));
  g_assert_false (waymark_layout_get_card_rect (layout, "nope", NULL));
  g_assert_true (waymark_layout_get_cell_rect (layout, "actions", "f1", &cell_f1));
  g_assert_true (waymark_layout_get_cell_rect (layout, "actions", "f2", &cell_f2));
  g_assert_false (waymark_layout_get_cell_rect (layout, "actions", "nope", NULL));

  /* Cards of a cell stack in document order; long text makes a taller card. */
  g_assert_cmpfloat (a1.y + a1.height, <=, a2.y);
  g_assert_cmpfloat (a2.height, >, 2 * a1.height);
  g_assert_cmpfloat (a1.width, ==, a2.width);
  /* The row grows to its tallest cell. */
  g_assert_true (rect_inside (&a1, &cell_f1));
  g_assert_true (rect_inside (&a2, &cell_f1));
  g_assert_cmpfloat (cell_f2.height, ==, cell_f1.height);
  /* A span of 2 covers two columns. */
  g_assert_cmpfloat (fabs (a3.width - (a1.width + WAYMARK_DEFAULT_COLUMN_WIDTH)), <, 0.01);
  g_assert_cmpfloat (a3.x, >=, cell_f2.x);
  g_assert_cmpfloat (a3.x + a3.width, >, cell_f2.x + cell_f2.width);

  /* The lane header sits left of the grid, at the row's height. */
  g_assert_true (waymark_layout_get_lane_rect (layout, "actions", &lane));
  g_assert_cmpfloat (lane.x + lane.width, <=, cell_f1.x);
  g_assert_cmpfloat (lane.y, ==, cell_f1.y);
  g_assert_cmpfloat (lane.height, ==, cell_f1.height);
}

static void
test_layout_hit_test (void)
{
  g_autoptr (WaymarkDocument) document = NULL;
  g_autoptr (WaymarkLayout) layout = small_layout (&document);
  WaymarkHit hit;
  WaymarkRect r;
  double x, y;

  g_assert_true (waymark_layout_get_card_rect (layout, "a2", &r));
  center (&r, &x, &y);
  g_assert_true (waymark_layout_hit_test (layout, x, y, &hit));
  g_assert_cmpint (hit.kind, ==, WAYMARK_HIT_CARD);
  g_assert_cmpstr (hit.card_id, ==, "a2");
  g_assert_cmpstr (hit.lane_id, ==, "actions");
  g_assert_cmpstr (hit.phase_id, ==, "f1");
  g_assert_cmpstr (hit.persona_id, ==, "p");
  g_assert_cmpfloat (hit.rect.width, ==, r.width);

  /* A spanning card is hit in the second column too, and reports the
   * phase it starts in. */
  g_assert_true (waymark_layout_get_card_rect (layout, "a3", &r));
  g_assert_true (waymark_layout_hit_test (layout, r.x + r.width - 5, r.y + 5, &hit));
  g_assert_cmpint (hit.kind, ==, WAYMARK_HIT_CARD);
  g_assert_cmpstr (hit.card_id, ==, "a3");
  g_assert_cmpstr (hit.phase_id, ==, "f2");

  /* Empty space in a cell: below a3 in column f3. */
  g_assert_true (waymark_layout_get_cell_rect (layout, "actions", "f3", &r));
  g_assert_true (waymark_layout_hit_test (layout, r.x + r.width / 2, r.y + r.height - 3, &hit));
  g_assert_cmpint (hit.kind, ==, WAYMARK_HIT_CELL);
  g_assert_cmpstr (hit.lane_id, ==, "actions");
  g_assert_cmpstr (hit.phase_id, ==, "f3");
  g_assert_null (hit.card_id);

  g_assert_true (waymark_layout_get_phase_rect (layout, "f2", &r));
  center (&r, &x, &y);
  g_assert_true (waymark_layout_hit_test (layout, x, y, &hit));
  g_assert_cmpint (hit.kind, ==, WAYMARK_HIT_PHASE_HEADER);
  g_assert_cmpstr (hit.phase_id, ==, "f2");

  g_assert_true (waymark_layout_get_lane_rect (layout, "barriers", &r));
  center (&r, &x, &y);
  g_assert_true (waymark_layout_hit_test (layout, x, y, &hit));
  g_assert_cmpint (hit.kind, ==, WAYMARK_HIT_LANE_HEADER);
  g_assert_cmpstr (hit.lane_id, ==, "barriers");

  g_assert_true (waymark_layout_get_emotion_point (layout, "feelings", "f3", &x, &y));
  g_assert_true (waymark_layout_hit_test (layout, x + 2, y - 2, &hit));
  g_assert_cmpint (hit.kind, ==, WAYMARK_HIT_EMOTION_POINT);
  g_assert_cmpstr (hit.lane_id, ==, "feelings");
  g_assert_cmpstr (hit.phase_id, ==, "f3");
  /* Next to the point, in the same emotions cell: the cell. */
  g_assert_true (waymark_layout_hit_test (layout, x + 40, y, &hit));
  g_assert_cmpint (hit.kind, ==, WAYMARK_HIT_CELL);
  g_assert_cmpstr (hit.lane_id, ==, "feelings");

  /* The title block: the avatar. */
  g_assert_true (waymark_layout_hit_test (layout, layout->avatar_rect.x + 5,
                                          layout->avatar_rect.y + 20, &hit));
  g_assert_cmpint (hit.kind, ==, WAYMARK_HIT_PERSONA_TITLE);

  g_assert_false (waymark_layout_hit_test (layout, -10, -10, &hit));
  g_assert_cmpint (hit.kind, ==, WAYMARK_HIT_NONE);
  g_assert_false (waymark_layout_hit_test (layout, 1e6, 1e6, &hit));
}

/* What a dragged phase, lane or card edge is over: the nearest column or
 * row, also off the grid, as an index in the persona's order. */
static void
test_layout_phase_and_lane_at (void)
{
  g_autoptr (WaymarkDocument) document = NULL;
  g_autoptr (WaymarkLayout) layout = small_layout (&document);
  g_autoptr (WaymarkDocument) empty = waymark_document_new ();
  g_autoptr (WaymarkLayout) bare = NULL;
  WaymarkRect f2, barriers, touch;
  double width, height;

  waymark_layout_get_size (layout, &width, &height);
  g_assert_true (waymark_layout_get_phase_rect (layout, "f2", &f2));
  g_assert_cmpint (waymark_layout_phase_at (layout, f2.x), ==, 1);
  g_assert_cmpint (waymark_layout_phase_at (layout, f2.x + f2.width / 2), ==, 1);
  g_assert_cmpint (waymark_layout_phase_at (layout, f2.x - 1), ==, 0);
  /* Left of the grid (over the lane headers) and past its right edge. */
  g_assert_cmpint (waymark_layout_phase_at (layout, -100), ==, 0);
  g_assert_cmpint (waymark_layout_phase_at (layout, width + 100), ==, 2);

  /* Lanes: actions, feelings, barriers, touch. */
  g_assert_true (waymark_layout_get_lane_rect (layout, "barriers", &barriers));
  g_assert_true (waymark_layout_get_lane_rect (layout, "touch", &touch));
  g_assert_cmpint (waymark_layout_lane_at (layout, barriers.y), ==, 2);
  g_assert_cmpint (waymark_layout_lane_at (layout, barriers.y + barriers.height / 2), ==, 2);
  g_assert_cmpint (waymark_layout_lane_at (layout, touch.y - 0.5), ==, 2);
  g_assert_cmpint (waymark_layout_lane_at (layout, touch.y), ==, 3);
  /* Above the grid (the phase headers) and below it. */
  g_assert_cmpint (waymark_layout_lane_at (layout, -100), ==, 0);
  g_assert_cmpint (waymark_layout_lane_at (layout, height + 100), ==, 3);

  /* A persona without phases or lanes has nothing to be over. */
  g_assert_nonnull (waymark_document_insert_persona (empty, waymark_persona_new ("e", "Empty"), -1));
  bare = waymark_layout_new (empty, "e", NULL, NULL);
  g_assert_nonnull (bare);
  g_assert_cmpint (waymark_layout_phase_at (bare, 0), ==, -1);
  g_assert_cmpint (waymark_layout_lane_at (bare, 0), ==, -1);
}

static void
test_layout_drop_target (void)
{
  g_autoptr (WaymarkDocument) document = NULL;
  g_autoptr (WaymarkLayout) layout = small_layout (&document);
  WaymarkDropTarget target;
  WaymarkRect a1, a2, cell, feelings;

  g_assert_true (waymark_layout_get_card_rect (layout, "a1", &a1));
  g_assert_true (waymark_layout_get_card_rect (layout, "a2", &a2));

  /* Above the middle of the first card: position 0, line above it. */
  g_assert_true (waymark_layout_get_drop_target (layout, a1.x + 10, a1.y + 2, NULL, &target));
  g_assert_cmpstr (target.lane_id, ==, "actions");
  g_assert_cmpstr (target.phase_id, ==, "f1");
  g_assert_cmpint (target.position, ==, 0);
  g_assert_cmpfloat (target.indicator.y + target.indicator.height, <=, a1.y);

  /* Between the cards. */
  g_assert_true (waymark_layout_get_drop_target (layout, a1.x + 10, a2.y + 2, NULL, &target));
  g_assert_cmpint (target.position, ==, 1);
  g_assert_cmpfloat (target.indicator.y, >=, a1.y + a1.height);
  g_assert_cmpfloat (target.indicator.y + target.indicator.height, <=, a2.y);

  /* Below the last card. */
  g_assert_true (waymark_layout_get_drop_target (layout, a1.x + 10, a2.y + a2.height - 1, NULL,
                                                 &target));
  g_assert_cmpint (target.position, ==, 2);
  g_assert_cmpfloat (target.indicator.y, >=, a2.y + a2.height);

  /* The dragged card does not count: dropping a1 below a2 is position 1. */
  g_assert_true (waymark_layout_get_drop_target (layout, a1.x + 10, a2.y + a2.height - 1, "a1",
                                                 &target));
  g_assert_cmpint (target.position, ==, 1);

  /* An empty cell. */
  g_assert_true (waymark_layout_get_cell_rect (layout, "touch", "f1", &cell));
  g_assert_true (waymark_layout_get_drop_target (layout, cell.x + 5, cell.y + 5, NULL, &target));
  g_assert_cmpstr (target.lane_id, ==, "touch");
  g_assert_cmpstr (target.phase_id, ==, "f1");
  g_assert_cmpint (target.position, ==, 0);
  g_assert_true (rect_inside (&target.indicator, &cell));

  /* Over the emotions lane, which holds no cards: the nearest card lane. */
  g_assert_true (waymark_layout_get_lane_rect (layout, "feelings", &feelings));
  g_assert_true (waymark_layout_get_drop_target (layout, cell.x + 5, feelings.y + 3, NULL,
                                                 &target));
  g_assert_cmpstr (target.lane_id, ==, "actions");
  g_assert_true (waymark_layout_get_drop_target (layout, cell.x + 5,
                                                 feelings.y + feelings.height - 3, NULL, &target));
  g_assert_cmpstr (target.lane_id, ==, "barriers");

  /* Right of the last column: clamped to the last phase. */
  g_assert_true (waymark_layout_get_drop_target (layout, 1e5, cell.y + 5, NULL, &target));
  g_assert_cmpstr (target.phase_id, ==, "f3");
}

static void
test_layout_emotion_scale (void)
{
  g_autoptr (WaymarkDocument) document = NULL;
  g_autoptr (WaymarkLayout) layout = small_layout (&document);
  double x, y1, y3, y_empty;
  int score;

  g_assert_true (waymark_layout_get_emotion_point (layout, "feelings", "f1", &x, &y1));
  g_assert_true (waymark_layout_get_emotion_point (layout, "feelings", "f3", &x, &y3));
  g_assert_true (waymark_layout_get_emotion_point (layout, "feelings", "f2", &x, &y_empty));
  g_assert_cmpfloat (y1, <, y_empty);   /* +2 above 0 */
  g_assert_cmpfloat (y3, >, y_empty);   /* -1 below 0 */
  g_assert_false (waymark_layout_get_emotion_point (layout, "actions", "f1", &x, &y1));

  g_assert_true (waymark_layout_emotion_score_at (layout, "feelings", y1, &score));
  g_assert_cmpint (score, ==, 2);
  g_assert_true (waymark_layout_emotion_score_at (layout, "feelings", y3, &score));
  g_assert_cmpint (score, ==, -1);
  g_assert_true (waymark_layout_emotion_score_at (layout, "feelings", y_empty, &score));
  g_assert_cmpint (score, ==, 0);
  g_assert_true (waymark_layout_emotion_score_at (layout, "feelings", -1e6, &score));
  g_assert_cmpint (score, ==, 2);
  g_assert_true (waymark_layout_emotion_score_at (layout, "feelings", 1e6, &score));
  g_assert_cmpint (score, ==, -2);
  g_assert_false (waymark_layout_emotion_score_at (layout, "barriers", 0, &score));
}

/* Text never overflows: every card's text and chips lie inside the card,
 * no two cards overlap, nothing leaves the map. */
static void
test_layout_stress_no_overflow (void)
{
  g_autoptr (WaymarkDocument) document = fixture_stress_document ();
  g_autoptr (WaymarkLayout) layout = waymark_layout_new (document, "s1", NULL, NULL);
  WaymarkRect map = { 0, 0, 0, 0 };
  gboolean saw_rtl = FALSE, saw_ellipsis = FALSE;

  g_assert_nonnull (layout);
  waymark_layout_get_size (layout, &map.width, &map.height);

  g_assert_cmpuint (layout->cards->len, ==, 20);
  for (guint i = 0; i < layout->cards->len; i++)
    {
      WaymarkLayoutCard *card = g_ptr_array_index (layout->cards, i);
      WaymarkRect text = card->text_rect;

      text.height = card->text->height;
      g_assert_true (rect_inside (&card->rect, &map));
      g_assert_true (rect_inside (&text, &card->rect));
      for (guint l = 0; l < card->text->n_lines; l++)
        {
          /* Each line fits the width given (an unbreakable word is broken). */
          g_assert_cmpfloat (card->text->lines[l].width, <=, card->text_rect.width + 0.5);
          saw_rtl |= card->text->lines[l].rtl;
        }
      if (card->evidence != NULL)
        g_assert_true (rect_inside (&card->evidence_rect, &card->rect));
      for (guint c = 0; c < card->n_chips; c++)
        {
          g_assert_true (rect_inside (&card->chips[c].rect, &card->rect));
          g_assert_cmpuint (card->chips[c].name->n_lines, ==, 1);
          saw_ellipsis |= card->chips[c].name->ellipsized;
        }
      for (guint j = i + 1; j < layout->cards->len; j++)
        {
          WaymarkLayoutCard *other = g_ptr_array_index (layout->cards, j);

          g_assert_false (waymark_rect_intersects (&card->rect, &other->rect));
        }
    }
  g_assert_true (saw_rtl);
  /* The long tag name was cut, visibly. */
  g_assert_true (saw_ellipsis);

  /* The span of 9 over 4 phases was clamped to the last column. */
  {
    WaymarkRect r, last;

    g_assert_true (waymark_layout_get_card_rect (layout, "s1-c12", &r));
    g_assert_true (waymark_layout_get_cell_rect (layout, "s1-lev", "s1-f4", &last));
    g_assert_true (rect_inside (&r, &last));
  }

  /* The long emotion label is ellipsised to two lines, ending in "…". */
  for (guint i = 0; i < layout->lanes->len; i++)
    {
      WaymarkLayoutLane *lane = g_ptr_array_index (layout->lanes, i);

      if (lane->kind != WAYMARK_LANE_EMOTIONS)
        continue;
      for (guint p = 0; p < lane->points->len; p++)
        {
          WaymarkLayoutEmotion *point = &g_array_index (lane->points, WaymarkLayoutEmotion, p);

          if (point->phase_index == 0)
            {
              g_assert_true (point->label->ellipsized);
              g_assert_cmpuint (point->label->n_lines, ==, 2);
              g_assert_true (g_str_has_suffix (point->label->lines[1].text, "…"));
            }
        }
    }
}

static void
test_layout_relayout_reuses_text (void)
{
  g_autoptr (WaymarkDocument) document = fixture_small_document ();
  g_autoptr (WaymarkLayout) first = waymark_layout_new (document, "p", NULL, NULL);
  g_autoptr (WaymarkLayout) second = NULL;
  WaymarkLayoutCard *a1_first, *a1_second, *a2_first, *a2_second;
  WaymarkRect before, after;

  g_assert_true (waymark_layout_get_card_rect (first, "a2", &before));
  g_assert_true (waymark_document_set_text (document, "a2", WAYMARK_FIELD_TEXT, "Kort"));
  second = waymark_layout_new (document, "p", NULL, first);
  g_assert_true (waymark_layout_get_card_rect (second, "a2", &after));
  g_assert_cmpfloat (after.height, <, before.height);

  a1_first = g_hash_table_lookup (first->card_index, "a1");
  a1_second = g_hash_table_lookup (second->card_index, "a1");
  a2_first = g_hash_table_lookup (first->card_index, "a2");
  a2_second = g_hash_table_lookup (second->card_index, "a2");
  /* The unchanged text was not measured again... */
  g_assert_true (a1_first->text == a1_second->text);
  g_assert_true (a2_first->text != a2_second->text);

  /* ...and stays valid when the first layout goes. */
  g_clear_pointer (&first, waymark_layout_unref);
  g_assert_cmpstr (a1_second->text->lines[0].text, ==, "Zoekt opleidingen");

  g_assert_null (waymark_layout_new (document, "no-such-persona", NULL, NULL));
}

typedef struct {
  GHashTable *classes;
  guint       count;
  gboolean    ordered;
  guint       last;
  WaymarkScene *scene;
  WaymarkRect   rect;
  gboolean      all_intersect;
} SceneVisit;

static void
count_item_cb (const WaymarkSceneItem *item,
               gpointer                user_data)
{
  SceneVisit *visit = user_data;
  guint index = item - waymark_scene_get_item (visit->scene, 0);

  if (visit->count > 0 && index <= visit->last)
    visit->ordered = FALSE;
  visit->last = index;
  visit->count++;
  if (!waymark_rect_intersects (&item->bounds, &visit->rect))
    visit->all_intersect = FALSE;
}

static void
test_scene_groups_and_culling (void)
{
  g_autoptr (WaymarkDocument) document = fixture_small_document ();
  g_autoptr (WaymarkLayout) layout = waymark_layout_new (document, "p", NULL, NULL);
  g_autoptr (WaymarkScene) scene = waymark_scene_new_for_layout (layout);
  g_autoptr (GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = waymark_scene_get_n_items (scene);
  guint drawable = 0;
  int depth = 0;
  SceneVisit visit = { 0 };
  WaymarkRect a1;

  for (guint i = 0; i < n; i++)
    {
      const WaymarkSceneItem *item = waymark_scene_get_item (scene, i);

      if (item->kind == WAYMARK_SCENE_GROUP_BEGIN)
        {
          g_hash_table_insert (groups, g_strdup_printf ("%s:%s", item->group.css_class,
                                                        item->group.id), NULL);
          depth++;
        }
      else if (item->kind == WAYMARK_SCENE_GROUP_END)
        {
          depth--;
          g_assert_cmpint (depth, >=, 0);
        }
      else
        drawable++;
    }
  g_assert_cmpint (depth, ==, 0);
  g_assert_true (g_hash_table_contains (groups, "persona:p"));
  g_assert_true (g_hash_table_contains (groups, "phase:f1"));
  g_assert_true (g_hash_table_contains (groups, "lane:barriers"));
  g_assert_true (g_hash_table_contains (groups, "card:a2"));
  g_assert_true (g_hash_table_contains (groups, "card:t1card"));
  g_assert_true (g_hash_table_contains (groups, "emotion-curve:feelings-curve"));

  /* All items, in order. */
  visit.scene = scene;
  visit.ordered = TRUE;
  visit.all_intersect = TRUE;
  visit.rect = (WaymarkRect) { -1e6, -1e6, 2e6, 2e6 };
  waymark_scene_foreach_in_rect (scene, NULL, count_item_cb, &visit);
  g_assert_cmpuint (visit.count, ==, drawable);
  g_assert_true (visit.ordered);

  /* A small rectangle around one card: few items, all intersecting, in order. */
  g_assert_true (waymark_layout_get_card_rect (layout, "a1", &a1));
  memset (&visit, 0, sizeof visit);
  visit.scene = scene;
  visit.ordered = TRUE;
  visit.all_intersect = TRUE;
  visit.rect = (WaymarkRect) { a1.x + 2, a1.y + 2, 4, 4 };
  waymark_scene_foreach_in_rect (scene, &visit.rect, count_item_cb, &visit);
  g_assert_cmpuint (visit.count, >, 0);
  g_assert_cmpuint (visit.count, <, drawable / 4);
  g_assert_true (visit.ordered);
  g_assert_true (visit.all_intersect);

  /* Outside the map: nothing. */
  memset (&visit, 0, sizeof visit);
  visit.scene = scene;
  visit.rect = (WaymarkRect) { -500, -500, 10, 10 };
  waymark_scene_foreach_in_rect (scene, &visit.rect, count_item_cb, &visit);
  g_assert_cmpuint (visit.count, ==, 0);
}

static void
test_scene_greyscale (void)
{
  g_autoptr (WaymarkDocument) document = fixture_stress_document ();
  WaymarkRenderOptions options;
  g_autoptr (WaymarkLayout) layout = NULL;
  g_autoptr (WaymarkScene) scene = NULL;

  waymark_render_options_init (&options);
  options.palette = WAYMARK_PALETTE_GREYSCALE;
  layout = waymark_layout_new (document, "s1", &options, NULL);
  scene = waymark_scene_new_for_layout (layout);
  for (guint i = 0; i < waymark_scene_get_n_items (scene); i++)
    {
      const WaymarkSceneItem *item = waymark_scene_get_item (scene, i);
      const WaymarkColor *colors[] = { &item->paint.fill, &item->paint.stroke };

      for (guint c = 0; c < G_N_ELEMENTS (colors); c++)
        {
          g_assert_cmpfloat (fabs (colors[c]->red - colors[c]->green), <, 1e-9);
          g_assert_cmpfloat (fabs (colors[c]->green - colors[c]->blue), <, 1e-9);
        }
    }
}

/* The colour under the middle of item @index: the last opaque fill drawn
 * before it that covers that point; the white page when there is none. */
static WaymarkColor
ground_of (WaymarkScene *scene,
           guint         index)
{
  const WaymarkSceneItem *text = waymark_scene_get_item (scene, index);
  double x = text->bounds.x + text->bounds.width / 2;
  double y = text->bounds.y + text->bounds.height / 2;

  for (guint i = index; i-- > 0;)
    {
      const WaymarkSceneItem *item = waymark_scene_get_item (scene, i);

      if ((item->kind == WAYMARK_SCENE_BOX || item->kind == WAYMARK_SCENE_PATH)
          && item->paint.fill.alpha >= 1 && waymark_rect_contains_point (&item->bounds, x, y))
        return item->paint.fill;
    }
  return (WaymarkColor) { 1, 1, 1, 1 };
}

/* In high contrast, every text of the map stands at 7:1 at least against
 * what is under it, and no card has a tinted fill, in every palette. */
static void
test_scene_high_contrast (void)
{
  g_autoptr (WaymarkDocument) document = fixture_stress_document ();
  WaymarkPalette palettes[] = { WAYMARK_PALETTE_STANDARD, WAYMARK_PALETTE_COLORBLIND,
                                WAYMARK_PALETTE_GREYSCALE };

  for (guint p = 0; p < G_N_ELEMENTS (palettes); p++)
    {
      WaymarkRenderOptions options;
      g_autoptr (WaymarkLayout) layout = NULL;
      g_autoptr (WaymarkScene) scene = NULL;
      double worst = G_MAXDOUBLE, worst_normal = G_MAXDOUBLE;
      guint n_texts = 0, n_cards = 0;

      waymark_render_options_init (&options);
      options.palette = palettes[p];
      options.high_contrast = TRUE;
      layout = waymark_layout_new (document, "s1", &options, NULL);
      scene = waymark_scene_new_for_layout (layout);
      for (guint i = 0; i < waymark_scene_get_n_items (scene); i++)
        {
          const WaymarkSceneItem *item = waymark_scene_get_item (scene, i);

          if (item->kind == WAYMARK_SCENE_TEXT)
            {
              WaymarkColor ground = ground_of (scene, i);

              g_assert_cmpfloat (item->paint.fill.alpha, ==, 1);
              worst = MIN (worst, waymark_color_contrast (&item->paint.fill, &ground));
              n_texts++;
            }
          else if (item->kind == WAYMARK_SCENE_GROUP_BEGIN
                   && g_strcmp0 (item->group.css_class, "card") == 0)
            {
              const WaymarkSceneItem *box = waymark_scene_get_item (scene, i + 1);

              g_assert_true (box->kind == WAYMARK_SCENE_BOX);
              g_assert_cmpfloat (box->paint.fill.red + box->paint.fill.green + box->paint.fill.blue,
                                 >, 2.999);
              g_assert_cmpfloat (box->paint.line_width, >=, 1.5);
              n_cards++;
            }
        }
      g_assert_cmpuint (n_texts, >, 20);
      g_assert_cmpuint (n_cards, >, 5);
      g_assert_cmpfloat (worst, >=, 7.0);

      /* Without it, the map is not this strict: the test can tell. */
      {
        g_autoptr (WaymarkLayout) normal_layout = NULL;
        g_autoptr (WaymarkScene) normal = NULL;

        options.high_contrast = FALSE;
        normal_layout = waymark_layout_new (document, "s1", &options, NULL);
        normal = waymark_scene_new_for_layout (normal_layout);
        for (guint i = 0; i < waymark_scene_get_n_items (normal); i++)
          {
            const WaymarkSceneItem *item = waymark_scene_get_item (normal, i);

            if (item->kind == WAYMARK_SCENE_TEXT && item->paint.fill.alpha >= 1)
              {
                WaymarkColor ground = ground_of (normal, i);

                worst_normal = MIN (worst_normal,
                                    waymark_color_contrast (&item->paint.fill, &ground));
              }
          }
        g_assert_cmpfloat (worst_normal, <, 7.0);
      }
    }
}

static void
test_scene_overlay (void)
{
  g_autoptr (WaymarkDocument) document = fixture_small_document ();
  g_autoptr (WaymarkLayout) layout = waymark_layout_new (document, "p", NULL, NULL);
  const char *selected[] = { "a1", "a3", "not-a-card", NULL };
  WaymarkSceneState state = { 0 };
  g_autoptr (WaymarkScene) empty = NULL;
  g_autoptr (WaymarkScene) overlay = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  WaymarkRect a1;

  empty = waymark_scene_new_overlay (layout, &state);
  g_assert_cmpuint (waymark_scene_get_n_items (empty), ==, 0);

  state.selected_card_ids = selected;
  state.hovered_lane_id = "touch";
  state.hovered_phase_id = "f1";
  state.focus_id = "f2";
  state.show_drop_target = TRUE;
  g_assert_true (waymark_layout_get_drop_target (layout, 0, 0, NULL, &state.drop_target));
  overlay = waymark_scene_new_overlay (layout, &state);
  /* Two selected cards (wash + ring each, a span handle and its grip
   * each), hover tint and its "+" (circle, cross), focus ring, drop line. */
  g_assert_cmpuint (waymark_scene_get_n_items (overlay), ==, 13);
  {
    WaymarkRect card, handle;

    /* The handle sits on the card's right edge, within its height. */
    g_assert_true (waymark_layout_get_card_rect (layout, "a3", &card));
    g_assert_true (waymark_scene_get_span_handle_rect (layout, "a3", &handle));
    g_assert_cmpfloat (handle.x, <, card.x + card.width);
    g_assert_cmpfloat (handle.x + handle.width, >, card.x + card.width);
    g_assert_cmpfloat (handle.y, >=, card.y);
    g_assert_cmpfloat (handle.y + handle.height, <=, card.y + card.height);
    g_assert_false (waymark_scene_get_span_handle_rect (layout, "not-a-card", &handle));
  }

  /* The selection ring is drawn around a1 by the same backend. */
  g_assert_true (waymark_layout_get_card_rect (layout, "a1", &a1));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (a1.x + a1.width + 20),
                                        (int) (a1.y + a1.height + 20));
  cr = cairo_create (surface);
  waymark_cairo_backend_draw (overlay, cr, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  {
    int stride = cairo_image_surface_get_stride (surface);
    const guint8 *data = cairo_image_surface_get_data (surface);
    /* Just outside the card's left edge, at mid-height. */
    int x = (int) (a1.x - 2), y = (int) (a1.y + a1.height / 2);
    guint32 pixel = *(const guint32 *) (const void *) (data + y * stride + x * 4);

    g_assert_cmpuint (pixel >> 24, >, 100);
  }
  cairo_surface_destroy (surface);
}

/* The "+" of a hovered cell sits in the free space below the cards
 * covering it, where clicking cannot hit a card, and never in an emotions
 * lane, which holds points rather than cards. */
static void
test_scene_add_button (void)
{
  g_autoptr (WaymarkDocument) document = fixture_small_document ();
  g_autoptr (WaymarkLayout) layout = waymark_layout_new (document, "p", NULL, NULL);
  WaymarkRect cell, button, a3;

  g_assert_true (waymark_layout_get_cell_rect (layout, "touch", "f1", &cell));
  g_assert_true (waymark_scene_get_add_button_rect (layout, "touch", "f1", &button));
  g_assert_cmpfloat (fabs (button.x + button.width / 2 - (cell.x + cell.width / 2)), <, 0.01);
  g_assert_cmpfloat (fabs (button.y + button.height / 2 - (cell.y + cell.height / 2)), <, 0.01);
  g_assert_cmpfloat (button.width, >=, 12);

  /* f3 of actions is covered by a3, spanning from f2: the "+" goes below it. */
  g_assert_true (waymark_layout_get_card_rect (layout, "a3", &a3));
  g_assert_true (waymark_layout_get_cell_rect (layout, "actions", "f3", &cell));
  g_assert_true (waymark_scene_get_add_button_rect (layout, "actions", "f3", &button));
  g_assert_cmpfloat (button.y, >, a3.y + a3.height);
  g_assert_cmpfloat (button.y + button.height, <, cell.y + cell.height);

  g_assert_false (waymark_scene_get_add_button_rect (layout, "feelings", "f1", &button));
  g_assert_false (waymark_scene_get_add_button_rect (layout, "nope", "f1", &button));
  g_assert_false (waymark_scene_get_add_button_rect (layout, "touch", "nope", &button));
}

/* A word broken across lines keeps at least three letters on each line
 * ("Ondernemingspla-" over "n" read as a mistake), and the broken line
 * ends in the hyphen that is drawn, also in the text an SVG gets. */
static void
test_word_breaks (void)
{
  static const char *const texts[] = {
    "Ondernemingsplan opstellen", "Arbeidsmarktdata", "Kwalificatiedossiers",
    "Supercalifragilisticexpialidocious", "Zo'n opleidingsverstrekker",
  };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    for (double width = 30; width <= 140; width += 1)
      {
        WaymarkLayoutText *text = waymark_layout_text_new (WAYMARK_TEXT_CARD, texts[t], width, 0,
                                                           WAYMARK_TEXT_ALIGN_LEFT);
        g_autoptr (GString) joined = g_string_new (NULL);

        for (guint i = 0; i + 1 < text->n_lines; i++)
          {
            const char *line = text->lines[i].text;
            const char *next = text->lines[i + 1].text;
            gsize len = strlen (line);

            if (len == 0 || line[len - 1] != '-' || strchr (texts[t], '-') != NULL)
              continue;
            /* Broken inside a word: three letters on the next line at least
             * (unless the word is too short to split so). */
            if (g_ascii_isalnum (next[0]) && g_ascii_isalnum (next[1]) && !g_ascii_isalnum (next[2]))
              g_error ("“%s” at %.0f pt: only “%.2s” on the next line", texts[t], width, next);
            if (g_ascii_isalnum (next[0]) && !g_ascii_isalnum (next[1]))
              g_error ("“%s” at %.0f pt: only “%.1s” on the next line", texts[t], width, next);
          }
        /* Without the hyphens and spaces, the lines are the text. */
        for (guint i = 0; i < text->n_lines; i++)
          {
            const char *line = text->lines[i].text;
            gsize len = strlen (line);

            if (joined->len > 0 && !g_str_has_suffix (joined->str, "-"))
              g_string_append_c (joined, ' ');
            else if (g_str_has_suffix (joined->str, "-"))
              g_string_truncate (joined, joined->len - 1);
            g_string_append_len (joined, line, len);
          }
        g_assert_cmpstr (joined->str, ==, texts[t]);
        waymark_layout_text_unref (text);
      }
}

/* Whether @inner lies within @outer (to a hundredth of a unit). */
static gboolean
rect_within (const WaymarkRect *outer,
             const WaymarkRect *inner)
{
  return inner->x >= outer->x - 0.01 && inner->y >= outer->y - 0.01
         && inner->x + inner->width <= outer->x + outer->width + 0.01
         && inner->y + inner->height <= outer->y + outer->height + 0.01;
}

/* The profile: a column per part that has something, blank items left
 * out, a long list cut with a count; inside the title block, so that a
 * click on it selects the persona; a narrow map keeps its width (the
 * profile goes under the title), and a persona without a profile has
 * none. */
static void
test_layout_profile (void)
{
  g_autoptr (WaymarkDocument) small = fixture_small_document ();
  g_autoptr (WaymarkDocument) document = fixture_profile_document ();
  g_autoptr (WaymarkLayout) plain = waymark_layout_new (small, "p", NULL, NULL);
  g_autoptr (WaymarkLayout) layout = waymark_layout_new (document, "p", NULL, NULL);
  WaymarkLayoutProfileColumn *column;
  WaymarkHit hit;
  double plain_width, plain_height, width, height, x, y;

  g_assert_null (plain->profile_columns);
  g_assert_cmpfloat (plain->profile_rect.width, ==, 0);

  g_assert_nonnull (layout->profile_columns);
  /* The quote, goals, needs, frustrations, facts. */
  g_assert_cmpuint (layout->profile_columns->len, ==, 5);
  column = g_ptr_array_index (layout->profile_columns, 0);
  g_assert_true (column->is_quote);
  g_assert_null (column->heading);
  column = g_ptr_array_index (layout->profile_columns, 2);
  g_assert_cmpuint (column->items->len, ==, 2);
  g_assert_null (column->more);
  column = g_ptr_array_index (layout->profile_columns, 3);
  g_assert_cmpuint (column->items->len, ==, PROFILE_MAX_ITEMS);
  g_assert_nonnull (column->more);
  g_assert_cmpstr (pango_layout_get_text (column->more->layout), ==, "+2");
  column = g_ptr_array_index (layout->profile_columns, 4);
  g_assert_nonnull (g_array_index (column->items, WaymarkLayoutProfileItem, 0).label);

  for (guint i = 0; i < layout->profile_columns->len; i++)
    {
      column = g_ptr_array_index (layout->profile_columns, i);
      g_assert_true (rect_within (&layout->title_rect, &column->rect));
      g_assert_true (rect_within (&layout->profile_rect, &column->rect));
    }
  g_assert_true (rect_within (&layout->title_rect, &layout->name_rect));
  column = g_ptr_array_index (layout->profile_columns, 1);
  center (&column->rect, &x, &y);
  g_assert_true (waymark_layout_hit_test (layout, x, y, &hit));
  g_assert_cmpint (hit.kind, ==, WAYMARK_HIT_PERSONA_TITLE);

  /* Three phases: no room beside the title, so under it; the map is as
   * wide as without a profile, and the grid starts lower. */
  g_assert_cmpfloat (layout->profile_rect.y, >, layout->name_rect.y);
  waymark_layout_get_size (plain, &plain_width, &plain_height);
  waymark_layout_get_size (layout, &width, &height);
  g_assert_cmpfloat (width, ==, plain_width);
  g_assert_cmpfloat (layout->grid_y, >, plain->grid_y);

  /* A later page of a split map leaves the profile to the first. */
  {
    WaymarkRenderOptions options;
    g_autoptr (WaymarkLayout) continued = NULL;

    waymark_render_options_init (&options);
    options.continued = TRUE;
    continued = waymark_layout_new (document, "p", &options, NULL);
    g_assert_null (continued->profile_columns);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/layout/geometry", test_layout_geometry);
  g_test_add_func ("/render/layout/word-breaks", test_word_breaks);
  g_test_add_func ("/render/layout/hit-test", test_layout_hit_test);
  g_test_add_func ("/render/layout/profile", test_layout_profile);
  g_test_add_func ("/render/layout/phase-and-lane-at", test_layout_phase_and_lane_at);
  g_test_add_func ("/render/layout/drop-target", test_layout_drop_target);
  g_test_add_func ("/render/layout/emotion-scale", test_layout_emotion_scale);
  g_test_add_func ("/render/layout/stress-no-overflow", test_layout_stress_no_overflow);
  g_test_add_func ("/render/layout/relayout-reuses-text", test_layout_relayout_reuses_text);
  g_test_add_func ("/render/scene/groups-and-culling", test_scene_groups_and_culling);
  g_test_add_func ("/render/scene/greyscale", test_scene_greyscale);
  g_test_add_func ("/render/scene/high-contrast", test_scene_high_contrast);
  g_test_add_func ("/render/scene/overlay", test_scene_overlay);
  g_test_add_func ("/render/scene/add-button", test_scene_add_button);

  return g_test_run ();
}
