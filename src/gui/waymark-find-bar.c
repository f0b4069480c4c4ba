/* waymark-find-bar.c: finding cards across all personas, or recommendations
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-find-bar.h"
#include "waymark-find.h"

struct _WaymarkFindBar
{
  GtkWidget      parent_instance;

  WaymarkCanvas *canvas;       /* weak: the canvas outlives its bar */
  /* weak too; searched instead of the cards while it is shown */
  WaymarkRecommendationsView *recommendations;
  GtkWidget     *search_bar;
  GtkWidget     *entry;
  GtkWidget     *count_label;
  GArray        *matches;      /* WaymarkFindMatch */
  char          *current;      /* the card's or recommendation's id jumped to */
  WaymarkDocument *document;
};

G_DEFINE_FINAL_TYPE (WaymarkFindBar, waymark_find_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CANVAS,
  PROP_RECOMMENDATIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The recommendations are searched while their view is on screen. */
static gboolean
finds_recommendations (WaymarkFindBar *self)
{
  return self->recommendations != NULL &&
         gtk_widget_get_visible (GTK_WIDGET (self->recommendations));
}

static const char *
match_id (const WaymarkFindMatch *match)
{
  return match->card_id != NULL ? match->card_id : match->recommendation_id;
}

static void
update_count (WaymarkFindBar *self)
{
  g_autofree char *text = NULL;
  int index = -1;

  for (guint i = 0; self->matches != NULL && i < self->matches->len; i++)
    if (g_strcmp0 (match_id (&g_array_index (self->matches, WaymarkFindMatch, i)),
                   self->current) == 0)
      index = (int) i;

  if (gtk_editable_get_text (GTK_EDITABLE (self->entry))[0] == '\0')
    text = g_strdup ("");
  else if (self->matches == NULL || self->matches->len == 0)
    text = g_strdup (_("No matches"));
  else
    /* Translators: the position of the current match: "2 of 7". */
    text = g_strdup_printf (_("%d of %u"), index + 1, self->matches->len);
  gtk_label_set_label (GTK_LABEL (self->count_label), text);
  if (self->matches != NULL && self->matches->len == 0 &&
      gtk_editable_get_text (GTK_EDITABLE (self->entry))[0] != '\0')
    gtk_widget_add_css_class (self->entry, "error");
  else
    gtk_widget_remove_css_class (self->entry, "error");
}

static void
highlight (WaymarkFindBar *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; self->matches != NULL && i < self->matches->len; i++)
    if (g_array_index (self->matches, WaymarkFindMatch, i).card_id != NULL)
      g_ptr_array_add (ids, g_array_index (self->matches, WaymarkFindMatch, i).card_id);
  g_ptr_array_add (ids, NULL);
  if (self->canvas != NULL)
    waymark_canvas_set_highlights (self->canvas, ids->len > 1 ? (const char * const *) ids->pdata : NULL);
}

static void
search (WaymarkFindBar *self)
{
  WaymarkDocument *document = self->canvas != NULL ? waymark_canvas_get_document (self->canvas) : NULL;

  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->entry));

  g_clear_pointer (&self->matches, g_array_unref);
  if (document != NULL && finds_recommendations (self))
    {
      /* Only the recommendations: a card would take the user off the
       * page they are searching. */
      self->matches = waymark_find_matches_with_recommendations (document, query);
      for (guint i = self->matches->len; i > 0; i--)
        if (g_array_index (self->matches, WaymarkFindMatch, i - 1).recommendation_id == NULL)
          g_array_remove_index (self->matches, i - 1);
    }
  else if (document != NULL)
    self->matches = waymark_find_matches (document, query);
  highlight (self);
}

void
waymark_find_bar_step (WaymarkFindBar *self,
                       gboolean        backwards)
{
  int index;

  g_return_if_fail (WAYMARK_IS_FIND_BAR (self));

  if (self->matches == NULL)
    search (self);
  index = waymark_find_matches_step (self->matches, self->current, backwards);
  if (index < 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      update_count (self);
      return;
    }
  g_free (self->current);
  self->current = g_strdup (match_id (&g_array_index (self->matches, WaymarkFindMatch, index)));
  if (g_array_index (self->matches, WaymarkFindMatch, index).recommendation_id != NULL)
    waymark_recommendations_view_reveal (self->recommendations, self->current);
  else
    /* Switches persona when the match is on another map. */
    waymark_canvas_reveal_card (self->canvas, self->current);
  highlight (self);
  update_count (self);
}

