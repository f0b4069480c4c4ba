/* waymark-document.c: a journey-map document and its edits
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "waymark-document-private.h"
#include "waymark-limits.h"

/* How the document stays consistent with its history: every edit function
 * builds one or more primitive changes (set a field, insert or remove an
 * object, move it in its list, replace an emotion point), applies them and
 * pushes them. Undo and redo replay the same primitives, so there is exactly
 * one code path that mutates the model, and it always emits ::changed.
 *
 * Objects are never copied by undo: a removed object moves into its change
 * and moves back on undo, so its address stays the same. */

enum {
  PROP_0,
  PROP_HISTORY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (WaymarkDocument, waymark_document, G_TYPE_OBJECT)

void
waymark_document_emit_changed (WaymarkDocument *self,
                               const char      *persona_id,
                               const char      *object_id)
{
  /* Every change passes here: what was derived from the links is stale. */
  g_clear_pointer (&self->card_links, g_hash_table_unref);
  g_signal_emit (self, signals[CHANGED], 0, persona_id, object_id);
}

void
waymark_document_record (WaymarkDocument *self,
                         const char      *label,
                         WaymarkChange   *change)
{
  change->vtable->apply (change, self);
  waymark_history_push (self->history, label, change);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
waymark_document_finalize (GObject *object)
{
  WaymarkDocument *self = WAYMARK_DOCUMENT (object);

  /* The history may own removed objects; drop it first, while the index
   * is still intact. */
  g_clear_object (&self->history);
  g_hash_table_unref (self->objects);
  g_ptr_array_unref (self->personas);
  g_ptr_array_unref (self->tags);
  g_ptr_array_unref (self->domains);
  g_ptr_array_unref (self->recommendations);
  g_clear_pointer (&self->card_links, g_hash_table_unref);
  g_free (self->title);
  g_free (self->description);
  g_free (self->author);
  g_free (self->language);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);

  G_OBJECT_CLASS (waymark_document_parent_class)->finalize (object);
}

static void
waymark_document_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WaymarkDocument *self = WAYMARK_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_document_class_init (WaymarkDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = waymark_document_finalize;
  object_class->get_property = waymark_document_get_property;

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, WAYMARK_TYPE_HISTORY,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WaymarkDocument::changed:
   * @persona_id: (nullable): the persona whose map changed, or %NULL for
   *   the document's own fields, its tags, domains and recommendations
   *   (links included) and its list of personas
   * @object_id: (nullable): the object that changed, when there is one
   *
   * Emitted after every change, done, undone or redone.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
waymark_document_init (WaymarkDocument *self)
{
  self->title = g_strdup ("");
  self->description = g_strdup ("");
  self->author = g_strdup ("");
  self->language = g_strdup ("en");
  self->column_width = WAYMARK_DEFAULT_COLUMN_WIDTH;
  self->personas = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_persona_free);
  self->tags = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_tag_free);
  self->domains = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_domain_free);
  self->recommendations =
    g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_recommendation_free);
  self->objects = g_hash_table_new (g_str_hash, g_str_equal);
  self->history = waymark_history_new (self);
}

WaymarkDocument *
waymark_document_new (void)
{
  return g_object_new (WAYMARK_TYPE_DOCUMENT, NULL);
}

/* ------------------------------------------------------------------ */
/* Reading                                                             */

const char *
waymark_document_get_title (WaymarkDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);
  return self->title;
}

char *
waymark_document_dup_file_stem (WaymarkDocument *self)
{
  g_autoptr (GString) stem = g_string_new (NULL);
  const char *p;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);

  /* What Windows, macOS and Linux file systems all accept: none of
   * / \ : * ? " < > | or control characters, no space or dot at the ends
   * (Windows drops them), at most 200 bytes. A colon reads as a dash. */
  for (p = self->title != NULL ? self->title : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (c == ':')
        g_string_append (stem, " - ");
      else if (strchr ("/\\*?\"<>|", (int) c) != NULL && c < 0x80)
        g_string_append_c (stem, '-');
      else if (g_unichar_iscntrl (c) || g_unichar_isspace (c))
        g_string_append_c (stem, ' ');
      else
        g_string_append_unichar (stem, c);
    }

  /* One space between words, none at the ends. */
  {
    g_auto (GStrv) words = g_strsplit (stem->str, " ", -1);
    g_autoptr (GString) joined = g_string_new (NULL);

    for (guint i = 0; words[i] != NULL; i++)
      if (words[i][0] != '\0')
        {
          if (joined->len > 0)
            g_string_append_c (joined, ' ');
          g_string_append (joined, words[i]);
        }
    g_string_assign (stem, joined->str);
  }
  if (stem->len > 200)
    {
      const char *end = g_utf8_find_prev_char (stem->str, stem->str + 201);

      g_string_truncate (stem, end - stem->str);
    }
  while (stem->len > 0 && (stem->str[stem->len - 1] == '.' || stem->str[stem->len - 1] == ' '))
    g_string_truncate (stem, stem->len - 1);
  while (stem->len > 0 && (stem->str[0] == '.' || stem->str[0] == ' '))
    g_string_erase (stem, 0, 1);
  if (stem->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&stem), FALSE);
}

const char *
waymark_document_get_description (WaymarkDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);
  return self->description;
}

const char *
waymark_document_get_author (WaymarkDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);
  return self->author;
}

const char *
waymark_document_get_language (WaymarkDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);
  return self->language;
}

int
waymark_document_get_column_width (WaymarkDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), WAYMARK_DEFAULT_COLUMN_WIDTH);
  return self->column_width;
}

GDateTime *
waymark_document_get_created (WaymarkDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);
  return self->created;
}

GDateTime *
waymark_document_get_modified (WaymarkDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);
  return self->modified;
}

void
waymark_document_set_created (WaymarkDocument *self,
                              GDateTime       *created)
{
  g_return_if_fail (WAYMARK_IS_DOCUMENT (self));
  if (created != NULL)
    g_date_time_ref (created);
  g_clear_pointer (&self->created, g_date_time_unref);
  self->created = created;
}

