/* waymark-canvas.c: the journey map, drawn and edited in place
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include <adwaita.h>

#include "waymark-canvas-private.h"

/* This file holds the widget itself: properties, scrolling, zoom and the
 * cached layouts and scenes. Drawing is in waymark-canvas-draw.c, the
 * selection and keyboard focus in waymark-canvas-selection.c, input in
 * waymark-canvas-input.c and drags in waymark-canvas-drag.c, the in-place
 * editor in waymark-canvas-editor.c, actions and the clipboard in
 * waymark-canvas-actions.c and the context menu in waymark-canvas-menu.c. */

G_DEFINE_FINAL_TYPE_WITH_CODE (WaymarkCanvas, waymark_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PERSONA_ID,
  PROP_ZOOM,
  PROP_PALETTE,
  PROP_INSPECTED_ID,
  PROP_DRAGGING_CARDS,
  N_PROPS,
  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  SELECTION_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GtkWidget *
waymark_canvas_new (void)
{
  return g_object_new (WAYMARK_TYPE_CANVAS, NULL);
}

void
_waymark_canvas_emit_selection_changed (WaymarkCanvas *self)
{
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

void
_waymark_canvas_notify_inspected_id (WaymarkCanvas *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSPECTED_ID]);
}

WaymarkPersona *
_waymark_canvas_get_persona (WaymarkCanvas *self)
{
  if (self->document == NULL || self->persona_id == NULL)
    return NULL;
  return waymark_document_find_persona (self->document, self->persona_id);
}

/* Layouts ------------------------------------------------------------ */

static void
drop_drawn (WaymarkCanvas *self)
{
  g_clear_pointer (&self->scene, waymark_scene_unref);
  self->scene_layout = NULL;
  g_clear_pointer (&self->overlay, waymark_scene_unref);
  g_clear_pointer (&self->find_overlay, waymark_scene_unref);
  g_clear_pointer (&self->map_node, gsk_render_node_unref);
}

static void
validate_selection (WaymarkCanvas *self)
{
  WaymarkPersona *persona = _waymark_canvas_get_persona (self);
  gboolean changed = FALSE;

  for (guint i = 0; i + 1 < self->selection->len;)
    {
      const char *id = g_ptr_array_index (self->selection, i);
      WaymarkCard *card = self->document != NULL ? waymark_document_find_card (self->document, id)
                                                 : NULL;
      if (card == NULL || card->persona != persona)
        {
          g_ptr_array_remove_index (self->selection, i);
          changed = TRUE;
        }
      else
        i++;
    }
  if (changed)
    g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

WaymarkLayout *
waymark_canvas_get_layout (WaymarkCanvas *self)
{
  WaymarkLayout *old, *layout;
  WaymarkRenderOptions options;

  g_return_val_if_fail (WAYMARK_IS_CANVAS (self), NULL);

  if (self->document == NULL || self->persona_id == NULL)
    return NULL;
  old = g_hash_table_lookup (self->layouts, self->persona_id);
  if (old != NULL && !g_hash_table_contains (self->dirty, self->persona_id))
    return old;

  waymark_render_options_init (&options);
  options.palette = self->palette;
  options.high_contrast = self->high_contrast;
  if (self->edit_kind == EDIT_NEW_CARD)
    {
      options.room_lane_id = self->edit_lane_id;
      options.room_phase_id = self->edit_phase_id;
    }
  options.highlight_card_ids = (const char * const *) self->spotlight;
  layout = waymark_layout_new (self->document, self->persona_id, &options, old);
  g_hash_table_remove (self->dirty, self->persona_id);
  if (layout == NULL)
    {
      g_hash_table_remove (self->layouts, self->persona_id);
      drop_drawn (self);
      return NULL;
    }
  g_hash_table_replace (self->layouts, g_strdup (self->persona_id), layout);
  drop_drawn (self);
  return layout;
}

WaymarkScene *
_waymark_canvas_ensure_scene (WaymarkCanvas *self)
{
  WaymarkLayout *layout = waymark_canvas_get_layout (self);

  if (layout == NULL)
    return NULL;
  if (self->scene == NULL || self->scene_layout != layout)
    {
      g_clear_pointer (&self->scene, waymark_scene_unref);
      g_clear_pointer (&self->map_node, gsk_render_node_unref);
      self->scene = waymark_scene_new_for_layout (layout);
      self->scene_layout = layout;
    }
  return self->scene;
}

static void
document_changed_cb (WaymarkCanvas *self,
                     const char    *persona_id,
                     const char    *object_id)
{
  /* The document's own fields (its title is in every title block), its
   * tags (their colours are on cards) and its persona list touch every
   * map; anything else only its persona's. */
  if (persona_id == NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->layouts);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (self->dirty, g_strdup (key));
      /* A removed persona's layout is of no use any more. */
      g_hash_table_iter_init (&iter, self->layouts);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (waymark_document_find_persona (self->document, key) == NULL)
          g_hash_table_iter_remove (&iter);
    }
  else
    g_hash_table_add (self->dirty, g_strdup (persona_id));

  validate_selection (self);
  if (waymark_focus_validate (&self->focus, _waymark_canvas_get_persona (self)))
    _waymark_canvas_set_focus (self, &self->focus);
  else
    /* The focused card's text, a lane's name or the count of cards may
     * be what changed: the screen reader must not keep the old words. */
    _waymark_canvas_update_accessible (self);
  /* The inspected object may be gone. */
  if (self->inspected_id != NULL && waymark_document_lookup (self->document, self->inspected_id) == NULL)
    {
      g_clear_pointer (&self->inspected_id, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSPECTED_ID]);
    }
  _waymark_canvas_update_actions (self);

  /* Rebuilt at the next frame, once, however many edits came before. */
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Properties --------------------------------------------------------- */

