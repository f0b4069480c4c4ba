/* waymark-canvas-input.c: pointer, touch and keyboard input of the canvas
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "waymark-canvas-private.h"

/* Pixels from a card's right edge where dragging changes its span. */
#define SPAN_HANDLE 12

static WaymarkLane *
find_lane (WaymarkCanvas *self,
           const char    *lane_id)
{
  WaymarkPersona *persona = _waymark_canvas_get_persona (self);
  return persona != NULL && lane_id != NULL ? waymark_persona_find_lane (persona, lane_id) : NULL;
}

gboolean
_waymark_canvas_is_emotions_lane (WaymarkCanvas *self,
                  const char    *lane_id)
{
  WaymarkLane *lane = find_lane (self, lane_id);
  return lane != NULL && waymark_lane_kind_holds_emotions (lane->kind);
}

gboolean
_waymark_canvas_on_span_handle (WaymarkCanvas    *self,
                const WaymarkHit *hit,
                double            x)
{
  WaymarkLayout *layout = waymark_canvas_get_layout (self);
  WaymarkRect handle;
  double left, right, y;

  if (hit->kind != WAYMARK_HIT_CARD || layout == NULL ||
      !waymark_scene_get_span_handle_rect (layout, hit->card_id, &handle))
    return FALSE;
  /* The drawn handle, and at least SPAN_HANDLE pixels of the card's edge
   * over its whole height whatever the zoom: easy to aim at. */
  _waymark_canvas_doc_to_widget (self, handle.x, handle.y, &left, &y);
  _waymark_canvas_doc_to_widget (self, hit->rect.x + hit->rect.width, hit->rect.y, &right, &y);
  return x >= MIN (left, right - SPAN_HANDLE) && x <= right + 1;
}

/* Hover ------------------------------------------------------------------ */

static void
update_hover (WaymarkCanvas *self,
              double         x,
              double         y)
{
  WaymarkHit hit;
  const char *card = NULL, *lane = NULL, *phase = NULL;
  const char *cursor = NULL;
  gboolean changed;

  if (self->drag_mode != DRAG_NONE)
    return;
  _waymark_canvas_hit (self, x, y, &hit);
  switch (hit.kind)
    {
    case WAYMARK_HIT_CARD:
      card = hit.card_id;
      cursor = _waymark_canvas_on_span_handle (self, &hit, x) ? "col-resize" : NULL;
      break;
    case WAYMARK_HIT_CELL:
      /* The hover tint shows where a double-click adds a card. */
      if (_waymark_canvas_is_emotions_lane (self, hit.lane_id))
        cursor = "pointer";
      else
        {
          lane = hit.lane_id;
          phase = hit.phase_id;
          cursor = "copy";
        }
      break;
    case WAYMARK_HIT_EMOTION_POINT:
      cursor = "ns-resize";
      break;
    case WAYMARK_HIT_PHASE_HEADER:
    case WAYMARK_HIT_LANE_HEADER:
      cursor = "grab";
      break;
    case WAYMARK_HIT_PERSONA_TITLE:
    case WAYMARK_HIT_NONE:
    default:
      break;
    }
  if (self->space_down)
    cursor = "grab";
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);

  changed = g_strcmp0 (card, self->hover_card_id) != 0 || g_strcmp0 (lane, self->hover_lane_id) != 0 ||
            g_strcmp0 (phase, self->hover_phase_id) != 0;
  if (!changed)
    return;
  set_string (&self->hover_card_id, card);
  set_string (&self->hover_lane_id, lane);
  set_string (&self->hover_phase_id, phase);
  _waymark_canvas_invalidate_overlay (self);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           WaymarkCanvas            *self)
{
  self->menu_x = x;
  self->menu_y = y;
  update_hover (self, x, y);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          WaymarkCanvas            *self)
{
  if (self->hover_card_id == NULL && self->hover_lane_id == NULL)
    return;
  g_clear_pointer (&self->hover_card_id, g_free);
  g_clear_pointer (&self->hover_lane_id, g_free);
  g_clear_pointer (&self->hover_phase_id, g_free);
  _waymark_canvas_invalidate_overlay (self);
}

/* Clicks ------------------------------------------------------------------- */

