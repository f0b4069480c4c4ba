/* waymark-overview-view.c: the overview of barriers and levers across personas, on screen
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "waymark-cairo-backend.h"
#include "waymark-overview-view-private.h"

/* The figure is fitted to the width of the view, within these zooms:
 * smaller would be unreadable, larger only wastes the screen. */
#define MIN_ZOOM 0.6
#define MAX_ZOOM 1.6

G_DEFINE_FINAL_TYPE (WaymarkOverviewView, waymark_overview_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PALETTE,
  PROP_SHOW_TEXT,
  PROP_SHOW_COVERAGE,
  N_PROPS
};

enum {
  CARD_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_size (WaymarkOverviewView *self,
             int                  width)
{
  double figure_width = 1, figure_height = 1;

  if (self->figure != NULL)
    waymark_overview_figure_get_size (self->figure, &figure_width, &figure_height);
  if (width <= 0)
    width = gtk_widget_get_width (self->area);
  self->zoom = CLAMP ((width - 2 * PAGE_PAD) / figure_width, MIN_ZOOM, MAX_ZOOM);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self->area),
                                      (int) ceil (figure_width * MIN_ZOOM + 2 * PAGE_PAD));
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->area),
                                       self->figure != NULL
                                         ? (int) ceil (figure_height * self->zoom + 2 * PAGE_PAD)
                                         : 0);
}

/* The filter offers the kinds the document's lanes have, by the lanes'
 * names ("Pain points"), like the page's headings; a kind no lane has
 * would only filter to nothing. A kind still chosen stays offered, so
 * that it can be unchosen. */
static void
update_kind_checks (WaymarkOverviewView *self)
{
  guint used = self->overview != NULL ? waymark_overview_get_used_kinds (self->overview) : 0;

  for (int kind = 0; kind < WAYMARK_N_LANE_KINDS; kind++)
    {
      GtkWidget *check = self->kind_checks[kind];
      const char *name;

      if (check == NULL)
        continue;
      name = self->overview != NULL ? waymark_overview_get_kind_name (self->overview, kind) : NULL;
      gtk_check_button_set_label (GTK_CHECK_BUTTON (check),
                                  name != NULL ? name : waymark_lane_kind_get_label (kind));
      gtk_widget_set_visible (check, self->overview == NULL ||
                                     (used & WAYMARK_OVERVIEW_KIND (kind)) != 0 ||
                                     gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
    }
}

void
_waymark_overview_view_ensure_figure (WaymarkOverviewView *self)
{
  WaymarkOverviewFilter filter = { self->kinds, (const char * const *) self->tag_ids };
  WaymarkOverviewSceneOptions options;

  if (!self->stale)
    return;
  self->stale = FALSE;
  if (self->document != NULL)
    {
      waymark_overview_scene_options_init (&options);
      options.mode = self->show_coverage ? WAYMARK_OVERVIEW_SHOW_COVERAGE
                     : self->show_text ? WAYMARK_OVERVIEW_SHOW_TEXT
                     : WAYMARK_OVERVIEW_SHOW_COUNTS;
      options.palette = self->palette;
      self->overview = waymark_overview_new (self->document, &filter);
      self->figure = waymark_overview_figure_new (self->overview, &options);
    }
  update_size (self, -1);
  gtk_widget_queue_draw (self->area);
  /* The focused cell may have gone, or its counts changed. */
  _waymark_overview_view_update_focus (self);
  update_kind_checks (self);
}

/* The figure is made when the view is shown, not before: the window has
 * one from its start, hidden behind the map, and the figure of a large
 * study took a tenth of the window's start; edits on the map need not
 * remake it either while it is hidden. A view that has a keyboard focus
 * keeps it, and what assistive technology is told about it, up to date
 * at once. */
static void
rebuild (WaymarkOverviewView *self)
{
  _waymark_overview_view_free_nav (self);
  g_clear_pointer (&self->figure, waymark_overview_figure_unref);
  g_clear_pointer (&self->overview, waymark_overview_unref);
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || self->focus_column >= 0)
    _waymark_overview_view_ensure_figure (self);
}

static void
map_cb (WaymarkOverviewView *self)
{
  _waymark_overview_view_ensure_figure (self);
}