void
waymark_document_set_modified (WaymarkDocument *self,
                               GDateTime       *modified)
{
  g_return_if_fail (WAYMARK_IS_DOCUMENT (self));
  if (modified != NULL)
    g_date_time_ref (modified);
  g_clear_pointer (&self->modified, g_date_time_unref);
  self->modified = modified;
}

guint
waymark_document_get_n_personas (WaymarkDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), 0);
  return self->personas->len;
}

WaymarkPersona *
waymark_document_get_persona (WaymarkDocument *self,
                              guint            index)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->personas->len, NULL);
  return g_ptr_array_index (self->personas, index);
}

WaymarkObject *
waymark_document_lookup (WaymarkDocument *self,
                         const char      *id)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);
  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->objects, id);
}

static gpointer
lookup_kind (WaymarkDocument   *self,
             const char        *id,
             WaymarkObjectKind  kind)
{
  WaymarkObject *object = waymark_document_lookup (self, id);
  return object != NULL && object->kind == kind ? object : NULL;
}

WaymarkPersona *
waymark_document_find_persona (WaymarkDocument *self,
                               const char      *id)
{
  return lookup_kind (self, id, WAYMARK_OBJECT_PERSONA);
}

WaymarkTag *
waymark_document_find_tag (WaymarkDocument *self,
                           const char      *id)
{
  return lookup_kind (self, id, WAYMARK_OBJECT_TAG);
}

WaymarkCard *
waymark_document_find_card (WaymarkDocument *self,
                            const char      *id)
{
  return lookup_kind (self, id, WAYMARK_OBJECT_CARD);
}

WaymarkDomain *
waymark_document_find_domain (WaymarkDocument *self,
                              const char      *id)
{
  return lookup_kind (self, id, WAYMARK_OBJECT_DOMAIN);
}

WaymarkRecommendation *
waymark_document_find_recommendation (WaymarkDocument *self,
                                      const char      *id)
{
  return lookup_kind (self, id, WAYMARK_OBJECT_RECOMMENDATION);
}

WaymarkPersona *
waymark_document_lookup_persona (WaymarkDocument *self,
                                 const char      *id)
{
  WaymarkObject *object = waymark_document_lookup (self, id);

  if (object == NULL)
    return NULL;
  switch (object->kind)
    {
    case WAYMARK_OBJECT_PERSONA: return (WaymarkPersona *) object;
    case WAYMARK_OBJECT_PHASE: return ((WaymarkPhase *) object)->persona;
    case WAYMARK_OBJECT_LANE: return ((WaymarkLane *) object)->persona;
    case WAYMARK_OBJECT_CARD: return ((WaymarkCard *) object)->persona;
    case WAYMARK_OBJECT_TAG:
    case WAYMARK_OBJECT_DOMAIN:
    case WAYMARK_OBJECT_RECOMMENDATION:
    default: return NULL;
    }
}

static int
index_in (GPtrArray *list,
          gpointer   object)
{
  guint index;

  if (list == NULL || !g_ptr_array_find (list, object, &index))
    return -1;
  return (int) index;
}

int
waymark_document_persona_index (WaymarkDocument *self,
                                const char      *id)
{
  return index_in (self->personas, waymark_document_find_persona (self, id));
}

GPtrArray *
waymark_document_get_tags (WaymarkDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);
  return self->tags;
}

GPtrArray *
waymark_document_get_domains (WaymarkDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);
  return self->domains;
}

GPtrArray *
waymark_document_get_recommendations (WaymarkDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);
  return self->recommendations;
}

char *
waymark_document_new_id (WaymarkDocument *self,
                         const char      *prefix)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);

  for (;;)
    {
      char *id = g_strdup_printf ("%s-%u", prefix, ++self->next_id);
      if (!g_hash_table_contains (self->objects, id))
        return id;
      g_free (id);
    }
}

WaymarkHistory *
waymark_document_get_history (WaymarkDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);
  return self->history;
}

/* ------------------------------------------------------------------ */
/* Edits                                                               */

void
waymark_document_begin_group (WaymarkDocument *self,
                              const char      *label)
{
  g_return_if_fail (WAYMARK_IS_DOCUMENT (self));
  waymark_history_begin_group (self->history, label);
}

void
waymark_document_end_group (WaymarkDocument *self)
{
  g_return_if_fail (WAYMARK_IS_DOCUMENT (self));
  waymark_history_end_group (self->history);
}

gboolean
waymark_document_undo (WaymarkDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), FALSE);
  return waymark_history_undo (self->history);
}

gboolean
waymark_document_redo (WaymarkDocument *self)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), FALSE);
  return waymark_history_redo (self->history);
}

static const char *
field_label (WaymarkObject *object,
             WaymarkField   field)
{
  switch (field)
    {
    case WAYMARK_FIELD_TITLE: return _("Edit Title");
    case WAYMARK_FIELD_AUTHOR: return _("Edit Author");
    case WAYMARK_FIELD_LANGUAGE: return _("Change Language");
    case WAYMARK_FIELD_DESCRIPTION: return _("Edit Description");
    case WAYMARK_FIELD_AMBITION: return _("Edit Ambition");
    case WAYMARK_FIELD_INITIALS: return _("Edit Initials");
    case WAYMARK_FIELD_QUOTE: return _("Edit Quote");
    case WAYMARK_FIELD_GOALS: return _("Edit Goals");
    case WAYMARK_FIELD_NEEDS: return _("Edit Needs");
    case WAYMARK_FIELD_FRUSTRATIONS: return _("Edit Frustrations");
    case WAYMARK_FIELD_FACTS: return _("Edit Facts");
    case WAYMARK_FIELD_COLOR: return _("Change Colour");
    case WAYMARK_FIELD_TEXT: return _("Edit Card");
    case WAYMARK_FIELD_EVIDENCE: return _("Edit Evidence");
    case WAYMARK_FIELD_CARD_LANE:
    case WAYMARK_FIELD_CARD_PHASE: return _("Move Card");
    case WAYMARK_FIELD_SPAN: return _("Change Card Span");
    case WAYMARK_FIELD_KIND: return _("Change Lane Kind");
    case WAYMARK_FIELD_SCALE_MIN:
    case WAYMARK_FIELD_SCALE_MAX: return _("Change Emotion Scale");
    case WAYMARK_FIELD_COLUMN_WIDTH: return _("Change Column Width");
    case WAYMARK_FIELD_OWNER: return _("Change Owner");
    case WAYMARK_FIELD_DOMAIN: return _("Change Domain");
    case WAYMARK_FIELD_STATUS: return _("Change Status");
    case WAYMARK_FIELD_VALUE: return _("Change Value");
    case WAYMARK_FIELD_EFFORT: return _("Change Effort");
    case WAYMARK_FIELD_NAME:
      switch (object != NULL ? object->kind : WAYMARK_OBJECT_PERSONA)
        {
        case WAYMARK_OBJECT_PHASE: return _("Rename Phase");
        case WAYMARK_OBJECT_LANE: return _("Rename Lane");
        case WAYMARK_OBJECT_TAG: return _("Rename Tag");
        case WAYMARK_OBJECT_DOMAIN: return _("Rename Domain");
        case WAYMARK_OBJECT_PERSONA:
        case WAYMARK_OBJECT_CARD:
        default: return _("Rename Persona");
        }
    default:
      return _("Edit");
    }
}

