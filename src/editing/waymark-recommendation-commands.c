/* waymark-recommendation-commands.c: the edits the window makes to recommendations
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-catalog.h"
#include "waymark-commands.h"
#include "waymark-recommendation-commands.h"

const char *
waymark_command_add_recommendation (WaymarkDocument *document,
                                    const char      *domain_id,
                                    int              position,
                                    const char      *title)
{
  const char *language = waymark_document_get_language (document);
  WaymarkRecommendation *recommendation;

  /* A new name is content, in the document's language (as a new phase's). */
  if (title == NULL)
    title = waymark_catalog_gettext (language, N_("New recommendation"));
  recommendation = waymark_recommendation_new (NULL, title);
  g_free (recommendation->domain_id);
  recommendation->domain_id = g_strdup (domain_id != NULL ? domain_id : "");
  return waymark_document_insert_recommendation (document, recommendation, position);
}

const char *
waymark_command_add_domain (WaymarkDocument *document,
                            const char      *name)
{
  GPtrArray *domains = waymark_document_get_domains (document);

  if (name == NULL)
    name = waymark_catalog_gettext (waymark_document_get_language (document), N_("New domain"));
  return waymark_document_insert_domain (document,
                                         waymark_domain_new (NULL, name,
                                                             waymark_command_pick_color (domains->len)),
                                         -1);
}

guint
waymark_command_link_cards (WaymarkDocument    *document,
                            const char         *recommendation_id,
                            const char * const *card_ids,
                            gboolean            link)
{
  WaymarkRecommendation *recommendation;
  g_autoptr(GPtrArray) changing = g_ptr_array_new ();
  const char *label;

  recommendation = waymark_document_find_recommendation (document, recommendation_id);
  if (recommendation == NULL || card_ids == NULL)
    return 0;
  for (guint i = 0; card_ids[i] != NULL; i++)
    if (waymark_document_find_card (document, card_ids[i]) != NULL &&
        waymark_recommendation_addresses (recommendation, card_ids[i]) != link &&
        !g_ptr_array_find_with_equal_func (changing, card_ids[i], g_str_equal, NULL))
      g_ptr_array_add (changing, (gpointer) card_ids[i]);
  if (changing->len == 0)
    return 0;

  if (link)
    label = changing->len == 1 ? _("Link Card") : _("Link Cards");
  else
    label = changing->len == 1 ? _("Unlink Card") : _("Unlink Cards");
  /* One change of the whole list: a single step however many cards. */
  {
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
    g_auto(GStrv) cards = NULL;

    for (guint i = 0; recommendation->cards[i] != NULL; i++)
      if (link || !g_ptr_array_find_with_equal_func (changing, recommendation->cards[i],
                                                     g_str_equal, NULL))
        g_strv_builder_add (builder, recommendation->cards[i]);
    if (link)
      for (guint i = 0; i < changing->len; i++)
        g_strv_builder_add (builder, g_ptr_array_index (changing, i));
    cards = g_strv_builder_end (builder);
    waymark_document_begin_group (document, label);
    if (!waymark_document_set_addressed_cards (document, recommendation_id,
                                               (const char * const *) cards))
      changing->len = 0;
    waymark_document_end_group (document);
  }
  return changing->len;
}

GStrv
waymark_command_list_domain_groups (WaymarkDocument *document)
{
  GPtrArray *domains = waymark_document_get_domains (document);
  GPtrArray *recommendations = waymark_document_get_recommendations (document);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < domains->len; i++)
    g_strv_builder_add (builder, ((WaymarkDomain *) g_ptr_array_index (domains, i))->base.id);
  for (guint i = 0; i < recommendations->len; i++)
    if (((WaymarkRecommendation *) g_ptr_array_index (recommendations, i))->domain_id[0] == '\0')
      {
        g_strv_builder_add (builder, "");
        break;
      }
  return g_strv_builder_end (builder);
}

gboolean
waymark_command_shift_recommendation (WaymarkDocument *document,
                                      const char      *recommendation_id,
                                      int              delta)
{
  WaymarkRecommendation *recommendation;
  g_autoptr(GPtrArray) siblings = NULL;
  g_auto(GStrv) groups = NULL;
  guint index = 0, group = 0;

  recommendation = waymark_document_find_recommendation (document, recommendation_id);
  if (recommendation == NULL || delta == 0)
    return FALSE;
  delta = delta < 0 ? -1 : 1;
  siblings = waymark_document_list_domain_recommendations (document, recommendation->domain_id);
  g_ptr_array_find (siblings, recommendation, &index);
  if ((delta < 0 && index > 0) || (delta > 0 && index + 1 < siblings->len))
    return waymark_document_move_recommendation (document, recommendation_id,
                                                 recommendation->domain_id, (int) index + delta);

  /* Across the edge of its domain, into the next one the list shows. */
  groups = waymark_command_list_domain_groups (document);
  while (groups[group] != NULL && !g_str_equal (groups[group], recommendation->domain_id))
    group++;
  if (groups[group] == NULL || (delta < 0 && group == 0) ||
      (delta > 0 && groups[group + 1] == NULL))
    return FALSE;
  return waymark_document_move_recommendation (document, recommendation_id,
                                               groups[group + delta], delta < 0 ? -1 : 0);
}

gboolean
waymark_command_shift_domain (WaymarkDocument *document,
                              const char      *domain_id,
                              int              delta)
{
  GPtrArray *domains = waymark_document_get_domains (document);
  WaymarkDomain *domain = waymark_document_find_domain (document, domain_id);
  guint index;
  int target;

  if (domain == NULL || !g_ptr_array_find (domains, domain, &index))
    return FALSE;
  target = (int) index + delta;
  if (delta == 0 || target < 0 || target >= (int) domains->len)
    return FALSE;
  return waymark_document_move (document, domain_id, target);
}

static int
clamp_score (int score)
{
  return score == WAYMARK_SCORE_UNSET ? WAYMARK_SCORE_UNSET
                                      : CLAMP (score, WAYMARK_SCORE_MIN, WAYMARK_SCORE_MAX);
}

gboolean
waymark_command_set_scores (WaymarkDocument *document,
                            const char      *recommendation_id,
                            int              value,
                            int              effort)
{
  gboolean changed = FALSE;

  if (waymark_document_find_recommendation (document, recommendation_id) == NULL)
    return FALSE;
  waymark_document_begin_group (document, _("Change Scores"));
  changed |= waymark_document_set_int (document, recommendation_id, WAYMARK_FIELD_VALUE,
                                       clamp_score (value));
  changed |= waymark_document_set_int (document, recommendation_id, WAYMARK_FIELD_EFFORT,
                                       clamp_score (effort));
  waymark_document_end_group (document);
  return changed;
}
