/* waymark-canvas-selection.c: the canvas's selection, keyboard focus and highlights
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-canvas-private.h"

gboolean
_waymark_canvas_is_selected (WaymarkCanvas *self,
                             const char    *card_id)
{
  for (guint i = 0; i + 1 < self->selection->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->selection, i), card_id) == 0)
      return TRUE;
  return FALSE;
}

void
_waymark_canvas_set_selection (WaymarkCanvas      *self,
                               const char * const *card_ids)
{
  g_ptr_array_set_size (self->selection, 0);
  for (guint i = 0; card_ids != NULL && card_ids[i] != NULL; i++)
    g_ptr_array_add (self->selection, g_strdup (card_ids[i]));
  g_ptr_array_add (self->selection, NULL);
  _waymark_canvas_invalidate_overlay (self);
  _waymark_canvas_update_actions (self);
  _waymark_canvas_emit_selection_changed (self);
}

void
_waymark_canvas_toggle_selected (WaymarkCanvas *self,
                                 const char    *card_id)
{
  for (guint i = 0; i + 1 < self->selection->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->selection, i), card_id) == 0)
      {
        g_ptr_array_remove_index (self->selection, i);
        goto out;
      }
  g_ptr_array_insert (self->selection, self->selection->len - 1, g_strdup (card_id));
out:
  _waymark_canvas_invalidate_overlay (self);
  _waymark_canvas_update_actions (self);
  _waymark_canvas_emit_selection_changed (self);
}

void
waymark_canvas_inspect_document (WaymarkCanvas *self)
{
  g_return_if_fail (WAYMARK_IS_CANVAS (self));

  if (self->inspected_id == NULL)
    return;
  g_clear_pointer (&self->inspected_id, g_free);
  _waymark_canvas_notify_inspected_id (self);
}

/* Where the focus is, said before the card when the last move took it
 * into another lane or phase ("Phase 3 Decide: "); "" within one cell.
 * GTK 4.8 has no way to announce a message (gtk_accessible_announce ()
 * is GTK 4.14), so the change is part of the focused map's name, which
 * screen readers speak when it changes. */
static char *
dup_context (WaymarkCanvas *self,
             WaymarkLane   *lane,
             WaymarkPhase  *phase,
             int            phase_index)
{
  gboolean new_lane = g_strcmp0 (self->announced_lane_id, lane->base.id) != 0;
  gboolean new_phase = g_strcmp0 (self->announced_phase_id, phase->base.id) != 0;

  g_free (self->announced_lane_id);
  g_free (self->announced_phase_id);
  self->announced_lane_id = g_strdup (lane->base.id);
  self->announced_phase_id = g_strdup (phase->base.id);
  if (new_lane && new_phase)
    /* Translators: said first when the keyboard moved to a card in another
     * lane and phase: lane name, phase number, phase name. */
    return g_strdup_printf (_("Lane %s, phase %d %s: "), lane->name, phase_index + 1,
                            phase->name);
  if (new_lane)
    /* Translators: said first when the keyboard moved to a card in another lane. */
    return g_strdup_printf (_("Lane %s: "), lane->name);
  if (new_phase)
    /* Translators: said first when the keyboard moved to a card in another phase. */
    return g_strdup_printf (_("Phase %d %s: "), phase_index + 1, phase->name);
  return g_strdup ("");
}

/* "Phase 2 Orient: Card “Reads a brochure”, 2 of 3" described as "In lane
 * Actions, phase 2 Orient" */