double
_waymark_overview_view_page_x (WaymarkOverviewView *self)
{
  double figure_width = 0;

  if (self->figure != NULL)
    waymark_overview_figure_get_size (self->figure, &figure_width, NULL);
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
  WaymarkOverviewView *self = user_data;
  double figure_width, figure_height, x1, y1, x2, y2;
  WaymarkRect clip;

  if (self->figure == NULL)
    return;
  waymark_overview_figure_get_size (self->figure, &figure_width, &figure_height);

  cairo_save (cr);
  cairo_translate (cr, _waymark_overview_view_page_x (self), PAGE_PAD);
  cairo_scale (cr, self->zoom, self->zoom);

  /* The page: white, as it will print. */
  cairo_rectangle (cr, 0, 0, figure_width, figure_height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);

  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  clip = (WaymarkRect) { x1, y1, x2 - x1, y2 - y1 };
  waymark_cairo_backend_draw (waymark_overview_figure_get_scene (self->figure), cr, &clip);
  cairo_restore (cr);

  if (gtk_widget_has_visible_focus (GTK_WIDGET (area)))
    _waymark_overview_view_draw_focus_ring (self, cr);
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
hit_at_widget_point (WaymarkOverviewView *self,
                     double               x,
                     double               y,
                     WaymarkOverviewHit  *hit)
{
  if (self->figure == NULL)
    return FALSE;
  return waymark_overview_figure_hit_test (self->figure,
                                           (x - _waymark_overview_view_page_x (self)) / self->zoom,
                                           (y - PAGE_PAD) / self->zoom, hit);
}

gboolean
_waymark_overview_view_activate_hit (WaymarkOverviewView      *self,
                                     const WaymarkOverviewHit *hit)
{
  if (hit->kind == WAYMARK_OVERVIEW_HIT_NONE || hit->persona_id == NULL)
    return FALSE;
  g_signal_emit (self, signals[CARD_ACTIVATED], 0, hit->persona_id, hit->card_id);
  return TRUE;
}

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             gpointer         user_data)
{
  WaymarkOverviewView *self = user_data;
  WaymarkOverviewHit hit;

  if (!hit_at_widget_point (self, x, y, &hit))
    return;
  _waymark_overview_view_focus_hit (self, &hit);
  _waymark_overview_view_activate_hit (self, &hit);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           gpointer                  user_data)
{
  WaymarkOverviewView *self = user_data;
  WaymarkOverviewHit hit;

  gtk_widget_set_cursor_from_name (self->area, hit_at_widget_point (self, x, y, &hit)
                                                 ? "pointer" : NULL);
}

/* In counts, a cell's tooltip lists its cards: the numbers, explained. */
static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  WaymarkOverviewView *self = user_data;
  WaymarkOverviewHit hit;
  g_autoptr (GString) text = NULL;
  int column;
  guint row = 0;

  if (keyboard || !hit_at_widget_point (self, x, y, &hit) || hit.kind != WAYMARK_OVERVIEW_HIT_CELL)
    return FALSE;
  column = waymark_overview_find_column (self->overview, hit.persona_id, hit.phase_id);
  while (row < waymark_overview_get_n_rows (self->overview)
         && g_strcmp0 (waymark_overview_get_row (self->overview, row)->persona_id,
                       hit.persona_id) != 0)
    row++;
  if (column < 0 || row >= waymark_overview_get_n_rows (self->overview))
    return FALSE;

  text = g_string_new (NULL);
  {
    const WaymarkOverviewCell *cell = waymark_overview_get_cell (self->overview, row, column);

    for (guint i = 0; i < cell->cards->len && i < 12; i++)
      {
        WaymarkOverviewCard *card = g_ptr_array_index (cell->cards, i);
        g_autofree char *escaped = g_markup_escape_text (card->text, -1);

        g_string_append_printf (text, "%s<b>%s</b>  %s", i > 0 ? "\n" : "",
                                waymark_lane_kind_get_label (card->kind), escaped);
      }
    if (cell->cards->len > 12)
      g_string_append_printf (text, "\n…");
    if (cell->cards->len == 0)
      g_string_append (text, _("No cards here"));
  }
  gtk_tooltip_set_markup (tooltip, text->str);
  return TRUE;
}

