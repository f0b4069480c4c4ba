/* waymark-focus.c: where the keyboard focus of the map goes
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "waymark-focus.h"

void
waymark_focus_clear (WaymarkFocus *focus)
{
  g_clear_pointer (&focus->phase_id, g_free);
  g_clear_pointer (&focus->lane_id, g_free);
  g_clear_pointer (&focus->card_id, g_free);
  focus->kind = WAYMARK_FOCUS_NONE;
}

void
waymark_focus_copy (WaymarkFocus       *dest,
                    const WaymarkFocus *src)
{
  WaymarkFocus tmp = { src->kind, g_strdup (src->phase_id), g_strdup (src->lane_id),
                       g_strdup (src->card_id) };

  waymark_focus_clear (dest);
  *dest = tmp;
}

gboolean
waymark_focus_equal (const WaymarkFocus *a,
                     const WaymarkFocus *b)
{
  return a->kind == b->kind && g_strcmp0 (a->phase_id, b->phase_id) == 0 &&
         g_strcmp0 (a->lane_id, b->lane_id) == 0 && g_strcmp0 (a->card_id, b->card_id) == 0;
}

static void
set_focus (WaymarkFocus     *focus,
           WaymarkFocusKind  kind,
           const char       *lane_id,
           const char       *phase_id,
           const char       *card_id)
{
  WaymarkFocus tmp = { kind, g_strdup (phase_id), g_strdup (lane_id), g_strdup (card_id) };

  waymark_focus_clear (focus);
  *focus = tmp;
}

void
waymark_focus_set_phase (WaymarkFocus *focus,
                         const char   *phase_id)
{
  set_focus (focus, WAYMARK_FOCUS_PHASE, NULL, phase_id, NULL);
}

void
waymark_focus_set_lane (WaymarkFocus *focus,
                        const char   *lane_id)
{
  set_focus (focus, WAYMARK_FOCUS_LANE, lane_id, NULL, NULL);
}

void
waymark_focus_set_cell (WaymarkFocus *focus,
                        const char   *lane_id,
                        const char   *phase_id)
{
  set_focus (focus, WAYMARK_FOCUS_CELL, lane_id, phase_id, NULL);
}

void
waymark_focus_set_card (WaymarkFocus         *focus,
                        const WaymarkPersona *persona,
                        const char           *card_id)
{
  WaymarkCard *card = waymark_persona_find_card (persona, card_id);

  if (card == NULL)
    waymark_focus_clear (focus);
  else
    set_focus (focus, WAYMARK_FOCUS_CARD, card->lane_id, card->phase_id, card->base.id);
}

static const char *
phase_id_at (const WaymarkPersona *persona,
             int                   index)
{
  WaymarkPhase *phase;

  if (index < 0 || (guint) index >= persona->phases->len)
    return NULL;
  phase = g_ptr_array_index (persona->phases, index);
  return phase->base.id;
}

static const char *
lane_id_at (const WaymarkPersona *persona,
            int                   index)
{
  WaymarkLane *lane;

  if (index < 0 || (guint) index >= persona->lanes->len)
    return NULL;
  lane = g_ptr_array_index (persona->lanes, index);
  return lane->base.id;
}

gboolean
waymark_focus_validate (WaymarkFocus         *focus,
                        const WaymarkPersona *persona)
{
  WaymarkFocus old = { 0 };
  gboolean changed;

  waymark_focus_copy (&old, focus);

  if (persona == NULL)
    {
      waymark_focus_clear (focus);
      goto out;
    }

  switch (focus->kind)
    {
    case WAYMARK_FOCUS_CARD:
      {
        WaymarkCard *card = waymark_persona_find_card (persona, focus->card_id);
        if (card != NULL)
          {
            /* The card may have moved to another cell. */
            waymark_focus_set_card (focus, persona, card->base.id);
            break;
          }
        if (waymark_persona_find_lane (persona, focus->lane_id) != NULL &&
            waymark_persona_find_phase (persona, focus->phase_id) != NULL)
          {
            g_autofree char *lane_id = g_strdup (focus->lane_id);
            g_autofree char *phase_id = g_strdup (focus->phase_id);
            waymark_focus_set_cell (focus, lane_id, phase_id);
          }
        else
          waymark_focus_clear (focus);
      }
      break;
    case WAYMARK_FOCUS_CELL:
      if (waymark_persona_find_lane (persona, focus->lane_id) == NULL ||
          waymark_persona_find_phase (persona, focus->phase_id) == NULL)
        {
          /* Fall back to what still exists of the two. */
          if (waymark_persona_find_phase (persona, focus->phase_id) != NULL)
            {
              g_autofree char *phase_id = g_strdup (focus->phase_id);
              waymark_focus_set_phase (focus, phase_id);
            }
          else if (waymark_persona_find_lane (persona, focus->lane_id) != NULL)
            {
              g_autofree char *lane_id = g_strdup (focus->lane_id);
              waymark_focus_set_lane (focus, lane_id);
            }
          else
            waymark_focus_clear (focus);
        }
      break;
    case WAYMARK_FOCUS_PHASE:
      if (waymark_persona_find_phase (persona, focus->phase_id) == NULL)
        {
          if (persona->phases->len > 0)
            waymark_focus_set_phase (focus, phase_id_at (persona, 0));
          else
            waymark_focus_clear (focus);
        }
      break;
    case WAYMARK_FOCUS_LANE:
      if (waymark_persona_find_lane (persona, focus->lane_id) == NULL)
        {
          if (persona->lanes->len > 0)
            waymark_focus_set_lane (focus, lane_id_at (persona, 0));
          else
            waymark_focus_clear (focus);
        }
      break;
    case WAYMARK_FOCUS_NONE:
    default:
      break;
    }

