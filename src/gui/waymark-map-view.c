/* waymark-map-view.c: a read-only view of one persona's journey map
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "waymark-cairo-backend.h"
#include "waymark-layout.h"
#include "waymark-map-view.h"
#include "waymark-scene.h"

/* Space around the page, in pixels. */
#define MARGIN 24

struct _WaymarkMapView
{
  GtkWidget        parent_instance;

  WaymarkDocument *document;
  char            *persona_id;
  double           zoom;
  WaymarkPalette   palette;

  /* Built lazily from the document; dropped on every change. */
  WaymarkLayout   *layout;
  WaymarkScene    *scene;
};

G_DEFINE_FINAL_TYPE (WaymarkMapView, waymark_map_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PERSONA_ID,
  PROP_ZOOM,
  PROP_PALETTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
waymark_map_view_new (void)
{
  return g_object_new (WAYMARK_TYPE_MAP_VIEW, NULL);
}

static void
invalidate (WaymarkMapView *self)
{
  g_clear_pointer (&self->scene, waymark_scene_unref);
  /* The old layout stays for text-measurement reuse until the next build. */
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static WaymarkScene *
ensure_scene (WaymarkMapView *self)
{
  WaymarkRenderOptions options;
  WaymarkLayout *layout;

  if (self->scene != NULL)
    return self->scene;
  if (self->document == NULL || self->persona_id == NULL)
    {
      g_clear_pointer (&self->layout, waymark_layout_unref);
      return NULL;
    }

  waymark_render_options_init (&options);
  options.palette = self->palette;
  layout = waymark_layout_new (self->document, self->persona_id, &options, self->layout);
  g_clear_pointer (&self->layout, waymark_layout_unref);
  self->layout = layout;
  if (layout == NULL)
    return NULL;
  self->scene = waymark_scene_new_for_layout (layout);

  {
    WaymarkPersona *persona = waymark_document_find_persona (self->document, self->persona_id);
    /* Translators: the accessible name of the map; %s is the persona's name. */
    g_autofree char *label = g_strdup_printf (_("Journey map of %s"), persona->name);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    label, -1);
  }
  return self->scene;
}

gboolean
waymark_map_view_get_map_size (WaymarkMapView *self,
                               double         *width,
                               double         *height)
{
  g_return_val_if_fail (WAYMARK_IS_MAP_VIEW (self), FALSE);

  if (ensure_scene (self) == NULL)
    return FALSE;
  waymark_layout_get_size (self->layout, width, height);
  return TRUE;
}

static void
document_changed_cb (WaymarkMapView *self)
{
  invalidate (self);
}

void
waymark_map_view_set_document (WaymarkMapView  *self,
                               WaymarkDocument *document)
{
  g_return_if_fail (WAYMARK_IS_MAP_VIEW (self));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_clear_pointer (&self->layout, waymark_layout_unref);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

void
waymark_map_view_set_persona_id (WaymarkMapView *self,
                                 const char     *persona_id)
{
  g_return_if_fail (WAYMARK_IS_MAP_VIEW (self));

  if (g_strcmp0 (self->persona_id, persona_id) == 0)
    return;
  g_free (self->persona_id);
  self->persona_id = g_strdup (persona_id);
  g_clear_pointer (&self->layout, waymark_layout_unref);
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSONA_ID]);
}

void
waymark_map_view_set_zoom (WaymarkMapView *self,
                           double          zoom)
{
  g_return_if_fail (WAYMARK_IS_MAP_VIEW (self));

  if (G_APPROX_VALUE (self->zoom, zoom, 0.0001))
    return;
  self->zoom = zoom;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

void
waymark_map_view_set_palette (WaymarkMapView *self,
                              int             palette)
{
  g_return_if_fail (WAYMARK_IS_MAP_VIEW (self));

  if (palette < 0 || palette >= WAYMARK_N_PALETTES || (int) self->palette == palette)
    return;
  self->palette = palette;
  invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PALETTE]);
}

static void
waymark_map_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  WaymarkMapView *self = WAYMARK_MAP_VIEW (widget);
  double width = 0, height = 0;
  double size;

  if (!waymark_map_view_get_map_size (self, &width, &height))
    {
      *minimum = *natural = 0;
      return;
    }
  size = orientation == GTK_ORIENTATION_HORIZONTAL ? width : height;
  *minimum = *natural = (int) ceil (size * self->zoom) + 2 * MARGIN;
}

static void
waymark_map_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  WaymarkMapView *self = WAYMARK_MAP_VIEW (widget);
  WaymarkScene *scene = ensure_scene (self);
  double map_width, map_height;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double page_width, page_height, x0, y0;
  WaymarkRect clip;
  cairo_t *cr;

  if (scene == NULL)
    return;

  waymark_layout_get_size (self->layout, &map_width, &map_height);
  page_width = map_width * self->zoom;
  page_height = map_height * self->zoom;
  /* Centred across when narrower than the view; the top stays put, like
   * a page in a document viewer. */
  x0 = MAX (MARGIN, (width - page_width) / 2);
  y0 = MARGIN;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* The page: white, like the exported PDF, with a soft edge. */
  cairo_rectangle (cr, x0 + 1, y0 + 2, page_width, page_height);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.15);
  cairo_fill (cr);
  cairo_rectangle (cr, x0, y0, page_width, page_height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);

  cairo_translate (cr, x0, y0);
  cairo_scale (cr, self->zoom, self->zoom);
  clip.x = 0;
  clip.y = 0;
  clip.width = map_width;
  clip.height = map_height;
  waymark_cairo_backend_draw (scene, cr, &clip);
  cairo_destroy (cr);
}

static void
waymark_map_view_dispose (GObject *object)
{
  WaymarkMapView *self = WAYMARK_MAP_VIEW (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->scene, waymark_scene_unref);
  g_clear_pointer (&self->layout, waymark_layout_unref);

  G_OBJECT_CLASS (waymark_map_view_parent_class)->dispose (object);
}

static void
waymark_map_view_finalize (GObject *object)
{
  WaymarkMapView *self = WAYMARK_MAP_VIEW (object);

  g_free (self->persona_id);

  G_OBJECT_CLASS (waymark_map_view_parent_class)->finalize (object);
}

static void
waymark_map_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WaymarkMapView *self = WAYMARK_MAP_VIEW (object);

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
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_map_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  WaymarkMapView *self = WAYMARK_MAP_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      waymark_map_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_PERSONA_ID:
      waymark_map_view_set_persona_id (self, g_value_get_string (value));
      break;
    case PROP_ZOOM:
      waymark_map_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_PALETTE:
      waymark_map_view_set_palette (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_map_view_class_init (WaymarkMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_map_view_dispose;
  object_class->finalize = waymark_map_view_finalize;
  object_class->get_property = waymark_map_view_get_property;
  object_class->set_property = waymark_map_view_set_property;
  widget_class->measure = waymark_map_view_measure;
  widget_class->snapshot = waymark_map_view_snapshot;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, WAYMARK_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PERSONA_ID] =
    g_param_spec_string ("persona-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0.01, 100.0, 1.0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PALETTE] =
    g_param_spec_int ("palette", NULL, NULL, 0, WAYMARK_N_PALETTES - 1, WAYMARK_PALETTE_STANDARD,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "waymark-map-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
waymark_map_view_init (WaymarkMapView *self)
{
  self->zoom = 1.0;
  self->palette = WAYMARK_PALETTE_STANDARD;
}
