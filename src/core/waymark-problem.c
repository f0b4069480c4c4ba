/* waymark-problem.c: one thing wrong with a file someone gave Waymark
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "waymark-problem.h"

WaymarkProblem *
waymark_problem_new (const char             *file,
                     guint                   line,
                     guint                   column,
                     WaymarkProblemSeverity  severity,
                     GQuark                  domain,
                     int                     code,
                     char                   *message)
{
  WaymarkProblem problem = {
    .file = g_strdup (file),
    .line = line,
    .column = column,
    .severity = severity,
    .domain = domain,
    .code = code,
    .message = message,
  };

  return g_memdup2 (&problem, sizeof problem);
}

void
waymark_problem_free (WaymarkProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->file);
  g_free (problem->message);
  g_free (problem);
}

static char *
format_problem (const WaymarkProblem *problem,
                gboolean              with_severity)
{
  /* Translators: the severity of a problem with a file, as in
   * "map.waymark:3:1: error: duplicate id “phase-1”". */
  const char *severity = problem->severity == WAYMARK_PROBLEM_WARNING ? _("warning") : _("error");
  GString *text = g_string_new (problem->file);

  if (problem->line > 0)
    g_string_append_printf (text, ":%u", problem->line);
  if (problem->line > 0 && problem->column > 0)
    g_string_append_printf (text, ":%u", problem->column);
  g_string_append (text, ": ");
  if (with_severity)
    g_string_append_printf (text, "%s: ", severity);
  g_string_append (text, problem->message);
  return g_string_free (text, FALSE);
}

char *
waymark_problem_to_string (const WaymarkProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  return format_problem (problem, TRUE);
}

gboolean
waymark_problems_set_error (GPtrArray  *problems,
                            gboolean    with_severity,
                            GError    **error)
{
  const WaymarkProblem *first = NULL;
  g_autoptr (GString) message = g_string_new (NULL);

  g_return_val_if_fail (problems != NULL, FALSE);

  for (guint i = 0; i < problems->len; i++)
    {
      const WaymarkProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *line = NULL;

      if (problem->severity != WAYMARK_PROBLEM_ERROR)
        continue;
      if (first == NULL)
        first = problem;
      else
        g_string_append_c (message, '\n');
      line = format_problem (problem, with_severity);
      g_string_append (message, line);
    }
  if (first == NULL)
    return FALSE;
  g_set_error_literal (error, first->domain, first->code, message->str);
  return TRUE;
}
