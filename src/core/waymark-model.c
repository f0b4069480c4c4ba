/* waymark-model.c: the objects of a journey-map document
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "waymark-model.h"

static char *
dup_or_empty (const char *s)
{
  return g_strdup (s != NULL ? s : "");
}

WaymarkTag *
waymark_tag_new (const char *id,
                 const char *name,
                 const char *color)
{
  WaymarkTag *tag = g_new0 (WaymarkTag, 1);

  tag->base.kind = WAYMARK_OBJECT_TAG;
  tag->base.id = dup_or_empty (id);
  tag->name = dup_or_empty (name);
  tag->color = dup_or_empty (color);
  return tag;
}

WaymarkTag *
waymark_tag_copy (const WaymarkTag *tag)
{
  return waymark_tag_new (tag->base.id, tag->name, tag->color);
}

void
waymark_tag_free (WaymarkTag *tag)
{
  if (tag == NULL)
    return;
  g_free (tag->base.id);
  g_free (tag->name);
  g_free (tag->color);
  g_free (tag);
}

WaymarkPhase *
waymark_phase_new (const char *id,
                   const char *name)
{
  WaymarkPhase *phase = g_new0 (WaymarkPhase, 1);

  phase->base.kind = WAYMARK_OBJECT_PHASE;
  phase->base.id = dup_or_empty (id);
  phase->name = dup_or_empty (name);
  phase->description = g_strdup ("");
  return phase;
}

WaymarkPhase *
waymark_phase_copy (const WaymarkPhase *phase)
{
  WaymarkPhase *copy = waymark_phase_new (phase->base.id, phase->name);

  g_free (copy->description);
  copy->description = g_strdup (phase->description);
  return copy;
}

void
waymark_phase_free (WaymarkPhase *phase)
{
  if (phase == NULL)
    return;
  g_free (phase->base.id);
  g_free (phase->name);
  g_free (phase->description);
  g_free (phase);
}

WaymarkLane *
waymark_lane_new (const char      *id,
                  const char      *name,
                  WaymarkLaneKind  kind)
{
  WaymarkLane *lane = g_new0 (WaymarkLane, 1);

  lane->base.kind = WAYMARK_OBJECT_LANE;
  lane->base.id = dup_or_empty (id);
  lane->name = dup_or_empty (name);
  lane->kind = kind;
  lane->color = g_strdup ("");
  lane->scale_min = WAYMARK_DEFAULT_SCALE_MIN;
  lane->scale_max = WAYMARK_DEFAULT_SCALE_MAX;
  return lane;
}

WaymarkLane *
waymark_lane_copy (const WaymarkLane *lane)
{
  WaymarkLane *copy = waymark_lane_new (lane->base.id, lane->name, lane->kind);

  g_free (copy->color);
  copy->color = g_strdup (lane->color);
  copy->scale_min = lane->scale_min;
  copy->scale_max = lane->scale_max;
  return copy;
}

void
waymark_lane_free (WaymarkLane *lane)
{
  if (lane == NULL)
    return;
  g_free (lane->base.id);
  g_free (lane->name);
  g_free (lane->color);
  g_free (lane);
}

WaymarkCard *
waymark_card_new (const char *id,
                  const char *lane_id,
                  const char *phase_id,
                  const char *text)
{
  WaymarkCard *card = g_new0 (WaymarkCard, 1);

  card->base.kind = WAYMARK_OBJECT_CARD;
  card->base.id = dup_or_empty (id);
  card->lane_id = dup_or_empty (lane_id);
  card->phase_id = dup_or_empty (phase_id);
  card->span = 1;
  card->text = dup_or_empty (text);
  card->color = g_strdup ("");
  card->evidence = g_strdup ("");
  card->tags = g_new0 (char *, 1);
  return card;
}

WaymarkCard *
waymark_card_copy (const WaymarkCard *card)
{
  WaymarkCard *copy = waymark_card_new (card->base.id, card->lane_id, card->phase_id, card->text);

  copy->span = card->span;
  g_free (copy->color);
  copy->color = g_strdup (card->color);
  g_free (copy->evidence);
  copy->evidence = g_strdup (card->evidence);
  g_strfreev (copy->tags);
  copy->tags = g_strdupv (card->tags);
  return copy;
}

void
waymark_card_free (WaymarkCard *card)
{
  if (card == NULL)
    return;
  g_free (card->base.id);
  g_free (card->lane_id);
  g_free (card->phase_id);
  g_free (card->text);
  g_free (card->color);
  g_free (card->evidence);
  g_strfreev (card->tags);
  g_free (card);
}

gboolean
waymark_card_has_tag (const WaymarkCard *card,
                      const char        *tag_id)
{
  return g_strv_contains ((const char * const *) card->tags, tag_id);
}

WaymarkEmotionPoint *
waymark_emotion_point_new (const char *lane_id,
                           const char *phase_id,
                           int         score,
                           const char *label)
{
  WaymarkEmotionPoint *point = g_new0 (WaymarkEmotionPoint, 1);

  point->lane_id = dup_or_empty (lane_id);
  point->phase_id = dup_or_empty (phase_id);
  point->score = score;
  point->label = dup_or_empty (label);
  return point;
}

WaymarkEmotionPoint *
waymark_emotion_point_copy (const WaymarkEmotionPoint *point)
{
  return waymark_emotion_point_new (point->lane_id, point->phase_id, point->score, point->label);
}

void
waymark_emotion_point_free (WaymarkEmotionPoint *point)
{
  if (point == NULL)
    return;
  g_free (point->lane_id);
  g_free (point->phase_id);
  g_free (point->label);
  g_free (point);
}

WaymarkFact *
waymark_fact_new (const char *label,
                  const char *value)
{
  WaymarkFact *fact = g_new0 (WaymarkFact, 1);

  fact->label = dup_or_empty (label);
  fact->value = dup_or_empty (value);
  return fact;
}

WaymarkFact *
waymark_fact_copy (const WaymarkFact *fact)
{
  return waymark_fact_new (fact->label, fact->value);
}

void
waymark_fact_free (WaymarkFact *fact)
{
  if (fact == NULL)
    return;
  g_free (fact->label);
  g_free (fact->value);
  g_free (fact);
}

gboolean
waymark_persona_has_profile (const WaymarkPersona *persona)
{
  return persona->quote[0] != '\0' || persona->goals[0] != NULL || persona->needs[0] != NULL ||
         persona->frustrations[0] != NULL || persona->facts->len > 0;
}

WaymarkPersona *
waymark_persona_new (const char *id,
                     const char *name)
{
  WaymarkPersona *persona = g_new0 (WaymarkPersona, 1);

  persona->base.kind = WAYMARK_OBJECT_PERSONA;
  persona->base.id = dup_or_empty (id);
  persona->name = dup_or_empty (name);
  persona->ambition = g_strdup ("");
  persona->description = g_strdup ("");
  persona->color = g_strdup ("");
  persona->initials = g_strdup ("");
  persona->quote = g_strdup ("");
  persona->goals = g_new0 (char *, 1);
  persona->needs = g_new0 (char *, 1);
  persona->frustrations = g_new0 (char *, 1);
  persona->facts = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_fact_free);
  persona->phases = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_phase_free);
  persona->lanes = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_lane_free);
  persona->cards = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_card_free);
  persona->emotions = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_emotion_point_free);
  return persona;
}

WaymarkPersona *
waymark_persona_copy (const WaymarkPersona *persona)
{
  WaymarkPersona *copy = waymark_persona_new (persona->base.id, persona->name);

  g_free (copy->ambition);
  copy->ambition = g_strdup (persona->ambition);
  g_free (copy->description);
  copy->description = g_strdup (persona->description);
  g_free (copy->color);
  copy->color = g_strdup (persona->color);
  g_free (copy->initials);
  copy->initials = g_strdup (persona->initials);
  g_free (copy->quote);
  copy->quote = g_strdup (persona->quote);
  g_strfreev (copy->goals);
  copy->goals = g_strdupv (persona->goals);
  g_strfreev (copy->needs);
  copy->needs = g_strdupv (persona->needs);
  g_strfreev (copy->frustrations);
  copy->frustrations = g_strdupv (persona->frustrations);
  for (guint i = 0; i < persona->facts->len; i++)
    g_ptr_array_add (copy->facts, waymark_fact_copy (g_ptr_array_index (persona->facts, i)));

  for (guint i = 0; i < persona->phases->len; i++)
    {
      WaymarkPhase *phase = waymark_phase_copy (g_ptr_array_index (persona->phases, i));
      phase->persona = copy;
      g_ptr_array_add (copy->phases, phase);
    }
  for (guint i = 0; i < persona->lanes->len; i++)
    {
      WaymarkLane *lane = waymark_lane_copy (g_ptr_array_index (persona->lanes, i));
      lane->persona = copy;
      g_ptr_array_add (copy->lanes, lane);
    }
  for (guint i = 0; i < persona->cards->len; i++)
    {
      WaymarkCard *card = waymark_card_copy (g_ptr_array_index (persona->cards, i));
      card->persona = copy;
      g_ptr_array_add (copy->cards, card);
    }
  for (guint i = 0; i < persona->emotions->len; i++)
    g_ptr_array_add (copy->emotions,
                     waymark_emotion_point_copy (g_ptr_array_index (persona->emotions, i)));
  return copy;
}

void
waymark_persona_free (WaymarkPersona *persona)
{
  if (persona == NULL)
    return;
  g_free (persona->base.id);
  g_free (persona->name);
  g_free (persona->ambition);
  g_free (persona->description);
  g_free (persona->color);
  g_free (persona->initials);
  g_free (persona->quote);
  g_strfreev (persona->goals);
  g_strfreev (persona->needs);
  g_strfreev (persona->frustrations);
  g_ptr_array_unref (persona->facts);
  g_ptr_array_unref (persona->phases);
  g_ptr_array_unref (persona->lanes);
  g_ptr_array_unref (persona->cards);
  g_ptr_array_unref (persona->emotions);
  g_free (persona);
}

static int
find_index (GPtrArray  *objects,
            const char *id)
{
  if (id == NULL)
    return -1;
  for (guint i = 0; i < objects->len; i++)
    {
      const WaymarkObject *object = g_ptr_array_index (objects, i);
      if (strcmp (object->id, id) == 0)
        return (int) i;
    }
  return -1;
}

int
waymark_persona_phase_index (const WaymarkPersona *persona,
                             const char           *id)
{
  return find_index (persona->phases, id);
}

int
waymark_persona_lane_index (const WaymarkPersona *persona,
                            const char           *id)
{
  return find_index (persona->lanes, id);
}

WaymarkPhase *
waymark_persona_find_phase (const WaymarkPersona *persona,
                            const char           *id)
{
  int i = find_index (persona->phases, id);
  return i < 0 ? NULL : g_ptr_array_index (persona->phases, i);
}

WaymarkLane *
waymark_persona_find_lane (const WaymarkPersona *persona,
                           const char           *id)
{
  int i = find_index (persona->lanes, id);
  return i < 0 ? NULL : g_ptr_array_index (persona->lanes, i);
}

WaymarkEmotionPoint *
waymark_persona_find_emotion (const WaymarkPersona *persona,
                              const char           *lane_id,
                              const char           *phase_id)
{
  for (guint i = 0; i < persona->emotions->len; i++)
    {
      WaymarkEmotionPoint *point = g_ptr_array_index (persona->emotions, i);
      if (g_strcmp0 (point->lane_id, lane_id) == 0 && g_strcmp0 (point->phase_id, phase_id) == 0)
        return point;
    }
  return NULL;
}

GPtrArray *
waymark_persona_cell_cards (const WaymarkPersona *persona,
                            const char           *lane_id,
                            const char           *phase_id)
{
  GPtrArray *cards = g_ptr_array_new ();

  for (guint i = 0; i < persona->cards->len; i++)
    {
      WaymarkCard *card = g_ptr_array_index (persona->cards, i);
      if (g_strcmp0 (card->lane_id, lane_id) == 0 && g_strcmp0 (card->phase_id, phase_id) == 0)
        g_ptr_array_add (cards, card);
    }
  return cards;
}

WaymarkCard *
waymark_persona_find_card (const WaymarkPersona *persona,
                           const char           *id)
{
  int i = find_index (persona->cards, id);
  return i < 0 ? NULL : g_ptr_array_index (persona->cards, i);
}

int
waymark_persona_card_position (const WaymarkPersona *persona,
                               const char           *card_id)
{
  WaymarkCard *card = waymark_persona_find_card (persona, card_id);
  g_autoptr(GPtrArray) cards = NULL;
  guint position;

  if (card == NULL)
    return -1;
  cards = waymark_persona_cell_cards (persona, card->lane_id, card->phase_id);
  return g_ptr_array_find (cards, card, &position) ? (int) position : -1;
}

int
waymark_persona_cell_insert_index (const WaymarkPersona *persona,
                                   const char           *lane_id,
                                   const char           *phase_id,
                                   int                   position)
{
  g_autoptr(GPtrArray) cards = waymark_persona_cell_cards (persona, lane_id, phase_id);
  gboolean at_end = position < 0 || (guint) position >= cards->len;
  guint index;

  if (cards->len == 0)
    return -1;
  /* Before the card at @position, or after the last card of the cell. */
  if (!g_ptr_array_find (persona->cards,
                         g_ptr_array_index (cards, at_end ? cards->len - 1 : (guint) position),
                         &index))
    return -1;
  return (int) index + (at_end ? 1 : 0);
}