static void
focus_hit (WaymarkCanvas    *self,
           const WaymarkHit *hit)
{
  WaymarkPersona *persona = _waymark_canvas_get_persona (self);
  WaymarkFocus focus = { 0 };

  switch (hit->kind)
    {
    case WAYMARK_HIT_CARD:
      waymark_focus_set_card (&focus, persona, hit->card_id);
      break;
    case WAYMARK_HIT_CELL:
    case WAYMARK_HIT_EMOTION_POINT:
      waymark_focus_set_cell (&focus, hit->lane_id, hit->phase_id);
      break;
    case WAYMARK_HIT_PHASE_HEADER:
      waymark_focus_set_phase (&focus, hit->phase_id);
      break;
    case WAYMARK_HIT_LANE_HEADER:
      waymark_focus_set_lane (&focus, hit->lane_id);
      break;
    case WAYMARK_HIT_PERSONA_TITLE:
    case WAYMARK_HIT_NONE:
    default:
      break;
    }
  _waymark_canvas_set_focus (self, &focus);
  waymark_focus_clear (&focus);

  /* The title block shows the persona in the inspector; empty paper the
   * document. */
  if (hit->kind == WAYMARK_HIT_NONE || hit->kind == WAYMARK_HIT_PERSONA_TITLE)
    {
      const char *inspected = hit->kind == WAYMARK_HIT_NONE ? NULL : self->persona_id;

      if (g_strcmp0 (inspected, self->inspected_id) != 0)
        {
          g_free (self->inspected_id);
          self->inspected_id = g_strdup (inspected);
          g_object_notify (G_OBJECT (self), "inspected-id");
        }
    }
}

gboolean
_waymark_canvas_has_emotion (WaymarkCanvas *self,
             const char    *lane_id,
             const char    *phase_id)
{
  WaymarkPersona *persona = _waymark_canvas_get_persona (self);

  return persona != NULL && waymark_persona_find_emotion (persona, lane_id, phase_id) != NULL;
}

/* Places the emotion point of a phase that has none at the height
 * clicked. A point already there only moves when dragged: a stray click
 * must not change a score. */
static void
place_emotion (WaymarkCanvas *self,
               const char    *lane_id,
               const char    *phase_id,
               double         y)
{
  WaymarkLayout *layout = waymark_canvas_get_layout (self);
  double doc_x, doc_y;
  int score;

  if (_waymark_canvas_has_emotion (self, lane_id, phase_id))
    return;
  _waymark_canvas_widget_to_doc (self, 0, y, &doc_x, &doc_y);
  if (layout == NULL || !waymark_layout_emotion_score_at (layout, lane_id, doc_y, &score))
    return;
  waymark_document_set_emotion (self->document, self->persona_id, lane_id, phase_id, score, "");
  /* The same press may go on into a drag that adjusts the new point. */
  self->emotion_just_placed = TRUE;
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  WaymarkCanvas   *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  gboolean extend = (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) != 0;
  WaymarkHit hit;

  self->emotion_just_placed = FALSE;
  if (self->editor != NULL)
    _waymark_canvas_edit_commit (self);
  gtk_widget_grab_focus (GTK_WIDGET (self));
  _waymark_canvas_hit (self, x, y, &hit);
  self->press_had_modifier = extend;

  if (button == GDK_BUTTON_SECONDARY)
    {
      if (hit.kind == WAYMARK_HIT_CARD && !_waymark_canvas_is_selected (self, hit.card_id))
        {
          const char *ids[] = { hit.card_id, NULL };
          _waymark_canvas_set_selection (self, ids);
        }
      focus_hit (self, &hit);
      _waymark_canvas_popup_menu (self, x, y);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }
  if (button != GDK_BUTTON_PRIMARY || self->space_down)
    return;

  if (n_press == 2)
    {
      switch (hit.kind)
        {
        case WAYMARK_HIT_CARD:
          _waymark_canvas_edit_start (self, EDIT_CARD_TEXT, hit.card_id, NULL, NULL, -1);
          break;
        case WAYMARK_HIT_CELL:
          if (!_waymark_canvas_is_emotions_lane (self, hit.lane_id))
            _waymark_canvas_edit_start (self, EDIT_NEW_CARD, NULL, hit.lane_id, hit.phase_id, -1);
          break;
        case WAYMARK_HIT_EMOTION_POINT:
          _waymark_canvas_edit_start (self, EDIT_EMOTION_LABEL, NULL, hit.lane_id, hit.phase_id, -1);
          break;
        case WAYMARK_HIT_PHASE_HEADER:
          _waymark_canvas_edit_start (self, EDIT_PHASE_NAME, hit.phase_id, NULL, NULL, -1);
          break;
        case WAYMARK_HIT_LANE_HEADER:
          _waymark_canvas_edit_start (self, EDIT_LANE_NAME, hit.lane_id, NULL, NULL, -1);
          break;
        case WAYMARK_HIT_PERSONA_TITLE:
          _waymark_canvas_edit_start (self, EDIT_PERSONA_NAME, self->persona_id, NULL, NULL, -1);
          break;
        case WAYMARK_HIT_NONE:
        default:
          break;
        }
      return;
    }
  if (n_press != 1)
    return;

  switch (hit.kind)
    {
    case WAYMARK_HIT_CARD:
      if (extend)
        _waymark_canvas_toggle_selected (self, hit.card_id);
      else if (!_waymark_canvas_is_selected (self, hit.card_id))
        {
          const char *ids[] = { hit.card_id, NULL };
          _waymark_canvas_set_selection (self, ids);
        }
      break;
    case WAYMARK_HIT_CELL:
      if (_waymark_canvas_is_emotions_lane (self, hit.lane_id))
        place_emotion (self, hit.lane_id, hit.phase_id, y);
      if (!extend)
        _waymark_canvas_set_selection (self, NULL);
      break;
    case WAYMARK_HIT_EMOTION_POINT:
    case WAYMARK_HIT_PHASE_HEADER:
    case WAYMARK_HIT_LANE_HEADER:
    case WAYMARK_HIT_PERSONA_TITLE:
    case WAYMARK_HIT_NONE:
    default:
      if (!extend)
        _waymark_canvas_set_selection (self, NULL);
      break;
    }
  focus_hit (self, &hit);
}

