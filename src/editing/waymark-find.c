/* waymark-find.c: the cards whose text matches a search
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
}

GArray *
waymark_find_matches (WaymarkDocument *document,
                      const char      *query)
{
  GArray *matches = g_array_new (FALSE, TRUE, sizeof (WaymarkFindMatch));
  g_autofree char *needle = NULL;

  g_array_set_clear_func (matches, clear_match);
  if (query == NULL || *query == '\0')
    return matches;
  needle = fold (query);

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
                  g_autofree char *text = fold (card->text);
                  g_autofree char *evidence = fold (card->evidence);

                  if (strstr (text, needle) != NULL || strstr (evidence, needle) != NULL)
                    {
                      WaymarkFindMatch match = { g_strdup (persona->base.id),
                                                 g_strdup (card->base.id) };
                      g_array_append_val (matches, match);
                    }
                }
            }
        }
    }
  return matches;
}

int
waymark_find_matches_step (GArray     *matches,
                           const char *current_card_id,
                           gboolean    backwards)
{
  int n = (int) matches->len;

  if (n == 0)
    return -1;
  for (int i = 0; i < n; i++)
    {
      WaymarkFindMatch *match = &g_array_index (matches, WaymarkFindMatch, i);
      if (g_strcmp0 (match->card_id, current_card_id) == 0)
        return backwards ? (i + n - 1) % n : (i + 1) % n;
    }
  return backwards ? n - 1 : 0;
}
