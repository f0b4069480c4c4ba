/* waymark-document-recommendations.c: a document's recommendations and their links
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The part of WaymarkDocument that reads and edits recommendations beyond
 * plain fields (which waymark_document_set_text() and _set_int() change):
 * their order within a domain, the cards they address, and what follows
 * from those links (which recommendations address a card, targets,
 * reach). The links are stored once, on the recommendation; everything
 * the other way round is derived, and the index from cards to
 * recommendations is rebuilt after any change.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "waymark-document-private.h"
#include "waymark-limits.h"

gboolean
waymark_recommendation_in_domain (gconstpointer object,
                                  gconstpointer group)
{
  const WaymarkRecommendation *recommendation = object;

  return g_str_equal (recommendation->domain_id, group);
}

GPtrArray *
waymark_document_list_domain_recommendations (WaymarkDocument *self,
                                              const char      *domain_id)
{
  GPtrArray *list;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);

  list = g_ptr_array_new ();
  for (guint i = 0; i < self->recommendations->len; i++)
    {
      WaymarkRecommendation *recommendation = g_ptr_array_index (self->recommendations, i);

      if (waymark_recommendation_in_domain (recommendation, domain_id != NULL ? domain_id : ""))
        g_ptr_array_add (list, recommendation);
    }
  return list;
}

/* By the position of their domains, those in none last (@domain_order:
 * id → position + 1). */
static int
compare_by_domain (gconstpointer a,
                   gconstpointer b,
                   gpointer      domain_order)
{
  const WaymarkRecommendation *ra = *(WaymarkRecommendation * const *) a;
  const WaymarkRecommendation *rb = *(WaymarkRecommendation * const *) b;
  guint da = GPOINTER_TO_UINT (g_hash_table_lookup (domain_order, ra->domain_id));
  guint db = GPOINTER_TO_UINT (g_hash_table_lookup (domain_order, rb->domain_id));

  da = da == 0 ? G_MAXUINT : da;
  db = db == 0 ? G_MAXUINT : db;
  return da < db ? -1 : da > db;
}

GPtrArray *
waymark_document_list_recommendations_in_order (WaymarkDocument *self)
{
  g_autoptr (GHashTable) domain_order = NULL;
  GPtrArray *list;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);

  domain_order = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < self->domains->len; i++)
    g_hash_table_insert (domain_order,
                         ((WaymarkDomain *) g_ptr_array_index (self->domains, i))->base.id,
                         GUINT_TO_POINTER (i + 1));
  list = g_ptr_array_sized_new (self->recommendations->len);
  for (guint i = 0; i < self->recommendations->len; i++)
    g_ptr_array_add (list, g_ptr_array_index (self->recommendations, i));
  /* A stable sort: each domain's keep their order. */
  g_ptr_array_sort_with_data (list, compare_by_domain, domain_order);
  return list;
}

/* card id → the recommendations that address it, in document order. */
static GHashTable *
get_card_links (WaymarkDocument *self)
{
  if (self->card_links != NULL)
    return self->card_links;

  self->card_links = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < self->recommendations->len; i++)
    {
      WaymarkRecommendation *recommendation = g_ptr_array_index (self->recommendations, i);

      for (guint c = 0; recommendation->cards[c] != NULL; c++)
        {
          GPtrArray *addressing = g_hash_table_lookup (self->card_links, recommendation->cards[c]);

          if (addressing == NULL)
            {
              addressing = g_ptr_array_new ();
              g_hash_table_insert (self->card_links, recommendation->cards[c], addressing);
            }
          g_ptr_array_add (addressing, recommendation);
        }
    }
  return self->card_links;
}

GPtrArray *
waymark_document_get_recommendations_for_card (WaymarkDocument *self,
                                               const char      *card_id)
{
  GPtrArray *addressing;
  GPtrArray *copy;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);

  addressing = card_id != NULL ? g_hash_table_lookup (get_card_links (self), card_id) : NULL;
  copy = g_ptr_array_new ();
  for (guint i = 0; addressing != NULL && i < addressing->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (addressing, i));
  return copy;
}

guint
waymark_document_count_recommendations_for_card (WaymarkDocument *self,
                                                 const char      *card_id)
{
  GPtrArray *addressing;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), 0);

  addressing = card_id != NULL ? g_hash_table_lookup (get_card_links (self), card_id) : NULL;
  return addressing != NULL ? addressing->len : 0;
}

