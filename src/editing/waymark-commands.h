/* waymark-commands.h: the edits the canvas, sidebar and inspector make
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "waymark-document.h"

G_BEGIN_DECLS

/* GTK-free, so that the tests check every command with undo and redo
 * without a display. Each command is one undo step with a label the
 * Edit menu shows ("Undo Duplicate Cards"): it wraps its document edits
 * in a group. The returned ids belong to the document. */

/* Adds an empty (or @text) card at @position (-1: the end) of a cell. */
const char *waymark_command_add_card        (WaymarkDocument    *document,
                                             const char         *persona_id,
                                             const char         *lane_id,
                                             const char         *phase_id,
                                             int                 position,
                                             const char         *text);
/* Deletes the cards; returns how many were deleted. */
guint       waymark_command_delete_cards    (WaymarkDocument    *document,
                                             const char * const *card_ids);
/* Puts a copy of each card right after it in its cell. Returns the ids of
 * the copies (free the array with g_ptr_array_unref; the strings belong to
 * the document). */
GPtrArray  *waymark_command_duplicate_cards (WaymarkDocument    *document,
                                             const char * const *card_ids);
/* A copy of the card in another cell (Ctrl-drag). */
const char *waymark_command_copy_card_to    (WaymarkDocument    *document,
                                             const char         *card_id,
                                             const char         *lane_id,
                                             const char         *phase_id,
                                             int                 position);
/* Moves several cards into a cell, in their order, starting at @position. */
gboolean    waymark_command_move_cards      (WaymarkDocument    *document,
                                             const char * const *card_ids,
                                             const char         *lane_id,
                                             const char         *phase_id,
                                             int                 position);
/* Sets the colour of several cards ("" for the lane's). */
gboolean    waymark_command_set_cards_color (WaymarkDocument    *document,
                                             const char * const *card_ids,
                                             const char         *color);
/* How many phases of personas other than @except_persona_id (may be NULL)
 * are called @name: what renaming a phase in one persona offers to rename
 * in the others. */
guint       waymark_command_count_phases_named (WaymarkDocument *document,
                                                const char      *name,
                                                const char      *except_persona_id);
/* Renames every phase called @old_name, in every persona, to @new_name:
 * one step of the history. Returns how many were renamed. */
guint       waymark_command_rename_phases   (WaymarkDocument    *document,
                                             const char         *old_name,
                                             const char         *new_name);
/* Adds or removes @tag_id on the cards. */
gboolean    waymark_command_toggle_tag      (WaymarkDocument    *document,
                                             const char * const *card_ids,
                                             const char         *tag_id,
                                             gboolean            active);

/* Phases. A new phase is called "Phase N"; returns its id. */
const char *waymark_command_add_phase       (WaymarkDocument    *document,
                                             const char         *persona_id,
                                             const char         *relative_to,
                                             gboolean            after);
/* Moves a phase by @delta places (-1 left, +1 right). */
gboolean    waymark_command_shift_phase     (WaymarkDocument    *document,
                                             const char         *phase_id,
                                             int                 delta);

/* Lanes: a new lane of @kind below (or above) @relative_to (NULL: at the end). */
const char *waymark_command_add_lane        (WaymarkDocument    *document,
                                             const char         *persona_id,
                                             WaymarkLaneKind     kind,
                                             const char         *relative_to,
                                             gboolean            after);
gboolean    waymark_command_shift_lane      (WaymarkDocument    *document,
                                             const char         *lane_id,
                                             int                 delta);

/* Personas. "Add" copies the phases and lanes (not the cards or emotion
 * points) of @template_id (NULL: an empty persona). Returns the new id. */
const char *waymark_command_add_persona     (WaymarkDocument    *document,
                                             const char         *template_id);
/* A full copy of the persona, put right after it. */
const char *waymark_command_duplicate_persona (WaymarkDocument  *document,
                                               const char       *persona_id);
gboolean    waymark_command_shift_persona   (WaymarkDocument    *document,
                                             const char         *persona_id,
                                             int                 delta);

/* The @n-th colour of the fixed set new personas, tags and domains get
 * theirs from ("#rrggbb", static); it repeats after a few. */
const char *waymark_command_pick_color      (guint               n);

/* Tags of the document: a new tag with a colour from a fixed set. */
const char *waymark_command_add_tag         (WaymarkDocument    *document,
                                             const char         *name);

/* Changes the span so that the card ends in phase @last_phase_id. */
gboolean    waymark_command_span_to_phase   (WaymarkDocument    *document,
                                             const char         *card_id,
                                             const char         *last_phase_id);

G_END_DECLS
