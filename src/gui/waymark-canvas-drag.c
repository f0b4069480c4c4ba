/* waymark-canvas-drag.c: dragging on the canvas: cards, spans, points, headers, the view
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "waymark-canvas-private.h"
#include "waymark-card-drag.h"
#include "waymark-commands.h"

/* Pixels the pointer moves before a press becomes a drag. */
#define DRAG_THRESHOLD 4
/* Pixels from the canvas's edges where a drag scrolls the view, and the
 * speeds, in pixels per second, at the inner border of that band and at
 * the very edge; beyond the edge the speed keeps growing. */
#define AUTOSCROLL_EDGE 24
#define AUTOSCROLL_MIN_SPEED 120.0
#define AUTOSCROLL_EDGE_SPEED 900.0
#define AUTOSCROLL_MAX_SPEED 2400.0

/* One drag gesture does every kind of drag; what it does is decided at
 * the press, by what is under the pointer (DragMode). A drag near the
 * view's edges scrolls it (Autoscroll, below). */

static void
end_open_group (WaymarkCanvas *self)
{
  if (self->drag_group_open)
    {
      self->drag_group_open = FALSE;
      waymark_document_end_group (self->document);
    }
}

static void
open_group (WaymarkCanvas *self,
            const char    *label)
{
  if (!self->drag_group_open)
    {
      waymark_document_begin_group (self->document, label);
      self->drag_group_open = TRUE;
    }
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               WaymarkCanvas  *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  WaymarkHit hit;

  self->drag_start_x = self->drag_x = x;
  self->drag_start_y = self->drag_y = y;
  _waymark_canvas_widget_to_doc (self, x, y, &self->drag_start_doc_x, &self->drag_start_doc_y);
  self->drag_copy = (state & GDK_CONTROL_MASK) != 0;
  g_clear_pointer (&self->drag_card_id, g_free);
  g_clear_pointer (&self->drag_lane_id, g_free);
  g_clear_pointer (&self->drag_phase_id, g_free);

  if (button == GDK_BUTTON_MIDDLE || (button == GDK_BUTTON_PRIMARY && self->space_down))
    {
      self->drag_mode = DRAG_PAN;
      self->pan_start_h = gtk_adjustment_get_value (self->hadjustment);
      self->pan_start_v = gtk_adjustment_get_value (self->vadjustment);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }
  if (button != GDK_BUTTON_PRIMARY)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  _waymark_canvas_hit (self, x, y, &hit);
  self->drag_card_id = g_strdup (hit.card_id);
  self->drag_lane_id = g_strdup (hit.lane_id);
  self->drag_phase_id = g_strdup (hit.phase_id);
  self->drag_mode = DRAG_PENDING;

  if (hit.kind == WAYMARK_HIT_CARD && _waymark_canvas_on_span_handle (self, &hit, x))
    self->drag_mode = DRAG_SPAN;
  else if (hit.kind == WAYMARK_HIT_EMOTION_POINT ||
           (hit.kind == WAYMARK_HIT_CELL && _waymark_canvas_is_emotions_lane (self, hit.lane_id) &&
            (self->emotion_just_placed ||
             !_waymark_canvas_has_emotion (self, hit.lane_id, hit.phase_id))))
    /* A point is moved by dragging it; an empty phase places one. */
    self->drag_mode = DRAG_EMOTION;
  else
    {
      /* Decided once the pointer has moved: a drag of cards, headers or
       * a rubber band. */
      switch (hit.kind)
        {
        case WAYMARK_HIT_CARD:
          g_free (self->drag_lane_id);
          self->drag_lane_id = g_strdup ("card");
          break;
        case WAYMARK_HIT_PHASE_HEADER:
          g_free (self->drag_lane_id);
          self->drag_lane_id = g_strdup ("phase");
          break;
        case WAYMARK_HIT_LANE_HEADER:
          g_free (self->drag_phase_id);
          self->drag_phase_id = g_strdup ("lane");
          break;
        case WAYMARK_HIT_CELL:
        case WAYMARK_HIT_NONE:
        case WAYMARK_HIT_EMOTION_POINT:
        case WAYMARK_HIT_PERSONA_TITLE:
        default:
          break;
        }
    }
}