gboolean
waymark_canvas_get_dragging_cards (WaymarkCanvas *self)
{
  g_return_val_if_fail (WAYMARK_IS_CANVAS (self), FALSE);
  return self->dragging_cards;
}

void
_waymark_canvas_set_dragging_cards (WaymarkCanvas *self,
                                    gboolean       dragging)
{
  dragging = !!dragging;
  if (self->dragging_cards == dragging)
    return;
  self->dragging_cards = dragging;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRAGGING_CARDS]);
}

/* Every persona's map shows the spotlight: all layouts are rebuilt (from
 * the old ones, so the texts are not measured again). */
void
waymark_canvas_set_spotlight (WaymarkCanvas      *self,
                              const char * const *card_ids)
{
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (WAYMARK_IS_CANVAS (self));

  if (card_ids != NULL && card_ids[0] == NULL)
    card_ids = NULL;
  if (card_ids == NULL ? self->spotlight == NULL
                       : self->spotlight != NULL &&
                         g_strv_equal (card_ids, (const char * const *) self->spotlight))
    return;
  g_strfreev (self->spotlight);
  self->spotlight = g_strdupv ((char **) card_ids);
  g_hash_table_iter_init (&iter, self->layouts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (self->dirty, g_strdup (key));
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char * const *
waymark_canvas_get_spotlight (WaymarkCanvas *self)
{
  g_return_val_if_fail (WAYMARK_IS_CANVAS (self), NULL);
  return (const char * const *) self->spotlight;
}

WaymarkDocument *
waymark_canvas_get_document (WaymarkCanvas *self)
{
  g_return_val_if_fail (WAYMARK_IS_CANVAS (self), NULL);
  return self->document;
}

void
waymark_canvas_set_document (WaymarkCanvas   *self,
                             WaymarkDocument *document)
{
  g_return_if_fail (WAYMARK_IS_CANVAS (self));

  if (self->document == document)
    return;
  _waymark_canvas_edit_cancel (self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_hash_table_remove_all (self->layouts);
  g_hash_table_remove_all (self->dirty);
  drop_drawn (self);
  g_ptr_array_set_size (self->selection, 0);
  g_ptr_array_add (self->selection, NULL);
  waymark_focus_clear (&self->focus);
  g_clear_pointer (&self->inspected_id, g_free);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSPECTED_ID]);
  _waymark_canvas_update_actions (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

const char *
waymark_canvas_get_persona_id (WaymarkCanvas *self)
{
  g_return_val_if_fail (WAYMARK_IS_CANVAS (self), NULL);
  return self->persona_id;
}

void
waymark_canvas_set_persona_id (WaymarkCanvas *self,
                               const char    *persona_id)
{
  g_return_if_fail (WAYMARK_IS_CANVAS (self));

  if (g_strcmp0 (self->persona_id, persona_id) == 0)
    return;
  _waymark_canvas_edit_commit (self);
  g_free (self->persona_id);
  self->persona_id = g_strdup (persona_id);
  drop_drawn (self);
  g_ptr_array_set_size (self->selection, 0);
  g_ptr_array_add (self->selection, NULL);
  waymark_focus_clear (&self->focus);
  g_clear_pointer (&self->inspected_id, g_free);
  self->inspected_id = g_strdup (persona_id);
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSPECTED_ID]);
  /* A new map starts at its top-left corner. */
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, 0);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
  _waymark_canvas_update_actions (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONA_ID]);
}