/* The Okabe–Ito set (without black and grey), then colours chosen one by
 * one as far as possible from all before them. */
static const char * const tag_colors[] = {
  "#8e6bb0", "#b8874a", "#3f8f8f", "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00",
};

#define N_TAG_COLORS 48

/* HSL to RGB by hand: GLib has no colour conversion, and core must not
 * use GDK's. */
static void
hsl_to_rgb (double hue,
            double saturation,
            double lightness,
            int    rgb[3])
{
  double c = (1 - fabs (2 * lightness - 1)) * saturation;
  double x = c * (1 - fabs (fmod (hue / 60.0, 2) - 1));
  double m = lightness - c / 2;
  double r = 0, g = 0, b = 0;

  switch ((int) (hue / 60.0) % 6)
    {
    case 0: r = c; g = x; break;
    case 1: r = x; g = c; break;
    case 2: g = c; b = x; break;
    case 3: g = x; b = c; break;
    case 4: r = x; b = c; break;
    default: r = c; b = x; break;
    }
  rgb[0] = (int) round ((r + m) * 255);
  rgb[1] = (int) round ((g + m) * 255);
  rgb[2] = (int) round ((b + m) * 255);
}

static int
color_distance (const int a[3],
                const int b[3])
{
  return abs (a[0] - b[0]) + abs (a[1] - b[1]) + abs (a[2] - b[2]);
}