static int
compare_targets (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  WaymarkDocument *self = user_data;
  const WaymarkTarget *ta = a, *tb = b;
  int pa, pb;

  if (ta->persona != tb->persona)
    {
      pa = waymark_document_persona_index (self, ta->persona->base.id);
      pb = waymark_document_persona_index (self, tb->persona->base.id);
      return pa < pb ? -1 : 1;
    }
  pa = waymark_persona_phase_index (ta->persona, ta->phase->base.id);
  pb = waymark_persona_phase_index (tb->persona, tb->phase->base.id);
  return pa < pb ? -1 : pa > pb;
}

GArray *
waymark_document_get_targets (WaymarkDocument *self,
                              const char      *recommendation_id)
{
  WaymarkRecommendation *recommendation;
  g_autoptr (GHashTable) cells = NULL;  /* phase → index in targets + 1 */
  GArray *targets;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);

  recommendation = waymark_document_find_recommendation (self, recommendation_id);
  if (recommendation == NULL)
    return NULL;

  /* A phase belongs to one persona, so the phase is the cell. */
  cells = g_hash_table_new (NULL, NULL);
  targets = g_array_new (FALSE, FALSE, sizeof (WaymarkTarget));
  for (guint c = 0; recommendation->cards[c] != NULL; c++)
    {
      WaymarkCard *card = waymark_document_find_card (self, recommendation->cards[c]);
      WaymarkPersona *persona;
      int first;

      if (card == NULL)
        continue;
      persona = card->persona;
      first = waymark_persona_phase_index (persona, card->phase_id);
      for (int f = first; f >= 0 && f < first + card->span && (guint) f < persona->phases->len; f++)
        {
          WaymarkPhase *phase = g_ptr_array_index (persona->phases, f);
          guint index = GPOINTER_TO_UINT (g_hash_table_lookup (cells, phase));

          if (index == 0)
            {
              WaymarkTarget target = { persona, phase, 0 };

              g_array_append_val (targets, target);
              index = targets->len;
              g_hash_table_insert (cells, phase, GUINT_TO_POINTER (index));
            }
          g_array_index (targets, WaymarkTarget, index - 1).n_cards++;
        }
    }
  g_array_sort_with_data (targets, compare_targets, self);
  return targets;
}

gboolean
waymark_document_get_reach (WaymarkDocument *self,
                            const char      *recommendation_id,
                            WaymarkReach    *reach)
{
  WaymarkRecommendation *recommendation;
  g_autoptr (GHashTable) personas = NULL;
  g_autoptr (GArray) targets = NULL;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (reach != NULL, FALSE);

  *reach = (WaymarkReach) { 0 };
  recommendation = waymark_document_find_recommendation (self, recommendation_id);
  if (recommendation == NULL)
    return FALSE;

  personas = g_hash_table_new (NULL, NULL);
  for (guint c = 0; recommendation->cards[c] != NULL; c++)
    {
      WaymarkCard *card = waymark_document_find_card (self, recommendation->cards[c]);
      WaymarkLane *lane;

      if (card == NULL)
        continue;
      reach->n_cards++;
      lane = waymark_persona_find_lane (card->persona, card->lane_id);
      if (lane != NULL && waymark_lane_kind_is_barrier (lane->kind))
        reach->n_barriers++;
      g_hash_table_add (personas, card->persona);
    }
  reach->n_personas = g_hash_table_size (personas);
  targets = waymark_document_get_targets (self, recommendation_id);
  reach->n_targets = targets->len;
  return TRUE;
}

guint
waymark_document_count_addressed_barriers (WaymarkDocument *self,
                                           guint           *n_barriers)
{
  GHashTable *links;
  guint addressed = 0;
  guint barriers = 0;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), 0);

  links = get_card_links (self);
  for (guint p = 0; p < self->personas->len; p++)
    {
      WaymarkPersona *persona = g_ptr_array_index (self->personas, p);

      for (guint i = 0; i < persona->cards->len; i++)
        {
          WaymarkCard *card = g_ptr_array_index (persona->cards, i);
          WaymarkLane *lane = waymark_persona_find_lane (persona, card->lane_id);

          if (lane == NULL || !waymark_lane_kind_is_barrier (lane->kind))
            continue;
          barriers++;
          addressed += g_hash_table_contains (links, card->base.id);
        }
    }
  if (n_barriers != NULL)
    *n_barriers = barriers;
  return addressed;
}

/* Edits */