double
waymark_canvas_get_zoom (WaymarkCanvas *self)
{
  g_return_val_if_fail (WAYMARK_IS_CANVAS (self), 1.0);
  return self->zoom;
}

void
_waymark_canvas_get_map_size (WaymarkCanvas *self,
                              double        *width,
                              double        *height)
{
  WaymarkLayout *layout = waymark_canvas_get_layout (self);

  *width = *height = 0;
  if (layout != NULL)
    waymark_layout_get_size (layout, width, height);
}

void
_waymark_canvas_get_origin (WaymarkCanvas *self,
                            double        *ox,
                            double        *oy)
{
  double map_w, map_h;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double content_w;

  _waymark_canvas_get_map_size (self, &map_w, &map_h);
  content_w = map_w * self->zoom + 2 * CANVAS_MARGIN;
  *ox = CANVAS_MARGIN + MAX (0, (width - content_w) / 2);
  /* Vertically the map stays at the top, where reading starts. */
  *oy = CANVAS_MARGIN;
  if (self->hadjustment != NULL)
    *ox -= gtk_adjustment_get_value (self->hadjustment);
  if (self->vadjustment != NULL)
    *oy -= gtk_adjustment_get_value (self->vadjustment);
}

void
_waymark_canvas_widget_to_doc (WaymarkCanvas *self,
                               double         x,
                               double         y,
                               double        *doc_x,
                               double        *doc_y)
{
  double ox, oy;

  _waymark_canvas_get_origin (self, &ox, &oy);
  *doc_x = (x - ox) / self->zoom;
  *doc_y = (y - oy) / self->zoom;
}

void
_waymark_canvas_doc_to_widget (WaymarkCanvas *self,
                               double         doc_x,
                               double         doc_y,
                               double        *x,
                               double        *y)
{
  double ox, oy;

  _waymark_canvas_get_origin (self, &ox, &oy);
  *x = ox + doc_x * self->zoom;
  *y = oy + doc_y * self->zoom;
}

gboolean
_waymark_canvas_hit (WaymarkCanvas *self,
                     double         x,
                     double         y,
                     WaymarkHit    *hit)
{
  WaymarkLayout *layout = waymark_canvas_get_layout (self);
  double doc_x, doc_y;

  memset (hit, 0, sizeof *hit);
  if (layout == NULL)
    return FALSE;
  _waymark_canvas_widget_to_doc (self, x, y, &doc_x, &doc_y);
  return waymark_layout_hit_test (layout, doc_x, doc_y, hit);
}