static gboolean
resolve_field_object (WaymarkDocument  *self,
                      const char       *object_id,
                      WaymarkObject   **object)
{
  *object = NULL;
  if (object_id == NULL)
    return TRUE;
  *object = waymark_document_lookup (self, object_id);
  return *object != NULL;
}

static void
record_field (WaymarkDocument *self,
              WaymarkObject   *object,
              WaymarkField     field,
              WaymarkChange   *change)
{
  waymark_document_record (self, field_label (object, field), change);
}

/* The model holds what a file may hold (src/core/waymark-limits.h): edits
 * that would go beyond are refused, so that Waymark never saves a file it
 * would refuse to load. Text must also be valid UTF-8. */
static gboolean
text_fits (const char *text)
{
  return text == NULL ||
         (strlen (text) <= WAYMARK_LIMIT_TEXT_LENGTH && g_utf8_validate (text, -1, NULL));
}

static gboolean
score_fits (int score)
{
  return score == WAYMARK_SCORE_UNSET || (score >= WAYMARK_SCORE_MIN && score <= WAYMARK_SCORE_MAX);
}

static gboolean
strv_fits (char **items)
{
  for (guint i = 0; items[i] != NULL; i++)
    if (!text_fits (items[i]))
      return FALSE;
  return TRUE;
}

/* The items of a persona's profile, but for those of the list field
 * @except (a list about to be replaced; any other field counts them all). */
static guint
count_profile_items (const WaymarkPersona *persona,
                     WaymarkField          except)
{
  guint n = 0;

  if (except != WAYMARK_FIELD_GOALS)
    n += g_strv_length (persona->goals);
  if (except != WAYMARK_FIELD_NEEDS)
    n += g_strv_length (persona->needs);
  if (except != WAYMARK_FIELD_FRUSTRATIONS)
    n += g_strv_length (persona->frustrations);
  if (except != WAYMARK_FIELD_FACTS)
    n += persona->facts->len;
  return n;
}

static gboolean
profile_fits (const WaymarkPersona *persona)
{
  if (!text_fits (persona->quote) || !strv_fits (persona->goals) || !strv_fits (persona->needs) ||
      !strv_fits (persona->frustrations) ||
      count_profile_items (persona, WAYMARK_FIELD_QUOTE) > WAYMARK_LIMIT_PROFILE_ITEMS)
    return FALSE;
  for (guint i = 0; i < persona->facts->len; i++)
    {
      const WaymarkFact *fact = g_ptr_array_index (persona->facts, i);
      if (!text_fits (fact->label) || !text_fits (fact->value))
        return FALSE;
    }
  return TRUE;
}

static guint
count_cards (WaymarkDocument *self)
{
  guint n = 0;

  for (guint i = 0; i < self->personas->len; i++)
    n += ((WaymarkPersona *) g_ptr_array_index (self->personas, i))->cards->len;
  return n;
}

static gboolean
card_fits (const WaymarkCard *card)
{
  return text_fits (card->text) && text_fits (card->evidence) && text_fits (card->color);
}

static gboolean
persona_fits (WaymarkDocument      *self,
              const WaymarkPersona *persona)
{
  if (self->personas->len >= WAYMARK_LIMIT_PERSONAS ||
      persona->phases->len > WAYMARK_LIMIT_PHASES ||
      persona->lanes->len > WAYMARK_LIMIT_LANES ||
      count_cards (self) + persona->cards->len > WAYMARK_LIMIT_CARDS)
    return FALSE;
  if (!text_fits (persona->name) || !text_fits (persona->ambition) ||
      !text_fits (persona->description) || !text_fits (persona->color) ||
      !text_fits (persona->initials) || !profile_fits (persona))
    return FALSE;
  for (guint i = 0; i < persona->phases->len; i++)
    {
      const WaymarkPhase *phase = g_ptr_array_index (persona->phases, i);
      if (!text_fits (phase->name) || !text_fits (phase->description))
        return FALSE;
    }
  for (guint i = 0; i < persona->lanes->len; i++)
    {
      const WaymarkLane *lane = g_ptr_array_index (persona->lanes, i);
      if (!text_fits (lane->name) || !text_fits (lane->color))
        return FALSE;
    }
  for (guint i = 0; i < persona->cards->len; i++)
    if (!card_fits (g_ptr_array_index (persona->cards, i)))
      return FALSE;
  for (guint i = 0; i < persona->emotions->len; i++)
    if (!text_fits (((WaymarkEmotionPoint *) g_ptr_array_index (persona->emotions, i))->label))
      return FALSE;
  return TRUE;
}

