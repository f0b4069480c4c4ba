/* waymark-commands.c: the edits the canvas, sidebar and inspector make
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "waymark-catalog.h"
#include "waymark-commands.h"

const char *
waymark_command_add_card (WaymarkDocument *document,
                          const char      *persona_id,
                          const char      *lane_id,
                          const char      *phase_id,
                          int              position,
                          const char      *text)
{
  WaymarkPersona *persona = waymark_document_find_persona (document, persona_id);
  int index;

  if (persona == NULL)
    return NULL;
  index = waymark_persona_cell_insert_index (persona, lane_id, phase_id, position);
  return waymark_document_insert_card (document, persona_id,
                                       waymark_card_new (NULL, lane_id, phase_id, text), index);
}

guint
waymark_command_delete_cards (WaymarkDocument    *document,
                              const char * const *card_ids)
{
  guint n = 0;

  if (card_ids == NULL)
    return 0;
  waymark_document_begin_group (document, g_strv_length ((char **) card_ids) > 1
                                          ? _("Delete Cards") : _("Delete Card"));
  for (guint i = 0; card_ids[i] != NULL; i++)
    if (waymark_document_remove (document, card_ids[i]))
      n++;
  waymark_document_end_group (document);
  return n;
}

guint
waymark_command_count_phases_named (WaymarkDocument *document,
                                    const char      *name,
                                    const char      *except_persona_id)
{
  guint n = 0;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (document), 0);

  for (guint p = 0; name != NULL && p < waymark_document_get_n_personas (document); p++)
    {
      WaymarkPersona *persona = waymark_document_get_persona (document, p);

      if (g_strcmp0 (persona->base.id, except_persona_id) == 0)
        continue;
      for (guint i = 0; i < persona->phases->len; i++)
        if (g_strcmp0 (((WaymarkPhase *) g_ptr_array_index (persona->phases, i))->name, name) == 0)
          n++;
    }
  return n;
}

guint
waymark_command_rename_phases (WaymarkDocument *document,
                               const char      *old_name,
                               const char      *new_name)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  guint n = 0;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (document), 0);

  if (old_name == NULL || new_name == NULL || new_name[0] == '\0')
    return 0;
  /* The ids first: a rename must not change what is being walked. */
  for (guint p = 0; p < waymark_document_get_n_personas (document); p++)
    {
      WaymarkPersona *persona = waymark_document_get_persona (document, p);

      for (guint i = 0; i < persona->phases->len; i++)
        {
          WaymarkPhase *phase = g_ptr_array_index (persona->phases, i);

          if (g_strcmp0 (phase->name, old_name) == 0)
            g_ptr_array_add (ids, g_strdup (phase->base.id));
        }
    }
  if (ids->len == 0)
    return 0;
  waymark_document_begin_group (document, _("Rename Phase in Every Persona"));
  for (guint i = 0; i < ids->len; i++)
    if (waymark_document_set_text (document, g_ptr_array_index (ids, i), WAYMARK_FIELD_NAME,
                                   new_name))
      n++;
  waymark_document_end_group (document);
  return n;
}

static const char *
insert_copy_at (WaymarkDocument *document,
                WaymarkCard     *source,
                const char      *lane_id,
                const char      *phase_id,
                int              position)
{
  WaymarkPersona *persona = source->persona;
  WaymarkCard *copy = waymark_card_copy (source);
  int index;

  g_free (copy->base.id);
  copy->base.id = g_strdup ("");
  g_free (copy->lane_id);
  copy->lane_id = g_strdup (lane_id);
  g_free (copy->phase_id);
  copy->phase_id = g_strdup (phase_id);
  index = waymark_persona_cell_insert_index (persona, lane_id, phase_id, position);
  return waymark_document_insert_card (document, persona->base.id, copy, index);
}

GPtrArray *
waymark_command_duplicate_cards (WaymarkDocument    *document,
                                 const char * const *card_ids)
{
  GPtrArray *ids = g_ptr_array_new ();

  if (card_ids == NULL)
    return ids;
  waymark_document_begin_group (document, g_strv_length ((char **) card_ids) > 1
                                          ? _("Duplicate Cards") : _("Duplicate Card"));
  for (guint i = 0; card_ids[i] != NULL; i++)
    {
      WaymarkCard *card = waymark_document_find_card (document, card_ids[i]);
      const char *id;
      int position;

      if (card == NULL)
        continue;
      position = waymark_persona_card_position (card->persona, card->base.id);
      id = insert_copy_at (document, card, card->lane_id, card->phase_id, position + 1);
      if (id != NULL)
        g_ptr_array_add (ids, (gpointer) id);
    }
  waymark_document_end_group (document);
  return ids;
}

const char *
waymark_command_copy_card_to (WaymarkDocument *document,
                              const char      *card_id,
                              const char      *lane_id,
                              const char      *phase_id,
                              int              position)
{
  WaymarkCard *card = waymark_document_find_card (document, card_id);
  const char *id;

  if (card == NULL)
    return NULL;
  waymark_document_begin_group (document, _("Copy Card"));
  id = insert_copy_at (document, card, lane_id, phase_id, position);
  waymark_document_end_group (document);
  return id;
}