/* The sequence, made once: from 24 hues at three lightnesses, each next
 * colour is the one farthest from every colour already in it (greedy
 * farthest-point order). */
static const int (*tag_color_table (void))[3]
{
  static int table[N_TAG_COLORS][3];
  static gsize made = 0;

  if (g_once_init_enter (&made))
    {
      static const double lightness[] = { 0.36, 0.48, 0.60 };
      int candidates[24 * G_N_ELEMENTS (lightness)][3];
      guint n_candidates = 0;

      for (guint h = 0; h < 24; h++)
        for (guint l = 0; l < G_N_ELEMENTS (lightness); l++)
          hsl_to_rgb (h * 15.0, 0.55, lightness[l], candidates[n_candidates++]);
      for (guint i = 0; i < G_N_ELEMENTS (tag_colors); i++)
        {
          guint value = (guint) strtoul (tag_colors[i] + 1, NULL, 16);

          table[i][0] = value >> 16;
          table[i][1] = (value >> 8) & 0xff;
          table[i][2] = value & 0xff;
        }
      for (guint i = G_N_ELEMENTS (tag_colors); i < N_TAG_COLORS; i++)
        {
          int best = -1;

          for (guint c = 0; c < n_candidates; c++)
            {
              int nearest = G_MAXINT;

              for (guint j = 0; j < i; j++)
                nearest = MIN (nearest, color_distance (candidates[c], table[j]));
              if (nearest > best)
                {
                  best = nearest;
                  memcpy (table[i], candidates[c], sizeof table[i]);
                }
            }
        }
      g_once_init_leave (&made, 1);
    }
  return (const int (*)[3]) table;
}

