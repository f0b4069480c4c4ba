/* waymark-document-changes.c: the primitive, reversible changes
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "waymark-document-private.h"

/* Every edit of a WaymarkDocument is made of these few primitives: set a
 * field, insert or remove an object, move it within its list, replace an
 * emotion point. Undo and redo replay them, so this file is the only code
 * that mutates the model, and every mutation emits ::changed. */

/* ------------------------------------------------------------------ */
/* The id index                                                        */

static void
index_object (WaymarkDocument *self,
              WaymarkObject   *object)
{
  g_hash_table_insert (self->objects, object->id, object);
}

static void
unindex_object (WaymarkDocument *self,
                WaymarkObject   *object)
{
  g_hash_table_remove (self->objects, object->id);
}

void
waymark_document_index_persona (WaymarkDocument *self,
                                WaymarkPersona  *persona,
                                gboolean         add)
{
  void (*op) (WaymarkDocument *, WaymarkObject *) = add ? index_object : unindex_object;

  op (self, &persona->base);
  for (guint i = 0; i < persona->phases->len; i++)
    {
      WaymarkPhase *phase = g_ptr_array_index (persona->phases, i);
      phase->persona = persona;
      op (self, &phase->base);
    }
  for (guint i = 0; i < persona->lanes->len; i++)
    {
      WaymarkLane *lane = g_ptr_array_index (persona->lanes, i);
      lane->persona = persona;
      op (self, &lane->base);
    }
  for (guint i = 0; i < persona->cards->len; i++)
    {
      WaymarkCard *card = g_ptr_array_index (persona->cards, i);
      card->persona = persona;
      op (self, &card->base);
    }
}

const char *
waymark_object_get_persona_id (WaymarkObject *object)
{
  switch (object->kind)
    {
    case WAYMARK_OBJECT_PHASE:
      return ((WaymarkPhase *) object)->persona->base.id;
    case WAYMARK_OBJECT_LANE:
      return ((WaymarkLane *) object)->persona->base.id;
    case WAYMARK_OBJECT_CARD:
      return ((WaymarkCard *) object)->persona->base.id;
    case WAYMARK_OBJECT_PERSONA:
    case WAYMARK_OBJECT_TAG:
    case WAYMARK_OBJECT_DOMAIN:
    case WAYMARK_OBJECT_RECOMMENDATION:
    default:
      return NULL;
    }
}

/* ------------------------------------------------------------------ */
/* Field values                                                        */

typedef enum {
  VALUE_TEXT,
  VALUE_INT,
  VALUE_STRV,
} ValueType;

typedef struct {
  ValueType type;
  char *text;
  int number;
  GStrv strv;
} Value;

static void
value_clear (Value *value)
{
  g_clear_pointer (&value->text, g_free);
  g_clear_pointer (&value->strv, g_strfreev);
}

gboolean
waymark_field_is_int (WaymarkField field)
{
  return field >= WAYMARK_FIELD_SPAN && field <= WAYMARK_FIELD_EFFORT;
}

gboolean
waymark_field_is_list (WaymarkField field)
{
  return field >= WAYMARK_FIELD_GOALS && field <= WAYMARK_FIELD_FACTS;
}

static GStrv *
list_slot (WaymarkPersona *persona,
           WaymarkField    field)
{
  switch (field)
    {
    case WAYMARK_FIELD_GOALS: return &persona->goals;
    case WAYMARK_FIELD_NEEDS: return &persona->needs;
    case WAYMARK_FIELD_FRUSTRATIONS: return &persona->frustrations;
    default: return NULL;
    }
}

GStrv
waymark_persona_dup_list_field (const WaymarkPersona *persona,
                                WaymarkField          field)
{
  GStrv items;

  if (field != WAYMARK_FIELD_FACTS)
    {
      GStrv *slot = list_slot ((WaymarkPersona *) persona, field);

      g_return_val_if_fail (slot != NULL, NULL);
      return g_strdupv (*slot);
    }
  items = g_new0 (char *, 2 * persona->facts->len + 1);
  for (guint i = 0; i < persona->facts->len; i++)
    {
      const WaymarkFact *fact = g_ptr_array_index (persona->facts, i);

      items[2 * i] = g_strdup (fact->label);
      items[2 * i + 1] = g_strdup (fact->value);
    }
  return items;
}

