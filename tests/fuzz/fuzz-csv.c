/* fuzz-csv.c: libFuzzer harness for the CSV importer
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes: import them (never a crash, hang or leak; a refusal comes
 * with problems). What the importer builds must be a real document: it
 * saves to a .waymark that loads again, and its CSV export imports again
 * to the same CSV (the table is a faithful view of the document).
 */
#include "config.h"

#include "fuzz-common.h"
#include "waymark-csv.h"
#include "waymark-format.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

static void
print_problems (GPtrArray *problems)
{
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      g_autofree char *line = waymark_problem_to_string (g_ptr_array_index (problems, i));

      g_printerr ("  %s\n", line);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GBytes) input = g_bytes_new_static (data, size);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) problems2 = NULL;
  g_autoptr (WaymarkDocument) document = NULL;
  g_autoptr (WaymarkDocument) reloaded = NULL;
  g_autoptr (WaymarkDocument) reimported = NULL;
  g_autoptr (GBytes) saved = NULL;
  g_autoptr (GBytes) csv = NULL;
  g_autoptr (GBytes) csv2 = NULL;
  g_autoptr (GError) error = NULL;

  document = waymark_csv_import_bytes (input, "fuzz.csv", &problems);
  if (problems == NULL)
    {
      g_printerr ("the importer returned no problem array\n");
      abort ();
    }
  if (document == NULL)
    {
      gboolean any_error = FALSE;

      for (guint i = 0; i < problems->len; i++)
        any_error |= ((WaymarkProblem *) g_ptr_array_index (problems, i))->severity ==
                     WAYMARK_PROBLEM_ERROR;
      if (!any_error)
        {
          g_printerr ("refused without an error\n");
          abort ();
        }
      return 0;
    }

  saved = waymark_format_save_to_bytes (document);
  reloaded = waymark_format_load_bytes (saved, "imported.waymark", &error);
  if (reloaded == NULL)
    {
      g_printerr ("an imported document does not save as a valid .waymark: %s\n"
                  "--- saved ---\n%.*s\n", error->message,
                  (int) g_bytes_get_size (saved), (const char *) g_bytes_get_data (saved, NULL));
      abort ();
    }

  csv = waymark_csv_export_to_bytes (document);
  reimported = waymark_csv_import_bytes (csv, "exported.csv", &problems2);
  if (reimported == NULL)
    {
      g_printerr ("the CSV export of an imported document does not import:\n");
      print_problems (problems2);
      g_printerr ("--- exported ---\n%.*s\n", (int) g_bytes_get_size (csv),
                  (const char *) g_bytes_get_data (csv, NULL));
      abort ();
    }
  csv2 = waymark_csv_export_to_bytes (reimported);
  fuzz_assert_same_bytes (csv, csv2, "export, import, export");
  return 0;
}