void
waymark_tag_color_for_index (guint index,
                             char  color[8])
{
  const int *rgb = tag_color_table ()[index % N_TAG_COLORS];

  g_snprintf (color, 8, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
}

char *
waymark_persona_dup_initials (const WaymarkPersona *persona)
{
  g_auto (GStrv) words = NULL;
  GString *initials;

  if (persona->initials[0] != '\0')
    return g_strdup (persona->initials);

  /* Two letters from the first two words, the way contact avatars do. */
  initials = g_string_new (NULL);
  words = g_strsplit_set (persona->name, " \t\n-", -1);
  for (guint i = 0; words[i] != NULL && initials->len < 8; i++)
    {
      gunichar c;

      if (words[i][0] == '\0' || !g_utf8_validate (words[i], -1, NULL))
        continue;
      c = g_utf8_get_char (words[i]);
      if (!g_unichar_isalnum (c))
        continue;
      /* A number counts whole, up to three digits: "Persona 10" is P10,
       * not P1 like "Persona 1". */
      if (g_ascii_isdigit (words[i][0]))
        {
          for (guint d = 0; d < 3 && g_ascii_isdigit (words[i][d]); d++)
            g_string_append_c (initials, words[i][d]);
          break;
        }
      g_string_append_unichar (initials, g_unichar_toupper (c));
      if (g_utf8_strlen (initials->str, -1) == 2)
        break;
    }
  if (initials->len == 0)
    g_string_append (initials, "?");
  return g_string_free (initials, FALSE);
}
