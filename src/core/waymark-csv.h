/* waymark-csv.h: a document as a CSV table, and back
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "waymark-document.h"
#include "waymark-limits.h"
#include "waymark-problem.h"
#include "waymark-table.h"

G_BEGIN_DECLS

/* The columns, rules and limits are described in docs/spreadsheets.md. In short:
 * one row per card and per emotion point (plus a row for a phase, lane or
 * persona that would otherwise not appear), RFC 4180 quoting with CRLF
 * line ends, UTF-8 with a byte-order mark, a header row, and text cells
 * that a spreadsheet would run as a formula written with a leading "'". */

#define WAYMARK_CSV_ERROR (waymark_csv_error_quark ())

typedef enum {
  WAYMARK_CSV_ERROR_IO,         /* cannot read the file */
  WAYMARK_CSV_ERROR_TOO_LARGE,  /* over one of the limits below, or the model's */
  WAYMARK_CSV_ERROR_INVALID,    /* rows that do not make a document */
} WaymarkCsvError;

GQuark waymark_csv_error_quark (void);

/* Limits on what the importer accepts, so that a hostile file cannot
 * exhaust memory: a coding spreadsheet of a large study is a few
 * megabytes and a few thousand rows. A table that would pass one of the
 * model's limits (waymark-limits.h) is refused as a whole too. */
#define WAYMARK_CSV_MAX_FILE_SIZE    (32 * 1024 * 1024)
/* A cell holds one text of the model (WAYMARK_LIMIT_TEXT_LENGTH), and the
 * exporter may put a formula guard's apostrophe in front of it. */
#define WAYMARK_CSV_MAX_FIELD_LENGTH (WAYMARK_LIMIT_TEXT_LENGTH + 1)
#define WAYMARK_CSV_MAX_COLUMNS      64
#define WAYMARK_CSV_MAX_ROWS         200000
/* Import stops collecting problems after this many; the last one says so. */
#define WAYMARK_CSV_MAX_PROBLEMS     100

/* The whole document as CSV bytes (with the BOM). Never fails. */
GBytes          *waymark_csv_export_to_bytes (WaymarkDocument  *document);

/* Writes the CSV of @document safely to @file (temporary file, then
 * rename), so a failed export leaves no partial file. */
gboolean         waymark_csv_export_to_file  (WaymarkDocument  *document,
                                              GFile            *file,
                                              GError          **error);

/* Builds a new document from CSV @bytes, collecting every problem rather
 * than stopping at the first. Returns NULL when there is any error (not
 * counting warnings); *@problems (may be NULL) receives all problems,
 * warnings included, as WaymarkProblem* of WAYMARK_CSV_ERROR (an empty
 * array when there are none). A problem's line is the 1-based row as a
 * spreadsheet shows it (the header is row 1; a cell with line breaks does
 * not add rows), 0 for the file as a whole; its column is 0. Warnings
 * (an unknown column that is ignored) do not stop the import.
 * @display_name names the file in the problems and gives the document its
 * title. The new document's history is empty. */
WaymarkDocument *waymark_csv_import_bytes    (GBytes           *bytes,
                                              const char       *display_name,
                                              GPtrArray       **problems);

/* The same for a file, read with a size cap. @display_name NULL uses the
 * file's parse name. */
WaymarkDocument *waymark_csv_import_file     (GFile            *file,
                                              const char       *display_name,
                                              GPtrArray       **problems);

/* The same with what the user says about the sheet (may be NULL): which
 * header cell is which column (`--columns phase=Stap`). */
WaymarkDocument *waymark_csv_import_file_with_options (GFile                      *file,
                                                       const char                 *display_name,
                                                       const WaymarkImportOptions *options,
                                                       GPtrArray                 **problems);

/* For callers that want a GError (the app's "Import CSV"): on failure the
 * error's message lists the problems, one "FILE:ROW: error: message" per
 * line. Warnings are dropped. */
/* The same for a stream that is not a file, such as standard input. */
WaymarkDocument *waymark_csv_import_stream_with_options (GInputStream               *stream,
                                                         const char                 *display_name,
                                                         const WaymarkImportOptions *options,
                                                         GPtrArray                 **problems);

WaymarkDocument *waymark_csv_import_file_simple (GFile         *file,
                                                 GError       **error);

G_END_DECLS
