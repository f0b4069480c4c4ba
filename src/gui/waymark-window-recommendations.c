/* waymark-window-recommendations.c: the window's recommendations: the view, highlights and linking
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-window-private.h"

/* The recommendations view shows in the map's place. The recommendation
 * chosen there stays chosen when the user goes back to a map: its cards
 * are highlighted on every persona's map and in the overview, the
 * sidebar counts them per persona and a bar over the map says whose
 * cards these are, until the user stops it. While cards are dragged on
 * the map, the sidebar shows the recommendations as drop targets
 * (waymark-link-targets.c); dropping there links the cards. */

void
_waymark_window_update_inspected (WaymarkWindow *self)
{
  const char *id;

  if (self->inspector == NULL || self->recommendations == NULL)
    return;
  if (gtk_widget_get_visible (GTK_WIDGET (self->recommendations)))
    id = waymark_recommendations_view_get_selected_id (self->recommendations);
  else
    id = waymark_canvas_get_inspected_id (self->canvas);
  waymark_inspector_set_object_id (self->inspector, id);
}

static WaymarkRecommendation *
chosen_recommendation (WaymarkWindow *self)
{
  const char *id = waymark_recommendations_view_get_selected_id (self->recommendations);

  return id != NULL && self->document != NULL
         ? waymark_document_find_recommendation (self->document, id) : NULL;
}

void
_waymark_window_update_spotlight (WaymarkWindow *self)
{
  WaymarkRecommendation *recommendation;
  const char * const *cards = NULL;
  guint n = 0;

  if (self->recommendations == NULL || self->document == NULL)
    return;
  recommendation = chosen_recommendation (self);
  if (recommendation != NULL)
    {
      cards = (const char * const *) recommendation->cards;
      n = g_strv_length (recommendation->cards);
    }
  waymark_canvas_set_spotlight (self->canvas, cards);
  waymark_sidebar_set_spotlight (self->sidebar, cards);

  if (recommendation != NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: the bar over the map while a recommendation's cards
       * are highlighted: "5 cards of “Title” are highlighted". */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u card of “%s” is highlighted",
                                           "%u cards of “%s” are highlighted", n),
                              n, recommendation->title);
      gtk_label_set_label (self->spotlight_label, text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->spotlight_label), recommendation->title);
    }
  gtk_widget_set_visible (self->spotlight_bar,
                          recommendation != NULL && gtk_widget_get_visible (self->map_view) &&
                          !gtk_widget_get_visible (self->empty_page));
}

static void
update_count (WaymarkWindow *self)
{
  guint n = self->document != NULL ? waymark_document_get_recommendations (self->document)->len : 0;
  g_autofree char *text = n > 0 ? g_strdup_printf ("%u", n) : NULL;

  gtk_label_set_label (self->recommendations_count, text != NULL ? text : "");
}

static void
document_changed_cb (WaymarkWindow *self)
{
  update_count (self);
  _waymark_window_update_spotlight (self);
}

static void
document_set_cb (WaymarkWindow *self)
{
  if (self->document == NULL)
    return;
  waymark_link_targets_set_document (self->link_targets, self->document);
  g_signal_connect_object (self->document, "changed", G_CALLBACK (document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_count (self);
}

static void
selected_cb (WaymarkWindow *self)
{
  _waymark_window_update_inspected (self);
  _waymark_window_update_spotlight (self);
}

/* During a drag of cards, the recommendations take the personas' place. */
static void
dragging_cards_cb (WaymarkWindow *self)
{
  gboolean dragging = waymark_canvas_get_dragging_cards (self->canvas);

  gtk_stack_set_visible_child (GTK_STACK (self->sidebar_stack),
                               dragging ? GTK_WIDGET (self->link_targets)
                                        : GTK_WIDGET (self->sidebar));
}

/* Cards dropped on a recommendation: it becomes the chosen one, so that
 * the map shows at once which cards it now addresses. */
static void
cards_linked_cb (WaymarkLinkTargets *targets,
                 const char         *recommendation_id,
                 guint               n_linked,
                 WaymarkWindow      *self)
{
  WaymarkRecommendation *recommendation =
    waymark_document_find_recommendation (self->document, recommendation_id);
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (recommendation == NULL)
    return;
  waymark_recommendations_view_set_selected_id (self->recommendations, recommendation_id);
  if (n_linked > 0)
    /* Translators: a note after cards were dropped on a recommendation. */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Linked %u card to “%s”",
                                         "Linked %u cards to “%s”", n_linked),
                            n_linked, recommendation->title);
  else
    text = g_strdup_printf (_("Already linked to “%s”"), recommendation->title);
  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 3);
  waymark_window_add_toast (self, toast);
}

/* Actions ------------------------------------------------------------------ */

static void
show_recommendations_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  if (g_str_equal (action_name, "win.toggle-recommendations"))
    {
      waymark_window_show_recommendations (self, !waymark_window_get_recommendations_shown (self));
      return;
    }
  if (param != NULL)
    waymark_recommendations_view_set_selected_id (self->recommendations,
                                                  g_variant_get_string (param, NULL));
  waymark_window_show_recommendations (self, TRUE);
}

/* A card named in a recommendation's list opens in its persona's map. */
static void
reveal_card_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);
  const char *card_id = g_variant_get_string (param, NULL);
  WaymarkPersona *persona = waymark_document_lookup_persona (self->document, card_id);

  if (persona == NULL || waymark_document_find_card (self->document, card_id) == NULL)
    return;
  waymark_window_set_persona_id (self, persona->base.id);
  waymark_window_show_overview (self, FALSE);
  waymark_canvas_reveal_card (self->canvas, card_id);
}

static void
clear_spotlight_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  WaymarkWindow *self = WAYMARK_WINDOW (widget);

  waymark_recommendations_view_set_selected_id (self->recommendations, NULL);
  gtk_widget_grab_focus (_waymark_window_get_content_pane (self));
}

void
_waymark_window_class_recommendations_init (WaymarkWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "win.show-recommendations", NULL,
                                   show_recommendations_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-recommendations", NULL,
                                   show_recommendations_action);
  gtk_widget_class_install_action (widget_class, "win.show-recommendation", "s",
                                   show_recommendations_action);
  gtk_widget_class_install_action (widget_class, "win.reveal-card", "s", reveal_card_action);
  gtk_widget_class_install_action (widget_class, "win.clear-spotlight", NULL,
                                   clear_spotlight_action);
  gtk_widget_class_bind_template_callback (widget_class, cards_linked_cb);
}

void
_waymark_window_recommendations_init (WaymarkWindow *self)
{
  g_object_bind_property (self, "document", self->recommendations, "document",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->canvas, "palette", self->recommendations, "palette",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self, "notify::document", G_CALLBACK (document_set_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->recommendations, "notify::selected-id",
                           G_CALLBACK (selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "notify::dragging-cards",
                           G_CALLBACK (dragging_cards_cb), self, G_CONNECT_SWAPPED);
  document_set_cb (self);
}
