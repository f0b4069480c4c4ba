/* waymark-csv-import.c: building a document from a CSV file
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "waymark-sheet-private.h"

/* A reader turns the bytes into a table (waymark-csv-reader.c for CSV,
 * waymark-xlsx-reader.c and waymark-ods-reader.c for the zip-based
 * spreadsheets, told apart by their content) and the table import
 * (waymark-table-import.c) builds the document; what is left here is the
 * size cap, the choice of reader and the file. */

/* The file is refused before any of it is read. */
static WaymarkProblem *
too_large_problem (const char *display_name)
{
  return waymark_problem_new (display_name, 0, 0, WAYMARK_PROBLEM_ERROR, WAYMARK_CSV_ERROR,
                              WAYMARK_CSV_ERROR_TOO_LARGE,
                              g_strdup_printf (_("the file is larger than %d MiB"),
                                               WAYMARK_CSV_MAX_FILE_SIZE / (1024 * 1024)));
}

static gboolean
has_suffix (const char *name,
            const char *suffix)
{
  gsize len = strlen (name), suffix_len = strlen (suffix);

  return len > suffix_len && g_ascii_strcasecmp (name + len - suffix_len, suffix) == 0;
}

static char *
title_from_display_name (const char *display_name)
{
  static const char * const suffixes[] = { ".csv", ".tsv", ".xlsx", ".ods" };
  g_autofree char *base = g_path_get_basename (display_name);

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (has_suffix (base, suffixes[i]))
      {
        base[strlen (base) - strlen (suffixes[i])] = '\0';
        break;
      }
  return g_steal_pointer (&base);
}

/* The table of @bytes by their content, whatever the file is called: a
 * zip archive is an ods file when it says so in its mimetype member (as
 * OpenDocument requires), else an xlsx file; anything else is CSV, unless
 * its name says it should have been a spreadsheet. NULL with @error when
 * the file cannot be read as a table at all. */
static WaymarkTable *
read_table (GBytes                     *bytes,
            const char                 *display_name,
            const WaymarkImportOptions *options,
            GError                    **error)
{
  const char *sheet = options != NULL ? options->sheet : NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (waymark_sheet_is_zip (bytes))
    {
      g_autoptr (WaymarkSheetZip) zip = waymark_sheet_zip_open (bytes, error);

      if (zip == NULL)
        return NULL;
      if (waymark_sheet_zip_has_part (zip, "mimetype"))
        return waymark_ods_read_table (bytes, display_name, sheet, error);
      return waymark_xlsx_read_table (bytes, display_name, sheet, error);
    }
  /* The compound file of Excel 97–2003 (.xls): a clear word rather than
   * a screen of encoding errors from the CSV reader. */
  if (size >= 8 && memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    {
      g_set_error_literal (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_INVALID,
                           _("the file is an old Excel workbook (.xls), which Waymark does not "
                             "read; save it as .xlsx, .ods or CSV"));
      return NULL;
    }
  if (has_suffix (display_name, ".xlsx") || has_suffix (display_name, ".ods"))
    {
      g_set_error_literal (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_INVALID,
                           _("the file is not a zip archive, as xlsx and ods files are"));
      return NULL;
    }
  if (sheet != NULL)
    {
      g_set_error_literal (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_INVALID,
                           _("a CSV file has one sheet; a sheet name applies to xlsx and ods "
                             "files"));
      return NULL;
    }
  return waymark_csv_read_table (bytes, display_name);
}

static WaymarkDocument *
import_bytes (GBytes                     *bytes,
              const char                 *display_name,
              const WaymarkImportOptions *options,
              GPtrArray                 **problems)
{
  g_autoptr (WaymarkTable) table = NULL;
  g_autofree char *title = NULL;
  g_autoptr (GError) error = NULL;

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

  table = read_table (bytes, display_name, options, &error);
  if (table == NULL)
    {
      if (problems != NULL)
        {
          *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_problem_free);
          g_ptr_array_add (*problems,
                           waymark_problem_new (display_name, 0, 0, WAYMARK_PROBLEM_ERROR,
                                                error->domain, error->code,
                                                g_strdup (error->message)));
        }
      return NULL;
    }
  title = options != NULL && options->title != NULL ? g_strdup (options->title)
                                                    : title_from_display_name (display_name);
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
read_stream_capped (GInputStream *stream,
                    const char   *display_name,
                    GPtrArray    *problems)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GByteArray) data = g_byte_array_new ();
  guint8 buffer[64 * 1024];

  for (;;)
    {
      gssize n = g_input_stream_read (stream, buffer, sizeof buffer, NULL, &error);

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

static GBytes *
read_capped (GFile       *file,
             const char  *display_name,
             GPtrArray   *problems)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFileInputStream) stream = g_file_read (file, NULL, &error);

  if (stream == NULL)
    {
      g_ptr_array_add (problems, waymark_problem_new (display_name, 0, 0, WAYMARK_PROBLEM_ERROR,
                                                      WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_IO,
                                                      g_strdup (error->message)));
      return NULL;
    }
  return read_stream_capped (G_INPUT_STREAM (stream), display_name, problems);
}

WaymarkDocument *
waymark_csv_import_stream_with_options (GInputStream               *stream,
                                        const char                 *display_name,
                                        const WaymarkImportOptions *options,
                                        GPtrArray                 **problems)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) read_problems =
    g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_problem_free);

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  bytes = read_stream_capped (stream, display_name, read_problems);
  if (bytes == NULL)
    {
      if (problems != NULL)
        *problems = g_steal_pointer (&read_problems);
      return NULL;
    }
  return import_bytes (bytes, display_name, options, problems);
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