gboolean
waymark_document_set_text (WaymarkDocument *self,
                           const char      *object_id,
                           WaymarkField     field,
                           const char      *value)
{
  WaymarkObject *object;
  char **text_slot;
  int *int_slot;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (!waymark_field_is_int (field), FALSE);

  if (value == NULL)
    value = "";
  if (!text_fits (value) ||
      !resolve_field_object (self, object_id, &object) ||
      !waymark_document_field_slot (self, object, field, &text_slot, &int_slot))
    return FALSE;
  if (g_strcmp0 (*text_slot, value) == 0)
    return FALSE;

  /* A card may only point at a lane or phase of its own persona, and only
   * at a lane that holds cards. */
  if (field == WAYMARK_FIELD_CARD_LANE)
    {
      WaymarkLane *lane = waymark_persona_find_lane (((WaymarkCard *) object)->persona, value);
      if (lane == NULL || !waymark_lane_kind_holds_cards (lane->kind))
        return FALSE;
    }
  else if (field == WAYMARK_FIELD_CARD_PHASE)
    {
      if (waymark_persona_find_phase (((WaymarkCard *) object)->persona, value) == NULL)
        return FALSE;
    }
  /* A recommendation is in a domain that exists, or in none. */
  else if (field == WAYMARK_FIELD_DOMAIN)
    {
      if (value[0] != '\0' && waymark_document_find_domain (self, value) == NULL)
        return FALSE;
    }

  record_field (self, object, field,
                waymark_text_change_new (object_id, field, *text_slot, value));
  return TRUE;
}

/* Sets a list field of a persona to @items (label and value in turn for
 * the facts), which it takes. */
static gboolean
set_list_field (WaymarkDocument *self,
                const char      *persona_id,
                WaymarkField     field,
                GStrv            items)
{
  WaymarkPersona *persona = persona_id != NULL ? waymark_document_find_persona (self, persona_id)
                                               : NULL;
  g_auto (GStrv) new_items = items;
  g_auto (GStrv) old_items = NULL;
  guint n_new;

  if (persona == NULL)
    return FALSE;
  n_new = g_strv_length (new_items);
  if (field == WAYMARK_FIELD_FACTS)
    n_new /= 2;
  if (!strv_fits (new_items) ||
      count_profile_items (persona, field) + n_new > WAYMARK_LIMIT_PROFILE_ITEMS)
    return FALSE;
  old_items = waymark_persona_dup_list_field (persona, field);
  if (g_strv_equal ((const char * const *) old_items, (const char * const *) new_items))
    return FALSE;
  record_field (self, &persona->base, field,
                waymark_list_field_change_new (persona_id, field, g_steal_pointer (&old_items),
                                               g_steal_pointer (&new_items)));
  return TRUE;
}

gboolean
waymark_document_set_list (WaymarkDocument    *self,
                           const char         *persona_id,
                           WaymarkField        field,
                           const char * const *items)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (field == WAYMARK_FIELD_GOALS || field == WAYMARK_FIELD_NEEDS ||
                        field == WAYMARK_FIELD_FRUSTRATIONS, FALSE);

  return set_list_field (self, persona_id, field, g_strdupv ((char **) (items ? items : none)));
}

gboolean
waymark_document_set_facts (WaymarkDocument *self,
                            const char      *persona_id,
                            GPtrArray       *facts)
{
  guint n = facts != NULL ? facts->len : 0;
  GStrv items;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), FALSE);

  if (n > WAYMARK_LIMIT_PROFILE_ITEMS)
    return FALSE;
  items = g_new0 (char *, 2 * n + 1);
  for (guint i = 0; i < n; i++)
    {
      const WaymarkFact *fact = g_ptr_array_index (facts, i);

      items[2 * i] = g_strdup (fact->label);
      items[2 * i + 1] = g_strdup (fact->value);
    }
  return set_list_field (self, persona_id, WAYMARK_FIELD_FACTS, items);
}

static void
clamp_emotions_to_scale (WaymarkDocument *self,
                         WaymarkLane     *lane,
                         int              scale_min,
                         int              scale_max)
{
  WaymarkPersona *persona = lane->persona;
  g_autoptr (GPtrArray) points = g_ptr_array_new_with_free_func (
    (GDestroyNotify) waymark_emotion_point_free);

  /* Copy first: setting a point edits the array we would be iterating. */
  for (guint i = 0; i < persona->emotions->len; i++)
    {
      WaymarkEmotionPoint *point = g_ptr_array_index (persona->emotions, i);
      if (g_str_equal (point->lane_id, lane->base.id) &&
          (point->score < scale_min || point->score > scale_max))
        g_ptr_array_add (points, waymark_emotion_point_copy (point));
    }
  for (guint i = 0; i < points->len; i++)
    {
      WaymarkEmotionPoint *point = g_ptr_array_index (points, i);
      waymark_document_set_emotion (self, persona->base.id, point->lane_id, point->phase_id,
                                    CLAMP (point->score, scale_min, scale_max), point->label);
    }
}

/* Removes what a lane can no longer hold once its kind changes: cards
 * from a lane that becomes an emotions lane, points from one that stops
 * being one. */
static void
remove_lane_content (WaymarkDocument *self,
                     WaymarkLane     *lane,
                     gboolean         cards,
                     gboolean         points);

