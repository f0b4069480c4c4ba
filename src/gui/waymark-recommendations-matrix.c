/* waymark-recommendations-matrix.c: the priority matrix of recommendations, on screen
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "waymark-cairo-backend.h"
#include "waymark-priority-matrix.h"
#include "waymark-recommendations-matrix.h"

/* The figure is the report's (one drawing path): rebuilt from the
 * document on each change and each new choice, which for tens of
 * recommendations costs less than a frame. It is fitted to the width of
 * the page within these zooms, on a white page as it will print. */
#define PAGE_PAD 16.0
#define MIN_ZOOM 0.6
#define MAX_ZOOM 1.4

struct _WaymarkRecommendationsMatrix
{
  GtkWidget              parent_instance;

  WaymarkDocument       *document;
  WaymarkPriorityMatrix *matrix;
  char                  *selected_id;
  int                    palette;
  double                 zoom;
  gboolean               dirty;     /* the document changed while hidden */

  GtkWidget             *scrolled;
  GtkWidget             *area;
};

G_DEFINE_FINAL_TYPE (WaymarkRecommendationsMatrix, waymark_recommendations_matrix, GTK_TYPE_WIDGET)

enum {
  RECOMMENDATION_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_size (WaymarkRecommendationsMatrix *self,
             int                           width)
{
  double figure_width = 1, figure_height = 1;

  if (self->matrix != NULL)
    waymark_priority_matrix_get_size (self->matrix, &figure_width, &figure_height);
  if (width <= 0)
    width = gtk_widget_get_width (self->area);
  self->zoom = CLAMP ((width - 2 * PAGE_PAD) / figure_width, MIN_ZOOM, MAX_ZOOM);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->area),
                                      (int) ceil (figure_width * MIN_ZOOM + 2 * PAGE_PAD));
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->area),
                                       self->matrix != NULL
                                       ? (int) ceil (figure_height * self->zoom + 2 * PAGE_PAD)
                                       : 0);
}

static void
rebuild (WaymarkRecommendationsMatrix *self)
{
  WaymarkPriorityMatrixOptions options;
  const char *highlight[] = { self->selected_id, NULL };

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) && self->document != NULL)
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;
  g_clear_pointer (&self->matrix, waymark_priority_matrix_unref);
  if (self->document != NULL)
    {
      waymark_priority_matrix_options_init (&options);
      options.palette = self->palette;
      /* The view's toolbar says what this is. */
      options.show_title = FALSE;
      options.highlight_ids = self->selected_id != NULL ? highlight : NULL;
      self->matrix = waymark_priority_matrix_new (self->document, &options);
    }
  update_size (self, -1);
  gtk_widget_queue_draw (self->area);
}

