/* waymark-canvas.c: the journey map, drawn and edited in place
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "waymark-cairo-backend.h"
#include "waymark-canvas-private.h"
#include "waymark-file-writer.h"

/* This file holds the widget itself: properties, scrolling, the cached
 * layouts and scenes, drawing, zoom, selection and focus. Input is in
 * waymark-canvas-input.c, the in-place editor in waymark-canvas-editor.c,
 * actions, menus and the clipboard in waymark-canvas-actions.c. */

G_DEFINE_FINAL_TYPE_WITH_CODE (WaymarkCanvas, waymark_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PERSONA_ID,
  PROP_ZOOM,
  PROP_PALETTE,
  PROP_INSPECTED_ID,
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

static void
get_map_size (WaymarkCanvas *self,
              double        *width,
              double        *height)
{
  WaymarkLayout *layout = waymark_canvas_get_layout (self);

  *width = *height = 0;
  if (layout != NULL)
    waymark_layout_get_size (layout, width, height);
}

/* Where the map's origin is, in widget pixels: scrolled, after the margin,
 * and centred when the map is narrower than the view. */
static void
get_origin (WaymarkCanvas *self,
            double        *ox,
            double        *oy)
{
  double map_w, map_h;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double content_w;

  get_map_size (self, &map_w, &map_h);
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

  get_origin (self, &ox, &oy);
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

  get_origin (self, &ox, &oy);
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

  get_map_size (self, &map_w, &map_h);
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

/* Selection and focus ---------------------------------------------------- */

const char * const *
waymark_canvas_get_selected_cards (WaymarkCanvas *self)
{
  g_return_val_if_fail (WAYMARK_IS_CANVAS (self), NULL);
  return (const char * const *) self->selection->pdata;
}

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
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
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
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

const char *
waymark_canvas_get_inspected_id (WaymarkCanvas *self)
{
  g_return_val_if_fail (WAYMARK_IS_CANVAS (self), NULL);
  return self->inspected_id;
}

void
waymark_canvas_inspect_document (WaymarkCanvas *self)
{
  g_return_if_fail (WAYMARK_IS_CANVAS (self));

  if (self->inspected_id == NULL)
    return;
  g_clear_pointer (&self->inspected_id, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSPECTED_ID]);
}

/* "Card “Reads a brochure” in lane Actions, phase 2 Orient" */
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
        /* Translators: what a screen reader says about the focused card. */
        label = g_strdup_printf (_("Card “%s”"), card != NULL ? card->text : "");
        if (lane != NULL && phase != NULL)
          /* Translators: where the focused card is: lane name, phase number, phase name. */
          description = g_strdup_printf (_("In lane %s, phase %d %s"), lane->name,
                                         phase_index + 1, phase->name);
      }
      break;
    case WAYMARK_FOCUS_CELL:
      if (lane != NULL && phase != NULL)
        {
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

  if (label == NULL)
    label = g_strdup_printf (_("Journey map of %s"), persona->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "",
                                  -1);
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
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSPECTED_ID]);
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

void
_waymark_canvas_scroll_to_rect (WaymarkCanvas     *self,
                                const WaymarkRect *rect)
{
  double x0, y0, x1, y1;
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  const double pad = 16;

  if (self->hadjustment == NULL || self->vadjustment == NULL || width <= 0)
    return;
  _waymark_canvas_doc_to_widget (self, rect->x, rect->y, &x0, &y0);
  _waymark_canvas_doc_to_widget (self, rect->x + rect->width, rect->y + rect->height, &x1, &y1);

  if (x1 + pad > width && x1 - x0 + 2 * pad <= width)
    gtk_adjustment_set_value (self->hadjustment,
                              gtk_adjustment_get_value (self->hadjustment) + x1 + pad - width);
  else if (x0 - pad < 0 || x1 - x0 + 2 * pad > width)
    gtk_adjustment_set_value (self->hadjustment,
                              gtk_adjustment_get_value (self->hadjustment) + x0 - pad);
  if (y1 + pad > height && y1 - y0 + 2 * pad <= height)
    gtk_adjustment_set_value (self->vadjustment,
                              gtk_adjustment_get_value (self->vadjustment) + y1 + pad - height);
  else if (y0 - pad < 0 || y1 - y0 + 2 * pad > height)
    gtk_adjustment_set_value (self->vadjustment,
                              gtk_adjustment_get_value (self->vadjustment) + y0 - pad);
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

void
_waymark_canvas_invalidate_overlay (WaymarkCanvas *self)
{
  g_clear_pointer (&self->overlay, waymark_scene_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Drawing ------------------------------------------------------------------ */

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

  get_origin (self, &ox, &oy);
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

static void
waymark_canvas_snapshot (GtkWidget   *widget,
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

    get_map_size (self, &map_w, &map_h);
    get_origin (self, &ox, &oy);
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
  get_map_size (self, &map_w, &map_h);
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

  get_map_size (self, &map_w, &map_h);
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
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
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
  g_free (self->hover_card_id);
  g_free (self->hover_lane_id);
  g_free (self->hover_phase_id);
  g_strfreev (self->highlights);
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
  widget_class->snapshot = waymark_canvas_snapshot;
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

  _waymark_canvas_input_init (self);
}