/* Whether (@x, @y) is on the "+" the overlay shows in the hovered cell.
 * Only while it is shown: a touch, which does not hover, or
 * a click elsewhere in the cell only focuses the cell. */
static gboolean
on_add_button (WaymarkCanvas    *self,
               const WaymarkHit *hit,
               double            x,
               double            y)
{
  WaymarkLayout *layout = waymark_canvas_get_layout (self);
  WaymarkRect rect;
  double doc_x, doc_y;

  if (layout == NULL || hit->kind != WAYMARK_HIT_CELL || self->hover_lane_id == NULL
      || g_strcmp0 (hit->lane_id, self->hover_lane_id) != 0
      || g_strcmp0 (hit->phase_id, self->hover_phase_id) != 0
      || !waymark_scene_get_add_button_rect (layout, hit->lane_id, hit->phase_id, &rect))
    return FALSE;
  _waymark_canvas_widget_to_doc (self, x, y, &doc_x, &doc_y);
  /* A little slack around the glyph: it is small. */
  return waymark_rect_contains_point (&(WaymarkRect) { rect.x - 3, rect.y - 3, rect.width + 6,
                                                       rect.height + 6 }, doc_x, doc_y);
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   WaymarkCanvas   *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  WaymarkHit hit;

  /* A single click on the "+" adds a card there, as a double-click does.
   * On release, so that a press that becomes a rubber band adds nothing. */
  if (n_press == 1 && button == GDK_BUTTON_PRIMARY && !self->press_had_modifier
      && !self->space_down && self->editor == NULL)
    {
      _waymark_canvas_hit (self, x, y, &hit);
      if (on_add_button (self, &hit, x, y))
        {
          _waymark_canvas_edit_start (self, EDIT_NEW_CARD, NULL, hit.lane_id, hit.phase_id, -1);
          return;
        }
    }

  /* A click (not a drag) on one of several selected cards selects just it. */
  if (n_press != 1 || self->press_had_modifier || self->selection->len <= 2)
    return;
  _waymark_canvas_hit (self, x, y, &hit);
  if (hit.kind == WAYMARK_HIT_CARD)
    {
      const char *ids[] = { hit.card_id, NULL };
      _waymark_canvas_set_selection (self, ids);
    }
}

/* Zoom ---------------------------------------------------------------------- */

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           WaymarkCanvas            *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;   /* the scrolled window pans */
  _waymark_canvas_zoom_at (self, self->zoom * pow (1.1, -dy), self->menu_x, self->menu_y);
  return TRUE;
}

static double zoom_gesture_start;

static void
zoom_begin_cb (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               WaymarkCanvas    *self)
{
  zoom_gesture_start = self->zoom;
}

static void
zoom_scale_changed_cb (GtkGestureZoom *gesture,
                       double          scale,
                       WaymarkCanvas  *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  _waymark_canvas_zoom_at (self, zoom_gesture_start * scale, x, y);
}

/* Keyboard ----------------------------------------------------------------- */

