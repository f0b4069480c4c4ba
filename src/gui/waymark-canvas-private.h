/* waymark-canvas-private.h: what the canvas's source files share
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "waymark-canvas.h"
#include "waymark-focus.h"
#include "waymark-scene.h"
#include "waymark-text-cache.h"

G_BEGIN_DECLS

/* Space around the map, in pixels. */
#define CANVAS_MARGIN 24

/* Replaces the string in @slot with a copy of @value. */
static inline void
set_string (char       **slot,
            const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return;
  g_free (*slot);
  *slot = g_strdup (value);
}

typedef enum {
  DRAG_NONE,
  DRAG_PENDING,       /* pressed; not yet past the drag threshold */
  DRAG_CARDS,         /* moving (or with Ctrl copying) the selected cards */
  DRAG_SPAN,          /* a card's right edge */
  DRAG_EMOTION,       /* an emotion point, up and down */
  DRAG_RUBBER_BAND,   /* selecting cards in a rectangle */
  DRAG_PAN,           /* middle button, or space held */
  DRAG_PHASE,         /* reordering a phase header */
  DRAG_LANE,          /* reordering a lane header */
} DragMode;

typedef enum {
  EDIT_NONE,
  EDIT_CARD_TEXT,     /* target_id: card */
  EDIT_NEW_CARD,      /* lane_id + phase_id, at position */
  EDIT_PHASE_NAME,    /* target_id: phase */
  EDIT_LANE_NAME,     /* target_id: lane */
  EDIT_PERSONA_NAME,  /* target_id: persona */
  EDIT_EMOTION_LABEL, /* lane_id + phase_id */
} EditKind;

struct _WaymarkCanvas
{
  GtkWidget         parent_instance;

  WaymarkDocument  *document;
  char             *persona_id;
  double            zoom;
  int               palette;
  gboolean          high_contrast;   /* follows libadwaita's high-contrast style */

  /* Scrolling (GtkScrollable). */
  GtkAdjustment    *hadjustment;
  GtkAdjustment    *vadjustment;
  guint             hscroll_policy : 1;
  guint             vscroll_policy : 1;
  /* A zoom anchor: the document point that stays under (anchor_x, anchor_y)
   * pixels at the next allocation. */
  gboolean          have_anchor;
  double            anchor_doc_x, anchor_doc_y;
  double            anchor_x, anchor_y;

  /* persona id → WaymarkLayout; a layout is rebuilt (from the old one,
   * reusing its measured texts) when its persona changes. */
  GHashTable       *layouts;
  GHashTable       *dirty;        /* persona ids whose layout is stale */
  WaymarkScene     *scene;        /* of the current layout */
  WaymarkLayout    *scene_layout; /* what scene was built from (not a ref) */
  WaymarkScene     *overlay;      /* highlights; rebuilt when they change */
  WaymarkScene     *find_overlay; /* search highlights, drawn translucent */
  /* Small text rasterised at the current zoom, kept across frames and
   * scene rebuilds: redrawing a screenful costs a tenth of filling every
   * glyph outline again (see waymark-text-cache.c). */
  WaymarkTextCache *text_cache;
  /* The drawn map of the visible area, reused while only the overlay
   * changes (hover, drag indicators). */
  GskRenderNode    *map_node;
  double            map_node_key[5];

  /* Selection, focus, hover. */
  GPtrArray        *selection;     /* card ids (char*), NULL-terminated */
  WaymarkFocus      focus;
  char             *inspected_id;
  /* The lane and phase the screen reader last heard the focus in: a
   * move into another one says so first. */
  char             *announced_lane_id;
  char             *announced_phase_id;
  char             *hover_card_id;
  char             *hover_lane_id;
  char             *hover_phase_id;
  GStrv             highlights;
  GStrv             spotlight;     /* cards of the chosen recommendation */
  gboolean          space_down;
  gboolean          scroll_pending;