gboolean
waymark_command_move_cards (WaymarkDocument    *document,
                            const char * const *card_ids,
                            const char         *lane_id,
                            const char         *phase_id,
                            int                 position)
{
  gboolean moved = FALSE;
  guint n;

  if (card_ids == NULL || card_ids[0] == NULL)
    return FALSE;
  n = g_strv_length ((char **) card_ids);
  waymark_document_begin_group (document, n > 1 ? _("Move Cards") : _("Move Card"));
  for (guint i = 0; card_ids[i] != NULL; i++)
    {
      WaymarkCard *card = waymark_document_find_card (document, card_ids[i]);
      g_autofree char *old_lane = NULL;
      g_autofree char *old_phase = NULL;
      int old_position, new_position;

      if (card == NULL)
        continue;
      old_lane = g_strdup (card->lane_id);
      old_phase = g_strdup (card->phase_id);
      old_position = waymark_persona_card_position (card->persona, card_ids[i]);
      /* waymark_document_move_card() cannot tell inside a group whether it
       * changed anything (it counts undo steps), so look at the card. */
      waymark_document_move_card (document, card_ids[i], lane_id, phase_id, position);
      card = waymark_document_find_card (document, card_ids[i]);
      new_position = waymark_persona_card_position (card->persona, card_ids[i]);
      if (!g_str_equal (old_lane, card->lane_id) || !g_str_equal (old_phase, card->phase_id) ||
          old_position != new_position)
        moved = TRUE;
      if (position >= 0 && g_str_equal (card->lane_id, lane_id) &&
          g_str_equal (card->phase_id, phase_id))
        position = new_position + 1;
    }
  waymark_document_end_group (document);
  return moved;
}

gboolean
waymark_command_set_cards_color (WaymarkDocument    *document,
                                 const char * const *card_ids,
                                 const char         *color)
{
  gboolean changed = FALSE;

  if (card_ids == NULL)
    return FALSE;
  waymark_document_begin_group (document, _("Change Card Colour"));
  for (guint i = 0; card_ids[i] != NULL; i++)
    changed |= waymark_document_set_text (document, card_ids[i], WAYMARK_FIELD_COLOR,
                                          color != NULL ? color : "");
  waymark_document_end_group (document);
  return changed;
}

gboolean
waymark_command_toggle_tag (WaymarkDocument    *document,
                            const char * const *card_ids,
                            const char         *tag_id,
                            gboolean            active)
{
  gboolean changed = FALSE;

  if (card_ids == NULL || waymark_document_find_tag (document, tag_id) == NULL)
    return FALSE;
  waymark_document_begin_group (document, active ? _("Add Tag to Card") : _("Remove Tag from Card"));
  for (guint i = 0; card_ids[i] != NULL; i++)
    {
      WaymarkCard *card = waymark_document_find_card (document, card_ids[i]);
      g_autoptr(GStrvBuilder) builder = NULL;
      g_auto(GStrv) tags = NULL;

      if (card == NULL || waymark_card_has_tag (card, tag_id) == active)
        continue;
      builder = g_strv_builder_new ();
      for (guint k = 0; card->tags[k] != NULL; k++)
        if (active || g_strcmp0 (card->tags[k], tag_id) != 0)
          g_strv_builder_add (builder, card->tags[k]);
      if (active)
        g_strv_builder_add (builder, tag_id);
      tags = g_strv_builder_end (builder);
      changed |= waymark_document_set_card_tags (document, card_ids[i],
                                                 (const char * const *) tags);
    }
  waymark_document_end_group (document);
  return changed;
}

const char *
waymark_command_add_phase (WaymarkDocument *document,
                           const char      *persona_id,
                           const char      *relative_to,
                           gboolean         after)
{
  WaymarkPersona *persona = waymark_document_find_persona (document, persona_id);
  g_autofree char *name = NULL;
  int index = -1;

  if (persona == NULL)
    return NULL;
  if (relative_to != NULL)
    {
      index = waymark_persona_phase_index (persona, relative_to);
      if (index < 0)
        return NULL;
      if (after)
        index++;
    }
  /* Not "Phase N": inserted between others, a number would repeat one
   * already there. The rename editor opens on it right away. New names are
   * content: in the document's language, like the rest of it. */
  name = g_strdup (waymark_catalog_gettext (waymark_document_get_language (document),
                                            N_("New phase")));
  return waymark_document_insert_phase (document, persona_id, waymark_phase_new (NULL, name),
                                        index);
}

gboolean
waymark_command_shift_phase (WaymarkDocument *document,
                             const char      *phase_id,
                             int              delta)
{
  WaymarkPersona *persona = waymark_document_lookup_persona (document, phase_id);
  int index;

  if (persona == NULL)
    return FALSE;
  index = waymark_persona_phase_index (persona, phase_id) + delta;
  if (index < 0 || index >= (int) persona->phases->len)
    return FALSE;
  return waymark_document_move (document, phase_id, index);
}