static void
update_accessible (WaymarkCanvas *self)
{
  WaymarkPersona *persona = _waymark_canvas_get_persona (self);
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;
  WaymarkLane *lane = NULL;
  WaymarkPhase *phase = NULL;
  int phase_index = -1;

  if (persona == NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Journey map"), -1);
      return;
    }
  if (self->focus.lane_id != NULL)
    lane = waymark_persona_find_lane (persona, self->focus.lane_id);
  if (self->focus.phase_id != NULL)
    {
      phase = waymark_persona_find_phase (persona, self->focus.phase_id);
      phase_index = waymark_persona_phase_index (persona, self->focus.phase_id);
    }

  switch (self->focus.kind)
    {
    case WAYMARK_FOCUS_CARD:
      {
        WaymarkCard *card = waymark_document_find_card (self->document, self->focus.card_id);
        const char *text = card != NULL ? card->text : "";

        if (lane != NULL && phase != NULL)
          {
            g_autoptr(GPtrArray) cards = waymark_persona_cell_cards (persona, lane->base.id,
                                                                     phase->base.id);
            g_autofree char *context = dup_context (self, lane, phase, phase_index);
            guint position = 0;

            for (guint i = 0; i < cards->len; i++)
              if (g_ptr_array_index (cards, i) == (gpointer) card)
                position = i + 1;
            /* Translators: what a screen reader says about the focused card:
             * where the focus moved to (or nothing), the card's text, its
             * place among the cards of its cell ("2 of 3"). */
            label = g_strdup_printf (_("%sCard “%s”, %u of %u"), context, text, position,
                                     cards->len);
            /* Translators: where the focused card is: lane name, phase number, phase name. */
            description = g_strdup_printf (_("In lane %s, phase %d %s"), lane->name,
                                           phase_index + 1, phase->name);
          }
        else
          /* Translators: what a screen reader says about the focused card. */
          label = g_strdup_printf (_("Card “%s”"), text);
      }
      break;
    case WAYMARK_FOCUS_CELL:
      if (lane != NULL && phase != NULL)
        {
          /* The cell's own words name its lane and phase already. */
          g_clear_pointer (&self->announced_lane_id, g_free);
          g_clear_pointer (&self->announced_phase_id, g_free);
          self->announced_lane_id = g_strdup (lane->base.id);
          self->announced_phase_id = g_strdup (phase->base.id);
          if (waymark_lane_kind_holds_emotions (lane->kind))
            {
              WaymarkEmotionPoint *point = waymark_persona_find_emotion (persona, lane->base.id,
                                                                         phase->base.id);
              if (point != NULL)
                label = g_strdup_printf (_("Emotion %+d %s, lane %s, phase %d %s"), point->score,
                                         point->label, lane->name, phase_index + 1, phase->name);
              else
                label = g_strdup_printf (_("No emotion, lane %s, phase %d %s"), lane->name,
                                         phase_index + 1, phase->name);
              description = g_strdup (_("Up and down change the score with Alt; Enter places a point"));
            }
          else
            {
              g_autoptr(GPtrArray) cards = waymark_persona_cell_cards (persona, lane->base.id,
                                                                       phase->base.id);
              label = g_strdup_printf (_("Empty place in lane %s, phase %d %s"), lane->name,
                                       phase_index + 1, phase->name);
              description = g_strdup_printf (ngettext ("%u card in this cell; Enter adds a card",
                                                       "%u cards in this cell; Enter adds a card",
                                                       cards->len), cards->len);
            }
        }
      break;
    case WAYMARK_FOCUS_PHASE:
      if (phase != NULL)
        label = g_strdup_printf (_("Phase %d %s"), phase_index + 1, phase->name);
      break;
    case WAYMARK_FOCUS_LANE:
      if (lane != NULL)
        label = g_strdup_printf (_("Lane %s (%s)"), lane->name,
                                 waymark_lane_kind_get_label (lane->kind));
      break;
    case WAYMARK_FOCUS_NONE:
    default:
      break;
    }

  if (self->focus.kind != WAYMARK_FOCUS_CARD && self->focus.kind != WAYMARK_FOCUS_CELL)
    {
      g_clear_pointer (&self->announced_lane_id, g_free);
      g_clear_pointer (&self->announced_phase_id, g_free);
    }
  if (label == NULL)
    label = g_strdup_printf (_("Journey map of %s"), persona->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "",
                                  -1);
}

void
_waymark_canvas_update_accessible (WaymarkCanvas *self)
{
  update_accessible (self);
}

static const char *
inspected_for_focus (const WaymarkFocus *focus)
{
  switch (focus->kind)
    {
    case WAYMARK_FOCUS_CARD:
      return focus->card_id;
    case WAYMARK_FOCUS_PHASE:
      return focus->phase_id;
    case WAYMARK_FOCUS_LANE:
    case WAYMARK_FOCUS_CELL:
      return focus->lane_id;
    case WAYMARK_FOCUS_NONE:
    default:
      return NULL;
    }
}

