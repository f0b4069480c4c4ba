/* waymark-format.h: reading, checking and writing .waymark files
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "waymark-document.h"
#include "waymark-error.h"
#include "waymark-problem.h"

G_BEGIN_DECLS

/* The newest format version this build reads and writes. A file of a
 * higher version is refused as "written by a newer version of Waymark". */
#define WAYMARK_FORMAT_VERSION 3
/* The oldest version it reads, and the one it writes for a document that
 * uses nothing newer, so that such files stay readable by older Waymarks
 * and tools (docs/file-format.md, "Versions"). */
#define WAYMARK_FORMAT_VERSION_BASE 1
/* What version 2 added: domains and recommendations. */
#define WAYMARK_FORMAT_VERSION_RECOMMENDATIONS 2
/* What version 3 added: persona profiles (quote, goals, needs,
 * frustrations, facts). */
#define WAYMARK_FORMAT_VERSION_PROFILES 3
#define WAYMARK_FORMAT_NAMESPACE "urn:waymark:document"

/* Files larger than this are refused before parsing (docs/file-format.md).
 * A real journey map is a few hundred kilobytes at most. Must stay below
 * libxml2's 10,000,000-byte input lookup limit (lifted only by the
 * forbidden XML_PARSE_HUGE): with 64 MiB here, files over 10 MB failed
 * with "internal error: Huge input lookup" (tests/test-limits.c). The
 * other limits are in waymark-limits.h. */
#define WAYMARK_FORMAT_MAX_FILE_SIZE (8 * 1024 * 1024)

/* Loading stops collecting problems after this many (a hostile file could
 * otherwise produce millions); the last one says that it stopped. */
#define WAYMARK_FORMAT_MAX_PROBLEMS 100

/* Reads and checks a file, collecting every problem instead of stopping
 * at the first (for `waymark validate`). Returns the problems
 * (WaymarkProblem*, errors of WAYMARK_FORMAT_ERROR in the order of the
 * file; the column is 1 when only the line is known), an empty
 * array when the file is a valid document; never NULL. When there are no
 * problems and @document is not NULL, it receives the loaded document.
 * @display_name names the file in the problems; NULL uses the file's
 * parse name. */
GPtrArray       *waymark_format_check_file      (GFile            *file,
                                                 const char       *display_name,
                                                 WaymarkDocument **document);
/* The same for bytes already in memory. */
GPtrArray       *waymark_format_check_bytes     (GBytes           *bytes,
                                                 const char       *display_name,
                                                 WaymarkDocument **document);
/* The same for a stream that is not a file, such as standard input. */
GPtrArray       *waymark_format_check_stream    (GInputStream     *stream,
                                                 const char       *display_name,
                                                 WaymarkDocument **document);

/* Reads a file's bytes as the loader does: refuses what is not a regular
 * file and anything over WAYMARK_FORMAT_MAX_FILE_SIZE. The error message
 * is "FILE: message"; @display_name NULL uses the parse name. */
GBytes          *waymark_format_read_file       (GFile            *file,
                                                 const char       *display_name,
                                                 GError          **error);
/* The same for a stream that is not a file, such as standard input: all
 * of it, refused past WAYMARK_FORMAT_MAX_FILE_SIZE. */
GBytes          *waymark_format_read_stream     (GInputStream     *stream,
                                                 const char       *display_name,
                                                 GError          **error);

/* Checks XML @data, before libxml2 parses it, for what libxml2 2.9 spends
 * quadratic time on and cannot bound itself: more than
 * WAYMARK_LIMIT_ATTRIBUTES attributes on one element, or more than
 * WAYMARK_LIMIT_NAMESPACES namespace declarations in scope. FALSE with
 * @error (WAYMARK_FORMAT_ERROR_TOO_LARGE, a message naming the limit) and
 * the 1-based @line and @column of the element. *@parse_length receives
 * how much of @data libxml2 may be given: all of it, or the part up to
 * the header of a document type declaration, so that libxml2 never reads
 * a DTD (waymark-format-scan.c says why); @line and @column then say
 * where that part ends. Any of @parse_length, @line and @column may be
 * NULL. */
gboolean         waymark_format_scan_markup     (const char       *data,
                                                 gsize             length,
                                                 gsize            *parse_length,
                                                 guint            *line,
                                                 guint            *column,
                                                 GError          **error);

/* Loads a document; the history is empty and the document unmodified.
 * On failure the error (WAYMARK_FORMAT_ERROR) carries the first problem's
 * code; its message lists the problems, one "FILE:LINE:COL: message"
 * per line. */
WaymarkDocument *waymark_format_load_file       (GFile            *file,
                                                 GError          **error);
WaymarkDocument *waymark_format_load_bytes      (GBytes           *bytes,
                                                 const char       *display_name,
                                                 GError          **error);

/* The format version the document is written in: the oldest that holds
 * everything it has (WAYMARK_FORMAT_VERSION_PROFILES when a persona has a
 * profile, else WAYMARK_FORMAT_VERSION_RECOMMENDATIONS when it has a
 * domain or a recommendation, else WAYMARK_FORMAT_VERSION_BASE). */
int              waymark_format_get_version     (WaymarkDocument  *document);

/* The document in canonical form: loading these bytes and saving again
 * gives the same bytes. Never fails. */
GBytes          *waymark_format_save_to_bytes   (WaymarkDocument  *document);

/* Writes the document with the one safe writer (waymark-file-writer.h):
 * a failed save leaves the old file as it was. On success marks the
 * document's history saved. */
gboolean         waymark_format_save_file       (WaymarkDocument  *document,
                                                 GFile            *file,
                                                 GError          **error);

/* Writes @bytes safely to @file (as waymark_format_save_file() does);
 * the error is WAYMARK_FORMAT_ERROR_IO, "NAME: cannot save: reason", with
 * @display_name as NAME (NULL: the file's parse name). */
gboolean         waymark_format_write_bytes     (GBytes           *bytes,
                                                 GFile            *file,
                                                 const char       *display_name,
                                                 GError          **error);

/* Whether @value is a colour as documents store them: "#rrggbb", exactly
 * the schema's pattern #[0-9A-Fa-f]{6}. Every colour that comes from
 * outside (files, CSV, the clipboard) is checked with it. */
gboolean         waymark_format_is_color        (const char       *value);

/* The RELAX NG schema compiled into the program (data/waymark.rng). */
GBytes          *waymark_format_get_schema      (void);

G_END_DECLS