out:
  changed = !waymark_focus_equal (&old, focus);
  waymark_focus_clear (&old);
  return changed;
}

static gboolean
lane_holds_cards (const WaymarkPersona *persona,
                  int                   lane_index)
{
  WaymarkLane *lane = g_ptr_array_index (persona->lanes, lane_index);
  return waymark_lane_kind_holds_cards (lane->kind);
}

/* The items of a cell, top to bottom: its cards, or when it has none the
 * cell itself (card_id NULL), where Return creates a card. Down from the
 * last card goes on to the next lane, not to an invisible slot; Ctrl+Return
 * adds a card to a cell that has some. An emotions lane has only the cell. */
static GPtrArray *
cell_items (const WaymarkPersona *persona,
            int                   lane_index,
            int                   phase_index)
{
  const char *lane_id = lane_id_at (persona, lane_index);
  const char *phase_id = phase_id_at (persona, phase_index);
  GPtrArray *items;

  if (lane_holds_cards (persona, lane_index))
    items = waymark_persona_cell_cards (persona, lane_id, phase_id);
  else
    items = g_ptr_array_new ();
  if (items->len == 0)
    g_ptr_array_add (items, NULL);
  return items;
}

/* Focuses item @item_index of a cell (clamped; negative counts from the end). */
static void
focus_cell_item (WaymarkFocus         *focus,
                 const WaymarkPersona *persona,
                 int                   lane_index,
                 int                   phase_index,
                 int                   item_index)
{
  g_autoptr(GPtrArray) items = cell_items (persona, lane_index, phase_index);
  WaymarkCard *card;

  if (item_index < 0)
    item_index = (int) items->len + item_index;
  item_index = CLAMP (item_index, 0, (int) items->len - 1);
  card = g_ptr_array_index (items, item_index);
  if (card != NULL)
    waymark_focus_set_card (focus, persona, card->base.id);
  else
    waymark_focus_set_cell (focus, lane_id_at (persona, lane_index),
                            phase_id_at (persona, phase_index));
}

static int
item_index_of (const WaymarkPersona *persona,
               const WaymarkFocus   *focus,
               int                   lane_index,
               int                   phase_index)
{
  g_autoptr(GPtrArray) items = cell_items (persona, lane_index, phase_index);

  if (focus->kind == WAYMARK_FOCUS_CARD)
    for (guint i = 0; i < items->len; i++)
      {
        WaymarkCard *card = g_ptr_array_index (items, i);
        if (card != NULL && g_strcmp0 (card->base.id, focus->card_id) == 0)
          return (int) i;
      }
  return (int) items->len - 1;
}

