/* waymark-layout-query.c: what lies where on a map: hit tests, rectangles, drop targets
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * All in document units, against the geometry that waymark-layout.c
 * built; the canvas only converts pixels.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "waymark-layout-metrics-private.h"

void
waymark_layout_cell_rect_at (WaymarkLayout *self,
                             int            lane_index,
                             int            phase_index,
                             WaymarkRect   *rect)
{
  WaymarkLayoutLane *lane = g_ptr_array_index (self->lanes, lane_index);

  *rect = rect_make (self->grid_x + phase_index * self->column_width, lane->row.y,
                     self->column_width, lane->row.height);
}

static int
phase_at (WaymarkLayout *self,
          double         x)
{
  double column = floor ((x - self->grid_x) / self->column_width);

  if (x < self->grid_x || column >= self->phases->len)
    return -1;
  return (int) column;
}

/* The last lane whose row starts at or above @y, or -1. */
static int
last_lane_from (WaymarkLayout *self,
                double         y)
{
  guint lo = 0, hi = self->lanes->len;

  /* Lanes are sorted by y: binary search for the last lane starting at or above y. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      WaymarkLayoutLane *lane = g_ptr_array_index (self->lanes, mid);

      if (lane->row.y <= y)
        lo = mid + 1;
      else
        hi = mid;
    }
  return (int) lo - 1;
}

static int
lane_at (WaymarkLayout *self,
         double         y)
{
  int index = last_lane_from (self, y);
  WaymarkLayoutLane *lane;

  if (index < 0)
    return -1;
  lane = g_ptr_array_index (self->lanes, index);
  /* In the gap below the lane's row: no lane. */
  if (y >= lane->row.y + lane->row.height)
    return -1;
  return index;
}

gboolean
waymark_layout_hit_test (WaymarkLayout *self,
                         double         x,
                         double         y,
                         WaymarkHit    *hit)
{
  int li, pi;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (hit != NULL, FALSE);

  memset (hit, 0, sizeof *hit);
  hit->kind = WAYMARK_HIT_NONE;
  hit->persona_id = self->persona_id;

  if (self->options.show_title
      && (waymark_rect_contains_point (&self->title_rect, x, y)))
    {
      hit->kind = WAYMARK_HIT_PERSONA_TITLE;
      hit->rect = self->title_rect;
      return TRUE;
    }

  if (waymark_rect_contains_point (&self->phase_row, x, y))
    {
      WaymarkLayoutPhase *phase;

      pi = phase_at (self, x);
      if (pi < 0)
        return FALSE;
      phase = g_ptr_array_index (self->phases, pi);
      hit->kind = WAYMARK_HIT_PHASE_HEADER;
      hit->phase_id = phase->id;
      hit->rect = phase->header;
      return TRUE;
    }

  li = lane_at (self, y);
  if (li < 0)
    return FALSE;

  {
    WaymarkLayoutLane *lane = g_ptr_array_index (self->lanes, li);

    if (waymark_rect_contains_point (&lane->header, x, y))
      {
        hit->kind = WAYMARK_HIT_LANE_HEADER;
        hit->lane_id = lane->id;
        hit->rect = lane->header;
        return TRUE;
      }

    pi = phase_at (self, x);
    if (pi < 0)
      return FALSE;

    if (waymark_lane_kind_holds_emotions (lane->kind))
      {
        for (guint i = 0; i < lane->points->len; i++)
          {
            WaymarkLayoutEmotion *point = &g_array_index (lane->points, WaymarkLayoutEmotion, i);

            if (hypot (x - point->x, y - point->y) <= EMOTION_HIT_RADIUS)
              {
                hit->kind = WAYMARK_HIT_EMOTION_POINT;
                hit->lane_id = lane->id;
                hit->phase_id = point->phase_id;
                hit->rect = point->marker;
                return TRUE;
              }
          }
      }
    else
      {
        GPtrArray *cards = self->cell_cards[li * self->phases->len + pi];

        for (guint i = 0; cards != NULL && i < cards->len; i++)
          {
            WaymarkLayoutCard *card = g_ptr_array_index (cards, i);

            if (waymark_rect_contains_point (&card->rect, x, y))
              {
                WaymarkLayoutPhase *start = g_ptr_array_index (self->phases, card->phase_index);

                hit->kind = WAYMARK_HIT_CARD;
                hit->card_id = card->id;
                hit->lane_id = lane->id;
                hit->phase_id = start->id;
                hit->rect = card->rect;
                return TRUE;
              }
          }
      }

    hit->kind = WAYMARK_HIT_CELL;
    hit->lane_id = lane->id;
    hit->phase_id = ((WaymarkLayoutPhase *) g_ptr_array_index (self->phases, pi))->id;
    waymark_layout_cell_rect_at (self, li, pi, &hit->rect);
    return TRUE;
  }
}