/* Typing a character on a focused card, cell or header starts editing it
 * with that character, as in a spreadsheet: after a card's text (which
 * is amended more often than replaced), in place of a selected name, as
 * the start of a new card. Not on an emotion cell, where Enter would
 * place a point as a side effect. */
static gboolean
start_typing (WaymarkCanvas *self,
              guint          keyval)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  char utf8[8] = { 0 };
  GtkTextBuffer *buffer;

  if (c == 0 || !g_unichar_isgraph (c))
    return FALSE;
  switch (self->focus.kind)
    {
    case WAYMARK_FOCUS_CELL:
      if (_waymark_canvas_is_emotions_lane (self, self->focus.lane_id))
        return FALSE;
      break;
    case WAYMARK_FOCUS_CARD:
    case WAYMARK_FOCUS_PHASE:
    case WAYMARK_FOCUS_LANE:
      break;
    case WAYMARK_FOCUS_NONE:
    default:
      return FALSE;
    }
  waymark_canvas_start_editing (self);
  if (self->editor == NULL)
    return FALSE;
  g_unichar_to_utf8 (c, utf8);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, utf8, -1, TRUE);
  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                WaymarkCanvas         *self)
{
  WaymarkDirection direction;
  gboolean alt = (state & GDK_ALT_MASK) != 0;
  gboolean ctrl = (state & GDK_CONTROL_MASK) != 0;

  if (self->editor != NULL)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      direction = WAYMARK_DIRECTION_UP;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      direction = WAYMARK_DIRECTION_DOWN;
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      direction = WAYMARK_DIRECTION_LEFT;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      direction = WAYMARK_DIRECTION_RIGHT;
      break;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_F2:
      if (ctrl && !alt && keyval != GDK_KEY_F2 &&
          (self->focus.kind == WAYMARK_FOCUS_CARD || self->focus.kind == WAYMARK_FOCUS_CELL) &&
          !_waymark_canvas_is_emotions_lane (self, self->focus.lane_id))
        {
          /* Ctrl+Return: a new card at the bottom of the focused cell. */
          gtk_widget_activate_action (GTK_WIDGET (self), "canvas.add-card", NULL);
          return TRUE;
        }
      if (ctrl || alt)
        return FALSE;
      waymark_canvas_start_editing (self);
      return TRUE;

    case GDK_KEY_Escape:
      /* Lets go of what is selected or focused, so that the next
       * action (Add Lane from the map's menu, the persona's properties)
       * is about the whole map again. */
      if (self->selection->len > 1 || self->focus.kind != WAYMARK_FOCUS_NONE)
        {
          _waymark_canvas_set_selection (self, NULL);
          waymark_focus_clear (&self->focus);
          _waymark_canvas_set_focus (self, &self->focus);
          return TRUE;
        }
      return FALSE;

    case GDK_KEY_space:
      if (ctrl && self->focus.kind == WAYMARK_FOCUS_CARD)
        {
          _waymark_canvas_toggle_selected (self, self->focus.card_id);
          return TRUE;
        }
      if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK))
        return FALSE;
      /* Held down, space turns a drag into panning. */
      self->space_down = TRUE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
      return TRUE;

    case GDK_KEY_Menu:
      _waymark_canvas_popup_menu (self, -1, -1);
      return TRUE;
    case GDK_KEY_F10:
      if (state & GDK_SHIFT_MASK)
        {
          _waymark_canvas_popup_menu (self, -1, -1);
          return TRUE;
        }
      return FALSE;

    default:
      return !ctrl && !alt && start_typing (self, keyval);
    }

  if (ctrl)
    return FALSE;
  if (alt)
    return _waymark_canvas_move_focused (self, direction);

  {
    WaymarkPersona *persona = _waymark_canvas_get_persona (self);
    gboolean extend = (state & GDK_SHIFT_MASK) != 0;

    if (!waymark_focus_move (&self->focus, persona, direction))
      {
        gtk_widget_error_bell (GTK_WIDGET (self));
        return TRUE;
      }
    _waymark_canvas_set_focus (self, &self->focus);
    /* The focused card is the selection, unless Shift extends it. */
    if (self->focus.kind == WAYMARK_FOCUS_CARD)
      {
        if (extend)
          {
            if (!_waymark_canvas_is_selected (self, self->focus.card_id))
              _waymark_canvas_toggle_selected (self, self->focus.card_id);
          }
        else
          {
            const char *ids[] = { self->focus.card_id, NULL };
            _waymark_canvas_set_selection (self, ids);
          }
      }
    else if (!extend)
      _waymark_canvas_set_selection (self, NULL);
  }
  return TRUE;
}

