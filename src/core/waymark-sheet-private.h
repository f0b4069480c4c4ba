/* waymark-sheet-private.h: what the xlsx and ods readers and the xlsx writer share
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>

#include "waymark-csv-private.h"
#include "waymark-format.h"

G_BEGIN_DECLS

/* An xlsx or ods file is a zip archive of XML parts. The limits bound what
 * a hostile archive can make Waymark unpack or build (docs/spreadsheets.md):
 * the archive itself is read with the CSV file cap (32 MiB), and then */

/* each XML part is parsed by the document loader's hardened parser, which
 * takes at most this much (libxml2's own lookup limit is 10 MB); a part
 * that says it unpacks to more is refused before any of it is inflated; */
#define WAYMARK_SHEET_MAX_PART_SIZE WAYMARK_FORMAT_MAX_FILE_SIZE
/* all the parts read from one archive together unpack to at most this; */
#define WAYMARK_SHEET_MAX_UNPACKED  (32 * 1024 * 1024)
/* an archive lists at most this many members (a spreadsheet has a dozen); */
#define WAYMARK_SHEET_MAX_MEMBERS   1000
/* the text of all the cells read, repeated and shared ones counted each
 * time they are used, is at most the CSV file cap; */
#define WAYMARK_SHEET_MAX_TEXT      WAYMARK_CSV_MAX_FILE_SIZE
/* and a sheet has at most this many merged ranges and rows (Calc's and
 * Excel's last row). */
#define WAYMARK_SHEET_MAX_MERGES    1000
#define WAYMARK_SHEET_LAST_ROW      1048576

/* Whether @bytes start like a zip archive (an xlsx or ods file). */
gboolean          waymark_sheet_is_zip         (GBytes      *bytes);

typedef struct _WaymarkSheetZip WaymarkSheetZip;

/* Opens the archive in @bytes (kept alive by the zip) after checking its
 * member count. Errors are WAYMARK_CSV_ERROR, without the file's name. */
WaymarkSheetZip  *waymark_sheet_zip_open       (GBytes      *bytes,
                                                GError     **error);
void              waymark_sheet_zip_free       (WaymarkSheetZip *zip);

/* Whether the archive has a member at @path ("xl/workbook.xml"). */
gboolean          waymark_sheet_zip_has_part   (WaymarkSheetZip *zip,
                                                const char      *path);

/* The unpacked bytes of the member at @path, within the limits above;
 * NULL with G_IO_ERROR_NOT_FOUND when there is none. */
GBytes           *waymark_sheet_zip_read_part  (WaymarkSheetZip *zip,
                                                const char      *path,
                                                GError         **error);

/* The member at @path parsed by the loader's hardened parser
 * (waymark_format_parse_fragment()); the error names the part and the
 * line and column of its first problem. */
xmlDocPtr         waymark_sheet_zip_parse_part (WaymarkSheetZip *zip,
                                                const char      *path,
                                                GError         **error);

/* Fills a table row by row, cell by cell, within the limits above; the
 * readers give it what the file says and it decides what is kept. */
typedef struct {
  WaymarkTable *table;
  const char   *sheet;       /* its name, for messages */
  GPtrArray    *cells;       /* char*, the open row's; NULL: an empty cell */
  guint64       line;        /* of the open row, 1-based; 0: none is open */
  char         *problem;     /* why the open row cannot be read, or NULL */
  guint         n_rows;      /* rows added to the table */
  gsize         text_size;   /* bytes of cell text added */
} WaymarkSheetBuilder;

void      waymark_sheet_builder_init      (WaymarkSheetBuilder *builder,
                                           WaymarkTable        *table,
                                           const char          *sheet);
void      waymark_sheet_builder_clear     (WaymarkSheetBuilder *builder);

/* Opens row @line (1-based, as the sheet numbers it). */
void      waymark_sheet_builder_start_row (WaymarkSheetBuilder *builder,
                                           guint64              line);
/* Sets the open row's cell @column (0-based) to @text; an empty @text
 * is an empty cell. A cell with text past the last column Waymark reads
 * makes the row a bad one; FALSE with @error only when the whole sheet
 * is too much (its text). */
gboolean  waymark_sheet_builder_set_cell  (WaymarkSheetBuilder *builder,
                                           guint64              column,
                                           const char          *text,
                                           GError             **error);
/* Makes the open row a bad one, unless it already is; takes @message. */
void      waymark_sheet_builder_bad_cell  (WaymarkSheetBuilder *builder,
                                           guint64              column,
                                           char                *message);
/* Adds the open row to the table @count times (a repeated row of an ods
 * file), on its line and those after it; a row of empty cells is left
 * out, as blank rows are skipped anyway. FALSE with @error when that
 * passes the rows or text Waymark reads. */
gboolean  waymark_sheet_builder_end_row   (WaymarkSheetBuilder *builder,
                                           guint64              count,
                                           GError             **error);

/* "Sheet1!C7" (quoted, 'My sheet'!C7, when the name needs it), for
 * messages; @column is 0-based. */
char     *waymark_sheet_cell_name         (const char          *sheet,
                                           guint64              column,
                                           guint64              line);

/* A number as a spreadsheet's General format shows it ("3", "-2",
 * "0.25"; up to 15 significant digits, what a double holds): how the
 * reader shows a number cell, and what the writer checks a value against
 * before it writes it as a number, so that it reads back the same. */
char     *waymark_sheet_format_number     (double               value);

/* The value of @node's attribute @name in any namespace, or NULL; free
 * with xmlFree(). Spreadsheet parts come in more than one namespace
 * (transitional and strict OOXML), and a name is unambiguous within a
 * part. */
char     *waymark_sheet_get_attribute     (xmlNodePtr           node,
                                           const char          *name);
/* Whether @node is an element named @name, in any namespace. */
gboolean  waymark_sheet_is_element        (xmlNodePtr           node,
                                           const char          *name);
/* The first child element of @node named @name, or NULL. */
xmlNodePtr waymark_sheet_find_child       (xmlNodePtr           node,
                                           const char          *name);

/* The readers: a table of the sheet named @sheet (NULL: the first) of the
 * xlsx or ods file in @bytes, or NULL with @error (WAYMARK_CSV_ERROR)
 * whose message says where ("Sheet1!C7: …") but not the file. */
WaymarkTable *waymark_xlsx_read_table     (GBytes              *bytes,
                                           const char          *display_name,
                                           const char          *sheet,
                                           GError             **error);
WaymarkTable *waymark_ods_read_table      (GBytes              *bytes,
                                           const char          *display_name,
                                           const char          *sheet,
                                           GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkSheetZip, waymark_sheet_zip_free)

G_END_DECLS