  /* Pointer gestures. */
  GtkGesture       *click;
  GtkGesture       *drag;
  DragMode          drag_mode;
  double            drag_start_x, drag_start_y;  /* widget pixels */
  double            drag_x, drag_y;              /* current, widget pixels */
  /* Where the press was on the map: the rubber band's anchor and the
   * ghost's origin stay put while the view autoscrolls under them. */
  double            drag_start_doc_x, drag_start_doc_y;
  /* Autoscroll near the edges during a drag (a frame clock tick). */
  guint             autoscroll_id;
  gint64            autoscroll_last_us;
  char             *drag_card_id;                /* the card under the press */
  char             *drag_lane_id;
  char             *drag_phase_id;
  gboolean          drag_copy;
  gboolean          drag_group_open;
  double            pan_start_h, pan_start_v;
  gboolean          show_drop;
  WaymarkDropTarget drop;
  char             *drop_lane_id;                /* drop's strings, owned */
  char             *drop_phase_id;
  int               drop_index;                  /* phase/lane reordering target */
  gboolean          press_had_modifier;
  /* The drag of cards handed over to GTK's drag and drop, while it lasts. */
  GdkDrag          *card_dnd;
  gboolean          dragging_cards;
  gboolean          emotion_just_placed;         /* by this press's click */

  /* The in-place editor. */
  GtkWidget        *editor;        /* GtkTextView, a child of the canvas */
  GtkCssProvider   *editor_css;
  EditKind          edit_kind;
  char             *edit_target_id;
  char             *edit_lane_id;
  char             *edit_phase_id;
  int               edit_position;
  WaymarkRect       edit_rect;      /* document units */
  gboolean          edit_multiline;
  guint             commit_idle_id; /* commits after the focus has left */

  GtkWidget        *context_menu;   /* GtkPopoverMenu */
  GtkWidget        *link_chooser;   /* WaymarkLinkChooser, made when first asked for */
  double            menu_x, menu_y;

  /* WAYMARK_DEBUG_TIMINGS */
  gboolean          timings;
  guint             n_frames;
  gint64            map_us_total, map_us_max;
  gint64            frame_us_total, frame_us_max;
  guint             n_map_frames;
};

static inline guint
n_selected (WaymarkCanvas *self)
{
  return self->selection->len - 1;
}

/* The selected card ids, NULL-terminated. */
static inline const char * const *
selected (WaymarkCanvas *self)
{
  return (const char * const *) self->selection->pdata;
}

/* waymark-canvas.c */
/* Emits ::selection-changed; notifies :inspected-id. */
void            _waymark_canvas_emit_selection_changed (WaymarkCanvas *self);
void            _waymark_canvas_notify_inspected_id (WaymarkCanvas *self);
/* Tells assistive technologies what has the keyboard, again after an edit. */
void            _waymark_canvas_update_accessible   (WaymarkCanvas *self);
WaymarkPersona *_waymark_canvas_get_persona       (WaymarkCanvas *self);
/* The map's size in document units; 0 × 0 without a map. */
void            _waymark_canvas_get_map_size      (WaymarkCanvas *self,
                                                   double        *width,
                                                   double        *height);
/* Where the map's origin is, in widget pixels: scrolled, after the margin,
 * and centred when the map is narrower than the view. */
void            _waymark_canvas_get_origin        (WaymarkCanvas *self,
                                                   double        *ox,
                                                   double        *oy);
void            _waymark_canvas_widget_to_doc     (WaymarkCanvas *self,
                                                   double         x,
                                                   double         y,
                                                   double        *doc_x,
                                                   double        *doc_y);
void            _waymark_canvas_doc_to_widget     (WaymarkCanvas *self,
                                                   double         doc_x,
                                                   double         doc_y,
                                                   double        *x,
                                                   double        *y);
gboolean        _waymark_canvas_hit               (WaymarkCanvas *self,
                                                   double         x,
                                                   double         y,
                                                   WaymarkHit    *hit);
/* The scene of the current persona's map, built when needed. */
WaymarkScene   *_waymark_canvas_ensure_scene      (WaymarkCanvas *self);
void            _waymark_canvas_zoom_at           (WaymarkCanvas *self,
                                                   double         zoom,
                                                   double         x,
                                                   double         y);

