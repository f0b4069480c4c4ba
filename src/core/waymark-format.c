/* waymark-format.c: reading, checking and writing .waymark files
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file is treated as hostile. The loader reads the bytes itself with
 * a size cap, scans them for what libxml2 cannot bound
 * (waymark-format-scan.c), parses them from memory without network,
 * entity substitution or DTD loading and with the document limits counted
 * as it goes (waymark-format-parse.c, waymark-format-limits.c), then
 * validates against the RELAX NG schema compiled into the program
 * (waymark-format-schema.c) and finally checks what a schema cannot
 * express: unique ids, references, ranges (waymark-format-reader.c). The
 * same walk that checks builds the model, which is handed out only when
 * nothing was wrong. Every stage reports to one checker, which collects
 * the file's problems (waymark-format-problems.c). Saving writes the
 * canonical form (waymark-format-writer.c) through the one safe writer.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/tree.h>

#include "waymark-file-writer.h"
#include "waymark-format-private.h"
#include "waymark-format.h"

#define NS ((const xmlChar *) WAYMARK_FORMAT_NAMESPACE)

/* Checking a whole file */

static void
report_too_large (WaymarkFormatChecker *checker,
                  guint64               size)
{
  /* As for the version above: the size as words first. */
  g_autofree char *bytes = g_strdup_printf ("%" G_GUINT64_FORMAT, size);

  waymark_format_report (checker, 0, 0, WAYMARK_FORMAT_ERROR_TOO_LARGE,
                         _("the file is %s bytes; Waymark reads files of at most %d MiB"), bytes,
                         WAYMARK_FORMAT_MAX_FILE_SIZE / (1024 * 1024));
}

/* A byte-order mark or NULs among the first bytes: libxml2 would say
 * "Start tag expected", which hides the real trouble. */
static gboolean
looks_like_utf16 (const guchar *data,
                  gsize         length)
{
  if (length >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
    return TRUE;
  for (gsize i = 0; i < MIN (length, 4); i++)
    if (data[i] == 0)
      return TRUE;
  return FALSE;
}

/* Checks and reads @data; the document when nothing was wrong. *@schema_ok
 * (may be NULL) says whether the file passed the schema, for tests. */
static WaymarkDocument *
check_data (WaymarkFormatChecker *checker,
            const char           *data,
            gsize                 length,
            gboolean             *schema_ok)
{
  g_autoptr (GError) scan_error = NULL;
  WaymarkDocument *document;
  WaymarkFormatReader *reader;
  gsize parse_length;
  guint line = 0, column = 0;
  gboolean well_formed;

  if (length > WAYMARK_FORMAT_MAX_FILE_SIZE)
    {
      report_too_large (checker, length);
      return NULL;
    }
  if (length == 0)
    {
      waymark_format_report (checker, 1, 1, WAYMARK_FORMAT_ERROR_SYNTAX,
                             _("the file is empty; a Waymark file starts with <waymark>"));
      return NULL;
    }

  if (looks_like_utf16 ((const guchar *) data, length))
    {
      waymark_format_report (checker, 1, 1, WAYMARK_FORMAT_ERROR_ENCODING,
                             _("the file is UTF-16 (or UTF-32) text; Waymark files are UTF-8"));
      return NULL;
    }

  /* What libxml2 would spend quadratic time on, counted first; and it is
   * never given a DTD's internal subset. */
  if (!waymark_format_scan_markup (data, length, &parse_length, &line, &column, &scan_error))
    {
      waymark_format_report (checker, line, column, scan_error->code, "%s", scan_error->message);
      return NULL;
    }

  if (parse_length < length)
    {
      checker->cut_line = line;
      checker->cut_column = column;
    }
  reader = waymark_format_reader_new (checker);
  well_formed = waymark_format_parse_xml (checker, reader, data, parse_length);
  /* After an earlier error libxml2 does not call back at a DTD: it is
   * reported here, where the bytes given to libxml2 end. */
  if (parse_length < length && !checker->saw_dtd)
    {
      waymark_format_report_dtd (checker, line, column);
      well_formed = FALSE;
    }

  /* The checks that need the whole document, and the document. */
  document = waymark_format_reader_finish (reader, well_formed);
  if (schema_ok != NULL)
    *schema_ok = well_formed && waymark_format_reader_matches_schema (reader);
  waymark_format_reader_free (reader);
  return document;
}

static GBytes *read_stream_capped (WaymarkFormatChecker *checker,
                                   GInputStream         *stream,
                                   gsize                 size_hint);

/* Reads at most WAYMARK_FORMAT_MAX_FILE_SIZE + 1 bytes, so that a file
 * growing while it is read (or a device pretending to be a file) still
 * cannot make us allocate without bound. */
static GBytes *
read_file_capped (WaymarkFormatChecker *checker,
                  GFile                *file)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GFileInputStream) stream = NULL;
  goffset size;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        waymark_format_report (checker, 0, 0, WAYMARK_FORMAT_ERROR_IO, _("no such file"));
      else
        waymark_format_report (checker, 0, 0, WAYMARK_FORMAT_ERROR_IO,
                               _("cannot read the file: %s"), error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      waymark_format_report (checker, 0, 0, WAYMARK_FORMAT_ERROR_IO,
                             _("is a directory, not a Waymark file"));
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      waymark_format_report (checker, 0, 0, WAYMARK_FORMAT_ERROR_IO,
                             _("is not a regular file"));
      return NULL;
    }
  size = g_file_info_get_size (info);
  if (size > WAYMARK_FORMAT_MAX_FILE_SIZE)
    {
      report_too_large (checker, (guint64) size);
      return NULL;
    }

  stream = g_file_read (file, NULL, &error);
  if (stream == NULL)
    {
      waymark_format_report (checker, 0, 0, WAYMARK_FORMAT_ERROR_IO,
                             _("cannot read the file: %s"), error->message);
      return NULL;
    }
  return read_stream_capped (checker, G_INPUT_STREAM (stream), (gsize) MAX (size, 0));
}

