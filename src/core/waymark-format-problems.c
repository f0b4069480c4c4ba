/* waymark-format-problems.c: collecting the problems of one file
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading reports every problem of a file rather than only the first
 * (`waymark validate` lists them all), but no more than
 * WAYMARK_FORMAT_MAX_PROBLEMS of them: a hostile file could otherwise
 * produce millions. The checker collects them from every stage of the
 * loader, which all report through it.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-format-private.h"

void
waymark_format_checker_init (WaymarkFormatChecker *checker,
                             GFile                *file,
                             const char           *display_name)
{
  g_autofree char *parse_name = NULL;

  if (display_name == NULL)
    display_name = file != NULL ? (parse_name = g_file_get_parse_name (file)) : "(memory)";
  /* The name ends up in terminal output: make sure it is valid UTF-8. */
  checker->display_name = g_utf8_make_valid (display_name, -1);
  checker->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_problem_free);
  checker->n_dropped = 0;
  checker->saw_dtd = FALSE;
  checker->cut_line = checker->cut_column = 0;
}

static void
checker_clear (WaymarkFormatChecker *checker)
{
  g_clear_pointer (&checker->display_name, g_free);
  g_clear_pointer (&checker->problems, g_ptr_array_unref);
}

WaymarkProblem *
waymark_format_problem_new (WaymarkFormatChecker *checker,
                            long                  line,
                            long                  column,
                            WaymarkFormatError    code,
                            char                 *message)
{
  guint at_line = line > 0 ? (guint) MIN (line, G_MAXUINT) : 0;
  guint at_column = at_line == 0 ? 0 : (column > 0 ? (guint) MIN (column, G_MAXUINT) : 1);

  return waymark_problem_new (checker->display_name, at_line, at_column, WAYMARK_PROBLEM_ERROR,
                              WAYMARK_FORMAT_ERROR, code, message);
}

void
waymark_format_report_take (WaymarkFormatChecker *checker,
                            long                  line,
                            long                  column,
                            WaymarkFormatError    code,
                            char                 *message)
{
  if (checker->problems->len >= WAYMARK_FORMAT_MAX_PROBLEMS)
    {
      checker->n_dropped++;
      g_free (message);
      return;
    }
  g_ptr_array_add (checker->problems,
                   waymark_format_problem_new (checker, line, column, code, message));
}

void
waymark_format_report (WaymarkFormatChecker *checker,
                       long                  line,
                       long                  column,
                       WaymarkFormatError    code,
                       const char           *format,
                       ...)
{
  va_list args;

  va_start (args, format);
  waymark_format_report_take (checker, line, column, code, g_strdup_vprintf (format, args));
  va_end (args);
}

/* libxml2's messages end in a newline and some span lines. */
char *
waymark_format_tidy_libxml_message (const char *message)
{
  g_autofree char *valid = g_utf8_make_valid (message != NULL ? message : "", -1);
  GString *tidy = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = valid; *p != '\0'; p++)
    {
      if (*p == '\n' || *p == '\r' || *p == '\t' || *p == ' ')
        {
          space = TRUE;
          continue;
        }
      if (space && tidy->len > 0)
        g_string_append_c (tidy, ' ');
      space = FALSE;
      g_string_append_c (tidy, *p);
    }
  /* Advice for programmers, not for someone with a broken file. */
  if (g_str_has_suffix (tidy->str, " use XML_PARSE_HUGE option"))
    g_string_truncate (tidy, tidy->len - strlen (" use XML_PARSE_HUGE option"));
  return g_string_free (tidy, FALSE);
}

/* By line, then column: the order of the file. */
static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const WaymarkProblem *pa = *(WaymarkProblem **) a;
  const WaymarkProblem *pb = *(WaymarkProblem **) b;

  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;
  if (pa->column != pb->column)
    return pa->column < pb->column ? -1 : 1;
  return 0;
}

GPtrArray *
waymark_format_checker_finish (WaymarkFormatChecker *checker)
{
  GPtrArray *problems;

  g_ptr_array_sort (checker->problems, compare_problems);
  if (checker->n_dropped > 0)
    {
      WaymarkProblem *first = g_ptr_array_index (checker->problems, 0);
      char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "%u more problem not shown",
                                                    "%u more problems not shown",
                                                    checker->n_dropped),
                                       checker->n_dropped);

      g_ptr_array_add (checker->problems,
                       waymark_format_problem_new (checker, 0, 0,
                                                   (WaymarkFormatError) first->code, message));
    }
  problems = g_steal_pointer (&checker->problems);
  checker_clear (checker);
  return problems;
}
