/* waymark-card-drag.c: cards dragged out of a map, for drop targets elsewhere in the window
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "waymark-card-drag.h"

struct _WaymarkDraggedCards
{
  GStrv card_ids;
};

G_DEFINE_BOXED_TYPE (WaymarkDraggedCards, waymark_dragged_cards, waymark_dragged_cards_copy,
                     waymark_dragged_cards_free)

WaymarkDraggedCards *
waymark_dragged_cards_new (const char * const *card_ids)
{
  WaymarkDraggedCards *self = g_new0 (WaymarkDraggedCards, 1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (card_ids != NULL)
    g_strv_builder_addv (builder, (const char **) card_ids);
  self->card_ids = g_strv_builder_end (builder);
  return self;
}

WaymarkDraggedCards *
waymark_dragged_cards_copy (const WaymarkDraggedCards *self)
{
  return waymark_dragged_cards_new ((const char * const *) self->card_ids);
}

void
waymark_dragged_cards_free (WaymarkDraggedCards *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->card_ids);
  g_free (self);
}

const char * const *
waymark_dragged_cards_get_ids (const WaymarkDraggedCards *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->card_ids;
}

GdkContentProvider *
waymark_dragged_cards_new_content (WaymarkDocument    *document,
                                   const char * const *card_ids)
{
  g_autoptr(WaymarkDraggedCards) cards = waymark_dragged_cards_new (card_ids);
  g_autoptr(GString) text = g_string_new (NULL);
  GdkContentProvider *providers[2];

  for (guint i = 0; card_ids != NULL && card_ids[i] != NULL; i++)
    {
      WaymarkCard *card = waymark_document_find_card (document, card_ids[i]);

      if (card != NULL)
        g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", card->text);
    }
  providers[0] = gdk_content_provider_new_typed (WAYMARK_TYPE_DRAGGED_CARDS, cards);
  providers[1] = gdk_content_provider_new_typed (G_TYPE_STRING, text->str);
  return gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
}

gboolean
waymark_dragged_cards_accepted_at (GtkWidget *widget,
                                   GtkWidget *stop)
{
  for (; widget != NULL && widget != stop; widget = gtk_widget_get_parent (widget))
    {
      g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

          if (GTK_IS_DROP_TARGET (controller) &&
              gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (GTK_DROP_TARGET (controller)),
                                                 WAYMARK_TYPE_DRAGGED_CARDS))
            return TRUE;
        }
    }
  return FALSE;
}