static void
filter_toggled_cb (GtkCheckButton      *button,
                   WaymarkOverviewView *self)
{
  g_autoptr (GStrvBuilder) tags = g_strv_builder_new ();
  guint kinds = 0;
  GtkWidget *child;

  if (self->updating_checks)
    return;
  for (guint kind = 0; kind < WAYMARK_N_LANE_KINDS; kind++)
    if (self->kind_checks[kind] != NULL &&
        gtk_check_button_get_active (GTK_CHECK_BUTTON (self->kind_checks[kind])))
      kinds |= WAYMARK_OVERVIEW_KIND (kind);
  for (child = gtk_widget_get_first_child (self->tag_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_CHECK_BUTTON (child) && gtk_check_button_get_active (GTK_CHECK_BUTTON (child)))
      g_strv_builder_add (tags, g_object_get_data (G_OBJECT (child), "tag-id"));

  self->kinds = kinds;
  g_strfreev (self->tag_ids);
  self->tag_ids = g_strv_builder_end (tags);
  if (self->tag_ids[0] == NULL)
    g_clear_pointer (&self->tag_ids, g_strfreev);
  rebuild (self);
}

static void
rebuild_tag_checks (WaymarkOverviewView *self)
{
  GtkWidget *child;
  GPtrArray *tags;

  while ((child = gtk_widget_get_first_child (self->tag_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->tag_box), child);
  if (self->document == NULL)
    return;

  tags = waymark_document_get_tags (self->document);
  gtk_widget_set_visible (gtk_widget_get_prev_sibling (self->tag_box), tags->len > 0);
  self->updating_checks = TRUE;
  for (guint i = 0; i < tags->len; i++)
    {
      WaymarkTag *tag = g_ptr_array_index (tags, i);
      GtkWidget *check = gtk_check_button_new_with_label (tag->name);

      g_object_set_data_full (G_OBJECT (check), "tag-id", g_strdup (tag->base.id), g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   self->tag_ids != NULL
                                   && g_strv_contains ((const char * const *) self->tag_ids,
                                                       tag->base.id));
      g_signal_connect (check, "toggled", G_CALLBACK (filter_toggled_cb), self);
      gtk_box_append (GTK_BOX (self->tag_box), check);
    }
  self->updating_checks = FALSE;
}

static void
document_changed_cb (WaymarkOverviewView *self)
{
  /* Tags may have gone: keep only the filter's tags that still exist. */
  if (self->tag_ids != NULL)
    {
      g_autoptr (GStrvBuilder) kept = g_strv_builder_new ();

      for (guint i = 0; self->tag_ids[i] != NULL; i++)
        if (waymark_document_find_tag (self->document, self->tag_ids[i]) != NULL)
          g_strv_builder_add (kept, self->tag_ids[i]);
      g_strfreev (self->tag_ids);
      self->tag_ids = g_strv_builder_end (kept);
      if (self->tag_ids[0] == NULL)
        g_clear_pointer (&self->tag_ids, g_strfreev);
    }
  rebuild_tag_checks (self);
  rebuild (self);
}

static void
text_toggled_cb (GtkToggleButton     *button,
                 WaymarkOverviewView *self)
{
  waymark_overview_view_set_show_text (self, gtk_toggle_button_get_active (button));
}

static void
coverage_toggled_cb (GtkToggleButton     *button,
                     WaymarkOverviewView *self)
{
  waymark_overview_view_set_show_coverage (self, gtk_toggle_button_get_active (button));
}

static GtkWidget *
build_filter_popover (WaymarkOverviewView *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label;
  WaymarkLaneKind kinds[WAYMARK_N_LANE_KINDS];
  guint n_kinds;

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  label = gtk_label_new (_("Lanes"));
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  /* The kinds the overview offers, in its order. */
  n_kinds = waymark_lane_kind_list_for_overview (kinds);
  for (guint i = 0; i < n_kinds; i++)
    {
      WaymarkLaneKind kind = kinds[i];
      GtkWidget *check = gtk_check_button_new_with_label (waymark_lane_kind_get_label (kind));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   (WAYMARK_OVERVIEW_DEFAULT_KINDS & WAYMARK_OVERVIEW_KIND (kind))
                                   != 0);
      g_signal_connect (check, "toggled", G_CALLBACK (filter_toggled_cb), self);
      self->kind_checks[kind] = check;
      gtk_box_append (GTK_BOX (box), check);
    }

  label = gtk_label_new (_("Only cards tagged"));
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 8);
  gtk_box_append (GTK_BOX (box), label);
  self->tag_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_box_append (GTK_BOX (box), self->tag_box);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  return popover;
}

static void
waymark_overview_view_dispose (GObject *object)
{
  WaymarkOverviewView *self = WAYMARK_OVERVIEW_VIEW (object);

  waymark_overview_view_set_document (self, NULL);
  g_clear_pointer (&self->toolbar, gtk_widget_unparent);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  G_OBJECT_CLASS (waymark_overview_view_parent_class)->dispose (object);
}

