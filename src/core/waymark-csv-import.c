/* waymark-csv-import.c: building a document from a CSV file
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "waymark-csv-private.h"

/* The CSV reader (waymark-csv-reader.c) turns the bytes into a table and
 * the table import (waymark-table-import.c) builds the document; what is
 * left here is the size cap and the file. */

/* The file is refused before any of it is read. */
static WaymarkProblem *
too_large_problem (const char *display_name)
{
  return waymark_problem_new (display_name, 0, 0, WAYMARK_PROBLEM_ERROR, WAYMARK_CSV_ERROR,
                              WAYMARK_CSV_ERROR_TOO_LARGE,
                              g_strdup_printf (_("the file is larger than %d MiB"),
                                               WAYMARK_CSV_MAX_FILE_SIZE / (1024 * 1024)));
}

static char *
title_from_display_name (const char *display_name)
{
  g_autofree char *base = g_path_get_basename (display_name);
  gsize len = strlen (base);

  if (len > 4 && g_ascii_strcasecmp (base + len - 4, ".csv") == 0)
    base[len - 4] = '\0';
  return g_steal_pointer (&base);
}

static WaymarkDocument *
import_bytes (GBytes                     *bytes,
              const char                 *display_name,
              const WaymarkImportOptions *options,
              GPtrArray                 **problems)
{
  g_autoptr (WaymarkTable) table = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (display_name == NULL)
    display_name = "CSV";

  if (g_bytes_get_size (bytes) > WAYMARK_CSV_MAX_FILE_SIZE)
    {
      if (problems != NULL)
        {
          *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_problem_free);
          g_ptr_array_add (*problems, too_large_problem (display_name));
        }
      return NULL;
    }

  table = waymark_csv_read_table (bytes, display_name);
  title = title_from_display_name (display_name);
  return waymark_table_import_with_options (table, title, options, problems);
}

WaymarkDocument *
waymark_csv_import_bytes (GBytes      *bytes,
                          const char  *display_name,
                          GPtrArray  **problems)
{
  return import_bytes (bytes, display_name, NULL, problems);
}

static GBytes *
read_capped (GFile       *file,
             const char  *display_name,
             GPtrArray   *problems)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (GByteArray) data = g_byte_array_new ();
  guint8 buffer[64 * 1024];

  stream = g_file_read (file, NULL, &error);
  if (stream == NULL)
    goto fail;

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, NULL, &error);

      if (n < 0)
        goto fail;
      if (n == 0)
        break;
      /* Read one byte past the cap at most, so a huge or endless file
       * (a device, a FIFO) cannot fill memory. */
      if (data->len + (gsize) n > WAYMARK_CSV_MAX_FILE_SIZE)
        {
          g_ptr_array_add (problems, too_large_problem (display_name));
          return NULL;
        }
      g_byte_array_append (data, buffer, (guint) n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));

fail:
  g_ptr_array_add (problems, waymark_problem_new (display_name, 0, 0, WAYMARK_PROBLEM_ERROR,
                                                  WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_IO,
                                                  g_strdup (error->message)));
  return NULL;
}

WaymarkDocument *
waymark_csv_import_file (GFile       *file,
                         const char  *display_name,
                         GPtrArray  **problems)
{
  return waymark_csv_import_file_with_options (file, display_name, NULL, problems);
}

WaymarkDocument *
waymark_csv_import_file_with_options (GFile                      *file,
                                      const char                 *display_name,
                                      const WaymarkImportOptions *options,
                                      GPtrArray                 **problems)
{
  g_autofree char *parse_name = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) read_problems =
    g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_problem_free);

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (display_name == NULL)
    display_name = parse_name = g_file_get_parse_name (file);

  bytes = read_capped (file, display_name, read_problems);
  if (bytes == NULL)
    {
      if (problems != NULL)
        *problems = g_steal_pointer (&read_problems);
      return NULL;
    }
  return import_bytes (bytes, display_name, options, problems);
}

WaymarkDocument *
waymark_csv_import_file_simple (GFile   *file,
                                GError **error)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (WaymarkDocument) document = NULL;

  document = waymark_csv_import_file (file, NULL, &problems);
  if (document != NULL)
    return g_steal_pointer (&document);

  if (!waymark_problems_set_error (problems, TRUE, error))
    g_set_error_literal (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_INVALID, "");
  return NULL;
}
