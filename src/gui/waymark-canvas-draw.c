/* waymark-canvas-draw.c: drawing the canvas: the map, its overlays and the focus
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "waymark-cairo-backend.h"
#include "waymark-canvas-private.h"
#include "waymark-file-writer.h"

/* The map is drawn by the same cairo code as every export, over white
 * paper; the overlay (selection, focus, hover, drag indicators) and the
 * find highlights are scenes of their own, so that a change to them does
 * not redraw the map. */

static WaymarkScene *
ensure_overlay (WaymarkCanvas *self)
{
  WaymarkLayout *layout = waymark_canvas_get_layout (self);
  WaymarkSceneState state = { 0 };
  gboolean dragging = self->drag_mode == DRAG_CARDS || self->drag_mode == DRAG_SPAN ||
                      self->drag_mode == DRAG_EMOTION;

  if (layout == NULL)
    return NULL;
  if (self->overlay != NULL)
    return self->overlay;

  state.selected_card_ids = (const char * const *) self->selection->pdata;
  /* No hover while editing: the "+" would show through a new card's editor. */
  if (!dragging && self->drag_mode != DRAG_RUBBER_BAND && self->editor == NULL)
    {
      state.hovered_card_id = self->hover_card_id;
      state.hovered_lane_id = self->hover_lane_id;
      state.hovered_phase_id = self->hover_phase_id;
    }
  if (gtk_widget_has_focus (GTK_WIDGET (self)) || self->editor != NULL)
    {
      switch (self->focus.kind)
        {
        case WAYMARK_FOCUS_CARD:
          state.focus_id = self->focus.card_id;
          break;
        case WAYMARK_FOCUS_PHASE:
          state.focus_id = self->focus.phase_id;
          break;
        case WAYMARK_FOCUS_LANE:
          state.focus_id = self->focus.lane_id;
          break;
        case WAYMARK_FOCUS_CELL:
          state.focus_lane_id = self->focus.lane_id;
          state.focus_phase_id = self->focus.phase_id;
          break;
        case WAYMARK_FOCUS_NONE:
        default:
          /* Reached with Tab, or after Escape: show where the keyboard
           * is, on the persona's title (what the inspector shows then). */
          if (gtk_widget_has_visible_focus (GTK_WIDGET (self)))
            state.focus_id = self->persona_id;
          break;
        }
    }
  if (self->show_drop)
    {
      state.show_drop_target = TRUE;
      state.drop_target = self->drop;
    }
  self->overlay = waymark_scene_new_overlay (layout, &state);
  return self->overlay;
}

static WaymarkScene *
ensure_find_overlay (WaymarkCanvas *self)
{
  WaymarkLayout *layout = waymark_canvas_get_layout (self);
  WaymarkSceneState state = { 0 };

  if (layout == NULL || self->highlights == NULL || self->highlights[0] == NULL)
    return NULL;
  if (self->find_overlay == NULL)
    {
      state.selected_card_ids = (const char * const *) self->highlights;
      self->find_overlay = waymark_scene_new_overlay (layout, &state);
    }
  return self->find_overlay;
}

static void
visible_doc_rect (WaymarkCanvas *self,
                  WaymarkRect   *rect)
{
  double x0, y0, x1, y1;

  _waymark_canvas_widget_to_doc (self, 0, 0, &x0, &y0);
  _waymark_canvas_widget_to_doc (self, gtk_widget_get_width (GTK_WIDGET (self)),
                                 gtk_widget_get_height (GTK_WIDGET (self)), &x1, &y1);
  rect->x = x0;
  rect->y = y0;
  rect->width = x1 - x0;
  rect->height = y1 - y0;
}

/* Sets up @cr so that one unit is one document point on screen. */
static void
transform_to_doc (WaymarkCanvas *self,
                  cairo_t       *cr)
{
  double ox, oy;

  _waymark_canvas_get_origin (self, &ox, &oy);
  cairo_translate (cr, ox, oy);
  cairo_scale (cr, self->zoom, self->zoom);
}

/* Draws @scene; with @only, just what lies inside that rectangle
 * (document units), rounded by @only_radius, offset by (@dx, @dy). */
