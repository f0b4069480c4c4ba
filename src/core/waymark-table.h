/* waymark-table.h: a spreadsheet as rows of text cells, whatever file it came from
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "waymark-document.h"

G_BEGIN_DECLS

/* A reader turns a spreadsheet file into a table (the CSV reader,
 * waymark-csv-reader.c, is the one there is); the table import
 * (waymark-table-import.c) builds a document from any table, so that a
 * new spreadsheet format is a new reader and nothing else. A row is
 * either cells of UTF-8 or not, as the file holds them, or a row the
 * reader could not read, with the reason; every row has the 1-based line
 * a spreadsheet shows for it, which problems name. The first row is the
 * header. */
typedef struct _WaymarkTable WaymarkTable;

/* A new, empty table of the file @display_name names in problems. */
WaymarkTable    *waymark_table_new              (const char    *display_name);
void             waymark_table_free             (WaymarkTable  *table);

const char      *waymark_table_get_display_name (WaymarkTable  *table);

/* Adds a row at @line holding @n_cells copies of @cells (NUL-terminated
 * strings). */
void             waymark_table_add_row          (WaymarkTable       *table,
                                                 guint               line,
                                                 const char * const *cells,
                                                 guint               n_cells);

/* Adds a row at @line that the reader could not read; takes @problem,
 * which says why. */
void             waymark_table_add_bad_row      (WaymarkTable  *table,
                                                 guint          line,
                                                 char          *problem);

guint            waymark_table_get_n_rows       (WaymarkTable  *table);
guint            waymark_table_get_line         (WaymarkTable  *table,
                                                 guint          row);

/* Why @row could not be read, or NULL when it was. */
const char      *waymark_table_get_problem      (WaymarkTable  *table,
                                                 guint          row);

/* The cells of @row, as many as the file gave (none for a bad row); a
 * cell past them reads as "", as an empty cell does. */
guint            waymark_table_get_n_cells      (WaymarkTable  *table,
                                                 guint          row);
const char      *waymark_table_get_cell         (WaymarkTable  *table,
                                                 guint          row,
                                                 guint          cell);

/* Builds a new document from @table, collecting every problem rather
 * than stopping at the first, as waymark_csv_import_bytes() describes
 * (the columns and rules are those of docs/spreadsheets.md). @title is the new
 * document's title. Returns NULL when there is any error; *@problems
 * (may be NULL) receives every problem, warnings included. */
WaymarkDocument *waymark_table_import           (WaymarkTable  *table,
                                                 const char    *title,
                                                 GPtrArray    **problems);

/* What the user says about a spreadsheet to import. */
typedef struct {
  /* The sheet of an xlsx or ods file to read, by name; NULL: the first. */
  const char         *sheet;
  /* Which header cell is which column, as "column=Header" ("phase=Stap"),
   * NULL-terminated; NULL or empty: the headers say it themselves. */
  const char * const *columns;
  /* The new document's title; NULL: the file's name without its
   * extension (standard input has no name to give). */
  const char         *title;
} WaymarkImportOptions;

/* The same with @options (may be NULL). A header cell the mapping names
 * is that column, whatever it says; other cells are read by their names
 * (in English, Dutch or a synonym); cells that name no column are ignored
 * with a warning. A mapping that names an unknown column or a header the
 * row does not have is an error. */
WaymarkDocument *waymark_table_import_with_options (WaymarkTable               *table,
                                                    const char                 *title,
                                                    const WaymarkImportOptions *options,
                                                    GPtrArray                 **problems);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkTable, waymark_table_free)

G_END_DECLS