static void
waymark_overview_view_finalize (GObject *object)
{
  WaymarkOverviewView *self = WAYMARK_OVERVIEW_VIEW (object);

  _waymark_overview_view_free_nav (self);
  g_clear_pointer (&self->figure, waymark_overview_figure_unref);
  g_clear_pointer (&self->overview, waymark_overview_unref);
  g_strfreev (self->tag_ids);
  g_free (self->focus_persona_id);
  g_free (self->focus_card_id);
  G_OBJECT_CLASS (waymark_overview_view_parent_class)->finalize (object);
}

/* The window gives the overview the focus when it shows it: the matrix
 * takes it, so the arrow keys work at once. */
static gboolean
waymark_overview_view_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (WAYMARK_OVERVIEW_VIEW (widget)->area);
}

static void
waymark_overview_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  WaymarkOverviewView *self = WAYMARK_OVERVIEW_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_PALETTE:
      g_value_set_int (value, self->palette);
      break;
    case PROP_SHOW_TEXT:
      g_value_set_boolean (value, self->show_text);
      break;
    case PROP_SHOW_COVERAGE:
      g_value_set_boolean (value, self->show_coverage);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_overview_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  WaymarkOverviewView *self = WAYMARK_OVERVIEW_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      waymark_overview_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_PALETTE:
      {
        int palette = g_value_get_int (value);

        if (palette != self->palette)
          {
            self->palette = palette;
            rebuild (self);
            g_object_notify_by_pspec (object, pspec);
          }
      }
      break;
    case PROP_SHOW_TEXT:
      waymark_overview_view_set_show_text (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_COVERAGE:
      waymark_overview_view_set_show_coverage (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_overview_view_class_init (WaymarkOverviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = waymark_overview_view_dispose;
  object_class->finalize = waymark_overview_view_finalize;
  object_class->get_property = waymark_overview_view_get_property;
  object_class->set_property = waymark_overview_view_set_property;
  widget_class->grab_focus = waymark_overview_view_grab_focus;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, WAYMARK_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PALETTE] =
    g_param_spec_int ("palette", NULL, NULL, 0, WAYMARK_N_PALETTES - 1, WAYMARK_PALETTE_STANDARD,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_TEXT] =
    g_param_spec_boolean ("show-text", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_COVERAGE] =
    g_param_spec_boolean ("show-coverage", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CARD_ACTIVATED] =
    g_signal_new ("card-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "overview");
}

static void
waymark_overview_view_init (WaymarkOverviewView *self)
{
  GtkGesture *click;
  GtkEventController *motion;
  GtkWidget *label;

  self->zoom = 1.0;
  self->focus_column = -1;
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  self->kinds = WAYMARK_OVERVIEW_DEFAULT_KINDS;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);

  self->toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (self->toolbar, "toolbar");
  gtk_widget_set_parent (self->toolbar, GTK_WIDGET (self));

  label = gtk_label_new (_("Overview"));
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (self->toolbar), label);

  self->text_toggle = gtk_toggle_button_new_with_mnemonic (_("_Full Text"));
  gtk_widget_set_tooltip_text (self->text_toggle, _("Show the cards’ text instead of counts"));
  g_signal_connect (self->text_toggle, "toggled", G_CALLBACK (text_toggled_cb), self);
  gtk_box_append (GTK_BOX (self->toolbar), self->text_toggle);

  self->coverage_toggle = gtk_toggle_button_new_with_mnemonic (_("_Coverage"));
  gtk_widget_set_tooltip_text (self->coverage_toggle,
                               _("Barriers without a recommendation, per persona and phase"));
  g_signal_connect (self->coverage_toggle, "toggled", G_CALLBACK (coverage_toggled_cb), self);
  gtk_box_append (GTK_BOX (self->toolbar), self->coverage_toggle);

  self->filter_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->filter_button), _("Filter"));
  gtk_widget_set_tooltip_text (self->filter_button, _("Choose lanes and tags to show"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->filter_button), build_filter_popover (self));
  gtk_box_append (GTK_BOX (self->toolbar), self->filter_button);

  /* A group, like the canvas: a screen reader announces the label of the
   * focused cell or card (update_accessible ()). */
  self->area = g_object_new (GTK_TYPE_DRAWING_AREA,
                             "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                             "focusable", TRUE,
                             NULL);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_cb, self, NULL);
  g_signal_connect (self->area, "resize", G_CALLBACK (resize_cb), self);
  gtk_widget_set_has_tooltip (self->area, TRUE);
  g_signal_connect (self->area, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Overview of barriers and levers across personas"), -1);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (released_cb), self);
  gtk_widget_add_controller (self->area, GTK_EVENT_CONTROLLER (click));
  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (self->area, motion);
  _waymark_overview_view_focus_init (self);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (self->scrolled, TRUE);
  gtk_widget_set_hexpand (self->scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), self->area);
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
}

