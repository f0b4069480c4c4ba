/* waymark-history.h: undo and redo of document changes
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* One reversible change. Implementations embed this as their first member.
 * The history only calls these functions; it never knows what they touch. */
typedef struct _WaymarkChange WaymarkChange;

typedef struct {
  void (*apply)  (WaymarkChange *change, gpointer target);
  void (*revert) (WaymarkChange *change, gpointer target);
  void (*free)   (WaymarkChange *change);
} WaymarkChangeVTable;

struct _WaymarkChange {
  const WaymarkChangeVTable *vtable;
};

#define WAYMARK_TYPE_HISTORY (waymark_history_get_type ())
G_DECLARE_FINAL_TYPE (WaymarkHistory, waymark_history, WAYMARK, HISTORY, GObject)

/* A history whose changes act on @target (not referenced). */
WaymarkHistory *waymark_history_new            (gpointer        target);

/* Opens a group: the changes pushed until the matching end_group form one
 * undo step called @label. Groups nest; the outermost label wins. */
void            waymark_history_begin_group    (WaymarkHistory *self,
                                                const char     *label);
void            waymark_history_end_group      (WaymarkHistory *self);

/* Records @change, which the caller has just applied; takes ownership.
 * Outside a group it becomes a step of its own called @label.
 * Clears the redo steps. */
void            waymark_history_push           (WaymarkHistory *self,
                                                const char     *label,
                                                WaymarkChange  *change);

/* Reverts or re-applies one step; FALSE when there is none. */
gboolean        waymark_history_undo           (WaymarkHistory *self);
gboolean        waymark_history_redo           (WaymarkHistory *self);

gboolean        waymark_history_get_can_undo   (WaymarkHistory *self);
gboolean        waymark_history_get_can_redo   (WaymarkHistory *self);
/* The label of the step that undo or redo would take, or NULL. */
const char     *waymark_history_get_undo_label (WaymarkHistory *self);
const char     *waymark_history_get_redo_label (WaymarkHistory *self);

/* The saved-state marker: the document is unmodified while the history is
 * at the step where it was last marked. */
void            waymark_history_mark_saved     (WaymarkHistory *self);
gboolean        waymark_history_get_modified   (WaymarkHistory *self);

/* Forgets every step (after loading a file) and marks the state saved. */
void            waymark_history_clear          (WaymarkHistory *self);

/* Number of undo steps, for tests and the benchmark. */
guint           waymark_history_get_n_undo     (WaymarkHistory *self);

G_END_DECLS