int
waymark_layout_phase_at (WaymarkLayout *self,
                         double         x)
{
  int found = 0;

  g_return_val_if_fail (self != NULL, -1);

  if (self->phases->len == 0)
    return -1;
  for (guint i = 1; i < self->phases->len; i++)
    if (x >= ((WaymarkLayoutPhase *) g_ptr_array_index (self->phases, i))->header.x)
      found = (int) i;
  return found;
}

int
waymark_layout_lane_at (WaymarkLayout *self,
                        double         y)
{
  g_return_val_if_fail (self != NULL, -1);

  /* A lane's header starts where its row does. */
  return self->lanes->len == 0 ? -1 : MAX (last_lane_from (self, y), 0);
}

/* Phases and lanes alike start with their id, so that one lookup finds
 * either. */
G_STATIC_ASSERT (G_STRUCT_OFFSET (WaymarkLayoutPhase, id) == 0);
G_STATIC_ASSERT (G_STRUCT_OFFSET (WaymarkLayoutLane, id) == 0);

static gpointer
find_by_id (GPtrArray  *items,
            const char *id)
{
  for (guint i = 0; id != NULL && i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);

      if (g_strcmp0 (*(const char * const *) item, id) == 0)
        return item;
    }
  return NULL;
}

static WaymarkLayoutCard *
find_card (WaymarkLayout *self,
           const char    *card_id)
{
  return card_id != NULL ? g_hash_table_lookup (self->card_index, card_id) : NULL;
}

/* The rectangle getters' answer: @found (NULL when there is nothing) into
 * @rect, which may be NULL. */
static gboolean
give_rect (const WaymarkRect *found,
           WaymarkRect       *rect)
{
  if (found != NULL && rect != NULL)
    *rect = *found;
  return found != NULL;
}

gboolean
waymark_layout_get_card_rect (WaymarkLayout *self,
                              const char    *card_id,
                              WaymarkRect   *rect)
{
  WaymarkLayoutCard *card;

  g_return_val_if_fail (self != NULL, FALSE);

  card = find_card (self, card_id);
  return give_rect (card != NULL ? &card->rect : NULL, rect);
}

gboolean
waymark_layout_get_card_text_rect (WaymarkLayout *self,
                                   const char    *card_id,
                                   WaymarkRect   *rect)
{
  WaymarkLayoutCard *card;

  g_return_val_if_fail (self != NULL, FALSE);

  card = find_card (self, card_id);
  return give_rect (card != NULL ? &card->text_rect : NULL, rect);
}

gboolean
waymark_layout_get_cell_rect (WaymarkLayout *self,
                              const char    *lane_id,
                              const char    *phase_id,
                              WaymarkRect   *rect)
{
  WaymarkLayoutLane *lane;
  WaymarkLayoutPhase *phase;

  g_return_val_if_fail (self != NULL, FALSE);

  lane = find_by_id (self->lanes, lane_id);
  phase = find_by_id (self->phases, phase_id);
  if (lane == NULL || phase == NULL)
    return FALSE;
  if (rect != NULL)
    waymark_layout_cell_rect_at (self, lane->index, phase->index, rect);
  return TRUE;
}

gboolean
waymark_layout_get_phase_rect (WaymarkLayout *self,
                               const char    *phase_id,
                               WaymarkRect   *rect)
{
  WaymarkLayoutPhase *phase;

  g_return_val_if_fail (self != NULL, FALSE);

  phase = find_by_id (self->phases, phase_id);
  return give_rect (phase != NULL ? &phase->header : NULL, rect);
}

gboolean
waymark_layout_get_lane_rect (WaymarkLayout *self,
                              const char    *lane_id,
                              WaymarkRect   *rect)
{
  WaymarkLayoutLane *lane;

  g_return_val_if_fail (self != NULL, FALSE);

  lane = find_by_id (self->lanes, lane_id);
  return give_rect (lane != NULL ? &lane->header : NULL, rect);
}