GtkWidget *
waymark_overview_view_new (void)
{
  return g_object_new (WAYMARK_TYPE_OVERVIEW_VIEW, NULL);
}

void
waymark_overview_view_set_document (WaymarkOverviewView *self,
                                    WaymarkDocument     *document)
{
  g_return_if_fail (WAYMARK_IS_OVERVIEW_VIEW (self));
  g_return_if_fail (document == NULL || WAYMARK_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, document_changed_cb, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_clear_pointer (&self->tag_ids, g_strfreev);
  if (self->tag_box != NULL)
    rebuild_tag_checks (self);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

WaymarkDocument *
waymark_overview_view_get_document (WaymarkOverviewView *self)
{
  g_return_val_if_fail (WAYMARK_IS_OVERVIEW_VIEW (self), NULL);
  return self->document;
}

void
waymark_overview_view_set_show_text (WaymarkOverviewView *self,
                                     gboolean             show_text)
{
  g_return_if_fail (WAYMARK_IS_OVERVIEW_VIEW (self));

  show_text = !!show_text;
  if (self->show_text == show_text)
    return;
  self->show_text = show_text;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->text_toggle), show_text);
  /* One view at a time: the cards' text, or what is still open. */
  if (show_text)
    waymark_overview_view_set_show_coverage (self, FALSE);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TEXT]);
}

void
waymark_overview_view_set_show_coverage (WaymarkOverviewView *self,
                                         gboolean             show_coverage)
{
  g_return_if_fail (WAYMARK_IS_OVERVIEW_VIEW (self));

  show_coverage = !!show_coverage;
  if (self->show_coverage == show_coverage)
    return;
  self->show_coverage = show_coverage;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->coverage_toggle), show_coverage);
  if (show_coverage)
    waymark_overview_view_set_show_text (self, FALSE);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_COVERAGE]);
}

gboolean
waymark_overview_view_get_show_coverage (WaymarkOverviewView *self)
{
  g_return_val_if_fail (WAYMARK_IS_OVERVIEW_VIEW (self), FALSE);
  return self->show_coverage;
}

gboolean
waymark_overview_view_get_show_text (WaymarkOverviewView *self)
{
  g_return_val_if_fail (WAYMARK_IS_OVERVIEW_VIEW (self), FALSE);
  return self->show_text;
}

void
waymark_overview_view_set_filter (WaymarkOverviewView *self,
                                  guint                kinds,
                                  const char * const  *tag_ids)
{
  g_return_if_fail (WAYMARK_IS_OVERVIEW_VIEW (self));

  self->kinds = kinds != 0 ? kinds : WAYMARK_OVERVIEW_DEFAULT_KINDS;
  g_strfreev (self->tag_ids);
  self->tag_ids = tag_ids != NULL && tag_ids[0] != NULL ? g_strdupv ((char **) tag_ids) : NULL;

  /* Show the same in the filter menu, without feeding back. */
  self->updating_checks = TRUE;
  for (guint kind = 0; kind < WAYMARK_N_LANE_KINDS; kind++)
    if (self->kind_checks[kind] != NULL)
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->kind_checks[kind]),
                                   (self->kinds & WAYMARK_OVERVIEW_KIND (kind)) != 0);
  self->updating_checks = FALSE;
  rebuild_tag_checks (self);
  rebuild (self);
}

void
waymark_overview_view_get_figure_size (WaymarkOverviewView *self,
                                       double              *width,
                                       double              *height)
{
  g_return_if_fail (WAYMARK_IS_OVERVIEW_VIEW (self));

  if (width != NULL)
    *width = 0;
  if (height != NULL)
    *height = 0;
  _waymark_overview_view_ensure_figure (self);
  if (self->figure != NULL)
    waymark_overview_figure_get_size (self->figure, width, height);
}

gboolean
waymark_overview_view_activate_at (WaymarkOverviewView *self,
                                   double               x,
                                   double               y)
{
  WaymarkOverviewHit hit;

  g_return_val_if_fail (WAYMARK_IS_OVERVIEW_VIEW (self), FALSE);

  _waymark_overview_view_ensure_figure (self);
  if (self->figure == NULL || !waymark_overview_figure_hit_test (self->figure, x, y, &hit))
    return FALSE;
  return _waymark_overview_view_activate_hit (self, &hit);
}
