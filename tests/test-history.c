/* test-history.c: grouping, labels and the saved-state marker
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "waymark-history.h"

/* A change that adds a number to an int target. */
typedef struct {
  WaymarkChange parent;
  int delta;
} AddChange;

static void
add_apply (WaymarkChange *change, gpointer target)
{
  *(int *) target += ((AddChange *) change)->delta;
}

static void
add_revert (WaymarkChange *change, gpointer target)
{
  *(int *) target -= ((AddChange *) change)->delta;
}

static void
add_free (WaymarkChange *change)
{
  g_free (change);
}

static const WaymarkChangeVTable add_vtable = { add_apply, add_revert, add_free };

static void
push_add (WaymarkHistory *history, int *value, const char *label, int delta)
{
  AddChange *change = g_new0 (AddChange, 1);

  change->parent.vtable = &add_vtable;
  change->delta = delta;
  add_apply (&change->parent, value);
  waymark_history_push (history, label, &change->parent);
}

static void
test_undo_redo (void)
{
  int value = 0;
  WaymarkHistory *history = waymark_history_new (&value);

  g_assert_false (waymark_history_get_can_undo (history));
  g_assert_false (waymark_history_undo (history));

  push_add (history, &value, "One", 1);
  push_add (history, &value, "Ten", 10);
  g_assert_cmpint (value, ==, 11);
  g_assert_cmpstr (waymark_history_get_undo_label (history), ==, "Ten");

  g_assert_true (waymark_history_undo (history));
  g_assert_cmpint (value, ==, 1);
  g_assert_cmpstr (waymark_history_get_redo_label (history), ==, "Ten");
  g_assert_cmpstr (waymark_history_get_undo_label (history), ==, "One");

  g_assert_true (waymark_history_redo (history));
  g_assert_cmpint (value, ==, 11);
  g_assert_false (waymark_history_redo (history));

  /* A new change after an undo drops the redo steps. */
  g_assert_true (waymark_history_undo (history));
  push_add (history, &value, "Hundred", 100);
  g_assert_false (waymark_history_get_can_redo (history));
  g_assert_cmpint (value, ==, 101);

  g_assert_finalize_object (history);
}

static void
test_groups (void)
{
  int value = 0;
  WaymarkHistory *history = waymark_history_new (&value);

  waymark_history_begin_group (history, "Gesture");
  push_add (history, &value, "inner", 1);
  waymark_history_begin_group (history, "Nested");
  push_add (history, &value, "inner", 2);
  waymark_history_end_group (history);
  push_add (history, &value, "inner", 4);
  waymark_history_end_group (history);

  g_assert_cmpuint (waymark_history_get_n_undo (history), ==, 1);
  g_assert_cmpstr (waymark_history_get_undo_label (history), ==, "Gesture");
  g_assert_cmpint (value, ==, 7);
  waymark_history_undo (history);
  g_assert_cmpint (value, ==, 0);
  waymark_history_redo (history);
  g_assert_cmpint (value, ==, 7);

  /* An empty group records no step. */
  waymark_history_begin_group (history, "Nothing");
  waymark_history_end_group (history);
  g_assert_cmpuint (waymark_history_get_n_undo (history), ==, 1);

  g_assert_finalize_object (history);
}

static void
count_notify_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  (*(int *) user_data)++;
}

static void
test_saved_marker (void)
{
  int value = 0;
  int notified = 0;
  WaymarkHistory *history = waymark_history_new (&value);

  g_signal_connect (history, "notify::modified", G_CALLBACK (count_notify_cb), &notified);
  g_assert_false (waymark_history_get_modified (history));
  push_add (history, &value, "One", 1);
  g_assert_true (waymark_history_get_modified (history));
  g_assert_cmpint (notified, >, 0);

  waymark_history_mark_saved (history);
  g_assert_false (waymark_history_get_modified (history));
  waymark_history_undo (history);
  g_assert_true (waymark_history_get_modified (history));
  waymark_history_redo (history);
  g_assert_false (waymark_history_get_modified (history));

  /* Once the saved state's redo steps are dropped it is unreachable. */
  waymark_history_undo (history);
  push_add (history, &value, "Two", 2);
  g_assert_true (waymark_history_get_modified (history));
  waymark_history_undo (history);
  g_assert_true (waymark_history_get_modified (history));

  waymark_history_clear (history);
  g_assert_false (waymark_history_get_modified (history));
  g_assert_false (waymark_history_get_can_undo (history));

  g_assert_finalize_object (history);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/history/undo-redo", test_undo_redo);
  g_test_add_func ("/history/groups", test_groups);
  g_test_add_func ("/history/saved-marker", test_saved_marker);
  return g_test_run ();
}