static void
search_changed_cb (WaymarkFindBar *self)
{
  g_clear_pointer (&self->current, g_free);
  search (self);
  if (self->matches != NULL && self->matches->len > 0)
    waymark_find_bar_step (self, FALSE);
  update_count (self);
}

static void
activate_cb (WaymarkFindBar *self)
{
  waymark_find_bar_step (self, FALSE);
}

static void
stop_search_cb (WaymarkFindBar *self)
{
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->search_bar), FALSE);
}

static void
search_mode_cb (WaymarkFindBar *self)
{
  if (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (self->search_bar)))
    return;
  g_clear_pointer (&self->matches, g_array_unref);
  if (self->canvas != NULL)
    waymark_canvas_set_highlights (self->canvas, NULL);
  /* The keyboard goes back to the page searched, on the match. */
  if (finds_recommendations (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->recommendations));
  else if (self->canvas != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
}

/* What is searched follows the page shown: the entry says which, and an
 * open bar searches again. */
static void
scope_changed_cb (WaymarkFindBar *self)
{
  gboolean recommendations = finds_recommendations (self);

  g_object_set (self->entry, "placeholder-text",
                recommendations ? _("Find recommendations") : _("Find cards in all personas"),
                NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  recommendations ? _("Find recommendations") : _("Find cards"),
                                  -1);
  g_clear_pointer (&self->current, g_free);
  g_clear_pointer (&self->matches, g_array_unref);
  if (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (self->search_bar)))
    {
      search (self);
      update_count (self);
    }
  else if (self->canvas != NULL)
    waymark_canvas_set_highlights (self->canvas, NULL);
}

static gboolean
entry_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      WaymarkFindBar        *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && (state & GDK_SHIFT_MASK))
    {
      waymark_find_bar_step (self, TRUE);
      return TRUE;
    }
  return FALSE;
}

static void
document_changed_cb (WaymarkFindBar *self)
{
  /* Matches follow the edits while the bar is open. */
  if (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (self->search_bar)))
    {
      search (self);
      update_count (self);
    }
}

static void
canvas_document_cb (WaymarkFindBar *self)
{
  WaymarkDocument *document = self->canvas != NULL ? waymark_canvas_get_document (self->canvas)
                                                   : NULL;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "changed", G_CALLBACK (document_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_clear_pointer (&self->matches, g_array_unref);
}

void
waymark_find_bar_open (WaymarkFindBar *self)
{
  g_return_if_fail (WAYMARK_IS_FIND_BAR (self));

  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (self->search_bar), TRUE);
  gtk_widget_grab_focus (self->entry);
  gtk_editable_select_region (GTK_EDITABLE (self->entry), 0, -1);
}

static GtkWidget *
nav_button (WaymarkFindBar *self,
            const char     *icon,
            const char     *tooltip,
            GCallback       callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_signal_connect_swapped (button, "clicked", callback, self);
  return button;
}

static void
previous_cb (WaymarkFindBar *self)
{
  waymark_find_bar_step (self, TRUE);
}

static void
next_cb (WaymarkFindBar *self)
{
  waymark_find_bar_step (self, FALSE);
}

WaymarkCanvas *
waymark_find_bar_get_canvas (WaymarkFindBar *self)
{
  g_return_val_if_fail (WAYMARK_IS_FIND_BAR (self), NULL);
  return self->canvas;
}

void
waymark_find_bar_set_canvas (WaymarkFindBar *self,
                             WaymarkCanvas  *canvas)
{
  g_return_if_fail (WAYMARK_IS_FIND_BAR (self));
  g_return_if_fail (canvas == NULL || WAYMARK_IS_CANVAS (canvas));

  if (self->canvas == canvas)
    return;
  if (self->canvas != NULL)
    g_signal_handlers_disconnect_by_func (self->canvas, canvas_document_cb, self);
  g_set_weak_pointer (&self->canvas, canvas);
  if (canvas != NULL)
    g_signal_connect_object (canvas, "notify::document", G_CALLBACK (canvas_document_cb), self,
                             G_CONNECT_SWAPPED);
  canvas_document_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CANVAS]);
}