static void
update_rubber_band (WaymarkCanvas *self)
{
  WaymarkLayout *layout = waymark_canvas_get_layout (self);
  WaymarkPersona *persona = _waymark_canvas_get_persona (self);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  WaymarkRect band;
  double x0, y0, x1, y1;

  if (layout == NULL || persona == NULL)
    return;
  /* From where the press was on the map, which may have scrolled out of
   * view since. */
  _waymark_canvas_widget_to_doc (self, self->drag_x, self->drag_y, &x1, &y1);
  x0 = self->drag_start_doc_x;
  y0 = self->drag_start_doc_y;
  band = (WaymarkRect) { MIN (x0, x1), MIN (y0, y1), fabs (x1 - x0), fabs (y1 - y0) };
  for (guint i = 0; i < persona->cards->len; i++)
    {
      WaymarkCard *card = g_ptr_array_index (persona->cards, i);
      WaymarkRect rect;

      if (waymark_layout_get_card_rect (layout, card->base.id, &rect) &&
          waymark_rect_intersects (&rect, &band))
        g_ptr_array_add (ids, card->base.id);
    }
  g_ptr_array_add (ids, NULL);
  _waymark_canvas_set_selection (self, (const char * const *) ids->pdata);
}

/* Moves the dragged phase or lane header to where the pointer is, in the
 * drag's one undo step. */
static void
move_header (WaymarkCanvas *self,
             WaymarkLayout *layout,
             double         doc_x,
             double         doc_y)
{
  WaymarkPersona *persona = _waymark_canvas_get_persona (self);
  gboolean phase = self->drag_mode == DRAG_PHASE;
  const char *id = phase ? self->drag_phase_id : self->drag_lane_id;
  int current = phase ? waymark_persona_phase_index (persona, id)
                      : waymark_persona_lane_index (persona, id);
  int target = phase ? waymark_layout_phase_at (layout, doc_x)
                     : waymark_layout_lane_at (layout, doc_y);

  if (current < 0 || target == current)
    return;
  open_group (self, phase ? _("Move Phase") : _("Move Lane"));
  waymark_document_move (self->document, id, target);
}

static void update_drag (WaymarkCanvas *self);
static void update_autoscroll (WaymarkCanvas *self);
static void stop_autoscroll (WaymarkCanvas *self);

/* Cards out of the map ---------------------------------------------------- */

/* A drag of cards stays the canvas's own while it is over the map, where
 * it moves them (and the view scrolls at the edges). When the pointer
 * reaches a widget of the window that takes cards, such as a
 * recommendation in the sidebar, the drag becomes a drag and drop of
 * GTK's, so that the widget's drop target can show and take it. */

/* Whether the pointer, at (@x, @y) in canvas pixels, is off the map over
 * a widget that takes dragged cards. */
static gboolean
over_card_drop_target (WaymarkCanvas *self,
                       double         x,
                       double         y)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_point_t point;

  if (root == NULL ||
      (x >= 0 && y >= 0 && x < gtk_widget_get_width (widget) && y < gtk_widget_get_height (widget)))
    return FALSE;
  if (!gtk_widget_compute_point (widget, root, &GRAPHENE_POINT_INIT (x, y), &point))
    return FALSE;
  return waymark_dragged_cards_accepted_at (gtk_widget_pick (root, point.x, point.y,
                                                             GTK_PICK_DEFAULT),
                                            root);
}

static void
card_dnd_end (WaymarkCanvas *self,
              gboolean       success)
{
  g_autoptr(GdkDrag) drag = g_steal_pointer (&self->card_dnd);

  if (drag == NULL)
    return;
  g_signal_handlers_disconnect_by_data (drag, self);
  gdk_drag_drop_done (drag, success);
  _waymark_canvas_set_dragging_cards (self, FALSE);
}