gboolean
waymark_focus_move (WaymarkFocus         *focus,
                    const WaymarkPersona *persona,
                    WaymarkDirection      direction)
{
  int n_phases, n_lanes, lane, phase;

  g_return_val_if_fail (focus != NULL, FALSE);
  if (persona == NULL)
    return FALSE;

  n_phases = (int) persona->phases->len;
  n_lanes = (int) persona->lanes->len;
  waymark_focus_validate (focus, persona);

  if (focus->kind == WAYMARK_FOCUS_NONE)
    {
      if (n_lanes > 0 && n_phases > 0)
        focus_cell_item (focus, persona, 0, 0, 0);
      else if (n_phases > 0)
        waymark_focus_set_phase (focus, phase_id_at (persona, 0));
      else if (n_lanes > 0)
        waymark_focus_set_lane (focus, lane_id_at (persona, 0));
      else
        return FALSE;
      return TRUE;
    }

  lane = focus->lane_id != NULL ? waymark_persona_lane_index (persona, focus->lane_id) : -1;
  phase = focus->phase_id != NULL ? waymark_persona_phase_index (persona, focus->phase_id) : -1;

  switch (focus->kind)
    {
    case WAYMARK_FOCUS_PHASE:
      switch (direction)
        {
        case WAYMARK_DIRECTION_LEFT:
          if (phase <= 0)
            return FALSE;
          waymark_focus_set_phase (focus, phase_id_at (persona, phase - 1));
          return TRUE;
        case WAYMARK_DIRECTION_RIGHT:
          if (phase + 1 >= n_phases)
            return FALSE;
          waymark_focus_set_phase (focus, phase_id_at (persona, phase + 1));
          return TRUE;
        case WAYMARK_DIRECTION_DOWN:
          if (n_lanes == 0)
            return FALSE;
          focus_cell_item (focus, persona, 0, phase, 0);
          return TRUE;
        case WAYMARK_DIRECTION_UP:
        default:
          return FALSE;
        }

    case WAYMARK_FOCUS_LANE:
      switch (direction)
        {
        case WAYMARK_DIRECTION_UP:
          if (lane <= 0)
            return FALSE;
          waymark_focus_set_lane (focus, lane_id_at (persona, lane - 1));
          return TRUE;
        case WAYMARK_DIRECTION_DOWN:
          if (lane + 1 >= n_lanes)
            return FALSE;
          waymark_focus_set_lane (focus, lane_id_at (persona, lane + 1));
          return TRUE;
        case WAYMARK_DIRECTION_RIGHT:
          if (n_phases == 0)
            return FALSE;
          focus_cell_item (focus, persona, lane, 0, 0);
          return TRUE;
        case WAYMARK_DIRECTION_LEFT:
        default:
          return FALSE;
        }

    case WAYMARK_FOCUS_CELL:
    case WAYMARK_FOCUS_CARD:
      {
        int item = item_index_of (persona, focus, lane, phase);
        int span = 1;

        if (focus->kind == WAYMARK_FOCUS_CARD)
          {
            WaymarkCard *card = waymark_persona_find_card (persona, focus->card_id);
            span = card != NULL ? MAX (card->span, 1) : 1;
          }

        switch (direction)
          {
          case WAYMARK_DIRECTION_UP:
            if (item > 0)
              focus_cell_item (focus, persona, lane, phase, item - 1);
            else if (lane > 0)
              focus_cell_item (focus, persona, lane - 1, phase, -1);
            else
              waymark_focus_set_phase (focus, phase_id_at (persona, phase));
            return TRUE;
          case WAYMARK_DIRECTION_DOWN:
            {
              g_autoptr(GPtrArray) items = cell_items (persona, lane, phase);
              if (item + 1 < (int) items->len)
                focus_cell_item (focus, persona, lane, phase, item + 1);
              else if (lane + 1 < n_lanes)
                focus_cell_item (focus, persona, lane + 1, phase, 0);
              else
                return FALSE;
              return TRUE;
            }
          case WAYMARK_DIRECTION_LEFT:
            if (phase > 0)
              focus_cell_item (focus, persona, lane, phase - 1, item);
            else
              waymark_focus_set_lane (focus, lane_id_at (persona, lane));
            return TRUE;
          case WAYMARK_DIRECTION_RIGHT:
            if (phase + span >= n_phases)
              return FALSE;
            focus_cell_item (focus, persona, lane, phase + span, item);
            return TRUE;
          default:
            return FALSE;
          }
      }

    case WAYMARK_FOCUS_NONE:
    default:
      return FALSE;
    }
}

/* The nearest card lane above or below @lane_index, or -1. */
static int
next_card_lane (const WaymarkPersona *persona,
                int                   lane_index,
                int                   step)
{
  for (int i = lane_index + step; i >= 0 && i < (int) persona->lanes->len; i += step)
    if (lane_holds_cards (persona, i))
      return i;
  return -1;
}

gboolean
waymark_focus_card_move_target (const WaymarkPersona *persona,
                                const char           *card_id,
                                WaymarkDirection      direction,
                                const char          **lane_id,
                                const char          **phase_id,
                                int                  *position)
{
  WaymarkCard *card = waymark_persona_find_card (persona, card_id);
  g_autoptr(GPtrArray) cards = NULL;
  int lane, phase, pos, n;

  if (card == NULL)
    return FALSE;

  lane = waymark_persona_lane_index (persona, card->lane_id);
  phase = waymark_persona_phase_index (persona, card->phase_id);
  pos = waymark_persona_card_position (persona, card_id);
  cards = waymark_persona_cell_cards (persona, card->lane_id, card->phase_id);
  n = (int) cards->len;

  switch (direction)
    {
    case WAYMARK_DIRECTION_UP:
      if (pos > 0)
        {
          pos--;
          break;
        }
      lane = next_card_lane (persona, lane, -1);
      if (lane < 0)
        return FALSE;
      pos = -1;   /* at the end of the cell above */
      break;
    case WAYMARK_DIRECTION_DOWN:
      if (pos + 1 < n)
        {
          pos++;
          break;
        }
      lane = next_card_lane (persona, lane, +1);
      if (lane < 0)
        return FALSE;
      pos = 0;    /* at the top of the cell below */
      break;
    case WAYMARK_DIRECTION_LEFT:
      if (phase <= 0)
        return FALSE;
      phase--;
      break;
    case WAYMARK_DIRECTION_RIGHT:
      if (phase + 1 >= (int) persona->phases->len)
        return FALSE;
      phase++;
      break;
    default:
      return FALSE;
    }

  if (direction == WAYMARK_DIRECTION_LEFT || direction == WAYMARK_DIRECTION_RIGHT)
    {
      g_autoptr(GPtrArray) target = waymark_persona_cell_cards (persona, lane_id_at (persona, lane),
                                                                phase_id_at (persona, phase));
      pos = MIN (pos, (int) target->len);
    }

  *lane_id = lane_id_at (persona, lane);
  *phase_id = phase_id_at (persona, phase);
  *position = pos;
  return TRUE;
}
