/* waymark-document-private.h: what the document's files share
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "waymark-document.h"

G_BEGIN_DECLS

struct _WaymarkDocument {
  GObject parent_instance;

  char *title;
  char *description;
  char *author;
  char *language;
  int column_width;
  GDateTime *created;
  GDateTime *modified;

  GPtrArray *personas;   /* WaymarkPersona*, owned */
  GPtrArray *tags;       /* WaymarkTag*, owned */
  GHashTable *objects;   /* id (borrowed from the object) -> WaymarkObject* */
  guint next_id;

  WaymarkHistory *history;
};

/* waymark-document.c */
void           waymark_document_emit_changed   (WaymarkDocument   *self,
                                                const char        *persona_id,
                                                const char        *object_id);

/* waymark-document-changes.c: the primitive changes. Each constructor
 * returns a change that has not been applied yet. */
void           waymark_document_index_persona  (WaymarkDocument   *self,
                                                WaymarkPersona    *persona,
                                                gboolean           add);
/* The id of the persona that owns a phase, lane or card; NULL otherwise. */
const char    *waymark_object_get_persona_id   (WaymarkObject     *object);
/* The list that holds objects of @kind (of @persona_id's persona). */
GPtrArray     *waymark_document_list_for       (WaymarkDocument   *self,
                                                WaymarkObjectKind  kind,
                                                const char        *persona_id);
gboolean       waymark_field_is_int            (WaymarkField       field);
/* Where @field of @object (NULL: the document) lives: exactly one of the
 * slots is set. FALSE when the object has no such field. */
gboolean       waymark_document_field_slot     (WaymarkDocument   *self,
                                                WaymarkObject     *object,
                                                WaymarkField       field,
                                                char            ***text_slot,
                                                int              **int_slot);
WaymarkChange *waymark_text_change_new         (const char        *object_id,
                                                WaymarkField       field,
                                                const char        *old_value,
                                                const char        *new_value);
WaymarkChange *waymark_int_change_new          (const char        *object_id,
                                                WaymarkField       field,
                                                int                old_value,
                                                int                new_value);
/* Takes both tag lists. */
WaymarkChange *waymark_tags_change_new         (const char        *card_id,
                                                GStrv              old_tags,
                                                GStrv              new_tags);
/* An insertion takes @object; a removal takes it when applied. */
WaymarkChange *waymark_list_change_new         (gboolean           is_removal,
                                                const char        *persona_id,
                                                WaymarkObject     *object,
                                                guint              index);
WaymarkChange *waymark_move_change_new         (WaymarkObjectKind  kind,
                                                const char        *persona_id,
                                                guint              from,
                                                guint              to);
/* Takes both points; either may be NULL (no point), not both. */
WaymarkChange *waymark_emotion_change_new      (const char          *persona_id,
                                                WaymarkEmotionPoint *old_point,
                                                WaymarkEmotionPoint *new_point);

G_END_DECLS