static double
page_x (WaymarkRecommendationsMatrix *self)
{
  double figure_width = 0;

  if (self->matrix != NULL)
    waymark_priority_matrix_get_size (self->matrix, &figure_width, NULL);
  /* Centred when the view is wider than the largest zoom allows. */
  return MAX (PAGE_PAD, (gtk_widget_get_width (self->area) - figure_width * self->zoom) / 2);
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  WaymarkRecommendationsMatrix *self = user_data;
  double figure_width, figure_height, x1, y1, x2, y2;
  WaymarkRect clip;

  if (self->matrix == NULL)
    return;
  waymark_priority_matrix_get_size (self->matrix, &figure_width, &figure_height);

  cairo_save (cr);
  cairo_translate (cr, page_x (self), PAGE_PAD);
  cairo_scale (cr, self->zoom, self->zoom);
  cairo_rectangle (cr, 0, 0, figure_width, figure_height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  clip = (WaymarkRect) { x1, y1, x2 - x1, y2 - y1 };
  waymark_cairo_backend_draw (waymark_priority_matrix_get_scene (self->matrix), cr, &clip);
  cairo_restore (cr);

  /* The keyboard's place: a ring around the chosen dot. */
  if (gtk_widget_has_visible_focus (GTK_WIDGET (area)) && self->selected_id != NULL)
    {
      WaymarkRect rect;

      if (!waymark_priority_matrix_get_marker_rect (self->matrix, self->selected_id, &rect))
        return;
      /* Adwaita's accent blue: on the white page in either style. */
      cairo_set_source_rgb (cr, 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0);
      cairo_set_line_width (cr, 2);
      cairo_new_sub_path (cr);
      cairo_arc (cr, page_x (self) + (rect.x + rect.width / 2) * self->zoom,
                 PAGE_PAD + (rect.y + rect.height / 2) * self->zoom,
                 MAX (rect.width, rect.height) * self->zoom / 2 + 5, 0, 2 * G_PI);
      cairo_stroke (cr);
    }
}

static void
resize_cb (GtkDrawingArea *area,
           int             width,
           int             height,
           gpointer        user_data)
{
  update_size (user_data, width);
}

static gboolean
hit_at (WaymarkRecommendationsMatrix *self,
        double                        x,
        double                        y,
        WaymarkPriorityMatrixHit     *hit)
{
  if (self->matrix == NULL)
    return FALSE;
  return waymark_priority_matrix_hit_test (self->matrix, (x - page_x (self)) / self->zoom,
                                           (y - PAGE_PAD) / self->zoom, hit) &&
         hit->kind == WAYMARK_PRIORITY_MATRIX_HIT_RECOMMENDATION;
}

gboolean
waymark_recommendations_matrix_click (WaymarkRecommendationsMatrix *self,
                                      double                        x,
                                      double                        y)
{
  WaymarkPriorityMatrixHit hit;
  g_autofree char *id = NULL;

  g_return_val_if_fail (WAYMARK_IS_RECOMMENDATIONS_MATRIX (self), FALSE);
  if (!hit_at (self, x, y, &hit))
    return FALSE;
  /* The signal rebuilds the matrix, and the hit's string with it. */
  id = g_strdup (hit.recommendation_id);
  g_signal_emit (self, signals[RECOMMENDATION_CHOSEN], 0, id);
  return TRUE;
}

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             gpointer         user_data)
{
  waymark_recommendations_matrix_click (user_data, x, y);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           gpointer                  user_data)
{
  WaymarkRecommendationsMatrix *self = user_data;
  WaymarkPriorityMatrixHit hit;

  gtk_widget_set_cursor_from_name (self->area, hit_at (self, x, y, &hit) ? "pointer" : NULL);
}

/* A dot carries a number only: its tooltip says whose it is. */
static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  WaymarkRecommendationsMatrix *self = user_data;
  WaymarkPriorityMatrixHit hit;
  WaymarkRecommendation *recommendation;

  if (keyboard || !hit_at (self, x, y, &hit))
    return FALSE;
  recommendation = waymark_document_find_recommendation (self->document, hit.recommendation_id);
  if (recommendation == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, recommendation->title);
  return TRUE;
}

gboolean
waymark_recommendations_matrix_get_marker (WaymarkRecommendationsMatrix *self,
                                           const char                   *id,
                                           double                       *x,
                                           double                       *y)
{
  WaymarkRect rect;

  g_return_val_if_fail (WAYMARK_IS_RECOMMENDATIONS_MATRIX (self), FALSE);
  if (self->dirty)
    rebuild (self);
  if (self->matrix == NULL || !waymark_priority_matrix_get_marker_rect (self->matrix, id, &rect))
    return FALSE;
  *x = page_x (self) + (rect.x + rect.width / 2) * self->zoom;
  *y = PAGE_PAD + (rect.y + rect.height / 2) * self->zoom;
  return TRUE;
}