gboolean
waymark_document_set_int (WaymarkDocument *self,
                          const char      *object_id,
                          WaymarkField     field,
                          int              value)
{
  WaymarkObject *object;
  char **text_slot;
  int *int_slot;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (waymark_field_is_int (field), FALSE);

  if (!resolve_field_object (self, object_id, &object) ||
      !waymark_document_field_slot (self, object, field, &text_slot, &int_slot))
    return FALSE;
  if (*int_slot == value)
    return FALSE;

  switch (field)
    {
    case WAYMARK_FIELD_SPAN:
      if (value < 1)
        return FALSE;
      break;
    case WAYMARK_FIELD_COLUMN_WIDTH:
      if (value < 40 || value > 2000)
        return FALSE;
      break;
    case WAYMARK_FIELD_KIND:
      if (value < 0 || value >= WAYMARK_N_LANE_KINDS)
        return FALSE;
      break;
    case WAYMARK_FIELD_SCALE_MIN:
      if (value >= ((WaymarkLane *) object)->scale_max || value < -100)
        return FALSE;
      break;
    case WAYMARK_FIELD_SCALE_MAX:
      if (value <= ((WaymarkLane *) object)->scale_min || value > 100)
        return FALSE;
      break;
    case WAYMARK_FIELD_STATUS:
      if (value < 0 || value >= WAYMARK_N_STATUSES)
        return FALSE;
      break;
    case WAYMARK_FIELD_VALUE:
    case WAYMARK_FIELD_EFFORT:
      if (!score_fits (value))
        return FALSE;
      break;
    default:
      break;
    }

  waymark_history_begin_group (self->history, field_label (object, field));
  if (field == WAYMARK_FIELD_KIND)
    {
      WaymarkLane *lane = (WaymarkLane *) object;
      remove_lane_content (self, lane, !waymark_lane_kind_holds_cards (value),
                           !waymark_lane_kind_holds_emotions (value));
    }
  else if (field == WAYMARK_FIELD_SCALE_MIN || field == WAYMARK_FIELD_SCALE_MAX)
    {
      WaymarkLane *lane = (WaymarkLane *) object;
      clamp_emotions_to_scale (self, lane,
                               field == WAYMARK_FIELD_SCALE_MIN ? value : lane->scale_min,
                               field == WAYMARK_FIELD_SCALE_MAX ? value : lane->scale_max);
    }
  record_field (self, object, field,
                waymark_int_change_new (object_id, field, *int_slot, value));
  waymark_history_end_group (self->history);
  return TRUE;
}

gboolean
waymark_document_set_card_tags (WaymarkDocument    *self,
                                const char         *card_id,
                                const char * const *tag_ids)
{
  WaymarkCard *card;
  g_auto (GStrv) new_tags = NULL;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), FALSE);

  card = waymark_document_find_card (self, card_id);
  if (card == NULL)
    return FALSE;

  new_tags = waymark_document_keep_known_ids (self, tag_ids, WAYMARK_OBJECT_TAG);
  if (g_strv_equal ((const char * const *) card->tags, (const char * const *) new_tags))
    return FALSE;
  waymark_document_record (self, _("Change Card Tags"),
                           waymark_ids_change_new (card_id, g_strdupv (card->tags),
                                                   g_steal_pointer (&new_tags)));
  return TRUE;
}

GStrv
waymark_document_keep_known_ids (WaymarkDocument    *self,
                                 const char * const *ids,
                                 WaymarkObjectKind   kind)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      if (lookup_kind (self, ids[i], kind) == NULL || !g_hash_table_add (seen, (gpointer) ids[i]))
        continue;
      g_strv_builder_add (builder, ids[i]);
    }
  return g_strv_builder_end (builder);
}

static void
record_list_change (WaymarkDocument *self,
                    const char      *label,
                    gboolean         is_removal,
                    const char      *persona_id,
                    WaymarkObject   *object,
                    guint            index)
{
  waymark_document_record (self, label,
                           waymark_list_change_new (is_removal, persona_id, object, index));
}

/* Gives @object a fresh id when its id is empty, invalid or taken. */
static void
ensure_fresh_id (WaymarkDocument *self,
                 WaymarkObject   *object,
                 const char      *prefix,
                 GHashTable      *renames)
{
  if (object->id[0] != '\0' && !g_hash_table_contains (self->objects, object->id))
    return;

  {
    char *fresh = waymark_document_new_id (self, prefix);
    if (renames != NULL)
      g_hash_table_insert (renames, g_strdup (object->id), g_strdup (fresh));
    g_free (object->id);
    object->id = fresh;
  }
}

static void
rename_reference (char       **ref,
                  GHashTable  *renames)
{
  const char *fresh = g_hash_table_lookup (renames, *ref);

  if (fresh != NULL)
    {
      g_free (*ref);
      *ref = g_strdup (fresh);
    }
}

const char *
waymark_document_insert_persona (WaymarkDocument *self,
                                 WaymarkPersona  *persona,
                                 int              index)
{
  g_autoptr (GHashTable) renames = NULL;
  g_autoptr (GHashTable) own_ids = NULL;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (persona != NULL, NULL);

  if (!persona_fits (self, persona))
    {
      waymark_persona_free (persona);
      return NULL;
    }

  /* Children whose ids clash (with the document, or with each other) get
   * fresh ones, and the cards' and points' references follow. */
  renames = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  own_ids = g_hash_table_new (g_str_hash, g_str_equal);
  ensure_fresh_id (self, &persona->base, "persona", NULL);
  g_hash_table_add (own_ids, persona->base.id);

#define FRESHEN(array, type, prefix)                                           \
  for (guint i = 0; i < (array)->len; i++)                                     \
    {                                                                          \
      type *child = g_ptr_array_index ((array), i);                            \
      if (g_hash_table_contains (own_ids, child->base.id))                     \
        {                                                                      \
          g_free (child->base.id);                                             \
          child->base.id = g_strdup ("");                                      \
        }                                                                      \
      ensure_fresh_id (self, &child->base, (prefix), renames);                 \
      g_hash_table_add (own_ids, child->base.id);                              \
    }
  FRESHEN (persona->phases, WaymarkPhase, "phase");
  FRESHEN (persona->lanes, WaymarkLane, "lane");
  FRESHEN (persona->cards, WaymarkCard, "card");
#undef FRESHEN

  if (g_hash_table_size (renames) > 0)
    {
      for (guint i = 0; i < persona->cards->len; i++)
        {
          WaymarkCard *card = g_ptr_array_index (persona->cards, i);
          rename_reference (&card->lane_id, renames);
          rename_reference (&card->phase_id, renames);
        }
      for (guint i = 0; i < persona->emotions->len; i++)
        {
          WaymarkEmotionPoint *point = g_ptr_array_index (persona->emotions, i);
          rename_reference (&point->lane_id, renames);
          rename_reference (&point->phase_id, renames);
        }
    }

  if (index < 0 || (guint) index > self->personas->len)
    index = (int) self->personas->len;
  record_list_change (self, _("Add Persona"), FALSE, NULL, &persona->base, (guint) index);
  return persona->base.id;
}

void
waymark_document_adopt_persona (WaymarkDocument *self,
                                WaymarkPersona  *persona)
{
  g_ptr_array_add (self->personas, persona);
  waymark_document_index_persona (self, persona, TRUE);
}

