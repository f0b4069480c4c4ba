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
  GPtrArray *domains;    /* WaymarkDomain*, owned */
  GPtrArray *recommendations; /* WaymarkRecommendation*, owned */
  GHashTable *card_links; /* card id -> GPtrArray of the recommendations that
                           * address it; built when asked, dropped at every
                           * change (waymark_document_emit_changed()) */
  GHashTable *objects;   /* id (borrowed from the object) -> WaymarkObject* */
  guint next_id;

  WaymarkHistory *history;
};

/* waymark-document.c */
void           waymark_document_emit_changed   (WaymarkDocument   *self,
                                                const char        *persona_id,
                                                const char        *object_id);
/* Applies @change, which it takes, and pushes it onto the history. */
void           waymark_document_record         (WaymarkDocument   *self,
                                                const char        *label,
                                                WaymarkChange     *change);
/* Inserts @object (a fresh "PREFIX-N" id when its own is taken) at @index
 * of @list (-1: the end); returns its id. */
const char    *waymark_document_insert_child   (WaymarkDocument   *self,
                                                const char        *label,
                                                const char        *prefix,
                                                const char        *persona_id,
                                                WaymarkObject     *object,
                                                GPtrArray         *list,
                                                int                index);
/* For the loader: appends @persona, which it takes, checked and with ids
 * of its own, without recording a change (a loaded document has no
 * history). */
void           waymark_document_adopt_persona  (WaymarkDocument   *self,
                                                WaymarkPersona    *persona);
/* Moves @object to @to in its list; FALSE when it is already there. */
gboolean       waymark_document_record_move    (WaymarkDocument   *self,
                                                const char        *label,
                                                WaymarkObject     *object,
                                                guint              to);
/* @ids that name objects of @kind, each once, in their order (@ids may be
 * NULL). */
GStrv          waymark_document_keep_known_ids (WaymarkDocument    *self,
                                                const char * const *ids,
                                                WaymarkObjectKind   kind);
/* @ids without those in the set @drop, or NULL when none of them is. */
GStrv          waymark_ids_without             (const char * const *ids,
                                                GHashTable         *drop);

/* Whether @object is a member of @group: a card of a cell, a
 * recommendation of a domain. */
typedef gboolean (*WaymarkGroupFunc) (gconstpointer object,
                                      gconstpointer group);
/* The index in @list at which an object goes to stand at @position among
 * the members of @group (-1: after the last), @list counted without
 * @moving (NULL for a new object): before the member now at @position,
 * after the group's last member, or at the end of @list when the group
 * has none. */
guint          waymark_list_group_index        (GPtrArray         *list,
                                                gconstpointer      moving,
                                                WaymarkGroupFunc   is_member,
                                                gconstpointer      group,
                                                int                position);

/* waymark-document-recommendations.c */
/* A WaymarkGroupFunc: a recommendation in the domain with id @group ("":
 * in none). */
gboolean       waymark_recommendation_in_domain (gconstpointer     object,
                                                 gconstpointer     group);
/* Takes the cards in the set @card_ids off every recommendation, as part
 * of the caller's undo step (before the cards are removed). */
void           waymark_document_unlink_cards   (WaymarkDocument   *self,
                                                GHashTable        *card_ids);
/* Leaves the recommendations of a domain in none (before it is removed). */
void           waymark_document_clear_domain   (WaymarkDocument   *self,
                                                const char        *domain_id);

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
/* The list fields of a persona's profile (WAYMARK_FIELD_GOALS ... _FACTS). */
gboolean       waymark_field_is_list           (WaymarkField       field);
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
/* Sets a list of ids: a card's tags or the cards a recommendation
 * addresses. Takes both lists. */
WaymarkChange *waymark_ids_change_new          (const char        *object_id,
                                                GStrv              old_ids,
                                                GStrv              new_ids);
/* An insertion takes @object; a removal takes it when applied. */
WaymarkChange *waymark_list_change_new         (gboolean           is_removal,
                                                const char        *persona_id,
                                                WaymarkObject     *object,
                                                guint              index);
WaymarkChange *waymark_move_change_new         (WaymarkObjectKind  kind,
                                                const char        *persona_id,
                                                guint              from,
                                                guint              to);
/* Sets a list field of a persona; takes both lists. For WAYMARK_FIELD_FACTS
 * the lists hold label and value in turn. */
WaymarkChange *waymark_list_field_change_new   (const char        *persona_id,
                                                WaymarkField       field,
                                                GStrv              old_items,
                                                GStrv              new_items);
/* A persona's list field as such a list; free with g_strfreev. */
GStrv          waymark_persona_dup_list_field  (const WaymarkPersona *persona,
                                                WaymarkField       field);
/* Takes both points; either may be NULL (no point), not both. */
WaymarkChange *waymark_emotion_change_new      (const char          *persona_id,
                                                WaymarkEmotionPoint *old_point,
                                                WaymarkEmotionPoint *new_point);

G_END_DECLS