static void
card_dnd_finished_cb (GdkDrag       *drag,
                      WaymarkCanvas *self)
{
  card_dnd_end (self, TRUE);
}

static void
card_dnd_cancel_cb (GdkDrag             *drag,
                    GdkDragCancelReason  reason,
                    WaymarkCanvas       *self)
{
  card_dnd_end (self, FALSE);
}

/* What the pointer carries: the first card's text, and how many more. */
static GtkWidget *
make_drag_chip (WaymarkCanvas *self)
{
  WaymarkCard *card = waymark_document_find_card (self->document, selected (self)[0]);
  g_autofree char *text = NULL;
  GtkWidget *label;

  if (n_selected (self) > 1)
    /* Translators: what a drag of several cards shows: the first card's
     * text and how many more cards there are, "No time (+2)". */
    text = g_strdup_printf (_("%s (+%u)"), card != NULL ? card->text : "", n_selected (self) - 1);
  label = gtk_label_new (text != NULL ? text : card != NULL ? card->text : "");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_widget_add_css_class (label, "waymark-drag-chip");
  return label;
}

static void
start_card_dnd (WaymarkCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkNative *native = gtk_widget_get_native (widget);
  GdkDevice *device = gtk_gesture_get_device (self->drag);
  g_autoptr(GdkContentProvider) content = NULL;
  graphene_point_t start, now;

  if (native == NULL || device == NULL || n_selected (self) == 0 || self->card_dnd != NULL ||
      !gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                 &GRAPHENE_POINT_INIT (self->drag_start_x, self->drag_start_y),
                                 &start) ||
      !gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                 &GRAPHENE_POINT_INIT (self->drag_x, self->drag_y), &now))
    return;

  content = waymark_dragged_cards_new_content (self->document, selected (self));
  self->card_dnd = gdk_drag_begin (gtk_native_get_surface (native), device, content,
                                   GDK_ACTION_LINK | GDK_ACTION_COPY,
                                   now.x - start.x, now.y - start.y);
  if (self->card_dnd == NULL)
    return;
  g_signal_connect (self->card_dnd, "dnd-finished", G_CALLBACK (card_dnd_finished_cb), self);
  g_signal_connect (self->card_dnd, "cancel", G_CALLBACK (card_dnd_cancel_cb), self);
  gtk_drag_icon_set_child (GTK_DRAG_ICON (gtk_drag_icon_get_for_drag (self->card_dnd)),
                           make_drag_chip (self));

  /* The drag on the map is over: no card moves, the ghost goes. */
  stop_autoscroll (self);
  self->drag_mode = DRAG_NONE;
  self->show_drop = FALSE;
  gtk_widget_set_cursor_from_name (widget, NULL);
  gtk_event_controller_reset (GTK_EVENT_CONTROLLER (self->drag));
  _waymark_canvas_invalidate_overlay (self);
}

