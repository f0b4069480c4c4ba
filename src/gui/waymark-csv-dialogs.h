/* waymark-csv-dialogs.h: "Export as CSV…" and "Import CSV…" in the app
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "waymark-window.h"

G_BEGIN_DECLS

/* Asks where to write the CSV of @window's document (docs/spreadsheets.md) and
 * writes it; a failure is shown in a dialog. */
void waymark_csv_export_dialog (WaymarkWindow *window);

/* Asks for a CSV file and builds a document from it: shown in @window
 * when that is pristine, else in a new window. The problems, with their
 * rows, are shown in a dialog when there are any, and nothing is opened. */
void waymark_csv_import_dialog (WaymarkWindow *window);

G_END_DECLS