static void
draw_scene (WaymarkCanvas *self,
            GtkSnapshot   *snapshot,
            WaymarkScene  *scene,
            double         alpha,
            double         dx,
            double         dy,
            const WaymarkRect *only,
            double         only_radius)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  WaymarkRect clip;
  cairo_t *cr;

  visible_doc_rect (self, &clip);
  if (only != NULL)
    {
      clip = *only;
    }
  /* Translucency is applied with cairo, inside the one cairo node: GTK 4.8's
   * cairo renderer crashed painting an opacity node around it. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  transform_to_doc (self, cr);
  cairo_translate (cr, dx, dy);
  if (only != NULL)
    {
      double r = MIN (only_radius, MIN (only->width, only->height) / 2);

      if (r > 0)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, only->x + only->width - r, only->y + r, r, -G_PI / 2, 0);
          cairo_arc (cr, only->x + only->width - r, only->y + only->height - r, r, 0, G_PI / 2);
          cairo_arc (cr, only->x + r, only->y + only->height - r, r, G_PI / 2, G_PI);
          cairo_arc (cr, only->x + r, only->y + r, r, G_PI, 3 * G_PI / 2);
          cairo_close_path (cr);
        }
      else
        cairo_rectangle (cr, only->x, only->y, only->width, only->height);
      cairo_clip (cr);
    }
  if (alpha < 1)
    cairo_push_group (cr);
  /* GTK records the cairo node at 1× and replays it at the window's
   * scale: small text is rasterised for the pixels it ends up on. */
  waymark_text_cache_set_target_scale (self->text_cache,
                                       gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  waymark_cairo_backend_draw_cached (scene, cr, &clip, self->text_cache);
  if (alpha < 1)
    {
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, alpha);
    }
  cairo_destroy (cr);
}

typedef struct {
  const WaymarkRect      *rect;
  const WaymarkSceneItem *box;
} CardBox;

static void
find_card_box_cb (const WaymarkSceneItem *item,
                  gpointer                user_data)
{
  CardBox *find = user_data;

  if (find->box == NULL && item->kind == WAYMARK_SCENE_BOX && item->box.rect.x == find->rect->x
      && item->box.rect.y == find->rect->y && item->box.rect.width == find->rect->width
      && item->box.rect.height == find->rect->height)
    find->box = item;
}

/* The outline a card is drawn with: its box in the scene, stroke
 * included, and that box's corner radius. */
static gboolean
get_card_outline (WaymarkLayout *layout,
                  WaymarkScene  *scene,
                  const char    *card_id,
                  WaymarkRect   *rect,
                  double        *radius)
{
  WaymarkRect card;
  CardBox find = { &card, NULL };
  double half;

  if (layout == NULL || !waymark_layout_get_card_rect (layout, card_id, &card))
    return FALSE;
  waymark_scene_foreach_in_rect (scene, &card, find_card_box_cb, &find);
  if (find.box == NULL)
    {
      *rect = card;
      *radius = 0;
      return TRUE;
    }
  half = find.box->paint.stroke.alpha > 0 ? find.box->paint.line_width / 2 : 0;
  *rect = (WaymarkRect) { card.x - half, card.y - half, card.width + 2 * half,
                          card.height + 2 * half };
  *radius = find.box->box.radius + half;
  return TRUE;
}

/* WAYMARK_DEBUG_GEOMETRY=FILE: after each frame, writes where the
 * persona's things are in window coordinates, one per line, for the GUI
 * test (tests/test-canvas.py) to aim real pointer input at:
 *   card ID X Y W H | phase ID X Y W H | lane ID X Y W H |
 *   cell LANE PHASE X Y W H | emotion LANE PHASE X Y |
 *   view X Y W H (the canvas widget itself) |
 *   add LANE PHASE X Y W H (where the cell's "+" shows on hover) */
static void
dump_geometry (WaymarkCanvas *self)
{
  const char *path = g_getenv ("WAYMARK_DEBUG_GEOMETRY");
  WaymarkPersona *persona = _waymark_canvas_get_persona (self);
  WaymarkLayout *layout = waymark_canvas_get_layout (self);
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  g_autoptr(GString) out = NULL;
  graphene_point_t origin;
  double sx = 0, sy = 0;

  if (path == NULL || persona == NULL || layout == NULL || native == NULL)
    return;
  if (!gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (native), &GRAPHENE_POINT_INIT (0, 0),
                                 &origin))
    return;
  gtk_native_get_surface_transform (native, &sx, &sy);
  out = g_string_new (NULL);
  g_string_append_printf (out, "view %.0f %.0f %d %d\n", origin.x + sx, origin.y + sy,
                          gtk_widget_get_width (GTK_WIDGET (self)),
                          gtk_widget_get_height (GTK_WIDGET (self)));