/* waymark-canvas-selection.c */
void            _waymark_canvas_set_selection     (WaymarkCanvas *self,
                                                   const char * const *card_ids);
void            _waymark_canvas_toggle_selected   (WaymarkCanvas *self,
                                                   const char    *card_id);
gboolean        _waymark_canvas_is_selected       (WaymarkCanvas *self,
                                                   const char    *card_id);
/* Sets the keyboard focus (and the inspected object), scrolls it into
 * view and tells assistive technology. */
void            _waymark_canvas_set_focus         (WaymarkCanvas *self,
                                                   const WaymarkFocus *focus);
void            _waymark_canvas_scroll_to_rect    (WaymarkCanvas *self,
                                                   const WaymarkRect *rect);

/* waymark-canvas-draw.c */
void            _waymark_canvas_snapshot          (GtkWidget     *widget,
                                                   GtkSnapshot   *snapshot);
/* The selection, focus, hover or a drag indicator changed: the overlay
 * is rebuilt at the next frame. */
void            _waymark_canvas_invalidate_overlay (WaymarkCanvas *self);

/* waymark-canvas-menu.c */
/* Pops up the context menu at (@x, @y), in widget pixels, or at the
 * focused thing when @x is negative. */
void            _waymark_canvas_popup_menu        (WaymarkCanvas *self,
                                                   double         x,
                                                   double         y);

/* waymark-canvas-input.c */
void            _waymark_canvas_input_init        (WaymarkCanvas *self);
void            _waymark_canvas_class_input_init  (GtkWidgetClass *widget_class);
gboolean        _waymark_canvas_is_emotions_lane  (WaymarkCanvas *self,
                                                   const char    *lane_id);
/* Whether the lane has a point in the phase. */
gboolean        _waymark_canvas_has_emotion       (WaymarkCanvas *self,
                                                   const char    *lane_id,
                                                   const char    *phase_id);
/* Whether @x, in widget pixels, is on the right edge of the card @hit,
 * where dragging changes its span. */
gboolean        _waymark_canvas_on_span_handle    (WaymarkCanvas    *self,
                                                   const WaymarkHit *hit,
                                                   double            x);

/* waymark-canvas-drag.c */
/* Adds the drag gesture: moving and copying cards, a card's span, an
 * emotion point, reordering headers, the rubber band and panning. */
void            _waymark_canvas_drag_init         (WaymarkCanvas *self);
/* Ends a drag of cards handed to drag and drop (the canvas goes away). */
void            _waymark_canvas_drag_dispose      (WaymarkCanvas *self);
/* Sets "dragging-cards" and notifies it (waymark-canvas.c). */
void            _waymark_canvas_set_dragging_cards (WaymarkCanvas *self,
                                                    gboolean       dragging);

/* waymark-canvas-editor.c */
void            _waymark_canvas_edit_start        (WaymarkCanvas *self,
                                                   EditKind       kind,
                                                   const char    *target_id,
                                                   const char    *lane_id,
                                                   const char    *phase_id,
                                                   int            position);
void            _waymark_canvas_edit_commit       (WaymarkCanvas *self);
void            _waymark_canvas_edit_cancel       (WaymarkCanvas *self);
/* Places the editor after scrolling, zooming or a relayout. */
void            _waymark_canvas_edit_allocate     (WaymarkCanvas *self);
void            _waymark_canvas_editor_dispose    (WaymarkCanvas *self);

/* waymark-canvas-actions.c */
/* The lane of the focused cell, card or lane header, or NULL. */
WaymarkLane    *_waymark_canvas_get_focus_lane    (WaymarkCanvas *self);
/* Whether the focus is on an emotion point (a cell of an emotions lane
 * that has one). */
gboolean        _waymark_canvas_focus_is_emotion_point (WaymarkCanvas *self);
void            _waymark_canvas_update_actions    (WaymarkCanvas *self);
void            _waymark_canvas_class_actions_init (GtkWidgetClass *widget_class);
/* Moves the focused card (Alt+arrows) or phase/lane. */
gboolean        _waymark_canvas_move_focused      (WaymarkCanvas *self,
                                                   WaymarkDirection direction);

G_END_DECLS