GBytes *
waymark_format_read_stream (GInputStream  *stream,
                            const char    *display_name,
                            GError       **error)
{
  WaymarkFormatChecker checker;
  g_autoptr (GPtrArray) problems = NULL;
  GBytes *bytes;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  waymark_format_checker_init (&checker, NULL, display_name);
  bytes = read_stream_capped (&checker, stream, 0);
  problems = waymark_format_checker_finish (&checker);
  if (bytes == NULL)
    waymark_problems_set_error (problems, FALSE, error);
  return bytes;
}

/* Reads all of @stream, refusing more than WAYMARK_FORMAT_MAX_FILE_SIZE
 * as soon as it has read past it (a pipe says nothing of its size).
 * @size_hint: the size expected, 0 when unknown. */
static GBytes *
read_stream_capped (WaymarkFormatChecker *checker,
                    GInputStream         *stream,
                    gsize                 size_hint)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GByteArray) buffer = g_byte_array_sized_new ((guint) size_hint + 1);

  for (;;)
    {
      guint8 chunk[64 * 1024];
      gssize n = g_input_stream_read (stream, chunk, sizeof chunk, NULL, &error);

      if (n < 0)
        {
          waymark_format_report (checker, 0, 0, WAYMARK_FORMAT_ERROR_IO,
                                 _("cannot read the file: %s"), error->message);
          return NULL;
        }
      if (n == 0)
        break;
      if (buffer->len + (gsize) n > WAYMARK_FORMAT_MAX_FILE_SIZE)
        {
          waymark_format_report (checker, 0, 0, WAYMARK_FORMAT_ERROR_TOO_LARGE,
                                 _("the file is larger than %d MiB, the most Waymark reads"),
                                 WAYMARK_FORMAT_MAX_FILE_SIZE / (1024 * 1024));
          return NULL;
        }
      g_byte_array_append (buffer, chunk, (guint) n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/* Checks @bytes, or reads @file's first when @bytes is NULL. */
static GPtrArray *
check (GFile            *file,
       GBytes           *bytes,
       const char       *display_name,
       WaymarkDocument **document)
{
  WaymarkFormatChecker checker;
  g_autoptr (GBytes) read = NULL;
  g_autoptr (WaymarkDocument) loaded = NULL;

  waymark_format_checker_init (&checker, file, display_name);
  if (bytes == NULL)
    bytes = read = read_file_capped (&checker, file);
  if (bytes != NULL)
    loaded = check_data (&checker, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
  if (document != NULL)
    *document = checker.problems->len == 0 ? g_steal_pointer (&loaded) : NULL;
  return waymark_format_checker_finish (&checker);
}

GPtrArray *
waymark_format_check_stream (GInputStream     *stream,
                             const char       *display_name,
                             WaymarkDocument **document)
{
  WaymarkFormatChecker checker;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (WaymarkDocument) loaded = NULL;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  waymark_format_checker_init (&checker, NULL, display_name);
  bytes = read_stream_capped (&checker, stream, 0);
  if (bytes != NULL)
    loaded = check_data (&checker, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
  if (document != NULL)
    *document = checker.problems->len == 0 ? g_steal_pointer (&loaded) : NULL;
  return waymark_format_checker_finish (&checker);
}

gboolean
waymark_format_matches_schema (const char *data,
                               gsize       length,
                               gboolean   *checked)
{
  WaymarkFormatChecker checker;
  g_autoptr (WaymarkDocument) document = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  gboolean schema_ok = FALSE;

  waymark_format_checker_init (&checker, NULL, NULL);
  document = check_data (&checker, data, length, &schema_ok);
  /* Whether the schema had its say: not when the file was refused before
   * (not well-formed, a DTD, a limit) or is no Waymark document at all. */
  *checked = TRUE;
  for (guint i = 0; i < checker.problems->len; i++)
    {
      WaymarkProblem *problem = g_ptr_array_index (checker.problems, i);

      if (problem->code == WAYMARK_FORMAT_ERROR_SYNTAX ||
          problem->code == WAYMARK_FORMAT_ERROR_ENCODING ||
          problem->code == WAYMARK_FORMAT_ERROR_FORBIDDEN ||
          problem->code == WAYMARK_FORMAT_ERROR_TOO_LARGE)
        *checked = FALSE;
    }
  problems = waymark_format_checker_finish (&checker);
  return schema_ok;
}

GPtrArray *
waymark_format_check_file (GFile            *file,
                           const char       *display_name,
                           WaymarkDocument **document)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return check (file, NULL, display_name, document);
}

GPtrArray *
waymark_format_check_bytes (GBytes           *bytes,
                            const char       *display_name,
                            WaymarkDocument **document)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return check (NULL, bytes, display_name, document);
}

GBytes *
waymark_format_read_file (GFile       *file,
                          const char  *display_name,
                          GError     **error)
{
  WaymarkFormatChecker checker;
  g_autoptr (GPtrArray) problems = NULL;
  GBytes *bytes;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  waymark_format_checker_init (&checker, file, display_name);
  bytes = read_file_capped (&checker, file);
  problems = waymark_format_checker_finish (&checker);
  if (bytes == NULL)
    waymark_problems_set_error (problems, FALSE, error);
  return bytes;
}

/* The document, or NULL and one GError for all the problems. */
static WaymarkDocument *
load (GFile       *file,
      GBytes      *bytes,
      const char  *display_name,
      GError     **error)
{
  WaymarkDocument *document = NULL;
  g_autoptr (GPtrArray) problems = check (file, bytes, display_name, &document);

  if (problems->len > 0)
    waymark_problems_set_error (problems, FALSE, error);
  return document;
}

WaymarkDocument *
waymark_format_load_bytes (GBytes      *bytes,
                           const char  *display_name,
                           GError     **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load (NULL, bytes, display_name, error);
}

WaymarkDocument *
waymark_format_load_file (GFile   *file,
                          GError **error)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load (file, NULL, NULL, error);
}

/* Saving */

gboolean
waymark_format_write_bytes (GBytes      *bytes,
                            GFile       *file,
                            const char  *display_name,
                            GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *parse_name = NULL;

  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (waymark_file_write_bytes (file, bytes, &local_error))
    return TRUE;

  if (display_name == NULL)
    display_name = parse_name = g_file_get_parse_name (file);
  g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_IO,
               _("%s: cannot save: %s"), display_name, local_error->message);
  return FALSE;
}

gboolean
waymark_format_save_file (WaymarkDocument  *document,
                          GFile            *file,
                          GError          **error)
{
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = waymark_format_save_to_bytes (document);
  if (!waymark_format_write_bytes (bytes, file, NULL, error))
    return FALSE;
  waymark_history_mark_saved (waymark_document_get_history (document));
  return TRUE;
}