#define RECT_OUT(fmt, r, ...) G_STMT_START {                                        \
    double x0, y0, x1, y1;                                                           \
    _waymark_canvas_doc_to_widget (self, (r).x, (r).y, &x0, &y0);                    \
    _waymark_canvas_doc_to_widget (self, (r).x + (r).width, (r).y + (r).height, &x1, &y1); \
    g_string_append_printf (out, fmt " %.0f %.0f %.0f %.0f\n", __VA_ARGS__,          \
                            x0 + origin.x + sx, y0 + origin.y + sy, x1 - x0, y1 - y0); \
  } G_STMT_END
  for (guint p = 0; p < persona->phases->len; p++)
    {
      WaymarkPhase *phase = g_ptr_array_index (persona->phases, p);
      WaymarkRect r;
      if (waymark_layout_get_phase_rect (layout, phase->base.id, &r))
        RECT_OUT ("phase %s", r, phase->base.id);
    }
  for (guint l = 0; l < persona->lanes->len; l++)
    {
      WaymarkLane *lane = g_ptr_array_index (persona->lanes, l);
      WaymarkRect r;

      if (waymark_layout_get_lane_rect (layout, lane->base.id, &r))
        RECT_OUT ("lane %s", r, lane->base.id);
      for (guint p = 0; p < persona->phases->len; p++)
        {
          WaymarkPhase *phase = g_ptr_array_index (persona->phases, p);
          double x, y, wx, wy;

          if (waymark_layout_get_cell_rect (layout, lane->base.id, phase->base.id, &r))
            RECT_OUT ("cell %s %s", r, lane->base.id, phase->base.id);
          if (waymark_scene_get_add_button_rect (layout, lane->base.id, phase->base.id, &r))
            RECT_OUT ("add %s %s", r, lane->base.id, phase->base.id);
          if (waymark_lane_kind_holds_emotions (lane->kind) &&
              waymark_layout_get_emotion_point (layout, lane->base.id, phase->base.id, &x, &y))
            {
              _waymark_canvas_doc_to_widget (self, x, y, &wx, &wy);
              g_string_append_printf (out, "emotion %s %s %.0f %.0f\n", lane->base.id,
                                      phase->base.id, wx + origin.x + sx, wy + origin.y + sy);
            }
        }
    }
  for (guint c = 0; c < persona->cards->len; c++)
    {
      WaymarkCard *card = g_ptr_array_index (persona->cards, c);
      WaymarkRect r;
      if (waymark_layout_get_card_rect (layout, card->base.id, &r))
        RECT_OUT ("card %s", r, card->base.id);
    }
#undef RECT_OUT
  {
    g_autoptr (GFile) file = g_file_new_for_path (path);
    g_autoptr (GBytes) bytes = g_bytes_new (out->str, out->len);

    waymark_file_write_bytes (file, bytes, NULL);
  }
}

