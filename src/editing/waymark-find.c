/* waymark-find.c: the cards and recommendations whose text matches a search
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "waymark-find.h"

static char *
fold (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  return g_utf8_casefold (normalized != NULL ? normalized : "", -1);
}

static void
clear_match (gpointer data)
{
  WaymarkFindMatch *match = data;

  g_free (match->persona_id);
  g_free (match->card_id);
  g_free (match->recommendation_id);
}

/* Whether @text, folded, contains @needle (folded). */
static gboolean
contains (const char *text,
          const char *needle)
{
  g_autofree char *folded = fold (text);

  return strstr (folded, needle) != NULL;
}

static GArray *
new_matches (void)
{
  GArray *matches = g_array_new (FALSE, TRUE, sizeof (WaymarkFindMatch));

  g_array_set_clear_func (matches, clear_match);
  return matches;
}

/* Whether one of @card's tags is in @tag_ids. */
static gboolean
has_tag_in (const WaymarkCard *card,
            GHashTable        *tag_ids)
{
  for (guint i = 0; card->tags[i] != NULL; i++)
    if (g_hash_table_contains (tag_ids, card->tags[i]))
      return TRUE;
  return FALSE;
}

static void
add_card_matches (GArray          *matches,
                  WaymarkDocument *document,
                  const char      *needle)
{
  GPtrArray *tags = waymark_document_get_tags (document);
  g_autoptr(GHashTable) tag_ids = g_hash_table_new (g_str_hash, g_str_equal);

  /* A tag's name finds the cards that carry it: "Cost" finds what was
   * tagged Cost, as the chips on the cards say. */
  for (guint i = 0; i < tags->len; i++)
    {
      WaymarkTag *tag = g_ptr_array_index (tags, i);

      if (contains (tag->name, needle))
        g_hash_table_add (tag_ids, tag->base.id);
    }

  for (guint p = 0; p < waymark_document_get_n_personas (document); p++)
    {
      WaymarkPersona *persona = waymark_document_get_persona (document, p);

      /* Reading order: lane by lane, phase by phase, then within the cell. */
      for (guint l = 0; l < persona->lanes->len; l++)
        {
          WaymarkLane *lane = g_ptr_array_index (persona->lanes, l);

          for (guint f = 0; f < persona->phases->len; f++)
            {
              WaymarkPhase *phase = g_ptr_array_index (persona->phases, f);
              g_autoptr(GPtrArray) cards = waymark_persona_cell_cards (persona, lane->base.id,
                                                                       phase->base.id);

              for (guint c = 0; c < cards->len; c++)
                {
                  WaymarkCard *card = g_ptr_array_index (cards, c);

                  if (contains (card->text, needle) || contains (card->evidence, needle) ||
                      has_tag_in (card, tag_ids))
                    {
                      WaymarkFindMatch match = { g_strdup (persona->base.id),
                                                 g_strdup (card->base.id), NULL };
                      g_array_append_val (matches, match);
                    }
                }
            }
        }
    }
}

GArray *
waymark_find_matches (WaymarkDocument *document,
                      const char      *query)
{
  GArray *matches = new_matches ();
  g_autofree char *needle = NULL;

  if (query == NULL || *query == '\0')
    return matches;
  needle = fold (query);
  add_card_matches (matches, document, needle);
  return matches;
}

GArray *
waymark_find_matches_with_recommendations (WaymarkDocument *document,
                                           const char      *query)
{
  GArray *matches = new_matches ();
  g_autofree char *needle = NULL;
  g_autoptr (GPtrArray) recommendations = NULL;

  if (query == NULL || *query == '\0')
    return matches;
  needle = fold (query);
  add_card_matches (matches, document, needle);

  recommendations = waymark_document_list_recommendations_in_order (document);
  for (guint i = 0; i < recommendations->len; i++)
    {
      WaymarkRecommendation *recommendation = g_ptr_array_index (recommendations, i);

      if (contains (recommendation->title, needle) ||
          contains (recommendation->description, needle) ||
          contains (recommendation->owner, needle))
        {
          WaymarkFindMatch match = { NULL, NULL, g_strdup (recommendation->base.id) };
          g_array_append_val (matches, match);
        }
    }
  return matches;
}

int
waymark_find_matches_step (GArray     *matches,
                           const char *current_id,
                           gboolean    backwards)
{
  int n = (int) matches->len;

  if (n == 0)
    return -1;
  for (int i = 0; i < n; i++)
    {
      WaymarkFindMatch *match = &g_array_index (matches, WaymarkFindMatch, i);
      const char *id = match->card_id != NULL ? match->card_id : match->recommendation_id;

      if (g_strcmp0 (id, current_id) == 0)
        return backwards ? (i + n - 1) % n : (i + 1) % n;
    }
  return backwards ? n - 1 : 0;
}