const char *
waymark_command_add_lane (WaymarkDocument *document,
                          const char      *persona_id,
                          WaymarkLaneKind  kind,
                          const char      *relative_to,
                          gboolean         after)
{
  WaymarkPersona *persona = waymark_document_find_persona (document, persona_id);
  const char *name;
  int index = -1;

  if (persona == NULL)
    return NULL;
  if (relative_to != NULL)
    {
      index = waymark_persona_lane_index (persona, relative_to);
      if (index < 0)
        return NULL;
      if (after)
        index++;
    }
  name = waymark_lane_kind_get_label_in (kind, waymark_document_get_language (document));
  return waymark_document_insert_lane (document, persona_id, waymark_lane_new (NULL, name, kind),
                                       index);
}

gboolean
waymark_command_shift_lane (WaymarkDocument *document,
                            const char      *lane_id,
                            int              delta)
{
  WaymarkPersona *persona = waymark_document_lookup_persona (document, lane_id);
  int index;

  if (persona == NULL)
    return FALSE;
  index = waymark_persona_lane_index (persona, lane_id) + delta;
  if (index < 0 || index >= (int) persona->lanes->len)
    return FALSE;
  return waymark_document_move (document, lane_id, index);
}

/* Distinct, calm colours for new personas, tags and domains. */
static const char * const palette[] = {
  "#3465a4", "#c17d11", "#4e9a06", "#75507b", "#cc0000", "#06989a", "#8f5902", "#5c3566",
};

const char *
waymark_command_pick_color (guint n)
{
  return palette[n % G_N_ELEMENTS (palette)];
}

const char *
waymark_command_add_persona (WaymarkDocument *document,
                             const char      *template_id)
{
  WaymarkPersona *template = template_id != NULL
                             ? waymark_document_find_persona (document, template_id) : NULL;
  guint n = waymark_document_get_n_personas (document);
  const char *language = waymark_document_get_language (document);
  g_autofree char *name = NULL;
  WaymarkPersona *persona;

  /* Translators: the name of a new persona; %u is its number. */
  name = g_strdup_printf (waymark_catalog_gettext (language, N_("Persona %u")), n + 1);
  persona = waymark_persona_new (NULL, name);
  g_free (persona->color);
  persona->color = g_strdup (palette[n % G_N_ELEMENTS (palette)]);

  if (template != NULL)
    {
      /* The structure only: the same phases and lanes, fresh ids (the
       * document gives them), no cards or emotion points. */
      for (guint i = 0; i < template->phases->len; i++)
        g_ptr_array_add (persona->phases, waymark_phase_copy (g_ptr_array_index (template->phases, i)));
      for (guint i = 0; i < template->lanes->len; i++)
        g_ptr_array_add (persona->lanes, waymark_lane_copy (g_ptr_array_index (template->lanes, i)));
    }
  return waymark_document_insert_persona (document, persona, -1);
}

const char *
waymark_command_duplicate_persona (WaymarkDocument *document,
                                   const char      *persona_id)
{
  WaymarkPersona *persona = waymark_document_find_persona (document, persona_id);
  WaymarkPersona *copy;
  g_autofree char *name = NULL;
  const char *id;

  if (persona == NULL)
    return NULL;
  copy = waymark_persona_copy (persona);
  /* Translators: the name of a duplicated persona. */
  name = g_strdup_printf (waymark_catalog_gettext (waymark_document_get_language (document),
                                                   N_("%s (Copy)")),
                          persona->name);
  g_free (copy->name);
  copy->name = g_strdup (name);
  waymark_document_begin_group (document, _("Duplicate Persona"));
  id = waymark_document_insert_persona (document, copy,
                                        waymark_document_persona_index (document, persona_id) + 1);
  waymark_document_end_group (document);
  return id;
}

gboolean
waymark_command_shift_persona (WaymarkDocument *document,
                               const char      *persona_id,
                               int              delta)
{
  int index = waymark_document_persona_index (document, persona_id);

  if (index < 0)
    return FALSE;
  index += delta;
  if (index < 0 || index >= (int) waymark_document_get_n_personas (document))
    return FALSE;
  return waymark_document_move (document, persona_id, index);
}

const char *
waymark_command_add_tag (WaymarkDocument *document,
                         const char      *name)
{
  char color[8];

  waymark_tag_color_for_index (waymark_document_get_tags (document)->len, color);
  return waymark_document_insert_tag (document, waymark_tag_new (NULL, name, color), -1);
}

gboolean
waymark_command_span_to_phase (WaymarkDocument *document,
                               const char      *card_id,
                               const char      *last_phase_id)
{
  WaymarkCard *card = waymark_document_find_card (document, card_id);
  int first, last;

  if (card == NULL)
    return FALSE;
  first = waymark_persona_phase_index (card->persona, card->phase_id);
  last = waymark_persona_phase_index (card->persona, last_phase_id);
  if (first < 0 || last < 0)
    return FALSE;
  return waymark_document_set_int (document, card_id, WAYMARK_FIELD_SPAN, MAX (last - first + 1, 1));
}