void
_waymark_canvas_drag_dispose (WaymarkCanvas *self)
{
  if (self->card_dnd != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->card_dnd, self);
      g_clear_object (&self->card_dnd);
    }
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          offset_x,
                double          offset_y,
                WaymarkCanvas  *self)
{
  WaymarkLayout *layout = waymark_canvas_get_layout (self);

  self->drag_x = self->drag_start_x + offset_x;
  self->drag_y = self->drag_start_y + offset_y;

  if (self->drag_mode == DRAG_PAN)
    {
      gtk_adjustment_set_value (self->hadjustment, self->pan_start_h - offset_x);
      gtk_adjustment_set_value (self->vadjustment, self->pan_start_v - offset_y);
      return;
    }
  if (layout == NULL || self->document == NULL)
    return;

  if (self->drag_mode == DRAG_PENDING)
    {
      if (hypot (offset_x, offset_y) < DRAG_THRESHOLD)
        return;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      if (self->drag_card_id != NULL)
        {
          if (!_waymark_canvas_is_selected (self, self->drag_card_id))
            {
              const char *ids[] = { self->drag_card_id, NULL };
              _waymark_canvas_set_selection (self, ids);
            }
          self->drag_mode = DRAG_CARDS;
          gtk_widget_set_cursor_from_name (GTK_WIDGET (self), self->drag_copy ? "copy" : "grabbing");
          _waymark_canvas_set_dragging_cards (self, TRUE);
        }
      else if (g_strcmp0 (self->drag_lane_id, "phase") == 0)
        self->drag_mode = DRAG_PHASE;
      else if (g_strcmp0 (self->drag_phase_id, "lane") == 0)
        self->drag_mode = DRAG_LANE;
      else
        self->drag_mode = DRAG_RUBBER_BAND;
      _waymark_canvas_invalidate_overlay (self);
    }

  if (self->drag_mode == DRAG_CARDS && over_card_drop_target (self, self->drag_x, self->drag_y))
    {
      start_card_dnd (self);
      return;
    }
  update_drag (self);
  update_autoscroll (self);
}

/* Follows the pointer at (drag_x, drag_y): called when it moves, and on
 * each autoscroll tick, when the map moves under a still pointer. */
