/* waymark-xlsx.h: a document as an xlsx workbook
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "waymark-document.h"

G_BEGIN_DECLS

/* The rows and columns of the CSV export (docs/spreadsheets.md) as one
 * sheet of a minimal SpreadsheetML package: a bold, frozen header row,
 * columns as wide as their text, text as inline strings and the numeric
 * columns as numbers. Importing it (waymark_csv_import_file(), which
 * reads xlsx too) gives the same document as the CSV does. The bytes do
 * not depend on when they are made. Never fails. */
GBytes   *waymark_xlsx_export_to_bytes (WaymarkDocument  *document);

/* Writes the xlsx of @document with the one file writer
 * (waymark-file-writer.h), so a failed export leaves no partial file. */
gboolean  waymark_xlsx_export_to_file  (WaymarkDocument  *document,
                                        GFile            *file,
                                        GError          **error);

G_END_DECLS