void
_waymark_canvas_set_focus (WaymarkCanvas      *self,
                           const WaymarkFocus *focus)
{
  WaymarkLayout *layout = waymark_canvas_get_layout (self);
  const char *inspected;
  WaymarkRect rect;
  gboolean have_rect = FALSE;

  if (focus != &self->focus)
    waymark_focus_copy (&self->focus, focus);

  inspected = inspected_for_focus (&self->focus);
  if (inspected == NULL)
    inspected = self->persona_id;
  if (g_strcmp0 (inspected, self->inspected_id) != 0)
    {
      g_free (self->inspected_id);
      self->inspected_id = g_strdup (inspected);
      _waymark_canvas_notify_inspected_id (self);
    }

  if (layout != NULL)
    switch (self->focus.kind)
      {
      case WAYMARK_FOCUS_CARD:
        have_rect = waymark_layout_get_card_rect (layout, self->focus.card_id, &rect);
        break;
      case WAYMARK_FOCUS_CELL:
        have_rect = waymark_layout_get_cell_rect (layout, self->focus.lane_id,
                                                  self->focus.phase_id, &rect);
        break;
      case WAYMARK_FOCUS_PHASE:
        have_rect = waymark_layout_get_phase_rect (layout, self->focus.phase_id, &rect);
        break;
      case WAYMARK_FOCUS_LANE:
        have_rect = waymark_layout_get_lane_rect (layout, self->focus.lane_id, &rect);
        /* The whole row is wide; its header is what matters. */
        rect.width = MIN (rect.width, 200);
        break;
      case WAYMARK_FOCUS_NONE:
      default:
        break;
      }
  if (have_rect)
    _waymark_canvas_scroll_to_rect (self, &rect);
  /* Again once the adjustments know a new map's size (after switching
   * persona or an edit that grew the map). */
  self->scroll_pending = have_rect;
  gtk_widget_queue_allocate (GTK_WIDGET (self));

  update_accessible (self);
  _waymark_canvas_invalidate_overlay (self);
  _waymark_canvas_update_actions (self);
}

/* Scrolls @adjustment so that @start to @end, widget pixels along its
 * axis of @size pixels, is in view with some room around it: the end
 * when all of it fits, the start otherwise. */
static void
scroll_into_view (GtkAdjustment *adjustment,
                  double         start,
                  double         end,
                  double         size)
{
  const double pad = 16;
  double value = gtk_adjustment_get_value (adjustment);

  if (end + pad > size && end - start + 2 * pad <= size)
    gtk_adjustment_set_value (adjustment, value + end + pad - size);
  else if (start - pad < 0 || end - start + 2 * pad > size)
    gtk_adjustment_set_value (adjustment, value + start - pad);
}

void
_waymark_canvas_scroll_to_rect (WaymarkCanvas     *self,
                                const WaymarkRect *rect)
{
  double x0, y0, x1, y1;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->hadjustment == NULL || self->vadjustment == NULL || width <= 0)
    return;
  _waymark_canvas_doc_to_widget (self, rect->x, rect->y, &x0, &y0);
  _waymark_canvas_doc_to_widget (self, rect->x + rect->width, rect->y + rect->height, &x1, &y1);
  scroll_into_view (self->hadjustment, x0, x1, width);
  scroll_into_view (self->vadjustment, y0, y1, height);
}

void
waymark_canvas_reveal_card (WaymarkCanvas *self,
                            const char    *card_id)
{
  WaymarkPersona *persona;
  WaymarkFocus focus = { 0 };
  const char *ids[2] = { card_id, NULL };

  g_return_if_fail (WAYMARK_IS_CANVAS (self));

  if (self->document == NULL)
    return;
  persona = waymark_document_lookup_persona (self->document, card_id);
  if (persona == NULL)
    return;
  if (g_strcmp0 (persona->base.id, self->persona_id) != 0)
    {
      waymark_canvas_set_persona_id (self, persona->base.id);
    }
  _waymark_canvas_set_selection (self, ids);
  waymark_focus_set_card (&focus, persona, card_id);
  _waymark_canvas_set_focus (self, &focus);
  waymark_focus_clear (&focus);
}

void
waymark_canvas_set_highlights (WaymarkCanvas      *self,
                               const char * const *card_ids)
{
  g_return_if_fail (WAYMARK_IS_CANVAS (self));

  g_strfreev (self->highlights);
  self->highlights = g_strdupv ((char **) card_ids);
  g_clear_pointer (&self->find_overlay, waymark_scene_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