static void
update_drag (WaymarkCanvas *self)
{
  WaymarkLayout *layout = waymark_canvas_get_layout (self);
  double doc_x, doc_y;

  if (layout == NULL || self->document == NULL)
    return;
  _waymark_canvas_widget_to_doc (self, self->drag_x, self->drag_y, &doc_x, &doc_y);

  switch (self->drag_mode)
    {
    case DRAG_CARDS:
      {
        WaymarkDropTarget drop;

        /* The drop follows the pointer, not the ghost's corner: the card
         * lands in the cell under the pointer, which is where the user
         * looks; the ghost stays held where it was picked up. */
        if (waymark_layout_get_drop_target (layout, doc_x, doc_y, self->drag_card_id, &drop))
          {
            set_string (&self->drop_lane_id, drop.lane_id);
            set_string (&self->drop_phase_id, drop.phase_id);
            self->drop = drop;
            self->drop.lane_id = self->drop_lane_id;
            self->drop.phase_id = self->drop_phase_id;
            self->show_drop = TRUE;
          }
        else
          self->show_drop = FALSE;
        _waymark_canvas_invalidate_overlay (self);
      }
      break;

    case DRAG_SPAN:
      {
        WaymarkPersona *persona = _waymark_canvas_get_persona (self);
        WaymarkCard *card = waymark_document_find_card (self->document, self->drag_card_id);
        int last = waymark_layout_phase_at (layout, doc_x);

        /* A click on the handle, even with a shaking hand, changes
         * nothing: only a drag past the threshold does. */
        if (!self->drag_group_open && hypot (self->drag_x - self->drag_start_x,
                                             self->drag_y - self->drag_start_y) < DRAG_THRESHOLD)
          break;
        if (card == NULL || last < waymark_persona_phase_index (persona, card->phase_id))
          break;
        open_group (self, _("Change Card Span"));
        waymark_command_span_to_phase (self->document, self->drag_card_id,
                                       ((WaymarkPhase *) g_ptr_array_index (persona->phases, last))->base.id);
      }
      break;

    case DRAG_EMOTION:
      {
        WaymarkPersona *persona = _waymark_canvas_get_persona (self);
        WaymarkEmotionPoint *point = waymark_persona_find_emotion (persona, self->drag_lane_id,
                                                                   self->drag_phase_id);
        int score;

        /* The curve follows live: each new score is an edit within one
         * open group, so the whole drag is one undo step. Only past the
         * drag threshold: a hand shaking during a click moves nothing. */
        if (!self->drag_group_open && hypot (self->drag_x - self->drag_start_x,
                                             self->drag_y - self->drag_start_y) < DRAG_THRESHOLD)
          break;
        if (!waymark_layout_emotion_score_at (layout, self->drag_lane_id, doc_y, &score))
          break;
        if (point != NULL && point->score == score)
          break;
        open_group (self, _("Move Emotion Point"));
        waymark_document_set_emotion (self->document, self->persona_id, self->drag_lane_id,
                                      self->drag_phase_id, score, point != NULL ? point->label : "");
      }
      break;

    case DRAG_PHASE:
    case DRAG_LANE:
      move_header (self, layout, doc_x, doc_y);
      break;

    case DRAG_RUBBER_BAND:
      update_rubber_band (self);
      break;

    case DRAG_NONE:
    case DRAG_PENDING:
    case DRAG_PAN:
    default:
      break;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Autoscroll ------------------------------------------------------------- */

/* The signed speed, in pixels per second, at which the view scrolls along
 * one axis with the pointer at @pos in a widget @size long: faster the
 * closer it is to (or the further beyond) an edge, 0 away from them. */
static double
edge_speed (double pos,
            double size)
{
  double depth, speed;
  int sign;

  if (size <= 4 * AUTOSCROLL_EDGE)
    return 0;   /* too small a view to tell an edge from the middle */
  if (pos < AUTOSCROLL_EDGE)
    {
      depth = AUTOSCROLL_EDGE - pos;
      sign = -1;
    }
  else if (pos > size - AUTOSCROLL_EDGE)
    {
      depth = pos - (size - AUTOSCROLL_EDGE);
      sign = 1;
    }
  else
    return 0;

  if (depth <= AUTOSCROLL_EDGE)
    speed = AUTOSCROLL_MIN_SPEED
            + (AUTOSCROLL_EDGE_SPEED - AUTOSCROLL_MIN_SPEED) * depth / AUTOSCROLL_EDGE;
  else
    speed = MIN (AUTOSCROLL_MAX_SPEED,
                 AUTOSCROLL_EDGE_SPEED * (1 + (depth - AUTOSCROLL_EDGE) / (4.0 * AUTOSCROLL_EDGE)));
  return sign * speed;
}

/* Which axes the current drag scrolls along: a span only grows sideways
 * and an emotion point only moves up and down. */
static void
autoscroll_speed (WaymarkCanvas *self,
                  double        *vx,
                  double        *vy)
{
  gboolean horizontal = FALSE, vertical = FALSE;

  switch (self->drag_mode)
    {
    case DRAG_CARDS:
    case DRAG_RUBBER_BAND:
      horizontal = vertical = TRUE;
      break;
    case DRAG_SPAN:
    case DRAG_PHASE:
      horizontal = TRUE;
      break;
    case DRAG_EMOTION:
    case DRAG_LANE:
      vertical = TRUE;
      break;
    case DRAG_NONE:
    case DRAG_PENDING:
    case DRAG_PAN:
    default:
      break;
    }
  *vx = horizontal ? edge_speed (self->drag_x, gtk_widget_get_width (GTK_WIDGET (self))) : 0;
  *vy = vertical ? edge_speed (self->drag_y, gtk_widget_get_height (GTK_WIDGET (self))) : 0;
}

static void
stop_autoscroll (WaymarkCanvas *self)
{
  if (self->autoscroll_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->autoscroll_id);
      self->autoscroll_id = 0;
    }
}

static gboolean
scroll_by (GtkAdjustment *adjustment,
           double         delta)
{
  double before = gtk_adjustment_get_value (adjustment);

  gtk_adjustment_set_value (adjustment, before + delta);
  return gtk_adjustment_get_value (adjustment) != before;
}

static gboolean
autoscroll_tick_cb (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double vx, vy, dt;
  gboolean moved = FALSE;

  autoscroll_speed (self, &vx, &vy);
  if (vx == 0 && vy == 0)
    {
      self->autoscroll_id = 0;
      return G_SOURCE_REMOVE;
    }
  /* Scrolled by elapsed time, so the speed does not depend on the frame
   * rate; a long stall (a slow frame) does not make the view jump. */
  dt = self->autoscroll_last_us > 0 ? MIN (now - self->autoscroll_last_us, 100000) / 1e6 : 1 / 60.0;
  self->autoscroll_last_us = now;
  if (vx != 0 && self->hadjustment != NULL)
    moved |= scroll_by (self->hadjustment, vx * dt);
  if (vy != 0 && self->vadjustment != NULL)
    moved |= scroll_by (self->vadjustment, vy * dt);
  /* The pointer is still, but the map under it moved: the drop target,
   * the band or the span follows. */
  if (moved)
    update_drag (self);
  return G_SOURCE_CONTINUE;
}

/* Starts the tick while the pointer is near an edge during a drag; the
 * tick stops by itself once the pointer is back inside. */
static void
update_autoscroll (WaymarkCanvas *self)
{
  double vx, vy;

  if (self->autoscroll_id != 0)
    return;
  autoscroll_speed (self, &vx, &vy);
  if (vx == 0 && vy == 0)
    return;
  self->autoscroll_last_us = 0;
  self->autoscroll_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), autoscroll_tick_cb, NULL,
                                                      NULL);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          offset_x,
             double          offset_y,
             WaymarkCanvas  *self)
{
  DragMode mode = self->drag_mode;

  stop_autoscroll (self);
  self->emotion_just_placed = FALSE;
  if (mode == DRAG_CARDS && self->show_drop && self->document != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) ids = NULL;

      g_strv_builder_addv (builder, (const char **) self->selection->pdata);
      ids = g_strv_builder_end (builder);
      if (self->drag_copy)
        {
          g_autoptr(GPtrArray) copies = g_ptr_array_new ();
          int position = self->drop.position;

          waymark_document_begin_group (self->document, g_strv_length (ids) > 1 ? _("Copy Cards")
                                                                                : _("Copy Card"));
          for (guint i = 0; ids[i] != NULL; i++)
            {
              const char *copy = waymark_command_copy_card_to (self->document, ids[i],
                                                               self->drop_lane_id, self->drop_phase_id,
                                                               position);
              if (copy != NULL)
                {
                  g_ptr_array_add (copies, g_strdup (copy));
                  if (position >= 0)
                    position++;
                }
            }
          waymark_document_end_group (self->document);
          g_ptr_array_add (copies, NULL);
          _waymark_canvas_set_selection (self, (const char * const *) copies->pdata);
          g_ptr_array_set_free_func (copies, g_free);
        }
      else
        waymark_command_move_cards (self->document, (const char * const *) ids,
                                    self->drop_lane_id, self->drop_phase_id, self->drop.position);
    }
  end_open_group (self);

  self->drag_mode = DRAG_NONE;
  self->show_drop = FALSE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
  if (self->card_dnd == NULL)
    _waymark_canvas_set_dragging_cards (self, FALSE);
  if (mode == DRAG_CARDS)
    {
      WaymarkFocus focus = { 0 };

      waymark_focus_set_card (&focus, _waymark_canvas_get_persona (self), self->drag_card_id);
      if (focus.kind != WAYMARK_FOCUS_NONE)
        _waymark_canvas_set_focus (self, &focus);
      waymark_focus_clear (&focus);
    }
  _waymark_canvas_invalidate_overlay (self);
}

static void
drag_cancel_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                WaymarkCanvas    *self)
{
  stop_autoscroll (self);
  end_open_group (self);
  self->drag_mode = DRAG_NONE;
  self->show_drop = FALSE;
  if (self->card_dnd == NULL)
    _waymark_canvas_set_dragging_cards (self, FALSE);
  _waymark_canvas_invalidate_overlay (self);
}

void
_waymark_canvas_drag_init (WaymarkCanvas *self)
{
  GtkGesture *gesture = gtk_gesture_drag_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect (gesture, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
  self->drag = gesture;
}