void
_waymark_canvas_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  gint64 start = self->timings ? g_get_monotonic_time () : 0;
  gint64 map_us = -1;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  WaymarkScene *scene = _waymark_canvas_ensure_scene (self);
  WaymarkScene *overlay, *find_overlay;
  double key[5];

  if (scene == NULL)
    return;

  /* The page: white paper with a soft shadow. Widget chrome, not map
   * content: the map itself is drawn by the backend on top of it. */
  {
    double map_w, map_h, ox, oy;
    GskRoundedRect page;

    _waymark_canvas_get_map_size (self, &map_w, &map_h);
    _waymark_canvas_get_origin (self, &ox, &oy);
    gsk_rounded_rect_init_from_rect (&page, &GRAPHENE_RECT_INIT (ox, oy, map_w * self->zoom,
                                                                 map_h * self->zoom), 2);
    gtk_snapshot_append_outset_shadow (snapshot, &page, &(GdkRGBA) { 0, 0, 0, 0.18 }, 0, 1, 1, 4);
    gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, &page.bounds);
  }

  /* The map of the visible area, reused while only highlights change. */
  key[0] = self->zoom;
  key[1] = self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
  key[2] = self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
  key[3] = width;
  key[4] = height;
  if (self->map_node == NULL || memcmp (key, self->map_node_key, sizeof key) != 0)
    {
      GtkSnapshot *map_snapshot = gtk_snapshot_new ();
      gint64 map_start = g_get_monotonic_time ();

      g_clear_pointer (&self->map_node, gsk_render_node_unref);
      draw_scene (self, map_snapshot, scene, 1, 0, 0, NULL, 0);
      self->map_node = gtk_snapshot_free_to_node (map_snapshot);
      memcpy (self->map_node_key, key, sizeof key);
      map_us = g_get_monotonic_time () - map_start;
    }
  if (self->map_node != NULL)
    gtk_snapshot_append_node (snapshot, self->map_node);

  /* Search highlights, lighter than the selection. */
  find_overlay = ensure_find_overlay (self);
  if (find_overlay != NULL)
    draw_scene (self, snapshot, find_overlay, 0.55, 0, 0, NULL, 0);

  /* Dragged cards follow the pointer: the same scene, clipped to each
   * card's own rounded outline (so no cell shows in its corners) and
   * offset, drawn translucent. The offset is taken on the map, so the
   * ghost stays under the pointer while the view autoscrolls. */
  if (self->drag_mode == DRAG_CARDS)
    {
      WaymarkLayout *layout = waymark_canvas_get_layout (self);
      double doc_x, doc_y, dx, dy;

      _waymark_canvas_widget_to_doc (self, self->drag_x, self->drag_y, &doc_x, &doc_y);
      dx = doc_x - self->drag_start_doc_x;
      dy = doc_y - self->drag_start_doc_y;
      for (guint i = 0; i + 1 < self->selection->len; i++)
        {
          WaymarkRect rect;
          double radius;

          if (get_card_outline (layout, scene, g_ptr_array_index (self->selection, i), &rect,
                                &radius))
            draw_scene (self, snapshot, scene, 0.8, dx, dy, &rect, radius);
        }
    }

  /* Highlights last, so that the drop indicator shows over the ghost. */
  overlay = ensure_overlay (self);
  if (overlay != NULL)
    draw_scene (self, snapshot, overlay, 1, 0, 0, NULL, 0);

  /* The rubber band is anchored on the map where the press was, and drawn
   * through the scene like every other highlight. */
  if (self->drag_mode == DRAG_RUBBER_BAND)
    {
      WaymarkLayout *layout = waymark_canvas_get_layout (self);
      g_autoptr(WaymarkScene) band_scene = NULL;
      double doc_x, doc_y;
      WaymarkRect band;

      _waymark_canvas_widget_to_doc (self, self->drag_x, self->drag_y, &doc_x, &doc_y);
      band = (WaymarkRect) { MIN (doc_x, self->drag_start_doc_x), MIN (doc_y, self->drag_start_doc_y),
                             fabs (doc_x - self->drag_start_doc_x),
                             fabs (doc_y - self->drag_start_doc_y) };
      band_scene = waymark_scene_new_rubber_band (layout, &band, 1 / self->zoom);
      draw_scene (self, snapshot, band_scene, 1, 0, 0, NULL, 0);
    }

  if (self->editor != NULL)
    gtk_widget_snapshot_child (widget, self->editor, snapshot);

  if (map_us >= 0)
    dump_geometry (self);

  if (self->timings)
    {
      gint64 frame_us = g_get_monotonic_time () - start;

      self->n_frames++;
      self->frame_us_total += frame_us;
      self->frame_us_max = MAX (self->frame_us_max, frame_us);
      if (map_us >= 0)
        {
          self->n_map_frames++;
          self->map_us_total += map_us;
          self->map_us_max = MAX (self->map_us_max, map_us);
        }
      g_printerr ("waymark-timings: frame %.2f ms, map %s%.2f ms%s\n", frame_us / 1000.0,
                  map_us >= 0 ? "" : "(cached) ", MAX (map_us, 0) / 1000.0,
                  self->drag_mode == DRAG_CARDS ? " [dragging card]" : "");
    }
}

void
_waymark_canvas_invalidate_overlay (WaymarkCanvas *self)
{
  g_clear_pointer (&self->overlay, waymark_scene_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