const char *
waymark_document_insert_child (WaymarkDocument *self,
                               const char      *label,
                               const char      *prefix,
                               const char      *persona_id,
                               WaymarkObject   *object,
                               GPtrArray       *list,
                               int              index)
{
  ensure_fresh_id (self, object, prefix, NULL);
  if (index < 0 || (guint) index > list->len)
    index = (int) list->len;
  record_list_change (self, label, FALSE, persona_id, object, (guint) index);
  return object->id;
}

const char *
waymark_document_insert_phase (WaymarkDocument *self,
                               const char      *persona_id,
                               WaymarkPhase    *phase,
                               int              index)
{
  WaymarkPersona *persona;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (phase != NULL, NULL);

  persona = waymark_document_find_persona (self, persona_id);
  if (persona == NULL || persona->phases->len >= WAYMARK_LIMIT_PHASES ||
      !text_fits (phase->name) || !text_fits (phase->description))
    {
      waymark_phase_free (phase);
      return NULL;
    }
  return waymark_document_insert_child (self, _("Add Phase"), "phase", persona_id, &phase->base,
                                        persona->phases, index);
}

const char *
waymark_document_insert_lane (WaymarkDocument *self,
                              const char      *persona_id,
                              WaymarkLane     *lane,
                              int              index)
{
  WaymarkPersona *persona;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (lane != NULL, NULL);

  persona = waymark_document_find_persona (self, persona_id);
  if (persona == NULL || persona->lanes->len >= WAYMARK_LIMIT_LANES ||
      !text_fits (lane->name) || !text_fits (lane->color))
    {
      waymark_lane_free (lane);
      return NULL;
    }
  return waymark_document_insert_child (self, _("Add Lane"), "lane", persona_id, &lane->base,
                                        persona->lanes, index);
}

const char *
waymark_document_insert_card (WaymarkDocument *self,
                              const char      *persona_id,
                              WaymarkCard     *card,
                              int              index)
{
  WaymarkPersona *persona;
  WaymarkLane *lane;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (card != NULL, NULL);

  persona = waymark_document_find_persona (self, persona_id);
  lane = persona != NULL ? waymark_persona_find_lane (persona, card->lane_id) : NULL;
  if (lane == NULL || !waymark_lane_kind_holds_cards (lane->kind) ||
      waymark_persona_find_phase (persona, card->phase_id) == NULL ||
      !card_fits (card) || count_cards (self) >= WAYMARK_LIMIT_CARDS)
    {
      waymark_card_free (card);
      return NULL;
    }

  /* Tags the document does not have would dangle. */
  {
    g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
    for (guint i = 0; card->tags[i] != NULL; i++)
      if (waymark_document_find_tag (self, card->tags[i]) != NULL)
        g_strv_builder_add (builder, card->tags[i]);
    g_strfreev (card->tags);
    card->tags = g_strv_builder_end (builder);
  }
  if (card->span < 1)
    card->span = 1;

  return waymark_document_insert_child (self, _("Add Card"), "card", persona_id, &card->base,
                                        persona->cards, index);
}

const char *
waymark_document_insert_tag (WaymarkDocument *self,
                             WaymarkTag      *tag,
                             int              index)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (tag != NULL, NULL);

  if (self->tags->len >= WAYMARK_LIMIT_TAGS || !text_fits (tag->name) || !text_fits (tag->color))
    {
      waymark_tag_free (tag);
      return NULL;
    }
  return waymark_document_insert_child (self, _("Add Tag"), "tag", NULL, &tag->base, self->tags,
                                        index);
}

const char *
waymark_document_insert_domain (WaymarkDocument *self,
                                WaymarkDomain   *domain,
                                int              index)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (domain != NULL, NULL);

  if (self->domains->len >= WAYMARK_LIMIT_DOMAINS || !text_fits (domain->name) ||
      !text_fits (domain->color))
    {
      waymark_domain_free (domain);
      return NULL;
    }
  return waymark_document_insert_child (self, _("Add Domain"), "domain", NULL, &domain->base,
                                        self->domains, index);
}

static gboolean
recommendation_fits (WaymarkDocument             *self,
                     const WaymarkRecommendation *recommendation)
{
  return self->recommendations->len < WAYMARK_LIMIT_RECOMMENDATIONS &&
         g_strv_length (recommendation->cards) <= WAYMARK_LIMIT_LINKS &&
         text_fits (recommendation->title) && text_fits (recommendation->description) &&
         text_fits (recommendation->owner) && (guint) recommendation->status < WAYMARK_N_STATUSES &&
         score_fits (recommendation->value) && score_fits (recommendation->effort) &&
         (recommendation->domain_id[0] == '\0' ||
          waymark_document_find_domain (self, recommendation->domain_id) != NULL);
}

const char *
waymark_document_insert_recommendation (WaymarkDocument       *self,
                                        WaymarkRecommendation *recommendation,
                                        int                    position)
{
  GStrv cards;
  guint index;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (recommendation != NULL, NULL);

  /* Links to cards the document does not have would dangle. */
  cards = waymark_document_keep_known_ids (self, (const char * const *) recommendation->cards,
                                           WAYMARK_OBJECT_CARD);
  g_strfreev (recommendation->cards);
  recommendation->cards = cards;
  if (!recommendation_fits (self, recommendation))
    {
      waymark_recommendation_free (recommendation);
      return NULL;
    }

  index = waymark_list_group_index (self->recommendations, NULL, waymark_recommendation_in_domain,
                                    recommendation->domain_id, position);
  return waymark_document_insert_child (self, _("Add Recommendation"), "rec", NULL,
                                        &recommendation->base, self->recommendations, (int) index);
}

static void
remove_object (WaymarkDocument *self,
               const char      *label,
               WaymarkObject   *object)
{
  const char *persona_id = waymark_object_get_persona_id (object);
  GPtrArray *list = waymark_document_list_for (self, object->kind, persona_id);
  int index = index_in (list, object);

  g_return_if_fail (index >= 0);
  record_list_change (self, label, TRUE, persona_id, object, (guint) index);
}

