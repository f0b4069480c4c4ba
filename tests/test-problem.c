/* test-problem.c: how a problem with a file is put into words
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document loader, the CSV importer and the command line all say a
 * problem the same way; test-format.c, test-csv.c and test-cli.c check
 * the lines each of them produces.
 */
#include "config.h"

#include "waymark-csv.h"
#include "waymark-format.h"

static GPtrArray *
new_problems (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_problem_free);
}

static void
assert_says (WaymarkProblem *problem,
             const char     *expected)
{
  g_autoptr (WaymarkProblem) owned = problem;
  g_autofree char *text = waymark_problem_to_string (owned);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_to_string (void)
{
  assert_says (waymark_problem_new ("map.waymark", 3, 7, WAYMARK_PROBLEM_ERROR,
                                    WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_SEMANTIC,
                                    g_strdup ("duplicate id")),
               "map.waymark:3:7: error: duplicate id");
  assert_says (waymark_problem_new ("cards.csv", 4, 0, WAYMARK_PROBLEM_WARNING,
                                    WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_INVALID,
                                    g_strdup ("an unknown column")),
               "cards.csv:4: warning: an unknown column");
  assert_says (waymark_problem_new ("gone.waymark", 0, 0, WAYMARK_PROBLEM_ERROR,
                                    WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_IO,
                                    g_strdup ("no such file")),
               "gone.waymark: error: no such file");
  /* A column without a line says nothing. */
  assert_says (waymark_problem_new ("big.csv", 0, 5, WAYMARK_PROBLEM_ERROR, WAYMARK_CSV_ERROR,
                                    WAYMARK_CSV_ERROR_TOO_LARGE, g_strdup ("too large")),
               "big.csv: error: too large");
}

static void
test_set_error (void)
{
  g_autoptr (GPtrArray) problems = new_problems ();
  g_autoptr (GError) error = NULL;

  g_ptr_array_add (problems, waymark_problem_new ("t.csv", 1, 0, WAYMARK_PROBLEM_WARNING,
                                                  WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_INVALID,
                                                  g_strdup ("ignored")));
  g_assert_false (waymark_problems_set_error (problems, TRUE, &error));
  g_assert_no_error (error);

  g_ptr_array_add (problems, waymark_problem_new ("t.csv", 2, 0, WAYMARK_PROBLEM_ERROR,
                                                  WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_TOO_LARGE,
                                                  g_strdup ("first")));
  g_ptr_array_add (problems, waymark_problem_new ("t.csv", 3, 0, WAYMARK_PROBLEM_ERROR,
                                                  WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_INVALID,
                                                  g_strdup ("second")));
  /* Warnings are left out; the first error gives the code. */
  g_assert_true (waymark_problems_set_error (problems, TRUE, &error));
  g_assert_error (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "t.csv:2: error: first\nt.csv:3: error: second");
  g_clear_error (&error);

  g_assert_true (waymark_problems_set_error (problems, FALSE, &error));
  g_assert_cmpstr (error->message, ==, "t.csv:2: first\nt.csv:3: second");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/problem/to-string", test_to_string);
  g_test_add_func ("/problem/set-error", test_set_error);

  return g_test_run ();
}
