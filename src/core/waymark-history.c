/* waymark-history.c: undo and redo of document changes
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "waymark-history.h"

/* One undo step: the changes of one gesture, applied in order and
 * reverted in reverse order. */
typedef struct {
  char *label;
  GPtrArray *changes; /* WaymarkChange*, owned */
} Step;

struct _WaymarkHistory {
  GObject parent_instance;

  gpointer target;
  GPtrArray *steps;   /* Step*; [0, position) can be undone, [position, len) redone */
  guint position;
  /* The position at which the document was saved, or -1 when that state
   * can no longer be reached (its redo steps were dropped). */
  int saved_position;
  guint group_depth;
  Step *open_step;    /* the group being recorded, not yet in steps */
};

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (WaymarkHistory, waymark_history, G_TYPE_OBJECT)

static void
change_free (gpointer data)
{
  WaymarkChange *change = data;
  change->vtable->free (change);
}

static Step *
step_new (const char *label)
{
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label != NULL ? label : "");
  step->changes = g_ptr_array_new_with_free_func (change_free);
  return step;
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->label);
  g_ptr_array_unref (step->changes);
  g_free (step);
}

/* Every property derives from position and saved_position, so notifying
 * all of them after a move is simpler than tracking which changed;
 * GObject coalesces nothing here, but listeners are few. */
static void
notify_state (WaymarkHistory *self)
{
  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 1; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

static void
waymark_history_finalize (GObject *object)
{
  WaymarkHistory *self = WAYMARK_HISTORY (object);

  g_clear_pointer (&self->open_step, step_free);
  g_ptr_array_unref (self->steps);

  G_OBJECT_CLASS (waymark_history_parent_class)->finalize (object);
}

static void
waymark_history_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  WaymarkHistory *self = WAYMARK_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, waymark_history_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, waymark_history_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, waymark_history_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, waymark_history_get_redo_label (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, waymark_history_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
waymark_history_class_init (WaymarkHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = waymark_history_finalize;
  object_class->get_property = waymark_history_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
waymark_history_init (WaymarkHistory *self)
{
  self->steps = g_ptr_array_new_with_free_func (step_free);
}

WaymarkHistory *
waymark_history_new (gpointer target)
{
  WaymarkHistory *self = g_object_new (WAYMARK_TYPE_HISTORY, NULL);

  self->target = target;
  return self;
}

static void
drop_redo_steps (WaymarkHistory *self)
{
  if (self->position == self->steps->len)
    return;
  if (self->saved_position > (int) self->position)
    self->saved_position = -1;
  g_ptr_array_set_size (self->steps, self->position);
}

static void
commit_step (WaymarkHistory *self,
             Step           *step)
{
  if (step->changes->len == 0)
    {
      step_free (step);
      return;
    }
  drop_redo_steps (self);
  g_ptr_array_add (self->steps, step);
  self->position = self->steps->len;
  notify_state (self);
}

void
waymark_history_begin_group (WaymarkHistory *self,
                             const char     *label)
{
  g_return_if_fail (WAYMARK_IS_HISTORY (self));

  if (self->group_depth++ == 0)
    self->open_step = step_new (label);
}

void
waymark_history_end_group (WaymarkHistory *self)
{
  g_return_if_fail (WAYMARK_IS_HISTORY (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth == 0)
    commit_step (self, g_steal_pointer (&self->open_step));
}

void
waymark_history_push (WaymarkHistory *self,
                      const char     *label,
                      WaymarkChange  *change)
{
  g_return_if_fail (WAYMARK_IS_HISTORY (self));
  g_return_if_fail (change != NULL);

  if (self->open_step != NULL)
    {
      g_ptr_array_add (self->open_step->changes, change);
      return;
    }

  {
    Step *step = step_new (label);
    g_ptr_array_add (step->changes, change);
    commit_step (self, step);
  }
}

gboolean
waymark_history_undo (WaymarkHistory *self)
{
  Step *step;

  g_return_val_if_fail (WAYMARK_IS_HISTORY (self), FALSE);
  /* Undoing in the middle of a gesture would revert half of it. */
  g_return_val_if_fail (self->group_depth == 0, FALSE);

  if (self->position == 0)
    return FALSE;

  step = g_ptr_array_index (self->steps, self->position - 1);
  for (guint i = step->changes->len; i > 0; i--)
    {
      WaymarkChange *change = g_ptr_array_index (step->changes, i - 1);
      change->vtable->revert (change, self->target);
    }
  self->position--;
  notify_state (self);
  return TRUE;
}

gboolean
waymark_history_redo (WaymarkHistory *self)
{
  Step *step;

  g_return_val_if_fail (WAYMARK_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);

  if (self->position == self->steps->len)
    return FALSE;

  step = g_ptr_array_index (self->steps, self->position);
  for (guint i = 0; i < step->changes->len; i++)
    {
      WaymarkChange *change = g_ptr_array_index (step->changes, i);
      change->vtable->apply (change, self->target);
    }
  self->position++;
  notify_state (self);
  return TRUE;
}

gboolean
waymark_history_get_can_undo (WaymarkHistory *self)
{
  g_return_val_if_fail (WAYMARK_IS_HISTORY (self), FALSE);
  return self->position > 0;
}

gboolean
waymark_history_get_can_redo (WaymarkHistory *self)
{
  g_return_val_if_fail (WAYMARK_IS_HISTORY (self), FALSE);
  return self->position < self->steps->len;
}

const char *
waymark_history_get_undo_label (WaymarkHistory *self)
{
  g_return_val_if_fail (WAYMARK_IS_HISTORY (self), NULL);
  if (self->position == 0)
    return NULL;
  return ((Step *) g_ptr_array_index (self->steps, self->position - 1))->label;
}

const char *
waymark_history_get_redo_label (WaymarkHistory *self)
{
  g_return_val_if_fail (WAYMARK_IS_HISTORY (self), NULL);
  if (self->position == self->steps->len)
    return NULL;
  return ((Step *) g_ptr_array_index (self->steps, self->position))->label;
}

void
waymark_history_mark_saved (WaymarkHistory *self)
{
  g_return_if_fail (WAYMARK_IS_HISTORY (self));
  self->saved_position = self->position;
  notify_state (self);
}

gboolean
waymark_history_get_modified (WaymarkHistory *self)
{
  g_return_val_if_fail (WAYMARK_IS_HISTORY (self), FALSE);
  return self->saved_position != (int) self->position;
}

void
waymark_history_clear (WaymarkHistory *self)
{
  g_return_if_fail (WAYMARK_IS_HISTORY (self));
  g_return_if_fail (self->group_depth == 0);

  g_ptr_array_set_size (self->steps, 0);
  self->position = 0;
  self->saved_position = 0;
  notify_state (self);
}

guint
waymark_history_get_n_undo (WaymarkHistory *self)
{
  g_return_val_if_fail (WAYMARK_IS_HISTORY (self), 0);
  return self->position;
}
