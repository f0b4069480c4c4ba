/* waymark-problem.h: one thing wrong with a file someone gave Waymark
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  WAYMARK_PROBLEM_ERROR,    /* the file is refused */
  WAYMARK_PROBLEM_WARNING,  /* said, but nothing is refused for it */
} WaymarkProblemSeverity;

/* One problem with a file, as the document loader (waymark-format.h)
 * and the CSV importer (waymark-csv.h) collect them: every problem of a
 * file at once rather than only the first. @line is 1-based, 0 when the
 * problem is with the file as a whole (missing, a directory, too large);
 * @column is 1-based too, 0 when only the line is known (a CSV row).
 * @domain and @code are those of the GError the problem would be
 * (WAYMARK_FORMAT_ERROR, WAYMARK_CSV_ERROR). */
typedef struct {
  char                   *file;     /* the display name */
  guint                   line;
  guint                   column;
  WaymarkProblemSeverity  severity;
  GQuark                  domain;
  int                     code;
  char                   *message;  /* without the location */
} WaymarkProblem;

/* A new problem; takes @message. */
WaymarkProblem *waymark_problem_new        (const char             *file,
                                            guint                   line,
                                            guint                   column,
                                            WaymarkProblemSeverity  severity,
                                            GQuark                  domain,
                                            int                     code,
                                            char                   *message);
void            waymark_problem_free       (WaymarkProblem         *problem);

/* The problem as a compiler would say it: "FILE:LINE:COL: error: message",
 * "FILE:LINE: warning: message" without a column, "FILE: error: message"
 * without a line. The severity is translated; the rest is not. */
char           *waymark_problem_to_string  (const WaymarkProblem   *problem);

/* Sets @error from the errors among @problems (WaymarkProblem*, warnings
 * left out): the first error's domain and code, and a message listing
 * every error, one a line, as waymark_problem_to_string() says them, or
 * without the severity ("FILE:LINE:COL: message") unless
 * @with_severity. Returns FALSE, leaving @error unset, when there is no
 * error among them. */
gboolean        waymark_problems_set_error (GPtrArray              *problems,
                                            gboolean                with_severity,
                                            GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkProblem, waymark_problem_free)

G_END_DECLS