static void
key_released_cb (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 WaymarkCanvas         *self)
{
  if (keyval == GDK_KEY_space && self->space_down)
    {
      self->space_down = FALSE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
    }
}

static void
focus_changed_cb (GtkEventControllerFocus *controller,
                  WaymarkCanvas           *self)
{
  /* The focus ring shows only while the canvas has the keyboard focus. */
  self->space_down = FALSE;
  _waymark_canvas_invalidate_overlay (self);
}

/* Names the "+" of the hovered cell, so that its single click is
 * discoverable; the rest of the map has no tooltip. */
static gboolean
query_tooltip_cb (GtkWidget     *widget,
                  int            x,
                  int            y,
                  gboolean       keyboard_mode,
                  GtkTooltip    *tooltip,
                  WaymarkCanvas *self)
{
  WaymarkLayout *layout = waymark_canvas_get_layout (self);
  WaymarkHit hit;
  WaymarkRect rect;
  double x0, y0, x1, y1;

  if (keyboard_mode || layout == NULL || self->drag_mode != DRAG_NONE || self->editor != NULL)
    return FALSE;
  _waymark_canvas_hit (self, x, y, &hit);
  if (!on_add_button (self, &hit, x, y)
      || !waymark_scene_get_add_button_rect (layout, hit.lane_id, hit.phase_id, &rect))
    return FALSE;
  _waymark_canvas_doc_to_widget (self, rect.x, rect.y, &x0, &y0);
  _waymark_canvas_doc_to_widget (self, rect.x + rect.width, rect.y + rect.height, &x1, &y1);
  /* The tip area makes GTK ask again once the pointer leaves the "+". */
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) floor (x0), (int) floor (y0),
                                                       (int) ceil (x1 - x0), (int) ceil (y1 - y0) });
  gtk_tooltip_set_text (tooltip, _("Add a card here"));
  return TRUE;
}

void
_waymark_canvas_input_init (WaymarkCanvas *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect (gesture, "pressed", G_CALLBACK (click_pressed_cb), self);
  g_signal_connect (gesture, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
  self->click = gesture;

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  _waymark_canvas_drag_init (self);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  g_signal_connect (controller, "key-released", G_CALLBACK (key_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (focus_changed_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (focus_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

void
_waymark_canvas_class_input_init (GtkWidgetClass *widget_class)
{
}

void
waymark_canvas_start_editing (WaymarkCanvas *self)
{
  WaymarkPersona *persona;

  g_return_if_fail (WAYMARK_IS_CANVAS (self));

  persona = _waymark_canvas_get_persona (self);
  if (persona == NULL)
    return;
  if (self->focus.kind == WAYMARK_FOCUS_NONE)
    waymark_focus_move (&self->focus, persona, WAYMARK_DIRECTION_DOWN);

  switch (self->focus.kind)
    {
    case WAYMARK_FOCUS_CARD:
      _waymark_canvas_edit_start (self, EDIT_CARD_TEXT, self->focus.card_id, NULL, NULL, -1);
      break;
    case WAYMARK_FOCUS_CELL:
      if (_waymark_canvas_is_emotions_lane (self, self->focus.lane_id))
        {
          /* A phase without a point gets one in the middle of the scale,
           * and either way its label is edited at once, so that what is
           * typed next is not lost. */
          if (waymark_persona_find_emotion (persona, self->focus.lane_id, self->focus.phase_id) == NULL)
            waymark_document_set_emotion (self->document, self->persona_id, self->focus.lane_id,
                                          self->focus.phase_id, 0, "");
          _waymark_canvas_edit_start (self, EDIT_EMOTION_LABEL, NULL, self->focus.lane_id,
                                      self->focus.phase_id, -1);
        }
      else
        _waymark_canvas_edit_start (self, EDIT_NEW_CARD, NULL, self->focus.lane_id,
                                    self->focus.phase_id, -1);
      break;
    case WAYMARK_FOCUS_PHASE:
      _waymark_canvas_edit_start (self, EDIT_PHASE_NAME, self->focus.phase_id, NULL, NULL, -1);
      break;
    case WAYMARK_FOCUS_LANE:
      _waymark_canvas_edit_start (self, EDIT_LANE_NAME, self->focus.lane_id, NULL, NULL, -1);
      break;
    case WAYMARK_FOCUS_NONE:
    default:
      break;
    }
}
