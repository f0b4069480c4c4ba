/* document-test-util.c: what the document's tests share
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "document-test-util.h"
#include "waymark-format.h"

char *
document_test_serialise (WaymarkDocument *doc)
{
  g_autoptr (GBytes) bytes = waymark_format_save_to_bytes (doc);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

void
document_test_assert_step (WaymarkDocument *doc,
                           const char      *before,
                           const char      *label)
{
  WaymarkHistory *history = waymark_document_get_history (doc);
  g_autofree char *after = document_test_serialise (doc);
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  guint steps = waymark_history_get_n_undo (history);

  g_assert_cmpstr (before, !=, after);
  if (label != NULL)
    g_assert_cmpstr (waymark_history_get_undo_label (history), ==, label);
  g_assert_true (waymark_document_undo (doc));
  g_assert_cmpuint (waymark_history_get_n_undo (history), ==, steps - 1);
  undone = document_test_serialise (doc);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (waymark_document_redo (doc));
  redone = document_test_serialise (doc);
  g_assert_cmpstr (redone, ==, after);
}