static void
set_list_field (WaymarkPersona *persona,
                WaymarkField    field,
                char          **items)
{
  GStrv *slot;

  if (field != WAYMARK_FIELD_FACTS)
    {
      slot = list_slot (persona, field);
      g_return_if_fail (slot != NULL);
      g_strfreev (*slot);
      *slot = g_strdupv (items);
      return;
    }
  g_ptr_array_set_size (persona->facts, 0);
  for (guint i = 0; items[i] != NULL && items[i + 1] != NULL; i += 2)
    g_ptr_array_add (persona->facts, waymark_fact_new (items[i], items[i + 1]));
}

gboolean
waymark_document_field_slot (WaymarkDocument *self,
                             WaymarkObject   *object,
                             WaymarkField     field,
                             char          ***text_slot,
                             int            **int_slot)
{
  *text_slot = NULL;
  *int_slot = NULL;

  if (object == NULL)
    {
      switch (field)
        {
        case WAYMARK_FIELD_TITLE: *text_slot = &self->title; break;
        case WAYMARK_FIELD_AUTHOR: *text_slot = &self->author; break;
        case WAYMARK_FIELD_LANGUAGE: *text_slot = &self->language; break;
        case WAYMARK_FIELD_DESCRIPTION: *text_slot = &self->description; break;
        case WAYMARK_FIELD_COLUMN_WIDTH: *int_slot = &self->column_width; break;
        default: return FALSE;
        }
      return TRUE;
    }

  switch (object->kind)
    {
    case WAYMARK_OBJECT_PERSONA:
      {
        WaymarkPersona *persona = (WaymarkPersona *) object;
        switch (field)
          {
          case WAYMARK_FIELD_NAME: *text_slot = &persona->name; break;
          case WAYMARK_FIELD_AMBITION: *text_slot = &persona->ambition; break;
          case WAYMARK_FIELD_DESCRIPTION: *text_slot = &persona->description; break;
          case WAYMARK_FIELD_COLOR: *text_slot = &persona->color; break;
          case WAYMARK_FIELD_INITIALS: *text_slot = &persona->initials; break;
          case WAYMARK_FIELD_QUOTE: *text_slot = &persona->quote; break;
          default: return FALSE;
          }
      }
      break;
    case WAYMARK_OBJECT_PHASE:
      {
        WaymarkPhase *phase = (WaymarkPhase *) object;
        switch (field)
          {
          case WAYMARK_FIELD_NAME: *text_slot = &phase->name; break;
          case WAYMARK_FIELD_DESCRIPTION: *text_slot = &phase->description; break;
          default: return FALSE;
          }
      }
      break;
    case WAYMARK_OBJECT_LANE:
      {
        WaymarkLane *lane = (WaymarkLane *) object;
        switch (field)
          {
          case WAYMARK_FIELD_NAME: *text_slot = &lane->name; break;
          case WAYMARK_FIELD_COLOR: *text_slot = &lane->color; break;
          case WAYMARK_FIELD_KIND: *int_slot = (int *) &lane->kind; break;
          case WAYMARK_FIELD_SCALE_MIN: *int_slot = &lane->scale_min; break;
          case WAYMARK_FIELD_SCALE_MAX: *int_slot = &lane->scale_max; break;
          default: return FALSE;
          }
      }
      break;
    case WAYMARK_OBJECT_CARD:
      {
        WaymarkCard *card = (WaymarkCard *) object;
        switch (field)
          {
          case WAYMARK_FIELD_TEXT: *text_slot = &card->text; break;
          case WAYMARK_FIELD_COLOR: *text_slot = &card->color; break;
          case WAYMARK_FIELD_EVIDENCE: *text_slot = &card->evidence; break;
          case WAYMARK_FIELD_CARD_LANE: *text_slot = &card->lane_id; break;
          case WAYMARK_FIELD_CARD_PHASE: *text_slot = &card->phase_id; break;
          case WAYMARK_FIELD_SPAN: *int_slot = &card->span; break;
          default: return FALSE;
          }
      }
      break;
    case WAYMARK_OBJECT_TAG:
      {
        WaymarkTag *tag = (WaymarkTag *) object;
        switch (field)
          {
          case WAYMARK_FIELD_NAME: *text_slot = &tag->name; break;
          case WAYMARK_FIELD_COLOR: *text_slot = &tag->color; break;
          default: return FALSE;
          }
      }
      break;
    case WAYMARK_OBJECT_DOMAIN:
      {
        WaymarkDomain *domain = (WaymarkDomain *) object;
        switch (field)
          {
          case WAYMARK_FIELD_NAME: *text_slot = &domain->name; break;
          case WAYMARK_FIELD_COLOR: *text_slot = &domain->color; break;
          default: return FALSE;
          }
      }
      break;
    case WAYMARK_OBJECT_RECOMMENDATION:
      {
        WaymarkRecommendation *recommendation = (WaymarkRecommendation *) object;
        switch (field)
          {
          case WAYMARK_FIELD_TITLE: *text_slot = &recommendation->title; break;
          case WAYMARK_FIELD_DESCRIPTION: *text_slot = &recommendation->description; break;
          case WAYMARK_FIELD_OWNER: *text_slot = &recommendation->owner; break;
          case WAYMARK_FIELD_DOMAIN: *text_slot = &recommendation->domain_id; break;
          case WAYMARK_FIELD_STATUS: *int_slot = (int *) &recommendation->status; break;
          case WAYMARK_FIELD_VALUE: *int_slot = &recommendation->value; break;
          case WAYMARK_FIELD_EFFORT: *int_slot = &recommendation->effort; break;
          default: return FALSE;
          }
      }
      break;
    default:
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Primitive changes                                                   */

/* Sets a text, integer or id-list field. */
typedef struct {
  WaymarkChange parent;
  char *object_id;   /* NULL: the document */
  WaymarkField field;
  gboolean ids;      /* the object's id list (see ids_slot()) rather than a WaymarkField */
  Value old_value;
  Value new_value;
} FieldChange;

/* The one id list of a card (its tags) or a recommendation (its cards). */
static GStrv *
ids_slot (WaymarkObject *object)
{
  switch (object->kind)
    {
    case WAYMARK_OBJECT_CARD: return &((WaymarkCard *) object)->tags;
    case WAYMARK_OBJECT_RECOMMENDATION: return &((WaymarkRecommendation *) object)->cards;
    case WAYMARK_OBJECT_PERSONA:
    case WAYMARK_OBJECT_PHASE:
    case WAYMARK_OBJECT_LANE:
    case WAYMARK_OBJECT_TAG:
    case WAYMARK_OBJECT_DOMAIN:
    default: g_return_val_if_reached (NULL);
    }
}

static void
field_change_set (WaymarkDocument *self,
                  FieldChange     *change,
                  const Value     *value)
{
  WaymarkObject *object = NULL;

  if (change->object_id != NULL)
    object = g_hash_table_lookup (self->objects, change->object_id);
  g_return_if_fail (change->object_id == NULL || object != NULL);

  if (waymark_field_is_list (change->field) && !change->ids)
    {
      g_return_if_fail (object != NULL && object->kind == WAYMARK_OBJECT_PERSONA);
      set_list_field ((WaymarkPersona *) object, change->field, value->strv);
    }
  else if (change->ids)
    {
      GStrv *slot = ids_slot (object);

      g_return_if_fail (slot != NULL);
      g_strfreev (*slot);
      *slot = g_strdupv (value->strv);
    }
  else
    {
      char **text_slot;
      int *int_slot;

      if (!waymark_document_field_slot (self, object, change->field, &text_slot, &int_slot))
        g_return_if_reached ();
      if (text_slot != NULL)
        {
          g_free (*text_slot);
          *text_slot = g_strdup (value->text);
        }
      else
        *int_slot = value->number;
    }

  waymark_document_emit_changed (self, object != NULL ? waymark_object_get_persona_id (object) : NULL, change->object_id);
}

static void
field_change_apply (WaymarkChange *change,
                    gpointer       target)
{
  FieldChange *self = (FieldChange *) change;
  field_change_set (target, self, &self->new_value);
}

static void
field_change_revert (WaymarkChange *change,
                     gpointer       target)
{
  FieldChange *self = (FieldChange *) change;
  field_change_set (target, self, &self->old_value);
}

static void
field_change_free (WaymarkChange *change)
{
  FieldChange *self = (FieldChange *) change;

  g_free (self->object_id);
  value_clear (&self->old_value);
  value_clear (&self->new_value);
  g_free (self);
}

static const WaymarkChangeVTable field_change_vtable = {
  field_change_apply,
  field_change_revert,
  field_change_free,
};

/* Inserts an object into its list, or (reversed) removes it. While the
 * object is out of the document, the change owns it. */
typedef struct {
  WaymarkChange parent;
  gboolean is_removal;
  gboolean object_in_document;
  WaymarkObjectKind kind;
  char *persona_id;     /* owning persona for phases, lanes, cards */
  WaymarkObject *object;
  guint index;
} ListChange;

GPtrArray *
waymark_document_list_for (WaymarkDocument   *self,
                           WaymarkObjectKind  kind,
                           const char        *persona_id)
{
  WaymarkPersona *persona = NULL;

  if (persona_id != NULL)
    persona = waymark_document_find_persona (self, persona_id);

  switch (kind)
    {
    case WAYMARK_OBJECT_PERSONA: return self->personas;
    case WAYMARK_OBJECT_TAG: return self->tags;
    case WAYMARK_OBJECT_DOMAIN: return self->domains;
    case WAYMARK_OBJECT_RECOMMENDATION: return self->recommendations;
    case WAYMARK_OBJECT_PHASE: return persona != NULL ? persona->phases : NULL;
    case WAYMARK_OBJECT_LANE: return persona != NULL ? persona->lanes : NULL;
    case WAYMARK_OBJECT_CARD: return persona != NULL ? persona->cards : NULL;
    default: return NULL;
    }
}

static void
set_owner (WaymarkObject  *object,
           WaymarkPersona *persona)
{
  switch (object->kind)
    {
    case WAYMARK_OBJECT_PHASE: ((WaymarkPhase *) object)->persona = persona; break;
    case WAYMARK_OBJECT_LANE: ((WaymarkLane *) object)->persona = persona; break;
    case WAYMARK_OBJECT_CARD: ((WaymarkCard *) object)->persona = persona; break;
    case WAYMARK_OBJECT_PERSONA:
    case WAYMARK_OBJECT_TAG:
    case WAYMARK_OBJECT_DOMAIN:
    case WAYMARK_OBJECT_RECOMMENDATION:
    default: break;
    }
}

static void
list_change_insert (WaymarkDocument *self,
                    ListChange      *change)
{
  GPtrArray *list = waymark_document_list_for (self, change->kind, change->persona_id);

  g_return_if_fail (list != NULL && !change->object_in_document);

  /* The array's free func would free the object on removal; we insert and
   * steal, so ownership moves cleanly between change and document. */
  g_ptr_array_insert (list, (int) MIN (change->index, list->len), change->object);
  if (change->kind == WAYMARK_OBJECT_PERSONA)
    waymark_document_index_persona (self, (WaymarkPersona *) change->object, TRUE);
  else
    {
      set_owner (change->object, waymark_document_find_persona (self, change->persona_id));
      index_object (self, change->object);
    }
  change->object_in_document = TRUE;

  waymark_document_emit_changed (self, change->persona_id, change->object->id);
}

static void
list_change_remove (WaymarkDocument *self,
                    ListChange      *change)
{
  GPtrArray *list = waymark_document_list_for (self, change->kind, change->persona_id);
  g_autofree char *id = NULL;

  g_return_if_fail (list != NULL && change->object_in_document);
  g_return_if_fail (change->index < list->len);
  g_return_if_fail (g_ptr_array_index (list, change->index) == change->object);

  if (change->kind == WAYMARK_OBJECT_PERSONA)
    waymark_document_index_persona (self, (WaymarkPersona *) change->object, FALSE);
  else
    unindex_object (self, change->object);
  g_ptr_array_steal_index (list, change->index);
  change->object_in_document = FALSE;

  id = g_strdup (change->object->id);
  waymark_document_emit_changed (self, change->persona_id, id);
}

static void
list_change_apply (WaymarkChange *change,
                   gpointer       target)
{
  ListChange *self = (ListChange *) change;

  if (self->is_removal)
    list_change_remove (target, self);
  else
    list_change_insert (target, self);
}

static void
list_change_revert (WaymarkChange *change,
                    gpointer       target)
{
  ListChange *self = (ListChange *) change;

  if (self->is_removal)
    list_change_insert (target, self);
  else
    list_change_remove (target, self);
}

static void
free_object (WaymarkObject *object)
{
  switch (object->kind)
    {
    case WAYMARK_OBJECT_PERSONA: waymark_persona_free ((WaymarkPersona *) object); break;
    case WAYMARK_OBJECT_PHASE: waymark_phase_free ((WaymarkPhase *) object); break;
    case WAYMARK_OBJECT_LANE: waymark_lane_free ((WaymarkLane *) object); break;
    case WAYMARK_OBJECT_CARD: waymark_card_free ((WaymarkCard *) object); break;
    case WAYMARK_OBJECT_TAG: waymark_tag_free ((WaymarkTag *) object); break;
    case WAYMARK_OBJECT_DOMAIN: waymark_domain_free ((WaymarkDomain *) object); break;
    case WAYMARK_OBJECT_RECOMMENDATION:
      waymark_recommendation_free ((WaymarkRecommendation *) object);
      break;
    default: g_assert_not_reached ();
    }
}

static void
list_change_free (WaymarkChange *change)
{
  ListChange *self = (ListChange *) change;

  if (!self->object_in_document)
    free_object (self->object);
  g_free (self->persona_id);
  g_free (self);
}

static const WaymarkChangeVTable list_change_vtable = {
  list_change_apply,
  list_change_revert,
  list_change_free,
};

/* Moves an object within its list. */
typedef struct {
  WaymarkChange parent;
  WaymarkObjectKind kind;
  char *persona_id;
  guint from;
  guint to;
} MoveChange;

static void
move_within (WaymarkDocument *self,
             MoveChange      *change,
             guint            from,
             guint            to)
{
  GPtrArray *list = waymark_document_list_for (self, change->kind, change->persona_id);
  WaymarkObject *object;

  g_return_if_fail (list != NULL && from < list->len && to < list->len);

  object = g_ptr_array_steal_index (list, from);
  g_ptr_array_insert (list, (int) to, object);
  waymark_document_emit_changed (self, change->persona_id, object->id);
}

static void
move_change_apply (WaymarkChange *change,
                   gpointer       target)
{
  MoveChange *self = (MoveChange *) change;
  move_within (target, self, self->from, self->to);
}

static void
move_change_revert (WaymarkChange *change,
                    gpointer       target)
{
  MoveChange *self = (MoveChange *) change;
  move_within (target, self, self->to, self->from);
}

static void
move_change_free (WaymarkChange *change)
{
  MoveChange *self = (MoveChange *) change;

  g_free (self->persona_id);
  g_free (self);
}

static const WaymarkChangeVTable move_change_vtable = {
  move_change_apply,
  move_change_revert,
  move_change_free,
};

/* Replaces the emotion point of one lane and phase: NULL on either side
 * means no point. */
typedef struct {
  WaymarkChange parent;
  char *persona_id;
  WaymarkEmotionPoint *old_point;
  WaymarkEmotionPoint *new_point;
} EmotionChange;

static void
emotion_change_set (WaymarkDocument           *self,
                    EmotionChange             *change,
                    const WaymarkEmotionPoint *from,
                    const WaymarkEmotionPoint *to)
{
  WaymarkPersona *persona = waymark_document_find_persona (self, change->persona_id);
  const WaymarkEmotionPoint *key = from != NULL ? from : to;

  g_return_if_fail (persona != NULL && key != NULL);

  for (guint i = 0; i < persona->emotions->len; i++)
    {
      WaymarkEmotionPoint *point = g_ptr_array_index (persona->emotions, i);
      if (g_str_equal (point->lane_id, key->lane_id) && g_str_equal (point->phase_id, key->phase_id))
        {
          if (to != NULL)
            {
              point->score = to->score;
              g_free (point->label);
              point->label = g_strdup (to->label);
            }
          else
            g_ptr_array_remove_index (persona->emotions, i);
          waymark_document_emit_changed (self, change->persona_id, key->lane_id);
          return;
        }
    }

  g_return_if_fail (to != NULL);
  g_ptr_array_add (persona->emotions, waymark_emotion_point_copy (to));
  waymark_document_emit_changed (self, change->persona_id, key->lane_id);
}

static void
emotion_change_apply (WaymarkChange *change,
                      gpointer       target)
{
  EmotionChange *self = (EmotionChange *) change;
  emotion_change_set (target, self, self->old_point, self->new_point);
}

static void
emotion_change_revert (WaymarkChange *change,
                       gpointer       target)
{
  EmotionChange *self = (EmotionChange *) change;
  emotion_change_set (target, self, self->new_point, self->old_point);
}

static void
emotion_change_free (WaymarkChange *change)
{
  EmotionChange *self = (EmotionChange *) change;

  g_free (self->persona_id);
  waymark_emotion_point_free (self->old_point);
  waymark_emotion_point_free (self->new_point);
  g_free (self);
}

static const WaymarkChangeVTable emotion_change_vtable = {
  emotion_change_apply,
  emotion_change_revert,
  emotion_change_free,
};

/* ------------------------------------------------------------------ */
/* Constructors                                                        */

static WaymarkChange *
field_change_new (const char   *object_id,
                  WaymarkField  field,
                  gboolean      ids,
                  Value         old_value,
                  Value         new_value)
{
  FieldChange *change = g_new0 (FieldChange, 1);

  change->parent.vtable = &field_change_vtable;
  change->object_id = g_strdup (object_id);
  change->field = field;
  change->ids = ids;
  change->old_value = old_value;
  change->new_value = new_value;
  return &change->parent;
}

WaymarkChange *
waymark_text_change_new (const char   *object_id,
                         WaymarkField  field,
                         const char   *old_value,
                         const char   *new_value)
{
  return field_change_new (object_id, field, FALSE,
                           (Value) { VALUE_TEXT, g_strdup (old_value), 0, NULL },
                           (Value) { VALUE_TEXT, g_strdup (new_value), 0, NULL });
}

WaymarkChange *
waymark_int_change_new (const char   *object_id,
                        WaymarkField  field,
                        int           old_value,
                        int           new_value)
{
  return field_change_new (object_id, field, FALSE,
                           (Value) { VALUE_INT, NULL, old_value, NULL },
                           (Value) { VALUE_INT, NULL, new_value, NULL });
}

WaymarkChange *
waymark_ids_change_new (const char *object_id,
                        GStrv       old_ids,
                        GStrv       new_ids)
{
  return field_change_new (object_id, 0, TRUE,
                           (Value) { VALUE_STRV, NULL, 0, old_ids },
                           (Value) { VALUE_STRV, NULL, 0, new_ids });
}

WaymarkChange *
waymark_list_field_change_new (const char   *persona_id,
                               WaymarkField  field,
                               GStrv         old_items,
                               GStrv         new_items)
{
  return field_change_new (persona_id, field, FALSE,
                           (Value) { VALUE_STRV, NULL, 0, old_items },
                           (Value) { VALUE_STRV, NULL, 0, new_items });
}

WaymarkChange *
waymark_list_change_new (gboolean       is_removal,
                         const char    *persona_id,
                         WaymarkObject *object,
                         guint          index)
{
  ListChange *change = g_new0 (ListChange, 1);

  change->parent.vtable = &list_change_vtable;
  change->is_removal = is_removal;
  change->object_in_document = is_removal;
  change->kind = object->kind;
  change->persona_id = g_strdup (persona_id);
  change->object = object;
  change->index = index;
  return &change->parent;
}

WaymarkChange *
waymark_move_change_new (WaymarkObjectKind  kind,
                         const char        *persona_id,
                         guint              from,
                         guint              to)
{
  MoveChange *change = g_new0 (MoveChange, 1);

  change->parent.vtable = &move_change_vtable;
  change->kind = kind;
  change->persona_id = g_strdup (persona_id);
  change->from = from;
  change->to = to;
  return &change->parent;
}

WaymarkChange *
waymark_emotion_change_new (const char          *persona_id,
                            WaymarkEmotionPoint *old_point,
                            WaymarkEmotionPoint *new_point)
{
  EmotionChange *change = g_new0 (EmotionChange, 1);

  g_return_val_if_fail (old_point != NULL || new_point != NULL, NULL);

  change->parent.vtable = &emotion_change_vtable;
  change->persona_id = g_strdup (persona_id);
  change->old_point = old_point;
  change->new_point = new_point;
  return &change->parent;
}
