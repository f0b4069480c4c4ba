/* waymark-format-schema.c: the RELAX NG schema compiled into the program
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * data/waymark.rng is the format's specification, carried in the program
 * so that `waymark` and its tests never depend on what is installed. The
 * loader checks its rules in code while it reads
 * (waymark-format-grammar.c); its problems are merged here with those of
 * the semantic pass (waymark-format-reader.c).
 */
#include "config.h"

#include <string.h>

#include "waymark-core-resources.h"
#include "waymark-format-private.h"

#define SCHEMA_RESOURCE "/org/waymark/Waymark/core/waymark.rng"

GBytes *
waymark_format_get_schema (void)
{
  return g_resource_lookup_data (waymark_core_get_resource (), SCHEMA_RESOURCE,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

gboolean
waymark_format_is_color (const char *value)
{
  if (strlen (value) != 7 || value[0] != '#')
    return FALSE;
  for (int i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (value[i]))
      return FALSE;
  return TRUE;
}

/* One mistake can break several rules (a missing attribute is also a
 * reference that resolves to nothing): keep the schema's first problem
 * per line, and none on a line the semantic pass already explained, in
 * its own words. */
void
waymark_format_merge_schema_problems (WaymarkFormatChecker *checker,
                                      GHashTable           *semantic_lines,
                                      GPtrArray            *schema_problems)
{
  g_autoptr (GHashTable) lines = g_hash_table_new (NULL, NULL);
  gboolean any_located = FALSE;

  for (guint i = 0; i < schema_problems->len; i++)
    any_located |= ((WaymarkProblem *) g_ptr_array_index (schema_problems, i))->line > 0;

  for (guint i = 0; i < schema_problems->len; i++)
    {
      WaymarkProblem *problem = g_ptr_array_index (schema_problems, i);
      gpointer line = GINT_TO_POINTER ((int) MIN (problem->line, G_MAXINT));

      if ((problem->line == 0 && (any_located || checker->problems->len > 0)) ||
          g_hash_table_contains (semantic_lines, line) ||
          g_hash_table_contains (lines, line))
        continue;
      g_hash_table_add (lines, line);
      waymark_format_report_take (checker, problem->line, problem->column,
                                  (WaymarkFormatError) problem->code, g_strdup (problem->message));
    }
}