/* The ids of @persona's cards in @lane_id and @phase_id (NULL: any);
 * borrowed from the cards. */
static GHashTable *
card_ids_in (WaymarkPersona *persona,
             const char     *lane_id,
             const char     *phase_id)
{
  GHashTable *ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < persona->cards->len; i++)
    {
      WaymarkCard *card = g_ptr_array_index (persona->cards, i);

      if ((lane_id == NULL || g_str_equal (card->lane_id, lane_id)) &&
          (phase_id == NULL || g_str_equal (card->phase_id, phase_id)))
        g_hash_table_add (ids, card->base.id);
    }
  return ids;
}

/* Removes those cards, after taking them off the recommendations that
 * address them, so that undo brings back the links with the cards. */
static void
remove_cards (WaymarkDocument *self,
              WaymarkPersona  *persona,
              const char      *lane_id,
              const char      *phase_id)
{
  g_autoptr (GHashTable) ids = card_ids_in (persona, lane_id, phase_id);

  if (g_hash_table_size (ids) == 0)
    return;
  waymark_document_unlink_cards (self, ids);
  for (guint i = persona->cards->len; i > 0; i--)
    {
      WaymarkCard *card = g_ptr_array_index (persona->cards, i - 1);
      if (g_hash_table_contains (ids, card->base.id))
        remove_object (self, NULL, &card->base);
    }
}

static void
remove_lane_content (WaymarkDocument *self,
                     WaymarkLane     *lane,
                     gboolean         cards,
                     gboolean         points)
{
  WaymarkPersona *persona = lane->persona;

  if (cards)
    remove_cards (self, persona, lane->base.id, NULL);
  if (points)
    {
      for (guint i = persona->emotions->len; i > 0; i--)
        {
          WaymarkEmotionPoint *point = g_ptr_array_index (persona->emotions, i - 1);
          if (g_str_equal (point->lane_id, lane->base.id))
            waymark_document_remove_emotion (self, persona->base.id, point->lane_id,
                                             point->phase_id);
        }
    }
}

static void
remove_phase_content (WaymarkDocument *self,
                      WaymarkPhase    *phase)
{
  WaymarkPersona *persona = phase->persona;

  remove_cards (self, persona, NULL, phase->base.id);
  for (guint i = persona->emotions->len; i > 0; i--)
    {
      WaymarkEmotionPoint *point = g_ptr_array_index (persona->emotions, i - 1);
      if (g_str_equal (point->phase_id, phase->base.id))
        waymark_document_remove_emotion (self, persona->base.id, point->lane_id,
                                         point->phase_id);
    }
}

GStrv
waymark_ids_without (const char * const *ids,
                     GHashTable         *drop)
{
  g_autoptr (GStrvBuilder) builder = NULL;
  gboolean any = FALSE;

  for (guint i = 0; ids[i] != NULL && !any; i++)
    any = g_hash_table_contains (drop, ids[i]);
  if (!any)
    return NULL;
  builder = g_strv_builder_new ();
  for (guint i = 0; ids[i] != NULL; i++)
    if (!g_hash_table_contains (drop, ids[i]))
      g_strv_builder_add (builder, ids[i]);
  return g_strv_builder_end (builder);
}

static void
untag_cards (WaymarkDocument *self,
             WaymarkTag      *tag)
{
  g_autoptr (GHashTable) drop = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_add (drop, tag->base.id);
  for (guint p = 0; p < self->personas->len; p++)
    {
      WaymarkPersona *persona = g_ptr_array_index (self->personas, p);
      for (guint i = 0; i < persona->cards->len; i++)
        {
          WaymarkCard *card = g_ptr_array_index (persona->cards, i);
          g_auto (GStrv) remaining = waymark_ids_without ((const char * const *) card->tags, drop);

          if (remaining != NULL)
            waymark_document_set_card_tags (self, card->base.id, (const char * const *) remaining);
        }
    }
}

gboolean
waymark_document_remove (WaymarkDocument *self,
                         const char      *id)
{
  WaymarkObject *object;
  const char *label;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), FALSE);

  object = waymark_document_lookup (self, id);
  if (object == NULL)
    return FALSE;

  switch (object->kind)
    {
    case WAYMARK_OBJECT_PERSONA: label = _("Delete Persona"); break;
    case WAYMARK_OBJECT_PHASE: label = _("Delete Phase"); break;
    case WAYMARK_OBJECT_LANE: label = _("Delete Lane"); break;
    case WAYMARK_OBJECT_CARD: label = _("Delete Card"); break;
    case WAYMARK_OBJECT_TAG: label = _("Delete Tag"); break;
    case WAYMARK_OBJECT_DOMAIN: label = _("Delete Domain"); break;
    case WAYMARK_OBJECT_RECOMMENDATION: label = _("Delete Recommendation"); break;
    default: g_return_val_if_reached (FALSE);
    }

  waymark_history_begin_group (self->history, label);
  switch (object->kind)
    {
    case WAYMARK_OBJECT_PHASE:
      remove_phase_content (self, (WaymarkPhase *) object);
      break;
    case WAYMARK_OBJECT_LANE:
      remove_lane_content (self, (WaymarkLane *) object, TRUE, TRUE);
      break;
    case WAYMARK_OBJECT_TAG:
      untag_cards (self, (WaymarkTag *) object);
      break;
    case WAYMARK_OBJECT_PERSONA:
      {
        /* Its cards leave with it. */
        g_autoptr (GHashTable) ids = card_ids_in ((WaymarkPersona *) object, NULL, NULL);
        waymark_document_unlink_cards (self, ids);
      }
      break;
    case WAYMARK_OBJECT_CARD:
      {
        g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
        g_hash_table_add (ids, object->id);
        waymark_document_unlink_cards (self, ids);
      }
      break;
    case WAYMARK_OBJECT_DOMAIN:
      waymark_document_clear_domain (self, object->id);
      break;
    case WAYMARK_OBJECT_RECOMMENDATION:
    default:
      break;
    }
  remove_object (self, label, object);
  waymark_history_end_group (self->history);
  return TRUE;
}