gboolean
waymark_document_move_recommendation (WaymarkDocument *self,
                                      const char      *recommendation_id,
                                      const char      *domain_id,
                                      int              position)
{
  WaymarkRecommendation *recommendation;
  guint target;
  gboolean moved = FALSE;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), FALSE);

  recommendation = waymark_document_find_recommendation (self, recommendation_id);
  if (domain_id == NULL)
    domain_id = "";
  if (recommendation == NULL ||
      (domain_id[0] != '\0' && waymark_document_find_domain (self, domain_id) == NULL))
    return FALSE;

  target = waymark_list_group_index (self->recommendations, recommendation,
                                     waymark_recommendation_in_domain, domain_id, position);
  waymark_history_begin_group (self->history, _("Move Recommendation"));
  moved |= waymark_document_set_text (self, recommendation_id, WAYMARK_FIELD_DOMAIN, domain_id);
  moved |= waymark_document_record_move (self, _("Move Recommendation"), &recommendation->base,
                                         target);
  waymark_history_end_group (self->history);
  return moved;
}

/* Takes @cards, which the caller has checked. */
static gboolean
set_cards (WaymarkDocument       *self,
           const char            *label,
           WaymarkRecommendation *recommendation,
           GStrv                  cards)
{
  if (g_strv_length (cards) > WAYMARK_LIMIT_LINKS ||
      g_strv_equal ((const char * const *) recommendation->cards, (const char * const *) cards))
    {
      g_strfreev (cards);
      return FALSE;
    }
  waymark_document_record (self, label,
                           waymark_ids_change_new (recommendation->base.id,
                                                   g_strdupv (recommendation->cards), cards));
  return TRUE;
}

gboolean
waymark_document_set_addressed_cards (WaymarkDocument    *self,
                                      const char         *recommendation_id,
                                      const char * const *card_ids)
{
  WaymarkRecommendation *recommendation;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), FALSE);

  recommendation = waymark_document_find_recommendation (self, recommendation_id);
  if (recommendation == NULL)
    return FALSE;
  return set_cards (self, _("Change Linked Cards"), recommendation,
                    waymark_document_keep_known_ids (self, card_ids, WAYMARK_OBJECT_CARD));
}

gboolean
waymark_document_link_card (WaymarkDocument *self,
                            const char      *recommendation_id,
                            const char      *card_id)
{
  WaymarkRecommendation *recommendation;
  g_autoptr (GStrvBuilder) builder = NULL;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), FALSE);

  recommendation = waymark_document_find_recommendation (self, recommendation_id);
  if (recommendation == NULL || waymark_document_find_card (self, card_id) == NULL ||
      waymark_recommendation_addresses (recommendation, card_id))
    return FALSE;

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **) recommendation->cards);
  g_strv_builder_add (builder, card_id);
  return set_cards (self, _("Link Card"), recommendation, g_strv_builder_end (builder));
}

gboolean
waymark_document_unlink_card (WaymarkDocument *self,
                              const char      *recommendation_id,
                              const char      *card_id)
{
  WaymarkRecommendation *recommendation;
  g_autoptr (GHashTable) drop = NULL;
  GStrv remaining;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), FALSE);

  recommendation = waymark_document_find_recommendation (self, recommendation_id);
  if (recommendation == NULL || card_id == NULL)
    return FALSE;

  drop = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_add (drop, (gpointer) card_id);
  remaining = waymark_ids_without ((const char * const *) recommendation->cards, drop);
  if (remaining == NULL)
    return FALSE;
  return set_cards (self, _("Unlink Card"), recommendation, remaining);
}

void
waymark_document_unlink_cards (WaymarkDocument *self,
                               GHashTable      *card_ids)
{
  for (guint i = 0; i < self->recommendations->len; i++)
    {
      WaymarkRecommendation *recommendation = g_ptr_array_index (self->recommendations, i);
      GStrv remaining = waymark_ids_without ((const char * const *) recommendation->cards,
                                             card_ids);

      if (remaining != NULL)
        set_cards (self, _("Unlink Card"), recommendation, remaining);
    }
}

void
waymark_document_clear_domain (WaymarkDocument *self,
                               const char      *domain_id)
{
  for (guint i = 0; i < self->recommendations->len; i++)
    {
      WaymarkRecommendation *recommendation = g_ptr_array_index (self->recommendations, i);

      if (g_str_equal (recommendation->domain_id, domain_id))
        waymark_document_set_text (self, recommendation->base.id, WAYMARK_FIELD_DOMAIN, "");
    }
}