gboolean
waymark_layout_get_emotion_point (WaymarkLayout *self,
                                  const char    *lane_id,
                                  const char    *phase_id,
                                  double        *x,
                                  double        *y)
{
  WaymarkLayoutLane *lane;
  WaymarkLayoutPhase *phase;
  int pi;
  double px, py;

  g_return_val_if_fail (self != NULL, FALSE);

  lane = find_by_id (self->lanes, lane_id);
  phase = find_by_id (self->phases, phase_id);
  if (lane == NULL || phase == NULL || !waymark_lane_kind_holds_emotions (lane->kind))
    return FALSE;
  pi = phase->index;

  px = self->grid_x + (pi + 0.5) * self->column_width;
  py = waymark_layout_emotion_y (lane, CLAMP (0, lane->scale_min, lane->scale_max));
  for (guint i = 0; i < lane->points->len; i++)
    {
      WaymarkLayoutEmotion *point = &g_array_index (lane->points, WaymarkLayoutEmotion, i);

      if (point->phase_index == pi)
        py = point->y;
    }
  if (x != NULL)
    *x = px;
  if (y != NULL)
    *y = py;
  return TRUE;
}

gboolean
waymark_layout_emotion_score_at (WaymarkLayout *self,
                                 const char    *lane_id,
                                 double         y,
                                 int           *score)
{
  WaymarkLayoutLane *lane;
  double value;

  g_return_val_if_fail (self != NULL, FALSE);

  lane = find_by_id (self->lanes, lane_id);
  if (lane == NULL || !waymark_lane_kind_holds_emotions (lane->kind))
    return FALSE;

  if (lane->plot_bottom <= lane->plot_top || lane->scale_max <= lane->scale_min)
    value = lane->scale_min;
  else
    value = lane->scale_max - (y - lane->plot_top) / (lane->plot_bottom - lane->plot_top)
                                * (lane->scale_max - lane->scale_min);
  if (score != NULL)
    *score = CLAMP ((int) lround (value), lane->scale_min, lane->scale_max);
  return TRUE;
}

gboolean
waymark_layout_get_drop_target (WaymarkLayout     *self,
                                double             x,
                                double             y,
                                const char        *dragged_card_id,
                                WaymarkDropTarget *target)
{
  WaymarkLayoutLane *lane = NULL;
  WaymarkLayoutCard *last = NULL;
  WaymarkRect cell;
  double best = G_MAXDOUBLE;
  double line_y;
  int pi;
  int position = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (target != NULL, FALSE);

  memset (target, 0, sizeof *target);
  if (self->phases->len == 0)
    return FALSE;

  /* The card lane under the point, or else the nearest one. */
  for (guint i = 0; i < self->lanes->len; i++)
    {
      WaymarkLayoutLane *candidate = g_ptr_array_index (self->lanes, i);
      double distance;

      if (!waymark_lane_kind_holds_cards (candidate->kind))
        continue;
      if (y < candidate->row.y)
        distance = candidate->row.y - y;
      else if (y >= candidate->row.y + candidate->row.height)
        distance = y - (candidate->row.y + candidate->row.height);
      else
        distance = 0;
      if (distance < best)
        {
          best = distance;
          lane = candidate;
        }
    }
  if (lane == NULL)
    return FALSE;

  pi = (int) floor ((x - self->grid_x) / self->column_width);
  pi = CLAMP (pi, 0, (int) self->phases->len - 1);
  waymark_layout_cell_rect_at (self, lane->index, pi, &cell);
  line_y = cell.y + CELL_PAD / 2;

  /* Only the cards that start in the cell have a position in it. */
  {
    GPtrArray *cards = self->cell_cards[lane->index * self->phases->len + pi];

    for (guint i = 0; cards != NULL && i < cards->len; i++)
      {
        WaymarkLayoutCard *card = g_ptr_array_index (cards, i);

        if (card->phase_index != pi || g_strcmp0 (card->id, dragged_card_id) == 0)
          continue;
        if (y < card->rect.y + card->rect.height / 2)
          {
            line_y = card->rect.y - CARD_GAP / 2;
            last = NULL;
            break;
          }
        position++;
        last = card;
      }
    if (last != NULL)
      line_y = last->rect.y + last->rect.height + CARD_GAP / 2;
  }

  target->lane_id = lane->id;
  target->phase_id = ((WaymarkLayoutPhase *) g_ptr_array_index (self->phases, pi))->id;
  target->position = position;
  target->indicator = rect_make (cell.x + CELL_PAD, line_y - 1, cell.width - 2 * CELL_PAD, 2);
  return TRUE;
}