void
_waymark_canvas_zoom_at (WaymarkCanvas *self,
                         double         zoom,
                         double         x,
                         double         y)
{
  zoom = CLAMP (zoom, WAYMARK_CANVAS_ZOOM_MIN, WAYMARK_CANVAS_ZOOM_MAX);
  if (G_APPROX_VALUE (zoom, self->zoom, 0.0001))
    return;
  _waymark_canvas_widget_to_doc (self, x, y, &self->anchor_doc_x, &self->anchor_doc_y);
  self->anchor_x = x;
  self->anchor_y = y;
  self->have_anchor = TRUE;
  waymark_canvas_set_zoom (self, zoom);
}

void
waymark_canvas_set_zoom (WaymarkCanvas *self,
                         double         zoom)
{
  g_return_if_fail (WAYMARK_IS_CANVAS (self));

  zoom = CLAMP (zoom, WAYMARK_CANVAS_ZOOM_MIN, WAYMARK_CANVAS_ZOOM_MAX);
  if (G_APPROX_VALUE (zoom, self->zoom, 0.0001))
    return;
  /* Without a pointer position, the middle of the view stays put. */
  if (!self->have_anchor && gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    {
      self->anchor_x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      self->anchor_y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
      _waymark_canvas_widget_to_doc (self, self->anchor_x, self->anchor_y,
                                     &self->anchor_doc_x, &self->anchor_doc_y);
      self->have_anchor = TRUE;
    }
  self->zoom = zoom;
  g_clear_pointer (&self->map_node, gsk_render_node_unref);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

void
waymark_canvas_zoom_to_fit (WaymarkCanvas *self,
                            gboolean       page)
{
  double map_w, map_h, zoom;
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * CANVAS_MARGIN;
  double height = gtk_widget_get_height (GTK_WIDGET (self)) - 2 * CANVAS_MARGIN;

  g_return_if_fail (WAYMARK_IS_CANVAS (self));

  _waymark_canvas_get_map_size (self, &map_w, &map_h);
  if (map_w <= 0 || map_h <= 0 || width <= 0 || height <= 0)
    return;
  zoom = width / map_w;
  if (page)
    zoom = MIN (zoom, height / map_h);
  /* Fitting shows the map from its top-left corner. */
  self->have_anchor = TRUE;
  self->anchor_doc_x = self->anchor_doc_y = 0;
  self->anchor_x = self->anchor_y = CANVAS_MARGIN;
  waymark_canvas_set_zoom (self, zoom);
  self->have_anchor = FALSE;
  if (self->hadjustment != NULL)
    gtk_adjustment_set_value (self->hadjustment, 0);
  if (self->vadjustment != NULL)
    gtk_adjustment_set_value (self->vadjustment, 0);
}

static void
set_palette (WaymarkCanvas *self,
             int            palette)
{
  if (palette < 0 || palette >= WAYMARK_N_PALETTES || palette == self->palette)
    return;
  self->palette = palette;
  g_hash_table_remove_all (self->layouts);
  drop_drawn (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PALETTE]);
}

/* The desktop's high-contrast setting (or ADW_DEBUG_HIGH_CONTRAST) gives
 * the map the high-contrast style, as it does the rest of the window. */
static void
high_contrast_changed_cb (WaymarkCanvas   *self,
                          GParamSpec      *pspec,
                          AdwStyleManager *manager)
{
  gboolean high_contrast = adw_style_manager_get_high_contrast (manager);

  if (high_contrast == self->high_contrast)
    return;
  self->high_contrast = high_contrast;
  g_hash_table_remove_all (self->layouts);
  drop_drawn (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char * const *
waymark_canvas_get_selected_cards (WaymarkCanvas *self)
{
  g_return_val_if_fail (WAYMARK_IS_CANVAS (self), NULL);
  return (const char * const *) self->selection->pdata;
}

const char *
waymark_canvas_get_inspected_id (WaymarkCanvas *self)
{
  g_return_val_if_fail (WAYMARK_IS_CANVAS (self), NULL);
  return self->inspected_id;
}

/* Size and scrolling ------------------------------------------------------------ */

static void
waymark_canvas_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  double map_w, map_h;

  /* Scrollable: small minimum, the map as the natural size. */
  _waymark_canvas_get_map_size (self, &map_w, &map_h);
  *minimum = 0;
  *natural = (int) ceil ((orientation == GTK_ORIENTATION_HORIZONTAL ? map_w : map_h) * self->zoom)
             + 2 * CANVAS_MARGIN;
}

static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         value,
                      double         content,
                      double         viewport)
{
  double upper = MAX (content, viewport);

  value = CLAMP (value, 0, upper - viewport);
  gtk_adjustment_configure (adjustment, value, 0, upper, viewport * 0.1, viewport * 0.9, viewport);
}

static void
waymark_canvas_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (widget);
  double map_w, map_h, content_w, content_h;
  double hvalue = 0, vvalue = 0;

  _waymark_canvas_get_map_size (self, &map_w, &map_h);
  content_w = map_w * self->zoom + 2 * CANVAS_MARGIN;
  content_h = map_h * self->zoom + 2 * CANVAS_MARGIN;

  if (self->hadjustment != NULL)
    hvalue = gtk_adjustment_get_value (self->hadjustment);
  if (self->vadjustment != NULL)
    vvalue = gtk_adjustment_get_value (self->vadjustment);
  if (self->have_anchor)
    {
      /* Keep the anchored document point under the same pixel. */
      hvalue = CANVAS_MARGIN + MAX (0, (width - content_w) / 2) +
               self->anchor_doc_x * self->zoom - self->anchor_x;
      vvalue = CANVAS_MARGIN + self->anchor_doc_y * self->zoom - self->anchor_y;
      self->have_anchor = FALSE;
    }

  g_signal_handlers_block_matched (self->hadjustment, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_signal_handlers_block_matched (self->vadjustment, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  if (self->hadjustment != NULL)
    configure_adjustment (self->hadjustment, hvalue, content_w, width);
  if (self->vadjustment != NULL)
    configure_adjustment (self->vadjustment, vvalue, content_h, height);
  if (self->scroll_pending)
    {
      WaymarkLayout *layout = waymark_canvas_get_layout (self);
      WaymarkRect rect;
      gboolean have_rect = FALSE;

      self->scroll_pending = FALSE;
      if (layout != NULL && self->focus.kind == WAYMARK_FOCUS_CARD)
        have_rect = waymark_layout_get_card_rect (layout, self->focus.card_id, &rect);
      else if (layout != NULL && self->focus.kind == WAYMARK_FOCUS_CELL)
        have_rect = waymark_layout_get_cell_rect (layout, self->focus.lane_id,
                                                  self->focus.phase_id, &rect);
      if (have_rect)
        _waymark_canvas_scroll_to_rect (self, &rect);
    }
  g_signal_handlers_unblock_matched (self->hadjustment, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  g_signal_handlers_unblock_matched (self->vadjustment, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);

  _waymark_canvas_edit_allocate (self);
  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
  if (self->link_chooser != NULL)
    gtk_popover_present (GTK_POPOVER (self->link_chooser));
}

static void
adjustment_value_changed_cb (WaymarkCanvas *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (WaymarkCanvas  *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;
  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, self);
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  g_set_object (slot, adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (adjustment_value_changed_cb),
                            self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* GObject ------------------------------------------------------------------------ */

static void
waymark_canvas_dispose (GObject *object)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (object);

  if (self->timings && self->n_frames > 0)
    g_printerr ("waymark-timings: %u frames, %.2f ms average (max %.2f); map redrawn in %u of "
                "them, %.2f ms average (max %.2f)\n",
                self->n_frames, self->frame_us_total / 1000.0 / self->n_frames,
                self->frame_us_max / 1000.0, self->n_map_frames,
                self->n_map_frames > 0 ? self->map_us_total / 1000.0 / self->n_map_frames : 0.0,
                self->map_us_max / 1000.0);
  self->timings = FALSE;

  if (self->autoscroll_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->autoscroll_id);
      self->autoscroll_id = 0;
    }
  _waymark_canvas_editor_dispose (self);
  _waymark_canvas_drag_dispose (self);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_pointer (&self->link_chooser, gtk_widget_unparent);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  drop_drawn (self);

  G_OBJECT_CLASS (waymark_canvas_parent_class)->dispose (object);
}

static void
waymark_canvas_finalize (GObject *object)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (object);

  g_hash_table_unref (self->layouts);
  g_hash_table_unref (self->dirty);
  waymark_text_cache_free (self->text_cache);
  g_ptr_array_unref (self->selection);
  waymark_focus_clear (&self->focus);
  g_free (self->persona_id);
  g_free (self->inspected_id);
  g_free (self->announced_lane_id);
  g_free (self->announced_phase_id);
  g_free (self->hover_card_id);
  g_free (self->hover_lane_id);
  g_free (self->hover_phase_id);
  g_strfreev (self->highlights);
  g_strfreev (self->spotlight);
  g_free (self->drag_card_id);
  g_free (self->drag_lane_id);
  g_free (self->drag_phase_id);
  g_free (self->drop_lane_id);
  g_free (self->drop_phase_id);
  g_free (self->edit_target_id);
  g_free (self->edit_lane_id);
  g_free (self->edit_phase_id);

  G_OBJECT_CLASS (waymark_canvas_parent_class)->finalize (object);
}

static void
waymark_canvas_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_PERSONA_ID:
      g_value_set_string (value, self->persona_id);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_PALETTE:
      g_value_set_int (value, self->palette);
      break;
    case PROP_INSPECTED_ID:
      g_value_set_string (value, self->inspected_id);
      break;
    case PROP_DRAGGING_CARDS:
      g_value_set_boolean (value, self->dragging_cards);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_canvas_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  WaymarkCanvas *self = WAYMARK_CANVAS (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      waymark_canvas_set_document (self, g_value_get_object (value));
      break;
    case PROP_PERSONA_ID:
      waymark_canvas_set_persona_id (self, g_value_get_string (value));
      break;
    case PROP_ZOOM:
      waymark_canvas_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_PALETTE:
      set_palette (self, g_value_get_int (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_canvas_class_init (WaymarkCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_canvas_dispose;
  object_class->finalize = waymark_canvas_finalize;
  object_class->get_property = waymark_canvas_get_property;
  object_class->set_property = waymark_canvas_set_property;
  widget_class->snapshot = _waymark_canvas_snapshot;
  widget_class->measure = waymark_canvas_measure;
  widget_class->size_allocate = waymark_canvas_size_allocate;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, WAYMARK_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PERSONA_ID] =
    g_param_spec_string ("persona-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         WAYMARK_CANVAS_ZOOM_MIN, WAYMARK_CANVAS_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PALETTE] =
    g_param_spec_int ("palette", NULL, NULL, 0, WAYMARK_N_PALETTES - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_INSPECTED_ID] =
    g_param_spec_string ("inspected-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DRAGGING_CARDS] =
    g_param_spec_boolean ("dragging-cards", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * WaymarkCanvas::selection-changed:
   *
   * The selected cards changed.
   */
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "waymark-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  _waymark_canvas_class_input_init (widget_class);
  _waymark_canvas_class_actions_init (widget_class);
}

static void
waymark_canvas_init (WaymarkCanvas *self)
{
  self->zoom = 1.0;
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) waymark_layout_unref);
  self->dirty = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->text_cache = waymark_text_cache_new (32 * 1024 * 1024);
  self->selection = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->selection, NULL);
  self->timings = g_getenv ("WAYMARK_DEBUG_TIMINGS") != NULL;

  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Journey map"), -1);

  if (adw_is_initialized ())
    {
      AdwStyleManager *manager = adw_style_manager_get_default ();

      g_signal_connect_object (manager, "notify::high-contrast",
                               G_CALLBACK (high_contrast_changed_cb), self, G_CONNECT_SWAPPED);
      high_contrast_changed_cb (self, NULL, manager);
    }

  _waymark_canvas_input_init (self);
}