void
waymark_find_bar_set_recommendations (WaymarkFindBar             *self,
                                      WaymarkRecommendationsView *view)
{
  g_return_if_fail (WAYMARK_IS_FIND_BAR (self));
  g_return_if_fail (view == NULL || WAYMARK_IS_RECOMMENDATIONS_VIEW (view));

  if (self->recommendations == view)
    return;
  if (self->recommendations != NULL)
    g_signal_handlers_disconnect_by_func (self->recommendations, scope_changed_cb, self);
  g_set_weak_pointer (&self->recommendations, view);
  if (view != NULL)
    g_signal_connect_object (view, "notify::visible", G_CALLBACK (scope_changed_cb), self,
                             G_CONNECT_SWAPPED);
  scope_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOMMENDATIONS]);
}

static void
waymark_find_bar_dispose (GObject *object)
{
  WaymarkFindBar *self = WAYMARK_FIND_BAR (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_weak_pointer (&self->canvas);
  g_clear_weak_pointer (&self->recommendations);
  g_clear_pointer (&self->search_bar, gtk_widget_unparent);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->current, g_free);
  G_OBJECT_CLASS (waymark_find_bar_parent_class)->dispose (object);
}

static void
waymark_find_bar_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WaymarkFindBar *self = WAYMARK_FIND_BAR (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      g_value_set_object (value, self->canvas);
      break;
    case PROP_RECOMMENDATIONS:
      g_value_set_object (value, self->recommendations);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_find_bar_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  WaymarkFindBar *self = WAYMARK_FIND_BAR (object);

  switch (prop_id)
    {
    case PROP_CANVAS:
      waymark_find_bar_set_canvas (self, g_value_get_object (value));
      break;
    case PROP_RECOMMENDATIONS:
      waymark_find_bar_set_recommendations (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_find_bar_class_init (WaymarkFindBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = waymark_find_bar_dispose;
  object_class->get_property = waymark_find_bar_get_property;
  object_class->set_property = waymark_find_bar_set_property;

  /* Not construct-only: a template sets it after building the canvas. */
  properties[PROP_CANVAS] =
    g_param_spec_object ("canvas", NULL, NULL, WAYMARK_TYPE_CANVAS,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RECOMMENDATIONS] =
    g_param_spec_object ("recommendations", NULL, NULL, WAYMARK_TYPE_RECOMMENDATIONS_VIEW,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
waymark_find_bar_init (WaymarkFindBar *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *nav = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkEventController *controller;

  self->entry = gtk_search_entry_new ();
  gtk_widget_set_size_request (self->entry, 280, -1);
  g_object_set (self->entry, "placeholder-text", _("Find cards in all personas"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Find cards"), -1);
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (activate_cb), self);
  g_signal_connect_swapped (self->entry, "next-match", G_CALLBACK (next_cb), self);
  g_signal_connect_swapped (self->entry, "previous-match", G_CALLBACK (previous_cb), self);
  g_signal_connect_swapped (self->entry, "stop-search", G_CALLBACK (stop_search_cb), self);
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self);
  gtk_widget_add_controller (self->entry, controller);

  self->count_label = gtk_label_new ("");
  gtk_widget_add_css_class (self->count_label, "dim-label");
  gtk_widget_add_css_class (self->count_label, "numeric");
  gtk_widget_set_size_request (self->count_label, 80, -1);

  gtk_widget_add_css_class (nav, "linked");
  gtk_box_append (GTK_BOX (nav), nav_button (self, "go-up-symbolic", _("Previous Match"),
                                             G_CALLBACK (previous_cb)));
  gtk_box_append (GTK_BOX (nav), nav_button (self, "go-down-symbolic", _("Next Match"),
                                             G_CALLBACK (next_cb)));
  gtk_box_append (GTK_BOX (box), self->entry);
  gtk_box_append (GTK_BOX (box), nav);
  gtk_box_append (GTK_BOX (box), self->count_label);

  self->search_bar = gtk_search_bar_new ();
  gtk_search_bar_set_child (GTK_SEARCH_BAR (self->search_bar), box);
  gtk_search_bar_connect_entry (GTK_SEARCH_BAR (self->search_bar), GTK_EDITABLE (self->entry));
  gtk_search_bar_set_show_close_button (GTK_SEARCH_BAR (self->search_bar), TRUE);
  g_signal_connect_swapped (self->search_bar, "notify::search-mode-enabled",
                            G_CALLBACK (search_mode_cb), self);
  gtk_widget_set_parent (self->search_bar, GTK_WIDGET (self));
}