gboolean
waymark_document_record_move (WaymarkDocument *self,
                              const char      *label,
                              WaymarkObject   *object,
                              guint            to)
{
  const char *persona_id = waymark_object_get_persona_id (object);
  GPtrArray *list = waymark_document_list_for (self, object->kind, persona_id);
  int from = index_in (list, object);
  if (from < 0)
    return FALSE;
  to = MIN (to, list->len - 1);
  if ((guint) from == to)
    return FALSE;

  waymark_document_record (self, label,
                           waymark_move_change_new (object->kind, persona_id, (guint) from, to));
  return TRUE;
}

gboolean
waymark_document_move (WaymarkDocument *self,
                       const char      *id,
                       int              index)
{
  WaymarkObject *object;
  const char *label;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), FALSE);

  object = waymark_document_lookup (self, id);
  if (object == NULL || index < 0)
    return FALSE;

  switch (object->kind)
    {
    case WAYMARK_OBJECT_PERSONA: label = _("Move Persona"); break;
    case WAYMARK_OBJECT_PHASE: label = _("Move Phase"); break;
    case WAYMARK_OBJECT_LANE: label = _("Move Lane"); break;
    case WAYMARK_OBJECT_CARD: label = _("Move Card"); break;
    case WAYMARK_OBJECT_TAG: label = _("Move Tag"); break;
    case WAYMARK_OBJECT_DOMAIN: label = _("Move Domain"); break;
    case WAYMARK_OBJECT_RECOMMENDATION: label = _("Move Recommendation"); break;
    default: g_return_val_if_reached (FALSE);
    }
  return waymark_document_record_move (self, label, object, (guint) index);
}

guint
waymark_list_group_index (GPtrArray        *list,
                          gconstpointer     moving,
                          WaymarkGroupFunc  is_member,
                          gconstpointer     group,
                          int               position)
{
  guint target = 0;
  guint seen = 0;
  guint k = 0;
  gboolean placed = FALSE;

  /* k counts the list without @moving: that is how a move reinserts. */
  for (guint i = 0; i < list->len; i++)
    {
      gconstpointer other = g_ptr_array_index (list, i);

      if (other == moving)
        continue;
      if (is_member (other, group))
        {
          if (position >= 0 && seen == (guint) position)
            return k;
          seen++;
          target = k + 1;
          placed = TRUE;
        }
      k++;
    }
  return placed ? target : k;
}

typedef struct {
  const char *lane_id;
  const char *phase_id;
} Cell;

static gboolean
card_in_cell (gconstpointer object,
              gconstpointer group)
{
  const WaymarkCard *card = object;
  const Cell *cell = group;

  return g_str_equal (card->lane_id, cell->lane_id) && g_str_equal (card->phase_id, cell->phase_id);
}

gboolean
waymark_document_move_card (WaymarkDocument *self,
                            const char      *card_id,
                            const char      *lane_id,
                            const char      *phase_id,
                            int              position)
{
  WaymarkCard *card;
  WaymarkPersona *persona;
  WaymarkLane *lane;
  Cell cell = { lane_id, phase_id };
  guint target;
  gboolean moved = FALSE;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), FALSE);

  card = waymark_document_find_card (self, card_id);
  if (card == NULL)
    return FALSE;
  persona = card->persona;
  lane = waymark_persona_find_lane (persona, lane_id);
  if (lane == NULL || !waymark_lane_kind_holds_cards (lane->kind) ||
      waymark_persona_find_phase (persona, phase_id) == NULL)
    return FALSE;

  target = waymark_list_group_index (persona->cards, card, card_in_cell, &cell, position);
  waymark_history_begin_group (self->history, _("Move Card"));
  moved |= waymark_document_set_text (self, card_id, WAYMARK_FIELD_CARD_LANE, lane_id);
  moved |= waymark_document_set_text (self, card_id, WAYMARK_FIELD_CARD_PHASE, phase_id);
  moved |= waymark_document_record_move (self, _("Move Card"), &card->base, target);
  waymark_history_end_group (self->history);
  return moved;
}

gboolean
waymark_document_set_emotion (WaymarkDocument *self,
                              const char      *persona_id,
                              const char      *lane_id,
                              const char      *phase_id,
                              int              score,
                              const char      *label)
{
  WaymarkPersona *persona;
  WaymarkLane *lane;
  WaymarkEmotionPoint *old_point;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), FALSE);

  persona = waymark_document_find_persona (self, persona_id);
  if (persona == NULL)
    return FALSE;
  lane = waymark_persona_find_lane (persona, lane_id);
  if (lane == NULL || !waymark_lane_kind_holds_emotions (lane->kind) ||
      waymark_persona_find_phase (persona, phase_id) == NULL)
    return FALSE;

  if (label == NULL)
    label = "";
  if (!text_fits (label))
    return FALSE;
  score = CLAMP (score, lane->scale_min, lane->scale_max);
  old_point = waymark_persona_find_emotion (persona, lane_id, phase_id);
  if (old_point != NULL && old_point->score == score && g_str_equal (old_point->label, label))
    return FALSE;

  waymark_document_record (self, old_point != NULL ? _("Change Emotion") : _("Add Emotion Point"),
                           waymark_emotion_change_new (
                             persona_id,
                             old_point != NULL ? waymark_emotion_point_copy (old_point) : NULL,
                             waymark_emotion_point_new (lane_id, phase_id, score, label)));
  return TRUE;
}

gboolean
waymark_document_remove_emotion (WaymarkDocument *self,
                                 const char      *persona_id,
                                 const char      *lane_id,
                                 const char      *phase_id)
{
  WaymarkPersona *persona;
  WaymarkEmotionPoint *old_point;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (self), FALSE);

  persona = waymark_document_find_persona (self, persona_id);
  if (persona == NULL)
    return FALSE;
  old_point = waymark_persona_find_emotion (persona, lane_id, phase_id);
  if (old_point == NULL)
    return FALSE;

  waymark_document_record (self, _("Remove Emotion Point"),
                           waymark_emotion_change_new (persona_id,
                                                       waymark_emotion_point_copy (old_point),
                                                       NULL));
  return TRUE;
}