/* The arrow keys go through the recommendations in the report's order
 * (their numbers on the dots), Enter edits the chosen one: the matrix
 * without a pointer. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                gpointer               user_data)
{
  WaymarkRecommendationsMatrix *self = user_data;
  g_autoptr(GPtrArray) order = NULL;
  int step = 0, index = -1, next;

  if ((state & gtk_accelerator_get_default_mod_mask ()) != 0 || self->document == NULL)
    return FALSE;
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_F2)
    return self->selected_id != NULL &&
           gtk_widget_activate_action (GTK_WIDGET (self), "recs.edit", NULL);
  if (keyval == GDK_KEY_Right || keyval == GDK_KEY_Down)
    step = 1;
  else if (keyval == GDK_KEY_Left || keyval == GDK_KEY_Up)
    step = -1;
  else
    return FALSE;

  order = waymark_document_list_recommendations_in_order (self->document);
  if (order->len == 0)
    return TRUE;
  for (guint i = 0; i < order->len; i++)
    if (g_strcmp0 (((WaymarkRecommendation *) g_ptr_array_index (order, i))->base.id,
                   self->selected_id) == 0)
      index = (int) i;
  next = index < 0 ? (step > 0 ? 0 : (int) order->len - 1) : index + step;
  if (next < 0 || next >= (int) order->len)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }
  g_signal_emit (self, signals[RECOMMENDATION_CHOSEN], 0,
                 ((WaymarkRecommendation *) g_ptr_array_index (order, next))->base.id);
  return TRUE;
}

static void
document_changed_cb (WaymarkRecommendationsMatrix *self)
{
  rebuild (self);
}

void
waymark_recommendations_matrix_set_document (WaymarkRecommendationsMatrix *self,
                                             WaymarkDocument              *document)
{
  g_return_if_fail (WAYMARK_IS_RECOMMENDATIONS_MATRIX (self));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self,
                             G_CONNECT_SWAPPED);
  rebuild (self);
}

void
waymark_recommendations_matrix_set_palette (WaymarkRecommendationsMatrix *self,
                                            int                           palette)
{
  g_return_if_fail (WAYMARK_IS_RECOMMENDATIONS_MATRIX (self));

  if (self->palette == palette)
    return;
  self->palette = palette;
  rebuild (self);
}

void
waymark_recommendations_matrix_set_selected_id (WaymarkRecommendationsMatrix *self,
                                                const char                   *id)
{
  g_return_if_fail (WAYMARK_IS_RECOMMENDATIONS_MATRIX (self));

  if (g_strcmp0 (self->selected_id, id) == 0)
    return;
  g_free (self->selected_id);
  self->selected_id = g_strdup (id);
  rebuild (self);
}

GtkWidget *
waymark_recommendations_matrix_new (void)
{
  return g_object_new (WAYMARK_TYPE_RECOMMENDATIONS_MATRIX, NULL);
}

static void
waymark_recommendations_matrix_map (GtkWidget *widget)
{
  WaymarkRecommendationsMatrix *self = WAYMARK_RECOMMENDATIONS_MATRIX (widget);

  GTK_WIDGET_CLASS (waymark_recommendations_matrix_parent_class)->map (widget);
  if (self->dirty)
    rebuild (self);
}

static void
waymark_recommendations_matrix_dispose (GObject *object)
{
  WaymarkRecommendationsMatrix *self = WAYMARK_RECOMMENDATIONS_MATRIX (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->matrix, waymark_priority_matrix_unref);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  G_OBJECT_CLASS (waymark_recommendations_matrix_parent_class)->dispose (object);
}

static void
waymark_recommendations_matrix_finalize (GObject *object)
{
  WaymarkRecommendationsMatrix *self = WAYMARK_RECOMMENDATIONS_MATRIX (object);

  g_free (self->selected_id);
  G_OBJECT_CLASS (waymark_recommendations_matrix_parent_class)->finalize (object);
}

static void
waymark_recommendations_matrix_class_init (WaymarkRecommendationsMatrixClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_recommendations_matrix_dispose;
  object_class->finalize = waymark_recommendations_matrix_finalize;
  widget_class->map = waymark_recommendations_matrix_map;

  signals[RECOMMENDATION_CHOSEN] =
    g_signal_new ("recommendation-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
waymark_recommendations_matrix_init (WaymarkRecommendationsMatrix *self)
{
  GtkGesture *click;
  GtkEventController *motion, *keys, *focus;

  self->zoom = 1.0;
  self->area = gtk_drawing_area_new ();
  gtk_widget_set_focusable (self->area, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_cb, self, NULL);
  g_signal_connect (self->area, "resize", G_CALLBACK (resize_cb), self);
  gtk_widget_set_has_tooltip (self->area, TRUE);
  g_signal_connect (self->area, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Recommendations by value and effort"), -1);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (self->area, GTK_EVENT_CONTROLLER (click));
  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (self->area, motion);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (gtk_widget_queue_draw), self->area);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (gtk_widget_queue_draw), self->area);
  gtk_widget_add_controller (self->area, focus);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (self->area, keys);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (self->scrolled, TRUE);
  gtk_widget_set_hexpand (self->scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), self->area);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
  /* A custom widget does not take its child's wish to expand. */
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
}
